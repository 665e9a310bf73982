//! Sources: reading an attribution phrase ("a high-ranking Daily NK source in North Korea",
//! "South Korea's spy agency", "he") into a description, and resolving descriptions across the
//! document into numbered sources.
//!
//! Resolution follows how this press refers to its sources: pronouns and "the source" point back
//! to the most recent compatible source; "another/an additional source" always starts a new one;
//! each plural "sources" phrase is its own source; named people and institutions keep one source
//! per name (a bare surname or a capital standing for its government finds the earlier mention);
//! and a singular unnamed source that merely refines the one just quoted ("a source in the
//! country" then "a resident of South Pyongan province") stays the same source.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::cues::{DOCUMENT_HEADS, FILLER_WORDS, HEAD_NOUNS, INSTITUTIONS, NEW_SOURCE_MARKERS, NON_PERSON_HEADS, PRONOUNS, RANKS, TITLE_WORDS};
use crate::article::outlets::{outlets, Outlet};
use crate::lexicon::{EntryKind, Lexicon};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Pronoun,
    /// "the source", "the South Pyongan source": refers back.
    Definite,
    /// "a source in ...", "sources": a source met here, possibly for the first time.
    Indefinite,
    /// "another source": always a new source.
    New,
    /// A person, outlet or institution known by name.
    Named,
}

/// What an attribution phrase says about its source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDesc {
    pub text: String,
    pub reference: Reference,
    pub source_type: String,
    pub name: Option<String>,
    /// Identity of a named source within a document.
    pub key: Option<String>,
    pub plural: bool,
    /// Whether "he"/"she" can refer to it.
    pub person: bool,
    pub head: String,
    pub place: Option<String>,
    pub admin1: Option<String>,
    pub rank: Option<String>,
    /// Outlet named in the phrase as the one the source spoke to ("Daily NK sources").
    pub outlet_in_phrase: Option<String>,
    /// "speaking to South Korean news outlet Daily NK".
    pub via: Option<String>,
}

impl SourceDesc {
    /// An indefinite source of unknown type, described only by its phrase.
    pub fn unknown(text: &str) -> SourceDesc {
        SourceDesc {
            text: text.to_string(),
            reference: Reference::Indefinite,
            source_type: "unknown".to_string(),
            name: None,
            key: None,
            plural: false,
            person: true,
            head: String::new(),
            place: None,
            admin1: None,
            rank: None,
            outlet_in_phrase: None,
            via: None,
        }
    }
}

struct AliasMatcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: (canonical name, source type).
    targets: Vec<(String, String)>,
}

impl AliasMatcher {
    fn build(pairs: Vec<(String, String, String)>, case_insensitive: bool) -> AliasMatcher {
        let patterns: Vec<String> = pairs.iter().map(|(alias, _, _)| alias.clone()).collect();
        let automaton = AhoCorasickBuilder::new().ascii_case_insensitive(case_insensitive).match_kind(MatchKind::Standard).build(&patterns).ok();
        AliasMatcher { automaton, targets: pairs.into_iter().map(|(_, name, kind)| (name, kind)).collect() }
    }

    /// Whole-word matches: (start, end, canonical name, type).
    fn find<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a str, &'a str)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        // Overlapping matches, longest first: "the U.S. State Department" is the State Department.
        let mut found: Vec<_> = automaton.find_overlapping_iter(text).filter(|m| is_word_boundary(text, m.start(), m.end())).collect();
        found.sort_by_key(|m| (std::cmp::Reverse(m.end() - m.start()), m.start()));
        found
            .into_iter()
            .filter_map(|m| {
                let (name, kind) = self.targets.get(m.pattern().as_usize())?;
                Some((m.start(), m.end(), name.as_str(), kind.as_str()))
            })
            .collect()
    }
}

pub(crate) fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    !before.is_some_and(is_word) && !after.is_some_and(is_word)
}

static OUTLET_MATCHER: LazyLock<AliasMatcher> = LazyLock::new(|| {
    let pairs = outlets().iter().flat_map(|o: &Outlet| o.aliases.iter().map(move |a| (a.clone(), o.name.clone(), o.kind.clone()))).collect();
    AliasMatcher::build(pairs, true)
});

static INSTITUTION_MATCHER: LazyLock<AliasMatcher> = LazyLock::new(|| {
    let pairs = INSTITUTIONS.iter().map(|(a, n, k)| (a.to_string(), n.to_string(), k.to_string())).collect();
    AliasMatcher::build(pairs, false)
});

/// The outlets named in `text`: (start, end, canonical name, kind).
pub fn find_outlets(text: &str) -> Vec<(usize, usize, &'static str, &'static str)> {
    OUTLET_MATCHER.find(text)
}

/// Removes dash-delimited asides ("China -- which has also signed ... -- claims") and brackets.
pub(crate) fn strip_asides(phrase: &str) -> String {
    // Without brackets or dashes there is nothing to remove.
    if !phrase.contains(['(', '[', '—', '–']) && !phrase.contains("--") {
        return phrase.to_string();
    }
    let mut out = String::with_capacity(phrase.len());
    let mut depth = 0usize;
    let mut in_dash = false;
    let chars: Vec<char> = phrase.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let is_dash = matches!(c, '—' | '–') || (c == '-' && chars.get(i + 1) == Some(&'-'));
        if c == '(' || c == '[' {
            depth += 1;
        } else if (c == ')' || c == ']') && depth > 0 {
            depth -= 1;
        } else if is_dash {
            in_dash = !in_dash;
            while matches!(chars.get(i + 1), Some('-' | '—' | '–')) {
                i += 1;
            }
        } else if depth == 0 && !in_dash {
            out.push(c);
        }
        i += 1;
    }
    // "The Group (TJWG), a Seoul-based NGO": no space is left before the comma.
    if out.contains(" ,") || out.contains("  ") {
        out = out.replace(" ,", ",").split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    }
    if in_dash {
        // An unpaired dash: keep what came after it ("Nov. 25 (UPI) -- A U.N. investigator").
        let cut = ["--", "—", "–", " - "].iter().filter_map(|d| phrase.rfind(d).map(|i| i + d.len())).max().unwrap_or(0);
        return strip_asides(phrase.get(cut..).unwrap_or(phrase));
    }
    out
}

/// [`TITLE_WORDS`] without their final periods ("U.N" for "U.N."), as a token is compared.
static TITLE_WORDS_BARE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| TITLE_WORDS.iter().map(|t| t.trim_end_matches('.')).collect());

/// Whether `token`, cleaned ([`clean_word`]), is one of the [`FILLER_WORDS`]; without the
/// lower-cased copy when the token is ASCII (lower-casing anything else may make ASCII letters).
fn is_filler(token: &str) -> bool {
    let trimmed = trim_word(token);
    if trimmed.is_ascii() {
        FILLER_WORDS.iter().any(|f| f.eq_ignore_ascii_case(trimmed))
    } else {
        FILLER_WORDS.contains(&trimmed.to_lowercase().as_str())
    }
}

/// The word without the punctuation around it (what [`clean_word`] lower-cases).
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
}

fn clean_word(word: &str) -> String {
    trim_word(word).to_lowercase()
}

/// The part of a descriptor before its modifiers ("a resident" of "a resident of South Pyongan").
fn core_words(phrase: &str) -> Vec<String> {
    core_tokens(phrase).into_iter().map(|(w, _)| w).collect()
}

/// Whether a head noun ends its descriptor: only names, outlets or time words may follow it
/// ("President Lee Myung-bak", "agency KCNA"), not a verb ("the prisoners were moved").
fn head_is_final(phrase: &str, head: &str) -> bool {
    let tokens = core_tokens(phrase);
    let Some(position) = tokens.iter().rposition(|(w, _)| w == head) else {
        return true;
    };
    tokens.iter().skip(position + 1).all(|(w, capitalised)| *capitalised || FILLER_WORDS.contains(&w.as_str()))
}

/// The core's words, lower-cased, each with whether it was written capitalised.
fn core_tokens(phrase: &str) -> Vec<(String, bool)> {
    // (participles too: "a reporting partner living in the city")
    const STOPS: &[&str] = &[
        "in", "from", "of", "based", "who", "that", "near", "speaking", "with", "inside", "at", "on", "whose", "which", "for", "living", "residing", "working",
    ];
    let mut words = Vec::new();
    for raw in phrase.split_whitespace() {
        let word = clean_word(raw);
        // "a number of sources", "one of the residents": the head follows "of".
        const QUANTITIES: &[&str] =
            &["number", "group", "handful", "couple", "few", "some", "many", "several", "one", "two", "three", "most", "all", "each", "both", "none", "dozens"];
        let quantity = word == "of" && words.last().is_some_and(|(w, _): &(String, bool)| QUANTITIES.contains(&w.as_str()));
        if STOPS.contains(&word.as_str()) && !words.is_empty() && !quantity {
            break;
        }
        if !word.is_empty() {
            let capitalised = raw.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next().is_some_and(char::is_uppercase);
            words.push((word, capitalised));
        }
        if raw.ends_with(',') && !words.is_empty() {
            break;
        }
    }
    words
}

/// A person's name in a descriptor: a run of capitalised words left after titles, nationalities
/// and organisation words are set aside.
pub fn person_name(phrase: &str) -> Option<String> {
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for token in &tokens {
        let word = token.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '[' | ']' | ':' | ';' | '.' | '"'));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let is_title = || TITLE_WORDS_BARE.contains(word) || word.ends_with("'s");
        // (the title test last: only capitalised words with a lower-case letter need it)
        if capitalised && word.chars().any(char::is_lowercase) && !is_title() {
            current.push(word);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
        if token.ends_with([',', ')', ';', ':']) && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let in_outlet = |name: &str| !find_outlets(name).is_empty() || !INSTITUTION_MATCHER.find(name).is_empty();
    if let Some(run) = runs.iter().find(|r| (2..=4).contains(&r.len()) && !in_outlet(&r.join(" "))) {
        return Some(run.join(" "));
    }
    // A bare surname opening the phrase ("Lee said", "Quintana, who made the remarks"), after
    // any courtesy title ("Mr Lee", "Dr. Kim").
    let is_title_token = |t: &&str| TITLE_WORDS_BARE.contains(t.trim_end_matches('.'));
    let titles = tokens.iter().take_while(|t| is_title_token(t) && t.chars().next().is_some_and(char::is_uppercase)).count();
    let tokens = tokens.get(titles..).unwrap_or(&[]);
    let first_token = tokens.first()?;
    let content_tokens = tokens.iter().filter(|t| !is_filler(t)).count();
    if content_tokens > 1 && !first_token.ends_with(',') {
        return None;
    }
    let first = first_token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let is_head = HEAD_NOUNS.iter().any(|(h, _, _)| h.eq_ignore_ascii_case(first));
    runs.first().filter(|run| run.len() == 1 && run.join(" ") == first && !in_outlet(first) && !is_head).map(|run| run.join(" "))
}

/// Context a descriptor is read in.
pub struct PhraseContext<'a> {
    pub lexicon: &'a Lexicon,
    /// The province most recently named before the phrase ("one source in the province").
    pub last_province: Option<String>,
    /// Look the source's place up (not needed when only asking whether a phrase is a source).
    pub with_places: bool,
}

/// Reads an attribution phrase; `None` when it does not name a plausible source.
pub fn describe(phrase: &str, context: &PhraseContext) -> Option<SourceDesc> {
    let unplaced = describe_unplaced(phrase)?;
    Some(if context.with_places { unplaced.placed(context) } else { unplaced.desc })
}

/// A phrase read without looking up its place: everything [`describe`] finds that does not
/// depend on the document around the phrase, so a document reads each phrase once.
#[derive(Debug, Clone)]
pub(crate) struct Unplaced {
    pub desc: SourceDesc,
    /// The words the place is read from (the author's, for "a report by X"); none for a pronoun.
    place_words: Option<String>,
}

impl Unplaced {
    /// The description with the source's place, looked up in `context`.
    pub fn placed(&self, context: &PhraseContext) -> SourceDesc {
        let mut desc = self.desc.clone();
        let Some(text) = self.place_words.as_deref() else { return desc };
        let place_text = text.split(" who ").next().unwrap_or(text);
        if let Some(hit) = context.lexicon.find(place_text).into_iter().find(|h| h.kind == EntryKind::Place) {
            if let Some(id) = hit.ids.first() {
                desc.admin1 = context.lexicon.place(id).and_then(|p| p.admin1.clone());
                desc.place = Some(id.clone());
            }
        } else if ["the province", "that province", "the same province"].iter().any(|p| text.to_lowercase().contains(p)) {
            if let Some(id) = &context.last_province {
                desc.admin1 = context.lexicon.place(id).and_then(|p| p.admin1.clone());
                desc.place = Some(id.clone());
            }
        }
        desc
    }
}

/// The phrases of one document, each read once (without its place, which depends on the
/// province named before the phrase).
#[derive(Default)]
pub(crate) struct Descriptions(RefCell<HashMap<String, Option<Unplaced>>>);

impl Descriptions {
    /// `answer` asked about the description of `phrase` (`None`: no plausible source).
    pub fn read<R>(&self, phrase: &str, answer: impl FnOnce(Option<&Unplaced>) -> R) -> R {
        if let Some(known) = self.0.borrow().get(phrase) {
            return answer(known.as_ref());
        }
        let described = describe_unplaced(phrase);
        let answered = answer(described.as_ref());
        self.0.borrow_mut().insert(phrase.to_string(), described);
        answered
    }
}

/// [`describe`] without the place.
pub(crate) fn describe_unplaced(phrase: &str) -> Option<Unplaced> {
    let stripped = strip_asides(phrase);
    let text = stripped.trim().trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace());
    if text.is_empty() || text.split_whitespace().count() > 30 {
        return None;
    }
    // "a report by a Seoul-based human rights group", "a new study from HRNK": the document
    // speaks for its author, so the author part is what describes the source.
    if let Some(author) = document_author(text) {
        let mut unplaced = describe_unplaced(author)?;
        unplaced.desc.text = text.to_string();
        return Some(unplaced);
    }
    let core = core_words(text);
    let meaningful: Vec<&String> = core.iter().filter(|w| !FILLER_WORDS.contains(&w.as_str())).collect();
    // A descriptor's core is short ("a high-ranking Daily NK source"); longer runs are clauses.
    let outlets_found = find_outlets(text);
    let outlet_words = outlets_found.first().map_or(0, |(s, e, _, _)| text.get(*s..*e).unwrap_or("").split_whitespace().count());
    if meaningful.len() > 6 + outlet_words {
        return None;
    }
    let mut desc = SourceDesc { source_type: String::new(), ..SourceDesc::unknown(text) };
    if let [word] = meaningful.as_slice() {
        if let Some(&(_, plural)) = PRONOUNS.iter().find(|(p, _)| p == word) {
            desc.reference = Reference::Pronoun;
            desc.plural = plural;
            desc.person = word.as_str() != "it";
            desc.head = word.to_string();
            // A pronoun names no place.
            return Some(Unplaced { desc, place_words: None });
        }
    }
    let head_in = |part: &str| {
        let words = core_words(part);
        let found = words.iter().rev().find_map(|w| HEAD_NOUNS.iter().find(|(h, _, _)| h == w));
        found.filter(|(h, _, _)| head_is_final(part, h))
    };
    // "Han Hye Young, a North Korean defector from Hoeryong": the head may sit in an appositive.
    let head = head_in(text).or_else(|| text.split(", ").skip(1).find_map(head_in));
    let institutions = INSTITUTION_MATCHER.find(text);
    let name = person_name(text);
    // Outlets after "speaking to" / "told" are where the source spoke, not the source.
    let spoke_to = |start: usize| {
        let before = text.get(..start).unwrap_or("").to_lowercase();
        ["speaking to", "talking to", "spoke to", "told", "speaking with"].iter().any(|w| before.contains(w))
    };
    let own_outlet = outlets_found.iter().find(|(s, _, _, _)| !spoke_to(*s));
    // "Radio Free Asia's Korean service" is no person called "Radio Free".
    let name = name.filter(|n| !outlets_found.iter().any(|(s, e, _, _)| text.get(*s..*e).is_some_and(|o| o.contains(n.as_str()))));
    // "the Institute for National Security Strategy" is no person called "Security Strategy".
    let name = match name {
        Some(n) => match institutions.iter().find(|(s, e, _, _)| text.get(*s..*e).is_some_and(|i| i.contains(n.as_str()))) {
            Some((_, _, canonical, _)) => Some(canonical.to_string()),
            None => Some(n),
        },
        None => None,
    };
    desc.via = outlets_found.iter().find(|(s, _, _, _)| spoke_to(*s)).map(|(_, _, n, _)| n.to_string());
    // "A woman who was held at the camp before fleeing to South Korea": a person the phrase says
    // was detained or fled the country speaks as a defector.
    let head = head
        .map(|&(word, kind, plural)| if kind == "person" && tells_of_escape_or_detention(text) { (word, "defector", plural) } else { (word, kind, plural) });
    let head = head.as_ref();
    match head {
        Some(&(word, kind, plural)) if matches!(kind, "anonymous_source" | "defector") => {
            desc.source_type = kind.to_string();
            desc.plural = plural;
            desc.head = word.to_string();
            desc.outlet_in_phrase = own_outlet.map(|(_, _, n, _)| n.to_string());
            if kind == "defector" {
                desc.name = name;
            }
        }
        _ => {
            if let Some((_, _, outlet, kind)) = own_outlet {
                desc.source_type = kind.to_string();
                desc.name = Some(name.clone().unwrap_or_else(|| outlet.to_string()));
                desc.head = outlet.to_lowercase();
                desc.person = name.is_some();
            } else if let Some(&(word, kind, plural)) = head {
                desc.source_type = kind.to_string();
                desc.plural = plural;
                desc.head = word.to_string();
                desc.person = !NON_PERSON_HEADS.contains(&word);
                desc.name = name.clone();
                if desc.name.is_none() && kind == "official" {
                    // "The Ministry of Unification", "South Korea's spy agency": the head noun
                    // belongs to the institution's name, so the institution is the source (not
                    // "a Unification Ministry official", whose head lies outside it).
                    let names_head = |(s, e, _, _): &&(usize, usize, &str, &str)| {
                        text.get(*s..*e).is_some_and(|n| n.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
                    };
                    let institution =
                        institutions.iter().find(names_head).or_else(|| institutions.iter().find(|(_, _, c, _)| *c == "National Intelligence Service"));
                    if let Some((_, _, canonical, _)) = institution {
                        desc.name = Some(canonical.to_string());
                    }
                }
            } else if let Some((_, _, canonical, kind)) = institutions.first() {
                desc.source_type = kind.to_string();
                let written = text.get(institutions.first().map_or(0..0, |i| i.0..i.1)).unwrap_or("");
                // Acronyms give their full name ("the NIS"); capitals keep theirs ("Seoul says").
                let acronym = written.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
                let shown = if acronym { canonical.to_string() } else { written.to_string() };
                desc.name = Some(name.clone().unwrap_or(shown));
                desc.key = Some(canonical.to_string());
                desc.head = canonical.to_lowercase();
                desc.person = name.is_some();
            } else if let Some(n) = name.clone() {
                // "Jang Jong Nam -- the head of the Ministry of Social Security -- has warned".
                let aside_words: Vec<String> = phrase.split_whitespace().map(clean_word).collect();
                let aside_head = aside_words.iter().find_map(|w| HEAD_NOUNS.iter().find(|(h, k, _)| h == w && matches!(*k, "official" | "expert")));
                desc.source_type = aside_head.map_or("person", |(_, k, _)| k).to_string();
                desc.name = Some(n);
            } else {
                return None;
            }
        }
    }
    if matches!(desc.source_type.as_str(), "person" | "expert" | "official") {
        if let Some(kind) = affiliation_kind(text) {
            desc.source_type = kind.to_string();
        }
    }
    if desc.source_type == "official" && desc.name.is_none() {
        // "South Korea's spy agency" is the NIS; "the spy agency" too.
        if let Some((_, _, canonical, _)) = institutions.iter().find(|(_, _, c, _)| *c == "National Intelligence Service") {
            desc.name = Some(canonical.to_string());
        }
    }
    if desc.key.is_none() {
        desc.key =
            desc.name.clone().map(|n| INSTITUTION_MATCHER.find(&n).first().filter(|m| m.0 == 0 && m.1 == n.len()).map_or(n.clone(), |m| m.2.to_string()));
    }
    let first = core.first().map(String::as_str).unwrap_or("");
    desc.reference = if core.iter().any(|w| NEW_SOURCE_MARKERS.contains(&w.as_str())) {
        Reference::New
    } else if desc.key.is_some() {
        Reference::Named
    } else if first == "the" || first == "this" || first == "these" {
        Reference::Definite
    } else {
        Reference::Indefinite
    };
    desc.rank = core.iter().find(|w| RANKS.contains(&w.as_str()) && w.contains('-')).cloned();
    Some(Unplaced { desc, place_words: Some(text.to_string()) })
}

/// Who a described person speaks for when the phrase says whose they are: "a researcher at the
/// group", "the group's head" (a rights group told of before: this press calls NGOs "the
/// group") speak as `ngo`; "family spokesperson Lisa Pak" speaks for a family, as a `person`.
fn affiliation_kind(phrase: &str) -> Option<&'static str> {
    const GROUP: &[&str] = &["the group", "the rights group", "the organization", "the organisation", "the ngo", "the charity"];
    const FAMILY: &[&str] = &["family spokesperson", "family spokesman", "family spokeswoman", "the family's", "his family's", "her family's"];
    let lower = phrase.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.match_indices(w).any(|(at, _)| is_word_boundary(&lower, at, at + w.len())));
    if has(FAMILY) {
        Some("person")
    } else if has(GROUP) {
        Some("ngo")
    } else {
        None
    }
}

/// Words of a relative clause that make a described person a former detainee or an escapee.
const ESCAPE_OR_DETENTION: &[&str] =
    &["fled", "fleeing", "escaped", "escaping", "defected", "defecting", "held", "imprisoned", "detained", "jailed", "incarcerated", "repatriated", "released"];

fn tells_of_escape_or_detention(phrase: &str) -> bool {
    let lower = phrase.to_ascii_lowercase();
    let clause = [" who ", " after ", " before "].iter().filter_map(|w| lower.find(w)).min().and_then(|i| lower.get(i..));
    clause.is_some_and(|c| c.split(|ch: char| !ch.is_ascii_alphabetic()).any(|w| ESCAPE_OR_DETENTION.contains(&w)))
}

/// The author part of "a (new) report by X" / "the latest survey from X", if the phrase has that
/// shape: a document head within the first few words, then "by" or "from".
fn document_author(text: &str) -> Option<&str> {
    let mut offset = 0;
    let mut seen_head = false;
    for (i, raw) in text.split(' ').enumerate() {
        let word = clean_word(raw);
        if seen_head && matches!(word.as_str(), "by" | "from") {
            let rest = text.get(offset + raw.len()..)?.trim();
            return (!rest.is_empty()).then_some(rest);
        }
        if i > 5 {
            return None;
        }
        if DOCUMENT_HEADS.contains(&word.as_str()) {
            seen_head = true;
        } else if seen_head && !matches!(word.as_str(), "released" | "published" | "issued" | "compiled") {
            return None;
        }
        offset += raw.len() + 1;
    }
    None
}

/// One source of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    pub desc: SourceDesc,
    /// Mentioned only in passing ("An additional source corroborated this news"): "the source"
    /// and "he" prefer other sources.
    pub passing: bool,
    pub first_paragraph: usize,
    pub last_paragraph: usize,
}

/// The sources met so far in a document, ordered by last use in `recency`.
#[derive(Debug, Default)]
pub struct Registry {
    pub entries: Vec<SourceEntry>,
    /// Entry indices by the tick of their last use: moving a source to the front and walking
    /// back from the most recent cost a tree step, not a pass over every source of the document.
    recency: std::collections::BTreeMap<u64, usize>,
    /// The tick of each entry's last use (by entry index).
    last_use: Vec<u64>,
    clock: u64,
    /// The source last named as a report's author ("a report by HRNK"), for "the report said".
    report_author: Option<usize>,
}

fn places_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn same_name(known: &str, new: &str) -> bool {
    if known.eq_ignore_ascii_case(new) {
        return true;
    }
    let known_words: Vec<&str> = known.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    match (known_words.as_slice(), new_words.as_slice()) {
        (k, [single]) if k.len() > 1 => k.contains(single),
        ([single], n) if n.len() > 1 => n.contains(single),
        _ => false,
    }
}

impl Registry {
    fn touch(&mut self, index: usize, paragraph: usize) {
        if let Some(tick) = self.last_use.get(index) {
            self.recency.remove(tick);
        }
        self.clock += 1;
        self.recency.insert(self.clock, index);
        if self.last_use.len() <= index {
            self.last_use.resize(index + 1, 0);
        }
        if let Some(tick) = self.last_use.get_mut(index) {
            *tick = self.clock;
        }
        if let Some(entry) = self.entries.get_mut(index) {
            entry.last_paragraph = entry.last_paragraph.max(paragraph);
        }
    }

    fn push(&mut self, desc: &SourceDesc, paragraph: usize) -> usize {
        let mut desc = desc.clone();
        if desc.source_type.is_empty() {
            desc.source_type = "unknown".to_string();
        }
        self.entries.push(SourceEntry { desc, passing: false, first_paragraph: paragraph, last_paragraph: paragraph });
        let index = self.entries.len() - 1;
        self.touch(index, paragraph);
        index
    }

    /// Sources from the most recently used back; those mentioned only in passing come last.
    fn recent(&self) -> impl Iterator<Item = (usize, &SourceEntry)> {
        // Lazy: a look-up usually stops at one of the last few sources.
        let ordered = || self.recency.values().rev().filter_map(|&i| self.entries.get(i).map(|e| (i, e)));
        ordered().filter(|(_, e)| !e.passing).chain(ordered().filter(|(_, e)| e.passing))
    }

    /// Marks a source whose only role so far is to corroborate.
    pub fn mark_passing(&mut self, index: usize, passing: bool) {
        if let Some(entry) = self.entries.get_mut(index) {
            entry.passing = passing;
        }
    }

    /// The author "the report" stands for: the source named with a report, else the most recent
    /// institution that can publish one (an NGO, agency or outlet, not a person).
    fn report_author_for(&self, desc: &SourceDesc) -> Option<usize> {
        let document = desc.reference == Reference::Definite && desc.source_type == "unknown" && DOCUMENT_HEADS.contains(&desc.head.as_str());
        if !document {
            return None;
        }
        self.report_author.or_else(|| {
            self.recent().find(|(_, e)| !e.desc.person && matches!(e.desc.source_type.as_str(), "ngo" | "official" | "state_media" | "outlet")).map(|(i, _)| i)
        })
    }

    /// The index of the source `desc` refers to, creating it when it is new.
    pub fn resolve(&mut self, desc: &SourceDesc, paragraph: usize) -> usize {
        let index = self.resolve_desc(desc, paragraph);
        let names_report = desc.text.split_whitespace().any(|w| DOCUMENT_HEADS.contains(&clean_word(w).as_str()));
        if names_report && desc.source_type != "unknown" {
            self.report_author = Some(index);
        }
        index
    }

    fn resolve_desc(&mut self, desc: &SourceDesc, paragraph: usize) -> usize {
        if let Some(index) = self.report_author_for(desc) {
            self.touch(index, paragraph);
            return index;
        }
        let found = match desc.reference {
            Reference::Pronoun => self
                .recent()
                .find(|(_, e)| {
                    if desc.head == "it" {
                        !e.desc.person
                    } else if desc.plural {
                        e.desc.plural || !e.desc.person
                    } else {
                        !e.desc.plural && e.desc.person
                    }
                })
                .map(|(i, _)| i),
            Reference::New => None,
            Reference::Named => {
                let key = desc.key.clone().unwrap_or_default();
                let by_name = self
                    .entries
                    .iter()
                    .position(|e| e.desc.key.as_deref().is_some_and(|k| same_name(k, &key)) || e.desc.name.as_deref().is_some_and(|n| same_name(n, &key)));
                by_name.or_else(|| {
                    // The lede describes the first speaker; the next paragraph names them.
                    let (i, e) = self.recent().find(|(_, e)| e.desc.source_type == desc.source_type)?;
                    let lede = e.first_paragraph == e.last_paragraph && paragraph == e.last_paragraph + 1;
                    (lede
                        && e.desc.name.is_none()
                        && e.desc.reference == Reference::Indefinite
                        && !e.desc.plural
                        && e.desc.source_type == desc.source_type
                        && paragraph <= e.last_paragraph + 2)
                        .then_some(i)
                })
            }
            Reference::Definite => {
                // "the source" may be any unnamed source told of before and "the group" any NGO,
                // but one told of lately with the same noun comes first ("a resident ..., a
                // second source ..., the resident said": the resident)
                let any_head = matches!(desc.source_type.as_str(), "anonymous_source" | "ngo");
                let agrees = |e: &SourceEntry, same_head: bool| {
                    e.desc.source_type == desc.source_type
                        && e.desc.plural == desc.plural
                        && places_compatible(&e.desc.place, &desc.place)
                        && (e.desc.head == desc.head || (any_head && !same_head))
                        || (desc.head == "agency" && matches!(e.desc.source_type.as_str(), "state_media" | "outlet") && !e.desc.person)
                };
                // (only one spoken of lately: an old source is not what "the resident" recalls
                // past several others)
                let same_head = if any_head { self.recent().find(|(_, e)| agrees(e, true) && paragraph <= e.last_paragraph + 2) } else { None };
                same_head.or_else(|| self.recent().find(|(_, e)| agrees(e, false))).map(|(i, _)| i)
            }
            Reference::Indefinite => {
                // A singular unnamed source right after another one that it only refines.
                self.recent()
                    .next()
                    .filter(|(_, e)| {
                        !desc.plural
                            && desc.source_type == "anonymous_source"
                            && e.desc.source_type == "anonymous_source"
                            && !e.desc.plural
                            && e.desc.name.is_none()
                            && places_compatible(&e.desc.place, &desc.place)
                            && paragraph <= e.last_paragraph + 2
                            && e.desc.reference != Reference::New
                    })
                    .map(|(i, _)| i)
            }
        };
        match found {
            Some(index) => {
                if let Some(entry) = self.entries.get_mut(index) {
                    if entry.desc.place.is_none() && desc.place.is_some() {
                        entry.desc.place = desc.place.clone();
                        entry.desc.admin1 = desc.admin1.clone();
                    }
                    if entry.desc.name.is_none() && desc.name.is_some() {
                        entry.desc.name = desc.name.clone();
                        entry.desc.key = desc.key.clone();
                    }
                    if entry.desc.rank.is_none() {
                        entry.desc.rank = desc.rank.clone();
                    }
                }
                self.touch(index, paragraph);
                index
            }
            None => self.push(desc, paragraph),
        }
    }
}
