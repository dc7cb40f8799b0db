//! Filtering and search over the matrix: the one place where what is shown is decided.

use super::catalog::SdgCatalog;
use super::lang::Lang;
use super::matrix::Matrix;
use super::sdg::{goal_of_target, Sdg, TARGET_IDS};
use super::text::{fold_text, Needle};

/// Which rows the reader asked for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum ActionLineFilter {
    #[default]
    All,
    /// All sub-lines of a group ("C7 all").
    Group(String),
    One(String),
}

/// Everything the reader can narrow the matrix by.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MatrixQuery {
    pub action_lines: ActionLineFilter,
    pub sdg: Option<Sdg>,
    pub agency: Option<String>,
    /// A cited target or goal id, matched exactly (`"9.c"`).
    pub target: Option<String>,
    pub search: String,
}

impl MatrixQuery {
    pub fn is_unfiltered(&self) -> bool {
        *self == MatrixQuery::default()
    }

    /// How many of the menus (Action Line, SDG, facilitator, target) narrow the matrix: the
    /// count the Filters button of a narrow widget shows. The search box is always in view, so
    /// it does not count.
    pub fn active_filters(&self) -> usize {
        [
            self.action_lines != ActionLineFilter::All,
            self.sdg.is_some(),
            self.agency.is_some(),
            self.target.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }
}

/// State of one cell of the visible grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellState {
    Empty,
    /// `matches` is false when the target filter or the search excludes the link.
    Link {
        link: usize,
        matches: bool,
    },
}

/// What the grid and the list show for one query, in Action Line × SDG order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixView {
    /// Visible rows, as indices into `Matrix::action_lines`.
    pub rows: Vec<usize>,
    /// Visible SDG columns.
    pub sdgs: Vec<Sdg>,
    /// Every Action Line × SDG cell, shown or not (`action_line * 17 + sdg.index()`), so a grid
    /// can keep the cells of filtered-out rows and columns and just hide them.
    all_cells: Vec<CellState>,
    /// Matching links per visible row / column.
    pub row_totals: Vec<usize>,
    pub sdg_totals: Vec<usize>,
    /// Links that match every filter, and all links.
    pub shown: usize,
    pub total: usize,
    /// Matching links, in row-major order (for the list form).
    pub shown_links: Vec<usize>,
    pub needle: Option<Needle>,
}

impl MatrixView {
    /// `cell(r, c)` for visible row `r` and visible column `c`.
    pub fn cell(&self, row: usize, col: usize) -> CellState {
        match (self.rows.get(row), self.sdgs.get(col)) {
            (Some(action_line), Some(sdg)) => self.cell_of(*action_line, *sdg),
            _ => CellState::Empty,
        }
    }

    /// The cell of an Action Line (index into `Matrix::action_lines`) and an SDG, whether its
    /// row and column are shown or not.
    pub fn cell_of(&self, action_line: usize, sdg: Sdg) -> CellState {
        self.all_cells.get(action_line * Sdg::COUNT + sdg.index()).copied().unwrap_or(CellState::Empty)
    }

    pub fn row_position(&self, action_line: usize) -> Option<usize> {
        self.rows.iter().position(|r| *r == action_line)
    }

    pub fn sdg_position(&self, sdg: Sdg) -> Option<usize> {
        self.sdgs.iter().position(|s| *s == sdg)
    }
}

/// Every text a search looks at for each link, folded once per matrix, SDG file and language
/// rather than on every keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIndex {
    per_link: Vec<String>,
}

impl SearchIndex {
    pub fn new(matrix: &Matrix, catalog: &SdgCatalog, lang: Lang) -> SearchIndex {
        let per_link = matrix
            .links
            .iter()
            .map(|link| {
                let mut texts: Vec<&str> = Vec::new();
                if let Some(al) = matrix.action_lines.get(link.action_line) {
                    texts.push(al.title.get(lang).0);
                    texts.push(&al.id);
                }
                if let Some(goal) = catalog.goal(link.sdg) {
                    texts.push(&goal.short);
                    texts.push(&goal.title);
                }
                if let Some(rationale) = &link.rationale {
                    texts.push(rationale);
                }
                for target in &link.targets {
                    texts.push(target);
                    if let Some(text) = catalog.target_text(target) {
                        texts.push(text);
                    }
                }
                // A separator no query contains, so no match spans two texts.
                fold_text(&texts.join("\u{0}"))
            })
            .collect();
        SearchIndex { per_link }
    }
}

/// Applies `query` to `matrix`, searching texts in `lang` (from `catalog`).
pub fn compute_view(matrix: &Matrix, catalog: &SdgCatalog, lang: Lang, query: &MatrixQuery) -> MatrixView {
    compute_view_indexed(matrix, &SearchIndex::new(matrix, catalog, lang), query)
}

/// [`compute_view`] with the search texts folded already.
pub fn compute_view_indexed(matrix: &Matrix, search_index: &SearchIndex, query: &MatrixQuery) -> MatrixView {
    let needle = Needle::new(&query.search);

    let rows: Vec<usize> = matrix
        .action_lines
        .iter()
        .enumerate()
        .filter(|(_, al)| match &query.action_lines {
            ActionLineFilter::All => true,
            ActionLineFilter::Group(group) => al.group.as_deref() == Some(group.as_str()),
            ActionLineFilter::One(id) => &al.id == id,
        })
        .filter(|(_, al)| query.agency.as_deref().is_none_or(|agency| al.facilitators().any(|f| f == agency)))
        .map(|(i, _)| i)
        .collect();
    let sdgs: Vec<Sdg> = Sdg::all().filter(|s| query.sdg.is_none_or(|only| only == *s)).collect();

    let all_cells: Vec<CellState> = (0..matrix.action_lines.len())
        .flat_map(|row| Sdg::all().map(move |sdg| (row, sdg)))
        .map(|(row, sdg)| match matrix.link_index_at(row, sdg) {
            None => CellState::Empty,
            Some(index) => {
                let matches = matrix.links.get(index).is_some_and(|link| {
                    query.target.as_deref().is_none_or(|t| link.targets.iter().any(|id| id == t))
                }) && needle.as_ref().is_none_or(|n| {
                    search_index.per_link.get(index).is_some_and(|text| n.is_in_folded(text))
                });
                CellState::Link { link: index, matches }
            }
        })
        .collect();
    let mut row_totals = vec![0; rows.len()];
    let mut sdg_totals = vec![0; sdgs.len()];
    let mut shown_links = Vec::new();
    for (r, &row) in rows.iter().enumerate() {
        for (c, &sdg) in sdgs.iter().enumerate() {
            let cell = all_cells.get(row * Sdg::COUNT + sdg.index());
            if let Some(CellState::Link { link, matches: true }) = cell {
                shown_links.push(*link);
                if let Some(t) = row_totals.get_mut(r) {
                    *t += 1;
                }
                if let Some(t) = sdg_totals.get_mut(c) {
                    *t += 1;
                }
            }
        }
    }

    MatrixView {
        shown: shown_links.len(),
        total: matrix.links.len(),
        rows,
        sdgs,
        all_cells,
        row_totals,
        sdg_totals,
        shown_links,
        needle,
    }
}

/// Every target id cited by some link, ordered by goal and then as the UN lists them
/// (a goal-level id such as `"9"` before its targets).
pub fn cited_targets(matrix: &Matrix) -> Vec<String> {
    let cited = |id: &str| matrix.links.iter().any(|l| l.targets.iter().any(|t| t == id));
    let mut ids = Vec::new();
    for goal in Sdg::all() {
        let goal_id = goal.number().to_string();
        if cited(&goal_id) {
            ids.push(goal_id);
        }
        for target in TARGET_IDS.iter().filter(|t| goal_of_target(t) == Some(goal)) {
            if cited(target) {
                ids.push((*target).to_owned());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_filters_count_the_menus_not_the_search() {
        assert_eq!(MatrixQuery::default().active_filters(), 0);
        let searched = MatrixQuery { search: "water".into(), ..Default::default() };
        assert_eq!(searched.active_filters(), 0);
        let two = MatrixQuery {
            action_lines: ActionLineFilter::Group("C7".into()),
            target: Some("9.c".into()),
            ..Default::default()
        };
        assert_eq!(two.active_filters(), 2);
        let all = MatrixQuery {
            action_lines: ActionLineFilter::One("C3".into()),
            sdg: Sdg::new(9),
            agency: Some("FAO".into()),
            target: Some("9.c".into()),
            search: String::new(),
        };
        assert_eq!(all.active_filters(), 4);
    }
    use crate::model::catalog::tests::fixture as catalog_fixture;
    use crate::model::matrix::tests::fixture as matrix_fixture;

    fn setup() -> (Matrix, SdgCatalog) {
        let links = [
            r#"{"action_line":"C1","sdg":1,"targets":["1"],"rationale":"poverty and jobs","agreement":"all"}"#,
            r#"{"action_line":"C1","sdg":9,"targets":["9.c"],"agreement":"all"}"#,
            r#"{"action_line":"e-gov","sdg":9,"targets":["9.c","9.1"],"rationale":"kiosks","agreement":"all"}"#,
            r#"{"action_line":"e-agr","sdg":1,"targets":["2.4","13.1"],"agreement":"majority"}"#,
            r#"{"action_line":"C11","sdg":17,"targets":["17.9"],"rationale":"partnerships","agreement":"all"}"#,
        ]
        .join(",");
        let matrix = Matrix::from_json("m.json", &matrix_fixture(&links)).unwrap();
        let catalog = SdgCatalog::from_json("s.json", &catalog_fixture("en"), Lang::En).unwrap();
        (matrix, catalog)
    }

    fn view(query: MatrixQuery) -> MatrixView {
        let (m, c) = setup();
        compute_view(&m, &c, Lang::En, &query)
    }

    #[test]
    fn unfiltered_shows_everything() {
        let v = view(MatrixQuery::default());
        assert_eq!((v.rows.len(), v.sdgs.len(), v.shown, v.total), (18, 17, 5, 5));
        assert_eq!(v.row_totals.iter().sum::<usize>(), 5);
        assert_eq!(v.sdg_totals[8], 2);
    }

    #[test]
    fn c7_group_keeps_the_eight_sub_lines() {
        let v =
            view(MatrixQuery { action_lines: ActionLineFilter::Group("C7".into()), ..Default::default() });
        assert_eq!(v.rows.len(), 8);
        assert_eq!(v.shown, 2);
    }

    #[test]
    fn one_action_line_and_one_sdg() {
        let v = view(MatrixQuery {
            action_lines: ActionLineFilter::One("C1".into()),
            sdg: Sdg::new(9),
            ..Default::default()
        });
        assert_eq!((v.rows.len(), v.sdgs.len(), v.shown), (1, 1, 1));
        assert!(matches!(v.cell(0, 0), CellState::Link { matches: true, .. }));
    }

    #[test]
    fn target_filter_dims_but_keeps_other_links() {
        let v = view(MatrixQuery { target: Some("9.c".into()), ..Default::default() });
        assert_eq!(v.shown, 2);
        let c1 = v.row_position(0).unwrap();
        assert!(matches!(v.cell(c1, 0), CellState::Link { matches: false, .. }));
    }

    #[test]
    fn agency_filter() {
        let v = view(MatrixQuery { agency: Some("L-C11".into()), ..Default::default() });
        assert_eq!(v.rows.len(), 1);
        assert_eq!(v.shown, 1);
    }

    #[test]
    fn search_covers_titles_targets_and_rationales() {
        assert_eq!(view(MatrixQuery { search: "KIOSK".into(), ..Default::default() }).shown, 1);
        assert_eq!(view(MatrixQuery { search: "line c11".into(), ..Default::default() }).shown, 1);
        assert_eq!(view(MatrixQuery { search: "Short 9".into(), ..Default::default() }).shown, 2);
        assert_eq!(view(MatrixQuery { search: "Target 13.1".into(), ..Default::default() }).shown, 1);
        assert_eq!(view(MatrixQuery { search: "nothing like this".into(), ..Default::default() }).shown, 0);
    }

    #[test]
    fn cited_targets_in_goal_order() {
        let (m, _) = setup();
        assert_eq!(cited_targets(&m), vec!["1", "2.4", "9.1", "9.c", "13.1", "17.9"]);
    }
}
