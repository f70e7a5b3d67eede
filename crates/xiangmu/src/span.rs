//! Byte ranges and their conversion to code points.

use serde::Serialize;

/// A half-open byte range `start..end` of a text.
///
/// ```
/// use xiangmu::Span;
/// let text = "总投资1.5亿元";
/// let span = Span::new(9, text.len());
/// assert_eq!(&text[span.range()], "1.5亿元");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    ///
    /// ```
    /// assert_eq!(xiangmu::Span::new(1, 3).len(), 2);
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The range as `start..end`, for slicing.
    ///
    /// ```
    /// assert_eq!(&"亩均税收"[xiangmu::Span::new(0, 3).range()], "亩");
    /// ```
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert!(xiangmu::Span::new(4, 4).is_empty());
    /// ```
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range covers nothing.
    ///
    /// ```
    /// assert!(!xiangmu::Span::new(0, 1).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// Converts increasing byte offsets of one text to code-point offsets,
/// counting only the bytes between consecutive calls.
///
/// Facts come out sorted, so a whole article is walked once, instead of
/// building a per-character table.
pub(crate) struct CharCounter<'t> {
    text: &'t [u8],
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    pub(crate) fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte `byte` (a char boundary).
    pub(crate) fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte >= self.byte {
            self.chars += count_chars(&self.text[self.byte..byte]);
        } else {
            self.chars -= count_chars(&self.text[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }
}

/// Code points in a UTF-8 byte slice: every byte that is not a
/// continuation byte (`10xxxxxx`) starts one. Eight bytes at a time: the
/// continuation bytes of a word are marked in their top bits and summed
/// with one multiplication.
pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut continuation = 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        // Bit 7 set and bit 6 clear.
        let marks = w & !(w << 1) & HIGH;
        continuation += ((marks >> 7).wrapping_mul(ONES) >> 56) as usize;
    }
    for &b in words.remainder() {
        continuation += usize::from((b as i8) < -0x40);
    }
    bytes.len() - continuation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_forward_and_back() {
        let text = "a亿b億c";
        let mut c = CharCounter::new(text);
        assert_eq!(c.at(1), 1);
        assert_eq!(c.at(4), 2);
        assert_eq!(c.at(text.len()), 5);
        assert_eq!(c.at(1), 1);
        assert_eq!(c.at(0), 0);
    }

    #[test]
    fn counts_chars_of_any_length() {
        let text = "a亿b億c項目ü😀1234567890，。";
        for i in 0..=text.len() {
            for j in i..=text.len() {
                let by_bytes = text.as_bytes()[i..j]
                    .iter()
                    .filter(|&&b| (b as i8) >= -0x40)
                    .count();
                assert_eq!(count_chars(&text.as_bytes()[i..j]), by_bytes, "{i}..{j}");
            }
        }
    }
}
