//! Numbers that count or measure something: value as a float and the counted thing.
//! Years, dates, times, ordinals and numbers inside names and codes are not amounts.

use crate::article::Article;
use crate::dates::DateMention;
use crate::text::Sentence;

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Head noun of the counted thing, `%`, or a currency code.
    pub unit: Option<String>,
}

pub fn find(
    _text: &str,
    _article: &Article,
    _sentences: &[Sentence],
    _dates: &[DateMention],
) -> Vec<Amount> {
    Vec::new()
}
