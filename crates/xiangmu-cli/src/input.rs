//! What to read: files, directories, stdin, JSON Lines; one [`Job`] per
//! document, created lazily so that memory stays bounded.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A document's id in the output: a file name, `stdin`, `line N`, or the
/// `id` value of a JSON Lines document as given.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Id {
    /// A name made here (a path, `stdin`, `line N`).
    Name(String),
    /// The `id` of a JSON Lines document, as given.
    Json(Value),
}

impl Id {
    /// The id as one CSV cell: strings as they are, other JSON as JSON.
    pub fn cell(&self) -> String {
        match self {
            Id::Name(s) | Id::Json(Value::String(s)) => s.clone(),
            Id::Json(other) => other.to_string(),
        }
    }
}

/// One input named on the command line (after directories are expanded).
#[derive(Debug)]
enum Input {
    Stdin,
    File {
        path: PathBuf,
        name: String,
    },
    /// A path that cannot be read (missing, a directory that cannot be
    /// listed): one error document.
    Unreadable {
        name: String,
        error: String,
    },
}

/// One document to process. Reading files and parsing JSON lines happen
/// in the worker that processes it.
#[derive(Debug)]
pub enum Job {
    /// A plain-text file: the whole file is the document.
    File { id: Id, path: PathBuf },
    /// A document already read (stdin).
    Text {
        id: Id,
        text: String,
        anchor: Option<Date>,
    },
    /// A JSON Lines document, not parsed yet; `id` is `line N`, used when
    /// the line has no `id` of its own.
    Line { id: Id, line: Vec<u8> },
    /// A document that failed before it could be read.
    Failed { id: Id, error: String },
}

impl Job {
    /// Bytes held in memory by this job (to bound a chunk).
    pub fn held_bytes(&self) -> usize {
        match self {
            Job::Text { text, .. } => text.len(),
            Job::Line { line, .. } => line.len(),
            Job::File { .. } | Job::Failed { .. } => 0,
        }
    }
}

/// Expands command-line paths: `-` is stdin, a directory gives every file
/// under it ending in `.txt` (`.jsonl` with `--jsonl`), recursively, in
/// sorted path order; none at all reads stdin. Warnings (an empty
/// directory) go to `warn`.
pub struct Inputs {
    inputs: Vec<Input>,
    jsonl: bool,
}

impl Inputs {
    pub fn new(paths: &[PathBuf], jsonl: bool, warn: &mut dyn FnMut(String)) -> Inputs {
        let mut inputs = Vec::new();
        if paths.is_empty() {
            inputs.push(Input::Stdin);
        }
        let ext = if jsonl { "jsonl" } else { "txt" };
        for path in paths {
            if path == Path::new("-") {
                inputs.push(Input::Stdin);
                continue;
            }
            let name = path.to_string_lossy().into_owned();
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let before = inputs.len();
                    walk(path, ext, &mut inputs);
                    if inputs.len() == before {
                        warn(format!("no *.{ext} files under {name:?}"));
                    }
                }
                Ok(_) => inputs.push(Input::File {
                    path: path.clone(),
                    name,
                }),
                Err(e) => inputs.push(Input::Unreadable {
                    error: format!("cannot read {name:?}: {e}"),
                    name,
                }),
            }
        }
        Inputs { inputs, jsonl }
    }

    /// The number of documents, when known before reading (plain text).
    pub fn documents(&self) -> Option<usize> {
        (!self.jsonl).then_some(self.inputs.len())
    }

    /// The total size of the inputs, when they are all files.
    pub fn total_bytes(&self) -> Option<u64> {
        self.inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => std::fs::metadata(path).ok().map(|m| m.len()),
                Input::Unreadable { .. } => Some(0),
                Input::Stdin => None,
            })
            .sum()
    }

    /// The documents, one at a time.
    pub fn jobs(self, anchor: Option<Date>) -> Jobs {
        Jobs {
            several: self.inputs.len() > 1,
            inputs: self.inputs.into(),
            jsonl: self.jsonl,
            anchor,
            lines: None,
        }
    }
}

/// Every file under `dir` with extension `ext`, sorted by path. Symbolic
/// links to files are followed, links to directories are not (no loops).
/// A directory that cannot be listed gives one unreadable input.
fn walk(dir: &Path, ext: &str, out: &mut Vec<Input>) {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                let name = d.to_string_lossy().into_owned();
                found.push((
                    d.clone(),
                    Some(format!("cannot read directory {name:?}: {e}")),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let is_file = kind.is_file() || (kind.is_symlink() && path.is_file());
            if kind.is_dir() {
                stack.push(path);
            } else if is_file && path.extension().is_some_and(|x| x == ext) {
                found.push((path, None));
            }
        }
    }
    found.sort();
    for (path, error) in found {
        let name = path.to_string_lossy().into_owned();
        out.push(match error {
            Some(error) => Input::Unreadable { name, error },
            None => Input::File { path, name },
        });
    }
}

/// The documents of the inputs, in order.
pub struct Jobs {
    inputs: VecDeque<Input>,
    jsonl: bool,
    several: bool,
    anchor: Option<Date>,
    lines: Option<Lines>,
}

/// A JSON Lines input being read.
struct Lines {
    reader: Box<dyn BufRead>,
    /// The input's name in `line N` ids when there are several inputs.
    prefix: Option<Arc<str>>,
    number: usize,
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(job) => return Some(job),
                    None => self.lines = None,
                }
            }
            let input = self.inputs.pop_front()?;
            let (name, reader): (String, Box<dyn BufRead>) = match input {
                Input::Unreadable { name, error } => {
                    return Some(Job::Failed {
                        id: Id::Name(name),
                        error,
                    });
                }
                Input::File { path, name } if !self.jsonl => {
                    return Some(Job::File {
                        id: Id::Name(name),
                        path,
                    });
                }
                Input::Stdin if !self.jsonl => return Some(read_stdin(self.anchor)),
                Input::Stdin => ("stdin".into(), Box::new(io::stdin().lock())),
                Input::File { path, name } => match std::fs::File::open(&path) {
                    Ok(f) => (name, Box::new(BufReader::with_capacity(1 << 16, f))),
                    Err(e) => {
                        let error = format!("cannot read {name:?}: {e}");
                        return Some(Job::Failed {
                            id: Id::Name(name),
                            error,
                        });
                    }
                },
            };
            self.lines = Some(Lines {
                reader,
                prefix: self.several.then(|| name.into()),
                number: 0,
            });
        }
    }
}

impl Lines {
    /// The next non-blank line as a job; a read error ends the input with
    /// an error document.
    fn next(&mut self) -> Option<Job> {
        loop {
            self.number += 1;
            let id = match &self.prefix {
                Some(p) => Id::Name(format!("{p} line {}", self.number)),
                None => Id::Name(format!("line {}", self.number)),
            };
            let mut line = Vec::new();
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => return Some(Job::Line { id, line }),
                Err(e) => {
                    // Nothing more can be read from this input.
                    self.reader = Box::new(io::empty());
                    return Some(Job::Failed {
                        id,
                        error: format!("cannot read: {e}"),
                    });
                }
            }
        }
    }
}

/// All of stdin as one plain-text document.
fn read_stdin(anchor: Option<Date>) -> Job {
    let id = Id::Name("stdin".into());
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
        let error = format!("cannot read \"stdin\": {e}");
        return Job::Failed { id, error };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Job::Text { id, text, anchor },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let error = format!("\"stdin\" is not UTF-8 text (byte {at})");
            Job::Failed { id, error }
        }
    }
}

/// A plain-text file, read whole.
pub fn read_file(path: &Path, name: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name:?}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{name:?} is not UTF-8 text (byte {at})")
    })
}

/// One JSON Lines document; unknown fields (gold `mentions`, `body` ...)
/// are skipped.
#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    anchor: Option<Value>,
    text: Option<Value>,
}

/// A JSON Lines document: its id (when the line has one), text and anchor,
/// or its id (when readable) and what is wrong with it.
pub type ReadLine = Result<(Option<Id>, String, Option<Date>), (Option<Id>, String)>;

/// Reads one JSON Lines document.
pub fn read_line(bytes: &[u8]) -> ReadLine {
    let Ok(line) = std::str::from_utf8(bytes) else {
        return Err((None, "line is not UTF-8 text".into()));
    };
    let line = line.trim();
    if !line.starts_with('{') {
        let found = line.chars().take(20).collect::<String>();
        return Err((None, format!("expected a JSON object, found {found:?}")));
    }
    let doc: Line = serde_json::from_str(line).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let id = doc.id.filter(|v| !v.is_null()).map(Id::Json);
    let anchor = match doc.anchor {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match parse_anchor(&s) {
            Ok(date) => Some(date),
            Err(why) => return Err((id, format!("invalid anchor {s:?}: {why}"))),
        },
        Some(other) => {
            let error =
                format!("expected \"anchor\" to be a YYYY-MM-DD string or null, found {other}");
            return Err((id, error));
        }
    };
    match doc.text {
        Some(Value::String(text)) => Ok((id, text, anchor)),
        None | Some(Value::Null) => Err((id, "missing field \"text\"".into())),
        Some(other) => {
            let error = format!(
                "expected \"text\" to be a string, found {}",
                json_type(&other)
            );
            Err((id, error))
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A calendar date written exactly `YYYY-MM-DD`; the error says why not.
pub fn parse_anchor(s: &str) -> Result<Date, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err("expected a date YYYY-MM-DD".into());
    }
    s.parse::<Date>()
        .map_err(|e| format!("not a calendar date: {e}"))
}
