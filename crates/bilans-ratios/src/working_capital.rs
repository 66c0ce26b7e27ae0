//! Working-capital management (seed 002), being written.
