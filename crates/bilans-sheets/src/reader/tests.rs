//! Tests of the safe reader.
