//! The pledge file's announce form: date, event, pledger, amount, the day's figures and the
//! sources cited, read by `model::announce::read` (the strict amount rule of `cargo xtask
//! announce`, its message at the field) and applied as one undo step (`Edit::Pledges`). The
//! running total and the last milestone are shown above it; an announcement already in the
//! file is said, not silently dropped.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::source_picker::SourcePicker;
use crate::model::announce::{already_announced, read, Announcement, Applied, Draft, Field, FieldError};
use crate::model::desk::pledges::{announce, standing, PledgesEdit, Refusal};
use crate::model::desk::sources::{id_for, sources_of};
use crate::model::desk::{Edit, Snapshot, SourceEdit};
use crate::model::file_kind::FileKind;
use crate::model::pledges::{Figure, Milestone, Pledges};
use crate::model::Lang;
use crate::ui::format::Style;
use crate::ui::i18n::desk_pledges::{desk_pledges_strings, DeskPledgesStrings};
use crate::ui::i18n::{fill, pledge_strings};
use crate::widgets::pledges::qualified;

#[derive(Properties, PartialEq)]
pub struct PledgesPanelProps {
    pub lang: Lang,
    /// Everything open (the pledge file among it): what the announcement is tried on.
    pub snapshot: Rc<Snapshot>,
    pub on_edit: Callback<Edit>,
}

/// Today in the maintainer's own time zone, `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// What the last press of Announce did.
#[derive(Clone, PartialEq)]
enum Outcome {
    Announced(Announcement),
    Already(Announcement),
    Refused(String),
}

fn field_message(s: &DeskPledgesStrings, fault: &FieldError) -> String {
    let (template, text) = match fault {
        FieldError::Missing => return s.missing.to_owned(),
        FieldError::NotADate(t) => (s.not_a_date, t),
        FieldError::NotAnAmount(t) => (s.not_an_amount, t),
        FieldError::NotPositive(t) => (s.not_positive, t),
        FieldError::NotACount(t) => (s.not_a_count, t),
    };
    fill(template, &[("text", text)])
}

fn input_id(field: Field) -> String {
    format!("desk-announce-{}", field.flag())
}

/// A milestone in a line: date, event and its figures.
fn milestone_line(lang: Lang, m: &Milestone) -> String {
    let p = pledge_strings(lang);
    let mut parts = vec![m.date.to_string(), m.event.clone()];
    if let Some(usd) = m.usd {
        parts.push(qualified(lang, Style::UsdFull, usd));
    }
    let counts: [(&str, Option<Figure>); 3] =
        [(p.pledges, m.pledges), (p.entities, m.entities), (p.countries, m.countries)];
    for (label, figure) in counts {
        if let Some(f) = figure {
            parts.push(format!("{label}: {}", qualified(lang, Style::Integer, f)));
        }
    }
    parts.join(" · ")
}

#[component]
pub fn PledgesPanel(props: &PledgesPanelProps) -> Html {
    let lang = props.lang;
    let s = desk_pledges_strings(lang);
    let text = props.snapshot.pledges.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    let parsed = use_memo(text.clone(), |text| Pledges::from_json("", text).ok());
    let sources = use_memo(text.clone(), |text| Rc::new(sources_of(text)));
    let draft = use_state(|| Draft { date: today(), ..Draft::default() });
    let faults = use_state(Vec::<(Field, FieldError)>::new);
    let outcome = use_state(|| None::<Outcome>);

    let set = |pick: fn(&mut Draft) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*draft).clone();
                *pick(&mut next) = input.value();
                draft.set(next);
            }
        })
    };
    let on_sources = {
        let draft = draft.clone();
        Callback::from(move |ids: Vec<String>| draft.set(Draft { sources: ids, ..(*draft).clone() }))
    };
    let on_add_source = {
        let (draft, on_edit, text) = (draft.clone(), props.on_edit.clone(), text.clone());
        Callback::from(move |(title, url): (String, Option<String>)| {
            let id = id_for(&text, &title, url.as_deref());
            on_edit.emit(Edit::Source { kind: FileKind::Pledges, edit: SourceEdit::Add { title, url } });
            let mut next = (*draft).clone();
            if !next.sources.contains(&id) {
                next.sources.push(id);
            }
            draft.set(next);
        })
    };
    let on_submit = {
        let (draft, faults, outcome) = (draft.clone(), faults.clone(), outcome.clone());
        let (snapshot, on_edit) = (props.snapshot.clone(), props.on_edit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let a = match read(&draft) {
                Ok(a) => a,
                Err(found) => {
                    // The maintainer is taken to the first field to fix.
                    if let Some((field, _)) = found.first() {
                        let element = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&input_id(*field)));
                        if let Some(input) = element.and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
                            let _ = input.focus();
                        }
                    }
                    faults.set(found);
                    outcome.set(None);
                    return;
                }
            };
            faults.set(Vec::new());
            match announce(&snapshot, &a) {
                Ok(Applied::Changed(_)) => {
                    on_edit.emit(Edit::Pledges(PledgesEdit::Announce(a.clone())));
                    // The next pledger of the same event and day is typed over the same form.
                    draft.set(Draft {
                        date: draft.date.clone(),
                        event: draft.event.clone(),
                        sources: draft.sources.clone(),
                        ..Draft::default()
                    });
                    outcome.set(Some(Outcome::Announced(a)));
                }
                Ok(Applied::AlreadyThere) => outcome.set(Some(Outcome::Already(a))),
                Err(Refusal::Announce(e)) => outcome.set(Some(Outcome::Refused(e.to_string()))),
                Err(Refusal::NoFile) => outcome.set(None),
            }
        })
    };

    let what = |a: &Announcement| {
        let usd = qualified(lang, Style::UsdFull, Figure { value: a.usd, qualifier: Default::default() });
        fill(
            s.what,
            &[("usd", &usd), ("pledger", &a.pledger), ("event", &a.event), ("date", &a.date.to_string())],
        )
    };
    // Said only while the file still holds it (an Undo takes the announcement back out).
    let recorded = use_memo((text.clone(), (*outcome).clone()), |(text, outcome)| match outcome {
        Some(Outcome::Announced(a) | Outcome::Already(a)) => {
            serde_json::from_str::<serde_json::Value>(text).is_ok_and(|doc| already_announced(&doc, a))
        }
        _ => true,
    });
    let outcome_shown = (*outcome).clone().filter(|_| *recorded);
    let (status, alert) = match &outcome_shown {
        Some(Outcome::Announced(a)) => (fill(s.announced, &[("what", &what(a))]), None),
        Some(Outcome::Already(a)) => (fill(s.already, &[("what", &what(a))]), None),
        Some(Outcome::Refused(reason)) => (String::new(), Some(fill(s.refused, &[("reason", reason)]))),
        None => (String::new(), None),
    };
    let (total, last) = parsed.as_ref().as_ref().map_or((None, None), standing);
    let none = "—".to_owned();
    let total_text = total.and_then(|m| Some((m, m.usd?))).map_or(none.clone(), |(m, usd)| {
        format!("{} · {} · {}", qualified(lang, Style::UsdFull, usd), m.date, m.event)
    });
    let last_text = last.map_or(none, |m| milestone_line(lang, m));

    let field = |field: Field,
                 label: &str,
                 value: &str,
                 pick: fn(&mut Draft) -> &mut String,
                 kind: &str,
                 hint: Option<&str>| {
        let id = input_id(field);
        let fault = faults.iter().find(|(f, _)| *f == field).map(|(_, e)| field_message(s, e));
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described: Vec<&str> =
            [hint.map(|_| hint_id.as_str()), fault.as_ref().map(|_| error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
        let inputmode = match field {
            Field::Usd => Some("decimal"),
            Field::Pledges | Field::Entities | Field::Countries => Some("numeric"),
            _ => None,
        };
        html! {
            <div class="desk-announce-field">
                <label for={id.clone()}>{ label.to_owned() }</label>
                <input type={kind.to_owned()} id={id.clone()} value={value.to_owned()} oninput={set(pick)}
                    {inputmode} required={matches!(field, Field::Usd | Field::Pledger | Field::Event | Field::Date)}
                    aria-invalid={fault.is_some().then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
                if let Some(hint) = hint {
                    <span id={hint_id} class="desk-hint">{ hint.to_owned() }</span>
                }
                if let Some(message) = fault {
                    <p id={error_id} class="desk-error">{ message }</p>
                }
            </div>
        }
    };

    html! {
        <section class="desk-pledges" aria-labelledby="desk-pledges-title">
            <h2 id="desk-pledges-title">{ s.heading }</h2>
            <dl class="desk-standing">
                <dt>{ s.total_now }</dt>
                <dd id="desk-pledges-total">{ total_text }</dd>
                <dt>{ s.last_milestone }</dt>
                <dd id="desk-pledges-last">{ last_text }</dd>
            </dl>
            <form class="desk-announce" onsubmit={on_submit} novalidate={true}>
                { field(Field::Date, s.date, &draft.date, |d| &mut d.date, "date", None) }
                { field(Field::Event, s.event, &draft.event, |d| &mut d.event, "text", None) }
                { field(Field::Pledger, s.pledger, &draft.pledger, |d| &mut d.pledger, "text", None) }
                { field(Field::Usd, s.usd, &draft.usd, |d| &mut d.usd, "text", Some(s.usd_hint)) }
                <fieldset class="desk-figures">
                    <legend>{ s.figures }</legend>
                    { field(Field::Pledges, s.pledges, &draft.pledges, |d| &mut d.pledges, "text", None) }
                    { field(Field::Entities, s.entities, &draft.entities, |d| &mut d.entities, "text", None) }
                    { field(Field::Countries, s.countries, &draft.countries, |d| &mut d.countries, "text", None) }
                </fieldset>
                <SourcePicker id_prefix="desk-announce" kind={FileKind::Pledges} sources={(*sources).clone()}
                    chosen={Rc::new(draft.sources.clone())} on_change={on_sources} on_add={on_add_source} {lang} />
                <button type="submit">{ s.announce }</button>
            </form>
            <p class="desk-status" role="status">{ status }</p>
            if let Some(alert) = alert {
                <p class="desk-error" role="alert">{ alert }</p>
            }
        </section>
    }
}
