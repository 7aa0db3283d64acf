//! The dateline opening the body: `TEHRAN –`, `TEHRAN (Reuters) -`, `SOCHI -`,
//! `South Shuneh (Jordan) :`, `WASHINGTON, May 3 (Xinhua) --`, with any dash or a colon.
//! It yields the place as written, the agencies credited in its parentheses and a date
//! when one with a year is written there. A capitalised opening word with a dash is a
//! dateline only in capitals, or with a parenthesis, or when the lexicon knows the place.

use regex::Regex;
use std::sync::OnceLock;

use super::header::find_date;
use crate::dates::calendar::Date;
use crate::entities::EntityKind;
use crate::lexicon::Lexicon;
use crate::text::Span;

/// A dateline found at the start of the body; spans are byte offsets into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub place: Span,
    /// Credited agencies inside the parentheses, as written.
    pub sources: Vec<Span>,
    pub date: Option<Date>,
    /// Where the running text after the dateline starts.
    pub end: usize,
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}[\p{Lu}'.\-]+(?:[ /]\p{Lu}[\p{Lu}'.\-]*){0,3}|\p{Lu}[\p{Ll}'\-]+(?: \p{Lu}[\p{Ll}'\-]+){0,2})(?:,\s*(?P<extra>[\p{Lu}0-9][^()\n\-–—:]{0,30}))?(?:\s*\((?P<paren>[^()\n]{1,80})\))?(?:\s*(?P<dash>--|[-–—:]))?\s+",
        )
        .expect("dateline pattern")
    })
}

/// Capitalised openers that are labels, not places.
const NOT_PLACES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "NOTE",
    "FILE",
    "LIVE",
    "COMMENT",
    "INTERVIEW",
    "REPORT",
    "FACTBOX",
    "EXPLAINER",
    "URGENT",
    "FLASH",
    "ALERT",
    "WARNING",
    "READ",
    "Q",
    "A",
];

fn is_known_place(lex: &Lexicon, s: &str) -> bool {
    lex.actors
        .get(s)
        .is_some_and(|r| matches!(r.kind, EntityKind::Place | EntityKind::Country))
}

/// A title-case opening word (`The minister ...`, `Tehran's ...`) with no parenthesis in
/// the line: a dateline only when the lexicon knows the place the pattern would read, so a
/// look-up of each prefix where that place may end rules most body lines out without the
/// pattern (whose capture groups cost some thousand instructions a line).
fn surely_not_dateline(lex: &Lexicon, line: &str) -> bool {
    let b = line.as_bytes();
    // `Xy...`: the all-caps place cannot match, so the place is title-case words
    if b.len() < 2 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_lowercase() {
        return false;
    }
    if memchr::memchr(b'(', b).is_some() {
        return false;
    }
    // the place is at most three words joined by single spaces, of letters, `'` and `-`,
    // followed by a comma, a space, a dash or a colon
    let mut spaces = 0;
    for (k, c) in line.char_indices().skip(1) {
        let follower = c == ',' || c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':');
        if follower && is_city(lex, &line[..k]) {
            return false;
        }
        if !(c == ' ' || c == '\'' || c == '-' || c.is_alphabetic()) {
            break;
        }
        if c == ' ' {
            spaces += 1;
            if spaces == 3 {
                break;
            }
        }
    }
    true
}

fn is_city(lex: &Lexicon, s: &str) -> bool {
    lex.actors
        .get(s)
        .is_some_and(|r| r.kind == EntityKind::Place)
}

/// Read a dateline at the start of `line`, which begins at byte `base` of the document.
pub fn find(lex: &Lexicon, line: &str, base: usize) -> Option<Dateline> {
    if surely_not_dateline(lex, line) {
        return None;
    }
    read(lex, line, base)
}

/// `find` without the quick test.
fn read(lex: &Lexicon, line: &str, base: usize) -> Option<Dateline> {
    let c = dateline_re().captures(line)?;
    let place = c.name("place")?;
    let p = place.as_str();
    if NOT_PLACES.contains(&p) {
        return None;
    }
    let caps = !p.chars().any(|ch| ch.is_lowercase());
    let paren = c.name("paren");
    let dash = c.name("dash").map_or("", |m| m.as_str());
    // a title-case opener needs more evidence than a dash: "Iran - the country ..." is text
    let city = is_city(lex, p);
    if !caps && paren.is_none() && !city {
        return None;
    }
    // an all-caps opener must be a word, not an acronym glued to text ("US-led")
    if caps && p.chars().filter(|ch| ch.is_alphabetic()).count() < 3 && paren.is_none() {
        return None;
    }
    if dash == ":" && paren.is_none() && !caps {
        return None;
    }
    // no dash: only `PLACE (Agency - date) Text`, where the parenthesis is clearly a credit
    if dash.is_empty() {
        let inner = paren.map_or("", |m| m.as_str());
        let credit = find_date(inner).is_some()
            || inner.split('/').any(|x| {
                lex.actors
                    .get(x.trim())
                    .is_some_and(|r| r.has_flag("outlet"))
            });
        if !caps || !credit {
            return None;
        }
    }
    let mut out = Dateline {
        place: Span::new(base + place.start(), base + place.end()),
        sources: Vec::new(),
        date: None,
        end: base + c.get(0)?.end(),
    };
    if let Some(extra) = c.name("extra") {
        out.date = find_date(extra.as_str()).map(|d| d.0);
    }
    if let Some(pm) = paren {
        let inner = pm.as_str();
        let mut rest_spans: Vec<(usize, usize)> = vec![(0, inner.len())];
        if let Some((d, s, e)) = find_date(inner) {
            out.date = out.date.or(Some(d));
            rest_spans = vec![(0, s), (e, inner.len())];
        }
        for (s, e) in rest_spans {
            split_credit(&inner[s..e], s, &mut |a, b| {
                let name = &inner[a..b];
                if !is_known_place(lex, name) {
                    out.sources
                        .push(Span::new(base + pm.start() + a, base + pm.start() + b));
                }
            });
        }
    }
    Some(out)
}

/// Split a credit such as `UrduPoint News / Sputnik - ` into its name-like parts.
fn split_credit(s: &str, base: usize, f: &mut dyn FnMut(usize, usize)) {
    let mut start = 0;
    let mut prev = ' ';
    let ends = s
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((s.len(), None)));
    for (i, c) in ends {
        let sep = match c {
            None => true,
            Some(c) => matches!(c, '/' | ',' | ';' | '|' | '–' | '—') || (c == '-' && prev == ' '),
        };
        if sep {
            let part = &s[start..i];
            let lead = part.len() - part.trim_start().len();
            let t = part.trim();
            let words = t.split_whitespace().count();
            if t.chars().next().is_some_and(|c| c.is_uppercase()) && (1..=5).contains(&words) {
                f(base + start + lead, base + start + lead + t.len());
            }
            start = i + c.map_or(0, char::len_utf8);
        }
        prev = c.unwrap_or(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_test_only_rules_out_what_the_pattern_rejects() {
        let lex = Lexicon::builtin();
        let mut n = 0;
        for line in [
            "The minister said on Monday that talks would resume.",
            "Tehran - The minister spoke.",
            "Tehran: The minister spoke.",
            "Tehran, May 3 - The minister spoke.",
            "Tehran's mayor said on Monday that the talks would resume.",
            "New York - Stocks fell.",
            "New York\u{2013}Stocks fell.",
            "Kuala Lumpur, Malaysia - The envoy arrived.",
            "Oslo Bergen Tehran - Three cities.",
            "Oslo  - two spaces.",
            "Oslo\tTab - a tab.",
            "Bergen-based firms grew.",
            "Oslo-Bergen line - reopened.",
            "Washington\u{2014}The envoy arrived.",
            "Oslo's harbour - reopened.",
            "Officials in Oslo - said more.",
            "Rio de Janeiro - Carnival began.",
            "Mr. Holm said so.",
            "Ab",
            "Norway's O'Neill - spoke.",
        ] {
            if surely_not_dateline(lex, line) {
                n += 1;
                assert_eq!(super::read(lex, line, 0), None, "{line:?}");
            }
        }
        assert!(n >= 5, "the quick test rules out the plain sentences");
    }

    fn read(line: &str) -> Option<(String, Vec<String>, Option<Date>)> {
        let lex = Lexicon::builtin();
        find(lex, line, 0).map(|d| {
            (
                d.place.slice(line).to_string(),
                d.sources
                    .iter()
                    .map(|s| s.slice(line).to_string())
                    .collect(),
                d.date,
            )
        })
    }

    type Want<'a> = Option<(&'a str, Vec<&'a str>, Option<Date>)>;

    #[test]
    fn datelines() {
        let cases: &[(&str, Want)] = &[
            (
                "OSLO – The Norwegian government said",
                Some(("OSLO", vec![], None)),
            ),
            (
                "OSLO (Reuters) - The Norwegian government said",
                Some(("OSLO", vec!["Reuters"], None)),
            ),
            ("SOCHI - Talks began", Some(("SOCHI", vec![], None))),
            ("TEHERAN - Talks began", Some(("TEHERAN", vec![], None))),
            (
                "Lake Town (Norway) : Officials met",
                Some(("Lake Town", vec![], None)),
            ),
            (
                "BERGEN (Press Fjord) – Officials met",
                Some(("BERGEN", vec!["Press Fjord"], None)),
            ),
            (
                "NEW YORK, May 3 (Xinhua) -- Officials met",
                Some(("NEW YORK", vec!["Xinhua"], None)),
            ),
            (
                "OSLO (Fjord News / Sputnik - 03rd February, 2021) Officials met",
                Some(("OSLO", vec!["Fjord News", "Sputnik"], Date::new(2021, 2, 3))),
            ),
            ("NATO (the alliance) said", None),
            ("UPDATE: talks resumed", None),
            ("Iran - the country said", None),
            ("The minister - who spoke first - said", None),
            ("US-led forces left", None),
        ];
        for (line, want) in cases {
            let got = read(line);
            let want = want
                .as_ref()
                .map(|(p, s, d)| (p.to_string(), s.iter().map(|x| x.to_string()).collect(), *d));
            assert_eq!(got, want, "{line:?}");
        }
    }
}
