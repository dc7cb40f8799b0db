//! Where the data comes from, what was left out and why: always one click away.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::text::is_http_url;
use crate::model::{Lang, Matrix, SdgCatalog};
use crate::ui::format::integer;
use crate::ui::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
}

#[component]
pub fn ProvenancePanel(props: &ProvenanceProps) -> Html {
    let s = strings(props.lang);
    let p = &props.matrix.provenance;
    let missing_titles = props.matrix.action_lines.iter().any(|al| !al.title.has(props.lang));
    let left_out = p.left_out.iter().map(|cell| {
        html! {
            <li key={format!("{}-{}", cell.action_line, cell.sdg)}>
                <strong dir="ltr">{ format!("{} × {}", cell.action_line, s.sdg_label(&integer(props.lang, usize::from(cell.sdg.number())))) }</strong>
                { format!(" [{}] ", cell.encodings.join(", ")) }
                <span lang="en">{ cell.reason.clone() }</span>
            </li>
        }
    });
    let sources = props.matrix.sources.iter().map(|source| {
        let body = if is_http_url(&source.url) {
            html! { <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a> }
        } else {
            html! { { source.title.clone() } }
        };
        html! { <li key={source.id.clone()}>{ format!("{}: ", source.id) }{ body }</li> }
    });
    html! {
        <details class="provenance" part="provenance" data-testid="provenance">
            <summary>{ s.about_data }</summary>
            <div>
                <p lang="en">{ p.basis.clone() }</p>
                <p>{ format!("{}: ", s.compiled) }<span dir="ltr">{ p.compiled.clone() }</span></p>
                if let Some(note) = &p.rationale_note { <p lang="en">{ note.clone() }</p> }
                if missing_titles { <p data-testid="fallback-note">{ s.english_fallback }</p> }
                if let Some(note) = &p.translations { <p lang="en">{ note.clone() }</p> }
                for note in p.notes.iter() { <p key={note.clone()} lang="en">{ note.clone() }</p> }
                if !p.left_out.is_empty() {
                    <h4>{ s.left_out }</h4>
                    <ul data-testid="left-out">{ for left_out }</ul>
                }
                <h4>{ s.sdg_texts }</h4>
                <p lang="en">{ format!("{} — {}", props.catalog.source, props.catalog.licence) }</p>
                if let Some(colours) = &props.catalog.colour_source { <p lang="en">{ colours.clone() }</p> }
                <h4>{ s.sources }</h4>
                <ul lang="en">{ for sources }</ul>
            </div>
        </details>
    }
}
