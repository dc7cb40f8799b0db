//! The loaded forum data: state, the memoised view, and the layout of the parts.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::data::WidgetData;

use crate::widgets::shared::{use_static_render, StaticNote};
use yew::Reducible;

use super::compare::Compare;
use super::heat_grid::HeatGrid;
use super::session_list::SessionList;
use super::state::{Action, ForumState};
use super::toolbar::ForumToolbar;
use super::year_summary::YearSummary;
use crate::model::export::{forum_scene, forum_table};
use crate::model::forum::{compute_forum_view_indexed, Forum, ForumIndex};
use crate::model::url_state::{forum_params, parse_forum};
use crate::model::ActionLineId;
use crate::model::{Lang, Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::forum_strings;
use crate::widgets::shared::export::{deliver, Format};
use crate::widgets::shared::link::{self, use_link_report, use_link_restore, UrlLink};
use crate::widgets::shared::WidgetEvent;
use crate::widgets::shared::{use_actions, Actions};

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
    pub on_event: Callback<WidgetEvent>,
    #[prop_or_default]
    pub link: UrlLink,
}

#[component]
pub fn ForumApp(props: &ForumAppProps) -> Html {
    let pre_rendered = use_static_render();
    let state = use_reducer(|| {
        let mut initial = ForumState::default();
        initial.query.year = props.year;
        if let Some(params) = &props.link.restore {
            let (mut restored, _) = parse_forum(params, &props.forum);
            restored.query.year = restored.query.year.or(props.year);
            initial = (*Rc::new(initial).reduce(Action::Restore(restored))).clone();
        }
        initial
    });
    {
        let (restore, forum) = (props.link.restore.clone(), props.forum.clone());
        link::use_mount_warnings(move || restore.map(|p| parse_forum(&p, &forum).1).unwrap_or_default());
    }
    {
        // A later change of the `year` attribute; at mount the state already has it.
        let d = state.dispatcher();
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.year, move |year| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                d.dispatch(Action::SetYear(*year));
            }
        });
    }
    {
        let d = state.dispatcher();
        let forum = props.forum.clone();
        use_link_restore(&props.link, move |params| {
            let (restored, warnings) = parse_forum(params, &forum);
            link::warn(&warnings);
            d.dispatch(Action::Restore(restored));
        });
    }
    let params = forum_params(&state.link_state(), &props.forum);
    {
        let on_event = props.on_event.clone();
        use_link_report(
            &props.link,
            params.clone(),
            Callback::from(move |params| on_event.emit(WidgetEvent::State { params })),
        );
    }
    let actions = use_actions(&props.link, props.lang);
    {
        // A selection from the host page or a linked widget.
        let d = state.dispatcher();
        use_effect_with((props.action_line.clone(), props.sdg), move |(al, sdg)| {
            let row = al.as_deref().and_then(ActionLineId::parse).map(ActionLineId::row);
            if al.is_some() || sdg.is_some() {
                d.dispatch(Action::SetActionLine(row));
                d.dispatch(Action::SetSdg(*sdg));
            }
        });
    }
    let index = use_memo((props.forum.clone(), props.matrix.clone()), |(forum, matrix)| {
        ForumIndex::new(forum, matrix)
    });
    let view =
        use_memo((props.forum.clone(), index.clone(), state.query.clone()), |(forum, index, query)| {
            compute_forum_view_indexed(forum, index, query)
        });
    let sorted =
        use_memo((index.clone(), view.clone(), state.sort), |(index, view, sort)| index.sorted(view, *sort));
    let fs = forum_strings(props.lang);
    let on_export = {
        let (forum, matrix, view, sorted, lang) =
            (props.forum.clone(), props.matrix.clone(), view.clone(), sorted.clone(), props.lang);
        let basis = state.query.basis;
        let on_exported = actions.on_exported.clone();
        Callback::from(move |format: Format| {
            let delivered = deliver(
                format,
                "wsis-forum-outcomes",
                lang,
                &params,
                || forum_table(&forum, &matrix, basis, &sorted),
                || forum_scene(&matrix, lang, &view, forum_strings(lang).heat_grid),
            );
            on_exported.emit(delivered.is_ok());
        })
    };
    let on_cell = {
        let d = state.dispatcher();
        let on_event = props.on_event.clone();
        Callback::from(move |(row, sdg): (usize, Sdg)| {
            d.dispatch(Action::SetActionLine(Some(row)));
            d.dispatch(Action::SetSdg(Some(sdg)));
            if let Some(id) = ActionLineId::from_row(row) {
                on_event.emit(WidgetEvent::Select { action_line: id.code().to_owned(), sdg: sdg.number() });
            }
        })
    };
    let data = WidgetData { matrix: props.matrix.clone(), catalog: props.catalog.clone(), lang: props.lang };
    html! {
        <ContextProvider<WidgetData> context={data}>
            // Names the toolbar's search landmark (see the matrix).
            <h2 id="forum-title">{ fs.title }</h2>
            if pre_rendered { <StaticNote lang={props.lang} /> }
            if props.forum.synthetic {
                <p class="alert" role="note" lang="en">{ props.forum.basis.clone() }</p>
            }
            <ForumToolbar forum={props.forum.clone()} state={(*state).clone()} dispatcher={state.dispatcher()} on_lang={props.on_lang.clone()} />
            <Actions lang={props.lang} on_export={on_export}
                on_copy_link={actions.on_copy_link.clone()} status={actions.status.clone()} />
            <YearSummary forum={props.forum.clone()} year={state.query.year} lang={props.lang} />
            <HeatGrid
                view={view.clone()} basis={state.query.basis} selected={state.query.action_line.zip(state.query.sdg)} on_cell={on_cell} />
            <SessionList forum={props.forum.clone()} view={view.clone()} sorted={sorted.clone()} state={(*state).clone()} dispatcher={state.dispatcher()} />
            <Compare forum={props.forum.clone()} basis={state.query.basis} />
        </ContextProvider<WidgetData>>
    }
}
