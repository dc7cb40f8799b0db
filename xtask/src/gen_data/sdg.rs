//! `data/sdg/sdg-<lang>.json` from the reference translations.

use std::path::Path;

use wsis_sdg_widgets::model::palette::SDG_COLOURS;
use wsis_sdg_widgets::model::sdg::TARGET_IDS;

use super::*;
use crate::{Error, Result};

pub(super) fn sdg_file(reference: &Path, lang: &str) -> Result<String> {
    let name = format!("sdg-i18n/sdg-{lang}.json");
    let doc: RefSdg =
        serde_json::from_str(&read(&reference.join(&name))?).map_err(|e| Error::parse(&name, e))?;
    if doc.lang != lang {
        return Err(Error::reference(format!("{name}: lang is {:?}", doc.lang)));
    }
    if doc.goals.len() != 17 || doc.goals.iter().enumerate().any(|(i, g)| usize::from(g.sdg) != i + 1) {
        return Err(Error::reference(format!("{name}: goals are not SDG 1–17 in order")));
    }
    if doc.targets.0.len() != 169 {
        return Err(Error::reference(format!("{name}: {} targets, expected 169", doc.targets.0.len())));
    }
    if let Some((bad, _)) = doc.targets.0.iter().find(|(id, _)| !TARGET_IDS.contains(&id.as_str())) {
        return Err(Error::reference(format!("{name}: bad target id {bad:?}")));
    }
    let goals = doc
        .goals
        .into_iter()
        .zip(SDG_COLOURS)
        .map(|(g, colour)| GoalOut { sdg: g.sdg, colour, short: g.short, title: g.title })
        .collect();
    pretty(&SdgFile {
        schema: "../schema/sdg.schema.json",
        lang: doc.lang,
        source: doc.source,
        licence: LICENCE,
        colour_source: COLOUR_SOURCE,
        goals,
        targets: doc.targets,
    })
}
