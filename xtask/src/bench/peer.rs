//! The peer: FinanceToolkit on the very panel the generator wrote, through
//! `xtask/peer/ftk_panel.py` (which reads the workbook with openpyxl, untimed, and times
//! `Toolkit(...)` + `collect_liquidity_ratios` + `collect_profitability_ratios` +
//! `collect_efficiency_ratios`, offline). The peer is not a project dependency: when its
//! Python is missing or cannot import financetoolkit, the peer is skipped with the reason.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use crate::bench::max_resident_kib;
use crate::project_root;

/// What the script prints (one JSON object on standard output).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PeerFigures {
    /// `financetoolkit X | pandas Y | python Z`.
    pub(crate) versions: String,
    /// Median of the timed runs, in seconds.
    pub(crate) median_s: f64,
    /// Every timed run, in seconds.
    pub(crate) runs_s: Vec<f64>,
    /// Reading the workbook with openpyxl and building the frames (untimed by the target).
    pub(crate) read_s: f64,
    /// Companies and years found in the workbook.
    pub(crate) companies: usize,
    /// Years per company.
    pub(crate) years: usize,
    /// Ratio cells that are not NaN in the three collected tables.
    pub(crate) non_nan_cells: usize,
}

/// The peer's outcome.
#[derive(Debug, Clone)]
pub(crate) enum Peer {
    /// Measured, with the peak memory of the whole Python process in KiB.
    Measured(PeerFigures, Option<u64>),
    /// Not measured, and why.
    Skipped(String),
}

impl Peer {
    /// The peer's median, when measured.
    pub(crate) fn median(&self) -> Option<Duration> {
        match self {
            Peer::Measured(figures, _) => Some(Duration::from_secs_f64(figures.median_s)),
            Peer::Skipped(_) => None,
        }
    }
}

/// Runs the peer script with `python` on `panel`.
pub(crate) fn run(python: &Path, panel: &Path, reps: usize) -> Peer {
    if !python.exists() {
        return Peer::Skipped(format!("{} does not exist", python.display()));
    }
    let script = project_root().join("xtask/peer/ftk_panel.py");
    let gnu_time = Path::new("/usr/bin/time");
    let mut command = if gnu_time.exists() {
        let mut command = Command::new(gnu_time);
        command.arg("-v").arg(python);
        command
    } else {
        Command::new(python)
    };
    command
        .arg(&script)
        .arg(panel)
        .arg("--reps")
        .arg(reps.to_string());
    let output = match command.output() {
        Ok(output) => output,
        Err(error) => return Peer::Skipped(format!("cannot run {}: {error}", python.display())),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let last = stderr
            .lines()
            .rev()
            .find(|line| {
                !line.trim().is_empty()
                    && !line.starts_with('\t')
                    && !line.starts_with("Command exited")
            })
            .unwrap_or("no message");
        return Peer::Skipped(format!(
            "{} {} failed: {last}",
            python.display(),
            script.display()
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    match serde_json::from_str::<PeerFigures>(stdout.trim()) {
        Ok(figures) => Peer::Measured(figures, max_resident_kib(&stderr)),
        Err(error) => Peer::Skipped(format!("unreadable output of the peer script: {error}")),
    }
}
