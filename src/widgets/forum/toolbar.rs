//! Year, Action Line, SDG, type and organiser filters, search, SDG basis, sort, reset.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::dispatch::{dispatch_input, dispatch_with};

use crate::widgets::shared::data::use_widget_data;

use super::state::{Action, ForumState, SortBy};
use crate::model::forum::{Forum, SdgBasis};
use crate::model::{Lang, Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::{forum_strings, strings};
use crate::widgets::shared::{Choice, Filters, LangMenu, SelectField};

#[derive(Properties, PartialEq)]
pub struct ForumToolbarProps {
    pub forum: Rc<Forum>,
    pub state: ForumState,
    pub dispatcher: UseReducerDispatcher<ForumState>,
    pub on_lang: Callback<Lang>,
}

struct Menus {
    years: Rc<Vec<Choice>>,
    action_lines: Rc<Vec<Choice>>,
    sdgs: Rc<Vec<Choice>>,
    types: Rc<Vec<Choice>>,
    organisers: Rc<Vec<Choice>>,
}

struct MenuCallbacks {
    year: Callback<String>,
    action_line: Callback<String>,
    sdg: Callback<String>,
    session_type: Callback<String>,
    organiser: Callback<String>,
}

fn sorted_unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for item in items {
        if let Err(pos) = all.binary_search(&item) {
            all.insert(pos, item);
        }
    }
    all
}

fn menus(forum: &Forum, matrix: &Matrix, catalog: &SdgCatalog, lang: Lang) -> Menus {
    let s = strings(lang);
    let fs = forum_strings(lang);
    let all = |label: &'static str| (AttrValue::default(), AttrValue::from(label));
    let mut years = vec![all(fs.all_years)];
    years.extend(
        forum
            .years
            .iter()
            .map(|y| (AttrValue::from(y.year.to_string()), AttrValue::from(y.year.to_string()))),
    );
    let mut action_lines = vec![all(s.all_action_lines)];
    action_lines.extend(matrix.action_lines.iter().enumerate().map(|(i, al)| {
        (AttrValue::from(i.to_string()), AttrValue::from(format!("{} — {}", al.id, al.title.get(lang).0)))
    }));
    let mut sdgs = vec![all(s.all_sdgs)];
    sdgs.extend(catalog.goals().iter().map(|g| {
        (AttrValue::from(g.sdg.number().to_string()), AttrValue::from(format!("{} — {}", g.sdg, g.short)))
    }));
    let mut types = vec![all(fs.all_types)];
    types.extend(
        sorted_unique(forum.sessions.iter().filter_map(|s| s.session_type.clone()))
            .into_iter()
            .map(|t| (AttrValue::from(t.clone()), AttrValue::from(t))),
    );
    let mut organisers = vec![all(fs.all_organisers)];
    organisers.extend(
        sorted_unique(forum.sessions.iter().flat_map(|s| s.organisers.iter().cloned()))
            .into_iter()
            .map(|o| (AttrValue::from(o.clone()), AttrValue::from(o))),
    );
    Menus {
        years: Rc::new(years),
        action_lines: Rc::new(action_lines),
        sdgs: Rc::new(sdgs),
        types: Rc::new(types),
        organisers: Rc::new(organisers),
    }
}

#[component]
pub fn ForumToolbar(props: &ForumToolbarProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let s = strings(data.lang);
    let fs = forum_strings(data.lang);
    let menus = use_memo(
        (props.forum.clone(), data.matrix.clone(), data.catalog.clone(), data.lang),
        |(f, m, c, l)| menus(f, m, c, *l),
    );
    let d = props.dispatcher.clone();
    // Made once: a new callback each render would redraw every menu (all its options) at every
    // keystroke in the search box.
    let on_menu = use_memo(props.dispatcher.clone(), |d| {
        let on = |make: fn(String) -> Action| dispatch_with(d, make);
        MenuCallbacks {
            year: on(|v| Action::SetYear(v.parse().ok())),
            action_line: on(|v| Action::SetActionLine(v.parse().ok())),
            sdg: on(|v| Action::SetSdg(v.parse().ok().and_then(Sdg::new))),
            session_type: on(|v| Action::SetType(Some(v).filter(|v| !v.is_empty()))),
            organiser: on(|v| Action::SetOrganiser(Some(v).filter(|v| !v.is_empty()))),
        }
    });
    let q = &props.state.query;
    let on_search = dispatch_input(&d, Action::Search);
    let toggle = |pressed: bool, label: &'static str, action: fn() -> Action| {
        let onclick = dispatch_with(&d, move |_: MouseEvent| action());
        html! { <button type="button" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
    };
    let on_reset = dispatch_with(&d, |_: MouseEvent| Action::Reset);
    html! {
        <div class="toolbar" part="toolbar" role="search" aria-labelledby="forum-title">
            <div class="field search">
                <label for="forum-search">{ s.search }</label>
                <input id="forum-search" type="search" autocomplete="off"
                    value={q.search.clone()} oninput={on_search} />
            </div>
            // On a narrow widget the menus and switches are behind one button; the search
            // box stays in view (and comes first, wide too).
            <Filters id="forum-filters" lang={data.lang} active={q.active_filters()}>
                <SelectField id="forum-year" label={fs.year}
                    value={q.year.map(|y| y.to_string()).unwrap_or_default()} choices={menus.years.clone()}
                    on_change={on_menu.year.clone()} />
                <SelectField id="forum-al" label={s.action_line}
                    value={q.action_line.map(|r| r.to_string()).unwrap_or_default()} choices={menus.action_lines.clone()}
                    on_change={on_menu.action_line.clone()} />
                <SelectField id="forum-sdg" label={s.sdg}
                    value={q.sdg.map(|x| x.number().to_string()).unwrap_or_default()} choices={menus.sdgs.clone()}
                    on_change={on_menu.sdg.clone()} />
                <SelectField id="forum-type" label={fs.session_type}
                    value={q.session_type.clone().unwrap_or_default()} choices={menus.types.clone()}
                    on_change={on_menu.session_type.clone()} />
                <SelectField id="forum-org" label={fs.organiser}
                    value={q.organiser.clone().unwrap_or_default()} choices={menus.organisers.clone()}
                    on_change={on_menu.organiser.clone()} />
                <div class="field view-switch">
                    <span class="label" id="forum-basis-label">{ fs.sdg_basis }</span>
                    <div class="segmented" role="group" aria-labelledby="forum-basis-label">
                        { toggle(q.basis == SdgBasis::RecordedAndViaMatrix, fs.recorded_and_via, || Action::SetBasis(SdgBasis::RecordedAndViaMatrix)) }
                        { toggle(q.basis == SdgBasis::Recorded, fs.recorded, || Action::SetBasis(SdgBasis::Recorded)) }
                    </div>
                </div>
                <div class="field view-switch">
                    <span class="label" id="forum-sort-label">{ fs.sessions }</span>
                    <div class="segmented" role="group" aria-labelledby="forum-sort-label">
                        { toggle(props.state.sort == SortBy::Date, fs.sort_date, || Action::Sort(SortBy::Date)) }
                        { toggle(props.state.sort == SortBy::Title, fs.sort_title, || Action::Sort(SortBy::Title)) }
                    </div>
                </div>
            </Filters>
            <LangMenu id="forum-lang" lang={data.lang} label={s.language} on_change={props.on_lang.clone()} />
            <div class="field reset">
                <button type="button" onclick={on_reset}
                    disabled={props.state.is_reset()}>{ s.reset }</button>
            </div>
        </div>
    }
}
