//! What a widget tells its host page. One type for every widget; `embed` turns each value
//! into one DOM `CustomEvent` (bubbling, composed), in one place.

#![warn(missing_docs)]

use std::rc::Rc;

use crate::model::url_state::Params;
use crate::model::Lang;

/// A widget's news for the host page; each variant is one DOM event (see [`WidgetEvent::name`]).
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The matrix and its SDG texts loaded: `wsis-ready { links }`.
    MatrixReady {
        /// How many linked cells the matrix has.
        links: usize,
    },
    /// The forum file, matrix and SDG texts loaded: `wsis-ready { sessions }`.
    ForumReady {
        /// How many sessions the forum file has.
        sessions: usize,
    },
    /// The pledge file loaded: `p2c-ready { totalUsd }`.
    PledgesReady {
        /// The latest total pledged, in US dollars.
        total_usd: f64,
    },
    /// A newer pledge file changed the total: `p2c-update { totalUsd, previousUsd }`.
    PledgesUpdate {
        /// The new total, in US dollars.
        total_usd: f64,
        /// The total shown before.
        previous_usd: f64,
    },
    /// A file failed to load or validate, or the widget has no `src`: `wsis-error { message }`;
    /// the message names the file and the JSON path.
    Error {
        /// The fault in words, with the file and JSON path.
        message: String,
    },
    /// The reader opened a cell: `wsis-select { actionLine, sdg }`.
    Select {
        /// The cell's Action Line id (`C3`, `e-gov`, …).
        action_line: String,
        /// The cell's SDG number, 1–17.
        sdg: u8,
    },
    /// The reader picked another language: `wsis-language-change { lang }`.
    LanguageChange {
        /// The language picked.
        lang: Lang,
    },
    /// The view changed; the parameters describe it for the page URL: `wsis-state { state }`.
    State {
        /// The view as link parameters (`model::url_state`).
        params: Rc<Params>,
    },
}

/// A value of an event's `detail` object.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailValue<'e> {
    /// A number.
    Number(f64),
    /// A text.
    Text(&'e str),
    /// `[[key, value], …]`, ready for `new URLSearchParams(…)`.
    Pairs(&'e Params),
}

impl WidgetEvent {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::MatrixReady { .. } | WidgetEvent::ForumReady { .. } => "wsis-ready",
            WidgetEvent::PledgesReady { .. } => "p2c-ready",
            WidgetEvent::PledgesUpdate { .. } => "p2c-update",
            WidgetEvent::Error { .. } => "wsis-error",
            WidgetEvent::Select { .. } => "wsis-select",
            WidgetEvent::LanguageChange { .. } => "wsis-language-change",
            WidgetEvent::State { .. } => "wsis-state",
        }
    }

    /// The fields of the DOM event's `detail`.
    pub fn detail(&self) -> Vec<(&'static str, DetailValue<'_>)> {
        use DetailValue::{Number, Pairs, Text};
        match self {
            WidgetEvent::MatrixReady { links } => vec![("links", Number(*links as f64))],
            WidgetEvent::ForumReady { sessions } => vec![("sessions", Number(*sessions as f64))],
            WidgetEvent::PledgesReady { total_usd } => vec![("totalUsd", Number(*total_usd))],
            WidgetEvent::PledgesUpdate { total_usd, previous_usd } => {
                vec![("totalUsd", Number(*total_usd)), ("previousUsd", Number(*previous_usd))]
            }
            WidgetEvent::Error { message } => vec![("message", Text(message))],
            WidgetEvent::Select { action_line, sdg } => {
                vec![("actionLine", Text(action_line)), ("sdg", Number(f64::from(*sdg)))]
            }
            WidgetEvent::LanguageChange { lang } => vec![("lang", Text(lang.code()))],
            WidgetEvent::State { params } => vec![("state", Pairs(params))],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_details_match_the_documented_events() {
        let select = WidgetEvent::Select { action_line: "C3".into(), sdg: 4 };
        assert_eq!(select.name(), "wsis-select");
        assert_eq!(
            select.detail(),
            vec![("actionLine", DetailValue::Text("C3")), ("sdg", DetailValue::Number(4.0))]
        );
        let update = WidgetEvent::PledgesUpdate { total_usd: 2.0, previous_usd: 1.0 };
        assert_eq!(update.name(), "p2c-update");
        assert_eq!(update.detail().len(), 2);
        assert_eq!(WidgetEvent::ForumReady { sessions: 99 }.name(), "wsis-ready");
    }
}
