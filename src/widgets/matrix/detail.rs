//! The panel for one linked cell: who facilitates, which targets, why, and from where.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use crate::model::text::is_http_url;
use crate::model::{Agreement, Lang, MatrixView};
use crate::ui::format::integer;
use crate::ui::i18n::strings;
use crate::widgets::shared::highlight;
use crate::widgets::shared::labels::{action_line_label, sdg_label};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub link: usize,
    pub view: Rc<MatrixView>,
    /// `true`: return focus to the grid.
    pub on_close: Callback<bool>,
    /// Pre-rendered: the id of the `popover` this panel sits in (its close button hides that
    /// popover without script, and ids stay unique among the 123 panels of one shadow root).
    #[prop_or_default]
    pub popover: Option<AttrValue>,
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let heading_ref = use_node_ref();
    {
        let heading_ref = heading_ref.clone();
        use_effect_with(props.link, move |_| {
            if let Some(h) =
                heading_ref.cast::<web_sys::Element>().and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = h.focus();
            }
        });
    }
    let Some(link) = data.matrix.links.get(props.link) else {
        return Html::default();
    };
    let Some(al) = data.matrix.action_lines.get(link.action_line) else {
        return Html::default();
    };
    let s = strings(data.lang);
    let lang = data.lang;
    let needle = props.view.needle.as_ref();
    let catalog = &data.catalog;
    let english = (lang != Lang::En).then_some("en");

    let on_close_click = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(true))
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(true);
            }
        })
    };

    let goal = catalog.goal(link.sdg);
    let targets = link.targets.iter().map(|id| {
        let text = catalog.target_text(id).unwrap_or("");
        let whole_goal = !id.contains('.');
        html! {
            <li key={id.clone()}>
                <span class="target-id" dir="ltr">{ highlight(id, needle) }</span>
                if whole_goal { <span class="muted">{ format!("({}) ", s.whole_goal) }</span> }
                <span lang={catalog.lang.code()}>{ highlight(text, needle) }</span>
            </li>
        }
    });
    // The cell's own sources first (cited from the data desk), then the file's and the row's.
    let mut source_ids: Vec<&str> = Vec::new();
    for id in link.sources.iter().chain(&data.matrix.provenance.sources).chain(&al.sources) {
        if !source_ids.contains(&id.as_str()) {
            source_ids.push(id);
        }
    }
    let sources = source_ids.into_iter().filter_map(|id| {
        let source = data.matrix.source(id)?;
        let body = if is_http_url(&source.url) {
            html! { <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a> }
        } else {
            html! { { source.title.clone() } }
        };
        Some(html! { <li key={source.id.clone()} lang="en">{ format!("{}: ", source.id) }{ body }</li> })
    });
    let number = integer(lang, usize::from(link.sdg.number()));

    let heading_id: AttrValue = match &props.popover {
        Some(popover) => format!("{popover}-heading").into(),
        None => "wsis-detail-heading".into(),
    };
    let close = match &props.popover {
        Some(popover) => html! {
            <button type="button" aria-label={s.close}
                popovertarget={popover.clone()} popovertargetaction="hide">{ "✕" }</button>
        },
        None => html! {
            <button type="button" aria-label={s.close} onclick={on_close_click}>{ "✕" }</button>
        },
    };

    html! {
        <aside class="detail" part="detail" aria-labelledby={heading_id.clone()} {onkeydown}>
            <div class="detail-head">
                <h3 id={heading_id} tabindex="-1" ref={heading_ref}>
                    <span dir="ltr">{ al.code().to_owned() }</span>{ " × " }{ s.sdg_label(&number) }
                </h3>
                { close }
            </div>
            <h4>{ s.action_line }</h4>
            <p>{ action_line_label(al, lang, needle) }</p>
            <dl>
                <dt>{ s.lead_facilitator }</dt>
                <dd>{ al.lead.join(", ") }</dd>
                if !al.co.is_empty() {
                    <dt>{ s.co_facilitators }</dt>
                    <dd>{ al.co.join(", ") }</dd>
                }
            </dl>
            if let Some(note) = &al.facilitator_note {
                <p class="muted" lang="en">{ note.clone() }</p>
            }
            <h4>{ s.sdg }</h4>
            <p>
                { sdg_label(link.sdg, catalog, lang, needle) }
                if let Some(goal) = goal {
                    <br />
                    <span lang={catalog.lang.code()}>{ highlight(&goal.title, needle) }</span>
                }
            </p>
            if !link.targets.is_empty() {
                <h4>{ s.targets }</h4>
                <ul class="targets">{ for targets }</ul>
            }
            <h4>{ s.rationale }</h4>
            if let Some(rationale) = &link.rationale {
                <p lang="en">{ highlight(rationale, needle) }</p>
                if english.is_some() { <p class="muted">{ s.in_english_only }</p> }
            } else {
                <p class="muted">{ s.no_rationale }</p>
            }
            if let Some(note) = &link.note {
                <p class="muted" lang="en">{ note.clone() }</p>
            }
            if link.agreement == Agreement::Majority {
                <p class="note">
                    { s.disputed(&integer(lang, link.encodings.len())) }
                    { format!(" ({})", link.encodings.join(", ")) }
                    if let Some(reading) = &link.agreement_note {
                        <br />
                        <span lang="en">{ reading.clone() }</span>
                    }
                </p>
            }
            <h4>{ s.sources }</h4>
            <ul class="sources">{ for sources }</ul>
        </aside>
    }
}
