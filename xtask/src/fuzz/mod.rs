//! `cargo xtask fuzz`: a fuzzing harness on stable Rust. It mutates the fixtures that
//! `bilans` reads (workbooks, bad workbooks, mappings, panels, KPI cards, staff files,
//! seed transcriptions) and the numbers of the `wc` calculators, runs the debug
//! `bilans` binary on each mutated input in a child process under a memory limit and a
//! timeout, and keeps every input that made it fail.
//!
//! ```text
//! cargo xtask fuzz [--seconds N] [--cases N] [--seed S] [--out DIR]
//!                  [--timeout SECONDS] [--memory-mib MIB] [--release] [--binary PATH]
//! cargo xtask fuzz --replay target/fuzz/failures/s1-c00042-panic-seed004_en.txt
//! ```
//!
//! A case fails when the child panics (exit 101 or `panicked at`), dies of a signal,
//! runs out of memory (`memory allocation of N bytes failed`), times out, modifies an
//! input, exits 0 after being told to write over its input, or exits with a code other
//! than 0, 1 and 2 (or fails without a message). A clean error (exit 1 or 2 with a
//! message) is what bilans should do with a broken input, and passes.
//!
//! Case `i` of seed `s` is always the same input (see [`rng`]): a failure is kept as
//! `DIR/s{s}-c{i}-{kind}-{fixture}` with a `.txt` beside it that gives the command, the
//! mutations and the verdict, and that `--replay` reruns.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::fuzz::child::{Limiter, Limits, Observation, Verdict, classify, run_limited};
use crate::fuzz::rng::Rng;
use crate::fuzz::targets::{Case, discover, generate};
use crate::fuzz::workbook::abbreviate_to as abbreviate;
use crate::project_root;

mod arguments;
mod bytes;
mod child;
mod rng;
mod targets;
mod toml_values;
mod workbook;

#[cfg(test)]
mod tests;

/// The flags of `cargo xtask fuzz`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Stop starting new cases after this many seconds (default 60 when `--cases` is
    /// not given either).
    #[arg(long)]
    seconds: Option<u64>,
    /// Stop after this many cases.
    #[arg(long)]
    cases: Option<u64>,
    /// The seed: the same seed gives the same cases.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where failing inputs are kept (default: target/fuzz/failures).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Seconds one case may run before it is killed and counted as a timeout.
    #[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
    timeout: f64,
    /// Address space one case may use, in MiB.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    memory_mib: u64,
    /// Build and run the release binary instead of the debug one (faster, but without
    /// overflow checks).
    #[arg(long)]
    release: bool,
    /// Run this `bilans` binary instead of building one.
    #[arg(long, value_name = "PATH")]
    binary: Option<PathBuf>,
    /// Rerun the one case described by this `.txt` file of a failures folder.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["seconds", "cases", "seed", "out"])]
    replay: Option<PathBuf>,
}

/// Runs the task.
pub(crate) fn run(args: &Args) -> anyhow::Result<()> {
    let root = project_root()
        .canonicalize()
        .context("finding the project root")?;
    let limits = Limits {
        timeout: Duration::try_from_secs_f64(args.timeout).context("--timeout")?,
        memory_bytes: args.memory_mib.saturating_mul(1024 * 1024),
        backtrace: false,
    };
    let runner = Runner {
        binary: binary(&root, args)?,
        limiter: child::find_limiter(),
        limits,
        root: root.clone(),
    };
    if runner.limiter == Limiter::Ulimit {
        eprintln!("fuzz: prlimit (util-linux) not found; limiting memory with `ulimit -v`");
    }
    match &args.replay {
        Some(description) => replay(&runner, description),
        None => fuzz(&runner, args),
    }
}

/// What every case shares.
#[derive(Debug)]
struct Runner {
    binary: PathBuf,
    limiter: Limiter,
    limits: Limits,
    root: PathBuf,
}

/// A kept failure, for the summary.
#[derive(Debug)]
struct Failure {
    case_idx: u64,
    verdict: Verdict,
    command: String,
    kept: PathBuf,
}

/// Where a kept case's files are, for its description.
#[derive(Debug)]
struct KeptPaths {
    /// The binary, from the project root when it is inside it.
    program: String,
    /// The kept input, likewise.
    input: String,
    /// The kept input's file name in the failures folder (empty without an input).
    kept_input: String,
}

fn fuzz(runner: &Runner, args: &Args) -> anyhow::Result<()> {
    let budget = match (args.seconds, args.cases) {
        (None, None) => Some(Duration::from_secs(60)),
        (seconds, _) => seconds.map(Duration::from_secs),
    };
    let max_cases = args.cases.unwrap_or(u64::MAX);
    let out = match &args.out {
        Some(out) => out.clone(),
        None => runner.root.join("target/fuzz/failures"),
    };
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let work = runner.root.join("target/fuzz/work");
    let targets = discover(&runner.root)?;
    eprintln!(
        "fuzz: seed {}, {} targets, {} per case at most, {} MiB; failures go to {}",
        args.seed,
        targets.len(),
        format_duration(runner.limits.timeout),
        args.memory_mib,
        out.display()
    );
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut cases_per_family: BTreeMap<&str, u64> = BTreeMap::new();
    let mut clean_exits: BTreeMap<i32, u64> = BTreeMap::new();
    let mut n_cases = 0;
    for case_idx in 0..max_cases {
        if budget.is_some_and(|budget| budget <= started.elapsed()) {
            break;
        }
        n_cases += 1;
        let mut rng = Rng::for_case(args.seed, case_idx);
        let case = generate(&targets, &mut rng);
        *cases_per_family.entry(case.family).or_default() += 1;
        let (mut verdict, mut observation) = execute(runner, &case, &work, None)?;
        if needs_caller(&verdict) {
            (verdict, observation) =
                with_backtrace(runner, &case, &work, None, verdict, observation)?;
        }
        if !verdict.is_failure() {
            let code = observation.code.unwrap_or(-1);
            *clean_exits.entry(code).or_default() += 1;
            continue;
        }
        let kept = keep(
            runner,
            &out,
            args.seed,
            case_idx,
            &case,
            &verdict,
            &observation,
        )?;
        let command = abbreviate(&show_command(&case), 300);
        eprintln!("fuzz: case {case_idx}: {verdict}\n      {command}");
        failures.push(Failure {
            case_idx,
            verdict,
            command,
            kept,
        });
    }
    let _ = std::fs::remove_dir_all(&work);
    print!(
        "{}",
        summary(
            n_cases,
            started.elapsed(),
            args.seed,
            &cases_per_family,
            &clean_exits,
            &failures
        )
    );
    if !failures.is_empty() {
        bail!(
            "{} of {n_cases} cases failed; inputs and descriptions in {}",
            failures.len(),
            out.display()
        );
    }
    Ok(())
}

/// Runs one case in `work` (emptied first) and judges it. `input_override` replaces
/// the case's input bytes (a replay reads them from the kept file).
fn execute(
    runner: &Runner,
    case: &Case,
    work: &Path,
    input_override: Option<&[u8]>,
) -> anyhow::Result<(Verdict, Observation)> {
    if work.exists() {
        std::fs::remove_dir_all(work).with_context(|| format!("emptying {}", work.display()))?;
    }
    std::fs::create_dir_all(work).with_context(|| format!("creating {}", work.display()))?;
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(name) = &case.input_name {
        inputs.push((name.clone(), input_override.unwrap_or(&case.input).to_vec()));
    }
    let mut args: Vec<OsString> = Vec::with_capacity(case.args.len());
    for word in &case.args {
        if word == "{input}" {
            args.push(case.input_name.clone().unwrap_or_default().into());
        } else if let Some(fixture) = word
            .strip_prefix("{fixture:")
            .and_then(|rest| rest.strip_suffix('}'))
        {
            let name = Path::new(fixture)
                .file_name()
                .context("a fixture placeholder without a file name")?
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(runner.root.join(fixture))
                .with_context(|| format!("reading {fixture}"))?;
            inputs.push((name.clone(), bytes));
            args.push(name.into());
        } else {
            args.push(word.into());
        }
    }
    for (name, bytes) in &inputs {
        std::fs::write(work.join(name), bytes).with_context(|| format!("writing {name}"))?;
    }
    let mut observation = run_limited(runner.limiter, &runner.binary, &args, work, runner.limits)?;
    observation.changed_inputs = inputs
        .iter()
        .filter(|(name, bytes)| std::fs::read(work.join(name)).ok().as_ref() != Some(bytes))
        .map(|(name, _)| name.clone())
        .collect();
    observation.output_is_input = case
        .args
        .windows(2)
        .any(|pair| (pair[0] == "-o" || pair[0] == "--output") && pair[1] == "{input}");
    Ok((classify(&observation), observation))
}

/// A panic outside the project (in calamine, rust_decimal, the standard library) is
/// grouped by the project's frame below it, which needs a backtrace.
fn needs_caller(verdict: &Verdict) -> bool {
    matches!(verdict, Verdict::Panic { location, caller: None, .. } if !location.starts_with("crates/"))
}

/// Reruns a case with `RUST_BACKTRACE=1` and keeps that run when it panics at the
/// same place (its standard error then holds the backtrace), else the first run.
fn with_backtrace(
    runner: &Runner,
    case: &Case,
    work: &Path,
    input_override: Option<&[u8]>,
    verdict: Verdict,
    observation: Observation,
) -> anyhow::Result<(Verdict, Observation)> {
    let traced = Runner {
        limits: Limits {
            backtrace: true,
            ..runner.limits
        },
        binary: runner.binary.clone(),
        root: runner.root.clone(),
        limiter: runner.limiter,
    };
    let (rerun_verdict, rerun_observation) = execute(&traced, case, work, input_override)?;
    let same_place = matches!(
        (&verdict, &rerun_verdict),
        (Verdict::Panic { location: first, .. }, Verdict::Panic { location: again, .. }) if first == again
    );
    if same_place {
        return Ok((rerun_verdict, rerun_observation));
    }
    Ok((verdict, observation))
}

/// Keeps a failing case: its input (when it has one) and a description; returns the
/// description's path.
fn keep(
    runner: &Runner,
    out: &Path,
    seed: u64,
    case_idx: u64,
    case: &Case,
    verdict: &Verdict,
    observation: &Observation,
) -> anyhow::Result<PathBuf> {
    let stem = format!("s{seed}-c{case_idx:05}-{}", verdict.kind());
    let kept_input = match &case.input_name {
        Some(name) => {
            let kept = format!("{stem}-{name}");
            std::fs::write(out.join(&kept), &case.input)
                .with_context(|| format!("writing {kept}"))?;
            kept
        }
        None => String::new(),
    };
    let description_name = match &case.input_name {
        Some(name) => format!("{stem}-{}.txt", name.replace('.', "_")),
        None => format!("{stem}.txt"),
    };
    let description = out.join(&description_name);
    let paths = KeptPaths {
        program: relative_to(&runner.root, &runner.binary),
        input: relative_to(&runner.root, &out.join(&kept_input)),
        kept_input,
    };
    let text = describe(seed, case_idx, case, verdict, observation, &paths)?;
    std::fs::write(&description, text).with_context(|| format!("writing {description_name}"))?;
    Ok(description)
}

/// The description of a kept case. The lines before `stderr:` are `key: value`;
/// `--replay` reads `args`, `source` and `input` back.
fn describe(
    seed: u64,
    case_idx: u64,
    case: &Case,
    verdict: &Verdict,
    observation: &Observation,
    paths: &KeptPaths,
) -> anyhow::Result<String> {
    let mut text = String::new();
    text.push_str("# A failing case of `cargo xtask fuzz`.\n");
    text.push_str("# Rerun it with `cargo xtask fuzz --replay THIS_FILE`, or run the command\n");
    text.push_str("# below on the kept input yourself.\n");
    text.push_str(&format!("verdict: {verdict}\n"));
    text.push_str(&format!("seed: {seed}\ncase: {case_idx}\n"));
    text.push_str(&format!(
        "source: {}\n",
        case.source.as_deref().unwrap_or("")
    ));
    text.push_str(&format!("input: {}\n", paths.kept_input));
    text.push_str(&format!(
        "command: {}\n",
        abbreviate(&show_command(case), 2_000)
    ));
    text.push_str(&format!(
        "from the project root: {}\n",
        abbreviate(&render_command(&paths.program, case, &paths.input), 2_000)
    ));
    text.push_str(&format!(
        "args: {}\n",
        serde_json::to_string(&case.args).context("writing the arguments")?
    ));
    text.push_str(&format!(
        "elapsed: {}\n",
        format_duration(observation.elapsed)
    ));
    text.push_str("mutations:\n");
    for mutation in &case.mutations {
        text.push_str(&format!("- {mutation}\n"));
    }
    text.push_str("stderr:\n");
    let stderr: String = observation.stderr.chars().take(4_000).collect();
    text.push_str(&stderr);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Reads a kept case back from its description (see [`describe`]).
fn read_description(description: &Path) -> anyhow::Result<(Case, Option<Vec<u8>>)> {
    let text = std::fs::read_to_string(description)
        .with_context(|| format!("reading {}", description.display()))?;
    let field = |key: &str| {
        text.lines()
            .take_while(|line| *line != "stderr:")
            .find_map(|line| line.strip_prefix(&format!("{key}: ")))
            .map(str::to_owned)
    };
    let args: Vec<String> = serde_json::from_str(&field("args").context("no `args:` line")?)
        .context("reading the `args:` line")?;
    let source = field("source").filter(|source| !source.is_empty());
    let input_name = source.as_deref().and_then(|source| {
        Path::new(source)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
    });
    let kept = field("input").filter(|input| !input.is_empty());
    let input = match &kept {
        Some(kept) => {
            let path = description.parent().unwrap_or(Path::new(".")).join(kept);
            Some(std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?)
        }
        None => None,
    };
    let case = Case {
        family: "replay",
        source,
        input_name,
        input: Vec::new(),
        args,
        mutations: Vec::new(),
    };
    Ok((case, input))
}

fn replay(runner: &Runner, description: &Path) -> anyhow::Result<()> {
    let (case, input) = read_description(description)?;
    let work = runner.root.join("target/fuzz/replay");
    let (mut verdict, mut observation) = execute(runner, &case, &work, input.as_deref())?;
    if needs_caller(&verdict) {
        (verdict, observation) =
            with_backtrace(runner, &case, &work, input.as_deref(), verdict, observation)?;
    }
    eprintln!("fuzz: replayed {}", show_command(&case));
    eprint!("{}", observation.stderr);
    println!(
        "verdict: {verdict} ({})",
        format_duration(observation.elapsed)
    );
    println!("the case's files are in {}", work.display());
    if verdict.is_failure() {
        bail!("the case still fails");
    }
    Ok(())
}

/// `bilans import seed004_pl.xlsx`: the command as run in the case folder.
fn show_command(case: &Case) -> String {
    let input = case.input_name.clone().unwrap_or_default();
    render_command("bilans", case, &input)
}

/// The command with `program`, the input at `input` and fixtures by their path from
/// the project root.
fn render_command(program: &str, case: &Case, input: &str) -> String {
    let mut words = vec![program.to_owned()];
    for word in &case.args {
        let shown = if word == "{input}" {
            input.to_owned()
        } else if let Some(fixture) = word.strip_prefix("{fixture:") {
            fixture.trim_end_matches('}').to_owned()
        } else if word.is_empty() || word.contains([' ', '\'', '"']) {
            format!("'{word}'")
        } else {
            word.clone()
        };
        words.push(shown);
    }
    words.join(" ")
}

fn summary(
    n_cases: u64,
    elapsed: Duration,
    seed: u64,
    cases_per_family: &BTreeMap<&str, u64>,
    clean_exits: &BTreeMap<i32, u64>,
    failures: &[Failure],
) -> String {
    let mut text = format!(
        "fuzz: {n_cases} cases in {} (seed {seed}), {} failed\n",
        format_duration(elapsed),
        failures.len()
    );
    let families: Vec<String> = cases_per_family
        .iter()
        .map(|(family, count)| format!("{family} {count}"))
        .collect();
    text.push_str(&format!("cases per family: {}\n", families.join(", ")));
    // Mostly exit 2 would mean the mutations break the command lines, not the inputs.
    let exits: Vec<String> = clean_exits
        .iter()
        .map(|(code, count)| format!("exit {code} ×{count}"))
        .collect();
    text.push_str(&format!("passing cases: {}\n", exits.join(", ")));
    let mut groups: BTreeMap<String, Vec<&Failure>> = BTreeMap::new();
    for failure in failures {
        groups
            .entry(failure.verdict.signature())
            .or_default()
            .push(failure);
    }
    for (signature, members) in &groups {
        let first = members[0];
        text.push_str(&format!(
            "\n{signature}: {} case(s)\n  first: case {}: {}\n  {}\n  kept: {}\n",
            members.len(),
            first.case_idx,
            first.verdict,
            first.command,
            first.kept.display()
        ));
    }
    text
}

fn format_duration(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

/// `path` from `root` when it is inside it, else as it is.
fn relative_to(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The `bilans` binary: `--binary`, or built now.
fn binary(root: &Path, args: &Args) -> anyhow::Result<PathBuf> {
    if let Some(binary) = &args.binary {
        // Absolute, since cases run in their own folder.
        return binary
            .canonicalize()
            .with_context(|| format!("finding {}", binary.display()));
    }
    let profile = if args.release { "release" } else { "debug" };
    eprintln!("fuzz: building the {profile} binary (cargo build -p bilans-cli)");
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(root)
        .args(["build", "--quiet", "-p", "bilans-cli"]);
    if args.release {
        command.arg("--release");
    }
    let status = command.status().context("running cargo build")?;
    if !status.success() {
        bail!("cargo build -p bilans-cli failed");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let binary = target.join(profile).join("bilans");
    binary
        .canonicalize()
        .with_context(|| format!("finding {}", binary.display()))
}
