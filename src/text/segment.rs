//! Sentence segmentation for news prose: splits after `.`, `!` or `?` (and any closing quotes or
//! brackets) when the next word starts a sentence, except after abbreviations this press uses
//! ("Apr.", "No.", "Mr.", "U.N.", initials such as "Kim J. Un").

use super::Span;

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt",
    "col", "maj", "capt", "sgt", "gov", "sen", "rep", "rev", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "approx", "est", "fig", "vol", "pp", "dept",
    "univ", "mt", "ft", "e.g", "i.e", "a.m", "p.m", "ph.d",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.trim_start_matches(['(', '[', '"', '\'']).to_ascii_lowercase();
    if lower.len() == 1 && lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return true; // an initial
    }
    // Dotted acronyms ("U.N", "D.P.R.K") are abbreviations whatever their length.
    if lower.len() >= 3 && lower.split('.').all(|p| p.len() == 1) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits a paragraph into sentence spans (byte offsets into `text`), trimmed of spaces.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if matches!(b, b'.' | b'!' | b'?') {
            // Take the closing punctuation that belongs to this sentence.
            let mut end = i + 1;
            while matches!(bytes.get(end), Some(b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?')) {
                end += 1;
            }
            let next_word = end;
            let mut k = end;
            while bytes.get(k) == Some(&b' ') {
                k += 1;
            }
            let boundary = k > next_word
                && match bytes.get(k) {
                    None => false,
                    Some(c) => c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'"' | b'\'' | b'(' | b'[') || *c >= 0x80,
                };
            if boundary && b == b'.' {
                let word_start = text.get(..i).and_then(|s| s.rfind([' ', '\n'])).map_or(0, |p| p + 1);
                let word = text.get(word_start..i).unwrap_or("");
                let next_is_digit = bytes.get(k).is_some_and(u8::is_ascii_digit);
                if is_abbreviation(word) && (next_is_digit || !word.eq_ignore_ascii_case("etc")) {
                    i = end;
                    continue;
                }
            }
            if boundary || k >= bytes.len() {
                push_trimmed(text, start, end, &mut spans);
                start = k;
                i = k;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else { return };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        spans.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(split("On Apr. 15 they left. Mr. Kim stayed."), vec!["On Apr. 15 they left.", "Mr. Kim stayed."]);
        assert_eq!(split("The U.N. envoy spoke. Then he left."), vec!["The U.N. envoy spoke.", "Then he left."]);
        assert_eq!(split("Prison No. 11 in Chungsan. It is old."), vec!["Prison No. 11 in Chungsan.", "It is old."]);
        assert_eq!(split("Kim J. Un left."), vec!["Kim J. Un left."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("\"They were released,\" he said. \"It was sudden.\" Then silence."),
            vec!["\"They were released,\" he said.", "\"It was sudden.\"", "Then silence."]
        );
        assert_eq!(split("He asked why? Nobody knew!"), vec!["He asked why?", "Nobody knew!"]);
    }

    #[test]
    fn lowercase_continuation_is_not_a_boundary() {
        assert_eq!(split("It cost 3.5 million won. done."), vec!["It cost 3.5 million won. done."]);
    }
}
