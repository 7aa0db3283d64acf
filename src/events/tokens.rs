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
        let mut toks = Vec::with_capacity(s.len() / 5);
        let mut lower = String::with_capacity(s.len());
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let ls = lower.len() as u32;
            if c.is_alphanumeric() {
                lower.extend(c.to_lowercase());
                let mut e = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        lower.extend(d.to_lowercase());
                        e = j + d.len_utf8();
                        it.next();
                    } else if d == '.' && abbreviation_dot(&s[i..j]) {
                        // the last dot of `U.S.`, `U.N.`
                        lower.push('.');
                        e = j + 1;
                        it.next();
                        break;
                    } else if joins(d)
                        && s[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|x| x.is_alphanumeric())
                    {
                        lower.push(if d == '’' { '\'' } else { d });
                        e = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                toks.push(Tok {
                    start: start + i,
                    end: start + e,
                    punct: false,
                    ls,
                    le: lower.len() as u32,
                });
            } else {
                lower.push(c);
                toks.push(Tok {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    punct: true,
                    ls,
                    le: lower.len() as u32,
                });
            }
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
