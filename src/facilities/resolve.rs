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

use super::detect::Mention;
use super::terms::Head;

/// A row under construction: its mentions, in text order.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub mentions: Vec<Mention>,
}

impl Group {
    pub fn first(&self) -> Option<&Mention> {
        self.mentions
            .iter()
            .find(|m| !m.anaphor)
            .or(self.mentions.first())
    }

    /// The type the group's references name (anaphors say nothing).
    pub fn facility_type(&self) -> &'static str {
        self.mentions
            .iter()
            .find(|m| !m.anaphor)
            .map(|m| m.facility_type)
            .unwrap_or("prison")
    }

    pub fn operator(&self) -> Option<&'static str> {
        self.mentions.iter().find_map(|m| m.operator)
    }

    pub fn effective_operator(&self) -> Option<&'static str> {
        self.operator()
            .or_else(|| super::terms::type_operator(self.facility_type()))
    }

    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.mentions.iter().flat_map(|m| m.candidates.iter())
    }

    pub fn number(&self) -> Option<&str> {
        self.mentions.iter().find_map(|m| m.number.as_deref())
    }

    pub fn specific(&self) -> bool {
        self.mentions
            .iter()
            .any(|m| m.number.is_some() || !m.candidates.is_empty())
    }
}

fn head_compatible(anaphor: &Mention, antecedent: &Mention) -> bool {
    match anaphor.head {
        Some(Head::Camp) => {
            antecedent.head != Some(Head::Center)
                || antecedent.facility_type == "rodong_danryeondae"
        }
        Some(Head::Center) => matches!(antecedent.head, Some(Head::Center | Head::Facility)),
        _ => true,
    }
}

/// Groups the mentions (already linked to candidates) into rows.
pub fn group(mentions: Vec<Mention>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // (group index, mention) in text order, for anaphora
    let mut history: Vec<(usize, Mention)> = Vec::new();
    for m in mentions {
        let target = if m.anaphor {
            antecedent(&history, &m)
        } else if m.definite
            && !m.plural
            && m.candidates.is_empty()
            && m.number.is_none()
            && m.places.is_empty()
        {
            // "the political prison camp" after "Camp 15": the latest row of that type
            history
                .iter()
                .rev()
                .find(|(i, _)| {
                    groups.get(*i).is_some_and(|g| {
                        g.facility_type() == m.facility_type || group_type_is(g, m.facility_type)
                    })
                })
                .map(|(i, _)| *i)
                .or_else(|| reference_target(&groups, &m))
        } else {
            reference_target(&groups, &m)
        };
        let index = match target {
            Some(i) => i,
            None if m.anaphor
                && !(m.plural && m.head == Some(Head::Prison))
                && !m.weak_place_only =>
            {
                continue
            }
            None => {
                groups.push(Group::default());
                groups.len() - 1
            }
        };
        if let Some(g) = groups.get_mut(index) {
            g.mentions.push(m.clone());
        }
        history.push((index, m));
    }
    groups
}

fn antecedent(history: &[(usize, Mention)], m: &Mention) -> Option<usize> {
    let compatible: Vec<&(usize, Mention)> = history
        .iter()
        .filter(|(_, a)| head_compatible(m, a))
        .collect();
    compatible
        .iter()
        .rev()
        .find(|(_, a)| a.plural == m.plural)
        .or(compatible.last())
        .map(|(i, _)| *i)
        .or_else(|| {
            history
                .last()
                .map(|(i, _)| *i)
                .filter(|_| m.weak_place_only)
        })
}

fn reference_target(groups: &[Group], m: &Mention) -> Option<usize> {
    // linked: share an id
    if !m.candidates.is_empty() {
        return groups.iter().rposition(|g| {
            let conflict = m.decided.as_ref().is_some_and(|d| {
                g.mentions
                    .iter()
                    .any(|x| x.decided.as_ref().is_some_and(|e| e != d))
            });
            !conflict && g.ids().any(|id| m.candidates.contains(id))
        });
    }
    if let Some(n) = m.number.as_deref() {
        return groups.iter().rposition(|g| {
            g.number() == Some(n) && types_agree(g.facility_type(), m.facility_type)
        });
    }
    let m_specific = !m.places.is_empty() && !m.plural;
    // "prison camps" after "political prison camps": the class already under discussion
    if m.facility_type == "prison"
        && m.head == Some(Head::Camp)
        && m.plural
        && m.operator.is_none()
        && !m_specific
    {
        if let Some(i) = groups.iter().rposition(|g| {
            !g.specific()
                && g.mentions
                    .iter()
                    .any(|x| x.plural && x.head == Some(Head::Camp) && !x.anaphor)
        }) {
            return Some(i);
        }
    }
    groups.iter().rposition(|g| {
        if g.specific() || g.facility_type() != m.facility_type {
            return false;
        }
        let g_places: Vec<&String> = g.mentions.iter().flat_map(|x| x.places.iter()).collect();
        if m_specific && !g_places.is_empty() && !m.places.iter().any(|p| g_places.contains(&p)) {
            return false;
        }
        match m.operator {
            None => true,
            Some(op) => g.effective_operator() == Some(op),
        }
    })
}

/// Whether a row linked to the gazetteer is of this type (its references may have said "camp").
fn group_type_is(g: &Group, facility_type: &str) -> bool {
    g.mentions
        .iter()
        .any(|m| m.number.is_some() || !m.candidates.is_empty())
        && g.mentions.iter().any(|m| {
            m.facility_type == facility_type
                || m.candidates.iter().any(|c| c.starts_with(facility_type))
        })
}

fn types_agree(a: &str, b: &str) -> bool {
    a == b || a == "prison" || b == "prison"
}
