//! Project records: one per named project, with its investment, area and
//! milestones, plus batch records for `N个项目集中开工` statements.
//!
//! Records are built from the mentions [`extract`](crate::extract()) finds
//! (money, area, count, date, milestone) and from the project names of the
//! text: a fact joins the record of the project it is said of.
//! Every rule is listed in `docs/projects.md`.

pub(crate) mod names;
pub(crate) mod text;

use crate::area::Area;
use crate::candidates::Candidates;
use crate::date::DateSpan;
use crate::extract::{self, Options};
use crate::mention::{Kind, Value};
use crate::milestone::{self, Found, Stage, Status};
use crate::money::{Money, MoneyRole};
use crate::normalize::NormalizedText;
use crate::span::{CharCounter, Span};
use names::{Doc, Query, RefKind, Subject};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// One record of [`projects`]: a named project or a batch.
///
/// ```
/// use xiangmu::{projects, Options, Project};
/// let text = "5月8日，36个项目集中开工，总投资128亿元。其中，云岭风电项目投资12亿元。";
/// let records = projects(text, &Options::default().with_anchor(jiff::civil::date(2023, 6, 27)));
/// let Project::Named(p) = &records[0] else { panic!() };
/// assert_eq!(p.name, "云岭风电项目");
/// let Project::Batch(b) = &records[1] else { panic!() };
/// assert_eq!((b.count, b.members.as_slice()), (Some(36), &["云岭风电项目".to_string()][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Project {
    /// A named project.
    Named(Record),
    /// Several projects started, signed or completed together.
    Batch(Batch),
}

impl Serialize for Project {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Project::Named(r) => r.serialize(s),
            Project::Batch(b) => b.serialize(s),
        }
    }
}

/// A named project and what the text says of it.
///
/// ```
/// use xiangmu::{projects, Options, Project};
/// let text = "北辰光电项目总投资2.5亿元，预计年底投产。";
/// let records = projects(text, &Options::default().with_anchor(jiff::civil::date(2023, 3, 25)));
/// let Project::Named(p) = &records[0] else { panic!() };
/// assert_eq!(
///     serde_json::to_string(p).unwrap(),
///     r#"{"name":"北辰光电项目","start":0,"end":6,"investment":{"value":"250000000","currency":"CNY","qualifier":"exact","role":"total_investment"},"area":null,"milestones":[{"stage":"production_start","status":"planned","date":{"start":"2023-12-01","end":"2023-12-31","grain":"month"}}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The name as first written (original text, glosses kept).
    pub name: String,
    /// First code point of the first mention.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Total investment where given, else the (phase) investment.
    pub investment: Option<Money>,
    /// The area stated of it (land, floor).
    pub area: Option<Area>,
    /// One entry per (stage, status), in stage order.
    pub milestones: Vec<RecordMilestone>,
}

/// A (stage, status) of a record with the most specific date any of its
/// mentions has.
///
/// ```
/// let m = xiangmu::project::RecordMilestone { stage: xiangmu::Stage::Signing, status: xiangmu::Status::Done, date: None };
/// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"stage":"signing","status":"done","date":null}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RecordMilestone {
    /// The stage.
    pub stage: Stage,
    /// Done, planned or under way.
    pub status: Status,
    /// The most specific date among its mentions.
    pub date: Option<DateSpan>,
}

/// Several projects at once: `162个项目集中开工，总投资426亿元`.
///
/// Serializes with `"kind": "batch"`.
///
/// ```
/// use xiangmu::{projects, Options, Project};
/// let text = "10月18日，58个项目集中开竣工，总投资210亿元。";
/// let records = projects(text, &Options::default().with_anchor(jiff::civil::date(2022, 11, 18)));
/// let Project::Batch(b) = &records[0] else { panic!() };
/// assert_eq!(
///     serde_json::to_string(b).unwrap(),
///     r#"{"kind":"batch","start":7,"end":10,"count":58,"stages":["construction_start","completion"],"date":{"start":"2022-10-18","end":"2022-10-18","grain":"day"},"investment":{"value":"21000000000","currency":"CNY","qualifier":"exact","role":"total_investment"},"members":[]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// First code point of the count (or of the stage word when no count).
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// How many projects, when given.
    pub count: Option<u64>,
    /// The stages (`集中开竣工` gives two).
    pub stages: Vec<Stage>,
    /// The date of the statement.
    pub date: Option<DateSpan>,
    /// Their total investment.
    pub investment: Option<Money>,
    /// Named members (`其中，X项目…`), as their record names.
    pub members: Vec<String>,
}

impl Serialize for Batch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("kind", "batch")?;
        m.serialize_entry("start", &self.start)?;
        m.serialize_entry("end", &self.end)?;
        m.serialize_entry("count", &self.count)?;
        m.serialize_entry("stages", &self.stages)?;
        m.serialize_entry("date", &self.date)?;
        m.serialize_entry("investment", &self.investment)?;
        m.serialize_entry("members", &self.members)?;
        m.end()
    }
}

/// Groups the facts of `text` into one record per named project, and batch
/// records for `N个项目集中开工/签约/开竣工` statements: named records in
/// order of first mention, then batches.
///
/// `options` gives the anchor date (its kinds are not used: records need
/// money, area, count, date and milestone mentions).
///
/// ```
/// use xiangmu::{projects, Options, Project, Stage, Status};
/// let text = "江城储能装备产业基地项目总投资18亿元，用地约156.5亩。该項目今年4月10日正式簽約，计划年底主体竣工。";
/// let records = projects(text, &Options::default().with_anchor(jiff::civil::date(2023, 6, 27)));
/// let Project::Named(p) = &records[0] else { panic!() };
/// assert_eq!(p.name, "江城储能装备产业基地项目");
/// assert_eq!(p.investment.unwrap().value.unwrap().to_string(), "1800000000");
/// assert_eq!(p.area.unwrap().value.unwrap().to_string(), "156.5");
/// let stages: Vec<_> = p.milestones.iter().map(|m| (m.stage, m.status)).collect();
/// assert_eq!(stages, [(Stage::Signing, Status::Done), (Stage::ToppingOut, Status::Planned)]);
/// ```
pub fn projects(text: &str, options: &Options) -> Vec<Project> {
    let norm = NormalizedText::new(text);
    let s = norm.as_str();
    let anchor = options.anchor();
    let mut facts_options = Options::default().with_kinds(&[
        Kind::Money,
        Kind::Area,
        Kind::Date,
        Kind::Duration,
        Kind::Count,
        Kind::Percent,
        Kind::Capacity,
    ]);
    if let Some(a) = anchor {
        facts_options = facts_options.with_anchor(a);
    }
    // The facts' scan reads the dates and durations already: they are
    // read once.
    let candidates = Candidates::new(s);
    let (found, temporals) = extract::scan_with_temporals(&norm, &candidates, &facts_options);
    let doc = Doc::with_candidates(s, &candidates);
    let milestones = milestone::find_all(&norm, &candidates.stage, &temporals, anchor, &doc);
    Builder {
        norm: &norm,
        doc: &doc,
        found: &found,
        milestones: &milestones,
        facts: vec![Facts::default(); doc.clusters.len()],
        batches: Vec::new(),
        used_money: vec![false; found.len()],
    }
    .build()
}

#[derive(Debug, Clone, Default)]
struct Facts {
    total: Option<Money>,
    investment: Option<Money>,
    area: Option<Area>,
    /// (stage, status, date, order of first mention).
    milestones: Vec<(Stage, Status, Option<DateSpan>, usize)>,
}

impl Facts {
    fn is_empty(&self) -> bool {
        self.total.is_none()
            && self.investment.is_none()
            && self.area.is_none()
            && self.milestones.is_empty()
    }

    fn add_milestone(
        &mut self,
        stage: Stage,
        status: Status,
        date: Option<DateSpan>,
        order: usize,
    ) {
        if let Some(m) = self
            .milestones
            .iter_mut()
            .find(|m| (m.0, m.1) == (stage, status))
        {
            if more_specific(date, m.2) {
                m.2 = date;
            }
            return;
        }
        self.milestones.push((stage, status, date, order));
    }
}

/// Whether date `a` is more specific than `b`: a finer grain, or a date
/// against none.
fn more_specific(a: Option<DateSpan>, b: Option<DateSpan>) -> bool {
    match (a, b) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => {
            a.grain < b.grain || (a.grain == b.grain && span_days(a) < span_days(b))
        }
        _ => false,
    }
}

fn span_days(d: DateSpan) -> i64 {
    match (d.start, d.end) {
        (Some(s), Some(e)) => (e - s).get_days().into(),
        _ => i64::MAX,
    }
}

/// The mentions of `found` (sorted) that start in `[from, to)`.
fn slice_in(found: &[(Span, Value)], from: usize, to: usize) -> &[(Span, Value)] {
    let a = found.partition_point(|(sp, _)| sp.start < from);
    let b = found.partition_point(|(sp, _)| sp.start < to);
    &found[a..b.max(a)]
}

struct BatchDraft {
    /// The first stage word (normalized).
    at: Span,
    /// The count mention's span, if any (normalized).
    count: Option<(Span, u64)>,
    stages: Vec<Stage>,
    status: Status,
    date: Option<DateSpan>,
    investment: Option<Money>,
    members: Vec<usize>,
}

struct Builder<'b, 't> {
    norm: &'b NormalizedText<'t>,
    doc: &'b Doc<'b>,
    found: &'b [(Span, Value)],
    milestones: &'b [Found],
    facts: Vec<Facts>,
    batches: Vec<BatchDraft>,
    /// Money mentions already taken by a batch (by index into `found`).
    used_money: Vec<bool>,
}

impl<'b> Builder<'b, '_> {
    fn build(mut self) -> Vec<Project> {
        self.collect_batches();
        self.collect_milestones();
        self.collect_money_and_area();
        self.finish()
    }

    fn s(&self) -> &str {
        self.norm.as_str()
    }

    /// The mentions that start in `[from, to)`.
    fn found_in(&self, from: usize, to: usize) -> &'b [(Span, Value)] {
        slice_in(self.found, from, to)
    }

    /// `集中开工` statements; `本次集中签约` joins the batch before it.
    fn collect_batches(&mut self) {
        let s = self.norm.as_str();
        let mut i = 0;
        while i < self.milestones.len() {
            let f = &self.milestones[i];
            if !f.batch {
                i += 1;
                continue;
            }
            let mut stages = vec![f.stage];
            let mut last = f.span;
            let mut j = i + 1;
            // 开竣工: the stage words that follow directly.
            while j < self.milestones.len() && self.milestones[j].span.start == last.end {
                stages.push(self.milestones[j].stage);
                last = self.milestones[j].span;
                j += 1;
            }
            let at = f.span;
            let reference = ["本次", "此次", "这次"]
                .iter()
                .any(|w| s[..at.start - "集中".len()].ends_with(w));
            let investment = self.batch_money(last.end);
            let members = self.batch_members(last.end);
            if reference
                && let Some(prev) = self.batches.iter_mut().rev().find(|b| b.stages == stages)
            {
                if prev.investment.is_none() {
                    prev.investment = investment;
                }
                for m in members {
                    if !prev.members.contains(&m) {
                        prev.members.push(m);
                    }
                }
            } else {
                let count = self.batch_count(at.start);
                self.batches.push(BatchDraft {
                    at,
                    count,
                    stages,
                    status: f.status,
                    date: f.date,
                    investment,
                    members,
                });
            }
            i = j;
        }
    }

    /// The count before `项目集中` in the clause (`162个项目集中开工`), else
    /// a count of projects later in the sentence (`共有45个项目开工`).
    fn batch_count(&self, at: usize) -> Option<(Span, u64)> {
        let s = self.s();
        let (cs, _) = self.doc.seg.clause(at);
        let (_, se) = self.doc.seg.sentence(at);
        let counts = || {
            self.found_in(cs, se).iter().filter_map(|(sp, v)| match v {
                Value::Count(c) => c.value.map(|n| (*sp, n)),
                _ => None,
            })
        };
        counts()
            .rfind(|(sp, _)| sp.start >= cs && sp.end <= at)
            .or_else(|| {
                counts().find(|(sp, _)| {
                    sp.start > at && sp.end <= se && s[sp.end..].starts_with("项目")
                })
            })
    }

    /// The first total (or plain) investment after `from` in its sentence.
    fn batch_money(&mut self, from: usize) -> Option<Money> {
        let (_, se) = self.doc.seg.sentence(from);
        let base = self.found.partition_point(|(sp, _)| sp.start < from);
        let hit = slice_in(self.found, from, se).iter().enumerate().find(|(_, (sp, v))| {
            sp.end <= se
                && matches!(v, Value::Money(m) if matches!(m.role, MoneyRole::TotalInvestment | MoneyRole::Investment))
        });
        let (k, (_, v)) = hit?;
        self.used_money[base + k] = true;
        match v {
            Value::Money(m) => Some(*m),
            _ => None,
        }
    }

    /// Named projects after `其中` in the sentence after the batch (or in
    /// its own sentence).
    fn batch_members(&self, from: usize) -> Vec<usize> {
        let s = self.s();
        let (_, se) = self.doc.seg.sentence(from);
        let mut out = Vec::new();
        let look = |a: usize, b: usize, out: &mut Vec<usize>| {
            let Some(p) = s[a..b].find("其中") else {
                return;
            };
            let from = a + p;
            for r in self.doc.refs_in(from, b) {
                if r.kind == RefKind::Named && r.span.end <= b && !out.contains(&r.cluster) {
                    out.push(r.cluster);
                }
            }
        };
        look(from, se, &mut out);
        if out.is_empty() && se < s.len() {
            let next = se + text::char_at(s, se).map_or(1, char::len_utf8);
            let (_, ne) = self.doc.seg.sentence(next);
            if s[next..ne].trim_start().starts_with("其中") {
                look(next, ne, &mut out);
            }
        }
        out
    }

    fn collect_milestones(&mut self) {
        // Batch members take the batch's stage when it has one.
        for b in &self.batches {
            if let [stage] = b.stages[..] {
                for &c in &b.members {
                    self.facts[c].add_milestone(stage, b.status, b.date, b.at.start);
                }
            }
        }
        for f in self.milestones {
            if f.batch {
                continue;
            }
            if let Some(c) = f.project {
                self.facts[c].add_milestone(f.stage, f.status, f.date, f.span.start);
            } else if let Subject::Members(members) = &f.subject {
                for (k, &c) in members.iter().enumerate() {
                    let date = f.member_dates.get(k).copied().unwrap_or(f.date);
                    self.facts[c].add_milestone(f.stage, f.status, date, f.span.start);
                }
            }
        }
    }

    fn collect_money_and_area(&mut self) {
        for (k, (sp, v)) in self.found.iter().enumerate() {
            if self.used_money[k] {
                continue;
            }
            let (is_money, role) = match v {
                Value::Money(m) => (true, Some(m.role)),
                Value::Area(_) => (false, None),
                _ => continue,
            };
            if is_money
                && !matches!(
                    role,
                    Some(
                        MoneyRole::TotalInvestment
                            | MoneyRole::Investment
                            | MoneyRole::PlannedInvestment
                    )
                )
            {
                continue;
            }
            let Some(c) = self.fact_subject(*sp) else {
                continue;
            };
            let facts = &mut self.facts[c];
            match v {
                Value::Money(m) if m.role == MoneyRole::TotalInvestment => {
                    facts.total.get_or_insert(*m);
                }
                Value::Money(m) => {
                    facts.investment.get_or_insert(*m);
                }
                Value::Area(a) => {
                    facts.area.get_or_insert(*a);
                }
                _ => {}
            }
        }
    }

    /// The one project a money or area fact at `sp` is said of: `投资X亿元的
    /// NAME` names it after the amount; else the named or demonstrative
    /// subject before it in its sentence.
    fn fact_subject(&self, sp: Span) -> Option<usize> {
        let s = self.s();
        let (_, ce) = self.doc.seg.clause(sp.start);
        // 投资50亿元以上的风光资源开发利用项目.
        let tail = s.get(sp.end..ce).unwrap_or("");
        if let Some(p) = tail.find('的')
            && tail[..p].chars().count() <= 3
        {
            let after = sp.end + p + '的'.len_utf8();
            if let Some(r) = self
                .doc
                .refs_in(after, after + 4)
                .iter()
                .find(|r| r.kind == RefKind::Named)
            {
                return Some(r.cluster);
            }
        }
        match self.doc.subject(Query {
            at: sp.start,
            end: sp.end,
            explicit_only: true,
            blocked: false,
        }) {
            Subject::One(c) => Some(c),
            _ => None,
        }
    }

    fn finish(self) -> Vec<Project> {
        let original = self.norm.original();
        let mut chars = CharCounter::new(original);
        let mut out = Vec::new();
        for (c, facts) in self.facts.iter().enumerate() {
            if facts.is_empty() {
                continue;
            }
            let span = self.norm.to_original(self.doc.clusters[c].first);
            let mut ms = facts.milestones.clone();
            ms.sort_by_key(|m| (m.0, m.3));
            out.push(Project::Named(Record {
                name: original[span.range()].to_string(),
                start: chars.at(span.start),
                end: chars.at(span.end),
                investment: facts.total.or(facts.investment),
                area: facts.area,
                milestones: ms
                    .into_iter()
                    .map(|(stage, status, date, _)| RecordMilestone {
                        stage,
                        status,
                        date,
                    })
                    .collect(),
            }));
        }
        for b in &self.batches {
            let sp = b.count.map_or(b.at, |(sp, _)| sp);
            let span = self.norm.to_original(sp);
            out.push(Project::Batch(Batch {
                start: chars.at(span.start),
                end: chars.at(span.end),
                count: b.count.map(|(_, n)| n),
                stages: b.stages.clone(),
                date: b.date,
                investment: b.investment,
                members: b
                    .members
                    .iter()
                    .map(|&c| self.doc.original_name(self.norm, c).to_string())
                    .collect(),
            }));
        }
        out
    }
}
