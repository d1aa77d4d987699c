//! Deadlines: the rule grammar ([`parse`]) and the arithmetic of the Civil Code, arts. 190–194,
//! on the production calendar ([`crate::calendar`]).

mod compute;
mod due;
mod parse;

pub use compute::{ART_193, CalendarStatus, Computed, From, compute, compute_all};
pub use due::Due;
pub use parse::{ParseError, ParseErrorKind, Rule, normalize, parse};
