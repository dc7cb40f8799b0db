//! The public Yew API (`wsis_sdg_widgets::components`) from values: each `Loaded…` root draws
//! its widget at once, in its frame, in the language of the SDG texts it was given. Rendered
//! natively (Yew's `ssr`); `tests/browser/yew-app.test.mjs` runs the matrix and the pledges in a
//! real app in Chromium.

#![allow(clippy::expect_used)] // test code: a broken bundled file should fail loudly

use std::rc::Rc;

use wsis_sdg_widgets::components::{
    Forum, Lang, LoadedForum, LoadedForumProps, LoadedMatrix, LoadedMatrixProps, LoadedPledges,
    LoadedPledgesProps, Matrix, Pledges, SdgCatalog, Theme,
};
use yew::{Callback, ServerRenderer};

fn matrix() -> Rc<Matrix> {
    Rc::new(Matrix::from_json("matrix.json", include_str!("../data/matrix.json")).expect("valid matrix"))
}

fn french() -> Rc<SdgCatalog> {
    Rc::new(
        SdgCatalog::from_json("sdg-fr.json", include_str!("../data/sdg/sdg-fr.json"), Lang::Fr)
            .expect("valid"),
    )
}

#[test]
fn the_loaded_matrix_speaks_its_catalogs_language_in_the_widget_frame() {
    let links = matrix().links.len();
    let renderer = ServerRenderer::<LoadedMatrix>::with_props(|| LoadedMatrixProps {
        matrix: matrix(),
        catalog: french(),
        theme: Theme::Dark,
        orientation: Default::default(),
        action_line: None,
        sdg: None,
        on_event: Callback::noop(),
    });
    let html = futures::executor::block_on(renderer.render());
    assert!(
        html.contains(r#"<div part="root" lang="fr" dir="ltr" class="root theme-dark">"#),
        "the widget root, in French and dark"
    );
    assert_eq!(html.matches(r#"data-linked="true""#).count(), links);
    assert!(html.contains(&format!("{links} liens sur {links}")), "French count line missing");
}

#[test]
fn the_loaded_forum_draws_its_sessions() {
    let forum = Forum::from_json("f", include_str!("../data/forum-outcomes.json")).expect("valid forum file");
    let sessions = forum.sessions.len();
    let renderer = ServerRenderer::<LoadedForum>::with_props(move || LoadedForumProps {
        forum: Rc::new(forum),
        matrix: matrix(),
        catalog: french(),
        year: None,
        action_line: None,
        sdg: None,
        theme: Theme::Auto,
        on_event: Callback::noop(),
    });
    let html = futures::executor::block_on(renderer.render());
    assert!(html.contains(r#"<div part="root" lang="fr" dir="ltr" class="root forum theme-auto">"#));
    assert_eq!(html.matches("<summary data-session=").count(), sessions.min(50));
}

#[test]
fn the_loaded_pledges_draw_the_total() {
    let renderer = ServerRenderer::<LoadedPledges>::with_props(|| LoadedPledgesProps {
        pledges: Rc::new(
            Pledges::from_json("p2c-pledges.json", include_str!("../data/p2c-pledges.json")).expect("valid"),
        ),
        lang: Lang::En,
        theme: Theme::Light,
        sdg: None,
        on_event: Callback::noop(),
    });
    let html = futures::executor::block_on(renderer.render());
    assert!(html.contains(r#"class="root pledges theme-light""#));
    assert!(html.contains("82.0 billion"), "the headline's total");
}
