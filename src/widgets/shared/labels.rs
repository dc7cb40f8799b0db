//! How Action Lines and SDGs are named on screen, shared by the grid, cards and detail.

use yew::prelude::*;

use crate::model::text::Needle;
use crate::model::{ActionLine, Lang, Sdg, SdgCatalog};
use crate::ui::i18n::strings;
use crate::widgets::shared::highlight;

/// An Action Line title in `lang`, or in English marked `lang="en"` when no translation exists.
pub fn action_line_title(al: &ActionLine, lang: Lang, needle: Option<&Needle>) -> Html {
    let (text, text_lang) = al.title.get(lang);
    if text_lang == lang {
        highlight(text, needle)
    } else {
        html! { <span lang={text_lang.code()}>{ highlight(text, needle) }</span> }
    }
}

/// "C1 The role of …".
pub fn action_line_label(al: &ActionLine, lang: Lang, needle: Option<&Needle>) -> Html {
    html! {
        <>
            <span class="code">{ al.code().to_owned() }</span>
            { action_line_title(al, lang, needle) }
        </>
    }
}

/// Colour bar, number and short title of a goal, as in a column header.
pub fn sdg_head(sdg: Sdg, catalog: &SdgCatalog, lang: Lang, needle: Option<&Needle>) -> Html {
    let short = catalog.goal(sdg).map(|g| g.short.as_str()).unwrap_or("");
    html! {
        <span class="col-head">
            <span class={classes!("swatch", format!("sdg-{}", sdg.number()))} aria-hidden="true"></span>
            <span class="num">{ crate::ui::format::integer(lang, usize::from(sdg.number())) }</span>
            <span class="short" lang={catalog.lang.code()}>{ highlight(short, needle) }</span>
        </span>
    }
}

/// "SDG 9 Industry, innovation and infrastructure" on one line.
pub fn sdg_label(sdg: Sdg, catalog: &SdgCatalog, lang: Lang, needle: Option<&Needle>) -> Html {
    let short = catalog.goal(sdg).map(|g| g.short.as_str()).unwrap_or("");
    let number = crate::ui::format::integer(lang, usize::from(sdg.number()));
    html! {
        <>
            <span class={classes!("swatch", "dot", format!("sdg-{}", sdg.number()))} aria-hidden="true"></span>
            { " " }
            <span class="code">{ strings(lang).sdg_label(&number) }</span>
            <span lang={catalog.lang.code()}>{ highlight(short, needle) }</span>
        </>
    }
}

/// The head row of a presenter grid: SDG colour tiles with their numbers; titles for screen
/// readers only (17 titles do not fit a projector row).
pub fn slide_sdg_head(catalog: &SdgCatalog, lang: Lang) -> Html {
    let s = strings(lang);
    html! {
        <thead>
            <tr>
                <th class="corner" scope="col"><span class="sr-only">{ format!("{} \\ {}", s.action_line, s.sdg) }</span></th>
                for sdg in Sdg::all() {
                    <th key={sdg.number()} scope="col" class={classes!("tile", format!("sdg-{}", sdg.number()))}>
                        <span aria-hidden="true">{ crate::ui::format::integer(lang, usize::from(sdg.number())) }</span>
                        <span class="sr-only">{ catalog.goal(sdg).map(|g| g.short.clone()).unwrap_or_default() }</span>
                    </th>
                }
            </tr>
        </thead>
    }
}
