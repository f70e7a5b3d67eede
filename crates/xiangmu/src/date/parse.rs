//! The date grammar: points (`2018年12月18日`, `今年一季度`, `9月下旬`),
//! ranges written once (`5月15日至17日`, `1至9月`), `X以来` and `截至X`,
//! read at a byte position of the normalized text.
//!
//! A point is read into [`Fields`] (year, month, day, a part of a year or
//! month), without looking at the anchor; [`resolve`] then turns the
//! fields into days with jiff.

use super::{DateSpan, Grain};
use crate::charset::CharSet;
use jiff::ToSpan;
use jiff::civil::Date;

/// What the scanner remembers between mentions: the last year written in
/// the text (for `当年`, `次年`), with the byte where it was read.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Context {
    /// `(byte, year)`: `year` is `None` when the reference was unresolved.
    year: Option<(usize, Option<i16>)>,
    /// The text after `year` already searched for a newline (up to this
    /// byte), and the first newline found there. Each byte is searched
    /// once, so many `当年` after one year stay linear.
    searched: usize,
    newline: Option<usize>,
}

impl Context {
    /// Remembers the year written at byte `at`.
    fn note(&mut self, at: usize, year: Option<i16>) {
        *self = Context {
            year: Some((at, year)),
            searched: at,
            newline: None,
        };
    }

    /// The year `当年` at `at` refers to: the last one noted, unless a
    /// newline (a paragraph break) lies between.
    fn year_for(&mut self, s: &str, at: usize) -> Option<i16> {
        let (pos, year) = self.year?;
        if self.newline.is_none() && self.searched < at {
            let from = self.searched.max(pos);
            self.newline = memchr::memchr(b'\n', &s.as_bytes()[from..at]).map(|k| from + k);
            self.searched = at;
        }
        match self.newline {
            Some(n) if n < at => None,
            _ => year,
        }
    }
}

/// The result of reading a date expression at a position.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    /// A date expression at `start..end` (normalized bytes).
    Found(usize, usize, DateSpan),
    /// A date is written up to `end` but does not exist (`2月30日`).
    Invalid(usize, &'static str),
    /// No date expression starts here.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearRef {
    /// As written (`2018年`, `二〇二三年`).
    Abs(i16),
    /// Two digits (`98年4月`): the year within 90 years before and 9
    /// after the anchor.
    Short(u8),
    /// The anchor's year plus this (`今年` 0, `去年` -1).
    Anchor(i8),
    /// The year of the nearest earlier reference plus this (`当年`, `次年`).
    Context(i8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthRef {
    Abs(u8),
    /// The anchor's month plus this (`本月` 0, `上个月` -1).
    Anchor(i8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayRef {
    Abs(u8),
    /// The anchor plus this many days (`今天` 0, `昨天` -1).
    Anchor(i8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Months `a..=b` of the year, with a grain (`年底` 12..=12 month,
    /// `上半年` 1..=6 half_year, `前三季度` 1..=9 quarter).
    Months(u8, u8, Grain),
    /// The whole year, said explicitly (`年内`, `全年`).
    WholeYear,
    /// The n-th day of the year (`第十天`).
    DayOfYear(u16),
    /// A quarter relative to the anchor's (`本季度` 0, `上季度` -1), and
    /// which months of it: 0 all, 1 the first, 3 the last.
    QuarterRel(i8, u8),
    /// A ten-day part of the month: 1, 2 or 3.
    Xun(u8),
    /// The first n days of the month.
    FirstDays(u8),
    /// The last n days of the month.
    LastDays(u8),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fields {
    year: Option<YearRef>,
    month: Option<MonthRef>,
    day: Option<DayRef>,
    part: Option<Part>,
    /// The year is a two-digit Chinese digit string (`九八年`).
    cn_short: bool,
}

impl Fields {
    fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none() && self.part.is_none()
    }

    fn grain(&self) -> Grain {
        if self.day.is_some() {
            return Grain::Day;
        }
        match self.part {
            Some(Part::Xun(_)) => Grain::Xun,
            Some(Part::FirstDays(_) | Part::LastDays(_) | Part::DayOfYear(_)) => Grain::Day,
            Some(Part::Months(_, _, g)) => g,
            Some(Part::WholeYear) => Grain::Year,
            Some(Part::QuarterRel(_, 0)) => Grain::Quarter,
            Some(Part::QuarterRel(..)) => Grain::Month,
            None if self.month.is_some() => Grain::Month,
            None => Grain::Year,
        }
    }

    /// The coarsest level written: 0 year, 1 month, 2 day.
    fn top_level(&self) -> u8 {
        if self.year.is_some() {
            0
        } else if self.month.is_some() {
            1
        } else if self.day.is_some() || matches!(self.part, Some(Part::Xun(_))) {
            2
        } else {
            0
        }
    }

    /// Whether the fields make a date on their own.
    fn complete(&self) -> bool {
        if self.is_empty() {
            return false;
        }
        if matches!(self.day, Some(DayRef::Abs(_))) && self.month.is_none() {
            return false;
        }
        let month_part = matches!(
            self.part,
            Some(Part::Xun(_) | Part::FirstDays(_) | Part::LastDays(_))
        );
        if month_part && self.month.is_none() {
            return false;
        }
        if matches!(self.year, Some(YearRef::Short(_)))
            && self.month.is_none()
            && self.part.is_none()
            && !self.cn_short
        {
            return false;
        }
        true
    }
}

/// A bare number waiting for the unit of the range's other end (`1至9月`).
#[derive(Debug, Clone, Copy)]
struct Pending {
    value: u32,
    /// Arabic digits written (0 for Chinese numerals).
    digits: usize,
}

#[derive(Debug, Clone, Copy)]
struct Point {
    f: Fields,
    end: usize,
    pending: Option<Pending>,
    /// Written as digits with separators (`2008.03`), so a bare year may
    /// close a range after it (`2008.03-2009`).
    numeric: bool,
}

// ---------------------------------------------------------------------
// Small readers

fn starts(s: &str, i: usize, w: &str) -> bool {
    s.as_bytes()
        .get(i..)
        .is_some_and(|r| r.starts_with(w.as_bytes()))
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// The length of a colon at `i` (`:` or the full-width `：`, which the
/// normalized view keeps).
fn colon(s: &str, i: usize) -> Option<usize> {
    if s.as_bytes().get(i) == Some(&b':') {
        Some(1)
    } else if starts(s, i, "：") {
        Some(3)
    } else {
        None
    }
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// The first of `words` written at `i`: its index and end.
fn word_at(s: &str, i: usize, words: &[&str]) -> Option<(usize, usize)> {
    words
        .iter()
        .position(|w| starts(s, i, w))
        .map(|k| (k, i + words[k].len()))
}

/// A run of ASCII digits at `i`: value (saturating), digit count, end.
fn digits(s: &str, i: usize) -> Option<(u32, usize, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && b[j].is_ascii_digit() {
        v = v.saturating_mul(10).saturating_add(u32::from(b[j] - b'0'));
        j += 1;
    }
    (j > i).then_some((v, j - i, j))
}

/// A Chinese digit of a digit string (`〇一二…九`, not `两`).
fn cn_digit(c: char) -> Option<u32> {
    match c {
        '两' | '十' => None,
        _ => crate::numeral::digit_value(c),
    }
}

/// A Chinese digit string (`二〇二三`): value, count, end.
fn cn_digits(s: &str, i: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    let mut n = 0;
    while let Some(d) = char_at(s, j).and_then(cn_digit) {
        v = v.saturating_mul(10).saturating_add(d);
        n += 1;
        j += 3;
    }
    (n > 0).then_some((v, n, j))
}

/// A Chinese number below 100 (`三`, `十`, `十二`, `二十九`, `三十一`).
fn cn_small(s: &str, i: usize) -> Option<(u32, usize)> {
    let d1 = char_at(s, i).and_then(cn_digit).filter(|&d| d > 0);
    let mut j = i;
    if d1.is_some() {
        j += 3;
    }
    if starts(s, j, "十") {
        j += 3;
        let tens = d1.unwrap_or(1) * 10;
        if let Some(d2) = char_at(s, j).and_then(cn_digit).filter(|&d| d > 0) {
            return Some((tens + d2, j + 3));
        }
        return Some((tens, j));
    }
    d1.map(|d| (d, j))
}

/// A month- or day-sized number: one or two Arabic digits (the whole run)
/// or a small Chinese number. Returns value, end, and whether Arabic.
fn small(s: &str, i: usize) -> Option<(u32, usize, bool)> {
    if let Some((v, n, end)) = digits(s, i) {
        return (n <= 2).then_some((v, end, true));
    }
    if starts(s, i, "两") {
        return None;
    }
    cn_small(s, i).map(|(v, end)| (v, end, false))
}

/// A count for `前N个月`, `最后N天`: small numbers including `两`.
fn count(s: &str, i: usize) -> Option<(u32, usize)> {
    if starts(s, i, "两") {
        return Some((2, i + 3));
    }
    small(s, i).map(|(v, end, _)| (v, end))
}

fn is_cn_numeral(c: char) -> bool {
    crate::numeral::digit_value(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Whether `c`, right after a bare number, makes it something else than
/// a day of the month (a unit, a measure word, more digits).
fn unitish(c: Option<char>) -> bool {
    let Some(c) = c else { return false };
    if c.is_ascii_alphanumeric() || matches!(c, '%' | '.' | ',' | ':' | '/' | '·') {
        return true;
    }
    is_cn_numeral(c) || UNITISH.contains(c)
}

/// The characters after a bare number that make [`unitish`] true.
static UNITISH: CharSet = CharSet::new(
    "元亩米个家项人次倍吨台辆套栋座名条块平公克斤度年月日号期级楼层室户所只件批余多强周岁天小时分秒点届位张米间处宗千万亿元",
);

/// Range marks between the two ends (`至`, `到`, `-`, `——`), with spaces.
fn connector(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = i;
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    let k = if b.get(j) == Some(&b'-') {
        let mut k = j;
        while b.get(k) == Some(&b'-') {
            k += 1;
        }
        k
    } else if starts(s, j, "至") || starts(s, j, "到") {
        // 至今, 到现在 close an open range (X以来); 到今天 is a day.
        let now =
            starts(s, j + 3, "今") && !["天", "年", "日", "明"].iter().any(|w| starts(s, j + 6, w));
        if now || starts(s, j + 3, "现在") || starts(s, j + 3, "目前") {
            return None;
        }
        j + 3
    } else {
        return None;
    };
    let mut k = k;
    while b.get(k) == Some(&b' ') {
        k += 1;
    }
    Some(k)
}

// ---------------------------------------------------------------------
// Where a date may start

/// Characters before 前年/前天 that make it part of another word
/// (目前, 之前, 提前, 年前 ...).
const BEFORE_QIAN: &str =
    "目之以提此空日年月天眼面跟门超事生战先最从向当前史朝阵节会饭睡赛考婚产期季周";
/// Characters before 后年/后天 (今后, 以后, 然后 ...).
const BEFORE_HOU: &str =
    "今以之此然最落前背先随其而午稍日过滞善售会赛战课饭婚产年月天期季周成工业约地营用运";
/// Characters before a bare 年X/月X word (多年内, 每月底 ...).
const BEFORE_BARE: &str =
    "多几半每个整近同往历逐周成少青中晚老新常终长数去今明后次翌上下当本该这那全";

fn prev_is(s: &str, i: usize, set: &str) -> bool {
    prev_char(s, i).is_some_and(|c| set.contains(c))
}

fn prev_numeral(s: &str, i: usize) -> bool {
    prev_char(s, i).is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c))
}

/// Characters that may start a date or a duration.
pub(crate) static STARTS: CharSet = CharSet::new(
    "〇零一二三四五六七八九十两俩半今去明前后当次翌上下本这大昨年月全首第截自从到至差不约将接超突最低小高近逾过同",
);

/// What may follow a number in a date or a duration.
static AFTER_NUMBER: CharSet = CharSet::new(
    "年月日号季个天周星小钟工礼载半多余至到万千百十-/.· ,〇零一二三四五六七八九两:时点",
);

/// Whether a numeral or a time word at `i` may go on as a date.
fn numeral_or_half(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c) || c == '半' || c == '俩')
}

/// Whether a date or a duration may start at `at` (a char boundary):
/// the cheap test before any parsing, on the character and the next.
pub(crate) fn may_start(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    let Some(c) = char_at(s, at) else {
        return false;
    };
    if c.is_ascii_digit() {
        // Not inside a number, a code or a phone number.
        if let Some(&p) = at.checked_sub(1).and_then(|k| b.get(k)) {
            if p.is_ascii_alphanumeric() || p == b':' {
                return false;
            }
            // 1,200 and 2.5, 0731-2868: inside a number.
            if matches!(p, b'.' | b',' | b'-' | b'/') && at >= 2 && b[at - 2].is_ascii_digit() {
                return false;
            }
        }
        let mut j = at;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        return j - at == 8 || char_at(s, j).is_some_and(|n| AFTER_NUMBER.contains(n));
    }
    if c == 'Q' {
        return b.get(at + 1).is_some_and(|d| (b'1'..=b'4').contains(d))
            && !prev_char(s, at).is_some_and(|p| p.is_ascii_alphanumeric());
    }
    if !STARTS.contains(c) {
        return false;
    }
    let next = char_at(s, at + 3);
    if is_cn_numeral(c) || c == '两' || c == '俩' {
        if prev_numeral(s, at) {
            return false;
        }
        let mut j = at;
        while let Some(n) = char_at(s, j).filter(|&n| is_cn_numeral(n) || n == '两' || n == '俩')
        {
            j += n.len_utf8();
        }
        return char_at(s, j).is_some_and(|n| AFTER_NUMBER.contains(n));
    }
    // Every candidate comes here: the sets of next characters are
    // patterns (compiled to a few comparisons), not strings decoded at
    // each test.
    let Some(n) = next else {
        return false;
    };
    match c {
        '半' => matches!(n, '年' | '个' | '天' | '月' | '小'),
        '今' => matches!(n, '年' | '天' | '明'),
        '去' | '当' | '同' | '次' | '翌' => n == '年',
        '明' => matches!(n, '年' | '天'),
        '前' => matches!(n, '年' | '天' | '两') || numeral_or_half(next),
        '后' => matches!(n, '年' | '天'),
        '上' | '下' => matches!(n, '半' | '年' | '个' | '月' | '一' | '季' | '上' | '下'),
        '本' => matches!(n, '月' | '年' | '季' | '日'),
        '这' => n == '个',
        '大' => matches!(n, '前' | '后' | '大' | '约'),
        '昨' => matches!(n, '天' | '日'),
        '年' => matches!(n, '初' | '底' | '末' | '终' | '中' | '内'),
        '月' => matches!(n, '底' | '末' | '初' | '中'),
        '全' => n == '年',
        '首' => n == '季',
        '第' => matches!(n, '一' | '二' | '三' | '四' | '1' | '2' | '3' | '4'),
        '截' => matches!(n, '至' | '止'),
        '自' | '从' | '到' | '至' => {
            numeral_or_half(next)
                || matches!(
                    n,
                    '今' | '去'
                        | '明'
                        | '前'
                        | '后'
                        | '当'
                        | '次'
                        | '翌'
                        | '上'
                        | '下'
                        | '本'
                        | '这'
                        | '大'
                        | '年'
                        | '月'
                        | '首'
                        | '第'
                        | '少'
                )
        }
        '差' => n == '不',
        '不' => matches!(n, '到' | '足' | '超' | '低' | '少'),
        '将' | '接' => n == '近',
        '突' => n == '破',
        '最' => matches!(n, '多' | '高' | '长'),
        '低' | '小' | '高' => n == '于',
        _ => numeral_or_half(next) || n == '过',
    }
}

/// Where to look next after no date or duration started at `at`: past
/// the whole number, so a scan never starts inside one.
pub(crate) fn skip(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    if b.get(at).is_some_and(u8::is_ascii_digit) {
        let mut j = at;
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b',') {
            j += 1;
        }
        return j;
    }
    let mut j = at;
    match char_at(s, j) {
        Some(c) if is_cn_numeral(c) => {
            while let Some(c) = char_at(s, j).filter(|&c| is_cn_numeral(c)) {
                j += c.len_utf8();
            }
            j
        }
        Some(c) => j + c.len_utf8(),
        None => j + 1,
    }
}

// ---------------------------------------------------------------------
// Points

/// Relative day words and their offset in days.
const REL_DAYS: &[(&str, i8)] = &[
    ("大大后天", 4),
    ("大后天", 3),
    ("大前天", -3),
    ("前天", -2),
    ("昨天", -1),
    ("昨日", -1),
    ("今天", 0),
    ("本日", 0),
    ("明天", 1),
    ("后天", 2),
];

/// The first characters of [`REL_DAYS`]: most points start with a digit
/// or another character, and one test spares the walk over the list.
fn rel_day_lead(c: Option<char>) -> bool {
    matches!(c, Some('大' | '前' | '昨' | '今' | '本' | '明' | '后'))
}

/// Relative day words: `今天` 0, `昨天` -1, `明天` 1 ...
fn rel_day(s: &str, i: usize) -> Option<(i8, usize)> {
    if !rel_day_lead(char_at(s, i)) {
        return None;
    }
    let &(w, k) = REL_DAYS.iter().find(|(w, _)| starts(s, i, w))?;
    let bad = match w {
        "前天" => prev_is(s, i, BEFORE_QIAN),
        "后天" => prev_is(s, i, BEFORE_HOU) || starts(s, i + 6, "下"),
        "今天" => prev_is(s, i, "如至迄当古"),
        "明天" => prev_is(s, i, "光文聪透说证表声阐英开鲜分神黎清简标注查失发"),
        _ => false,
    };
    (!bad).then_some((k, i + w.len()))
}

/// Relative year words, their year, and the characters before them that
/// make them part of another word (when they start an expression).
const REL_YEARS: &[(&str, YearRef, &str)] = &[
    ("大前年", YearRef::Anchor(-3), ""),
    ("大后年", YearRef::Anchor(3), ""),
    ("今年", YearRef::Anchor(0), "如至迄当古"),
    ("去年", YearRef::Anchor(-1), "过失离除死"),
    (
        "明年",
        YearRef::Anchor(1),
        "光文聪透说证表声阐英开鲜分神黎清简标注查失发",
    ),
    ("前年", YearRef::Anchor(-2), BEFORE_QIAN),
    ("后年", YearRef::Anchor(2), BEFORE_HOU),
    ("上一年", YearRef::Anchor(-1), "以之向往马北"),
    ("上年", YearRef::Anchor(-1), "以之向往马北"),
    ("本年", YearRef::Anchor(0), ""),
    ("当年", YearRef::Context(0), "相应适充担恰每正理便停"),
    ("同年", YearRef::Context(0), "不共相"),
    ("次年", YearRef::Context(1), "一两几每多首层批依初届"),
    ("翌年", YearRef::Context(1), ""),
];

/// The first characters of [`REL_YEARS`] (see [`rel_day_lead`]).
fn rel_year_lead(c: Option<char>) -> bool {
    matches!(
        c,
        Some('大' | '今' | '去' | '明' | '前' | '后' | '上' | '本' | '当' | '同' | '次' | '翌')
    )
}

/// A relative year word at `i` (`今年`, `去年`, `当年`, `次年` ...), checked
/// against the character before it when `first` (the start of the
/// expression).
fn rel_year(s: &str, i: usize, first: bool) -> Option<(YearRef, usize)> {
    if !rel_year_lead(char_at(s, i)) {
        return None;
    }
    let &(w, y, before) = REL_YEARS.iter().find(|(w, _, _)| starts(s, i, w))?;
    if first && (prev_is(s, i, before) || (w == "次年" && prev_numeral(s, i))) {
        return None;
    }
    // 建成后年产值: 后 closes the word before, 年产值 follows.
    if (w == "后年" || w == "前年")
        && char_at(s, i + 6).is_some_and(|c| "产均销营收纳税利度".contains(c))
    {
        return None;
    }
    // 今年轻, 去年产 stay dates; 上年级 does not.
    if w == "上年" && starts(s, i + 6, "级") {
        return None;
    }
    Some((y, i + w.len()))
}

/// A quarter number at `i`: `一`..`四`, `1`..`4`, `首`, with an optional
/// `第`, followed by `季度`; or `Q1`..`Q4` (optionally `季度`).
fn quarter(s: &str, i: usize) -> Option<(u8, usize)> {
    let b = s.as_bytes();
    if b.get(i) == Some(&b'Q') {
        let q = *b.get(i + 1)?;
        if !(b'1'..=b'4').contains(&q) || b.get(i + 2).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut end = i + 2;
        if starts(s, end, "季度") {
            end += 6;
        }
        return Some((q - b'0', end));
    }
    let mut j = i;
    if starts(s, j, "第") {
        j += 3;
    }
    let (q, end) = if starts(s, j, "首") {
        (1, j + 3)
    } else if let Some((v, n, end)) = digits(s, j) {
        if n != 1 {
            return None;
        }
        (v, end)
    } else {
        let d = char_at(s, j).and_then(cn_digit)?;
        (d, j + 3)
    };
    if !(1..=4).contains(&q) || !starts(s, end, "季度") {
        return None;
    }
    Some((q as u8, end + 6))
}

/// `末`/`初` after a quarter: which month of it.
fn quarter_end(s: &str, i: usize) -> (u8, usize) {
    if starts(s, i, "末") {
        (3, i + 3)
    } else if starts(s, i, "初") {
        (1, i + 3)
    } else {
        (0, i)
    }
}

fn quarter_part(q: u8, which: u8) -> Part {
    let first = 3 * q - 2;
    match which {
        1 => Part::Months(first, first, Grain::Month),
        3 => Part::Months(3 * q, 3 * q, Grain::Month),
        _ => Part::Months(first, 3 * q, Grain::Quarter),
    }
}

/// Quarter `q`, written at `i..end`, as a part of a year (with 末/初 after
/// it); none after 每 when it starts the expression.
fn quarter_of_year(s: &str, i: usize, q: u8, end: usize, first: bool) -> Option<(Part, usize)> {
    if first && prev_is(s, i, "每") {
        return None;
    }
    let (which, end) = quarter_end(s, end);
    Some((quarter_part(q, which), end))
}

/// The parts of a year that may follow a year (or stand alone): 年初,
/// 上半年, 一季度, 前三季度, 前5个月 ...
fn year_part(s: &str, i: usize, has_year: bool, first: bool) -> Option<(Part, usize)> {
    // A digit (2023年6月, 6月) starts no word below, only a quarter
    // (3季度): the rest need no look.
    if s.as_bytes().get(i).is_some_and(u8::is_ascii_digit) {
        let (q, end) = quarter(s, i)?;
        return quarter_of_year(s, i, q, end, first);
    }
    // With a year: 2024年底, 明年初, 今年年底; alone: 年底 (not 多年内).
    let bare_ok = has_year || !first || !(prev_numeral(s, i) || prev_is(s, i, BEFORE_BARE));
    if bare_ok {
        let mut j = i;
        let repeated = starts(s, j, "年");
        if repeated {
            j += 3;
        }
        if repeated || has_year {
            const WORDS: &[&str] = &["初", "底", "末", "终", "中", "内", "伊始"];
            if let Some((k, end)) = word_at(s, j, WORDS) {
                let part = match k {
                    0 | 6 => Some(Part::Months(1, 1, Grain::Month)),
                    1..=3 => Some(Part::Months(12, 12, Grain::Month)),
                    // 年中 only with its own 年: 2024年中国 is not mid-2024.
                    4 if repeated => Some(Part::Months(6, 7, Grain::Month)),
                    // 2023年内蒙古 is not 年内.
                    5 if !starts(s, end, "蒙") => Some(Part::WholeYear),
                    _ => None,
                };
                if let Some(p) = part {
                    return Some((p, end));
                }
            }
        }
        if starts(s, i, "全年") && !(first && prev_is(s, i, "完安健周")) {
            return Some((Part::WholeYear, i + 6));
        }
    }
    if let Some((k, end)) = word_at(s, i, &["上半年", "下半年"]) {
        let part = if k == 0 {
            Part::Months(1, 6, Grain::HalfYear)
        } else {
            Part::Months(7, 12, Grain::HalfYear)
        };
        return Some((part, end));
    }
    if let Some((q, end)) = quarter(s, i) {
        return quarter_of_year(s, i, q, end, first);
    }
    // 前三季度, 前两个季度
    if starts(s, i, "前") && (has_year || !(first && prev_is(s, i, BEFORE_QIAN))) {
        if let Some((n, mut end)) = count(s, i + 3) {
            if starts(s, end, "个") {
                end += 3;
            }
            if (1..=4).contains(&n) && starts(s, end, "季度") {
                return Some((Part::Months(1, 3 * n as u8, Grain::Quarter), end + 6));
            }
        }
    }
    if !has_year {
        // 本季度, 上个季度, 下下个季度
        const REL: &[(&str, i8)] = &[
            ("上上个季度", -2),
            ("下下个季度", 2),
            ("上个季度", -1),
            ("上一季度", -1),
            ("上季度", -1),
            ("下个季度", 1),
            ("下一季度", 1),
            ("下季度", 1),
            ("本季度", 0),
            ("这个季度", 0),
        ];
        if let Some(&(w, k)) = REL.iter().find(|(w, _)| starts(s, i, w)) {
            let (which, end) = quarter_end(s, i + w.len());
            return Some((Part::QuarterRel(k, which), end));
        }
        return None;
    }
    // 前5个月, 后三月, 首月, 第8个月, 第十天 (after a year only)
    if starts(s, i, "首月") {
        return Some((Part::Months(1, 1, Grain::Month), i + 6));
    }
    let lead = word_at(s, i, &["前", "后", "第"]);
    if let Some((k, j)) = lead
        && let Some((n, mut end)) = count(s, j)
    {
        if k == 2 && starts(s, end, "天") {
            return (1..=366)
                .contains(&n)
                .then_some((Part::DayOfYear(n as u16), end + 3));
        }
        if starts(s, end, "个") {
            end += 3;
        }
        if starts(s, end, "月") && (1..=12).contains(&n) {
            let n = n as u8;
            let part = match k {
                0 => Part::Months(1, n, Grain::Month),
                1 => Part::Months(13 - n, 12, Grain::Month),
                _ => Part::Months(n, n, Grain::Month),
            };
            return Some((part, end + 3));
        }
    }
    None
}

/// Relative month words and their offset in months.
const REL_MONTHS: &[(&str, i8)] = &[
    ("上上个月", -2),
    ("下下个月", 2),
    ("上一个月", -1),
    ("上个月", -1),
    ("上月", -1),
    ("下一个月", 1),
    ("下个月", 1),
    ("下月", 1),
    ("本月", 0),
    ("这个月", 0),
];

/// The first characters of [`REL_MONTHS`] (see [`rel_day_lead`]).
fn rel_month_lead(c: Option<char>) -> bool {
    matches!(c, Some('上' | '下' | '本' | '这'))
}

/// Relative month words: `本月` 0, `上个月` -1, `下下个月` 2 ...
fn rel_month(s: &str, i: usize, first: bool) -> Option<(i8, usize)> {
    if !rel_month_lead(char_at(s, i)) {
        return None;
    }
    let &(w, k) = REL_MONTHS.iter().find(|(w, _)| starts(s, i, w))?;
    if first && prev_is(s, i, "以马早晚向北如天底留地南乡线剩落低") {
        return None;
    }
    Some((k, i + w.len()))
}

/// The parts of a month after it: 上旬, 月底, 初, 前3天, 最后五天.
fn month_part(s: &str, i: usize) -> Option<(Part, usize)> {
    // Every word below is Chinese: after a month, a day's digits (6月15日)
    // need no look at them.
    if s.as_bytes().get(i).is_none_or(u8::is_ascii) {
        return None;
    }
    if let Some((k, end)) = word_at(s, i, &["上旬", "中旬", "下旬"]) {
        return Some((Part::Xun(k as u8 + 1), end));
    }
    let j = if starts(s, i, "月") { i + 3 } else { i };
    if let Some((k, end)) = word_at(s, j, &["初", "中", "底", "末"]) {
        // 3月中国 is March and 中国.
        if k == 1 && char_at(s, end).is_some_and(|c| "国心央部小方共外标层".contains(c)) {
            return None;
        }
        let xun = [1, 2, 3, 3][k];
        return Some((Part::Xun(xun), end));
    }
    if starts(s, i, "前")
        && let Some((n, end)) = count(s, i + 3)
        && starts(s, end, "天")
        && (1..=31).contains(&n)
    {
        return Some((Part::FirstDays(n as u8), end + 3));
    }
    if starts(s, i, "最后")
        && let Some((n, end)) = count(s, i + 6)
        && starts(s, end, "天")
        && (1..=31).contains(&n)
    {
        return Some((Part::LastDays(n as u8), end + 3));
    }
    None
}

/// Dates written with digits and separators: `2023-06-27`, `2023/6/27`,
/// `2023.06.27`, `2022 11 23`, `20240307`, `2008.03`, `09-01`, `6·30`,
/// `11/3号`.
fn numeric(s: &str, i: usize) -> Option<Point> {
    let b = s.as_bytes();
    let (v1, n1, e1) = digits(s, i)?;
    let day = |y: Option<i16>, m: u32, d: u32, end: usize| -> Option<Point> {
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Point {
            f: Fields {
                year: y.map(YearRef::Abs),
                month: Some(MonthRef::Abs(m as u8)),
                day: Some(DayRef::Abs(d as u8)),
                ..Fields::default()
            },
            end,
            pending: None,
            numeric: true,
        })
    };
    let sep = b.get(e1).copied();
    if n1 == 8 && !unitish(char_at(s, e1)) {
        let (y, m, d) = (v1 / 10000, v1 / 100 % 100, v1 % 100);
        if (1900..=2100).contains(&y) {
            return day(Some(y as i16), m, d, e1);
        }
        return None;
    }
    if n1 == 4 && (1900..=2100).contains(&v1) && matches!(sep, Some(b'-' | b'/' | b'.' | b' ')) {
        let sep = sep?;
        let (v2, n2, e2) = digits(s, e1 + 1)?;
        if n2 > 2 || !(1..=12).contains(&v2) {
            return None;
        }
        let y = Some(v1 as i16);
        let sep2 = b.get(e2).copied();
        let sep2_ok = match sep {
            b' ' => sep2 == Some(b' '),
            _ => matches!(sep2, Some(b'-' | b'/' | b'.')),
        };
        if sep2_ok && let Some((v3, n3, e3)) = digits(s, e2 + 1) {
            if n3 <= 2 && !matches!(char_at(s, e3), Some('.' | '%')) {
                return day(y, v2, v3, e3);
            }
            // 2018-12-1209:03: the day runs into the time.
            if n3 == 4 && colon(s, e3).is_some() {
                return day(y, v2, v3 / 100, e2 + 3);
            }
        }
        if sep == b' ' {
            return None;
        }
        // 2008.03 (a month): no unit after it; a dash only before the
        // year of a range end (1999.08-2002.02, 2008.03-2009).
        let after = char_at(s, e2);
        if after == Some('-') {
            if !matches!(digits(s, e2 + 1), Some((_, 4, _))) {
                return None;
            }
        } else if unitish(after) {
            return None;
        }
        if sep == b'.' && n2 != 2 {
            return None;
        }
        return Some(Point {
            f: Fields {
                year: y.map(YearRef::Abs),
                month: Some(MonthRef::Abs(v2 as u8)),
                ..Fields::default()
            },
            end: e2,
            pending: None,
            numeric: true,
        });
    }
    if n1 <= 2 {
        match sep {
            // 09-01: two digits each, nothing number-like around.
            Some(b'-') if n1 == 2 => {
                let (v2, n2, e2) = digits(s, e1 + 1)?;
                if n2 == 2 && !unitish(char_at(s, e2)) && b.get(e2) != Some(&b'-') {
                    return day(None, v1, v2, e2);
                }
            }
            // 11/3号
            Some(b'/') => {
                let (v2, n2, e2) = digits(s, e1 + 1)?;
                if n2 <= 2 && (starts(s, e2, "号") || starts(s, e2, "日")) {
                    return day(None, v1, v2, e2 + 3);
                }
            }
            // 6·30
            _ if starts(s, e1, "·") => {
                let (v2, n2, e2) = digits(s, e1 + 2)?;
                if n2 <= 2 && !unitish(char_at(s, e2)) {
                    return day(None, v1, v2, e2);
                }
            }
            _ => {}
        }
    }
    None
}

/// Reads one point at `i`. `first`: `i` starts the expression (words
/// are checked against the character before). The fields may be
/// incomplete (a range end inherits the rest).
fn point(s: &str, i: usize, first: bool) -> Option<Point> {
    if let Some((k, end)) = rel_day(s, i) {
        return Some(Point {
            f: Fields {
                day: Some(DayRef::Anchor(k)),
                ..Fields::default()
            },
            end,
            pending: None,
            numeric: false,
        });
    }
    if s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
        && let Some(p) = numeric(s, i)
    {
        return Some(p);
    }
    let mut f = Fields::default();
    let mut j = i;
    // The year.
    if let Some((y, end)) = rel_year(s, i, first) {
        f.year = Some(y);
        j = end;
    } else if let Some((v, n, end)) = digits(s, i) {
        if starts(s, end, "年") {
            match n {
                4 if (1000..=2999).contains(&v) => f.year = Some(YearRef::Abs(v as i16)),
                2 => f.year = Some(YearRef::Short(v as u8)),
                _ => return None,
            }
            j = end + 3;
        } else if n == 4 && (1000..=2999).contains(&v) && connector(s, end).is_some() {
            return Some(Point {
                f,
                end,
                pending: Some(Pending {
                    value: v,
                    digits: 4,
                }),
                numeric: false,
            });
        }
    } else if let Some((v, n, end)) = cn_digits(s, i)
        && (n == 4 || n == 2)
        && starts(s, end, "年")
    {
        if n == 4 {
            f.year = Some(YearRef::Abs(v as i16));
        } else {
            f.year = Some(YearRef::Short(v as u8));
            let (d1, d2) = (v / 10, v % 10);
            // 三五年, 七八年: three to five, seven or eight years.
            f.cn_short = !(d2 == d1 + 1 || d2 == d1 + 2);
        }
        j = end + 3;
    }
    // Parts of the year.
    if let Some((part, end)) = year_part(s, j, f.year.is_some(), first && j == i) {
        f.part = Some(part);
        return finish(s, f, end);
    }
    // The month.
    if f.year.is_none()
        && let Some((k, end)) = rel_month(s, j, first && j == i)
    {
        f.month = Some(MonthRef::Anchor(k));
        j = end;
    } else if let Some((m, end, arabic)) = small(s, j) {
        if starts(s, end, "月") && !starts(s, end, "月份额") {
            if !(1..=12).contains(&m) {
                return finish(s, f, j);
            }
            f.month = Some(MonthRef::Abs(m as u8));
            j = end + 3;
            if starts(s, j, "份") {
                j += 3;
            }
        } else if starts(s, end, "日") || starts(s, end, "号") {
            // A day with no month: only as the end of a range (5月15日至17日).
            if first || !(1..=31).contains(&m) {
                return None;
            }
            f.day = Some(DayRef::Abs(m as u8));
            return finish(s, f, end + 3);
        } else if connector(s, end).is_some() {
            return Some(Point {
                f,
                end,
                pending: Some(Pending {
                    value: m,
                    digits: if arabic { end - j } else { 0 },
                }),
                numeric: false,
            });
        } else {
            // 1月3至2月10: a bare day only after a month, in a range end.
            if !first && !unitish(char_at(s, end)) && (1..=31).contains(&m) {
                f.day = Some(DayRef::Abs(m as u8));
                return finish(s, f, end);
            }
            return finish(s, f, j);
        }
    } else if f.year.is_none()
        && (starts(s, j, "月底")
            || starts(s, j, "月末")
            || starts(s, j, "月初")
            || starts(s, j, "月中"))
    {
        // A bare 月底: the anchor's month (not 每月底, 两个月底).
        if first && (prev_numeral(s, j) || prev_is(s, j, "每个半满当上下逐数几多")) {
            return None;
        }
        f.month = Some(MonthRef::Anchor(0));
    }
    if f.month.is_none() {
        return finish(s, f, j);
    }
    // Parts of the month, or the day.
    if let Some((part, end)) = month_part(s, j) {
        f.part = Some(part);
        return finish(s, f, end);
    }
    if let Some((d, end, _)) = small(s, j) {
        if starts(s, end, "日") || starts(s, end, "号") {
            if (1..=31).contains(&d) {
                f.day = Some(DayRef::Abs(d as u8));
                return finish(s, f, end + 3);
            }
            return None;
        }
        // 四月十三, 10月22出生: a bare day when nothing unit-like follows.
        if (1..=31).contains(&d) && !unitish(char_at(s, end)) {
            f.day = Some(DayRef::Abs(d as u8));
            return finish(s, f, end);
        }
    }
    finish(s, f, j)
}

fn finish(_s: &str, f: Fields, end: usize) -> Option<Point> {
    if f.is_empty() {
        return None;
    }
    Some(Point {
        f,
        end,
        pending: None,
        numeric: false,
    })
}

// ---------------------------------------------------------------------
// Times of day (kept in the span, not in the value)

fn clock_number(s: &str, i: usize) -> Option<usize> {
    if let Some((v, n, end)) = digits(s, i) {
        return (n <= 2 && v <= 24).then_some(end);
    }
    if let Some((v, n, end)) = cn_digits(s, i)
        && n == 2
        && v % 10 > v / 10
    {
        return Some(end); // 七八点
    }
    cn_small(s, i).filter(|&(v, _)| v <= 24).map(|(_, end)| end)
}

fn minutes(s: &str, i: usize) -> Option<usize> {
    if let Some((v, n, end)) = digits(s, i) {
        return (n <= 2 && v < 60).then_some(end);
    }
    if let Some((_, 2, end)) = cn_digits(s, i) {
        return Some(end); // 零九
    }
    cn_small(s, i).filter(|&(v, _)| v < 60).map(|(_, end)| end)
}

/// A clock time at `i` (`18:59`, `8点11分许`, `十一点半`, `20时1刻`).
fn clock(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = clock_number(s, i)?;
    // 9-11点, 七八点
    if b.get(j) == Some(&b'-')
        && let Some(k) = clock_number(s, j + 1)
        && (starts(s, k, "点") || starts(s, k, "时"))
    {
        j = k;
    }
    if let Some(c) = colon(s, j) {
        let (_, n, end) = digits(s, j + c)?;
        if n != 2 {
            return None;
        }
        j = end;
        if let Some(c) = colon(s, j)
            && let Some((_, 2, end)) = digits(s, j + c)
        {
            j = end;
        }
        if starts(s, j, "时") {
            j += 3;
        }
        return Some(j);
    }
    if !(starts(s, j, "点") || starts(s, j, "时")) {
        return None;
    }
    j += 3;
    if starts(s, j, "半") {
        return Some(j + 3);
    }
    if let Some((_, end)) = word_at(s, j, &["一刻", "1刻", "三刻", "3刻"]) {
        return Some(end);
    }
    if let Some(end) = minutes(s, j) {
        j = end;
        if starts(s, j, "分") {
            j += 3;
            if let Some(end) = minutes(s, j)
                && starts(s, end, "秒")
            {
                j = end + 3;
            }
        }
    }
    if starts(s, j, "许") || starts(s, j, "多") {
        j += 3;
    }
    Some(j)
}

const DAY_PARTS: &[&str] = &[
    "早上", "上午", "中午", "下午", "晚上", "凌晨", "傍晚", "早晨", "清晨", "夜里", "夜间", "晚间",
    "黎明",
];

/// Skips a time of day after a day (`18:59`, `下午3点至下午8点`).
fn skip_time(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    if b.get(j) == Some(&b' ') {
        j += 1;
    } else if b.get(j) == Some(&b'-')
        && let Some((_, n, end)) = digits(s, j + 1)
        && n <= 2
        && colon(s, end).is_some()
    {
        j += 1; // 2021-09-12-11:23
    }
    let part = word_at(s, j, DAY_PARTS).map(|(_, e)| e);
    let k = part.unwrap_or(j);
    let Some(mut end) = clock(s, k) else {
        return part.unwrap_or(i);
    };
    // A time range: 下午1点到3点十分, 9:30-11:30.
    if let Some(c) = connector(s, end) {
        let c2 = word_at(s, c, DAY_PARTS).map_or(c, |(_, e)| e);
        if let Some(e2) = clock(s, c2) {
            end = e2;
        }
    }
    end
}

// ---------------------------------------------------------------------
// Resolution

/// Resolves `f` to its first and last day. `ctx`: the year `当年` refers
/// to (`None` if none, `Some(None)` if unresolved).
fn resolve(
    f: &Fields,
    anchor: Option<Date>,
    ctx: Option<i16>,
) -> Result<(Option<Date>, Option<Date>), &'static str> {
    if let Some(DayRef::Anchor(k)) = f.day {
        let d = anchor.and_then(|a| a.checked_add(i64::from(k).days()).ok());
        return Ok((d, d));
    }
    if let Some(Part::QuarterRel(k, which)) = f.part {
        let Some(a) = anchor else {
            return Ok((None, None));
        };
        let q0 = i32::from(a.year()) * 4 + (i32::from(a.month()) - 1) / 3 + i32::from(k);
        let (y, q) = (q0.div_euclid(4), (q0.rem_euclid(4) + 1) as u8);
        let Part::Months(m1, m2, _) = quarter_part(q, which) else {
            return Err("bad quarter");
        };
        return months(y as i16, m1, m2).map(|(a, b)| (Some(a), Some(b)));
    }
    let year: Option<i16> = match f.year {
        Some(YearRef::Abs(y)) => Some(y),
        Some(YearRef::Short(yy)) => anchor.map(|a| {
            let base = a.year() - 90;
            let y = base - base.rem_euclid(100) + i16::from(yy);
            if y < base { y + 100 } else { y }
        }),
        Some(YearRef::Anchor(k)) => anchor.map(|a| a.year() + i16::from(k)),
        Some(YearRef::Context(k)) => ctx.map(|y| y + i16::from(k)),
        None => anchor.map(|a| a.year()),
    };
    // The month.
    let ym: Option<(i16, u8)> = match f.month {
        Some(MonthRef::Anchor(k)) => anchor
            .and_then(|a| a.first_of_month().checked_add(i64::from(k).months()).ok())
            .map(|d| (d.year(), d.month() as u8)),
        Some(MonthRef::Abs(m)) => {
            // Check the day even when the year is unknown.
            if let Some(DayRef::Abs(d)) = f.day {
                let max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][usize::from(m - 1)];
                if d > max {
                    return Err("no such day in that month");
                }
            }
            match year {
                Some(y) => Some((y, m)),
                None => return Ok((None, None)),
            }
        }
        None => {
            let Some(y) = year else {
                return Ok((None, None));
            };
            return match f.part {
                Some(Part::Months(m1, m2, _)) => months(y, m1, m2).map(|(a, b)| (Some(a), Some(b))),
                Some(Part::DayOfYear(n)) => {
                    let d = Date::new(y, 1, 1)
                        .and_then(|d| d.checked_add(i64::from(n - 1).days()))
                        .map_err(|_| "year out of range")?;
                    if d.year() != y {
                        return Err("no such day in that year");
                    }
                    Ok((Some(d), Some(d)))
                }
                _ => months(y, 1, 12).map(|(a, b)| (Some(a), Some(b))),
            };
        }
    };
    let Some((y, m)) = ym else {
        return Ok((None, None));
    };
    let first = Date::new(y, m as i8, 1).map_err(|_| "year out of range")?;
    let last = first.last_of_month();
    let day = |d: u8| Date::new(y, m as i8, d as i8).map_err(|_| "no such day in that month");
    let (a, b) = if let Some(DayRef::Abs(d)) = f.day {
        let d = day(d)?;
        (d, d)
    } else {
        match f.part {
            Some(Part::Xun(1)) => (first, day(10)?),
            Some(Part::Xun(2)) => (day(11)?, day(20)?),
            Some(Part::Xun(_)) => (day(21)?, last),
            Some(Part::FirstDays(n)) => (first, day(n)?),
            Some(Part::LastDays(n)) => {
                let start = last.day() - n as i8 + 1;
                if start < 1 {
                    return Err("more days than the month has");
                }
                (day(start as u8)?, last)
            }
            _ => (first, last),
        }
    };
    Ok((Some(a), Some(b)))
}

/// The first day of month `m1` to the last of `m2`, in year `y`.
fn months(y: i16, m1: u8, m2: u8) -> Result<(Date, Date), &'static str> {
    let a = Date::new(y, m1 as i8, 1).map_err(|_| "year out of range")?;
    let b = Date::new(y, m2 as i8, 1)
        .map_err(|_| "year out of range")?
        .last_of_month();
    Ok((a, b))
}

/// The year a resolved point refers to, if a year was written in it.
fn written_year(f: &Fields, start: Option<Date>, end: Option<Date>) -> Option<Option<i16>> {
    f.year?;
    Some(start.or(end).map(|d| d.year()))
}

// ---------------------------------------------------------------------
// Expressions

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    /// 截至, 截止: the end of the point, no start.
    Until,
    /// 自, 从: a range or `以来` may follow.
    From,
    /// 到, 至 without a first end: like 截至, for a point with a year.
    To,
}

/// Reads a date expression at `at` and updates `ctx`.
pub(crate) fn expr_at(s: &str, at: usize, anchor: Option<Date>, ctx: &mut Context) -> Outcome {
    // The mode words are Chinese: most expressions start with a digit.
    let lead_cjk = s.as_bytes().get(at).is_some_and(|&b| b >= 0x80);
    let (mode, j) = if !lead_cjk {
        (Mode::Plain, at)
    } else if let Some((_, end)) = word_at(s, at, &["截至到", "截止到", "截至", "截止"]) {
        (Mode::Until, end)
    } else if let Some((_, end)) = word_at(s, at, &["自从", "自", "从"]) {
        (Mode::From, end)
    } else if let Some((_, end)) = word_at(s, at, &["到", "至"]) {
        if prev_is(s, at, "达得迟提报收受遇回来看直") {
            return Outcome::None;
        }
        (Mode::To, end)
    } else {
        (Mode::Plain, at)
    };
    // 今明两年
    if starts(s, j, "今明两年") {
        let a = anchor.and_then(|a| Date::new(a.year(), 1, 1).ok());
        let b = anchor.and_then(|a| Date::new(a.year() + 1, 12, 31).ok());
        ctx.note(at, anchor.map(|a| a.year() + 1));
        return found(at, j + 12, a, b, Grain::Year);
    }
    let first = mode == Mode::Plain;
    let Some(p1) = point(s, j, first) else {
        return Outcome::None;
    };
    let ctx_year = ctx.year_for(s, at);
    let mut k = p1.end;
    if p1.f.grain() == Grain::Day {
        k = skip_time(s, k);
    }
    if mode == Mode::Until || mode == Mode::To {
        if p1.pending.is_some() || !p1.f.complete() {
            return Outcome::None;
        }
        if mode == Mode::To && !matches!(p1.f.year, Some(YearRef::Abs(_) | YearRef::Anchor(_))) {
            return Outcome::None;
        }
        return match resolve(&p1.f, anchor, ctx_year) {
            Ok((a, b)) => {
                note_year(ctx, at, &p1.f, a, b);
                found(at, k, None, b, p1.f.grain())
            }
            Err(e) => Outcome::Invalid(k, e),
        };
    }
    // X以来, X至今, X起至今
    let mut since_end =
        word_at(s, k, &["以来", "至今", "到现在", "至现在", "到目前为止"]).map(|(_, e)| e);
    if since_end.is_none() && starts(s, k, "起") {
        since_end = word_at(s, k + 3, &["至今", "到现在"]).map(|(_, e)| e);
    }
    if let Some(end) = since_end {
        if p1.pending.is_some() || !p1.f.complete() {
            return Outcome::None;
        }
        return match resolve(&p1.f, anchor, ctx_year) {
            Ok((mut a, mut b)) => {
                // 9月中旬以来 written in June: since last September. A start
                // after the anchor with the year taken from the anchor is
                // the year before; with a year written, the range stays
                // open (start only), never start > end.
                if let (Some(start), Some(now)) = (a, anchor)
                    && start > now
                    && p1.f.year.is_none()
                    && let Some(last_year) = now.checked_sub(jiff::Span::new().years(1)).ok()
                    && let Ok((a2, b2)) = resolve(&p1.f, Some(last_year), ctx_year)
                {
                    (a, b) = (a2, b2);
                }
                note_year(ctx, at, &p1.f, a, b);
                let until = match (a, anchor) {
                    (Some(start), Some(now)) if start > now => None,
                    _ => anchor,
                };
                found(at, end, a, until, p1.f.grain())
            }
            Err(e) => Outcome::Invalid(end, e),
        };
    }
    // A range written once.
    let mut c = k;
    if starts(s, c, "起") && connector(s, c + 3).is_some() {
        c += 3;
    }
    if let Some(c2) = connector(s, c)
        && let Some(outcome) = range(s, at, &p1, c2, anchor, ctx, ctx_year)
    {
        return outcome;
    }
    if p1.pending.is_some() || !p1.f.complete() {
        return Outcome::None;
    }
    // 自去年投入使用: the date alone, without 自.
    let start = if mode == Mode::From { j } else { at };
    if starts(s, k, "左右") {
        k += 6;
    }
    match resolve(&p1.f, anchor, ctx_year) {
        Ok((a, b)) => {
            note_year(ctx, start, &p1.f, a, b);
            found(start, k, a, b, p1.f.grain())
        }
        Err(e) => Outcome::Invalid(k, e),
    }
}

/// The second end of a range at `c`; `None` when there is none (the first
/// end may still stand alone).
fn range(
    s: &str,
    at: usize,
    p1: &Point,
    c: usize,
    anchor: Option<Date>,
    ctx: &mut Context,
    ctx_year: Option<i16>,
) -> Option<Outcome> {
    let mut p2 = match point(s, c, false) {
        Some(p) => p,
        // 2008.03-2009: a bare year closes a numeric range.
        None if p1.numeric => {
            let (v, n, end) = digits(s, c)?;
            if n != 4 || !(1900..=2100).contains(&v) || unitish(char_at(s, end)) {
                return None;
            }
            Point {
                f: Fields {
                    year: Some(YearRef::Abs(v as i16)),
                    ..Fields::default()
                },
                end,
                pending: None,
                numeric: true,
            }
        }
        None => return None,
    };
    if p2.pending.is_some() {
        return None;
    }
    let mut f1 = p1.f;
    // 1至9月, 2021-2025年, 12-19日: the bare first end takes the unit of
    // the second.
    if let Some(pd) = p1.pending {
        let level = p2.f.top_level();
        let top_is_year = matches!(p2.f.year, Some(YearRef::Abs(_) | YearRef::Short(_)));
        if level == 0 && top_is_year && pd.digits == 4 {
            f1.year = Some(YearRef::Abs(pd.value as i16));
        } else if level == 1 && f1.month.is_none() && (1..=12).contains(&pd.value) {
            f1.month = Some(MonthRef::Abs(pd.value as u8));
        } else if level == 2 && f1.month.is_some() && (1..=31).contains(&pd.value) {
            f1.day = Some(DayRef::Abs(pd.value as u8));
        } else {
            return None;
        }
    }
    // The second end inherits what it does not write (5月15日至17日).
    let mut f2 = p2.f;
    let l2 = f2.top_level();
    if l2 >= 1 && f2.year.is_none() && !matches!(f2.day, Some(DayRef::Anchor(_))) {
        if matches!(f2.month, Some(MonthRef::Anchor(_))) {
            // 下个月9号: relative to the anchor, not to the first end.
        } else {
            f2.year = f1.year;
        }
    }
    if l2 >= 2 && f2.month.is_none() {
        f2.month = f1.month;
    }
    // The first end of 1至9月 takes the year of the second (2019年1-五月
    // has it on the first).
    if f1.year.is_none() && f1.month.is_some() && f2.year.is_some() && p1.pending.is_some() {
        f1.year = f2.year;
    }
    if !f1.complete() || !f2.complete() {
        return None;
    }
    let mut end = p2.end;
    if f2.grain() == Grain::Day {
        end = skip_time(s, end);
    }
    if starts(s, end, "止") {
        end += 3;
    } else if starts(s, end, "左右") {
        end += 6;
    }
    p2.f = f2;
    let r1 = resolve(&f1, anchor, ctx_year);
    let r2 = resolve(&f2, anchor, ctx_year);
    let ((a, _), (_, b)) = match (r1, r2) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Outcome::Invalid(end, e)),
    };
    if let (Some(a), Some(b)) = (a, b)
        && a > b
    {
        return None;
    }
    let grain = f1.grain().min(f2.grain());
    if p2.f.year.is_some() && p2.f.year != f1.year {
        note_year(ctx, at, &p2.f, b, b);
    } else {
        note_year(ctx, at, &f1, a, a);
    }
    Some(found(at, end, a, b, grain))
}

fn note_year(ctx: &mut Context, at: usize, f: &Fields, a: Option<Date>, b: Option<Date>) {
    if let Some(y) = written_year(f, a, b) {
        ctx.note(at, y);
    }
}

fn found(start: usize, end: usize, a: Option<Date>, b: Option<Date>, grain: Grain) -> Outcome {
    Outcome::Found(
        start,
        end,
        DateSpan {
            start: a,
            end: b,
            grain,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lead tests skip the word lists: each must accept the first
    /// character of every word of its list.
    #[test]
    fn lead_tests_cover_their_lists() {
        let first = |w: &str| w.chars().next();
        assert!(REL_DAYS.iter().all(|(w, _)| rel_day_lead(first(w))));
        assert!(REL_YEARS.iter().all(|(w, _, _)| rel_year_lead(first(w))));
        assert!(REL_MONTHS.iter().all(|(w, _)| rel_month_lead(first(w))));
    }
}
