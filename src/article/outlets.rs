//! The outlets table (data/outlets.tsv): news organisations, state media and NGOs with their
//! aliases and domains, for outlet detection (datelines, contact e-mails) and for sources that
//! are organisations ("CNBC reported", "said the KCNA").

use std::collections::HashMap;
use std::sync::LazyLock;

/// One organisation of data/outlets.tsv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// Canonical name (`Daily NK`, `KCNA`).
    pub name: String,
    /// `outlet`, `state_media`, `ngo` or `expert`: the claims `source_type` it implies.
    pub kind: String,
    pub aliases: Vec<String>,
    pub domains: Vec<String>,
}

static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| parse(include_str!("../../data/outlets.tsv")));

fn split_list(field: &str) -> Vec<String> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn parse(data: &str) -> Vec<Outlet> {
    data.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next()?.trim().to_string();
            let kind = fields.next()?.trim().to_string();
            let aliases = split_list(fields.next().unwrap_or(""));
            let domains = split_list(fields.next().unwrap_or(""));
            Some(Outlet { name, kind, aliases, domains })
        })
        .collect()
}

/// Every known outlet.
pub fn outlets() -> &'static [Outlet] {
    &OUTLETS
}

/// A name as [`lookup`] compares it: a leading "the " / "The " dropped.
pub fn without_article(name: &str) -> &str {
    name.trim_start_matches("the ").trim_start_matches("The ")
}

/// Every alias (without its article, ASCII lower case) and the first outlet in the table that has
/// it: [`lookup`] runs for every phrase a self-reference pattern finds, so it is one hash probe.
static BY_ALIAS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for (i, outlet) in outlets().iter().enumerate() {
        for alias in &outlet.aliases {
            index.entry(without_article(alias).to_ascii_lowercase()).or_insert(i);
        }
    }
    index
});

/// The outlet one of whose aliases equals `name` (case-insensitive, a leading "the" ignored).
pub fn lookup(name: &str) -> Option<&'static Outlet> {
    let wanted = without_article(name.trim()).to_ascii_lowercase();
    BY_ALIAS.get(&wanted).and_then(|&i| outlets().get(i))
}

/// The outlet that owns an e-mail or web domain (`dailynkenglish@uni-media.net`, `www.upi.com`).
pub fn by_domain(address: &str) -> Option<&'static Outlet> {
    let lower = address.to_ascii_lowercase();
    let host = lower.rsplit('@').next().unwrap_or(&lower);
    outlets().iter().find(|o| o.domains.iter().any(|d| host == d.as_str() || host.ends_with(&format!(".{d}")) || host.contains(&format!("{d}/"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup("the DailyNK").map(|o| o.name.as_str()), Some("Daily NK"));
        assert_eq!(lookup("KCNA").map(|o| o.kind.as_str()), Some("state_media"));
        assert_eq!(by_domain("dailynkenglish@uni-media.net").map(|o| o.name.as_str()), Some("Daily NK"));
        assert_eq!(by_domain("nknews.org").map(|o| o.name.as_str()), Some("NK News"));
        assert!(lookup("Pyongyang").is_none());
    }
}
