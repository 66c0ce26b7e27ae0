//! `bilans reproduce METHOD`: reproduce a seed's published tables and reconcile them.

use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_ratios::{render, seed004};

use crate::lang::message;
use crate::output::print;
use crate::reproduce_args::{Args, Method, fixture_text};

/// The transcription of seed 004 shipped with bilans.
const SEED004: &str = include_str!("../../../fixtures/seeds/seed004_dupont.toml");

/// Runs `bilans reproduce`: the report in `lang` around the publication's own words
/// (JSON keeps its machine names).
pub(crate) fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    match args.method {
        Method::Dupont => dupont(&args, lang),
        Method::Partners => crate::partners::reproduce(&args, lang),
        Method::WorkingCapital => crate::wc::reproduce(&args, lang),
    }
}

fn dupont(args: &Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let (text, origin) = fixture_text(args, SEED004, lang)?;
    let seed: seed004::PublishedSeed = toml::from_str(&text)
        .with_context(|| message(lang, "context.reading", &[("path", &origin)]))?;
    let reproduction = seed004::reproduce(&seed)
        .with_context(|| message(lang, "context.checking", &[("path", &origin)]))?;
    if args.json {
        print(&serde_json::to_string_pretty(&reproduction.reconciliation)?)?;
    } else {
        print(&render::seed004_report_in(&reproduction, lang))?;
    }
    Ok(ExitCode::SUCCESS)
}
