//! Components render without a browser (Yew's `ssr` feature): the door to pre-rendered HTML
//! for readers without JavaScript and hosts whose CSP forbids WebAssembly.

#![allow(clippy::expect_used)] // test code: a broken bundled file should fail loudly

use std::rc::Rc;

use wsis_sdg_widgets::model::{Lang, Matrix, SdgCatalog};
use wsis_sdg_widgets::widgets::matrix::{MatrixApp, MatrixAppProps, Orientation};
use yew::{Callback, ServerRenderer};

fn render(lang: Lang, orientation: Orientation) -> String {
    let renderer = ServerRenderer::<MatrixApp>::with_props(move || {
        let matrix = Matrix::from_json("matrix.json", include_str!("../data/matrix.json"))
            .expect("bundled matrix is valid");
        let catalog_text = match lang {
            Lang::Fr => include_str!("../data/sdg/sdg-fr.json"),
            _ => include_str!("../data/sdg/sdg-ar.json"),
        };
        let catalog =
            SdgCatalog::from_json("sdg.json", catalog_text, lang).expect("bundled SDG file is valid");
        MatrixAppProps {
            matrix: Rc::new(matrix),
            catalog: Rc::new(catalog),
            lang,
            orientation,
            on_lang: Callback::noop(),
            on_event: Callback::noop(),
            action_line: None,
            sdg: None,
            link: Default::default(),
        }
    });
    futures::executor::block_on(renderer.render())
}

#[test]
fn the_matrix_renders_on_the_server() {
    let html = render(Lang::Fr, Orientation::ActionLinesBySdgs);
    let links =
        Matrix::from_json("m", include_str!("../data/matrix.json")).map(|m| m.links.len()).unwrap_or(0);
    assert_eq!(html.matches(r#"data-linked="true""#).count(), links);
    assert_eq!(html.matches(r#"role="rowheader""#).count(), 18);
    assert!(html.contains(&format!("{links} liens sur {links}")), "French count line missing");
}

#[test]
fn the_transposed_view_renders_on_the_server() {
    let html = render(Lang::Ar, Orientation::SdgsByActionLines);
    assert_eq!(html.matches(r#"role="rowheader""#).count(), 17);
    assert!(html.contains("data-testid=\"cell-sdg-1-C1\""));
}

#[test]
fn the_pledge_figures_render_on_the_server() {
    use wsis_sdg_widgets::model::pledges::Pledges;
    use wsis_sdg_widgets::widgets::pledges::{PledgesApp, PledgesAppProps};
    let renderer = ServerRenderer::<PledgesApp>::with_props(|| {
        let pledges = Pledges::from_json("p2c-pledges.json", include_str!("../data/p2c-pledges.json"))
            .expect("bundled pledges file is valid");
        PledgesAppProps {
            pledges: Rc::new(pledges),
            lang: Lang::En,
            error: None,
            updated_at: None,
            announcement: Default::default(),
            on_lang: Callback::noop(),
            presenter: false,
            link: Default::default(),
            sdg: wsis_sdg_widgets::model::Sdg::new(4),
        }
    });
    let html = futures::executor::block_on(renderer.render());
    assert!(html.contains("data-testid=\"timeline-point\""));
    assert!(html.contains("82.0 billion"), "native number formatting in the headline");
    assert!(html.contains("SDG 4 is number 2 among the SDGs most targeted by the pledges of 2023."));
}

#[test]
fn the_forum_sessions_render_on_the_server() {
    use wsis_sdg_widgets::model::forum::Forum;
    use wsis_sdg_widgets::widgets::forum::{ForumApp, ForumAppProps};
    let renderer = ServerRenderer::<ForumApp>::with_props(|| ForumAppProps {
        forum: Rc::new(
            Forum::from_json("f", include_str!("../data/forum-outcomes.json")).expect("valid forum file"),
        ),
        matrix: Rc::new(Matrix::from_json("m", include_str!("../data/matrix.json")).expect("valid matrix")),
        catalog: Rc::new(
            SdgCatalog::from_json("s", include_str!("../data/sdg/sdg-en.json"), Lang::En)
                .expect("valid SDG file"),
        ),
        lang: Lang::En,
        year: None,
        action_line: None,
        sdg: None,
        on_lang: Callback::noop(),
        on_event: Callback::noop(),
        link: Default::default(),
    });
    let html = futures::executor::block_on(renderer.render());
    // The first page of the list (50 sessions), or all when there are fewer.
    let sessions =
        Forum::from_json("f", include_str!("../data/forum-outcomes.json")).map_or(0, |f| f.sessions.len());
    assert_eq!(html.matches("<summary data-session=").count(), sessions.min(50));
}

fn bundled() -> (Rc<Matrix>, Rc<SdgCatalog>) {
    let matrix = Matrix::from_json("m", include_str!("../data/matrix.json")).expect("valid matrix");
    let catalog = SdgCatalog::from_json("s", include_str!("../data/sdg/sdg-en.json"), Lang::En)
        .expect("valid SDG file");
    (Rc::new(matrix), Rc::new(catalog))
}

#[test]
fn the_presenter_slides_render_on_the_server() {
    use wsis_sdg_widgets::widgets::matrix::{
        ActionLineSlide, ActionLineSlideProps, OverviewSlide, OverviewSlideProps,
    };
    let overview = ServerRenderer::<OverviewSlide>::with_props(|| {
        let (matrix, catalog) = bundled();
        OverviewSlideProps { matrix, catalog, lang: Lang::En }
    });
    let html = futures::executor::block_on(overview.render());
    let (matrix, _) = bundled();
    assert_eq!(html.matches("class=\"dot-cell ").count(), matrix.links.len());

    // C5 is row 4; every SDG it links to gets a line with its targets.
    let slide = ServerRenderer::<ActionLineSlide>::with_props(|| {
        let (matrix, catalog) = bundled();
        ActionLineSlideProps { matrix, catalog, lang: Lang::En, row: 4 }
    });
    let html = futures::executor::block_on(slide.render());
    let c5 = matrix.links.iter().filter(|l| l.action_line == 4).count();
    assert!(c5 > 0);
    assert_eq!(html.matches("class=\"slide-link\"").count(), c5);
    assert!(html.contains("data-action-line=\"C5\""));
}

#[test]
fn the_forum_year_slide_renders_on_the_server() {
    use wsis_sdg_widgets::model::forum::Forum;
    use wsis_sdg_widgets::widgets::forum::{ForumSlide, ForumSlideProps};
    let slide = ServerRenderer::<ForumSlide>::with_props(|| {
        let (matrix, catalog) = bundled();
        let forum =
            Forum::from_json("f", include_str!("../data/forum-outcomes.json")).expect("valid forum file");
        ForumSlideProps { forum: Rc::new(forum), matrix, catalog, lang: Lang::En, year: Some(2019) }
    });
    let html = futures::executor::block_on(slide.render());
    assert!(html.contains("WSIS Forum 2019"));
    assert!(html.contains("<dt>Participants</dt>"));
}
