//! The core's one error type. Every fallible function in the pipeline returns [`Result`]; the
//! Python binding converts these variants to the `NkExtractError` hierarchy in one place.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); pass lossy decoding to replace bad bytes with U+FFFD")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: looks like a binary file (contains NUL bytes), not a text article")]
    Binary { path: PathBuf },
    #[error("invalid input: {0}")]
    Input(String),
    #[error("gazetteer {origin}: {message}")]
    Gazetteer { origin: String, message: String },
    #[error("metadata: {0}")]
    Metadata(String),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

pub type Result<T> = std::result::Result<T, Error>;
