//! Word lists tested at a byte offset of a text: `starts_with` and
//! `ends_with` against many words at once, with no hashing, allocation or
//! `memcmp` on the hot path.

use crate::charset::{Filter, UTF8_LEN};

/// A word list for fast `starts_with`/`ends_with` tests at a position.
///
/// The tests run at nearly every character of a clause, so they must not
/// hash, allocate or call `memcmp`: a 1024-bit filter on the character
/// rejects most positions at once, a binary search finds the words that
/// share the character, and each word is compared as one masked 128-bit
/// integer against the (at most) 16 bytes of text at the position.
#[derive(Debug)]
pub(crate) struct WordSet {
    by_first: Index,
    by_last: Index,
}

/// One side (first or last character) of a [`WordSet`].
#[derive(Debug, Default)]
struct Index {
    /// Every key character.
    filter: Filter,
    /// Open addressing on the key character: `(character, first word, end
    /// of its words)`, `EMPTY` where no key is; a power of two long, at
    /// most half full, so that a lookup is one or two probes and no search.
    slots: Vec<(u32, u32, u32)>,
    /// Words in match order (longest first, or list order), grouped by key.
    words: Vec<Packed>,
}

/// An unused slot of [`Index::slots`] (not a character).
const EMPTY: u32 = u32::MAX;

/// A word packed for comparison with [`load_at`] / [`load_before`].
#[derive(Debug, Clone, Copy)]
struct Packed {
    /// The bytes, as the loads place them (first byte lowest for a
    /// forward test; last byte highest for a backward one).
    bits: u128,
    mask: u128,
    len: usize,
    /// Words longer than 16 bytes are compared as strings.
    word: &'static str,
    /// Its position in the list the set was built from.
    index: usize,
}

/// Which word wins when several match at one position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// The longest.
    Longest,
    /// The first of the list (as `words.iter().find(..)` would).
    Listed,
}

impl Index {
    fn new(words: &[&'static str], order: Order, forward: bool) -> Index {
        let mut keyed: Vec<(u32, usize, &'static str)> = Vec::new();
        for (k, &w) in words.iter().enumerate() {
            let key = if forward {
                w.chars().next()
            } else {
                w.chars().next_back()
            };
            if let Some(c) = key {
                keyed.push((c as u32, k, w));
            }
        }
        match order {
            // Stable: equal lengths keep list order.
            Order::Longest => keyed.sort_by_key(|&(c, _, w)| (c, std::cmp::Reverse(w.len()))),
            Order::Listed => keyed.sort_by_key(|&(c, k, _)| (c, k)),
        }
        keyed.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
        let mut index = Index::default();
        let mut groups: Vec<(u32, u32, u32)> = Vec::new();
        for &(c, k, w) in &keyed {
            index.filter.insert(c);
            let n = index.words.len() as u32;
            match groups.last_mut() {
                Some(last) if last.0 == c => last.2 = n + 1,
                _ => groups.push((c, n, n + 1)),
            }
            index.words.push(Packed::new(w, k, forward));
        }
        let size = (groups.len() * 2).next_power_of_two().max(8);
        index.slots = vec![(EMPTY, 0, 0); size];
        for g in groups {
            let mut slot = Index::hash(g.0, size);
            while index.slots[slot].0 != EMPTY {
                slot = (slot + 1) & (size - 1);
            }
            index.slots[slot] = g;
        }
        index
    }

    fn hash(c: u32, size: usize) -> usize {
        (c.wrapping_mul(0x9E37_79B1) >> 16) as usize & (size - 1)
    }

    /// The words keyed by character `c` (empty for most characters).
    #[inline]
    fn candidates(&self, c: u32) -> &[Packed] {
        if !self.filter.may_contain(c) {
            return &[];
        }
        let mask = self.slots.len() - 1;
        let mut slot = Index::hash(c, self.slots.len());
        loop {
            let (key, from, to) = self.slots[slot];
            if key == c {
                return &self.words[from as usize..to as usize];
            }
            if key == EMPTY {
                return &[];
            }
            slot = (slot + 1) & mask;
        }
    }
}

impl Packed {
    fn new(word: &'static str, index: usize, forward: bool) -> Packed {
        let len = word.len();
        // The tests rely on it: bytes past the text load as zero.
        assert!(!word.contains('\0'), "a word with a NUL byte: {word:?}");
        let mut buf = [0u8; 16];
        let n = len.min(16);
        // A longer word: its first 16 bytes for a forward test, its last
        // for a backward one (then the whole word is compared).
        let part = if forward {
            &word.as_bytes()[..n]
        } else {
            &word.as_bytes()[len - n..]
        };
        buf[..n].copy_from_slice(part);
        let low = u128::from_le_bytes(buf);
        let low_mask = if n == 16 {
            u128::MAX
        } else {
            (1u128 << (8 * n)) - 1
        };
        let (bits, mask) = if forward {
            (low, low_mask)
        } else {
            // Right-aligned: the last byte of the word is the highest.
            let shift = 8 * (16 - n) as u32;
            (
                low.checked_shl(shift).unwrap_or(0),
                low_mask.checked_shl(shift).unwrap_or(0),
            )
        };
        Packed {
            bits,
            mask,
            len,
            word,
            index,
        }
    }
}

/// The 16 bytes of `b` from `i` (zero past the end), first byte lowest.
#[inline(always)]
fn load_at(b: &[u8], i: usize) -> u128 {
    match b.get(i..i + 16) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().unwrap_or([0; 16])),
        None => load_at_end(b, i),
    }
}

/// [`load_at`] within 16 bytes of the end: out of line, so that the
/// common case keeps few registers.
#[cold]
#[inline(never)]
fn load_at_end(b: &[u8], i: usize) -> u128 {
    let mut buf = [0u8; 16];
    let rest = b.get(i..).unwrap_or(&[]);
    buf[..rest.len()].copy_from_slice(rest);
    u128::from_le_bytes(buf)
}

/// The 16 bytes of `b` before `i` (zero before the start), last byte
/// highest.
#[inline(always)]
fn load_before(b: &[u8], i: usize) -> u128 {
    match i.checked_sub(16).and_then(|j| b.get(j..i)) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().unwrap_or([0; 16])),
        None => load_before_start(b, i),
    }
}

/// [`load_before`] within 16 bytes of the start, out of line.
#[cold]
#[inline(never)]
fn load_before_start(b: &[u8], i: usize) -> u128 {
    let mut buf = [0u8; 16];
    buf[16 - i..].copy_from_slice(&b[..i]);
    u128::from_le_bytes(buf)
}

/// The code point of the character starting at byte `i` of `b` (valid
/// UTF-8, `i` a char boundary before the end).
#[inline]
pub(crate) fn cp_at(b: &[u8], i: usize) -> u32 {
    match b.get(i..) {
        Some(&[b0, ..]) if b0 < 0x80 => u32::from(b0),
        Some(&[b0, b1, b2, ..]) if (0xE0..0xF0).contains(&b0) => {
            (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F)
        }
        Some(&[b0, b1, ..]) if b0 < 0xE0 => (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F),
        Some(&[b0, b1, b2, b3, ..]) => {
            (u32::from(b0 & 0x07) << 18)
                | (u32::from(b1 & 0x3F) << 12)
                | (u32::from(b2 & 0x3F) << 6)
                | u32::from(b3 & 0x3F)
        }
        _ => 0,
    }
}

/// The code point of the character ending at byte `i` of `b` (valid
/// UTF-8, `i` a char boundary after the start).
#[inline]
fn cp_before(b: &[u8], i: usize) -> u32 {
    // The common case, a three-byte character.
    if let Some(&[b0, b1, b2]) = i.checked_sub(3).and_then(|j| b.get(j..i))
        && (0xE0..0xF0).contains(&b0)
    {
        return (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    }
    let mut j = i - 1;
    while j > 0 && (b[j] as i8) < -0x40 {
        j -= 1;
    }
    cp_at(b, j)
}

impl WordSet {
    /// A set whose tests give the longest word that matches.
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        WordSet::with_order(words, Order::Longest)
    }

    /// A set whose tests give the longest word, or the first of the list
    /// (`Order::Listed`, as `words.iter().find(..)`), that matches.
    pub(crate) fn with_order(
        words: impl IntoIterator<Item = &'static str>,
        order: Order,
    ) -> WordSet {
        let words: Vec<&'static str> = words.into_iter().collect();
        WordSet {
            by_first: Index::new(&words, order, true),
            by_last: Index::new(&words, order, false),
        }
    }

    /// The word starting at byte `i`: its length.
    pub(crate) fn starts_at(&self, s: &str, i: usize) -> Option<usize> {
        self.word_at(s, i).map(|w| w.len)
    }

    /// The word starting at byte `i`: its length and its position in the
    /// list the set was built from.
    pub(crate) fn starts_at_indexed(&self, s: &str, i: usize) -> Option<(usize, usize)> {
        self.word_at(s, i).map(|w| (w.len, w.index))
    }

    /// The word ending at byte `i`: its length.
    pub(crate) fn ends_at(&self, s: &str, i: usize) -> Option<usize> {
        self.word_before(s, i).map(|w| w.len)
    }

    /// The first character boundary in `[from, to)` where a word may
    /// start (its first character passes the filter); most positions are
    /// skipped without a lookup.
    pub(crate) fn next_start_in(&self, s: &str, from: usize, to: usize) -> Option<usize> {
        self.by_first.filter.next_in(s.as_bytes(), from, to)
    }

    /// Walking back from `j` by characters while above `floor`: the first
    /// position where a word may end (its last character passes the
    /// filter).
    pub(crate) fn prev_end_in(&self, s: &str, floor: usize, j: usize) -> Option<usize> {
        self.by_last.filter.prev_in(s.as_bytes(), floor, j)
    }

    /// Whether a word lies inside `s[from..to]` (as `s[from..to].contains(w)`
    /// for some word `w`).
    pub(crate) fn occurs_in(&self, s: &str, from: usize, to: usize) -> bool {
        let b = s.as_bytes();
        let to = to.min(b.len());
        let mut i = from;
        while let Some(p) = self.by_first.filter.next_in(b, i, to) {
            let candidates = self.by_first.candidates(cp_at(b, p));
            let x = load_at(b, p);
            if candidates
                .iter()
                .any(|w| p + w.len <= to && w.matches_at(b, p, x))
            {
                return true;
            }
            i = p + usize::from(UTF8_LEN[usize::from(b[p])]);
        }
        false
    }

    #[inline]
    fn word_at(&self, s: &str, i: usize) -> Option<&Packed> {
        let b = s.as_bytes();
        // Past the end, or inside a character (as `is_char_boundary`).
        let &b0 = b.get(i)?;
        if (b0 as i8) < -0x40 {
            return None;
        }
        let candidates = self.by_first.candidates(cp_at(b, i));
        if candidates.is_empty() {
            return None;
        }
        let x = load_at(b, i);
        candidates.iter().find(|w| w.matches_at(b, i, x))
    }

    #[inline]
    fn word_before(&self, s: &str, i: usize) -> Option<&Packed> {
        let b = s.as_bytes();
        if i == 0 || i > b.len() || !s.is_char_boundary(i) {
            return None;
        }
        let candidates = self.by_last.candidates(cp_before(b, i));
        if candidates.is_empty() {
            return None;
        }
        let x = load_before(b, i);
        candidates
            .iter()
            .find(|w| x & w.mask == w.bits && (w.len <= 16 || b[..i].ends_with(w.word.as_bytes())))
    }
}

impl Packed {
    /// Whether the word starts at byte `i` of `b`, where `x` is
    /// `load_at(b, i)`. The bytes past the end load as zero, which no
    /// word has (they are text, without NUL): a word that does not fit
    /// does not match, with no test of its length. A longer word is
    /// compared on its first 16 bytes, then whole.
    #[inline(always)]
    fn matches_at(&self, b: &[u8], i: usize, x: u128) -> bool {
        x & self.mask == self.bits && (self.len <= 16 || b[i..].starts_with(self.word.as_bytes()))
    }
}

/// A list of `(word, value)` pairs with the tests of
/// `crate::qualifier::match_prefix_of` (the first pair of the list whose
/// word starts a text) and `crate::qualifier::match_suffix_of` (the
/// longest word that ends it), on a [`WordSet`] each.
#[derive(Debug)]
pub(crate) struct WordMap<T: 'static> {
    listed: WordSet,
    longest: WordSet,
    pairs: &'static [(&'static str, T)],
}

impl<T: Copy> WordMap<T> {
    pub(crate) fn new(pairs: &'static [(&'static str, T)]) -> WordMap<T> {
        WordMap {
            listed: WordSet::with_order(pairs.iter().map(|p| p.0), Order::Listed),
            longest: WordSet::with_order(pairs.iter().map(|p| p.0), Order::Longest),
            pairs,
        }
    }

    /// The first pair whose word `text` starts with: its length and value.
    pub(crate) fn prefix_of(&self, text: &str) -> Option<(usize, T)> {
        let (len, k) = self.listed.starts_at_indexed(text, 0)?;
        Some((len, self.pairs[k].1))
    }

    /// The longest word `text` ends with: its length and value.
    pub(crate) fn suffix_of(&self, text: &str) -> Option<(usize, T)> {
        let w = self.longest.word_before(text, text.len())?;
        Some((w.len, self.pairs[w.index].1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_by_suffix_have_no_duplicate_words() {
        // `match_suffix_of` would take the last of two equal words.
        fn words<T>(pairs: &[(&'static str, T)]) -> Vec<&'static str> {
            let mut w: Vec<&str> = pairs.iter().map(|p| p.0).collect();
            w.sort_unstable();
            w
        }
        for list in [
            words(crate::qualifier::PREFIXES),
            words(crate::lexicon::MONEY_ROLES),
            words(crate::lexicon::CURRENCY_PREFIXES),
        ] {
            let n = list.len();
            let mut d = list.clone();
            d.dedup();
            assert_eq!(d.len(), n, "{list:?}");
        }
    }

    #[test]
    fn word_maps_match_as_the_list_functions() {
        static PAIRS: &[(&str, u8)] = &[
            ("以上", 1),
            ("以", 2),
            ("上", 3),
            ("(含)以上", 4),
            ("含", 5),
        ];
        let map = WordMap::new(PAIRS);
        for text in ["以上", "(含)以上", "以下", "上以", "上", "含以上", "", "a"] {
            assert_eq!(
                map.prefix_of(text),
                crate::qualifier::match_prefix_of(text, PAIRS),
                "{text}"
            );
            assert_eq!(
                map.suffix_of(text),
                crate::qualifier::match_suffix_of(text, PAIRS),
                "{text}"
            );
        }
    }

    #[test]
    fn word_sets_match_as_string_tests() {
        let words = [
            "项目",
            "项",
            "产业园区",
            "产业园",
            "城",
            "a",
            "全生命周期服务体系",
            "的",
            "目的",
        ];
        let longest = WordSet::new(words);
        let listed = WordSet::with_order(words, Order::Listed);
        let s = "项目的产业园区城a全生命周期服务体系目的，项";
        for i in 0..=s.len() + 1 {
            let tail = s.get(i..);
            let head = s.get(..i);
            let longest_start = tail.and_then(|t| {
                words
                    .iter()
                    .filter(|w| t.starts_with(**w))
                    .map(|w| w.len())
                    .max()
            });
            let first_start =
                tail.and_then(|t| words.iter().find(|w| t.starts_with(**w)).map(|w| w.len()));
            let longest_end = head.and_then(|h| {
                words
                    .iter()
                    .filter(|w| h.ends_with(**w))
                    .map(|w| w.len())
                    .max()
            });
            let first_end =
                head.and_then(|h| words.iter().find(|w| h.ends_with(**w)).map(|w| w.len()));
            assert_eq!(longest.starts_at(s, i), longest_start, "{i}");
            assert_eq!(listed.starts_at(s, i), first_start, "{i}");
            assert_eq!(longest.ends_at(s, i), longest_end, "{i}");
            assert_eq!(listed.ends_at(s, i), first_end, "{i}");
            for j in i..=s.len() {
                if let Some(range) = s.get(i..j) {
                    let any = words.iter().any(|w| range.contains(w));
                    assert_eq!(longest.occurs_in(s, i, j), any, "{i}..{j}");
                }
            }
        }
    }
}
