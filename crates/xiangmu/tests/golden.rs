//! Scores the library against the shared evaluation data, with the scorer
//! of `xiangmu::eval` (the same code as `xiangmu eval`).
//!
//! - `dev.jsonl`: hand-annotated articles. Predictions inside `body` are
//!   matched to gold mentions (same kind, overlapping spans, one-to-one,
//!   greedy) and scored per kind, for spans and for values; project records
//!   are matched by name and scored once the library groups them. Floors
//!   ([`VALUE_F1_FLOORS`], each once its kind is supported): money and area
//!   value-F1 >= 0.95, date >= 0.90, milestone (stage and status right)
//!   >= 0.85; project-name F1 >= 0.80 once records exist.
//! - `spec/*.jsonl`, `peers/*.jsonl`: one expression per case. Every case
//!   of the gated spec files must pass unless it is in
//!   [`KNOWN_DIVERGENCES`]; peers are reported only.
//!
//! Everything is compared through the SPEC JSON, so a new kind needs no
//! change here: it is scored as soon as `Kind::ALL` lists it. Each text is
//! read with its `anchor` and all kinds on. Run with
//! `cargo test --test golden -- --nocapture` to see the tables.
//!
//! The data lives in `shared/eval` beside the work tree, or where
//! `XIANGMU_EVAL_DIR` says.

use std::path::{Path, PathBuf};
use xiangmu::Kind;
use xiangmu::eval::{self, Divergence, EvalOptions, Report};

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

/// Minimum dev value-F1 per kind, checked once the kind is supported. For
/// milestones a value is right when its stage and status are (the
/// `stage+status` row).
const VALUE_F1_FLOORS: &[(&str, f64)] = &[
    ("money", 0.95),
    ("area", 0.95),
    ("date", 0.90),
    ("milestone", 0.85),
];

/// Minimum dev project-name F1, checked once the library groups records.
const PROJECT_NAME_F1_FLOOR: f64 = 0.80;

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

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
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

/// The floors `report` is below, each with the problems of its section.
fn below_floors(report: &Report) -> Vec<String> {
    let mut failures = Vec::new();
    let problems = |section: &str| -> String {
        report
            .problems_of(section)
            .iter()
            .map(|p| format!("  {:<5} {}", p.what, p.detail))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for &(kind, floor) in VALUE_F1_FLOORS {
        let Some(row) = report.kind(kind).filter(|r| r.supported) else {
            continue;
        };
        let (label, f1) = if kind == "milestone" {
            (
                "stage+status value-F1",
                report.milestones.stage_status.values().f1,
            )
        } else {
            ("value-F1", row.counts.values().f1)
        };
        if f1 < floor {
            failures.push(format!(
                "dev {kind}: {label} {f1:.3} < floor {floor:.2}; its problems:\n{}",
                problems(kind)
            ));
        }
    }
    if let Some(records) = &report.records {
        let f1 = records.names.spans().f1;
        if f1 < PROJECT_NAME_F1_FLOOR {
            failures.push(format!(
                "dev projects: name F1 {f1:.3} < floor {PROJECT_NAME_F1_FLOOR:.2}; its problems:\n{}",
                problems("project")
            ));
        }
    }
    failures
}

#[test]
fn dev_articles() {
    let path = eval_dir().join("dev.jsonl");
    let articles =
        eval::read_articles(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report = eval::evaluate(&articles, &EvalOptions::default());
    println!(
        "\n=== dev.jsonl: {} articles ===\n{report}{}",
        report.articles,
        report.problems_text()
    );
    // Every kind of the library has a row.
    for k in Kind::ALL {
        assert!(report.kind(k.as_str()).is_some(), "no row for {k:?}");
    }
    let failures = below_floors(&report);
    assert!(
        failures.is_empty(),
        "dev.jsonl below the floors:\n{}",
        failures.join("\n")
    );
}

fn cases(path: &Path) -> Vec<serde_json::Value> {
    eval::read_jsonl(&read(path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
        .map(|(_, case)| case)
        .collect()
}

fn known_divergences() -> Vec<Divergence<'static>> {
    KNOWN_DIVERGENCES
        .iter()
        .map(|&(source, input, reason)| Divergence {
            source,
            input,
            reason,
        })
        .collect()
}

#[test]
fn spec_cases() {
    let dir = eval_dir().join("spec");
    let files = jsonl_files(&dir);
    assert!(!files.is_empty(), "no spec/*.jsonl in {}", dir.display());
    let known = known_divergences();
    let mut out = String::from("\n=== spec/ ===\n");
    let mut failures = Vec::new();
    for path in &files {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let label = format!("spec/{stem}.jsonl");
        let gated = GATED_SPEC_FILES.contains(&stem);
        let score = eval::score_cases(&label, &cases(path), &known, gated);
        out.push_str(&score.to_string());
        failures.extend(score.failures);
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
    let mut out = String::from("\n=== peers/ (reported, never failed) ===\n");
    for path in jsonl_files(&eval.join("peers")) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let label = format!("peers/{stem}.jsonl");
        out.push_str(&eval::score_cases(&label, &cases(&path), &[], false).to_string());
    }
    // The work tree's own hand-checked cases, in the same format.
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
    for path in jsonl_files(&local) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let label = format!("tests/golden/{stem}.jsonl");
        out.push_str(&eval::score_cases(&label, &cases(&path), &[], false).to_string());
    }
    println!("{out}");
}
