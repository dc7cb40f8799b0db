//! The session spreadsheet as the desk edits it: cells, and the list columns chosen from the
//! model's ids.

use serde::{Deserialize, Serialize};

use crate::model::forum_csv;

/// A spreadsheet as cells: its header and its rows, every row as long as the header. What the
/// desk edits and what [`Sheet::write`] gives back as CSV (the file `import-forum` reads).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// A spreadsheet's text as cells. Forgiving: rows shorter than the header are padded and
    /// longer ones keep their extra cells under unnamed columns, so a bad file can be fixed
    /// here rather than refused; the import reports what is wrong.
    pub fn parse(text: &str) -> Sheet {
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut records = reader
            .records()
            .map_while(Result::ok)
            .map(|r| r.iter().map(str::to_owned).collect::<Vec<String>>());
        let mut header = records.next().unwrap_or_default();
        let mut rows: Vec<Vec<String>> = records.collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(header.len());
        header.resize(width, String::new());
        for row in &mut rows {
            row.resize(width, String::new());
        }
        Sheet { header, rows }
    }

    /// A spreadsheet with the import's columns and no rows.
    pub fn blank() -> Sheet {
        Sheet::parse(forum_csv::HEADER)
    }

    /// The CSV text: fields quoted only where needed, `\n` line ends, UTF-8 without a
    /// byte-order mark (what `import-forum` reads, row for row the cells shown).
    pub fn write(&self) -> String {
        let mut out = String::new();
        for record in std::iter::once(&self.header).chain(&self.rows) {
            for (i, cell) in record.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let quote =
                    cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ');
                if quote {
                    out.push('"');
                    out.push_str(&cell.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(cell);
                }
            }
            // A lone empty field would read as an empty line, which CSV readers skip.
            if record.len() == 1 && record.first().is_some_and(String::is_empty) {
                out.push_str("\"\"");
            }
            out.push('\n');
        }
        out
    }

    /// The column of `name` in this sheet's header, as the import finds it (trimmed).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim() == name)
    }
}

/// A spreadsheet column whose cells are lists chosen from the model's ids, not typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListColumn {
    /// `action_lines`: the Action Lines as spreadsheets name them (`C5`, `C7 e-health`).
    ActionLines,
    /// `sdgs`: the goals 1–17.
    Sdgs,
}

impl ListColumn {
    /// The list column a header names, if it is one.
    pub fn of(header: &str) -> Option<ListColumn> {
        match header.trim() {
            "action_lines" => Some(ListColumn::ActionLines),
            "sdgs" => Some(ListColumn::Sdgs),
            _ => None,
        }
    }

    /// Every choice, in the matrix's order.
    pub fn choices(self) -> Vec<String> {
        match self {
            ListColumn::ActionLines => {
                forum_csv::action_line_names().into_iter().map(str::to_owned).collect()
            }
            ListColumn::Sdgs => (1..=17u8).map(|n| n.to_string()).collect(),
        }
    }

    /// An entry as the choices name it, if it is one of them (`e-hea` is `C7 e-health`).
    fn canonical(self, entry: &str) -> Option<String> {
        match self {
            ListColumn::ActionLines => {
                let id = forum_csv::action_line_id(entry)?;
                let names = forum_csv::action_line_names();
                let at = crate::model::matrix::ACTION_LINE_IDS.iter().position(|i| *i == id)?;
                names.get(at).map(|n| (*n).to_owned())
            }
            ListColumn::Sdgs => match entry.trim().parse::<u8>() {
                Ok(n) if (1..=17).contains(&n) => Some(n.to_string()),
                _ => None,
            },
        }
    }

    /// The cell's entries that are choices, as the choices name them.
    pub fn chosen(self, cell: &str) -> Vec<String> {
        forum_csv::list(cell).iter().filter_map(|e| self.canonical(e)).collect()
    }

    /// The cell with `choice` ticked or unticked: the chosen entries in the choices' order,
    /// `;`-joined. Entries that are no choice are dropped (choosing from the list fixes them).
    pub fn toggle(self, cell: &str, choice: &str, on: bool) -> String {
        let mut chosen = self.chosen(cell);
        chosen.retain(|c| c != choice);
        if on {
            chosen.push(choice.to_owned());
        }
        let choices = self.choices();
        choices.into_iter().filter(|c| chosen.contains(c)).collect::<Vec<_>>().join(";")
    }
}
