//! Workbook support for `working_capital` (being written).
