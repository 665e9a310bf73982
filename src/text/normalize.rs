//! Builds the normalised text and its offset map. Folding keeps rules simple (one quote mark, one
//! kind of space) while the map keeps every reported span auditable against the original.

use super::{Block, Paragraph, Span};

pub(super) struct Built {
    pub norm: String,
    pub norm_to_orig: Vec<u32>,
    pub paragraphs: Vec<Paragraph>,
}

/// What a character becomes in the normalised text.
pub enum Folded {
    Keep,
    Drop,
    Space,
    Into(char),
}

/// The folding applied to every character: quote marks to ASCII, exotic spaces to a space,
/// invisible characters dropped.
pub fn fold_char(ch: char) -> Folded {
    match ch {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Folded::Into('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => Folded::Into('\''),
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\n'
        | '\r'
        | '\u{000B}'
        | '\u{000C}'
        | '\u{0085}'
        | '\u{2028}'
        | '\u{2029}' => Folded::Space,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Folded::Drop,
        _ => Folded::Keep,
    }
}

struct Builder<'a> {
    original: &'a str,
    norm: String,
    map: Vec<u32>,
}

impl Builder<'_> {
    fn push(&mut self, ch: char, orig_pos: usize) {
        self.norm.push(ch);
        for _ in 0..ch.len_utf8() {
            self.map.push(orig_pos as u32);
        }
    }

    /// Appends a line, collapsing runs of spaces and trimming its ends.
    fn push_line(&mut self, range: std::ops::Range<usize>) {
        let Some(line) = self.original.get(range.clone()) else { return };
        let mut pending_space: Option<usize> = None;
        let mut wrote_any = false;
        for (offset, ch) in line.char_indices() {
            let pos = range.start + offset;
            match fold_char(ch) {
                Folded::Drop => {}
                Folded::Space => {
                    if wrote_any && pending_space.is_none() {
                        pending_space = Some(pos);
                    }
                }
                folded => {
                    if let Some(space_pos) = pending_space.take() {
                        self.push(' ', space_pos);
                    }
                    let out = match folded {
                        Folded::Into(c) => c,
                        _ => ch,
                    };
                    self.push(out, pos);
                    wrote_any = true;
                }
            }
        }
    }
}

pub(super) fn build(original: &str, blocks: &[Block]) -> Built {
    let mut builder = Builder { original, norm: String::with_capacity(original.len()), map: Vec::with_capacity(original.len() + 1) };
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for block in blocks {
        if !paragraphs.is_empty() {
            let at = block.lines.first().map_or(original.len(), |l| l.start);
            builder.push('\n', at.saturating_sub(1).min(original.len()));
            builder.push('\n', at.saturating_sub(1).min(original.len()));
        }
        let start = builder.norm.len();
        for (i, line) in block.lines.iter().enumerate() {
            if i > 0 && builder.norm.len() > start {
                // The line break the join replaces.
                builder.push(' ', line.start.saturating_sub(1));
            }
            builder.push_line(line.clone());
        }
        let end = builder.norm.len();
        if end > start {
            paragraphs.push(Paragraph { span: Span::new(start, end), kind: block.kind });
        } else if !paragraphs.is_empty() {
            // An empty block: take back its separator.
            builder.norm.truncate(start - 2);
            builder.map.truncate(start - 2);
        }
    }
    builder.map.push(original.len() as u32);
    Built { norm: builder.norm, norm_to_orig: builder.map, paragraphs }
}
