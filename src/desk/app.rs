//! The desk's root: the files open, the problems, the spreadsheet, the preview and downloads.

use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::files::open_files;
use super::forum_sessions::{ForumSessions, Goto};
use super::matrix_panel::MatrixPanel;
use super::matrix_titles::use_titles_matrix;
use super::pledges_panel::PledgesPanel;
use super::preview::Preview;
use super::problem_list::ProblemList;
use super::restore_offer::RestoreOffer;
use super::sheet_table::SheetTable;
use super::shortcuts::{use_undo_keys, REDO_KEYS, UNDO_KEYS};
use super::snippet_download::SnippetDownload;
use super::state::{DeskAction, DeskState};
use crate::model::desk::{import, problems, Edit, OpenFile, Problem, Snapshot};
use crate::model::file_kind::FileKind;
use crate::model::forum::Forum;
use crate::model::Lang;
use crate::ui::format::integer;
use crate::ui::i18n::desk::desk_strings;
use crate::ui::i18n::desk_forum::desk_forum_strings;
use crate::widgets::shared::export::download_text;
use crate::widgets::shared::{Choice, LangMenu, SelectField};

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    /// The matrix and the SDG texts the preview's widget reads (the published files).
    pub matrix_src: AttrValue,
    pub sdg_src: AttrValue,
    pub lang: Lang,
    /// The local-storage key of unsaved work.
    #[prop_or(AttrValue::Static("wsis-desk"))]
    pub storage_key: AttrValue,
    /// The stylesheet's file name in the release (hashed there), for pre-rendered snippets.
    #[prop_or(AttrValue::Static(crate::model::desk::snippet::STYLESHEET))]
    pub stylesheet_file: AttrValue,
    /// The loader's snippet renderer (`renderSnippet`), for pre-rendered snippets.
    #[prop_or_default]
    pub render_snippet: Option<js_sys::Function>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The preview menu's value for a kind of file.
fn kind_code(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Forum => "forum",
        FileKind::Matrix => "matrix",
        FileKind::Pledges => "pledges",
        FileKind::SdgTexts(_) => "sdg",
    }
}

/// An open file's name, or "none open".
fn name_or_none(none: &str, file: Option<&OpenFile>) -> String {
    file.map_or_else(|| none.to_owned(), |f| f.name.clone())
}

/// "Download <file>", as written by the model (the text as opened or as edited); refused while
/// the file has a problem, so only files the widgets accept leave the desk.
fn download_button(label: &str, file: &OpenFile, problems: &[Problem]) -> Html {
    let blocked = problems.iter().any(|p| p.file == file.name);
    let onclick = {
        let (name, text) = (file.name.clone(), file.text.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = download_text(&text, "application/json", &name);
        })
    };
    html! {
        <button type="button" key={file.name.clone()} {onclick} disabled={blocked}>
            { label.replace("{file}", &file.name) }
        </button>
    }
}

/// The data desk.
#[component]
pub fn DeskApp(props: &DeskProps) -> Html {
    let state = use_reducer(DeskState::default);
    let lang = use_state(|| props.lang);
    let s = desk_strings(*lang);
    let send = {
        let state = state.clone();
        Callback::from(move |action: DeskAction| state.dispatch(action))
    };
    let now: Rc<Snapshot> = state.history.now().clone();
    use_undo_keys(send.clone());
    let titles = use_titles_matrix(
        props.matrix_src.clone(),
        now.matrix.as_ref().map(|f| AttrValue::from(f.text.clone())),
    );
    // A problem at a forum session's path opens that session in the form.
    let goto = use_state(|| None::<Goto>);
    let on_session = {
        let goto = goto.clone();
        Callback::from(move |(index, field)| {
            let nonce = goto.as_ref().map_or(1, |g| g.nonce + 1);
            goto.set(Some(Goto { index, field, nonce }));
        })
    };

    // Work kept from an earlier visit, offered back (never restored or dropped silently).
    let saved = use_state(|| None::<Rc<Snapshot>>);
    {
        let saved = saved.clone();
        let key = props.storage_key.clone();
        use_effect_with((), move |()| {
            let kept = storage().and_then(|s| s.get_item(&key).ok().flatten());
            if let Some(snapshot) = kept.as_deref().and_then(Snapshot::from_json) {
                if !snapshot.is_empty() {
                    saved.set(Some(Rc::new(snapshot)));
                }
            }
        });
    }
    // Every change the maintainer makes is saved as it happens.
    {
        let key = props.storage_key.clone();
        let touched = state.touched;
        use_effect_with((now.clone(), touched), move |(now, touched)| {
            if *touched {
                if let Some(storage) = storage() {
                    let _ = if now.is_empty() {
                        storage.remove_item(&key)
                    } else {
                        storage.set_item(&key, &now.to_json())
                    };
                }
            }
        });
    }

    let found = use_memo(now.clone(), |now| problems(now));
    let all_problems = {
        let mut all = state.open_problems.clone();
        all.extend(found.iter().cloned());
        Rc::new(all)
    };
    let imported = use_memo(now.clone(), |now| import(now).ok());
    let forum_sessions = use_memo(now.clone(), |now| {
        now.forum.as_ref().and_then(|f| Forum::from_json(&f.name, &f.text).ok()).map(|f| f.sessions.len())
    });
    // The preview shows the spreadsheet merged in as soon as it imports cleanly.
    let preview_text: Option<AttrValue> = match (&*imported, &now.forum) {
        (Some(text), _) => Some(AttrValue::from(text.clone())),
        (None, Some(forum)) => Some(AttrValue::from(forum.text.clone())),
        (None, None) => None,
    };
    let pending = imported.is_some();
    // One widget at a time: the one picked, else the first open of forum, matrix, pledges.
    let text_of = |f: &Option<OpenFile>| f.as_ref().map(|f| AttrValue::from(f.text.clone()));
    let matrix_text = text_of(&now.matrix);
    let previews: Vec<(FileKind, AttrValue)> = [
        (FileKind::Forum, preview_text),
        (FileKind::Matrix, matrix_text.clone()),
        (FileKind::Pledges, text_of(&now.pledges)),
    ]
    .into_iter()
    .filter_map(|(kind, text)| Some((kind, text?)))
    .collect();
    let preview_of = use_state(|| None::<FileKind>);
    let shown = previews.iter().find(|(k, _)| Some(*k) == *preview_of).or(previews.first()).cloned();
    let shown_kind = shown.as_ref().map(|(k, _)| *k);
    let preview_choices: Rc<Vec<Choice>> = Rc::new(
        previews
            .iter()
            .map(|(kind, _)| {
                let label = match kind {
                    FileKind::Matrix => s.matrix_file,
                    FileKind::Pledges => s.pledges_file,
                    _ => s.forum_file,
                };
                (kind_code(*kind).into(), label.into())
            })
            .collect(),
    );
    let on_preview_of = {
        let preview_of = preview_of.clone();
        Callback::from(move |code: String| {
            let kind = [FileKind::Forum, FileKind::Matrix, FileKind::Pledges]
                .into_iter()
                .find(|k| kind_code(*k) == code);
            preview_of.set(kind);
        })
    };

    let on_pick = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(list) = input.files() {
                    open_files(&list, &send);
                }
                // The same file can be picked again (after fixing it elsewhere).
                input.set_value("");
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let send = send.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(list) = e.data_transfer().and_then(|t| t.files()) {
                open_files(&list, &send);
            }
        })
    };
    let on_undo = send.reform(|_: MouseEvent| DeskAction::Undo);
    let on_redo = send.reform(|_: MouseEvent| DeskAction::Redo);
    let on_import = send.reform(|_: MouseEvent| DeskAction::Edit(Edit::Import));
    let on_close_sheet = send.reform(|_: MouseEvent| DeskAction::Edit(Edit::CloseSheet));
    // Readers see the widget in either theme: the preview shows the one chosen here.
    let theme = use_state(|| AttrValue::Static("light"));
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |t: String| theme.set(AttrValue::from(t)))
    };
    let themes: Rc<Vec<Choice>> =
        Rc::new(vec![("light".into(), s.theme_light.into()), ("dark".into(), s.theme_dark.into())]);
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let on_download_forum = {
        let now = now.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(forum) = &now.forum {
                let _ = download_text(&forum.text, "application/json", &forum.name);
            }
        })
    };
    let on_download_csv = {
        let now = now.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(sheet) = &now.sheet {
                let _ = download_text(&sheet.cells.write(), "text/csv", &sheet.name);
            }
        })
    };
    let on_restore = {
        let saved = saved.clone();
        let send = send.clone();
        let key = props.storage_key.clone();
        Callback::from(move |restore: bool| {
            if let Some(snapshot) = (*saved).clone() {
                if restore {
                    send.emit(DeskAction::Restore((*snapshot).clone()));
                }
            }
            if !restore {
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(&key);
                }
            }
            saved.set(None);
        })
    };

    // The problem picked last, for the panel whose record it is in.
    let picked = use_state(|| None::<(u32, Problem)>);
    let on_problem = {
        let picked = picked.clone();
        Callback::from(move |p: Problem| picked.set(Some((picked.as_ref().map_or(0, |(n, _)| n + 1), p))))
    };
    let forum_problems = now.forum.as_ref().is_some_and(|f| all_problems.iter().any(|p| p.file == f.name));
    let sheet_status = match (&now.sheet, &now.forum) {
        (Some(_), None) => Some(s.import_needs_forum),
        (Some(_), Some(_)) if !pending => Some(s.import_blocked),
        _ => None,
    };
    let sessions_text = forum_sessions
        .map(|n| s.sessions.pick(*lang, n as f64).replace("{n}", &integer(*lang, n)))
        .unwrap_or_default();
    html! {
        <div class="desk" lang={lang.code()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}
            ondragover={on_drag_over} ondrop={on_drop}>
            <header class="desk-head">
                <h1>{ s.title }</h1>
                <LangMenu id="desk-lang" lang={*lang} label={s.language} on_change={on_lang} />
            </header>
            <p class="desk-intro">{ s.intro }</p>
            if let Some(snapshot) = (*saved).clone() {
                <RestoreOffer lang={*lang} snapshot={snapshot} on_choice={on_restore} />
            }
            <section class="desk-open">
                <label for="desk-open">{ s.open_label }</label>
                <input id="desk-open" type="file" multiple={true}
                    accept=".json,.csv,application/json,text/csv" onchange={on_pick} />
                <span class="desk-hint">{ s.drop_hint }</span>
                <dl class="desk-files">
                    <dt>{ s.forum_file }</dt>
                    <dd id="desk-forum" tabindex="-1">
                        { now.forum.as_ref().map_or(s.none_open.to_owned(), |f| f.name.clone()) }
                        if !sessions_text.is_empty() { { " · " }{ sessions_text } }
                    </dd>
                    <dt>{ s.sheet_file }</dt>
                    <dd>{ now.sheet.as_ref().map_or(s.none_open.to_owned(), |f| f.name.clone()) }</dd>
                    <dt>{ s.pledges_file }</dt>
                    <dd id="desk-pledges" tabindex="-1">{ name_or_none(s.none_open, now.pledges.as_ref()) }</dd>
                    <dt>{ s.matrix_file }</dt>
                    <dd id="desk-matrix" tabindex="-1">{ name_or_none(s.none_open, now.matrix.as_ref()) }</dd>
                    <dt>{ s.sdg_file }</dt>
                    <dd id="desk-sdg" tabindex="-1">{ name_or_none(s.none_open, now.sdg.as_ref().map(|(_, f)| f)) }</dd>
                </dl>
                <div class="desk-tools" role="group" aria-label={s.actions}>
                    <button type="button" onclick={on_undo} disabled={!state.history.can_undo()} aria-keyshortcuts={UNDO_KEYS}>{ s.undo }</button>
                    <button type="button" onclick={on_redo} disabled={!state.history.can_redo()} aria-keyshortcuts={REDO_KEYS}>{ s.redo }</button>
                    <button type="button" onclick={on_download_forum}
                        disabled={now.forum.is_none() || forum_problems}>{ s.download_forum }</button>
                    { for [now.pledges.as_ref(), now.matrix.as_ref(), now.sdg.as_ref().map(|(_, f)| f)]
                        .into_iter().flatten().map(|file| download_button(s.download_file, file, &all_problems)) }
                </div>
                <p class="desk-hint">{ desk_forum_strings(*lang).shortcuts_hint }</p>
            </section>
            <div class="desk-columns"><div class="desk-edit">
            <ProblemList lang={*lang} problems={all_problems.clone()}
                forum_file={now.forum.as_ref().map(|f| AttrValue::from(f.name.clone()))} {on_session}
                on_select={on_problem} />
            if let Some(sheet) = now.sheet.clone() {
                <section class="desk-sheet" aria-labelledby="desk-sheet-title">
                    <h2 id="desk-sheet-title">{ s.sheet_caption }{ " · " }{ sheet.name.clone() }</h2>
                    <SheetTable lang={*lang} sheet={Rc::new(sheet.cells.clone())}
                        problems={found.clone()} on_edit={send.reform(DeskAction::Edit)} matrix={titles.clone()} />
                    <div class="desk-tools">
                        <button type="button" onclick={on_import}
                            disabled={!pending}>{ s.import }</button>
                        <button type="button" onclick={on_download_csv}>{ s.download_csv }</button>
                        <button type="button" onclick={on_close_sheet}>{ s.close_sheet }</button>
                    </div>
                    if let Some(status) = sheet_status {
                        <p class="desk-status" role="status">{ status }</p>
                    }
                </section>
            }
            if let Some(forum) = now.forum.clone() {
                <ForumSessions lang={*lang} file={forum.name} text={forum.text} problems={found.clone()}
                    matrix={titles.clone()} goto={(*goto).clone()} on_edit={send.reform(DeskAction::Edit)} />
            }
            if now.pledges.is_some() {
                <PledgesPanel lang={*lang} snapshot={now.clone()} on_edit={send.reform(DeskAction::Edit)} />
            }
            if let Some(matrix) = now.matrix.as_ref() {
                <MatrixPanel lang={*lang} sdg_src={props.sdg_src.clone()} name={matrix.name.clone()} text={matrix.text.clone()}
                    problems={all_problems.clone()} on_edit={send.reform(DeskAction::Edit)}
                    picked={(*picked).clone()} />
            }
            </div>
            <section class="desk-preview" aria-labelledby="desk-preview-title">
                <h2 id="desk-preview-title">{ s.preview_heading }</h2>
                <SelectField id="desk-theme" label={s.theme} value={(*theme).clone()} choices={themes}
                    on_change={on_theme} />
                if pending {
                    <p class="desk-status">{ s.preview_pending }</p>
                }
                if previews.len() > 1 {
                    <SelectField id="desk-preview-of" label={s.preview_of} value={shown_kind.map_or("", kind_code)}
                        choices={preview_choices} on_change={on_preview_of} />
                }
                if let Some((kind, text)) = shown {
                    <Preview {kind} {text} lang={*lang} theme={(*theme).clone()}
                        matrix_text={matrix_text.clone()}
                        matrix_src={props.matrix_src.clone()} sdg_src={props.sdg_src.clone()} />
                } else {
                    <p>{ s.preview_none }</p>
                }
            </section>
            </div>
            <SnippetDownload snapshot={now.clone()} problems={all_problems.clone()} lang={*lang}
                theme={(*theme).clone()} matrix_src={props.matrix_src.clone()} sdg_src={props.sdg_src.clone()}
                stylesheet_file={props.stylesheet_file.clone()} render={props.render_snippet.clone()} />
        </div>
    }
}
