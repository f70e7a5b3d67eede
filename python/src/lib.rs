//! `xiangmu._xiangmu`: the native module behind the `xiangmu` Python
//! package.
//!
//! No extraction logic lives here: each function converts its arguments,
//! calls one entry point of the core crate, and converts the result back.
//! `extract_many` converts every input first, then releases the GIL and
//! runs the documents in parallel (rayon), results in input order.

mod convert;
mod errors;
mod objects;

use convert::{Arg, anchor_arg, kinds_arg, options, text_arg, to_decimal};
use errors::{XiangmuError, core_error, wrong_type};
use objects::{
    PyArea, PyBatch, PyCapacity, PyCount, PyDateSpan, PyDuration, PyMention, PyMilestone, PyMoney,
    PyPercent, PyProject, SpecValue,
};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use rayon::prelude::*;
use std::sync::{Arc, Mutex};
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
/// the GIL released. A bad element gives an exception instance in its slot.
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
    let batch = Batch::new(py, F, texts, anchors, &kinds, threads)?;
    let results = batch.run(py, run_one);
    batch.collect(py, results, mention_list)
}

/// The project records of many texts, like `extract_many`.
#[pyfunction]
#[pyo3(signature = (texts, anchors=None, threads=None))]
fn projects_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    anchors: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    const F: &str = "projects_many";
    let batch = Batch::new(py, F, texts, anchors, &Kind::ALL, threads)?;
    let results = batch.run(py, run_projects);
    batch.collect(py, results, record_list)
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

/// The converted inputs of a batch call, and the pool it runs on.
struct Batch {
    /// One slot per input: its text and options, or why it was rejected.
    inputs: Vec<PyResult<(String, Options)>>,
    threads: Option<usize>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl Batch {
    /// Checks the arguments as a whole (those errors raise) and converts
    /// every element (those errors stay in their slots).
    fn new<'py>(
        py: Python<'py>,
        func: &'static str,
        texts: &Bound<'py, PyAny>,
        anchors: Option<&Bound<'py, PyAny>>,
        kinds: &[Kind],
        threads: Option<i64>,
    ) -> PyResult<Batch> {
        if texts.is_instance_of::<PyString>() {
            return Err(wrong_type(
                func,
                "texts",
                "an iterable of str (not a single str)",
                texts,
            ));
        }
        let texts: Vec<Bound<'py, PyAny>> = texts
            .try_iter()
            .map_err(|_| wrong_type(func, "texts", "an iterable of str", texts))?
            .collect::<PyResult<_>>()?;
        let anchors: Option<Vec<Bound<'py, PyAny>>> = match anchors.filter(|a| !a.is_none()) {
            None => None,
            Some(a) if a.is_instance_of::<PyString>() => {
                return Err(wrong_type(
                    func,
                    "anchors",
                    "an iterable of anchors, one per text",
                    a,
                ));
            }
            Some(a) => {
                let list: Vec<_> = a
                    .try_iter()
                    .map_err(|_| wrong_type(func, "anchors", "an iterable of anchors or None", a))?
                    .collect::<PyResult<_>>()?;
                if list.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "{func}(): got {} texts but {} anchors",
                        texts.len(),
                        list.len()
                    )));
                }
                Some(list)
            }
        };
        let threads = match threads {
            Some(n) if n < 1 => {
                return Err(PyValueError::new_err(format!(
                    "{func}(): threads must be at least 1, not {n}"
                )));
            }
            n => n.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        };
        let pool = match threads {
            Some(n) if n > 1 => Some(pool(n)?),
            _ => None,
        };
        let inputs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = text_arg(func, Arg::Item("texts", i), t)?;
                let anchor = match &anchors {
                    Some(a) => anchor_arg(py, func, Arg::Item("anchors", i), Some(&a[i]))?,
                    None => None,
                };
                Ok((text, options(kinds, anchor)))
            })
            .collect();
        Ok(Batch {
            inputs,
            threads,
            pool,
        })
    }

    /// Runs `one` on every converted input, detached, in parallel unless
    /// `threads=1`; `None` for rejected slots.
    fn run<T: Send>(&self, py: Python<'_>, one: fn(&str, &Options) -> T) -> Vec<Option<T>> {
        let work: Vec<Option<(&str, &Options)>> = self
            .inputs
            .iter()
            .map(|r| r.as_ref().ok().map(|(t, o)| (t.as_str(), o)))
            .collect();
        py.detach(|| {
            let each = |doc: &Option<(&str, &Options)>| doc.map(|(t, o)| one(t, o));
            match (&self.pool, self.threads) {
                (Some(pool), _) => pool.install(|| work.par_iter().map(each).collect()),
                (None, Some(1)) => work.iter().map(each).collect(),
                (None, _) => work.par_iter().map(each).collect(),
            }
        })
    }

    /// One Python object per slot, in input order: `convert(result)`, or
    /// the slot's exception instance.
    fn collect<'py, T: Default>(
        self,
        py: Python<'py>,
        results: Vec<Option<T>>,
        convert: impl Fn(Python<'py>, T) -> PyResult<Bound<'py, PyList>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (input, result) in self.inputs.into_iter().zip(results) {
            match input {
                Ok(_) => out.append(convert(py, result.unwrap_or_default())?)?,
                Err(e) => out.append(e.into_value(py))?,
            }
        }
        Ok(out)
    }
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

/// A rayon pool of `n` threads, built once per size.
fn pool(n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = pools.iter().find(|(size, _)| *size == n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("xiangmu-{i}"))
        .build()
        .map(Arc::new)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?;
    pools.push((n, p.clone()));
    Ok(p)
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
    Ok(())
}
