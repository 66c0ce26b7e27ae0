//! The conclusion states only what its figures show.

use bilans_model::{Entity, Lang, LineItem, Period, Statements, Unit};
use rust_decimal::Decimal;

use crate::analysis::analyse;
use crate::conclusion::{Claim, Figure, Topic};
use crate::{EvalConfig, RatioId};

/// Two years of a small company; 2002 is a loss year with current liabilities above
/// current assets.
fn statements(loss: bool) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    let rows: [(i32, [(LineItem, i64); 8]); 2] = [
        (
            2001,
            [
                (LineItem::TotalAssets, 1_000),
                (LineItem::CurrentAssets, 400),
                (LineItem::Inventories, 100),
                (LineItem::Equity, 500),
                (LineItem::CurrentLiabilities, 200),
                (LineItem::TotalEquityAndLiabilities, 1_000),
                (LineItem::Revenue, 2_000),
                (LineItem::NetIncome, 100),
            ],
        ),
        (
            2002,
            [
                (LineItem::TotalAssets, 1_100),
                (LineItem::CurrentAssets, 300),
                (LineItem::Inventories, 150),
                (LineItem::Equity, 450),
                (LineItem::CurrentLiabilities, 400),
                (LineItem::TotalEquityAndLiabilities, 1_100),
                (LineItem::Revenue, 2_500),
                (LineItem::NetIncome, if loss { -50 } else { 50 }),
            ],
        ),
    ];
    for (year, items) in rows {
        for (item, value) in items {
            statements.set(Period::year(year), item, Decimal::from(value));
        }
    }
    statements
}

fn claims(loss: bool) -> Vec<(Topic, Claim, String, Vec<Figure>)> {
    let analysis = analyse(&statements(loss), &EvalConfig::default());
    analysis
        .conclusion
        .paragraphs
        .iter()
        .flat_map(|paragraph| {
            paragraph.sentences.iter().map(|sentence| {
                (
                    paragraph.topic,
                    sentence.claim.clone(),
                    sentence.text.clone(),
                    sentence.figures.clone(),
                )
            })
        })
        .collect()
}

#[test]
fn the_current_ratio_is_stated_with_its_figures_and_the_previous_year() {
    let claims = claims(false);
    let (_, _, text, figures) = claims
        .iter()
        .find(|(_, claim, _, _)| {
            matches!(claim, Claim::RatioLevel { id, .. } if *id == RatioId::CURRENT_RATIO)
        })
        .expect("a current-ratio sentence");
    // 300 / 400 = 0.75 in 2002, 400 / 200 = 2 in 2001.
    assert_eq!(
        figures,
        &vec![
            Figure::Ratio {
                id: RatioId::CURRENT_RATIO,
                period: Period::year(2002),
                value: Decimal::new(75, 2),
            },
            Figure::Ratio {
                id: RatioId::CURRENT_RATIO,
                period: Period::year(2001),
                value: Decimal::from(2),
            },
        ]
    );
    assert!(
        text.contains("0.75 in 2002, down from 2.00 in 2001"),
        "{text}"
    );
    assert!(
        claims
            .iter()
            .any(|(topic, claim, _, _)| *topic == Topic::Liquidity
                && *claim
                    == Claim::CurrentLiabilitiesExceedCurrentAssets {
                        period: Period::year(2002)
                    })
    );
    assert!(
        claims
            .iter()
            .any(|(topic, claim, _, _)| *topic == Topic::NextSteps
                && *claim == Claim::CheckShortTermFunding)
    );
}

#[test]
fn a_loss_is_stated_only_when_net_income_is_negative() {
    let is_loss = |claim: &Claim| matches!(claim, Claim::NetLoss { .. });
    assert!(!claims(false).iter().any(|(_, claim, _, _)| is_loss(claim)));
    let with_loss = claims(true);
    let (_, _, text, figures) = with_loss
        .iter()
        .find(|(_, claim, _, _)| is_loss(claim))
        .expect("a loss sentence");
    assert_eq!(text, "The company made a net loss in 2002.");
    assert_eq!(
        figures,
        &vec![Figure::Amount {
            item: LineItem::NetIncome,
            period: Period::year(2002),
            value: Decimal::from(-50),
        }]
    );
}

#[test]
fn trends_compare_the_first_and_last_period_with_the_percentage_change() {
    let claims = claims(false);
    let revenue = claims
        .iter()
        .find(|(_, claim, _, _)| {
            matches!(claim, Claim::AmountChange { item, .. } if *item == LineItem::Revenue)
        })
        .expect("a revenue sentence");
    // (2,500 − 2,000) / 2,000 = +25.0 %.
    assert_eq!(
        revenue.2,
        "Revenue rose from 2,000 in 2001 to 2,500 in 2002 (thousands PLN), +25.0%."
    );
}

#[test]
fn every_stated_ratio_figure_is_the_analysis_value() {
    let analysis = analyse(&statements(true), &EvalConfig::default());
    for sentence in analysis
        .conclusion
        .paragraphs
        .iter()
        .flat_map(|paragraph| &paragraph.sentences)
    {
        for figure in &sentence.figures {
            match figure {
                Figure::Ratio { id, period, value } => {
                    let row = analysis.ratios.row(*id).expect("row");
                    assert_eq!(row.value(*period), Some(&Ok(*value)), "{}", sentence.text);
                }
                Figure::Amount {
                    item,
                    period,
                    value,
                } => assert_eq!(analysis.statements.get(*period, *item), Some(*value)),
                Figure::Distress {
                    model,
                    period,
                    value,
                } => {
                    let row = &analysis.distress[*model];
                    let score = row.values.iter().find(|(at, _)| at == period);
                    let score = score.and_then(|(_, score)| score.as_ref().ok());
                    assert_eq!(score.map(|score| score.score), Some(*value));
                }
                Figure::Measure { .. } | Figure::Findings { .. } => {}
            }
        }
    }
}

#[test]
fn the_conclusion_is_worded_in_each_language_with_its_own_terms_and_notation() {
    let analysis = analyse(&statements(true), &EvalConfig::default());
    let current_ratio = |lang: Lang| {
        analysis
            .conclusion
            .paragraphs
            .iter()
            .flat_map(|paragraph| &paragraph.sentences)
            .find(|sentence| {
                matches!(sentence.claim, Claim::RatioLevel { id, .. } if id == RatioId::CURRENT_RATIO)
            })
            .expect("a current-ratio sentence")
            .text_in(lang)
            .to_owned()
    };
    // English is the JSON's text; the others use each field's term and a decimal comma.
    assert!(current_ratio(Lang::En).contains("0.75 in 2002, down from 2.00 in 2001"));
    for (lang, term) in [
        (Lang::Pl, "Wskaźnik bieżącej płynności"),
        (Lang::Ru, "Коэффициент текущей ликвидности"),
        (Lang::Uk, "Коефіцієнт поточної ліквідності"),
    ] {
        let text = current_ratio(lang);
        assert!(text.starts_with(term), "{lang}: {text}");
        assert!(
            text.contains("0,75") && text.contains("2,00"),
            "{lang}: {text}"
        );
    }
    for paragraph in &analysis.conclusion.paragraphs {
        for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
            assert_ne!(
                paragraph.topic.heading_in(lang),
                paragraph.topic.heading(),
                "{lang}"
            );
            for sentence in &paragraph.sentences {
                let text = sentence.text_in(lang);
                assert!(
                    text != sentence.text && !text.contains(bilans_model::lang::MISSING_MESSAGE),
                    "{lang}: {text}"
                );
            }
        }
        for sentence in &paragraph.sentences {
            assert_eq!(sentence.text_in(Lang::En), sentence.text);
        }
    }
}
