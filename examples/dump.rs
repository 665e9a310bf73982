//! Prints what every stage found in the given article files, for developing rules:
//! `cargo run --example dump -- examples/articles/003_a55e89c5f0ccdf92.txt [--published 2015-10-14] [--stage time|facilities|claims|events|article]`.

use std::path::PathBuf;

use _core::pipeline::{extract_loaded, LoadedDoc, Meta, Options};
use _core::text::{read_text_file, Decoding};
use _core::time::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut paths = Vec::new();
    let mut meta = Meta::default();
    let mut stage: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--published" => meta.published = args.next().as_deref().and_then(Date::parse_iso),
            "--stage" => stage = args.next(),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let options = Options::default();
    for path in paths {
        let text = read_text_file(&path, Decoding::Strict)?;
        let doc_id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let doc = LoadedDoc { doc_id: doc_id.clone(), text, meta: meta.clone() };
        for result in extract_loaded(vec![doc], &options, &mut |_| {}) {
            let want = |name: &str| stage.as_deref().is_none_or(|s| s == name);
            println!("===== {doc_id}");
            if want("article") {
                let mut article = result.article.clone();
                article.blocks.clear();
                println!("{article:#?}");
            }
            if want("time") {
                for expr in _core::time::analyse(&result.doc).exprs {
                    println!("TIME {:?} {:?}", result.doc.slice(expr.span), expr);
                }
            }
            if want("facilities") {
                for f in &result.facilities {
                    let spans: Vec<&str> = f.mentions.iter().map(|s| result.doc.slice(*s)).collect();
                    println!("FACILITY {f:?}\n   mentions: {spans:?}");
                }
            }
            if want("claims") {
                for c in &result.claims {
                    println!("CLAIM {:?}\n   {c:?}", result.doc.slice(c.span));
                }
            }
            if want("events") {
                for e in &result.events {
                    println!("EVENT {} {} {:?} | {:?}\n   {e:?}", e.event_type, e.status, e.date_value, result.doc.slice(e.evidence));
                }
            }
        }
    }
    Ok(())
}
