//! The pipeline: normalize once, scan once, resolve overlaps, map spans
//! back to the original text.

use crate::candidates::Candidates;
use crate::mention::{Kind, Mention, Value};
use crate::normalize::NormalizedText;
use crate::quantity::{self, Quantity};
use crate::span::{CharCounter, Span};
use crate::{area, capacity, count, date, money, percent};

/// What `extract` looks for.
///
/// ```
/// use xiangmu::{extract, Kind, Options};
/// let only_area = Options::default().with_kinds(&[Kind::Area]);
/// let found = extract("总投资20亿元，用地约243.82亩", &only_area);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text, "约243.82亩");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    kinds: u32,
    anchor: Option<jiff::civil::Date>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            kinds: u32::MAX,
            anchor: None,
        }
    }
}

impl Options {
    /// Only these kinds (an empty list finds nothing).
    ///
    /// ```
    /// let o = xiangmu::Options::default().with_kinds(&[xiangmu::Kind::Money]);
    /// assert!(o.wants(xiangmu::Kind::Money) && !o.wants(xiangmu::Kind::Area));
    /// ```
    pub fn with_kinds(mut self, kinds: &[Kind]) -> Options {
        self.kinds = kinds.iter().fold(0, |bits, &k| bits | 1 << k as u32);
        self
    }

    /// Whether `kind` is looked for.
    ///
    /// ```
    /// assert!(xiangmu::Options::default().wants(xiangmu::Kind::Area));
    /// ```
    pub fn wants(&self, kind: Kind) -> bool {
        self.kinds & (1 << kind as u32) != 0
    }

    /// Resolve dates against `anchor`, the article's publication date
    /// (`今年`, `3月25日`, `月底` need it).
    ///
    /// ```
    /// use jiff::civil::date;
    /// use xiangmu::{extract, Options, Value};
    /// let options = Options::default().with_anchor(date(2023, 3, 25));
    /// let found = extract("预计3月底就可以拿地开工", &options);
    /// let Value::Date(d) = found[0].value else { panic!() };
    /// assert_eq!(d.start, Some(date(2023, 3, 21)));
    /// assert_eq!(
    ///     serde_json::to_string(&found[0]).unwrap(),
    ///     r#"{"start":2,"end":5,"text":"3月底","kind":"date","value":{"start":"2023-03-21","end":"2023-03-31","grain":"xun"}}"#
    /// );
    /// ```
    pub fn with_anchor(mut self, anchor: jiff::civil::Date) -> Options {
        self.anchor = Some(anchor);
        self
    }

    /// The anchor date, if one was given.
    ///
    /// ```
    /// assert_eq!(xiangmu::Options::default().anchor(), None);
    /// ```
    pub fn anchor(&self) -> Option<jiff::civil::Date> {
        self.anchor
    }
}

/// Finds every mention in `text`, sorted by start.
///
/// Never fails and never panics: text without facts gives an empty list.
///
/// ```
/// use xiangmu::{extract, Options};
/// let text = "項目總投資超過70億元，規(guī)劃用地300畝。";
/// let found = extract(text, &Options::default());
/// let texts: Vec<_> = found.iter().map(|m| m.text).collect();
/// assert_eq!(texts, ["超過70億元", "300畝"]);
/// for m in &found {
///     let by_chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
///     assert_eq!(by_chars, m.text);
/// }
/// ```
pub fn extract<'t>(text: &'t str, options: &Options) -> Vec<Mention<'t>> {
    let norm = NormalizedText::new(text);
    to_mentions(&norm, scan(&norm, options))
}

/// Every fact of a normalized text as `(normalized span, value)`, sorted,
/// without overlaps (the earlier, then the longer, wins).
pub(crate) fn scan(norm: &NormalizedText<'_>, options: &Options) -> Vec<(Span, Value)> {
    let s = norm.as_str();
    let candidates = if options.wants(Kind::Milestone) {
        Candidates::new(s)
    } else {
        Candidates::quantities_and_dates(s)
    };
    scan_with_temporals(norm, &candidates, options).0
}

/// The dates and durations of a text, as [`date::scan_at`] gives them.
pub(crate) type Temporals = Vec<(Span, date::Temporal)>;

/// [`scan`] with the text's candidates (all of them when milestones are
/// looked for), and the dates and durations of the text (all of them,
/// before overlaps are resolved; empty when no date, duration or milestone
/// is looked for), which the caller may need again.
pub(crate) fn scan_with_temporals(
    norm: &NormalizedText<'_>,
    candidates: &Candidates,
    options: &Options,
) -> (Vec<(Span, Value)>, Temporals) {
    let s = norm.as_str();
    let mut found: Vec<(Span, Value)> = Vec::new();
    for q in quantities_at(s, &candidates.quantity) {
        if options.wants(Kind::Money)
            && let Some((span, m)) = money::from_quantity(s, &q, false)
        {
            found.push((span, Value::Money(m)));
        } else if options.wants(Kind::Area)
            && let Some(a) = area::from_quantity(s, &q)
        {
            found.push((q.span, Value::Area(a)));
        } else if options.wants(Kind::Count)
            && let Some((span, c)) = count::from_quantity(norm, &q)
        {
            found.push((span, Value::Count(c)));
        } else if options.wants(Kind::Percent)
            && let Some(p) = percent::from_quantity(&q)
        {
            found.push((q.span, Value::Percent(p)));
        } else if options.wants(Kind::Capacity)
            && let Some(c) = capacity::from_quantity(&q)
        {
            found.push((q.span, Value::Capacity(c)));
        }
    }
    let wants_milestones = options.wants(Kind::Milestone);
    let mut temporals: Temporals = Vec::new();
    if options.wants(Kind::Date) || options.wants(Kind::Duration) || wants_milestones {
        for (span, t) in date::scan_at(s, &candidates.date, options.anchor) {
            match t {
                Some(date::Temporal::Date(d)) if options.wants(Kind::Date) => {
                    found.push((span, Value::Date(d)));
                }
                Some(date::Temporal::Duration(d)) if options.wants(Kind::Duration) => {
                    found.push((span, Value::Duration(d)));
                }
                _ => {}
            }
            // A date that does not exist is no mention, but it is there for
            // the milestones: one it governs has no date (never an earlier
            // clause's), as with an unresolved `当年`.
            let t = t.unwrap_or(date::Temporal::Date(date::DateSpan {
                start: None,
                end: None,
                grain: date::Grain::Year,
            }));
            temporals.push((span, t));
        }
        if wants_milestones {
            // A cheap check first: no stage word, no milestone work.
            found.extend(crate::milestone::mentions(
                norm,
                candidates,
                &temporals,
                options.anchor,
            ));
        }
    }
    (resolve_overlaps(found), temporals)
}

/// Sorts and drops overlaps: the earlier, then the longer, wins.
fn resolve_overlaps(mut found: Vec<(Span, Value)>) -> Vec<(Span, Value)> {
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut last_end = 0;
    found.retain(|(span, _)| {
        if span.start < last_end || span.is_empty() {
            return false;
        }
        last_end = span.end;
        true
    });
    found
}

/// Maps sorted, non-overlapping normalized spans to the original text and
/// its code points.
fn to_mentions<'t>(norm: &NormalizedText<'t>, found: Vec<(Span, Value)>) -> Vec<Mention<'t>> {
    let original = norm.original();
    let mut chars = CharCounter::new(original);
    let mut out = Vec::with_capacity(found.len());
    let mut hint = 0;
    for (span, value) in found {
        let orig = norm.to_original_sorted(span, &mut hint);
        let start = chars.at(orig.start);
        let end = chars.at(orig.end);
        out.push(Mention {
            start,
            end,
            text: &original[orig.range()],
            span: orig,
            value,
        });
    }
    out
}

/// Every number-with-unit candidate of a normalized text, left to right,
/// each read once.
pub(crate) fn quantities(s: &str) -> impl Iterator<Item = Quantity> + '_ {
    let starts = Candidates::quantities_and_dates(s).quantity;
    let (mut k, mut pos) = (0, 0);
    std::iter::from_fn(move || next_quantity(s, &starts, &mut k, &mut pos))
}

/// [`quantities`], from the quantity candidates `starts` of the text.
pub(crate) fn quantities_at<'a>(
    s: &'a str,
    starts: &'a [usize],
) -> impl Iterator<Item = Quantity> + 'a {
    let (mut k, mut pos) = (0, 0);
    std::iter::from_fn(move || next_quantity(s, starts, &mut k, &mut pos))
}

/// The next quantity from candidate `starts[*k]` on, not before byte
/// `*pos`.
fn next_quantity(s: &str, starts: &[usize], k: &mut usize, pos: &mut usize) -> Option<Quantity> {
    while let Some(&at) = starts.get(*k) {
        *k += 1;
        if at < *pos || !quantity::may_start(s, at) {
            continue;
        }
        match quantity::scan(s, at) {
            Ok(Some(q)) => {
                *pos = quantity::skip_after(s, at, q.consumed);
                if q.consumed > at {
                    *pos = (*pos).max(q.consumed);
                }
                return Some(q);
            }
            Ok(None) => *pos = quantity::skip_after(s, at, at),
            // A number too large for an exact decimal: skip all of it.
            Err(e) => *pos = e.span().end.max(at + 1),
        }
    }
    None
}
