//! Integration tests: working_capital.
