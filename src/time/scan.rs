//! Tagger: one regex pass over the document finds every candidate temporal expression; a small
//! token parser turns each match into a [`Raw`] (what was written, before any year is worked out).
//!
//! Design: one pattern per expression shape, all searched together, so the document is scanned
//! once and the leftmost-longest shape wins ("from Oct. 8 to Oct. 9" is one range, not two dates).
//! Shapes that are ambiguous on their own (a bare "May", "2015", "the 13th", "36 years") are kept
//! only with a cue word around them (see lexicon.rs).

use std::sync::LazyLock;

use regex_automata::meta::Regex as MetaRegex;

use super::lexicon::{
    month_number, number_value, weekday_number, AGE_CUES_AFTER, AGE_CUES_BEFORE, DATE_CUES_BEFORE, DAY_OF_MONTH_CUES, DAY_OF_MONTH_FOLLOWERS, NUMBER_ALT,
    YEAR_CUES_AFTER,
};
use crate::text::Span;

/// Part of a month or year ("early October" = days 1-10; "late 2011" = Sep-Dec).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
}

/// A calendar point as written; any field may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Point {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub part: Option<Part>,
    /// "of last year" (-1), "this year" (0), "next year" (+1); `true` when it refers to a year
    /// already named ("that year", "the previous year").
    pub rel_year: Option<(i32, bool)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawKind {
    /// A calendar date, month, year or a range of them; `since` for "since late 2011".
    Cal { from: Point, to: Option<Point>, since: bool },
    /// "last December" (-1), "this October" (0), "next March" (+1).
    RelMonth { month: u32, offset: i32 },
    /// "last year", "this month", "next week", "two years ago"; `refers_back` for "that year";
    /// `part` for "late last month", "early this year".
    Rel { unit: Unit, offset: i32, refers_back: bool, part: Option<Part> },
    /// "on Tuesday" (0), "last Thursday" (-1), "next Monday" (+1).
    Weekday { weekday: u32, offset: i32 },
    /// "on the 13th" (of the current month unless `month_offset` says otherwise).
    DayOfMonth { day: u32, month: Option<u32>, month_offset: Option<i32> },
    /// "in recent weeks".
    Recent { unit: Unit },
    /// Lengths of time; months and days bounds; `open_max` for "more than five years".
    Duration { months: (i32, i32), days: (i32, i32), open_max: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raw {
    pub span: Span,
    pub kind: RawKind,
}

const MON: &str = r"(?:(?:(?i:january|february|april|june|july|august|september|october|november|december)|May|MAY|March|MARCH)(?-u:\b)|(?:(?i:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)|Mar|MAR)(?-u:\b)\.?)";
const DAY: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
const YEAR: &str = r"(?:19|20)\d{2}(?-u:\b)";
const PART: &str = r"(?i:early|mid|late|the\s+(?:beginning|end|middle|start)\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of|end\s+of|beginning\s+of)";
const REL_YEAR: &str = r"(?i:last|this|next|the\s+same|the\s+previous|the\s+following|that)\s+year(?-u:\b)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)";
const TIME_OF_DAY: &str = r"(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?,?\s+)";
const UNIT: &str = r"(?i:years?|months?|weeks?|days?)(?-u:\b)";

/// The shapes of temporal expression, in the order the date pattern prefers them where several
/// match at the same start (earlier wins, as in an alternation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Iso,
    Range,
    MonthDayRange,
    Weekday,
    RelMonth,
    Item,
    DayMonth,
    Rel,
    Recent,
    DayOfMonth,
    Duration,
    Year,
}

/// The date pattern: one pattern per shape, searched together. A multi-pattern search reports
/// which pattern matched, so no capture groups need resolving (what the search costs most with
/// one alternation of named groups); its matches are those of the alternation of the patterns.
static DATE_RE: LazyLock<Option<(MetaRegex, Vec<Shape>)>> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let month_tail = format!(r"{MON}(?:\s+{DAY})?(?:,?\s+(?:(?i:of)\s+)?(?:{YEAR}|{REL_YEAR}))?");
    let item = format!(r"(?:{PART}[\s-]*)?(?:{month_tail}|{YEAR})");
    let number = format!(r"(?i:{NUMBER_ALT})");
    let shapes = [
        (Shape::Iso, format!(r"{b}\d{{4}}-\d{{2}}-\d{{2}}{b}")),
        (Shape::Range, format!(r"{b}(?i:between|from)\s+{item}\s*(?:(?i:and|to|until|till|through)|-|–)\s*{item}")),
        (Shape::MonthDayRange, format!(r"{b}{MON}\s+{DAY}\s*(?:-|–|,|(?i:and|to|through))\s*(?:{MON}\s+)?{DAY}(?:,?\s+{YEAR})?")),
        (Shape::Weekday, format!(r"{b}(?i:(?:on|last|this|next|past)\s+)?{WEEKDAY}(?:,?\s+{month_tail})?")),
        (Shape::RelMonth, format!(r"{b}(?i:last|this|next|past|previous|coming)\s+{MON}")),
        (Shape::Item, format!(r"{b}{TIME_OF_DAY}?(?:{PART}[\s-]*(?:{month_tail}|{YEAR})|{month_tail})")),
        (Shape::DayMonth, format!(r"{b}{DAY}\s+{MON}(?:,?\s+{YEAR})?")),
        (
            Shape::Rel,
            format!(
                r"{b}(?:{PART}[\s-]*)?(?i:(?:earlier|later)\s+)?(?i:this|last|next|previous|coming|the\s+same|that|the\s+previous|the\s+following)\s+(?i:year|month|week)(?-u:\b)|{b}(?i:yesterday|tomorrow)(?-u:\b)|{b}{number}\s+(?i:years?)\s+(?i:earlier|later)(?-u:\b)"
            ),
        ),
        (Shape::Recent, format!(r"{b}(?i:in|over|during)\s+(?i:the\s+)?(?i:recent|past|last)\s+(?i:few\s+)?(?i:days|weeks|months)(?-u:\b)")),
        (
            Shape::DayOfMonth,
            format!(
                r"{b}(?i:on|by|until|since|from|till|before|after)\s+the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?-u:\b)(?:\s+of\s+(?:{MON}|(?i:this|last|next)\s+month))?"
            ),
        ),
        (
            Shape::Duration,
            format!(
                r"{b}(?:(?i:more\s+than|over|at\s+least|up\s+to|less\s+than|under|nearly|almost|about|around|some|roughly|approximately|between)\s+)?{number}(?:\s*(?:-|–|(?i:to|or|and))\s*{number})?[\s-]+{UNIT}(?:\s+(?i:to|or)\s+{number}[\s-]+{UNIT})?(?:\s+(?i:ago|old|of\s+age))?"
            ),
        ),
        (Shape::Year, format!(r"(?:\(\s*)?{b}{YEAR}(?:\s*\))?")),
    ];
    let patterns: Vec<&str> = shapes.iter().map(|(_, p)| p.as_str()).collect();
    let re = MetaRegex::new_many(&patterns).ok()?;
    Some((re, shapes.iter().map(|(shape, _)| *shape).collect()))
});

/// Finds every temporal expression of `text` (one pass).
pub(crate) fn scan(text: &str) -> Vec<Raw> {
    let Some((re, shapes)) = DATE_RE.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    for m in re.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        let Some(matched) = text.get(m.range()) else { continue };
        let Some(shape) = shapes.get(m.pattern().as_usize()) else { continue };
        let kind = match shape {
            Shape::Iso => parse_iso(matched),
            Shape::Range | Shape::MonthDayRange | Shape::DayMonth => parse_cal(matched, text, span),
            Shape::Weekday => parse_weekday(matched, text, span),
            Shape::RelMonth => parse_rel_month(matched),
            Shape::Item => parse_item(matched, text, span),
            Shape::Rel => parse_rel(matched),
            Shape::Recent => parse_recent(matched),
            Shape::DayOfMonth => parse_day_of_month(matched, text, span),
            Shape::Duration => parse_duration(matched, text, span),
            Shape::Year => parse_year(matched, text, span),
        };
        if let Some(kind) = kind {
            out.push(Raw { span, kind });
        }
    }
    out
}

/// Lower-cased words of `s` (letters, digits, apostrophes).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect()
}

/// The word right before `pos` (lower-cased), skipping spaces and a hyphen.
pub(crate) fn word_before(text: &str, pos: usize) -> String {
    let head = text.get(..pos).unwrap_or("");
    let trimmed = head.trim_end_matches([' ', '-', '(']);
    let start = trimmed.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).map_or(0, |i| i + 1);
    trimmed.get(start..).unwrap_or("").to_ascii_lowercase()
}

/// The word right after `pos` (lower-cased), or "" at punctuation.
fn word_after(text: &str, pos: usize) -> String {
    let tail = text.get(pos..).unwrap_or("");
    let trimmed = tail.trim_start_matches(' ');
    let end = trimmed.find(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).unwrap_or(trimmed.len());
    trimmed.get(..end).unwrap_or("").to_ascii_lowercase()
}

fn parse_iso(s: &str) -> Option<RawKind> {
    let d = super::calendar::Date::parse_iso(s)?;
    Some(RawKind::Cal { from: Point { year: Some(d.year), month: Some(d.month), day: Some(d.day), ..Point::default() }, to: None, since: false })
}

fn part_of(word: &str, next: Option<&str>) -> Option<Part> {
    match (word, next) {
        ("early" | "beginning" | "start", _) => Some(Part::Early),
        ("mid" | "middle", _) => Some(Part::Mid),
        ("late" | "end", _) => Some(Part::Late),
        ("first", Some("half")) => Some(Part::FirstHalf),
        ("second" | "latter", Some("half")) => Some(Part::SecondHalf),
        _ => None,
    }
}

/// Reads one or two calendar points from the words of a match.
fn points(s: &str) -> (Point, Option<Point>) {
    // A leading time of day ("13:34, January 10, 2012") is not part of the date.
    let body: Vec<&str> = s
        .split_whitespace()
        .skip_while(|t| t.contains(':') || matches!(t.trim_end_matches(',').to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m."))
        .collect();
    let ws = words(&body.join(" "));
    let mut first = Point::default();
    let mut second: Option<Point> = None;
    let mut i = 0;
    while let Some(w) = ws.get(i) {
        let next = ws.get(i + 1).map(String::as_str);
        let in_second = second.is_some();
        let current = second.as_mut().unwrap_or(&mut first);
        let has_content = current.month.is_some() || current.day.is_some() || current.part.is_some() || current.year.is_some();
        if let Some(part) = part_of(w, next) {
            if has_content && !in_second {
                second = Some(Point { part: Some(part), ..Point::default() });
            } else {
                current.part = Some(part);
            }
        } else if let Some(m) = month_number(w) {
            if current.month.is_some() && !in_second {
                second = Some(Point { month: Some(m), ..Point::default() });
            } else {
                current.month = Some(m);
            }
        } else if let Some(num) =
            w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<i32>().ok().filter(|_| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            if (1900..=2099).contains(&num) && w.len() == 4 {
                // A year belongs to the point it follows; a shared year ("Oct. 8-9, 2015") is
                // copied to the first point when the text ends.
                if current.year.is_some() && !in_second {
                    second = Some(Point { year: Some(num), ..Point::default() });
                } else {
                    current.year = Some(num);
                }
            } else if (1..=31).contains(&num) {
                if current.day.is_some() && !in_second {
                    second = Some(Point { day: Some(num as u32), ..Point::default() });
                } else {
                    current.day = Some(num as u32);
                }
            }
        } else if matches!(w.as_str(), "last" | "this" | "next" | "same" | "previous" | "following" | "that") && ws.get(i + 1).is_some_and(|n| n == "year") {
            let offset = match w.as_str() {
                "last" | "previous" => -1,
                "next" | "following" => 1,
                _ => 0,
            };
            let refers_back = matches!(w.as_str(), "same" | "previous" | "following" | "that");
            current.rel_year = Some((offset, refers_back));
            i += 1;
        }
        i += 1;
    }
    if let Some(second) = second.as_mut() {
        if second.month.is_none() && second.day.is_some() {
            second.month = first.month;
        }
        if first.year.is_none() {
            first.year = second.year;
            first.rel_year = first.rel_year.or(second.rel_year);
        }
        if second.year.is_none() && second.rel_year.is_none() {
            second.rel_year = first.rel_year;
        }
    }
    (first, second)
}

/// "since 2000", and "Since taking power in late 2011" (a short clause opened by "since").
fn since_before(text: &str, span: Span) -> bool {
    let before = word_before(text, span.start);
    if before == "since" {
        return true;
    }
    let window = text.get(span.start.saturating_sub(40)..span.start).unwrap_or("");
    let lower = window.to_ascii_lowercase();
    before == "in" && lower.rfind("since ").is_some_and(|p| !lower.get(p..).unwrap_or("").contains([',', '.', ';']))
}

fn parse_cal(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let (from, to) = points(s);
    if from.month.is_none() && from.year.is_none() {
        return None;
    }
    Some(RawKind::Cal { from, to, since: since_before(text, span) })
}

fn parse_item(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let (from, to) = points(s);
    // A bare month name needs a cue ("in October", "since May"): "May" alone is a verb.
    if from.day.is_none() && from.year.is_none() && from.part.is_none() && from.rel_year.is_none() {
        let before = word_before(text, span.start);
        if !DATE_CUES_BEFORE.contains(&before.as_str()) {
            return None;
        }
    }
    Some(RawKind::Cal { from, to, since: since_before(text, span) })
}

fn parse_weekday(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let ws = words(s);
    let weekday = ws.iter().find_map(|w| weekday_number(w))?;
    let (point, _) = points(s);
    if point.month.is_some() && point.day.is_some() {
        return Some(RawKind::Cal { from: point, to: None, since: since_before(text, span) });
    }
    let offset = match ws.first().map(String::as_str) {
        Some("last" | "past") => -1,
        Some("next") => 1,
        _ => 0,
    };
    Some(RawKind::Weekday { weekday, offset })
}

fn parse_rel_month(s: &str) -> Option<RawKind> {
    let ws = words(s);
    let month = ws.iter().find_map(|w| month_number(w))?;
    let offset = match ws.first().map(String::as_str) {
        Some("last" | "past" | "previous") => -1,
        Some("next" | "coming") => 1,
        _ => 0,
    };
    Some(RawKind::RelMonth { month, offset })
}

fn unit_of(word: &str) -> Option<Unit> {
    match word.trim_end_matches('s') {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn parse_rel(s: &str) -> Option<RawKind> {
    let ws = words(s);
    match ws.first().map(String::as_str) {
        Some("yesterday") => return Some(RawKind::Rel { unit: Unit::Day, offset: -1, refers_back: false, part: None }),
        Some("tomorrow") => return Some(RawKind::Rel { unit: Unit::Day, offset: 1, refers_back: false, part: None }),
        _ => {}
    }
    // "a year earlier", "two years later": counted from the year told before
    if let [count @ .., unit, direction] = ws.as_slice() {
        // ("two years after" is left out: "sentenced to 15 years after he ..." is a length of time)
        if matches!(direction.as_str(), "earlier" | "later") {
            let n = number_value(&count.join(" "))?;
            let sign = if direction == "earlier" { -1 } else { 1 };
            return Some(RawKind::Rel { unit: unit_of(unit)?, offset: sign * n, refers_back: true, part: None });
        }
    }
    let unit = ws.last().and_then(|w| unit_of(w))?;
    // "late last month", "the end of last year", "the first half of this year"
    let part = ws.iter().enumerate().find_map(|(i, w)| part_of(w, ws.get(i + 1).map(String::as_str)));
    let is_part_word =
        |w: &str| matches!(w, "early" | "mid" | "middle" | "late" | "end" | "beginning" | "start" | "of" | "half" | "first" | "second" | "latter");
    let key = ws.iter().find(|w| !matches!(w.as_str(), "earlier" | "later" | "the") && !is_part_word(w)).map_or("", String::as_str);
    let (offset, refers_back) = match key {
        "last" | "previous" => (-1, key == "previous"),
        "next" | "coming" | "following" => (1, key == "following"),
        "same" | "that" => (0, true),
        _ => (0, false),
    };
    Some(RawKind::Rel { unit, offset, refers_back, part })
}

fn parse_recent(s: &str) -> Option<RawKind> {
    let unit = words(s).last().and_then(|w| unit_of(w))?;
    Some(RawKind::Recent { unit })
}

fn parse_day_of_month(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let ws = words(s);
    if !ws.first().is_some_and(|w| DAY_OF_MONTH_CUES.contains(&w.as_str())) {
        return None;
    }
    let day: u32 = ws.get(2).map(|w| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()))?.parse().ok()?;
    let month = ws.iter().skip(3).find_map(|w| month_number(w));
    let month_offset = if ws.iter().any(|w| w == "month") {
        Some(match ws.iter().rev().nth(1).map(String::as_str) {
            Some("last") => -1,
            Some("next") => 1,
            _ => 0,
        })
    } else {
        None
    };
    if month.is_none() && month_offset.is_none() {
        // "on the 5th anniversary", "on the 13th floor": an ordinal, not a date.
        let next = word_after(text, span.end);
        let at_punct = text.get(span.end..).is_some_and(|t| t.starts_with([',', '.', ';', ':', ')', '"', '\'']) || t.is_empty());
        if !at_punct && !DAY_OF_MONTH_FOLLOWERS.contains(&next.as_str()) {
            return None;
        }
    }
    Some(RawKind::DayOfMonth { day, month, month_offset })
}

fn parse_duration(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let ws = words(&s.replace(['-', '–'], " "));
    if ws.iter().any(|w| AGE_CUES_AFTER.contains(&w.as_str()) || w == "age") {
        return None;
    }
    let before = text.get(span.start.saturating_sub(12)..span.start).unwrap_or("").to_ascii_lowercase();
    if AGE_CUES_BEFORE.iter().any(|c| before.trim_end().ends_with(c)) {
        return None;
    }
    if text.get(span.end..).is_some_and(|t| t.starts_with("-old") || t.starts_with(" old")) {
        return None;
    }
    // (number, unit) pairs in order; a number without a unit takes the next unit ("two to three years").
    let mut pairs: Vec<(i32, Option<Unit>)> = Vec::new();
    for w in &ws {
        if let Some(unit) = unit_of(w) {
            for pair in pairs.iter_mut().rev() {
                if pair.1.is_some() {
                    break;
                }
                pair.1 = Some(unit);
            }
        } else if w == "few" {
            if let Some(last) = pairs.last_mut() {
                last.0 = 3;
            }
        } else if let Some(n) = number_value(w) {
            pairs.push((n, None));
        }
    }
    let (first_n, first_unit) = *pairs.first()?;
    let (last_n, last_unit) = *pairs.last()?;
    let (first_unit, last_unit) = (first_unit?, last_unit?);
    if ws.last().is_some_and(|w| w == "ago") {
        return Some(RawKind::Rel { unit: first_unit, offset: -first_n, refers_back: false, part: None });
    }
    let months = |n: i32, u: Unit| match u {
        Unit::Year => n * 12,
        Unit::Month => n,
        Unit::Week => n * 7 / 30,
        Unit::Day => n / 30,
    };
    let days = |n: i32, u: Unit| match u {
        Unit::Year => n * 365,
        Unit::Month => n * 30,
        Unit::Week => n * 7,
        Unit::Day => n,
    };
    let (lo_m, hi_m) = (months(first_n, first_unit), months(last_n, last_unit));
    let (lo_d, hi_d) = (days(first_n, first_unit), days(last_n, last_unit));
    let qualifier: String = ws.iter().take(2).cloned().collect::<Vec<_>>().join(" ");
    let result = if qualifier.starts_with("more than") || qualifier.starts_with("over") {
        // SCHEMA's "more than N" convention: N+1 of the unit's smallest step, no upper bound.
        RawKind::Duration { months: (lo_m + 1, lo_m + 1), days: (lo_d + 1, lo_d + 1), open_max: true }
    } else if qualifier.starts_with("at least") {
        RawKind::Duration { months: (lo_m, lo_m), days: (lo_d, lo_d), open_max: true }
    } else if qualifier.starts_with("up to") || qualifier.starts_with("less than") || qualifier.starts_with("under") {
        RawKind::Duration { months: (0, hi_m), days: (0, hi_d), open_max: false }
    } else {
        RawKind::Duration { months: (lo_m, hi_m), days: (lo_d, hi_d), open_max: false }
    };
    Some(result)
}

fn parse_year(s: &str, text: &str, span: Span) -> Option<RawKind> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok()?;
    let in_parens = s.starts_with('(') && s.ends_with(')');
    let before = word_before(text, span.start);
    let after = word_after(text, span.end);
    let cued = in_parens || DATE_CUES_BEFORE.contains(&before.as_str()) || YEAR_CUES_AFTER.contains(&after.as_str());
    // "No. 2015", "7,000" and counts never reach here as years without a cue.
    if !cued || before == "no" {
        return None;
    }
    Some(RawKind::Cal { from: Point { year: Some(year), ..Point::default() }, to: None, since: before == "since" })
}
