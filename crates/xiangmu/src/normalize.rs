//! The normalized view of a text that every scanner reads, and the map
//! from its byte offsets back to the original text.
//!
//! Only this module knows about full-width forms, Traditional script and
//! inline pinyin glosses. The view:
//! - folds full-width ASCII (`１２０．５` -> `120.5`, `（` -> `(`) and the
//!   ideographic space;
//! - folds Traditional characters to Simplified (`億` -> `亿`, `簽約` -> `签约`),
//!   one character for one character;
//! - drops pinyin glosses that scraped pages put after a character
//!   (`產(chǎn)業` reads as `产业`);
//! - unifies the symbol range marks `—` `–` `―` `～` `〜` `~` `－` to `-`
//!   (`至` and `到` stay words; the scanners treat them as range marks).
//!
//! Every normalized character comes from exactly one original character, so
//! a span of the view maps back to an original span that covers the same
//! characters, with any gloss that lies inside it.

mod traditional;

use crate::charset::CharSet;
use crate::span::Span;
use std::borrow::Cow;

/// A text and its normalized view, with the offset map between them.
///
/// ```
/// use xiangmu::{NormalizedText, Span};
/// let text = "總投資１２億元，產(chǎn)業(yè)園";
/// let norm = NormalizedText::new(text);
/// assert_eq!(norm.as_str(), "总投资12亿元，产业园");
/// let twelve = norm.as_str().find("12亿元").unwrap();
/// let span = norm.to_original(Span::new(twelve, twelve + "12亿元".len()));
/// assert_eq!(&text[span.range()], "１２億元");
/// let park = norm.as_str().find("产业园").unwrap();
/// let span = norm.to_original(Span::new(park, park + "产业园".len()));
/// assert_eq!(&text[span.range()], "產(chǎn)業(yè)園");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizedText<'t> {
    original: &'t str,
    normalized: Cow<'t, str>,
    /// `(normalized byte, original byte)` at every character where the
    /// difference between the two offsets changes; sorted, first is (0, 0).
    /// Between two entries the texts advance byte for byte.
    anchors: Vec<(usize, usize)>,
}

impl<'t> NormalizedText<'t> {
    /// Normalizes `original`. Text that needs no change is borrowed, not
    /// copied.
    ///
    /// ```
    /// let norm = xiangmu::NormalizedText::new("投资5～10億元");
    /// assert_eq!(norm.as_str(), "投资5-10亿元");
    /// ```
    pub fn new(original: &'t str) -> NormalizedText<'t> {
        let bytes = original.as_bytes();
        // The view, once a first character changes (until then the text
        // is borrowed); unchanged stretches are copied whole.
        let mut out: Option<String> = None;
        let mut anchors = vec![(0, 0)];
        let mut copied = 0; // original bytes before this are in `out`
        // Records a change of `original[at..end]` into `folded` (`None`:
        // the characters stay, only what follows them up to `end` goes).
        let mut change = |at: usize, end: usize, folded: Option<char>, copied: &mut usize| {
            let out = out.get_or_insert_with(|| String::with_capacity(original.len()));
            out.push_str(&original[*copied..at]);
            if let Some(c) = folded {
                out.push(c);
            }
            *copied = end;
            // From here on the offsets differ by a new amount.
            let (n, o) = (out.len(), end);
            if anchors.last().is_some_and(|&(an, ao)| ao - an != o - n) {
                anchors.push((n, o));
            }
        };
        // Character by character, with one bitmap lookup each: most
        // characters change in no way. A gloss is looked for only at a
        // `(` or `（` (after an ideograph that does not change; one that
        // changes is handled with its gloss at once).
        let mut i = 0;
        while i < bytes.len() {
            // The common case first: three-byte characters that stay, one
            // bitmap lookup each and no decoding.
            let mut rest = &bytes[i..];
            while let [b0, b1, b2, tail @ ..] = rest {
                if b0 & 0xF0 != 0xE0 || STOPS.contains_utf8_3(*b0, *b1, *b2) {
                    break;
                }
                rest = tail;
            }
            i = bytes.len() - rest.len();
            let Some(&x) = bytes.get(i) else { break };
            if x < 0x80 {
                if x == b'~' {
                    change(i, i + 1, Some('-'), &mut copied);
                } else if x == b'(' {
                    if let Some(len) = gloss_after_ideograph(original, i) {
                        change(i, i + len, None, &mut copied);
                        i += len;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            let c = next_char(original, i);
            let len = c.len_utf8();
            if !CHANGES.contains(c) {
                if c == '（'
                    && let Some(gloss) = gloss_after_ideograph(original, i)
                {
                    change(i, i + gloss, None, &mut copied);
                    i += gloss;
                    continue;
                }
                i += len;
                continue;
            }
            let gloss = if is_ideograph(c) {
                gloss_len(&original[i + len..])
            } else {
                None
            };
            let end = i + len + gloss.unwrap_or(0);
            change(i, end, Some(fold(c)), &mut copied);
            i = end;
        }
        let Some(mut out) = out else {
            return NormalizedText {
                original,
                normalized: Cow::Borrowed(original),
                anchors,
            };
        };
        out.push_str(&original[copied..]);
        NormalizedText {
            original,
            normalized: Cow::Owned(out),
            anchors,
        }
    }

    /// The text as given.
    ///
    /// ```
    /// assert_eq!(xiangmu::NormalizedText::new("萬").original(), "萬");
    /// ```
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The normalized view.
    ///
    /// ```
    /// assert_eq!(xiangmu::NormalizedText::new("萬").as_str(), "万");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    /// The original byte offset where the normalized character at byte
    /// `pos` starts (or the end of the text).
    fn start_of(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.0 <= pos) - 1;
        let (n, o) = self.anchors[i];
        (o + (pos - n)).min(self.original.len())
    }

    /// [`NormalizedText::start_of`] for offsets that mostly grow from call
    /// to call: the search starts at anchor `*hint` and walks forward
    /// (binary search when `pos` lies before it), then leaves the anchor
    /// found in `*hint`.
    fn start_of_from(&self, pos: usize, hint: &mut usize) -> usize {
        let a = &self.anchors;
        let mut i = *hint;
        if a.get(i).is_none_or(|x| x.0 > pos) {
            i = a.partition_point(|x| x.0 <= pos) - 1;
        }
        while a.get(i + 1).is_some_and(|x| x.0 <= pos) {
            i += 1;
        }
        *hint = i;
        let (n, o) = a[i];
        (o + (pos - n)).min(self.original.len())
    }

    /// [`NormalizedText::to_original`] for spans in text order: `hint`
    /// (start it at 0) remembers where the last span was found, so that a
    /// whole text's spans take one walk over the offset map.
    pub(crate) fn to_original_sorted(&self, span: Span, hint: &mut usize) -> Span {
        if matches!(self.normalized, Cow::Borrowed(_)) {
            return span;
        }
        let start = self.start_of_from(span.start, hint);
        Span::new(start, self.start_of_from(span.end.max(span.start), hint))
    }

    /// Maps a span of the normalized view (on char boundaries) to the span
    /// of the original text that holds the same characters.
    ///
    /// ```
    /// use xiangmu::{NormalizedText, Span};
    /// let norm = NormalizedText::new("用地２４３畝");
    /// assert_eq!(norm.as_str(), "用地243亩");
    /// let span = norm.to_original(Span::new(6, 12));
    /// assert_eq!(&norm.original()[span.range()], "２４３畝");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        if matches!(self.normalized, Cow::Borrowed(_)) {
            return span;
        }
        // The end is where the next character starts in the original, so a
        // gloss after the last character stays inside (`年內(nèi)`).
        let start = self.start_of(span.start);
        Span::new(start, self.start_of(span.end.max(span.start)))
    }
}

fn next_char(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

/// The length of a pinyin gloss at byte `i` (a `(` or `（`) that follows an
/// ideograph.
fn gloss_after_ideograph(s: &str, i: usize) -> Option<usize> {
    let before = s[..i].chars().next_back()?;
    if !is_ideograph(before) {
        return None;
    }
    gloss_len(&s[i..])
}

/// [`CHANGES`] and `（` (which may open a gloss): where the walk over
/// unchanged characters stops.
static STOPS: CharSet = CHANGED.with('（' as u32);

/// The characters [`fold`] changes (Basic Multilingual Plane; above it
/// nothing changes), as a bitmap built at compile time.
static CHANGES: CharSet = CHANGED;

const CHANGED: CharSet = {
    let mut set = CharSet::new("~—–―～〜－﹣−\u{3000}");
    let mut cp = 0xFF01;
    while cp <= 0xFF5E {
        // Full-width clause punctuation stays.
        if !matches!(
            cp,
            0xFF0C | 0xFF1A | 0xFF1B | 0xFF08 | 0xFF09 | 0xFF01 | 0xFF1F
        ) {
            set = set.with(cp);
        }
        cp += 1;
    }
    let table = &traditional::TRADITIONAL;
    let mut k = 0;
    while k < table.len() {
        let (from, to) = table[k];
        if from >= 0x3400 && from < 0xA000 && from != to {
            set = set.with(from);
        }
        k += 1;
    }
    set
};

/// The normalized form of one character.
///
/// Full-width clause punctuation (，：；（）！？) stays as it is: scanners
/// treat both forms alike, and Simplified articles, which use it on every
/// line, then need no copy at all.
fn fold(c: char) -> char {
    match c {
        '~' | '—' | '–' | '―' | '～' | '〜' | '－' | '﹣' | '−' => '-',
        '\u{3000}' => ' ',
        '，' | '：' | '；' | '（' | '）' | '！' | '？' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3400}'..='\u{9FFF}' => simplified(c),
        _ => c,
    }
}

/// One bit per code point of U+3400..U+A000: set where the Traditional
/// table has an entry, so most characters are answered without a search.
static HAS_SIMPLIFIED: [u64; 0x6C00 / 64] = {
    let mut bits = [0u64; 0x6C00 / 64];
    let mut k = 0;
    while k < traditional::TRADITIONAL.len() {
        let cp = traditional::TRADITIONAL[k].0;
        if cp >= 0x3400 && cp < 0xA000 {
            let i = (cp - 0x3400) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        k += 1;
    }
    bits
};

fn simplified(c: char) -> char {
    let i = c as usize - 0x3400;
    if HAS_SIMPLIFIED[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    let table = &traditional::TRADITIONAL;
    match table.binary_search_by_key(&(c as u32), |p| p.0) {
        Ok(k) => char::from_u32(table[k].1).unwrap_or(c),
        Err(_) => c,
    }
}

/// Whether `c` is a CJK ideograph (the characters glosses follow).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// The byte length of a pinyin gloss at the start of `rest`: `(` or `（`,
/// one to seven pinyin letters with at most one tone mark, `)` or `）`.
/// (The text is already `str`: nothing is validated again.)
fn gloss_len(rest: &str) -> Option<usize> {
    let (open, inner) = if let Some(inner) = rest.strip_prefix('(') {
        (1, inner)
    } else if let Some(inner) = rest.strip_prefix('（') {
        (3, inner)
    } else {
        return None;
    };
    let mut vowels = 0;
    for (letters, (i, c)) in inner.char_indices().enumerate() {
        if c == ')' || c == '）' {
            return (letters > 0 && vowels > 0).then_some(open + i + c.len_utf8());
        }
        if letters == 7 {
            return None;
        }
        if c.is_ascii_lowercase() {
            vowels += usize::from(matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'v'));
        } else if is_tone_vowel(c) {
            vowels += 1;
        } else {
            return None;
        }
    }
    None
}

fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ü'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ê'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, norm_piece: &str, orig_piece: &str) {
        let n = NormalizedText::new(text);
        let at = n.as_str().find(norm_piece).expect("piece in view");
        let span = n.to_original(Span::new(at, at + norm_piece.len()));
        assert_eq!(&text[span.range()], orig_piece, "view {:?}", n.as_str());
    }

    #[test]
    fn plain_text_is_borrowed() {
        let n = NormalizedText::new("项目总投资1.5亿元");
        assert!(matches!(n.normalized, Cow::Borrowed(_)));
        roundtrip("项目总投资1.5亿元", "1.5亿元", "1.5亿元");
    }

    #[test]
    fn folds_full_width_and_traditional() {
        assert_eq!(NormalizedText::new("３．６億元").as_str(), "3.6亿元");
        roundtrip("全年完成投資３．６億元。", "3.6亿元", "３．６億元");
        roundtrip("82，225.00元", "82，225.00元", "82，225.00元");
    }

    #[test]
    fn drops_glosses_but_keeps_them_inside_spans() {
        let text = "淥口區(qū)近年吸引投資數(shù)十億元。";
        assert_eq!(
            NormalizedText::new(text).as_str(),
            "渌口区近年吸引投资数十亿元。"
        );
        roundtrip(text, "数十亿元", "數(shù)十億元");
        roundtrip(text, "渌口区", "淥口區(qū)");
        roundtrip(text, "区", "區(qū)");
        roundtrip(text, "近年", "近年");
    }

    #[test]
    fn keeps_non_gloss_parentheses() {
        assert_eq!(
            NormalizedText::new("1万(含)-5万元").as_str(),
            "1万(含)-5万元"
        );
        assert_eq!(NormalizedText::new("项目(A)").as_str(), "项目(A)");
        assert_eq!(NormalizedText::new("中心(2023)").as_str(), "中心(2023)");
        assert_eq!(NormalizedText::new("地(").as_str(), "地(");
    }

    #[test]
    fn unifies_range_marks() {
        assert_eq!(NormalizedText::new("2——3万港币").as_str(), "2--3万港币");
        assert_eq!(NormalizedText::new("5〜10~20").as_str(), "5-10-20");
    }

    #[test]
    fn sorted_lookups_match_single_ones() {
        let text = "淥口區(qū)近年吸引投資數(shù)十億元，產(chǎn)業(yè)園１２億元。";
        let n = NormalizedText::new(text);
        let s = n.as_str();
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for (k, &a) in bounds.iter().enumerate() {
            let mut hint = 0;
            for &b in &bounds[k..] {
                let span = Span::new(a, b);
                assert_eq!(n.to_original_sorted(span, &mut hint), n.to_original(span));
            }
            // Going back works too.
            let mut hint = n.anchors.len() - 1;
            assert_eq!(
                n.to_original_sorted(Span::new(a, a), &mut hint),
                n.to_original(Span::new(a, a))
            );
        }
    }

    #[test]
    fn empty_spans_and_ends() {
        let n = NormalizedText::new("產(chǎn)");
        assert_eq!(n.as_str(), "产");
        assert_eq!(
            n.to_original(Span::new(0, 3)),
            Span::new(0, "產(chǎn)".len())
        );
        assert_eq!(n.to_original(Span::new(3, 3)).start, "產(chǎn)".len());
    }
}
