//! Reading, merging and converting the gazetteer files.
//!
//! Design: every table is a tab-separated file with a header (data/places.tsv, facilities.tsv,
//! facility_types.tsv, agencies.tsv, ambiguous.tsv; `#` starts a comment line, no quoting), read with
//! csv + serde into one string map per row. Keeping rows as column maps until the end makes the
//! user's file a plain overlay: a user row with a known id fills in or replaces the columns it gives
//! (list columns such as `aliases` are appended), a new id adds a row. Only then are rows converted
//! to the typed structs and validated (validate.rs), so a built-in row and a user row get the same
//! checks and errors name the file, line and id.
//!
//! The user's file has the same columns, in sections: a line `[places]`, `[facilities]`,
//! `[facility_types]`, `[agencies]`, `[aliases]` (columns `table`, `id`, `aliases`: extra names for
//! an existing entry) or `[ambiguous]`, then a header line, then rows. Columns left out are empty.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// One row of a table: its columns by header name, and where it came from (for errors).
#[derive(Debug, Clone, Default)]
pub(crate) struct Row {
    pub origin: String,
    pub line: u64,
    pub fields: HashMap<String, String>,
}

impl Row {
    pub fn get(&self, column: &str) -> &str {
        self.fields.get(column).map(String::as_str).unwrap_or("").trim()
    }

    pub fn opt(&self, column: &str) -> Option<String> {
        let v = self.get(column);
        (!v.is_empty()).then(|| v.to_string())
    }

    /// A "; "-separated list column.
    pub fn list(&self, column: &str) -> Vec<String> {
        split_list(self.get(column), ';')
    }

    /// The `sources` column, " | "-separated.
    pub fn sources(&self) -> Vec<String> {
        split_list(self.get("sources"), '|')
    }

    pub fn error(&self, message: impl std::fmt::Display) -> Error {
        let id = self.get("id");
        let id = if id.is_empty() { self.get("code") } else { id };
        Error::Gazetteer { origin: self.origin.clone(), message: format!("line {} (id '{id}'): {message}", self.line) }
    }
}

fn split_list(value: &str, sep: char) -> Vec<String> {
    value.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// The columns each table accepts (a user's file naming any other column is an error: a typo
/// would otherwise silently drop data).
pub(crate) const COLUMNS: [(&str, &[&str]); 6] = [
    ("places", &["id", "name", "kind", "province_id", "parent_id", "admin1", "aliases", "korean", "lat", "lon", "notes", "sources"]),
    (
        "facilities",
        &[
            "id",
            "facility_type",
            "subtype",
            "number",
            "name",
            "aliases",
            "place_aliases",
            "place_id",
            "admin1",
            "operator",
            "status",
            "status_detail",
            "lat",
            "lon",
            "korean",
            "location",
            "notes",
            "sources",
        ],
    ),
    (
        "facility_types",
        &[
            "code",
            "schema_code",
            "hangul",
            "hanja",
            "romanizations",
            "english_terms",
            "operator",
            "number_names",
            "judicial_process",
            "typical_term",
            "notes",
            "sources",
        ],
    ),
    ("agencies", &["id", "code", "name", "aliases", "generic", "valid_from", "valid_to", "korean", "notes", "sources"]),
    ("aliases", &["table", "id", "aliases"]),
    ("ambiguous", &["table", "alias", "ids", "note"]),
];

/// Columns whose user values are appended to the built-in ones rather than replacing them.
const LIST_COLUMNS: [&str; 6] = ["aliases", "place_aliases", "romanizations", "english_terms", "number_names", "sources"];

/// All rows of the gazetteer, still as column maps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    pub places: Vec<Row>,
    pub facilities: Vec<Row>,
    pub facility_types: Vec<Row>,
    pub agencies: Vec<Row>,
    pub ambiguous: Vec<Row>,
}

impl Tables {
    fn table_mut(&mut self, name: &str) -> Option<&mut Vec<Row>> {
        match name {
            "places" => Some(&mut self.places),
            "facilities" => Some(&mut self.facilities),
            "facility_types" => Some(&mut self.facility_types),
            "agencies" => Some(&mut self.agencies),
            "ambiguous" => Some(&mut self.ambiguous),
            _ => None,
        }
    }
}

/// Parses one table's text (header line, then rows). `first_line` is the file line of the text's
/// first line, so that errors point into the whole file.
pub(crate) fn parse_table(table: &str, text: &str, origin: &str, first_line: u64) -> Result<Vec<Row>> {
    let err = |line: u64, message: String| Error::Gazetteer { origin: origin.to_string(), message: format!("line {line}: {message}") };
    let allowed = COLUMNS.iter().find(|(t, _)| *t == table).map(|(_, c)| *c).unwrap_or(&[]);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b'\t').comment(Some(b'#')).quoting(false).has_headers(true).flexible(false).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| err(first_line, format!("[{table}]: cannot read the header: {e}")))?.clone();
    let header_line = headers.position().map_or(first_line, |p| first_line + p.line().saturating_sub(1));
    for h in headers.iter() {
        if !allowed.contains(&h.trim()) {
            return Err(err(header_line, format!("[{table}]: unknown column '{h}' (expected some of: {})", allowed.join(", "))));
        }
    }
    let key = if table == "facility_types" {
        "code"
    } else if matches!(table, "aliases" | "ambiguous") {
        "table"
    } else {
        "id"
    };
    if !headers.iter().any(|h| h.trim() == key) {
        return Err(err(header_line, format!("[{table}]: the header has no '{key}' column")));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(first_line, |p| first_line + p.line().saturating_sub(1));
            err(line, format!("[{table}]: {e} (each row needs one value per header column, tab-separated)"))
        })?;
        let line = record.position().map_or(first_line, |p| first_line + p.line().saturating_sub(1));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let fields: HashMap<String, String> = record
            .deserialize::<HashMap<String, String>>(Some(&headers))
            .map_err(|e| err(line, format!("[{table}]: {e}")))?
            .into_iter()
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let row = Row { origin: origin.to_string(), line, fields };
        if row.get(key).is_empty() {
            return Err(row.error(format!("[{table}]: empty '{key}'")));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// The built-in tables, embedded at build time.
pub(crate) fn builtin_tables() -> Result<Tables> {
    Ok(Tables {
        places: parse_table("places", include_str!("../../data/places.tsv"), "data/places.tsv", 1)?,
        facilities: parse_table("facilities", include_str!("../../data/facilities.tsv"), "data/facilities.tsv", 1)?,
        facility_types: parse_table("facility_types", include_str!("../../data/facility_types.tsv"), "data/facility_types.tsv", 1)?,
        agencies: parse_table("agencies", include_str!("../../data/agencies.tsv"), "data/agencies.tsv", 1)?,
        ambiguous: parse_table("ambiguous", include_str!("../../data/ambiguous.tsv"), "data/ambiguous.tsv", 1)?,
    })
}

/// Splits a user's file into `[section]` blocks: (table name, text, line of the block's first line).
fn sections(text: &str, origin: &str) -> Result<Vec<(String, String, u64)>> {
    let mut out: Vec<(String, String, u64)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i as u64 + 1;
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            let name = name.trim().to_string();
            if !COLUMNS.iter().any(|(t, _)| *t == name) {
                return Err(Error::Gazetteer {
                    origin: origin.to_string(),
                    message: format!(
                        "line {number}: unknown section [{name}] (expected [places], [facilities], [facility_types], [agencies], [aliases] or [ambiguous])"
                    ),
                });
            }
            out.push((name, String::new(), number + 1));
        } else if let Some((_, body, _)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        } else if !trimmed.is_empty() && !trimmed.starts_with('#') {
            return Err(Error::Gazetteer {
                origin: origin.to_string(),
                message: format!("line {number}: rows must follow a section line such as [places] or [facilities]"),
            });
        }
    }
    Ok(out)
}

/// Parses a user's file into (table, rows) pairs, in file order.
pub(crate) fn parse_user_file(text: &str, origin: &str) -> Result<Vec<(String, Vec<Row>)>> {
    let mut out = Vec::new();
    for (name, body, first_line) in sections(text, origin)? {
        out.push((name.clone(), parse_table(&name, &body, origin, first_line)?));
    }
    if out.is_empty() {
        return Err(Error::Gazetteer { origin: origin.to_string(), message: "no [section] found: nothing to merge".to_string() });
    }
    Ok(out)
}

fn key_of(table: &str) -> &'static str {
    if table == "facility_types" {
        "code"
    } else {
        "id"
    }
}

/// Lays a user's rows over the built-in ones.
pub(crate) fn merge(tables: &mut Tables, user: Vec<(String, Vec<Row>)>) -> Result<()> {
    for (table, rows) in user {
        if table == "aliases" {
            for row in rows {
                add_aliases(tables, &row)?;
            }
            continue;
        }
        if table == "ambiguous" {
            tables.ambiguous.extend(rows);
            continue;
        }
        let key = key_of(&table);
        let Some(existing) = tables.table_mut(&table) else {
            continue;
        };
        let mut seen: HashMap<String, u64> = HashMap::new();
        for row in rows {
            let id = row.get(key).to_string();
            if let Some(first) = seen.insert(id.clone(), row.line) {
                return Err(row.error(format!("[{table}]: duplicate id (also on line {first})")));
            }
            match existing.iter_mut().find(|r| r.get(key) == id) {
                Some(base) => overlay(base, row),
                None => existing.push(row),
            }
        }
    }
    Ok(())
}

fn overlay(base: &mut Row, user: Row) {
    for (column, value) in user.fields {
        if value.trim().is_empty() {
            continue;
        }
        let merged = match base.fields.get(&column) {
            Some(old) if LIST_COLUMNS.contains(&column.as_str()) && !old.trim().is_empty() => {
                let sep = if column == "sources" { " | " } else { "; " };
                format!("{old}{sep}{value}")
            }
            _ => value,
        };
        base.fields.insert(column, merged);
    }
    base.origin = user.origin;
    base.line = user.line;
}

fn add_aliases(tables: &mut Tables, row: &Row) -> Result<()> {
    let table = row.get("table");
    let id = row.get("id");
    let column = if table == "facility_types" { "english_terms" } else { "aliases" };
    let key = key_of(table);
    let Some(rows) = tables.table_mut(table).filter(|_| table != "ambiguous") else {
        return Err(row.error(format!("[aliases]: unknown table '{table}' (expected places, facilities, facility_types or agencies)")));
    };
    let Some(target) = rows.iter_mut().find(|r| r.get(key) == id) else {
        return Err(row.error(format!("[aliases]: no {table} entry has the id '{id}'")));
    };
    let extra = row.get("aliases");
    if extra.is_empty() {
        return Err(row.error("[aliases]: empty 'aliases'"));
    }
    let old = target.get(column).to_string();
    let merged = if old.is_empty() { extra.to_string() } else { format!("{old}; {extra}") };
    target.fields.insert(column.to_string(), merged);
    Ok(())
}
