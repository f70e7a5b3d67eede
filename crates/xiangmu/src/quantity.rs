//! The shared scanner for "number + unit" facts: it reads a number once
//! (with its qualifiers and an optional range) and lets the unit that
//! follows decide the kind (money, area, or nothing).

use crate::area::AreaUnit;
use crate::charset::CharSet;
use crate::decimal::Decimal;
use crate::error::Result;
use crate::lexicon::{CURRENCY_SUFFIX_MAP, MONEY_ROLE_MAP};
use crate::money::Currency;
use crate::numeral::{self, Numeral};
use crate::qualifier::{self, Qualifier};
use crate::span::Span;
use crate::words::WordMap;
use std::sync::LazyLock;

/// What follows the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A currency word (元, 美元, 块 ...).
    Money(Currency),
    /// An area unit.
    Area(AreaUnit),
    /// A measure word (个, 家, 名 ...) at this normalized byte range.
    Count(Span),
    /// `%`, `百分之`, `成` (tenths, already scaled to percent).
    Percent,
    /// 百分点: percentage points.
    Point,
    /// Electric power; the factor converts the written unit to kW.
    Power(u32),
    /// Nothing we know: a bare number (with 万/亿 it may still be money
    /// after a role word).
    None,
}

/// A number with its qualifier and unit, in normalized byte offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quantity {
    /// From the first qualifier word to the last unit or qualifier word.
    pub span: Span,
    /// Where the number itself starts (after any prefix qualifier).
    pub number_start: usize,
    /// Where the number ends and its unit (if any) starts.
    pub number_end: usize,
    /// The value; `None` for ranges and vague amounts.
    pub value: Option<Decimal>,
    /// Low end of a range.
    pub low: Option<Decimal>,
    /// High end of a range.
    pub high: Option<Decimal>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The unit.
    pub unit: Unit,
    /// A 万 or 亿 was written (for the bare-number rule).
    pub large_magnitude: bool,
    /// One past the last byte any reading consumed: a scanner resumes here
    /// when nothing was found, which keeps long runs of digits linear.
    pub consumed: usize,
    /// `2×100万千瓦`: the number of units (the value is then the total).
    pub units: Option<Decimal>,
    /// The number was written with digits (not a bare magnitude such as
    /// the 百 of 近百家).
    pub explicit: bool,
    /// The number is a lone Chinese 一 (一个, 一次: an article, not a count).
    pub lone_one: bool,
}

/// Whether a comparison (高于, 提高, 分别 ...) comes before byte `at` in
/// its clause, within 12 characters: `高于全国4.5个` but not `项目12个`.
fn compares_before(s: &str, at: usize) -> bool {
    const CUES: [&str; 14] = [
        "高于", "低于", "快于", "慢于", "超过", "提高", "提升", "下降", "降低", "增长", "上升",
        "回落", "分别", "增加",
    ];
    // A list (、) stays within the comparison: 提高2个、3个和1个百分点.
    let window = text_before(s, at, 12, |c| c != '、' && crate::lexicon::ends_clause(c));
    CUES.iter().any(|cue| window.contains(cue))
}

/// Whether `N个` ending at `at` shares the 百分点 of a later item of the
/// same list: `高于全国4.5个、全省1个百分点`, `分别提高2个、3个和1.5个百分点`.
/// The list goes on with 、/和/与/及, then at most six characters (a place
/// or a subject, no digits, no clause end), a number and 个; it must end
/// in `个百分点` within eight items.
fn shares_points(s: &str, mut at: usize) -> bool {
    fn is_numeral(c: char) -> bool {
        c.is_ascii_digit() || c == '.' || "零〇一二两三四五六七八九十".contains(c)
    }
    for _ in 0..8 {
        let mut chars = s[at..].chars();
        match chars.next() {
            Some(c @ ('、' | '和' | '与' | '及')) => at += c.len_utf8(),
            _ => return false,
        }
        let mut between = 0;
        while let Some(c) = char_at(s, at)
            && !is_numeral(c)
        {
            if between == 6 || crate::lexicon::ends_clause(c) {
                return false;
            }
            at += c.len_utf8();
            between += 1;
        }
        let digits = at;
        while let Some(c) = char_at(s, at)
            && is_numeral(c)
        {
            at += c.len_utf8();
        }
        if at == digits {
            return false;
        }
        if s[at..].starts_with("个百分点") {
            return true;
        }
        if !s[at..].starts_with('个') {
            return false;
        }
        at += '个'.len_utf8();
    }
    false
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// Characters a number, a vague amount (数十, 上百) or 百分之 starts with.
pub(crate) static STARTS: CharSet =
    CharSet::new("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟幺弍数几上");

/// Whether a quantity may start at byte `at` (a char boundary): one bitmap
/// lookup, the cheap test every position of a text goes through.
pub(crate) fn may_start(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    match b.get(at) {
        // Not inside a number or a word such as "A380" (an ASCII byte
        // before is the whole character before).
        Some(d) if d.is_ascii_digit() => !at
            .checked_sub(1)
            .is_some_and(|p| b[p].is_ascii_alphanumeric() || b[p] == b'.'),
        Some(&lead) if (0xE0..0xF0).contains(&lead) => {
            // 数, 几 and 上 start a number only as a vague amount.
            let vague = |c: &[u8]| ["数", "几", "上"].iter().any(|w| c == w.as_bytes());
            STARTS.contains_cjk_at(b, at)
                && (!b.get(at..at + 3).is_some_and(vague) || is_vague_lead(s, at))
        }
        _ => false,
    }
}

/// 数十, 数百, 几十, 上百, 上千, 上万: a vague amount starts here.
///
/// Every quantity candidate goes through this test, so it compares bytes
/// (two three-byte characters) instead of decoding `char`s.
fn is_vague_lead(s: &str, at: usize) -> bool {
    let Some(pair) = s.as_bytes().get(at..at + 6) else {
        return false;
    };
    let (lead, next) = pair.split_at(3);
    let is = |c: &str| next == c.as_bytes();
    let magnitude = is("百") || is("千") || is("万") || is("亿");
    if lead == "数".as_bytes() || lead == "几".as_bytes() {
        magnitude || is("十")
    } else {
        lead == "上".as_bytes() && magnitude
    }
}

/// Reads the quantity whose number starts at `at`. `Ok(None)` when there
/// is no number; the caller then skips to [`skip_after`].
pub(crate) fn scan(s: &str, at: usize) -> Result<Option<Quantity>> {
    if is_vague_lead(s, at) {
        return Ok(scan_vague(s, at));
    }
    if s[at..].starts_with("百分之") {
        return scan_percent_words(s, at);
    }
    let Some(first) = numeral::scan(s, at)? else {
        return Ok(None);
    };
    let mut q = Quantity {
        span: Span::new(at, first.end),
        number_start: at,
        number_end: first.end,
        value: Some(first.value),
        low: None,
        high: None,
        qualifier: if first.more {
            Qualifier::MoreThan
        } else {
            Qualifier::Exact
        },
        unit: Unit::None,
        large_magnitude: has_large_magnitude(s, at, first.end),
        consumed: first.end,
        units: None,
        explicit: !first.implicit,
        lone_one: !first.arabic && first.value == Decimal::ONE && !first.magnitude,
    };
    if let Some(high) = first.high {
        // 八九亿
        q.value = None;
        q.low = Some(first.value);
        q.high = Some(high);
        q.qualifier = Qualifier::Range;
    }
    let mut i = first.end;
    // 2×100万千瓦, 4×660MW: units times the capacity of one.
    if let Some((times, per, per_unit, end)) = scan_units_times(s, &first)? {
        q.units = Some(times);
        q.value = times.checked_mul(per);
        q.unit = per_unit;
        q.span.end = end;
        q.consumed = end;
        q.large_magnitude = false;
        return Ok(Some(q));
    }
    // A unit may stand after the low end too: 1万元--5万元, 1万(含)-5万元.
    let low_unit_at = skip_spaces(s, i);
    let low_unit_read = read_unit(s, low_unit_at, money_like(&first));
    let (low_unit, after_low_unit) = low_unit_read;
    let after_low = skip_incl(
        s,
        if low_unit == Unit::None {
            i
        } else {
            after_low_unit
        },
    );
    if q.low.is_none()
        && let Some((second, after_mark)) = scan_range_high(s, after_low)?
    {
        let (high_unit, _) = read_unit(s, skip_spaces(s, second.end), money_like(&second));
        let units_agree = low_unit == Unit::None || low_unit == high_unit;
        if units_agree {
            q.low = Some(scale_low(&first, &second, s, at, after_mark));
            q.high = Some(second.value);
            q.value = None;
            q.qualifier = Qualifier::Range;
            q.large_magnitude |= has_large_magnitude(s, after_mark, second.end);
            i = second.end;
            q.consumed = i;
        }
    }
    // The unit.
    let unit_at = skip_spaces(s, i);
    q.number_end = i;
    let plain_count_ok = q.low.is_some() || money_like(&first);
    // Without a range the unit is the one read after the low end: the
    // same reading (`read_unit` has no other input), not done twice.
    let (unit, after_unit) = if unit_at == low_unit_at && plain_count_ok == money_like(&first) {
        low_unit_read
    } else {
        read_unit(s, unit_at, plain_count_ok)
    };
    let (unit, after_unit) = match unit {
        // 九成: tenths, only after a small Chinese number (not 建成).
        Unit::None
            if s[unit_at..].starts_with('成')
                && !first.arabic
                && q.value.is_some_and(|v| v <= Decimal::TEN) =>
        {
            q.value = q.value.map(|v| v * Decimal::TEN);
            (Unit::Percent, unit_at + '成'.len_utf8())
        }
        Unit::Power(f) => {
            q.value = q.value.and_then(|v| v.checked_mul(Decimal::from(f)));
            q.low = q.low.and_then(|v| v.checked_mul(Decimal::from(f)));
            q.high = q.high.and_then(|v| v.checked_mul(Decimal::from(f)));
            (unit, after_unit)
        }
        _ => (unit, after_unit),
    };
    if unit != Unit::None {
        q.unit = unit;
        i = after_unit;
        if let Unit::Money(_) = unit {
            i = read_subunits(s, i, &mut q);
        }
    } else if !q.large_magnitude {
        // No unit and no 万/亿: neither money nor area (most numbers of a
        // text: dates, counts, 一 in words); skip the qualifier lookups.
        q.span.end = i;
        return Ok(Some(q));
    }
    apply_qualifiers(s, at, i, &mut q);
    q.consumed = q.consumed.max(q.span.end);
    Ok(Some(q))
}

/// `万元GDP`, `万亩良田`: a bare 万/亿 with no number before it and no
/// qualifier names a scale, not an amount (`亿元以上`, `过亿元` are amounts).
pub(crate) fn is_bare_magnitude(s: &str, q: &Quantity) -> bool {
    let t = &s[q.number_start..];
    (t.starts_with('万') || t.starts_with('亿')) && q.qualifier == Qualifier::Exact
}

/// Extends `q` (whose number starts at `at` and unit ends at `end`) with
/// the qualifier words around it.
fn apply_qualifiers(s: &str, at: usize, end: usize, q: &mut Quantity) {
    // A 多/余 between the magnitude and the unit is already in the number;
    // one after a bare number and before the unit (100余亩) too.
    q.span.end = end;
    // Suffix qualifier: 以上, 左右, (含)以上 ...
    if let Some((len, qual)) = qualifier::SUFFIX_MAP.prefix_of(&s[end..]) {
        // 内 only closes an amount (8亿元内), never starts a word (内容).
        let word_follows = qual == Qualifier::AtMost
            && s[end..].starts_with('内')
            && char_at(s, end + len).is_some_and(is_word_char);
        if !word_follows && q.qualifier != Qualifier::Range {
            if q.qualifier == Qualifier::Exact || q.qualifier == Qualifier::MoreThan {
                q.qualifier = qual;
            }
            q.span.end = end + len;
        }
    }
    // Prefix qualifier: 约, 超过, 不低于 ...
    if let Some((len, qual)) = prefix_qualifier(s, at) {
        q.span.start = at - len;
        if q.qualifier != Qualifier::Range {
            q.qualifier = qual;
        }
    }
    q.consumed = q.consumed.max(q.span.end);
}

/// Whether the digits at `start..end` carry a 万 or 亿.
///
/// A plain byte loop: the span is a few bytes, too short for the
/// searcher behind `str::contains` to pay off. 万 is `E4 B8 87` and 亿
/// `E4 BA BF`; in valid UTF-8 a lead byte `E4` only starts a character.
fn has_large_magnitude(s: &str, start: usize, end: usize) -> bool {
    let Some(t) = s.get(start..end) else {
        return false;
    };
    let t = t.as_bytes();
    (0..t.len().saturating_sub(2))
        .any(|k| t[k] == 0xE4 && matches!((t[k + 1], t[k + 2]), (0xB8, 0x87) | (0xBA, 0xBF)))
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    while s.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// Skips a `(含)` (inclusive) marker.
fn skip_incl(s: &str, i: usize) -> usize {
    for mark in ["(含)", "（含）"] {
        if s[i..].starts_with(mark) {
            return i + mark.len();
        }
    }
    i
}

/// A range mark (`-`, `--`, `至`, `到`) and a number after it.
fn scan_range_high(s: &str, i: usize) -> Result<Option<(Numeral, usize)>> {
    let b = s.as_bytes();
    let mut j = skip_spaces(s, i);
    if b.get(j) == Some(&b'-') {
        while b.get(j) == Some(&b'-') {
            j += 1;
        }
    } else if s[j..].starts_with('至') || s[j..].starts_with('到') {
        j += 3;
    } else {
        return Ok(None);
    }
    let j = skip_spaces(s, j);
    let Some(c) = char_at(s, j) else {
        return Ok(None);
    };
    if !(c.is_ascii_digit() || numeral::digit_value(c).is_some() || matches!(c, '十' | '百' | '千'))
    {
        return Ok(None);
    }
    Ok(numeral::scan(s, j)?.filter(|n| !n.more).map(|n| (n, j)))
}

/// The low end of a range: `5-10亿元` writes the magnitude once, so the low
/// end borrows it when it has none itself and stays below the high end.
fn scale_low(
    low: &Numeral,
    high: &Numeral,
    s: &str,
    low_start: usize,
    high_start: usize,
) -> Decimal {
    if has_large_magnitude(s, low_start, low.end) {
        return low.value;
    }
    let scale = trailing_scale(s, high_start, high.end);
    // 十八至三十万 borrows 万; 两到三仟 borrows 仟 only when the low end has
    // no unit of its own (三千到五千 stays 3000).
    let borrow = scale >= Decimal::from(10_000) || (!low.magnitude && scale > Decimal::ONE);
    match low.value.checked_mul(scale) {
        Some(scaled) if borrow && scaled <= high.value => scaled.normalize(),
        _ => low.value,
    }
}

/// The magnitude a number ends with: the last 万/亿 run, else the last
/// 十/百/千 (`两千万` -> 10^4, `三仟` -> 10^3, `3千万` -> 10^7).
fn trailing_scale(s: &str, start: usize, end: usize) -> Decimal {
    let t = &s[start..end];
    let mut scale = Decimal::ONE;
    let arabic = t.starts_with(|c: char| c.is_ascii_digit());
    for c in t.chars().rev() {
        let m: u64 = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            'k' | 'K' => 1000,
            'w' | 'W' => 10_000,
            _ => break,
        };
        if !arabic && scale > Decimal::ONE && m < 10_000 {
            break; // 两千万: only the 万
        }
        scale *= Decimal::from(m);
    }
    scale
}

/// `百分之八十`, `百分之十二点五`: a percent written in words.
fn scan_percent_words(s: &str, at: usize) -> Result<Option<Quantity>> {
    let num_at = at + "百分之".len();
    let Some(n) = numeral::scan(s, num_at)? else {
        return Ok(None);
    };
    let mut q = Quantity {
        span: Span::new(at, n.end),
        number_start: at,
        number_end: n.end,
        value: Some(n.value),
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: Unit::Percent,
        large_magnitude: false,
        consumed: n.end,
        units: None,
        explicit: true,
        lone_one: false,
    };
    apply_qualifiers(s, at, n.end, &mut q);
    Ok(Some(q))
}

/// `N×M unit` with a power unit: (N, M in kW, unit, end).
fn scan_units_times(s: &str, first: &Numeral) -> Result<Option<(Decimal, Decimal, Unit, usize)>> {
    let Some(c) = char_at(s, first.end) else {
        return Ok(None);
    };
    if !matches!(c, '×' | 'x' | 'X' | '*') || first.magnitude || first.fraction {
        return Ok(None);
    }
    let Some(per) = numeral::scan(s, first.end + c.len_utf8())? else {
        return Ok(None);
    };
    match read_unit(s, per.end, true) {
        (Unit::Power(f), end) => {
            let kw = per.value.checked_mul(Decimal::from(f));
            Ok(kw.map(|kw| (first.value, kw, Unit::Power(1), end)))
        }
        _ => Ok(None),
    }
}

/// Whether a number is more than a bare Chinese digit (for 块: 30块,
/// 十块 are money, 一块 is "a piece").
fn money_like(n: &Numeral) -> bool {
    n.arabic || n.magnitude
}

/// The unit at `i`: a currency word or an area unit, and its end.
fn read_unit(s: &str, i: usize, plain_count_ok: bool) -> (Unit, usize) {
    let rest = &s[i..];
    // Most numbers of a text are followed by none of the units: one lookup
    // answers them before any word comparison.
    let b = s.as_bytes();
    let may_be_unit = match b.get(i) {
        Some(&x) if x < 0x80 => UNIT_STARTS.contains_cp(u32::from(x)),
        // Every unit word starts with ASCII or a three-byte character.
        Some(&x) if (0xE0..0xF0).contains(&x) => UNIT_STARTS.contains_cjk_at(b, i),
        _ => false,
    };
    if !may_be_unit {
        return (Unit::None, i);
    }
    if let Some((len, cur)) = CURRENCY_SUFFIX_MAP.prefix_of(rest) {
        let mut end = i + len;
        if rest.starts_with('块') {
            if s[end..].starts_with('钱') {
                end += 3;
            } else if !plain_count_ok {
                // 一块绊脚石, 五块地: 块 is a measure word there.
                return (Unit::None, i);
            }
        }
        // 元 before another currency word: 三万元欧元 -> the second wins.
        if let Some((len2, cur2)) = CURRENCY_SUFFIX_MAP.prefix_of(&s[end..])
            && cur2 != Currency::Cny
        {
            return (Unit::Money(cur2), end + len2);
        }
        return (Unit::Money(cur), end);
    }
    if let Some(b) = rest.as_bytes().first()
        && (*b == b'%' || *b < 0x80 && b.is_ascii_alphabetic())
    {
        if *b == b'%' {
            return (Unit::Percent, i + 1);
        }
        if let Some((len, f)) = POWER_UNIT_MAP.prefix_of(rest) {
            if !char_at(s, i + len).is_some_and(|c| c.is_ascii_alphabetic()) {
                return (Unit::Power(f), i + len);
            }
        }
    }
    for word in ["个百分点", "百分点"] {
        if rest.starts_with(word) {
            return (Unit::Point, i + word.len());
        }
    }
    if rest.starts_with('个') && shares_points(s, i + '个'.len_utf8()) && compares_before(s, i) {
        return (Unit::Point, i + '个'.len_utf8());
    }
    if let Some((len, f)) = POWER_UNIT_MAP.prefix_of(rest) {
        return (Unit::Power(f), i + len);
    }
    if let Some((len, unit)) = AREA_UNIT_MAP.prefix_of(rest) {
        // 平 alone only when no word follows (8000平，; not 平台, 平均).
        if rest.starts_with('平')
            && len == '平'.len_utf8()
            && char_at(s, i + len).is_some_and(is_word_char)
        {
            return (Unit::None, i);
        }
        return (Unit::Area(unit), i + len);
    }
    if let Some((len, ())) = crate::lexicon::MEASURE_WORD_MAP.prefix_of(rest) {
        // 项目 is a noun, not 项 + 目.
        if !(rest.starts_with('项') && s[i + len..].starts_with('目')) {
            return (Unit::Count(Span::new(i, i + len)), i + len);
        }
    }
    (Unit::None, i)
}

/// First characters of every unit word `read_unit` knows: currencies,
/// areas, percent and points, power, measure words.
static UNIT_STARTS: CharSet = CharSet::new(
    "新美港欧日英澳加韩卢泰台瑞法元圆块平公亩㎡㎞kmK%个百千兆吉MGkwW人家名栋幢项次件座套条处批户位宗场辆支种间只",
);

/// Power units and their factor to kW; 万千瓦 is 万 (read with the number)
/// and 千瓦.
const POWER_UNITS: &[(&str, u32)] = &[
    ("千瓦", 1),
    ("兆瓦", 1000),
    ("吉瓦", 1_000_000),
    ("kW", 1),
    ("KW", 1),
    ("kw", 1),
    ("MW", 1000),
    ("GW", 1_000_000),
];

static POWER_UNIT_MAP: LazyLock<WordMap<u32>> = LazyLock::new(|| WordMap::new(POWER_UNITS));

static AREA_UNIT_MAP: LazyLock<WordMap<AreaUnit>> = LazyLock::new(|| WordMap::new(AREA_UNITS));

const AREA_UNITS: &[(&str, AreaUnit)] = &[
    ("平方公里", AreaUnit::SquareKilometer),
    ("平方千米", AreaUnit::SquareKilometer),
    ("平方米", AreaUnit::SquareMeter),
    ("平米", AreaUnit::SquareMeter),
    ("公顷", AreaUnit::Hectare),
    ("km²", AreaUnit::SquareKilometer),
    ("km2", AreaUnit::SquareKilometer),
    ("m²", AreaUnit::SquareMeter),
    ("㎡", AreaUnit::SquareMeter),
    ("㎞²", AreaUnit::SquareKilometer),
    ("亩", AreaUnit::Mu),
    ("平", AreaUnit::SquareMeter),
];

/// A letter or an ideograph: a word goes on.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// 角 and 分 after 元 (`123元1角1分`), 毛 after 块, and a closing 整.
fn read_subunits(s: &str, mut i: usize, q: &mut Quantity) -> usize {
    for (unit, scale) in [("角", 1u32), ("毛", 1), ("分", 2)] {
        let Ok(Some(n)) = numeral::scan(s, i) else {
            continue;
        };
        if n.magnitude
            || n.fraction
            || n.value >= Decimal::from(10)
            || !s[n.end..].starts_with(unit)
        {
            continue;
        }
        let part = Decimal::from_i128_with_scale(n.value.mantissa(), n.value.scale() + scale);
        if let Some(v) = q.value.as_mut() {
            *v += part;
        }
        i = n.end + unit.len();
        if unit == "毛" && s[i..].starts_with("钱") {
            i += 3;
        }
    }
    if s[i..].starts_with('整') || s[i..].starts_with('钱') {
        i += 3;
    }
    i
}

/// 数十亿元, 上百亿元, 几十万块: a vague amount.
fn scan_vague(s: &str, at: usize) -> Option<Quantity> {
    let lead = char_at(s, at)?;
    let mut i = at + lead.len_utf8();
    while let Some(c) = char_at(s, i).filter(|c| matches!(c, '十' | '百' | '千' | '万' | '亿'))
    {
        i += c.len_utf8();
    }
    let (unit, end) = read_unit(s, i, true);
    let end = if unit == Unit::None { i } else { end };
    Some(Quantity {
        span: Span::new(at, end),
        number_start: at,
        number_end: i,
        value: None,
        low: None,
        high: None,
        qualifier: Qualifier::Vague,
        unit,
        large_magnitude: has_large_magnitude(s, at, i),
        consumed: end,
        units: None,
        explicit: false,
        lone_one: false,
    })
}

/// A qualifier word directly before `at`, not the tail of another word
/// (签约 is not 约, 通过 is not 过).
fn prefix_qualifier(s: &str, at: usize) -> Option<(usize, Qualifier)> {
    let before = &s[..at];
    let (len, qual) = qualifier::PREFIX_MAP.suffix_of(before)?;
    let word_start = at - len;
    let prev = char_before(s, word_start);
    let single = len == 3;
    if single {
        let word = &s[word_start..at];
        let blocked = match word {
            "约" => prev.is_some_and(|p| "签预节公条制集履".chars().any(|x| x == p)),
            "过" => prev.is_some_and(|p| "通经不度难越".chars().any(|x| x == p)),
            "近" => prev.is_some_and(|p| "最附邻就靠".chars().any(|x| x == p)),
            "超" => prev.is_some_and(|p| p == '赶'),
            _ => false,
        };
        if blocked {
            return None;
        }
    }
    Some((len, qual))
}

/// The money role of an amount whose span starts at `start`: the nearest
/// role word before it in the same clause, within a short window, and the
/// byte where that word ends.
pub(crate) fn money_role(s: &str, start: usize) -> Option<(crate::money::MoneyRole, usize)> {
    let mut i = start;
    let mut chars = 0;
    while i > 0 && chars < 24 {
        let c = char_before(s, i)?;
        if crate::lexicon::ends_clause(c) {
            return None;
        }
        if let Some((len, role)) = MONEY_ROLE_MAP.suffix_of(&s[..i]) {
            // 完成…投资 (完成产业项目投资): completed, not plain investment.
            let role = if role == crate::money::MoneyRole::Investment
                && clause_before(s, i - len, 12).contains("完成")
            {
                crate::money::MoneyRole::CompletedInvestment
            } else {
                role
            };
            return Some((role, i));
        }
        i -= c.len_utf8();
        chars += 1;
    }
    None
}

/// Up to `max` characters before `end`, stopping at a clause end.
fn clause_before(s: &str, end: usize, max: usize) -> &str {
    text_before(s, end, max, crate::lexicon::ends_clause)
}

/// Up to `max` characters before `end`, stopping at a character `stop`
/// accepts.
fn text_before(s: &str, end: usize, max: usize, stop: impl Fn(char) -> bool) -> &str {
    let mut i = end;
    for _ in 0..max {
        match char_before(s, i) {
            Some(c) if !stop(c) => i -= c.len_utf8(),
            _ => break,
        }
    }
    &s[i..end]
}

/// Where a scanner goes on after a candidate at `at` that gave nothing.
pub(crate) fn skip_after(s: &str, at: usize, consumed: usize) -> usize {
    let next = at + char_at(s, at).map_or(1, char::len_utf8);
    // Skip a whole run of digits, never just one of them.
    if s.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        consumed.max(next)
    } else {
        next
    }
}
