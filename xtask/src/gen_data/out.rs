//! The files written (serde structs in output order) and the reference files read.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

#[derive(Serialize)]
pub(super) struct MatrixFile {
    #[serde(rename = "$schema")]
    pub(super) schema: &'static str,
    pub(super) format: u32,
    pub(super) action_lines: Vec<ActionLineOut>,
    pub(super) groups: Vec<GroupOut>,
    pub(super) links: Vec<LinkOut>,
    pub(super) sources: Vec<SourceOut>,
    pub(super) provenance: ProvenanceOut,
}

#[derive(Serialize)]
pub(super) struct ActionLineOut {
    pub(super) id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) group: Option<&'static str>,
    pub(super) title: Ordered,
    pub(super) title_sources: Ordered,
    pub(super) lead: &'static [&'static str],
    pub(super) co: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) facilitator_note: Option<&'static str>,
    pub(super) sources: &'static [&'static str],
}

#[derive(Serialize)]
pub(super) struct GroupOut {
    pub(super) id: &'static str,
    pub(super) title: Ordered,
    pub(super) title_sources: Ordered,
}

#[derive(Serialize)]
pub(super) struct LinkOut {
    pub(super) action_line: &'static str,
    pub(super) sdg: u8,
    pub(super) targets: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) rationale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    pub(super) agreement: &'static str,
    /// §1.5 "Reading" of a cell only two encodings have (the widget shows it next to "majority").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) agreement_note: Option<String>,
    pub(super) encodings: Vec<&'static str>,
}

#[derive(Serialize)]
pub(super) struct SourceOut {
    pub(super) id: &'static str,
    pub(super) title: &'static str,
    pub(super) url: &'static str,
}

#[derive(Serialize)]
pub(super) struct LeftOutOut {
    pub(super) action_line: &'static str,
    pub(super) sdg: u8,
    pub(super) encodings: Vec<&'static str>,
    pub(super) reason: String,
}

#[derive(Serialize)]
pub(super) struct ProvenanceOut {
    pub(super) compiled: &'static str,
    pub(super) basis: &'static str,
    pub(super) rationale_note: &'static str,
    pub(super) left_out: Vec<LeftOutOut>,
    pub(super) translations: String,
    pub(super) sources: [&'static str; 3],
    pub(super) notes: [&'static str; 6],
}

#[derive(Serialize)]
pub(super) struct SdgFile {
    #[serde(rename = "$schema")]
    pub(super) schema: &'static str,
    pub(super) lang: String,
    pub(super) source: String,
    pub(super) licence: &'static str,
    pub(super) colour_source: &'static str,
    pub(super) goals: Vec<GoalOut>,
    pub(super) targets: Ordered,
}

#[derive(Serialize)]
pub(super) struct GoalOut {
    pub(super) sdg: u8,
    pub(super) colour: &'static str,
    pub(super) short: String,
    pub(super) title: String,
}

/// A JSON object whose keys keep the order they were read or given in.
#[derive(Default)]
pub(super) struct Ordered(pub(super) Vec<(String, String)>);

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> std::result::Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = access.next_entry::<String, String>()? {
                    entries.push((k, v));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

/// `sdg-i18n/sdg-<lang>.json` in the reference.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RefSdg {
    pub(super) lang: String,
    pub(super) source: String,
    pub(super) goals: Vec<RefGoal>,
    pub(super) targets: Ordered,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RefGoal {
    pub(super) sdg: u8,
    pub(super) short: String,
    pub(super) title: String,
}

// ---------------------------------------------------------------------------------------------
// Reading the reference.
