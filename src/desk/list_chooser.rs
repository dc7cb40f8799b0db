//! A list cell (Action Lines, SDGs) chosen from the model's ids: a disclosure of checkboxes
//! beside the cell, one per choice; ticking one rewrites the cell (one undo step). Action Lines
//! are named by code and title, the title in the desk's language as the widgets name it.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::desk::ListColumn;
use crate::model::matrix::Matrix;
use crate::model::Lang;
use crate::widgets::shared::labels::action_line_title;

#[derive(Properties, PartialEq)]
pub struct ListChooserProps {
    /// Unique in the page: the checkboxes' ids start with it; the disclosure is `{id}-summary`.
    pub id: AttrValue,
    pub column: ListColumn,
    pub value: AttrValue,
    /// The disclosure's visible text and its accessible name (which starts with the text).
    pub text: AttrValue,
    pub label: AttrValue,
    pub on_change: Callback<String>,
    pub lang: Lang,
    /// The Action Lines' titles (codes alone while it loads).
    #[prop_or_default]
    pub matrix: Option<Rc<Matrix>>,
}

/// The id of the disclosure of the chooser `id` (what a problem at the list focuses).
pub fn summary_id(id: &str) -> String {
    format!("{id}-summary")
}

#[component]
pub fn ListChooser(props: &ListChooserProps) -> Html {
    let choices = use_memo(props.column, |column| Rc::new(column.choices()));
    let chosen = props.column.chosen(&props.value);
    // Matrix rows are in the choices' order (`ACTION_LINE_IDS`).
    let titles = match props.column {
        ListColumn::ActionLines => props.matrix.as_deref().map(|m| m.action_lines.as_slice()),
        ListColumn::Sdgs => None,
    };
    html! {
        <details class="desk-choose">
            <summary id={summary_id(&props.id)} aria-label={props.label.clone()}>{ props.text.clone() }</summary>
            <fieldset class={classes!(titles.is_some().then_some("titled"))}>
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
                        <span class="code">{ choice.clone() }</span>
                        if let Some(al) = titles.and_then(|t| t.get(i)) {
                            { " " }<span class="desk-choice-title">{ action_line_title(al, props.lang, None) }</span>
                        }
                    </label>
                }
            </fieldset>
        </details>
    }
}
