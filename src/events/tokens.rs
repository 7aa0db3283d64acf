//! Words and punctuation marks of one sentence, with byte spans and lowercase forms: what
//! the verb patterns are matched against. A word keeps inner apostrophes, hyphens and dots
//! (`Iran's`, `didn't`, `Tehran-Baghdad`, `U.S`); every other non-space character is a
//! one-character punctuation token.

/// One token: byte span in the document, and whether it is punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub punct: bool,
    ls: u32,
    le: u32,
}

pub struct Tokens {
    toks: Vec<Tok>,
    lower: String,
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// `U.S` before a dot: single letters joined by dots.
fn abbreviation_dot(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && b[b.len() - 2] == b'.' && b[b.len() - 1].is_ascii_uppercase()
}

impl Tokens {
    pub fn new(text: &str, start: usize, end: usize) -> Tokens {
        let s = &text[start..end];
        let b = s.as_bytes();
        let mut toks = Vec::with_capacity(s.len() / 5);
        let mut lower = String::with_capacity(s.len());
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            // ASCII fast path: whitespace, punctuation, words
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let ch = if c < 0x80 {
                c as char
            } else {
                s[i..].chars().next().unwrap_or(' ')
            };
            if ch.is_whitespace() {
                i += ch.len_utf8();
                continue;
            }
            let ls = lower.len() as u32;
            if !ch.is_alphanumeric() {
                let e = i + ch.len_utf8();
                lower.push_str(&s[i..e]);
                toks.push(Tok {
                    start: start + i,
                    end: start + e,
                    punct: true,
                    ls,
                    le: lower.len() as u32,
                });
                i = e;
                continue;
            }
            let mut e = i + ch.len_utf8();
            while e < b.len() {
                // ASCII letters and digits without decoding a char
                if b[e].is_ascii_alphanumeric() {
                    e += 1;
                    continue;
                }
                let Some(d) = s[e..].chars().next() else {
                    break;
                };
                if d.is_alphanumeric() {
                    e += d.len_utf8();
                } else if d == '.' && abbreviation_dot(&s[i..e]) {
                    // the last dot of `U.S.`, `U.N.`
                    e += 1;
                    break;
                } else if joins(d)
                    && s[e + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|x| x.is_alphanumeric())
                {
                    e += d.len_utf8();
                } else {
                    break;
                }
            }
            let word = &s[i..e];
            if word.is_ascii() {
                lower.push_str(word);
                lower[ls as usize..].make_ascii_lowercase();
            } else {
                for d in word.chars() {
                    match d {
                        '’' => lower.push('\''),
                        _ => lower.extend(d.to_lowercase()),
                    }
                }
            }
            toks.push(Tok {
                start: start + i,
                end: start + e,
                punct: false,
                ls,
                le: lower.len() as u32,
            });
            i = e;
        }
        Tokens { toks, lower }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn get(&self, i: usize) -> &Tok {
        &self.toks[i]
    }

    /// Lowercase form (a curly apostrophe made straight); "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.ls as usize..t.le as usize],
            None => "",
        }
    }

    /// The token as written.
    pub fn word<'a>(&self, text: &'a str, i: usize) -> &'a str {
        let t = &self.toks[i];
        &text[t.start..t.end]
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn at_or_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// Index of the token holding byte `b`, else the first one after it.
    pub fn containing(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.end <= b)
    }

    /// A word starting with a capital letter.
    pub fn is_capitalised(&self, text: &str, i: usize) -> bool {
        !self.toks[i].punct
            && self
                .word(text, i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks() {
        let text = "Iran’s FM didn't meet U.S. envoys (in Tehran-Baghdad talks).";
        let t = Tokens::new(text, 0, text.len());
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
        assert!(t.is_capitalised(text, 4) && !t.is_capitalised(text, 3));
    }
}
