//! The vocabulary of facility references, as data: English descriptions, romanised Korean terms,
//! bare head nouns, operator (agency) phrases, foreign modifiers and context cues. Rules in
//! `detect.rs` and `link.rs` read these tables; adding a spelling is a one-line change here.
//!
//! Phrase syntax (compiled by [`phrase_regex`]): words are lower case; a space matches one or more
//! spaces or hyphens, a hyphen matches an optional space or hyphen ("re-education" also matches
//! "reeducation" and "re education"), `labor` also matches `labour`, `center` also matches
//! `centre`; the last word takes an optional plural ending.

/// What noun heads a reference: anaphora ("the camp", "these facilities") agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Head {
    Camp,
    Prison,
    Center,
    Facility,
    /// A romanised Korean term (`kwanliso`, `kyohwaso`): behaves like "camp".
    Native,
}

/// How much a term says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Always a facility reference ("re-education camp", "holding center", "kyohwaso").
    Strong,
    /// A facility reference only when something licenses it: a number, a place, a count, an
    /// operator, a plural (for prisons), a bracketed native term; after a determiner it is an
    /// anaphor. "prison" in "once out of prison" or "prison guards" is not a row.
    Weak,
}

#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub phrase: &'static str,
    /// SCHEMA.md facility type code.
    pub facility_type: &'static str,
    pub head: Head,
    pub strength: Strength,
}

const fn strong(phrase: &'static str, facility_type: &'static str, head: Head) -> Term {
    Term { phrase, facility_type, head, strength: Strength::Strong }
}

const fn weak(phrase: &'static str, facility_type: &'static str, head: Head) -> Term {
    Term { phrase, facility_type, head, strength: Strength::Weak }
}

/// English descriptions and romanisations. Order does not matter: longer phrases win at the same
/// position (the matcher sorts them by length).
pub const TERMS: &[Term] = &[
    // kwanliso: political prison camps of State Security
    strong("political prison camp", "kwanliso", Head::Camp),
    strong("political prisoner camp", "kwanliso", Head::Camp),
    strong("political prisoners camp", "kwanliso", Head::Camp),
    strong("political detention camp", "kwanliso", Head::Camp),
    strong("political concentration camp", "kwanliso", Head::Camp),
    strong("political labor camp", "kwanliso", Head::Camp),
    strong("political penal labor colony", "kwanliso", Head::Camp),
    strong("penal labor colony", "kwanliso", Head::Camp),
    strong("political prison", "kwanliso", Head::Prison),
    strong("total control zone", "kwanliso", Head::Camp),
    strong("total-control zone", "kwanliso", Head::Camp),
    strong("revolutionizing zone", "kwanliso", Head::Camp),
    strong("revolutionising zone", "kwanliso", Head::Camp),
    strong("revolutionary zone", "kwanliso", Head::Camp),
    strong("internment camp", "kwanliso", Head::Camp),
    strong("concentration camp", "kwanliso", Head::Camp),
    strong("gulag", "kwanliso", Head::Camp),
    // kyohwaso: long-term prisons of the police (Social Security)
    strong("re-education camp", "kyohwaso", Head::Camp),
    strong("re-education center", "kyohwaso", Head::Center),
    strong("re-education facility", "kyohwaso", Head::Facility),
    strong("re-education prison", "kyohwaso", Head::Prison),
    strong("re-education through labor camp", "kyohwaso", Head::Camp),
    strong("reform-through-labor camp", "kyohwaso", Head::Camp),
    strong("reform through labor camp", "kyohwaso", Head::Camp),
    strong("correctional labor camp", "kyohwaso", Head::Camp),
    strong("correctional center", "kyohwaso", Head::Center),
    strong("correctional facility", "kyohwaso", Head::Facility),
    strong("correctional institution", "kyohwaso", Head::Facility),
    strong("correctional camp", "kyohwaso", Head::Camp),
    strong("long-term prison", "kyohwaso", Head::Prison),
    strong("long-term labor camp", "kyohwaso", Head::Camp),
    strong("long-term prison labor camp", "kyohwaso", Head::Camp),
    strong("long-term prison labor facility", "kyohwaso", Head::Facility),
    strong("penitentiary", "kyohwaso", Head::Prison),
    strong("reformatory", "kyohwaso", Head::Prison),
    strong("reform institution", "kyohwaso", Head::Facility),
    // "labor camp" is this press's word for kyohwaso-like camps; the State Security's "forced
    // labor camps" keep the type but get their own row through the operator.
    strong("labor camp", "kyohwaso", Head::Camp),
    strong("forced labor camp", "kyohwaso", Head::Camp),
    strong("hard labor camp", "kyohwaso", Head::Camp),
    strong("prison labor camp", "kyohwaso", Head::Camp),
    // rodong danryeondae: short-term labor-training camps
    strong("labor-training camp", "rodong_danryeondae", Head::Camp),
    strong("labor-training center", "rodong_danryeondae", Head::Center),
    strong("labor-training unit", "rodong_danryeondae", Head::Camp),
    strong("labor-training brigade", "rodong_danryeondae", Head::Camp),
    strong("labor-training facility", "rodong_danryeondae", Head::Facility),
    strong("labor brigade", "rodong_danryeondae", Head::Camp),
    strong("short-term labor camp", "rodong_danryeondae", Head::Camp),
    strong("short-term forced labor center", "rodong_danryeondae", Head::Center),
    strong("short-term detention facility", "rodong_danryeondae", Head::Facility),
    // jipkyulso: holding centers
    strong("holding center", "jipkyulso", Head::Center),
    strong("holding facility", "jipkyulso", Head::Facility),
    strong("collection center", "jipkyulso", Head::Center),
    strong("gathering center", "jipkyulso", Head::Center),
    strong("provincial detention center", "jipkyulso", Head::Center),
    // kuryujang: pre-trial detention of the police or State Security
    strong("detention center", "kuryujang", Head::Center),
    strong("pre-trial detention center", "kuryujang", Head::Center),
    strong("pretrial detention center", "kuryujang", Head::Center),
    strong("pre-trial detention facility", "kuryujang", Head::Facility),
    strong("interrogation facility", "kuryujang", Head::Facility),
    strong("interrogation center", "kuryujang", Head::Center),
    strong("police detention center", "kuryujang", Head::Center),
    strong("police detention facility", "kuryujang", Head::Facility),
    strong("police detention", "kuryujang", Head::Center),
    strong("police jail", "kuryujang", Head::Prison),
    strong("police holding cell", "kuryujang", Head::Center),
    strong("holding cell", "kuryujang", Head::Center),
    strong("detention cell", "kuryujang", Head::Center),
    // other known kinds
    strong("labor education center", "other", Head::Center),
    strong("labor education camp", "other", Head::Camp),
    strong("labor reform center", "other", Head::Center),
    strong("waiting room", "other", Head::Center),
    // unstated kind
    strong("detention facility", "prison", Head::Facility),
    strong("detention camp", "prison", Head::Camp),
    strong("prison camp", "prison", Head::Camp),
    strong("prison facility", "prison", Head::Facility),
    weak("prison", "prison", Head::Prison),
    weak("jail", "prison", Head::Prison),
    weak("gaol", "prison", Head::Prison),
    weak("camp", "prison", Head::Camp),
    weak("facility", "prison", Head::Facility),
    weak("compound", "prison", Head::Facility),
    weak("center", "prison", Head::Center),
];

/// Romanised Korean terms: they type a reference on their own and, in brackets after an English
/// description ("re-education camps [kyohwaso]"), override its type.
pub const NATIVE_TERMS: &[(&str, &str)] = &[
    ("kwanliso", "kwanliso"),
    ("kwalliso", "kwanliso"),
    ("kwan-li-so", "kwanliso"),
    ("kwan-ri-so", "kwanliso"),
    ("kwanriso", "kwanliso"),
    ("gwalliso", "kwanliso"),
    ("gwanliso", "kwanliso"),
    ("gwan-li-so", "kwanliso"),
    ("jeongchibeom suyongso", "kwanliso"),
    ("chongchibom suyongso", "kwanliso"),
    ("kyohwaso", "kyohwaso"),
    ("kyo-hwa-so", "kyohwaso"),
    ("gyohwaso", "kyohwaso"),
    ("gyo-hwa-so", "kyohwaso"),
    ("gyowhaso", "kyohwaso"),
    ("kyowhaso", "kyohwaso"),
    ("kyohwa-so", "kyohwaso"),
    ("rodong danryeondae", "rodong_danryeondae"),
    ("nodong danryeondae", "rodong_danryeondae"),
    ("rodong dallyeondae", "rodong_danryeondae"),
    ("nodong dallyeondae", "rodong_danryeondae"),
    ("rodong danryondae", "rodong_danryeondae"),
    ("nodong danryundae", "rodong_danryeondae"),
    ("ro-dong-dan-ryeon-dae", "rodong_danryeondae"),
    ("danryeondae", "rodong_danryeondae"),
    ("jipkyulso", "jipkyulso"),
    ("jipgyeolso", "jipkyulso"),
    ("jip-kyul-so", "jipkyulso"),
    ("chipkyolso", "jipkyulso"),
    ("jipkyolso", "jipkyulso"),
    ("kuryujang", "kuryujang"),
    ("guryujang", "kuryujang"),
    ("ku-ryu-jang", "kuryujang"),
    ("kyoyangso", "other"),
    ("gyoyangso", "other"),
    ("daegisil", "other"),
];

/// Operator used when the text names none and no gazetteer facility is linked
/// (facility_types.tsv `operator`; kuryujang and unstated prisons have none).
pub const TYPE_OPERATORS: &[(&str, &str)] =
    &[("kwanliso", "state_security"), ("kyohwaso", "social_security"), ("rodong_danryeondae", "social_security"), ("jipkyulso", "social_security")];

/// Agency names as they appear next to facilities, with their SCHEMA.md code. Matched
/// case-insensitively on ASCII word boundaries; longer phrases win.
pub const AGENCIES: &[(&str, &str)] = &[
    ("ministry of state security", "state_security"),
    ("state security ministry", "state_security"),
    ("state security department", "state_security"),
    ("state security agency", "state_security"),
    ("state political security department", "state_security"),
    ("ministry for protection of state security", "state_security"),
    ("ministry for the protection of state security", "state_security"),
    ("ministry for the protection of the state", "state_security"),
    ("national security agency", "state_security"),
    ("state security", "state_security"),
    ("bowibu", "state_security"),
    ("bowiseong", "state_security"),
    ("bowisong", "state_security"),
    ("secret police", "state_security"),
    ("mss", "state_security"),
    ("ssd", "state_security"),
    ("ministry of social security", "social_security"),
    ("social security ministry", "social_security"),
    ("ministry of people's security", "social_security"),
    ("people's security ministry", "social_security"),
    ("people's security department", "social_security"),
    ("people's security agency", "social_security"),
    ("ministry of public security", "social_security"),
    ("ministry of people's safety", "social_security"),
    ("people's safety ministry", "social_security"),
    ("people's safety agency", "social_security"),
    ("social safety ministry", "social_security"),
    ("social security", "social_security"),
    ("people's security", "social_security"),
    ("police", "social_security"),
    ("anjeonbu", "social_security"),
    ("anjeonseong", "social_security"),
    ("boanseo", "social_security"),
    ("boanbu", "social_security"),
    ("boanseong", "social_security"),
    ("mps", "social_security"),
    ("psm", "social_security"),
    ("korean people's army", "korean_peoples_army"),
];

/// Words that point back to the last agency named ("the ministry's holding centers", "its camps").
pub const AGENCY_ANAPHORS: &[&str] = &["the ministry", "the ministry's", "its", "their", "the agency's", "the agency"];

/// Modifiers that make a facility not North Korean ("Chinese prisons", "a Russian labor camp").
pub const FOREIGN_MODIFIERS: &[&str] = &[
    "chinese",
    "china's",
    "china",
    "south korean",
    "south korea's",
    "japanese",
    "japan's",
    "russian",
    "russia's",
    "soviet",
    "nazi",
    "american",
    "u.s.",
    "vietnamese",
    "laotian",
    "thai",
    "mongolian",
    "german",
    "cuban",
    "guantanamo",
    "chinese-run",
    "foreign",
];

/// Places after "in" that make a facility not North Korean ("a detention center in China").
pub const FOREIGN_PLACES: &[&str] = &[
    "china",
    "russia",
    "south korea",
    "seoul",
    "japan",
    "vietnam",
    "laos",
    "thailand",
    "mongolia",
    "the united states",
    "the u.s.",
    "dandong",
    "shenyang",
    "yanji",
    "tumen city",
    "beijing",
];

/// Determiners that make a bare head ("the camp", "these facilities") an anaphor.
pub const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "each", "every", "such", "its", "their", "his", "her", "same"];

/// Modifiers that make a weak head something other than a place of detention ("refugee camp",
/// "the nuclear facility", "the city center").
pub const NOT_PENAL_MODIFIERS: &[&str] = &[
    "refugee",
    "refugees",
    "summer",
    "military",
    "army",
    "training",
    "boot",
    "base",
    "holiday",
    "youth",
    "children's",
    "scout",
    "tent",
    "migrant",
    "displacement",
    "nuclear",
    "missile",
    "enrichment",
    "medical",
    "storage",
    "sports",
    "port",
    "production",
    "industrial",
    "research",
    "test",
    "testing",
    "launch",
    "shopping",
    "business",
    "data",
    "call",
    "health",
    "cultural",
    "community",
    "press",
    "media",
    "service",
    "distribution",
    "logistics",
    "power",
    "water",
    "customs",
    "quarantine",
    "isolation",
    "rival",
    "political",
    "opposing",
    "party",
    "apartment",
    "residential",
];

/// Indefinite determiners: "a political prison camp" is a class (or an unnamed one), not a link.
pub const INDEFINITES: &[&str] = &["a", "an", "any", "another", "some", "one"];

/// Words that may stand between a count and the term ("five major political prison camps").
pub const COUNT_FILLERS: &[&str] = &[
    "major",
    "known",
    "large",
    "big",
    "small",
    "main",
    "notorious",
    "infamous",
    "remaining",
    "active",
    "operational",
    "provincial",
    "nationwide",
    "local",
    "other",
    "separate",
    "such",
    "different",
    "new",
    "existing",
    "more",
    "of",
    "the",
    "\"",
    "'",
];

/// Words after a number that show it is not a camp number ("camp 15 years", "prison 20 people").
pub const NOT_CAMP_NUMBER_NEXT: &[&str] = &[
    "years",
    "year",
    "months",
    "month",
    "days",
    "people",
    "inmates",
    "prisoners",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "percent",
    "%",
    "times",
    "hours",
    "minutes",
    "of",
];

/// Cues in the sentences of an ambiguous reference that favour one facility type ("released from
/// the Kaechon prison camp after a year" is the kyohwaso, "sent to Kaechon for life" the kwanliso).
pub const TYPE_CUES: &[(&str, &str)] = &[
    ("political", "kwanliso"),
    ("total control", "kwanliso"),
    ("guilt by association", "kwanliso"),
    ("guilt-by-association", "kwanliso"),
    ("for life", "kwanliso"),
    ("life sentence", "kwanliso"),
    ("three generations", "kwanliso"),
    ("never released", "kwanliso"),
    ("never be released", "kwanliso"),
    ("internment", "kwanliso"),
    ("kwanliso", "kwanliso"),
    ("re-education", "kyohwaso"),
    ("reeducation", "kyohwaso"),
    ("kyohwaso", "kyohwaso"),
    ("penitentiary", "kyohwaso"),
    ("released", "kyohwaso"),
    ("release", "kyohwaso"),
    ("amnesty", "kyohwaso"),
    ("pardon", "kyohwaso"),
    ("pardoned", "kyohwaso"),
    ("sentenced to", "kyohwaso"),
    ("sentence reduction", "kyohwaso"),
    ("serving", "kyohwaso"),
];

/// Compiles a phrase of [`TERMS`] / [`NATIVE_TERMS`] / [`AGENCIES`] to a regex fragment.
pub fn phrase_regex(phrase: &str, plural: bool) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(r"[\s\-]+");
        }
        let last = i + 1 == words.len();
        let parts: Vec<&str> = word.split('-').collect();
        for (j, part) in parts.iter().enumerate() {
            if j > 0 {
                out.push_str(r"[\s\-]?");
            }
            let last_part = last && j + 1 == parts.len();
            out.push_str(&word_regex(part, plural && last_part));
        }
    }
    out
}

fn word_regex(word: &str, plural: bool) -> String {
    let base = match word {
        "labor" => return plural_of("labou?r", plural),
        "center" => return if plural { "cent(?:er|re)s?".into() } else { "cent(?:er|re)".into() },
        "revolutionizing" => return "revolutioni[sz]ing".into(),
        _ => word,
    };
    if plural {
        if let Some(stem) = base.strip_suffix('y') {
            return format!("{}(?:y|ies)", regex::escape(stem));
        }
        if base.ends_with('s') {
            return format!("{}(?:es)?", regex::escape(base));
        }
        return format!("{}s?", regex::escape(base));
    }
    regex::escape(base)
}

fn plural_of(pattern: &str, plural: bool) -> String {
    if plural {
        format!("{pattern}s?")
    } else {
        pattern.to_string()
    }
}

/// The default operator of a facility type.
pub fn type_operator(facility_type: &str) -> Option<&'static str> {
    TYPE_OPERATORS.iter().find(|(t, _)| *t == facility_type).map(|(_, op)| *op)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn phrases_cover_spelling_variants() {
        let re = regex::Regex::new(&format!("(?i-u)^{}$", phrase_regex("re-education camp", true))).unwrap();
        for s in ["re-education camps", "reeducation camp", "Re-Education Camps", "re education camp"] {
            assert!(re.is_match(s), "{s}");
        }
        let re = regex::Regex::new(&format!("(?i-u)^{}$", phrase_regex("labor-training center", true))).unwrap();
        assert!(re.is_match("labour training centres"));
        let re = regex::Regex::new(&format!("(?i-u)^{}$", phrase_regex("penitentiary", true))).unwrap();
        assert!(re.is_match("penitentiaries"));
        let re = regex::Regex::new(&format!("(?i-u)^{}$", phrase_regex("kwan-li-so", false))).unwrap();
        assert!(re.is_match("kwanliso") && re.is_match("Kwan-li-so"));
    }

    #[test]
    fn every_type_is_a_schema_code() {
        let codes = ["kwanliso", "kyohwaso", "rodong_danryeondae", "jipkyulso", "kuryujang", "prison", "other"];
        assert!(TERMS.iter().all(|t| codes.contains(&t.facility_type)));
        assert!(NATIVE_TERMS.iter().all(|(_, t)| codes.contains(t)));
    }
}
