//! A list cell (Action Lines, SDGs) chosen from the model's ids: a disclosure of checkboxes
//! beside the cell, one per choice; ticking one rewrites the cell (one undo step).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::desk::ListColumn;

#[derive(Properties, PartialEq)]
pub struct ListChooserProps {
    /// Unique in the page: the checkboxes' ids start with it.
    pub id: AttrValue,
    pub column: ListColumn,
    pub value: AttrValue,
    /// The disclosure's visible text and its accessible name (which starts with the text).
    pub text: AttrValue,
    pub label: AttrValue,
    pub on_change: Callback<String>,
}

#[component]
pub fn ListChooser(props: &ListChooserProps) -> Html {
    let choices = use_memo(props.column, |column| Rc::new(column.choices()));
    let chosen = props.column.chosen(&props.value);
    html! {
        <details class="desk-choose">
            <summary aria-label={props.label.clone()}>{ props.text.clone() }</summary>
            <fieldset>
                <legend>{ props.label.clone() }</legend>
                for (i, choice) in choices.iter().enumerate() {
                    <label key={i} class="desk-choice">
                        <input type="checkbox" id={format!("{}-{i}", props.id)}
                            checked={chosen.contains(choice)}
                            onchange={{
                                let (column, value, choice) = (props.column, props.value.clone(), choice.clone());
                                props.on_change.reform(move |e: Event| {
                                    let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                                    column.toggle(&value, &choice, on)
                                })
                            }} />
                        { choice.clone() }
                    </label>
                }
            </fieldset>
        </details>
    }
}
