//! Quote marks and how they pair: one memchr pass finds every mark (`“ ” „ « » " ‘ ’ '`),
//! context decides whether each opens or closes (an apostrophe inside a word is neither),
//! and a bounded stack pairs them in linear time. Unbalanced marks are dropped, never
//! allowed to spoil the rest of the document; a quote running over several paragraphs
//! (each opening with a mark, only the last closing) becomes one pair; pairs nested
//! inside another pair (a quote inside a quote) are not returned.

use memchr::memchr2_iter;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Angle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    role: Role,
}

/// A paired quotation: `open` and `close` are the byte offsets of the marks; the quoted
/// text is `open + open_len .. close`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub open: usize,
    pub open_len: usize,
    pub close: usize,
    pub close_len: usize,
    pub family: Family,
}

impl Pair {
    pub fn inner(&self) -> (usize, usize) {
        (self.open + self.open_len, self.close)
    }
    pub fn outer_end(&self) -> usize {
        self.close + self.close_len
    }
}

/// Deeper nesting than this is noise; the stack stays bounded so pairing is linear.
const MAX_DEPTH: usize = 4;
/// A single-quote pair longer than this is an apostrophe meeting a stray mark.
const MAX_SINGLE: usize = 1200;

fn is_opener_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | '"' | '\''
                )
                || matches!(c, '“' | '‘' | '«' | '„')
        }
    }
}

fn is_closer_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–'
                )
                || matches!(c, '-' | '/' | '"' | '\'' | '”' | '’' | '»' | '…')
        }
    }
}

/// Classify the mark at byte `pos` (`ch` is the mark); `None` for an apostrophe or a mark
/// whose context says neither open nor close.
fn classify(text: &str, pos: usize, ch: char) -> Option<Mark> {
    let len = ch.len_utf8();
    let prev = text[..pos].chars().next_back();
    let next = text[pos + len..].chars().next();
    let open_ctx = is_opener_ctx(prev);
    let close_ctx = is_closer_ctx(next);
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let (family, role) = match ch {
        '“' | '„' | '«' => {
            let fam = if ch == '«' {
                Family::Angle
            } else {
                Family::Double
            };
            // scraped text sometimes closes with an opening glyph: `word“ `
            if !open_ctx && close_ctx && !alnum(next) {
                (fam, Role::Close)
            } else {
                (fam, Role::Open)
            }
        }
        '”' | '»' => {
            let fam = if ch == '»' {
                Family::Angle
            } else {
                Family::Double
            };
            if open_ctx && prev.is_some() && alnum(next) {
                (fam, Role::Open)
            } else {
                (fam, Role::Close)
            }
        }
        '"' => match (open_ctx, close_ctx) {
            (true, false) => (Family::Double, Role::Open),
            (false, true) => (Family::Double, Role::Close),
            // ` " ` or `a"b`: no telling
            _ => return None,
        },
        '‘' => {
            if alnum(prev) && alnum(next) {
                return None;
            }
            if !open_ctx && close_ctx {
                (Family::Single, Role::Close)
            } else {
                (Family::Single, Role::Open)
            }
        }
        '’' | '\'' => {
            if alnum(prev) && alnum(next) {
                return None; // Iran’s, don't
            }
            // elided years: `’90s`, `'05`
            let mut digits = text[pos + len..].chars();
            let (d1, d2, d3) = (digits.next(), digits.next(), digits.next());
            if d1.is_some_and(|c| c.is_ascii_digit())
                && d2.is_some_and(|c| c.is_ascii_digit())
                && !d3.is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
            if open_ctx && !close_ctx {
                (Family::Single, Role::Open)
            } else if close_ctx && !open_ctx {
                (Family::Single, Role::Close)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(Mark {
        pos,
        len,
        family,
        role,
    })
}

/// Every quote mark and line break of `text[from..to]`, in order: `Some(mark)` or `None`
/// for a newline. Two memchr streams (the ASCII marks; the lead bytes of the multi-byte
/// marks) merged with the text's line breaks (`newlines`, found once for the document: a
/// memchr stream of its own would stop at every one of them again).
fn scan(
    text: &str,
    from: usize,
    to: usize,
    newlines: &[usize],
    mut f: impl FnMut(usize, Option<Mark>),
) {
    let bytes = &text.as_bytes()[from..to];
    let mut ascii = memchr2_iter(b'"', b'\'', bytes).peekable();
    let mut multi = memchr2_iter(0xE2, 0xC2, bytes).peekable();
    let lo = newlines.partition_point(|&k| k < from);
    let hi = newlines.partition_point(|&k| k < to);
    let mut breaks = newlines[lo..hi].iter().map(|&k| k - from).peekable();
    loop {
        let a = ascii.peek().copied().unwrap_or(usize::MAX);
        let m = multi.peek().copied().unwrap_or(usize::MAX);
        let n = breaks.peek().copied().unwrap_or(usize::MAX);
        let i = a.min(m).min(n);
        if i == usize::MAX {
            break;
        }
        let pos = from + i;
        if i == n {
            breaks.next();
            f(pos, None);
            continue;
        }
        if i == a {
            ascii.next();
        } else {
            multi.next();
        }
        let ch = match text[pos..].chars().next() {
            Some(c) => c,
            None => continue,
        };
        if matches!(ch, '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '«' | '»') {
            if let Some(m) = classify(text, pos, ch) {
                f(pos, Some(m));
            }
        }
    }
}

struct Open {
    mark: Mark,
    id: usize,
}

struct Found {
    pair: Pair,
    /// Ids of the opens still pending below this pair's open (its enclosing quotes).
    ancestors: [usize; MAX_DEPTH],
    n_anc: usize,
    open_id: usize,
}

/// Pair the quote marks of `text[from..to]`; outermost pairs only, in text order.
/// `newlines` are the offsets of the text's line breaks.
pub fn pair(text: &str, from: usize, to: usize, newlines: &[usize]) -> Vec<Pair> {
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH + 1);
    let mut found: Vec<Found> = Vec::with_capacity(8);
    let mut next_id = 0usize;
    // an unclosed double/angle open carried over a paragraph break
    let mut carried: Option<Open> = None;
    let mut para_start = from;
    let mut para_has_mark = false;

    scan(text, from, to, newlines, |pos, m| {
        let Some(m) = m else {
            // nothing open, nothing carried, no mark since the last break: a break changes
            // nothing but where the paragraph starts (most breaks)
            if stack.is_empty() && carried.is_none() && !para_has_mark {
                para_start = pos + 1;
                return;
            }
            // paragraph break: an unclosed quote may continue in the next paragraph
            let blank = text[para_start..pos].trim().is_empty();
            if !blank {
                if !para_has_mark {
                    carried = None;
                }
                let keep = stack.iter().rposition(|o| o.mark.family != Family::Single);
                if let Some(k) = keep {
                    let o = stack.swap_remove(k);
                    carried = Some(o);
                }
                stack.clear();
                para_has_mark = false;
            }
            para_start = pos + 1;
            return;
        };
        let first_in_para = !para_has_mark;
        para_has_mark = true;
        if first_in_para {
            if let Some(c) = carried.take() {
                let at_start = text[para_start..m.pos].trim().is_empty();
                if at_start && m.role == Role::Open && m.family == c.mark.family {
                    // `“...¶“...”`: the reopening mark continues the carried quote
                    stack.push(c);
                    return;
                }
            }
        }
        match m.role {
            Role::Open => {
                if stack.last().is_some_and(|o| o.mark.family == m.family) {
                    // the earlier open never closed
                    stack.pop();
                }
                if stack.len() >= MAX_DEPTH {
                    stack.remove(0);
                }
                stack.push(Open {
                    mark: m,
                    id: next_id,
                });
                next_id += 1;
            }
            Role::Close => {
                if let Some(k) = stack.iter().rposition(|o| o.mark.family == m.family) {
                    let o = &stack[k];
                    let ok = m.family != Family::Single || m.pos - o.mark.pos <= MAX_SINGLE;
                    if ok && m.pos > o.mark.pos + o.mark.len {
                        let mut ancestors = [0usize; MAX_DEPTH];
                        for (j, a) in stack[..k].iter().enumerate() {
                            ancestors[j] = a.id;
                        }
                        found.push(Found {
                            pair: Pair {
                                open: o.mark.pos,
                                open_len: o.mark.len,
                                close: m.pos,
                                close_len: m.len,
                                family: m.family,
                            },
                            ancestors,
                            n_anc: k,
                            open_id: o.id,
                        });
                    }
                    stack.truncate(k);
                }
            }
        }
    });

    // a pair is nested only if one of its enclosing opens was itself closed
    let mut closed = vec![false; next_id];
    for f in &found {
        closed[f.open_id] = true;
    }
    let mut out: Vec<Pair> = Vec::with_capacity(found.len());
    out.extend(
        found
            .iter()
            .filter(|f| !f.ancestors[..f.n_anc].iter().any(|&a| closed[a]))
            .map(|f| f.pair),
    );
    out.sort_by_key(|p| p.open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(t: &str) -> Vec<usize> {
        memchr::memchr_iter(b'\n', t.as_bytes()).collect()
    }

    fn quotes(t: &str) -> Vec<&str> {
        pair(t, 0, t.len(), &breaks(t))
            .iter()
            .map(|p| &t[p.inner().0..p.inner().1])
            .collect()
    }

    #[test]
    fn pairing_cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("curly", "“We will stay,” he said.", &["We will stay,"]),
            (
                "straight",
                "\"We will stay,\" he said. \"Go.\"",
                &["We will stay,", "Go."],
            ),
            (
                "single",
                "‘Leave now,’ the envoy told them.",
                &["Leave now,"],
            ),
            (
                "ascii single",
                "'Leave now,' the envoy's aide said.",
                &["Leave now,"],
            ),
            (
                "apostrophes only",
                "Iran’s envoy didn't go to the ministers' meeting.",
                &[],
            ),
            ("guillemets", "Il a dit «non» hier.", &["non"]),
            (
                "nested",
                "“He told me ‘never again’ twice,” she said.",
                &["He told me ‘never again’ twice,"],
            ),
            (
                "plural possessive inside",
                "“The generals' plan failed,” he said.",
                &["The generals' plan failed,"],
            ),
            (
                "unclosed then good",
                "He said “stop. Later “we go,” she said.",
                &["we go,"],
            ),
            ("stray close", "He left” and “we go” now.", &["we go"]),
            (
                "multi paragraph",
                "“First part.\n\n“Second part.\n“End,” he said.",
                &["First part.\n\n“Second part.\n“End,"],
            ),
            (
                "unclosed at paragraph end",
                "“No close here.\nThen “yes” again.",
                &["yes"],
            ),
            ("dash opener", "fighters—\"must stay\" home", &["must stay"]),
            (
                "stray straight outer",
                "A 12\" pipe. He said \"go\" now.",
                &["go"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(quotes(text), *want, "case {name}");
        }
    }

    #[test]
    fn many_unbalanced_marks_stay_linear() {
        let t = "“a ".repeat(100_000) + &"b” ".repeat(50_000) + "'x ".repeat(100_000).as_str();
        let start = std::time::Instant::now();
        let p = pair(&t, 0, t.len(), &breaks(&t));
        assert!(p.len() <= 50_000);
        assert!(start.elapsed().as_secs() < 5);
    }
}
