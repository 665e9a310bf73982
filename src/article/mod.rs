//! Article stage: the layout of a news page as scraped: title, byline, dateline, outlet,
//! boilerplate, and the body paragraphs the extractors read.
//!
//! Lines are classified once ([`layout::classify`]); furniture is dropped, metadata lines are
//! read for authors, translators and dates, and the remaining lines are grouped into paragraphs,
//! joining hard-wrapped lines. The body blocks keep byte ranges of the original, so the text
//! stage can map every later span back to it.

mod dates;
mod layout;
pub mod outlets;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub use dates::{find_full_date, month_number};
use layout::{classify, LineClass, BIO, BYLINE, SCRAPE_HEADER, TRANSLATOR};

use crate::pipeline::Meta;
use crate::text::{contains_ignore_ascii_case, regex, Block, BlockKind};
use crate::time::Date;

/// What the article stage read from a document (the `articles` row, plus the body blocks).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInfo {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub translators: Vec<String>,
    pub published: Option<Date>,
    /// `metadata` or `text`.
    pub published_source: Option<&'static str>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub body: String,
    /// Title and body paragraphs (byte ranges of the original), in order.
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
    class: LineClass,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = 0usize;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let mut range = pos..pos + content.len();
        pos += raw.len();
        // Scraper markers glued to a paragraph ("[imText1]The DailyNK ...") are not text.
        if let Some(m) = content.trim_start().starts_with('[').then(|| MARKER_PREFIX.find(content)).flatten() {
            range.start += m.end();
        }
        // A photo caption that is a sentence of news ("Kim may have pardoned prisoners ... File
        // Photo by X/UPI | License Photo") keeps the sentence and loses the credit.
        // (The credit needs a bar and the word "photo": most lines skip the regex.)
        let may_hold_credit = content.contains('|') && contains_ignore_ascii_case(content, "photo");
        if let Some(m) = may_hold_credit.then(|| CAPTION_CREDIT.find(content)).flatten() {
            let caption = content.get(..m.start()).unwrap_or("");
            if caption.split_whitespace().count() >= 8 {
                range.end = range.start.max(pos - raw.len() + m.start());
            }
        }
        let class = classify(text.get(range.clone()).unwrap_or(""));
        lines.push(Line { range, class });
    }
    // Scraped pages often carry a caption twice in a row (image alt text, then caption); the
    // second copy adds nothing. Only near repeats count: an article may legitimately repeat itself.
    for i in 1..lines.len() {
        let key = |l: &Line| text.get(l.range.clone()).unwrap_or("").trim();
        let Some(line) = lines.get(i) else { continue };
        let this = key(line);
        let repeated = line.class == LineClass::Content
            && lines.get(i.saturating_sub(3)..i).is_some_and(|before| before.iter().any(|b| b.class == LineClass::Content && key(b) == this))
            && this.split_whitespace().count() >= 8;
        if repeated {
            if let Some(line) = lines.get_mut(i) {
                line.class = LineClass::Boilerplate;
            }
        }
    }
    lines
}

static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\s*\b(?:file\s+)?photo\s+by\s+[^|]{1,80}\|.*$"));

static MARKER_PREFIX: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*\[(?:imText|img|image|caption)\w*\]"));

/// Words after which a hard-wrapped line certainly continues.
const CONTINUING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "that", "which", "who", "as", "into", "its", "their",
    "his", "her", "is", "are", "was", "were", "be", "been", "has", "have", "had", "not", "than", "this", "these", "those", "about", "after", "before", "over",
    "under", "between", "said", "told",
];

/// Whether the line break between `prev` and `next` is a hard wrap inside one paragraph.
fn continues(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim_start();
    let Some(last) = prev.chars().last() else { return false };
    if matches!(last, '.' | '!' | '?' | ':' | '"' | '\u{201D}' | ')' | ']') {
        return false;
    }
    let Some(first) = next.chars().next() else { return false };
    if first.is_lowercase() || first.is_ascii_digit() {
        return true;
    }
    if matches!(last, ',' | ';' | '-' | '\u{2013}' | '\u{2014}' | '(' | '\u{2018}' | '\u{201C}') {
        return true;
    }
    let last_word = prev.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
    // An ASCII comparison answers as `to_lowercase` would: the only non-ASCII letter that lowers
    // to ASCII is the Kelvin sign, and no continuing word has a k.
    CONTINUING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last_word))
}

/// "Seoul", "New York": one or two capitalised words of letters (an agency is written in
/// capitals or with dots: "AP", "U.P.I.", "NK News" is known by name).
fn is_title_case_place(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.clone().count() >= 2 && chars.all(|c| c.is_ascii_lowercase())
        })
}

/// A line that reads like a headline: short, no sentence-final period.
/// Words a line of two to four capitalised words holds when it is not a person's name.
const NOT_IN_NAMES: &[&str] =
    &["North", "South", "Korea", "Korean", "News", "Daily", "Press", "Agency", "Ministry", "Seoul", "Pyongyang", "The", "Of", "Image", "Photo", "Related"];

/// A person's name alone on a line, maybe with where they write from ("Daniel Harker in Seoul").
fn byline_name(line: &str) -> Option<&str> {
    let line = line.trim();
    let name = line.split_once(" in ").map_or(line, |(name, place)| if place.split_whitespace().count() <= 2 { name } else { line });
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.')) && !NOT_IN_NAMES.contains(w)
    };
    ((2..=4).contains(&words.len()) && words.iter().all(name_word) && outlets::lookup(name).is_none()).then_some(name)
}

fn headline_like(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with('.') && !line.ends_with("..");
    (2..=30).contains(&words) && line.len() <= 220 && !ends_sentence
}

/// The outlet named in a dateline or lead: "SEOUL, Oct. 14 (UPI) --", "Nov. 25 (UPI) --",
/// "REPORTING FROM SEOUL --", "PanARMENIAN.Net - ", "SEOUL, South Korea (AP) —" (a region after
/// the city is not part of the dateline).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:REPORTING FROM\s+)?(?:([A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?,?\s*)?(?:\(?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\)?\s*)?(?:\(([^()]{2,40})\)\s*)?(?:--|-–|—|–|―|-)\s*",
    )
});
/// The state agencies' form, a city in title case before the date: "Pyongyang, December 27 (KCNA)
/// --", "Beijing, Jan. 3 (Xinhua) --". Without the date and agency such a start is prose.
static DATELINE_TITLE_CASE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\(([^()]{2,40})\)\s*(?:--|-–|—|–|―|-)\s*"));
/// Agencies' forms without a date or without brackets: "Seoul (AFP) –", "SEOUL, Oct. 5 Kyodo -".
/// The bracketed or trailing name must be a known outlet.
static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})(?:\s*\(([^()]{2,40})\)|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?))\s*(?:--|-–|—|–|―|-)\s*",
    )
});
/// A footer or credit line that is an outlet's name: "© 2021 AFP", "==Kyodo", "BBC News, Seoul".
fn outlet_of_footer(line: &str) -> Option<&'static outlets::Outlet> {
    let line = line.trim();
    if line.is_empty() || line.split_whitespace().count() > 5 {
        return None;
    }
    let stripped = line.trim_start_matches(|c: char| c == '©' || c == '=' || c.is_whitespace());
    let stripped = stripped.strip_prefix("Copyright").or_else(|| stripped.strip_prefix("(c)")).unwrap_or(stripped).trim_start();
    let stripped = stripped.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let name = stripped.split(',').next().unwrap_or("").trim().trim_end_matches('.');
    outlets::lookup(name).filter(|o| o.kind != "ngo")
}
static LEAD_OUTLET: LazyLock<Regex> = LazyLock::new(|| regex(r"^([A-Z][A-Za-z]*(?:[A-Z.][A-Za-z]+)+)\s+[-–—]\s+"));
/// Phrases in which this press names itself: "Daily NK has learned", "told Daily NK".
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| regex(&self_reference_pattern(r"\b")));
/// [`SELF_REFERENCE`] with ASCII word boundaries, which its lazy DFA can run on any text (with
/// Unicode ones it gives up at the first non-ASCII byte, a curly quote or NBSP, and the line is
/// searched by a slower engine). The boundaries stand before ASCII letters, where the two kinds
/// differ only after a non-ASCII word character: on a line without one it finds the same matches.
static SELF_REFERENCE_ASCII_BOUNDARIES: LazyLock<Regex> = LazyLock::new(|| regex(&self_reference_pattern(r"(?-u:\b)")));
/// A character that Unicode `\w` has and ASCII `\w` has not.
static NON_ASCII_WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| regex(r"[\w&&[^\x00-\x7F]]"));

fn self_reference_pattern(boundary: &str) -> String {
    let b = boundary;
    format!(
        r"(?i)(?:{b}told|{b}to|{b}by|{b}met)\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})(?:'s?\s+Korean Service)?|((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})\s+(?:has|have)\s+learned|((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})\s+was confirmed"
    )
}
/// A cheap test that a line may hold a phrase [`self_reference`] accepts: some alias of a news
/// outlet written as a whole word. [`SELF_REFERENCE`] runs its Unicode word boundaries and
/// captures on every "to" and "by" of the body; most lines name no outlet and skip it.
///
/// It must let through every line the full pattern finds an outlet in. The phrase looked up is
/// made of words of a `[A-Z][\w.]*` run (a trailing "'s" or "s" trimmed), so the alias is followed
/// by `s*` and then a character outside `[\w.]`. It starts after white space, at the line start,
/// or at the start of a match, and a match starting after an ASCII letter would have started one
/// letter earlier; the only letters before it can be the last of a previous match ("learned",
/// "confirmed", "Korean Service"), which end in d or e. Hence the class before the alias.
static MAY_NAME_AN_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    let aliases: Vec<String> = outlets::outlets()
        .iter()
        .filter(|o| o.kind == "outlet")
        .flat_map(|o| o.aliases.iter())
        .map(|a| outlets::without_article(a).split(' ').map(regex::escape).collect::<Vec<_>>().join(r"\s+"))
        .collect();
    if aliases.iter().any(String::is_empty) {
        // An alias that is only an article: any line may name it.
        return regex("");
    }
    regex(&format!(r"(?:^|[^a-ce-zA-CE-Z])(?i:{})s*(?:$|[^\w.])", aliases.join("|")))
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| regex(r"[\w.+-]+(?:@|\(at\))[\w-]+(?:\.[\w-]+)+"));

pub fn analyse(original: &str, meta: &Meta) -> ArticleInfo {
    let mut lines = split_lines(original);
    let mut info = ArticleInfo { url: meta.url.clone(), ..ArticleInfo::default() };
    let mut text_date: Option<Date> = None;
    let mut outlet_from_text: Option<String> = None;
    let mut byline_outlet: Option<String> = None;
    let mut scraped_title: Option<Range<usize>> = None;

    // Everything after a tail marker is furniture.
    if let Some(cut) = lines.iter().position(|l| l.class == LineClass::TailCut) {
        for line in lines.iter_mut().skip(cut) {
            if line.class != LineClass::Blank {
                line.class = LineClass::Boilerplate;
            }
        }
    }

    let line_text = |range: &Range<usize>| original.get(range.clone()).unwrap_or("");
    for index in 0..lines.len() {
        let Some(line) = lines.get(index) else { continue };
        let text = line_text(&line.range).trim();
        match line.class {
            LineClass::Byline => {
                if let Some(names) = BYLINE.captures(text).and_then(|c| c.get(1)) {
                    // "By HYUNG-JIN KIM, Associated Press": the agency is the outlet, not an author.
                    for name in split_names(names.as_str()) {
                        match outlets::lookup(&name).filter(|o| o.kind == "outlet") {
                            Some(outlet) => {
                                byline_outlet.get_or_insert_with(|| outlet.name.clone());
                            }
                            None => info.authors.push(name),
                        }
                    }
                }
                if text_date.is_none() {
                    text_date = find_full_date(text).map(|(d, _)| d);
                }
            }
            LineClass::Translator => {
                if let Some(names) = TRANSLATOR.captures(text).and_then(|c| c.get(1)) {
                    info.translators.extend(split_names(names.as_str()));
                }
            }
            LineClass::Credits => {
                if let Some((authors, translators)) = layout::credits(text) {
                    info.authors.extend(authors.into_iter().flat_map(split_names));
                    info.translators.extend(translators.into_iter().flat_map(split_names));
                }
            }
            LineClass::Bio => {
                if let Some(name) = BIO.captures(text).and_then(|c| c.get(1)) {
                    info.authors.push(name.as_str().to_string());
                }
            }
            LineClass::DateStamp => {
                if text_date.is_none() {
                    text_date = find_full_date(text).map(|(d, _)| d);
                }
            }
            LineClass::ScrapeHeader => {
                let raw = line_text(&line.range);
                if let Some(c) = SCRAPE_HEADER.captures(raw) {
                    if text_date.is_none() {
                        text_date = c.get(1).and_then(|m| Date::parse_iso(m.as_str()));
                    }
                    if let Some(rest) = c.get(2) {
                        let next = lines.iter().skip(index + 1).find(|l| l.class == LineClass::Content).map(|l| line_text(&l.range));
                        let end = scraped_title_end(rest.as_str(), next.unwrap_or(""));
                        let start = line.range.start + rest.start();
                        scraped_title = Some(start..start + end);
                    }
                }
            }
            LineClass::Content | LineClass::Blank | LineClass::Boilerplate | LineClass::TailCut => {}
        }
        // Contact lines name the outlet by its e-mail domain: "Please direct any comments to ...",
        // or a reporter's address alone on a line ("(hnpark@heraldcorp.com)", "By NAME (address)"),
        // which names a news outlet only (not an NGO a story gives the address of).
        if outlet_from_text.is_none() {
            let contact = contains_ignore_ascii_case(text, "direct any");
            if contact || text.split_whitespace().count() <= 4 {
                let outlet = EMAIL.find(text).and_then(|m| outlets::by_domain(&m.as_str().replace("(at)", "@")));
                if let Some(outlet) = outlet.filter(|o| contact || o.kind == "outlet") {
                    outlet_from_text = Some(outlet.name.clone());
                }
            }
        }
    }

    // Short caption lines just before a credit line ("prisoners" / "Image: pixabay").
    for index in 1..lines.len() {
        let credit = lines.get(index).is_some_and(|l| l.class == LineClass::Boilerplate && is_credit(line_text(&l.range)));
        if let Some(prev) = lines.get_mut(index - 1).filter(|prev| credit && prev.class == LineClass::Content) {
            let prev_text = original.get(prev.range.clone()).unwrap_or("");
            if prev_text.split_whitespace().count() <= 6 && !prev_text.trim_end().ends_with('.') {
                prev.class = LineClass::Boilerplate;
            }
        }
    }

    // The title: metadata's, a scraper header's, the headline before a date stamp or byline, or
    // a headline-like first line.
    let content: Vec<usize> = (0..lines.len()).filter(|&i| lines.get(i).is_some_and(|l| l.class == LineClass::Content)).collect();
    let mut title_line: Option<usize> = None;
    if scraped_title.is_none() {
        let first_stamp = lines.iter().position(|l| matches!(l.class, LineClass::DateStamp | LineClass::Byline));
        let before_stamp = first_stamp.and_then(|stamp| content.iter().rev().find(|&&i| i < stamp).copied());
        let text_of_line = |i: usize| line_text(&lines.get(i).map_or(0..0, |l| l.range.clone()));
        // "Han Seo Yeon" / "Daniel Harker in Seoul" above the date stamp: a byline without "By".
        let name_above_stamp = before_stamp.and_then(|i| byline_name(text_of_line(i)).map(|name| (i, name.to_string())));
        let candidate = match before_stamp {
            Some(i) if name_above_stamp.is_some() => content.iter().copied().find(|&j| j < i && headline_like(text_of_line(j))),
            Some(i) if headline_like(text_of_line(i)) => Some(i),
            _ => content.first().copied().filter(|&i| headline_like(text_of_line(i))),
        };
        if let Some((i, name)) = name_above_stamp {
            info.authors.push(name);
            if let Some(line) = lines.get_mut(i) {
                line.class = LineClass::Boilerplate;
            }
        }
        // A headline stands alone: the next content line is not its continuation.
        title_line = candidate.filter(|&i| {
            content.len() > 1 && {
                let next = content.iter().find(|&&j| j > i).and_then(|&j| lines.get(j));
                let this = lines.get(i).map_or("", |l| line_text(&l.range));
                next.is_none_or(|n| !(n.range.start == lines.get(i).map_or(0, |l| l.range.end) + 1 && continues(this, line_text(&n.range))))
            }
        });
        // Site furniture above a title anchored by a date stamp is not body.
        if let (Some(t), Some(_)) = (title_line, first_stamp) {
            if before_stamp == Some(t) {
                for line in lines.iter_mut().take(t) {
                    if line.class == LineClass::Content {
                        line.class = LineClass::Boilerplate;
                    }
                }
            }
        }
    }
    let title_range = scraped_title.clone().or_else(|| title_line.and_then(|i| lines.get(i)).map(|l| l.range.clone()));
    let title_text = title_range.as_ref().map(|r| original.get(r.clone()).unwrap_or("").trim().to_string());
    // Image alt text often repeats the headline: such a line is a caption.
    if let Some(title) = title_text.as_deref().filter(|t| t.len() >= 20) {
        for (i, line) in lines.iter_mut().enumerate() {
            if Some(i) != title_line && line.class == LineClass::Content && line_text(&line.range).trim_start().starts_with(title) {
                line.class = LineClass::Boilerplate;
            }
        }
    }

    // Paragraphs.
    let mut blocks: Vec<Block> = Vec::new();
    if let Some(range) = title_range.clone() {
        blocks.push(Block { kind: BlockKind::Title, lines: vec![trim_range(original, range)] });
    }
    let mut current: Vec<Range<usize>> = Vec::new();
    let flush = |current: &mut Vec<Range<usize>>, blocks: &mut Vec<Block>| {
        if !current.is_empty() {
            blocks.push(Block { kind: BlockKind::Body, lines: std::mem::take(current) });
        }
    };
    // Where blank lines separate paragraphs, a single line break inside a run of text is a hard
    // wrap; elsewhere (one paragraph per line) only a line that visibly continues is joined.
    let blank_separated = blank_separated_paragraphs(&lines, original);
    for (i, line) in lines.iter().enumerate() {
        if line.class != LineClass::Content || Some(i) == title_line {
            flush(&mut current, &mut blocks);
            continue;
        }
        let range = trim_range(original, line.range.clone());
        if let Some(prev) = current.last() {
            if !blank_separated && !continues(line_text(prev), line_text(&range)) {
                flush(&mut current, &mut blocks);
            }
        }
        current.push(range);
    }
    flush(&mut current, &mut blocks);

    // Dateline and outlet from the lead paragraph.
    // (The lead may follow a standfirst, so the first few paragraphs are tried.)
    for lead in blocks.iter().filter(|b| b.kind == BlockKind::Body).take(3) {
        let lead_text = lead.lines.first().map_or("", |r| line_text(r));
        let dateline = DATELINE.captures(lead_text).filter(|c| c.get(1).is_some() || c.get(2).is_some()).or_else(|| DATELINE_TITLE_CASE.captures(lead_text));
        let agency = DATELINE_AGENCY.captures(lead_text).and_then(|c| {
            let outlet = c.get(2).or_else(|| c.get(3)).and_then(|m| outlets::lookup(m.as_str().trim()))?;
            Some((c.get(1)?.as_str().to_string(), outlet.name.clone()))
        });
        if let (None, Some((city, outlet))) = (&dateline, agency) {
            info.dateline = Some(city);
            outlet_from_text = Some(outlet);
            break;
        }
        if let Some(c) = dateline {
            info.dateline = c.get(1).map(|m| m.as_str().trim().to_string()).filter(|d| d.len() >= 3);
            if let Some(name) = c.get(2) {
                let name = name.as_str().trim();
                match outlets::lookup(name) {
                    Some(outlet) => outlet_from_text = Some(outlet.name.clone()),
                    // "(Seoul) –", the NGOs' dateline: a place in title case, not an outlet.
                    None if info.dateline.is_none() && is_title_case_place(name) => info.dateline = Some(name.to_string()),
                    None => outlet_from_text = Some(name.to_string()),
                }
            }
            break;
        } else if let Some(name) = LEAD_OUTLET.captures(lead_text).and_then(|c| c.get(1)) {
            outlet_from_text = Some(outlets::lookup(name.as_str()).map_or_else(|| name.as_str().to_string(), |o| o.name.clone()));
            break;
        }
    }
    if outlet_from_text.is_none() {
        let footer = || lines.iter().filter(|l| l.class != LineClass::Blank).find_map(|l| outlet_of_footer(line_text(&l.range))).map(|o| o.name.clone());
        outlet_from_text = byline_outlet.or_else(footer).or_else(|| self_reference(original, &blocks));
    }

    info.title = meta.title.clone().or(title_text.filter(|t| !t.is_empty()));
    // From metadata, text or e-mail domain (SCHEMA.md), never from the page's address: a story is
    // often republished on another outlet's site, and the address stays in `url` for users who
    // want the site.
    info.outlet = meta.outlet.clone().or(outlet_from_text);
    info.published = meta.published.or(text_date);
    info.published_source = if meta.published.is_some() {
        Some("metadata")
    } else if text_date.is_some() {
        Some("text")
    } else {
        None
    };
    info.body = body_text(original, &blocks);
    info.blocks = blocks;
    dedup(&mut info.authors);
    dedup(&mut info.translators);
    info
}

/// Whether the page separates paragraphs with blank lines and also wraps lines inside them: some
/// run of text lines is broken where no sentence ends.
fn blank_separated_paragraphs(lines: &[Line], text: &str) -> bool {
    let blank_gaps = lines
        .windows(3)
        .filter(|w| matches!(w, [a, b, c] if a.class == LineClass::Content && b.class == LineClass::Blank && c.class == LineClass::Content))
        .count();
    let open_breaks = lines
        .windows(2)
        .filter(|w| match w {
            [a, b] => a.class == LineClass::Content && b.class == LineClass::Content && !ends_sentence(text.get(a.range.clone()).unwrap_or("")),
            _ => false,
        })
        .count();
    blank_gaps >= 2 && open_breaks >= 2
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '\u{201D}', ':'])
}

fn is_credit(line: &str) -> bool {
    let lower = line.trim().to_ascii_lowercase();
    lower.starts_with("image:") || lower.starts_with("photo:") || lower.contains("/ image:") || lower.contains("/ photo:")
}

/// Where the title ends in a scraper header that runs on into the lead ("Title Lead words […]").
fn scraped_title_end(rest: &str, next_paragraph: &str) -> usize {
    let probe: String = next_paragraph.trim().chars().take(24).collect();
    if probe.chars().count() >= 12 {
        if let Some(at) = rest.find(probe.as_str()) {
            return rest.get(..at).map_or(rest.len(), |s| s.trim_end().len());
        }
    }
    rest.trim_end().len()
}

/// The outlet a document names itself by ("Daily NK has learned", "told RFA's Korean Service").
fn self_reference(original: &str, blocks: &[Block]) -> Option<String> {
    for block in blocks {
        for range in &block.lines {
            let text = original.get(range.clone()).unwrap_or("");
            if !MAY_NAME_AN_OUTLET.is_match(text) {
                continue;
            }
            let pattern = if NON_ASCII_WORD_CHAR.is_match(text) { &*SELF_REFERENCE } else { &*SELF_REFERENCE_ASCII_BOUNDARIES };
            for c in pattern.captures_iter(text) {
                let name = c.get(1).or(c.get(2)).or(c.get(3)).map_or("", |m| m.as_str());
                let name = name.trim_end_matches("'s").trim_end_matches('\u{2019}');
                // Try the longest prefix of the phrase that is a known news outlet.
                let words: Vec<&str> = name.split_whitespace().collect();
                for n in (1..=words.len()).rev() {
                    let candidate = words.get(..n).map(|w| w.join(" ")).unwrap_or_default();
                    let candidate = candidate.trim_end_matches(['\'', '\u{2019}', 's']).to_string();
                    let found = outlets::lookup(&candidate).or_else(|| outlets::lookup(words.get(..n).map(|w| w.join(" ")).unwrap_or_default().as_str()));
                    if let Some(outlet) = found.filter(|o| o.kind == "outlet") {
                        return Some(outlet.name.clone());
                    }
                }
            }
        }
    }
    None
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = text.get(range.clone()).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (range.start + lead)..(range.end - trail).max(range.start + lead)
}

fn split_names(names: &str) -> Vec<String> {
    names.split([',', '&']).flat_map(|part| part.split(" and ")).map(|n| n.trim().trim_end_matches('.').trim().to_string()).filter(|n| !n.is_empty()).collect()
}

fn dedup(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.to_lowercase()));
}

/// The body: paragraphs (without the title) with lines joined, separated by blank lines, spaces
/// collapsed.
fn body_text(original: &str, blocks: &[Block]) -> String {
    let body_blocks = || blocks.iter().filter(|b| b.kind != BlockKind::Title);
    // Never more than the lines plus the paragraph breaks: one allocation.
    let capacity = body_blocks().map(|b| b.lines.iter().map(|r| r.len() + 1).sum::<usize>() + 2).sum();
    let mut body = String::with_capacity(capacity);
    for block in body_blocks() {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let mut paragraph_started = false;
        for range in &block.lines {
            push_words(&mut body, original.get(range.clone()).unwrap_or(""), &mut paragraph_started);
        }
    }
    body
}

/// Appends the words of `text` (as `split_whitespace` cuts them) to `out`, a space before each
/// but the paragraph's first; `started` says whether the paragraph has a word already. Bytes are
/// read as bytes: only a non-ASCII character is decoded to ask whether it is white space, and
/// each word is copied whole.
fn push_words(out: &mut String, text: &str, started: &mut bool) {
    let bytes = text.as_bytes();
    if spaced_by_single_spaces(text) {
        // Most lines: their words already stand one space apart, so the line is copied at once.
        push_word(out, text, started);
        return;
    }
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, width) = if b.is_ascii() {
            (b.is_ascii_whitespace() || b == 0x0B, 1)
        } else {
            let c = text.get(i..).and_then(|rest| rest.chars().next());
            (c.is_some_and(char::is_whitespace), c.map_or(1, char::len_utf8))
        };
        match (space, word_start) {
            (true, Some(start)) => {
                push_word(out, text.get(start..i).unwrap_or(""), started);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += width;
    }
    if let Some(start) = word_start {
        push_word(out, text.get(start..).unwrap_or(""), started);
    }
}

/// Whether `text` is words separated by single ASCII spaces, with no other white space: then
/// `split_whitespace` joined by spaces gives it back unchanged. A character that is white space
/// and not ASCII starts with one of the bytes C2 (NEL, NBSP), E1, E2 or E3.
fn spaced_by_single_spaces(text: &str) -> bool {
    let mut previous = b' ';
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let clean = match b {
            b' ' => previous != b' ',
            0x09..=0x0D => false,
            0xC2 | 0xE1..=0xE3 => !text.get(i..).and_then(|rest| rest.chars().next()).is_some_and(char::is_whitespace),
            _ => true,
        };
        if !clean {
            return false;
        }
        previous = b;
    }
    previous != b' '
}

fn push_word(out: &mut String, word: &str, started: &mut bool) {
    if *started {
        out.push(' ');
    }
    out.push_str(word);
    *started = true;
}

/// Paragraphs separated by blank lines, hard-wrapped lines joined: for text that is all body.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0usize;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let range = trim_range(text, pos..pos + content.len());
        pos += raw.len();
        let joined = lines.last().is_some_and(|prev| continues(text.get(prev.clone()).unwrap_or(""), content));
        if (content.trim().is_empty() || (!lines.is_empty() && !joined)) && !lines.is_empty() {
            blocks.push(Block { kind: BlockKind::Body, lines: std::mem::take(&mut lines) });
        }
        if !content.trim().is_empty() {
            lines.push(range);
        }
    }
    if !lines.is_empty() {
        blocks.push(Block { kind: BlockKind::Body, lines });
    }
    blocks
}

#[cfg(test)]
mod tests;
