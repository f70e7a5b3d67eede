//! Replays fuzz inputs in the normal test suite, through the same
//! invariant checks as the fuzz targets (`support/invariants.rs`):
//!
//! - every file under `tests/fuzz/<target>/` at the repository root: inputs
//!   that once crashed a target or broke an invariant (saved with
//!   `cargo fuzz tmin`, see `docs/robustness.md`), raw bytes as the target
//!   read them;
//! - every seed phrase of `crates/fuzz/seeds/*.txt` through every target
//!   (with and without an anchor header where the target reads one), so
//!   the invariants are known to hold on ordinary inputs.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

#[path = "support/invariants.rs"]
mod invariants;

use invariants::{Check, HEADER, TARGETS, Target, header};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `check` on `data`, turning a panic into an `Err`.
fn run(check: Target, data: &[u8]) -> Check {
    match catch_unwind(AssertUnwindSafe(|| check(data))) {
        Ok(result) => result,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic payload)");
            Err(format!("panicked: {msg}"))
        }
    }
}

/// Targets whose input starts with an anchor/options header.
fn has_header(target: &str) -> bool {
    matches!(target, "parse_date" | "extract" | "projects")
}

#[test]
fn saved_fuzz_inputs_keep_the_invariants() {
    let dir = repo_root().join("tests/fuzz");
    let mut failures = Vec::new();
    let mut replayed = 0;
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return; // no saved inputs yet
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    dirs.sort();
    for target_dir in dirs.into_iter().filter(|p| p.is_dir()) {
        let name = target_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(&(_, check)) = TARGETS.iter().find(|(t, _)| *t == name) else {
            failures.push(format!(
                "tests/fuzz/{name}: not a fuzz target (expected one of {:?})",
                TARGETS.iter().map(|t| t.0).collect::<Vec<_>>()
            ));
            continue;
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&target_dir)
            .expect("readable tests/fuzz directory")
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("readable fuzz input");
            replayed += 1;
            if let Err(e) = run(check, &data) {
                let file_name = file.file_name().unwrap_or_default().to_string_lossy();
                failures.push(format!("tests/fuzz/{name}/{file_name}: {e}"));
            }
        }
    }
    eprintln!("replayed {replayed} saved fuzz inputs");
    assert!(
        failures.is_empty(),
        "{} saved fuzz inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_phrases_keep_the_invariants() {
    let dir = repo_root().join("crates/fuzz/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("crates/fuzz/seeds exists")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut phrases = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8 seed file");
        phrases.extend(text.lines().filter(|l| !l.is_empty()).map(str::to_string));
    }
    assert!(phrases.len() > 100, "only {} seed phrases", phrases.len());
    let anchors = [
        None,
        Some(jiff::civil::date(2023, 6, 27)),
        Some(jiff::civil::date(-9999, 1, 1)),
        Some(jiff::civil::date(9999, 12, 31)),
    ];
    let mut failures = Vec::new();
    for phrase in &phrases {
        for &(target, check) in TARGETS {
            if has_header(target) {
                for anchor in anchors {
                    let mut data = header(anchor).to_vec();
                    data.extend_from_slice(phrase.as_bytes());
                    assert_eq!(
                        invariants::split_header(&data).0,
                        anchor,
                        "header round trip"
                    );
                    if let Err(e) = run(check, &data) {
                        failures.push(format!("{target} {phrase:?} anchor {anchor:?}: {e}"));
                    }
                }
            } else if let Err(e) = run(check, phrase.as_bytes()) {
                failures.push(format!("{target} {phrase:?}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} seed checks fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn short_inputs_are_text_without_header() {
    // Inputs shorter than the header are read as text, all kinds, no anchor.
    for data in [&b""[..], b"1", "亿".as_bytes(), b"\xff\xfe", b"\0\0\0\0"] {
        assert!(data.len() < HEADER);
        let (anchor, kinds, text) = invariants::split_header(data);
        assert_eq!((anchor, kinds, text), (None, None, data));
        for &(target, check) in TARGETS {
            if let Err(e) = run(check, data) {
                panic!("{target} {data:?}: {e}");
            }
        }
    }
}
