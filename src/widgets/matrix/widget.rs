//! The root component: loads the two data files, then shows the matrix or the error.

#![warn(missing_docs)]

use crate::model::input::DEFAULT_MAX_BYTES;
use yew::prelude::*;

use super::action_line_slide::ActionLineSlide;
use super::app::MatrixApp;
use super::overview_slide::OverviewSlide;
use super::state::Orientation;
use crate::model::{Lang, Matrix};
use crate::ui::i18n::strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::hooks::use_sdg_catalog;
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::{
    missing_source, presenter, use_resource, use_shell, use_status_events, widget_frame, Frame, Request,
    Resource, Status, WidgetEvent,
};

/// The props of [`MatrixWidget`] (the custom element's attributes, as Rust values).
#[derive(Properties, PartialEq, Clone)]
pub struct MatrixProps {
    /// URL of `matrix.json`, relative to the page.
    pub src: AttrValue,
    /// Folder of the `sdg-<lang>.json` files; default: `sdg/` next to `src`.
    #[prop_or_default]
    pub sdg_src: Option<AttrValue>,
    /// The language to start in (the reader may pick another in the widget's menu).
    #[prop_or(Lang::En)]
    pub lang: Lang,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// Action Lines down the side (the default) or SDGs.
    #[prop_or_default]
    pub orientation: Orientation,
    /// A selection set by the host page or a linked widget: an Action Line id (`C3`).
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    /// A selection set by the host page or a linked widget: an SDG.
    #[prop_or_default]
    pub sdg: Option<crate::model::Sdg>,
    /// Projector layout: the overview, or one Action Line's slide when `action_line` is set.
    #[prop_or_default]
    pub presenter: bool,
    /// State in the page URL (the `url-state` attribute).
    #[prop_or_default]
    pub link: UrlLink,
    /// The largest data file the widget accepts (`max-bytes`), in bytes.
    #[prop_or(DEFAULT_MAX_BYTES)]
    pub max_bytes: u32,
    /// What the widget tells its host: ready, errors, selections, language and view changes
    /// (one [`WidgetEvent`] each; the custom elements turn them into DOM events).
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The WSIS–SDG matrix widget.
#[component]
pub fn MatrixWidget(props: &MatrixProps) -> Html {
    let shell = use_shell(props.lang, props.link.version, &props.on_event);
    let lang = shell.lang;
    let has_src = !props.src.trim().is_empty();
    let matrix_request =
        // Shared with a forum widget on the same page, which needs the same matrix.
        has_src.then(|| Request { url: props.src.clone(), file: props.src.clone(), cache: true, limit: props.max_bytes });
    let matrix = use_resource(matrix_request, shell.attempt, Matrix::from_json);
    let catalog =
        use_sdg_catalog(has_src.then(|| props.src.clone()), props.sdg_src.clone(), lang, shell.attempt);
    let status = Status::of(
        [(!has_src).then(|| missing_source("wsis-sdg-matrix")), matrix.failure(), catalog.failure()],
        matrix.is_loading() || catalog.is_loading(),
        || WidgetEvent::MatrixReady {
            links: match &matrix {
                Resource::Ready(m) => m.links.len(),
                _ => 0,
            },
        },
    );
    use_status_events(&status, &props.on_event);

    let content = match (&matrix, &catalog) {
        (Resource::Ready(matrix), Resource::Ready(catalog)) if presenter(props.presenter) => {
            match props.action_line.as_deref().and_then(|id| matrix.row_of(id)) {
                Some(row) => {
                    html! { <ActionLineSlide matrix={matrix.clone()} catalog={catalog.clone()} lang={lang} row={row} /> }
                }
                None => {
                    html! { <OverviewSlide matrix={matrix.clone()} catalog={catalog.clone()} lang={lang} /> }
                }
            }
        }
        (Resource::Ready(matrix), Resource::Ready(catalog)) => html! {
            <MatrixApp matrix={matrix.clone()} catalog={catalog.clone()} lang={lang}
                orientation={props.orientation} on_lang={shell.on_lang.clone()}
                action_line={props.action_line.clone()} sdg={props.sdg}
                link={props.link.clone()} on_event={props.on_event.clone()} />
        },
        _ => Html::default(),
    };
    let frame = Frame {
        kind: None,
        lang,
        theme: props.theme,
        presenter: props.presenter,
        error_heading: strings(lang).error_heading,
    };
    widget_frame(frame, &status, &shell.on_retry, content)
}
