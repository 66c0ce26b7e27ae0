//! Workbook support for `kpi` (being written).
