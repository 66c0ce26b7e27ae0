//! Integration tests: analyse.
