//! Scores the library against gold data in the `shared/eval` format.
//!
//! Two kinds of gold file, one JSON object a line:
//!
//! - **Articles** (`dev.jsonl`): `{"id", "anchor", "body", "text",
//!   "mentions", "projects"}`. [`evaluate`] runs the library on each text
//!   and scores it. A predicted mention *matches* a gold one when the kinds
//!   are equal and the code-point spans overlap (one to one, greedy: each
//!   gold mention in text order takes the unmatched prediction that overlaps
//!   it most, the earliest on a tie); it is *correct* when every normalized
//!   field of the gold mention (all keys but `kind`, `start`, `end`, `text`,
//!   `note`) is equal in the prediction, a missing key reading as `null`.
//!   Precision, recall and F1 per kind, for spans and for values;
//!   predictions outside `body` are ignored. Milestones are also scored
//!   field by field (stage, status, date, project) among the matched ones,
//!   and for stage and status together ([`MilestoneScore`]).
//!   Project records match when their names
//!   overlap as code-point spans, else when one name contains the other; then
//!   investment, area and the set of (stage, status) milestones are compared
//!   ([`RecordScore`]).
//! - **Cases** (`spec/*.jsonl`, `peers/*.jsonl`): one expression per line,
//!   `{"source", "kind", "input", "anchor", "expect", "expect_span", ...}`.
//!   [`judge_case`] checks one, [`score_cases`] a file of them.
//!
//! Everything is compared through the SPEC JSON (`serde_json::to_value` of
//! a [`Mention`](crate::Mention)), so a new kind needs no change here: it is
//! scored as soon as [`Kind::ALL`] lists it; gold kinds the library does not
//! know yet are counted and shown as not supported.
//!
//! ```
//! use xiangmu::eval::{evaluate, read_articles, EvalOptions};
//!
//! let gold = r#"{"id": "t1", "anchor": "2023-06-27", "body": [0, 15],
//!   "text": "诺天科技项目总投资1.5亿元。",
//!   "mentions": [{"kind": "money", "start": 9, "end": 14, "text": "1.5亿元",
//!                 "value": "150000000", "currency": "CNY",
//!                 "qualifier": "exact", "role": "total_investment"}],
//!   "projects": [{"name": "诺天科技项目", "start": 0, "end": 6,
//!                 "investment": {"value": "150000000", "qualifier": "exact",
//!                                "role": "total_investment", "currency": "CNY"},
//!                 "area": null, "milestones": []}]}"#
//!     .replace('\n', " ");
//! let articles = read_articles(&gold).unwrap();
//! let report = evaluate(&articles, &EvalOptions::default());
//! let money = report.kind("money").unwrap();
//! assert_eq!((money.counts.gold, money.counts.matched, money.counts.correct), (1, 1, 1));
//! assert_eq!(money.counts.values().f1, 1.0);
//! let records = report.records.unwrap();
//! assert_eq!((records.names.gold, records.names.matched), (1, 1));
//! assert_eq!(records.investment.agree, 1);
//! assert!(report.to_string().contains("money"));
//! ```

use crate::{Kind, Options};
use jiff::civil::Date;
use serde_json::{Map, Value as Json};
use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

/// Kinds in SPEC order, for tables; other kinds sort after these.
pub const SPEC_KIND_ORDER: &[&str] = &[
    "money",
    "area",
    "date",
    "duration",
    "milestone",
    "count",
    "percent",
    "capacity",
];

/// Keys of a mention that are not its normalized value.
const NON_VALUE_KEYS: &[&str] = &["kind", "start", "end", "text", "note"];

/// Keys of a record's `investment` / `area` object that are not compared.
const NON_FACT_KEYS: &[&str] = &["note", "start", "end", "text"];

// ---------------------------------------------------------------------------
// Gold data.

/// A line of a gold file that cannot be used: its 1-based number and why.
///
/// ```
/// let err = xiangmu::eval::read_articles("{\"id\": 1}").unwrap_err();
/// assert_eq!(err.to_string(), "line 1: missing field \"text\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    /// The 1-based line number in the gold file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One gold article: its text, its publication date and what it holds.
///
/// ```
/// let line = r#"{"id": "a", "text": "投资3亿元", "mentions": []}"#;
/// let a = xiangmu::eval::Article::from_json(&serde_json::from_str(line).unwrap()).unwrap();
/// assert_eq!((a.id.as_str(), a.body), ("a", (0, 5)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The article's id (`id` as a string; a number is written out).
    pub id: String,
    /// The publication date relative dates resolve against.
    pub anchor: Option<Date>,
    /// The full text.
    pub text: String,
    /// `[start, end)` in code points of the annotated part (`body`; the
    /// whole text when absent).
    pub body: (usize, usize),
    /// Gold mentions, in the SPEC JSON form.
    pub mentions: Vec<Json>,
    /// Gold project and batch records, in the SPEC JSON form.
    pub projects: Vec<Json>,
}

impl Article {
    /// Reads one article object; the error message names the bad field.
    ///
    /// ```
    /// let bad = serde_json::json!({"id": "a", "text": "x", "anchor": "2023-02-30"});
    /// let err = xiangmu::eval::Article::from_json(&bad).unwrap_err();
    /// assert!(err.starts_with("invalid anchor \"2023-02-30\""), "{err}");
    /// ```
    pub fn from_json(doc: &Json) -> Result<Article, String> {
        let Some(obj) = doc.as_object() else {
            return Err("expected a JSON object".into());
        };
        let id = match obj.get("id") {
            Some(Json::String(s)) => s.clone(),
            None | Some(Json::Null) => String::new(),
            Some(other) => other.to_string(),
        };
        let text = match obj.get("text") {
            Some(Json::String(s)) => s.clone(),
            None | Some(Json::Null) => return Err("missing field \"text\"".into()),
            Some(_) => return Err("expected \"text\" to be a string".into()),
        };
        let anchor = match obj.get("anchor") {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(
                s.parse::<Date>()
                    .map_err(|e| format!("invalid anchor {s:?}: {e}"))?,
            ),
            Some(other) => return Err(format!("expected \"anchor\" to be a date, found {other}")),
        };
        let chars = text.chars().count();
        let body = match obj.get("body") {
            None | Some(Json::Null) => (0, chars),
            Some(b) => match (
                b.get(0).and_then(Json::as_u64),
                b.get(1).and_then(Json::as_u64),
            ) {
                (Some(s), Some(e)) if s <= e => (s as usize, e as usize),
                _ => return Err(format!("expected \"body\" to be [start, end], found {b}")),
            },
        };
        let list = |key: &str| -> Result<Vec<Json>, String> {
            match obj.get(key) {
                None | Some(Json::Null) => Ok(Vec::new()),
                Some(Json::Array(items)) => Ok(items.clone()),
                Some(_) => Err(format!("expected {key:?} to be a list")),
            }
        };
        let mentions = list("mentions")?;
        for (i, m) in mentions.iter().enumerate() {
            if m.get("kind").and_then(Json::as_str).is_none() || span_of(m).is_none() {
                return Err(format!(
                    "mention {i}: expected \"kind\", \"start\" and \"end\", found {m}"
                ));
            }
        }
        let projects = list("projects")?;
        Ok(Article {
            id,
            anchor,
            text,
            body,
            mentions,
            projects,
        })
    }

    /// The options the library reads this article with: every kind (or
    /// those of `kinds`) and the article's anchor.
    fn options(&self, kinds: Option<&[Kind]>) -> Options {
        let options = match kinds {
            Some(kinds) => Options::default().with_kinds(kinds),
            None => Options::default(),
        };
        match self.anchor {
            Some(anchor) => options.with_anchor(anchor),
            None => options,
        }
    }
}

/// Reads a gold file of articles (JSON Lines; blank lines are skipped). An
/// article without an `id` is named `line N`.
///
/// ```
/// let gold = "{\"id\": \"a\", \"text\": \"投资3亿元\"}\n\n{\"text\": \"用地120亩\"}\n";
/// let articles = xiangmu::eval::read_articles(gold).unwrap();
/// assert_eq!(articles[1].id, "line 3");
/// ```
pub fn read_articles(jsonl: &str) -> Result<Vec<Article>, GoldError> {
    read_jsonl(jsonl)?
        .into_iter()
        .map(|(line, doc)| {
            let mut article =
                Article::from_json(&doc).map_err(|message| GoldError { line, message })?;
            if article.id.is_empty() {
                article.id = format!("line {line}");
            }
            Ok(article)
        })
        .collect()
}

/// The non-blank lines of a JSON Lines text, parsed, with their 1-based
/// line numbers.
///
/// ```
/// let lines = xiangmu::eval::read_jsonl("{\"a\": 1}\n\n[2]\n").unwrap();
/// assert_eq!(lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 3]);
/// assert!(xiangmu::eval::read_jsonl("{").is_err());
/// ```
pub fn read_jsonl(jsonl: &str) -> Result<Vec<(usize, Json)>, GoldError> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|doc| (i + 1, doc))
                .map_err(|e| GoldError {
                    line: i + 1,
                    message: format!("invalid JSON: {e}"),
                })
        })
        .collect()
}

/// Whether a gold file holds single-expression cases (`spec/`, `peers/`:
/// objects with an `input`) rather than articles.
///
/// ```
/// use xiangmu::eval::is_case_file;
/// assert!(is_case_file("{\"kind\": \"money\", \"input\": \"3亿元\", \"expect\": null}"));
/// assert!(!is_case_file("{\"id\": \"a\", \"text\": \"投资3亿元\"}"));
/// ```
pub fn is_case_file(jsonl: &str) -> bool {
    jsonl
        .lines()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| serde_json::from_str::<Json>(l).ok())
        .is_some_and(|doc| doc.get("input").is_some() && doc.get("text").is_none())
}

// ---------------------------------------------------------------------------
// Scores.

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Correct predictions over predictions.
    pub precision: f64,
    /// Correct predictions over gold items.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Counts behind a P/R/F1: gold items, predictions, matched pairs and the
/// matched pairs whose values are correct.
///
/// ```
/// let c = xiangmu::eval::Counts { gold: 4, predicted: 2, matched: 2, correct: 1 };
/// assert_eq!(c.spans().recall, 0.5);
/// assert_eq!(c.values().precision, 0.5);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Pairs of a gold and a predicted item that match (same kind,
    /// overlapping spans; for records, matching names).
    pub matched: usize,
    /// Matched pairs whose values are equal too.
    pub correct: usize,
}

impl Counts {
    /// Scores for matching alone (spans, names).
    pub fn spans(&self) -> Prf {
        self.prf(self.matched)
    }

    /// Scores for matching with the right values.
    pub fn values(&self) -> Prf {
        self.prf(self.correct)
    }

    /// With no gold and no prediction every score is 1.
    fn prf(&self, hits: usize) -> Prf {
        if self.gold == 0 && self.predicted == 0 {
            return Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
            };
        }
        let precision = ratio(hits, self.predicted, 0.0);
        let recall = ratio(hits, self.gold, 0.0);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
        self.correct += other.correct;
    }
}

/// `agree` of `of` compared pairs were equal.
///
/// ```
/// let a = xiangmu::eval::Agreement { agree: 3, of: 4 };
/// assert_eq!(a.rate(), 0.75);
/// assert_eq!(a.to_string(), "3/4 = 0.750");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Pairs that agree.
    pub agree: usize,
    /// Pairs compared.
    pub of: usize,
}

impl Agreement {
    /// `agree / of`, 1 when nothing was compared.
    pub fn rate(&self) -> f64 {
        ratio(self.agree, self.of, 1.0)
    }

    fn count(&mut self, equal: bool) {
        self.of += 1;
        self.agree += usize::from(equal);
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} = {:.3}", self.agree, self.of, self.rate())
    }
}

/// The scores of one mention kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindScore {
    /// The SPEC name of the kind.
    pub kind: String,
    /// Whether the library finds this kind (it is in [`Kind::ALL`]); gold
    /// mentions of other kinds are counted, not scored.
    pub supported: bool,
    /// Gold, predicted, matched and correct mentions.
    pub counts: Counts,
}

/// Milestone fields compared among the matched milestone mentions.
///
/// `stage_status` scores a milestone as correct when its stage and its
/// status are both right (date and project aside).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MilestoneScore {
    /// `stage` equal.
    pub stage: Agreement,
    /// `status` equal.
    pub status: Agreement,
    /// `date` equal (both null counts as equal).
    pub date: Agreement,
    /// `project` equal (both null counts as equal).
    pub project: Agreement,
    /// Milestone mentions, correct when stage and status are right.
    pub stage_status: Counts,
}

/// Record-level scores: named projects and batches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordScore {
    /// Named records; `matched` counts records whose names match (spans
    /// overlap, else one name contains the other), `correct` those whose
    /// investment, area and milestone set are all right too.
    pub names: Counts,
    /// `investment` equal among matched records (both null counts).
    pub investment: Agreement,
    /// `area` equal among matched records (both null counts).
    pub area: Agreement,
    /// The set of (stage, status) milestones equal among matched records.
    pub milestone_sets: Agreement,
    /// (stage, status) milestones of matched records, one item per pair:
    /// `matched` pairs found in both.
    pub milestone_pairs: Counts,
    /// Among the pairs found in both, the date equal.
    pub milestone_dates: Agreement,
    /// Batch records (`"kind": "batch"`), matched by overlapping spans,
    /// `correct` when count, stages, date, investment and members are all
    /// equal (stages and members as sets).
    pub batches: Counts,
}

/// One thing the library got wrong, for the problem list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The mention kind, or `project` / `batch` for records.
    pub section: String,
    /// `MISS`, `FP`, `VALUE` or `SPAN`.
    pub what: &'static str,
    /// The article, the place in its text, gold and predicted values.
    pub detail: String,
}

/// Options for [`evaluate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvalOptions {
    /// Score only these kinds (gold mentions of other kinds are left out
    /// and the library looks for these only); `None`: every kind.
    pub kinds: Option<Vec<Kind>>,
}

/// What the library found in one article, as SPEC JSON.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    /// Mentions (each with `kind`, `start`, `end` and its fields).
    pub mentions: Vec<Json>,
    /// Project and batch records, or `None` when the library does not
    /// group records (they are then not scored).
    pub projects: Option<Vec<Json>>,
}

/// Runs the library on one article: its mentions ([`extract`](crate::extract))
/// and its records ([`projects`](crate::projects)) as SPEC JSON.
///
/// ```
/// use xiangmu::eval::{predict, Article, EvalOptions};
/// let a = Article::from_json(&serde_json::json!({"id": "a", "text": "投资3亿元"})).unwrap();
/// let p = predict(&a, &EvalOptions::default());
/// assert_eq!(p.mentions[0]["value"], "300000000");
/// ```
pub fn predict(article: &Article, options: &EvalOptions) -> Prediction {
    let opts = article.options(options.kinds.as_deref());
    let mentions = crate::extract(&article.text, &opts)
        .iter()
        .filter_map(|m| serde_json::to_value(m).ok())
        .collect();
    let projects = crate::projects(&article.text, &opts)
        .iter()
        .filter_map(|p| serde_json::to_value(p).ok())
        .collect();
    Prediction {
        mentions,
        projects: Some(projects),
    }
}

/// Scores the library on gold articles: [`predict`] on each, then
/// [`Report::add`].
pub fn evaluate(articles: &[Article], options: &EvalOptions) -> Report {
    let mut report = Report::new(options);
    for article in articles {
        let prediction = predict(article, options);
        report.add(article, &prediction);
    }
    report
}

/// Scores over a set of articles, with the list of problems; `Display`
/// prints the tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Articles scored.
    pub articles: usize,
    /// Per kind, in SPEC order.
    pub kinds: Vec<KindScore>,
    /// Milestone fields among the matched milestone mentions.
    pub milestones: MilestoneScore,
    /// Record-level scores; `None` when no prediction had records (see
    /// [`Prediction::projects`]).
    pub records: Option<RecordScore>,
    problems: Vec<Problem>,
    filter: Option<Vec<String>>,
}

impl Report {
    /// An empty report for `options` (every supported kind has a row).
    pub fn new(options: &EvalOptions) -> Report {
        let filter: Option<Vec<String>> = options
            .kinds
            .as_ref()
            .map(|ks| ks.iter().map(|k| k.as_str().to_string()).collect());
        let mut report = Report {
            articles: 0,
            kinds: Vec::new(),
            milestones: MilestoneScore::default(),
            records: None,
            problems: Vec::new(),
            filter,
        };
        for k in Kind::ALL {
            if report.wanted(k.as_str()) {
                report.row(k.as_str());
            }
        }
        report
    }

    /// The row of `kind`, if it was scored.
    pub fn kind(&self, kind: &str) -> Option<&KindScore> {
        self.kinds.iter().find(|k| k.kind == kind)
    }

    /// Every problem found, by section (kinds in SPEC order, then records),
    /// in article order within a section.
    pub fn problems(&self) -> Vec<&Problem> {
        let mut list: Vec<&Problem> = self.problems.iter().collect();
        list.sort_by_key(|p| section_rank(&p.section));
        list
    }

    /// The problems of one section (a kind, `project` or `batch`).
    pub fn problems_of(&self, section: &str) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| p.section == section)
            .collect()
    }

    /// The problem list as text: a heading per section, then one entry per
    /// problem.
    pub fn problems_text(&self) -> String {
        let mut out = String::new();
        let mut last = "";
        let problems = self.problems();
        for p in &problems {
            if p.section != last {
                let n = problems.iter().filter(|q| q.section == p.section).count();
                let _ = writeln!(out, "\n--- {}: {n} problems ---", p.section);
                last = &p.section;
            }
            let _ = writeln!(out, "  {:<5} {}", p.what, p.detail);
        }
        out
    }

    fn wanted(&self, kind: &str) -> bool {
        self.filter
            .as_ref()
            .is_none_or(|ks| ks.iter().any(|k| k == kind))
    }

    fn row(&mut self, kind: &str) -> &mut KindScore {
        let i = match self.kinds.iter().position(|k| k.kind == kind) {
            Some(i) => i,
            None => {
                self.kinds.push(KindScore {
                    kind: kind.to_string(),
                    supported: supported(kind),
                    counts: Counts::default(),
                });
                self.kinds.sort_by_key(|k| section_rank(&k.kind));
                self.kinds.iter().position(|k| k.kind == kind).unwrap_or(0)
            }
        };
        &mut self.kinds[i]
    }

    fn problem(&mut self, section: &str, what: &'static str, detail: String) {
        self.problems.push(Problem {
            section: section.to_string(),
            what,
            detail,
        });
    }

    /// Adds one article and what the library found in it.
    ///
    /// ```
    /// use xiangmu::eval::{Article, EvalOptions, Prediction, Report};
    /// use serde_json::json;
    /// let article = Article::from_json(&json!({"id": "a", "text": "用地约243.82亩",
    ///     "mentions": [{"kind": "area", "start": 2, "end": 10, "value": "243.82",
    ///                   "unit": "mu", "square_meters": "162546.67", "qualifier": "approx"}]})).unwrap();
    /// // A prediction with the right span and a wrong value:
    /// let predicted = json!({"kind": "area", "start": 2, "end": 10, "value": "243.82",
    ///     "unit": "mu", "square_meters": "162546.67", "qualifier": "exact"});
    /// let mut report = Report::new(&EvalOptions::default());
    /// report.add(&article, &Prediction { mentions: vec![predicted], projects: None });
    /// let area = report.kind("area").unwrap();
    /// assert_eq!((area.counts.matched, area.counts.correct), (1, 0));
    /// assert_eq!(report.problems_of("area")[0].what, "VALUE");
    /// ```
    pub fn add(&mut self, article: &Article, prediction: &Prediction) {
        self.articles += 1;
        let chars: Vec<char> = article.text.chars().collect();
        let (b0, b1) = article.body;
        let id = article.id.as_str();
        let pred: Vec<Item<'_>> = prediction
            .mentions
            .iter()
            .filter_map(Item::of)
            .filter(|p| p.start >= b0 && p.end <= b1 && self.wanted(&p.kind))
            .collect();
        let gold: Vec<Item<'_>> = article
            .mentions
            .iter()
            .filter_map(Item::of)
            .filter(|g| self.wanted(&g.kind))
            .collect();
        for g in &gold {
            self.row(&g.kind).counts.gold += 1;
        }
        for p in &pred {
            self.row(&p.kind).counts.predicted += 1;
        }
        let pairs = match_greedy(&gold, &pred, |g, p| g.kind == p.kind);
        let mut pred_matched = vec![false; pred.len()];
        for (gi, g) in gold.iter().enumerate() {
            let Some(pi) = pairs[gi] else {
                if supported(&g.kind) {
                    let detail = format!(
                        "{}\n        gold {}",
                        place(id, &chars, g.start, g.end),
                        compact(&value_fields(g.json))
                    );
                    self.problem(&g.kind, "MISS", detail);
                }
                continue;
            };
            pred_matched[pi] = true;
            let p = &pred[pi];
            let want = value_fields(g.json);
            let diff = differing(&want, p.json, &[]);
            let row = self.row(&g.kind);
            row.counts.matched += 1;
            if diff.is_empty() {
                row.counts.correct += 1;
            }
            if g.kind == "milestone" {
                self.milestone(g.json, p.json);
            }
            let span_note = if (p.start, p.end) != (g.start, g.end) {
                format!(
                    "\n        span differs: predicted @{}..{} {}",
                    p.start,
                    p.end,
                    p.json.get("text").unwrap_or(&Json::Null)
                )
            } else {
                String::new()
            };
            let where_ = place(id, &chars, g.start, g.end);
            if diff.is_empty() {
                if !span_note.is_empty() {
                    self.problem(&g.kind, "SPAN", format!("{where_}{span_note}"));
                }
            } else {
                let detail = format!(
                    "{where_}{span_note}\n        gold {}\n        pred {}\n        ({})",
                    compact(&want),
                    compact(&value_fields(p.json)),
                    diff.join("; ")
                );
                self.problem(&g.kind, "VALUE", detail);
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if pred_matched[pi] {
                continue;
            }
            if p.kind == "milestone" {
                self.milestones.stage_status.predicted += 1;
            }
            let detail = format!(
                "{}\n        pred {}",
                place(id, &chars, p.start, p.end),
                compact(&value_fields(p.json))
            );
            self.problem(&p.kind, "FP", detail);
        }
        if self.wanted("milestone") {
            let unmatched_gold = gold
                .iter()
                .enumerate()
                .filter(|(gi, g)| g.kind == "milestone" && pairs[*gi].is_none())
                .count();
            self.milestones.stage_status.gold += unmatched_gold;
        }
        if let Some(records) = &prediction.projects {
            self.records(article, &chars, records);
        }
    }

    /// Field comparisons of one matched milestone pair.
    fn milestone(&mut self, gold: &Json, pred: &Json) {
        let field = |key: &str| {
            gold.get(key).unwrap_or(&Json::Null) == pred.get(key).unwrap_or(&Json::Null)
        };
        let m = &mut self.milestones;
        let (stage, status) = (field("stage"), field("status"));
        m.stage.count(stage);
        m.status.count(status);
        m.date.count(field("date"));
        m.project.count(field("project"));
        m.stage_status.add(Counts {
            gold: 1,
            predicted: 1,
            matched: 1,
            correct: usize::from(stage && status),
        });
    }

    /// Record-level scores of one article.
    fn records(&mut self, article: &Article, chars: &[char], predicted: &[Json]) {
        let id = article.id.as_str();
        let (b0, b1) = article.body;
        let (gold_named, gold_batches) = split_records(&article.projects, None);
        let (pred_named, pred_batches) = split_records(predicted, Some((b0, b1)));
        let mut score = self.records.unwrap_or_default();
        let mut problems = Vec::new();

        // Named records.
        score.names.gold += gold_named.len();
        score.names.predicted += pred_named.len();
        let pairs = match_records(&gold_named, &pred_named);
        let mut taken = vec![false; pred_named.len()];
        for (gi, g) in gold_named.iter().enumerate() {
            let Some(pi) = pairs[gi] else {
                problems.push((
                    "project",
                    "MISS",
                    format!(
                        "{} {:?}\n        gold {}",
                        place(id, chars, g.start, g.end),
                        g.name,
                        facts(g.json)
                    ),
                ));
                continue;
            };
            taken[pi] = true;
            let p = &pred_named[pi];
            score.names.matched += 1;
            let investment = same_fact(g.json.get("investment"), p.json.get("investment"));
            let area = same_fact(g.json.get("area"), p.json.get("area"));
            let (gold_set, pred_set) = (milestone_set(g.json), milestone_set(p.json));
            let sets = gold_set.keys().eq(pred_set.keys());
            score.investment.count(investment);
            score.area.count(area);
            score.milestone_sets.count(sets);
            score.milestone_pairs.gold += gold_set.len();
            score.milestone_pairs.predicted += pred_set.len();
            for (pair, date) in &gold_set {
                if let Some(pred_date) = pred_set.get(pair) {
                    score.milestone_pairs.matched += 1;
                    score.milestone_pairs.correct += 1;
                    score.milestone_dates.count(date == pred_date);
                }
            }
            if investment && area && sets {
                score.names.correct += 1;
            } else {
                let mut wrong = Vec::new();
                if !investment {
                    wrong.push("investment");
                }
                if !area {
                    wrong.push("area");
                }
                if !sets {
                    wrong.push("milestones");
                }
                let named = if p.name == g.name {
                    format!("{:?}", g.name)
                } else {
                    format!("{:?} (predicted {:?})", g.name, p.name)
                };
                problems.push((
                    "project",
                    "VALUE",
                    format!(
                        "{} {named}\n        gold {}\n        pred {}\n        ({} differ)",
                        place(id, chars, g.start, g.end),
                        facts(g.json),
                        facts(p.json),
                        wrong.join(", ")
                    ),
                ));
            }
        }
        for (pi, p) in pred_named.iter().enumerate() {
            if !taken[pi] {
                problems.push((
                    "project",
                    "FP",
                    format!(
                        "{} {:?}\n        pred {}",
                        place(id, chars, p.start, p.end),
                        p.name,
                        facts(p.json)
                    ),
                ));
            }
        }

        // Batches.
        score.batches.gold += gold_batches.len();
        score.batches.predicted += pred_batches.len();
        let pairs = match_greedy(&gold_batches, &pred_batches, |_, _| true);
        let mut taken = vec![false; pred_batches.len()];
        for (gi, g) in gold_batches.iter().enumerate() {
            let Some(pi) = pairs[gi] else {
                problems.push((
                    "batch",
                    "MISS",
                    format!(
                        "{}\n        gold {}",
                        place(id, chars, g.start, g.end),
                        batch_facts(g.json)
                    ),
                ));
                continue;
            };
            taken[pi] = true;
            let p = &pred_batches[pi];
            score.batches.matched += 1;
            let get = |r: &Record<'_>, k: &str| r.json.get(k).cloned().unwrap_or(Json::Null);
            let set = |r: &Record<'_>, k: &str| -> BTreeSet<String> {
                r.json
                    .get(k)
                    .and_then(Json::as_array)
                    .map(|a| a.iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default()
            };
            let right = get(g, "count") == get(p, "count")
                && set(g, "stages") == set(p, "stages")
                && set(g, "members") == set(p, "members")
                && get(g, "date") == get(p, "date")
                && same_fact(g.json.get("investment"), p.json.get("investment"));
            if right {
                score.batches.correct += 1;
            } else {
                problems.push((
                    "batch",
                    "VALUE",
                    format!(
                        "{}\n        gold {}\n        pred {}",
                        place(id, chars, g.start, g.end),
                        batch_facts(g.json),
                        batch_facts(p.json)
                    ),
                ));
            }
        }
        for (pi, p) in pred_batches.iter().enumerate() {
            if !taken[pi] {
                problems.push((
                    "batch",
                    "FP",
                    format!(
                        "{}\n        pred {}",
                        place(id, chars, p.start, p.end),
                        batch_facts(p.json)
                    ),
                ));
            }
        }
        self.records = Some(score);
        for (section, what, detail) in problems {
            self.problem(section, what, detail);
        }
    }
}

impl fmt::Display for Report {
    /// The tables: per-kind spans and values, milestone fields, records.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            "kind", "gold", "pred", "span P", "R", "F1", "val P", "R", "F1"
        )?;
        for row in &self.kinds {
            let c = row.counts;
            if !row.supported {
                writeln!(
                    f,
                    "{:<10} {:>5} {:>5} | not supported yet",
                    row.kind, c.gold, c.predicted
                )?;
                continue;
            }
            writeln!(
                f,
                "{:<10} {:>5} {:>5} | {} | {}",
                row.kind,
                c.gold,
                c.predicted,
                prf_cells(c.spans()),
                prf_cells(c.values())
            )?;
        }
        if self.kind("milestone").is_some_and(|k| k.supported) {
            let m = &self.milestones;
            let c = m.stage_status;
            writeln!(
                f,
                "{:<10} {:>5} {:>5} | {} | {}  (milestone, value = stage and status)",
                "  st+stat",
                c.gold,
                c.predicted,
                prf_cells(c.spans()),
                prf_cells(c.values())
            )?;
            writeln!(
                f,
                "\nmilestone fields among {} matched: stage {}, status {}, date {}, project {}",
                m.stage.of, m.stage, m.status, m.date, m.project
            )?;
        }
        match &self.records {
            None => writeln!(f, "\nrecords: not supported yet")?,
            Some(r) => {
                writeln!(
                    f,
                    "\n{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
                    "records", "gold", "pred", "name P", "R", "F1", "all P", "R", "F1"
                )?;
                for (label, c) in [("projects", r.names), ("batches", r.batches)] {
                    writeln!(
                        f,
                        "{label:<10} {:>5} {:>5} | {} | {}",
                        c.gold,
                        c.predicted,
                        prf_cells(c.spans()),
                        prf_cells(c.values())
                    )?;
                }
                let p = r.milestone_pairs;
                writeln!(
                    f,
                    "\namong {} matched projects: investment {}, area {}, milestone set {}",
                    r.names.matched, r.investment, r.area, r.milestone_sets
                )?;
                writeln!(
                    f,
                    "(stage, status) milestones of matched projects: gold {}, pred {} | {} | dates {}",
                    p.gold,
                    p.predicted,
                    prf_cells(p.spans()),
                    r.milestone_dates
                )?;
            }
        }
        Ok(())
    }
}

fn prf_cells(s: Prf) -> String {
    format!("{:>6.3} {:>6.3} {:>6.3}", s.precision, s.recall, s.f1)
}

// ---------------------------------------------------------------------------
// Matching.

/// A mention or batch as JSON, with its kind and code-point span.
struct Item<'a> {
    kind: String,
    start: usize,
    end: usize,
    json: &'a Json,
}

impl<'a> Item<'a> {
    fn of(json: &'a Json) -> Option<Item<'a>> {
        let (start, end) = span_of(json)?;
        Some(Item {
            kind: json.get("kind")?.as_str()?.to_string(),
            start,
            end,
            json,
        })
    }
}

/// A project or batch record as JSON.
struct Record<'a> {
    batch: bool,
    name: String,
    start: usize,
    end: usize,
    json: &'a Json,
}

impl<'a> Record<'a> {
    fn of(json: &'a Json) -> Option<Record<'a>> {
        let (start, end) = span_of(json).unwrap_or((0, 0));
        Some(Record {
            batch: json.get("kind").and_then(Json::as_str) == Some("batch"),
            name: json
                .get("name")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string(),
            start,
            end,
            json: json.as_object().map(|_| json)?,
        })
    }
}

trait Spanned {
    fn span(&self) -> (usize, usize);
}

impl Spanned for Item<'_> {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

impl Spanned for Record<'_> {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

fn span_of(json: &Json) -> Option<(usize, usize)> {
    let start = json.get("start")?.as_u64()? as usize;
    let end = json.get("end")?.as_u64()? as usize;
    Some((start, end))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pairs gold and predicted items: for each gold item in text order, the
/// unmatched prediction (of the same kind, by `same`) that overlaps it
/// most, the earliest on a tie. `pairs[gold index] = Some(prediction)`.
fn match_greedy<T: Spanned>(
    gold: &[T],
    pred: &[T],
    same: impl Fn(&T, &T) -> bool,
) -> Vec<Option<usize>> {
    let mut taken = vec![false; pred.len()];
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].span());
    let mut pairs = vec![None; gold.len()];
    for gi in order {
        let g = &gold[gi];
        let best = pred
            .iter()
            .enumerate()
            .filter(|(pi, p)| !taken[*pi] && same(g, p) && overlap(g.span(), p.span()) > 0)
            .max_by_key(|(pi, p)| (overlap(g.span(), p.span()), std::cmp::Reverse(*pi)));
        if let Some((pi, _)) = best {
            taken[pi] = true;
            pairs[gi] = Some(pi);
        }
    }
    pairs
}

/// Named records: first by overlapping name spans (as [`match_greedy`]),
/// then, for the gold records still unmatched in text order, the first
/// unmatched prediction whose name contains the gold name or is contained
/// in it.
fn match_records(gold: &[Record<'_>], pred: &[Record<'_>]) -> Vec<Option<usize>> {
    let mut pairs = match_greedy(gold, pred, |_, _| true);
    let mut taken = vec![false; pred.len()];
    for pi in pairs.iter().flatten() {
        taken[*pi] = true;
    }
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].span());
    for gi in order {
        if pairs[gi].is_some() || gold[gi].name.is_empty() {
            continue;
        }
        let g = &gold[gi].name;
        let found = pred.iter().enumerate().find(|(pi, p)| {
            !taken[*pi]
                && !p.name.is_empty()
                && (g.contains(&p.name) || p.name.contains(g.as_str()))
        });
        if let Some((pi, _)) = found {
            taken[pi] = true;
            pairs[gi] = Some(pi);
        }
    }
    pairs
}

/// Named records and batches of a list; with `body`, only those inside it.
fn split_records(
    list: &[Json],
    body: Option<(usize, usize)>,
) -> (Vec<Record<'_>>, Vec<Record<'_>>) {
    let (mut named, mut batches) = (Vec::new(), Vec::new());
    for r in list.iter().filter_map(Record::of) {
        if body.is_some_and(|(b0, b1)| r.start < b0 || r.end > b1) {
            continue;
        }
        if r.batch {
            batches.push(r);
        } else {
            named.push(r);
        }
    }
    (named, batches)
}

/// Whether a predicted record fact (`investment`, `area`) agrees with the
/// gold one: both null or absent, or every gold key (but `note`) equal.
fn same_fact(gold: Option<&Json>, pred: Option<&Json>) -> bool {
    let pred = pred.unwrap_or(&Json::Null);
    match gold {
        None | Some(Json::Null) => pred.is_null(),
        Some(Json::Object(want)) => {
            pred.is_object() && differing(want, pred, NON_FACT_KEYS).is_empty()
        }
        Some(other) => other == pred,
    }
}

/// A record's milestones: (stage, status) -> date.
fn milestone_set(record: &Json) -> std::collections::BTreeMap<(String, String), Json> {
    let text = |m: &Json, k: &str| m.get(k).and_then(Json::as_str).unwrap_or("").to_string();
    record
        .get("milestones")
        .and_then(Json::as_array)
        .map(|list| {
            list.iter()
                .map(|m| {
                    let date = m.get("date").cloned().unwrap_or(Json::Null);
                    ((text(m, "stage"), text(m, "status")), date)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The normalized fields of a mention (every key but kind/start/end/text/note).
fn value_fields(json: &Json) -> Map<String, Json> {
    json.as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !NON_VALUE_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Keys of `expected` (but `skip`) whose value differs in `actual` (a
/// missing key reads as null), as `key: expected X, got Y`.
fn differing(expected: &Map<String, Json>, actual: &Json, skip: &[&str]) -> Vec<String> {
    expected
        .iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, want)| {
            let got = actual.get(k).unwrap_or(&Json::Null);
            (got != want).then(|| format!("{k}: expected {want}, got {got}"))
        })
        .collect()
}

fn supported(kind: &str) -> bool {
    Kind::from_name(kind).is_some()
}

fn section_rank(section: &str) -> (usize, String) {
    let rank = match section {
        "project" => SPEC_KIND_ORDER.len() + 1,
        "batch" => SPEC_KIND_ORDER.len() + 2,
        kind => SPEC_KIND_ORDER
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(SPEC_KIND_ORDER.len()),
    };
    (rank, section.to_string())
}

fn ratio(n: usize, d: usize, empty: f64) -> f64 {
    if d == 0 { empty } else { n as f64 / d as f64 }
}

fn compact(fields: &Map<String, Json>) -> String {
    serde_json::to_string(fields).unwrap_or_default()
}

/// A record's compared facts, for the problem list.
fn facts(record: &Json) -> String {
    let pairs: Vec<String> = milestone_set(record)
        .into_iter()
        .map(|((stage, status), _)| format!("{stage}:{status}"))
        .collect();
    let fact = |k: &str| {
        let mut v = record.get(k).cloned().unwrap_or(Json::Null);
        if let Json::Object(o) = &mut v {
            o.remove("note");
        }
        v.to_string()
    };
    format!(
        "investment {} area {} milestones [{}]",
        fact("investment"),
        fact("area"),
        pairs.join(", ")
    )
}

fn batch_facts(record: &Json) -> String {
    let get = |k: &str| record.get(k).cloned().unwrap_or(Json::Null).to_string();
    format!(
        "count {} stages {} date {} investment {} members {}",
        get("count"),
        get("stages"),
        get("date"),
        get("investment"),
        get("members")
    )
}

/// `id @start..end …context【span】context…`.
fn place(id: &str, chars: &[char], start: usize, end: usize) -> String {
    format!("{id} @{start}..{end} {}", context(chars, start, end, 12))
}

/// `[start, end)` of `chars` with `ctx` characters around it, the span in 【】.
fn context(chars: &[char], start: usize, end: usize, ctx: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    let from = start.saturating_sub(ctx);
    let to = (end + ctx).min(chars.len());
    let piece = |a: usize, b: usize| -> String {
        chars[a..b]
            .iter()
            .map(|&c| if c == '\n' || c == '\r' { '⏎' } else { c })
            .collect()
    };
    format!(
        "…{}【{}】{}…",
        piece(from, start),
        piece(start, end),
        piece(end, to)
    )
}

// ---------------------------------------------------------------------------
// Single-expression cases.

/// The verdict on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The library found the expected mention (or, for a negative case, none).
    Pass,
    /// Passed with a remark (a lenient comparison was used).
    PassNote(String),
    /// Failed; the text says what was expected and what was found.
    Fail(String),
    /// `convention_differs` without `spec_expect`: not scored.
    Skipped,
}

/// Judges one case (`spec/`, `peers/` format) against the library.
///
/// A positive case passes when a mention of its kind has exactly the
/// expected span and the expected fields (for dates the fields of the
/// nested value; `range: true` cases pass with another grain, with a
/// remark). A negative case (`"expect": null`) passes when no mention of
/// its kind is found. Cases with `convention_differs` are judged against
/// `spec_expect`, or skipped without one. Kind `number` checks
/// [`parse_number`](crate::parse_number) on the whole input.
///
/// ```
/// use xiangmu::eval::{judge_case, Outcome};
/// let case = serde_json::json!({"kind": "money", "input": "总投资约1.5亿元", "anchor": null,
///     "expect": {"value": "150000000", "qualifier": "approx"}, "expect_span": [3, 9]});
/// assert_eq!(judge_case(&case), Outcome::Pass);
/// let negative = serde_json::json!({"kind": "money", "input": "开工率83.3%", "expect": null});
/// assert_eq!(judge_case(&negative), Outcome::Pass);
/// ```
pub fn judge_case(case: &Json) -> Outcome {
    let kind = case.get("kind").and_then(Json::as_str).unwrap_or("?");
    let input = case.get("input").and_then(Json::as_str).unwrap_or("");
    let null = Json::Null;
    let expect = if case.get("convention_differs").and_then(Json::as_bool) == Some(true) {
        match case.get("spec_expect") {
            Some(e) if !e.is_null() => e,
            _ => return Outcome::Skipped,
        }
    } else {
        case.get("expect").unwrap_or(&null)
    };

    if kind == "number" {
        // Not a mention kind: the case is a whole-string numeral.
        let want = expect.get("value").and_then(Json::as_str).unwrap_or("");
        return match crate::parse_number(input) {
            Ok(d) if crate::decimal::spec_string(d) == want => Outcome::Pass,
            Ok(d) => Outcome::Fail(format!(
                "parse_number gave {}, expected {want}",
                crate::decimal::spec_string(d)
            )),
            Err(e) => Outcome::Fail(format!("parse_number failed: {e}")),
        };
    }

    let mut options = Options::default();
    match case.get("anchor") {
        None | Some(Json::Null) => {}
        Some(a) => match a.as_str().map(str::parse::<Date>) {
            Some(Ok(date)) => options = options.with_anchor(date),
            _ => return Outcome::Fail(format!("bad anchor {a} in the case")),
        },
    }
    let found: Vec<Json> = crate::extract(input, &options)
        .iter()
        .filter_map(|m| serde_json::to_value(m).ok())
        .collect();
    let of_kind: Vec<Item<'_>> = found
        .iter()
        .filter_map(Item::of)
        .filter(|f| f.kind == kind)
        .collect();
    let show = |fs: &[Item<'_>]| -> String {
        if fs.is_empty() {
            return format!("no {kind} mention");
        }
        fs.iter()
            .map(|f| format!("@{}..{} {}", f.start, f.end, f.json))
            .collect::<Vec<_>>()
            .join("\n          ")
    };

    let Some(want) = expect.as_object() else {
        // A negative case.
        return if of_kind.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(format!(
                "expected no {kind} mention, found {}",
                show(&of_kind)
            ))
        };
    };
    let at = |i: usize| {
        case.get("expect_span")
            .and_then(|s| s.get(i))
            .and_then(Json::as_u64)
            .unwrap_or(0) as usize
    };
    let span = (at(0), at(1));
    let range = case.get("range").and_then(Json::as_bool) == Some(true);
    // Where the fields live: top level, or nested under "value" (dates:
    // `expect` is the nested value itself).
    let fields_of = |f: &Item<'_>| -> Json {
        match f.json.get("value") {
            Some(v @ Json::Object(_)) if !want.contains_key("value") => v.clone(),
            _ => f.json.clone(),
        }
    };
    let mut remark = String::new();
    for f in of_kind.iter().filter(|f| (f.start, f.end) == span) {
        let actual = fields_of(f);
        if differing(want, &actual, &[]).is_empty() {
            return Outcome::Pass;
        }
        // The SPEC does not fix the grain of a range written once.
        if range && differing(want, &actual, &["grain"]).is_empty() {
            remark = format!(
                "grain {} (range: true, not compared)",
                actual.get("grain").unwrap_or(&Json::Null)
            );
        }
    }
    if !remark.is_empty() {
        return Outcome::PassNote(remark);
    }
    let detail = match of_kind.iter().find(|f| (f.start, f.end) == span) {
        Some(f) => format!(
            "span ok, values differ: {}",
            differing(want, &fields_of(f), &[]).join("; ")
        ),
        None if of_kind.is_empty() => format!("no {kind} mention found"),
        None => "no mention with the expected span".to_string(),
    };
    Outcome::Fail(format!(
        "{detail}\n          expected @{}..{} {:?} {}\n          found    {}",
        span.0,
        span.1,
        case.get("expect_text").and_then(Json::as_str).unwrap_or(""),
        Json::Object(want.clone()),
        show(&of_kind)
    ))
}

/// A case the library may fail without it counting as a failure: its
/// `source` and `input`, and why the library reads it differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Divergence<'a> {
    /// The case's `source`.
    pub source: &'a str,
    /// The case's `input`.
    pub input: &'a str,
    /// Why the library reads it differently.
    pub reason: &'a str,
}

/// The scores of one file of cases; `Display` prints the summary line and
/// the failures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseScore {
    /// The name printed for the file.
    pub label: String,
    /// The kind of the file's cases (that of its first case).
    pub kind: String,
    /// Whether the library finds this kind; unsupported files are not judged.
    pub supported: bool,
    /// Whether failures should fail a test run (see `failures`).
    pub gated: bool,
    /// Cases in the file.
    pub cases: usize,
    /// Cases passed.
    pub passed: usize,
    /// Cases failed, known divergences aside.
    pub failed: usize,
    /// Failed cases listed as known divergences.
    pub known: usize,
    /// Cases skipped (`convention_differs` without `spec_expect`).
    pub skipped: usize,
    /// Per-case remarks and failures, for the report.
    pub lines: Vec<String>,
    /// With `gated`, one line per failed case (known divergences aside).
    pub failures: Vec<String>,
}

impl CaseScore {
    /// Passed over scored cases (passed, failed and known), 1 when none.
    pub fn rate(&self) -> f64 {
        ratio(self.passed, self.passed + self.failed + self.known, 1.0)
    }
}

impl fmt::Display for CaseScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.supported {
            return writeln!(
                f,
                "{:<32} {:>4} cases  not supported yet (kind {})",
                self.label, self.cases, self.kind
            );
        }
        let scored = self.passed + self.failed + self.known;
        let mut extra = String::new();
        if self.known > 0 {
            let _ = write!(extra, ", {} known divergences", self.known);
        }
        if self.skipped > 0 {
            let _ = write!(extra, ", {} skipped: convention differs", self.skipped);
        }
        writeln!(
            f,
            "{:<32} {:>4} cases  {:>4}/{:<4} = {:.3}{extra}{}",
            self.label,
            self.cases,
            self.passed,
            scored,
            self.rate(),
            if self.gated { "  [gated]" } else { "" }
        )?;
        for l in &self.lines {
            writeln!(f, "{l}")?;
        }
        Ok(())
    }
}

/// Judges every case of a file ([`judge_case`]). A failed case listed in
/// `known` counts as a known divergence; a known divergence that passes is
/// reported so that it can be removed from the list.
///
/// ```
/// use xiangmu::eval::score_cases;
/// let cases = vec![serde_json::json!({"source": "s#1", "kind": "area", "input": "用地120亩",
///     "expect": {"value": "120", "unit": "mu"}, "expect_span": [2, 6]})];
/// let score = score_cases("area", &cases, &[], true);
/// assert_eq!((score.passed, score.failed), (1, 0));
/// assert!(score.to_string().starts_with("area"));
/// ```
pub fn score_cases(
    label: &str,
    cases: &[Json],
    known: &[Divergence<'_>],
    gated: bool,
) -> CaseScore {
    let kind = cases
        .first()
        .and_then(|c| c.get("kind"))
        .and_then(Json::as_str)
        .unwrap_or("?")
        .to_string();
    let mut score = CaseScore {
        label: label.to_string(),
        supported: kind == "number" || supported(&kind),
        kind,
        gated,
        cases: cases.len(),
        passed: 0,
        failed: 0,
        known: 0,
        skipped: 0,
        lines: Vec::new(),
        failures: Vec::new(),
    };
    if !score.supported {
        return score;
    }
    for case in cases {
        let source = case.get("source").and_then(Json::as_str).unwrap_or("?");
        let input = case.get("input").and_then(Json::as_str).unwrap_or("");
        let divergence = known
            .iter()
            .find(|d| d.source == source && d.input == input);
        match judge_case(case) {
            Outcome::Pass => {
                score.passed += 1;
                if let Some(d) = divergence {
                    score.lines.push(format!(
                        "  NOW PASSES (remove from KNOWN_DIVERGENCES: {}) {source} {input:?}",
                        d.reason
                    ));
                }
            }
            Outcome::PassNote(note) => {
                score.passed += 1;
                score
                    .lines
                    .push(format!("  pass ({note}) {source} {input:?}"));
            }
            Outcome::Skipped => score.skipped += 1,
            Outcome::Fail(detail) => {
                if let Some(d) = divergence {
                    score.known += 1;
                    score
                        .lines
                        .push(format!("  KNOWN {source} {input:?}: {}", d.reason));
                } else {
                    score.failed += 1;
                    if gated {
                        let why = detail.lines().next().unwrap_or("");
                        score
                            .failures
                            .push(format!("{label}: {source} {input:?}: {why}"));
                    }
                    score
                        .lines
                        .push(format!("  FAIL  {source} {input:?}\n          {detail}"));
                }
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn article(text: &str, mentions: Json, projects: Json) -> Article {
        let doc = json!({"id": "t", "text": text, "mentions": mentions, "projects": projects});
        Article::from_json(&doc).unwrap()
    }

    #[test]
    fn greedy_matching_is_one_to_one() {
        let a = article(
            "总投资1.5亿元和2亿元",
            json!([
                {"kind": "money", "start": 3, "end": 8, "value": "150000000"},
                {"kind": "money", "start": 9, "end": 12, "value": "200000000"}
            ]),
            json!([]),
        );
        // One long prediction overlapping both gold mentions: matches one.
        let p = Prediction {
            mentions: vec![json!({"kind": "money", "start": 3, "end": 12, "value": "150000000"})],
            projects: None,
        };
        let mut r = Report::new(&EvalOptions::default());
        r.add(&a, &p);
        let c = r.kind("money").unwrap().counts;
        assert_eq!((c.gold, c.predicted, c.matched, c.correct), (2, 1, 1, 1));
        assert_eq!(r.problems_of("money").len(), 2); // SPAN + MISS
    }

    #[test]
    fn predictions_outside_body_are_ignored() {
        let doc = json!({"id": "t", "text": "投资3亿元。投资4亿元", "body": [0, 6], "mentions": [
            {"kind": "money", "start": 2, "end": 5, "value": "300000000"}]});
        let a = Article::from_json(&doc).unwrap();
        let report = evaluate(&[a], &EvalOptions::default());
        let c = report.kind("money").unwrap().counts;
        assert_eq!((c.gold, c.predicted, c.correct), (1, 1, 1));
    }

    #[test]
    fn kinds_filter_leaves_other_gold_out() {
        let a = article(
            "投资3亿元，用地120亩",
            json!([
                {"kind": "money", "start": 2, "end": 5, "value": "300000000"},
                {"kind": "area", "start": 8, "end": 12, "value": "120"}
            ]),
            json!([]),
        );
        let options = EvalOptions {
            kinds: Some(vec![Kind::Area]),
        };
        let r = evaluate(&[a], &options);
        assert!(r.kind("money").is_none());
        assert_eq!(r.kind("area").unwrap().counts.gold, 1);
    }

    #[test]
    fn milestone_fields_and_unsupported_kinds() {
        let a = article(
            "项目顺利开工",
            json!([{"kind": "milestone", "start": 4, "end": 6, "stage": "construction_start",
                    "status": "done", "project": null, "date": null}]),
            json!([]),
        );
        let p = Prediction {
            mentions: vec![json!({"kind": "milestone", "start": 4, "end": 6,
                "stage": "construction_start", "status": "done", "project": "项目", "date": null})],
            projects: None,
        };
        let mut r = Report::new(&EvalOptions::default());
        r.add(&a, &p);
        let m = r.milestones;
        assert_eq!(
            (m.stage.agree, m.status.agree, m.project.agree, m.date.agree),
            (1, 1, 0, 1)
        );
        assert_eq!(m.stage_status.values().f1, 1.0);
        let row = r.kind("milestone").unwrap();
        assert_eq!(row.counts.correct, 0); // the project differs
        assert_eq!(row.supported, supported("milestone"));
    }

    #[test]
    fn records_match_by_span_then_by_name() {
        let gold = json!([
            {"name": "哈电储能技术创新产业基地项目", "start": 0, "end": 14,
             "investment": {"value": "2000000000", "qualifier": "exact", "role": "total_investment", "currency": "CNY"},
             "area": null,
             "milestones": [{"stage": "signing", "status": "done", "date": null},
                            {"stage": "topping_out", "status": "planned", "date": null}]},
            {"name": "诺天科技项目", "start": 30, "end": 36, "investment": null, "area": null, "milestones": []},
            {"kind": "batch", "start": 40, "end": 43, "count": 162, "stages": ["construction_start"],
             "date": null, "investment": null, "members": []}
        ]);
        let text = "哈电储能技术创新产业基地项目".to_string() + &"。".repeat(40);
        let a = article(&text, json!([]), gold);
        let predicted = vec![
            // Overlapping span, shorter name.
            json!({"name": "哈电储能技术创新产业基地", "start": 0, "end": 12,
                   "investment": {"value": "2000000000", "qualifier": "exact", "role": "total_investment", "currency": "CNY"},
                   "area": null,
                   "milestones": [{"stage": "signing", "status": "done", "date": null}]}),
            // Elsewhere, but the gold name contains it.
            json!({"name": "诺天科技", "start": 20, "end": 24, "investment": null, "area": null, "milestones": []}),
            json!({"name": "别的项目", "start": 25, "end": 29, "investment": null, "area": null, "milestones": []}),
            json!({"kind": "batch", "start": 41, "end": 43, "count": 162, "stages": ["construction_start"],
                   "date": null, "investment": null, "members": []}),
        ];
        let mut r = Report::new(&EvalOptions::default());
        r.add(
            &a,
            &Prediction {
                mentions: vec![],
                projects: Some(predicted),
            },
        );
        let s = r.records.unwrap();
        assert_eq!(
            (
                s.names.gold,
                s.names.predicted,
                s.names.matched,
                s.names.correct
            ),
            (2, 3, 2, 1)
        );
        assert_eq!(
            (s.investment.agree, s.area.agree, s.milestone_sets.agree),
            (2, 2, 1)
        );
        assert_eq!(
            (
                s.milestone_pairs.gold,
                s.milestone_pairs.predicted,
                s.milestone_pairs.matched
            ),
            (2, 1, 1)
        );
        assert_eq!((s.batches.matched, s.batches.correct), (1, 1));
        assert_eq!(r.problems_of("project").len(), 2); // VALUE + FP
        assert!(r.to_string().contains("projects"));
    }

    #[test]
    fn empty_scores_are_one() {
        let c = Counts::default();
        assert_eq!(c.spans().f1, 1.0);
        let c = Counts {
            gold: 1,
            ..Counts::default()
        };
        assert_eq!(c.values().f1, 0.0);
    }

    #[test]
    fn gold_errors_name_the_line() {
        let err = read_articles("{\"id\":\"a\",\"text\":\"x\"}\nnot json").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.starts_with("invalid JSON"));
        let err =
            read_articles("{\"text\":\"x\",\"mentions\":[{\"kind\":\"money\"}]}").unwrap_err();
        assert!(err.message.starts_with("mention 0"), "{err}");
    }
}
