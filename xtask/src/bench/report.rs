//! The Markdown table of `cargo xtask bench`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::bench::peer::Peer;
use crate::bench::{Args, Timing};

/// One measured stage.
pub(crate) struct Stage {
    name: String,
    what: String,
    timing: Timing,
}

impl Stage {
    pub(crate) fn new(name: &str, what: &str, timing: Timing) -> Stage {
        Stage {
            name: name.to_owned(),
            what: what.to_owned(),
            timing,
        }
    }
}

/// Everything one run measured.
pub(crate) struct Measurements {
    companies: u32,
    years: u32,
    reps: usize,
    input: PathBuf,
    generated: Duration,
    stages: Vec<Stage>,
    pub(crate) amounts: usize,
    pub(crate) engine_values: usize,
    pub(crate) output_cells: usize,
    pub(crate) output_bytes: Option<u64>,
    pub(crate) pipeline: Option<Duration>,
    pub(crate) binary: Option<Duration>,
    pub(crate) floor: Option<Duration>,
    pub(crate) peak_kib: Option<u64>,
    pub(crate) peak_no_notes_kib: Option<u64>,
    pub(crate) peer: Option<Peer>,
}

impl Measurements {
    pub(crate) fn new(options: &Args, input: &Path, generated: Duration) -> Measurements {
        Measurements {
            companies: options.companies,
            years: options.years,
            reps: options.reps as usize,
            input: input.to_owned(),
            generated,
            stages: Vec::new(),
            amounts: 0,
            engine_values: 0,
            output_cells: 0,
            output_bytes: None,
            pipeline: None,
            binary: None,
            floor: None,
            peak_kib: None,
            peak_no_notes_kib: None,
            peer: None,
        }
    }

    pub(crate) fn push(&mut self, stage: Stage) {
        self.stages.push(stage);
    }

    fn stage(&self, name: &str) -> Option<Duration> {
        self.stages
            .iter()
            .find(|stage| stage.name == name)
            .map(|stage| stage.timing.median)
    }

    /// The Markdown report.
    pub(crate) fn render(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "## Performance: {} companies × {} years\n",
            thousands(self.companies as usize),
            self.years
        );
        let input_bytes = std::fs::metadata(&self.input).map_or(0, |meta| meta.len());
        let _ = writeln!(
            text,
            "Machine: {}. Release build; each figure is the median of {} runs (the ratio engine: {} runs).",
            machine(),
            self.reps,
            10 * self.reps
        );
        let _ = writeln!(
            text,
            "Input: `{}` ({}, {} amounts, written by the generator in {}); output: the analysed panel workbook ({} cells, {}).\n",
            self.input
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
            megabytes(input_bytes),
            thousands(self.amounts),
            seconds(self.generated),
            thousands(self.output_cells),
            self.output_bytes.map_or_else(|| "?".to_owned(), megabytes),
        );
        let _ = writeln!(text, "| stage | median | runs | what is timed |");
        let _ = writeln!(text, "| --- | ---: | --- | --- |");
        for stage in &self.stages {
            let runs: Vec<String> = stage
                .timing
                .runs
                .iter()
                .take(5)
                .map(|run| seconds(*run))
                .collect();
            let more = if 5 < stage.timing.runs.len() {
                ", …"
            } else {
                ""
            };
            let _ = writeln!(
                text,
                "| {} | {} | {}{more} | {} |",
                stage.name,
                seconds(stage.timing.median),
                runs.join(", "),
                stage.what
            );
        }
        match &self.peer {
            Some(Peer::Measured(figures, _)) => {
                let runs: Vec<String> = figures
                    .runs_s
                    .iter()
                    .map(|run| seconds(Duration::from_secs_f64(*run)))
                    .collect();
                let _ = writeln!(
                    text,
                    "| FinanceToolkit | {} | {} | `Toolkit(...)` + liquidity + profitability + efficiency ratios, in memory, on the same {} × {} panel ({} non-NaN ratio cells; {}; reading the xlsx with openpyxl, untimed: {}) |",
                    seconds(Duration::from_secs_f64(figures.median_s)),
                    runs.join(", "),
                    thousands(figures.companies),
                    figures.years,
                    thousands(figures.non_nan_cells),
                    figures.versions,
                    seconds(Duration::from_secs_f64(figures.read_s)),
                );
            }
            Some(Peer::Skipped(reason)) => {
                let _ = writeln!(text, "| FinanceToolkit | skipped | | {reason} |");
            }
            None => {
                let _ = writeln!(
                    text,
                    "| FinanceToolkit | skipped | | no peer Python (`--peer-python PATH` or `BILANS_PEER_PYTHON`) |"
                );
            }
        }
        let _ = writeln!(text);
        let mut memory = format!(
            "Peak memory (maximum resident set size from `/usr/bin/time -v`): `bilans analyse --panel` {}, with `--no-source-notes` {}",
            self.peak_kib
                .map_or_else(|| "not measured".to_owned(), mebibytes),
            self.peak_no_notes_kib
                .map_or_else(|| "not measured".to_owned(), mebibytes),
        );
        if let Some(Peer::Measured(_, Some(peak))) = &self.peer {
            let _ = write!(
                memory,
                "; FinanceToolkit's Python process (reading the xlsx included) {}",
                mebibytes(*peak)
            );
        }
        let _ = writeln!(text, "{memory}.\n");
        let _ = writeln!(text, "| target | measured | met |");
        let _ = writeln!(text, "| --- | --- | --- |");
        let peer = self.peer.as_ref().and_then(Peer::median);
        let engine = self.stage("ratio engine");
        for (label, pipeline) in [
            ("pipeline (in process)", self.pipeline),
            ("pipeline (`bilans` binary)", self.binary),
        ] {
            if let (Some(pipeline), Some(peer)) = (pipeline, peer) {
                let _ = writeln!(
                    text,
                    "| {label} faster than FinanceToolkit | {} vs {} ({:.2}×) | {} |",
                    seconds(pipeline),
                    seconds(peer),
                    peer.as_secs_f64() / pipeline.as_secs_f64(),
                    met(pipeline < peer)
                );
            }
        }
        if let (Some(engine), Some(peer)) = (engine, peer) {
            let speedup = peer.as_secs_f64() / engine.as_secs_f64();
            let _ = writeln!(
                text,
                "| ratio engine at least 100× faster than FinanceToolkit | {} vs {} ({speedup:.0}×) | {} |",
                seconds(engine),
                seconds(peer),
                met(100.0 <= speedup)
            );
        }
        if let (Some(pipeline), Some(floor)) = (self.pipeline, self.floor) {
            let overhead = pipeline.as_secs_f64() / floor.as_secs_f64();
            let _ = writeln!(
                text,
                "| pipeline (in process) within 1.5× the I/O floor | {} vs {} ({overhead:.2}×) | {} |",
                seconds(pipeline),
                seconds(floor),
                met(overhead <= 1.5)
            );
        }
        text
    }
}

fn met(yes: bool) -> &'static str {
    if yes { "yes" } else { "**no**" }
}

/// A duration for the table: milliseconds below a second, seconds above.
fn seconds(duration: Duration) -> String {
    let value = duration.as_secs_f64();
    if value < 1.0 {
        format!("{:.1} ms", value * 1000.0)
    } else {
        format!("{value:.3} s")
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
