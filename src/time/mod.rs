//! Time stage: finds temporal expressions, durations and occasions in a document and normalises
//! them (TIMEX3-style values, covering date ranges, precision, and how the year was found).

mod calendar;

pub use calendar::{days_in_month, is_leap, Date};

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
    /// For durations: bounds in months ("six months to six years" = 6..72, "15 years" = 180..180).
    pub duration_months: Option<(i32, i32)>,
}

/// Everything the time stage found in one document, sorted by span start.
#[derive(Debug, Clone, Default)]
pub struct TimeAnalysis {
    pub exprs: Vec<TimeExpr>,
}

impl TimeAnalysis {
    /// Expressions that lie inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        self.exprs.iter().filter(move |e| span.contains(e.span))
    }
}

/// Finds and normalises every temporal expression of the document.
pub fn analyse(doc: &Document) -> TimeAnalysis {
    let _ = doc;
    TimeAnalysis::default()
}
