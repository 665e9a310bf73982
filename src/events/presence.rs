//! Where in a document a cue pattern may match at all, found with one search of the whole text,
//! so that the many short per-trigger and per-sentence searches can be skipped where it cannot.
//!
//! Why this is exact: a [`Presence`] holds pieces of the text such that every match the pattern
//! has starts inside one of them. The starts [`AllStarts`] finds are such pieces (one byte
//! each). So are the matches a leftmost-first search of the whole text reports: the search stops
//! at the leftmost start it can find from wherever it resumes, so any match (chosen or not)
//! starts inside a reported one. A piece of the text cut out where [`cut_keeps_matches`] holds
//! has no match the whole text lacks; so a piece overlapping none of them has none at all.

use regex::Regex;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};

use crate::text::Span;

/// Whether cutting `text[lo..hi]` out of `text[outer]` keeps every match of a pattern whose
/// only look-around is the ASCII `\b`: a match in the piece is then one in the whole. A cut
/// between two word bytes would invent a boundary; any other cut only loses some.
pub fn cut_keeps_matches(text: &str, lo: usize, hi: usize, outer: Span) -> bool {
    let bytes = text.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let splits_word = |at: usize| at.checked_sub(1).is_some_and(is_word) && is_word(at);
    (lo <= outer.start || !splits_word(lo)) && (hi >= outer.end || !splits_word(hi))
}

/// Pieces of a whole document inside which every match of one pattern starts (see the module
/// comment).
pub struct Presence {
    /// In text order, not overlapping (so also by end).
    found: Vec<Span>,
    len: usize,
}

impl Presence {
    /// The pattern's match starts in `text` (ascending, as [`AllStarts::of`] gives them).
    pub fn at_starts(starts: &[usize], text: &str) -> Presence {
        Presence { found: starts.iter().map(|&at| Span::new(at, at + 1)).collect(), len: text.len() }
    }

    /// `pattern` must look around only with the ASCII `\b` and never match the empty string.
    pub fn of(pattern: &Regex, text: &str) -> Presence {
        Presence { found: pattern.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect(), len: text.len() }
    }

    /// Whether the pattern may match `text[lo..hi]` (`text` being the document searched): false
    /// only when it certainly does not.
    pub fn may_match(&self, text: &str, lo: usize, hi: usize) -> bool {
        if !cut_keeps_matches(text, lo, hi, Span::new(0, self.len)) {
            return true;
        }
        let first = self.found.partition_point(|m| m.end <= lo);
        self.found.get(first).is_some_and(|m| m.start < hi)
    }

    /// The pieces overlapping `text[lo..hi]`, in text order: every match the pattern has in
    /// that piece starts inside one of them. `None` when the cut could invent a match, so
    /// the piece has to be searched in full.
    pub fn found_in(&self, text: &str, lo: usize, hi: usize) -> Option<&[Span]> {
        if !cut_keeps_matches(text, lo, hi, Span::new(0, self.len)) {
            return None;
        }
        let first = self.found.partition_point(|m| m.end <= lo);
        let rest = self.found.get(first..).unwrap_or(&[]);
        Some(rest.get(..rest.partition_point(|m| m.start < hi)).unwrap_or(&[]))
    }
}

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>>;

/// Every position where each of several patterns has a match, found in one backward pass over a
/// text: a reverse lazy DFA of all the patterns that reports all matches, so each match start of
/// each pattern shows up, overlapping or not. A leftmost-first search of one pattern from a
/// position then only has to try its starts there, anchored.
///
/// The scan is written here on the DFA's state API: the library's own reverse overlapping search
/// (regex-automata 0.4.19) reports the second and later patterns matching at one position one
/// byte too early.
pub struct AllStarts {
    dfa: DFA,
    caches: CachePool,
    patterns: usize,
}

impl AllStarts {
    /// `None` if a pattern does not compile to a lazy DFA (Unicode `\b`, say).
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Option<AllStarts> {
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All))
            .thompson(thompson::Config::new().reverse(true).which_captures(WhichCaptures::None))
            .build_many(patterns)
            .ok()?;
        let for_pool = dfa.clone();
        let caches: CachePool = Pool::new(Box::new(move || for_pool.create_cache()));
        Some(AllStarts { dfa, caches, patterns: patterns.len() })
    }

    /// Per pattern (by index), the start of every match in `text`, ascending; `None` if the DFA
    /// gave up (it never does without quit bytes or a cache-clearing limit, none of which is set).
    pub fn of(&self, text: &str) -> Option<Vec<Vec<usize>>> {
        let [starts] = scan_side_by_side([self], text)?;
        Some(starts)
    }
}

/// Per finder, what [`AllStarts::of`] gives, in one backward pass: the DFAs step side by side,
/// so the processor overlaps their table lookups (each one's next state waits on its last).
pub fn scan_side_by_side<const N: usize>(finders: [&AllStarts; N], text: &str) -> Option<[Vec<Vec<usize>>; N]> {
    let mut starts = finders.map(|finder| vec![Vec::new(); finder.patterns]);
    let mut caches = finders.map(|finder| finder.caches.get());
    let input = Input::new(text);
    let mut states = [LazyStateID::default(); N];
    for ((state, finder), cache) in states.iter_mut().zip(finders).zip(caches.iter_mut()) {
        *state = finder.dfa.start_state_reverse(cache, &input).ok()?;
    }
    let record = |finder: &AllStarts, cache: &Cache, state: LazyStateID, at: usize, starts: &mut Vec<Vec<usize>>| {
        for i in 0..finder.dfa.match_len(cache, state) {
            if let Some(list) = starts.get_mut(finder.dfa.match_pattern(cache, state, i).as_usize()) {
                list.push(at);
            }
        }
    };
    for (at, &byte) in text.as_bytes().iter().enumerate().rev() {
        for (((state, finder), cache), starts) in states.iter_mut().zip(finders).zip(caches.iter_mut()).zip(starts.iter_mut()) {
            if state.is_dead() {
                // no match further back
                continue;
            }
            *state = finder.dfa.next_state(cache, *state, byte).ok()?;
            if state.is_tagged() {
                if state.is_match() {
                    // matches are reported one byte late: this one starts after `byte`
                    record(finder, cache, *state, at + 1, starts);
                } else if state.is_quit() {
                    return None;
                }
            }
        }
    }
    for (((state, finder), cache), starts) in states.iter_mut().zip(finders).zip(caches.iter_mut()).zip(starts.iter_mut()) {
        if !state.is_dead() {
            *state = finder.dfa.next_eoi_state(cache, *state).ok()?;
        }
        if state.is_match() {
            record(finder, cache, *state, 0, starts);
        }
        for list in starts.iter_mut() {
            list.reverse();
        }
    }
    Some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_starts_of_every_pattern() {
        // patterns sharing starts, nested in each other, case-folded and after non-ASCII text
        let patterns = [
            r"(?i)(?-u:\b)detained(?-u:\b)",
            r"(?i)(?-u:\b)detained in china(?-u:\b)",
            r"(?i)(?-u:\b)(?:special )?pardons?(?-u:\b)",
            r"(?i)(?-u:\b)in(?-u:\b)",
        ];
        let finder = AllStarts::new(&patterns).expect("builds");
        let text = "Were DETAINED in China\u{a0}and detained in\u{201c}China\u{201d}; a special pardon, pardons.";
        let starts = finder.of(text).expect("scans");
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).map(|(i, _)| i).expect("present");
        assert_eq!(starts[0], vec![at("DETAINED", 0), at("detained", 0)]);
        assert_eq!(starts[1], vec![at("DETAINED", 0)]);
        assert_eq!(starts[2], vec![at("special", 0), at("pardon", 0), at("pardons", 0)]);
        assert_eq!(starts[3], vec![at(" in ", 0) + 1, at(" in", 1) + 1]);
        // every match a search of one pattern finds starts at one of its starts
        for (pattern, starts) in patterns.iter().zip(&starts) {
            for m in crate::text::regex(pattern).find_iter(text) {
                assert!(starts.contains(&m.start()), "{pattern}");
            }
        }
        assert_eq!(finder.of("").expect("scans"), vec![Vec::<usize>::new(); 4]);
        // side by side with another finder, each gives what it gives alone
        let other = AllStarts::new(&[r"(?i)(?-u:\b)china(?-u:\b)"]).expect("builds");
        let [mine, theirs] = scan_side_by_side([&finder, &other], text).expect("scans");
        assert_eq!((mine, theirs), (starts.clone(), other.of(text).expect("scans")));
        assert_eq!(finder.of("in").expect("scans")[3], vec![0]);
    }

    #[test]
    fn pieces_without_a_match_are_skipped() {
        let re = crate::text::regex(r"(?i)(?-u:\b)(?:twenty two|two men|none)(?-u:\b)");
        let text = "Twenty two men, then two more, then nobody.";
        let presence = Presence::of(&re, text);
        // "two men" is hidden by the reported "Twenty two" but starts inside it
        assert!(presence.may_match(text, 7, 14));
        assert!(!presence.may_match(text, 16, 43));
        // a cut inside a word could invent a match ("none" in "nobody" cut after "no"): never skipped
        assert!(presence.may_match(text, 36, 38));
        let whole = Span::new(0, text.len());
        assert!(cut_keeps_matches(text, 7, 14, whole));
        assert!(!cut_keeps_matches(text, 8, 14, whole));
        // the starts of all matches answer the same
        let starts = AllStarts::new(&[re.as_str()]).and_then(|finder| finder.of(text)).unwrap_or_default();
        let at_starts = Presence::at_starts(starts.first().map_or(&[][..], Vec::as_slice), text);
        assert!(at_starts.may_match(text, 7, 14) && !at_starts.may_match(text, 16, 43) && at_starts.may_match(text, 36, 38));
        assert_eq!(at_starts.found_in(text, 0, 14), Some(&[Span::new(0, 1), Span::new(7, 8)][..]));
    }
}
