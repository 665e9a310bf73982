//! Direct quotations: finds quoted segments in the folded text and ties each to its attribution.
//!
//! `doc.norm` folds every quote mark to `"`, so a mark opens a quote when it follows the start of
//! a paragraph, a space, a bracket or a dash and precedes a non-space; otherwise it closes one. A
//! paragraph that opens a quote without closing it continues into the next paragraph's opening
//! quote (newspaper convention), and all segments of such a run share one attribution. A segment
//! is a claim only when a cue is adjacent: after it (`"...," he said`), before it (`He added:
//! "..."`), or inherited (the second half of a quote split around its cue, or the continuation
//! of a run). Short quoted phrases inside narration have no adjacent cue and stay out (scare
//! quotes, slogans, titles).

use super::{Attribution, CueHit};
use crate::text::{Document, Span};

/// One stretch of quoted text within a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSegment {
    /// Byte of the opening quote mark.
    pub open: usize,
    /// The quoted text, without the marks.
    pub content: Span,
    /// Byte of the closing mark; `None` when the paragraph ends inside the quote.
    pub close: Option<usize>,
    pub paragraph: usize,
}

fn opens_quote(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + 1..).and_then(|s| s.chars().next());
    let before_ok = match before {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | ':'),
    };
    before_ok && after.is_some_and(|c| !c.is_whitespace())
}

/// Every double-quoted segment of the document, in order.
pub fn segments(doc: &Document) -> Vec<QuoteSegment> {
    let mut found = Vec::new();
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        let text = doc.slice(paragraph.span);
        let base = paragraph.span.start;
        let mut open: Option<usize> = None;
        for (i, _) in text.match_indices('"') {
            let is_open = opens_quote(text, i);
            match open {
                None if is_open => open = Some(i),
                None => {}
                Some(start) => {
                    if is_open {
                        // A second opening mark inside an open quote: the first was never closed.
                        found.push(make_segment(text, base, start, None, index));
                        open = Some(i);
                    } else {
                        found.push(make_segment(text, base, start, Some(i), index));
                        open = None;
                    }
                }
            }
        }
        if let Some(start) = open {
            found.push(make_segment(text, base, start, None, index));
        }
        if !text.contains('"') {
            found.extend(single_quoted(text, base, index));
        }
    }
    found
}

/// British-style quotations in single marks ('The camps are full,' he said), in paragraphs without
/// double marks. Apostrophes are everywhere ("Kim Il Sung's", "prisoners'"), so only a mark that
/// opens before a letter and one that closes right after `,` `.` `?` `!` count.
fn single_quoted(text: &str, base: usize, paragraph: usize) -> Vec<QuoteSegment> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, _) in text.match_indices('\'') {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + 1..).and_then(|s| s.chars().next());
        match open {
            None => {
                if opens_quote(text, i) && after.is_some_and(char::is_alphabetic) {
                    open = Some(i);
                }
            }
            Some(start) => {
                let closes = before.is_some_and(|c| matches!(c, ',' | '.' | '?' | '!')) && space_or_end(after);
                if closes {
                    found.push(make_segment(text, base, start, Some(i), paragraph));
                    open = None;
                }
            }
        }
    }
    found
}

/// Whether a character after a closing mark ends the quotation (space, bracket or text end).
fn space_or_end(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || c == ')',
    }
}

fn make_segment(text: &str, base: usize, open: usize, close: Option<usize>, paragraph: usize) -> QuoteSegment {
    let end = close.unwrap_or(text.len());
    let inner = text.get(open + 1..end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    QuoteSegment {
        open: base + open,
        content: Span::new(base + open + 1 + lead, base + open + 1 + lead + trimmed.len()),
        close: close.map(|c| base + c),
        paragraph,
    }
}

/// End of the clause that follows a closing quote: the next opening quote or sentence end.
fn attribution_end(doc: &Document, from: usize, limit: usize) -> usize {
    let text = doc.norm.get(from..limit).unwrap_or("");
    let mut end = text.len();
    if let Some(q) = text.find('"') {
        end = end.min(q);
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate().take(end) {
        if matches!(b, b'.' | b'!' | b'?') {
            let next = bytes.get(i + 1).copied();
            let after = bytes.get(i + 2).copied();
            let word_start = text.get(..i).and_then(|s| s.rsplit(' ').next()).unwrap_or("");
            let abbreviation = word_start.len() <= 4 && word_start.chars().next().is_some_and(char::is_uppercase);
            if next.is_none() || (next == Some(b' ') && after.is_some_and(|c| c.is_ascii_uppercase() || c == b'"') && !abbreviation) {
                end = i;
                break;
            }
        }
    }
    from + end
}

/// The cues (sorted by start, as [`super::find_cues`] gives them) that start in `[from, to)`.
fn cues_starting_in(cues: &[CueHit], from: usize, to: usize) -> &[CueHit] {
    let lo = cues.partition_point(|c| c.span.start < from);
    let hi = cues.partition_point(|c| c.span.start < to).max(lo);
    cues.get(lo..hi).unwrap_or(&[])
}

/// The attribution written right after a closing quote (`," he said`, `," said the source`).
fn after_attribution(doc: &Document, seg: &QuoteSegment, cues: &[CueHit]) -> Option<Attribution> {
    let close = seg.close?;
    let paragraph = doc.paragraphs.get(seg.paragraph)?;
    let from = close + 1;
    let end = attribution_end(doc, from, paragraph.span.end);
    let rest = doc.norm.get(from..end)?;
    let content = doc.slice(seg.content);
    let ends_open = content.ends_with([',', '?', '!', '-', '—', '–']) || rest.trim_start().starts_with(',');
    if !ends_open || rest.trim().is_empty() {
        return None;
    }
    let cue = cues_starting_in(cues, from, end).iter().find(|c| c.span.end <= end && c.cue != "according to")?;
    let before = doc.norm.get(from..cue.span.start)?;
    if before.split_whitespace().count() > 20 {
        return None;
    }
    let lead = before.trim_start_matches([',', ' ']);
    let has_words = lead.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1);
    if has_words {
        let start = from + (before.len() - lead.len());
        let source = Span::new(start, start + lead.trim_end().len());
        return Some(Attribution { cue: cue.cue, cue_span: cue.span, source, tail: Span::new(cue.span.end, end) });
    }
    // "said the source, who ..." / "said another defector in China".
    let after = doc.norm.get(cue.span.end..end)?;
    let stop = super::appositive_end(after);
    let phrase = after.get(..stop)?;
    let lead_ws = phrase.len() - phrase.trim_start().len();
    let source = Span::new(cue.span.end + lead_ws, cue.span.end + phrase.trim_end().len());
    (!source.is_empty()).then_some(Attribution { cue: cue.cue, cue_span: cue.span, source, tail: Span::new(source.end, end) })
}

/// The attribution written right before an opening quote (`He added: "`, `testified, "`).
fn before_attribution(doc: &Document, seg: &QuoteSegment, region_start: usize, cues: &[CueHit]) -> Option<Attribution> {
    let region = doc.norm.get(region_start..seg.open)?;
    let trimmed = region.trim_end();
    if !trimmed.ends_with([':', ',']) {
        return None;
    }
    let cue = cues_starting_in(cues, region_start, seg.open).iter().rev().find(|c| c.span.end <= seg.open && c.cue != "according to")?;
    let between = doc.norm.get(cue.span.end..region_start + trimmed.len())?;
    if between.split_whitespace().count() > 6 || between.contains(['.', '"']) {
        return None;
    }
    let prefix = doc.norm.get(region_start..cue.span.start)?;
    let subject = super::subject_of(prefix);
    let source = Span::new(region_start + subject.start, region_start + subject.end);
    if source.is_empty() {
        return None;
    }
    Some(Attribution { cue: cue.cue, cue_span: cue.span, source, tail: Span::new(cue.span.end, seg.open) })
}

/// A quotation claim before source resolution.
#[derive(Debug, Clone)]
pub struct QuoteClaim {
    pub content: Span,
    pub attribution: Attribution,
}

/// Attributed quotations of the document (their `cue_span`s are off limits to reported speech).
pub fn attributed(doc: &Document, segs: &[QuoteSegment], cues: &[CueHit]) -> Vec<QuoteClaim> {
    let mut attributions: Vec<Option<Attribution>> = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let previous_close = i.checked_sub(1).and_then(|p| segs.get(p)).filter(|p| p.paragraph == seg.paragraph).and_then(|p| p.close.map(|c| c + 1));
        let sentence_start = doc.sentence_index_at(seg.open).and_then(|s| doc.sentences.get(s)).map_or(seg.open, |s| s.span.start);
        let paragraph_start = doc.paragraphs.get(seg.paragraph).map_or(0, |p| p.span.start);
        let region_start = previous_close.unwrap_or(sentence_start.max(paragraph_start)).max(paragraph_start);
        let attribution = after_attribution(doc, seg, cues).or_else(|| before_attribution(doc, seg, region_start, cues));
        attributions.push(attribution);
    }
    // Inherit: quote runs over paragraphs (both ways), then the second half of a split quote.
    for _ in 0..2 {
        for i in 0..segs.len() {
            let (Some(seg), Some(next)) = (segs.get(i), segs.get(i + 1)) else {
                continue;
            };
            // A short caption line ("Click to enlarge") may sit between the paragraphs of a run.
            let gap_ok = next.paragraph == seg.paragraph + 1
                || (next.paragraph == seg.paragraph + 2
                    && doc.paragraphs.get(seg.paragraph + 1).is_some_and(|p| {
                        let between = doc.slice(p.span);
                        between.split_whitespace().count() <= 5 && !between.contains('"')
                    }));
            let continues = seg.close.is_none() && gap_ok && doc.paragraphs.get(next.paragraph).is_some_and(|p| p.span.start == next.open);
            if !continues {
                continue;
            }
            let (a, b) = (attributions.get(i).cloned().flatten(), attributions.get(i + 1).cloned().flatten());
            match (a, b) {
                (Some(a), None) => set(&mut attributions, i + 1, a),
                (None, Some(b)) => set(&mut attributions, i, b),
                _ => {}
            }
        }
    }
    for i in 1..segs.len() {
        let (Some(prev), Some(seg)) = (segs.get(i - 1), segs.get(i)) else {
            continue;
        };
        let inherited = attributions.get(i - 1).cloned().flatten();
        if attributions.get(i).is_some_and(Option::is_none) && prev.paragraph == seg.paragraph {
            if let Some(a) = inherited {
                if a.cue_span.start > prev.content.end {
                    set(&mut attributions, i, a);
                }
            }
        } else if attributions.get(i).is_some_and(Option::is_none) && prev.paragraph + 1 == seg.paragraph {
            // A paragraph that is one whole quotation, right after an attributed quotation.
            let whole = doc.paragraphs.get(seg.paragraph).is_some_and(|p| p.span.start == seg.open && seg.close.is_some_and(|c| c + 1 >= p.span.end));
            if let (true, Some(a)) = (whole, inherited) {
                set(&mut attributions, i, a);
            }
        }
    }
    let mut claims: Vec<QuoteClaim> = Vec::new();
    for (seg, attribution) in segs.iter().zip(attributions) {
        let Some(attribution) = attribution else {
            continue;
        };
        let content_text = doc.slice(seg.content);
        if content_text.split_whitespace().count() < 2 && !content_text.ends_with([',', '.', '?', '!']) {
            continue;
        }
        // "...," the source continued, "because ..." is one sentence: extend the first claim.
        if let Some(last) = claims.last_mut() {
            let lowercase = content_text.chars().next().is_some_and(char::is_lowercase);
            if lowercase && last.attribution.cue_span == attribution.cue_span && last.content.end < seg.content.start {
                last.content.end = seg.content.end;
                continue;
            }
        }
        let mut content = seg.content;
        let trimmed = content_text.trim_end_matches([',', ' ']);
        content.end = content.start + trimmed.len();
        claims.push(QuoteClaim { content, attribution });
    }
    claims
}

fn set(list: &mut [Option<Attribution>], index: usize, value: Attribution) {
    if let Some(slot) = list.get_mut(index) {
        *slot = Some(value);
    }
}
