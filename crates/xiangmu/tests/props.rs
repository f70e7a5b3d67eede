//! Property tests: Chinese numerals round-trip through `parse_number`, no
//! input makes the library panic, every mention's offsets are consistent,
//! and extraction time grows linearly with the text.

use proptest::prelude::*;
use std::time::{Duration, Instant};
use xiangmu::{Decimal, Kind, Options, extract, parse_area, parse_money, parse_number};

#[path = "golden/anchor.rs"]
mod anchor;

// ---------------------------------------------------------------------------
// A test-side renderer of Chinese numerals.

/// How to write a numeral.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// 两 for a leading 2 before 千/百 or directly before 万/亿 (两万, 两千万, 两亿).
    liang: bool,
    /// 壹贰叁肆伍陆柒捌玖 and 拾佰仟; the 壹 of a leading 壹拾 is kept.
    financial: bool,
    /// 萬 and 億 instead of 万 and 亿.
    traditional: bool,
}

const STANDARD: Style = Style {
    liang: false,
    financial: false,
    traditional: false,
};

const STYLES: [Style; 5] = [
    STANDARD,
    Style {
        liang: true,
        ..STANDARD
    },
    Style {
        traditional: true,
        ..STANDARD
    },
    Style {
        financial: true,
        ..STANDARD
    },
    Style {
        financial: true,
        traditional: true,
        ..STANDARD
    },
];

/// `cases` cases (`PROPTEST_CASES` overrides, for a longer hunt); failures
/// are reported with their minimal input, not saved (the test crate has no
/// lib.rs for proptest's regression files).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const WAN: u64 = 10_000;
const YI: u64 = 100_000_000;
const MAX: u64 = 10_000_000_000_000_000; // 10^16, exclusive

/// `n` in Chinese numerals: 一千二百三十四万五千零六, 十二 (not 一十二) at
/// the start, one 零 per gap, 万/亿 sections, 万亿 from 10^12 on.
fn render(n: u64, style: Style) -> String {
    let mut out = String::new();
    if n == 0 {
        out.push('零');
    } else {
        render_big(n, style, false, true, &mut out);
    }
    out
}

/// `n >= 1`; `before_large`: a 万 or 亿 follows; `at_start`: nothing is
/// written before.
fn render_big(n: u64, style: Style, before_large: bool, at_start: bool, out: &mut String) {
    let (wan, yi) = if style.traditional {
        ('萬', '億')
    } else {
        ('万', '亿')
    };
    if n >= YI {
        render_big(n / YI, style, true, at_start, out);
        out.push(yi);
        let rest = n % YI;
        if rest > 0 {
            if rest < YI / 10 {
                out.push('零');
            }
            render_big(rest, style, false, false, out);
        }
    } else if n >= WAN {
        render_section(n / WAN, style, true, at_start, out);
        out.push(wan);
        let rest = n % WAN;
        if rest > 0 {
            if rest < 1000 {
                out.push('零');
            }
            render_section(rest, style, before_large, false, out);
        }
    } else {
        render_section(n, style, before_large, at_start, out);
    }
}

/// One section `1..=9999`, without leading 零.
fn render_section(x: u64, style: Style, before_large: bool, at_start: bool, out: &mut String) {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const FINANCIAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    let units: [&str; 4] = if style.financial {
        ["", "拾", "佰", "仟"]
    } else {
        ["", "十", "百", "千"]
    };
    let mut started = false;
    let mut gap = false;
    for pos in (0..4).rev() {
        let d = (x / 10u64.pow(pos)) % 10;
        if d == 0 {
            gap |= started;
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        let first = !started;
        started = true;
        if pos == 1 && d == 1 && first && at_start && !style.financial {
            // 十二, 十万: the 一 of a leading 一十 is not written.
        } else if d == 2
            && first
            && style.liang
            && !style.financial
            && before_large
            && pos != 1
            && !out.ends_with('零')
        {
            out.push('两');
        } else if style.financial {
            out.push(FINANCIAL[d as usize]);
        } else {
            out.push(DIGITS[d as usize]);
        }
        out.push_str(units[pos as usize]);
    }
}

#[test]
fn renderer_writes_the_standard_forms() {
    let cases: &[(u64, &str)] = &[
        (0, "零"),
        (10, "十"),
        (11, "十一"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1012, "一千零一十二"),
        (10000, "一万"),
        (10001, "一万零一"),
        (100_000, "十万"),
        (12_345_006, "一千二百三十四万五千零六"),
        (100_000_000, "一亿"),
        (100_000_001, "一亿零一"),
        (101_000_000, "一亿零一百万"),
        (1_000_000_000_000, "一万亿"),
        (12_000_000_000_000, "十二万亿"),
        (
            MAX - 1,
            "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九",
        ),
    ];
    for &(n, want) in cases {
        assert_eq!(render(n, STANDARD), want, "{n}");
    }
    let liang = STYLES[1];
    assert_eq!(render(20_000, liang), "两万");
    assert_eq!(render(20_000_000, liang), "两千万");
    assert_eq!(render(200_000_000, liang), "两亿");
    assert_eq!(render(220_000, liang), "二十二万");
    assert_eq!(render(2, liang), "二");
    assert_eq!(
        render(120_402_810, STYLES[3]),
        "壹亿贰仟零肆拾万贰仟捌佰壹拾"
    );
    assert_eq!(render(12, STYLES[4]), "壹拾贰");
    assert_eq!(render(1_200_000_000, STYLES[4]), "壹拾贰億");
}

/// Every style of `n` parses back to `n`.
fn check_round_trip(n: u64) -> Result<(), TestCaseError> {
    for style in STYLES {
        let written = render(n, style);
        let parsed = parse_number(&written);
        prop_assert_eq!(
            parsed.as_ref().ok(),
            Some(&Decimal::from(n)),
            "{} written {:?} ({:?}) parsed as {:?}",
            n,
            written,
            style,
            parsed
        );
    }
    Ok(())
}

#[test]
fn edge_numbers_round_trip() {
    let edges = [
        0,
        10,
        11,
        100,
        101,
        110,
        1000,
        1001,
        10000,
        10001,
        100_000_000,
        1_000_000_000_000,
        MAX - 1,
        // 两 and 零 next to the section marks.
        2,
        20,
        22,
        200,
        2_000,
        20_000,
        20_002,
        200_000_000,
        200_020_000,
        2_000_200_000_000,
        1_000_000_000_001,
        1_000_100_000_000,
        MAX / 10,
    ];
    let mut failures = Vec::new();
    for n in edges {
        if let Err(e) = check_round_trip(n) {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Numbers below 10^16, most with zero digits (gaps) in them.
fn numbers() -> impl Strategy<Value = u64> {
    let gappy = prop::collection::vec(prop_oneof![3 => Just(0u64), 2 => 0..10u64], 1..=16)
        .prop_map(|ds| ds.into_iter().fold(0, |n, d| n * 10 + d));
    prop_oneof![0..MAX, 0..100_000u64, gappy]
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn numerals_round_trip(n in numbers()) {
        let _shared = untimed();
        check_round_trip(n)?;
    }
}

// ---------------------------------------------------------------------------
// No panics, consistent mentions.

/// The option sets tried on every input: all kinds, each kind alone, and
/// all kinds with an anchor (used once the library has anchors).
fn option_sets() -> Vec<Options> {
    let mut sets = vec![Options::default(), anchor::options_for(Some("2023-06-27"))];
    sets.extend(
        Kind::ALL
            .iter()
            .map(|&k| Options::default().with_kinds(&[k])),
    );
    sets
}

/// Every mention of `text` points at its own text, in order, without
/// overlap, with code-point offsets that agree with its byte span.
fn check_mentions(text: &str, options: &Options) -> Result<(), TestCaseError> {
    let found = extract(text, options);
    let mut last_end = 0;
    for m in &found {
        let span = m.span;
        prop_assert!(
            span.start < span.end && span.end <= text.len(),
            "bad span {:?} of {:?} in {:?}",
            span,
            m.text,
            text
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {:?} not on char boundaries in {:?}",
            span,
            text
        );
        prop_assert_eq!(&text[span.range()], m.text, "span text in {:?}", text);
        prop_assert!(
            span.start >= last_end,
            "mentions out of order or overlapping at {:?} in {:?}: {:?}",
            span,
            text,
            found
        );
        last_end = span.end;
        prop_assert_eq!(
            m.start,
            text[..span.start].chars().count(),
            "start in {:?}",
            text
        );
        prop_assert_eq!(m.end, text[..span.end].chars().count(), "end in {:?}", text);
        let json = serde_json::to_value(m);
        prop_assert!(json.is_ok(), "{:?} does not serialize: {:?}", m, json);
        let json = json.unwrap_or_default();
        let by_chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        prop_assert_eq!(
            json["text"].as_str(),
            Some(by_chars.as_str()),
            "JSON text in {:?}",
            text
        );
        prop_assert_eq!(json["start"].as_u64(), Some(m.start as u64));
        prop_assert_eq!(json["end"].as_u64(), Some(m.end as u64));
    }
    Ok(())
}

/// `parse_*` never panic; errors point inside the input, on char
/// boundaries; successes serialize.
fn check_parsers(input: &str) -> Result<(), TestCaseError> {
    fn check_err(input: &str, which: &str, e: &xiangmu::Error) -> Result<(), TestCaseError> {
        let s = e.span();
        prop_assert!(
            s.start <= s.end
                && s.end <= input.len()
                && input.is_char_boundary(s.start)
                && input.is_char_boundary(s.end),
            "{} error span {:?} outside {:?} or off char boundaries: {}",
            which,
            s,
            input,
            e
        );
        let (cs, ce) = e.char_span(input);
        prop_assert!(cs <= ce && ce <= input.chars().count());
        let _ = e.to_string();
        let _ = e.kind().code();
        Ok(())
    }
    match parse_money(input) {
        Ok(m) => prop_assert!(serde_json::to_value(m).is_ok()),
        Err(e) => check_err(input, "parse_money", &e)?,
    }
    match parse_area(input) {
        Ok(a) => prop_assert!(serde_json::to_value(a).is_ok()),
        Err(e) => check_err(input, "parse_area", &e)?,
    }
    match parse_number(input) {
        Ok(d) => {
            let _ = xiangmu::decimal::spec_string(d);
        }
        Err(e) => check_err(input, "parse_number", &e)?,
    }
    Ok(())
}

/// Pieces of Chinese project news, numbers and scraping noise.
const ALPHABET: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "9",
    "０",
    "１",
    "２",
    "５",
    "９",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "兩",
    "三",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "萬",
    "億",
    "壹",
    "拾",
    "仟",
    "元",
    "亩",
    "畝",
    "约",
    "約",
    "超过",
    "超過",
    "以上",
    "至",
    "到",
    "-",
    "～",
    "~",
    ".",
    "．",
    "，",
    ",",
    "、",
    "。",
    "(含)",
    "（含）",
    "(chǎn)",
    "(",
    ")",
    "年",
    "月",
    "日",
    "号",
    " ",
    "　",
    "\n",
    "多",
    "余",
    "近",
    "逾",
    "左右",
    "数",
    "上百",
    "总投资",
    "總投資",
    "投资",
    "完成投资",
    "产值",
    "税收",
    "美元",
    "港元",
    "平方米",
    "平米",
    "㎡",
    "m²",
    "平方公里",
    "公顷",
    "块",
    "亿元",
    "万元",
    "%",
    "个",
    "项目",
    "开工",
    "签约",
    "今年",
    "去年",
    "底",
    "上旬",
    "季度",
    "上半年",
    "以来",
    "截至",
    "k",
    "w",
    "e",
    "x",
    "×",
    "MW",
    "千瓦",
    "人次",
    "万吨",
    // Traditional characters whose Simplified form is longer (襀 -> 𫌀,
    // 3 -> 4 bytes) or shorter (𧝞 -> 䘛) in UTF-8, and other astral text.
    "襀",
    "㗲",
    "𧝞",
    "😀",
    "𠀀",
];

fn chinese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..40).prop_map(|parts| parts.concat())
}

/// Inputs that once made the library panic, kept as a fixed regression set.
#[test]
fn known_hard_inputs() {
    let inputs = [
        // Found by `arbitrary_text_is_handled`: a Traditional character
        // whose Simplified form is one UTF-8 byte longer.
        "襀",
        "襀总投资1亿元",
        "㗲㗲用地300畝",
        "𧝞总投资1亿元",
    ];
    let mut failures = Vec::new();
    for input in inputs {
        let result = std::panic::catch_unwind(|| {
            for options in option_sets() {
                check_mentions(input, &options)?;
            }
            check_parsers(input)
        });
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{input:?}: {e}")),
            Err(_) => failures.push(format!("{input:?}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn chinese_text_is_handled(text in chinese_text()) {
        let _shared = untimed();
        for options in option_sets() {
            check_mentions(&text, &options)?;
        }
        check_parsers(&text)?;
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn arbitrary_text_is_handled(text in any::<String>()) {
        let _shared = untimed();
        for options in option_sets() {
            check_mentions(&text, &options)?;
        }
        check_parsers(&text)?;
    }
}

// ---------------------------------------------------------------------------
// Time.

/// The timing tests hold this for writing, the property tests for reading
/// (per case), so that nothing else runs on the machine's cores while a
/// timing test measures.
static TIMING: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn untimed() -> std::sync::RwLockReadGuard<'static, ()> {
    TIMING.read().unwrap_or_else(|e| e.into_inner())
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed())
}

/// At least `bytes` bytes of `unit` repeated.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

#[test]
fn extraction_time_is_linear() {
    let _serial = TIMING.write().unwrap_or_else(|e| e.into_inner());
    let unit = "项目总投资约1.5亿元，用地243.82亩，完成投资3000多万元；年产值超过10亿元，\
                5-10亿元，两千万元以上。2023年6月开工，编号12345 abc 二〇二三年，\
                規劃用地300畝，产(chǎn)值１２億元。";
    let options = Options::default();
    let small = repeated(unit, 1 << 20);
    let large = repeated(unit, 8 << 20);
    let (n_small, t_small) = (0..2)
        .map(|_| timed(|| extract(&small, &options).len()))
        .min_by_key(|(_, t)| *t)
        .unwrap_or_default();
    let (n_large, t_large) = timed(|| extract(&large, &options).len());
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    println!(
        "linear guard: 1 MB {n_small} mentions in {t_small:?}, 8 MB {n_large} mentions in \
         {t_large:?}, ratio {ratio:.2}"
    );
    assert!(n_small > 0, "the guard text has no mentions");
    assert!(
        n_large >= 7 * n_small,
        "8 MB gave {n_large} mentions, 1 MB {n_small}"
    );
    assert!(
        ratio < 20.0,
        "8 MB took {ratio:.1} times as long as 1 MB ({t_large:?} vs {t_small:?})"
    );
}

#[test]
fn pathological_inputs_finish() {
    let _serial = TIMING.write().unwrap_or_else(|e| e.into_inner());
    let limit = Duration::from_secs(5);
    let digits = repeated("0123456789", 1 << 20);
    let yi = "亿".repeat(100_000);
    let mixed = repeated("1亿", 256 << 10);
    let cases = [
        ("1 MB of ASCII digits", digits.as_str()),
        ("100k times 亿", yi.as_str()),
        ("256 KB of 1亿", mixed.as_str()),
    ];
    for (name, text) in cases {
        let (n, t) = timed(|| extract(text, &Options::default()).len());
        let (_, tp) = timed(|| {
            let _ = parse_number(text);
            let _ = parse_money(text);
            let _ = parse_area(text);
        });
        println!("{name}: {n} mentions in {t:?}; parse_* in {tp:?}");
        assert!(t < limit, "{name}: extract took {t:?}");
        assert!(tp < limit, "{name}: parse_* took {tp:?}");
    }
}
