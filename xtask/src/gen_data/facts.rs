//! Reading `data-facts.md`: sections, tables, and the checks of the hand-coded tables against it.

use std::collections::BTreeMap;

use wsis_sdg_widgets::model::palette::SDG_COLOURS;

use super::*;
use crate::{Error, Result};

/// The text of `facts` from the heading `start` up to the heading `end`.
pub(super) fn section<'a>(facts: &'a str, start: &str, end: &str) -> Result<&'a str> {
    let from =
        facts.find(start).ok_or_else(|| Error::reference(format!("data-facts.md: no heading {start:?}")))?;
    let rest = facts.get(from..).unwrap_or("");
    let to = rest.find(end).ok_or_else(|| Error::reference(format!("data-facts.md: no heading {end:?}")))?;
    Ok(rest.get(..to).unwrap_or(""))
}

/// The cells of every markdown table row of `text` (without the empty cells outside the edges).
pub(super) fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter_map(|line| {
        let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
        Some(inner.split('|').map(str::trim).collect())
    })
}

/// The row of a table in `text` whose first cell is `first`.
pub(super) fn table_row<'a>(text: &'a str, first: &str) -> Option<Vec<&'a str>> {
    table_rows(text).find(|cells| cells.first() == Some(&first))
}

/// The first http(s) URL of a table cell, cut at white space.
pub(super) fn first_url(cell: &str) -> Option<&str> {
    let start = cell.find("http://").into_iter().chain(cell.find("https://")).min()?;
    let rest = cell.get(start..)?;
    rest.split_whitespace().next()
}

/// Checks the hand-coded tables against `data-facts.md`, so they cannot drift from it.
pub(super) fn check_tables(facts: &str) -> Result<()> {
    let colours = section(facts, "### 1.4", "### 1.5")?;
    for (i, colour) in SDG_COLOURS.iter().enumerate() {
        let row = table_row(colours, &(i + 1).to_string())
            .ok_or_else(|| Error::reference(format!("§1.4: no row for SDG {}", i + 1)))?;
        if row.get(3) != Some(colour) {
            return Err(Error::reference(format!(
                "§1.4: SDG {} colour is {:?}, not {colour}",
                i + 1,
                row.get(3)
            )));
        }
    }
    let source_list = section(facts, "## 4.", "## 5.")?;
    for (id, title, url) in SOURCES {
        let row =
            table_row(source_list, id).ok_or_else(|| Error::reference(format!("§4: no row for {id}")))?;
        let address = row.get(1).copied().unwrap_or("");
        let kind = row.get(2).copied().unwrap_or("");
        let url_ok = match id {
            "S4" => url == S4_URL && address.contains("`uwidcit/WSIS-SDG-Matrix`"),
            "S31" => url == S4_URL && address.starts_with("S4 file"),
            _ => first_url(address) == Some(url),
        };
        if !url_ok {
            return Err(Error::reference(format!("§4: {url} is not the first URL of {id} ({address:?})")));
        }
        if !title.starts_with(kind) {
            return Err(Error::reference(format!(
                "§4: the title of {id} should start with its Type {kind:?}"
            )));
        }
    }
    let facilitators = section(facts, "### 1.3", "### 1.4")?;
    for f in &FACILITATORS {
        let csv_name = rows()
            .find(|(id, _)| *id == f.id)
            .map(|(_, n)| n)
            .ok_or_else(|| Error::reference(format!("§1.3: unknown row {}", f.id)))?;
        let row = table_row(facilitators, csv_name)
            .ok_or_else(|| Error::reference(format!("§1.3: no row for {csv_name}")))?;
        let lead = row.get(1).copied().unwrap_or("");
        let co = row.get(2).copied().unwrap_or("");
        let evidence = row.get(3).copied().unwrap_or("");
        if let Some(name) = f.lead.iter().find(|name| !lead.contains(*name)) {
            return Err(Error::reference(format!("§1.3 {csv_name}: lead {name} is not in {lead:?}")));
        }
        if let Some(name) = f.co.iter().find(|name| !co.contains(*name)) {
            return Err(Error::reference(format!("§1.3 {csv_name}: co-facilitator {name} is not in {co:?}")));
        }
        // S9 (ITU's self-description) is quoted above the table and holds for every line ITU co-facilitates.
        let tags = source_tags(evidence);
        if let Some(tag) = f.sources.iter().find(|t| **t != "S9" && !tags.iter().any(|x| x == *t)) {
            return Err(Error::reference(format!(
                "§1.3 {csv_name}: evidence tag {tag} is not in {evidence:?}"
            )));
        }
    }
    Ok(())
}

/// §1.5 "The 10 non-unanimous cells": (row id, SDG) → Reading column, verbatim.
pub(super) fn readings(facts: &str) -> Result<BTreeMap<(&'static str, u8), String>> {
    let mut out = BTreeMap::new();
    for cells in table_rows(section(facts, "### 1.5", "### 1.6")?) {
        let (Some(cell), Some(reading)) = (cells.first(), cells.get(4)) else { continue };
        let Some((line_name, sdg)) = cell.split_once(" × SDG ") else { continue };
        let Ok(sdg) = sdg.parse::<u8>() else { continue };
        let csv_name =
            if line_name.starts_with("e-") { format!("C7 {line_name}") } else { line_name.to_owned() };
        let id = row_of(&csv_name)
            .ok_or_else(|| Error::reference(format!("§1.5: unknown action line {line_name:?}")))?;
        out.insert((id, sdg), (*reading).to_owned());
    }
    if out.len() != 10 {
        return Err(Error::reference(format!("§1.5: expected 10 non-unanimous cells, found {}", out.len())));
    }
    Ok(out)
}
