//! Word tokens of a sentence, with the shapes name chunking needs: capitalised words,
//! all-caps words, initials (`J.`), name particles (`al-`, `bin`, `van`), possessives.
//! One linear pass over the sentence; no regex.

use super::words;
use crate::text::byte_class::{ALNUM, CLASS, OTHER, SPACE};

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
pub fn tokenize(text: &str, start: usize, end: usize, sent: u32, out: &mut Vec<Tok>) {
    let s = &text[start..end];
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
            loop {
                // most words are ASCII letters: a byte at a time, no char decoding
                while j < sb.len() && CLASS[sb[j] as usize] == ALNUM {
                    j += 1;
                }
                // the word ends at a blank or a comma far more often than anything else
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
                    let possessive = matches!(next, Some('s') | Some('S'))
                        && !after.is_some_and(char::is_alphanumeric);
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
            let w = &s[i..j];
            let shape = shape_of(w, hyphen);
            let stop = matches!(shape, Shape::Cap | Shape::Upper | Shape::Initial)
                && words::STOP.contains_lower(w);
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
}

/// Per word length (up to five): the first letters of the name particles of that length
/// (`words::is_particle`; the test checks they agree), as bits from `a`.
const PARTICLE_FIRST: [u32; 6] = {
    let particles: [&[u8]; 23] = [
        b"al", b"el", b"bin", b"ibn", b"bint", b"van", b"von", b"de", b"der", b"den", b"da", b"di",
        b"du", b"del", b"della", b"la", b"le", b"dos", b"das", b"ter", b"ul", b"ud", b"ad",
    ];
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
    fn apostrophe_before_a_multibyte_char_is_not_a_panic() {
        // regression: peeking one byte past `’` landed inside `“`
        for t in ["’“”", "x’“y", "Iran’‘s", "'“", "a'’b"] {
            let _ = toks(t);
        }
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
