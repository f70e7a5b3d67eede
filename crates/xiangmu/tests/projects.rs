//! Project records: the dev articles scored record by record, and table
//! rows for names, boundaries, references, investment, batches.
//!
//! Run with `cargo test --test projects -- --nocapture` to see the report.
#![allow(missing_docs)]

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use xiangmu::{Options, Project, Stage, Status, projects};

fn eval_dir() -> PathBuf {
    match std::env::var_os("XIANGMU_EVAL_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    }
}

fn options(anchor: Option<&str>) -> Options {
    let o = Options::default();
    match anchor {
        Some(a) => o.with_anchor(a.parse().expect("an ISO anchor")),
        None => o,
    }
}

// ---------------------------------------------------------------------------
// The scorer.

/// Counts of one matching: gold, predicted, matched.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl Prf {
    pub fn p(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    pub fn r(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `ok` of `of`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Agree {
    pub ok: usize,
    pub of: usize,
}

impl Agree {
    fn add(&mut self, ok: bool) {
        self.of += 1;
        self.ok += usize::from(ok);
    }
}

/// Record-level scores of one or more articles.
#[derive(Debug, Default, Clone)]
pub struct ProjectScore {
    /// Named records; matched when the names overlap as code-point spans,
    /// else when one name contains the other.
    pub names: Prf,
    /// How many matches came from span overlap (the rest: containment).
    pub by_span: usize,
    /// Among matched records: equal investment (both null counts).
    pub investment: Agree,
    /// Equal area.
    pub area: Agree,
    /// Equal set of (stage, status).
    pub milestone_set: Agree,
    /// Equal list of (stage, status, date).
    pub milestone_dates: Agree,
    /// (stage, status) pairs of matched records.
    pub pairs: Prf,
    /// Batch records, matched when their spans overlap.
    pub batches: Prf,
    /// Matched batches with count, stages, date, investment and members equal.
    pub batch_exact: Agree,
    /// Problem lines.
    pub problems: Vec<String>,
}

impl ProjectScore {
    fn merge(&mut self, o: &ProjectScore) {
        for (a, b) in [
            (&mut self.names, o.names),
            (&mut self.pairs, o.pairs),
            (&mut self.batches, o.batches),
        ] {
            a.gold += b.gold;
            a.predicted += b.predicted;
            a.matched += b.matched;
        }
        self.by_span += o.by_span;
        for (a, b) in [
            (&mut self.investment, o.investment),
            (&mut self.area, o.area),
            (&mut self.milestone_set, o.milestone_set),
            (&mut self.milestone_dates, o.milestone_dates),
            (&mut self.batch_exact, o.batch_exact),
        ] {
            a.ok += b.ok;
            a.of += b.of;
        }
        self.problems.extend(o.problems.iter().cloned());
    }
}

fn pairs_of(record: &Json) -> BTreeSet<(String, String)> {
    record["milestones"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            (
                m["stage"].as_str().unwrap_or("").to_string(),
                m["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn dated_of(record: &Json) -> BTreeSet<String> {
    record["milestones"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| format!("{}/{}/{}", m["stage"], m["status"], m["date"]))
        .collect()
}

fn span_of(r: &Json) -> (u64, u64) {
    (
        r["start"].as_u64().unwrap_or(0),
        r["end"].as_u64().unwrap_or(0),
    )
}

/// Scores the predicted records of one article against its gold line
/// (`{"projects": [...]}` in the SPEC form).
pub fn score_projects(gold: &Json, predicted: &[Project]) -> ProjectScore {
    let mut score = ProjectScore::default();
    let pred: Vec<Json> = predicted
        .iter()
        .map(|p| serde_json::to_value(p).expect("serializes"))
        .collect();
    let gold_all: Vec<&Json> = gold["projects"].as_array().into_iter().flatten().collect();
    let is_batch = |r: &Json| r["kind"] == "batch";
    let gold_named: Vec<&Json> = gold_all.iter().copied().filter(|r| !is_batch(r)).collect();
    let gold_batches: Vec<&Json> = gold_all.iter().copied().filter(|r| is_batch(r)).collect();
    let pred_named: Vec<&Json> = pred.iter().filter(|r| !is_batch(r)).collect();
    let pred_batches: Vec<&Json> = pred.iter().filter(|r| is_batch(r)).collect();
    let id = gold["id"].as_str().unwrap_or("?");

    score.names.gold = gold_named.len();
    score.names.predicted = pred_named.len();
    let mut taken = vec![false; pred_named.len()];
    for g in &gold_named {
        let (gs, ge) = span_of(g);
        let gname = g["name"].as_str().unwrap_or("");
        let by_span = pred_named
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                let (ps, pe) = span_of(p);
                !taken[*i] && ps < ge && gs < pe
            })
            .max_by_key(|(i, p)| {
                let (ps, pe) = span_of(p);
                (pe.min(ge) - ps.max(gs), std::cmp::Reverse(*i))
            })
            .map(|(i, _)| i);
        let by_name = || {
            pred_named.iter().enumerate().find_map(|(i, p)| {
                let pname = p["name"].as_str().unwrap_or("");
                (!taken[i] && !pname.is_empty() && (pname.contains(gname) || gname.contains(pname)))
                    .then_some(i)
            })
        };
        let hit = match by_span {
            Some(i) => {
                score.by_span += 1;
                Some(i)
            }
            None => by_name(),
        };
        let Some(pi) = hit else {
            score.problems.push(format!("  MISS  {id} {gname} @{gs}"));
            continue;
        };
        taken[pi] = true;
        score.names.matched += 1;
        let p = pred_named[pi];
        let mut notes = Vec::new();
        let inv = g["investment"] == p["investment"];
        score.investment.add(inv);
        if !inv {
            notes.push(format!(
                "investment gold {} pred {}",
                g["investment"], p["investment"]
            ));
        }
        let area = g["area"] == p["area"];
        score.area.add(area);
        if !area {
            notes.push(format!("area gold {} pred {}", g["area"], p["area"]));
        }
        let (gp, pp) = (pairs_of(g), pairs_of(p));
        score.milestone_set.add(gp == pp);
        score.pairs.gold += gp.len();
        score.pairs.predicted += pp.len();
        score.pairs.matched += gp.intersection(&pp).count();
        if gp != pp {
            notes.push(format!("milestones gold {gp:?} pred {pp:?}"));
        }
        let (gd, pd) = (dated_of(g), dated_of(p));
        score.milestone_dates.add(gd == pd);
        if gp == pp && gd != pd {
            notes.push(format!("milestone dates gold {gd:?} pred {pd:?}"));
        }
        let pname = p["name"].as_str().unwrap_or("");
        if pname != gname {
            notes.push(format!("name pred {pname}"));
        }
        if !notes.is_empty() {
            score
                .problems
                .push(format!("  FIELD {id} {gname}: {}", notes.join("; ")));
        }
    }
    for (i, p) in pred_named.iter().enumerate() {
        if !taken[i] {
            score
                .problems
                .push(format!("  FP    {id} {} @{} {}", p["name"], p["start"], p));
        }
    }

    score.batches.gold = gold_batches.len();
    score.batches.predicted = pred_batches.len();
    let mut taken = vec![false; pred_batches.len()];
    for g in &gold_batches {
        let (gs, ge) = span_of(g);
        let hit = pred_batches.iter().enumerate().find(|(i, p)| {
            let (ps, pe) = span_of(p);
            !taken[*i] && ps < ge && gs < pe
        });
        let Some((pi, p)) = hit else {
            score.problems.push(format!("  MISS  {id} batch @{gs} {g}"));
            continue;
        };
        taken[pi] = true;
        score.batches.matched += 1;
        let same = ["count", "stages", "date", "investment", "members"]
            .iter()
            .all(|k| g[*k] == p[*k]);
        score.batch_exact.add(same);
        if !same {
            score
                .problems
                .push(format!("  BATCH {id} gold {g}\n              pred {p}"));
        }
    }
    for (i, p) in pred_batches.iter().enumerate() {
        if !taken[i] {
            score.problems.push(format!("  FP    {id} batch {p}"));
        }
    }
    score
}

fn pct(a: Agree) -> String {
    format!(
        "{}/{} = {:.3}",
        a.ok,
        a.of,
        if a.of == 0 {
            0.0
        } else {
            a.ok as f64 / a.of as f64
        }
    )
}

#[test]
fn dev_projects() {
    let text = std::fs::read_to_string(eval_dir().join("dev.jsonl")).expect("dev.jsonl");
    let mut total = ProjectScore::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Json = serde_json::from_str(line).expect("JSON");
        let t = gold["text"].as_str().unwrap_or("");
        let (b0, b1) = (
            gold["body"][0].as_u64().unwrap_or(0) as usize,
            gold["body"][1].as_u64().unwrap_or(0) as usize,
        );
        let predicted: Vec<Project> = projects(t, &options(gold["anchor"].as_str()))
            .into_iter()
            .filter(|p| {
                let (s, e) = match p {
                    Project::Named(r) => (r.start, r.end),
                    Project::Batch(b) => (b.start, b.end),
                };
                s >= b0 && e <= b1
            })
            .collect();
        total.merge(&score_projects(&gold, &predicted));
    }
    let mut out = String::new();
    let n = total.names;
    writeln!(
        out,
        "\n=== dev projects ===\nnamed records: gold {}, pred {}, matched {} ({} by span overlap, {} by name containment)\n  P {:.3} R {:.3} F1 {:.3}",
        n.gold,
        n.predicted,
        n.matched,
        total.by_span,
        n.matched - total.by_span,
        n.p(),
        n.r(),
        n.f1()
    )
    .ok();
    writeln!(
        out,
        "among matched: investment {}, area {}, milestone set {}, milestones with dates {}",
        pct(total.investment),
        pct(total.area),
        pct(total.milestone_set),
        pct(total.milestone_dates)
    )
    .ok();
    let pr = total.pairs;
    writeln!(
        out,
        "(stage, status) pairs of matched records: P {:.3} R {:.3} F1 {:.3}",
        pr.p(),
        pr.r(),
        pr.f1()
    )
    .ok();
    let b = total.batches;
    writeln!(
        out,
        "batches: gold {}, pred {}, matched {}; exact {}",
        b.gold,
        b.predicted,
        b.matched,
        pct(total.batch_exact)
    )
    .ok();
    for p in &total.problems {
        writeln!(out, "{p}").ok();
    }
    println!("{out}");
    assert!(n.f1() >= 0.80, "dev project-name F1 {:.3} < 0.80", n.f1());
}

// ---------------------------------------------------------------------------
// Tables.

fn named(text: &str, anchor: &str) -> Vec<xiangmu::Record> {
    projects(text, &options(Some(anchor)))
        .into_iter()
        .filter_map(|p| match p {
            Project::Named(r) => Some(r),
            Project::Batch(_) => None,
        })
        .collect()
}

fn batches(text: &str, anchor: &str) -> Vec<xiangmu::Batch> {
    projects(text, &options(Some(anchor)))
        .into_iter()
        .filter_map(|p| match p {
            Project::Batch(b) => Some(b),
            Project::Named(_) => None,
        })
        .collect()
}

#[allow(dead_code)]
fn stages(r: &xiangmu::Record) -> Vec<(Stage, Status)> {
    r.milestones.iter().map(|m| (m.stage, m.status)).collect()
}

const A: &str = "2023-06-27";

fn names_of(text: &str) -> Vec<String> {
    named(text, A).into_iter().map(|r| r.name).collect()
}

#[test]
fn name_boundaries() {
    let rows: &[(&str, &str)] = &[
        // after punctuation, 的, 其中, an amount with 的, 在, 将, 等, a date
        (
            "今年3月，云溪新材料产业园项目正式开工。",
            "云溪新材料产业园项目",
        ),
        ("投资12亿元的东岭智能装备基地已经投产。", "东岭智能装备基地"),
        ("投资50亿元以上的北湖风电项目将于年底开工。", "北湖风电项目"),
        ("其中，南湖储能电站项目投资30亿元。", "南湖储能电站项目"),
        ("在江城科创中心，新车间已经投产。", "江城科创中心"),
        (
            "将建设的滨江文旅综合体项目总投资45亿元。",
            "滨江文旅综合体项目",
        ),
        (
            "2022年10月华兴锂电池生产线项目正式投产。",
            "华兴锂电池生产线项目",
        ),
        (
            "集团即将建成东岭精密制造基地二期项目。",
            "东岭精密制造基地二期项目",
        ),
        ("鸿达精密制造MES项目已封顶。", "鸿达精密制造MES项目"),
        // suffixes: 工程 园区 电站 生产线 工厂 广场 中心 城 示范园
        ("西江引水工程已经完工。", "西江引水工程"),
        ("临港智造园区已于去年建成。", "临港智造园区"),
        ("玻璃生产线正在洽谈中。", "玻璃生产线"),
        ("南方动力制造工厂已经投产。", "南方动力制造工厂"),
        ("星汇商业广场定于12月开业。", "星汇商业广场"),
        ("南洲生态新城已签约。", "南洲生态新城"),
        ("朱溪现代农业示范园已开工。", "朱溪现代农业示范园"),
        // quotes and glosses kept as written
        ("青峰“智慧港”项目已完成土地摘牌。", "青峰“智慧港”项目"),
        (
            "鋰電池產(chǎn)業園項目現(xiàn)已投產(chǎn)。",
            "鋰電池產(chǎn)業園項目",
        ),
        (
            "投资80亿元的“碧水”工程和沿江治理项目定于10月开工。",
            "“碧水”工程和沿江治理项目",
        ),
    ];
    let mut bad = Vec::new();
    for (text, want) in rows {
        let got = names_of(text);
        if got.first().map(String::as_str) != Some(*want) {
            bad.push(format!("{text}: {got:?}, want {want}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn generic_phrases_are_no_records() {
    for text in [
        "全市重点项目已全部开工。",
        "一批优质产业项目已落户园区。",
        "全区19个项目实现开工。",
        "这些项目的签约落地，将带动就业。",
        "全市新开工亿元以上项目86个。",
        "株洲市重点产业项目加快建设。",
        "镇江高新区今年新签约产业项目10个。",
        "市长出席开工仪式并宣布项目开工。",
        "该县将推动更多项目签约落地。",
    ] {
        assert!(named(text, A).is_empty(), "{text}: {:?}", names_of(text));
    }
}

#[test]
fn references_join_the_record() {
    // 该项目, the name without 项目, a shortened or variant name, 前者/后者
    let text = "北辰光电项目总投资3亿元。该项目去年签约，北辰光电今年3月开工。";
    let r = named(text, A);
    assert_eq!(r.len(), 1);
    assert_eq!(
        stages(&r[0]),
        [
            (Stage::Signing, Status::Done),
            (Stage::ConstructionStart, Status::Done)
        ]
    );
    let text = "凯丰智能装备产业园项目去年签约。凯丰智能科技项目今年已投产。";
    let r = named(text, A);
    assert_eq!((r.len(), r[0].name.as_str()), (1, "凯丰智能装备产业园项目"));
    let text = "兆丰机电电磁线项目去年竣工。兆丰电磁线项目今年已达产。";
    assert_eq!(named(text, A).len(), 1);
    let text = "東嶺電子材料項目去年竣工。該項目今年已達產(chǎn)。";
    let r = named(text, A);
    assert_eq!(
        stages(&r[0]),
        [
            (Stage::Completion, Status::Done),
            (Stage::FullProduction, Status::Done)
        ]
    );
    let text = "江城装备产业园、江城智慧钢铁城同步落子，后者将建成区域钢铁枢纽。";
    let r = named(text, A);
    assert_eq!((r.len(), r[0].name.as_str()), (1, "江城智慧钢铁城"));
    // two projects of one list stay two
    let text = "中远动力制造工厂、中远功率器件产业园等项目已签约。";
    assert_eq!(named(text, A).len(), 2);
}

#[test]
fn investment_and_area() {
    let r = &named(
        "云溪新材料产业园项目占地320亩，总投资30亿元，一期投资12亿元，已完成投资5亿元。",
        A,
    )[0];
    let inv = r.investment.expect("investment");
    assert_eq!(
        (inv.value.unwrap().to_string(), inv.role),
        (
            "3000000000".to_string(),
            xiangmu::MoneyRole::TotalInvestment
        )
    );
    assert_eq!(r.area.unwrap().value.unwrap().to_string(), "320");
    // a phase investment where no total is given
    let r = &named("9月8日，华光扩能改造项目开工，一期投资80亿元。", A)[0];
    assert_eq!(
        r.investment.unwrap().value.unwrap().to_string(),
        "8000000000"
    );
    // an amount before the name
    let r = &named("投资9.75亿元的青溪抽水蓄能电站项目已经开工。", A)[0];
    assert_eq!(
        r.investment.unwrap().value.unwrap().to_string(),
        "975000000"
    );
    // never completed investment or output
    let r = &named(
        "云溪产业园项目已完成投资5亿元，年产值可达20亿元，今年已投产。",
        A,
    )[0];
    assert_eq!(r.investment, None);
    // a predicate nominal before the amount is not the subject
    let r = &named(
        "华兴储能基地项目是2022年市重点项目，总投资16亿元，现已开工。",
        A,
    )[0];
    assert_eq!(
        r.investment.unwrap().value.unwrap().to_string(),
        "1600000000"
    );
}

#[test]
fn record_milestones_are_one_per_stage_and_status() {
    let text = "云溪产业园项目5月20日正式签约，年底前开工。今年云溪产业园项目已签约落地。";
    let r = &named(text, A)[0];
    let got: Vec<_> = r
        .milestones
        .iter()
        .map(|m| (m.stage, m.status, m.date.map(|d| d.grain)))
        .collect();
    assert_eq!(
        got,
        [
            (Stage::Signing, Status::Done, Some(xiangmu::Grain::Day)),
            (
                Stage::ConstructionStart,
                Status::Planned,
                Some(xiangmu::Grain::Month)
            ),
        ]
    );
}

#[test]
fn list_members_get_the_fact() {
    let text = "今年以来，东岭物流园项目、西山光伏电站、南湖智能制造基地等12个项目实现投产。";
    let r = named(text, A);
    assert_eq!(r.len(), 3);
    assert!(
        r.iter()
            .all(|p| stages(p) == [(Stage::ProductionStart, Status::Done)])
    );
    // 分别: each its own date
    let text = "北辰光电项目和南湖储能电站项目分别于3月、5月开工。";
    let r = named(text, A);
    let months: Vec<_> = r
        .iter()
        .map(|p| p.milestones[0].date.unwrap().start.unwrap().month())
        .collect();
    assert_eq!(months, [3, 5]);
}

#[test]
fn batches_and_members() {
    let text = "5月8日，36个项目集中开工，总投资128亿元。其中，云溪新材料产业园项目投资12亿元。";
    let b = &batches(text, A)[0];
    assert_eq!((b.count, b.start, b.end), (Some(36), 5, 8));
    assert_eq!(b.stages, [Stage::ConstructionStart]);
    assert_eq!(
        b.investment.unwrap().value.unwrap().to_string(),
        "12800000000"
    );
    assert_eq!(b.members, ["云溪新材料产业园项目"]);
    // members take the batch's one stage
    let r = &named(text, A)[0];
    assert_eq!(stages(r), [(Stage::ConstructionStart, Status::Done)]);
    // 集中开竣工: two stages, members take neither
    let text = "10月18日，58个项目集中开竣工，总投资210亿元。其中，星河功率器件产业园投资25亿元。";
    let b = &batches(text, A)[0];
    assert_eq!(b.stages, [Stage::ConstructionStart, Stage::Completion]);
    assert!(named(text, A)[0].milestones.is_empty());
    // no count: the stage word's span; 本次集中签约 joins the batch
    let text = "5月18日，一场招商项目集中签约活动举行。本次集中签约的项目总投资超过70亿元。";
    let all = batches(text, A);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].count, all[0].start, all[0].end), (None, 14, 16));
    assert_eq!(
        all[0].investment.unwrap().value.unwrap().to_string(),
        "7000000000"
    );
    // Traditional script
    let text = "2018年12月18日，18個項目在園區集中簽約。";
    let b = &batches(text, A)[0];
    assert_eq!(
        (b.count, b.stages.as_slice()),
        (Some(18), &[Stage::Signing][..])
    );
}

#[test]
fn records_serialize_to_the_spec_json() {
    let text = "5月8日，36个项目集中开工，总投资128亿元。";
    let json = serde_json::to_value(projects(text, &options(Some(A)))).unwrap();
    assert_eq!(json[0]["kind"], "batch");
    assert_eq!(json[0]["date"]["start"], "2023-05-08");
    assert_eq!(json[0]["investment"]["role"], "total_investment");
    assert!(json[0]["investment"].get("start").is_none());
}

/// Any window of the dev articles: no panic, offsets inside the text,
/// names equal to the text at their offsets.
#[test]
fn windows_of_the_articles_never_panic() {
    let data = std::fs::read_to_string(eval_dir().join("dev.jsonl")).expect("dev.jsonl");
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Json = serde_json::from_str(line).expect("JSON");
        let chars: Vec<char> = gold["text"].as_str().unwrap_or("").chars().collect();
        for start in (0..chars.len()).step_by(37) {
            for len in [5, 23, 160] {
                let piece: String = chars[start..(start + len).min(chars.len())]
                    .iter()
                    .collect();
                let pc: Vec<char> = piece.chars().collect();
                for p in projects(&piece, &options(gold["anchor"].as_str())) {
                    if let Project::Named(r) = p {
                        assert!(r.start < r.end && r.end <= pc.len(), "{piece}");
                        let at: String = pc[r.start..r.end].iter().collect();
                        assert_eq!(at, r.name, "{piece}");
                    }
                }
            }
        }
    }
}

#[test]
fn long_text_without_punctuation_stays_fast() {
    let unit = "云溪新材料产业园项目已开工集中签约该项目将投产";
    let text = unit.repeat(20_000);
    let t = std::time::Instant::now();
    let n = projects(&text, &options(Some(A))).len();
    assert!(n >= 1);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any mix of project words, stage words, cues, numbers and
    /// punctuation: no panic, and every record's name is the text at its
    /// offsets.
    #[test]
    fn arbitrary_mixes_never_panic(parts in proptest::collection::vec(proptest::sample::select(vec![
        "项目", "該項目", "产业园", "基地", "中心", "城", "工程", "生产线", "园区", "开竣工", "开工", "集中",
        "签约", "落户", "竣工", "投產(chǎn)", "主体竣工", "拿地即开工", "“", "”", "‘", "’", "、", "，", ",",
        "。", "\n", "等", "和", "的", "其中", "分别", "前者", "后者", "已", "将", "计划", "正在", "12个",
        "3月", "2023年", "当年", "投资5亿元", "总投资", "用地120亩", "从", "到", "后", "即可", "为",
        "要", "早", "云溪新材料", "北辰", "x", "1", " ", "…", "(", ")", "；", "：",
    ]), 0..40)) {
        let text: String = parts.concat();
        let chars: Vec<char> = text.chars().collect();
        for p in projects(&text, &options(Some(A))) {
            match p {
                Project::Named(r) => {
                    let at: String = chars[r.start..r.end].iter().collect();
                    proptest::prop_assert_eq!(at, r.name);
                }
                Project::Batch(b) => proptest::prop_assert!(b.start < b.end && b.end <= chars.len()),
            }
        }
        for m in xiangmu::extract(&text, &options(None)) {
            proptest::prop_assert_eq!(&text[m.span.range()], m.text);
        }
    }
}

#[test]
fn a_part_right_after_a_name_belongs_to_that_project() {
    // 主体工程 after a project name is a part of it, not a project of its own.
    let text = "城东片区，远航精密机械产业园项目主体工程已于3月竣工，总建筑面积12.8万平方米，力争11月投产。";
    let records = named(text, "2023-06-27");
    let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["远航精密机械产业园项目"]);
    // The part's floor area is the project's.
    let area = records[0].area.expect("the area of the part");
    assert_eq!(
        area.value.map(|v| v.to_string()),
        Some("128000".to_string())
    );
    let stages: Vec<_> = records[0]
        .milestones
        .iter()
        .map(|m| (m.stage, m.status))
        .collect();
    assert_eq!(
        stages,
        [
            (xiangmu::Stage::Completion, xiangmu::Status::Done),
            (xiangmu::Stage::ProductionStart, xiangmu::Status::Planned)
        ]
    );
}
