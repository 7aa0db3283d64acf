//! Quotations and who said them: every quote-mark style, partial quotes, quotes spanning
//! paragraphs; speakers resolved to the canonical names of the entities stage.

use crate::article::Article;
use crate::entities::Entity;
use crate::lexicon::Lexicon;
use crate::text::Sentence;

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted text, without the marks.
    pub start: usize,
    pub end: usize,
    /// A fragment inside a sentence rather than a quoted statement.
    pub partial: bool,
    /// Canonical name, or the noun phrase for an unnamed speaker; `None` if unattributed.
    pub speaker: Option<String>,
    /// The attributing mention.
    pub speaker_span: Option<(usize, usize)>,
    /// The speech verb ("said", "told", "quoted ... as saying").
    pub verb: Option<String>,
}

pub fn find(
    _text: &str,
    _article: &Article,
    _sentences: &[Sentence],
    _entities: &[Entity],
    _lex: &Lexicon,
) -> Vec<Quote> {
    Vec::new()
}
