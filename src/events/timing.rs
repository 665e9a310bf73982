//! When an event happened: time expressions grouped into phrases, given a role, and compared.
//!
//! Design: the time stage finds and normalises expressions; here adjacent ones that name one
//! moment ("on Apr. 15 – Kim Il Sung's birthday", "the 100th anniversary ... in 2012") become a
//! group, and the words before a group give its role: a date said of a source ("told Daily NK on
//! Nov. 27") is dropped, a reference point ("ahead of the 70th anniversary") gives the occasion
//! but not the date, "since 2011" marks a cumulative period. Events are kept apart or merged by
//! comparing these identities (`compatible`).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{regex, Document, Span};
use crate::time::{Basis, Date, Precision, TimeAnalysis, TimeExpr, TimeKind};

/// A normalised date as an event carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateInfo {
    pub value: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: Option<Precision>,
    pub basis: Option<Basis>,
    pub text: Span,
}

impl DateInfo {
    fn of(expr: &TimeExpr) -> Option<DateInfo> {
        let value = expr.value.clone()?;
        Some(DateInfo { value, start: expr.start, end: expr.end, precision: expr.precision, basis: expr.basis, text: expr.span })
    }

    fn has_year(&self) -> bool {
        self.start.is_some() && !self.value.starts_with("XXXX")
    }

    /// Covering range in epoch days; a year-less value is placed in the year 2001.
    fn range(&self) -> Option<(i32, i32)> {
        if let (Some(s), Some(e)) = (self.start, self.end) {
            return Some((s.to_epoch_days(), e.to_epoch_days()));
        }
        let mut parts = self.value.split('/');
        let first = parts.next()?;
        let last = parts.next().unwrap_or(first);
        let lo = md_bound(first, false)?;
        let hi = md_bound(last, true)?;
        Some((lo.to_epoch_days(), hi.to_epoch_days()))
    }

    /// Length of the covering range in days (a narrower date is a more precise one).
    fn span_days(&self) -> i32 {
        self.range().map_or(i32::MAX, |(lo, hi)| hi - lo)
    }

    fn rank(&self) -> u8 {
        match self.precision {
            Some(Precision::Day) => 3,
            Some(Precision::Month) => 2,
            Some(Precision::Year) => 1,
            None => 0,
        }
    }
}

fn md_bound(part: &str, end: bool) -> Option<Date> {
    let mut fields = part.split('-');
    let year = fields.next()?.parse::<i32>().unwrap_or(2001);
    let month: u32 = fields.next()?.parse().ok()?;
    match fields.next().and_then(|d| d.get(..2)).and_then(|d| d.parse::<u32>().ok()) {
        Some(day) => Date::new(year, month, day),
        None if end => Date::end_of_month(year, month),
        None => Date::new(year, month, 1),
    }
}

/// What a group of time expressions says about an event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Identity {
    pub date: Option<DateInfo>,
    pub occasion: Option<String>,
    pub anniversary: Option<i32>,
    /// The occasion's own date, when it can be worked out.
    pub occasion_date: Option<DateInfo>,
    /// "since 2011": a cumulative period, never the same happening as a dated one.
    pub aggregate: bool,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        self.date.is_none() && self.occasion.is_none() && !self.aggregate
    }

    fn when(&self) -> Option<&DateInfo> {
        self.date.as_ref().or(self.occasion_date.as_ref())
    }

    /// Whether the only date is the occasion's own ("on the 70th anniversary", no written date).
    fn dated_by_occasion_only(&self) -> bool {
        self.date.is_none() || self.date == self.occasion_date
    }

    /// Whether every day the identity's date may be lies after `day` (a year-less date never does).
    pub fn wholly_after(&self, day: Date) -> bool {
        self.when().and_then(|d| d.start.filter(|_| d.has_year())).is_some_and(|start| start > day)
    }

    /// Fills what `self` lacks from `other` (an event learning its date from a later sentence).
    pub fn fill_from(&mut self, other: &Identity) {
        // A date worked out from the occasion gives way to one written in the same year ("on the
        // occasion of the 70th anniversary" is Aug. 15; "granted from August 1" is the date).
        let from_occasion = |identity: &Identity| identity.date.is_some() && identity.dated_by_occasion_only();
        let same_year = |a: &DateInfo, b: &DateInfo| a.has_year() && b.has_year() && a.start.map(|d| d.year) == b.start.map(|d| d.year);
        match (&self.date, &other.date) {
            (None, Some(_)) => self.date.clone_from(&other.date),
            (Some(mine), Some(theirs)) if from_occasion(self) && !from_occasion(other) && theirs.rank() == 3 && same_year(mine, theirs) => {
                self.date = Some(theirs.clone());
            }
            (Some(mine), Some(theirs)) if within(theirs, mine) && (theirs.rank() > mine.rank() || theirs.span_days() < mine.span_days()) => {
                self.date = Some(theirs.clone());
            }
            _ => {}
        }
        if self.occasion.is_none() && other.occasion.is_some() {
            self.occasion.clone_from(&other.occasion);
            self.anniversary = other.anniversary;
            self.occasion_date.clone_from(&other.occasion_date);
        }
        if self.anniversary.is_none() && self.occasion == other.occasion {
            self.anniversary = other.anniversary;
        }
    }
}

fn within(inner: &DateInfo, outer: &DateInfo) -> bool {
    if inner.has_year() != outer.has_year() {
        return false;
    }
    match (inner.range(), outer.range()) {
        (Some((a, b)), Some((c, d))) => c <= a && b <= d,
        _ => false,
    }
}

/// How long before its date a planned act may be told of as decided (a decree, an order; a
/// party plenum in December deciding on a pardon for September).
const PLANNED_LEAD_DAYS: i32 = 366;

/// How long before the occasion it marks a planned act may take effect (amnesties have started
/// about ten weeks ahead of the birthdays and anniversaries they celebrated).
const PLANNED_OCCASION_LEAD_DAYS: i32 = 120;

/// Whether two identities can describe one happening: `Some(true)` when they share a date or an
/// occasion, `Some(false)` when they conflict, `None` when they say nothing in common.
/// `planned` lets earlier dates (decrees, preparations) join a planned event.
pub fn compatible(event: &Identity, hit: &Identity, planned: bool) -> Option<bool> {
    if event.aggregate != hit.aggregate {
        return Some(false);
    }
    if let (Some(a), Some(b)) = (&event.occasion, &hit.occasion) {
        if a != b {
            return Some(false);
        }
        if let (Some(x), Some(y)) = (event.anniversary, hit.anniversary) {
            if x != y {
                return Some(false);
            }
        }
    }
    let (Some(a), Some(b)) = (event.when(), hit.when()) else {
        return if event.occasion.is_some() && event.occasion == hit.occasion { Some(true) } else { None };
    };
    if a.has_year() != b.has_year() {
        // "in 2015" against a year-less "early October": a past instance, not the story's event.
        return Some(false);
    }
    let (Some((a0, a1)), Some((b0, b1))) = (a.range(), b.range()) else { return None };
    if a0 <= b1 && b0 <= a1 {
        return Some(true);
    }
    // A planned act is decided before it takes effect ("decided on Jan. 5 to grant an amnesty
    // from Feb. 1"), but not years before: an amnesty of an earlier year is a past one.
    if planned && b1 < a0 && a0 - b1 <= PLANNED_LEAD_DAYS {
        return Some(true);
    }
    // Releases in the days before the occasion they mark; a planned amnesty takes effect weeks
    // ahead of the birthdays it celebrates ("from Jan. 30", for Feb. 16 and April 15).
    // The long lead holds only where the occasion is all that dates that side.
    let near = |marking: &Identity, d0: i32, d1: i32| {
        let lead = if planned && marking.dated_by_occasion_only() { PLANNED_OCCASION_LEAD_DAYS } else { 10 };
        marking.occasion_date.as_ref().and_then(DateInfo::range).is_some_and(|(o0, _)| d1 <= o0 && o0 - d0 <= lead)
    };
    if near(event, b0, b1) || near(hit, a0, a1) {
        return Some(true);
    }
    Some(false)
}

/// A phrase of one or more time expressions naming one moment.
#[derive(Debug, Clone)]
pub struct TimeGroup {
    pub span: Span,
    pub sentence: usize,
    pub identity: Identity,
    /// Only a year, and one that another group of the sentence refines ("In 2015, ... Aug. 15").
    pub year_only: bool,
    /// "ahead of the anniversary": the occasion counts, its date does not.
    pub reference_point: bool,
    /// The date was written as a date ("Aug. 15"), not worked out from an occasion.
    pub explicit_date: bool,
}

/// Joins two expressions into one phrase: "Apr. 15 – Kim Il Sung's birthday", "birthday in 2012".
static JOIN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^\s*(?:[-–—]|,?\s*which (?:marks|marked|falls on|fell on|is)|,?\s*marking|on|in|of|celebrated on|\(|,)?\s*(?:the\s+)?$"));
/// Joins two occasions one act marks together ("to mark the 100th birthday of Kim Il Sung and the
/// 70th birthday of Kim Jong Il"): checked only between occasions of one year.
/// The first occasion's name may run on past what the occasion reader took ("the liberation of
/// Korea and the 70th anniversary of the founding").
static JOINT_OCCASIONS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:\s+of\s+(?:Korea|the\s+country|the\s+nation|the\s+DPRK))?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:of\s+)?(?:the\s+)?$"));

/// Whether `next` is a further occasion celebrated together with `last` (same year, "and"
/// between them), so that one act marking both is one moment, not a list of two.
fn joint_occasion(last: &TimeExpr, next: &TimeExpr, gap: &str) -> bool {
    let year = |e: &TimeExpr| e.start.map(|d| d.year);
    last.kind == TimeKind::Occasion && next.kind == TimeKind::Occasion && year(last).is_some() && year(last) == year(next) && JOINT_OCCASIONS.is_match(gap)
}

/// A date said of a source, not of the event.
static SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:told|said|says|reported|learned|stated|added|explained|announced|confirmed|according to|speaking)(?-u:\b)(?:\s+[A-Za-z0-9'.,]+){0,6}\s*$",
    )
});
static REFERENCE_POINT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:ahead of|before|prior to|in the run-up to|until|till|following|after|leading up to)\s+(?:the\s+)?(?:recent\s+|upcoming\s+|coming\s+)?$",
    )
});
/// A dateline ("SEOUL, Oct. 14 (UPI) --"): the date of writing.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*[A-Z][A-Z.]+(?:[ -][A-Z.]+)*,\s*$"));
static SINCE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?-u:\b)since(?:\s+[A-Za-z']+){0,3}\s*$"));

fn tail(text: &str, n: usize) -> &str {
    let mut cut = text.len().saturating_sub(n);
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(cut..).unwrap_or("")
}

/// Groups the document's dates and occasions into phrases, sentence by sentence.
pub fn groups(doc: &Document, time: &TimeAnalysis) -> Vec<TimeGroup> {
    let mut exprs: Vec<&TimeExpr> = time.exprs.iter().filter(|e| e.kind != TimeKind::Duration).collect();
    exprs.sort_by_key(|e| e.span.start);
    let mut runs: Vec<(usize, Vec<&TimeExpr>)> = Vec::new();
    for expr in exprs {
        let Some(sentence) = doc.sentence_index_at(expr.span.start) else { continue };
        let sentence_start = doc.sentences.get(sentence).map_or(0, |s| s.span.start);
        let before = doc.norm.get(sentence_start..expr.span.start).unwrap_or("");
        if SAID.is_match(tail(before, 60)) || DATELINE.is_match(before) {
            continue;
        }
        if let Some((run_sentence, run)) = runs.last_mut() {
            let last_end = run.last().map_or(0, |e| e.span.end);
            let gap = doc.norm.get(last_end..expr.span.start).unwrap_or("x");
            let joins = JOIN.is_match(gap) || run.last().is_some_and(|last| joint_occasion(last, expr, gap));
            if *run_sentence == sentence && last_end <= expr.span.start && joins {
                run.push(expr);
                continue;
            }
        }
        runs.push((sentence, vec![expr]));
    }
    let mut out: Vec<TimeGroup> = runs.into_iter().filter_map(|(sentence, run)| build_group(doc, sentence, &run)).collect();
    // A bare year that another group of its sentence lies in is only context.
    let snapshot = out.clone();
    for group in out.iter_mut() {
        let Some(date) = &group.identity.date else { continue };
        if date.precision != Some(Precision::Year) || group.identity.occasion.is_some() {
            continue;
        }
        // Groups are in sentence order: look only at this sentence's.
        let first = snapshot.partition_point(|g| g.sentence < group.sentence);
        let mut same_sentence = snapshot.iter().skip(first).take_while(|g| g.sentence == group.sentence);
        group.year_only = same_sentence.any(|other| other.span != group.span && other.identity.when().is_some_and(|d| d.rank() > 1 && within(d, date)));
    }
    out
}

fn build_group(doc: &Document, sentence: usize, run: &[&TimeExpr]) -> Option<TimeGroup> {
    let first = run.first()?;
    let last = run.last()?;
    let span = Span::new(first.span.start, last.span.end);
    let sentence_start = doc.sentences.get(sentence).map_or(0, |s| s.span.start);
    let before = doc.norm.get(sentence_start..span.start).unwrap_or("");
    let reference_point = REFERENCE_POINT.is_match(tail(before, 40));
    let aggregate = SINCE.is_match(tail(before, 40));
    let mut identity = Identity { aggregate, ..Identity::default() };
    let mut explicit: Option<DateInfo> = None;
    for expr in run {
        match expr.kind {
            TimeKind::Occasion => {
                if identity.occasion.is_none() {
                    identity.occasion.clone_from(&expr.occasion);
                    identity.anniversary = expr.anniversary;
                    identity.occasion_date = DateInfo::of(expr);
                }
            }
            _ => {
                if expr.occasion.is_some() && identity.occasion.is_none() {
                    identity.occasion.clone_from(&expr.occasion);
                    identity.anniversary = expr.anniversary;
                }
                if explicit.is_none() {
                    explicit = DateInfo::of(expr);
                }
            }
        }
    }
    identity.date = match (explicit, &identity.occasion_date) {
        (Some(date), Some(occasion)) if occasion.rank() > date.rank() && within(occasion, &date) => Some(occasion.clone()),
        (Some(date), _) => Some(date),
        (None, occasion) => occasion.clone(),
    };
    if reference_point {
        identity.date = None;
    }
    if identity.is_empty() && identity.occasion_date.is_none() {
        return None;
    }
    let explicit_date = run.iter().any(|e| e.kind == TimeKind::Date && e.value.is_some());
    Some(TimeGroup { span, sentence, identity, year_only: false, reference_point, explicit_date })
}

/// Combines the groups one trigger owns into one identity: occasion from the first group that
/// names one, date from the first dated group (refined by the occasion's date when that lies
/// inside it: "in 2010 on the 65th anniversary" is 2010-10-10).
pub fn combine(groups: &[&TimeGroup]) -> Identity {
    let mut identity = Identity::default();
    for group in groups {
        identity.aggregate |= group.identity.aggregate;
        if identity.occasion.is_none() && group.identity.occasion.is_some() {
            identity.occasion.clone_from(&group.identity.occasion);
            identity.anniversary = group.identity.anniversary;
            identity.occasion_date.clone_from(&group.identity.occasion_date);
        }
    }
    // A written date beats one worked out from an occasion, a date beats the bare year it
    // refines ("In 2015, ... pardoned prisoners from Aug. 1"), a known year beats none; the
    // first such group wins a tie.
    let best = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.identity.date.is_some())
        .max_by_key(|(i, g)| (g.explicit_date, !g.year_only, g.identity.date.as_ref().is_some_and(DateInfo::has_year), std::cmp::Reverse(*i)));
    if let Some((_, group)) = best {
        identity.date.clone_from(&group.identity.date);
    }
    if let (Some(date), Some(occasion)) = (&identity.date, &identity.occasion_date) {
        if occasion.rank() > date.rank() && within(occasion, date) && !groups.iter().any(|g| g.reference_point) {
            identity.date = Some(occasion.clone());
        }
    }
    identity
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(value: &str, start: Option<(i32, u32, u32)>, end: Option<(i32, u32, u32)>, precision: Precision) -> DateInfo {
        let mk = |t: Option<(i32, u32, u32)>| t.and_then(|(y, m, d)| Date::new(y, m, d));
        DateInfo { value: value.into(), start: mk(start), end: mk(end), precision: Some(precision), basis: None, text: Span::default() }
    }

    #[test]
    fn year_less_dates_compare_by_month_and_day() {
        let april = Identity { date: Some(date("XXXX-04-15", None, None, Precision::Day)), ..Identity::default() };
        let october = Identity { date: Some(date("XXXX-10", None, None, Precision::Month)), ..Identity::default() };
        assert_eq!(compatible(&april, &october, false), Some(false));
        let early_april = Identity { date: Some(date("XXXX-04-01/XXXX-04-10", None, None, Precision::Day)), ..Identity::default() };
        assert_eq!(compatible(&april, &early_april, false), Some(false));
        assert_eq!(compatible(&april, &Identity::default(), false), None);
    }

    #[test]
    fn releases_days_before_the_occasion_join_it() {
        let party = Identity {
            occasion: Some("party_founding_day".into()),
            anniversary: Some(70),
            occasion_date: Some(date("2015-10-10", Some((2015, 10, 10)), Some((2015, 10, 10)), Precision::Day)),
            ..Identity::default()
        };
        let release = Identity { date: Some(date("2015-10-08/2015-10-09", Some((2015, 10, 8)), Some((2015, 10, 9)), Precision::Day)), ..Identity::default() };
        assert_eq!(compatible(&party, &release, false), Some(true));
        let liberation = Identity { occasion: Some("liberation_day".into()), ..Identity::default() };
        assert_eq!(compatible(&party, &liberation, false), Some(false));
    }

    #[test]
    fn planned_events_accept_earlier_preparations() {
        let planned = Identity { date: Some(date("2022-02-16", Some((2022, 2, 16)), Some((2022, 2, 16)), Precision::Day)), ..Identity::default() };
        let selection = Identity { date: Some(date("2022-01-03", Some((2022, 1, 3)), Some((2022, 1, 3)), Precision::Day)), ..Identity::default() };
        assert_eq!(compatible(&planned, &selection, true), Some(true));
        assert_eq!(compatible(&planned, &selection, false), Some(false));
    }

    #[test]
    fn a_planned_amnesty_takes_effect_weeks_before_the_occasion_it_marks() {
        // "will take effect on Jan. 30" and "on the occasion of the 110th birth anniversary" (April 15)
        let effective = Identity { date: Some(date("2022-01-30", Some((2022, 1, 30)), Some((2022, 1, 30)), Precision::Day)), ..Identity::default() };
        let birthday = Identity {
            occasion: Some("kim_il_sung_birthday".into()),
            anniversary: Some(110),
            occasion_date: Some(date("2022-04-15", Some((2022, 4, 15)), Some((2022, 4, 15)), Precision::Day)),
            ..Identity::default()
        };
        assert_eq!(compatible(&effective, &birthday, true), Some(true));
        assert_eq!(compatible(&birthday, &effective, true), Some(true));
        // a past amnesty is not matched so loosely, nor one a year ahead
        assert_eq!(compatible(&effective, &birthday, false), Some(false));
        let next_year = Identity { date: Some(date("2021-01-30", Some((2021, 1, 30)), Some((2021, 1, 30)), Precision::Day)), ..Identity::default() };
        assert_eq!(compatible(&next_year, &birthday, true), Some(false));
    }
}
