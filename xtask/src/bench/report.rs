//! The Markdown report of `cargo xtask bench`, with the targets as PASS/FAIL
//! lines.

use std::fmt::Write as _;
use std::time::Duration;

use crate::bench::peer::{Peer, PeerRun};
use crate::bench::run::{ProcessTiming, Timing};

/// The whole job at one panel size, bilans and the peer side by side.
pub(crate) struct SizeRun {
    pub(crate) companies: u32,
    pub(crate) load_before: String,
    pub(crate) load_after: String,
    pub(crate) bilans: ProcessTiming,
    pub(crate) output_bytes: Option<u64>,
    pub(crate) peer: Vec<PeerRun>,
    pub(crate) peer_output_bytes: Option<u64>,
}

impl SizeRun {
    /// The peer's best job (read to written, in the script).
    fn peer_best(&self) -> Option<Duration> {
        self.peer.iter().map(PeerRun::job).min()
    }

    fn peer_median(&self) -> Option<Duration> {
        let runs: Vec<Duration> = self.peer.iter().map(PeerRun::job).collect();
        (!runs.is_empty()).then(|| Timing { runs }.median())
    }

    /// The peer's best process, Python's start-up included.
    fn peer_process_best(&self) -> Option<Duration> {
        self.peer.iter().map(|run| run.process.wall).min()
    }

    fn peer_peak_kib(&self) -> Option<u64> {
        self.peer
            .iter()
            .filter_map(|run| run.process.peak_kib)
            .max()
    }
}

/// The bench panel's stages in process.
pub(crate) struct InProcess {
    pub(crate) load_before: String,
    pub(crate) load_after: String,
    pub(crate) amounts: usize,
    pub(crate) import: Timing,
    pub(crate) engine: Timing,
    pub(crate) values: usize,
    pub(crate) bare: Timing,
    pub(crate) operations: usize,
    pub(crate) analysis: Timing,
    pub(crate) build: Timing,
    pub(crate) save: Timing,
    pub(crate) pipeline: Timing,
    pub(crate) floor: Timing,
    pub(crate) floor_read: Timing,
    pub(crate) input_cells: usize,
    pub(crate) output_cells: usize,
    pub(crate) output_bytes: u64,
    pub(crate) floor_bytes: u64,
}

/// One setting of a writer lever.
pub(crate) struct Lever {
    pub(crate) name: String,
    pub(crate) timing: Timing,
    pub(crate) bytes: u64,
}

/// The per-company path.
pub(crate) struct Folder {
    pub(crate) workbooks: u32,
    pub(crate) load_before: String,
    pub(crate) load_after: String,
    pub(crate) timing: ProcessTiming,
    pub(crate) output_bytes: u64,
}

/// Everything one run measured.
pub(crate) struct Report {
    companies: u32,
    years: u32,
    reps: usize,
    peer: Result<String, String>,
    pub(crate) sizes: Vec<SizeRun>,
    pub(crate) in_process: Option<InProcess>,
    pub(crate) levers: Vec<Lever>,
    pub(crate) folder: Option<Folder>,
}

/// The targets.
const SPEEDUP_TARGET: f64 = 5.0;
const FLOOR_TARGET: f64 = 1.5;
const PEAK_TARGET_MIB: f64 = 200.0;
/// Linear cost: the marginal cost per company of each step between sizes within this
/// factor of the others.
const LINEAR_TOLERANCE: f64 = 1.25;

impl Report {
    pub(crate) fn new(
        companies: u32,
        years: u32,
        reps: usize,
        peer: &Result<Peer, String>,
    ) -> Report {
        Report {
            companies,
            years,
            reps,
            peer: peer
                .as_ref()
                .map(|peer| peer.script().display().to_string())
                .map_err(Clone::clone),
            sizes: Vec::new(),
            in_process: None,
            levers: Vec::new(),
            folder: None,
        }
    }

    fn bench_size(&self) -> Option<&SizeRun> {
        self.sizes
            .iter()
            .find(|size| size.companies == self.companies)
    }

    /// The Markdown report.
    pub(crate) fn render(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "## bilans beside the peer: {} companies × {} years\n",
            thousands(self.companies as usize),
            self.years
        );
        let _ = writeln!(
            text,
            "Machine: {}. Release build; {} runs of everything (the ratio engine and the bare operations: {}), best and median; the load averages (1, 5, 15 minutes, `/proc/loadavg`) before and after each block.",
            machine(),
            self.reps,
            10 * self.reps
        );
        let versions = self
            .sizes
            .iter()
            .flat_map(|size| &size.peer)
            .map(|run| run.figures.versions.clone())
            .find(|versions| !versions.is_empty());
        match (&self.peer, versions) {
            (Ok(script), Some(versions)) => {
                let _ = writeln!(text, "Peer: `{script}` ({versions}).\n");
            }
            (Ok(script), None) => {
                let _ = writeln!(text, "Peer: `{script}`.\n");
            }
            (Err(reason), _) => {
                let _ = writeln!(text, "Peer: skipped, {reason}.\n");
            }
        }
        self.render_sizes(&mut text);
        self.render_stages(&mut text);
        self.render_folder(&mut text);
        self.render_levers(&mut text);
        self.render_targets(&mut text);
        text
    }

    fn render_sizes(&self, text: &mut String) {
        let _ = writeln!(text, "### The whole job, side by side\n");
        let _ = writeln!(
            text,
            "bilans: `bilans analyse PANEL.xlsx --panel -o OUT.xlsx --force`, start to exit (live formulas with cached values). Peer: read, ratios and write as its script times them, then the whole process with Python's start-up.\n"
        );
        let _ = writeln!(
            text,
            "| companies | bilans best | median | CPU | peak | output | peer job best | median | peer process | peer peak | peer output | peer ÷ bilans | load before → after |"
        );
        let _ = writeln!(
            text,
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
        );
        for size in &self.sizes {
            let wall = size.bilans.wall();
            let ratio = size
                .peer_best()
                .map(|peer| format!("{:.1}×", peer.as_secs_f64() / wall.best().as_secs_f64()));
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} → {} |",
                thousands(size.companies as usize),
                seconds(wall.best()),
                seconds(wall.median()),
                optional(size.bilans.best_cpu().map(seconds)),
                optional(size.bilans.peak_kib().map(mebibytes)),
                optional(size.output_bytes.map(megabytes)),
                optional(size.peer_best().map(seconds)),
                optional(size.peer_median().map(seconds)),
                optional(size.peer_process_best().map(seconds)),
                optional(size.peer_peak_kib().map(mebibytes)),
                optional(size.peer_output_bytes.map(megabytes)),
                optional(ratio),
                size.load_before,
                size.load_after
            );
        }
        if let Some(run) = self.bench_size().and_then(|size| size.peer.first()) {
            let figures = &run.figures;
            let _ = writeln!(
                text,
                "\nThe peer's stages at {} companies (first run): Python's imports {}, read {}, frames {}, ratios {}, write {} ({} cells).",
                thousands(self.companies as usize),
                seconds(Duration::from_secs_f64(figures.imports_s)),
                seconds(Duration::from_secs_f64(figures.read_s)),
                seconds(Duration::from_secs_f64(figures.frames_s)),
                seconds(Duration::from_secs_f64(figures.ratios_s)),
                seconds(Duration::from_secs_f64(figures.write_s)),
                thousands(figures.cells_written),
            );
        }
        let _ = writeln!(text);
    }

    fn render_stages(&self, text: &mut String) {
        let Some(stages) = &self.in_process else {
            return;
        };
        let _ = writeln!(
            text,
            "### In process, stage by stage ({} companies; load {} → {})\n",
            thousands(self.companies as usize),
            stages.load_before,
            stages.load_after
        );
        let _ = writeln!(text, "| stage | best | median | what is timed |");
        let _ = writeln!(text, "| --- | ---: | ---: | --- |");
        let rows: [(&str, &Timing, String); 9] = [
            (
                "import",
                &stages.import,
                format!(
                    "`import_file` with the ratio needs: {} amounts, each with its source cell",
                    thousands(stages.amounts)
                ),
            ),
            (
                "ratio engine",
                &stages.engine,
                format!(
                    "`evaluate_all` for every company: {} ratio values in `Decimal`, one thread",
                    thousands(stages.values)
                ),
            ),
            (
                "bare `Decimal` operations",
                &stages.bare,
                format!(
                    "the {} operations the engine performs for them, in a loop",
                    thousands(stages.operations)
                ),
            ),
            (
                "analysis",
                &stages.analysis,
                "`analyse` for every company, on every core: validation, ratios, Du Pont, distress models, structure, liquidity, conclusion (the panel computes only what it writes, below)".to_owned(),
            ),
            (
                "build the workbook",
                &stages.build,
                "`panel_workbook` of the analyses above: every sheet, company sheets on every core".to_owned(),
            ),
            (
                "save the workbook",
                &stages.save,
                format!(
                    "`save_workbook`: deflate and write atomically ({})",
                    megabytes(stages.output_bytes)
                ),
            ),
            (
                "pipeline",
                &stages.pipeline,
                "`read_input`, then `ImportedFile::panel_workbook` (each company validated, its ratios evaluated and its sheet written, on every core, then dropped) and save, as `bilans analyse --panel`".to_owned(),
            ),
            (
                "I/O floor",
                &stages.floor,
                format!(
                    "calamine reads the input's {} cells, rust_xlsxwriter writes the output's {} cells as plain values with the same settings ({})",
                    thousands(stages.input_cells),
                    thousands(stages.output_cells),
                    megabytes(stages.floor_bytes)
                ),
            ),
            (
                "I/O floor, read only",
                &stages.floor_read,
                "calamine reads every sheet of the input".to_owned(),
            ),
        ];
        for (name, timing, what) in rows {
            let _ = writeln!(
                text,
                "| {name} | {} | {} | {what} |",
                seconds(timing.best()),
                seconds(timing.median())
            );
        }
        let _ = writeln!(text);
    }

    fn render_folder(&self, text: &mut String) {
        let Some(folder) = &self.folder else {
            return;
        };
        let wall = folder.timing.wall();
        let per = |duration: Duration, n: u32| {
            format!(
                "{:.2} ms",
                duration.as_secs_f64() * 1000.0 / f64::from(n.max(1))
            )
        };
        let _ = writeln!(
            text,
            "### The per-company path ({} single-company workbooks; load {} → {})\n",
            thousands(folder.workbooks as usize),
            folder.load_before,
            folder.load_after
        );
        let _ = writeln!(
            text,
            "| job | best | median | CPU | peak | output | per company |"
        );
        let _ = writeln!(text, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        let _ = writeln!(
            text,
            "| `bilans analyse FOLDER -o OUT/` (one analysed workbook each, in parallel) | {} | {} | {} | {} | {} | {} |",
            seconds(wall.best()),
            seconds(wall.median()),
            optional(folder.timing.best_cpu().map(seconds)),
            optional(folder.timing.peak_kib().map(mebibytes)),
            megabytes(folder.output_bytes),
            per(wall.best(), folder.workbooks)
        );
        if let Some(size) = self
            .sizes
            .iter()
            .find(|size| size.companies == folder.workbooks)
        {
            let panel = size.bilans.wall();
            let _ = writeln!(
                text,
                "| `bilans analyse PANEL --panel` (the same companies in one panel workbook) | {} | {} | {} | {} | {} | {} |",
                seconds(panel.best()),
                seconds(panel.median()),
                optional(size.bilans.best_cpu().map(seconds)),
                optional(size.bilans.peak_kib().map(mebibytes)),
                optional(size.output_bytes.map(megabytes)),
                per(panel.best(), size.companies)
            );
        }
        let _ = writeln!(text);
    }

    fn render_levers(&self, text: &mut String) {
        if self.levers.is_empty() {
            return;
        }
        let _ = writeln!(
            text,
            "### Deflate levels: saving the panel workbook\n\n| level | best | median | size |\n| --- | ---: | ---: | ---: |"
        );
        for lever in &self.levers {
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} |",
                lever.name,
                seconds(lever.timing.best()),
                seconds(lever.timing.median()),
                megabytes(lever.bytes)
            );
        }
        let _ = writeln!(text);
    }

    fn render_targets(&self, text: &mut String) {
        let _ = writeln!(text, "### Targets\n");
        let mut lines = Vec::new();
        let bench = self.bench_size();
        match (bench, bench.and_then(SizeRun::peer_best)) {
            (Some(size), Some(peer)) => {
                let bilans = size.bilans.wall().best();
                let speedup = peer.as_secs_f64() / bilans.as_secs_f64();
                lines.push(check(
                    SPEEDUP_TARGET <= speedup,
                    &format!(
                        "whole job at least 5× faster than the peer's: bilans {} vs the peer's {} (best runs; the peer's process with Python's start-up {}): {speedup:.2}×",
                        seconds(bilans),
                        seconds(peer),
                        optional(size.peer_process_best().map(seconds)),
                    ),
                ));
            }
            _ => lines.push(format!(
                "SKIP whole job at least 5× faster than the peer's: the peer did not run ({})",
                self.peer.as_ref().err().map_or("no runs", String::as_str)
            )),
        }
        if let Some(stages) = &self.in_process {
            let ratio = stages.pipeline.best().as_secs_f64() / stages.floor.best().as_secs_f64();
            lines.push(check(
                ratio <= FLOOR_TARGET,
                &format!(
                    "pipeline within 1.5× of the I/O floor (same writer settings): {} vs {}: {ratio:.2}×",
                    seconds(stages.pipeline.best()),
                    seconds(stages.floor.best())
                ),
            ));
        }
        match bench.and_then(|size| size.bilans.peak_kib()) {
            Some(peak) => lines.push(check(
                peak as f64 / 1024.0 <= PEAK_TARGET_MIB,
                &format!(
                    "peak memory at most 200 MiB: {} (maximum resident set of `bilans analyse --panel`)",
                    mebibytes(peak)
                ),
            )),
            None => lines.push(
                "SKIP peak memory at most 200 MiB: not measured (no /usr/bin/time)".to_owned(),
            ),
        }
        lines.push(self.linearity());
        if let Some(stages) = &self.in_process {
            let per_value =
                |timing: &Timing| timing.best().as_secs_f64() * 1e9 / stages.values.max(1) as f64;
            let (engine, bare) = (per_value(&stages.engine), per_value(&stages.bare));
            lines.push(format!(
                "INFO ratio engine overhead: {engine:.0} ns per ratio value vs {bare:.0} ns for its bare `Decimal` operations ({:.1} per value): {:.1}×",
                stages.operations as f64 / stages.values.max(1) as f64,
                engine / bare
            ));
        }
        for line in lines {
            let _ = writeln!(text, "- {line}");
        }
    }

    /// Linear cost: the marginal cost per company of each step between sizes, in CPU
    /// time when every size has it (the wall clock follows the machine's load, which
    /// changes between sizes), else in wall-clock time.
    fn linearity(&self) -> String {
        let cpu: Option<Vec<f64>> = self
            .sizes
            .iter()
            .map(|size| size.bilans.best_cpu().map(|cpu| cpu.as_secs_f64()))
            .collect();
        let (measure, costs) = match cpu {
            Some(cpu) => ("CPU time", cpu),
            None => (
                "wall clock",
                self.sizes
                    .iter()
                    .map(|size| size.bilans.wall().best().as_secs_f64())
                    .collect(),
            ),
        };
        let points: Vec<(f64, f64)> = self
            .sizes
            .iter()
            .zip(costs)
            .map(|(size, cost)| (f64::from(size.companies), cost))
            .collect();
        if points.len() < 3 {
            return "SKIP cost linear in the panel's size: needs three sizes (`--sizes 100,1000,5000`)".to_owned();
        }
        let slopes: Vec<f64> = points
            .windows(2)
            .map(|pair| (pair[1].1 - pair[0].1) / (pair[1].0 - pair[0].0))
            .collect();
        let (low, high) = slopes
            .iter()
            .fold((f64::INFINITY, 0.0_f64), |(low, high), slope| {
                (low.min(*slope), high.max(*slope))
            });
        let steps: Vec<String> = points
            .windows(2)
            .zip(&slopes)
            .map(|(pair, slope)| {
                format!(
                    "{:.0}→{:.0}: {:.2} ms",
                    pair[0].0,
                    pair[1].0,
                    slope * 1000.0
                )
            })
            .collect();
        check(
            0.0 < low && high / low <= LINEAR_TOLERANCE,
            &format!(
                "cost linear in the panel's size (each step's {measure} per added company within {LINEAR_TOLERANCE}× of the others): {}",
                steps.join(", ")
            ),
        )
    }
}

fn check(pass: bool, what: &str) -> String {
    format!("{} {what}", if pass { "PASS" } else { "FAIL" })
}

fn optional(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_owned())
}

/// A duration for the table: milliseconds below a second, seconds above.
pub(crate) fn seconds(duration: Duration) -> String {
    let value = duration.as_secs_f64();
    if value < 1.0 {
        format!("{:.1} ms", value * 1000.0)
    } else {
        format!("{value:.2} s")
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn mebibytes(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

pub(crate) fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if 0 < index && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The CPU model and the number of cores, from `/proc/cpuinfo`.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map_or("unknown CPU", |(_, model)| model.trim());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    format!("{model}, {cores} cores available")
}
