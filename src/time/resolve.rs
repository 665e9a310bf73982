//! Normaliser: turns tagged expressions and occasion mentions into TIMEX3-style values.
//!
//! Design: the year of a date is looked for in a fixed order (SCHEMA.md `date_basis`): written in
//! the text (`explicit`); Nth-anniversary arithmetic, also for a date written next to the occasion
//! (`anniversary`); a year framing the sentence ("In 2015, ...") (`context`); the publication date
//! with the clause's tense (`reference`); in undated articles, the nearest year already resolved
//! a little earlier (`context`). Otherwise the year stays `XXXX`: never guessed. Dates with a year
//! are settled first so that relative expressions ("last week", "that year") can lean on them.
//! Every step reads only the item's own sentence, the latest earlier item with a year (tracked as
//! the settling loops advance) and indexes built once, so resolving is linear in the document.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::calendar::{days_in_month, Date};
use super::lexicon::{FUTURE_CUES, PAST_CUES, REPORTING_CUES};
use super::occasions::{occasion, OccasionMention};
use super::scan::{Part, Point, Raw, RawKind, Unit};
use super::{Basis, Precision, TimeExpr, TimeKind, DURATION_OPEN_MAX};
use crate::text::{Document, Span};

/// How far back (in paragraphs) an undated article may carry a year to a date without one.
const CARRY_PARAGRAPHS: usize = 2;
/// A year this close to the start of its sentence frames the sentence ("In 2015, ...", "Also in 2015,").
const FRAME_BYTES: usize = 30;
/// A date and an occasion this close are the same day ("on Apr. 15 – Kim Il Sung's birthday").
const LINK_GAP: usize = 45;

struct Item {
    expr: TimeExpr,
    raw: Option<RawKind>,
    mention_ids: Vec<&'static str>,
    /// Year written next to an occasion ("... anniversary of the country's founding in 2018").
    written_year: Option<i32>,
    sentence: Option<usize>,
    paragraph: Option<usize>,
    /// The year this item settled on, offered to later items as context.
    year: Option<i32>,
    done: bool,
}

fn blank(span: Span, kind: TimeKind) -> TimeExpr {
    TimeExpr {
        span,
        kind,
        value: None,
        start: None,
        end: None,
        precision: None,
        basis: None,
        occasion: None,
        anniversary: None,
        duration_months: None,
        duration_days: None,
        occasions: Vec::new(),
    }
}

pub(crate) fn resolve(doc: &Document, raws: Vec<Raw>, mentions: Vec<OccasionMention>) -> Vec<TimeExpr> {
    let mut items: Vec<Item> = Vec::with_capacity(raws.len() + mentions.len());
    for raw in raws {
        let kind = if matches!(raw.kind, RawKind::Duration { .. }) { TimeKind::Duration } else { TimeKind::Date };
        items.push(new_item(doc, blank(raw.span, kind), Some(raw.kind), Vec::new()));
    }
    // The scanner's matches do not overlap and come in order: the dates an occasion mention could
    // overlap are found by binary search.
    let scanned = items.len();
    for m in mentions {
        let first = items.get(..scanned).map_or(0, |s| s.partition_point(|it| it.expr.span.end <= m.span.start));
        let covered = items
            .get(first..scanned)
            .unwrap_or(&[])
            .iter()
            .take_while(|it| it.expr.span.start < m.span.end)
            .any(|it| it.expr.kind == TimeKind::Date && it.expr.span.overlaps(m.span));
        if covered {
            continue;
        }
        let mut expr = blank(m.span, TimeKind::Occasion);
        expr.anniversary = m.anniversary;
        expr.occasion = m.ids.first().map(|s| (*s).to_string());
        expr.occasions = m.ids.iter().map(|s| (*s).to_string()).collect();
        items.push(new_item(doc, expr, None, m.ids));
    }
    items.sort_by_key(|it| it.expr.span.start);
    for it in items.iter_mut() {
        settle_duration_and_written(it, doc.published);
    }
    link_occasions(doc, &mut items);
    for i in 0..items.len() {
        settle_occasion(doc, &mut items, i);
    }
    // Each settling step changes only item `i`, so the latest items with a year before `i` are
    // known by noting every item once the loop has passed it.
    let anniversaries = AnniversaryIndex::new(&items);
    let mut latest = Latest::default();
    for i in 0..items.len() {
        if matches!(items.get(i).map(|it| &it.raw), Some(Some(RawKind::Cal { .. }))) {
            settle_calendar(doc, &mut items, i, latest, &anniversaries);
        }
        latest.note(&items, i);
    }
    let mut latest = Latest::default();
    for i in 0..items.len() {
        settle_relative(doc, &mut items, i, latest);
        latest.note(&items, i);
    }
    items.into_iter().map(|it| it.expr).collect()
}

fn new_item(doc: &Document, expr: TimeExpr, raw: Option<RawKind>, ids: Vec<&'static str>) -> Item {
    let sentence = doc.sentence_index_at(expr.span.start);
    let paragraph = doc.paragraph_index_at(expr.span.start);
    Item { expr, raw, mention_ids: ids, written_year: None, sentence, paragraph, year: None, done: false }
}

/// Durations, and dates whose every year is written.
fn settle_duration_and_written(it: &mut Item, published: Option<Date>) {
    match it.raw.clone() {
        Some(RawKind::Duration { months, days, open_max }) => {
            it.expr.duration_months = Some(if open_max { (months.0, DURATION_OPEN_MAX) } else { months });
            it.expr.duration_days = Some(if open_max { (days.0, DURATION_OPEN_MAX) } else { days });
            it.done = true;
        }
        Some(RawKind::Cal { from, to, since }) => {
            if let Some(year) = from.year {
                fill_calendar(&mut it.expr, &from, to.as_ref(), since, Some(year), Some(Basis::Explicit), published);
                it.year = Some(year);
                it.done = true;
            }
        }
        _ => {}
    }
}

fn single_day(raw: &Option<RawKind>) -> Option<(u32, u32, Option<i32>)> {
    match raw {
        Some(RawKind::Cal { from, to: None, .. }) if from.part.is_none() => Some((from.month?, from.day?, from.year)),
        _ => None,
    }
}

fn bare_year(raw: &Option<RawKind>) -> Option<i32> {
    match raw {
        Some(RawKind::Cal { from, to: None, since: false }) if from.month.is_none() && from.part.is_none() => from.year,
        _ => None,
    }
}

/// Ties a date written next to an occasion to it, both ways.
fn link_occasions(doc: &Document, items: &mut [Item]) {
    let n = items.len();
    for o in 0..n {
        let Some(occ_item) = items.get(o) else { continue };
        if occ_item.expr.kind != TimeKind::Occasion {
            continue;
        }
        let Some(def) = occ_item.mention_ids.first().and_then(|id| occasion(id)) else { continue };
        let (o_span, o_sentence, anniversary) = (occ_item.expr.span, occ_item.sentence, occ_item.expr.anniversary);
        // The nearest item on each side, if in the same sentence and close.
        for d in [o.wrapping_sub(1), o + 1] {
            let Some(date_item) = items.get(d) else { continue };
            if date_item.sentence != o_sentence || date_item.expr.kind != TimeKind::Date {
                continue;
            }
            let span = date_item.expr.span;
            let gap = if span.start >= o_span.end { Span::new(o_span.end, span.start) } else { Span::new(span.end, o_span.start) };
            if gap.len() > LINK_GAP {
                continue;
            }
            let gap_text = doc.slice(gap).trim();
            if let Some(year) = bare_year(&date_item.raw) {
                // "... anniversary of the country's founding in 2018"
                if span.start >= o_span.end && gap_text.eq_ignore_ascii_case("in") {
                    if let Some(it) = items.get_mut(o) {
                        it.written_year = Some(year);
                    }
                }
                continue;
            }
            let Some((month, day, written)) = single_day(&date_item.raw) else { continue };
            if !def.falls_on(month, day) {
                continue;
            }
            let anniversary_year = anniversary.and_then(|a| def.anniversary_date(a, doc.published.map(|p| p.year))).map(|d| d.year);
            if let Some(it) = items.get_mut(d) {
                it.expr.occasion = Some(def.id.clone());
                it.expr.occasions = vec![def.id.clone()];
                it.expr.anniversary = anniversary;
                if written.is_none() && !it.done {
                    if let (Some(year), Some(RawKind::Cal { from, to, since })) = (anniversary_year, it.raw.clone()) {
                        fill_calendar(&mut it.expr, &from, to.as_ref(), since, Some(year), Some(Basis::Anniversary), None);
                        it.year = Some(year);
                        it.done = true;
                    }
                }
            }
            if let (Some(year), Some(it)) = (written, items.get_mut(o)) {
                it.written_year = Some(year);
            }
        }
    }
}

fn settle_occasion(doc: &Document, items: &mut [Item], i: usize) {
    let Some(it) = items.get(i) else { return };
    if it.expr.kind != TimeKind::Occasion || it.done {
        return;
    }
    let Some(def) = it.mention_ids.first().and_then(|id| occasion(id)) else { return };
    let written_in = doc.published.map(|p| p.year);
    let (year, basis) = if let Some(year) = it.written_year {
        (Some(year), Some(Basis::Explicit))
    } else if let Some(date) = it.expr.anniversary.and_then(|a| def.anniversary_date(a, written_in)) {
        (Some(date.year), Some(Basis::Anniversary))
    } else if let Some(published) = doc.published {
        let (m, d) = def.month_day_in(Some(published.year));
        let this_year = Date::new(published.year, m, d);
        let future = is_future(doc, it.expr.span);
        let year = match this_year {
            Some(date) if future && date < published => published.year + 1,
            Some(date) if !future && date > published => published.year - 1,
            _ => published.year,
        };
        (Some(year), Some(Basis::Reference))
    } else {
        // No carrying here: "Kim Il Sung's birthday" in an undated article is any year's.
        (None, None)
    };
    let (m, d) = def.month_day_in(year);
    let Some(it) = items.get_mut(i) else { return };
    let point = Point { month: Some(m), day: Some(d), ..Point::default() };
    fill_calendar(&mut it.expr, &point, None, false, year, basis, None);
    it.year = year;
    it.done = true;
}

/// The latest items (by position) with a year before the one being settled: a year carried back
/// without a paragraph limit comes from one of them, so no settling step scans the document.
#[derive(Debug, Default, Clone, Copy)]
struct Latest {
    /// Any dated item with a year.
    any: Option<usize>,
    /// One whose year is the article's "now" (anniversary or reference basis).
    present: Option<usize>,
}

impl Latest {
    fn note(&mut self, items: &[Item], j: usize) {
        let Some(it) = items.get(j) else { return };
        if it.year.is_none() || it.expr.kind == TimeKind::Duration {
            return;
        }
        self.any = Some(j);
        if matches!(it.expr.basis, Some(Basis::Anniversary | Basis::Reference)) {
            self.present = Some(j);
        }
    }
}

/// Items settled by anniversary arithmetic, by year and position: the anchor of a carried year.
struct AnniversaryIndex {
    by_year: std::collections::HashMap<i32, Vec<(usize, usize)>>,
}

impl AnniversaryIndex {
    /// Anniversary-based items are settled before calendar dates and never change afterwards.
    fn new(items: &[Item]) -> AnniversaryIndex {
        let mut by_year: std::collections::HashMap<i32, Vec<(usize, usize)>> = std::collections::HashMap::new();
        for (j, it) in items.iter().enumerate() {
            if let (Some(year), Some(Basis::Anniversary)) = (it.year, it.expr.basis) {
                by_year.entry(year).or_default().push((it.expr.span.start, j));
            }
        }
        AnniversaryIndex { by_year }
    }

    /// The anniversary item of `year` nearest to item `i` (the earliest on a tie).
    fn nearest(&self, items: &[Item], i: usize, year: i32) -> Option<usize> {
        let list = self.by_year.get(&year)?;
        let pos = items.get(i)?.expr.span.start;
        let k = list.partition_point(|&(start, _)| start < pos);
        // Left: the first item of the group at the greatest start before `pos`.
        let left = k.checked_sub(1).and_then(|last| list.get(last)).map(|&(start, _)| {
            let first = list.partition_point(|&(s, _)| s < start);
            list.get(first).map_or((start, 0), |&(s, j)| (s, j))
        });
        let right = list.get(k..).unwrap_or(&[]).iter().find(|&&(_, j)| j != i).copied();
        match (left, right) {
            (Some((ls, lj)), Some((rs, rj))) => Some(if rs - pos < pos - ls { rj } else { lj }),
            (Some((_, lj)), None) => Some(lj),
            (None, Some((_, rj))) => Some(rj),
            (None, None) => None,
        }
    }
}

/// Year from items already settled: the same sentence first (a frame "In 2015, ..."; in
/// undated articles any year of the sentence), then, in undated articles, the nearest one of
/// the last few paragraphs. `anywhere` lifts the paragraph limit ("that year").
fn carried_year(items: &[Item], i: usize, anywhere: bool, latest: Latest) -> Option<i32> {
    carried_year_from(items, i, anywhere, false, latest)
}

/// The article's own "now" in an undated article, for "last year"/"this year": a year worked
/// out from an anniversary (the occasion being reported on), never a written year, which in this
/// press is mostly history ("in 2018").
fn present_year(items: &[Item], i: usize, latest: Latest) -> Option<i32> {
    carried_year_from(items, i, true, true, latest)
}

/// The index range of the items in the same sentence as item `i` (items are sorted by position,
/// so a sentence's items are contiguous).
fn sentence_block(items: &[Item], i: usize) -> std::ops::Range<usize> {
    let Some(sentence) = items.get(i).and_then(|it| it.sentence) else { return i..i };
    let same = |j: usize| items.get(j).is_some_and(|o| o.sentence == Some(sentence));
    let mut lo = i;
    while lo > 0 && same(lo - 1) {
        lo -= 1;
    }
    let mut hi = i + 1;
    while same(hi) {
        hi += 1;
    }
    lo..hi
}

/// Item `t` and the items before it at the same position.
fn position_group(items: &[Item], t: usize) -> std::ops::Range<usize> {
    let Some(start) = items.get(t).map(|it| it.expr.span.start) else { return t..t };
    let mut lo = t;
    while lo > 0 && items.get(lo - 1).is_some_and(|o| o.expr.span.start == start) {
        lo -= 1;
    }
    lo..t + 1
}

fn carried_year_from(items: &[Item], i: usize, anywhere: bool, present_only: bool, latest: Latest) -> Option<i32> {
    let me = items.get(i)?;
    // Candidates: the sentence's items, and the nearest earlier item with a year (with any at
    // its very position), which is where the nearest earlier candidate must be.
    let mut candidates: Vec<usize> = sentence_block(items, i).collect();
    let nearest_earlier = if present_only { latest.present } else { latest.any };
    if let Some(t) = nearest_earlier.filter(|&t| t < i) {
        let unplaced = items.get(t).is_some_and(|o| o.paragraph.is_none());
        if anywhere || !unplaced {
            candidates.extend(position_group(items, t));
        } else if me.paragraph.is_some() {
            // An item outside every paragraph: look back over the paragraphs in reach.
            let mut lo = i;
            while lo > 0
                && items.get(lo - 1).is_some_and(|o| match (o.paragraph, me.paragraph) {
                    (Some(p), Some(q)) => p <= q && q - p <= CARRY_PARAGRAPHS,
                    _ => true,
                })
            {
                lo -= 1;
            }
            candidates.extend(lo..i);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(usize, i32)> = None;
    for j in candidates {
        let Some(other) = items.get(j) else { continue };
        let Some(year) = other.year else { continue };
        if j == i || other.expr.kind == TimeKind::Duration {
            continue;
        }
        if present_only && !matches!(other.expr.basis, Some(Basis::Anniversary | Basis::Reference)) {
            continue;
        }
        let distance = other.expr.span.start.abs_diff(me.expr.span.start);
        let same_sentence = other.sentence.is_some() && other.sentence == me.sentence;
        let earlier = j < i;
        let near_paragraph = match (other.paragraph, me.paragraph) {
            (Some(p), Some(q)) => p <= q && q - p <= CARRY_PARAGRAPHS,
            _ => false,
        };
        if (same_sentence || (earlier && (near_paragraph || anywhere))) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, year));
        }
    }
    best.map(|(_, y)| y)
}

/// Like [`carried_year`], also giving the source's date when it came from an anniversary.
fn carried(items: &[Item], i: usize, latest: Latest, anniversaries: &AnniversaryIndex) -> Option<(i32, Option<Date>)> {
    let year = carried_year(items, i, false, latest)?;
    let source = anniversaries.nearest(items, i, year).and_then(|j| items.get(j)).and_then(|o| o.expr.start);
    Some((year, source))
}

/// A written year at the head of the sentence ("In 2015, Daily NK covered ... Aug. 15 ...").
fn framing_year(doc: &Document, items: &[Item], i: usize) -> Option<i32> {
    let me = items.get(i)?;
    let sentence = doc.sentences.get(me.sentence?)?;
    // Only the sentence's own items can frame it.
    let block = sentence_block(items, i);
    items.get(block.start..i)?.iter().rev().find_map(|other| {
        let in_sentence = other.sentence == me.sentence;
        let near_start = other.expr.span.start.saturating_sub(sentence.span.start) <= FRAME_BYTES;
        if in_sentence && near_start && other.expr.basis == Some(Basis::Explicit) {
            bare_year(&other.raw)
        } else {
            None
        }
    })
}

fn settle_calendar(doc: &Document, items: &mut [Item], i: usize, latest: Latest, anniversaries: &AnniversaryIndex) {
    let Some(it) = items.get(i) else { return };
    if it.done {
        return;
    }
    let Some(RawKind::Cal { from, to, since }) = it.raw.clone() else { return };
    let span = it.expr.span;
    let (year, basis) = if let Some((offset, refers_back)) = from.rel_year {
        // "in October of last year", "that year"
        let carried = if refers_back { carried_year(items, i, true, latest) } else { present_year(items, i, latest) };
        match (doc.published, refers_back) {
            (Some(p), false) => (Some(p.year + offset), Some(Basis::Reference)),
            _ => match carried {
                Some(y) => (Some(y + offset), Some(Basis::Context)),
                None => (None, None),
            },
        }
    } else if let Some(year) = framing_year(doc, items, i) {
        (Some(year), Some(Basis::Context))
    } else if let Some(published) = doc.published {
        (Some(year_by_tense(&from, published, is_future(doc, span))), Some(Basis::Reference))
    } else if let Some((year, anchor)) = carried(items, i, latest, anniversaries) {
        // An anniversary is the article's "now": read the tense against it like a publication date.
        let year = match anchor {
            Some(now) => year_by_tense(&from, now, is_future(doc, span)),
            None => year,
        };
        (Some(year), Some(Basis::Context))
    } else {
        (None, None)
    };
    let Some(it) = items.get_mut(i) else { return };
    fill_calendar(&mut it.expr, &from, to.as_ref(), since, year, basis, doc.published);
    it.year = year;
    it.done = true;
}

/// The year that puts a month/day on the right side of the publication date.
fn year_by_tense(point: &Point, published: Date, future: bool) -> i32 {
    let y = published.year;
    if point.month.is_none() {
        return y;
    }
    let Some((first, last, _)) = bounds(point, y) else { return y };
    if future && last < published {
        y + 1
    } else if !future && first > published {
        y - 1
    } else {
        y
    }
}

fn settle_relative(doc: &Document, items: &mut [Item], i: usize, latest: Latest) {
    let Some(it) = items.get(i) else { return };
    if it.done {
        return;
    }
    let Some(raw) = it.raw.clone() else { return };
    let span = it.expr.span;
    let speech = speech_date(doc, items, i);
    let future = is_future(doc, span);
    let reference = doc.published.map(|p| (p, Basis::Reference));
    let mut result: Option<(Point, Option<Point>, i32, Basis)> = None;
    let mut exact: Option<(Date, Date, Precision, Basis)> = None;
    match raw {
        RawKind::Rel { unit: Unit::Year, offset, refers_back, part } => {
            let anchor = if refers_back { None } else { reference.map(|(p, b)| (p.year, b)) };
            let carried = if refers_back { carried_year(items, i, true, latest) } else { present_year(items, i, latest) };
            let anchor = anchor.or_else(|| carried.map(|y| (y, Basis::Context)));
            if let Some((y, basis)) = anchor {
                result = Some((Point { year: Some(y + offset), part, ..Point::default() }, None, y + offset, basis));
            }
        }
        RawKind::Rel { unit: Unit::Month, offset, part, .. } => {
            if let Some((p, basis)) = reference {
                let (y, m) = add_months(p.year, p.month, offset);
                result = Some((Point { year: Some(y), month: Some(m), part, ..Point::default() }, None, y, basis));
            }
        }
        RawKind::Rel { unit: Unit::Week, offset, .. } => {
            if let Some((anchor, basis)) = speech.or(reference) {
                let monday = anchor.add_days(-(anchor.weekday() as i32) + 7 * offset);
                exact = Some((monday, monday.add_days(6), Precision::Day, basis));
            }
        }
        RawKind::Rel { unit: Unit::Day, offset, .. } => {
            if let Some((anchor, basis)) = speech.or(reference) {
                let day = anchor.add_days(offset);
                exact = Some((day, day, Precision::Day, basis));
            }
        }
        RawKind::Weekday { weekday, offset } => {
            if let Some((anchor, basis)) = speech.or(reference) {
                let back = (anchor.weekday() as i32 - weekday as i32).rem_euclid(7);
                let ahead = (weekday as i32 - anchor.weekday() as i32).rem_euclid(7);
                let day = match offset {
                    -1 => anchor.add_days(-(if back == 0 { 7 } else { back })),
                    1 => anchor.add_days(if ahead == 0 { 7 } else { ahead }),
                    _ if future => anchor.add_days(ahead),
                    _ => anchor.add_days(-back),
                };
                exact = Some((day, day, Precision::Day, basis));
            }
        }
        RawKind::RelMonth { month, offset } => {
            let point = Point { month: Some(month), ..Point::default() };
            if let Some((p, basis)) = reference {
                let y = match offset {
                    -1 if month >= p.month => p.year - 1,
                    1 if month <= p.month => p.year + 1,
                    _ => p.year,
                };
                result = Some((Point { year: Some(y), ..point }, None, y, basis));
            } else if let Some(it) = items.get_mut(i) {
                fill_calendar(&mut it.expr, &point, None, false, None, None, None);
            }
        }
        RawKind::DayOfMonth { day, month, month_offset } => {
            let point = Point { day: Some(day), month, ..Point::default() };
            if let Some((p, basis)) = reference {
                let (y, m) = match (month, month_offset) {
                    (Some(m), _) => (year_by_tense(&Point { month: Some(m), day: Some(day), ..point }, p, future), m),
                    (None, Some(off)) => add_months(p.year, p.month, off),
                    (None, None) if day > p.day && !future => add_months(p.year, p.month, -1),
                    (None, None) if day < p.day && future => add_months(p.year, p.month, 1),
                    (None, None) => (p.year, p.month),
                };
                result = Some((Point { year: Some(y), month: Some(m), ..point }, None, y, basis));
            } else if let Some(it) = items.get_mut(i) {
                it.expr.value = Some(match month {
                    Some(m) => format!("XXXX-{m:02}-{day:02}"),
                    None => format!("XXXX-XX-{day:02}"),
                });
                it.expr.precision = Some(Precision::Day);
            }
        }
        RawKind::Recent { unit } => {
            if let Some((anchor, basis)) = reference {
                let back = match unit {
                    Unit::Day => 7,
                    Unit::Week => 21,
                    Unit::Month | Unit::Year => 90,
                };
                exact = Some((anchor.add_days(-back), anchor, Precision::Day, basis));
            }
        }
        RawKind::Cal { .. } | RawKind::Duration { .. } => {}
    }
    let Some(it) = items.get_mut(i) else { return };
    if let Some((from, to, year, basis)) = result {
        fill_calendar(&mut it.expr, &from, to.as_ref(), false, Some(year), Some(basis), None);
        it.year = Some(year);
    }
    if let Some((start, end, precision, basis)) = exact {
        it.expr.value = Some(if start == end { start.to_string() } else { format!("{start}/{end}") });
        it.expr.start = Some(start);
        it.expr.end = Some(end);
        it.expr.precision = Some(precision);
        it.expr.basis = Some(basis);
        it.year = Some(start.year);
    }
    it.done = true;
}

/// A day-precise date the sentence gives for when a source spoke ("told RFA's Korean Service
/// July 16"): relative words inside a quote count from it.
fn speech_date(doc: &Document, items: &[Item], i: usize) -> Option<(Date, Basis)> {
    let me = items.get(i)?;
    // Only the sentence's items can match; an item outside every sentence compares with all.
    let block = if me.sentence.is_some() { sentence_block(items, i) } else { 0..items.len() };
    items.get(block)?.iter().find_map(|other| {
        let calendar = matches!(other.raw, Some(RawKind::Cal { .. }));
        if !calendar || other.sentence != me.sentence || other.expr.precision != Some(Precision::Day) {
            return None;
        }
        let start = other.expr.start?;
        if Some(start) != other.expr.end {
            return None;
        }
        let before = doc.norm.get(other.expr.span.start.saturating_sub(40)..other.expr.span.start)?;
        let lower = before.to_ascii_lowercase();
        let cue = REPORTING_CUES.iter().any(|c| lower.contains(c));
        (cue && !before.contains(['.', '"'])).then_some((start, Basis::Context))
    })
}

fn add_months(year: i32, month: u32, offset: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + offset;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

/// The future and reporting cues in one automaton (future cues first, as pattern ids), matched
/// ASCII-case-insensitively: the sentence is searched in place instead of lower-cased per date.
static TENSE_CUES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let patterns = FUTURE_CUES.iter().chain(REPORTING_CUES);
    AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(patterns).ok()
});

/// The date an act told in the infinitive takes effect from: "issued a decree last Thursday to
/// grant amnesty to convicts from Aug. 1", "had issued a decree granting amnesty from August 1".
/// The decree is past; the act it orders is still to come.
static INFINITIVE_EFFECTIVE_FROM: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)(?:\bto\s+(?:grant|give|offer|declare|proclaim|release|free|pardon|commute|reduce|implement|begin|start|open|close)|\b(?:decree|order|resolution|decision)\s+(?:on\s+)?(?:granting|giving|declaring|releasing|freeing|pardoning))\b[^.;:!?]*?\b(?:as\s+from|from|effective|starting|beginning|as\s+of)\s+$",
    )
});

/// Whether the clause around `span` looks forward from the publication date ("will grant ...
/// as from Feb. 1"); a reporting verb after the cue ("will ..., sources said on Tuesday") wins.
pub(crate) fn is_future(doc: &Document, span: Span) -> bool {
    let Some(sentence) = doc.sentence_index_at(span.start).and_then(|i| doc.sentences.get(i)) else { return false };
    let before = doc.norm.get(sentence.span.start..span.start).unwrap_or("");
    let after = doc.norm.get(span.end..sentence.span.end).unwrap_or("");
    if INFINITIVE_EFFECTIVE_FROM.is_match(last_chars(before, 200)) {
        return true;
    }
    match last_tense_cue(before) {
        Some(future) => future,
        None => first_tense_word_is_future(after),
    }
}

/// The last `n` bytes of `text` or a little more (to a character boundary).
fn last_chars(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..).unwrap_or(text)
}

/// Whether the last whole-word tense cue of `text` is a future cue (`None` without any cue). On
/// equal positions the cue listed first wins, as when each cue was searched for in list order.
fn last_tense_cue(text: &str) -> Option<bool> {
    let cues = TENSE_CUES.as_ref()?;
    let bytes = text.as_bytes();
    let whole_word = |start: usize, end: usize| {
        let before = start == 0 || bytes.get(start - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
        let after = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        before && after
    };
    // No cue overlaps itself (a test checks), so every occurrence is one a left-to-right search
    // of that cue alone would also find.
    let mut best: Option<(usize, usize)> = None;
    for m in cues.find_overlapping_iter(text) {
        if !whole_word(m.start(), m.end()) {
            continue;
        }
        let candidate = (m.start(), m.pattern().as_usize());
        if best.is_none_or(|(pos, id)| candidate.0 > pos || (candidate.0 == pos && candidate.1 < id)) {
            best = Some(candidate);
        }
    }
    best.map(|(_, id)| id < FUTURE_CUES.len())
}

fn is_cue(cues: &[&str], word: &str) -> bool {
    cues.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// Reading on from a date: the first word that shows tense decides ("will", or a past form).
fn first_tense_word_is_future(after: &str) -> bool {
    let mut words = after.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).peekable();
    while let Some(w) = words.next() {
        let next = words.peek().copied();
        // Two-word cues ("set to", "going to").
        let pair = next.is_some_and(|n| {
            FUTURE_CUES.iter().any(|c| c.split_once(' ').is_some_and(|(a, b)| !b.contains(' ') && a.eq_ignore_ascii_case(w) && b.eq_ignore_ascii_case(n)))
        });
        if is_cue(FUTURE_CUES, w) || pair {
            // "plans" is also a noun ("received ... plans"): only "plans to" looks forward.
            let noun_like = w.eq_ignore_ascii_case("plans") || w.eq_ignore_ascii_case("plan");
            return !noun_like || next.is_some_and(|n| n.eq_ignore_ascii_case("to"));
        }
        let ed = w.len() > 4 && w.get(w.len() - 2..).is_some_and(|end| end.eq_ignore_ascii_case("ed"));
        if is_cue(PAST_CUES, w) || is_cue(REPORTING_CUES, w) || ed {
            return false;
        }
    }
    false
}

/// Covering range and precision of a point in a given year.
fn bounds(point: &Point, year: i32) -> Option<(Date, Date, Precision)> {
    match (point.month, point.day, point.part) {
        (Some(m), Some(d), _) => Date::new(year, m, d).map(|x| (x, x, Precision::Day)),
        (Some(m), None, Some(part)) => {
            let last = days_in_month(year, m);
            let (a, b) = match part {
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, last),
                Part::FirstHalf => (1, 15),
                Part::SecondHalf => (16, last),
            };
            Some((Date::new(year, m, a)?, Date::new(year, m, b)?, Precision::Day))
        }
        (Some(m), None, None) => Some((Date::new(year, m, 1)?, Date::end_of_month(year, m)?, Precision::Month)),
        (None, _, part) => {
            let (a, b) = match part {
                Some(Part::Early) => (1, 4),
                Some(Part::Mid) => (5, 8),
                Some(Part::Late) => (9, 12),
                Some(Part::FirstHalf) => (1, 6),
                Some(Part::SecondHalf) => (7, 12),
                None => (1, 12),
            };
            Some((Date::new(year, a, 1)?, Date::end_of_month(year, b)?, Precision::Year))
        }
    }
}

/// TIMEX3 text of one side of a point ("2015-10-01" for the start of "early October 2015").
fn point_text(point: &Point, year: Option<i32>, end_side: bool) -> Option<String> {
    let y = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
    // Without a year, February's length is unknown: a common year is assumed for "late February".
    let (s, e, precision) = bounds(point, year.unwrap_or(2001))?;
    Some(match precision {
        Precision::Day => {
            let d = if end_side { e } else { s };
            format!("{y}-{:02}-{:02}", d.month, d.day)
        }
        Precision::Month => format!("{y}-{:02}", s.month),
        Precision::Year => y,
    })
}

fn finer(a: Precision, b: Precision) -> Precision {
    match (a, b) {
        (Precision::Day, _) | (_, Precision::Day) => Precision::Day,
        (Precision::Month, _) | (_, Precision::Month) => Precision::Month,
        _ => Precision::Year,
    }
}

/// Writes value, range, precision and basis of a calendar expression.
fn fill_calendar(expr: &mut TimeExpr, from: &Point, to: Option<&Point>, since: bool, year: Option<i32>, basis: Option<Basis>, published: Option<Date>) {
    let year_from = from.year.or(year);
    let year_to = to.map(|t| {
        t.year.or(year_from.map(|y| match (from.month, t.month) {
            (Some(a), Some(b)) if b < a => y + 1,
            _ => y,
        }))
    });
    let Some(first) = bounds(from, year_from.unwrap_or(2001)) else { return };
    let mut precision = first.2;
    let start_text = point_text(from, year_from, false);
    let mut value = match to {
        Some(t) => {
            let end_text = point_text(t, year_to.flatten(), true);
            if let Some(b) = bounds(t, year_to.flatten().unwrap_or(2001)) {
                precision = finer(precision, b.2);
            }
            match (point_text(from, year_from, false), end_text) {
                (Some(a), Some(b)) => Some(format!("{a}/{b}")),
                (a, _) => a,
            }
        }
        None if first.2 == Precision::Day && from.part.is_some() && from.month.is_some() => match (start_text.clone(), point_text(from, year_from, true)) {
            (Some(a), Some(b)) => Some(format!("{a}/{b}")),
            (a, _) => a,
        },
        None => start_text.clone(),
    };
    if let Some(y) = year_from {
        let start = bounds(from, y).map(|b| b.0);
        let end = match to {
            Some(t) => year_to.flatten().and_then(|yt| bounds(t, yt)).map(|b| b.1),
            None => bounds(from, y).map(|b| b.1),
        };
        expr.start = start;
        expr.end = end;
        // "since late 2011" in an article of 2017-02-27: 2011/2017-02-27.
        if let (true, Some(p), Some(s)) = (since, published, start) {
            if s < p && to.is_none() {
                value = start_text.map(|a| format!("{a}/{p}"));
                expr.end = Some(p);
            }
        }
    }
    expr.value = value;
    expr.precision = Some(precision);
    expr.basis = if year_from.is_some() { basis } else { None };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word that overlaps itself ("abab") could hide an occurrence from a left-to-right search
    /// that the overlapping search of [`last_tense_cue`] sees.
    #[test]
    fn tense_cues_do_not_overlap_themselves() {
        for cue in FUTURE_CUES.iter().chain(REPORTING_CUES) {
            assert!((1..cue.len()).all(|k| cue.get(..k) != cue.get(cue.len() - k..)), "{cue}");
        }
    }

    #[test]
    fn last_tense_cue_reads_case_and_word_boundaries() {
        assert_eq!(last_tense_cue("Officials WILL free them, a source Said"), Some(false));
        assert_eq!(last_tense_cue("The source said the regime will"), Some(true));
        assert_eq!(last_tense_cue("Willing workers saidly"), None);
        assert!(first_tense_word_is_future(" the camp is SET TO close"));
        assert!(!first_tense_word_is_future(" received new plans"));
        assert!(first_tense_word_is_future(" the party plans to"));
    }
}
