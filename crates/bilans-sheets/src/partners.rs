//! Workbook support for `partners` (being written).
