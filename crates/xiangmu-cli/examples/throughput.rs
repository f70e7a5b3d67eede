//! Throughput of the core on the benchmark corpus of `docs/benchmarks.md`.
//!
//! The corpus: every non-empty line (paragraph) of `../shared/corpus`,
//! repeated until the total reaches `--mb` megabytes (10^6 bytes), shuffled
//! with a fixed seed (so branchy code cannot learn the article order), and
//! cut into documents of 60 paragraphs (about one article each). The same
//! documents can be written as JSON Lines (`--write`) for the Python side of
//! `bench/run.py`, so every row of the table reads the same bytes.
//!
//! ```sh
//! cargo run --release -p xiangmu-cli --example throughput -- --runs 5
//! cargo run --release -p xiangmu-cli --example throughput -- --what projects --threads 2
//! ```
//!
//! Prints one JSON object per (what, threads): the MB/s of each run, then
//! the median, min and max.

use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;
use xiangmu::Options;

/// Paragraphs per document: the corpus articles have 32-102, 62 on average.
const PARAGRAPHS_PER_DOC: usize = 60;

struct Args {
    corpus: PathBuf,
    mb: f64,
    runs: usize,
    what: Vec<String>,
    threads: Vec<usize>,
    write: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpus: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus"
        )),
        mb: 100.0,
        runs: 5,
        what: vec!["extract".into(), "projects".into()],
        threads: vec![1, 2],
        write: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--corpus" => args.corpus = PathBuf::from(value()?),
            "--mb" => args.mb = value()?.parse().map_err(|e| format!("--mb: {e}"))?,
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--what" => args.what = value()?.split(',').map(String::from).collect(),
            "--threads" => {
                args.threads = value()?
                    .split(',')
                    .map(|n| n.parse().map_err(|e| format!("--threads: {e}")))
                    .collect::<Result<_, _>>()?
            }
            "--write" => args.write = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                return Err("usage: throughput [--corpus DIR] [--mb 100] [--runs 5] \
                            [--what extract,projects] [--threads 1,2] [--write docs.jsonl]"
                    .into());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    if args.runs == 0 || args.threads.contains(&0) {
        return Err("--runs and --threads must be at least 1".into());
    }
    Ok(args)
}

/// The benchmark documents: corpus paragraphs repeated to `mb`, shuffled.
fn documents(corpus: &std::path::Path, mb: f64) -> Result<Vec<String>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map_err(|e| format!("cannot read {}: {e}", corpus.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut paragraphs = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        paragraphs.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from),
        );
    }
    let one: usize = paragraphs.iter().map(|p| p.len() + 1).sum();
    if one == 0 {
        return Err(format!("no paragraphs in {}", corpus.display()));
    }
    let target = (mb * 1e6) as usize;
    let mut all: Vec<&str> = Vec::new();
    let mut size = 0;
    while size < target {
        for p in &paragraphs {
            all.push(p);
            size += p.len() + 1;
        }
    }
    // Fisher-Yates with xorshift64*: the same order on every machine.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..all.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        all.swap(i, (r % (i as u64 + 1)) as usize);
    }
    Ok(all
        .chunks(PARAGRAPHS_PER_DOC)
        .map(|c| c.join("\n"))
        .collect())
}

fn run(docs: &[String], what: &str, threads: usize, pool: &rayon::ThreadPool) -> usize {
    let options = Options::default();
    let one = |d: &String| match what {
        "projects" => xiangmu::projects(d, &options).len(),
        _ => xiangmu::extract(d, &options).len(),
    };
    if threads == 1 {
        docs.iter().map(one).sum()
    } else {
        pool.install(|| docs.par_iter().map(one).sum())
    }
}

fn main() {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let docs = documents(&args.corpus, args.mb).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let bytes: usize = docs.iter().map(String::len).sum();
    if let Some(path) = &args.write {
        let lines: String = docs
            .iter()
            .map(|d| serde_json::json!({ "text": d }).to_string() + "\n")
            .collect();
        std::fs::write(path, lines).unwrap_or_else(|e| {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1)
        });
    }
    for what in &args.what {
        for &threads in &args.threads {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            let mut found = 0;
            let mut mbs: Vec<f64> = (0..args.runs)
                .map(|_| {
                    let t = Instant::now();
                    found = run(&docs, what, threads, &pool);
                    bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
                })
                .collect();
            let runs = mbs.clone();
            mbs.sort_by(f64::total_cmp);
            println!(
                "{}",
                serde_json::json!({
                    "what": what, "threads": threads, "docs": docs.len(),
                    "mb": bytes as f64 / 1e6, "found": found,
                    "median": mbs[mbs.len() / 2], "min": mbs[0], "max": mbs[mbs.len() - 1],
                    "runs": runs,
                })
            );
        }
    }
}
