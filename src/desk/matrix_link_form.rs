//! One matrix link's form: its targets (chosen from the model's list of targets and goals),
//! rationale, agreement and cited sources. Each change is one edit (one undo step).

use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::source_picker::SourcePicker;
use crate::model::catalog::SdgCatalog;
use crate::model::desk::matrix::{target_choices, LinkRow, MatrixEdit};
use crate::model::desk::sources::id_for;
use crate::model::desk::{Edit, SourceEdit};
use crate::model::file_kind::FileKind;
use crate::model::matrix::Agreement;
use crate::model::source::DataSource;
use crate::model::Lang;
use crate::ui::i18n::desk_matrix::desk_matrix_strings;
use crate::ui::i18n::fill;
use crate::widgets::shared::{Choice, SelectField};

/// The ids of the form's fields, which a problem's JSON path focuses.
pub const HEADING_ID: &str = "desk-link-heading";
pub const TARGETS_ID: &str = "desk-link-targets";
pub const RATIONALE_ID: &str = "desk-link-rationale";
pub const AGREEMENT_ID: &str = "desk-link-agreement";
pub const SOURCES_PREFIX: &str = "desk-link";

pub fn target_id(i: usize) -> String {
    format!("desk-link-target-{i}")
}

/// What the form marks invalid (from the problems at the link's paths).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invalid {
    pub targets: Vec<usize>,
    pub rationale: bool,
}

#[derive(Properties, PartialEq)]
pub struct MatrixLinkFormProps {
    pub lang: Lang,
    pub link: Rc<LinkRow>,
    /// "C1 × SDG 3", as the table says it.
    pub name: AttrValue,
    /// The matrix file's text: the id a new source gets.
    pub text: AttrValue,
    pub sources: Rc<Vec<DataSource>>,
    pub invalid: Rc<Invalid>,
    /// The SDG texts that label the target menu's choices, once loaded.
    #[prop_or_default]
    pub catalog: Option<Rc<SdgCatalog>>,
    pub on_edit: Callback<Edit>,
    pub on_close: Callback<()>,
}

#[component]
pub fn MatrixLinkForm(props: &MatrixLinkFormProps) -> Html {
    let s = desk_matrix_strings(props.lang);
    let link = props.link.index;
    let choices = use_memo((), |()| target_choices());
    let edit = |e: MatrixEdit| Edit::Matrix(e);

    let on_add_target = {
        let (targets, on_edit) = (props.link.targets.clone(), props.on_edit.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
            let chosen = select.value();
            // The menu is an action, not a value: back to its prompt.
            select.set_value("");
            if chosen.is_empty() || targets.contains(&chosen) {
                return;
            }
            let mut targets = targets.clone();
            targets.push(chosen);
            on_edit.emit(Edit::Matrix(MatrixEdit::SetTargets { link, targets }));
        })
    };
    let on_rationale = props.on_edit.reform(move |e: Event| {
        let text = e.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
        Edit::Matrix(MatrixEdit::SetRationale { link, text })
    });
    let agreements: Rc<Vec<Choice>> = Rc::new(
        Agreement::ALL
            .iter()
            .map(|a| {
                let label = match a {
                    Agreement::All => s.agreement_all,
                    Agreement::Majority => s.agreement_majority,
                };
                (a.code().into(), label.into())
            })
            .collect(),
    );
    let on_agreement = props.on_edit.reform(move |code: String| {
        let agreement = Agreement::ALL.into_iter().find(|a| a.code() == code).unwrap_or(Agreement::All);
        Edit::Matrix(MatrixEdit::SetAgreement { link, agreement })
    });
    let on_sources =
        props.on_edit.reform(move |ids: Vec<String>| Edit::Matrix(MatrixEdit::SetSources { link, ids }));
    let on_new_source = {
        let (text, chosen, on_edit) = (props.text.clone(), props.link.sources.clone(), props.on_edit.clone());
        Callback::from(move |(title, url): (String, Option<String>)| {
            let id = id_for(&text, &title, url.as_deref());
            let mut ids = chosen.clone();
            if !ids.contains(&id) {
                ids.push(id);
            }
            on_edit.emit(Edit::Steps(vec![
                Edit::Source { kind: FileKind::Matrix, edit: SourceEdit::Add { title, url } },
                Edit::Matrix(MatrixEdit::SetSources { link, ids }),
            ]));
        })
    };
    let targets = &props.link.targets;
    html! {
        <section class="desk-link-form" aria-labelledby={HEADING_ID}>
            <h3 id={HEADING_ID} tabindex="-1">{ fill(s.form_heading, &[("link", &props.name)]) }</h3>
            <fieldset class="desk-link-targets">
                <legend>{ s.targets }</legend>
                if targets.is_empty() {
                    <p class="desk-status">{ s.no_targets }</p>
                }
                <ul class="desk-target-list">
                    for (i, target) in targets.iter().enumerate() {
                        <li key={format!("{i}-{target}")}
                            class={classes!(props.invalid.targets.contains(&i).then_some("bad"))}>
                            <button type="button" id={target_id(i)} class="desk-target"
                                aria-label={fill(s.remove_target, &[("target", target)])}
                                onclick={{
                                    let rest: Vec<String> = targets.iter().enumerate()
                                        .filter(|(j, _)| *j != i).map(|(_, t)| t.clone()).collect();
                                    props.on_edit.reform(move |_: MouseEvent| edit(MatrixEdit::SetTargets { link, targets: rest.clone() }))
                                }}>
                                { target.clone() }{ " ×" }
                            </button>
                        </li>
                    }
                </ul>
                <label for={TARGETS_ID}>{ s.add_target }</label>
                <select id={TARGETS_ID} onchange={on_add_target}
                    aria-invalid={(!props.invalid.targets.is_empty()).then_some("true")}>
                    <option value="" selected={true}>{ s.choose_target }</option>
                    for id in choices.iter() {
                        <option key={*id} value={*id} disabled={targets.iter().any(|t| t == id)}>
                            { *id }
                            if let Some(text) = props.catalog.as_ref().and_then(|c| c.target_text(id)) {
                                { " — " }{ text.to_owned() }
                            }
                        </option>
                    }
                </select>
            </fieldset>
            <div class="field desk-rationale">
                <label for={RATIONALE_ID}>{ s.rationale_label }</label>
                <textarea id={RATIONALE_ID} rows="3" onchange={on_rationale}
                    value={props.link.rationale.clone().unwrap_or_default()}
                    aria-invalid={props.invalid.rationale.then_some("true")} />
            </div>
            <SelectField id={AGREEMENT_ID} label={s.agreement} value={props.link.agreement.clone()}
                choices={agreements} on_change={on_agreement} />
            <SourcePicker id_prefix={SOURCES_PREFIX} kind={FileKind::Matrix} sources={props.sources.clone()}
                chosen={Rc::new(props.link.sources.clone())} on_change={on_sources} on_add={on_new_source}
                lang={props.lang} />
            <button type="button" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ s.close_form }</button>
        </section>
    }
}
