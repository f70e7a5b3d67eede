//! Batch calls (`extract_many`, `projects_many`): many documents, one
//! result slot each, in input order.
//!
//! With more than one thread the calling thread converts inputs (Python
//! `str` to UTF-8 needs the GIL) while a rayon pool already extracts the
//! converted ones without it: the conversion overlaps the work instead of
//! preceding it, which is what lets two threads approach twice the speed of
//! one. While the pool runs, the caller waits with the GIL released and
//! wakes every few milliseconds to check for signals, so Ctrl-C stops a long
//! batch promptly (the workers drop what they have not started) and leaves
//! the interpreter usable.
//!
//! A bad element (not a `str`, a bad anchor) gets its exception in its
//! slot; a panic inside the core, which the core's tests and fuzzing say
//! cannot happen, is caught per document and also stays in its slot.

use crate::convert::{Arg, anchor_arg, options, text_arg, text_into};
use crate::errors::wrong_type;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use xiangmu::{Kind, Options};

/// Chunks of converted documents waiting for each worker.
const QUEUED_PER_WORKER: usize = 2;

/// A chunk ends once it holds this much text (a few milliseconds of
/// work)...
const CHUNK_BYTES: usize = 128 * 1024;

/// ... or this many documents.
const CHUNK_DOCS: usize = 64;

/// How long the waiting caller sleeps between signal checks.
const SIGNAL_CHECK: Duration = Duration::from_millis(20);

/// The arguments of a batch call, checked as a whole.
pub struct Batch<'py> {
    func: &'static str,
    texts: Vec<Bound<'py, PyAny>>,
    anchors: Option<Vec<Bound<'py, PyAny>>>,
    kinds: Vec<Kind>,
    /// Workers: `None` for rayon's global pool.
    threads: Option<usize>,
}

impl<'py> Batch<'py> {
    /// Checks the arguments as a whole (those errors raise); elements are
    /// checked when they are converted (those errors stay in their slots).
    pub fn new(
        func: &'static str,
        texts: &Bound<'py, PyAny>,
        anchors: Option<&Bound<'py, PyAny>>,
        kinds: &[Kind],
        threads: Option<i64>,
    ) -> PyResult<Batch<'py>> {
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
        let anchors = match anchors.filter(|a| !a.is_none()) {
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
        Ok(Batch {
            func,
            texts,
            anchors,
            kinds: kinds.to_vec(),
            threads,
        })
    }

    /// Element `i` as the core takes it, or why it cannot be.
    fn convert(&self, i: usize) -> PyResult<(String, Options)> {
        let text = text_arg(self.func, Arg::Item("texts", i), &self.texts[i])?;
        Ok((text, self.options(i)?))
    }

    /// [`Batch::convert`] into a recycled buffer.
    fn convert_into(&self, i: usize, buf: &mut String) -> PyResult<Options> {
        text_into(self.func, Arg::Item("texts", i), &self.texts[i], buf)?;
        self.options(i)
    }

    /// The options of element `i` (its anchor checked).
    fn options(&self, i: usize) -> PyResult<Options> {
        let py = self.texts[i].py();
        let anchor = match &self.anchors {
            Some(a) => anchor_arg(py, self.func, Arg::Item("anchors", i), Some(&a[i]))?,
            None => None,
        };
        Ok(options(&self.kinds, anchor))
    }

    /// Runs `one` on every element; one result per slot, in input order.
    /// Raises only for a signal (`KeyboardInterrupt`) or a pool that
    /// cannot start.
    pub fn run<T: Send>(
        &self,
        py: Python<'py>,
        one: fn(&str, &Options) -> T,
    ) -> PyResult<Vec<PyResult<T>>> {
        let workers = self.threads.unwrap_or_else(rayon::current_num_threads);
        if workers <= 1 || self.texts.len() <= 1 {
            return self.run_here(py, one);
        }
        let pool = match self.threads {
            Some(n) => Some(pool(n)?),
            None => None,
        };
        self.run_pipelined(py, one, pool.as_deref())
    }

    /// One document after the other in the calling thread (`threads=1`),
    /// the GIL released while each is extracted.
    fn run_here<T: Send>(
        &self,
        py: Python<'py>,
        one: fn(&str, &Options) -> T,
    ) -> PyResult<Vec<PyResult<T>>> {
        let mut out = Vec::with_capacity(self.texts.len());
        for i in 0..self.texts.len() {
            out.push(match self.convert(i) {
                Ok((text, options)) => py.detach(|| guarded(self.func, i, one, &text, &options)),
                Err(e) => Err(e),
            });
            py.check_signals()?;
        }
        Ok(out)
    }

    /// Converts here while the pool extracts, then waits for the pool.
    ///
    /// Documents travel in chunks (about [`CHUNK_BYTES`] of text): one
    /// wake-up of a worker, and of the caller, per chunk rather than per
    /// document, which on two cores was the difference between 1.6x and
    /// 1.9x. Text buffers come back from the workers to be refilled, so
    /// they are not allocated in one thread and freed in another.
    fn run_pipelined<T: Send>(
        &self,
        py: Python<'py>,
        one: fn(&str, &Options) -> T,
        pool: Option<&rayon::ThreadPool>,
    ) -> PyResult<Vec<PyResult<T>>> {
        type Work = Vec<(usize, String, Options)>;
        let func = self.func;
        let n = self.texts.len();
        let mut slots: Vec<Option<PyResult<T>>> = (0..n).map(|_| None).collect();
        let cancel = AtomicBool::new(false);
        // Bounded, so converted text waits in memory for a few chunks per
        // worker at most, not for the whole batch.
        let queue = QUEUED_PER_WORKER
            * pool.map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
        let (work_tx, work_rx) = mpsc::sync_channel::<Work>(queue);
        let (done_tx, done_rx) = mpsc::channel::<Vec<(usize, PyResult<T>)>>();
        let (recycle_tx, recycle_rx) = mpsc::channel::<Work>();
        let interrupted = std::thread::scope(|scope| {
            let cancel = &cancel;
            let workers = scope.spawn(move || {
                let body = || {
                    work_rx.into_iter().par_bridge().for_each_with(
                        (done_tx, recycle_tx),
                        |(done, recycle), mut chunk: Work| {
                            if !cancel.load(Ordering::Relaxed) {
                                let results = chunk
                                    .iter()
                                    .map(|(i, text, options)| {
                                        (*i, guarded(func, *i, one, text, options))
                                    })
                                    .collect();
                                let _ = done.send(results);
                            }
                            chunk.clear();
                            let _ = recycle.send(chunk);
                        },
                    )
                };
                match pool {
                    Some(pool) => pool.install(body),
                    None => body(),
                }
            });
            // Send a chunk; on a full queue, wait for a worker without the
            // GIL. (The receiver lives until every chunk is sent.)
            let send = |chunk: Work| {
                if let Err(mpsc::TrySendError::Full(chunk)) = work_tx.try_send(chunk) {
                    let _ = py.detach(|| work_tx.send(chunk));
                }
            };
            let mut interrupted = None;
            let mut sent = 0;
            let mut spare: Vec<String> = Vec::new();
            let mut chunk: Work = Vec::new();
            let mut chunk_bytes = 0;
            for (i, slot) in slots.iter_mut().enumerate() {
                if spare.is_empty() {
                    for mut old in recycle_rx.try_iter() {
                        spare.extend(old.drain(..).map(|(_, text, _)| text));
                    }
                }
                let mut text = spare.pop().unwrap_or_default();
                match self.convert_into(i, &mut text) {
                    Ok(options) => {
                        chunk_bytes += text.len();
                        chunk.push((i, text, options));
                        sent += 1;
                        if chunk_bytes >= CHUNK_BYTES || chunk.len() >= CHUNK_DOCS {
                            send(std::mem::take(&mut chunk));
                            chunk_bytes = 0;
                        }
                    }
                    Err(e) => *slot = Some(Err(e)),
                }
                if let Err(e) = py.check_signals() {
                    interrupted = Some(e);
                    break;
                }
            }
            if interrupted.is_none() && !chunk.is_empty() {
                send(chunk);
            }
            drop(work_tx);
            // Collect with the GIL released, waking to check for signals.
            let mut rx = done_rx;
            let mut received = 0;
            while interrupted.is_none() && received < sent {
                let (got, back, open) = py.detach(move || {
                    let mut got = Vec::new();
                    let mut open = true;
                    match rx.recv_timeout(SIGNAL_CHECK) {
                        Ok(first) => {
                            got.extend(first);
                            got.extend(rx.try_iter().flatten());
                        }
                        Err(mpsc::RecvTimeoutError::Timeout) => {}
                        Err(mpsc::RecvTimeoutError::Disconnected) => open = false,
                    }
                    (got, rx, open)
                });
                rx = back;
                received += got.len();
                for (i, result) in got {
                    slots[i] = Some(result);
                }
                if !open {
                    break;
                }
                if let Err(e) = py.check_signals() {
                    interrupted = Some(e);
                }
            }
            if interrupted.is_some() {
                cancel.store(true, Ordering::Relaxed);
            }
            // Workers finish the chunk they are on; wait without the GIL.
            let joined = py.detach(move || workers.join());
            if joined.is_err() && interrupted.is_none() {
                interrupted = Some(PyRuntimeError::new_err(format!(
                    "{func}(): the worker pool failed"
                )));
            }
            interrupted
        });
        if let Some(e) = interrupted {
            return Err(e);
        }
        Ok(slots
            .into_iter()
            .enumerate()
            .map(|(i, slot)| {
                slot.unwrap_or_else(|| {
                    Err(PyRuntimeError::new_err(format!(
                        "{func}(): texts[{i}] got no result (internal error, please report)"
                    )))
                })
            })
            .collect())
    }

    /// One Python object per slot, in input order: `convert(result)`, or
    /// the slot's exception instance.
    pub fn collect<T>(
        py: Python<'py>,
        results: Vec<PyResult<T>>,
        convert: impl Fn(Python<'py>, T) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let objects = results
            .into_iter()
            .map(|r| match r {
                Ok(value) => convert(py, value),
                Err(e) => Ok(e.into_value(py).into_bound(py).into_any()),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, objects)
    }
}

/// `one(text, options)`, a panic turned into this slot's `RuntimeError`.
fn guarded<T>(
    func: &str,
    i: usize,
    one: fn(&str, &Options) -> T,
    text: &str,
    options: &Options,
) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(|| one(text, options))).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PyRuntimeError::new_err(format!(
            "{func}(): internal error on texts[{i}] (please report): {why}"
        ))
    })
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
