//! Named actors: countries (names, adjectives, demonyms), places, organizations and news
//! outlets, each with a kind, an actor code and a canonical name.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};

use std::collections::{HashMap, HashSet};

use crate::entities::words::{with_lower, FnvBuild};
use crate::text::Name;

use super::{cell, read_tsv, LexiconError};
use crate::entities::EntityKind;
use crate::text::byte_class::ascii_alnum_mask;

const HEADER: &[&str] = &["name", "kind", "code", "canonical", "agent", "flags"];

const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("data/countries.tsv")),
    ("places.tsv", include_str!("data/places.tsv")),
    ("organizations.tsv", include_str!("data/organizations.tsv")),
    ("outlets.tsv", include_str!("data/outlets.tsv")),
    ("actors_extra.tsv", include_str!("data/actors_extra.tsv")),
];

const GIVEN_NAMES: &str = include_str!("data/given_names.tsv");
const ORG_HEADS: &str = include_str!("data/org_heads.tsv");
const HEADS_EXTRA: &str = include_str!("data/heads_extra.tsv");
const NON_ACTORS: &str = include_str!("data/non_actors.tsv");

/// What a head word ending a capitalised name makes of it ("... Council" -> ORG).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub kind: EntityKind,
    pub agent: Option<Name>,
}

/// One surface form of an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRow {
    pub name: String,
    pub kind: EntityKind,
    pub code: Option<Name>,
    pub canonical: Name,
    pub agent: Option<Name>,
    pub flags: Vec<String>,
}

impl ActorRow {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// Parse the cells of a data row (`name kind code canonical agent flags`).
    pub fn from_cells(source: &str, line: usize, c: &[&str]) -> Result<ActorRow, LexiconError> {
        let err = |message: String| LexiconError {
            source: source.to_string(),
            line,
            message,
        };
        if c[0].is_empty() {
            return Err(err("empty name".into()));
        }
        let kind =
            EntityKind::parse(c[1]).ok_or_else(|| err(format!("unknown kind {:?}", c[1])))?;
        Ok(ActorRow {
            name: c[0].to_string(),
            kind,
            code: cell(c[2]).map(Name::from),
            canonical: if c[3].is_empty() { c[0] } else { c[3] }.into(),
            agent: cell(c[4]).map(Name::from),
            flags: super::flags(c[5]),
        })
    }
}

/// The first bytes (up to six) of a set of patterns, hashed into a bit table: a position
/// whose bytes start no pattern needs no anchored search. A hash collision only costs a
/// search, so the filter never hides a match.
pub struct StartFilter {
    bits: Vec<u64>,
    /// Some pattern is this many bytes long (shorter than `PREFIX`).
    short: [bool; PREFIX],
    /// ASCII case folded (for an ASCII-case-insensitive automaton).
    fold: bool,
    /// log2 of the number of bits: about 16 bits per pattern (few false positives), so a
    /// small list's filter stays in the L1 cache.
    log: u32,
    /// The prefix lengths to probe: those of `short` and `PREFIX`, ascending.
    lens: Vec<usize>,
}

const PREFIX: usize = 6;

impl StartFilter {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>, fold: bool) -> StartFilter {
        let patterns: Vec<&str> = patterns.into_iter().collect();
        let log = (patterns.len().max(1) * 16)
            .next_power_of_two()
            .trailing_zeros();
        let log = log.clamp(12, 24);
        let mut f = StartFilter {
            bits: vec![0; 1 << (log - 6)],
            short: [false; PREFIX],
            fold,
            log,
            lens: Vec::new(),
        };
        for p in patterns {
            let b = p.as_bytes();
            let n = b.len().min(PREFIX);
            if n == 0 {
                // an empty pattern matches anywhere: never skip
                f.bits.iter_mut().for_each(|w| *w = u64::MAX);
                f.short = [true; PREFIX];
                continue;
            }
            if n < PREFIX {
                f.short[n] = true;
            }
            let h = f.slot(&b[..n]);
            f.bits[h >> 6] |= 1 << (h & 63);
        }
        f.lens = (1..PREFIX)
            .filter(|&n| f.short[n])
            .chain([PREFIX])
            .collect();
        f
    }

    #[inline]
    fn slot(&self, b: &[u8]) -> usize {
        let mut k = (b.len() as u64) << 56;
        for (i, &c) in b.iter().enumerate() {
            let c = if self.fold { c.to_ascii_lowercase() } else { c };
            k |= (c as u64) << (8 * i);
        }
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.log)) as usize
    }

    /// Could some pattern start at byte `at` of `text`?
    #[inline]
    pub fn may_start(&self, text: &str, at: usize) -> bool {
        // eight bytes at once where the text has them (it is asked at every word start):
        // the same keys as the byte loop below, without it
        if let Some(chunk) = text.as_bytes().get(at..at + 8) {
            let mut w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if self.fold {
                w = ascii_lowercase_u64(w);
            }
            return self.lens.iter().any(|&n| {
                let prefix = w & ((1u64 << (8 * n)) - 1);
                self.has_key(prefix | ((n as u64) << 56))
            });
        }
        let b = &text.as_bytes()[at.min(text.len())..];
        // the key of each prefix length, built up byte by byte (the same keys as `slot`)
        let mut k = 0u64;
        for (i, &c) in b.iter().take(PREFIX).enumerate() {
            let c = if self.fold { c.to_ascii_lowercase() } else { c };
            k |= (c as u64) << (8 * i);
            let n = i + 1;
            if (n == PREFIX || self.short[n]) && self.has_key(k | ((n as u64) << 56)) {
                return true;
            }
        }
        false
    }

    #[inline]
    fn has_key(&self, k: u64) -> bool {
        let h = (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.log)) as usize;
        self.bits[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// `to_ascii_lowercase` of each of eight bytes (bytes of 0x80 and above unchanged).
#[inline]
fn ascii_lowercase_u64(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = w & (0x7f * ONES);
    // high bit set in a byte: >= 'A', and > 'Z', computed on its low seven bits
    let ge_a = low7 + (0x80 - b'A' as u64) * ONES;
    let gt_z = low7 + (0x80 - b'Z' as u64 - 1) * ONES;
    let upper = (ge_a ^ gt_z) & !w & (0x80 * ONES);
    w | (upper >> 2)
}

/// The head of a text at a position: its leading ASCII letters and digits. A pattern that
/// matches there on word boundaries has the same head as the text: a byte of the pattern
/// that is no ASCII letter or digit ends both heads at the same place, and a pattern of
/// letters and digits only is followed by no letter or digit. So the first (up to) eight
/// bytes of the head, and their count, key the trie's state after them: one probe of a
/// table of pattern heads replaces the first steps of the walk (a load from a large table
/// each, most of them cache misses), and a head no pattern has rules the position out.
struct HeadJump {
    /// Open addressing, at most half full: `[prefix, packed, ahead]` with `prefix` the
    /// head's first bytes (as the trie stores them; zero bytes past them), `packed` as made
    /// by `pack` (`FREE` for an empty slot) and `ahead` the two bytes after the head that
    /// the walk may go on with (`ahead_bit`; all ones where one byte ends a pattern): most
    /// walks from a head stop within two bytes ("Iran said", "the government"), and this
    /// answers them without the walk.
    slots: Vec<[u64; 3]>,
    /// log2 of `slots.len()`.
    log: u32,
    /// ASCII case folded (for an ASCII-case-insensitive trie).
    fold: bool,
    /// Some pattern is empty (it has no head): no jumps.
    empty: bool,
}

/// Bytes of a head that key the jump.
const JUMP: usize = 8;

/// The bit of `HeadJump`'s `ahead` for two bytes (as the trie stores them) read one after
/// the other: the second byte's low six bits, turned by the first's.
#[inline]
fn ahead_bit(b1: u8, b2: u8) -> u64 {
    1 << ((u32::from(b2) + 7 * u32::from(b1)) & 63)
}

impl HeadJump {
    /// `packed`: the state after the prefix (24 bits), the prefix's length (4 bits), a flag
    /// for a state without transitions (1 bit); above bit 32, the longest pattern ending
    /// within the prefix (24 bits, all ones for none) and its length (4 bits).
    fn pack(state: u32, m: usize, leaf: bool, best: (usize, u32)) -> u64 {
        let low = state | (m as u32) << 24 | u32::from(leaf) << 28;
        let high = (best.1 & 0xFF_FFFF) | (best.0 as u32) << 24;
        u64::from(high) << 32 | u64::from(low)
    }

    #[inline]
    fn hash(prefix: u64, m: usize) -> u64 {
        (prefix ^ (m as u64) << 59).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The first slot to probe for a hash: its top bits.
    #[inline]
    fn slot(h: u64, log: u32) -> usize {
        (h >> (64 - log)) as usize
    }

    /// The number of head bytes at the start of `b` that key the jump (at most `JUMP`),
    /// and those bytes as one word (ASCII-lowercased for a folding trie).
    #[inline]
    fn key(b: &[u8], fold: bool) -> (usize, u64) {
        // eight bytes where the text has them (every word start is asked): the run of
        // letters and digits from one mask, not a test per byte
        if let Some(c) = b.get(..8) {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            // the high bit of each byte that is no letter or digit: the first ends the head
            let ends = !ascii_alnum_mask(w) & 0x8080_8080_8080_8080;
            let m = (ends.trailing_zeros() / 8) as usize;
            // ones below the first such byte (all for none, none for a head of no byte)
            let mask = ((ends & ends.wrapping_neg()) >> 7).wrapping_sub(1);
            let fold = if fold { 0x2020_2020_2020_2020 } else { 0 };
            return (m, (w | fold) & mask);
        }
        Self::key_by_bytes(b, fold)
    }

    /// `key` a byte at a time (near the end of the text, and for the test of `key`).
    fn key_by_bytes(b: &[u8], fold: bool) -> (usize, u64) {
        let m = b
            .iter()
            .take(JUMP)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if m == 0 {
            return (0, 0);
        }
        let mut w = match b.get(..8) {
            Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0; 8])),
            None => b.iter().rev().fold(0, |w, &c| w << 8 | u64::from(c)),
        };
        let mask = if m < 8 { (1u64 << (8 * m)) - 1 } else { !0 };
        w &= mask;
        if fold {
            // ASCII letters and digits only: 0x20 lowercases a letter, and every digit has it
            w |= 0x2020_2020_2020_2020 & mask;
        }
        (m, w)
    }

    /// `packed` of the head at the start of `b` (the text from the search's start to its
    /// end); None when no pattern has this head.
    #[inline]
    fn get(&self, m: usize, prefix: u64) -> Option<(u64, u64)> {
        let mask = self.slots.len() - 1;
        let mut h = Self::slot(Self::hash(prefix, m), self.log);
        loop {
            let [p, packed, ahead] = self.slots[h];
            if packed == FREE {
                return None;
            }
            // (the prefix tells its length: a head's bytes are never zero)
            if p == prefix {
                return Some((packed, ahead));
            }
            h = (h + 1) & mask;
        }
    }
}

/// A leftmost-longest automaton for anchored searches only (same matches as a DFA).
pub fn anchored_automaton<'a>(
    patterns: impl IntoIterator<Item = &'a str>,
    fold: bool,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .start_kind(StartKind::Anchored)
        .ascii_case_insensitive(fold)
        .build(patterns)
}

/// Patterns in a trie for anchored leftmost-longest searches from word starts: the same
/// match as `AhoCorasick::find` with an anchored `Input` (the longest pattern the text
/// starts with; of equal ones, the lowest index), for about 15 instructions a byte. A call
/// to `find` costs some 400 instructions of set-up, and aho-corasick's own NFA step some
/// 40: most searches from a word start fail within a few bytes, so both dominated.
pub struct AnchoredTrie {
    /// The root's transitions by byte (`DEAD` for none): the first byte is one load.
    root: Box<[u32; 256]>,
    /// Per state: the byte to its chain child, the state numbered next (`CHAIN | byte`, with
    /// `CHAIN_MATCH` where a pattern ends at the child; 0 for none), and `EDGES` where the
    /// state has other children (in `slots`): a byte off the chain of a state without is no
    /// transition, with no probe of `slots`. A pattern's bytes past
    /// those it shares with earlier patterns make states numbered in a row: most steps read
    /// the next entry here, in the cache, not a random slot of `slots`.
    chain: Vec<u16>,
    /// The other transitions, open addressing: `(state << 8 | byte) << 32 | next`, `FREE`
    /// for an empty slot; at most half full, so a probe seldom reads a second slot.
    slots: Vec<u64>,
    /// log2 of `slots.len()`.
    log: u32,
    /// Per state: the pattern ending there, or `NO_PATTERN`.
    pattern: Vec<u32>,
    /// Each byte as the trie stores it: ASCII letters lowercased for a case-insensitive
    /// trie, else itself (a load, not a test a byte).
    map: [u8; 256],
    /// The patterns' heads, for `find_word`.
    heads: HeadJump,
    /// The first three bytes of the patterns, for `find_word`: a bit per `three_key`, set
    /// for every pattern's first three bytes (for a shorter pattern, for all bytes after it,
    /// which a word-bounded match leaves free). 4 KB, in the cache: most words of a text
    /// start no pattern, and this says so before the head's key is made and probed (whose
    /// table is large and misses the cache).
    three: Box<[u64; 512]>,
}

/// A key of 15 bits for three bytes (the low ones of `w`): five bits of each (`b & 31`: the
/// same for both ASCII cases of a letter, as a filter for folding tries needs).
#[inline]
fn three_key(w: u64) -> usize {
    ((w & 31) | ((w >> 3) & (31 << 5)) | ((w >> 6) & (31 << 10))) as usize
}

/// The root; as a transition's target, none.
const DEAD: u32 = 0;
const FREE: u64 = u64::MAX;
const NO_PATTERN: u32 = u32::MAX;
/// A transition's target where a pattern ends, with the state in the low bits: no look-up
/// of `pattern` on the other steps.
const MATCH: u32 = 1 << 31;
const CHAIN: u16 = 0x100;
const CHAIN_MATCH: u16 = 0x200;
const EDGES: u16 = 0x400;

impl AnchoredTrie {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>, fold: bool) -> AnchoredTrie {
        let mut map = [0u8; 256];
        for (b, m) in (0..=255u8).zip(map.iter_mut()) {
            *m = if fold { b.to_ascii_lowercase() } else { b };
        }
        let mut root = Box::new([DEAD; 256]);
        let mut edges: HashMap<u32, u32, FnvBuild> = HashMap::default();
        let mut pattern = vec![NO_PATTERN];
        let mut chain = vec![0u16];
        let patterns: Vec<&str> = patterns.into_iter().collect();
        for (i, p) in patterns.iter().enumerate() {
            let mut state = 0u32;
            for &b in p.as_bytes() {
                let b = map[b as usize];
                let key = state << 8 | u32::from(b);
                let s = state as usize;
                let child = if state == 0 {
                    root[b as usize]
                } else if chain[s] == CHAIN | u16::from(b) {
                    state + 1
                } else {
                    edges.get(&key).copied().unwrap_or(DEAD)
                };
                state = if child != DEAD {
                    child
                } else {
                    let new = pattern.len() as u32;
                    pattern.push(NO_PATTERN);
                    chain.push(0);
                    if state == 0 {
                        root[b as usize] = new;
                    } else if new == state + 1 {
                        // `state` is the newest state: no child yet
                        chain[s] = CHAIN | u16::from(b);
                    } else {
                        edges.insert(key, new);
                    }
                    new
                };
            }
            // of patterns equal but for case, the first one (as aho-corasick reports)
            let p = &mut pattern[state as usize];
            if *p == NO_PATTERN {
                *p = u32::try_from(i).unwrap_or(NO_PATTERN);
            }
        }
        assert!(pattern.len() < 1 << 24, "the trie's states fit 24 bits");
        assert!(patterns.len() < 0xFF_FFFF, "pattern numbers fit 24 bits");
        let flag = |s: u32| {
            if pattern[s as usize] == NO_PATTERN {
                s
            } else {
                s | MATCH
            }
        };
        root.iter_mut()
            .filter(|s| **s != DEAD)
            .for_each(|s| *s = flag(*s));
        for s in 0..chain.len() {
            if chain[s] & CHAIN != 0 && pattern[s + 1] != NO_PATTERN {
                chain[s] |= CHAIN_MATCH;
            }
        }
        let log = (edges.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let mut slots = vec![FREE; 1 << log];
        for (&key, &next) in &edges {
            let mut h = Self::slot(key, log);
            while slots[h] != FREE {
                h = (h + 1) & (slots.len() - 1);
            }
            slots[h] = u64::from(key) << 32 | u64::from(flag(next));
        }
        let mut has_child = vec![false; pattern.len()];
        for &key in edges.keys() {
            has_child[(key >> 8) as usize] = true;
            chain[(key >> 8) as usize] |= EDGES;
        }
        for (s, c) in chain.iter().enumerate() {
            has_child[s] |= c & CHAIN != 0;
        }
        let mut trie = AnchoredTrie {
            root,
            chain,
            slots,
            log,
            pattern,
            map,
            heads: HeadJump {
                slots: Vec::new(),
                log: 0,
                fold,
                empty: patterns.iter().any(|p| p.is_empty()),
            },
            three: Box::new([0; 512]),
        };
        for p in &patterns {
            let b = p.as_bytes();
            // the first bytes, then every value of each byte past the pattern
            let mut keys = vec![0usize];
            for i in 0..3 {
                let values: Vec<u64> = match b.get(i) {
                    Some(&c) => vec![u64::from(c)],
                    None => (0..32).collect(),
                };
                keys = keys
                    .iter()
                    .flat_map(|&k| values.iter().map(move |&v| k | three_key(v << (8 * i))))
                    .collect();
            }
            for k in keys {
                trie.three[k >> 6] |= 1 << (k & 63);
            }
        }
        // the state after each pattern's head (its first `JUMP` bytes at most)
        let mut jumps: HashMap<(usize, u64), u64, FnvBuild> = HashMap::default();
        for p in &patterns {
            let (m, prefix) = HeadJump::key(p.as_bytes(), fold);
            if m == 0 || jumps.contains_key(&(m, prefix)) {
                continue;
            }
            let (mut state, mut best) = (DEAD, (0, NO_PATTERN));
            for (i, &b) in p.as_bytes()[..m].iter().enumerate() {
                let b = trie.map[b as usize];
                state = if i == 0 {
                    trie.root[b as usize]
                } else {
                    trie.next(state, b)
                };
                if state & MATCH != 0 {
                    state &= !MATCH;
                    best = (i + 1, trie.pattern[state as usize]);
                }
            }
            let packed = HeadJump::pack(state, m, !has_child[state as usize], best);
            jumps.insert((m, prefix), packed);
        }
        let log = (jumps.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        // each state's children `(state, byte, child)`, sorted, for the bytes after the heads
        let mut kids: Vec<(u32, u8, u32)> = edges
            .iter()
            .map(|(&key, &next)| (key >> 8, key as u8, next))
            .collect();
        for (s, &c) in trie.chain.iter().enumerate() {
            if c & CHAIN != 0 {
                kids.push((s as u32, c as u8, s as u32 + 1));
            }
        }
        kids.sort_unstable();
        let children = |s: u32| {
            let from = kids.partition_point(|k| k.0 < s);
            kids[from..]
                .iter()
                .take_while(move |k| k.0 == s)
                .map(|k| (k.1, k.2))
        };
        let ahead = |s: u32| {
            let mut bits = 0u64;
            for (b1, c1) in children(s) {
                if trie.pattern[c1 as usize] != NO_PATTERN {
                    return u64::MAX;
                }
                for (b2, _) in children(c1) {
                    bits |= ahead_bit(b1, b2);
                }
            }
            bits
        };
        let mut slots = vec![[0, FREE, 0]; 1 << log];
        for (&(m, prefix), &packed) in &jumps {
            let mut h = HeadJump::slot(HeadJump::hash(prefix, m), log);
            while slots[h][1] != FREE {
                h = (h + 1) & (slots.len() - 1);
            }
            slots[h] = [prefix, packed, ahead(packed as u32 & 0xFF_FFFF)];
        }
        trie.heads.slots = slots;
        trie.heads.log = log;
        trie
    }

    /// `find`, kept only when the match is word-bounded (`is_word_bounded`); None else, as
    /// for no match. The walk starts after the word's head (`HeadJump`): most words start no
    /// pattern's head, and are ruled out before the walk reaches the large tables (`chain`,
    /// `slots`, `pattern`), which miss the cache.
    #[inline]
    pub fn find_word(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize, usize)> {
        if let Some(c) = text.as_bytes().get(start..start + 8) {
            // a match's first three bytes are in the text whatever `end` says
            let k = three_key(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
            // (an empty pattern set every bit)
            if self.three[k >> 6] & 1 << (k & 63) == 0 {
                return None;
            }
        }
        self.find_word_from_head(text, start, end)
    }

    /// `find_word` past the three-byte filter: not inlined, so that callers inline the
    /// filter alone (most words stop there, without a call).
    #[inline(never)]
    fn find_word_from_head(
        &self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize, usize)> {
        let hay = text.as_bytes();
        hay.get(start..end)?;
        let (m, prefix) = HeadJump::key(&hay[start..], self.heads.fold);
        let m = if m == 0 || start + m > end || self.heads.empty {
            // no head (a byte past ASCII), a search that ends inside it, or an empty pattern
            // (it matches anywhere): the walk alone
            self.find(hay, start, end)
        } else {
            let (packed, ahead) = self.heads.get(m, prefix)?;
            let mut state = packed as u32 & 0xFF_FFFF;
            // no pattern goes on with the two bytes after the head: the walk would stop
            let stops = match hay.get(start + m..start + m + 2) {
                Some(&[b1, b2]) if start + m + 2 <= end => {
                    ahead & ahead_bit(self.map[b1 as usize], self.map[b2 as usize]) == 0
                }
                _ => false,
            };
            let leaf = packed & 1 << 28 != 0 || stops;
            let best_pattern = (packed >> 32) as u32 & 0xFF_FFFF;
            let mut best = if best_pattern == 0xFF_FFFF {
                (0, NO_PATTERN)
            } else {
                ((packed >> 56) as usize & 0xF, best_pattern)
            };
            if !leaf {
                // on from the head, as `find` walks
                let mut len = m;
                for &b in &hay[start + m..end] {
                    state = self.next(state, self.map[b as usize]);
                    len += 1;
                    if state == DEAD {
                        break;
                    }
                    if state & MATCH != 0 {
                        state &= !MATCH;
                        best = (len, self.pattern[state as usize]);
                    }
                }
            }
            let (len, p) = best;
            (p != NO_PATTERN).then_some((start, start + len, p as usize))
        }?;
        is_word_bounded(text, m.0, m.1).then_some(m)
    }

    #[inline]
    fn slot(key: u32, log: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> (32 - log)) as usize
    }

    /// The state after `state` (not the root, no `MATCH` bit) reads byte `b`; `DEAD` for
    /// none.
    #[inline]
    fn next(&self, state: u32, b: u8) -> u32 {
        let c = self.chain[state as usize];
        if c & (CHAIN | 0xFF) == CHAIN | u16::from(b) {
            // `MATCH` (bit 31) where the chain child ends a pattern
            return (state + 1) | u32::from(c & CHAIN_MATCH != 0) << 31;
        }
        if c & EDGES == 0 {
            return DEAD;
        }
        let key = state << 8 | u32::from(b);
        let mask = self.slots.len() - 1;
        let mut h = Self::slot(key, self.log);
        loop {
            let e = self.slots[h];
            if (e >> 32) as u32 == key {
                return e as u32;
            }
            if e == FREE {
                return DEAD;
            }
            h = (h + 1) & mask;
        }
    }

    /// The longest match `(start, end, pattern)` that starts at `start` and ends at or
    /// before `end`.
    #[inline]
    pub fn find(&self, hay: &[u8], start: usize, end: usize) -> Option<(usize, usize, usize)> {
        let bytes = hay.get(start..end)?;
        // (length, pattern) of the longest match so far
        let mut best = (0, self.pattern[0]);
        let mut iter = bytes.iter();
        if let Some(&b) = iter.next() {
            let mut state = self.root[self.map[b as usize] as usize];
            let mut len = 1;
            while state != DEAD {
                if state & MATCH != 0 {
                    state &= !MATCH;
                    best = (len, self.pattern[state as usize]);
                }
                let Some(&b) = iter.next() else { break };
                state = self.next(state, self.map[b as usize]);
                len += 1;
            }
        }
        let (len, p) = best;
        (p != NO_PATTERN).then_some((start, start + len, p as usize))
    }
}

/// All actor rows, with one automaton over their surface forms.
pub struct Actors {
    pub rows: Vec<ActorRow>,
    automaton: AhoCorasick,
    /// The same patterns for anchored searches from word starts (`find_word`: its head
    /// filter rules out most words before the walk).
    anchored: AnchoredTrie,
    /// Surface form -> row, for exact look-ups.
    by_name: HashMap<String, usize, FnvBuild>,
    /// Lowercased first names ("paul", "mohammad").
    pub given_names: HashSet<String, FnvBuild>,
    /// Head words of organization and place names, as written ("Council", "Airport").
    pub heads: HashMap<String, Head, FnvBuild>,
    /// A filter over `heads` (`head`): per length under 32 and first byte's five low bits,
    /// a bit per last byte's five low bits. Built with `heads`, which nothing changes after.
    head_bits: Box<[[u32; 32]; 32]>,
    /// The same filter over `given_names` (`is_given_name`), for ASCII words of any case:
    /// lowercasing keeps an ASCII word's length and its bytes' five low bits.
    given_bits: Box<[[u32; 32]; 32]>,
    /// Capitalised names that are no actor ("Dow Jones", "New Year"), lowercased.
    pub non_actors: HashSet<String, FnvBuild>,
    /// A filter over `non_actors` that rules out most names without lowercasing and
    /// hashing them: per first byte (a-z, then any other), bit `n` for a name of `n` bytes.
    non_actor_lens: [u64; 27],
    /// The same for the last byte: per length (under 64), bit `b & 31` for a name of that
    /// length ending in byte `b` (the five low bits are the same in both ASCII cases). A
    /// name that passes the first filter mostly fails this one (the names that start with
    /// a listed name's letter and have its length seldom end as it does).
    non_actor_tails: [u32; 64],
    /// Country code -> the country's canonical name ("IRN" -> "Iran").
    pub country_names: HashMap<String, String, FnvBuild>,
}

/// One lexicon match: byte span and the row it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub start: usize,
    pub end: usize,
    pub row: usize,
}

impl Actors {
    pub fn build(extra: &[ActorRow]) -> Result<Actors, LexiconError> {
        let mut rows: Vec<ActorRow> = Vec::new();
        for (source, text) in FILES {
            for (line, c) in read_tsv(source, text, HEADER)? {
                rows.push(ActorRow::from_cells(source, line, &c)?);
            }
        }
        // user rows win: drop built-in rows with the same surface form
        if !extra.is_empty() {
            rows.retain(|r| !extra.iter().any(|e| e.name == r.name));
            rows.extend(extra.iter().cloned());
        }
        let mut country_names: HashMap<String, String, FnvBuild> = HashMap::default();
        for r in &rows {
            if r.kind == EntityKind::Country && !r.has_flag("historical") {
                if let Some(code) = &r.code {
                    country_names
                        .entry(code.to_string())
                        .or_insert_with(|| r.canonical.to_string());
                }
            }
        }
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        rows.dedup_by(|a, b| a.name == b.name);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // a compact NFA: the DFA of these patterns took ~1 s and ~250 MB to build (both
            // together) for a fallback scan; anchored searches use `anchored`
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Unanchored)
            .build(rows.iter().map(|r| r.name.as_str()))
            .map_err(|e| LexiconError {
                source: "actors".into(),
                line: 0,
                message: e.to_string(),
            })?;
        let anchored = AnchoredTrie::new(rows.iter().map(|r| r.name.as_str()), false);
        let by_name = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.clone(), i))
            .collect();
        let mut given_names = HashSet::default();
        for (_, c) in read_tsv("given_names.tsv", GIVEN_NAMES, &["name"])? {
            given_names.insert(c[0].to_lowercase());
        }
        let mut heads = HashMap::default();
        for (_, c) in read_tsv("heads_extra.tsv", HEADS_EXTRA, &["head", "kind", "agent"])? {
            let kind = EntityKind::parse(c[1]).unwrap_or(EntityKind::Org);
            heads.insert(
                c[0].to_string(),
                Head {
                    kind,
                    agent: cell(c[2]).map(Name::from),
                },
            );
        }
        // the shared list wins for organization heads
        for (_, c) in read_tsv("org_heads.tsv", ORG_HEADS, &["head", "agent"])? {
            heads.insert(
                c[0].to_string(),
                Head {
                    kind: EntityKind::Org,
                    agent: cell(c[1]).map(Name::from),
                },
            );
        }
        let head_bits = length_end_bits(heads.keys());
        let given_bits = length_end_bits(&given_names);
        let mut non_actors = HashSet::default();
        for (_, c) in read_tsv("non_actors.tsv", NON_ACTORS, &["name"])? {
            non_actors.insert(c[0].to_lowercase());
        }
        let mut non_actor_lens = [0u64; 27];
        let mut non_actor_tails = [0u32; 64];
        for n in &non_actors {
            let b = n.as_bytes();
            if let (Some(&c), Some(&z)) = (b.first(), b.last()) {
                if b.len() < 64 {
                    non_actor_lens[len_slot(c)] |= 1 << b.len();
                    non_actor_tails[b.len()] |= 1 << (z & 31);
                }
            }
        }
        Ok(Actors {
            rows,
            automaton,
            anchored,
            by_name,
            given_names,
            heads,
            head_bits,
            given_bits,
            country_names,
            non_actors,
            non_actor_lens,
            non_actor_tails,
        })
    }

    /// The head word `w` (as written: "Council"). Most words the name rules ask are no head,
    /// and are ruled out by `head_bits` before a hash of the word.
    #[inline]
    pub fn head(&self, w: &str) -> Option<&Head> {
        if !may_be_in(&self.head_bits, w.as_bytes()) {
            return None;
        }
        self.heads.get(w)
    }

    /// Is this word (any case) a known first name?
    pub fn is_given_name(&self, word: &str) -> bool {
        // (an ASCII word keeps its length and five low bits when lowercased)
        if word.is_ascii() && !may_be_in(&self.given_bits, word.as_bytes()) {
            return false;
        }
        with_lower(word, |l| self.given_names.contains(l))
    }

    /// Is this name (any case) one that is no actor ("Dow Jones")?
    #[inline]
    pub fn is_non_actor(&self, name: &str) -> bool {
        // an ASCII name keeps its byte length and first letter when lowercased: most names
        // are ruled out by the length filter (names of 64 bytes or more are looked up)
        let b = name.as_bytes();
        if let (Some(&c), Some(&z)) = (b.first(), b.last()) {
            if b.len() < 64
                && name.is_ascii()
                && (self.non_actor_lens[len_slot(c)] & (1 << b.len()) == 0
                    || self.non_actor_tails[b.len()] & (1 << (z & 31)) == 0)
            {
                return false;
            }
        }
        self.is_non_actor_lookup(name)
    }

    #[inline(never)]
    fn is_non_actor_lookup(&self, name: &str) -> bool {
        !self.non_actors.is_empty() && with_lower(name, |l| self.non_actors.contains(l))
    }

    /// Leftmost-longest matches that start and end on word boundaries.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = ActorMatch> + 'a {
        self.automaton
            .find_iter(text)
            .filter(move |m| is_word_bounded(text, m.start(), m.end()))
            .map(|m| ActorMatch {
                start: m.start(),
                end: m.end(),
                row: m.pattern().as_usize(),
            })
    }

    /// The longest match that starts exactly at `start` and ends on a word boundary at or
    /// before `end`.
    #[inline]
    pub fn find_at(&self, text: &str, start: usize, end: usize) -> Option<ActorMatch> {
        let (s, e, row) = self.anchored.find_word(text, start, end)?;
        Some(ActorMatch {
            start: s,
            end: e,
            row,
        })
    }

    /// The row with exactly this surface form.
    pub fn get(&self, name: &str) -> Option<&ActorRow> {
        self.by_name.get(name).map(|&i| &self.rows[i])
    }
}

/// A filter over a set of words: per length under 32 and first byte's five low bits, a bit
/// per last byte's five low bits (`may_be_in`).
fn length_end_bits<'a>(words: impl IntoIterator<Item = &'a String>) -> Box<[[u32; 32]; 32]> {
    let mut bits = Box::new([[0u32; 32]; 32]);
    for w in words {
        let b = w.as_bytes();
        if let (Some(&f), Some(&z)) = (b.first(), b.last()) {
            if b.len() < 32 {
                bits[b.len()][usize::from(f & 31)] |= 1 << (z & 31);
            }
        }
    }
    bits
}

/// False when no word of the set `length_end_bits` made has this length and these first
/// and last bytes (any ASCII case); true when one may (and for an empty or long word).
#[inline]
fn may_be_in(bits: &[[u32; 32]; 32], b: &[u8]) -> bool {
    match (b.first(), b.last()) {
        (Some(&f), Some(&z)) if b.len() < 32 => {
            bits[b.len()][usize::from(f & 31)] & (1 << (z & 31)) != 0
        }
        _ => true,
    }
}

/// The slot of `Actors::non_actor_lens` for a name's first byte: a-z (any case), else 26.
fn len_slot(c: u8) -> usize {
    let c = c.to_ascii_lowercase();
    if c.is_ascii_lowercase() {
        (c - b'a') as usize
    } else {
        26
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either side.
#[inline]
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    // ASCII bytes on both sides (nearly always): tested as bytes, no char decoded. An ASCII
    // byte is a whole char, and the chars next to it start and end on its sides.
    let b = text.as_bytes();
    let before = match start.checked_sub(1) {
        None => Some(b' '),
        Some(i) => b.get(i).copied().filter(u8::is_ascii),
    };
    let after = if end == b.len() {
        Some(b' ')
    } else {
        b.get(end).copied().filter(u8::is_ascii)
    };
    if let (Some(x), Some(y)) = (before, after) {
        let dot = end > 0 && b[end - 1] == b'.';
        return !x.is_ascii_alphanumeric() && (dot || !y.is_ascii_alphanumeric());
    }
    is_word_bounded_by_chars(text, start, end)
}

/// `is_word_bounded` by chars (a neighbour past ASCII; the test of the byte path).
fn is_word_bounded_by_chars(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // a match ending in '.' (U.S.) may be followed by anything
    !glued(before) && (text[..end].ends_with('.') || !glued(after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{Anchored, Input};

    /// Sentences of our own with names at word ends, before hyphens, dots and apostrophes.
    const FILTER_TEXT: &str = "U.S. officials met Iran's Foreign Minister in Kabul; UN-backed \
        talks, the E.U.-led plan, Pres. Ali's visit to Washington D.C., the Prime Minister \
        of Iraq and Lt. Gen. Mark Milley. NATO, Hamas and the Taliban; Moscow-Kyiv talks. \
        Secretary-General said. Minister: Saudi Arabia's king and President Xi.";

    #[test]
    fn start_filter_never_hides_a_bounded_match() {
        let lex = crate::lexicon::Lexicon::builtin();
        let text = FILTER_TEXT;
        let mut found = 0;
        for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if let Some(m) = lex.titles.find_at_unfiltered(text, at, text.len()) {
                found += 1;
                assert!(lex.titles.may_start_at(text, m.0), "title at {at}");
            }
        }
        assert!(
            found > 5,
            "only {found} matches: the test text lost its titles"
        );
    }

    #[test]
    fn trie_finds_what_the_anchored_search_finds() {
        let lex = crate::lexicon::Lexicon::builtin();
        let actors: Vec<&str> = lex.actors.rows.iter().map(|r| r.name.as_str()).collect();
        let titles: Vec<&str> = lex.titles.rows.iter().map(|r| r.title.as_str()).collect();
        // ends short of the text too: a match must not run past `end`
        let text = format!("{FILTER_TEXT} united states foreign MINISTER Iran’s “Iraq”");
        let mut found = 0;
        for (pats, fold) in [(&actors, false), (&titles, true)] {
            let ac = anchored_automaton(pats.iter().copied(), fold).unwrap();
            let trie = AnchoredTrie::new(pats.iter().copied(), fold);
            let check = |text: &str, at: usize, end: usize| {
                let input = Input::new(text).span(at..end).anchored(Anchored::Yes);
                let want = ac
                    .find(input)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()));
                assert_eq!(
                    trie.find(text.as_bytes(), at, end),
                    want,
                    "{text:?} {at}..{end}"
                );
                // the head filter hides no word-bounded match
                let bounded = want.filter(|m| is_word_bounded(text, m.0, m.1));
                assert_eq!(
                    trie.find_word(text, at, end),
                    bounded,
                    "{text:?} {at}..{end}"
                );
                want.is_some()
            };
            for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in [text.len(), (at + 7).min(text.len())] {
                    found += usize::from(check(&text, at, end));
                }
            }
            // every pattern, in its own case and in capitals, whole and cut short by a byte,
            // and followed by what ends a word or not
            for p in pats.iter() {
                for t in [
                    format!("{p} x"),
                    format!("{} x", p.to_uppercase()),
                    p.to_string(),
                    format!("{p}’s"),
                    format!("{p}-x"),
                    format!("{p}s"),
                    format!("{}.", p.to_lowercase()),
                ] {
                    check(&t, 0, t.len());
                    check(&t, 0, p.len().saturating_sub(1));
                }
            }
        }
        assert!(
            found > 40,
            "only {found} matches: the test text lost its names"
        );
    }

    #[test]
    fn word_bounds_by_bytes_are_the_bounds_by_chars() {
        for text in [
            "",
            "a",
            "U.S.-led Iran’s é1 Zarif, (NATO) x.y",
            "éa.b’c d",
            "a b.",
            ".ü",
        ] {
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &s in &cuts {
                for &e in cuts.iter().filter(|&&e| e >= s) {
                    assert_eq!(
                        is_word_bounded(text, s, e),
                        is_word_bounded_by_chars(text, s, e),
                        "{text:?} {s}..{e}"
                    );
                }
            }
        }
    }

    #[test]
    fn head_jumps_keep_what_the_walk_finds() {
        // an empty pattern, digits, a head past eight bytes, one cut by `end`, `end` past the
        // text, case folded and not
        let pats = [
            "",
            "X",
            "Mr",
            "Al",
            "Al-Qaeda",
            "G7",
            "G20",
            "Afghanistan",
            "Afghanistani",
            "U.S.",
            // the two bytes after a head: a walk on, a stop within them, a pattern ending
            // one byte after its head
            "Al Jazeera",
            "G7 summit",
            "G7 s",
            "Afghanistan.",
        ];
        let text = "G7 G20 g20 AL Al-Qaeda Afghanistan’s Afghanistanis U.S.-led Al X, Mr. x mr Xa \
            Al Jazeera Al Jazira al jazeera G7 summit G7 sum G7 SUMMIT G7 Summit Afghanistan.x";
        for fold in [false, true] {
            for skip in [0, 1] {
                let trie = AnchoredTrie::new(pats[skip..].iter().copied(), fold);
                for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    for end in [text.len(), (at + 3).min(text.len()), text.len() + 1] {
                        let want = trie
                            .find(text.as_bytes(), at, end)
                            .filter(|m| is_word_bounded(text, m.0, m.1));
                        assert_eq!(trie.find_word(text, at, end), want, "{at}..{end} {fold}");
                    }
                }
            }
        }
    }

    #[test]
    fn head_key_from_eight_bytes_is_the_key_by_bytes() {
        let text =
            "Al-Qaeda G20 g7x Afghanistanis U.S.-led é1 Zarif’s 12345678 abcdefghij AZ az @[`{ /:";
        for fold in [false, true] {
            for at in 0..text.len() {
                let b = &text.as_bytes()[at..];
                assert_eq!(
                    HeadJump::key(b, fold),
                    HeadJump::key_by_bytes(b, fold),
                    "{at} {fold}"
                );
            }
        }
    }

    #[test]
    fn eight_bytes_lowercase_as_one_at_a_time() {
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', b'Z', 0x80 | b'A', b'`']);
            let want: Vec<u8> = w.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(
                ascii_lowercase_u64(w).to_le_bytes().to_vec(),
                want,
                "byte {b}"
            );
        }
    }

    #[test]
    fn start_filter_keeps_every_pattern() {
        let pats = ["UN", "Iran", "The Hague", "Islamic Republic", "E", "Abcdef"];
        let f = StartFilter::new(pats, false);
        for p in pats {
            let text = format!("x {p} y");
            assert!(f.may_start(&text, 2), "{p}");
        }
        let folded = StartFilter::new(["Foreign Minister"], true);
        assert!(folded.may_start("the foreign minister", 4));
        assert!(!StartFilter::new(["Iran"], false).may_start("Iraq", 0));
    }

    #[test]
    fn user_rows_are_found() {
        let extra = vec![ActorRow {
            name: "Zorblaxia".into(),
            kind: EntityKind::Country,
            code: Some("ZZZ".into()),
            canonical: "Zorblaxia".into(),
            agent: None,
            flags: vec![],
        }];
        let a = Actors::build(&extra).unwrap();
        let text = "Talks with Zorblaxia, not Zorblaxian.";
        let found: Vec<_> = a
            .find_iter(text)
            .filter(|m| a.rows[m.row].name == "Zorblaxia")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Zorblaxia");
    }
}
