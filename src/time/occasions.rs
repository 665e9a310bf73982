//! The occasion table (data/occasions.tsv, embedded) and the finder of occasion mentions.
//!
//! Design: occasions are data. Each row says when the occasion falls, which base dates are valid in
//! which years (the army's founding day moved twice), which event an "Nth anniversary" counts
//! (birth, founding, ...) and which subject words name it. Phrases are found in one regex pass over
//! the document for their heads ("anniversary", "birthday") plus one Aho-Corasick pass for names
//! ("Day of the Sun"); the words around a head then say which occasion it is, so "the 75th
//! anniversary of the regime's founding" and "Kim Jong Il's 80th birthday" need no alias each.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::calendar::Date;
use super::lexicon::{compile, ordinal_word};
use crate::text::Span;

/// A base date of an occasion and the years (of writing) in which it is the one that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccasionBase {
    pub base_year: i32,
    pub month: u32,
    pub day: u32,
    /// First year this base is valid (inclusive); `None` = since always.
    pub valid_from: Option<i32>,
    /// Last year this base is valid (inclusive); `None` = still valid.
    pub valid_to: Option<i32>,
}

impl OccasionBase {
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|from| year >= from) && self.valid_to.is_none_or(|to| year <= to)
    }
}

/// One occasion (holiday or anniversary) from data/occasions.tsv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccasionDef {
    /// SCHEMA.md occasion code, e.g. `party_founding_day`.
    pub id: String,
    pub name: String,
    /// The date as currently observed.
    pub month: u32,
    pub day: u32,
    /// Base dates with the years they are valid in; empty when anniversaries must not be computed.
    pub bases: Vec<OccasionBase>,
    /// What the Nth anniversary counts: `birth`, `founding`, `death`, `liberation`, `victory`, `other`.
    pub event: String,
    /// Words naming whose birth or founding it is ("Workers' Party", "regime", "grandfather").
    pub subjects: Vec<String>,
    /// Names as this press writes them ("Day of the Sun", "Party Foundation Day").
    pub aliases: Vec<String>,
    pub sources: Vec<String>,
}

impl OccasionDef {
    /// The base valid when an article was written in `written_year`; with no year known, the base
    /// whose Nth anniversary falls inside its own validity (the latest such when several do).
    pub fn base_for(&self, written_year: Option<i32>, anniversary: Option<i32>) -> Option<&OccasionBase> {
        if let Some(year) = written_year {
            if let Some(base) = self.bases.iter().find(|b| b.valid_in(year)) {
                return Some(base);
            }
        }
        if let Some(n) = anniversary {
            if let Some(base) = self.bases.iter().rev().find(|b| b.valid_in(b.base_year + n)) {
                return Some(base);
            }
        }
        self.bases.last()
    }

    /// The date of the Nth anniversary, using the base valid when the article was written.
    pub fn anniversary_date(&self, n: i32, written_year: Option<i32>) -> Option<Date> {
        let base = self.base_for(written_year, Some(n))?;
        Date::new(base.base_year + n, base.month, base.day)
    }

    /// Month and day the occasion falls on in `year` (the army's day depends on the year).
    pub fn month_day_in(&self, year: Option<i32>) -> (u32, u32) {
        match year.and_then(|y| self.bases.iter().find(|b| b.valid_in(y))) {
            Some(base) => (base.month, base.day),
            None => (self.month, self.day),
        }
    }

    /// Whether `month`/`day` is a day this occasion has ever fallen on.
    pub fn falls_on(&self, month: u32, day: u32) -> bool {
        (self.month == month && self.day == day) || self.bases.iter().any(|b| b.month == month && b.day == day)
    }
}

static OCCASIONS_TSV: &str = include_str!("../../data/occasions.tsv");

static OCCASIONS: LazyLock<Vec<OccasionDef>> = LazyLock::new(|| parse_table(OCCASIONS_TSV));

/// Every occasion of data/occasions.tsv, in file order.
pub fn occasions() -> &'static [OccasionDef] {
    &OCCASIONS
}

/// The occasion with this SCHEMA.md code.
pub fn occasion(id: &str) -> Option<&'static OccasionDef> {
    OCCASIONS.iter().find(|o| o.id == id)
}

fn split_list(field: &str, sep: &str) -> Vec<String> {
    field.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn parse_base(item: &str) -> Option<OccasionBase> {
    let (date, validity) = item.split_once('@')?;
    let date = Date::parse_iso(date)?;
    let (from, to) = validity.split_once('-').unwrap_or((validity, validity));
    Some(OccasionBase { base_year: date.year, month: date.month, day: date.day, valid_from: from.trim().parse().ok(), valid_to: to.trim().parse().ok() })
}

fn parse_table(tsv: &str) -> Vec<OccasionDef> {
    let mut rows = Vec::new();
    let lines = tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1);
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let col = |i: usize| cols.get(i).copied().unwrap_or("").trim();
        let (Ok(month), Ok(day)) = (col(2).parse(), col(3).parse()) else { continue };
        rows.push(OccasionDef {
            id: col(0).to_string(),
            name: col(1).to_string(),
            month,
            day,
            bases: col(4).split(';').filter_map(parse_base).collect(),
            event: col(5).to_string(),
            subjects: split_list(col(6), ";"),
            aliases: split_list(col(7), ";"),
            sources: split_list(col(8), " | "),
        });
    }
    rows
}

/// An occasion named in the text, before any date arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub struct OccasionMention {
    pub span: Span,
    /// Occasion codes, first the main one ("birth anniversaries of Kim Il Sung and Kim Jong Il"
    /// names two).
    pub ids: Vec<&'static str>,
    pub anniversary: Option<i32>,
}

/// Heads of anniversary phrases, with an optional ordinal and event word before them.
static HEAD_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let ordinal = r"(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|fifteenth|twentieth|twenty-fifth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|seventy-fifth|eightieth|ninetieth|hundredth|one-hundredth))";
    let pattern = format!(
        r"(?i)(?-u:\b)(?:{ordinal}[\s-]+)?(?:(?:founding|foundation|birth|death)\s+)?(?:{ordinal2}[\s-]+)?(?:anniversary|anniversaries|birthday|birthdays|birth\s+anniversary|birth\s+anniversaries)(?-u:\b)",
        ordinal = ordinal,
        ordinal2 = ordinal.replace("?P<num>", "?P<num2>").replace("?P<word>", "?P<word2>"),
    );
    compile(&pattern)
});

/// What every head contains: `(?i)` folds only "s" and "k" outside ASCII ("ſ", the Kelvin sign)
/// and neither keyword has a "k", so a text without "ſ" holds a head only where it holds one of
/// these, ASCII-case-insensitively. (A literal search: far faster than the head pattern.)
static HEAD_KEYWORDS: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"(?i-u)anniversar|birthday"));

/// Bytes no head can contain: ASCII other than letters, digits, `_`, `-` and whitespace.
/// They are non-word bytes, so a run between two of them, searched alone, has the same word
/// boundaries as in the whole text and holds the same heads.
fn head_barrier(b: u8) -> bool {
    b.is_ascii() && !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b.is_ascii_whitespace() || b == 0x0B)
}

/// An anniversary head ("70th anniversary", "birthdays") with its ordinal.
struct Head<'t> {
    span: Span,
    text: &'t str,
    ordinal: Option<i32>,
}

/// Every head of `text`, as one search of the whole text with [`HEAD_RE`] finds them; only the
/// runs between barrier bytes that hold a keyword are searched.
fn find_heads(text: &str) -> Vec<Head<'_>> {
    let Some(re) = HEAD_RE.as_ref() else { return Vec::new() };
    let mut heads = Vec::new();
    let mut search = |from: usize, to: usize| {
        let Some(run) = text.get(from..to) else { return };
        for caps in re.captures_iter(run) {
            let Some(whole) = caps.get(0) else { continue };
            let ordinal = parse_ordinal(&caps, "num", "word").or_else(|| parse_ordinal(&caps, "num2", "word2"));
            let span = Span::new(from + whole.start(), from + whole.end());
            heads.push(Head { span, text: text.get(span.start..span.end).unwrap_or(""), ordinal });
        }
    };
    match HEAD_KEYWORDS.as_ref() {
        Some(keywords) if !text.contains('\u{17F}') => {
            for_each_run(text, keywords.find_iter(text).map(|m| (m.start(), m.end())), head_barrier, search);
        }
        _ => search(0, text.len()),
    }
    heads
}

/// A leading ordinal before an alias ("the 70th Party foundation day").
/// An ordinal and a conjunction just before a head: "the fifth and [10th anniversaries]".
static ORDINAL_LIST_BEFORE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"(?i)(?-u:\b)(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+tieth|hundredth)\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$",
    )
});
static ORDINAL_BEFORE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| compile(r"(?i)(?-u:\b)(\d{1,3})(?:st|nd|rd|th)\s+$"));

/// Word cues that say which event an anniversary counts.
const EVENT_CUES: &[(&str, &str)] = &[
    ("birthday", "birth"),
    ("birth", "birth"),
    ("born", "birth"),
    ("founding", "founding"),
    ("foundation", "founding"),
    ("founded", "founding"),
    ("creation", "founding"),
    ("establishment", "founding"),
    ("death", "death"),
    ("passing", "death"),
    ("demise", "death"),
    ("liberation", "liberation"),
    ("independence", "liberation"),
    ("victory", "victory"),
    ("armistice", "victory"),
];

struct Cues {
    matcher: AhoCorasick,
    /// Per pattern: (is_alias, occasion index or event name).
    kinds: Vec<CueKind>,
}

enum CueKind {
    Alias(usize),
    Subject(usize),
    Event(&'static str),
}

static CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    for (i, occ) in OCCASIONS.iter().enumerate() {
        for alias in &occ.aliases {
            patterns.push(alias.to_lowercase());
            kinds.push(CueKind::Alias(i));
        }
        for subject in &occ.subjects {
            patterns.push(subject.to_lowercase());
            kinds.push(CueKind::Subject(i));
        }
    }
    for (word, event) in EVENT_CUES {
        patterns.push((*word).to_string());
        kinds.push(CueKind::Event(event));
    }
    // A DFA: the whole document goes through this automaton once, and a DFA walks it fastest.
    let matcher =
        AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).kind(Some(AhoCorasickKind::DFA)).build(&patterns).ok()?;
    Some(Cues { matcher, kinds })
});

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Whole-word hits of the cue automaton in `text[range]`: (start, end, kind).
fn cue_hits(text: &str, from: usize, to: usize) -> Vec<(usize, usize, &'static CueKind)> {
    let Some(cues) = CUES.as_ref() else { return Vec::new() };
    let Some(window) = text.get(from..to) else { return Vec::new() };
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    for m in cues.matcher.find_iter(window) {
        let (s, e) = (from + m.start(), from + m.end());
        let before_ok = s == 0 || bytes.get(s - 1).is_none_or(|&b| !is_word_byte(b));
        // A trailing "'s" or plural "s" is allowed after a subject ("the party's").
        let after_ok = bytes.get(e).is_none_or(|&b| !is_word_byte(b) || b == b's');
        if before_ok && after_ok {
            if let Some(kind) = cues.kinds.get(m.pattern().as_usize()) {
                hits.push((s, e, kind));
            }
        }
    }
    hits
}

/// Words one of which every alias contains ("Day of the Sun", "Taeyangjol", "April Spring
/// Festival", "KPA founding anniversary"), found by a literal search far faster than the cue
/// automaton.
const ALIAS_ANCHORS: &[&str] = &["day", "jol", "anniversar", "festival"];

static ALIAS_ANCHOR_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let alternation = ALIAS_ANCHORS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let anchors = compile(&format!("(?i-u){alternation}"))?;
    // Without an anchor that may open a run in every alias (as the cue automaton has it), every
    // run must be searched (see `for_each_alias_run`).
    let anchored = OCCASIONS.iter().flat_map(|o| &o.aliases).all(|a| {
        let lower = a.to_lowercase();
        anchors.find_iter(&lower).any(|m| anchor_may_be_in_alias(&lower, m.start(), m.end()))
    });
    anchored.then_some(anchors)
});

/// Words that end in "day" in some alias ("birthday", "April holiday").
const DAY_WORD_STEMS: &[&str] = &["birth", "holi"];

/// Whether the anchor at `start..end` of `text` may lie inside an alias: any anchor but "day", which
/// in the aliases opens a word ("Day of the Sun", "Party Foundation Day") or ends one of
/// [`DAY_WORD_STEMS`]. An alias match keeps the bytes around its "day" (only ASCII letters differ
/// in case) and starts after a byte that is no letter or digit, so the "day" of "today" or
/// "Monday" opens no run.
fn anchor_may_be_in_alias(text: &str, start: usize, end: usize) -> bool {
    if !text.get(start..end).is_some_and(|key| key.eq_ignore_ascii_case("day")) {
        return true;
    }
    let before = text.as_bytes().get(..start).unwrap_or(&[]);
    before.last().is_none_or(|b| !b.is_ascii_alphanumeric())
        || DAY_WORD_STEMS
            .iter()
            .any(|stem| before.len() >= stem.len() && before.get(before.len() - stem.len()..).is_some_and(|b| b.eq_ignore_ascii_case(stem.as_bytes())))
}

/// Bytes no cue pattern contains (patterns are ASCII letters, digits, spaces, apostrophes,
/// hyphens and periods): no match of the cue automaton runs across one, so its matches inside a
/// run between two of them are the same whether it searches the run or the whole text.
fn cue_barrier(b: u8) -> bool {
    !(b.is_ascii_alphanumeric() || matches!(b, b' ' | b'\'' | b'-' | b'.'))
}

/// Calls `search(from, to)` for each run between cue barriers that can hold an alias (one with
/// an alias anchor), in order; with no anchor search at hand, once for the whole text.
fn for_each_alias_run(text: &str, mut search: impl FnMut(usize, usize)) {
    let Some(anchors) = ALIAS_ANCHOR_RE.as_ref() else {
        search(0, text.len());
        return;
    };
    let keys = anchors.find_iter(text).filter(|m| anchor_may_be_in_alias(text, m.start(), m.end())).map(|m| (m.start(), m.end()));
    for_each_run(text, keys, cue_barrier, search);
}

/// Calls `search(from, to)` for the run between `barrier` bytes around each key match (in order,
/// each run once): a pattern that cannot cross a barrier finds the same matches in these runs as
/// in the whole text, as long as every match holds a key.
fn for_each_run(text: &str, keys: impl Iterator<Item = (usize, usize)>, barrier: fn(u8) -> bool, mut search: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut searched_to = 0;
    for (start, end) in keys {
        if start < searched_to {
            continue;
        }
        let mut from = start;
        while from > searched_to && bytes.get(from - 1).is_some_and(|&b| !barrier(b)) {
            from -= 1;
        }
        let mut to = end;
        while bytes.get(to).is_some_and(|&b| !barrier(b)) {
            to += 1;
        }
        search(from, to);
        searched_to = to;
    }
}

fn clause_break(b: u8) -> bool {
    matches!(b, b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'"' | b'\n' | b',')
}

/// Start of the window before `pos` (back to a clause break, at most `max` bytes).
fn window_start(text: &str, pos: usize, max: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    let lo = pos.saturating_sub(max).max(floor);
    let mut i = pos;
    while i > lo {
        if bytes.get(i - 1).is_some_and(|&b| clause_break(b)) {
            break;
        }
        i -= 1;
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// End of the window after `pos` (up to a clause break, at most `max` bytes).
fn window_end(text: &str, pos: usize, max: usize, ceil: usize) -> usize {
    let bytes = text.as_bytes();
    let hi = (pos + max).min(ceil).min(text.len());
    let mut i = pos;
    while i < hi {
        // A period inside "Kim Jong Il's" never occurs; "U.N." and "Dr." are rare in these windows.
        if bytes.get(i).is_some_and(|&b| clause_break(b)) {
            break;
        }
        i += 1;
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn parse_ordinal(caps: &regex::Captures<'_>, num: &str, word: &str) -> Option<i32> {
    if let Some(m) = caps.name(num) {
        return m.as_str().parse().ok();
    }
    caps.name(word).and_then(|m| ordinal_word(m.as_str()))
}

/// Finds every occasion mention of `text` (the document's `norm`).
pub fn find_occasions(text: &str) -> Vec<OccasionMention> {
    let mut out: Vec<OccasionMention> = Vec::new();
    // Names first ("Day of the Sun", "the 70th Party foundation day").
    let mut alias_spans: Vec<(Span, usize)> = Vec::new();
    for_each_alias_run(text, |from, to| {
        for (s, e, kind) in cue_hits(text, from, to) {
            if let CueKind::Alias(i) = kind {
                alias_spans.push((Span::new(s, e), *i));
            }
        }
    });
    for (span, index) in &alias_spans {
        let Some(occ) = OCCASIONS.get(*index) else { continue };
        let before = text.get(span.start.saturating_sub(8)..span.start).unwrap_or("");
        let (start, anniversary) = match ORDINAL_BEFORE_RE.as_ref().and_then(|re| re.captures(before)) {
            Some(c) => {
                let whole = c.get(0).map_or(0, |m| m.len());
                (span.start - whole, c.get(1).and_then(|m| m.as_str().parse().ok()))
            }
            None => (span.start, None),
        };
        out.push(OccasionMention { span: Span::new(start, span.end), ids: vec![occ.id.as_str()], anniversary });
    }
    // Spans found so far, by start, with the longest one's length: whether a head is already
    // covered is a look at the few spans that start close enough to reach it.
    let mut taken = TakenSpans::default();
    for m in &out {
        taken.insert(m.span);
    }
    // Then anniversary phrases, read through the words around them.
    let heads = find_heads(text);
    for (k, found) in heads.iter().enumerate() {
        let head = found.span;
        if taken.overlaps(head) {
            continue;
        }
        let prev_end = if k == 0 { 0 } else { heads.get(k - 1).map_or(0, |h| h.span.end) };
        let next_start = heads.get(k + 1).map_or(text.len(), |h| h.span.start);
        // "the 100th anniversary of his grandfather's birthday": the inner head belongs to this one.
        let inner = text.get(head.end..next_start).is_some_and(|gap| gap.len() < 40 && gap.trim_start().starts_with("of") && !gap.contains(','));
        let right_ceil = if inner { heads.get(k + 1).map_or(text.len(), |h| h.span.end) } else { next_start };
        if k > 0 && text.get(prev_end..head.start).is_some_and(|gap| gap.len() < 40 && gap.trim_start().starts_with("of") && !gap.contains(',')) {
            // This head was read as the inner part of the previous one.
            if out.last().is_some_and(|m| m.span.end >= head.start) {
                continue;
            }
        }
        let left = window_start(text, head.start, 50, prev_end);
        let right = window_end(text, head.end, 90, right_ceil.max(head.end));
        let anniversary = found.ordinal;
        let head_text = found.text.to_ascii_lowercase();
        let plural = head_text.ends_with('s');
        // "the fifth and 10th anniversaries of ...": a custom, not one date; "the 70th
        // anniversaries of liberation and of the party" is one ordinal for each occasion.
        let listed_ordinals = text
            .get(window_start(text, head.start, 30, prev_end)..head.start)
            .is_some_and(|before| ORDINAL_LIST_BEFORE_RE.as_ref().is_some_and(|re| re.is_match(before)));
        let anniversary = if plural && (listed_ordinals || anniversary.is_none()) { None } else { anniversary };
        let mut event: Option<&str> = EVENT_CUES.iter().find(|(w, _)| head_text.contains(w)).map(|(_, e)| *e);
        let right_hits = cue_hits(text, head.end, right);
        let left_hits = cue_hits(text, left, head.start);
        let followed_by_of = text.get(head.end..right).is_some_and(|r| r.trim_start().starts_with("of "));
        if event.is_none() {
            event = right_hits.iter().chain(left_hits.iter()).find_map(|(_, _, k)| match k {
                CueKind::Event(e) => Some(*e),
                _ => None,
            });
        }
        // Subjects: after "of" first, else the possessor before the head (nearest first).
        let mut subjects: Vec<(usize, usize)> = Vec::new();
        if followed_by_of {
            subjects = subject_hits(&right_hits, true);
            // "of the country's communist party", "of the country's four major holidays": a
            // possessor names the occasion only when an event word follows ("the regime's founding").
            subjects.retain(|(p, _)| {
                let end = window_word_end(text, *p, right);
                !text.get(..end).is_some_and(|t| t.ends_with("'s"))
            });
        }
        if subjects.is_empty() {
            subjects = subject_hits(&left_hits, false);
        }
        let mut ids: Vec<&'static str> = Vec::new();
        let mut end = head.end;
        for (pos, index) in &subjects {
            let Some(subject_occ) = OCCASIONS.get(*index) else { continue };
            let cue_end = window_word_end(text, *pos, right.max(head.start));
            let cue = text.get(*pos..cue_end).unwrap_or("");
            // A subject word may name several occasions (Kim Il Sung: birth and death): the event
            // decides; without one, a person's anniversary is a birthday.
            let wanted_event = event.unwrap_or(match subject_occ.event.as_str() {
                "death" => "birth",
                other => other,
            });
            let chosen = OCCASIONS.iter().find(|o| o.event == wanted_event && o.subjects.iter().chain(o.aliases.iter()).any(|s| cue_starts_with(cue, s)));
            if let Some(occ) = chosen {
                if !ids.contains(&occ.id.as_str()) {
                    ids.push(occ.id.as_str());
                    end = end.max(cue_end);
                }
            }
            if !plural && !ids.is_empty() {
                break;
            }
        }
        if ids.is_empty() {
            // "the 70th anniversary of national independence": the event alone names it.
            if let Some(occ) = event.and_then(|e| OCCASIONS.iter().find(|o| o.event == e && o.subjects.is_empty())) {
                ids.push(occ.id.as_str());
                if let Some((_, e, _)) = right_hits.iter().find(|(_, _, k)| matches!(k, CueKind::Event(_))) {
                    end = end.max(*e);
                }
            }
        }
        if ids.is_empty() {
            continue;
        }
        let start = if subjects.first().is_some_and(|(p, _)| *p < head.start) { subjects.first().map_or(head.start, |(p, _)| *p) } else { head.start };
        let end = if followed_by_of { end } else { head.end };
        let span = Span::new(start.min(head.start), end.max(head.end));
        taken.insert(span);
        out.push(OccasionMention { span, ids, anniversary });
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// A set of spans answering "does any overlap this one?" without a scan of them all.
#[derive(Default)]
struct TakenSpans {
    by_start: std::collections::BTreeSet<(usize, usize)>,
    max_len: usize,
}

impl TakenSpans {
    fn insert(&mut self, span: Span) {
        self.max_len = self.max_len.max(span.len());
        self.by_start.insert((span.start, span.end));
    }

    fn overlaps(&self, span: Span) -> bool {
        // A span starting more than `max_len` before `span` ends before it.
        let from = span.start.saturating_sub(self.max_len);
        self.by_start.range((from, 0)..(span.end, 0)).any(|&(start, end)| span.overlaps(Span::new(start, end)))
    }
}

/// Subject (or alias) hits as (position, occasion index), nearest to the head first.
fn subject_hits(hits: &[(usize, usize, &'static CueKind)], from_right: bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = hits
        .iter()
        .filter_map(|(s, _, kind)| match kind {
            CueKind::Subject(i) | CueKind::Alias(i) => Some((*s, *i)),
            CueKind::Event(_) => None,
        })
        .collect();
    if !from_right {
        out.reverse();
    }
    out
}

fn cue_starts_with(cue: &str, word: &str) -> bool {
    cue.get(..word.len()).is_some_and(|p| p.eq_ignore_ascii_case(word))
}

/// End of the cue word starting at `pos` ("Workers' Party" in "of the Workers' Party, ...").
fn window_word_end(text: &str, pos: usize, limit: usize) -> usize {
    match cue_hits(text, pos, limit).first() {
        Some((_, e, _)) => {
            let bytes = text.as_bytes();
            let mut end = *e;
            // Keep a possessive "'s" and a trailing event word ("the country's founding").
            if bytes.get(end) == Some(&b'\'') && bytes.get(end + 1) == Some(&b's') {
                end += 2;
            }
            if let Some(rest) = text.get(end..limit) {
                if let Some(rest) = rest.strip_prefix(' ') {
                    if let Some((word, _)) = EVENT_CUES.iter().find(|(w, _)| cue_starts_with(rest, w)) {
                        end += 1 + word.len();
                    }
                }
            }
            end
        }
        None => pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run searches of `find_occasions` find what whole-text searches find only if no
    /// pattern holds a barrier byte and every alias holds an anchor.
    #[test]
    fn runs_cover_every_match() {
        let patterns = OCCASIONS.iter().flat_map(|o| o.aliases.iter().chain(&o.subjects)).map(String::as_str).chain(EVENT_CUES.iter().map(|(w, _)| *w));
        for p in patterns {
            assert!(!p.bytes().any(cue_barrier), "{p}");
        }
        assert!(ALIAS_ANCHOR_RE.is_some());
        for word in ["first", "seventy-fifth", "100th", "founding", "birth anniversaries", "Birthdays"] {
            assert!(!word.bytes().any(head_barrier), "{word}");
        }
    }

    #[test]
    fn run_search_matches_whole_text_search() {
        let text = "On the Day of the Sun, 2016; the 70th anniversary (of Party Foundation Day) and Kim Jong Il's 80th \
                    birthday -- plus the Taeyangjol, the 9.9 holiday and May Day, the regime's founding anniversary. Today, \
                    on Monday the Sunday holidays of xDay of the Sun, Sun Days, sun-day, Army-Building DAY, KIM IL SUNG'S BIRTHDAY \
                    and New Year\u{2019}s Day, today\u{a0}Day of the Shining Star, MondayDay of Victory.";
        let whole: Vec<_> = cue_hits(text, 0, text.len()).into_iter().filter(|(_, _, k)| matches!(k, CueKind::Alias(_))).map(|(s, e, _)| (s, e)).collect();
        let mut runs = Vec::new();
        for_each_alias_run(text, |from, to| {
            runs.extend(cue_hits(text, from, to).into_iter().filter(|(_, _, k)| matches!(k, CueKind::Alias(_))).map(|(s, e, _)| (s, e)));
        });
        assert_eq!(runs, whole);
        assert!(whole.len() >= 9, "{whole:?}");
        assert!(ALIAS_ANCHOR_RE.is_some());
        let all = HEAD_RE.as_ref().map(|re| re.find_iter(text).map(|m| (m.start(), m.end())).collect::<Vec<_>>());
        assert_eq!(Some(find_heads(text).iter().map(|h| (h.span.start, h.span.end)).collect::<Vec<_>>()), all);
    }
}
