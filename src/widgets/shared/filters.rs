//! The "Filters" disclosure of a toolbar: on a narrow widget (the stylesheet's container
//! query) the menus sit behind one button that says how many of them narrow the view; on a
//! wide one the button is not shown and the menus stay in the toolbar's row.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::model::Lang;
use crate::ui::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// The panel's id, one per widget kind (`wsis-filters`, `forum-filters`), which the
    /// button's `aria-controls` names.
    pub id: &'static str,
    pub lang: Lang,
    /// How many filters are set (the model's `active_filters`).
    pub active: usize,
    #[prop_or_default]
    pub children: Html,
}

/// The button and the panel of filters it shows and hides. Collapsed at first, on the server
/// too, so a pre-rendered narrow toolbar is the live one box for box; not part of the link.
#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let open = use_state_eq(|| false);
    let button = use_node_ref();
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Escape in the open panel closes it and gives the focus back to its button.
    let onkeydown = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |e: KeyboardEvent| {
            if *open && e.key() == "Escape" {
                open.set(false);
                if let Some(b) =
                    button.cast::<web_sys::Element>().and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
            }
        })
    };
    let label = strings(props.lang).filters_label(props.lang, props.active);
    let expanded = if *open { "true" } else { "false" };
    html! {
        <>
            <button type="button" class="filters-toggle" ref={button} aria-expanded={expanded}
                aria-controls={props.id} {onclick}>{ label }</button>
            <div id={props.id} class={if *open { "filters open" } else { "filters" }} {onkeydown}>
                { props.children.clone() }
            </div>
        </>
    }
}
