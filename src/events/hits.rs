//! Triggers in context: each trigger becomes a [`Hit`] that knows its sentence and clauses, its
//! status, whether it only describes (relative clause), refers back ("the amnesty", "at the
//! time") or counts ("the second round"), and which time phrases it owns.
//!
//! Design: a time phrase belongs to the nearest trigger that can carry a date, preferring one in
//! the same comma clause and one before it (dates follow the verb in this press). A trigger that
//! owns several phrases naming different moments ("pardons ... in 2012, ... in 2015, and ... in
//! 2018") is split into one hit per phrase.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{contains_ignore_ascii_case, regex, BlockKind, Document, Span};
use crate::time::TimeAnalysis;

use super::cues::{self, DocCues, Status};
use super::timing::{self, compatible, Identity, TimeGroup};
use super::triggers::{find_triggers_from, RawHit};

#[derive(Debug, Clone)]
pub struct Hit {
    pub event_type: &'static str,
    pub family: &'static str,
    pub measure: Option<&'static str>,
    /// The trigger (or, for a split hit, the time phrase it stands for).
    pub span: Span,
    pub mentions: Vec<Span>,
    pub sentence: usize,
    /// In the headline or standfirst: attaches to the story's main event of its type.
    pub headline: bool,
    pub status: Status,
    /// A cue gave the status (else it is the default, occurred).
    pub explicit: bool,
    /// Says who was left out of an amnesty ("were not released").
    pub exclusion: bool,
    /// A description (relative clause, adjective): joins an event, never starts one.
    pub weak: bool,
    pub anaphoric: bool,
    /// "last year's special pardon", "another amnesty": not the story's main event.
    pub new_reference: bool,
    pub back_reference: bool,
    /// "those arrested": the people an earlier happening of the type took.
    pub group_told_before: bool,
    /// Names an amnesty or pardon outright (not only a release or a round).
    pub names_amnesty: bool,
    /// "..., the other beaten to death": a further happening in an enumeration.
    pub enumerated: bool,
    /// A release of many people at once ("thousands of prisoners were released"): an amnesty.
    pub mass: bool,
    pub ordinal: Option<u8>,
    pub identity: Identity,
    /// The people counted right before the trigger in its clause ("at least 11 detainees died").
    pub count_min: Option<i64>,
}

/// A time phrase further than this before a trigger belongs to another verb ("Earlier this week,
/// officials hinted that they might raise the issue of China's forced repatriations").
const MAX_LEAD: usize = 60;

/// Dashes are left out: this press uses them for apposition ("decrees – among them ...").
const CLAUSE_BREAKS: &[&str] = &[", ", "; ", ": ", "\"", "(", ")"];
/// A time phrase never crosses these ("included in last year's pardon, but not this year").
const CONTRAST_BREAKS: &[&str] = &[", but ", " but ", ", while ", ", whereas ", "; "];
const STRONG_BREAKS: &[&str] = &[", and ", ", while ", ", but ", "; ", " but ", ", whereas ", ". "];

/// Which list a break comes from (bit flags, as one string may be in several).
const CLAUSE: u8 = 1;
const CONTRAST: u8 = 2;
const STRONG: u8 = 4;
const BREAK_LISTS: [(u8, &[&str]); 3] = [(CLAUSE, CLAUSE_BREAKS), (CONTRAST, CONTRAST_BREAKS), (STRONG, STRONG_BREAKS)];

/// A break string with the flag of the list it comes from.
type Break = (u8, &'static [u8]);

/// The break strings of [`BREAK_LISTS`] by their first byte, in list order (a space, the most
/// common, starts only " but ").
static BREAKS_BY_FIRST_BYTE: LazyLock<Vec<Vec<Break>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 256];
    for (flag, list) in BREAK_LISTS {
        for b in list.iter().map(|b| b.as_bytes()) {
            if let Some(slot) = b.first().and_then(|&first| table.get_mut(usize::from(first))) {
                slot.push((flag, b));
            }
        }
    }
    table
});

/// Every clause break of a document, found in one pass: a clause boundary is then a lookup among
/// the few breaks of a sentence, not a byte-by-byte scan per trigger and argument.
pub struct Clauses<'a> {
    text: &'a str,
    /// (start, end, list flags) of each occurrence of a break string, by start.
    breaks: Vec<(usize, usize, u8)>,
}

impl<'a> Clauses<'a> {
    pub fn of(text: &'a str) -> Clauses<'a> {
        let bytes = text.as_bytes();
        let mut breaks = Vec::new();
        let by_first_byte = &*BREAKS_BY_FIRST_BYTE;
        for (at, first) in bytes.iter().enumerate() {
            let Some(candidates) = by_first_byte.get(usize::from(*first)).filter(|c| !c.is_empty()) else { continue };
            let rest = bytes.get(at..).unwrap_or(&[]);
            for &(flag, b) in candidates {
                // the second byte first: a space is seldom followed by the b of " but "
                if (b.len() < 2 || rest.get(1) == b.get(1)) && rest.starts_with(b) {
                    breaks.push((at, at + b.len(), flag));
                }
            }
        }
        Clauses { text, breaks }
    }

    /// Start of the clause around `pos` within `[lo, pos)`: the end of the last break (of the
    /// `flag` list) that lies in it.
    fn start(&self, lo: usize, pos: usize, flag: u8) -> usize {
        if self.text.get(lo..pos).is_none() {
            return lo;
        }
        let first = self.breaks.partition_point(|&(start, _, _)| start < lo);
        let inside = self.breaks.get(first..).unwrap_or(&[]).iter().take_while(|&&(start, _, _)| start < pos);
        inside.filter(|&&(_, end, f)| f & flag != 0 && end <= pos).map(|&(_, end, _)| end).max().unwrap_or(lo)
    }

    /// End of the clause around `pos` within `[pos, hi)`: the start of the first break (of the
    /// `flag` list) that lies in it.
    fn end(&self, pos: usize, hi: usize, flag: u8) -> usize {
        if self.text.get(pos..hi).is_none() {
            return hi;
        }
        let first = self.breaks.partition_point(|&(start, _, _)| start < pos);
        let mut inside = self.breaks.get(first..).unwrap_or(&[]).iter().take_while(|&&(start, _, _)| start < hi);
        inside.find(|&&(_, end, f)| f & flag != 0 && end <= hi).map_or(hi, |&(start, _, _)| start)
    }

    /// The comma clause containing `span` (for placing arguments).
    pub fn clause_of(&self, sentence: Span, span: Span) -> Span {
        Span::new(self.start(sentence.start, span.start, CLAUSE), self.end(span.end, sentence.end, CLAUSE))
    }

    /// The clause between strong breaks (", and", ", but") containing `span`.
    pub fn strong_clause_of(&self, sentence: Span, span: Span) -> Span {
        Span::new(self.start(sentence.start, span.start, STRONG), self.end(span.end, sentence.end, STRONG))
    }

    /// The stretch no time phrase may cross out of (", but", ", whereas").
    fn contrast_of(&self, sentence: Span, span: Span) -> Span {
        Span::new(self.start(sentence.start, span.start, CONTRAST), self.end(span.end, sentence.end, CONTRAST))
    }
}

fn ordinal_of(text: &str) -> Option<u8> {
    [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)].iter().find(|(w, _)| contains_ignore_ascii_case(text, w)).map(|(_, n)| *n)
}

/// Whether the last sentence asked about counts many people ("thousands of prisoners"); hits
/// come in sentence order, several to a sentence.
#[derive(Default)]
struct MassCache {
    last: Option<(usize, bool)>,
}

impl MassCache {
    fn get(&mut self, doc: &Document, cues: &mut DocCues, sentence: usize, span: Span) -> bool {
        match self.last {
            Some((s, mass)) if s == sentence => mass,
            _ => {
                let mass = cues.counts_of_sentence(doc, span).iter().any(|c| c.min.is_some_and(|n| n >= 20));
                self.last = Some((sentence, mass));
                mass
            }
        }
    }
}

fn build(doc: &Document, clauses: &Clauses, cues: &mut DocCues, raw: &RawHit, mass: &mut MassCache) -> Option<Hit> {
    let sentence_index = doc.sentence_index_at(raw.span.start)?;
    let sentence = doc.sentences.get(sentence_index)?;
    let s = sentence.span;
    let text = &doc.norm;
    let sentence_before = text.get(s.start..raw.span.start).unwrap_or("");
    let clause = clauses.clause_of(s, raw.span);
    let (clause_lo, clause_hi) = (clause.start, clause.end);
    let clause_before = text.get(clause_lo..raw.span.start).unwrap_or("");
    let clause_after = text.get(raw.span.end..clause_hi).unwrap_or("");
    let after = text.get(raw.span.end..s.end).unwrap_or("");
    let strong = clauses.strong_clause_of(s, raw.span);
    let tail = cues::Tail::of(clause_before);
    let opener_end = s.start + sentence_before.find(',').unwrap_or(0);
    let habitual = |lo: usize, hi: usize| cues.habitual.may_match(text, lo, hi);
    let habitual_possible = habitual(clause_lo, raw.span.start) || habitual(raw.span.end, clause_hi) || habitual(s.start, opener_end);
    let headline = doc.paragraphs.get(sentence.paragraph).is_some_and(|p| p.kind != BlockKind::Body);
    let amnesty_like = raw.def.event_type == "amnesty" || raw.def.event_type == "release";
    // What the cue words say, read with what they cannot know: where the trigger stands and what
    // kind of trigger it is.
    let (status, explicit) = match cues::status(sentence_before, clause_before, &tail, clause_after, habitual_possible) {
        (Status::Occurred, false) if headline && cues::is_headline_future(sentence_before) => (Status::Planned, true),
        // "sentenced to death": the execution is ordered, not done
        (Status::Occurred, _) if raw.def.family == "death_sentence" => (Status::Planned, true),
        (Status::Occurred, _) if amnesty_like && cues::has_negative_subject(clause_before) => (Status::Negated, true),
        (Status::Occurred, _) if cues::has_generic_subject(clause_before) => (Status::Hypothetical, true),
        found => found,
    };
    let exclusion = amnesty_like && cues.is_exclusion(doc, strong);
    let matched = doc.slice(raw.span);
    let new_reference = cues::is_new_reference(&tail);
    let counted = cues.count.may_match(text, clause_lo, raw.span.start);
    Some(Hit {
        event_type: raw.def.event_type,
        family: raw.def.family,
        measure: raw.def.measure,
        span: raw.span,
        mentions: vec![raw.span],
        sentence: sentence_index,
        headline,
        status,
        explicit,
        exclusion,
        // "15 prisoners died" is a report, not a reduced relative clause.
        weak: raw.def.event_type != "death" && cues::is_weak(&tail, after),
        anaphoric: !new_reference && cues::is_anaphoric(&tail),
        new_reference,
        enumerated: cues::is_enumerated(&tail),
        names_amnesty: raw.def.family == "core"
            || raw.def.family == "ordinal" && (contains_ignore_ascii_case(matched, "amnest") || contains_ignore_ascii_case(matched, "pardon")),
        mass: mass.get(doc, cues, sentence_index, s),
        back_reference: cues::is_back_reference(sentence_before),
        group_told_before: cues::names_group_told_before(sentence_before),
        ordinal: if raw.def.family == "ordinal" { ordinal_of(matched) } else { None },
        identity: Identity::default(),
        count_min: if counted { cues::counts_in(clause_before).last().and_then(|c| c.min) } else { None },
    })
}

/// Whether the time phrase after `before` (its sentence up to the phrase) dates the speaking: it
/// follows a reporting cue, as the claims stage reads them ("..., the paper reported Monday",
/// "North Korea said on Friday it has arrested ...").
fn dates_the_speaking(before: &str) -> bool {
    let trimmed = before.trim_end();
    let verb_end = trimmed.strip_suffix(" on").map_or(trimmed, str::trim_end).len();
    // The last few words are enough to hold a cue; the cut falls after a space, never in a word.
    let cut = (verb_end.saturating_sub(24)..verb_end).find(|&i| before.is_char_boundary(i)).unwrap_or(verb_end);
    let from = if cut == 0 { 0 } else { before.get(cut..verb_end).and_then(|t| t.find(' ')).map_or(verb_end, |i| cut + i + 1) };
    let tail = before.get(from..verb_end).unwrap_or("");
    crate::claims::find_cues(tail).last().is_some_and(|cue| from + cue.span.end == verb_end)
}

/// "The execution comes after North Korea passed a law in December", "the crackdown follows
/// ...": what follows "comes after" is another happening, and its dates are not the trigger's.
static COMES_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?-u:\b)(?:(?:comes?|came|coming)\s+(?:[a-z]+\s+){0,2}?(?:after|as|amid|following)|follow(?:s|ed|ing)?|on\s+the\s+heels\s+of)(?-u:\b)")
});

/// "ordered after several soldiers deserted across the river last month": a clause of its own
/// (a subject, then a verb in the past) between the trigger and a date owns the date.
static SUBORDINATE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:after|before|when|since|because|as|once)\s+(?:the|a|an|his|her|their|its|several|some|many|he|she|they|we|police|authorities|officials|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z'-]+\s+){0,3}?(?:[a-z]+ed|fled|left|went|came|ran|made|took|got|began|fell|broke|stole|sold|caught|sent|held|gave|found|saw|told|said)(?-u:\b)",
    )
});

fn tells_of_an_earlier_happening(between: &str) -> bool {
    COMES_AFTER.is_match(between) || SUBORDINATE_CLAUSE.is_match(between)
}

/// Whether a hit may own a time phrase (amnesty preparations and selections have their own dates).
fn carries_date(hit: &Hit) -> bool {
    !matches!(hit.family, "selection" | "transfer" | "sentence_reduction") && !hit.exclusion
}

/// Every hit of the document, with its time phrases resolved, in text order.
/// `trigger_starts` are the trigger rows' starts in the document, if already found.
pub fn find_hits(doc: &Document, clauses: &Clauses, cues: &mut DocCues, time: &TimeAnalysis, trigger_starts: Option<Vec<Vec<usize>>>) -> Vec<Hit> {
    let mut mass = MassCache::default();
    let mut hits: Vec<Hit> = find_triggers_from(doc, trigger_starts).iter().filter_map(|raw| build(doc, clauses, cues, raw, &mut mass)).collect();
    let groups = timing::groups(doc, time);
    let mut owned: Vec<Vec<usize>> = vec![Vec::new(); hits.len()];
    for (g, group) in groups.iter().enumerate() {
        let Some(sentence) = doc.sentences.get(group.sentence) else { continue };
        if dates_the_speaking(doc.norm.get(sentence.span.start..group.span.start).unwrap_or(""))
            || crate::text::wire_dateline_len(doc.slice(sentence.span)).is_some_and(|len| group.span.end <= sentence.span.start + len)
        {
            continue;
        }
        let clause = clauses.clause_of(sentence.span, group.span);
        let contrast = clauses.contrast_of(sentence.span, group.span);
        let mut best: Option<(usize, usize)> = None;
        // Hits are in sentence order: only those of the group's sentence can own it.
        let first = hits.partition_point(|h| h.sentence < group.sentence);
        let same_sentence = hits.iter().enumerate().skip(first).take_while(|(_, h)| h.sentence == group.sentence);
        for (h, hit) in same_sentence {
            if !carries_date(hit) || !contrast.contains(hit.span) {
                continue;
            }
            let distance = if hit.span.end <= group.span.start {
                if tells_of_an_earlier_happening(doc.norm.get(hit.span.end..group.span.start).unwrap_or("")) {
                    continue;
                }
                group.span.start - hit.span.end
            } else {
                let gap = hit.span.start.saturating_sub(group.span.end);
                // A phrase before the trigger counts only as the opener of its sentence or
                // clause ("In September, North Korea had released ...").
                let lead_in = |from: usize| doc.norm.get(from..group.span.start).unwrap_or("").split_whitespace().count() <= 4;
                if gap > MAX_LEAD || !(lead_in(sentence.span.start) || lead_in(clause.start)) {
                    continue;
                }
                2 * gap
            };
            let outside = if clause.contains(hit.span) { 0 } else { 10_000 };
            let score = outside + distance;
            if !matches!(best, Some((_, b)) if b <= score) {
                best = Some((h, score));
            }
        }
        if let Some((h, _)) = best {
            if let Some(list) = owned.get_mut(h) {
                list.push(g);
            }
        }
    }
    let mut out = Vec::with_capacity(hits.len());
    for (hit, owned_groups) in hits.drain(..).zip(owned) {
        let mine: Vec<&TimeGroup> = owned_groups.iter().filter_map(|&g| groups.get(g)).collect();
        out.extend(split_by_moment(hit, &mine));
    }
    // "issued a decree on granting amnesty ... on the occasion of the 70th anniversary" (in
    // July, for August): what is dated after the day of publication has not happened yet.
    if let Some(published) = doc.published {
        for hit in out.iter_mut().filter(|h| h.status == Status::Occurred && h.identity.wholly_after(published)) {
            hit.status = Status::Planned;
        }
    }
    out
}

/// One hit per distinct moment its time phrases name.
fn split_by_moment(mut hit: Hit, groups: &[&TimeGroup]) -> Vec<Hit> {
    let named: Vec<&TimeGroup> = groups.iter().copied().filter(|g| !g.year_only).collect();
    // A list names several occasions ("on the 100th anniversary ... in 2012, on the 70th ...") or
    // several plain dates; a date with an occasion ("In September, ... in commemoration of ...")
    // is one moment told twice.
    let mut codes: Vec<&str> = named.iter().filter_map(|g| g.identity.occasion.as_deref()).collect();
    codes.sort_unstable();
    codes.dedup();
    let occasions = codes.len();
    let list = occasions >= 2 || (occasions == 0 && named.len() >= 2);
    let distinct = list && named.iter().enumerate().all(|(i, a)| named.iter().skip(i + 1).all(|b| compatible(&a.identity, &b.identity, false) == Some(false)));
    if !distinct || hit.status == Status::Habitual {
        hit.identity = timing::combine(groups);
        hit.mentions.extend(named.iter().map(|g| g.span));
        return vec![hit];
    }
    named
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let mut part = hit.clone();
            part.identity = timing::combine(&[group]);
            part.span = if i == 0 { hit.span } else { group.span };
            part.mentions = if i == 0 { vec![hit.span, group.span] } else { vec![group.span] };
            part
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_breaks_are_every_occurrence_of_every_break_string() {
        let text = "In 2015, he said: \"the amnesty (a big one) was granted\"; but, while freed, whereas others, and not\u{a0}all. But then (x), y,";
        let mut want = Vec::new();
        for at in 0..text.len() {
            for (flag, list) in BREAK_LISTS {
                for b in list.iter() {
                    if text.get(at..).is_some_and(|rest| rest.starts_with(b)) {
                        want.push((at, at + b.len(), flag));
                    }
                }
            }
        }
        assert!(want.len() > 12);
        assert_eq!(Clauses::of(text).breaks, want);
    }
}
