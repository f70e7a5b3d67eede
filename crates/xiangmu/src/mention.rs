//! Mentions: a span of the original text and its normalized value.

use crate::area::Area;
use crate::capacity::Capacity;
use crate::count::Count;
use crate::date::{DateSpan, Duration};
use crate::milestone::Milestone;
use crate::money::Money;
use crate::percent::Percent;
use crate::span::Span;
use serde::Serialize;

/// The kinds of mention.
///
/// ```
/// assert_eq!(xiangmu::Kind::Money.as_str(), "money");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Amounts of money.
    Money,
    /// Land and floor areas.
    Area,
    /// Dates and periods (`2018年12月18日`, `今年一季度`).
    Date,
    /// Lengths of time (`10个月`, `24小时内`).
    Duration,
    /// Project stages that happened, are planned or under way (`开工`).
    Milestone,
    /// Numbers of things (`181个`).
    Count,
    /// Percentages and percentage points.
    Percent,
    /// Installed power capacity.
    Capacity,
}

impl Kind {
    /// Every kind, in SPEC order.
    pub const ALL: [Kind; 8] = [
        Kind::Money,
        Kind::Area,
        Kind::Date,
        Kind::Duration,
        Kind::Milestone,
        Kind::Count,
        Kind::Percent,
        Kind::Capacity,
    ];

    /// The SPEC string.
    ///
    /// ```
    /// assert_eq!(xiangmu::Kind::Area.as_str(), "area");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Area => "area",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Milestone => "milestone",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Capacity => "capacity",
        }
    }

    /// The kind named by a SPEC string.
    ///
    /// ```
    /// assert_eq!(xiangmu::Kind::from_name("money"), Some(xiangmu::Kind::Money));
    /// assert_eq!(xiangmu::Kind::from_name("price"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// The normalized value of a mention, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// An amount of money.
    Money(Money),
    /// An area.
    Area(Area),
    /// A date or period, serialized nested under `value`.
    #[serde(serialize_with = "crate::date::serialize_nested")]
    Date(DateSpan),
    /// A duration.
    Duration(Duration),
    /// A milestone.
    Milestone(Milestone),
    /// A count.
    Count(Count),
    /// A percentage.
    Percent(Percent),
    /// A power capacity.
    Capacity(Capacity),
}

impl Value {
    /// The kind of this value.
    ///
    /// ```
    /// let m = xiangmu::parse_money("3亿元").unwrap();
    /// assert_eq!(xiangmu::Value::Money(m).kind(), xiangmu::Kind::Money);
    /// ```
    pub fn kind(&self) -> Kind {
        match self {
            Value::Money(_) => Kind::Money,
            Value::Area(_) => Kind::Area,
            Value::Date(_) => Kind::Date,
            Value::Duration(_) => Kind::Duration,
            Value::Milestone(_) => Kind::Milestone,
            Value::Count(_) => Kind::Count,
            Value::Percent(_) => Kind::Percent,
            Value::Capacity(_) => Kind::Capacity,
        }
    }
}

/// One fact found in a text: where it is and what it means.
///
/// Serializes to the SPEC's JSON: `kind`, `start`, `end` (code points of
/// the original text), `text` (exactly `original[start:end]`) and the
/// fields of the kind.
///
/// ```
/// use xiangmu::{extract, Options};
/// let text = "諾天科技項目總投資１.５億元";
/// let m = &extract(text, &Options::default())[0];
/// assert_eq!(m.text, "１.５億元");
/// assert_eq!(&text[m.span.range()], m.text);
/// assert_eq!((m.start, m.end), (9, 14));
/// assert_eq!(
///     serde_json::to_string(m).unwrap(),
///     r#"{"start":9,"end":14,"text":"１.５億元","kind":"money","value":"150000000","currency":"CNY","qualifier":"exact","role":"total_investment"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention<'t> {
    /// First code point (a Python `str` index) in the original text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text of the mention.
    pub text: &'t str,
    /// Byte range in the original text.
    #[serde(skip)]
    pub span: Span,
    /// The normalized value.
    #[serde(flatten)]
    pub value: Value,
}

impl Mention<'_> {
    /// The kind of the mention.
    ///
    /// ```
    /// let found = xiangmu::extract("用地120畝", &Default::default());
    /// assert_eq!(found[0].kind(), xiangmu::Kind::Area);
    /// ```
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }

    /// The money value, if this is a money mention.
    ///
    /// ```
    /// let found = xiangmu::extract("投资3亿元", &Default::default());
    /// assert_eq!(found[0].as_money().unwrap().value.unwrap().to_string(), "300000000");
    /// ```
    pub fn as_money(&self) -> Option<&Money> {
        match &self.value {
            Value::Money(m) => Some(m),
            _ => None,
        }
    }

    /// The area value, if this is an area mention.
    ///
    /// ```
    /// let found = xiangmu::extract("用地120畝", &Default::default());
    /// assert_eq!(found[0].as_area().unwrap().value.unwrap().to_string(), "120");
    /// ```
    pub fn as_area(&self) -> Option<&Area> {
        match &self.value {
            Value::Area(a) => Some(a),
            _ => None,
        }
    }

    /// The count value, if this is a count mention.
    ///
    /// ```
    /// let found = xiangmu::extract("新开工项目１２个", &Default::default());
    /// let count = found.iter().find_map(|m| m.as_count()).unwrap();
    /// assert_eq!(count.value, Some(12));
    /// ```
    pub fn as_count(&self) -> Option<&Count> {
        match &self.value {
            Value::Count(c) => Some(c),
            _ => None,
        }
    }

    /// The percent value, if this is a percent mention.
    ///
    /// ```
    /// let found = xiangmu::extract("开工率83.3%", &Default::default());
    /// assert_eq!(found[0].as_percent().unwrap().value.unwrap().to_string(), "83.3");
    /// ```
    pub fn as_percent(&self) -> Option<&Percent> {
        match &self.value {
            Value::Percent(p) => Some(p),
            _ => None,
        }
    }

    /// The capacity value, if this is a capacity mention.
    ///
    /// ```
    /// let found = xiangmu::extract("总装机容量300万千瓦", &Default::default());
    /// assert_eq!(found[0].as_capacity().unwrap().value.unwrap().to_string(), "3000000");
    /// ```
    pub fn as_capacity(&self) -> Option<&Capacity> {
        match &self.value {
            Value::Capacity(c) => Some(c),
            _ => None,
        }
    }

    /// The milestone value, if this is a milestone mention.
    ///
    /// ```
    /// use xiangmu::{extract, Options, Stage, Status};
    /// let found = extract("星辰智能科技项目现已投产。", &Options::default());
    /// let m = found.iter().find_map(|m| m.as_milestone()).unwrap();
    /// assert_eq!((m.stage, m.status), (Stage::ProductionStart, Status::Done));
    /// assert_eq!(m.project.as_deref(), Some("星辰智能科技项目"));
    /// ```
    pub fn as_milestone(&self) -> Option<&Milestone> {
        match &self.value {
            Value::Milestone(m) => Some(m),
            _ => None,
        }
    }
}
