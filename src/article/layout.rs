//! Line classes of a scraped news page. Each line of the original is read once and labelled:
//! body text, or one of the kinds of page furniture this press carries (share buttons,
//! newsletter blurbs, photo credits, keyword lists, bylines, bios, related-story lists). Patterns
//! describe furniture, not any one article: they are anchored to whole lines and short.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::{Regex, RegexSet};

use crate::text::regex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineClass {
    Blank,
    Content,
    /// Site furniture: dropped.
    Boilerplate,
    /// This line and everything after it is furniture ("Related UPI Stories", "Trending Stories").
    TailCut,
    /// "By NAME | DATE": authors and a date.
    Byline,
    /// "*Translated by NAME and edited by NAME".
    Translator,
    /// "Reported by NAME for RFA's Korean Service. Translated by NAME. Written in English by NAME.":
    /// a line of credit sentences, authors and translators.
    Credits,
    /// "NAME is one of Daily NK's reporters ...".
    Bio,
    /// A line that is only a date and time ("13:34, January 10, 2012").
    DateStamp,
    /// A scraper's header: " date 2017-02-27 Title ...".
    ScrapeHeader,
}

/// Whole-line furniture, matched case-insensitively against the trimmed line: patterns anchored
/// at the line start.
const BOILERPLATE: &[&str] = &[
    r"^share (with|on|to|via) \w+",
    r"^(share|tweet|email|print|comment|facebook|twitter|whatsapp|linkedin|reddit|copy link)$",
    r"^sign up for\b",
    r"^an exclusive report putting perspective",
    r"^advertisement$",
    r"^(image|photo|picture|graphic|source|credit|photo credit)s?\s*:",
    r"^related\s*:",
    r"^read in korean$",
    r"^read (the|this) (story|article) in korean",
    r"^please direct any (comments|questions)",
    r"^(she|he|they) can be reached at\b",
    r"^topics\s*:",
    r"^tags\s*:",
    r"^(click|tap) here\b",
    r"^(subscribe|follow us)\b",
    r"^copyright\b|^©|^\(c\) \d{4}",
    r"^all rights reserved",
    r"^(previous|next) (post|article)\b",
    r"^«",
    r"^(world now|news from around the world)$",
    r"^\[?(photo|image|video)\]?$",
];

/// Furniture found anywhere in the line. Each pattern needs one of [`FLOATING_KEYS`], so lines
/// without any (nearly all) skip the scan.
const BOILERPLATE_FLOATING: &[&str] = &[
    r"\bnewsletter\b.{0,60}$",
    r"\s/\s*(image|photo)\s*:",
    r"\b(file )?photo by\b.*\|",
    r"\blicense photo\b",
    r"<a\s+href=",
    r"\(wikimedia commons\)$",
    r"»$",
];

/// A piece of every [`BOILERPLATE_FLOATING`] pattern, compared ASCII-case-insensitively. The
/// pieces avoid `s` and `k`: under `(?i)` the patterns also match the long s (ſ) and the Kelvin
/// sign, which an ASCII comparison would not.
const FLOATING_KEYS: &[&str] = &["letter", "/", "photo", "<", "imedia commo", "»"];

#[allow(clippy::expect_used)] // constant words, built on the first line of the tests
static FLOATING_KEY_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A handful of short words: the DFA is small and the fastest to run over every line.
    AhoCorasick::builder().ascii_case_insensitive(true).kind(Some(AhoCorasickKind::DFA)).build(FLOATING_KEYS).expect("constant words build")
});

/// Keys of [`FLOATING_KEYS`] as regexes of one word each (in its ASCII case variants), which run a
/// vector search, faster than the key automaton walks every byte: "photo" may stand anywhere in a
/// line, "letter" (of "newsletter") only near its end.
static PHOTO: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)photo"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)letter"));

/// How far from the line end "newsletter" may start: at most 60 characters (of up to 4 bytes)
/// follow it.
const NEWSLETTER_WITHIN: usize = 10 + 60 * 4;
/// How far from the line end the keys of "(wikimedia commons)" and "»" lie (with the long s and
/// the Kelvin sign, which take more bytes than the letters they stand for).
const LINE_END_KEYS_WITHIN: usize = 32;

/// Whether `line` holds a key of [`FLOATING_KEYS`] where its pattern needs it: "/", "<" or
/// "photo" anywhere, "letter" near the end, or any key at the very end. Most lines have none.
fn may_hold_floating_furniture(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.contains(&b'/')
        || bytes.contains(&b'<')
        || PHOTO.is_match(line)
        || LETTER.is_match(tail(line, NEWSLETTER_WITHIN))
        || FLOATING_KEY_FINDER.is_match(tail(line, LINE_END_KEYS_WITHIN))
}

/// The last `len` bytes of `line`, or a little more to start on a character.
fn tail(line: &str, len: usize) -> &str {
    let mut start = line.len().saturating_sub(len);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    line.get(start..).unwrap_or(line)
}

/// Lines after which the page holds no more of the article.
const TAIL: &[&str] = &[
    r"^related(\s+\w+){0,3}\s+stories$",
    r"^trending( stories| now)?$",
    r"^top stories$",
    r"^most (read|popular|viewed)( stories)?$",
    r"^more (stories|from|in)\b.{0,40}$",
    r"^recommended( stories| for you)?$",
    r"^you (may|might) also like$",
];

static BOILERPLATE_SET: LazyLock<RegexSet> = LazyLock::new(|| build_set(BOILERPLATE));
static BOILERPLATE_FLOATING_SET: LazyLock<RegexSet> = LazyLock::new(|| build_set(BOILERPLATE_FLOATING));
static TAIL_SET: LazyLock<RegexSet> = LazyLock::new(|| build_set(TAIL));

#[allow(clippy::expect_used)] // constant patterns, compiled by the tests
fn build_set(patterns: &[&str]) -> RegexSet {
    // ASCII word boundaries: with a Unicode `\b` the lazy DFA gives up on lines holding curly
    // quotes or NBSP and the set falls back to the PikeVM, about 60x slower on this press's text
    // (measured with benches/pipeline.rs). The patterns' words are ASCII, so matches are the same.
    RegexSet::new(patterns.iter().map(|p| format!("(?i){}", p.replace(r"\b", r"(?-u:\b)")))).expect("constant patterns compile")
}

pub static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    // The names end at the line's end, a separator, or an address in brackets ("BY KANG JI-WON
    // [kang.jiwon@joongang.co.kr]").
    regex(
        r"^(?i:by)\s+([A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){0,3})*)\s*(?:$|[|,•·\[(<-]|\s{2,})",
    )
});
pub static TRANSLATOR: LazyLock<Regex> = LazyLock::new(|| {
    // The names end at an editor's credit or at a sentence that follows on the same line
    // ("Translated by NAME. Please direct any comments ..."); an initial ("J. Kim") is a name.
    regex(
        r"^[*\s]*(?i:translated(?:\s+from\s+\w+)?\s+by)\s+(.+?)(?:\s*(?:,|and)\s+(?i:edited|revised|copy-?edited)\s+by\s+.*|\.\s+[A-Z][a-z]*\s+[a-z].*)?\s*\.?$",
    )
});
/// One credit sentence: the role, then the names, then what they work for ("for RFA's Korean
/// Service"). Roles this press credits at the foot of a story; editors are not authors.
pub static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?i:(reported|reporting|written(?:\s+in\s+english)?|translated(?:\s+from\s+\w+)?|edited|editing|produced)(?:\s+and\s+\w+)?\s+by)\s+([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,3})*)(?:\s+(?:for|of|at|with)\s+[^.]{1,60})?$",
    )
});

/// Who is credited with what on a line made only of credit sentences: `(authors, translators)`.
/// `None` when any sentence of the line is not a credit.
pub fn credits(line: &str) -> Option<(Vec<&str>, Vec<&str>)> {
    let (mut authors, mut translators) = (Vec::new(), Vec::new());
    // Wire credits join their sentences with semicolons ("Reporting by NAME; Editing by NAME").
    let sentences = line.trim().trim_start_matches('*').trim_end_matches('.').split([';']).flat_map(|part| part.split(". ")).map(str::trim);
    for sentence in sentences {
        let found = CREDIT.captures(sentence)?;
        let (role, names) = (found.get(1)?.as_str().to_ascii_lowercase(), found.get(2)?.as_str());
        if role.starts_with("translated") {
            translators.push(names);
        } else if role.starts_with("report") || role.starts_with("written") {
            authors.push(names);
        }
    }
    Some((authors, translators))
}

pub static BIO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){1,3})\s+(?:is|was|has been)\s+(?:one of\s+|a\s+|an\s+|the\s+)?[^.]{0,80}?\b(?:reporters?|journalists?|correspondents?|writers?|contributors?|editors?|columnists?|analysts?|interns?)\b",
    )
});
static DATE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        // Also "Thu 1 Dec 2016 06.12 GMT", "2 May 2013 Last updated at 05:41 GMT" and
        // "Issued on: 24/11/2021 - 08:31".
        r"(?i)^(?:(?:posted|published|updated|date|issued(?:\s+on)?)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*,?\s*)?(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?:\s*(?:\||-|at|,|(?:last\s+)?updated(?:\s+at)?)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[a-z]{2,4})?)?(?:\s*\|.*)?$",
    )
});
pub static SCRAPE_HEADER: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$"));

/// A comma-separated keyword list ("prisoners, prison, jail, camps, camp").
fn is_keyword_list(line: &str) -> bool {
    // The cheap tests first: most lines fail them.
    let lowercase = line.chars().next().is_some_and(|c| c.is_lowercase());
    if !lowercase || line.ends_with('.') || line.contains(['"', '\u{201C}', '\u{201D}']) {
        return false;
    }
    let items = || line.split([',', '.']).map(str::trim).filter(|s| !s.is_empty());
    // Keywords are short and unquoted; a wrapped line of prose has longer runs between commas.
    items().count() >= 4 && items().all(|i| i.split_whitespace().count() <= 3)
}

fn starts_with_any_ignore_ascii_case(line: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| line.get(..p.len()).is_some_and(|start| start.eq_ignore_ascii_case(p)))
}

/// Whether [`DATE_STAMP`] can match: it starts with a number ("13:34", "14 October"), a word and
/// a number ("Oct. 14"), or a label (posted, published, updated, date; two letters without an
/// `s` are compared, for the long s). `\d` is any decimal digit, so `is_numeric` is asked.
fn may_be_date_stamp(line: &str, first: char) -> bool {
    first.is_numeric()
        || line.split_whitespace().nth(1).and_then(|w| w.chars().next()).is_some_and(char::is_numeric)
        || starts_with_any_ignore_ascii_case(line, &["po", "pu", "up", "da", "is", "mon", "tue", "wed", "thu", "fri", "sat", "sun"])
}

/// Each pattern below runs only on lines that can match it (judged from the first characters or
/// a required word): most lines are prose, and a regex call costs more than these tests.
pub fn classify(line: &str) -> LineClass {
    let trimmed = line.trim();
    let Some(first) = trimmed.chars().next() else {
        return LineClass::Blank;
    };
    // (The two letters avoid `s`, which `(?i)` also matches as the long s.)
    if starts_with_any_ignore_ascii_case(trimmed, &["re", "tr", "to", "mo", "yo"]) && TAIL_SET.is_match(trimmed) {
        return LineClass::TailCut;
    }
    if trimmed.starts_with("date") && SCRAPE_HEADER.is_match(line) {
        return LineClass::ScrapeHeader;
    }
    let after_stars = trimmed.trim_start_matches(|c: char| c == '*' || c.is_whitespace());
    if after_stars.starts_with(['t', 'T']) && TRANSLATOR.is_match(trimmed) {
        return LineClass::Translator;
    }
    if starts_with_any_ignore_ascii_case(after_stars, &["reported", "reporting", "written", "produced", "edited", "editing"]) && credits(after_stars).is_some()
    {
        return LineClass::Credits;
    }
    let by = trimmed.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("by"));
    if by && BYLINE.is_match(trimmed) && trimmed.split_whitespace().count() <= 16 {
        return LineClass::Byline;
    }
    if may_be_date_stamp(trimmed, first) && DATE_STAMP.is_match(trimmed) {
        return LineClass::DateStamp;
    }
    // "NAME NAME is/was/has been ...": the verb is the third to fifth word.
    let bio_verb = || trimmed.split_whitespace().skip(2).take(3).any(|w| matches!(w, "is" | "was" | "has"));
    if first.is_ascii_uppercase() && bio_verb() && BIO.is_match(trimmed) {
        return LineClass::Bio;
    }
    if BOILERPLATE_SET.is_match(trimmed)
        || (may_hold_floating_furniture(trimmed) && BOILERPLATE_FLOATING_SET.is_match(trimmed))
        || is_keyword_list(trimmed)
        || nav_bar(trimmed)
        || markup_only(trimmed)
    {
        return LineClass::Boilerplate;
    }
    LineClass::Content
}

/// A line of HTML tags with at most a few words between them ("<body>", "<head><title>x</title>"):
/// HTML is not parsed, but such lines carry no article text.
fn markup_only(line: &str) -> bool {
    line.starts_with('<') && line.ends_with('>') && TAG.replace_all(line, " ").split_whitespace().count() <= 3
}

static TAG: LazyLock<Regex> = LazyLock::new(|| regex(r"<[^<>]{0,500}>"));

/// "« Previous Post | World Now Home | Next Post »": two or more bars in a short line.
fn nav_bar(line: &str) -> bool {
    line.matches('|').count() >= 2 && line.split_whitespace().count() <= 14
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        for line in [
            "share with facebook",
            "Share on WhatsApp",
            "Sign up for our weekly Korea Now newsletter",
            "Advertisement",
            "Image: pixabay",
            "A North Korean merchant using a cell phone at a local market. / Image: Daily NK",
            "North Korea's leader. File Photo by Stephen Shaver/UPI | License Photo",
            "Please direct any comments or questions about this article to dailynkenglish@uni-media.net.",
            "Read in Korean",
            "prisoners, prison, jail, imprisonment, punishment, camps, camp",
            "border, china, north korea, dprk, defectors, defections. remittance",
            "« Previous Post | World Now Home | Next Post »",
            "A marker delineating the border between China and North Korea (Wikimedia Commons)",
            "Photo: Yonhap",
            "<html><head><title>x</title></head>",
            "</div></body>",
        ] {
            assert_eq!(classify(line), LineClass::Boilerplate, "{line}");
        }
        for line in ["Related UPI Stories", "Trending Stories", "Top stories", "Most Read"] {
            assert_eq!(classify(line), LineClass::TailCut, "{line}");
        }
    }

    /// The key test lets through every line a floating furniture pattern matches.
    #[test]
    fn floating_furniture_is_found_through_its_keys() {
        let long_prose = "North Korea\u{2019}s “leader” visited the camp — officials said. ".repeat(8);
        let wide = "\u{1F600}".repeat(60);
        let lines = [
            format!("{long_prose} Sign up for our newsletter"),
            format!("{long_prose} Sign up for our NEWSLETTER{wide}"),
            format!("{long_prose} our newſletter {}", "é".repeat(59)),
            format!("{long_prose} A marker (wiKimedia commonſ)"),
            format!("{long_prose} (Wikimedia Commons)"),
            format!("{long_prose} (wi\u{212A}imedia common\u{17F})"),
            format!("{long_prose} Next »"),
            format!("{long_prose} caption / Image: Daily NK"),
            format!("{long_prose} caption /\u{a0}PHOTO :"),
            format!("File Photo by Stephen Shaver/UPI | License Photo {long_prose}"),
            format!("{long_prose} liсense photo"),
            format!("<a  href=\"x\">{long_prose}"),
            long_prose.clone(),
            format!("newsletter {long_prose}"),
        ];
        for line in &lines {
            if BOILERPLATE_FLOATING_SET.is_match(line) {
                assert!(may_hold_floating_furniture(line), "{line}");
            }
        }
        assert_eq!(lines.iter().filter(|l| BOILERPLATE_FLOATING_SET.is_match(l)).count(), 11);
        assert!(!may_hold_floating_furniture(&long_prose));
    }

    #[test]
    fn bylines_bios_and_stamps() {
        assert_eq!(classify("By Elizabeth Shim  |  Oct. 14, 2015 at 1:56 PM"), LineClass::Byline);
        assert_eq!(classify("By Jeong Tae Joo and Ha Yoon Ah"), LineClass::Byline);
        assert_eq!(classify("*Translated by Violet Kim and edited by Laura Geigenberger"), LineClass::Translator);
        assert_eq!(classify("Seulkee Jang is one of Daily NK's full-time reporters and covers North Korean economic issues."), LineClass::Bio);
        assert_eq!(classify("Kim Yoo Jin is one of Daily NK's freelance journalists."), LineClass::Bio);
        assert_eq!(classify("13:34, January 10, 2012"), LineClass::DateStamp);
        assert_eq!(classify("February 23, 2012 |  4:00 am"), LineClass::DateStamp);
        assert_eq!(classify("February 27, 2017 - 13:58 AMT"), LineClass::DateStamp);
        assert_eq!(classify("Thu 1 Dec 2016 06.12 GMT"), LineClass::DateStamp);
        assert_eq!(classify("2 May 2013 Last updated at 05:41 GMT"), LineClass::DateStamp);
        assert_eq!(classify("Issued on: 24/11/2021 - 08:31"), LineClass::DateStamp);
        assert_eq!(classify("Reporting by Choi Sung-min; Editing by Paul Tait"), LineClass::Credits);
        assert_eq!(credits("Reporting by Choi Sung-min; Editing by Paul Tait"), Some((vec!["Choi Sung-min"], vec![])));
        assert_eq!(classify("BY KANG JI-WON [kang.jiwon@joongang.co.kr]"), LineClass::Byline);
        assert_eq!(classify(" date 2017-02-27 Seoul: North Korea executes officials"), LineClass::ScrapeHeader);
    }

    #[test]
    fn prose_is_content() {
        for line in [
            "Amnesty was granted to inmates who had displayed “model behavior” during their time in prison, Daily NK sources in the country said.",
            "By the end of the year, thousands of prisoners had been released, sources said.",
            "Kim Jong Un granted amnesty to thousands of North Korea prisoners",
            "A SURPRISE MOVE",
            "nationwide, and labor-training camps in each province, city and county,\u{201D} a",
            "as China, Vietnam, Laos, and Mongolia. They would have been labeled political",
            "Sources in the border city said the Ministry of State Security is investigating, a reporter for the outlet wrote.",
        ] {
            assert_eq!(classify(line), LineClass::Content, "{line}");
        }
    }
}
