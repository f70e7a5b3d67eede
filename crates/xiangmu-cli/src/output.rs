//! Output formats: JSON Lines, one JSON array, CSV for spreadsheets.
//!
//! Each document is rendered to bytes by the worker that processed it
//! ([`render`], [`render_error`]); the [`Sink`] only adds what goes between
//! documents (the array brackets and commas, the CSV header, the BOM).

use crate::input::Id;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// How documents are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line and document (`--pretty`: indented).
    Jsonl,
    /// One indented JSON array of documents.
    Json,
    /// CSV with a header row: one row per mention (extract) or record
    /// (projects); a failed document is one row with `error`.
    Csv,
}

/// What is computed for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Mentions (`xiangmu::extract`).
    Extract,
    /// Project and batch records (`xiangmu::projects`).
    Projects,
}

impl Task {
    /// The key of the document's list in JSON output.
    fn key(self) -> &'static str {
        match self {
            Task::Extract => "mentions",
            Task::Projects => "projects",
        }
    }

    /// The CSV columns.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Task::Extract => MENTION_COLUMNS,
            Task::Projects => PROJECT_COLUMNS,
        }
    }
}

/// CSV columns of `extract`: one row per mention. A date's nested value
/// (and a milestone's `date`) fill `date_start`, `date_end`, `grain`;
/// fields without a column go to `extra` as a JSON object.
pub const MENTION_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "currency",
    "qualifier",
    "role",
    "date_start",
    "date_end",
    "grain",
    "square_meters",
    "low_square_meters",
    "high_square_meters",
    "units",
    "unit_value",
    "stage",
    "status",
    "project",
    "extra",
    "error",
];

/// CSV columns of `projects`: one row per record. `milestones` is
/// `stage:status[:date]` joined by `;` (a date as `2023-05-20`, `2023-12`,
/// `2023` when it is one day, month or year, else `start/end`); batches
/// fill `kind`, `count`, `stages`, `date_*` and `members` (joined by `;`).
pub const PROJECT_COLUMNS: &[&str] = &[
    "id",
    "name",
    "start",
    "end",
    "investment",
    "investment_qualifier",
    "area_value",
    "area_unit",
    "square_meters",
    "milestones",
    "kind",
    "investment_low",
    "investment_high",
    "investment_role",
    "currency",
    "area_qualifier",
    "area_low",
    "area_high",
    "count",
    "stages",
    "date_start",
    "date_end",
    "grain",
    "members",
    "extra",
    "error",
];

/// A document as JSON: its id and its list.
#[derive(Serialize)]
struct Found<'a, T: Serialize> {
    id: &'a Id,
    #[serde(flatten)]
    items: Items<'a, T>,
}

struct Items<'a, T> {
    key: &'static str,
    items: &'a [T],
}

impl<T: Serialize> Serialize for Items<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(self.key, self.items)?;
        map.end()
    }
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Id,
    error: &'a str,
}

/// Appends one document's output to `out`.
pub fn render<T: Serialize>(
    format: Format,
    pretty: bool,
    task: Task,
    id: &Id,
    items: &[T],
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let why = |e: &dyn std::fmt::Display| format!("internal error: cannot write the output: {e}");
    match format {
        Format::Jsonl | Format::Json => {
            let doc = Found {
                id,
                items: Items {
                    key: task.key(),
                    items,
                },
            };
            json(format, pretty, &doc, out).map_err(|e| why(&e))
        }
        Format::Csv => {
            let mut rows = csv_writer(out);
            let id = id.cell();
            for item in items {
                let value = serde_json::to_value(item).map_err(|e| why(&e))?;
                let row = match task {
                    Task::Extract => mention_row(&id, &value),
                    Task::Projects => project_row(&id, &value),
                };
                rows.write_record(&row).map_err(|e| why(&e))?;
            }
            rows.flush().map_err(|e| why(&e))
        }
    }
}

/// Appends one failed document's output to `out`.
pub fn render_error(
    format: Format,
    pretty: bool,
    task: Task,
    id: &Id,
    error: &str,
    out: &mut Vec<u8>,
) {
    let result = match format {
        Format::Jsonl | Format::Json => {
            json(format, pretty, &Failed { id, error }, out).map_err(|e| e.to_string())
        }
        Format::Csv => {
            let columns = task.columns();
            let mut row = vec![String::new(); columns.len()];
            row[0] = id.cell();
            row[columns.len() - 1] = error.to_string();
            let mut rows = csv_writer(out);
            rows.write_record(&row)
                .and_then(|()| rows.flush().map_err(csv::Error::from))
                .map_err(|e| e.to_string())
        }
    };
    // Writing into memory only fails if serde does; keep the line.
    if let Err(e) = result {
        out.extend_from_slice(format!("{{\"error\":{:?}}}\n", e).as_bytes());
    }
}

fn json(
    format: Format,
    pretty: bool,
    doc: &impl Serialize,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    if format == Format::Json || pretty {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    } else {
        serde_json::to_writer(&mut *out, doc)?;
    }
    if format == Format::Jsonl {
        out.push(b'\n');
    }
    Ok(())
}

fn csv_writer(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

/// Writes the documents in order, with what goes around and between them.
pub struct Sink<W: Write> {
    out: W,
    format: Format,
    documents: usize,
}

impl<W: Write> Sink<W> {
    /// Starts the output: the BOM (`bom`), the CSV header or `[`.
    pub fn new(mut out: W, format: Format, task: Task, bom: bool) -> io::Result<Sink<W>> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        if format == Format::Csv {
            let mut header = Vec::new();
            let mut w = csv_writer(&mut header);
            w.write_record(task.columns())?;
            w.flush()?;
            drop(w);
            out.write_all(&header)?;
        }
        Ok(Sink {
            out,
            format,
            documents: 0,
        })
    }

    /// One rendered document.
    pub fn document(&mut self, rendered: &[u8]) -> io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.documents == 0 { b"[\n" } else { b",\n" })?;
        }
        self.documents += 1;
        self.out.write_all(rendered)
    }

    /// Ends the output (`]` for JSON) and flushes it.
    pub fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(if self.documents == 0 {
                b"[]\n"
            } else {
                b"\n]\n"
            })?;
        }
        self.out.flush()
    }
}

// ---------------------------------------------------------------------------
// CSV rows.

/// A JSON value as one cell: strings as they are, null empty, numbers and
/// booleans written out, lists and objects as JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

struct Row {
    columns: &'static [&'static str],
    cells: Vec<String>,
    extra: Map<String, Value>,
}

impl Row {
    fn new(columns: &'static [&'static str], id: &str) -> Row {
        let mut cells = vec![String::new(); columns.len()];
        cells[0] = id.to_string();
        Row {
            columns,
            cells,
            extra: Map::new(),
        }
    }

    /// Sets `column` if there is one; else keeps a non-null value in `extra`.
    fn set(&mut self, column: &str, v: &Value) {
        match self.columns.iter().position(|c| *c == column) {
            Some(i) => self.cells[i] = cell(v),
            None if !v.is_null() => {
                self.extra.insert(column.to_string(), v.clone());
            }
            None => {}
        }
    }

    fn set_str(&mut self, column: &str, s: String) {
        self.set(column, &Value::String(s));
    }

    /// A date value (`{start, end, grain}`) into `date_start`, `date_end`, `grain`.
    fn date(&mut self, d: &Value) {
        for (key, column) in [
            ("start", "date_start"),
            ("end", "date_end"),
            ("grain", "grain"),
        ] {
            self.set(column, d.get(key).unwrap_or(&Value::Null));
        }
    }

    fn finish(mut self) -> Vec<String> {
        if !self.extra.is_empty() {
            let extra = Value::Object(std::mem::take(&mut self.extra)).to_string();
            if let Some(i) = self.columns.iter().position(|c| *c == "extra") {
                self.cells[i] = extra;
            }
        }
        self.cells
    }
}

/// One mention as a row of [`MENTION_COLUMNS`].
fn mention_row(id: &str, mention: &Value) -> Vec<String> {
    let mut row = Row::new(MENTION_COLUMNS, id);
    for (key, v) in mention.as_object().into_iter().flatten() {
        match key.as_str() {
            // A date's value and a milestone's date are nested.
            "value" | "date" if v.is_object() => row.date(v),
            "date" => {}
            "id" | "extra" | "error" => {
                row.extra.insert(key.clone(), v.clone());
            }
            other => row.set(other, v),
        }
    }
    row.finish()
}

/// One record as a row of [`PROJECT_COLUMNS`].
fn project_row(id: &str, record: &Value) -> Vec<String> {
    let mut row = Row::new(PROJECT_COLUMNS, id);
    row.set_str("kind", "project".into());
    for (key, v) in record.as_object().into_iter().flatten() {
        match key.as_str() {
            "investment" => {
                for (k, x) in v.as_object().into_iter().flatten() {
                    let column = match k.as_str() {
                        "value" => "investment".to_string(),
                        "currency" => "currency".to_string(),
                        other => format!("investment_{other}"),
                    };
                    row.set(&column, x);
                }
            }
            "area" => {
                for (k, x) in v.as_object().into_iter().flatten() {
                    let column = match k.as_str() {
                        "square_meters" => "square_meters".to_string(),
                        other => format!("area_{other}"),
                    };
                    row.set(&column, x);
                }
            }
            "milestones" => {
                let list: Vec<String> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(milestone_cell)
                    .collect();
                row.set_str("milestones", list.join(";"));
            }
            "stages" | "members" => {
                let list: Vec<String> = v.as_array().into_iter().flatten().map(cell).collect();
                row.set_str(key, list.join(";"));
            }
            "date" if v.is_object() => row.date(v),
            "date" => {}
            "id" | "extra" | "error" => {
                row.extra.insert(key.clone(), v.clone());
            }
            other => row.set(other, v),
        }
    }
    row.finish()
}

/// `stage:status` or `stage:status:date`.
fn milestone_cell(m: &Value) -> String {
    let field = |k: &str| m.get(k).map(cell).unwrap_or_default();
    let mut s = format!("{}:{}", field("stage"), field("status"));
    if let Some(date) = m.get("date").filter(|d| d.is_object()).and_then(short_date) {
        s.push(':');
        s.push_str(&date);
    }
    s
}

/// A date value in few characters: `2023-05-20` (one day), `2023-12` (one
/// whole month), `2023` (one whole year), else `start/end` (an open side
/// empty); `None` when both sides are unknown.
fn short_date(d: &Value) -> Option<String> {
    let side = |k: &str| d.get(k).and_then(Value::as_str);
    let grain = d.get("grain").and_then(Value::as_str).unwrap_or("");
    let (start, end) = (side("start"), side("end"));
    if start.is_none() && end.is_none() {
        return None;
    }
    if let (Some(s), Some(e)) = (start, end)
        && s.len() == 10
        && e.len() == 10
    {
        if grain == "day" && s == e {
            return Some(s.to_string());
        }
        if grain == "month" && s[..7] == e[..7] && s.ends_with("-01") {
            return Some(s[..7].to_string());
        }
        if grain == "year" && s[..4] == e[..4] && s.ends_with("-01-01") && e.ends_with("-12-31") {
            return Some(s[..4].to_string());
        }
    }
    Some(format!("{}/{}", start.unwrap_or(""), end.unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn short_dates() {
        let d =
            |s: Value, e: Value, g: &str| short_date(&json!({"start": s, "end": e, "grain": g}));
        assert_eq!(
            d(json!("2023-05-20"), json!("2023-05-20"), "day").as_deref(),
            Some("2023-05-20")
        );
        assert_eq!(
            d(json!("2023-12-01"), json!("2023-12-31"), "month").as_deref(),
            Some("2023-12")
        );
        assert_eq!(
            d(json!("2018-01-01"), json!("2018-12-31"), "year").as_deref(),
            Some("2018")
        );
        assert_eq!(
            d(json!("2023-11-21"), json!("2023-11-30"), "xun").as_deref(),
            Some("2023-11-21/2023-11-30")
        );
        assert_eq!(
            d(json!("2023-03-01"), json!("2023-05-31"), "month").as_deref(),
            Some("2023-03-01/2023-05-31")
        );
        assert_eq!(
            d(Value::Null, json!("2022-09-30"), "xun").as_deref(),
            Some("/2022-09-30")
        );
        assert_eq!(d(Value::Null, Value::Null, "year"), None);
    }

    #[test]
    fn project_rows() {
        let record = json!({"name": "哈电储能技术创新产业基地项目", "start": 10, "end": 24,
            "investment": {"value": "2000000000", "qualifier": "exact", "role": "total_investment", "currency": "CNY"},
            "area": {"value": "243.82", "unit": "mu", "square_meters": "162546.67", "qualifier": "approx"},
            "milestones": [
                {"stage": "signing", "status": "done", "date": {"start": "2023-05-20", "end": "2023-05-20", "grain": "day"}},
                {"stage": "construction_start", "status": "planned", "date": {"start": "2023-12-01", "end": "2023-12-31", "grain": "month"}},
                {"stage": "completion", "status": "planned", "date": null}],
            "note": "x"});
        let row = project_row("a1", &record);
        let get = |c: &str| row[PROJECT_COLUMNS.iter().position(|x| *x == c).unwrap()].as_str();
        assert_eq!(get("id"), "a1");
        assert_eq!(get("kind"), "project");
        assert_eq!(get("investment"), "2000000000");
        assert_eq!(get("investment_role"), "total_investment");
        assert_eq!(get("currency"), "CNY");
        assert_eq!(get("square_meters"), "162546.67");
        assert_eq!(get("area_qualifier"), "approx");
        assert_eq!(
            get("milestones"),
            "signing:done:2023-05-20;construction_start:planned:2023-12;completion:planned"
        );
        assert_eq!(get("extra"), r#"{"note":"x"}"#);

        let batch = json!({"kind": "batch", "start": 118, "end": 122, "count": 162,
            "stages": ["construction_start", "completion"],
            "date": {"start": "2022-09-21", "end": "2022-09-21", "grain": "day"},
            "investment": null, "members": ["炎陵县抽水蓄能项目"]});
        let row = project_row("a1", &batch);
        let get = |c: &str| row[PROJECT_COLUMNS.iter().position(|x| *x == c).unwrap()].as_str();
        assert_eq!((get("kind"), get("count")), ("batch", "162"));
        assert_eq!(get("stages"), "construction_start;completion");
        assert_eq!((get("date_start"), get("grain")), ("2022-09-21", "day"));
        assert_eq!(
            (get("members"), get("investment"), get("extra")),
            ("炎陵县抽水蓄能项目", "", "")
        );
    }

    #[test]
    fn mention_rows() {
        let date = json!({"start": 1, "end": 6, "text": "11月下旬", "kind": "date",
            "value": {"start": "2023-11-21", "end": "2023-11-30", "grain": "xun"}});
        let row = mention_row("x", &date);
        let get = |c: &str| row[MENTION_COLUMNS.iter().position(|x| *x == c).unwrap()].clone();
        assert_eq!(
            (get("kind"), get("value"), get("date_end")),
            ("date".into(), "".into(), "2023-11-30".into())
        );
        let future = json!({"kind": "money", "value": "1", "novel": [1, 2]});
        let row = mention_row("x", &future);
        assert_eq!(row[MENTION_COLUMNS.len() - 2], r#"{"novel":[1,2]}"#);
    }
}
