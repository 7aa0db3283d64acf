//! Political events: who did what to whom, coded in CAMEO (with root, quad class,
//! Goldstein score) and PLOVER, from verb patterns over the body sentences.

pub mod cameo;

use crate::dates::calendar::Date;
use crate::dates::DateMention;
use crate::entities::Entity;
use crate::lexicon::Lexicon;
use crate::text::Sentence;

/// One coded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the body sentence (the `sentence` column).
    pub sentence: usize,
    pub source: Option<String>,
    pub source_agent: Option<String>,
    pub source_text: Option<String>,
    pub target: Option<String>,
    pub target_agent: Option<String>,
    pub target_text: Option<String>,
    /// CAMEO code, 2-4 digits.
    pub code: String,
    pub date: Option<Date>,
    pub location: Option<String>,
}

/// Code the events of the body sentences.
pub fn code(
    _text: &str,
    _sentences: &[Sentence],
    _entities: &[Entity],
    _dates: &[DateMention],
    _published: Option<Date>,
    _lex: &Lexicon,
) -> Vec<Event> {
    Vec::new()
}
