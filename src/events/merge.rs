//! From hits to happenings: one draft event per distinct happening in a document.
//!
//! Design: amnesty stories are told as one main amnesty (decree, preparation, selections,
//! releases in several places, exclusions) with past amnesties named as background. So an amnesty
//! hit joins (in this order) the event its ordinal names ("the second round"), the main event
//! when it refers back ("the amnesty"), the event its date or occasion matches, or else starts
//! a new event; hits with nothing of their own join the main event (the one with most mentions).
//! Habitual amnesty statements make no row (gold treats them as optional; a row costs precision).
//! Other types merge by type, status and date, and for detentions also by kind (an arrest and
//! an exile are different happenings). Headlines and weak mentions join existing events last.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashSet};

use super::cues::Status;
use super::hits::Hit;
use super::timing::{compatible, Identity};

/// An event being assembled: its hits (indexes into the hit list) and what they agree on.
#[derive(Debug, Clone)]
pub struct Draft {
    pub event_type: &'static str,
    pub family: &'static str,
    pub status: Status,
    /// A cue (not the default) gave the status.
    pub explicit: bool,
    pub identity: Identity,
    pub ordinal: Option<u8>,
    pub hits: Vec<usize>,
    /// Started by a mention of an earlier or other instance ("in past amnesties", "last year's
    /// pardon"): background, the story's main event only when there is no other.
    pub background: bool,
}

/// Detentions of different kinds (arrest, crackdown, camp, exile) are different happenings.
fn family_matters(event_type: &str) -> bool {
    event_type == "detention" || event_type == "indoctrination"
}

/// Words joining two detentions of different kinds into one ("arrested ... as part of a crackdown").
const PART_OF: &[&str] = &["as part of", "during", "amid", "in a crackdown", "in the crackdown", "in a sweep", "in the sweep"];

struct Builder<'a> {
    hits: &'a [Hit],
    drafts: Vec<Draft>,
    last_touched: Option<usize>,
    touch: Vec<usize>,
    clock: usize,
    /// Per draft, what its hits cover, so that no rule walks a draft's hits (a long document's
    /// main event has thousands): the sentences they are in, their starts, and the smallest end
    /// and largest start (enough for `part_of`).
    sentences: Vec<HashSet<usize>>,
    starts: Vec<BTreeSet<usize>>,
    extent: Vec<(usize, usize)>,
    text: &'a str,
    /// Per `PART_OF` phrase, the byte offsets where it occurs in the text (looked for on first
    /// use: most documents have no two detentions to join).
    part_of_at: OnceCell<Vec<Vec<usize>>>,
    /// Sentences whose subject is people an arrest participle describes ("hundreds of people
    /// arrested during a crackdown have been sent to a camp"): the camp is that arrest's sequel.
    arrested_subjects: HashSet<usize>,
}

/// Nouns for the people a reduced relative ("people arrested in May") describes.
const PEOPLE_NOUNS: &[&str] =
    &["people", "those", "persons", "individuals", "residents", "men", "women", "defectors", "traders", "smugglers", "students", "members"];

/// Whether an arrest or detention hit is a participle right after the people it describes
/// ("residents detained in the sweep"), not a finite verb ("police detained residents").
fn postnominal_participle(text: &str, hit: &Hit) -> bool {
    if hit.event_type != "detention" || !matches!(hit.family, "arrest" | "held") {
        return false;
    }
    let matched = text.get(hit.span.start..hit.span.end).unwrap_or("").to_ascii_lowercase();
    if !(matched.ends_with("ed") || matched.ends_with(" up") || matched.ends_with("custody")) || matched.starts_with("being") {
        return false;
    }
    let before = text.get(..hit.span.start).unwrap_or("");
    let previous = before.split_whitespace().next_back().unwrap_or("").to_ascii_lowercase();
    PEOPLE_NOUNS.contains(&previous.as_str())
}

impl<'a> Builder<'a> {
    fn attach(&mut self, d: usize, h: usize) {
        let hits = self.hits;
        let Some(hit) = hits.get(h) else { return };
        if let Some(draft) = self.drafts.get_mut(d) {
            if compatible(&draft.identity, &hit.identity, draft.status == Status::Planned) != Some(false) {
                draft.identity.fill_from(&hit.identity);
            }
            if draft.ordinal.is_none() {
                draft.ordinal = hit.ordinal;
            }
            // "The amnesty will come into force on Aug. 15": an event first told without a cue
            // takes the status of the first mention that has one.
            if !draft.explicit && hit.explicit && !hit.exclusion && !hit.headline && matches!(hit.status, Status::Planned | Status::Occurred) {
                draft.status = hit.status;
                draft.explicit = true;
            }
            draft.hits.push(h);
            self.note(d, hit);
        }
        self.clock += 1;
        if let Some(t) = self.touch.get_mut(d) {
            *t = self.clock;
        }
        self.last_touched = Some(d);
    }

    fn create(&mut self, h: usize, event_type: &'static str, status: Status) -> usize {
        let hits = self.hits;
        let Some(hit) = hits.get(h) else { return 0 };
        self.drafts.push(Draft {
            event_type,
            family: hit.family,
            status,
            explicit: hit.explicit,
            identity: hit.identity.clone(),
            ordinal: hit.ordinal,
            hits: vec![h],
            background: hit.new_reference,
        });
        self.sentences.push(HashSet::new());
        self.starts.push(BTreeSet::new());
        self.extent.push((usize::MAX, 0));
        self.note(self.drafts.len() - 1, hit);
        self.clock += 1;
        self.touch.push(self.clock);
        let d = self.drafts.len() - 1;
        self.last_touched = Some(d);
        d
    }

    /// Records a hit joining draft `d` in the per-draft indexes.
    fn note(&mut self, d: usize, hit: &Hit) {
        if let Some(set) = self.sentences.get_mut(d) {
            set.insert(hit.sentence);
        }
        if let Some(set) = self.starts.get_mut(d) {
            set.insert(hit.span.start);
        }
        if let Some((min_end, max_start)) = self.extent.get_mut(d) {
            *min_end = (*min_end).min(hit.span.end);
            *max_start = (*max_start).max(hit.span.start);
        }
    }

    /// Whether the text between `hit` and some hit of draft `d` contains a `PART_OF` phrase
    /// ("arrested ... as part of a crackdown"). With the phrase offsets sorted, the draft's
    /// earliest end and latest start decide it: a phrase fits between an earlier hit and `hit`
    /// exactly when it fits between the earliest-ending one and `hit` (likewise after).
    fn part_of(&self, d: usize, hit: &Hit) -> bool {
        let Some(&(min_end, max_start)) = self.extent.get(d) else { return false };
        let part_of_at = self.part_of_at.get_or_init(|| PART_OF.iter().map(|p| self.text.match_indices(p).map(|(i, _)| i).collect()).collect());
        PART_OF.iter().zip(part_of_at).any(|(phrase, at)| {
            let len = phrase.len();
            // the last occurrence ending by the hit's end ("detained in a sweep": the phrase may
            // end with the hit itself)
            let before = at.partition_point(|&s| s + len <= hit.span.end);
            let fits_before = before.checked_sub(1).and_then(|i| at.get(i)).is_some_and(|&s| s >= min_end);
            // the first occurrence starting at or after the hit's end
            let after = at.partition_point(|&s| s < hit.span.end);
            let fits_after = at.get(after).is_some_and(|&s| s + len <= max_start);
            fits_before || fits_after
        })
    }

    /// The draft among those `keep` accepts that a hit joined most recently.
    fn latest_touched(&self, keep: impl Fn(&Draft) -> bool) -> Option<usize> {
        self.drafts.iter().enumerate().filter(|(_, d)| keep(d)).max_by_key(|(i, _)| self.touch.get(*i).copied().unwrap_or(0)).map(|(i, _)| i)
    }

    /// The count of the first counted hit of a draft.
    fn counted(&self, d: &Draft) -> Option<i64> {
        d.hits.iter().find_map(|&h| self.hits.get(h).and_then(|x| x.count_min))
    }

    /// The drafts of a type that may be the story's main event: neither negated nor a tally.
    fn main_candidates<'b>(&'b self, event_type: &'b str) -> impl Iterator<Item = (usize, &'b Draft)> + 'b {
        self.drafts.iter().enumerate().filter(move |(_, d)| d.event_type == event_type && d.status != Status::Negated && !d.identity.aggregate)
    }

    /// The story's main event of a type: not a background one if possible, then most mentions,
    /// the later one on a tie.
    fn main(&self, event_type: &str) -> Option<usize> {
        self.main_candidates(event_type).max_by_key(|(i, d)| (!d.background, d.hits.len(), *i)).map(|(i, _)| i)
    }

    /// The event a headline tells of: never a background one ("as in past amnesties") while
    /// another is told of, then the main one among those its dates and status agree with
    /// ("North Korea to free prisoners in amnesty" is the planned amnesty, not a past one the
    /// story recalls as often).
    fn headline_event(&self, hit: &Hit, event_type: &str) -> Option<usize> {
        self.main_candidates(event_type)
            .max_by_key(|(i, d)| {
                let agrees = compatible(&d.identity, &hit.identity, d.status == Status::Planned) != Some(false);
                // An unmarked headline ("Amnesty decree sets off scramble") says nothing of tense.
                (!d.background, agrees, hit.explicit && d.status == hit.status, d.hits.len(), *i)
            })
            .map(|(i, _)| i)
    }

    /// The best event whose identity agrees with the hit's: a shared date/occasion first.
    fn matching(&self, hit: &Hit, event_type: &str, filter: impl Fn(&Draft) -> bool) -> Option<usize> {
        let mut unknown = None;
        for (i, d) in self.drafts.iter().enumerate() {
            if d.event_type != event_type || !filter(d) {
                continue;
            }
            match compatible(&d.identity, &hit.identity, d.status == Status::Planned) {
                Some(true) => return Some(i),
                None if unknown.is_none() => unknown = Some(i),
                _ => {}
            }
        }
        unknown
    }

    fn amnesty(&mut self, h: usize) {
        let Some(hit) = self.hits.get(h) else { return };
        let hit = hit.clone();
        if matches!(hit.status, Status::Habitual | Status::Hypothetical) && !hit.exclusion {
            return;
        }
        if hit.exclusion {
            let target = if hit.back_reference { self.last_touched } else { self.main("amnesty") };
            if let Some(d) = target {
                self.attach(d, h);
            }
            return;
        }
        if hit.status == Status::Negated {
            match self.matching(&hit, "amnesty", |d| d.status == Status::Negated) {
                Some(d) => self.attach(d, h),
                None => {
                    self.create(h, "amnesty", Status::Negated);
                }
            }
            return;
        }
        if hit.back_reference {
            if let Some(d) = self.last_touched.or_else(|| self.main("amnesty")) {
                self.attach(d, h);
                return;
            }
        }
        if matches!(hit.family, "selection" | "transfer" | "sentence_reduction") || hit.weak {
            match self.main("amnesty") {
                Some(d) => self.attach(d, h),
                None if hit.family == "sentence_reduction" && !hit.weak => {
                    self.create(h, "amnesty", hit.status);
                }
                None => {}
            }
            return;
        }
        if let Some(n) = hit.ordinal {
            if let Some(d) = self.drafts.iter().position(|d| d.event_type == "amnesty" && d.ordinal == Some(n)) {
                self.attach(d, h);
                return;
            }
            let open = |d: &Draft| d.ordinal.is_none() && d.status != Status::Negated;
            let candidate = if n == 1 {
                self.drafts.iter().position(|d| d.event_type == "amnesty" && open(d))
            } else if hit.identity.is_empty() {
                self.main("amnesty").filter(|&d| self.drafts.get(d).is_some_and(open))
            } else {
                self.matching(&hit, "amnesty", open)
            };
            // "the first" names the story's earliest amnesty whatever its dates say.
            let candidate = candidate.filter(|&d| {
                n == 1 || hit.identity.is_empty() || self.drafts.get(d).is_some_and(|dr| compatible(&dr.identity, &hit.identity, false) != Some(false))
            });
            match candidate {
                Some(d) => {
                    if let Some(draft) = self.drafts.get_mut(d) {
                        draft.ordinal = Some(n);
                    }
                    self.attach(d, h);
                }
                None => {
                    self.create(h, "amnesty", hit.status);
                }
            }
            return;
        }
        if hit.new_reference {
            // "last year's special pardon": a background amnesty, never the main one.
            let main = self.main("amnesty");
            let known = self
                .drafts
                .iter()
                .enumerate()
                .position(|(i, d)| Some(i) != main && d.event_type == "amnesty" && compatible(&d.identity, &hit.identity, false) == Some(true));
            match known {
                Some(d) => self.attach(d, h),
                None => {
                    self.create(h, "amnesty", hit.status);
                }
            }
            return;
        }
        if hit.anaphoric || hit.identity.is_empty() {
            // "in past amnesties thousands of inmates ... were released": a release joins the
            // amnesty its own sentence tells of before the story's main one.
            let same_sentence = (!hit.anaphoric)
                .then(|| {
                    self.drafts.iter().enumerate().position(|(i, d)| {
                        d.event_type == "amnesty" && d.status == hit.status && self.sentences.get(i).is_some_and(|set| set.contains(&hit.sentence))
                    })
                })
                .flatten();
            match same_sentence.or_else(|| self.main("amnesty")) {
                Some(d) => self.attach(d, h),
                None => {
                    self.create(h, "amnesty", hit.status);
                }
            }
            return;
        }
        let not_negated = |d: &Draft| d.status != Status::Negated;
        let main = self.main("amnesty");
        let target = self.matching(&hit, "amnesty", not_negated).filter(|&d| {
            // "unknown" matches only the main event (one with no date yet), never a background one.
            self.drafts.get(d).is_some_and(|dr| compatible(&dr.identity, &hit.identity, dr.status == Status::Planned) == Some(true)) || Some(d) == main
        });
        match target {
            Some(d) => self.attach(d, h),
            None => {
                self.create(h, "amnesty", hit.status);
            }
        }
    }

    fn other(&mut self, h: usize, event_type: &'static str) {
        let Some(hit) = self.hits.get(h) else { return };
        let hit = hit.clone();
        if hit.status == Status::Hypothetical {
            return;
        }
        let same_family = |d: &Draft| !family_matters(event_type) || d.family == hit.family;
        // "at least 11 detainees died in custody" is not the death of one person told before:
        // a counted death joins only a death of the same count.
        if event_type == "death" {
            if let Some(n) = hit.count_min {
                let same = self.drafts.iter().position(|d| d.event_type == "death" && d.status == hit.status && self.counted(d) == Some(n));
                match same {
                    Some(d) => self.attach(d, h),
                    None => {
                        self.create(h, event_type, hit.status);
                    }
                }
                return;
            }
        }
        // "a similar crackdown was underway in her city", "another execution": a further happening.
        if hit.enumerated || hit.new_reference {
            self.create(h, event_type, hit.status);
            return;
        }
        // "most of those arrested were women": the latest happening of the type, whatever its kind.
        if hit.group_told_before && hit.status == Status::Occurred {
            if let Some(d) = self.latest_touched(|d| d.event_type == event_type && d.status == Status::Occurred && !d.identity.aggregate) {
                self.attach(d, h);
                return;
            }
        }
        // Several triggers in one sentence with one status: one happening ("arrested ... as part
        // of a crackdown": one happening across kinds).
        let same_sentence = self.drafts.iter().enumerate().position(|(i, d)| {
            d.event_type == event_type
                && d.status == hit.status
                && (event_type != "detention"
                    || d.family == hit.family
                    || self.part_of(i, &hit)
                    || (hit.family == "camp" && self.arrested_subjects.contains(&hit.sentence)))
                && compatible(&d.identity, &hit.identity, false) != Some(false)
                && self.sentences.get(i).is_some_and(|set| set.contains(&hit.sentence))
        });
        if let Some(d) = same_sentence {
            self.attach(d, h);
            return;
        }
        if !hit.explicit && hit.identity.is_empty() {
            let recent = |want_plain: bool| {
                self.latest_touched(|d| d.event_type == event_type && same_family(d) && !d.identity.aggregate && (!want_plain || d.status == Status::Occurred))
            };
            match recent(true).or_else(|| recent(false)) {
                Some(d) => self.attach(d, h),
                None => {
                    self.create(h, event_type, hit.status);
                }
            }
            return;
        }
        // An unmarked mention with a date joins a compatible event whatever its status, but one
        // said not to happen ("should not be forcibly repatriated") is no dated happening.
        let open = |d: &Draft| d.status == hit.status || !hit.explicit && !matches!(d.status, Status::Negated | Status::Hypothetical);
        match self.matching(&hit, event_type, |d| open(d) && same_family(d)) {
            Some(d) => self.attach(d, h),
            None => {
                self.create(h, event_type, hit.status);
            }
        }
    }

    /// Headlines and weak mentions: join the main (or nearest) event of their type.
    fn late(&mut self, h: usize, event_type: &'static str) {
        let Some(hit) = self.hits.get(h) else { return };
        let hit = hit.clone();
        if hit.headline {
            // "Defector says brother died in prison camp": an uncounted death headline is the
            // death of one person, not a counted death told later.
            let uncounted_death = (event_type == "death" && hit.count_min.is_none())
                .then(|| self.drafts.iter().position(|d| d.event_type == "death" && self.counted(d).is_none()))
                .flatten();
            if let Some(d) = uncounted_death.or_else(|| self.headline_event(&hit, event_type)) {
                self.attach(d, h);
                return;
            }
            if event_type == "amnesty" {
                self.amnesty(h);
            } else {
                self.other(h, event_type);
            }
            return;
        }
        // Weak: the event of its type mentioned nearest in the text.
        let nearest = self
            .drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.event_type == event_type && d.status != Status::Negated)
            .filter(|(_, d)| compatible(&d.identity, &hit.identity, d.status == Status::Planned) != Some(false))
            .min_by_key(|(i, _)| {
                // the nearest start of the draft's hits: its neighbours in start order
                let x = hit.span.start;
                self.starts.get(*i).map_or(usize::MAX, |set| {
                    let below = set.range(..=x).next_back().map(|&s| x - s);
                    let above = set.range(x..).next().map(|&s| s - x);
                    below.into_iter().chain(above).min().unwrap_or(usize::MAX)
                })
            })
            .map(|(i, _)| i);
        match nearest {
            Some(d) => self.attach(d, h),
            // "at least three people had been executed in Hoeryong since January": told only in
            // passing, but counted or dated, and the story tells of no other such event
            None if hit.count_min.is_some() || !hit.identity.is_empty() => self.other(h, event_type),
            None => {}
        }
    }
}

/// The event type a hit counts toward in this document.
fn type_in_story(hit: &Hit, amnesty_story: bool) -> Option<&'static str> {
    match (hit.event_type, amnesty_story) {
        ("release", true) if hit.family == "handover" => Some("release"),
        ("release", true) => Some("amnesty"),
        ("release", false) => Some("release"),
        ("amnesty", false) if hit.family == "transfer" => Some("transfer"),
        ("amnesty", false) if hit.family == "selection" || hit.family == "ordinal" => None,
        (other, _) => Some(other),
    }
}

/// Groups hits into draft events; returns the drafts and, per hit, the draft it joined.
pub fn merge(text: &str, hits: &[Hit]) -> (Vec<Draft>, Vec<Option<usize>>) {
    // An amnesty said not to have happened or only asked for ("none of them has benefited from
    // any amnesty") does not make releases amnesty measures.
    let told_as_real = |h: &Hit| !matches!(h.status, Status::Negated | Status::Hypothetical);
    let amnesty_story = hits.iter().any(|h| (h.names_amnesty && told_as_real(h)) || (h.event_type == "release" && h.mass && !h.weak));
    let mut builder = Builder {
        hits,
        drafts: Vec::new(),
        last_touched: None,
        touch: Vec::new(),
        clock: 0,
        sentences: Vec::new(),
        starts: Vec::new(),
        extent: Vec::new(),
        text,
        part_of_at: OnceCell::new(),
        arrested_subjects: hits.iter().filter(|h| postnominal_participle(text, h)).map(|h| h.sentence).collect(),
    };
    let mut late = Vec::new();
    for (h, hit) in hits.iter().enumerate() {
        let Some(event_type) = type_in_story(hit, amnesty_story) else { continue };
        let deferred = hit.headline || (hit.weak && !hit.exclusion && event_type != "amnesty");
        if deferred {
            late.push((h, event_type));
        } else if event_type == "amnesty" {
            builder.amnesty(h);
        } else {
            builder.other(h, event_type);
        }
    }
    // Headlines before weak mentions, so a headline may start the event a weak mention joins.
    late.sort_by_key(|(h, _)| !hits.get(*h).is_some_and(|x| x.headline));
    for (h, event_type) in late {
        builder.late(h, event_type);
    }
    let mut owner = vec![None; hits.len()];
    for (d, draft) in builder.drafts.iter().enumerate() {
        for &h in &draft.hits {
            if let Some(slot) = owner.get_mut(h) {
                *slot = Some(d);
            }
        }
    }
    (builder.drafts, owner)
}
