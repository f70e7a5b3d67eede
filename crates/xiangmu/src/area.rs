//! Land and floor areas, with the value in the written unit and in square
//! meters.

use crate::decimal::{self, Decimal};
use crate::error::{Error, Result};
use crate::normalize::NormalizedText;
use crate::numeral::shift_error;
use crate::qualifier::Qualifier;
use crate::quantity::{self, Quantity, Unit};
use serde::{Deserialize, Serialize};

/// An area as the SPEC writes it.
///
/// ```
/// let a = xiangmu::parse_area("约243.82亩").unwrap();
/// assert_eq!(a.value.unwrap().to_string(), "243.82");
/// assert_eq!(a.square_meters_cents().unwrap().to_string(), "162546.67");
/// assert_eq!(
///     serde_json::to_string(&a).unwrap(),
///     r#"{"value":"243.82","unit":"mu","square_meters":"162546.67","qualifier":"approx"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Area {
    /// The area in `unit`, scaled (`1.2万亩` -> 12000).
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// Low end of a range, in `unit`.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<Decimal>,
    /// High end of a range, in `unit`.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<Decimal>,
    /// The written unit.
    pub unit: AreaUnit,
    /// `value` in square meters, exact (rounded to cents when written).
    #[serde(
        serialize_with = "decimal::serialize_cents_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub square_meters: Option<Decimal>,
    /// `low` in square meters.
    #[serde(
        serialize_with = "decimal::serialize_cents_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub low_square_meters: Option<Decimal>,
    /// `high` in square meters.
    #[serde(
        serialize_with = "decimal::serialize_cents_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub high_square_meters: Option<Decimal>,
    /// Exact, approximate, a bound, a range or vague.
    pub qualifier: Qualifier,
}

impl Area {
    /// `square_meters` rounded half-up to two places, as the SPEC writes it.
    ///
    /// ```
    /// let a = xiangmu::parse_area("1亩").unwrap();
    /// assert_eq!(a.square_meters_cents().unwrap().to_string(), "666.67");
    /// ```
    pub fn square_meters_cents(&self) -> Option<Decimal> {
        self.square_meters.map(decimal::cents)
    }
}

/// Units of area.
///
/// ```
/// assert_eq!(xiangmu::AreaUnit::Mu.square_meters().to_string().get(..6), Some("666.66"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AreaUnit {
    /// 亩 (畝): 2000/3 m².
    #[serde(rename = "mu")]
    Mu,
    /// 平方米, 平米, 平, ㎡, m².
    #[serde(rename = "m2")]
    SquareMeter,
    /// 公顷: 10,000 m².
    #[serde(rename = "hectare")]
    Hectare,
    /// 平方公里, 平方千米, km².
    #[serde(rename = "km2")]
    SquareKilometer,
}

impl AreaUnit {
    /// Square meters in one of this unit.
    ///
    /// ```
    /// assert_eq!(xiangmu::AreaUnit::Hectare.square_meters().to_string(), "10000");
    /// ```
    pub fn square_meters(self) -> Decimal {
        match self {
            AreaUnit::Mu => Decimal::from(2000) / Decimal::from(3),
            AreaUnit::SquareMeter => Decimal::ONE,
            AreaUnit::Hectare => Decimal::from(10_000),
            AreaUnit::SquareKilometer => Decimal::from(1_000_000),
        }
    }

    /// The SPEC string (`"mu"`, `"m2"`, `"hectare"`, `"km2"`).
    ///
    /// ```
    /// assert_eq!(xiangmu::AreaUnit::SquareKilometer.as_str(), "km2");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AreaUnit::Mu => "mu",
            AreaUnit::SquareMeter => "m2",
            AreaUnit::Hectare => "hectare",
            AreaUnit::SquareKilometer => "km2",
        }
    }

    /// `value` of this unit in square meters. For 亩 the product is taken
    /// before dividing by 3, so it is exact to 28 digits.
    fn to_square_meters(self, value: Decimal) -> Option<Decimal> {
        match self {
            AreaUnit::Mu => value
                .checked_mul(Decimal::from(2000))
                .map(|v| v / Decimal::from(3)),
            _ => value.checked_mul(self.square_meters()),
        }
    }
}

/// Parses one area expression (`约243.82亩`, `12万平方米`, `數百畝`).
///
/// ```
/// use xiangmu::{parse_area, AreaUnit};
/// let a = parse_area("3.5平方公里").unwrap();
/// assert_eq!((a.unit, a.square_meters_cents().unwrap().to_string()), (AreaUnit::SquareKilometer, "3500000.00".into()));
/// assert!(parse_area("3.5亿元").is_err());
/// ```
pub fn parse_area(input: &str) -> Result<Area> {
    let trimmed = input.trim();
    let offset = input.len() - input.trim_start().len();
    let norm = NormalizedText::new(trimmed);
    let s = norm.as_str();
    let fix = |e: Error| shift_error(e, &norm, offset);
    let start = (0..=s.len())
        .filter(|&i| s.is_char_boundary(i))
        .find(|&i| quantity::may_start(s, i))
        .ok_or_else(|| fix(Error::unexpected(s, 0, "an area")))?;
    let q = quantity::scan(s, start)
        .map_err(fix)?
        .ok_or_else(|| fix(Error::unexpected(s, start, "an area")))?;
    let area = from_quantity(s, &q).ok_or_else(|| {
        if matches!(q.unit, Unit::Area(_)) {
            fix(Error::overflow(s, q.span))
        } else {
            fix(Error::unexpected(
                s,
                q.number_end,
                "an area unit (亩, 平方米, 公顷, 平方公里)",
            ))
        }
    })?;
    if q.span.end != s.len() {
        return Err(fix(Error::unexpected(s, q.span.end, "end of the area")));
    }
    if q.span.start != 0 {
        return Err(fix(Error::unexpected(s, 0, "an area")));
    }
    Ok(area)
}

/// Turns a scanned quantity into an area if its unit says so.
pub(crate) fn from_quantity(s: &str, q: &Quantity) -> Option<Area> {
    let Unit::Area(unit) = q.unit else {
        return None;
    };
    if q.qualifier != Qualifier::Vague && q.value.is_none() && q.low.is_none() {
        return None;
    }
    // 万亩 alone (no number, no qualifier) names a scale (万亩良田).
    if quantity::is_bare_magnitude(s, q) {
        return None;
    }
    // An area too large to convert exactly (1000亿亿亿亩) is no area: never
    // one without its square meters.
    let sq = |v: Option<Decimal>| match v {
        Some(v) => unit.to_square_meters(v).map(Some),
        None => Some(None),
    };
    Some(Area {
        value: q.value,
        low: q.low,
        high: q.high,
        unit,
        square_meters: sq(q.value)?,
        low_square_meters: sq(q.low)?,
        high_square_meters: sq(q.high)?,
        qualifier: q.qualifier,
    })
}

/// Every area mention of a normalized text, in normalized byte spans.
///
/// ```
/// use xiangmu::{area, NormalizedText};
/// let norm = NormalizedText::new("新增項目用地約243.82畝");
/// let (span, a) = area::find_iter(&norm).next().unwrap();
/// assert_eq!(&norm.as_str()[span.range()], "约243.82亩");
/// assert_eq!(a.value.unwrap().to_string(), "243.82");
/// ```
pub fn find_iter<'a>(
    norm: &'a NormalizedText<'_>,
) -> impl Iterator<Item = (crate::Span, Area)> + 'a {
    let s = norm.as_str();
    crate::extract::quantities(s).filter_map(move |q| from_quantity(s, &q).map(|a| (q.span, a)))
}
