//! Where the data comes from, what was left out and why: always one click away.

use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use crate::model::text::is_http_url;
use crate::ui::format::integer;
use crate::ui::i18n::strings;

#[component]
pub fn ProvenancePanel() -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let s = strings(data.lang);
    let p = &data.matrix.provenance;
    let missing_titles = data.matrix.action_lines.iter().any(|al| !al.title.has(data.lang));
    let left_out = p.left_out.iter().map(|cell| {
        html! {
            <li key={format!("{}-{}", cell.action_line, cell.sdg)}>
                <strong dir="ltr">{ format!("{} × {}", cell.action_line, s.sdg_label(&integer(data.lang, usize::from(cell.sdg.number())))) }</strong>
                { format!(" [{}] ", cell.encodings.join(", ")) }
                <span lang="en">{ cell.reason.clone() }</span>
            </li>
        }
    });
    let sources = data.matrix.sources.iter().map(|source| {
        let body = if is_http_url(&source.url) {
            html! { <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a> }
        } else {
            html! { { source.title.clone() } }
        };
        html! { <li key={source.id.clone()}>{ format!("{}: ", source.id) }{ body }</li> }
    });
    html! {
        <details class="provenance" part="provenance">
            <summary>{ s.about_data }</summary>
            <div>
                <p lang="en">{ p.basis.clone() }</p>
                <p>{ format!("{}: ", s.compiled) }<span dir="ltr">{ p.compiled.clone() }</span></p>
                if let Some(note) = &p.rationale_note { <p lang="en">{ note.clone() }</p> }
                if missing_titles { <p>{ s.english_fallback }</p> }
                if let Some(note) = &p.translations { <p lang="en">{ note.clone() }</p> }
                for note in p.notes.iter() { <p key={note.clone()} lang="en">{ note.clone() }</p> }
                if !p.left_out.is_empty() {
                    <h4>{ s.left_out }</h4>
                    <ul>{ for left_out }</ul>
                }
                <h4>{ s.sdg_texts }</h4>
                <p lang="en">{ format!("{} — {}", data.catalog.source, data.catalog.licence) }</p>
                if let Some(colours) = &data.catalog.colour_source { <p lang="en">{ colours.clone() }</p> }
                <h4>{ s.sources }</h4>
                <ul lang="en">{ for sources }</ul>
            </div>
        </details>
    }
}
