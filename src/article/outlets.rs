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
/// A web address counts by its host alone ("https://www.ft.com/..." is the FT, "microsoft.com/ft.com" is not).
pub fn by_domain(address: &str) -> Option<&'static Outlet> {
    let lower = address.trim().to_ascii_lowercase();
    let after_scheme = lower.split_once("://").map_or(lower.as_str(), |(_, rest)| rest);
    let host_and_port = after_scheme.split(['/', '?', '#']).next().unwrap_or(after_scheme);
    let host = host_and_port.rsplit('@').next().unwrap_or(host_and_port).split(':').next().unwrap_or(host_and_port);
    let owns = |d: &String| host == d.as_str() || host.strip_suffix(d.as_str()).is_some_and(|sub| sub.ends_with('.'));
    outlets().iter().find(|o| o.domains.iter().any(owns))
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
        let name_of = |url: &str| by_domain(url).map(|o| o.name.as_str());
        assert_eq!(name_of("https://www.nytimes.com/2013/12/13/world/asia/story.html"), Some("The New York Times"));
        assert_eq!(name_of("http://english.yonhapnews.co.kr/news/2015/07/14/x.html?x=1"), Some("Yonhap"));
        assert_eq!(name_of("https://www.amnesty.org:443/en/latest/"), Some("Amnesty International"));
        // the host decides, not a domain further along the address
        assert_eq!(name_of("https://www.microsoft.com/ft.com/page"), None);
        assert_eq!(name_of("https://notreuters.com/world"), None);
        assert!(lookup("Pyongyang").is_none());
    }
}
