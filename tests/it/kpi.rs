//! Integration tests: kpi.
