//! Many phrases found at once, as `(?i-u)\b(?:(p_1)|(p_2)|...)\b` would find them with
//! `find_iter` (leftmost-first, the earliest alternative winning at a position), and which phrase
//! each match is.
//!
//! That one regex is slow on this vocabulary: under `(?i)` its many alternatives leave the regex
//! engine no literal to skip ahead with, so the lazy DFA reads every byte of the document, and the
//! phrase needs a capture group per alternative. Here an Aho-Corasick searcher (a SIMD one, as the
//! patterns are few and short) finds the word starts that begin with some alternative's leading
//! letters, the alternation runs anchored there only, and a set of whole-string patterns names
//! the phrase of a match. The searcher reads a copy of the text in which the first letter of every
//! word is upper case and all other letters lower case (`(?i-u)` compares ASCII
//! case-insensitively; words as `(?-u:\b)` sees them): its patterns are the leading letters with
//! the first one in upper case, so they only hit word starts.
//!
//! Same matches, same phrases: every alternative begins and ends with an ASCII letter (checked by
//! the tests), so a match starts at a word start where some alternative's leading letters are, and
//! trying those places in text order finds the leftmost match; anchored there, the alternation
//! picks the same alternative and end as the unanchored search. The phrase is the first
//! alternative that matches the whole match: one listed earlier that also matched would have
//! been picked at that place, and the word boundaries around a whole match always hold.

use aho_corasick::{packed, AhoCorasick, Input, MatchKind};
use regex::{Regex, RegexSet};

use crate::text::{regex, Span};

pub(super) struct PhraseMatcher {
    /// The leading letters of the alternatives, the first in upper case (see [`word_starts_copy`]).
    starts: StartSearcher,
    /// `(?i-u)^(?:p_1|...|p_n)\b`: the match at a candidate start.
    anchored: Regex,
    /// `(?i-u)^(?:p_i)$` for every alternative: which one a match is.
    whole: RegexSet,
}

/// At most this many leading letters are compared: enough to make candidate starts rare.
const START_LETTERS: usize = 4;

/// The letters every match of a regex fragment begins with: its leading ASCII letters (a letter
/// followed by a quantifier is optional and not counted), skipping a leading `(?-i:` group opener.
pub(super) fn leading_letters(fragment: &str) -> String {
    let body = fragment.strip_prefix("(?-i:").unwrap_or(fragment);
    let letters: Vec<char> = body.chars().take_while(char::is_ascii_alphabetic).collect();
    let quantified = body.chars().nth(letters.len()).is_some_and(|c| matches!(c, '?' | '*' | '{'));
    let certain = if quantified { letters.len().saturating_sub(1) } else { letters.len() };
    letters.iter().take(certain.min(START_LETTERS)).collect::<String>().to_ascii_lowercase()
}

impl PhraseMatcher {
    /// The matcher for the alternation of `fragments` (regex fragments without capture groups,
    /// in priority order, each beginning with an ASCII letter).
    #[allow(clippy::expect_used)] // constant vocabulary, compiled by the tests
    pub(super) fn new(fragments: &[String]) -> PhraseMatcher {
        let mut letters: Vec<String> = fragments.iter().map(|f| leading_letters(f)).collect();
        letters.sort();
        // A start that extends another finds no place the shorter one misses; fewer patterns let
        // the SIMD searcher compare more bytes at once.
        let mut starts: Vec<String> = Vec::new();
        for start in letters {
            if !starts.iter().any(|shorter| start.starts_with(shorter.as_str())) {
                starts.push(start);
            }
        }
        let starts: Vec<String> = starts.iter().map(|s| capitalised(s)).collect();
        let simd = || packed::Config::new().match_kind(packed::MatchKind::LeftmostFirst).builder().extend(&starts).build();
        let starts = match simd().filter(|_| starts.iter().all(|s| !s.is_empty())) {
            Some(teddy) => StartSearcher::Simd(teddy),
            None => StartSearcher::Automaton(AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(&starts).expect("constant phrase starts build")),
        };
        let anchored = regex(&format!(r"(?i-u)^(?:{})\b", fragments.join("|")));
        let whole = RegexSet::new(fragments.iter().map(|f| format!(r"(?i-u)^(?:{f})$"))).expect("constant phrases compile");
        PhraseMatcher { starts, anchored, whole }
    }

    /// Every match in `text` in order, with the index of its phrase.
    pub(super) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Span, usize)> + 'a {
        let words = word_starts_copy(text);
        let mut from = 0usize;
        std::iter::from_fn(move || {
            while let Some(at) = self.starts.find_from(&words, from) {
                from = at + 1;
                // (always so for a capitalised start; checked for an empty one)
                let word_start = at.checked_sub(1).and_then(|i| words.get(i)).is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
                let Some(m) = text.get(at..).filter(|_| word_start).and_then(|rest| self.anchored.find(rest)) else {
                    continue;
                };
                from = at + m.end();
                if let Some(phrase) = self.whole.matches(m.as_str()).iter().next() {
                    return Some((Span::new(at, at + m.end()), phrase));
                }
            }
            None
        })
    }
}

/// Aho-Corasick's SIMD searcher where the CPU has one: its own automaton would pick a `memchr`
/// for the leading space, which stops at every word.
enum StartSearcher {
    Simd(packed::Searcher),
    Automaton(AhoCorasick),
}

impl StartSearcher {
    /// Where the leftmost pattern at or after `from` starts.
    fn find_from(&self, haystack: &[u8], from: usize) -> Option<usize> {
        if from >= haystack.len() {
            return None;
        }
        match self {
            StartSearcher::Simd(teddy) => teddy.find_in(haystack, aho_corasick::Span::from(from..haystack.len())).map(|m| m.start()),
            StartSearcher::Automaton(automaton) => automaton.find(Input::new(haystack).span(from..haystack.len())).map(|m| m.start()),
        }
    }
}

/// The text as the start searcher reads it: each ASCII letter in upper case if it starts a word
/// (no ASCII word character before it) and in lower case otherwise; other bytes unchanged.
fn word_starts_copy(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let case = |before: u8, b: u8| if is_word(before) { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
    let mut copy = Vec::with_capacity(bytes.len());
    copy.extend(bytes.first().map(|&b| b.to_ascii_uppercase()));
    // Pairs of neighbours, no state carried from byte to byte: the compiler vectorises this.
    copy.extend(bytes.iter().zip(bytes.iter().skip(1)).map(|(&before, &b)| case(before, b)));
    copy
}

/// A start pattern: the first letter in upper case.
fn capitalised(letters: &str) -> String {
    let mut chars = letters.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn leading_letters_are_certain() {
        assert_eq!(leading_letters("labou?rs?"), "labo");
        assert_eq!(leading_letters("gulags?"), "gula");
        assert_eq!(leading_letters("re[\\s\\-]?education"), "re");
        assert_eq!(leading_letters("cent(?:er|re)s?"), "cent");
        assert_eq!(leading_letters("(?-i:MSS)"), "mss");
        assert_eq!(leading_letters("ab?c"), "a");
        assert_eq!(leading_letters("\\d+"), "");
    }

    #[test]
    fn vocabulary_phrases_begin_and_end_with_letters() {
        use super::super::terms::{phrase_regex, AGENCIES, NATIVE_TERMS, TERMS};
        let phrases = TERMS.iter().map(|t| t.phrase).chain(NATIVE_TERMS.iter().map(|(p, _)| *p)).chain(AGENCIES.iter().map(|(p, _)| *p));
        for phrase in phrases {
            let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            assert!(letter(phrase.chars().next()) && letter(phrase.chars().last()), "{phrase}");
            assert!(!leading_letters(&phrase_regex(phrase, true)).is_empty(), "{phrase}");
        }
    }

    /// The matcher against the one regex it replaces, on text with every kind of edge.
    #[test]
    fn same_matches_as_the_alternation() {
        let fragments: Vec<String> =
            ["political[\\s\\-]+prison[\\s\\-]+camps?", "prisons?", "camps?", "labou?r[\\s\\-]+camps?", "(?-i:MSS)", "re[\\s\\-]?education[\\s\\-]+camps?"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let groups: Vec<String> = fragments.iter().map(|f| format!("({f})")).collect();
        let reference = regex::Regex::new(&format!(r"(?i-u)\b(?:{})\b", groups.join("|"))).unwrap();
        let matcher = PhraseMatcher::new(&fragments);
        let text = "Political prison camps, the prisoncamp, xprison, prison_x, é prison, camp-1 labour  camp; mss MSS Mss \
                    reeducation camp, re-education camps, re education campsite, PRISONS. camp";
        let expected: Vec<(Span, usize)> = reference
            .find_iter(text)
            .map(|m| {
                let caps = reference.captures(m.as_str()).unwrap();
                let group = (1..caps.len()).find(|&i| caps.get(i).is_some()).unwrap();
                (Span::new(m.start(), m.end()), group - 1)
            })
            .collect();
        let found: Vec<(Span, usize)> = matcher.find_iter(text).collect();
        assert_eq!(found, expected);
        assert!(found.len() >= 8, "{found:?}");
    }
}
