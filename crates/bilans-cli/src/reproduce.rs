//! `bilans reproduce METHOD`: reproduce a seed's published tables and reconcile them.

use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_ratios::{render, seed004};

use crate::output::print;
use crate::reproduce_args::{Args, Method, fixture_text};

/// The transcription of seed 004 shipped with bilans.
const SEED004: &str = include_str!("../../../fixtures/seeds/seed004_dupont.toml");

/// Runs `bilans reproduce`.
/// FIXME(issue 15): its report is still English whatever `--lang` says.
pub(crate) fn run(args: Args, _lang: Lang) -> anyhow::Result<ExitCode> {
    match args.method {
        Method::Dupont => dupont(&args),
        Method::Partners => crate::partners::reproduce(&args),
        Method::WorkingCapital => crate::wc::reproduce(&args),
    }
}

fn dupont(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, origin) = fixture_text(args, SEED004)?;
    let seed: seed004::PublishedSeed =
        toml::from_str(&text).with_context(|| format!("reading {origin}"))?;
    let reproduction = seed004::reproduce(&seed).with_context(|| format!("checking {origin}"))?;
    if args.json {
        print(&serde_json::to_string_pretty(&reproduction.reconciliation)?)?;
    } else {
        print(&render::seed004_report(&reproduction))?;
    }
    Ok(ExitCode::SUCCESS)
}
