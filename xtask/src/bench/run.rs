//! Timing: repeated runs of work in process, and of programs as subprocesses under
//! `/usr/bin/time -v` (wall clock, CPU time and peak memory of each run).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// The timings of repeated runs.
#[derive(Debug, Clone)]
pub(crate) struct Timing {
    /// Every run's wall-clock time, in order.
    pub(crate) runs: Vec<Duration>,
}

impl Timing {
    /// The fastest run: the least disturbed by other work on the machine.
    pub(crate) fn best(&self) -> Duration {
        self.runs.iter().min().copied().unwrap_or_default()
    }

    /// The median run (the lower one for an even count).
    pub(crate) fn median(&self) -> Duration {
        let mut sorted = self.runs.clone();
        sorted.sort();
        sorted
            .get(sorted.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or_default()
    }
}

/// Runs `work` `reps` times; the timing and the last result.
pub(crate) fn time<T>(
    reps: usize,
    mut work: impl FnMut() -> anyhow::Result<T>,
) -> anyhow::Result<(Timing, T)> {
    let mut runs = Vec::with_capacity(reps);
    let mut last = None;
    for _ in 0..reps.max(1) {
        let started = Instant::now();
        let result = std::hint::black_box(work()?);
        runs.push(started.elapsed());
        last = Some(result);
    }
    let last = last.context("no repetition")?;
    Ok((Timing { runs }, last))
}

/// One run of a program.
#[derive(Debug, Clone)]
pub(crate) struct ProcessRun {
    /// Start to exit.
    pub(crate) wall: Duration,
    /// User + system CPU time, when `/usr/bin/time` measured it.
    pub(crate) cpu: Option<Duration>,
    /// The maximum resident set size in KiB, when `/usr/bin/time` measured it.
    pub(crate) peak_kib: Option<u64>,
    /// What the program printed on standard output.
    pub(crate) stdout: String,
}

/// The runs of one program.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProcessTiming {
    pub(crate) runs: Vec<ProcessRun>,
}

impl ProcessTiming {
    /// The wall-clock timing.
    pub(crate) fn wall(&self) -> Timing {
        Timing {
            runs: self.runs.iter().map(|run| run.wall).collect(),
        }
    }

    /// The least CPU time of the runs.
    pub(crate) fn best_cpu(&self) -> Option<Duration> {
        self.runs.iter().filter_map(|run| run.cpu).min()
    }

    /// The largest peak resident set of the runs, in KiB.
    pub(crate) fn peak_kib(&self) -> Option<u64> {
        self.runs.iter().filter_map(|run| run.peak_kib).max()
    }
}

/// Runs `program arguments` once, under `/usr/bin/time -v` when it is installed.
///
/// # Errors
///
/// When the program cannot be started or exits with a failure (its standard error is
/// in the message).
pub(crate) fn run_process(program: &Path, arguments: &[String]) -> anyhow::Result<ProcessRun> {
    let gnu_time = Path::new("/usr/bin/time");
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
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&finished.stderr);
    if !finished.status.success() {
        let tail: Vec<&str> = stderr
            .lines()
            .filter(|line| !line.starts_with('\t') && !line.starts_with("Command "))
            .collect();
        bail!(
            "{} {} failed:\n{}",
            program.display(),
            arguments.join(" "),
            tail[tail.len().saturating_sub(5)..].join("\n")
        );
    }
    let seconds = |name: &str| {
        time_field(&stderr, name)
            .and_then(|value| value.parse::<f64>().ok())
            .map(Duration::from_secs_f64)
    };
    let cpu = match (
        seconds("User time (seconds)"),
        seconds("System time (seconds)"),
    ) {
        (Some(user), Some(system)) => Some(user + system),
        _ => None,
    };
    Ok(ProcessRun {
        wall,
        cpu,
        peak_kib: max_resident_kib(&stderr),
        stdout: String::from_utf8_lossy(&finished.stdout).into_owned(),
    })
}

/// A `NAME: value` line of `/usr/bin/time -v`.
fn time_field<'a>(stderr: &'a str, name: &str) -> Option<&'a str> {
    stderr.lines().find_map(|line| {
        line.trim()
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(str::trim)
    })
}

/// The `Maximum resident set size (kbytes): N` line of `/usr/bin/time -v`.
pub(crate) fn max_resident_kib(stderr: &str) -> Option<u64> {
    time_field(stderr, "Maximum resident set size (kbytes)").and_then(|value| value.parse().ok())
}

/// The load averages of the machine (`/proc/loadavg`: 1, 5 and 15 minutes).
pub(crate) fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::{Timing, max_resident_kib, time_field};
    use std::time::Duration;

    #[test]
    fn gnu_time_fields_are_read() {
        let stderr = "\tUser time (seconds): 1.25\n\tSystem time (seconds): 0.10\n\tMaximum resident set size (kbytes): 20480\n";
        assert_eq!(time_field(stderr, "User time (seconds)"), Some("1.25"));
        assert_eq!(max_resident_kib(stderr), Some(20_480));
        assert_eq!(max_resident_kib("nothing"), None);
    }

    #[test]
    fn best_and_median() {
        let timing = Timing {
            runs: [3, 1, 2, 5].map(Duration::from_millis).to_vec(),
        };
        assert_eq!(timing.best(), Duration::from_millis(1));
        assert_eq!(timing.median(), Duration::from_millis(2));
    }
}
