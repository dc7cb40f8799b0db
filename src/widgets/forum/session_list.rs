//! The matching sessions, sorted, each opening to its details.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::dispatch::dispatch_with;

use crate::widgets::shared::data::use_widget_data;

use super::state::{Action, ForumState};
use crate::model::forum::{session_sdgs, Forum, ForumView, SdgLink};
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::text::is_http_url;
use crate::ui::format::{date, integer};
use crate::ui::i18n::{fill, forum_strings};
use crate::widgets::shared::delegate::{source_data, source_element};
use crate::widgets::shared::{highlight, use_static_render};

#[derive(Properties, PartialEq)]
pub struct SessionListProps {
    pub forum: Rc<Forum>,
    pub view: Rc<ForumView>,
    /// The matching sessions in list order.
    pub sorted: Rc<Vec<usize>>,
    pub state: ForumState,
    pub dispatcher: UseReducerDispatcher<ForumState>,
}

#[component]
pub fn SessionList(props: &SessionListProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let fs = forum_strings(data.lang);
    let lang = data.lang;
    // Pre-rendered, every session's details are built (closed `<details>` open without script),
    // and the sessions past "Show more" too: marked `beyond`, the stylesheet shows them only
    // where no script will run, so with script the list matches the live one row for row.
    let pre_rendered = use_static_render();
    let shown = if pre_rendered { usize::MAX } else { props.state.limit };
    let forum = &props.forum;
    let sorted = &props.sorted;
    let needle = crate::model::text::Needle::new(&props.state.query.search);
    let count = fill(
        fs.n_sessions.pick(lang, forum.sessions.len() as f64),
        &[("n", &integer(lang, props.view.sessions.len())), ("total", &integer(lang, forum.sessions.len()))],
    );
    // One listener for the list, not one closure per row: the summary says which session it is.
    let on_toggle = {
        let d = props.dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            let summary = source_element(&e, "summary[data-session]");
            if let Some(i) = summary.and_then(|s| source_data::<usize>(&s, "data-session")) {
                e.prevent_default();
                d.dispatch(Action::Toggle(i));
            }
        })
    };
    html! {
        <section class="sessions">
            <h3>{ fs.sessions }</h3>
            <p class="status" role="status" aria-live="polite">{ count }</p>
            if sorted.is_empty() { <p class="muted">{ fs.no_sessions }</p> }
            <ul class="session-list" onclick={on_toggle}>
                // Keyed by place in the list, not by session: a keystroke changes most of the
                // sessions shown, and rewriting the text of 50 rows costs far less than removing
                // 50 rows and building 50 new ones. `open` comes from the state, never from the
                // element, so a reused row cannot keep another session's open details.
                for (slot, i) in sorted.iter().copied().take(shown).enumerate() {
                    if let Some(s) = forum.sessions.get(i) {
                        <li key={slot} class={(slot >= props.state.limit).then_some("beyond")}>
                            <details open={props.state.open.contains(&i)}>
                                <summary data-session={i.to_string()}>
                                    <span class="code">{ s.date.map(|d| date(lang, d)).unwrap_or_else(|| s.year.to_string()) }</span>
                                    <span lang="en">{ highlight(&s.title, needle.as_ref()) }</span>
                                </summary>
                                // Details are built only when open: a keystroke then redraws 100 summaries,
                                // not 100 hidden detail lists.
                                if pre_rendered || props.state.open.contains(&i) {
                                    <dl class="session-detail">
                                        if let Some(t) = &s.session_type { <dt>{ fs.session_type }</dt><dd lang="en">{ t.clone() }</dd> }
                                        if !s.organisers.is_empty() {
                                            <dt>{ fs.organiser }</dt>
                                            <dd lang="en">{ highlight(&s.organisers.join("; "), needle.as_ref()) }</dd>
                                        }
                                        if !s.action_lines.is_empty() {
                                            <dt>{ crate::ui::i18n::strings(lang).action_line }</dt>
                                            <dd>{ s.action_lines.iter().filter_map(|r| ACTION_LINE_IDS.get(*r)).copied().collect::<Vec<_>>().join(", ") }</dd>
                                        }
                                        <dt>{ crate::ui::i18n::strings(lang).sdg }</dt>
                                        <dd>
                                            for (sdg, how) in session_sdgs(s, &data.matrix, props.state.query.basis) {
                                                <span key={sdg.number()} class={classes!("sdg-tag", format!("sdg-{}", sdg.number()), (how == SdgLink::ViaMatrix).then_some("via"))}
                                                    title={data.catalog.goal(sdg).map(|g| g.short.clone()).unwrap_or_default()}>
                                                    { sdg.number().to_string() }
                                                    if how == SdgLink::ViaMatrix { <small>{ format!(" ({})", fs.via_matrix) }</small> }
                                                </span>
                                            }
                                        </dd>
                                        if let Some(url) = s.url.as_deref().filter(|u| is_http_url(u)) {
                                            <dt>{ fs.open_page }</dt>
                                            <dd><a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ url.to_owned() }</a></dd>
                                        }
                                    </dl>
                                }
                            </details>
                        </li>
                    }
                }
            </ul>
            if sorted.len() > props.state.limit {
                <button type="button" class="show-more" onclick={dispatch_with(&props.dispatcher, |_: MouseEvent| Action::ShowMore)}>
                    { fill(fs.show_more, &[("n", &integer(lang, props.state.limit)), ("total", &integer(lang, sorted.len()))]) }
                </button>
            }
        </section>
    }
}
