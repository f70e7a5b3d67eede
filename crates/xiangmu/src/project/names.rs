//! Project names and the references that join them into records.
//!
//! A name is a noun phrase ending in one of [`SUFFIXES`] (`项目`, `产业园`,
//! `中心` ...), read leftwards from the suffix to the nearest boundary:
//! punctuation, `的`, a function word or verb of [`LEFT_STOPS`], a date, a
//! stage word. Phrases that name no particular project (`重点项目`,
//! `一批项目`, `19个项目`) are kept as references of another kind, so that a
//! milestone said of them gets no project.

use super::text::{
    self, Order, Segments, WordSet, char_at, char_before, ends_with_any, starts_with_any,
};
use crate::candidates::Candidates;
use crate::charset::{CharSet, Filter};
use crate::lexicon::STAGE_WORDS;
use crate::normalize::NormalizedText;
use crate::span::Span;
use std::sync::LazyLock;

/// Words that end a project name, longest first at one position.
pub(crate) const SUFFIXES: &[&str] = &[
    "产业园区",
    "示范园区",
    "生产线",
    "产业园",
    "示范园",
    "项目",
    "工程",
    "园区",
    "基地",
    "电站",
    "工厂",
    "广场",
    "中心",
    "城",
];

/// First characters of suffixes, 前者 and 后者.
pub(crate) static NAME_STARTS: CharSet = CharSet::new("项工产示园基电生广中城前后");

/// Second characters of the suffixes (all but 城 have one).
static SUFFIX_SECOND: CharSet = CharSet::of_second_chars(SUFFIXES);

static SUFFIX_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SUFFIXES.iter().copied()));

/// Left stops and stage words: a name starts after them.
static LEFT_STOP_SET: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        LEFT_STOPS
            .iter()
            .copied()
            .chain(STAGE_WORDS.iter().map(|(w, _)| *w)),
    )
});

static STAGE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(STAGE_WORDS.iter().map(|(w, _)| *w)));

/// [`GENERIC`] in list order: stripping takes the first word that matches.
static GENERIC_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::with_order(GENERIC.iter().copied(), Order::Listed));

/// [`SUFFIXES`] in list order, for stripping them from the end of a name.
static SUFFIX_LISTED: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::with_order(SUFFIXES.iter().copied(), Order::Listed));

static COMPANY_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::with_order(COMPANY_WORDS.iter().copied(), Order::Listed));

static PLURAL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PLURAL.iter().copied()));

static DEMONSTRATIVE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(DEMONSTRATIVE.iter().copied()));

static BARE_MODIFIER_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(BARE_MODIFIERS.iter().copied()));

/// How far after its first mention (bytes) the name without `项目` is
/// looked for.
const CORE_SEARCH_WINDOW: usize = 30_000;

/// How many recent records a new name is compared with.
const MAX_CLUSTERS_COMPARED: usize = 256;

/// Words that may not stand directly left of a name: the name starts after
/// them.
const LEFT_STOPS: &[&str] = &[
    // Function words.
    "的",
    "在",
    "将",
    "等",
    "和",
    "与",
    "及",
    "其中",
    "还有",
    "有",
    "是",
    "了",
    "为",
    "对",
    "把",
    "让",
    "使",
    "由",
    "从",
    "向",
    "于",
    "即",
    "就",
    "也",
    "都",
    "又",
    "并",
    "或",
    "个",
    "批",
    "家",
    "到",
    "着",
    "著",
    "以",
    "跟",
    "同",
    "给",
    "被",
    "暨",
    "随着",
    "随著",
    "经过",
    "按照",
    "通过",
    "一场",
    "特别是",
    "尤其是",
    "例如",
    "比如",
    "像",
    "如",
    "已",
    "正",
    "今年",
    "去年",
    "明年",
    "目前",
    "当前",
    "同时",
    "连同",
    "看",
    // Verbs that take a project as object.
    "新生",
    "位于",
    "引进",
    "引入",
    "推动",
    "推进",
    "促进",
    "助推",
    "加速",
    "建成",
    "建设成",
    "建设",
    "实施",
    "支持",
    "开展",
    "打造成",
    "打造为",
    "打造",
    "加快",
    "抓好",
    "协助",
    "包括",
    "涉及",
    "作为",
    "成为",
    "属于",
    "启动",
    "围绕",
    "聚焦",
    "申报",
    "助力",
    "参与",
    "承建",
    "来到",
    "走进",
    "前往",
    "视察",
    "调研",
    "考察",
    "办理",
    "完成",
    "实现",
    "领取",
    "拿到",
    "取得",
    "获批",
    "入选",
    "列入",
    "纳入",
    "联合",
    "培育",
    "壮大",
    "谋划",
    "储备",
    "策划",
    "招引",
    "落子",
    "组织",
    "召开",
    "举行",
    "举办",
    "落实",
    "倒逼",
    "清理",
    "确保",
    "跑出",
    "飞出",
    "提升",
    "持续",
    "营造",
    "突出",
    "力争",
    "解读",
    "喜迎",
    "瞄准",
    "搭起",
    "搭建",
    "坚持",
    "覆盖",
    "承诺",
    "推出",
    "构建",
    "创建",
    "吹响",
    "发布",
    "进行",
    "增进",
    "获悉",
    "加强",
    "强化",
    "优化",
    "冲刺",
    "决胜",
    "建立",
    "设立",
    "成立",
    "帮助",
    "协调",
    "对接",
    "走访",
    "调度",
    "督导",
    "指导",
    "保障",
    "保证",
    "做好",
    "办好",
    "紧盯",
    "跟踪",
    "拉动",
    "带动",
    "吸引",
    "迎来",
    "签下",
    "拿下",
    "新签",
    "新增",
    "入库",
    "统筹",
    "布局",
    "形成",
    "打响",
    "掀起",
    "汇聚",
    "聚集",
    "集聚",
    "依托",
    "借助",
    "挂钩",
    "服务",
    "谋",
    "抓",
    "争",
    "占",
    "赴",
    "盯",
    "抢",
    "干",
    "上",
    "下",
    "新引进",
    "一批",
    "健全",
    "介入",
    "内设",
    "根据",
    "定制",
    "量身定制",
    "别开生面",
    "宣布",
    "见证",
    "推介",
    "观摩",
    "检查",
    "督查",
    "保障",
];

/// Words that make a phrase ending in a suffix name no particular project:
/// stripped from the left, a phrase with less than two characters left is
/// generic (`重点项目`, `省重大产业项目`, `招商中心`).
const GENERIC: &[&str] = &[
    "重点建设",
    "基础设施",
    "亿元以上",
    "万元以上",
    "国家级",
    "制造业",
    "产业化",
    "标志性",
    "四新经济",
    "产学研",
    "重点",
    "重大",
    "产业",
    "招商",
    "建设",
    "新建",
    "续建",
    "在建",
    "在谈",
    "在库",
    "储备",
    "优质",
    "工业",
    "省级",
    "市级",
    "区级",
    "县级",
    "单体",
    "传统",
    "新兴",
    "科技",
    "创新",
    "民生",
    "社会",
    "政府",
    "投资",
    "签约",
    "开工",
    "竣工",
    "引进",
    "招引",
    "实施",
    "攻关",
    "攻坚",
    "示范",
    "龙头",
    "配套",
    // 主体工程, 一期工程 … of the project just named: a part, not a project.
    "主体",
    "基金",
    "贷款",
    "融资",
    "经济",
    "数字",
    "百亿",
    "千亿",
    "十亿",
    "亿元",
    "以上",
    "头部",
    "其他",
    "同类",
    "涉株",
    "集中",
    "研发",
    "服务",
    "政务",
    "企业",
    "市民",
    "会展",
    "商务",
    "科研",
    "总部",
    "拟建",
    "已建",
    "项目",
    "建筑",
    "区域",
    "制造",
    "高新",
    "技术",
    "管理",
    "信息",
    "文化",
    "活动",
    "综合",
    "专业",
    "检测",
    "交易",
    "调度",
    "指挥",
    "生产",
    "接待",
    "展示",
    "年内",
    "发改委",
    "关键",
    "开发",
    "领域",
    "工作",
    "高质量",
    "经营性",
    "县市区",
    "进度滞后",
    "联点",
    "小",
    "一次性",
    "自主品牌",
    "商业",
    "孵化",
    "大",
    "好",
    "新",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "级",
    "各",
    "类",
    "期",
    "批",
    "型",
];

/// Words before a phrase that make it a set of projects.
const PLURAL: &[&str] = &[
    "更多的",
    "更多",
    "大量",
    "许多",
    "一大批",
    "一系列",
    "一个个",
    "这些",
    "那些",
    "一批",
    "大批",
    "众多",
    "多个",
    "各个",
    "各类",
    "各项",
    "所有",
    "一些",
    "部分",
    "其他",
    "其余",
    "诸多",
    "系列",
    "多批",
    "各",
];

/// Words that start a phrase referring back to a project.
const DEMONSTRATIVE: &[&str] = &["该", "这个", "这一", "此", "本", "上述", "这"];

/// Words after a bare or generic `项目` that make it a modifier, not a
/// reference (`项目建设`, `项目负责人`).
const BARE_MODIFIERS: &[&str] = &[
    "建设",
    "推进",
    "服务",
    "负责人",
    "部",
    "用地",
    "审批",
    "招引",
    "进度",
    "现场",
    "工地",
    "管理",
    "策划",
    "开发",
    "储备",
    "前期",
    "报建",
    "施工",
    "资金",
    "单位",
    "谋划",
    "攻坚",
    "调度",
    "对接",
    "库",
    "化",
    "专员",
    "帮",
    "代办",
    "全生命周期",
    "提速",
    "之一",
    "立项",
    "概算",
    "领域",
    "体系",
    "法人",
    "业主",
    "经理",
    "组",
    "办",
    "的",
    "投资",
    "引进",
    "落地",
    "签约",
    "为王",
    "看",
    "比",
    "论",
    "夯实",
    "是",
    "信息",
    "作战",
    "挂",
    "红旗",
    "每",
    "遇到",
    "才能",
    "陷入",
    "高速",
];

/// Generic company words at the end of a short name (`锐扬智能科技`): the
/// rest is the company's name, which may head a longer project name.
const COMPANY_WORDS: &[&str] = &[
    "新材料",
    "新能源",
    "科技",
    "智能",
    "材料",
    "电子",
    "集团",
    "股份",
    "实业",
    "机电",
    "控股",
];

/// What a phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// A project name (`诺天科技项目`).
    Named,
    /// `该项目`, `这个项目`, `此项目`: the project under discussion.
    Demonstrative,
    /// `项目` alone: the project under discussion, when one is.
    Bare,
    /// `重点项目`, `好项目`, `开工项目`: no particular project.
    Generic,
    /// `这些项目`, `一批项目`: several projects.
    Plural,
    /// `162个项目`, `项目181个`: a counted set.
    Count,
    /// `前者`.
    Former,
    /// `后者`.
    Latter,
}

/// One reference to a project (or a set of them) in the normalized text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ref {
    pub(crate) span: Span,
    pub(crate) kind: RefKind,
    /// The record a `Named` reference joins.
    pub(crate) cluster: usize,
    /// An item of a list (`A、B等`, `A和B`).
    pub(crate) listed: bool,
}

/// One record: the references that name the same project.
#[derive(Debug, Clone)]
pub(crate) struct Cluster<'a> {
    /// The first mention (normalized bytes).
    pub(crate) first: Span,
    /// The name without suffixes, for matching.
    core: Key<'a>,
    /// `core` without a leading place name.
    bare: Key<'a>,
}

/// The names and references of a normalized text.
#[derive(Debug, Clone)]
pub(crate) struct Doc<'a> {
    pub(crate) s: &'a str,
    pub(crate) seg: Segments,
    pub(crate) refs: Vec<Ref>,
    pub(crate) clusters: Vec<Cluster<'a>>,
}

/// Who a fact is said of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// One named project (a cluster index).
    One(usize),
    /// Several projects: the named ones given (possibly none).
    Members(Vec<usize>),
    /// No subject in the sentence: the project under discussion, if any.
    Topic,
    /// Something that is not a project, or nothing known.
    Null,
}

/// How to look for a subject.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Query {
    /// First byte of the word the subject is looked for.
    pub(crate) at: usize,
    /// One past its last byte.
    pub(crate) end: usize,
    /// Only a named or demonstrative project counts (settling words, money).
    pub(crate) explicit_only: bool,
    /// The word's own clause names something that is not a project before
    /// it: earlier clauses are not searched.
    pub(crate) blocked: bool,
}

fn is_name_char(c: char) -> bool {
    text::is_ideograph(c)
        || c.is_ascii_alphanumeric()
        || matches!(c, '×' | '·' | '“' | '”' | '‘' | '’')
}

/// Words after each suffix of [`SUFFIXES`] (in its order) that make it
/// part of another word (`项目部`, `工程师`), or of a longer name ending in
/// 项目 there.
const BAD_NEXT: [&[&str]; SUFFIXES.len()] = [
    &[],
    &[],
    &["项目"],
    &["区", "项目"],
    &["区", "项目"],
    &["部", "组", "办", "库", "经理", "群", "法人", "业主"],
    &["师", "院", "学", "局", "施工", "建设项目", "项目"],
    &["项目"],
    &["块", "项目"],
    &["项目"],
    &["项目"],
    &["项目"],
    &["城", "区", "副", "主任", "主", "工作", "内部", "项目"],
    &[],
];

/// [`BAD_NEXT`] as word sets: one lookup, not one comparison per word.
static BAD_NEXT_SETS: LazyLock<Vec<WordSet>> = LazyLock::new(|| {
    BAD_NEXT
        .iter()
        .map(|w| WordSet::new(w.iter().copied()))
        .collect()
});

/// Ideographs that may follow 城 when it ends a name (`…城签约`).
static CITY_NEXT: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new([
        "等", "和", "与", "及", "的", "项", "落", "签", "开", "建", "将", "已", "同", "是", "位",
        "在", "正", "于", "二", "一", "三", "总", "计", "预", "顺", "竣",
    ])
});

/// The position of 城 and 中心 in [`SUFFIXES`].
const CITY: usize = SUFFIXES.len() - 1;
const CENTER: usize = SUFFIXES.len() - 2;

/// The suffix that starts at byte `i`, if it may end a name there.
fn suffix_at(s: &str, i: usize) -> Option<usize> {
    let (len, k) = SUFFIX_SET.starts_at_indexed(s, i)?;
    let after_at = i + len;
    // A suffix followed by 项目 is part of a longer name ending there.
    if BAD_NEXT_SETS[k].starts_at(s, after_at).is_some() {
        return None;
    }
    if k == CITY {
        let prev = char_before(s, i);
        if matches!(
            prev,
            Some('名' | '县' | '省' | '全' | '进' | '京' | '古' | '长' | '都' | '卫')
        ) {
            return None;
        }
        if char_at(s, after_at).is_some_and(text::is_ideograph)
            && (CITY_NEXT.starts_at(s, after_at).is_none() || s[after_at..].starts_with("建设"))
        {
            return None;
        }
    }
    if k == CENTER && char_before(s, i) == Some('为') {
        return None;
    }
    Some(len)
}

/// Past `end`: a phase (`二期`) or an ASCII tag (`MES`) followed by another
/// suffix continues the name.
fn extend_right(s: &str, mut end: usize) -> usize {
    loop {
        let mut j = end;
        // Optional phase or tag.
        let mut k = j;
        while let Some(c) = char_at(s, k) {
            if c.is_ascii_alphanumeric() || text::is_numeral(c) {
                k += c.len_utf8();
            } else {
                break;
            }
        }
        if k > j && s[k..].starts_with('期') {
            k += '期'.len_utf8();
        }
        if k > j {
            j = k;
        }
        match suffix_at(s, j).or_else(|| starts_with_any(s, j, &["项目"])) {
            Some(len) if j + len > end => end = j + len,
            _ => return end,
        }
    }
}

/// The left edge of the name whose suffix starts at `a`.
fn left_edge(s: &str, a: usize, floor: usize) -> usize {
    let mut l = a;
    let max_back = 32 * 3;
    while l > floor && a - l < max_back {
        if LEFT_STOP_SET.ends_at(s, l).is_some() || ends_with_date_word(s, l) {
            break;
        }
        let Some(c) = char_before(s, l) else { break };
        if !is_name_char(c) {
            break;
        }
        l -= c.len_utf8();
    }
    // Quotation marks must pair inside the name: an unbalanced opening
    // mark starts it (认真落实“重大项目).
    let mut depth = 0i32;
    let mut cut = None;
    for (k, c) in s[l..a].char_indices().rev() {
        if text::is_close_quote(c) {
            depth += 1;
        } else if text::is_open_quote(c) {
            if depth == 0 {
                cut = Some(l + k + c.len_utf8());
                break;
            }
            depth -= 1;
        }
    }
    if let Some(c) = cut {
        l = c;
    }
    while let Some(c) = char_at(s, l) {
        if l >= a {
            break;
        }
        // The marks of the rest are counted only at an opening mark (most
        // names start with none).
        let drop = text::is_close_quote(c)
            || (text::is_open_quote(c) && {
                let inner = &s[l..a];
                let opens = inner.chars().filter(|&c| text::is_open_quote(c)).count();
                let closes = inner.chars().filter(|&c| text::is_close_quote(c)).count();
                opens > closes
            });
        if drop {
            l += c.len_utf8();
        } else {
            break;
        }
    }
    l
}

pub(crate) fn ends_with_stage_word(s: &str, i: usize) -> bool {
    STAGE_SET.ends_at(s, i).is_some()
}

/// `2018年`, `6月`, `今年`: a date word ends at `i`.
fn ends_with_date_word(s: &str, i: usize) -> bool {
    let Some(c) = char_before(s, i) else {
        return false;
    };
    if !matches!(c, '年' | '月' | '日' | '号') {
        return false;
    }
    let before = char_before(s, i - c.len_utf8());
    matches!(before, Some(b) if text::is_numeral(b) || matches!(b, '今' | '去' | '明' | '当' | '次' | '本' | '前' | '每' | '半' | '上' | '下'))
}

/// A count (`19个`, `11家`) ends at `i`: its start.
pub(crate) fn count_ending_at(s: &str, i: usize) -> Option<usize> {
    let c = char_before(s, i)?;
    if !matches!(c, '个' | '家' | '项' | '批' | '宗' | '座') {
        return None;
    }
    let mut j = i - c.len_utf8();
    let digits_end = j;
    while let Some(d) = char_before(s, j) {
        if text::is_numeral(d) || d == '.' {
            j -= d.len_utf8();
        } else {
            break;
        }
    }
    (j < digits_end).then_some(j)
}

/// A count (`53个`) starts at `i`: its end.
pub(crate) fn count_starting_at(s: &str, i: usize) -> Option<usize> {
    let mut j = i;
    while let Some(d) = char_at(s, j) {
        if text::is_numeral(d) || d == '.' {
            j += d.len_utf8();
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    let c = char_at(s, j)?;
    if !matches!(c, '个' | '家' | '项' | '批' | '宗' | '座') {
        return None;
    }
    let after = &s[j + c.len_utf8()..];
    // 一个个项目: a reduplication, not a count.
    if after.starts_with(c) {
        return None;
    }
    // 1个多月, 24个小时, 5个工作日: durations.
    if [
        "月",
        "多月",
        "小时",
        "工作日",
        "星期",
        "季度",
        "年",
        "百分点",
        "点",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return None;
    }
    Some(j + c.len_utf8())
}

/// Whether a name without its suffix names no particular project: a
/// place with generic words (`株洲市重点产业`), an amount (`近百亿元`).
fn generic_core(core: &str) -> bool {
    if core.contains("亿元") || core.contains("万元") || is_place(core) {
        return true;
    }
    let mut rest = core;
    // A leading place: up to five characters ending in 区/县/市/省.
    for (i, c) in core.char_indices().take(6) {
        if matches!(c, '区' | '县' | '市' | '省') && i > 0 {
            rest = &core[i + c.len_utf8()..];
            break;
        }
    }
    let mut rest = strip_generic(rest);
    while let Some(len) = GENERIC_SET.ends_at(rest, rest.len()) {
        rest = &rest[..rest.len() - len];
    }
    rest.chars().count() < 2
}

fn strip_generic(mut core: &str) -> &str {
    loop {
        let before = core.len();
        if let Some(len) = GENERIC_SET.starts_at(core, 0) {
            core = &core[len..];
        }
        while let Some(c) = core.chars().next() {
            if text::is_numeral(c)
                || c.is_ascii_digit()
                || matches!(c, '个' | '年' | '月' | '号' | '期')
            {
                core = &core[c.len_utf8()..];
            } else {
                break;
            }
        }
        if core.len() == before {
            return core;
        }
    }
}

/// A place name alone (`渌口区`, `株洲市`): not a project.
fn is_place(core: &str) -> bool {
    let n = core.chars().count();
    n <= 6 && core.ends_with(['区', '县', '市', '省', '镇', '乡'])
}

/// Strips trailing suffixes (and phases) from a name.
fn core_of(name: &str) -> &str {
    let mut core = name;
    loop {
        let before = core.len();
        if let Some(len) = SUFFIX_LISTED.ends_at(core, core.len()) {
            core = &core[..core.len() - len];
        }
        if let Some(c) = core.strip_suffix('期') {
            let t = c.trim_end_matches(|ch: char| text::is_numeral(ch));
            if t.len() < c.len() {
                core = t;
            }
        }
        if core.len() == before || core.is_empty() {
            return core;
        }
    }
}

/// `core` without a leading place name (`渌口区`, `株洲市`, `攸县`).
fn without_place(core: &str) -> &str {
    let chars = core.chars().count();
    for n in (1..=4).rev() {
        if chars < n + 4 {
            continue;
        }
        let mut it = core.char_indices().skip(n);
        let Some((at, c)) = it.next() else { continue };
        if matches!(c, '区' | '县' | '市' | '省' | '镇' | '乡')
            && core[..at].chars().all(text::is_ideograph)
        {
            return &core[at + c.len_utf8()..];
        }
    }
    core
}

/// Whether the characters of `short` appear in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

/// A name prepared for matching: its text without suffixes, its length in
/// characters, and the byte length of its company head (`锐扬` of
/// `锐扬智能科技`), if generic company words end it. Slices of the text:
/// nothing is allocated.
#[derive(Debug, Clone, Copy)]
struct Key<'a> {
    text: &'a str,
    chars: usize,
    head: Option<usize>,
    first: Option<char>,
}

impl<'a> Key<'a> {
    fn new(text: &'a str) -> Key<'a> {
        let mut company = text;
        while let Some(len) = COMPANY_SET.ends_at(company, company.len()) {
            company = &company[..company.len() - len];
        }
        let chars = text.chars().count();
        let n = company.chars().count();
        let head = (n >= 2 && n < chars).then_some(company.len());
        Key {
            text,
            chars,
            head,
            first: text.chars().next(),
        }
    }
}

/// Whether two name keys name the same project.
fn same_project(a: &Key<'_>, b: &Key<'_>) -> bool {
    // Every test below needs the same first character.
    if a.first != b.first {
        return false;
    }
    if a.text == b.text {
        return true;
    }
    let (short, long) = if a.chars <= b.chars { (a, b) } else { (b, a) };
    if short.chars >= 3 {
        let two = short
            .text
            .char_indices()
            .nth(2)
            .map_or(short.text.len(), |(i, _)| i);
        if long.text.starts_with(&short.text[..two]) && is_subsequence(short.text, long.text) {
            return true;
        }
    }
    // A company name with generic words (锐扬智能科技) heads the other name.
    let heads = |x: &Key<'_>, y: &Key<'_>| x.head.is_some_and(|n| y.text.starts_with(&x.text[..n]));
    heads(a, b) || heads(b, a)
}

/// A name without `项目`, looked for after its first mention.
struct Core<'c> {
    core: &'c str,
    cluster: usize,
    from: usize,
    to: usize,
    /// Where the next match may start (matches do not overlap).
    next: usize,
}

/// Up to this many cores, each is looked for by itself with a vectorized
/// substring search (many times faster per byte than a test at every
/// character); more share one pass over the text ([`scan_cores`]).
const MAX_CORES_SEARCHED_ALONE: usize = 16;

/// Every core in its window, all in one pass over the text (the cores are
/// indexed by first character): pushes `(start, core order, span)` to
/// `found`, what one `match_indices` per core would find.
fn scan_cores(b: &[u8], cores: &mut [Core<'_>], found: &mut Vec<(usize, usize, Span)>) {
    // (first character, core) sorted, and a filter on the character.
    let mut by_first: Vec<(u32, usize)> = cores
        .iter()
        .enumerate()
        .filter_map(|(k, c)| Some((c.core.chars().next()? as u32, k)))
        .collect();
    by_first.sort_unstable();
    let mut filter = Filter::default();
    for &(c, _) in &by_first {
        filter.insert(c);
    }
    let scan_from = cores.iter().map(|c| c.from).min().unwrap_or(0);
    let scan_to = cores.iter().map(|c| c.to).max().unwrap_or(0);
    let mut next = scan_from;
    while let Some(p) = filter.next_in(b, next, scan_to) {
        next = p + usize::from(crate::charset::UTF8_LEN[usize::from(b[p])]);
        let c = crate::words::cp_at(b, p);
        let first = by_first.partition_point(|&(f, _)| f < c);
        for &(f, k) in &by_first[first..] {
            if f != c {
                break;
            }
            let core = &mut cores[k];
            let end = p + core.core.len();
            if p >= core.next
                && p >= core.from
                && end <= core.to
                && b[p..].starts_with(core.core.as_bytes())
            {
                core.next = end;
                found.push((p, k, Span::new(p, end)));
            }
        }
    }
}

impl<'a> Doc<'a> {
    /// Finds the names and references of a normalized text (the tests'
    /// entry point).
    #[cfg(test)]
    pub(crate) fn new(s: &'a str) -> Doc<'a> {
        Doc::with_candidates(s, &Candidates::new(s))
    }

    /// Finds the names and references of a normalized text, whose
    /// candidates (its clause boundaries and the characters of
    /// [`NAME_STARTS`]) are already found.
    pub(crate) fn with_candidates(s: &'a str, candidates: &Candidates) -> Doc<'a> {
        let seg = Segments::from_boundaries(s, &candidates.boundary);
        let mut refs = Vec::new();
        let mut from = 0;
        let mut floor = 0;
        // Every suffix, 前者 and 后者 start with a three-byte character.
        for &i in &candidates.name {
            if i < from {
                continue;
            }
            let Some(c) = char_at(s, i) else { break };
            let step = c.len_utf8();
            from = i + step;
            if matches!(c, '前' | '后') {
                if s[i + step..].starts_with('者') {
                    let kind = if c == '前' {
                        RefKind::Former
                    } else {
                        RefKind::Latter
                    };
                    refs.push(Ref {
                        span: Span::new(i, i + step + '者'.len_utf8()),
                        kind,
                        cluster: usize::MAX,
                        listed: false,
                    });
                    from = i + step + '者'.len_utf8();
                }
                continue;
            }
            // Every suffix but 城 has a second character of SUFFIX_SECOND.
            if c != '城' && !char_at(s, from).is_some_and(|n| SUFFIX_SECOND.contains(n)) {
                continue;
            }
            let Some(len) = suffix_at(s, i) else {
                continue;
            };
            let end = extend_right(s, i + len);
            let l = left_edge(s, i, floor);
            floor = end;
            from = end;
            if let Some(r) = classify(s, l, end) {
                refs.push(r);
            }
        }
        merge_pairs(s, &mut refs);
        let mut doc = Doc {
            s,
            seg,
            refs,
            clusters: Vec::new(),
        };
        doc.mark_lists();
        doc.cluster();
        doc.add_core_refs();
        doc.mark_lists();
        doc
    }

    fn mark_lists(&mut self) {
        for i in 0..self.refs.len() {
            let listed = self.compute_in_list(i);
            self.refs[i].listed = listed;
        }
    }

    /// The name without `项目` (`诺天科技` for `诺天科技项目`), where the text
    /// writes it, joins the record too.
    ///
    /// Every name is looked for in a window after its first mention, with
    /// what one `match_indices` per name would find: each by itself when
    /// there are few, else all in one pass ([`scan_cores`]).
    fn add_core_refs(&mut self) {
        let s = self.s;
        let mut cores: Vec<Core<'_>> = Vec::new();
        for (ci, c) in self.clusters.iter().enumerate() {
            let name = &s[c.first.range()];
            let Some(core) = name.strip_suffix("项目") else {
                continue;
            };
            if core.chars().count() < 4
                || core.starts_with(|c: char| text::is_open_quote(c))
                || cores.iter().any(|k| k.core == core)
            {
                continue;
            }
            // Within a window after the first mention: linear in the text.
            let from = c.first.end;
            let mut to = (from + CORE_SEARCH_WINDOW).min(s.len());
            while !s.is_char_boundary(to) {
                to -= 1;
            }
            cores.push(Core {
                core,
                cluster: ci,
                from,
                to,
                next: from,
            });
        }
        if cores.is_empty() {
            return;
        }
        // (start, core order, span): the order the searches, one per core
        // in cluster order, would push them in.
        let mut found: Vec<(usize, usize, Span)> = Vec::new();
        let b = s.as_bytes();
        if cores.len() <= MAX_CORES_SEARCHED_ALONE {
            // Few cores: one vectorized substring search each (matches
            // in valid UTF-8 start at character boundaries, and
            // `find_iter` gives non-overlapping ones, as `match_indices`).
            for (k, core) in cores.iter().enumerate() {
                let needle = core.core.as_bytes();
                for p in memchr::memmem::find_iter(&b[core.from..core.to], needle) {
                    let p = core.from + p;
                    found.push((p, k, Span::new(p, p + needle.len())));
                }
            }
        } else {
            scan_cores(b, &mut cores, &mut found);
        }
        let mut extra = Vec::new();
        found.sort_unstable_by_key(|&(start, k, _)| (start, k));
        for (_, k, span) in found {
            // Refs are sorted and do not overlap: the neighbours decide.
            let i = self.refs.partition_point(|r| r.span.start < span.end);
            let overlaps = i > 0 && self.refs[i - 1].span.end > span.start;
            if !overlaps {
                extra.push(Ref {
                    span,
                    kind: RefKind::Named,
                    cluster: cores[k].cluster,
                    listed: false,
                });
            }
        }
        if !extra.is_empty() {
            // Two names may find the same place: keep the first of overlaps.
            let mut last_end = 0;
            extra.retain(|r| {
                let keep = r.span.start >= last_end;
                if keep {
                    last_end = r.span.end;
                }
                keep
            });
            self.refs.extend(extra);
            self.refs.sort_by_key(|r| r.span.start);
        }
    }

    fn cluster(&mut self) {
        for ri in 0..self.refs.len() {
            let r = self.refs[ri];
            if r.kind != RefKind::Named {
                continue;
            }
            let name = &self.s[r.span.range()];
            let core = core_of(name);
            let bare = Key::new(without_place(core));
            let core = Key::new(core);
            // The most recent clusters only: a long text with thousands of
            // names stays linear.
            let skip = self.clusters.len().saturating_sub(MAX_CLUSTERS_COMPARED);
            let found = self.clusters.iter().skip(skip).position(|c| {
                same_project(&c.core, &core)
                    || same_project(&c.bare, &bare)
                    || same_project(&c.core, &bare)
                    || same_project(&c.bare, &core)
            });
            let found = found
                .map(|k| k + skip)
                .filter(|&ci| !self.listed_together(ci, ri));
            let ci = match found {
                Some(ci) => ci,
                None => {
                    self.clusters.push(Cluster {
                        first: r.span,
                        core,
                        bare,
                    });
                    self.clusters.len() - 1
                }
            };
            self.refs[ri].cluster = ci;
        }
    }

    /// Whether reference `ri` stands in the same list as a reference of
    /// cluster `ci` (two items of one list are two projects).
    fn listed_together(&self, ci: usize, ri: usize) -> bool {
        let r = self.refs[ri];
        if !r.listed {
            return false;
        }
        let (cs, _) = self.seg.clause(r.span.start);
        self.refs[..ri]
            .iter()
            .rev()
            .take_while(|o| o.span.start >= cs)
            .any(|o| o.kind == RefKind::Named && o.listed && o.cluster == ci)
    }

    /// The name of a cluster as written in the original text.
    pub(crate) fn original_name<'t>(&self, norm: &NormalizedText<'t>, cluster: usize) -> &'t str {
        let span = norm.to_original(self.clusters[cluster].first);
        &norm.original()[span.range()]
    }

    /// The references that start in `[from, to)`, in text order.
    pub(crate) fn refs_in(&self, from: usize, to: usize) -> &[Ref] {
        let a = self.refs.partition_point(|r| r.span.start < from);
        let b = self.refs.partition_point(|r| r.span.start < to);
        &self.refs[a..b.max(a)]
    }

    /// Whether a named reference is an item of a list (`A、B等`, `A和B`).
    pub(crate) fn in_list(&self, r: &Ref) -> bool {
        r.listed
    }

    fn compute_in_list(&self, i: usize) -> bool {
        let s = self.s;
        let r = &self.refs[i];
        let after = &s[r.span.end..];
        let before = char_before(s, r.span.start);
        let joined = |o: &Ref, a: usize, b: usize| {
            o.kind == RefKind::Named && a <= b && matches!(&s[a..b], "和" | "与" | "及" | "以及")
        };
        after.starts_with('、')
            || after.starts_with('等')
            || before == Some('、')
            || self
                .refs
                .get(i + 1)
                .is_some_and(|o| joined(o, r.span.end, o.span.start))
            || i.checked_sub(1)
                .and_then(|k| self.refs.get(k))
                .is_some_and(|o| joined(o, o.span.end, r.span.start))
    }

    /// Named items of the list that ends before byte `upto`, within the
    /// clause starting at `from`.
    pub(crate) fn list_members(&self, from: usize, upto: usize) -> Vec<usize> {
        let s = self.s;
        let mut out = Vec::new();
        for r in self.refs_in(from, upto) {
            if r.kind != RefKind::Named || r.span.end > upto {
                continue;
            }
            let after = &s[r.span.end..];
            let item_end = r.span.end == upto
                || ["、", "等", "和", "与", "及", "以及"]
                    .iter()
                    .any(|w| after.starts_with(w));
            if item_end && !out.contains(&r.cluster) {
                out.push(r.cluster);
            }
        }
        out
    }

    /// The most recent named project before `at` (not a list item), within
    /// the same or the previous paragraph; else the first after it in the
    /// same paragraph.
    pub(crate) fn topic(&self, at: usize) -> Option<usize> {
        let from = self.seg.previous_paragraph_start(self.s, at);
        let (_, para_end) = self.seg.paragraph(at);
        let before = self
            .refs_in(from, at)
            .iter()
            .rev()
            .filter(|r| r.span.end <= at)
            .find(|r| r.kind == RefKind::Named && !self.in_list(r));
        if let Some(r) = before {
            return Some(r.cluster);
        }
        self.refs_in(at, para_end)
            .iter()
            .filter(|r| r.span.end <= para_end)
            .find(|r| r.kind == RefKind::Named && !self.in_list(r))
            .map(|r| r.cluster)
    }

    /// The project a demonstrative at `at` refers back to.
    fn antecedent(&self, at: usize) -> Option<usize> {
        // Within a few paragraphs back.
        let mut from = at;
        for _ in 0..3 {
            from = self.seg.previous_paragraph_start(self.s, from);
        }
        let before = self.refs_in(from, at);
        before
            .iter()
            .rev()
            .filter(|r| r.span.end <= at)
            .find(|r| r.kind == RefKind::Named && !self.in_list(r))
            .or_else(|| {
                before
                    .iter()
                    .rev()
                    .filter(|r| r.span.end <= at)
                    .find(|r| r.kind == RefKind::Named)
            })
            .map(|r| r.cluster)
    }

    /// 前者/后者 at `r`: the first or last named project of the sentence
    /// before it.
    fn former_latter(&self, r: &Ref) -> Option<usize> {
        let (ss, _) = self.seg.sentence(r.span.start);
        let named: Vec<&Ref> = self
            .refs_in(ss, r.span.start)
            .iter()
            .filter(|o| o.kind == RefKind::Named && o.span.end <= r.span.start)
            .collect();
        // Stop at the first 前者/后者 of the sentence: the list comes before.
        let first_pointer = self
            .refs_in(ss, r.span.end)
            .iter()
            .find(|o| matches!(o.kind, RefKind::Former | RefKind::Latter) && o.span.start >= ss)
            .map_or(r.span.start, |o| o.span.start);
        let named: Vec<&&Ref> = named
            .iter()
            .filter(|o| o.span.end <= first_pointer)
            .collect();
        match r.kind {
            RefKind::Former => named.first().map(|o| o.cluster),
            _ => named.last().map(|o| o.cluster),
        }
    }

    /// Who the word at `q.at..q.end` is said of.
    pub(crate) fn subject(&self, q: Query) -> Subject {
        let s = self.s;
        let (cs, ce) = self.seg.clause(q.at);
        let (ss, _) = self.seg.sentence(q.at);
        // 分别: each of the listed projects, at its own date.
        if s[cs..q.at].contains("分别") {
            let members = self.members_before_respectively(q.at);
            return Subject::Members(members);
        }
        // 开工53个, 签约引进项目11个: a counted set.
        if count_in(s, q.end, ce) {
            let members = self.list_members(cs, q.at);
            return Subject::Members(members);
        }
        // 株硬集团即将建成X项目: the object names the project.
        let mut obj = q.end;
        if s[obj..].starts_with('了') {
            obj += '了'.len_utf8();
        }
        if !q.explicit_only
            && let Some(r) = self
                .refs_in(obj, obj + 1)
                .iter()
                .find(|r| r.span.start == obj && r.kind == RefKind::Named)
        {
            return Subject::One(r.cluster);
        }
        for r in self.refs_in(ss, q.at).iter().rev() {
            if r.span.end > q.at {
                continue;
            }
            let same_clause = r.span.start >= cs;
            if !same_clause && q.blocked {
                return Subject::Null;
            }
            match r.kind {
                RefKind::Named => {
                    if self.in_list(r) {
                        let (rcs, _) = self.seg.clause(r.span.start);
                        return Subject::Members(self.list_members(rcs, self.list_end(r)));
                    }
                    return Subject::One(r.cluster);
                }
                RefKind::Demonstrative => {
                    return match self.antecedent(r.span.start) {
                        Some(c) => Subject::One(c),
                        None => Subject::Topic,
                    };
                }
                RefKind::Bare => {
                    // 华岳产业园项目主体工程: a part right after a name is
                    // said of that project, also where only an explicit
                    // subject will do (its 总建筑面积).
                    if let Some(whole) = self
                        .refs_in(self.seg.clause(r.span.start).0, r.span.start)
                        .iter()
                        .rev()
                        .find(|o| o.span.end == r.span.start && o.kind == RefKind::Named)
                    {
                        return Subject::One(whole.cluster);
                    }
                    if q.explicit_only {
                        return Subject::Null;
                    }
                    return Subject::Topic;
                }
                RefKind::Generic => {
                    // 作为2023年省重大产业项目: a predicate, not the subject.
                    if is_predicate(s, r.span.start) {
                        continue;
                    }
                    return self.set_subject(r);
                }
                RefKind::Plural | RefKind::Count => return self.set_subject(r),
                RefKind::Former | RefKind::Latter => {
                    return match self.former_latter(r) {
                        Some(c) => Subject::One(c),
                        None => Subject::Null,
                    };
                }
            }
        }
        if q.blocked || q.explicit_only {
            return Subject::Null;
        }
        Subject::Topic
    }

    /// A set of projects at reference `r`: the named items listed before its
    /// `等`, if any.
    fn set_subject(&self, r: &Ref) -> Subject {
        let s = self.s;
        let (cs, _) = self.seg.clause(r.span.start);
        // The nearest 等 before the reference with no named project between.
        let head = &s[cs..r.span.start];
        if let Some(d) = head.rfind('等') {
            let deng = cs + d;
            let between_named = self
                .refs_in(deng, r.span.start)
                .iter()
                .any(|o| o.kind == RefKind::Named && o.span.end <= r.span.start);
            if !between_named {
                return Subject::Members(self.list_members(cs, deng));
            }
        }
        Subject::Members(Vec::new())
    }

    /// Where the list holding `r` ends: its `等`, or the last item.
    fn list_end(&self, r: &Ref) -> usize {
        let s = self.s;
        let (_, ce) = self.seg.clause(r.span.start);
        let tail = &s[r.span.start..ce];
        match tail.find('等') {
            Some(d) => r.span.start + d,
            None => {
                // A和B: the end of the last joined item.
                self.refs_in(r.span.start, ce)
                    .iter()
                    .filter(|o| o.kind == RefKind::Named && o.span.end <= ce)
                    .take_while(|o| {
                        o.span.start == r.span.start
                            || matches!(
                                char_before(s, o.span.start),
                                Some('、' | '和' | '与' | '及')
                            )
                    })
                    .last()
                    .map_or(r.span.end, |o| o.span.end)
            }
        }
    }

    /// The projects listed before a `分别` at `at` (in its clause or the one
    /// before).
    fn members_before_respectively(&self, at: usize) -> Vec<usize> {
        let (cs, _) = self.seg.clause(at);
        let (ss, _) = self.seg.sentence(at);
        let upto = self.s[cs..at].find("分别").map_or(at, |p| cs + p);
        let mut members = self.list_members(cs, upto);
        if members.is_empty() && cs > ss {
            let (pcs, pce) = self.seg.clause(cs.saturating_sub(1));
            members = self.list_members(pcs, pce);
        }
        members
    }
}

/// A counted set in `s[from..to]` (`开工53个`): the first count within a few
/// characters of a clause.
fn count_in(s: &str, from: usize, to: usize) -> bool {
    let mut i = from;
    let mut chars = 0;
    while i < to && chars < 12 {
        if let Some(_end) = count_starting_at(s, i) {
            return true;
        }
        let Some(c) = char_at(s, i) else { break };
        // The count must belong to this predicate, not a later one.
        if matches!(c, '、') {
            return false;
        }
        i += c.len_utf8();
        chars += 1;
    }
    false
}

/// Whether the phrase starting at `l` follows 作为/是/成为 (over a date
/// such as `2023年`): a predicate nominal.
fn is_predicate(s: &str, l: usize) -> bool {
    let mut j = l;
    if ends_with_date_word(s, j) {
        while let Some(c) = char_before(s, j) {
            if text::is_numeral(c) || matches!(c, '年' | '月' | '日' | '今' | '去' | '明') {
                j -= c.len_utf8();
            } else {
                break;
            }
        }
    }
    ends_with_any(s, j, &["作为", "是", "成为", "列为", "属于"]).is_some()
}

/// Classifies the phrase `s[l..end]` (ending in a suffix).
fn classify(s: &str, l: usize, end: usize) -> Option<Ref> {
    if l >= end {
        return None;
    }
    let np = &s[l..end];
    let core = core_of(np);
    // What stands before the name, over an opening quotation mark.
    let lq = match char_before(s, l) {
        Some(c) if text::is_open_quote(c) => l - c.len_utf8(),
        _ => l,
    };
    let mut kind = if PLURAL_SET.ends_at(s, lq).is_some()
        || s[..lq].ends_with('等')
        || PLURAL_SET.starts_at(np, 0).is_some() && !np.starts_with("各")
    {
        RefKind::Plural
    } else if count_ending_at(s, l).is_some() || count_starting_at(s, end).is_some() {
        RefKind::Count
    } else if DEMONSTRATIVE_SET.starts_at(np, 0).is_some() && !np.starts_with("本次") {
        RefKind::Demonstrative
    } else if core.is_empty() && ends_with_stage_word(s, l) {
        RefKind::Generic
    } else if core.is_empty() {
        if char_before(s, l) == Some('的') {
            RefKind::Generic
        } else {
            RefKind::Bare
        }
    } else if generic_core(core)
        || ends_with_any(
            s,
            lq,
            &[
                "打造成",
                "打造为",
                "建设成",
                "成为",
                "作为",
                "是",
                "位于",
                "成立",
                "设立",
                "组建",
            ],
        )
        .is_some()
    {
        RefKind::Generic
    } else {
        RefKind::Named
    };
    if np.starts_with("各") && kind == RefKind::Named {
        kind = RefKind::Plural;
    }
    // 华岳产业园项目主体工程已竣工: a part (主体工程) right after a project
    // name is said of that project, like a bare 项目.
    if kind == RefKind::Generic && core.starts_with("主体") && s[..lq].ends_with("项目") {
        kind = RefKind::Bare;
    }
    if matches!(kind, RefKind::Bare | RefKind::Generic | RefKind::Count)
        && BARE_MODIFIER_SET.starts_at(s, end).is_some()
    {
        return None;
    }
    Some(Ref {
        span: Span::new(l, end),
        kind,
        cluster: usize::MAX,
        listed: false,
    })
}

/// `投资200亿元的“引洮润株”工程和渌水流域系统治理项目`: two names joined
/// by 和 under one money modifier read as one combined project.
fn merge_pairs(s: &str, refs: &mut Vec<Ref>) {
    let mut i = 0;
    while i + 1 < refs.len() {
        let (a, b) = (refs[i], refs[i + 1]);
        let joined = a.kind == RefKind::Named
            && b.kind == RefKind::Named
            && matches!(&s[a.span.end..b.span.start], "和" | "及" | "与");
        // Tested in this order, and only as far as needed.
        let money_modifier = || {
            char_before(s, a.span.start) == Some('的') && {
                let head = &s[..a.span.start - '的'.len_utf8()];
                head.chars().rev().take(4).any(|c| c == '元')
            }
        };
        let respectively = || {
            let after = &s[b.span.end..];
            let four = after
                .char_indices()
                .nth(4)
                .map_or(after, |(k, _)| &after[..k]);
            four.contains("分别")
        };
        if joined && money_modifier() && !respectively() {
            refs[i].span = Span::new(a.span.start, b.span.end);
            // Mark the second for removal.
            refs[i + 1].span = Span::new(usize::MAX, usize::MAX);
            i += 1;
        }
        i += 1;
    }
    refs.retain(|r| r.span.start != usize::MAX);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(&str, RefKind)> {
        Doc::new(s)
            .refs
            .iter()
            .map(|r| (&s[r.span.range()], r.kind))
            .collect()
    }

    #[test]
    fn left_boundaries() {
        use RefKind::*;
        assert_eq!(
            names("投资9.5亿元的青溪抽水蓄能电站项目顺利开工"),
            [("青溪抽水蓄能电站项目", Named)]
        );
        assert_eq!(
            names("其中，云岭县风电项目投资12亿元"),
            [("云岭县风电项目", Named)]
        );
        assert_eq!(
            names("集团即将建成精密陶瓷智能生产线MES项目"),
            [("精密陶瓷智能生产线MES项目", Named)]
        );
        assert_eq!(
            names("在江城新能源汽车检测中心，"),
            [("江城新能源汽车检测中心", Named)]
        );
        assert_eq!(
            names("今年新生南方电驱动力制造工厂、"),
            [("南方电驱动力制造工厂", Named)]
        );
        assert_eq!(
            names("重点项目中的北辰光电项目和南湖储能科技项目,分别于"),
            [
                ("重点项目", Generic),
                ("北辰光电项目", Named),
                ("南湖储能科技项目", Named)
            ]
        );
        assert_eq!(
            names("投资80亿元的“碧水”工程和沿江治理项目定于10月开工"),
            [("“碧水”工程和沿江治理项目", Named)]
        );
    }

    #[test]
    fn reference_kinds() {
        use RefKind::*;
        assert_eq!(names("为该项目实现"), [("该项目", Demonstrative)]);
        assert_eq!(names("这些项目的签约"), [("这些项目", Plural)]);
        assert_eq!(names("全区19个项目实现开工"), [("项目", Count)]);
        assert_eq!(names("一批优质产业项目已落户"), [("优质产业项目", Plural)]);
        assert_eq!(names("新开工项目已达56个"), [("项目", Generic)]);
        assert_eq!(names("项目负责人说"), []);
        assert_eq!(names("为加快推进项目开工"), [("项目", Bare)]);
        assert_eq!(names("后者引入"), [("后者", Latter)]);
    }

    #[test]
    fn the_first_test_knows_every_suffix() {
        for w in SUFFIXES {
            assert!(NAME_STARTS.contains(w.chars().next().unwrap()), "{w}");
            match w.chars().nth(1) {
                Some(c) => assert!(SUFFIX_SECOND.contains(c), "{w}"),
                None => assert_eq!(*w, "城"),
            }
            assert!(!w.starts_with('城') || *w == "城", "{w}");
        }
        assert_eq!((SUFFIXES[CITY], SUFFIXES[CENTER]), ("城", "中心"));
    }

    #[test]
    fn clusters() {
        let s = "星辰新智能制造装备基地项目投产。星辰智能科技项目试生产。云帆铜箔新材料项目，云帆覆铜箔新材料项目。";
        let doc = Doc::new(s);
        let c: Vec<usize> = doc.refs.iter().map(|r| r.cluster).collect();
        assert_eq!(c, [0, 0, 1, 1]);
        let s = "南方电驱动力制造工厂、南方功率半导体器件产业园等项目";
        let doc = Doc::new(s);
        assert_eq!(doc.clusters.len(), 2);
    }
}
