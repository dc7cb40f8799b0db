use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One `(value, label)` choice of a [`SelectField`].
pub type Choice = (AttrValue, AttrValue);

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// Element id, unique inside the widget's shadow root.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub choices: Rc<Vec<Choice>>,
    pub on_change: Callback<String>,
}

/// A labelled `<select>`; every filter menu of every widget is one of these.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    // `selected` only sets the first choice: once the reader has used the menu, the browser
    // ignores the attribute, so a reset or a restored link sets the value itself.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                if element.value() != value.as_str() {
                    element.set_value(value);
                }
            }
        });
    }
    // The markup marks the choice the menu starts with and is not rewritten later (the effect
    // above sets later values): rewriting `selected` on every change cost a second render pass.
    let first_value = use_state(|| props.value.clone());
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            on_change.emit(select.value());
        }
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select ref={select} id={props.id.clone()} {onchange}>
                for (value, label) in props.choices.iter() {
                    <option key={value.as_str()} value={value.clone()} selected={*value == *first_value}>
                        { label.clone() }
                    </option>
                }
            </select>
        </div>
    }
}
