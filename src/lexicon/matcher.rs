//! One Aho-Corasick automaton over every alias of every table, run once per document.
//!
//! Design: text and aliases go through the same folding ([`fold`]) so that spelling noise of this
//! press disappears before matching instead of being enumerated: ASCII case, McCune-Reischauer
//! breves (ŏ, ŭ) and other Latin diacritics, "." (so "No.14", "No. 14" and "No 14" are all
//! `no 14`), and runs of spaces. Hyphens are kept (they separate words: "Hoeryong-based"); an alias
//! written with a hyphen is also registered without it and with a space ("Jongo-ri", "jongori",
//! "jongo ri"). The folded text keeps a byte map back to the original, so hits are byte spans of
//! the text given. Matches are checked for ASCII word boundaries (a possessive "'s" is a boundary),
//! acronyms ("MSS", "SPA", "WPK") for exact case, and overlapping candidates are reduced to the
//! leftmost-longest ones.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{AliasForm, EntryKind, Hit};
use crate::text::Span;

/// What one folded alias stands for in one table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Target {
    pub kind: EntryKind,
    pub form: AliasForm,
    /// Sorted, distinct ids (place ids, facility ids, agency codes).
    pub ids: Vec<String>,
    /// For acronyms: the letters and digits the original text must show, case included.
    pub exact: Option<String>,
}

/// The compiled automaton and, per pattern, the entries it stands for.
#[derive(Debug, Default)]
pub(crate) struct Matcher {
    automaton: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
}

/// Text folded for matching, with each folded byte's source character in the original (its
/// first byte; `u32` keeps the map at four bytes per byte of a 50 MB article).
struct Folded {
    text: Vec<u8>,
    orig_start: Vec<u32>,
}

impl Folded {
    /// Start of the original character behind folded byte `i`.
    fn start(&self, i: usize) -> Option<usize> {
        self.orig_start.get(i).map(|&p| p as usize)
    }

    /// End of the original character behind folded byte `i`.
    fn end(&self, original: &str, i: usize) -> Option<usize> {
        let start = self.start(i)?;
        let ch = original.get(start..)?.chars().next()?;
        Some(start + ch.len_utf8())
    }
}

/// Maps one character to its folded ASCII form, or None to keep it as it is.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '.' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{02bb}' | '`' | '\u{b4}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        'ŏ' | 'Ŏ' | 'ǒ' | 'Ǒ' | 'ō' | 'Ō' | 'ó' | 'Ó' | 'ò' | 'Ò' | 'ô' | 'Ô' | 'ö' | 'Ö' => 'o',
        'ŭ' | 'Ŭ' | 'ǔ' | 'Ǔ' | 'ū' | 'Ū' | 'ú' | 'Ú' | 'ù' | 'Ù' | 'û' | 'Û' | 'ü' | 'Ü' => 'u',
        'ĕ' | 'Ĕ' | 'é' | 'É' | 'è' | 'È' | 'ê' | 'Ê' | 'ë' | 'Ë' | 'ē' | 'Ē' => 'e',
        'ă' | 'Ă' | 'á' | 'Á' | 'à' | 'À' | 'â' | 'Â' | 'ä' | 'Ä' | 'ā' | 'Ā' => 'a',
        'ĭ' | 'Ĭ' | 'í' | 'Í' | 'ì' | 'Ì' | 'î' | 'Î' | 'ï' | 'Ï' | 'ī' | 'Ī' => 'i',
        _ => return None,
    })
}

fn fold_with_map(text: &str) -> Folded {
    let mut out = Folded { text: Vec::with_capacity(text.len()), orig_start: Vec::with_capacity(text.len()) };
    let bytes = text.as_bytes();
    let mut at = 0usize;
    // Texts past 4 GiB are not articles: their tail is not matched.
    let end = bytes.len().min(usize::try_from(u64::from(u32::MAX) + 1).unwrap_or(usize::MAX));
    while let Some(&byte) = bytes.get(at).filter(|_| at < end) {
        let Ok(at32) = u32::try_from(at) else { break };
        // Most of the text is runs of ASCII letters and digits: copied in one go, lower case.
        let run = bytes.get(at..end).map_or(0, |rest| rest.iter().position(|&b| !folds_to_itself_or_lower(b)).unwrap_or(rest.len()));
        if let (Some(letters), Ok(run_end)) = (bytes.get(at..at + run).filter(|r| !r.is_empty()), u32::try_from(at + run)) {
            out.text.extend(letters.iter().map(u8::to_ascii_lowercase));
            out.orig_start.extend(at32..run_end);
            at += run;
            continue;
        }
        // Other ASCII: what `fold_char` does to it, without decoding a character.
        if byte.is_ascii() {
            let folded = match byte {
                b'A'..=b'Z' => byte.to_ascii_lowercase(),
                b'.' | b'\t' | b'\n' | b'\r' => b' ',
                b'`' => b'\'',
                _ => byte,
            };
            out.push(folded, at32);
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        at += c.len_utf8();
        // Combining marks (a breve written as U+0306) vanish with their letter's fold.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        // Dashes, other spaces and symbols separate words; other letters stay as they are.
        let folded = fold_char(c).or(if c.is_alphabetic() { None } else { Some(' ') });
        let mut buf = [0u8; 4];
        for b in folded.unwrap_or(c).encode_utf8(&mut buf).bytes() {
            out.push(b, at32);
        }
    }
    out
}

/// ASCII bytes whose fold is themselves, or their lower case: not a space and not one of the
/// punctuation marks [`fold_char`] changes.
fn folds_to_itself_or_lower(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b' ' | b'.' | b'\t' | b'\n' | b'\r' | b'`')
}

impl Folded {
    /// Appends one folded byte from the original character at `at`; runs of spaces become one.
    fn push(&mut self, byte: u8, at: u32) {
        if byte == b' ' && self.text.last() == Some(&b' ') {
            return;
        }
        self.text.push(byte);
        self.orig_start.push(at);
    }
}

/// The folded form of an alias: what the automaton matches.
pub(crate) fn fold(alias: &str) -> String {
    let folded = fold_with_map(alias);
    String::from_utf8_lossy(&folded.text).trim().to_string()
}

/// The folded spellings one written alias is registered under (with and without its hyphens).
pub(crate) fn spellings(alias: &str) -> Vec<String> {
    let base = fold(alias);
    let mut out = vec![base.clone()];
    if base.contains('-') {
        out.push(base.replace('-', ""));
        out.push(fold(&base.replace('-', " ")));
    }
    out.retain(|s| !s.is_empty());
    out.dedup();
    out
}

/// An acronym ("MSS", "SPA", "KCNA", "MoSS") is matched with its case: two or more capitals, no space.
pub(crate) fn is_acronym(alias: &str) -> bool {
    let alias = alias.trim();
    !alias.contains(' ') && alias.len() <= 6 && alias.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The ASCII letters and digits of a string, case kept (compared for acronyms).
pub(crate) fn alnum(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl Matcher {
    /// Builds the automaton from (folded pattern, target) pairs; targets of one pattern and kind
    /// with the same form are merged.
    pub(crate) fn build(entries: Vec<(String, Target)>) -> Result<Matcher, String> {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        for (pattern, target) in entries {
            let slot = *index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                targets.push(Vec::new());
                targets.len() - 1
            });
            let Some(list) = targets.get_mut(slot) else {
                continue;
            };
            match list.iter_mut().find(|t| t.kind == target.kind && t.form == target.form && t.exact == target.exact) {
                Some(existing) => {
                    existing.ids.extend(target.ids);
                    existing.ids.sort();
                    existing.ids.dedup();
                }
                None => list.push(target),
            }
        }
        if patterns.is_empty() {
            return Ok(Matcher::default());
        }
        // A full DFA: one table lookup per byte in the overlapping search over every document
        // (the gazetteer is small enough for its table to stay in cache).
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| format!("cannot build the alias automaton: {e}"))?;
        Ok(Matcher { automaton: Some(automaton), targets })
    }

    /// Every alias in `text`, leftmost-longest, sorted by start; one hit per kind at a span.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = fold_with_map(text);
        let hay = folded.text.as_slice();
        // (folded start, folded end, pattern index, targets that passed the case check)
        let mut candidates: Vec<(usize, usize, Vec<&Target>)> = Vec::new();
        for m in automaton.find_overlapping_iter(hay) {
            let (s, e) = (m.start(), m.end());
            let before_ok = s == 0 || hay.get(s - 1).is_some_and(|&b| !is_word_byte(b));
            let after_ok = hay.get(e).is_none_or(|&b| !is_word_byte(b));
            if !before_ok || !after_ok {
                continue;
            }
            let (Some(os), Some(oe)) = (folded.start(s), folded.end(text, e.saturating_sub(1))) else {
                continue;
            };
            let Some(targets) = self.targets.get(m.pattern().as_usize()) else {
                continue;
            };
            let surface = text.get(os..oe).map(alnum).unwrap_or_default();
            let passing: Vec<&Target> = targets.iter().filter(|t| t.exact.as_ref().is_none_or(|x| *x == surface)).collect();
            if !passing.is_empty() {
                candidates.push((s, e, passing));
            }
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits = Vec::new();
        let mut taken_until = 0usize;
        for (s, e, targets) in candidates {
            if s < taken_until {
                continue;
            }
            taken_until = e;
            let (Some(os), Some(oe)) = (folded.start(s), folded.end(text, e.saturating_sub(1))) else {
                continue;
            };
            for t in targets {
                hits.push(Hit { span: Span::new(os, oe), kind: t.kind, ids: t.ids.clone(), form: t.form });
            }
        }
        hits
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_spellings() {
        assert_eq!(fold("Camp No.14"), "camp no 14");
        assert_eq!(fold("Camp  No. 14"), "camp no 14");
        assert_eq!(fold("Kaech\u{2019}ŏn"), "kaech'on");
        assert_eq!(fold("Hamgyo\u{306}ng"), "hamgyong");
        assert_eq!(spellings("Jongo-ri"), vec!["jongo-ri", "jongori", "jongo ri"]);
    }

    #[test]
    fn map_points_into_the_original() {
        let f = fold_with_map("Sŭngho.  Ri—x");
        assert_eq!(f.text, b"sungho ri x".to_vec());
        assert_eq!(f.orig_start.len(), f.text.len());
        assert_eq!(f.start(1), Some(1));
        assert_eq!(f.end("Sŭngho.  Ri—x", 1), Some(3));
    }

    /// The folding as first written, a character at a time: the fast paths must agree with it.
    fn fold_reference(text: &str) -> (Vec<u8>, Vec<u32>) {
        let (mut out, mut map) = (Vec::new(), Vec::new());
        for (at, c) in text.char_indices() {
            if ('\u{300}'..='\u{36f}').contains(&c) {
                continue;
            }
            let folded = fold_char(c).or(if c.is_ascii() {
                Some(c)
            } else if c.is_alphabetic() {
                None
            } else {
                Some(' ')
            });
            let ch = folded.unwrap_or(c);
            if ch == ' ' && out.last() == Some(&b' ') {
                continue;
            }
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push(b);
                map.push(at as u32);
            }
        }
        (out, map)
    }

    #[test]
    fn fast_folding_is_the_reference_folding() {
        let seeds = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")).unwrap();
        let mut texts: Vec<String> = seeds.filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok()).collect();
        texts.push("Sŭngho.  Ri—x KAECH\u{2019}ŎN\tcamp`s No.14 Hamgyo\u{306}ng \u{a0} é. É Ω ÷ 1,000 _x_ \r\n".to_string());
        texts.push(String::new());
        for text in &texts {
            let folded = fold_with_map(text);
            assert_eq!((folded.text, folded.orig_start), fold_reference(text), "{text}");
        }
        assert!(texts.len() > 3);
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("MSS"));
        assert!(is_acronym("KCNA"));
        assert!(!is_acronym("Bowibu"));
        assert!(!is_acronym("Camp 14"));
    }
}
