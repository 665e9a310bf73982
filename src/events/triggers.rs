//! Trigger table: the words this press uses for each kind of penal-system happening.
//!
//! Design: triggers are data. Each row names the event type, a `family` (the sub-kind that
//! decides what may merge: an arrest and a camp sentence are different detentions), an amnesty
//! `measure` where the phrase describes one, and a case-insensitive pattern. One backward pass
//! over the document finds where every row may start; each row is then matched only from its
//! starts, as a search of the row alone would (see `row_matches`). A few
//! context checks (an organisation called "Amnesty", "released a report", "forced labor camps")
//! live next to the table as small reject lists rather than in the merging code.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta::Regex as MetaRegex;
use regex_automata::{Anchored, Input, PatternID};

use crate::text::{contains_ignore_ascii_case, Document, Span};

use super::presence::AllStarts;

/// One row of the trigger table.
#[derive(Debug, Clone, Copy)]
pub struct TriggerDef {
    /// SCHEMA.md event type; `release` rows become amnesty measures in amnesty stories.
    pub event_type: &'static str,
    /// Sub-kind: `core`, `ordinal`, `release`, `selection`, `arrest`, `crackdown`, ...
    pub family: &'static str,
    /// Amnesty measure the phrase describes (`release`, `sentence_reduction`, ...).
    pub measure: Option<&'static str>,
    pub pattern: &'static str,
}

const fn t(event_type: &'static str, family: &'static str, measure: Option<&'static str>, pattern: &'static str) -> TriggerDef {
    TriggerDef { event_type, family, measure, pattern }
}

/// The trigger table. Patterns are wrapped in ASCII word boundaries and made case-insensitive.
pub const TRIGGERS: &[TriggerDef] = &[
    // Amnesty: the act itself.
    t("amnesty", "core", None, r"(?:mass |special |general |sweeping )?(?:amnesty|amnesties)(?: decrees?| orders?)?"),
    t("amnesty", "core", None, r"(?:mass |special )?pardon(?:s|ed|ing)?"),
    t("amnesty", "core", None, r"clemency"),
    // "the second round of pardons", "the first amnesty", "following the first in August".
    t(
        "amnesty",
        "ordinal",
        None,
        r"(?:first|second|third|fourth) (?:round|time|amnesty|pardon|release)s?(?: of (?:mass )?(?:prisoner )?(?:amnesty|amnesties|pardons?|releases?))?",
    ),
    t("amnesty", "ordinal", None, r"the first in"),
    t(
        "amnesty",
        "sentence_reduction",
        Some("sentence_reduction"),
        r"sentence reductions?|reduc(?:e|ed|es|ing|tion of) (?:their |his |her |the |inmates' |prisoners' )?sentences?|(?:reduced|shorter|commuted) sentences|sentences? (?:will be |would be |were |are |was |is |be )?(?:shortened|reduced|commuted|cut)|shorten(?:s|ed|ing)? (?:their |the |his |her )?sentences?",
    ),
    t("amnesty", "selection", Some("selection"), r"(?:final )?selections?|selecting (?:candidates|prisoners|inmates)|screenings? of (?:prisoners|inmates)"),
    t("amnesty", "transfer", Some("transfer"), r"transfer(?:red|ring)? (?:model |the |some |these )?(?:prisoners|inmates)"),
    // Release: an amnesty measure in amnesty stories, an event of its own elsewhere.
    t(
        "release",
        "release",
        Some("release"),
        r"released|releases?|freed|let go|set free|liberation of (?:the )?(?:prisoners|inmates|captives)|letting them go|let them go",
    ),
    // Foreign detainees sent home: a release of its own even in a story of an amnesty.
    t(
        "release",
        "handover",
        Some("release"),
        r"(?:was|were) returned (?:home|to (?:the united states|south korea|the south|japan|his family|her family))|handed (?:[a-z'-]+ ){0,6}?over to (?:south korea|the south|the united states|japan)",
    ),
    // Detention.
    t("detention", "arrest", None, r"arrest(?:ed|s|ing)?|apprehended|round(?:ed|ing|s)? up|taken into custody"),
    t("detention", "crackdown", None, r"crackdowns?|cracking down|crack down|sweeping operations?|sweeps?|(?:operation|campaign|drive)s? against"),
    t(
        "detention",
        "camp",
        None,
        r"sent (?:[a-z0-9'-]+ ){0,8}?to (?:a |an |the )?(?:[a-z'-]+ ){0,3}(?:camps?|prisons?|kwanliso|kyohwaso|jail|detention (?:centers?|centres?|facilit(?:y|ies)))|sent (?:away )?to (?:do )?(?:hard |forced )?labou?r|sentenced (?:[a-z'-]+ ){0,5}?to (?:(?:\d+|[a-z]+(?:-[a-z]+)?) (?:years?|months?)|life|hard labou?r|reform through labou?r)|sentenced to|imprisoned|incarcerated|jailed|locked up|(?:handed|given|received|receiving|serving) (?:a |an )?(?:[a-z0-9-]+ )?(?:life|prison|jail|labou?r camp) (?:sentences?|terms?)",
    ),
    t("detention", "held", None, r"detained|being held|held (?:for (?:[a-z0-9-]+ ){1,3})?(?:in|at|there)|in custody|interrogated"),
    t("detention", "exile", None, r"exiled|exiling|banished|banishment"),
    // Forced return from abroad.
    t(
        "repatriation",
        "repatriation",
        None,
        r"repatriat(?:ed|ion|ions|e|es|ing)|forcibly (?:returned|returning|sent back|deported)|forced returns?|sent back to north korea|return of (?:[a-z'-]+ ){0,2}(?:defectors|refugees|north koreans)|return(?:ed|ing|s)? (?:them|him|her) to north korea|returned (?:[a-z]+ ){0,3}defectors|deported to north korea|handed (?:them |him |her )?over to north korea|(?:sent|deported) back from china|(?:was|were|been|being|get|got|getting) sent back",
    ),
    // Execution.
    t(
        "execution",
        "execution",
        None,
        r"publicly executed|public executions?|executed|executions?|executes|execute|firing squads?|shot (?:dead|publicly|to death)|publicly shot|put to death|hanged",
    ),
    // A death sentence is an execution ordered, not yet carried out (see `hits::build`).
    t(
        "execution",
        "death_sentence",
        None,
        r"sentenced (?:[a-z'-]+ ){0,5}?to death(?: by (?:a )?(?:firing squads?|hanging))?|death sentences?|condemned to death",
    ),
    // Death in custody (only with a prison word in the sentence, see `needs_custody`).
    t("death", "death", None, r"died|dies|die|dying|perished|perish(?:es|ing)?|dropping dead|dropped dead|(?:beaten|starved|tortured|worked) to death|deaths?"),
    // Abuse.
    t(
        "abuse",
        "abuse",
        None,
        r"tortured|torture|beaten|beatings?|beat(?:s|ing)? (?:us|me|them|him|her|prisoners|inmates|detainees|defectors|those|anyone|people)|rations (?:[a-z0-9'-]+ ){0,5}?(?:have been |had been |were |was )?(?:cut|reduced|slashed)|(?:cut|reduced|slashed) (?:their |the |food )*rations|(?:kick|punch|whipp?)(?:ed|ing|s)? (?:us|me|them|him|her|prisoners|inmates|detainees|defectors|(?:pregnant )?women)|forced abortions?|(?:forced|forcing|force|forces) (?:them|her|women|pregnant women|prisoners|inmates|detainees) to (?:have |undergo )?abortions?|sexual (?:assault|abuse|violence)|raped?|human rights abuses|abuses?|starvation (?:rations|diets?)|starving|going hungry|fed only|forced labou?r|violent punishments?|mistreat(?:ed|ment)|ill-treatment|maltreatment",
    ),
    // Indoctrination.
    t(
        "indoctrination",
        "education",
        None,
        r"educational (?:courses|sessions|programs?|classes)|education sessions?|ideological (?:education|training)|study sessions?|educating",
    ),
    t("indoctrination", "lecture", None, r"lectur(?:e|es|ed|ing)"),
    t("indoctrination", "ceremony", None, r"(?:release )?ceremon(?:y|ies)"),
    t("indoctrination", "pledge", None, r"pledges?|loyalty oaths?"),
    // Corruption.
    t("corruption", "bribery", None, r"bribes?|bribed|bribing|bribery|kickbacks?"),
    // Personnel.
    t(
        "personnel",
        "dismissal",
        None,
        r"purged|purges?|fired|dismissed|dismissal|sacked|demoted|removed from (?:his|her|their) posts?|relieved of (?:his|her|their) (?:posts?|duties)",
    ),
    // Transfers between facilities outside an amnesty.
    t("transfer", "transfer", None, r"transferred (?:[a-z]+ ){0,3}(?:from|to) (?:another|other|a different) (?:prison|camp|facilit)"),
];

/// Words that, right after a trigger (keyed by family or by the matched text), show it is not
/// about the penal system. A determiner in between is skipped ("released a report").
const REJECT_AFTER: &[(&str, &[&str])] = &[
    ("release", &["report", "reports", "statement", "video", "images", "photos", "data", "footage", "figures", "details", "information", "list", "book"]),
    ("abuse", &["of"]),
    ("forced labor", &["camp", "camps"]),
    ("forced labour", &["camp", "camps"]),
    ("fired", &["at", "on", "shots", "missiles", "a", "rockets"]),
    // "dismissed the report as a fabrication": a denial, not a dismissal from office.
    ("dismissed", &["report", "reports", "claims", "allegations", "accusations", "criticism", "charges", "concerns", "it", "them", "as", "findings"]),
    ("death", &["penalty", "sentence", "sentences", "row", "toll"]),
    ("deaths", &["penalty"]),
];

/// Words that, right before a trigger, show it is not about the penal system.
const REJECT_BEFORE: &[(&str, &[&str])] = &[
    ("death", &["to", "poisoning", "brother's", "father's"]),
    // "died in custody" is where a death happened, not a detention of its own.
    ("in custody", &["died", "dies", "die", "dying", "death", "deaths"]),
    // "a clean sweep" of an election, "a sweep of the area".
    ("sweep", &["clean", "election"]),
    // "a lecture held at the end of October": a gathering that took place, nobody in custody.
    (
        "held",
        &[
            "lecture",
            "lectures",
            "meeting",
            "meetings",
            "session",
            "sessions",
            "rally",
            "rallies",
            "ceremony",
            "ceremonies",
            "conference",
            "talks",
            "briefing",
            "election",
            "elections",
            "event",
            "events",
            "festival",
            "exercise",
            "exercises",
            "summit",
            "celebration",
            "celebrations",
            "parade",
            "funeral",
            "forum",
            "seminar",
            "gathering",
            "gatherings",
            "plenum",
            "congress",
            "competition",
            "performance",
            "vote",
            "drill",
            "drills",
        ],
    ),
];

/// A publication as the subject of "released" ("the report was released", "a report released
/// Tuesday by HRNK").
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)(?-u:\b)(?:reports?|statements?|videos?|images|imagery|data|footage|album|film|books?|photos|documents?|figures|results|list|details|findings|songs?|movies?|survey|study),?\s+(?:(?:was|were|is|are|has been|have been|had been|being|to be)\s*)?$",
    )
});

/// [`PUBLISHED`] spans at most three whitespace-separated tokens ("report has been").
const PUBLISHED_TOKENS: usize = 3;

/// The last `n` whitespace-separated tokens of `text` with the whitespace after them. The cut
/// follows whitespace, so a pattern anchored at the end that spans at most `n` tokens and looks
/// around only with `\b` matches the tail exactly when it matches the whole text (the text
/// before a trigger can be the whole document).
fn last_tokens(text: &str, n: usize) -> &str {
    let mut tokens = 0;
    let mut in_token = false;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            if in_token {
                tokens += 1;
                if tokens == n {
                    return text.get(i + c.len_utf8()..).unwrap_or(text);
                }
            }
            in_token = false;
        } else {
            in_token = true;
        }
    }
    text
}

const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "new"];

/// Prison words; a death trigger counts only in a sentence that has one.
const CUSTODY_WORDS: &[&str] = &[
    "prison",
    "prisoner",
    "prisoners",
    "inmate",
    "inmates",
    "detainee",
    "detainees",
    "camp",
    "camps",
    "custody",
    "jail",
    "kyohwaso",
    "kwanliso",
    "cell",
    "holding",
    "convicts",
    "imprisoned",
    "imprisonment",
    "incarcerated",
    "detention",
    "penitentiary",
    "gulag",
];

/// A trigger found in the text.
#[derive(Debug, Clone, Copy)]
pub struct RawHit {
    pub def: &'static TriggerDef,
    pub span: Span,
}

fn wrap(pattern: &str) -> String {
    format!(r"(?i)(?-u:\b)(?:{pattern})(?-u:\b)")
}

/// Where each row may start: one backward pass over the document finds the starts of all rows'
/// matches.
static STARTS: LazyLock<Option<AllStarts>> = LazyLock::new(|| AllStarts::new(&TRIGGERS.iter().map(|d| wrap(d.pattern)).collect::<Vec<_>>()));

/// All rows, each searched on its own from a start (`Anchored::Pattern`), as its own search
/// would choose its match there (leftmost-first).
static ROWS_AT: LazyLock<Option<MetaRegex>> = LazyLock::new(|| MetaRegex::new_many(&TRIGGERS.iter().map(|d| wrap(d.pattern)).collect::<Vec<_>>()).ok());

/// Each row alone: the fallback where the backward pass gives up.
static EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| TRIGGERS.iter().map(|d| crate::text::regex(&wrap(d.pattern))).collect());

/// Per row, the spans a search of the whole text with that row alone finds (leftmost-first, in
/// text order).
///
/// Why this is the same: such a search resumes at the end of its last match and takes the
/// leftmost start from there where the row matches, with the match a search anchored there
/// chooses. Every start the row has is among its `starts`, so trying them in order, skipping
/// those before the resume point, finds each match the search finds.
///
/// `starts` are those [`trigger_starts`] finds in `text`, if already found.
fn row_matches(text: &str, starts: Option<Vec<Vec<usize>>>) -> Vec<Vec<Span>> {
    let found = starts.or_else(|| STARTS.as_ref().and_then(|s| s.of(text))).zip(ROWS_AT.as_ref());
    let Some((starts, rows_at)) = found else {
        return EACH.iter().map(|re| re.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect()).collect();
    };
    let mut out = Vec::with_capacity(starts.len());
    for (row, starts) in starts.iter().enumerate() {
        let mut spans = Vec::new();
        let mut resume = 0;
        let Ok(pattern) = PatternID::try_from(row) else { continue };
        for &start in starts {
            if start < resume {
                continue;
            }
            if let Some(m) = rows_at.search(&Input::new(text).range(start..).anchored(Anchored::Pattern(pattern))) {
                spans.push(Span::new(m.start(), m.end()));
                resume = m.end();
            }
        }
        out.push(spans);
    }
    out
}

fn next_word(text: &str) -> &str {
    let rest = text.trim_start_matches([' ', '\'', '"']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-')).unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

fn prev_word(text: &str) -> &str {
    let rest = text.trim_end_matches([' ', '"']);
    let start = rest.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-')).map_or(0, |i| i + 1);
    rest.get(start..).unwrap_or("")
}

/// Whether the word between `before` and `after` is part of an e-mail or web address: it touches
/// an `@` or `/`, or a dot that runs on into a lower-case letter or digit ("amnesty.org"; a
/// sentence that misses its space, "pardoned.The", goes on with a capital).
fn in_address(before: &str, after: &str) -> bool {
    let mut after_chars = after.chars();
    let (next, next_but_one) = (after_chars.next(), after_chars.next());
    matches!(next, Some('@' | '/'))
        || matches!(before.chars().next_back(), Some('@' | '/'))
        || next == Some('.') && next_but_one.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Whether `word` is one of `words` (lower-case ASCII), ASCII case aside.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words are compared ASCII case aside rather than lower-cased copies (many triggers to check).
fn rejected(doc: &Document, def: &TriggerDef, span: Span, matched: &str) -> bool {
    let after = doc.norm.get(span.end..).unwrap_or("");
    let before = doc.norm.get(..span.start).unwrap_or("");
    if in_address(before, after) {
        // "press@amnesty.org", "www.pardon.gov/news": a word of an e-mail or web address.
        return true;
    }
    let mut next = next_word(after);
    if is_one_of(next, DETERMINERS) && (def.family == "release" || matched.eq_ignore_ascii_case("dismissed")) {
        let skip = after.trim_start().get(next.len()..).unwrap_or("");
        next = next_word(skip);
    }
    let prev = prev_word(before);
    let key_of = |key: &str| matched.eq_ignore_ascii_case(key) || def.family == key;
    if REJECT_AFTER.iter().any(|(key, words)| key_of(key) && is_one_of(next, words)) {
        return true;
    }
    if REJECT_BEFORE.iter().any(|(key, words)| key_of(key) && is_one_of(prev, words)) {
        return true;
    }
    if def.family == "release" && PUBLISHED.is_match(last_tokens(before, PUBLISHED_TOKENS)) {
        // "The report was released on Tuesday."
        return true;
    }
    if def.family == "ordinal" && next.eq_ignore_ascii_case("of") && !contains_ignore_ascii_case(matched, " of ") {
        // "the first round of selections" counts selections, not amnesties.
        return true;
    }
    if def.family == "core" && contains_ignore_ascii_case(matched, "amnesty") {
        // The NGO: "Amnesty International", "Amnesty said", "Amnesty UK's".
        let capital = matched.starts_with('A');
        let org_next = ["international", "said", "says", "uk", "usa", "uk's", "international's"];
        if capital && (is_one_of(next, &org_next) || matched.eq_ignore_ascii_case("amnesty") && prev.eq_ignore_ascii_case("the")) {
            return true;
        }
    }
    if def.event_type == "death" {
        let sentence = doc.sentence_index_at(span.start).and_then(|i| doc.sentences.get(i)).map(|s| doc.slice(s.span)).unwrap_or("");
        let has_custody = sentence.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| CUSTODY_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)));
        if !has_custody {
            return true;
        }
    }
    false
}

/// The finder of where each row may start (to scan for them alongside other patterns).
pub fn trigger_starts() -> Option<&'static AllStarts> {
    STARTS.as_ref()
}

/// Every trigger in the document, longest first where two overlap, sorted by start.
#[cfg(test)]
pub fn find_triggers(doc: &Document) -> Vec<RawHit> {
    find_triggers_from(doc, None)
}

/// [`find_triggers`], given the rows' starts in the document if [`trigger_starts`] already
/// found them.
pub fn find_triggers_from(doc: &Document, starts: Option<Vec<Vec<usize>>>) -> Vec<RawHit> {
    let mut found: Vec<(usize, Span)> = Vec::new();
    for (index, (def, spans)) in TRIGGERS.iter().zip(row_matches(&doc.norm, starts)).enumerate() {
        found.extend(spans.into_iter().filter(|&span| !rejected(doc, def, span, doc.slice(span))).map(|span| (index, span)));
    }
    // Row order breaks ties, as when each row was searched over the whole text in turn.
    found.sort_by(|a, b| a.1.start.cmp(&b.1.start).then(b.1.len().cmp(&a.1.len())).then(a.0.cmp(&b.0)));
    let hits = found.into_iter().filter_map(|(index, span)| TRIGGERS.get(index).map(|def| RawHit { def, span }));
    // Longest match wins among overlapping hits of the same type family group; a shorter hit inside
    // a longer one of another type survives only if the types differ in class (an execution and a
    // personnel hit may share words; "beaten to death" is a death, not also an abuse).
    // `kept` is in start order; `reach[i]` is the furthest end among `kept[..=i]`, so the walk back
    // over possible overlaps stops as soon as nothing earlier reaches the hit (linear overall).
    let mut kept: Vec<RawHit> = Vec::new();
    let mut reach: Vec<usize> = Vec::new();
    for hit in hits {
        let clash = kept
            .iter()
            .zip(&reach)
            .rev()
            .take_while(|(_, &r)| r > hit.span.start)
            .any(|(k, _)| k.span.overlaps(hit.span) && (same_class(k.def, hit.def) || k.span.contains(hit.span)));
        if !clash {
            reach.push(reach.last().map_or(hit.span.end, |&r| r.max(hit.span.end)));
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.span.start);
    kept
}

/// Amnesty and release rows describe the same happening; other types are distinct.
fn same_class(a: &TriggerDef, b: &TriggerDef) -> bool {
    let amnesty_like = |d: &TriggerDef| d.event_type == "amnesty" || d.event_type == "release";
    a.event_type == b.event_type || (amnesty_like(a) && amnesty_like(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_plain("t", text, None);
        find_triggers(&doc).iter().map(|h| (h.def.event_type.to_string(), doc.slice(h.span).to_string())).collect()
    }

    #[test]
    fn last_tokens_keep_whole_tokens() {
        assert_eq!(last_tokens("the annual report has been  ", 3), "report has been  ");
        assert_eq!(last_tokens("report was ", 3), "report was ");
        assert_eq!(last_tokens("", 3), "");
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(EACH.len(), TRIGGERS.len());
        assert!(STARTS.is_some() && ROWS_AT.is_some());
    }

    #[test]
    fn rows_match_from_their_starts_as_searched_alone() {
        let text = "The RELEASE CEREMONY\u{a0}released prisoners; a special pardon, pardons and mass pardoning. \
                    He was re-arrested (not prearrested), sent him and two others to a labor camp, \u{201c}sentenced to death\u{201d}, \
                    \u{17F}ent and sent to a \u{212A}wanliso, 2\u{17F}ent to a camp (a \u{17F} after a word byte starts a word), beaten to death, died in custody and the second round of pardons in 2015.\n\
                    Released. Arrest";
        let want: Vec<Vec<Span>> = EACH.iter().map(|re| re.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect()).collect();
        assert_eq!(row_matches(text, None), want);
        // rows sharing starts and the case-folded non-ASCII letters are all there
        assert!(want.iter().filter(|spans| !spans.is_empty()).count() >= 9);
        assert!(want.iter().flatten().any(|m| text.get(m.start..m.end).is_some_and(|t| t.starts_with('\u{17F}'))));
        assert!(want.iter().flatten().any(|m| text.get(m.start..m.end).is_some_and(|t| t.contains('\u{212A}'))));
        assert_eq!(row_matches("", None), vec![Vec::<Span>::new(); TRIGGERS.len()]);
    }

    #[test]
    fn finds_each_event_type() {
        let cases = [
            ("The regime granted a special pardon to 300 inmates.", "amnesty"),
            ("Police arrested three smugglers in Hyesan last week.", "detention"),
            ("A court sentenced the American missionary John Roe to 15 years of hard labor.", "detention"),
            ("Security agents have sent at least 12 relatives of defectors to labor training camps.", "detention"),
            ("The security ministry has been rounding up the families of defectors.", "detention"),
            ("The envoy was sent to forced labor in Jagang Province.", "detention"),
            ("He was publicly executed by firing squad in Hyesan.", "execution"),
            ("China forcibly returned 60 defectors in April.", "repatriation"),
            ("When I was sent back in 2012, I was held for a month.", "repatriation"),
            ("The guards beat us with sticks.", "abuse"),
            ("Thousands of prisoners have perished in the camps.", "death"),
            ("Two inmates died of hunger at the prison last month.", "death"),
            ("Former detainees said they had seen other prisoners die in custody.", "death"),
            ("Guards tortured the detainees for days.", "abuse"),
            ("Guards kicked pregnant women and forced them to have abortions.", "abuse"),
            ("Women held at the jail were subjected to forced abortions.", "abuse"),
            ("At least five people in my work unit died of malnutrition, a woman imprisoned there said.", "death"),
            ("Inmates had to attend lectures on the leader's greatness.", "indoctrination"),
            ("Families paid bribes to the guards.", "corruption"),
            ("The prison chief was dismissed in March.", "personnel"),
            ("The student was handed over to South Korea at Panmunjom.", "release"),
            ("A man has been sentenced to death by firing squad for smuggling films.", "execution"),
            ("Bribes are paid to have relatives released before trial.", "release"),
            ("One man was handed a life sentence.", "detention"),
            ("She was held for three months at a holding centre.", "detention"),
            ("Food rations at the camp have been cut since spring.", "abuse"),
        ];
        for (text, want) in cases {
            let got = found(text);
            assert!(got.iter().any(|(ty, _)| ty == want), "{text}: {got:?}");
        }
    }

    #[test]
    fn rejects_non_penal_uses() {
        assert!(found("Amnesty International said the camps grew.").is_empty());
        assert!(found("The ministry released a report on trade.").is_empty());
        assert!(found("The commission's report, released in Geneva on Monday, said so.").is_empty());
        assert!(found("THE MINISTRY RELEASED A REPORT ON TRADE.").is_empty());
        assert!(found("AMNESTY International said so.").is_empty());
        let lecture = found("At a lecture held in March, residents were told to report smugglers.");
        assert!(lecture.iter().all(|(ty, _)| ty != "detention"), "{lecture:?}");
        assert!(found("For more information e-mail press@amnesty.org or see www.amnesty.org/en/latest.").is_empty());
        assert!(found("Read more at https://example.com/pardon/2015 today.").is_empty());
        let run_on = found("Kim granted an amnesty.It freed 300 prisoners.");
        assert!(run_on.iter().any(|(ty, _)| ty == "amnesty"), "a missing space after a full stop is no address: {run_on:?}");
        assert!(found("A report released Tuesday by the group shows new guard posts.").is_empty());
        assert!(!found("Dozens of prisoners released last week were ill.").is_empty());
        assert!(found("The report has been\n released.").is_empty());
        assert!(found("Kim Jong Nam's poisoning death shocked Seoul.").is_empty());
        assert!(found("He was kicked out of the party.").is_empty());
        assert!(found("A spokesman dismissed the report as a fabrication.").is_empty());
        assert!(!found("The prison chief was dismissed in March.").is_empty());
        // A death needs a word of custody in its sentence.
        assert!(found("His grandmother died of old age in 2015.").is_empty());
        assert!(found("He refilled its forced labor camps.").iter().all(|(t, _)| t != "abuse"));
        let beaten = found("She was beaten to death in the prison.");
        assert_eq!(beaten, vec![("death".to_string(), "beaten to death".to_string())]);
    }
}
