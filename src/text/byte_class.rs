//! What an ASCII byte is to a tokenizer, from one table (tokenizers look at every byte). A
//! byte of a multi-byte char is `NON_ASCII`: the caller decodes the char.

pub const OTHER: u8 = 0;
pub const ALNUM: u8 = 1;
/// The ASCII chars of `char::is_whitespace` (with \x0B, which `is_ascii_whitespace` leaves
/// out).
pub const SPACE: u8 = 2;
pub const NON_ASCII: u8 = 3;

pub const CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            SPACE
        } else {
            OTHER
        };
        c += 1;
    }
    t
};

/// Eight bytes at once (the text's bytes in `u64::from_le_bytes` order): the high bit of
/// each byte that is in `lo..=hi` (both ASCII), no other bit. Tokenizers ask it of a word's
/// bytes where a byte loop takes a table load and a branch per byte.
#[inline]
pub const fn ascii_range_mask(w: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // on the low seven bits: no carry crosses a byte (at most 0x7f + 0x80)
    let x = w & !HIGH;
    let ge_lo = x + (0x80 - lo as u64) * ONES;
    let gt_hi = x + (0x7f - hi as u64) * ONES;
    ge_lo & !gt_hi & !w & HIGH
}

/// The high bit of each byte that is an ASCII capital (`ascii_range_mask`).
#[inline]
pub const fn ascii_upper_mask(w: u64) -> u64 {
    ascii_range_mask(w, b'A', b'Z')
}

/// The high bit of each byte that is an ASCII small letter.
#[inline]
pub const fn ascii_lower_mask(w: u64) -> u64 {
    ascii_range_mask(w, b'a', b'z')
}

/// The high bit of each byte that is an ASCII letter or digit (`ALNUM` in `CLASS`).
#[inline]
pub const fn ascii_alnum_mask(w: u64) -> u64 {
    // 0x20 folds the capitals onto the small letters and leaves no other byte a letter
    ascii_range_mask(w | 0x2020_2020_2020_2020, b'a', b'z') | ascii_range_mask(w, b'0', b'9')
}

/// The number of bytes before the first byte of `w` not in `mask` (8 for none): with masks
/// of the functions above, the length of a run.
#[inline]
pub const fn leading_run(mask: u64) -> usize {
    ((!mask & 0x8080_8080_8080_8080).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_char() {
        for b in 0..=255u8 {
            let c = b as char;
            let want = if b >= 0x80 {
                NON_ASCII
            } else if c.is_whitespace() {
                SPACE
            } else if c.is_alphanumeric() {
                ALNUM
            } else {
                OTHER
            };
            assert_eq!(CLASS[b as usize], want, "{b:#x}");
        }
    }

    #[test]
    fn masks_agree_with_the_table() {
        // every byte at every position, among bytes of each class
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = *b"a1Z \xff-q.";
                bytes[pos] = b;
                let w = u64::from_le_bytes(bytes);
                let (alnum, upper, lower) = (
                    ascii_alnum_mask(w),
                    ascii_upper_mask(w),
                    ascii_lower_mask(w),
                );
                for (k, &c) in bytes.iter().enumerate() {
                    let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                    assert_eq!(bit(alnum), CLASS[c as usize] == ALNUM, "{c:#x} at {k}");
                    assert_eq!(bit(upper), c.is_ascii_uppercase(), "{c:#x} at {k}");
                    assert_eq!(bit(lower), c.is_ascii_lowercase(), "{c:#x} at {k}");
                }
                assert_eq!((alnum | upper | lower) & !0x8080_8080_8080_8080, 0);
                let run = bytes
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(leading_run(alnum), run, "{bytes:?}");
            }
        }
    }
}
