//! The peer's whole job: `xtask/peer/ftk_pipeline.py` (or the script `--peer` names)
//! reads the panel with pandas and python-calamine, computes FinanceToolkit's
//! liquidity, profitability and efficiency ratios and writes them with pandas and
//! xlsxwriter, one process per run. The peer is not a project dependency: when its
//! Python or one of its modules is missing, it is skipped with the reason.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;

use crate::bench::run::{ProcessRun, run_process};

/// What the script prints (one JSON object on standard output).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PeerFigures {
    /// `financetoolkit X, pandas Y, …`.
    #[serde(default)]
    pub(crate) versions: String,
    /// Python's start-up imports (pandas, FinanceToolkit), before the job.
    #[serde(default)]
    pub(crate) imports_s: f64,
    pub(crate) read_s: f64,
    pub(crate) frames_s: f64,
    #[serde(alias = "compute_s")]
    pub(crate) ratios_s: f64,
    pub(crate) write_s: f64,
    /// Read to written, in the script: the job without Python's start-up.
    pub(crate) total_s: f64,
    /// Ratio cells written.
    #[serde(alias = "ratio_cells_written")]
    pub(crate) cells_written: usize,
}

/// One run of the peer: the process and what the script measured inside it.
#[derive(Debug, Clone)]
pub(crate) struct PeerRun {
    pub(crate) process: ProcessRun,
    pub(crate) figures: PeerFigures,
}

impl PeerRun {
    /// The job as the script times it (read to written).
    pub(crate) fn job(&self) -> Duration {
        Duration::from_secs_f64(self.figures.total_s)
    }
}

/// The peer, ready to run.
#[derive(Debug, Clone)]
pub(crate) struct Peer {
    python: PathBuf,
    script: PathBuf,
}

impl Peer {
    /// The peer with `python` and `script`, if that Python has every module the script
    /// needs; otherwise why not.
    pub(crate) fn probe(python: &Path, script: &Path) -> Result<Peer, String> {
        if !script.exists() {
            return Err(format!(
                "the peer script {} does not exist",
                script.display()
            ));
        }
        let check = Command::new(python)
            .args([
                "-c",
                "import financetoolkit, pandas, python_calamine, xlsxwriter",
            ])
            .output();
        match check {
            Err(error) => Err(format!("cannot run {}: {error}", python.display())),
            Ok(output) if !output.status.success() => {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let last = stderr.lines().last().unwrap_or("failed").to_owned();
                Err(format!(
                    "{} cannot import the peer's modules ({last}); set up with `python3 -m venv /tmp/ftk && /tmp/ftk/bin/pip install financetoolkit python-calamine xlsxwriter` and pass `--peer-python /tmp/ftk/bin/python`",
                    python.display()
                ))
            }
            Ok(_) => Ok(Peer {
                python: python.to_owned(),
                script: script.to_owned(),
            }),
        }
    }

    /// The script's path.
    pub(crate) fn script(&self) -> &Path {
        &self.script
    }

    /// One run of the whole job on `panel`, writing `output`.
    pub(crate) fn run(&self, panel: &Path, output: &Path) -> anyhow::Result<PeerRun> {
        let arguments = [
            self.script.display().to_string(),
            panel.display().to_string(),
            output.display().to_string(),
        ];
        let process = run_process(&self.python, &arguments)?;
        let last_line = process.stdout.lines().last().unwrap_or("");
        let figures: PeerFigures = serde_json::from_str(last_line.trim()).map_err(|error| {
            anyhow::anyhow!("unreadable output of the peer script ({error}): {last_line}")
        })?;
        Ok(PeerRun { process, figures })
    }
}

#[cfg(test)]
mod tests {
    use super::PeerFigures;

    /// Both the project's script and the shared one (`compute_s`,
    /// `ratio_cells_written`) are read.
    #[test]
    fn both_scripts_outputs_are_read() {
        let ours: PeerFigures = serde_json::from_str(
            r#"{"versions": "v", "imports_s": 1.0, "read_s": 0.1, "frames_s": 0.2, "ratios_s": 0.7, "write_s": 3.0, "total_s": 4.0, "cells_written": 461000, "non_nan_cells": 3}"#,
        )
        .unwrap();
        assert_eq!(ours.cells_written, 461_000);
        let shared: PeerFigures = serde_json::from_str(
            r#"{"read_s": 0.17, "frames_s": 0.1, "compute_s": 0.75, "write_s": 3.8, "total_s": 4.9, "ratio_cells_written": 461000, "reader": "calamine"}"#,
        )
        .unwrap();
        assert_eq!(shared.ratios_s, 0.75);
    }
}
