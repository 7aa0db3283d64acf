//! Surface forms of temporal expressions: one regex over the text finds absolute dates in
//! the common orders (`January 3, 2020`, `3 January 2020`, `Jan. 3`, `03rd February, 2021`,
//! `2021-02-03`), months, years, decades, weekdays and relative phrases; a token parser
//! reads the fields of a match. Month names are matched case-sensitively (capitalised) so
//! the verbs "may" and "march" are not dates; clock times are never part of a match.
//! A second, narrower finder (`day_dates`) reads only whole calendar days as header lines
//! and datelines write them: any letter case, numeric `07-05-2025`, `2011-5-3`, `31.12.2020`.

use super::calendar::Date;
use super::Granularity;
use regex::Regex;
use std::sync::OnceLock;

/// A date whose year, month or day may be unknown (`February 29` has no year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// Which alternative of the pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A calendar date, month, year or decade written out (possibly without its year).
    Absolute,
    /// A weekday name, possibly with `last`/`next`/`this`.
    Weekday,
    /// `yesterday`, `last month`, `earlier this week`, `two days ago`, `last September`.
    Relative,
}

/// English month names, January first: the one month table of the crate (the patterns,
/// `month_number`, the article stage's month counts).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Month abbreviations written with a full stop (`Sept.`), `Sept` before `Sep`.
pub const MONTH_ABBRS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];
/// English weekday names, Monday first (ISO order).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn pattern() -> String {
    let (month_full, month_abbr) = (MONTH_NAMES.join("|"), MONTH_ABBRS.join("|"));
    let weekday = WEEKDAY_NAMES.join("|");
    // capitalised or all capitals (`JANUARY 3, 2020` in wire datelines) next to a number
    let (full_uc, abbr_uc) = (month_full.to_uppercase(), month_abbr.to_uppercase());
    let mx = format!("(?:(?:{month_full}|{full_uc})|(?:{month_abbr}|{abbr_uc})\\.?)(?-u:\\b)\\.?");
    let mf = format!("(?:{month_full})(?-u:\\b)");
    let day = "(?:[0-3]?[0-9])(?:st|nd|rd|th)?(?-u:\\b)";
    let year = "(?:1[0-9]{3}|20[0-9]{2})(?-u:\\b)";
    let sp = "[ \\t\\u{a0}]+";
    let wd = format!("(?:(?:{weekday}),?{sp})?");
    let pre = format!("(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|{sp}))?");
    let num_word = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2}";
    let rel_mod = "[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming";
    [
        // ISO numeric
        // (a timestamp's `T` is matched and cut off by the caller: there is no look-ahead)
        "(?P<iso>(?-u:\\b)[12][0-9]{3}-[01][0-9]-[0-3][0-9](?:T|(?-u:\\b)))".to_string(),
        // weekday?, month day, year  /  weekday?, day month year
        format!("(?P<mdy>(?-u:\\b){wd}{mx}{sp}{day},?{sp}{year})"),
        format!("(?P<dmy>(?-u:\\b){wd}{day}{sp}(?:of{sp})?{mx},?{sp}{year})"),
        format!("(?P<my>(?-u:\\b){pre}{mx},?{sp}{year})"),
        format!("(?P<md>(?-u:\\b){wd}{mx}{sp}{day})"),
        format!("(?P<dm>(?-u:\\b){wd}{day}{sp}(?:of{sp})?{mx})"),
        // relative phrases
        format!(
            "(?P<rel>(?-u:\\b)(?:(?:(?:[Ee]arlier|[Ll]ater){sp})?(?:[Tt]oday|[Tt]onight)\
             |[Yy]esterday|[Tt]omorrow\
             |(?:(?:[Ee]arlier|[Ll]ater){sp}|[Tt]he{sp}(?:end|beginning|start|middle){sp}of{sp})?\
              (?:{rel_mod}){sp}(?:week|month|year|weekend)\
             |[Tt]he{sp}previous{sp}(?:week|month|year)\
             |[Tt]he{sp}(?:end|beginning|start|middle){sp}of{sp}the{sp}(?:week|month|year)\
             |(?:{num_word}){sp}(?:day|week|month|year)s?{sp}ago\
             |(?:{rel_mod}){sp}(?:{month_full}))(?-u:\\b))"
        ),
        format!("(?P<wday>(?-u:\\b)(?:(?:{rel_mod}){sp})?(?:{weekday})(?-u:\\b))"),
        "(?P<decade>(?-u:\\b)(?:1[89]|20)[0-9]0s(?-u:\\b))".to_string(),
        format!("(?P<mon>(?-u:\\b){pre}{mf})"),
        format!("(?P<year>(?-u:\\b){pre}(?:19[0-9]{{2}}|20[0-9]{{2}})(?-u:\\b))"),
        "(?P<shortyear>['\u{2019}][0-9]{2}(?-u:\\b))".to_string(),
    ]
    .join("|")
}

#[doc(hidden)]
pub fn pattern_for_bench() -> String {
    pattern()
}

/// The compiled pattern, shared by all threads.
pub(crate) fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&pattern()).expect("date pattern compiles"))
}

/// Group names of the alternatives, in pattern order (the tests check `classify` against them).
#[cfg(test)]
pub(crate) const GROUPS: [&str; 12] = [
    "iso",
    "mdy",
    "dmy",
    "my",
    "md",
    "dm",
    "rel",
    "wday",
    "decade",
    "mon",
    "year",
    "shortyear",
];

/// Which alternative of the pattern a match is, read from its text: cheaper than asking the
/// regex for capture groups (a bounded backtracker over the whole pattern per match).
pub(crate) fn classify(m: &str) -> &'static str {
    let b = m.as_bytes();
    let Some(&first) = b.first() else { return "" };
    if first == b'\'' || m.starts_with('\u{2019}') {
        return "shortyear";
    }
    if (b.len() == 10 || (b.len() == 11 && b[10] == b'T'))
        && b[4] == b'-'
        && b[7] == b'-'
        && first.is_ascii_digit()
    {
        return "iso";
    }
    if first.is_ascii_digit() && m.ends_with('s') {
        return "decade";
    }
    // a bare year, the commonest match: what the token loop below finds for it
    if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
        return "year";
    }
    let mut month_at = None;
    let mut day_at = None;
    let mut year = false;
    let mut weekday = false;
    let mut first_word = None;
    for (k, tok) in tokens(m).enumerate() {
        if k == 0 {
            first_word = Some(tok);
        }
        let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 && tok.len() == 4 {
            year = true;
        } else if digits > 0 && digits <= 2 {
            day_at.get_or_insert(k);
        } else if weekday_number(tok).is_some() {
            weekday = true;
        } else if month_at.is_none()
            && tok.starts_with(char::is_uppercase)
            && month_number(tok).is_some()
        {
            month_at = Some(k);
        } else if matches!(
            &*crate::dates::lower_in(tok, &mut [0u8; 32]),
            "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "ago"
                | "week"
                | "month"
                | "year"
                | "weekend"
        ) {
            return "rel";
        }
    }
    match (month_at, day_at, year) {
        (Some(mo), Some(d), true) => {
            if mo < d {
                "mdy"
            } else {
                "dmy"
            }
        }
        (Some(_), None, true) => "my",
        (Some(mo), Some(d), false) => {
            if mo < d {
                "md"
            } else {
                "dm"
            }
        }
        (Some(_), None, false) => {
            let lead = first_word.unwrap_or("").to_ascii_lowercase();
            if matches!(lead.as_str(), "last" | "next" | "this" | "coming") {
                "rel"
            } else {
                "mon"
            }
        }
        (None, _, true) => "year",
        _ if weekday => "wday",
        _ => "",
    }
}

/// The pieces of `m` between spaces, tabs, no-break spaces, commas and hyphens, empty ones
/// left out: `m.split([' ', '\t', '\u{a0}', ',', '-']).filter(|t| !t.is_empty())`, read
/// on bytes (the char splitter decoded every character).
fn tokens(m: &str) -> impl Iterator<Item = &str> {
    let b = m.as_bytes();
    let sep = |i: usize| match b[i] {
        b' ' | b'\t' | b',' | b'-' => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        _ => 0,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && sep(i) > 0 {
            i += sep(i);
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && sep(i) == 0 {
            i += 1;
        }
        // both ends lie at a separator (ASCII, or the lead byte of U+00A0) or an end
        Some(&m[start..i])
    })
}

/// Month number of a name or abbreviation (`Sept.` -> 9); case-insensitive.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 9 {
        return None;
    }
    // the names differ in their first three letters: those pick the one candidate (`| 0x20`
    // lowercases letters and turns no other byte into one)
    // (`| 0x20` never makes a capital, so the key equals a name's lowercased first three
    // letters exactly when it matches them ignoring case: one `match` for a scan of twelve)
    let key = [b[0] | 0x20, b[1] | 0x20, b[2] | 0x20];
    let i = match &key {
        b"jan" => 0,
        b"feb" => 1,
        b"mar" => 2,
        b"apr" => 3,
        b"may" => 4,
        b"jun" => 5,
        b"jul" => 6,
        b"aug" => 7,
        b"sep" => 8,
        b"oct" => 9,
        b"nov" => 10,
        b"dec" => 11,
        _ => return None,
    };
    let n = MONTH_NAMES[i];
    // a three-letter prefix, `Sept`, or the whole name
    let prefix = n.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    (prefix && (w.len() == 3 || w.eq_ignore_ascii_case("sept") || w.len() == n.len()))
        .then_some(i as u32 + 1)
}

/// ISO weekday of a name (`Monday` = 1); case-insensitive.
pub fn weekday_number(word: &str) -> Option<u32> {
    // every name has six to nine letters: most words are ruled out by their length
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    WEEKDAY_NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// Read the fields of an absolute date written in words and numbers: a month name or
/// abbreviation, a day (`3`, `03rd`), a four-digit year, in any order; or ISO `2021-02-03`.
/// Weekday names and modifiers (`early`, `mid-`) are skipped. `None` if a field is out of range
/// or nothing date-like is there.
pub fn read_fields(s: &str) -> Option<(PartialDate, Granularity)> {
    let s = s.trim();
    let b = s.as_bytes();
    // ISO yyyy-mm-dd
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit) {
        let y: i32 = s[..4].parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        super::calendar::Date::new(y, m, d)?;
        return Some((
            PartialDate {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            },
            Granularity::Day,
        ));
    }
    let mut pd = PartialDate::default();
    for tok in s.split(|c: char| c.is_whitespace() || c == ',' || c == '-') {
        if tok.is_empty() {
            continue;
        }
        let digits = &tok[..tok.bytes().take_while(u8::is_ascii_digit).count()];
        if !digits.is_empty() {
            let rest = &tok[digits.len()..];
            if digits.len() == 4 && rest.is_empty() && pd.year.is_none() {
                pd.year = digits.parse().ok();
            } else if digits.len() <= 2
                && pd.day.is_none()
                && (matches!(rest, "" | ".")
                    || ["st", "nd", "rd", "th"]
                        .iter()
                        .any(|o| rest.eq_ignore_ascii_case(o)))
            {
                let d: u32 = digits.parse().ok()?;
                if !(1..=31).contains(&d) {
                    return None;
                }
                pd.day = Some(d);
            } else if digits.len() == 4 && rest == "s" {
                // a decade: only the year part is kept by the caller
                pd.year = digits.parse().ok();
            } else {
                return None;
            }
        } else if let Some(m) = month_number(tok) {
            if pd.month.is_none() {
                pd.month = Some(m);
            }
        }
    }
    let gran = match (pd.year, pd.month, pd.day) {
        (_, Some(m), Some(d)) => {
            if d > super::calendar::days_in_month(pd.year.unwrap_or(2000), m) {
                return None;
            }
            Granularity::Day
        }
        (_, Some(_), None) => Granularity::Month,
        (Some(_), None, None) => Granularity::Year,
        _ => return None,
    };
    Some((pd, gran))
}

/// Parse one absolute date string (`"April 12, 2021"`, `"03rd February, 2021"`,
/// `"2021-02-03"`, `"Jan. 3"`, `"March 2020"`, `"1979"`): the whole string, surrounding
/// spaces and punctuation aside, must be the date. Reusable by other stages (header lines).
pub fn parse_date(s: &str) -> Option<(PartialDate, Granularity)> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '-' | ':'));
    let m = regex().find(t)?;
    if m.start() != 0 || m.end() != t.len() {
        return None;
    }
    first_date(t).map(|(_, _, pd, g)| (pd, g))
}

/// The first absolute date (a day, month or year written out) inside `s` (a header line such as
/// `Published: 0815 GMT March 7, 2022`): byte span, fields and granularity.
pub fn first_date(s: &str) -> Option<(usize, usize, PartialDate, Granularity)> {
    let re = regex();
    for m in re.find_iter(s) {
        let name = classify(m.as_str());
        if !matches!(
            name,
            "iso" | "mdy" | "dmy" | "my" | "md" | "dm" | "mon" | "year"
        ) {
            continue;
        }
        // a bare "May" could be the verb
        if name == "mon" && m.as_str() == "May" {
            continue;
        }
        if let Some((pd, g)) = read_fields(m.as_str()) {
            let end = m.end() - usize::from(m.as_str().ends_with('T'));
            return Some((m.start(), end, pd, g));
        }
    }
    None
}

/// A whole calendar day found by `day_dates`, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayDate {
    pub start: usize,
    pub end: usize,
    pub fields: DayFields,
}

/// What a day date's fields say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayFields {
    /// A month name or a leading year fixes the order (`3 February 2021`, `2011-5-3`).
    Date(Date),
    /// `a-b-yyyy`, `a/b/yyyy` or `a.b.yyyy`: which of `a` and `b` is the day is a
    /// convention of the source, left to the caller; `slash` when written with `/`.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
        slash: bool,
    },
}

fn day_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // header lines write months in any case (`APRIL 12, 2021`, `april 12, 2021`)
        let m = format!("(?i:{}|{})", MONTH_NAMES.join("|"), MONTH_ABBRS.join("|"));
        let pat = format!(
            r"(?-u:\b)(?:(?P<iy>[0-9]{{4}})[-/.](?P<im>[0-9]{{1,2}})[-/.](?P<id>[0-9]{{1,2}})|(?P<na>[0-9]{{1,2}})(?P<sep>[-/.])(?P<nb>[0-9]{{1,2}})[-/.](?P<ny>[0-9]{{4}})|(?P<dmy>[0-9]{{1,2}}(?i:st|nd|rd|th)?(?:\s+of)?\s+{m}\.?,?\s+[0-9]{{4}})|(?P<mdy>{m}\.?\s+[0-9]{{1,2}}(?i:st|nd|rd|th)?,?\s+[0-9]{{4}}))(?-u:\b)"
        );
        Regex::new(&pat).expect("day date pattern")
    })
}

/// The whole calendar days written in `s` with a four-digit year, in order (`Published:
/// 0535 GMT April 12, 2021`, `19 Dec 2020 - 15:18`, `03rd February, 2021`, `2011-05-03
/// 16:04`, `07-05-2025 03:48 AM`); a date that is not a valid day is passed over. Unlike
/// `first_date` it reads month names in any case and numeric dates, and never a bare
/// month or year.
pub fn day_dates(s: &str) -> impl Iterator<Item = DayDate> + '_ {
    day_regex().captures_iter(s).filter_map(|c| {
        let whole = c.get(0)?;
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let fields = if let Some(y) = num("iy") {
            DayFields::Date(Date::new(y as i32, num("im")?, num("id")?)?)
        } else if let Some(y) = num("ny") {
            DayFields::Numeric {
                a: num("na")?,
                b: num("nb")?,
                year: y as i32,
                slash: c.name("sep").is_some_and(|m| m.as_str() == "/"),
            }
        } else {
            // a month name, a day (`03rd`) and a year: the token reader of the main pattern
            let (pd, Granularity::Day) = read_fields(whole.as_str())? else {
                return None;
            };
            DayFields::Date(Date::new(pd.year?, pd.month?, pd.day?)?)
        };
        Some(DayDate {
            start: whole.start(),
            end: whole.end(),
            fields,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(y: i32, m: u32, d: u32) -> PartialDate {
        PartialDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        }
    }

    #[test]
    fn parses_one_date_string() {
        let cases: &[(&str, Option<(PartialDate, Granularity)>)] = &[
            (
                "January 3, 2020",
                Some((full(2020, 1, 3), Granularity::Day)),
            ),
            ("3 January 2020", Some((full(2020, 1, 3), Granularity::Day))),
            (
                "03rd February, 2021",
                Some((full(2021, 2, 3), Granularity::Day)),
            ),
            ("2021-02-03", Some((full(2021, 2, 3), Granularity::Day))),
            ("19 Dec 2020", Some((full(2020, 12, 19), Granularity::Day))),
            ("Sept. 9, 2019", Some((full(2019, 9, 9), Granularity::Day))),
            ("JAN 3, 2020", Some((full(2020, 1, 3), Granularity::Day))),
            (
                "Tuesday, March 12 2019",
                Some((full(2019, 3, 12), Granularity::Day)),
            ),
            (
                "Jan. 3",
                Some((
                    PartialDate {
                        year: None,
                        month: Some(1),
                        day: Some(3),
                    },
                    Granularity::Day,
                )),
            ),
            (
                "March 2020",
                Some((
                    PartialDate {
                        year: Some(2020),
                        month: Some(3),
                        day: None,
                    },
                    Granularity::Month,
                )),
            ),
            (
                "1979",
                Some((
                    PartialDate {
                        year: Some(1979),
                        month: None,
                        day: None,
                    },
                    Granularity::Year,
                )),
            ),
            ("February 30, 2021", None),
            ("2021-02-30", None),
            ("Press TV", None),
            ("April 12, 2021 extra words", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), *want, "{s}");
        }
    }

    #[test]
    fn finds_the_date_in_a_header_line() {
        let s = "Published: 0815 GMT March 7, 2022";
        let (a, b, pd, g) = first_date(s).unwrap();
        assert_eq!(&s[a..b], "March 7, 2022");
        assert_eq!((pd, g), (full(2022, 3, 7), Granularity::Day));
        let s = " date 2021-02-03 TEHRAN (Agency - 03rd February, 2021)";
        let (a, b, _, _) = first_date(s).unwrap();
        assert_eq!(&s[a..b], "2021-02-03");
        let s = "Updated: 2021-02-03T10:15:00Z";
        let (a, b, pd, _) = first_date(s).unwrap();
        assert_eq!((&s[a..b], pd), ("2021-02-03", full(2021, 2, 3)));
    }

    #[test]
    fn classify_agrees_with_the_pattern_groups() {
        let text = "On Monday, March 3, 2020 and 3rd of March 2020, in May 2019, Jan. 3, 19 Dec, \
                    2021-02-03, the 1990s, since '82, early June, mid-2021, in 1979, yesterday, \
                    earlier this month, last week, two days ago, last September, next Friday, \
                    the end of the year.";
        let re = regex();
        let mut n = 0;
        for caps in re.captures_iter(text) {
            let group = GROUPS.iter().find(|g| caps.name(g).is_some()).unwrap();
            let m = caps.get(0).unwrap().as_str();
            assert_eq!(classify(m), *group, "{m}");
            n += 1;
        }
        assert_eq!(n, 17);
    }

    #[test]
    fn reads_whole_days_as_headers_write_them() {
        let day = |y, m, d| Date::new(y, m, d).map(DayFields::Date);
        let numeric = |a, b, year, slash| Some(DayFields::Numeric { a, b, year, slash });
        let cases: &[(&str, Option<DayFields>)] = &[
            ("Published: 0815 GMT March 7, 2022", day(2022, 3, 7)),
            ("19 Dec 2020 - 15:18", day(2020, 12, 19)),
            ("august 27, 2021", day(2021, 8, 27)),
            ("AUGUST 27 2021", day(2021, 8, 27)),
            (" date 2021-02-03", day(2021, 2, 3)),
            ("2011-05-03 16:04", day(2011, 5, 3)),
            ("2011/5/3", day(2011, 5, 3)),
            ("Sputnik - 03rd February, 2021", day(2021, 2, 3)),
            ("3RD February 2021", day(2021, 2, 3)),
            ("Updated: Sept. 4, 2019", day(2019, 9, 4)),
            ("the 5th of March 2022", day(2022, 3, 5)),
            ("07-05-2025 03:48 AM", numeric(7, 5, 2025, false)),
            ("12/31/2020", numeric(12, 31, 2020, true)),
            ("31.12.2020", numeric(31, 12, 2020, false)),
            // not a valid day: passed over for the next one
            ("Feb 30, 2021 or March 1, 2021", day(2021, 3, 1)),
            ("2021-02-03T10:15:00Z", None),
            ("May 2021", None),
            ("no date here 2021", None),
        ];
        for (s, want) in cases {
            assert_eq!(day_dates(s).next().map(|d| d.fields), *want, "{s:?}");
        }
        let s = "Posted 19 Dec 2020 - 15:18";
        let d = day_dates(s).next().unwrap();
        assert_eq!(&s[d.start..d.end], "19 Dec 2020");
    }

    /// The three-letter look-up against the plain definition: a three-letter prefix of a
    /// name, `Sept`, or the whole name, any case, a trailing full stop aside.
    #[test]
    fn month_number_agrees_with_its_definition() {
        let plain = |word: &str| {
            let w = word.trim_end_matches('.');
            if w.len() < 3 {
                return None;
            }
            let prefix = |n: &str| n.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
            MONTH_NAMES
                .iter()
                .position(|n| {
                    prefix(n)
                        && (w.len() == 3 || w.eq_ignore_ascii_case("sept") || w.len() == n.len())
                })
                .map(|i| i as u32 + 1)
        };
        let mut words: Vec<String> = vec![
            "".into(),
            "Ma".into(),
            "Mai".into(),
            "M\u{e4}r".into(),
            "Ja\u{e9}".into(),
            "sept.".into(),
            "Septembers".into(),
            "J@N".into(),
            "[an".into(),
        ];
        for n in MONTH_NAMES {
            for k in 1..=n.len() + 1 {
                let p: String = n.chars().chain("xs.".chars()).take(k).collect();
                words.push(p.to_uppercase());
                words.push(p.to_lowercase());
                words.push(format!("{p}."));
                words.push(p);
            }
        }
        for w in &words {
            assert_eq!(month_number(w), plain(w), "{w:?}");
        }
    }

    #[test]
    fn tokens_agree_with_the_char_split() {
        let alphabet = [
            " ", "\t", "\u{a0}", ",", "-", "a", "1", "\u{e0}", "\u{2019}", ".",
        ];
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..seed.0 % 9 {
                t.push_str(alphabet[seed.below(alphabet.len())]);
            }
            let want: Vec<&str> = t
                .split([' ', '\t', '\u{a0}', ',', '-'])
                .filter(|x| !x.is_empty())
                .collect();
            assert_eq!(tokens(&t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("sep"), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marc"), None);
        assert_eq!(month_number("DECEMBER"), Some(12));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("Septem"), None);
        assert_eq!(month_number("Mai"), None);
        assert_eq!(weekday_number("Saturday"), Some(6));
        assert_eq!(weekday_number("SUNDAY"), Some(7));
        assert_eq!(weekday_number("Sun"), None);
    }
}
