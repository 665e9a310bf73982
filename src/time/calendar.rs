//! A proleptic Gregorian calendar date small enough to copy everywhere, convertible to Arrow's
//! `date32` (days since 1970-01-01). We avoid a date crate: the pipeline needs only construction,
//! validation, month lengths and day counts.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None` (month 13, February 30, ...).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also accepts a trailing time such as `T00:00:00`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let head = s.get(..10)?;
        let mut parts = head.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Last day of the given month.
    pub fn end_of_month(year: i32, month: u32) -> Option<Date> {
        Date::new(year, month, days_in_month(year, month))
    }

    /// Days since 1970-01-01 (Arrow `date32`). Howard Hinnant's days_from_civil.
    pub fn to_epoch_days(self) -> i32 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_epoch_days`].
    pub fn from_epoch_days(days: i32) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: if m <= 2 { y + 1 } else { y }, month: m, day: d }
    }

    /// Monday = 0 ... Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_epoch_days() + 3).rem_euclid(7)) as u32
    }

    pub fn add_days(self, n: i32) -> Date {
        Date::from_epoch_days(self.to_epoch_days() + n)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip() {
        for days in [-800_000, -1, 0, 1, 16_000, 20_000, 2_000_000] {
            assert_eq!(Date::from_epoch_days(days).to_epoch_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).map(Date::to_epoch_days), Some(0));
        assert_eq!(Date::new(2015, 10, 14).map(Date::to_epoch_days), Some(16_722));
    }

    #[test]
    fn validation_and_weekday() {
        assert!(Date::new(2015, 2, 29).is_none());
        assert!(Date::new(2016, 2, 29).is_some());
        assert_eq!(Date::new(2015, 10, 14).map(Date::weekday), Some(2)); // a Wednesday
        assert_eq!(Date::parse_iso("2020-11-25"), Date::new(2020, 11, 25));
        assert_eq!(Date::parse_iso("2020-13-25"), None);
    }
}
