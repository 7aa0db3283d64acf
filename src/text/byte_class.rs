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
}
