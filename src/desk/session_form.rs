//! One session of the forum file in a form: its fields typed (lists chosen), checked as the
//! import checks a row while the maintainer types, saved as one undo step.

use std::rc::Rc;

use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use super::list_chooser::{summary_id, ListChooser};
use crate::model::desk::forum::{self, Field, FieldProblems, ForumEdit, Refusal, SessionFields};
use crate::model::desk::Detail;
use crate::model::desk::ListColumn;
use crate::model::forum_csv;
use crate::model::matrix::Matrix;
use crate::model::Lang;
use crate::ui::i18n::desk_forum::{desk_forum_strings, DeskForumStrings};
use crate::ui::i18n::desk_problems::problem_text;
use crate::ui::i18n::fill;
use crate::widgets::shared::{Choice, SelectField};

#[derive(Properties, PartialEq)]
pub struct SessionFormProps {
    pub lang: Lang,
    /// The session's index in the file; `None` for a new session.
    pub index: Option<usize>,
    pub initial: SessionFields,
    /// The forum file's text (to tell a session the file already has) and its sessions.
    pub text: AttrValue,
    pub sessions: Rc<Vec<SessionFields>>,
    #[prop_or_default]
    pub matrix: Option<Rc<Matrix>>,
    pub on_save: Callback<ForumEdit>,
    pub on_cancel: Callback<()>,
}

/// The id of a field's input (of a list field: its chooser's disclosure), for focusing it.
pub fn field_id(field: Field) -> String {
    let id = format!("desk-session-{}", field.key());
    match field {
        Field::ActionLines | Field::Sdgs => summary_id(&id),
        _ => id,
    }
}

fn label(s: &DeskForumStrings, field: Field) -> &'static str {
    match field {
        Field::Year => s.year,
        Field::Id => s.id,
        Field::Title => s.title,
        Field::Organisers => s.organisers,
        Field::Type => s.session_type,
        Field::Date => s.date,
        Field::ActionLines => s.action_lines,
        Field::Sdgs => s.sdgs,
        Field::Url => s.url,
        Field::Confidence => s.confidence,
    }
}

/// The import's reason in `lang` (in English where the table has no words for it).
fn reason(lang: Lang, p: &forum_csv::Problem) -> String {
    p.fault()
        .and_then(|fault| problem_text(lang, &Detail::Cell(fault.clone())))
        .unwrap_or_else(|| p.reason().to_owned())
}

#[component]
pub fn SessionForm(props: &SessionFormProps) -> Html {
    let s = desk_forum_strings(props.lang);
    let draft = use_state(|| props.initial.clone());
    let edit = match props.index {
        Some(index) => ForumEdit::SetSession { index, fields: (*draft).clone() },
        None => ForumEdit::AddSession((*draft).clone()),
    };
    let outcome = use_memo((props.text.clone(), edit.clone()), |(text, edit)| forum::apply(text, edit).err());
    let (problems, other): (FieldProblems, Option<String>) = match &*outcome {
        Some(Refusal::Fields(found)) => (found.clone(), None),
        Some(Refusal::SameAs(at)) => {
            let same = props.sessions.get(*at);
            let pairs = [
                ("title", same.map_or("", |f| f.get(Field::Title))),
                ("year", same.map_or("", |f| f.get(Field::Year))),
            ];
            (Vec::new(), Some(fill(s.same_as, &pairs)))
        }
        Some(Refusal::NoSession(_) | Refusal::File(_)) => (Vec::new(), Some(s.cannot_edit.to_owned())),
        None => (Vec::new(), None),
    };
    let ok = outcome.is_none();
    let set = |field: Field| {
        let draft = draft.clone();
        Callback::from(move |value: String| draft.set((*draft).clone().with(field, value)))
    };
    let errors_of = |field: Field| -> Vec<String> {
        problems.iter().filter(|(f, _)| *f == Some(field)).map(|(_, p)| reason(props.lang, p)).collect()
    };
    let text_field = |field: Field| {
        let id = field_id(field);
        let errors = errors_of(field);
        let error_id = format!("{id}-error");
        let on_input = set(field);
        html! {
            <div class="desk-field" key={field.key()}>
                <label for={id.clone()}>{ label(s, field) }</label>
                <input type="text" id={id.clone()} value={draft.get(field).to_owned()}
                    dir={matches!(field, Field::Year | Field::Date | Field::Url).then_some("ltr")}
                    aria-invalid={(!errors.is_empty()).then_some("true")}
                    aria-describedby={(!errors.is_empty()).then(|| error_id.clone())}
                    oninput={on_input.reform(|e: InputEvent| {
                        e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
                    })} />
                if !errors.is_empty() {
                    <p class="desk-field-error" id={error_id}>{ errors.join(" · ") }</p>
                }
            </div>
        }
    };
    let list_field = |field: Field, column: ListColumn| {
        let id = format!("desk-session-{}", field.key());
        let errors = errors_of(field);
        let value = draft.get(field).to_owned();
        let shown = if value.is_empty() { s.none_chosen.to_owned() } else { value.replace(';', "; ") };
        html! {
            <div class={classes!("desk-field", "list", (!errors.is_empty()).then_some("bad"))} key={field.key()}>
                <span class="desk-field-label">{ label(s, field) }{ ": " }</span>
                <span class="desk-field-value">{ shown }</span>
                <ListChooser id={id} {column} value={value} lang={props.lang} matrix={props.matrix.clone()}
                    text={fill(s.choose_field, &[("field", label(s, field))])}
                    label={fill(s.choose_field, &[("field", label(s, field))])}
                    on_change={set(field)} />
                if !errors.is_empty() {
                    <p class="desk-field-error">{ errors.join(" · ") }</p>
                }
            </div>
        }
    };
    let confidences: Rc<Vec<Choice>> = {
        let mut list: Vec<Choice> = vec![
            ("".into(), s.confidence_none.into()),
            ("H".into(), s.confidence_h.into()),
            ("M".into(), s.confidence_m.into()),
            ("L".into(), s.confidence_l.into()),
        ];
        // A value the file has that is no choice still shows (the check says what is wrong).
        let now = draft.get(Field::Confidence);
        if !list.iter().any(|(v, _)| v == now) {
            list.push((AttrValue::from(now.to_owned()), AttrValue::from(now.to_owned())));
        }
        Rc::new(list)
    };
    let confidence_errors = errors_of(Field::Confidence);
    let on_submit = {
        let on_save = props.on_save.clone();
        let edit = edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if ok {
                on_save.emit(edit.clone());
            }
        })
    };
    let heading = if props.index.is_some() { s.form_edit } else { s.form_new };
    html! {
        <form class="desk-session-form" aria-labelledby="desk-session-form-title" onsubmit={on_submit} novalidate={true}>
            <h3 id="desk-session-form-title">{ heading }</h3>
            <div class="desk-fields">
                { text_field(Field::Year) }
                { text_field(Field::Id) }
                { text_field(Field::Title) }
                { text_field(Field::Organisers) }
                { text_field(Field::Type) }
                { text_field(Field::Date) }
                { list_field(Field::ActionLines, ListColumn::ActionLines) }
                { list_field(Field::Sdgs, ListColumn::Sdgs) }
                { text_field(Field::Url) }
                <div class="desk-field" key="confidence">
                    <SelectField id={field_id(Field::Confidence)} label={s.confidence}
                        value={AttrValue::from(draft.get(Field::Confidence).to_owned())} choices={confidences}
                        on_change={set(Field::Confidence)} />
                    if !confidence_errors.is_empty() {
                        <p class="desk-field-error">{ confidence_errors.join(" · ") }</p>
                    }
                </div>
            </div>
            if let Some(other) = other {
                <p class="desk-field-error" role="status">{ other }</p>
            }
            { for problems.iter().filter(|(f, _)| f.is_none()).map(|(_, p)| html! { <p class="desk-field-error">{ reason(props.lang, p) }</p> }) }
            <div class="desk-tools">
                <button type="submit" disabled={!ok}>{ if props.index.is_some() { s.save } else { s.add } }</button>
                <button type="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ s.cancel }</button>
            </div>
        </form>
    }
}
