//! Percentages and percentage points (`83.3%`, `百分之八十`, `九成`,
//! `4.5个百分点`).

use crate::decimal::{self, Decimal};
use crate::qualifier::Qualifier;
use crate::quantity::{Quantity, Unit};
use serde::{Deserialize, Serialize};

/// A percentage as the SPEC writes it.
///
/// ```
/// let found = xiangmu::extract("近六成项目已开工", &Default::default());
/// let p = found[0].as_percent().unwrap();
/// assert_eq!(
///     serde_json::to_string(p).unwrap(),
///     r#"{"value":"60","unit":"percent","qualifier":"approx"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Percent {
    /// The number of percent (or points).
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// Low end of a range.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<Decimal>,
    /// High end of a range.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<Decimal>,
    /// Percent or percentage points.
    pub unit: PercentUnit,
    /// Exact, a bound, approximate, a range.
    pub qualifier: Qualifier,
}

/// What a percentage counts.
///
/// ```
/// assert_eq!(serde_json::to_string(&xiangmu::PercentUnit::Point).unwrap(), "\"point\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PercentUnit {
    /// `%`, `百分之`, `成`.
    Percent,
    /// `百分点`.
    Point,
}

/// Turns a scanned quantity into a percent if its unit says so.
pub(crate) fn from_quantity(q: &Quantity) -> Option<Percent> {
    let unit = match q.unit {
        Unit::Percent => PercentUnit::Percent,
        Unit::Point => PercentUnit::Point,
        _ => return None,
    };
    Some(Percent {
        value: q.value,
        low: q.low,
        high: q.high,
        unit,
        qualifier: q.qualifier,
    })
}
