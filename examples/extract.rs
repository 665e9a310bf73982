//! The extraction without Python, for developing rules and for profiling:
//! `cargo run --release --example extract -- PATH... --out DIR [--meta META.csv] [--batch N]`.

use std::path::PathBuf;
use std::time::Instant;

use _core::input::{file_inputs, read_meta_csv};
use _core::pipeline::{attach_meta, Options};
use _core::sink::ParquetSink;
use _core::tables::extract_tables;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut paths = Vec::new();
    let mut out = PathBuf::from("out");
    let mut meta = None;
    let mut batch = 256usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = PathBuf::from(args.next().ok_or("--out needs a folder")?),
            "--meta" => meta = Some(PathBuf::from(args.next().ok_or("--meta needs a file")?)),
            "--batch" => batch = args.next().ok_or("--batch needs a number")?.parse()?,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let started = Instant::now();
    let mut inputs = file_inputs(&paths)?;
    if let Some(meta) = meta {
        attach_meta(&mut inputs, &read_meta_csv(&meta)?);
    }
    let options = Options::default();
    let mut sink = ParquetSink::create(&out)?;
    let total = inputs.len();
    while !inputs.is_empty() {
        let rest = inputs.split_off(batch.min(inputs.len()));
        sink.write(&extract_tables(std::mem::replace(&mut inputs, rest), &options)?)?;
    }
    let rows = sink.close()?;
    eprintln!(
        "{total} documents: {} articles, {} events, {} facilities, {} claims in {:.2}s",
        rows[0],
        rows[1],
        rows[2],
        rows[3],
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
