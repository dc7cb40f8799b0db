//! WSIS Action Line ids, valid by construction: the 18 rows of the matrix.

use std::fmt;

/// The matrix rows in ITU's order: C1–C6, the eight C7 sub-lines, C8–C11.
pub const ACTION_LINE_IDS: [&str; ActionLineId::COUNT] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "e-gov", "e-bus", "e-lea", "e-hea", "e-emp", "e-env", "e-agr",
    "e-sci", "C8", "C9", "C10", "C11",
];

/// Group id of the eight C7 sub-lines, for the "C7 all" filter.
pub const C7_GROUP: &str = "C7";

/// One of the 18 Action Line rows (C7 counts as its eight sub-lines), by its place in
/// [`ACTION_LINE_IDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionLineId(u8);

impl ActionLineId {
    pub const COUNT: usize = 18;

    /// The id as data files and links write it (`"C3"`, `"e-gov"`), exactly.
    pub fn parse(id: &str) -> Option<ActionLineId> {
        ACTION_LINE_IDS.iter().position(|known| *known == id).and_then(ActionLineId::from_row)
    }

    /// The id of matrix row `row` (0–17).
    pub fn from_row(row: usize) -> Option<ActionLineId> {
        u8::try_from(row).ok().filter(|r| usize::from(*r) < ActionLineId::COUNT).map(ActionLineId)
    }

    /// All 18 in the matrix's order.
    pub fn all() -> impl Iterator<Item = ActionLineId> {
        (0..ActionLineId::COUNT as u8).map(ActionLineId)
    }

    /// Position among the matrix rows.
    pub fn row(self) -> usize {
        usize::from(self.0)
    }

    /// `"C3"`, `"e-gov"`: the label ITU's matrix uses.
    pub fn code(self) -> &'static str {
        ACTION_LINE_IDS.get(self.row()).copied().unwrap_or_default()
    }

    /// Whether this is one of the eight C7 sub-lines (e-government … e-science).
    pub fn is_c7(self) -> bool {
        self.code().starts_with("e-")
    }
}

impl fmt::Display for ActionLineId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_in_row_order() {
        for (row, id) in ActionLineId::all().enumerate() {
            assert_eq!(id.row(), row);
            assert_eq!(ActionLineId::parse(id.code()), Some(id));
        }
        assert_eq!(ActionLineId::parse("e-gov").map(ActionLineId::row), Some(6));
        assert_eq!(ActionLineId::parse("C7"), None);
        assert_eq!(ActionLineId::parse("c3"), None);
        assert_eq!(ActionLineId::from_row(18), None);
        assert_eq!(ActionLineId::all().filter(|id| id.is_c7()).count(), 8);
    }
}
