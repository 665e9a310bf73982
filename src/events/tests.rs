//! Whole-stage tests with sentences we wrote and seed sentences.

use super::*;

fn events_of(text: &str) -> Vec<Event> {
    let doc = Document::from_plain("t", text, None);
    let time = crate::time::analyse(&doc);
    extract(&doc, &Lexicon::default(), &time, &[], &[])
}

#[test]
fn empty_text_gives_nothing() {
    assert!(events_of("").is_empty());
    assert!(events_of("North Korea and Russia signed a trade deal.").is_empty());
}

#[test]
#[ignore]
fn show_sentences() {
    let text = std::fs::read_to_string("/work/shared/seeds/003_a55e89c5f0ccdf92.txt").unwrap();
    let doc = Document::from_plain("t", &text, None);
    for s in &doc.sentences {
        println!("SENT {:?}", doc.slice(s.span));
    }
}
