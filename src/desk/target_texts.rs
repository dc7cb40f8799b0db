//! The SDG texts the target menu labels its choices with (`9.c — Significantly increase …`):
//! the published file of the desk's language under the page's `sdg-src`, through the widgets'
//! own `use_sdg_catalog` (loader and cache). Until it arrives (or if it cannot be read) the menu
//! shows the ids alone.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::catalog::SdgCatalog;
use crate::model::Lang;
use crate::widgets::shared::hooks::use_sdg_catalog;
use crate::widgets::shared::Resource;

#[hook]
pub fn use_target_texts(sdg_src: AttrValue, lang: Lang) -> Option<Rc<SdgCatalog>> {
    match use_sdg_catalog(Some(sdg_src.clone()), Some(sdg_src), lang, 0) {
        Resource::Ready(catalog) => Some(catalog),
        _ => None,
    }
}
