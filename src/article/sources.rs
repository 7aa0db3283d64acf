//! Outlets and agencies an article credits or cites: the lexicon's `outlet` rows found in
//! the text (body, captions, headline, header, credit lines and licence lines), names in a
//! dateline's parentheses, parts of credit lines (`AFP/Al Arabiya`, `By Xinhua`), and the
//! pattern `<Name> news agency`. Names are kept as written, except that a lowercase
//! `news agency` after the name is dropped (`the Fars news agency` -> `Fars`). An outlet
//! name that is also a common word (`ambiguous` flag: `Dawn`, `Times`) needs a reporting
//! cue (`told`, `according to`, `reported`) or a credit line. Boilerplate blurbs
//! (`About <site>`), tag lines and related-story links are not read.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

use super::boilerplate::{
    credit, is_staff_credit, licence_hints, licence_hints_sharing, Credit, LICENCE_FRAGMENTS,
};
use super::dateline::Dateline;
use super::{Region, RegionKind};
use crate::dates::parse::WEEKDAY_NAMES;
use crate::entities::EntityKind;
use crate::lexicon::actors::is_word_bounded;
use crate::lexicon::Lexicon;
use crate::text::Span;

/// One candidate: where it is, what to print, and the key it is deduplicated by.
struct Cand {
    pos: usize,
    name: String,
    key: String,
}

/// Where `text` holds `gency`, the shared tail of `news agency` in any case: one search of
/// the document (a search per region costs more in start-up than in searching).
fn gency_positions(text: &str) -> Vec<usize> {
    static GENCY: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = GENCY.get_or_init(|| memchr::memmem::Finder::new(b"gency"));
    finder.find_iter(text.as_bytes()).collect()
}

/// Spans of `news agency` (any case) inside `span` of `text`, relative to its start: the
/// positions of `gency` (`gency_positions`), then a check of what precedes each.
fn agency_mentions<'a>(
    text: &'a str,
    span: Span,
    gency: &'a [usize],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let from = gency.partition_point(|&g| g < span.start + 6);
    gency[from..]
        .iter()
        .take_while(move |&&g| g + 5 <= span.end)
        .filter_map(move |&g| {
            let head = &text.as_bytes()[g - 6..g + 5];
            head.eq_ignore_ascii_case(b"news agency")
                .then_some((g - 6 - span.start, g + 5 - span.start))
        })
}

/// The built-in lexicon's outlet names, searched from word starts only (a name is word
/// bounded): a few byte tests rule out most word starts, and a table of the names' first
/// bytes finds the longest name at the rest. Several times faster than an unanchored scan
/// of every byte. A user-extended lexicon takes the full actor scan.
struct OutletIndex {
    names: NameTable,
    rows: Vec<usize>,
    /// Per byte: `FIRST` when some name starts with it (most bytes of running text,
    /// lowercase letters and spaces, start none), `ALNUM` for an ASCII letter or digit.
    class: [u8; 256],
    /// Bit `b0 << 8 | b1` set when some name starts with bytes `b0 b1` (any `b1` for a
    /// one-byte name): rules out the common words (`the`, `in`) that share a first byte
    /// with a lowercase name (`taz`, `i24`) before the costlier key filter.
    pairs: Vec<u64>,
    /// Bits (hashed, `key_slot`) of the names' table keys (`key_of`: their first bytes, at
    /// most `PREFIX`): a word start whose first bytes, cut to each key length a name of its
    /// first two bytes has (`NameTable::pair_lens`), set no bit starts no name. Rules out
    /// most capitalised words (`Minister` where `Mint` is a name, `China` where only
    /// `China Daily` is) in a few instructions each, before the table's look-ups.
    keys: Vec<u64>,
    /// Some name is empty: every char start is a candidate.
    any: bool,
    /// The names whose first byte is not `opens_capital` (`taz`, `i24NEWS`, `9News`): the
    /// scan of `next_candidate` looks only at capitals, which passes over the lowercase
    /// words of running text in a few instructions per eight bytes; these few names are
    /// found by one search of the document instead, which the licence screen and the
    /// search for `gency` share (the automaton holds `LICENCE_FRAGMENTS` first, then these
    /// names, then `gency`: see `scan_document`). `None` when some name is empty.
    screen: Option<AhoCorasick>,
}

const KEY_LOG: u32 = 16;

#[inline]
fn key_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KEY_LOG)) as usize
}

#[inline]
fn has_bit(bits: &[u64], k: usize) -> bool {
    bits[k >> 6] & (1 << (k & 63)) != 0
}

/// The first eight bytes of `rest`, little-endian, zeros past its end.
#[inline]
fn head_word(rest: &[u8]) -> u64 {
    match rest.get(..8) {
        Some(head) => u64::from_le_bytes(head.try_into().unwrap_or([0; 8])),
        None => {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(w)
        }
    }
}

/// The table key of the first `n` bytes (1 to 8) of `w` (`head_word`), as `key_of`.
#[inline]
fn key_of_head(w: u64, n: usize) -> u64 {
    w & (u64::MAX >> (64 - 8 * n)) | (n as u64) << 56
}

impl OutletIndex {
    #[inline]
    fn may_start_pair(&self, b0: u8, b1: u8) -> bool {
        has_bit(&self.pairs, (b0 as usize) << 8 | b1 as usize)
    }

    /// Could a name start at `rest` (after `may_start_pair`)? Some key length of its first
    /// two bytes whose key sets its bit in `keys`. The definition `is_candidate` inlines,
    /// for the tests.
    #[cfg(test)]
    fn may_start(&self, rest: &[u8]) -> bool {
        if self.any {
            return true;
        }
        let (b0, b1) = (rest[0], rest.get(1).copied().unwrap_or(0));
        let mut lens = self.names.pair_lens[(b0 as usize) << 8 | b1 as usize];
        let w = head_word(rest);
        while lens != 0 {
            let n = lens.trailing_zeros() as usize + 1;
            if has_bit(&self.keys, key_slot(key_of_head(w, n))) {
                return true;
            }
            lens &= lens - 1;
        }
        false
    }
}

/// Names by their first `PREFIX` bytes (all of a shorter name): an open-addressing hash
/// table from that prefix to the names holding it, so that the longest name at a position
/// is a few look-ups and comparisons. It answers what an anchored leftmost-longest
/// Aho-Corasick search over the names answers (the longest name; of equal ones, the
/// first), and costs a fraction of that automaton to build (built once, but in every run).
struct NameTable {
    names: Vec<&'static [u8]>,
    /// (key, start, end) into `ids`; key 0 is an empty slot (a key holds its length).
    slots: Vec<(u64, u32, u32)>,
    log: u32,
    /// Name numbers grouped by key, ascending within a group.
    ids: Vec<u32>,
    /// Per first two bytes `b0 << 8 | b1`: bit `n - 1` set when a key of length `n` starts
    /// with them (a key of one byte, whatever follows it), so that most look-ups probe one
    /// or two lengths.
    pair_lens: Vec<u8>,
    /// The first empty name, which matches anywhere.
    empty: Option<usize>,
}

const PREFIX: usize = 6;

impl NameTable {
    fn new(names: Vec<&'static [u8]>) -> NameTable {
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        let mut empty = None;
        for (i, n) in names.iter().enumerate() {
            if n.is_empty() {
                empty = empty.or(Some(i));
            } else {
                keyed.push((key_of(&n[..n.len().min(PREFIX)]), i as u32));
            }
        }
        keyed.sort_unstable();
        let groups = keyed.chunk_by(|a, b| a.0 == b.0).count();
        let log = ((groups * 2).max(64).next_power_of_two()).trailing_zeros();
        let mut t = NameTable {
            ids: keyed.iter().map(|k| k.1).collect(),
            names,
            slots: vec![(0, 0, 0); 1 << log],
            log,
            pair_lens: vec![0; 1 << 16],
            empty,
        };
        let mut start = 0;
        for g in keyed.chunk_by(|a, b| a.0 == b.0) {
            let key = g[0].0;
            let mut h = t.slot(key);
            while t.slots[h].0 != 0 {
                h = (h + 1) & (t.slots.len() - 1);
            }
            t.slots[h] = (key, start as u32, (start + g.len()) as u32);
            start += g.len();
            let len = (key >> 56) as usize;
            let b0 = (key & 0xff) as usize;
            match len {
                1 => (0..256).for_each(|b1| t.pair_lens[b0 << 8 | b1] |= 1),
                _ => t.pair_lens[b0 << 8 | (key >> 8 & 0xff) as usize] |= 1 << (len - 1),
            }
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.log)) as usize
    }

    /// The names whose key is `key`.
    #[inline]
    fn group(&self, key: u64) -> &[u32] {
        let mut h = self.slot(key);
        loop {
            let (k, a, b) = self.slots[h];
            if k == key {
                return &self.ids[a as usize..b as usize];
            }
            if k == 0 {
                return &[];
            }
            h = (h + 1) & (self.slots.len() - 1);
        }
    }

    /// The longest name that `rest` starts with (the first of equal ones): its number.
    #[inline]
    fn longest_at(&self, rest: &[u8]) -> Option<usize> {
        let Some(&b0) = rest.first() else {
            return self.empty;
        };
        let mut lens =
            self.pair_lens[(b0 as usize) << 8 | rest.get(1).copied().unwrap_or(0) as usize];
        let w = head_word(rest);
        // the key lengths of the names opening with these two bytes, longest first
        while lens != 0 {
            let n = 8 - lens.leading_zeros() as usize;
            lens &= !(1 << (n - 1));
            if n > rest.len() {
                continue;
            }
            let key = key_of_head(w, n);
            let mut best: Option<(usize, usize)> = None;
            for &id in self.group(key) {
                let name = self.names[id as usize];
                if best.map_or(true, |(l, _)| name.len() > l) && rest.starts_with(name) {
                    best = Some((name.len(), id as usize));
                }
            }
            // a name of this key is longer than any of a shorter key
            if let Some((_, id)) = best {
                return Some(id);
            }
        }
        self.empty
    }
}

/// The table key of a name's first bytes (at most `PREFIX`): the bytes, and their number in
/// the top byte (never 0 for a name of one byte or more).
fn key_of(b: &[u8]) -> u64 {
    let mut k = (b.len() as u64) << 56;
    for (i, &c) in b.iter().enumerate() {
        k |= (c as u64) << (8 * i);
    }
    k
}

fn builtin_outlets(lex: &Lexicon) -> Option<&'static OutletIndex> {
    if !std::ptr::eq(lex, Lexicon::builtin()) {
        return None;
    }
    static IDX: OnceLock<Option<OutletIndex>> = OnceLock::new();
    IDX.get_or_init(|| {
        let lex: &'static Lexicon = Lexicon::builtin();
        let rows: Vec<usize> = (0..lex.actors.rows.len())
            .filter(|&i| lex.actors.rows[i].has_flag("outlet"))
            .collect();
        let names = || rows.iter().map(|&i| lex.actors.rows[i].name.as_str());
        let table = NameTable::new(names().map(str::as_bytes).collect());
        let mut class = [0u8; 256];
        for (b, k) in class.iter_mut().enumerate() {
            if (b as u8).is_ascii_alphanumeric() {
                *k = ALNUM;
            }
        }
        let mut pairs = vec![0u64; 1 << 10];
        let mut keys = vec![0u64; 1 << (KEY_LOG - 6)];
        let set = |bits: &mut Vec<u64>, k: usize| bits[k >> 6] |= 1 << (k & 63);
        let mut any = false;
        for name in names() {
            let b = name.as_bytes();
            match *b {
                [b0, b1, ..] => {
                    class[b0 as usize] |= FIRST;
                    set(&mut pairs, (b0 as usize) << 8 | b1 as usize);
                }
                [b0] => {
                    class[b0 as usize] |= FIRST;
                    (0..256).for_each(|b1| set(&mut pairs, (b0 as usize) << 8 | b1));
                }
                // an empty name matches anywhere: every char start is a candidate
                [] => {
                    any = true;
                    (0..256).filter(|b| b & 0xC0 != 0x80).for_each(|b0| {
                        class[b0] |= FIRST;
                        (0..256).for_each(|b1| set(&mut pairs, b0 << 8 | b1));
                    })
                }
            }
            if !b.is_empty() {
                set(&mut keys, key_slot(key_of(&b[..b.len().min(PREFIX)])));
            }
        }
        let rare: Vec<&str> = names()
            .filter(|n| n.as_bytes().first().is_some_and(|&b| !opens_capital(b)))
            .collect();
        let screen = (!any).then(|| {
            // leftmost-first keeps the SIMD prefilter; every start is reached by searching
            // again one byte on (`licence_hints_sharing`)
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .build(LICENCE_FRAGMENTS.iter().chain(&rare).chain(&["gency"]))
                .expect("outlet names")
        });
        Some(OutletIndex {
            names: table,
            rows,
            class,
            pairs,
            keys,
            any,
            screen,
        })
    })
    .as_ref()
}

const FIRST: u8 = 1;
const ALNUM: u8 = 2;

/// Can a name that the scan of `next_candidate` looks for open with byte `b`: `0x40..=0x5F`
/// (the ASCII capitals) or `0xC0..=0xDF` (the first byte of a two-byte char: accented
/// Latin, Greek, Cyrillic capitals)? Names opening with any other byte (a lowercase letter,
/// a digit) are `OutletIndex::rare`.
#[inline]
fn opens_capital(b: u8) -> bool {
    b & 0x60 == 0x40
}

/// The first position from `from` whose byte is `opens_capital`, follows no ASCII letter or
/// digit (or is the first byte) and passes `is_candidate`. Eight bytes at a time: the class
/// is two bits of each byte (`capital_like`, three instructions), so that the lowercase
/// words of running text cost no test of their own and only the capitals are looked at.
/// Names opening with another byte are not looked for here (`rare_starts`); with an empty
/// name, every char start is tried.
#[inline(never)]
fn next_candidate(idx: &OutletIndex, bytes: &[u8], from: usize) -> Option<usize> {
    let n = bytes.len();
    // inlined: a call per capital costs more than its test
    #[inline(always)]
    fn hit(idx: &OutletIndex, bytes: &[u8], at: usize) -> bool {
        after_word_break(bytes, at) && is_candidate(idx, bytes, at)
    }
    if idx.any {
        return (from..n).find(|&at| hit(idx, bytes, at));
    }
    let mut j = from;
    while let Some(c) = bytes.get(j..j + 8) {
        let mut m = capital_like(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        while m != 0 {
            let k = j + (m.trailing_zeros() / 8) as usize;
            if hit(idx, bytes, k) {
                return Some(k);
            }
            m &= m - 1;
        }
        j += 8;
    }
    (j..n).find(|&at| opens_capital(bytes[at]) && hit(idx, bytes, at))
}

/// Is `at` the first byte, or after one that is not an ASCII letter or digit?
#[inline(always)]
fn after_word_break(bytes: &[u8], at: usize) -> bool {
    at == 0 || !bytes[at - 1].is_ascii_alphanumeric()
}

/// What one search of a document finds for the article stage: the licence hints
/// (`boilerplate::licence_hints`), the positions where names of `OutletIndex::screen` may
/// start (a sorted superset of their starts), and the positions of `gency`
/// (`gency_positions`).
pub struct Scan {
    pub hints: Vec<usize>,
    rare: Vec<usize>,
    gency: Vec<usize>,
}

/// The `Scan` of `text`: one search of the document for the licence fragments, the outlet
/// names the capitals scan leaves out, and `gency`.
pub fn scan_document(text: &str, lex: &Lexicon) -> Scan {
    match builtin_outlets(lex).and_then(|idx| idx.screen.as_ref()) {
        Some(screen) => {
            let (mut rare, mut gency) = (Vec::new(), Vec::new());
            let hints = licence_hints_sharing(screen, text, &mut |p| {
                rare.push(p);
                if text.as_bytes()[p..].starts_with(b"gency") {
                    gency.push(p);
                }
            });
            Scan { hints, rare, gency }
        }
        None => Scan {
            hints: licence_hints(text),
            rare: Vec::new(),
            gency: gency_positions(text),
        },
    }
}

/// Is `at` (after a byte that is not alphanumeric, or the first byte) a candidate: a byte
/// that starts some name (`FIRST`), two that do (`may_start_pair`), and `may_start`? The
/// table of key lengths by first two bytes answers the first two (no name, no length), and
/// the bloom test follows inlined. Inlined into the scan: a call per capital costs more
/// than the test.
#[inline(always)]
fn is_candidate(idx: &OutletIndex, bytes: &[u8], at: usize) -> bool {
    let Some(&b0) = bytes.get(at) else {
        return false;
    };
    if idx.any {
        // every char start (`FIRST` for every byte but a continuation byte)
        return idx.class[b0 as usize] & FIRST != 0;
    }
    let rest = &bytes[at..];
    // a missing byte reads as 0: a name that needs it fails the anchored search anyway
    let b1 = rest.get(1).copied().unwrap_or(0);
    let mut lens = idx.names.pair_lens[(b0 as usize) << 8 | b1 as usize];
    if lens == 0 {
        return false;
    }
    let w = head_word(rest);
    while lens != 0 {
        let n = lens.trailing_zeros() as usize + 1;
        if has_bit(&idx.keys, key_slot(key_of_head(w, n))) {
            return true;
        }
        lens &= lens - 1;
    }
    false
}

/// Bit 6 of each of eight bytes set when the byte is `opens_capital`: bit 6 set and bit 5
/// clear (`w << 1` brings each byte's bit 5 to bit 6).
#[inline]
fn capital_like(w: u64) -> u64 {
    w & !(w << 1) & 0x4040_4040_4040_4040
}

/// Is byte `at` of `seg` (a char boundary) a word start: an alphanumeric char after one
/// that is not?
fn is_word_start(seg: &str, at: usize) -> bool {
    let b = seg.as_bytes();
    let alnum_at = match b[at] {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => seg[at..].chars().next().is_some_and(char::is_alphanumeric),
    };
    let alnum_before = match at.checked_sub(1).map(|p| b[p]) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => seg[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    };
    alnum_at && !alnum_before
}

/// Outlet mentions in `seg`: (start, end, actor row), leftmost-longest, not overlapping.
#[cfg(test)]
pub(crate) fn outlet_mentions(lex: &Lexicon, seg: &str) -> Vec<(usize, usize, usize)> {
    let scan = scan_document(seg, lex);
    let mut out = Vec::new();
    outlet_mentions_into(lex, seg, &scan.rare, 0, &mut out);
    out
}

/// `outlet_mentions` appended to `out` (one buffer for all regions of a document). `rare`
/// holds the rare starts of the document (`scan_document`; its positions in `seg`
/// less `base`): the sorted positions from `seg`'s start on.
fn outlet_mentions_into(
    lex: &Lexicon,
    seg: &str,
    rare: &[usize],
    base: usize,
    out: &mut Vec<(usize, usize, usize)>,
) {
    match builtin_outlets(lex) {
        Some(idx) => {
            let mut taken = 0;
            let bytes = seg.as_bytes();
            let mut rare = rare
                .iter()
                .map(|&p| p - base)
                .take_while(|&p| p < bytes.len())
                .peekable();
            let mut main = next_candidate(idx, bytes, 0);
            loop {
                // the next position of the two searches (never the same: `opens_capital`)
                let at = match (main, rare.peek()) {
                    (Some(m), Some(&r)) if r < m => rare.next(),
                    (Some(m), _) => {
                        main = next_candidate(idx, bytes, m + 1);
                        Some(m)
                    }
                    (None, _) => rare.next(),
                };
                let Some(at) = at else { break };
                let c = bytes[at];
                let next = bytes.get(at + 1).copied().unwrap_or(0);
                if at < taken || !idx.may_start_pair(c, next) || !is_word_start(seg, at) {
                    continue;
                }
                if let Some(id) = idx.names.longest_at(&bytes[at..]) {
                    let end = at + idx.names.names[id].len();
                    if is_word_bounded(seg, at, end) {
                        out.push((at, end, idx.rows[id]));
                        taken = end;
                    }
                }
            }
        }
        None => out.extend(
            lex.actors
                .find_iter(seg)
                .filter(|m| lex.actors.rows[m.row].has_flag("outlet"))
                .map(|m| (m.start, m.end, m.row)),
        ),
    }
}

/// Words that may open a run of capitalised words without being part of a name (and the
/// weekday names, `WEEKDAY_NAMES`).
const OPENERS: &[&str] = &[
    "The",
    "On",
    "In",
    "At",
    "A",
    "An",
    "And",
    "By",
    "For",
    "From",
    "Of",
    "To",
    "With",
    "As",
    "But",
    "Iran's",
    "Semi-official",
    "State-run",
    "Official",
    "According",
];

fn dedupe_key(lex: &Lexicon, name: &str) -> String {
    if let Some(r) = lex.actors.get(name) {
        return r.canonical.as_str().to_lowercase();
    }
    let l = name.to_lowercase();
    let l = l.strip_prefix("the ").unwrap_or(&l).to_string();
    l.strip_suffix(" news agency")
        .map(str::to_string)
        .unwrap_or(l)
}

/// A reporting cue next to an ambiguous outlet name at `text[s..e]`.
fn has_cue(text: &str, s: usize, e: usize) -> bool {
    let before = &text[super::floor(text, s.saturating_sub(40))..s];
    let before = before.trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before)
        .trim_end();
    let after = &text[e..super::floor(text, e + 30)];
    let after = after.trim_start_matches(['\'', '’', 's']).trim_start();
    const PRE: &[&str] = &[
        "told",
        "according to",
        "quoted by",
        "cited by",
        "reported by",
        "interview with",
        "writing in",
        "wrote in",
        "speaking to",
        "by",
        "to",
    ];
    const POST: &[&str] = &[
        "reported",
        "reports",
        "said",
        "quoted",
        "cited",
        "newspaper",
        "daily",
        "wrote",
        "has learned",
        "learned",
        "website",
        "correspondent",
        "reporter",
        "editorial",
        "news",
        "journalist",
    ];
    PRE.iter().any(|p| {
        before.ends_with(p)
            && before[..before.len() - p.len()].ends_with(|c: char| !c.is_alphanumeric())
    }) || POST.iter().any(|p| after.starts_with(p))
}

/// Find the sources of one article. `licences` are licence lines among the boilerplate.
pub fn find(
    text: &str,
    regions: &[Region],
    licences: &[Span],
    dateline: Option<&Dateline>,
    lex: &Lexicon,
) -> Vec<String> {
    find_scanned(
        text,
        regions,
        licences,
        dateline,
        lex,
        &scan_document(text, lex),
        &[],
    )
}

/// `find`, given the document's `scan_document` (the article stage has searched the
/// document once for what both need) and how some credit regions read (`credit` of the
/// region's text, by its start: the article stage has read them), the others read here.
pub fn find_scanned(
    text: &str,
    regions: &[Region],
    licences: &[Span],
    dateline: Option<&Dateline>,
    lex: &Lexicon,
    scan: &Scan,
    credits: &[(usize, Credit)],
) -> Vec<String> {
    let (rare, gency) = (&scan.rare, &scan.gency);
    let mut cands: Vec<Cand> = Vec::new();
    let mut push = |pos: usize, name: &str| {
        let name = name.trim().trim_end_matches(['.', ',', ';', ':']);
        // a name seen before needs no lexicon look-up (most mentions repeat)
        if !name.is_empty() && !cands.iter().any(|c| c.name == name) {
            cands.push(Cand {
                pos,
                name: name.to_string(),
                key: dedupe_key(lex, name),
            });
        }
    };
    if let Some(d) = dateline {
        for s in &d.sources {
            push(s.start, s.slice(text));
        }
    }
    // the regions read, then the licence lines (no list built)
    let spans = regions
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                RegionKind::Body
                    | RegionKind::Caption
                    | RegionKind::Title
                    | RegionKind::Header
                    | RegionKind::Credit
            )
        })
        .map(|r| (r.span(), r.kind))
        .chain(licences.iter().map(|s| (*s, RegionKind::Boilerplate)));
    let mut mentions = Vec::new();
    for (span, kind) in spans {
        let seg = span.slice(text);
        let in_credit = kind == RegionKind::Credit || kind == RegionKind::Boilerplate;
        mentions.clear();
        let from = rare.partition_point(|&p| p < span.start);
        outlet_mentions_into(lex, seg, &rare[from..], span.start, &mut mentions);
        for &(ms, me, row) in &mentions {
            let row = &lex.actors.rows[row];
            let (s, e) = (span.start + ms, span.start + me);
            let after = &text[e..];
            // part of a longer capitalised name ("Guardian Council") or a region ("Fars province")
            let next_word = after.strip_prefix(' ').unwrap_or("");
            if next_word.starts_with(|c: char| c.is_uppercase()) && !text[..e].ends_with('.') {
                continue;
            }
            if ["province", "region", "governorate", "county"]
                .iter()
                .any(|w| next_word.starts_with(w))
            {
                continue;
            }
            if row.has_flag("ambiguous") && !in_credit && !has_cue(text, s, e) {
                continue;
            }
            let surface = &text[s..e];
            let name = surface.strip_suffix(" news agency").unwrap_or(surface);
            push(s, name);
        }
        // `<Name> news agency` with a name the lexicon lacks
        for (ms, me) in agency_mentions(text, span, gency) {
            let head = &seg[..ms];
            let mut words: Vec<&str> = Vec::new();
            for w in head.split(' ').rev().skip(1) {
                let starts_cap = w.chars().next().is_some_and(|c| c.is_uppercase());
                if !starts_cap || words.len() == 3 || w.ends_with([',', '.', ';', ':', ')']) {
                    break;
                }
                words.push(w);
            }
            words.reverse();
            // "the Iranian Tasnim news agency": the adjective is not part of the name; in a
            // capitalised "Iran Press News Agency" the country is
            let lower = seg[ms..].starts_with("news agency");
            while words.first().is_some_and(|w| {
                OPENERS.contains(w)
                    || WEEKDAY_NAMES.contains(w)
                    || lower
                        && lex
                            .actors
                            .get(w)
                            .is_some_and(|r| r.kind == EntityKind::Country)
            }) {
                words.remove(0);
            }
            if words.is_empty() || !head.ends_with(' ') {
                continue;
            }
            let name_len: usize = words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1;
            let name_start = ms - 1 - name_len;
            let end = if lower { ms - 1 } else { me };
            if seg.is_char_boundary(name_start) {
                push(span.start + name_start, &seg[name_start..end]);
            }
        }
        // credit lines: name-like parts the lexicon lacks (`AFP/Al Arabiya`, `Getty Images`)
        if kind == RegionKind::Credit {
            let kind_of = match credits.iter().find(|c| c.0 == span.start) {
                Some(&(_, c)) => Some(c),
                None => credit(lex, seg),
            };
            let body = seg.trim_start_matches('(').trim_end_matches(')');
            let body = [
                "By ",
                "by ",
                "Source: ",
                "Source:",
                "Sources: ",
                "Credit: ",
                "Photo: ",
            ]
            .iter()
            .find_map(|p| body.strip_prefix(p))
            .unwrap_or(body);
            // a byline names people ("By Sara Lind, Reuters"): only its outlets count
            let byline = seg.starts_with("By ") || seg.starts_with("by ") || is_staff_credit(seg);
            for part in body.split(['/', ',']).map(str::trim) {
                let part = part.strip_suffix(" Photo").unwrap_or(part);
                if part.is_empty() {
                    continue;
                }
                let keep = match kind_of {
                    Some(Credit::Article) if !byline => {
                        part.chars().any(|c| c.is_lowercase()) || lex.actors.get(part).is_some()
                    }
                    Some(Credit::Article) => {
                        lex.actors.get(part).is_some_and(|r| r.has_flag("outlet"))
                    }
                    Some(Credit::Photo) => {
                        part.ends_with(" Images")
                            || lex.actors.get(part).is_some_and(|r| r.has_flag("outlet"))
                    }
                    None => false,
                };
                if keep
                    && !lex
                        .actors
                        .get(part)
                        .is_some_and(|r| r.kind != EntityKind::Org)
                {
                    let off = part.as_ptr() as usize - seg.as_ptr() as usize;
                    push(span.start + off, part);
                }
            }
        }
    }
    cands.sort_by_key(|c| c.pos);
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for c in cands {
        if !keys.contains(&c.key) {
            keys.push(c.key);
            out.push(c.name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in outlet table, its names, and the anchored automaton of those names
    /// (the definition the table's searches are checked against).
    fn outlet_names(
        lex: &'static Lexicon,
    ) -> (
        &'static OutletIndex,
        Vec<&'static str>,
        aho_corasick::AhoCorasick,
    ) {
        let idx = builtin_outlets(lex).expect("builtin outlets");
        let names: Vec<&str> = idx
            .rows
            .iter()
            .map(|&r| lex.actors.rows[r].name.as_str())
            .collect();
        let ac = crate::lexicon::actors::anchored_automaton(names.iter().copied(), false)
            .expect("automaton");
        (idx, names, ac)
    }

    #[test]
    fn name_table_finds_what_the_anchored_automaton_finds() {
        use aho_corasick::{Anchored, Input};
        let lex = Lexicon::builtin();
        let (idx, names, ac) = outlet_names(lex);
        // every name, cut short, run on and glued to the next; and some tables of our own
        let mut text = String::new();
        for (k, n) in names.iter().enumerate() {
            text.push_str(n);
            text.push_str([" ", "s ", "x", "-", ""][k % 5]);
            let cut = crate::text::floor_boundary(n, n.len() / 2);
            text.push_str(&n[..cut]);
            text.push(' ');
        }
        let mut tables: Vec<NameTable> = vec![NameTable::new(
            [
                "Ab",
                "Abcdefgh",
                "Abcdefghij",
                "Abcdefg",
                "Abcdefgh",
                "A",
                "Ab",
                "",
                "Abcdef",
            ]
            .iter()
            .map(|s| s.as_bytes())
            .collect(),
        )];
        tables.push(NameTable::new(vec![b"Abc", b"Abcdefg"]));
        for t in &tables {
            let pats: Vec<&[u8]> = t.names.clone();
            let ac = crate::lexicon::actors::anchored_automaton(
                pats.iter().map(|p| std::str::from_utf8(p).unwrap()),
                false,
            )
            .unwrap();
            let s = "Abcdefghijk Abcdefg Abcde Ab A x Abcdefgh";
            for at in 0..=s.len() {
                let want = ac
                    .find(Input::new(s).span(at..s.len()).anchored(Anchored::Yes))
                    .map(|m| m.pattern().as_usize());
                assert_eq!(t.longest_at(&s.as_bytes()[at..]), want, "at {at} of {s:?}");
            }
        }
        let mut found = 0;
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = ac
                .find(
                    Input::new(&text)
                        .span(at..text.len())
                        .anchored(Anchored::Yes),
                )
                .map(|m| m.pattern().as_usize());
            assert_eq!(
                idx.names.longest_at(&text.as_bytes()[at..]),
                want,
                "at {at}"
            );
            // the filters let through every position where a name starts
            if want.is_some() {
                assert!(idx.may_start(&text.as_bytes()[at..]), "at {at}");
            }
            found += want.is_some() as usize;
        }
        assert!(found > names.len());
    }

    #[test]
    fn every_outlet_name_passes_the_filters() {
        let lex = Lexicon::builtin();
        let idx = builtin_outlets(lex).expect("builtin outlets");
        for &row in &idx.rows {
            let b = lex.actors.rows[row].name.as_bytes();
            let at = |i: usize| b.get(i).copied().unwrap_or(0);
            assert!(idx.class[at(0) as usize] & FIRST != 0, "{:?}", b);
            assert!(idx.may_start_pair(at(0), at(1)), "{:?}", b);
            assert!(idx.may_start(b), "{:?}", b);
        }
    }

    #[test]
    fn candidates_are_those_of_the_byte_loop() {
        let lex = Lexicon::builtin();
        let idx = builtin_outlets(lex).expect("builtin outlets");
        let text = "Reuters said (AFP) the BBC and taz, i24NEWS: Al Jazeera's \u{e9}BBC 9Reuters x\u{2014}Reuters.";
        let bytes = text.as_bytes();
        let mut want = Vec::new();
        for at in 0..bytes.len() {
            let prev_alnum = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
            let next = bytes.get(at + 1).copied().unwrap_or(0);
            if !prev_alnum
                && opens_capital(bytes[at])
                && idx.class[bytes[at] as usize] & FIRST != 0
                && idx.may_start_pair(bytes[at], next)
                && idx.may_start(&bytes[at..])
            {
                want.push(at);
            }
        }
        for from in 0..=bytes.len() {
            let expect = want.iter().copied().find(|&a| a >= from);
            assert_eq!(next_candidate(idx, bytes, from), expect, "from {from}");
        }
        assert!(!want.is_empty());
        // the names opening otherwise are found by the screen (with the licence fragments)
        let licence = " Reuters. All rights reserved.";
        let scan = scan_document(&format!("{text}{licence}"), lex);
        assert_eq!(
            scan.rare,
            [
                text.find("taz").unwrap(),
                text.find("i24NEWS").unwrap(),
                text.len() + licence.find("hts reserved").unwrap()
            ]
        );
        assert_eq!(
            scan.hints,
            [text.len() + licence.find("ights reserved").unwrap()]
        );
    }

    #[test]
    fn shared_screen_gives_the_licence_hints() {
        let lex = Lexicon::builtin();
        let pieces = [
            "Copyright 2021 taz. All Rights Reserved.",
            "This article is licensed under a Creative Commons licence, content by i24NEWS.",
            "\u{a9} 2022 dpa; reproduction without permission of detikcom prohibited",
            "The allAfrica report, sent by euronews, was licensed ",
            "ALL RIGHTS RESERVED. CONTENT BY 9News",
            "tive Commonstaz",
            "t byt by taz",
            "the Fars news agency, agencies, the Agency, gencygency",
        ];
        let mut text = String::new();
        for (k, p) in pieces.iter().cycle().take(40).enumerate() {
            text.push_str(p);
            text.push_str([" ", "\n", "", "x "][k % 4]);
            let scan = scan_document(&text, lex);
            assert_eq!(scan.hints, licence_hints(&text), "{text:?}");
            assert_eq!(scan.gency, gency_positions(&text), "{text:?}");
        }
    }

    #[test]
    fn capital_like_is_the_byte_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut w = [b'a'; 8];
                w[lane] = b;
                let m = capital_like(u64::from_le_bytes(w));
                let want = (opens_capital(b) as u64) << (8 * lane + 6);
                assert_eq!(m, want, "byte {b:#x} lane {lane}");
            }
        }
    }

    #[test]
    fn mentions_are_those_of_a_search_at_every_char() {
        // the definition: from each char start that opens a word, the longest name (by the
        // anchored automaton) when it ends on a word boundary; then on past it
        use aho_corasick::{Anchored, Input};
        let lex = Lexicon::builtin();
        let (idx, names, ac) = outlet_names(lex);
        let mut text = String::from("taz");
        for (k, n) in names.iter().enumerate() {
            text.push_str(["(", " ", "x", "", "-", "\u{e9}", " the ", "\n"][k % 8]);
            text.push_str(n);
            text.push_str([" ", "s ", "x", "-", "", ", "][k % 6]);
        }
        let mut want = Vec::new();
        let mut at = 0;
        while at < text.len() {
            if text.is_char_boundary(at) && is_word_start(&text, at) {
                let m = ac.find(
                    Input::new(&text)
                        .span(at..text.len())
                        .anchored(Anchored::Yes),
                );
                if let Some(m) = m.filter(|m| is_word_bounded(&text, at, m.end())) {
                    want.push((at, m.end(), idx.rows[m.pattern().as_usize()]));
                    at = m.end();
                    continue;
                }
            }
            at += 1;
        }
        assert!(want.len() > names.len() / 3);
        assert!(want
            .iter()
            .any(|m| text.as_bytes()[m.0].is_ascii_lowercase()));
        assert_eq!(outlet_mentions(lex, &text), want);
    }
}
