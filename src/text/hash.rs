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
