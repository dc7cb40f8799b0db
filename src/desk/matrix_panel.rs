//! The matrix file's links: a table (filtered by Action Line) with an Edit and a Remove per
//! row, the open link's form, and "Add link" (Action Line × SDG). A problem at a link's JSON
//! path (`links[12].targets[0]`) opens that link and focuses its field ([`MatrixPanelProps::goto`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::matrix_link_form::{
    target_id, Invalid, MatrixLinkForm, AGREEMENT_ID, HEADING_ID, RATIONALE_ID, SOURCES_PREFIX, TARGETS_ID,
};
use super::target_texts::use_target_texts;
use crate::model::desk::matrix::{
    check_add, link_field, links_of, LinkField, LinkRow, MatrixEdit, MatrixEditError,
};
use crate::model::desk::sources::sources_of;
use crate::model::desk::{Edit, Problem, Spot};
use crate::model::file_kind::FileKind;
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::sdg::Sdg;
use crate::model::Lang;
use crate::ui::format::integer;
use crate::ui::i18n::desk_matrix::desk_matrix_strings;
use crate::ui::i18n::fill;
use crate::widgets::shared::{Choice, SelectField};

#[derive(Properties, PartialEq)]
pub struct MatrixPanelProps {
    pub lang: Lang,
    /// Where the published SDG texts are (the target menu's labels).
    pub sdg_src: AttrValue,
    pub name: AttrValue,
    pub text: AttrValue,
    /// Every problem (the matrix file's at a link's path mark the open link's fields).
    pub problems: Rc<Vec<Problem>>,
    pub on_edit: Callback<Edit>,
    /// The problem the maintainer picked last in the problem list, with a count that tells one
    /// pick from the next (picking the same problem twice focuses it twice). One of this
    /// file's at a link's path opens that link and focuses its field.
    #[prop_or_default]
    pub picked: Option<(u32, Problem)>,
}

fn link_name(lang: Lang, link: &LinkRow) -> String {
    let s = desk_matrix_strings(lang);
    let sdg = usize::try_from(link.sdg).map_or_else(|_| link.sdg.to_string(), |n| integer(lang, n));
    fill(s.link_name, &[("line", &link.action_line), ("sdg", &sdg)])
}

fn focus(id: &str) -> bool {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|e| e.focus().is_ok())
}

/// The form field a problem's path is in.
fn field_of(field: LinkField, link: &LinkRow) -> String {
    match field {
        LinkField::Link => HEADING_ID.into(),
        LinkField::Targets(Some(i)) if i < link.targets.len() => target_id(i),
        LinkField::Targets(_) => TARGETS_ID.into(),
        LinkField::Rationale => RATIONALE_ID.into(),
        LinkField::Agreement => AGREEMENT_ID.into(),
        LinkField::Sources if link.sources.is_empty() => format!("{SOURCES_PREFIX}-new-title"),
        LinkField::Sources => format!("{SOURCES_PREFIX}-source-0"),
    }
}

#[component]
pub fn MatrixPanel(props: &MatrixPanelProps) -> Html {
    let s = desk_matrix_strings(props.lang);
    let lang = props.lang;
    let links = use_memo(props.text.clone(), |text| links_of(text));
    let catalog = use_target_texts(props.sdg_src.clone(), lang);
    let sources = use_memo(props.text.clone(), |text| Rc::new(sources_of(text)));
    let open = use_state(|| None::<usize>);
    let filter = use_state(|| AttrValue::Static(""));
    let add_line = use_state(|| AttrValue::Static("C1"));
    let add_sdg = use_state(|| AttrValue::Static("1"));
    let refused = use_state(|| None::<String>);
    // The field to focus once the open link's form has drawn.
    let focus_next = use_state(|| None::<String>);

    {
        let (open, focus_next, links) = (open.clone(), focus_next.clone(), links.clone());
        let goto = props.picked.as_ref().filter(|(_, p)| p.kind == Some(FileKind::Matrix)).and_then(
            |(n, p)| match &p.spot {
                Spot::Path(path) => Some((*n, path.clone())),
                _ => None,
            },
        );
        use_effect_with(goto, move |goto| {
            if let Some((index, field)) = goto.as_ref().and_then(|(_, path)| link_field(path)) {
                if let Some(link) = links.get(index) {
                    open.set(Some(index));
                    focus_next.set(Some(field_of(field, link)));
                }
            }
        });
    }
    {
        let focus_next = focus_next.clone();
        use_effect_with((*focus_next).clone(), move |id| {
            if let Some(id) = id {
                focus(id);
                focus_next.set(None);
            }
        });
    }

    let line_choices: Rc<Vec<Choice>> =
        Rc::new(ACTION_LINE_IDS.iter().map(|id| (AttrValue::Static(id), AttrValue::Static(id))).collect());
    let filter_choices: Rc<Vec<Choice>> = Rc::new(
        std::iter::once((AttrValue::Static(""), AttrValue::Static(s.every_line)))
            .chain(line_choices.iter().cloned())
            .collect(),
    );
    let sdg_choices: Rc<Vec<Choice>> = Rc::new(
        Sdg::all()
            .map(|g| {
                (
                    AttrValue::from(g.number().to_string()),
                    AttrValue::from(integer(lang, usize::from(g.number()))),
                )
            })
            .collect(),
    );
    let set = |state: &UseStateHandle<AttrValue>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(AttrValue::from(v)))
    };
    let on_add = {
        let (text, on_edit, open, refused, focus_next) =
            (props.text.clone(), props.on_edit.clone(), open.clone(), refused.clone(), focus_next.clone());
        let (line, sdg, links) = (add_line.clone(), add_sdg.clone(), links.clone());
        Callback::from(move |_: MouseEvent| {
            let number: u8 = sdg.parse().unwrap_or(0);
            match check_add(&text, &line, number) {
                Ok(at) => {
                    refused.set(None);
                    on_edit.emit(Edit::Matrix(MatrixEdit::AddLink {
                        action_line: line.to_string(),
                        sdg: number,
                    }));
                    open.set(Some(at));
                    focus_next.set(Some(TARGETS_ID.into()));
                }
                Err(MatrixEditError::AlreadyLinked(i)) => {
                    refused.set(links.get(i).map(|l| link_name(lang, l)));
                }
                Err(_) => refused.set(None),
            }
        })
    };

    let shown: Vec<&LinkRow> =
        links.iter().filter(|l| filter.is_empty() || l.action_line == filter.as_str()).collect();
    let open_link = (*open).and_then(|i| links.get(i)).cloned().map(Rc::new);
    let invalid = open_link.as_ref().map(|link| {
        let mut invalid = Invalid::default();
        for p in props.problems.iter().filter(|p| p.kind == Some(FileKind::Matrix)) {
            let Spot::Path(path) = &p.spot else { continue };
            match link_field(path) {
                Some((i, LinkField::Targets(Some(t)))) if i == link.index => invalid.targets.push(t),
                Some((i, LinkField::Rationale)) if i == link.index => invalid.rationale = true,
                _ => {}
            }
        }
        Rc::new(invalid)
    });
    html! {
        <section class="desk-matrix" aria-labelledby="desk-matrix-title">
            <h2 id="desk-matrix-title">{ s.heading }{ " · " }{ props.name.clone() }</h2>
            <SelectField id="desk-matrix-filter" label={s.filter} value={(*filter).clone()}
                choices={filter_choices} on_change={set(&filter)} />
            <div class="desk-table-scroll desk-links-scroll">
                <table class="desk-table desk-links">
                    <caption>{ s.caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ s.action_line }</th>
                            <th scope="col">{ s.sdg }</th>
                            <th scope="col">{ s.targets }</th>
                            <th scope="col">{ s.agreement }</th>
                            <th scope="col">{ s.rationale }</th>
                            <th scope="col">{ s.actions }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for link in shown.iter() {
                            <tr key={link.index} class={classes!((Some(link.index) == *open).then_some("open"))}>
                                <th scope="row">{ link.action_line.clone() }</th>
                                <td>{ link.sdg }</td>
                                <td>{ link.targets.join(", ") }</td>
                                <td>{ link.agreement.clone() }</td>
                                <td class="desk-rationale-cell">{ link.rationale.clone().unwrap_or_default() }</td>
                                <td class="desk-row-actions">
                                    <button type="button" onclick={{
                                        let (open, index) = (open.clone(), link.index);
                                        Callback::from(move |_: MouseEvent| open.set(Some(index)))
                                    }}>{ fill(s.edit_link, &[("link", &link_name(lang, link))]) }</button>
                                    <button type="button" onclick={{
                                        let (open, index, on_edit) = (open.clone(), link.index, props.on_edit.clone());
                                        Callback::from(move |_: MouseEvent| {
                                            // The open form follows its link (indices after it move down).
                                            open.set(match *open {
                                                Some(o) if o == index => None,
                                                Some(o) if o > index => Some(o - 1),
                                                other => other,
                                            });
                                            on_edit.emit(Edit::Matrix(MatrixEdit::RemoveLink(index)));
                                        })
                                    }}>{ fill(s.remove_link, &[("link", &link_name(lang, link))]) }</button>
                                </td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            if let (Some(link), Some(invalid)) = (open_link, invalid) {
                <MatrixLinkForm key={link.index} {lang} name={link_name(lang, &link)} link={link.clone()}
                    text={props.text.clone()} sources={(*sources).clone()} {invalid} {catalog}
                    on_edit={props.on_edit.clone()}
                    on_close={{ let open = open.clone(); Callback::from(move |()| open.set(None)) }} />
            }
            <div class="desk-add-link" role="group" aria-labelledby="desk-add-link-title">
                <h3 id="desk-add-link-title">{ s.add_heading }</h3>
                <SelectField id="desk-add-line" label={s.action_line} value={(*add_line).clone()}
                    choices={line_choices} on_change={set(&add_line)} />
                <SelectField id="desk-add-sdg" label={s.sdg} value={(*add_sdg).clone()}
                    choices={sdg_choices} on_change={set(&add_sdg)} />
                <button type="button" onclick={on_add}>{ s.add_link }</button>
                if let Some(name) = (*refused).clone() {
                    <p class="desk-error" role="alert">{ fill(s.already_linked, &[("link", &name)]) }</p>
                }
            </div>
        </section>
    }
}
