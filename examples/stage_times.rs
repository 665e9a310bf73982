//! Times each stage on one file, to find where a large document spends its time:
//! `cargo run --release --example stage_times -- FILE`.

use std::time::Instant;

use _core::article;
use _core::lexicon::Lexicon;
use _core::pipeline::Meta;
use _core::text::{read_text_file, Decoding, Document};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give a file")?;
    let text = read_text_file(std::path::Path::new(&path), Decoding::Strict)?;
    let lexicon = Lexicon::builtin();
    let t = Instant::now();
    let info = article::analyse(&text, &Meta::default());
    println!("article    {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let doc = Document::new("d", text, &info.blocks, info.published, info.outlet.clone());
    println!("document   {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let time = _core::time::analyse(&doc);
    println!("time       {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let facilities = _core::facilities::extract(&doc, &lexicon, &time);
    println!("facilities {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let claims = _core::claims::extract(&doc, &lexicon, &time);
    println!("claims     {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let events = _core::events::extract(&doc, &lexicon, &time, &facilities, &claims);
    println!("events     {:>8.3}s ({} events)", t.elapsed().as_secs_f64(), events.len());
    Ok(())
}
