//! The table of distress models: one entry per model, with its coefficients, zones,
//! primary source and the disagreements between sources.
//!
//! Coefficients are written as the source prints them and parsed exactly. Where a
//! source leaves a boundary's zone open (`0 < W < 1`, `1 < W < 2`), the boundary
//! belongs to the zone above it; where it names a closed range next to `more than`, as
//! Altman's grey zone 1.81–2.99 next to `Z > 2.99`, the boundary belongs to the range.

use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use bilans_model::LineItem;
use rust_decimal::Decimal;

use crate::RatioId;
use crate::distress::{
    AtCutoff, Balances, Cutoff, Direction, DistressModel, Family, Measure, Term, Variable, Zones,
};
use crate::expr::Expr;

/// Every model, in document order.
pub fn models() -> &'static [DistressModel] {
    &MODELS
}

static MODELS: LazyLock<Vec<DistressModel>> = LazyLock::new(build);

/// A coefficient or cut-off exactly as printed; the table's literals are checked by a
/// unit test, so this never fails at run time.
fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("invalid decimal literal `{text}`"))
}

fn item(item: LineItem) -> Expr {
    Expr::Item(item)
}

fn ratio(id: RatioId) -> Expr {
    Expr::Ratio(id)
}

fn constant(value: i64) -> Expr {
    Expr::constant(value)
}

fn term(coefficient: &str, symbol: &'static str, expr: Expr) -> Term {
    Term {
        coefficient: d(coefficient),
        variable: Variable::new(symbol, expr),
    }
}

/// A term on average balances (the source's definition).
fn average_term(coefficient: &str, symbol: &'static str, expr: Expr) -> Term {
    Term {
        coefficient: d(coefficient),
        variable: Variable::with(symbol, Measure::Expr(expr), Balances::Average),
    }
}

/// A loss ratio: the loss of `profit` as a positive amount, over `per`.
fn loss_term(coefficient: &str, symbol: &'static str, profit: LineItem, per: Expr) -> Term {
    Term {
        coefficient: d(coefficient),
        variable: Variable::with(
            symbol,
            Measure::Loss { profit, per },
            Balances::AsConfigured,
        ),
    }
}

/// Zones from cut-offs (increasing, with the side each belongs to) and names from the
/// lowest score up.
fn ladder(cutoffs: &[(&str, AtCutoff)], names: &[&'static str]) -> Zones {
    Zones::Ladder {
        cutoffs: cutoffs
            .iter()
            .map(|(value, at_cutoff)| Cutoff {
                value: d(value),
                at_cutoff: *at_cutoff,
            })
            .collect(),
        names: names.to_vec(),
    }
}

/// Profit on sales: the statement's line, else revenue less the costs of sales.
fn sales_result() -> Expr {
    Expr::first_present(vec![
        item(LineItem::SalesResult),
        item(LineItem::Revenue)
            - item(LineItem::CostOfSales)
            - Expr::sum_of_present(vec![
                item(LineItem::SellingExpenses),
                item(LineItem::AdministrativeExpenses),
            ]),
    ])
}

/// Operating costs: by nature (the Polish `B`), else the Russian simplified form's
/// expenses of ordinary activities, else cost of sales with the selling and
/// administrative expenses present.
fn operating_costs() -> Expr {
    Expr::first_present(vec![
        item(LineItem::OperatingExpenses),
        item(LineItem::OrdinaryActivityExpenses),
        Expr::sum_of_present(vec![
            item(LineItem::CostOfSales),
            item(LineItem::SellingExpenses),
            item(LineItem::AdministrativeExpenses),
        ]),
    ])
}

/// Net income plus depreciation and amortisation (the "cash flow" of the Polish and
/// Ukrainian models).
fn net_income_plus_depreciation() -> Expr {
    item(LineItem::NetIncome) + item(LineItem::DepreciationAndAmortisation)
}

/// Receivables, else trade receivables.
fn receivables() -> Expr {
    Expr::first_present(vec![
        item(LineItem::Receivables),
        item(LineItem::TradeReceivables),
    ])
}

/// Defines the [`DistressId`] constants and the model table from one list of entries:
/// a new model is one entry.
macro_rules! distress_models {
    ($(
        $(#[doc = $doc:literal])*
        $constant:ident = $id:literal => $model:expr;
    )*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u16)]
        enum Position {
            $($constant,)*
        }

        /// A distress model of the table: its position and stable machine name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct DistressId {
            index: u16,
            name: &'static str,
        }

        impl DistressId {
            $(
                #[doc = concat!("`", $id, "`.")]
                pub const $constant: DistressId =
                    DistressId { index: Position::$constant as u16, name: $id };
            )*

            /// Every model, in table (document) order.
            pub const ALL: [DistressId; [$($id),*].len()] = [$(DistressId::$constant),*];

            /// The stable machine name, e.g. `altman_z_1968`.
            pub fn name(self) -> &'static str {
                self.name
            }

            /// The position in the table.
            pub(crate) fn index(self) -> usize {
                usize::from(self.index)
            }
        }

        fn build() -> Vec<DistressModel> {
            vec![$({
                let id = DistressId::$constant;
                let entry: Entry = $model;
                entry.into_model(id)
            },)*]
        }
    };
}

/// A table entry; the id is added by the macro.
struct Entry {
    name: &'static str,
    family: Family,
    symbol: &'static str,
    constant: &'static str,
    terms: Vec<Term>,
    direction: Direction,
    zones: Zones,
    source: &'static str,
    disagreements: &'static [&'static str],
}

impl Entry {
    fn into_model(self, id: DistressId) -> DistressModel {
        DistressModel {
            id,
            name: self.name,
            family: self.family,
            symbol: self.symbol,
            constant: d(self.constant),
            terms: self.terms,
            direction: self.direction,
            zones: self.zones,
            source: self.source,
            disagreements: self.disagreements,
            text: OnceLock::new(),
        }
    }
}

use AtCutoff::{Above, Below};
use Direction::{HigherIsRiskier, HigherIsSafer};
use Family::{Altman, Polish, Russian, Ukrainian, Western};
use LineItem::*;

const ALTMAN_ZONES: [&str; 3] = ["distress zone", "grey zone", "safe zone"];

distress_models! {
    ALTMAN_Z_1968 = "altman_z_1968" => Entry {
        name: "Altman Z (1968), public manufacturers", family: Altman, symbol: "Z", constant: "0",
        terms: vec![
            term("1.2", "X1", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("1.4", "X2", item(RetainedEarnings) / item(TotalAssets)),
            term("3.3", "X3", ratio(RatioId::EBIT) / item(TotalAssets)),
            term("0.6", "X4", item(MarketCapitalisation) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("1.0", "X5", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("1.81", Above), ("2.99", Below)], &ALTMAN_ZONES),
        source: "Altman, E. I. (1968). Financial ratios, discriminant analysis and the prediction of corporate bankruptcy. The Journal of Finance, 23(4), 589-609.",
        disagreements: &[
            "The paper prints 0.012, 0.014, 0.033, 0.006 and 0.999 with X1-X4 in per cent; 1.2, 1.4, 3.3, 0.6 with ratios as fractions is the same model, and X5's 0.999 is rounded to 1.0 as Altman restates it. Some code keeps 0.999.",
            "X4 is the market value of equity: without the optional market capitalisation the model is not computable. Book equity in X4 (as Konwersja-SF does) is a different model, Z' below.",
            "EBIT is bilans' one definition, profit before tax + interest expense (the Russian form prints no operating result).",
        ],
    };
    ALTMAN_Z_PRIME_1983 = "altman_z_prime_1983" => Entry {
        name: "Altman Z' (1983), private firms", family: Altman, symbol: "Z'", constant: "0",
        terms: vec![
            term("0.717", "X1", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("0.847", "X2", item(RetainedEarnings) / item(TotalAssets)),
            term("3.107", "X3", ratio(RatioId::EBIT) / item(TotalAssets)),
            term("0.420", "X4", item(Equity) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("0.998", "X5", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("1.23", Above), ("2.90", Below)], &ALTMAN_ZONES),
        source: "Altman, E. I. (1983). Corporate Financial Distress: A Complete Guide to Predicting, Avoiding, and Dealing with Bankruptcy. New York: Wiley.",
        disagreements: &[
            "A Russian implementation uses profit before tax instead of EBIT in X3; Altman's X3 is EBIT.",
            "A Ukrainian implementation defines X1 as current assets / total assets; Altman's X1 is working capital / total assets.",
        ],
    };
    ALTMAN_Z_DOUBLE_PRIME_1995 = "altman_z_double_prime_1995" => Entry {
        name: "Altman Z'' (1995), non-manufacturers", family: Altman, symbol: "Z''", constant: "0",
        terms: vec![
            term("6.56", "X1", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("3.26", "X2", item(RetainedEarnings) / item(TotalAssets)),
            term("6.72", "X3", ratio(RatioId::EBIT) / item(TotalAssets)),
            term("1.05", "X4", item(Equity) / ratio(RatioId::TOTAL_LIABILITIES)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("1.10", Above), ("2.60", Below)], &ALTMAN_ZONES),
        source: "Altman, E. I., Hartzell, J., Peck, M. (1995). Emerging Markets Corporate Bonds: A Scoring System. New York: Salomon Brothers; restated in Altman, E. I., Hotchkiss, E. (2006). Corporate Financial Distress and Bankruptcy, 3rd ed. Hoboken: Wiley.",
        disagreements: &[
            "The emerging-market version adds a constant 3.25 (and is read against bond-rating equivalents); this is the version without it, with the zones 1.10 and 2.60 that belong to it. A repository that adds 3.25 but keeps 1.10/2.60 mixes the two.",
            "There is no sales term: asset turnover varies too much between industries.",
        ],
    };
    SPRINGATE_1978 = "springate_1978" => Entry {
        name: "Springate (1978)", family: Western, symbol: "S", constant: "0",
        terms: vec![
            term("1.03", "A", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("3.07", "B", ratio(RatioId::EBIT) / item(TotalAssets)),
            term("0.66", "C", item(ProfitBeforeTax) / item(CurrentLiabilities)),
            term("0.4", "D", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0.862", Above)], &["failing", "not failing"]),
        source: "Springate, G. L. V. (1978). Predicting the Possibility of Failure in a Canadian Firm. Unpublished M.B.A. research project, Simon Fraser University.",
        disagreements: &[
            "C is net profit before taxes / current liabilities in the source; some implementations use EBIT / current liabilities, one net income / current liabilities, and a Ukrainian one retained earnings.",
        ],
    };
    TAFFLER_1977 = "taffler_1977" => Entry {
        name: "Taffler and Tisshaw (1977)", family: Western, symbol: "T", constant: "0",
        terms: vec![
            term("0.53", "X1", item(ProfitBeforeTax) / item(CurrentLiabilities)),
            term("0.13", "X2", item(CurrentAssets) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("0.18", "X3", item(CurrentLiabilities) / item(TotalAssets)),
            term("0.16", "X4", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0.2", Above), ("0.3", Below)], &["high risk", "grey zone", "low risk"]),
        source: "Taffler, R. J., Tisshaw, H. (1977). Going, going, gone - four factors which predict. Accountancy, 88 (March), 50-54.",
        disagreements: &[
            "This four-ratio form with sales / total assets is the one Russian and Ukrainian texts call the Taffler model; Taffler's 1983 model (below) has other coefficients and a no-credit interval instead of asset turnover.",
            "One implementation uses profit on sales / current liabilities for X1 and long-term liabilities / total assets for X3; the source's X1 is profit before tax and X3 current liabilities.",
            "The cut-offs 0.2 and 0.3 are the usual ones; another source reads the score against 0.2 and 0.",
        ],
    };
    TAFFLER_1983 = "taffler_1983" => Entry {
        name: "Taffler (1983)", family: Western, symbol: "z", constant: "3.20",
        terms: vec![
            term("12.18", "X1", item(ProfitBeforeTax) / item(CurrentLiabilities)),
            term("2.50", "X2", item(CurrentAssets) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("-10.68", "X3", item(CurrentLiabilities) / item(TotalAssets)),
            term("0.029", "X4", (item(CurrentAssets) - item(Inventories) - item(CurrentLiabilities)) / ((operating_costs() - item(DepreciationAndAmortisation)) / constant(365))),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0", Above)], &["at risk", "solvent"]),
        source: "Taffler, R. J. (1983). The assessment of company solvency and performance using a statistical model. Accounting and Business Research, 13(52), 295-308; the unscaled coefficients as restated in Agarwal, V., Taffler, R. J. (2007). Twenty-five years of the Taffler z-score model: does it really have predictive ability? Accounting and Business Research, 37(4), 285-300.",
        disagreements: &[
            "X4 is the no-credit interval in days: (quick assets - current liabilities) / daily operating costs excluding depreciation; bilans takes quick assets as current assets - inventories and a 365-day year.",
            "The coefficients are those of the 2007 restatement; neither paper was available to check them against, so they are unverified.",
        ],
    };
    MACZYNSKA_1994 = "maczynska_1994" => Entry {
        name: "Mączyńska (1994)", family: Polish, symbol: "W", constant: "0",
        terms: vec![
            term("1.5", "X1", (item(ProfitBeforeTax) + item(DepreciationAndAmortisation)) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("0.08", "X2", item(TotalAssets) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("10", "X3", item(ProfitBeforeTax) / item(TotalAssets)),
            term("5", "X4", item(ProfitBeforeTax) / item(Revenue)),
            term("0.3", "X5", item(Inventories) / item(Revenue)),
            term("0.1", "X6", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0", Above), ("1", Above), ("2", Above)], &["bankruptcy risk", "weak", "good", "very good"]),
        source: "Mączyńska, E. (1994). Ocena kondycji przedsiębiorstwa (uproszczone metody). Życie Gospodarcze, nr 38, 42-45 (an adaptation of Gebhardt's model).",
        disagreements: &[
            "\"Zysk brutto\" is profit before tax, not gross profit: X1, X3 and X4 use profit before tax. One implementation uses net income + D&A in X1, another net income / sales for X4 and working capital / sales for X5.",
            "One implementation reads the score on the ladder 3 / 6 / 9; the source's cut-offs are 0, 1 and 2.",
        ],
    };
    GAJDKA_STOS_1996 = "gajdka_stos_1996" => Entry {
        name: "Gajdka and Stos (1996)", family: Polish, symbol: "Z", constant: "0.7732059",
        terms: vec![
            term("-0.0856425", "X1", item(Revenue) / item(TotalAssets)),
            term("0.0007747", "X2", item(CurrentLiabilities) / item(CostOfSales) * constant(360)),
            term("0.9220985", "X3", item(NetIncome) / item(TotalAssets)),
            term("0.6535995", "X4", item(ProfitBeforeTax) / item(Revenue)),
            term("-0.594687", "X5", ratio(RatioId::TOTAL_LIABILITIES) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0.45", Above)], &["bankruptcy risk", "no bankruptcy risk"]),
        source: "Gajdka, J., Stos, D. (1996). Wykorzystanie analizy dyskryminacyjnej w badaniu zdolności kredytowej przedsiębiorstw. In: R. Borowiecki (ed.), Restrukturyzacja w procesie przekształceń i rozwoju przedsiębiorstw. Kraków: Akademia Ekonomiczna, 56-65.",
        disagreements: &[
            "X2's coefficient is +0.0007747 (two of three implementations); one has a minus sign.",
            "X1's coefficient is -0.0856425; one implementation has -0.856425, a tenfold typo.",
            "X2 is current liabilities / cost of products sold × 360; one implementation divides by operating costs × 365.",
            "X4 is \"zysk brutto\" (profit before tax) / sales; one implementation uses net income.",
            "One implementation adds a grey zone 0-0.45; the source has the single cut-off 0.45.",
        ],
    };
    HOLDA_2001 = "holda_2001" => Entry {
        name: "Hołda (2001)", family: Polish, symbol: "ZH", constant: "0.605",
        terms: vec![
            term("0.681", "X1", item(CurrentAssets) / item(CurrentLiabilities)),
            term("-0.0196", "X2", ratio(RatioId::TOTAL_LIABILITIES) / item(TotalAssets) * constant(100)),
            average_term("0.00969", "X3", item(NetIncome) / item(TotalAssets) * constant(100)),
            average_term("0.000672", "X4", item(CurrentLiabilities) / item(CostOfSales) * constant(360)),
            average_term("0.157", "X5", Expr::first_present(vec![item(TotalIncome), Expr::sum_of_present(vec![item(Revenue), item(OtherOperatingIncome), item(FinancialIncome)])]) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("-0.3", Below), ("0.1", Above)], &["bankruptcy risk", "grey zone", "no bankruptcy risk"]),
        source: "Hołda, A. (2001). Prognozowanie bankructwa jednostki w warunkach gospodarki polskiej z wykorzystaniem funkcji dyskryminacyjnej ZH. Rachunkowość, nr 5, 306-310.",
        disagreements: &[
            "X3, X4 and X5 are on average total assets and average current liabilities: the first period, without an opening balance, is not computable.",
            "X4 is average current liabilities / cost of products sold × 360; one implementation uses operating costs × 365.",
            "The zones differ: ≤ -0.3 / grey / ≥ 0.1 (chosen, with the grey zone -0.3..0.1), < 0 / 0-0.1 / > 0.1, or a single cut-off 0.",
        ],
    };
    POZNANSKI_2004 = "poznanski_2004" => Entry {
        name: "Poznański model (Hamrol, Czajka, Piechocki 2004)", family: Polish, symbol: "W", constant: "-2.368",
        terms: vec![
            term("3.562", "X1", item(NetIncome) / item(TotalAssets)),
            term("1.588", "X2", (item(CurrentAssets) - item(Inventories)) / item(CurrentLiabilities)),
            term("4.288", "X3", (item(Equity) + item(LongTermLiabilities)) / item(TotalAssets)),
            term("6.719", "X4", sales_result() / item(Revenue)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0", Above)], &["bankruptcy risk", "no bankruptcy risk"]),
        source: "Hamrol, M., Czajka, B., Piechocki, M. (2004). Upadłość przedsiębiorstwa - model analizy dyskryminacyjnej. Przegląd Organizacji, nr 6, 35-39.",
        disagreements: &[
            "X3 is fixed capital (equity + long-term liabilities) / total assets; one implementation uses equity / total assets.",
            "X4 is profit on sales / sales; one implementation uses the operating result.",
        ],
    };
    PRUSAK_BP2_2005 = "prusak_bp2_2005" => Entry {
        name: "Prusak BP2 (2005)", family: Polish, symbol: "BP2", constant: "-1.8713",
        terms: vec![
            term("1.4383", "X1", net_income_plus_depreciation() / ratio(RatioId::TOTAL_LIABILITIES)),
            term("0.1878", "X2", operating_costs() / item(CurrentLiabilities)),
            term("5.0229", "X3", sales_result() / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("-0.7", Above), ("0.2", Below)], &["bankruptcy risk", "grey zone", "no bankruptcy risk"]),
        source: "Prusak, B. (2005). Nowoczesne metody prognozowania zagrożenia finansowego przedsiębiorstw. Warszawa: Difin.",
        disagreements: &[
            "The zones differ: < -0.7 / -0.7..0.2 / > 0.2 (chosen) or a single cut-off 0.",
            "Prusak's other models (BP1, 1r, 2l) are in one implementation only and not implemented.",
        ],
    };
    HADASIK_1998 = "hadasik_1998" => Entry {
        name: "Hadasik (1998)", family: Polish, symbol: "W", constant: "2.59323",
        terms: vec![
            term("0.335969", "X1", item(CurrentAssets) / item(CurrentLiabilities)),
            term("-0.71245", "X2", (item(CurrentAssets) - item(Inventories)) / item(CurrentLiabilities)),
            term("-2.4716", "X3", ratio(RatioId::TOTAL_LIABILITIES) / item(TotalAssets)),
            term("1.46434", "X4", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("0.00246069", "X5", receivables() * constant(365) / item(Revenue)),
            term("-0.0138937", "X6", item(Inventories) * constant(365) / item(Revenue)),
            term("0.00243387", "X7", item(NetIncome) / item(Inventories)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("0", Above)], &["bankruptcy risk", "no bankruptcy risk"]),
        source: "Hadasik, D. (1998). Upadłość przedsiębiorstw w Polsce i metody jej prognozowania. Zeszyty Naukowe Akademii Ekonomicznej w Poznaniu, Seria II, nr 153.",
        disagreements: &[
            "The coefficients and definitions are found in one implementation only (Konwersja-SF) and are not checked against the book; turnover periods there are in 365-day years on revenue.",
        ],
    };
    SAIFULLIN_KADYKOV_1996 = "saifullin_kadykov_1996" => Entry {
        name: "Saifullin and Kadykov (1996)", family: Russian, symbol: "R", constant: "0",
        terms: vec![
            term("2", "K1", (item(Equity) - item(FixedAssets)) / item(CurrentAssets)),
            term("0.1", "K2", item(CurrentAssets) / item(CurrentLiabilities)),
            average_term("0.08", "K3", item(Revenue) / item(TotalAssets)),
            term("0.45", "K4", sales_result() / item(Revenue)),
            term("1", "K5", item(NetIncome) / item(Equity)),
        ],
        direction: HigherIsSafer,
        zones: ladder(&[("1", Above)], &["unsatisfactory", "satisfactory"]),
        source: "Шеремет, А. Д., Сайфулин, Р. С. (1996). Методика финансового анализа. Москва: ИНФРА-М (the rating number of Р. С. Сайфулин and Г. Г. Кадыков).",
        disagreements: &[
            "K4 is profit on sales / revenue in the textbook; one implementation uses net income / revenue.",
            "K3 is revenue / average total assets; one implementation uses year-end assets.",
            "K2 is current assets / current liabilities; one implementation takes liabilities as borrowings + payables + other (1510 + 1520 + 1550).",
            "On the Russian form the profit on sales (2200) is read as the operating result, which bilans' sales-result fallback then uses.",
        ],
    };
    ZAITSEVA_1998 = "zaitseva_1998" => Entry {
        name: "Zaitseva (1998)", family: Russian, symbol: "Kfact", constant: "0",
        terms: vec![
            loss_term("0.25", "K1", NetIncome, item(Equity)),
            term("0.1", "K2", item(TradePayables) / receivables()),
            term("0.2", "K3", item(CurrentLiabilities) / Expr::sum_of_present(vec![item(CashAndEquivalents), item(ShortTermInvestments)])),
            loss_term("0.25", "K4", NetIncome, item(Revenue)),
            term("0.1", "K5", ratio(RatioId::TOTAL_LIABILITIES) / item(Equity)),
            term("0.1", "K6", item(TotalAssets) / item(Revenue)),
        ],
        direction: HigherIsRiskier,
        zones: Zones::PreviousPeriodNorm {
            constant: d("1.57"),
            coefficient: d("0.1"),
            variable: item(TotalAssets) / item(Revenue),
            at_or_below: "low risk",
            above: "high risk",
        },
        source: "Зайцева, О. П. (1998). Антикризисный менеджмент в российской фирме. Аваль (Сибирская финансово-банковская газета), № 11-12.",
        disagreements: &[
            "K1 and K4 are the net loss (a profit counts as no loss) over equity and revenue; one implementation divides profit before tax itself, so a profit raises the risk.",
            "The norm is the score at the normative values K1 = 0, K2 = 1, K3 = 7, K4 = 0, K5 = 0.7 and the previous year's K6: 1.57 + 0.1 × K6; without the previous period the zone is unknown.",
            "K3 is current liabilities / the most liquid assets (cash and short-term investments); one implementation takes payables and borrowings over cash only.",
        ],
    };
    IGEA_1999 = "igea_1999" => Entry {
        name: "IGEA, Irkutsk R-model (Davydova and Belikov 1999)", family: Russian, symbol: "R", constant: "0",
        terms: vec![
            term("8.38", "K1", ratio(RatioId::WORKING_CAPITAL) / item(TotalAssets)),
            term("1", "K2", item(NetIncome) / item(Equity)),
            term("0.054", "K3", item(Revenue) / item(TotalAssets)),
            term("0.63", "K4", item(NetIncome) / operating_costs()),
        ],
        direction: HigherIsSafer,
        zones: ladder(
            &[("0", Above), ("0.18", Above), ("0.32", Above), ("0.42", Below)],
            &["maximum risk (90-100 %)", "high risk (60-80 %)", "medium risk (35-50 %)", "low risk (15-20 %)", "minimal risk (below 10 %)"],
        ),
        source: "Давыдова, Г. В., Беликов, А. Ю. (1999). Методика количественной оценки риска банкротства предприятий. Управление риском, № 3, 13-20 (Иркутская государственная экономическая академия).",
        disagreements: &[
            "K1 is working capital / total assets; one implementation uses current assets / total assets.",
            "K4 is net income / total costs (cost of sales, selling and administrative expenses); one implementation divides by cost of sales only.",
            "The five-step ladder of risk is the usual one; an implementation gives only R < 0.42 as very high risk.",
        ],
    };
    TERESHCHENKO_2003 = "tereshchenko_2003" => Entry {
        name: "Tereshchenko (2003)", family: Ukrainian, symbol: "Z", constant: "0",
        terms: vec![
            term("1.5", "X1", net_income_plus_depreciation() / ratio(RatioId::TOTAL_LIABILITIES)),
            term("0.08", "X2", item(TotalAssets) / ratio(RatioId::TOTAL_LIABILITIES)),
            term("10", "X3", item(NetIncome) / item(TotalAssets)),
            term("5", "X4", item(NetIncome) / item(Revenue)),
            term("0.3", "X5", item(Inventories) / item(Revenue)),
            term("0.1", "X6", item(Revenue) / item(TotalAssets)),
        ],
        direction: HigherIsSafer,
        zones: ladder(
            &[("0", Above), ("1", Above), ("2", Above)],
            &["semi-bankrupt", "bankruptcy threat", "equilibrium disturbed", "financially sound"],
        ),
        source: "Терещенко, О. О. (2003). Антикризове фінансове управління підприємством. Київ: КНЕУ.",
        disagreements: &[
            "Two models carry the name: this one, as Ukrainian teaching texts give it (the structure of Gebhardt's and Mączyńska's model, with cash flow = net income + D&A and net income where Mączyńska has profit before tax), and a Qt application's Z = 0.105X1 + 1.567X2 + 0.301X3 + 1.375X4 + 1.689X5 + 0.168X6 - 0.260 whose origin was not found. Neither was checked against the book.",
        ],
    };
}
