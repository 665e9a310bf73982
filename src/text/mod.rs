//! Text stage: decoding, normalisation with an offset map back to the original, and segmentation.
//!
//! Every later stage reads [`Document::norm`], a normalised copy of the article's title and body
//! (curly quotes folded to straight ones, NBSP and other spaces to a plain space, hard-wrapped
//! lines joined, boilerplate lines left out) and reports byte spans into it. Only when the tables
//! are built are those spans mapped back to code point offsets into the text exactly as given
//! ([`Document::char_span`]), so rules never have to think about the original's quirks.

mod decode;
mod normalize;
pub mod numbers;
mod segment;

pub use decode::{decode_bytes, read_text_file, Decoding};
pub use normalize::fold_char;
pub use segment::split_sentences;

use crate::time::Date;

/// A half-open byte range `[start, end)` into [`Document::norm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The headline.
    Title,
    /// A sub-headline or standfirst printed under the title.
    Dek,
    /// A body paragraph (including cross-heads such as "A SURPRISE MOVE").
    Body,
}

/// A paragraph of the article as the article stage found it: the byte ranges of its lines in the
/// original text, joined with a space in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub lines: Vec<std::ops::Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// One article, ready for the extractors.
#[derive(Debug, Clone)]
pub struct Document {
    pub doc_id: String,
    /// The text exactly as given (after UTF-8 decoding).
    pub original: String,
    /// Title and body paragraphs, normalised, separated by `"\n\n"`.
    pub norm: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Publication date (metadata first, then text): anchors relative dates.
    pub published: Option<Date>,
    /// Publishing outlet, when known; claims use it for "told <outlet>".
    pub outlet: Option<String>,
    /// For each byte of `norm` (plus one past the end), the byte of `original` it came from.
    norm_to_orig: Vec<u32>,
    /// Byte positions of the multi-byte characters of `original`, with the number of extra bytes
    /// before and including each: code point offsets come from one binary search.
    wide_chars: Vec<(u32, u32)>,
}

impl Document {
    /// Builds the normalised text of the given blocks of `original`.
    pub fn new(doc_id: impl Into<String>, original: String, blocks: &[Block], published: Option<Date>, outlet: Option<String>) -> Document {
        let built = normalize::build(&original, blocks);
        let mut sentences = Vec::new();
        for (index, paragraph) in built.paragraphs.iter().enumerate() {
            let text = built.norm.get(paragraph.span.start..paragraph.span.end).unwrap_or("");
            for span in split_sentences(text) {
                sentences.push(Sentence { span: Span::new(paragraph.span.start + span.start, paragraph.span.start + span.end), paragraph: index });
            }
        }
        let wide_chars = wide_char_table(&original);
        Document {
            doc_id: doc_id.into(),
            original,
            norm: built.norm,
            paragraphs: built.paragraphs,
            sentences,
            published,
            outlet,
            norm_to_orig: built.norm_to_orig,
            wide_chars,
        }
    }

    /// A document whose whole text is body: for tests and for callers that did their own cleaning.
    pub fn from_plain(doc_id: &str, text: &str, published: Option<Date>) -> Document {
        let blocks = crate::article::plain_blocks(text);
        Document::new(doc_id, text.to_string(), &blocks, published, None)
    }

    /// The normalised text of a span ("" if the span is out of range or not on char boundaries).
    pub fn slice(&self, span: Span) -> &str {
        self.norm.get(span.start..span.end).unwrap_or("")
    }

    /// The sentence that contains the byte `pos` of `norm`.
    pub fn sentence_index_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences.get(i).filter(|s| s.span.start <= pos).map(|_| i)
    }

    /// The paragraph that contains the byte `pos` of `norm`.
    pub fn paragraph_index_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= pos);
        self.paragraphs.get(i).filter(|p| p.span.start <= pos).map(|_| i)
    }

    /// The byte range of `original` that a span of `norm` came from.
    pub fn orig_span(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.norm_to_orig.get(span.start).copied().unwrap_or(0) as usize;
        let end = if span.end == 0 || span.end <= span.start {
            start
        } else {
            // The end of the original character behind the span's last byte.
            let last = self.norm_to_orig.get(span.end - 1).copied().unwrap_or(0) as usize;
            last + self.original.get(last..).and_then(|s| s.chars().next()).map_or(0, char::len_utf8)
        };
        start..end.max(start)
    }

    /// Code point offset of a byte offset into `original`.
    pub fn char_offset(&self, orig_byte: usize) -> usize {
        let i = self.wide_chars.partition_point(|&(pos, _)| (pos as usize) < orig_byte);
        let extra = if i == 0 { 0 } else { self.wide_chars.get(i - 1).map_or(0, |&(_, e)| e as usize) };
        orig_byte - extra
    }

    /// A span of `norm` as `(start, end)` code point offsets into the original text.
    pub fn char_span(&self, span: Span) -> (i32, i32) {
        let range = self.orig_span(span);
        (self.char_offset(range.start) as i32, self.char_offset(range.end) as i32)
    }

    /// The original text behind a span of `norm` (what a reader sees at the reported offsets).
    pub fn original_slice(&self, span: Span) -> &str {
        let range = self.orig_span(span);
        self.original.get(range).unwrap_or("")
    }
}

fn wide_char_table(text: &str) -> Vec<(u32, u32)> {
    let mut table = Vec::new();
    let mut extra = 0u32;
    for (pos, ch) in text.char_indices() {
        let width = ch.len_utf8() as u32;
        if width > 1 {
            extra += width - 1;
            // The character ends at pos + width: bytes past it have `extra` fewer code points.
            table.push((pos as u32 + 1, extra));
        }
    }
    table
}

/// Compiles one of the crate's constant patterns. Patterns are literals in the source, each
/// compiled (and so checked) by the unit tests of the module that owns it; a failure here is a
/// programming error caught before release, which is why this one place may panic.
#[allow(clippy::expect_used)]
pub fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("constant pattern compiles")
}

/// A wire dateline opening a lead: "SEOUL, Oct. 14 (UPI) -- ", "Dec. 3 (UPI) -- ", "(Seoul) – ".
static WIRE_DATELINE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*,?[^()
]{0,30})?\([^()
]{1,40}\)\s*(?:--|—|–|-)\s*",
    )
    .ok()
});

/// Length of the wire dateline that opens `text` (place, day, agency in brackets, dash), if any:
/// it tells where and when the story was filed, not what happened.
pub fn wire_dateline_len(text: &str) -> Option<usize> {
    // A dateline has its agency in brackets.
    if !text.contains('(') {
        return None;
    }
    WIRE_DATELINE.as_ref().and_then(|r| r.find(text)).map(|m| m.end())
}

/// Whether `haystack` contains `needle` with ASCII letters compared case-insensitively (what
/// `haystack.to_ascii_lowercase().contains(needle)` answers for a lower-case needle, without the
/// copy). Used as a cheap test before running a regex that needs the word.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(first) = needle.first().map(u8::to_ascii_lowercase) else {
        return true;
    };
    (0..hay.len())
        .any(|i| hay.get(i).is_some_and(|b| b.to_ascii_lowercase() == first) && hay.get(i..i + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_folding() {
        let text = "“Dozens were released,” a source said.\u{a0}\r\nNext line.";
        let doc = Document::from_plain("d", text, None);
        assert!(doc.norm.starts_with("\"Dozens were released,\" a source said."));
        let start = doc.norm.find("Dozens").unwrap_or(0);
        let span = Span::new(start, start + "Dozens were released".len());
        let (s, e) = doc.char_span(span);
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[s as usize..e as usize].iter().collect();
        assert_eq!(got, "Dozens were released");
        let quote = Span::new(0, doc.norm.find(" a source").unwrap_or(0));
        assert_eq!(doc.original_slice(quote), "“Dozens were released,”");
    }

    #[test]
    fn sentences_are_found() {
        let doc = Document::from_plain("d", "He left on Apr. 15. She stayed. Camp No. 14 is in Kaechon.", None);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(sentences, vec!["He left on Apr. 15.", "She stayed.", "Camp No. 14 is in Kaechon."]);
    }
}
