//! # xiangmu (项目)
//!
//! Turns Chinese news about investment and construction projects into
//! typed, exact data: money (`总投资1.5亿元` -> 150000000 CNY), land and
//! floor areas (`243.82亩`), with every span pointing back into the
//! original text, through Traditional script, full-width digits and inline
//! pinyin glosses.
//!
//! ```
//! use xiangmu::{extract, Options, Value};
//! let text = "哈電儲能項目總投資２０億元，新增項目用地約243.82畝。";
//! for m in extract(text, &Options::default()) {
//!     assert_eq!(&text[m.span.range()], m.text);
//!     match m.value {
//!         Value::Money(money) => assert_eq!(money.value.unwrap().to_string(), "2000000000"),
//!         Value::Area(area) => assert_eq!(area.square_meters_cents().unwrap().to_string(), "162546.67"),
//!         other => panic!("unexpected {other:?}"),
//!     }
//! }
//! ```
//!
//! Values are exact decimals ([`Decimal`]), never floats. Offsets are
//! code points (`start`, `end`, as Python indexes a `str`) and bytes
//! ([`Mention::span`]). The JSON forms follow the project's SPEC.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::print_stdout, clippy::unwrap_used))]

pub mod area;
mod candidates;
pub mod capacity;
mod charset;
pub mod count;
pub mod date;
pub mod decimal;
mod error;
pub mod eval;
mod extract;
mod lexicon;
mod mention;
pub mod milestone;
pub mod money;
mod normalize;
mod numeral;
pub mod percent;
pub mod project;
mod qualifier;
mod quantity;
mod span;
mod words;

pub use area::{Area, AreaUnit, parse_area};
pub use capacity::Capacity;
pub use count::Count;
pub use date::{DateSpan, Duration, DurationUnit, Grain, parse_date, parse_duration};
pub use decimal::Decimal;
pub use error::{Error, ErrorKind, Result};
pub use extract::{Options, extract};
pub use mention::{Kind, Mention, Value};
pub use milestone::{Milestone, Stage, Status, parse_stage};
pub use money::{Currency, Money, MoneyRole, parse_money};
pub use normalize::NormalizedText;
pub use numeral::parse_number;
pub use percent::{Percent, PercentUnit};
pub use project::{Batch, Project, Record, RecordMilestone, projects};
pub use qualifier::Qualifier;
pub use span::Span;

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
