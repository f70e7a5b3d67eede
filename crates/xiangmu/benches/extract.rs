//! Throughput of `extract` (every kind) over the shared corpus.
//!
//! - `extract/<file>`: each article of `../shared/corpus` on its own;
//! - `extract_10mb/corpus_repeated`: the articles concatenated and repeated
//!   to about 10 MB, one document (the repetition flatters branchy code a
//!   little, see PERF.md).
//!
//! The corpus is `$XIANGMU_CORPUS`, else `../shared/corpus` beside the
//! workspace. Run: `cargo bench -p xiangmu --bench extract`.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::path::PathBuf;
use xiangmu::{Options, extract};

const TEN_MB: usize = 10_000_000;

fn corpus_dir() -> PathBuf {
    match std::env::var_os("XIANGMU_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus"
        )),
    }
}

/// Every `.txt` file of the corpus, sorted by name.
fn corpus() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "cannot read the corpus {} ({e}); set XIANGMU_CORPUS",
            dir.display()
        )
    });
    let mut files: Vec<(String, String)> = entries
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            let name = path
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
            (name, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt files in {}", dir.display());
    files
}

fn bench_articles(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("extract");
    for (name, text) in corpus() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(&name),
            text.as_str(),
            |b, text| {
                b.iter(|| {
                    let found = extract(black_box(text), &options);
                    assert!(!found.is_empty());
                    found
                })
            },
        );
    }
    group.finish();
}

fn bench_ten_mb(c: &mut Criterion) {
    let options = Options::default();
    let mut joined = String::new();
    for (_, text) in corpus() {
        joined.push_str(&text);
        joined.push_str("\n\n");
    }
    let mut big = String::with_capacity(TEN_MB + joined.len());
    while big.len() < TEN_MB {
        big.push_str(&joined);
    }
    let mut group = c.benchmark_group("extract_10mb");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("corpus_repeated", |b| {
        b.iter(|| {
            let found = extract(black_box(&big), &options);
            assert!(!found.is_empty());
            found
        })
    });
    group.finish();
}

criterion_group!(benches, bench_articles, bench_ten_mb);
criterion_main!(benches);
