//! A widget's state as URL parameters and back, for links that reopen the same view.
//!
//! Parameters are plain `(key, value)` pairs; the embed layer puts them in the page URL under
//! the widget's prefix. Reading is forgiving: an unknown key or a bad value is left out and
//! described in a warning, never an error.

use crate::model::action_line::{ActionLineId, C7_GROUP};
use crate::model::forum::{Forum, ForumQuery, SdgBasis};
use crate::model::sdg::is_target_or_goal;
use crate::model::{ActionLineFilter, Matrix, MatrixQuery, Sdg};

pub type Params = Vec<(String, String)>;

/// What a link can say about the matrix.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MatrixLinkState {
    pub query: MatrixQuery,
    pub transposed: bool,
    /// Index of the link whose detail is open.
    pub open: Option<usize>,
}

fn sdg_param(value: &str) -> Option<Sdg> {
    value.trim().parse::<i64>().ok().and_then(Sdg::new)
}

fn warn(warnings: &mut Vec<String>, key: &str, value: &str) {
    warnings.push(format!("ignored URL parameter {key}={value:?}"));
}

/// Reads matrix parameters: `al` (an Action Line id, or `C7` for the group), `sdg`,
/// `agency`, `target`, `q`, `view=sdg-al`, `cell=C5.9`.
pub fn parse_matrix(params: &[(String, String)], matrix: &Matrix) -> (MatrixLinkState, Vec<String>) {
    let mut state = MatrixLinkState::default();
    let mut warnings = Vec::new();
    for (key, value) in params {
        let ok = match key.as_str() {
            "al" if value == C7_GROUP => {
                state.query.action_lines = ActionLineFilter::Group(C7_GROUP.to_owned());
                true
            }
            "al" => {
                ActionLineId::parse(value).is_some() && {
                    state.query.action_lines = ActionLineFilter::One(value.clone());
                    true
                }
            }
            "sdg" => sdg_param(value).map(|s| state.query.sdg = Some(s)).is_some(),
            "agency" => {
                matrix.agencies().contains(value) && {
                    state.query.agency = Some(value.clone());
                    true
                }
            }
            "target" => {
                is_target_or_goal(value) && {
                    state.query.target = Some(value.clone());
                    true
                }
            }
            "q" => {
                state.query.search = value.chars().take(200).collect();
                true
            }
            "view" => match value.as_str() {
                "sdg-al" => {
                    state.transposed = true;
                    true
                }
                "al-sdg" => true,
                _ => false,
            },
            "cell" => value
                .split_once('.')
                .and_then(|(al, sdg)| Some((matrix.row_of(al)?, sdg_param(sdg)?)))
                .and_then(|(row, sdg)| matrix.link_index_at(row, sdg))
                .map(|link| state.open = Some(link))
                .is_some(),
            _ => false,
        };
        if !ok {
            warn(&mut warnings, key, value);
        }
    }
    (state, warnings)
}

/// The parameters for `state`; defaults are left out, so an untouched widget adds nothing.
pub fn matrix_params(state: &MatrixLinkState, matrix: &Matrix) -> Params {
    let mut out = Params::new();
    let q = &state.query;
    match &q.action_lines {
        ActionLineFilter::All => {}
        ActionLineFilter::Group(g) | ActionLineFilter::One(g) => out.push(("al".into(), g.clone())),
    }
    if let Some(sdg) = q.sdg {
        out.push(("sdg".into(), sdg.number().to_string()));
    }
    if let Some(agency) = &q.agency {
        out.push(("agency".into(), agency.clone()));
    }
    if let Some(target) = &q.target {
        out.push(("target".into(), target.clone()));
    }
    if !q.search.is_empty() {
        out.push(("q".into(), q.search.clone()));
    }
    if state.transposed {
        out.push(("view".into(), "sdg-al".into()));
    }
    let open = state.open.and_then(|i| matrix.links.get(i));
    if let Some(link) = open {
        if let Some(al) = matrix.action_lines.get(link.action_line) {
            out.push(("cell".into(), format!("{}.{}", al.id, link.sdg.number())));
        }
    }
    out
}

/// What a link can say about the forum widget.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ForumLinkState {
    pub query: ForumQuery,
    pub sort_by_title: bool,
    /// Sessions whose details are open, by index.
    pub open: Vec<usize>,
}

/// A session's key in links: `2025/123` (year and id); sessions without an id have none.
fn session_key(forum: &Forum, index: usize) -> Option<String> {
    let s = forum.sessions.get(index)?;
    Some(format!("{}/{}", s.year, s.id.as_deref()?))
}

/// Reads forum parameters: `year`, `al`, `sdg`, `type`, `org`, `q`, `basis=recorded` (or `via`, the default),
/// `sort=title`, `open=2025/123,2024/7`.
pub fn parse_forum(params: &[(String, String)], forum: &Forum) -> (ForumLinkState, Vec<String>) {
    let mut state = ForumLinkState::default();
    let mut warnings = Vec::new();
    for (key, value) in params {
        let ok = match key.as_str() {
            "year" => value
                .parse::<u16>()
                .ok()
                .filter(|y| {
                    forum.years.iter().any(|f| f.year == *y) || forum.sessions.iter().any(|s| s.year == *y)
                })
                .map(|y| state.query.year = Some(y))
                .is_some(),
            "al" => ActionLineId::parse(value).map(|id| state.query.action_line = Some(id.row())).is_some(),
            "sdg" => sdg_param(value).map(|s| state.query.sdg = Some(s)).is_some(),
            "type" => {
                forum.sessions.iter().any(|s| s.session_type.as_deref() == Some(value)) && {
                    state.query.session_type = Some(value.clone());
                    true
                }
            }
            "org" => {
                forum.sessions.iter().any(|s| s.organisers.contains(value)) && {
                    state.query.organiser = Some(value.clone());
                    true
                }
            }
            "q" => {
                state.query.search = value.chars().take(200).collect();
                true
            }
            "basis" => match value.as_str() {
                // `via` was written when recorded-only was the default: old links still work.
                "via" => {
                    state.query.basis = SdgBasis::RecordedAndViaMatrix;
                    true
                }
                "recorded" => {
                    state.query.basis = SdgBasis::Recorded;
                    true
                }
                _ => false,
            },
            "sort" => match value.as_str() {
                "title" => {
                    state.sort_by_title = true;
                    true
                }
                "date" => true,
                _ => false,
            },
            "open" => {
                let mut all_found = true;
                for key in value.split(',').filter(|k| !k.is_empty()) {
                    match (0..forum.sessions.len()).find(|i| session_key(forum, *i).as_deref() == Some(key)) {
                        Some(i) if !state.open.contains(&i) => state.open.push(i),
                        Some(_) => {}
                        None => all_found = false,
                    }
                }
                all_found
            }
            _ => false,
        };
        if !ok {
            warn(&mut warnings, key, value);
        }
    }
    (state, warnings)
}

pub fn forum_params(state: &ForumLinkState, forum: &Forum) -> Params {
    let mut out = Params::new();
    let q = &state.query;
    if let Some(year) = q.year {
        out.push(("year".into(), year.to_string()));
    }
    if let Some(id) = q.action_line.and_then(ActionLineId::from_row).map(ActionLineId::code) {
        out.push(("al".into(), (*id).to_owned()));
    }
    if let Some(sdg) = q.sdg {
        out.push(("sdg".into(), sdg.number().to_string()));
    }
    if let Some(t) = &q.session_type {
        out.push(("type".into(), t.clone()));
    }
    if let Some(o) = &q.organiser {
        out.push(("org".into(), o.clone()));
    }
    if !q.search.is_empty() {
        out.push(("q".into(), q.search.clone()));
    }
    if q.basis == SdgBasis::Recorded {
        out.push(("basis".into(), "recorded".into()));
    }
    if state.sort_by_title {
        out.push(("sort".into(), "title".into()));
    }
    let open: Vec<String> = state.open.iter().filter_map(|i| session_key(forum, *i)).collect();
    if !open.is_empty() {
        out.push(("open".into(), open.join(",")));
    }
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn matrix() -> Matrix {
        Matrix::from_json("m", include_str!("../../data/matrix.json")).expect("bundled matrix")
    }

    fn forum() -> Forum {
        Forum::from_json("f", include_str!("../../data/forum-outcomes.json")).expect("bundled forum")
    }

    fn pairs(list: &[(&str, &str)]) -> Params {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn matrix_state_round_trips() {
        let m = matrix();
        let params = pairs(&[
            ("al", "C5"),
            ("sdg", "9"),
            ("q", "trust & safety"),
            ("view", "sdg-al"),
            ("cell", "C5.9"),
        ]);
        let (state, warnings) = parse_matrix(&params, &m);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.query.action_lines, ActionLineFilter::One("C5".into()));
        assert!(state.transposed);
        assert!(state.open.is_some());
        assert_eq!(matrix_params(&state, &m), params);
        assert_eq!(matrix_params(&MatrixLinkState::default(), &m), Params::new());
    }

    #[test]
    fn bad_matrix_parameters_are_left_out_with_a_warning() {
        let m = matrix();
        let params = pairs(&[
            ("al", "C99"),
            ("sdg", "18"),
            ("target", "9.z"),
            ("cell", "C11.1"),
            ("zoom", "2"),
            ("sdg", "4"),
        ]);
        let (state, warnings) = parse_matrix(&params, &m);
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("zoom")));
        assert_eq!(state.query.sdg, Sdg::new(4));
        assert_eq!(state.query.action_lines, ActionLineFilter::All);
    }

    #[test]
    fn forum_state_round_trips() {
        let f = forum();
        let with_id = f.sessions.iter().position(|s| s.id.is_some()).expect("a session with an id");
        let key = session_key(&f, with_id).expect("key");
        let year = f.sessions.get(with_id).map(|s| s.year).unwrap_or(0).to_string();
        let params = pairs(&[
            ("year", &year),
            ("al", "e-hea"),
            ("q", "health"),
            ("basis", "recorded"),
            ("sort", "title"),
            ("open", &key),
        ]);
        let (state, warnings) = parse_forum(&params, &f);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.open, vec![with_id]);
        assert_eq!(forum_params(&state, &f), params);
        let (_, warnings) =
            parse_forum(&pairs(&[("year", "1900"), ("open", "2025/nope"), ("basis", "x")]), &f);
        assert_eq!(warnings.len(), 3);
    }
}
