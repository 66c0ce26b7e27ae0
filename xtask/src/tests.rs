//! The command line of `cargo xtask`: the definitions are consistent, and every
//! invocation documented in the README, docs and `.ci/run` still parses.

use clap::{CommandFactory, Parser};

use crate::{Cli, Task};

fn parse(line: &str) -> Task {
    let words = std::iter::once("xtask").chain(line.split_whitespace());
    Cli::try_parse_from(words)
        .unwrap_or_else(|error| panic!("`{line}`: {error}"))
        .task
}

#[test]
fn the_definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn documented_invocations_parse() {
    for line in [
        "reports",
        "reports --check",
        "fixtures",
        "fixtures --check",
        "fixtures --libreoffice",
        "bench",
        "bench --peer-python /tmp/ftk/bin/python",
        "bench --companies 100 --years 5 --reps 1",
        "bench --sizes 100,1000,5000",
        "bench --quick",
        "bench --quick --no-peer",
        "bench --levers --peer /work/shared/peers/ftk_pipeline.py",
        "bench --folder 0",
    ] {
        parse(line);
    }
}

#[test]
fn unknown_tasks_and_flags_are_refused() {
    for line in [
        "",
        "report",
        "reports --chek",
        "bench --companies 1",
        "bench --reps",
    ] {
        let words = std::iter::once("xtask").chain(line.split_whitespace());
        assert!(Cli::try_parse_from(words).is_err(), "`{line}` parsed");
    }
}
