//! Milestones: a project stage that the text says happened, is planned, or
//! is under way (`项目顺利开工`, `预计年底投产`, `正在洽谈中`).
//!
//! A milestone mention is the stage word itself (`开工`, `簽約`), with its
//! [`Stage`], its [`Status`] (from the cue words around it, else from its
//! governing date against the anchor), the governing date, and the one
//! project it is said of (or none, for lists, batches and companies).
//!
//! Every rule is listed in `docs/projects.md`.

mod find;

use crate::candidates::Candidates;
use crate::date::{DateSpan, Temporal};
use crate::error::{Error, Result};
use crate::mention::Value;
use crate::normalize::NormalizedText;
use crate::project::names::Doc;
use crate::span::Span;
use jiff::civil::Date;
use serde::Serialize;

pub(crate) use find::{Found, STAGE_STARTS, find_all};

/// A project stage, in project order.
///
/// ```
/// use xiangmu::Stage;
/// assert_eq!(Stage::ConstructionStart.as_str(), "construction_start");
/// assert!(Stage::Signing < Stage::Completion);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 洽谈, 在谈.
    Negotiation,
    /// 签约, 签署, 签订, 落户, 落地, 入驻, 入园.
    Signing,
    /// 拿地, 供地, 摘牌, 土地出让, 征地.
    Land,
    /// 施工许可证, 四证联发, 五证联发.
    Permit,
    /// 开工, 动工, 开建, 破土, 奠基 (and the 开 of 开竣工).
    ConstructionStart,
    /// 封顶, 合龙, 合拢, 主体完工, 主体竣工.
    ToppingOut,
    /// 竣工, 建成, 完工, 交付, 验收, 交证.
    Completion,
    /// 试生产, 试产, 试运行.
    TrialProduction,
    /// 投产, 投用, 投入使用, 投运, 运营, 开业, 通车, 下线.
    ProductionStart,
    /// 达产, 达效, 满产.
    FullProduction,
}

impl Stage {
    /// Every stage, in project order.
    pub const ALL: [Stage; 10] = [
        Stage::Negotiation,
        Stage::Signing,
        Stage::Land,
        Stage::Permit,
        Stage::ConstructionStart,
        Stage::ToppingOut,
        Stage::Completion,
        Stage::TrialProduction,
        Stage::ProductionStart,
        Stage::FullProduction,
    ];

    /// The SPEC string.
    ///
    /// ```
    /// assert_eq!(xiangmu::Stage::ToppingOut.as_str(), "topping_out");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Negotiation => "negotiation",
            Stage::Signing => "signing",
            Stage::Land => "land",
            Stage::Permit => "permit",
            Stage::ConstructionStart => "construction_start",
            Stage::ToppingOut => "topping_out",
            Stage::Completion => "completion",
            Stage::TrialProduction => "trial_production",
            Stage::ProductionStart => "production_start",
            Stage::FullProduction => "full_production",
        }
    }

    /// The stage named by a SPEC string.
    ///
    /// ```
    /// use xiangmu::Stage;
    /// assert_eq!(Stage::from_name("land"), Some(Stage::Land));
    /// assert_eq!(Stage::from_name("开工"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Whether a stage happened, is planned or is under way.
///
/// ```
/// assert_eq!(xiangmu::Status::Planned.as_str(), "planned");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It happened (已, 实现, 顺利, 正式, a past date; also no cue at all).
    Done,
    /// It is under way (正在, 加快, 推进中, 在建, 在谈).
    Ongoing,
    /// It is planned (将, 计划, 预计, 力争, 拟, 定于, a future date).
    Planned,
}

impl Status {
    /// The SPEC string.
    ///
    /// ```
    /// assert_eq!(xiangmu::Status::Ongoing.as_str(), "ongoing");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Ongoing => "ongoing",
            Status::Planned => "planned",
        }
    }
}

/// A milestone mention's value.
///
/// ```
/// use xiangmu::{extract, Options, Stage, Status};
/// let text = "青溪抽水蓄能电站项目顺利开工。";
/// let m = extract(text, &Options::default()).into_iter().find_map(|m| m.as_milestone().cloned()).unwrap();
/// assert_eq!((m.stage, m.status), (Stage::ConstructionStart, Status::Done));
/// assert_eq!(m.project.as_deref(), Some("青溪抽水蓄能电站项目"));
/// assert_eq!(
///     serde_json::to_string(&m).unwrap(),
///     r#"{"stage":"construction_start","status":"done","project":"青溪抽水蓄能电站项目","date":null}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Milestone {
    /// The stage the word names.
    pub stage: Stage,
    /// Done, planned or under way.
    pub status: Status,
    /// The one project it is said of, as written in the original text (the
    /// name of its record), or `None` for lists, batches and companies.
    pub project: Option<String>,
    /// The value of the time expression that governs it, if any.
    pub date: Option<DateSpan>,
}

/// Parses one stage word (`开工`, `簽約`, `主体竣工`): the whole input must
/// be a word of the stage lexicon.
///
/// ```
/// use xiangmu::{parse_stage, Stage};
/// assert_eq!(parse_stage("開工").unwrap(), Stage::ConstructionStart);
/// assert_eq!(parse_stage("主体竣工").unwrap(), Stage::ToppingOut);
/// assert_eq!(parse_stage("試生產(chǎn)").unwrap(), Stage::TrialProduction);
/// let err = parse_stage("开工率").unwrap_err();
/// assert_eq!(err.to_string(), "expected end of the stage word, found \"率\" (at bytes 6..9)");
/// ```
pub fn parse_stage(input: &str) -> Result<Stage> {
    let trimmed = input.trim();
    let offset = input.len() - input.trim_start().len();
    let norm = NormalizedText::new(trimmed);
    let s = norm.as_str();
    let fix = |e: Error| crate::numeral::shift_error(e, &norm, offset);
    match find::stage_word_at(s, 0) {
        Some(w) if w.len == s.len() => Ok(w.stage),
        Some(w) => Err(fix(Error::unexpected(s, w.len, "end of the stage word"))),
        None => Err(fix(Error::unexpected(s, 0, "a stage word"))),
    }
}

/// Every milestone of a normalized text as `(normalized span, value)`, for
/// `extract`. `temporals` are the text's dates and durations.
pub(crate) fn mentions(
    norm: &NormalizedText<'_>,
    candidates: &Candidates,
    temporals: &[(Span, Temporal)],
    anchor: Option<Date>,
) -> Vec<(Span, Value)> {
    // A cheap check first: no stage word, no milestone work.
    if !find::any_stage_word(norm.as_str(), &candidates.stage) {
        return Vec::new();
    }
    let doc = Doc::with_candidates(norm.as_str(), candidates);
    find_all(norm, &candidates.stage, temporals, anchor, &doc)
        .into_iter()
        .map(|f| {
            let project = f.project.map(|c| doc.original_name(norm, c).to_string());
            let m = Milestone {
                stage: f.stage,
                status: f.status,
                project,
                date: f.date,
            };
            (f.span, Value::Milestone(m))
        })
        .collect()
}
