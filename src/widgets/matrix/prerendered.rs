//! The matrix as it is pre-rendered on a server (`cargo xtask prerender`): the same root and
//! app as the live widget, so the takeover moves nothing, with the static extras switched on.

use std::rc::Rc;

use yew::prelude::*;

use super::app::MatrixApp;
use super::state::Orientation;
use crate::model::{Lang, Matrix, SdgCatalog};
use crate::ui::theme::Theme;
use crate::widgets::shared::{StaticRender, WidgetRoot};

#[derive(Properties, PartialEq)]
pub struct PrerenderedMatrixProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub orientation: Orientation,
}

/// `<wsis-sdg-matrix>`'s content for a Declarative Shadow DOM template.
#[component]
pub fn PrerenderedMatrix(props: &PrerenderedMatrixProps) -> Html {
    let lang = props.lang;
    html! {
        <ContextProvider<StaticRender> context={StaticRender(true)}>
            <WidgetRoot lang={lang} theme={props.theme}>
                <MatrixApp matrix={props.matrix.clone()} catalog={props.catalog.clone()} lang={lang}
                    orientation={props.orientation} on_lang={Callback::noop()} on_event={Callback::noop()} />
            </WidgetRoot>
        </ContextProvider<StaticRender>>
    }
}
