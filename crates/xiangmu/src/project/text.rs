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
/// The longest sentence, in characters, before a cut at the next clause
/// boundary.
pub(crate) const MAX_SENTENCE: usize = 400;
/// The longest paragraph, in characters, before a cut at the next clause
/// boundary.
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
    /// One more character, at byte `p`; a cut when the clause grows too
    /// long.
    fn step(&mut self, seg: &mut Segments, p: usize) {
        self.clause += 1;
        self.sentence += 1;
        self.paragraph += 1;
        if self.clause > MAX_CLAUSE {
            self.end_clause(seg, (p, p), false, false);
        }
    }

    /// A clause ends at `bound` (a boundary character, or a cut), and the
    /// sentence and paragraph with it when the character says so or when
    /// they have grown too long. Long sentences and paragraphs are cut
    /// only where a clause ends, never inside a phrase, so what a copy of
    /// a text gives does not depend on where a cut falls in it.
    fn end_clause(
        &mut self,
        seg: &mut Segments,
        bound: (usize, usize),
        sentence: bool,
        paragraph: bool,
    ) {
        let paragraph = paragraph || self.paragraph > MAX_PARAGRAPH;
        if paragraph {
            seg.paragraph.push(bound);
            self.paragraph = 0;
        }
        if sentence || paragraph || self.sentence > MAX_SENTENCE {
            seg.sentence.push(bound);
            self.sentence = 0;
        }
        seg.clause.push(bound);
        self.clause = 0;
    }

    /// The `n` characters that start in `b[from..to]`, none of them a
    /// boundary: counted at once unless a cut falls among them.
    fn catch_up(&mut self, seg: &mut Segments, b: &[u8], from: usize, to: usize, n: usize) {
        if self.clause + n <= MAX_CLAUSE {
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
            count.sentence += 1;
            count.paragraph += 1;
            let bound = (p, p + c.len_utf8());
            count.end_clause(&mut seg, bound, ends_sentence(c), c == '\n');
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
            // The character before (a cut may end a paragraph at a comma).
            let mut before = start - 1;
            while !s.is_char_boundary(before) {
                before -= 1;
            }
            let (p, e) = self.paragraph(before);
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
            "{}，{}\n{}\n{}",
            "甲".repeat(130),
            "乙a".repeat(300),
            "丙".repeat(3100),
            "丁丁丁，".repeat(1000)
        );
        let seg = Segments::new(&s);
        // The long punctuated paragraph is cut at a comma.
        let last_line = s.rfind('\n').unwrap();
        let cut = seg.paragraph(last_line + 1).1;
        assert!(cut < s.len() && s[cut..].starts_with('，'), "cut at {cut}");
        // The naive definition, character by character: a clause is cut
        // after MAX_CLAUSE characters; a sentence or paragraph past its
        // limit ends with the next clause.
        let (mut clause, mut sentence, mut paragraph) = (Vec::new(), Vec::new(), Vec::new());
        let (mut c1, mut c2, mut c3) = (0, 0, 0);
        let mut end = |b: (usize, usize), sent: bool, para: bool, c: [&mut usize; 3]| {
            let [c1, c2, c3] = c;
            let para = para || *c3 > MAX_PARAGRAPH;
            if para {
                paragraph.push(b);
                *c3 = 0;
            }
            if sent || para || *c2 > MAX_SENTENCE {
                sentence.push(b);
                *c2 = 0;
            }
            clause.push(b);
            *c1 = 0;
        };
        for (i, c) in s.char_indices() {
            c2 += 1;
            c3 += 1;
            if ends_clause(c) {
                let b = (i, i + c.len_utf8());
                end(b, ends_sentence(c), c == '\n', [&mut c1, &mut c2, &mut c3]);
            } else {
                c1 += 1;
                if c1 > MAX_CLAUSE {
                    end((i, i), false, false, [&mut c1, &mut c2, &mut c3]);
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
