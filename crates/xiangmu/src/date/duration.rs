//! Durations: a number of hours, days, weeks, months or years, in the
//! unit as written (`10个月`, `24小时内`, `半年时间`, `3至5年`).

use crate::decimal::{self, Decimal};
use crate::numeral;
use crate::qualifier::{self, Qualifier};
use serde::Serialize;

/// A length of time, in the unit as written.
///
/// ```
/// let d = xiangmu::parse_duration("5个工作日内").unwrap();
/// assert_eq!(
///     serde_json::to_string(&d).unwrap(),
///     r#"{"value":"5","unit":"day","qualifier":"at_most"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Duration {
    /// The number of `unit`s (`半年` -> 0.5); `None` for a range.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// Low end of a range (`3至5年` -> 3).
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<Decimal>,
    /// High end of a range.
    #[serde(
        serialize_with = "decimal::serialize_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<Decimal>,
    /// The written unit.
    pub unit: DurationUnit,
    /// Exact, approximate, a bound or a range.
    pub qualifier: Qualifier,
}

/// Units of a duration.
///
/// ```
/// let d = xiangmu::parse_duration("两周").unwrap();
/// assert_eq!(d.unit, xiangmu::DurationUnit::Week);
/// assert_eq!(d.unit.as_str(), "week");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// 小时, 钟头.
    Hour,
    /// 天, 日, 工作日.
    Day,
    /// 周, 星期, 礼拜.
    Week,
    /// 个月.
    Month,
    /// 年, 载.
    Year,
}

impl DurationUnit {
    /// The SPEC string (`"hour"`, `"day"`, `"week"`, `"month"`, `"year"`).
    ///
    /// ```
    /// assert_eq!(xiangmu::DurationUnit::Month.as_str(), "month");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DurationUnit::Hour => "hour",
            DurationUnit::Day => "day",
            DurationUnit::Week => "week",
            DurationUnit::Month => "month",
            DurationUnit::Year => "year",
        }
    }
}

fn starts(s: &str, i: usize, w: &str) -> bool {
    s.as_bytes()
        .get(i..)
        .is_some_and(|r| r.starts_with(w.as_bytes()))
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// A number at `i`: value, high end of a colloquial range (`两三`), end,
/// whether `两`/`俩` was written, whether a 多/余 was read.
struct Num {
    value: Decimal,
    high: Option<Decimal>,
    end: usize,
    liang: bool,
    more: bool,
}

fn number(s: &str, i: usize) -> Option<Num> {
    let half = Decimal::new(5, 1);
    if starts(s, i, "半") {
        return Some(Num {
            value: half,
            high: None,
            end: i + 3,
            liang: false,
            more: false,
        });
    }
    if starts(s, i, "俩") {
        return Some(Num {
            value: Decimal::from(2),
            high: None,
            end: i + 3,
            liang: true,
            more: false,
        });
    }
    // 两三年, 三五天: two digits rising by one or two.
    let d1 = char_at(s, i).and_then(numeral::digit_value);
    let d2 = char_at(s, i + 3).and_then(numeral::digit_value);
    if let (Some(a), Some(b)) = (d1, d2)
        && a > 0
        && (b == a + 1 || b == a + 2)
        && !char_at(s, i + 6).is_some_and(|c| numeral::digit_value(c).is_some() || c == '十')
    {
        return Some(Num {
            value: Decimal::from(a),
            high: Some(Decimal::from(b)),
            end: i + 6,
            liang: starts(s, i, "两"),
            more: false,
        });
    }
    let n = numeral::scan(s, i).ok()??;
    // 百年, 千日: a bare magnitude names no length (十 is ten).
    if n.implicit && !starts(s, i, "十") {
        return None;
    }
    if n.high.is_some() {
        return None;
    }
    Some(Num {
        value: n.value,
        high: None,
        end: n.end,
        liang: starts(s, i, "两"),
        more: n.more,
    })
}

/// The unit words of a duration.
const UNITS: &[(&str, DurationUnit)] = &[
    ("小时", DurationUnit::Hour),
    ("钟头", DurationUnit::Hour),
    ("工作日", DurationUnit::Day),
    ("星期", DurationUnit::Week),
    ("礼拜", DurationUnit::Week),
    ("天", DurationUnit::Day),
    ("日", DurationUnit::Day),
    ("周", DurationUnit::Week),
    ("月", DurationUnit::Month),
    ("年", DurationUnit::Year),
    ("载", DurationUnit::Year),
];

/// The first characters of [`UNITS`].
fn unit_lead(c: Option<char>) -> bool {
    matches!(
        c,
        Some('小' | '钟' | '工' | '星' | '礼' | '天' | '日' | '周' | '月' | '年' | '载')
    )
}

/// The unit at `i`: `个`? `半`? `多`? then the unit word. Returns the unit,
/// the end, whether `半` was inside (`一个半月`), and whether `多`.
fn unit(s: &str, i: usize, n: &Num) -> Option<(DurationUnit, usize, bool, bool)> {
    let mut j = i;
    let ge = starts(s, j, "个");
    if ge {
        j += 3;
    }
    let half = ge && starts(s, j, "半");
    if half {
        j += 3;
    }
    let more = ge && !half && starts(s, j, "多");
    if more {
        j += 3;
    }
    // Most numbers are followed by no unit of time: one test on the next
    // character before the walk over the list.
    if !unit_lead(char_at(s, j)) {
        return None;
    }
    let &(w, u) = UNITS.iter().find(|(w, _)| starts(s, j, w))?;
    let end = j + w.len();
    let ok = match w {
        // 个月 (3月 is March); 半个月.
        "月" => ge,
        // 周年, 周岁 are anniversaries and ages.
        "周" => !ge && !matches!(char_at(s, end), Some('年' | '岁' | '边' | '末')),
        // 5日 is a day of the month; 90日, 两日, 5日内 are lengths.
        "日" => {
            !ge && (n.value > Decimal::from(31)
                || n.liang
                || n.high.is_some()
                || ["内", "以内", "之内", "时间", "左右", "以上"]
                    .iter()
                    .any(|w| starts(s, end, w)))
        }
        // 个年头 is not written 个年; 年级, 年代 are not lengths.
        "年" => !ge && !matches!(char_at(s, end), Some('级' | '代' | '度' | '份')),
        "载" => !ge,
        "天" => !starts(s, end, "下") && !starts(s, end, "然"),
        _ => true,
    };
    ok.then_some((u, end, half, more))
}

/// A duration at `i`: its span (from `i`, qualifier words included) and
/// value. `None` if no duration starts at `i`.
pub(crate) fn duration_at(s: &str, i: usize) -> Option<(usize, usize, Duration)> {
    // 第3年 is an ordinal.
    let prev = s.get(..i).and_then(|r| r.chars().next_back());
    if matches!(prev, Some('第' | '上' | '下' | '每')) && starts(s, i, "半") {
        return None;
    }
    if prev == Some('第') {
        return None;
    }
    let mut j = i;
    let mut q = Qualifier::Exact;
    if let Some((len, pq)) = qualifier::PREFIX_MAP.prefix_of(&s[j..]) {
        // 签约, 最近, 经过: the character closes another word; the
        // duration starts at the number.
        if len == 3 && prev.is_some_and(|p| closes_word(char_at(s, j), p)) {
            return None;
        }
        q = pq;
        j += len;
        if starts(s, j, "有") {
            j += 3; // 差不多有一年的时间
        }
    }
    let n = number(s, j)?;
    let mut k = n.end;
    let mut low = None;
    let mut high = n.high;
    // 3至5年, 3天-8天, 100到200个小时
    let mut pre_unit = None;
    if let Some((u, e, false, false)) = unit(s, k, &n) {
        pre_unit = Some((u, e));
    }
    let after_first = pre_unit.map_or(k, |(_, e)| e);
    if high.is_none()
        && let Some(c) = range_mark(s, after_first)
        && let Some(n2) = number(s, c)
        && n2.high.is_none()
        && n2.value > n.value
    {
        let second_unit = unit(s, n2.end, &n2);
        let same = match (pre_unit, second_unit) {
            (Some((u1, _)), Some((u2, _, _, _))) => u1 == u2,
            (None, Some(_)) => true,
            _ => false,
        };
        if same {
            low = Some(n.value);
            high = Some(n2.value);
            k = n2.end;
        }
    }
    let num = if low.is_some() {
        Num {
            high,
            value: n.value,
            end: k,
            liang: false,
            more: false,
        }
    } else {
        n
    };
    let (u, mut k, half_in, more_in) = unit(s, num.end, &num)?;
    let mut value = num.value;
    if low.is_none() && high.is_some() {
        low = Some(value);
    }
    let mut more = num.more || more_in;
    if half_in {
        value += Decimal::new(5, 1);
    }
    // 一年半, 两年半, 一天半
    if !half_in && low.is_none() && starts(s, k, "半") && !starts(s, k, "半年") {
        value += Decimal::new(5, 1);
        k += 3;
    }
    if starts(s, k, "多") || starts(s, k, "余") {
        more = true;
        k += 3;
    }
    // A year written as a number (约2023年) is a date, not a duration.
    if u == DurationUnit::Year
        && low.is_none()
        && value >= Decimal::from(1000)
        && value <= Decimal::from(2999)
        && value.fract().is_zero()
    {
        return None;
    }
    // 三天三夜, 6天5晚, 七载春秋
    if u == DurationUnit::Day
        && let Some(n2) = number(s, k)
        && (starts(s, n2.end, "夜") || starts(s, n2.end, "晚"))
    {
        k = n2.end + 3;
    }
    if starts(s, k, "春秋") && s[..k].ends_with('载') {
        k += 6;
    }
    if starts(s, k, "期") {
        k += 3; // 五年期
    }
    let mut k2 = k;
    if starts(s, k2, "的时间") {
        k2 += 9;
    } else if starts(s, k2, "时间") {
        k2 += 6;
    }
    const AFTER: &[(&str, Qualifier)] = &[
        ("以内", Qualifier::AtMost),
        ("之内", Qualifier::AtMost),
        ("以上", Qualifier::AtLeast),
        ("以下", Qualifier::AtMost),
        ("左右", Qualifier::Approx),
        ("上下", Qualifier::Approx),
        ("内", Qualifier::AtMost),
    ];
    let mut suffix = None;
    if let Some(&(w, sq)) = AFTER.iter().find(|(w, _)| starts(s, k2, w)) {
        // 一年内蒙古 is not 一年内.
        if !(w == "内" && starts(s, k2 + 3, "蒙")) {
            suffix = Some(sq);
            k2 += w.len();
        }
    }
    // 的时间 alone is kept only before nothing else (差不多有一年的时间).
    let end = k2;
    let qualifier = if low.is_some() {
        Qualifier::Range
    } else if q != Qualifier::Exact {
        q
    } else if let Some(sq) = suffix {
        sq
    } else if more {
        Qualifier::MoreThan
    } else {
        Qualifier::Exact
    };
    let d = if low.is_some() {
        Duration {
            value: None,
            low,
            high,
            unit: u,
            qualifier,
        }
    } else {
        Duration {
            value: Some(value.normalize()),
            low: None,
            high: None,
            unit: u,
            qualifier,
        }
    };
    Some((i, end, d))
}

/// A range mark between two numbers: `至`, `到`, `-` (repeated).
fn range_mark(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(i) == Some(&b'-') {
        let mut j = i;
        while b.get(j) == Some(&b'-') {
            j += 1;
        }
        return Some(j);
    }
    (starts(s, i, "至") || starts(s, i, "到")).then_some(i + 3)
}

/// Whether `prev` and the one-character qualifier `q` form another word
/// (签约, 最近, 经过, 赶超).
fn closes_word(q: Option<char>, prev: char) -> bool {
    let words = match q {
        Some('约') => "签合节制预相邀特履违公条契简集隐",
        Some('近') => "最附邻靠亲贴就",
        Some('过') => "通经度跨不超路错闯越熬挨走穿放看想做用去",
        Some('超') => "赶高",
        _ => "",
    };
    words.contains(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`unit_lead`] skips the list: it must accept every unit word.
    #[test]
    fn unit_lead_covers_the_units() {
        assert!(UNITS.iter().all(|(w, _)| unit_lead(w.chars().next())));
    }
}
