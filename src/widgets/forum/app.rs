//! The loaded forum data: state, the memoised view, and the layout of the parts.

use std::rc::Rc;

use yew::prelude::*;

use super::compare::Compare;
use super::heat_grid::HeatGrid;
use super::session_list::SessionList;
use super::state::{Action, ForumState};
use super::toolbar::ForumToolbar;
use super::widget::ForumEvent;
use super::year_summary::YearSummary;
use crate::model::forum::{compute_forum_view, Forum};
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::{Lang, Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::forum_strings;

/// Public so it can be rendered on a server.
#[derive(Properties, PartialEq)]
pub struct ForumAppProps {
    pub forum: Rc<Forum>,
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    #[prop_or_default]
    pub year: Option<u16>,
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
    #[prop_or_default]
    pub on_event: Callback<ForumEvent>,
}

#[component]
pub fn ForumApp(props: &ForumAppProps) -> Html {
    let state = use_reducer(ForumState::default);
    {
        let d = state.dispatcher();
        use_effect_with(props.year, move |year| d.dispatch(Action::SetYear(*year)));
    }
    {
        // A selection from the host page or a linked widget.
        let d = state.dispatcher();
        use_effect_with((props.action_line.clone(), props.sdg), move |(al, sdg)| {
            let row = al.as_deref().and_then(|id| ACTION_LINE_IDS.iter().position(|k| *k == id));
            if al.is_some() || sdg.is_some() {
                d.dispatch(Action::SetActionLine(row));
                d.dispatch(Action::SetSdg(*sdg));
            }
        });
    }
    let view = use_memo(
        (props.forum.clone(), props.matrix.clone(), state.query.clone()),
        |(forum, matrix, query)| compute_forum_view(forum, matrix, query),
    );
    let fs = forum_strings(props.lang);
    let on_cell = {
        let d = state.dispatcher();
        let on_event = props.on_event.clone();
        Callback::from(move |(row, sdg): (usize, Sdg)| {
            d.dispatch(Action::SetActionLine(Some(row)));
            d.dispatch(Action::SetSdg(Some(sdg)));
            if let Some(id) = ACTION_LINE_IDS.get(row) {
                on_event.emit(ForumEvent::Select { action_line: (*id).to_owned(), sdg: sdg.number() });
            }
        })
    };
    html! {
        <>
            <h2 data-testid="title">{ fs.title }</h2>
            if props.forum.synthetic {
                <p class="alert" role="note" data-testid="synthetic" lang="en">{ props.forum.basis.clone() }</p>
            }
            <ForumToolbar forum={props.forum.clone()} matrix={props.matrix.clone()} catalog={props.catalog.clone()}
                lang={props.lang} state={(*state).clone()} dispatcher={state.dispatcher()} on_lang={props.on_lang.clone()} />
            <YearSummary forum={props.forum.clone()} year={state.query.year} lang={props.lang} />
            <HeatGrid matrix={props.matrix.clone()} catalog={props.catalog.clone()} lang={props.lang}
                view={view.clone()} selected={state.query.action_line.zip(state.query.sdg)} on_cell={on_cell} />
            <SessionList forum={props.forum.clone()} matrix={props.matrix.clone()} catalog={props.catalog.clone()}
                lang={props.lang} view={view.clone()} state={(*state).clone()} dispatcher={state.dispatcher()} />
            <Compare forum={props.forum.clone()} matrix={props.matrix.clone()} lang={props.lang} basis={state.query.basis} />
        </>
    }
}
