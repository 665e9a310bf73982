//! Arguments of an event: scale, subjects and exclusions, agents, places, facilities, claims,
//! sentence-reduction bounds, evidence.
//!
//! Design: an argument phrase in a sentence belongs to the nearest trigger of that sentence
//! (same comma clause first), and through it to that trigger's event. Subjects inside an
//! exclusion clause ("were not released") go to `excluded`. Places named as where a *source*
//! is ("a source in North Hamgyong Province") are not where the event happened.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::claims::Claim;
use crate::facilities::FacilityRef;
use crate::lexicon::{EntryKind, Lexicon};
use crate::text::{regex, Document, Span};
use crate::time::{TimeAnalysis, TimeKind};

use super::cues::{self, Count, DocCues};
use super::hits::{Clauses, Hit};
use super::merge::Draft;
use super::Event;

static SOURCE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:sources?|residents?|defectors?|partners?|informants?|contacts?)(?:\s+[A-Za-z'-]+){0,3}\s+(?:in|from|of|based in|living in|inside)\s+(?:the\s+)?(?:city of\s+|county of\s+)?$",
    )
});
static GOVERNMENT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)(?:the\s+)?(?:north korean\s+)?(?:government|regime|state|authorities|dprk|pyongyang)(?-u:\b)"));
/// The amnesty with most mentions.
fn main_amnesty(drafts: &[Draft]) -> Option<usize> {
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.event_type == "amnesty" && d.status != super::cues::Status::Negated)
        .max_by_key(|(i, d)| (d.hits.len(), *i))
        .map(|(i, _)| i)
}

/// Whom an event type concerns by definition.
const TYPE_SUBJECTS: &[(&str, &str)] = &[("repatriation", "repatriated_defectors")];

/// Per (occasion, year), the anniversary the first expression naming both gives: "The year 2012
/// marked the 100th anniversary of Kim Il Sung's birth", told anywhere in the document.
fn anniversaries(time: &TimeAnalysis) -> HashMap<(&str, i32), i32> {
    let mut out = HashMap::new();
    for e in &time.exprs {
        if let (Some(occasion), Some(anniversary), Some(start)) = (e.occasion.as_deref(), e.anniversary, e.start) {
            out.entry((occasion, start.year)).or_insert(anniversary);
        }
    }
    out
}

/// The Nth anniversary of the event's occasion in the event's year (see [`anniversaries`]).
fn anniversary_elsewhere(known: &HashMap<(&str, i32), i32>, event: &Event) -> Option<i32> {
    let occasion = event.occasion.as_deref()?;
    let year = event.date_start.map(|d| d.year)?;
    known.get(&(occasion, year)).copied()
}

/// Leaders named as the one who ordered or granted.
const PERSON_AGENTS: &[&str] = &["Kim Jong Un", "Kim Jong Il", "Kim Il Sung"];

/// Per-document state for placing argument phrases on events.
pub struct Placer<'a> {
    pub doc: &'a Document,
    pub clauses: &'a Clauses<'a>,
    pub hits: &'a [Hit],
    pub owner: &'a [Option<usize>],
}

/// The hits of sentence `sentence` with their indexes (hits are in sentence order).
pub fn hits_of_sentence(hits: &[Hit], sentence: usize) -> impl Iterator<Item = (usize, &Hit)> {
    let first = hits.partition_point(|h| h.sentence < sentence);
    hits.iter().enumerate().skip(first).take_while(move |(_, h)| h.sentence == sentence)
}

impl Placer<'_> {
    /// The event of the trigger nearest to `span` in its sentence.
    fn event_for(&self, span: Span) -> Option<(usize, usize)> {
        let sentence_index = self.doc.sentence_index_at(span.start)?;
        let sentence = self.doc.sentences.get(sentence_index)?;
        let clause = self.clauses.clause_of(sentence.span, span);
        let mut best: Option<(usize, usize, usize)> = None;
        for (h, hit) in hits_of_sentence(self.hits, sentence_index) {
            let Some(Some(d)) = self.owner.get(h) else { continue };
            let distance = if hit.span.end <= span.start { span.start - hit.span.end } else { hit.span.start.saturating_sub(span.end) };
            let score = distance + if clause.overlaps(hit.span) { 0 } else { 10_000 };
            if !matches!(best, Some((_, _, b)) if b <= score) {
                best = Some((h, *d, score));
            }
        }
        best.map(|(h, d, _)| (h, d))
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// Fills the arguments of `events` (one per draft, already carrying type, status, date).
#[allow(clippy::too_many_arguments)]
pub fn fill(
    doc: &Document,
    clauses: &Clauses,
    cues: &mut DocCues,
    lexicon: &Lexicon,
    names: &[crate::lexicon::Hit],
    time: &TimeAnalysis,
    facilities: &[FacilityRef],
    claims: &[Claim],
    hits: &[Hit],
    drafts: &[Draft],
    owner: &[Option<usize>],
    events: &mut [Event],
) {
    let placer = Placer { doc, clauses, hits, owner };
    let mut counted: Vec<Option<(bool, Count)>> = vec![None; events.len()];
    // the sentences (by span) that hold a trigger of some event
    let with_events: HashSet<Span> = hits
        .iter()
        .enumerate()
        .filter(|(h, _)| owner.get(*h).is_some_and(Option::is_some))
        .filter_map(|(_, hit)| doc.sentences.get(hit.sentence).map(|s| s.span))
        .collect();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let s = sentence.span;
        if !with_events.contains(&s) {
            continue;
        }
        let subjects = cues::subjects_in_sentence(&doc.norm, s, &cues.subject);
        for (offset, code) in subjects {
            let at = Span::new(s.start + offset, s.start + offset + 1);
            let strong = clauses.strong_clause_of(s, at);
            let excluded = cues.is_exclusion(doc, strong);
            // Who a clause is about concerns every event told in it ("defectors who were
            // repatriated ... are being detained"); else the nearest trigger's event.
            // (a hit inside the clause is one of this sentence's)
            let mut targets: Vec<usize> = hits_of_sentence(hits, si)
                .filter(|(_, hit)| strong.contains(hit.span) && !hit.headline)
                .filter_map(|(h, _)| owner.get(h).copied().flatten())
                .collect();
            targets.sort_unstable();
            targets.dedup();
            if targets.is_empty() {
                targets.extend(placer.event_for(at).map(|(_, d)| d));
            }
            // "As was the case in the first round, the prisoners mostly include ...": a
            // comparison with a past amnesty; the prisoners are the main amnesty's.
            let comparison = hits_of_sentence(hits, si).any(|(h, hit)| {
                hit.ordinal == Some(1)
                    && strong.contains(hit.span)
                    && !clauses.clause_of(s, at).overlaps(hit.span)
                    && owner.get(h).copied().flatten().is_some_and(|d| targets.contains(&d))
            });
            if comparison {
                if let Some(main) = main_amnesty(drafts) {
                    targets = vec![main];
                }
            }
            for d in targets {
                let Some(event) = events.get_mut(d) else { continue };
                if excluded && event.event_type == "amnesty" {
                    push_unique(&mut event.excluded, code);
                } else if !excluded {
                    push_unique(&mut event.subjects, code);
                }
            }
        }
        for count in cues.counts_of_sentence(doc, s) {
            let at = Span::new(s.start + count.start, s.start + count.end);
            let Some((h, d)) = placer.event_for(at) else { continue };
            let headline = hits.get(h).is_some_and(|x| x.headline);
            if let Some(slot) = counted.get_mut(d) {
                // Body counts before headline counts ("Hundreds protest ..." is not the scale).
                if slot.is_none() || slot.as_ref().is_some_and(|(was_headline, _)| *was_headline && !headline) {
                    *slot = Some((headline, count.clone()));
                }
            }
        }
    }
    for (d, slot) in counted.into_iter().enumerate() {
        if let (Some((_, count)), Some(event)) = (slot, events.get_mut(d)) {
            event.count_text = Some(count.text);
            event.count_min = count.min;
            event.count_max = count.max;
        }
    }
    place_lexicon_hits(doc, lexicon, names, &placer, events);
    place_facilities(facilities, &placer, events);
    let anniversaries = anniversaries(time);
    let durations = Durations::new(time);
    for (d, draft) in drafts.iter().enumerate() {
        let Some(event) = events.get_mut(d) else { continue };
        if let Some(code) = TYPE_SUBJECTS.iter().find(|(t, _)| *t == event.event_type).map(|(_, c)| *c) {
            push_unique(&mut event.subjects, code);
        }
        if event.anniversary.is_none() {
            event.anniversary = anniversary_elsewhere(&anniversaries, event);
        }
        let my_hits: Vec<&Hit> = draft.hits.iter().filter_map(|&h| hits.get(h)).collect();
        for hit in &my_hits {
            if let Some(measure) = hit.measure {
                if event.event_type == "amnesty" && !hit.exclusion {
                    push_unique(&mut event.measures, measure);
                }
            }
            person_and_state_agents(doc, clauses, hit, &mut event.agents);
            if hit.family == "sentence_reduction" {
                reduction_bounds(doc, &durations, hit, event);
            }
        }
    }
    link_claims(claims, events);
}

/// Each event lists the claims one of its mentions overlaps, in claim order. The mentions of all
/// events, sorted by start, are searched per claim from the furthest start that could still reach
/// it (mentions are short), not walked whole per event and claim.
fn link_claims(claims: &[Claim], events: &mut [Event]) {
    let mut mentions: Vec<(Span, usize)> = events.iter().enumerate().flat_map(|(d, e)| e.mentions.iter().map(move |m| (*m, d))).collect();
    mentions.sort_unstable();
    let longest = mentions.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
    for (c, claim) in claims.iter().enumerate() {
        let from = mentions.partition_point(|(m, _)| m.start + longest < claim.span.start);
        let mut linked: Vec<usize> =
            mentions.iter().skip(from).take_while(|(m, _)| m.start < claim.span.end).filter(|(m, _)| m.overlaps(claim.span)).map(|(_, d)| *d).collect();
        linked.sort_unstable();
        linked.dedup();
        for d in linked {
            if let Some(event) = events.get_mut(d) {
                event.claim_indexes.push(c);
            }
        }
    }
}

/// The document's durations with their month bounds, in start order, for looking up those of
/// one sentence by binary search.
struct Durations {
    spans: Vec<(Span, (i32, i32))>,
}

impl Durations {
    fn new(time: &TimeAnalysis) -> Durations {
        let mut spans: Vec<(Span, (i32, i32))> =
            time.exprs.iter().filter(|e| e.kind == TimeKind::Duration).filter_map(|e| e.duration_months.map(|m| (e.span, m))).collect();
        spans.sort_unstable();
        Durations { spans }
    }

    fn within(&self, outer: Span) -> impl Iterator<Item = (i32, i32)> + '_ {
        let first = self.spans.partition_point(|(s, _)| s.start < outer.start);
        self.spans.iter().skip(first).take_while(move |(s, _)| s.start <= outer.end).filter(move |(s, _)| outer.contains(*s)).map(|(_, m)| *m)
    }
}

fn place_lexicon_hits(doc: &Document, lexicon: &Lexicon, names: &[crate::lexicon::Hit], placer: &Placer, events: &mut [Event]) {
    for found in names {
        let Some((_, d)) = placer.event_for(found.span) else { continue };
        let Some(event) = events.get_mut(d) else { continue };
        match found.kind {
            EntryKind::Place => {
                let sentence_start = doc.sentence_index_at(found.span.start).and_then(|i| doc.sentences.get(i)).map_or(0, |s| s.span.start);
                let before = doc.norm.get(sentence_start..found.span.start).unwrap_or("");
                if SOURCE_PLACE.is_match(before) {
                    continue;
                }
                // An ambiguous name stays out rather than guessing.
                let [id] = found.ids.as_slice() else { continue };
                push_unique(&mut event.places, id);
                if let Some(code) = lexicon.place(id).and_then(|p| p.admin1.as_deref()) {
                    push_unique(&mut event.admin1, code);
                }
            }
            EntryKind::Agency => {
                for id in &found.ids {
                    if let Some(agency) = lexicon.agencies.iter().find(|a| &a.id == id) {
                        push_unique(&mut event.agents, &agency.code);
                    }
                }
            }
            EntryKind::Facility => {}
        }
    }
}

fn place_facilities(facilities: &[FacilityRef], placer: &Placer, events: &mut [Event]) {
    for (f, facility) in facilities.iter().enumerate() {
        for mention in &facility.mentions {
            let Some((_, d)) = placer.event_for(*mention) else { continue };
            let Some(event) = events.get_mut(d) else { continue };
            if !event.facility_indexes.contains(&f) {
                event.facility_indexes.push(f);
            }
            if let Some(place) = &facility.place_id {
                push_unique(&mut event.places, place);
            }
            if let Some(code) = &facility.admin1 {
                push_unique(&mut event.admin1, code);
            }
        }
    }
}

/// "Kim Jong Un granted amnesty", "the North Korean government granted amnesty".
fn person_and_state_agents(doc: &Document, clauses: &Clauses, hit: &Hit, agents: &mut Vec<String>) {
    let Some(sentence) = doc.sentences.get(hit.sentence) else { return };
    let clause = clauses.strong_clause_of(sentence.span, hit.span);
    let before = doc.norm.get(clause.start..hit.span.start).unwrap_or("");
    let window_start = before.len().saturating_sub(80);
    let window = before.get(window_start..).unwrap_or(before);
    if let Some(person) = PERSON_AGENTS.iter().find(|p| window.contains(*p)) {
        let possessive = window.contains(&format!("{person}'s"));
        if !possessive {
            push_unique(agents, person);
            return;
        }
    }
    if agents.is_empty() && GOVERNMENT.is_match(window) {
        push_unique(agents, "government");
    }
}

/// "reduce sentences by anywhere from six months to six years": 6 and 72 months.
fn reduction_bounds(doc: &Document, durations: &Durations, hit: &Hit, event: &mut Event) {
    let Some(sentence) = doc.sentences.get(hit.sentence) else { return };
    for (lo, hi) in durations.within(sentence.span) {
        event.sentence_reduction_min_months = Some(event.sentence_reduction_min_months.map_or(lo, |m| m.min(lo)));
        event.sentence_reduction_max_months = Some(event.sentence_reduction_max_months.map_or(hi, |m| m.max(hi)));
    }
}
