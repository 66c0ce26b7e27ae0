//! Integration tests: human_capital.
