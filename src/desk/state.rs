//! The desk's reducer: a thin shell over `model::desk::History` (undo, redo and the edits are
//! the model's), plus what is not undoable: problems met while opening files, and whether the
//! maintainer has changed anything yet (so an empty first render never overwrites saved work).

use std::rc::Rc;

use yew::Reducible;

use crate::model::desk::{Edit, History, Problem, Snapshot};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeskState {
    pub history: History,
    /// Files that could not be opened (encoding), listed with the other problems.
    pub open_problems: Vec<Problem>,
    /// Set by the first action: from then on every change is saved in local storage.
    pub touched: bool,
}

pub enum DeskAction {
    Edit(Edit),
    Undo,
    Redo,
    /// Saved work taken back after a reload (one undo step away from what was shown).
    Restore(Snapshot),
    /// A file refused while opening; `file` replaces earlier notes about the same file.
    OpenFailed(Problem),
}

impl Reducible for DeskState {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.touched = true;
        match action {
            DeskAction::Edit(edit) => {
                if let Edit::Open { name, .. } | Edit::OpenSheet { name, .. } = &edit {
                    next.open_problems.retain(|p| p.file != *name);
                }
                next.history = self.history.edit(&edit);
            }
            DeskAction::Undo => next.history = self.history.undo(),
            DeskAction::Redo => next.history = self.history.redo(),
            DeskAction::Restore(snapshot) => next.history = History::new(snapshot),
            DeskAction::OpenFailed(problem) => {
                next.open_problems.retain(|p| p.file != problem.file);
                next.open_problems.push(problem);
            }
        }
        Rc::new(next)
    }
}
