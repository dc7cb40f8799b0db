//! The reader's choices on the forum sessions, changed only through [`Action`]s.

use std::rc::Rc;

use yew::Reducible;

pub use crate::model::forum::SortBy;
use crate::model::forum::{ForumQuery, SdgBasis};
use crate::model::url_state::ForumLinkState;
use crate::model::Sdg;

#[derive(Clone, Debug, PartialEq)]
pub struct ForumState {
    pub query: ForumQuery,
    pub sort: SortBy,
    /// Sessions whose details are open, by index.
    pub open: Vec<usize>,
    /// How many matching sessions the list shows; more on request, so thousands of sessions
    /// never go into the page at once.
    pub limit: usize,
}

/// Sessions listed at first, and added by each "show more".
pub const PAGE: usize = 50;

impl Default for ForumState {
    fn default() -> Self {
        ForumState { query: ForumQuery::default(), sort: SortBy::default(), open: Vec::new(), limit: PAGE }
    }
}

pub enum Action {
    SetYear(Option<u16>),
    SetActionLine(Option<usize>),
    SetSdg(Option<Sdg>),
    SetType(Option<String>),
    SetOrganiser(Option<String>),
    Search(String),
    SetBasis(SdgBasis),
    Sort(SortBy),
    Toggle(usize),
    ShowMore,
    Reset,
    /// The state a link (the page URL) describes.
    Restore(ForumLinkState),
}

impl Reducible for ForumState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let filtering =
            !matches!(action, Action::Toggle(_) | Action::ShowMore | Action::Sort(_) | Action::Restore(_));
        match action {
            Action::SetYear(y) => next.query.year = y,
            Action::SetActionLine(a) => next.query.action_line = a,
            Action::SetSdg(s) => next.query.sdg = s,
            Action::SetType(t) => next.query.session_type = t,
            Action::SetOrganiser(o) => next.query.organiser = o,
            Action::Search(text) => next.query.search = text,
            Action::SetBasis(b) => next.query.basis = b,
            Action::Sort(s) => next.sort = s,
            Action::Toggle(i) => {
                if let Some(pos) = next.open.iter().position(|o| *o == i) {
                    next.open.remove(pos);
                } else {
                    next.open.push(i);
                }
            }
            Action::ShowMore => next.limit = next.limit.saturating_add(PAGE),
            Action::Restore(link) => {
                next.query = link.query;
                next.sort = if link.sort_by_title { SortBy::Title } else { SortBy::Date };
                next.open = link.open;
                next.limit = PAGE;
            }
            Action::Reset => {
                let basis = next.query.basis;
                next.query = ForumQuery { basis, ..ForumQuery::default() };
                next.open.clear();
            }
        }
        if filtering {
            next.limit = PAGE;
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl ForumState {
    /// Whether Reset would change nothing: no filter, search or open session (the SDG basis
    /// is a way of counting, which Reset keeps).
    pub fn is_reset(&self) -> bool {
        self.query == ForumQuery { basis: self.query.basis, ..ForumQuery::default() } && self.open.is_empty()
    }

    /// The part of the state a link carries.
    pub fn link_state(&self) -> ForumLinkState {
        ForumLinkState {
            query: self.query.clone(),
            sort_by_title: self.sort == SortBy::Title,
            open: self.open.clone(),
        }
    }
}
