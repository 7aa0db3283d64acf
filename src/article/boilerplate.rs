//! Lines that are not running text: page chrome (captcha, `Page Generated in`, `Security
//! Key:`, `Story Code:`, `News Link :`, `Related News:`, share/print/comment buttons),
//! copyright and licence lines, `About <site>` headings, keyword tag lines, and credits
//! (`AFP/Al Arabiya`, `By Xinhua`, `(AFP)`, `NAME/AFP/Getty Images`) whether they stand on
//! their own line or close a photo caption. It judges one line at a time, from its shape;
//! which outlets a credit names is the sources module's business.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::sync::OnceLock;

use super::at_most_words;
use crate::lexicon::Lexicon;

fn chrome_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?i:captcha|security\s+key|security\s+code|page\s+generated\s+in|story\s+code|news\s+link|news\s+code|related\s+(?:news|articles?|posts?|stories|topics)|read\s+(?:more|also)|see\s+also|you\s+may\s+also\s+like|more\s+(?:from|on|news)|share(?:\s+(?:this|on|via))?|print|comments?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+(?:new\s+)?comment|send\s+to\s+a\s+friend|e-?mail\s+this|tweet|whatsapp|facebook|twitter|telegram|linkedin|follow\s+us|subscribe|sign\s+up|newsletter|advertisement|sponsored|click\s+here|loading|copyright|all\s+rights\s+reserved|tags?\s*:|keywords?\s*:|topics?\s*:|source\s*url\s*:|permalink|short\s*link|url\s*:)(?-u:\b)",
        )
        .expect("chrome pattern")
    })
}

fn licence_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i:all\s+content\s+by|is\s+licensed\s+under|creative\s+commons|all\s+rights\s+reserved|copyright\s+(?:©|\(c\)|\d{4})|©|reproduction\s+(?:is\s+)?prohibited|without\s+(?:prior\s+)?(?:written\s+)?permission)")
            .expect("licence pattern")
    })
}

/// Page chrome and licence lines (short lines only: a paragraph that merely mentions a
/// newsletter is still text).
pub fn is_boilerplate(line: &str) -> bool {
    is_chrome(line) || has_licence_hint(line) && is_licence_line_hinted(line)
}

/// Page chrome only (captcha, share buttons, `Story Code:` ...), not licence lines.
pub fn is_chrome(line: &str) -> bool {
    line.len() <= 120
        && may_open_chrome(line)
        && chrome_re().is_match(line)
        && at_most_words(line, 12)
}

/// The first two letters (ASCII, lowercased) of each word `chrome_re` opens with; a digit
/// opens `\d+ comments`.
const CHROME_OPENERS: [&[u8; 2]; 34] = [
    b"ad", b"al", b"ca", b"cl", b"co", b"e-", b"em", b"fa", b"fo", b"ke", b"le", b"li", b"lo",
    b"mo", b"ne", b"pa", b"pe", b"po", b"pr", b"re", b"se", b"sh", b"si", b"so", b"sp", b"st",
    b"su", b"ta", b"te", b"to", b"tw", b"ur", b"wh", b"yo",
];

/// Can `chrome_re` match `line`? Its words open with one of `CHROME_OPENERS`, so two ASCII
/// bytes tell most lines apart without the regex; a char beyond ASCII (which the regex's
/// case folding may equate with a letter, `ſ` with `s`) leaves the question to it.
fn may_open_chrome(line: &str) -> bool {
    match *line.as_bytes() {
        [b0, ..] if b0.is_ascii_digit() || !b0.is_ascii() => true,
        [b0, b1, ..] if b1.is_ascii() => {
            let pair = [b0.to_ascii_lowercase(), b1.to_ascii_lowercase()];
            CHROME_OPENERS.contains(&&pair)
        }
        [_, _, ..] => true,
        _ => false,
    }
}

/// Where `text` holds `licence_hint` literals: the start of every occurrence, in order
/// (overlapping ones may be left out). One pass over the document tells each line whether
/// it may be a licence line (no literal spans a line break), where a test per line would
/// read licence documents twice.
pub fn licence_hints(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    licence_screen(text.as_bytes(), &mut |w, window| {
        literal_starts(window, |p| out.push(w + p));
        false
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Does `s` hold one of the `licence_hint` literals? A SIMD search for the literals
/// themselves reports a candidate at most bytes of English text (their first two bytes
/// `on`, `re`, `er` are common), so `©` is searched alone and the others by a fragment of
/// each with rarer first bytes (`pyrigh` for `opyright`); the exact set is then asked only
/// about a few bytes around each fragment. Every literal holds its fragment (at most
/// `FRAG_AT` bytes in, at most `FRAG_TAIL` bytes before the literal's end), so the answer
/// is the exact set's.
fn has_licence_hint(s: &str) -> bool {
    licence_screen(s.as_bytes(), &mut |_, window| {
        let mut any = false;
        literal_starts(window, |_| any = true);
        any
    })
}

const FRAG_AT: usize = 8;
const FRAG_TAIL: usize = 16;

/// Fragments of the `LICENCE_LITERALS`, one in each (see `has_licence_hint`), searched by
/// the screen (`licence_screen`); a screen that also looks for other literals lists these
/// first (`licence_hints_sharing`).
pub(crate) const LICENCE_FRAGMENTS: [&str; 14] = [
    "pyrigh",
    "PYRIGH",
    "censed",
    "CENSED",
    "hts reserved",
    "hts Reserved",
    "HTS RESERVED",
    "t by",
    "t By",
    "T BY",
    "rmissi",
    "eprod",
    "tive Commons",
    "tive commons",
];

/// Where `b` holds `©` (C2 A9): its last byte, rare in text, found by a one-byte search
/// (a two-byte `memmem` costs several times more per byte), then the byte before it.
fn copyright_signs(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(0xA9, b)
        .filter(|&i| i > 0 && b[i - 1] == 0xC2)
        .map(|i| i - 1)
}

/// The screen of `has_licence_hint`: calls `f(start, window)` on each window of `b` (from
/// byte `start`) that may hold a literal, every literal occurrence lying in some window,
/// until `f` returns true (then true).
fn licence_screen(b: &[u8], f: &mut dyn FnMut(usize, &[u8]) -> bool) -> bool {
    static SCREEN: OnceLock<AhoCorasick> = OnceLock::new();
    for c in copyright_signs(b) {
        if f(c, &b[c..c + "©".len()]) {
            return true;
        }
    }
    let screen = SCREEN.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(LICENCE_FRAGMENTS)
            .expect("licence fragments")
    });
    // every fragment occurrence, overlapping ones too (the next search starts one byte on)
    let mut at = 0;
    while let Some(m) = screen.find(aho_corasick::Input::new(b).span(at..b.len())) {
        let w = m.start().saturating_sub(FRAG_AT);
        if f(w, &b[w..(m.end() + FRAG_TAIL).min(b.len())]) {
            return true;
        }
        at = m.start() + 1;
    }
    false
}

/// `licence_hints`, by a `screen` built (leftmost-first) from the `LICENCE_FRAGMENTS` in
/// order and then other literals, so that one pass over the document serves both: `other`
/// is told every position where a literal of either kind starts (where a fragment starts
/// too, the fragment is the match reported, and it reads as the old screen's).
pub(crate) fn licence_hints_sharing(
    screen: &AhoCorasick,
    text: &str,
    other: &mut dyn FnMut(usize),
) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for c in copyright_signs(b) {
        literal_starts(&b[c..c + "©".len()], |p| out.push(c + p));
    }
    let mut at = 0;
    while let Some(m) = screen.find(aho_corasick::Input::new(b).span(at..b.len())) {
        other(m.start());
        if m.pattern().as_usize() < LICENCE_FRAGMENTS.len() {
            let w = m.start().saturating_sub(FRAG_AT);
            literal_starts(&b[w..(m.end() + FRAG_TAIL).min(b.len())], |p| {
                out.push(w + p)
            });
        }
        at = m.start() + 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Literals one of which every licence line holds (case variants spelled out, see
/// `licence_hint`).
const LICENCE_LITERALS: [&str; 15] = [
    "©",
    "opyright",
    "OPYRIGHT",
    "icensed",
    "ICENSED",
    "ights reserved",
    "ights Reserved",
    "IGHTS RESERVED",
    "ontent by",
    "ontent By",
    "ONTENT BY",
    "ermission",
    "eproduction",
    "reative Commons",
    "reative commons",
];

/// Per byte: does some `LICENCE_LITERALS` literal start with it?
const LICENCE_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < LICENCE_LITERALS.len() {
        t[LICENCE_LITERALS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Where the literals start in a window of the screen (`licence_screen`): what
/// `licence_hint().find_iter(window)` reports (leftmost, the first listed literal at a
/// position, then on past it), read byte by byte. A window is a few dozen bytes: the
/// automaton's start-up cost more than the whole window takes this way.
fn literal_starts(window: &[u8], mut f: impl FnMut(usize)) {
    let mut p = 0;
    'at: while p < window.len() {
        if LICENCE_FIRST[window[p] as usize] {
            for l in LICENCE_LITERALS {
                if window[p..].starts_with(l.as_bytes()) {
                    f(p);
                    p += l.len();
                    continue 'at;
                }
            }
        }
        p += 1;
    }
}

/// Literals one of which every licence line holds (the definition `literal_starts` reads
/// by hand).
#[cfg(test)]
fn licence_hint() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        // case variants spelled out: a case-sensitive set keeps the SIMD prefilter, which
        // aho-corasick only builds for a leftmost match kind (only `is_match` is asked)
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(LICENCE_LITERALS)
            .expect("licence literals")
    })
}

/// Copyright and licence lines (`All Content by ... is licensed under ...`, `© 2021 X`).
pub fn is_licence(line: &str) -> bool {
    has_licence_hint(line) && is_licence_hinted(line)
}

/// `is_licence` for a line known to hold a `licence_hint` literal (`licence_hints`).
pub fn is_licence_hinted(line: &str) -> bool {
    licence_re().is_match(line)
}

/// The licence part of `is_boilerplate`, for a line known to hold a `licence_hint` literal.
pub fn is_licence_line_hinted(line: &str) -> bool {
    is_licence_line_matched(line, licence_match(line))
}

/// `is_licence_line_hinted`, given the line's `licence_match`.
pub fn is_licence_line_matched(line: &str, m: Option<usize>) -> bool {
    line.len() <= 400 && m.is_some() && at_most_words(line, 40)
}

/// A licence sentence glued to the end of a long line (one-line articles): where it starts.
pub fn licence_tail(line: &str) -> Option<usize> {
    if !has_licence_hint(line) {
        return None;
    }
    licence_tail_hinted(line)
}

/// `licence_tail` for a line known to hold a `licence_hint` literal (`licence_hints`).
pub fn licence_tail_hinted(line: &str) -> Option<usize> {
    licence_tail_matched(line, licence_match(line))
}

/// Where the licence pattern first matches a line known to hold a `licence_hint` literal
/// (`is_licence_hinted` is its `is_some`): one search that `licence_tail_matched` and
/// `is_licence_line_matched` read, where each test alone would search the line again.
pub fn licence_match(line: &str) -> Option<usize> {
    licence_re().find(line).map(|m| m.start())
}

/// `licence_tail_hinted`, given the line's `licence_match`.
pub fn licence_tail_matched(line: &str, m: Option<usize>) -> Option<usize> {
    let m = m?;
    // back up to the start of the sentence holding the match
    let head = &line[..m];
    let cut = rfind_stop_space(head)
        .or_else(|| head.rfind(".\u{201d} "))
        .or_else(|| head.rfind(".\" "))?;
    let start = cut + line[cut..].find(' ')? + 1;
    let tail = &line[start..];
    (start > 0 && at_most_words(tail, 40)).then_some(start)
}

/// `s.rfind(". ")`, by a reverse byte search for the full stop (the generic substring
/// search costs several times more on long lines).
fn rfind_stop_space(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b'.', b).find(|&i| b.get(i + 1) == Some(&b' '))
}

/// `About <Site>`: a short heading that opens the site's self-description.
pub fn is_about_heading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("About ") else {
        return false;
    };
    let words = rest.split_whitespace().take(6).count();
    (1..=5).contains(&words)
        && rest.chars().next().is_some_and(|c| c.is_uppercase())
        && !rest.ends_with(['.', '?', '!', ','])
        && !rest.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `Related News:` and the like: the lines after it are links to other stories.
pub fn is_related_heading(line: &str) -> bool {
    if line.len() > 24 {
        return false;
    }
    let l = line.trim_end_matches([':', ' ']).to_ascii_lowercase();
    matches!(
        l.as_str(),
        "related news"
            | "related articles"
            | "related stories"
            | "related posts"
            | "related"
            | "read more"
            | "read also"
            | "see also"
            | "you may also like"
            | "more news"
            | "more stories"
            | "most read"
            | "most popular"
            | "latest news"
            | "recommended"
    )
}

/// A keyword tag line: three or more short comma-separated items, no sentence punctuation,
/// mostly lowercase (`iran, military, border, afghanistan`).
pub fn is_tags(line: &str) -> bool {
    if line.len() > 300 || line.ends_with(['.', '?', '!', ':', '"', '\u{201d}']) {
        return false;
    }
    // three items need two commas: most lines have fewer, and need no list built
    if memchr::memchr_iter(b',', line.as_bytes()).nth(1).is_none() {
        return false;
    }
    // one pass over the items, no list built: a sentence's first item is seldom short
    let (mut items, mut lower, mut last) = (0, 0, "");
    for i in line.split(',').map(str::trim) {
        // the length first: a sentence's first item is long, and its words need no count
        if i.len() > 40 || !(1..=4).contains(&i.split_whitespace().take(5).count()) {
            return false;
        }
        if i.contains(['.', ';', '"', '\u{201c}']) {
            return false;
        }
        items += 1;
        lower += i.chars().next().is_some_and(|c| c.is_lowercase()) as usize;
        last = i;
    }
    if items < 3 {
        return false;
    }
    // an "and" before the last item reads as a sentence's list
    let listy = last.starts_with("and ") || last.starts_with("or ");
    // four or more bare items read as tags whatever their case (`Iran, Taliban, Border, Drugs`)
    !listy && (lower * 2 >= items || items >= 4)
}

fn is_outlet(lex: &Lexicon, s: &str) -> bool {
    lex.actors.get(s).is_some_and(|r| r.has_flag("outlet"))
}

/// Words that mark a photo credit even when no outlet is named.
fn is_credit_word(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "getty images"
            | "getty"
            | "file"
            | "file photo"
            | "handout"
            | "stringer"
            | "photo"
            | "photos"
            | "pool"
            | "via reuters"
            | "via getty images"
            | "reuters tv"
            | "screenshot"
            | "screengrab"
    ) || l.ends_with(" photo")
        || l.ends_with(" images")
        || l.ends_with(" photos")
}

/// A name-like credit part: 1-5 words, each capitalised (`ATTA KENARE`, `Al Arabiya`).
fn is_name_part(s: &str) -> bool {
    // the length test first: most lines asked about are long sentences
    if s.len() > 50 || s.contains(['.', ',', ';', ':', '"']) {
        return false;
    }
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        let ok = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "via" | "of" | "and" | "al-" | "de");
        if words > 5 || !ok {
            return false;
        }
    }
    words >= 1
}

/// A caption introduced as one (`Photo: A tanker in the Gulf`, `FILE PHOTO: ...`).
pub fn is_caption(line: &str) -> bool {
    // every opener starts with `p`, `f` or `i`: most lines need no comparison
    if !matches!(
        line.as_bytes().first(),
        Some(b'p' | b'P' | b'f' | b'F' | b'i' | b'I')
    ) {
        return false;
    }
    // compared in place, ASCII case folded (no lowercased copy per line)
    let head = line.get(..12).unwrap_or(line).as_bytes();
    [
        "photo:",
        "file photo",
        "image:",
        "picture:",
        "photo by",
        "in this photo",
    ]
    .iter()
    .any(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// A wire story's staff line: `(Reporting by ...; Editing by ...)`, `With inputs from ...`.
pub fn is_staff_credit(s: &str) -> bool {
    let head = s.trim_start_matches('(').get(..24).unwrap_or(s);
    let head = head.trim_start_matches('(');
    [
        "reporting by",
        "additional reporting",
        "writing by",
        "editing by",
        "compiled by",
        "with inputs from",
        "with input from",
        "inputs from",
    ]
    .iter()
    .any(|p| starts_with_ci(head, p))
        && (!s.ends_with(['.', '?', '!']) || s.ends_with(").")) // a sentence is text
}

/// Does `s` start with `p` (lowercase), ASCII case folded? (`s.to_ascii_lowercase()
/// .starts_with(p)`, without the copy.)
fn starts_with_ci(s: &str, p: &str) -> bool {
    s.as_bytes()
        .get(..p.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
}

/// How a credit reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credit {
    /// A photo credit (`NAME/AFP/Getty Images`, `(AFP)`): what precedes it is a caption.
    Photo,
    /// An article credit (`AFP/Al Arabiya`, `By Xinhua`, `Source: Reuters`).
    Article,
}

/// Is the whole of `s` a credit?
pub fn credit(lex: &Lexicon, s: &str) -> Option<Credit> {
    let s = s.trim();
    if s.is_empty() || s.len() > 160 {
        return None;
    }
    if is_staff_credit(s) {
        return Some(Credit::Article);
    }
    if s.len() > 120 {
        return None;
    }
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        let inner = inner.trim();
        if ["photo", "file", "image"]
            .iter()
            .any(|p| starts_with_ci(inner, p))
        {
            return Some(Credit::Photo);
        }
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        if parts.iter().all(|p| is_name_part(p))
            && parts.iter().any(|p| is_outlet(lex, p) || is_credit_word(p))
        {
            return Some(Credit::Photo);
        }
        return None;
    }
    for pre in [
        "photo:",
        "photo credit:",
        "photos:",
        "image:",
        "picture:",
        "photo by ",
        "file photo:",
    ] {
        if starts_with_ci(s, pre) {
            // "Photo: AFP" credits; "Photo: A tanker in the Gulf" is a caption
            let rest = s[pre.len()..].trim();
            let parts: Vec<&str> = rest.split(['/', ',']).map(str::trim).collect();
            return parts
                .iter()
                .all(|p| is_name_part(p))
                .then_some(Credit::Photo);
        }
    }
    for pre in [
        "source:",
        "sources:",
        "credit:",
        "by ",
        "with ",
        "from ",
        "- ",
        "\u{2014} ",
        "\u{2013} ",
    ] {
        if starts_with_ci(s, pre) {
            let rest = s[pre.len()..].trim();
            let parts: Vec<&str> = rest
                .split(['/', ','])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if !parts.is_empty()
                && parts.iter().any(|p| is_outlet(lex, p))
                && parts.iter().all(|p| is_name_part(p))
            {
                return Some(Credit::Article);
            }
            return None;
        }
    }
    // most lines have no slash: one part, the line, and no list built
    if memchr::memchr(b'/', s.as_bytes()).is_none() {
        return (is_name_part(s) && is_outlet(lex, s)).then_some(Credit::Article);
    }
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty()) || !parts.iter().all(|p| is_name_part(p)) {
        return None;
    }
    if parts.len() >= 2 {
        let photo = parts.iter().any(|p| is_credit_word(p))
            || parts.first().is_some_and(|p| {
                p.split_whitespace().nth(1).is_some()
                    && !p.chars().any(|c| c.is_lowercase())
                    && !is_outlet(lex, p)
            });
        if photo {
            return Some(Credit::Photo);
        }
        if parts.iter().any(|p| is_outlet(lex, p)) {
            return Some(Credit::Article);
        }
        return None;
    }
    // a lone outlet name on its own line (`Reuters`, `AFP`)
    is_outlet(lex, s).then_some(Credit::Article)
}

/// A photo credit closing a caption line (`... on June 21, 2021. (AFP)`,
/// `... unrest. ATTA KENARE/AFP/Getty Images`): where it starts.
pub fn credit_suffix(lex: &Lexicon, line: &str) -> Option<usize> {
    credit_suffix_kind(lex, line).map(|(k, _)| k)
}

/// `credit_suffix`, and how the credit reads (`credit` of the text from there).
pub fn credit_suffix_kind(lex: &Lexicon, line: &str) -> Option<(usize, Credit)> {
    if line.ends_with(')') {
        if let Some(open) = line.rfind('(') {
            let before = line[..open].trim_end();
            if open > 0
                && before.ends_with(['.', '!', '?', '"', '\u{201d}'])
                && credit(lex, &line[open..]) == Some(Credit::Photo)
            {
                return Some((open, Credit::Photo));
            }
        }
    }
    // the text after the last sentence end, when it is a slash-joined credit (most lines
    // hold no slash at all, and need no search for their last sentence)
    memchr::memchr(b'/', line.as_bytes())?;
    let cut = rfind_stop_space(line)?;
    let start = cut + 2;
    let tail = line[start..].trim();
    if !tail.contains('/') {
        return None;
    }
    credit(lex, tail).map(|c| (start, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        let yes = [
            "Security Key:",
            "Captcha refresh",
            "Page Generated in 0/0521 sec",
            "Story Code: 88120",
            "News Link : https://example.org/x/1",
            "Related News:",
            "Share this article",
            "Print",
            "3 Comments",
            "All Content by Example News Agency is licensed under a Creative Commons Attribution 4.0 International License.",
            "© 2021 Example Daily. All rights reserved.",
        ];
        for s in yes {
            assert!(is_boilerplate(s), "{s:?}");
        }
        let no = [
            "Share prices fell sharply in Tokyo on Monday as traders weighed the new tariffs.",
            "The ministry printed new leaflets.",
            "Officials said the print run was delayed.",
        ];
        for s in no {
            assert!(!is_boilerplate(s), "{s:?}");
        }
    }

    #[test]
    fn chrome_openers_cover_the_pattern() {
        // a line opening with each word of `chrome_re`, in two cases
        let words = [
            "captcha",
            "security key",
            "security code",
            "page generated in",
            "story code",
            "news link",
            "news code",
            "related news",
            "read more",
            "read also",
            "see also",
            "you may also like",
            "more from",
            "share",
            "print",
            "comments",
            "3 comments",
            "leave a reply",
            "post a comment",
            "add comment",
            "send to a friend",
            "email this",
            "e-mail this",
            "tweet",
            "whatsapp",
            "facebook",
            "twitter",
            "telegram",
            "linkedin",
            "follow us",
            "subscribe",
            "sign up",
            "newsletter",
            "advertisement",
            "sponsored",
            "click here",
            "loading",
            "copyright",
            "all rights reserved",
            "tags:",
            "tag:",
            "keywords:",
            "keyword:",
            "topics:",
            "topic:",
            "source url:",
            "sourceurl:",
            "permalink",
            "short link",
            "shortlink",
            "url:",
        ];
        for w in words {
            // `\b` after the word: a colon needs a word char after it
            let w = if w.ends_with(':') {
                format!("{w}x")
            } else {
                w.to_string()
            };
            for l in [w.clone(), w.to_uppercase()] {
                assert!(chrome_re().is_match(&l), "{l:?}");
                assert!(may_open_chrome(&l), "{l:?}");
            }
        }
        for l in ["The minister", "Iran said", "B", "", "Theatre", "ſhare"] {
            assert!(may_open_chrome(l) || !chrome_re().is_match(l), "{l:?}");
        }
        assert!(!may_open_chrome("The minister said"));
        assert!(may_open_chrome("ſhare this"));
    }

    #[test]
    fn staff_credits() {
        assert!(is_staff_credit(
            "(Reporting by Ann Berg; Editing by Tom Lund)"
        ));
        assert!(is_staff_credit("With inputs from Reuters"));
        assert!(!is_staff_credit(
            "Reporting by the agency was thin, officials said."
        ));
    }

    #[test]
    fn tag_lines() {
        assert!(is_tags(
            "iran, military, border, afghanistan, pakistan, drugs"
        ));
        assert!(is_tags("oil, opec, saudi arabia"));
        assert!(!is_tags("Iran, Iraq, Syria and Lebanon were invited."));
        assert!(!is_tags("Iran, Iraq, Syria, and Lebanon"));
        assert!(!is_tags("oil, gas"));
        assert!(is_tags("Norway, Fishing, Border, Quotas"));
        assert!(!is_tags("Norway, Sweden and Finland"));
    }

    #[test]
    fn caption_openers() {
        assert!(is_caption("Photo: A cutter in the harbour"));
        assert!(is_caption("FILE PHOTO: The minister in Oslo"));
        assert!(is_caption("Picture: envoys meet"));
        assert!(is_caption("photo by Jon Doe"));
        assert!(!is_caption("Photographers gathered in Oslo."));
        assert!(!is_caption("Image"));
        assert!(!is_caption("Fotó: Åsgard"));
    }

    #[test]
    fn about_and_related() {
        assert!(is_about_heading("About Example Watch"));
        assert!(!is_about_heading(
            "About 300 people gathered in the square."
        ));
        assert!(is_related_heading("Related News:"));
        assert!(!is_related_heading("Related talks resumed."));
    }

    #[test]
    fn licence_tail_in_one_line() {
        let s =
            "He left. The talks went on. All Content by Example News is licensed under a licence.";
        let i = licence_tail(s).unwrap();
        assert!(s[i..].starts_with("All Content"));
    }

    #[test]
    fn licence_screen_agrees_with_the_literal_set() {
        let lits = LICENCE_LITERALS;
        let mut texts: Vec<String> = vec![
            "The copyright holder, the licence, all rights, content, permissions.".into(),
            "Production resumed; the tents by the river; a creative common ground.".into(),
            "It is licenced. Its consensus. Rights reserve. Eprod".into(),
            "Not by law, but by the copyrights reserved to it; the content by X.".into(),
            "tive Commons at the end: not by Creative Commons".into(),
            String::new(),
        ];
        for l in lits {
            texts.push(format!("He left. {l} 2021 Example"));
            texts.push(l.chars().skip(1).collect());
        }
        for t in &texts {
            assert_eq!(has_licence_hint(t), licence_hint().is_match(t), "{t:?}");
        }
    }

    #[test]
    fn literal_starts_are_those_of_the_automaton() {
        // windows glued from literals, their parts, overlaps and other bytes
        let mut pieces: Vec<String> = LICENCE_LITERALS.iter().map(|l| l.to_string()).collect();
        for l in LICENCE_LITERALS {
            let cut = crate::text::floor_boundary(l, l.len() / 2);
            pieces.push(l[..cut].to_string());
            pieces.push(l[cut..].to_string());
        }
        pieces.extend(["C", "c", "r", " ", "\u{a9}", "\u{e9}", "opy", "ight"].map(String::from));
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut w = String::new();
            for _ in 0..seed.below(7) {
                w.push_str(&pieces[seed.below(pieces.len())]);
            }
            let want: Vec<usize> = licence_hint().find_iter(&w).map(|m| m.start()).collect();
            let mut got = Vec::new();
            literal_starts(w.as_bytes(), |p| got.push(p));
            assert_eq!(got, want, "{w:?}");
            found += want.len();
        }
        assert!(found > 1000, "{found}");
    }
}

#[cfg(test)]
mod copyright_tests {
    use super::*;

    #[test]
    fn copyright_signs_are_those_of_a_substring_search() {
        for s in [
            "",
            "©",
            "© 2021 Ramón Pérez ©©, é©\u{a9}",
            "Élysée ©2022. Café ©",
            "\u{c2}",
            "x\u{a9}y © z ¦ Ц ©",
        ] {
            let want: Vec<usize> = s.match_indices('©').map(|(i, _)| i).collect();
            let got: Vec<usize> = copyright_signs(s.as_bytes()).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }
}
