//! `xiangmu._xiangmu`: the native module behind the `xiangmu` Python
//! package.
//!
//! No extraction logic lives here: each function converts its arguments,
//! calls one entry point of the core crate, and converts the result back.
//! The batch calls (`extract_many`, `projects_many`) live in `batch.rs`:
//! inputs are converted while a rayon pool already extracts, results come
//! back in input order, and `extract_many` returns lazy `Mentions`.

mod batch;
mod convert;
mod errors;
mod mentions;
mod objects;

use batch::Batch;
use convert::{Arg, anchor_arg, kinds_arg, options, text_arg, to_decimal};
use errors::{XiangmuError, core_error};
use mentions::PyMentions;
use objects::{
    PyArea, PyBatch, PyCapacity, PyCount, PyDateSpan, PyDuration, PyMention, PyMilestone, PyMoney,
    PyPercent, PyProject, SpecValue,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use xiangmu::{Kind, Options};

/// Parses one money expression (`总投资约1.5亿元`); raises `XiangmuError`.
#[pyfunction]
fn parse_money(py: Python<'_>, expr: &Bound<'_, PyAny>) -> PyResult<PyMoney> {
    let expr = text_arg("parse_money", Arg::Name("expr"), expr)?;
    match xiangmu::parse_money(&expr) {
        Ok(m) => Ok(PyMoney(SpecValue::of(PyMoney::KIND, &m)?)),
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Parses one area expression (`约243.82亩`); raises `XiangmuError`.
#[pyfunction]
fn parse_area(py: Python<'_>, expr: &Bound<'_, PyAny>) -> PyResult<PyArea> {
    let expr = text_arg("parse_area", Arg::Name("expr"), expr)?;
    match xiangmu::parse_area(&expr) {
        Ok(a) => Ok(PyArea(SpecValue::of(PyArea::KIND, &a)?)),
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Parses one date expression (`2018年12月18日`, `今年5月`, `9月下旬`),
/// resolved against `anchor`; raises `XiangmuError`.
#[pyfunction]
#[pyo3(signature = (expr, anchor=None))]
fn parse_date(
    py: Python<'_>,
    expr: &Bound<'_, PyAny>,
    anchor: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDateSpan> {
    let expr = text_arg("parse_date", Arg::Name("expr"), expr)?;
    let anchor = anchor_arg(py, "parse_date", Arg::Name("anchor"), anchor)?;
    match xiangmu::parse_date(&expr, anchor) {
        Ok(d) => Ok(PyDateSpan(SpecValue::of(PyDateSpan::KIND, &d)?)),
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Parses one duration expression (`10个月`, `24小时内`, `半年`); raises
/// `XiangmuError`.
#[pyfunction]
fn parse_duration(py: Python<'_>, expr: &Bound<'_, PyAny>) -> PyResult<PyDuration> {
    let expr = text_arg("parse_duration", Arg::Name("expr"), expr)?;
    match xiangmu::parse_duration(&expr) {
        Ok(d) => Ok(PyDuration(SpecValue::of(PyDuration::KIND, &d)?)),
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Parses one stage word (`开工`, `簽約`, `主体竣工`) to its SPEC stage
/// name; raises `XiangmuError`.
#[pyfunction]
fn parse_stage(py: Python<'_>, expr: &Bound<'_, PyAny>) -> PyResult<String> {
    let expr = text_arg("parse_stage", Arg::Name("expr"), expr)?;
    match xiangmu::parse_stage(&expr) {
        Ok(stage) => match serde_json::to_value(stage) {
            Ok(serde_json::Value::String(name)) => Ok(name),
            _ => Err(PyValueError::new_err("stage has no SPEC name")),
        },
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Parses one number (`1.5万`, `二〇二三`, `１２`) to a `Decimal`.
#[pyfunction]
fn parse_number<'py>(py: Python<'py>, expr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let expr = text_arg("parse_number", Arg::Name("expr"), expr)?;
    match xiangmu::parse_number(&expr) {
        Ok(d) => to_decimal(py, d),
        Err(e) => Err(core_error(py, &e, &expr)),
    }
}

/// Every mention in `text`, sorted by start.
#[pyfunction]
#[pyo3(signature = (text, anchor=None, kinds=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    anchor: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_arg("extract", Arg::Name("text"), text)?;
    let kinds = kinds_arg("extract", kinds)?;
    let anchor = anchor_arg(py, "extract", Arg::Name("anchor"), anchor)?;
    let options = options(&kinds, anchor);
    let found = py.detach(|| run_one(&text, &options));
    mention_list(py, found)
}

/// The mentions of many texts, in input order, computed in parallel with
/// the GIL released: one `Mentions` per text, or the exception instance of
/// a bad element in its slot.
#[pyfunction]
#[pyo3(signature = (texts, anchors=None, kinds=None, threads=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    anchors: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    const F: &str = "extract_many";
    let kinds = kinds_arg(F, kinds)?;
    let batch = Batch::new(F, texts, anchors, &kinds, threads)?;
    let results = batch.run(py, run_one)?;
    Batch::collect(py, results, |py, found| {
        Ok(Bound::new(py, PyMentions::new(found))?.into_any())
    })
}

/// The project records of many texts, like `extract_many` (a `list` of
/// records per text).
#[pyfunction]
#[pyo3(signature = (texts, anchors=None, threads=None))]
fn projects_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    anchors: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    const F: &str = "projects_many";
    let batch = Batch::new(F, texts, anchors, &Kind::ALL, threads)?;
    let results = batch.run(py, run_projects)?;
    Batch::collect(py, results, |py, found| {
        Ok(record_list(py, found)?.into_any())
    })
}

/// The records of one text: a named project or a batch each.
#[pyfunction]
#[pyo3(signature = (text, anchor=None))]
fn projects<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    anchor: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_arg("projects", Arg::Name("text"), text)?;
    let anchor = anchor_arg(py, "projects", Arg::Name("anchor"), anchor)?;
    let options = options(&Kind::ALL, anchor);
    let found = py.detach(|| run_projects(&text, &options));
    record_list(py, found)
}

/// The core's `projects`, each record serialized (still detached).
fn run_projects(text: &str, options: &Options) -> Vec<SpecValue> {
    xiangmu::projects(text, options)
        .iter()
        .map(objects::record_spec)
        .collect()
}

fn record_list(py: Python<'_>, found: Vec<SpecValue>) -> PyResult<Bound<'_, PyList>> {
    let objects = found
        .into_iter()
        .map(|spec| objects::value_object(py, spec))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// The core's `extract`, owning its results (the only part run without the
/// GIL: no Python object is touched).
fn run_one(text: &str, options: &Options) -> Vec<PyMention> {
    xiangmu::extract(text, options)
        .into_iter()
        .map(PyMention::from_core)
        .collect()
}

fn mention_list(py: Python<'_>, found: Vec<PyMention>) -> PyResult<Bound<'_, PyList>> {
    let objects = found
        .into_iter()
        .map(|m| Bound::new(py, m))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// The native module. Every class is frozen and holds only owned Rust
/// data, so it runs without the GIL on free-threaded builds too.
#[pymodule(gil_used = false)]
fn _xiangmu(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    m.add("KINDS", PyTuple::new(py, kinds)?)?;
    m.add("XiangmuError", py.get_type::<XiangmuError>())?;
    m.add_class::<PyMention>()?;
    m.add_class::<PyMentions>()?;
    m.add_class::<PyMoney>()?;
    m.add_class::<PyArea>()?;
    m.add_class::<PyDateSpan>()?;
    m.add_class::<PyDuration>()?;
    m.add_class::<PyMilestone>()?;
    m.add_class::<PyProject>()?;
    m.add_class::<PyBatch>()?;
    m.add_class::<PyCount>()?;
    m.add_class::<PyPercent>()?;
    m.add_class::<PyCapacity>()?;
    m.add_function(wrap_pyfunction!(parse_money, m)?)?;
    m.add_function(wrap_pyfunction!(parse_area, m)?)?;
    m.add_function(wrap_pyfunction!(parse_date, m)?)?;
    m.add_function(wrap_pyfunction!(parse_duration, m)?)?;
    m.add_function(wrap_pyfunction!(parse_stage, m)?)?;
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(projects, m)?)?;
    m.add_function(wrap_pyfunction!(projects_many, m)?)?;
    m.add_function(wrap_pyfunction!(objects::_restore_value, m)?)?;
    m.add_function(wrap_pyfunction!(objects::_restore_mention, m)?)?;
    m.add_function(wrap_pyfunction!(mentions::_restore_mentions, m)?)?;
    Ok(())
}
