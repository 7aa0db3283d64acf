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

/// A short owned string (a name, an actor code, a title) kept inline up to 24 bytes: an
/// entity or an event holds several, and a heap allocation for each cost more than
/// building them (a third of the pipeline's allocations).
pub type Name = compact_str::CompactString;

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

/// `from` plus the number of `items[from..]` for which `before` holds (it holds for a prefix
/// of them): a galloping search from `from`. Where look-ups come in text order, each near the
/// last, this reads a few items next to the last answer; a binary search over all the
/// remaining items of a long document missed the cache at every step.
pub fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let from = from.min(items.len());
    let rest = &items[from..];
    let mut hi = 1;
    while hi <= rest.len() && before(&rest[hi - 1]) {
        hi *= 2;
    }
    // `before` holds up to `lo` (checked on the last round) and fails at `hi - 1` or past the end
    let lo = hi / 2;
    let hi = hi.min(rest.len());
    from + lo + rest[lo..hi].partition_point(before)
}

/// The span of `text[a..b]` as `str::trim` leaves it (`a >= b` when nothing is left). An
/// ASCII byte that is not white space at either end needs no trim (the usual case: a line
/// opens with a letter and closes with a stop); anything else takes the char-wise trims.
pub fn trim_span(text: &str, a: usize, b: usize) -> (usize, usize) {
    let seg = &text[a..b];
    let solid =
        |c: Option<&u8>| c.is_some_and(|c| c.is_ascii() && !matches!(c, b'\t'..=b'\r' | b' '));
    let lead = match solid(seg.as_bytes().first()) {
        true => 0,
        false => seg.len() - seg.trim_start().len(),
    };
    let trail = match solid(seg.as_bytes().last()) {
        true => 0,
        false => seg.len() - seg.trim_end().len(),
    };
    (a + lead, b - trail)
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
