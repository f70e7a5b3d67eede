//! Small helpers over a normalized text: clauses, sentences, paragraphs and
//! word tests at byte offsets. No allocation per character.

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

/// Characters that end a sentence.
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '!' | '？' | '?' | '\n' | '\r')
}

impl Segments {
    /// Finds the boundaries. Text with no punctuation for long is cut
    /// anyway (clauses at [`MAX_CLAUSE`] characters, sentences at
    /// [`MAX_SENTENCE`], paragraphs at [`MAX_PARAGRAPH`]), so that every
    /// look-around stays local.
    pub(crate) fn new(s: &str) -> Segments {
        let mut seg = Segments {
            len: s.len(),
            ..Segments::default()
        };
        let (mut in_clause, mut in_sentence, mut in_paragraph) = (0, 0, 0);
        for (i, c) in s.char_indices() {
            in_clause += 1;
            in_sentence += 1;
            in_paragraph += 1;
            // A cut ends the smaller segments too.
            let cut = if in_paragraph > MAX_PARAGRAPH {
                3
            } else if in_sentence > MAX_SENTENCE {
                2
            } else if in_clause > MAX_CLAUSE {
                1
            } else {
                0
            };
            if cut >= 3 {
                seg.paragraph.push((i, i));
                in_paragraph = 0;
            }
            if cut >= 2 {
                seg.sentence.push((i, i));
                in_sentence = 0;
            }
            if cut >= 1 {
                seg.clause.push((i, i));
                in_clause = 0;
            }
            if c.is_ascii() && !matches!(c, ',' | ';' | ':' | '!' | '?' | '\n' | '\r') {
                continue;
            }
            if ends_clause(c) {
                let b = (i, i + c.len_utf8());
                seg.clause.push(b);
                in_clause = 0;
                if ends_sentence(c) {
                    seg.sentence.push(b);
                    in_sentence = 0;
                }
                if c == '\n' {
                    seg.paragraph.push(b);
                    in_paragraph = 0;
                }
            }
        }
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
    for (i, c) in s.get(from..pos)?.char_indices() {
        if is_open_quote(c) {
            open = Some(from + i);
        } else if is_close_quote(c) {
            open = None;
        } else if c == '"' {
            ascii_open = match ascii_open {
                Some(_) => None,
                None => Some(from + i),
            };
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
    fn quotes() {
        let s = "实现“拿地即开工”。";
        let p = s.find("开工").unwrap();
        let open = open_quote_before(s, 0, p).unwrap();
        assert_eq!(&s[open..open + 3], "“");
        let after = close_quote_after(s, p, s.len()).unwrap();
        assert_eq!(&s[after..], "。");
    }
}

/// A word list indexed by first and last character, for fast
/// `starts_with`/`ends_with` tests at a position (one hash lookup, then
/// only the words that can match).
#[derive(Debug)]
pub(crate) struct WordSet {
    by_first: std::collections::HashMap<char, Vec<&'static str>>,
    by_last: std::collections::HashMap<char, Vec<&'static str>>,
}

impl WordSet {
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let mut by_first: std::collections::HashMap<char, Vec<&'static str>> = Default::default();
        let mut by_last: std::collections::HashMap<char, Vec<&'static str>> = Default::default();
        for w in words {
            if let (Some(f), Some(l)) = (w.chars().next(), w.chars().next_back()) {
                by_first.entry(f).or_default().push(w);
                by_last.entry(l).or_default().push(w);
            }
        }
        for v in by_first.values_mut().chain(by_last.values_mut()) {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v.dedup();
        }
        WordSet { by_first, by_last }
    }

    /// The longest word starting at byte `i`: its length.
    pub(crate) fn starts_at(&self, s: &str, i: usize) -> Option<usize> {
        let tail = s.get(i..)?;
        let c = tail.chars().next()?;
        self.by_first
            .get(&c)?
            .iter()
            .find(|w| tail.starts_with(**w))
            .map(|w| w.len())
    }

    /// The longest word ending at byte `i`: its length.
    pub(crate) fn ends_at(&self, s: &str, i: usize) -> Option<usize> {
        let head = s.get(..i)?;
        let c = head.chars().next_back()?;
        self.by_last
            .get(&c)?
            .iter()
            .find(|w| head.ends_with(**w))
            .map(|w| w.len())
    }
}
