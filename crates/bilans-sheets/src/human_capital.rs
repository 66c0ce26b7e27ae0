//! Workbook support for `human_capital` (being written).
