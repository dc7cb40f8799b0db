//! The open forum file's own sessions: a table (narrowed by year and a search), an Edit and a
//! Remove button per session, and the session form for the one chosen or a new one. A problem
//! at a session's JSON path opens that session here with its field focused ([`Goto`]).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::problem_list::focus;
use super::session_form::{field_id, SessionForm};
use crate::model::desk::forum::{session_path, Field, ForumEdit, SessionFields};
use crate::model::desk::{Edit, Problem, Spot};
use crate::model::matrix::Matrix;
use crate::model::text::{fold_text, Needle};
use crate::model::Lang;
use crate::ui::i18n::desk_forum::desk_forum_strings;
use crate::ui::i18n::fill;
use crate::widgets::shared::{Choice, SelectField};

/// A session (and field) to open in the form; `nonce` tells one request from the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goto {
    pub index: usize,
    pub field: Option<Field>,
    pub nonce: u32,
}

#[derive(Properties, PartialEq)]
pub struct ForumSessionsProps {
    pub lang: Lang,
    /// The forum file's name and text.
    pub file: AttrValue,
    pub text: AttrValue,
    pub problems: Rc<Vec<Problem>>,
    #[prop_or_default]
    pub matrix: Option<Rc<Matrix>>,
    #[prop_or_default]
    pub goto: Option<Goto>,
    pub on_edit: Callback<Edit>,
}

/// Which session the form shows (`index` `None`: a new one); `nonce` re-keys the form.
#[derive(Clone, Copy, PartialEq)]
struct Editing {
    index: Option<usize>,
    nonce: u32,
}

#[component]
pub fn ForumSessions(props: &ForumSessionsProps) -> Html {
    let s = desk_forum_strings(props.lang);
    let sessions = use_memo(props.text.clone(), |text| Rc::new(crate::model::desk::forum::sessions(text)));
    let sessions: Rc<Vec<SessionFields>> = (*sessions).clone();
    let year = use_state(String::new);
    let search = use_state(String::new);
    let editing = use_state(|| None::<Editing>);
    let status = use_state(|| None::<&'static str>);
    let nonce = use_mut_ref(|| 0u32);
    // Focused after the next render (the field is in the form that render makes).
    let pending_focus: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        let pending_focus = pending_focus.clone();
        use_effect(move || {
            if let Some(id) = pending_focus.borrow_mut().take() {
                focus(&id);
            }
        });
    }
    let open = {
        let (editing, nonce, pending_focus, status) =
            (editing.clone(), nonce.clone(), pending_focus.clone(), status.clone());
        Callback::from(move |(index, field): (Option<usize>, Field)| {
            let next = *nonce.borrow() + 1;
            *nonce.borrow_mut() = next;
            editing.set(Some(Editing { index, nonce: next }));
            status.set(None);
            *pending_focus.borrow_mut() = Some(field_id(field));
        })
    };
    // Another text (undo, another file opened): the form's index may name another session now.
    {
        let editing = editing.clone();
        use_effect_with(props.text.clone(), move |_| editing.set(None));
    }
    {
        let (open, count) = (open.clone(), sessions.len());
        use_effect_with(props.goto.clone(), move |goto| {
            if let Some(goto) = goto.as_ref().filter(|g| g.index < count) {
                open.emit((Some(goto.index), goto.field.unwrap_or(Field::Title)));
            }
        });
    }

    let years: Vec<String> = sessions
        .iter()
        .map(|f| f.get(Field::Year).to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|y| !y.is_empty())
        .collect();
    let year_choices: Rc<Vec<Choice>> = Rc::new(
        std::iter::once(("".into(), s.all_years.into()))
            .chain(years.iter().map(|y| (AttrValue::from(y.clone()), AttrValue::from(y.clone()))))
            .collect(),
    );
    let bad: BTreeSet<usize> = props
        .problems
        .iter()
        .filter(|p| p.file == props.file.as_str())
        .filter_map(|p| match &p.spot {
            Spot::Path(path) => session_path(path).map(|(i, _)| i),
            _ => None,
        })
        .collect();
    let needle = Needle::new(&search);
    let shown: Vec<(usize, &SessionFields)> = sessions
        .iter()
        .enumerate()
        .filter(|(_, f)| year.is_empty() || f.get(Field::Year) == year.as_str())
        .filter(|(_, f)| {
            needle.as_ref().is_none_or(|n| {
                let text = [Field::Title, Field::Organisers, Field::Id].map(|k| f.get(k)).join("\n");
                n.is_in_folded(&fold_text(&text))
            })
        })
        .collect();

    let on_add = open.reform(|_: MouseEvent| (None, Field::Title));
    let latest_year = years.last().and_then(|y| y.parse::<u16>().ok());
    let new_year = year.parse::<u16>().ok().or(latest_year);
    let close = {
        let (editing, pending_focus) = (editing.clone(), pending_focus.clone());
        Callback::from(move |()| {
            editing.set(None);
            *pending_focus.borrow_mut() = Some("desk-sessions-title".into());
        })
    };
    let on_save = {
        let (on_edit, close, status) = (props.on_edit.clone(), close.clone(), status.clone());
        let saved = s.saved;
        Callback::from(move |edit: ForumEdit| {
            on_edit.emit(Edit::Forum(edit));
            status.set(Some(saved));
            close.emit(());
        })
    };
    let form = editing.as_ref().map(|e| {
        let initial = match e.index {
            Some(i) => sessions.get(i).cloned().unwrap_or_default(),
            None => SessionFields::new(new_year),
        };
        html! {
            <SessionForm key={e.nonce} lang={props.lang} index={e.index} {initial} text={props.text.clone()}
                sessions={sessions.clone()} matrix={props.matrix.clone()}
                on_save={on_save.clone()} on_cancel={close.clone()} />
        }
    });
    html! {
        <section class="desk-forum-sessions" aria-labelledby="desk-sessions-title">
            <h2 id="desk-sessions-title" tabindex="-1">{ s.heading }{ " · " }{ props.file.clone() }</h2>
            <div class="desk-tools desk-session-filters">
                <button type="button" id="desk-add-session" onclick={on_add}>{ s.add_session }</button>
                <SelectField id="desk-sessions-year" label={s.year_filter} value={AttrValue::from((*year).clone())}
                    choices={year_choices} on_change={{
                        let year = year.clone();
                        Callback::from(move |y: String| year.set(y))
                    }} />
                <div class="field">
                    <label for="desk-sessions-search">{ s.search }</label>
                    <input type="search" id="desk-sessions-search" value={(*search).clone()}
                        oninput={{
                            let search = search.clone();
                            Callback::from(move |e: InputEvent| {
                                if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                                    search.set(i.value());
                                }
                            })
                        }} />
                </div>
            </div>
            <p class="desk-status" role="status">{ status.unwrap_or("") }</p>
            { form.unwrap_or_default() }
            <div class="desk-table-scroll desk-sessions-scroll">
                <table class="desk-table desk-sessions">
                    <caption>{ s.caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ s.col_year }</th>
                            <th scope="col">{ s.col_id }</th>
                            <th scope="col">{ s.col_title }</th>
                            <th scope="col">{ s.col_actions }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (index, f) in shown.iter().copied() {
                            <tr key={index} class={classes!(bad.contains(&index).then_some("bad"))}>
                                <td>{ f.get(Field::Year).to_owned() }</td>
                                <td>{ f.get(Field::Id).to_owned() }</td>
                                <th scope="row">
                                    if f.get(Field::Title).trim().is_empty() {
                                        <em>{ s.untitled }</em>
                                    } else {
                                        { f.get(Field::Title).to_owned() }
                                    }
                                </th>
                                <td class="desk-row-actions">
                                    <button type="button" aria-label={fill(s.edit_label, &[("title", f.get(Field::Title))])}
                                        onclick={open.reform(move |_: MouseEvent| (Some(index), Field::Title))}>{ s.edit }</button>
                                    <button type="button" aria-label={fill(s.remove_label, &[("title", f.get(Field::Title))])}
                                        onclick={{
                                            let (on_edit, close, status, removed) =
                                                (props.on_edit.clone(), close.clone(), status.clone(), s.removed);
                                            Callback::from(move |_: MouseEvent| {
                                                on_edit.emit(Edit::Forum(ForumEdit::RemoveSession(index)));
                                                // Indices after it shift: the form closes.
                                                close.emit(());
                                                status.set(Some(removed));
                                            })
                                        }}>{ s.remove }</button>
                                </td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            if shown.is_empty() {
                <p>{ s.no_match }</p>
            }
        </section>
    }
}
