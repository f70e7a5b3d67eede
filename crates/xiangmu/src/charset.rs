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
            let (cp, len) = decode(b, i);
            if cp < 0x10000 {
                t[cp >> 6] |= 1 << (cp & 63);
            }
            i += len;
        }
        CharSet(t)
    }

    /// Whether code point `cp` is in the set, in constant evaluation.
    pub(crate) const fn contains_const(&self, cp: usize) -> bool {
        cp < 0x10000 && self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }

    /// The set with code point `cp` (BMP) added.
    pub(crate) const fn with(mut self, cp: u32) -> CharSet {
        if cp < 0x10000 {
            self.0[(cp >> 6) as usize] |= 1 << (cp & 63);
        }
        self
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.contains_cp(c as u32)
    }

    /// Whether code point `cp` is in the set.
    #[inline]
    pub(crate) fn contains_cp(&self, cp: u32) -> bool {
        let cp = cp as usize;
        cp < 0x10000 && self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }

    /// Whether the three-byte character `b0 b1 b2` is in the set, without
    /// decoding it.
    #[inline]
    pub(crate) fn contains_utf8_3(&self, b0: u8, b1: u8, b2: u8) -> bool {
        let word = (usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F);
        self.0[word] & (1 << (b2 & 0x3F)) != 0
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

impl CharSet {
    /// The set of the second characters of `words` (those that have one).
    pub(crate) const fn of_second_chars(words: &[&str]) -> CharSet {
        let mut t = [0u64; 1024];
        let mut w = 0;
        while w < words.len() {
            let b = words[w].as_bytes();
            if !b.is_empty() {
                let (_, first) = decode(b, 0);
                if first < b.len() {
                    let (cp, _) = decode(b, first);
                    if cp < 0x10000 {
                        t[cp >> 6] |= 1 << (cp & 63);
                    }
                }
            }
            w += 1;
        }
        CharSet(t)
    }
}

/// A small filter on code points: bit `cp % 1024` of 1024. Any set of a
/// few dozen characters fits with few false hits, and the bit of a
/// three-byte character comes from its last two bytes alone.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Filter([u64; 16]);

impl Filter {
    /// Adds code point `cp`.
    pub(crate) fn insert(&mut self, cp: u32) {
        let k = cp as usize % 1024;
        self.0[k / 64] |= 1 << (k % 64);
    }

    /// Whether `cp` may be in the set.
    #[inline]
    pub(crate) fn may_contain(&self, cp: u32) -> bool {
        let k = cp as usize % 1024;
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    /// [`Filter::may_contain`] for the three-byte character `_ b1 b2`.
    #[inline]
    pub(crate) fn may_contain_utf8_3(&self, b1: u8, b2: u8) -> bool {
        let k = (usize::from(b1 & 0x0F) << 6) | usize::from(b2 & 0x3F);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    /// The first character of `b[from..to]` (`from` a char boundary of
    /// valid UTF-8) that may be in the set: its byte offset. Three-byte
    /// characters are tested without decoding.
    #[inline]
    pub(crate) fn next_in(&self, b: &[u8], from: usize, to: usize) -> Option<usize> {
        let to = to.min(b.len());
        let mut i = from;
        while i < to {
            if let [b0, b1, b2, ..] = b[i..]
                && b0 & 0xF0 == 0xE0
            {
                if self.may_contain_utf8_3(b1, b2) {
                    return Some(i);
                }
                i += 3;
                continue;
            }
            if self.may_contain(crate::words::cp_at(b, i)) {
                return Some(i);
            }
            i += usize::from(UTF8_LEN[usize::from(b[i])]);
        }
        None
    }
}

impl Filter {
    /// Walking back from `j` (a char boundary of valid UTF-8) by
    /// characters while above `floor`: the first end of a character that
    /// may be in the set.
    #[inline]
    pub(crate) fn prev_in(&self, b: &[u8], floor: usize, mut j: usize) -> Option<usize> {
        while j > floor {
            if let Some(&[b0, b1, b2]) = j.checked_sub(3).and_then(|k| b.get(k..j))
                && b0 & 0xF0 == 0xE0
            {
                if self.may_contain_utf8_3(b1, b2) {
                    return Some(j);
                }
                j -= 3;
                continue;
            }
            let mut k = j - 1;
            while k > 0 && (b[k] as i8) < -0x40 {
                k -= 1;
            }
            if self.may_contain(crate::words::cp_at(b, k)) {
                return Some(j);
            }
            j = k;
        }
        None
    }
}

/// The length of a UTF-8 character by its first byte (1 for ASCII and,
/// so that a walk always advances, for continuation bytes).
pub(crate) static UTF8_LEN: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut x = 0xC0;
    while x < 256 {
        t[x] = if x < 0xE0 {
            2
        } else if x < 0xF0 {
            3
        } else {
            4
        };
        x += 1;
    }
    t
};

/// The code point and length of the UTF-8 character at `b[i..]` (4-byte
/// characters give `usize::MAX`).
const fn decode(b: &[u8], i: usize) -> (usize, usize) {
    if b[i] < 0x80 {
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

    #[test]
    fn second_characters() {
        static SECOND: CharSet = CharSet::of_second_chars(&["项目", "城", "", "a中"]);
        assert!(SECOND.contains('目') && SECOND.contains('中'));
        assert!(!SECOND.contains('项') && !SECOND.contains('城') && !SECOND.contains('a'));
    }
}
