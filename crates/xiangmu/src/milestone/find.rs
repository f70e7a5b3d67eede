//! Finding milestones: stage words, the rules that keep only events, the
//! status cues, the governing date and the subject.

use super::{Stage, Status};
use crate::charset::{CharSet, Filter};
use crate::date::{DateSpan, Grain, Temporal};
use crate::lexicon::STAGE_WORDS;
use crate::normalize::NormalizedText;
use crate::project::names::{Doc, Query, Subject};
use crate::project::text::{
    self, Order, WordSet, char_at, char_before, close_quote_after, ends_with_any, open_quote_before,
};
use crate::span::Span;
use jiff::civil::Date;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A stage word found at a position: its stage and length in bytes, and
/// the end of the compound it belongs to (`开竣工`: 开 ends at 3, the
/// compound at 9).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StageWord {
    pub(crate) stage: Stage,
    pub(crate) len: usize,
    pub(crate) compound_end: usize,
}

/// The stage word starting at byte `i` of a normalized text.
pub(crate) fn stage_word_at(s: &str, i: usize) -> Option<StageWord> {
    let tail = s.get(i..)?;
    if tail.starts_with("开竣工") {
        return Some(StageWord {
            stage: Stage::ConstructionStart,
            len: "开".len(),
            compound_end: i + "开竣工".len(),
        });
    }
    let (len, k) = STAGE_SET.starts_at_indexed(s, i)?;
    Some(StageWord {
        stage: STAGE_WORDS[k].1,
        len,
        compound_end: i + len,
    })
}

static STRONG_DONE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(STRONG_DONE.iter().copied()));
static WEAK_DONE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WEAK_DONE.iter().copied()));
static PLANNED_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLANNED.iter().copied()));
static ONGOING_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ONGOING.iter().copied()));
/// Words that name no subject, with every cue word.
static NO_SUBJECT_SET: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        [FUNCTION_WORDS, STRONG_DONE, WEAK_DONE, PLANNED, ONGOING]
            .into_iter()
            .flat_map(|l| l.iter().copied()),
    )
});

/// Stage words, the longest at a position first.
static STAGE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(STAGE_WORDS.iter().map(|(w, _)| *w)));

/// Stage words in list order, for the stage word ending at a position.
static STAGE_LISTED: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::with_order(STAGE_WORDS.iter().map(|(w, _)| *w), Order::Listed));

static MODIFIER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MODIFIERS.iter().copied()));
static REFORM_VERB_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(REFORM_VERBS.iter().copied()));
static AIM_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AIMS.iter().copied()));
static AIM_VERB_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::with_order(AIM_VERBS.iter().copied(), Order::Listed));
static DIRECTIVE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(DIRECTIVES.iter().copied()));
static NOW_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOW_WORDS.iter().copied()));
/// Every cue word, for "any cue in this stretch".
static ANY_CUE_SET: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        [STRONG_DONE, WEAK_DONE, PLANNED, ONGOING]
            .into_iter()
            .flat_map(|l| l.iter().copied()),
    )
});
/// Words after a stage word that make it one of a process's stages.
static PROCESS_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(["各个阶段", "各阶段", "环节", "全流程", "全链条", "全周期"]));
/// Words of a simile (`像抓项目开工一样`).
static SIMILE_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(["像", "宛如", "犹如", "如同", "好像", "仿佛", "好比"]));

/// Last characters of the cue words: a walk over a clause looks the cue
/// words up only where one of them may end.
static CUE_LAST: LazyLock<Filter> = LazyLock::new(|| {
    let mut f = Filter::default();
    for w in [STRONG_DONE, WEAK_DONE, PLANNED, ONGOING]
        .into_iter()
        .flatten()
    {
        if let Some(c) = w.chars().next_back() {
            f.insert(c as u32);
        }
    }
    f
});

/// First characters of stage words: the cheap check before a lookup.
pub(crate) static STAGE_STARTS: CharSet =
    CharSet::new("洽在签落入拿供摘土征施四五开动破奠主封合竣建完交验试投运通下达满");

/// Whether the text holds any stage word (a quick check before the
/// names are read); `starts` are the characters of [`STAGE_STARTS`].
pub(crate) fn any_stage_word(s: &str, starts: &[usize]) -> bool {
    starts.iter().any(|&at| stage_word_at(s, at).is_some())
}

/// One milestone found, with what the records need.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The stage word (normalized bytes).
    pub(crate) span: Span,
    pub(crate) stage: Stage,
    pub(crate) status: Status,
    pub(crate) date: Option<DateSpan>,
    pub(crate) subject: Subject,
    /// The project it is said of (a cluster of the doc).
    pub(crate) project: Option<usize>,
    /// `集中开工`: a batch statement (`本次集中签约` too).
    pub(crate) batch: bool,
    /// `分别于1月、2月`: the date of each member, when they pair up.
    pub(crate) member_dates: Vec<Option<DateSpan>>,
}

/// Words after a stage word that make it describe another noun
/// (`开工率`, `投产需求`, `土地出让金`, `验收所需时间`).
const MODIFIERS: &[&str] = &[
    "率",
    "需求",
    "金",
    "总数",
    "所需",
    "里程",
    "成本",
    "商",
    "会",
    "审批",
    "速度",
    "问题",
    "任务",
    "目标",
    "进度",
    "标准",
    "环节",
    "流程",
    "阶段",
    "能力",
    "指标",
    "数量",
    "价",
    "收入",
    "周期",
    "模式",
    "改革",
    "机制",
    "制度",
    "手续",
    "面积",
    "条件",
    "规模",
    "效率",
    "时限",
    "情况",
    "难",
    "主体",
    "窗",
    "即服务",
    "即培育",
    "即配套",
    "需要",
    "需",
    "前",
];

/// Heads that make a quoted phrase or a list the name of a reform, model
/// or campaign (`"竣工即交证"模式`).
const NAME_HEADS: &[&str] = &[
    "改革",
    "模式",
    "机制",
    "行动",
    "理念",
    "制度",
    "工作法",
    "体系",
    "攻坚战",
    "服务",
];

/// Verbs before a quoted model that make it a name (`推行"拿地即开工"`).
const REFORM_VERBS: &[&str] = &["推行", "推广", "实行", "探索", "深化", "复制", "学习"];

/// Aims: `早开工`, `早日投产`.
const AIMS: &[&str] = &["早日", "早一点", "早点", "尽早", "早"];

/// Verbs of aims said of projects in general (`推动项目落地`).
const AIM_VERBS: &[&str] = &["推动", "促进", "助推", "加速", "推进", "抓好", "抓"];

/// Words of a directive (`要加快…，确保项目按期竣工`): a general aim unless
/// a project is named.
const DIRECTIVES: &[&str] = &["要", "必须", "务必", "应当", "须", "需"];

/// Words that hold 要 without making a directive.
const NOT_DIRECTIVE: &[&str] = &[
    "主要", "重要", "需要", "要素", "要求", "只要", "要点", "纪要", "摘要", "紧要", "要闻", "必要",
    "想要", "所需", "急需", "需求", "必需", "无须", "无需",
];

/// Cue words: the text says the stage happened.
const STRONG_DONE: &[&str] = &["已经", "现已", "已于", "已"];
/// Cue words that say it happened unless a planned cue governs them
/// (`力争实现`).
const WEAK_DONE: &[&str] = &[
    "实现了",
    "完成了",
    "实现",
    "完成",
    "顺利",
    "正式",
    "成功",
    "相继",
    "陆续",
    "纷纷",
    "通过",
    "率先",
];
/// Cue words: planned.
const PLANNED: &[&str] = &[
    "即将",
    "将于",
    "计划于",
    "计划",
    "预计于",
    "预计",
    "力争",
    "拟于",
    "拟",
    "定于",
    "有望",
    "确保",
    "争取",
    "规划",
    "准备",
    "为了",
    "能够",
    "可望",
    "力求",
    "将",
];
/// Cue words: under way.
const ONGOING: &[&str] = &["正在", "加快", "加紧", "抓紧", "在建", "在谈"];

/// Words that end the time a date sets: after them the stage is now.
const NOW_WORDS: &[&str] = &[
    "现已", "目前", "如今", "当前", "近日", "日前", "正在", "即将", "现在", "眼下",
];

/// Words that name no subject: what is left of a clause without them is
/// the subject (a thing that is not a project, such as 大桥).
const FUNCTION_WORDS: &[&str] = &[
    "建筑工程",
    "头部批产品",
    "首批产品",
    "主体结构",
    "主体厂房",
    "厂房",
    "车间",
    "标准厂房",
    "就可以",
    "基本上",
    "仅用时",
    "就拿到",
    "全面",
    "全部",
    "基本",
    "成功",
    "就可",
    "可以",
    "能够",
    "一度",
    "年内",
    "当天",
    "目前",
    "如今",
    "近日",
    "日前",
    "截至",
    "同时",
    "并且",
    "随后",
    "此后",
    "之后",
    "最终",
    "终于",
    "首次",
    "率先",
    "领取",
    "办理",
    "取得",
    "拿到",
    "迎来",
    "进入",
    "开始",
    "一是",
    "二是",
    "三是",
    "四是",
    "导致",
    "为了",
    "快速",
    "推进",
    "积极",
    "全力",
    "有序",
    "如期",
    "按期",
    "提前",
    "建设",
    "所需",
    "仅用",
    "用时",
    "已有",
    "累计",
    "产品",
    "首台",
    "整车",
    "一期",
    "二期",
    "三期",
    "主体",
    "就",
    "也",
    "都",
    "即",
    "可",
    "能",
    "还",
    "又",
    "再",
    "均",
    "于",
    "在",
    "并",
    "且",
    "而",
    "了",
    "的",
    "让",
    "使",
    "为",
    "到",
    "自",
    "从",
    "后",
    "有",
    "达",
    "共",
    "新",
    "该项目",
    "项目",
    "同年",
    "当年",
    "次年",
    "翌年",
];

/// Every milestone of a normalized text, in text order; `starts` are the
/// characters of [`STAGE_STARTS`] (where a stage word may start).
pub(crate) fn find_all(
    norm: &NormalizedText<'_>,
    starts: &[usize],
    temporals: &[(Span, Temporal)],
    anchor: Option<Date>,
    doc: &Doc<'_>,
) -> Vec<Found> {
    let s = norm.as_str();
    let mut out = Vec::new();
    let mut from = 0;
    let runs = Runs::default();
    // At the characters of STAGE_STARTS only.
    for &i in starts {
        if i < from {
            continue;
        }
        let Some(w) = stage_word_at(s, i) else {
            continue;
        };
        let span = Span::new(i, i + w.len);
        from = i + w.len;
        let (cs, ce) = doc.seg.clause(i);
        let (ss, se) = doc.seg.sentence(i);
        let ctx = Ctx {
            s,
            doc,
            temporals,
            anchor,
            span,
            word: w,
            runs: &runs,
            clause: (cs, ce.max(w.compound_end)),
            sentence: (ss, se.max(w.compound_end)),
        };
        if let Some(f) = ctx.judge() {
            out.push(f);
        }
    }
    resolve_projects(&mut out, doc);
    out
}

/// Turns subjects into projects: a named subject is its project; with no
/// subject, the project under discussion; when the article is about one
/// project only, every milestone without a subject of its own is its.
fn resolve_projects(found: &mut [Found], doc: &Doc<'_>) {
    let mut seen: Vec<usize> = Vec::new();
    for f in found.iter_mut() {
        f.project = match &f.subject {
            Subject::One(c) => Some(*c),
            Subject::Topic => doc.topic(f.span.start),
            _ => None,
        };
        if f.batch {
            f.project = None;
        }
        if let Some(c) = f.project {
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        if let Subject::Members(m) = &f.subject {
            for c in m {
                if !seen.contains(c) {
                    seen.push(*c);
                }
            }
        }
    }
    if let [only] = seen[..] {
        for f in found.iter_mut() {
            if f.subject == Subject::Topic && f.project.is_none() && !f.batch {
                f.project = Some(only);
            }
        }
    }
}

struct Ctx<'c, 'a> {
    s: &'c str,
    doc: &'c Doc<'a>,
    temporals: &'c [(Span, Temporal)],
    anchor: Option<Date>,
    span: Span,
    word: StageWord,
    runs: &'c Runs,
    /// [`Ctx::clause`] and [`Ctx::sentence`], found once: every rule asks.
    clause: (usize, usize),
    sentence: (usize, usize),
}

/// Where a run of stage words that starts (or ends) at a position ends (or
/// starts), remembered for long runs: a text of nothing but stage words
/// (`开工开工…`) asks this at every word, and walking the whole run each
/// time would take quadratic time.
#[derive(Default)]
struct Runs {
    /// Start of a stage word -> where the run of stage words from it ends.
    forward: RefCell<HashMap<usize, usize>>,
    /// End of a stage word -> where the run of stage words (read back,
    /// in list order) ending there starts.
    backward: RefCell<HashMap<usize, usize>>,
}

/// Runs shorter than this are walked, not remembered.
const LONG_RUN: usize = 4;

impl Runs {
    /// The end of the run of stage words starting at `from` (`from` when
    /// none starts there).
    fn end(&self, s: &str, from: usize) -> usize {
        let mut memo = self.forward.borrow_mut();
        let mut path = Vec::new();
        let mut pos = from;
        let end = loop {
            if !memo.is_empty()
                && let Some(&end) = memo.get(&pos)
            {
                break end;
            }
            match stage_word_at(s, pos) {
                Some(w) => {
                    path.push(pos);
                    pos += w.len;
                }
                None => break pos,
            }
        };
        if path.len() >= LONG_RUN {
            memo.extend(path.into_iter().map(|p| (p, end)));
        }
        end
    }

    /// The start of the run of stage words ending at `to`, each the first
    /// of [`STAGE_WORDS`] that ends where the next starts (`to` when none
    /// ends there).
    fn start(&self, s: &str, to: usize) -> usize {
        let mut memo = self.backward.borrow_mut();
        let mut path = Vec::new();
        let mut pos = to;
        let start = loop {
            if !memo.is_empty()
                && let Some(&start) = memo.get(&pos)
            {
                break start;
            }
            match STAGE_LISTED.ends_at(s, pos) {
                Some(len) => {
                    path.push(pos);
                    pos -= len;
                }
                None => break pos,
            }
        };
        if path.len() >= LONG_RUN {
            memo.extend(path.into_iter().map(|p| (p, start)));
        }
        start
    }
}

impl Ctx<'_, '_> {
    fn word(&self) -> &str {
        &self.s[self.span.range()]
    }

    /// The clause of the word; it ends after the word even when a cut of
    /// an overlong clause falls inside it.
    fn clause(&self) -> (usize, usize) {
        self.clause
    }

    /// The sentence of the word (ending after it, as [`Ctx::clause`]).
    fn sentence(&self) -> (usize, usize) {
        self.sentence
    }

    /// The milestone at this stage word, if the text states an event.
    fn judge(&self) -> Option<Found> {
        if !self.word_ok() || !self.is_event() {
            return None;
        }
        let (status, date) = self.status_and_date();
        let at = self.span.start;
        let batch = self.s[..at].ends_with("集中");
        let settle = matches!(self.word(), "落户" | "入驻" | "入园");
        let blocked = self.clause_names_other_subject();
        let subject = if batch {
            Subject::Members(Vec::new())
        } else {
            self.doc.subject(Query {
                at,
                end: self.word.compound_end,
                explicit_only: settle,
                blocked,
            })
        };
        let member_dates = match &subject {
            Subject::Members(m) if !m.is_empty() => self.respective_dates(m.len()),
            _ => Vec::new(),
        };
        // 分别: each member has its own date, the word none.
        let date = if self.respectively() { None } else { date };
        Some(Found {
            span: self.span,
            stage: self.word.stage,
            status,
            date,
            subject,
            project: None,
            batch,
            member_dates,
        })
    }

    /// Tests on the word and its neighbours that rule out other words.
    fn word_ok(&self) -> bool {
        let s = self.s;
        let (at, end) = (self.span.start, self.span.end);
        let next = char_at(s, end);
        let prev = char_before(s, at);
        let (_, ce) = self.clause();
        match self.word() {
            // 正在谈判: not 在谈.
            "在谈" => !matches!(prev, Some('正' | '现')) && next != Some('判'),
            // ‘四证’: only as a quoted word or with 联发.
            "四证" | "五证" => {
                matches!(prev, Some(c) if text::is_open_quote(c))
                    || matches!(next, Some(c) if text::is_close_quote(c))
            }
            // Signing an agreement counts when it is about an investment.
            "签订" | "签署" => {
                s[end..ce].contains("投资")
                    || s[end..ce].contains("项目")
                    || s[end..ce].contains("合同")
                    || s[end..ce].contains("入园")
                    || s[end..ce].contains("落户")
            }
            "建成" => (next != Some('区') || s[end..].starts_with("区域")) && !self.make_into(),
            "下线" => prev != Some('上'),
            "运营" => self.has_cue_before() || self.governing_date().is_some(),
            _ => true,
        }
    }

    /// `将渌口建成逐梦前哨`: 将/把 X 建成 Y makes X into Y.
    fn make_into(&self) -> bool {
        let s = self.s;
        let at = self.span.start;
        let (cs, _) = self.clause();
        let mut j = at;
        let mut n = 0;
        while j > cs && n < 7 {
            let Some(c) = char_before(s, j) else { break };
            if matches!(c, '将' | '把') {
                return n >= 1;
            }
            if matches!(c, '于' | '在' | '年' | '月' | '日') || c.is_ascii_digit() {
                return false;
            }
            j -= c.len_utf8();
            n += 1;
        }
        false
    }

    fn has_cue_before(&self) -> bool {
        let s = self.s;
        let (cs, _) = self.clause();
        let head = &s[cs..self.span.start];
        ANY_CUE_SET.occurs_in(s, cs, self.span.start)
            || head.ends_with("投入")
            || head.ends_with("开业")
    }

    /// The rules that keep only events.
    fn is_event(&self) -> bool {
        let s = self.s;
        let (at, end) = (self.span.start, self.word.compound_end);
        let (cs, ce) = self.clause();
        let (ss, se) = self.sentence();
        // A modifier after the word: 开工率, 征地拆迁问题, 开工建设所需.
        let mut k = end;
        for skip in ["拆迁", "建设", "达效", "投产"] {
            if s[k..].starts_with(skip) {
                k += skip.len();
            }
        }
        if MODIFIER_SET.starts_at(s, k).is_some() && !s[end..].starts_with("主体") {
            return false;
        }
        // In quotes naming a reform or model.
        if let Some(open) = open_quote_before(s, ss, at) {
            if REFORM_VERB_SET.ends_at(s, open).is_some() {
                return false;
            }
            if let Some(after) = close_quote_after(s, end, se) {
                let (_, ce2) = self.doc.seg.clause(after);
                let tail = &s[after..ce2.max(after)];
                let tail: &str = take_chars(tail, 12);
                if NAME_HEADS.iter().any(|h| tail.contains(h)) {
                    return false;
                }
            }
        }
        // A list item of a named campaign: 征拆供地、…“四大攻坚”行动.
        let tail = &s[end..ce];
        if let Some(p) = tail.find('、') {
            if NAME_HEADS.iter().any(|h| tail[p..].contains(h)) {
                return false;
            }
        }
        // Aims: 早开工, 早一点竣工投产 (over the stage words before).
        let a = self.runs.start(s, at);
        if AIM_SET.ends_at(s, at).is_some() || AIM_SET.ends_at(s, a).is_some() {
            return false;
        }
        // Aim verbs said of projects in general: 推动项目落地.
        if let Some(v) = self.aim_verb_before(cs, at) {
            let named_between = self.doc.refs_in(v, at).iter().any(|r| {
                r.span.end <= at
                    && matches!(
                        r.kind,
                        crate::project::names::RefKind::Named
                            | crate::project::names::RefKind::Demonstrative
                    )
            });
            if !named_between {
                return false;
            }
        }
        // A purpose or a directive said of projects in general: 为项目开工
        // 创造条件; 要加快…，确保项目按期竣工.
        let purpose = s[cs..at].starts_with('为')
            && !s[cs..at].starts_with("为期")
            && !ONGOING.iter().any(|w| s[cs..at].contains(w));
        if (purpose || self.directive_before(ss, at)) && !self.named_before(ss, at) {
            return false;
        }
        // A process: 从洽谈签约到投产达效.
        if self.in_process(ss, se, at) {
            return false;
        }
        if PROCESS_WORDS.occurs_in(s, end, ce) {
            return false;
        }
        // A simile: 像抓项目开工一样.
        let head = &s[cs..at];
        if SIMILE_WORDS.occurs_in(s, cs, at) {
            return false;
        }
        if head.starts_with('如')
            && !["如今", "如期", "如果", "如何", "如此", "如下", "如实"]
                .iter()
                .any(|w| head.starts_with(w))
        {
            return false;
        }
        // A general condition: 企业落户株洲后，即可…
        if let Some(p) = s[end..ce].find('后') {
            let rest = &s[end + p + '后'.len_utf8()..];
            let rest = rest.trim_start_matches([',', '，']);
            if ["即可", "便可", "就可以"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                return false;
            }
        }
        true
    }

    /// Whether a named or demonstrative project stands in `[from, at)`.
    fn named_before(&self, from: usize, at: usize) -> bool {
        use crate::project::names::RefKind;
        self.doc
            .refs_in(from, at)
            .iter()
            .any(|r| r.span.end <= at && matches!(r.kind, RefKind::Named | RefKind::Demonstrative))
    }

    /// A directive word (要, 必须) in `[ss, at)`.
    fn directive_before(&self, ss: usize, at: usize) -> bool {
        let s = self.s;
        // Only where a directive word may start.
        let mut from = ss;
        while let Some(p) = DIRECTIVE_SET.next_start_in(s, from, at) {
            if DIRECTIVE_SET.starts_at(s, p).is_some()
                && !NOT_DIRECTIVE.iter().any(|w| {
                    // The directive character inside a longer word.
                    (0..w.len()).any(|k| p >= k && s.get(p - k..).is_some_and(|t| t.starts_with(w)))
                })
            {
                return true;
            }
            from = p + char_at(s, p).map_or(1, char::len_utf8);
        }
        false
    }

    /// An aim verb in `[cs, at)` not governed by 加快/正在: its start.
    fn aim_verb_before(&self, cs: usize, at: usize) -> Option<usize> {
        let s = self.s;
        let mut j = at;
        // Only where an aim verb may end.
        while let Some(e) = AIM_VERB_SET.prev_end_in(s, cs, j) {
            j = e;
            if let Some(len) = AIM_VERB_SET.ends_at(s, j) {
                let v = j - len;
                let verb = &s[v..j];
                if verb == "推进"
                    && ends_with_any(s, v, &["加快", "正", "在", "正在", "全力加快"]).is_some()
                {
                    return None;
                }
                // 抓紧 is a cue of work under way, not an aim verb.
                if verb == "抓" && s[j..].starts_with('紧') {
                    j = v;
                    continue;
                }
                return Some(v);
            }
            let Some(c) = char_before(s, j) else { break };
            j -= c.len_utf8();
        }
        None
    }

    /// `从…到…` around the word, with no duration (`从开工到投产仅用10个月`
    /// is an event).
    fn in_process(&self, ss: usize, se: usize, at: usize) -> bool {
        let s = self.s;
        let sentence = &s[ss..se];
        let mut from = None;
        for (i, _) in sentence.match_indices('从') {
            let p = ss + i;
            if p >= at {
                break;
            }
            let next = &s[p + '从'.len_utf8()..];
            if ["事", "来", "而", "中", "未", "严", "不"]
                .iter()
                .any(|w| next.starts_with(w))
                || s[..p].ends_with('服')
                || s[..p].ends_with('自')
            {
                continue;
            }
            from = Some(p);
        }
        let Some(from) = from else { return false };
        let after_from = &s[from..se];
        let has_to = ["到", "至", "直至"].iter().any(|w| after_from.contains(w));
        let has_duration = self
            .temporals_in(ss, se)
            .iter()
            .any(|(sp, t)| sp.end <= se && matches!(t, Temporal::Duration(_)));
        has_to && !has_duration
    }

    /// Status from the cue words, then the governing date, then `done`; and
    /// the governing date.
    fn status_and_date(&self) -> (Status, Option<DateSpan>) {
        let date = self.governing_date();
        if matches!(self.word(), "在谈") {
            return (Status::Ongoing, date);
        }
        if let Some(st) = self.cue_before().or_else(|| self.cue_after()) {
            return (st, date);
        }
        let past =
            matches!((date, self.anchor), (Some(d), Some(a)) if d.end.is_some_and(|e| e < a));
        if !past && self.once_done_will() {
            return (Status::Planned, date);
        }
        if date.is_none() && !self.clause_has_date() {
            if let Some(st) = self.inherited_plan() {
                return (st, date);
            }
        }
        if let (Some(d), Some(anchor)) = (date, self.anchor) {
            if d.end.is_some_and(|e| e < anchor) {
                return (Status::Done, date);
            }
            if d.start.is_some_and(|st| st > anchor) {
                return (Status::Planned, date);
            }
            // A month or less that holds the anchor and ends after it.
            if d.grain <= Grain::Month && d.end.is_some_and(|e| e > anchor) && d.start.is_some() {
                return (Status::Planned, date);
            }
        }
        (Status::Done, date)
    }

    /// The nearest cue before the word in its clause.
    fn cue_before(&self) -> Option<Status> {
        let s = self.s;
        let at = self.span.start;
        let (cs, _) = self.clause();
        // 新开工: done.
        let mut weak = s[..at].ends_with('新');
        let mut j = at;
        // Only where a cue word may end.
        while let Some(e) = CUE_LAST.prev_in(s.as_bytes(), cs, j) {
            j = e;
            if STRONG_DONE_SET.ends_at(s, j).is_some() {
                return Some(Status::Done);
            }
            if ONGOING_SET.ends_at(s, j).is_some() {
                return Some(Status::Ongoing);
            }
            if let Some(len) = PLANNED_SET.ends_at(s, j) {
                let w = &s[j - len..j];
                if s[j..].starts_with('了') {
                    return Some(Status::Done);
                }
                if self.is_plan_cue(j - len, w) {
                    return Some(Status::Planned);
                }
                j -= len;
                continue;
            }
            if let Some(len) = WEAK_DONE_SET.ends_at(s, j) {
                weak = true;
                j -= len;
                continue;
            }
            let Some(c) = char_before(s, j) else { break };
            j -= c.len_utf8();
        }
        // 为该项目实现…: a purpose.
        if s[cs..at].starts_with('为') && !s[cs..at].starts_with("为期") {
            return Some(Status::Planned);
        }
        weak.then_some(Status::Done)
    }

    /// Whether a planned cue word at `p` is one (not 投资计划, 将 as 把).
    fn is_plan_cue(&self, p: usize, w: &str) -> bool {
        let s = self.s;
        let after = &s[p + w.len()..];
        match w {
            "计划" => {
                ends_with_any(s, p, &["投资", "建设", "年度", "工作", "发展"]).is_none()
                    && !["的", "表", "书", "体系", "任务"]
                        .iter()
                        .any(|x| after.starts_with(x))
            }
            "规划" => ![
                "的", "引领", "建设", "体系", "设计", "局", "院", "部", "厅", "委", "所", "馆",
                "和", "、", "条件", "红线", "图", "许可",
            ]
            .iter()
            .any(|x| after.starts_with(x)),
            "确保" => !after.starts_with('了'),
            _ => true,
        }
    }

    /// Cues after the word: 洽谈中, 工作推进中, 工作已全部完成, 试生产了.
    fn cue_after(&self) -> Option<Status> {
        let s = self.s;
        let end = self.word.compound_end;
        let (_, ce) = self.clause();
        let tail = take_chars(&s[end..ce], 10);
        if tail.starts_with('中') || tail.starts_with("在建") || tail.contains("推进中") {
            return Some(Status::Ongoing);
        }
        let mut t = tail;
        for skip in ["拆迁", "工作"] {
            if let Some(r) = t.strip_prefix(skip) {
                t = r;
            }
        }
        if t.len() < tail.len() || t.starts_with("正在") || t.starts_with('已') {
            if t.starts_with("正在") {
                return Some(Status::Ongoing);
            }
            if t.starts_with('已') || t.contains("全部完成") {
                return Some(Status::Done);
            }
        }
        if tail.starts_with('了') {
            return Some(Status::Done);
        }
        None
    }

    /// `全面建成后年产值可达…`: once it is done, something will follow.
    fn once_done_will(&self) -> bool {
        let s = self.s;
        // Over the stage words that follow (建成投产后).
        let end = self.runs.end(s, self.word.compound_end);
        if !s[end..].starts_with('后') {
            return false;
        }
        let after = end + '后'.len_utf8();
        let (_, ce) = self.doc.seg.clause(after);
        // The rest of the clause, or the next clause when it ends here.
        let next = ce + char_at(s, ce).map_or(0, char::len_utf8);
        let (_, ce2) = self.doc.seg.clause(next.min(s.len()));
        let rest = s.get(after..ce2.max(after)).unwrap_or("");
        ["可", "将", "能够", "预计"]
            .iter()
            .any(|w| rest.contains(w))
    }

    /// A planned cue in an earlier clause of the sentence (`规划用3年时间,
    /// 投资90亿元,建成…`).
    fn inherited_plan(&self) -> Option<Status> {
        let s = self.s;
        let (cs, _) = self.clause();
        let (ss, _) = self.sentence();
        if cs <= ss {
            return None;
        }
        let mut j = cs;
        // Only where a cue word may end.
        while let Some(e) = CUE_LAST.prev_in(s.as_bytes(), ss, j) {
            j = e;
            if let Some(len) = PLANNED_SET.ends_at(s, j) {
                let w = &s[j - len..j];
                if matches!(w, "为了" | "能够" | "准备") {
                    j -= len;
                    continue;
                }
                if self.is_plan_cue(j - len, w) && !s[j..].starts_with('了') {
                    return Some(Status::Planned);
                }
                j -= len;
                continue;
            }
            if STRONG_DONE_SET.ends_at(s, j).is_some() {
                return None;
            }
            let Some(c) = char_before(s, j) else { break };
            j -= c.len_utf8();
        }
        None
    }

    fn clause_has_date(&self) -> bool {
        let (cs, ce) = self.clause();
        self.temporals_in(cs, ce)
            .iter()
            .any(|(sp, t)| sp.end <= ce && matches!(t, Temporal::Date(_)))
    }

    /// The date that governs the word: the nearest date before it in its
    /// sentence, unless a word of the present (现已, 目前, 即将) or 分别
    /// stands between. An unresolved date (`当年` with no year) governs
    /// with no value.
    fn governing_date(&self) -> Option<DateSpan> {
        let s = self.s;
        let at = self.span.start;
        let (ss, _) = self.sentence();
        let i = self.temporals.partition_point(|(sp, _)| sp.end <= at);
        let (sp, d) = self.temporals[..i]
            .iter()
            .rev()
            .take_while(|(sp, _)| sp.start >= ss)
            .find_map(|(sp, t)| match t {
                Temporal::Date(d) => Some((*sp, *d)),
                Temporal::Duration(_) => None,
            })?;
        let between = &s[sp.end..at];
        if NOW_SET.occurs_in(s, sp.end, at) || between.contains("分别") {
            return None;
        }
        if d.start.is_none() && d.end.is_none() {
            return None;
        }
        Some(d)
    }

    /// The dates and durations that start in `[from, to)`.
    fn temporals_in(&self, from: usize, to: usize) -> &[(Span, Temporal)] {
        let a = self.temporals.partition_point(|(sp, _)| sp.start < from);
        let b = self.temporals.partition_point(|(sp, _)| sp.start < to);
        &self.temporals[a..b.max(a)]
    }

    fn respectively(&self) -> bool {
        let (cs, _) = self.clause();
        self.s[cs..self.span.start].contains("分别")
    }

    /// `分别于1月、2月`: one date per member, in order.
    fn respective_dates(&self, n: usize) -> Vec<Option<DateSpan>> {
        if !self.respectively() {
            return Vec::new();
        }
        let (cs, _) = self.clause();
        let at = self.span.start;
        let Some(p) = self.s[cs..at].find("分别") else {
            return Vec::new();
        };
        let from = cs + p;
        let dates: Vec<Option<DateSpan>> = self
            .temporals_in(from, at)
            .iter()
            .filter(|(sp, _)| sp.end <= at)
            .filter_map(|(_, t)| match t {
                Temporal::Date(d) => Some((d.start.is_some() || d.end.is_some()).then_some(*d)),
                Temporal::Duration(_) => None,
            })
            .collect();
        if dates.len() == n { dates } else { Vec::new() }
    }

    /// Whether the clause names, before the word, a subject that is not a
    /// project (`大桥主体顺利合拢`, `双方已签署`): what is left of it
    /// without cue words, dates, stage words and function words.
    fn clause_names_other_subject(&self) -> bool {
        let s = self.s;
        let at = self.span.start;
        let (cs, _) = self.clause();
        let mut j = cs;
        let mut content = 0;
        let mut t = self.temporals.partition_point(|(sp, _)| sp.end <= cs);
        while j < at {
            while t < self.temporals.len() && self.temporals[t].0.start < j {
                t += 1;
            }
            if t < self.temporals.len() && self.temporals[t].0.start == j {
                j = self.temporals[t].0.end.max(j + 1);
                continue;
            }
            if let Some(w) = stage_word_at(s, j) {
                j += w.len;
                continue;
            }
            if let Some(len) = NO_SUBJECT_SET.starts_at(s, j) {
                j += len;
                continue;
            }
            let Some(c) = char_at(s, j) else { break };
            if text::is_ideograph(c) {
                content += 1;
                if content >= 2 {
                    return true;
                }
            }
            j += c.len_utf8();
        }
        false
    }
}

/// At most `n` characters of `s`.
fn take_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_test_knows_every_stage_word() {
        for (w, _) in STAGE_WORDS {
            let c = w.chars().next().unwrap();
            assert!(STAGE_STARTS.contains(c) && c.len_utf8() == 3, "{w}");
        }
    }

    #[test]
    fn longest_stage_word_wins() {
        let w = stage_word_at("主体竣工", 0).unwrap();
        assert_eq!((w.stage, w.len), (Stage::ToppingOut, "主体竣工".len()));
        let w = stage_word_at("开竣工", 0).unwrap();
        assert_eq!(
            (w.stage, w.len, w.compound_end),
            (Stage::ConstructionStart, 3, 9)
        );
        assert!(stage_word_at("开展", 0).is_none());
    }
}
