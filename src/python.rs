//! The only file that uses PyO3: extract Python inputs into owned Rust values, detach from the
//! interpreter while the core runs (rayon across documents), and hand the four tables back as
//! Arrow tables (`__arrow_c_stream__` PyCapsules, via pyo3-arrow's `PyTable`).
//!
//! No Python object is made per row or per cell on the way out: each table crosses as a list of
//! record batches whose buffers Polars adopts through the Arrow C stream interface.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::pipeline::{Input, Meta, Options};
use crate::sink::ParquetSink;
use crate::tables::{extract_tables, schema, TABLE_NAMES};
use crate::text::Decoding;
use crate::time::Date;

/// The one conversion from core errors to the Python hierarchy in `nkextract.exceptions`.
fn to_py_err(err: Error) -> PyErr {
    let class = match &err {
        Error::NotFound { .. } => "InputNotFoundError",
        Error::NotUtf8 { .. } | Error::Binary { .. } => "DecodeError",
        Error::Io { .. } => "InputError",
        Error::Input(_) => "InvalidInputError",
        Error::Gazetteer { .. } => "GazetteerError",
        Error::Metadata(_) => "MetadataError",
        Error::Arrow(_) | Error::Parquet(_) => "OutputError",
    };
    let message = err.to_string();
    Python::attach(|py| {
        let made = py.import("nkextract.exceptions").and_then(|module| module.getattr(class)).and_then(|cls| cls.call1((message.clone(),)));
        match made {
            Ok(instance) => PyErr::from_value(instance),
            Err(_) => PyRuntimeError::new_err(message),
        }
    })
}

/// Per-document metadata columns, as Python passes them (dates as days since 1970-01-01).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct MetaColumns {
    published: Vec<Option<i32>>,
    url: Vec<Option<String>>,
    outlet: Vec<Option<String>>,
    title: Vec<Option<String>>,
}

impl MetaColumns {
    fn meta(&self, i: usize) -> Meta {
        Meta {
            published: self.published.get(i).copied().flatten().map(Date::from_epoch_days),
            url: self.url.get(i).cloned().flatten(),
            outlet: self.outlet.get(i).cloned().flatten(),
            title: self.title.get(i).cloned().flatten(),
        }
    }
}

fn options(gazetteer: Option<PathBuf>, decoding: &str) -> PyResult<Options> {
    let decoding: Decoding = decoding.parse().map_err(to_py_err)?;
    let lexicon = match gazetteer {
        Some(path) => Arc::new(Lexicon::with_user_file(&path).map_err(to_py_err)?),
        None => Lexicon::builtin(),
    };
    Ok(Options { lexicon, decoding })
}

fn inputs(doc_ids: Vec<String>, texts: Option<Vec<String>>, paths: Option<Vec<PathBuf>>, meta: &MetaColumns) -> PyResult<Vec<Input>> {
    let inputs: Vec<Input> = match (texts, paths) {
        (Some(texts), None) => doc_ids.into_iter().zip(texts).enumerate().map(|(i, (doc_id, text))| Input::Text { doc_id, text, meta: meta.meta(i) }).collect(),
        (None, Some(paths)) => doc_ids.into_iter().zip(paths).enumerate().map(|(i, (doc_id, path))| Input::File { doc_id, path, meta: meta.meta(i) }).collect(),
        _ => return Err(to_py_err(Error::Input("give either texts or paths".into()))),
    };
    Ok(inputs)
}

fn tables(batches: impl IntoIterator<Item = Vec<arrow_array::RecordBatch>>) -> PyResult<Vec<PyTable>> {
    TABLE_NAMES
        .iter()
        .zip(batches)
        .map(|(name, table_batches)| {
            let table_schema = schema(name).ok_or_else(|| PyRuntimeError::new_err(format!("unknown table {name}")))?;
            PyTable::try_new(table_batches, table_schema)
        })
        .collect()
}

/// Extracts a batch of documents (texts or files) into the four tables, in
/// `articles, events, facilities, claims` order.
#[pyfunction]
#[pyo3(signature = (doc_ids, meta, texts=None, paths=None, gazetteer=None, decoding="strict"))]
fn extract_batch(
    py: Python<'_>,
    doc_ids: Vec<String>,
    meta: MetaColumns,
    texts: Option<Vec<String>>,
    paths: Option<Vec<PathBuf>>,
    gazetteer: Option<PathBuf>,
    decoding: &str,
) -> PyResult<Vec<PyTable>> {
    let options = options(gazetteer, decoding)?;
    let inputs = inputs(doc_ids, texts, paths, &meta)?;
    let batches = py.detach(|| extract_tables(inputs, &options)).map_err(to_py_err)?;
    tables(batches)
}

/// Expands files and folders into `(doc_id, path)` pairs of `.txt` files.
#[pyfunction]
fn collect_files(paths: Vec<PathBuf>) -> PyResult<Vec<(String, PathBuf)>> {
    let files = crate::input::collect_files(&paths).map_err(to_py_err)?;
    Ok(files.into_iter().map(|p| (crate::input::doc_id_of(&p), p)).collect())
}

/// Streams batches of documents into `DIR/{articles,events,facilities,claims}.parquet`.
#[pyclass(module = "nkextract._core")]
struct ParquetWriter {
    // A pyclass must be Sync; the Parquet encoders are not, so the sink sits behind a mutex
    // (uncontended: Python calls one method at a time).
    sink: std::sync::Mutex<Option<ParquetSink>>,
    options: Options,
}

impl ParquetWriter {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<ParquetSink>> {
        self.sink.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[pymethods]
impl ParquetWriter {
    #[new]
    #[pyo3(signature = (out_dir, gazetteer=None, decoding="strict"))]
    fn new(out_dir: PathBuf, gazetteer: Option<PathBuf>, decoding: &str) -> PyResult<Self> {
        let options = options(gazetteer, decoding)?;
        let sink = ParquetSink::create(&out_dir).map_err(to_py_err)?;
        Ok(ParquetWriter { sink: std::sync::Mutex::new(Some(sink)), options })
    }

    /// Extracts a batch of documents and appends them as one row group per table; returns the
    /// rows written so far per table.
    #[pyo3(signature = (doc_ids, meta, texts=None, paths=None))]
    fn write_batch(
        &self,
        py: Python<'_>,
        doc_ids: Vec<String>,
        meta: MetaColumns,
        texts: Option<Vec<String>>,
        paths: Option<Vec<PathBuf>>,
    ) -> PyResult<[usize; 4]> {
        let inputs = inputs(doc_ids, texts, paths, &meta)?;
        let options = &self.options;
        py.detach(|| {
            let mut guard = self.lock();
            let sink = guard.as_mut().ok_or_else(|| Error::Input("the writer is closed".into()))?;
            sink.write(&extract_tables(inputs, options)?)?;
            Ok(sink.rows())
        })
        .map_err(to_py_err)
    }

    /// Writes the Parquet footers. Returns the rows written per table.
    fn close(&self, py: Python<'_>) -> PyResult<[usize; 4]> {
        let taken = self.lock().take();
        match taken {
            Some(sink) => py.detach(|| sink.close()).map_err(to_py_err),
            None => Ok([0; 4]),
        }
    }
}

/// One built-in reference table (places, facilities, facility_types, agencies, occasions).
#[pyfunction]
fn reference_table(name: &str) -> PyResult<PyTable> {
    let batch = crate::lexicon::tables::reference_batch(name).map_err(to_py_err)?;
    let batch_schema = batch.schema();
    PyTable::try_new(vec![batch], batch_schema)
}

/// One row per occasion per year, with its date and anniversary number.
#[pyfunction]
fn holidays(start_year: i32, end_year: i32) -> PyResult<PyTable> {
    let batch = crate::lexicon::tables::holidays_batch(&Lexicon::builtin(), start_year, end_year).map_err(to_py_err)?;
    let batch_schema = batch.schema();
    PyTable::try_new(vec![batch], batch_schema)
}

/// Empty tables with the output schemas.
#[pyfunction]
fn empty_tables() -> PyResult<Vec<PyTable>> {
    tables(crate::tables::empty_all().map_err(to_py_err)?.into_iter().map(|batch| vec![batch]))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEBUG_BUILD", cfg!(debug_assertions))?;
    m.add("TABLE_NAMES", TABLE_NAMES.to_vec())?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(collect_files, m)?)?;
    m.add_function(wrap_pyfunction!(empty_tables, m)?)?;
    m.add_function(wrap_pyfunction!(reference_table, m)?)?;
    m.add_function(wrap_pyfunction!(holidays, m)?)?;
    m.add_class::<ParquetWriter>()?;
    Ok(())
}
