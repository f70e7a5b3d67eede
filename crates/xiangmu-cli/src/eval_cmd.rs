//! `xiangmu eval`: scores the library against gold files, with the scorer
//! of `xiangmu::eval` (the one the golden test uses).

use rayon::prelude::*;
use std::io::{self, Write};
use std::path::PathBuf;
use xiangmu::Kind;
use xiangmu::eval::{self, EvalOptions, Report};

/// Scores each gold file and prints its table. Returns whether every file
/// could be read.
pub fn run(
    files: &[PathBuf],
    kinds: Option<&[Kind]>,
    problems: bool,
    pool: &rayon::ThreadPool,
) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let options = EvalOptions {
        kinds: kinds.map(<[Kind]>::to_vec),
    };
    let mut ok = true;
    for path in files {
        let name = path.to_string_lossy();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("xiangmu: cannot read {name:?}: {e}");
                ok = false;
                continue;
            }
        };
        if eval::is_case_file(&text) {
            let cases = match eval::read_jsonl(&text) {
                Ok(lines) => lines.into_iter().map(|(_, case)| case).collect::<Vec<_>>(),
                Err(e) => {
                    eprintln!("xiangmu: {name}: {e}");
                    ok = false;
                    continue;
                }
            };
            let kind = cases
                .first()
                .and_then(|c| c["kind"].as_str())
                .unwrap_or("?");
            if kinds.is_some_and(|ks| !ks.iter().any(|k| k.as_str() == kind)) {
                continue;
            }
            let score = eval::score_cases(&name, &cases, &[], false);
            let text = score.to_string();
            if problems {
                write!(out, "{text}")?;
            } else {
                writeln!(out, "{}", text.lines().next().unwrap_or(""))?;
            }
            continue;
        }
        let articles = match eval::read_articles(&text) {
            Ok(articles) => articles,
            Err(e) => {
                eprintln!("xiangmu: {name}: {e}");
                ok = false;
                continue;
            }
        };
        let predictions: Vec<eval::Prediction> = pool.install(|| {
            articles
                .par_iter()
                .map(|a| eval::predict(a, &options))
                .collect()
        });
        let mut report = Report::new(&options);
        for (article, prediction) in articles.iter().zip(&predictions) {
            report.add(article, prediction);
        }
        writeln!(
            out,
            "=== {name}: {} articles ===\n{report}",
            report.articles
        )?;
        if problems {
            write!(out, "{}", report.problems_text())?;
        }
    }
    out.flush()?;
    Ok(ok)
}
