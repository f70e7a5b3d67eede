//! Table-driven conformance cases, written against `shared/SPEC.md`
//! (sections Mentions, Qualifier, money, area).
//!
//! Every group is one `#[test]` that walks its whole table, collects every
//! disagreement and fails once at the end with the full list, so one run
//! shows every problem.
//!
//! Row forms:
//! - `extract` rows: `(sentence, expected mention text, expected fields)`.
//!   The fields are `key=value` pairs of the mention's SPEC JSON. Money rows
//!   default to `currency=CNY qualifier=exact role=other`, area rows to
//!   `qualifier=exact`; every value key not listed (`value`, `low`, `high`,
//!   `square_meters` ...) must be absent. `n=K` says the sentence holds K
//!   mentions of the group's kind (default 1). An empty expected text means
//!   the sentence holds no mention of the group's kind at all.
//!   `start`/`end` are checked against the first occurrence of the expected
//!   text in the sentence, in code points.
//! - `parse_*` rows: `(input, expected)` where expected is either the
//!   fields as above, the normalized decimal (`parse_number`), or
//!   `!code` / `!code@byte` for an error with that code at that byte offset.

use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use xiangmu::{Kind, Mention, Options, extract, parse_area, parse_money, parse_number};

/// `(sentence, expected mention text, expected fields)`.
type Row = (&'static str, &'static str, &'static str);
/// `(input, expected)`.
type Pair = (&'static str, &'static str);

const MONEY_DEFAULTS: &[(&str, &str)] = &[
    ("currency", "CNY"),
    ("qualifier", "exact"),
    ("role", "other"),
];
const AREA_DEFAULTS: &[(&str, &str)] = &[("qualifier", "exact")];
/// Keys of a mention's JSON that are not kind fields.
const MENTION_KEYS: &[&str] = &["kind", "start", "end", "text"];

// ---------------------------------------------------------------------------
// Numerals (parse_number)
// ---------------------------------------------------------------------------

const NUMBERS: &[Pair] = &[
    // Arabic, separators, decimals
    ("0", "0"),
    ("7", "7"),
    ("120", "120"),
    ("1,200", "1200"),
    ("1,234,567", "1234567"),
    ("12,345.67", "12345.67"),
    ("3.14", "3.14"),
    ("1.50", "1.5"),
    ("0.05", "0.05"),
    ("128.50", "128.5"),
    (" 42 ", "42"),
    // full-width
    ("１２０．５", "120.5"),
    ("２０２３", "2023"),
    ("０.８", "0.8"),
    // Chinese
    ("零", "0"),
    ("〇", "0"),
    ("十", "10"),
    ("十五", "15"),
    ("二十", "20"),
    ("两百", "200"),
    ("一百零五", "105"),
    ("一千零一", "1001"),
    ("五千零八十", "5080"),
    ("三千五", "3500"),
    ("一万五", "15000"),
    ("五万八", "58000"),
    ("两亿五", "250000000"),
    ("两万", "20000"),
    ("十二万三千", "123000"),
    ("一万零五百", "10500"),
    ("二十万零三百", "200300"),
    ("九千九百九十九", "9999"),
    ("三亿五千万", "350000000"),
    ("一百二十亿", "12000000000"),
    ("兩萬億", "2000000000000"),
    // financial
    ("壹拾", "10"),
    ("玖拾玖", "99"),
    ("壹佰贰拾叁", "123"),
    ("贰佰零伍", "205"),
    ("伍仟", "5000"),
    ("柒万捌仟", "78000"),
    ("陆佰万", "6000000"),
    ("叁拾伍點陆", "35.6"),
    // Traditional forms, 點/点 as decimal point
    ("貳拾", "20"),
    ("陸佰", "600"),
    ("兩千", "2000"),
    ("肆萬", "40000"),
    ("十二萬三千", "123000"),
    ("五億", "500000000"),
    ("貳億叁仟萬", "230000000"),
    ("三點五", "3.5"),
    ("一百點五", "100.5"),
    ("一点二五", "1.25"),
    // mixed Arabic + magnitude
    ("3千万", "30000000"),
    ("1.2万亿", "1200000000000"),
    ("1.5亿", "150000000"),
    ("2.5万", "25000"),
    ("3百万", "3000000"),
    ("0.8万", "8000"),
    ("1,200万", "12000000"),
    ("５千", "5000"),
    // digit strings
    ("二〇二三", "2023"),
    ("一九九八", "1998"),
    ("二零二四", "2024"),
    // limits
    (
        "79228162514264337593543950335",
        "79228162514264337593543950335",
    ),
    ("79228162514264337593543950336", "!overflow"),
    ("80000000000000000000000000000", "!overflow"),
    ("9999999999999999999999999999999999999999", "!overflow"),
    ("100000000000000000000万亿", "!overflow"),
    // errors
    ("", "!empty"),
    ("   ", "!empty"),
    ("12x", "!unexpected@2"),
    ("abc", "!unexpected@0"),
    ("1.2.3", "!unexpected@3"),
    ("１２ｘ", "!unexpected@6"),
    ("1.2万x", "!unexpected@6"),
    ("两万吨", "!unexpected@6"),
    ("壹佰元", "!unexpected@6"),
    ("三百五十吨", "!unexpected@12"),
];

// ---------------------------------------------------------------------------
// Money via extract
// ---------------------------------------------------------------------------

const MONEY_UNITS: &[Row] = &[
    ("村集体经济收益达到386000元。", "386000元", "value=386000"),
    ("每亩土地流转费用提高到800块。", "800块", "value=800"),
    ("购置检测设备花费3.5万块。", "3.5万块", "value=35000"),
    (
        "对当年认定的科技型企业一次性补助十万元。",
        "十万元",
        "value=100000",
    ),
    (
        "园区为每家入驻企业提供装修补贴2百万元。",
        "2百万元",
        "value=2000000",
    ),
    (
        "该冷链物流项目投资3千万元，主要建设冷库和分拣中心。",
        "3千万元",
        "value=30000000 role=investment",
    ),
    (
        "区财政安排专项资金680万元用于老旧小区改造。",
        "680万元",
        "value=6800000 role=financing",
    ),
    (
        "项目总投资16亿元，建成后可新增就业岗位800个。",
        "16亿元",
        "value=1600000000 role=total_investment",
    ),
    (
        "力争全年引进十亿元以上项目6个。",
        "十亿元以上",
        "value=1000000000 qualifier=at_least",
    ),
    (
        "打造年产值百亿元的高端装备产业集群。",
        "百亿元",
        "value=10000000000 role=output_value",
    ),
    (
        "全市规上工业总产值首次突破千亿元。",
        "突破千亿元",
        "value=100000000000 qualifier=more_than role=output_value",
    ),
    (
        "全省地区生产总值迈上5万亿元台阶。",
        "5万亿元",
        "value=5000000000000",
    ),
    (
        "該項目總投資8600萬元，年內開工。",
        "8600萬元",
        "value=86000000 role=total_investment",
    ),
    (
        "新廠區計劃投資12億元。",
        "12億元",
        "value=1200000000 role=planned_investment",
    ),
    (
        "镇政府拨付五百万元用于农村道路硬化。",
        "五百万元",
        "value=5000000",
    ),
    (
        "银行向该企业发放贷款两千万元。",
        "两千万元",
        "value=20000000 role=financing",
    ),
    (
        "项目累计完成投资一百零五万元。",
        "一百零五万元",
        "value=1050000 role=completed_investment",
    ),
    (
        "双方合同金额为356.80万元。",
        "356.80万元",
        "value=3568000 role=contract",
    ),
    (
        "该标段中标价为2,345,600元。",
        "2,345,600元",
        "value=2345600",
    ),
    (
        "今年年度计划投资1,850万元。",
        "1,850万元",
        "value=18500000 role=planned_investment",
    ),
    (
        "项目总投资23.45亿元。",
        "23.45亿元",
        "value=2345000000 role=total_investment",
    ),
    (
        "首期投资0.8亿元，明年投产。",
        "0.8亿元",
        "value=80000000 role=investment",
    ),
    ("发放稳岗补贴9876.5元。", "9876.5元", "value=9876.5"),
    (
        "產業園總投資２０億元。",
        "２０億元",
        "value=2000000000 role=total_investment",
    ),
    (
        "该企业去年缴纳税收１２０．５万元。",
        "１２０．５万元",
        "value=1205000 role=tax",
    ),
    (
        "园区企业实现税收贰仟万元。",
        "贰仟万元",
        "value=20000000 role=tax",
    ),
    (
        "拟融资叁亿伍仟万元。",
        "叁亿伍仟万元",
        "value=350000000 role=financing",
    ),
    (
        "项目总投资十二亿元。",
        "十二亿元",
        "value=1200000000 role=total_investment",
    ),
    (
        "二期工程投资兩億五千萬元。",
        "兩億五千萬元",
        "value=250000000 role=investment",
    ),
];

const MONEY_QUALIFIERS: &[Row] = &[
    // approx
    (
        "项目总投资约3.2亿元，建设周期两年。",
        "约3.2亿元",
        "value=320000000 qualifier=approx role=total_investment",
    ),
    (
        "该外资企业投资约合5000万美元。",
        "约合5000万美元",
        "value=50000000 currency=USD qualifier=approx role=investment",
    ),
    (
        "一期工程所需资金大约8000万元。",
        "大约8000万元",
        "value=80000000 qualifier=approx role=financing",
    ),
    (
        "全年完成投资近50亿元。",
        "近50亿元",
        "value=5000000000 qualifier=approx role=completed_investment",
    ),
    (
        "该园区年产值将近30亿元。",
        "将近30亿元",
        "value=3000000000 qualifier=approx role=output_value",
    ),
    (
        "公司去年营收接近15亿元。",
        "接近15亿元",
        "value=1500000000 qualifier=approx role=revenue",
    ),
    (
        "预计总投资2亿元左右。",
        "2亿元左右",
        "value=200000000 qualifier=approx role=total_investment",
    ),
    (
        "单个项目投资额在3000万元上下。",
        "3000万元上下",
        "value=30000000 qualifier=approx role=investment",
    ),
    (
        "厂房改造费用差不多600万元。",
        "差不多600万元",
        "value=6000000 qualifier=approx",
    ),
    (
        "项目计划投资近两亿元。",
        "近两亿元",
        "value=200000000 qualifier=approx role=planned_investment",
    ),
    (
        "總投資約3.5億元。",
        "約3.5億元",
        "value=350000000 qualifier=approx role=total_investment",
    ),
    // at_least
    (
        "年销售额达5亿元以上。",
        "5亿元以上",
        "value=500000000 qualifier=at_least role=revenue",
    ),
    (
        "签约项目合同金额不低于2亿元。",
        "不低于2亿元",
        "value=200000000 qualifier=at_least role=contract",
    ),
    (
        "入园企业年税收不少于500万元。",
        "不少于500万元",
        "value=5000000 qualifier=at_least role=tax",
    ),
    (
        "企业承诺投资至少1亿元。",
        "至少1亿元",
        "value=100000000 qualifier=at_least role=investment",
    ),
    (
        "单笔贷款50万元起。",
        "50万元起",
        "value=500000 qualifier=at_least role=financing",
    ),
    // more_than
    (
        "二期工程总投资超20亿元。",
        "超20亿元",
        "value=2000000000 qualifier=more_than role=total_investment",
    ),
    (
        "全年实现营业额超过8000万元。",
        "超过8000万元",
        "value=80000000 qualifier=more_than role=revenue",
    ),
    (
        "本次活动签约金额逾60亿元。",
        "逾60亿元",
        "value=6000000000 qualifier=more_than role=contract",
    ),
    (
        "该基地计划总投资逾百亿元。",
        "逾百亿元",
        "value=10000000000 qualifier=more_than role=total_investment",
    ),
    (
        "去年年产值过10亿元的企业有12家。",
        "过10亿元",
        "value=1000000000 qualifier=more_than role=output_value",
    ),
    (
        "项目开累完成投资2000余万元。",
        "2000余万元",
        "value=20000000 qualifier=more_than role=completed_investment",
    ),
    (
        "该项目已累计完成投资600多万元。",
        "600多万元",
        "value=6000000 qualifier=more_than role=completed_investment",
    ),
    (
        "该片区累计完成投资三千多万元。",
        "三千多万元",
        "value=30000000 qualifier=more_than role=completed_investment",
    ),
    (
        "项目总投资十余亿元。",
        "十余亿元",
        "value=1000000000 qualifier=more_than role=total_investment",
    ),
    (
        "今年销售收入有望突破3亿元。",
        "突破3亿元",
        "value=300000000 qualifier=more_than role=revenue",
    ),
    (
        "年產值超過20億元。",
        "超過20億元",
        "value=2000000000 qualifier=more_than role=output_value",
    ),
    // at_most
    (
        "对总投资5000万元以下的项目实行备案制。",
        "5000万元以下",
        "value=50000000 qualifier=at_most role=total_investment",
    ),
    (
        "工程造价控制在3亿元以内。",
        "3亿元以内",
        "value=300000000 qualifier=at_most",
    ),
    (
        "单个项目融资不超过5亿元。",
        "不超过5亿元",
        "value=500000000 qualifier=at_most role=financing",
    ),
    (
        "每户补助最多3万元。",
        "最多3万元",
        "value=30000 qualifier=at_most",
    ),
    (
        "对新落户的总部企业给予最高800万元奖励。",
        "最高800万元",
        "value=8000000 qualifier=at_most",
    ),
    // less_than
    (
        "该镇去年税收不足800万元。",
        "不足800万元",
        "value=8000000 qualifier=less_than role=tax",
    ),
    (
        "一季度完成投资不到3亿元。",
        "不到3亿元",
        "value=300000000 qualifier=less_than role=completed_investment",
    ),
    (
        "对年营收低于2000万元的小微企业减免租金。",
        "低于2000万元",
        "value=20000000 qualifier=less_than role=revenue",
    ),
];

const MONEY_RANGES: &[Row] = &[
    (
        "项目计划投资8亿至12亿元。",
        "8亿至12亿元",
        "low=800000000 high=1200000000 qualifier=range role=planned_investment",
    ),
    (
        "计划投资1亿至1.5亿元。",
        "1亿至1.5亿元",
        "low=100000000 high=150000000 qualifier=range role=planned_investment",
    ),
    (
        "单个项目总投资3-5亿元。",
        "3-5亿元",
        "low=300000000 high=500000000 qualifier=range role=total_investment",
    ),
    (
        "企业拟融资2000万—3000万元。",
        "2000万—3000万元",
        "low=20000000 high=30000000 qualifier=range role=financing",
    ),
    (
        "新增贷款3亿—5亿元。",
        "3亿—5亿元",
        "low=300000000 high=500000000 qualifier=range role=financing",
    ),
    (
        "达产后年产值可达1亿到2亿元。",
        "1亿到2亿元",
        "low=100000000 high=200000000 qualifier=range role=output_value",
    ),
    (
        "每个园区投资额5～8亿元。",
        "5～8亿元",
        "low=500000000 high=800000000 qualifier=range role=investment",
    ),
    (
        "项目总投资1~2亿美元。",
        "1~2亿美元",
        "low=100000000 high=200000000 currency=USD qualifier=range role=total_investment",
    ),
    (
        "预计年销售额2000-3000万元。",
        "2000-3000万元",
        "low=20000000 high=30000000 qualifier=range role=revenue",
    ),
    (
        "每户補貼10至20萬元。",
        "10至20萬元",
        "low=100000 high=200000 qualifier=range",
    ),
    (
        "项目总投资三至五亿元。",
        "三至五亿元",
        "low=300000000 high=500000000 qualifier=range role=total_investment",
    ),
    (
        "總投資15～20億元。",
        "15～20億元",
        "low=1500000000 high=2000000000 qualifier=range role=total_investment",
    ),
];

const MONEY_VAGUE: &[Row] = &[
    (
        "项目建成后将带动上下游投资数十亿元。",
        "数十亿元",
        "qualifier=vague role=investment",
    ),
    ("形成上百亿元的产业规模。", "上百亿元", "qualifier=vague"),
    (
        "每年可为村集体增收数百万元。",
        "数百万元",
        "qualifier=vague",
    ),
    (
        "企业累计获得贷款数千万元。",
        "数千万元",
        "qualifier=vague role=financing",
    ),
    (
        "門店年銷售額上千萬元。",
        "上千萬元",
        "qualifier=vague role=revenue",
    ),
    (
        "帶動投資數(shù)十億元。",
        "數(shù)十億元",
        "qualifier=vague role=investment",
    ),
    ("吸引社會資本數百億元。", "數百億元", "qualifier=vague"),
];

const MONEY_MAGNITUDES: &[Row] = &[
    (
        "今年新开工亿元以上项目32个。",
        "亿元以上",
        "value=100000000 qualifier=at_least",
    ),
    (
        "全市新簽約億元以上項目27個。",
        "億元以上",
        "value=100000000 qualifier=at_least",
    ),
    (
        "全县千万元以上项目有46个。",
        "千万元以上",
        "value=10000000 qualifier=at_least",
    ),
    (
        "年营收过亿元的企业达到15家。",
        "过亿元",
        "value=100000000 qualifier=more_than role=revenue",
    ),
    (
        "税收过千万元的企业有8家。",
        "过千万元",
        "value=10000000 qualifier=more_than role=tax",
    ),
    (
        "该企业销售额超千万元。",
        "超千万元",
        "value=10000000 qualifier=more_than role=revenue",
    ),
    (
        "一季度完成投资近亿元。",
        "近亿元",
        "value=100000000 qualifier=approx role=completed_investment",
    ),
    (
        "引进投资百亿元的龙头项目。",
        "百亿元",
        "value=10000000000 role=investment",
    ),
];

const MONEY_CURRENCIES: &[Row] = &[
    (
        "项目总投资1.5亿美元。",
        "1.5亿美元",
        "value=150000000 currency=USD role=total_investment",
    ),
    (
        "該項目總投資2億美元。",
        "2億美元",
        "value=200000000 currency=USD role=total_investment",
    ),
    (
        "合同金额约合1200万美元。",
        "约合1200万美元",
        "value=12000000 currency=USD qualifier=approx role=contract",
    ),
    (
        "引进外资2.5亿美元以上。",
        "2.5亿美元以上",
        "value=250000000 currency=USD qualifier=at_least",
    ),
    (
        "双方合同金额为8000万港元。",
        "8000万港元",
        "value=80000000 currency=HKD role=contract",
    ),
    (
        "年销售额超过1亿港元。",
        "超过1亿港元",
        "value=100000000 currency=HKD qualifier=more_than role=revenue",
    ),
    (
        "公司在港融资5亿港币。",
        "5亿港币",
        "value=500000000 currency=HKD role=financing",
    ),
    (
        "德方追加投资3000万欧元。",
        "3000万欧元",
        "value=30000000 currency=EUR role=investment",
    ),
    (
        "外方出资600万欧元。",
        "600万欧元",
        "value=6000000 currency=EUR",
    ),
    (
        "日方投资50亿日元建设研发中心。",
        "50亿日元",
        "value=5000000000 currency=JPY role=investment",
    ),
    (
        "项目总投资人民币3亿元。",
        "3亿元",
        "value=300000000 role=total_investment",
    ),
];

const MONEY_ROLES: &[Row] = &[
    (
        "智能制造产业园项目总投资45亿元。",
        "45亿元",
        "value=4500000000 role=total_investment",
    ),
    (
        "该项目计划总投资26亿元。",
        "26亿元",
        "value=2600000000 role=total_investment",
    ),
    (
        "企业投资3.8亿元新建两条生产线。",
        "3.8亿元",
        "value=380000000 role=investment",
    ),
    (
        "项目投资额4.5亿元。",
        "4.5亿元",
        "value=450000000 role=investment",
    ),
    (
        "今年计划投资9亿元。",
        "9亿元",
        "value=900000000 role=planned_investment",
    ),
    (
        "全县重点项目年度计划投资38亿元。",
        "38亿元",
        "value=3800000000 role=planned_investment",
    ),
    (
        "上半年完成投资12.3亿元。",
        "12.3亿元",
        "value=1230000000 role=completed_investment",
    ),
    (
        "截至目前累计完成投资9.6亿元。",
        "9.6亿元",
        "value=960000000 role=completed_investment",
    ),
    (
        "项目开累完成投资4.2亿元。",
        "4.2亿元",
        "value=420000000 role=completed_investment",
    ),
    (
        "園區(qū)今年已完成投資8.5億元。",
        "8.5億元",
        "value=850000000 role=completed_investment",
    ),
    (
        "园区企业上半年实现产值18亿元。",
        "18亿元",
        "value=1800000000 role=output_value",
    ),
    (
        "项目达产后年产值可达30亿元。",
        "30亿元",
        "value=3000000000 role=output_value",
    ),
    (
        "項目建成後年產(chǎn)值5億元。",
        "5億元",
        "value=500000000 role=output_value",
    ),
    (
        "该公司实现营收6.5亿元。",
        "6.5亿元",
        "value=650000000 role=revenue",
    ),
    (
        "企业年销售收入2.8亿元。",
        "2.8亿元",
        "value=280000000 role=revenue",
    ),
    (
        "全年销售额7.2亿元。",
        "7.2亿元",
        "value=720000000 role=revenue",
    ),
    (
        "實現銷售額3.6億元。",
        "3.6億元",
        "value=360000000 role=revenue",
    ),
    (
        "商业综合体开业首日营业额达到360万元。",
        "360万元",
        "value=3600000 role=revenue",
    ),
    (
        "该项目年税收可达5000万元。",
        "5000万元",
        "value=50000000 role=tax",
    ),
    (
        "企業年稅收超過2000萬元。",
        "超過2000萬元",
        "value=20000000 qualifier=more_than role=tax",
    ),
    (
        "企业去年上缴税金1500万元。",
        "1500万元",
        "value=15000000 role=tax",
    ),
    (
        "园区亩均税收达到30万元。",
        "30万元",
        "value=300000 role=tax",
    ),
    (
        "此次集中签约项目18个，签约金额达120亿元。",
        "120亿元",
        "value=12000000000 role=contract",
    ),
    (
        "本次簽約金額達85億元。",
        "85億元",
        "value=8500000000 role=contract",
    ),
    (
        "该工程合同金额9.8亿元。",
        "9.8亿元",
        "value=980000000 role=contract",
    ),
    (
        "公司完成B轮融资3亿元。",
        "3亿元",
        "value=300000000 role=financing",
    ),
    (
        "公司完成融資2億元。",
        "2億元",
        "value=200000000 role=financing",
    ),
    (
        "企业获得银行贷款1.6亿元。",
        "1.6亿元",
        "value=160000000 role=financing",
    ),
    (
        "今年争取上级资金2.4亿元。",
        "2.4亿元",
        "value=240000000 role=financing",
    ),
    (
        "设立产业引导基金20亿元。",
        "20亿元",
        "value=2000000000 role=financing",
    ),
    (
        "对获评国家级绿色工厂的企业奖励50万元。",
        "50万元",
        "value=500000",
    ),
    (
        "项目总投资12亿元，其中设备购置费3亿元。",
        "3亿元",
        "value=300000000 n=2",
    ),
    (
        "該產業園總投資36億元。",
        "36億元",
        "value=3600000000 role=total_investment",
    ),
    (
        "該項目總投資(zī)15億元。",
        "15億元",
        "value=1500000000 role=total_investment",
    ),
    (
        "項目總投資3000萬(wàn)元。",
        "3000萬(wàn)元",
        "value=30000000 role=total_investment",
    ),
    (
        "簽約金額12億(yì)元。",
        "12億(yì)元",
        "value=1200000000 role=contract",
    ),
];

const MONEY_BARE: &[Row] = &[
    (
        "项目投资2.3亿，建设标准厂房10栋。",
        "2.3亿",
        "value=230000000 role=investment",
    ),
    (
        "项目总投资超15亿，分两期建设。",
        "超15亿",
        "value=1500000000 qualifier=more_than role=total_investment",
    ),
    (
        "项目总投资约1.2亿。",
        "约1.2亿",
        "value=120000000 qualifier=approx role=total_investment",
    ),
    (
        "今年计划投资6000万。",
        "6000万",
        "value=60000000 role=planned_investment",
    ),
    (
        "企业完成融资3000万。",
        "3000万",
        "value=30000000 role=financing",
    ),
    (
        "該項目總投資5億。",
        "5億",
        "value=500000000 role=total_investment",
    ),
    (
        "公司去年实现营收8亿。",
        "8亿",
        "value=800000000 role=revenue",
    ),
];

const MONEY_NEGATIVES: &[Row] = &[
    ("全年机场旅客吞吐量达1.5亿人次。", "", ""),
    ("该港口年货物吞吐量2000万吨。", "", ""),
    ("风电基地规划装机300万千瓦。", "", ""),
    ("基地达产后年产手机500万台。", "", ""),
    ("全区新增市场主体1.2万个。", "", ""),
    ("园区已集聚中国500强企业12家。", "", ""),
    ("招商热线：0731-12345678。", "", ""),
    ("推动万元GDP能耗持续下降。", "", ""),
    ("全省已形成百亿项目集群8个。", "", ""),
    ("合作社投资建设5000亩高标准茶园。", "", ""),
    ("去年全市人均GDP达到8.6万，居全省第三。", "", ""),
    ("新建标准化厂房3.6万平方米。", "", ""),
    ("全市常住人口突破900万。", "", ""),
    ("年处理污水36万立方米。", "", ""),
    ("投资方为一家上市公司。", "", ""),
    ("新能源汽车年产能30万辆。", "", ""),
    ("2023年全县共实施重点项目86个。", "", ""),
    ("景区日均客流量达到5万。", "", ""),
    ("年产10万吨饲料项目开工。", "", ""),
];

// ---------------------------------------------------------------------------
// Area via extract
// ---------------------------------------------------------------------------

const AREAS: &[Row] = &[
    // units
    (
        "项目规划用地约156.5亩。",
        "约156.5亩",
        "value=156.5 unit=mu square_meters=104333.33 qualifier=approx",
    ),
    (
        "今年建设高标准农田1.5万亩。",
        "1.5万亩",
        "value=15000 unit=mu square_meters=10000000.00",
    ),
    (
        "該項目佔地320畝。",
        "320畝",
        "value=320 unit=mu square_meters=213333.33",
    ),
    (
        "总建筑面积8.6万平方米。",
        "8.6万平方米",
        "value=86000 unit=m2 square_meters=86000.00",
    ),
    (
        "厂区面积12,500平方米。",
        "12,500平方米",
        "value=12500 unit=m2 square_meters=12500.00",
    ),
    (
        "新建标准厂房2.4万平米。",
        "2.4万平米",
        "value=24000 unit=m2 square_meters=24000.00",
    ),
    (
        "改造闲置仓库3000平。",
        "3000平",
        "value=3000 unit=m2 square_meters=3000.00",
    ),
    (
        "研发楼建筑面积15000㎡。",
        "15000㎡",
        "value=15000 unit=m2 square_meters=15000.00",
    ),
    (
        "展厅面积2600m²。",
        "2600m²",
        "value=2600 unit=m2 square_meters=2600.00",
    ),
    (
        "商业综合体总建筑面积约12.5万平方米。",
        "约12.5万平方米",
        "value=125000 unit=m2 square_meters=125000.00 qualifier=approx",
    ),
    (
        "湿地公园规划面积85公顷。",
        "85公顷",
        "value=85 unit=hectare square_meters=850000.00",
    ),
    (
        "園區佔地面積12.5公頃。",
        "12.5公頃",
        "value=12.5 unit=hectare square_meters=125000.00",
    ),
    (
        "核心区面积6.8平方公里。",
        "6.8平方公里",
        "value=6.8 unit=km2 square_meters=6800000.00",
    ),
    (
        "规划控制面积22平方千米。",
        "22平方千米",
        "value=22 unit=km2 square_meters=22000000.00",
    ),
    (
        "片区总面积3.2km²。",
        "3.2km²",
        "value=3.2 unit=km2 square_meters=3200000.00",
    ),
    // square meters, rounded half-up to 2 places
    (
        "示范田面积1亩。",
        "1亩",
        "value=1 unit=mu square_meters=666.67",
    ),
    (
        "新辟试验田2亩。",
        "2亩",
        "value=2 unit=mu square_meters=1333.33",
    ),
    (
        "规划用地3亩。",
        "3亩",
        "value=3 unit=mu square_meters=2000.00",
    ),
    (
        "建设苗圃7亩。",
        "7亩",
        "value=7 unit=mu square_meters=4666.67",
    ),
    (
        "改造边角地块0.1亩。",
        "0.1亩",
        "value=0.1 unit=mu square_meters=66.67",
    ),
    (
        "地块面积12.34亩。",
        "12.34亩",
        "value=12.34 unit=mu square_meters=8226.67",
    ),
    (
        "项目新增用地243.82亩。",
        "243.82亩",
        "value=243.82 unit=mu square_meters=162546.67",
    ),
    (
        "样板间面积12.345平方米。",
        "12.345平方米",
        "value=12.345 unit=m2 square_meters=12.35",
    ),
    (
        "设备基座面积1.005平方米。",
        "1.005平方米",
        "value=1.005 unit=m2 square_meters=1.01",
    ),
    // qualifiers
    (
        "基地占地将近800亩。",
        "将近800亩",
        "value=800 unit=mu square_meters=533333.33 qualifier=approx",
    ),
    (
        "仓储面积3万平方米左右。",
        "3万平方米左右",
        "value=30000 unit=m2 square_meters=30000.00 qualifier=approx",
    ),
    (
        "總佔地約兩百畝。",
        "約兩百畝",
        "value=200 unit=mu square_meters=133333.33 qualifier=approx",
    ),
    (
        "園區總面積約4.2平方公里。",
        "約4.2平方公里",
        "value=4.2 unit=km2 square_meters=4200000.00 qualifier=approx",
    ),
    (
        "流转土地超过600亩。",
        "超过600亩",
        "value=600 unit=mu square_meters=400000.00 qualifier=more_than",
    ),
    (
        "新增建设用地300余亩。",
        "300余亩",
        "value=300 unit=mu square_meters=200000.00 qualifier=more_than",
    ),
    (
        "种植面积达2000多亩。",
        "2000多亩",
        "value=2000 unit=mu square_meters=1333333.33 qualifier=more_than",
    ),
    (
        "园区规划面积逾10平方公里。",
        "逾10平方公里",
        "value=10 unit=km2 square_meters=10000000.00 qualifier=more_than",
    ),
    (
        "总建筑面积20万平方米以上。",
        "20万平方米以上",
        "value=200000 unit=m2 square_meters=200000.00 qualifier=at_least",
    ),
    (
        "配套商业面积不少于5000平方米。",
        "不少于5000平方米",
        "value=5000 unit=m2 square_meters=5000.00 qualifier=at_least",
    ),
    (
        "建设用地至少50亩。",
        "至少50亩",
        "value=50 unit=mu square_meters=33333.33 qualifier=at_least",
    ),
    (
        "单个地块面积不超过150亩。",
        "不超过150亩",
        "value=150 unit=mu square_meters=100000.00 qualifier=at_most",
    ),
    (
        "项目用地不足40亩。",
        "不足40亩",
        "value=40 unit=mu square_meters=26666.67 qualifier=less_than",
    ),
    // ranges
    (
        "每个项目用地100至120亩。",
        "100至120亩",
        "low=100 high=120 unit=mu low_square_meters=66666.67 high_square_meters=80000.00 qualifier=range",
    ),
    (
        "单体厂房面积3-5万平方米。",
        "3-5万平方米",
        "low=30000 high=50000 unit=m2 low_square_meters=30000.00 high_square_meters=50000.00 qualifier=range",
    ),
    (
        "示範基地佔地200～300畝。",
        "200～300畝",
        "low=200 high=300 unit=mu low_square_meters=133333.33 high_square_meters=200000.00 qualifier=range",
    ),
    (
        "起步区面积1.5至2平方公里。",
        "1.5至2平方公里",
        "low=1.5 high=2 unit=km2 low_square_meters=1500000.00 high_square_meters=2000000.00 qualifier=range",
    ),
    // vague
    (
        "周边还有数百亩可供开发的土地。",
        "数百亩",
        "unit=mu qualifier=vague",
    ),
    ("连片种植上千亩。", "上千亩", "unit=mu qualifier=vague"),
    (
        "新增绿地数万平方米。",
        "数万平方米",
        "unit=m2 qualifier=vague",
    ),
    (
        "流轉土地數(shù)千畝。",
        "數(shù)千畝",
        "unit=mu qualifier=vague",
    ),
    // Chinese numerals, full-width, glosses
    (
        "一期工程征地三百五十亩。",
        "三百五十亩",
        "value=350 unit=mu square_meters=233333.33",
    ),
    (
        "新建厂房两千平方米。",
        "两千平方米",
        "value=2000 unit=m2 square_meters=2000.00",
    ),
    (
        "改造农田一万二千亩。",
        "一万二千亩",
        "value=12000 unit=mu square_meters=8000000.00",
    ),
    (
        "湖区水面五十公顷。",
        "五十公顷",
        "value=50 unit=hectare square_meters=500000.00",
    ),
    (
        "項目佔地１２０畝。",
        "１２０畝",
        "value=120 unit=mu square_meters=80000.00",
    ),
    (
        "规划面积３．５平方公里。",
        "３．５平方公里",
        "value=3.5 unit=km2 square_meters=3500000.00",
    ),
    (
        "園區(qū)佔地180畝。",
        "180畝",
        "value=180 unit=mu square_meters=120000.00",
    ),
    (
        "新建廠房2萬(wàn)平方米。",
        "2萬(wàn)平方米",
        "value=20000 unit=m2 square_meters=20000.00",
    ),
    (
        "合作社投资建设5000亩高标准茶园。",
        "5000亩",
        "value=5000 unit=mu square_meters=3333333.33",
    ),
    (
        "新流转土地800亩用于种植中药材。",
        "800亩",
        "value=800 unit=mu square_meters=533333.33",
    ),
    (
        "建成2萬畝高標準農田。",
        "2萬畝",
        "value=20000 unit=mu square_meters=13333333.33",
    ),
    // not areas
    ("水稻亩产量达到650公斤。", "", ""),
    ("平均每亩增收500元。", "", ""),
    ("搭建3个公共服务平台。", "", ""),
    ("项目总投资1.2亿元。", "", ""),
];

// ---------------------------------------------------------------------------
// Single expressions: parse_money, parse_area
// ---------------------------------------------------------------------------

const PARSE_MONEY: &[Pair] = &[
    ("约1.5亿元", "value=150000000 qualifier=approx"),
    (
        "總投資超過8億元",
        "value=800000000 qualifier=more_than role=total_investment",
    ),
    ("5000多万元", "value=50000000 qualifier=more_than"),
    ("3-5亿元", "low=300000000 high=500000000 qualifier=range"),
    ("数十亿元", "qualifier=vague"),
    ("1.2亿美元", "value=120000000 currency=USD"),
    ("投资1.5亿", "value=150000000 role=investment"),
    ("亿元以上", "value=100000000 qualifier=at_least"),
    ("１２．５万元", "value=125000"),
    ("壹仟万元", "value=10000000"),
    ("", "!empty"),
    ("2000万吨", "!unexpected@7"),
    ("1.5亿人次", "!unexpected@6"),
    ("3亿元x", "!unexpected@7"),
    ("abc", "!unexpected@0"),
    ("99999999999999999999999999999万亿元", "!overflow"),
];

const PARSE_AREA: &[Pair] = &[
    (
        "约243.82亩",
        "value=243.82 unit=mu square_meters=162546.67 qualifier=approx",
    ),
    ("1.2万亩", "value=12000 unit=mu square_meters=8000000.00"),
    (
        "100至120亩",
        "low=100 high=120 unit=mu low_square_meters=66666.67 high_square_meters=80000.00 qualifier=range",
    ),
    ("數百畝", "unit=mu qualifier=vague"),
    ("3.5平方公里", "value=3.5 unit=km2 square_meters=3500000.00"),
    ("12.345平方米", "value=12.345 unit=m2 square_meters=12.35"),
    (
        "2萬(wàn)平方米",
        "value=20000 unit=m2 square_meters=20000.00",
    ),
    ("", "!empty"),
    ("三百", "!unexpected@6"),
    ("3.5亿元", "!unexpected@6"),
    ("120亩地", "!unexpected@6"),
];

// ---------------------------------------------------------------------------
// Machinery
// ---------------------------------------------------------------------------

/// `key=value` pairs of a row, with the defaults for missing keys; the
/// `n` key (mention count) is returned apart.
fn expected_fields(spec: &str, defaults: &[(&str, &str)]) -> (BTreeMap<String, String>, usize) {
    let mut map = BTreeMap::new();
    let mut n = 1;
    for pair in spec.split_whitespace() {
        let (k, v) = pair
            .split_once('=')
            .unwrap_or_else(|| panic!("bad field {pair:?} in case {spec:?}"));
        if k == "n" {
            n = v.parse().unwrap_or_else(|_| panic!("bad n in {spec:?}"));
        } else {
            map.insert(k.to_string(), v.to_string());
        }
    }
    for (k, v) in defaults {
        map.entry((*k).to_string())
            .or_insert_with(|| (*v).to_string());
    }
    (map, n)
}

/// Differences between a JSON object and the expected fields; keys in
/// `ignore` are not compared, every other key must be expected.
fn compare_fields(
    obj: &Map<String, Json>,
    expected: &BTreeMap<String, String>,
    ignore: &[&str],
) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in expected {
        match obj.get(k) {
            Some(Json::String(s)) if s == v => {}
            Some(Json::Null) | None => out.push(format!("{k}: expected {v:?}, missing")),
            Some(other) => out.push(format!("{k}: expected {v:?}, got {other}")),
        }
    }
    for (k, v) in obj {
        if !expected.contains_key(k) && !ignore.contains(&k.as_str()) && !v.is_null() {
            out.push(format!("{k}: expected absent, got {v}"));
        }
    }
    out
}

/// A mention in one line: text, code-point range, kind fields.
fn describe(m: &Mention<'_>) -> String {
    let json = serde_json::to_value(m).unwrap_or(Json::Null);
    let fields = json
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !["start", "end", "text"].contains(&k.as_str()))
                .map(|(k, v)| format!("{k}={}", v.as_str().map_or(v.to_string(), str::to_string)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    format!("「{}」[{},{}) {fields}", m.text, m.start, m.end)
}

/// The SPEC invariants every mention must keep, whatever its kind.
fn invariants(input: &str, m: &Mention<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let by_chars: String = input
        .chars()
        .skip(m.start)
        .take(m.end.saturating_sub(m.start))
        .collect();
    if by_chars != m.text {
        out.push(format!(
            "text 「{}」 != original[{}..{}] 「{by_chars}」",
            m.text, m.start, m.end
        ));
    }
    if input.get(m.span.range()) != Some(m.text) {
        out.push(format!(
            "byte span {:?} does not slice to 「{}」",
            m.span, m.text
        ));
    }
    match serde_json::to_value(m) {
        Ok(Json::Object(o)) => {
            if o.get("start").and_then(Json::as_u64) != Some(m.start as u64)
                || o.get("end").and_then(Json::as_u64) != Some(m.end as u64)
                || o.get("text").and_then(Json::as_str) != Some(m.text)
            {
                out.push(format!(
                    "JSON start/end/text differ from the mention: {o:?}"
                ));
            }
        }
        other => out.push(format!("JSON is not an object: {other:?}")),
    }
    out
}

/// Runs extract rows of one kind; returns the failure report lines.
fn run_extract(kind: Kind, defaults: &[(&str, &str)], rows: &[Row]) -> Vec<String> {
    let mut failures = Vec::new();
    for &(input, want_text, want) in rows {
        let mentions = match catch_unwind(AssertUnwindSafe(|| extract(input, &Options::default())))
        {
            Ok(m) => m,
            Err(_) => {
                failures.push(format!("  {input}\n    PANIC in extract"));
                continue;
            }
        };
        let mut problems = Vec::new();
        for m in &mentions {
            problems.extend(invariants(input, m));
        }
        let of_kind: Vec<&Mention<'_>> = mentions.iter().filter(|m| m.kind() == kind).collect();
        if want_text.is_empty() {
            if !of_kind.is_empty() {
                problems.push(format!("expected no {} mention", kind.as_str()));
            }
        } else {
            let (fields, n) = expected_fields(want, defaults);
            let Some(byte) = input.find(want_text) else {
                failures.push(format!(
                    "  {input}\n    BAD CASE: 「{want_text}」 not in input"
                ));
                continue;
            };
            let start = input[..byte].chars().count();
            let end = start + want_text.chars().count();
            match of_kind.iter().find(|m| m.text == want_text) {
                None => problems.push(format!(
                    "no {} mention with text 「{want_text}」",
                    kind.as_str()
                )),
                Some(m) => {
                    if (m.start, m.end) != (start, end) {
                        problems.push(format!(
                            "range [{},{}) expected [{start},{end})",
                            m.start, m.end
                        ));
                    }
                    match serde_json::to_value(m) {
                        Ok(Json::Object(o)) => {
                            if o.get("kind").and_then(Json::as_str) != Some(kind.as_str()) {
                                problems.push(format!("kind: got {:?}", o.get("kind")));
                            }
                            problems.extend(compare_fields(&o, &fields, MENTION_KEYS));
                        }
                        other => problems.push(format!("JSON is not an object: {other:?}")),
                    }
                }
            }
            if of_kind.len() != n {
                problems.push(format!(
                    "expected {n} {} mention(s), found {}",
                    kind.as_str(),
                    of_kind.len()
                ));
            }
        }
        if !problems.is_empty() {
            let got = if mentions.is_empty() {
                "(nothing)".to_string()
            } else {
                mentions
                    .iter()
                    .map(describe)
                    .collect::<Vec<_>>()
                    .join("\n           ")
            };
            let want_desc = if want_text.is_empty() {
                format!("no {} mention", kind.as_str())
            } else {
                format!("「{want_text}」 {want}")
            };
            failures.push(format!(
                "  {input}\n    expected: {want_desc}\n    got:      {got}\n    problems: {}",
                problems.join("; ")
            ));
        }
    }
    failures
}

/// Checks an error against `!code` or `!code@byte`.
fn check_error(err: &xiangmu::Error, want: &str) -> Option<String> {
    let want = want.trim_start_matches('!');
    let (code, at) = match want.split_once('@') {
        Some((c, a)) => (c, Some(a.parse::<usize>().expect("bad @byte in case"))),
        None => (want, None),
    };
    let got_code = err.kind().code();
    let got_at = err.span().start;
    if got_code != code || at.is_some_and(|a| a != got_at) {
        Some(format!("error {got_code}@{got_at} ({err})"))
    } else {
        None
    }
}

/// Runs `(input, expected)` rows through `f`, which returns the result's
/// JSON (or its decimal string) or the error.
fn run_pairs<F>(rows: &[Pair], defaults: &[(&str, &str)], f: F) -> Vec<String>
where
    F: Fn(&str) -> Result<Json, xiangmu::Error>,
{
    let mut failures = Vec::new();
    for &(input, want) in rows {
        let got = match catch_unwind(AssertUnwindSafe(|| f(input))) {
            Ok(r) => r,
            Err(_) => {
                failures.push(format!(
                    "  {input:?}\n    expected: {want}\n    got:      PANIC"
                ));
                continue;
            }
        };
        let problem = match (&got, want.starts_with('!')) {
            (Err(e), true) => check_error(e, want),
            (Err(e), false) => Some(format!(
                "error {}@{} ({e})",
                e.kind().code(),
                e.span().start
            )),
            (Ok(v), true) => Some(format!("Ok({v})")),
            (Ok(Json::String(s)), false) => (s != want).then(|| format!("Ok({s})")),
            (Ok(Json::Object(o)), false) => {
                let (fields, _) = expected_fields(want, defaults);
                let diffs = compare_fields(o, &fields, &[]);
                (!diffs.is_empty()).then(|| format!("{o:?}\n    problems: {}", diffs.join("; ")))
            }
            (Ok(other), false) => Some(format!("unexpected JSON {other}")),
        };
        if let Some(p) = problem {
            failures.push(format!(
                "  {input:?}\n    expected: {want}\n    got:      {p}"
            ));
        }
    }
    failures
}

/// Fails with every collected failure of a group.
fn finish(group: &str, total: usize, failures: Vec<String>) {
    if !failures.is_empty() {
        panic!(
            "{group}: {} of {total} cases failed:\n{}\n",
            failures.len(),
            failures.join("\n")
        );
    }
}

fn money_group(group: &str, rows: &[Row]) {
    finish(
        group,
        rows.len(),
        run_extract(Kind::Money, MONEY_DEFAULTS, rows),
    );
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn numbers() {
    let failures = run_pairs(NUMBERS, &[], |s| {
        parse_number(s).map(|d| Json::String(d.normalize().to_string()))
    });
    finish("parse_number", NUMBERS.len(), failures);
}

#[test]
fn money_units() {
    money_group("money units and numerals", MONEY_UNITS);
}

#[test]
fn money_qualifiers() {
    money_group("money qualifiers", MONEY_QUALIFIERS);
}

#[test]
fn money_ranges() {
    money_group("money ranges", MONEY_RANGES);
}

#[test]
fn money_vague() {
    money_group("money vague", MONEY_VAGUE);
}

#[test]
fn money_magnitudes() {
    money_group("money magnitudes without a number", MONEY_MAGNITUDES);
}

#[test]
fn money_currencies() {
    money_group("money currencies", MONEY_CURRENCIES);
}

#[test]
fn money_roles() {
    money_group("money roles", MONEY_ROLES);
}

#[test]
fn money_bare_after_role() {
    money_group("money bare 亿/万 after a role word", MONEY_BARE);
}

#[test]
fn money_negatives() {
    money_group("not money", MONEY_NEGATIVES);
}

#[test]
fn areas() {
    finish(
        "area",
        AREAS.len(),
        run_extract(Kind::Area, AREA_DEFAULTS, AREAS),
    );
}

#[test]
fn parse_money_cases() {
    let failures = run_pairs(PARSE_MONEY, MONEY_DEFAULTS, |s| {
        parse_money(s).map(|m| serde_json::to_value(m).unwrap_or(Json::Null))
    });
    finish("parse_money", PARSE_MONEY.len(), failures);
}

#[test]
fn parse_area_cases() {
    let failures = run_pairs(PARSE_AREA, AREA_DEFAULTS, |s| {
        parse_area(s).map(|a| serde_json::to_value(a).unwrap_or(Json::Null))
    });
    finish("parse_area", PARSE_AREA.len(), failures);
}

#[test]
fn case_count() {
    let groups: &[(&str, usize)] = &[
        ("parse_number", NUMBERS.len()),
        ("money units", MONEY_UNITS.len()),
        ("money qualifiers", MONEY_QUALIFIERS.len()),
        ("money ranges", MONEY_RANGES.len()),
        ("money vague", MONEY_VAGUE.len()),
        ("money magnitudes", MONEY_MAGNITUDES.len()),
        ("money currencies", MONEY_CURRENCIES.len()),
        ("money roles", MONEY_ROLES.len()),
        ("money bare", MONEY_BARE.len()),
        ("money negatives", MONEY_NEGATIVES.len()),
        ("area", AREAS.len()),
        ("parse_money", PARSE_MONEY.len()),
        ("parse_area", PARSE_AREA.len()),
    ];
    let total: usize = groups.iter().map(|g| g.1).sum();
    assert!(total >= 230, "only {total} cases: {groups:?}");
}

#[test]
fn percent_points_shared_by_a_list() {
    // `N个` before a later `个百分点` of the same comparison is points too.
    let got = |text: &str| -> Vec<(String, &'static str, String)> {
        extract(text, &Options::default())
            .iter()
            .filter(|m| matches!(m.kind(), Kind::Percent | Kind::Count))
            .map(|m| {
                let v = serde_json::to_value(m).unwrap();
                let detail = match v["unit"].as_str() {
                    Some(u) => format!("{}={}", u, v["value"]),
                    None => v["value"].to_string(),
                };
                (m.text.to_string(), m.kind().as_str(), detail)
            })
            .collect()
    };
    let t = |s: &str, k: &'static str, d: &str| (s.to_string(), k, d.to_string());
    assert_eq!(
        got("增长8.4%，高于全国4.5个、全省1个百分点。"),
        [
            t("8.4%", "percent", r#"percent="8.4""#),
            t("4.5个", "percent", r#"point="4.5""#),
            t("1个百分点", "percent", r#"point="1""#),
        ]
    );
    assert_eq!(
        got("分别提高2个、3个和1.5个百分点"),
        [
            t("2个", "percent", r#"point="2""#),
            t("3个", "percent", r#"point="3""#),
            t("1.5个百分点", "percent", r#"point="1.5""#),
        ]
    );
    // No comparison before: a count, not points.
    assert_eq!(
        got("项目12个、投资增长1个百分点")[0],
        t("12个", "count", r#"个=12"#)
    );
    assert_eq!(
        got("新开工项目12个、竣工项目3个")[1],
        t("3个", "count", r#"个=3"#)
    );
}

#[test]
fn count_with_a_bracketed_second_measure_word() {
    // 家(次): enterprises or visits; the span takes the brackets, the unit
    // stays the first word.
    for (text, want) in [
        ("实地走访企业9923家(次)，收集问题", "9923家(次)"),
        ("走访9923家（次）", "9923家（次）"),
        ("5家(企业)", "5家"),
    ] {
        let found = extract(text, &Options::default());
        let m = found
            .iter()
            .find(|m| m.kind() == Kind::Count)
            .unwrap_or_else(|| panic!("no count in {text}"));
        assert_eq!(m.text, want, "{text}");
        let v = serde_json::to_value(m).unwrap();
        assert_eq!(
            (v["unit"].as_str(), v["value"].as_u64()),
            (
                Some("家"),
                Some(if want.starts_with('5') { 5 } else { 9923 })
            )
        );
        assert_eq!(&text[m.span.range()], m.text);
    }
}
