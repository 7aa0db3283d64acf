//! Words and punctuation marks of one sentence, with byte spans and lowercase forms: what
//! the verb patterns are matched against. A word keeps inner apostrophes, hyphens and dots
//! (`Iran's`, `didn't`, `Tehran-Baghdad`, `U.S`); every other non-space character is a
//! one-character punctuation token.
//!
//! The tokens of all of a document's sentences live in one buffer (`DocTokens`, built by
//! `TokenBuf::tokenize`, not one per sentence); `Tokens` is one sentence's view of it.

use crate::text::byte_class::{ALNUM, CLASS, OTHER, SPACE};

/// One token: byte span in the document, whether it is punctuation, and its lowercase form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub punct: bool,
    /// A word whose first letter is a capital.
    cap: bool,
    /// The lowercase form, a slice of the lowercased copy of the text (a curly apostrophe
    /// made straight): reading it is a load, with no slicing and no checks.
    lower: &'a str,
}

impl Tok<'_> {
    /// A word starting with a capital letter (`Tokens::is_capitalised`).
    pub fn capitalised(&self) -> bool {
        !self.punct && self.cap
    }
}

/// The storage the tokens' lowercase forms point into (kept from one call to the next).
#[derive(Default)]
pub struct TokenBuf {
    /// The text from the first sentence to the last, ASCII-lowercased at once: an ASCII
    /// word's lowercase form is its span there (a mark is itself).
    copy: String,
    /// The lowercase forms of the words with a non-ASCII char, one after the other.
    wide: String,
}

/// The tokens of a document's sentences, in one buffer.
pub struct DocTokens<'a> {
    toks: Vec<Tok<'a>>,
    /// Each sentence's range of token indices, in the order given, and whether a word of
    /// it has a hyphen.
    ranges: Vec<(usize, usize, bool)>,
}

/// The tokens of one sentence.
#[derive(Clone, Copy)]
pub struct Tokens<'a> {
    toks: &'a [Tok<'a>],
    hyphen: bool,
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// `U.S` before a dot: single letters joined by dots.
fn abbreviation_dot(b: &[u8]) -> bool {
    b.len() >= 3 && b[b.len() - 2] == b'.' && b[b.len() - 1].is_ascii_uppercase()
}

/// What a byte is to the tokenizer, from one table (one register for the whole loop):
/// `CLASS` with the marks that may join a word (`JOIN`) told from the others (`MARK`).
const MARK: u8 = 0;
const LETTER: u8 = 1;
const BLANK: u8 = 2;
/// A byte of a multi-byte char.
const WIDE: u8 = 3;
/// `'`, `-`, `.`: a mark, or inside a word.
const JOIN: u8 = 4;

const KIND: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match CLASS[c] {
            ALNUM => LETTER,
            SPACE => BLANK,
            OTHER if matches!(c as u8, b'\'' | b'-' | b'.') => JOIN,
            OTHER => MARK,
            _ => WIDE,
        };
        c += 1;
    }
    t
};

/// `c.is_alphanumeric()`, answered without the Unicode tables for the marks of the general
/// punctuation block (curly quotes and apostrophes, dashes, ellipses: the commonest
/// non-ASCII chars of news text, none of them a letter; a table lookup costs hundreds of
/// instructions).
fn alnum(c: char) -> bool {
    !matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}') && c.is_alphanumeric()
}

/// The char starting at byte `i` (a char boundary) is a letter or digit.
fn alnum_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => KIND[c as usize] == LETTER,
        Some(_) => s[i..].chars().next().is_some_and(alnum),
    }
}

/// The length of the run of ASCII letters and digits `b` starts with.
fn alnum_run(b: &[u8]) -> usize {
    b.iter()
        .position(|&d| KIND[d as usize] != LETTER)
        .unwrap_or(b.len())
}

/// The end of the word of `s` that starts at `i` and goes on at least to `e` (a char
/// boundary), over inner apostrophes, hyphens and dots and non-ASCII letters; and whether it
/// is all ASCII (`ascii`: its part before `e` is).
fn word_end(s: &str, i: usize, mut e: usize, mut ascii: bool) -> (usize, bool) {
    let b = s.as_bytes();
    loop {
        e += alnum_run(&b[e..]);
        let Some(&d) = b.get(e) else { break };
        match KIND[d as usize] {
            BLANK | MARK => break,
            JOIN => {
                if d == b'.' && abbreviation_dot(&b[i..e]) {
                    // the last dot of `U.S.`, `U.N.`
                    e += 1;
                    break;
                }
                if alnum_at(s, e + 1) {
                    e += 1;
                    continue;
                }
                break;
            }
            _ => {
                let Some(d) = s[e..].chars().next() else {
                    break;
                };
                let dl = d.len_utf8();
                if alnum(d) || (joins(d) && alnum_at(s, e + dl)) {
                    ascii = false;
                    e += dl;
                } else {
                    break;
                }
            }
        }
    }
    (e, ascii)
}

impl TokenBuf {
    /// Tokenise each sentence `text[start..end]` of `spans` on its own (nothing outside it
    /// is looked at); `DocTokens::sentence(k)` is the tokens of `spans[k]`.
    pub fn tokenize<'a>(&'a mut self, text: &str, spans: &[(usize, usize)]) -> DocTokens<'a> {
        let lo = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let hi = spans.iter().map(|s| s.1).max().unwrap_or(0).max(lo);
        let TokenBuf { copy, wide } = self;
        copy.clear();
        copy.push_str(&text[lo..hi]);
        copy.make_ascii_lowercase();
        let copy: &'a str = copy;
        wide.clear();
        let bytes: usize = spans.iter().map(|s| s.1.saturating_sub(s.0)).sum();
        let mut toks = Vec::with_capacity(bytes / 5 + 16);
        let mut ranges = Vec::with_capacity(spans.len());
        // the words with a non-ASCII char: their token's index and the span of their form
        // in `wide` (set once `wide` is complete)
        let mut wides: Vec<(usize, usize, usize)> = Vec::new();
        for &(start, end) in spans {
            let first = toks.len();
            let hyphen = push(&mut toks, copy, lo, wide, &mut wides, text, start, end);
            ranges.push((first, toks.len(), hyphen));
        }
        let wide: &'a str = wide;
        for (k, a, b) in wides {
            toks[k].lower = &wide[a..b];
        }
        DocTokens { toks, ranges }
    }
}

/// Tokenise `text[start..end]` into `toks`: an ASCII word's lowercase form is its span in
/// `copy` (which holds `text` from byte `lo` on, lowercased); the others' are appended to
/// `wide` and noted in `wides`. True when a word has a hyphen (`Tokens::hyphenated`).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn push<'a>(
    toks: &mut Vec<Tok<'a>>,
    copy: &'a str,
    lo: usize,
    wide: &mut String,
    wides: &mut Vec<(usize, usize, usize)>,
    text: &str,
    start: usize,
    end: usize,
) -> bool {
    // only `word_end` joins a hyphen into a word: the words it ends are tested for one
    let mut hyphen = false;
    // the loop goes over the document's byte offsets (those a token records): `s` ends
    // with the sentence, and nothing before `start` is looked at
    let s = &text[..end];
    let b = s.as_bytes();
    // a span's lowercase form in `copy` (`lo` is at or before every sentence's start)
    let form = |i: usize, e: usize| &copy[i - lo..e - lo];
    let mut i = start;
    while let Some(&c) = b.get(i) {
        let kind = KIND[c as usize];
        if kind == BLANK {
            i += 1;
            continue;
        }
        if kind == MARK || kind == JOIN {
            toks.push(Tok {
                start: i,
                end: i + 1,
                punct: true,
                cap: false,
                lower: form(i, i + 1),
            });
            i += 1;
            continue;
        }
        let (e, ascii, cap) = if kind == LETTER {
            // the common case: ASCII letters and digits up to a blank or a mark that
            // cannot join (a loop of its own, with no decoding and no join to test)
            let e = i + 1 + alnum_run(&b[i + 1..]);
            let cap = c.is_ascii_uppercase();
            match b.get(e).map_or(MARK, |&d| KIND[d as usize]) {
                MARK => (e, true, cap),
                // a dot, apostrophe or hyphen before no letter (`said.`, `players'`) ends
                // the word too (what `word_end` finds, without the call), save the last
                // dot of `U.S.`
                JOIN if !(b
                    .get(e + 1)
                    .is_some_and(|&n| matches!(KIND[n as usize], LETTER | WIDE))
                    || b[e] == b'.' && abbreviation_dot(&b[i..e])) =>
                {
                    (e, true, cap)
                }
                BLANK => {
                    // the word and the blank after it, the commonest case: the blank
                    // would be skipped as the next byte anyway
                    toks.push(Tok {
                        start: i,
                        end: e,
                        punct: false,
                        cap,
                        lower: form(i, e),
                    });
                    i = e + 1;
                    continue;
                }
                _ => {
                    let (e, ascii) = word_end(s, i, e, true);
                    hyphen |= b[i..e].contains(&b'-');
                    (e, ascii, cap)
                }
            }
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                i += len;
                continue;
            }
            if !alnum(ch) {
                toks.push(Tok {
                    start: i,
                    end: i + len,
                    punct: true,
                    cap: false,
                    lower: form(i, i + len),
                });
                i += len;
                continue;
            }
            let (e, ascii) = word_end(s, i, i + len, false);
            hyphen |= b[i..e].contains(&b'-');
            (e, ascii, ch.is_uppercase())
        };
        let lower = if ascii {
            form(i, e)
        } else {
            let ls = wide.len();
            for d in s[i..e].chars() {
                match d {
                    '’' => wide.push('\''),
                    _ => wide.extend(d.to_lowercase()),
                }
            }
            wides.push((toks.len(), ls, wide.len()));
            ""
        };
        toks.push(Tok {
            start: i,
            end: e,
            punct: false,
            cap,
            lower,
        });
        i = e;
    }
    hyphen
}

impl DocTokens<'_> {
    /// The tokens of the `k`th span `TokenBuf::tokenize` was given.
    pub fn sentence(&self, k: usize) -> Tokens<'_> {
        let (a, b, hyphen) = self.ranges[k];
        Tokens {
            toks: &self.toks[a..b],
            hyphen,
        }
    }
}

impl<'a> Tokens<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn get(&self, i: usize) -> &'a Tok<'a> {
        &self.toks[i]
    }

    /// Each token with its lowercase form, in order (for the loops over every token: no
    /// index to check).
    pub fn words(&self) -> impl Iterator<Item = (&'a Tok<'a>, &'a str)> + 'a {
        self.toks.iter().map(|t| (t, t.lower))
    }

    /// Lowercase form (a curly apostrophe made straight); "" past the end.
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.lower)
    }

    /// The token as written.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let t = &self.toks[i];
        &text[t.start..t.end]
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn at_or_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// `at_or_after(b)`, walking from token `from` when no token before it starts at or
    /// after `b` (an actor's end from its start: a word or two, not a binary search).
    pub fn at_or_after_from(&self, b: usize, from: usize) -> usize {
        if from > self.toks.len() || (from > 0 && self.toks[from - 1].start >= b) {
            return self.at_or_after(b);
        }
        let mut j = from;
        while j < self.toks.len() && self.toks[j].start < b {
            j += 1;
        }
        j
    }

    /// Index of the token holding byte `b`, else the first one after it.
    pub fn containing(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// `containing(b)`, walking from token `from` when every token before it ends at or
    /// before `b` (the actors of a sentence in text order: a few tokens apart, not a search).
    pub fn containing_from(&self, b: usize, from: usize) -> usize {
        if from > self.toks.len() || (from > 0 && self.toks[from - 1].end > b) {
            return self.containing(b);
        }
        let mut j = from;
        while j < self.toks.len() && self.toks[j].end <= b {
            j += 1;
        }
        j
    }

    /// A word of the sentence has a hyphen (`US-led`, `anti-Taliban`); a hyphen standing
    /// alone is a mark, not a word.
    pub fn hyphenated(&self) -> bool {
        self.hyphen
    }

    /// A word starting with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks[i].capitalised()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks() {
        let text = "Iran’s FM didn't meet U.S. envoys (in Tehran-Baghdad talks).";
        let mut buf = TokenBuf::default();
        let doc = buf.tokenize(text, &[(0, text.len())]);
        let t = doc.sentence(0);
        let words: Vec<&str> = (0..t.len()).map(|i| t.lower(i)).collect();
        assert_eq!(
            words,
            vec![
                "iran's",
                "fm",
                "didn't",
                "meet",
                "u.s.",
                "envoys",
                "(",
                "in",
                "tehran-baghdad",
                "talks",
                ")",
                "."
            ]
        );
        assert_eq!(t.word(text, 0), "Iran’s");
        assert_eq!(t.at_or_after(text.find("meet").unwrap()), 3);
        assert!(t.is_capitalised(4) && !t.is_capitalised(3));
    }

    #[test]
    fn walk_agrees_with_search() {
        let text = "Iran’s FM met U.S. envoys in Tehran-Baghdad talks.";
        let mut buf = TokenBuf::default();
        let doc = buf.tokenize(text, &[(0, text.len())]);
        let t = doc.sentence(0);
        for b in 0..=text.len() + 1 {
            for from in 0..=t.len() + 1 {
                assert_eq!(t.at_or_after_from(b, from), t.at_or_after(b), "{b} {from}");
                assert_eq!(t.containing_from(b, from), t.containing(b), "{b} {from}");
            }
        }
    }

    #[test]
    fn sentences_share_one_buffer() {
        // a vertical tab and a no-break space separate; a non-ASCII word gets its own form
        let text = "ZÜRICH’S Mayor\u{b}spoke\u{a0}today. Then U.S. forces—left İzmir.";
        let cut = text.find("Then").unwrap();
        let mut buf = TokenBuf::default();
        let doc = buf.tokenize(text, &[(0, cut), (cut, text.len())]);
        let (r1, r2) = (0, 1);
        let lower = |r| {
            let t = doc.sentence(r);
            (0..t.len())
                .map(|i| t.lower(i).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(lower(r1), ["zürich's", "mayor", "spoke", "today", "."]);
        assert_eq!(
            lower(r2),
            ["then", "u.s.", "forces", "—", "left", "i\u{307}zmir", "."]
        );
        let t = doc.sentence(r2);
        assert_eq!(t.word(text, 1), "U.S.");
        assert_eq!(t.get(0).start, cut);
        assert!(t.get(3).punct && !t.get(4).punct);
    }

    /// The tokens as the module's first lines define them, char by char: the fast paths of
    /// `push` (ASCII runs, the blank after a word) must give the same.
    fn plain(s: &str) -> Vec<(usize, usize, bool, bool, String)> {
        let cs: Vec<(usize, char)> = s.char_indices().collect();
        let alnum = |k: usize| cs.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(&(i, c)) = cs.get(k) {
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push((i, i + c.len_utf8(), true, false, c.to_string()));
                k += 1;
                continue;
            }
            let mut j = k + 1;
            loop {
                if alnum(j) {
                    j += 1;
                    continue;
                }
                match cs.get(j) {
                    Some(&(p, '.')) if abbreviation_dot(&s.as_bytes()[i..p]) => {
                        j += 1;
                        break;
                    }
                    Some(&(_, d)) if joins(d) && alnum(j + 1) => j += 2,
                    _ => break,
                }
            }
            let e = cs.get(j).map_or(s.len(), |&(p, _)| p);
            let lower = s[i..e]
                .chars()
                .flat_map(|d| match d {
                    '’' => "'".chars().collect::<Vec<_>>(),
                    _ => d.to_lowercase().collect(),
                })
                .collect();
            out.push((i, e, false, c.is_uppercase(), lower));
            k = j;
        }
        out
    }

    #[test]
    fn alnum_agrees_with_unicode() {
        for c in ('\u{0}'..='\u{3000}').chain(['é', 'İ', '’', '—', '\u{2071}', '\u{2160}']) {
            assert_eq!(alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn push_agrees_with_plain_definition() {
        const CHARS: &[&str] = &[
            "a", "B", "z", "7", " ", " ", ".", "-", "'", "’", "‑", ",", "é", "É", "\u{a0}", "U",
            "S", "—", "\u{b}", "(", "İ", "ß", "\n", "“", "…", "\u{2028}", "\u{205f}",
        ];
        let mut rng = crate::text::testgen::XorShift(0x5eed_0123_4567_89ab);
        for _ in 0..3000 {
            let n = rng.below(24);
            let text: String = (0..n).map(|_| CHARS[rng.below(CHARS.len())]).collect();
            let mut buf = TokenBuf::default();
            let doc = buf.tokenize(&text, &[(0, text.len())]);
            let t = doc.sentence(0);
            let got: Vec<_> = t
                .words()
                .map(|(tok, lower)| (tok.start, tok.end, tok.punct, tok.cap, lower.to_string()))
                .collect();
            assert_eq!(got, plain(&text), "{text:?}");
            let hyphen = got.iter().any(|w| !w.2 && w.4.contains('-'));
            assert_eq!(t.hyphenated(), hyphen, "{text:?}");
            // the same sentence after another one in the document and in the buffer (its
            // lowercase copy then lies elsewhere than its bytes; the letter just before it
            // must not join its first word)
            const BEFORE: &str = "Zé U";
            let doc_text = format!("{BEFORE}{text}");
            let mut buf = TokenBuf::default();
            let doc = buf.tokenize(
                &doc_text,
                &[(0, BEFORE.len()), (BEFORE.len(), doc_text.len())],
            );
            let t = doc.sentence(1);
            let got: Vec<_> = t
                .words()
                .map(|(tok, lower)| {
                    let (s, e) = (tok.start - BEFORE.len(), tok.end - BEFORE.len());
                    (s, e, tok.punct, tok.cap, lower.to_string())
                })
                .collect();
            assert_eq!(got, plain(&text), "after a sentence: {text:?}");
        }
    }
}
