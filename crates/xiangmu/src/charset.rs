//! Sets of characters as compile-time bitmaps: the scanners' first test at
//! every position is one lookup, not a chain of comparisons.

/// A set of Basic Multilingual Plane characters, one bit per code point
/// (8 KiB), built at compile time from a string of its members.
pub(crate) struct CharSet([u64; 1024]);

impl CharSet {
    /// The set of the characters of `chars` (BMP only; others are ignored).
    pub(crate) const fn new(chars: &str) -> CharSet {
        let b = chars.as_bytes();
        let mut t = [0u64; 1024];
        let mut i = 0;
        while i < b.len() {
            let (cp, len) = if b[i] < 0x80 {
                (b[i] as usize, 1)
            } else if b[i] < 0xE0 {
                (
                    (((b[i] & 0x1F) as usize) << 6) | (b[i + 1] & 0x3F) as usize,
                    2,
                )
            } else if b[i] < 0xF0 {
                (
                    (((b[i] & 0x0F) as usize) << 12)
                        | (((b[i + 1] & 0x3F) as usize) << 6)
                        | (b[i + 2] & 0x3F) as usize,
                    3,
                )
            } else {
                (usize::MAX, 4)
            };
            if cp < 0x10000 {
                t[cp >> 6] |= 1 << (cp & 63);
            }
            i += len;
        }
        CharSet(t)
    }

    /// Whether `c` is in the set.
    pub(crate) fn contains(&self, c: char) -> bool {
        let cp = c as usize;
        cp < 0x10000 && self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }

    /// Whether the three-byte character at `b[i..i + 3]` is in the set,
    /// without decoding it into a `char` first.
    pub(crate) fn contains_cjk_at(&self, b: &[u8], i: usize) -> bool {
        let (Some(&b0), Some(&b1), Some(&b2)) = (b.get(i), b.get(i + 1), b.get(i + 2)) else {
            return false;
        };
        let cp = ((usize::from(b0) & 0x0F) << 12)
            | ((usize::from(b1) & 0x3F) << 6)
            | (usize::from(b2) & 0x3F);
        self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    #[test]
    fn members_and_others() {
        static SET: CharSet = CharSet::new("亿a元é");
        assert!(SET.contains('亿') && SET.contains('a') && SET.contains('元') && SET.contains('é'));
        assert!(!SET.contains('万') && !SET.contains('b') && !SET.contains('😀'));
        let b = "万亿".as_bytes();
        assert!(
            !SET.contains_cjk_at(b, 0) && SET.contains_cjk_at(b, 3) && !SET.contains_cjk_at(b, 4)
        );
    }
}
