//! The real forum widget over the edited text: the reader bundle's `<wsis-forum-outcomes>`
//! (the page loads `wsis-sdg-widgets.js`), its `src` a same-origin `blob:` URL of the text. The
//! widget fetches it as any data file (fetch reads `blob:` URLs; the page's CSP allows
//! `connect-src blob:`), so the preview runs exactly the reader's code: no option was added to
//! the widgets for it.

use web_sys::Url;
use yew::prelude::*;

use crate::model::Lang;
use crate::widgets::shared::export::text_blob_url;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub text: AttrValue,
    pub lang: Lang,
    /// `light` or `dark`, as the widget's `theme` attribute takes it.
    pub theme: AttrValue,
    pub matrix_src: AttrValue,
    pub sdg_src: AttrValue,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let url = use_state(|| None::<AttrValue>);
    {
        let url = url.clone();
        use_effect_with(props.text.clone(), move |text| {
            let made = text_blob_url(text, "application/json").ok();
            url.set(made.clone().map(AttrValue::from));
            move || {
                // Later than the next URL's render: the widget may still be reading this one.
                if let Some(old) = made {
                    gloo::timers::callback::Timeout::new(30_000, move || {
                        let _ = Url::revoke_object_url(&old);
                    })
                    .forget();
                }
            }
        });
    }
    match &*url {
        Some(src) => html! {
            <wsis-forum-outcomes src={src.clone()} matrix-src={props.matrix_src.clone()}
                sdg-src={props.sdg_src.clone()} lang={props.lang.code()} theme={props.theme.clone()} />
        },
        None => Html::default(),
    }
}
