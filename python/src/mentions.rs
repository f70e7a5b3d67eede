//! `Mentions`: the mentions of one text of a batch, as a read-only sequence
//! that builds each `Mention` object only when it is read.
//!
//! `extract_many` hands back one of these per document instead of a list
//! of ready objects: building ~85 Python objects per article under the GIL
//! was the largest serial part of a batch (see docs/benchmarks.md), and a
//! caller who filters by kind or only counts never needs most of them.
//! It behaves like a list of `Mention` for reading: `len`, indexing and
//! slicing (a slice is a `list`), iteration, `in`, `index`, `count`, `==`
//! against lists, pickling, and `collections.abc.Sequence` (registered by
//! the Python package).

use crate::objects::PyMention;
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyList, PySlice, PyTuple};

/// The mentions of one text, sorted by start; each `Mention` object is
/// built on access (so `ms[0] == ms[0]` but `ms[0] is not ms[0]`).
#[pyclass(frozen, sequence, module = "xiangmu", name = "Mentions")]
pub struct PyMentions {
    items: Vec<PyMention>,
}

impl PyMentions {
    /// Owns the mentions of one document.
    pub fn new(items: Vec<PyMention>) -> PyMentions {
        PyMentions { items }
    }

    fn object<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyMention>> {
        Bound::new(py, self.items[i].clone())
    }

    /// The position of the first mention equal to `value`.
    fn first_equal(&self, value: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
        for i in 0..self.items.len() {
            if self.equals_at(i, value)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Whether `other` is a mention equal to one of ours at `i`.
    fn equals_at(&self, i: usize, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<PyMention>() {
            Ok(m) => self.items[i].same(m.get()),
            Err(_) => Ok(false),
        }
    }
}

#[pymethods]
impl PyMentions {
    fn __len__(&self) -> usize {
        self.items.len()
    }

    /// `ms[i]` is a `Mention` (negative `i` counts from the end); `ms[a:b]`
    /// is a `list` of them.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let len = isize::try_from(self.items.len()).unwrap_or(isize::MAX);
            let ind = slice.indices(len)?;
            let mut picked = Vec::with_capacity(ind.slicelength);
            let mut at = ind.start;
            for _ in 0..ind.slicelength {
                picked.push(self.object(py, at as usize)?);
                at += ind.step;
            }
            return Ok(PyList::new(py, picked)?.into_any());
        }
        let i: isize = index.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "Mentions indices must be integers or slices, not {}",
                crate::errors::type_name(&index.get_type())
            ))
        })?;
        let len = self.items.len();
        let at = if i < 0 {
            len.checked_sub(i.unsigned_abs())
        } else {
            Some(i as usize).filter(|&i| i < len)
        };
        match at {
            Some(at) => Ok(self.object(py, at)?.into_any()),
            None => Err(PyIndexError::new_err(format!(
                "Mentions index {i} out of range for {len} mentions"
            ))),
        }
    }

    fn __iter__(slf: Bound<'_, Self>) -> MentionsIter {
        MentionsIter {
            owner: slf.unbind(),
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn __contains__(&self, item: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.first_equal(item)?.is_some())
    }

    /// The position of the first mention equal to `value`; `ValueError` if
    /// none is.
    fn index(&self, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.first_equal(value)?
            .ok_or_else(|| PyValueError::new_err("Mentions.index(x): x not in Mentions"))
    }

    /// How many mentions equal `value`.
    fn count(&self, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        let mut n = 0;
        for i in 0..self.items.len() {
            n += usize::from(self.equals_at(i, value)?);
        }
        Ok(n)
    }

    /// A `list` of every `Mention` (built now).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let objects = (0..self.items.len())
            .map(|i| self.object(py, i))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, objects)
    }

    /// Equal to another `Mentions` or to any list or tuple of equal
    /// mentions, in the same order.
    fn __eq__<'py>(
        &self,
        py: Python<'py>,
        other: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let equal = if let Ok(other) = other.cast::<PyMentions>() {
            let other = other.get();
            self.items.len() == other.items.len()
                && self
                    .items
                    .iter()
                    .zip(&other.items)
                    .try_fold(true, |all, (a, b)| Ok::<_, PyErr>(all && a.same(b)?))?
        } else if other.is_instance_of::<PyList>() || other.is_instance_of::<PyTuple>() {
            if other.len()? != self.items.len() {
                false
            } else {
                let mut all = true;
                for (i, item) in other.try_iter()?.enumerate() {
                    if !self.equals_at(i, &item?)? {
                        all = false;
                        break;
                    }
                }
                all
            }
        } else {
            return Ok(py.NotImplemented().into_bound(py));
        };
        Ok(PyBool::new(py, equal).to_owned().into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = String::from("Mentions([");
        for i in 0..self.items.len() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.object(py, i)?.repr()?.to_cow()?);
        }
        out.push_str("])");
        Ok(out)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py
            .import("xiangmu._xiangmu")?
            .getattr("_restore_mentions")?;
        let args = PyTuple::new(py, [self.to_list(py)?])?;
        PyTuple::new(py, [restore, args.into_any()])
    }
}

/// An iterator over a `Mentions`, building each object as it goes.
#[pyclass(frozen, module = "xiangmu", name = "_MentionsIterator")]
pub struct MentionsIter {
    owner: Py<PyMentions>,
    next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl MentionsIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyMention>>> {
        use std::sync::atomic::Ordering;
        let owner = self.owner.get();
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        if i < owner.items.len() {
            owner.object(py, i).map(Some)
        } else {
            // Stay exhausted even if called again and again.
            self.next.store(owner.items.len(), Ordering::Relaxed);
            Ok(None)
        }
    }
}

/// `pickle` support: a `Mentions` from a list of mentions.
#[pyfunction]
pub fn _restore_mentions(items: Vec<Bound<'_, PyMention>>) -> PyMentions {
    PyMentions::new(items.iter().map(|m| m.get().clone()).collect())
}
