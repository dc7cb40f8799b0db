//! The forum widget as it is pre-rendered on a server (`cargo xtask prerender`): the live
//! widget's root and app, with every session's details built.

use std::rc::Rc;

use yew::prelude::*;

use super::app::ForumApp;
use crate::model::forum::Forum;
use crate::model::{Lang, Matrix, SdgCatalog};
use crate::ui::theme::Theme;
use crate::widgets::shared::{StaticRender, WidgetRoot};

#[derive(Properties, PartialEq)]
pub struct PrerenderedForumProps {
    pub forum: Rc<Forum>,
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// The forum year shown; `None`: the widget's default (the latest).
    #[prop_or_default]
    pub year: Option<u16>,
}

/// `<wsis-forum-outcomes>`'s content for a Declarative Shadow DOM template.
#[component]
pub fn PrerenderedForum(props: &PrerenderedForumProps) -> Html {
    let lang = props.lang;
    html! {
        <ContextProvider<StaticRender> context={StaticRender(true)}>
            <WidgetRoot kind="forum" lang={lang} theme={props.theme}>
                <ForumApp forum={props.forum.clone()} matrix={props.matrix.clone()}
                    catalog={props.catalog.clone()} lang={lang} year={props.year} />
            </WidgetRoot>
        </ContextProvider<StaticRender>>
    }
}
