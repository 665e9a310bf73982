//! Times each stage on one thread over a file or a folder of articles, to find where the time
//! goes: `cargo run --release --example stage_times -- PATH [--meta META.csv] [--repeat N]`.
//! Quicker to iterate with than the criterion bench; prints seconds and MB/s per stage.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use _core::input::{collect_files, doc_id_of, read_meta_csv};
use _core::pipeline::{extract_loaded, LoadedDoc, Meta, Options, Stage, STAGE_CHUNK};
use _core::text::{read_text_file, Decoding};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut path: Option<PathBuf> = None;
    let mut meta_path: Option<PathBuf> = None;
    let mut repeat = 1usize;
    // 1 takes each document through every stage before the next document (the order before
    // chunks), to compare the two on the same machine.
    let mut chunk = STAGE_CHUNK;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--meta" => meta_path = args.next().map(PathBuf::from),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).ok_or("--repeat takes a number")?,
            "--chunk" => chunk = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).ok_or("--chunk takes a number above 0")?,
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.ok_or("give a file or folder")?;
    let meta: HashMap<String, Meta> = match meta_path {
        Some(p) => read_meta_csv(&p)?,
        None => HashMap::new(),
    };
    let mut docs = Vec::new();
    for file in collect_files(std::slice::from_ref(&path))? {
        let text = read_text_file(&file, Decoding::Strict)?;
        let doc_meta = meta.get(&doc_id_of(&file)).cloned().unwrap_or_default();
        docs.push(LoadedDoc { doc_id: doc_id_of(&file), text, meta: doc_meta });
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let options = Options::default();
    let mut spent = [Duration::ZERO; Stage::ALL.len()];
    let mut events_found = 0usize;
    for _ in 0..repeat {
        // The pipeline's own order: chunks of documents, each stage over a whole chunk.
        for chunk in docs.chunks(chunk) {
            let mut clock = Instant::now();
            let mut lap = |stage: Stage| {
                if let Some(total) = Stage::ALL.iter().position(|s| *s == stage).and_then(|slot| spent.get_mut(slot)) {
                    *total += clock.elapsed();
                }
                clock = Instant::now();
            };
            let results = extract_loaded(chunk.to_vec(), &options, &mut lap);
            events_found += results.iter().map(|r| r.events.len()).sum::<usize>();
        }
    }
    let mb = (bytes * repeat) as f64 / 1e6;
    let total: f64 = spent.iter().map(Duration::as_secs_f64).sum();
    println!("{} documents, {:.2} MB x {repeat}, {events_found} events", docs.len(), bytes as f64 / 1e6);
    for (stage, time) in Stage::ALL.iter().zip(spent) {
        let name = stage.name();
        let secs = time.as_secs_f64();
        println!("{name:<11}{secs:>8.3}s {:>8.1} MB/s {:>5.1}%", mb / secs.max(1e-9), 100.0 * secs / total.max(1e-9));
    }
    println!("{:<11}{total:>8.3}s {:>8.1} MB/s", "total", mb / total.max(1e-9));
    Ok(())
}
