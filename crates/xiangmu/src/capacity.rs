//! Installed power capacity (`2×1000MW`, `2×100万千瓦`, `300万千瓦`), in kW.

use crate::decimal::{self, Decimal};
use crate::qualifier::Qualifier;
use crate::quantity::{Quantity, Unit};
use serde::Serialize;

/// A capacity as the SPEC writes it: the total in kW, the number of units
/// and the capacity of one unit.
///
/// ```
/// let found = xiangmu::extract("大唐2×100萬千瓦擴能項目", &Default::default());
/// let c = found[0].as_capacity().unwrap();
/// assert_eq!(
///     serde_json::to_string(c).unwrap(),
///     r#"{"value":"2000000","units":2,"unit_value":"1000000","qualifier":"exact"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Capacity {
    /// Total capacity in kW.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// Number of units (1 when no `N×` is written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
    /// Capacity of one unit in kW.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_value: Option<Decimal>,
    /// Exact, a bound, approximate.
    pub qualifier: Qualifier,
}

/// Turns a scanned quantity into a capacity if its unit is a power unit.
pub(crate) fn from_quantity(q: &Quantity) -> Option<Capacity> {
    let Unit::Power(_) = q.unit else {
        return None;
    };
    let value = q.value?;
    let units = q.units.unwrap_or(Decimal::ONE);
    let unit_value = value.checked_div(units)?;
    Some(Capacity {
        value: Some(value),
        units: u32::try_from(units).ok(),
        unit_value: Some(unit_value.normalize()),
        qualifier: q.qualifier,
    })
}
