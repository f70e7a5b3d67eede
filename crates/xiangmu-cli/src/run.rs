//! Processing documents in parallel, writing them in input order.
//!
//! Jobs are taken from the input in chunks (at most [`CHUNK_DOCUMENTS`]
//! documents or [`CHUNK_BYTES`] of JSON Lines text); each chunk is read,
//! processed and rendered in parallel on the thread pool, then written in
//! order. Memory is bounded by one chunk of inputs and outputs, whatever the
//! size of the input.

use crate::input::{self, Id, Job};
use crate::output::{self, Format, Sink, Task};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use xiangmu::Options;

/// Documents per chunk: enough to keep every core busy between two writes.
pub const CHUNK_DOCUMENTS: usize = 256;
/// JSON Lines text held per chunk.
pub const CHUNK_BYTES: usize = 32 << 20;

/// More documents than this show a progress bar (on a terminal).
const HANDFUL: usize = 8;

/// What to do with each document.
pub struct Work {
    pub task: Task,
    pub options: Options,
    pub format: Format,
    pub pretty: bool,
}

/// One document's output, rendered.
struct Rendered {
    bytes: Vec<u8>,
    failed: bool,
    /// Input bytes it stands for (for the progress bar).
    size: u64,
}

impl Work {
    /// Reads, processes and renders one document.
    fn render(&self, job: Job, default_anchor: Option<Date>) -> Rendered {
        let size = job.held_bytes() as u64;
        let (id, text, anchor) = match job {
            Job::Failed { id, error } => return self.failed(&id, &error, size),
            Job::Text { id, text, anchor } => (id, text, anchor),
            Job::File { id, path } => {
                let name = id.cell();
                match input::read_file(&path, &name) {
                    Ok(text) => (id, text, default_anchor),
                    Err(error) => return self.failed(&id, &error, size),
                }
            }
            Job::Line { id: line_id, line } => match input::read_line(&line) {
                Ok((id, text, anchor)) => (id.unwrap_or(line_id), text, anchor.or(default_anchor)),
                Err((id, error)) => return self.failed(&id.unwrap_or(line_id), &error, size),
            },
        };
        let size = size.max(text.len() as u64);
        let options = match anchor {
            Some(anchor) => self.options.clone().with_anchor(anchor),
            None => self.options.clone(),
        };
        let mut bytes = Vec::with_capacity(text.len() / 2);
        // The library promises not to panic; if it ever does, that document
        // fails and the others still run.
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.process(&id, &text, &options, &mut bytes)
        }));
        match done {
            Ok(Ok(())) => Rendered {
                bytes,
                failed: false,
                size,
            },
            Ok(Err(error)) => self.failed(&id, &error, size),
            Err(_) => self.failed(
                &id,
                "internal error: the extractor panicked (see stderr)",
                size,
            ),
        }
    }

    fn process(
        &self,
        id: &Id,
        text: &str,
        options: &Options,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        match self.task {
            Task::Extract => {
                let mentions = xiangmu::extract(text, options);
                output::render(self.format, self.pretty, self.task, id, &mentions, out)
            }
            Task::Projects => {
                let records = xiangmu::projects(text, options);
                output::render(self.format, self.pretty, self.task, id, &records, out)
            }
        }
    }

    fn failed(&self, id: &Id, error: &str, size: u64) -> Rendered {
        let mut bytes = Vec::new();
        output::render_error(self.format, self.pretty, self.task, id, error, &mut bytes);
        Rendered {
            bytes,
            failed: true,
            size,
        }
    }
}

/// A progress bar on stderr, only on a terminal and for more than a
/// handful of documents.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// The bar counts bytes (JSON Lines files) rather than documents.
    bytes: bool,
    /// Documents done; an unknown number of documents shows the bar once
    /// more than a handful are done.
    done: AtomicUsize,
    shown: AtomicBool,
}

impl Progress {
    /// `documents`: the number of documents if known; `bytes`: the size of
    /// the input if known (JSON Lines files).
    pub fn new(quiet: bool, documents: Option<usize>, bytes: Option<u64>) -> Progress {
        let mut progress = Progress {
            bar: None,
            bytes: false,
            done: AtomicUsize::new(0),
            shown: AtomicBool::new(false),
        };
        if quiet || !io::stderr().is_terminal() || documents.is_some_and(|n| n <= HANDFUL) {
            return progress;
        }
        let (len, template) = match (documents, bytes) {
            (Some(n), _) => (
                Some(n as u64),
                "{elapsed_precise} [{wide_bar}] {pos}/{len} documents ({rate}, {eta} left)",
            ),
            (None, Some(b)) => (
                Some(b),
                "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
            ),
            (None, None) => (None, "{elapsed_precise} {spinner} {pos} documents ({rate})"),
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} documents/s", state.per_sec());
                },
            );
        // Known totals above a handful show at once; others once a
        // handful of documents are done.
        let target = if documents.is_some() {
            progress.shown = AtomicBool::new(true);
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        progress.bar = Some(ProgressBar::with_draw_target(len, target).with_style(style));
        progress.bytes = documents.is_none() && bytes.is_some();
        progress
    }

    /// One document done (called from the workers).
    fn done(&self, r: &Rendered) {
        let Some(bar) = &self.bar else { return };
        bar.inc(if self.bytes { r.size } else { 1 });
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if done > HANDFUL && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Processes every job on `pool` and writes the documents to `sink` in
/// input order. Returns whether any document failed.
pub fn run<W: Write>(
    jobs: input::Jobs,
    default_anchor: Option<Date>,
    work: &Work,
    pool: &rayon::ThreadPool,
    mut sink: Sink<W>,
    progress: Progress,
) -> io::Result<bool> {
    let mut failed = false;
    let mut jobs = jobs;
    // The first chunk is small, so that output starts at once (`| head`).
    let mut limit = 2 * pool.current_num_threads().max(1);
    let result = loop {
        let mut chunk = Vec::with_capacity(limit);
        let mut held = 0;
        while chunk.len() < limit && held < CHUNK_BYTES {
            let Some(job) = jobs.next() else { break };
            held += job.held_bytes();
            chunk.push(job);
        }
        if chunk.is_empty() {
            break Ok(());
        }
        let rendered: Vec<Rendered> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|job| {
                    let r = work.render(job, default_anchor);
                    progress.done(&r);
                    r
                })
                .collect()
        });
        let written = rendered.iter().try_for_each(|r| {
            failed |= r.failed;
            sink.document(&r.bytes)
        });
        if let Err(e) = written {
            break Err(e);
        }
        limit = CHUNK_DOCUMENTS;
    };
    progress.finish();
    result?;
    sink.finish()?;
    Ok(failed)
}
