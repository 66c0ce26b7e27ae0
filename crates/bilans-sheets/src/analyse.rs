//! Workbook support for `analyse` (being written).
