//! The pledge widget as it is pre-rendered on a server (`cargo xtask prerender`): the figures
//! of the file as it was at build time; the live widget takes over and keeps them fresh.

use std::rc::Rc;

use yew::prelude::*;

use super::app::PledgesApp;
use crate::model::pledges::Pledges;
use crate::model::Lang;
use crate::ui::theme::Theme;
use crate::widgets::shared::{StaticRender, WidgetRoot};

#[derive(Properties, PartialEq)]
pub struct PrerenderedPledgesProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
}

/// `<p2c-pledges>`'s content for a Declarative Shadow DOM template.
#[component]
pub fn PrerenderedPledges(props: &PrerenderedPledgesProps) -> Html {
    let lang = props.lang;
    html! {
        <ContextProvider<StaticRender> context={StaticRender(true)}>
            <WidgetRoot kind="pledges" lang={lang} theme={props.theme}>
                <PledgesApp pledges={props.pledges.clone()} lang={lang} />
            </WidgetRoot>
        </ContextProvider<StaticRender>>
    }
}
