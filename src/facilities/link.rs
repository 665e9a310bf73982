//! Links references to gazetteer facilities. Candidates come from the gazetteer only (names that
//! overlap the reference, camp numbers, the places named with it), so no id is ever invented. A
//! row gets a `facility_id` only when the evidence leaves one candidate: the type the text names
//! ("political prison camp" vs "re-education camp"), the number, the place, the operator, and
//! last the cues in the row's sentences (releases and terms of years point to a kyohwaso, "for
//! life" and guilt by association to a kwanliso). Otherwise the candidates are listed.

use super::detect::{agency_code, Mention};
use super::terms::TYPE_CUES;
use crate::lexicon::{Facility, Lexicon};

/// The leading digits of a gazetteer number ("8 (disputed; ...)" -> "8").
fn number_of(f: &Facility) -> Option<&str> {
    let n = f.number.as_deref()?.trim();
    let end = n.find(|c: char| !c.is_ascii_digit()).unwrap_or(n.len());
    n.get(..end).filter(|d| !d.is_empty())
}

/// Whether a gazetteer facility can be what a reference of this type names.
fn type_fits(reference_type: &str, f: &Facility) -> bool {
    match reference_type {
        "prison" => f.facility_type != "other" || f.id.starts_with("kyoyangso"),
        other => f.facility_type == other,
    }
}

/// Fills `mention.candidates` from the gazetteer: facility names in the reference, its number,
/// its places; then keeps those that fit the type, number and place the text gives.
pub fn candidates(mention: &mut Mention, lexicon: &Lexicon) {
    let specific_type = mention.facility_type != "prison";
    let mut pool: Vec<&Facility> = mention.facility_hits.iter().filter_map(|id| lexicon.facility(id)).collect();
    let local: Vec<&String> = mention.places.iter().filter(|p| lexicon.place(p).is_some_and(|pl| !pl.kind.starts_with("province"))).collect();
    let at_place = |f: &Facility| local.iter().any(|p| f.place_id.as_deref() == Some(p.as_str()));
    if let Some(n) = mention.number.as_deref() {
        pool.extend(lexicon.facilities.iter().filter(|f| number_of(f) == Some(n)));
        pool.retain(|f| number_of(f) == Some(n));
    } else if !(local.is_empty() || (mention.plural && mention.places.len() > 1)) {
        // Only city- or county-level places name a facility; a province holds too many.
        pool.extend(lexicon.facilities.iter().filter(|f| at_place(f)));
    }
    if specific_type {
        pool.retain(|f| type_fits(mention.facility_type, f));
    } else {
        pool.retain(|f| type_fits("prison", f));
    }
    // "Prison No. 11": the kwanliso are camps, not prisons
    if mention.head == Some(super::terms::Head::Prison) && !specific_type && pool.iter().any(|f| f.facility_type != "kwanliso") {
        pool.retain(|f| f.facility_type != "kwanliso");
    }
    if !local.is_empty() && pool.iter().any(|f| at_place(f)) {
        pool.retain(|f| at_place(f));
    }
    let mut ids: Vec<String> = Vec::new();
    for f in pool {
        if !ids.contains(&f.id) {
            ids.push(f.id.clone());
        }
    }
    mention.candidates = ids;
}

/// The operator code the gazetteer gives a facility.
pub fn facility_operator(lexicon: &Lexicon, id: &str) -> Option<&'static str> {
    lexicon.facility(id).and_then(|f| f.operator.as_deref()).and_then(agency_code)
}

/// The type a reference's own words lean to when nothing else decides: "prison" (not "political
/// prison") names a kyohwaso, "camp" a kwanliso.
fn head_hint(surface: &str) -> Option<&'static str> {
    let lower = surface.to_ascii_lowercase();
    if lower.contains("prison") && !lower.contains("political") {
        Some("kyohwaso")
    } else if lower.contains("camp") {
        Some("kwanliso")
    } else {
        None
    }
}

/// Chooses one candidate when the evidence decides; `cue_text` is the row's sentences and
/// `surface` the reference as written.
pub fn choose(candidates: &[String], lexicon: &Lexicon, named_type: &str, operator: Option<&str>, cue_text: &str, surface: &str) -> Option<String> {
    let mut left: Vec<&String> = candidates.iter().collect();
    if left.len() > 1 && named_type != "prison" {
        let typed: Vec<&String> = left.iter().copied().filter(|id| lexicon.facility(id).is_some_and(|f| f.facility_type == named_type)).collect();
        if !typed.is_empty() {
            left = typed;
        }
    }
    if left.len() > 1 {
        if let Some(op) = operator {
            let by_op: Vec<&String> = left.iter().copied().filter(|id| facility_operator(lexicon, id) == Some(op)).collect();
            if !by_op.is_empty() {
                left = by_op;
            }
        }
    }
    if left.len() > 1 {
        let lower = cue_text.to_ascii_lowercase();
        let score = |ty: &str| TYPE_CUES.iter().filter(|(cue, t)| *t == ty && lower.contains(cue)).count();
        let mut scored: Vec<(usize, &String)> = left.iter().map(|id| (lexicon.facility(id).map(|f| score(&f.facility_type)).unwrap_or(0), *id)).collect();
        scored.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        if let [(best, id), (second, _), ..] = scored.as_slice() {
            if best > second {
                left = vec![*id];
            } else if let Some(hint) = head_hint(surface) {
                // this press's numbering habit: "Camp 14" is the kwanliso, "Prison No. 11" the kyohwaso
                let hinted: Vec<&String> = left.iter().copied().filter(|id| lexicon.facility(id).is_some_and(|f| f.facility_type == hint)).collect();
                if hinted.len() == 1 {
                    left = hinted;
                }
            }
        }
    }
    match left.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}
