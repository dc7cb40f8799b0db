//! The outer element of every widget, live or pre-rendered: one definition, so a pre-rendered
//! widget and the live one that takes over from it cannot drift apart (the takeover's "no
//! layout shift" rests on it).

use yew::prelude::*;

use crate::model::Lang;
use crate::ui::theme::Theme;

#[derive(Properties, PartialEq)]
pub struct WidgetRootProps {
    /// Extra class naming the widget (`forum`, `pledges`), if any.
    #[prop_or_default]
    pub kind: Option<&'static str>,
    pub lang: Lang,
    pub theme: Theme,
    /// Projector layout (already checked against the `presenter` feature).
    #[prop_or_default]
    pub presenter: bool,
    #[prop_or_default]
    pub children: Html,
}

/// `<div class="root …" part="root" lang dir>`.
#[component]
pub fn WidgetRoot(props: &WidgetRootProps) -> Html {
    let lang = props.lang;
    html! {
        <div class={classes!("root", props.kind, props.theme.class(), props.presenter.then_some("presenter"))}
            part="root" lang={lang.code()} dir={lang.dir()}>
            { props.children.clone() }
        </div>
    }
}
