//! Criterion benchmarks of the Rust core on ONE thread (no rayon): the whole per-document pipeline
//! (`pipeline::extract_loaded`, chunk by chunk), each stage on its own (to show where the time goes), and the Arrow
//! table build.
//!
//! The corpus is a folder of `.txt` articles named by `NKEXTRACT_BENCH_CORPUS` (with an optional
//! `meta.csv` giving publication dates), as written by `benchmarks/corpus.py`; without it the
//! bundled `examples/articles` are used. `NKEXTRACT_BENCH_MB` caps how many MB are read (default:
//! all). Throughput is reported in bytes; `benchmarks/run.py` turns the estimates into MB/s and
//! articles/s.
//!
//!     NKEXTRACT_BENCH_CORPUS=bench-data/corpus-10mb cargo bench --bench pipeline

// A benchmark may stop on a missing corpus; the no-panic lints are for the library.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::collections::HashMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use _core::article::{self, ArticleInfo};
use _core::input::{collect_files, doc_id_of, read_meta_csv};
use _core::lexicon::Lexicon;
use _core::pipeline::{extract_loaded, DocResult, LoadedDoc, Meta, Options, STAGE_CHUNK};
use _core::text::Document;
use _core::{claims, events, facilities, tables, time};

struct Corpus {
    docs: Vec<(String, String, Meta)>,
    bytes: u64,
}

fn load_corpus() -> Corpus {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("NKEXTRACT_BENCH_CORPUS").map(PathBuf::from).unwrap_or_else(|| root.join("examples/articles"));
    let cap = std::env::var("NKEXTRACT_BENCH_MB").ok().and_then(|v| v.parse::<f64>().ok()).map_or(u64::MAX, |mb| (mb * 1e6) as u64);
    let meta_path = dir.join("meta.csv");
    let meta: HashMap<String, Meta> = if meta_path.exists() { read_meta_csv(&meta_path).expect("meta.csv reads") } else { HashMap::new() };
    let files = collect_files(std::slice::from_ref(&dir)).expect("corpus folder lists");
    let mut docs = Vec::new();
    let mut bytes = 0u64;
    for path in files {
        if bytes >= cap {
            break;
        }
        let text = std::fs::read_to_string(&path).expect("article reads as UTF-8");
        let doc_id = doc_id_of(&path);
        bytes += text.len() as u64;
        let doc_meta = meta.get(&doc_id).cloned().unwrap_or_default();
        docs.push((doc_id, text, doc_meta));
    }
    assert!(!docs.is_empty(), "no .txt articles in {}", dir.display());
    eprintln!("corpus: {} ({} articles, {:.1} MB)", dir.display(), docs.len(), bytes as f64 / 1e6);
    Corpus { docs, bytes }
}

/// Every intermediate result, so each stage can be timed on its own inputs.
struct Staged {
    articles: Vec<ArticleInfo>,
    documents: Vec<Document>,
    times: Vec<time::TimeAnalysis>,
    facilities: Vec<Vec<facilities::FacilityRef>>,
    claims: Vec<Vec<claims::Claim>>,
    results: Vec<DocResult>,
}

/// The pipeline on one thread: chunks of documents, each stage over a whole chunk.
fn extract_core(corpus: &Corpus, options: &Options) -> Vec<DocResult> {
    let mut results = Vec::with_capacity(corpus.docs.len());
    for chunk in corpus.docs.chunks(STAGE_CHUNK) {
        let loaded = chunk.iter().map(|(doc_id, text, meta)| LoadedDoc { doc_id: doc_id.clone(), text: text.clone(), meta: meta.clone() }).collect();
        results.extend(extract_loaded(loaded, options, &mut |_| {}));
    }
    results
}

fn stage(corpus: &Corpus, options: &Options) -> Staged {
    let lexicon: &Lexicon = &options.lexicon;
    let articles: Vec<ArticleInfo> = corpus.docs.iter().map(|(_, text, meta)| article::analyse(text, meta)).collect();
    let documents: Vec<Document> = corpus
        .docs
        .iter()
        .zip(&articles)
        .map(|((id, text, _), a)| Document::new(id.as_str(), text.clone(), &a.blocks, a.published, a.outlet.clone()))
        .collect();
    let times: Vec<_> = documents.iter().map(time::analyse).collect();
    let facilities: Vec<_> = documents.iter().zip(&times).map(|(d, t)| facilities::extract(d, lexicon, t)).collect();
    let claims: Vec<_> = documents.iter().zip(&times).map(|(d, t)| claims::extract(d, lexicon, t)).collect();
    let results = extract_core(corpus, options);
    Staged { articles, documents, times, facilities, claims, results }
}

fn benches(c: &mut Criterion) {
    let corpus = load_corpus();
    let options = Options::default();
    let lexicon: &Lexicon = &options.lexicon;

    let mut group = c.benchmark_group("core");
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(format!("extract/{}docs", corpus.docs.len()), |b| b.iter(|| black_box(extract_core(&corpus, &options))));
    group.finish();

    let staged = stage(&corpus, &options);
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("article", |b| {
        b.iter(|| {
            for (_, text, meta) in &corpus.docs {
                black_box(article::analyse(text, meta));
            }
        })
    });
    group.bench_function("document", |b| {
        b.iter(|| {
            for ((id, text, _), a) in corpus.docs.iter().zip(&staged.articles) {
                black_box(Document::new(id.as_str(), text.clone(), &a.blocks, a.published, a.outlet.clone()));
            }
        })
    });
    group.bench_function("time", |b| {
        b.iter(|| {
            for doc in &staged.documents {
                black_box(time::analyse(doc));
            }
        })
    });
    group.bench_function("facilities", |b| {
        b.iter(|| {
            for (doc, t) in staged.documents.iter().zip(&staged.times) {
                black_box(facilities::extract(doc, lexicon, t));
            }
        })
    });
    group.bench_function("claims", |b| {
        b.iter(|| {
            for (doc, t) in staged.documents.iter().zip(&staged.times) {
                black_box(claims::extract(doc, lexicon, t));
            }
        })
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            for (((doc, t), f), cl) in staged.documents.iter().zip(&staged.times).zip(&staged.facilities).zip(&staged.claims) {
                black_box(events::extract(doc, lexicon, t, f, cl));
            }
        })
    });
    group.bench_function("tables", |b| b.iter(|| black_box(tables::build_all(&staged.results).expect("tables build"))));
    group.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
