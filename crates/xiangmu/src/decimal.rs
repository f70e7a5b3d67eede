//! Exact decimals in the SPEC's string form.
//!
//! Values are [`rust_decimal::Decimal`]: 96-bit integers with a scale, so
//! `1.5亿` is exactly `150000000` and arithmetic never rounds silently.
//! The SPEC writes them as strings without trailing zeros (`"1285000"`,
//! `"243.82"`), square meters with exactly two places (`"162546.67"`).

pub use rust_decimal::Decimal;
use rust_decimal::RoundingStrategy;
use serde::Serializer;

/// The SPEC form of a value: no exponent, no trailing zeros.
///
/// ```
/// use xiangmu::decimal::{spec_string, Decimal};
/// let d: Decimal = "128.50".parse().unwrap();
/// assert_eq!(spec_string(d * Decimal::from(10_000)), "1285000");
/// ```
pub fn spec_string(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Rounds half away from zero to two places and keeps both places.
///
/// ```
/// use xiangmu::decimal::{cents, Decimal};
/// assert_eq!(cents(Decimal::from(2000) / Decimal::from(3)).to_string(), "666.67");
/// assert_eq!(cents(Decimal::from(5)).to_string(), "5.00");
/// ```
pub fn cents(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

pub(crate) fn serialize_opt<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&spec_string(*d)),
        None => s.serialize_none(),
    }
}

pub(crate) fn serialize_cents_opt<S: Serializer>(
    d: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&cents(*d).to_string()),
        None => s.serialize_none(),
    }
}
