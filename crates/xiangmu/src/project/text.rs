//! Small helpers over a normalized text: clauses, sentences, paragraphs and
//! word tests at byte offsets. No allocation per character.

use crate::charset::CharSet;
use crate::words::cp_at;
pub(crate) use crate::words::{Order, WordSet};

/// The clause, sentence and paragraph boundaries of a normalized text, as
/// sorted byte offsets of the boundary characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segments {
    clause: Vec<(usize, usize)>,
    sentence: Vec<(usize, usize)>,
    paragraph: Vec<(usize, usize)>,
    len: usize,
}

/// The longest clause, in characters, before a cut.
pub(crate) const MAX_CLAUSE: usize = 120;
/// The longest sentence, in characters, before a cut.
pub(crate) const MAX_SENTENCE: usize = 400;
/// The longest paragraph, in characters, before a cut.
pub(crate) const MAX_PARAGRAPH: usize = 3000;

/// Characters that end a clause. Unlike [`crate::lexicon::ends_clause`],
/// `、` and brackets do not: a list shares its predicate.
pub(crate) fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '!' | '？' | '?' | '\n' | '\r' | '…'
    )
}

/// The three-byte characters of [`ends_clause`] (the ASCII ones are in
/// [`crate::candidates`]).
pub(crate) static BOUNDARY_CJK: CharSet = CharSet::new("，；：。！？…");

/// Characters read since the last clause, sentence and paragraph
/// boundary (or cut), while [`Segments::from_boundaries`] walks a text.
#[derive(Default)]
struct Counts {
    clause: usize,
    sentence: usize,
    paragraph: usize,
}

impl Counts {
    /// One more character, at byte `p`; a cut when a segment grows too
    /// long (a cut ends the smaller segments too).
    fn step(&mut self, seg: &mut Segments, p: usize) {
        self.clause += 1;
        self.sentence += 1;
        self.paragraph += 1;
        if self.clause <= MAX_CLAUSE
            && self.sentence <= MAX_SENTENCE
            && self.paragraph <= MAX_PARAGRAPH
        {
            return;
        }
        let cut = if self.paragraph > MAX_PARAGRAPH {
            3
        } else if self.sentence > MAX_SENTENCE {
            2
        } else {
            1
        };
        if cut >= 3 {
            seg.paragraph.push((p, p));
            self.paragraph = 0;
        }
        if cut >= 2 {
            seg.sentence.push((p, p));
            self.sentence = 0;
        }
        seg.clause.push((p, p));
        self.clause = 0;
    }

    /// The `n` characters that start in `b[from..to]`, none of them a
    /// boundary: counted at once unless a cut falls among them.
    fn catch_up(&mut self, seg: &mut Segments, b: &[u8], from: usize, to: usize, n: usize) {
        if self.clause + n <= MAX_CLAUSE
            && self.sentence + n <= MAX_SENTENCE
            && self.paragraph + n <= MAX_PARAGRAPH
        {
            self.clause += n;
            self.sentence += n;
            self.paragraph += n;
            return;
        }
        for (k, &x) in b[from..to].iter().enumerate() {
            // Continuation bytes start no character.
            if (x as i8) >= -0x40 {
                self.step(seg, from + k);
            }
        }
    }
}

/// Characters that end a sentence.
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '!' | '？' | '?' | '\n' | '\r')
}

impl Segments {
    /// Finds the boundaries of a text (the tests' entry point).
    #[cfg(test)]
    pub(crate) fn new(s: &str) -> Segments {
        Segments::from_boundaries(s, &crate::candidates::Candidates::new(s).boundary)
    }

    /// Finds the boundaries, from the positions of the characters that may
    /// end a clause (the ASCII and three-byte characters of
    /// [`ends_clause`]; a superset is fine). Text with no punctuation for
    /// long is cut anyway (clauses at [`MAX_CLAUSE`] characters, sentences
    /// at [`MAX_SENTENCE`], paragraphs at [`MAX_PARAGRAPH`]), so that every
    /// look-around stays local.
    pub(crate) fn from_boundaries(s: &str, boundaries: &[usize]) -> Segments {
        // Room for every boundary (and a few cuts): no regrowth.
        let mut seg = Segments {
            clause: Vec::with_capacity(boundaries.len() + 8),
            sentence: Vec::with_capacity(boundaries.len() / 2 + 8),
            len: s.len(),
            ..Segments::default()
        };
        let b = s.as_bytes();
        // Only the boundaries are visited; the characters since the last
        // one are counted (eight bytes at a time) when the next is found.
        // Where a segment grew too long, that stretch is walked again, one
        // character at a time, to place the cuts.
        let mut count = Counts::default();
        let mut last = 0; // the byte after the last boundary
        for &p in boundaries {
            let Some(c) = char_at(s, p) else { continue };
            if !ends_clause(c) {
                continue;
            }
            let n = crate::span::count_chars(&b[last..p]);
            count.catch_up(&mut seg, b, last, p, n);
            count.step(&mut seg, p);
            let bound = (p, p + c.len_utf8());
            seg.clause.push(bound);
            count.clause = 0;
            if ends_sentence(c) {
                seg.sentence.push(bound);
                count.sentence = 0;
            }
            if c == '\n' {
                seg.paragraph.push(bound);
                count.paragraph = 0;
            }
            last = bound.1;
        }
        let n = crate::span::count_chars(&b[last..]);
        count.catch_up(&mut seg, b, last, b.len(), n);
        seg
    }

    fn around(list: &[(usize, usize)], len: usize, pos: usize) -> (usize, usize) {
        // Boundaries that start before `pos` end the previous segment.
        let i = list.partition_point(|b| b.0 < pos);
        let start = if i == 0 { 0 } else { list[i - 1].1 };
        let end = list.get(i).map_or(len, |b| b.0);
        (start.min(pos), end.max(pos))
    }

    /// `[start, end)` of the clause holding byte `pos`.
    pub(crate) fn clause(&self, pos: usize) -> (usize, usize) {
        Segments::around(&self.clause, self.len, pos)
    }

    /// `[start, end)` of the sentence holding byte `pos`.
    pub(crate) fn sentence(&self, pos: usize) -> (usize, usize) {
        Segments::around(&self.sentence, self.len, pos)
    }

    /// `[start, end)` of the paragraph (line) holding byte `pos`.
    pub(crate) fn paragraph(&self, pos: usize) -> (usize, usize) {
        Segments::around(&self.paragraph, self.len, pos)
    }

    /// Start of the paragraph before the one holding `pos` (skipping empty
    /// lines), or the start of this one.
    pub(crate) fn previous_paragraph_start(&self, s: &str, pos: usize) -> usize {
        let (mut start, _) = self.paragraph(pos);
        let mut hops = 0;
        while start > 0 && hops < 8 {
            let (p, e) = self.paragraph(start - 1);
            hops += 1;
            if s[p..e].trim().is_empty() {
                start = p;
                continue;
            }
            return p;
        }
        start
    }
}

/// The character that starts at byte `i`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The character that ends at byte `i`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// Whether `s[..i]` ends with one of `words`; returns its length.
pub(crate) fn ends_with_any(s: &str, i: usize, words: &[&str]) -> Option<usize> {
    let head = s.get(..i)?;
    words.iter().find(|w| head.ends_with(**w)).map(|w| w.len())
}

/// Whether `s[i..]` starts with one of `words`; returns its length.
pub(crate) fn starts_with_any(s: &str, i: usize, words: &[&str]) -> Option<usize> {
    let tail = s.get(i..)?;
    words
        .iter()
        .find(|w| tail.starts_with(**w))
        .map(|w| w.len())
}

/// CJK ideographs (the basic block and extension A).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Chinese numerals and ASCII digits.
pub(crate) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '零' | '〇'
                | '一'
                | '二'
                | '两'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '几'
                | '数'
        )
}

/// Opening quotation marks.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '《')
}

/// Closing quotation marks.
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》')
}

/// Whether byte `pos` lies inside quotation marks opened in `[from, pos)`.
/// Returns the byte offset of the opening mark.
pub(crate) fn open_quote_before(s: &str, from: usize, pos: usize) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut ascii_open: Option<usize> = None;
    let b = s.get(from..pos)?.as_bytes();
    // Every quotation mark is `"` or a three-byte character starting with
    // E2 or E3 (bytes that only ever start a character): only those bytes
    // are visited (`memchr3` skips the rest many bytes at a time) and
    // decoded.
    for k in memchr::memchr3_iter(0xE2, 0xE3, b'"', b) {
        let i = from + k;
        if b[k] == b'"' {
            ascii_open = match ascii_open {
                Some(_) => None,
                None => Some(i),
            };
        } else if let Some(&[x, b1, b2]) = b.get(k..k + 3) {
            let c = char::from_u32(cp_at(&[x, b1, b2], 0)).unwrap_or(' ');
            if is_open_quote(c) {
                open = Some(i);
            } else if is_close_quote(c) {
                open = None;
            }
        }
    }
    open.or(ascii_open)
}

/// The byte after the quotation mark that closes the quote open at `pos`
/// (searching up to `limit`).
pub(crate) fn close_quote_after(s: &str, pos: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(s.len());
    let tail = s.get(pos..limit)?;
    for (i, c) in tail.char_indices() {
        if is_close_quote(c) || c == '"' {
            return Some(pos + i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments() {
        let s = "甲，乙。丙、丁\n戊";
        let seg = Segments::new(s);
        let p = s.find('乙').unwrap();
        assert_eq!(&s[seg.clause(p).0..seg.clause(p).1], "乙");
        let q = s.find('丁').unwrap();
        assert_eq!(&s[seg.clause(q).0..seg.clause(q).1], "丙、丁");
        assert_eq!(&s[seg.sentence(p).0..seg.sentence(p).1], "甲，乙");
        let r = s.find('戊').unwrap();
        assert_eq!(&s[seg.paragraph(r).0..seg.paragraph(r).1], "戊");
        assert_eq!(seg.previous_paragraph_start(s, r), 0);
    }

    #[test]
    fn long_segments_are_cut() {
        let s = format!(
            "{}，{}\n{}",
            "甲".repeat(130),
            "乙a".repeat(300),
            "丙".repeat(3100)
        );
        let seg = Segments::new(&s);
        // The naive definition, character by character.
        let (mut clause, mut sentence, mut paragraph) = (Vec::new(), Vec::new(), Vec::new());
        let (mut c1, mut c2, mut c3) = (0, 0, 0);
        for (i, c) in s.char_indices() {
            c1 += 1;
            c2 += 1;
            c3 += 1;
            let cut = if c3 > MAX_PARAGRAPH {
                3
            } else if c2 > MAX_SENTENCE {
                2
            } else if c1 > MAX_CLAUSE {
                1
            } else {
                0
            };
            if cut >= 3 {
                paragraph.push((i, i));
                c3 = 0;
            }
            if cut >= 2 {
                sentence.push((i, i));
                c2 = 0;
            }
            if cut >= 1 {
                clause.push((i, i));
                c1 = 0;
            }
            if ends_clause(c) {
                let b = (i, i + c.len_utf8());
                clause.push(b);
                c1 = 0;
                if ends_sentence(c) {
                    sentence.push(b);
                    c2 = 0;
                }
                if c == '\n' {
                    paragraph.push(b);
                    c3 = 0;
                }
            }
        }
        assert_eq!(
            (seg.clause, seg.sentence, seg.paragraph),
            (clause, sentence, paragraph)
        );
    }

    #[test]
    fn quotes() {
        let s = "实现“拿地即开工”。";
        let p = s.find("开工").unwrap();
        let open = open_quote_before(s, 0, p).unwrap();
        assert_eq!(&s[open..open + 3], "“");
        let after = close_quote_after(s, p, s.len()).unwrap();
        assert_eq!(&s[after..], "。");
    }
}
