//! Agency names next to facilities ("run by the Ministry of State Security", "Bowibu-run",
//! "police detention"): one phrase matcher over the vocabulary of `terms::AGENCIES`, giving SCHEMA.md
//! agency codes. Kept apart from the gazetteer's agency matcher because the facility rules need
//! everyday words too ("police", "state security") and acronyms only in capitals.

use std::sync::LazyLock;

use super::phrases::PhraseMatcher;
use super::terms::AGENCIES;
use crate::text::Span;

static AGENCY_MATCHER: LazyLock<(PhraseMatcher, Vec<&'static str>)> = LazyLock::new(|| {
    let mut all: Vec<(&str, &str)> = AGENCIES.to_vec();
    all.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let fragments: Vec<String> = all
        .iter()
        .map(|(p, _)| {
            // Acronyms only in capitals: "mss" in running text is not the ministry.
            if p.len() <= 4 && !p.contains(' ') && p.chars().all(|c| c.is_ascii_lowercase()) {
                format!("(?-i:{})", p.to_ascii_uppercase())
            } else {
                regex::escape(p).replace(' ', r"\s+")
            }
        })
        .collect();
    (PhraseMatcher::new(&fragments), all.into_iter().map(|(_, c)| c).collect())
});

/// An agency named in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgencyHit {
    pub span: Span,
    pub code: &'static str,
}

/// Every agency name in the document, in order.
pub fn find_agencies(text: &str) -> Vec<AgencyHit> {
    let (matcher, codes) = &*AGENCY_MATCHER;
    matcher.find_iter(text).filter_map(|(span, agency)| Some(AgencyHit { span, code: codes.get(agency)? })).collect()
}

/// The agency code named in a free-text operator field ("Ministry of State Security (MSS; bowibu)").
pub fn agency_code(text: &str) -> Option<&'static str> {
    if AGENCIES.iter().any(|(_, code)| *code == text) {
        return AGENCIES.iter().find(|(_, code)| *code == text).map(|(_, c)| *c);
    }
    find_agencies(text).first().map(|a| a.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_codes_from_free_text() {
        assert_eq!(agency_code("Ministry of State Security (MSS; bowibu)"), Some("state_security"));
        assert_eq!(agency_code("social_security"), Some("social_security"));
        assert_eq!(agency_code("Ministry of People's Security / Social Security (police)"), Some("social_security"));
        assert_eq!(agency_code("the mss of it"), None);
    }
}
