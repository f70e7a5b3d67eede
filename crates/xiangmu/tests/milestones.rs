//! Milestones: the SPEC conformance cases, the dev articles, and one table
//! row per stage word, status cue, compound and non-event rule, in
//! Simplified and Traditional script.
//!
//! Run with `cargo test --test milestones -- --nocapture` to see the
//! reports.

use serde_json::Value as Json;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use xiangmu::{Milestone, Options, Stage, Status, extract};

fn eval_dir() -> PathBuf {
    match std::env::var_os("XIANGMU_EVAL_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    }
}

fn read_jsonl(path: &Path) -> Vec<Json> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn options(anchor: Option<&str>) -> Options {
    let o = Options::default();
    match anchor {
        Some(a) => o.with_anchor(a.parse().expect("an ISO anchor")),
        None => o,
    }
}

/// `(start, end, text, milestone)` of every milestone in `text`.
fn milestones<'t>(text: &'t str, anchor: Option<&str>) -> Vec<(usize, usize, &'t str, Milestone)> {
    extract(text, &options(anchor))
        .into_iter()
        .filter_map(|m| {
            let v = m.as_milestone()?.clone();
            Some((m.start, m.end, m.text, v))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// SPEC cases.

/// Cases the library reads differently: `(source, input, reason)`.
const KNOWN_DIVERGENCES: &[(&str, &str, &str)] = &[];

fn judge(case: &Json) -> Result<(), String> {
    let input = case["input"].as_str().unwrap_or("");
    let anchor = case["anchor"].as_str();
    let found = milestones(input, anchor);
    let show = || {
        found
            .iter()
            .map(|(s, e, t, m)| {
                format!(
                    "@{s}..{e} {t} {}",
                    serde_json::to_string(m).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let expect = &case["expect"];
    if expect.is_null() {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected no milestone, found {}", show()))
        };
    }
    let span = (
        case["expect_span"][0].as_u64().unwrap_or(0) as usize,
        case["expect_span"][1].as_u64().unwrap_or(0) as usize,
    );
    let Some(hit) = found.iter().find(|(s, e, ..)| (*s, *e) == span) else {
        return Err(format!("no milestone at {span:?}; found {}", show()));
    };
    let got = serde_json::to_value(&hit.3).expect("a milestone serializes");
    let mut diffs = Vec::new();
    for (k, want) in expect.as_object().into_iter().flatten() {
        let have = got.get(k).unwrap_or(&Json::Null);
        if have != want {
            diffs.push(format!("{k}: expected {want}, got {have}"));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join("; "))
    }
}

#[test]
fn spec_cases() {
    let dir = eval_dir().join("spec");
    let mut out = String::new();
    let mut failures = Vec::new();
    for file in ["milestone.jsonl", "milestone_negative.jsonl"] {
        let cases = read_jsonl(&dir.join(file));
        let mut pass = 0;
        let mut known = 0;
        for case in &cases {
            let source = case["source"].as_str().unwrap_or("?");
            let input = case["input"].as_str().unwrap_or("");
            let divergence = KNOWN_DIVERGENCES
                .iter()
                .find(|(s, i, _)| *s == source && *i == input);
            match (judge(case), divergence) {
                (Ok(()), None) => pass += 1,
                (Ok(()), Some((_, _, why))) => {
                    pass += 1;
                    writeln!(
                        out,
                        "  NOW PASSES (remove from KNOWN_DIVERGENCES: {why}) {source} {input}"
                    )
                    .ok();
                }
                (Err(e), Some((_, _, why))) => {
                    known += 1;
                    writeln!(out, "  KNOWN {source} {input}: {why} ({e})").ok();
                }
                (Err(e), None) => {
                    writeln!(out, "  FAIL  {source} {input}\n        {e}").ok();
                    failures.push(format!("{source} {input}: {e}"));
                }
            }
        }
        writeln!(
            out,
            "spec/{file}: {pass}/{} pass{}",
            cases.len(),
            if known > 0 {
                format!(", {known} known divergences")
            } else {
                String::new()
            }
        )
        .ok();
    }
    println!("{out}");
    assert!(
        failures.is_empty(),
        "{} spec cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// dev.jsonl

fn prf(hits: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        hits as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hits as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Dev milestone scores: spans overlap (one to one, greedy, as in
/// `tests/golden.rs`); a match is correct when stage and status agree;
/// date and project accuracy are over the correct matches.
#[test]
fn dev_articles() {
    let articles = read_jsonl(&eval_dir().join("dev.jsonl"));
    let (mut gold_n, mut pred_n, mut matched, mut correct) = (0, 0, 0, 0);
    let (mut date_ok, mut project_ok) = (0, 0);
    let mut report = String::new();
    for a in &articles {
        let id = a["id"].as_str().unwrap_or("?");
        let text = a["text"].as_str().unwrap_or("");
        let chars: Vec<char> = text.chars().collect();
        let ctx = |s: usize, e: usize| -> String {
            let from = s.saturating_sub(14);
            let to = (e + 8).min(chars.len());
            let piece: String = chars[from..s]
                .iter()
                .chain(['【'].iter())
                .chain(chars[s..e].iter())
                .chain(['】'].iter())
                .chain(chars[e..to].iter())
                .collect();
            piece.replace('\n', "⏎")
        };
        let (b0, b1) = (
            a["body"][0].as_u64().unwrap_or(0) as usize,
            a["body"][1].as_u64().unwrap_or(0) as usize,
        );
        let pred: Vec<_> = milestones(text, a["anchor"].as_str())
            .into_iter()
            .filter(|(s, e, ..)| *s >= b0 && *e <= b1)
            .collect();
        let gold: Vec<&Json> = a["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["kind"] == "milestone")
            .collect();
        gold_n += gold.len();
        pred_n += pred.len();
        let mut taken = vec![false; pred.len()];
        for g in &gold {
            let (gs, ge) = (
                g["start"].as_u64().unwrap_or(0) as usize,
                g["end"].as_u64().unwrap_or(0) as usize,
            );
            let best = pred
                .iter()
                .enumerate()
                .filter(|(i, (s, e, ..))| !taken[*i] && *s < ge && gs < *e)
                .max_by_key(|(i, (s, e, ..))| ((*e).min(ge) - (*s).max(gs), std::cmp::Reverse(*i)));
            let Some((pi, (_, _, _, m))) = best else {
                writeln!(
                    report,
                    "  MISS  {id} @{gs} {} gold {} {}",
                    ctx(gs, ge),
                    g["stage"],
                    g["status"]
                )
                .ok();
                continue;
            };
            taken[pi] = true;
            matched += 1;
            let got = serde_json::to_value(m).expect("serializes");
            if got["stage"] == g["stage"] && got["status"] == g["status"] {
                correct += 1;
                let mut notes = Vec::new();
                if got["date"] == g["date"] {
                    date_ok += 1;
                } else {
                    notes.push(format!("date gold {} pred {}", g["date"], got["date"]));
                }
                if got["project"] == g["project"] {
                    project_ok += 1;
                } else {
                    notes.push(format!(
                        "project gold {} pred {}",
                        g["project"], got["project"]
                    ));
                }
                if !notes.is_empty() {
                    writeln!(
                        report,
                        "  FIELD {id} @{gs} {}: {}",
                        ctx(gs, ge),
                        notes.join("; ")
                    )
                    .ok();
                }
            } else {
                writeln!(
                    report,
                    "  VALUE {id} @{gs} {}: gold {}/{} pred {}/{}",
                    ctx(gs, ge),
                    g["stage"],
                    g["status"],
                    got["stage"],
                    got["status"]
                )
                .ok();
            }
        }
        for (i, (s, e, _, m)) in pred.iter().enumerate() {
            if !taken[i] {
                writeln!(
                    report,
                    "  FP    {id} @{s} {} pred {}/{}",
                    ctx(*s, *e),
                    m.stage.as_str(),
                    m.status.as_str()
                )
                .ok();
            }
        }
    }
    let (sp, sr, sf) = prf(matched, pred_n, gold_n);
    let (vp, vr, vf) = prf(correct, pred_n, gold_n);
    println!(
        "\n=== dev milestones: gold {gold_n}, predicted {pred_n} ===\n\
         spans         P {sp:.3} R {sr:.3} F1 {sf:.3}\n\
         stage+status  P {vp:.3} R {vr:.3} F1 {vf:.3}\n\
         of the {correct} correct: date {date_ok} ({:.3}), project {project_ok} ({:.3})\n{report}",
        date_ok as f64 / correct.max(1) as f64,
        project_ok as f64 / correct.max(1) as f64,
    );
    assert!(vf >= 0.85, "dev milestone stage+status F1 {vf:.3} < 0.85");
}

// ---------------------------------------------------------------------------
// Tables.

/// `(input, anchor, word, stage, status)`: the milestone at `word` (its
/// first occurrence) must have this stage and status.
fn check(rows: &[(&str, &str, &str, Stage, Status)]) {
    let mut bad = Vec::new();
    for &(input, anchor, word, stage, status) in rows {
        let found = milestones(input, Some(anchor));
        let hit = found.iter().find(|(_, _, t, _)| *t == word);
        match hit {
            Some((_, _, _, m)) if m.stage == stage && m.status == status => {}
            Some((_, _, _, m)) => {
                bad.push(format!("{input}: {word} gave {:?}/{:?}", m.stage, m.status))
            }
            None => bad.push(format!("{input}: no milestone {word}")),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Inputs with no milestone at all.
fn check_none(rows: &[&str]) {
    let bad: Vec<String> = rows
        .iter()
        .filter_map(|input| {
            let found = milestones(input, Some("2023-06-27"));
            (!found.is_empty()).then(|| {
                format!(
                    "{input}: found {:?}",
                    found.iter().map(|f| f.2).collect::<Vec<_>>()
                )
            })
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

const A: &str = "2023-06-27";

#[test]
fn every_stage_word_simplified() {
    use Stage::*;
    use Status::*;
    check(&[
        (
            "星河数据中心项目正在洽谈中。",
            A,
            "洽谈",
            Negotiation,
            Ongoing,
        ),
        ("全县在谈项目达40个。", A, "在谈", Negotiation, Ongoing),
        ("光伏组件项目已于上月签约。", A, "签约", Signing, Done),
        ("双方计划下周签署投资协议。", A, "签署", Signing, Planned),
        ("两家企业将签订项目合作合同。", A, "签订", Signing, Planned),
        ("一家新材料企业日前落户园区。", A, "落户", Signing, Done),
        ("该项目已正式落地开发区。", A, "落地", Signing, Done),
        ("已有12家企业入驻孵化中心。", A, "入驻", Signing, Done),
        ("预计年底前有8家企业入园。", A, "入园", Signing, Planned),
        ("该项目预计下月拿地。", A, "拿地", Land, Planned),
        ("园区确保项目7月底前供地。", A, "供地", Land, Planned),
        ("企业已成功摘牌两宗地块。", A, "摘牌", Land, Done),
        ("项目用地已完成土地出让。", A, "土地出让", Land, Done),
        ("征地工作正在推进中。", A, "征地", Land, Ongoing),
        ("项目已领取施工许可证。", A, "施工许可证", Permit, Done),
        ("该项目实现了“四证联发”。", A, "四证联发", Permit, Done),
        (
            "物流中心项目当天完成“五证联发”。",
            A,
            "五证联发",
            Permit,
            Done,
        ),
        ("物流园项目顺利开工。", A, "开工", ConstructionStart, Done),
        (
            "新车间计划于8月动工。",
            A,
            "动工",
            ConstructionStart,
            Planned,
        ),
        ("二期工程即将开建。", A, "开建", ConstructionStart, Planned),
        ("项目已于3月破土。", A, "破土", ConstructionStart, Done),
        (
            "学校扩建工程举行奠基仪式。",
            A,
            "奠基",
            ConstructionStart,
            Done,
        ),
        ("综合楼已于上周封顶。", A, "封顶", ToppingOut, Done),
        ("跨江大桥将于年底合龙。", A, "合龙", ToppingOut, Planned),
        ("主桥顺利合拢。", A, "合拢", ToppingOut, Done),
        ("研发楼已实现主体完工。", A, "主体完工", ToppingOut, Done),
        ("厂房预计9月主体竣工。", A, "主体竣工", ToppingOut, Planned),
        ("一期工程已经竣工。", A, "竣工", Completion, Done),
        ("项目力争明年建成。", A, "建成", Completion, Planned),
        ("道路改造工程将于10月完工。", A, "完工", Completion, Planned),
        ("首批人才公寓已交付使用。", A, "交付", Completion, Done),
        ("项目顺利通过验收。", A, "验收", Completion, Done),
        ("厂房竣工后当天即完成交证。", A, "交证", Completion, Done),
        ("电池生产线已试生产。", A, "试生产", TrialProduction, Done),
        ("新工厂有望年内试产。", A, "试产", TrialProduction, Planned),
        (
            "污水处理厂正在试运行。",
            A,
            "试运行",
            TrialProduction,
            Ongoing,
        ),
        ("一期项目现已投产。", A, "投产", ProductionStart, Done),
        ("新医院将于明年投用。", A, "投用", ProductionStart, Planned),
        (
            "数据中心去年投入使用。",
            A,
            "投入使用",
            ProductionStart,
            Done,
        ),
        ("变电站已经投运。", A, "投运", ProductionStart, Done),
        (
            "文化街区拟于国庆前运营。",
            A,
            "运营",
            ProductionStart,
            Planned,
        ),
        ("酒店定于12月开业。", A, "开业", ProductionStart, Planned),
        (
            "城际快速路将于年底通车。",
            A,
            "通车",
            ProductionStart,
            Planned,
        ),
        ("首台新车顺利下线。", A, "下线", ProductionStart, Done),
        ("项目争取明年达产。", A, "达产", FullProduction, Planned),
        ("二期项目已全面达效。", A, "达效", FullProduction, Done),
        ("新厂区目前已满产。", A, "满产", FullProduction, Done),
    ]);
}

#[test]
fn every_stage_word_traditional() {
    use Stage::*;
    use Status::*;
    check(&[
        ("數據中心項目正在洽談中。", A, "洽談", Negotiation, Ongoing),
        ("全縣在談項目達40個。", A, "在談", Negotiation, Ongoing),
        ("光伏組件項目已於上月簽約。", A, "簽約", Signing, Done),
        ("雙方計劃下週簽署投資協議。", A, "簽署", Signing, Planned),
        ("兩家企業將簽訂項目合作合同。", A, "簽訂", Signing, Planned),
        ("一家新材料企業日前落戶園區。", A, "落戶", Signing, Done),
        ("該項目已正式落地開發區。", A, "落地", Signing, Done),
        ("已有12家企業入駐孵化中心。", A, "入駐", Signing, Done),
        ("預計年底前有8家企業入園。", A, "入園", Signing, Planned),
        ("該項目預計下月拿地。", A, "拿地", Land, Planned),
        ("企業已成功摘牌兩宗地塊。", A, "摘牌", Land, Done),
        ("項目用地已完成土地出讓。", A, "土地出讓", Land, Done),
        ("徵地工作正在推進中。", A, "徵地", Land, Ongoing),
        ("項目已領取施工許可證。", A, "施工許可證", Permit, Done),
        ("該項目實現了“四證聯發”。", A, "四證聯發", Permit, Done),
        ("物流園項目順利開工。", A, "開工", ConstructionStart, Done),
        (
            "新車間計劃於8月動工。",
            A,
            "動工",
            ConstructionStart,
            Planned,
        ),
        ("二期工程即將開建。", A, "開建", ConstructionStart, Planned),
        ("綜合樓已於上週封頂。", A, "封頂", ToppingOut, Done),
        ("跨江大橋將於年底合龍。", A, "合龍", ToppingOut, Planned),
        ("主橋順利合攏。", A, "合攏", ToppingOut, Done),
        ("研發樓已實現主體完工。", A, "主體完工", ToppingOut, Done),
        ("一期工程已經竣工。", A, "竣工", Completion, Done),
        ("項目力爭明年建成。", A, "建成", Completion, Planned),
        ("首批人才公寓已交付使用。", A, "交付", Completion, Done),
        ("項目順利通過驗收。", A, "驗收", Completion, Done),
        ("電池生產線已試生產。", A, "試生產", TrialProduction, Done),
        (
            "污水處理廠正在試運行。",
            A,
            "試運行",
            TrialProduction,
            Ongoing,
        ),
        ("一期項目現已投產。", A, "投產", ProductionStart, Done),
        ("新醫院將於明年投用。", A, "投用", ProductionStart, Planned),
        ("變電站已經投運。", A, "投運", ProductionStart, Done),
        ("酒店定於12月開業。", A, "開業", ProductionStart, Planned),
        (
            "城際快速路將於年底通車。",
            A,
            "通車",
            ProductionStart,
            Planned,
        ),
        ("首台新車順利下線。", A, "下線", ProductionStart, Done),
        ("項目爭取明年達產。", A, "達產", FullProduction, Planned),
        ("新廠區目前已滿產。", A, "滿產", FullProduction, Done),
    ]);
}

#[test]
fn glossed_stage_words_keep_the_gloss_in_the_span() {
    use Stage::*;
    use Status::*;
    check(&[
        (
            "電池項目現(xiàn)已試生產(chǎn)。",
            A,
            "試生產(chǎn)",
            TrialProduction,
            Done,
        ),
        (
            "二期項目預計年底投產(chǎn)。",
            A,
            "投產(chǎn)",
            ProductionStart,
            Planned,
        ),
        (
            "一期項目已全面達產(chǎn)。",
            A,
            "達產(chǎn)",
            FullProduction,
            Done,
        ),
    ]);
}

#[test]
fn status_cues() {
    use Stage::*;
    use Status::*;
    let c = ConstructionStart;
    check(&[
        // done
        ("物流园项目已开工。", A, "开工", c, Done),
        ("物流园项目已经开工。", A, "开工", c, Done),
        ("物流园项目实现开工。", A, "开工", c, Done),
        ("物流园项目完成开工。", A, "开工", c, Done),
        ("物流园项目顺利开工。", A, "开工", c, Done),
        ("物流园项目正式开工。", A, "开工", c, Done),
        ("物流园项目现已开工。", A, "开工", c, Done),
        ("物流园项目于2022年5月开工。", A, "开工", c, Done),
        ("物流园项目开工。", A, "开工", c, Done),
        ("物流園項目已經開工。", A, "開工", c, Done),
        // planned
        ("物流园项目将开工。", A, "开工", c, Planned),
        ("物流园项目计划开工。", A, "开工", c, Planned),
        ("物流园项目预计开工。", A, "开工", c, Planned),
        ("物流园项目力争开工。", A, "开工", c, Planned),
        ("物流园项目拟开工。", A, "开工", c, Planned),
        ("物流园项目定于9月开工。", A, "开工", c, Planned),
        ("物流园项目即将开工。", A, "开工", c, Planned),
        ("物流园项目有望开工。", A, "开工", c, Planned),
        ("确保物流园项目年内开工。", A, "开工", c, Planned),
        ("争取物流园项目年内开工。", A, "开工", c, Planned),
        ("物流园项目2024年3月开工。", A, "开工", c, Planned),
        ("物流園項目將於明年開工。", A, "開工", c, Planned),
        // a planned cue governs 实现: 力争实现
        ("物流园项目力争实现年内开工。", A, "开工", c, Planned),
        // 确保了: achieved
        ("园区确保了项目顺利开工。", A, "开工", c, Done),
        // ongoing
        ("物流园项目正在开工建设。", A, "开工", c, Ongoing),
        ("园区正加快推进物流园项目开工。", A, "开工", c, Ongoing),
        ("物流园项目签约工作推进中。", A, "签约", Signing, Ongoing),
        ("全区开工在建项目86个。", A, "开工", c, Ongoing),
        ("全区在谈项目12个。", A, "在谈", Negotiation, Ongoing),
        ("物流園項目正在開工建設。", A, "開工", c, Ongoing),
        // the anchor month, not over: planned
        ("物流园项目月底开工。", A, "开工", c, Planned),
        // once done, something will follow: planned, unless the date is past
        (
            "该项目建成投产后，预计可实现年产值15亿元。",
            A,
            "建成",
            Completion,
            Planned,
        ),
        (
            "检测平台自去年投入使用后，带动了新能源产业。",
            A,
            "投入使用",
            ProductionStart,
            Done,
        ),
    ]);
}

#[test]
fn compounds() {
    let found = milestones("物流园项目成功实现“拿地即开工”。", Some(A));
    let got: Vec<_> = found
        .iter()
        .map(|(_, _, t, m)| (*t, m.stage, m.status))
        .collect();
    assert_eq!(
        got,
        [
            ("拿地", Stage::Land, Status::Done),
            ("开工", Stage::ConstructionStart, Status::Done)
        ]
    );
    let found = milestones("5月18日，26个项目集中开竣工。", Some(A));
    let got: Vec<_> = found
        .iter()
        .map(|(s, e, t, m)| (*s, *e, *t, m.stage))
        .collect();
    assert_eq!(
        got,
        [
            (13, 14, "开", Stage::ConstructionStart),
            (14, 16, "竣工", Stage::Completion)
        ]
    );
    let found = milestones("項目將於年底竣工投產(chǎn)。", Some(A));
    let got: Vec<_> = found
        .iter()
        .map(|(_, _, t, m)| (*t, m.stage, m.status))
        .collect();
    assert_eq!(
        got,
        [
            ("竣工", Stage::Completion, Status::Planned),
            ("投產(chǎn)", Stage::ProductionStart, Status::Planned)
        ]
    );
    let found = milestones("物流园项目当年签约、当年开工、当年投产。", Some(A));
    let got: Vec<_> = found.iter().map(|(_, _, t, m)| (*t, m.stage)).collect();
    assert_eq!(
        got,
        [
            ("签约", Stage::Signing),
            ("开工", Stage::ConstructionStart),
            ("投产", Stage::ProductionStart)
        ]
    );
    let found = milestones("物流园项目已签约落地。", Some(A));
    assert_eq!(found.len(), 2);
}

#[test]
fn events_that_look_like_nouns() {
    use Stage::*;
    use Status::*;
    check(&[
        ("征地拆迁工作正在推进中。", A, "征地", Land, Ongoing),
        ("验收工作已全部完成。", A, "验收", Completion, Done),
        (
            "全市新开工项目已达56个。",
            A,
            "开工",
            ConstructionStart,
            Done,
        ),
        ("园区今年已签约项目25个。", A, "签约", Signing, Done),
        (
            "开工仪式现场，机器轰鸣。",
            A,
            "开工",
            ConstructionStart,
            Done,
        ),
    ]);
}

#[test]
fn not_events() {
    check_none(&[
        // stage words that describe another noun
        "全市重点项目开工率达到95%。",
        "新建項目開工率83.3%。",
        "园区建设标准厂房，满足企业投产需求。",
        "全市土地出让金收入同比增长12%。",
        "开竣工总数居全市第一。",
        "验收所需时间压缩了一半。",
        "全省高速公路通车里程突破7000公里。",
        "降低企业运营成本。",
        "城市建成区面积扩大到65平方公里。",
        "新建项目达产率超过90%。",
        "第二届投资洽谈会在长沙举办。",
        "征地拆迁问题已基本解决。",
        "办理施工许可证需要5个工作日。",
        // names of reforms, models and campaigns
        "全市全面推行“拿地即开工”改革。",
        "推行“拿地即開工”等改革。",
        "实行“签约即拿地、拿地即开工”审批模式。",
        "全市推广“竣工即交证”模式。",
        "招商引资、征拆供地、园区配套“三大攻坚”行动同步开展。",
        // general aims and directives
        "推动项目早开工、早投产、早见效。",
        "力争项目早签约、早落地。",
        "项目早一点竣工投产，就能早一点见效。",
        "全力以赴抓项目开工、抓项目投产。",
        "为项目开工创造条件。",
        "要加快项目建设进度，确保项目按期竣工。",
        "为加速重大项目落地，全市成立工作专班。",
        "该县将进一步优化营商环境，推动更多项目签约落地。",
        "会议要求，各地要加快推进项目前期工作，力争更多项目早开工。",
        // similes, processes, general conditions
        "抓招商要像抓项目开工一样争分夺秒。",
        "如雨后春笋般破土而出。",
        "从项目洽谈签约到投产达效实行全流程服务。",
        "形成从项目策划到竣工投产的全流程服务。",
        "企业落户园区后，即可享受税收优惠。",
        "两家企业签订了战略合作协议。",
        "将老城区建成宜居新城。",
    ]);
}

#[test]
fn a_process_with_a_duration_is_an_event() {
    let found = milestones("项目从签约到开工只用了3个月。", Some(A));
    assert_eq!(found.len(), 2);
}

#[test]
fn projects_of_milestones() {
    let p = |text: &str, word: &str| -> Option<String> {
        milestones(text, Some(A))
            .into_iter()
            .find(|(_, _, t, _)| *t == word)
            .and_then(|(_, _, _, m)| m.project)
    };
    // the subject, a demonstrative, the object, a shortened name
    assert_eq!(
        p("投资20亿元的新能源电池产业园项目已落户高新区。", "落户").as_deref(),
        Some("新能源电池产业园项目")
    );
    assert_eq!(
        p("华兴锂电池项目总投资8亿元。该项目已于5月投产。", "投产").as_deref(),
        Some("华兴锂电池项目")
    );
    assert_eq!(
        p("集团即将建成东岭精密制造基地。", "建成").as_deref(),
        Some("东岭精密制造基地")
    );
    assert_eq!(
        p(
            "凯丰智能装备产业园项目去年签约。凯丰智能科技项目今年已投产。",
            "投产"
        )
        .as_deref(),
        Some("凯丰智能装备产业园项目")
    );
    assert_eq!(
        p("北辰光电项目总投资3亿元。北辰光电今年3月开工。", "开工").as_deref(),
        Some("北辰光电项目")
    );
    assert_eq!(
        p(
            "華興鋰電池項目總投資8億元。該項目已於5月投產(chǎn)。",
            "投產(chǎn)"
        )
        .as_deref(),
        Some("華興鋰電池項目")
    );
    // the clause has no subject: the sentence's, then the paragraph's
    assert_eq!(
        p("云溪产业园项目签约1个多月，即将开工。", "开工").as_deref(),
        Some("云溪产业园项目")
    );
    // lists, counts, 分别, companies, batches: none
    assert_eq!(
        p("东岭物流园项目、西山光伏电站等12个项目实现投产。", "投产"),
        None
    );
    assert_eq!(
        p("北辰光电项目和南湖储能电站项目分别于3月、5月开工。", "开工"),
        None
    );
    assert_eq!(p("全区19个项目实现开工。", "开工"), None);
    assert_eq!(p("比亚迪公司正式落户经开区。", "落户"), None);
    assert_eq!(p("5月8日，36个项目集中开工。", "开工"), None);
    assert_eq!(p("一批优质产业项目已落户园区。", "落户"), None);
    assert_eq!(p("跨江大桥主体顺利合龙。", "合龙"), None);
}

#[test]
fn governing_dates() {
    let d = |text: &str, word: &str| -> Option<String> {
        milestones(text, Some(A))
            .into_iter()
            .find(|(_, _, t, _)| *t == word)
            .and_then(|(_, _, _, m)| m.date)
            .map(|d| format!("{:?}/{:?}", d.start, d.end))
    };
    assert_eq!(
        d("物流园项目于2022年5月开工。", "开工").as_deref(),
        Some("Some(2022-05-01)/Some(2022-05-31)")
    );
    // the nearest date before the word in its sentence
    assert_eq!(
        d("5月20日签约，计划年底竣工。", "竣工").as_deref(),
        Some("Some(2023-12-01)/Some(2023-12-31)")
    );
    assert_eq!(
        d("2022年，全区新开工项目42个，竣工36个。", "竣工").as_deref(),
        Some("Some(2022-01-01)/Some(2022-12-31)")
    );
    // a word of the present ends the date's reach
    assert_eq!(d("项目于2月竣工，现已开始试生产。", "试生产"), None);
    // not across sentences
    assert_eq!(d("2022年5月签约。项目已开工。", "开工"), None);
    // 分别: the word has no date of its own
    assert_eq!(d("北辰项目和南湖项目分别于3月、5月开工。", "开工"), None);
    // 当年 with no year to refer to
    assert_eq!(d("物流园项目当年签约，当年开工。", "开工"), None);
}
