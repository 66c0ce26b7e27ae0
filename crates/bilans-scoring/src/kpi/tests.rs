//! Unit tests of KPI cards.
