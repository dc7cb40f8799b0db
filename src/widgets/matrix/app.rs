//! The loaded matrix: state, the memoised view, and the layout of the parts.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::data::WidgetData;

use super::cards::Cards;
use super::detail::Detail;
use super::grid::{popover_id, Grid};
use super::provenance::ProvenancePanel;
use yew::Reducible;

use super::state::{Action, MatrixState, Orientation};
use super::toolbar::Toolbar;
use crate::model::export::{matrix_scene, matrix_table};
use crate::model::matrix_view::cited_targets;
use crate::model::url_state::{matrix_params, parse_matrix};
use crate::model::{compute_view_indexed, Lang, Matrix, SdgCatalog, SearchIndex};
use crate::ui::i18n::strings;
use crate::widgets::shared::export::{deliver, Format};
use crate::widgets::shared::hooks::use_narrow;
use crate::widgets::shared::link::{self, use_link_report, use_link_restore, UrlLink};
use crate::widgets::shared::WidgetEvent;
use crate::widgets::shared::{use_actions, use_static_render, Actions, StaticNote};

/// Below this width (the stylesheet's container query) the matrix is a list of cards.
const NARROW_PX: f64 = 760.0;

/// The matrix once both files are loaded. Public so it can be rendered on a server
/// (`yew::ServerRenderer`) for readers without JavaScript.
#[derive(Properties, PartialEq)]
pub struct MatrixAppProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    pub orientation: Orientation,
    pub on_lang: Callback<Lang>,
    pub on_event: Callback<WidgetEvent>,
    /// A selection from the host page or a linked widget: narrows the matrix to it.
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    #[prop_or_default]
    pub sdg: Option<crate::model::Sdg>,
    #[prop_or_default]
    pub link: UrlLink,
}

/// State, the memoised view, and the layout of the parts.
#[component]
pub fn MatrixApp(props: &MatrixAppProps) -> Html {
    let state = use_reducer(|| {
        let initial = Rc::new(MatrixState { orientation: props.orientation, ..Default::default() });
        match &props.link.restore {
            Some(params) => {
                let (restored, _) = parse_matrix(params, &props.matrix);
                (*initial.reduce(Action::Restore(restored))).clone()
            }
            None => (*initial).clone(),
        }
    });
    {
        let (restore, matrix) = (props.link.restore.clone(), props.matrix.clone());
        link::use_mount_warnings(move || restore.map(|p| parse_matrix(&p, &matrix).1).unwrap_or_default());
    }
    {
        // A later change of the `view` attribute; at mount the state already has it (or the
        // link's orientation, which wins).
        let dispatcher = state.dispatcher();
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.orientation, move |o| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                dispatcher.dispatch(Action::SetOrientation(*o));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let matrix = props.matrix.clone();
        use_link_restore(&props.link, move |params| {
            let (restored, warnings) = parse_matrix(params, &matrix);
            link::warn(&warnings);
            dispatcher.dispatch(Action::Restore(restored));
        });
    }
    let params = matrix_params(&state.link_state(), &props.matrix);
    {
        let on_event = props.on_event.clone();
        use_link_report(
            &props.link,
            params.clone(),
            Callback::from(move |params| on_event.emit(WidgetEvent::State { params })),
        );
    }
    let (wrap, narrow) = use_narrow(NARROW_PX);
    let pre_rendered = use_static_render();
    let actions = use_actions(&props.link, props.lang);
    {
        let dispatcher = state.dispatcher();
        use_effect_with((props.action_line.clone(), props.sdg), move |(al, sdg)| {
            if let Some(id) = al {
                dispatcher
                    .dispatch(Action::SetActionLines(crate::model::ActionLineFilter::One(id.to_string())));
            }
            if sdg.is_some() {
                dispatcher.dispatch(Action::SetSdg(*sdg));
            }
        });
    }
    // Folded once per file and language, so a keystroke only scans prepared text.
    let search_index = use_memo((props.matrix.clone(), props.catalog.clone(), props.lang), |(m, c, lang)| {
        SearchIndex::new(m, c, *lang)
    });
    let view =
        use_memo((props.matrix.clone(), search_index, state.query.clone()), |(matrix, index, query)| {
            compute_view_indexed(matrix, index, query)
        });
    let agencies = use_memo(props.matrix.clone(), |m| m.agencies());
    let targets = use_memo(props.matrix.clone(), |m| cited_targets(m));

    let dispatcher = state.dispatcher();
    let on_open = {
        let dispatcher = dispatcher.clone();
        let matrix = props.matrix.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |(link, position): (usize, Option<(usize, usize)>)| {
            dispatcher.dispatch(Action::Open(link, position));
            if let Some(l) = matrix.links.get(link) {
                let action_line = matrix.action_lines.get(l.action_line).map(|a| a.id.clone());
                on_event.emit(WidgetEvent::Select {
                    action_line: action_line.unwrap_or_default(),
                    sdg: l.sdg.number(),
                });
            }
        })
    };
    let on_close = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |refocus: bool| dispatcher.dispatch(Action::Close(refocus)))
    };

    let on_export = {
        let (matrix, catalog, view, lang) =
            (props.matrix.clone(), props.catalog.clone(), view.clone(), props.lang);
        let transposed = state.orientation == Orientation::SdgsByActionLines;
        let on_exported = actions.on_exported.clone();
        Callback::from(move |format: Format| {
            let delivered = deliver(
                format,
                "wsis-sdg-matrix",
                lang,
                &params,
                || matrix_table(&matrix, &catalog, lang, &view),
                || matrix_scene(&matrix, &catalog, lang, &view, transposed, strings(lang).matrix_title),
            );
            on_exported.emit(delivered.is_ok());
        })
    };

    let s = strings(props.lang);
    let count = s.count(props.lang, view.shown, view.total);
    let open = state.open.filter(|link| props.matrix.links.get(*link).is_some());

    let data = WidgetData { matrix: props.matrix.clone(), catalog: props.catalog.clone(), lang: props.lang };
    html! {
        <ContextProvider<WidgetData> context={data}>
        <div class="matrix-app" ref={wrap}>
            // The toolbar's search landmark takes its name from here, so two widgets on a page
            // are two named entries in a screen reader's landmark list.
            <h2 id="wsis-matrix-title">{ s.matrix_title }</h2>
            if pre_rendered { <StaticNote lang={props.lang} /> }
            <Toolbar
                query={state.query.clone()} orientation={state.orientation}
                agencies={agencies} targets={targets} dispatcher={dispatcher.clone()}
                on_lang={props.on_lang.clone()} />
            <Actions lang={props.lang} on_export={on_export}
                on_copy_link={actions.on_copy_link.clone()} status={actions.status.clone()} />
            <p class="status" role="status" aria-live="polite">{ count }</p>
            if view.shown == 0 {
                <p class="muted">{ s.no_results }</p>
            }
            <div class="body">
                <div class="main">
                    // Pre-rendered, both forms are there and the stylesheet's container query
                    // shows the one the live widget's ResizeObserver will pick.
                    if !narrow || pre_rendered {
                        <Grid
                            view={view.clone()} orientation={state.orientation} open={open}
                            focus={state.focus} focus_request={state.focus_request}
                            dispatcher={dispatcher.clone()} on_open={on_open.clone()} />
                    }
                    if narrow || pre_rendered {
                        <Cards
                            view={view.clone()} orientation={state.orientation} open={open}
                            on_open={on_open.clone()} />
                    }
                </div>
                if let Some(link) = open {
                    <Detail
                        link={link} view={view.clone()} on_close={on_close} />
                }
            </div>
            <ProvenancePanel />
            if pre_rendered {
                // Everything above is shown at once when the parser gets here (the stylesheet
                // waits for this marker); the popovers below take no room, so they may follow.
                <span data-complete="" hidden=true></span>
                <div class="static-details">
                    for link in 0..props.matrix.links.len() {
                        <div key={link} popover="auto" id={popover_id(link)} class="detail-popover">
                            <Detail
                                link={link} view={view.clone()} on_close={Callback::noop()}
                                popover={popover_id(link)} />
                        </div>
                    }
                </div>
            }
        </div>
        </ContextProvider<WidgetData>>
    }
}
