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
use crate::text::{floor_boundary as floor, trim_span, Span};
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

impl Article {
    /// An article whose whole text is body (no header, headline or boilerplate): for
    /// running one stage on plain text, as tests and crate users do.
    pub fn body_only(text: &str) -> Article {
        Article {
            regions: vec![Region {
                start: 0,
                end: text.len(),
                kind: RegionKind::Body,
            }],
            ..Article::default()
        }
    }
}

impl Region {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The region's text, or `None` when its span does not fit `text` (a later stage must
    /// not panic on a region from another document).
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
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
    /// A credit line, and how it reads (kept for the sources, which read it again).
    Credit(boilerplate::Credit),
    /// A photo caption; the credit closing it starts at this byte offset, if any, and how
    /// that credit reads.
    Caption(Option<(usize, boilerplate::Credit)>),
}

/// Has `s` at most `n` words? (`split_whitespace().count() <= n`, counting no further:
/// a body line may run to hundreds of words.) Eight ASCII bytes at a time: a word starts
/// at a byte that is not white space after one that is; a stretch with a byte beyond ASCII
/// is read char by char.
fn at_most_words(s: &str, n: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let b = s.as_bytes();
    // a word takes a byte, and all but the last a space after it
    if b.len() / 2 < n {
        return true;
    }
    let mut words = 0u32;
    let mut after_space = true;
    let mut i = 0;
    while i < b.len() {
        let chunk = b.get(i..i + 8).and_then(|c| c.try_into().ok());
        match chunk.map(u64::from_le_bytes) {
            Some(w) if w & HIGH == 0 => {
                // per byte, the high bit set when the byte is ' ' or '\t'..='\r'
                let x = w ^ (0x20 * ONES);
                let blank = !((x + 0x7f * ONES) | x) & HIGH;
                let control = (w + (0x80 - 0x09) * ONES) ^ (w + (0x7f - 0x0d) * ONES);
                let space = (blank | control) & HIGH;
                let starts = !space & HIGH & (space << 8 | (after_space as u64) << 7);
                words += starts.count_ones();
                after_space = space >> 63 != 0;
                i += 8;
            }
            _ => {
                // up to the end of the chunk (or of the text), char by char
                let end = (i + 8).min(b.len());
                while i < end {
                    let space = match b[i] {
                        b'\t'..=b'\r' | b' ' => true,
                        0..=0x7F => false,
                        // a continuation byte belongs to the char its lead byte classed
                        0x80..=0xBF => {
                            i += 1;
                            continue;
                        }
                        _ => s[i..].chars().next().is_some_and(char::is_whitespace),
                    };
                    words += (!space && after_space) as u32;
                    after_space = space;
                    i += 1;
                }
            }
        }
        if words as usize > n {
            return false;
        }
    }
    true
}

/// Non-empty lines as trimmed byte spans.
fn split_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(16);
    let mut push = |start: usize, end: usize| {
        let (a, b) = trim_span(text, start, end);
        if a < b {
            out.push(Span::new(a, b));
        }
    };
    // the pieces of `split('\n')` (the break itself would be trimmed), found by memchr
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push(start, nl);
        start = nl + 1;
    }
    if start < text.len() {
        push(start, text.len());
    }
    out
}

/// Per line (`split_lines`), whether it holds one of the sorted byte offsets `hints`.
fn licence_lines(lines: &[Span], hints: &[usize]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut h = hints.iter().peekable();
    for (k, span) in lines.iter().enumerate() {
        while h.next_if(|&&p| p < span.start).is_some() {}
        out[k] = h.peek().is_some_and(|&&p| p < span.end);
    }
    out
}

/// In a one-line article, a headline run on into an all-caps dateline
/// (`Oslo urges calm OSLO (Reuters) - ...`): the headline's span and the dateline.
fn inline_title(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
) -> Option<(Span, dateline::Dateline)> {
    let line = &text[start..end];
    let limit = floor(line, 250);
    // (`memchr_iter`: `match_indices(' ')` called the std searcher again at every space)
    for p in memchr::memchr_iter(b' ', &line.as_bytes()[..limit]) {
        let at = p + 1;
        if !line[at..].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        // a dateline's place starts with its first char, and a lowercase second char puts a
        // lowercase letter in any place read there (refused below): `Geneva`, `Iran`, most
        // capitalised words of a sentence, are ruled out without the dateline's pattern
        if line
            .as_bytes()
            .get(at + 1)
            .is_some_and(u8::is_ascii_lowercase)
        {
            continue;
        }
        let Some(d) = dateline::find(lex, &line[at..], start + at) else {
            continue;
        };
        if d.place.slice(text).chars().any(char::is_lowercase) {
            continue;
        }
        let head = line[..p].trim_end();
        let ok = head.split_whitespace().nth(2).is_some()
            && title::is_title_like(head)
            && header::find_date(head).is_none();
        return ok.then(|| (Span::new(start, start + head.len()), d));
    }
    None
}

/// A numeric stamp readable either way (`07-05-2025`) takes the month the text names more
/// often; day-first on a tie.
fn resolve_order(text: &str, d: Date, alt: Option<Date>) -> Date {
    match alt {
        Some(a)
            if header::month_mentions(text, a.month) > header::month_mentions(text, d.month) =>
        {
            a
        }
        _ => d,
    }
}

/// Read the structure of one article.
pub fn analyze(text: &str, lex: &Lexicon) -> Article {
    let lines = split_lines(text);
    let n = lines.len();
    let mut kinds = vec![Line::Text; n];
    let s = |i: usize| lines[i].slice(text);

    // 1. lines that are never running text, wherever they stand
    // which lines hold a licence literal: only those may be (or end in) a licence
    // one search of the document for the licence literals, and for what the sources need
    // (`sources::scan_document`)
    let scan = sources::scan_document(text, lex);
    let hinted = licence_lines(&lines, &scan.hints);
    // a hinted line's licence match, searched once for the tests of steps 1 and 4
    // (no list for a document without hints, the most)
    let licence_at: Vec<Option<usize>> = match scan.hints.is_empty() {
        true => Vec::new(),
        false => (0..n)
            .map(|i| {
                hinted[i]
                    .then(|| boilerplate::licence_match(s(i)))
                    .flatten()
            })
            .collect(),
    };
    let licence_at = |i: usize| licence_at.get(i).copied().flatten();
    let tail_of = |i: usize| boilerplate::licence_tail_matched(s(i), licence_at(i));
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
            while i + 1 < n && at_most_words(s(i + 1), 25) && !s(i + 1).ends_with('.') {
                i += 1;
                kinds[i] = Line::Boilerplate;
            }
        } else if hinted[i] && tail_of(i).is_some() {
            // running text with a licence sentence glued on: split in step 4
        } else if boilerplate::is_chrome(l)
            || hinted[i] && boilerplate::is_licence_line_matched(l, licence_at(i))
        {
            kinds[i] = if hinted[i] && licence_at(i).is_some() {
                Line::Licence
            } else {
                Line::Boilerplate
            };
        } else if boilerplate::is_tags(l) {
            kinds[i] = Line::Tags;
        } else if let Some(c) = boilerplate::credit(lex, l) {
            kinds[i] = Line::Credit(c);
            // a photo credit on its own line closes the caption above it
            // (a headline above a photo credit stays a headline: captions end with a stop)
            if c == boilerplate::Credit::Photo
                && i > 0
                && kinds[i - 1] == Line::Text
                && !s(i - 1).ends_with(':')
                && !title::is_title_like(s(i - 1))
            {
                kinds[i - 1] = Line::Caption(None);
            }
        } else if let Some(k) = boilerplate::credit_suffix_kind(lex, l) {
            kinds[i] = Line::Caption(Some(k));
        } else if boilerplate::is_caption(l) {
            kinds[i] = Line::Caption(None);
        }
        i += 1;
    }
    // `(AFP)` closing the last text line credits the article, not a photo
    if let Some(last) = (0..n)
        .rev()
        .find(|&j| matches!(kinds[j], Line::Text | Line::Caption(_)))
    {
        if let Line::Caption(Some((k, _))) = kinds[last] {
            let paren = s(last)[k..].starts_with('(');
            if paren && (0..last).any(|j| kinds[j] == Line::Text) {
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
        if let Some((h, other)) = header::classify_with_other(l) {
            kinds[i] = Line::Header;
            if let HeaderLine::Stamp {
                date: Some(d),
                updated,
            } = h
            {
                // a "published" stamp beats an "updated" one; the first of each wins
                if stamp.map_or(true, |(_, u)| u && !updated) {
                    let other = other.unwrap_or_else(|| header::other_reading(l));
                    stamp = Some((resolve_order(text, d, other), updated));
                }
            }
            i += 1;
            continue;
        }
        // the headline repeated after header lines (`Title`, `QR code`, `Title`)
        if title.is_some_and(|t| s(t) == l) {
            kinds[i] = Line::Title;
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
            && at_most_words(l, 3)
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
    // credit regions (by start) and how each reads, as step 1 found (`sources::find_scanned`)
    let mut credits: Vec<(usize, boilerplate::Credit)> = Vec::new();
    let mut dl: Option<dateline::Dateline> = None;
    let mut title_span: Option<Span> = title.map(|t| lines[t]);
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
        let only_line = !(0..n).any(|j| j != b && matches!(kinds[j], Line::Text | Line::Title));
        if dl.is_none() && title.is_none() && only_line {
            // a one-line article: a headline only when an all-caps dateline follows it
            if let Some((t, d)) = inline_title(lex, text, start, span.end) {
                regions.push(Region {
                    start: t.start,
                    end: t.end,
                    kind: RegionKind::Title,
                });
                title_span = Some(t);
                start = d.place.start;
                dl = Some(d);
            }
        }
        if dl.is_none() {
            // a standfirst above the dateline paragraph (the next text line is looked for
            // before the words are counted: a one-line text has none)
            let next = (b + 1..n).find(|&j| kinds[j] == Line::Text);
            if let Some(nb) = next.filter(|_| at_most_words(s(b), 60)) {
                dl = dateline::find(lex, s(nb), lines[nb].start)
                    .filter(|d| !d.place.slice(text).chars().any(char::is_lowercase));
            }
        }
        body_line_start = Some((b, start));
    }
    let published = stamp.map(|(d, _)| d).or(dl.as_ref().and_then(|d| d.date));

    // 4. a licence sentence glued to the end of the last body line
    let last_text = (0..n).rev().find(|&j| kinds[j] == Line::Text);
    let mut licence_tail: Option<usize> = None;
    if let Some(j) = last_text.filter(|&j| hinted[j]) {
        if let Some(k) = tail_of(j) {
            licence_tail = Some(lines[j].start + k);
        }
    }

    // 5. regions in text order
    for (j, span) in lines.iter().enumerate() {
        let span = *span;
        let push = |regions: &mut Vec<Region>, a: usize, b: usize, kind| {
            let (a2, b2) = trim_span(text, a, b);
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
            Line::Credit(c) => {
                let before = regions.len();
                push(&mut regions, span.start, span.end, RegionKind::Credit);
                if let Some(r) = regions.get(before) {
                    credits.push((r.start, c));
                }
            }
            Line::Caption(None) => push(&mut regions, span.start, span.end, RegionKind::Caption),
            Line::Caption(Some((k, c))) => {
                push(
                    &mut regions,
                    span.start,
                    span.start + k,
                    RegionKind::Caption,
                );
                let before = regions.len();
                push(&mut regions, span.start + k, span.end, RegionKind::Credit);
                if let Some(r) = regions.get(before) {
                    credits.push((r.start, c));
                }
            }
        }
    }
    // a body line whose only text was the stamp leaves a Header region before it
    regions.sort_by_key(|r| r.start);

    let sources =
        sources::find_scanned(text, &regions, &licences, dl.as_ref(), lex, &scan, &credits);
    let body_start = regions
        .iter()
        .find(|r| r.kind == RegionKind::Body)
        .map_or(0, |r| r.start);
    Article {
        title: title_span,
        published,
        dateline: dl.as_ref().map(|d| d.place),
        sources,
        body_start,
        regions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Want {
        title: Option<&'static str>,
        published: Option<(i32, u32, u32)>,
        dateline: Option<&'static str>,
        sources: &'static [&'static str],
        body: &'static [&'static str],
    }

    fn check(text: &str, want: Want) {
        let lex = Lexicon::builtin();
        let a = analyze(text, lex);
        assert_eq!(
            a.title.map(|s| s.slice(text)),
            want.title,
            "title in {text:?}"
        );
        assert_eq!(
            a.published,
            want.published.and_then(|(y, m, d)| Date::new(y, m, d)),
            "published in {text:?}"
        );
        assert_eq!(
            a.dateline.map(|s| s.slice(text)),
            want.dateline,
            "dateline in {text:?}"
        );
        assert_eq!(a.sources, want.sources, "sources in {text:?}");
        let sents = crate::text::segment(text, &a.regions);
        let body: Vec<&str> = sents
            .iter()
            .filter(|s| s.body_index.is_some())
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(body, want.body, "body sentences in {text:?}");
        if let Some(first) = want.body.first() {
            assert_eq!(&text[a.body_start..a.body_start + first.len()], *first);
        }
        // regions are ordered, disjoint and on char boundaries
        for w in a.regions.windows(2) {
            assert!(w[0].end <= w[1].start, "{:?}", a.regions);
        }
    }

    #[test]
    fn trim_span_is_str_trim() {
        let pieces = [
            "", " ", "a", "\t", "\u{a0}", "\u{3000}", "é", "\u{b}", "\u{1c}", "x y", "\n", "\r\n",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    let (x, y) = trim_span(&s, 0, s.len());
                    let t = s.trim();
                    if t.is_empty() {
                        assert!(x >= y, "{s:?}");
                    } else {
                        assert_eq!(&s[x..y], t, "{s:?}");
                        assert_eq!(x, s.len() - s.trim_start().len(), "{s:?}");
                    }
                }
            }
        }
        let text = " a \n\n\u{a0}b c\u{2003}\r\n  \nd";
        let want: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let got: Vec<&str> = split_lines(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn word_limit_counts_as_split_whitespace() {
        let lines = [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\rd\u{b}e\u{c}f",
            "no\u{a0}break\u{2009}thin\u{3000}ideographic\u{85}next",
            "Åsgard — “Ja… nei” ölje",
            "x\u{200b}y",
        ];
        let mut texts: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1f}", "\u{a0}", "\u{85}",
            "\u{2009}", "\u{3000}", "\u{1680}", "é", "—", "“", "x.", "\u{200b}", "\u{2028}",
        ];
        let mut seed = crate::text::testgen::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut t = String::new();
            let mut r = seed.step();
            let len = (r % 40) as usize;
            for _ in 0..len {
                t.push_str(pieces[(r % pieces.len() as u64) as usize]);
                r = r.rotate_left(7) ^ (r >> 3).wrapping_mul(0x2545_f491_4f6c_dd1d);
            }
            texts.push(t);
        }
        for l in &texts {
            let words = l.split_whitespace().count();
            for n in 0..24 {
                assert_eq!(at_most_words(l, n), words <= n, "{l:?} {n}");
            }
        }
    }

    #[test]
    fn id_stamp_repeated_headline_and_page_chrome() {
        check(
            "News ID: 118822\nPublished: 0712 GMT March 3, 2022\n\nOslo urges calm as fishing dispute grows\n\nOslo urges calm as fishing dispute grows\n\nNorway's foreign minister said on Thursday that the dispute must be settled by talks, Reuters reported.\n\nSecurity Key:\nCaptcha refresh\nPage Generated in 0/0512 sec",
            Want {
                title: Some("Oslo urges calm as fishing dispute grows"),
                published: Some((2022, 3, 3)),
                dateline: None,
                sources: &["Reuters"],
                body: &["Norway's foreign minister said on Thursday that the dispute must be settled by talks, Reuters reported."],
            },
        );
    }

    #[test]
    fn qr_code_breadcrumb_and_dateline_with_agency() {
        check(
            "QR code\nHome > World\nFishing talks collapse in Bergen\n19 Dec 2020 - 15:18\nBERGEN (Reuters) - Talks on fishing quotas collapsed on Saturday. The envoys left.\nStory Code: 4411",
            Want {
                title: Some("Fishing talks collapse in Bergen"),
                published: Some((2020, 12, 19)),
                dateline: Some("BERGEN"),
                sources: &["Reuters"],
                body: &["BERGEN (Reuters) - Talks on fishing quotas collapsed on Saturday.", "The envoys left."],
            },
        );
    }

    #[test]
    fn caption_first_lone_date_credit_and_about_block() {
        check(
            "The minister is pictured at a press conference in Oslo, on June 2, 2021. (AFP)\n\nAugust 9, 2021\n\nThe minister called on Thursday for calm in the region.\n\nHe spoke after talks with envoys.\n\nAFP/Al Arabiya\n\nAbout Fjord Watch\n\nFjord Watch is a platform run by analysts who follow the region.",
            Want {
                title: None,
                published: Some((2021, 8, 9)),
                dateline: None,
                sources: &["AFP", "Al Arabiya"],
                body: &["The minister called on Thursday for calm in the region.", "He spoke after talks with envoys."],
            },
        );
    }

    #[test]
    fn one_line_with_date_header_and_credit_dateline() {
        check(
            " date 2021-02-03 OSLO (UrduPoint News / Sputnik - 03rd February, 2021) The minister held talks on Wednesday, as quoted by the Tasnim news agency. He left.",
            Want {
                title: None,
                published: Some((2021, 2, 3)),
                dateline: Some("OSLO"),
                sources: &["UrduPoint News", "Sputnik", "Tasnim"],
                body: &[
                    "OSLO (UrduPoint News / Sputnik - 03rd February, 2021) The minister held talks on Wednesday, as quoted by the Tasnim news agency.",
                    "He left.",
                ],
            },
        );
    }

    #[test]
    fn tags_and_caption_with_photo_credit_mid_article() {
        check(
            "Norway Wants Fleet to Leave Disputed Waters After Talks Fail\n\nNorway is urging the fleet to leave, an official told Newsweek.\n\noslo, fishing, border, quotas\nA coast guard vessel patrols the harbour on July 19, 2011, in Bergen. The navy has stepped up patrols. JOHN DOE/AFP/Getty Images\n\nThe official said talks would resume.",
            Want {
                title: Some("Norway Wants Fleet to Leave Disputed Waters After Talks Fail"),
                published: None,
                dateline: None,
                sources: &["Newsweek", "AFP", "Getty Images"],
                body: &["Norway is urging the fleet to leave, an official told Newsweek.", "The official said talks would resume."],
            },
        );
    }

    #[test]
    fn one_line_with_licence_tail() {
        check(
            "OSLO – The minister urged calm, the Fars news agency reported on Saturday. He left. All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.",
            Want {
                title: None,
                published: None,
                dateline: Some("OSLO"),
                sources: &["Fars", "Mehr News Agency"],
                body: &["OSLO – The minister urged calm, the Fars news agency reported on Saturday.", "He left."],
            },
        );
    }

    #[test]
    fn datelines_and_stamps_of_other_shapes() {
        check(
            "WASHINGTON, May 3 (Xinhua) -- The envoy arrived on Monday, officials said. Talks began.",
            Want {
                title: None,
                published: None,
                dateline: Some("WASHINGTON"),
                sources: &["Xinhua"],
                body: &["WASHINGTON, May 3 (Xinhua) -- The envoy arrived on Monday, officials said.", "Talks began."],
            },
        );
        check(
            "Harbour reopens after storm\n2011-05-03 16:04\nSouth Harbour (Norway) : The harbour reopened on Tuesday.",
            Want {
                title: Some("Harbour reopens after storm"),
                published: Some((2011, 5, 3)),
                dateline: Some("South Harbour"),
                sources: &[],
                body: &["South Harbour (Norway) : The harbour reopened on Tuesday."],
            },
        );
        check(
            "News >World\nEnvoys meet in Oslo\n07-05-2025 03:48 AM\nTEHERAN - The envoys met, Press TV reported.\nRelated News:\nOther talks end in Rome\nMinister visits Bergen",
            Want {
                title: Some("Envoys meet in Oslo"),
                published: Some((2025, 5, 7)),
                dateline: Some("TEHERAN"),
                sources: &["Press TV"],
                body: &["TEHERAN - The envoys met, Press TV reported."],
            },
        );
    }

    #[test]
    fn one_line_headline_only_before_a_dateline() {
        check(
            "Oslo urges calm over fishing dispute OSLO (Reuters) - The minister spoke on Monday. He left.",
            Want {
                title: Some("Oslo urges calm over fishing dispute"),
                published: None,
                dateline: Some("OSLO"),
                sources: &["Reuters"],
                body: &["OSLO (Reuters) - The minister spoke on Monday.", "He left."],
            },
        );
        check(
            "The minister spoke in Oslo on Monday about the fishing dispute. He left.",
            Want {
                title: None,
                published: None,
                dateline: None,
                sources: &[],
                body: &[
                    "The minister spoke in Oslo on Monday about the fishing dispute.",
                    "He left.",
                ],
            },
        );
    }

    /// `inline_title` skips a word whose second byte is an ASCII lowercase letter: wherever
    /// the dateline reader finds one there, its place has a lowercase letter (and is refused).
    #[test]
    fn inline_title_skips_only_places_with_a_lowercase_letter() {
        let lex = Lexicon::builtin();
        let lines = [
            "Oslo urges calm Oslo (Reuters) - The minister spoke on Monday.",
            "Talks end Geneva, Switzerland (AP) - Delegates left on Friday.",
            "Storm hits coast Bergen - Winds rose overnight, Oslo: officials said.",
            "Iran and Israel Trade Threats Tehran (Reuters) – Iran warned Israel.",
            "Fleet ordered home New York - The navy recalled its ships. Paris, France - Then.",
            "Ukraine talks Kyiv/Moscow (AFP) - A deal, said the Kremlin on Monday.",
            "Élan Sweeps Łódź (PAP) - Results came in Ölands on 3 May.",
        ];
        let mut read = 0;
        for line in lines {
            for (p, _) in line.match_indices(' ') {
                let at = p + 1;
                if !line
                    .as_bytes()
                    .get(at + 1)
                    .is_some_and(u8::is_ascii_lowercase)
                {
                    continue;
                }
                if let Some(d) = dateline::find(lex, &line[at..], at) {
                    read += 1;
                    assert!(
                        d.place.slice(line).chars().any(char::is_lowercase),
                        "{line:?} at {at}"
                    );
                }
            }
        }
        assert!(read > 0, "no title-case dateline was read");
    }

    #[test]
    fn standfirst_above_the_dateline() {
        check(
            "Fleet ordered home\nThe navy recalled its ships after a week of talks.\nBERGEN (AFP) – The order came on Friday.",
            Want {
                title: Some("Fleet ordered home"),
                published: None,
                dateline: Some("BERGEN"),
                sources: &["AFP"],
                body: &["The navy recalled its ships after a week of talks.", "BERGEN (AFP) – The order came on Friday."],
            },
        );
    }

    #[test]
    fn photo_line_under_headline_byline_and_two_stamps() {
        check(
            "Fleet ordered home\n\nPhoto: A cutter in the harbour (AFP/File)\n\nBERGEN (AFP) - The order came on Friday.\n\nKeywords: fleet, navy, harbour",
            Want {
                title: Some("Fleet ordered home"),
                published: None,
                dateline: Some("BERGEN"),
                sources: &["AFP"],
                body: &["BERGEN (AFP) - The order came on Friday."],
            },
        );
        check(
            "Published: 14:20 GMT, 12 April 2021 | Updated: 16:00 GMT, 13 April 2021\nFleet ordered home\nBy Sara Lind, Reuters\nThe order came on Friday.",
            Want {
                title: Some("Fleet ordered home"),
                published: Some((2021, 4, 12)),
                dateline: None,
                sources: &["Reuters"],
                body: &["The order came on Friday."],
            },
        );
    }

    #[test]
    fn news_agency_names() {
        check(
            "The talks ended, the Iranian Fjordnet news agency reported. The Iranian news agency said more. The Norway Press News Agency agreed.",
            Want {
                title: None,
                published: None,
                dateline: None,
                sources: &["Fjordnet", "Norway Press News Agency"],
                body: &[
                    "The talks ended, the Iranian Fjordnet news agency reported.",
                    "The Iranian news agency said more.",
                    "The Norway Press News Agency agreed.",
                ],
            },
        );
    }

    #[test]
    fn numeric_stamp_order_follows_the_month_the_text_names() {
        check(
            "Fleet ordered home\n07-05-2025 03:48 AM\nThe order came in July, officials said.",
            Want {
                title: Some("Fleet ordered home"),
                published: Some((2025, 7, 5)),
                dateline: None,
                sources: &[],
                body: &["The order came in July, officials said."],
            },
        );
    }

    #[test]
    fn headline_repeated_after_chrome() {
        check(
            "Fleet ordered home\nQR code\n2011-05-03 16:04\nFleet ordered home\nThe order came on Friday.",
            Want {
                title: Some("Fleet ordered home"),
                published: Some((2011, 5, 3)),
                dateline: None,
                sources: &[],
                body: &["The order came on Friday."],
            },
        );
    }

    #[test]
    fn body_dates_are_not_publication_dates() {
        check(
            "Officials met in Oslo on April 12, 2021. They agreed.",
            Want {
                title: None,
                published: None,
                dateline: None,
                sources: &[],
                body: &["Officials met in Oslo on April 12, 2021.", "They agreed."],
            },
        );
        check(
            "",
            Want {
                title: None,
                published: None,
                dateline: None,
                sources: &[],
                body: &[],
            },
        );
    }

    #[test]
    fn never_panics_on_slices_of_odd_text() {
        let lex = Lexicon::builtin();
        let sample = "QR code\nHome > Wörld\n‘Leave,’ Oslo tells fleets\n 19 Dec 2020 – 15:18\nÅLESUND (Fjörd Néws / Sputnik – 03rd February, 2021) — “Ja… nei.” Fars news agency … \nATTA KÉNARE/AFP/Getty Images\r\nÜber, ölje, fisk, båt\nAll Content by Ærø News Agency is licensed under CC. ©\nAbout Åsgard\n(AFP)";
        let cuts: Vec<usize> = (0..=sample.len())
            .filter(|&i| sample.is_char_boundary(i))
            .collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a).step_by(7) {
                let t = &sample[a..b];
                let art = analyze(t, lex);
                let _ = crate::text::segment(t, &art.regions);
            }
        }
    }

    /// Seconds this thread spent on a CPU (Linux schedstat), so that a busy shared machine
    /// does not count other processes' time; the wall clock elsewhere.
    fn cpu_seconds(wall: std::time::Instant) -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
    }

    /// Throughput of this stage (structure + sentence split) over a repeated sample page.
    /// Run: `cargo test --release -q stage_throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn stage_throughput() {
        let lex = Lexicon::builtin();
        let para = "Norway’s fisheries minister said on Thursday that foreign trawlers must leave the disputed zone, the Fjord news agency reported. “The zone is ours. We will defend it,” Lt. Gen. Ray Holm told Reuters at 10 a.m. in Oslo, adding that the U.S. envoy had agreed. Catches fell 2.5 percent in Feb. 2021, officials said.\n\n";
        let mut page = String::from("News ID: 220417\nPublished: 0915 GMT March 3, 2022\n\nOslo tells trawler fleets to leave\n\nOslo tells trawler fleets to leave\n\nOSLO (AFP) – ");
        for k in 0..30 {
            page.push_str(para);
            if k == 10 {
                page.push_str("oslo, fishing, border, quotas\nA cutter patrols the harbour. JON DOE/AFP/Getty Images\n\n");
            }
        }
        page.push_str("AFP/Al Arabiya\n\nSecurity Key:\nCaptcha refresh\n");
        let docs = 1000;
        let mb = (page.len() * docs) as f64 / 1e6;
        let _ = analyze(&page, lex); // compile the automata first
        let mut n = 0usize;
        let mut rate = |name: &str, f: &mut dyn FnMut() -> usize| {
            let wall = std::time::Instant::now();
            let c0 = cpu_seconds(wall);
            for _ in 0..docs {
                n += f();
            }
            let cpu = cpu_seconds(wall) - c0;
            println!(
                "{name}: {:.0} MB/s (cpu time), {:.0} MB/s (wall)",
                mb / cpu,
                mb / wall.elapsed().as_secs_f64()
            );
        };
        let p = page.as_str();
        rate("article stage + sentences", &mut || {
            let a = analyze(std::hint::black_box(p), lex);
            crate::text::segment(p, &a.regions).len()
        });
        rate("article stage", &mut || {
            analyze(std::hint::black_box(p), lex).regions.len()
        });
        rate("sentences alone", &mut || {
            crate::text::segment::split_sentences(std::hint::black_box(p)).len()
        });
        let regions = analyze(p, lex).regions;
        rate("sources", &mut || {
            sources::find(std::hint::black_box(p), &regions, &[], None, lex).len()
        });
        rate("outlet scan", &mut || {
            sources::outlet_mentions(lex, std::hint::black_box(p)).len()
        });
        rate("boilerplate lines", &mut || {
            std::hint::black_box(p)
                .lines()
                .map(|l| boilerplate::is_boilerplate(l) as usize)
                .sum()
        });
        println!("{} bytes x {docs}, {n}", page.len());
    }
}
