//! Scores the library against the shared evaluation data.
//!
//! - `dev.jsonl`: hand-annotated articles. Predictions inside `body` are
//!   matched to gold mentions (same kind, overlapping spans, one-to-one,
//!   greedy) and scored per kind, for spans and for values. Floors: money
//!   and area value-F1 >= 0.95, date value-F1 >= 0.90 once dates exist.
//! - `spec/*.jsonl`, `peers/*.jsonl`: one expression per case. Every case
//!   of the gated spec files must pass unless it is in
//!   [`KNOWN_DIVERGENCES`]; peers are reported only.
//!
//! Everything is compared through `serde_json::to_value(&mention)`, so a
//! new kind needs no change here: it is scored as soon as `Kind::ALL`
//! lists it. Each text is read with its `anchor` (`Options::with_anchor`)
//! and all kinds on. Run with `cargo test --test golden -- --nocapture` to see
//! the tables.
//!
//! The data lives in `shared/eval` beside the work tree, or where
//! `XIANGMU_EVAL_DIR` says.

use serde_json::{Map, Value as Json};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use xiangmu::{Kind, Options, extract};

/// Spec cases that may fail without failing the test: `(source, input,
/// reason)`. The lead keeps this list; each entry says why the library
/// reads the case differently.
const KNOWN_DIVERGENCES: &[(&str, &str, &str)] = &[];

/// Spec files whose every case must pass, once their kind is supported.
const GATED_SPEC_FILES: &[&str] = &[
    "money",
    "money_negative",
    "area",
    "date",
    "date_negative",
    "duration",
];

/// Minimum dev value-F1 per kind, checked once the kind is supported.
const VALUE_F1_FLOORS: &[(&str, f64)] = &[("money", 0.95), ("area", 0.95), ("date", 0.90)];

/// Kinds in SPEC order, for tables (unknown kinds sort after these).
const SPEC_KIND_ORDER: &[&str] = &[
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

#[path = "golden/anchor.rs"]
mod anchor;
use anchor::options_for;

// ---------------------------------------------------------------------------
// Data.

fn eval_dir() -> PathBuf {
    let dir = match std::env::var_os("XIANGMU_EVAL_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    };
    assert!(
        dir.join("dev.jsonl").is_file(),
        "evaluation data not found: {} has no dev.jsonl. Set XIANGMU_EVAL_DIR to the \
         shared/eval folder (CI always has it at <work tree>/../shared/eval)",
        dir.display()
    );
    dir
}

fn read_jsonl(path: &Path) -> Vec<Json> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}:{}: bad JSON: {e}", path.display(), i + 1))
        })
        .collect()
}

fn jsonl_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn supported(kind: &str) -> bool {
    Kind::ALL.iter().any(|k| k.as_str() == kind)
}

fn kind_rank(kind: &str) -> (usize, String) {
    let rank = SPEC_KIND_ORDER
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(SPEC_KIND_ORDER.len());
    (rank, kind.to_string())
}

/// A mention as JSON (the SPEC form), with its kind and code-point span.
struct Found {
    kind: String,
    start: usize,
    end: usize,
    json: Json,
}

fn found_in(text: &str, options: &Options) -> Vec<Found> {
    extract(text, options)
        .iter()
        .map(|m| {
            let json = serde_json::to_value(m).expect("a mention serializes");
            Found {
                kind: json["kind"].as_str().unwrap_or("?").to_string(),
                start: m.start,
                end: m.end,
                json,
            }
        })
        .collect()
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

/// Keys of `expected` whose value differs in `actual` (a missing key reads
/// as null), as `key: expected != actual` lines.
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

fn compact(fields: &Map<String, Json>) -> String {
    serde_json::to_string(fields).unwrap_or_default()
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

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(n: usize, d: usize, empty: f64) -> f64 {
    if d == 0 { empty } else { n as f64 / d as f64 }
}

// ---------------------------------------------------------------------------
// dev.jsonl

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    correct: usize,
}

impl Score {
    /// (P, R, F1) for spans (`matched`) or values (`correct`). With no gold
    /// and no prediction every score is 1.
    fn prf(&self, hits: usize) -> (f64, f64, f64) {
        let empty = if self.gold == 0 && self.predicted == 0 {
            1.0
        } else {
            0.0
        };
        let p = ratio(hits, self.predicted, empty);
        let r = ratio(hits, self.gold, empty);
        let f = if self.gold == 0 && self.predicted == 0 {
            1.0
        } else {
            f1(p, r)
        };
        (p, r, f)
    }
}

/// Pairs gold and predicted mentions: for each gold mention in order, the
/// unmatched prediction of the same kind that overlaps it most (the
/// earliest on a tie). Returns `pairs[gold index] = Some(prediction index)`.
fn match_greedy(gold: &[(String, usize, usize)], pred: &[Found]) -> Vec<Option<usize>> {
    let mut taken = vec![false; pred.len()];
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| (gold[i].1, gold[i].2));
    let mut pairs = vec![None; gold.len()];
    for gi in order {
        let (kind, gs, ge) = &gold[gi];
        let best = pred
            .iter()
            .enumerate()
            .filter(|(pi, p)| !taken[*pi] && &p.kind == kind && p.start < *ge && *gs < p.end)
            .max_by_key(|(pi, p)| (p.end.min(*ge) - p.start.max(*gs), std::cmp::Reverse(*pi)));
        if let Some((pi, _)) = best {
            taken[pi] = true;
            pairs[gi] = Some(pi);
        }
    }
    pairs
}

#[test]
fn dev_articles() {
    let dir = eval_dir();
    let articles = read_jsonl(&dir.join("dev.jsonl"));
    let mut out = String::new();
    let mut scores: std::collections::BTreeMap<(usize, String), Score> = Default::default();
    for k in Kind::ALL {
        scores.entry(kind_rank(k.as_str())).or_default();
    }
    let mut problems: std::collections::BTreeMap<(usize, String), Vec<String>> = Default::default();

    for article in &articles {
        let id = article["id"].as_str().unwrap_or("?");
        let text = article["text"].as_str().expect("article text");
        let chars: Vec<char> = text.chars().collect();
        let (b0, b1) = (
            article["body"][0].as_u64().expect("body start") as usize,
            article["body"][1].as_u64().expect("body end") as usize,
        );
        let options = options_for(article["anchor"].as_str());
        let pred: Vec<Found> = found_in(text, &options)
            .into_iter()
            .filter(|f| f.start >= b0 && f.end <= b1)
            .collect();
        let gold_all = article["mentions"].as_array().expect("mentions");
        let gold: Vec<(String, usize, usize, &Json)> = gold_all
            .iter()
            .map(|g| {
                (
                    g["kind"].as_str().unwrap_or("?").to_string(),
                    g["start"].as_u64().unwrap_or(0) as usize,
                    g["end"].as_u64().unwrap_or(0) as usize,
                    g,
                )
            })
            .collect();
        for (kind, ..) in &gold {
            scores.entry(kind_rank(kind)).or_default().gold += 1;
        }
        for p in &pred {
            scores.entry(kind_rank(&p.kind)).or_default().predicted += 1;
        }
        let spans: Vec<(String, usize, usize)> = gold
            .iter()
            .map(|(k, s, e, _)| (k.clone(), *s, *e))
            .collect();
        let pairs = match_greedy(&spans, &pred);
        let mut pred_matched = vec![false; pred.len()];
        for (gi, (kind, gs, ge, g)) in gold.iter().enumerate() {
            if !supported(kind) {
                continue;
            }
            let want = value_fields(g);
            let list = problems.entry(kind_rank(kind)).or_default();
            let where_ = format!("{id} @{gs}..{ge} {}", context(&chars, *gs, *ge, 12));
            match pairs[gi] {
                None => list.push(format!("  MISS  {where_}\n        gold {}", compact(&want))),
                Some(pi) => {
                    pred_matched[pi] = true;
                    let p = &pred[pi];
                    let s = scores.get_mut(&kind_rank(kind)).expect("scored kind");
                    s.matched += 1;
                    let diff = differing(&want, &p.json, &[]);
                    let span_note = if (p.start, p.end) != (*gs, *ge) {
                        format!(
                            "\n        span differs: predicted @{}..{} {}",
                            p.start, p.end, p.json["text"]
                        )
                    } else {
                        String::new()
                    };
                    if diff.is_empty() {
                        s.correct += 1;
                        if !span_note.is_empty() {
                            list.push(format!("  SPAN  {where_}{span_note}"));
                        }
                    } else {
                        list.push(format!(
                            "  VALUE {where_}{span_note}\n        gold {}\n        pred {}\n        ({})",
                            compact(&want),
                            compact(&value_fields(&p.json)),
                            diff.join("; ")
                        ));
                    }
                }
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pred_matched[pi] {
                problems
                    .entry(kind_rank(&p.kind))
                    .or_default()
                    .push(format!(
                        "  FP    {id} @{}..{} {}\n        pred {}",
                        p.start,
                        p.end,
                        context(&chars, p.start, p.end, 12),
                        compact(&value_fields(&p.json))
                    ));
            }
        }
    }

    let mut failures = Vec::new();
    writeln!(out, "\n=== dev.jsonl: {} articles ===", articles.len()).ok();
    writeln!(
        out,
        "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "kind", "gold", "pred", "span P", "R", "F1", "val P", "R", "F1"
    )
    .ok();
    for ((_, kind), s) in &scores {
        if !supported(kind) {
            writeln!(
                out,
                "{kind:<10} {:>5} {:>5} | not supported yet",
                s.gold, s.predicted
            )
            .ok();
            continue;
        }
        let (sp, sr, sf) = s.prf(s.matched);
        let (vp, vr, vf) = s.prf(s.correct);
        writeln!(
            out,
            "{kind:<10} {:>5} {:>5} | {sp:>6.3} {sr:>6.3} {sf:>6.3} | {vp:>6.3} {vr:>6.3} {vf:>6.3}",
            s.gold, s.predicted
        )
        .ok();
        if let Some((_, floor)) = VALUE_F1_FLOORS.iter().find(|(k, _)| k == kind)
            && vf < *floor
        {
            let list = problems
                .get(&kind_rank(kind))
                .map_or(&[][..], Vec::as_slice);
            failures.push(format!(
                "dev {kind}: value-F1 {vf:.3} < floor {floor:.2}; its problems:\n{}",
                list.join("\n")
            ));
        }
    }
    for ((_, kind), list) in &problems {
        if list.is_empty() || !supported(kind) {
            continue;
        }
        writeln!(out, "\n--- {kind}: {} problems ---", list.len()).ok();
        for line in list {
            writeln!(out, "{line}").ok();
        }
    }
    println!("{out}");
    assert!(
        failures.is_empty(),
        "dev.jsonl below the floors:\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Single-expression cases.

enum Outcome {
    Pass,
    /// Passed with a remark (a lenient comparison was used).
    PassNote(String),
    Fail(String),
    /// `convention_differs` without `spec_expect`.
    Skipped,
}

/// Judges one case against the library.
fn judge(case: &Json) -> Outcome {
    let kind = case["kind"].as_str().unwrap_or("?");
    let input = case["input"].as_str().unwrap_or("");
    let expect = if case["convention_differs"].as_bool() == Some(true) {
        match case.get("spec_expect") {
            Some(e) if !e.is_null() => e,
            _ => return Outcome::Skipped,
        }
    } else {
        &case["expect"]
    };

    if kind == "number" {
        // Not a mention kind: the case is a whole-string numeral.
        let want = expect["value"].as_str().unwrap_or("");
        return match xiangmu::parse_number(input) {
            Ok(d) if xiangmu::decimal::spec_string(d) == want => Outcome::Pass,
            Ok(d) => Outcome::Fail(format!(
                "parse_number gave {}, expected {want}",
                xiangmu::decimal::spec_string(d)
            )),
            Err(e) => Outcome::Fail(format!("parse_number failed: {e}")),
        };
    }

    let options = options_for(case["anchor"].as_str());
    let of_kind: Vec<Found> = found_in(input, &options)
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect();
    let show = |fs: &[Found]| -> String {
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
    let span = (
        case["expect_span"][0].as_u64().unwrap_or(0) as usize,
        case["expect_span"][1].as_u64().unwrap_or(0) as usize,
    );
    let range = case["range"].as_bool() == Some(true);
    // Where the fields live: top level, or nested under "value" (dates:
    // `expect` is the nested value itself).
    let fields_of = |f: &Found| -> Json {
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
            remark = format!("grain {} (range: true, not compared)", actual["grain"]);
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
        case["expect_text"].as_str().unwrap_or(""),
        Json::Object(want.clone()),
        show(&of_kind)
    ))
}

/// Scores one case file; returns the failures that should fail the test.
fn run_case_file(path: &Path, label: &str, gated: bool, out: &mut String) -> Vec<String> {
    let cases = read_jsonl(path);
    let kind = cases
        .first()
        .and_then(|c| c["kind"].as_str())
        .unwrap_or("?")
        .to_string();
    if kind != "number" && !supported(&kind) {
        writeln!(
            out,
            "{label:<32} {:>4} cases  not supported yet (kind {kind})",
            cases.len()
        )
        .ok();
        return Vec::new();
    }
    let (mut pass, mut fail, mut skipped, mut known) = (0, 0, 0, 0);
    let mut lines = Vec::new();
    let mut gating = Vec::new();
    for case in &cases {
        let source = case["source"].as_str().unwrap_or("?");
        let input = case["input"].as_str().unwrap_or("");
        let divergence = KNOWN_DIVERGENCES
            .iter()
            .find(|(s, i, _)| *s == source && *i == input);
        match judge(case) {
            Outcome::Pass => {
                pass += 1;
                if let Some((_, _, reason)) = divergence {
                    lines.push(format!(
                        "  NOW PASSES (remove from KNOWN_DIVERGENCES: {reason}) {source} {input:?}"
                    ));
                }
            }
            Outcome::PassNote(note) => {
                pass += 1;
                lines.push(format!("  pass ({note}) {source} {input:?}"));
            }
            Outcome::Skipped => skipped += 1,
            Outcome::Fail(detail) => {
                if let Some((_, _, reason)) = divergence {
                    known += 1;
                    lines.push(format!("  KNOWN {source} {input:?}: {reason}"));
                } else {
                    fail += 1;
                    if gated {
                        let why = detail.lines().next().unwrap_or("");
                        gating.push(format!("{label}: {source} {input:?}: {why}"));
                    }
                    lines.push(format!("  FAIL  {source} {input:?}\n          {detail}"));
                }
            }
        }
    }
    let scored = pass + fail + known;
    let mut extra = String::new();
    if known > 0 {
        write!(extra, ", {known} known divergences").ok();
    }
    if skipped > 0 {
        write!(extra, ", {skipped} skipped: convention differs").ok();
    }
    writeln!(
        out,
        "{label:<32} {:>4} cases  {pass:>4}/{scored:<4} = {:.3}{extra}{}",
        cases.len(),
        ratio(pass, scored, 1.0),
        if gated { "  [gated]" } else { "" }
    )
    .ok();
    for l in lines {
        writeln!(out, "{l}").ok();
    }
    gating
}

#[test]
fn spec_cases() {
    let dir = eval_dir().join("spec");
    let files = jsonl_files(&dir);
    assert!(!files.is_empty(), "no spec/*.jsonl in {}", dir.display());
    let mut out = String::new();
    let mut failures = Vec::new();
    writeln!(out, "\n=== spec/ ===").ok();
    for path in &files {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let label = format!("spec/{stem}.jsonl");
        let gated = GATED_SPEC_FILES.contains(&stem);
        failures.extend(run_case_file(path, &label, gated, &mut out));
    }
    println!("{out}");
    assert!(
        failures.is_empty(),
        "{} gated spec cases fail (fix them or add them to KNOWN_DIVERGENCES with a reason):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn peer_cases() {
    let eval = eval_dir();
    let mut out = String::new();
    writeln!(out, "\n=== peers/ (reported, never failed) ===").ok();
    for path in jsonl_files(&eval.join("peers")) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        run_case_file(&path, &format!("peers/{stem}.jsonl"), false, &mut out);
    }
    // The work tree's own hand-checked cases, in the same format.
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
    for path in jsonl_files(&local) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        run_case_file(
            &path,
            &format!("tests/golden/{stem}.jsonl"),
            false,
            &mut out,
        );
    }
    println!("{out}");
}
