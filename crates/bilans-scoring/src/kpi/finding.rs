//! The findings of a card report: warnings and notes about KPIs, owners and levels,
//! each with a kind callers can match on.

use bilans_model::Lang;
use serde::Serialize;

use crate::kpi::level::Level;
use crate::lang::Words;

/// A warning or note about a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiFinding {
    /// What kind.
    pub kind: FindingKind,
    /// The KPI, owner or level concerned.
    pub subject: String,
    /// In words (English).
    pub message: String,
    /// The message as data, for wording it in another language (`None`: a message
    /// written elsewhere, kept as it is).
    #[serde(skip)]
    pub words: Option<Words>,
    /// The subject as data, when bilans words it (`level unit`).
    #[serde(skip)]
    pub subject_words: Option<Words>,
}

impl KpiFinding {
    /// A finding worded from this crate's message files.
    pub(crate) fn worded(kind: FindingKind, subject: String, words: Words) -> KpiFinding {
        KpiFinding {
            kind,
            subject,
            message: words.text_in(Lang::En),
            words: Some(words),
            subject_words: None,
        }
    }

    /// A finding about a level, worded from this crate's message files.
    pub(crate) fn about_level(kind: FindingKind, level: Level, words: Words) -> KpiFinding {
        let subject = Words::new("kpi_finding.level", &[("level", &level)]);
        KpiFinding {
            subject: subject.text_in(Lang::En),
            subject_words: Some(subject),
            ..KpiFinding::worded(kind, String::new(), words)
        }
    }

    /// The subject in `lang`.
    pub fn subject_in(&self, lang: Lang) -> String {
        match &self.subject_words {
            Some(words) => words.text_in(lang),
            None => self.subject.clone(),
        }
    }

    /// The message in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match &self.words {
            Some(words) => words.text_in(lang),
            None => self.message.clone(),
        }
    }
}

/// The kinds of [`KpiFinding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The declared type does not fit the scale (e.g. quantitative on an ordinal scale).
    TypeScaleMismatch,
    /// actual/plan was refused and the KPI was scored all-or-nothing.
    RatioRefused,
    /// The weights of a card did not sum to 1 and were normalised.
    WeightsNormalised,
    /// The weights of a card sum to 0: no total.
    WeightsZero,
    /// A level has no KPI on the neglected side of a pair.
    NeglectedSideMissing,
    /// A level has little weight on the neglected side of a pair.
    NeglectedSideThin,
    /// The individual share of a level is off its target.
    IndividualShareOffTarget,
}

impl FindingKind {
    /// The snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::TypeScaleMismatch => "type_scale_mismatch",
            FindingKind::RatioRefused => "ratio_refused",
            FindingKind::WeightsNormalised => "weights_normalised",
            FindingKind::WeightsZero => "weights_zero",
            FindingKind::NeglectedSideMissing => "neglected_side_missing",
            FindingKind::NeglectedSideThin => "neglected_side_thin",
            FindingKind::IndividualShareOffTarget => "individual_share_off_target",
        }
    }
}
