//! Titles and roles of people (`Foreign Minister`, `top diplomat`, `Lt. Gen.`, `Ayatollah`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};

use super::{cell, read_tsv, LexiconError};

const HEADER: &[&str] = &["title", "agent", "flags"];
const DATA: &str = include_str!("data/titles.tsv");
const EXTRA: &str = include_str!("data/titles_extra.tsv");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleRow {
    pub title: String,
    /// CAMEO agent type the role implies (`GOV`, `MIL`, ...).
    pub agent: Option<String>,
    pub flags: Vec<String>,
}

impl TitleRow {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// Honorifics and monarchs' titles ("Seyed", "Shah") that are also parts of names: right
    /// after another title they belong to the name ("top diplomat Amina Odhiambo").
    pub fn is_name_title(&self) -> bool {
        self.has_flag("honorific") || (self.has_flag("head_of_state") && !self.title.contains(' '))
    }
}

pub struct Titles {
    pub rows: Vec<TitleRow>,
    pub automaton: AhoCorasick,
    /// The same titles for anchored searches (a trie: see `actors::AnchoredTrie`).
    anchored: super::actors::AnchoredTrie,
    /// The first bytes of the titles, any ASCII case, to skip searches that cannot match.
    starts: super::actors::StartFilter,
    /// Lowercased military ranks ("general", "lt. gen.").
    ranks: std::collections::HashSet<String, crate::text::hash::FnvBuild>,
    /// The `ranks` as bits by `first_word_key` (of the whole rank): most titles asked about
    /// are no rank, and this says so without lowercasing and hashing them.
    rank_bits: Box<[u64; 512]>,
    /// Lowercased first words of the titles ("deputy", "top"): a lowercase word that is none
    /// of these starts no title, and needs no search.
    first_words: std::collections::HashSet<String, crate::entities::words::FnvBuild>,
    /// The `first_words` as bits keyed by length and first two bytes, any ASCII case
    /// (`first_word_key`): most lowercase words of a text start no title, and this says so
    /// without hashing the word or searching.
    first_word_bits: Box<[u64; 512]>,
    /// The `first_words` again, two bits each by `word_hash` (a Bloom filter, some 1% false
    /// positives): asked of the words `first_word_bits` lets through, half of which start
    /// no title ("with", "called") and would each cost a search.
    first_word_bloom: Box<[u64; 256]>,
}

/// A hash of a word for `Titles::first_word_bloom`: of its length and its first and last
/// four bytes (every byte of a word of up to eight), each with 0x20 set (the same for both
/// ASCII cases of a letter).
#[inline]
fn word_hash(w: &[u8]) -> u64 {
    let n = w.len();
    let four = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])));
    let x = match (w.get(..4), w.get(n.saturating_sub(4)..)) {
        (Some(a), Some(b)) if n >= 4 => four(a) | four(b) << 32,
        _ => w.iter().fold(0, |k, &c| k << 8 | u64::from(c)),
    };
    ((x | 0x2020_2020_2020_2020) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The two bits of `Titles::first_word_bloom` a hash sets: 14 bits each.
#[inline]
fn bloom_bits(h: u64) -> [usize; 2] {
    [(h >> 50) as usize, (h >> 36) as usize & 0x3FFF]
}

/// A key of 15 bits for a word: its length (up to 31) and first two bytes, each folded to
/// five bits (`b & 31`: the same for both ASCII cases of a letter).
#[inline]
fn first_word_key(w: &[u8]) -> usize {
    // (one length test for both bytes: most words have two)
    let (b0, b1) = match w {
        [a, b, ..] => (*a, *b),
        [a] => (*a, 0),
        [] => (0, 0),
    };
    w.len().min(31) << 10 | usize::from(b0 & 31) << 5 | usize::from(b1 & 31)
}

impl Titles {
    pub fn build(extra: &[TitleRow]) -> Result<Titles, LexiconError> {
        let mut rows = Vec::new();
        for (source, data) in [("titles.tsv", DATA), ("titles_extra.tsv", EXTRA)] {
            for (_, c) in read_tsv(source, data, HEADER)? {
                rows.push(TitleRow {
                    title: c[0].to_string(),
                    agent: cell(c[1]),
                    flags: super::flags(c[2]),
                });
            }
        }
        rows.retain(|r| !extra.iter().any(|e| e.title == r.title));
        rows.extend(extra.iter().cloned());
        rows.sort_by(|a, b| a.title.cmp(&b.title));
        rows.dedup_by(|a, b| a.title == b.title);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // a compact NFA: the DFA of these patterns took ~1 s and ~250 MB to build (both
            // together) for a fallback scan; anchored searches use `anchored`
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Unanchored)
            // "Foreign Minister" and "the foreign minister" are one title
            .ascii_case_insensitive(true)
            .build(rows.iter().map(|r| r.title.as_str()))
            .map_err(|e| LexiconError {
                source: "titles".into(),
                line: 0,
                message: e.to_string(),
            })?;
        let anchored =
            super::actors::AnchoredTrie::new(rows.iter().map(|r| r.title.as_str()), true);
        let starts = super::actors::StartFilter::new(rows.iter().map(|r| r.title.as_str()), true);
        let first_words: std::collections::HashSet<String, _> = rows
            .iter()
            .filter_map(|r| r.title.split_whitespace().next())
            .map(str::to_lowercase)
            .collect();
        let mut first_word_bits = Box::new([0u64; 512]);
        for w in &first_words {
            let k = first_word_key(w.as_bytes());
            first_word_bits[k >> 6] |= 1 << (k & 63);
        }
        let mut first_word_bloom = Box::new([0u64; 256]);
        for w in &first_words {
            for k in bloom_bits(word_hash(w.as_bytes())) {
                first_word_bloom[k >> 6] |= 1 << (k & 63);
            }
        }
        let ranks: std::collections::HashSet<String, _> = rows
            .iter()
            .filter(|r| r.has_flag("rank"))
            .map(|r| r.title.to_lowercase())
            .collect();
        let mut rank_bits = Box::new([0u64; 512]);
        for r in &ranks {
            let k = first_word_key(r.as_bytes());
            rank_bits[k >> 6] |= 1 << (k & 63);
        }
        Ok(Titles {
            rows,
            automaton,
            anchored,
            starts,
            ranks,
            rank_bits,
            first_words,
            first_word_bits,
            first_word_bloom,
        })
    }

    /// The longest title that starts exactly at `start`, ends on a word boundary at or
    /// before `end`: `(start, end, row)`.
    pub fn find_at(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        if !self.starts.may_start(text, start) {
            return None;
        }
        self.find_at_unfiltered(text, start, end)
    }

    /// `find_at` without the start filter (the trie's own head filter stays).
    #[inline]
    pub fn find_at_unfiltered(
        &self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize, usize)> {
        self.anchored.find_word(text, start, end)
    }

    /// Title matches on word boundaries, any case: `(start, end, row)`.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton
            .find_iter(text)
            .filter(move |m| super::actors::is_word_bounded(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
    }

    /// Could a title start at byte `at` of `text`? (a cheap filter before `find_at`)
    #[inline]
    pub fn may_start_at(&self, text: &str, at: usize) -> bool {
        self.starts.may_start(text, at)
    }

    /// Can a title start with this lowercase word?
    pub fn may_start_with_lower(&self, word: &str) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.first_words.contains(&word.to_ascii_lowercase());
        }
        self.first_words.contains(word)
    }

    /// False when `may_start_with_lower(word)` is false for sure; true when it may be true.
    /// Asked of every lowercase word before a search: a key of the word's length and first
    /// two bytes, where the exact question hashes the word.
    #[inline]
    pub fn lower_word_may_start(&self, word: &[u8]) -> bool {
        // `may_start_with_lower` compares the word ASCII-lowercased: the key folds ASCII case
        let k = first_word_key(word);
        if self.first_word_bits[k >> 6] & (1 << (k & 63)) == 0 {
            return false;
        }
        // the word's bytes with 0x20 set are those of its ASCII lowercase: its hash is that
        // of the first word it would be
        let [a, b] = bloom_bits(word_hash(word));
        self.first_word_bloom[a >> 6] & (1 << (a & 63)) != 0
            && self.first_word_bloom[b >> 6] & (1 << (b & 63)) != 0
    }

    /// Is this title (any case) a military rank?
    pub fn is_rank(&self, title: &str) -> bool {
        // an ASCII title keeps its length and its bytes' five low bits when lowercased: its
        // key is a rank's only if it may be that rank
        if title.is_ascii() {
            let k = first_word_key(title.as_bytes());
            if self.rank_bits[k >> 6] & (1 << (k & 63)) == 0 {
                return false;
            }
        }
        self.is_rank_lookup(title)
    }

    /// `is_rank` without the filter.
    fn is_rank_lookup(&self, title: &str) -> bool {
        crate::entities::words::with_lower(title, |t| self.ranks.contains(t))
    }

    pub fn get(&self, title: &str) -> Option<&TitleRow> {
        self.rows
            .binary_search_by(|r| r.title.as_str().cmp(title))
            .ok()
            .map(|i| &self.rows[i])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rank_filter_keeps_every_rank() {
        let lex = crate::lexicon::Lexicon::builtin();
        let t = &lex.titles;
        let mut asked = 0;
        for r in &t.rows {
            let w = r.title.as_str();
            for v in [
                w.to_string(),
                w.to_uppercase(),
                w.to_lowercase(),
                format!("{w}s"),
                format!("Deputy {w}"),
            ] {
                assert_eq!(t.is_rank(&v), t.is_rank_lookup(&v), "{v:?}");
                asked += usize::from(t.is_rank(&v));
            }
        }
        assert!(asked > 10, "{asked} ranks");
        for v in ["", "General", "Lt. Gen.", "GENERAL", "Général", "minister"] {
            assert_eq!(t.is_rank(v), t.is_rank_lookup(v), "{v:?}");
        }
    }

    #[test]
    fn lower_word_filter_keeps_every_first_word() {
        let lex = crate::lexicon::Lexicon::builtin();
        let t = &lex.titles;
        let mut words: Vec<String> = t.first_words.iter().cloned().collect();
        words.extend(t.first_words.iter().map(|w| w.to_ascii_uppercase()));
        let common = "the of and to a in said that was for on is with he it as by at from \
            his an were are which be this has have had not but after been who they their";
        words.extend(common.split(' ').map(String::from));
        let mut rejected = 0;
        for w in &words {
            if t.may_start_with_lower(w) {
                assert!(t.lower_word_may_start(w.as_bytes()), "{w}");
            }
            rejected += usize::from(!t.lower_word_may_start(w.as_bytes()));
        }
        assert!(rejected > 10, "the filter lets nearly everything through");
        // common words that start no title: nearly all ruled out
        let passed = common
            .split(' ')
            .filter(|w| !t.may_start_with_lower(w) && t.lower_word_may_start(w.as_bytes()))
            .count();
        assert!(passed <= 2, "{passed} common words let through");
    }
}
