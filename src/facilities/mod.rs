//! Facilities stage: finds, types and links every detention facility (or class of facilities) an
//! article refers to. One [`FacilityRef`] per distinct facility or class per document.
//!
//! Flow: `detect` (one pass for the vocabulary of `terms`, then the words around each hit)
//! -> `link` (gazetteer candidates per mention) -> `resolve` (rows and anaphora) -> rows here
//! (type, operator, id, place).
//!
//! Decisions worth knowing:
//! - Figurative and idiomatic uses ("once out of prison", "time in prison", "life outside of
//!   jail", "released from prison", "prison guards") make no row: a bare singular "prison"/"jail"
//!   needs a number, place, operator or determiner. Plural "prisons" is the class of prisons.
//! - Foreign facilities ("Chinese prisons", "a detention center in China") make no row.
//! - Operator: from the text ("run by", "under", "'s", "-run", coordinated lists, "its"/"the
//!   ministry's"), else the linked gazetteer facility's, else the facility type's usual one
//!   (kwanliso: state_security; kyohwaso, labor-training camps, holding centers: social_security).
//! - `facility_id` only from gazetteer candidates, and only when one is left after the type, number,
//!   place, operator, the cues of the reference's own sentence, and last the press's numbering
//!   habit ("Camp N" is the kwanliso, "Prison No. N" the kyohwaso); otherwise `candidates` only.

mod agencies;
mod around;
mod detect;
mod link;
mod phrases;
mod resolve;
pub mod terms;

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{Hit, Lexicon};
use crate::text::{Document, Span};
use crate::time::TimeAnalysis;

pub use detect::{agency_code, find_agencies, AgencyHit};

/// One row of the `facilities` table (spans are `Document::norm` bytes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacilityRef {
    /// First surface form, as written.
    pub name: String,
    pub facility_type: String,
    pub facility_id: Option<String>,
    pub candidates: Vec<String>,
    pub generic: bool,
    pub count: Option<i32>,
    pub number: Option<String>,
    pub operator: Option<String>,
    pub place_id: Option<String>,
    pub admin1: Option<String>,
    pub native_term: Option<String>,
    pub mentions: Vec<Span>,
}

pub fn extract(doc: &Document, lexicon: &Lexicon, time: &TimeAnalysis) -> Vec<FacilityRef> {
    extract_with_names(doc, lexicon, &lexicon.find(&doc.norm), time)
}

/// [`extract`] with the document's gazetteer names already found (the pipeline finds them once
/// for every stage).
pub fn extract_with_names(doc: &Document, lexicon: &Lexicon, names: &[Hit], time: &TimeAnalysis) -> Vec<FacilityRef> {
    let _ = time;
    let hits = names;
    let agencies = find_agencies(&doc.norm);
    let cx = detect::Context { doc, hits, agencies: &agencies, lexicon };
    let mut mentions = detect::find_mentions(&cx);
    let mut keyword_lists = KeywordLists::default();
    mentions.retain(|m| !keyword_lists.contains(doc, m.head_span));
    let all_spans = SentenceMentions::new(doc, mentions.iter().map(|m| m.span));
    for m in &mut mentions {
        link::candidates(m, lexicon);
    }
    // Facilities the story names unambiguously, with the sentence that names them.
    let named: Vec<(String, Option<usize>)> = mentions
        .iter()
        .filter_map(|m| match m.candidates.as_slice() {
            [one] => Some((one.clone(), doc.sentence_index_at(m.span.start))),
            _ => None,
        })
        .collect();
    for m in &mut mentions {
        m.decided = match m.candidates.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            several => {
                let cues = cue_text(doc, &[m.span], &all_spans);
                let surface = doc.slice(m.span);
                // The evidence around the mention first (type, operator, cues), then a candidate
                // the story names unambiguously in another sentence ("Jongo-ri prison camp ...
                // Camp No. 12"; in one sentence the two are a list), then the numbering habit.
                let sentence = doc.sentence_index_at(m.span.start);
                let elsewhere = || {
                    let mut known = several.iter().filter(|c| named.iter().any(|(id, s)| id == *c && *s != sentence));
                    match (known.next(), known.next()) {
                        (Some(only), None) => Some(only.clone()),
                        _ => None,
                    }
                };
                link::choose(several, lexicon, m.facility_type, m.operator, &cues, "")
                    .or_else(elsewhere)
                    .or_else(|| link::choose(several, lexicon, m.facility_type, m.operator, &cues, surface))
            }
        };
    }
    follow_appositions(doc, lexicon, &mut mentions);
    let groups = resolve::group(mentions);
    groups.iter().filter_map(|g| row(doc, lexicon, g, &all_spans)).collect()
}

/// "Chongori Kyohwaso, known as Camp No. 12", "Yodok (also called Camp 15)": a second name given
/// for a facility just named is that facility, whatever the second name alone would suggest.
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::regex(
        r"(?i)^\s*(?:,|\(|--|–|—)?\s*(?:(?:also|commonly|better|widely|officially|locally)\s+)?(?:known\s+as|called|referred\s+to\s+as|dubbed|or)\s+(?:the\s+)?$",
    )
});

/// "Kwanliso No. 16, a political prison camp that holds ...": a description of the facility
/// just named.
static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| crate::text::regex(r"(?i)^\s*,\s*(?:a|an)\s+(?:[a-z'-]+\s+){0,3}$"));

fn follow_appositions(doc: &Document, lexicon: &Lexicon, mentions: &mut [detect::Mention]) {
    for i in 1..mentions.len() {
        let (Some(before), Some(m)) = (mentions.get(i - 1), mentions.get(i)) else { continue };
        let Some(named) = before.decided.clone() else { continue };
        let between = doc.norm.get(before.span.end..m.span.start).unwrap_or("x");
        let second_name = m.candidates.len() > 1 && m.candidates.contains(&named) && APPOSITION.is_match(between);
        let fits = |t: &str| t == "prison" || lexicon.facility(&named).is_some_and(|f| f.facility_type == t);
        let description = m.one_unnamed && m.candidates.is_empty() && fits(m.facility_type) && DESCRIPTION.is_match(between);
        if let Some(m) = mentions.get_mut(i).filter(|_| second_name || description) {
            m.candidates = vec![named.clone()];
            m.decided = Some(named);
            m.one_unnamed = false;
        }
    }
}

/// Words that make a sentence suppose rather than tell ("they would have been sent to a camp").
const SUPPOSING: &[&str] = &["would", "could", "might", "may", "if", "any"];

/// "was sent to a political prison camp": one real facility, though unnamed. Not when the noun
/// modifies another ("a prison camp system") or the sentence only supposes it.
fn is_one_unnamed(doc: &Document, m: &detect::Mention) -> bool {
    if !m.one_unnamed || m.anaphor {
        return false;
    }
    let next = doc.norm.get(m.span.end..).unwrap_or("").split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()).to_ascii_lowercase();
    let sentence = doc.sentence_index_at(m.span.start).and_then(|i| doc.sentences.get(i)).map_or("", |s| doc.slice(s.span));
    let supposes = sentence.split(|c: char| !c.is_ascii_alphabetic()).any(|w| SUPPOSING.iter().any(|s| w.eq_ignore_ascii_case(s)));
    !detect::compound_modifier(&next) && !supposes
}

/// Every facility mention's span, in mention order, filed under the sentence that holds it, so
/// that a row's cue text looks only at its own sentences' mentions.
struct SentenceMentions {
    by_sentence: std::collections::HashMap<Span, Vec<Span>>,
}

impl SentenceMentions {
    fn new(doc: &Document, spans: impl Iterator<Item = Span>) -> SentenceMentions {
        let mut by_sentence: std::collections::HashMap<Span, Vec<Span>> = std::collections::HashMap::new();
        for span in spans {
            // a span lies in at most one sentence: the one its start is in, or (empty at a
            // sentence end) the one before
            let at = doc.sentence_index_at(span.start);
            let candidates = [at, at.and_then(|i| i.checked_sub(1))];
            let holder = candidates.iter().flatten().filter_map(|&i| doc.sentences.get(i)).find(|s| s.span.contains(span));
            if let Some(sentence) = holder {
                by_sentence.entry(sentence.span).or_default().push(span);
            }
        }
        SentenceMentions { by_sentence }
    }

    fn in_sentence(&self, sentence: Span) -> &[Span] {
        self.by_sentence.get(&sentence).map_or(&[], Vec::as_slice)
    }
}

/// The sentences of `own` spans with every other facility mention blanked out, so that "Camp 12
/// and the Chongori re-education camp" does not lend "re-education" to Camp 12.
fn cue_text(doc: &Document, own: &[Span], all: &SentenceMentions) -> String {
    let mut sentences: Vec<Span> = own.iter().filter_map(|s| doc.sentence_index_at(s.start).and_then(|i| doc.sentences.get(i))).map(|s| s.span).collect();
    sentences.sort();
    sentences.dedup();
    let mut own_sorted = own.to_vec();
    own_sorted.sort_unstable();
    let mut out = String::new();
    for sentence in sentences {
        let mut pos = sentence.start;
        for other in all.in_sentence(sentence).iter().filter(|o| own_sorted.binary_search(o).is_err()) {
            if other.start < pos {
                continue;
            }
            out.push_str(doc.slice(Span::new(pos, other.start)));
            out.push(' ');
            pos = other.end;
        }
        out.push_str(doc.slice(Span::new(pos, sentence.end)));
        out.push(' ');
    }
    out
}

/// Tag lines ("prisoners, prison, jail, imprisonment, camps, camp") are not prose. The answer
/// is kept per paragraph: a long paragraph is read once, not once per mention in it.
#[derive(Default)]
struct KeywordLists {
    known: std::collections::HashMap<usize, bool>,
}

impl KeywordLists {
    fn contains(&mut self, doc: &Document, span: Span) -> bool {
        let Some(index) = doc.paragraph_index_at(span.start) else {
            return false;
        };
        *self.known.entry(index).or_insert_with(|| in_keyword_list(doc, index))
    }
}

fn in_keyword_list(doc: &Document, paragraph: usize) -> bool {
    let Some(p) = doc.paragraphs.get(paragraph) else {
        return false;
    };
    let text = doc.slice(p.span);
    let items: Vec<&str> = text.split(',').collect();
    items.len() >= 4 && items.iter().all(|i| i.split_whitespace().count() <= 3) && !text.trim_end().ends_with('.')
}

fn row(doc: &Document, lexicon: &Lexicon, g: &resolve::Group, all_spans: &SentenceMentions) -> Option<FacilityRef> {
    let first = g.first()?;
    let named_type = g.facility_type();
    let mut candidates: Vec<String> = Vec::new();
    for id in g.ids() {
        if !candidates.contains(id) {
            candidates.push(id.clone());
        }
    }
    // A mention with one candidate settles it for the row.
    let single: Option<&String> = g.mentions.iter().find_map(|m| match m.candidates.as_slice() {
        [one] => Some(one),
        _ => None,
    });
    let own: Vec<Span> = g.mentions.iter().map(|m| m.span).collect();
    let cue_text = cue_text(doc, &own, all_spans);
    let text_operator = g.operator();
    let first_surface = doc.slice(first.span).to_string();
    let decided: Vec<&String> = g.mentions.iter().filter_map(|m| m.decided.as_ref()).collect();
    let facility_id = match single {
        Some(id) if candidates.len() == 1 => Some(id.clone()),
        _ => match decided.first() {
            Some(first) if decided.iter().all(|d| d == first) => Some((*first).clone()),
            _ => link::choose(&candidates, lexicon, named_type, text_operator, &cue_text, &first_surface),
        },
    };
    let facility = facility_id.as_deref().and_then(|id| lexicon.facility(id));
    let mut facility_type = named_type.to_string();
    if let Some(f) = facility {
        if named_type == "prison" || f.facility_type == named_type {
            facility_type = f.facility_type.clone();
        }
    } else if named_type == "prison" && !candidates.is_empty() {
        let types: Vec<&str> = candidates.iter().filter_map(|id| lexicon.facility(id)).map(|f| f.facility_type.as_str()).collect();
        if let Some(t) = types.first().filter(|t| types.iter().all(|x| x == *t)) {
            facility_type = (*t).to_string();
        }
    }
    let operator = text_operator
        .or_else(|| facility_id.as_deref().and_then(|id| link::facility_operator(lexicon, id)))
        .or_else(|| if facility.is_none() && candidates.len() <= 1 { terms::type_operator(&facility_type) } else { None })
        .map(str::to_string);
    let generic = !g.specific()
        && !g.mentions.iter().any(|m| is_one_unnamed(doc, m))
        && g.mentions.iter().filter(|m| !m.anaphor).all(|m| m.plural || m.places.is_empty() || m.places.len() > 1);
    let count = g.mentions.iter().find_map(|m| m.count).or_else(|| {
        // "holding centers in Sinuiju and Onsong": as many as the places named
        g.mentions.iter().filter(|m| m.plural && m.places.len() > 1).map(|m| m.places.len() as i32).next()
    });
    let place_id = facility.and_then(|f| f.place_id.clone()).or_else(|| {
        let places: Vec<&String> = g.mentions.iter().flat_map(|m| m.places.iter()).collect();
        match places.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    });
    let admin1 = facility.and_then(|f| f.admin1.clone()).or_else(|| place_id.as_deref().and_then(|p| lexicon.place(p)).and_then(|p| p.admin1.clone()));
    let mut mentions: Vec<Span> = g.mentions.iter().map(|m| m.span).collect();
    mentions.sort();
    mentions.dedup();
    Some(FacilityRef {
        name: doc.slice(first.span).to_string(),
        facility_type,
        facility_id: facility_id.clone(),
        candidates: if facility_id.is_some() && candidates.len() <= 1 { Vec::new() } else { candidates },
        generic,
        count,
        number: g.number().map(str::to_string),
        operator,
        place_id,
        admin1,
        native_term: g.mentions.iter().find_map(|m| m.native_term.clone()),
        mentions,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(FacilityRef, Vec<String>)> {
        let doc = Document::from_plain("t", text, None);
        let lexicon = Lexicon::builtin();
        let time = crate::time::analyse(&doc);
        extract(&doc, &lexicon, &time)
            .into_iter()
            .map(|f| {
                let spans = f.mentions.iter().map(|s| doc.slice(*s).to_string()).collect();
                (f, spans)
            })
            .collect()
    }

    #[test]
    fn seed_000_prisons_police_prisons_and_kaechon() {
        let rs = rows(
            "North Korea handed down a mass amnesty decree for inmates in the country's myriad of prisons and detention facilities on Apr. 15.\n\n\
             Amnesty was granted to inmates who had displayed model behavior during their time in prison.\n\n\
             Sources said that prisons throughout the country had been preparing. Even inmates at local prisons affiliated with municipal and county-level police offices were among those pardoned.\n\n\
             Dozens of prisoners were even released from the infamous Kaechon prison camp, according to sources.\n\n\
             \"The Kaechon prison camp inmates who were released had been sentenced to two to three years,\" one source said.",
        );
        assert_eq!(rs.len(), 3, "{rs:?}");
        assert_eq!(rs[0].0.facility_type, "prison");
        assert!(rs[0].0.generic && rs[0].0.operator.is_none());
        assert_eq!(rs[0].1.len(), 3);
        assert_eq!(rs[1].0.operator.as_deref(), Some("social_security"));
        let kaechon = &rs[2].0;
        assert!(!kaechon.generic);
        assert_eq!(kaechon.candidates, vec!["kwanliso-14".to_string(), "kyohwaso-1".to_string()]);
        assert_eq!(kaechon.facility_id.as_deref(), Some("kyohwaso-1"));
        assert_eq!(rs[2].1.len(), 2);
    }

    #[test]
    fn seed_001_coordinated_lists_and_operators() {
        let rs = rows(
            "Authorities ordered special pardons for many prisoners at the Ministry of Social Security's political prisons and labor camps to mark the birthday. \
             Political prisons and labor camps carried out a first round of selections. \
             Also excluded were prisoners at political prisons run by the Ministry of State Security, where inmates never receive pardons. \
             The Ministry of State Security plans a sweeping crackdown to refill its forced labor camps.",
        );
        let summary: Vec<(&str, Option<&str>, usize)> = rs.iter().map(|(f, m)| (f.facility_type.as_str(), f.operator.as_deref(), m.len())).collect();
        assert_eq!(
            summary,
            vec![
                ("kwanliso", Some("social_security"), 2),
                ("kyohwaso", Some("social_security"), 2),
                ("kwanliso", Some("state_security"), 1),
                ("kyohwaso", Some("state_security"), 1),
            ]
        );
    }

    #[test]
    fn seed_003_counts_native_terms_and_anaphora() {
        let rs = rows(
            "The state granted amnesty to prisoners serving in 12 re-education camps [kyohwaso] nationwide, and labor-training camps in each province, city and county. \
             They would have been sent to a political prison camp [kwanliso]. \
             \"Those already in the political prison camp system under the Ministry of State Security were not released,\" he said. \
             During the release at each re-education camp, prisoners pledged to keep mum on details related to the camp.",
        );
        assert_eq!(rs.len(), 3, "{rs:?}");
        assert_eq!((rs[0].0.count, rs[0].0.native_term.as_deref()), (Some(12), Some("kyohwaso")));
        assert_eq!(rs[0].1, vec!["12 re-education camps [kyohwaso]", "re-education camp", "camp"]);
        assert_eq!(rs[1].0.facility_type, "rodong_danryeondae");
        assert_eq!(rs[2].0.operator.as_deref(), Some("state_security"));
        assert_eq!(rs[2].1.len(), 2);
    }

    #[test]
    fn numbers_places_and_aliases_link() {
        let rs = rows(
            "Hundreds of prisoners at Kaechon internment camp No. 14 were let go. \
             The man was incarcerated at Prison No. 11 in Chungsan, and the prison banned visits. \
             Satellite images of kwanliso 15 (also known as Yodok) and kwanliso 25 show expansion.",
        );
        let ids: Vec<Option<&str>> = rs.iter().map(|(f, _)| f.facility_id.as_deref()).collect();
        assert_eq!(ids, vec![Some("kwanliso-14"), Some("kyohwaso-11"), Some("kwanliso-15"), Some("kwanliso-25")]);
        assert_eq!(rs[1].0.facility_type, "kyohwaso");
        assert_eq!(rs[1].1, vec!["Prison No. 11 in Chungsan", "prison"]);
        assert_eq!(rs[2].0.operator.as_deref(), Some("state_security"));
    }

    #[test]
    fn a_gloss_in_brackets_stands_between_term_and_place() {
        let rs = rows("She was sent to the kyohwaso (long-term prison) at Jongo-ri for three years.");
        assert_eq!(rs.len(), 1, "{rs:?}");
        assert_eq!(rs[0].0.facility_id.as_deref(), Some("kyohwaso-12"));
        assert_eq!(rs[0].1, vec!["kyohwaso (long-term prison) at Jongo-ri"]);
    }

    #[test]
    fn other_wordings_from_other_outlets() {
        // AP / UPI / RFA style sentences written for this test
        let rs = rows(
            "North Korea holds up to 120,000 people in four large political prison camps known as kwanliso, a U.N. panel said. \
             Ordinary criminals are held in a separate network of prisons known as kyohwaso, run by the Ministry of People's Security. \
             Shin Dong-hyuk, who was born in Camp 14, watched his mother's execution at the camp. \
             Police detention facilities in Hyesan were overcrowded, an RFA source said. \
             Jang was sent to the Kaechon camp for life under guilt by association. \
             Another man was sentenced to five years and sent to Kaechon, where he was released in an amnesty.",
        );
        type Summary<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<i32>);
        let summary: Vec<Summary> = rs.iter().map(|(f, _)| (f.facility_type.as_str(), f.facility_id.as_deref(), f.operator.as_deref(), f.count)).collect();
        assert_eq!(
            summary,
            vec![
                ("kwanliso", None, Some("state_security"), Some(4)),
                ("kyohwaso", None, Some("social_security"), None),
                ("kwanliso", Some("kwanliso-14"), Some("state_security"), None),
                ("kuryujang", None, Some("social_security"), None),
                ("kyohwaso", Some("kyohwaso-1"), Some("social_security"), None),
            ]
        );
        // "the Kaechon camp for life" is the kwanliso: it joins Camp 14, not the released man's Kaechon
        assert_eq!(rs[2].1, vec!["Camp 14", "camp", "Kaechon camp"]);
    }

    #[test]
    fn figurative_foreign_and_false_friends_make_no_rows() {
        let rs = rows(
            "Prisoners were released. They should work hard once out of prison. It will help them get used to life outside of jail. \
             These were people who had been in Chinese prisons. She fled to a refugee camp in Thailand, then to a detention center in China. \
             The nuclear facility at Yongbyon was active, and the summer camp was closed. Prison guards told inmates to behave.",
        );
        assert!(rs.is_empty(), "{rs:?}");
    }

    #[test]
    fn holding_centers_with_operator_places_and_anaphora() {
        let rs = rows(
            "Repatriated defectors are being detained at Ministry of State Security holding centers near the China-North Korea border. \
             Defectors say they were abused in the holding centers. \
             They are held at Ministry of State Security holding centers in Sinuiju and Onsong. \
             China turned them over to the Ministry of State Security, which transferred them to the ministry's holding centers in Sinuiju and Onsong.",
        );
        assert_eq!(rs.len(), 1, "{rs:?}");
        let f = &rs[0].0;
        assert_eq!((f.facility_type.as_str(), f.operator.as_deref(), f.count, f.generic), ("jipkyulso", Some("state_security"), Some(2), true));
        assert_eq!(rs[0].1.len(), 4);
    }

    #[test]
    fn zones_and_numbering_habits() {
        let rs = rows(
            "Shin was born in the Camp 14 total control zone. He said the total control zone held thousands. \
             Kang later wrote about Camp 12 and the Chongori re-education camp.",
        );
        assert_eq!(rs[0].0.facility_id.as_deref(), Some("kwanliso-14"));
        assert_eq!(rs[0].1, vec!["Camp 14 total control zone", "total control zone"]);
        // "Camp 12" is ambiguous (kwanliso-12, kyohwaso-12): the camp numbering picks the kwanliso,
        // and the named re-education camp stays its own row
        assert_eq!(rs[1].0.candidates, vec!["kwanliso-12".to_string(), "kyohwaso-12".to_string()]);
        assert_eq!(rs[1].0.facility_id.as_deref(), Some("kwanliso-12"));
        assert_eq!(rs[2].0.facility_id.as_deref(), Some("kyohwaso-12"));
        // Given as a second name of the re-education camp, "Camp No. 12" is that camp.
        let rs = rows("The group interviewed 31 defectors held at Chongori Kyohwaso, known as Camp No. 12, between 2010 and 2018.");
        let ids: Vec<Option<&str>> = rs.iter().map(|(f, _)| f.facility_id.as_deref()).collect();
        assert_eq!(ids, vec![Some("kyohwaso-12")], "{rs:?}");
        // Named unambiguously elsewhere in the story, "Camp No. 12" is that camp.
        let rs = rows("Food rations at Camp No. 12 have been cut. Inmates at the Jongo-ri prison camp are dying of hunger.");
        let ids: Vec<Option<&str>> = rs.iter().map(|(f, _)| f.facility_id.as_deref()).collect();
        assert_eq!(ids, vec![Some("kyohwaso-12")], "{rs:?}");
        let rs = rows("Images show new buildings inside Kwanliso No. 16, a political prison camp that holds an estimated 20,000 people.");
        assert_eq!(rs.len(), 1, "{rs:?}");
        assert_eq!(rs[0].1, vec!["Kwanliso No. 16", "political prison camp"]);
    }

    /// One facility named by its place is not the class of facilities spoken of before it.
    #[test]
    fn a_placed_facility_is_not_the_class_before_it() {
        let rs = rows("Women are held in police holding centres for months. One woman said she was beaten at a holding centre in Onsong.");
        let summary: Vec<(bool, Option<&str>)> = rs.iter().map(|(f, _)| (f.generic, f.place_id.as_deref())).collect();
        assert_eq!(summary, vec![(true, None), (false, Some("onsong"))], "{rs:?}");
    }

    /// "a political prison camp" is one camp the story does not name; a supposition or a noun
    /// it modifies keeps the class.
    #[test]
    fn an_unnamed_camp_is_one_facility() {
        let generic = |text: &str| rows(text).iter().map(|(f, _)| f.generic).collect::<Vec<bool>>();
        assert_eq!(generic("Kim's family members were sent to a political prison camp, the source said."), vec![false]);
        assert_eq!(generic("Bae is serving his sentence at a special labor camp for foreigners."), vec![false]);
        assert_eq!(generic("They would have been sent to a political prison camp, but they were freed."), vec![true]);
        assert_eq!(generic("Defectors say political prison camps hold thousands."), vec![true]);
    }

    #[test]
    fn kcna_and_crackdown_wordings() {
        let rs = rows(
            "Those who committed crimes will be released from reformatories from Oct. 10. \
             A man was sentenced to life in prison, and another got a prison sentence of ten years. \
             The prison system is harsh, and North Korea's prisons are overcrowded. \
             Officials said the center of Hyesan was quiet. The jails run by the police were full. \
             The camp of reformist politicians met at Camp David.",
        );
        let summary: Vec<(&str, &str, Option<&str>)> = rs.iter().map(|(f, m)| (m[0].as_str(), f.facility_type.as_str(), f.operator.as_deref())).collect();
        assert_eq!(
            summary,
            vec![("reformatories", "kyohwaso", Some("social_security")), ("prisons", "prison", None), ("jails", "prison", Some("social_security")),]
        );
        assert!(rs.iter().all(|(_, m)| m.len() == 1), "{rs:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", " ", "camp", "No. 1", "Camp 1,000 prisoners", "é prison ü camps [kyohwaso", "the camp's (also known as"] {
            let _ = rows(text);
        }
    }
}
