//! Integration tests: dupont.
