//! Reported speech: one pass over each sentence's cue hits (outside quotations) to find
//! "According to X, ...", "X said/told Daily NK (that) ...", "..., X said." / "..., said X." and
//! "..., according to X." The claim's span is the clause that is said, never the attribution.
//!
//! The source phrase decides: a cue counts only when the words before it (or after it, in
//! "said X") read as a source (`accept`), which keeps narration such as "most prisoners were said
//! to be" or "they made false reports that" out.

use std::sync::LazyLock;

use regex::Regex;

use super::cues::SELF_OBJECTS;
use super::{subject_of, Attribution, CueHit};
use crate::text::{Document, Span};

/// A reported-speech claim before source resolution.
#[derive(Debug, Clone)]
pub struct ReportedClaim {
    pub content: Span,
    pub attribution: Attribution,
    /// An outlet relaying the attribution ("..., Donga Ilbo reported", "according to the AP").
    pub via_span: Option<Span>,
}

const PREPOSITIONS: &[&str] = &["near", "in", "from", "of", "at", "on", "with", "to", "by", "for", "and", "but", "while", "after", "before", "because", "as"];

fn trim_span(doc: &Document, span: Span) -> Span {
    let text = doc.slice(span);
    let lead = text.len() - text.trim_start_matches([' ', ',', ':', ';']).len();
    let kept = text.trim_start_matches([' ', ',', ':', ';']).trim_end_matches([' ', ',', '.', ';', ':']);
    Span::new(span.start + lead, span.start + lead + kept.len())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn negated_or_passive(prefix: &str) -> bool {
    let mut words = prefix.split_whitespace().rev().map(str::to_ascii_lowercase);
    let last = words.next().unwrap_or_default();
    let passive = matches!(last.as_str(), "was" | "were" | "is" | "are" | "be" | "been" | "being");
    // "the possessive" in "North Korea's reported release" is no reporting verb either.
    let possessive = last.ends_with("'s");
    let negated = std::iter::once(last).chain(words.take(2)).any(|w| w == "not" || w == "never" || w.ends_with("n't"));
    passive || possessive || negated
}

/// "North Korea has added guard towers", "the regime has found new ways": a perfect tense with
/// an object is narration, not a report (which would go on with "that").
fn is_narrative_perfect(prefix: &str, hit: &CueHit, after: &str) -> bool {
    let auxiliary = prefix.split_whitespace().next_back().is_some_and(|w| ["has", "have", "had"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    auxiliary && matches!(hit.cue, "added" | "found") && after_that(after, 1).is_none()
}

/// Words that open a reported clause without carrying one ("said anything about").
const EMPTY_CONTENT: &[&str] = &["anything", "nothing", "little", "much", "so"];

fn meaningful_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.is_empty() && !super::is_listed(super::cues::FILLER_WORDS, w) && !super::is_listed(&["night", "morning", "evening", "afternoon"], w)
        })
        .count()
}

/// "the South Pyongan source the man in his 50s ...": an "according to" phrase without its comma
/// ends at the source's head noun.
fn source_end_without_comma(phrase: &str) -> Option<usize> {
    const MODIFIERS: &[&str] = &["in", "from", "of", "based", "who", "at", "inside", "near", "with", "on", "speaking", "familiar", "close", "within"];
    let mut offset = 0;
    let mut words = phrase.split_inclusive(' ').peekable();
    while let Some(word) = words.next() {
        offset += word.len();
        let clean = word.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        if matches!(clean.as_str(), "source" | "sources" | "partner" | "resident" | "residents") {
            let next = words.peek().map(|w| w.trim().to_ascii_lowercase()).unwrap_or_default();
            if !MODIFIERS.contains(&next.as_str()) && !next.is_empty() {
                return Some(offset);
            }
        }
    }
    None
}

fn starts_with_preposition(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    PREPOSITIONS.contains(&first.as_str())
}

/// Words that may stand between a source and its verb without being part of the source
/// ("Defectors have said", "the ministry has also said", "officials would later say").
const AUXILIARIES: &[&str] =
    &["have", "has", "had", "also", "again", "previously", "repeatedly", "reportedly", "long", "later", "earlier", "would", "will", "often"];

/// The source phrase without the auxiliaries and adverbs that end it before the verb.
fn without_auxiliaries(doc: &Document, span: Span) -> Span {
    let mut end = span.end;
    loop {
        let text = doc.norm.get(span.start..end).unwrap_or("").trim_end();
        let last_start = text.rfind(' ').map_or(0, |i| i + 1);
        let last = text.get(last_start..).unwrap_or("");
        if last_start == 0 || !AUXILIARIES.iter().any(|a| a.eq_ignore_ascii_case(last)) {
            return Span::new(span.start, span.start + text.len());
        }
        end = span.start + last_start;
    }
}

/// Days this press puts right after the reporting verb for when the source spoke ("said Friday
/// it has arrested ...", "said on Tuesday it could not confirm"), never part of what was said.
const SAID_DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
const DAY_AS_SUBJECT: &[&str] = &["was", "is", "will", "would", "marks", "marked", "had", "has"];

/// Where, when and to whom the source spoke, between the verb and what was said: "said in a
/// report released today", "said in a statement on Tuesday", "reported to Daily NK on
/// Wednesday", "reported at the time".
static SAID_IN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"^\s*(?:at\s+(?:the|that)\s+time|earlier|later|previously|last\s+(?:week|month|year)|to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}(?:'s\s+Korean\s+Service)?|(?:on\s+[A-Z]\w+\s+)?in\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|interview|briefing|press release|press conference|commentary|article|editorial|speech|letter|post|message|dispatch|broadcast)(?:\s+(?:released|published|issued|posted|aired|carried|sent))?)",
    )
});

/// Length of the said-where and said-when words that follow the verb in `after`, or 0.
fn said_tail_len(after: &str) -> usize {
    let place = SAID_IN.find(after).map_or(0, |m| m.end());
    let rest = after.get(place..).unwrap_or("");
    let day = said_day_len(rest);
    if day == 0 {
        // "in a report released" without a day: the words up to the phrase's end.
        return place;
    }
    place + day
}

/// Length of a leading said-day phrase in `after` (the text right after the verb), or 0.
fn said_day_len(after: &str) -> usize {
    let mut offset = 0;
    let mut words = after.split_inclusive(' ').peekable();
    let bare = |w: &str| w.trim().trim_end_matches([',', '.']).to_ascii_lowercase();
    if words.peek().is_some_and(|w| w.trim().is_empty()) {
        offset += words.next().map_or(0, str::len);
    }
    if words.peek().is_some_and(|w| bare(w) == "on") {
        offset += words.next().map_or(0, str::len);
    }
    let Some(day) = words.next().filter(|w| SAID_DAYS.contains(&bare(w).as_str())) else { return 0 };
    offset += day.len();
    if !day.contains(',') && words.peek().is_some_and(|w| DAY_PARTS.contains(&bare(w).as_str())) {
        offset += words.next().map_or(0, str::len);
    }
    // "said Monday was the day ...": the day is what was said, the subject of its clause.
    if words.next().is_some_and(|w| DAY_AS_SUBJECT.contains(&bare(w).as_str())) {
        return 0;
    }
    // Stop before a comma that ends the day ("reported Monday, citing ...").
    let taken = after.get(..offset).unwrap_or("");
    taken.find(',').unwrap_or(taken.trim_end().len())
}

/// Whether nothing but said-where and said-when words follow a cue to the end of its clause
/// ("..., Donga Ilbo reported on Monday.", "..., the paper reported, citing ...").
fn ends_clause(after: &str) -> bool {
    let rest = after.get(said_tail_len(after)..).unwrap_or("").trim_start();
    rest.is_empty() || rest.starts_with(['.', ',', ';'])
}

/// Subject pronouns that open a clause told without "that".
const CLAUSE_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// "told researchers she had been ...": the byte where the told clause starts, when a subject
/// pronoun follows a listener of at most three words.
fn after_listener(after: &str) -> Option<usize> {
    let mut offset = 0;
    for (n, word) in after.split_inclusive(' ').enumerate() {
        let bare = word.trim();
        if n > 0 && CLAUSE_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(bare)) {
            return Some(offset);
        }
        if n > 3 || bare.contains([',', '.', ';', ':', '"']) {
            return None;
        }
        offset += word.len();
    }
    None
}

/// Words that make a clause of their own: a "that" after them ("said the shift did not mean that
/// ...") belongs to that clause, not to the reporting verb.
const CLAUSE_VERBS: &[&str] =
    &["is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "not"];

/// Byte just after " that " within the first `max_words` words of `text`, when no word between
/// the verb and it makes a clause of its own.
fn after_that(text: &str, max_words: usize) -> Option<usize> {
    let mut offset = 0;
    for (n, word) in text.split_inclusive(' ').enumerate() {
        if n > max_words {
            return None;
        }
        offset += word.len();
        let bare = word.trim();
        if bare == "that" {
            return Some(offset);
        }
        if word.contains(['.', ';']) || CLAUSE_VERBS.contains(&bare) {
            return None;
        }
    }
    None
}

/// Reported-speech claims of one sentence. `usable` tells which cue hits are free (outside
/// quotations, not used by a quotation's attribution); `accept` whether a phrase is a source.
pub fn in_sentence(doc: &Document, sentence: Span, hits: &[&CueHit], accept: &dyn Fn(&str) -> bool) -> Vec<ReportedClaim> {
    let mut claims = Vec::new();
    let text_of = |a: usize, b: usize| doc.norm.get(a..b).unwrap_or("");
    let sentence_end = sentence.end;
    // 1. "According to X, CONTENT."
    if let Some(hit) = hits.first().filter(|h| h.cue == "according to") {
        let prefix = text_of(sentence.start, hit.span.start).trim();
        if prefix.is_empty() || (prefix.ends_with(',') && word_count(prefix) == 1) {
            let rest = text_of(hit.span.end, sentence_end);
            // "According to Yonhap, which cited a government official, ...".
            let comma = rest.find(", ").map(|c| {
                let after = rest.get(c + 2..).unwrap_or("");
                let relative = after.starts_with("which ") || after.starts_with("who ");
                match after.find(", ") {
                    Some(next) if relative => c + 2 + next,
                    _ => c,
                }
            });
            let bare_end = source_end_without_comma(rest.get(..comma.unwrap_or(rest.len())).unwrap_or(""));
            if let Some(end) = bare_end {
                let source = trim_span(doc, Span::new(hit.span.end, hit.span.end + end));
                let content = trim_span(doc, Span::new(hit.span.end + end, sentence_end));
                if accept(doc.slice(source)) && word_count(doc.slice(content)) >= 3 {
                    let attribution = Attribution { cue: hit.cue, cue_span: hit.span, source, tail: source };
                    claims.push(ReportedClaim { content, attribution, via_span: None });
                    return claims;
                }
            }
            if let Some(comma) = comma {
                let source = trim_span(doc, Span::new(hit.span.end, hit.span.end + comma));
                let content = trim_span(doc, Span::new(hit.span.end + comma + 1, sentence_end));
                if accept(doc.slice(source)) && word_count(doc.slice(content)) >= 3 {
                    let attribution = Attribution { cue: hit.cue, cue_span: hit.span, source, tail: source };
                    claims.push(ReportedClaim { content, attribution, via_span: None });
                    return claims;
                }
            }
        }
    }
    // "CONTENT, according to X, which added that CONTENT": two claims of one source.
    if let Some(pair) = according_to_then_relative(doc, sentence, hits, accept) {
        return pair;
    }
    // "X welcomed the release, saying CONTENT": the main clause's subject speaks.
    if let Some(claim) = hits.iter().find_map(|hit| participle_claim(doc, sentence, hit, accept)) {
        claims.push(claim);
        return claims;
    }
    // 2. "X said (that) CONTENT": the subject is the clause right before the cue.
    for (n, hit) in hits.iter().enumerate() {
        if hit.cue == "according to" || hit.cue == "saying" {
            continue;
        }
        let prefix = text_of(sentence.start, hit.span.start);
        if let Some(claim) = passive_by(doc, sentence, hit, accept) {
            claims.push(claim);
            return claims;
        }
        if negated_or_passive(prefix) || is_narrative_perfect(prefix, hit, text_of(hit.span.end, sentence_end)) {
            continue;
        }
        let subject = subject_of(prefix);
        let mut source = without_auxiliaries(doc, Span::new(sentence.start + subject.start, sentence.start + subject.end));
        let subject_text = doc.slice(source);
        let first_word = subject_text.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let last_word = subject_text.split_whitespace().next_back().unwrap_or("").to_ascii_lowercase();
        // "..., said the KCNA." is the trailing form: what follows the verb is the source.
        let after_text = text_of(hit.span.end, sentence_end);
        let after_cue =
            after_text.get(..after_text.find(" who ").unwrap_or_else(|| super::appositive_end(after_text))).unwrap_or("").trim().trim_end_matches('.');
        // "..., said the KCNA" names the source after the verb; after "told" comes the listener.
        let after_comma = hit.cue != "told" && prefix.trim_end().ends_with(',') && word_count(after_cue) <= 8 && accept(after_cue);
        let too_long = word_count(&super::sources::strip_asides(subject_text)) > 25;
        let starts_with_cue = hits.iter().any(|h| h.span.start == source.start);
        if source.is_empty() || after_comma || too_long || starts_with_cue || matches!(last_word.as_str(), "who" | "which" | "that") || first_word == "said" {
            continue;
        }
        if !accept(subject_text) {
            continue;
        }
        let after = text_of(hit.span.end, sentence_end);
        let content_start;
        if hit.cue == "cited" || hit.cue == "quoted" {
            // "cited the NIS as saying that ...", "quoted officials as saying"
            let Some(as_saying) = after.find(" as saying") else {
                continue;
            };
            source = trim_span(doc, Span::new(hit.span.end, hit.span.end + as_saying));
            if !accept(doc.slice(source)) {
                continue;
            }
            let rest = after.get(as_saying + " as saying".len()..).unwrap_or("");
            content_start = hit.span.end + as_saying + " as saying".len() + after_that(rest, 1).unwrap_or(0);
        } else if SELF_OBJECTS.contains(&after.trim().trim_end_matches('.').to_ascii_lowercase().as_str()) {
            // "An additional source corroborated this news."
            content_start = hit.span.start;
        } else if let Some(that) = after_that(after, if hit.cue == "told" { 10 } else { 6 }) {
            content_start = hit.span.end + that;
        } else if let Some(pronoun) = (hit.cue == "told").then(|| after_listener(after)).flatten() {
            content_start = hit.span.end + pronoun;
        } else if hit.cue == "told" || !hit.usage.bare_leading {
            continue;
        } else {
            // "X said Friday it has ...": the day tells when X spoke. A comma right after the verb
            // (and its day) belongs to the trailing form ("..., the paper reported Monday, citing
            // ..."), whose claim is before the source, unless it opens a short aside ("The source
            // said, however, ...").
            let day = said_tail_len(after);
            let rest = after.get(day..).unwrap_or("").trim_start();
            if rest.is_empty() || rest == "." {
                // "..., Human Rights Watch said in a report released today."
                continue;
            }
            if let Some(behind_comma) = rest.strip_prefix(',') {
                let aside = behind_comma.split_once(',').is_some_and(|(words, _)| word_count(words) <= 2);
                if !aside {
                    continue;
                }
            }
            content_start = hit.span.end + day;
        }
        let mut content = trim_span(doc, Span::new(content_start, sentence_end));
        let mut via_span = None;
        // A second attribution at the end relays the first ("..., Donga Ilbo reported.").
        for later in hits.iter().skip(n + 1) {
            if later.span.start < content.start {
                continue;
            }
            let before = text_of(content.start, later.span.start);
            let Some(comma) = before.rfind(", ") else {
                continue;
            };
            let phrase_span = trim_span(doc, Span::new(content.start + comma + 1, later.span.start));
            let phrase = doc.slice(phrase_span);
            if later.cue != "according to" && !ends_clause(text_of(later.span.end, sentence_end)) {
                // "..., officials warned that anyone ...": a cue with its own clause relays nothing.
                continue;
            }
            if later.cue == "according to" {
                let source_end = text_of(later.span.end, sentence_end).find(", ").map_or(sentence_end, |c| later.span.end + c);
                let relayed = trim_span(doc, Span::new(later.span.end, source_end));
                let clause_in = before.get(..comma).unwrap_or("");
                if let Some(clause) = [", but ", "; ", ", while ", ", and "].iter().filter_map(|b| clause_in.rfind(b).map(|i| i + b.len())).max() {
                    let second = trim_span(doc, Span::new(content.start + clause, content.start + comma));
                    let attribution = Attribution { cue: later.cue, cue_span: later.span, source: relayed, tail: relayed };
                    if accept(doc.slice(relayed)) {
                        claims.push(ReportedClaim { content: second, attribution, via_span: None });
                        content.end = content.start + clause;
                    }
                } else {
                    via_span = Some(relayed);
                    content.end = content.start + comma;
                }
                break;
            }
            if !phrase.is_empty() && word_count(phrase) <= 12 && !starts_with_preposition(phrase) && accept(phrase) {
                via_span = Some(phrase_span);
                content.end = content.start + comma;
                break;
            }
        }
        let content = trim_span(doc, content);
        let content_text = doc.slice(content);
        let opener = content_text.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let self_object = content.start == hit.span.start;
        if (meaningful_words(content_text) < 3 && !self_object) || EMPTY_CONTENT.contains(&opener.as_str()) {
            continue;
        }
        // "..., after a report suggested the regime ...": a second source inside the clause.
        let mut content = content;
        for inner in hits.iter().skip(n + 1).filter(|h| h.span.start > content.start && h.span.end < content.end && h.cue != "according to") {
            let inner_prefix = text_of(content.start, inner.span.start);
            let Some(boundary) = inner_prefix.rfind(", ") else {
                continue;
            };
            if starts_with_preposition(inner_prefix) {
                // "at a lecture held in October, officials warned that ...": the opening phrase
                // sets the scene of the inner report, it is no clause of its own.
                continue;
            }
            let subject = subject_of(inner_prefix.get(boundary + 1..).unwrap_or(""));
            let start = content.start + boundary + 1 + subject.start;
            let inner_source = Span::new(start, start + subject.len());
            let clause = trim_span(doc, Span::new(inner.span.end, content.end));
            if !inner_source.is_empty() && subject.start > 1 && accept(doc.slice(inner_source)) && meaningful_words(doc.slice(clause)) >= 3 {
                let attribution = Attribution { cue: inner.cue, cue_span: inner.span, source: inner_source, tail: inner_source };
                claims.push(ReportedClaim { content: clause, attribution, via_span: None });
                content.end = content.start + boundary;
                break;
            }
        }
        let tail = Span::new(hit.span.end, content.start.max(hit.span.end));
        claims.insert(0, ReportedClaim { content, attribution: Attribution { cue: hit.cue, cue_span: hit.span, source, tail }, via_span });
        return claims;
    }
    // 3. "CONTENT, X said." / "CONTENT, said X (who said ...)."
    for (n, hit) in hits.iter().enumerate() {
        if hit.cue == "according to" || !hit.usage.trailing {
            continue;
        }
        let before = text_of(sentence.start, hit.span.start);
        if hit.cue == "told" && before.trim_end().ends_with(',') {
            // "X, spokesman of the ministry, told reporters that ...": the listener follows.
            continue;
        }
        if negated_or_passive(before) {
            continue;
        }
        let after_end = hits.get(n + 1).filter(|h| h.cue == "according to").map_or(sentence_end, |h| h.span.start);
        let tail = Span::new(hit.span.end, sentence_end);
        let via_span = hits.get(n + 1).filter(|h| h.cue == "according to").map(|h| trim_span(doc, Span::new(h.span.end, sentence_end)));
        if before.trim_end().ends_with(',') {
            let comma = sentence.start + before.trim_end().len() - 1;
            let after = text_of(hit.span.end, after_end);
            let (source_len, relative) = match after.find(" who ") {
                Some(who) => (who, Some(who)),
                None => (super::appositive_end(after), None),
            };
            let source = trim_span(doc, Span::new(hit.span.end, hit.span.end + source_len));
            let content = trim_span(doc, Span::new(sentence.start, comma));
            if accept(doc.slice(source)) && word_count(doc.slice(content)) >= 3 {
                let attribution = Attribution { cue: hit.cue, cue_span: hit.span, source, tail };
                claims.push(ReportedClaim { content, attribution: attribution.clone(), via_span });
                if let Some(who) = relative {
                    // "said sources in the country who said coronavirus bans ..."
                    let clause = after.get(who..).unwrap_or("");
                    if let Some(inner) = hits.iter().find(|h| h.span.start > hit.span.end + who && h.span.start < hit.span.end + who + 12.min(clause.len())) {
                        let rest = text_of(inner.span.end, sentence_end);
                        let skip = after_that(rest, 1).unwrap_or(0);
                        let second = trim_span(doc, Span::new(inner.span.end + skip, sentence_end));
                        let attribution = Attribution { cue: inner.cue, cue_span: inner.span, source, tail };
                        claims.push(ReportedClaim { content: second, attribution, via_span: None });
                    }
                }
                return claims;
            }
            continue;
        }
        // SOURCE CUE: try the commas nearest the cue first.
        let mut search_end = before.len();
        for _ in 0..4 {
            let Some(comma) = before.get(..search_end).and_then(|b| b.rfind(", ")) else {
                break;
            };
            let phrase_span = without_auxiliaries(doc, trim_span(doc, Span::new(sentence.start + comma + 1, hit.span.start)));
            let phrase = doc.slice(phrase_span);
            if word_count(phrase) > 15 {
                break;
            }
            if !starts_with_preposition(phrase) && accept(phrase) {
                let content = trim_span(doc, Span::new(sentence.start, sentence.start + comma));
                if word_count(doc.slice(content)) >= 3 {
                    let attribution = Attribution { cue: hit.cue, cue_span: hit.span, source: phrase_span, tail };
                    claims.push(ReportedClaim { content, attribution, via_span });
                    return claims;
                }
            }
            search_end = comma;
        }
    }
    // 4. "CONTENT, according to X." / "A, according to X, B."
    for hit in hits.iter().filter(|h| h.cue == "according to") {
        let before = text_of(sentence.start, hit.span.start).trim_end();
        if !before.ends_with(',') {
            continue;
        }
        let rest = text_of(hit.span.end, sentence_end);
        // "..., according to a report by the Institute, a think tank affiliated with the NIS.": a
        // description closing the sentence belongs to the source.
        let source_len = rest.find(", ").map(|c| {
            let description = rest.get(c + 2..).unwrap_or("").trim_end().trim_end_matches('.');
            let closes = !description.contains(", ") && word_count(description) <= 10;
            if closes && (description.starts_with("a ") || description.starts_with("an ")) {
                rest.len()
            } else {
                c
            }
        });
        let source_end = source_len.map_or(sentence_end, |c| hit.span.end + c);
        let source = trim_span(doc, Span::new(hit.span.end, source_end));
        if !accept(doc.slice(source)) {
            continue;
        }
        let content = if source_end >= sentence_end.saturating_sub(1) {
            trim_span(doc, Span::new(sentence.start, sentence.start + before.len() - 1))
        } else {
            trim_span(doc, sentence)
        };
        if word_count(doc.slice(content)) >= 2 {
            let attribution = Attribution { cue: hit.cue, cue_span: hit.span, source, tail: source };
            claims.push(ReportedClaim { content, attribution, via_span: None });
            return claims;
        }
    }
    claims
}

/// Irregular past forms that end the subject of a main clause ("The ministry sent a letter, saying").
const IRREGULAR_PAST: &[&str] = &["said", "told", "made", "took", "gave", "sent", "held", "met", "found", "wrote", "spoke", "put", "set", "let", "saw", "knew"];
/// Lower-case words ending in "s" that are no verbs ("news agency", "its", "this").
const S_NOT_VERBS: &[&str] = &["news", "its", "his", "this", "has", "is", "was", "as", "us", "various", "previous", "serious", "famous", "numerous"];

/// "South Korea's presidential office welcomed the release, saying it would have a positive
/// impact": the subject of the main clause (up to its first verb: a lower-case word in "-ed",
/// in "-s", or an irregular past) says what follows the participle.
fn participle_claim(doc: &Document, sentence: Span, hit: &CueHit, accept: &dyn Fn(&str) -> bool) -> Option<ReportedClaim> {
    if hit.cue != "saying" {
        return None;
    }
    let main_clause = doc.norm.get(sentence.start..hit.span.start)?.trim_end().strip_suffix(',')?;
    let mut subject_end = None;
    let mut offset = 0;
    for (n, word) in main_clause.split_inclusive(' ').enumerate() {
        let bare = word.trim().trim_end_matches([',', ';']);
        let lower = bare.chars().next().is_some_and(char::is_lowercase);
        let verb = bare.ends_with("ed") || bare.ends_with('s') && !S_NOT_VERBS.contains(&bare) || IRREGULAR_PAST.contains(&bare);
        if n > 0 && lower && verb {
            subject_end = Some(offset);
            break;
        }
        if bare.contains([',', '"', '(', ')']) || n > 10 {
            return None;
        }
        offset += word.len();
    }
    let source = trim_span(doc, Span::new(sentence.start, sentence.start + subject_end?));
    let after = doc.norm.get(hit.span.end..sentence.end)?;
    let content = trim_span(doc, Span::new(hit.span.end + after_that(after, 1).unwrap_or(0), sentence.end));
    let opener = doc.slice(content).split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if !accept(doc.slice(source)) || meaningful_words(doc.slice(content)) < 3 || EMPTY_CONTENT.contains(&opener.as_str()) {
        return None;
    }
    Some(ReportedClaim { content, attribution: Attribution { cue: hit.cue, cue_span: hit.span, source, tail: source }, via_span: None })
}

/// "The amnesty takes effect on Jan. 30, according to the KCNA, which added that the Cabinet
/// will ...": the clause before "according to" and the one after the relative's cue, both the
/// source's.
fn according_to_then_relative(doc: &Document, sentence: Span, hits: &[&CueHit], accept: &dyn Fn(&str) -> bool) -> Option<Vec<ReportedClaim>> {
    let text_of = |a: usize, b: usize| doc.norm.get(a..b).unwrap_or("");
    let (n, according) = hits.iter().enumerate().find(|(_, h)| h.cue == "according to")?;
    let before = text_of(sentence.start, according.span.start).trim_end();
    let relative_cue = hits.get(n + 1)?;
    let between = text_of(according.span.end, relative_cue.span.start);
    let (source_text, relative) = between.rsplit_once(", ")?;
    let relative = relative.trim();
    let relative_words = relative.strip_suffix(" also").unwrap_or(relative);
    if !before.ends_with(',') || !matches!(relative_words, "which" | "who") {
        return None;
    }
    let source = trim_span(doc, Span::new(according.span.end, according.span.end + source_text.len()));
    let first = trim_span(doc, Span::new(sentence.start, sentence.start + before.len() - 1));
    let after = text_of(relative_cue.span.end, sentence.end);
    let second = trim_span(doc, Span::new(relative_cue.span.end + after_that(after, 1)?, sentence.end));
    if !accept(doc.slice(source)) || word_count(doc.slice(first)) < 3 || meaningful_words(doc.slice(second)) < 3 {
        return None;
    }
    let attribution = |hit: &CueHit| Attribution { cue: hit.cue, cue_span: hit.span, source, tail: source };
    Some(vec![
        ReportedClaim { content: first, attribution: attribution(according), via_span: None },
        ReportedClaim { content: second, attribution: attribution(relative_cue), via_span: None },
    ])
}

/// "The DailyNK was confirmed by a number of sources on Friday ... that there was ...".
fn passive_by(doc: &Document, sentence: Span, hit: &CueHit, accept: &dyn Fn(&str) -> bool) -> Option<ReportedClaim> {
    let prefix = doc.norm.get(sentence.start..hit.span.start)?;
    let last = prefix.split_whitespace().next_back()?.to_ascii_lowercase();
    if !matches!(last.as_str(), "was" | "were" | "been") {
        return None;
    }
    let after = doc.norm.get(hit.span.end..sentence.end)?;
    let by = after.strip_prefix(" by ")?;
    let that = after_that(by, 14)?;
    let phrase = by.get(..that.saturating_sub(" that ".len()))?;
    let end = phrase.find(" on ").or_else(|| phrase.find(',')).unwrap_or(phrase.len());
    let start = hit.span.end + " by ".len();
    let source = trim_span(doc, Span::new(start, start + end));
    if !accept(doc.slice(source)) {
        return None;
    }
    let content = trim_span(doc, Span::new(start + that, sentence.end));
    let tail = Span::new(source.end, content.start);
    Some(ReportedClaim { content, attribution: Attribution { cue: hit.cue, cue_span: hit.span, source, tail }, via_span: None })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, clippy::unwrap_used)]

    use crate::claims::extract;
    use crate::lexicon::Lexicon;
    use crate::text::Document;
    use crate::time::Date;

    /// (content, source text, said date) of every claim, the article published on Friday 2014-06-06.
    fn claims(text: &str) -> Vec<(String, String, Option<String>)> {
        let doc = Document::from_plain("t", text, Date::parse_iso("2014-06-06"));
        let time = crate::time::analyse(&doc);
        extract(&doc, &Lexicon::builtin(), &time)
            .iter()
            .map(|c| (doc.slice(c.span).to_string(), c.source_text.clone().unwrap_or_default(), c.said_date_value.clone()))
            .collect()
    }

    #[test]
    fn the_day_after_the_verb_dates_the_speaking_not_the_claim() {
        let got = claims("North Korea said Friday it has arrested an American tourist for unspecified violations.");
        assert_eq!(got, vec![("it has arrested an American tourist for unspecified violations".into(), "North Korea".into(), Some("2014-06-06".into()))]);
        let got = claims("The Unification Ministry said on Tuesday it could not confirm the report.");
        assert_eq!(got[0].0, "it could not confirm the report");
        assert_eq!(got[0].2.as_deref(), Some("2014-06-03"));
        // A day that is what was said stays in it.
        let got = claims("The defector said Monday was the day the guards beat him.");
        assert!(got.iter().all(|c| c.0 != "was the day the guards beat him"), "{got:?}");
    }

    #[test]
    fn a_verb_followed_by_a_comma_attributes_what_came_before() {
        let got =
            claims("The official was shot by a firing squad near Pyongyang, Seoul-based newspaper Dong-A Ilbo reported Monday, citing an unnamed source.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "The official was shot by a firing squad near Pyongyang");
        assert_eq!(got[0].1, "Seoul-based newspaper Dong-A Ilbo");
        let got = claims("Five officials were executed in March, Dong-A Ilbo reported, citing sources in the country.");
        assert_eq!(got[0].0, "Five officials were executed in March");
    }

    #[test]
    fn where_the_source_spoke_is_not_what_it_said() {
        let got = claims("North Korean officials routinely torture detainees in pretrial detention, Human Rights Watch said in a report released today.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "North Korean officials routinely torture detainees in pretrial detention");
        let got = claims("The KCNA said in a statement on Tuesday the prisoners would be freed next month.");
        assert_eq!(got[0].0, "the prisoners would be freed next month");
        assert_eq!(got[0].2.as_deref(), Some("2014-06-03"));
    }

    #[test]
    fn people_described_rather_than_named_are_sources() {
        let got = claims("One woman who was held at the camp in 2016 told NK News that inmates died almost every week.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "inmates died almost every week");
        let got = claims("Several interviewees said they had seen other detainees die in custody.");
        assert_eq!(got[0].0, "they had seen other detainees die in custody");
    }

    #[test]
    fn reported_to_an_outlet_is_the_trailing_form() {
        let got = claims("Two people were publicly executed in Hyesan, a source in the province reported to Daily NK on Wednesday.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Two people were publicly executed in Hyesan");
        assert_eq!(got[0].2.as_deref(), Some("2014-06-04"));
    }

    #[test]
    fn the_one_told_is_the_listener_not_the_source() {
        let got = claims("Jeong Joon-hee, spokesman of the ministry, told reporters that Kim Yong-jin, 63, was executed in July.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Kim Yong-jin, 63, was executed in July");
        assert_eq!(got[0].1, "Jeong Joon-hee, spokesman of the ministry");
    }

    #[test]
    fn auxiliaries_before_the_verb_are_not_part_of_the_source() {
        let got = claims("Defectors have said that political prisoners are rarely included in such pardons.");
        assert_eq!(got[0].1, "Defectors");
        let got = claims("Political prisoners are rarely freed, human rights groups have long said.");
        assert_eq!(got[0].1, "human rights groups");
    }
}
