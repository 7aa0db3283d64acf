//! Calendar values of relative and yearless expressions, resolved against the publication
//! date: the tense of the clause decides whether `on Saturday` is the last Saturday on or
//! before publication (a report) or the next one (`will meet on Saturday`).

use super::calendar::{days_in_month, push_padded, Date};
use super::parse::{month_number, weekday_number, PartialDate};
use super::Granularity;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// A resolved value: its ISO string, the granularity and, for a day, the date.
pub type Value = (String, Granularity, Option<Date>);

/// How many days a past-context date may lie after the anchor (reports written the evening
/// before a dated issue, time zones) before it is taken as last year's.
const SLACK_DAYS: i64 = 7;

// The values are written digit by digit (`push_padded`): `format!` cost ~1,000
// instructions a value.

pub fn day_value(d: Date) -> Value {
    (d.iso(), Granularity::Day, Some(d))
}

/// `yyyy-mm`
pub fn month_value(y: i32, m: u32) -> Value {
    let mut s = String::with_capacity(7);
    push_padded(&mut s, y.into(), 4);
    s.push('-');
    push_padded(&mut s, m.into(), 2);
    (s, Granularity::Month, None)
}

/// `yyyy`
pub fn year_value(y: i32) -> Value {
    let mut s = String::with_capacity(4);
    push_padded(&mut s, y.into(), 4);
    (s, Granularity::Year, None)
}

/// `yyyy-Www`
pub fn week_value(d: Date) -> Value {
    let (y, w) = d.iso_week();
    let mut s = String::with_capacity(8);
    push_padded(&mut s, y.into(), 4);
    s.push_str("-W");
    push_padded(&mut s, w.into(), 2);
    (s, Granularity::Week, None)
}

/// A date with all its fields, or with the year missing (then resolved against the anchor).
pub fn absolute(
    pd: PartialDate,
    gran: Granularity,
    anchor: Option<Date>,
    future: bool,
) -> Option<Value> {
    let year = match pd.year {
        Some(y) => y,
        None => {
            let a = anchor?;
            pick_year(pd, a, future)?
        }
    };
    match (gran, pd.month, pd.day) {
        (Granularity::Day, Some(m), Some(d)) => Date::new(year, m, d).map(day_value),
        (Granularity::Month, Some(m), _) => Some(month_value(year, m)),
        _ => Some(year_value(year)),
    }
}

/// The year of a yearless day or month: in a past context the latest that is not after the
/// anchor (give or take a few days); in a future context the earliest not before it.
fn pick_year(pd: PartialDate, a: Date, future: bool) -> Option<i32> {
    let m = pd.month?;
    let years = [a.year - 1, a.year, a.year + 1];
    let first_day = |y: i32| Date::new(y, m, pd.day.unwrap_or(1));
    let last_day = |y: i32| Date::new(y, m, pd.day.unwrap_or_else(|| days_in_month(y, m)));
    let a_days = a.to_days();
    if future {
        years
            .iter()
            .copied()
            .find(|&y| last_day(y).is_some_and(|d| d.to_days() >= a_days - SLACK_DAYS))
    } else {
        years
            .iter()
            .rev()
            .copied()
            .find(|&y| first_day(y).is_some_and(|d| d.to_days() <= a_days + SLACK_DAYS))
    }
}

/// A weekday: `last`/`next` force the direction, otherwise the clause's tense does. A past
/// report's weekday is on or before the anchor; a future one after it.
pub fn weekday(words: &str, anchor: Date, future: bool) -> Option<Value> {
    let mut it = words.split_whitespace();
    let first = it.next()?;
    let (modifier, name) = match it.next() {
        Some(n) => (first.to_ascii_lowercase(), n),
        None => (String::new(), first),
    };
    let wd = weekday_number(name.trim_end_matches("'s"))? as i64;
    let aw = anchor.weekday() as i64;
    let back = (aw - wd).rem_euclid(7); // days back to the last such day, 0 = the anchor
    let fwd = (wd - aw).rem_euclid(7);
    let delta = match modifier.as_str() {
        "last" => -(if back == 0 { 7 } else { back }),
        "next" | "coming" => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        "this" if future => fwd,
        _ if future => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => -back,
    };
    Some(day_value(anchor.add_days(delta)))
}

fn number_word(w: &str) -> Option<i64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let w = w.to_ascii_lowercase();
    if w == "a" || w == "an" {
        return Some(1);
    }
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    WORDS.iter().position(|x| *x == w).map(|i| i as i64)
}

fn shift_month(y: i32, m: u32, by: i64) -> (i32, u32) {
    let k = y as i64 * 12 + (m as i64 - 1) + by;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u32)
}

/// A relative phrase (`yesterday`, `earlier this month`, `the end of last year`,
/// `two weeks ago`, `last September`).
pub fn relative(phrase: &str, anchor: Date) -> Option<Value> {
    let lower = phrase.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let last = *words.last()?;
    match last {
        "today" | "tonight" => return Some(day_value(anchor)),
        "yesterday" => return Some(day_value(anchor.add_days(-1))),
        "tomorrow" => return Some(day_value(anchor.add_days(1))),
        "ago" if words.len() >= 3 => {
            let n = number_word(words[words.len() - 3])?;
            let unit = words[words.len() - 2].trim_end_matches('s');
            return match unit {
                "day" => Some(day_value(anchor.add_days(-n))),
                "week" => Some(day_value(anchor.add_days(-7 * n))),
                "month" => {
                    let (y, m) = shift_month(anchor.year, anchor.month, -n);
                    Some(month_value(y, m))
                }
                "year" => Some(year_value(anchor.year - n as i32)),
                _ => None,
            };
        }
        _ => {}
    }
    if words.len() < 2 {
        return None;
    }
    let modifier = words[words.len() - 2];
    let step: i64 = match modifier {
        "last" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    if let Some(m) = month_number(last) {
        // last September: the latest September before the anchor's month
        let y = match step {
            -1 if m >= anchor.month => anchor.year - 1,
            1 if m <= anchor.month => anchor.year + 1,
            _ => anchor.year,
        };
        return Some(month_value(y, m));
    }
    match last {
        "week" | "weekend" => Some(week_value(anchor.add_days(7 * step))),
        "month" => {
            let (y, m) = shift_month(anchor.year, anchor.month, step);
            Some(month_value(y, m))
        }
        "year" => Some(year_value(anchor.year + step as i32)),
        _ => None,
    }
}

/// Whether the sentence around a mention speaks of the future (`will meet on Friday`,
/// `is scheduled for June 3`). `before` is the sentence up to the mention, `after` the rest.
/// The verb just before the mention decides first (`said Friday`, `met on Friday`); then the
/// later of a future cue and a past marker before the mention; then a cue right after it.
pub fn is_future(before: &str, after: &str) -> bool {
    // The words are read on the text as written and compared ignoring ASCII case: the same
    // words as those of the lowercased text (lowercasing ASCII moves no space and makes no
    // letter of a non-letter), without copying the window for them.
    let is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let mut words = [""; 4];
    let mut n = 0;
    for w in before.split_whitespace().rev().take(4) {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if !is(
            w,
            &[
                "on", "by", "from", "since", "in", "until", "", "early", "late",
            ],
        ) {
            words[n] = w;
            n += 1;
        }
    }
    if n > 0 {
        let w = words[0];
        let passive = n > 1 && is(words[1], &["be", "been", "being", "to", "will", "would"]);
        let ed = w.len() > 3 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ed");
        if !passive && (ed || is(w, PAST)) {
            return false;
        }
    }
    // one pass over the window for every cue: the last future cue and the last past marker;
    // the window lowercased after a space (cues start with one) in a buffer on the stack
    let mut buf = [0u8; 256];
    let owned;
    let lower: &[u8] = match buf.get_mut(..before.len() + 1) {
        Some(b) => {
            b[0] = b' ';
            for (d, c) in b[1..].iter_mut().zip(before.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            b
        }
        None => {
            owned = format!(" {}", before.to_ascii_lowercase());
            owned.as_bytes()
        }
    };
    let (mut fut, mut past) = (None, None);
    for m in cue_automaton().find_overlapping_iter(lower) {
        let k = m.pattern().as_usize();
        if k < FUTURE.len() {
            fut = Some(m.start());
        } else {
            past = Some(m.start());
        }
    }
    match (fut, past) {
        (Some(f), Some(p)) => return f > p,
        (Some(_), None) => return true,
        (None, Some(_)) => return false,
        (None, None) => {}
    }
    // the clause right after the mention, up to 40 bytes (cut at a char boundary)
    let a = after.as_bytes();
    let near = &a[..a
        .iter()
        .position(|b| matches!(b, b',' | b';' | b':'))
        .unwrap_or(a.len())];
    let mut cut = near.len().min(40);
    while cut < near.len() && (near[cut] as i8) < -0x40 {
        cut -= 1; // a UTF-8 continuation byte
    }
    let near = &near[..cut];
    // every cue starts with a space: try them where the text has one
    (0..near.len()).any(|i| {
        near[i] == b' '
            && AFTER_CUES.iter().any(|c| {
                near.get(i..i + c.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(c.as_bytes()))
            })
    })
}

fn cue_automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::new(FUTURE.iter().chain(PAST_MARKS)).expect("cue automaton builds")
    })
}

/// Past verbs that, right before a date, make it a report of the past.
const PAST: &[&str] = &[
    "said", "told", "met", "held", "made", "took", "gave", "began", "saw", "came", "went", "was",
    "were", "had", "did", "won", "lost", "sent", "left", "hit", "shot", "fell", "rose", "led",
    "spoke", "wrote", "broke", "put", "struck", "flew", "paid", "sold", "bought", "brought",
    "fought", "became", "ago",
];

/// Past markers anywhere earlier in the sentence.
const PAST_MARKS: &[&str] = &[
    " said ",
    " told ",
    " announced ",
    " reported ",
    " was ",
    " were ",
    " had ",
    " added ",
    " stated ",
    " did ",
    " claimed ",
];

const FUTURE: &[&str] = &[
    " will ",
    "'ll ",
    "\u{2019}ll ",
    " shall ",
    " would ",
    " should ",
    " may ",
    " might ",
    " is to ",
    " are to ",
    " is due ",
    " are due ",
    " schedul",
    " is set to",
    " are set to",
    " is expected to",
    " are expected to",
    " expects ",
    " plans to",
    " plan to",
    " wants to",
    " want to",
    " aims to",
    " intends to",
    " hopes to",
    " planned for",
    " to be held",
    " going to",
    " upcoming",
    " next ",
    " tomorrow",
];

/// Cues after the mention (`the meeting on Friday will ...`).
const AFTER_CUES: &[&str] = &[
    " will ",
    " would ",
    " is to ",
    " are to ",
    " is due",
    " are due",
    " is expected",
    " are expected",
    " schedul",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn weekdays_follow_tense() {
        let sat = d(2021, 8, 28); // a Saturday
        let cases: &[(&str, bool, &str)] = &[
            ("Saturday", false, "2021-08-28"),
            ("Thursday", false, "2021-08-26"),
            ("Sunday", false, "2021-08-22"),
            ("Sunday", true, "2021-08-29"),
            ("Saturday", true, "2021-09-04"),
            ("last Saturday", false, "2021-08-21"),
            ("next Monday", false, "2021-08-30"),
        ];
        for (w, fut, want) in cases {
            assert_eq!(weekday(w, sat, *fut).unwrap().0, *want, "{w} future={fut}");
        }
    }

    #[test]
    fn relative_phrases() {
        let a = d(2004, 11, 24);
        let cases: &[(&str, &str)] = &[
            ("yesterday", "2004-11-23"),
            ("earlier today", "2004-11-24"),
            ("tomorrow", "2004-11-25"),
            ("last week", "2004-W47"),
            ("this week", "2004-W48"),
            ("next week", "2004-W49"),
            ("last month", "2004-10"),
            ("earlier this month", "2004-11"),
            ("next month", "2004-12"),
            ("last year", "2003"),
            ("the end of this year", "2004"),
            ("the beginning of the year", "2004"),
            ("the previous year", "2003"),
            ("two days ago", "2004-11-22"),
            ("a week ago", "2004-11-17"),
            ("three years ago", "2001"),
            ("last September", "2004-09"),
            ("last December", "2003-12"),
            ("next March", "2005-03"),
        ];
        for (p, want) in cases {
            assert_eq!(relative(p, a).unwrap().0, *want, "{p}");
        }
        assert_eq!(relative("last month", d(2021, 1, 10)).unwrap().0, "2020-12");
    }

    #[test]
    fn yearless_dates_take_the_year_the_tense_implies() {
        let md = |m, dd| PartialDate {
            year: None,
            month: Some(m),
            day: Some(dd),
        };
        let a = d(2021, 2, 3);
        assert_eq!(
            absolute(md(1, 15), Granularity::Day, Some(a), false)
                .unwrap()
                .0,
            "2021-01-15"
        );
        assert_eq!(
            absolute(md(12, 28), Granularity::Day, Some(a), false)
                .unwrap()
                .0,
            "2020-12-28"
        );
        assert_eq!(
            absolute(md(2, 8), Granularity::Day, Some(a), false)
                .unwrap()
                .0,
            "2021-02-08"
        );
        assert_eq!(
            absolute(md(6, 17), Granularity::Day, Some(a), true)
                .unwrap()
                .0,
            "2021-06-17"
        );
        assert_eq!(
            absolute(md(1, 15), Granularity::Day, Some(a), true)
                .unwrap()
                .0,
            "2022-01-15"
        );
        assert_eq!(
            absolute(md(2, 29), Granularity::Day, Some(d(2008, 7, 2)), false)
                .unwrap()
                .0,
            "2008-02-29"
        );
        assert_eq!(absolute(md(1, 15), Granularity::Day, None, false), None);
        let mon = |m| PartialDate {
            year: None,
            month: Some(m),
            day: None,
        };
        assert_eq!(
            absolute(mon(10), Granularity::Month, Some(d(2004, 11, 24)), false)
                .unwrap()
                .0,
            "2004-10"
        );
        assert_eq!(
            absolute(mon(12), Granularity::Month, Some(d(2010, 1, 25)), false)
                .unwrap()
                .0,
            "2009-12"
        );
        assert_eq!(
            absolute(mon(10), Granularity::Month, Some(d(2009, 6, 5)), true)
                .unwrap()
                .0,
            "2009-10"
        );
    }

    #[test]
    fn tense_of_the_clause() {
        assert!(!is_future("the agency reported on ", ""));
        assert!(is_future("The talks will resume on ", ""));
        assert!(!is_future("Tehran said ", " it will send a delegation"));
        assert!(is_future("The trial is set to begin on ", " in London"));
        assert!(!is_future("Officials met on ", ""));
    }

    /// `is_future` as it was first written (lowercased copies, a `Vec` of words, `contains`
    /// for each cue after the mention): the definition the faster one must agree with.
    fn plain_is_future(before: &str, after: &str) -> bool {
        let before = format!(" {}", before.to_ascii_lowercase());
        let words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take(4)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
            .filter(|w| {
                !matches!(
                    *w,
                    "on" | "by" | "from" | "since" | "in" | "until" | "" | "early" | "late"
                )
            })
            .collect();
        if let Some(w) = words.first() {
            let passive = words
                .get(1)
                .is_some_and(|p| matches!(*p, "be" | "been" | "being" | "to" | "will" | "would"));
            if !passive && ((w.len() > 3 && w.ends_with("ed")) || PAST.contains(w)) {
                return false;
            }
        }
        let (mut fut, mut past) = (None, None);
        for m in cue_automaton().find_overlapping_iter(before.as_str()) {
            if m.pattern().as_usize() < FUTURE.len() {
                fut = Some(m.start());
            } else {
                past = Some(m.start());
            }
        }
        match (fut, past) {
            (Some(f), Some(p)) => return f > p,
            (Some(_), None) => return true,
            (None, Some(_)) => return false,
            (None, None) => {}
        }
        let after = after.to_ascii_lowercase();
        let near = after.split([',', ';', ':']).next().unwrap_or("");
        let near = &near[..crate::text::floor_boundary(near, 40)];
        AFTER_CUES.iter().any(|c| near.contains(c))
    }

    #[test]
    fn tense_agrees_with_the_plain_definition() {
        // the search after the mention tries cues only where the text has a space
        assert!(AFTER_CUES.iter().all(|c| c.starts_with(' ')));
        let pieces = [
            " ",
            "  ",
            "\t",
            "\u{a0}",
            ",",
            ";",
            ":",
            ".",
            "\"",
            "on",
            "By",
            "SAID",
            "said",
            "will",
            "Will",
            "be",
            "been",
            "to",
            "would",
            "is",
            "due",
            "expected",
            "scheduled",
            "met",
            "Opened",
            "ed",
            "were",
            "next",
            "tomorrow",
            "plans",
            "\u{e9}t\u{e9}",
            "\u{2019}ll",
            "Stra\u{df}e",
            "early",
            "x",
            "the",
            "talks",
        ];
        let mut seed = crate::text::testgen::XorShift(0x9e37_79b9_7f4a_7c15);
        let text = |n: usize, seed: &mut crate::text::testgen::XorShift| {
            let mut t = String::new();
            for _ in 0..n {
                t.push_str(pieces[seed.below(pieces.len())]);
                if seed.below(3) > 0 {
                    t.push(' ');
                }
            }
            t
        };
        for round in 0..4000 {
            // windows past the stack buffer too
            let n = if round % 50 == 0 { 120 } else { seed.below(14) };
            let before = text(n, &mut seed);
            let after = text(seed.below(16), &mut seed);
            assert_eq!(
                is_future(&before, &after),
                plain_is_future(&before, &after),
                "{before:?} | {after:?}"
            );
        }
    }
}
