//! Table-driven tests of the time stage: sentences written for these tests in the styles of the
//! outlets this press covers (Daily NK, UPI, Yonhap, NK News, RFA, AP, KCNA/Xinhua), plus the
//! dated expressions of the seed and dev articles.
//!
//! Each case: (text, publication date or "", phrase, expected value or "-" for none, expected
//! basis or "" for none, expected occasion or "" for none/unchecked). Durations write their
//! months as "D:min..max" ("D:61.." for an open maximum). The phrase must be exactly the span of
//! an expression, or lie inside one.

use super::*;

type Case = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

const CASES: &[Case] = &[
    // --- month-day forms, undated ---
    ("Prisoners were released on Apr. 15.", "", "Apr. 15", "XXXX-04-15", "", ""),
    ("The decree took effect April 15, officials said.", "", "April 15", "XXXX-04-15", "", ""),
    ("They were freed on 15 April.", "", "15 April", "XXXX-04-15", "", ""),
    ("The release took place Oct. 8-9 across the country.", "", "Oct. 8-9", "XXXX-10-08/XXXX-10-09", "", ""),
    ("The release took place on October 8, 9 in the provinces.", "", "October 8, 9", "XXXX-10-08/XXXX-10-09", "", ""),
    ("Inmates left from Oct. 8 to Oct. 9 in small groups.", "", "from Oct. 8 to Oct. 9", "XXXX-10-08/XXXX-10-09", "", ""),
    ("Selections were made between early October and mid-December.", "", "between early October and mid-December", "XXXX-10-01/XXXX-12-20", "", ""),
    ("The crackdown began in early April.", "", "early April", "XXXX-04-01/XXXX-04-10", "", ""),
    ("The crackdown began in mid-April.", "", "mid-April", "XXXX-04-11/XXXX-04-20", "", ""),
    ("The crackdown began in late April.", "", "late April", "XXXX-04-21/XXXX-04-30", "", ""),
    ("The crackdown began in late February.", "", "late February", "XXXX-02-21/XXXX-02-28", "", ""),
    ("He was arrested in February.", "", "February", "XXXX-02", "", ""),
    ("The camp was expanded in September.", "", "September", "XXXX-09", "", ""),
    ("Officials met on Jan. 3 to review the list.", "", "Jan. 3", "XXXX-01-03", "", ""),
    ("The defectors were caught on Sept. 9 near the river.", "", "Sept. 9", "XXXX-09-09", "", ""),
    ("The defectors were caught on Sep. 9 near the river.", "", "Sep. 9", "XXXX-09-09", "", ""),
    ("The inspection ended Dec. 20th, a source said.", "", "Dec. 20th", "XXXX-12-20", "", ""),
    ("Public executions were held in mid-December at the stadium.", "", "mid-December", "XXXX-12-11/XXXX-12-20", "", ""),
    ("The order came at the end of March.", "", "the end of March", "XXXX-03-21/XXXX-03-31", "", ""),
    ("The order came at the beginning of January.", "", "the beginning of January", "XXXX-01-01/XXXX-01-10", "", ""),
    ("Arrests rose in the first half of June.", "", "the first half of June", "XXXX-06-01/XXXX-06-15", "", ""),
    ("The families were exiled on Nov. 2 and 3.", "", "Nov. 2 and 3", "XXXX-11-02/XXXX-11-03", "", ""),
    // --- written years ---
    ("Pardons were issued in 2015, sources said.", "", "2015", "2015", "explicit", ""),
    ("Public executions have been banned since 2000.", "", "2000", "2000", "explicit", ""),
    ("The year 2012 marked a turning point.", "", "2012", "2012", "explicit", ""),
    ("The report (2014) described the camps.", "", "(2014)", "2014", "explicit", ""),
    ("The camp held 2015 prisoners.", "", "2015", "-", "", ""),
    ("He was sent to camp No. 2015 in the north.", "", "2015", "-", "", ""),
    ("About 7,000 prisoners were freed.", "", "7,000", "-", "", ""),
    ("The amnesty was decreed on Jan. 10, 2012 by the SPA.", "", "Jan. 10, 2012", "2012-01-10", "explicit", ""),
    ("Kim visited the camp in October 2015.", "", "October 2015", "2015-10", "explicit", ""),
    ("He had transferred money since February of 2018.", "", "February of 2018", "2018-02", "explicit", ""),
    ("The report was filed 2015-10-14 in Seoul.", "", "2015-10-14", "2015-10-14", "explicit", ""),
    ("13:34, January 10, 2012\n\nThe DPRK will grant amnesty.", "", "13:34, January 10, 2012", "2012-01-10", "explicit", ""),
    ("The purge started in late 2011.", "", "late 2011", "2011", "explicit", ""),
    ("The camp was closed in early 2012.", "", "early 2012", "2012", "explicit", ""),
    ("Releases continued from 2012 to 2015.", "", "from 2012 to 2015", "2012/2015", "explicit", ""),
    ("The first round ran between Oct. 1 and Oct. 5, 2021.", "", "between Oct. 1 and Oct. 5, 2021", "2021-10-01/2021-10-05", "explicit", ""),
    ("Kim Jong Un took power in December 2011.", "", "December 2011", "2011-12", "explicit", ""),
    ("The report came out on 15 April 2016.", "", "15 April 2016", "2016-04-15", "explicit", ""),
    // --- publication date and tense ---
    ("Prisoners were released Oct. 8-9, UPI reported.", "2015-10-14", "Oct. 8-9", "2015-10-08/2015-10-09", "reference", ""),
    ("Kim may have pardoned prisoners in October.", "2020-11-25", "October", "2020-10", "reference", ""),
    ("North Korea fired Kim Won Hong in January.", "2017-02-27", "January", "2017-01", "reference", ""),
    ("The DPRK will grant amnesty to convicts as from Feb. 1.", "2012-01-10", "Feb. 1", "2012-02-01", "reference", ""),
    ("Kim pardoned prisoners in October.", "2015-01-20", "October", "2014-10", "reference", ""),
    // a past decree ordering an act still to come, then a reporting verb
    ("The Presidium issued a decree on Thursday to grant amnesty to convicts from Aug. 1, KCNA said.", "2015-07-14", "Aug. 1", "2015-08-01", "reference", ""),
    ("Officials decided last week to release the inmates starting March 3, sources said.", "2020-02-20", "March 3", "2020-03-03", "reference", ""),
    ("The prisoners were held from Aug. 1 until their trial, KCNA said.", "2015-07-14", "Aug. 1", "2014-08-01", "reference", ""),
    ("State media said the Presidium had issued a decree granting amnesty to convicts from August 1.", "2015-07-28", "August 1", "2015-08-01", "reference", ""),
    ("The regime will pardon prisoners in October.", "2015-01-20", "October", "2015-10", "reference", ""),
    ("Authorities plan to release inmates on Feb. 16.", "2022-03-01", "Feb. 16", "2023-02-16", "reference", ""),
    ("The inmates were freed on Dec. 28.", "2016-01-05", "Dec. 28", "2015-12-28", "reference", ""),
    ("The man told RFA's Korean Service July 16 that he had fled.", "2021-07-21", "July 16", "2021-07-16", "reference", ""),
    ("Defectors were caught this month, officials said.", "2012-02-23", "this month", "2012-02", "reference", ""),
    ("Seoul said earlier this month that the minister was fired.", "2017-02-27", "earlier this month", "2017-02", "reference", ""),
    ("The camp was expanded last year.", "2016-11-23", "last year", "2015", "reference", ""),
    ("More amnesties are expected this year.", "2016-11-23", "this year", "2016", "reference", ""),
    ("A new law takes effect next year.", "2016-11-23", "next year", "2017", "reference", ""),
    ("Crackdowns intensified last month.", "2020-01-15", "last month", "2019-12", "reference", ""),
    ("A man was executed late last month.", "2021-03-08", "late last month", "2021-02-21/2021-02-28", "reference", ""),
    ("In 2010 Carter flew to Pyongyang. A year earlier, two journalists were pardoned.", "2013-05-02", "A year earlier", "2009", "context", ""),
    ("He was detained in 2014. Two years later he was released.", "2017-01-02", "Two years later", "2016", "context", ""),
    ("In 2014 he was sentenced to 15 years after he had injured a guard.", "2017-01-02", "15 years", "D:180..180", "", ""),
    ("Arrests rose in the first half of this year.", "2021-09-08", "the first half of this year", "2021", "reference", ""),
    ("Inspections began early last year.", "2021-09-08", "early last year", "2020", "reference", ""),
    ("The trial is scheduled for next month.", "2020-12-15", "next month", "2021-01", "reference", ""),
    ("Kim issued pardons in October of last year.", "2016-03-01", "October of last year", "2015-10", "reference", ""),
    ("Seven soldiers were shot last December.", "2011-01-30", "last December", "2010-12", "reference", ""),
    ("Seven soldiers were shot last December.", "2011-12-30", "last December", "2010-12", "reference", ""),
    ("Prisoners will be freed this October.", "2018-03-30", "this October", "2018-10", "reference", ""),
    ("A source told Daily NK on Tuesday.", "2015-10-14", "on Tuesday", "2015-10-13", "reference", ""),
    ("The agency reported Tuesday.", "2012-01-10", "Tuesday", "2012-01-10", "reference", ""),
    ("The SPA issued a decree on Thursday.", "2012-01-10", "on Thursday", "2012-01-05", "reference", ""),
    ("The source spoke to Daily NK last Thursday.", "2021-07-22", "last Thursday", "2021-07-15", "reference", ""),
    ("The court will meet on Friday.", "2021-07-21", "on Friday", "2021-07-23", "reference", ""),
    ("Officials will visit next Monday.", "2021-07-21", "next Monday", "2021-07-26", "reference", ""),
    ("The spy agency said Monday, Feb. 27, that five were shot.", "2017-02-27", "Monday, Feb. 27", "2017-02-27", "reference", ""),
    ("A prisoner collapsed last week.", "2021-07-21", "last week", "2021-07-12/2021-07-18", "reference", ""),
    ("Lee spoke this week about refugees.", "2012-02-23", "this week", "2012-02-20/2012-02-26", "reference", ""),
    ("A conference opens next week in Geneva.", "2012-02-23", "next week", "2012-02-27/2012-03-04", "reference", ""),
    ("Two prisoners died in recent weeks.", "2021-07-21", "in recent weeks", "2021-06-30/2021-07-21", "reference", ""),
    ("He was detained yesterday.", "2021-07-21", "yesterday", "2021-07-20", "reference", ""),
    ("The inmates were released on the 13th, a source said.", "2016-05-20", "on the 13th", "2016-05-13", "reference", ""),
    ("The inmates were released on the 25th, a source said.", "2016-05-20", "on the 25th", "2016-04-25", "reference", ""),
    ("The order arrived on the 3rd of this month.", "2016-05-20", "on the 3rd of this month", "2016-05-03", "reference", ""),
    ("The camp closed two years ago.", "2016-05-20", "two years ago", "2014", "reference", ""),
    ("Kim has executed officials since taking power in late 2011.", "2017-02-27", "late 2011", "2011/2017-02-27", "explicit", ""),
    ("Executions have been banned since 2000.", "2011-02-01", "2000", "2000/2011-02-01", "explicit", ""),
    ("The amnesty began in early October.", "2015-10-14", "early October", "2015-10-01/2015-10-10", "reference", ""),
    // --- no publication date: relative stays unresolved ---
    ("Kim issued pardons in October of last year.", "", "October of last year", "XXXX-10", "", ""),
    ("The camp was expanded last year.", "", "last year", "-", "", ""),
    ("A source told Daily NK on Tuesday.", "", "on Tuesday", "-", "", ""),
    ("Seven soldiers were shot last December.", "", "last December", "XXXX-12", "", ""),
    ("The inmates were released on the 13th.", "", "on the 13th", "XXXX-XX-13", "", ""),
    ("Crackdowns intensified last month.", "", "last month", "-", "", ""),
    ("Defectors were repatriated on Oct. 9.", "", "Oct. 9", "XXXX-10-09", "", ""),
    // --- context ---
    ("In 2015, Daily NK covered releases on Aug. 15 and from Oct. 8 to Oct. 9.", "", "Aug. 15", "2015-08-15", "context", ""),
    ("In 2015, Daily NK covered releases on Aug. 15 and from Oct. 8 to Oct. 9.", "", "from Oct. 8 to Oct. 9", "2015-10-08/2015-10-09", "context", ""),
    ("In 2015, Daily NK covered releases on Aug. 15.", "2017-03-01", "Aug. 15", "2015-08-15", "context", ""),
    ("Kim visited the camp in 2013. That year, guards were replaced.", "", "That year", "2013", "context", ""),
    ("Kim visited the camp in 2013. The same year, guards were replaced.", "2016-01-01", "The same year", "2013", "context", ""),
    ("Kim visited the camp in 2013. The following year, it was closed.", "", "The following year", "2014", "context", ""),
    (
        "The pardon marks the 75th anniversary of the regime's founding on Sept. 9. Political prisoners were included in last year's pardon.",
        "",
        "last year",
        "2022",
        "context",
        "",
    ),
    (
        "In early May the list was drafted. North Korea marked the 70th anniversary of the founding of the Workers' Party on Oct. 10.",
        "",
        "early May",
        "XXXX-05-01/XXXX-05-10",
        "",
        "",
    ),
    // --- occasions ---
    ("The decree was handed down on Apr. 15 - Kim Il Sung's birthday, Daily NK learned.", "", "Apr. 15", "XXXX-04-15", "", "kim_il_sung_birthday"),
    ("The decree was handed down on Kim Il Sung's birthday.", "", "Kim Il Sung's birthday", "XXXX-04-15", "", "kim_il_sung_birthday"),
    ("The decree was handed down on Kim Il Sung's birthday.", "2016-05-02", "Kim Il Sung's birthday", "2016-04-15", "reference", "kim_il_sung_birthday"),
    ("Pardons will be issued for Kim Il Sung's birthday.", "2016-05-02", "Kim Il Sung's birthday", "2017-04-15", "reference", "kim_il_sung_birthday"),
    ("Pardons are expected for the Day of the Sun.", "", "Day of the Sun", "XXXX-04-15", "", "kim_il_sung_birthday"),
    (
        "Kim granted pardons on the 100th anniversary of his grandfather's birthday in 2012.",
        "",
        "100th anniversary of his grandfather's birthday",
        "2012-04-15",
        "explicit",
        "kim_il_sung_birthday",
    ),
    (
        "Pardons marked the 70th founding anniversary of the country's communist party in 2015.",
        "",
        "70th founding anniversary of the country's communist party",
        "2015-10-10",
        "explicit",
        "party_founding_day",
    ),
    // one ordinal for two occasions ("70th anniversaries of liberation and of the party")
    (
        "The decree marks the 70th anniversaries of the country's liberation and the party's founding.",
        "2015-07-14",
        "70th anniversaries of the country's liberation",
        "2015-08-15",
        "anniversary",
        "liberation_day",
    ),
    (
        "Another amnesty came on the anniversary of the country's founding in 2018.",
        "",
        "anniversary of the country's founding",
        "2018-09-09",
        "explicit",
        "republic_founding_day",
    ),
    ("Kim failed to order a pardon on Kim Jong Il's birthday in February.", "", "Kim Jong Il's birthday", "XXXX-02-16", "", "kim_jong_il_birthday"),
    (
        "The pardon marks the 75th anniversary of the regime's founding.",
        "",
        "75th anniversary of the regime's founding",
        "2023-09-09",
        "anniversary",
        "republic_founding_day",
    ),
    (
        "Prisoners were freed on the 65th anniversary of the founding of the WPK.",
        "",
        "65th anniversary of the founding of the WPK",
        "2010-10-10",
        "anniversary",
        "party_founding_day",
    ),
    ("Releases were timed for Independence Day on Aug. 15 in 2015.", "", "Independence Day", "XXXX-08-15", "", "liberation_day"),
    ("Releases were timed for Independence Day on Aug. 15.", "", "Aug. 15", "XXXX-08-15", "", "liberation_day"),
    (
        "The regime pardoned inmates to mark Kim Jong Il's 80th birthday.",
        "",
        "Kim Jong Il's 80th birthday",
        "2022-02-16",
        "anniversary",
        "kim_jong_il_birthday",
    ),
    ("Pardons will mark the 80th birthday of late leader Kim Jong Il on Feb. 16.", "", "Feb. 16", "2022-02-16", "anniversary", "kim_jong_il_birthday"),
    (
        "Pyongyang pardoned prisoners ahead of the 70th anniversary of the foundation of the Workers' Party celebrated on October 10.",
        "",
        "October 10",
        "2015-10-10",
        "anniversary",
        "party_founding_day",
    ),
    ("To mark the 70th Party foundation day, the state granted amnesty.", "", "70th Party foundation day", "2015-10-10", "anniversary", "party_founding_day"),
    (
        "A pardon is planned on Sept. 9, which marks the 75th anniversary of the regime's founding.",
        "",
        "Sept. 9",
        "2023-09-09",
        "anniversary",
        "republic_founding_day",
    ),
    (
        "The amnesty celebrates the birth anniversaries of former leaders Kim Il Sung and Kim Jong Il.",
        "",
        "birth anniversaries of former leaders Kim Il Sung and Kim Jong Il",
        "XXXX-04-15",
        "",
        "kim_il_sung_birthday",
    ),
    (
        "The year 2012 marked the 100th anniversary of Kim Il Sung's birth.",
        "",
        "100th anniversary of Kim Il Sung's birth",
        "2012-04-15",
        "anniversary",
        "kim_il_sung_birthday",
    ),
    (
        "Kim may have pardoned prisoners during the 75th anniversary of the Korean Workers' Party in October.",
        "2020-11-25",
        "75th anniversary of the Korean Workers' Party",
        "2020-10-10",
        "anniversary",
        "party_founding_day",
    ),
    (
        "Prisoners were released for the 70th anniversary of national independence.",
        "2015-10-14",
        "70th anniversary of national independence",
        "2015-08-15",
        "anniversary",
        "liberation_day",
    ),
    (
        "Troops paraded for the 85th anniversary of the founding of the Korean People's Army.",
        "2017-04-26",
        "85th anniversary of the founding of the Korean People's Army",
        "2017-04-25",
        "anniversary",
        "army_founding_day",
    ),
    (
        "Troops paraded for the 70th anniversary of the founding of the Korean People's Army.",
        "2018-02-09",
        "70th anniversary of the founding of the Korean People's Army",
        "2018-02-08",
        "anniversary",
        "army_founding_day",
    ),
    (
        "Troops paraded for the 75th anniversary of the founding of the KPA.",
        "2023-02-10",
        "75th anniversary of the founding of the KPA",
        "2023-02-08",
        "anniversary",
        "army_founding_day",
    ),
    ("Inmates were freed for Party Foundation Day.", "", "Party Foundation Day", "XXXX-10-10", "", "party_founding_day"),
    ("Inmates were freed on Liberation Day.", "", "Liberation Day", "XXXX-08-15", "", "liberation_day"),
    ("Inmates were freed to mark the 60th anniversary of the armistice.", "", "60th anniversary of the armistice", "2013-07-27", "anniversary", "victory_day"),
    (
        "Ceremonies marked the 110th birthday of national founder Kim Il Sung.",
        "",
        "110th birthday of national founder Kim Il Sung",
        "2022-04-15",
        "anniversary",
        "kim_il_sung_birthday",
    ),
    (
        "Mourners gathered on the 20th anniversary of Kim Il Sung's death.",
        "",
        "20th anniversary of Kim Il Sung's death",
        "2014-07-08",
        "anniversary",
        "kim_il_sung_death",
    ),
    ("Pardons can be granted only on the fifth and 10th anniversaries of the country's major holidays.", "", "10th anniversaries", "-", "", ""),
    ("The Day of the Shining Star was marked quietly.", "", "Day of the Shining Star", "XXXX-02-16", "", "kim_jong_il_birthday"),
    ("Kim Jong Un's birthday on Jan. 8 is not a holiday.", "", "Jan. 8", "XXXX-01-08", "", "kim_jong_un_birthday"),
    ("The 20th anniversary of Kim Jong Un's birthday passed.", "", "20th anniversary of Kim Jong Un's birthday", "XXXX-01-08", "", "kim_jong_un_birthday"),
    // --- durations ---
    ("Sentences were cut by six months to six years.", "", "six months to six years", "D:6..72", "", ""),
    ("He served two to three years in a camp.", "", "two to three years", "D:24..36", "", ""),
    ("He was sentenced to 15 years of hard labor.", "", "15 years", "D:180..180", "", ""),
    ("Those serving more than five years were excluded.", "", "more than five years", "D:61..", "", ""),
    ("She spent two months in a holding center.", "", "two months", "D:2..2", "", ""),
    ("The list was finalized a week before the holiday.", "", "a week", "D:0..0", "", ""),
    ("Terms were shortened by up to five years.", "", "up to five years", "D:0..60", "", ""),
    ("He received a 15-year sentence.", "", "15-year", "D:180..180", "", ""),
    ("Inmates with less than three years left were freed.", "", "less than three years", "D:0..36", "", ""),
    ("Prisoners serving at least 10 years were moved.", "", "at least 10 years", "D:120..", "", ""),
    ("He was held for 10 days.", "", "10 days", "D:0..0", "", ""),
    ("A man of 36 years old was arrested.", "", "36 years", "-", "", ""),
    ("A 36-year-old man was arrested.", "", "36-year", "-", "", ""),
    ("A man aged 40 years was arrested.", "", "40 years", "-", "", ""),
    ("A prisoner in his 50s collapsed.", "", "50s", "-", "", ""),
    ("Labor-training sentences run six months to one year.", "", "six months to one year", "D:6..12", "", ""),
    ("They were jailed for three or four years.", "", "three or four years", "D:36..48", "", ""),
    // --- things that are not dates ---
    ("May I ask a question?", "", "May", "-", "", ""),
    ("The guards march prisoners to the fields.", "", "march", "-", "", ""),
    ("Kim Jong Un ordered the guards to march.", "", "march", "-", "", ""),
    ("He lived on the 13th floor.", "", "on the 13th", "-", "", ""),
    ("Prisoners were freed on the fifth anniversary.", "", "fifth", "-", "", ""),
    ("Camp 14 held 15,000 prisoners.", "", "15,000", "-", "", ""),
    ("Kaechon is camp No. 14.", "", "No. 14", "-", "", ""),
];

/// The expression whose span is exactly `phrase` (its first occurrence), or one containing it.
fn find<'a>(doc: &Document, analysis: &'a TimeAnalysis, phrase: &str) -> Option<&'a TimeExpr> {
    let start = doc.norm.find(phrase)?;
    let span = Span::new(start, start + phrase.len());
    analysis.exprs.iter().find(|e| e.span == span).or_else(|| analysis.exprs.iter().find(|e| e.span.contains(span)))
}

fn describe(e: Option<&TimeExpr>) -> (String, String, String) {
    let Some(e) = e else { return ("-".into(), String::new(), String::new()) };
    let value = if e.kind == TimeKind::Duration {
        match e.duration_bounds_months() {
            Some((lo, Some(hi))) => format!("D:{lo}..{hi}"),
            Some((lo, None)) => format!("D:{lo}.."),
            None => "-".into(),
        }
    } else {
        e.value.clone().unwrap_or_else(|| "-".into())
    };
    let basis = e.basis.map(|b| b.as_str().to_string()).unwrap_or_default();
    (value, basis, e.occasion.clone().unwrap_or_default())
}

#[test]
fn table_of_cases() {
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    let mut failures = Vec::new();
    for (text, published, phrase, value, basis, occ) in CASES {
        let doc = Document::from_plain("t", text, Date::parse_iso(published));
        let analysis = analyse(&doc);
        let (got_value, got_basis, got_occasion) = describe(find(&doc, &analysis, phrase));
        let value_ok = got_value == *value;
        let basis_ok = *value == "-" || value.starts_with("D:") || got_basis == *basis;
        let occasion_ok = occ.is_empty() || got_occasion == *occ;
        if !(value_ok && basis_ok && occasion_ok) {
            failures.push(format!("{text:?} [{published}] {phrase:?}: want {value} {basis} {occ}, got {got_value} {got_basis} {got_occasion}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// The dated expressions of the seed articles (shared/gold/seeds.json events' `date`).
#[test]
fn seed_dates() {
    // The seeds ship with the repository as the bundled example articles.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let entries = std::fs::read_dir(dir).unwrap();
    let mut texts = std::collections::HashMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            texts.insert(name.get(..3).unwrap_or("").to_string(), text);
        }
    }
    let published = |id: &str| if id == "004" { Date::parse_iso("2015-10-14") } else { None };
    let expected: &[(&str, &str, &str)] = &[
        ("000", "Apr. 15", "XXXX-04-15"),
        ("000", "100th anniversary of his grandfather", "2012-04-15"),
        ("000", "70th founding anniversary", "2015-10-10"),
        ("000", "the country's founding", "2018-09-09"),
        ("000", "October of last year", "XXXX-10"),
        ("000", "Kim Jong Il", "XXXX-02-16"),
        ("001", "Feb. 16", "2022-02-16"),
        ("002", "early October", "XXXX-10-01/XXXX-10-10"),
        ("002", "Aug. 15", "2015-08-15"),
        ("002", "Oct. 8 to Oct. 9", "2015-10-08/2015-10-09"),
        ("003", "October 10", "2015-10-10"),
        ("003", "August 15", "2015-08-15"),
        ("003", "October 8, 9", "2015-10-08/2015-10-09"),
        ("004", "Oct. 8-9", "2015-10-08/2015-10-09"),
        ("004", "September", "2015-09"),
    ];
    assert_eq!(texts.len(), 5, "the five seed articles are bundled");
    for (id, phrase, value) in expected {
        let text = &texts[*id];
        let doc = Document::from_plain(id, text, published(id));
        let analysis = analyse(&doc);
        let got = describe(find(&doc, &analysis, phrase)).0;
        assert_eq!(got, *value, "seed {id} {phrase:?}");
    }
}

#[test]
fn occasion_table_loads() {
    assert!(occasions().len() >= 19);
    let army = occasion("army_founding_day").map(|o| o.anniversary_date(85, Some(2017)));
    assert_eq!(army.flatten(), Date::new(2017, 4, 25));
    let army = occasion("army_founding_day").map(|o| o.anniversary_date(70, Some(2018)));
    assert_eq!(army.flatten(), Date::new(2018, 2, 8));
    let army = occasion("army_founding_day").map(|o| o.anniversary_date(20, Some(1968)));
    assert_eq!(army.flatten(), Date::new(1968, 2, 8));
    assert!(occasion("kim_jong_un_birthday").is_some_and(|o| o.bases.is_empty()));
    assert!(occasions().iter().all(|o| !o.sources.is_empty() || o.id.is_empty()));
}

#[test]
fn plural_birth_anniversaries_name_both_leaders() {
    let doc = Document::from_plain("t", "Amnesty for the birth anniversaries of leaders Kim Il Sung and Kim Jong Il.", None);
    let analysis = analyse(&doc);
    let occ = analysis.exprs.iter().find(|e| e.kind == TimeKind::Occasion);
    assert_eq!(occ.map(|e| e.occasions.clone()), Some(vec!["kim_il_sung_birthday".to_string(), "kim_jong_il_birthday".to_string()]));
}

#[test]
fn best_date_prefers_occasion_and_day() {
    let text = "In 2015, prisoners were freed on Oct. 9 before the 70th anniversary of the founding of the Workers' Party.";
    let doc = Document::from_plain("t", text, None);
    let analysis = analyse(&doc);
    let best = analysis.best_date_in_sentence(&doc, 0).and_then(|e| e.value.clone());
    assert_eq!(best.as_deref(), Some("2015-10-10"));
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["", "Oct.", "on the 31st", "between early and late", "Feb. 30, 2015", "ÄÖ 15 Mär — 2015年", "the 999th anniversary of the party"] {
        let doc = Document::from_plain("t", text, Date::parse_iso("2016-02-29"));
        let _ = analyse(&doc);
    }
}

/// Look-ups by span (binary searches over the sorted expressions) give what a plain scan gives.
#[test]
fn span_lookups_match_a_plain_scan() {
    let text = "In 2015, prisoners were freed on Oct. 8-9 before the 70th anniversary of the founding of the Workers' Party.\n\n\
                A source said on Tuesday that two months later, in December, more than five years of sentences were cut.\n\n\
                That year, the amnesty for Kim Il Sung's birthday on Apr. 15 freed thousands, Yonhap reported last week.";
    let doc = Document::from_plain("t", text, Date::parse_iso("2016-01-05"));
    let analysis = analyse(&doc);
    assert!(analysis.exprs.len() >= 8);
    for start in (0..doc.norm.len()).step_by(7) {
        for len in [0, 5, 30, 120] {
            let span = Span::new(start, (start + len).min(doc.norm.len()));
            let within: Vec<&TimeExpr> = analysis.within(span).collect();
            let scanned: Vec<&TimeExpr> = analysis.exprs.iter().filter(|e| span.contains(e.span)).collect();
            assert_eq!(within, scanned, "within {span:?}");
            let overlapping: Vec<&TimeExpr> = analysis.overlapping(span).collect();
            let scanned: Vec<&TimeExpr> = analysis.exprs.iter().filter(|e| span.overlaps(e.span)).collect();
            assert_eq!(overlapping, scanned, "overlapping {span:?}");
        }
    }
}

/// A long undated document: a year carried back ("that year") comes from the nearest earlier
/// dated expression however far back, and every copy resolves as the first one does.
#[test]
fn long_undated_document_resolves_every_copy_alike() {
    let article = "Prisoners were freed in October 2015 in South Pyongan Province.\n\n\
                   Later that year, more were released on Dec. 3, a source said.\n\n\
                   The amnesty marked the 70th anniversary of the founding of the Workers' Party.";
    let one = analyse(&Document::from_plain("t", article, None));
    let many = analyse(&Document::from_plain("t", &vec![article; 50].join("\n\n"), None));
    assert_eq!(many.exprs.len(), one.exprs.len() * 50);
    let values = |a: &TimeAnalysis| a.exprs.iter().map(|e| e.value.clone()).collect::<Vec<_>>();
    let first = values(&one);
    for chunk in values(&many).chunks(first.len()) {
        assert_eq!(chunk, first.as_slice());
    }
}
