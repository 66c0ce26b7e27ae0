"""FinanceToolkit on a bilans panel workbook, offline: the peer of `cargo xtask bench`.

Usage: PYTHON ftk_panel.py PANEL.xlsx [--reps N]
(PYTHON has financetoolkit and openpyxl: python3 -m venv /tmp/ftk &&
/tmp/ftk/bin/pip install financetoolkit openpyxl)

Reads the long table the bench generator writes (A1 the unit, row 2 the header
`Company | Year | Total assets | ...`, then one row per company and year) with openpyxl,
maps each bilans line item to FinanceToolkit's generic statement rows (every other row
NaN, an all-NaN cash-flow statement, so nothing is downloaded), then times, on a fresh
Toolkit each run:

    Toolkit(...) construction + ratios.collect_liquidity_ratios()
        + collect_profitability_ratios() + collect_efficiency_ratios()

and prints one JSON object: versions, the median and every run in seconds, the untimed
read time, the panel's size and how many ratio cells are not NaN.
"""

import argparse
import importlib.metadata
import json
import logging
import statistics
import sys
import time
import warnings
from importlib import resources

import numpy as np
import openpyxl
import pandas as pd
from financetoolkit import Toolkit

warnings.filterwarnings("ignore")
logging.getLogger("financetoolkit").setLevel(logging.WARNING)

# bilans header label (as the generator writes it) -> FinanceToolkit generic rows.
BALANCE = {
    "Total assets": ["Total Assets"],
    "Fixed assets": ["Fixed Assets"],
    "Current assets": ["Total Current Assets"],
    "Inventories": ["Inventory"],
    "Trade receivables": ["Accounts Receivable", "Net Receivables"],
    "Cash and cash equivalents": ["Cash and Cash Equivalents", "Cash and Short Term Investments"],
    "Other current assets": ["Other Current Assets"],
    "Equity": ["Total Equity", "Total Shareholder Equity"],
    "Long-term liabilities": ["Total Non Current Liabilities"],
    "Current liabilities": ["Total Current Liabilities"],
    "Short-term debt": ["Short Term Debt"],
    "Trade payables": ["Accounts Payable"],
    "Total equity and liabilities": ["Total Liabilities and Equity"],
}
INCOME = {
    "Revenue": ["Revenue"],
    "Cost of sales": ["Cost of Goods Sold"],
    "Operating profit": ["Operating Income"],
    "Net income": ["Net Income"],
}


def generic_rows(kind):
    with resources.files("financetoolkit").joinpath(f"normalization/{kind}.csv").open() as handle:
        rows = pd.read_csv(handle, index_col=0).iloc[:, 0].astype(str).str.strip()
    return list(dict.fromkeys(rows.tolist()))


def read_panel(path):
    """The panel as {label: array (companies x years)}, the companies and the years."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    next(rows)  # the unit
    header = list(next(rows))
    records = [row for row in rows if row and row[0] is not None]
    companies = list(dict.fromkeys(row[0] for row in records))
    years = sorted({int(row[1]) for row in records})
    company_index = {name: index for index, name in enumerate(companies)}
    year_index = {year: index for index, year in enumerate(years)}
    values = {label: np.full((len(companies), len(years)), np.nan) for label in header[2:]}
    for row in records:
        i, j = company_index[row[0]], year_index[int(row[1])]
        for label, value in zip(header[2:], row[2:]):
            if value is not None:
                values[label][i, j] = float(value)
    return values, companies, years


def frame(rows, given, companies, years):
    data = np.full((len(companies), len(rows), len(years)), np.nan)
    for index, row in enumerate(rows):
        if row in given:
            data[:, index, :] = given[row]
    columns = [f"{year}-12-31" for year in years]
    index = pd.MultiIndex.from_product([companies, rows])
    return pd.DataFrame(data.reshape(len(companies) * len(rows), len(years)), index=index, columns=columns)


def frames(values, companies, years):
    given_balance, given_income = {}, {}
    for label, targets in BALANCE.items():
        for target in targets:
            given_balance[target] = values[label]
    given_balance["Short Term Investments"] = np.zeros_like(values["Total assets"])
    for label, targets in INCOME.items():
        for target in targets:
            given_income[target] = values[label]
    return (
        frame(generic_rows("balance"), given_balance, companies, years),
        frame(generic_rows("income"), given_income, companies, years),
        frame(generic_rows("cash"), {}, companies, years),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("panel")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    values, companies, years = read_panel(args.panel)
    balance, income, cash = frames(values, companies, years)
    read_s = time.perf_counter() - started

    runs, non_nan = [], 0
    for _ in range(args.reps):
        b, i, c = balance.copy(), income.copy(), cash.copy()
        started = time.perf_counter()
        toolkit = Toolkit(
            tickers=companies,
            api_key="",
            balance=b,
            income=i,
            cash=c,
            start_date=f"{years[0]}-01-01",
            end_date=f"{years[-1]}-12-31",
            use_cached_data=False,
            benchmark_ticker=None,
            sleep_timer=False,
            convert_currency=False,
            progress_bar=False,
        )
        ratios = toolkit.ratios
        tables = (
            ratios.collect_liquidity_ratios(),
            ratios.collect_profitability_ratios(),
            ratios.collect_efficiency_ratios(),
        )
        runs.append(time.perf_counter() - started)
        non_nan = int(sum(table.notna().sum().sum() for table in tables))

    print(json.dumps({
        "versions": f"financetoolkit {importlib.metadata.version('financetoolkit')}, "
                    f"pandas {pd.__version__}, python {sys.version.split()[0]}",
        "median_s": statistics.median(runs),
        "runs_s": runs,
        "read_s": read_s,
        "companies": len(companies),
        "years": len(years),
        "non_nan_cells": non_nan,
    }))


if __name__ == "__main__":
    main()
