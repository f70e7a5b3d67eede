//! `XiangmuError` and the conversion of the core's errors to it.
//!
//! The core reports byte ranges; Python callers index `str` by code
//! points, so `start`/`end` are converted here, in one place
//! ([`xiangmu::Error::char_span`]).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyType;

pyo3::create_exception!(
    xiangmu,
    XiangmuError,
    PyValueError,
    "A bad argument or an expression that does not parse.\n\n\
     Attributes: `code` (a stable snake_case code: `empty`, `unexpected`, \
     `overflow`, `invalid_date`, `invalid_anchor`), `start` and `end` \
     (code points of the offending input, end exclusive). `str(error)` is \
     the core library's message."
);

/// A `XiangmuError` with its attributes set.
pub fn new_error(py: Python<'_>, message: String, code: &str, start: usize, end: usize) -> PyErr {
    let err = PyErr::new::<XiangmuError, _>(message);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("code", code)?;
        value.setattr("start", start)?;
        value.setattr("end", end)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The core's error for `input`, with code-point offsets into `input`.
pub fn core_error(py: Python<'_>, err: &xiangmu::Error, input: &str) -> PyErr {
    let (start, end) = err.char_span(input);
    new_error(py, err.to_string(), err.kind().code(), start, end)
}

/// `TypeError: <func>(): argument '<arg>' must be <want>, not <type>`.
pub fn wrong_type(func: &str, arg: &str, want: &str, got: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "{func}(): argument '{arg}' must be {want}, not {}",
        type_name(&got.get_type())
    ))
}

/// The `__name__` of a type, for messages.
pub fn type_name(ty: &Bound<'_, PyType>) -> String {
    ty.name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}
