//! Filters, search, view switch, language menu and reset.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{Action, MatrixState, Orientation};
use crate::model::matrix::C7_GROUP;
use crate::model::{ActionLineFilter, Lang, Matrix, MatrixQuery, Sdg, SdgCatalog};
use crate::ui::format::integer;
use crate::ui::i18n::strings;
use crate::widgets::shared::LangMenu;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    pub query: MatrixQuery,
    pub orientation: Orientation,
    pub agencies: Rc<Vec<String>>,
    pub targets: Rc<Vec<String>>,
    pub dispatcher: UseReducerDispatcher<MatrixState>,
    pub on_lang: Callback<Lang>,
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value())
}

/// Option values of the Action Line menu: `""` all, `group:C7`, or an Action Line id.
fn action_line_value(filter: &ActionLineFilter) -> String {
    match filter {
        ActionLineFilter::All => String::new(),
        ActionLineFilter::Group(g) => format!("group:{g}"),
        ActionLineFilter::One(id) => id.clone(),
    }
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let s = strings(props.lang);
    let d = props.dispatcher.clone();

    let on_action_line = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e).unwrap_or_default();
            let filter = if value.is_empty() {
                ActionLineFilter::All
            } else if let Some(group) = value.strip_prefix("group:") {
                ActionLineFilter::Group(group.to_owned())
            } else {
                ActionLineFilter::One(value)
            };
            d.dispatch(Action::SetActionLines(filter));
        })
    };
    let on_sdg = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let sdg = select_value(&e).and_then(|v| v.parse().ok()).and_then(Sdg::new);
            d.dispatch(Action::SetSdg(sdg));
        })
    };
    let on_agency = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetAgency(select_value(&e).filter(|v| !v.is_empty())));
        })
    };
    let on_target = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetTarget(select_value(&e).filter(|v| !v.is_empty())));
        })
    };
    let on_search = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                d.dispatch(Action::Search(input.value()));
            }
        })
    };
    let orientation_button = |orientation: Orientation, label: &'static str, testid: &'static str| {
        let d = d.clone();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::SetOrientation(orientation)));
        let pressed = if props.orientation == orientation { "true" } else { "false" };
        html! {
            <button type="button" aria-pressed={pressed} data-testid={testid} {onclick}>{ label }</button>
        }
    };
    let on_reset = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Reset))
    };

    let al_value = action_line_value(&props.query.action_lines);
    let sdg_value = props.query.sdg.map(|s| s.number().to_string()).unwrap_or_default();
    let agency_value = props.query.agency.clone().unwrap_or_default();
    let target_value = props.query.target.clone().unwrap_or_default();
    let lang = props.lang;
    let group_title =
        props.matrix.group(C7_GROUP).map(|g| g.title.get(lang).0.to_owned()).unwrap_or_default();

    html! {
        <div class="toolbar" part="toolbar" role="search">
            <div class="field search">
                <label for="wsis-search">{ s.search }</label>
                <input id="wsis-search" type="search" data-testid="search" autocomplete="off"
                    placeholder={s.search_placeholder} value={props.query.search.clone()}
                    oninput={on_search} />
            </div>
            <div class="field">
                <label for="wsis-al">{ s.action_line }</label>
                <select id="wsis-al" data-testid="filter-action-line" onchange={on_action_line}>
                    <option value="" selected={al_value.is_empty()}>{ s.all_action_lines }</option>
                    <option value={format!("group:{C7_GROUP}")} selected={al_value == format!("group:{C7_GROUP}")}>
                        { format!("{C7_GROUP} ({}) — {}", s.group_all, group_title) }
                    </option>
                    for al in props.matrix.action_lines.iter() {
                        <option key={al.id.clone()} value={al.id.clone()} selected={al_value == al.id}>
                            { format!("{} — {}", al.id, al.title.get(lang).0) }
                        </option>
                    }
                </select>
            </div>
            <div class="field">
                <label for="wsis-sdg">{ s.sdg }</label>
                <select id="wsis-sdg" data-testid="filter-sdg" onchange={on_sdg}>
                    <option value="" selected={sdg_value.is_empty()}>{ s.all_sdgs }</option>
                    for goal in props.catalog.goals().iter() {
                        <option key={goal.sdg.number()} value={goal.sdg.number().to_string()}
                            selected={sdg_value == goal.sdg.number().to_string()}>
                            { format!("{} — {}", integer(lang, usize::from(goal.sdg.number())), goal.short) }
                        </option>
                    }
                </select>
            </div>
            <div class="field">
                <label for="wsis-agency">{ s.facilitator }</label>
                <select id="wsis-agency" data-testid="filter-agency" onchange={on_agency}>
                    <option value="" selected={agency_value.is_empty()}>{ s.all_facilitators }</option>
                    for agency in props.agencies.iter() {
                        <option key={agency.clone()} value={agency.clone()} selected={agency_value == *agency}>
                            { agency.clone() }
                        </option>
                    }
                </select>
            </div>
            <div class="field">
                <label for="wsis-target">{ s.target }</label>
                <select id="wsis-target" data-testid="filter-target" onchange={on_target}>
                    <option value="" selected={target_value.is_empty()}>{ s.all_targets }</option>
                    for target in props.targets.iter() {
                        <option key={target.clone()} value={target.clone()} selected={target_value == *target}>
                            { target.clone() }
                        </option>
                    }
                </select>
            </div>
            <div class="field view-switch">
                <span class="label" id="wsis-view-label">{ s.view }</span>
                <div class="segmented" role="group" aria-labelledby="wsis-view-label">
                    { orientation_button(Orientation::ActionLinesBySdgs, s.view_action_lines_by_sdgs, "view-al-sdg") }
                    { orientation_button(Orientation::SdgsByActionLines, s.view_sdgs_by_action_lines, "view-sdg-al") }
                </div>
            </div>
            <LangMenu lang={props.lang} label={s.language} on_change={props.on_lang.clone()} />
            <div class="field reset">
                <button type="button" data-testid="reset" onclick={on_reset}
                    disabled={props.query.is_unfiltered()}>{ s.reset }</button>
            </div>
        </div>
    }
}
