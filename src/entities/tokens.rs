//! Word tokens of a sentence, with the shapes name chunking needs: capitalised words,
//! all-caps words, initials (`J.`), name particles (`al-`, `bin`, `van`), possessives.
//! One linear pass over the sentence; no regex.

use super::words;
use crate::text::byte_class::{ascii_lower_mask, ascii_upper_mask, ALNUM, CLASS, OTHER, SPACE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `Zarif`, `al-Araji`, `O'Leary`, `Takht-Ravanchi`
    Cap,
    /// `IRGC`, `ATTA`, `U.S.` (two or more letters, all upper case)
    Upper,
    /// `J.` or a single capital letter
    Initial,
    /// a lowercase name particle: `al`, `bin`, `van`, `de`
    Particle,
    /// any other word (lowercase, digits)
    Lower,
    /// `'s` / `’s`
    Poss,
    /// one punctuation character
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// Index of the sentence (among the scanned spans).
    pub sent: u32,
    /// The first word of its sentence (after opening quotes or brackets).
    pub first: bool,
    /// A name-like word that is a function word (`The`, `AND`): looked up once here, since
    /// the name rules ask it of every capitalised word several times.
    pub stop: bool,
    /// The word has an inner hyphen (`al-Araji`, `US-Iran`): known from the scan, so no
    /// later rule searches the word for one.
    pub hyphen: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn is_name_like(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper | Shape::Initial)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The char at byte `i` of `s` and its length; ASCII without decoding. `None` past the end
/// and inside a multi-byte char (callers peek at `i + 1` past a char they assume is ASCII).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// Tokenize `text[start..end]` into `out`: one pass over the bytes, decoding only non-ASCII.
/// Returns how the sentence is written: (like a headline, its content words capitalised;
/// mostly in capitals), counted as its words are read.
pub fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    sent: u32,
    out: &mut Vec<Tok>,
) -> (bool, bool) {
    tokenize_with::<true>(text, start, end, sent, out)
}

/// Word counts of a sentence, for the casing `tokenize` returns: two counts in each half
/// of a `u64` (a sentence has far fewer than 2^32 words), added from a table by shape.
#[derive(Default)]
struct CaseCounts {
    /// words (initials aside), and all-caps words above bit 32
    words_up: u64,
    /// capitalised or all-caps words that are no function word, and above bit 32 lowercase
    /// content words (five bytes or more, a letter first: "to", "from", "as" are lowercase
    /// in headlines too)
    caps_lower: u64,
}

/// Per `Shape` (in declaration order): what a word adds to `CaseCounts::words_up`, to
/// `caps_lower` when no function word, and to `caps_lower` when a long lowercase word.
const CASE_COUNTS: [(u64, u64, u64); 7] = {
    const UP: u64 = 1 << 32;
    [
        (1, 1, 0),      // Cap
        (1 + UP, 1, 0), // Upper
        (0, 0, 0),      // Initial
        (1, 0, 0),      // Particle
        (1, 0, UP),     // Lower
        (0, 0, 0),      // Poss
        (0, 0, 0),      // Punct
    ]
};

impl CaseCounts {
    #[inline]
    fn add(&mut self, shape: Shape, stop: bool, long_word: bool) {
        let (words_up, caps, lower) = CASE_COUNTS[shape as usize];
        self.words_up += words_up;
        // all ones or none: no branch on the word
        let (not_stop, long) = (
            u64::from(!stop).wrapping_neg(),
            u64::from(long_word).wrapping_neg(),
        );
        self.caps_lower += (caps & not_stop) | (lower & long);
    }

    fn casing(&self) -> (bool, bool) {
        let (words, up) = (self.words_up as u32, (self.words_up >> 32) as u32);
        let (caps, lower) = (self.caps_lower as u32, (self.caps_lower >> 32) as u32);
        (caps >= 3 && lower * 4 <= caps, words >= 3 && up * 2 > words)
    }
}

/// The shape of a capitalised word of two to eight ASCII letters and digits, and whether it
/// is a function word (`words::STOP`), from masks of its bytes: `w` holds them (and zeros
/// past them, `len` of them), `word` is the word. The same answers as `shape_of` and `STOP.contains_lower`,
/// without a test per byte or a hash of the word.
#[inline]
fn capitalised(w: u64, len: usize, word: &str) -> (Shape, bool) {
    let upper = ascii_upper_mask(w);
    let small = ascii_lower_mask(w);
    // letters past the first, which is a capital
    let shape = if (upper | small) & !0x80 == 0 {
        Shape::Initial
    } else if small == 0 {
        Shape::Upper
    } else {
        Shape::Cap
    };
    let stop = if len <= 7 {
        // lowercased (0x20 on each capital), with its length on top: `words::pack`
        words::STOP.contains_packed_lower((w | upper >> 2) | (len as u64) << 56)
    } else {
        // eight bytes: the set's own look-up, of the word as the text has it
        words::STOP.contains_lower(word)
    };
    (shape, stop)
}

/// `tokenize`; `PLAIN`: read plain words with `plain_word` (false only in the test that
/// checks it against the byte loop).
fn tokenize_with<const PLAIN: bool>(
    text: &str,
    start: usize,
    end: usize,
    sent: u32,
    out: &mut Vec<Tok>,
) -> (bool, bool) {
    let s = &text[start..end];
    let mut counts = CaseCounts::default();
    let sb = s.as_bytes();
    let mut i = 0usize;
    let mut seen_word = false;
    while i < sb.len() {
        // an ASCII byte is classed by the table, other chars decoded
        let (c, n, word) = match CLASS[sb[i] as usize] {
            SPACE => {
                i += 1;
                continue;
            }
            ALNUM => (sb[i] as char, 1, true),
            OTHER => (sb[i] as char, 1, false),
            _ => {
                let Some((c, n)) = char_at(s, i) else { break };
                if c.is_whitespace() {
                    i += n;
                    continue;
                }
                (c, n, c.is_alphanumeric())
            }
        };
        if word {
            // a word: letters/digits with inner hyphens and apostrophes, dotted initials
            let mut j = i + n;
            let mut hyphen = false;
            // most words are ASCII letters: a byte at a time, no char decoding
            while j < sb.len() && CLASS[sb[j] as usize] == ALNUM {
                j += 1;
            }
            // where a word of ASCII letters and digits only ends
            let run = if n == 1 { j } else { usize::MAX };
            // the word ends at a blank or a comma far more often than anything else: the
            // rest of the word's rules out of line, where they keep no registers of this loop
            if j < sb.len() && !matches!(sb[j], b' ' | b',' | b'\n') {
                (j, hyphen) = word_end(s, i, j);
            }
            let (shape, stop) = match sb[i] {
                // ASCII letters and digits only (the loop took no other char): shapes told
                // from the first byte, without `shape_of`'s tests
                b'a'..=b'z' if PLAIN && j == run => {
                    let w = &sb[i..j];
                    // the word as one number from the text's eight bytes (a particle has
                    // five or fewer), not compared string by string
                    let particle = may_be_particle(w)
                        && match text.as_bytes().get(start + i..start + i + 8) {
                            Some(c) => {
                                let c = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
                                is_particle_packed(c & ((1u64 << (8 * w.len())) - 1))
                            }
                            None => words::is_particle(&s[i..j]),
                        };
                    let shape = if particle {
                        Shape::Particle
                    } else {
                        Shape::Lower
                    };
                    (shape, false)
                }
                b'0'..=b'9' if PLAIN && j == run => (Shape::Lower, false),
                b'A'..=b'Z' if PLAIN && j == run && (2..=8).contains(&(j - i)) => {
                    match text.as_bytes().get(start + i..start + i + 8) {
                        Some(c) => {
                            let len = j - i;
                            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
                            let keep = if len < 8 { (1u64 << (8 * len)) - 1 } else { !0 };
                            capitalised(w & keep, len, &s[i..j])
                        }
                        None => shape_and_stop(&s[i..j], hyphen),
                    }
                }
                _ => shape_and_stop(&s[i..j], hyphen),
            };
            counts.add(shape, stop, j - i >= 5 && sb[i].is_ascii_alphabetic());
            out.push(Tok {
                start: start + i,
                end: start + j,
                shape,
                sent,
                first: !seen_word,
                stop,
                hyphen,
            });
            seen_word = true;
            // the blank after a word, most often one: skipped here, not by another round
            i = if sb.get(j) == Some(&b' ') { j + 1 } else { j };
            continue;
        }
        if is_apostrophe(c) {
            let next = char_at(s, i + n).map(|x| x.0);
            let after = char_at(s, i + n + 1).map(|x| x.0);
            if matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric) {
                out.push(Tok {
                    start: start + i,
                    end: start + i + n + 1,
                    shape: Shape::Poss,
                    sent,
                    first: false,
                    stop: false,
                    hyphen: false,
                });
                i += n + 1;
                continue;
            }
        }
        out.push(Tok {
            start: start + i,
            end: start + i + n,
            shape: Shape::Punct,
            sent,
            first: false,
            stop: false,
            hyphen: false,
        });
        i += n;
    }
    counts.casing()
}

/// Where the word at `i` of `s` ends, read on from `j` (past its first char), and whether it
/// has an inner hyphen: letters and digits with inner hyphens and apostrophes, dotted
/// initials, an abbreviation's dot.
#[inline(never)]
fn word_end(s: &str, i: usize, mut j: usize) -> (usize, bool) {
    let sb = s.as_bytes();
    let mut hyphen = false;
    loop {
        while j < sb.len() && CLASS[sb[j] as usize] == ALNUM {
            j += 1;
        }
        if j < sb.len() && matches!(sb[j], b' ' | b',' | b'\n') {
            break;
        }
        let Some((d, dn)) = char_at(s, j) else { break };
        if d.is_alphanumeric() {
            j += dn;
            continue;
        }
        let next = char_at(s, j + dn).map(|x| x.0);
        if d == '-' && next.is_some_and(char::is_alphanumeric) {
            j += 1;
            hyphen = true;
            continue;
        }
        if is_apostrophe(d) && next.is_some_and(char::is_alphanumeric) {
            // possessive 's stays a token of its own
            let after = char_at(s, j + dn + 1).map(|x| x.0);
            let possessive =
                matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric);
            if possessive {
                break;
            }
            j += dn;
            continue;
        }
        if d == '.' {
            let w = &s[i..j];
            if is_initialism(w) {
                // U.S. / U.N.: keep reading letters after the dot
                j += 1;
                continue;
            }
            if words::is_abbreviation(w) {
                j += 1;
            }
        }
        break;
    }
    (j, hyphen)
}

/// `shape_of` a word, and whether it is a function word.
fn shape_and_stop(w: &str, hyphen: bool) -> (Shape, bool) {
    let shape = shape_of(w, hyphen);
    let stop = matches!(shape, Shape::Cap | Shape::Upper | Shape::Initial)
        && words::STOP.contains_lower(w);
    (shape, stop)
}

/// The name particles of `words::is_particle` (the tests check they agree).
const PARTICLES: [&[u8]; 23] = [
    b"al", b"el", b"bin", b"ibn", b"bint", b"van", b"von", b"de", b"der", b"den", b"da", b"di",
    b"du", b"del", b"della", b"la", b"le", b"dos", b"das", b"ter", b"ul", b"ud", b"ad",
];

/// A word of up to eight bytes as a number: its bytes in `u64::from_le_bytes` order.
const fn packed(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = w.len();
    while i > 0 {
        i -= 1;
        k = k << 8 | w[i] as u64;
    }
    k
}

/// The particles in a table of 128 slots by a multiplicative hash of `packed` (a
/// multiplier under which no two collide, found at compile time): a word is a particle
/// when its slot holds it, one multiply and one compare.
const PARTICLE_TABLE: (u64, [u64; 128]) = {
    let mut mul = 0x9E37_79B9_7F4A_7C15u64;
    loop {
        let mut table = [0u64; 128];
        let mut free = true;
        let mut k = 0;
        while k < PARTICLES.len() && free {
            let key = packed(PARTICLES[k]);
            let h = (key.wrapping_mul(mul) >> 57) as usize;
            free = table[h] == 0;
            table[h] = key;
            k += 1;
        }
        if free {
            break (mul, table);
        }
        mul = mul.wrapping_add(0x2545_F491_4F6C_DD1E);
    }
};

/// `words::is_particle` of a word given as `packed` (a word of eight bytes or fewer).
#[inline]
fn is_particle_packed(k: u64) -> bool {
    let (mul, table) = &PARTICLE_TABLE;
    k != 0 && table[(k.wrapping_mul(*mul) >> 57) as usize] == k
}

/// Per word length (up to five): the first letters of the name particles of that length,
/// as bits from `a`.
const PARTICLE_FIRST: [u32; 6] = {
    let particles = PARTICLES;
    let mut bits = [0u32; 6];
    let mut k = 0;
    while k < particles.len() {
        bits[particles[k].len()] |= 1 << (particles[k][0] - b'a');
        k += 1;
    }
    bits
};

/// False for a lowercase ASCII word that is no particle, for sure (its length and first
/// letter start none): most words of a text are asked.
#[inline]
fn may_be_particle(w: &[u8]) -> bool {
    w.len() <= 5 && PARTICLE_FIRST[w.len()] & (1 << (w[0].wrapping_sub(b'a') & 31)) != 0
}

/// `J`, `U.S`, `U.S.A` (before their final dot).
fn is_initialism(w: &str) -> bool {
    // the last part is one capital: an ASCII last byte that is no capital, or that follows
    // no dot, says no (most words before a dot end a sentence)
    if let [.., x, y] = w.as_bytes() {
        if y.is_ascii() && (!y.is_ascii_uppercase() || *x != b'.') {
            return false;
        }
    }
    !w.is_empty()
        && w.split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()))
}

/// The shape of word `w`; `hyphen`: it has an inner hyphen.
fn shape_of(w: &str, hyphen: bool) -> Shape {
    let b = w.as_bytes();
    let first = b.first().copied().unwrap_or(b' ');
    // the common case: a lowercase ASCII word with no hyphen
    if first.is_ascii_lowercase() && !hyphen {
        return if may_be_particle(b) && words::is_particle(w) {
            Shape::Particle
        } else {
            Shape::Lower
        };
    }
    // an ASCII first letter needs no decoding
    let upper_first = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        w.chars().next().is_some_and(char::is_uppercase)
    };
    if upper_first {
        // "EADS-led", "Craiova-based": an adjective, not a name
        if hyphen {
            if let Some(p) = w.rfind('-') {
                if w[p + 1..].chars().next().is_some_and(char::is_lowercase) {
                    return Shape::Lower;
                }
            }
        }
        // letters, and whether all are capitals: one pass over the bytes of an ASCII word
        let (mut letters, mut all_upper, mut ascii) = (0, true, true);
        for &c in b {
            ascii &= c.is_ascii();
            letters += u32::from(c.is_ascii_alphabetic());
            all_upper &= !c.is_ascii_lowercase();
        }
        if !ascii {
            (letters, all_upper) = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .fold((0, true), |(n, up), c| (n + 1, up && c.is_uppercase()));
        }
        if letters == 1 {
            // "A senior official", "I said": words, not initials
            if w == "A" || w == "I" {
                return Shape::Lower;
            }
            return Shape::Initial;
        }
        if all_upper {
            return Shape::Upper;
        }
        return Shape::Cap;
    }
    if words::is_particle(w) {
        return Shape::Particle;
    }
    // al-Araji, el-Sisi, bin-Laden: a particle glued to a capitalised name
    if let Some(p) = hyphen.then(|| w.find('-')).flatten() {
        let (head, tail) = (&w[..p], &w[p + 1..]);
        if words::is_particle(head) && tail.chars().next().is_some_and(char::is_uppercase) {
            return Shape::Cap;
        }
    }
    Shape::Lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<(&str, Shape)> {
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), 0, &mut v);
        v.iter().map(|k| (k.text(t), k.shape)).collect()
    }

    #[test]
    fn plain_words_read_as_the_byte_loop_reads_them() {
        // pieces of every kind, glued in a pseudo-random order into texts, each tokenized
        // over spans that end mid-text and at its end
        let pieces = [
            "The",
            "the",
            "A",
            "I",
            "al",
            "bin",
            "della",
            "IRGC",
            "U.S.",
            "J.",
            "Zarif",
            "ZARIF",
            "Afghanistan",
            "AFGHANISTANIS",
            "G7",
            "7th",
            "2024",
            "x",
            "Q",
            "Mr.",
            "Lt.",
            "de",
            "al-Araji",
            "US-Iran",
            "O'Leary",
            "Iran's",
            "Iran’s",
            "é",
            "Éric",
            "naïve",
            "AND",
            "And",
            "Minister",
            "ThE",
            "abcdefgh",
            "ABCDEFG",
            "Abcdefg",
            "Abcdefgh",
            " ",
            " ",
            " ",
            ", ",
            ".",
            "\n",
            "-",
            "(",
            "\"",
            "“",
            "\t",
            "  ",
            "’s",
        ];
        let mut seed = crate::text::testgen::Lcg(12345);
        for _ in 0..400 {
            let mut t = String::new();
            for _ in 0..12 {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &a in cuts.iter().step_by(3) {
                for &b in cuts
                    .iter()
                    .filter(|&&b| b >= a)
                    .step_by(5)
                    .chain([&t.len()])
                {
                    let (mut fast, mut slow) = (Vec::new(), Vec::new());
                    let c = tokenize_with::<true>(&t, a, b, 3, &mut fast);
                    let d = tokenize_with::<false>(&t, a, b, 3, &mut slow);
                    assert_eq!(fast, slow, "{t:?} {a}..{b}");
                    assert_eq!((c, d), (casing_of(&t, &fast), casing_of(&t, &fast)));
                }
            }
        }
    }

    /// The casing of a sentence from its tokens, as `tokenize` counts it.
    fn casing_of(text: &str, toks: &[Tok]) -> (bool, bool) {
        let (mut caps, mut lower, mut up, mut words) = (0, 0, 0, 0);
        for t in toks {
            match t.shape {
                Shape::Upper => {
                    up += 1;
                    words += 1;
                }
                Shape::Cap | Shape::Lower | Shape::Particle => words += 1,
                _ => {}
            }
            match t.shape {
                Shape::Cap | Shape::Upper if !t.stop => caps += 1,
                Shape::Lower
                    if t.end - t.start >= 5 && text.as_bytes()[t.start].is_ascii_alphabetic() =>
                {
                    lower += 1
                }
                _ => {}
            }
        }
        (caps >= 3 && lower * 4 <= caps, words >= 3 && up * 2 > words)
    }

    #[test]
    fn case_count_table_counts_as_the_definition() {
        use Shape::*;
        for shape in [Cap, Upper, Initial, Particle, Lower, Poss, Punct] {
            for stop in [false, true] {
                for long in [false, true] {
                    let mut c = CaseCounts::default();
                    c.add(shape, stop, long);
                    let want = (
                        u64::from(matches!(shape, Upper | Cap | Lower | Particle))
                            | u64::from(shape == Upper) << 32,
                        u64::from(matches!(shape, Cap | Upper) && !stop)
                            | u64::from(shape == Lower && long) << 32,
                    );
                    assert_eq!((c.words_up, c.caps_lower), want, "{shape:?} {stop} {long}");
                }
            }
        }
    }

    #[test]
    fn casing_counted_as_read_is_the_casing_of_the_tokens() {
        for t in [
            "Iran Wants U.S. to Withdraw Its Forces From Iraq",
            "IRAN WANTS U.S. TO WITHDRAW",
            "Iran wants the U.S. to withdraw its forces",
            "The Minister And The President Met In Baghdad Yesterday evening",
            "A B C D said 12345 things",
            "US, UK AND EU 2024",
            "",
        ] {
            let mut toks = Vec::new();
            let got = tokenize(t, 0, t.len(), 0, &mut toks);
            assert_eq!(got, casing_of(t, &toks), "{t:?}");
        }
    }

    #[test]
    fn apostrophe_before_a_multibyte_char_is_not_a_panic() {
        // regression: peeking one byte past `’` landed inside `“`
        for t in ["’“”", "x’“y", "Iran’‘s", "'“", "a'’b"] {
            let _ = toks(t);
        }
    }

    #[test]
    fn initialism_filter_answers_as_the_definition() {
        let def = |w: &str| {
            !w.is_empty()
                && w.split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()))
        };
        for w in [
            "", "U", "u", "U.S", "U.s", "u.S", "US", "U.S.A", "U..S", "said", "É", "É.U", "U.É",
            "Ü.", ".", "..", "A.", "A.b", "ab.C", "4.5", "X.Y.Z", "X.YZ",
        ] {
            assert_eq!(is_initialism(w), def(w), "{w:?}");
        }
    }

    #[test]
    fn particle_table_answers_as_the_word_list() {
        // every word of up to three letters from the particles' letters, and some longer
        let letters = b"abdeilnorstuvh";
        let mut words: Vec<Vec<u8>> = vec![];
        for &a in letters {
            words.push(vec![a]);
            for &b in letters {
                words.push(vec![a, b]);
                for &c in letters {
                    words.push(vec![a, b, c]);
                }
            }
        }
        for p in PARTICLES {
            for &c in letters {
                words.push([p, &[c][..]].concat());
                words.push([&[c][..], p].concat());
            }
        }
        for w in words.iter().chain(
            PARTICLES
                .iter()
                .map(|p| p.to_vec())
                .collect::<Vec<_>>()
                .iter(),
        ) {
            let s = std::str::from_utf8(w).unwrap();
            if w.len() <= 5 {
                assert_eq!(is_particle_packed(packed(w)), words::is_particle(s), "{s}");
            }
        }
        assert_eq!(
            PARTICLES.map(|p| std::str::from_utf8(p).unwrap()),
            words::PARTICLES
        );
    }

    #[test]
    fn particle_filter_keeps_every_particle() {
        for p in words::PARTICLES {
            assert!(may_be_particle(p.as_bytes()), "{p}");
            assert!(words::is_particle(p), "{p}");
        }
        for w in ["to", "of", "a", "said", "minister", "and", "in", "that"] {
            assert!(!may_be_particle(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn shapes() {
        use Shape::*;
        let cases: &[(&str, &[(&str, Shape)])] = &[
            (
                "Qasim al-Araji's",
                &[("Qasim", Cap), ("al-Araji", Cap), ("'s", Poss)],
            ),
            (
                "the U.S. forces",
                &[("the", Lower), ("U.S.", Upper), ("forces", Lower)],
            ),
            (
                "Mohammed bin Salman",
                &[("Mohammed", Cap), ("bin", Particle), ("Salman", Cap)],
            ),
            (
                "Lt. Gen. J. Smith",
                &[("Lt.", Cap), ("Gen.", Cap), ("J.", Initial), ("Smith", Cap)],
            ),
            (
                "O’Leary (IRGC)",
                &[
                    ("O’Leary", Cap),
                    ("(", Punct),
                    ("IRGC", Upper),
                    (")", Punct),
                ],
            ),
            ("Hashd al-Sha’abi", &[("Hashd", Cap), ("al-Sha’abi", Cap)]),
            // an apostrophe before a wide letter: no look-ahead inside the letter
            ("’é", &[("’", Punct), ("é", Lower)]),
            ("d’été", &[("d’été", Lower)]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "input: {input:?}");
        }
    }
}
