//! Claims stage: every statement the article attributes to a source (direct quotations and
//! reported speech), with the source resolved across the document and described.
//!
//! One regex pass finds every reporting cue of the document; quotations are found and
//! attributed first (quotes.rs), then reported speech sentence by sentence on the cues the
//! quotations did not use (reported.rs); finally attribution phrases are read and resolved into
//! sources in document order (sources.rs). Vocabulary lives in cues.rs.

mod cues;
mod quotes;
mod reported;
mod sources;

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::lexicon::{EntryKind, Hit, Lexicon};
use crate::text::{Document, Span};
use crate::time::{TimeAnalysis, TimeExpr, TimeKind};

pub use sources::{describe, PhraseContext, Reference, SourceDesc};

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

/// A reporting cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub span: Span,
    /// Canonical cue (`said`, `according to`, `has learned`).
    pub cue: &'static str,
    pub usage: cues::CueUse,
}

/// Where a claim's attribution is: its cue, the source phrase, and the words after the cue
/// (where "told Daily NK on Nov. 27" keeps the outlet and the date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub cue: &'static str,
    pub cue_span: Span,
    pub source: Span,
    pub tail: Span,
}

/// A reporting phrase split into words.
struct CuePhrase {
    words: Vec<&'static str>,
    cue: &'static str,
    usage: cues::CueUse,
}

/// The reporting phrases by the lower-cased first byte of their first word, each list longest
/// phrase first: where two could start at the same word, the longer is tried first.
static CUE_PHRASES: LazyLock<Vec<Vec<CuePhrase>>> = LazyLock::new(|| {
    let mut phrases: Vec<(&str, &str, cues::CueUse)> = cues::CUE_VERBS.to_vec();
    phrases.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
    let mut by_first: Vec<Vec<CuePhrase>> = (0..256).map(|_| Vec::new()).collect();
    for (phrase, cue, usage) in phrases {
        let first = phrase.bytes().next().unwrap_or(0).to_ascii_lowercase();
        if let Some(list) = by_first.get_mut(usize::from(first)) {
            list.push(CuePhrase { words: phrase.split(' ').collect(), cue, usage });
        }
    }
    by_first
});

/// A word byte, as ASCII word boundaries see it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
fn without_dateline(doc: &Document, span: Span) -> Span {
    // A dateline is not part of what was said.
    match crate::text::wire_dateline_len(doc.slice(span)) {
        Some(len) if span.start + len < span.end => Span::new(span.start + len, span.end),
        _ => span,
    }
}

/// The distinct first words of the reporting phrases, found ASCII-case-insensitively: a phrase
/// can start only where one of them does, so the scan jumps between their occurrences instead of
/// visiting every word. The search is leftmost, so no occurrence at a word start is skipped: the
/// words are letters only, so a match that starts earlier ends before the next word start.
static CUE_HEAD_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let heads: std::collections::BTreeSet<&str> = cues::CUE_VERBS.iter().filter_map(|(phrase, _, _)| phrase.split(' ').next()).collect();
    AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).kind(Some(AhoCorasickKind::DFA)).build(heads).ok()
});

/// Every reporting cue of `text`, in order: a phrase of whole words (ASCII word boundaries),
/// in any case, its words separated by ASCII whitespace; matches do not overlap.
pub fn find_cues(text: &str) -> Vec<CueHit> {
    let bytes = text.as_bytes();
    let word_end = |from: usize| bytes.get(from..).map_or(from, |rest| from + rest.iter().position(|&b| !is_word_byte(b)).unwrap_or(rest.len()));
    let mut hits = Vec::new();
    let Some(finder) = CUE_HEAD_FINDER.as_ref() else { return hits };
    let mut pos = 0;
    while let Some(head) = finder.find(aho_corasick::Input::new(text).span(pos..text.len())) {
        let start = head.start();
        let first_end = word_end(start);
        pos = first_end;
        if start > 0 && bytes.get(start - 1).is_some_and(|&b| is_word_byte(b)) {
            // Inside a word: no word starts before its end.
            continue;
        }
        let candidates = bytes.get(start).and_then(|b| CUE_PHRASES.get(usize::from(b.to_ascii_lowercase())));
        let Some(candidates) = candidates.filter(|c| !c.is_empty()) else { continue };
        let first = text.get(start..first_end).unwrap_or("");
        // The rest of a phrase after its first word: whitespace, then each next word whole.
        let rest_matches = |words: &[&str]| -> Option<usize> {
            let mut end = first_end;
            for word in words {
                let gap = bytes.get(end..).map_or(0, |rest| rest.iter().take_while(|&&b| b.is_ascii_whitespace() || b == 0x0B).count());
                if gap == 0 {
                    return None;
                }
                let next_end = word_end(end + gap);
                text.get(end + gap..next_end).filter(|w| w.eq_ignore_ascii_case(word))?;
                end = next_end;
            }
            Some(end)
        };
        let found = candidates.iter().find_map(|phrase| {
            let (head, tail) = phrase.words.split_first()?;
            if head.len() != first.len() || !head.eq_ignore_ascii_case(first) {
                return None;
            }
            rest_matches(tail).map(|end| (end, phrase.cue, phrase.usage))
        });
        if let Some((end, cue, usage)) = found {
            // A participle reports only after its main clause's comma ("welcomed it, saying ...");
            // "explained by saying" and "quoted as saying" belong to the verb before them.
            let after_comma = || text.get(..start).is_some_and(|before| before.trim_end().ends_with(','));
            if cue == "saying" && !after_comma() {
                continue;
            }
            hits.push(CueHit { span: Span::new(start, end), cue, usage });
            pos = end;
        }
    }
    hits
}

fn is_filler(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty() || is_listed(cues::FILLER_WORDS, w)
    })
}

/// Whether `word` lower-cased (ASCII letters only) is one of `words`, which are lower-case ASCII:
/// compared without the lower-cased copy.
fn is_listed(words: &[&str], word: &str) -> bool {
    words.iter().any(|listed| listed.eq_ignore_ascii_case(word))
}

/// Capitalised words that open a clause rather than a name.
const CLAUSE_OPENERS: &[&str] = &[
    "In",
    "On",
    "At",
    "The",
    "A",
    "An",
    "According",
    "During",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "But",
    "Since",
    "Last",
    "This",
    "Earlier",
    "When",
    "While",
    "As",
    "For",
    "From",
    "With",
    "Through",
    "Also",
    "Relatedly",
];

fn starts_with_name(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("");
    part.split_whitespace().take(2).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() == 2 && !CLAUSE_OPENERS.contains(&first)
}

/// An organisation's name, with its article and small words ("The Transitional Justice Working
/// Group (TJWG)", "the Committee for Human Rights in North Korea").
fn is_proper_name_phrase(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let small = |w: &str| matches!(w, "The" | "the" | "of" | "for" | "on" | "in" | "and" | "to");
    let capitalised = words.iter().filter(|w| w.trim_start_matches('(').chars().next().is_some_and(char::is_uppercase) && !small(w)).count();
    (2..=10).contains(&words.len())
        && capitalised >= 2
        && words.iter().all(|w| small(w) || w.trim_start_matches('(').chars().next().is_some_and(char::is_uppercase))
}

/// A description of a speaker's office ("North Korea's ambassador in Geneva", "The U.N. special
/// rapporteur on North Korean human rights") that a name follows.
fn names_role(part: &str) -> bool {
    part.split_whitespace().count() <= 12
        && part.split_whitespace().any(|w| {
            let word = w.trim_matches(|c: char| !c.is_alphanumeric());
            cues::ROLE_WORDS.iter().any(|role| role.eq_ignore_ascii_case(word))
        })
}

fn is_pure_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The subject right before a reporting verb in `prefix` (a span relative to it): the last
/// comma-separated part, skipping adverbs ("also"), coordinated predicates ("met the reporter
/// and"), and taking in a relative clause or an appositive name before it.
pub fn subject_of(prefix: &str) -> Span {
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let bytes = prefix.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' if depth <= 0 && bytes.get(i + 1) == Some(&b' ') => {
                parts.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push((start, prefix.len()));
    let text = |(a, b): (usize, usize)| prefix.get(a..b).unwrap_or("");
    let mut index = parts.len();
    while index > 0 {
        let part = text(parts.get(index - 1).copied().unwrap_or((0, 0))).trim();
        let coordinated = part.ends_with(" and") || part == "and";
        if part.is_empty() || is_filler(part) || coordinated {
            index -= 1;
            continue;
        }
        break;
    }
    let Some(&(mut begin, _)) = index.checked_sub(1).and_then(|i| parts.get(i)) else {
        return Span::default();
    };
    let end = parts.get(index - 1).map_or(0, |p| p.1);
    let part = text((begin, end)).trim_start();
    // Where the subject's head ends: a relative clause or appositive taken in below is not
    // searched for a conjunction ("Another defector, who was sent there after being repatriated,").
    let mut head_end = end;
    if index >= 2 {
        let previous = parts.get(index - 2).copied().unwrap_or((0, 0));
        // "A second source, from Hoeryong, said", "The report, based on interviews with ...,
        // said": a place, group or basis set off by commas.
        let relative = ["who ", "which ", "from ", "in ", "near ", "based in ", "based on ", "inside ", "at "]
            .iter()
            .any(|w| part.get(..w.len()).is_some_and(|start| start.eq_ignore_ascii_case(w)));
        let named_before = starts_with_name(text(previous)) || is_proper_name_phrase(text(previous).trim());
        let appositive = named_before && !is_pure_name(text((begin, end)));
        // "North Korea's ambassador in Geneva, Han Tae Song, said": the office, then the name.
        let office_then_name = index == 2 && is_pure_name(text((begin, end)).trim()) && names_role(text(previous));
        if relative || appositive || office_then_name {
            begin = previous.0;
            head_end = previous.1;
            if relative && index >= 3 {
                let before = parts.get(index - 3).copied().unwrap_or((0, 0));
                if starts_with_name(text(before)) && !starts_with_name(text(previous)) {
                    begin = before.0;
                    head_end = before.1;
                }
            }
        }
    }
    // "... comes after Radio Free Asia's Korean service": the subject follows the conjunction.
    const CONJUNCTIONS: &[&str] = &[" after ", " because ", " while ", " when ", " but ", " since ", " as ", " and "];
    let part_text = prefix.get(begin..head_end).unwrap_or("");
    let mut padded = String::with_capacity(part_text.len() + 1);
    padded.push(' ');
    padded.push_str(part_text);
    padded.make_ascii_lowercase();
    if let Some(cut) = CONJUNCTIONS.iter().filter_map(|c| padded.rfind(c).map(|i| i + c.len())).max() {
        begin += cut.saturating_sub(1).min(part_text.len());
    }
    let slice = prefix.get(begin..end).unwrap_or("");
    let lead = slice.len() - slice.trim_start_matches([' ', ',']).len();
    let trimmed = slice.trim_start_matches([' ', ',']).trim_end();
    Span::new(begin + lead, begin + lead + trimmed.len())
}

/// Where a source phrase written after its verb ends: at the first comma, unless an appositive
/// follows ("said Andrei Lankov, a professor at Kookmin University").
pub fn appositive_end(after: &str) -> usize {
    let Some(comma) = after.find(',') else {
        return after.len();
    };
    let rest = after.get(comma + 1..).unwrap_or("").trim_start().to_ascii_lowercase();
    // "said Elaine Pearson, Asia director at Human Rights Watch": a bare role noun phrase.
    let segment = rest.split(',').next().unwrap_or("");
    let names_role = segment.split_whitespace().count() <= 8 && segment.split_whitespace().any(|w| cues::ROLE_WORDS.contains(&w.trim_end_matches(['.', ';'])));
    let appositive = ["a ", "an ", "the ", "who "].iter().any(|w| rest.starts_with(w)) || names_role;
    if appositive {
        let second = after.get(comma + 1..).and_then(|r| r.find(',')).map_or(after.len(), |c| comma + 1 + c);
        return second;
    }
    comma
}

/// A claim found by quotes.rs or reported.rs, before its source is resolved.
struct Found {
    kind: &'static str,
    content: Span,
    attribution: Attribution,
    via_span: Option<Span>,
}

/// The hedge words in one automaton, matched ASCII-case-insensitively on the text as written.
static HEDGE_MATCHER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(cues::HEDGES.iter().map(|(w, _)| *w)).ok());

/// Whether lower-casing `text` changes only ASCII letters: then a hedge is at the same bytes,
/// with the same neighbours, in `text` as in its lower-cased copy.
fn lowercase_keeps_layout(text: &str) -> bool {
    text.is_ascii()
        || text.chars().filter(|c| !c.is_ascii()).all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
}

/// Which hedges (by index into `cues::HEDGES`) occur as whole words in `text`, lower-cased.
fn hedges_present(text: &str) -> Vec<bool> {
    let mut present = vec![false; cues::HEDGES.len()];
    match HEDGE_MATCHER.as_ref() {
        Some(matcher) if lowercase_keeps_layout(text) => {
            // An occurrence that a left-to-right search of its hedge alone would skip starts
            // inside the previous one, after a letter, so it is no whole word (a test checks).
            for m in matcher.find_overlapping_iter(text) {
                if sources::is_word_boundary(text, m.start(), m.end()) {
                    if let Some(slot) = present.get_mut(m.pattern().as_usize()) {
                        *slot = true;
                    }
                }
            }
        }
        _ => {
            let lower = text.to_lowercase();
            for ((word, _), slot) in cues::HEDGES.iter().zip(present.iter_mut()) {
                *slot = lower.match_indices(word).any(|(i, _)| sources::is_word_boundary(&lower, i, i + word.len()));
            }
        }
    }
    present
}

fn hedges_in(text: &str, cue: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for ((_, code), present) in cues::HEDGES.iter().zip(hedges_present(text)) {
        if present && !found.iter().any(|f| f == code) {
            found.push(code.to_string());
        }
    }
    if cues::HEDGING_CUES.contains(&cue) && !found.iter().any(|f| f == cue) {
        found.push(cue.to_string());
    }
    found
}

pub fn extract(doc: &Document, lexicon: &Lexicon, time: &TimeAnalysis) -> Vec<Claim> {
    extract_with_names(doc, lexicon, &lexicon.find(&doc.norm), time)
}

/// [`extract`] with the document's gazetteer names already found (the pipeline finds them once
/// for every stage).
pub fn extract_with_names(doc: &Document, lexicon: &Lexicon, names: &[Hit], time: &TimeAnalysis) -> Vec<Claim> {
    let cue_hits = find_cues(&doc.norm);
    let segments = quotes::segments(doc);
    let quote_claims = quotes::attributed(doc, &segments, &cue_hits);
    let used: std::collections::HashSet<Span> = quote_claims.iter().map(|q| q.attribution.cue_span).collect();
    let mut masks: Vec<Span> = segments.iter().map(|s| Span::new(s.open, s.close.map_or(s.content.end, |c| c + 1))).collect();
    masks.sort();
    // The furthest end of the masks up to each one: whether a mask contains a span is then one
    // binary search (masks of unclosed quotes can overlap later ones).
    let mask_reach: Vec<usize> = masks
        .iter()
        .scan(0usize, |reach, m| {
            *reach = (*reach).max(m.end);
            Some(*reach)
        })
        .collect();
    let inside_mask = |span: Span| {
        let starting_before = masks.partition_point(|m| m.start <= span.start);
        starting_before.checked_sub(1).and_then(|last| mask_reach.get(last)).is_some_and(|&reach| reach >= span.end)
    };
    // Sentences try the same phrases under several readings, and the phrases accepted are read
    // again when sources are resolved: each is described once.
    let descriptions = sources::Descriptions::default();
    let accept =
        |phrase: &str| descriptions.read(phrase, |d| d.is_some_and(|d| d.desc.reference != Reference::Pronoun || phrase.split_whitespace().count() <= 3));

    let mut found: Vec<Found> =
        quote_claims.into_iter().map(|q| Found { kind: "quote", content: q.content, attribution: q.attribution, via_span: None }).collect();
    for sentence in &doc.sentences {
        // Headlines summarise claims made in the body ("U.N.: Data lacking on ... reported release").
        if doc.paragraphs.get(sentence.paragraph).is_some_and(|p| p.kind == crate::text::BlockKind::Title) {
            continue;
        }
        // Cue hits and quotation masks are sorted by start: look only at this sentence's range.
        let first = cue_hits.partition_point(|h| h.span.start < sentence.span.start);
        let hits: Vec<&CueHit> = cue_hits
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|h| h.span.start < sentence.span.end)
            .filter(|h| sentence.span.contains(h.span))
            .filter(|h| {
                let m = masks.partition_point(|m| m.end <= h.span.start);
                !masks.get(m).is_some_and(|m| m.overlaps(h.span)) && !used.contains(&h.span)
            })
            .collect();
        if hits.is_empty() {
            continue;
        }
        for claim in reported::in_sentence(doc, sentence.span, &hits, &accept) {
            let inside_quote = inside_mask(claim.content);
            if !inside_quote {
                // A quotation that runs into narration before its cue ("\"...\" Kim's generosity, he added").
                let kind = if doc.slice(claim.content).starts_with('"') { "quote" } else { "reported" };
                found.push(Found { kind, content: claim.content, attribution: claim.attribution, via_span: claim.via_span });
            }
        }
    }

    // Resolve sources in the order their attributions are written.
    let provinces: Vec<(usize, String)> = names
        .iter()
        .filter(|h| h.kind == EntryKind::Place)
        .filter_map(|h| {
            let id = h.ids.first()?;
            let place = lexicon.place(id)?;
            (place.kind == "province").then(|| (h.span.start, id.clone()))
        })
        .collect();
    found.sort_by_key(|f| (f.attribution.source.start, f.content.start));
    let mut registry = sources::Registry::default();
    let mut by_phrase: HashMap<Span, usize> = HashMap::new();
    let mut resolved: Vec<(usize, SourceDesc)> = Vec::with_capacity(found.len());
    for f in &found {
        let source = f.attribution.source;
        // Lexicon hits come sorted by start.
        let last_province = provinces.partition_point(|(pos, _)| *pos < source.start).checked_sub(1).and_then(|i| provinces.get(i)).map(|(_, id)| id.clone());
        let context = PhraseContext { lexicon, last_province, with_places: true };
        let desc = descriptions.read(doc.slice(source), |d| d.map_or_else(|| SourceDesc::unknown(doc.slice(source)), |d| d.placed(&context)));
        let paragraph = doc.paragraph_index_at(source.start).unwrap_or(0);
        let index = match by_phrase.get(&source) {
            Some(&i) => i,
            None => {
                let i = registry.resolve(&desc, paragraph);
                by_phrase.insert(source, i);
                // A new source that only corroborates is not who "the source" means next.
                let corroborates = f.content.start == f.attribution.cue_span.start;
                let fresh = registry.entries.len() == i + 1 && registry.entries.get(i).is_some_and(|e| e.first_paragraph == paragraph);
                registry.mark_passing(i, corroborates && fresh);
                i
            }
        };
        resolved.push((index, desc));
    }

    let mut claims: Vec<Claim> = found
        .iter()
        .zip(resolved)
        .filter_map(|(f, (index, desc))| {
            let entry = registry.entries.get(index)?;
            let tail_text = doc.slice(f.attribution.tail);
            // "told Daily NK", "reported to Daily NK", "said to RFA": the outlet spoken to.
            let spoke_to = f.attribution.cue == "told" || tail_text.trim_start().get(..3).is_some_and(|w| w.eq_ignore_ascii_case("to "));
            let reported_to = spoke_to
                .then(|| sources::find_outlets(tail_text).into_iter().find(|o| tail_text.get(..o.0).is_some_and(|b| b.split_whitespace().count() <= 2)))
                .flatten()
                .map(|o| o.2.to_string())
                .or_else(|| desc.outlet_in_phrase.clone());
            let via = f.via_span.and_then(|v| sources::find_outlets(doc.slice(v)).first().map(|o| o.2.to_string())).or_else(|| desc.via.clone());
            let source = f.attribution.source;
            // A date in the source phrase dates the speaking only in the phrase's own words ("North
            // Korea on Friday said"), not inside a clause describing the source ("a defector, who
            // was repatriated in 2016, said").
            let describes_source = |e: &TimeExpr| {
                let lead = doc.norm.get(source.start..e.span.start).unwrap_or("");
                lead.contains(',') || lead.split_whitespace().any(|w| ["who", "whom", "which", "that", "when"].iter().any(|r| w.eq_ignore_ascii_case(r)))
            };
            let said_date_value = time
                .within(f.attribution.tail)
                .chain(time.within(source).filter(|e| !describes_source(e)))
                .find(|e| e.kind == TimeKind::Date && e.value.is_some())
                .and_then(|e| e.value.clone());
            let mut hedge_text = doc.slice(f.content).to_string();
            hedge_text.push(' ');
            hedge_text.push_str(doc.slice(f.attribution.source));
            let (place, admin1) =
                if desc.place.is_some() { (desc.place.clone(), desc.admin1.clone()) } else { (entry.desc.place.clone(), entry.desc.admin1.clone()) };
            let source_text = if desc.reference == Reference::Pronoun { entry.desc.text.clone() } else { desc.text.clone() };
            Some(Claim {
                kind: f.kind.to_string(),
                span: without_dateline(doc, f.content),
                cue: Some(f.attribution.cue.to_string()),
                source_text: Some(source_text),
                source_index: index,
                source_type: entry.desc.source_type.clone(),
                source_name: entry.desc.name.clone(),
                source_place: place,
                source_admin1: admin1,
                source_rank: desc.rank.clone().or_else(|| entry.desc.rank.clone()),
                reported_to,
                via,
                said_date_value,
                hedges: hedges_in(&hedge_text, f.attribution.cue),
            })
        })
        .collect();
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims.dedup_by(|a, b| a.span == b.span);
    // Number sources in order of first appearance.
    let mut numbering: HashMap<usize, usize> = HashMap::new();
    for claim in &mut claims {
        let next = numbering.len();
        claim.source_index = *numbering.entry(claim.source_index).or_insert(next);
    }
    claims
}

#[cfg(test)]
mod tests;
