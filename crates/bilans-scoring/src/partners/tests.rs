//! Unit tests of the partners module.
