//! Dates, periods and durations, resolved against the article's date.
//!
//! A date mention is a period with inclusive ends and a grain
//! ([`DateSpan`]): `2018年12月18日` is one day, `9月下旬` the 21st to the end
//! of September (grain [`Grain::Xun`]), `今年前三季度` January 1 to
//! September 30 of the anchor year. Words that need the article's date
//! (`今年`, `3月25日`, `月底`) are resolved against an *anchor*, the
//! publication date; without one the sides that need it are `None`.
//!
//! A duration (`10个月`, `24小时内`, `半年`) is a length of time in the unit
//! as written ([`Duration`]).
//!
//! Every rule is listed in `docs/dates.md`.

mod duration;
mod parse;

use crate::error::{Error, ErrorKind, Result};
use crate::normalize::NormalizedText;
use crate::numeral::shift_error;
use crate::span::Span;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

pub use duration::{Duration, DurationUnit};
pub(crate) use parse::STARTS;

/// How fine a period is: the unit of time the text names.
///
/// ```
/// let d = xiangmu::parse_date("9月下旬", None).unwrap();
/// assert_eq!(d.grain, xiangmu::Grain::Xun);
/// assert_eq!(xiangmu::Grain::HalfYear.as_str(), "half_year");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One or more days (`2月4日`, `5月15日至17日`).
    Day,
    /// A ten-day part of a month (`上旬` 1-10, `中旬` 11-20, `下旬` 21-end;
    /// also `月初`, `月中`, `月底`).
    Xun,
    /// One or more months (`6月`, `年底`, `1至9月`).
    Month,
    /// Quarters (`一季度`, `前三季度`).
    Quarter,
    /// Halves of a year (`上半年`).
    HalfYear,
    /// Years (`2018年`, `今年`, `年内`).
    Year,
}

impl Grain {
    /// The SPEC string (`"day"`, `"xun"`, `"month"`, `"quarter"`,
    /// `"half_year"`, `"year"`).
    ///
    /// ```
    /// assert_eq!(xiangmu::Grain::Quarter.as_str(), "quarter");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Xun => "xun",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::HalfYear => "half_year",
            Grain::Year => "year",
        }
    }
}

/// A resolved period: first and last day (inclusive) and its grain.
///
/// A side is `None` when it is open (`截至9月底` has no start) or when it
/// needs an anchor that was not given (`3月25日` without one).
///
/// ```
/// use jiff::civil::date;
/// let d = xiangmu::parse_date("截至9月底", Some(date(2022, 11, 18))).unwrap();
/// assert_eq!((d.start, d.end), (None, Some(date(2022, 9, 30))));
/// assert_eq!(
///     serde_json::to_string(&d).unwrap(),
///     r#"{"start":null,"end":"2022-09-30","grain":"xun"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DateSpan {
    /// The first day, or `None`.
    #[serde(serialize_with = "serialize_date")]
    pub start: Option<Date>,
    /// The last day (inclusive), or `None`.
    #[serde(serialize_with = "serialize_date")]
    pub end: Option<Date>,
    /// The grain of the time word.
    pub grain: Grain,
}

fn serialize_date<S: Serializer>(d: &Option<Date>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// Serializes a date value nested under `value` (the mention's own
/// `start`/`end` are its offsets).
pub(crate) fn serialize_nested<S: Serializer>(
    d: &DateSpan,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Nested<'a> {
        value: &'a DateSpan,
    }
    Nested { value: d }.serialize(s)
}

/// A date or a duration found in a text.
///
/// ```
/// use xiangmu::{date, NormalizedText};
/// let norm = NormalizedText::new("签约1个多月");
/// let (_, found) = date::find_iter(&norm, None).next().unwrap();
/// assert!(matches!(found, date::Temporal::Duration(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Temporal {
    /// A date, period, or open range.
    Date(DateSpan),
    /// A length of time.
    Duration(Duration),
}

/// Parses one date expression, resolved against `anchor` (the article's
/// publication date).
///
/// The whole input must be the expression; a year reference for `当年`
/// can only come from the input itself.
///
/// ```
/// use jiff::civil::date;
/// use xiangmu::{parse_date, Grain};
/// let anchor = Some(date(2024, 1, 15));
/// let d = parse_date("2月底", anchor).unwrap();
/// assert_eq!((d.start, d.end, d.grain), (Some(date(2024, 2, 21)), Some(date(2024, 2, 29)), Grain::Xun));
/// let d = parse_date("二〇一八年十二月十八日", None).unwrap();
/// assert_eq!(d.start, Some(date(2018, 12, 18)));
/// assert!(parse_date("2023年2月30日", None).is_err());
/// assert!(parse_date("13年", None).is_err());
/// ```
pub fn parse_date(input: &str, anchor: Option<Date>) -> Result<DateSpan> {
    let trimmed = input.trim();
    let offset = input.len() - input.trim_start().len();
    let norm = NormalizedText::new(trimmed);
    let s = norm.as_str();
    let fix = |e: Error| shift_error(e, &norm, offset);
    let mut ctx = parse::Context::default();
    match parse::expr_at(s, 0, anchor, &mut ctx) {
        parse::Outcome::Found(0, end, span) if end == s.len() => Ok(span),
        parse::Outcome::Found(0, end, _) => Err(fix(Error::unexpected(s, end, "end of the date"))),
        parse::Outcome::Found(..) => Err(fix(Error::unexpected(s, 0, "a date"))),
        parse::Outcome::Invalid(end, reason) => {
            let span = norm.to_original(Span::new(0, end));
            Err(Error::new(
                ErrorKind::InvalidDate {
                    found: trimmed[span.range()].to_string(),
                    reason: reason.to_string(),
                },
                Span::new(span.start + offset, span.end + offset),
            ))
        }
        parse::Outcome::None => Err(fix(Error::unexpected(s, 0, "a date"))),
    }
}

/// Parses one duration expression (`10个月`, `24小时内`, `半年时间`).
///
/// ```
/// use xiangmu::{parse_duration, DurationUnit, Qualifier};
/// let d = parse_duration("24小时内").unwrap();
/// assert_eq!((d.value.unwrap().to_string(), d.unit, d.qualifier), ("24".into(), DurationUnit::Hour, Qualifier::AtMost));
/// assert_eq!(parse_duration("半年").unwrap().value.unwrap().to_string(), "0.5");
/// assert!(parse_duration("2018年").is_err());
/// ```
pub fn parse_duration(input: &str) -> Result<Duration> {
    let trimmed = input.trim();
    let offset = input.len() - input.trim_start().len();
    let norm = NormalizedText::new(trimmed);
    let s = norm.as_str();
    let fix = |e: Error| shift_error(e, &norm, offset);
    let mut ctx = parse::Context::default();
    if let parse::Outcome::Found(..) | parse::Outcome::Invalid(..) =
        parse::expr_at(s, 0, None, &mut ctx)
    {
        return Err(fix(Error::unexpected(s, 0, "a duration")));
    }
    match duration::duration_at(s, 0) {
        Some((start, end, d)) if start == 0 && end == s.len() => Ok(d),
        Some((_, end, _)) => Err(fix(Error::unexpected(s, end, "end of the duration"))),
        None => Err(fix(Error::unexpected(s, 0, "a duration"))),
    }
}

/// Every date and duration of a normalized text, left to right, in
/// normalized byte spans, with dates resolved against `anchor`.
///
/// `当年`/`次年` take the nearest earlier year written in the same
/// paragraph.
///
/// ```
/// use jiff::civil::date;
/// use xiangmu::{date::{find_iter, Temporal}, NormalizedText};
/// let norm = NormalizedText::new("該項目2021年簽約，當年即開工，僅用10個月建成。");
/// let found: Vec<_> = find_iter(&norm, Some(date(2023, 6, 27))).collect();
/// let texts: Vec<_> = found.iter().map(|(span, _)| &norm.as_str()[span.range()]).collect();
/// assert_eq!(texts, ["2021年", "当年", "10个月"]);
/// let Temporal::Date(d) = found[1].1 else { panic!() };
/// assert_eq!(d.start, Some(date(2021, 1, 1)));
/// ```
pub fn find_iter<'a>(
    norm: &'a NormalizedText<'_>,
    anchor: Option<Date>,
) -> impl Iterator<Item = (Span, Temporal)> + 'a {
    scan_str(norm.as_str(), anchor)
}

/// [`find_iter`] over a normalized string.
pub(crate) fn scan_str(
    s: &str,
    anchor: Option<Date>,
) -> impl Iterator<Item = (Span, Temporal)> + '_ {
    let starts = crate::candidates::Candidates::quantities_and_dates(s).date;
    let mut pos = 0;
    let mut k = 0;
    let mut ctx = parse::Context::default();
    std::iter::from_fn(move || next_temporal(s, &starts, &mut k, &mut pos, anchor, &mut ctx))
        .filter_map(|(span, t)| Some((span, t?)))
}

/// The dates and durations of a normalized text, read from its date
/// candidates `starts` (ASCII digits, `Q`, and the characters of
/// [`STARTS`]: the cheap test before any parsing).
///
/// `None` marks a date that is written but does not exist (`2月30日`, or
/// `明年` when the anchor is in 9999): no mention, but a milestone it
/// governs must not take an earlier clause's date instead.
pub(crate) fn scan_at<'a>(
    s: &'a str,
    starts: &'a [usize],
    anchor: Option<Date>,
) -> impl Iterator<Item = (Span, Option<Temporal>)> + 'a {
    let mut pos = 0;
    let mut k = 0;
    let mut ctx = parse::Context::default();
    std::iter::from_fn(move || next_temporal(s, starts, &mut k, &mut pos, anchor, &mut ctx))
}

/// The next date or duration from candidate `starts[*k]` on, not before
/// byte `*pos` (`None`: a date that does not exist).
fn next_temporal(
    s: &str,
    starts: &[usize],
    k: &mut usize,
    pos: &mut usize,
    anchor: Option<Date>,
    ctx: &mut parse::Context,
) -> Option<(Span, Option<Temporal>)> {
    while let Some(&at) = starts.get(*k) {
        *k += 1;
        if at < *pos {
            continue;
        }
        if !parse::may_start(s, at) {
            *pos = parse::skip(s, at);
            continue;
        }
        match parse::expr_at(s, at, anchor, ctx) {
            parse::Outcome::Found(start, end, span) => {
                *pos = end;
                return Some((Span::new(start, end), Some(Temporal::Date(span))));
            }
            parse::Outcome::Invalid(end, _) => {
                *pos = end.max(at + 1);
                return Some((Span::new(at, *pos), None));
            }
            parse::Outcome::None => {}
        }
        if let Some((start, end, d)) = duration::duration_at(s, at) {
            *pos = end;
            return Some((Span::new(start, end), Some(Temporal::Duration(d))));
        }
        *pos = parse::skip(s, at);
    }
    None
}
