//! The ratio engine (being written).

pub mod working_capital;
