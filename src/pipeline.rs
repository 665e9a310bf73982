//! Runs the stages over documents: one document at a time through every stage, documents in
//! parallel (rayon). A document's result depends on nothing but its own input, so the output is
//! the same for any number of threads.

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

/// Runs every stage on one document's text.
pub fn extract_text(doc_id: &str, original: String, meta: &Meta, options: &Options) -> DocResult {
    let article = article::analyse(&original, meta);
    let doc = Document::new(doc_id, original, &article.blocks, article.published, article.outlet.clone());
    let time = time::analyse(&doc);
    // One pass of the gazetteer over the document serves every extractor.
    let names = options.lexicon.find(&doc.norm);
    let facilities = facilities::extract_with_names(&doc, &options.lexicon, &names, &time);
    let claims = claims::extract_with_names(&doc, &options.lexicon, &names, &time);
    let events = events::extract_with_names(&doc, &options.lexicon, &names, &time, &facilities, &claims);
    let mut claim_events = vec![Vec::new(); claims.len()];
    for (event_index, event) in events.iter().enumerate() {
        for &claim_index in &event.claim_indexes {
            if let Some(list) = claim_events.get_mut(claim_index) {
                list.push(event_index);
            }
        }
    }
    DocResult { doc, article, events, facilities, claims, claim_events }
}

fn extract_one(input: Input, options: &Options) -> Result<DocResult> {
    match input {
        Input::Text { doc_id, text, meta } => Ok(extract_text(&doc_id, text, &meta, options)),
        Input::File { doc_id, path, meta } => {
            let text = text::read_text_file(&path, options.decoding)?;
            Ok(extract_text(&doc_id, text, &meta, options))
        }
    }
}

/// Extracts a batch of documents in parallel, in input order. The first error (in input order)
/// is returned; no document is silently dropped.
pub fn extract_documents(inputs: Vec<Input>, options: &Options) -> Result<Vec<DocResult>> {
    let results: Vec<Result<DocResult>> = inputs.into_par_iter().map(|input| extract_one(input, options)).collect();
    results.into_iter().collect()
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
