//! Events stage: amnesties, detentions, executions, repatriations and the rest, one row per
//! distinct happening per document, linked to the facilities and claims that concern it.

use crate::claims::Claim;
use crate::facilities::FacilityRef;
use crate::lexicon::Lexicon;
use crate::text::{Document, Span};
use crate::time::{Date, TimeAnalysis};

/// One row of the `events` table (spans are `Document::norm` bytes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub event_type: String,
    /// `occurred`, `planned`, `habitual`, `negated`.
    pub status: String,
    pub date_value: Option<String>,
    pub date_start: Option<Date>,
    pub date_end: Option<Date>,
    pub date_precision: Option<String>,
    pub date_basis: Option<String>,
    pub date_text: Option<String>,
    pub occasion: Option<String>,
    pub anniversary: Option<i32>,
    pub count_text: Option<String>,
    pub count_min: Option<i64>,
    pub count_max: Option<i64>,
    pub measures: Vec<String>,
    pub sentence_reduction_min_months: Option<i32>,
    pub sentence_reduction_max_months: Option<i32>,
    pub subjects: Vec<String>,
    pub excluded: Vec<String>,
    pub agents: Vec<String>,
    pub places: Vec<String>,
    pub admin1: Vec<String>,
    /// Indexes into the document's facility rows.
    pub facility_indexes: Vec<usize>,
    /// Indexes into the document's claims.
    pub claim_indexes: Vec<usize>,
    pub mentions: Vec<Span>,
    /// The sentence that best states it.
    pub evidence: Span,
    pub rule: String,
}

pub fn extract(
    doc: &Document,
    lexicon: &Lexicon,
    time: &TimeAnalysis,
    facilities: &[FacilityRef],
    claims: &[Claim],
) -> Vec<Event> {
    let _ = (doc, lexicon, time, facilities, claims);
    Vec::new()
}
