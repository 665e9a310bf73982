//! Finds facility mentions: one pass over `doc.norm` for every term of `terms.rs`, then a
//! look at the few words around each hit (`around.rs`: count, number, place, operator,
//! determiner; here: bracketed romanisation, camp number, "also known as"). The result is a flat
//! list of [`Mention`]s in text order; merging them into rows and resolving anaphora is
//! `resolve.rs`'s job.
//!
//! Decisions: a weak head ("prison", "camp", "facility") is a mention only when something licenses
//! it (a number, place, count, operator, plural "prisons", a bracketed native term) or, after a
//! determiner, as an anaphor; so idioms such as "once out of prison", "time in prison", "life
//! outside of jail" and compounds such as "prison guards" make no row. References qualified as
//! foreign ("Chinese prisons", "a detention center in China") are dropped: the table is about North
//! Korean facilities.

use std::sync::LazyLock;

use regex::Regex;

pub use super::agencies::{agency_code, find_agencies, AgencyHit};
use super::around::{left_context, right_operator, right_places, REGEX_ASCII_SPACES};
use super::phrases::PhraseMatcher;
use super::terms::{self, Head, Strength, Term, NATIVE_TERMS, TERMS};
use crate::lexicon::{AliasForm, EntryKind, Hit, Lexicon};
use crate::text::{regex, Document, Span};

/// One reference to a facility (or class) in the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mention {
    /// The whole reference: count, place, term, number, bracketed term.
    pub span: Span,
    /// The matched term alone.
    pub head_span: Span,
    pub facility_type: &'static str,
    pub head: Option<Head>,
    pub plural: bool,
    /// An anaphor ("the camp", "these facilities"): attaches to an earlier row.
    pub anaphor: bool,
    /// Licensed only by a place after it ("facilities in Sinuiju"): attaches if it can.
    pub weak_place_only: bool,
    pub definite: bool,
    pub indefinite: bool,
    /// "a political prison camp", "another prison": one facility the text does not name (not
    /// the class), unless the sentence only supposes it ("would have been sent to a camp").
    pub one_unnamed: bool,
    pub count: Option<i32>,
    pub number: Option<String>,
    pub native_term: Option<String>,
    /// Operator read from the text.
    pub operator: Option<&'static str>,
    /// The operator was named before the term ("the Ministry of ...'s prisons"), so coordinated
    /// terms after it share it.
    pub operator_left: bool,
    /// Place ids named with the reference ("Kaechon prison camp", "holding centers in Sinuiju").
    pub places: Vec<String>,
    /// Gazetteer facility ids whose names overlap the reference.
    pub facility_hits: Vec<String>,
    /// Filled by `link.rs`.
    pub candidates: Vec<String>,
    /// The candidate this mention's own sentence decides for, if any.
    pub decided: Option<String>,
}

struct TermInfo {
    facility_type: &'static str,
    head: Head,
    strength: Strength,
    native: bool,
}

/// Every term, longest phrase first, as one alternation (see [`PhraseMatcher`]).
static TERM_MATCHER: LazyLock<(PhraseMatcher, Vec<TermInfo>)> = LazyLock::new(|| {
    let mut all: Vec<(&str, TermInfo)> = TERMS
        .iter()
        .map(|t: &Term| {
            let info = TermInfo { facility_type: t.facility_type, head: t.head, strength: t.strength, native: false };
            (t.phrase, info)
        })
        .collect();
    for (phrase, facility_type) in NATIVE_TERMS {
        let info = TermInfo { facility_type, head: Head::Native, strength: Strength::Strong, native: true };
        all.push((phrase, info));
    }
    all.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let fragments: Vec<String> = all.iter().map(|(p, _)| terms::phrase_regex(p, true)).collect();
    (PhraseMatcher::new(&fragments), all.into_iter().map(|(_, info)| info).collect())
});

/// A romanised term right after an English one: "[kyohwaso]", "(gyowhaso)", ", or kwanliso",
/// "known as kyohwaso".
static NATIVE_AFTER: LazyLock<(Regex, Vec<&'static str>)> = LazyLock::new(|| {
    let mut all: Vec<(&str, &str)> = NATIVE_TERMS.to_vec();
    all.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let alternation: Vec<String> = all.iter().map(|(p, _)| format!("({})", terms::phrase_regex(p, true))).collect();
    let re = regex(&format!(
        r#"(?i-u)^(?:\s*[\[(]\s*["']?\s*(?:{0})\s*["']?\s*[\])]|\s*(?:,\s*or|,?\s*(?:known\s+(?:locally\s+|in\s+Korean\s+)?as|called|referred\s+to\s+as))\s+(?:the\s+)?["']?(?:{0})\b["']?)"#,
        alternation.join("|")
    ));
    // the alternation appears twice: group i and group i + n name the same term
    let mut types: Vec<&'static str> = all.iter().map(|(_, t)| *t).collect();
    types.extend(all.iter().map(|(_, t)| *t));
    (re, types)
});

static NUMBER_RIGHT: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)^\s*(?:(?:No\.?|Number|#)\s*(\d{1,3})|(\d{1,3}))\b"));
static AKA_RIGHT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i-u)^\s*\(\s*(?:also\s+)?(?:known\s+as|called|referred\s+to\s+as|a\.?k\.?a\.?|or)\s+(?u:[^()]){1,60}\)"));
static FOREIGN_RIGHT: LazyLock<Regex> = LazyLock::new(|| {
    let alternation: Vec<String> = terms::FOREIGN_PLACES.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect();
    regex(&format!(r"(?i-u)^\s*(?:in|of)\s+(?:{})\b", alternation.join("|")))
});
/// A romanised term heading a plural English noun: "the 'kwanliso' camps".
static NOUN_AFTER_NATIVE: LazyLock<Regex> = LazyLock::new(|| regex(r#"(?i-u)^["']?\s*(camps|prisons|facilities|centers|centres)\b"#));
/// "sent to Yodok", "ten years in Chongori": what makes a bare place name a facility.
static DETENTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i-u)\b(?:sent|taken|transferred|moved|held|kept|detained|imprisoned|incarcerated|jailed|confined|interned|released|freed|escaped|fled|survived|died|spent\s+(?:\w+\s+){0,2}(?:years?|months?)|served\s+(?:\w+\s+){0,2}(?:years?|months?)|years|months|inmates?|prisoners?|detainees?|survivors?)\s+(?:in|at|to|from|inside|into|of)\s+(?:the\s+)?$",
    )
});
static CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)^\s*(?:,\s*)?(?:and|or|as\s+well\s+as|,)\s*$"));

/// What the document offers the rules: its text, gazetteer hits and agency names.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub hits: &'a [Hit],
    pub agencies: &'a [AgencyHit],
    pub lexicon: &'a Lexicon,
}

impl Context<'_> {
    pub(super) fn text(&self) -> &str {
        &self.doc.norm
    }

    /// A country, a foreign city or a river: not where a North Korean facility is.
    pub(super) fn foreign_place(&self, hit: &Hit) -> bool {
        hit.kind == EntryKind::Place
            && hit.ids.iter().all(|id| {
                self.lexicon.place(id).is_some_and(|p| p.kind == "country" || p.kind.starts_with("foreign") || p.kind == "river" || id == "south_korea")
            })
    }

    pub(super) fn sentence_bounds(&self, pos: usize) -> Span {
        self.doc.sentence_index_at(pos).and_then(|i| self.doc.sentences.get(i)).map(|s| s.span).unwrap_or(Span::new(0, self.doc.norm.len()))
    }

    /// The last agency named before `pos` (for "the ministry's", "its"). Agency names do not
    /// overlap, so their ends are in order too.
    pub(super) fn agency_before(&self, pos: usize) -> Option<&'static str> {
        let n = self.agencies.partition_point(|a| a.span.end <= pos);
        n.checked_sub(1).and_then(|i| self.agencies.get(i)).map(|a| a.code)
    }

    /// The gazetteer hits that start in `[from, to)`, in text order (hits are sorted by start).
    pub(super) fn hits_starting_in(&self, from: usize, to: usize) -> &[Hit] {
        let lo = self.hits.partition_point(|h| h.span.start < from);
        let hi = self.hits.partition_point(|h| h.span.start < to).max(lo);
        self.hits.get(lo..hi).unwrap_or(&[])
    }

    /// The gazetteer hits that overlap `span`, in text order (hits do not overlap each other, so
    /// their ends are in order too).
    pub(super) fn hits_overlapping(&self, span: Span) -> &[Hit] {
        let lo = self.hits.partition_point(|h| h.span.end <= span.start);
        let hi = self.hits.partition_point(|h| h.span.start < span.end).max(lo);
        self.hits.get(lo..hi).unwrap_or(&[])
    }

    /// The agency names that start in `[from, to)`, in text order.
    pub(super) fn agencies_starting_in(&self, from: usize, to: usize) -> &[AgencyHit] {
        let lo = self.agencies.partition_point(|a| a.span.start < from);
        let hi = self.agencies.partition_point(|a| a.span.start < to).max(lo);
        self.agencies.get(lo..hi).unwrap_or(&[])
    }
}

/// Finds every mention in the document.
pub fn find_mentions(cx: &Context) -> Vec<Mention> {
    let (matcher, infos) = &*TERM_MATCHER;
    let text = cx.text();
    let mut out: Vec<Mention> = Vec::new();
    for (head_span, term) in matcher.find_iter(text) {
        let Some(info) = infos.get(term) else { continue };
        if let Some(m) = analyse(cx, head_span, info) {
            // A bracketed native term after an English one is part of that mention.
            if out.last().is_some_and(|prev| prev.span.contains(m.head_span)) {
                continue;
            }
            out.push(m);
        }
    }
    named_places(cx, &mut out);
    coordinate(cx, &mut out);
    out
}

/// "sent to Yodok", "ten years in Chongori", "Tukchang": gazetteer facility names that carry no
/// facility word of their own. A bare place name counts only after a detention verb or noun.
fn named_places(cx: &Context, out: &mut Vec<Mention>) {
    let text = cx.text();
    let mut added = Vec::new();
    // the mentions' spans by start, searched from the furthest start that could reach a hit
    let mut taken: Vec<Span> = out.iter().map(|m| m.span).collect();
    taken.sort_unstable();
    let longest = taken.iter().map(|s| s.len()).max().unwrap_or(0);
    let overlaps_taken = |span: Span| {
        let from = taken.partition_point(|t| t.start + longest < span.start);
        taken.iter().skip(from).take_while(|t| t.start < span.end).any(|t| t.overlaps(span))
    };
    for hit in cx.hits.iter().filter(|h| h.kind == EntryKind::Facility && h.form != AliasForm::Number) {
        if overlaps_taken(hit.span) {
            continue;
        }
        if hit.form == AliasForm::PlaceName {
            let sentence = cx.sentence_bounds(hit.span.start);
            let before = text.get(sentence.start..hit.span.start).unwrap_or("");
            if !DETENTION_BEFORE.is_match(before) {
                continue;
            }
        }
        added.push(Mention {
            span: hit.span,
            head_span: hit.span,
            facility_type: "prison",
            head: Some(Head::Camp),
            facility_hits: hit.ids.clone(),
            ..Mention::default()
        });
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span);
    }
}

fn analyse(cx: &Context, head_span: Span, info: &TermInfo) -> Option<Mention> {
    let text = cx.text();
    let sentence = cx.sentence_bounds(head_span.start);
    let surface = text.get(head_span.start..head_span.end)?;
    let lower = surface.to_ascii_lowercase();
    let mut m =
        Mention { span: head_span, head_span, facility_type: info.facility_type, head: Some(info.head), plural: is_plural(&lower), ..Mention::default() };
    if info.native {
        m.native_term = Some(native_form(&lower));
        if let Some(after) = text.get(head_span.end..sentence.end) {
            if let Some(c) = NOUN_AFTER_NATIVE.captures(after).and_then(|c| c.get(0)) {
                m.span.end = head_span.end + c.end();
                m.plural = true;
            }
        }
    }
    // "the total control zone", "Camp 14 total control zone": a part of a camp already named
    if lower.ends_with("zone") {
        m.definite = true;
    }
    // "police detention facilities": the operator is in the term
    if lower.contains("police") {
        m.operator = Some("social_security");
        m.operator_left = true;
    }

    // ---- right context: bracketed term, number, "also known as", places, operator
    // Each pattern on the right is anchored and needs a certain first character after spaces:
    // most terms are followed by none, and skip the (capturing) regex.
    let mut pos = m.span.end;
    if let Some(after) = text.get(pos..sentence.end).filter(|a| starts_after_spaces(a, |c| matches!(c.to_ascii_lowercase(), '[' | '(' | ',' | 'k' | 'c' | 'r')))
    {
        let (native_re, native_types) = &*NATIVE_AFTER;
        if let Some(caps) = native_re.captures(after) {
            let group = (1..caps.len()).find(|&i| caps.get(i).is_some());
            let ty = group.and_then(|i| native_types.get(i - 1));
            if let (Some(ty), Some(whole), Some(term)) = (ty, caps.get(0), group.and_then(|i| caps.get(i))) {
                m.facility_type = ty;
                m.native_term = Some(native_form(&term.as_str().to_ascii_lowercase()));
                pos += whole.end();
            }
        }
    }
    if let Some(after) = text.get(pos..sentence.end).filter(|a| starts_after_spaces(a, |c| matches!(c, 'n' | 'N' | '#') || c.is_ascii_digit())) {
        if let Some(caps) = NUMBER_RIGHT.captures(after) {
            let explicit = caps.get(1);
            let number = explicit.or(caps.get(2));
            let rest = caps.get(0).and_then(|w| after.get(w.end()..)).unwrap_or("");
            let next = rest.trim_start().split(|c: char| !c.is_ascii_alphanumeric() && c != '%').next().unwrap_or("");
            let digit_follows = rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
                || (rest.starts_with([',', '.']) && rest.get(1..2).is_some_and(|c| c.starts_with(|d: char| d.is_ascii_digit())));
            let unit_follows = terms::NOT_CAMP_NUMBER_NEXT.contains(&next.to_ascii_lowercase().as_str());
            let capitalised = surface.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            // "Camp 15", "kwanliso 15"; not "camps 15", "camp 15 years", "camp 1,000"
            let bare_ok = !m.plural && !digit_follows && !unit_follows && (capitalised || info.native);
            if let (Some(n), Some(w)) = (number, caps.get(0)) {
                if explicit.is_some() || bare_ok {
                    m.number = Some(n.as_str().to_string());
                    pos += w.end();
                }
            }
        }
    }
    if let Some(after) = text.get(pos..sentence.end).filter(|a| starts_after_spaces(a, |c| c == '(')) {
        if let Some(w) = AKA_RIGHT.find(after) {
            let inside = Span::new(pos + w.start(), pos + w.end());
            for hit in
                cx.hits_starting_in(inside.start, inside.end.saturating_add(1)).iter().filter(|h| h.kind == EntryKind::Facility && inside.contains(h.span))
            {
                m.facility_hits.extend(hit.ids.iter().cloned());
            }
            pos += w.end();
        }
    }
    m.span.end = pos;
    if text.get(pos..sentence.end).is_some_and(|after| starts_after_spaces(after, |c| matches!(c, 'i' | 'I' | 'o' | 'O')) && FOREIGN_RIGHT.is_match(after)) {
        return None;
    }
    if !right_places(cx, &mut m, sentence) {
        return None;
    }
    right_operator(cx, &mut m, sentence);

    // ---- left context: determiner, count, number, place, agency
    left_context(cx, &mut m, sentence, info.strength == Strength::Weak)?;

    // gazetteer facility names overlapping the reference ("Kaechon prison camp", "Yodok camp")
    let overlapping: Vec<&Hit> = cx.hits_overlapping(m.span).iter().filter(|h| h.kind == EntryKind::Facility && h.span.overlaps(m.span)).collect();
    for hit in overlapping {
        if hit.span.start >= sentence.start && hit.span.end <= sentence.end {
            m.span = Span::new(m.span.start.min(hit.span.start), m.span.end.max(hit.span.end));
        }
        for id in &hit.ids {
            if !m.facility_hits.contains(id) {
                m.facility_hits.push(id.clone());
            }
        }
    }

    if info.strength == Strength::Weak && !license_weak(cx, &mut m, info.head, sentence) {
        return None;
    }
    Some(m)
}

/// Whether the first character after the spaces `(?-u:\s*)` skips (the ASCII ones, vertical tab
/// included) passes `first`: a test a pattern anchored as `^\s*X` can be given before it runs.
fn starts_after_spaces(text: &str, first: impl Fn(char) -> bool) -> bool {
    text.trim_start_matches(REGEX_ASCII_SPACES).chars().next().is_some_and(first)
}

/// Decides what a weak head is: a reference, an anaphor, or nothing (false).
fn license_weak(cx: &Context, m: &mut Mention, head: Head, sentence: Span) -> bool {
    let licensed = m.number.is_some() || !m.facility_hits.is_empty() || m.count.is_some() || m.native_term.is_some() || m.operator.is_some();
    let place_licensed = !m.places.is_empty();
    let after_head = cx.text().get(m.head_span.end..sentence.end).unwrap_or("");
    let after_head = after_head.trim_start().to_ascii_lowercase();
    let next_word = cx.text().get(m.span.end..sentence.end).unwrap_or("").trim_start().to_ascii_lowercase();
    if head == Head::Center && (after_head.starts_with("for ") || after_head.starts_with("of ")) {
        // "the Center for ...", "the center of Hyesan"
        return false;
    }
    if matches!(head, Head::Camp | Head::Facility) && !place_licensed && after_head.starts_with("of ") {
        // "the camp of reformist politicians", "the facility of the party"
        return false;
    }
    if licensed || (place_licensed && matches!(head, Head::Camp | Head::Prison) && !m.definite) {
        true
    } else if place_licensed {
        m.weak_place_only = true;
        m.anaphor = true;
        true
    } else if m.definite {
        // "the prison system", "the camp guards": the noun modifies another one
        m.anaphor = true;
        !compound_modifier(&after_head)
    } else {
        // "prisons throughout the country": the class of prisons
        m.plural && head == Head::Prison && !m.indefinite && !compound_modifier(&next_word)
    }
}

/// "prison guards", "prison terms": the noun modifies another noun.
pub(crate) fn compound_modifier(next: &str) -> bool {
    const NOUNS: &[&str] = &[
        "guard",
        "term",
        "sentence",
        "official",
        "authorit",
        "condition",
        "population",
        "labor",
        "labour",
        "system",
        "staff",
        "warden",
        "cell",
        "break",
        "escape",
        "camp",
        "life",
        "time",
        "uniform",
    ];
    NOUNS.iter().any(|n| next.starts_with(n))
}

fn is_plural(lower: &str) -> bool {
    let last = lower.rsplit([' ', '-']).next().unwrap_or(lower);
    let regular = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("so") && !last.ends_with("ous");
    regular || last.ends_with("ies")
}

/// The romanised term as written, singular, lower case ("Kyo-hwa-so" -> "kyo-hwa-so").
fn native_form(lower: &str) -> String {
    let t = lower.trim();
    t.strip_suffix("sos").map(|s| format!("{s}so")).unwrap_or_else(|| t.to_string())
}

/// Coordinated lists share what their first conjunct's left modifiers say and their last
/// conjunct's right operator: "the Ministry of Social Security's political prisons and labor
/// camps", "prisons and detention facilities run by the police".
fn coordinate(cx: &Context, mentions: &mut [Mention]) {
    let text = cx.text();
    for i in 1..mentions.len() {
        let (left, right) = mentions.split_at_mut(i);
        let (Some(prev), Some(cur)) = (left.last_mut(), right.first_mut()) else {
            continue;
        };
        let Some(gap) = text.get(prev.span.end..cur.span.start) else {
            continue;
        };
        if !CONJUNCTION.is_match(gap) || gap.contains('\n') {
            continue;
        }
        if cur.operator.is_none() && prev.operator_left {
            cur.operator = prev.operator;
            cur.operator_left = true;
        }
        if prev.operator.is_none() && cur.operator.is_some() && !cur.operator_left {
            prev.operator = cur.operator;
        }
        // "each prison and camp": a bare head coordinated with an anaphor is one too
        if prev.anaphor && !cur.anaphor && cur.head_span == cur.span && cur.count.is_none() {
            cur.anaphor = cur.facility_type == "prison";
        }
        cur.definite = cur.definite || prev.definite;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, Mention)> {
        let doc = Document::from_plain("t", text, None);
        let agencies = find_agencies(&doc.norm);
        let lexicon = Lexicon::default();
        let cx = Context { doc: &doc, hits: &[], agencies: &agencies, lexicon: &lexicon };
        find_mentions(&cx).into_iter().map(|m| (doc.slice(m.span).to_string(), m)).collect()
    }

    #[test]
    fn english_terms_counts_and_brackets() {
        let ms = mentions("The state granted amnesty to prisoners serving in 12 re-education camps [kyohwaso] nationwide.");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].0, "12 re-education camps [kyohwaso]");
        assert_eq!(ms[0].1.count, Some(12));
        assert_eq!(ms[0].1.native_term.as_deref(), Some("kyohwaso"));
        let ms = mentions("Officials said about 25 detention centers across the province were emptied.");
        assert_eq!(ms[0].0, "about 25 detention centers");
        assert_eq!(ms[0].1.count, Some(25));
        let ms = mentions("Ordinary criminals go to prisons known as kyohwaso, and some to about 20 kyohwaso in the north.");
        assert_eq!(ms[0].0, "prisons known as kyohwaso");
        assert_eq!(ms[0].1.facility_type, "kyohwaso");
        assert_eq!(ms[1].1.count, Some(20));
    }

    #[test]
    fn numbers_before_and_after() {
        let ms = mentions("He spent a decade in Camp 15 before he was moved to camp No. 14.");
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].1.number.as_deref(), Some("15"));
        assert_eq!(ms[1].1.number.as_deref(), Some("14"));
        let ms = mentions("Survivors of the No. 25 political prison camp and Kyo-hwa-so No. 4 testified.");
        assert_eq!(ms[0].1.number.as_deref(), Some("25"));
        assert_eq!(ms[0].1.facility_type, "kwanliso");
        assert_eq!(ms[1].1.number.as_deref(), Some("4"));
        assert_eq!(ms[1].1.facility_type, "kyohwaso");
        let ms = mentions("The camp 15 years ago held 1,000 people; Camp 1,000 is not a camp number.");
        assert!(ms.iter().all(|(_, m)| m.number.is_none()), "{ms:?}");
    }

    #[test]
    fn operators_from_text() {
        let ms = mentions("Prisoners at political prisons run by the Ministry of State Security never receive pardons.");
        assert_eq!(ms[0].1.operator, Some("state_security"));
        let ms = mentions("Pardons went to many prisoners at the Ministry of Social Security's political prisons and labor camps to mark the day.");
        assert_eq!(ms.len(), 2);
        assert!(ms.iter().all(|(_, m)| m.operator == Some("social_security")));
        let ms = mentions("Even inmates at local prisons affiliated with municipal and county-level police offices were pardoned.");
        assert_eq!(ms[0].1.operator, Some("social_security"));
        let ms = mentions("Those already in the political prison camp system under the Ministry of State Security were not released.");
        assert_eq!(ms[0].1.operator, Some("state_security"));
        let ms = mentions("Returnees are held at Bowibu-run holding centres before trial.");
        assert_eq!(ms[0].1.operator, Some("state_security"));
        assert_eq!(ms[0].1.facility_type, "jipkyulso");
        let ms = mentions("The Ministry of State Security plans a crackdown to refill its forced labor camps.");
        assert_eq!(ms[0].1.operator, Some("state_security"));
    }

    #[test]
    fn idioms_foreign_and_compounds_are_not_mentions() {
        for s in [
            "They should work hard once out of prison to pay back the leader.",
            "It will help them get used to life outside of jail.",
            "Prison guards told the outgoing inmates to behave.",
            "These were people who had been in Chinese prisons.",
            "He was held at a detention center in China for a month.",
            "Dozens of prisoners were released.",
            "She fled to a refugee camp and later visited the summer camp.",
            "The Center for Strategic Studies said so.",
        ] {
            let ms = mentions(s);
            assert!(ms.is_empty(), "{s}: {ms:?}");
        }
    }

    #[test]
    fn anaphors_and_generic_prisons() {
        let ms = mentions("Sources said prisons throughout the country had prepared. Inmates said the camp was cold.");
        assert_eq!(ms.len(), 2);
        assert!(!ms[0].1.anaphor && ms[0].1.plural, "{ms:?}");
        assert!(ms[1].1.anaphor);
        let ms = mentions("NO PARDONS FOR POLITICAL PRISON CAMP INMATES");
        assert_eq!(ms[0].1.facility_type, "kwanliso");
        let ms = mentions("Guards assigned to each prison and camp were seconded to Pyongyang.");
        assert!(ms.iter().all(|(_, m)| m.anaphor), "{ms:?}");
    }
}
