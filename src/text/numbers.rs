//! Number words, shared by every stage that reads counts, durations or camp numbers.

/// English cardinals this press spells out ("five political prison camps", "two months").
const CARDINALS: &[(&str, i32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
];

/// The value of a spelled-out cardinal ("twelve" -> 12), case-insensitive.
pub fn cardinal(word: &str) -> Option<i32> {
    CARDINALS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::cardinal;

    #[test]
    fn cardinals() {
        assert_eq!(cardinal("Twelve"), Some(12));
        assert_eq!(cardinal("sixty"), Some(60));
        assert_eq!(cardinal("dozen"), None);
    }
}
