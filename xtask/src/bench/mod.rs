//! `cargo xtask bench`: the performance figures of the README, measured in one run on a
//! synthetic panel (default 1,000 companies × 10 years, see [`panel`]).
//!
//! ```text
//! cargo xtask bench [--companies N] [--years Y] [--reps R] [--peer-python PATH]
//! ```
//!
//! Measured (median of R runs, default 3; the ratio engine median of 10 × R):
//! - import: `bilans_sheets::import::import_file` of the panel workbook;
//! - ratio engine: `bilans_ratios::evaluate_all`, every ratio for every company-year;
//! - analysis: `bilans_ratios::analysis::analyse` (validation, ratios, Du Pont);
//! - export: `panel_workbook` built and saved (with and without source notes);
//! - pipeline in process: import + analysis + export, the code path of
//!   `bilans analyse PANEL.xlsx --panel -o OUT.xlsx`;
//! - pipeline as the release binary, a subprocess under `/usr/bin/time -v`, which also
//!   gives its peak memory (maximum resident set size);
//! - the I/O floor: calamine reading every sheet of the input, plus rust_xlsxwriter
//!   writing and saving a workbook of the same cells as the pipeline's output, as plain
//!   values (see [`floor`]);
//! - the peer, FinanceToolkit, on the very same panel (`xtask/peer/ftk_panel.py`), with
//!   the Python given by `--peer-python` or `BILANS_PEER_PYTHON`; skipped with a message
//!   when neither is given or it cannot import financetoolkit.
//!
//! The table is printed and also written to `target/bench/performance.md` (not
//! committed: timings differ from run to run). Timings need optimised code: a debug
//! build of this task re-runs itself as `cargo run --release -p xtask -- bench …`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use bilans_model::Statements;
use bilans_ratios::EvalConfig;
use bilans_ratios::analysis::{Analysis, analyse};
use bilans_sheets::analyse::{WorkbookOptions, panel_workbook};
use bilans_sheets::import::{ImportOptions, import_file, ratio_needs};
use bilans_sheets::{AnalyseOptions, Overwrite, analyse_file, save_workbook};
use rayon::prelude::*;

use crate::project_root;

mod floor;
pub(crate) mod panel;
mod peer;
mod report;

use crate::bench::report::{Measurements, Stage, thousands};

/// What to measure: the flags of `cargo xtask bench`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Companies in the synthetic panel (at least 2).
    #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u32).range(2..))]
    companies: u32,
    /// Years per company (at least 1).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    years: u32,
    /// Repetitions of each timing (at least 1); the median is reported.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    reps: u32,
    /// The Python with financetoolkit installed, for the peer (default: the
    /// `BILANS_PEER_PYTHON` environment variable; without either the peer is skipped).
    #[arg(long, value_name = "PATH")]
    peer_python: Option<PathBuf>,
}

/// Runs the task.
pub(crate) fn run(args: &Args) -> anyhow::Result<()> {
    if cfg!(debug_assertions) {
        eprintln!("bench: timings need an optimised build; running the release build of xtask");
        // Forward the command line as given (`bench` and its flags): the release build
        // parses it with the same definitions.
        let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .current_dir(project_root())
            .args(["run", "--release", "--quiet", "-p", "xtask", "--"])
            .args(std::env::args_os().skip(1))
            .status()
            .context("running cargo")?;
        if !status.success() {
            bail!("the release run of `xtask bench` failed");
        }
        return Ok(());
    }
    let mut options = args.clone();
    if options.peer_python.is_none() {
        options.peer_python = std::env::var_os("BILANS_PEER_PYTHON").map(PathBuf::from);
    }
    measure(&options)
}

fn measure(options: &Args) -> anyhow::Result<()> {
    let root = project_root().canonicalize()?;
    let folder = root.join("target/bench");
    std::fs::create_dir_all(&folder)?;
    eprintln!("bench: building the release binary (cargo build --release -p bilans-cli)");
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(&root)
        .args(["build", "--release", "--quiet", "-p", "bilans-cli"])
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p bilans-cli failed");
    }
    let binary = root.join("target/release/bilans");

    let name = format!("panel_{}x{}", options.companies, options.years);
    let input = folder.join(format!("{name}.xlsx"));
    eprintln!("bench: writing {}", input.display());
    let started = Instant::now();
    panel::write_panel(&input, options.companies, options.years)?;
    let generated = started.elapsed();
    let mut measurements = Measurements::new(options, &input, generated);
    let reps = options.reps as usize;
    let config = EvalConfig::default();

    eprintln!("bench: import");
    let (import, report) = time(reps, || Ok(import_file(&input, &import_options())?))?;
    let statements: Vec<Statements> = report.entities.clone();
    let n_amounts: usize = statements
        .iter()
        .map(|statements| statements.period_list().len() * statements.item_list().len())
        .sum();
    measurements.push(Stage::new(
        "import",
        "`import_file`: calamine + layout + labels + numbers, with sources",
        import,
    ));

    eprintln!("bench: ratio engine");
    let (engine, n_values) = time(10 * reps, || {
        Ok(statements
            .iter()
            .map(|statements| {
                let table = bilans_ratios::evaluate_all(statements, &config);
                table.rows.len() * table.periods.len()
            })
            .sum::<usize>())
    })?;
    measurements.engine_values = n_values;
    measurements.push(Stage::new(
        "ratio engine",
        &format!(
            "`evaluate_all`: {} ratio values (Decimal)",
            thousands(n_values)
        ),
        engine,
    ));

    eprintln!("bench: analysis");
    let (analysis, analyses) = time(reps, || {
        Ok(statements
            .par_iter()
            .map(|statements| analyse(statements, &config))
            .collect::<Vec<Analysis>>())
    })?;
    measurements.push(Stage::new(
        "analysis",
        "`analyse`: validation + every ratio + both Du Pont models",
        analysis,
    ));

    eprintln!("bench: export");
    let exported = folder.join(format!("{name}.export.xlsx"));
    for (source_notes, label) in [(true, "export"), (false, "export, no source notes")] {
        let workbook_options = WorkbookOptions {
            input: input.display().to_string(),
            created: None,
            import_notes: Vec::new(),
            source_notes,
            ..WorkbookOptions::default()
        };
        let (export, ()) = time(reps, || {
            let mut workbook = panel_workbook(&analyses, &workbook_options)?;
            save_workbook(&mut workbook, &exported, Overwrite::Allowed)?;
            Ok(())
        })?;
        measurements.push(Stage::new(
            label,
            "`panel_workbook` + `save_workbook` (formulas with cached values)",
            export,
        ));
    }

    eprintln!("bench: pipeline in process");
    let output = folder.join(format!("{name}.analysed.xlsx"));
    let (pipeline, ()) = time(reps, || in_process(&input, &output, true))?;
    measurements.pipeline = Some(pipeline.median);
    measurements.push(Stage::new(
        "pipeline, in process",
        "import + analysis + export, as `bilans analyse --panel`",
        pipeline,
    ));
    let quiet_output = folder.join(format!("{name}.analysed-no-notes.xlsx"));
    let (pipeline_quiet, ()) = time(reps, || in_process(&input, &quiet_output, false))?;
    measurements.push(Stage::new(
        "pipeline, in process, no source notes",
        "the same with `--no-source-notes`",
        pipeline_quiet,
    ));

    eprintln!("bench: pipeline as the release binary");
    for (extra, label) in [
        (None, "pipeline, `bilans` binary"),
        (
            Some("--no-source-notes"),
            "pipeline, binary, no source notes",
        ),
    ] {
        let mut arguments = vec![
            "analyse".to_owned(),
            input.display().to_string(),
            "--panel".to_owned(),
            "-o".to_owned(),
            folder
                .join(format!("{name}.cli.xlsx"))
                .display()
                .to_string(),
            "--force".to_owned(),
        ];
        arguments.extend(extra.map(str::to_owned));
        let (timing, peak) = time_subprocess(reps, &binary, &arguments)?;
        if extra.is_none() {
            measurements.binary = Some(timing.median);
            measurements.peak_kib = peak;
        } else {
            measurements.peak_no_notes_kib = peak;
        }
        measurements.push(Stage::new(
            label,
            &format!(
                "`bilans {}` (process start to exit)",
                arguments
                    .join(" ")
                    .replace(&folder.display().to_string(), "…")
            ),
            timing,
        ));
    }

    eprintln!("bench: I/O floor");
    let cells = floor::Cells::read(&output)?;
    let floor_output = folder.join(format!("{name}.floor.xlsx"));
    let (floor_timing, read_cells) = time(reps, || {
        let read = floor::read_all(&input)?;
        cells.write(&floor_output)?;
        Ok(read)
    })?;
    measurements.floor = Some(floor_timing.median);
    measurements.push(Stage::new(
        "I/O floor",
        &format!(
            "calamine reads the input ({} cells), rust_xlsxwriter writes the output's {} cells as plain values",
            thousands(read_cells),
            thousands(cells.len())
        ),
        floor_timing,
    ));
    let (floor_read, _) = time(reps, || floor::read_all(&input))?;
    measurements.push(Stage::new(
        "I/O floor, read only",
        "calamine reads every sheet of the input",
        floor_read,
    ));
    measurements.amounts = n_amounts;
    measurements.output_cells = cells.len();
    measurements.output_bytes = std::fs::metadata(&output).map(|meta| meta.len()).ok();

    measurements.peer = match &options.peer_python {
        Some(python) => {
            eprintln!("bench: FinanceToolkit ({})", python.display());
            Some(peer::run(python, &input, reps))
        }
        None => None,
    };

    let table = measurements.render();
    println!("{table}");
    let report_path = folder.join("performance.md");
    std::fs::write(&report_path, &table)
        .with_context(|| format!("writing {}", report_path.display()))?;
    eprintln!("bench: written to {}", report_path.display());
    Ok(())
}

/// The import options of `bilans analyse`: every ratio's needs reported.
fn import_options() -> ImportOptions {
    ImportOptions {
        needs: ratio_needs(),
        ..ImportOptions::default()
    }
}

/// `bilans analyse INPUT --panel -o OUTPUT` through the library entry point the CLI
/// calls ([`analyse_file`]), the panel workbook saved atomically.
fn in_process(input: &Path, output: &Path, source_notes: bool) -> anyhow::Result<()> {
    let options = AnalyseOptions {
        workbook: WorkbookOptions {
            source_notes,
            ..WorkbookOptions::default()
        },
        ..AnalyseOptions::default()
    };
    let mut workbook = analyse_file(input, &options)?.panel_workbook()?;
    save_workbook(&mut workbook, output, Overwrite::Allowed)?;
    Ok(())
}

/// The timings of one stage.
#[derive(Debug, Clone)]
pub(crate) struct Timing {
    /// The median.
    pub(crate) median: Duration,
    /// Every run, in order.
    pub(crate) runs: Vec<Duration>,
}

impl Timing {
    fn from_runs(runs: Vec<Duration>) -> Timing {
        let mut sorted = runs.clone();
        sorted.sort();
        // The lower median for an even count.
        let median = sorted[(sorted.len() - 1) / 2];
        Timing { median, runs }
    }
}

/// Runs `work` `reps` times; the timing and the last result.
fn time<T>(
    reps: usize,
    mut work: impl FnMut() -> anyhow::Result<T>,
) -> anyhow::Result<(Timing, T)> {
    let mut runs = Vec::with_capacity(reps);
    let mut last = None;
    for _ in 0..reps {
        let started = Instant::now();
        let result = std::hint::black_box(work()?);
        runs.push(started.elapsed());
        last = Some(result);
    }
    let last = last.context("no repetition")?;
    Ok((Timing::from_runs(runs), last))
}

/// Runs `program arguments` `reps` times (under `/usr/bin/time -v` when it is
/// installed); the wall-clock timing and the largest peak resident set in KiB.
fn time_subprocess(
    reps: usize,
    program: &Path,
    arguments: &[String],
) -> anyhow::Result<(Timing, Option<u64>)> {
    let gnu_time = Path::new("/usr/bin/time");
    let mut runs = Vec::with_capacity(reps);
    let mut peak = None;
    for _ in 0..reps {
        let mut command = if gnu_time.exists() {
            let mut command = Command::new(gnu_time);
            command.arg("-v").arg(program);
            command
        } else {
            Command::new(program)
        };
        command.args(arguments);
        let started = Instant::now();
        let finished = command
            .output()
            .with_context(|| format!("running {}", program.display()))?;
        runs.push(started.elapsed());
        let stderr = String::from_utf8_lossy(&finished.stderr);
        if !finished.status.success() {
            bail!(
                "{} {} failed:\n{stderr}",
                program.display(),
                arguments.join(" ")
            );
        }
        if let Some(kib) = max_resident_kib(&stderr) {
            peak = Some(peak.map_or(kib, |peak: u64| peak.max(kib)));
        }
    }
    Ok((Timing::from_runs(runs), peak))
}

/// The `Maximum resident set size (kbytes): N` line of `/usr/bin/time -v`.
pub(crate) fn max_resident_kib(stderr: &str) -> Option<u64> {
    stderr.lines().find_map(|line| {
        line.trim()
            .strip_prefix("Maximum resident set size (kbytes):")
            .and_then(|value| value.trim().parse().ok())
    })
}
