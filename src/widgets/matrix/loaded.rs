//! The matrix from files a Rust app has already loaded and validated: the same app, frame and
//! events as [`MatrixWidget`](super::MatrixWidget), without the loading.

#![warn(missing_docs)]

use std::rc::Rc;

use yew::prelude::*;

use super::app::MatrixApp;
use super::state::Orientation;
use crate::model::{Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::{use_status_events, widget_frame, Frame, Status, WidgetEvent};

/// The props of [`LoadedMatrix`].
#[derive(Properties, PartialEq, Clone)]
pub struct LoadedMatrixProps {
    /// The matrix file, validated (`Matrix::from_json`).
    pub matrix: Rc<Matrix>,
    /// The SDG texts (`SdgCatalog::from_json`). Their language (`catalog.lang`) is the
    /// widget's: when the reader picks another one in the language menu, the widget sends
    /// [`WidgetEvent::LanguageChange`]; pass the catalog of that language to follow.
    pub catalog: Rc<SdgCatalog>,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// Action Lines down the side (the default) or SDGs.
    #[prop_or_default]
    pub orientation: Orientation,
    /// Narrows the matrix to this Action Line id (e.g. `C3`), as a linked widget would.
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    /// Narrows the matrix to this SDG.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    /// What the widget tells its app: [`WidgetEvent::MatrixReady`] once, then
    /// [`WidgetEvent::Select`] for each cell the reader opens, language and view changes.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The WSIS–SDG matrix from already-loaded values.
#[component]
pub fn LoadedMatrix(props: &LoadedMatrixProps) -> Html {
    let lang = props.catalog.lang;
    let status = Status::Ready(WidgetEvent::MatrixReady { links: props.matrix.links.len() });
    use_status_events(&status, &props.on_event);
    let on_lang = props.on_event.reform(|lang| WidgetEvent::LanguageChange { lang });
    let content = html! {
        <MatrixApp matrix={props.matrix.clone()} catalog={props.catalog.clone()} lang={lang}
            orientation={props.orientation} on_lang={on_lang}
            action_line={props.action_line.clone()} sdg={props.sdg}
            on_event={props.on_event.clone()} />
    };
    let frame = Frame {
        kind: None,
        lang,
        theme: props.theme,
        presenter: false,
        error_heading: strings(lang).error_heading,
    };
    widget_frame(frame, &status, &Callback::noop(), content)
}
