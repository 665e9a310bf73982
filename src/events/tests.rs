//! Whole-stage tests with sentences we wrote (other wordings, other outlets) and seed sentences.

use super::*;
use crate::time::Date;

fn events_at(text: &str, published: Option<Date>) -> (Document, Vec<Event>) {
    let doc = Document::from_plain("t", text, published);
    let time = crate::time::analyse(&doc);
    let lexicon = Lexicon::builtin();
    let events = extract(&doc, &lexicon, &time, &[], &[]);
    (doc, events)
}

fn events_of(text: &str) -> Vec<Event> {
    events_at(text, Date::new(2024, 5, 10)).1
}

fn types(events: &[Event]) -> Vec<(&str, &str)> {
    events.iter().map(|e| (e.event_type.as_str(), e.status.as_str())).collect()
}

#[test]
fn empty_and_off_topic_text_gives_nothing() {
    assert!(events_of("").is_empty());
    assert!(events_of("\u{a0}\u{2019}").is_empty());
    let trade = "North Korea and Russia signed a trade agreement on oil exports last week. Pyongyang also tested a \
                 ballistic missile, and Amnesty International said talks stalled.";
    assert!(events_of(trade).is_empty());
}

#[test]
fn one_amnesty_story_is_one_row() {
    let text = "North Korea issued a special pardon on Feb. 16, Kim Jong Il's birthday, sources said. \
                The amnesty covered inmates with good behavior. Dozens of prisoners were released from the \
                Chongori camp. The pardon came as a surprise to many families.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("amnesty", "occurred")]);
    let amnesty = &events[0];
    assert_eq!(amnesty.occasion.as_deref(), Some("kim_jong_il_birthday"));
    assert_eq!(amnesty.date_value.as_deref().map(|v| v.ends_with("02-16")), Some(true));
    assert_eq!((amnesty.count_min, amnesty.count_max), (Some(24), Some(99)));
    assert!(amnesty.subjects.contains(&"model_prisoners".to_string()));
    assert!(amnesty.measures.contains(&"release".to_string()));
    assert!(amnesty.mentions.len() >= 4);
}

#[test]
fn background_amnesties_are_rows_of_their_own() {
    // Seed sentence (000): a list of three past mass pardons.
    let text = "Kim granted mass pardons on the 100th anniversary of his grandfather's birthday in 2012, on the \
                70th founding anniversary of the country's communist party in 2015, and on the anniversary of the \
                country's founding in 2018.";
    let events = events_of(text);
    let dates: Vec<Option<&str>> = events.iter().map(|e| e.date_value.as_deref()).collect();
    assert_eq!(dates, vec![Some("2012-04-15"), Some("2015-10-10"), Some("2018-09-09")]);
    assert_eq!(events[1].anniversary, Some(70));
}

#[test]
fn negated_planned_and_habitual_amnesties() {
    let negated = events_of("The regime failed to order a mass pardon on Kim Il Sung's birthday in April.");
    assert_eq!(types(&negated), vec![("amnesty", "negated")]);
    let planned = events_of("Authorities have ordered that special pardons be given to prisoners to mark Party Foundation Day on Oct. 10.");
    assert_eq!(types(&planned), vec![("amnesty", "planned")]);
    assert_eq!(planned[0].occasion.as_deref(), Some("party_founding_day"));
    // Habitual amnesty statements make no row (gold keeps them optional).
    assert!(events_of("The state traditionally pardons a few prisoners on major holidays.").is_empty());
}

#[test]
fn exclusions_join_the_amnesty() {
    let text = "Pyongyang granted amnesty to thousands of inmates last month. Political prisoners were not \
                released, and those awaiting trial were excluded as well.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("amnesty", "occurred")]);
    assert!(events[0].excluded.contains(&"political_prisoners".to_string()), "{:?}", events[0]);
    assert_eq!(events[0].count_min, Some(2000));
}

#[test]
fn second_round_is_a_new_amnesty() {
    // Seed wording (003), shortened.
    let text = "Following a massive release of prisoners on Liberation Day on August 15, Pyongyang issued a second \
                round of pardons ahead of the 70th anniversary of the foundation of the Workers' Party. As was the \
                case in the first round, most were petty criminals.";
    let events = events_at(text, Date::new(2015, 10, 20)).1;
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0].occasion.as_deref(), Some("liberation_day"));
    assert_eq!(events[1].occasion.as_deref(), Some("party_founding_day"));
    assert_eq!(events[1].date_value, None, "'ahead of' gives the occasion, not the date");
}

#[test]
fn executions_detentions_and_repatriations() {
    let text = "North Korean authorities publicly executed three residents of Hyesan by firing squad in late March. \
                About 500 people were forced to watch the execution. Meanwhile, police arrested more than 20 traders \
                in April as part of a crackdown on smuggling. The Ministry of State Security plans to launch another \
                crackdown next month. China forcibly returned about 60 North Korean defectors on Apr. 26.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("execution", "occurred"), ("detention", "occurred"), ("detention", "planned"), ("repatriation", "occurred")]);
    assert_eq!(events[0].count_min, Some(3));
    assert_eq!(events[0].date_value.as_deref(), Some("2024-03-21/2024-03-31"));
    assert_eq!(events[1].count_min, Some(21));
    assert!(events[3].subjects.contains(&"repatriated_defectors".to_string()));
}

#[test]
fn camp_conditions_deaths_and_officials() {
    let text = "Two inmates at the Jongori prison died last month, one collapsing at work and the other beaten to \
                death by guards. Prisoners are fed starvation rations. The camp's warden was dismissed in January after \
                taking bribes. Inmates must attend lectures on the leader's greatness every evening.";
    let events = events_of(text);
    let kinds: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(kinds, vec!["death", "death", "abuse", "personnel", "corruption", "indoctrination"], "{events:?}");
    assert_eq!(events[5].status, "habitual");
}

#[test]
fn descriptions_do_not_start_events() {
    // Relative clauses describe the amnesty's subjects; they are not detentions of their own.
    let text = "The pardon applied to a man who was sentenced to 15 years, and to defectors who were repatriated \
                from China. They would have been sent to a political prison camp.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("amnesty", "occurred")], "{events:?}");
    assert!(events[0].subjects.contains(&"repatriated_defectors".to_string()));
}

#[test]
fn headline_joins_the_main_event() {
    let text = "Kim Jong Un frees thousands of prisoners\n\nNorth Korea released thousands of prisoners on Oct. 8-9, \
                before Party Foundation Day, a source said. The pardon covered thieves and drug dealers.";
    let events = events_at(text, Date::new(2015, 10, 14)).1;
    assert_eq!(types(&events), vec![("amnesty", "occurred")], "{events:?}");
    assert_eq!(events[0].date_value.as_deref(), Some("2015-10-08/2015-10-09"));
    assert!(events[0].subjects.contains(&"thieves".to_string()));
}

#[test]
fn mentions_and_evidence_are_inside_the_text() {
    let text = "Police arrested a woman in Hoeryong in early July. She was sent to a political prison camp.";
    let (doc, events) = events_at(text, Date::new(2024, 8, 1));
    for event in &events {
        assert!(!doc.slice(event.evidence).is_empty());
        for mention in &event.mentions {
            assert!(!doc.slice(*mention).is_empty());
        }
        assert!(event.rule.starts_with(&event.event_type));
    }
    assert_eq!(events.len(), 2);
}

#[test]
fn publications_and_custom_are_told_apart() {
    let text = "Former inmates said public executions were held twice a year at the camp. The report was released \
                on Tuesday by a human rights group.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("execution", "habitual")], "{events:?}");
}

#[test]
fn a_later_cue_gives_the_status() {
    // KCNA style: the decree first, the plan after.
    let text = "The Presidium of the Supreme People's Assembly issued a decree on granting a special amnesty to \
                convicts. The amnesty will come into force on Aug. 15.";
    let events = events_at(text, Date::new(2015, 8, 11)).1;
    assert_eq!(types(&events), vec![("amnesty", "planned")], "{events:?}");
    assert_eq!(events[0].date_value.as_deref(), Some("2015-08-15"));
}

#[test]
fn people_arrested_then_sent_to_a_camp_are_one_detention() {
    // The participle describes the people the camp sentence is about: one happening.
    let text = "Dozens of residents detained in a sweep against smugglers in Sinuiju have been sent to a labor training camp, \
                sources told Daily NK.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("detention", "occurred")]);
    // A finite arrest and a separate sentencing of others stay apart as before.
    let text = "Police arrested 12 traders in Hyesan in March. \
                In a separate case, a former official was sent to a political prison camp in June.";
    assert_eq!(events_of(text).iter().filter(|e| e.event_type == "detention").count(), 2);
    // "At least 40" includes 40.
    let text = "At least 40 people were arrested in Hyesan last week, a resident said.";
    assert_eq!(events_of(text)[0].count_min, Some(40));
}

#[test]
fn a_counted_death_in_custody_is_its_own_death_not_a_detention() {
    let text = "A defector said her brother died at a prison camp last year. \
                Human Rights Watch said at least 11 detainees died in custody at detention centers between 2020 and 2023.";
    let events = events_of(text);
    assert!(events.iter().all(|e| e.event_type == "death"), "{:?}", types(&events));
    assert_eq!(events.len(), 2, "{events:?}");
    let counted: Vec<Option<i64>> = events.iter().map(|e| e.count_min).collect();
    assert!(counted.contains(&Some(11)) && counted.contains(&None), "{counted:?}");
}

#[test]
fn a_possible_camp_sentence_is_no_event() {
    let events = events_of("The resident said those convicted could be sent to a labor training camp for up to a year.");
    assert!(events.is_empty(), "{:?}", types(&events));
    let events = events_of("Officials warned that smugglers may be sent to prison camps.");
    assert!(events.is_empty(), "{:?}", types(&events));
    let events = events_of("Twenty smugglers were sent to a labor training camp in May.");
    assert_eq!(types(&events), vec![("detention", "occurred")]);
}

#[test]
fn a_similar_crackdown_elsewhere_is_another_event() {
    let text = "Police launched a crackdown on private tutoring in Chongjin. \
                A resident of Hoeryong said a similar crackdown was underway in her city.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("detention", "occurred"), ("detention", "occurred")]);
    let text = "Police launched a crackdown on smugglers in Hyesan. The crackdown lasted a month.";
    assert_eq!(events_of(text).len(), 1);
}

#[test]
fn a_sweep_is_a_crackdown_but_sweeping_is_not() {
    let events = events_of("Security agents carried out a sweep against smugglers in Hyesan last month.");
    assert_eq!(types(&events), vec![("detention", "occurred")]);
    let events = events_of("The regime announced a sweeping crackdown on foreign media in March.");
    assert_eq!(types(&events), vec![("detention", "occurred")]);
    let events = events_of("Kim Jong Un ordered a sweeping amnesty on the party's anniversary.");
    assert!(events.iter().all(|e| e.event_type != "detention"), "{:?}", types(&events));
    assert!(events_of("The ruling party won a clean sweep in the local elections.").is_empty());
}

#[test]
fn the_day_a_source_spoke_does_not_date_the_event() {
    let events = events_of("Five officials were publicly executed in Pyongyang, the newspaper Dong-A Ilbo reported Monday.");
    assert_eq!(types(&events), vec![("execution", "occurred")]);
    assert_eq!(events[0].date_value, None);
    let events = events_of("North Korea said Friday it has arrested an American tourist.");
    assert_eq!(events[0].date_value, None);
    // Nor does the day a wire story was filed.
    let events = events_of("Dec. 3 (UPI) -- North Korea publicly executed a senior official last month.");
    assert_eq!(events.len(), 1, "{:?}", types(&events));
    assert_eq!(events[0].date_value.as_deref(), Some("2024-04"));
    // A day after the event's own verb still dates it.
    let events = events_of("Police arrested an American tourist on Friday, the ministry said.");
    assert_eq!(events[0].date_value.as_deref(), Some("2024-05-10"));
}

/// One amnesty marking two anniversaries of one year is one event: the first occasion is kept,
/// the written date is its date, and an amnesty recalled from years before is a row of its own
/// even though the story's amnesty is planned.
#[test]
fn joint_anniversaries_are_one_amnesty_and_an_old_one_stays_apart() {
    let text = "Pyongyang to free convicts in amnesty, state media says\n\n\
                North Korea will grant a special amnesty to prisoners from Feb. 1 to mark the 100th birthday of \
                Kim Il Sung and the 70th birthday of Kim Jong Il, KCNA said on Tuesday.\n\n\
                The North last announced a large-scale amnesty in 2005, to mark the 60th anniversary of the \
                founding of the Workers' Party.\n\n\
                Defectors said that in past amnesties thousands of inmates serving short sentences were released.";
    let (_, events) = events_at(text, Date::new(2012, 1, 10));
    let summary: Vec<(&str, Option<&str>, Option<&str>)> = events.iter().map(|e| (e.status.as_str(), e.date_value.as_deref(), e.occasion.as_deref())).collect();
    assert_eq!(
        summary,
        vec![
            ("planned", Some("2012-02-01"), Some("kim_il_sung_birthday")),
            ("occurred", Some("2005-10-10"), Some("party_founding_day")),
            ("occurred", None, None),
        ]
    );
    assert_eq!(events[0].anniversary, Some(100));
    // The headline ("to free ... in amnesty") is the planned amnesty's, not a past one's.
    assert_eq!(events[0].mentions[0].start, text.find("amnesty").unwrap());
    assert_eq!(events[2].count_min, Some(2000));
    // The release told in the past amnesties' sentence is theirs.
    assert_eq!(events[2].measures, vec!["release".to_string()]);
    assert!(events[1].measures.is_empty());
}

#[test]
fn headlines_write_the_future_with_to() {
    assert!(cues::is_headline_future("North Korea to free prisoners in "));
    assert!(cues::is_headline_future("DPRK to grant "));
    assert!(!cues::is_headline_future("Kim Jong Un granted amnesty to thousands of "));
    assert!(!cues::is_headline_future("Hundreds protest China's return of defectors to North Korea "));
    assert!(!cues::is_headline_future("Defectors sent to labor camps after "));
}

/// "She saw prisoners executed": the people after a verb of seeing are the participle's object,
/// so the execution is reported, not mentioned in passing as a reduced relative clause.
#[test]
fn a_witnessed_execution_is_an_event() {
    let text = "Camp survivor testifies\n\nShe said she saw two prisoners executed for stealing food.";
    let events = events_of(text);
    assert_eq!(types(&events), vec![("execution", "occurred")]);
    assert_eq!(events[0].count_min, Some(2));
    // A reduced relative clause still only describes.
    assert!(events_of("Camp survivor testifies\n\nThe families of prisoners executed for theft were sent away to farms.")
        .iter()
        .all(|e| e.event_type != "execution"));
}

/// "The execution comes after ... in December": the date is the law's, and "The execution" is
/// the one told before.
#[test]
fn a_date_after_comes_after_belongs_to_another_happening() {
    let text = "Man executed in Hyesan\n\nA man was executed by firing squad in Hyesan late last month, a source said.\n\n\
                The execution comes after North Korea passed a law in December punishing the spread of foreign films.";
    let (_, events) = events_at(text, Date::new(2021, 3, 8));
    assert_eq!(types(&events), vec![("execution", "occurred")]);
    assert_eq!(events[0].date_value.as_deref(), Some("2021-02-21/2021-02-28"));
    assert!(events[0].mentions.len() >= 2);
    // A clause opened by "after" owns the date inside it; a plain phrase after the verb does not.
    let (_, events) = events_at("The crackdown was ordered after several soldiers deserted across the river last month.", Date::new(2016, 4, 12));
    assert_eq!(events[0].date_value, None, "{events:?}");
    let (_, events) = events_at("He was executed after a trial in March.", Date::new(2016, 4, 12));
    assert_eq!(events[0].date_value.as_deref(), Some("2016-03"));
}

/// A demand is no happening ("called on Pyongyang to release"), and "continues to carry out" is
/// a practice, not a plan.
#[test]
fn demands_are_not_events_and_continuing_practice_is_habitual() {
    let text = "UN envoy urges release\n\nThe U.N. special rapporteur called Thursday on Pyongyang to release all political prisoners. \
                Activists also demanded the release of the detained missionaries. The State Department urged \
                Pyongyang to grant him amnesty.";
    let events = events_of(text);
    assert!(events.iter().all(|e| e.event_type != "release" && e.event_type != "amnesty"), "{events:?}");
    let events = events_of("North Korea continues to carry out public executions near markets and schools.");
    assert_eq!(types(&events), vec![("execution", "habitual")]);
    // A release that happened after a call is still one.
    let events = events_of("Prisoner freed\n\nAfter months of calls for his release, North Korea released the missionary on Tuesday.");
    assert!(events.iter().any(|e| e.status == "occurred"), "{events:?}");
}

/// Told only in passing ("had been executed"), a counted or dated happening is still a row when
/// the story tells of no other of its kind; headlines put the future as "to" and the verb.
#[test]
fn passing_mentions_with_a_count_and_headline_verbs() {
    let text = "Crackdown in Hyesan\n\nPolice have detained dozens of people, a source said. The source said that at least \
                three people had been executed in Hoeryong since January.";
    let events = events_of(text);
    let execution = events.iter().find(|e| e.event_type == "execution").expect("an execution row");
    assert_eq!(execution.count_min, Some(3));
    // "North Korea to execute man": the trigger is the verb after "to".
    assert!(cues::is_headline_future("North Korea to "));
    // A missile fired is no dismissal.
    assert!(events_of("North Korea fired a short-range ballistic missile into the sea on Thursday.").is_empty());
}

/// A death sentence is an execution ordered ("planned"), with the firing squad it names.
#[test]
fn a_death_sentence_is_a_planned_execution() {
    let events = events_of("A man has been sentenced to death by firing squad for smuggling copies of a South Korean drama.");
    assert_eq!(types(&events), vec![("execution", "planned")]);
    let events = events_of("The two men were publicly executed by firing squad in Hyesan last week.");
    assert_eq!(types(&events), vec![("execution", "occurred")]);
}

/// A subject that counts nobody negates an amnesty or release in its clause.
#[test]
fn a_subject_counting_nobody_negates() {
    let events = events_of("Three Americans were freed last week. None of the other detainees has benefited from any amnesty under Kim.");
    assert!(events.iter().any(|e| e.event_type == "amnesty" && e.status == "negated"), "{events:?}");
    let events = events_of("None of the political prisoners were released, the source said.");
    assert_eq!(types(&events), vec![("release", "negated")]);
}

/// A foreign detainee handed over is a release of its own, even in a story that recalls an amnesty.
#[test]
fn a_foreign_detainee_handed_over_is_a_release() {
    let text = "North Korea on Monday handed over to South Korea a university student it had detained for six months. \
                Pyongyang granted a sweeping amnesty to convicts from Aug. 1 to mark the anniversary of liberation.";
    let events = events_of(text);
    let kinds: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    assert!(kinds.contains(&"release") && kinds.contains(&"amnesty"), "{events:?}");
}

#[test]
fn a_written_date_beats_the_bare_year_it_refines() {
    let events = events_of("In 2015, the regime pardoned prisoners from Aug. 1 to celebrate the 70th anniversary of liberation.");
    assert_eq!(types(&events), vec![("amnesty", "occurred")]);
    assert_eq!(events[0].date_value.as_deref(), Some("2015-08-01"));
    assert_eq!(events[0].occasion.as_deref(), Some("liberation_day"));
}

#[test]
fn a_dated_happening_never_joins_one_said_not_to_happen() {
    let text = "Seoul urged Beijing that defectors should not be forcibly repatriated. \
                \"When I was sent back in 2012, the guards beat us,\" said a woman who fled again.";
    let events = events_of(text);
    let repatriations: Vec<(&str, Option<&str>)> =
        events.iter().filter(|e| e.event_type == "repatriation").map(|e| (e.status.as_str(), e.date_value.as_deref())).collect();
    assert!(repatriations.contains(&("occurred", Some("2012"))), "{repatriations:?}");
}

#[test]
fn threats_to_anyone_and_groups_told_before() {
    let text = "Police arrested dozens of smugglers in Hyesan in March, a source said. Most of those arrested were women. \
                Officials warned that anyone caught using a Chinese phone would be punished.";
    let events = events_of(text);
    let occurred: Vec<&Event> = events.iter().filter(|e| e.event_type == "detention" && e.status == "occurred").collect();
    assert_eq!(occurred.len(), 1, "{:?}", types(&events));
}

#[test]
fn a_decree_for_anniversaries_still_to_come_is_one_planned_amnesty_from_its_written_date() {
    let text = "Pyongyang, July 14 (KCNA) -- The Presidium of the Supreme People's Assembly issued a decree on granting \
                amnesty to convicts on the occasion of the 70th anniversary of the liberation of Korea and the 70th \
                anniversary of the founding of the Workers' Party of Korea. According to the decree, the amnesty will \
                be granted to convicts from August 1.";
    let (_, events) = events_at(text, Date::new(2015, 7, 14));
    assert_eq!(types(&events), vec![("amnesty", "planned")]);
    assert_eq!(events[0].date_value.as_deref(), Some("2015-08-01"));
    assert_eq!(events[0].occasion.as_deref(), Some("liberation_day"));
    // told after the anniversaries, the same decree is a past one
    let (_, events) = events_at(text.split(" According").next().unwrap_or(""), Date::new(2016, 1, 5));
    assert_eq!(types(&events), vec![("amnesty", "occurred")]);
}
