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
