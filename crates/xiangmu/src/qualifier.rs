//! How a quantity is qualified: exact, approximate, a bound, a range.

use serde::{Deserialize, Serialize};

/// The qualifier of a money, area, count, percent, capacity or duration.
///
/// ```
/// let m = xiangmu::parse_money("超过70亿元").unwrap();
/// assert_eq!(m.qualifier, xiangmu::Qualifier::MoreThan);
/// assert_eq!(serde_json::to_string(&m.qualifier).unwrap(), "\"more_than\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written (`12亿元`).
    #[default]
    Exact,
    /// 约, 近, 左右 ...
    Approx,
    /// 以上, 不低于, 至少, 起 ...
    AtLeast,
    /// 超过, 逾, 余, 多, 突破 ...
    MoreThan,
    /// 以下, 以内, 不超过, 最多 ...
    AtMost,
    /// 不足, 不到, 低于.
    LessThan,
    /// `5亿至10亿元`: `low` and `high` are given, `value` is not.
    Range,
    /// `数十亿元`, `上百亿元`: no value.
    Vague,
}

impl Qualifier {
    /// The SPEC string (`"at_least"`).
    ///
    /// ```
    /// assert_eq!(xiangmu::Qualifier::AtLeast.as_str(), "at_least");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// Qualifier words written before a number, longest first so that 不低于
/// wins over 低于 and 将近 over 近. Words are in normalized (Simplified) form.
pub(crate) const PREFIXES: &[(&str, Qualifier)] = &[
    ("差不多", Qualifier::Approx),
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("大约", Qualifier::Approx),
    ("约合", Qualifier::Approx),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("至少", Qualifier::AtLeast),
    ("超过", Qualifier::MoreThan),
    ("突破", Qualifier::MoreThan),
    ("最多", Qualifier::AtMost),
    ("最高", Qualifier::AtMost),
    ("最长", Qualifier::AtMost),
    ("不足", Qualifier::LessThan),
    ("不到", Qualifier::LessThan),
    ("低于", Qualifier::LessThan),
    ("小于", Qualifier::LessThan),
    ("大于", Qualifier::MoreThan),
    ("高于", Qualifier::MoreThan),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("超", Qualifier::MoreThan),
    ("逾", Qualifier::MoreThan),
    ("过", Qualifier::MoreThan),
];

/// [`PREFIXES`] for fast tests.
pub(crate) static PREFIX_MAP: std::sync::LazyLock<crate::words::WordMap<Qualifier>> =
    std::sync::LazyLock::new(|| crate::words::WordMap::new(PREFIXES));

/// [`SUFFIXES`] for fast tests.
pub(crate) static SUFFIX_MAP: std::sync::LazyLock<crate::words::WordMap<Qualifier>> =
    std::sync::LazyLock::new(|| crate::words::WordMap::new(SUFFIXES));

/// Qualifier words written after the unit, longest first.
pub(crate) const SUFFIXES: &[(&str, Qualifier)] = &[
    ("(含)以上", Qualifier::AtLeast),
    ("(含)以下", Qualifier::AtMost),
    ("（含）以上", Qualifier::AtLeast),
    ("（含）以下", Qualifier::AtMost),
    ("及以上", Qualifier::AtLeast),
    ("及以下", Qualifier::AtMost),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
    ("起", Qualifier::AtLeast),
    ("内", Qualifier::AtMost),
    ("强", Qualifier::MoreThan),
];

/// The first entry of `words` (listed longest first) that `text` starts
/// with: what [`crate::words::WordMap::prefix_of`] finds, written plainly
/// (the tests compare the two).
#[cfg(test)]
pub(crate) fn match_prefix_of<T: Copy>(text: &str, words: &[(&str, T)]) -> Option<(usize, T)> {
    let t = text.as_bytes();
    let first = *t.first()?;
    words
        .iter()
        .find(|(w, _)| {
            let w = w.as_bytes();
            w[0] == first && t.len() >= w.len() && t[..w.len()] == *w
        })
        .map(|&(w, q)| (w.len(), q))
}

/// The longest entry of `words` that `text` ends with: what
/// [`crate::words::WordMap::suffix_of`] finds, written plainly.
#[cfg(test)]
pub(crate) fn match_suffix_of<T: Copy>(text: &str, words: &[(&str, T)]) -> Option<(usize, T)> {
    let t = text.as_bytes();
    let last = *t.last()?;
    words
        .iter()
        .filter(|(w, _)| {
            let w = w.as_bytes();
            w[w.len() - 1] == last && t.len() >= w.len() && t[t.len() - w.len()..] == *w
        })
        .max_by_key(|(w, _)| w.len())
        .map(|&(w, q)| (w.len(), q))
}
