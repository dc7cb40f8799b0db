//! The reader's choices on the forum sessions, changed only through [`Action`]s.

use std::rc::Rc;

use yew::Reducible;

use crate::model::forum::{ForumQuery, SdgBasis};
use crate::model::Sdg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Title,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ForumState {
    pub query: ForumQuery,
    pub sort: SortBy,
    /// Sessions whose details are open, by index.
    pub open: Vec<usize>,
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
    Reset,
}

impl Reducible for ForumState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
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
            Action::Reset => {
                let basis = next.query.basis;
                next.query = ForumQuery { basis, ..ForumQuery::default() };
                next.open.clear();
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
