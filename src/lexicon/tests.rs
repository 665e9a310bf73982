//! Tests of the lexicon: the data load and validate, every alias resolves, spelling variants,
//! ambiguity, false positives, the user file, and the reference/holiday batches.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use arrow_array::{Array, Date32Array, Int32Array, StringArray};

use super::tables::{holidays_batch, reference_batch, reference_batch_of, REFERENCE_TABLES};
use super::*;

fn lex() -> Lexicon {
    match Lexicon::load_builtin() {
        Ok(l) => l,
        Err(e) => panic!("built-in data do not load: {e}"),
    }
}

/// (surface, kind, ids) of every hit.
fn found(lex: &Lexicon, text: &str) -> Vec<(String, EntryKind, Vec<String>)> {
    lex.find(text).into_iter().map(|h| (text[h.span.start..h.span.end].to_string(), h.kind, h.ids)).collect()
}

fn hit(lex: &Lexicon, text: &str, kind: EntryKind) -> Vec<(String, Vec<String>)> {
    lex.find_kind(text, kind).into_iter().map(|h| (text[h.span.start..h.span.end].to_string(), h.ids)).collect()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn builtin_data_load_and_validate() {
    let l = lex();
    assert!(l.places.len() > 60, "{}", l.places.len());
    assert!(l.facilities.len() > 25);
    assert!(l.agencies.len() > 25);
    assert!(!Lexicon::builtin().places.is_empty());
    assert!(!l.occasions.is_empty());
    // Gold ids exist with their ISO codes.
    for (id, a1) in [("hoeryong", "KP-09"), ("musan", "KP-09"), ("kaechon", "KP-02"), ("pyongyang", "KP-01"), ("chungsan", "KP-02")] {
        assert_eq!(l.place(id).and_then(|p| p.admin1.as_deref()), Some(a1), "{id}");
    }
    for id in ["dandong", "tumen", "china", "sinuiju", "onsong", "chongjin"] {
        assert!(l.place(id).is_some(), "{id}");
    }
    assert_eq!(l.province_of("jongo_ri").map(|p| p.id.as_str()), Some("north_hamgyong"));
    let k14 = l.facility("kwanliso-14").map(|f| (f.operator.clone(), f.admin1.clone()));
    assert_eq!(k14, Some((Some("state_security".into()), Some("KP-02".into()))));
    assert_eq!(l.facility("kwanliso-18").and_then(|f| f.operator.as_deref()), Some("social_security"));
    assert_eq!(l.facility("kyohwaso-11").and_then(|f| f.place_id.as_deref()), Some("chungsan"));
    assert!(l.facilities.iter().all(|f| !f.sources.is_empty()), "every facility keeps its sources");
    assert!(l.places.iter().all(|p| !p.sources.is_empty()), "every place keeps its sources");
}

#[test]
fn every_alias_resolves_to_its_entry() {
    let l = lex();
    let check = |alias: &str, kind: EntryKind, id: &str| {
        let hits = l.find(alias);
        let len = alias.strip_suffix("'s").unwrap_or(alias).len();
        assert!(
            hits.iter().any(|h| h.kind == kind && h.span.start == 0 && h.span.end == len && h.ids.iter().any(|i| i == id)),
            "alias {alias:?} does not resolve to {kind:?} {id}: {hits:?}"
        );
    };
    for p in &l.places {
        for a in &p.aliases {
            check(a, EntryKind::Place, &p.id);
            check(&format!("{a}'s"), EntryKind::Place, &p.id);
        }
    }
    for f in &l.facilities {
        for a in f.aliases.iter().chain(&f.place_aliases) {
            check(a, EntryKind::Facility, &f.id);
        }
        if let Some(n) = &f.number {
            check(&format!("No. {n}"), EntryKind::Facility, &f.id);
            for t in l.facility_types.iter().filter(|t| t.code == f.facility_type) {
                for pattern in &t.number_names {
                    check(&pattern.replace("{n}", n), EntryKind::Facility, &f.id);
                }
            }
        }
    }
    for a in &l.agencies {
        for alias in &a.aliases {
            check(alias, EntryKind::Agency, &a.code);
        }
    }
}

#[test]
fn spelling_variants_of_this_press() {
    let l = lex();
    for text in [
        "a source in North Hamgyong Province said",
        "a source in North Hamgyong province said",
        "residents of North Hamkyung Province",
        "in Hamgyeongbuk-do",
        "NORTH HAMGYONG",
        "North Hamgyung",
    ] {
        assert_eq!(hit(&l, text, EntryKind::Place).first().map(|h| h.1.clone()), Some(ids(&["north_hamgyong"])), "{text}");
    }
    for text in ["South Pyongan Province", "South Phyongan", "South P'yŏngan", "Pyongannam-do"] {
        assert_eq!(hit(&l, text, EntryKind::Place).first().map(|h| h.1.clone()), Some(ids(&["south_pyongan"])), "{text}");
    }
    for text in ["Ryanggang Province", "Yanggang Province", "Yangkang"] {
        assert_eq!(hit(&l, text, EntryKind::Place).first().map(|h| h.1.clone()), Some(ids(&["ryanggang"])), "{text}");
    }
    // Possessives, hyphenated compounds, whole-word checks.
    let text = "Hoeryong's market and a Hyesan-based trader; Hoeryongs is not a word.";
    assert_eq!(hit(&l, text, EntryKind::Place), vec![("Hoeryong".into(), ids(&["hoeryong"])), ("Hyesan".into(), ids(&["hyesan"]))]);
    // Camp numbers in every writing.
    for text in [
        "Camp 14",
        "Camp No. 14",
        "camp No.14",
        "Kwanliso No. 14",
        "kwan-li-so No. 14",
        "No. 14 political prison camp",
        "Kwalliso 14",
        "political prison camp No. 14",
    ] {
        let h = hit(&l, text, EntryKind::Facility);
        assert_eq!(h, vec![(text.to_string(), ids(&["kwanliso-14"]))], "{text}");
    }
    for text in ["Kyohwaso No. 1", "kyo-hwa-so No. 1", "kyohwaso No.1", "No. 1 Kyohwaso", "Re-education Camp No. 1", "reeducation camp No. 1"] {
        assert_eq!(hit(&l, text, EntryKind::Facility), vec![(text.to_string(), ids(&["kyohwaso-1"]))], "{text}");
    }
    // A number that is no camp's: no hit, and "No. 1" is not found inside "No. 14".
    // Kyohwaso No. 13 does not exist: only the bare number (a Number-form hit of Kwanliso No. 13).
    let h = l.find("Kyohwaso No. 13");
    assert_eq!(h.iter().map(|h| (h.form, h.ids.clone())).collect::<Vec<_>>(), vec![(AliasForm::Number, ids(&["kwanliso-13"]))]);
    let h = hit(&l, "prisoners at Kwanliso No. 14 and No. 15 in 2014", EntryKind::Facility);
    assert_eq!(h, vec![("Kwanliso No. 14".into(), ids(&["kwanliso-14"])), ("No. 15".into(), ids(&["kwanliso-15"]))]);
    // Agencies with the straight apostrophe of doc.norm and possessives.
    let h = hit(&l, "the Ministry of People's Security's prisons and the Ministry of Social Security", EntryKind::Agency);
    assert_eq!(h, vec![("Ministry of People's Security".into(), ids(&["social_security"])), ("Ministry of Social Security".into(), ids(&["social_security"]))]);
    assert_eq!(hit(&l, "Bowibu agents", EntryKind::Agency), vec![("Bowibu".into(), ids(&["state_security"]))]);
    assert_eq!(hit(&l, "the Presidium of the Supreme People's Assembly issued", EntryKind::Agency).len(), 1);
}

#[test]
fn seed_sentences() {
    let l = lex();
    let text = "Dozens of inmates in the city of Hoeryong in North Hamgyong Province were released early, along with prisoners at the Ministry of Social Security's political prisons.";
    let got = found(&l, text);
    assert_eq!(
        got,
        vec![
            ("Hoeryong".into(), EntryKind::Place, ids(&["hoeryong"])),
            ("North Hamgyong Province".into(), EntryKind::Place, ids(&["north_hamgyong"])),
            ("Ministry of Social Security".into(), EntryKind::Agency, ids(&["social_security"])),
        ]
    );
    let text = "images of two of the \"kwanliso\" camps, kwanliso 15 (also known as Yodok) and kwanliso 25";
    let h = hit(&l, text, EntryKind::Facility);
    assert_eq!(h.first(), Some(&("kwanliso 15".to_string(), ids(&["kwanliso-15"]))));
    assert_eq!(h.last(), Some(&("kwanliso 25".to_string(), ids(&["kwanliso-25"]))));
    let text = "China repatriated about 200 people through Dandong and Tumen, turning them over to North Korea's Ministry of State Security";
    let h = hit(&l, text, EntryKind::Place);
    assert_eq!(h.first(), Some(&("China".to_string(), ids(&["china"]))));
    assert_eq!(h.get(1), Some(&("Dandong".to_string(), ids(&["dandong"]))));
    assert_eq!(h.get(2), Some(&("Tumen".to_string(), ids(&["tumen", "tumen_river"]))));
}

#[test]
fn ambiguity_is_reported_with_all_ids() {
    let l = lex();
    let got = l.find("He was sent to Kaechon.");
    let place = got.iter().find(|h| h.kind == EntryKind::Place).map(|h| h.ids.clone());
    let facility = got.iter().find(|h| h.kind == EntryKind::Facility).map(|h| (h.ids.clone(), h.form));
    assert_eq!(place, Some(ids(&["kaechon"])));
    assert_eq!(facility, Some((ids(&["kwanliso-14", "kyohwaso-1"]), AliasForm::PlaceName)));
    assert_eq!(hit(&l, "Camp 12", EntryKind::Facility), vec![("Camp 12".into(), ids(&["kwanliso-12", "kyohwaso-12"]))]);
    assert_eq!(hit(&l, "No. 22", EntryKind::Facility), vec![("No. 22".into(), ids(&["kwanliso-22", "kyohwaso-22", "kyoyangso-22-orang"]))]);
    assert_eq!(l.find("No. 22").first().map(|h| h.form), Some(AliasForm::Number));
    assert_eq!(hit(&l, "Kyohwaso No. 12", EntryKind::Facility), vec![("Kyohwaso No. 12".into(), ids(&["kyohwaso-12"]))]);
    // MSS: one hit, both codes; the year narrows it.
    assert_eq!(hit(&l, "the MSS said", EntryKind::Agency), vec![("MSS".into(), ids(&["social_security", "state_security"]))]);
    assert_eq!(l.agency_codes_for("MSS", Some(2017)), ids(&["state_security"]));
    assert_eq!(l.agency_codes_for("MSS", Some(2021)), ids(&["social_security", "state_security"]));
    assert_eq!(l.agency_codes_for("Ministry of People's Security", Some(2021)), ids(&["social_security"]));
    assert_eq!(l.agency_codes_for("Ministry of Silly Walks", None), Vec::<String>::new());
    assert_eq!(l.agency_codes_for("Ministry of People's Security", Some(2012)), ids(&["social_security"]));
    assert_eq!(l.find("police officers").first().map(|h| (h.ids.clone(), h.form)), Some((ids(&["social_security"]), AliasForm::Generic)));
}

#[test]
fn acronyms_are_case_sensitive_and_false_friends_do_not_match() {
    let l = lex();
    assert!(hit(&l, "a spa resort, the mss of a book", EntryKind::Agency).is_empty());
    assert_eq!(hit(&l, "the SPA and the WPK", EntryKind::Agency).len(), 2);
    assert!(l.find("The Hwasong-17 missile was launched").is_empty());
    assert!(l.find("Gangwon Province and Suncheon are in the south").is_empty());
    assert_eq!(hit(&l, "Musan-ri village", EntryKind::Place), vec![("Musan-ri".into(), ids(&["musan_ri"]))]);
    assert_eq!(hit(&l, "Musan County", EntryKind::Place), vec![("Musan County".into(), ids(&["musan"]))]);
    assert!(l.find("").is_empty());
    assert!(l.find("ŏŭ — \u{306} 평양 ...").is_empty());
    let _ = l.find("No.\u{306}14 Ka\u{301}echon");
}

#[test]
fn user_file_merges_and_reports_bad_rows() {
    let file = "# extra entries\n[places]\nid\tname\tkind\tprovince_id\tadmin1\taliases\tsources\n\
                undok\tUndok\tcounty\tnorth_hamgyong\tKP-09\tUndok; Undok County\thttps://example.org/undok\n\
                hoeryong\t\t\t\t\tHoeryong-si\t\n\
                [aliases]\ntable\tid\taliases\nfacilities\tkwanliso-16\tMyonggan political prison camp\n";
    let l = match Lexicon::with_user_text(file, "user.tsv") {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(hit(&l, "Undok County", EntryKind::Place), vec![("Undok County".into(), ids(&["undok"]))]);
    assert_eq!(hit(&l, "Hoeryong-si", EntryKind::Place), vec![("Hoeryong-si".into(), ids(&["hoeryong"]))]);
    assert_eq!(l.place("hoeryong").map(|p| p.name.as_str()), Some("Hoeryong"), "empty cells keep built-in values");
    assert_eq!(hit(&l, "Myonggan political prison camp", EntryKind::Facility).first().map(|h| h.1.clone()), Some(ids(&["kwanliso-16"])));
    assert!(!l.occasions.is_empty());

    let bad = |text: &str, expect: &str| match Lexicon::with_user_text(text, "user.tsv") {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("user.tsv") && msg.contains(expect), "{msg}");
        }
    };
    bad("[places]\nid\tname\tkind\tprovince_id\tadmin1\nx\tX\tcounty\tnowhere\tKP-09\n", "line 3 (id 'x'): unknown province_id 'nowhere'");
    bad("[places]\nid\tname\tkind\tprovince_id\tadmin1\nx\tX\tcounty\tnorth_hamgyong\tKP-11\n", "admin1 'KP-11'");
    bad("[places]\nid\tname\tkind\tprovinc\nx\tX\tcounty\tnorth_hamgyong\n", "unknown column 'provinc'");
    bad("id\tname\nx\tX\n", "line 1: rows must follow a section");
    bad("[prisons]\n", "unknown section [prisons]");
    bad("[facilities]\nid\tfacility_type\tname\tplace_id\nkyohwaso-99\tkyohwaso\tX\tatlantis\n", "unknown place_id 'atlantis'");
    bad("[facilities]\nid\tfacility_type\tname\nx-1\tgulag\tX\n", "facility_type 'gulag'");
    bad("[facilities]\nid\tfacility_type\tname\toperator\nx-1\tprison\tX\tnkvd\n", "operator 'nkvd'");
    bad("[places]\nid\tname\tkind\taliases\nx\tX\tcountry\tHoeryong\n", "line 3 (id 'x'): alias 'Hoeryong'");
    bad("[places]\nid\tname\tkind\nx\tX\tcountry\nx\tY\tcountry\n", "duplicate id");
    bad("[aliases]\ntable\tid\taliases\nplaces\tatlantis\tAtlantis\n", "no places entry has the id 'atlantis'");
    bad("[places]\nid\tname\tkind\nx\tX\n", "line 3");
    bad("[agencies]\nid\tcode\tname\tvalid_from\tvalid_to\nx\tpolice\tX\t2000\t1990\n", "code 'police'");
    assert!(matches!(Lexicon::with_user_file(std::path::Path::new("/nonexistent/gaz.tsv")), Err(Error::NotFound { .. })));
}

#[test]
fn reference_batches() {
    let l = lex();
    for name in REFERENCE_TABLES {
        let batch = match reference_batch(name) {
            Ok(b) => b,
            Err(e) => panic!("{name}: {e}"),
        };
        assert!(batch.num_rows() > 0, "{name}");
    }
    let places = reference_batch_of(&l, "places").map_err(|e| e.to_string());
    assert_eq!(places.map(|b| b.num_rows()), Ok(l.places.len()));
    assert!(reference_batch("prisons").is_err());
}

fn holiday(batch: &arrow_array::RecordBatch, occasion: &str, year: i32) -> Option<(i32, Option<i32>)> {
    let occ = batch.column_by_name("occasion")?.as_any().downcast_ref::<StringArray>()?;
    let years = batch.column_by_name("year")?.as_any().downcast_ref::<Int32Array>()?;
    let dates = batch.column_by_name("date")?.as_any().downcast_ref::<Date32Array>()?;
    let ann = batch.column_by_name("anniversary")?.as_any().downcast_ref::<Int32Array>()?;
    (0..batch.num_rows()).find(|&i| occ.value(i) == occasion && years.value(i) == year).map(|i| (dates.value(i), (!ann.is_null(i)).then(|| ann.value(i))))
}

fn days(y: i32, m: u32, d: u32) -> i32 {
    crate::time::Date::new(y, m, d).map(crate::time::Date::to_epoch_days).unwrap_or(i32::MIN)
}

#[test]
fn holidays_and_a_join_with_events() {
    let l = lex();
    let batch = match holidays_batch(&l, 2000, 2025) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(batch.num_rows(), l.occasions.len() * 26);
    assert_eq!(holiday(&batch, "party_founding_day", 2015), Some((days(2015, 10, 10), Some(70))));
    assert_eq!(holiday(&batch, "kim_il_sung_birthday", 2012), Some((days(2012, 4, 15), Some(100))));
    // The army's founding day: April 25 (base 1932) until 2017, February 8 (base 1948) from 2018.
    assert_eq!(holiday(&batch, "army_founding_day", 2017), Some((days(2017, 4, 25), Some(85))));
    assert_eq!(holiday(&batch, "army_founding_day", 2018), Some((days(2018, 2, 8), Some(70))));
    assert_eq!(holiday(&batch, "kim_jong_un_birthday", 2020).map(|h| h.1), Some(None));

    // Join: amnesty events (occasion, year) x holidays -> which fell on a 5th or 10th anniversary.
    let amnesties = [
        ("party_founding_day", 2015),
        ("kim_jong_il_birthday", 2012),
        ("republic_founding_day", 2018),
        ("kim_jong_un_birthday", 2012),
        ("kim_il_sung_birthday", 2019),
    ];
    let round: Vec<(&str, i32, i32)> = amnesties
        .iter()
        .filter_map(|&(occ, year)| holiday(&batch, occ, year).and_then(|(_, n)| n).map(|n| (occ, year, n)))
        .filter(|(_, _, n)| n % 5 == 0)
        .collect();
    assert_eq!(round, vec![("party_founding_day", 2015, 70), ("kim_jong_il_birthday", 2012, 70), ("republic_founding_day", 2018, 70)]);
    assert!(holidays_batch(&l, 2020, 2010).is_err());
}
