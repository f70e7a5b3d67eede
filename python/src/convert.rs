//! Conversions at the Python boundary: `decimal.Decimal`, `datetime.date`,
//! JSON to dicts, and the checked reading of arguments (texts, anchors,
//! kinds).
//!
//! Python types are imported once per process ([`PyOnceLock`]); values
//! are built from the same strings the core's JSON writes.

use crate::errors::{new_error, type_name, wrong_type};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};
use xiangmu::decimal::{self, Decimal};
use xiangmu::{Kind, Options};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `decimal.Decimal` (imported once).
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// `datetime.date` (imported once).
pub fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// A `Decimal` from the SPEC string of `d` (no exponent, no trailing zeros).
pub fn to_decimal(py: Python<'_>, d: Decimal) -> PyResult<Bound<'_, PyAny>> {
    decimal_type(py)?.call1((decimal::spec_string(d),))
}

/// Python objects from a JSON text, with `json.loads` (keeps key order).
pub fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    JSON_LOADS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py)
        .call1((json,))
}

/// The name of an argument in messages: `text`, or `texts[3]` for an
/// element of a batch (formatted only when an error needs it).
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    /// A whole argument.
    Name(&'a str),
    /// Element `i` of a sequence argument.
    Item(&'a str, usize),
}

impl std::fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Name(n) => f.write_str(n),
            Arg::Item(n, i) => write!(f, "{n}[{i}]"),
        }
    }
}

/// The text of a `str` argument, as UTF-8.
///
/// A `str` with lone surrogates cannot be UTF-8 and raises
/// `UnicodeEncodeError` (a `ValueError`).
pub fn text_arg(func: &str, arg: Arg<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(str_arg(func, arg, obj)?.to_cow()?.into_owned())
}

/// `obj` as a `str`, or the `TypeError` naming the argument.
fn str_arg<'a, 'py>(
    func: &str,
    arg: Arg<'_>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .map_err(|_| wrong_type(func, &arg.to_string(), "str", obj))
}

/// [`text_arg`] into `buf` (cleared first), which keeps its capacity: a
/// batch recycles the buffers its workers are done with, so the texts are
/// not allocated in one thread and freed in another (which costs page
/// faults when the allocator trims and regrows its heap).
pub fn text_into(
    func: &str,
    arg: Arg<'_>,
    obj: &Bound<'_, PyAny>,
    buf: &mut String,
) -> PyResult<()> {
    let text = str_arg(func, arg, obj)?.to_cow()?;
    buf.clear();
    buf.push_str(&text);
    Ok(())
}

/// An anchor: `None`, a `datetime.date` (a `datetime` counts as its date)
/// or an ISO `YYYY-MM-DD` string.
pub fn anchor_arg(
    py: Python<'_>,
    func: &str,
    arg: Arg<'_>,
    obj: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<jiff::civil::Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return parse_anchor(&s).map(Some).map_err(|why| {
            new_error(
                py,
                format!("invalid anchor {s:?}: {why}"),
                "invalid_anchor",
                0,
                s.chars().count(),
            )
        });
    }
    if obj.is_instance(date_type(py)?)? {
        let part = |name: &str| -> PyResult<i64> { obj.getattr(name)?.extract() };
        let (y, m, d) = (part("year")?, part("month")?, part("day")?);
        let date = i16::try_from(y)
            .ok()
            .zip(i8::try_from(m).ok())
            .zip(i8::try_from(d).ok())
            .and_then(|((y, m), d)| jiff::civil::Date::new(y, m, d).ok());
        return date.map(Some).ok_or_else(|| {
            new_error(
                py,
                format!("invalid anchor {y:04}-{m:02}-{d:02}: not a supported date"),
                "invalid_anchor",
                0,
                0,
            )
        });
    }
    Err(wrong_type(
        func,
        &arg.to_string(),
        "a datetime.date, an ISO date str or None",
        obj,
    ))
}

/// `YYYY-MM-DD`, a real calendar date (the CLI's rule for `--anchor`).
fn parse_anchor(s: &str) -> Result<jiff::civil::Date, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err("expected a date YYYY-MM-DD".into());
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("not a calendar date: {e}"))
}

/// `kinds`: `None` (every kind) or an iterable of kind names.
pub fn kinds_arg(func: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Kind>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Kind::ALL.to_vec());
    };
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{func}(): argument 'kinds' must be an iterable of kind names, not a single str \
             (write kinds=[{:?}])",
            obj.to_string()
        )));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| wrong_type(func, "kinds", "an iterable of kind names or None", obj))?;
    let mut kinds = Vec::new();
    for item in iter {
        let item = item?;
        let name = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{func}(): argument 'kinds' must hold str, not {}",
                type_name(&item.get_type())
            ))
        })?;
        let name = name.to_cow()?;
        let kind = Kind::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            PyValueError::new_err(format!(
                "{func}(): unknown kind {name:?} in 'kinds': expected one of {}",
                names.join(", ")
            ))
        })?;
        kinds.push(kind);
    }
    Ok(kinds)
}

/// The core's options for `kinds` and an anchor.
pub fn options(kinds: &[Kind], anchor: Option<jiff::civil::Date>) -> Options {
    let options = if kinds.len() == Kind::ALL.len() && Kind::ALL.iter().all(|k| kinds.contains(k)) {
        Options::default()
    } else {
        Options::default().with_kinds(kinds)
    };
    match anchor {
        Some(date) => options.with_anchor(date),
        None => options,
    }
}
