//! Finding the documents to read: files and folders of `.txt` files, and metadata CSV files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::pipeline::{Input, Meta};
use crate::time::Date;

/// Expands paths into `.txt` files: a file is taken as given (whatever its extension), a folder
/// contributes its `.txt` files (recursively, sorted by path so runs are reproducible).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(Error::NotFound { path: path.clone() });
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(path);
        }
    }
    Ok(())
}

/// The doc_id of a file: its name without the extension.
pub fn doc_id_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// File inputs for paths (see [`collect_files`]).
pub fn file_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    Ok(collect_files(paths)?.into_iter().map(|path| Input::File { doc_id: doc_id_of(&path), path, meta: Meta::default() }).collect())
}

/// Reads a metadata CSV: a `doc_id` column and any of `published` (YYYY-MM-DD), `url`, `outlet`,
/// `title`. Empty cells are missing values; a malformed date is an error naming the row.
pub fn read_meta_csv(path: &Path) -> Result<HashMap<String, Meta>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(path).map_err(|e| Error::Metadata(format!("{}: {e}", path.display())))?;
    let headers = reader.headers().map_err(|e| Error::Metadata(format!("{}: {e}", path.display())))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let doc_col = column("doc_id").ok_or_else(|| Error::Metadata(format!("{}: no doc_id column", path.display())))?;
    let (published, url, outlet, title) = (column("published"), column("url"), column("outlet"), column("title"));
    let mut rows = HashMap::new();
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::Metadata(format!("{}: {e}", path.display())))?;
        let cell = |col: Option<usize>| col.and_then(|c| record.get(c)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let Some(doc_id) = cell(Some(doc_col)) else { continue };
        let published = match cell(published) {
            None => None,
            Some(text) => Some(
                Date::parse_iso(&text)
                    .ok_or_else(|| Error::Metadata(format!("{}: row {} ({doc_id}): published {text:?} is not a YYYY-MM-DD date", path.display(), line + 2)))?,
            ),
        };
        rows.insert(doc_id, Meta { published, url: cell(url), outlet: cell(outlet), title: cell(title) });
    }
    Ok(rows)
}
