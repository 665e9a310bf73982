//! Merges mentions into rows, one per distinct facility or class per document, and attaches
//! anaphora. Rules, in text order:
//! - a mention linked to the gazetteer joins the row that shares one of its ids (or its number);
//! - a generic mention joins the latest row of the same type whose operator agrees (the operator a
//!   row would get from its type counts, so "political prison camps" and "... under the Ministry of
//!   State Security" are one row; "local prisons affiliated with police offices" differs from
//!   "prisons"); a mention naming no operator joins the latest row of its type whatever its operator;
//! - an anaphor ("the camp", "these hellish camps", "the ministry's holding centers") joins the row
//!   of the latest compatible mention, preferring one of the same number; without an antecedent
//!   it is dropped, except plural prisons, which name the class.

use std::collections::HashSet;

use super::detect::Mention;
use super::terms::Head;

/// A row under construction: its mentions, in text order.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub mentions: Vec<Mention>,
}

impl Group {
    pub fn first(&self) -> Option<&Mention> {
        self.mentions.iter().find(|m| !m.anaphor).or(self.mentions.first())
    }

    /// The type the group's references name (anaphors say nothing).
    pub fn facility_type(&self) -> &'static str {
        self.mentions.iter().find(|m| !m.anaphor).map(|m| m.facility_type).unwrap_or("prison")
    }

    pub fn operator(&self) -> Option<&'static str> {
        self.mentions.iter().find_map(|m| m.operator)
    }

    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.mentions.iter().flat_map(|m| m.candidates.iter())
    }

    pub fn number(&self) -> Option<&str> {
        self.mentions.iter().find_map(|m| m.number.as_deref())
    }

    pub fn specific(&self) -> bool {
        self.mentions.iter().any(|m| m.number.is_some() || !m.candidates.is_empty())
    }
}

fn head_compatible(anaphor: &Mention, antecedent: &Mention) -> bool {
    match anaphor.head {
        Some(Head::Camp) => antecedent.head != Some(Head::Center) || antecedent.facility_type == "rodong_danryeondae",
        Some(Head::Center) => matches!(antecedent.head, Some(Head::Center | Head::Facility)),
        _ => true,
    }
}

/// What the rules ask of a row, kept up to date as mentions join it, so that placing a mention
/// costs the same however many mentions the rows already have (a long document repeats them).
#[derive(Debug, Default)]
struct Summary {
    /// Type of the first reference that is not an anaphor ([`Group::facility_type`]).
    named_type: Option<&'static str>,
    operator: Option<&'static str>,
    number: Option<String>,
    specific: bool,
    /// Has a plural non-anaphoric "camps".
    plural_camp: bool,
    ids: HashSet<String>,
    decided: HashSet<String>,
    places: HashSet<String>,
    types: HashSet<&'static str>,
    /// Position (in mention order) of the row's latest mention.
    last_seen: usize,
}

impl Summary {
    fn add(&mut self, m: &Mention, position: usize) {
        if !m.anaphor && self.named_type.is_none() {
            self.named_type = Some(m.facility_type);
        }
        if self.operator.is_none() {
            self.operator = m.operator;
        }
        if self.number.is_none() {
            self.number.clone_from(&m.number);
        }
        self.specific |= m.number.is_some() || !m.candidates.is_empty();
        self.plural_camp |= m.plural && m.head == Some(Head::Camp) && !m.anaphor;
        self.ids.extend(m.candidates.iter().cloned());
        self.decided.extend(m.decided.iter().cloned());
        self.places.extend(m.places.iter().cloned());
        self.types.insert(m.facility_type);
        self.last_seen = position;
    }

    fn facility_type(&self) -> &'static str {
        self.named_type.unwrap_or("prison")
    }

    /// The operator the text names, else the one the row's type usually has.
    fn effective_operator(&self) -> Option<&'static str> {
        self.operator.or_else(|| super::terms::type_operator(self.facility_type()))
    }

    /// Whether a row linked to the gazetteer is of this type (its references may have said "camp").
    fn type_is(&self, facility_type: &str) -> bool {
        self.specific && (self.types.contains(facility_type) || self.ids.iter().any(|c| c.starts_with(facility_type)))
    }
}

/// The three kinds of anaphor `head_compatible` tells apart.
fn anaphor_kind(head: Option<Head>) -> usize {
    match head {
        Some(Head::Camp) => 0,
        Some(Head::Center) => 1,
        _ => 2,
    }
}

/// For each kind of anaphor, the row of the latest compatible mention, singular and plural, and
/// of either: the antecedent search without walking the history.
#[derive(Debug, Default)]
struct Antecedents {
    by_number: [[Option<usize>; 2]; 3],
    any: [Option<usize>; 3],
    last: Option<usize>,
}

impl Antecedents {
    fn add(&mut self, group: usize, m: &Mention) {
        let heads = [Some(Head::Camp), Some(Head::Center), None];
        for (kind, head) in heads.into_iter().enumerate() {
            let probe = Mention { head, ..Mention::default() };
            if !head_compatible(&probe, m) {
                continue;
            }
            if let Some(s) = self.by_number.get_mut(kind).and_then(|slot| slot.get_mut(usize::from(m.plural))) {
                *s = Some(group);
            }
            if let Some(s) = self.any.get_mut(kind) {
                *s = Some(group);
            }
        }
        self.last = Some(group);
    }

    /// The row of the latest compatible mention, preferring one of the same number.
    fn find(&self, m: &Mention) -> Option<usize> {
        let kind = anaphor_kind(m.head);
        self.by_number
            .get(kind)
            .and_then(|slot| slot.get(usize::from(m.plural)))
            .copied()
            .flatten()
            .or(self.any.get(kind).copied().flatten())
            .or_else(|| self.last.filter(|_| m.weak_place_only))
    }
}

/// Groups the mentions (already linked to candidates) into rows.
pub fn group(mentions: Vec<Mention>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut summaries: Vec<Summary> = Vec::new();
    let mut antecedents = Antecedents::default();
    for (position, m) in mentions.into_iter().enumerate() {
        let target = if m.anaphor {
            antecedents.find(&m)
        } else if m.definite && !m.plural && m.candidates.is_empty() && m.number.is_none() && m.places.is_empty() {
            // "the political prison camp" after "Camp 15": the latest row of that type
            summaries
                .iter()
                .enumerate()
                .filter(|(_, g)| g.facility_type() == m.facility_type || g.type_is(m.facility_type))
                .max_by_key(|(_, g)| g.last_seen)
                .map(|(i, _)| i)
                .or_else(|| reference_target(&summaries, &m))
        } else {
            reference_target(&summaries, &m)
        };
        let index = match target {
            Some(i) => i,
            None if m.anaphor && !(m.plural && m.head == Some(Head::Prison)) && !m.weak_place_only => continue,
            None => {
                groups.push(Group::default());
                summaries.push(Summary::default());
                groups.len() - 1
            }
        };
        if let Some(s) = summaries.get_mut(index) {
            s.add(&m, position);
        }
        antecedents.add(index, &m);
        if let Some(g) = groups.get_mut(index) {
            g.mentions.push(m);
        }
    }
    groups
}

fn reference_target(groups: &[Summary], m: &Mention) -> Option<usize> {
    // linked: share an id
    if !m.candidates.is_empty() {
        return groups.iter().rposition(|g| {
            let conflict = m.decided.as_ref().is_some_and(|d| g.decided.iter().any(|e| e != d));
            !conflict && m.candidates.iter().any(|id| g.ids.contains(id))
        });
    }
    if let Some(n) = m.number.as_deref() {
        return groups.iter().rposition(|g| g.number.as_deref() == Some(n) && types_agree(g.facility_type(), m.facility_type));
    }
    let m_specific = !m.places.is_empty() && !m.plural;
    // "prison camps" after "political prison camps": the class already under discussion
    if m.facility_type == "prison" && m.head == Some(Head::Camp) && m.plural && m.operator.is_none() && !m_specific {
        if let Some(i) = groups.iter().rposition(|g| !g.specific && g.plural_camp) {
            return Some(i);
        }
    }
    groups.iter().rposition(|g| {
        if g.specific || g.facility_type() != m.facility_type {
            return false;
        }
        // "a holding centre in Onsong" after "police holding centres": one facility is not the
        // class spoken of before.
        if m_specific && (g.places.is_empty() || !m.places.iter().any(|p| g.places.contains(p))) {
            return false;
        }
        match m.operator {
            None => true,
            Some(op) => g.effective_operator() == Some(op),
        }
    })
}

fn types_agree(a: &str, b: &str) -> bool {
    a == b || a == "prison" || b == "prison"
}
