//! FNV-1a hashing for the word maps and sets of every stage: their keys are short words
//! (where SipHash's setup dominates) from the lexicon and the text, on hot paths; no map
//! here is exposed to keys chosen to collide in a way that matters for correctness. And the
//! small maps of a document's few distinct names (`FewMap`), which scan before they hash.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The `BuildHasher` for `HashMap`/`HashSet` with FNV-1a.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// The `BuildHasher` for maps keyed by a document's own names (coreference, speakers):
/// foldhash, several times faster than SipHash on short keys, and seeded per process, so a
/// document cannot be written to make its names collide (which FNV would allow).
pub type DocHash = foldhash::fast::RandomState;

/// A `HashMap` keyed by document text.
pub type DocMap<K, V> = std::collections::HashMap<K, V, DocHash>;
/// A `HashSet` of document text.
pub type DocSet<K> = std::collections::HashSet<K, DocHash>;

/// `a == b`, with the short cells most columns hold (names, codes, dates) compared in
/// registers rather than by a call to `memcmp` for a few bytes.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    match n {
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        // the first and the last eight bytes (overlapping when shorter than 16)
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// A tag of a name for the scans of a document's few distinct names: its length and first
/// and last bytes (the low byte left zero, for a kind). Equal names have equal tags, and
/// most unequal ones differ in it, so that most are told apart without a compare.
pub fn name_tag(n: &str) -> u64 {
    let b = n.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    (b.len() as u64) << 8 | u64::from(first.unwrap_or(0)) << 40 | u64::from(last.unwrap_or(0)) << 48
}

/// A map keyed by a document's strings, for the few distinct keys most documents have: a
/// list scanned while it holds at most `FEW` keys, each tagged (`name_tag`) so that most
/// unequal keys are passed without a compare (a hash per look-up cost more), and a `DocMap`
/// once it would hold more.
pub struct FewMap<'a, V, const FEW: usize> {
    few: Vec<(u64, &'a str, V)>,
    map: DocMap<&'a str, V>,
}

impl<V, const FEW: usize> Default for FewMap<'_, V, FEW> {
    fn default() -> Self {
        FewMap {
            few: Vec::new(),
            map: DocMap::default(),
        }
    }
}

impl<'a, V: Default, const FEW: usize> FewMap<'a, V, FEW> {
    /// The value of `k`, a default one inserted when new.
    pub fn entry(&mut self, k: &'a str) -> &mut V {
        if self.map.is_empty() {
            let t = name_tag(k);
            match self
                .few
                .iter()
                .position(|x| x.0 == t && same_bytes(x.1.as_bytes(), k.as_bytes()))
            {
                Some(i) => return &mut self.few[i].2,
                None if self.few.len() < FEW => {
                    self.few.push((t, k, V::default()));
                    return &mut self.few.last_mut().expect("just pushed").2;
                }
                None => self.map.extend(self.few.drain(..).map(|(_, k, v)| (k, v))),
            }
        }
        self.map.entry(k).or_default()
    }

    pub fn get(&self, k: &str) -> Option<&V> {
        if self.map.is_empty() {
            let t = name_tag(k);
            return self
                .few
                .iter()
                .find(|x| x.0 == t && same_bytes(x.1.as_bytes(), k.as_bytes()))
                .map(|x| &x.2);
        }
        self.map.get(k)
    }

    pub fn is_empty(&self) -> bool {
        self.few.is_empty() && self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_is_equality_at_every_length() {
        let base: Vec<u8> = (0..40u8).map(|i| b'a' + i % 26).collect();
        for n in 0..base.len() {
            let a = &base[..n];
            assert!(same_bytes(a, a));
            assert!(same_bytes(a, &base.clone()[..n]));
            // one byte changed anywhere, or a different length
            for k in 0..n {
                let mut b = a.to_vec();
                b[k] ^= 0x20;
                assert!(!same_bytes(a, &b), "len {n}, byte {k}");
            }
            assert!(!same_bytes(a, &base[..n + 1]));
        }
    }

    /// `FewMap` answers as a map, before and after its list turns into one.
    #[test]
    fn few_map_answers_as_a_map() {
        let keys = [
            "",
            "a",
            "Apple",
            "Apple Inc.",
            "Apple Inc,",
            "IRGC",
            "Ford",
            "Fort",
            "Şahin",
            "Sahin",
            "k1",
            "k2",
            "k3",
            "k4",
            "k5",
            "k6",
            "k7",
            "k8",
            "k9",
            "k10",
        ];
        let mut r = crate::text::testgen::Lcg(5);
        for _ in 0..200 {
            let mut few: FewMap<'_, Vec<usize>, 8> = FewMap::default();
            let mut want: DocMap<&str, Vec<usize>> = DocMap::default();
            for i in 0..r.below(40) {
                let k = keys[r.below(keys.len())];
                few.entry(k).push(i);
                want.entry(k).or_default().push(i);
                assert_eq!(few.is_empty(), want.is_empty());
            }
            for k in keys {
                assert_eq!(few.get(k), want.get(k), "{k:?}");
            }
        }
    }
}
