//! Runs the stages over documents. Documents are cut into chunks that run in parallel (rayon);
//! inside a chunk each stage runs over every document before the next stage starts, so a stage's
//! automata and tables stay in the CPU caches while they serve the whole chunk. A document's
//! result depends on nothing but its own input, so the output is the same for any number of
//! threads and any chunk size.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::article::{self, ArticleInfo};
use crate::claims::{self, Claim};
use crate::error::Result;
use crate::events::{self, Event};
use crate::facilities::{self, FacilityRef};
use crate::lexicon::Lexicon;
use crate::text::{self, Decoding, Document};
use crate::time::{self, Date};

/// What a caller knows about a document besides its text (CSV/Parquet metadata, DataFrame columns).
/// Values here take precedence over what is read from the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub published: Option<Date>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// One document to extract: its text is either given or read from a file.
#[derive(Debug, Clone)]
pub enum Input {
    Text { doc_id: String, text: String, meta: Meta },
    File { doc_id: String, path: PathBuf, meta: Meta },
}

impl Input {
    pub fn doc_id(&self) -> &str {
        match self {
            Input::Text { doc_id, .. } | Input::File { doc_id, .. } => doc_id,
        }
    }
}

#[derive(Clone)]
pub struct Options {
    pub lexicon: Arc<Lexicon>,
    pub decoding: Decoding,
}

impl Default for Options {
    fn default() -> Self {
        Options { lexicon: Lexicon::builtin(), decoding: Decoding::Strict }
    }
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub doc: Document,
    pub article: ArticleInfo,
    pub events: Vec<Event>,
    pub facilities: Vec<FacilityRef>,
    pub claims: Vec<Claim>,
    /// For each claim, the indexes of the events it supports.
    pub claim_events: Vec<Vec<usize>>,
}

/// The most documents a chunk holds. Taking a chunk through one stage at a time instead of each
/// document through every stage measured 18-25% faster on one thread (BENCHMARKS.md); beyond a
/// few dozen documents the gain stops growing while the chunk's intermediate results keep growing.
pub const STAGE_CHUNK: usize = 64;

/// The stages, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Article,
    Document,
    Time,
    Names,
    Facilities,
    Claims,
    Events,
}

impl Stage {
    pub const ALL: [Stage; 7] = [Stage::Article, Stage::Document, Stage::Time, Stage::Names, Stage::Facilities, Stage::Claims, Stage::Events];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Article => "article",
            Stage::Document => "document",
            Stage::Time => "time",
            Stage::Names => "names",
            Stage::Facilities => "facilities",
            Stage::Claims => "claims",
            Stage::Events => "events",
        }
    }
}

/// A document whose text is in memory.
#[derive(Debug, Clone)]
pub struct LoadedDoc {
    pub doc_id: String,
    pub text: String,
    pub meta: Meta,
}

impl LoadedDoc {
    fn load(input: Input, decoding: Decoding) -> Result<LoadedDoc> {
        match input {
            Input::Text { doc_id, text, meta } => Ok(LoadedDoc { doc_id, text, meta }),
            Input::File { doc_id, path, meta } => Ok(LoadedDoc { doc_id, text: text::read_text_file(&path, decoding)?, meta }),
        }
    }
}

/// Runs every stage over a chunk of documents, one stage over the whole chunk before the next,
/// and returns the results in input order. `after_stage` is called as each stage finishes (the
/// `stage_times` example times the stages with it).
pub fn extract_loaded(docs: Vec<LoadedDoc>, options: &Options, after_stage: &mut dyn FnMut(Stage)) -> Vec<DocResult> {
    let lexicon: &Lexicon = &options.lexicon;
    let articles: Vec<ArticleInfo> = docs.iter().map(|d| article::analyse(&d.text, &d.meta)).collect();
    after_stage(Stage::Article);
    let documents: Vec<Document> =
        docs.into_iter().zip(&articles).map(|(d, a)| Document::new(&d.doc_id, d.text, &a.blocks, a.published, a.outlet.clone())).collect();
    after_stage(Stage::Document);
    let times: Vec<_> = documents.iter().map(time::analyse).collect();
    after_stage(Stage::Time);
    // One pass of the gazetteer over each document serves every extractor.
    let names: Vec<_> = documents.iter().map(|d| lexicon.find(&d.norm)).collect();
    after_stage(Stage::Names);
    let facilities: Vec<Vec<FacilityRef>> =
        documents.iter().zip(&names).zip(&times).map(|((d, n), t)| facilities::extract_with_names(d, lexicon, n, t)).collect();
    after_stage(Stage::Facilities);
    let claims: Vec<Vec<Claim>> = documents.iter().zip(&names).zip(&times).map(|((d, n), t)| claims::extract_with_names(d, lexicon, n, t)).collect();
    after_stage(Stage::Claims);
    let events: Vec<Vec<Event>> = documents
        .iter()
        .zip(&names)
        .zip(&times)
        .zip(&facilities)
        .zip(&claims)
        .map(|((((d, n), t), f), c)| events::extract_with_names(d, lexicon, n, t, f, c))
        .collect();
    after_stage(Stage::Events);
    documents
        .into_iter()
        .zip(articles)
        .zip(facilities)
        .zip(claims)
        .zip(events)
        .map(|((((doc, article), facilities), claims), events)| {
            let claim_events = events_of_claims(&events, claims.len());
            DocResult { doc, article, events, facilities, claims, claim_events }
        })
        .collect()
}

/// For each claim, the indexes of the events that cite it.
fn events_of_claims(events: &[Event], claim_count: usize) -> Vec<Vec<usize>> {
    let mut claim_events = vec![Vec::new(); claim_count];
    for (event_index, event) in events.iter().enumerate() {
        for &claim_index in &event.claim_indexes {
            if let Some(list) = claim_events.get_mut(claim_index) {
                list.push(event_index);
            }
        }
    }
    claim_events
}

/// Extracts a batch of documents in parallel, in input order. The first error (in input order)
/// is returned; no document is silently dropped.
pub fn extract_documents(inputs: Vec<Input>, options: &Options) -> Result<Vec<DocResult>> {
    Ok(map_chunks(inputs, options, Ok)?.into_iter().flatten().collect())
}

/// Cuts the inputs into chunks (enough to keep every thread busy, none larger than
/// [`STAGE_CHUNK`]), extracts the chunks in parallel and hands each chunk's results to `finish`
/// on the thread that made them (the tables turn them into Arrow there, so a chunk's
/// intermediate results are freed as soon as it is done). Returns what `finish` made, in input
/// order, or the first error in input order.
pub fn map_chunks<T: Send>(inputs: Vec<Input>, options: &Options, finish: impl Fn(Vec<DocResult>) -> Result<T> + Sync) -> Result<Vec<T>> {
    let threads = rayon::current_num_threads().max(1);
    let chunk_size = inputs.len().div_ceil(threads * 4).clamp(1, STAGE_CHUNK);
    let mut chunks: Vec<Vec<Input>> = Vec::with_capacity(inputs.len().div_ceil(chunk_size));
    let mut rest = inputs.into_iter().peekable();
    while rest.peek().is_some() {
        chunks.push(rest.by_ref().take(chunk_size).collect());
    }
    chunks
        .into_par_iter()
        .map(|chunk| {
            let loaded = chunk.into_iter().map(|input| LoadedDoc::load(input, options.decoding)).collect::<Result<Vec<_>>>()?;
            finish(extract_loaded(loaded, options, &mut |_| {}))
        })
        .collect()
}

/// Applies metadata rows (by doc_id) to inputs that have no metadata of their own.
pub fn attach_meta(inputs: &mut [Input], meta: &HashMap<String, Meta>) {
    for input in inputs.iter_mut() {
        let (doc_id, slot) = match input {
            Input::Text { doc_id, meta, .. } | Input::File { doc_id, meta, .. } => (doc_id.clone(), meta),
        };
        if let Some(found) = meta.get(&doc_id) {
            let merged = Meta {
                published: found.published.or(slot.published),
                url: found.url.clone().or(slot.url.take()),
                outlet: found.outlet.clone().or(slot.outlet.take()),
                title: found.title.clone().or(slot.title.take()),
            };
            *slot = merged;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::build_all;

    /// The bundled example articles, as loaded documents.
    fn examples() -> Vec<LoadedDoc> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let files = crate::input::collect_files(&[dir]).expect("the examples list");
        files
            .iter()
            .map(|path| LoadedDoc {
                doc_id: crate::input::doc_id_of(path),
                text: text::read_text_file(path, Decoding::Strict).expect("an example reads"),
                meta: Meta::default(),
            })
            .collect()
    }

    #[test]
    fn chunk_size_and_stage_order_do_not_change_the_output() {
        let options = Options::default();
        let docs = examples();
        let mut stages = Vec::new();
        let together = extract_loaded(docs.clone(), &options, &mut |stage| stages.push(stage));
        assert_eq!(stages, Stage::ALL.to_vec());
        let one_by_one: Vec<DocResult> = docs.into_iter().flat_map(|doc| extract_loaded(vec![doc], &options, &mut |_| {})).collect();
        assert_eq!(build_all(&together).expect("builds"), build_all(&one_by_one).expect("builds"));
    }
}
