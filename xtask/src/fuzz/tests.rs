//! Tests of the fuzzing harness.
