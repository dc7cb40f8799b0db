use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct LangMenuProps {
    pub lang: Lang,
    pub label: AttrValue,
    pub on_change: Callback<Lang>,
}

/// The six UN languages, each named in itself.
#[component]
pub fn LangMenu(props: &LangMenuProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            if let Some(lang) = Lang::from_tag(&select.value()) {
                on_change.emit(lang);
            }
        }
    });
    html! {
        <div class="field lang">
            <label for="wsis-lang">{ props.label.clone() }</label>
            <select id="wsis-lang" data-testid="lang" {onchange}>
                for lang in Lang::ALL {
                    <option key={lang.code()} value={lang.code()} lang={lang.code()} selected={lang == props.lang}>
                        { lang.native_name() }
                    </option>
                }
            </select>
        </div>
    }
}
