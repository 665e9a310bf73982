//! Events stage: amnesties, detentions, executions, repatriations and the rest, one row per
//! distinct happening per document, linked to the facilities and claims that concern it.

mod arguments;
mod cues;
mod hits;
mod merge;
mod presence;
mod timing;
mod triggers;

#[cfg(test)]
mod tests;

use hits::Hit;

use crate::claims::Claim;
use crate::facilities::FacilityRef;
use crate::lexicon::{self, Lexicon};
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

/// Finds the document's events: triggers in context, merged into one row per happening, with
/// their arguments. Rows come in order of first mention.
pub fn extract(doc: &Document, lexicon: &Lexicon, time: &TimeAnalysis, facilities: &[FacilityRef], claims: &[Claim]) -> Vec<Event> {
    extract_with_names(doc, lexicon, &lexicon.find(&doc.norm), time, facilities, claims)
}

/// [`extract`] with the document's gazetteer names already found (the pipeline finds them once
/// for every stage).
pub fn extract_with_names(
    doc: &Document,
    lexicon: &Lexicon,
    names: &[lexicon::Hit],
    time: &TimeAnalysis,
    facilities: &[FacilityRef],
    claims: &[Claim],
) -> Vec<Event> {
    let clauses = hits::Clauses::of(&doc.norm);
    // The trigger rows and the cue patterns are found in one backward pass (see presence.rs).
    let (trigger_starts, cue_starts) = match (triggers::trigger_starts(), cues::cue_starts()) {
        (Some(rows), Some(cues)) => presence::scan_side_by_side([rows, cues], &doc.norm).map_or((None, None), |[rows, cues]| (Some(rows), Some(cues))),
        _ => (None, None),
    };
    let mut doc_cues = cues::DocCues::of(&doc.norm, cue_starts);
    let hits = hits::find_hits(doc, &clauses, &mut doc_cues, time, trigger_starts);
    let (drafts, owner) = merge::merge(&doc.norm, &hits);
    let mut events: Vec<Event> = drafts.iter().map(|draft| draft_to_event(doc, &hits, draft)).collect();
    arguments::fill(doc, &clauses, &mut doc_cues, lexicon, names, time, facilities, claims, &hits, &drafts, &owner, &mut events);
    events.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
    events
}

fn draft_to_event(doc: &Document, hits: &[Hit], draft: &merge::Draft) -> Event {
    let mine: Vec<&Hit> = draft.hits.iter().filter_map(|&h| hits.get(h)).collect();
    let mut mentions: Vec<Span> = mine.iter().flat_map(|h| h.mentions.iter().copied()).collect();
    mentions.sort();
    mentions.dedup();
    let best = mine.iter().find(|h| !h.headline && !h.identity.is_empty()).or_else(|| mine.iter().find(|h| !h.headline)).or_else(|| mine.first());
    let evidence = best.and_then(|h| doc.sentences.get(h.sentence)).map(|s| s.span).unwrap_or_default();
    let mut families: Vec<&str> = mine.iter().map(|h| h.family).collect();
    families.sort_unstable();
    families.dedup();
    let identity = &draft.identity;
    let date = identity.date.as_ref();
    Event {
        event_type: draft.event_type.to_string(),
        status: draft.status.as_str().to_string(),
        date_value: date.map(|d| d.value.clone()),
        date_start: date.and_then(|d| d.start),
        date_end: date.and_then(|d| d.end),
        date_precision: date.and_then(|d| d.precision).map(|p| p.as_str().to_string()),
        date_basis: date.and_then(|d| d.basis).map(|b| b.as_str().to_string()),
        date_text: date.map(|d| doc.slice(d.text).to_string()),
        occasion: identity.occasion.clone(),
        anniversary: identity.anniversary,
        mentions,
        evidence,
        rule: format!("{}:{}", draft.event_type, families.join("+")),
        ..Event::default()
    }
}
