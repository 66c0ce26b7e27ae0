//! Seed module `human_capital` (being written).
