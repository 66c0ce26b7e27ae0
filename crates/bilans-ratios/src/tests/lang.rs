//! The engine's message files: every message in every language, every ratio, distress
//! model and zone named, every source note of a known kind.

use bilans_model::Lang;

use crate::RatioId;
use crate::lang::messages;

#[test]
fn every_ratio_is_named_in_every_language_and_english_matches_the_catalogue() {
    for id in RatioId::ALL {
        let key = format!("ratio.{}", id.name());
        assert_eq!(messages().lookup(Lang::En, &key), Some(id.label()), "{key}");
        for lang in Lang::ALL {
            assert!(messages().lookup(lang, &key).is_some(), "{lang}: {key}");
        }
    }
    let n_named = messages()
        .keys()
        .filter(|key| key.starts_with("ratio."))
        .count();
    assert_eq!(n_named, RatioId::ALL.len(), "a ratio name for no ratio");
}

#[test]
fn every_distress_model_and_zone_is_named_in_every_language() {
    for model in crate::distress::models() {
        let key = format!("distress.model.{}", model.id.name());
        assert_eq!(messages().lookup(Lang::En, &key), Some(model.name), "{key}");
        let names = match &model.zones {
            crate::distress::Zones::Ladder { names, .. } => names.clone(),
            crate::distress::Zones::PreviousPeriodNorm {
                at_or_below, above, ..
            } => vec![*at_or_below, *above],
        };
        for zone in names {
            let key = format!("zone.{zone}");
            assert_eq!(messages().lookup(Lang::En, &key), Some(zone), "{key}");
        }
    }
    assert_eq!(
        messages().lookup(Lang::En, "policy.naming_note"),
        Some(crate::working_capital::NAMING_NOTE)
    );
}

#[test]
fn every_source_note_has_a_kind() {
    for ratio in crate::catalogue() {
        assert_ne!(
            ratio.source_in(Lang::Pl),
            bilans_model::lang::MISSING_MESSAGE,
            "{}: {}",
            ratio.id,
            ratio.source
        );
    }
}
