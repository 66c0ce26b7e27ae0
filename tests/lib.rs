//! Support crate for the integration tests in `it/`; it holds no code of its own.
