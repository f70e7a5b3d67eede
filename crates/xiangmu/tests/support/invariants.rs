//! Invariants every public entry point keeps on any input, shared by the
//! fuzz targets (`crates/fuzz`, which `#[path]`-includes this file), the
//! replay of saved fuzz inputs (`tests/fuzz_regressions.rs`) and the
//! adversarial tests (`tests/adversarial.rs`).
//!
//! Each `fuzz_*` function takes the raw bytes of one fuzz input, decodes
//! them exactly as the fuzz target does, runs the entry point and checks
//! its result; it returns the first broken invariant as an `Err`. Inputs
//! are text (invalid UTF-8 is replaced by U+FFFD), except for the targets
//! that take an anchor date or options: they read a header first (see
//! [`split_header`]).
//!
//! Checked: mentions sorted, non-empty, non-overlapping, on char
//! boundaries, `text[span] == mention.text`, `start`/`end` equal to the
//! code-point offsets of the byte span, no more mentions than characters,
//! only the kinds asked for, the SPEC's value shape for each qualifier
//! (range: `low` and `high`, no `value`; vague: nothing; else `value`),
//! date `start <= end`; JSON that serializes and re-serializes to the same
//! value with `start`/`end`/`text`/`kind` agreeing with the mention;
//! project records whose `name` is `text[start:end]`, in order of first
//! mention, milestones in stage order, one per (stage, status); parse
//! errors whose byte span lies inside the input on char boundaries.

#![allow(dead_code)]

use jiff::civil::Date;
use serde::Serialize;
use std::borrow::Cow;
use xiangmu::{
    DateSpan, Decimal, Error, Kind, Mention, Options, Project, Qualifier, Value, extract,
    parse_area, parse_date, parse_duration, parse_money, parse_number, parse_stage, projects,
};

/// The outcome of one check: `Err` names the broken invariant.
pub type Check = Result<(), String>;

/// The checks of one fuzz target on its raw input.
pub type Target = fn(&[u8]) -> Check;

/// Every fuzz target, by name, as under `crates/fuzz/fuzz_targets/` and
/// `tests/fuzz/<target>/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("parse_number", fuzz_parse_number),
    ("parse_money", fuzz_parse_money),
    ("parse_area", fuzz_parse_area),
    ("parse_date", fuzz_parse_date),
    ("parse_duration", fuzz_parse_duration),
    ("parse_stage", fuzz_parse_stage),
    ("extract", fuzz_extract),
    ("projects", fuzz_projects),
];

/// Length of the header of the targets with an anchor or options.
pub const HEADER: usize = 5;

/// A header for `anchor` and all kinds (mode 6, or 0 for no anchor).
pub fn header(anchor: Option<Date>) -> [u8; HEADER] {
    match anchor {
        None => [0, 0, 0, 0, 0],
        Some(d) => {
            let [hi, lo] = d.year().to_be_bytes();
            [6, hi, lo, d.month() as u8, d.day() as u8]
        }
    }
}

/// Splits a fuzz input into (anchor, kinds, text).
///
/// Header bytes `[mode, a, b, c, k]` (an input shorter than the header is
/// all text, with no anchor and all kinds):
/// - `mode % 8`: 0 no anchor; 1..=5 a recent date, year `1990 + a % 64`,
///   month `1 + b % 12`, day `1 + c % 31`; 6 any date: year
///   `i16::from_be_bytes([a, b])`, month `c`, day `k` (as `i8`); 7 an edge
///   date picked by `a` (`-9999-01-01`, `9999-12-31`, `0000-01-01`,
///   `0001-01-01`, `9999-12-01`, `-9999-12-31`, `2024-02-29`,
///   `1900-03-01`). A date jiff rejects gives no anchor.
/// - kinds, from `k` (not in mode 6, which asks for all kinds): 0 all
///   kinds, else those whose bit is set (bit i is `Kind::ALL[i]`).
pub fn split_header(data: &[u8]) -> (Option<Date>, Option<Vec<Kind>>, &[u8]) {
    if data.len() < HEADER {
        return (None, None, data);
    }
    let [mode, a, b, c, k] = [data[0], data[1], data[2], data[3], data[4]];
    let text = &data[HEADER..];
    let mut kinds_byte = k;
    let anchor = match mode % 8 {
        0 => None,
        1..=5 => Date::new(
            1990 + i16::from(a % 64),
            1 + (b % 12) as i8,
            1 + (c % 31) as i8,
        )
        .ok(),
        6 => {
            kinds_byte = 0;
            let year = i16::from_be_bytes([a, b]);
            Date::new(year, c as i8, k as i8).ok()
        }
        _ => {
            const EDGES: [(i16, i8, i8); 8] = [
                (-9999, 1, 1),
                (9999, 12, 31),
                (0, 1, 1),
                (1, 1, 1),
                (9999, 12, 1),
                (-9999, 12, 31),
                (2024, 2, 29),
                (1900, 3, 1),
            ];
            let (y, m, d) = EDGES[usize::from(a) % EDGES.len()];
            Date::new(y, m, d).ok()
        }
    };
    let kinds = (kinds_byte != 0).then(|| {
        Kind::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| kinds_byte & (1 << i) != 0)
            .map(|(_, &k)| k)
            .collect()
    });
    (anchor, kinds, text)
}

/// The text of a fuzz input: invalid UTF-8 becomes U+FFFD.
pub fn text_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The options for an anchor and a kind list.
pub fn options(anchor: Option<Date>, kinds: Option<&[Kind]>) -> Options {
    let mut o = Options::default();
    if let Some(k) = kinds {
        o = o.with_kinds(k);
    }
    if let Some(a) = anchor {
        o = o.with_anchor(a);
    }
    o
}

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

/// A short, escaped preview of `s` for messages.
fn preview(s: &str) -> String {
    let head: String = s.chars().take(60).collect();
    if head.len() < s.len() {
        format!("{head:?}… ({} bytes)", s.len())
    } else {
        format!("{head:?}")
    }
}

/// `value` serializes to JSON, and that JSON prints and parses back to
/// itself; returns it.
pub fn json_round_trip<T: Serialize + std::fmt::Debug>(
    value: &T,
) -> Result<serde_json::Value, String> {
    let json =
        serde_json::to_value(value).map_err(|e| format!("{value:?} does not serialize: {e}"))?;
    let printed =
        serde_json::to_string(value).map_err(|e| format!("{value:?} does not print: {e}"))?;
    let back: serde_json::Value = serde_json::from_str(&printed)
        .map_err(|e| format!("printed JSON {printed} does not parse: {e}"))?;
    ensure!(
        back == json,
        "to_string and to_value disagree: {printed} vs {json}"
    );
    let again =
        serde_json::to_string(&json).map_err(|e| format!("JSON value does not print: {e}"))?;
    let back2: serde_json::Value = serde_json::from_str(&again)
        .map_err(|e| format!("re-printed JSON {again} does not parse: {e}"))?;
    ensure!(
        back2 == json,
        "JSON does not re-serialize to itself: {again} vs {json}"
    );
    Ok(json)
}

/// A decimal prints in the SPEC form and parses back to the same number.
fn check_decimal(d: Decimal, what: &str) -> Check {
    let s = xiangmu::decimal::spec_string(d);
    ensure!(!s.contains(['e', 'E']), "{what} {s} has an exponent");
    let back: Decimal = s
        .parse()
        .map_err(|e| format!("{what} {s} does not parse back: {e}"))?;
    ensure!(back == d, "{what} {s} parses back as {back}");
    Ok(())
}

fn check_opt_decimals(ds: &[(Option<Decimal>, &str)]) -> Check {
    for (d, what) in ds {
        if let Some(d) = d {
            check_decimal(*d, what)?;
        }
    }
    Ok(())
}

/// The SPEC's shape of a quantity: a range has `low` and `high` and no
/// `value`; a vague one has none of them; any other has a `value` only.
fn check_shape(q: Qualifier, value: bool, low: bool, high: bool, what: &str) -> Check {
    match q {
        Qualifier::Range => ensure!(
            !value && low && high,
            "{what}: range needs low and high and no value (value {value}, low {low}, high {high})"
        ),
        Qualifier::Vague => ensure!(
            !value && !low && !high,
            "{what}: vague has no value, low or high (value {value}, low {low}, high {high})"
        ),
        _ => ensure!(
            value && !low && !high,
            "{what}: {q:?} needs a value and no low/high (value {value}, low {low}, high {high})"
        ),
    }
    Ok(())
}

/// A date span's start is not after its end.
pub fn check_date_span(d: &DateSpan, what: &str) -> Check {
    if let (Some(s), Some(e)) = (d.start, d.end) {
        ensure!(s <= e, "{what}: date start {s} after end {e}");
    }
    json_round_trip(d)?;
    Ok(())
}

/// The invariants of one value, whatever the kind.
pub fn check_value(v: &Value) -> Check {
    match v {
        Value::Money(m) => {
            check_shape(
                m.qualifier,
                m.value.is_some(),
                m.low.is_some(),
                m.high.is_some(),
                "money",
            )?;
            check_opt_decimals(&[
                (m.value, "money value"),
                (m.low, "money low"),
                (m.high, "money high"),
            ])
        }
        Value::Area(a) => {
            check_shape(
                a.qualifier,
                a.value.is_some(),
                a.low.is_some(),
                a.high.is_some(),
                "area",
            )?;
            // The SPEC gives square meters for every value, low and high.
            for (v, sq, what) in [
                (a.value, a.square_meters, "value"),
                (a.low, a.low_square_meters, "low"),
                (a.high, a.high_square_meters, "high"),
            ] {
                ensure!(
                    v.is_some() == sq.is_some(),
                    "area: {what} {v:?} {:?} but {what} square meters {sq:?} ({a:?})",
                    a.unit
                );
            }
            check_opt_decimals(&[
                (a.value, "area value"),
                (a.low, "area low"),
                (a.high, "area high"),
                (a.square_meters, "area square_meters"),
                (a.low_square_meters, "area low_square_meters"),
                (a.high_square_meters, "area high_square_meters"),
            ])
        }
        Value::Date(d) => check_date_span(d, "date mention"),
        Value::Duration(d) => {
            check_shape(
                d.qualifier,
                d.value.is_some(),
                d.low.is_some(),
                d.high.is_some(),
                "duration",
            )?;
            check_opt_decimals(&[
                (d.value, "duration value"),
                (d.low, "duration low"),
                (d.high, "duration high"),
            ])
        }
        Value::Milestone(m) => {
            if let Some(d) = &m.date {
                check_date_span(d, "milestone date")?;
            }
            if let Some(p) = &m.project {
                ensure!(!p.is_empty(), "milestone with an empty project name");
            }
            Ok(())
        }
        Value::Count(c) => check_shape(
            c.qualifier,
            c.value.is_some(),
            c.low.is_some(),
            c.high.is_some(),
            "count",
        ),
        Value::Percent(p) => {
            check_shape(
                p.qualifier,
                p.value.is_some(),
                p.low.is_some(),
                p.high.is_some(),
                "percent",
            )?;
            check_opt_decimals(&[
                (p.value, "percent value"),
                (p.low, "percent low"),
                (p.high, "percent high"),
            ])
        }
        Value::Capacity(c) => check_opt_decimals(&[
            (c.value, "capacity value"),
            (c.unit_value, "capacity unit_value"),
        ]),
    }
}

/// The invariants of the mentions `found` in `text` (see the module docs);
/// `kinds`: the kinds asked for, `None` for all.
pub fn check_mentions(text: &str, found: &[Mention<'_>], kinds: Option<&[Kind]>) -> Check {
    check_mentions_with(text, found, kinds, true)
}

/// [`check_mentions`]; with `full` false only the spans and offsets (no
/// values, no JSON), for very many mentions in a debug build.
pub fn check_mentions_with(
    text: &str,
    found: &[Mention<'_>],
    kinds: Option<&[Kind]>,
    full: bool,
) -> Check {
    let n_chars = text.chars().count();
    ensure!(
        found.len() <= n_chars,
        "{} mentions in {} characters",
        found.len(),
        n_chars
    );
    // Code-point offsets, counted incrementally (mentions are sorted).
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut last_end = 0usize;
    for (i, m) in found.iter().enumerate() {
        let span = m.span;
        ensure!(
            span.start < span.end && span.end <= text.len(),
            "mention {i}: bad span {span:?} in {} bytes ({:?})",
            text.len(),
            m.text
        );
        ensure!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "mention {i}: span {span:?} not on char boundaries in {}",
            preview(text)
        );
        ensure!(
            span.start >= last_end,
            "mention {i}: span {span:?} out of order or overlapping the one ending at byte {last_end}"
        );
        last_end = span.end;
        ensure!(
            &text[span.range()] == m.text,
            "mention {i}: text {:?} but text[span] is {:?}",
            m.text,
            &text[span.range()]
        );
        chars += text[byte..span.start].chars().count();
        byte = span.start;
        ensure!(
            m.start == chars,
            "mention {i}: start {} but span starts at code point {chars}",
            m.start
        );
        chars += text[byte..span.end].chars().count();
        byte = span.end;
        ensure!(
            m.end == chars,
            "mention {i}: end {} but span ends at code point {chars}",
            m.end
        );
        if let Some(kinds) = kinds {
            ensure!(
                kinds.contains(&m.kind()),
                "mention {i}: kind {:?} not asked for ({kinds:?})",
                m.kind()
            );
        }
        if !full {
            continue;
        }
        check_value(&m.value).map_err(|e| format!("mention {i} {:?}: {e}", m.text))?;
        let json = json_round_trip(m)?;
        ensure!(
            json["start"].as_u64() == Some(m.start as u64)
                && json["end"].as_u64() == Some(m.end as u64),
            "mention {i}: JSON start/end {} {} vs {} {}",
            json["start"],
            json["end"],
            m.start,
            m.end
        );
        ensure!(
            json["text"].as_str() == Some(m.text),
            "mention {i}: JSON text {}",
            json["text"]
        );
        ensure!(
            json["kind"].as_str() == Some(m.kind().as_str()),
            "mention {i}: JSON kind {} for {:?}",
            json["kind"],
            m.kind()
        );
    }
    Ok(())
}

/// The error of a `parse_*` call on `input`: a byte span inside the input
/// on char boundaries, a code, a message.
pub fn check_error(input: &str, e: &Error, which: &str) -> Check {
    let s = e.span();
    ensure!(
        s.start <= s.end && s.end <= input.len(),
        "{which}: error span {s:?} outside the {} bytes of {}: {e}",
        input.len(),
        preview(input)
    );
    ensure!(
        input.is_char_boundary(s.start) && input.is_char_boundary(s.end),
        "{which}: error span {s:?} off char boundaries in {}: {e}",
        preview(input)
    );
    let (cs, ce) = e.char_span(input);
    ensure!(
        cs <= ce && ce <= input.chars().count(),
        "{which}: error char span {cs}..{ce} outside {}",
        preview(input)
    );
    ensure!(!e.kind().code().is_empty(), "{which}: empty error code");
    ensure!(!e.to_string().is_empty(), "{which}: empty error message");
    Ok(())
}

/// `parse_number` on the text of `data`.
pub fn fuzz_parse_number(data: &[u8]) -> Check {
    let input = text_of(data);
    match parse_number(&input) {
        Ok(d) => check_decimal(d, "parse_number"),
        Err(e) => check_error(&input, &e, "parse_number"),
    }
}

/// `parse_money` on the text of `data`.
pub fn fuzz_parse_money(data: &[u8]) -> Check {
    let input = text_of(data);
    match parse_money(&input) {
        Ok(m) => {
            check_value(&Value::Money(m))?;
            json_round_trip(&m).map(drop)
        }
        Err(e) => check_error(&input, &e, "parse_money"),
    }
}

/// `parse_area` on the text of `data`.
pub fn fuzz_parse_area(data: &[u8]) -> Check {
    let input = text_of(data);
    match parse_area(&input) {
        Ok(a) => {
            check_value(&Value::Area(a))?;
            json_round_trip(&a).map(drop)
        }
        Err(e) => check_error(&input, &e, "parse_area"),
    }
}

/// `parse_date` on the text after the header, with the header's anchor
/// (and without one: an anchor may only fill fields, never fail a parse
/// that succeeds without one, except for an invalid resolved date).
pub fn fuzz_parse_date(data: &[u8]) -> Check {
    let (anchor, _, rest) = split_header(data);
    let input = text_of(rest);
    for a in [anchor, None] {
        match parse_date(&input, a) {
            Ok(d) => check_date_span(&d, "parse_date")?,
            Err(e) => check_error(&input, &e, "parse_date")?,
        }
    }
    Ok(())
}

/// `parse_duration` on the text of `data`.
pub fn fuzz_parse_duration(data: &[u8]) -> Check {
    let input = text_of(data);
    match parse_duration(&input) {
        Ok(d) => {
            check_value(&Value::Duration(d))?;
            json_round_trip(&d).map(drop)
        }
        Err(e) => check_error(&input, &e, "parse_duration"),
    }
}

/// `parse_stage` and `NormalizedText` on the text of `data`.
pub fn fuzz_parse_stage(data: &[u8]) -> Check {
    let input = text_of(data);
    match parse_stage(&input) {
        Ok(s) => json_round_trip(&s).map(drop)?,
        Err(e) => check_error(&input, &e, "parse_stage")?,
    }
    // Every char-boundary span of the normalized text maps back to a span
    // of the original on char boundaries, in order.
    let norm = xiangmu::NormalizedText::new(&input);
    let s = norm.as_str();
    ensure!(
        norm.original() == &*input,
        "NormalizedText::original changed"
    );
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let mut last = 0;
    for w in bounds.windows(2) {
        let o = norm.to_original(xiangmu::Span::new(w[0], w[1]));
        ensure!(
            o.start <= o.end
                && o.end <= input.len()
                && input.is_char_boundary(o.start)
                && input.is_char_boundary(o.end),
            "to_original({}..{}) = {o:?} outside or off char boundaries of {}",
            w[0],
            w[1],
            preview(&input)
        );
        ensure!(
            o.start >= last,
            "to_original({}..{}) = {o:?} goes back before {last}",
            w[0],
            w[1]
        );
        last = o.start;
    }
    Ok(())
}

/// `extract` on the text after the header, with its anchor and kinds.
pub fn fuzz_extract(data: &[u8]) -> Check {
    let (anchor, kinds, rest) = split_header(data);
    let text = text_of(rest);
    let found = extract(&text, &options(anchor, kinds.as_deref()));
    check_mentions(&text, &found, kinds.as_deref())
}

/// The invariants of the records `found` in `text`.
pub fn check_projects(text: &str, found: &[Project]) -> Check {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
    let n = chars.len();
    let mut seen_batch = false;
    let mut last_start = 0;
    for (i, p) in found.iter().enumerate() {
        json_round_trip(p)?;
        match p {
            Project::Named(r) => {
                ensure!(
                    !seen_batch,
                    "record {i} {:?}: a named record after a batch",
                    r.name
                );
                ensure!(
                    r.start < r.end && r.end <= n,
                    "record {i} {:?}: bad offsets {}..{} in {n} characters",
                    r.name,
                    r.start,
                    r.end
                );
                ensure!(
                    text[byte_at(r.start)..byte_at(r.end)] == r.name,
                    "record {i}: name {:?} but text[start:end] is {:?}",
                    r.name,
                    &text[byte_at(r.start)..byte_at(r.end)]
                );
                ensure!(
                    r.start >= last_start,
                    "record {i} {:?} at {} before the previous record at {last_start}",
                    r.name,
                    r.start
                );
                last_start = r.start;
                if let Some(m) = &r.investment {
                    check_value(&Value::Money(*m))
                        .map_err(|e| format!("record {i} investment: {e}"))?;
                }
                if let Some(a) = &r.area {
                    check_value(&Value::Area(*a)).map_err(|e| format!("record {i} area: {e}"))?;
                }
                for (j, m) in r.milestones.iter().enumerate() {
                    if let Some(d) = &m.date {
                        check_date_span(d, "record milestone date")?;
                    }
                    if j > 0 {
                        let prev = &r.milestones[j - 1];
                        ensure!(
                            prev.stage <= m.stage,
                            "record {i}: milestones out of stage order: {:?}",
                            r.milestones
                        );
                    }
                    ensure!(
                        r.milestones[..j]
                            .iter()
                            .all(|o| (o.stage, o.status) != (m.stage, m.status)),
                        "record {i}: (stage, status) twice: {:?}",
                        r.milestones
                    );
                }
            }
            Project::Batch(b) => {
                seen_batch = true;
                ensure!(
                    b.start < b.end && b.end <= n,
                    "batch {i}: bad offsets {}..{} in {n} characters",
                    b.start,
                    b.end
                );
                ensure!(!b.stages.is_empty(), "batch {i}: no stages");
                if let Some(d) = &b.date {
                    check_date_span(d, "batch date")?;
                }
                if let Some(m) = &b.investment {
                    check_value(&Value::Money(*m))
                        .map_err(|e| format!("batch {i} investment: {e}"))?;
                }
            }
        }
    }
    Ok(())
}

/// `projects` on the text after the header, with its anchor.
pub fn fuzz_projects(data: &[u8]) -> Check {
    let (anchor, _, rest) = split_header(data);
    let text = text_of(rest);
    let found = projects(&text, &options(anchor, None));
    check_projects(&text, &found)
}
