//! Balance liquidity, financial stability and net assets on the three-statement
//! fixtures: one company printed on the Russian (66n codes), Polish (Załącznik 1) and
//! English (IFRS captions) forms. Each expected value is recomputed here from the
//! imported amounts by the method's Russian line codes; the three forms must agree,
//! and the Markdown section is snapshot-tested.

use bilans_model::{Lang, LineItem, Period, Statements};
use bilans_ratios::EvalConfig;
use bilans_ratios::analysis::analyse;
use bilans_ratios::liquidity::net_assets::NetAssetsMethod;
use bilans_ratios::liquidity::render::analysis_section;
use bilans_ratios::liquidity::stability::{AmountId, StabilityType};
use bilans_ratios::liquidity::{GroupId, Verdict};
use rust_decimal::Decimal;

use crate::support::{analysed_in_process, fixture};

/// The statements of a fixture's one company, as the library entry point imports them.
fn imported(relative: &str) -> Statements {
    let analysed = analysed_in_process(&fixture(relative), EvalConfig::default());
    assert_eq!(analysed.analyses.len(), 1, "{relative}");
    analysed.analyses.into_iter().next().unwrap().statements
}

/// The Russian statements' amount on line `code` in `period`, zero when the form
/// leaves the line out.
fn line(statements: &Statements, period: Period, code: &str) -> Decimal {
    let item = LineItem::ALL
        .into_iter()
        .find(|item| item.info().ru_codes.contains(&code))
        .unwrap();
    statements.get(period, item).unwrap_or_default()
}

fn lines(statements: &Statements, period: Period, codes: &[&str]) -> Decimal {
    codes
        .iter()
        .map(|code| line(statements, period, code))
        .sum()
}

#[test]
fn russian_form_groups_match_the_textbook_codes() {
    let statements = imported("workbooks/three_statements_ru.xlsx");
    assert_eq!(statements.unit.currency, "RUB");
    let analysis = analyse(&statements, &EvalConfig::default());
    assert_eq!(analysis.balance_liquidity.len(), 2);
    for result in &analysis.balance_liquidity {
        let period = result.period;
        let code = |codes: &[&str]| lines(&statements, period, codes);
        let expected = [
            (GroupId::A1, code(&["1240", "1250"])),
            (GroupId::A2, code(&["1230"])),
            (GroupId::A3, code(&["1210", "1220", "1260"])),
            (GroupId::A4, code(&["1100"])),
            (GroupId::P1, code(&["1520"])),
            (GroupId::P2, code(&["1510", "1540", "1550"])),
            (GroupId::P3, code(&["1400"])),
            (GroupId::P4, code(&["1300", "1530"])),
        ];
        for (group, value) in expected {
            assert_eq!(result.group(group), Ok(value), "{group} {period}");
        }
        let holds = [
            code(&["1520"]) <= code(&["1240", "1250"]),
            code(&["1510", "1540", "1550"]) <= code(&["1230"]),
            code(&["1400"]) <= code(&["1210", "1220", "1260"]),
            code(&["1100"]) <= code(&["1300", "1530"]),
        ];
        let computed: Vec<bool> = result
            .conditions
            .iter()
            .map(|condition| condition.holds.clone().unwrap())
            .collect();
        assert_eq!(computed, holds, "{period}");
        let liquid = holds.iter().all(|holds| *holds);
        assert_eq!(
            matches!(result.verdict, Ok(Verdict::AbsolutelyLiquid)),
            liquid,
            "{period}"
        );

        let stability = analysis
            .financial_stability
            .iter()
            .find(|candidate| candidate.period == period)
            .unwrap();
        let inventories = code(&["1210", "1220"]);
        let own = code(&["1300"]) - code(&["1100"]);
        let functioning = own + code(&["1400"]);
        let total = functioning + code(&["1510"]);
        assert_eq!(stability.amount(AmountId::Inventories), Ok(inventories));
        assert_eq!(stability.amount(AmountId::TotalSources), Ok(total));
        let s = [
            inventories <= own,
            inventories <= functioning,
            inventories <= total,
        ];
        assert_eq!(stability.stability_type, Ok(StabilityType::of(s)));

        let net_assets = analysis
            .net_assets
            .iter()
            .find(|candidate| candidate.period == period)
            .unwrap();
        assert_eq!(net_assets.method, NetAssetsMethod::Order84n);
        let expected = code(&["1600"]) - (code(&["1400", "1500"]) - code(&["1530"]));
        assert_eq!(net_assets.net_assets, Ok(expected));
        assert_eq!(
            net_assets.excess_over_share_capital,
            Ok(expected - code(&["1310"]))
        );
    }
}

#[test]
fn the_three_forms_of_one_company_give_the_same_groups_and_type() {
    let config = EvalConfig::default();
    let analyses: Vec<_> = [
        "workbooks/three_statements_ru.xlsx",
        "workbooks/three_statements_pl.xlsx",
        "workbooks/three_statements_en.xlsx",
    ]
    .iter()
    .map(|relative| analyse(&imported(relative), &config))
    .collect();
    let groups = |index: usize| -> Vec<_> {
        analyses[index]
            .balance_liquidity
            .iter()
            .map(|period| {
                let values: Vec<_> = GroupId::ALL
                    .iter()
                    .map(|group| period.group(*group))
                    .collect();
                (period.period, values)
            })
            .collect()
    };
    assert_eq!(groups(0), groups(1), "Russian and Polish");
    assert_eq!(groups(0), groups(2), "Russian and English");
    let types = |index: usize| -> Vec<_> {
        analyses[index]
            .financial_stability
            .iter()
            .map(|period| period.stability_type.clone())
            .collect()
    };
    assert_eq!(types(0), types(1));
    assert_eq!(types(0), types(2));
    // Without deferred income, Order 84n and the equity-based definition agree.
    let net = |index: usize| -> Vec<_> {
        analyses[index]
            .net_assets
            .iter()
            .map(|period| period.net_assets.clone())
            .collect()
    };
    assert_eq!(
        analyses[2].net_assets[0].method,
        NetAssetsMethod::EquityBased
    );
    assert_eq!(net(0), net(1));
    assert_eq!(net(0), net(2));
}

#[test]
fn russian_form_section_snapshot() {
    let analysis = analyse(
        &imported("workbooks/three_statements_ru.xlsx"),
        &EvalConfig::default(),
    );
    insta::assert_snapshot!(
        "liquidity_three_statements_ru",
        analysis_section(
            &analysis.balance_liquidity,
            &analysis.financial_stability,
            &analysis.net_assets,
            Lang::En,
        )
    );
}
