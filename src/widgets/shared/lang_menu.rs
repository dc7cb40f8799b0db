use std::rc::Rc;

use yew::prelude::*;

use super::{Choice, SelectField};
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct LangMenuProps {
    /// The select's id, one per widget kind (`wsis-lang`, `forum-lang`, `p2c-lang`), so two
    /// widgets in one document (a Yew app, no shadow roots) keep their labels apart.
    pub id: &'static str,
    pub lang: Lang,
    pub label: AttrValue,
    pub on_change: Callback<Lang>,
}

/// The six UN languages, each named in itself.
#[component]
pub fn LangMenu(props: &LangMenuProps) -> Html {
    let choices = use_memo((), |()| {
        Lang::ALL
            .iter()
            .map(|l| (AttrValue::from(l.code()), AttrValue::from(l.native_name())))
            .collect::<Vec<Choice>>()
    });
    let on_change = props.on_change.clone();
    let on_value = Callback::from(move |value: String| {
        if let Some(lang) = Lang::from_tag(&value) {
            on_change.emit(lang);
        }
    });
    html! {
        <SelectField id={props.id} label={props.label.clone()}
            value={props.lang.code()} choices={Rc::clone(&choices)} on_change={on_value} />
    }
}
