//! Well-known people (heads of state and government, foreign and defence ministers, heads
//! of international bodies, leaders of armed groups) with the country or body they serve,
//! so that a person an article names without their country ("President Donald Trump said")
//! still gets an actor code. Looked up by a person's full document-level name after
//! coreference, never matched in the text: the list does not change which entities are
//! found, and a bare surname ("Johnson", "Khan") is never looked up.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{cell, read_tsv, LexiconError};
use crate::text::hash::FnvBuild;

const HEADER: &[&str] = &["name", "code", "agent", "aliases"];
const SOURCE: &str = "people.tsv";
const DATA: &str = include_str!("data/people.tsv");

/// Honorifics and titles a name may still carry in front ("President Donald Trump").
const LEADING_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "general",
    "gen",
    "king",
    "queen",
    "prince",
    "crown",
    "princess",
    "emir",
    "amir",
    "sultan",
    "sheikh",
    "sheik",
    "shaikh",
    "ayatollah",
    "grand",
    "supreme",
    "leader",
    "field",
    "marshal",
    "former",
    "late",
    "acting",
    "interim",
    "chairman",
    "chief",
    "the",
    "sayyed",
    "sayyid",
    "seyed",
    "mullah",
    "mawlawi",
    "hojatoleslam",
    "lt",
    "col",
    "colonel",
    "maj",
    "brig",
    "admiral",
    "adm",
    "senator",
    "sen",
    "ambassador",
    "envoy",
];

/// One person: the code and agent of the country or body they serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub name: String,
    pub code: String,
    pub agent: Option<String>,
}

/// The people list, by normalised name and alias.
pub struct People {
    rows: Vec<PersonRow>,
    by_key: HashMap<String, usize, FnvBuild>,
    /// The last word of every key: a name whose last word is none of them is not looked up.
    last_words: HashSet<String, FnvBuild>,
}

/// Fold the accents of the Latin letters names are written with ("Erdoğan" -> "erdogan").
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ķ' => 'k',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ł' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' | 'ʼ' | '`' => '\'',
        _ => c,
    }
}

/// The words of a name, lowercased, accents folded, with hyphens, dots and commas as
/// spaces ("Kim Jong-un" = "Kim Jong Un") and no Arabic article after the first word
/// ("Bashar al-Assad" = "Bashar Assad").
fn words(name: &str) -> Vec<String> {
    let folded = if name.is_ascii() {
        fold_ascii(name)
    } else {
        fold_chars(name)
    };
    folded
        .split_whitespace()
        .enumerate()
        // "Al" first is a given name ("Al Gore")
        .filter(|(i, w)| *i == 0 || !matches!(*w, "al" | "el"))
        .map(|(_, w)| w.to_string())
        .collect()
}

/// `fold_chars` of an ASCII name (most names): a byte each, no accents to drop.
fn fold_ascii(name: &str) -> String {
    name.bytes()
        .map(|b| match b.to_ascii_lowercase() {
            b'-' | b'.' | b',' => ' ',
            b'`' => '\'',
            c => char::from(c),
        })
        .collect()
}

/// A name lowercased, accents folded, hyphens, dots and commas as spaces (for `words`).
fn fold_chars(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        // a combining accent ("İ" lowercases to "i" and a combining dot)
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        for l in c
            .to_lowercase()
            .filter(|l| !('\u{300}'..='\u{36f}').contains(l))
        {
            folded.push(match fold(l) {
                '-' | '‐' | '‑' | '–' | '.' | ',' => ' ',
                x => x,
            });
        }
    }
    folded
}

/// The lookup key of a name: its words joined by one space, if it has two or more (a lone
/// word is a surname or a given name, too ambiguous to code).
fn key_of(words: &[String]) -> Option<String> {
    (words.len() >= 2).then(|| words.join(" "))
}

/// `key_of(&words(name))`, written straight into the key for an ASCII name (no folded copy,
/// no String per word): the list is parsed once per process, a key for every name and
/// alias, and the per-word Strings were most of that cost.
fn key_of_name(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return key_of(&words(name));
    }
    // `fold_ascii` makes these blanks, and `split_whitespace` splits there
    let blank = |b: &u8| b.is_ascii_whitespace() || matches!(b, b'\x0b' | b'-' | b'.' | b',');
    // bytes, made a String at the end (an ASCII name gives ASCII bytes)
    let mut key: Vec<u8> = Vec::with_capacity(name.len());
    let mut n = 0;
    for w in name.as_bytes().split(blank).filter(|w| !w.is_empty()) {
        // an Arabic article after the first word is dropped, as `words` drops it
        if n > 0 && (w.eq_ignore_ascii_case(b"al") || w.eq_ignore_ascii_case(b"el")) {
            continue;
        }
        if n > 0 {
            key.push(b' ');
        }
        let from = key.len();
        key.extend_from_slice(w);
        for b in &mut key[from..] {
            *b = if *b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
        }
        n += 1;
    }
    let key = String::from_utf8(key).ok()?;
    (n >= 2).then_some(key)
}

impl People {
    /// Parse the people rows of a TSV text (the embedded file, or a test's).
    pub fn parse(source: &str, text: &str) -> Result<People, LexiconError> {
        let mut rows = Vec::new();
        let mut by_key: HashMap<String, usize, FnvBuild> = HashMap::default();
        let mut last_words: HashSet<String, FnvBuild> = HashSet::default();
        for (line, c) in read_tsv(source, text, HEADER)? {
            let err = |message: String| LexiconError {
                source: source.to_string(),
                line,
                message,
            };
            let code = c[1];
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(err(format!("code {code:?} is not three capital letters")));
            }
            let i = rows.len();
            rows.push(PersonRow {
                name: c[0].to_string(),
                code: code.to_string(),
                agent: cell(c[2]),
            });
            let forms = std::iter::once(c[0]).chain(c[3].split('|').map(str::trim));
            for form in forms.filter(|f| !f.is_empty()) {
                let Some(key) = key_of_name(form) else {
                    return Err(err(format!("{form:?}: a name needs two words or more")));
                };
                // two people written the same way: neither is certain, so neither is coded
                if let Some(&j) = by_key.get(&key) {
                    if j != i && rows[j].code != rows[i].code {
                        return Err(err(format!("{form:?} also names {}", rows[j].name)));
                    }
                }
                // (a String per distinct last word only: many forms share one)
                let last = key.rsplit(' ').next().unwrap_or("");
                if !last_words.contains(last) {
                    last_words.insert(last.to_string());
                }
                by_key.insert(key, i);
            }
        }
        Ok(People {
            rows,
            by_key,
            last_words,
        })
    }

    /// True when no key ends with the last word of `name` (every key `get` tries does), told
    /// without `words`' allocations for the usual ASCII name; false when unsure.
    fn surely_unknown(&self, name: &str) -> bool {
        if !name.is_ascii() {
            return false;
        }
        // `words` splits at whitespace, hyphens, dots and commas
        let sep = |b: &u8| b.is_ascii_whitespace() || matches!(b, b'\x0b' | b'-' | b'.' | b',');
        let b = name.as_bytes();
        let end = b.iter().rposition(|c| !sep(c)).map_or(0, |i| i + 1);
        let start = b[..end].iter().rposition(sep).map_or(0, |i| i + 1);
        let last = &b[start..end];
        // `words` drops a later "al"/"el" and folds '`'; such names take the full look-up
        if last.is_empty() || last.len() > 32 || last.contains(&b'`') {
            return false;
        }
        let mut buf = [0u8; 32];
        for (d, c) in buf.iter_mut().zip(last) {
            *d = c.to_ascii_lowercase();
        }
        let Ok(l) = std::str::from_utf8(&buf[..last.len()]) else {
            return false;
        };
        !matches!(l, "al" | "el") && !self.last_words.contains(l)
    }

    /// The built-in list, parsed on first use and shared by all threads.
    pub fn builtin() -> &'static People {
        static PEOPLE: OnceLock<People> = OnceLock::new();
        PEOPLE.get_or_init(|| People::parse(SOURCE, DATA).expect("people.tsv is valid"))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The person a full name names: as written, else without the titles in front of it
    /// ("President Emmanuel Macron"); with the person's title in front when the name alone
    /// is one word ("King" + "Salman" -> the row of "King Salman").
    pub fn get(&self, name: &str, title: Option<&str>) -> Option<&PersonRow> {
        if self.surely_unknown(name) {
            return None;
        }
        self.lookup(name, title)
    }

    /// `get` without the filter.
    fn lookup(&self, name: &str, title: Option<&str>) -> Option<&PersonRow> {
        let w = words(name);
        let find = |w: &[String]| key_of(w).and_then(|k| self.by_key.get(&k).copied());
        let skip = w
            .iter()
            .take_while(|x| LEADING_TITLES.contains(&x.as_str()))
            .count();
        let hit = find(&w).or_else(|| find(&w[skip..])).or_else(|| {
            // "King" + "Salman": only a one-word name, so a full name never takes a title's
            // reading over its own
            let t = title?;
            if w.len() != 1 {
                return None;
            }
            let mut tw = words(t);
            tw.extend(w.iter().cloned());
            find(&tw)
        });
        hit.map(|i| &self.rows[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses() {
        let p = People::builtin();
        assert!(p.len() > 300, "{} people", p.len());
    }

    #[test]
    fn lookups() {
        let p = People::builtin();
        let code = |n: &str, t: Option<&str>| p.get(n, t).map(|r| r.code.as_str());
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Emmanuel Macron", None, Some("FRA")),
            ("emmanuel macron", None, Some("FRA")),
            ("President Emmanuel Macron", None, Some("FRA")),
            ("Recep Tayyip Erdoğan", None, Some("TUR")),
            ("Recep Tayyip Erdogan", None, Some("TUR")),
            ("Mohammed bin Salman", None, Some("SAU")),
            ("Muhammad bin Salman", None, Some("SAU")),
            ("Kim Jong-un", None, Some("PRK")),
            ("Kim Jong Un", None, Some("PRK")),
            ("Bashar al-Assad", None, Some("SYR")),
            ("Bashar Assad", None, Some("SYR")),
            ("Salman", Some("King"), Some("SAU")),
            // a bare surname, a bare given name: never
            ("Macron", None, None),
            ("Macron", Some("President"), None),
            ("Johnson", None, None),
            ("Emmanuel", None, None),
            // a title alone is no name
            ("President", None, None),
            ("", None, None),
            ("John Smithson", None, None),
        ];
        for (n, t, want) in cases {
            assert_eq!(code(n, *t), *want, "{n:?} {t:?}");
        }
    }

    #[test]
    fn the_filter_never_hides_a_person() {
        let p = People::builtin();
        let mut names: Vec<String> = Vec::new();
        for r in &p.rows {
            let n = r.name.as_str();
            names.push(n.to_string());
            names.push(n.to_uppercase());
            names.push(format!("President {n}"));
            names.push(format!("{n}."));
            names.push(format!("{n}-"));
            names.push(n.rsplit(' ').next().unwrap_or(n).to_string());
        }
        names.extend(
            [
                "Kim Jong-un",
                "Bashar al-Assad",
                "Assad al",
                "x`",
                "",
                " ",
                "-",
                "Ann O`Neil",
            ]
            .map(String::from),
        );
        for n in &names {
            for t in [None, Some("King"), Some("President")] {
                if p.surely_unknown(n) {
                    assert_eq!(p.lookup(n, t), None, "{n:?} {t:?}");
                }
            }
            assert_eq!(p.get(n, None), p.lookup(n, None), "{n:?}");
        }
        assert!(p.surely_unknown("John Smithson"));
        assert!(!p.surely_unknown("Emmanuel Macron"));
    }

    #[test]
    fn ascii_names_fold_as_by_chars() {
        let mut names: Vec<String> = DATA.lines().map(String::from).collect();
        names.extend((0..128u8).map(|b| format!("A{}b", char::from(b))));
        for n in names.iter().filter(|n| n.is_ascii()) {
            assert_eq!(fold_ascii(n), fold_chars(n), "{n:?}");
        }
    }

    #[test]
    fn name_keys_are_the_keys_of_the_words() {
        let mut names: Vec<&str> = DATA
            .lines()
            .flat_map(|l| l.split('\t').chain(l.split('|')))
            .collect();
        names.extend([
            "",
            " ",
            "Al Gore",
            "Bashar al-Assad",
            "Bashar AL Assad",
            "x el",
            "Ann O`Neil",
            "A.  B",
            "a\x0bb",
            "a\x0cb-c",
            "Kim Jong-un",
            "-al-",
            "Erdoğan Recep",
            "İsmail Bey",
        ]);
        for n in names {
            assert_eq!(key_of_name(n), key_of(&words(n)), "{n:?}");
        }
    }

    #[test]
    fn parse_checks_rows() {
        let head = "# c\nname\tcode\tagent\taliases\n";
        let ok = format!("{head}Ann Example\tFRA\tGOV\tAnne Example|A. Example\n");
        let p = People::parse("t", &ok).unwrap();
        assert_eq!(p.get("Anne Example", None).unwrap().name, "Ann Example");
        assert_eq!(p.get("A Example", None).unwrap().code, "FRA");
        // a one-word alias, a bad code, the same name for two countries
        for bad in [
            format!("{head}Ann Example\tFRA\tGOV\tExample\n"),
            format!("{head}Ann Example\tFrance\tGOV\t\n"),
            format!("{head}Ann Example\tFRA\tGOV\t\nAnn Example\tDEU\tGOV\t\n"),
        ] {
            assert!(People::parse("t", &bad).is_err(), "{bad}");
        }
    }
}
