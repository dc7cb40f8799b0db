//! What the reader sees, as files: CSV for spreadsheets, JSON for programs, and file names
//! that say what they hold.

mod forum;
mod matrix;
mod pledges;

pub use forum::{forum_scene, forum_table};
pub use matrix::{matrix_scene, matrix_table};
pub use pledges::{pledges_scene, pledges_table, SceneText};

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::model::Lang;

/// Rows of the current view. Column names are stable machine keys (the same in every
/// language), so exports from two languages can be compared or merged.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

/// Text of one cell: strings as they are, lists joined with `"; "`, absent values empty.
pub fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// One CSV field: RFC 4180 quoting, and a leading `'` on text a spreadsheet would run as a
/// formula (`= + - @`, and tab or carriage return, which some spreadsheets strip first).
fn csv_field(text: &str, out: &mut String) {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || text.contains(['"', ',', '\n', '\r', ';']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// UTF-8 with a byte-order mark (so Excel reads accents, Arabic and Chinese right),
/// CRLF line ends, a header row of column keys.
pub fn to_csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&cell, &mut out);
        }
        out.push_str("\r\n");
    };
    line(&mut table.columns.iter().map(|c| (*c).to_owned()));
    for row in &table.rows {
        line(&mut row.iter().map(cell_text));
    }
    out
}

/// `{ "widget", "lang", "exported", "filters": {…}, "rows": [{…}] }`, keys of each row in
/// column order (written by serde_json, through the borrowed views below, so nothing is
/// copied into a map that would sort the keys).
pub fn to_json(widget: &str, lang: Lang, date: &str, filters: &[(&str, String)], table: &Table) -> String {
    let export =
        JsonExport { widget, lang: lang.code(), exported: date, filters: Pairs(filters), rows: Rows(table) };
    // Serializing borrowed strings and `Value`s cannot fail; an empty file would say so anyway.
    serde_json::to_string_pretty(&export).map(|text| text + "\n").unwrap_or_default()
}

#[derive(Serialize)]
struct JsonExport<'a> {
    widget: &'a str,
    lang: &'a str,
    exported: &'a str,
    filters: Pairs<'a>,
    rows: Rows<'a>,
}

/// `(key, value)` pairs as one JSON object, in their order.
struct Pairs<'a>(&'a [(&'a str, String)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The table's rows, each an object keyed by the column names, in column order.
struct Rows<'a>(&'a Table);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            rows.serialize_element(&Row { columns: &self.0.columns, values: row })?;
        }
        rows.end()
    }
}

struct Row<'a> {
    columns: &'a [&'static str],
    values: &'a [Value],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (key, value) in self.columns.iter().zip(self.values) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// `wsis-sdg-matrix_C5_fr_2026-11-23.csv`: widget, what the view is narrowed to, language,
/// date. Parts are cut to letters, digits, `.` and `-`, so any value is a safe name.
pub fn file_name(widget: &str, parts: &[String], lang: Lang, date: &str, extension: &str) -> String {
    let clean = |s: &str| -> String {
        let mapped: String = s
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' })
            .collect();
        mapped.trim_matches('-').chars().take(40).collect()
    };
    let mut name = clean(widget);
    for part in parts.iter().map(|p| clean(p)).filter(|p| !p.is_empty()) {
        name.push('_');
        name.push_str(&part);
    }
    format!("{name}_{}_{}.{extension}", lang.code(), clean(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table() -> Table {
        Table {
            columns: vec!["id", "title", "n", "tags"],
            rows: vec![
                vec![json!("C5"), json!("Say \"hi\", then\nleave"), json!(3), json!(["a", "b"])],
                vec![json!("=1+1"), json!("-2"), Value::Null, json!("@x")],
            ],
        }
    }

    #[test]
    fn csv_quotes_as_rfc_4180_and_starts_with_a_bom() {
        let csv = to_csv(&table());
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.first(), Some(&"id,title,n,tags"));
        assert_eq!(lines.get(1), Some(&"C5,\"Say \"\"hi\"\", then\nleave\",3,\"a; b\""));
    }

    #[test]
    fn csv_defuses_formulas() {
        let csv = to_csv(&table());
        assert!(csv.contains("\"'=1+1\",\"'-2\",,\"'@x\"\r\n"), "{csv}");
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let text = to_json("w", Lang::Fr, "2026-11-23", &[("sdg", "9".into())], &table());
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(value["filters"]["sdg"], "9");
        assert_eq!(value["rows"][0]["n"], 3);
        assert_eq!(value["rows"][0]["tags"][1], "b");
        assert!(text.find("\"id\"") < text.find("\"title\""));
        let empty = to_json("w", Lang::En, "d", &[], &Table::default());
        assert!(serde_json::from_str::<Value>(&empty).is_ok(), "{empty}");
    }

    #[test]
    fn file_names_say_what_they_hold() {
        let name = file_name(
            "wsis-sdg-matrix",
            &["C5".into(), "".into(), "9.c".into()],
            Lang::Fr,
            "2026-11-23",
            "csv",
        );
        assert_eq!(name, "wsis-sdg-matrix_C5_9.c_fr_2026-11-23.csv");
        let odd = file_name("w", &["../a b/<x>".into()], Lang::Ar, "2026-11-23", "png");
        assert_eq!(odd, "w_..-a-b--x_ar_2026-11-23.png");
    }
}
