//! The reader's choices on the matrix, changed only through [`Action`]s.

use std::rc::Rc;

use yew::Reducible;

use crate::model::url_state::MatrixLinkState;
use crate::model::{ActionLineFilter, MatrixQuery, Sdg};

/// Which axis runs down the side: the two views of the ITU document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[warn(missing_docs)]
pub enum Orientation {
    /// Action Lines down the side, SDGs across (the `al-sdg` view).
    #[default]
    ActionLinesBySdgs,
    /// SDGs down the side, Action Lines across (the `sdg-al` view).
    SdgsByActionLines,
}

impl Orientation {
    /// The `view` attribute: `sdg-al` (or `sdgs`) transposes; anything else is the default.
    pub fn parse(value: &str) -> Orientation {
        match value.trim().to_ascii_lowercase().as_str() {
            "sdg-al" | "sdgs" | "sdg" | "transposed" => Orientation::SdgsByActionLines,
            _ => Orientation::ActionLinesBySdgs,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct MatrixState {
    pub query: MatrixQuery,
    pub orientation: Orientation,
    /// Index of the link whose detail panel is open.
    pub open: Option<usize>,
    /// The grid cell holding the single tab stop, in displayed (row, column) positions.
    pub focus: (usize, usize),
    /// Bumped when focus must move to `focus` after the next render.
    pub focus_request: u32,
}

pub enum Action {
    SetActionLines(ActionLineFilter),
    SetSdg(Option<Sdg>),
    SetAgency(Option<String>),
    SetTarget(Option<String>),
    Search(String),
    SetOrientation(Orientation),
    Reset,
    /// Opens a link's detail; `Some(position)` when it was opened from a grid cell.
    Open(usize, Option<(usize, usize)>),
    /// Closes the detail; `true` returns keyboard focus to the grid cell.
    Close(bool),
    MoveFocus(usize, usize),
    /// A cell got focus some other way (click, pointer, assistive technology).
    Focused(usize, usize),
    /// The state a link (the page URL) describes.
    Restore(MatrixLinkState),
}

impl Reducible for MatrixState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetActionLines(filter) => next.query.action_lines = filter,
            Action::SetSdg(sdg) => next.query.sdg = sdg,
            Action::SetAgency(agency) => next.query.agency = agency,
            Action::SetTarget(target) => next.query.target = target,
            Action::Search(text) => next.query.search = text,
            Action::SetOrientation(orientation) => {
                if orientation != next.orientation {
                    next.orientation = orientation;
                    next.focus = (next.focus.1, next.focus.0);
                }
            }
            Action::Reset => {
                next.query = MatrixQuery::default();
                next.open = None;
            }
            Action::Open(link, position) => {
                next.open = Some(link);
                if let Some(position) = position {
                    next.focus = position;
                }
            }
            Action::Close(refocus) => {
                next.open = None;
                if refocus {
                    next.focus_request = next.focus_request.wrapping_add(1);
                }
            }
            Action::Focused(row, col) => next.focus = (row, col),
            Action::Restore(link) => {
                next.query = link.query;
                next.orientation = if link.transposed {
                    Orientation::SdgsByActionLines
                } else {
                    Orientation::ActionLinesBySdgs
                };
                next.open = link.open;
            }
            Action::MoveFocus(row, col) => {
                next.focus = (row, col);
                next.focus_request = next.focus_request.wrapping_add(1);
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl MatrixState {
    /// The part of the state a link carries.
    pub fn link_state(&self) -> MatrixLinkState {
        MatrixLinkState {
            query: self.query.clone(),
            transposed: self.orientation == Orientation::SdgsByActionLines,
            open: self.open,
        }
    }
}
