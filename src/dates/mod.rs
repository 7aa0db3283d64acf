//! Temporal expressions: absolute dates in every common order and spelling, and relative
//! ones (`on Saturday`, `last month`) resolved against the publication date. Durations,
//! vague spans and clock times alone are not dates.

pub mod calendar;

use crate::article::Article;
use crate::text::Sentence;
use calendar::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// ISO value ("2020-01-03", "2021-04", "2020", "2021-W07"); `None` when unresolved.
    pub value: Option<String>,
    pub granularity: Granularity,
    /// Relative to the anchor (`yesterday`, `on Saturday`, `last month`).
    pub relative: bool,
    /// The resolved day, for day-granular values (events use it).
    pub day: Option<Date>,
}

/// Find the temporal expressions of the content sentences.
pub fn find(
    _text: &str,
    _article: &Article,
    _sentences: &[Sentence],
    _anchor: Option<Date>,
) -> Vec<DateMention> {
    Vec::new()
}
