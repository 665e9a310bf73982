//! Publication dates as news pages print them in headers and bylines: "Oct. 14, 2015 at 1:56 PM",
//! "13:34, January 10, 2012", "February 23, 2012 | 4:00 am", "2017-02-27", "14 October 2015".

use std::sync::LazyLock;

use regex::Regex;

use crate::text::regex;
use crate::time::Date;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Month number of an English month name or abbreviation ("Sept.", "October").
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let name = full.get(index)?;
    (name.starts_with(&lower) || (lower == "sept" && index == 8)).then_some(index as u32 + 1)
}

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b"));
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i-u)\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b"));
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?-u)\b(\d{4})-(\d{2})-(\d{2})\b"));

/// The first full date written in `text`, with its byte range.
pub fn find_full_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let mut best: Option<(Date, std::ops::Range<usize>)> = None;
    let mut consider = |date: Option<Date>, range: std::ops::Range<usize>| {
        if let Some(date) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((date, range));
            }
        }
    };
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        let date = (|| Date::new(c.get(3)?.as_str().parse().ok()?, month_number(c.get(1)?.as_str())?, c.get(2)?.as_str().parse().ok()?))();
        consider(date, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        let date = (|| Date::new(c.get(3)?.as_str().parse().ok()?, month_number(c.get(2)?.as_str())?, c.get(1)?.as_str().parse().ok()?))();
        consider(date, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = ISO_DATE.captures(text) {
        let date = (|| Date::new(c.get(1)?.as_str().parse().ok()?, c.get(2)?.as_str().parse().ok()?, c.get(3)?.as_str().parse().ok()?))();
        consider(date, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_full_date(text).map(|(d, _)| d.to_string())
    }

    #[test]
    fn header_dates() {
        assert_eq!(date("By Elizabeth Shim | Oct. 14, 2015 at 1:56 PM").as_deref(), Some("2015-10-14"));
        assert_eq!(date("13:34, January 10, 2012").as_deref(), Some("2012-01-10"));
        assert_eq!(date("February 23, 2012 |  4:00 am").as_deref(), Some("2012-02-23"));
        assert_eq!(date("Posted 14 October 2015 09:12 GMT").as_deref(), Some("2015-10-14"));
        assert_eq!(date(" date 2017-02-27 Seoul: title").as_deref(), Some("2017-02-27"));
        assert_eq!(date("Sept. 9, 2018").as_deref(), Some("2018-09-09"));
        assert_eq!(date("Updated Feb 30, 2015"), None);
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Mayday"), None);
    }
}
