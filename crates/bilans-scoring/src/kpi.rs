//! Seed module `kpi` (being written).
