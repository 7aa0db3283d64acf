//! Header lines above (or just below) the headline: ids (`News ID: 302104`), publication
//! stamps (`Published: 0815 GMT March 7, 2022`, `19 Dec 2020 - 15:18`, a lone
//! `August 27, 2021`, `date 2021-02-03`, `07-05-2025 03:48 AM`), bylines, breadcrumbs and
//! site chrome (`QR code`, `Home > World`). The dates themselves are read by the dates
//! stage (`dates::parse::day_dates`: whole calendar days only; year-less or relative dates
//! are left to the dates stage); what stays here is this stage's policy: which order a
//! numeric date is read in, which years a stamp may carry, which lines are stamps.

use regex::Regex;
use std::sync::OnceLock;

use super::at_most_words;
use crate::dates::calendar::Date;
use crate::dates::parse::{day_dates, weekday_number, DayFields, MONTH_NAMES};

/// What a header line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderLine {
    /// A publication stamp or a lone date line; the date it states, if it parses, and
    /// whether it is an "updated" stamp (a weaker claim than "published").
    Stamp { date: Option<Date>, updated: bool },
    /// Ids, bylines, breadcrumbs, reading time, `QR code` and such.
    Chrome,
}

/// The first whole calendar date in `s`, with its byte span. Numeric `a-b-yyyy` is read
/// day-first (the common order outside the US), `a/b/yyyy` month-first, unless one of the
/// two numbers cannot be a month.
pub fn find_date(s: &str) -> Option<(Date, usize, usize)> {
    find_date_with_alternative(s).map(|(d, a, b, _)| (d, a, b))
}

/// The other reading of the first date in `s` when it is numeric and either order is a
/// valid day (`07-05-2025`: 7 May or July 5), else `None`.
pub fn other_reading(s: &str) -> Option<Date> {
    find_date_with_alternative(s).and_then(|x| x.3)
}

/// How often a month's full English name occurs in `text` (a tie-breaker for numeric dates).
pub fn month_mentions(text: &str, month: u32) -> usize {
    let Some(name) = MONTH_NAMES.get(month.wrapping_sub(1) as usize) else {
        return 0;
    };
    memchr::memmem::find_iter(text.as_bytes(), name.as_bytes())
        .filter(|&i| {
            !text
                .as_bytes()
                .get(i + name.len())
                .is_some_and(|b| b.is_ascii_alphabetic())
        })
        .count()
}

fn find_date_with_alternative(s: &str) -> Option<(Date, usize, usize, Option<Date>)> {
    // every day date writes its year in four digits, and a stamp's year is modern: most
    // lines hold no such four digits, and need not meet the date pattern
    if !has_modern_year(s) {
        return None;
    }
    first_day_date(s)
}

/// `find_date_with_alternative` without the year screen: the first day date of a modern
/// year, its span and its other reading.
fn first_day_date(s: &str) -> Option<(Date, usize, usize, Option<Date>)> {
    day_dates(s).find_map(|dd| {
        let (date, alt) = match dd.fields {
            DayFields::Date(d) => (d, None),
            DayFields::Numeric { a, b, year, slash } => {
                let (d, m) = if a > 12 {
                    (a, b)
                } else if b > 12 || slash {
                    (b, a)
                } else {
                    (a, b)
                };
                let alt = if a <= 12 && b <= 12 && a != b {
                    Date::new(year, d, m)
                } else {
                    None
                };
                (Date::new(year, m, d)?, alt)
            }
        };
        // a publication stamp names a modern year
        (1900..=2100)
            .contains(&date.year)
            .then_some((date, dd.start, dd.end, alt))
    })
}

/// Does `s` hold four ASCII digits in a row that read as a year of `1900..=2100` (the
/// years `find_date_with_alternative` keeps)? Also inside a longer run of digits. Such a
/// year opens with `1` or `2`: a vectorised search for those skips the letters between.
fn has_modern_year(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| match b.get(i..i + 4) {
        Some([b'1', b'9', c, d] | [b'2', b'0', c, d]) => c.is_ascii_digit() && d.is_ascii_digit(),
        Some(w) => w == b"2100",
        None => false,
    })
}

/// Can `stamp_re` match `line`? Each of its words opens with `l`, `u`, `m`, `p`, `r`, `d`
/// or `o` in either case (no char beyond ASCII folds to one of them; such a first char is
/// left to the regex): most lines need no regex search.
fn may_open_stamp(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b) if b.is_ascii() => matches!(
            b.to_ascii_lowercase(),
            b'l' | b'u' | b'm' | b'p' | b'r' | b'd' | b'o'
        ),
        _ => true,
    }
}

fn stamp_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?i:(?P<upd>last\s+updated|updated|modified)|published|posted|released|publish(?:ed)?\s+date|publication\s+date|release\s+date|date|dated|on)(?-u:\b)\s*(?:on|at)?\s*[:\-–|]?")
            .expect("stamp pattern")
    })
}

fn chrome_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?i:(?:news|story|article|post|content)\s*(?:id|code|no\.?|number)\s*:?\s*\d+|id\s*:\s*\d+|qr\s*code|print(?:\s+this)?|e-?mail|share(?:\s+this)?|tweet|font\s*size|listen(?:\s+to\s+this\s+article)?|\d+\s*min(?:ute)?s?\s+read|reading\s+time.*|home|news|world|politics|breaking(?:\s+news)?)$",
        )
        .expect("chrome pattern")
    })
}

/// The chrome lines of bylines, whole line and any case: `by\s+\S[^.!?]{0,60}`,
/// `reporter\s*:[^.!?]{0,60}`, `written\s+by\s+[^.!?]{0,60}`. Read by hand: in `chrome_re`
/// those repeats of a Unicode class cost some 7 million instructions to compile, in every
/// run. A white space run is taken whole (what follows it is no white space, or may hold
/// it).
fn is_byline(line: &str) -> bool {
    // at most 60 chars, none of them `.`, `!` or `?`
    let short_tail = |rest: &str| rest.chars().nth(60).is_none() && !rest.contains(['.', '!', '?']);
    if let Some(t) = strip_prefix_ci(line, "by").and_then(after_space) {
        if let Some(c) = t.chars().next() {
            return short_tail(&t[c.len_utf8()..]);
        }
    }
    if let Some(r) = strip_prefix_ci(line, "reporter") {
        if let Some(t) = r.trim_start_matches(char::is_whitespace).strip_prefix(':') {
            return short_tail(t);
        }
    }
    if let Some(t) = strip_prefix_ci(line, "written")
        .and_then(after_space)
        .and_then(|r| strip_prefix_ci(r, "by"))
        .and_then(after_space)
    {
        return short_tail(t);
    }
    false
}

/// What follows a run of one or more white space chars opening `s`.
fn after_space(s: &str) -> Option<&str> {
    let t = s.trim_start_matches(char::is_whitespace);
    (t.len() < s.len()).then_some(t)
}

/// `s` without the prefix `p` (lowercase ASCII) in any ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.as_bytes().get(..p.len())?;
    head.eq_ignore_ascii_case(p.as_bytes())
        .then(|| &s[p.len()..])
}

/// Words a lone date line may carry besides the date: weekdays, times, zones, separators.
fn only_date_leftovers(rest: &str) -> bool {
    rest.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '—' | '/' | '(' | ')' | '.')
    })
    .filter(|w| !w.is_empty())
    .all(|w| {
        let l = w.to_ascii_lowercase();
        w.bytes().all(|b| b.is_ascii_digit() || b == b':')
            || matches!(
                l.as_str(),
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "ist"
                    | "pst"
                    | "pt"
                    | "et"
                    | "est"
                    | "edt"
                    | "cet"
                    | "irst"
                    | "pkt"
                    | "local"
                    | "time"
                    | "hrs"
                    | "h"
                    | "mon"
                    | "tue"
                    | "tues"
                    | "wed"
                    | "thu"
                    | "thur"
                    | "thurs"
                    | "fri"
                    | "sat"
                    | "sun"
                    | "at"
                    | "on"
            )
            || weekday_number(w).is_some()
            || (l.ends_with("am") || l.ends_with("pm"))
                && l[..l.len() - 2]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b':')
    })
}

/// Is `s` a breadcrumb (`Home > World`, `News >World`)?
fn is_breadcrumb(s: &str) -> bool {
    s.len() <= 80
        && s.contains('>')
        && s.split(['>', '»']).all(|p| {
            let p = p.trim();
            !p.is_empty() && p.split_whitespace().count() <= 4 && !p.ends_with('.')
        })
}

/// Classify one trimmed line as a header line, or `None` when it is not one.
pub fn classify(line: &str) -> Option<HeaderLine> {
    classify_with_other(line).map(|(h, _)| h)
}

/// `classify`, and for a stamp whose date is the line's first, `Some(other_reading(line))`
/// (read by the same search: the caller need not read the line again).
pub fn classify_with_other(line: &str) -> Option<(HeaderLine, Option<Option<Date>>)> {
    if line.len() > 200 {
        return None;
    }
    if let Some(m) = may_open_stamp(line)
        .then(|| stamp_re().captures(line))
        .flatten()
    {
        let whole = m.get(0).map_or(0, |g| g.end());
        let rest = &line[whole..];
        if let Some((d, s, e)) = find_date(rest) {
            // the stamp must be mostly the date (no sentence wrapped around it)
            let leftover = format!("{} {}", &rest[..s], &rest[e..]);
            // `Published:`/`Posted`/`Updated` open a stamp line whatever follows the date
            // (`| Updated: ...`); `date`, `dated` and `on` may open a sentence instead
            let word = line
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let strong = !matches!(word.as_str(), "date" | "dated" | "on")
                && line.len() <= 160
                && !line.ends_with('.');
            if strong || only_date_leftovers(&leftover) || at_most_words(&leftover, 4) {
                let h = HeaderLine::Stamp {
                    date: Some(d),
                    updated: m.name("upd").is_some(),
                };
                return Some((h, None));
            }
        }
    }
    // the line's first date, read once for the two tests below
    if let Some((d, s, e, other)) = find_date_with_alternative(line) {
        let leftover = format!("{} {}", &line[..s], &line[e..]);
        let stamp = HeaderLine::Stamp {
            date: Some(d),
            updated: false,
        };
        if only_date_leftovers(&leftover) {
            return Some((stamp, Some(other)));
        }
        // a site name or section beside the date (`Example Times | April 12, 2021`)
        if at_most_words(&leftover, 3)
            && !line.ends_with('.')
            && leftover.contains(['|', '-', '–', '—', ','])
        {
            return Some((stamp, Some(other)));
        }
    }
    if chrome_re().is_match(line) || is_byline(line) || is_breadcrumb(line) {
        return Some((HeaderLine::Chrome, None));
    }
    None
}

/// A header stamp glued to the start of a one-line article (` date 2021-02-03 TEHRAN ...`,
/// `Published: April 12, 2021 TEHRAN ...`): its date and where it ends.
pub fn leading_stamp(line: &str) -> Option<(Date, usize)> {
    if !may_open_stamp(line) {
        return None;
    }
    let m = stamp_re().find(line)?;
    // "On April 12, 2021, officials met" opens a sentence, not a stamp
    if line.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("on ")) {
        return None;
    }
    if m.end() == 0
        || !line[..m.end()]
            .trim_end()
            .ends_with(|c: char| c.is_alphabetic() || c == ':')
    {
        return None;
    }
    let rest = &line[m.end()..];
    let (d, s, e) = find_date(rest)?;
    if !rest[..s].trim().is_empty() {
        return None;
    }
    // a clock time right after the date belongs to the stamp
    let tail = &rest[e..];
    let mut end = m.end() + e;
    let t = tail.trim_start_matches([' ', ',', '-']);
    let clock = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b':')
        .count();
    if clock >= 4 && t[..clock].contains(':') {
        end = line.len() - t.len() + clock;
    }
    Some((d, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn chrome_with_bylines_reads_as_the_whole_pattern() {
        let full = Regex::new(&format!(
            "{}{})$",
            chrome_re().as_str().trim_end_matches(")$"),
            r"|by\s+\S[^.!?]{0,60}|reporter\s*:[^.!?]{0,60}|written\s+by\s+[^.!?]{0,60}"
        ))
        .unwrap();
        assert!(full.as_str().contains("|home|") && full.as_str().ends_with("{0,60})$"));
        let mut lines: Vec<String> = [
            "By Sara Lind, Reuters",
            "BY  Sara Lind",
            "by\u{a0}x",
            "By Sara Lind. Reuters",
            "By .",
            "By",
            "By ",
            "Bylines matter",
            "Reporter: Sara Lind",
            "REPORTER  :",
            "Reporter Sara",
            "Written by Sara Lind",
            "written  BY\tSara",
            "Written by",
            "Written by ",
            "Writtenby Sara",
            "Home",
            "News ID: 12",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.push(format!("By {}", "x".repeat(60)));
        lines.push(format!("By {}", "x".repeat(61)));
        lines.push(format!("By x{}", "é".repeat(60)));
        lines.push(format!("By x{}", "é".repeat(61)));
        lines.push(format!("Reporter:{}", "y".repeat(60)));
        lines.push(format!("Reporter:{}", "y".repeat(61)));
        lines.push(format!("Written by {}", " ".repeat(60)));
        lines.push(format!("Written by {}!", " ".repeat(3)));
        let pieces = [
            "by", "By", "BY", "reporter", "Reporter", "written", "Written", " ", "  ", "\t",
            "\u{a0}", "\u{2009}", "\n", ":", ".", "!", "?", "x", "é", "Sara", "ſ", "K",
        ];
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..30_000 {
            let mut r = seed.step();
            let mut l = String::new();
            for _ in 0..(seed.0 % 12) {
                l.push_str(pieces[(r % pieces.len() as u64) as usize]);
                r = r.rotate_left(9) ^ (r >> 5).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            lines.push(l);
        }
        let mut hits = 0;
        for l in &lines {
            let want = full.is_match(l);
            assert_eq!(chrome_re().is_match(l) || is_byline(l), want, "{l:?}");
            hits += want as usize;
        }
        assert!(hits > 200, "{hits}");
    }

    #[test]
    fn the_year_screen_passes_every_stamp_date() {
        // lines of our own and generated ones of digits, separators and month names: the
        // screened search finds what the full one finds
        let mut lines: Vec<String> = [
            "Published: 0712 GMT March 3, 2022",
            "19 Dec 1899 - 15:18",
            "2100-12-31",
            "2101-01-01",
            "12/11/1900 and 1/2/2099",
            "News ID: 418822 posted 3 May 2019",
            "id 120199 on 02-03-1999",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        let pieces = [
            "0", "1", "2", "9", "19", "20", "21", "00", "99", "-", "/", ".", " ", ", ", "May ",
            "June ", "3rd ", "2021", "1999", "12",
        ];
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let mut l = String::new();
            for _ in 0..seed.below(14) {
                l.push_str(pieces[seed.below(pieces.len())]);
            }
            lines.push(l);
        }
        let mut found = 0;
        for l in &lines {
            let want = first_day_date(l);
            assert_eq!(find_date_with_alternative(l), want, "{l:?}");
            found += want.is_some() as usize;
            let digits = |w: &[u8]| w.iter().all(u8::is_ascii_digit);
            let year = |w: &[u8]| std::str::from_utf8(w).ok()?.parse::<i32>().ok();
            let modern = l
                .as_bytes()
                .windows(4)
                .any(|w| digits(w) && year(w).is_some_and(|y| (1900..=2100).contains(&y)));
            assert_eq!(has_modern_year(l), modern, "{l:?}");
        }
        assert!(found > 30, "{found}");
    }

    #[test]
    fn the_stamp_screen_passes_every_stamp() {
        // every opening the pattern allows, in three cases, and lines that open otherwise
        let words = [
            "last updated",
            "updated",
            "modified",
            "published",
            "posted",
            "released",
            "publish date",
            "published date",
            "publication date",
            "release date",
            "date",
            "dated",
            "on",
        ];
        let mut lines: Vec<String> = Vec::new();
        for w in words {
            for l in [
                w.to_string(),
                w.to_uppercase(),
                w[..1].to_uppercase() + &w[1..],
            ] {
                lines.push(format!("{l}: March 3, 2022"));
                lines.push(format!("{l} 2022-03-03"));
            }
        }
        for c in (0u8..128)
            .map(char::from)
            .chain(['\u{17f}', '\u{212a}', '\u{e9}', '\u{130}'])
        {
            lines.push(format!("{c}ublished: March 3, 2022"));
            lines.push(format!("{c}n 2022-03-03"));
            lines.push(format!("{c}ate 2022-03-03"));
        }
        let mut matched = 0;
        for l in &lines {
            let m = stamp_re().is_match(l);
            assert!(may_open_stamp(l) || !m, "{l:?}");
            matched += m as usize;
        }
        assert!(matched >= words.len() * 6, "{matched}");
    }

    #[test]
    fn header_dates_parse() {
        let cases: &[(&str, Option<Date>)] = &[
            ("Published: 0815 GMT March 7, 2022", d(2022, 3, 7)),
            ("19 Dec 2020 - 15:18", d(2020, 12, 19)),
            ("August 27, 2021", d(2021, 8, 27)),
            ("date 2021-02-03", d(2021, 2, 3)),
            ("2011-05-03 16:04", d(2011, 5, 3)),
            ("07-05-2025 03:48 AM", d(2025, 5, 7)),
            ("Sputnik - 03rd February, 2021", d(2021, 2, 3)),
            ("Updated: Sept. 4, 2019", d(2019, 9, 4)),
            ("12/31/2020", d(2020, 12, 31)),
            ("31.12.2020", d(2020, 12, 31)),
            ("the 5th of March 2022", d(2022, 3, 5)),
            ("Feb 30, 2021", None),
            ("no date here 2021", None),
        ];
        for (s, want) in cases {
            assert_eq!(find_date(s).map(|x| x.0), *want, "{s:?}");
        }
    }

    #[test]
    fn header_lines_classify() {
        use HeaderLine::*;
        let stamp = |y, m, dd| {
            Some(Stamp {
                date: d(y, m, dd),
                updated: false,
            })
        };
        let cases: &[(&str, Option<HeaderLine>)] = &[
            ("Published: 0815 GMT March 7, 2022", stamp(2022, 3, 7)),
            ("Monday, 14 June 2021 | 10:05 AM", stamp(2021, 6, 14)),
            ("19 Dec 2020 - 15:18", stamp(2020, 12, 19)),
            (
                "Last updated: March 2, 2022",
                Some(Stamp {
                    date: d(2022, 3, 2),
                    updated: true,
                }),
            ),
            (
                "Published: 14:20 GMT, 12 April 2021 | Updated: 16:00 GMT, 13 April 2021",
                stamp(2021, 4, 12),
            ),
            (
                "On April 12, 2021, officials met in Oslo to discuss the quota.",
                None,
            ),
            ("News ID: 302104", Some(Chrome)),
            ("Story Code: 55120", Some(Chrome)),
            ("QR code", Some(Chrome)),
            ("Home > World", Some(Chrome)),
            ("News >World", Some(Chrome)),
            ("By Sara Lind", Some(Chrome)),
            ("3 min read", Some(Chrome)),
            ("The talks ended on April 12, 2021, without a deal.", None),
            ("Example Times | April 12, 2021", stamp(2021, 4, 12)),
            ("Talks set for April 12, 2021", None),
            ("Officials met in Oslo.", None),
            ("07-05-2025 03:48 AM", stamp(2025, 5, 7)),
            ("Example Times | 03/04/2021", stamp(2021, 3, 4)),
        ];
        for (s, want) in cases {
            assert_eq!(classify(s), *want, "{s:?}");
            // the other reading handed back is the line's own
            if let Some((_, Some(other))) = classify_with_other(s) {
                assert_eq!(other, other_reading(s), "{s:?}");
            }
        }
        assert_eq!(
            classify_with_other("07-05-2025 03:48 AM").and_then(|x| x.1),
            Some(d(2025, 7, 5))
        );
    }

    #[test]
    fn leading_stamps() {
        let s = " date 2021-02-03 OSLO (Agency) - Text";
        let (dt, end) = leading_stamp(s.trim_start()).unwrap();
        assert_eq!(dt, Date::new(2021, 2, 3).unwrap());
        assert_eq!(&s.trim_start()[..end], "date 2021-02-03");
        assert!(leading_stamp("Oslo officials said on 2021-02-03 that").is_none());
        assert!(leading_stamp("On 2021-02-03 officials met").is_none());
    }
}
