//! The loaded pledge figures: headline, timeline, breakdowns, provenance.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::{use_static_render, StaticNote};

use super::breakdowns::Breakdowns;
use super::headline::Headline;
use super::sdg_ranking::SdgRankingPanel;
use super::timeline::Timeline;
use crate::model::export::{pledges_scene, pledges_table, SceneText};
use crate::model::pledges::{summarize, Pledges};
use crate::model::text::is_http_url;
use crate::model::url_state::Params;
use crate::model::{Error, Lang, Sdg};
use crate::ui::format::{date, number, year, Style};
use crate::ui::i18n::{pledge_strings, strings};
use crate::widgets::shared::export::{deliver, Format};
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::{use_actions, Actions, LangMenu};

/// Public so it can be rendered on a server for readers without JavaScript.
#[derive(Properties, PartialEq)]
pub struct PledgesAppProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
    /// The latest failed refresh, if the figures shown are stale.
    #[prop_or_default]
    pub error: Option<Rc<Error>>,
    #[prop_or_default]
    pub updated_at: Option<f64>,
    /// Text for the polite live region (the latest change).
    #[prop_or_default]
    pub announcement: AttrValue,
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
    /// Projector layout: headline only, no menu, chart tables or provenance.
    #[prop_or_default]
    pub presenter: bool,
    /// "Copy link" when the page keeps widget state in its URL.
    #[prop_or_default]
    pub link: UrlLink,
    /// An SDG selected in a linked widget or by the host page.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
}

#[component]
pub fn PledgesApp(props: &PledgesAppProps) -> Html {
    let pre_rendered = use_static_render();
    let summary = use_memo(props.pledges.clone(), |p| summarize(p));
    let actions = use_actions(&props.link, props.lang);
    let on_export = {
        let (pledges, lang) = (props.pledges.clone(), props.lang);
        let on_exported = actions.on_exported.clone();
        Callback::from(move |format: Format| {
            let delivered = deliver(
                format,
                "p2c-pledges",
                lang,
                &Params::new(),
                || pledges_table(&pledges),
                || {
                    let s = pledge_strings(lang);
                    let tick = |v: f64, unit: bool| {
                        let x = number(lang, Style::Compact, v);
                        if unit {
                            s.usd.replace("{x}", &x)
                        } else {
                            x
                        }
                    };
                    let text = SceneText {
                        title: s.title,
                        amount: &|usd| number(lang, Style::UsdCompact, usd),
                        tick: &tick,
                        date: &|d| date(lang, *d),
                        year: &|y| year(lang, y),
                        goal: s.goal,
                    };
                    pledges_scene(&pledges, lang, &text)
                },
            );
            on_exported.emit(delivered.is_ok());
        })
    };
    let s = strings(props.lang);
    let ps = pledge_strings(props.lang);
    let p = &props.pledges;
    let sources = p.sources.iter().map(|source| {
        let body = match source.url.as_deref().filter(|u| is_http_url(u)) {
            Some(url) => html! { <a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a> },
            None => html! { { source.title.clone() } },
        };
        html! { <li key={source.id.clone()}>{ format!("{}: ", source.id) }{ body }</li> }
    });
    let headline = html! {
        <Headline pledges={p.clone()} summary={summary.clone()} lang={props.lang}
            error={props.error.clone()} updated_at={props.updated_at}
            announcement={props.announcement.clone()} />
    };
    if props.presenter {
        return html! {
            <section class="slide pledges-slide">
                <div class="slide-head"><h2>{ ps.title }</h2></div>
                { headline }
            </section>
        };
    }
    html! {
        <>
            <div class="pledges-head">
                <h2>{ ps.title }</h2>
                <LangMenu id="p2c-lang" lang={props.lang} label={s.language} on_change={props.on_lang.clone()} />
            </div>
            if pre_rendered { <StaticNote lang={props.lang} /> }
            <Actions lang={props.lang} on_export={on_export}
                on_copy_link={actions.on_copy_link.clone()} status={actions.status.clone()} />
            { headline }
            <Timeline pledges={p.clone()} lang={props.lang} />
            <Breakdowns pledges={p.clone()} lang={props.lang} />
            <SdgRankingPanel pledges={p.clone()} lang={props.lang} sdg={props.sdg} />
            <details class="provenance" part="provenance">
                <summary>{ s.about_data }</summary>
                <div>
                    <p lang="en">{ p.provenance.basis.clone() }</p>
                    <p>{ format!("{}: ", s.compiled) }<span dir="ltr">{ p.provenance.compiled.clone() }</span></p>
                    if !p.provenance.left_out.is_empty() {
                        <h4>{ ps.not_included }</h4>
                        <ul lang="en">
                            for item in p.provenance.left_out.iter() { <li key={item.clone()}>{ item.clone() }</li> }
                        </ul>
                    }
                    for note in p.provenance.notes.iter() { <p key={note.clone()} lang="en">{ note.clone() }</p> }
                    <h4>{ s.sources }</h4>
                    <ul lang="en">{ for sources }</ul>
                </div>
            </details>
        </>
    }
}
