//! Many extractions -> one vector per column per table, offsets in code points.
//! Python receives these columns and builds each DataFrame once.

use crate::dates::calendar::Date;
use crate::events::cameo;
use crate::pipeline::Extraction;
use crate::text::offsets::CharOffsets;
use std::borrow::Cow;

/// `published` and event dates travel as days since 1970-01-01; this marks "none" (it is
/// numpy's NaT for datetime64).
pub const NO_DATE: i64 = i64::MIN;

/// A text column: every cell's bytes in one buffer and a length per cell. Why not a
/// `String` per cell: half a million cells per 20 MB of news each cost an allocation, a
/// free and a 24-byte slot, and moving them between batches touched every one (measured:
/// 20% of the pipeline's time went to building, merging and dropping the tables). Why a
/// length and not a span: 4 bytes a cell instead of 16 (some 60 MB less at the peak of a
/// 50 MB parse), and columns append without shifting offsets; cells are read in order.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct StrColumn {
    buf: String,
    /// Each cell's length in bytes, `NULL` for a missing value.
    lens: Vec<u32>,
}

/// The length of a missing value.
const NULL: u32 = u32::MAX;

impl StrColumn {
    #[inline]
    pub fn push(&mut self, s: &str) {
        match u32::try_from(s.len()) {
            Ok(n) if n != NULL => {
                self.buf.push_str(s);
                self.lens.push(n);
            }
            _ => self.push_cut(s),
        }
    }

    /// A cell of 4 GiB or more, cut to fit. A cell is at most one line or name of one
    /// document, so this would need a larger document than Python can pass in.
    #[cold]
    fn push_cut(&mut self, s: &str) {
        let mut n = NULL as usize - 1;
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        self.push(&s[..n]);
    }

    #[inline]
    pub fn push_opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.push(s),
            None => self.lens.push(NULL),
        }
    }

    /// Cells in order.
    pub fn extend<'s>(&mut self, cells: impl Iterator<Item = Option<&'s str>>) {
        for c in cells {
            self.push_opt(c);
        }
    }

    /// A date as `yyyy-mm-dd` (`None` for a missing value), written in place.
    pub fn push_date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => {
                let at = self.buf.len();
                d.push_iso(&mut self.buf);
                self.lens.push((self.buf.len() - at) as u32);
            }
            None => self.lens.push(NULL),
        }
    }

    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Room for `cells` more cells holding `bytes` more bytes in all.
    pub fn reserve(&mut self, cells: usize, bytes: usize) {
        self.lens.reserve(cells);
        self.buf.reserve(bytes);
    }

    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// Cell `i` (None for a missing value); a walk over the cells before it.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.iter().nth(i).flatten()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<&str>> + '_ {
        let mut at = 0usize;
        self.lens.iter().map(move |&n| {
            if n == NULL {
                return None;
            }
            let cell = self.buf.get(at..at + n as usize);
            at += n as usize;
            cell
        })
    }

    /// Move `other`'s cells after these (`Vec::append`'s contract: `other` is left empty).
    fn append(&mut self, other: &mut StrColumn) {
        let other = std::mem::take(other);
        if self.lens.is_empty() && self.buf.capacity() < other.buf.len() {
            *self = other;
            return;
        }
        self.buf.push_str(&other.buf);
        self.lens.extend_from_slice(&other.lens);
    }
}

/// One text cell as the Python side reads it: its UTF-8 bytes, hashed and compared, and its
/// text, read only for a new Python string.
pub trait Cell<'a>: Copy {
    fn bytes(self) -> &'a [u8];
    fn text(self) -> Cow<'a, str>;
}

impl<'a> Cell<'a> for &'a str {
    fn bytes(self) -> &'a [u8] {
        self.as_bytes()
    }
    fn text(self) -> Cow<'a, str> {
        Cow::Borrowed(self)
    }
}

/// A cell of a `StrColumn`: the bytes of one whole `str` (checked once, for a new Python
/// string, rather than for a char boundary at both ends of every cell read).
impl<'a> Cell<'a> for &'a [u8] {
    fn bytes(self) -> &'a [u8] {
        self
    }
    fn text(self) -> Cow<'a, str> {
        String::from_utf8_lossy(self)
    }
}

/// A text column's cells in order, `None` for a missing value: what the Python side reads
/// from a copied column and a column of slices alike.
pub trait Cells {
    type Cell<'c>: Cell<'c>
    where
        Self: 'c;
    fn n_cells(&self) -> usize;
    fn cells(&self) -> impl Iterator<Item = Option<Self::Cell<'_>>>;
}

impl Cells for StrColumn {
    type Cell<'c> = &'c [u8];
    fn n_cells(&self) -> usize {
        self.lens.len()
    }
    fn cells(&self) -> impl Iterator<Item = Option<&[u8]>> {
        let buf = self.buf.as_bytes();
        let mut at = 0usize;
        self.lens.iter().map(move |&n| {
            if n == NULL {
                return None;
            }
            let cell = buf.get(at..at + n as usize);
            at += n as usize;
            cell
        })
    }
}

impl Cells for Vec<&str> {
    type Cell<'c>
        = &'c str
    where
        Self: 'c;
    fn n_cells(&self) -> usize {
        self.len()
    }
    fn cells(&self) -> impl Iterator<Item = Option<&str>> {
        self.iter().map(|s| Some(*s))
    }
}

#[derive(Default, Debug)]
pub struct ArticleColumns {
    pub doc_id: Vec<i64>,
    pub title: StrColumn,
    pub published: Vec<i64>,
    pub dateline: StrColumn,
    pub sources: Vec<Vec<String>>,
    pub body_start: Vec<i64>,
    pub n_chars: Vec<i64>,
    pub n_sentences: Vec<i64>,
    pub error: StrColumn,
}

#[derive(Default, Debug)]
pub struct SentenceColumns {
    pub doc_id: Vec<i64>,
    pub sentence: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
}

#[derive(Default, Debug)]
pub struct EntityColumns<'a> {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    /// A slice of the document (the input outlives the tables: no copy).
    pub text: Vec<&'a str>,
    pub kind: Vec<&'static str>,
    pub canonical: StrColumn,
    pub code: StrColumn,
    pub title: StrColumn,
}

#[derive(Default, Debug)]
pub struct QuoteColumns<'a> {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    /// A slice of the document (the input outlives the tables: no copy).
    pub text: Vec<&'a str>,
    pub speaker: StrColumn,
    pub speaker_start: Vec<i64>,
    pub speaker_end: Vec<i64>,
    pub verb: StrColumn,
    pub partial: Vec<bool>,
}

#[derive(Default, Debug)]
pub struct DateColumns<'a> {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    /// A slice of the document (the input outlives the tables: no copy).
    pub text: Vec<&'a str>,
    pub value: StrColumn,
    pub granularity: Vec<&'static str>,
    pub relative: Vec<bool>,
}

#[derive(Default, Debug)]
pub struct AmountColumns<'a> {
    pub doc_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    /// A slice of the document (the input outlives the tables: no copy).
    pub text: Vec<&'a str>,
    pub value: Vec<f64>,
    pub unit: StrColumn,
}

#[derive(Default, Debug)]
pub struct EventColumns<'a> {
    pub doc_id: Vec<i64>,
    pub sentence: Vec<i64>,
    pub source: StrColumn,
    pub source_agent: StrColumn,
    pub source_text: StrColumn,
    pub target: StrColumn,
    pub target_agent: StrColumn,
    pub target_text: StrColumn,
    pub code: StrColumn,
    pub root: StrColumn,
    pub plover: StrColumn,
    pub quad_class: Vec<i64>,
    pub goldstein: Vec<f64>,
    /// ISO day or None.
    pub date: StrColumn,
    pub location: StrColumn,
    /// A slice of the document (the input outlives the tables: no copy).
    pub text: Vec<&'a str>,
}

/// The seven tables as columns.
#[derive(Default, Debug)]
pub struct Tables<'a> {
    pub articles: ArticleColumns,
    pub sentences: SentenceColumns,
    pub entities: EntityColumns<'a>,
    pub quotes: QuoteColumns<'a>,
    pub dates: DateColumns<'a>,
    pub amounts: AmountColumns<'a>,
    pub events: EventColumns<'a>,
}

/// The outcome for one document: its extraction, or why it failed.
pub enum DocResult {
    Ok(Box<Extraction>),
    /// The document could not be processed; the message says why.
    Failed(String),
}

/// Rows and text bytes per column for a chunk's documents (`Tables::reserve_for`).
#[derive(Default)]
struct RowCounts {
    sentences: usize,
    entities: usize,
    canonical: usize,
    code: usize,
    title: usize,
    quotes: usize,
    speaker: usize,
    verb: usize,
    dates: usize,
    value: usize,
    amounts: usize,
    unit: usize,
    events: usize,
    /// source, source_agent, source_text, target, target_agent, target_text, location
    event_text: [usize; 7],
}

fn opt_len(s: Option<&str>) -> usize {
    s.map_or(0, str::len)
}

impl RowCounts {
    /// One walk over the extractions (a walk per column missed the cache on every one).
    fn of(results: &[DocResult]) -> RowCounts {
        let mut n = RowCounts::default();
        for r in results {
            let DocResult::Ok(x) = r else { continue };
            n.sentences += x
                .sentences
                .iter()
                .filter(|s| s.body_index.is_some())
                .count();
            n.entities += x.entities.len();
            for e in &x.entities {
                n.canonical += e.canonical.len();
                n.code += opt_len(e.code.as_deref());
                n.title += opt_len(e.title.as_deref());
            }
            n.quotes += x.quotes.len();
            for q in &x.quotes {
                n.speaker += opt_len(q.speaker.as_deref());
                n.verb += opt_len(q.verb.as_deref());
            }
            n.dates += x.dates.len();
            n.value += x
                .dates
                .iter()
                .map(|d| opt_len(d.value.as_deref()))
                .sum::<usize>();
            n.amounts += x.amounts.len();
            n.unit += x
                .amounts
                .iter()
                .map(|m| opt_len(m.unit.as_deref()))
                .sum::<usize>();
            n.events += x.events.len();
            for e in &x.events {
                let fields = [
                    e.source.as_deref(),
                    e.source_agent.as_deref(),
                    e.source_text.as_deref(),
                    e.target.as_deref(),
                    e.target_agent.as_deref(),
                    e.target_text.as_deref(),
                    e.location.as_deref(),
                ];
                for (total, f) in n.event_text.iter_mut().zip(fields) {
                    *total += opt_len(f);
                }
            }
        }
        n
    }
}

impl<'a> Tables<'a> {
    /// Size every column for these documents' rows before they are pushed: columns grown
    /// one push at a time are copied at each doubling (measured: ~4% of the pipeline's
    /// instructions went to those copies).
    pub fn reserve_for(&mut self, results: &[DocResult]) {
        let c = RowCounts::of(results);
        let a = &mut self.articles;
        let n = results.len();
        for col in [
            &mut a.doc_id,
            &mut a.published,
            &mut a.body_start,
            &mut a.n_chars,
            &mut a.n_sentences,
        ] {
            col.reserve(n);
        }
        a.sources.reserve(n);
        let t = &mut self.sentences;
        for col in [&mut t.doc_id, &mut t.sentence, &mut t.start, &mut t.end] {
            col.reserve(c.sentences);
        }
        let (n, t) = (c.entities, &mut self.entities);
        for col in [&mut t.doc_id, &mut t.start, &mut t.end] {
            col.reserve(n);
        }
        t.text.reserve(n);
        t.kind.reserve(n);
        t.canonical.reserve(n, c.canonical);
        t.code.reserve(n, c.code);
        t.title.reserve(n, c.title);
        let (n, t) = (c.quotes, &mut self.quotes);
        for col in [
            &mut t.doc_id,
            &mut t.start,
            &mut t.end,
            &mut t.speaker_start,
            &mut t.speaker_end,
        ] {
            col.reserve(n);
        }
        t.text.reserve(n);
        t.partial.reserve(n);
        t.speaker.reserve(n, c.speaker);
        t.verb.reserve(n, c.verb);
        let (n, t) = (c.dates, &mut self.dates);
        for col in [&mut t.doc_id, &mut t.start, &mut t.end] {
            col.reserve(n);
        }
        t.text.reserve(n);
        t.granularity.reserve(n);
        t.relative.reserve(n);
        t.value.reserve(n, c.value);
        let (n, t) = (c.amounts, &mut self.amounts);
        for col in [&mut t.doc_id, &mut t.start, &mut t.end] {
            col.reserve(n);
        }
        t.text.reserve(n);
        t.value.reserve(n);
        t.unit.reserve(n, c.unit);
        let (n, t) = (c.events, &mut self.events);
        for col in [&mut t.doc_id, &mut t.sentence, &mut t.quad_class] {
            col.reserve(n);
        }
        t.goldstein.reserve(n);
        t.text.reserve(n);
        let cols = [
            &mut t.source,
            &mut t.source_agent,
            &mut t.source_text,
            &mut t.target,
            &mut t.target_agent,
            &mut t.target_text,
            &mut t.location,
        ];
        for (col, bytes) in cols.into_iter().zip(c.event_text) {
            col.reserve(n, bytes);
        }
        // codes, roots, PLOVER names and ISO days are a few bytes each
        for col in [&mut t.code, &mut t.root, &mut t.plover, &mut t.date] {
            col.reserve(n, 10 * n);
        }
    }

    /// Append one document. `doc_id` is its position in the input; `anchor` is the caller's
    /// publication date, written to `articles.published` when the text states none. Takes
    /// the result by value: its strings move into the columns (no copy, no free).
    pub fn push(
        &mut self,
        doc_id: i64,
        text: &'a str,
        anchor: Option<Date>,
        result: DocResult,
        note: Option<String>,
    ) {
        let map = CharOffsets::new(text);
        let c = |b: usize| map.char_of(b);
        let ex = match result {
            DocResult::Ok(ex) => ex,
            DocResult::Failed(msg) => {
                let a = &mut self.articles;
                a.doc_id.push(doc_id);
                a.title.push_opt(None);
                a.published.push(anchor.map_or(NO_DATE, Date::to_days));
                a.dateline.push_opt(None);
                a.sources.push(Vec::new());
                a.body_start.push(0);
                a.n_chars.push(c(text.len()));
                a.n_sentences.push(0);
                a.error.push(&msg);
                return;
            }
        };

        let ex = *ex;
        // sized at once (a filtered `collect` grows from a guess)
        let mut body = Vec::with_capacity(ex.sentences.len());
        body.extend(ex.sentences.iter().filter(|s| s.body_index.is_some()));
        {
            let a = &mut self.articles;
            let art = ex.article;
            a.doc_id.push(doc_id);
            a.title.push_opt(art.title.map(|s| &text[s.start..s.end]));
            a.published
                .push(art.published.or(anchor).map_or(NO_DATE, Date::to_days));
            a.dateline
                .push_opt(art.dateline.map(|s| &text[s.start..s.end]));
            a.sources.push(art.sources);
            a.body_start.push(c(art.body_start));
            a.n_chars.push(c(text.len()));
            a.n_sentences.push(body.len() as i64);
            a.error.push_opt(note.as_deref());
        }
        // Each table is written a column at a time: `extend` over a slice's items reserves
        // once and writes without the length and capacity checks of a `push` per cell (rows
        // pushed one by one cost ~200 instructions each in checks alone). The offsets are
        // still asked in text order within a column, as `CharOffsets` wants.
        // (a table without rows is skipped: a short document has none in most, and the
        // `extend` calls of a table cost ~40 instructions each, not inlined, even when empty)
        let same_doc = |n: usize| std::iter::repeat(doc_id).take(n);
        if !body.is_empty() {
            let t = &mut self.sentences;
            t.doc_id.extend(same_doc(body.len()));
            t.sentence
                .extend(body.iter().map(|s| s.body_index.unwrap_or(0) as i64));
            t.start.extend(body.iter().map(|s| c(s.start)));
            t.end.extend(body.iter().map(|s| c(s.end)));
        }
        if !ex.entities.is_empty() {
            let (t, rows) = (&mut self.entities, &ex.entities);
            t.doc_id.extend(same_doc(rows.len()));
            t.start.extend(rows.iter().map(|e| c(e.start)));
            t.end.extend(rows.iter().map(|e| c(e.end)));
            t.text.extend(rows.iter().map(|e| &text[e.start..e.end]));
            t.kind.extend(rows.iter().map(|e| e.kind.as_str()));
            t.canonical
                .extend(rows.iter().map(|e| Some(e.canonical.as_str())));
            t.code.extend(rows.iter().map(|e| e.code.as_deref()));
            t.title.extend(rows.iter().map(|e| e.title.as_deref()));
        }
        if !ex.quotes.is_empty() {
            let (t, rows) = (&mut self.quotes, &ex.quotes);
            t.doc_id.extend(same_doc(rows.len()));
            t.start.extend(rows.iter().map(|q| c(q.start)));
            t.end.extend(rows.iter().map(|q| c(q.end)));
            t.text.extend(rows.iter().map(|q| &text[q.start..q.end]));
            t.speaker.extend(rows.iter().map(|q| q.speaker.as_deref()));
            t.speaker_start
                .extend(rows.iter().map(|q| q.speaker_span.map_or(-1, |s| c(s.0))));
            t.speaker_end
                .extend(rows.iter().map(|q| q.speaker_span.map_or(-1, |s| c(s.1))));
            t.verb.extend(rows.iter().map(|q| q.verb.as_deref()));
            t.partial.extend(rows.iter().map(|q| q.partial));
        }
        if !ex.dates.is_empty() {
            let (t, rows) = (&mut self.dates, &ex.dates);
            t.doc_id.extend(same_doc(rows.len()));
            t.start.extend(rows.iter().map(|d| c(d.start)));
            t.end.extend(rows.iter().map(|d| c(d.end)));
            t.text.extend(rows.iter().map(|d| &text[d.start..d.end]));
            t.value.extend(rows.iter().map(|d| d.value.as_deref()));
            t.granularity
                .extend(rows.iter().map(|d| d.granularity.as_str()));
            t.relative.extend(rows.iter().map(|d| d.relative));
        }
        if !ex.amounts.is_empty() {
            let (t, rows) = (&mut self.amounts, &ex.amounts);
            t.doc_id.extend(same_doc(rows.len()));
            t.start.extend(rows.iter().map(|m| c(m.start)));
            t.end.extend(rows.iter().map(|m| c(m.end)));
            t.text.extend(rows.iter().map(|m| &text[m.start..m.end]));
            t.value.extend(rows.iter().map(|m| m.value));
            t.unit.extend(rows.iter().map(|m| m.unit.as_deref()));
        }
        for ev in &ex.events {
            let Some(info) = cameo::lookup(&ev.code) else {
                continue;
            };
            // body sentences are numbered in order, so a binary search (a scan per event
            // is quadratic on a long document)
            let Ok(k) = body.binary_search_by_key(&Some(ev.sentence), |s| s.body_index) else {
                continue;
            };
            let sent = body[k];
            let t = &mut self.events;
            t.doc_id.push(doc_id);
            t.sentence.push(ev.sentence as i64);
            t.source.push_opt(ev.source.as_deref());
            t.source_agent.push_opt(ev.source_agent.as_deref());
            t.source_text.push_opt(ev.source_text.as_deref());
            t.target.push_opt(ev.target.as_deref());
            t.target_agent.push_opt(ev.target_agent.as_deref());
            t.target_text.push_opt(ev.target_text.as_deref());
            t.code.push(&ev.code);
            t.root.push(&info.root);
            t.plover.push_opt(info.plover.as_deref());
            t.quad_class.push(info.quad_class as i64);
            t.goldstein.push(info.goldstein);
            t.date.push_date(ev.date);
            t.location.push_opt(ev.location.as_deref());
            t.text.push(&text[sent.start..sent.end]);
        }
    }
}

/// Move another batch's rows after these (columns stay aligned).
trait Append {
    fn append(&mut self, other: Self);
}
impl Append for ArticleColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.title.append(&mut o.title);
        self.published.append(&mut o.published);
        self.dateline.append(&mut o.dateline);
        self.sources.append(&mut o.sources);
        self.body_start.append(&mut o.body_start);
        self.n_chars.append(&mut o.n_chars);
        self.n_sentences.append(&mut o.n_sentences);
        self.error.append(&mut o.error);
    }
}
impl Append for SentenceColumns {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.sentence.append(&mut o.sentence);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
    }
}
impl Append for EntityColumns<'_> {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.kind.append(&mut o.kind);
        self.canonical.append(&mut o.canonical);
        self.code.append(&mut o.code);
        self.title.append(&mut o.title);
    }
}
impl Append for QuoteColumns<'_> {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.speaker.append(&mut o.speaker);
        self.speaker_start.append(&mut o.speaker_start);
        self.speaker_end.append(&mut o.speaker_end);
        self.verb.append(&mut o.verb);
        self.partial.append(&mut o.partial);
    }
}
impl Append for DateColumns<'_> {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.value.append(&mut o.value);
        self.granularity.append(&mut o.granularity);
        self.relative.append(&mut o.relative);
    }
}
impl Append for AmountColumns<'_> {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.start.append(&mut o.start);
        self.end.append(&mut o.end);
        self.text.append(&mut o.text);
        self.value.append(&mut o.value);
        self.unit.append(&mut o.unit);
    }
}
impl Append for EventColumns<'_> {
    fn append(&mut self, mut o: Self) {
        self.doc_id.append(&mut o.doc_id);
        self.sentence.append(&mut o.sentence);
        self.source.append(&mut o.source);
        self.source_agent.append(&mut o.source_agent);
        self.source_text.append(&mut o.source_text);
        self.target.append(&mut o.target);
        self.target_agent.append(&mut o.target_agent);
        self.target_text.append(&mut o.target_text);
        self.code.append(&mut o.code);
        self.root.append(&mut o.root);
        self.plover.append(&mut o.plover);
        self.quad_class.append(&mut o.quad_class);
        self.goldstein.append(&mut o.goldstein);
        self.date.append(&mut o.date);
        self.location.append(&mut o.location);
        self.text.append(&mut o.text);
    }
}

impl<'a> Tables<'a> {
    /// Move another batch's rows after these.
    pub fn append(&mut self, o: Tables<'a>) {
        self.articles.append(o.articles);
        self.sentences.append(o.sentences);
        self.entities.append(o.entities);
        self.quotes.append(o.quotes);
        self.dates.append(o.dates);
        self.amounts.append(o.amounts);
        self.events.append(o.events);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_column_keeps_cells_missing_values_and_order_across_appends() {
        let cells = [
            Some("Tehran"),
            None,
            Some(""),
            Some("Mohammad Javad Zarif"),
            None,
            Some("São Paulo – “quoted”"),
        ];
        let mut a = StrColumn::default();
        let mut b = StrColumn::default();
        for (i, c) in cells.iter().enumerate() {
            let col = if i < 3 { &mut a } else { &mut b };
            col.push_opt(*c);
        }
        assert_eq!(a.len(), 3);
        a.append(&mut b);
        assert!(b.is_empty());
        assert_eq!(a.iter().collect::<Vec<_>>(), cells.to_vec());
        let bytes: Vec<_> = cells.iter().map(|c| c.map(str::as_bytes)).collect();
        assert_eq!(a.cells().collect::<Vec<_>>(), bytes);
        assert_eq!(a.n_cells(), cells.len());
        for (i, c) in cells.iter().enumerate() {
            assert_eq!(a.get(i), *c, "cell {i}");
        }
        assert_eq!(a.get(cells.len()), None);
        // appending to an empty column takes the other's cells as they are
        let mut empty = StrColumn::default();
        empty.append(&mut a.clone());
        assert_eq!(empty, a);
    }
}
