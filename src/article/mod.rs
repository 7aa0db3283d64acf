//! Article structure: which lines are header, headline, body, captions, credits, keyword
//! tags or boilerplate; the headline, publication date, dateline and credited sources.
//! It works line by line from the shape of each line (and the outlet lexicon); it never
//! takes a publication date from the body, and a one-line article gets no headline.

pub mod boilerplate;
pub mod dateline;
pub mod header;
pub mod sources;
pub mod title;

use crate::dates::calendar::Date;
use crate::lexicon::Lexicon;
use crate::text::{floor_boundary as floor, Span};
use header::HeaderLine;

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
        matches!(
            self,
            RegionKind::Body | RegionKind::Caption | RegionKind::Title
        )
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

/// What one line was judged to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    Text,
    Title,
    Header,
    Boilerplate,
    Licence,
    Tags,
    Credit,
    /// A photo caption; the credit closing it starts at this byte offset, if any.
    Caption(Option<usize>),
}

/// Non-empty lines as trimmed byte spans.
fn split_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let t = piece.trim();
        if !t.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            out.push(Span::new(start + lead, start + lead + t.len()));
        }
        start += piece.len();
    }
    out
}

/// Read the structure of one article.
pub fn analyze(text: &str, lex: &Lexicon) -> Article {
    let lines = split_lines(text);
    let n = lines.len();
    let mut kinds = vec![Line::Text; n];
    let s = |i: usize| lines[i].slice(text);

    // 1. lines that are never running text, wherever they stand
    let mut i = 0;
    while i < n {
        let l = s(i);
        if i > 0 && boilerplate::is_about_heading(l) && i * 2 >= n {
            // the site's self-description runs to the end
            kinds[i..].iter_mut().for_each(|k| *k = Line::Boilerplate);
            break;
        }
        if i > 0 && boilerplate::is_related_heading(l) {
            kinds[i] = Line::Boilerplate;
            // links to other stories: short lines without a final full stop
            while i + 1 < n && s(i + 1).split_whitespace().count() <= 25 && !s(i + 1).ends_with('.')
            {
                i += 1;
                kinds[i] = Line::Boilerplate;
            }
        } else if boilerplate::is_boilerplate(l) {
            kinds[i] = if boilerplate::is_licence(l) {
                Line::Licence
            } else {
                Line::Boilerplate
            };
        } else if boilerplate::is_tags(l) {
            kinds[i] = Line::Tags;
        } else if let Some(c) = boilerplate::credit(lex, l) {
            kinds[i] = Line::Credit;
            // a photo credit on its own line closes the caption above it
            if c == boilerplate::Credit::Photo
                && i > 0
                && kinds[i - 1] == Line::Text
                && !s(i - 1).ends_with(':')
            {
                kinds[i - 1] = Line::Caption(None);
            }
        } else if let Some(k) = boilerplate::credit_suffix(lex, l) {
            kinds[i] = Line::Caption(Some(k));
        }
        i += 1;
    }
    // a credit suffix on the last text line credits the article, not a photo
    if let Some(last) = (0..n)
        .rev()
        .find(|&j| matches!(kinds[j], Line::Text | Line::Caption(_)))
    {
        if let Line::Caption(Some(_)) = kinds[last] {
            if !(0..last).any(|j| kinds[j] == Line::Text) {
                // only captions: keep as is
            } else {
                kinds[last] = Line::Text;
            }
        }
    }

    // 2. the top: chrome and stamps, the headline (and its repeat), until the first body line
    let mut title: Option<usize> = None;
    let mut stamp: Option<(Date, bool)> = None;
    let mut body_first: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if kinds[i] != Line::Text {
            i += 1;
            continue;
        }
        let l = s(i);
        if let Some(h) = header::classify(l) {
            kinds[i] = Line::Header;
            if let HeaderLine::Stamp {
                date: Some(d),
                updated,
            } = h
            {
                // a "published" stamp beats an "updated" one; the first of each wins
                if stamp.map_or(true, |(_, u)| u && !updated) {
                    stamp = Some((d, updated));
                }
            }
            i += 1;
            continue;
        }
        let text_after = (i + 1..n).any(|j| kinds[j] == Line::Text);
        if title.is_none()
            && text_after
            && title::is_title_like(l)
            && dateline::find(lex, l, 0).is_none()
        {
            title = Some(i);
            kinds[i] = Line::Title;
            i += 1;
            // a repeat of the headline
            while i < n && (s(i) == l || !matches!(kinds[i], Line::Text)) {
                if s(i) == l {
                    kinds[i] = Line::Title;
                }
                i += 1;
            }
            continue;
        }
        // a section label above the headline ("Politics", "Middle East")
        if title.is_none()
            && text_after
            && l.split_whitespace().count() <= 3
            && !l.ends_with(['.', '?', '!', ':'])
        {
            let next = (i + 1..n).find(|&j| kinds[j] == Line::Text);
            if next.is_some_and(|j| title::is_title_like(s(j))) {
                kinds[i] = Line::Header;
                i += 1;
                continue;
            }
        }
        body_first = Some(i);
        break;
    }

    // 3. the first body line: a stamp glued to its start, then the dateline
    let mut regions: Vec<Region> = Vec::new();
    let mut licences: Vec<Span> = Vec::new();
    let mut dl: Option<dateline::Dateline> = None;
    let mut body_line_start: Option<(usize, usize)> = None; // (line, byte where its body starts)
    if let Some(b) = body_first {
        let span = lines[b];
        let mut start = span.start;
        if let Some((d, end)) = header::leading_stamp(s(b)) {
            if stamp.is_none() {
                stamp = Some((d, false));
            }
            regions.push(Region {
                start: span.start,
                end: span.start + end,
                kind: RegionKind::Header,
            });
            let rest = &text[span.start + end..span.end];
            start = span.end - rest.trim_start().len();
        }
        dl = dateline::find(lex, &text[start..span.end], start);
        body_line_start = Some((b, start));
    }
    let published = stamp.map(|(d, _)| d).or(dl.as_ref().and_then(|d| d.date));

    // 4. a licence sentence glued to the end of the last body line
    let last_text = (0..n).rev().find(|&j| kinds[j] == Line::Text);
    let mut licence_tail: Option<usize> = None;
    if let Some(j) = last_text {
        if let Some(k) = boilerplate::licence_tail(s(j)) {
            licence_tail = Some(lines[j].start + k);
        }
    }

    // 5. regions in text order
    for (j, span) in lines.iter().enumerate() {
        let span = *span;
        let push = |regions: &mut Vec<Region>, a: usize, b: usize, kind| {
            let seg = &text[a..b];
            let a2 = a + (seg.len() - seg.trim_start().len());
            let b2 = b - (seg.len() - seg.trim_end().len());
            if a2 < b2 {
                regions.push(Region {
                    start: a2,
                    end: b2,
                    kind,
                });
            }
        };
        match kinds[j] {
            Line::Text => {
                let mut a = span.start;
                if let Some((bl, st)) = body_line_start {
                    if bl == j {
                        a = st;
                    }
                }
                let kind = if body_first.is_some_and(|b| j >= b) {
                    RegionKind::Body
                } else {
                    RegionKind::Header
                };
                match licence_tail.filter(|&t| span.start < t && t < span.end) {
                    Some(t) => {
                        push(&mut regions, a, t, kind);
                        push(&mut regions, t, span.end, RegionKind::Boilerplate);
                        licences.push(Span::new(t, span.end));
                    }
                    None => push(&mut regions, a, span.end, kind),
                }
            }
            Line::Title => push(&mut regions, span.start, span.end, RegionKind::Title),
            Line::Header => push(&mut regions, span.start, span.end, RegionKind::Header),
            Line::Boilerplate => push(&mut regions, span.start, span.end, RegionKind::Boilerplate),
            Line::Licence => {
                push(&mut regions, span.start, span.end, RegionKind::Boilerplate);
                licences.push(span);
            }
            Line::Tags => push(&mut regions, span.start, span.end, RegionKind::Tags),
            Line::Credit => push(&mut regions, span.start, span.end, RegionKind::Credit),
            Line::Caption(None) => push(&mut regions, span.start, span.end, RegionKind::Caption),
            Line::Caption(Some(k)) => {
                push(
                    &mut regions,
                    span.start,
                    span.start + k,
                    RegionKind::Caption,
                );
                push(&mut regions, span.start + k, span.end, RegionKind::Credit);
            }
        }
    }
    // a body line whose only text was the stamp leaves a Header region before it
    regions.sort_by_key(|r| r.start);

    let sources = sources::find(text, &regions, &licences, dl.as_ref(), lex);
    let body_start = regions
        .iter()
        .find(|r| r.kind == RegionKind::Body)
        .map_or(0, |r| r.start);
    Article {
        title: title.map(|t| lines[t]),
        published,
        dateline: dl.as_ref().map(|d| d.place),
        sources,
        body_start,
        regions,
    }
}
