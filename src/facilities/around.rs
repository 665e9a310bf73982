//! The words around a term: what stands left of it (determiner, count, "No. 25", place name,
//! agency, adjectives) and right of it ("in Sinuiju and Onsong", "run by the Ministry of ...").
//! Each walker stays inside the term's sentence and only reads `doc.norm`.

use std::sync::LazyLock;

use regex::Regex;

use super::detect::{Context, Mention};
use super::terms::{self, Head};
use crate::lexicon::EntryKind;
use crate::text::{regex, Span};

static NUMBER_LEFT: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)(?:No\.?|Number|#)\s*(\d{1,3})\s*$"));
/// "run by the", "under the control of the", "of the", "affiliated with municipal ... ".
static OPERATOR_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i-u)^\s*(?:system|network|complex)?\s*,?\s*(?:(?:which|that)\s+(?:is|are|was|were)\s+)?(?:(?:(?:run|operated|managed|administered|controlled|overseen|supervised|guarded|maintained)\s+by|under|of|belonging\s+to|attached\s+to)\s+(?:the\s+)?(?:(?:control|jurisdiction|supervision|management|command|auspices|authority)\s+of\s+(?:the\s+)?)?(?:North\s+Korea(?:'s|n)\s+|North\s+Korean\s+|regime's\s+|country's\s+)?|affiliated\s+with\s+(?:[A-Za-z\-]+,?\s+){0,5}?)$",
    )
});
/// "in", "at the city of", after any gloss in brackets ("the kyohwaso (reeducation camp) at").
static IN_PLACES_CUE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i-u)^\s*(?:\((?u:[^()]){1,40}\)\s*)?(?:in|at|near|of)\s+(?:the\s+)?(?:city\s+of\s+|county\s+of\s+)?$"));
static PLACE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i-u)^(?:\s*(?:County|City|Province|District|-gun|-si|-ri))?\s*(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$"));
static PLACE_TO_TERM: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i-u)^(?:'s|s')?\s*(?:(?:County|City|Province|District|Provincial|Municipal|County's|City's|Province's)\s+)?$"));
/// What `\s` matches in the `(?-u)` patterns here (the vertical tab too, unlike `is_ascii_whitespace`).
pub(super) const REGEX_ASCII_SPACES: [char; 6] = [' ', '\t', '\n', '\x0B', '\x0C', '\r'];

/// The last word or punctuation mark before the spaces at the end of `before`, and where it
/// starts: what `(?-u)([A-Za-z0-9][A-Za-z0-9'\-\.]*|,|;|:|\(|\)|\[|\]|")\s*$` captures (the tests
/// compare the two), without a regex call: the walk to the left asks for it at every word.
///
/// A word is the trailing run of letters, digits, `'`, `-` and `.`, from its first letter or
/// digit (the leftmost place the pattern can start); without one, a lone mark of the list.
fn word_left(before: &str) -> Option<(usize, &str)> {
    let end = before.trim_end_matches(REGEX_ASCII_SPACES).len();
    let head = before.as_bytes().get(..end)?;
    let in_word = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.');
    let run_start = head.iter().rposition(|b| !in_word(b)).map_or(0, |i| i + 1);
    if let Some(first_alnum) = head.get(run_start..).and_then(|run| run.iter().position(u8::is_ascii_alphanumeric)) {
        let start = run_start + first_alnum;
        return before.get(start..end).map(|word| (start, word));
    }
    match head.last() {
        Some(b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'"') => before.get(end - 1..end).map(|mark| (end - 1, mark)),
        _ => None,
    }
}

/// Places after the term: "holding centers in Sinuiju and Onsong", "Prison No. 11 in Chungsan".
/// Returns false when the place shows the facility is foreign.
pub(super) fn right_places(cx: &Context, m: &mut Mention, sentence: Span) -> bool {
    let text = cx.text();
    let mut pos = m.span.end;
    let mut first = true;
    let mut places = Vec::new();
    for hit in cx.hits_starting_in(m.span.end, sentence.end.saturating_add(1)).iter().filter(|h| h.span.start >= m.span.end && h.span.end <= sentence.end) {
        if hit.kind != EntryKind::Place && hit.kind != EntryKind::Facility {
            continue;
        }
        let Some(between) = text.get(pos..hit.span.start) else {
            break;
        };
        let ok = if first { IN_PLACES_CUE.is_match(between) } else { PLACE_JOIN.is_match(between) };
        if !ok {
            break;
        }
        if cx.foreign_place(hit) {
            // "a detention center in China" is not North Korean; "near the China border" says nothing
            if first && !between.to_ascii_lowercase().contains("near") {
                return false;
            }
            break;
        }
        first = false;
        if hit.kind == EntryKind::Place {
            places.extend(hit.ids.iter().cloned());
        } else {
            m.facility_hits.extend(hit.ids.iter().cloned());
        }
        pos = hit.span.end;
    }
    if !places.is_empty() || pos > m.span.end {
        m.places.extend(places);
        m.span.end = pos;
    }
    true
}

/// "run by the Ministry of State Security", "under the Ministry of ...", "of the MPS",
/// "affiliated with municipal and county-level police offices".
pub(super) fn right_operator(cx: &Context, m: &mut Mention, sentence: Span) {
    let text = cx.text();
    let reach = m.span.end.saturating_add(91);
    let Some(agency) =
        cx.agencies_starting_in(m.span.end, reach).iter().find(|a| a.span.start >= m.span.end && a.span.end <= sentence.end && a.span.start <= m.span.end + 90)
    else {
        return;
    };
    let Some(between) = text.get(m.span.end..agency.span.start) else {
        return;
    };
    if OPERATOR_CUE.is_match(between) {
        m.operator = Some(agency.code);
    }
}

/// Walks left from the term over determiners, counts, numbers, places, agencies and adjectives.
/// Returns None when the reference is foreign.
pub(super) fn left_context(cx: &Context, m: &mut Mention, sentence: Span, weak: bool) -> Option<()> {
    let text = cx.text();
    let mut pos = m.head_span.start;
    let mut skipped = 0;
    let mut start = m.span.start;
    loop {
        if pos <= sentence.start {
            break;
        }
        let before = text.get(sentence.start..pos)?;
        if weak && not_penal(before, m.head) {
            return None;
        }
        // agency name or agency anaphor ("Ministry of State Security holding centers", "its camps")
        if let Some(agency) = cx.agencies_starting_in(sentence.start, pos).iter().find(|a| {
            a.span.start >= sentence.start
                && a.span.end <= pos
                && text.get(a.span.end..pos).is_some_and(|gap| {
                    let g = gap.trim();
                    g.is_empty() || g == "'s" || g == "-run" || g == "-operated" || g == "-controlled"
                })
        }) {
            if m.operator.is_none() || !m.operator_left {
                m.operator = Some(agency.code);
                m.operator_left = true;
            }
            start = agency.span.start;
            pos = agency.span.start;
            // "the Ministry of ...'s": keep walking to the determiner
            continue;
        }
        // place or facility name
        if let Some(hit) = cx.hits_starting_in(sentence.start, pos).iter().rev().find(|h| {
            h.span.start >= sentence.start
                && h.span.end <= pos
                && (h.kind == EntryKind::Place || h.kind == EntryKind::Facility)
                && text.get(h.span.end..pos).is_some_and(|gap| PLACE_TO_TERM.is_match(gap))
        }) {
            if cx.foreign_place(hit) {
                return None;
            }
            if hit.kind == EntryKind::Place {
                m.places.extend(hit.ids.iter().cloned());
            } else {
                m.facility_hits.extend(hit.ids.iter().cloned());
            }
            start = hit.span.start;
            pos = hit.span.start;
            continue;
        }
        // (The number pattern ends with a digit and spaces.)
        let number_last = before.trim_end_matches(REGEX_ASCII_SPACES).ends_with(|c: char| c.is_ascii_digit());
        if let Some(caps) = number_last.then(|| NUMBER_LEFT.captures(before)).flatten() {
            if let (Some(n), Some(w)) = (caps.get(1), caps.get(0)) {
                if m.number.is_none() {
                    m.number = Some(n.as_str().to_string());
                }
                start = sentence.start + w.start();
                pos = start;
                continue;
            }
        }
        let Some((word_offset, word)) = word_left(before) else {
            break;
        };
        let lower = word.to_ascii_lowercase();
        let word_start = sentence.start + word_offset;
        let lower_clean = lower.trim_end_matches('.');
        if word == "\"" || word == "'" {
            pos = word_start;
            continue;
        }
        if terms::FOREIGN_MODIFIERS.contains(&lower_clean) {
            return None;
        }
        if let Some(count) = count_value(lower_clean) {
            // romanised terms do not inflect: "about 20 kyohwaso"
            if m.plural || (info_native(m) && count > 1) {
                m.plural = true;
                m.count = Some(count);
                start = word_start;
                // "the two camps": a count after a determiner points back
                if let Some((_, prev)) = text.get(sentence.start..word_start).and_then(word_left) {
                    let pl = prev.to_ascii_lowercase();
                    if terms::DETERMINERS.contains(&pl.as_str()) {
                        m.definite = true;
                        if weak {
                            m.count = None;
                        }
                    }
                }
                // "about 25", "more than 20"
                if let Some((prev_offset, prev)) = text.get(sentence.start..word_start).and_then(word_left) {
                    let pl = prev.to_ascii_lowercase();
                    if ["about", "some", "around", "nearly", "approximately", "over", "roughly"].contains(&pl.as_str()) {
                        start = sentence.start + prev_offset;
                    }
                }
            }
            break;
        }
        if terms::DETERMINERS.contains(&lower_clean) {
            m.definite = true;
            if ["its", "their"].contains(&lower_clean) && m.operator.is_none() {
                m.operator = cx.agency_before(word_start);
                m.operator_left = m.operator.is_some();
            }
            break;
        }
        if terms::INDEFINITES.contains(&lower_clean) {
            m.indefinite = true;
            m.one_unnamed = matches!(lower_clean, "a" | "an" | "another" | "one") && !m.plural;
            break;
        }
        if lower == "korea's" || lower == "korean" || lower == "north" || lower == "country's" || lower == "regime's" || lower == "nation's" {
            // "North Korea's prisons", "the country's prisons": the country's class, not an anaphor
            pos = word_start;
            continue;
        }
        if lower == "ministry's" || lower == "agency's" {
            if m.operator.is_none() {
                m.operator = cx.agency_before(word_start);
                m.operator_left = m.operator.is_some();
            }
            m.definite = true;
            break;
        }
        let is_word = lower.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if !is_word || STOP_WORDS.contains(&lower_clean) || skipped >= 3 {
            break;
        }
        skipped += 1;
        pos = word_start;
    }
    m.span.start = start.min(m.head_span.start);
    Some(())
}

const STOP_WORDS: &[&str] = &[
    "in",
    "at",
    "of",
    "to",
    "from",
    "into",
    "on",
    "for",
    "with",
    "by",
    "and",
    "or",
    "but",
    "as",
    "than",
    "out",
    "outside",
    "inside",
    "between",
    "among",
    "across",
    "throughout",
    "under",
    "within",
    "near",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "not",
    "no",
    "all",
    "many",
    "most",
    "several",
    "various",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "myriad",
    "number",
    "which",
    "that",
    "who",
    "where",
    "when",
    "after",
    "before",
    "while",
    "said",
    "says",
    "told",
    "sent",
];

/// Whether the word before a weak head makes it something else ("refugee camp", "city center").
fn not_penal(before: &str, head: Option<Head>) -> bool {
    let Some((_, word)) = word_left(before) else {
        return false;
    };
    let w = word.to_ascii_lowercase();
    terms::NOT_PENAL_MODIFIERS.contains(&w.as_str())
        || (head == Some(Head::Center) && ["city", "town", "downtown", "village", "district"].contains(&w.as_str()))
}

fn info_native(m: &Mention) -> bool {
    m.head == Some(Head::Native)
}

fn count_value(word: &str) -> Option<i32> {
    // Count words before a plural ("12 re-education camps", "five political prison camps").
    if let Some(n) = crate::text::numbers::cardinal(word).or((word == "both").then_some(2)) {
        return Some(n);
    }
    if !word.is_empty() && word.len() <= 5 && word.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return word.replace(',', "").parse().ok();
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// `word_left` against the pattern it stands for, on every short string over an alphabet of
    /// the characters that matter.
    #[test]
    fn word_left_is_the_pattern() {
        let pattern = regex(r#"(?-u)([A-Za-z0-9][A-Za-z0-9'\-\.]*|,|;|:|\(|\)|\[|\]|")\s*$"#);
        let alphabet = ["a", "Z", "7", "'", "-", ".", ",", ")", "\"", " ", "\t", "\x0B", "é", "_", "!"];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            strings.extend(longer.into_iter().filter(|s| s.chars().count() <= 4));
            strings.sort();
            strings.dedup();
        }
        for s in &strings {
            let expected = pattern.captures(s).and_then(|c| c.get(1)).map(|m| (m.start(), m.as_str()));
            assert_eq!(word_left(s), expected, "{s:?}");
        }
        assert!(strings.len() > 10_000);
    }
}
