//! Turning rows into typed entries, checking them, and building the alias automaton.
//!
//! Design: all checks run on every load (built-in or merged with a user's file), because a bad row
//! found here is a clear error while a bad row found during extraction is a silent wrong answer.
//! Checked: unique ids; every province, parent and facility place exists; every admin1 is a current
//! ISO 3166-2:KP code and agrees with the province; facility types, operators and agency codes are
//! SCHEMA.md codes; numbers and coordinates parse; and every alias (after folding) names one entry
//! of its table unless ambiguous.tsv declares exactly which entries it names.

use std::collections::{BTreeSet, HashMap};

use super::load::{Row, Tables};
use super::matcher::{alnum, fold, is_acronym, spellings, Matcher, Target};
use super::{Agency, AliasForm, EntryKind, Facility, FacilityType, Lexicon, Place};
use crate::error::{Error, Result};

/// Current ISO 3166-2:KP province-level codes (KP-11 and KP-12 do not exist).
pub const ISO_CODES: [&str; 13] = ["KP-01", "KP-02", "KP-03", "KP-04", "KP-05", "KP-06", "KP-07", "KP-08", "KP-09", "KP-10", "KP-13", "KP-14", "KP-15"];

/// SCHEMA.md agency codes.
pub const AGENCY_CODES: [&str; 11] = [
    "state_security",
    "social_security",
    "supreme_peoples_assembly",
    "workers_party",
    "korean_peoples_army",
    "border_guard",
    "prosecutors",
    "courts",
    "inminban",
    "kcna",
    "government",
];

/// SCHEMA.md facility_type codes.
pub const FACILITY_TYPE_CODES: [&str; 7] = ["kwanliso", "kyohwaso", "rodong_danryeondae", "jipkyulso", "kuryujang", "prison", "other"];

/// Place kinds that are first-level divisions (their own province).
const PROVINCE_KINDS: [&str; 3] = ["province", "capital_city", "special_city"];

fn parse_f64(row: &Row, column: &str, range: f64) -> Result<Option<f64>> {
    let v = row.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<f64>() {
        Ok(x) if x.is_finite() && x.abs() <= range => Ok(Some(x)),
        _ => Err(row.error(format!("{column} '{v}' is not a number between -{range} and {range}"))),
    }
}

fn parse_year(row: &Row, column: &str) -> Result<Option<i32>> {
    let v = row.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<i32>() {
        Ok(y) if (1800..=2200).contains(&y) => Ok(Some(y)),
        _ => Err(row.error(format!("{column} '{v}' is not a year"))),
    }
}

fn check_unique<'a>(rows: impl Iterator<Item = (&'a str, &'a Row)>) -> Result<()> {
    let mut seen: HashMap<&str, &Row> = HashMap::new();
    for (id, row) in rows {
        if let Some(first) = seen.insert(id, row) {
            return Err(row.error(format!("duplicate id (also on line {} of {})", first.line, first.origin)));
        }
    }
    Ok(())
}

fn check_id_syntax(row: &Row, id: &str) -> Result<()> {
    if id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-') {
        Ok(())
    } else {
        Err(row.error("ids are lower-case ASCII letters, digits, '_' and '-'"))
    }
}

fn places(rows: &[Row]) -> Result<Vec<Place>> {
    check_unique(rows.iter().map(|r| (r.get("id"), r)))?;
    let by_id: HashMap<&str, &Row> = rows.iter().map(|r| (r.get("id"), r)).collect();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.get("id");
        check_id_syntax(row, id)?;
        let kind = row.get("kind");
        if kind.is_empty() || row.get("name").is_empty() {
            return Err(row.error("name and kind are required"));
        }
        let admin1 = row.opt("admin1");
        if let Some(code) = &admin1 {
            if !ISO_CODES.contains(&code.as_str()) {
                return Err(row.error(format!("admin1 '{code}' is not an ISO 3166-2:KP code ({})", ISO_CODES.join(", "))));
            }
        }
        let province_id = row.opt("province_id");
        if PROVINCE_KINDS.contains(&kind) && province_id.as_deref() != Some(id) {
            return Err(row.error(format!("a {kind}'s province_id is its own id")));
        }
        if let Some(p) = &province_id {
            let Some(province) = by_id.get(p.as_str()) else {
                return Err(row.error(format!("unknown province_id '{p}'")));
            };
            if !PROVINCE_KINDS.contains(&province.get("kind")) {
                return Err(row.error(format!("province_id '{p}' is a {}, not a province", province.get("kind"))));
            }
            if province.opt("admin1") != admin1 {
                return Err(row.error(format!("admin1 '{}' differs from its province's '{}'", admin1.as_deref().unwrap_or(""), province.get("admin1"))));
            }
        }
        let parent_id = row.opt("parent_id");
        if let Some(p) = &parent_id {
            if !by_id.contains_key(p.as_str()) {
                return Err(row.error(format!("unknown parent_id '{p}'")));
            }
        }
        out.push(Place {
            id: id.to_string(),
            name: row.get("name").to_string(),
            kind: kind.to_string(),
            province_id,
            admin1,
            aliases: row.list("aliases"),
            parent_id,
            korean: row.opt("korean"),
            lat: parse_f64(row, "lat", 90.0)?,
            lon: parse_f64(row, "lon", 180.0)?,
            notes: row.opt("notes"),
            sources: row.sources(),
        });
    }
    Ok(out)
}

fn facility_types(rows: &[Row]) -> Result<Vec<FacilityType>> {
    check_unique(rows.iter().map(|r| (r.get("code"), r)))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let code = row.get("code");
        check_id_syntax(row, code)?;
        let schema_code = row.opt("schema_code").unwrap_or_else(|| code.to_string());
        if !FACILITY_TYPE_CODES.contains(&schema_code.as_str()) {
            return Err(row.error(format!("schema_code '{schema_code}' is not one of {}", FACILITY_TYPE_CODES.join(", "))));
        }
        let operator = row.opt("operator");
        check_agency_code(row, operator.as_deref(), "operator")?;
        let number_names = row.list("number_names");
        if let Some(bad) = number_names.iter().find(|n| !n.contains("{n}")) {
            return Err(row.error(format!("number name '{bad}' has no {{n}} placeholder")));
        }
        out.push(FacilityType {
            code: code.to_string(),
            english_terms: row.list("english_terms"),
            romanizations: row.list("romanizations"),
            hangul: row.opt("hangul"),
            operator,
            schema_code,
            hanja: row.opt("hanja"),
            number_names,
            judicial_process: row.opt("judicial_process"),
            typical_term: row.opt("typical_term"),
            notes: row.opt("notes"),
            sources: row.sources(),
        });
    }
    Ok(out)
}

fn check_agency_code(row: &Row, code: Option<&str>, column: &str) -> Result<()> {
    match code {
        Some(c) if !AGENCY_CODES.contains(&c) => Err(row.error(format!("{column} '{c}' is not an agency code ({})", AGENCY_CODES.join(", ")))),
        _ => Ok(()),
    }
}

fn facilities(rows: &[Row], places: &[Place]) -> Result<Vec<Facility>> {
    check_unique(rows.iter().map(|r| (r.get("id"), r)))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.get("id");
        check_id_syntax(row, id)?;
        let facility_type = row.get("facility_type");
        if !FACILITY_TYPE_CODES.contains(&facility_type) {
            return Err(row.error(format!("facility_type '{facility_type}' is not one of {}", FACILITY_TYPE_CODES.join(", "))));
        }
        if row.get("name").is_empty() {
            return Err(row.error("name is required"));
        }
        let number = row.opt("number");
        if let Some(n) = &number {
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
                return Err(row.error(format!("number '{n}' is not a whole number")));
            }
        }
        let place_id = row.opt("place_id");
        let mut admin1 = row.opt("admin1");
        if let Some(code) = &admin1 {
            if !ISO_CODES.contains(&code.as_str()) {
                return Err(row.error(format!("admin1 '{code}' is not an ISO 3166-2:KP code")));
            }
        }
        if let Some(p) = &place_id {
            let Some(place) = places.iter().find(|x| &x.id == p) else {
                return Err(row.error(format!("unknown place_id '{p}' (not in places)")));
            };
            match (&admin1, &place.admin1) {
                (Some(a), Some(b)) if a != b => {
                    return Err(row.error(format!("admin1 '{a}' differs from its place's '{b}'")));
                }
                (None, Some(b)) => admin1 = Some(b.clone()),
                _ => {}
            }
        }
        let operator = row.opt("operator");
        check_agency_code(row, operator.as_deref(), "operator")?;
        out.push(Facility {
            id: id.to_string(),
            facility_type: facility_type.to_string(),
            number,
            name: row.get("name").to_string(),
            aliases: row.list("aliases"),
            place_id,
            admin1,
            operator,
            subtype: row.opt("subtype"),
            place_aliases: row.list("place_aliases"),
            status: row.opt("status"),
            status_detail: row.opt("status_detail"),
            lat: parse_f64(row, "lat", 90.0)?,
            lon: parse_f64(row, "lon", 180.0)?,
            korean: row.opt("korean"),
            location: row.opt("location"),
            notes: row.opt("notes"),
            sources: row.sources(),
        });
    }
    Ok(out)
}

fn agencies(rows: &[Row]) -> Result<Vec<Agency>> {
    check_unique(rows.iter().map(|r| (r.get("id"), r)))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.get("id");
        check_id_syntax(row, id)?;
        let code = row.get("code");
        if !AGENCY_CODES.contains(&code) {
            return Err(row.error(format!("code '{code}' is not an agency code ({})", AGENCY_CODES.join(", "))));
        }
        let generic = match row.get("generic") {
            "" | "false" => false,
            "true" => true,
            other => return Err(row.error(format!("generic '{other}' is not true or false"))),
        };
        let valid_from = parse_year(row, "valid_from")?;
        let valid_to = parse_year(row, "valid_to")?;
        if let (Some(a), Some(b)) = (valid_from, valid_to) {
            if a > b {
                return Err(row.error(format!("valid_from {a} is after valid_to {b}")));
            }
        }
        out.push(Agency {
            id: id.to_string(),
            code: code.to_string(),
            name: row.get("name").to_string(),
            aliases: row.list("aliases"),
            valid_from,
            valid_to,
            generic,
            korean: row.opt("korean"),
            notes: row.opt("notes"),
            sources: row.sources(),
        });
    }
    Ok(out)
}

/// One alias of one entry, before ambiguity checks.
struct Entry<'a> {
    kind: EntryKind,
    form: AliasForm,
    written: String,
    id: String,
    /// For generated number names: the number (ambiguity is declared once per number).
    number: Option<&'a str>,
}

fn table_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Place => "places",
        EntryKind::Facility => "facilities",
        EntryKind::Agency => "agencies",
    }
}

fn entries<'a>(lex: &'a Lexicon) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    let mut push = |kind, form, written: String, id: &str, number| {
        out.push(Entry { kind, form, written, id: id.to_string(), number });
    };
    for p in &lex.places {
        for a in &p.aliases {
            push(EntryKind::Place, AliasForm::Name, a.clone(), &p.id, None);
            if p.kind == "province" && !fold(a).ends_with("province") {
                push(EntryKind::Place, AliasForm::Name, format!("{a} Province"), &p.id, None);
            }
        }
    }
    for f in &lex.facilities {
        for a in &f.aliases {
            push(EntryKind::Facility, AliasForm::Name, a.clone(), &f.id, None);
        }
        for a in &f.place_aliases {
            push(EntryKind::Facility, AliasForm::PlaceName, a.clone(), &f.id, None);
        }
        if let Some(n) = f.number.as_deref() {
            for t in lex.facility_types.iter().filter(|t| t.code == f.facility_type) {
                for pattern in &t.number_names {
                    push(EntryKind::Facility, AliasForm::Name, pattern.replace("{n}", n), &f.id, Some(n));
                }
            }
            push(EntryKind::Facility, AliasForm::Number, format!("No. {n}"), &f.id, Some(n));
        }
    }
    for a in &lex.agencies {
        let form = if a.generic { AliasForm::Generic } else { AliasForm::Name };
        for alias in &a.aliases {
            push(EntryKind::Agency, form, alias.clone(), &a.code, None);
        }
    }
    out
}

fn row_of<'a>(tables: &'a Tables, table: &str, id: &str) -> Option<&'a Row> {
    match table {
        "places" => tables.places.iter().find(|r| r.get("id") == id),
        "facilities" => tables.facilities.iter().find(|r| r.get("id") == id),
        "agencies" => tables.agencies.iter().find(|r| r.get("code") == id),
        _ => None,
    }
}

/// What one folded spelling of a table names: ids, the numbers it was generated from (None when
/// written), and one written form (for messages).
type Spelled<'a> = (BTreeSet<String>, Vec<Option<&'a str>>, &'a str);

/// Checks ambiguity against the declarations and builds the automaton.
fn build_matcher(lex: &Lexicon, tables: &Tables) -> Result<Matcher> {
    let declared_rows = &tables.ambiguous;
    // Declarations: (table, folded alias) -> (ids, row).
    let mut declared: HashMap<(String, String), (BTreeSet<String>, &Row)> = HashMap::new();
    for row in declared_rows {
        let table = row.get("table");
        if !matches!(table, "places" | "facilities" | "agencies") {
            return Err(row.error(format!("[ambiguous]: table '{table}' is not places, facilities or agencies")));
        }
        let ids: BTreeSet<String> = row.list("ids").into_iter().collect();
        if ids.len() < 2 {
            return Err(row.error("[ambiguous]: an ambiguous alias names two or more ids"));
        }
        declared.insert((table.to_string(), fold(row.get("alias"))), (ids, row));
    }
    let all = entries(lex);
    // (table, spelling) -> (ids, numbers it was generated from or None when written)
    let mut by_spelling: HashMap<(&str, String), Spelled> = HashMap::new();
    let mut pairs = Vec::new();
    for e in &all {
        let variants = spellings(&e.written);
        if variants.is_empty() {
            let table = table_name(e.kind);
            return Err(Error::Gazetteer {
                origin: format!("data ({table})"),
                message: format!("id '{}': alias '{}' is empty after folding", e.id, e.written),
            });
        }
        let exact = is_acronym(&e.written).then(|| alnum(&e.written));
        for v in variants {
            let slot = by_spelling.entry((table_name(e.kind), v.clone())).or_insert_with(|| (BTreeSet::new(), Vec::new(), ""));
            slot.0.insert(e.id.clone());
            slot.1.push(e.number);
            slot.2 = e.written.as_str();
            pairs.push((v, Target { kind: e.kind, form: e.form, ids: vec![e.id.clone()], exact: exact.clone() }));
        }
    }
    for ((table, spelling), (ids, numbers, written)) in &by_spelling {
        if ids.len() < 2 {
            continue;
        }
        let key = (table.to_string(), spelling.clone());
        let ok = match declared.get(&key) {
            Some((d, _)) => d == ids,
            None => match numbers.first().copied().flatten() {
                Some(n) if numbers.iter().all(|x| *x == Some(n)) => {
                    declared.get(&(table.to_string(), fold(&format!("No. {n}")))).is_some_and(|(d, _)| ids.is_subset(d))
                }
                _ => false,
            },
        };
        if !ok {
            let list: Vec<&str> = ids.iter().map(String::as_str).collect();
            let message = format!(
                "alias '{written}' (folded '{spelling}') names {}: declare it in ambiguous.tsv ([ambiguous] in a user file) with exactly these ids, or fix the data",
                list.join(", ")
            );
            // Blame a user's row when one is involved: that is the row to fix.
            let rows: Vec<&Row> = ids.iter().filter_map(|id| row_of(tables, table, id)).collect();
            let row = rows.iter().find(|r| !r.origin.starts_with("data/")).or(rows.first());
            return Err(match row {
                Some(r) => r.error(message),
                None => Error::Gazetteer { origin: format!("data ({table})"), message },
            });
        }
    }
    for ((table, spelling), (ids, row)) in &declared {
        let actual = by_spelling.get(&(table.as_str(), spelling.clone())).map(|x| &x.0);
        if actual != Some(ids) {
            let found: Vec<&str> = actual.map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default();
            return Err(row.error(format!(
                "[ambiguous]: '{}' is declared to name {} but the {table} data give [{}]",
                row.get("alias"),
                row.get("ids"),
                found.join(", ")
            )));
        }
    }
    Matcher::build(pairs).map_err(|message| Error::Gazetteer { origin: "lexicon".to_string(), message })
}

/// Converts, validates and indexes all tables.
pub(crate) fn build(tables: &Tables) -> Result<Lexicon> {
    let places = places(&tables.places)?;
    let facility_types = facility_types(&tables.facility_types)?;
    let facilities = facilities(&tables.facilities, &places)?;
    let agencies = agencies(&tables.agencies)?;
    let mut lex = Lexicon { places, facilities, facility_types, agencies, ..Lexicon::default() };
    lex.matcher = build_matcher(&lex, tables)?;
    Ok(lex)
}
