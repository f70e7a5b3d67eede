//! Runs the `xiangmu` binary on files and stdin and checks its JSON lines.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn xiangmu(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xiangmu"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run xiangmu");
    // Written from a thread, so a large output cannot block the input; a
    // process that exits without reading (a usage error) closes the pipe.
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_owned();
        std::thread::spawn(move || match pipe.write_all(input.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        })
    });
    let out = child.wait_with_output().expect("wait for xiangmu");
    if let Some(writer) = writer {
        writer.join().expect("stdin writer");
    }
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample.txt")
}

/// The mention whose text is `text`.
fn mention<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .find(|m| m["text"] == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {doc}"))
}

#[test]
fn sample_article() {
    let path = sample();
    let path = path.to_str().expect("path");
    let out = xiangmu(&["extract", "--anchor", "2023-06-27", path], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["id"], path);

    let total = mention(doc, "15亿元");
    assert_eq!(total["kind"], "money");
    assert_eq!(total["value"], "1500000000");
    assert_eq!(total["currency"], "CNY");
    assert_eq!(total["role"], "total_investment");
    assert_eq!(mention(doc, "超过320亿元")["qualifier"], "more_than");
    assert_eq!(mention(doc, "亿元以上")["value"], "100000000");
    let range = mention(doc, "6亿至8亿元");
    assert_eq!(
        (&range["low"], &range["high"]),
        (&"600000000".into(), &"800000000".into())
    );
    assert_eq!(range["qualifier"], "range");
    // Full-width digits and Traditional script keep their original text.
    assert_eq!(mention(doc, "２０億元")["value"], "2000000000");
    let land = mention(doc, "约186.5亩");
    assert_eq!(land["kind"], "area");
    assert_eq!(land["square_meters"], "124333.33");
    assert_eq!(mention(doc, "12.8万平方米")["value"], "128000");

    // Offsets are code points into the original text.
    let text = std::fs::read_to_string(sample()).expect("sample");
    let chars: Vec<char> = text.chars().collect();
    for m in doc["mentions"].as_array().expect("mentions") {
        let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        let span: String = chars[start as usize..end as usize].iter().collect();
        assert_eq!(span, m["text"].as_str().unwrap());
    }
}

#[test]
fn jsonl_bad_line_among_good_ones() {
    let input = [
        r#"{"id":"a1","anchor":"2023-06-27","text":"诺天科技项目总投资1.5亿元"}"#,
        r#"{"id":"a2","anchor":"2023-06-27","text":"总投资 1.5亿元"#,
        "",
        r#"{"id":"a3","text":"用地约243.82亩"}"#,
        r#"{"id":"a4","anchor":"2023-02-30","text":"投资3亿元"}"#,
        r#"{"id":"a5"}"#,
        r#"{"id":"a6","anchor":null,"text":"投资3亿元"}"#,
    ]
    .join("\n");
    let out = xiangmu(&["extract", "--jsonl"], Some(&input));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let docs = lines(&out);
    let ids: Vec<&Value> = docs.iter().map(|d| &d["id"]).collect();
    assert_eq!(ids, ["a1", "line 2", "a3", "a4", "a5", "a6"]);

    assert_eq!(mention(&docs[0], "1.5亿元")["value"], "150000000");
    assert!(
        docs[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON")
    );
    assert_eq!(
        mention(&docs[2], "约243.82亩")["square_meters"],
        "162546.67"
    );
    let bad_anchor = docs[3]["error"].as_str().unwrap();
    assert!(bad_anchor.contains("2023-02-30"), "{bad_anchor}");
    assert!(docs[3].get("mentions").is_none());
    assert_eq!(docs[4]["error"], "missing field \"text\"");
    assert_eq!(mention(&docs[5], "3亿元")["value"], "300000000");
}

#[test]
fn anchor_resolves_relative_dates() {
    let path = sample();
    let path = path.to_str().expect("path");
    let out = xiangmu(&["extract", "--anchor", "2023-06-27", path], None);
    let doc = &lines(&out)[0];
    let late_november = &mention(doc, "11月下旬")["value"];
    assert_eq!(late_november["start"], "2023-11-21");
    assert_eq!(late_november["end"], "2023-11-30");
    assert_eq!(late_november["grain"], "xun");
    let this_year = &mention(doc, "今年以来")["value"];
    assert_eq!(
        (&this_year["start"], &this_year["end"]),
        (&"2023-01-01".into(), &"2023-06-27".into())
    );

    // Without an anchor the fields that need one are null.
    let out = xiangmu(&["extract", path], None);
    assert_eq!(
        mention(&lines(&out)[0], "11月下旬")["value"]["start"],
        Value::Null
    );
}

#[test]
fn jsonl_anchor_per_line_overrides_the_default() {
    let input = concat!(
        r#"{"id":"own","anchor":"2022-03-01","text":"力争11月下旬投产"}"#,
        "\n",
        r#"{"id":"default","text":"力争11月下旬投产"}"#,
    );
    let args = [
        "extract",
        "--jsonl",
        "--anchor",
        "2024-01-01",
        "--kinds",
        "date",
    ];
    let out = xiangmu(&args, Some(input));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    assert_eq!(
        mention(&docs[0], "11月下旬")["value"]["start"],
        "2022-11-21"
    );
    assert_eq!(
        mention(&docs[1], "11月下旬")["value"]["start"],
        "2024-11-21"
    );
}

#[test]
fn jsonl_all_good_exits_zero() {
    let input = "{\"id\":1,\"text\":\"投资3亿元\"}\n{\"id\":2,\"text\":\"没有数字\"}\n";
    let out = xiangmu(&["extract", "--jsonl", "--kinds", "money"], Some(input));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], 1);
    assert_eq!(docs[0]["mentions"][0]["value"], "300000000");
    assert_eq!(docs[1]["mentions"], Value::Array(vec![]));
}

#[test]
fn stdin_plain_text() {
    let text = "項目總投資超過70億元，規(guī)劃用地300畝。";
    for args in [&["extract"][..], &["extract", "-"]] {
        let out = xiangmu(args, Some(text));
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let docs = lines(&out);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0]["id"], "stdin");
        let money = mention(&docs[0], "超過70億元");
        assert_eq!(money["value"], "7000000000");
        assert_eq!((&money["start"], &money["end"]), (&5.into(), &11.into()));
        assert_eq!(mention(&docs[0], "300畝")["square_meters"], "200000.00");
    }
}

#[test]
fn kinds_filter() {
    let out = xiangmu(
        &["extract", "--kinds", "area"],
        Some("总投资20亿元，用地约243.82亩"),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    let kinds: Vec<&Value> = docs[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["kind"])
        .collect();
    assert_eq!(kinds, ["area"]);
}

#[test]
fn bad_anchor_is_a_usage_error() {
    for bad in ["2023-13-01", "2023-02-30", "2023/6/27", "yesterday"] {
        let out = xiangmu(&["extract", "--anchor", bad], Some("投资3亿元"));
        assert_eq!(out.status.code(), Some(2), "{bad}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(bad), "{stderr}");
        assert!(stderr.contains("anchor"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let out = xiangmu(&["extract", "--kinds", "money,price"], Some(""));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("price"));
}

#[test]
fn unreadable_file_fails_that_document_only() {
    let sample = sample();
    let out = xiangmu(
        &["extract", "no/such/file.txt", sample.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], "no/such/file.txt");
    assert!(docs[0]["error"].as_str().unwrap().contains("cannot read"));
    assert_eq!(mention(&docs[1], "15亿元")["value"], "1500000000");
}

#[test]
fn pretty_and_help() {
    let out = xiangmu(&["extract", "--pretty"], Some("投资3亿元"));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() > 3, "{stdout}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["mentions"][0]["value"], "300000000");

    let help = xiangmu(&["extract", "--help"], None);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("Examples:") && help.contains("--jsonl"),
        "{help}"
    );
}

// ---------------------------------------------------------------------------
// Directories, formats, parallel runs, projects, eval.

/// The shared data (`corpus/`, `eval/`) beside the work tree, or beside
/// `XIANGMU_EVAL_DIR`.
fn shared(sub: &str) -> PathBuf {
    let eval = match std::env::var_os("XIANGMU_EVAL_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    };
    let dir = if sub == "eval" {
        eval
    } else {
        eval.join("..").join(sub)
    };
    assert!(dir.is_dir(), "shared data not found: {}", dir.display());
    dir
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("xiangmu-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn str(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The corpus articles, sorted by name.
fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared("corpus"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus articles");
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            (name, std::fs::read_to_string(p).expect("read corpus"))
        })
        .collect()
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .expect("CSV header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("CSV row");
            assert_eq!(r.len(), header.len(), "ragged row {r:?}");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn directory_input_is_recursive_and_sorted() {
    let dir = TempDir::new("dir");
    let sub = dir.path().join("b_sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.path().join("c.txt"), "用地约243.82亩").unwrap();
    std::fs::write(dir.path().join("a.txt"), "总投资1.5亿元").unwrap();
    std::fs::write(sub.join("z.txt"), "投资3亿元").unwrap();
    std::fs::write(dir.path().join("notes.md"), "投资9亿元").unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();

    let out = xiangmu(&["extract", dir.str(), empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    let ids: Vec<String> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let p = |rel: &str| dir.path().join(rel).to_str().unwrap().to_string();
    assert_eq!(ids, [p("a.txt"), p("b_sub/z.txt"), p("c.txt")]);
    assert_eq!(mention(&docs[1], "3亿元")["value"], "300000000");
    // The empty directory is a warning, not a failed document.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no *.txt files") && stderr.contains("empty"),
        "{stderr}"
    );

    // With --jsonl a directory gives its *.jsonl files; ids `FILE line N`
    // when there are several inputs.
    std::fs::write(
        sub.join("b.jsonl"),
        "{\"text\":\"投资3亿元\"}\n\n{\"id\":\"own\",\"text\":\"x\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.jsonl"), "{\"text\":\"用地120亩\"}\n").unwrap();
    let out = xiangmu(&["extract", "--jsonl", dir.str()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            format!("{} line 1", p("a.jsonl")),
            format!("{} line 1", p("b_sub/b.jsonl")),
            "own".to_string()
        ]
    );
}

#[test]
fn csv_output_parses_back() {
    let path = sample();
    let path = path.to_str().unwrap();
    let out = xiangmu(
        &["extract", "--format", "csv", "--anchor", "2023-06-27", path],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stdout.starts_with("\u{feff}".as_bytes()));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        &header[..15],
        [
            "id",
            "kind",
            "start",
            "end",
            "text",
            "value",
            "low",
            "high",
            "unit",
            "currency",
            "qualifier",
            "role",
            "date_start",
            "date_end",
            "grain"
        ]
    );
    assert!(rows.iter().all(|r| r["id"] == path));
    let row = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text)
            .unwrap_or_else(|| panic!("no row {text:?}"))
    };
    let total = row("15亿元");
    assert_eq!(
        (
            total["kind"].as_str(),
            total["value"].as_str(),
            total["currency"].as_str()
        ),
        ("money", "1500000000", "CNY")
    );
    assert_eq!(total["role"], "total_investment");
    let range = row("6亿至8亿元");
    assert_eq!(
        (
            range["low"].as_str(),
            range["high"].as_str(),
            range["value"].as_str()
        ),
        ("600000000", "800000000", "")
    );
    assert_eq!(row("约186.5亩")["square_meters"], "124333.33");
    let date = row("11月下旬");
    assert_eq!(
        (
            date["date_start"].as_str(),
            date["date_end"].as_str(),
            date["grain"].as_str()
        ),
        ("2023-11-21", "2023-11-30", "xun")
    );
    // Offsets are the same code points as in JSON.
    let json = &lines(&xiangmu(&["extract", "--anchor", "2023-06-27", path], None))[0];
    let mentions = json["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), rows.len());
    for (m, r) in mentions.iter().zip(&rows) {
        assert_eq!(m["start"].to_string(), r["start"]);
        assert_eq!(m["end"].to_string(), r["end"]);
        assert_eq!(m["kind"], r["kind"].as_str());
    }
}

#[test]
fn csv_quoting_errors_and_bom() {
    let input = concat!(
        r#"{"id":"a,\"b\"\nc","text":"总投资1.5亿元，用地120亩"}"#,
        "\n",
        r#"{"id":"bad"}"#,
        "\n",
        r#"{"id":7,"text":"没有数字"}"#,
    );
    let out = xiangmu(
        &["extract", "--jsonl", "--format", "csv", "--bom"],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let bom = "\u{feff}".as_bytes();
    assert!(out.stdout.starts_with(bom), "{out:?}");
    let (_, rows) = csv_rows(&out.stdout[bom.len()..]);
    // Two mentions of the first document, one error row, nothing for the
    // document without mentions.
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0]["id"], "a,\"b\"\nc");
    assert_eq!(rows[1]["square_meters"], "80000.00");
    assert_eq!(rows[2]["id"], "bad");
    assert_eq!(rows[2]["error"], "missing field \"text\"");
    assert_eq!(rows[2]["kind"], "");

    // A byte order mark is not JSON.
    let out = xiangmu(&["extract", "--bom"], Some("投资3亿元"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bom"));
}

#[test]
fn json_format_is_one_array() {
    let input = "{\"id\":1,\"text\":\"投资3亿元\"}\n{\"id\":2}\n";
    let out = xiangmu(&["extract", "--jsonl", "--format", "json"], Some(input));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let docs: Value = serde_json::from_str(&stdout_of(&out)).expect("one JSON array");
    let docs = docs.as_array().expect("array");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["mentions"][0]["value"], "300000000");
    assert_eq!(docs[1]["error"], "missing field \"text\"");

    let out = xiangmu(&["extract", "--jsonl", "--format", "json"], Some(""));
    assert_eq!(stdout_of(&out).trim(), "[]");
}

#[test]
fn threads_must_be_positive() {
    let out = xiangmu(&["extract", "--threads", "0"], Some("投资3亿元"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// 20 corpus articles (the corpus repeated) in a temp dir.
fn twenty_articles(name: &str) -> (TempDir, Vec<PathBuf>) {
    let dir = TempDir::new(name);
    let corpus = corpus();
    let mut paths = Vec::new();
    for i in 0..20 {
        let (file, text) = &corpus[i % corpus.len()];
        let path = dir.path().join(format!("{i:02}_{file}"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    (dir, paths)
}

#[test]
fn parallel_output_is_the_same_as_one_by_one() {
    let (dir, paths) = twenty_articles("parallel");
    for command in ["extract", "projects"] {
        let one_by_one: String = paths
            .iter()
            .map(|p| {
                let out = xiangmu(
                    &[command, "--anchor", "2023-06-27", p.to_str().unwrap()],
                    None,
                );
                assert_eq!(out.status.code(), Some(0), "{out:?}");
                stdout_of(&out)
            })
            .collect();
        assert_eq!(one_by_one.lines().count(), 20);
        for threads in [None, Some("1"), Some("2"), Some("7")] {
            let mut args = vec![command, "--anchor", "2023-06-27", dir.str()];
            if let Some(n) = threads {
                args.extend(["--threads", n]);
            }
            let out = xiangmu(&args, None);
            assert_eq!(out.status.code(), Some(0), "{out:?}");
            assert!(
                stdout_of(&out) == one_by_one,
                "{command} --threads {threads:?} differs"
            );
        }
    }

    // JSON Lines: the same documents, in one input, give the same lines.
    let jsonl: String = paths
        .iter()
        .map(|p| {
            let doc = serde_json::json!({
                "id": p.to_str().unwrap(),
                "anchor": "2023-06-27",
                "text": std::fs::read_to_string(p).unwrap(),
            });
            format!("{doc}\n")
        })
        .collect();
    let serial = xiangmu(&["extract", "--jsonl", "--threads", "1"], Some(&jsonl));
    let parallel = xiangmu(&["extract", "--jsonl"], Some(&jsonl));
    let by_dir = xiangmu(&["extract", "--anchor", "2023-06-27", dir.str()], None);
    assert_eq!(serial.status.code(), Some(0));
    assert!(stdout_of(&serial) == stdout_of(&parallel));
    assert!(stdout_of(&serial) == stdout_of(&by_dir));
}

#[test]
fn projects_of_the_sample() {
    let path = sample();
    let path = path.to_str().unwrap();
    let out = xiangmu(&["projects", "--anchor", "2023-06-27", path], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], path);
    let records = docs[0]["projects"].as_array().expect("projects");
    let record = records
        .iter()
        .find(|r| r["name"] == "星辰新能源电池材料项目")
        .unwrap_or_else(|| panic!("no record in {records:?}"));
    assert_eq!(record["investment"]["value"], "1500000000");
    assert_eq!(record["area"]["square_meters"], "124333.33");
    let signing = &record["milestones"][0];
    assert_eq!(
        (&signing["stage"], &signing["status"]),
        (&"signing".into(), &"done".into())
    );
    assert_eq!(signing["date"]["start"], "2023-05-20");
    // Code points into the original text.
    let chars: Vec<char> = std::fs::read_to_string(sample()).unwrap().chars().collect();
    let (s, e) = (
        record["start"].as_u64().unwrap() as usize,
        record["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "星辰新能源电池材料项目"
    );
}

#[test]
fn projects_csv_and_batches() {
    let input = concat!(
        r#"{"id":"a1","anchor":"2022-11-18","text":"9月21日，162个项目集中开工，总投资426亿元。其中，炎陵县抽水蓄能项目投资82.3亿元。"}"#,
        "\n",
        r#"{"id":"a2","anchor":"2023-06-27","text":"哈电储能技术创新产业基地项目总投资20亿元，新增项目用地约243.82亩。该项目今年5月20日正式签约，计划今年年底主体竣工。"}"#,
        "\n",
        r#"{"id":"a3","anchor":"2023-13-01","text":"x"}"#,
    );
    let out = xiangmu(&["projects", "--jsonl", "--format", "csv"], Some(input));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        &header[..10],
        [
            "id",
            "name",
            "start",
            "end",
            "investment",
            "investment_qualifier",
            "area_value",
            "area_unit",
            "square_meters",
            "milestones"
        ]
    );
    let row = |id: &str, kind: &str| {
        rows.iter()
            .find(|r| r["id"] == id && r["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} row for {id} in {rows:?}"))
    };
    let batch = row("a1", "batch");
    assert_eq!(
        (batch["count"].as_str(), batch["stages"].as_str()),
        ("162", "construction_start")
    );
    assert_eq!(
        (batch["investment"].as_str(), batch["date_start"].as_str()),
        ("42600000000", "2022-09-21")
    );
    assert_eq!(batch["members"], "炎陵县抽水蓄能项目");
    let named = row("a2", "project");
    assert_eq!(named["name"], "哈电储能技术创新产业基地项目");
    assert_eq!(
        (
            named["investment"].as_str(),
            named["investment_qualifier"].as_str()
        ),
        ("2000000000", "exact")
    );
    assert_eq!(
        (
            named["area_value"].as_str(),
            named["area_unit"].as_str(),
            named["square_meters"].as_str()
        ),
        ("243.82", "mu", "162546.67")
    );
    assert_eq!(
        named["milestones"],
        "signing:done:2023-05-20;topping_out:planned:2023-12"
    );
    let failed = rows.iter().find(|r| r["id"] == "a3").expect("error row");
    assert!(failed["error"].contains("2023-13-01"), "{failed:?}");
}

#[test]
fn eval_prints_the_table() {
    let dev = shared("eval").join("dev.jsonl");
    let out = xiangmu(&["eval", dev.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let table = stdout_of(&out);
    for word in [
        "span P",
        "val P",
        "money",
        "area",
        "date",
        "milestone",
        "stage",
        "projects",
        "batches",
        "investment",
    ] {
        assert!(table.contains(word), "no {word:?} in\n{table}");
    }
    let money = table
        .lines()
        .find(|l| l.starts_with("money"))
        .expect("money row");
    let cells: Vec<&str> = money.split_whitespace().collect();
    assert_eq!(cells[1].parse::<usize>().ok(), Some(29), "{money}");

    // --kinds narrows the table; --problems lists what went wrong.
    let out = xiangmu(
        &[
            "eval",
            dev.to_str().unwrap(),
            "--kinds",
            "money",
            "--problems",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let table = stdout_of(&out);
    assert!(table.lines().any(|l| l.starts_with("money")));
    assert!(!table.lines().any(|l| l.starts_with("area ")), "{table}");

    // Case files: one line each.
    let spec = shared("eval").join("spec").join("money.jsonl");
    let out = xiangmu(&["eval", spec.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout_of(&out).contains("cases"), "{out:?}");

    // A file that is not there: exit 1, the reason on stderr.
    let out = xiangmu(&["eval", "no/such/gold.jsonl"], None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/gold.jsonl"));
}
