//! `xiangmu`: the command line of the xiangmu library.
//!
//! - `xiangmu extract [INPUTS...]`: the mentions of each document (money,
//!   areas, dates, durations, milestones, counts, percents, capacities).
//! - `xiangmu projects [INPUTS...]`: the project and batch records of each
//!   document (name, investment, area, milestones).
//! - `xiangmu eval GOLD.jsonl...`: scores the library against gold files in
//!   the `shared/eval` format and prints the tables.
//!
//! Inputs are files, directories (every `*.txt` under them, recursively, in
//! sorted path order), stdin (`-`, or no input), or with `--jsonl` JSON
//! Lines documents `{"id", "anchor", "text"}`. Documents are processed in
//! parallel on every core (`--threads N`) and written in input order as
//! JSON Lines, one JSON array, or CSV. A document that cannot be read gives
//! `{"id", "error"}` and the others still run.
//!
//! Exit status: 0 when every document succeeded, 1 when any failed, 2 for
//! usage errors (bad options, an invalid `--anchor`).

mod eval_cmd;
mod input;
mod output;
mod run;

use clap::{Args, CommandFactory, Parser, Subcommand};
use jiff::civil::Date;
use output::{Format, Sink, Task};
use std::io::{self, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;
use xiangmu::{Kind, Options};

const EXTRACT_EXAMPLES: &str = "\
Examples:
  # one article, relative dates resolved against its publication date
  xiangmu extract --anchor 2023-06-27 examples/sample.txt

  # every *.txt under a directory, in parallel, as a spreadsheet (Excel: --bom)
  xiangmu extract --format csv --bom articles/ > mentions.csv

  # from stdin, money only, pretty-printed
  cat article.txt | xiangmu extract --kinds money --pretty

  # JSON Lines in, JSON Lines out (same order); `anchor` may be absent or null
  echo '{\"id\":\"a1\",\"anchor\":\"2023-06-27\",\"text\":\"总投资1.5亿元\"}' | xiangmu extract --jsonl

Output (--format jsonl), one line per document:
  {\"id\":\"a1\",\"mentions\":[{\"start\":3,\"end\":8,\"text\":\"1.5亿元\",\"kind\":\"money\",\"value\":\"150000000\",...}]}
  {\"id\":\"line 2\",\"error\":\"invalid JSON: expected value at line 1 column 1\"}

Exit status: 0 all documents succeeded, 1 some document failed, 2 usage error.";

const PROJECTS_EXAMPLES: &str = "\
Examples:
  # one record per named project (investment, area, milestones) and batches
  xiangmu projects --anchor 2023-06-27 examples/sample.txt

  # a directory of articles as a spreadsheet, one row per record
  xiangmu projects --format csv --bom articles/ > projects.csv

  # JSON Lines in (`anchor` per line), one JSON array out
  xiangmu projects --jsonl --format json articles.jsonl

Output (--format jsonl), one line per document:
  {\"id\":\"a1\",\"projects\":[{\"name\":\"诺天科技项目\",\"start\":0,\"end\":6,\"investment\":{...},\"area\":null,\"milestones\":[...]},
                          {\"kind\":\"batch\",\"start\":30,\"end\":34,\"count\":162,\"stages\":[\"construction_start\"],...}]}

CSV columns: id,name,start,end,investment,investment_qualifier,area_value,area_unit,
square_meters,milestones (stage:status[:date];...),kind (project|batch),...,error.

Exit status: 0 all documents succeeded, 1 some document failed, 2 usage error.";

const EVAL_EXAMPLES: &str = "\
Examples:
  # per-kind span and value P/R/F1, milestone fields, project records
  xiangmu eval ../shared/eval/dev.jsonl

  # money and area only, with every miss and false positive listed
  xiangmu eval ../shared/eval/dev.jsonl --kinds money,area --problems

  # single-expression case files (spec/, peers/): pass rate per file
  xiangmu eval ../shared/eval/spec/*.jsonl

Exit status: 0 every gold file was scored, 1 some could not be read, 2 usage error.";

/// Exact money, area, date and milestone mentions from Chinese investment
/// news, as JSON Lines, JSON or CSV.
#[derive(Debug, Parser)]
#[command(name = "xiangmu", version, after_help = EXTRACT_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract mentions from articles: one document per file or JSON line.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Group each article's facts into project and batch records.
    #[command(after_help = PROJECTS_EXAMPLES)]
    Projects(ProjectsArgs),
    /// Score the library against gold files (the shared/eval format).
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Input files or directories (every *.txt under a directory,
    /// recursively, in sorted order; *.jsonl with --jsonl). None, or `-`,
    /// reads stdin. Plain text: one document per file.
    #[arg(value_name = "INPUTS")]
    files: Vec<PathBuf>,

    /// Publication date that relative dates (今年, 11月下旬) resolve against.
    /// With --jsonl: the default for lines whose `anchor` is absent or null.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_anchor_arg)]
    anchor: Option<Date>,

    /// Read JSON Lines: one `{"id", "anchor", "text"}` object per line.
    #[arg(long)]
    jsonl: bool,
}

#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format: `jsonl` one JSON object per document and line, `json`
    /// one indented array, `csv` one row per mention or record (with a
    /// header row; a failed document is a row with `error`).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,

    /// Indent each document's JSON (--format jsonl; json always is).
    #[arg(long)]
    pretty: bool,

    /// Start the CSV with a UTF-8 byte order mark, so that Excel reads it as
    /// UTF-8 (--format csv only).
    #[arg(long)]
    bom: bool,

    #[command(flatten)]
    threads: ThreadArgs,

    /// No progress bar (it is shown only on a terminal, for more than a
    /// handful of documents).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct ThreadArgs {
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Only these kinds, comma-separated (e.g. `money,area`).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct ProjectsArgs {
    #[command(flatten)]
    input: InputArgs,

    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Gold files: articles (`{"id", "anchor", "body", "text", "mentions",
    /// "projects"}` per line, as dev.jsonl) or single-expression cases (as
    /// spec/*.jsonl, peers/*.jsonl).
    #[arg(value_name = "GOLD", required = true)]
    gold: Vec<PathBuf>,

    /// Score only these kinds, comma-separated (the library looks for these
    /// only; gold mentions of other kinds are left out).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,

    /// List every problem: misses, false positives, wrong values (and the
    /// failed cases of case files).
    #[arg(long)]
    problems: bool,

    #[command(flatten)]
    threads: ThreadArgs,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Extract(args) => {
            let options = match &args.kinds {
                Some(kinds) => Options::default().with_kinds(kinds),
                None => Options::default(),
            };
            documents(Task::Extract, options, &args.input, &args.output)
        }
        Command::Projects(args) => documents(
            Task::Projects,
            Options::default(),
            &args.input,
            &args.output,
        ),
        Command::Eval(args) => {
            let pool = thread_pool(&args.threads);
            match eval_cmd::run(&args.gold, args.kinds.as_deref(), args.problems, &pool) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("xiangmu: cannot write output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `extract` (and `projects`): every document of the inputs, in order.
fn documents(task: Task, options: Options, input: &InputArgs, output: &OutputArgs) -> ExitCode {
    if output.bom && output.format != Format::Csv {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--bom is for --format csv (a byte order mark is not JSON)",
            )
            .exit();
    }
    let pool = thread_pool(&output.threads);
    let inputs = input::Inputs::new(&input.files, input.jsonl, &mut |warning| {
        eprintln!("xiangmu: {warning}");
    });
    let bytes = if input.jsonl {
        inputs.total_bytes()
    } else {
        None
    };
    let progress = run::Progress::new(output.quiet, inputs.documents(), bytes);
    let work = run::Work {
        task,
        options,
        format: output.format,
        pretty: output.pretty,
    };
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = Sink::new(out, output.format, task, output.bom).and_then(|sink| {
        run::run(
            inputs.jobs(input.anchor),
            input.anchor,
            &work,
            &pool,
            sink,
            progress,
        )
    });
    match result {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::FAILURE,
        // The reader went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xiangmu: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The worker pool: `--threads N`, else one thread per core.
fn thread_pool(args: &ThreadArgs) -> rayon::ThreadPool {
    let builder = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .thread_name(|i| format!("xiangmu-{i}"));
    match builder.build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("xiangmu: cannot start worker threads: {e}");
            std::process::exit(1);
        }
    }
}

/// `--anchor`: clap quotes the value itself before this message.
fn parse_anchor_arg(s: &str) -> Result<Date, String> {
    input::parse_anchor(s).map_err(|why| format!("invalid anchor {s:?}: {why}"))
}

/// One `--kinds` name.
fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::from_name(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("expected one of {}, found {s:?}", names.join(", "))
    })
}
