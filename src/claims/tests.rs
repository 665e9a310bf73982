//! Tests of the claims stage on sentences written for them (several outlets' habits) and on
//! seed sentences.

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use regex::Regex;

use super::*;

fn run(text: &str) -> (Document, Vec<Claim>) {
    let doc = Document::from_plain("t", text, None);
    let lexicon = Lexicon::builtin();
    let time = crate::time::analyse(&doc);
    let claims = extract(&doc, &lexicon, &time);
    (doc, claims)
}

/// (kind, content, source_type, source_index) of every claim.
fn rows(text: &str) -> Vec<(String, String, String, usize)> {
    let (doc, claims) = run(text);
    claims.iter().map(|c| (c.kind.clone(), doc.slice(c.span).to_string(), c.source_type.clone(), c.source_index)).collect()
}

#[test]
fn empty_and_odd_text_give_nothing() {
    assert!(run("").1.is_empty());
    assert!(run("\"").1.is_empty());
    assert!(run("said, \" according to ,").1.is_empty());
    assert!(run("é\"ü\" — – said").1.is_empty());
}

#[test]
fn quote_split_around_its_cue_gives_two_claims_of_one_source() {
    let r = rows("\"The guards beat us every day,\" the defector said. \"Some people died of hunger.\"");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, "The guards beat us every day");
    assert_eq!(r[1].1, "Some people died of hunger.");
    assert!(r.iter().all(|x| x.0 == "quote" && x.2 == "defector" && x.3 == r[0].3));
}

#[test]
fn scare_quotes_slogans_and_hedged_narration_are_not_claims() {
    assert!(rows("The regime calls the camps \"revolutionary zones\" and denies that they exist.").is_empty());
    assert!(rows("Posters urged residents to praise the \"leadership of love for the people\" during the campaign.").is_empty());
    assert!(rows("Some 200 people were reportedly arrested in the sweep, and most were said to be farmers.").is_empty());
    assert!(rows("The ministry did not say how many prisoners were released.").is_empty());
    assert!(rows("North Korea's reported release of prisoners drew attention in Seoul.").is_empty());
}

#[test]
fn reported_speech_patterns_of_several_outlets() {
    let r = rows("North Korea has executed dozens of officials this year, Yonhap News Agency reported.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].0.as_str(), r[0].2.as_str()), ("reported", "outlet"));
    assert!(r[0].1.starts_with("North Korea has executed"));

    let r = rows("The Unification Ministry said in a statement that it was aware of the reports of a mass pardon.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2, "official");
    assert!(r[0].1.starts_with("it was aware"));

    let r = rows("Human Rights Watch said in a report released Tuesday that thousands remain detained in the camps.");
    assert_eq!(r[0].2, "ngo", "{r:?}");

    let r = rows("The amnesty will take effect from Aug. 1, the KCNA said.");
    assert_eq!(r[0].2, "state_media", "{r:?}");
    assert_eq!(r[0].1, "The amnesty will take effect from Aug. 1");

    let r = rows("Most of those freed were thieves, according to a defector who left the country in May.");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Most of those freed were thieves", "defector"), "{r:?}");
}

#[test]
fn named_sources_types_and_names() {
    let (_, claims) = run("\"It is a propaganda move,\" said Andrei Lankov, a professor at Kookmin University.");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].source_type, "expert");
    assert_eq!(claims[0].source_name.as_deref(), Some("Andrei Lankov"));

    let (_, claims) =
        run("South Korean President Lee Myung-bak called on Beijing to treat the defectors as refugees.\n\n\"They are not criminals,\" Lee said.");
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[0].source_name.as_deref(), Some("Lee Myung-bak"));
    assert_eq!(claims[0].source_type, "official");
    assert_eq!(claims[0].source_index, claims[1].source_index);

    let (_, claims) = run("Kerry Moscogiuri, Amnesty UK's Director of Campaigns, said: \"These images show abuse on an industrial scale.\"");
    assert_eq!(claims[0].source_type, "ngo");
    assert_eq!(claims[0].source_name.as_deref(), Some("Kerry Moscogiuri"));
}

#[test]
fn pronouns_definite_and_new_sources_resolve() {
    let text = "A source in Ryanggang Province told Daily NK on Tuesday that arrests had surged in Hyesan. He added: \"Nobody feels safe now.\"\n\n\
                Another source in the province said the crackdown began in May.\n\n\
                \"Even the police are nervous,\" the source said.";
    let (_, claims) = run(text);
    assert_eq!(claims.len(), 4, "{claims:?}");
    assert_eq!(claims[0].source_index, claims[1].source_index);
    assert_ne!(claims[1].source_index, claims[2].source_index);
    assert_eq!(claims[2].source_index, claims[3].source_index);
    assert_eq!(claims[0].reported_to.as_deref(), Some("Daily NK"));
    assert!(claims.iter().all(|c| c.source_type == "anonymous_source"));
}

#[test]
fn paragraph_quote_runs_share_the_attribution() {
    let text = "The official said: \"The camps hold tens of thousands of people.\n\n\"They work from dawn to dusk.\"\n\nThe report was released on Monday.";
    let r = rows(text);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].3, r[1].3);
    assert_eq!(r[0].2, "official");
}

#[test]
fn plural_sources_are_each_their_own_source() {
    let text = "Amnesty was granted to inmates who had displayed \"model behavior\" during their time in prison, Daily NK sources in the country said.\n\n\
                Sources told Daily NK that prisons throughout the country had, in fact, been preparing for the mass amnesty since early April.";
    let r = rows(text);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_ne!(r[0].3, r[1].3);
    assert!(r[0].1.starts_with("Amnesty was granted"));
}

#[test]
fn seed_sentences_daily_nk_has_learned_and_corroboration() {
    let text = "North Korea handed down a mass amnesty decree for inmates on Apr. 15, Daily NK has learned.\n\n\
                \"Thousands of prisoners have been released,\" a source from South Pyongan Province told Daily NK on Tuesday.\n\n\
                An additional source in South Pyongan Province corroborated this news.\n\n\
                The recipients were mostly those who were too weak to work, according to the source.";
    let (doc, claims) = run(text);
    assert_eq!(claims.len(), 4, "{claims:?}");
    assert_eq!(claims[0].source_type, "outlet");
    assert_eq!(claims[0].cue.as_deref(), Some("has learned"));
    assert_eq!(doc.slice(claims[2].span), "corroborated this news");
    assert_ne!(claims[1].source_index, claims[2].source_index);
    // "the source" is the one quoted, not the one who only corroborated.
    assert_eq!(claims[1].source_index, claims[3].source_index);
}

#[test]
fn trailing_said_with_relative_clause_and_relayed_reports() {
    let text = "Two prisoners died in recent weeks, said sources in the country who said family visits were banned.";
    let r = rows(text);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].3, r[1].3);

    let (_, claims) = run("North Korea executed five officials, South Korea's spy agency said Monday, according to The Associated Press.");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].source_name.as_deref(), Some("National Intelligence Service"));
    assert_eq!(claims[0].via.as_deref(), Some("Associated Press"));
}

#[test]
fn hedges_are_recorded() {
    let (_, claims) = run("Daily NK sources speculated that the pardons were reportedly meant to ease overcrowding.");
    assert_eq!(claims.len(), 1);
    assert!(claims[0].hedges.contains(&"speculated".to_string()));
    assert!(claims[0].hedges.contains(&"reportedly".to_string()));
}

#[test]
fn single_quoted_british_style_quotations() {
    let r = rows("'The camps are full and the guards are cruel,' the former prisoner said. 'Nobody leaves.'\n\nThe so-called 'hostile class' and Kim Il Sung's 'benevolence' are not quotes.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, "The camps are full and the guards are cruel");
    assert_eq!(r[0].3, r[1].3);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in ["\"\"\"", "'", "said said said", "According to", ", according to .", "\"a,\" said", "He added: \"", "“é”, — said ü.", "\n\n\"\n\n\""] {
        let _ = run(text);
    }
}

#[test]
fn reports_speak_for_their_authors() {
    // Wire lede naming a report's author, then "the report said" further down.
    let text = "Title\n\nNorth Korea publicly executed a woman for selling smuggled films, a report by a Seoul-based human rights group said Thursday.\n\nThe Ministry of Unification said it could not confirm the account.\n\n\"The woman was shot in front of her neighbors,\" the report said.";
    let (_, claims) = run(text);
    assert_eq!(claims.len(), 3, "{claims:?}");
    assert_eq!(claims[0].source_type, "ngo");
    assert_eq!(claims[1].source_name.as_deref(), Some("Ministry of Unification"));
    assert_eq!(claims[2].source_index, claims[0].source_index);
    assert_eq!(claims[2].source_type, "ngo");
    // An NGO's own release: "the report" is the NGO even after its director is quoted.
    let text = "Title\n\nChinese police forcibly returned about 50 North Koreans last week, Amnesty International said Monday.\n\n\"This must stop,\" said Jane Doe, a researcher at the group.\n\nThe report said returnees are held at border detention centers.";
    let rows = rows(text);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!((rows[2].2.as_str(), rows[2].3), (rows[0].2.as_str(), rows[0].3));
    // A ministry's official is unnamed; the ministry speaking is named.
    let rows_official = run("Title\n\nA Unification Ministry official said the repatriated defectors were sent to a camp.").1;
    assert_eq!(rows_official[0].source_name, None);
}

#[test]
fn wire_and_release_datelines_are_not_part_of_a_claim() {
    for lead in ["(Seoul) – ", "SEOUL (Reuters) - ", "Seoul, June 3 (AP) — ", "SEOUL, South Korea (AP) — "] {
        let text = format!("{lead}Police arrested 40 traders in Hyesan in May, the group said today.");
        let r = rows(&text);
        assert_eq!(r.len(), 1, "{lead}: {r:?}");
        assert_eq!(r[0].1, "Police arrested 40 traders in Hyesan in May", "{lead}");
    }
    // A parenthesis inside the sentence is no dateline.
    let r = rows("Police arrested Kim (a trader) in May, the source said.");
    assert!(r[0].1.starts_with("Police arrested Kim"), "{r:?}");
}

#[test]
fn a_person_with_a_role_at_an_ngo_speaks_for_the_ngo() {
    let (_, claims) = run("\"China must stop the returns,\" said Elaine Pearson, Asia director at Human Rights Watch.");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!((claims[0].source_type.as_str(), claims[0].source_name.as_deref()), ("ngo", Some("Elaine Pearson")));
    let (_, claims) = run("\"The camp is full,\" said John Doe, senior researcher at HRNK.");
    assert_eq!((claims[0].source_type.as_str(), claims[0].source_name.as_deref()), ("ngo", Some("John Doe")));
    let (_, claims) = run("\"The camp is full,\" Greg Scarlatoiu, HRNK's executive director, said.");
    assert_eq!((claims[0].source_type.as_str(), claims[0].source_name.as_deref()), ("ngo", Some("Greg Scarlatoiu")));
}

/// A hedge that overlaps itself ("rumor" in "rumorumor") could hide from a left-to-right search
/// an occurrence that the overlapping search of `hedges_present` sees; harmless when the byte
/// before such an occurrence is inside the first one and alphanumeric, so never a word boundary.
#[test]
fn self_overlapping_hedges_never_start_a_word_inside_themselves() {
    for (word, _) in cues::HEDGES {
        let bytes = word.as_bytes();
        for k in (1..word.len()).filter(|&k| word.get(..k) == word.get(word.len() - k..)) {
            assert!(bytes[word.len() - k - 1].is_ascii_alphanumeric(), "{word}");
        }
    }
}

#[test]
fn hedges_read_alike_with_and_without_non_ascii() {
    let text = "Prisoners were REPORTEDLY freed, it is unclear why; Rumors said they may have left.";
    let ascii = hedges_in(text, "said");
    assert_eq!(ascii, vec!["reportedly", "rumor", "unclear", "may"]);
    // "İ" lower-cases to two characters: the slow path reads this text.
    assert_eq!(hedges_in(&format!("İ {text}"), "said"), ascii);
    assert_eq!(hedges_in("Allegedly — the prisoners", "claims"), vec!["allegedly", "claims"]);
}

/// `find_cues` finds what the reporting-phrase pattern it replaced finds.
#[test]
fn cue_scan_matches_the_phrase_pattern() {
    let mut phrases: Vec<&str> = cues::CUE_VERBS.iter().map(|(p, _, _)| *p).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternation = phrases.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
    let pattern = Regex::new(&format!(r"(?i-u)\b(?:{alternation})\b")).unwrap();
    let text = "He SAID, according  to\n\nofficials, that she has learned_ nothing; HAS\tCONFIRMED claims claimed saidx \
                ésaid_ said2 2said has been told; Called On tells-adds éclaims ACCORDING TO according to \
                ſaid SAİD “said” according\u{a0}to according\u{2009}to has\u{a0}learned whas said sayings say reportedly reports, \
                unsaid told;told_ told\u{212A} adds\u{17F} calledon called\x0Bon called\r\non";
    let expected: Vec<(usize, usize)> = pattern.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let found: Vec<(usize, usize)> = find_cues(text).iter().map(|h| (h.span.start, h.span.end)).collect();
    assert_eq!(found, expected);
    assert!(found.len() >= 20, "{found:?}");
}

/// The cue scan jumps between occurrences of the phrases' first words, which is exact only while
/// those words are made of letters (see `CUE_HEAD_FINDER`).
#[test]
fn cue_phrases_start_with_a_word_of_letters() {
    for (phrase, _, _) in cues::CUE_VERBS {
        let head = phrase.split(' ').next().unwrap_or("");
        assert!(!head.is_empty() && head.bytes().all(|b| b.is_ascii_alphabetic()), "{phrase}");
    }
}

/// `is_listed` compares ASCII-case-insensitively in place of comparing a lower-cased copy, which
/// answers alike only for lists of lower-case ASCII words.
#[test]
fn listed_words_are_lower_case_ascii() {
    for word in cues::FILLER_WORDS {
        assert!(word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()), "{word}");
    }
    for word in ["Also", "ALSO", "also"] {
        assert!(is_listed(cues::FILLER_WORDS, word));
    }
    // Only ASCII letters fold: the long s and the Kelvin sign are other words, as for `to_ascii_lowercase`.
    assert!(!is_listed(&["also"], "al\u{17F}o"));
    assert!(!is_listed(&["weeks"], "wee\u{212A}s"));
    assert_eq!(is_listed(cues::FILLER_WORDS, "Then"), cues::FILLER_WORDS.contains(&"Then".to_ascii_lowercase().as_str()));
}

/// The relative clause and the conjunctions of a subject are found in any case, as in the
/// lower-cased copy they were once searched in.
#[test]
fn subjects_read_alike_in_any_case() {
    for (lower, upper) in [
        ("Another defector, who was sent there after being repatriated,", "Another defector, WHO was sent there after being repatriated,"),
        ("The move comes after Radio Free Asia's Korean service", "The move comes AFTER Radio Free Asia's Korean service"),
        ("A source in the province, which borders China,", "A source in the province, Which borders China,"),
    ] {
        assert_eq!(subject_of(lower), subject_of(upper), "{upper}");
    }
    assert_eq!(subject_of("The move comes AFTER Radio Free Asia's Korean service").start, "The move comes AFTER ".len());
}

/// A relative clause between a source and its verb is taken in whole: a conjunction inside it
/// ("after being repatriated") does not start the source, and its date is not the day of speaking.
#[test]
fn relative_clause_before_the_verb_stays_in_the_source() {
    let text = "Another defector, who was sent to the camp after being forcibly repatriated from China in 2016, said guards kicked \
                pregnant women and forced them to have abortions. A trader, who left the country when the border closed, told \
                reporters that the price of rice had doubled in the markets.";
    let (_, claims) = run(text);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[0].source_text.as_deref(), Some("Another defector, who was sent to the camp after being forcibly repatriated from China in 2016"));
    assert_eq!(claims[0].source_type, "defector");
    assert_eq!(claims[0].said_date_value, None);
    assert_eq!(claims[1].source_text.as_deref(), Some("A trader, who left the country when the border closed"));
    // The conjunction still cuts a subject without a relative clause.
    assert_eq!(subject_of("The report comes after the ministry"), Span::new(23, 35));
}

/// Sources written with an appositive, a post-modifier or an office before the name, and the
/// passive "was quoted as saying": sentences in the wording of wire services and Seoul dailies.
#[test]
fn appositives_offices_and_quoted_as_saying() {
    let (_, claims) = run("A second source, from Hoeryong, said that two smugglers were shot dead by border guards in late August.");
    assert_eq!(claims[0].source_text.as_deref(), Some("A second source, from Hoeryong"));
    assert_eq!(claims[0].source_place.as_deref(), Some("hoeryong"));

    let (_, claims) = run("The Transitional Justice Working Group (TJWG), a Seoul-based NGO, said it had identified 323 execution sites.");
    assert_eq!(claims[0].source_text.as_deref(), Some("The Transitional Justice Working Group, a Seoul-based NGO"));
    assert_eq!(claims[0].source_type, "ngo");

    let (_, claims) = run("North Korea's ambassador in Geneva, Han Tae Song, said the report was based on lies told by defectors.");
    assert_eq!((claims[0].source_type.as_str(), claims[0].source_name.as_deref()), ("official", Some("Han Tae Song")));

    let (doc, claims) = run("North Korea has executed five senior security officials, South Korea's spy agency was quoted as saying on Monday.");
    assert_eq!(doc.slice(claims[0].span), "North Korea has executed five senior security officials");
    assert_eq!(claims[0].cue.as_deref(), Some("quoted as saying"));
    assert_eq!(claims[0].source_name.as_deref(), Some("National Intelligence Service"));

    let (doc, claims) = run("Kim has executed 340 people, according to a report by the Institute for National Security Strategy, a think tank.");
    assert_eq!(doc.slice(claims[0].span), "Kim has executed 340 people");
    assert_eq!((claims[0].source_type.as_str(), claims[0].source_name.as_deref()), ("expert", Some("Institute for National Security Strategy")));

    let (_, claims) = run("The crackdown was ordered by the central Party, a source in South Pyongan Province reported to Daily NK on Tuesday.");
    assert_eq!(claims[0].reported_to.as_deref(), Some("Daily NK"));
}

/// Reporting verbs of the wider press: denial, estimates, findings, descriptions, and the verbs
/// whose object is the claim; a perfect tense with an object stays narration.
#[test]
fn denials_estimates_findings_and_descriptions() {
    let content = |text: &str| rows(text).into_iter().map(|r| r.1.trim_end_matches('.').to_string()).collect::<Vec<String>>();
    assert_eq!(content("North Korea denies that the camps exist."), vec!["the camps exist"]);
    assert_eq!(
        content("South Korea's unification ministry estimates that between 80,000 and 120,000 people are held in the camps."),
        vec!["between 80,000 and 120,000 people are held in the camps"]
    );
    assert_eq!(
        content("A report by a Seoul-based rights group found that North Korea has executed at least seven people."),
        vec!["North Korea has executed at least seven people"]
    );
    assert_eq!(content("Friends have described him as a devout Christian who ran tours."), vec!["him as a devout Christian who ran tours"]);
    assert_eq!(content("His family has said he was tortured in custody for weeks."), vec!["he was tortured in custody for weeks"]);
    let r = rows("The report, based on interviews with more than 100 women, said many had been held in police holding centres.");
    assert_eq!(r[0].1.trim_end_matches('.'), "many had been held in police holding centres");
    let r = rows("A man has been sentenced to death for smuggling films, a US-funded broadcaster reported Tuesday.");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("A man has been sentenced to death for smuggling films", "outlet"));
    // "has added guard towers" tells what the regime did; the group is the source.
    let r = rows("North Korea has added guard towers and fences at the camp, according to a US-based human rights group.");
    assert_eq!((r.len(), r[0].2.as_str()), (1, "ngo"), "{r:?}");
}

/// A person described as once held or fled speaks as a defector; one described otherwise as a
/// person.
#[test]
fn described_people_who_were_held_or_fled_are_defectors() {
    let r = rows("A woman who was held at a nearby detention facility before fleeing to South Korea said guards beat inmates daily.");
    assert_eq!(r[0].2, "defector");
    let r = rows("A woman who sells vegetables at the market said prices of rice have doubled this month.");
    assert_eq!(r[0].2, "person");
}

#[test]
fn sources_with_participles_titles_and_interviewees() {
    let r = rows("Dozens were sent to labor camps in October, a reporting partner living in the city told ASIAPRESS.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Dozens were sent to labor camps in October", "anonymous_source"));

    let (doc, claims) = run("According to Mr Kim, guards at the prison beat inmates every night.");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(doc.slice(claims[0].span), "guards at the prison beat inmates every night");
    assert_eq!(claims[0].source_name.as_deref(), Some("Kim"));

    let r = rows("Those interviewed said that guards at the holding center routinely beat detainees.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2, "defector");
}

#[test]
fn told_without_that_starts_at_the_pronoun_after_the_listener() {
    let r = rows("A woman who fled in 2019 told investigators she had been forced to watch a public execution.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "she had been forced to watch a public execution");
    // a listener with no clause after it tells nothing
    assert!(rows("The defector told reporters about the camp in Seoul on Monday.").is_empty());
}

#[test]
fn a_cue_with_a_clause_of_its_own_is_no_relay() {
    // "officials warned that ..." is part of what the source said, not the outlet it came through
    let r = rows("A source in Hyesan said that at a meeting held in March, officials warned that smugglers would be punished as traitors.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].1.starts_with("at a meeting held in March, officials warned"), "{r:?}");
    // "..., the paper reported at the time.": the time belongs to the attribution
    let r = rows("In 2016, three smugglers were shot in Hyesan, the newspaper NK Daily Times reported at the time.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "In 2016, three smugglers were shot in Hyesan");
}

#[test]
fn according_to_then_which_added_gives_two_claims_of_one_source() {
    let r = rows("The pardon takes effect on Aug. 1, according to KCNA, which added that the Cabinet will help those released find work.");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, "The pardon takes effect on Aug. 1");
    assert_eq!(r[1].1, "the Cabinet will help those released find work");
    assert_eq!(r[0].3, r[1].3);
    assert!(r.iter().all(|x| x.2 == "state_media"));
}

#[test]
fn a_participle_after_the_main_clause_reports_for_its_subject() {
    let r = rows("The Unification Ministry welcomed the release, saying it hoped the other detainees would be freed soon.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("it hoped the other detainees would be freed soon", "official"));
    // "explained by saying" and "quoted as saying" belong to the verb before them
    let r = rows("She explained by saying that most of the guards took bribes from smugglers.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "most of the guards took bribes from smugglers");
    assert!(rows("Crowds cheered the leader, saying nothing about the camps.").is_empty());
    let r = rows("The ministry issued a statement, saying soldiers had shot two smugglers at the border.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].1, "soldiers had shot two smugglers at the border");
}

#[test]
fn people_speak_for_whom_the_phrase_ties_them_to() {
    let r = rows("Kim Soo-jin, a researcher at the group, said the camps had grown since 2015.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("the camps had grown since 2015", "ngo"));
    let r = rows("\"We are grateful,\" said family spokesman John Roe.");
    assert_eq!(r[0].2, "person", "{r:?}");
    // a "that" after a clause of its own belongs to that clause
    let r = rows("The official said the release did not mean that the camps were closing.");
    assert_eq!(r[0].1, "the release did not mean that the camps were closing", "{r:?}");
}

#[test]
fn a_long_office_then_the_name_speaks_as_the_office() {
    let r = rows("The U.N. special rapporteur on human rights in North Korea, Jane Roe, has estimated that 2,000 people are held.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("2,000 people are held", "official"));
}
