//! Counts: a number with a measure word (`181个`, `13名`, `300余家`).

use crate::decimal::Decimal;
use crate::normalize::NormalizedText;
use crate::qualifier::Qualifier;
use crate::quantity::{Quantity, Unit};
use crate::span::Span;
use serde::{Serialize, Serializer};

/// A count as the SPEC writes it: an integer `value` (or `low`/`high`),
/// the measure word as written, and the qualifier.
///
/// ```
/// let found = xiangmu::extract("高新区在库项目181个。", &Default::default());
/// let c = found[0].as_count().unwrap();
/// assert_eq!((c.value, c.unit.as_str()), (Some(181), "个"));
/// assert_eq!(
///     serde_json::to_string(c).unwrap(),
///     r#"{"value":181,"unit":"个","qualifier":"exact"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Count {
    /// The number of things.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    /// Low end of a range (`3至5个`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<u64>,
    /// High end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    /// The measure word, as written in the original text (`個` stays `個`).
    pub unit: Word,
    /// Exact, a bound, approximate, a range or vague.
    pub qualifier: Qualifier,
}

/// A short word of the original text (a measure word), stored inline so a
/// fact needs no allocation.
///
/// ```
/// let found = xiangmu::extract("引進項目18個", &Default::default());
/// assert_eq!(found[0].as_count().unwrap().unit.as_str(), "個");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Word {
    bytes: [u8; 15],
    len: u8,
}

impl Word {
    /// Keeps `s` if it fits (15 bytes), else its first characters.
    fn new(s: &str) -> Word {
        let mut end = s.len().min(15);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; 15];
        bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
        Word {
            bytes,
            len: end as u8,
        }
    }

    /// The word.
    ///
    /// ```
    /// let found = xiangmu::extract("选派专员13名", &Default::default());
    /// assert_eq!(found[0].as_count().unwrap().unit.as_str(), "名");
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for Word {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Whole numbers only: 2.6万余件 is 26000; 2.5个 is no count.
fn integer(d: Option<Decimal>) -> Option<Option<u64>> {
    match d {
        None => Some(None),
        Some(d) if d.fract().is_zero() && d >= Decimal::ZERO => u64::try_from(d).ok().map(Some),
        Some(_) => None,
    }
}

/// Turns a scanned quantity into a count if a measure word follows, with
/// its span: a second measure word in brackets joins it (`9923家(次)`,
/// enterprises or visits), the unit staying the first.
pub(crate) fn from_quantity(norm: &NormalizedText<'_>, q: &Quantity) -> Option<(Span, Count)> {
    let Unit::Count(word) = q.unit else {
        return None;
    };
    let s = norm.as_str();
    // 一个, 一次: an article, not a count; 第3个: an ordinal; “五个…”: a label.
    if q.lone_one || s[..q.number_start].ends_with('第') {
        return None;
    }
    if !q.explicit && q.span.start == q.number_start && q.qualifier != Qualifier::Vague {
        return None; // 百家, 千家万户: no digit and no qualifier
    }
    if s[..q.span.start].ends_with(['“', '"', '「'])
        && !s.as_bytes()[q.number_start].is_ascii_digit()
    {
        return None;
    }
    // 10个月, 5个工作日, 7个小时, 1个多月: a duration, not a count.
    let after = s[word.end..].trim_start_matches(['多', '半']);
    if ["月", "小时", "工作日", "星期", "钟头", "年", "季度"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return None;
    }
    let original = norm.original();
    let unit = Word::new(&original[norm.to_original(word).range()]);
    let count = Count {
        value: integer(q.value)?,
        low: integer(q.low)?,
        high: integer(q.high)?,
        unit,
        qualifier: q.qualifier,
    };
    let mut span = q.span;
    if q.span.end == word.end {
        span.end += bracketed_measure_word(&s[word.end..]);
    }
    Some((span, count))
}

/// The length of `(次)` / `（次）` at the start of `rest`: one measure word
/// in brackets; 0 if there is none.
fn bracketed_measure_word(rest: &str) -> usize {
    let Some(open) = ["(", "（"].into_iter().find(|o| rest.starts_with(o)) else {
        return 0;
    };
    let inner = &rest[open.len()..];
    let Some((len, ())) = crate::lexicon::MEASURE_WORD_MAP.prefix_of(inner) else {
        return 0;
    };
    match [")", "）"]
        .into_iter()
        .find(|c| inner[len..].starts_with(c))
    {
        Some(close) => open.len() + len + close.len(),
        None => 0,
    }
}
