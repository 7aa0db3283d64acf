//! Sentence segmentation over the content regions of an article (body, captions, title).

use crate::article::{Region, RegionKind};

/// One sentence: a byte span inside one content region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// The kind of region the sentence lies in (`Body`, `Caption` or `Title`).
    pub region: RegionKind,
    /// Index among the body sentences (the `sentence` column); `None` outside the body.
    pub body_index: Option<usize>,
}

/// Split every content region into sentences.
pub fn segment(text: &str, regions: &[Region]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut body_n = 0usize;
    for r in regions {
        if !r.kind.is_content() {
            continue;
        }
        for (s, e) in split_sentences(&text[r.start..r.end]) {
            let body_index = if r.kind == RegionKind::Body {
                body_n += 1;
                Some(body_n - 1)
            } else {
                None
            };
            out.push(Sentence { start: r.start + s, end: r.start + e, region: r.kind, body_index });
        }
    }
    out
}

/// Sentence boundaries inside one region, as byte spans relative to it, trimmed of
/// surrounding whitespace. Paragraph breaks (a newline) always end a sentence.
pub fn split_sentences(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        let end_here = if c == b'\n' || c == b'\r' {
            Some(i)
        } else if matches!(c, b'.' | b'!' | b'?') && is_boundary(t, i) {
            // take closing quotes/brackets after the mark into the sentence
            let mut j = i + 1;
            while j < b.len() {
                let rest = &t[j..];
                if let Some(ch) = rest.chars().next() {
                    if matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                        j += ch.len_utf8();
                        continue;
                    }
                }
                break;
            }
            Some(j)
        } else {
            None
        };
        if let Some(e) = end_here {
            push_trimmed(t, start, e, &mut out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(t, start, b.len(), &mut out);
    out
}

fn push_trimmed(t: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &t[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if lead + trail < seg.len() {
        out.push((s + lead, e - trail));
    }
}

/// Is the `.`/`!`/`?` at byte `i` the end of a sentence? Not inside a number (`2.5`),
/// not after an abbreviation or an initial (`U.S.`, `Lt.`, `J.`), not before a lowercase word.
fn is_boundary(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    let next = t[i + 1..].trim_start_matches(['"', '\'', '”', '’', ')', ']', '»']);
    // must be followed by whitespace (or the end)
    match next.chars().next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let after = next.trim_start();
    match after.chars().next() {
        None => return true,
        Some(c) if c.is_lowercase() || c.is_ascii_digit() && b[i] == b'.' && i > 0 && b[i - 1].is_ascii_digit() => {
            return false
        }
        _ => {}
    }
    if b[i] != b'.' {
        return true;
    }
    // the word before the period
    let word_start = t[..i].rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').map_or(0, |p| p + t[p..].chars().next().unwrap().len_utf8());
    let word = &t[word_start..i];
    !is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr",
        "Brig", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "Nos", "Jan", "Feb", "Mar",
        "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "vs", "etc", "Inc", "Corp", "Ltd", "Co",
        "Mt", "Ft", "approx", "a.m", "p.m", "U.S", "U.N", "U.K", "E.U", "Pres", "Atty", "Supt",
    ];
    if ABBR.contains(&word) {
        return true;
    }
    // initials and dotted acronyms: "J", "U.S", "D.C"
    let letters: Vec<&str> = word.split('.').collect();
    letters.iter().all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn basic_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("The U.S. said so. Then it left.", &["The U.S. said so.", "Then it left."]),
            ("It rose 2.5 percent. Good.", &["It rose 2.5 percent.", "Good."]),
            ("\"Go home.\" He left.", &["\"Go home.\"", "He left."]),
            ("Lt. Gen. Smith spoke.", &["Lt. Gen. Smith spoke."]),
            ("Line one\nLine two", &["Line one", "Line two"]),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "input: {input:?}");
        }
    }
}
