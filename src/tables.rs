//! Arrow schemas and record batches: the one place the output contract (SCHEMA.md) is written.
//!
//! Stages report byte spans into `Document::norm`; here every span becomes code point offsets into
//! the original text, every index becomes an id (`{doc_id}:e1`, `:f1`, `:c1`, `:s1`), and columns
//! are built as whole Arrow arrays (no per-cell objects). The schemas are exported so that Python
//! (and the README) derive the column lists from here rather than writing them twice.

use std::sync::Arc;

use arrow_array::builder::{Int32Builder, ListBuilder, StringBuilder, StructBuilder};
use arrow_array::{ArrayRef, BooleanArray, Date32Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};

use crate::error::Result;
use crate::pipeline::{map_chunks, DocResult, Input, Options};
use crate::text::Span;

/// The names of the four tables, in the order they are written.
pub const TABLE_NAMES: [&str; 4] = ["articles", "events", "facilities", "claims"];

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int32(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int32, nullable)
}

fn list_utf8(name: &str) -> Field {
    Field::new(name, DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), false)
}

fn span_fields() -> Fields {
    Fields::from(vec![int32("start", false), int32("end", false)])
}

fn mentions_field() -> Field {
    Field::new("mentions", DataType::List(Arc::new(Field::new("item", DataType::Struct(span_fields()), true))), false)
}

fn date_fields() -> Vec<Field> {
    vec![
        utf8("date_value", true),
        Field::new("date_start", DataType::Date32, true),
        Field::new("date_end", DataType::Date32, true),
        utf8("date_precision", true),
        utf8("date_basis", true),
        utf8("date_text", true),
    ]
}

/// The schema of one of the four tables.
pub fn schema(table: &str) -> Option<SchemaRef> {
    let fields = match table {
        "articles" => vec![
            utf8("doc_id", false),
            utf8("text", false),
            utf8("body", false),
            utf8("title", true),
            utf8("outlet", true),
            list_utf8("authors"),
            list_utf8("translators"),
            Field::new("published", DataType::Date32, true),
            utf8("published_source", true),
            utf8("dateline", true),
            utf8("url", true),
        ],
        "events" => {
            let mut fields = vec![utf8("event_id", false), utf8("doc_id", false), utf8("event_type", false), utf8("status", false)];
            fields.extend(date_fields());
            fields.extend([
                utf8("occasion", true),
                int32("anniversary", true),
                utf8("count_text", true),
                Field::new("count_min", DataType::Int64, true),
                Field::new("count_max", DataType::Int64, true),
                list_utf8("measures"),
                int32("sentence_reduction_min_months", true),
                int32("sentence_reduction_max_months", true),
                list_utf8("subjects"),
                list_utf8("excluded"),
                list_utf8("agents"),
                list_utf8("places"),
                list_utf8("admin1"),
                list_utf8("facility_refs"),
                list_utf8("claim_ids"),
                mentions_field(),
                utf8("evidence", false),
                int32("evidence_start", false),
                int32("evidence_end", false),
                utf8("rule", false),
            ]);
            fields
        }
        "facilities" => vec![
            utf8("facility_ref_id", false),
            utf8("doc_id", false),
            utf8("name", false),
            utf8("facility_type", false),
            utf8("facility_id", true),
            list_utf8("candidates"),
            Field::new("generic", DataType::Boolean, false),
            int32("count", true),
            utf8("number", true),
            utf8("operator", true),
            utf8("place_id", true),
            utf8("admin1", true),
            utf8("native_term", true),
            mentions_field(),
        ],
        "claims" => vec![
            utf8("claim_id", false),
            utf8("doc_id", false),
            utf8("kind", false),
            utf8("text", false),
            int32("start", false),
            int32("end", false),
            utf8("cue", true),
            utf8("source_text", true),
            utf8("source_id", false),
            utf8("source_type", false),
            utf8("source_name", true),
            utf8("source_place", true),
            utf8("source_admin1", true),
            utf8("source_rank", true),
            utf8("reported_to", true),
            utf8("via", true),
            utf8("said_date_value", true),
            list_utf8("hedges"),
            list_utf8("event_ids"),
        ],
        _ => return None,
    };
    Some(Arc::new(Schema::new(fields)))
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn ints32(values: impl Iterator<Item = Option<i32>>) -> ArrayRef {
    Arc::new(values.collect::<Int32Array>())
}

fn ints64(values: impl Iterator<Item = Option<i64>>) -> ArrayRef {
    Arc::new(values.collect::<Int64Array>())
}

fn dates(values: impl Iterator<Item = Option<i32>>) -> ArrayRef {
    Arc::new(values.collect::<Date32Array>())
}

fn string_lists<I, S>(rows: impl Iterator<Item = I>) -> ArrayRef
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut builder = ListBuilder::new(StringBuilder::new());
    for row in rows {
        for value in row {
            builder.values().append_value(value.as_ref());
        }
        builder.append(true);
    }
    Arc::new(builder.finish())
}

fn span_lists(rows: impl Iterator<Item = Vec<(i32, i32)>>) -> ArrayRef {
    let fields = span_fields();
    let values = StructBuilder::new(fields.clone(), vec![Box::new(Int32Builder::new()), Box::new(Int32Builder::new())]);
    let mut builder = ListBuilder::new(values).with_field(Arc::new(Field::new("item", DataType::Struct(fields), true)));
    for row in rows {
        for (start, end) in row {
            let item = builder.values();
            if let Some(b) = item.field_builder::<Int32Builder>(0) {
                b.append_value(start);
            }
            if let Some(b) = item.field_builder::<Int32Builder>(1) {
                b.append_value(end);
            }
            item.append(true);
        }
        builder.append(true);
    }
    Arc::new(builder.finish())
}

fn batch(table: &str, columns: Vec<ArrayRef>) -> Result<RecordBatch> {
    let schema = schema(table).ok_or_else(|| crate::Error::Input(format!("unknown table {table:?}")))?;
    Ok(RecordBatch::try_new(schema, columns)?)
}

/// The four tables of a batch of documents, in [`TABLE_NAMES`] order.
pub fn build_all(results: &[DocResult]) -> Result<Vec<RecordBatch>> {
    Ok(vec![articles(results)?, events(results)?, facilities(results)?, claims(results)?])
}

/// Extracts the inputs into the four tables, each as a list of record batches (one per chunk
/// of documents, see [`map_chunks`]), in input order. Each chunk becomes Arrow on the thread that
/// extracted it, so a call never holds more than the chunks in flight as intermediate results (a
/// document's result, with its normalised text, sentences and spans, is several times its size;
/// holding all of them made a 10 MB call peak at 270 MB RSS and zero fresh pages for ~17% of its
/// time, BENCHMARKS.md).
pub fn extract_tables(inputs: Vec<Input>, options: &Options) -> Result<[Vec<RecordBatch>; 4]> {
    let mut tables: [Vec<RecordBatch>; 4] = Default::default();
    for chunk in map_chunks(inputs, options, |results| build_all(&results))? {
        for (table, batch) in tables.iter_mut().zip(chunk) {
            table.push(batch);
        }
    }
    Ok(tables)
}

pub fn articles(results: &[DocResult]) -> Result<RecordBatch> {
    let rows = || results.iter();
    batch(
        "articles",
        vec![
            strings(rows().map(|r| Some(r.doc.doc_id.as_str()))),
            strings(rows().map(|r| Some(r.doc.original.as_str()))),
            strings(rows().map(|r| Some(r.article.body.as_str()))),
            strings(rows().map(|r| r.article.title.as_deref())),
            strings(rows().map(|r| r.article.outlet.as_deref())),
            string_lists(rows().map(|r| r.article.authors.iter())),
            string_lists(rows().map(|r| r.article.translators.iter())),
            dates(rows().map(|r| r.article.published.map(|d| d.to_epoch_days()))),
            strings(rows().map(|r| r.article.published_source)),
            strings(rows().map(|r| r.article.dateline.as_deref())),
            strings(rows().map(|r| r.article.url.as_deref())),
        ],
    )
}

fn spans(result: &DocResult, spans: &[Span]) -> Vec<(i32, i32)> {
    spans.iter().map(|s| result.doc.char_span(*s)).collect()
}

fn ids(doc_id: &str, kind: char, indexes: &[usize]) -> Vec<String> {
    indexes.iter().map(|i| format!("{doc_id}:{kind}{}", i + 1)).collect()
}

pub fn events(results: &[DocResult]) -> Result<RecordBatch> {
    let rows: Vec<(&DocResult, usize, &crate::events::Event)> = results.iter().flat_map(|r| r.events.iter().enumerate().map(move |(i, e)| (r, i, e))).collect();
    let ids_of = |r: &DocResult, i: usize| format!("{}:e{}", r.doc.doc_id, i + 1);
    let event_ids: Vec<String> = rows.iter().map(|(r, i, _)| ids_of(r, *i)).collect();
    let evidence: Vec<(i32, i32)> = rows.iter().map(|(r, _, e)| r.doc.char_span(e.evidence)).collect();
    let it = || rows.iter();
    batch(
        "events",
        vec![
            strings(event_ids.iter().map(|s| Some(s.as_str()))),
            strings(it().map(|(r, _, _)| Some(r.doc.doc_id.as_str()))),
            strings(it().map(|(_, _, e)| Some(e.event_type.as_str()))),
            strings(it().map(|(_, _, e)| Some(e.status.as_str()))),
            strings(it().map(|(_, _, e)| e.date_value.as_deref())),
            dates(it().map(|(_, _, e)| e.date_start.map(|d| d.to_epoch_days()))),
            dates(it().map(|(_, _, e)| e.date_end.map(|d| d.to_epoch_days()))),
            strings(it().map(|(_, _, e)| e.date_precision.as_deref())),
            strings(it().map(|(_, _, e)| e.date_basis.as_deref())),
            strings(it().map(|(_, _, e)| e.date_text.as_deref())),
            strings(it().map(|(_, _, e)| e.occasion.as_deref())),
            ints32(it().map(|(_, _, e)| e.anniversary)),
            strings(it().map(|(_, _, e)| e.count_text.as_deref())),
            ints64(it().map(|(_, _, e)| e.count_min)),
            ints64(it().map(|(_, _, e)| e.count_max)),
            string_lists(it().map(|(_, _, e)| e.measures.iter())),
            ints32(it().map(|(_, _, e)| e.sentence_reduction_min_months)),
            ints32(it().map(|(_, _, e)| e.sentence_reduction_max_months)),
            string_lists(it().map(|(_, _, e)| e.subjects.iter())),
            string_lists(it().map(|(_, _, e)| e.excluded.iter())),
            string_lists(it().map(|(_, _, e)| e.agents.iter())),
            string_lists(it().map(|(_, _, e)| e.places.iter())),
            string_lists(it().map(|(_, _, e)| e.admin1.iter())),
            string_lists(it().map(|(r, _, e)| ids(&r.doc.doc_id, 'f', &e.facility_indexes))),
            string_lists(it().map(|(r, _, e)| ids(&r.doc.doc_id, 'c', &e.claim_indexes))),
            span_lists(it().map(|(r, _, e)| spans(r, &e.mentions))),
            strings(it().map(|(r, _, e)| Some(r.doc.original_slice(e.evidence)))),
            ints32(evidence.iter().map(|(s, _)| Some(*s))),
            ints32(evidence.iter().map(|(_, e)| Some(*e))),
            strings(it().map(|(_, _, e)| Some(e.rule.as_str()))),
        ],
    )
}

pub fn facilities(results: &[DocResult]) -> Result<RecordBatch> {
    let rows: Vec<(&DocResult, usize, &crate::facilities::FacilityRef)> =
        results.iter().flat_map(|r| r.facilities.iter().enumerate().map(move |(i, f)| (r, i, f))).collect();
    let ref_ids: Vec<String> = rows.iter().map(|(r, i, _)| format!("{}:f{}", r.doc.doc_id, i + 1)).collect();
    let it = || rows.iter();
    let generic: BooleanArray = it().map(|(_, _, f)| Some(f.generic)).collect();
    batch(
        "facilities",
        vec![
            strings(ref_ids.iter().map(|s| Some(s.as_str()))),
            strings(it().map(|(r, _, _)| Some(r.doc.doc_id.as_str()))),
            strings(it().map(|(_, _, f)| Some(f.name.as_str()))),
            strings(it().map(|(_, _, f)| Some(f.facility_type.as_str()))),
            strings(it().map(|(_, _, f)| f.facility_id.as_deref())),
            string_lists(it().map(|(_, _, f)| f.candidates.iter())),
            Arc::new(generic),
            ints32(it().map(|(_, _, f)| f.count)),
            strings(it().map(|(_, _, f)| f.number.as_deref())),
            strings(it().map(|(_, _, f)| f.operator.as_deref())),
            strings(it().map(|(_, _, f)| f.place_id.as_deref())),
            strings(it().map(|(_, _, f)| f.admin1.as_deref())),
            strings(it().map(|(_, _, f)| f.native_term.as_deref())),
            span_lists(it().map(|(r, _, f)| spans(r, &f.mentions))),
        ],
    )
}

pub fn claims(results: &[DocResult]) -> Result<RecordBatch> {
    let rows: Vec<(&DocResult, usize, &crate::claims::Claim)> = results.iter().flat_map(|r| r.claims.iter().enumerate().map(move |(i, c)| (r, i, c))).collect();
    let claim_ids: Vec<String> = rows.iter().map(|(r, i, _)| format!("{}:c{}", r.doc.doc_id, i + 1)).collect();
    let source_ids: Vec<String> = rows.iter().map(|(r, _, c)| format!("{}:s{}", r.doc.doc_id, c.source_index + 1)).collect();
    let offsets: Vec<(i32, i32)> = rows.iter().map(|(r, _, c)| r.doc.char_span(c.span)).collect();
    let it = || rows.iter();
    batch(
        "claims",
        vec![
            strings(claim_ids.iter().map(|s| Some(s.as_str()))),
            strings(it().map(|(r, _, _)| Some(r.doc.doc_id.as_str()))),
            strings(it().map(|(_, _, c)| Some(c.kind.as_str()))),
            strings(it().map(|(r, _, c)| Some(r.doc.original_slice(c.span)))),
            ints32(offsets.iter().map(|(s, _)| Some(*s))),
            ints32(offsets.iter().map(|(_, e)| Some(*e))),
            strings(it().map(|(_, _, c)| c.cue.as_deref())),
            strings(it().map(|(_, _, c)| c.source_text.as_deref())),
            strings(source_ids.iter().map(|s| Some(s.as_str()))),
            strings(it().map(|(_, _, c)| Some(c.source_type.as_str()))),
            strings(it().map(|(_, _, c)| c.source_name.as_deref())),
            strings(it().map(|(_, _, c)| c.source_place.as_deref())),
            strings(it().map(|(_, _, c)| c.source_admin1.as_deref())),
            strings(it().map(|(_, _, c)| c.source_rank.as_deref())),
            strings(it().map(|(_, _, c)| c.reported_to.as_deref())),
            strings(it().map(|(_, _, c)| c.via.as_deref())),
            strings(it().map(|(_, _, c)| c.said_date_value.as_deref())),
            string_lists(it().map(|(_, _, c)| c.hedges.iter())),
            string_lists(it().map(|(r, i, _)| ids(&r.doc.doc_id, 'e', r.claim_events.get(*i).map_or(&[][..], Vec::as_slice)))),
        ],
    )
}

/// Empty tables with the right schemas.
pub fn empty_all() -> Result<Vec<RecordBatch>> {
    build_all(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Meta, STAGE_CHUNK};

    #[test]
    fn tables_built_chunk_by_chunk_equal_one_build_of_everything() {
        let text = "North Korea released 30 prisoners in an amnesty on Feb. 16, a source in Hyesan told Daily NK. \
                    Some were held at the Chongori camp.";
        let inputs: Vec<Input> =
            (0..STAGE_CHUNK * 9 + 7).map(|i| Input::Text { doc_id: format!("d{i:05}"), text: text.to_string(), meta: Meta::default() }).collect();
        let options = Options::default();
        let chunked = extract_tables(inputs.clone(), &options).expect("extracts");
        let whole = build_all(&crate::pipeline::extract_documents(inputs, &options).expect("extracts")).expect("builds");
        for (batches, all) in chunked.iter().zip(&whole) {
            assert!(batches.len() > 1);
            assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), all.num_rows());
            let mut offset = 0;
            for batch in batches {
                assert_eq!(batch, &all.slice(offset, batch.num_rows()));
                offset += batch.num_rows();
            }
        }
    }
}
