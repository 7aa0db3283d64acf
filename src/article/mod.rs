//! Article structure: which lines are header, headline, body, captions, credits, keyword
//! tags or boilerplate; the headline, publication date, dateline and credited sources.

use crate::dates::calendar::Date;
use crate::lexicon::Lexicon;
use crate::text::Span;

/// What a stretch of the document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// Header lines: ids, "Published: ...", a lone date line, site chrome before the headline.
    Header,
    /// The headline (and a repeat of it).
    Title,
    /// Running text of the article.
    Body,
    /// A photo caption (read for entities and dates, not for events).
    Caption,
    /// A credit line (`AFP/Al Arabiya`, `NAME/AFP/Getty Images`).
    Credit,
    /// A keyword tag line (`iran, military, border`).
    Tags,
    /// Captcha, share buttons, licence lines, "About <site>" blurbs.
    Boilerplate,
}

impl RegionKind {
    /// Regions later stages read (entities, dates, amounts; quotes and events read Body only).
    pub fn is_content(self) -> bool {
        matches!(self, RegionKind::Body | RegionKind::Caption | RegionKind::Title)
    }
}

/// A region of the document: a byte span with its kind. Regions are in text order and do
/// not overlap; text not covered by any region is whitespace or markup between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start: usize,
    pub end: usize,
    pub kind: RegionKind,
}

impl Region {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Document-level facts of one article.
#[derive(Clone, Debug, Default)]
pub struct Article {
    pub title: Option<Span>,
    /// Publication date stated in the text (header or dateline), not the caller's anchor.
    pub published: Option<Date>,
    pub dateline: Option<Span>,
    /// Outlets and agencies credited or cited, as written, deduplicated, in order.
    pub sources: Vec<String>,
    /// Byte offset where the body's first sentence starts.
    pub body_start: usize,
    pub regions: Vec<Region>,
}

/// Read the structure of one article.
pub fn analyze(text: &str, _lex: &Lexicon) -> Article {
    let trimmed = text.trim_start();
    let start = text.len() - trimmed.len();
    let end = start + trimmed.trim_end().len();
    let regions = if start < end {
        vec![Region { start, end, kind: RegionKind::Body }]
    } else {
        Vec::new()
    };
    Article { body_start: start, regions, ..Article::default() }
}
