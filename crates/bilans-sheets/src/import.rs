//! Workbook support for `import` (being written).
