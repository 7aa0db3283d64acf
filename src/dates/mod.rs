//! Temporal expressions: absolute dates in every common order and spelling, and relative
//! ones (`on Saturday`, `last month`) resolved against the publication date. Durations,
//! vague spans and clock times alone are not dates. Content regions (body, captions, title)
//! are read for every form, header lines for written-out dates only; boilerplate and tag
//! lines are not read.

pub mod calendar;
pub mod parse;
pub mod resolve;

use crate::article::{Article, RegionKind};
use crate::text::Sentence;
use calendar::Date;
pub use parse::{first_date, parse_date, PartialDate};
use resolve::Value;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// ISO value ("2020-01-03", "2021-04", "2020", "2021-W07"); `None` when unresolved.
    pub value: Option<String>,
    pub granularity: Granularity,
    /// Relative to the anchor (`yesterday`, `on Saturday`, `last month`).
    pub relative: bool,
    /// The resolved day, for day-granular values (events use it).
    pub day: Option<Date>,
}

/// Find the temporal expressions of the content sentences and header lines.
pub fn find(
    text: &str,
    article: &Article,
    sentences: &[Sentence],
    anchor: Option<Date>,
) -> Vec<DateMention> {
    let re = parse::regex();
    let mut out = Vec::new();
    for r in &article.regions {
        let header = r.kind == RegionKind::Header;
        let Some(region) = r.text(text).filter(|_| r.kind.is_content() || header) else {
            continue;
        };
        for m in re.find_iter(region) {
            let group = parse::classify(m.as_str());
            let Some(group) = Some(group).filter(|g| !g.is_empty()) else {
                continue;
            };
            let (s, mut e) = (r.start + m.start(), r.start + m.end());
            if group == "iso" && m.as_str().ends_with('T') {
                e -= 1; // `2021-02-03T10:00:00Z`: the date part only
            }
            if header && !matches!(group, "iso" | "mdy" | "dmy" | "my" | "md" | "dm") {
                continue;
            }
            if let Some(d) = mention(text, s, e, group, sentences, anchor) {
                out.push(d);
            }
        }
    }
    out
}

/// `w` lowercased (ASCII) in `buf`, or in a new string when it is longer: the words
/// compared with word lists, without an allocation per mention. A word without capitals (most
/// are) is `w` itself: no copy, and no UTF-8 check of the copy (~60 instructions a word).
pub(crate) fn lower_in<'b>(w: &'b str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(w);
    }
    match buf.get_mut(..w.len()) {
        Some(b) => {
            // a byte loop: for words this short, cheaper than a call to `memcpy`
            for (d, c) in b.iter_mut().zip(w.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            // lowercasing ASCII letters keeps the bytes UTF-8
            Cow::Borrowed(std::str::from_utf8(b).unwrap_or_default())
        }
        None => Cow::Owned(w.to_ascii_lowercase()),
    }
}

/// Capitalised function words that start a sentence before a year (`The 1979 Revolution`).
const FUNCTION_WORDS: &[&str] = &[
    "The", "In", "Since", "By", "From", "Until", "Before", "After", "During", "Of", "And", "Its",
    "His", "Her", "Their", "Our", "A", "An", "This", "That", "For", "On", "At", "To", "Between",
];

/// How far back in its sentence a mention's tense is read, in bytes.
const TENSE_WINDOW: usize = 240;

/// Words before a bare month name that make it a date (`in March`, `since May`).
const MONTH_LEADS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "of",
    "from",
    "to",
    "and",
    "or",
    "through",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "on",
    "as",
    "end",
    "beginning",
    "start",
];

/// Words that make a weekday the name of a day (`Black Monday`, `Good Friday`), not a date.
const NAMED_DAYS: &[&str] = &[
    "Black", "Good", "Holy", "Easter", "Ash", "Cyber", "Super", "Bloody", "Maundy", "Palm",
    "Shrove", "Blue", "Clean", "Great", "Whit",
];

/// The word before byte `i` (letters only), and whether a sentence break or the text start
/// lies between it and `i`.
fn prev_word(text: &str, i: usize) -> (&str, bool) {
    let before = &text[..i];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}', '(']);
    if trimmed.is_empty()
        || trimmed.ends_with([
            '.', '!', '?', '\n', '"', '\u{201c}', '\'', '\u{2018}', ':', '|',
        ])
    {
        return ("", true);
    }
    let start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |k| {
            k + trimmed[k..].chars().next().map_or(1, char::len_utf8)
        });
    (&trimmed[start..], false)
}

/// One match turned into a mention, or `None` when the context says it is no date.
fn mention(
    text: &str,
    s: usize,
    e: usize,
    group: &str,
    sentences: &[Sentence],
    anchor: Option<Date>,
) -> Option<DateMention> {
    let surface = &text[s..e];
    let (prev, at_start) = prev_word(text, s);
    let after = &text[e..];
    let future = || {
        let sent = sentence_of(sentences, s);
        let (ss, se) = sent.map_or((s, e), |x| (x.start, x.end.max(e)));
        // a bounded window keeps the cost per mention constant in run-on "sentences"
        let ss = ss.max(crate::text::floor_boundary(
            text,
            s.saturating_sub(TENSE_WINDOW),
        ));
        let se = se.min(crate::text::floor_boundary(text, e + 60));
        // headlinese: `Markets to reopen on Monday` is the future
        if sent.is_some_and(|x| x.region == RegionKind::Title) && text[ss..s].contains(" to ") {
            return true;
        }
        resolve::is_future(&text[ss..s], &text[e..se.max(e)])
    };
    let abs = |pd: PartialDate, g: Granularity, relative: bool| -> Option<DateMention> {
        let v = resolve::absolute(pd, g, anchor, relative && anchor.is_some() && future());
        Some(build(s, e, g, relative, v))
    };
    match group {
        "iso" | "mdy" | "dmy" | "my" => {
            let (pd, g) = parse::read_fields(surface)?;
            abs(pd, g, false)
        }
        "md" | "dm" => {
            // a clock time or a number run on (`June 3-5` is kept, `3:30` is not a day)
            if after.starts_with(':')
                || (group == "dm" && after.starts_with(['.', ',']))
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            let (pd, g) = parse::read_fields(surface)?;
            abs(pd, g, true)
        }
        "mon" => {
            let word = surface
                .rsplit([' ', '-', '\u{a0}'])
                .next()
                .unwrap_or(surface);
            let mut buf = [0u8; 32];
            let led =
                MONTH_LEADS.contains(&&*lower_in(prev, &mut buf)) || surface.len() > word.len();
            // `May` is a verb and a name unless a preposition leads it; `April Smith` is a name
            if (word == "May" && !led)
                || (!led && !at_start && prev.starts_with(char::is_uppercase))
            {
                return None;
            }
            if !led
                && after.starts_with(' ')
                && after[1..].starts_with(char::is_uppercase)
                && !after[1..].starts_with('I')
            {
                return None;
            }
            let pd = PartialDate {
                year: None,
                month: parse::month_number(word),
                day: None,
            };
            abs(pd, Granularity::Month, true)
        }
        "year" => {
            year_context_ok(text, s, e, prev)?;
            // `Russell 2000 Index`: a number inside a name
            if !at_start
                && prev.starts_with(char::is_uppercase)
                && parse::month_number(prev).is_none()
                && !FUNCTION_WORDS.contains(&prev)
                && after.starts_with(' ')
                && after[1..].starts_with(char::is_uppercase)
            {
                return None;
            }
            let digits = surface.trim_start_matches(|c: char| !c.is_ascii_digit());
            let y: i32 = digits.parse().ok()?;
            Some(build(
                s,
                e,
                Granularity::Year,
                false,
                Some(resolve::year_value(y)),
            ))
        }
        "decade" => {
            let y: i32 = surface.get(..4)?.parse().ok()?;
            Some(build(
                s,
                e,
                Granularity::Year,
                false,
                Some((
                    {
                        let mut v = String::with_capacity(3);
                        calendar::push_padded(&mut v, (y / 10).into(), 3);
                        v
                    },
                    Granularity::Year,
                    None,
                )),
            ))
        }
        "shortyear" => {
            let mut buf = [0u8; 32];
            if !matches!(
                &*lower_in(prev, &mut buf),
                "since" | "in" | "of" | "from" | "until" | "by"
            ) {
                return None;
            }
            let yy: i32 = surface[surface.len() - 2..].parse().ok()?;
            let this = anchor.map_or(2030, |a| a.year);
            let y = if 2000 + yy <= this {
                2000 + yy
            } else {
                1900 + yy
            };
            Some(build(
                s,
                e,
                Granularity::Year,
                false,
                Some(resolve::year_value(y)),
            ))
        }
        "wday" => {
            // `Black Monday`, `Good Friday`: a capitalised word before names a day
            if NAMED_DAYS.contains(&prev) {
                return None;
            }
            // plural or generic (`on Mondays`) is excluded by the pattern's word boundary
            let v = anchor.and_then(|a| resolve::weekday(surface, a, future()));
            Some(build(s, e, Granularity::Day, true, v))
        }
        "rel" => {
            // `USA Today`, `Russia Today`: a capitalised word after a name is part of it
            if surface.starts_with(char::is_uppercase)
                && !at_start
                && prev.starts_with(char::is_uppercase)
                && !FUNCTION_WORDS.contains(&prev)
            {
                return None;
            }
            let g = rel_granularity(surface);
            let v = anchor.and_then(|a| resolve::relative(surface, a));
            Some(build(s, e, v.as_ref().map_or(g, |x| x.1), true, v))
        }
        _ => None,
    }
}

fn rel_granularity(p: &str) -> Granularity {
    let l = p.to_ascii_lowercase();
    if l.ends_with("week") || l.ends_with("weekend") {
        Granularity::Week
    } else if l.ends_with("month")
        || parse::month_number(l.rsplit(' ').next().unwrap_or("")).is_some()
    {
        Granularity::Month
    } else if l.ends_with("year") {
        Granularity::Year
    } else {
        Granularity::Day
    }
}

/// A four-digit number in the year range is a year unless it counts or measures
/// (`about 2000 troops`, `$1999`, `1500 GMT`, `2010 percent`).
fn year_context_ok(text: &str, s: usize, e: usize, prev: &str) -> Option<()> {
    // `2014-2016`: a hyphenated range of years is two years
    let year_range = |t: &str| {
        t.len() >= 4
            && t.bytes().take(4).all(|b| b.is_ascii_digit())
            && !t[4..].starts_with(|c: char| c.is_ascii_digit())
    };
    let before = &text[..s];
    if before.ends_with(['.', ',', '/', '+', '$', '\u{20ac}', '\u{a3}', '#', '\u{a5}'])
        || (before.ends_with('-')
            && !before
                .get(before.len().saturating_sub(5)..)
                .is_some_and(year_range))
        || before
            .trim_end_matches(' ')
            .ends_with(['$', '\u{20ac}', '\u{a3}', '\u{a5}'])
    {
        return None;
    }
    let after = &text[e..];
    if after.starts_with(['%', ':', '/'])
        || (after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        || (after.starts_with('-')
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
            && !year_range(&after[1..]))
    {
        return None;
    }
    let next = after.trim_start_matches(' ');
    let next_word = &next[..next
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(next.len(), |(k, _)| k)];
    let mut buf = [0u8; 32];
    let nl = lower_in(next_word, &mut buf);
    if matches!(
        &*nl,
        "gmt"
            | "utc"
            | "hours"
            | "hrs"
            | "hr"
            | "local"
            | "am"
            | "pm"
            | "percent"
            | "million"
            | "billion"
            | "thousand"
            | "people"
            | "troops"
            | "soldiers"
            | "dollars"
            | "euros"
            | "jobs"
            | "points"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "meters"
            | "metres"
            | "tons"
            | "tonnes"
    ) {
        return None;
    }
    let mut buf = [0u8; 32];
    let pl = lower_in(prev, &mut buf);
    if matches!(
        &*pl,
        "about"
            | "around"
            | "some"
            | "nearly"
            | "almost"
            | "approximately"
            | "roughly"
            | "than"
            | "over"
            | "under"
            | "least"
            | "to"
            | "at"
            | "no"
            | "number"
            | "id"
            | "page"
            | "resolution"
            | "code"
            | "flight"
            | "route"
    ) {
        // `up to 2000`, `at 2000 GMT`; but `from 2009 to 2011`, `in 2001`
        if pl == "to" && next_word.is_empty() && !text[..s].trim_end().ends_with("up to") {
            return Some(());
        }
        return None;
    }
    Some(())
}

fn build(s: usize, e: usize, g: Granularity, relative: bool, v: Option<Value>) -> DateMention {
    match v {
        Some((value, gran, day)) => DateMention {
            start: s,
            end: e,
            value: Some(value),
            granularity: gran,
            relative,
            day,
        },
        None => DateMention {
            start: s,
            end: e,
            value: None,
            granularity: g,
            relative,
            day: None,
        },
    }
}

/// The sentence that holds byte `i` (sentences are in text order and do not overlap).
fn sentence_of(sentences: &[Sentence], i: usize) -> Option<&Sentence> {
    let k = sentences.partition_point(|x| x.start <= i);
    let x = sentences.get(k.checked_sub(1)?)?;
    (i < x.end).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Region;
    use crate::text::segment;

    /// (surface, value) of every mention of one body-only text.
    fn run(text: &str, anchor: Option<Date>) -> Vec<(String, Option<String>)> {
        let article = Article::body_only(text);
        let sentences = segment(text, &article.regions);
        find(text, &article, &sentences, anchor)
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.value))
            .collect()
    }

    /// text, anchor, the (surface, value) pairs expected
    type Case = (
        &'static str,
        Option<Date>,
        &'static [(&'static str, Option<&'static str>)],
    );

    fn d(y: i32, m: u32, dd: u32) -> Option<Date> {
        Date::new(y, m, dd)
    }

    #[test]
    fn finds_and_resolves_mentions() {
        let wed = d(2021, 2, 3);
        let cases: &[Case] = &[
            (
                "The minister arrived on Wednesday.",
                wed,
                &[("Wednesday", Some("2021-02-03"))],
            ),
            (
                "The minister arrived on Monday.",
                wed,
                &[("Monday", Some("2021-02-01"))],
            ),
            (
                "The minister will arrive on Monday.",
                wed,
                &[("Monday", Some("2021-02-08"))],
            ),
            ("The minister arrived on Monday.", None, &[("Monday", None)]),
            (
                "Talks were held on January 15.",
                wed,
                &[("January 15", Some("2021-01-15"))],
            ),
            (
                "Talks were held on December 28.",
                wed,
                &[("December 28", Some("2020-12-28"))],
            ),
            (
                "He was killed on 3 January 2020 in Baghdad.",
                None,
                &[("3 January 2020", Some("2020-01-03"))],
            ),
            (
                "Reported at 0815 GMT March 7, 2022.",
                None,
                &[("March 7, 2022", Some("2022-03-07"))],
            ),
            (
                "The accord was signed in 2015 and left in 2018.",
                None,
                &[("2015", Some("2015")), ("2018", Some("2018"))],
            ),
            (
                "It has grown since the 1990s.",
                None,
                &[("1990s", Some("199"))],
            ),
            (
                "Output should recover by mid-2021.",
                None,
                &[("mid-2021", Some("2021"))],
            ),
            ("Prices rose in March.", wed, &[("March", Some("2020-03"))]),
            (
                "Prices rose last month and will rise next week.",
                wed,
                &[
                    ("last month", Some("2021-01")),
                    ("next week", Some("2021-W06")),
                ],
            ),
            (
                "The envoy left yesterday, earlier this month than planned.",
                wed,
                &[
                    ("yesterday", Some("2021-02-02")),
                    ("earlier this month", Some("2021-02")),
                ],
            ),
            // not dates: durations, vague spans, clock times, the verb `may`, a name
            (
                "The ceasefire lasted seven days after 18 years of war.",
                wed,
                &[],
            ),
            ("In recent months the talks stalled at 10:30.", wed, &[]),
            ("Officials may meet again. Theresa May spoke.", wed, &[]),
            ("Shares fell on Black Monday.", wed, &[]),
            ("Russia Today reported it.", wed, &[]),
            (
                "Updated 2021-02-03T10:15:00Z by staff.",
                None,
                &[("2021-02-03", Some("2021-02-03"))],
            ),
            ("About 2000 troops and 1500 GMT.", wed, &[]),
        ];
        for (text, anchor, want) in cases {
            let got = run(text, *anchor);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(s, v)| (s.to_string(), v.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn lower_in_lowercases_like_to_ascii_lowercase() {
        let long = "Ab".repeat(40);
        for w in [
            "",
            "Sept.",
            "MONDAY",
            "\u{c9}t\u{c9}",
            "A\u{4e2d}b",
            long.as_str(),
        ] {
            let mut buf = [0u8; 32];
            assert_eq!(lower_in(w, &mut buf), w.to_ascii_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn a_headline_infinitive_is_the_future() {
        let text = "Markets to stay shut until Friday\nMarkets stayed shut on Friday.";
        let nl = text.find('\n').unwrap();
        let article = Article {
            regions: vec![
                Region {
                    start: 0,
                    end: nl,
                    kind: RegionKind::Title,
                },
                Region {
                    start: nl + 1,
                    end: text.len(),
                    kind: RegionKind::Body,
                },
            ],
            ..Article::default()
        };
        let sentences = segment(text, &article.regions);
        let got: Vec<Option<String>> = find(text, &article, &sentences, d(2021, 2, 3))
            .into_iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(
            got,
            vec![
                Some("2021-02-05".to_string()),
                Some("2021-01-29".to_string())
            ]
        );
    }

    #[test]
    fn header_lines_give_written_dates_only_and_boilerplate_none() {
        let text = "News ID: 302104\nPublished: 0815 GMT March 7, 2022\nIran said on Monday it was ready.\nShare this. Today only!";
        let l1 = text.find("Published").unwrap();
        let b = text.find("Iran").unwrap();
        let bp = text.find("Share").unwrap();
        let article = Article {
            regions: vec![
                Region {
                    start: 0,
                    end: l1 - 1,
                    kind: RegionKind::Header,
                },
                Region {
                    start: l1,
                    end: b - 1,
                    kind: RegionKind::Header,
                },
                Region {
                    start: b,
                    end: bp - 1,
                    kind: RegionKind::Body,
                },
                Region {
                    start: bp,
                    end: text.len(),
                    kind: RegionKind::Boilerplate,
                },
            ],
            ..Article::default()
        };
        let sentences = segment(text, &article.regions);
        let got: Vec<(&str, Option<String>)> = find(text, &article, &sentences, d(2022, 3, 7))
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("March 7, 2022", Some("2022-03-07".to_string())),
                ("Monday", Some("2022-03-07".to_string()))
            ]
        );
    }
}
