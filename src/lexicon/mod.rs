//! Lexicon stage: the gazetteers (places, facilities, facility types, agencies, occasions) loaded
//! from the data files embedded at build time, validated at load, optionally extended by a user's
//! file, and one multi-pattern matcher over every alias.
//!
//! Design: the data live in data/*.tsv (one row per entry, sources kept), so adding a camp or a
//! spelling is a data change; load.rs reads and overlays them, validate.rs checks them and compiles
//! every alias into one Aho-Corasick automaton (matcher.rs) once per Lexicon, so `find` is one pass
//! per document. Ambiguity is data too: an alias that names several entries (Kaechon, No. 12, MSS)
//! is declared in data/ambiguous.tsv and reported as one `Hit` with all its ids; the stage that
//! uses the hit decides by context.

mod load;
mod matcher;
pub mod tables;
mod validate;

use std::sync::{Arc, LazyLock};

use crate::error::{Error, Result};
use crate::text::Span;

pub use validate::{AGENCY_CODES, FACILITY_TYPE_CODES, ISO_CODES};

/// A province-level division or a city, county, district or village.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// snake_case id (`north_hamgyong`, `hoeryong`).
    pub id: String,
    pub name: String,
    /// `province`, `city`, `county`, `district`, `village`, `special_zone`, ...
    pub kind: String,
    /// For a province: itself; otherwise the province it lies in.
    pub province_id: Option<String>,
    /// ISO 3166-2:KP code of the province (`KP-09`).
    pub admin1: Option<String>,
    pub aliases: Vec<String>,
    /// For a village or district: the city or county it lies in (`jongo_ri` -> `hoeryong`).
    pub parent_id: Option<String>,
    pub korean: Option<String>,
    /// Town point (GeoNames via the reference), for city-level geocoding only.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

/// One known detention facility.
#[derive(Debug, Clone, PartialEq)]
pub struct Facility {
    /// `kwanliso-14`, `kyohwaso-1`, `jipkyulso-sinuiju`.
    pub id: String,
    pub facility_type: String,
    pub number: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub place_id: Option<String>,
    pub admin1: Option<String>,
    /// Agency code of the operator (`state_security`, `social_security`).
    pub operator: Option<String>,
    /// The reference's finer kind ("total-control political prison camp", "kyoyangso ...").
    pub subtype: Option<String>,
    /// Bare place names this press uses for the facility ("Yodok", "Kaechon", "Chongori"); they
    /// mean the facility only next to a facility word.
    pub place_aliases: Vec<String>,
    /// `active`, `closed`, `uncertain`, `unconfirmed`, `suspected`, `historical`, `unverified`.
    pub status: Option<String>,
    /// The reference's status text, with its conflicts.
    pub status_detail: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub korean: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

/// A facility type with the words this press uses for it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacilityType {
    pub code: String,
    pub english_terms: Vec<String>,
    pub romanizations: Vec<String>,
    pub hangul: Option<String>,
    pub operator: Option<String>,
    /// The SCHEMA.md facility_type this type is reported as (`kyoyangso` -> `other`).
    pub schema_code: String,
    pub hanja: Option<String>,
    /// Patterns with `{n}` naming a numbered facility of this type ("Camp No. {n}").
    pub number_names: Vec<String>,
    pub judicial_process: Option<String>,
    pub typical_term: Option<String>,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

/// One name period of an agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Agency {
    pub id: String,
    /// SCHEMA.md agency code (`state_security`, `social_security`, `kcna`, ...).
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// First and last year of this name (inclusive; None when open).
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
    /// Everyday words ("police", "state security") rather than a name of the body.
    pub generic: bool,
    pub korean: Option<String>,
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

impl Agency {
    /// Whether this name was in use in `year` (always true for an open period).
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|f| f <= year) && self.valid_to.is_none_or(|t| year <= t)
    }
}

/// A holiday or anniversary. `bases` lists each base date with the years it is valid in, so that
/// occasions whose date moved (the army's founding day) compute the right anniversary.
#[derive(Debug, Clone, PartialEq)]
pub struct Occasion {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The date as currently observed.
    pub month: u32,
    pub day: u32,
    /// The base year of the current date (None when anniversaries must not be computed).
    pub base_year: Option<i32>,
    /// Every base date with the years it counts in (the army's founding day moved twice).
    pub bases: Vec<BasePeriod>,
    pub sources: Vec<String>,
}

/// A base date of an occasion and the years in which it is the one observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasePeriod {
    pub base_year: i32,
    pub month: u32,
    pub day: u32,
    /// First and last year (inclusive) this base counts; None when open.
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
}

impl BasePeriod {
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|f| f <= year) && self.valid_to.is_none_or(|t| year <= t)
    }
}

impl Occasion {
    /// The base that counts in `year`: the one valid then, else the latest one (None without bases).
    pub fn base_in(&self, year: i32) -> Option<&BasePeriod> {
        self.bases.iter().find(|b| b.valid_in(year)).or(self.bases.last())
    }

    /// Date (year, month, day) and anniversary number of the occasion in `year`; the anniversary
    /// is None when there is no base or the year is not after the base year.
    pub fn in_year(&self, year: i32) -> ((i32, u32, u32), Option<i32>) {
        match self.base_in(year) {
            Some(b) => ((year, b.month, b.day), Some(year - b.base_year).filter(|n| *n > 0)),
            None => ((year, self.month, self.day), None),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Place,
    Facility,
    Agency,
}

/// How the matched alias names its entry (what a stage may conclude from the hit alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasForm {
    /// A name of the entry ("North Hamgyong Province", "Camp 14", "Kyohwaso No. 12", "Bowibu").
    Name,
    /// Facilities only: a bare place name used for the facility ("Yodok", "Kaechon", "Chongori");
    /// it means the facility only next to a facility word ("Yodok camp", "sent to Chongori").
    PlaceName,
    /// Facilities only: a bare "No. 14" (every numbered facility with that number); it means a
    /// facility only next to a facility word.
    Number,
    /// Agencies only: everyday words for the body ("police", "state security").
    Generic,
}

/// A gazetteer name found in text. `ids` holds more than one id when the alias is ambiguous.
/// Ids are place ids for `EntryKind::Place`, facility ids for `Facility`, and SCHEMA.md agency
/// codes (`state_security`) for `Agency`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte span in the text given to `find` (`doc.norm`).
    pub span: Span,
    pub kind: EntryKind,
    pub ids: Vec<String>,
    pub form: AliasForm,
}

/// All reference data, ready for matching.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub places: Vec<Place>,
    pub facilities: Vec<Facility>,
    pub facility_types: Vec<FacilityType>,
    pub agencies: Vec<Agency>,
    pub occasions: Vec<Occasion>,
    /// Compiled from the tables above at construction; editing the tables afterwards does not
    /// change what `find` matches.
    matcher: matcher::Matcher,
}

/// The occasions are the time stage's table (data/occasions.tsv, owned by time); the lexicon keeps
/// a copy so that reference tables and holidays come from one place.
fn occasions_from_time() -> Vec<Occasion> {
    crate::time::occasions()
        .iter()
        .map(|o| Occasion {
            id: o.id.clone(),
            name: o.name.clone(),
            aliases: o.aliases.clone(),
            month: o.month,
            day: o.day,
            base_year: o.bases.last().map(|b| b.base_year),
            bases: o
                .bases
                .iter()
                .map(|b| BasePeriod { base_year: b.base_year, month: b.month, day: b.day, valid_from: b.valid_from, valid_to: b.valid_to })
                .collect(),
            sources: o.sources.clone(),
        })
        .collect()
}

static BUILTIN: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::load_builtin().unwrap_or_default()));

impl Lexicon {
    /// The built-in gazetteer (parsed and validated once per process). The data are checked by the
    /// tests; should they ever fail to load, this is an empty lexicon (see `load_builtin`).
    pub fn builtin() -> Arc<Lexicon> {
        Arc::clone(&BUILTIN)
    }

    /// Parses and validates the embedded data files; the error names the file, line and id.
    pub fn load_builtin() -> Result<Lexicon> {
        let mut lex = validate::build(&load::builtin_tables()?)?;
        lex.occasions = occasions_from_time();
        Ok(lex)
    }

    /// The built-in gazetteer with a user's file of extra rows merged over it. The file is UTF-8
    /// text in sections: a line `[places]`, `[facilities]`, `[facility_types]`, `[agencies]`,
    /// `[aliases]` or `[ambiguous]`, then a tab-separated header line with any of that table's
    /// columns (the same as data/*.tsv; `[aliases]` has `table`, `id`, `aliases`), then rows; `#`
    /// starts a comment line. A row whose id exists fills in the columns it gives (`aliases` and
    /// other list columns are appended); a new id adds an entry. Everything is validated again.
    pub fn with_user_file(path: &std::path::Path) -> Result<Lexicon> {
        let text = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { path: path.to_path_buf() },
            _ => Error::Io { path: path.to_path_buf(), source: e },
        })?;
        let text = String::from_utf8(text).map_err(|e| Error::Gazetteer {
            origin: path.display().to_string(),
            message: format!("not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()),
        })?;
        Lexicon::with_user_text(&text, &path.display().to_string())
    }

    /// Like `with_user_file`, from the file's text; `origin` names it in errors.
    pub fn with_user_text(text: &str, origin: &str) -> Result<Lexicon> {
        let mut tables = load::builtin_tables()?;
        load::merge(&mut tables, load::parse_user_file(text, origin)?)?;
        let mut lex = validate::build(&tables)?;
        lex.occasions = occasions_from_time();
        Ok(lex)
    }

    /// Every gazetteer name in `text` (places, facilities, agencies), longest match first at each
    /// position, sorted by start; names inside a longer name are not reported ("Yodok concentration
    /// camp" gives the facility, whose `place_id` is `yodok`). One Aho-Corasick pass over the
    /// folded text: case-insensitive except acronyms (MSS, SPA, WPK), tolerant of "No.14"/"No. 14",
    /// breves, hyphenation listed in the data, "Province"/"province" and possessives. When an alias
    /// is both a place and a facility's place name ("Kaechon"), both hits are returned, same span.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.matcher.find(text)
    }

    /// The hits of one kind.
    pub fn find_kind(&self, text: &str, kind: EntryKind) -> Vec<Hit> {
        let mut hits = self.find(text);
        hits.retain(|h| h.kind == kind);
        hits
    }

    /// The province-level place a place lies in (itself for a province).
    pub fn province_of(&self, place_id: &str) -> Option<&Place> {
        self.place(place_id)?.province_id.as_deref().and_then(|p| self.place(p))
    }

    pub fn facility_type(&self, code: &str) -> Option<&FacilityType> {
        self.facility_types.iter().find(|t| t.code == code)
    }

    /// The name periods of an agency code, oldest first.
    pub fn agency_periods(&self, code: &str) -> Vec<&Agency> {
        let mut out: Vec<&Agency> = self.agencies.iter().filter(|a| a.code == code).collect();
        out.sort_by_key(|a| a.valid_from.unwrap_or(i32::MIN));
        out
    }

    /// The agency codes a written name can mean in `year` (all periods when None, or when no
    /// period of that name is valid that year): "MSS" gives `state_security` in 2017 and both
    /// ministries from 2020. Compared after folding (and with case for acronyms).
    pub fn agency_codes_for(&self, written: &str, year: Option<i32>) -> Vec<String> {
        let key = matcher::fold(written);
        let surface = matcher::alnum(written);
        let named: Vec<&Agency> = self
            .agencies
            .iter()
            .filter(|a| {
                a.aliases.iter().any(|alias| matcher::spellings(alias).contains(&key) && (!matcher::is_acronym(alias) || matcher::alnum(alias) == surface))
            })
            .collect();
        let in_year: Vec<&Agency> = named.iter().copied().filter(|a| year.is_none_or(|y| a.valid_in(y))).collect();
        // Writers keep old names after a rename: with no period valid that year, all periods count.
        let chosen = if in_year.is_empty() { named } else { in_year };
        let mut codes: Vec<String> = chosen.iter().map(|a| a.code.clone()).collect();
        codes.sort();
        codes.dedup();
        codes
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn facility(&self, id: &str) -> Option<&Facility> {
        self.facilities.iter().find(|f| f.id == id)
    }

    pub fn occasion(&self, id: &str) -> Option<&Occasion> {
        self.occasions.iter().find(|o| o.id == id)
    }
}

#[cfg(test)]
mod tests;
