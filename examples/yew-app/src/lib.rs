//! An example Yew app that uses the widgets as components, as a Rust developer would
//! (`wsis_sdg_widgets::components`): the matrix loads its files from URLs, the pledge widget
//! shows a file the app fetched and validated itself, and the cell a reader opens in the
//! matrix shows in the app's own markup, through `on_event`.
//!
//! `cargo xtask build` builds it for wasm into `dist/examples/yew-app/`; the page is
//! `www/examples/yew-app.html`.

use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use wsis_sdg_widgets::components::{
    adopt_stylesheet, Lang, LoadedPledges, MatrixWidget, Pledges, WidgetEvent,
};
use yew::prelude::*;

/// Where this app gets the pledge file, relative to the page.
const PLEDGES_URL: &str = "/data/p2c-pledges.json";

/// The pledge file as the app holds it.
#[derive(Clone, PartialEq)]
enum PledgeFile {
    Loading,
    Ready(Rc<Pledges>),
    Failed(AttrValue),
}

/// Fetches and validates the pledge file: the app's own loading, in place of the widget's.
async fn load_pledges() -> Result<Pledges, String> {
    let response =
        gloo::net::http::Request::get(PLEDGES_URL).send().await.map_err(|e| format!("{PLEDGES_URL}: {e}"))?;
    if !response.ok() {
        return Err(format!("{PLEDGES_URL}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| format!("{PLEDGES_URL}: {e}"))?;
    Pledges::from_json(PLEDGES_URL, &text).map_err(|e| e.to_string())
}

#[component]
fn App() -> Html {
    let opened = use_state(|| None::<AttrValue>);
    let links = use_state(|| None::<usize>);
    let pledges = use_state(|| PledgeFile::Loading);
    {
        let pledges = pledges.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                pledges.set(match load_pledges().await {
                    Ok(file) => PledgeFile::Ready(Rc::new(file)),
                    Err(message) => PledgeFile::Failed(message.into()),
                });
            });
        });
    }
    let on_matrix = {
        let (opened, links) = (opened.clone(), links.clone());
        Callback::from(move |event: WidgetEvent| match event {
            WidgetEvent::MatrixReady { links: n } => links.set(Some(n)),
            WidgetEvent::Select { action_line, sdg } => {
                opened.set(Some(format!("{action_line} × SDG {sdg}").into()));
            }
            _ => {}
        })
    };
    let pledge_widget = match &*pledges {
        PledgeFile::Loading => html! { <p>{ "Loading the pledges…" }</p> },
        PledgeFile::Ready(file) => html! { <LoadedPledges pledges={file.clone()} lang={Lang::En} /> },
        PledgeFile::Failed(message) => html! { <p role="alert">{ message.clone() }</p> },
    };
    html! {
        <main>
            <h1>{ "A Yew app with the WSIS widgets" }</h1>
            <section aria-label="From the app">
                <p role="status" aria-label="Opened cell">
                    { match &*opened {
                        Some(cell) => format!("The reader opened {cell}."),
                        None => "No cell opened yet.".to_string(),
                    } }
                </p>
                if let Some(n) = *links { <p>{ format!("The matrix has {n} links.") }</p> }
            </section>
            <MatrixWidget src="/data/matrix.json" lang={Lang::En} on_event={on_matrix} />
            { pledge_widget }
        </main>
    }
}

/// Runs when the module is instantiated (`init()` in `www/examples/yew-app.js`).
#[wasm_bindgen(start)]
pub fn start() {
    match web_sys::window().and_then(|w| w.document()) {
        Some(document) => {
            if let Err(err) = adopt_stylesheet(&document) {
                web_sys::console::error_2(&"wsis-sdg-widgets: stylesheet not adopted".into(), &err);
            }
            yew::Renderer::<App>::new().render();
        }
        None => web_sys::console::error_1(&"yew-app: no document".into()),
    }
}
