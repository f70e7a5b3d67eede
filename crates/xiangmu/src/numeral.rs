//! Numbers as written in Chinese news: Arabic (with thousands separators
//! and decimals), Chinese numerals (`一百二十`, `两万亿`, financial `壹仟`),
//! mixed (`3千万`, `1.2万亿`, `5000多万`) and digit strings (`二〇二三`).
//!
//! This module knows no units: money, area and date call it. It reads the
//! normalized view (full-width and Traditional forms are already folded).

use crate::decimal::Decimal;
use crate::error::{Error, Result};
use crate::normalize::NormalizedText;
use crate::span::Span;

/// A number read at some position of a normalized text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// The value, magnitudes applied (`3千万` -> 30000000).
    pub value: Decimal,
    /// A colloquial range of two digits (`八九亿`, `三五百`): the high end.
    pub high: Option<Decimal>,
    /// Byte offset one past the number (after any magnitude).
    pub end: usize,
    /// A `多` or `余` was written inside the number (`5000多万`, `十余`).
    pub more: bool,
    /// No digit was written: a bare magnitude meaning one of it (`百亿`).
    pub implicit: bool,
    /// Written in Arabic digits (at least the leading part).
    pub arabic: bool,
    /// Number of digits before the decimal point (Arabic), for dates.
    pub int_digits: usize,
    /// A decimal point was written.
    pub fraction: bool,
    /// Some magnitude character (十百千万亿, k, w) was read.
    pub magnitude: bool,
}

/// Parses a whole string as one number.
///
/// ```
/// use xiangmu::parse_number;
/// assert_eq!(parse_number("一百二十").unwrap().to_string(), "120");
/// assert_eq!(parse_number("1,200.5").unwrap().to_string(), "1200.5");
/// assert_eq!(parse_number("兩萬億").unwrap().to_string(), "2000000000000");
/// assert_eq!(parse_number("壹亿贰仟零肆拾萬贰仟捌佰壹拾點零叁").unwrap().to_string(), "120402810.03");
/// assert_eq!(parse_number("二〇二三").unwrap().to_string(), "2023");
/// assert_eq!(parse_number("１.５万").unwrap().to_string(), "15000");
/// assert!(parse_number("9".repeat(40).as_str()).is_err());
/// ```
pub fn parse_number(input: &str) -> Result<Decimal> {
    let norm = NormalizedText::new(input.trim());
    let s = norm.as_str();
    let offset = input.len() - input.trim_start().len();
    let fix = |e: Error| shift_error(e, &norm, offset);
    match scan(s, 0).map_err(fix)? {
        Some(n) if n.end == s.len() && !n.more && n.high.is_none() => Ok(n.value),
        Some(n) => Err(fix(Error::unexpected(s, n.end, "end of number"))),
        None => Err(fix(Error::unexpected(s, 0, "a number"))),
    }
}

/// Moves an error found in the normalized view of `input.trim()` to the
/// original input.
pub(crate) fn shift_error(e: Error, norm: &NormalizedText<'_>, offset: usize) -> Error {
    let span = norm.to_original(e.span());
    Error::new(
        e.kind().clone(),
        Span::new(span.start + offset, span.end + offset),
    )
}

/// The value of a Chinese digit character.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '弍' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a small unit character (十 百 千).
fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// The value of a large unit character (万 亿).
fn large_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The 千 of 千瓦 (kW) is a unit, not a magnitude: 300万千瓦 is 300万 kW.
fn is_kilowatt(s: &str, i: usize, c: char) -> bool {
    c == '千' && s[i + c.len_utf8()..].starts_with('瓦')
}

/// Whether `c` can start a number.
pub(crate) fn starts_number(c: char) -> bool {
    c.is_ascii_digit()
        || digit_value(c).is_some()
        || small_unit(c).is_some()
        || large_unit(c).is_some()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Reads the number that starts at byte `at` of the normalized text `s`.
///
/// `Ok(None)`: no number starts there. `Err`: a number is written there but
/// does not fit (overflow); the error's span covers all of it, so a scanner
/// can skip it whole and stay linear.
pub(crate) fn scan(s: &str, at: usize) -> Result<Option<Numeral>> {
    let Some(c) = char_at(s, at) else {
        return Ok(None);
    };
    let mut n = if c.is_ascii_digit() {
        scan_arabic(s, at)?
    } else if starts_number(c) {
        match scan_chinese(s, at)? {
            Some(n) => n,
            None => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    // 5000多万, 十余亿, 3000余万
    let mut i = n.end;
    if is_more_at(s, i) {
        // Only when a magnitude follows, or the number is complete as is
        // (100余亩): the caller decides about the unit.
        n.more = true;
        i += 3;
        n.end = i;
    }
    // Magnitudes after the number multiply it: 3千万, 1.2万亿, 5000多万;
    // scraped pages sometimes put a space before them (177.1 亿元).
    if n.arabic
        && s.as_bytes().get(i) == Some(&b' ')
        && char_at(s, i + 1).is_some_and(|c| large_unit(c).is_some())
    {
        i += 1;
    }
    let (mult, end) = scan_magnitudes(s, i, n.arabic && !n.more);
    if end > i {
        let span = Span::new(at, end);
        n.value = n
            .value
            .checked_mul(mult)
            .ok_or_else(|| Error::overflow(s, span))?;
        if let Some(h) = n.high {
            n.high = Some(
                h.checked_mul(mult)
                    .ok_or_else(|| Error::overflow(s, span))?,
            );
        }
        n.end = end;
        n.magnitude = true;
    }
    // 2.6万余件, 十万多人: the 多/余 may also follow the magnitude.
    if !n.more && n.magnitude && is_more_at(s, n.end) {
        n.more = true;
        n.end += 3;
    }
    // Most numbers are integers (scale 0), which `normalize` leaves as
    // they are (no sign here; a zero has no sign bit to clear): the call
    // is only made when there are decimals to strip.
    if n.value.scale() != 0 {
        n.value = n.value.normalize();
    }
    n.high = n
        .high
        .map(|h| if h.scale() != 0 { h.normalize() } else { h });
    Ok(Some(n))
}

/// Whether `多` or `余` (three bytes each) is written at byte `i`.
fn is_more_at(s: &str, i: usize) -> bool {
    s.as_bytes()
        .get(i..i + 3)
        .is_some_and(|c| c == "多".as_bytes() || c == "余".as_bytes())
}

/// A run of magnitude characters (千万, 万亿, 百亿, k, w) at `i`: their
/// product and the end. `letters`: also accept k/w (only after Arabic).
fn scan_magnitudes(s: &str, mut i: usize, letters: bool) -> (Decimal, usize) {
    let mut mult = Decimal::ONE;
    let mut count = 0;
    if letters {
        let b = s.as_bytes();
        if let Some(&l) = b.get(i) {
            let next_is_letter = b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
            if !next_is_letter {
                match l {
                    b'k' | b'K' => return (Decimal::from(1000), i + 1),
                    b'w' | b'W' => return (Decimal::from(10_000), i + 1),
                    _ => {}
                }
            }
        }
    }
    // Every magnitude character takes three bytes: a number followed by
    // ASCII or punctuation of another length ends here, undecoded.
    while s
        .as_bytes()
        .get(i)
        .is_some_and(|b| (0xE0..0xF0).contains(b))
        && let Some(c) = char_at(s, i)
    {
        if is_kilowatt(s, i, c) {
            break;
        }
        let m = if let Some(u) = small_unit(c) {
            Decimal::from(u)
        } else if let Some(u) = large_unit(c) {
            Decimal::from(u)
        } else {
            break;
        };
        match mult.checked_mul(m) {
            Some(x) if count < 4 => mult = x,
            _ => break,
        }
        count += 1;
        i += c.len_utf8();
    }
    (mult, i)
}

/// Arabic digits with optional thousands groups and decimals.
fn scan_arabic(s: &str, at: usize) -> Result<Numeral> {
    let b = s.as_bytes();
    let mut i = at;
    let mut mantissa: u128 = 0;
    let mut digits = 0usize; // significant digits kept in `mantissa`
    let mut overflow = false;
    let mut lost = false; // a non-zero digit beyond 28 decimal places
    let mut push = |d: u8, mantissa: &mut u128, digits: &mut usize| {
        if *digits > 0 || d != 0 {
            *digits += 1;
        }
        if *digits > 29 {
            overflow = true;
        } else {
            *mantissa = *mantissa * 10 + u128::from(d);
        }
    };
    while i < b.len() && b[i].is_ascii_digit() {
        push(b[i] - b'0', &mut mantissa, &mut digits);
        i += 1;
    }
    let mut int_digits = i - at;
    // Thousands groups: 1-3 digits, then `,ddd` groups, each exactly three.
    // The separator is `,` or the full-width `，` (kept in the view).
    if int_digits <= 3 {
        loop {
            let sep = if b.get(i) == Some(&b',') {
                1
            } else if b[i..].starts_with("，".as_bytes()) {
                3
            } else {
                break;
            };
            let g = i + sep;
            let group = b.len() >= g + 3
                && b[g..g + 3].iter().all(u8::is_ascii_digit)
                && !b.get(g + 3).is_some_and(u8::is_ascii_digit);
            if !group {
                break;
            }
            for k in 0..3 {
                push(b[g + k] - b'0', &mut mantissa, &mut digits);
            }
            i = g + 3;
            int_digits += 3;
        }
    }
    let mut scale = 0u32;
    let mut fraction = false;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        fraction = true;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            if scale < 28 {
                push(b[i] - b'0', &mut mantissa, &mut digits);
                scale += 1;
            } else if b[i] != b'0' {
                // A digit past the 28 places a decimal can hold: an error,
                // never a silently rounded number (trailing zeros are fine).
                lost = true;
            }
            i += 1;
        }
    }
    if overflow || lost || mantissa >= 1u128 << 96 {
        return Err(Error::overflow(s, Span::new(at, i)));
    }
    let value = Decimal::from_i128_with_scale(mantissa as i128, scale);
    Ok(Numeral {
        value,
        high: None,
        end: i,
        more: false,
        implicit: false,
        arabic: true,
        int_digits,
        fraction,
        magnitude: false,
    })
}

/// Chinese numerals: `一百二十`, `两万亿`, `十二`, `二〇二三`, `一千二百点五`,
/// a bare magnitude (`百`, `亿` = one of it), `八九` before a unit (a range).
fn scan_chinese(s: &str, at: usize) -> Result<Option<Numeral>> {
    let overflow = |end: usize| Error::overflow(s, Span::new(at, end));
    // A run of digits with no unit: a digit string (二〇二三), or before a
    // unit a colloquial range of two digits (八九亿 -> 8亿..9亿).
    let mut i = at;
    let (mut count, mut first, mut second, mut run_value) = (0usize, 0u32, 0u32, 0i128);
    while let Some(d) = char_at(s, i).and_then(digit_value) {
        match count {
            0 => first = d,
            1 => second = d,
            _ => {}
        }
        if count < 28 {
            run_value = run_value * 10 + i128::from(d);
        }
        count += 1;
        i += 3;
    }
    if count >= 2 {
        let next_is_unit =
            char_at(s, i).is_some_and(|c| small_unit(c).is_some() || large_unit(c).is_some());
        if next_is_unit {
            if count == 2 && first > 0 && second > first {
                let mut n = numeral(Decimal::from(first), i, false, 0);
                n.high = Some(Decimal::from(second));
                return Ok(Some(n));
            }
            return Ok(None);
        }
        if count > 28 {
            return Err(overflow(i));
        }
        let value = Decimal::from_i128_with_scale(run_value, 0);
        return Ok(Some(numeral(value, i, false, count)));
    }

    let mut i = at;
    let mut total = Decimal::ZERO; // complete 万/亿 sections
    let mut section = Decimal::ZERO; // below the current large unit
    let mut digit: Option<u32> = None; // a digit not yet multiplied
    let mut last_small = 0u32; // value of the last small unit, for 三千五
    let mut last_large = 0u64; // value of the last large unit, for 一万五
    let mut biggest_large = 0u64;
    let mut any_digit = false;
    let mut zero_seen = false;
    let mut units = 0usize;
    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if let Some(d) = digit_value(c) {
            match digit {
                Some(0) | None => {}
                Some(_) => break, // 一百二三: stop before the second digit
            }
            any_digit = true;
            zero_seen |= d == 0;
            digit = Some(d);
            i += len;
            continue;
        }
        if let Some(u) = small_unit(c).filter(|_| !is_kilowatt(s, i, c)) {
            let d = digit.take().unwrap_or(1);
            let part = Decimal::from(d) * Decimal::from(u);
            section = section.checked_add(part).ok_or_else(|| overflow(i + len))?;
            last_small = u;
            last_large = 0;
            zero_seen = false;
            units += 1;
            i += len;
            continue;
        }
        if let Some(u) = large_unit(c) {
            let d = digit.take().map_or(Decimal::ZERO, Decimal::from);
            let sec = section.checked_add(d).ok_or_else(|| overflow(i + len))?;
            let u_dec = Decimal::from(u);
            total = if sec.is_zero() {
                // 亿元 = one 亿; 万亿 multiplies what came before.
                if total.is_zero() {
                    Some(u_dec)
                } else {
                    total.checked_mul(u_dec)
                }
            } else if u > biggest_large {
                total.checked_add(sec).and_then(|t| t.checked_mul(u_dec))
            } else {
                sec.checked_mul(u_dec).and_then(|p| total.checked_add(p))
            }
            .ok_or_else(|| overflow(i + len))?;
            biggest_large = biggest_large.max(u);
            section = Decimal::ZERO;
            last_small = 0;
            last_large = u;
            zero_seen = false;
            units += 1;
            i += len;
            continue;
        }
        break;
    }
    if i == at {
        return Ok(None);
    }
    // A trailing digit: plain (一百零五), or an elided unit (三千五 = 3500).
    let mut tail = Decimal::ZERO;
    if let Some(d) = digit {
        tail = Decimal::from(d);
        if !zero_seen && last_small >= 100 && units > 0 {
            tail = Decimal::from(d * (last_small / 10));
        } else if !zero_seen && last_large > 0 {
            tail = Decimal::from(u64::from(d) * (last_large / 10));
        }
    }
    let mut value = total
        .checked_add(section)
        .and_then(|v| v.checked_add(tail))
        .ok_or_else(|| overflow(i))?;

    // 点 and digits: 一千二百点五, 拾點零叁.
    let mut fraction = false;
    if char_at(s, i) == Some('点') {
        let mut j = i + '点'.len_utf8();
        let mut frac: i128 = 0;
        let mut scale = 0u32;
        while let Some(d) = char_at(s, j).and_then(digit_value) {
            if scale < 20 {
                frac = frac * 10 + i128::from(d);
                scale += 1;
            }
            j += 3;
        }
        if scale > 0 {
            let f = Decimal::from_i128_with_scale(frac, scale);
            value = value.checked_add(f).ok_or_else(|| overflow(j))?;
            i = j;
            fraction = true;
        }
    }
    let mut n = numeral(value, i, !any_digit, 0);
    n.magnitude = units > 0;
    n.fraction = fraction;
    Ok(Some(n))
}

fn numeral(value: Decimal, end: usize, implicit: bool, int_digits: usize) -> Numeral {
    Numeral {
        value,
        high: None,
        end,
        more: false,
        implicit,
        arabic: false,
        int_digits,
        fraction: false,
        magnitude: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> String {
        parse_number(s)
            .map(|d| d.normalize().to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn arabic() {
        assert_eq!(num("0"), "0");
        assert_eq!(num("12"), "12");
        assert_eq!(num("1,200"), "1200");
        assert_eq!(num("3,000,000"), "3000000");
        assert_eq!(num("12,345.6"), "12345.6");
        assert_eq!(num("128.50"), "128.5");
        assert_eq!(num("１２０．５"), "120.5");
        assert_eq!(num("0.5"), "0.5");
    }

    #[test]
    fn chinese() {
        let cases = [
            ("十", "10"),
            ("十二", "12"),
            ("二十", "20"),
            ("一百二十", "120"),
            ("一百零五", "105"),
            ("三千五百", "3500"),
            ("三千五", "3500"),
            ("两万", "20000"),
            ("一万二千三百四十五", "12345"),
            ("十二万三千", "123000"),
            ("一亿二千万", "120000000"),
            ("两万亿", "2000000000000"),
            ("三千万亿", "3000000000000000"),
            ("壹仟", "1000"),
            ("贰亿", "200000000"),
            ("肆佰叁拾萬", "4300000"),
            ("六十四万零一百四十三", "640143"),
            ("二〇二三", "2023"),
            ("二〇一八", "2018"),
            ("百", "100"),
            ("亿", "100000000"),
            ("千", "1000"),
            ("十万", "100000"),
            ("一千二百点五", "1200.5"),
            ("零", "0"),
        ];
        for (s, want) in cases {
            assert_eq!(num(s), want, "{s}");
        }
    }

    #[test]
    fn mixed() {
        assert_eq!(num("3千万"), "30000000");
        assert_eq!(num("1.2万亿"), "1200000000000");
        assert_eq!(num("3百万"), "3000000");
        assert_eq!(num("15k"), "15000");
        assert_eq!(num("30w"), "300000");
    }

    #[test]
    fn colloquial_range_and_more() {
        let n = scan("八九亿", 0).unwrap().unwrap();
        assert_eq!(n.value.to_string(), "800000000");
        assert_eq!(n.high.unwrap().to_string(), "900000000");
        let n = scan("5000多万元", 0).unwrap().unwrap();
        assert!(n.more);
        assert_eq!(n.value.to_string(), "50000000");
        assert_eq!(&"5000多万元"[n.end..], "元");
    }

    #[test]
    fn overflow_is_an_error() {
        let e = parse_number(&"9".repeat(40)).unwrap_err();
        assert_eq!(e.kind().code(), "overflow");
        assert_eq!(e.span(), Span::new(0, 40));
        assert_eq!(
            parse_number("亿亿亿亿亿亿亿亿").unwrap_err().kind().code(),
            "overflow"
        );
    }

    #[test]
    fn errors_name_the_position() {
        let e = parse_number("12x").unwrap_err();
        assert_eq!(e.span(), Span::new(2, 3));
        assert_eq!(
            e.to_string(),
            "expected end of number, found \"x\" (at bytes 2..3)"
        );
        assert_eq!(parse_number("").unwrap_err().kind().code(), "empty");
        assert_eq!(parse_number("元").unwrap_err().kind().code(), "unexpected");
    }
}
