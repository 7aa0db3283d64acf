//! FNV-1a hashing for the word maps and sets of every stage: their keys are short words
//! (where SipHash's setup dominates) from the lexicon and the text, on hot paths; no map
//! here is exposed to keys chosen to collide in a way that matters for correctness.

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
}
