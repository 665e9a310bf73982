//! Time stage: finds temporal expressions, durations and occasions in a document and normalises
//! them (TIMEX3-style values, covering date ranges, precision, and how the year was found).

mod calendar;
mod lexicon;
mod occasions;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;

pub use calendar::{days_in_month, is_leap, Date};
pub use occasions::{find_occasions, occasion, occasions, OccasionBase, OccasionDef, OccasionMention};

/// Upper bound of an open duration ("more than five years" = 61 months .. open): read it with
/// [`TimeExpr::duration_max_months`], which turns it into `None`.
pub const DURATION_OPEN_MAX: i32 = i32::MAX;

use crate::text::{Document, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// How the year of a date was found (SCHEMA.md `date_basis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Explicit,
    Anniversary,
    Reference,
    Context,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Explicit => "explicit",
            Basis::Anniversary => "anniversary",
            Basis::Reference => "reference",
            Basis::Context => "context",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// A point or period on the calendar ("Apr. 15", "in October of last year", "Oct. 8-9").
    Date,
    /// A length of time ("two months", "six months to six years").
    Duration,
    /// A named occasion without a written date ("Kim Il Sung's birthday", "the 70th anniversary
    /// of the founding of the Workers' Party"); `value` holds its date when it can be worked out.
    Occasion,
}

/// One temporal expression, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Where it is, in `Document::norm` bytes.
    pub span: Span,
    pub kind: TimeKind,
    /// TIMEX3-style value: `2015-10-08`, `2015-10`, `XXXX-04-15`, `2015-10-08/2015-10-09`.
    pub value: Option<String>,
    /// Covering range, when the year is known.
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: Option<Precision>,
    pub basis: Option<Basis>,
    /// Occasion code (SCHEMA.md) the expression names or falls on.
    pub occasion: Option<String>,
    /// N of "Nth birthday/anniversary".
    pub anniversary: Option<i32>,
    /// For durations: bounds in months ("six months to six years" = 6..72, "15 years" = 180..180,
    /// "two weeks" = 0..0). "more than N" follows SCHEMA's count convention: N+1 .. open, where
    /// open is [`DURATION_OPEN_MAX`]; "at least N" = N .. open; "up to N" = 0 .. N.
    pub duration_months: Option<(i32, i32)>,
    /// The same bounds in days (a year = 365, a month = 30): for "a week", "10 days".
    pub duration_days: Option<(i32, i32)>,
    /// Every occasion code the expression names, `occasion` first ("birth anniversaries of Kim Il
    /// Sung and Kim Jong Il" names two).
    pub occasions: Vec<String>,
}

impl TimeExpr {
    /// Duration bounds in months with an open upper bound as `None`.
    pub fn duration_bounds_months(&self) -> Option<(i32, Option<i32>)> {
        self.duration_months.map(|(lo, hi)| (lo, (hi != DURATION_OPEN_MAX).then_some(hi)))
    }

    /// Upper bound in months, `None` when open or not a duration.
    pub fn duration_max_months(&self) -> Option<i32> {
        self.duration_bounds_months().and_then(|(_, hi)| hi)
    }

    /// A calendar expression (date or occasion) with a value.
    pub fn is_dated(&self) -> bool {
        self.kind != TimeKind::Duration && self.value.is_some()
    }

    /// Whether the year is known (`start`/`end` set).
    pub fn has_year(&self) -> bool {
        self.start.is_some()
    }
}

/// Everything the time stage found in one document, sorted by span start.
#[derive(Debug, Clone, Default)]
pub struct TimeAnalysis {
    pub exprs: Vec<TimeExpr>,
    /// What [`analyse`] knows about `exprs` (sorted; longest span), so that look-ups by span are
    /// binary searches instead of scans of the whole document's expressions.
    index: Option<ExprIndex>,
}

#[derive(Debug, Clone, Copy)]
struct ExprIndex {
    /// `exprs.len()` when the index was made: a caller who edits `exprs` gets plain scans.
    len: usize,
    /// The longest expression, in bytes: nothing starting further back can reach a span.
    max_span: usize,
}

impl TimeAnalysis {
    /// An analysis of expressions sorted by `(span.start, span.end)` (unsorted ones still work,
    /// through plain scans).
    pub fn from_sorted(exprs: Vec<TimeExpr>) -> TimeAnalysis {
        let max_span = exprs.iter().map(|e| e.span.len()).max().unwrap_or(0);
        let sorted = exprs.windows(2).all(|w| w.first().map(|a| (a.span.start, a.span.end)) <= w.get(1).map(|b| (b.span.start, b.span.end)));
        let index = sorted.then_some(ExprIndex { len: exprs.len(), max_span });
        TimeAnalysis { exprs, index }
    }

    /// The expressions starting in `[from, to)` (all of them without a valid index), in order.
    fn starting_in(&self, from: usize, to: usize) -> &[TimeExpr] {
        match self.index {
            Some(index) if index.len == self.exprs.len() => {
                let lo = self.exprs.partition_point(|e| e.span.start < from);
                let hi = self.exprs.partition_point(|e| e.span.start < to).max(lo);
                self.exprs.get(lo..hi).unwrap_or(&[])
            }
            _ => &self.exprs,
        }
    }

    /// Expressions that lie inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        self.starting_in(span.start, span.end.saturating_add(1)).iter().filter(move |e| span.contains(e.span))
    }

    /// Expressions that overlap `span` (an event trigger's clause may cut a date in two).
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        let reach = self.index.map_or(usize::MAX, |i| i.max_span);
        self.starting_in(span.start.saturating_sub(reach), span.end).iter().filter(move |e| span.overlaps(e.span))
    }

    /// The best date for a span (usually a sentence): among dated expressions inside it, one with
    /// an occasion or a day first, then the finest precision, then one with a known year; ties go
    /// to the first. Durations are never returned.
    pub fn best_date(&self, span: Span) -> Option<&TimeExpr> {
        let rank = |e: &TimeExpr| {
            let precision = match e.precision {
                Some(Precision::Day) => 3,
                Some(Precision::Month) => 2,
                Some(Precision::Year) => 1,
                None => 0,
            };
            (e.occasion.is_some() as i32) * 8 + precision * 2 + e.has_year() as i32
        };
        let mut best: Option<&TimeExpr> = None;
        for e in self.within(span).filter(|e| e.is_dated()) {
            if best.is_none_or(|b| rank(e) > rank(b)) {
                best = Some(e);
            }
        }
        best
    }

    /// The best date of the `index`th sentence of `doc` (see [`TimeAnalysis::best_date`]).
    pub fn best_date_in_sentence(&self, doc: &Document, index: usize) -> Option<&TimeExpr> {
        doc.sentences.get(index).and_then(|s| self.best_date(s.span))
    }

    /// The nearest dated expression to `pos` within `span` (by distance to either end).
    pub fn nearest_date(&self, span: Span, pos: usize) -> Option<&TimeExpr> {
        let distance = |e: &TimeExpr| {
            if e.span.start > pos {
                e.span.start - pos
            } else {
                pos.saturating_sub(e.span.end)
            }
        };
        self.within(span).filter(|e| e.is_dated()).min_by_key(|e| distance(e))
    }

    /// Occasion-bearing expressions (dates tied to an occasion and occasion mentions) in `span`.
    pub fn occasions_in(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        self.within(span).filter(|e| e.occasion.is_some())
    }

    /// Durations in `span` ("six months to six years").
    pub fn durations_in(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        self.within(span).filter(|e| e.kind == TimeKind::Duration)
    }
}

/// Finds and normalises every temporal expression of the document: one regex pass for dates and
/// durations, one regex pass and one Aho-Corasick pass for occasions, then resolution in order.
pub fn analyse(doc: &Document) -> TimeAnalysis {
    let raws = scan::scan(&doc.norm);
    let mentions = occasions::find_occasions(&doc.norm);
    let mut exprs = resolve::resolve(doc, raws, mentions);
    exprs.sort_by_key(|e| (e.span.start, e.span.end));
    TimeAnalysis::from_sorted(exprs)
}
