//! Running one case: the `bilans` binary in a child process under an address-space
//! limit (`prlimit --as`, or `ulimit -v` in `sh` where util-linux is missing) and a
//! timeout, and the verdict on what it did.
//!
//! The limit is set by a wrapper that then `exec`s the binary, so no `unsafe`
//! `pre_exec` hook is needed and killing the child on timeout kills `bilans` itself.
//! Standard output and error go to files, so a chatty child never blocks on a full
//! pipe.

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

/// How much a case may use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Wall-clock time before the child is killed.
    pub(crate) timeout: Duration,
    /// Address space (virtual memory) of the child, in bytes.
    pub(crate) memory_bytes: u64,
    /// Ask for a panic's backtrace (`RUST_BACKTRACE=1`), to find the project's frame
    /// below a panic inside a dependency; off by default, as it costs time.
    pub(crate) backtrace: bool,
}

/// How the memory limit is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limiter {
    /// `prlimit --as=BYTES --core=0 PROGRAM ARGS…` (util-linux).
    Prlimit,
    /// `sh -c 'ulimit -v KIB; ulimit -c 0; exec "$0" "$@"' PROGRAM ARGS…`.
    Ulimit,
}

/// What a child process did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observation {
    /// The exit code, when it exited.
    pub(crate) code: Option<i32>,
    /// The signal that ended it, when one did (including the timeout's kill).
    pub(crate) signal: Option<i32>,
    /// Killed because it ran past the timeout.
    pub(crate) timed_out: bool,
    /// Its standard error (lossily decoded).
    pub(crate) stderr: String,
    /// Input files whose bytes differ after the run.
    pub(crate) changed_inputs: Vec<String>,
    /// The command names an input as its output (`-o INPUT --force`).
    pub(crate) output_is_input: bool,
    /// How long it ran.
    pub(crate) elapsed: Duration,
}

/// The verdict on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Success, or a clean error: exit 1 or 2 with a message.
    Clean,
    /// A Rust panic (exit 101 or `panicked at` on standard error).
    Panic {
        /// `file:line` of the panic, registry paths shortened to `crate-version/…`.
        location: String,
        /// The panic message's first line.
        message: String,
        /// The first frame in the project's `crates/` below a panic elsewhere (in a
        /// dependency or the standard library), when a backtrace was printed.
        caller: Option<String>,
    },
    /// An allocation beyond the memory limit (Rust aborts with `memory allocation of N
    /// bytes failed`).
    OutOfMemory {
        /// The allocator's message.
        message: String,
    },
    /// Ended by a signal other than the timeout's kill (abort, segfault, stack
    /// overflow, the kernel's OOM killer).
    Crash {
        /// The signal number.
        signal: i32,
        /// The last line of standard error, if any.
        message: String,
    },
    /// Still running at the timeout.
    Timeout,
    /// An input file was modified.
    InputModified {
        /// The files that changed.
        files: Vec<String>,
    },
    /// Exited 0 although it was told to write its output over its input.
    OverwroteInput,
    /// An exit code other than 0, 1 and 2, or a failure without any message.
    UnexpectedExit {
        /// The exit code.
        code: i32,
        /// Why that is wrong.
        reason: String,
    },
}

/// Finds how to apply the memory limit: `prlimit` when it runs, else `sh`'s `ulimit`.
pub(crate) fn find_limiter() -> Limiter {
    let prlimit_runs = Command::new("prlimit")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if prlimit_runs {
        Limiter::Prlimit
    } else {
        Limiter::Ulimit
    }
}

/// Runs `program args` in `dir` under `limits`, standard output and error written to
/// `dir/stdout.txt` and `dir/stderr.txt`. `changed_inputs` and `output_is_input` are
/// left for the caller.
///
/// # Errors
///
/// When the child cannot be started or waited for.
pub(crate) fn run_limited(
    limiter: Limiter,
    program: &Path,
    args: &[OsString],
    dir: &Path,
    limits: Limits,
) -> anyhow::Result<Observation> {
    let mut command = match limiter {
        Limiter::Prlimit => {
            let mut command = Command::new("prlimit");
            command
                .arg(format!("--as={}", limits.memory_bytes))
                .arg("--core=0")
                .arg(program);
            command
        }
        Limiter::Ulimit => {
            let mut command = Command::new("sh");
            command
                .arg("-c")
                .arg(format!(
                    "ulimit -v {} && ulimit -c 0 && exec \"$0\" \"$@\"",
                    limits.memory_bytes / 1024
                ))
                .arg(program);
            command
        }
    };
    let stdout_path = dir.join("stdout.txt");
    let stderr_path = dir.join("stderr.txt");
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).context("creating stdout.txt")?)
        .stderr(File::create(&stderr_path).context("creating stderr.txt")?)
        .env("RUST_BACKTRACE", if limits.backtrace { "1" } else { "0" });
    let started = Instant::now();
    let mut child = command
        .spawn()
        .with_context(|| format!("starting {}", program.display()))?;
    let mut timed_out = false;
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait().context("waiting for the child")? {
            break status;
        }
        if limits.timeout < started.elapsed() {
            // The child may have exited just now: then kill fails harmlessly.
            let _ = child.kill();
            timed_out = true;
            break child.wait().context("waiting for the killed child")?;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(5));
    };
    let elapsed = started.elapsed();
    let stderr =
        String::from_utf8_lossy(&std::fs::read(&stderr_path).unwrap_or_default()).into_owned();
    Ok(Observation {
        code: status.code(),
        signal: signal_of(status),
        timed_out,
        stderr,
        changed_inputs: Vec::new(),
        output_is_input: false,
        elapsed,
    })
}

/// Classifies what a child did, the most alarming finding first.
pub(crate) fn classify(observation: &Observation) -> Verdict {
    let stderr = observation.stderr.as_str();
    if observation.timed_out {
        return Verdict::Timeout;
    }
    if let Some(line) = stderr
        .lines()
        .find(|line| line.contains("memory allocation of") && line.contains("failed"))
    {
        return Verdict::OutOfMemory {
            message: line.trim().to_owned(),
        };
    }
    if observation.code == Some(101) || stderr.contains("panicked at") {
        let (location, message) = panic_site(stderr);
        let caller = project_frame(stderr).filter(|caller| *caller != location);
        return Verdict::Panic {
            location,
            message,
            caller,
        };
    }
    if let Some(signal) = observation.signal {
        return Verdict::Crash {
            signal,
            message: last_line(stderr),
        };
    }
    if !observation.changed_inputs.is_empty() {
        return Verdict::InputModified {
            files: observation.changed_inputs.clone(),
        };
    }
    let code = observation.code.unwrap_or(-1);
    if code == 0 && observation.output_is_input {
        return Verdict::OverwroteInput;
    }
    if !(0..=2).contains(&code) {
        return Verdict::UnexpectedExit {
            code,
            reason: "exit code other than 0, 1 or 2".to_owned(),
        };
    }
    if code != 0 && stderr.trim().is_empty() {
        return Verdict::UnexpectedExit {
            code,
            reason: "failed without a message on standard error".to_owned(),
        };
    }
    Verdict::Clean
}

impl Verdict {
    /// Whether the case failed.
    pub(crate) fn is_failure(&self) -> bool {
        *self != Verdict::Clean
    }

    /// A short name of the kind of failure, used in file names.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Panic { .. } => "panic",
            Verdict::OutOfMemory { .. } => "out-of-memory",
            Verdict::Crash { .. } => "crash",
            Verdict::Timeout => "timeout",
            Verdict::InputModified { .. } => "input-modified",
            Verdict::OverwroteInput => "overwrote-input",
            Verdict::UnexpectedExit { .. } => "unexpected-exit",
        }
    }

    /// What groups failures in the summary: the kind and, where there is one, the
    /// place (a panic's location, a signal), but not the details that vary between
    /// inputs (allocation sizes).
    pub(crate) fn signature(&self) -> String {
        match self {
            Verdict::Panic {
                location,
                caller: Some(caller),
                ..
            } => format!("panic at {location} from {caller}"),
            Verdict::Panic { location, .. } => format!("panic at {location}"),
            Verdict::Crash { signal, .. } => format!("crash: signal {signal}"),
            Verdict::UnexpectedExit { code, .. } => format!("unexpected exit {code}"),
            other => other.kind().to_owned(),
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Clean => write!(f, "clean"),
            Verdict::Panic {
                location,
                message,
                caller,
            } => {
                write!(f, "panic at {location}")?;
                if let Some(caller) = caller {
                    write!(f, " (from {caller})")?;
                }
                write!(f, ": {message}")
            }
            Verdict::OutOfMemory { message } => write!(f, "out of memory: {message}"),
            Verdict::Crash { signal, message } => {
                write!(f, "killed by signal {signal}")?;
                if *signal == 9 {
                    write!(f, " (SIGKILL: perhaps the kernel's OOM killer)")?;
                }
                if !message.is_empty() {
                    write!(f, ": {message}")?;
                }
                Ok(())
            }
            Verdict::Timeout => write!(f, "timed out"),
            Verdict::InputModified { files } => {
                write!(f, "modified its input: {}", files.join(", "))
            }
            Verdict::OverwroteInput => {
                write!(f, "exited 0 while writing its output over its input")
            }
            Verdict::UnexpectedExit { code, reason } => write!(f, "exit {code}: {reason}"),
        }
    }
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_status: ExitStatus) -> Option<i32> {
    None
}

/// The location and message of the first panic in `stderr`: Rust prints
/// `thread 'main' panicked at FILE:LINE:COLUMN:` and the message on the next line.
fn panic_site(stderr: &str) -> (String, String) {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        let Some((_, rest)) = line.split_once("panicked at ") else {
            continue;
        };
        let place = rest.trim_end().trim_end_matches(':');
        // Keep `file:line`, not the column.
        let location = strip_column(place);
        let message = lines.next().unwrap_or_default().trim().to_owned();
        return (shorten_registry_path(location), message);
    }
    ("unknown location".to_owned(), last_line(stderr))
}

/// The first backtrace frame (`at PATH:LINE:COLUMN`) in the project's `crates/`, as
/// `crates/…/file.rs:LINE`.
fn project_frame(stderr: &str) -> Option<String> {
    stderr.lines().find_map(|line| {
        let path = line.trim_start().strip_prefix("at ")?;
        if path.contains("/registry/") || path.starts_with("/rustc/") {
            return None;
        }
        let start = path.rfind("/crates/")? + 1;
        Some(strip_column(&path[start..]).to_owned())
    })
}

/// `file.rs:12:5` becomes `file.rs:12`.
fn strip_column(place: &str) -> &str {
    match place.rsplit_once(':') {
        Some((file_line, column))
            if !column.is_empty() && column.chars().all(|c| c.is_ascii_digit()) =>
        {
            file_line
        }
        _ => place,
    }
}

/// `/root/.cargo/registry/src/index.crates.io-…/calamine-0.38.0/src/xls.rs:9` becomes
/// `calamine-0.38.0/src/xls.rs:9`, and `/rustc/HASH/library/alloc/…` becomes
/// `library/alloc/…`.
fn shorten_registry_path(location: &str) -> String {
    if location.starts_with("/rustc/")
        && let Some(start) = location.find("/library/")
    {
        return location[start + 1..].to_owned();
    }
    match location.find("/registry/src/") {
        Some(start) => {
            let after = &location[start + "/registry/src/".len()..];
            match after.split_once('/') {
                Some((_index, path)) => path.to_owned(),
                None => after.to_owned(),
            }
        }
        None => location.to_owned(),
    }
}

fn last_line(text: &str) -> String {
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_owned()
}
