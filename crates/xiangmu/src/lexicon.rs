//! Word lists shared by the scanners, in normalized (Simplified) form.

use crate::money::{Currency, MoneyRole};
use crate::words::WordMap;
use std::sync::LazyLock;

/// Money role words, matched as the nearest word before an amount in its
/// clause. Longer words come first so that 计划总投资 wins over 总投资 and
/// 投资.
pub(crate) const MONEY_ROLES: &[(&str, MoneyRole)] = &[
    ("开累完成投资", MoneyRole::CompletedInvestment),
    ("累计完成投资", MoneyRole::CompletedInvestment),
    ("年度计划投资", MoneyRole::PlannedInvestment),
    ("计划总投资", MoneyRole::TotalInvestment),
    ("完成投资", MoneyRole::CompletedInvestment),
    ("计划投资", MoneyRole::PlannedInvestment),
    ("签约金额", MoneyRole::Contract),
    ("合同金额", MoneyRole::Contract),
    ("合同额", MoneyRole::Contract),
    ("销售收入", MoneyRole::Revenue),
    ("营业收入", MoneyRole::Revenue),
    ("总投资", MoneyRole::TotalInvestment),
    ("投资额", MoneyRole::Investment),
    ("总产值", MoneyRole::OutputValue),
    ("年产值", MoneyRole::OutputValue),
    ("销售额", MoneyRole::Revenue),
    ("营业额", MoneyRole::Revenue),
    ("投资", MoneyRole::Investment),
    ("产值", MoneyRole::OutputValue),
    ("营收", MoneyRole::Revenue),
    ("税收", MoneyRole::Tax),
    ("税金", MoneyRole::Tax),
    ("融资", MoneyRole::Financing),
    ("贷款", MoneyRole::Financing),
    ("资金", MoneyRole::Financing),
    ("基金", MoneyRole::Financing),
    // An amount in a clause about signing an agreement is what it is worth
    // (签订…总计9600亿元的…协议). Not 签约: 签约亿元以上项目 is a threshold.
    ("签订", MoneyRole::Contract),
    ("签署", MoneyRole::Contract),
];

/// [`MONEY_ROLES`] for fast tests.
pub(crate) static MONEY_ROLE_MAP: LazyLock<WordMap<MoneyRole>> =
    LazyLock::new(|| WordMap::new(MONEY_ROLES));

/// [`CURRENCY_SUFFIXES`] for fast tests.
pub(crate) static CURRENCY_SUFFIX_MAP: LazyLock<WordMap<Currency>> =
    LazyLock::new(|| WordMap::new(CURRENCY_SUFFIXES));

/// [`CURRENCY_PREFIXES`] for fast tests.
pub(crate) static CURRENCY_PREFIX_MAP: LazyLock<WordMap<Currency>> =
    LazyLock::new(|| WordMap::new(CURRENCY_PREFIXES));

/// [`MEASURE_WORDS`] for fast tests.
pub(crate) static MEASURE_WORD_MAP: LazyLock<WordMap<()>> =
    LazyLock::new(|| WordMap::new(MEASURE_WORDS));

/// Currency words after a number, longest first.
pub(crate) const CURRENCY_SUFFIXES: &[(&str, Currency)] = &[
    ("新台币", Currency::Twd),
    ("新加坡元", Currency::Sgd),
    ("美元", Currency::Usd),
    ("美金", Currency::Usd),
    ("港元", Currency::Hkd),
    ("港币", Currency::Hkd),
    ("欧元", Currency::Eur),
    ("日元", Currency::Jpy),
    ("日币", Currency::Jpy),
    ("英镑", Currency::Gbp),
    ("澳元", Currency::Aud),
    ("加元", Currency::Cad),
    ("韩元", Currency::Krw),
    ("卢布", Currency::Rub),
    ("泰铢", Currency::Thb),
    ("台币", Currency::Twd),
    ("瑞士法郎", Currency::Chf),
    ("法郎", Currency::Chf),
    ("元", Currency::Cny),
    ("圆", Currency::Cny),
    ("块", Currency::Cny),
];

/// Currency words written before the number (`港币两千九百六十元`). They
/// set the currency but stay outside the span, like a role word.
pub(crate) const CURRENCY_PREFIXES: &[(&str, Currency)] = &[
    ("新台币", Currency::Twd),
    ("人民币", Currency::Cny),
    ("美元", Currency::Usd),
    ("港币", Currency::Hkd),
    ("港元", Currency::Hkd),
    ("欧元", Currency::Eur),
    ("日元", Currency::Jpy),
    ("台币", Currency::Twd),
];

/// Characters that end a clause: a role word never reaches across them.
pub(crate) fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '！'
            | '!'
            | '？'
            | '?'
            | '\n'
            | '\r'
            | '：'
            | ':'
            | '、'
            | '（'
            | '）'
            | '('
            | ')'
    )
}

/// Measure words that make a number a count (`181个`, `13名`, `4栋`).
/// Not 年/月/日 (dates), 期 (phases), 类/大 (labels such as 三类, 五大行动),
/// 所 (608所 names an institute more often than it counts schools).
pub(crate) const MEASURE_WORDS: &[(&str, ())] = &[
    ("人次", ()),
    ("个", ()),
    ("家", ()),
    ("名", ()),
    ("栋", ()),
    ("幢", ()),
    ("项", ()),
    ("人", ()),
    ("次", ()),
    ("件", ()),
    ("座", ()),
    ("台", ()),
    ("套", ()),
    ("条", ()),
    ("处", ()),
    ("批", ()),
    ("户", ()),
    ("位", ()),
    ("宗", ()),
    ("场", ()),
    ("辆", ()),
    ("支", ()),
    ("种", ()),
    ("间", ()),
    ("只", ()),
];

/// Stage words of milestones (normalized), longest first where one is the
/// start of another (主体竣工 before 竣工 is handled by the scan order:
/// words are tried at each position, longest first).
pub(crate) const STAGE_WORDS: &[(&str, crate::milestone::Stage)] = {
    use crate::milestone::Stage::*;
    &[
        ("洽谈", Negotiation),
        ("在谈", Negotiation),
        ("签约", Signing),
        ("签署", Signing),
        ("签订", Signing),
        ("落户", Signing),
        ("落地", Signing),
        ("入驻", Signing),
        ("入园", Signing),
        ("拿地", Land),
        ("供地", Land),
        ("摘牌", Land),
        ("土地出让", Land),
        ("征地", Land),
        ("施工许可证", Permit),
        ("四证联发", Permit),
        ("五证联发", Permit),
        ("四证", Permit),
        ("五证", Permit),
        ("开工", ConstructionStart),
        ("动工", ConstructionStart),
        ("开建", ConstructionStart),
        ("破土", ConstructionStart),
        ("奠基", ConstructionStart),
        ("主体完工", ToppingOut),
        ("主体竣工", ToppingOut),
        ("封顶", ToppingOut),
        ("合龙", ToppingOut),
        ("合拢", ToppingOut),
        ("竣工", Completion),
        ("建成", Completion),
        ("完工", Completion),
        ("交付", Completion),
        ("验收", Completion),
        ("交证", Completion),
        ("试生产", TrialProduction),
        ("试运行", TrialProduction),
        ("试产", TrialProduction),
        ("投入使用", ProductionStart),
        ("投产", ProductionStart),
        ("投用", ProductionStart),
        ("投运", ProductionStart),
        ("运营", ProductionStart),
        ("开业", ProductionStart),
        ("通车", ProductionStart),
        ("下线", ProductionStart),
        ("达产", FullProduction),
        ("达效", FullProduction),
        ("满产", FullProduction),
    ]
};
