//! Placeholder until issue 4.
