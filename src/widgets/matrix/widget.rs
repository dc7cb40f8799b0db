//! The root component: loads the two data files, then shows the matrix or the error.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::{presenter, WidgetRoot};

use super::action_line_slide::ActionLineSlide;
use super::app::MatrixApp;
use super::overview_slide::OverviewSlide;
use super::state::Orientation;
use crate::model::url_state::Params;
use crate::model::{Error, ErrorKind, Lang, Matrix};
use crate::ui::i18n::strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::hooks::{use_sdg_catalog, use_widget_lang};
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::{use_resource, ErrorBox, Request, Resource};

/// What the matrix tells its host (the embed layer turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum MatrixEvent {
    /// Both files loaded; `links` is how many linked cells the matrix has.
    Ready { links: usize },
    /// A file failed to load or validate; the message names file and JSON path.
    Error { message: String },
    /// The reader opened a cell.
    Select { action_line: String, sdg: u8 },
    /// The reader picked another language in the menu.
    LanguageChange { lang: Lang },
    /// The view changed; `params` describe it for the page URL.
    State { params: Rc<Params> },
}

#[derive(Properties, PartialEq, Clone)]
pub struct MatrixProps {
    /// URL of `matrix.json`, relative to the page.
    pub src: AttrValue,
    /// Folder of the `sdg-<lang>.json` files; default: `sdg/` next to `src`.
    #[prop_or_default]
    pub sdg_src: Option<AttrValue>,
    #[prop_or(Lang::En)]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub orientation: Orientation,
    /// A selection set by the host page or a linked widget (Action Line id, SDG).
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    #[prop_or_default]
    pub sdg: Option<crate::model::Sdg>,
    /// Projector layout: the overview, or one Action Line's slide when `action_line` is set.
    #[prop_or_default]
    pub presenter: bool,
    /// State in the page URL (the `url-state` attribute).
    #[prop_or_default]
    pub link: UrlLink,
    #[prop_or_default]
    pub on_event: Callback<MatrixEvent>,
}

/// The WSIS–SDG matrix widget.
#[component]
pub fn MatrixWidget(props: &MatrixProps) -> Html {
    let (lang, on_lang) = {
        let on_event = props.on_event.clone();
        use_widget_lang(
            props.lang,
            props.link.version,
            Callback::from(move |lang| on_event.emit(MatrixEvent::LanguageChange { lang })),
        )
    };
    let attempt = use_state_eq(|| 0u32);

    let has_src = !props.src.trim().is_empty();
    let matrix_request =
        // Shared with a forum widget on the same page, which needs the same matrix.
        has_src.then(|| Request { url: props.src.clone(), file: props.src.clone(), cache: true });
    let matrix = use_resource(matrix_request, *attempt, Matrix::from_json);
    let matrix = if has_src {
        matrix
    } else {
        Resource::Failed(Rc::new(Error::new("<wsis-sdg-matrix>", "", ErrorKind::NoSource)))
    };

    let catalog = use_sdg_catalog(Some(props.src.clone()), props.sdg_src.clone(), lang, *attempt);

    {
        let on_event = props.on_event.clone();
        use_effect_with((matrix.clone(), catalog.clone()), move |(matrix, catalog)| {
            match (matrix, catalog) {
                (Resource::Failed(err), _) | (_, Resource::Failed(err)) => {
                    on_event.emit(MatrixEvent::Error { message: err.to_string() })
                }
                (Resource::Ready(m), Resource::Ready(_)) => {
                    on_event.emit(MatrixEvent::Ready { links: m.links.len() })
                }
                _ => {}
            }
        });
    }

    let s = strings(lang);
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };

    let content = match (&matrix, &catalog) {
        (Resource::Failed(err), _) | (_, Resource::Failed(err)) => {
            let retry = err.is_retryable().then_some(on_retry);
            html! {
                <ErrorBox heading={s.error_heading} message={err.to_string()}
                    retry_label={s.retry} on_retry={retry} />
            }
        }
        (Resource::Ready(matrix), Resource::Ready(catalog)) if presenter(props.presenter) => {
            let row = props
                .action_line
                .as_deref()
                .and_then(|id| matrix.action_lines.iter().position(|al| al.id == id));
            match row {
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
                orientation={props.orientation} on_lang={on_lang}
                action_line={props.action_line.clone()} sdg={props.sdg}
                link={props.link.clone()} on_event={props.on_event.clone()} />
        },
        _ => html! { <p class="status" role="status" data-testid="loading">{ s.loading }</p> },
    };

    html! {
        <WidgetRoot testid="matrix" lang={lang} theme={props.theme}
            presenter={presenter(props.presenter)}>
            { content }
        </WidgetRoot>
    }
}
