//! Claims stage: every statement the article attributes to a source (direct quotations and
//! reported speech), with the source resolved across the document and described.

use crate::lexicon::Lexicon;
use crate::text::{Document, Span};
use crate::time::TimeAnalysis;

/// One row of the `claims` table (spans are `Document::norm` bytes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Claim {
    /// `quote` or `reported`.
    pub kind: String,
    /// The content, without the attribution.
    pub span: Span,
    pub cue: Option<String>,
    pub source_text: Option<String>,
    /// Index of the source within the document: claims of one source share it.
    pub source_index: usize,
    pub source_type: String,
    pub source_name: Option<String>,
    pub source_place: Option<String>,
    pub source_admin1: Option<String>,
    pub source_rank: Option<String>,
    pub reported_to: Option<String>,
    pub via: Option<String>,
    pub said_date_value: Option<String>,
    pub hedges: Vec<String>,
}

pub fn extract(doc: &Document, lexicon: &Lexicon, time: &TimeAnalysis) -> Vec<Claim> {
    let _ = (doc, lexicon, time);
    Vec::new()
}
