//! `xiangmu`: the command line of the xiangmu library.
//!
//! `xiangmu extract [FILES...]` reads Chinese news articles about
//! investment projects and writes one JSON line per document:
//! `{"id": ..., "mentions": [...]}`, each mention in the SPEC's JSON form
//! (code-point offsets into the original text, exact decimal strings).
//!
//! - Plain text: each file is one document (id: the path as given); no
//!   files, or `-`, reads stdin (id `stdin`).
//! - `--jsonl`: one document per line, `{"id", "anchor", "text"}`; a line
//!   that cannot be read gives `{"id", "error"}` and the others still run.
//!
//! Exit status: 0 when every document succeeded, 1 when any failed, 2 for
//! usage errors (bad options, an invalid `--anchor`).

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xiangmu::{Kind, Mention, Options};

const EXAMPLES: &str = "\
Examples:
  # one article, relative dates resolved against its publication date
  xiangmu extract --anchor 2023-06-27 examples/sample.txt

  # from stdin, money only, pretty-printed
  cat article.txt | xiangmu extract --kinds money --pretty

  # JSON Lines in, JSON Lines out (same order); `anchor` may be absent or null
  echo '{\"id\":\"a1\",\"anchor\":\"2023-06-27\",\"text\":\"总投资1.5亿元\"}' | xiangmu extract --jsonl

Output, one line per document:
  {\"id\":\"a1\",\"mentions\":[{\"start\":3,\"end\":8,\"text\":\"1.5亿元\",\"kind\":\"money\",\"value\":\"150000000\",...}]}
  {\"id\":\"line 2\",\"error\":\"invalid JSON: expected value at line 1 column 1\"}

Exit status: 0 all documents succeeded, 1 some document failed, 2 usage error.";

/// Exact money, area and date mentions from Chinese investment news, as JSON.
#[derive(Debug, Parser)]
#[command(name = "xiangmu", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract mentions from articles: one JSON line per document.
    #[command(after_help = EXAMPLES)]
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Input files; none, or `-`, reads stdin. Plain text: one document per
    /// file. With --jsonl: one document per line.
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,

    /// Publication date that relative dates (今年, 11月下旬) resolve against.
    /// With --jsonl: the default for lines whose `anchor` is absent or null.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_anchor_arg)]
    anchor: Option<Date>,

    /// Read JSON Lines: one `{"id", "anchor", "text"}` object per line.
    #[arg(long)]
    jsonl: bool,

    /// Only these kinds, comma-separated (e.g. `money,area`).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,

    /// Pretty-print each document's JSON (several lines per document).
    #[arg(long)]
    pretty: bool,
}

fn main() -> ExitCode {
    let Command::Extract(args) = Cli::parse().command;
    let stdout = io::stdout();
    let mut run = Run {
        out: BufWriter::new(stdout.lock()),
        options: match &args.kinds {
            Some(kinds) => Options::default().with_kinds(kinds),
            None => Options::default(),
        },
        anchor: args.anchor,
        pretty: args.pretty,
        failed: false,
    };
    match run
        .all(&args.files, args.jsonl)
        .and_then(|()| run.out.flush())
    {
        Ok(()) => {}
        // The reader went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("xiangmu: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if run.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A document's id in the output: a file name, `stdin`, `line N`, or the
/// `id` value of a JSON Lines document as given.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Id<'a> {
    Name(&'a str),
    Owned(String),
    Json(Value),
}

#[derive(Serialize)]
struct Found<'a, 't> {
    id: &'a Id<'a>,
    mentions: &'a [Mention<'t>],
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Id<'a>,
    error: &'a str,
}

/// One JSON Lines document; unknown fields (gold `mentions`, `body` ...)
/// are skipped.
#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    anchor: Option<Value>,
    text: Option<Value>,
}

/// Output and settings shared by every document.
struct Run<W: Write> {
    out: W,
    options: Options,
    anchor: Option<Date>,
    pretty: bool,
    failed: bool,
}

impl<W: Write> Run<W> {
    fn all(&mut self, files: &[PathBuf], jsonl: bool) -> io::Result<()> {
        let stdin = [PathBuf::from("-")];
        let files = if files.is_empty() { &stdin[..] } else { files };
        let several = files.len() > 1;
        for path in files {
            let is_stdin = path == Path::new("-");
            let name = if is_stdin {
                "stdin".into()
            } else {
                path.to_string_lossy()
            };
            let reader: Box<dyn BufRead> = if is_stdin {
                Box::new(io::stdin().lock())
            } else {
                match std::fs::File::open(path) {
                    Ok(f) => Box::new(BufReader::new(f)),
                    Err(e) => {
                        let error = format!("cannot read {name:?}: {e}");
                        self.failed(&Id::Name(&name), &error)?;
                        continue;
                    }
                }
            };
            if jsonl {
                let prefix = if several { Some(&*name) } else { None };
                self.jsonl(reader, prefix)?;
            } else {
                self.plain(reader, &name)?;
            }
        }
        Ok(())
    }

    /// The whole input is one document.
    fn plain(&mut self, mut reader: Box<dyn BufRead>, name: &str) -> io::Result<()> {
        let id = Id::Name(name);
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return self.failed(&id, &format!("cannot read {name:?}: {e}"));
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.found(&id, &text, self.anchor),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.failed(&id, &format!("{name:?} is not UTF-8 text (byte {at})"))
            }
        }
    }

    /// One document per line, in input order; blank lines are skipped.
    /// `prefix` names the input in `line N` ids when there are several.
    fn jsonl(&mut self, mut reader: Box<dyn BufRead>, prefix: Option<&str>) -> io::Result<()> {
        let mut buf = Vec::new();
        for number in 1.. {
            buf.clear();
            let line_id = || match prefix {
                Some(p) => Id::Owned(format!("{p} line {number}")),
                None => Id::Owned(format!("line {number}")),
            };
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return self.failed(&line_id(), &format!("cannot read: {e}")),
            }
            let Ok(line) = std::str::from_utf8(&buf) else {
                self.failed(&line_id(), "line is not UTF-8 text")?;
                continue;
            };
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match read_line(line) {
                Ok((id, text, anchor)) => {
                    let id = id.unwrap_or_else(line_id);
                    self.found(&id, &text, anchor.or(self.anchor))?;
                }
                Err((id, error)) => self.failed(&id.unwrap_or_else(line_id), &error)?,
            }
        }
        Ok(())
    }

    fn found(&mut self, id: &Id<'_>, text: &str, anchor: Option<Date>) -> io::Result<()> {
        let options = options_for(&self.options, anchor);
        // The library promises not to panic; if it ever does, that document
        // fails and the others still run.
        let Ok(mentions) = std::panic::catch_unwind(|| xiangmu::extract(text, &options)) else {
            return self.failed(id, "internal error: the extractor panicked (see stderr)");
        };
        self.write(&Found {
            id,
            mentions: &mentions,
        })
    }

    fn failed(&mut self, id: &Id<'_>, error: &str) -> io::Result<()> {
        self.failed = true;
        self.write(&Failed { id, error })
    }

    fn write(&mut self, doc: &impl Serialize) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc)?;
        } else {
            serde_json::to_writer(&mut self.out, doc)?;
        }
        self.out.write_all(b"\n")
    }
}

/// The options for one document with its anchor date.
fn options_for(base: &Options, anchor: Option<Date>) -> Options {
    match anchor {
        Some(anchor) => base.clone().with_anchor(anchor),
        None => base.clone(),
    }
}

type LineError = (Option<Id<'static>>, String);

/// The id (when the line has one), text and anchor of a JSON Lines
/// document, or its id (when readable) and what is wrong with it.
fn read_line(line: &str) -> Result<(Option<Id<'static>>, String, Option<Date>), LineError> {
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
fn parse_anchor(s: &str) -> Result<Date, String> {
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

/// `--anchor`: clap quotes the value itself before this message.
fn parse_anchor_arg(s: &str) -> Result<Date, String> {
    parse_anchor(s).map_err(|why| format!("invalid anchor {s:?}: {why}"))
}

/// One `--kinds` name.
fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::from_name(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("expected one of {}, found {s:?}", names.join(", "))
    })
}
