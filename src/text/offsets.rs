//! Byte offsets (Rust) to code-point offsets (Python `str` indices).

/// Maps byte offsets of one document to code-point offsets. ASCII documents map to
/// themselves without any table.
pub struct CharOffsets {
    /// For each non-ASCII char: `(byte offset just after it, bytes beyond one char so far)`,
    /// in text order. News text has few of them (quote marks, dashes, accented names), so
    /// this is small where a table per byte would be four times the text.
    extra: Vec<(usize, usize)>,
    /// The answer to the last look-up: the offsets asked for come mostly in text order, so
    /// the next answer is found a few entries on (a binary search over a long document's
    /// table missed the cache at every step).
    last: std::cell::Cell<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // room for the few non-ASCII chars of most news texts (growing from none reallocated
        // two or three times a document)
        let mut extra = Vec::with_capacity(16);
        let mut total = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            // skip ASCII runs 32 bytes at a time (an OR over a fixed-size block is a few
            // vector instructions), then a word at a time
            while let Some(block) = bytes.get(i..i + 32) {
                let block: [u8; 32] = block.try_into().unwrap_or([0x80; 32]);
                if block.iter().fold(0, |acc, &b| acc | b) & 0x80 != 0 {
                    break;
                }
                i += 32;
            }
            while i + 8 <= bytes.len() {
                let w = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
                let high = w & 0x8080_8080_8080_8080;
                if high != 0 {
                    // straight to the first byte beyond ASCII (the ASCII bytes before it
                    // each went round the loops above again)
                    i += (high.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            if i >= bytes.len() {
                break;
            }
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                continue;
            }
            // a lead byte: 2, 3 or 4 bytes long (the text is valid UTF-8)
            let n = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            total += n - 1;
            i += n;
            extra.push((i, total));
        }
        CharOffsets {
            extra,
            last: std::cell::Cell::new(0),
        }
    }

    /// Code-point offset of byte offset `b` (which must be a char boundary).
    #[inline]
    pub fn char_of(&self, b: usize) -> i64 {
        // the non-ASCII chars that end at or before `b`
        let k = self.count_ending_by(b);
        let extra = if k == 0 { 0 } else { self.extra[k - 1].1 };
        (b - extra) as i64
    }

    /// How many entries of `extra` end at or before `b`. The common case is checked inline:
    /// no non-ASCII char between the last offset asked and this one (two comparisons, where
    /// the search below cost ~45 instructions a look-up).
    #[inline]
    fn count_ending_by(&self, b: usize) -> usize {
        let from = self.last.get().min(self.extra.len());
        let e = &self.extra;
        let ends_by = |k: usize| e.get(k).is_some_and(|x| x.0 <= b);
        if from == 0 || e[from - 1].0 <= b {
            if !ends_by(from) {
                return from;
            }
            // one char on: a column's offsets pass the text's non-ASCII chars one by one
            // (the search cost ~50 instructions on each)
            if !ends_by(from + 1) {
                self.last.set(from + 1);
                return from + 1;
            }
        } else if !ends_by(0) {
            // before them all: each column starts again near the text's start
            self.last.set(0);
            return 0;
        }
        self.search(b, from)
    }

    /// `count_ending_by` elsewhere: galloping on from the last answer when `b` is past it, a
    /// binary search below it otherwise.
    fn search(&self, b: usize, from: usize) -> usize {
        let k = if from > 0 && self.extra[from - 1].0 > b {
            self.extra[..from].partition_point(|&(end, _)| end <= b)
        } else {
            super::gallop(&self.extra, from, |&(end, _)| end <= b)
        };
        self.last.set(k);
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = CharOffsets::new("hello");
        assert_eq!(m.char_of(3), 3);
        assert_eq!(m.char_of(5), 5);
    }

    #[test]
    fn every_boundary_matches_counting_chars() {
        let t = "Zürich – “Iran” 😀 said. ÇTK, مرحبا x\u{301}y\r\n日本 end";
        let m = CharOffsets::new(t);
        for (n, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(m.char_of(b), n as i64, "byte {b}");
        }
        assert_eq!(m.char_of(t.len()), t.chars().count() as i64);
    }

    #[test]
    fn any_order_of_look_ups_matches_counting_chars() {
        let t = "Zürich – “Iran” said. ÇTK, مرحبا x\u{301}y 日本 end – “more” ".repeat(9);
        let m = CharOffsets::new(&t);
        let bounds: Vec<(usize, i64)> = t
            .char_indices()
            .enumerate()
            .map(|(n, (b, _))| (b, n as i64))
            .chain([(t.len(), t.chars().count() as i64)])
            .collect();
        // forward, backward, and jumping about (as the tables ask: starts, then ends)
        let mut order: Vec<usize> = (0..bounds.len()).collect();
        order.extend((0..bounds.len()).rev());
        order.extend((0..bounds.len()).map(|i| (i * 37) % bounds.len()));
        for i in order {
            let (b, want) = bounds[i];
            assert_eq!(m.char_of(b), want, "byte {b}");
        }
    }

    #[test]
    fn long_ascii_runs_between_wide_chars_match_counting_chars() {
        let pieces = [
            "a",
            "bcdefgh ",
            "é",
            "“",
            "😀",
            &"x".repeat(31),
            &"y".repeat(70),
        ];
        let mut seed = crate::text::testgen::Lcg(5);
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..seed.below(12) {
                t.push_str(pieces[seed.below(pieces.len())]);
            }
            let m = CharOffsets::new(&t);
            for (n, (b, _)) in t.char_indices().enumerate() {
                assert_eq!(m.char_of(b), n as i64, "{t:?} byte {b}");
            }
            assert_eq!(m.char_of(t.len()), t.chars().count() as i64, "{t:?}");
        }
    }

    #[test]
    fn multibyte() {
        let t = "a“b”😀c";
        let m = CharOffsets::new(t);
        let c = t.find('c').unwrap();
        assert_eq!(m.char_of(c), 5);
        assert_eq!(m.char_of(t.len()), 6);
    }
}
