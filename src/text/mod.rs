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

/// The span of `text[a..b]` as `str::trim` leaves it (`a >= b` when nothing is left).
/// ASCII white space is cut at byte speed; the char-wise trims run only when a char beyond
/// ASCII (maybe a Unicode space) is left at an end. Most lines and sentences open with a
/// letter and close with a stop: two byte tests.
#[inline]
pub fn trim_span(text: &str, a: usize, b: usize) -> (usize, usize) {
    let ws = |c: &u8| matches!(c, b' ' | b'\t'..=b'\r');
    let seg = &text.as_bytes()[a..b];
    let lead = seg.iter().position(|c| !ws(c)).unwrap_or(seg.len());
    let end = seg.iter().rposition(|c| !ws(c)).map_or(lead, |k| k + 1);
    // both ends are on char boundaries: only ASCII bytes were cut
    let (x, y) = (a + lead, a + end);
    let t = &text[x..y];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => {
            let head = t.trim_start();
            let x2 = x + (t.len() - head.len());
            (x2, x2 + head.trim_end().len())
        }
        _ => (x, y),
    }
}

/// `s.trim()`, by `trim_span`: the usual text, solid ASCII at both ends, costs two byte tests.
#[inline]
pub fn trim(s: &str) -> &str {
    let (a, b) = trim_span(s, 0, s.len());
    &s[a..b.max(a)]
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
