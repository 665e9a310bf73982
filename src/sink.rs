//! Streaming Parquet output: one writer per table, each batch of documents appended as a row
//! group, so a corpus larger than memory is written with memory bounded by the batch size.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::error::{Error, Result};
use crate::tables::{schema, TABLE_NAMES};

pub struct ParquetSink {
    dir: PathBuf,
    writers: Vec<ArrowWriter<File>>,
    rows: [usize; 4],
}

impl ParquetSink {
    /// Creates `DIR/{articles,events,facilities,claims}.parquet` (and DIR itself).
    pub fn create(dir: &Path) -> Result<ParquetSink> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let props = WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::default())).build();
        let mut writers = Vec::with_capacity(TABLE_NAMES.len());
        for name in TABLE_NAMES {
            let path = dir.join(format!("{name}.parquet"));
            let file = File::create(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            let table_schema = schema(name).ok_or_else(|| Error::Input(format!("unknown table {name}")))?;
            writers.push(ArrowWriter::try_new(file, table_schema, Some(props.clone()))?);
        }
        Ok(ParquetSink { dir: dir.to_path_buf(), writers, rows: [0; 4] })
    }

    /// Appends the record batches of each table (in `TABLE_NAMES` order) and flushes them as one
    /// row group per table.
    pub fn write(&mut self, tables: &[Vec<RecordBatch>]) -> Result<()> {
        for ((writer, batches), rows) in self.writers.iter_mut().zip(tables).zip(self.rows.iter_mut()) {
            let added: usize = batches.iter().map(RecordBatch::num_rows).sum();
            if added > 0 {
                for batch in batches {
                    writer.write(batch)?;
                }
                writer.flush()?;
                *rows += added;
            }
        }
        Ok(())
    }

    /// Rows written so far per table, in `TABLE_NAMES` order.
    pub fn rows(&self) -> [usize; 4] {
        self.rows
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Finishes every file (writes the footers).
    pub fn close(self) -> Result<[usize; 4]> {
        for writer in self.writers {
            writer.close()?;
        }
        Ok(self.rows)
    }
}
