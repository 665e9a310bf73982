//! Word lists of the time stage (month and weekday names, number words, the cue words that let a
//! bare month or year count as a date, tense cues). Kept as data tables so that a new spelling is
//! a one-line change and rules never hard-code words.

use regex::Regex;

/// Compiles a constant pattern; `None` only if the pattern is broken (tests cover every pattern),
/// so callers degrade to "no matches" instead of panicking.
pub(crate) fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

/// Month name prefixes as written in this press ("Sept.", "Sep", "September"); matched on the
/// lower-cased token without its period.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub(crate) fn month_number(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(name, _)| *name == t).map(|(_, m)| *m)
}

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Monday = 0 ... Sunday = 6.
pub(crate) fn weekday_number(token: &str) -> Option<u32> {
    let t = token.to_ascii_lowercase();
    WEEKDAYS.iter().position(|w| *w == t).map(|i| i as u32)
}

/// "15", "fifteen", "a" -> the number.
pub(crate) fn number_value(token: &str) -> Option<i32> {
    let t = token.to_ascii_lowercase();
    if let Ok(n) = t.parse::<i32>() {
        return Some(n);
    }
    match t.as_str() {
        "a" | "an" => Some(1),
        "several" => Some(3),
        _ => crate::text::numbers::cardinal(&t),
    }
}

/// Regex alternation of the number words above (for patterns).
pub(crate) const NUMBER_ALT: &str = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a\s+few|several";

const ORDINAL_WORDS: &[(&str, i32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("fifteenth", 15),
    ("twentieth", 20),
    ("twenty-fifth", 25),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("seventy-fifth", 75),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("one-hundredth", 100),
];

pub(crate) fn ordinal_word(token: &str) -> Option<i32> {
    let t = token.to_ascii_lowercase();
    ORDINAL_WORDS.iter().find(|(w, _)| *w == t).map(|(_, n)| *n)
}

/// Words before a bare month ("in October") or a bare year ("since 2000") that make it a date.
pub(crate) const DATE_CUES_BEFORE: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "through",
    "throughout",
    "of",
    "before",
    "after",
    "around",
    "early",
    "mid",
    "late",
    "last",
    "this",
    "next",
    "between",
    "and",
    "to",
    "or",
    "as",
    "year",
    "circa",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "end",
    "beginning",
    "start",
    "middle",
    "on",
    "for",
    "at",
    "than",
    "within",
    "between",
    "past",
];

/// Words right after a bare year that make it a date ("2012 marked the 100th anniversary").
pub(crate) const YEAR_CUES_AFTER: &[&str] = &["marked", "marks", "saw", "was", "were", "is", "will", "when"];

/// Words before "the 13th" that make it a day of the month.
pub(crate) const DAY_OF_MONTH_CUES: &[&str] = &["on", "by", "until", "since", "from", "till", "before", "after"];

/// Words that may follow "on the 13th" (anything else, e.g. "anniversary", "floor", makes it an
/// ordinal, not a date).
pub(crate) const DAY_OF_MONTH_FOLLOWERS: &[&str] = &[
    "and",
    "at",
    "in",
    "when",
    "after",
    "before",
    "as",
    "with",
    "from",
    "for",
    "to",
    "of",
    "but",
    "while",
    "that",
    "the",
    "a",
    "according",
    "amid",
    "following",
    "during",
];

/// Cues that put the clause in the future relative to the publication date.
pub(crate) const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "expected",
    "scheduled",
    "upcoming",
    "coming",
    "set to",
    "going to",
    "is to",
    "are to",
    "'ll",
    "would be held",
];

/// Reporting verbs whose clause is in the past even when a future cue follows ("told ... that X will").
pub(crate) const REPORTING_CUES: &[&str] = &["said", "told", "reported", "announced", "added", "stated"];

/// Past-tense words that, read after a date ("In early January, bureaus received ..."), make the
/// clause past; any word ending in "-ed" counts too.
pub(crate) const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "told", "said", "came", "went", "took", "gave", "sent", "began", "made", "held", "got", "left", "saw", "fled", "caught",
    "brought", "met", "found",
];

/// Words after "N years" that make it an age, not a duration ("36 years old").
pub(crate) const AGE_CUES_AFTER: &[&str] = &["old", "of age"];

/// Words before a number that make it an age ("aged 36", "a man of 36 years").
pub(crate) const AGE_CUES_BEFORE: &[&str] = &["aged", "age", "ages", "man of", "woman of", "boy of", "girl of"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("OCT"), Some(10));
        assert_eq!(month_number("Octo"), None);
        assert_eq!(weekday_number("Thursday"), Some(3));
        assert_eq!(number_value("six"), Some(6));
        assert_eq!(number_value("15"), Some(15));
        assert_eq!(ordinal_word("seventieth"), Some(70));
    }
}
