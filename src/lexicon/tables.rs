//! Arrow record batches of the reference tables, for `nkextract.reference.*` in Python.
//!
//! Design: one column builder per column, filled from the typed entries of a [`Lexicon`], so the
//! Python frames show exactly what extraction matches against (a user's merged file included).
//! List columns are `list<utf8>`, years `int32`, dates `date32`, coordinates `float64`.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};

use super::Lexicon;
use crate::error::{Error, Result};
use crate::time::Date;

/// The names `reference_batch` accepts.
pub const REFERENCE_TABLES: [&str; 5] = ["places", "facilities", "facility_types", "agencies", "occasions"];

/// Columns of one batch under construction.
#[derive(Default)]
struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn utf8<'a>(&mut self, name: &str, values: impl Iterator<Item = Option<&'a str>>) {
        let array = StringArray::from_iter(values);
        self.fields.push(Field::new(name, DataType::Utf8, true));
        self.arrays.push(Arc::new(array));
    }

    fn int32(&mut self, name: &str, values: impl Iterator<Item = Option<i32>>) {
        self.fields.push(Field::new(name, DataType::Int32, true));
        self.arrays.push(Arc::new(Int32Array::from_iter(values)));
    }

    fn float64(&mut self, name: &str, values: impl Iterator<Item = Option<f64>>) {
        self.fields.push(Field::new(name, DataType::Float64, true));
        self.arrays.push(Arc::new(Float64Array::from_iter(values)));
    }

    fn boolean(&mut self, name: &str, values: impl Iterator<Item = bool>) {
        self.fields.push(Field::new(name, DataType::Boolean, false));
        self.arrays.push(Arc::new(BooleanArray::from_iter(values.map(Some))));
    }

    fn date32(&mut self, name: &str, values: impl Iterator<Item = Option<i32>>) {
        self.fields.push(Field::new(name, DataType::Date32, true));
        self.arrays.push(Arc::new(Date32Array::from_iter(values)));
    }

    fn list<'a>(&mut self, name: &str, values: impl Iterator<Item = &'a [String]>) {
        let mut builder = ListBuilder::new(StringBuilder::new());
        for items in values {
            for item in items {
                builder.values().append_value(item);
            }
            builder.append(true);
        }
        let array = builder.finish();
        self.fields.push(Field::new(name, array.data_type().clone(), false));
        self.arrays.push(Arc::new(array));
    }

    fn finish(self) -> Result<RecordBatch> {
        Ok(RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.arrays)?)
    }
}

/// One reference table of the built-in lexicon as a batch; see [`reference_batch_of`].
pub fn reference_batch(name: &str) -> Result<RecordBatch> {
    reference_batch_of(&Lexicon::builtin(), name)
}

/// One reference table of `lexicon` as a batch. Columns:
/// - `places`: id, name, kind (`province`, `capital_city`, `special_city`, `city`, `county`,
///   `district`, `village`, `special_zone`, `country`, `foreign_city`, `river`), province_id,
///   parent_id, admin1 (ISO 3166-2:KP), aliases (list), korean, lat, lon (float64), notes,
///   sources (list).
/// - `facilities`: id, facility_type, subtype, number (utf8), name, aliases (list), place_aliases
///   (list), place_id, admin1, operator (agency code), status, status_detail, lat, lon, korean,
///   location, notes, sources (list).
/// - `facility_types`: code, schema_code, hangul, hanja, romanizations (list), english_terms
///   (list), operator, number_names (list), judicial_process, typical_term, notes, sources (list).
/// - `agencies`: id, code (SCHEMA.md agency code), name, aliases (list), generic (bool),
///   valid_from, valid_to (int32 years, inclusive), korean, notes, sources (list).
/// - `occasions`: id (SCHEMA.md occasion code), name, month, day (int32), base_year (int32),
///   aliases (list), bases (list of `YYYY-MM-DD@FROM-TO`: base date and the years it counts),
///   sources (list).
///
/// An unknown name is an `Error::Input` naming the valid ones.
pub fn reference_batch_of(lexicon: &Lexicon, name: &str) -> Result<RecordBatch> {
    let mut c = Columns::default();
    match name {
        "places" => {
            let rows = &lexicon.places;
            c.utf8("id", rows.iter().map(|r| Some(r.id.as_str())));
            c.utf8("name", rows.iter().map(|r| Some(r.name.as_str())));
            c.utf8("kind", rows.iter().map(|r| Some(r.kind.as_str())));
            c.utf8("province_id", rows.iter().map(|r| r.province_id.as_deref()));
            c.utf8("parent_id", rows.iter().map(|r| r.parent_id.as_deref()));
            c.utf8("admin1", rows.iter().map(|r| r.admin1.as_deref()));
            c.list("aliases", rows.iter().map(|r| r.aliases.as_slice()));
            c.utf8("korean", rows.iter().map(|r| r.korean.as_deref()));
            c.float64("lat", rows.iter().map(|r| r.lat));
            c.float64("lon", rows.iter().map(|r| r.lon));
            c.utf8("notes", rows.iter().map(|r| r.notes.as_deref()));
            c.list("sources", rows.iter().map(|r| r.sources.as_slice()));
        }
        "facilities" => {
            let rows = &lexicon.facilities;
            c.utf8("id", rows.iter().map(|r| Some(r.id.as_str())));
            c.utf8("facility_type", rows.iter().map(|r| Some(r.facility_type.as_str())));
            c.utf8("subtype", rows.iter().map(|r| r.subtype.as_deref()));
            c.utf8("number", rows.iter().map(|r| r.number.as_deref()));
            c.utf8("name", rows.iter().map(|r| Some(r.name.as_str())));
            c.list("aliases", rows.iter().map(|r| r.aliases.as_slice()));
            c.list("place_aliases", rows.iter().map(|r| r.place_aliases.as_slice()));
            c.utf8("place_id", rows.iter().map(|r| r.place_id.as_deref()));
            c.utf8("admin1", rows.iter().map(|r| r.admin1.as_deref()));
            c.utf8("operator", rows.iter().map(|r| r.operator.as_deref()));
            c.utf8("status", rows.iter().map(|r| r.status.as_deref()));
            c.utf8("status_detail", rows.iter().map(|r| r.status_detail.as_deref()));
            c.float64("lat", rows.iter().map(|r| r.lat));
            c.float64("lon", rows.iter().map(|r| r.lon));
            c.utf8("korean", rows.iter().map(|r| r.korean.as_deref()));
            c.utf8("location", rows.iter().map(|r| r.location.as_deref()));
            c.utf8("notes", rows.iter().map(|r| r.notes.as_deref()));
            c.list("sources", rows.iter().map(|r| r.sources.as_slice()));
        }
        "facility_types" => {
            let rows = &lexicon.facility_types;
            c.utf8("code", rows.iter().map(|r| Some(r.code.as_str())));
            c.utf8("schema_code", rows.iter().map(|r| Some(r.schema_code.as_str())));
            c.utf8("hangul", rows.iter().map(|r| r.hangul.as_deref()));
            c.utf8("hanja", rows.iter().map(|r| r.hanja.as_deref()));
            c.list("romanizations", rows.iter().map(|r| r.romanizations.as_slice()));
            c.list("english_terms", rows.iter().map(|r| r.english_terms.as_slice()));
            c.utf8("operator", rows.iter().map(|r| r.operator.as_deref()));
            c.list("number_names", rows.iter().map(|r| r.number_names.as_slice()));
            c.utf8("judicial_process", rows.iter().map(|r| r.judicial_process.as_deref()));
            c.utf8("typical_term", rows.iter().map(|r| r.typical_term.as_deref()));
            c.utf8("notes", rows.iter().map(|r| r.notes.as_deref()));
            c.list("sources", rows.iter().map(|r| r.sources.as_slice()));
        }
        "agencies" => {
            let rows = &lexicon.agencies;
            c.utf8("id", rows.iter().map(|r| Some(r.id.as_str())));
            c.utf8("code", rows.iter().map(|r| Some(r.code.as_str())));
            c.utf8("name", rows.iter().map(|r| Some(r.name.as_str())));
            c.list("aliases", rows.iter().map(|r| r.aliases.as_slice()));
            c.boolean("generic", rows.iter().map(|r| r.generic));
            c.int32("valid_from", rows.iter().map(|r| r.valid_from));
            c.int32("valid_to", rows.iter().map(|r| r.valid_to));
            c.utf8("korean", rows.iter().map(|r| r.korean.as_deref()));
            c.utf8("notes", rows.iter().map(|r| r.notes.as_deref()));
            c.list("sources", rows.iter().map(|r| r.sources.as_slice()));
        }
        "occasions" => {
            let rows = &lexicon.occasions;
            let bases: Vec<Vec<String>> = rows
                .iter()
                .map(|o| {
                    o.bases
                        .iter()
                        .map(|b| {
                            let from = b.valid_from.map(|y| y.to_string()).unwrap_or_default();
                            let to = b.valid_to.map(|y| y.to_string()).unwrap_or_default();
                            format!("{:04}-{:02}-{:02}@{from}-{to}", b.base_year, b.month, b.day)
                        })
                        .collect()
                })
                .collect();
            c.utf8("id", rows.iter().map(|r| Some(r.id.as_str())));
            c.utf8("name", rows.iter().map(|r| Some(r.name.as_str())));
            c.int32("month", rows.iter().map(|r| i32::try_from(r.month).ok()));
            c.int32("day", rows.iter().map(|r| i32::try_from(r.day).ok()));
            c.int32("base_year", rows.iter().map(|r| r.base_year));
            c.list("aliases", rows.iter().map(|r| r.aliases.as_slice()));
            c.list("bases", bases.iter().map(Vec::as_slice));
            c.list("sources", rows.iter().map(|r| r.sources.as_slice()));
        }
        other => return Err(Error::Input(format!("unknown reference table '{other}' (expected one of: {})", REFERENCE_TABLES.join(", ")))),
    }
    c.finish()
}

/// One row per occasion per year from `start_year` to `end_year` (inclusive), so that events join
/// on `occasion` + year. Columns: occasion (utf8, SCHEMA.md code), name (utf8), year (int32), date
/// (date32: the day it fell on that year, with the base valid that year: the army's day is Apr 25
/// in 1978-2017 and Feb 8 otherwise), anniversary (int32: year minus the base year; null without a
/// base year, e.g. Kim Jong Un's birthday, or before the base year), base_year (int32). Years
/// outside 1..=9999 or a start after the end are an `Error::Input`.
pub fn holidays_batch(lexicon: &Lexicon, start_year: i32, end_year: i32) -> Result<RecordBatch> {
    if start_year > end_year || start_year < 1 || end_year > 9999 {
        return Err(Error::Input(format!("holidays: years {start_year}..{end_year} are not a range within 1..9999 (start must not be after end)")));
    }
    let mut occasion = Vec::new();
    let mut name = Vec::new();
    let mut year = Vec::new();
    let mut date = Vec::new();
    let mut anniversary = Vec::new();
    let mut base_year = Vec::new();
    for o in &lexicon.occasions {
        for y in start_year..=end_year {
            let ((yy, m, d), n) = o.in_year(y);
            occasion.push(o.id.as_str());
            name.push(o.name.as_str());
            year.push(y);
            date.push(Date::new(yy, m, d).map(Date::to_epoch_days));
            anniversary.push(n);
            base_year.push(o.base_in(y).map(|b| b.base_year));
        }
    }
    let mut c = Columns::default();
    c.utf8("occasion", occasion.into_iter().map(Some));
    c.utf8("name", name.into_iter().map(Some));
    c.int32("year", year.into_iter().map(Some));
    c.date32("date", date.into_iter());
    c.int32("anniversary", anniversary.into_iter());
    c.int32("base_year", base_year.into_iter());
    c.finish()
}
