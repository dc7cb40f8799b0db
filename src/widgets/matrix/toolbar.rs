//! Filters, search, view switch, language menu and reset.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::dispatch::{dispatch_input, dispatch_with};

use crate::widgets::shared::data::use_widget_data;

use super::state::{Action, MatrixState, Orientation};
use crate::model::matrix::C7_GROUP;
use crate::model::{ActionLineFilter, Lang, Matrix, MatrixQuery, Sdg, SdgCatalog};
use crate::ui::format::integer;
use crate::ui::i18n::strings;
use crate::widgets::shared::{Choice, Filters, LangMenu, SelectField};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub query: MatrixQuery,
    pub orientation: Orientation,
    pub agencies: Rc<Vec<String>>,
    pub targets: Rc<Vec<String>>,
    pub dispatcher: UseReducerDispatcher<MatrixState>,
    pub on_lang: Callback<Lang>,
}

/// Option value of the Action Line menu: `""` all, `group:C7`, or an Action Line id.
fn action_line_value(filter: &ActionLineFilter) -> String {
    match filter {
        ActionLineFilter::All => String::new(),
        ActionLineFilter::Group(g) => format!("group:{g}"),
        ActionLineFilter::One(id) => id.clone(),
    }
}

/// The four filter menus' choices, rebuilt only when the data or language changes.
struct Menus {
    action_lines: Rc<Vec<Choice>>,
    sdgs: Rc<Vec<Choice>>,
    agencies: Rc<Vec<Choice>>,
    targets: Rc<Vec<Choice>>,
}

fn menus(
    matrix: &Matrix,
    catalog: &SdgCatalog,
    lang: Lang,
    agencies: &[String],
    targets: &[String],
) -> Menus {
    let s = strings(lang);
    let choice = |value: String, label: String| (AttrValue::from(value), AttrValue::from(label));
    let mut action_lines = vec![(AttrValue::default(), AttrValue::from(s.all_action_lines))];
    let group_title = matrix.group(C7_GROUP).map(|g| g.title.get(lang).0).unwrap_or("");
    action_lines
        .push(choice(format!("group:{C7_GROUP}"), format!("{C7_GROUP} ({}) — {group_title}", s.group_all)));
    action_lines.extend(
        matrix
            .action_lines
            .iter()
            .map(|al| choice(al.id.clone(), format!("{} — {}", al.id, al.title.get(lang).0))),
    );
    let mut sdgs = vec![(AttrValue::default(), AttrValue::from(s.all_sdgs))];
    sdgs.extend(catalog.goals().iter().map(|g| {
        choice(
            g.sdg.number().to_string(),
            format!("{} — {}", integer(lang, usize::from(g.sdg.number())), g.short),
        )
    }));
    let mut agency_choices = vec![(AttrValue::default(), AttrValue::from(s.all_facilitators))];
    agency_choices.extend(agencies.iter().map(|a| choice(a.clone(), a.clone())));
    let mut target_choices = vec![(AttrValue::default(), AttrValue::from(s.all_targets))];
    target_choices.extend(targets.iter().map(|t| choice(t.clone(), t.clone())));
    Menus {
        action_lines: Rc::new(action_lines),
        sdgs: Rc::new(sdgs),
        agencies: Rc::new(agency_choices),
        targets: Rc::new(target_choices),
    }
}

struct MenuCallbacks {
    action_line: Callback<String>,
    sdg: Callback<String>,
    agency: Callback<String>,
    target: Callback<String>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let s = strings(data.lang);
    let d = props.dispatcher.clone();
    let menus = use_memo(
        (data.matrix.clone(), data.catalog.clone(), data.lang, props.agencies.clone(), props.targets.clone()),
        |(matrix, catalog, lang, agencies, targets)| menus(matrix, catalog, *lang, agencies, targets),
    );

    // Made once: a new callback each render would redraw every menu (the target menu has over a
    // hundred options) at every keystroke in the search box.
    let on_menu = use_memo(props.dispatcher.clone(), |d| {
        let on = |make: fn(String) -> Action| dispatch_with(d, make);
        MenuCallbacks {
            action_line: on(|value| {
                Action::SetActionLines(if value.is_empty() {
                    ActionLineFilter::All
                } else if let Some(group) = value.strip_prefix("group:") {
                    ActionLineFilter::Group(group.to_owned())
                } else {
                    ActionLineFilter::One(value)
                })
            }),
            sdg: on(|value| Action::SetSdg(value.parse().ok().and_then(Sdg::new))),
            agency: on(|value| Action::SetAgency(Some(value).filter(|v| !v.is_empty()))),
            target: on(|value| Action::SetTarget(Some(value).filter(|v| !v.is_empty()))),
        }
    });
    let on_search = dispatch_input(&d, Action::Search);
    let orientation_button = |orientation: Orientation, label: &'static str| {
        let onclick = dispatch_with(&d, move |_: MouseEvent| Action::SetOrientation(orientation));
        let pressed = if props.orientation == orientation { "true" } else { "false" };
        html! {
            <button type="button" aria-pressed={pressed} {onclick}>{ label }</button>
        }
    };
    let on_reset = dispatch_with(&d, |_: MouseEvent| Action::Reset);

    let q = &props.query;
    html! {
        <div class="toolbar" part="toolbar" role="search" aria-labelledby="wsis-matrix-title">
            <div class="field search">
                <label for="wsis-search">{ s.search }</label>
                <input id="wsis-search" type="search" autocomplete="off"
                    placeholder={s.search_placeholder} value={q.search.clone()}
                    oninput={on_search} />
            </div>
            // On a narrow widget the menus and the view switch are behind one button; the
            // search box stays in view.
            <Filters id="wsis-filters" lang={data.lang} active={q.active_filters()}>
                <SelectField id="wsis-al" label={s.action_line}
                    value={action_line_value(&q.action_lines)} choices={menus.action_lines.clone()}
                    on_change={on_menu.action_line.clone()} />
                <SelectField id="wsis-sdg" label={s.sdg}
                    value={q.sdg.map(|s| s.number().to_string()).unwrap_or_default()}
                    choices={menus.sdgs.clone()} on_change={on_menu.sdg.clone()} />
                <SelectField id="wsis-agency" label={s.facilitator}
                    value={q.agency.clone().unwrap_or_default()} choices={menus.agencies.clone()}
                    on_change={on_menu.agency.clone()} />
                <SelectField id="wsis-target" label={s.target}
                    value={q.target.clone().unwrap_or_default()} choices={menus.targets.clone()}
                    on_change={on_menu.target.clone()} />
                <div class="field view-switch">
                    <span class="label" id="wsis-view-label">{ s.view }</span>
                    <div class="segmented" role="group" aria-labelledby="wsis-view-label">
                        { orientation_button(Orientation::ActionLinesBySdgs, s.view_action_lines_by_sdgs) }
                        { orientation_button(Orientation::SdgsByActionLines, s.view_sdgs_by_action_lines) }
                    </div>
                </div>
            </Filters>
            <LangMenu id="wsis-lang" lang={data.lang} label={s.language} on_change={props.on_lang.clone()} />
            <div class="field reset">
                <button type="button" onclick={on_reset}
                    disabled={q.is_unfiltered()}>{ s.reset }</button>
            </div>
        </div>
    }
}
