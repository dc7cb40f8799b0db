//! `<p2c-pledges>`: Partner2Connect pledge totals, live.

mod app;
mod breakdowns;
mod count_up;
mod headline;
mod loaded;
mod prerendered;
mod sdg_ranking;
mod timeline;
mod widget;

pub use app::{PledgesApp, PledgesAppProps};
pub use loaded::{LoadedPledges, LoadedPledgesProps};
pub use prerendered::{PrerenderedPledges, PrerenderedPledgesProps};
pub use widget::{PledgesProps, PledgesWidget};

use crate::model::pledges::{Figure, Qualifier};
use crate::model::Lang;
use crate::ui::format::{number, Style};
use crate::ui::i18n::{fill, pledge_strings};

/// A figure in words: "more than USD 82 billion", "about 26,000", "408".
pub(crate) fn qualified(lang: Lang, style: Style, figure: Figure) -> String {
    let x = number(lang, style, figure.value);
    let s = pledge_strings(lang);
    match figure.qualifier {
        Qualifier::Exact => x,
        Qualifier::Over => fill(s.over, &[("x", &x)]),
        Qualifier::About => fill(s.about, &[("x", &x)]),
    }
}
