//! The Python objects: `Mention` and one frozen class per value kind
//! (`Money`, `Area`, ...).
//!
//! Every value object is a view of the core's serde JSON for it (one JSON
//! source): attributes are read from it on access, typed (`Decimal` for
//! decimal strings, `int`, `str`, `datetime.date`), and it is also the
//! pickled state, the basis of `==` and `hash`, and `to_dict()`. A mention
//! keeps the core's `Value` as it came out of `extract` and serializes it
//! only when asked, so a batch builds one small object per mention and
//! nothing else.
//!
//! A kind the core gains before a class exists here still works: its
//! `Mention.value` is a `dict` of the SPEC fields.

use crate::convert::{date_type, decimal_type, json_to_py};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use serde_json::{Map, Value as Json};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;
use xiangmu::{Mention, Span, Value};

/// How a JSON field is shown in Python.
#[derive(Clone, Copy)]
pub enum Field {
    /// A decimal string -> `decimal.Decimal`.
    Decimal,
    /// A JSON integer -> `int`.
    Int,
    /// A string -> `str`.
    Str,
    /// An ISO date string -> `datetime.date`.
    Date,
    /// A nested date object -> `DateSpan`.
    DateSpan,
    /// A nested money object -> `Money`.
    Money,
    /// A nested area object -> `Area`.
    Area,
    /// A list of milestone objects -> `list[Milestone]`.
    Milestones,
    /// Any JSON (lists of strings) -> plain Python objects.
    Json,
}

/// A value's SPEC fields (a JSON object, as the core wrote it), parsed on
/// first access.
pub struct SpecValue {
    kind: Box<str>,
    json: Box<str>,
    fields: OnceLock<Map<String, Json>>,
}

/// Equal when the kinds and the SPEC fields are equal, whatever the key
/// order of the JSON text (a date nested in a milestone and a date mention
/// compare equal). SPEC decimal strings are canonical, so this is value
/// equality.
impl PartialEq for SpecValue {
    fn eq(&self, other: &SpecValue) -> bool {
        self.kind == other.kind && (self.json == other.json || self.fields() == other.fields())
    }
}

impl Eq for SpecValue {}

impl Hash for SpecValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.kind.hash(state);
        // serde_json's map is sorted by key: a canonical text.
        Json::Object(self.fields().clone()).to_string().hash(state);
    }
}

impl SpecValue {
    /// From the SPEC fields of `kind` as a JSON object text.
    pub fn new(kind: &str, json: String) -> SpecValue {
        SpecValue {
            kind: kind.into(),
            json: json.into(),
            fields: OnceLock::new(),
        }
    }

    /// The SPEC fields of a serializable core value of `kind`.
    pub fn of<T: serde::Serialize>(kind: &str, value: &T) -> PyResult<SpecValue> {
        Ok(SpecValue::new(kind, to_json(value)?))
    }

    /// The kind name.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The SPEC fields as a JSON object text.
    pub fn json(&self) -> &str {
        &self.json
    }

    fn fields(&self) -> &Map<String, Json> {
        self.fields
            .get_or_init(|| match serde_json::from_str(&self.json) {
                Ok(Json::Object(map)) => map,
                _ => Map::new(),
            })
    }

    /// Field `name` as a Python object (`None` when absent or null).
    pub fn get<'py>(&self, py: Python<'py>, name: &str, how: Field) -> PyResult<Bound<'py, PyAny>> {
        let none = || py.None().into_bound(py);
        let Some(v) = self.fields().get(name) else {
            return Ok(none());
        };
        Ok(match (v, how) {
            (Json::Null, _) => none(),
            (Json::String(s), Field::Decimal) => decimal_type(py)?.call1((s.as_str(),))?,
            (Json::String(s), Field::Date) => {
                date_type(py)?.call_method1("fromisoformat", (s.as_str(),))?
            }
            (Json::String(s), _) => PyString::new(py, s).into_any(),
            (Json::Object(map), Field::DateSpan) => {
                let json = ordered(map, PyDateSpan::FIELDS);
                Bound::new(py, PyDateSpan(SpecValue::new(PyDateSpan::KIND, json)))?.into_any()
            }
            (Json::Object(map), Field::Money) => {
                let json = ordered(map, PyMoney::FIELDS);
                Bound::new(py, PyMoney(SpecValue::new(PyMoney::KIND, json)))?.into_any()
            }
            (Json::Object(map), Field::Area) => {
                let json = ordered(map, PyArea::FIELDS);
                Bound::new(py, PyArea(SpecValue::new(PyArea::KIND, json)))?.into_any()
            }
            (Json::Array(items), Field::Milestones) => {
                let list = pyo3::types::PyList::empty(py);
                for item in items {
                    match item {
                        Json::Object(map) => {
                            let json = ordered(map, PyMilestone::FIELDS);
                            let spec = SpecValue::new(PyMilestone::KIND, json);
                            list.append(Bound::new(py, PyMilestone(spec))?)?;
                        }
                        other => list.append(json_to_py(py, &other.to_string())?)?,
                    }
                }
                list.into_any()
            }
            (Json::Number(n), _) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => u.into_pyobject(py)?.into_any(),
                (None, Some(i)) => i.into_pyobject(py)?.into_any(),
                _ => json_to_py(py, &n.to_string())?,
            },
            (other, _) => json_to_py(py, &other.to_string())?,
        })
    }

    /// The SPEC fields as a `dict`, in the core's key order.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.json)
    }

    /// `Name(field=repr, ...)` over the fields the SPEC JSON has (an
    /// absent field is left out; a `null` one shows as `None`).
    pub fn repr(&self, py: Python<'_>, name: &str, fields: &[(&str, Field)]) -> PyResult<String> {
        let mut parts = Vec::new();
        for &(field, how) in fields {
            if self.fields().contains_key(field) {
                parts.push(format!("{field}={}", self.get(py, field, how)?.repr()?));
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    }

    /// `(restore, (kind, json))` for pickle.
    pub fn reduce<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.import("xiangmu._xiangmu")?.getattr("_restore_value")?;
        PyTuple::new(
            py,
            [
                restore,
                PyTuple::new(py, [&*self.kind, &*self.json])?.into_any(),
            ],
        )
    }
}

/// A JSON object text with the keys of `order` first, in that order (the
/// order the core writes them), then any others.
fn ordered(map: &Map<String, Json>, order: &[(&str, Field)]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(map.len());
    let key = |k: &str, v: &Json| format!("{}:{v}", Json::String(k.to_string()));
    for (k, _) in order {
        if let Some(v) = map.get(*k) {
            parts.push(key(k, v));
        }
    }
    for (k, v) in map {
        if !order.iter().any(|(o, _)| o == k) {
            parts.push(key(k, v));
        }
    }
    format!("{{{}}}", parts.join(","))
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| PyValueError::new_err(format!("cannot serialize: {e}")))
}

/// Declares a frozen value class over [`SpecValue`] with one typed getter
/// per SPEC field, and the kind it shows.
macro_rules! value_class {
    (
        $(#[$doc:meta])*
        $rust:ident, $py_name:literal, $kind:literal, [$($field:ident: $how:ident),* $(,)?]
    ) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, hash, module = "xiangmu", name = $py_name)]
        #[derive(PartialEq, Eq, Hash)]
        pub struct $rust(pub SpecValue);

        impl $rust {
            /// The kind this class shows.
            pub const KIND: &'static str = $kind;
            const FIELDS: &'static [(&'static str, Field)] = &[$((stringify!($field), Field::$how)),*];
        }

        #[pymethods]
        impl $rust {
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    self.0.get(py, stringify!($field), Field::$how)
                }
            )*

            /// The SPEC JSON fields as a dict (decimals as strings).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.0.to_dict(py)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                self.0.repr(py, $py_name, Self::FIELDS)
            }

            fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
                self.0.reduce(py)
            }
        }
    };
}

value_class! {
    /// An amount of money.
    PyMoney, "Money", "money", [value: Decimal, low: Decimal, high: Decimal, currency: Str, qualifier: Str, role: Str]
}

value_class! {
    /// A land or floor area.
    PyArea, "Area", "area", [
        value: Decimal, low: Decimal, high: Decimal, unit: Str,
        square_meters: Decimal, low_square_meters: Decimal, high_square_meters: Decimal,
        qualifier: Str,
    ]
}

value_class! {
    /// A date or period: first and last day (inclusive) and its grain.
    PyDateSpan, "DateSpan", "date", [start: Date, end: Date, grain: Str]
}

value_class! {
    /// A length of time in the unit as written.
    PyDuration, "Duration", "duration", [value: Decimal, low: Decimal, high: Decimal, unit: Str, qualifier: Str]
}

value_class! {
    /// A project stage the text says happened, is planned or is under way.
    PyMilestone, "Milestone", "milestone", [stage: Str, status: Str, project: Str, date: DateSpan]
}

value_class! {
    /// A named project and what the text says of it.
    PyProject, "Project", "project", [
        name: Str, start: Int, end: Int, investment: Money, area: Area, milestones: Milestones,
    ]
}

value_class! {
    /// Several projects started, signed or completed together.
    PyBatch, "Batch", "batch", [
        kind: Str, start: Int, end: Int, count: Int, stages: Json, date: DateSpan,
        investment: Money, members: Json,
    ]
}

value_class! {
    /// A count with its measure word.
    PyCount, "Count", "count", [value: Int, low: Int, high: Int, unit: Str, qualifier: Str]
}

value_class! {
    /// A percentage or a number of percentage points.
    PyPercent, "Percent", "percent", [value: Decimal, low: Decimal, high: Decimal, unit: Str, qualifier: Str]
}

value_class! {
    /// An installed power capacity in kW.
    PyCapacity, "Capacity", "capacity", [value: Decimal, units: Int, unit_value: Decimal, qualifier: Str]
}

/// The Python object for the SPEC fields of `kind`: its class, or a `dict`
/// for a kind without one.
pub fn value_object<'py>(py: Python<'py>, spec: SpecValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match spec.kind() {
        PyMoney::KIND => Bound::new(py, PyMoney(spec))?.into_any(),
        PyArea::KIND => Bound::new(py, PyArea(spec))?.into_any(),
        PyDateSpan::KIND => Bound::new(py, PyDateSpan(spec))?.into_any(),
        PyDuration::KIND => Bound::new(py, PyDuration(spec))?.into_any(),
        PyMilestone::KIND => Bound::new(py, PyMilestone(spec))?.into_any(),
        PyProject::KIND => Bound::new(py, PyProject(spec))?.into_any(),
        PyBatch::KIND => Bound::new(py, PyBatch(spec))?.into_any(),
        PyCount::KIND => Bound::new(py, PyCount(spec))?.into_any(),
        PyPercent::KIND => Bound::new(py, PyPercent(spec))?.into_any(),
        PyCapacity::KIND => Bound::new(py, PyCapacity(spec))?.into_any(),
        _ => spec.to_dict(py)?,
    })
}

/// A project record's SPEC JSON: a `batch` when it says so (the core
/// writes `"kind": "batch"` first), else a named `project`.
pub fn record_spec(record: &xiangmu::Project) -> SpecValue {
    let json = serde_json::to_string(record).unwrap_or_else(|_| "{}".to_string());
    let kind = if json.starts_with(r#"{"kind":"batch""#) {
        PyBatch::KIND
    } else {
        PyProject::KIND
    };
    SpecValue::new(kind, json)
}

/// `pickle` support: rebuilds a value object.
#[pyfunction]
pub fn _restore_value<'py>(
    py: Python<'py>,
    kind: &str,
    json: String,
) -> PyResult<Bound<'py, PyAny>> {
    value_object(py, SpecValue::new(kind, json))
}

// ---------------------------------------------------------------------------
// Mention

/// A mention's value: the core's, or read back from a pickle.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stored {
    Core(Value),
    /// The core's tagged JSON (`{"kind": ..., fields...}`).
    Json {
        kind: Box<str>,
        json: Box<str>,
    },
}

/// One mention: where it is in the original text and what it means.
#[pyclass(frozen, module = "xiangmu", name = "Mention")]
#[derive(Clone)]
pub struct PyMention {
    start: usize,
    end: usize,
    span: Span,
    text: Box<str>,
    value: Stored,
}

impl PyMention {
    /// Owns a core mention (its text is copied; nothing else is converted).
    pub fn from_core(m: Mention<'_>) -> PyMention {
        PyMention {
            start: m.start,
            end: m.end,
            span: m.span,
            text: m.text.into(),
            value: Stored::Core(m.value),
        }
    }

    fn kind_str(&self) -> &str {
        match &self.value {
            Stored::Core(v) => v.kind().as_str(),
            Stored::Json { kind, .. } => kind,
        }
    }

    /// The core's tagged JSON of the value: `{"kind": ..., fields...}`.
    fn tagged_json(&self) -> PyResult<std::borrow::Cow<'_, str>> {
        match &self.value {
            Stored::Core(v) => Ok(to_json(v)?.into()),
            Stored::Json { json, .. } => Ok(std::borrow::Cow::Borrowed(json)),
        }
    }

    /// The SPEC fields of the value: the tagged JSON without its `kind`
    /// (for a date, the object nested under `value`).
    fn spec_value(&self) -> PyResult<SpecValue> {
        let kind = self.kind_str();
        let tagged = self.tagged_json()?;
        let fields = untag(&tagged, kind);
        if kind == PyDateSpan::KIND {
            return Ok(SpecValue::new(kind, nested_value(&fields)));
        }
        Ok(SpecValue::new(kind, fields))
    }

    /// The SPEC JSON of the whole mention, as the core writes it.
    fn mention_json(&self) -> PyResult<String> {
        match &self.value {
            Stored::Core(v) => to_json(&Mention {
                start: self.start,
                end: self.end,
                text: &self.text,
                span: self.span,
                value: v.clone(),
            }),
            Stored::Json { json, .. } => {
                let rest = json.strip_prefix('{').unwrap_or("}");
                let sep = if rest.starts_with('}') { "" } else { "," };
                Ok(format!(
                    r#"{{"start":{},"end":{},"text":{}{sep}{rest}"#,
                    self.start,
                    self.end,
                    to_json(&*self.text)?
                ))
            }
        }
    }

    /// Equal start, end, text and value (a pickled copy equals its source).
    pub fn same(&self, other: &PyMention) -> PyResult<bool> {
        Ok(
            (self.start, self.end, &self.text) == (other.start, other.end, &other.text)
                && match (&self.value, &other.value) {
                    (Stored::Core(a), Stored::Core(b)) => a == b,
                    _ => self.tagged_json()? == other.tagged_json()?,
                },
        )
    }
}

/// `{"kind":"money","value":...}` -> `{"value":...}`. The core's values
/// are internally tagged, so serde writes the tag first.
fn untag(tagged: &str, kind: &str) -> String {
    let prefix = format!(
        r#"{{"kind":{}"#,
        serde_json::Value::String(kind.to_string())
    );
    match tagged.strip_prefix(&prefix) {
        Some(rest) => match rest.strip_prefix(',') {
            Some(fields) => format!("{{{fields}"),
            None => format!("{{{rest}"),
        },
        // Not in the expected shape: drop the tag through a parse.
        None => match serde_json::from_str::<Json>(tagged) {
            Ok(Json::Object(mut map)) => {
                map.remove("kind");
                Json::Object(map).to_string()
            }
            _ => "{}".to_string(),
        },
    }
}

/// `{"value":{...}}` -> `{...}` (a date mention's value is nested, since
/// `start`/`end` of the mention are its offsets).
fn nested_value(fields: &str) -> String {
    if let Some(inner) = fields
        .strip_prefix(r#"{"value":"#)
        .and_then(|rest| rest.strip_suffix('}'))
        .filter(|inner| inner.starts_with('{'))
    {
        return inner.to_string();
    }
    match serde_json::from_str::<Json>(fields) {
        Ok(Json::Object(mut map)) => match map.remove("value") {
            Some(v @ Json::Object(_)) => v.to_string(),
            _ => "{}".to_string(),
        },
        _ => "{}".to_string(),
    }
}

#[pymethods]
impl PyMention {
    /// The kind name (`"money"`, `"area"`, ...).
    #[getter]
    fn kind(&self) -> &str {
        self.kind_str()
    }

    /// First code point of the mention in the original text (a `str` index).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// One past its last code point.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The original text of the mention: `text[m.start:m.end]`.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The normalized value: `Money`, `Area`, ... (a dict for a kind
    /// without a class).
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_object(py, self.spec_value()?)
    }

    /// The SPEC JSON of the mention as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.mention_json()?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let value = self.value(py)?;
        Ok(format!(
            "Mention(kind={}, start={}, end={}, text={}, value={})",
            PyString::new(py, self.kind_str()).repr()?,
            self.start,
            self.end,
            PyString::new(py, &self.text).repr()?,
            value.repr()?
        ))
    }

    fn __eq__<'py>(
        &self,
        py: Python<'py>,
        other: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match other.cast::<PyMention>() {
            Ok(other) => Ok(pyo3::types::PyBool::new(py, self.same(other.get())?)
                .to_owned()
                .into_any()),
            Err(_) => Ok(py.NotImplemented().into_bound(py)),
        }
    }

    fn __hash__(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, &self.text, self.kind_str()).hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.import("xiangmu._xiangmu")?.getattr("_restore_mention")?;
        let args = (
            self.start,
            self.end,
            &*self.text,
            self.span.start,
            self.span.end,
            self.kind_str(),
            self.tagged_json()?.into_owned(),
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [restore, args.into_any()])
    }
}

/// `pickle` support: rebuilds a mention.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _restore_mention(
    start: usize,
    end: usize,
    text: String,
    span_start: usize,
    span_end: usize,
    kind: String,
    json: String,
) -> PyMention {
    PyMention {
        start,
        end,
        span: Span::new(span_start, span_end),
        text: text.into(),
        value: Stored::Json {
            kind: kind.into(),
            json: json.into(),
        },
    }
}
