//! Money: amounts in exact yuan (or another currency), with qualifier and
//! role.

use crate::decimal::{self, Decimal};
use crate::error::{Error, Result};
use crate::normalize::NormalizedText;
use crate::numeral::shift_error;
use crate::qualifier::Qualifier;
use crate::quantity::{self, Quantity, Unit};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// An amount of money as the SPEC writes it.
///
/// Exactly one of these holds: `value` is set (every qualifier but range
/// and vague), `low` and `high` are set (`Range`), or none is (`Vague`).
///
/// ```
/// let m = xiangmu::parse_money("约1.5亿元").unwrap();
/// assert_eq!(m.value.unwrap().to_string(), "150000000");
/// assert_eq!(m.qualifier, xiangmu::Qualifier::Approx);
/// assert_eq!(
///     serde_json::to_string(&m).unwrap(),
///     r#"{"value":"150000000","currency":"CNY","qualifier":"approx","role":"other"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Money {
    /// The amount in units of `currency` (yuan for CNY).
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
    /// ISO 4217 currency.
    pub currency: Currency,
    /// Exact, approximate, a bound, a range or vague.
    pub qualifier: Qualifier,
    /// What the amount is (total investment, output value ...).
    pub role: MoneyRole,
}

/// ISO 4217 currency codes that news about projects uses.
///
/// ```
/// let m = xiangmu::parse_money("1.2亿美元").unwrap();
/// assert_eq!(m.currency, xiangmu::Currency::Usd);
/// assert_eq!(m.currency.code(), "USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum Currency {
    #[default]
    Cny,
    Usd,
    Hkd,
    Eur,
    Jpy,
    Gbp,
    Twd,
    Aud,
    Cad,
    Krw,
    Rub,
    Thb,
    Sgd,
    Chf,
}

impl Currency {
    /// The three-letter code.
    ///
    /// ```
    /// assert_eq!(xiangmu::Currency::Hkd.code(), "HKD");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Hkd => "HKD",
            Currency::Eur => "EUR",
            Currency::Jpy => "JPY",
            Currency::Gbp => "GBP",
            Currency::Twd => "TWD",
            Currency::Aud => "AUD",
            Currency::Cad => "CAD",
            Currency::Krw => "KRW",
            Currency::Rub => "RUB",
            Currency::Thb => "THB",
            Currency::Sgd => "SGD",
            Currency::Chf => "CHF",
        }
    }
}

/// What an amount is, from the role word before it in its clause.
///
/// ```
/// use xiangmu::{extract, MoneyRole, Options};
/// let found = extract("项目计划总投资45亿元。", &Options::default());
/// assert_eq!(found[0].as_money().unwrap().role, MoneyRole::TotalInvestment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyRole {
    /// 总投资, 计划总投资.
    TotalInvestment,
    /// 投资, 投资额.
    Investment,
    /// 计划投资, 年度计划投资.
    PlannedInvestment,
    /// 完成投资, 累计完成投资, 开累完成投资.
    CompletedInvestment,
    /// 产值, 年产值.
    OutputValue,
    /// 营收, 销售收入, 销售额, 营业额.
    Revenue,
    /// 税收, 税金.
    Tax,
    /// 签约金额, 合同金额.
    Contract,
    /// 融资, 贷款, 资金, 基金.
    Financing,
    /// No role word in the clause.
    #[default]
    Other,
}

/// Parses one money expression: the whole input must be the amount, with
/// optional role word before it (`总投资约1.5亿元`).
///
/// ```
/// use xiangmu::{parse_money, MoneyRole, Qualifier};
/// let m = parse_money("總投資超過70億元").unwrap();
/// assert_eq!(m.value.unwrap().to_string(), "7000000000");
/// assert_eq!((m.qualifier, m.role), (Qualifier::MoreThan, MoneyRole::TotalInvestment));
/// let r = parse_money("5-10亿元").unwrap();
/// assert_eq!((r.low.unwrap().to_string(), r.high.unwrap().to_string()), ("500000000".into(), "1000000000".into()));
/// let err = parse_money("2000万吨").unwrap_err();
/// assert_eq!(err.to_string(), "expected a currency word (元, 美元 ...), found \"吨\" (at bytes 7..10)");
/// ```
pub fn parse_money(input: &str) -> Result<Money> {
    let trimmed = input.trim();
    let offset = input.len() - input.trim_start().len();
    let norm = NormalizedText::new(trimmed);
    let s = norm.as_str();
    let fix = |e: Error| shift_error(e, &norm, offset);
    // Optional role word, then the amount.
    let role_end = crate::lexicon::MONEY_ROLE_MAP
        .prefix_of(s)
        .map_or(0, |(l, _)| l);
    let start = (role_end..=s.len())
        .filter(|&i| s.is_char_boundary(i))
        .find(|&i| quantity::may_start(s, i))
        .ok_or_else(|| fix(Error::unexpected(s, role_end, "an amount of money")))?;
    let q = quantity::scan(s, start)
        .map_err(fix)?
        .ok_or_else(|| fix(Error::unexpected(s, start, "an amount of money")))?;
    let number_end = q.span.end;
    let (_, money) = from_quantity(s, &q, true).ok_or_else(|| {
        let at = q.number_end;
        fix(Error::unexpected(s, at, "a currency word (元, 美元 ...)"))
    })?;
    if number_end != s.len() {
        return Err(fix(Error::unexpected(s, number_end, "end of the amount")));
    }
    Ok(money)
}

/// Turns a scanned quantity into money if its unit (or the bare-number
/// rule) says so.
///
/// Returns the mention's span too: a foreign currency word written before
/// the number is its unit and joins the span (`港币两千九百六十元`);
/// `人民币` stays outside, like a role word.
pub(crate) fn from_quantity(s: &str, q: &Quantity, whole_input: bool) -> Option<(Span, Money)> {
    if !matches!(q.unit, Unit::Money(_) | Unit::None)
        || (q.unit == Unit::None && !q.large_magnitude)
    {
        return None;
    }
    let role = quantity::money_role(s, q.span.start);
    let prefix = currency_before(s, q.span.start);
    let prefix_currency = prefix.map(|(_, c)| c);
    let currency = match q.unit {
        Unit::Money(c) => {
            if c == Currency::Cny {
                prefix_currency.unwrap_or(c)
            } else {
                c
            }
        }
        Unit::Area(_) | Unit::Count(_) | Unit::Percent | Unit::Point | Unit::Power(_) => {
            return None;
        }
        Unit::None => {
            // A bare number with 万/亿 only right after a role word
            // (投资1.5亿, 总投资超10亿), or after a currency word.
            if !q.large_magnitude {
                return None;
            }
            let near_role = role.is_some_and(|(_, at)| gap_is_filler(&s[at..q.span.start]));
            if let Some(c) = prefix_currency {
                c
            } else if near_role || (whole_input && role.is_some()) {
                Currency::Cny
            } else {
                return None;
            }
        }
    };
    if q.qualifier != Qualifier::Vague && q.value.is_none() && q.low.is_none() {
        return None;
    }
    if quantity::is_bare_magnitude(s, q) {
        return None;
    }
    let mut span = q.span;
    if let Some((at, c)) = prefix
        && c == currency
        && c != Currency::Cny
    {
        span.start = at;
    }
    let money = Money {
        value: q.value,
        low: q.low,
        high: q.high,
        currency,
        qualifier: q.qualifier,
        role: role.map_or(MoneyRole::Other, |(r, _)| r),
    };
    Some((span, money))
}

/// Role word and amount may be separated by a short linking word only.
fn gap_is_filler(gap: &str) -> bool {
    matches!(
        gap,
        "" | "为" | "达" | "达到" | "高达" | "可达" | "共" | "合计" | "总计" | "约为" | "是"
    )
}

/// A currency word right before the amount (人民币, 港币 ...).
/// Returns where the word starts; spaces between it and the number are
/// skipped (`新台币 177.1 亿元`).
fn currency_before(s: &str, start: usize) -> Option<(usize, Currency)> {
    let before = s[..start].trim_end_matches(' ');
    crate::lexicon::CURRENCY_PREFIX_MAP
        .suffix_of(before)
        .map(|(len, c)| (before.len() - len, c))
}

/// Every money mention of a normalized text, in normalized byte spans.
///
/// ```
/// use xiangmu::{money, NormalizedText};
/// let norm = NormalizedText::new("總投資１２億元，年產(chǎn)值5億元。");
/// let found: Vec<_> = money::find_iter(&norm).collect();
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].1.value.unwrap().to_string(), "500000000");
/// ```
pub fn find_iter<'a>(
    norm: &'a NormalizedText<'_>,
) -> impl Iterator<Item = (crate::Span, Money)> + 'a {
    let s = norm.as_str();
    crate::extract::quantities(s).filter_map(move |q| from_quantity(s, &q, false))
}
