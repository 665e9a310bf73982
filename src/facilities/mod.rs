//! Facilities stage: finds, types and links every detention facility (or class of facilities) an
//! article refers to. One [`FacilityRef`] per distinct facility or class per document.

use crate::lexicon::Lexicon;
use crate::text::{Document, Span};
use crate::time::TimeAnalysis;

/// One row of the `facilities` table (spans are `Document::norm` bytes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacilityRef {
    /// First surface form, as written.
    pub name: String,
    pub facility_type: String,
    pub facility_id: Option<String>,
    pub candidates: Vec<String>,
    pub generic: bool,
    pub count: Option<i32>,
    pub number: Option<String>,
    pub operator: Option<String>,
    pub place_id: Option<String>,
    pub admin1: Option<String>,
    pub native_term: Option<String>,
    pub mentions: Vec<Span>,
}

pub fn extract(doc: &Document, lexicon: &Lexicon, time: &TimeAnalysis) -> Vec<FacilityRef> {
    let _ = (doc, lexicon, time);
    Vec::new()
}
