//! Numbers that count or measure something: value as a float and the counted thing.
//! Found: digits with separators and decimals, number words (`two`, `a dozen`, `tens of
//! thousands`), scales (`4 million`, `2.3bn`), percentages and money (`$1.5 billion`,
//! `30 rials`). Ignored: years and dates (the dates stage's spans), clock times, durations
//! (`seven days`), ordinals, and numbers inside names and codes (`News ID: 302104`,
//! `Resolution 2231`, `Boeing 737`, `737-800`).

use crate::article::Article;
use crate::dates::lower_in;
use crate::dates::DateMention;
use crate::text::Sentence;
use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Head noun of the counted thing, `%`, or a currency code.
    pub unit: Option<String>,
}

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Currency signs and words with their codes. `#` stands for `£` in some converted corpora
/// and is only taken with a scale word (`#13 billion`), never alone (hashtags, `#1`).
const CURRENCY_PREFIX: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("AU$", "AUD"),
    ("USD", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("\u{20ac}", "EUR"),
    ("EUR", "EUR"),
    ("\u{a3}", "GBP"),
    ("GBP", "GBP"),
    ("\u{a5}", "JPY"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("#", "GBP"),
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("euro", "EUR"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("rial", "IRR"),
    ("riyal", "SAR"),
    ("toman", "IRR"),
    ("rupee", "INR"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("afghani", "AFN"),
    ("dinar", "IQD"),
    ("dirham", "AED"),
    ("lira", "TRY"),
    ("franc", "CHF"),
    ("won", "KRW"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];

fn pattern() -> String {
    let small = SMALL[2..].join("|");
    let tens = TENS.join("|");
    let cap = |s: &str| -> String {
        s.split('|')
            .map(|w| {
                let mut c = w.chars();
                let f = c.next().map(|x| x.to_ascii_uppercase()).unwrap_or(' ');
                format!("[{f}{}]{}", f.to_ascii_lowercase(), c.as_str())
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let word_num = format!(
        "(?:(?:{tens})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|{small})",
        tens = cap(&tens),
        small = cap(&small)
    );
    let vague = "(?:[Tt]ens|[Hh]undreds|[Dd]ozens)\\s+of\\s+(?:thousands|millions)\
                 |[Aa]\\s+(?:dozen|hundred|thousand|million|billion)";
    let digits = "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?";
    let cur = "(?:(?:US|AU|A|C|HK)\\$\\s?|USD\\s?\\$?|EUR\\s?|GBP\\s?|Rs\\.?\\s?|[$\u{20ac}\u{a3}\u{a5}#])";
    let scale = "(?:\\s?(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)(?-u:\\b)|\\s?(?:bn|mn|tn)(?-u:\\b)|[mbk](?-u:\\b))";
    let one_scale = "[Oo]ne\\s(?:hundred|thousand|million|billion|trillion)(?-u:\\b)";
    let pct = "(?:\\s?%|\\s(?:percent|per\\s+cent|pct)(?-u:\\b))";
    // measures written glued or spaced (`500km`, `2 GHz`)
    let measure = "\\s?(?:km|kg|GB|MB|TB|GHz|MHz|mm|cm|mph|kph|kW|MW|GW|lbs?|ft|bpd)(?-u:\\b)";
    format!(
        "(?P<cur>{cur})?(?P<num>{digits}|(?-u:\\b)(?:{one_scale}|{vague}|{word_num})(?-u:\\b))(?P<scale>{scale})?(?:(?P<pct>{pct})|(?P<measure>{measure}))?"
    )
}

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&pattern()).expect("amount pattern compiles"))
}

fn word_value(w: &str) -> Option<f64> {
    let mut buf = [0u8; 32];
    // most are one word (`two`, `Twenty-five`): lowercased without an allocation
    let l = if w.contains(char::is_whitespace) {
        let l = w.to_ascii_lowercase();
        Cow::Owned(l.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        lower_in(w, &mut buf)
    };
    let l: &str = &l;
    let v = match l {
        "tens of thousands" => 10_000.0,
        "hundreds of thousands" => 100_000.0,
        "dozens of thousands" => 12_000.0,
        "tens of millions" => 10_000_000.0,
        "hundreds of millions" => 100_000_000.0,
        "dozens of millions" => 12_000_000.0,
        "a" | "an" => 1.0,
        "hundreds" => 100.0,
        "thousands" => 1000.0,
        "dozens" | "a dozen" => 12.0,
        "millions" => 1e6,
        "a hundred" | "one hundred" => 100.0,
        "a thousand" | "one thousand" => 1000.0,
        "a million" | "one million" => 1e6,
        "a billion" | "one billion" => 1e9,
        "one trillion" => 1e12,
        _ => {
            if let Some(i) = SMALL.iter().position(|x| *x == l) {
                return Some(i as f64);
            }
            let (t, u) = l.split_once('-').unwrap_or((l, ""));
            let t = TENS.iter().position(|x| *x == t)? as f64 * 10.0 + 20.0;
            let u = if u.is_empty() {
                0.0
            } else {
                SMALL[..10].iter().position(|x| *x == u)? as f64
            };
            t + u
        }
    };
    Some(v)
}

fn scale_value(s: &str) -> f64 {
    let mut buf = [0u8; 32];
    match &*lower_in(s.trim(), &mut buf) {
        "hundred" => 100.0,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => 1.0,
    }
}

/// Words that end the noun phrase after a number (the counted thing comes before them).
const STOP: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "who",
    "which",
    "that",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "as",
    "than",
    "per",
    "each",
    "into",
    "over",
    "under",
    "since",
    "after",
    "before",
    "during",
    "across",
    "said",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "be",
    "been",
    "more",
    "less",
    "so",
    "not",
    "also",
    "last",
    "next",
    "every",
    "earlier",
    "later",
    "ago",
    "today",
    "yesterday",
    "tomorrow",
    "when",
    "while",
    "if",
    "because",
    "up",
    "down",
    "off",
    "out",
    "about",
    "around",
    "against",
    "through",
    "between",
    "among",
    "within",
    "without",
];

/// Nouns that count people or things without a plural `-s`.
const COLLECTIVE: &[&str] = &[
    "people",
    "personnel",
    "staff",
    "police",
    "aircraft",
    "children",
    "men",
    "women",
    "troops",
    "crew",
    "cattle",
    "livestock",
    "sheep",
    "fish",
    "equipment",
    "ammunition",
    "militia",
    "infantry",
    "civilians",
    "persons",
];

fn is_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

/// Time units: a number before one is a duration or an age, not an amount.
const DURATION: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "yr",
    "yrs",
];

/// Words after a number that make it a clock time.
const CLOCK: &[&str] = &[
    "gmt", "utc", "am", "pm", "a.m.", "p.m.", "hrs", "o'clock", "local", "est", "edt", "bst", "cet",
];

/// Words before a number that make it a code or a rank, not a count.
const CODE_LEADS: &[&str] = &[
    "aged",
    "age",
    "ages",
    "no",
    "no.",
    "nos",
    "number",
    "id",
    "code",
    "page",
    "p.",
    "pp.",
    "article",
    "section",
    "chapter",
    "resolution",
    "flight",
    "route",
    "room",
    "model",
    "version",
    "category",
    "level",
    "phase",
    "grade",
    "item",
    "tel",
    "ext",
    "fax",
];

/// Capitalised words before a number that do not make it part of a name.
const FREE_LEADS: &[&str] = &[
    "About",
    "Around",
    "Some",
    "Nearly",
    "Almost",
    "Over",
    "Only",
    "Just",
    "At",
    "All",
    "More",
    "Less",
    "Fewer",
    "Roughly",
    "Approximately",
    "Up",
    "Another",
    "The",
    "Those",
    "These",
    "Of",
    "In",
    "And",
    "But",
    "By",
    "With",
    "Than",
    "To",
    "For",
    "Under",
    "Between",
    "Among",
    "Least",
    "Most",
    "Nearly",
    "Estimated",
    "An",
    "Additional",
];

/// Find the amounts of the content sentences (body, captions, title), outside date spans.
pub fn find(
    text: &str,
    article: &Article,
    _sentences: &[Sentence],
    dates: &[DateMention],
) -> Vec<Amount> {
    let re = regex();
    let mut out = Vec::new();
    for r in &article.regions {
        let Some(region) = r.text(text).filter(|_| r.kind.is_content()) else {
            continue;
        };
        for m in re.find_iter(region) {
            let (s, e) = (r.start + m.start(), r.start + m.end());
            // dates are sorted by start within a region; a linear scan per match would be
            // quadratic in a document with many dates, so binary-search the overlap
            if overlaps_date(dates, s, e) {
                continue;
            }
            if let Some(a) = amount(text, s, e) {
                out.push(a);
            }
        }
    }
    out
}

fn overlaps_date(dates: &[DateMention], s: usize, e: usize) -> bool {
    let k = dates.partition_point(|d| d.start < e);
    dates[..k].iter().rev().take(8).any(|d| d.end > s)
}

/// The parts of one match, read from its text (cheaper than capture groups).
struct Parts<'a> {
    cur: Option<&'a str>,
    /// The number as written and its byte offset in the match.
    num: &'a str,
    num_off: usize,
    scale: Option<&'a str>,
    pct: bool,
    measure: Option<&'a str>,
}

const SCALE_WORDS: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn",
];
const MEASURES: &[&str] = &[
    "km", "kg", "GB", "MB", "TB", "GHz", "MHz", "mm", "cm", "mph", "kph", "kW", "MW", "GW", "lbs",
    "lb", "ft", "bpd",
];

fn split_parts(m: &str) -> Option<Parts<'_>> {
    let mut cur = None;
    let mut rest = m;
    if !m.starts_with(|c: char| c.is_alphanumeric())
        || m.starts_with(['U', 'A', 'C', 'H', 'E', 'G', 'R'])
    {
        for (p, _) in CURRENCY_PREFIX {
            if let Some(r) = m.strip_prefix(p) {
                let r = r.trim_start();
                let r = if *p == "USD" {
                    r.strip_prefix('$').unwrap_or(r)
                } else {
                    r
                };
                if r.starts_with(|c: char| c.is_alphanumeric()) {
                    cur = Some(*p);
                    rest = r;
                    break;
                }
            }
        }
    }
    let num_off = m.len() - rest.len();
    let mut tail = rest;
    let mut pct = false;
    let mut measure = None;
    let mut scale = None;
    // a match that ends in a digit (most do) has no sign, scale or unit after its number:
    // every suffix looked for below ends in a letter or `%`
    if tail.ends_with(|c: char| c.is_ascii_digit()) {
        return Some(Parts {
            cur,
            num: tail,
            num_off,
            scale,
            pct,
            measure,
        });
    }
    if let Some(t) = tail.strip_suffix('%') {
        pct = true;
        tail = t.trim_end();
    } else if let Some(t) = ["percent", "pct"].iter().find_map(|w| tail.strip_suffix(w)) {
        pct = true;
        tail = t.trim_end();
        if let Some(t2) = tail.strip_suffix("per") {
            tail = t2.trim_end();
        }
    } else if let Some(t) = tail.strip_suffix("per cent") {
        pct = true;
        tail = t.trim_end();
    } else if let Some(u) = MEASURES.iter().find(|u| tail.ends_with(**u)) {
        let t = &tail[..tail.len() - u.len()];
        if t.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
            measure = Some(*u);
            tail = t.trim_end();
        }
    }
    let lower_end = |w: &str| {
        tail.len() > w.len()
            && tail.is_char_boundary(tail.len() - w.len())
            && tail[tail.len() - w.len()..].eq_ignore_ascii_case(w)
    };
    if let Some(w) = SCALE_WORDS.iter().find(|w| lower_end(w)) {
        let t = &tail[..tail.len() - w.len()];
        if t.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
            scale = Some(&tail[tail.len() - w.len()..]);
            tail = t.trim_end();
        }
    } else if tail.ends_with(['m', 'b', 'k'])
        && tail[..tail.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        scale = Some(&tail[tail.len() - 1..]);
        tail = &tail[..tail.len() - 1];
    }
    if tail.is_empty() {
        return None;
    }
    Some(Parts {
        cur,
        num: tail,
        num_off,
        scale,
        pct,
        measure,
    })
}

fn amount(text: &str, s: usize, e: usize) -> Option<Amount> {
    let parts = split_parts(&text[s..e])?;
    let num_s = s + parts.num_off;
    let num_str = parts.num;
    let cur = parts.cur;
    let scale = parts.scale;
    let pct = parts.pct;
    let measure = parts.measure;
    let is_digits = num_str.starts_with(|c: char| c.is_ascii_digit());
    let before = &text[..s];
    let after = &text[e..];

    // glued to letters, digits or code punctuation: `A380`, `737-800`, `3rd`, `1.2.3`, `5:30`
    let prev_c = before.chars().next_back();
    if prev_c.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_' | '@' | '&' | '+')
    }) && cur.is_none()
    {
        return None;
    }
    if prev_c.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let next_c = after.chars().next();
    if next_c.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    if after.starts_with(['-', '/', ':', '.', ','])
        && after[1..].starts_with(|c: char| c.is_ascii_digit() || (c.is_alphabetic() && !pct))
    {
        // `737-800`, `3/4`, `5:30`, `20-year`, `two-thirds`; a trailing comma or full stop is fine
        return None;
    }
    // `#` only with a scale word (`#13 billion`), a bare `#1` is a hashtag or a rank
    if cur == Some("#") && scale.is_none() {
        return None;
    }
    // `m`, `b`, `k` glued to a number only for money (`$5m`), else units such as metres
    if let Some(sc) = scale {
        if sc.len() == 1 && cur.is_none() {
            return None;
        }
    }

    let (next_word, next_end) = word_after(text, e);
    let mut nl_buf = [0u8; 32];
    let nl = lower_in(next_word, &mut nl_buf);
    if !pct && cur.is_none() && measure.is_none() {
        if listed(&nl, IN_DURATION | IN_CLOCK | IN_ORDINAL_TAIL) {
            return None;
        }
        // `Big Three`, `Five Hundred`: a capitalised number word inside a sentence is a name
        let (prev0, prev0_start) = word_before(text, num_s);
        let at_sentence_start = {
            let t = text[..num_s].trim_end_matches([' ', '\t', '\u{a0}']);
            t.is_empty()
                || t.ends_with([
                    '.', '!', '?', '\n', '\r', '"', '\u{201c}', ':', '|', '\u{2018}',
                ])
        };
        if !is_digits && num_str.starts_with(char::is_uppercase) && !at_sentence_start {
            return None;
        }
        // `the two sides`, `the 787`: a definite number refers back rather than counts,
        // unless it carries separators (`the 2,500 soldiers`)
        let mut pl_buf = [0u8; 32];
        let pl0 = lower_in(prev0, &mut pl_buf);
        if matches!(
            &*pl0,
            "the" | "both" | "these" | "those" | "its" | "their" | "his" | "her" | "our"
        ) && scale.is_none()
            && !num_str.contains(',')
            && (!is_digits || !next_word.starts_with(|c: char| c.is_lowercase()))
        {
            // digits stay when a lowercase word follows (`the 250 needed`), not before a
            // name (`the 787 Dreamliner`)
            return None;
        }
        // the first number of a range takes its unit from the second (`20 to 25 percent`,
        // `between 60 and 90 days`); it is not a count of its own
        if scale.is_none() && is_range_start(after, pl0 == "between") {
            return None;
        }
        // streaks: `six straight sessions`, `two consecutive quarters`
        if matches!(&*nl, "straight" | "consecutive" | "successive") {
            return None;
        }
        // `one` alone is a pronoun far more often than a count (`one of the`, `no one`)
        if num_str.eq_ignore_ascii_case("one") && scale.is_none() {
            return None;
        }
        let (prev, prev_start, pl) = (prev0, prev0_start, pl0);
        // the end of a range inherits the start's lead (`aged 19 and 23`, `Articles 5 to 7`)
        let range_lead = || {
            let (n, n_start) = word_before(text, prev_start);
            if !n.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
            let (lead, _) = word_before(text, n_start);
            let mut buf = [0u8; 32];
            listed(
                lower_in(lead, &mut buf).trim_end_matches('s'),
                IN_CODE_LEADS,
            )
        };
        if listed(&pl, IN_CODE_LEADS)
            || before.trim_end().ends_with([':', '#']) && is_digits && scale.is_none()
            || (matches!(&*pl, "and" | "or" | "to") && range_lead())
        {
            return None;
        }
        // a number after a capitalised word inside a sentence is part of a name (`Boeing 737`,
        // `Resolution 2231`, `iPhone 4`), unless that word is a function word
        let sentence_start = text[..prev_start].trim_end().is_empty()
            || text[..prev_start]
                .trim_end()
                .ends_with(['.', '!', '?', '\n', '"', '\u{201c}', ':', '|']);
        if is_digits
            && scale.is_none()
            && !prev.is_empty()
            && prev.chars().any(char::is_uppercase)
            && !sentence_start_free(prev, sentence_start)
            && !prev.ends_with("'s")
            && !prev.ends_with("\u{2019}s")
        {
            return None;
        }
        // long digit runs without separators are ids and codes (`302104`), not counts
        let int_digits = num_str.split('.').next().unwrap_or("");
        if is_digits && !num_str.contains(',') && int_digits.len() >= 5 && scale.is_none() {
            return None;
        }
        // years are the dates stage's; a four-digit number it left is a count (`2000 people`),
        // unless a preposition of time leads it (`in 1848`, older than the dates it reads)
        if is_digits && int_digits.len() == 4 && !num_str.contains(',') && scale.is_none() {
            let y: u32 = int_digits.parse().ok()?;
            if (1500..=2099).contains(&y)
                && matches!(
                    &*pl,
                    "in" | "since" | "from" | "until" | "by" | "during" | "before" | "after"
                )
                && !next_word.starts_with(|c: char| c.is_lowercase())
            {
                return None;
            }
        }
        // ordinals spelled out are not in the pattern; `1st`/`3rd` fail the glued test above
    }

    let mut end = e;
    let unit = if pct {
        Some("%".to_string())
    } else if let Some(m) = measure {
        Some(m.to_string())
    } else if let Some(c) = cur {
        // `$40 billion`, `US$7.2 bn`; a currency word after (`$23 billion dollar`) joins the span
        if let Some((_, code)) = currency_word(&nl) {
            end = next_end;
            let _ = code;
        }
        CURRENCY_PREFIX
            .iter()
            .find(|(p, _)| c.starts_with(p))
            .map(|(_, code)| code.to_string())
    } else if let Some((_, code)) = currency_word(&nl) {
        end = next_end;
        Some(code.to_string())
    } else {
        // `tens of thousands of refugees`: the counted thing follows `of`
        let from = if !is_digits && &*nl == "of" {
            next_end
        } else {
            e
        };
        let (head, head_end) = head_noun(text, from);
        if let Some(he) = head_end {
            end = he;
        } else if !is_digits_and_money(cur, scale)
            && before.trim_end().ends_with(',')
            && after.starts_with([',', ')'])
        {
            // `Gutierrez, 28, of Texas`: an age in apposition
            return None;
        }
        // `both soldiers, among more than 1,800 to have died there`: the counted
        // thing named earlier in the sentence
        head.or_else(|| earlier_head(text, s))
    };
    // the value last: most matches are turned down above, and the order of the tests that
    // turn one down does not matter
    let mut value = if is_digits {
        // most numbers carry no separator: parse them without a copy
        if num_str.contains(',') {
            num_str.replace(',', "").parse::<f64>().ok()?
        } else if let Some(v) = small_integer(num_str) {
            v
        } else {
            num_str.parse::<f64>().ok()?
        }
    } else {
        word_value(num_str)?
    };
    if let Some(sc) = scale {
        value *= scale_value(sc);
    }
    Some(Amount {
        start: s,
        end,
        value,
        unit,
    })
}

/// A run of at most 15 ASCII digits as a float: exact (below 2^53), so the same value as
/// `parse::<f64>` gives, in a few instructions a digit instead of ~150 a number.
fn small_integer(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut v = 0u64;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u64::from(b - b'0');
    }
    Some(v as f64)
}

const IN_STOP: u8 = 1;
const IN_COLLECTIVE: u8 = 2;
const IN_DURATION: u8 = 4;
const IN_CLOCK: u8 = 8;
const IN_CODE_LEADS: u8 = 16;
const IN_FREE_LEADS: u8 = 32;
const IN_ORDINAL_TAIL: u8 = 64;

/// The word lists, each with its bit: what `listed` reads.
const LISTS: [(&[&str], u8); 7] = [
    (STOP, IN_STOP),
    (COLLECTIVE, IN_COLLECTIVE),
    (DURATION, IN_DURATION),
    (CLOCK, IN_CLOCK),
    (CODE_LEADS, IN_CODE_LEADS),
    (FREE_LEADS, IN_FREE_LEADS),
    (ORDINAL_TAIL, IN_ORDINAL_TAIL),
];

/// Slots of the word table (a power of two, over twice the ~190 words).
const SLOTS: usize = 512;

/// A word's first slot: its length and three of its bytes, mixed by one multiplication
/// (`w` is not empty).
fn slot_of(w: &[u8]) -> usize {
    let n = w.len();
    let key =
        n as u32 | u32::from(w[0]) << 8 | u32::from(w[n / 2]) << 16 | u32::from(w[n - 1]) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 23) as usize % SLOTS
}

/// Whether `w` is in one of the word lists `lists` names (bits `IN_*`): one look-up in an
/// open-addressing table of every listed word, in place of linear scans of lists of up to 85
/// words per number and per word after it (and of a `HashMap`, ~120 instructions a look-up).
fn listed(w: &str, lists: u8) -> bool {
    static TABLE: OnceLock<Vec<(&'static str, u8)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Vec<(&'static str, u8)> = vec![("", 0); SLOTS];
        for (list, bit) in LISTS {
            for &w in list {
                let mut i = slot_of(w.as_bytes());
                while !t[i].0.is_empty() && t[i].0 != w {
                    i = (i + 1) % SLOTS;
                }
                t[i].0 = w;
                t[i].1 |= bit;
            }
        }
        t
    });
    // every listed word is short: longer ones need no look-up
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    let mut i = slot_of(w.as_bytes());
    loop {
        let (k, bits) = table[i];
        if k.is_empty() {
            return false;
        }
        if crate::text::hash::same_bytes(k.as_bytes(), w.as_bytes()) {
            return bits & lists != 0;
        }
        i = (i + 1) % SLOTS;
    }
}

/// Ordinal suffixes written apart from the number in tokenised text (`15,599 th`).
const ORDINAL_TAIL: &[&str] = &["th", "st", "nd", "rd"];

fn is_digits_and_money(cur: Option<&str>, scale: Option<&str>) -> bool {
    cur.is_some() || scale.is_some()
}

/// Whether the text after a number continues a range: `to`/`and`/`-` and another number.
fn is_range_start(after: &str, between: bool) -> bool {
    let a = after.trim_start_matches([' ', '\u{a0}']);
    // `and` makes a range only after `between` (`killed 102 and 21 people` is a list)
    let joins: &[&str] = if between {
        &["to ", "and ", "-", "\u{2013}"]
    } else {
        &["to ", "-", "\u{2013}"]
    };
    let rest = joins.iter().find_map(|p| a.strip_prefix(p));
    let Some(rest) = rest else { return false };
    let rest = rest.trim_start_matches([' ', '$', '\u{20ac}', '\u{a3}']);
    rest.starts_with(|c: char| c.is_ascii_digit())
        || SMALL[2..].iter().chain(TENS.iter()).any(|w| {
            rest.get(..w.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(w))
        })
}

fn sentence_start_free(prev: &str, sentence_start: bool) -> bool {
    listed(prev, IN_FREE_LEADS)
        || (sentence_start && prev.len() <= 3)
        || crate::dates::parse::month_number(prev).is_some()
}

fn currency_word(w: &str) -> Option<(&'static str, &'static str)> {
    let w = w.trim_end_matches('s');
    CURRENCY_WORDS.iter().find(|(name, _)| *name == w).copied()
}

/// Whether `c` continues a word for `word_after` and `word_before`.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '.' || c == '-'
}

/// Each byte's class for the word scans: `WORD` an ASCII word character (`word_char`'s, on
/// the byte: one load in place of four comparisons), `NON_ASCII` a byte of a longer char
/// (decoded and tested with `word_char`), 0 any other byte.
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() || c == b'\'' || c == b'.' || c == b'-' {
            WORD
        } else {
            0
        };
        i += 1;
    }
    t
};
const WORD: u8 = 1;
const NON_ASCII: u8 = 2;

/// The byte length of the run of word characters (`word_char`) that starts `s`.
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut k = 0;
    while let Some(&c) = b.get(k) {
        match WORD_BYTE[usize::from(c)] {
            WORD => k += 1,
            NON_ASCII => match s[k..].chars().next() {
                Some(ch) if word_char(ch) => k += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    k
}

/// The word right after byte `i` (letters, digits, `.`, `'`, `-`) and its end.
fn word_after(text: &str, i: usize) -> (&str, usize) {
    let rest = &text[i..];
    // no word after more than one byte of space (two spaces, or one no-break space)
    let space = |b: &[u8]| matches!(b, [b' ' | b'\t', ..] | [0xc2, 0xa0, ..]);
    let rb = rest.as_bytes();
    let lead = if !space(rb) {
        0
    } else if rb[0] != 0xc2 && !space(&rb[1..]) {
        1
    } else {
        return ("", i);
    };
    let w = &rest[lead..];
    let raw = &w.as_bytes()[..word_len(w)];
    // keep the full stop of an abbreviation (`U.S.`), drop a sentence's (trimmed on bytes:
    // every mark trimmed is ASCII, so the cut stays on a char boundary)
    let trim = |marks: &[u8]| {
        let mut n = raw.len();
        while n > 0 && marks.contains(&raw[n - 1]) {
            n -= 1;
        }
        n
    };
    // a loop: words are short, and `contains` calls `memchr` (~35 instructions a word)
    #[allow(clippy::manual_contains)]
    let inner_dot = raw[..trim(b".")].iter().any(|&b| b == b'.');
    let n = if inner_dot { trim(b"'-") } else { trim(b".'-") };
    (&w[..n], i + lead + n)
}

/// The word right before byte `i` and where it starts.
fn word_before(text: &str, i: usize) -> (&str, usize) {
    let before = text[..i].trim_end_matches([' ', '\u{a0}', '\t', '(']);
    let b = before.as_bytes();
    let mut start = before.len();
    while start > 0 {
        match WORD_BYTE[usize::from(b[start - 1])] {
            WORD => start -= 1,
            NON_ASCII => match before[..start].chars().next_back() {
                Some(ch) if word_char(ch) => start -= ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    (&before[start..], start)
}

/// The nearest plural or collective noun before byte `i` in the same sentence, within a few
/// words (the unit of a number whose counted thing is not after it).
fn earlier_head(text: &str, i: usize) -> Option<String> {
    let from = crate::text::floor_boundary(text, i.saturating_sub(100));
    let window = &text[from..i];
    let window = window
        .rsplit(['.', '!', '?', '\n', ';'])
        .next()
        .unwrap_or(window);
    window
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .find(|w| {
            w.starts_with(|c: char| c.is_lowercase()) && (is_plural(w) || listed(w, IN_COLLECTIVE))
        })
        .map(str::to_string)
}

/// The head noun of the counted thing after a number: the last word of the run of up to four
/// words before a stop word or punctuation (`9,500 U.S. personnel near` -> `personnel`).
fn head_noun(text: &str, mut i: usize) -> (Option<String>, Option<usize>) {
    // the best word so far as written: lowercased only when it is the answer
    let mut best: Option<(&str, usize)> = None;
    for _ in 0..4 {
        let (w, end) = word_after(text, i);
        if w.is_empty() || w.chars().all(|c| c.is_ascii_digit() || c == '.') {
            break;
        }
        let mut buf = [0u8; 32];
        let l = lower_in(w, &mut buf);
        if listed(&l, IN_STOP | IN_DURATION) {
            break;
        }
        let lower_start = w.starts_with(|c: char| c.is_lowercase());
        if lower_start && w.chars().all(|c| c.is_alphabetic() || c == '-') {
            // a plural or a collective noun is the head; a verb after a head ends the phrase
            if is_plural(&l) || listed(&l, IN_COLLECTIVE) {
                return (Some(l.into_owned()), Some(end));
            }
            if best.is_some() && (l.ends_with("ed") || l.ends_with('s')) {
                break;
            }
            // `marched`, `killed`: a verb, or a participle before the noun (`wounded soldiers`)
            if !l.ends_with("ed") {
                best = Some((w, end));
            }
        } else if best.is_some() {
            break;
        }
        i = end;
        // a word followed by punctuation ends the phrase
        if !text[end..].starts_with([' ', '\u{a0}']) {
            break;
        }
    }
    match best {
        Some((w, e)) => (Some(w.to_ascii_lowercase()), Some(e)),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_byte_classes_agree_with_word_char() {
        for c in 0..=255u8 {
            let want = if c >= 0x80 {
                NON_ASCII
            } else if word_char(char::from(c)) {
                WORD
            } else {
                0
            };
            assert_eq!(WORD_BYTE[usize::from(c)], want, "byte {c}");
        }
    }

    #[test]
    fn word_table_agrees_with_the_lists() {
        let plain = |w: &str, lists: u8| {
            LISTS
                .iter()
                .any(|(list, bit)| bit & lists != 0 && list.contains(&w))
        };
        let mut words: Vec<String> = vec!["".into(), "x".into(), "\u{e9}t\u{e9}".into()];
        for (list, _) in LISTS {
            for w in list {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                words.push(format!("{w}s"));
                words.push(w[..w.len() - 1].to_string());
            }
        }
        let mut seed = crate::text::testgen::XorShift(0x51_7cc1_b727_220a);
        for _ in 0..3000 {
            let n = seed.below(20);
            words.push(
                (0..n)
                    .map(|_| char::from(b'a' + seed.below(26) as u8))
                    .collect(),
            );
        }
        for w in &words {
            for lists in [1u8, 2, 4, 8, 16, 32, 64, 127, 5, 0] {
                assert_eq!(listed(w, lists), plain(w, lists), "{w:?} {lists}");
            }
        }
    }

    #[test]
    fn word_after_agrees_with_the_char_trims() {
        fn plain(text: &str, i: usize) -> (&str, usize) {
            let rest = &text[i..];
            let space = |b: &[u8]| matches!(b, [b' ' | b'\t', ..] | [0xc2, 0xa0, ..]);
            let rb = rest.as_bytes();
            let lead = if !space(rb) {
                0
            } else if rb[0] != 0xc2 && !space(&rb[1..]) {
                1
            } else {
                return ("", i);
            };
            let w = &rest[lead..];
            let raw = &w[..word_len(w)];
            let inner_dot = raw.trim_end_matches('.').bytes().any(|b| b == b'.');
            let word = if inner_dot {
                raw.trim_end_matches(['\'', '-'])
            } else {
                raw.trim_end_matches(['.', '\'', '-'])
            };
            (word, i + lead + word.len())
        }
        let pieces = [
            " ", "  ", "\u{a0}", "\t", ".", "'", "-", "\u{2019}", "U", "s", "9", "\u{e9}", ",",
        ];
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..5000 {
            let t: String = (0..seed.below(10))
                .map(|_| pieces[seed.below(pieces.len())])
                .collect();
            for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                assert_eq!(word_after(&t, i), plain(&t, i), "{t:?} at {i}");
            }
        }
    }

    #[test]
    fn small_integers_parse_as_floats_do() {
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        let mut cases: Vec<String> = ["", "0", "007", "999999999999999", "1000000000000000", "12a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for _ in 0..3000 {
            let n = 1 + seed.below(16);
            cases.push(
                (0..n)
                    .map(|_| char::from(b'0' + seed.below(10) as u8))
                    .collect(),
            );
        }
        for c in &cases {
            if let Some(v) = small_integer(c) {
                assert_eq!(Some(v), c.parse::<f64>().ok(), "{c:?}");
            } else {
                assert!(c.len() > 15 || !c.bytes().all(|b| b.is_ascii_digit()) || c.is_empty());
            }
        }
    }
    use crate::article::{Region, RegionKind};

    fn run(text: &str) -> Vec<(String, f64, Option<String>)> {
        let article = Article::body_only(text);
        let dates = crate::dates::find(text, &article, &[], None);
        find(text, &article, &[], &dates)
            .into_iter()
            .map(|a| (text[a.start..a.end].to_string(), a.value, a.unit))
            .collect()
    }

    fn one(text: &str) -> Option<(String, f64, Option<String>)> {
        let v = run(text);
        assert!(v.len() <= 1, "{text}: {v:?}");
        v.into_iter().next()
    }

    #[test]
    fn counts_money_and_percentages() {
        let cases: &[(&str, &str, f64, Option<&str>)] = &[
            (
                "The camp houses 9,500 U.S. personnel near the coast.",
                "9,500 U.S. personnel",
                9500.0,
                Some("personnel"),
            ),
            (
                "About 4 million people fled.",
                "4 million people",
                4e6,
                Some("people"),
            ),
            (
                "The deal is worth $1.5 billion.",
                "$1.5 billion",
                1.5e9,
                Some("USD"),
            ),
            ("It lost 2.3bn last quarter.", "2.3bn", 2.3e9, None),
            ("Turnout was 30 percent.", "30 percent", 30.0, Some("%")),
            ("Turnout fell 30%.", "30%", 30.0, Some("%")),
            (
                "He paid 500,000 rials for it.",
                "500,000 rials",
                500000.0,
                Some("IRR"),
            ),
            (
                "Two soldiers were wounded.",
                "Two soldiers",
                2.0,
                Some("soldiers"),
            ),
            (
                "Tens of thousands marched.",
                "Tens of thousands",
                10000.0,
                None,
            ),
            (
                "A dozen boats sailed.",
                "A dozen boats",
                12.0,
                Some("boats"),
            ),
            (
                "They seized 2.5 tonnes of drugs.",
                "2.5 tonnes",
                2.5,
                Some("tonnes"),
            ),
            (
                "It cost \u{20ac}20 million.",
                "\u{20ac}20 million",
                2e7,
                Some("EUR"),
            ),
            (
                "Twenty-five vessels docked.",
                "Twenty-five vessels",
                25.0,
                Some("vessels"),
            ),
            ("He said 2,400 had died.", "2,400", 2400.0, None),
            (
                "Both soldiers, among more than 1,800 to have died there, were named.",
                "1,800",
                1800.0,
                Some("soldiers"),
            ),
            (
                "Police arrested 2000 people.",
                "2000 people",
                2000.0,
                Some("people"),
            ),
            (
                "One million people voted.",
                "One million people",
                1e6,
                Some("people"),
            ),
            (
                "Nearly a thousand troops left.",
                "a thousand troops",
                1000.0,
                Some("troops"),
            ),
            ("The drive holds 500GB.", "500GB", 500.0, Some("GB")),
            ("Sales rose 4.5 per cent.", "4.5 per cent", 4.5, Some("%")),
            ("It raised US$ 7.2 bn.", "US$ 7.2 bn", 7.2e9, Some("USD")),
            ("It paid $5m.", "$5m", 5e6, Some("USD")),
        ];
        for (text, span, v, unit) in cases {
            let got = one(text).unwrap_or_else(|| panic!("nothing in {text}"));
            assert_eq!(
                (got.0.as_str(), got.1, got.2.as_deref()),
                (*span, *v, *unit),
                "{text}"
            );
        }
    }

    #[test]
    fn skips_years_times_durations_names_and_codes() {
        let none = [
            "News ID: 302104",
            "The council passed Resolution 2231 unanimously.",
            "The Boeing 737 landed safely.",
            "It ordered the 737-800 model.",
            "The meeting began at 0535 GMT on Monday.",
            "It will last seven days.",
            "He served 18 years in prison.",
            "She came 3rd in the race.",
            "It happened in 1979.",
            "The city was founded in 1848.",
            "They met on January 3, 2020.",
            "One of the men was arrested.",
            "The suspects, aged 19 and 23, were held.",
            "The talks start at 10:30.",
        ];
        for t in none {
            assert_eq!(run(t), vec![], "{t}");
        }
    }

    /// `word_after` and `word_before`, which read ASCII on bytes, against their definitions
    /// on chars, over random text with multi-byte characters.
    #[test]
    fn word_readers_agree_with_their_definitions() {
        fn plain_after(text: &str, i: usize) -> (&str, usize) {
            let rest = &text[i..];
            let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
            if lead > 1 {
                return ("", i);
            }
            let w = &rest[lead..];
            let n = w
                .char_indices()
                .find(|&(_, c)| !word_char(c))
                .map_or(w.len(), |(k, _)| k);
            let raw = &w[..n];
            let word = if raw.trim_end_matches('.').contains('.') {
                raw.trim_end_matches(['\'', '-'])
            } else {
                raw.trim_end_matches(['.', '\'', '-'])
            };
            (word, i + lead + word.len())
        }
        fn plain_before(text: &str, i: usize) -> (&str, usize) {
            let before = text[..i].trim_end_matches([' ', '\u{a0}', '\t', '(']);
            let start = before
                .char_indices()
                .rev()
                .find(|&(_, c)| !word_char(c))
                .map_or(0, |(k, c)| k + c.len_utf8());
            (&before[start..], start)
        }
        let alphabet = [
            " ", "  ", "\t", "\u{a0}", "(", "a", "Z", "7", ".", "'", "\u{2019}", "-", ",",
            "\u{e9}", "\u{4e2d}", "_",
        ];
        let mut seed = crate::text::testgen::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..seed.0 % 10 {
                t.push_str(alphabet[seed.below(alphabet.len())]);
            }
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(word_after(&t, i), plain_after(&t, i), "{t:?} {i}");
                assert_eq!(word_before(&t, i), plain_before(&t, i), "{t:?} {i}");
            }
        }
    }

    /// Random mixes of the pieces the patterns look for, with multi-byte characters between
    /// them: nothing panics and every span lies on char boundaries.
    #[test]
    fn never_panics_on_pieces_of_dates_and_numbers() {
        const PIECES: &[&str] = &[
            "2021",
            "-",
            "03",
            "May",
            " ",
            "$",
            "\u{a3}",
            "#",
            "1,400",
            ".5",
            "bn",
            "m",
            "%",
            "per cent",
            "\u{2019}82",
            "\u{201c}",
            "\u{e9}",
            "\u{4e2d}",
            "Monday",
            "last",
            "week",
            "ago",
            "two",
            "Tens of thousands",
            ",",
            ":",
            "aged",
            "and",
            "to",
            "the",
            "1990s",
            "mid-",
            "GMT",
            "\n",
            "US$",
            "\u{a0}",
            "3rd",
            "of",
            "January",
            "between",
            "A380",
            "\u{1f600}",
        ];
        let mut seed = crate::text::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..seed.0 % 12 + 1 {
                t.push_str(PIECES[seed.below(PIECES.len())]);
            }
            let article = Article {
                regions: vec![Region {
                    start: 0,
                    end: t.len(),
                    kind: RegionKind::Body,
                }],
                ..Article::default()
            };
            let sents = crate::text::segment(&t, &article.regions);
            let anchor = crate::dates::calendar::Date::new(2021, 2, 3);
            let dates = crate::dates::find(&t, &article, &sents, anchor);
            for d in &dates {
                assert!(
                    t.is_char_boundary(d.start) && t.is_char_boundary(d.end) && d.start < d.end,
                    "{t:?}"
                );
            }
            for a in find(&t, &article, &sents, &dates) {
                assert!(
                    t.is_char_boundary(a.start) && t.is_char_boundary(a.end) && a.start < a.end,
                    "{t:?}"
                );
                assert!(a.value.is_finite());
            }
        }
    }
}
