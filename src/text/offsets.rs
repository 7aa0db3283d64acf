//! Byte offsets (Rust) to code-point offsets (Python `str` indices).

/// Maps byte offsets of one document to code-point offsets. ASCII documents map to
/// themselves without any table.
pub struct CharOffsets {
    /// `table[b]` = number of chars before byte `b`, for every char boundary `b`
    /// (and `text.len()`); empty when the text is ASCII.
    table: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { table: Vec::new() };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, _) in text.char_indices() {
            table[b] = n;
            n += 1;
        }
        table[text.len()] = n;
        CharOffsets { table }
    }

    /// Code-point offset of byte offset `b` (which must be a char boundary).
    #[inline]
    pub fn char_of(&self, b: usize) -> i64 {
        if self.table.is_empty() {
            b as i64
        } else {
            self.table[b] as i64
        }
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
    fn multibyte() {
        let t = "a“b”😀c";
        let m = CharOffsets::new(t);
        let c = t.find('c').unwrap();
        assert_eq!(m.char_of(c), 5);
        assert_eq!(m.char_of(t.len()), 6);
    }
}
