//! Closed classes of words that name chunking needs: function words that are capitalised
//! only at a sentence start, name particles, abbreviations that keep their dot, speech
//! verbs, and capitalised words that are never names on their own.

use std::collections::HashSet;
use std::sync::OnceLock;

pub use crate::text::hash::FnvBuild;

/// Call `f` with the lowercase of `w`: on the stack for short ASCII words, else allocated.
#[inline]
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if b.len() <= 32 && b.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b.iter()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8
        if let Ok(l) = std::str::from_utf8(&buf[..b.len()]) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// A word list as a set, built once.
pub struct WordSet(OnceLock<Index>, &'static [&'static str]);

/// The set, and a filter that answers "no" for most words without hashing: for each word
/// length (up to 31 bytes) and lowercase ASCII first letter, the second letters that occur.
/// Capitalised words are looked up by the million (every name of the text) and are seldom
/// in these lists.
struct Index {
    set: HashSet<&'static str, FnvBuild>,
    pairs: Box<[[u32; 26]; 32]>,
    /// The words of 1 to 7 ASCII bytes (most of every list), packed by `pack` into an
    /// open-addressing table (0: empty): a look-up is a multiply and a compare or two, where
    /// the set hashes byte by byte and compares strings.
    short: Box<[u64]>,
}

/// A word of 1 to 7 ASCII bytes as a number: its bytes (ASCII-lowercased if `lower`), and its
/// length in the top byte, so that two words have the same number only if they are equal.
#[inline]
fn pack(w: &[u8], lower: bool) -> Option<u64> {
    if w.is_empty() || w.len() > 7 {
        return None;
    }
    let mut k = (w.len() as u64) << 56;
    for (i, &c) in w.iter().enumerate() {
        if !c.is_ascii() {
            return None;
        }
        let c = if lower { c.to_ascii_lowercase() } else { c };
        k |= (c as u64) << (8 * i);
    }
    Some(k)
}

/// The slot of `k` in a table of `len` (a power of two) slots.
#[inline]
fn slot(k: u64, len: usize) -> usize {
    (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (len - 1)
}

/// A table for `pack`ed words, at most half full.
fn short_table(words: &[&str]) -> Box<[u64]> {
    let keys: Vec<u64> = words
        .iter()
        .filter_map(|w| pack(w.as_bytes(), false))
        .collect();
    let mut table = vec![0u64; (keys.len() * 2).next_power_of_two().max(8)];
    let len = table.len();
    for k in keys {
        let mut i = slot(k, len);
        while table[i] != 0 && table[i] != k {
            i = (i + 1) & (len - 1);
        }
        table[i] = k;
    }
    table.into_boxed_slice()
}

impl Index {
    /// False when no word of the set has `w`'s length and first two letters (ASCII-case
    /// folded); true when it may.
    #[inline]
    fn may_contain_lower(&self, w: &[u8]) -> bool {
        match w {
            [a, b, ..] if w.len() < 32 && a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let (a, b) = (a.to_ascii_lowercase() - b'a', b.to_ascii_lowercase() - b'a');
                self.pairs[w.len()][a as usize] & (1 << b) != 0
            }
            _ => true,
        }
    }

    /// Is the `pack`ed word in `short`?
    #[inline]
    fn has_short(&self, k: u64) -> bool {
        let len = self.short.len();
        let mut i = slot(k, len);
        loop {
            match self.short[i] {
                0 => return false,
                x if x == k => return true,
                _ => i = (i + 1) & (len - 1),
            }
        }
    }
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet(OnceLock::new(), words)
    }

    fn index(&self) -> &Index {
        self.0.get_or_init(|| {
            let mut pairs = Box::new([[0u32; 26]; 32]);
            for w in self.1 {
                let b = w.to_ascii_lowercase().into_bytes();
                if let [a, c, ..] = b[..] {
                    if b.len() < 32 && a.is_ascii_lowercase() && c.is_ascii_lowercase() {
                        pairs[b.len()][(a - b'a') as usize] |= 1 << (c - b'a');
                    }
                }
            }
            Index {
                set: self.1.iter().copied().collect(),
                pairs,
                short: short_table(self.1),
            }
        })
    }

    pub fn contains(&self, w: &&str) -> bool {
        let index = self.index();
        match pack(w.as_bytes(), false) {
            Some(k) => index.has_short(k),
            None => index.set.contains(w),
        }
    }

    /// `contains_lower` of a word of 1 to 7 ASCII bytes given as `pack(w, true)` would
    /// give it (the tokenizer has the word's bytes in a register already).
    #[inline]
    pub fn contains_packed_lower(&self, k: u64) -> bool {
        // `contains_lower`'s filter only says "no" early: the table alone gives its answer
        self.index().has_short(k)
    }

    /// `contains` of the lowercased word, without allocating for short ASCII words.
    pub fn contains_lower(&self, w: &str) -> bool {
        let index = self.index();
        if !index.may_contain_lower(w.as_bytes()) {
            return false;
        }
        match pack(w.as_bytes(), true) {
            Some(k) => index.has_short(k),
            None => with_lower(w, |l| index.set.contains(l)),
        }
    }
}

/// Lowercase name particles (`al-Araji`, `bin Salman`, `van der Berg`): the words of
/// `is_particle`, as a list for its test.
#[cfg(test)]
pub const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "van", "von", "de", "der", "den", "da", "di", "du", "del",
    "della", "la", "le", "dos", "das", "ter", "ul", "ud", "ad",
];

/// Is `w` one of `PARTICLES`? A `match` (length, then bytes) rather than a scan of the list:
/// every short lowercase word of the text is asked.
#[inline]
pub fn is_particle(w: &str) -> bool {
    // every particle has 2 to 5 bytes and one of these first letters: most words stop here
    let b = w.as_bytes();
    if !(2..=5).contains(&b.len())
        || !matches!(
            b[0],
            b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'u' | b'v'
        )
    {
        return false;
    }
    matches!(
        w,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "ter"
            | "ul"
            | "ud"
            | "ad"
    )
}

/// Is `w` one of `ABBREVIATIONS`?
#[inline]
pub fn is_abbreviation(w: &str) -> bool {
    // every abbreviation starts with a capital: most words before a dot end a sentence
    // ("said.") and are ruled out without a scan of the list
    w.len() <= 4
        && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && ABBREVIATIONS.contains(&w)
}

/// Abbreviations that keep their final dot inside a token.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr",
    "Brig", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Mt", "Ft",
    "Pres", "Atty", "Supt", "Bros",
];

/// Capitalised words that start a sentence or a run but never a name (lowercased).
pub static STOP: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "and",
    "but",
    "or",
    "nor",
    "as",
    "after",
    "before",
    "during",
    "when",
    "while",
    "with",
    "without",
    "since",
    "until",
    "if",
    "though",
    "although",
    "because",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "now",
    "also",
    "however",
    "meanwhile",
    "yet",
    "so",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "how",
    "all",
    "some",
    "many",
    "most",
    "both",
    "each",
    "every",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "other",
    "another",
    "any",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "sept",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "according",
    "asked",
    "earlier",
    "later",
    "last",
    "next",
    "officials",
    "official",
    "analysts",
    "analyst",
    "experts",
    "sources",
    "source",
    "reports",
    "report",
    "witnesses",
    "residents",
    "critics",
    "authorities",
    "observers",
    "diplomats",
    "lawmakers",
    "leaders",
    "protesters",
    "troops",
    "soldiers",
    "forces",
    "people",
    "read",
    "more",
    "related",
    "click",
    "share",
    "photo",
    "photos",
    "image",
    "file",
    "video",
    "watch",
    "breaking",
    "update",
    "updated",
    "published",
    "copyright",
    "advertisement",
    "subscribe",
    "please",
    "captcha",
    "page",
    "id",
    "tags",
    "tag",
    "home",
    "editor",
    "note",
    "instead",
    "under",
    "over",
    "about",
    "against",
    "among",
    "between",
    "into",
    "through",
    "across",
    "despite",
    "amid",
    "above",
    "below",
    "just",
    "only",
    "even",
    "still",
    "again",
    "once",
    "finally",
    "further",
    "moreover",
    "thus",
    "therefore",
    "indeed",
    "perhaps",
    "maybe",
    "yes",
    "well",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "let",
    "during",
    "like",
    "unlike",
    "whether",
    "either",
    "neither",
    "per",
    "via",
    "within",
    "toward",
    "towards",
    "upon",
    "onto",
    "off",
    "out",
    "up",
    "down",
    "around",
    "near",
    "beyond",
    "behind",
    "inside",
    "outside",
    "regarding",
    "following",
    "including",
    "given",
    "said",
    "says",
    "tell",
    "told",
    "speaking",
    "addressing",
    "calling",
    "noting",
    "adding",
    "saying",
    "meanwhile",
    "overall",
    "similarly",
    "additionally",
    "currently",
    "recently",
    "previously",
    "separately",
    "initially",
    "ultimately",
    "unfortunately",
    "gmt",
    "utc",
    "ok",
    "pdf",
    "faq",
    "rss",
    "url",
]);

/// Capitalised words that are never names by themselves (religions, ethnic and regional
/// adjectives, common proper-noun-like words), lowercased.
pub static NOT_NAMES: WordSet = WordSet::new(&[
    "shia",
    "shiite",
    "shiites",
    "sunni",
    "sunnis",
    "muslim",
    "muslims",
    "islamic",
    "islam",
    "christian",
    "christians",
    "jewish",
    "jews",
    "jew",
    "arab",
    "arabs",
    "kurdish",
    "kurds",
    "western",
    "eastern",
    "northern",
    "southern",
    "european",
    "african",
    "asian",
    "latin",
    "english",
    "french",
    "god",
    "allah",
    "internet",
    "covid",
    "covid-19",
    "coronavirus",
    "takfiri",
    "wahhabi",
    "salafi",
    "zionist",
    "zionists",
    "prophet",
    "quran",
    "koran",
    "bible",
    "ramadan",
    "eid",
    "christmas",
    "easter",
    "catholic",
    "orthodox",
    "protestant",
    "hindu",
    "buddhist",
    "secular",
    "liberal",
    "conservative",
    "communist",
    "socialist",
    "mujahideen",
    "east",
    "west",
    "north",
    "south",
    "middle",
    "war",
    "revolution",
    "jihadi",
    "jihadist",
    "jihadists",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
]);

/// Speech verbs that mark the name next to them as a speaker (a fallback for the shared
/// speech verb list).
pub static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "warned",
    "asked",
    "explained",
    "declared",
    "announced",
    "insisted",
    "urged",
    "tweeted",
    "wrote",
    "claimed",
    "argued",
    "acknowledged",
    "admitted",
    "denied",
    "confirmed",
    "replied",
    "responded",
    "remarked",
    "commented",
    "continued",
    "concluded",
    "instructed",
    "underlined",
    "underscored",
    "reiterated",
    "called",
    "believes",
    "thinks",
    "described",
]);

/// Words after a capital city that make it stand for its government ("Tehran said").
pub static GOVERNMENT_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "has",
    "have",
    "had",
    "will",
    "would",
    "is",
    "was",
    "accused",
    "accuses",
    "wants",
    "warned",
    "rejected",
    "denied",
    "announced",
    "urged",
    "insists",
    "insisted",
    "never",
    "also",
    "blamed",
    "condemned",
    "demanded",
    "threatened",
    "responded",
    "refused",
    "agreed",
    "signed",
    "imposed",
    "sanctioned",
    "held",
    "claimed",
    "called",
    "recognized",
    "recognised",
    "could",
    "should",
    "must",
    "may",
    "did",
    "does",
]);

/// Lowercase words that, right before a capitalised name, make it a place ("in Milak").
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "at", "from", "to", "into", "across",
];

/// All-caps words that are units, currencies or common abbreviations, not organizations.
pub static NOT_ACRONYMS: WordSet = WordSet::new(&[
    "USD", "EUR", "GBP", "JPY", "CNY", "GB", "MB", "KB", "TB", "GHZ", "MHZ", "LCD", "LED", "VIP",
    "OS", "CEO", "CFO", "COO", "AM", "PM", "GMT", "UTC", "EST", "PST", "ID", "TV", "PC", "AU",
    "DVD", "CD", "USB", "HD", "PDF", "FAQ", "RSS", "PR", "AI", "IT", "OK", "AD", "BC", "CE", "BCE",
    "MP", "FM", "PS", "NB", "RE", "FW", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
    "HIV", "AIDS", "GDP", "KM", "KG", "MW", "GW", "KW", "MPH", "URL", "WWW", "HTTP", "HTML", "APP",
    "SMS", "GPS", "DNA", "LNG", "LPG", "CO2", "SUV", "ATM", "Q1", "Q2", "Q3", "Q4",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_look_ups_answer_as_the_set() {
        let sets: [&WordSet; 6] = [
            &STOP,
            &NOT_NAMES,
            &SPEECH_VERBS,
            &GOVERNMENT_VERBS,
            &NOT_ACRONYMS,
            &WordSet::new(&["", "a", "ab\0", "Ab", "seven77", "eight888", "é"]),
        ];
        let mut words: Vec<String> = ["", "a", "A", "ab", "ab\0", "AB", "Ab", "seven77", "SEVEN77"]
            .iter()
            .chain(
                [
                    "eight888", "é", "É", "said", "Said", "SAID", "the", "The", "x", "usd",
                ]
                .iter(),
            )
            .map(|w| w.to_string())
            .collect();
        for set in sets {
            for w in set.1 {
                for v in [
                    w.to_string(),
                    w.to_uppercase(),
                    w.to_lowercase(),
                    format!("{w}s"),
                ] {
                    words.push(v.clone());
                    words.push(v.chars().take(3).collect());
                }
            }
        }
        for set in sets {
            let index = set.index();
            for w in &words {
                let w = w.as_str();
                assert_eq!(set.contains(&w), index.set.contains(w), "{w:?}");
                let want = index.set.contains(w.to_lowercase().as_str());
                assert_eq!(set.contains_lower(w), want, "{w:?}");
            }
        }
    }

    #[test]
    fn length_checks_keep_every_word() {
        assert!(PARTICLES.iter().all(|w| is_particle(w)));
        assert!(ABBREVIATIONS.iter().all(|w| is_abbreviation(w)));
        for w in [
            "alpha",
            "Mrs.",
            "president",
            "a",
            "Al",
            "the",
            "dell",
            "bi",
            "vand",
        ] {
            assert!(!is_particle(w) && !is_abbreviation(w), "{w}");
        }
        // the match and the list agree on every prefix of every particle and one more letter
        for p in PARTICLES {
            for n in 1..=p.len() {
                for extra in ["", "s", "a"] {
                    let w = format!("{}{extra}", &p[..n]);
                    assert_eq!(is_particle(&w), PARTICLES.contains(&w.as_str()), "{w}");
                }
            }
        }
    }
}
