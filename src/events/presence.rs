//! Where in a document a cue pattern may match at all, found with one search of the whole text,
//! so that the many short per-trigger and per-sentence searches can be skipped where it cannot.
//!
//! Why this is exact: a leftmost-first search of the whole text leaves no match uncovered. Any
//! match the pattern has (chosen or not) starts inside one of the matches the search reports,
//! since the search stops at the leftmost start it can find from wherever it resumes. A piece of
//! the text cut out where [`cut_keeps_matches`] holds has no match the whole text lacks; so a
//! piece overlapping no reported match has none at all.

use regex::Regex;

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

/// The matches of one pattern over a whole document (see the module comment).
pub struct Presence {
    /// The reported matches, in text order (so also by end).
    found: Vec<Span>,
    len: usize,
}

impl Presence {
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

    /// The reported matches overlapping `text[lo..hi]`, in text order: every match the pattern
    /// has in that piece starts inside one of them. `None` when the cut could invent a match, so
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
