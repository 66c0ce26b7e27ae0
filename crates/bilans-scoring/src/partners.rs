//! Seed module `partners` (being written).
