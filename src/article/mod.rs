//! Article stage: the layout of a news page as scraped: title, byline, dateline, outlet,
//! boilerplate, and the body paragraphs the extractors read.

pub mod outlets;

use crate::pipeline::Meta;
use crate::text::{Block, BlockKind};
use crate::time::Date;

/// What the article stage read from a document (the `articles` row, plus the body blocks).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInfo {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub translators: Vec<String>,
    pub published: Option<Date>,
    /// `metadata` or `text`.
    pub published_source: Option<&'static str>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub body: String,
    /// Title and body paragraphs (byte ranges of the original), in order.
    pub blocks: Vec<Block>,
}

pub fn analyse(original: &str, meta: &Meta) -> ArticleInfo {
    let blocks = plain_blocks(original);
    ArticleInfo {
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        published: meta.published,
        published_source: meta.published.map(|_| "metadata"),
        url: meta.url.clone(),
        blocks,
        ..ArticleInfo::default()
    }
}

/// Paragraphs separated by blank lines, every line kept: for text that is all body.
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = Vec::new();
    let mut pos = 0usize;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let range = pos..pos + content.len();
        pos += raw.len();
        if content.trim().is_empty() {
            if !lines.is_empty() {
                blocks.push(Block { kind: BlockKind::Body, lines: std::mem::take(&mut lines) });
            }
        } else {
            lines.push(range);
        }
    }
    if !lines.is_empty() {
        blocks.push(Block { kind: BlockKind::Body, lines });
    }
    blocks
}
