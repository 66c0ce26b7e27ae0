//! `cargo xtask bench`: bilans beside the peer's whole job, in one run, on synthetic
//! panels (default 1,000 companies × 10 years, see [`panel`]), with the issue's targets
//! checked as PASS/FAIL lines (they never fail the command: timings depend on the
//! machine).
//!
//! ```text
//! cargo xtask bench [--sizes 100,1000,5000] [--companies N] [--years Y] [--reps R]
//!                   [--folder N] [--peer-python PATH] [--peer SCRIPT] [--no-peer]
//!                   [--quick] [--levers]
//! ```
//!
//! Measured:
//! - for every panel size, side by side (bilans, then the peer, R times): the release
//!   `bilans analyse PANEL --panel -o OUT.xlsx --force` and the peer's whole job
//!   (`xtask/peer/ftk_pipeline.py`: pandas + python-calamine read, FinanceToolkit's
//!   ratios, pandas + xlsxwriter write), each a subprocess under `/usr/bin/time -v`
//!   (wall clock, CPU time, peak resident memory);
//! - on the bench panel (`--companies`), in process: import, the ratio engine and the
//!   bare `Decimal` operations it performs ([`engine`]), analysis, building and saving
//!   the workbook, the whole pipeline, and the I/O floor ([`floor`]);
//! - the per-company path: a folder of `--folder` single-company workbooks analysed by
//!   `bilans analyse FOLDER -o OUT/` (in parallel);
//! - with `--levers`, the panel workbook saved at every deflate level (time and size).
//!
//! The report is printed and written to `target/bench/performance.md` (not committed:
//! timings differ from run to run). Timings need optimised code: a debug build of this
//! task re-runs itself as `cargo run --release -p xtask -- bench …`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use bilans_model::Statements;
use bilans_ratios::analysis::{Analysis, analyse};
use bilans_ratios::{EvalConfig, RatioTable};
use bilans_sheets::analyse::{WorkbookOptions, panel_workbook};
use bilans_sheets::import::{ImportOptions, import_file, ratio_needs};
use bilans_sheets::{AnalyseOptions, Overwrite, read_input, save_workbook, workbook_bytes};
use rayon::prelude::*;

use crate::project_root;

mod engine;
mod floor;
pub(crate) mod panel;
mod peer;
mod report;
pub(crate) mod run;

use crate::bench::peer::{Peer, PeerRun};
use crate::bench::report::{Folder, InProcess, Lever, Report, SizeRun};
use crate::bench::run::{ProcessTiming, load, run_process, time};

/// What to measure: the flags of `cargo xtask bench`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// The bench panel's companies: the size the targets are checked at, measured in
    /// process stage by stage (at least 2).
    #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u32).range(2..))]
    companies: u32,
    /// Years per company (at least 1).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    years: u32,
    /// Panel sizes (companies) timed side by side with the peer, to show how the cost
    /// grows (the bench panel is added when missing).
    #[arg(long, value_delimiter = ',', default_value = "100,1000,5000", value_parser = clap::value_parser!(u32).range(2..))]
    sizes: Vec<u32>,
    /// Repetitions of each timing (at least 1); the best and the median are reported.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    reps: u32,
    /// Single-company workbooks in the folder of the per-company path (0 skips it).
    #[arg(long, default_value_t = 1_000)]
    folder: u32,
    /// The Python with the peer's modules (financetoolkit, pandas, python-calamine,
    /// xlsxwriter); default: the `BILANS_PEER_PYTHON` environment variable, else
    /// `python3`.
    #[arg(long, value_name = "PATH")]
    peer_python: Option<PathBuf>,
    /// The peer's whole-job script (default: `xtask/peer/ftk_pipeline.py`).
    #[arg(long, value_name = "SCRIPT")]
    peer: Option<PathBuf>,
    /// Do not run the peer.
    #[arg(long)]
    no_peer: bool,
    /// A quicker run: sizes 100 and the bench panel, at most 2 repetitions, a folder of
    /// at most 200 workbooks.
    #[arg(long)]
    quick: bool,
    /// Also save the panel workbook at every deflate level (time and file size).
    #[arg(long)]
    levers: bool,
}

impl Args {
    /// The settings after `--quick`, the default peer and the sorted sizes.
    fn settled(&self) -> Args {
        let mut args = self.clone();
        if args.quick {
            args.sizes = vec![100.min(args.companies), args.companies];
            args.reps = args.reps.min(2);
            args.folder = args.folder.min(200);
        }
        if !args.sizes.contains(&args.companies) {
            args.sizes.push(args.companies);
        }
        args.sizes.sort_unstable();
        args.sizes.dedup();
        if args.peer_python.is_none() {
            args.peer_python = Some(
                std::env::var_os("BILANS_PEER_PYTHON")
                    .map_or_else(|| PathBuf::from("python3"), PathBuf::from),
            );
        }
        if args.peer.is_none() {
            args.peer = Some(project_root().join("xtask/peer/ftk_pipeline.py"));
        }
        args
    }
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
    let root = project_root().canonicalize()?;
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
    let folder = root.join("target/bench");
    let report = measure(&args.settled(), &binary, &folder)?;
    let text = report.render();
    println!("{text}");
    let path = folder.join("performance.md");
    std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("bench: written to {}", path.display());
    Ok(())
}

/// Everything `options` asks for, with `binary` as the `bilans` under test and
/// `folder` for the inputs and outputs (outputs are removed as soon as they are
/// measured).
pub(crate) fn measure(options: &Args, binary: &Path, folder: &Path) -> anyhow::Result<Report> {
    std::fs::create_dir_all(folder)?;
    let reps = options.reps as usize;
    let peer = if options.no_peer {
        Err("`--no-peer`".to_owned())
    } else {
        let python = options
            .peer_python
            .clone()
            .unwrap_or_else(|| "python3".into());
        let script = options.peer.clone().unwrap_or_default();
        Peer::probe(&python, &script)
    };
    if let Err(reason) = &peer {
        eprintln!("bench: the peer is skipped: {reason}");
    }
    let mut report = Report::new(options.companies, options.years, reps, &peer);

    for &companies in &options.sizes {
        let input = folder.join(format!("panel_{companies}x{}.xlsx", options.years));
        if !input.exists() {
            eprintln!("bench: writing {}", input.display());
            panel::write_panel(&input, companies, options.years)?;
        }
        eprintln!("bench: {companies} companies, bilans and the peer side by side");
        report.sizes.push(side_by_side(
            binary,
            peer.as_ref().ok(),
            &input,
            companies,
            reps,
            folder,
        )?);
    }

    let input = folder.join(format!(
        "panel_{}x{}.xlsx",
        options.companies, options.years
    ));
    eprintln!("bench: in process, stage by stage");
    report.in_process = Some(in_process_stages(&input, folder, reps)?);
    if options.levers {
        eprintln!("bench: deflate levels");
        report.levers = deflate_levels(&input, folder, reps)?;
    }
    if 0 < options.folder {
        eprintln!("bench: the per-company path, {} workbooks", options.folder);
        report.folder = Some(per_company(binary, folder, options, reps)?);
    }
    Ok(report)
}

/// `bilans analyse PANEL --panel` and the peer's whole job on the same panel, one run
/// of each in turn, `reps` times.
fn side_by_side(
    binary: &Path,
    peer: Option<&Peer>,
    input: &Path,
    companies: u32,
    reps: usize,
    folder: &Path,
) -> anyhow::Result<SizeRun> {
    let output = folder.join(format!("bench_out_{companies}.xlsx"));
    let peer_output = folder.join(format!("bench_peer_{companies}.xlsx"));
    let arguments = [
        "analyse".to_owned(),
        input.display().to_string(),
        "--panel".to_owned(),
        "-o".to_owned(),
        output.display().to_string(),
        "--force".to_owned(),
    ];
    let load_before = load();
    let mut bilans = ProcessTiming::default();
    let mut peer_runs: Vec<PeerRun> = Vec::new();
    for _ in 0..reps {
        bilans.runs.push(run_process(binary, &arguments)?);
        if let Some(peer) = peer {
            peer_runs.push(peer.run(input, &peer_output)?);
        }
    }
    let size = SizeRun {
        companies,
        load_before,
        load_after: load(),
        bilans,
        output_bytes: std::fs::metadata(&output).map(|meta| meta.len()).ok(),
        peer: peer_runs,
        peer_output_bytes: std::fs::metadata(&peer_output).map(|meta| meta.len()).ok(),
    };
    let _ = std::fs::remove_file(&output);
    let _ = std::fs::remove_file(&peer_output);
    Ok(size)
}

/// The import options of `bilans analyse`: every ratio's needs reported.
fn import_options() -> ImportOptions {
    ImportOptions {
        needs: ratio_needs(),
        ..ImportOptions::default()
    }
}

/// The options of the CLI's panel workbook for `input`.
fn workbook_options(input: &Path) -> WorkbookOptions {
    WorkbookOptions {
        input: input.display().to_string(),
        ..WorkbookOptions::default()
    }
}

/// The stages of the bench panel in process.
fn in_process_stages(input: &Path, folder: &Path, reps: usize) -> anyhow::Result<InProcess> {
    let config = EvalConfig::default();
    let load_before = load();
    let (import, imported) = time(reps, || Ok(import_file(input, &import_options())?))?;
    let statements: Vec<Statements> = imported.entities;
    let amounts = statements
        .iter()
        .map(|statements| {
            statements
                .periods
                .values()
                .map(std::collections::BTreeMap::len)
                .sum::<usize>()
        })
        .sum();

    let (engine, tables) = time(10 * reps, || {
        Ok(statements
            .iter()
            .map(|statements| bilans_ratios::evaluate_all(statements, &config))
            .collect::<Vec<RatioTable>>())
    })?;
    let values = tables
        .iter()
        .map(|table| table.rows.len() * table.periods.len())
        .sum();
    let trace = engine::Trace::of(&statements, &tables, &config);
    let (bare, _) = time(10 * reps, || Ok(trace.replay()))?;

    let (analysis, analyses) = time(reps, || {
        Ok(statements
            .par_iter()
            .map(|statements| analyse(statements, &config))
            .collect::<Vec<Analysis>>())
    })?;
    let options = workbook_options(input);
    let output = folder.join("bench_in_process.xlsx");
    let (build, mut workbook) = time(reps, || Ok(panel_workbook(&analyses, &options)?))?;
    let (save, ()) = time(reps, || {
        Ok(save_workbook(&mut workbook, &output, Overwrite::Allowed)?)
    })?;
    drop(workbook);
    // Through the library entry point the CLI calls.
    let entry = AnalyseOptions {
        workbook: options.clone(),
        ..AnalyseOptions::default()
    };
    let (pipeline, ()) = time(reps, || {
        let mut workbook = read_input(input, &entry)?.panel_workbook()?;
        save_workbook(&mut workbook, &output, Overwrite::Allowed)?;
        Ok(())
    })?;
    let cells = floor::Cells::read(&output)?;
    let output_bytes = std::fs::metadata(&output)?.len();
    let floor_output = folder.join("bench_floor.xlsx");
    let (floor_timing, read_cells) = time(reps, || {
        let read = floor::read_all(input)?;
        cells.write(&floor_output)?;
        Ok(read)
    })?;
    let floor_bytes = std::fs::metadata(&floor_output)?.len();
    let (floor_read, _) = time(reps, || floor::read_all(input))?;
    for path in [&output, &floor_output] {
        let _ = std::fs::remove_file(path);
    }
    Ok(InProcess {
        load_before,
        load_after: load(),
        amounts,
        import,
        engine,
        values,
        bare,
        operations: trace.len(),
        analysis,
        build,
        save,
        pipeline,
        floor: floor_timing,
        floor_read,
        input_cells: read_cells,
        output_cells: cells.len(),
        output_bytes,
        floor_bytes,
    })
}

/// The panel workbook saved at each deflate level: the save's timing and the size.
fn deflate_levels(input: &Path, folder: &Path, reps: usize) -> anyhow::Result<Vec<Lever>> {
    let config = EvalConfig::default();
    let report = import_file(input, &import_options())?;
    let analyses: Vec<Analysis> = report
        .entities
        .par_iter()
        .map(|statements| analyse(statements, &config))
        .collect();
    let options = workbook_options(input);
    let path = folder.join("bench_level.xlsx");
    let mut levers = Vec::new();
    for level in 1..=9u8 {
        let mut workbook = panel_workbook(&analyses, &options)?;
        workbook.set_zip_compression_level(level);
        let (save, bytes) = time(reps, || Ok(workbook_bytes(&mut workbook, &path)?.len()))?;
        levers.push(Lever {
            name: format!("deflate level {level}"),
            timing: save,
            bytes: bytes as u64,
        });
    }
    Ok(levers)
}

/// A folder of single-company workbooks analysed by `bilans analyse FOLDER -o OUT/`.
fn per_company(
    binary: &Path,
    folder: &Path,
    options: &Args,
    reps: usize,
) -> anyhow::Result<Folder> {
    let inputs = folder.join(format!("companies_{}x{}", options.folder, options.years));
    if !inputs.is_dir() {
        std::fs::create_dir_all(&inputs)?;
        panel::write_folder(&inputs, options.folder, options.years)?;
    }
    let outputs = folder.join("bench_companies_out");
    let arguments = [
        "analyse".to_owned(),
        inputs.display().to_string(),
        "-o".to_owned(),
        outputs.display().to_string(),
        "--force".to_owned(),
    ];
    let load_before = load();
    let mut timing = ProcessTiming::default();
    for _ in 0..reps {
        timing.runs.push(run_process(binary, &arguments)?);
    }
    let output_bytes = std::fs::read_dir(&outputs).map_or(0, |entries| {
        entries
            .filter_map(|entry| entry.ok()?.metadata().ok())
            .map(|meta| meta.len())
            .sum()
    });
    let _ = std::fs::remove_dir_all(&outputs);
    Ok(Folder {
        workbooks: options.folder,
        load_before,
        load_after: load(),
        timing,
        output_bytes,
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use clap::Parser;

    /// The whole bench on a tiny panel, with the binary replaced by a program that
    /// does nothing (`true`), so that only the bench code runs: every stage is
    /// measured, the report has its PASS/FAIL lines, and no output is left behind.
    #[test]
    fn a_tiny_bench_runs_and_reports() {
        #[derive(Parser)]
        struct Wrapper {
            #[command(flatten)]
            args: super::Args,
        }
        let args = Wrapper::parse_from([
            "bench",
            "--companies",
            "3",
            "--years",
            "2",
            "--sizes",
            "2",
            "--reps",
            "1",
            "--folder",
            "2",
            "--no-peer",
        ])
        .args
        .settled();
        let folder = tempfile::tempdir().unwrap();
        let report = super::measure(&args, &PathBuf::from("true"), folder.path()).unwrap();
        let text = report.render();
        for expected in [
            "PASS",
            "whole job at least 5× faster than the peer's",
            "peak memory",
            "ratio engine",
            "per-company path",
            "I/O floor",
        ] {
            assert!(text.contains(expected), "{expected} missing:\n{text}");
        }
        let left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("bench_"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
