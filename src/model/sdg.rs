//! SDG numbers and target ids, valid by construction.

#![warn(missing_docs)]

use std::fmt;

/// A Sustainable Development Goal number, 1 to 17.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sdg(u8);

impl Sdg {
    /// How many goals there are.
    pub const COUNT: usize = 17;

    /// The goal `number`, if it is one (1–17).
    pub fn new(number: i64) -> Option<Sdg> {
        u8::try_from(number).ok().filter(|n| (1..=17).contains(n)).map(Sdg)
    }

    /// All 17 goals in order.
    pub fn all() -> impl Iterator<Item = Sdg> {
        (1..=17).map(Sdg)
    }

    /// The goal's number, 1–17.
    pub fn number(self) -> u8 {
        self.0
    }

    /// Position in a 17-element array.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
}

impl fmt::Display for Sdg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Every SDG target id of the 2030 Agenda (169), in the UN's order.
pub const TARGET_IDS: [&str; 169] = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b", "2.1", "2.2", "2.3", "2.4", "2.5", "2.a", "2.b", "2.c",
    "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.a", "3.b", "3.c", "3.d", "4.1", "4.2",
    "4.3", "4.4", "4.5", "4.6", "4.7", "4.a", "4.b", "4.c", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.a",
    "5.b", "5.c", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.a", "6.b", "7.1", "7.2", "7.3", "7.a", "7.b",
    "8.1", "8.10", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9", "8.a", "8.b", "9.1", "9.2", "9.3",
    "9.4", "9.5", "9.a", "9.b", "9.c", "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.a",
    "10.b", "10.c", "11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.a", "11.b", "11.c", "12.1",
    "12.2", "12.3", "12.4", "12.5", "12.6", "12.7", "12.8", "12.a", "12.b", "12.c", "13.1", "13.2", "13.3",
    "13.a", "13.b", "14.1", "14.2", "14.3", "14.4", "14.5", "14.6", "14.7", "14.a", "14.b", "14.c", "15.1",
    "15.2", "15.3", "15.4", "15.5", "15.6", "15.7", "15.8", "15.9", "15.a", "15.b", "15.c", "16.1", "16.10",
    "16.2", "16.3", "16.4", "16.5", "16.6", "16.7", "16.8", "16.9", "16.a", "16.b", "17.1", "17.10", "17.11",
    "17.12", "17.13", "17.14", "17.15", "17.16", "17.17", "17.18", "17.19", "17.2", "17.3", "17.4", "17.5",
    "17.6", "17.7", "17.8", "17.9",
];

/// Whether `id` names an SDG target (`"9.c"`) or a whole goal (`"9"`), as the matrix cites both.
pub fn is_target_or_goal(id: &str) -> bool {
    if let Ok(n) = id.parse::<i64>() {
        return Sdg::new(n).is_some() && !id.starts_with('0') && !id.starts_with('+');
    }
    TARGET_IDS.contains(&id)
}

/// The goal a target id belongs to (`"13.1"` → 13).
pub fn goal_of_target(id: &str) -> Option<Sdg> {
    let goal = id.split('.').next()?;
    Sdg::new(goal.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdg_range() {
        assert!(Sdg::new(0).is_none());
        assert!(Sdg::new(18).is_none());
        assert!(Sdg::new(-1).is_none());
        assert_eq!(Sdg::new(17).map(Sdg::index), Some(16));
        assert_eq!(Sdg::all().count(), 17);
    }

    #[test]
    fn targets_and_goals() {
        assert!(is_target_or_goal("9.c"));
        assert!(is_target_or_goal("17.19"));
        assert!(is_target_or_goal("14"));
        assert!(!is_target_or_goal("18"));
        assert!(!is_target_or_goal("9.z"));
        assert!(!is_target_or_goal("09"));
        assert!(!is_target_or_goal(""));
        assert_eq!(goal_of_target("13.1"), Sdg::new(13));
        assert_eq!(goal_of_target("5"), Sdg::new(5));
    }

    #[test]
    fn target_list_is_complete_and_unique() {
        let mut ids = TARGET_IDS.to_vec();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 169);
        for goal in Sdg::all() {
            assert!(TARGET_IDS.iter().any(|t| goal_of_target(t) == Some(goal)));
        }
    }
}
