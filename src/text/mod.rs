//! Text utilities shared by every stage: byte spans, byte -> code-point offsets, sentence
//! segmentation. Stages work in byte offsets on the original text; `table` converts to the
//! code-point offsets Python sees, once per document.

pub mod byte_class;
pub mod hash;
pub mod offsets;
pub mod segment;
#[cfg(test)]
pub mod testgen;

pub use segment::{segment, Sentence};

/// A half-open byte range `[start, end)` of the document text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Snap a byte index down to the nearest char boundary (never panics on any index).
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
