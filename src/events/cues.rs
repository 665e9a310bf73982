//! Cue tables around a trigger: status (modality, polarity, habit), exclusion, weak mentions
//! (relative clauses, adjectives), discourse (anaphora, "at the time"), subjects and scale.
//!
//! Design: every vocabulary is a `const` table; the functions only say *where* to look (the
//! words just before the trigger, its clause, its sentence). Status precedence is fixed:
//! hypothetical > negated > habitual > planned > occurred.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::text::regex;

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
const HABITUAL_CUES: &str = r"(?i)(?-u:\b)(?:traditionally|usually|typically|generally|often|frequently|sometimes|occasionally|regularly|routinely|repeatedly|constantly|customarily|tends? to|known to|can be|can only|policy of|for years|every (?:year|day|evening|morning|night|week|month|[a-z]+ (?:or [a-z]+ )?years)|each year|(?:once|twice|[a-z]+ times) (?:a|per|every) (?:year|month|week|day)|as a rule|whenever|such instances)(?-u:\b)";
/// Plans and orders: in the last words before the trigger.
const PLANNED_BEFORE: &str = r"(?i)(?-u:\b)(?:plans? to|planning to|planned|will|shall|is to|are to|to be|ordered|orders|decided to|decision to|set to|expected to|intends? to|going to|preparing to|prepares? to|upcoming|about to|scheduled to|to (?:grant|issue|hand out|carry out|pardon|give))(?-u:\b)";
/// Plans right after the trigger ("the amnesty will be", "special pardons be given").
const PLANNED_AFTER: &str = r"(?i)^\s*(?:will|is expected|is set|be given|be granted|be carried out|is planned)(?-u:\b)";
/// Counterfactuals and bare possibilities ("could be sent to a labor camp", "may be executed").
const HYPOTHETICAL: &str = r"(?i)(?-u:\b)(?:would have|could have|might have|would be|could be|may be|might be|could face|may face|might face|if)(?-u:\b)";
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
static HYPOTHETICAL_RE: LazyLock<Regex> = LazyLock::new(|| regex(HYPOTHETICAL));
static OCCURRED_RE: LazyLock<Regex> = LazyLock::new(|| regex(OCCURRED_BEFORE));
static EXCLUSION_RE: LazyLock<Regex> = LazyLock::new(|| regex(EXCLUSION));
static WEAK_RE: LazyLock<Regex> = LazyLock::new(|| regex(WEAK_BEFORE));
static ANAPHOR_RE: LazyLock<Regex> = LazyLock::new(|| regex(ANAPHOR_BEFORE));
static BACK_RE: LazyLock<Regex> = LazyLock::new(|| regex(BACK_REFERENCE));
static NEW_RE: LazyLock<Regex> = LazyLock::new(|| regex(NEW_REFERENCE));

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// The last `n` words of `text`, lower-cased, in text order. Read from the end: the text before
/// a trigger can be a long sentence, and only its last words count.
fn last_words(text: &str, n: usize) -> Vec<String> {
    let mut out: Vec<String> = text.rsplit(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).take(n).map(str::to_ascii_lowercase).collect();
    out.reverse();
    out
}

fn first_word(text: &str) -> String {
    text.split(|c: char| !is_word_char(c)).find(|w| !w.is_empty()).map(str::to_ascii_lowercase).unwrap_or_default()
}

/// The last `n` words of `text`, joined by spaces.
fn tail_words(text: &str, n: usize) -> String {
    last_words(text, n).join(" ")
}

/// Status of a trigger from the text of its clause before it (`clause_before`), its sentence
/// before it (`sentence_before`) and its clause after it (`clause_after`). Returns the status and
/// whether a cue said so (false = the default, occurred).
pub fn status(sentence_before: &str, clause_before: &str, clause_after: &str) -> (Status, bool) {
    // "camp No. 14" is a number, not a negator.
    let cleaned = clause_before.replace("No. ", "number ");
    let clause_before = cleaned.as_str();
    if HYPOTHETICAL_RE.is_match(&tail_words(clause_before, 10)) {
        return (Status::Hypothetical, true);
    }
    let last = last_words(clause_before, 4);
    let window = last.as_slice();
    if let Some(pos) = window.iter().rposition(|w| NEGATORS.contains(&w.as_str())) {
        let between = window.get(pos + 1..).unwrap_or(&[]);
        if !between.iter().any(|w| NEGATION_BLOCKERS.contains(&w.as_str())) {
            return (Status::Negated, true);
        }
    }
    let opener = sentence_before.split(',').next().filter(|_| sentence_before.contains(',')).unwrap_or("");
    if HABITUAL_RE.is_match(clause_before) || HABITUAL_RE.is_match(clause_after) || (opener.split_whitespace().count() <= 2 && HABITUAL_RE.is_match(opener)) {
        return (Status::Habitual, true);
    }
    if PLANNED_BEFORE_RE.is_match(&tail_words(clause_before, 8)) || PLANNED_AFTER_RE.is_match(clause_after) {
        return (Status::Planned, true);
    }
    if OCCURRED_RE.is_match(&tail_words(clause_before, 6)) {
        return (Status::Occurred, true);
    }
    (Status::Occurred, false)
}

pub fn is_exclusion(clause: &str) -> bool {
    EXCLUSION_RE.is_match(clause)
}

/// A relative clause or reduced relative before the trigger, or a participle used as an
/// adjective after it ("the repatriated defectors", "the released prisoners").
pub fn is_weak(before: &str, after: &str) -> bool {
    let tail = tail_words(before, 7);
    if WEAK_RE.is_match(&tail) {
        return true;
    }
    let next = first_word(after);
    let prev = last_words(before, 1).pop().unwrap_or_default();
    PEOPLE_NOUNS.contains(&next.as_str()) && ADJECTIVE_LEADS.contains(&prev.as_str())
}

/// Words before a participle that make it an adjective ("the released prisoners").
const ADJECTIVE_LEADS: &[&str] = &["the", "recently", "newly", "previously", "those", "these", "all", "many", "some", "of", "already", "other"];

/// Nouns for people that a participle may qualify.
const PEOPLE_NOUNS: &[&str] = &["defectors", "prisoners", "inmates", "people", "detainees", "convicts", "north", "women", "men", "individuals"];

pub fn is_anaphoric(before: &str) -> bool {
    let tail = tail_words(before, 4);
    ANAPHOR_RE.is_match(&tail) && !NEW_RE.is_match(&tail)
}

pub fn is_new_reference(before: &str) -> bool {
    NEW_RE.is_match(&tail_words(before, 3))
}

/// "one dropping dead at work and the other beaten to death": the trigger after "the other".
pub fn is_enumerated(before: &str) -> bool {
    ENUMERATED_RE.is_match(&tail_words(before, 3))
}

pub fn is_back_reference(sentence_before: &str) -> bool {
    let lower = sentence_before.trim_start();
    BACK_RE.find(lower).is_some_and(|m| m.start() < 3)
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
    ("family_members", r"family members|families|relatives|three generations"),
    ("women", r"wom[ae]n|female"),
    ("elderly", r"elderly|older (?:prisoners|inmates|people)|in (?:their|his|her) (?:60s|70s|80s)"),
    ("officials", r"officials|cadres|officers"),
];

static SUBJECT_RES: LazyLock<Vec<(&'static str, Regex)>> =
    LazyLock::new(|| SUBJECTS.iter().map(|(code, p)| (*code, regex(&format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)")))).collect());

/// All subject patterns in one set: one pass says which to run.
static SUBJECT_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(SUBJECTS.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)"))).unwrap_or_else(|_| RegexSet::empty()));

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
    ("tens of thousands", 20000, Some(99999)),
    ("some hundreds", 200, Some(999)),
    ("hundreds", 200, Some(999)),
    ("thousands", 2000, Some(9999)),
    ("dozens", 24, Some(99)),
];
const COUNT_PATTERN: &str = r"(?i)(?-u:\b)(?:(?P<vague>tens of thousands|some hundreds|hundreds|thousands|dozens)|(?P<between>between )?(?P<more>more than |over |at least )?(?P<approx>about |around |some |nearly |almost |roughly |approximately |as many as |up to )?(?P<num>\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(?: (?:to|and) (?P<num2>\d{1,3}(?:,\d{3})+|\d+))?)(?P<rest> of (?:them|the|these|those)(?-u:\b)| (?:of )?(?:[a-z'-]+ ){0,3}(?:prisoners|inmates|people|convicts|detainees|defectors|soldiers|officials|north koreans|individuals|persons|women|men|children|family members|captives|workers|residents|citizens|traders|smugglers|merchants|students|farmers|brokers|escapees|refugees|civilians|guards|members|victims)(?-u:\b)(?: per [a-z]+)?)";
static COUNT_RE: LazyLock<Regex> = LazyLock::new(|| regex(COUNT_PATTERN));

fn parse_number(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    // "one" is not a scale ("one of the prisoners"); "hundred" alone means 100.
    if let Some(n) = crate::text::numbers::cardinal(&lower).filter(|n| *n >= 2).or((lower == "hundred").then_some(100)) {
        return Some(i64::from(n));
    }
    lower.replace(',', "").parse().ok()
}

/// Scale phrases about people in `text` (offsets relative to `text`).
pub fn counts_in(text: &str) -> Vec<Count> {
    let mut out = Vec::new();
    for caps in COUNT_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
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
        assert_eq!(status("", "Kim Jong Un had failed to order a ", "").0, Status::Negated);
        assert_eq!(status("", "authorities have ordered that ", " be given").0, Status::Planned);
        assert_eq!(status("", "North Korea plans to hand out ", "").0, Status::Planned);
        assert_eq!(status("The state has traditionally ", "The state has traditionally ", "").0, Status::Habitual);
        assert_eq!(status("", "the regime will grant ", " every five or ten years").0, Status::Habitual);
        assert_eq!(status("", "inmates will not learn of their ", "").0, Status::Planned);
        assert_eq!(status("", "they would have been labeled political prisoners and ", "").0, Status::Hypothetical);
        assert_eq!(status("", "The ministry has recently been launching more ", ""), (Status::Occurred, true));
        assert_eq!(status("", "Police ", " dozens of traders"), (Status::Occurred, false));
    }

    #[test]
    fn exclusion_and_references() {
        assert!(is_exclusion("the amnesty did not include prisoners sentenced to six months"));
        assert!(is_exclusion("no political prisoners under the surveillance of the Ministry of State Security were freed"));
        assert!(is_exclusion("NO PARDONS FOR POLITICAL PRISON CAMP INMATES"));
        assert!(!is_exclusion("thousands of prisoners have been released"));
        assert!(is_weak("defectors who were recently ", " from China"));
        assert!(is_weak("Also among the ", " prisoners were"));
        assert!(is_weak("North Koreans who attempted to defect or were ", " in China"));
        assert!(!is_weak("thousands of prisoners have been ", " with pardon"));
        assert!(!is_weak("China ", " about 200 people"));
        assert!(is_anaphoric("preparing for the mass "));
        assert!(!is_anaphoric("were included in last year's special "));
        assert!(is_back_reference("At the time, the "));
    }

    #[test]
    fn subject_set_compiles() {
        assert!(RegexSet::new(SUBJECTS.iter().map(|(_, p)| format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)"))).is_ok());
        assert_eq!(SUBJECT_SET.len(), SUBJECT_RES.len());
    }

    #[test]
    fn last_words_read_from_the_end() {
        assert_eq!(tail_words("He said: the prisoners' (first) release", 3), "prisoners' first release");
        assert_eq!(tail_words("  ", 3), "");
        assert_eq!(first_word(" -- Daily NK's source"), "daily");
        assert_eq!(last_words("one two", 5), vec!["one".to_string(), "two".to_string()]);
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
        let c = counts_in("seven soldiers were shot");
        assert_eq!(c[0].min, Some(7));
        let c = counts_in("between 200 and 300 North Korean people");
        assert_eq!((c[0].min, c[0].max), (Some(200), Some(300)));
    }
}
