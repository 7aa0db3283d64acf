//! Quotations and who said them: every quote-mark style, partial quotes, quotes spanning
//! paragraphs; speakers resolved to the canonical names of the entities stage.
//!
//! Reads the Body regions only (headline repeats, captions and boilerplate are skipped).
//! Ignores quotes nested inside another quote, and quotation marks around names of things
//! rather than speech (titles of works, nicknames, `so-called “…”`, short scare quotes
//! with no speaker): those are dropped, not returned unattributed.

mod attribution;
mod marks;
mod speakers;
mod words;

use crate::article::{Article, RegionKind};
use crate::entities::Entity;
use crate::lexicon::Lexicon;
use crate::text::{floor_boundary, trim, Sentence};
use attribution::Attribution;
use marks::Pair;
use speakers::Speakers;
use words::{is_cap, is_lower, is_naming_cue, strip_possessive, tokenize, Tok};

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

/// How far around a quote attribution looks (bytes); keeps the stage linear.
const BEFORE: usize = 600;
const AFTER: usize = 300;
/// A quote with no speaker of its own continues the previous one within this distance.
const CONTINUE: usize = 1500;
/// A partial quote of at most this many words with no speech verb is a scare quote.
const SCARE_WORDS: usize = 3;
/// The most words of a partial quote any test reads (`is_naming`'s title-case phrase).
const FEW_WORDS: usize = 8;

pub fn find(
    text: &str,
    article: &Article,
    sentences: &[Sentence],
    entities: &[Entity],
    lex: &Lexicon,
) -> Vec<Quote> {
    // every line break, found once: the marks' paragraphs, the lines and the paragraphs of
    // the continuation test are read from them
    // sized for a line of 64 bytes (a `collect` starts from no room and grows a few times)
    let mut newlines: Vec<usize> = Vec::with_capacity(text.len() / 64 + 8);
    newlines.extend(memchr::memchr_iter(b'\n', text.as_bytes()));
    let mut pairs = Vec::new();
    let regions = &article.regions;
    let mut i = 0;
    while i < regions.len() {
        if regions[i].kind != RegionKind::Body {
            i += 1;
            continue;
        }
        // consecutive Body regions pair together (a quote may run across their breaks)
        let from = regions[i].start;
        let mut to = regions[i].end;
        while i + 1 < regions.len() && regions[i + 1].kind == RegionKind::Body {
            i += 1;
            to = regions[i].end;
        }
        pairs.extend(marks::pair(text, from, to.min(text.len()), &newlines));
        i += 1;
    }
    if pairs.is_empty() {
        return Vec::new();
    }
    let headline_lines = headline_repeats(text, article, &pairs, &newlines);
    pairs.retain(|p| {
        let j = headline_lines.partition_point(|&(s, _)| s <= p.open);
        j == 0 || p.open >= headline_lines[j - 1].1
    });
    // the paragraph starts, found when a continuation is first asked about (most quotes
    // have a speaker of their own, most documents never ask)
    let mut paragraphs: Option<Vec<usize>> = None;

    let mut sp = Speakers::new(text, sentences, entities, lex);
    let mut out: Vec<Quote> = Vec::with_capacity(pairs.len());
    // the token buffers are reused for every quote: sized once for a long sentence
    let mut toks: Vec<Tok> = Vec::with_capacity(128);
    let mut after_toks: Vec<Tok> = Vec::with_capacity(64);
    // no quote before the one read reaches past this: the words after it (most of them)
    // are not searched for in the earlier quotes
    let mut earlier_end = 0;
    for (k, p) in pairs.iter().enumerate() {
        if let Some(q) = k.checked_sub(1).map(|j| &pairs[j]) {
            earlier_end = earlier_end.max(q.outer_end());
        }
        let (s, e) = p.inner();
        let inner = &text[s..e];
        if trim(inner).is_empty() {
            continue;
        }
        // words before the quote, from its sentence start
        let sent_start = sentence_start(sentences, p.open).max(p.open.saturating_sub(BEFORE));
        let sent_start = floor_boundary(text, sent_start);
        toks.clear();
        tokenize(text, sent_start, p.open, &mut toks);
        let partial = !is_statement(text, p, &toks, lex);
        // `Zarif said:¶“…”`: the attribution ends the paragraph before
        if toks.is_empty() {
            let head = text[..p.open].trim_end();
            if head.ends_with(':') {
                let colon = head.len() - 1;
                let from = floor_boundary(
                    text,
                    sentence_start(sentences, colon).max(colon.saturating_sub(BEFORE)),
                );
                tokenize(text, from, colon + 1, &mut toks);
            }
        }
        // only a partial quote asks for its words, and only whether they are a few (at most
        // 8): counting stops there rather than reading a long quote through
        let n_words = if partial {
            count_words(inner, FEW_WORDS + 1)
        } else {
            usize::MAX
        };
        if partial && is_naming(text, p, &toks, inner, n_words) {
            continue;
        }
        // an earlier quote of the sentence is not read for verbs
        let earlier = &pairs[..k];
        let skip = |pos: usize| {
            pos < earlier_end && {
                let j = earlier.partition_point(|q| q.open <= pos);
                j > 0 && pos < earlier[j - 1].outer_end()
            }
        };
        let inner_last = inner.trim_end().chars().next_back();
        let mut attr: Option<Attribution> = None;
        if inner_last != Some('.') {
            after_window(text, p.outer_end(), &mut after_toks);
            attr = attribution::after(text, &after_toks, lex);
        }
        if attr.is_none() {
            attr = attribution::before(text, &toks, &skip, lex);
        }
        let mut q = Quote {
            start: s,
            end: e,
            partial,
            speaker: None,
            speaker_span: None,
            verb: None,
        };
        if let Some(a) = attr {
            q.speaker = sp.resolve(&a.cand);
            q.speaker_span = Some(a.cand.span());
            q.verb = Some(a.verb);
        }
        if q.speaker.is_none() {
            if partial && n_words <= SCARE_WORDS && q.verb.is_none() {
                continue;
            }
            // a quote with no speaker of its own continues the last one
            let near = out
                .last()
                .filter(|prev| prev.speaker.is_some() && s.saturating_sub(prev.end) <= CONTINUE);
            if let Some(prev) = near {
                let paragraphs =
                    paragraphs.get_or_insert_with(|| paragraph_starts(text, &newlines));
                let para = |x: usize| paragraphs.partition_point(|&ps| ps <= x);
                if para(s) <= para(prev.start) + 1 {
                    q.speaker = prev.speaker.clone();
                    q.speaker_span = prev.speaker_span;
                    q.verb = prev.verb.clone();
                }
            }
        }
        out.push(q);
    }
    out
}

/// `s.split_whitespace().take(cap).count()`, read byte by byte: an ASCII byte is asked by
/// a match, a char beyond ASCII is decoded (`split_whitespace` went through its searcher
/// and a filter for every char).
fn count_words(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut i, mut in_word) = (0, 0, false);
    while i < b.len() && n < cap {
        let (space, len) = if b[i] < 0x80 {
            // the ASCII chars `char::is_whitespace` holds
            (matches!(b[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            n += 1;
        }
        in_word = !space;
        i += len;
    }
    n
}

/// Start of the sentence holding byte `pos` (or of its line when no sentence holds it).
fn sentence_start(sentences: &[Sentence], pos: usize) -> usize {
    let i = sentences.partition_point(|s| s.start <= pos);
    match i.checked_sub(1).map(|k| &sentences[k]) {
        Some(s) if pos < s.end.max(s.start + 1) => s.start,
        _ => pos,
    }
}

/// Byte offsets where each non-blank paragraph (line) starts; `newlines` are the offsets
/// of the text's line breaks.
fn paragraph_starts(text: &str, newlines: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(newlines.len() + 1);
    out.push(0);
    for &nl in newlines {
        let next = nl + 1;
        if next < text.len() && !matches!(text.as_bytes()[next], b'\n' | b'\r') {
            out.push(next);
        }
    }
    out
}

/// Lines repeating the headline, and any short line the text repeats (a headline the
/// article stage did not mark): quotes there are not speech of the body. Only the lines
/// holding a pair are asked about; `newlines` are the offsets of the text's line breaks.
/// Linear in the text (up to a log factor): a search back from every mark to its line
/// start, or a comparison of every line with every asked line, is quadratic on one long
/// line or on many short quoted ones.
fn headline_repeats(
    text: &str,
    article: &Article,
    pairs: &[Pair],
    newlines: &[usize],
) -> Vec<(usize, usize)> {
    let title = article
        .title
        .and_then(|t| text.get(t.start..t.end))
        .unwrap_or("")
        .trim();
    let mut opens: Vec<usize> = pairs.iter().map(|p| p.open).collect();
    opens.sort_unstable();
    // the lines holding an opening mark (the spans `split_inclusive('\n')` gives), each
    // once: a mark inside the last line found is skipped
    let mut lines: Vec<(usize, usize, &str, bool)> = Vec::with_capacity(opens.len());
    let mut line_end = 0;
    for &open in &opens {
        if open < line_end {
            continue;
        }
        let j = newlines.partition_point(|&k| k < open);
        let a = j.checked_sub(1).map_or(0, |i| newlines[i] + 1);
        let b = newlines.get(j).map_or(text.len(), |&k| k + 1);
        line_end = b;
        let l = trim(&text[a..b]);
        if !l.is_empty() {
            lines.push((a, b, l, l == title));
        }
    }
    // a short line seen twice: another line equal to it once trimmed, i.e. at least two
    // lines of the text (its own among them) trim to it
    let short = |l: &(usize, usize, &str, bool)| !l.3 && l.2.len() <= 300;
    // the asked lines in order of length, then bytes: a line of the text is looked up by a
    // binary search, and only when some asked line has its length (most lines are turned
    // away by a bit test, unhashed)
    let by_len = |x: &&str, y: &&str| x.len().cmp(&y.len()).then_with(|| x.cmp(y));
    let mut asked: Vec<&str> = Vec::with_capacity(lines.len());
    asked.extend(lines.iter().filter(|l| short(l)).map(|l| l.2));
    asked.sort_unstable_by(by_len);
    asked.dedup();
    if let (Some(shortest), Some(longest)) = (asked.first(), asked.last()) {
        let (shortest, longest) = (shortest.len(), longest.len());
        let mut lens = [0u64; 300 / 64 + 1];
        for a in &asked {
            lens[a.len() / 64] |= 1 << (a.len() % 64);
        }
        let mut seen = vec![0u32; asked.len()];
        let mut pos = 0;
        let mut breaks = newlines.iter();
        while pos < text.len() {
            let end = breaks.next().map_or(text.len(), |&k| k + 1);
            // a line shorter than every asked line cannot equal one: no trim, no search
            if end - pos >= shortest {
                let other = trim(&text[pos..end]);
                let n = other.len();
                if n <= longest && lens[n / 64] >> (n % 64) & 1 != 0 {
                    if let Ok(k) = asked.binary_search_by(|a| by_len(a, &other)) {
                        seen[k] += 1;
                    }
                }
            }
            pos = end;
        }
        for l in lines.iter_mut() {
            if short(l)
                && asked
                    .binary_search_by(|a| by_len(a, &l.2))
                    .is_ok_and(|k| seen[k] >= 2)
            {
                l.3 = true;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = lines
        .into_iter()
        .filter(|l| l.3)
        .map(|l| (l.0, l.1))
        .collect();
    out.sort_unstable();
    out
}

/// Tokens after the closing mark up to the end of its sentence (or line), into `toks`.
fn after_window(text: &str, from: usize, toks: &mut Vec<Tok>) {
    let end = after_end(text, from);
    toks.clear();
    tokenize(text, from, end, toks);
}

/// Where the window after a closing mark at `from` ends: its sentence's end, a line break,
/// the next opening quote, or `AFTER` bytes on.
fn after_end(text: &str, from: usize) -> usize {
    let to = floor_boundary(text, (from + AFTER).min(text.len()));
    let mut end = to;
    let win = &text.as_bytes()[from..to];
    // only a line break, `.`, `!`, `?` or a quote mark may end the window
    const STOP: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\n' as usize] = true;
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[b'"' as usize] = true;
        t[0xE2] = true;
        t
    };
    let mut k = 0;
    loop {
        // most bytes are none of these: 16 at a time are ruled out by comparing a block
        // with each stop byte (vector compares), the block holding one is read byte by byte
        while let Some(block) = win.get(k..k + 16) {
            let block: [u8; 16] = block.try_into().unwrap_or([b'\n'; 16]);
            if may_stop(block) {
                break;
            }
            k += 16;
        }
        let Some(skip) = win[k..].iter().position(|&b| STOP[b as usize]) else {
            break;
        };
        k += skip;
        let b = win[k];
        if b == b'\n' {
            end = from + k;
            break;
        }
        // a sentence end: `.`, `!`, `?` before a space, or an opening quote of the next quote
        if matches!(b, b'.' | b'!' | b'?' | b'"') || b == 0xE2 {
            let rest = &text[from + k..];
            if matches!(b, b'.' | b'!' | b'?') {
                let next = rest[1..].chars().next();
                if next.map_or(true, |c| c.is_whitespace()) {
                    // the word is short: a byte loop back to its space (a memrchr call cost
                    // ~80 instructions to start)
                    let word_start = win[..k]
                        .iter()
                        .rposition(|&c| c == b' ')
                        .map_or(from, |w| from + w + 1);
                    let word = &text[word_start..from + k];
                    // `U.S.` is not an ending
                    let initial = word.chars().count() == 1 && is_cap(word);
                    if !(word.contains('.') && word.len() <= 4 || words::is_abbrev(word) || initial)
                    {
                        end = from + k;
                        break;
                    }
                }
            } else if rest.starts_with('"') || rest.starts_with('“') || rest.starts_with('‘') {
                end = from + k;
                break;
            }
        }
        k += 1;
    }
    end
}

/// Whether a block of bytes holds one that may end the window after a quote.
#[inline]
fn may_stop(block: [u8; 16]) -> bool {
    block.iter().fold(false, |acc, &b| {
        acc | (b == b'\n') | (b == b'.') | (b == b'!') | (b == b'?') | (b == b'"') | (b == 0xE2)
    })
}

/// A quoted statement rather than a fragment: it opens its sentence or paragraph, follows
/// a colon, or follows a comma after a speech verb (`told reporters, “…”`).
fn is_statement(text: &str, p: &Pair, before: &[Tok], lex: &Lexicon) -> bool {
    let head = text[..p.open].trim_end_matches([' ', '\t', '\u{a0}']);
    let Some(c) = head.chars().next_back() else {
        return true;
    };
    match c {
        '\n' | '\r' | '.' | '!' | '?' | ':' | '…' => true,
        '"' | '”' | '’' | '\'' | '»' => true,
        ',' => {
            let n = before.len();
            (n.saturating_sub(6)..n).any(|k| attribution::verb_at(text, before, k, lex).is_some())
        }
        _ => before.is_empty(),
    }
}

/// Quotation marks around a name rather than speech: a naming word right before
/// (`so-called`, `dubbed`, `the book`), a nickname between two name words, or a short
/// title-cased phrase without end punctuation (`the “Islamic Revolution Prize”`).
fn is_naming(text: &str, p: &Pair, before: &[Tok], inner: &str, n_words: usize) -> bool {
    let mut k = before.len();
    // ASCII case-folding equals `to_lowercase` here: no non-ASCII letter lowercases to
    // a letter of these words
    while k > 0
        && before[k - 1].word
        && ["the", "a", "an", "as"]
            .iter()
            .any(|w| before[k - 1].text(text).eq_ignore_ascii_case(w))
    {
        k -= 1;
    }
    if k > 0 {
        let w = before[k - 1].text(text);
        if is_naming_cue(w) && !w.eq_ignore_ascii_case("called") {
            return true;
        }
        // `called “X”` names; `called for “X”` speaks
        if w.eq_ignore_ascii_case("called") && k == before.len() {
            return true;
        }
        if w.eq_ignore_ascii_case("as")
            && k >= 2
            && before[k - 2].text(text).eq_ignore_ascii_case("known")
        {
            return true;
        }
    }
    let ends_punct = inner.trim_end().ends_with(['.', ',', '!', '?', ';', ':']);
    // nickname: `Abu “The Butcher” Haddad`
    if n_words <= 3 {
        let prev_name = before
            .last()
            .is_some_and(|t| t.word && is_cap(t.text(text)) && !words::is_stop_cap(t.text(text)));
        // (the next word is read only after a name word before)
        let next_name = || {
            text[p.outer_end()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| is_cap(strip_possessive(w).0))
        };
        if prev_name && next_name() {
            return true;
        }
    }
    if !ends_punct && n_words <= FEW_WORDS && inner.split_whitespace().next().is_some_and(is_cap) {
        let title_case = inner.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().count() < 4 || !is_lower(w)
        });
        if title_case {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Region;
    use crate::text::segment;

    /// `headline_repeats` by its definition, quadratic: each pair's line, marked when it is
    /// the headline or when another line of the text trims to the same short text.
    fn headline_repeats_ref(text: &str, title: &str, pairs: &[Pair]) -> Vec<(usize, usize)> {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(k, _)| k + 1));
        starts.retain(|&k| k < text.len());
        let line_of = |p: usize| {
            let a = *starts.iter().rev().find(|&&k| k <= p).unwrap_or(&0);
            let b = text[a..].find('\n').map_or(text.len(), |k| a + k + 1);
            (a, b)
        };
        for p in pairs {
            let (a, b) = line_of(p.open);
            let l = text[a..b].trim();
            let repeated = l.len() <= 300
                && starts
                    .iter()
                    .any(|&s| s != a && line_of(s).0 == s && text[s..line_of(s).1].trim() == l);
            if !l.is_empty() && (l == title || repeated) && !lines.contains(&(a, b)) {
                lines.push((a, b));
            }
        }
        lines.sort_unstable();
        lines
    }

    /// `after_end` by its definition: every byte in turn, the first that ends a sentence,
    /// a line or the window.
    fn after_end_ref(text: &str, from: usize) -> usize {
        let to = floor_boundary(text, (from + AFTER).min(text.len()));
        for k in from..to {
            let b = text.as_bytes()[k];
            if b == b'\n' {
                return k;
            }
            if !text.is_char_boundary(k) {
                continue;
            }
            let rest = &text[k..];
            if matches!(b, b'.' | b'!' | b'?') {
                if rest[1..].chars().next().map_or(true, char::is_whitespace) {
                    let word = text[from..k].rsplit(' ').next().unwrap_or("");
                    let initial = word.chars().count() == 1 && is_cap(word);
                    if !(word.contains('.') && word.len() <= 4 || words::is_abbrev(word) || initial)
                    {
                        return k;
                    }
                }
            } else if rest.starts_with(['"', '“', '‘']) {
                return k;
            }
        }
        to
    }

    #[test]
    fn after_end_matches_its_definition() {
        let pieces = [
            " he said",
            ".",
            " U.S.",
            " Dr.",
            " J.",
            "!",
            "?",
            "\n",
            "\"",
            "“",
            "‘",
            "’s",
            " — ",
            "…",
            " é",
            " Gen. Omar Faris told reporters on Monday in the capital",
            &"x".repeat(17),
            " ",
        ];
        let mut seed = crate::text::testgen::Lcg(13);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..seed.below(30) {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            for from in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                assert_eq!(
                    after_end(&t, from),
                    after_end_ref(&t, from),
                    "{t:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn count_words_is_split_whitespace() {
        let pieces = [
            " ", "\t", "\n", "\u{b}", "\u{1c}", "\u{85}", "\u{a0}", "\u{2003}", "a", "é", "“", ".",
        ];
        let mut seed = crate::text::testgen::Lcg(23);
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..seed.below(24) {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            for cap in [1, 3, 9, 100] {
                let want = t.split_whitespace().take(cap).count();
                assert_eq!(count_words(&t, cap), want, "{t:?} cap {cap}");
            }
        }
    }

    #[test]
    fn trim_is_str_trim() {
        let pieces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{a0}", "\u{2003}", "\u{1c}", "a", "é", "“",
            ".", "",
        ];
        let mut seed = crate::text::testgen::Lcg(9);
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..seed.below(8) {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            assert_eq!(trim(&t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn headline_repeats_matches_its_definition() {
        let pieces = [
            "\u{201c}Talks will go on,\u{201d} the minister said.",
            "Ceasefire holds",
            "  Ceasefire holds  ",
            "\"We are ready\" he said, \"today.\"",
            "Officials met on Monday.",
            "\u{201c}Ceasefire holds\u{201d}",
            "",
            "A \"short\" one",
        ];
        let mut seed = crate::text::testgen::Lcg(7);
        for round in 0..400 {
            let n = 1 + round % 9;
            let mut text = String::new();
            for _ in 0..n {
                let r = seed.step();
                text.push_str(pieces[(r >> 33) as usize % pieces.len()]);
                text.push(if r & 1 == 0 { '\n' } else { ' ' });
            }
            let title_end = text.find('\n').unwrap_or(text.len());
            let article = Article {
                title: (round % 3 == 0).then_some(crate::text::Span {
                    start: 0,
                    end: title_end,
                }),
                ..Article::default()
            };
            let title = if round % 3 == 0 {
                text[..title_end].trim()
            } else {
                ""
            };
            // sized for a line of 64 bytes (a `collect` starts from no room and grows a few times)
            let mut newlines: Vec<usize> = Vec::with_capacity(text.len() / 64 + 8);
            newlines.extend(memchr::memchr_iter(b'\n', text.as_bytes()));
            let pairs = marks::pair(&text, 0, text.len(), &newlines);
            assert_eq!(
                headline_repeats(&text, &article, &pairs, &newlines),
                headline_repeats_ref(&text, title, &pairs),
                "{text:?}"
            );
        }
    }

    fn run(text: &str) -> Vec<(String, Option<String>, bool, Option<String>)> {
        let regions = vec![Region {
            start: 0,
            end: text.len(),
            kind: RegionKind::Body,
        }];
        let article = Article {
            regions: regions.clone(),
            ..Article::default()
        };
        let sentences = segment(text, &regions);
        find(text, &article, &sentences, &[], Lexicon::builtin())
            .into_iter()
            .map(|q| {
                (
                    text[q.start..q.end].to_string(),
                    q.speaker,
                    q.partial,
                    q.verb,
                )
            })
            .collect()
    }

    type Row = (String, Option<String>, bool);

    fn who(text: &str) -> Vec<Row> {
        run(text)
            .into_iter()
            .map(|(t, s, p, _)| (t, s, p))
            .collect()
    }

    fn q(t: &str, s: Option<&str>, p: bool) -> Row {
        (t.to_string(), s.map(String::from), p)
    }

    #[test]
    fn attribution_cases() {
        let cases: Vec<(&str, &str, Vec<Row>)> = vec![
            (
                "after, surname completed",
                "Foreign Minister Leila Navabi met the envoy. “We are ready to talk,” Navabi said.",
                vec![q("We are ready to talk,", Some("Leila Navabi"), false)],
            ),
            (
                "verb first",
                "“Nothing has changed,” said Defence Minister Omar Faris.",
                vec![q("Nothing has changed,", Some("Omar Faris"), false)],
            ),
            (
                "colon before",
                "Omar Faris said: “The border stays closed.”",
                vec![q("The border stays closed.", Some("Omar Faris"), false)],
            ),
            (
                "continuation and pronoun",
                "Omar Faris spoke in Amman. “We will wait,” he said. “Then we decide.”",
                vec![q("We will wait,", Some("Omar Faris"), false), q("Then we decide.", Some("Omar Faris"), false)],
            ),
            (
                "unnamed speaker keeps its phrase",
                "A senior Jordanian official told reporters, \"the sooner the better.\" \"We are patient,\" the official said.",
                vec![q("the sooner the better.", Some("senior Jordanian official"), false), q("We are patient,", Some("senior Jordanian official"), false)],
            ),
            (
                "quoting frame",
                "“Trade must grow,” the state news agency quoted Omar Faris as saying.",
                vec![q("Trade must grow,", Some("Omar Faris"), false)],
            ),
            (
                "partial fragment",
                "President Sami Haddad called for “calm and restraint” in the region.",
                vec![q("calm and restraint", Some("Sami Haddad"), true)],
            ),
            (
                "titles and nicknames dropped",
                "He read the book “Roads of Fire” and met Ali “The Lion” Karimi, a so-called “moderate”.",
                vec![],
            ),
            (
                "apposition names the speaker",
                "“It is a start,” Ahmed Youssef, a spokesman for the council, said. The mayor of the city, Dr. Lina Farouk, warned that “water is short.”",
                vec![q("It is a start,", Some("Ahmed Youssef"), false), q("water is short.", Some("Lina Farouk"), true)],
            ),
            (
                "quoted him as saying",
                "Foreign Minister Leila Navabi spoke in Ankara. “We want calm,” the agency quoted her as saying.",
                vec![q("We want calm,", Some("Leila Navabi"), false)],
            ),
            (
                "a noun before a title is not a verb",
                "“The bill helps,” White House press secretary Tom Reid told journalists.",
                vec![q("The bill helps,", Some("Tom Reid"), false)],
            ),
            (
                "definite role resolves to the named person",
                "Deputy Minister Rana Saleh arrived on Monday. “The talks were useful,” the deputy minister said.",
                vec![q("The talks were useful,", Some("Rana Saleh"), false)],
            ),
            (
                "multi paragraph quote",
                "Rana Saleh said:\n\n“First we rebuild.\n\n“Then we talk.”\n\nOther news.",
                vec![q("First we rebuild.\n\n“Then we talk.", Some("Rana Saleh"), false)],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(who(text), want, "case {name}");
        }
    }

    #[test]
    fn repeated_headline_lines_are_skipped() {
        let t = "‘Stay home,’ health chief tells city\n\n‘Stay home,’ health chief tells city\n\n“We are ready,” Dr. Lina Farouk said.";
        assert_eq!(who(t), vec![q("We are ready,", Some("Lina Farouk"), false)]);
    }

    #[test]
    fn many_quotes_on_one_line_stay_linear() {
        let t = "“We go,” Omar Faris said. ".repeat(20_000) + &"“x ".repeat(50_000);
        let start = std::time::Instant::now();
        let n = run(&t).len();
        assert_eq!(n, 20_000);
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn never_panics_on_random_text() {
        let alphabet: Vec<char> = "ab Z.,:;\n\"'“”‘’«»—é said he “".chars().collect();
        let mut seed = crate::text::testgen::Lcg(7);
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..80 {
                t.push(alphabet[seed.below(alphabet.len())]);
            }
            for q in run(&t) {
                assert!(t.contains(&q.0));
            }
        }
    }

    #[test]
    fn verb_is_reported() {
        let got = run("“It is over,” Rana Saleh insisted.");
        assert_eq!(got[0].3.as_deref(), Some("insisted"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "\"",
            "“",
            "”a“",
            "'\"'\"",
            "«»",
            "“\n”",
            "é“x”é said",
            "said “",
            "”said“ x ”",
        ] {
            let _ = run(t);
        }
    }

    /// Throughput of this stage alone (run in release mode with `--ignored --nocapture`):
    /// the dev articles if present, else sample text, repeated to about 20 MB.
    #[test]
    #[ignore]
    fn throughput() {
        let mut docs: Vec<String> = std::fs::read_to_string(
            std::env::var("QUOTES_BENCH").unwrap_or("/work/shared/eval/dev.jsonl".into()),
        )
        .map(|s| {
            s.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["text"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
        if docs.is_empty() {
            docs.push(
                "“We go,” Omar Faris said. He added that talks would “resume soon.” ".repeat(40),
            );
        }
        let lex = Lexicon::builtin();
        let mut prepared = Vec::new();
        let mut bytes = 0usize;
        while bytes < 20_000_000 {
            for d in &docs {
                let regions = vec![Region {
                    start: 0,
                    end: d.len(),
                    kind: RegionKind::Body,
                }];
                let article = Article {
                    regions: regions.clone(),
                    ..Article::default()
                };
                let sentences = segment(d, &regions);
                bytes += d.len();
                prepared.push((d.as_str(), article, sentences));
            }
        }
        // CPU time of this thread (the machine may be shared), from /proc when available
        let cpu = || -> Option<f64> {
            let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
            let f: Vec<&str> = s.rsplit(')').next()?.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        };
        // with QUOTES_BENCH_ENTITIES set, as if the entities stage had found one mention
        // (own name scan skipped)
        let fake = std::env::var("QUOTES_BENCH_ENTITIES")
            .is_ok()
            .then(|| Entity {
                start: 0,
                end: 0,
                kind: crate::entities::EntityKind::Place,
                canonical: Default::default(),
                code: None,
                title: None,
                agent: None,
                actor: 0,
            });
        let ents: Vec<Entity> = fake.into_iter().collect();
        let (t, c0) = (std::time::Instant::now(), cpu());
        let mut n = 0;
        for (d, a, s) in &prepared {
            n += find(d, a, s, &ents, lex).len();
        }
        let wall = t.elapsed().as_secs_f64();
        let secs = match (c0, cpu()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => wall,
        };
        println!("wall {wall:.3} s, cpu {secs:.3} s");
        println!(
            "quotes: {} MB in {:.3} s = {:.0} MB/s ({} quotes)",
            bytes / 1_000_000,
            secs,
            bytes as f64 / 1e6 / secs,
            n
        );
    }
}
