//! Markdown of the balance analyses: the documentation page `docs/liquidity.md`,
//! generated from the group and amount tables, and the section of an analysis report.

use std::fmt::Write as _;

use bilans_model::reconcile::fixed;
use bilans_model::{Lang, LineItem, Period};
use rust_decimal::Decimal;

use crate::lang::{message, text};
use crate::liquidity::net_assets::NetAssetsMethod;
use crate::liquidity::net_assets::NetAssetsPeriod;
use crate::liquidity::stability::{SOURCES, StabilityPeriod, amounts};
use crate::liquidity::{CONDITIONS, LiquidityPeriod, groups};
use crate::text::add_period;
use crate::text::markdown_table;
use crate::{Expr, NotComputable};

/// A numbering of balance lines: Russian codes, Ukrainian codes, Polish positions or
/// IFRS taxonomy concepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Russian line codes (Order 66n).
    Russian,
    /// Ukrainian line codes (НП(С)БО 1).
    Ukrainian,
    /// Polish positions (Załącznik 1).
    Polish,
    /// IFRS taxonomy concepts (`ifrs-full`).
    Ifrs,
}

impl Scheme {
    /// Every scheme, in the order of the documentation's columns.
    pub const ALL: [Scheme; 4] = [
        Scheme::Russian,
        Scheme::Ukrainian,
        Scheme::Polish,
        Scheme::Ifrs,
    ];

    /// The column title.
    pub fn title(self) -> &'static str {
        match self {
            Scheme::Russian => "Russian codes",
            Scheme::Ukrainian => "Ukrainian codes",
            Scheme::Polish => "Polish positions",
            Scheme::Ifrs => "IFRS concepts",
        }
    }

    /// The identifiers of `item` in this scheme.
    pub fn identifiers(self, item: LineItem) -> Vec<&'static str> {
        let info = item.info();
        match self {
            Scheme::Russian => info.ru_codes.to_vec(),
            Scheme::Ukrainian => info.uk_codes.to_vec(),
            Scheme::Polish => info.pl_positions.to_vec(),
            Scheme::Ifrs => info
                .xbrl
                .iter()
                .filter_map(|concept| concept.strip_prefix("ifrs-full:"))
                .collect(),
        }
    }
}

/// `expr` written with the identifiers of `scheme`: items the scheme has no identifier
/// for are left out (the form has no such line), a first-present choice takes the first
/// alternative the scheme has, a constant zero is left out; `None` when nothing is left.
/// E.g. A3 in Russian codes: `1200 - (1240 + 1250) - 1230`.
pub fn in_scheme(expr: &Expr, scheme: Scheme) -> Option<String> {
    match expr {
        Expr::Item(item) => {
            let identifiers = scheme.identifiers(*item);
            match identifiers.as_slice() {
                [] => None,
                [only] => Some((*only).to_owned()),
                several => Some(format!("({})", several.join(" + "))),
            }
        }
        Expr::Ratio(id) => in_scheme(&id.ratio().expr, scheme),
        Expr::Constant(value) if value.is_zero() => None,
        Expr::Constant(value) => Some(value.to_string()),
        Expr::DaysInPeriod => Some("days".to_owned()),
        Expr::FirstPresent(alternatives) => alternatives
            .iter()
            .find_map(|alternative| in_scheme(alternative, scheme)),
        Expr::SumOfPresent(terms) => {
            let parts: Vec<String> = terms
                .iter()
                .filter_map(|term| in_scheme(term, scheme))
                .collect();
            match parts.as_slice() {
                [] => None,
                [only] => Some(only.clone()),
                _ => Some(format!("({})", parts.join(" + "))),
            }
        }
        Expr::Add(left, right) => join(in_scheme(left, scheme), " + ", in_scheme(right, scheme)),
        Expr::Sub(left, right) => {
            let right = in_scheme(right, scheme).map(|text| bracket_sum(&text));
            match (in_scheme(left, scheme), right) {
                (Some(left), Some(right)) => Some(format!("{left} - {right}")),
                (Some(left), None) => Some(left),
                (None, Some(right)) => Some(format!("-{right}")),
                (None, None) => None,
            }
        }
        Expr::Mul(left, right) => join(in_scheme(left, scheme), " × ", in_scheme(right, scheme)),
        Expr::Div(left, right) => join(in_scheme(left, scheme), " / ", in_scheme(right, scheme)),
    }
}

fn join(left: Option<String>, operator: &str, right: Option<String>) -> Option<String> {
    match (left, right) {
        (Some(left), Some(right)) => Some(format!("{left}{operator}{right}")),
        (left, right) => left.or(right),
    }
}

/// A subtracted sum in brackets: `a - (b + c)`, not `a - b + c`.
fn bracket_sum(text: &str) -> String {
    let bracketed = text.starts_with('(') && text.ends_with(')');
    if !bracketed && (text.contains(" + ") || text.contains(" - ")) {
        format!("({text})")
    } else {
        text.to_owned()
    }
}

fn cell(expr: &Expr, scheme: Scheme) -> String {
    in_scheme(expr, scheme).unwrap_or_else(|| "–".to_owned())
}

/// `docs/liquidity.md`: the definitions, the group and amount tables in every scheme
/// (generated from the tables), the sources and where they disagree.
pub fn liquidity_markdown() -> String {
    let mut out = String::from(
        "<!-- generated from the tables in crates/bilans-ratios/src/liquidity/; do not edit: BILANS_UPDATE=1 cargo test -p bilans-tests rewrites it -->\n\n# Balance liquidity, financial stability, net assets\n\n",
    );
    out.push_str(INTRODUCTION);
    out.push_str("\n## Balance liquidity by groups (А1–А4, П1–П4)\n\n");
    out.push_str(LIQUIDITY_TEXT);
    let mut header = vec!["Group".to_owned(), "Name".to_owned()];
    header.extend(Scheme::ALL.iter().map(|scheme| scheme.title().to_owned()));
    header.push("Holds".to_owned());
    let rows: Vec<Vec<String>> = groups()
        .iter()
        .map(|group| {
            let mut row = vec![
                format!("{} ({})", group.symbol, group.symbol_ru),
                format!("{} ({})", group.name(), group.name_ru()),
            ];
            row.extend(Scheme::ALL.iter().map(|scheme| cell(&group.expr, *scheme)));
            row.push(group.note.to_owned());
            row
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    out.push_str("\nThe conditions of an absolutely liquid balance: ");
    let conditions: Vec<String> = CONDITIONS
        .iter()
        .map(|condition| format!("`{}`", condition.text()))
        .collect();
    let _ = writeln!(out, "{}.", conditions.join(", "));
    out.push_str(LIQUIDITY_SOURCES);
    out.push_str("\n## Financial-stability type (three-component indicator)\n\n");
    out.push_str(STABILITY_TEXT);
    let mut header = vec!["Amount".to_owned(), "Name".to_owned()];
    header.extend(Scheme::ALL.iter().map(|scheme| scheme.title().to_owned()));
    let rows: Vec<Vec<String>> = amounts()
        .iter()
        .map(|amount| {
            let mut row = vec![
                format!("{} ({})", amount.symbol, amount.symbol_ru),
                format!("{} ({})", amount.name(), amount.name_ru()),
            ];
            row.extend(Scheme::ALL.iter().map(|scheme| cell(&amount.expr, *scheme)));
            row
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    out.push_str(STABILITY_TYPES);
    out.push_str("\n## Net assets against share capital\n\n");
    out.push_str(NET_ASSETS_TEXT);
    let mut header = vec!["Method".to_owned(), "Amount".to_owned()];
    header.extend(Scheme::ALL.iter().map(|scheme| scheme.title().to_owned()));
    let mut rows = Vec::new();
    for method in [NetAssetsMethod::Order84n, NetAssetsMethod::EquityBased] {
        for (name, expr) in [
            ("assets taken", method.assets()),
            ("liabilities taken", method.liabilities()),
        ] {
            let mut row = vec![method_name(method).to_owned(), name.to_owned()];
            row.extend(Scheme::ALL.iter().map(|scheme| cell(&expr, *scheme)));
            rows.push(row);
        }
    }
    out.push_str(&markdown_table(&header, &rows));
    out.push_str(NET_ASSETS_SOURCES);
    out
}

fn method_name(method: NetAssetsMethod) -> &'static str {
    match method {
        NetAssetsMethod::Order84n => "Order 84n (roubles)",
        NetAssetsMethod::EquityBased => "equity-based (other currencies)",
    }
}

const INTRODUCTION: &str = "\
Three analyses of the balance sheet that Russian and Ukrainian analysts expect beside the ratios.
Each group and amount is one entry of a table of expressions over line items (see [line_items.md](line_items.md)); the values, the workbook's formulas (sheets Liquidity and Stability) and the tables below come from those entries.
The identifiers in the tables are the line items' codes and positions in [line_items.md](line_items.md): a line a form does not print is left out of its column (`–` when nothing is left), and where a form prints a total instead of its parts (the Polish short-term investments with the cash in them) the total is used.

Conventions:

- Every amount is a balance at the period's end, whatever the ratios' basis: the analyses compare balances at one date.
- A line the forms leave out when empty and that only adjusts a total (deferred income, VAT on purchases, long-term receivables, provisions, owners' unpaid contributions) counts as zero when absent; any other missing line makes the amount not computable, naming the component and the line items it needs (`P1 needs trade payables, …: …`), and so are the conditions, the verdict, the type or the comparison built on it.
  There is never a partial value.
- Total liabilities is the catalogue's (see [ratios.md](ratios.md)): the statement's total, else total equity and liabilities − equity (the Russian and Ukrainian forms print no total), else long-term + current liabilities.
";

const LIQUIDITY_TEXT: &str = "\
Assets are grouped by how fast they turn into cash, liabilities by how soon they fall due.
A3 and P2 are the remainders of current assets and current liabilities, so every current line of any form lands in exactly one group, and A1 + A2 + A3 + A4 is current plus non-current assets.

";

const LIQUIDITY_SOURCES: &str = "
The balance is absolutely liquid when all four hold; otherwise bilans lists the conditions that fail.
A4 ≤ P4 follows from the other three when the balance sheet balances; it is kept, as the method states it.

Sources and where they disagree:

- The group names and the conditions: the official order of a Russian region on the financial analysis of a principal for state guarantees, which groups the lines of the 66n balance sheet (form 1) and compares them as `А1 > П1, А2 > П2, А3 > П3, А4 < П4` (docs.cntd.ru/document/561761887 and the earlier, no longer valid, docs.cntd.ru/document/460303409); the names also in financelabs/notebook2025 `src/original/laboratory/dictionary_rsbu_66n_2010.js`.
  bilans reads the conditions as `>=` and `<=`: a balance whose groups are equal is not made illiquid by a tie.
- The line codes follow the textbook mapping to the 66n form (А1 = 1240 + 1250, А2 = 1230, А3 = 1210 + 1220 + 1260, А4 = 1100, П1 = 1520, П2 = 1510 + 1540 + 1550, П3 = 1400, П4 = 1300 + 1530), which bilans takes as the primary version; it is the common one but was not confirmed against a primary text (UNVERIFIED).
- Other current assets (1260): A3 here; A2 in other texts (e.g. kakprosto.ru, «Как определить ликвидность баланса»: A2 = receivables due within 12 months and other current assets).
- Receivables due after 12 months: A3 in the texts; the Russian form holds them within 1230 (A2 here) and only the notes separate them; where a form prints them apart (Ukrainian 1040) bilans moves them from A4 to A3.
- Long-term financial investments: A4 here (part of 1100); some Ukrainian texts count them in A3 (Rzayeva, «Економічний аналіз», studmed.ru).
- Deferred income (1530): P4 here, as own-like funds that are not repaid; other texts put it in P2 with the other short-term liabilities, and a Ukrainian worked example on the pre-2013 form puts deferred income and provisions in P3 (ukrbukva.net, analysis of ВАТ «Укрнафта»: П3 = sections II, III and V of the liabilities).
- Short-term provisions (1540): P2 here (the remainder of current liabilities); texts after the old form's reserve for future expenses (line 650) put them in P4.
- Other short-term liabilities (1550): P2 here; some texts put them in P1 with the payables (ukrbukva.net: П1 = payables, dividends payable, other short-term liabilities, overdue loans).
- IFRS statements: the deferred-income line item is read from contract liabilities (`CurrentContractLiabilities`, advances from customers), which the Russian form shows within payables (1520); for such statements P4 holds them and P1 does not, a known limit of reading both through one line item.
- Overdue loans: P1 in the texts; the balance sheet does not show which loans are overdue, so they stay in P2.
";

const STABILITY_TEXT: &str = "\
The inventories are compared with three ever wider sources: own working capital, functioning capital (with long-term liabilities) and the total main sources (with short-term borrowings).
Each surplus is the source minus the inventories, and S = (S1, S2, S3) has 1 where the surplus is not negative.

";

const STABILITY_TYPES: &str = "
| S | Type |
| --- | --- |
| (1, 1, 1) | absolute stability (абсолютная устойчивость) |
| (0, 1, 1) | normal stability (нормальная устойчивость) |
| (0, 0, 1) | unstable (неустойчивое состояние) |
| (0, 0, 0) | crisis (кризисное состояние) |

Any other S (possible only with negative long-term liabilities or short-term borrowings) is reported as irregular, without a type.

Sources and where they disagree:

- The four types and the three sources are the textbook method of Russian analysis (listed in the project's anchors among what peers offer); the primary textbook was not available to check (UNVERIFIED).
- Inventories: bilans adds VAT on purchases (1220) to the inventories (1210), as the classic «запасы и затраты» of the older form (lines 210 + 220) did; other texts take 1210 alone.
  A company without recoverable VAT gets the same type either way.
- Own working capital: 1300 − 1100 here; some texts add deferred income (1300 + 1530 − 1100), as the liquidity group P4 does.
- Functioning capital takes the long-term liabilities as P3 does, with the Polish provisions (Pasywa B.I), which that form prints apart and does not split by term.
- Short-term borrowings: 1510 only; some texts add other short-term sources.
";

const NET_ASSETS_TEXT: &str = "\
Net assets are the assets taken into account minus the liabilities taken into account, compared with the share capital (1310).
For statements in roubles bilans applies the Russian order, Приказ Минфина России от 28.08.2014 № 84н «Об утверждении Порядка определения стоимости чистых активов» (amended by Приказ Минфина России от 21.02.2018 № 30н, minjust.consultant.ru/documents/38727): net assets are the assets taken into account less the liabilities taken into account; the assets taken are all assets but the debt of the founders (participants, shareholders) for contributions to the share capital; the liabilities taken are all liabilities but the deferred income recognised in connection with government aid and with property received free of charge.
For statements in any other currency bilans uses the equity-based definition, total assets − total liabilities, and says so.

";

const NET_ASSETS_SOURCES: &str = "
Limits and choices:

- The Russian balance sheet has no line for the owners' debt for contributions: it is within receivables (1230) and shown in the notes. bilans subtracts it only where the statements give it (the Polish `Aktywa C`, `Należne wpłaty na kapitał`), and otherwise takes it as zero.
- The balance sheet prints all deferred income on one line (1530), not only the part from government aid and free receipt that the order excludes. bilans adds the whole line back and reports it (`deferred_income_added_back`): the order's value lies between net assets minus that amount and net assets. A comparison with share capital that depends on the split is reported as undetermined.
- A missing line never gives a partial value: without share capital the comparison is not computable.
- The minimum statutory capital is not compared: bilans found no source it could rely on for the current minimum.
";

/// The report section of the balance analyses: the groups and conditions, the stability
/// amounts, surpluses and type, and the net assets, per period (amounts to 4 decimals,
/// half away from zero); `n/c` cells with the reasons listed under each table.
pub fn analysis_section(
    liquidity: &[LiquidityPeriod],
    stability: &[StabilityPeriod],
    net_assets: &[NetAssetsPeriod],
    lang: Lang,
) -> String {
    let words = |key: &str| text(lang, &format!("liquidity.report.{key}"));
    let mut out = format!("\n## {}\n\n", words("liquidity_title"));
    let mut table = Section::new(lang);
    for group in groups() {
        table.add(
            format!("{} {}", group.symbol, group.name_in(lang)),
            liquidity
                .iter()
                .map(|period| (period.period, amount(&period.group(group.id))))
                .collect(),
        );
    }
    for (index, condition) in CONDITIONS.iter().enumerate() {
        table.add(
            message(
                lang,
                "conclusion.measure.surplus",
                &[("condition", &condition.text())],
            ),
            liquidity
                .iter()
                .map(|period| {
                    let result = &period.conditions[index];
                    let cell = result.holds.clone().and_then(|holds| {
                        let surplus = amount(&result.surplus)?;
                        Ok(format!(
                            "{} ({surplus})",
                            if holds {
                                words("holds")
                            } else {
                                words("fails")
                            }
                        ))
                    });
                    (period.period, cell)
                })
                .collect(),
        );
    }
    table.add(
        words("verdict").to_owned(),
        liquidity
            .iter()
            .map(|period| {
                let verdict = period.verdict.as_ref().map(|v| v.text_in(lang));
                (period.period, verdict.map_err(Clone::clone))
            })
            .collect(),
    );
    out.push_str(&table.finish(liquidity.iter().map(|period| period.period)));

    let _ = write!(out, "\n## {}\n\n", words("stability_title"));
    let mut table = Section::new(lang);
    for definition in amounts() {
        table.add(
            format!("{} {}", definition.symbol, definition.name_in(lang)),
            stability
                .iter()
                .map(|period| (period.period, amount(&period.amount(definition.id))))
                .collect(),
        );
    }
    for (index, source) in SOURCES.iter().enumerate() {
        table.add(
            format!("S{}: {} - INV", index + 1, source.amount().symbol),
            stability
                .iter()
                .map(|period| (period.period, amount(&period.surpluses[index].value)))
                .collect(),
        );
    }
    table.add(
        "S".to_owned(),
        stability
            .iter()
            .map(|period| {
                let cell = period.indicator.clone().map(|s| {
                    let digits: Vec<&str> =
                        s.iter().map(|bit| if *bit { "1" } else { "0" }).collect();
                    format!("({})", digits.join(", "))
                });
                (period.period, cell)
            })
            .collect(),
    );
    table.add(
        words("type").to_owned(),
        stability
            .iter()
            .map(|period| {
                (
                    period.period,
                    period
                        .stability_type
                        .clone()
                        .map(|kind| kind.label_in(lang).to_owned()),
                )
            })
            .collect(),
    );
    out.push_str(&table.finish(stability.iter().map(|period| period.period)));

    let _ = write!(out, "\n## {}\n\n", words("net_assets_title"));
    if let Some(first) = net_assets.first() {
        let method = message(
            lang,
            "liquidity.report.method",
            &[("method", &first.method.text_in(lang))],
        );
        let _ = writeln!(out, "{method}\n");
    }
    let mut table = Section::new(lang);
    let rows: [(&str, NetAssetsCell); 6] = [
        ("assets_taken", |p| amount(&p.assets)),
        ("liabilities_taken", |p| amount(&p.liabilities)),
        ("net_assets", |p| amount(&p.net_assets)),
        ("added_back", |p| amount(&Ok(p.deferred_income_added_back))),
        ("share_capital", |p| amount(&p.share_capital)),
        ("excess", |p| amount(&p.excess_over_share_capital)),
    ];
    for (label, cell) in rows {
        table.add(
            words(label).to_owned(),
            net_assets
                .iter()
                .map(|period| (period.period, cell(period)))
                .collect(),
        );
    }
    table.add(
        words("against").to_owned(),
        net_assets
            .iter()
            .map(|period| {
                let coverage = period.coverage.clone();
                (
                    period.period,
                    coverage.map(|coverage| coverage.text_in(lang).to_owned()),
                )
            })
            .collect(),
    );
    out.push_str(&table.finish(net_assets.iter().map(|period| period.period)));
    out
}

/// One row's cell of the net-assets table.
type NetAssetsCell = fn(&NetAssetsPeriod) -> Result<String, NotComputable>;

/// An amount to 4 decimals, half away from zero.
fn amount(value: &Result<Decimal, NotComputable>) -> Result<String, NotComputable> {
    value.clone().map(|value| fixed(value, 4))
}

/// The prepositions before a period in the reasons of every language (`in 2001`,
/// `w 2001`, `за 2001`, `у 2001`).
const PERIOD_PREPOSITIONS: [&str; 5] = ["in", "w", "за", "в", "у"];

/// A table of rows with `n/c` cells, and the reasons, one line per row and reason with
/// the periods it applies to.
struct Section {
    lang: Lang,
    rows: Vec<Vec<String>>,
    reasons: Vec<String>,
}

impl Section {
    fn new(lang: Lang) -> Section {
        Section {
            lang,
            rows: Vec::new(),
            reasons: Vec::new(),
        }
    }

    fn add(&mut self, label: String, cells: Vec<(Period, Result<String, NotComputable>)>) {
        let mut row = vec![label.clone()];
        let mut grouped = Vec::new();
        for (period, cell) in cells {
            match cell {
                Ok(text) => row.push(text),
                Err(reason) => {
                    row.push(text(self.lang, "render.not_computable_short").to_owned());
                    // The periods are listed once for the row, so the reason drops
                    // its own (`… is missing in 2001`, `… w 2001`, `… за 2001`).
                    let text = PERIOD_PREPOSITIONS
                        .iter()
                        .fold(reason.text(self.lang), |text, preposition| {
                            text.replace(&format!(" {preposition} {period}"), "")
                        });
                    add_period(&mut grouped, text, period.to_string());
                }
            }
        }
        for (text, periods) in grouped {
            self.reasons
                .push(format!("- {label} ({}): {text}", periods.join(", ")));
        }
        self.rows.push(row);
    }

    fn finish(self, periods: impl Iterator<Item = Period>) -> String {
        let mut header = vec![String::new()];
        header.extend(periods.map(|period| period.to_string()));
        let mut out = markdown_table(&header, &self.rows);
        if !self.reasons.is_empty() {
            let _ = write!(out, "\n{}:\n\n", text(self.lang, "render.not_computable"));
            out.push_str(&self.reasons.join("\n"));
            out.push('\n');
        }
        out
    }
}
