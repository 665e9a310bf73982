//! Cue tables around a trigger: status (modality, polarity, habit), exclusion, weak mentions
//! (relative clauses, adjectives), discourse (anaphora, "at the time"), subjects and scale.
//!
//! Design: every vocabulary is a `const` table; the functions only say *where* to look (the
//! words just before the trigger, its clause, its sentence). Status precedence is fixed:
//! hypothetical > negated > habitual > planned > occurred.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use regex_automata::meta::Regex as MetaRegex;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};

use crate::text::{regex, Document, Span};

use super::presence::{AllStarts, Presence};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Occurred,
    Planned,
    Habitual,
    Negated,
    /// Counterfactual ("would have been sent to a camp"): no event.
    Hypothetical,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred | Status::Hypothetical => "occurred",
            Status::Planned => "planned",
            Status::Habitual => "habitual",
            Status::Negated => "negated",
        }
    }
}

/// Negators looked for among the last few words before a trigger.
const NEGATORS: &[&str] = &["not", "never", "no", "failed", "didn't", "don't", "doesn't", "hasn't", "haven't", "won't", "refused", "without", "neither", "nor"];
/// Verbs between a negator and the trigger that take the negation for themselves
/// ("will not learn of their pardons", "never receive pardons").
const NEGATION_BLOCKERS: &[&str] = &[
    "learn",
    "know",
    "knew",
    "known",
    "hear",
    "heard",
    "say",
    "said",
    "receive",
    "received",
    "expect",
    "expected",
    "wait",
    "until",
    "confirm",
    "confirmed",
    "clear",
    "unclear",
    "disclose",
    "sure",
    "consider",
    "considered",
    "believe",
    "think",
    "view",
    "see",
    "mention",
    "commit",
    "forget",
];
/// Habit: anywhere in the sentence before the trigger, or in its clause after it.
const HABITUAL_CUES: &str = r"(?i)(?-u:\b)(?:traditionally|usually|typically|generally|often|frequently|sometimes|occasionally|regularly|routinely|repeatedly|constantly|customarily|tends? to|known to|continues to|continue to|continued to|continuing to|can be|can only|policy of|for years|every (?:year|day|evening|morning|night|week|month|[a-z]+ (?:or [a-z]+ )?years)|each year|(?:once|twice|[a-z]+ times) (?:a|per|every) (?:year|month|week|day)|as a rule|whenever|such instances)(?-u:\b)";
/// Plans and orders: in the last words before the trigger.
const PLANNED_BEFORE: &str = r"(?i)(?-u:\b)(?:plans? to|planning to|planned|will|shall|is to|are to|to be|ordered|orders|decided to|decision to|set to|expected to|intends? to|going to|preparing to|prepares? to|upcoming|about to|scheduled to|to (?:grant|issue|hand out|carry out|pardon|give))(?-u:\b)";
/// Plans right after the trigger ("the amnesty will be", "special pardons be given").
const PLANNED_AFTER: &str = r"(?i)^\s*(?:will|is expected|is set|be given|be granted|be carried out|is planned)(?-u:\b)";
/// Counterfactuals and bare possibilities ("could be sent to a labor camp", "may be executed").
/// An adverb may stand between ("some may even be executed", "could also face"). Demands and
/// purposes (below) are no happenings either: together they make the hypothetical cue.
const HYPOTHETICAL_MODAL: &str = r"(?i)(?-u:\b)(?:(?:would|could|might) (?:(?:even|also|well|still) )?have|(?:would|could|may|might) (?:(?:even|also|well|still) )?be|(?:could|may|might) (?:(?:even|also|well|still) )?face|(?:should|must) (?:(?:not|never) )?be|if)(?-u:\b)";
/// A verb of asking, then "to"/"for" and at most a few words before the trigger ("called on
/// Pyongyang to release", "urged Pyongyang to grant him"), or right before it ("demanded the").
const DEMAND: &str = r"(?i)(?-u:\b)(?:urg(?:ed|es|e|ing)|call(?:ed|s|ing)?|demand(?:ed|s|ing)?|ask(?:ed|s|ing)?|appeal(?:ed|s|ing)?|press(?:ed|es|ing)?) (?:[a-z0-9'.-]+ ){0,5}?(?:to|for)(?: [a-z']+){0,5}$|(?-u:\b)(?:urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?|seek(?:s|ing)?|sought)(?: the)?(?: immediate)?$";
/// A purpose: "bribes to have relatives released".
const PURPOSE: &str = r"(?i)(?-u:\b)to (?:have|get)(?: [a-z']+){1,3}$";
/// Explicit past ("has recently been launching"): separates an event from a planned one.
const OCCURRED_BEFORE: &str = r"(?i)(?-u:\b)(?:recently|has been|have been|had been|last (?:week|month|year))(?-u:\b)";
/// Exclusion ("did not include", "were not released", "no political prisoners ... were freed").
const EXCLUSION: &str = r"(?i)(?-u:\b)(?:exclud(?:ed|e|es|ing)|not (?:be )?includ(?:ed|e)|(?:did|does|do|will) not include|didn't include|(?:were|was|are|is|be) not (?:released|freed|pardoned|eligible|among)|not eligible|ineligible|no (?:[a-z'-]+ ){0,12}(?:were|was|are|will be) (?:freed|released|pardoned|included)|no (?:pardons?|amnesty|amnesties|releases?) for|except(?:ion of)?|never receive)(?-u:\b)";
/// Relative clause or participle right before a trigger: a description, not a report.
const WEAK_BEFORE: &str = r"(?i)(?:(?-u:\b)(?:who|whom|which)(?: [a-z'-]+){0,5}|(?-u:\b)(?:had been|had already been)|(?-u:\b)(?:defectors|prisoners|inmates|people|koreans|women|men|detainees|convicts)(?: being)?)\s*$";
/// Anaphora: "the amnesty", "this pardon", "those educational sessions".
const ANAPHOR_BEFORE: &str =
    r"(?i)(?-u:\b)(?:the|this|that|these|those|such)(?: (?:mass|special|latest|recent|sweeping|whole|entire|same|planned|general|state's))*\s*$";
/// Back-reference to the event last spoken of.
const BACK_REFERENCE: &str = r"(?i)(?-u:\b)(?:at the time|back then|at that time|then)(?-u:\b)";
/// "last year's special pardon", "another amnesty": a different one from the story's.
const NEW_REFERENCE: &str = r"(?i)(?-u:\b)(?:last year's|another|a new|a similar|similar|previous|earlier|past)\s*(?:[a-z]+ )?$";

static ENUMERATED_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?-u:\b)(?:the other|another|the second|the rest)(?: [a-z]+)?$"));
static HABITUAL_RE: LazyLock<Regex> = LazyLock::new(|| regex(HABITUAL_CUES));
static PLANNED_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| regex(PLANNED_BEFORE));
static PLANNED_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| regex(PLANNED_AFTER));
static HYPOTHETICAL_RE: LazyLock<Regex> = LazyLock::new(|| regex(&format!("{HYPOTHETICAL_MODAL}|{DEMAND}|{PURPOSE}")));
static OCCURRED_RE: LazyLock<Regex> = LazyLock::new(|| regex(OCCURRED_BEFORE));
static EXCLUSION_RE: LazyLock<Regex> = LazyLock::new(|| regex(EXCLUSION));
static WEAK_RE: LazyLock<Regex> = LazyLock::new(|| regex(WEAK_BEFORE));
static ANAPHOR_RE: LazyLock<Regex> = LazyLock::new(|| regex(ANAPHOR_BEFORE));
static BACK_RE: LazyLock<Regex> = LazyLock::new(|| regex(BACK_REFERENCE));
static NEW_RE: LazyLock<Regex> = LazyLock::new(|| regex(NEW_REFERENCE));

/// The most words before a trigger any cue reads.
const TAIL_WORDS: usize = 10;

/// The last words of the text before a trigger, lower-cased and joined by single spaces. Read
/// once per trigger from the end (the text before a trigger can be a long sentence, and only its
/// last words count); each cue then takes as many of them as it needs.
pub struct Tail {
    /// ASCII only: words are runs of ASCII letters, digits and apostrophes.
    joined: String,
    /// Where each word starts in `joined`, in text order (`count` of them).
    starts: [usize; TAIL_WORDS],
    count: usize,
    /// Which cue patterns the words may belong to (see [`cue_words_of`]).
    cue_words: u8,
}

/// Cue patterns read on a tail, as bit flags: which of them a tail's words may start or hold.
const HYPOTHETICAL_WORD: u8 = 1;
const PLANNED_WORD: u8 = 2;
const OCCURRED_WORD: u8 = 4;
const WEAK_WORD: u8 = 8;
const NEW_REFERENCE_WORD: u8 = 16;
const ENUMERATED_WORD: u8 = 32;

/// The tail patterns that need `word`: every match of a pattern holds one of its words as a
/// whole word (each alternative has one, bounded by `\b`, a space or the end of the tail). A
/// tail none of whose words a pattern needs is not searched with it. The words are those the
/// patterns see: `\b` also breaks at apostrophes ("year's" holds "year" and "s").
fn cue_words_of(word: &str) -> u8 {
    match word {
        // "should not be forcibly repatriated", "must be released": a demand, no happening
        "would" | "could" | "might" | "may" | "if" | "should" | "must" => HYPOTHETICAL_WORD,
        "urged" | "urges" | "urge" | "urging" | "call" | "called" | "calls" | "calling" | "demand" | "demanded" | "demands" | "demanding" | "ask" | "asked"
        | "asks" | "asking" | "appeal" | "appealed" | "appeals" | "appealing" | "press" | "pressed" | "presses" | "pressing" | "seek" | "seeks" | "seeking"
        | "sought" => HYPOTHETICAL_WORD,
        // "plans to", "is to", "set to", "going to", "to grant" ...: all hold "to"
        "planned" | "will" | "shall" | "to" | "ordered" | "orders" | "upcoming" => PLANNED_WORD,
        // "bribes to have relatives released": a purpose, no happening
        "have" | "get" => HYPOTHETICAL_WORD,
        // "has been", "had been", "last week"
        "recently" | "been" => OCCURRED_WORD,
        "last" => OCCURRED_WORD | NEW_REFERENCE_WORD,
        "who" | "whom" | "which" | "had" | "defectors" | "prisoners" | "inmates" | "people" | "koreans" | "women" | "men" | "detainees" | "convicts" => {
            WEAK_WORD
        }
        "another" => NEW_REFERENCE_WORD | ENUMERATED_WORD,
        "new" | "similar" | "previous" | "earlier" | "past" => NEW_REFERENCE_WORD,
        // "the other", "the second", "the rest"
        "other" | "second" | "rest" => ENUMERATED_WORD,
        _ => 0,
    }
}

impl Tail {
    pub fn of(text: &str) -> Tail {
        // read backwards into the end of the array, so the words land in text order
        let mut words = [""; TAIL_WORDS];
        let mut count = 0;
        for (slot, word) in words.iter_mut().rev().zip(text.rsplit(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())) {
            *slot = word;
            count += 1;
        }
        let words = words.get(TAIL_WORDS - count..).unwrap_or(&[]);
        let mut joined = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut starts = [0; TAIL_WORDS];
        for (start, word) in starts.iter_mut().zip(words) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            *start = joined.len();
            joined.push_str(word);
        }
        joined.make_ascii_lowercase();
        let cue_words = joined.split([' ', '\'']).fold(0, |flags, word| flags | cue_words_of(word));
        Tail { joined, starts, count, cue_words }
    }

    /// Whether the cue pattern `re` (of the `flag` words) matches the last `n` words.
    fn matches(&self, flag: u8, re: &Regex, n: usize) -> bool {
        self.cue_words & flag != 0 && re.is_match(self.last(n))
    }

    /// The last `n` words (at most [`TAIL_WORDS`]), joined by spaces.
    fn last(&self, n: usize) -> &str {
        let first = self.count.saturating_sub(n);
        self.starts.get(..self.count).and_then(|starts| starts.get(first)).and_then(|&at| self.joined.get(at..)).unwrap_or("")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

fn first_word(text: &str) -> &str {
    text.split(|c: char| !is_word_char(c)).find(|w| !w.is_empty()).unwrap_or("")
}

/// Status of a trigger from the text of its clause before it (`clause_before`, whose last words
/// are `tail`), its sentence before it (`sentence_before`) and its clause after it
/// (`clause_after`). Returns the status and whether a cue said so (false = the default,
/// occurred). `habitual_possible` false says the habit pattern matches none of these texts.
/// Headlines write the future as "to" and a verb ("North Korea to free prisoners in amnesty",
/// "DPRK to grant amnesty"); a lower-case word after "to" that is not a determiner or a noun of
/// this press ("to thousands of prisoners", "to North Korea", "to labor camps") is that verb.
static HEADLINE_FUTURE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:^|\s)(?:to|To)\s+(?:([a-z]+)\b|$)"));
const NOT_VERBS_AFTER_TO: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "some",
    "all",
    "more",
    "death",
    "prison",
    "jail",
    "camp",
    "camps",
    "labor",
    "labour",
    "hard",
    "life",
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "prisoners",
    "inmates",
    "convicts",
    "defectors",
];

/// Whether a headline's words before a trigger make it planned (see [`HEADLINE_FUTURE`]).
pub fn is_headline_future(sentence_before: &str) -> bool {
    // "North Korea to execute man": the trigger itself is the verb after "to".
    HEADLINE_FUTURE.captures_iter(sentence_before).any(|c| c.get(1).is_none_or(|w| !NOT_VERBS_AFTER_TO.contains(&w.as_str())))
}

/// "None of them has benefited from any amnesty", "none of the political prisoners were
/// released": a subject that counts nobody negates its clause, however far the trigger (read for
/// amnesties and releases only, where this is how the press tells who was left out; elsewhere the
/// clause may go on to another happening: "no one was executed during the crackdown").
pub fn has_negative_subject(clause_before: &str) -> bool {
    let mut words = clause_before.split_whitespace();
    match words.next().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()).to_ascii_lowercase()) {
        Some(first) if first == "none" || first == "nobody" || first == "neither" => true,
        Some(first) if first == "no" => words.next().is_some_and(|w| w.eq_ignore_ascii_case("one")),
        _ => false,
    }
}

/// The last one or two words before a trigger, lower-cased ASCII aside.
fn last_words(before: &str) -> (&str, &str) {
    let mut words = before.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()));
    (words.next().unwrap_or(""), words.next().unwrap_or(""))
}

/// "anyone caught using a Chinese phone would be treated as a spy", "whoever is found ...": a
/// trigger whose subject is anybody at all tells of a threat or a rule, not a happening.
pub fn has_generic_subject(clause_before: &str) -> bool {
    const GENERIC: &[&str] = &["anyone", "anybody", "whoever", "whomever"];
    const LINKS: &[&str] = &["is", "are", "was", "were", "gets", "got", "being"];
    let (last, before_last) = last_words(clause_before);
    let generic = |w: &str| GENERIC.iter().any(|g| g.eq_ignore_ascii_case(w));
    generic(last) || generic(before_last) && LINKS.iter().any(|l| l.eq_ignore_ascii_case(last))
}

/// "most of those arrested were women", "these detained": a trigger right after "those" or
/// "these" names people an earlier happening of its type took.
pub fn names_group_told_before(sentence_before: &str) -> bool {
    let (last, _) = last_words(sentence_before);
    last.eq_ignore_ascii_case("those") || last.eq_ignore_ascii_case("these")
}

pub fn status(sentence_before: &str, clause_before: &str, tail: &Tail, clause_after: &str, habitual_possible: bool) -> (Status, bool) {
    // "camp No. 14" is a number, not a negator.
    let cleaned_tail;
    let (clause_before, tail, habitual_possible) = if clause_before.contains("No. ") {
        let cleaned = clause_before.replace("No. ", "number ");
        cleaned_tail = Tail::of(&cleaned);
        // not a piece of the document: what the document search found says nothing about it
        (Cow::Owned(cleaned), &cleaned_tail, true)
    } else {
        (Cow::Borrowed(clause_before), tail, habitual_possible)
    };
    let clause_before = clause_before.as_ref();
    if tail.matches(HYPOTHETICAL_WORD, &HYPOTHETICAL_RE, 10) {
        return (Status::Hypothetical, true);
    }
    // The last negator among the last four words, and whether a blocker follows it.
    let mut negation: Option<bool> = None;
    for word in tail.last(4).split(' ').filter(|w| !w.is_empty()) {
        if NEGATORS.contains(&word) {
            negation = Some(false);
        } else if NEGATION_BLOCKERS.contains(&word) && negation.is_some() {
            negation = Some(true);
        }
    }
    if negation == Some(false) {
        return (Status::Negated, true);
    }
    let opener = sentence_before.split(',').next().filter(|_| sentence_before.contains(',')).unwrap_or("");
    let habitual = |text: &str| habitual_possible && HABITUAL_RE.is_match(text);
    // (a long opener is not counted to its end: three words are too many)
    if habitual(clause_before) || habitual(clause_after) || (opener.split_whitespace().nth(2).is_none() && habitual(opener)) {
        return (Status::Habitual, true);
    }
    if tail.matches(PLANNED_WORD, &PLANNED_BEFORE_RE, 8) || PLANNED_AFTER_RE.is_match(clause_after) {
        return (Status::Planned, true);
    }
    if tail.matches(OCCURRED_WORD, &OCCURRED_RE, 6) {
        return (Status::Occurred, true);
    }
    (Status::Occurred, false)
}

pub fn is_exclusion(clause: &str) -> bool {
    EXCLUSION_RE.is_match(clause)
}

/// A relative clause or reduced relative before the trigger (whose last words are `before`), or
/// a participle used as an adjective after it ("the repatriated defectors", "the released
/// prisoners").
pub fn is_weak(before: &Tail, after: &str) -> bool {
    if before.matches(WEAK_WORD, &WEAK_RE, 7) && !is_witnessed(before) {
        return true;
    }
    let next = first_word(after);
    let prev = before.last(1);
    PEOPLE_NOUNS.iter().any(|noun| noun.eq_ignore_ascii_case(next)) && ADJECTIVE_LEADS.contains(&prev)
}

/// Verbs of seeing whose object a participle tells of: "she saw (two) prisoners executed" is
/// an execution witnessed, not "prisoners who were executed" in passing.
const PERCEPTION_VERBS: &[&str] = &["saw", "see", "seen", "sees", "seeing", "watched", "watch", "witnessed", "witness", "heard", "hear"];

/// Whether the people right before a trigger are the object of a verb of seeing (one or two
/// words before them: "saw prisoners", "witnessed two inmates").
fn is_witnessed(before: &Tail) -> bool {
    let mut words = before.last(4).rsplit(' ');
    let noun = words.next().unwrap_or("");
    PEOPLE_NOUNS.contains(&noun) && words.take(2).any(|w| PERCEPTION_VERBS.contains(&w))
}

/// Words before a participle that make it an adjective ("the released prisoners").
const ADJECTIVE_LEADS: &[&str] = &["the", "recently", "newly", "previously", "those", "these", "all", "many", "some", "of", "already", "other"];

/// Nouns for people that a participle may qualify.
const PEOPLE_NOUNS: &[&str] = &[
    "defectors",
    "prisoners",
    "inmates",
    "people",
    "detainees",
    "convicts",
    "north",
    "women",
    "men",
    "individuals",
    "missionaries",
    "americans",
    "foreigners",
    "citizens",
    "workers",
    "activists",
    "fishermen",
    "soldiers",
    "students",
];

pub fn is_anaphoric(before: &Tail) -> bool {
    ANAPHOR_RE.is_match(before.last(4)) && !before.matches(NEW_REFERENCE_WORD, &NEW_RE, 4)
}

pub fn is_new_reference(before: &Tail) -> bool {
    before.matches(NEW_REFERENCE_WORD, &NEW_RE, 3)
}

/// "one dropping dead at work and the other beaten to death": the trigger after "the other".
pub fn is_enumerated(before: &Tail) -> bool {
    before.matches(ENUMERATED_WORD, &ENUMERATED_RE, 3)
}

/// The cue must start within the first three bytes; every way to write it is at most 15 bytes
/// long (a Kelvin sign for the k of "back" included), so the first 24 bytes decide.
const BACK_REFERENCE_REACH: usize = 24;

pub fn is_back_reference(sentence_before: &str) -> bool {
    let lower = sentence_before.trim_start();
    let mut cut = BACK_REFERENCE_REACH.min(lower.len());
    while !lower.is_char_boundary(cut) {
        cut += 1;
    }
    let head = lower.get(..cut).unwrap_or(lower);
    BACK_RE.find(head).is_some_and(|m| m.start() < 3)
}

/// Subject codes (SCHEMA.md) and the phrases that name them.
pub const SUBJECTS: &[(&str, &str)] = &[
    ("model_prisoners", r"model (?:behaviou?r|prisoners?|inmates?|conduct)|good behaviou?r|exemplary"),
    ("long_term_prisoners", r"long-term (?:prisoners|inmates|convicts)|long (?:prison )?(?:sentences|terms)|life sentences?"),
    (
        "short_term_prisoners",
        r"short-term (?:prisoners|inmates|convicts)|sentences of (?:less than|under|just) [a-z0-9]+|maximum sentences of (?:just )?[a-z0-9]+ (?:months|years?)|short (?:prison )?(?:sentences|terms)",
    ),
    ("juveniles", r"juveniles?|minors|teenagers|adolescents"),
    (
        "sick_or_malnourished",
        r"malnourish(?:ed|ment)|malnutrition|(?:ill|sick|ailing|weak) (?:prisoners|inmates)|health conditions|too weak|(?:fallen|falling|become|were) sick|emaciated|illness",
    ),
    (
        "repatriated_defectors",
        r"repatriated (?:defectors|from|north koreans)|defectors who were (?:repatriated|returned)|forcibly returned|(?:detained|caught|arrested) in china|repatriation",
    ),
    ("attempted_defectors", r"attempted to (?:defect|flee|escape)|tried to (?:defect|flee|escape)|attempted defections?|attempting to (?:defect|flee)"),
    ("political_prisoners", r"political (?:prisoners?|prisons?|prison camps?|offenders|criminals)|kwanliso|dissidents|anti-state"),
    ("economic_offenders", r"white[- ]collar|economic (?:crimes?|offen[cs]es|offenders|criminals)|smugglers|smuggling"),
    ("minor_offenders", r"minor (?:offen[cs]es|crimes?|offenders)|small-time criminals|petty (?:crimes?|criminals|offen[cs]es)"),
    ("violent_offenders", r"violent (?:crimes?|offenders|criminals)|assault|gang fight|serious (?:offenders|crimes)|murder(?:ers?)?|robbery"),
    ("drug_offenders", r"drugs?|narcotics|methamphetamine|drug trafficking"),
    ("thieves", r"theft|thie(?:f|ves)|burglary|stealing"),
    ("pretrial_detainees", r"awaiting (?:a |their )?trial|pre-?trial|preliminary hearings?|under investigation"),
    (
        "family_members",
        r"family members|families|relatives|three generations|(?:his|her|their) (?:parents|wife|husband|children|sons?|daughters?|brothers?|sisters?)",
    ),
    ("women", r"wom[ae]n|female"),
    ("elderly", r"elderly|older (?:prisoners|inmates|people)|in (?:their|his|her) (?:60s|70s|80s)"),
    ("officials", r"officials|cadres|officers"),
];

static SUBJECT_RES: LazyLock<Vec<(&'static str, Regex)>> =
    LazyLock::new(|| SUBJECTS.iter().map(|(code, p)| (*code, regex(&format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)")))).collect());

/// All subject patterns in one set: one pass says which to run.
static SUBJECT_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(SUBJECTS.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)"))).unwrap_or_else(|_| RegexSet::empty()));

/// Any subject phrase: where it finds none, no row of [`SUBJECTS`] can match.
fn any_subject_pattern() -> String {
    format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", SUBJECTS.iter().map(|(_, p)| format!("(?:{p})")).collect::<Vec<_>>().join("|"))
}

static ANY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| regex(&any_subject_pattern()));

/// The starts of the count, habit and subject patterns, found together in one backward pass.
static CUE_STARTS: LazyLock<Option<AllStarts>> =
    LazyLock::new(|| AllStarts::new(&[COUNT_PATTERN.to_string(), HABITUAL_CUES.to_string(), any_subject_pattern()]));

/// The finder of the starts [`DocCues`] reads (to scan for them alongside other patterns).
pub fn cue_starts() -> Option<&'static AllStarts> {
    CUE_STARTS.as_ref()
}

/// Where the cue patterns searched per trigger or per sentence may match in a document, each
/// found with one search of the whole text; and the cue answers asked again and again.
pub struct DocCues {
    pub count: Presence,
    pub habitual: Presence,
    pub subject: Presence,
    /// [`is_exclusion`] per strong clause asked about: the triggers and subjects of a clause
    /// all ask about it.
    exclusions: HashMap<Span, bool>,
    /// [`counts_in`] per sentence asked about: whether a sentence counts many people and which
    /// scale its events get both read them.
    sentence_counts: HashMap<Span, Vec<Count>>,
}

impl DocCues {
    /// `starts` are what [`cue_starts`] finds in `text`, if already found.
    pub fn of(text: &str, starts: Option<Vec<Vec<usize>>>) -> DocCues {
        let starts = starts.or_else(|| CUE_STARTS.as_ref().and_then(|finder| finder.of(text)));
        let (count, habitual, subject) = match starts.as_deref() {
            Some([count, habitual, subject]) => (Presence::at_starts(count, text), Presence::at_starts(habitual, text), Presence::at_starts(subject, text)),
            _ => (Presence::of(&COUNT_RE, text), Presence::of(&HABITUAL_RE, text), Presence::of(&ANY_SUBJECT, text)),
        };
        DocCues { count, habitual, subject, exclusions: HashMap::new(), sentence_counts: HashMap::new() }
    }

    /// [`counts_in`] of the sentence `sentence` of `doc` (offsets relative to the sentence).
    pub fn counts_of_sentence(&mut self, doc: &Document, sentence: Span) -> &[Count] {
        let presence = &self.count;
        self.sentence_counts.entry(sentence).or_insert_with(|| {
            if presence.may_match(&doc.norm, sentence.start, sentence.end) {
                counts_in(doc.slice(sentence))
            } else {
                Vec::new()
            }
        })
    }

    /// [`is_exclusion`] of the clause `clause` of `doc`.
    pub fn is_exclusion(&mut self, doc: &Document, clause: Span) -> bool {
        *self.exclusions.entry(clause).or_insert_with(|| is_exclusion(doc.slice(clause)))
    }
}

/// The subject patterns searched from chosen starts. `any_at` (all match kinds) says which
/// patterns match from a start; `first_at` then gives each one's match there as a search of that
/// pattern alone would choose it (leftmost-first).
struct SubjectsAt {
    any_at: MetaRegex,
    first_at: MetaRegex,
}

static SUBJECTS_AT: LazyLock<Option<SubjectsAt>> = LazyLock::new(|| {
    let patterns: Vec<String> = SUBJECTS.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)")).collect();
    let any_at = MetaRegex::builder().configure(MetaRegex::config().match_kind(MatchKind::All)).build_many(&patterns).ok()?;
    let first_at = MetaRegex::new_many(&patterns).ok()?;
    Some(SubjectsAt { any_at, first_at })
});

/// [`subjects_in`] for the sentence `text[sentence]`, with offsets relative to the sentence.
///
/// Why this is the same: every subject phrase of the sentence starts inside a phrase the
/// document-wide search found (see presence.rs), and every pattern starts with an ASCII word
/// boundary, so only the boundaries inside those phrases can start one. Trying each of them in
/// text order and, per pattern, skipping starts inside its last match is what searching the
/// sentence with each pattern does (the leftmost start wins; the search resumes at the match's
/// end), without scanning the rest of the sentence.
pub fn subjects_in_sentence(text: &str, sentence: Span, presence: &Presence) -> Vec<(usize, &'static str)> {
    let (lo, hi) = (sentence.start, sentence.end);
    let piece = text.get(lo..hi).unwrap_or("");
    let (Some(found), Some(search)) = (presence.found_in(text, lo, hi), SUBJECTS_AT.as_ref()) else { return subjects_in(piece) };
    let bytes = piece.as_bytes();
    let is_word = |at: usize| bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let boundary = |at: usize| is_word(at) != at.checked_sub(1).is_some_and(is_word);
    // Every pattern starts with a letter: at the end of a word only a non-ASCII one (the Kelvin
    // sign or the long s, which `(?i)` takes for k and s) can follow.
    let may_start = |at: usize| boundary(at) && (is_word(at) || bytes.get(at).is_some_and(|b| !b.is_ascii()));
    let mut out = Vec::new();
    // per pattern, where its search would resume (the end of its last match)
    let mut resume = [0usize; SUBJECTS.len()];
    let mut matching = PatternSet::new(SUBJECTS.len());
    for phrase in found {
        let (from, to) = (phrase.start.max(lo) - lo, phrase.end.min(hi) - lo);
        for start in (from..to).filter(|&at| piece.is_char_boundary(at) && may_start(at)) {
            matching.clear();
            search.any_at.which_overlapping_matches(&Input::new(piece).range(start..).anchored(Anchored::Yes), &mut matching);
            for pattern in matching.iter() {
                let (Some(resume_at), Some((code, _))) = (resume.get_mut(pattern.as_usize()), SUBJECTS.get(pattern.as_usize())) else { continue };
                if start < *resume_at {
                    continue;
                }
                if let Some(m) = search.first_at.search(&Input::new(piece).range(start..).anchored(Anchored::Pattern(pattern))) {
                    out.push((start, *code));
                    *resume_at = m.end();
                }
            }
        }
    }
    out.sort();
    out
}

/// Subject codes named in `text`, with byte offsets (relative to `text`).
pub fn subjects_in(text: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let present = SUBJECT_SET.matches(text);
    for (_, (code, re)) in SUBJECT_RES.iter().enumerate().filter(|(i, _)| present.matched(*i)) {
        for m in re.find_iter(text) {
            out.push((m.start(), *code));
        }
    }
    out.sort();
    out
}

/// A scale phrase: what was written and the bounds SCHEMA.md gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub min: Option<i64>,
    pub max: Option<i64>,
}

const VAGUE_COUNTS: &[(&str, i64, Option<i64>)] = &[
    ("hundreds of thousands", 200_000, Some(999_999)),
    ("tens of thousands", 20000, Some(99999)),
    ("some hundreds", 200, Some(999)),
    ("hundreds", 200, Some(999)),
    ("thousands", 2000, Some(9999)),
    ("dozens", 24, Some(99)),
];
const COUNT_PATTERN: &str = r"(?i)(?-u:\b)(?:(?P<vague>hundreds of thousands|tens of thousands|some hundreds|hundreds|thousands|dozens)|(?P<between>between )?(?P<more>more than |over |at least )?(?P<approx>about |around |some |nearly |almost |roughly |approximately |as many as |up to )?(?P<num>\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(?: (?:to|and) (?P<num2>\d{1,3}(?:,\d{3})+|\d+))?)(?P<rest> of (?:them|the|these|those)(?-u:\b)| (?:of )?(?:[a-z.'-]+ ){0,3}(?:prisoners|inmates|people|convicts|detainees|defectors|soldiers|officials|north koreans|individuals|persons|women|men|children|family members|captives|workers|residents|citizens|traders|smugglers|merchants|students|farmers|brokers|escapees|refugees|civilians|guards|members|victims|customers|buyers|relatives|accomplices|friends|neighbou?rs|colleagues|christians|believers|youths|teenagers|juveniles|minors|labou?rers|employees|cadres|officers|villagers|fishermen|miners|others|americans|foreigners|nationals|journalists|missionaries|koreans|canadians|japanese|chinese|aides|activists|dissidents|pastors|diplomats|sailors|crewmen)(?-u:\b)(?: per [a-z]+)?)";
static COUNT_RE: LazyLock<Regex> = LazyLock::new(|| regex(COUNT_PATTERN));

fn parse_number(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    // "one" is not a scale ("one of the prisoners"); "hundred" alone means 100.
    if let Some(n) = crate::text::numbers::cardinal(&lower).filter(|n| *n >= 2).or((lower == "hundred").then_some(100)) {
        return Some(i64::from(n));
    }
    lower.replace(',', "").parse().ok()
}

/// Words before a number of onlookers rather than of people the event happened to.
const AUDIENCE_MARKERS: &[&str] = &["in front of", "watched by", "attended by", "witnessed by", "in the presence of"];

/// Scale phrases about people in `text` (offsets relative to `text`).
pub fn counts_in(text: &str) -> Vec<Count> {
    let mut out = Vec::new();
    for caps in COUNT_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        // "executed in front of hundreds of officials": the crowd made to watch is not counted.
        let before = text.get(..whole.start()).unwrap_or("").trim_end();
        if AUDIENCE_MARKERS.iter().any(|m| before.len() >= m.len() && before.get(before.len() - m.len()..).is_some_and(|tail| tail.eq_ignore_ascii_case(m))) {
            continue;
        }
        let rest = caps.name("rest").map_or("", |m| m.as_str());
        if let Some(vague) = caps.name("vague") {
            let lower = vague.as_str().to_ascii_lowercase();
            if let Some((_, min, max)) = VAGUE_COUNTS.iter().find(|(w, _, _)| *w == lower) {
                out.push(Count { start: whole.start(), end: whole.end(), text: lower, min: Some(*min), max: *max });
            }
            continue;
        }
        let Some(num) = caps.name("num") else { continue };
        let Some(value) = parse_number(num.as_str()) else { continue };
        // "detained in Hyesan in 2015 said guards": a year, unless its noun follows at once
        // ("2000 prisoners").
        let year_like = num.as_str().len() == 4 && (1900..=2100).contains(&value);
        if year_like && rest.split_whitespace().count() > 1 {
            continue;
        }
        let phrase_end = caps.name("num2").map_or(num.end(), |m| m.end());
        let phrase = text.get(whole.start()..phrase_end).unwrap_or("").to_string();
        if rest.contains(" per ") {
            // "15 family members per prison": a rate, kept as written without bounds.
            let written = text.get(whole.start()..whole.end()).unwrap_or("").trim().to_string();
            out.push(Count { start: whole.start(), end: whole.end(), text: written, min: None, max: None });
            continue;
        }
        let (min, max) = if let Some(more) = caps.name("more") {
            // "more than 30" excludes 30; "at least 40" includes it.
            let inclusive = more.as_str().to_ascii_lowercase().starts_with("at least");
            (Some(if inclusive { value } else { value + 1 }), None)
        } else if let Some(second) = caps.name("num2").and_then(|m| parse_number(m.as_str())) {
            (Some(value), Some(second))
        } else {
            (Some(value), Some(value))
        };
        out.push(Count { start: whole.start(), end: whole.end(), text: phrase.trim().to_string(), min, max });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_from_cues() {
        let status = |sentence_before: &str, clause_before: &str, clause_after: &str| {
            super::status(sentence_before, clause_before, &Tail::of(clause_before), clause_after, true)
        };
        assert_eq!(status("", "Kim Jong Un had failed to order a ", "").0, Status::Negated);
        assert_eq!(status("", "authorities have ordered that ", " be given").0, Status::Planned);
        assert_eq!(status("", "North Korea plans to hand out ", "").0, Status::Planned);
        assert_eq!(status("The state has traditionally ", "The state has traditionally ", "").0, Status::Habitual);
        assert_eq!(status("", "the regime will grant ", " every five or ten years").0, Status::Habitual);
        assert_eq!(status("", "inmates will not learn of their ", "").0, Status::Planned);
        // the last negator counts, and only a blocker after it takes the negation
        assert_eq!(status("", "inmates have not heard of ", ""), (Status::Occurred, false));
        assert_eq!(status("", "they heard it was not ", "").0, Status::Negated);
        assert_eq!(status("", "Not heard, they were NEVER ", "").0, Status::Negated);
        assert_eq!(status("", "they would have been labeled political prisoners and ", "").0, Status::Hypothetical);
        assert_eq!(status("", "Some may even be ", "").0, Status::Hypothetical);
        assert_eq!(status("", "the returnees could also face ", "").0, Status::Hypothetical);
        assert_eq!(status("", "The ministry has recently been launching more ", ""), (Status::Occurred, true));
        assert_eq!(status("", "Police ", " dozens of traders"), (Status::Occurred, false));
    }

    #[test]
    fn exclusion_and_references() {
        let weak = |before: &str, after: &str| is_weak(&Tail::of(before), after);
        assert!(is_exclusion("the amnesty did not include prisoners sentenced to six months"));
        assert!(is_exclusion("no political prisoners under the surveillance of the Ministry of State Security were freed"));
        assert!(is_exclusion("NO PARDONS FOR POLITICAL PRISON CAMP INMATES"));
        assert!(!is_exclusion("thousands of prisoners have been released"));
        assert!(weak("defectors who were recently ", " from China"));
        assert!(weak("Also among the ", " prisoners were"));
        assert!(weak("North Koreans who attempted to defect or were ", " in China"));
        assert!(!weak("thousands of prisoners have been ", " with pardon"));
        assert!(!weak("China ", " about 200 people"));
        assert!(is_anaphoric(&Tail::of("preparing for the mass ")));
        assert!(!is_anaphoric(&Tail::of("were included in last year's special ")));
        assert!(is_back_reference("At the time, the "));
    }

    #[test]
    fn subject_set_compiles() {
        assert!(RegexSet::new(SUBJECTS.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)"))).is_ok());
        assert_eq!(SUBJECT_SET.len(), SUBJECT_RES.len());
    }

    #[test]
    fn last_words_read_from_the_end() {
        assert_eq!(Tail::of("He said: the prisoners' (first) release").last(3), "prisoners' first release");
        assert_eq!(Tail::of("  ").last(3), "");
        assert_eq!(first_word(" -- Daily NK's source"), "Daily");
        assert_eq!(Tail::of("One two").last(5), "one two");
        assert_eq!(Tail::of("a b c d e f g h i j k l").last(12), "c d e f g h i j k l");
    }

    #[test]
    fn tail_words_never_hide_a_cue() {
        let samples = [
            "they would have been",
            "it could be that those who might face",
            "if it may be",
            "North Korea plans to hand out",
            "the regime is to",
            "they are to be",
            "Kim ordered the orders that decided to",
            "the decision to set to expected to",
            "it intends to and is going to",
            "preparing to and prepares to issue the upcoming",
            "about to and scheduled to grant",
            "to carry out the planned and planning to",
            "will shall",
            "has recently been",
            "had been last week",
            "defectors who were recently",
            "which had already been",
            "prisoners being",
            "women and men",
            "last year's special",
            "another",
            "a new",
            "a similar",
            "previous and earlier past",
            "the other",
            "the second round",
            "the rest",
            "Daily NK's source's",
            "the ,  amnesty",
            "called Thursday on Pyongyang to",
            "urged China to stop",
            "calls for the immediate",
            "pressed the regime to",
            "asked about the",
            "UN envoy urges",
            "activists also demanded the immediate",
            "seeking the",
            "urged Pyongyang to grant him",
            "pay bribes to have relatives",
            "to get him",
        ];
        let cues: [(u8, &Regex, usize); 8] = [
            (HYPOTHETICAL_WORD, &HYPOTHETICAL_RE, 10),
            (PLANNED_WORD, &PLANNED_BEFORE_RE, 8),
            (OCCURRED_WORD, &OCCURRED_RE, 6),
            (WEAK_WORD, &WEAK_RE, 7),
            (NEW_REFERENCE_WORD, &NEW_RE, 4),
            (NEW_REFERENCE_WORD, &NEW_RE, 3),
            (ENUMERATED_WORD, &ENUMERATED_RE, 3),
            (ENUMERATED_WORD, &ENUMERATED_RE, 1),
        ];
        let mut matched = 0;
        for sample in samples {
            for cut in 0..=sample.len() {
                let Some(text) = sample.get(cut..) else { continue };
                let tail = Tail::of(text);
                for (flag, re, n) in cues {
                    let full = re.is_match(tail.last(n));
                    matched += usize::from(full);
                    assert_eq!(tail.matches(flag, re, n), full, "{text:?} {re}");
                }
            }
        }
        assert!(matched > 100);
    }

    #[test]
    fn subjects_of_a_sentence_as_a_full_search_finds_them() {
        let text = "Political prisoners and their families, women and the elderly were freed. Long-term prisoners, \
                    drug offenders and smugglers (white-collar criminals) stayed; drugs and drug trafficking, \
                    theft. Xsmugglers and \u{17F}muggling, a\u{17F}muggling in their 60s, murderers, officials and officers, \u{201c}women\u{201d}\u{a0}and MINORS.";
        let presence = Presence::of(&ANY_SUBJECT, text);
        let starts = CUE_STARTS.as_ref().and_then(|finder| finder.of(text)).unwrap_or_default();
        let at_starts = Presence::at_starts(starts.get(2).map_or(&[][..], Vec::as_slice), text);
        let mut pieces = vec![Span::new(0, text.len())];
        for (at, _) in text.match_indices(". ") {
            pieces.push(Span::new(0, at + 1));
            pieces.push(Span::new(at + 2, text.len()));
        }
        // cuts inside words fall back to the full search
        pieces.push(Span::new(3, 40));
        for piece in pieces {
            let full = subjects_in(&text[piece.start..piece.end]);
            assert!(!full.is_empty());
            assert_eq!(subjects_in_sentence(text, piece, &presence), full, "{piece:?}");
            assert_eq!(subjects_in_sentence(text, piece, &at_starts), full, "{piece:?}");
        }
    }

    #[test]
    fn subjects_and_counts() {
        let codes: Vec<&str> = subjects_in("those accused of theft, violent crime and drug trafficking").iter().map(|s| s.1).collect();
        assert!(codes.contains(&"thieves") && codes.contains(&"violent_offenders") && codes.contains(&"drug_offenders"));
        let c = counts_in("Dozens of inmates were released");
        assert_eq!((c[0].min, c[0].max), (Some(24), Some(99)));
        let c = counts_in("some hundreds of them benefited");
        assert_eq!((c[0].text.as_str(), c[0].min), ("some hundreds", Some(200)));
        let c = counts_in("granted amnesty to 150,000 prisoners in 2010");
        assert_eq!(c[0].min, Some(150000));
        let c = counts_in("more than 30 North Korean defectors");
        assert_eq!((c[0].min, c[0].max), (Some(31), None));
        let c = counts_in("at least 11 detainees died in custody");
        assert_eq!((c[0].min, c[0].max), (Some(11), None));
        let c = counts_in("release 15 family members per prison");
        assert_eq!((c[0].text.as_str(), c[0].min), ("15 family members per prison", None));
        assert!(counts_in("sentenced to 15 years in 12 re-education camps").is_empty());
        assert!(counts_in("a trader held in Hyesan in 2015 said guards").is_empty());
        assert_eq!(counts_in("at least three U.S. citizens are held").first().and_then(|c| c.min), Some(3));
        assert_eq!(counts_in("two other South Koreans were arrested").first().and_then(|c| c.min), Some(2));
        assert_eq!(counts_in("two of his aides were executed").first().and_then(|c| c.min), Some(2));
        assert!(counts_in("was shot in front of hundreds of officials").is_empty());
        assert!(counts_in("an execution watched by 500 residents").is_empty());
        assert_eq!(counts_in("some 2000 prisoners").first().and_then(|c| c.min), Some(2000));
        let c = counts_in("seven soldiers were shot");
        assert_eq!(c[0].min, Some(7));
        let c = counts_in("hundreds of thousands of North Koreans are held");
        assert_eq!((c[0].min, c[0].max), (Some(200_000), Some(999_999)));
        let c = counts_in("while six others were sentenced to five years");
        assert_eq!(c[0].min, Some(6));
        let c = counts_in("Seven of his customers were sentenced");
        assert_eq!((c[0].text.as_str(), c[0].min), ("Seven", Some(7)));
        let c = counts_in("between 200 and 300 North Korean people");
        assert_eq!((c[0].min, c[0].max), (Some(200), Some(300)));
    }
}
