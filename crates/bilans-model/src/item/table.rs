//! The line-item table: one entry per item (see the parent module for an entry's shape).
//!
//! Sources of the codes, positions and captions: Russia, Order 66n (forms 0710001,
//! 0710002, 0710005) and its simplified forms; Ukraine, НП(С)БО 1 (forms 1, 2, 3) and
//! НП(С)БО 25 (forms 1-м, 2-м); Poland, the Accounting Act's Załącznik 1 (bilans, RZiS
//! porównawczy `RZiS-P` and kalkulacyjny `RZiS-K`, rachunek przepływów `RPP`); XBRL, the
//! us-gaap and ifrs-full taxonomies. A label that two items share in one language (the
//! Russian `Заемные средства` is both 1410 and 1510) is left to the codes.

use super::{
    Flow, ItemInfo, Labels, Link, Presentation, Sign, StatementKind, line_items, open_or_closed,
    sign,
};
use serde::{Deserialize, Serialize};

line_items! {
    // ---------------------------------------------------------------- balance sheet: assets
    /// Total assets: the balance sheet total of the assets side.
    TotalAssets = "total_assets" {
        statement: BalanceSheet, flow: Stock, label: "total assets",
        parents: [],
        en: ["Total assets", "Assets total", "Assets, total", "Balance sheet total", "Total assets (balance)", "Assets"],
        pl: ["Aktywa ogółem", "Aktywa razem", "Suma aktywów", "Aktywa łącznie", "Suma bilansowa", "Aktywa, razem", "Aktywa razem (A+B+C+D)"],
        ru: ["Итого активов", "Активы всего", "Всего активов", "Баланс", "Валюта баланса", "Активы, итого", "Баланс (актив)"],
        uk: ["Усього активів", "Активи усього", "Всього активів", "Баланс", "Разом активи"],
        ru_codes: ["1600"], uk_codes: ["1300"],
        pl_positions: ["Aktywa razem"],
        xbrl: ["us-gaap:Assets", "ifrs-full:Assets"],
        sv: ["Totala tillgångar", "Summa tillgångar", "Tillgångar totalt"],
        vi: ["Tổng cộng tài sản"],
    }
    /// Fixed (non-current) assets.
    FixedAssets = "fixed_assets" {
        statement: BalanceSheet, flow: Stock, label: "fixed assets",
        parents: [(TotalAssets, +, Any)],
        en: ["Fixed assets", "Non-current assets", "Total non-current assets", "Long-term assets", "Total fixed assets", "Noncurrent assets"],
        pl: ["Aktywa trwałe"],
        ru: ["Внеоборотные активы", "Итого по разделу I", "Итого внеоборотных активов"],
        uk: ["Необоротні активи"],
        ru_codes: ["1100"], uk_codes: ["1095"],
        pl_positions: ["Aktywa A"],
        xbrl: ["us-gaap:NoncurrentAssets", "ifrs-full:NoncurrentAssets"],
        sv: ["Anläggningstillgångar", "Summa anläggningstillgångar"],
        vi: ["Tài sản dài hạn"],
        open: true,
    }
    /// Intangible assets.
    IntangibleAssets = "intangible_assets" {
        statement: BalanceSheet, flow: Stock, label: "intangible assets",
        parents: [(FixedAssets, +, Any)],
        en: ["Intangible assets", "Intangible assets, net", "Intangibles"],
        pl: ["Wartości niematerialne i prawne"],
        ru: ["Нематериальные активы"],
        uk: ["Нематеріальні активи"],
        ru_codes: ["1110"], uk_codes: ["1000"],
        pl_positions: ["Aktywa A.I"],
        xbrl: ["us-gaap:IntangibleAssetsNetExcludingGoodwill", "ifrs-full:IntangibleAssetsOtherThanGoodwill"],
        sv: ["Immateriella anläggningstillgångar", "Summa immateriella anläggningstillgångar"],
    }
    /// Property, plant and equipment (tangible fixed assets).
    PropertyPlantAndEquipment = "property_plant_and_equipment" {
        statement: BalanceSheet, flow: Stock, label: "property, plant and equipment",
        parents: [(FixedAssets, +, Any)],
        en: ["Property, plant and equipment", "Property, plant and equipment, net", "Property and equipment, net", "Tangible fixed assets", "PP&E", "Net block"],
        pl: ["Rzeczowe aktywa trwałe"],
        ru: ["Основные средства"],
        uk: ["Основні засоби"],
        ru_codes: ["1150"], uk_codes: ["1010"],
        pl_positions: ["Aktywa A.II"],
        xbrl: ["us-gaap:PropertyPlantAndEquipmentNet", "ifrs-full:PropertyPlantAndEquipment"],
        sv: ["Materiella anläggningstillgångar", "Summa materiella anläggningstillgångar"],
    }
    /// Long-term receivables.
    LongTermReceivables = "long_term_receivables" {
        statement: BalanceSheet, flow: Stock, label: "long-term receivables",
        parents: [(FixedAssets, +, Any)],
        en: ["Long-term receivables", "Non-current receivables"],
        pl: ["Należności długoterminowe"],
        ru: ["Долгосрочная дебиторская задолженность"],
        uk: ["Довгострокова дебіторська заборгованість"],
        ru_codes: [], uk_codes: ["1040"],
        pl_positions: ["Aktywa A.III"],
        xbrl: ["ifrs-full:NoncurrentReceivables"],
    }
    /// Long-term investments (financial investments held for more than a year).
    LongTermInvestments = "long_term_investments" {
        statement: BalanceSheet, flow: Stock, label: "long-term investments",
        parents: [(FixedAssets, +, Any)],
        en: ["Long-term investments", "Non-current investments", "Long-term financial assets"],
        pl: ["Inwestycje długoterminowe"],
        ru: ["Долгосрочные финансовые вложения"],
        uk: ["Довгострокові фінансові інвестиції"],
        ru_codes: ["1170"], uk_codes: ["1030", "1035"],
        pl_positions: ["Aktywa A.IV"],
        xbrl: ["us-gaap:LongTermInvestments", "ifrs-full:NoncurrentFinancialAssets"],
        sv: ["Finansiella anläggningstillgångar", "Summa finansiella anläggningstillgångar"],
    }
    /// Deferred tax assets.
    DeferredTaxAssets = "deferred_tax_assets" {
        statement: BalanceSheet, flow: Stock, label: "deferred tax assets",
        parents: [(FixedAssets, +, Any)],
        en: ["Deferred tax assets", "Deferred income tax assets", "Deferred tax asset"],
        pl: ["Aktywa z tytułu odroczonego podatku dochodowego"],
        ru: ["Отложенные налоговые активы"],
        uk: ["Відстрочені податкові активи"],
        ru_codes: ["1180"], uk_codes: ["1045"],
        pl_positions: ["Aktywa A.V.1"],
        xbrl: ["us-gaap:DeferredIncomeTaxAssetsNet", "ifrs-full:DeferredTaxAssets"],
    }
    /// Other non-current assets.
    OtherFixedAssets = "other_fixed_assets" {
        statement: BalanceSheet, flow: Stock, label: "other non-current assets",
        parents: [(FixedAssets, +, Any)],
        en: ["Other non-current assets", "Other noncurrent assets", "Other long-term assets", "Other fixed assets"],
        pl: ["Inne aktywa trwałe"],
        ru: ["Прочие внеоборотные активы"],
        uk: ["Інші необоротні активи"],
        ru_codes: ["1190"], uk_codes: ["1090"],
        pl_positions: [],
        xbrl: ["us-gaap:OtherAssetsNoncurrent", "ifrs-full:OtherNoncurrentAssets"],
    }
    /// Current assets.
    CurrentAssets = "current_assets" {
        statement: BalanceSheet, flow: Stock, label: "current assets",
        parents: [(TotalAssets, +, Any)],
        en: ["Current assets", "Total current assets"],
        pl: ["Aktywa obrotowe", "Aktywa bieżące"],
        ru: ["Оборотные активы", "Итого по разделу II", "Итого оборотных активов"],
        uk: ["Оборотні активи"],
        ru_codes: ["1200"], uk_codes: ["1195"],
        pl_positions: ["Aktywa B"],
        xbrl: ["us-gaap:AssetsCurrent", "ifrs-full:CurrentAssets"],
        sv: ["Omsättningstillgångar", "Summa omsättningstillgångar"],
        vi: ["Tài sản ngắn hạn"],
        open: true,
    }
    /// Inventories.
    Inventories = "inventories" {
        statement: BalanceSheet, flow: Stock, label: "inventories",
        parents: [(CurrentAssets, +, Any)],
        en: ["Inventories", "Inventory", "Stocks", "Inventory, net", "Inventories, net", "Merchandise inventories", "Inventories and contracts in progress"],
        pl: ["Zapasy"],
        ru: ["Запасы"],
        uk: ["Запаси"],
        ru_codes: ["1210"], uk_codes: ["1100"],
        pl_positions: ["Aktywa B.I"],
        xbrl: ["us-gaap:InventoryNet", "ifrs-full:Inventories"],
        sv: ["Varulager", "Varulager m.m.", "Summa varulager"],
        vi: ["Hàng tồn kho"],
    }
    /// Value added tax on purchased assets, to be recovered (a line of the Russian form).
    RecoverableVat = "recoverable_vat" {
        statement: BalanceSheet, flow: Stock, label: "VAT on purchases",
        parents: [(CurrentAssets, +, Any)],
        en: ["VAT on purchased assets", "Recoverable VAT", "Input VAT"],
        pl: [],
        ru: ["Налог на добавленную стоимость по приобретенным ценностям", "НДС по приобретенным ценностям"],
        uk: [],
        ru_codes: ["1220"], uk_codes: [],
        pl_positions: [],
        xbrl: [],
    }
    /// Short-term receivables (trade and other). The Ukrainian form has no total line:
    /// its 1125 (receivables for goods and services) is read as the receivables, as
    /// Ukrainian practice does for the turnover ratios.
    Receivables = "receivables" {
        statement: BalanceSheet, flow: Stock, label: "receivables",
        parents: [(CurrentAssets, +, Any)],
        en: ["Receivables", "Short-term receivables", "Trade and other receivables", "Trade and other current receivables", "Total receivables", "Current receivables"],
        pl: ["Należności", "Należności krótkoterminowe"],
        ru: ["Дебиторская задолженность"],
        uk: ["Дебіторська заборгованість", "Дебіторська заборгованість за продукцію, товари, роботи, послуги"],
        ru_codes: ["1230"], uk_codes: ["1125"],
        pl_positions: ["Aktywa B.II"],
        xbrl: ["ifrs-full:TradeAndOtherCurrentReceivables", "us-gaap:ReceivablesNetCurrent"],
        vi: ["Các khoản phải thu ngắn hạn"],
        open: true,
    }
    /// Trade receivables: amounts customers owe for goods and services.
    TradeReceivables = "trade_receivables" {
        statement: BalanceSheet, flow: Stock, label: "trade receivables",
        parents: [(Receivables, +, Any)],
        en: ["Trade receivables", "Accounts receivable", "Accounts receivable, net", "Trade accounts receivable", "Accounts receivable - trade", "Accounts and notes receivable"],
        pl: ["Należności z tytułu dostaw i usług", "Należności handlowe"],
        ru: ["Дебиторская задолженность покупателей и заказчиков"],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Aktywa B.II.3.a"],
        xbrl: ["us-gaap:AccountsReceivableNetCurrent", "ifrs-full:CurrentTradeReceivables"],
        sv: ["Kundfordringar"],
        vi: ["Phải thu của khách hàng", "Phải thu ngắn hạn của khách hàng"],
    }
    /// Other short-term receivables (taxes, advances, other debtors).
    OtherReceivables = "other_receivables" {
        statement: BalanceSheet, flow: Stock, label: "other receivables",
        parents: [(Receivables, +, Any)],
        en: ["Other receivables", "Other current receivables"],
        pl: ["Inne należności"],
        ru: ["Прочая дебиторская задолженность"],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: ["us-gaap:OtherReceivablesNetCurrent", "ifrs-full:OtherCurrentReceivables"],
    }
    /// Receivables from the state budget (taxes), a line of the Ukrainian form.
    TaxReceivables = "tax_receivables" {
        statement: BalanceSheet, flow: Stock, label: "tax receivables",
        parents: [(Receivables, +, Any)],
        en: ["Tax receivables", "Income tax receivable"],
        pl: ["Należności z tytułu podatków"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: ["us-gaap:IncomeTaxesReceivable", "ifrs-full:CurrentTaxAssetsCurrent"],
    }
    /// Short-term investments and cash together: the Polish `Inwestycje
    /// krótkoterminowe`, which hold the cash.
    ShortTermInvestmentsAndCash = "short_term_investments_and_cash" {
        statement: BalanceSheet, flow: Stock, label: "short-term investments and cash",
        parents: [(CurrentAssets, +, Any)],
        en: ["Short-term investments and cash"],
        pl: ["Inwestycje krótkoterminowe"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Aktywa B.III"],
        xbrl: [],
        open: true,
    }
    /// Short-term financial investments other than cash and cash equivalents.
    ShortTermInvestments = "short_term_investments" {
        statement: BalanceSheet, flow: Stock, label: "short-term investments",
        parents: [(ShortTermInvestmentsAndCash, +, Any)],
        en: ["Short-term investments", "Marketable securities", "Current financial assets", "Other current financial assets"],
        pl: ["Krótkoterminowe aktywa finansowe (bez środków pieniężnych)"],
        ru: ["Финансовые вложения (за исключением денежных эквивалентов)", "Финансовые вложения (кроме денежных эквивалентов)", "Краткосрочные финансовые вложения"],
        uk: ["Поточні фінансові інвестиції"],
        ru_codes: ["1240"], uk_codes: ["1160"],
        pl_positions: [],
        xbrl: ["us-gaap:ShortTermInvestments", "us-gaap:MarketableSecuritiesCurrent", "ifrs-full:OtherCurrentFinancialAssets"],
        sv: ["Kortfristiga placeringar", "Summa kortfristiga placeringar"],
        vi: ["Các khoản đầu tư tài chính ngắn hạn", "Đầu tư tài chính ngắn hạn"],
    }
    /// Cash and cash equivalents.
    CashAndEquivalents = "cash_and_equivalents" {
        statement: BalanceSheet, flow: Stock, label: "cash and equivalents",
        parents: [(ShortTermInvestmentsAndCash, +, Any)],
        en: ["Cash and cash equivalents", "Cash and equivalents", "Cash", "Cash and cash equivalents, at carrying value", "Cash & bank", "Cash and bank balances", "Cash, cash equivalents and restricted cash"],
        pl: ["Środki pieniężne", "Środki pieniężne i inne aktywa pieniężne", "Środki pieniężne i ekwiwalenty środków pieniężnych"],
        ru: ["Денежные средства и денежные эквиваленты", "Денежные средства"],
        uk: ["Гроші та їх еквіваленти", "Грошові кошти"],
        ru_codes: ["1250"], uk_codes: ["1165"],
        pl_positions: ["Aktywa B.III.1.c"],
        xbrl: ["us-gaap:CashAndCashEquivalentsAtCarryingValue", "ifrs-full:CashAndCashEquivalents"],
        sv: ["Kassa och bank", "Likvida medel", "Kassa och bank samt kortfristiga placeringar"],
        vi: ["Tiền và các khoản tương đương tiền"],
    }
    /// Prepayments and short-term accruals (deferred expenses).
    Prepayments = "prepayments" {
        statement: BalanceSheet, flow: Stock, label: "prepayments",
        parents: [(CurrentAssets, +, Any)],
        en: ["Prepayments", "Prepaid expenses", "Prepaid expenses and other current assets", "Short-term prepayments"],
        pl: ["Krótkoterminowe rozliczenia międzyokresowe"],
        ru: ["Расходы будущих периодов"],
        uk: ["Витрати майбутніх періодів"],
        ru_codes: [], uk_codes: ["1170"],
        pl_positions: ["Aktywa B.IV"],
        xbrl: ["us-gaap:PrepaidExpenseCurrent", "ifrs-full:CurrentPrepayments"],
    }
    /// Other current assets: current assets that are not inventories, receivables or,
    /// where cash is reported separately, cash.
    OtherCurrentAssets = "other_current_assets" {
        statement: BalanceSheet, flow: Stock, label: "other current assets",
        parents: [(CurrentAssets, +, Any)],
        en: ["Other current assets"],
        pl: ["Pozostałe aktywa obrotowe", "Inne aktywa obrotowe"],
        ru: ["Прочие оборотные активы"],
        uk: ["Інші оборотні активи"],
        ru_codes: ["1260"], uk_codes: ["1190"],
        pl_positions: [],
        xbrl: ["us-gaap:OtherAssetsCurrent", "ifrs-full:OtherCurrentAssets"],
        sv: ["Övriga omsättningstillgångar"],
    }
    /// Called-up share capital not paid (Polish `Należne wpłaty na kapitał`).
    CalledUpCapitalNotPaid = "called_up_capital_not_paid" {
        statement: BalanceSheet, flow: Stock, label: "called-up capital not paid",
        parents: [(TotalAssets, +, Any)],
        en: ["Called-up share capital not paid", "Subscribed capital unpaid"],
        pl: ["Należne wpłaty na kapitał (fundusz) podstawowy", "Należne wpłaty na kapitał podstawowy"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Aktywa C"],
        xbrl: [],
    }
    /// Own shares held, shown among the assets (Polish `Udziały (akcje) własne`).
    OwnSharesAsAssets = "own_shares_as_assets" {
        statement: BalanceSheet, flow: Stock, label: "own shares (assets)",
        parents: [(TotalAssets, +, Any)],
        en: [],
        pl: ["Udziały (akcje) własne"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Aktywa D"],
        xbrl: [],
    }
    /// Non-current assets held for sale.
    AssetsHeldForSale = "assets_held_for_sale" {
        statement: BalanceSheet, flow: Stock, label: "assets held for sale",
        parents: [(TotalAssets, +, Any)],
        en: ["Non-current assets held for sale", "Assets held for sale"],
        pl: ["Aktywa trwałe przeznaczone do sprzedaży"],
        ru: [],
        uk: ["Необоротні активи, утримувані для продажу, та групи вибуття"],
        ru_codes: [], uk_codes: ["1200"],
        pl_positions: [],
        xbrl: ["ifrs-full:NoncurrentAssetsOrDisposalGroupsClassifiedAsHeldForSale"],
    }
    // ------------------------------------------ balance sheet: equity and liabilities
    /// Equity.
    Equity = "equity" {
        statement: BalanceSheet, flow: Stock, label: "equity",
        parents: [(TotalEquityAndLiabilities, +, Any)],
        en: ["Equity", "Total equity", "Shareholders' equity", "Stockholders' equity", "Own equity", "Total stockholders' equity", "Total shareholders' equity"],
        pl: ["Kapitał własny", "Kapitał (fundusz) własny", "Kapitał własny ogółem"],
        ru: ["Капитал и резервы", "Итого по разделу III", "Собственный капитал"],
        uk: ["Власний капітал", "Усього за розділом I (пасив)"],
        ru_codes: ["1300"], uk_codes: ["1495"],
        pl_positions: ["Pasywa A"],
        xbrl: ["us-gaap:StockholdersEquity", "ifrs-full:Equity"],
        sv: ["Eget kapital", "Summa eget kapital", "Totalt eget kapital"],
        vi: ["Vốn chủ sở hữu"],
        open: true,
    }
    /// Share capital (registered, authorised or charter capital).
    ShareCapital = "share_capital" {
        statement: BalanceSheet, flow: Stock, label: "share capital",
        parents: [(Equity, +, Any)],
        en: ["Share capital", "Issued capital", "Common stock", "Registered capital", "Equity share capital"],
        pl: ["Kapitał (fundusz) podstawowy", "Kapitał podstawowy", "Kapitał zakładowy"],
        ru: ["Уставный капитал (складочный капитал, уставный фонд, вклады товарищей)", "Уставный капитал"],
        uk: ["Зареєстрований (пайовий) капітал", "Зареєстрований капітал"],
        ru_codes: ["1310"], uk_codes: ["1400"],
        pl_positions: ["Pasywa A.I"],
        xbrl: ["us-gaap:CommonStockValue", "ifrs-full:IssuedCapital"],
        sv: ["Aktiekapital"],
    }
    /// Own shares bought back, a deduction within equity.
    TreasuryShares = "treasury_shares" {
        statement: BalanceSheet, flow: Stock, label: "treasury shares",
        parents: [(Equity, -, Any)],
        en: ["Treasury shares", "Treasury stock", "Treasury stock, at cost"],
        pl: [],
        ru: ["Собственные акции, выкупленные у акционеров"],
        uk: ["Вилучений капітал"],
        ru_codes: ["1320"], uk_codes: ["1430"],
        pl_positions: [],
        xbrl: ["us-gaap:TreasuryStockValue", "ifrs-full:TreasuryShares"],
    }
    /// Revaluation reserve.
    RevaluationReserve = "revaluation_reserve" {
        statement: BalanceSheet, flow: Stock, label: "revaluation reserve",
        parents: [(Equity, +, Any)],
        en: ["Revaluation reserve", "Revaluation surplus"],
        pl: ["Kapitał (fundusz) z aktualizacji wyceny", "Kapitał z aktualizacji wyceny"],
        ru: ["Переоценка внеоборотных активов"],
        uk: ["Капітал у дооцінках"],
        ru_codes: ["1340"], uk_codes: ["1405"],
        pl_positions: ["Pasywa A.III"],
        xbrl: ["ifrs-full:RevaluationSurplus"],
    }
    /// Additional paid-in capital (share premium, Polish `kapitał zapasowy`).
    AdditionalCapital = "additional_capital" {
        statement: BalanceSheet, flow: Stock, label: "additional capital",
        parents: [(Equity, +, Any)],
        en: ["Additional paid-in capital", "Share premium", "Additional capital"],
        pl: ["Kapitał (fundusz) zapasowy", "Kapitał zapasowy"],
        ru: ["Добавочный капитал (без переоценки)", "Добавочный капитал"],
        uk: ["Додатковий капітал"],
        ru_codes: ["1350"], uk_codes: ["1410"],
        pl_positions: ["Pasywa A.II"],
        xbrl: ["us-gaap:AdditionalPaidInCapital", "ifrs-full:SharePremium"],
    }
    /// Reserve capital and other reserves.
    ReserveCapital = "reserve_capital" {
        statement: BalanceSheet, flow: Stock, label: "reserve capital",
        parents: [(Equity, +, Any)],
        en: ["Other reserves", "Reserve capital", "Reserves"],
        pl: ["Pozostałe kapitały (fundusze) rezerwowe", "Pozostałe kapitały rezerwowe"],
        ru: ["Резервный капитал"],
        uk: ["Резервний капітал"],
        ru_codes: ["1360"], uk_codes: ["1415"],
        pl_positions: ["Pasywa A.IV"],
        xbrl: ["ifrs-full:OtherReserves"],
    }
    /// Retained earnings (accumulated deficit), the year's result included.
    RetainedEarnings = "retained_earnings" {
        statement: BalanceSheet, flow: Stock, label: "retained earnings",
        parents: [(Equity, +, Any)],
        en: ["Retained earnings", "Retained earnings (accumulated deficit)", "Accumulated deficit", "Retained profit"],
        pl: ["Zyski zatrzymane"],
        ru: ["Нераспределенная прибыль (непокрытый убыток)", "Нераспределенная прибыль"],
        uk: ["Нерозподілений прибуток (непокритий збиток)", "Нерозподілений прибуток"],
        ru_codes: ["1370"], uk_codes: ["1420"],
        pl_positions: [],
        xbrl: ["us-gaap:RetainedEarningsAccumulatedDeficit", "ifrs-full:RetainedEarnings"],
        open: true,
    }
    /// The result of earlier years not yet distributed (Polish `Zysk (strata) z lat
    /// ubiegłych`).
    PriorYearsResult = "prior_years_result" {
        statement: BalanceSheet, flow: Stock, label: "result of prior years",
        parents: [(RetainedEarnings, +, Any)],
        en: ["Profit (loss) of prior years", "Prior years' result"],
        pl: ["Zysk (strata) z lat ubiegłych"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Pasywa A.V"],
        xbrl: [],
    }
    /// The year's net result as shown within equity (Polish `Zysk (strata) netto` on the
    /// liabilities side); it equals the income statement's net income.
    CurrentYearResult = "current_year_result" {
        statement: BalanceSheet, flow: Stock, label: "result of the year (equity)",
        parents: [(RetainedEarnings, +, Any)],
        en: [],
        pl: [],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Pasywa A.VI"],
        xbrl: [],
    }
    /// Non-controlling interests within equity.
    NonControllingInterests = "non_controlling_interests" {
        statement: BalanceSheet, flow: Stock, label: "non-controlling interests",
        parents: [],
        en: ["Non-controlling interests", "Noncontrolling interest", "Minority interest"],
        pl: ["Udziały niekontrolujące"],
        ru: ["Доля неконтролирующих акционеров"],
        uk: ["Неконтрольована частка"],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: ["us-gaap:MinorityInterest", "ifrs-full:NoncontrollingInterests"],
        sv: ["Minoritetsintressen", "Minoritetsintresse", "Innehav utan bestämmande inflytande"],
    }
    /// Total liabilities (provisions included).
    TotalLiabilities = "total_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "total liabilities",
        parents: [(TotalEquityAndLiabilities, +, Any)],
        en: ["Total liabilities", "Liabilities", "Liabilities, total", "Total liabilities net minority interest"],
        pl: ["Zobowiązania i rezerwy na zobowiązania", "Zobowiązania ogółem"],
        ru: ["Итого обязательств", "Обязательства, всего"],
        uk: ["Усього зобов'язань"],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Pasywa B"],
        xbrl: ["us-gaap:Liabilities", "ifrs-full:Liabilities"],
        sv: ["Summa skulder", "Totala skulder"],
        vi: ["Nợ phải trả"],
        open: true,
    }
    /// Provisions for liabilities (the Polish `Rezerwy na zobowiązania`, long- and
    /// short-term together).
    Provisions = "provisions" {
        statement: BalanceSheet, flow: Stock, label: "provisions",
        parents: [(TotalLiabilities, +, Any)],
        en: ["Provisions", "Provisions for liabilities"],
        pl: ["Rezerwy na zobowiązania"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Pasywa B.I"],
        xbrl: [],
    }
    /// Long-term liabilities.
    LongTermLiabilities = "long_term_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "long-term liabilities",
        parents: [(TotalLiabilities, +, Any)],
        en: ["Long-term liabilities", "Non-current liabilities", "Total non-current liabilities", "Total noncurrent liabilities"],
        pl: ["Zobowiązania długoterminowe"],
        ru: ["Долгосрочные обязательства", "Итого по разделу IV"],
        uk: ["Довгострокові зобов'язання", "Довгострокові зобов'язання і забезпечення"],
        ru_codes: ["1400"], uk_codes: ["1595"],
        pl_positions: ["Pasywa B.II"],
        xbrl: ["us-gaap:LiabilitiesNoncurrent", "ifrs-full:NoncurrentLiabilities"],
        sv: ["Långfristiga skulder", "Summa långfristiga skulder"],
        open: true,
    }
    /// Long-term borrowings: bank credit, loans and bonds due after a year.
    LongTermDebt = "long_term_debt" {
        statement: BalanceSheet, flow: Stock, label: "long-term debt",
        parents: [(LongTermLiabilities, +, Any)],
        en: ["Long-term debt", "Long-term borrowings", "Long-term debt, net of current portion", "Non-current borrowings", "Long-term loans"],
        pl: ["Kredyty i pożyczki długoterminowe"],
        ru: ["Долгосрочные заемные средства"],
        uk: ["Довгострокові кредити банків"],
        ru_codes: ["1410"], uk_codes: ["1510"],
        pl_positions: ["Pasywa B.II.3.a"],
        xbrl: ["us-gaap:LongTermDebtNoncurrent", "ifrs-full:NoncurrentPortionOfNoncurrentBorrowings"],
    }
    /// Deferred tax liabilities.
    DeferredTaxLiabilities = "deferred_tax_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "deferred tax liabilities",
        parents: [(LongTermLiabilities, +, Any)],
        en: ["Deferred tax liabilities", "Deferred income tax liabilities", "Deferred tax liability"],
        pl: ["Rezerwa z tytułu odroczonego podatku dochodowego"],
        ru: ["Отложенные налоговые обязательства"],
        uk: ["Відстрочені податкові зобов'язання"],
        ru_codes: ["1420"], uk_codes: ["1500"],
        pl_positions: ["Pasywa B.I.1"],
        xbrl: ["us-gaap:DeferredIncomeTaxLiabilitiesNet", "ifrs-full:DeferredTaxLiabilities"],
    }
    /// Long-term provisions (estimated liabilities).
    LongTermProvisions = "long_term_provisions" {
        statement: BalanceSheet, flow: Stock, label: "long-term provisions",
        parents: [(LongTermLiabilities, +, Any)],
        en: ["Long-term provisions", "Non-current provisions"],
        pl: [],
        ru: [],
        uk: ["Довгострокові забезпечення"],
        ru_codes: ["1430"], uk_codes: ["1520"],
        pl_positions: [],
        xbrl: ["ifrs-full:NoncurrentProvisions"],
    }
    /// Other long-term liabilities.
    OtherLongTermLiabilities = "other_long_term_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "other long-term liabilities",
        parents: [(LongTermLiabilities, +, Any)],
        en: ["Other long-term liabilities", "Other non-current liabilities", "Other noncurrent liabilities"],
        pl: [],
        ru: [],
        uk: ["Інші довгострокові зобов'язання"],
        ru_codes: ["1450"], uk_codes: ["1515"],
        pl_positions: [],
        xbrl: ["us-gaap:OtherLiabilitiesNoncurrent", "ifrs-full:OtherNoncurrentLiabilities"],
    }
    /// Current (short-term) liabilities.
    CurrentLiabilities = "current_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "current liabilities",
        parents: [(TotalLiabilities, +, Any)],
        en: ["Current liabilities", "Total current liabilities", "Short-term liabilities"],
        pl: ["Zobowiązania bieżące", "Zobowiązania krótkoterminowe"],
        ru: ["Краткосрочные обязательства", "Итого по разделу V"],
        uk: ["Поточні зобов'язання", "Поточні зобов'язання і забезпечення"],
        ru_codes: ["1500"], uk_codes: ["1695"],
        pl_positions: ["Pasywa B.III"],
        xbrl: ["us-gaap:LiabilitiesCurrent", "ifrs-full:CurrentLiabilities"],
        sv: ["Kortfristiga skulder", "Summa kortfristiga skulder"],
        vi: ["Nợ ngắn hạn"],
        open: true,
    }
    /// Short-term bank credit and loans, part of current liabilities.
    ShortTermDebt = "short_term_debt" {
        statement: BalanceSheet, flow: Stock, label: "short-term debt",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Short-term debt", "Short-term borrowings", "Short-term loans", "Current borrowings"],
        pl: ["Kredyty i pożyczki krótkoterminowe"],
        ru: ["Краткосрочные заемные средства"],
        uk: ["Короткострокові кредити банків"],
        ru_codes: ["1510"], uk_codes: ["1600"],
        pl_positions: ["Pasywa B.III.3.a"],
        xbrl: ["us-gaap:ShortTermBorrowings", "ifrs-full:ShorttermBorrowings"],
        vi: ["Vay ngắn hạn", "Vay và nợ thuê tài chính ngắn hạn"],
    }
    /// The part of long-term debt due within a year.
    CurrentPortionOfLongTermDebt = "current_portion_of_long_term_debt" {
        statement: BalanceSheet, flow: Stock, label: "current portion of long-term debt",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Current portion of long-term debt", "Long-term debt, current portion", "Current maturities of long-term debt"],
        pl: [],
        ru: [],
        uk: ["Поточна кредиторська заборгованість за довгостроковими зобов'язаннями"],
        ru_codes: [], uk_codes: ["1610"],
        pl_positions: [],
        xbrl: ["us-gaap:LongTermDebtCurrent", "ifrs-full:CurrentPortionOfLongtermBorrowings"],
    }
    /// Trade payables, part of current liabilities.
    TradePayables = "trade_payables" {
        statement: BalanceSheet, flow: Stock, label: "trade payables",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Trade payables", "Accounts payable", "Trade and other payables", "Accounts payable, trade", "Trade accounts payable"],
        pl: ["Zobowiązania z tytułu dostaw i usług"],
        ru: ["Кредиторская задолженность"],
        uk: ["Кредиторська заборгованість за товари, роботи, послуги", "Поточна кредиторська заборгованість за товари, роботи, послуги"],
        ru_codes: ["1520"], uk_codes: ["1615"],
        pl_positions: ["Pasywa B.III.3.d"],
        xbrl: ["us-gaap:AccountsPayableCurrent", "ifrs-full:TradeAndOtherCurrentPayables"],
        sv: ["Leverantörsskulder"],
        vi: ["Phải trả cho người bán", "Phải trả người bán ngắn hạn"],
    }
    /// Tax liabilities (the state budget), part of current liabilities.
    TaxLiabilities = "tax_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "tax liabilities",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Tax liabilities", "Income taxes payable", "Taxes payable"],
        pl: ["Zobowiązania z tytułu podatków, ceł, ubezpieczeń społecznych i zdrowotnych oraz innych tytułów publicznoprawnych"],
        ru: [],
        uk: ["Поточна кредиторська заборгованість за розрахунками з бюджетом"],
        ru_codes: [], uk_codes: ["1620"],
        pl_positions: ["Pasywa B.III.3.g"],
        xbrl: ["us-gaap:TaxesPayableCurrent", "ifrs-full:CurrentTaxLiabilitiesCurrent"],
    }
    /// Social insurance liabilities, part of current liabilities.
    SocialInsuranceLiabilities = "social_insurance_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "social insurance liabilities",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Social insurance payable"],
        pl: [],
        ru: [],
        uk: ["Поточна кредиторська заборгованість за розрахунками зі страхування"],
        ru_codes: [], uk_codes: ["1625"],
        pl_positions: [],
        xbrl: [],
    }
    /// Wages and salaries payable, part of current liabilities.
    WageLiabilities = "wage_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "wage liabilities",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Wages payable", "Accrued salaries", "Employee-related liabilities"],
        pl: ["Zobowiązania z tytułu wynagrodzeń"],
        ru: [],
        uk: ["Поточна кредиторська заборгованість за розрахунками з оплати праці"],
        ru_codes: [], uk_codes: ["1630"],
        pl_positions: ["Pasywa B.III.3.h"],
        xbrl: ["us-gaap:EmployeeRelatedLiabilitiesCurrent"],
    }
    /// Deferred income (income of future periods), part of current liabilities.
    DeferredIncome = "deferred_income" {
        statement: BalanceSheet, flow: Stock, label: "deferred income",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Deferred income", "Deferred revenue", "Contract liabilities"],
        pl: [],
        ru: ["Доходы будущих периодов"],
        uk: ["Доходи майбутніх періодів"],
        ru_codes: ["1530"], uk_codes: ["1665"],
        pl_positions: [],
        xbrl: ["us-gaap:ContractWithCustomerLiabilityCurrent", "ifrs-full:CurrentContractLiabilities"],
    }
    /// Short-term provisions (estimated liabilities).
    ShortTermProvisions = "short_term_provisions" {
        statement: BalanceSheet, flow: Stock, label: "short-term provisions",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Short-term provisions", "Current provisions"],
        pl: [],
        ru: [],
        uk: ["Поточні забезпечення"],
        ru_codes: ["1540"], uk_codes: ["1660"],
        pl_positions: [],
        xbrl: ["ifrs-full:CurrentProvisions"],
    }
    /// Other current liabilities.
    OtherCurrentLiabilities = "other_current_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "other current liabilities",
        parents: [(CurrentLiabilities, +, Any)],
        en: ["Other current liabilities", "Other short-term liabilities"],
        pl: ["Inne zobowiązania krótkoterminowe"],
        ru: [],
        uk: ["Інші поточні зобов'язання"],
        ru_codes: ["1550"], uk_codes: ["1690"],
        pl_positions: [],
        xbrl: ["us-gaap:OtherLiabilitiesCurrent", "ifrs-full:OtherCurrentLiabilities"],
    }
    /// Accruals and deferred income (Polish `Rozliczenia międzyokresowe` on the
    /// liabilities side).
    AccrualsAndDeferredIncome = "accruals_and_deferred_income" {
        statement: BalanceSheet, flow: Stock, label: "accruals and deferred income",
        parents: [(TotalLiabilities, +, Any)],
        en: ["Accruals and deferred income"],
        pl: ["Rozliczenia międzyokresowe"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["Pasywa B.IV"],
        xbrl: [],
    }
    /// Liabilities of disposal groups held for sale.
    LiabilitiesHeldForSale = "liabilities_held_for_sale" {
        statement: BalanceSheet, flow: Stock, label: "liabilities held for sale",
        parents: [(TotalLiabilities, +, Any)],
        en: ["Liabilities held for sale", "Liabilities included in disposal groups classified as held for sale"],
        pl: [],
        ru: [],
        uk: ["Зобов'язання, пов'язані з необоротними активами, утримуваними для продажу, та групами вибуття"],
        ru_codes: [], uk_codes: ["1700"],
        pl_positions: [],
        xbrl: ["ifrs-full:LiabilitiesIncludedInDisposalGroupsClassifiedAsHeldForSale"],
    }
    /// Total equity and liabilities (the liabilities side's total).
    TotalEquityAndLiabilities = "total_equity_and_liabilities" {
        statement: BalanceSheet, flow: Stock, label: "total equity and liabilities",
        parents: [],
        en: ["Total equity and liabilities", "Total liabilities and equity", "Equity and liabilities, total", "Total liabilities and stockholders' equity", "Total liabilities and shareholders' equity"],
        pl: ["Pasywa ogółem", "Pasywa razem", "Suma pasywów"],
        ru: ["Итого пассивов", "Пассивы всего", "Баланс (пассив)"],
        uk: ["Усього пасивів"],
        ru_codes: ["1700"], uk_codes: ["1900"],
        pl_positions: ["Pasywa razem"],
        xbrl: ["us-gaap:LiabilitiesAndStockholdersEquity", "ifrs-full:EquityAndLiabilities"],
        sv: ["Totalt eget kapital och skulder", "Summa eget kapital och skulder"],
        vi: ["Tổng cộng nguồn vốn"],
        open: true,
    }
    // ------------------------------------------------------------------ income statement
    /// Sales revenue (net of VAT and excise).
    Revenue = "revenue" {
        statement: IncomeStatement, flow: Flow, label: "revenue",
        parents: [(GrossProfit, +, ByFunction), (SalesResult, +, ByNature), (TotalIncome, +, SmallForm)],
        en: ["Revenue", "Revenues", "Sales revenue", "Net sales", "Sales", "Turnover", "Net revenues", "Total revenues", "Net operating revenues", "Sales, net", "Total net sales", "Revenue from contracts with customers", "Total revenue", "Net revenue", "Operating revenues"],
        pl: ["Przychody ze sprzedaży", "Przychody netto ze sprzedaży", "Przychody netto ze sprzedaży produktów, towarów i materiałów", "Przychody netto ze sprzedaży i zrównane z nimi"],
        ru: ["Выручка", "Выручка от продаж", "Выручка нетто"],
        uk: ["Чистий дохід від реалізації продукції (товарів, робіт, послуг)", "Чистий дохід", "Виручка"],
        ru_codes: ["2110"], uk_codes: ["2000"],
        pl_positions: ["RZiS-P A", "RZiS-K A"],
        xbrl: ["us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:SalesRevenueNet", "ifrs-full:Revenue"],
        sv: ["Intäkter", "Nettoomsättning", "Omsättning", "Summa intäkter", "Rörelsens intäkter"],
        vi: ["Doanh thu thuần về bán hàng và cung cấp dịch vụ"],
    }
    /// Cost of sales (cost of goods and services sold).
    CostOfSales = "cost_of_sales" {
        statement: IncomeStatement, flow: Flow, label: "cost of sales",
        parents: [(GrossProfit, -, ByFunction), (TotalExpenses, +, SmallForm)],
        en: ["Cost of sales", "Cost of goods sold", "COGS", "Cost of revenue", "Cost of revenues", "Cost of goods and services sold"],
        pl: ["Koszty sprzedanych produktów, towarów i materiałów", "Koszt własny sprzedaży", "Koszty sprzedanych produktów, usług, towarów i materiałów"],
        ru: ["Себестоимость продаж"],
        uk: ["Собівартість реалізованої продукції (товарів, робіт, послуг)", "Собівартість реалізації"],
        ru_codes: ["2120"], uk_codes: ["2050"],
        pl_positions: ["RZiS-K B"],
        xbrl: ["us-gaap:CostOfRevenue", "us-gaap:CostOfGoodsAndServicesSold", "ifrs-full:CostOfSales"],
        sv: ["Kostnad för sålda varor", "Kostnad sålda varor"],
        vi: ["Giá vốn hàng bán"],
    }
    /// Gross profit (revenue less cost of sales).
    GrossProfit = "gross_profit" {
        statement: IncomeStatement, flow: Flow, label: "gross profit",
        parents: [(SalesResult, +, ByFunction)],
        en: ["Gross profit", "Gross margin", "Gross profit (loss)"],
        pl: ["Zysk (strata) brutto ze sprzedaży", "Zysk brutto ze sprzedaży"],
        ru: ["Валовая прибыль (убыток)", "Валовая прибыль"],
        uk: ["Валовий прибуток", "Валовий: прибуток"],
        ru_codes: ["2100"], uk_codes: ["2090"],
        pl_positions: ["RZiS-K C"],
        xbrl: ["us-gaap:GrossProfit", "ifrs-full:GrossProfit"],
        sv: ["Bruttoresultat", "Bruttovinst"],
        vi: ["Lợi nhuận gộp về bán hàng và cung cấp dịch vụ"],
    }
    /// Selling (distribution) expenses.
    SellingExpenses = "selling_expenses" {
        statement: IncomeStatement, flow: Flow, label: "selling expenses",
        parents: [(SalesResult, -, ByFunction)],
        en: ["Selling expenses", "Distribution costs", "Selling and marketing expenses"],
        pl: ["Koszty sprzedaży"],
        ru: ["Коммерческие расходы"],
        uk: ["Витрати на збут"],
        ru_codes: ["2210"], uk_codes: ["2150"],
        pl_positions: ["RZiS-K D"],
        xbrl: ["us-gaap:SellingAndMarketingExpense", "ifrs-full:DistributionCosts"],
    }
    /// General and administrative expenses.
    AdministrativeExpenses = "administrative_expenses" {
        statement: IncomeStatement, flow: Flow, label: "administrative expenses",
        parents: [(SalesResult, -, ByFunction)],
        en: ["Administrative expenses", "General and administrative expenses", "General and administrative"],
        pl: ["Koszty ogólnego zarządu"],
        ru: ["Управленческие расходы"],
        uk: ["Адміністративні витрати"],
        ru_codes: ["2220"], uk_codes: ["2130"],
        pl_positions: ["RZiS-K E"],
        xbrl: ["us-gaap:GeneralAndAdministrativeExpense", "ifrs-full:AdministrativeExpense"],
    }
    /// Selling, general and administrative expenses together (US GAAP `SG&A`).
    SellingGeneralAndAdministrative = "selling_general_and_administrative" {
        statement: IncomeStatement, flow: Flow, label: "selling, general and administrative expenses",
        parents: [],
        en: ["Selling, general and administrative expenses", "Selling, general and administrative", "SG&A"],
        pl: [],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: ["us-gaap:SellingGeneralAndAdministrativeExpense"],
    }
    /// Operating expenses by nature (Polish `Koszty działalności operacyjnej`).
    OperatingExpenses = "operating_expenses" {
        statement: IncomeStatement, flow: Flow, label: "operating expenses",
        parents: [(SalesResult, -, ByNature)],
        en: ["Operating expenses", "Total operating expenses", "Costs and expenses"],
        pl: ["Koszty działalności operacyjnej"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P B"],
        xbrl: ["us-gaap:OperatingExpenses", "us-gaap:CostsAndExpenses"],
    }
    /// Depreciation and amortisation.
    DepreciationAndAmortisation = "depreciation_and_amortisation" {
        statement: IncomeStatement, flow: Flow, label: "depreciation and amortisation",
        parents: [(OperatingExpenses, +, ByNature), (OperatingCashFlow, +, Indirect)],
        en: ["Depreciation and amortisation", "Depreciation and amortization", "Depreciation, depletion and amortization", "Depreciation"],
        pl: ["Amortyzacja"],
        ru: ["Амортизация"],
        uk: ["Амортизація"],
        ru_codes: [], uk_codes: ["2515"],
        pl_positions: ["RZiS-P B.I", "RPP A.II.1"],
        xbrl: ["us-gaap:DepreciationDepletionAndAmortization", "us-gaap:DepreciationAndAmortization", "ifrs-full:DepreciationAndAmortisationExpense"],
    }
    /// Materials and energy used (a cost by nature).
    MaterialsAndEnergy = "materials_and_energy" {
        statement: IncomeStatement, flow: Flow, label: "materials and energy",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Raw materials and consumables used", "Materials and energy"],
        pl: ["Zużycie materiałów i energii"],
        ru: ["Материальные затраты"],
        uk: ["Матеріальні затрати"],
        ru_codes: [], uk_codes: ["2500"],
        pl_positions: ["RZiS-P B.II"],
        xbrl: ["ifrs-full:RawMaterialsAndConsumablesUsed"],
    }
    /// External services (a cost by nature).
    ExternalServices = "external_services" {
        statement: IncomeStatement, flow: Flow, label: "external services",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["External services", "Services purchased"],
        pl: ["Usługi obce"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P B.III"],
        xbrl: [],
    }
    /// Taxes and charges other than income tax (a cost by nature).
    TaxesAndCharges = "taxes_and_charges" {
        statement: IncomeStatement, flow: Flow, label: "taxes and charges",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Taxes and charges"],
        pl: ["Podatki i opłaty", "Podatki i opłaty, w tym:"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P B.IV"],
        xbrl: [],
    }
    /// Wages and salaries (a cost by nature).
    WagesAndSalaries = "wages_and_salaries" {
        statement: IncomeStatement, flow: Flow, label: "wages and salaries",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Wages and salaries", "Employee benefits expense", "Staff costs"],
        pl: ["Wynagrodzenia"],
        ru: ["Затраты на оплату труда"],
        uk: ["Витрати на оплату праці"],
        ru_codes: [], uk_codes: ["2505"],
        pl_positions: ["RZiS-P B.V"],
        xbrl: ["ifrs-full:EmployeeBenefitsExpense"],
    }
    /// Social security and other benefits (a cost by nature).
    SocialSecurity = "social_security" {
        statement: IncomeStatement, flow: Flow, label: "social security",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Social security and other benefits", "Social security contributions"],
        pl: ["Ubezpieczenia społeczne i inne świadczenia", "Ubezpieczenia społeczne i inne świadczenia, w tym:"],
        ru: ["Отчисления на социальные нужды"],
        uk: ["Відрахування на соціальні заходи"],
        ru_codes: [], uk_codes: ["2510"],
        pl_positions: ["RZiS-P B.VI"],
        xbrl: ["ifrs-full:SocialSecurityContributions"],
    }
    /// Other costs by nature.
    OtherCostsByNature = "other_costs_by_nature" {
        statement: IncomeStatement, flow: Flow, label: "other costs by nature",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Other costs by nature"],
        pl: ["Pozostałe koszty rodzajowe"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: ["2520"],
        pl_positions: ["RZiS-P B.VII"],
        xbrl: [],
    }
    /// Value of goods and materials sold (a cost by nature).
    GoodsForResaleSold = "goods_for_resale_sold" {
        statement: IncomeStatement, flow: Flow, label: "goods and materials sold",
        parents: [(OperatingExpenses, +, ByNature)],
        en: ["Cost of goods for resale sold"],
        pl: ["Wartość sprzedanych towarów i materiałów"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P B.VIII"],
        xbrl: [],
    }
    /// Expenses of ordinary activities (the Russian simplified form's 2120, which is
    /// cost of sales with selling and administrative expenses).
    OrdinaryActivityExpenses = "ordinary_activity_expenses" {
        statement: IncomeStatement, flow: Flow, label: "expenses of ordinary activities",
        parents: [],
        en: ["Expenses of ordinary activities"],
        pl: [],
        ru: ["Расходы по обычной деятельности"],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: [],
    }
    /// Profit or loss on sales: revenue less the costs of selling it (Polish `Zysk
    /// (strata) ze sprzedaży`).
    SalesResult = "sales_result" {
        statement: IncomeStatement, flow: Flow, label: "result on sales",
        parents: [(OperatingResult, +, Any)],
        en: ["Profit (loss) on sales", "Result on sales"],
        pl: ["Zysk (strata) ze sprzedaży", "Zysk ze sprzedaży"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P C", "RZiS-K F"],
        xbrl: [],
    }
    /// Other operating income.
    OtherOperatingIncome = "other_operating_income" {
        statement: IncomeStatement, flow: Flow, label: "other operating income",
        parents: [(OperatingResult, +, Any)],
        en: ["Other operating income"],
        pl: ["Pozostałe przychody operacyjne"],
        ru: [],
        uk: ["Інші операційні доходи"],
        ru_codes: [], uk_codes: ["2120"],
        pl_positions: ["RZiS-P D", "RZiS-K G"],
        xbrl: ["ifrs-full:OtherOperatingIncome"],
    }
    /// Other operating expenses.
    OtherOperatingExpenses = "other_operating_expenses" {
        statement: IncomeStatement, flow: Flow, label: "other operating expenses",
        parents: [(OperatingResult, -, Any)],
        en: ["Other operating expenses"],
        pl: ["Pozostałe koszty operacyjne"],
        ru: [],
        uk: ["Інші операційні витрати"],
        ru_codes: [], uk_codes: ["2180"],
        pl_positions: ["RZiS-P E", "RZiS-K H"],
        xbrl: ["ifrs-full:OtherOperatingExpense"],
    }
    /// Operating result (profit or loss from operations). The Russian form prints no
    /// operating result: its 2200 `Прибыль (убыток) от продаж` is read as one, as
    /// Russian practice does.
    OperatingResult = "operating_result" {
        statement: IncomeStatement, flow: Flow, label: "operating result",
        parents: [(ProfitBeforeTax, +, Any)],
        en: ["Operating result", "Operating profit", "Operating income", "Operating profit (loss)", "EBIT", "Profit from operations", "Operating income (loss)", "Income from operations"],
        pl: ["Zysk (strata) z działalności operacyjnej", "Wynik z działalności operacyjnej", "Zysk z działalności operacyjnej", "Zysk (strata) na działalności operacyjnej"],
        ru: ["Прибыль (убыток) от продаж"],
        uk: ["Фінансовий результат від операційної діяльності", "Фінансовий результат від операційної діяльності: прибуток"],
        ru_codes: ["2200"], uk_codes: ["2190"],
        pl_positions: ["RZiS-P F", "RZiS-K I"],
        xbrl: ["us-gaap:OperatingIncomeLoss", "ifrs-full:ProfitLossFromOperatingActivities"],
        sv: ["Rörelseresultat"],
        vi: ["Lợi nhuận thuần từ hoạt động kinh doanh"],
        open: true,
    }
    /// Income from participations in other entities (dividends, share of results).
    ParticipationIncome = "participation_income" {
        statement: IncomeStatement, flow: Flow, label: "income from participations",
        parents: [(ProfitBeforeTax, +, Any)],
        en: ["Income from participations", "Share of profit of associates"],
        pl: [],
        ru: ["Доходы от участия в других организациях"],
        uk: ["Дохід від участі в капіталі"],
        ru_codes: ["2310"], uk_codes: ["2200"],
        pl_positions: [],
        xbrl: ["ifrs-full:ShareOfProfitLossOfAssociatesAndJointVenturesAccountedForUsingEquityMethod"],
    }
    /// Financial income (interest received and other).
    FinancialIncome = "financial_income" {
        statement: IncomeStatement, flow: Flow, label: "financial income",
        parents: [(ProfitBeforeTax, +, Any)],
        en: ["Finance income", "Financial income", "Other financial income"],
        pl: ["Przychody finansowe"],
        ru: [],
        uk: ["Інші фінансові доходи"],
        ru_codes: [], uk_codes: ["2220"],
        pl_positions: ["RZiS-P G", "RZiS-K J"],
        xbrl: ["ifrs-full:FinanceIncome"],
    }
    /// Interest income.
    InterestIncome = "interest_income" {
        statement: IncomeStatement, flow: Flow, label: "interest income",
        parents: [(FinancialIncome, +, Any)],
        en: ["Interest income", "Interest and other income"],
        pl: [],
        ru: ["Проценты к получению"],
        uk: [],
        ru_codes: ["2320"], uk_codes: [],
        pl_positions: [],
        xbrl: ["us-gaap:InvestmentIncomeInterest", "ifrs-full:InterestRevenueCalculatedUsingEffectiveInterestMethod"],
    }
    /// Financial costs (interest paid and other).
    FinancialCosts = "financial_costs" {
        statement: IncomeStatement, flow: Flow, label: "financial costs",
        parents: [(ProfitBeforeTax, -, Any)],
        en: ["Finance costs", "Financial costs", "Financial expenses"],
        pl: ["Koszty finansowe"],
        ru: [],
        uk: ["Фінансові витрати"],
        ru_codes: [], uk_codes: ["2250"],
        pl_positions: ["RZiS-P H", "RZiS-K K"],
        xbrl: ["ifrs-full:FinanceCosts"],
    }
    /// Interest expense.
    InterestExpense = "interest_expense" {
        statement: IncomeStatement, flow: Flow, label: "interest expense",
        parents: [(FinancialCosts, +, Any)],
        en: ["Interest expense", "Interest expense, net"],
        pl: ["Odsetki"],
        ru: ["Проценты к уплате"],
        uk: [],
        ru_codes: ["2330"], uk_codes: [],
        pl_positions: ["RZiS-P H.I", "RZiS-K K.I"],
        xbrl: ["us-gaap:InterestExpense", "ifrs-full:InterestExpense"],
    }
    /// Other income (the Russian and Ukrainian forms' non-operating income).
    OtherIncome = "other_income" {
        statement: IncomeStatement, flow: Flow, label: "other income",
        parents: [(ProfitBeforeTax, +, ByFunction), (TotalIncome, +, SmallForm)],
        en: ["Other income", "Other income, net", "Other non-operating income"],
        pl: [],
        ru: ["Прочие доходы"],
        uk: ["Інші доходи"],
        ru_codes: ["2340"], uk_codes: ["2240", "2160"],
        pl_positions: [],
        xbrl: ["us-gaap:OtherNonoperatingIncomeExpense"],
    }
    /// Other expenses (the Russian and Ukrainian forms' non-operating expenses).
    OtherExpenses = "other_expenses" {
        statement: IncomeStatement, flow: Flow, label: "other expenses",
        parents: [(ProfitBeforeTax, -, ByFunction), (TotalExpenses, +, SmallForm)],
        en: ["Other expenses", "Other non-operating expenses"],
        pl: [],
        ru: ["Прочие расходы"],
        uk: ["Інші витрати"],
        ru_codes: ["2350"], uk_codes: ["2270", "2165"],
        pl_positions: [],
        xbrl: [],
    }
    /// Total income (the Ukrainian small-enterprise form 2-м).
    TotalIncome = "total_income" {
        statement: IncomeStatement, flow: Flow, label: "total income",
        parents: [(ProfitBeforeTax, +, SmallForm)],
        en: ["Total income"],
        pl: [],
        ru: [],
        uk: ["Разом доходи"],
        ru_codes: [], uk_codes: ["2280"],
        pl_positions: [],
        xbrl: [],
    }
    /// Total expenses (the Ukrainian small-enterprise form 2-м).
    TotalExpenses = "total_expenses" {
        statement: IncomeStatement, flow: Flow, label: "total expenses",
        parents: [(ProfitBeforeTax, -, SmallForm)],
        en: ["Total expenses"],
        pl: [],
        ru: [],
        uk: ["Разом витрати"],
        ru_codes: [], uk_codes: ["2285"],
        pl_positions: [],
        xbrl: [],
        open: true,
    }
    /// Profit or loss before income tax (Polish `zysk brutto`).
    ProfitBeforeTax = "profit_before_tax" {
        statement: IncomeStatement, flow: Flow, label: "profit before tax",
        parents: [(NetIncome, +, Any)],
        en: ["Profit before tax", "Income before income taxes", "Profit (loss) before tax", "Income (loss) before income taxes", "Earnings before income taxes", "Pre-tax income"],
        pl: ["Zysk (strata) brutto", "Zysk brutto", "Wynik finansowy brutto"],
        ru: ["Прибыль (убыток) до налогообложения", "Прибыль до налогообложения"],
        uk: ["Фінансовий результат до оподаткування", "Фінансовий результат до оподаткування: прибуток"],
        ru_codes: ["2300"], uk_codes: ["2290"],
        pl_positions: ["RZiS-P I", "RZiS-K L"],
        xbrl: ["us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest", "ifrs-full:ProfitLossBeforeTax"],
        sv: ["Resultat före skatt"],
        vi: ["Tổng lợi nhuận kế toán trước thuế"],
        open: true,
    }
    /// Income tax expense (current and deferred).
    IncomeTax = "income_tax" {
        statement: IncomeStatement, flow: Flow, label: "income tax",
        parents: [(NetIncome, -, Any)],
        en: ["Income tax", "Income tax expense", "Provision for income taxes", "Income tax expense (benefit)", "Income taxes"],
        pl: ["Podatek dochodowy"],
        ru: ["Налог на прибыль", "Налоги на прибыль (доходы)"],
        uk: ["Витрати (дохід) з податку на прибуток", "Податок на прибуток"],
        ru_codes: ["2410"], uk_codes: ["2300"],
        pl_positions: ["RZiS-P J", "RZiS-K M"],
        xbrl: ["us-gaap:IncomeTaxExpenseBenefit", "ifrs-full:IncomeTaxExpenseContinuingOperations"],
        sv: ["Skatt på årets resultat", "Inkomstskatt"],
    }
    /// Other obligatory reductions of profit (Polish RZiS K / N).
    OtherProfitReductions = "other_profit_reductions" {
        statement: IncomeStatement, flow: Flow, label: "other obligatory reductions of profit",
        parents: [(NetIncome, -, Any)],
        en: [],
        pl: ["Pozostałe obowiązkowe zmniejszenia zysku (zwiększenia straty)"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RZiS-P K", "RZiS-K N"],
        xbrl: [],
    }
    /// Net income (net profit or loss).
    NetIncome = "net_income" {
        statement: IncomeStatement, flow: Flow, label: "net income",
        parents: [(OperatingCashFlow, +, Indirect)],
        en: ["Net income", "Net profit", "Net profit (loss)", "Net income (loss)", "Net result", "Profit for the year", "Profit (loss) for the year", "Consolidated net income", "Net earnings", "Profit (loss)", "Net loss"],
        pl: ["Wynik finansowy netto", "Zysk netto", "Zysk (strata) netto", "Wynik netto"],
        ru: ["Чистая прибыль", "Чистая прибыль (убыток)"],
        uk: ["Чистий прибуток", "Чистий прибуток (збиток)", "Чистий фінансовий результат: прибуток", "Чистий фінансовий результат"],
        ru_codes: ["2400"], uk_codes: ["2350"],
        pl_positions: ["RZiS-P L", "RZiS-K O", "RPP A.I"],
        xbrl: ["us-gaap:NetIncomeLoss", "us-gaap:ProfitLoss", "ifrs-full:ProfitLoss"],
        sv: ["Nettoresultat", "Årets resultat", "Periodens resultat", "Resultat efter skatt"],
        vi: ["Lợi nhuận sau thuế thu nhập doanh nghiệp"],
        open: true,
    }
    // --------------------------------------------------------------- cash-flow statement
    /// Net cash from operating activities.
    OperatingCashFlow = "operating_cash_flow" {
        statement: CashFlowStatement, flow: Flow, label: "operating cash flow",
        parents: [(NetChangeInCash, +, Any)],
        en: ["Net cash from operating activities", "Net cash provided by operating activities", "Net cash provided by (used in) operating activities", "Cash flows from operating activities", "Operating cash flow", "Net cash generated from operating activities", "Cash from operating activity", "Cash from operating activities", "Net cash flows from operating activities"],
        pl: ["Przepływy pieniężne netto z działalności operacyjnej"],
        ru: ["Сальдо денежных потоков от текущих операций"],
        uk: ["Чистий рух коштів від операційної діяльності"],
        ru_codes: ["4100"], uk_codes: ["3195"],
        pl_positions: ["RPP A.III"],
        xbrl: ["us-gaap:NetCashProvidedByUsedInOperatingActivities", "ifrs-full:CashFlowsFromUsedInOperatingActivities"],
        sv: ["Kassaflöde från den löpande verksamheten", "Kassaflöde från löpande verksamhet"],
        open: true,
    }
    /// Operating receipts (the direct method's inflows).
    OperatingReceipts = "operating_receipts" {
        statement: CashFlowStatement, flow: Flow, label: "operating receipts",
        parents: [(OperatingCashFlow, +, Direct)],
        en: ["Operating receipts", "Cash receipts from customers"],
        pl: ["Wpływy"],
        ru: ["Поступления - всего", "Поступления, всего"],
        uk: [],
        ru_codes: ["4110"], uk_codes: [],
        pl_positions: ["RPP A.I (direct)"],
        xbrl: [],
    }
    /// Operating payments (the direct method's outflows).
    OperatingPayments = "operating_payments" {
        statement: CashFlowStatement, flow: Flow, label: "operating payments",
        parents: [(OperatingCashFlow, -, Direct)],
        en: ["Operating payments", "Cash paid to suppliers and employees"],
        pl: ["Wydatki"],
        ru: ["Платежи - всего", "Платежи, всего"],
        uk: [],
        ru_codes: ["4120"], uk_codes: [],
        pl_positions: ["RPP A.II (direct)"],
        xbrl: [],
    }
    /// Change in inventories as it affects cash (an increase is an outflow).
    ChangeInInventories = "change_in_inventories" {
        statement: CashFlowStatement, flow: Flow, label: "change in inventories (cash effect)",
        parents: [(OperatingCashFlow, +, Indirect)],
        en: ["(Increase) decrease in inventories", "Change in inventories", "Decrease (increase) in inventories", "Inventories (increase) decrease"],
        pl: ["Zmiana stanu zapasów"],
        ru: [],
        uk: ["Зменшення (збільшення) запасів"],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RPP A.II.6"],
        xbrl: ["us-gaap:IncreaseDecreaseInInventories"],
    }
    /// Change in receivables as it affects cash (an increase is an outflow).
    ChangeInReceivables = "change_in_receivables" {
        statement: CashFlowStatement, flow: Flow, label: "change in receivables (cash effect)",
        parents: [(OperatingCashFlow, +, Indirect)],
        en: ["(Increase) decrease in accounts receivable", "Change in receivables", "Decrease (increase) in receivables", "(Increase) decrease in receivables"],
        pl: ["Zmiana stanu należności"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RPP A.II.7"],
        xbrl: ["us-gaap:IncreaseDecreaseInAccountsReceivable"],
    }
    /// Change in payables as it affects cash (an increase is an inflow).
    ChangeInPayables = "change_in_payables" {
        statement: CashFlowStatement, flow: Flow, label: "change in payables (cash effect)",
        parents: [(OperatingCashFlow, +, Indirect)],
        en: ["Increase (decrease) in accounts payable", "Change in payables", "Increase (decrease) in payables"],
        pl: ["Zmiana stanu zobowiązań krótkoterminowych, z wyjątkiem pożyczek i kredytów"],
        ru: [],
        uk: [],
        ru_codes: [], uk_codes: [],
        pl_positions: ["RPP A.II.8"],
        xbrl: ["us-gaap:IncreaseDecreaseInAccountsPayable"],
    }
    /// Net cash from investing activities.
    InvestingCashFlow = "investing_cash_flow" {
        statement: CashFlowStatement, flow: Flow, label: "investing cash flow",
        parents: [(NetChangeInCash, +, Any)],
        en: ["Net cash used in investing activities", "Net cash from investing activities", "Net cash provided by (used in) investing activities", "Cash flows from investing activities", "Cash from investing activity", "Cash from investing activities"],
        pl: ["Przepływy pieniężne netto z działalności inwestycyjnej"],
        ru: ["Сальдо денежных потоков от инвестиционных операций"],
        uk: ["Чистий рух коштів від інвестиційної діяльності"],
        ru_codes: ["4200"], uk_codes: ["3295"],
        pl_positions: ["RPP B.III"],
        xbrl: ["us-gaap:NetCashProvidedByUsedInInvestingActivities", "ifrs-full:CashFlowsFromUsedInInvestingActivities"],
        sv: ["Kassaflöde från investeringsverksamheten", "Kassaflöde från investeringsverksamhet"],
        open: true,
    }
    /// Capital expenditure: payments for property, plant, equipment and intangibles.
    CapitalExpenditure = "capital_expenditure" {
        statement: CashFlowStatement, flow: Flow, label: "capital expenditure",
        parents: [(InvestingCashFlow, -, Any)],
        en: ["Capital expenditure", "Capital expenditures", "Purchases of property and equipment", "Purchases of property, plant and equipment", "Payments for property, plant and equipment", "Acquisition of property, plant and equipment"],
        pl: ["Nabycie wartości niematerialnych i prawnych oraz rzeczowych aktywów trwałych"],
        ru: ["В связи с приобретением, созданием, модернизацией, реконструкцией и подготовкой к использованию внеоборотных активов"],
        uk: ["Витрачання на придбання необоротних активів"],
        ru_codes: ["4221"], uk_codes: ["3260"],
        pl_positions: ["RPP B.II.1"],
        xbrl: ["us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities"],
    }
    /// Net cash from financing activities.
    FinancingCashFlow = "financing_cash_flow" {
        statement: CashFlowStatement, flow: Flow, label: "financing cash flow",
        parents: [(NetChangeInCash, +, Any)],
        en: ["Net cash used in financing activities", "Net cash from financing activities", "Net cash provided by (used in) financing activities", "Cash flows from financing activities", "Cash from financing activity", "Cash from financing activities"],
        pl: ["Przepływy pieniężne netto z działalności finansowej"],
        ru: ["Сальдо денежных потоков от финансовых операций"],
        uk: ["Чистий рух коштів від фінансової діяльності"],
        ru_codes: ["4300"], uk_codes: ["3395"],
        pl_positions: ["RPP C.III"],
        xbrl: ["us-gaap:NetCashProvidedByUsedInFinancingActivities", "ifrs-full:CashFlowsFromUsedInFinancingActivities"],
        sv: ["Kassaflöde från finansieringsverksamheten", "Kassaflöde från finansieringsverksamhet"],
        open: true,
    }
    /// Proceeds from borrowings (credit, loans, bonds).
    ProceedsFromBorrowings = "proceeds_from_borrowings" {
        statement: CashFlowStatement, flow: Flow, label: "proceeds from borrowings",
        parents: [(FinancingCashFlow, +, Any)],
        en: ["Proceeds from borrowings", "Proceeds from issuance of long-term debt", "Proceeds from loans"],
        pl: ["Kredyty i pożyczki (wpływy)"],
        ru: [],
        uk: ["Отримання позик"],
        ru_codes: ["4311"], uk_codes: ["3305"],
        pl_positions: ["RPP C.I.2"],
        xbrl: ["us-gaap:ProceedsFromIssuanceOfLongTermDebt", "ifrs-full:ProceedsFromBorrowingsClassifiedAsFinancingActivities"],
    }
    /// Repayments of borrowings.
    RepaymentOfBorrowings = "repayment_of_borrowings" {
        statement: CashFlowStatement, flow: Flow, label: "repayment of borrowings",
        parents: [(FinancingCashFlow, -, Any)],
        en: ["Repayment of borrowings", "Repayments of long-term debt", "Repayment of loans"],
        pl: ["Spłaty kredytów i pożyczek"],
        ru: [],
        uk: ["Погашення позик"],
        ru_codes: ["4323"], uk_codes: ["3350"],
        pl_positions: ["RPP C.II.4"],
        xbrl: ["us-gaap:RepaymentsOfLongTermDebt", "ifrs-full:RepaymentsOfBorrowingsClassifiedAsFinancingActivities"],
    }
    /// Dividends paid to the owners.
    DividendsPaid = "dividends_paid" {
        statement: CashFlowStatement, flow: Flow, label: "dividends paid",
        parents: [(FinancingCashFlow, -, Any)],
        en: ["Dividends paid", "Payments of dividends", "Cash dividends paid"],
        pl: ["Dywidendy i inne wypłaty na rzecz właścicieli"],
        ru: ["На уплату дивидендов и иных платежей по распределению прибыли в пользу собственников (участников)"],
        uk: ["Сплачені дивіденди"],
        ru_codes: ["4322"], uk_codes: ["3355"],
        pl_positions: ["RPP C.II.2"],
        xbrl: ["us-gaap:PaymentsOfDividends", "ifrs-full:DividendsPaidClassifiedAsFinancingActivities"],
    }
    /// The effect of exchange-rate changes on cash.
    FxEffectOnCash = "fx_effect_on_cash" {
        statement: CashFlowStatement, flow: Flow, label: "exchange-rate effect on cash",
        parents: [(NetChangeInCash, +, FxInChange), (CashAtEnd, +, FxBesideChange)],
        en: ["Effect of exchange rate changes on cash", "Effect of exchange rate changes on cash and cash equivalents", "Effect of exchange rate changes"],
        pl: [],
        ru: ["Величина влияния изменений курса иностранной валюты по отношению к рублю"],
        uk: ["Вплив зміни валютних курсів на залишок коштів"],
        ru_codes: ["4490"], uk_codes: ["3410"],
        pl_positions: [],
        xbrl: ["us-gaap:EffectOfExchangeRateOnCashAndCashEquivalents", "ifrs-full:EffectOfExchangeRateChangesOnCashAndCashEquivalents"],
    }
    /// The net change in cash over the period.
    NetChangeInCash = "net_change_in_cash" {
        statement: CashFlowStatement, flow: Flow, label: "net change in cash",
        parents: [(CashAtEnd, +, Any)],
        en: ["Net increase (decrease) in cash and cash equivalents", "Net change in cash", "Net increase in cash and cash equivalents", "Net decrease in cash and cash equivalents", "Net cash flow"],
        pl: ["Przepływy pieniężne netto razem", "Przepływy pieniężne netto, razem"],
        ru: ["Сальдо денежных потоков за отчетный период"],
        uk: ["Чистий рух грошових коштів за звітний період", "Чистий рух коштів за звітний період"],
        ru_codes: ["4400"], uk_codes: ["3400"],
        pl_positions: ["RPP D"],
        xbrl: ["us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect", "ifrs-full:IncreaseDecreaseInCashAndCashEquivalents"],
    }
    /// Cash at the beginning of the period (as the cash-flow statement gives it).
    CashAtBeginning = "cash_at_beginning" {
        statement: CashFlowStatement, flow: Stock, label: "cash at beginning",
        parents: [(CashAtEnd, +, Any)],
        en: ["Cash and cash equivalents at beginning of period", "Cash at beginning of year", "Cash and cash equivalents, beginning of period", "Cash and cash equivalents at beginning of year"],
        pl: ["Środki pieniężne na początek okresu"],
        ru: ["Остаток денежных средств и денежных эквивалентов на начало отчетного периода"],
        uk: ["Залишок коштів на початок року"],
        ru_codes: ["4450"], uk_codes: ["3405"],
        pl_positions: ["RPP F"],
        xbrl: [],
    }
    /// Cash at the end of the period (as the cash-flow statement gives it); it equals
    /// the balance sheet's cash where both define cash alike.
    CashAtEnd = "cash_at_end" {
        statement: CashFlowStatement, flow: Stock, label: "cash at end",
        parents: [],
        en: ["Cash and cash equivalents at end of period", "Cash at end of year", "Cash and cash equivalents, end of period", "Cash and cash equivalents at end of year"],
        pl: ["Środki pieniężne na koniec okresu"],
        ru: ["Остаток денежных средств и денежных эквивалентов на конец отчетного периода"],
        uk: ["Залишок коштів на кінець року"],
        ru_codes: ["4500"], uk_codes: ["3415"],
        pl_positions: ["RPP G"],
        xbrl: [],
    }
    // ---------------------------------------------------------------------- market data
    /// The market value of equity (market capitalisation) at the period's end: an
    /// optional input for valuation ratios and Altman's original Z-score.
    MarketCapitalisation = "market_capitalisation" {
        statement: MarketData, flow: Stock, label: "market capitalisation",
        parents: [],
        en: ["Market capitalisation", "Market capitalization", "Market value of equity", "Market cap"],
        pl: ["Kapitalizacja rynkowa", "Kapitalizacja"],
        ru: ["Рыночная капитализация", "Капитализация"],
        uk: ["Ринкова капіталізація", "Капіталізація"],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: [],
    }
    /// The number of shares outstanding at the period's end.
    SharesOutstanding = "shares_outstanding" {
        statement: MarketData, flow: Stock, label: "shares outstanding",
        parents: [],
        en: ["Shares outstanding", "Number of shares", "Common shares outstanding"],
        pl: ["Liczba akcji"],
        ru: ["Количество акций"],
        uk: ["Кількість акцій"],
        ru_codes: [], uk_codes: [],
        pl_positions: [],
        xbrl: ["dei:EntityCommonStockSharesOutstanding"],
    }
}
