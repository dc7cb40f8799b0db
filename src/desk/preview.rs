//! The real widget over the edited text: the reader bundle's own element (the page loads
//! `wsis-sdg-widgets.js`), its `src` a same-origin `blob:` URL of the text. The widget fetches it
//! as any data file (fetch reads `blob:` URLs; the page's CSP allows `connect-src blob:`), so
//! the preview runs exactly the reader's code: no option was added to the widgets for it. An
//! edited matrix file feeds the forum preview too (it counts SDGs through the matrix).

use web_sys::Url;
use yew::prelude::*;

use crate::model::file_kind::FileKind;
use crate::model::Lang;
use crate::widgets::shared::export::text_blob_url;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// Which widget: forum, matrix or pledges (an SDG texts file has no widget of its own).
    pub kind: FileKind,
    pub text: AttrValue,
    pub lang: Lang,
    /// `light` or `dark`, as the widget's `theme` attribute takes it.
    pub theme: AttrValue,
    /// The matrix the forum widget reads: the edited one when a matrix file is open.
    #[prop_or_default]
    pub matrix_text: Option<AttrValue>,
    /// The published files, for what is not open.
    pub matrix_src: AttrValue,
    pub sdg_src: AttrValue,
}

/// A `blob:` URL of `text` while the component shows it.
#[hook]
fn use_blob_url(text: Option<AttrValue>) -> Option<AttrValue> {
    let url = use_state(|| None::<AttrValue>);
    {
        let url = url.clone();
        use_effect_with(text, move |text| {
            let made = text.as_deref().and_then(|t| text_blob_url(t, "application/json").ok());
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
    (*url).clone()
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let src = use_blob_url(Some(props.text.clone()));
    let matrix = use_blob_url(props.matrix_text.clone());
    let Some(src) = src else { return Html::default() };
    // An open matrix's URL comes an effect later: wait for it rather than read the published one.
    if props.kind == FileKind::Forum && props.matrix_text.is_some() && matrix.is_none() {
        return Html::default();
    }
    let matrix_src = matrix.unwrap_or_else(|| props.matrix_src.clone());
    let (lang, theme, sdg_src) = (props.lang.code(), props.theme.clone(), props.sdg_src.clone());
    match props.kind {
        FileKind::Forum => html! {
            <wsis-forum-outcomes {src} matrix-src={matrix_src} sdg-src={sdg_src} {lang} {theme} />
        },
        FileKind::Matrix => html! {
            <wsis-sdg-matrix {src} sdg-src={sdg_src} {lang} {theme} />
        },
        FileKind::Pledges => html! { <p2c-pledges {src} {lang} {theme} /> },
        FileKind::SdgTexts(_) => Html::default(),
    }
}
