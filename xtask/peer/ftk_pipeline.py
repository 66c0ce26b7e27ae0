"""The peer's whole job, as a Python user would do it: `cargo xtask bench` runs it beside
`bilans analyse PANEL.xlsx --panel -o OUT.xlsx`, one process per run, on the same panel.

Usage: PYTHON ftk_pipeline.py PANEL.xlsx OUT.xlsx
(PYTHON has financetoolkit, pandas, python-calamine and xlsxwriter:
python3 -m venv /tmp/ftk && /tmp/ftk/bin/pip install financetoolkit python-calamine xlsxwriter)

1. read: pandas reads the long table the bench generator writes (A1 the unit, row 2 the
   header `Company | Year | Total assets | ...`, then one row per company and year) with
   python-calamine;
2. frames: each bilans line item goes to FinanceToolkit's generic statement rows (every
   other row NaN, an all-NaN cash-flow statement, so nothing is downloaded);
3. ratios: Toolkit(...) + collect_liquidity_ratios() + collect_profitability_ratios()
   + collect_efficiency_ratios(), offline;
4. write: pandas writes the three tables to OUT.xlsx with xlsxwriter (plain values).

Prints one JSON object: the versions, each stage's seconds, the seconds spent importing
the Python modules, the panel's size, the ratio cells written and how many are not NaN.
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import importlib.metadata  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402
from importlib import resources  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from financetoolkit import Toolkit  # noqa: E402

IMPORTED = time.perf_counter()

warnings.filterwarnings("ignore")
logging.getLogger("financetoolkit").setLevel(logging.WARNING)

# The generator's header labels -> FinanceToolkit's generic rows.
BALANCE = {
    "Total assets": ["Total Assets"],
    "Fixed assets": ["Fixed Assets"],
    "Current assets": ["Total Current Assets"],
    "Inventories": ["Inventory"],
    "Receivables": ["Accounts Receivable", "Net Receivables"],
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


def statement(table, mapping, rows, companies, years, zero=()):
    """One FinanceToolkit statement frame: (company, generic row) x year-end dates."""
    data = np.full((len(companies), len(rows), len(years)), np.nan)
    position = {row: index for index, row in enumerate(rows)}
    for label, targets in mapping.items():
        if label not in table.columns:
            continue
        values = (
            table.pivot(index="Company", columns="Year", values=label)
            .reindex(index=companies, columns=years)
            .to_numpy(dtype=float)
        )
        for target in targets:
            if target in position:
                data[:, position[target], :] = values
    for target in zero:
        if target in position:
            data[:, position[target], :] = 0.0
    index = pd.MultiIndex.from_product([companies, rows])
    columns = [f"{year}-12-31" for year in years]
    return pd.DataFrame(
        data.reshape(len(companies) * len(rows), len(years)), index=index, columns=columns
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("panel")
    parser.add_argument("out")
    args = parser.parse_args()

    t0 = time.perf_counter()
    table = pd.read_excel(args.panel, sheet_name=0, header=1, engine="calamine")
    t1 = time.perf_counter()
    companies = list(dict.fromkeys(table["Company"]))
    years = sorted({int(year) for year in table["Year"]})
    balance = statement(
        table, BALANCE, generic_rows("balance"), companies, years, zero=["Short Term Investments"]
    )
    income = statement(table, INCOME, generic_rows("income"), companies, years)
    cash = statement(table, {}, generic_rows("cash"), companies, years)
    t2 = time.perf_counter()
    toolkit = Toolkit(
        tickers=companies,
        api_key="",
        balance=balance,
        income=income,
        cash=cash,
        start_date=f"{years[0]}-01-01",
        end_date=f"{years[-1]}-12-31",
        use_cached_data=False,
        benchmark_ticker=None,
        sleep_timer=False,
        convert_currency=False,
        progress_bar=False,
    )
    tables = [
        toolkit.ratios.collect_liquidity_ratios(),
        toolkit.ratios.collect_profitability_ratios(),
        toolkit.ratios.collect_efficiency_ratios(),
    ]
    t3 = time.perf_counter()
    with pd.ExcelWriter(args.out, engine="xlsxwriter") as writer:
        for name, ratios in zip(["Liquidity", "Profitability", "Efficiency"], tables):
            ratios.to_excel(writer, sheet_name=name)
    t4 = time.perf_counter()

    print(json.dumps({
        "versions": f"financetoolkit {importlib.metadata.version('financetoolkit')}, "
                    f"pandas {pd.__version__}, "
                    f"python-calamine {importlib.metadata.version('python-calamine')}, "
                    f"xlsxwriter {importlib.metadata.version('xlsxwriter')}, "
                    f"python {sys.version.split()[0]}",
        "imports_s": IMPORTED - STARTED,
        "read_s": t1 - t0,
        "frames_s": t2 - t1,
        "ratios_s": t3 - t2,
        "write_s": t4 - t3,
        "total_s": t4 - t0,
        "companies": len(companies),
        "years": len(years),
        "cells_written": int(sum(ratios.size for ratios in tables)),
        "non_nan_cells": int(sum(ratios.notna().sum().sum() for ratios in tables)),
    }))


if __name__ == "__main__":
    main()
