//! After a reload: the work kept in local storage, offered back (restore or discard).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::desk::Snapshot;
use crate::model::Lang;
use crate::ui::i18n::desk::desk_strings;

#[derive(Properties, PartialEq)]
pub struct RestoreOfferProps {
    pub lang: Lang,
    pub snapshot: Rc<Snapshot>,
    /// `true`: restore it; `false`: discard it.
    pub on_choice: Callback<bool>,
}

#[component]
pub fn RestoreOffer(props: &RestoreOfferProps) -> Html {
    let s = desk_strings(props.lang);
    let names = props.snapshot.names();
    html! {
        <div class="desk-restore" role="alert">
            <p>{ s.restore_prompt }{ " (" }{ names.join(", ") }{ ")" }</p>
            <button type="button" onclick={props.on_choice.reform(|_: MouseEvent| true)}>{ s.restore }</button>
            <button type="button" onclick={props.on_choice.reform(|_: MouseEvent| false)}>{ s.discard }</button>
        </div>
    }
}
