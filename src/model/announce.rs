//! Announcing a pledge on stage: the one rule `cargo xtask announce` and the data desk's announce
//! form both run. The operator's fields are read strictly ([`read`], [`parse_usd`],
//! [`parse_count`]); [`apply`] appends the announcement to the pledge file's text and raises the
//! running total in that day's milestone, with the day's figures and sources. Pure: the command
//! keeps the lock and the atomic write, the desk the undo step.

use std::fmt;

use serde_json::{json, Map, Value};

use super::date::Date;
use super::error::Errors;
use super::pledges::Pledges;
use super::write::write_json;

/// A pledge announced on stage, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub usd: f64,
    pub pledger: String,
    pub event: String,
    pub date: Date,
    /// The day's figures as announced, set on its milestone (exact counts).
    pub pledges: Option<u64>,
    pub entities: Option<u64>,
    pub countries: Option<u64>,
    /// Ids of the file's sources, cited by the announcement and by the milestone.
    pub sources: Vec<String>,
}

/// What the operator typed, as text (the command's flags, the form's fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub date: String,
    pub event: String,
    pub pledger: String,
    pub usd: String,
    pub pledges: String,
    pub entities: String,
    pub countries: String,
    pub sources: Vec<String>,
}

/// One field of a [`Draft`], in the order faults are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Usd,
    Pledger,
    Event,
    Date,
    Pledges,
    Entities,
    Countries,
}

impl Field {
    /// The command's flag for it (`usd` for `--usd`).
    pub fn flag(self) -> &'static str {
        match self {
            Field::Usd => "usd",
            Field::Pledger => "pledger",
            Field::Event => "event",
            Field::Date => "date",
            Field::Pledges => "pledges",
            Field::Entities => "entities",
            Field::Countries => "countries",
        }
    }
}

/// Why a field was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Empty (or only spaces) where a value is needed.
    Missing,
    /// Not `YYYY-MM-DD` (or `YYYY-MM`), or a day the month does not have.
    NotADate(String),
    /// Not an amount as [`parse_usd`] reads one.
    NotAnAmount(String),
    /// An amount of zero or less.
    NotPositive(String),
    /// Not a whole number as [`parse_count`] reads one.
    NotACount(String),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Missing => write!(f, "is missing"),
            FieldError::NotADate(text) => write!(f, "{text:?} is not a date (YYYY-MM-DD)"),
            FieldError::NotAnAmount(text) => write!(
                f,
                "{text:?} is not an amount: write 1.2e9, 1200000000 or 1,200,000,000 \
                 (a comma or _ only between groups of three digits, a point for decimals)"
            ),
            FieldError::NotPositive(text) => {
                write!(f, "must be a positive amount in US dollars, not {text}")
            }
            FieldError::NotACount(text) => {
                write!(f, "{text:?} is not a whole number: write 1200 or 1,200")
            }
        }
    }
}

/// `text` without its `,` or `_` group separators, when they only come between groups of three
/// digits (before any decimal point); `None` when one is anywhere else.
fn ungrouped(text: &str) -> Option<String> {
    if !text.contains([',', '_']) {
        return Some(text.to_owned());
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut groups = whole.split([',', '_']);
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok && fraction.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.replace([',', '_'], ""))
}

/// An amount in US dollars, read strictly: `1.2e9`, `1200000000`, or with `,` or `_` between
/// groups of three digits (`1,200,000,000`). Anything else is refused, never guessed: `1,5e9`
/// (a decimal comma) is not 15e9.
pub fn parse_usd(text: &str) -> Result<f64, FieldError> {
    let not_a_number = || FieldError::NotAnAmount(text.to_owned());
    let plain = ungrouped(text).ok_or_else(not_a_number)?;
    let valid_chars =
        plain.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    let amount: f64 = plain.parse().ok().filter(|_| valid_chars).ok_or_else(not_a_number)?;
    if !amount.is_finite() || amount <= 0.0 {
        return Err(FieldError::NotPositive(text.to_owned()));
    }
    Ok(amount)
}

/// A count (pledges, entities, countries), read as strictly as amounts: digits only, with `,`
/// or `_` only between groups of three (`1200`, `1,200`).
pub fn parse_count(text: &str) -> Result<u64, FieldError> {
    let not_a_count = || FieldError::NotACount(text.to_owned());
    let plain = ungrouped(text).filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    plain.and_then(|p| p.parse().ok()).ok_or_else(not_a_count)
}

/// The value, or `None` with its fault noted.
fn kept<T>(faults: &mut Vec<(Field, FieldError)>, field: Field, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| faults.push((field, e))).ok()
}

/// Reads the operator's fields: every fault at once, each with its field (in [`Field`]'s
/// order). The pledger and event are trimmed; a count left empty is not given.
pub fn read(draft: &Draft) -> Result<Announcement, Vec<(Field, FieldError)>> {
    let mut faults = Vec::new();
    let usd = match draft.usd.as_str() {
        "" => Err(FieldError::Missing),
        text => parse_usd(text),
    };
    let mut needed = |field, text: &str| {
        let text = text.trim();
        if text.is_empty() {
            faults.push((field, FieldError::Missing));
        }
        text.to_owned()
    };
    let (pledger, event) = (needed(Field::Pledger, &draft.pledger), needed(Field::Event, &draft.event));
    let date = match draft.date.as_str() {
        "" => Err(FieldError::Missing),
        text => Date::parse(text).ok_or_else(|| FieldError::NotADate(text.to_owned())),
    };
    let count = |text: &str| match text.trim() {
        "" => Ok(None),
        text => parse_count(text).map(Some),
    };
    let (pledges, entities, countries) =
        (count(&draft.pledges), count(&draft.entities), count(&draft.countries));
    let usd = kept(&mut faults, Field::Usd, usd);
    let date = kept(&mut faults, Field::Date, date);
    let pledges = kept(&mut faults, Field::Pledges, pledges);
    let entities = kept(&mut faults, Field::Entities, entities);
    let countries = kept(&mut faults, Field::Countries, countries);
    let order =
        |f: &Field| [Field::Usd, Field::Pledger, Field::Event, Field::Date].iter().position(|o| o == f);
    faults.sort_by_key(|(f, _)| order(f).unwrap_or(usize::MAX));
    match (usd, date, pledges, entities, countries) {
        (Some(usd), Some(date), Some(pledges), Some(entities), Some(countries)) if faults.is_empty() => {
            let mut sources: Vec<String> = Vec::with_capacity(draft.sources.len());
            for id in &draft.sources {
                if !sources.contains(id) {
                    sources.push(id.clone());
                }
            }
            Ok(Announcement { usd, pledger, event, date, pledges, entities, countries, sources })
        }
        _ => Err(faults),
    }
}

/// What an announcement does to the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Applied {
    /// The file's new text.
    Changed(String),
    /// The same announcement (date, pledger, event, amount) is already recorded: run twice by
    /// mistake, or retried after a failure that had in fact written it.
    AlreadyThere,
}

/// Why an announcement cannot be applied to a file.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnounceError {
    /// The text is not JSON (serde_json's message).
    NotJson(String),
    /// The top level is not an object.
    NotAnObject,
    NoMilestones,
    /// No milestone has a USD total to add the amount to.
    NoTotal,
    AnnouncementsNotAList,
    /// A cited source id the file's `sources` list does not have.
    UnknownSource {
        id: String,
        known: Vec<String>,
    },
    /// The file with the announcement is one the widgets would refuse (a date before the last
    /// milestone, …): every fault, by the pledge file's own validator.
    Refused(Errors),
}

impl fmt::Display for AnnounceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnnounceError::NotJson(message) => write!(f, "{message}"),
            AnnounceError::NotAnObject => write!(f, "not a JSON object"),
            AnnounceError::NoMilestones => write!(f, "no milestones list"),
            AnnounceError::NoTotal => write!(f, "no milestone with a USD total to add to"),
            AnnounceError::AnnouncementsNotAList => write!(f, "announcements is not a list"),
            AnnounceError::UnknownSource { id, known } if known.is_empty() => {
                write!(f, "source {id:?} is not in the file, which lists no sources: add it first")
            }
            AnnounceError::UnknownSource { id, known } => write!(
                f,
                "source {id:?} is not in the file's sources ({}): add it there first",
                known.join(", ")
            ),
            AnnounceError::Refused(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "{}", lines.join("\n"))
            }
        }
    }
}

/// Is this announcement (date, pledger, event, amount) already in the file?
pub fn already_announced(doc: &Value, a: &Announcement) -> bool {
    let date = a.date.to_string();
    let list = doc.get("announcements").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    list.iter().any(|m| {
        m.get("date").and_then(Value::as_str) == Some(date.as_str())
            && m.get("pledger").and_then(Value::as_str) == Some(a.pledger.as_str())
            && m.get("event").and_then(Value::as_str) == Some(a.event.as_str())
            && m.get("usd").and_then(Value::as_f64) == Some(a.usd)
    })
}

/// An amount as the file writes them: a whole number of dollars without a decimal point
/// (`83200000000`, not serde_json's `83200000000.0` for an `f64`), a fraction as it is.
fn amount(usd: f64) -> Value {
    // Below 2^53 every whole f64 is exactly a u64.
    if usd.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&usd) {
        json!(usd as u64)
    } else {
        json!(usd)
    }
}

/// A milestone's keys in the schema's order: a milestone given new figures keeps that order.
const MILESTONE_KEYS: [&str; 11] = [
    "date",
    "event",
    "usd",
    "usd_qualifier",
    "pledges",
    "pledges_qualifier",
    "entities",
    "entities_qualifier",
    "countries",
    "countries_qualifier",
    "sources",
];

/// `m` with its keys in [`MILESTONE_KEYS`] order (any other key after them, as it was).
fn in_schema_order(m: Map<String, Value>) -> Map<String, Value> {
    let mut rest = m;
    let mut out = Map::new();
    for key in MILESTONE_KEYS {
        if let Some(value) = rest.remove(key) {
            out.insert(key.to_owned(), value);
        }
    }
    out.extend(rest);
    out
}

/// The file's new text: the announcement appended, and a milestone for the day with the total
/// raised by the amount (an existing last milestone of the same day and event is updated
/// instead), the figures given set on it (as exact counts) and the sources cited added to its
/// own. `file` names the file in the validator's messages.
pub fn apply(file: &str, text: &str, a: &Announcement) -> Result<Applied, AnnounceError> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| AnnounceError::NotJson(e.to_string()))?;
    if already_announced(&doc, a) {
        return Ok(Applied::AlreadyThere);
    }
    let known: Vec<String> = (doc.get("sources").and_then(Value::as_array).map_or(&[][..], Vec::as_slice))
        .iter()
        .filter_map(|s| s.get("id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    if let Some(id) = a.sources.iter().find(|id| !known.contains(id)) {
        return Err(AnnounceError::UnknownSource { id: id.clone(), known });
    }
    let date = a.date.to_string();
    let milestones =
        doc.get_mut("milestones").and_then(Value::as_array_mut).ok_or(AnnounceError::NoMilestones)?;
    let last = milestones
        .iter()
        .rev()
        .find(|m| m.get("usd").and_then(Value::as_f64).is_some())
        .cloned()
        .ok_or(AnnounceError::NoTotal)?;
    let previous = last.get("usd").and_then(Value::as_f64).unwrap_or(0.0);
    let total = (previous + a.usd).round();
    let same = milestones.last_mut().and_then(Value::as_object_mut).filter(|m| {
        m.get("date").and_then(Value::as_str) == Some(date.as_str())
            && m.get("event").and_then(Value::as_str) == Some(a.event.as_str())
    });
    let mut m = match same {
        Some(m) => std::mem::take(m),
        None => {
            let mut m = Map::new();
            m.insert("date".into(), json!(date));
            m.insert("event".into(), json!(a.event));
            if let Some(q) = last.get("usd_qualifier") {
                m.insert("usd_qualifier".into(), q.clone());
            }
            milestones.push(Value::Object(Map::new()));
            m
        }
    };
    m.insert("usd".into(), amount(total));
    for (key, figure) in [("pledges", a.pledges), ("entities", a.entities), ("countries", a.countries)] {
        if let Some(n) = figure {
            m.insert(key.into(), json!(n));
            m.remove(&format!("{key}_qualifier"));
        }
    }
    if !a.sources.is_empty() {
        let cited = m.entry("sources").or_insert_with(|| json!([]));
        if let Some(cited) = cited.as_array_mut() {
            for id in &a.sources {
                if !cited.iter().any(|c| c.as_str() == Some(id)) {
                    cited.push(json!(id));
                }
            }
        }
    }
    if let Some(slot) = milestones.last_mut() {
        *slot = Value::Object(in_schema_order(m));
    }
    let announcements = doc
        .as_object_mut()
        .ok_or(AnnounceError::NotAnObject)?
        .entry("announcements")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or(AnnounceError::AnnouncementsNotAList)?;
    let mut entry = Map::new();
    entry.insert("date".into(), json!(date));
    entry.insert("usd".into(), amount(a.usd));
    entry.insert("pledger".into(), json!(a.pledger));
    entry.insert("event".into(), json!(a.event));
    if !a.sources.is_empty() {
        entry.insert("sources".into(), json!(a.sources));
    }
    announcements.push(Value::Object(entry));
    let out = write_json(&doc);
    // Never a file the widgets would refuse.
    Pledges::from_json_all_errors(file, &out).map_err(AnnounceError::Refused)?;
    Ok(Applied::Changed(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../data/p2c-pledges.json");

    fn draft(usd: &str, pledger: &str, event: &str, date: &str) -> Draft {
        Draft {
            usd: usd.into(),
            pledger: pledger.into(),
            event: event.into(),
            date: date.into(),
            ..Draft::default()
        }
    }

    fn changed(applied: Applied) -> String {
        match applied {
            Applied::Changed(text) => text,
            Applied::AlreadyThere => panic!("not applied"),
        }
    }

    #[test]
    fn usd_is_read_strictly() {
        for (text, value) in
            [("1.2e9", 1.2e9), ("1200000000", 1.2e9), ("1,200,000,000", 1.2e9), ("1_500_000.5", 1_500_000.5)]
        {
            assert_eq!(parse_usd(text).unwrap(), value, "{text}");
        }
        for bad in ["1,5e9", "1,5", "12,00,000", "1,2345", "0x10", "inf", "NaN", "1e9 ", ",100", "1.5,000"] {
            assert!(parse_usd(bad).is_err(), "{bad} was accepted");
        }
        assert_eq!(parse_usd("1,5e9"), Err(FieldError::NotAnAmount("1,5e9".into())));
        assert_eq!(parse_usd("-5"), Err(FieldError::NotPositive("-5".into())));
        assert!(parse_usd("1,5e9").unwrap_err().to_string().starts_with("\"1,5e9\" is not an amount"));
    }

    #[test]
    fn counts_are_read_strictly() {
        for (text, value) in [("1200", 1200), ("1,200", 1200), ("0", 0), ("1_000_000", 1_000_000)] {
            assert_eq!(parse_count(text).unwrap(), value, "{text}");
        }
        for bad in ["", "1.5", "-3", "1,2", "12,00", "1e3", "lots", "+4", "99999999999999999999999"] {
            assert_eq!(parse_count(bad), Err(FieldError::NotACount(bad.into())), "{bad}");
        }
    }

    #[test]
    fn every_fault_of_a_draft_at_once_in_field_order() {
        let d = Draft { pledges: "1.5".into(), ..draft("", " ", "E", "2026-02-30") };
        let faults = read(&d).unwrap_err();
        assert_eq!(
            faults,
            [
                (Field::Usd, FieldError::Missing),
                (Field::Pledger, FieldError::Missing),
                (Field::Date, FieldError::NotADate("2026-02-30".into())),
                (Field::Pledges, FieldError::NotACount("1.5".into())),
            ]
        );
        let mut d = draft("1,200,000", " P ", " E ", "2026-11-23");
        d.countries = "150".into();
        d.sources = vec!["S97".into(), "S97".into(), "S98".into()];
        let a = read(&d).unwrap();
        assert_eq!((a.pledger.as_str(), a.event.as_str(), a.usd), ("P", "E", 1.2e6));
        assert_eq!((a.pledges, a.countries, a.sources), (None, Some(150), vec!["S97".into(), "S98".into()]));
    }

    #[test]
    fn appends_and_raises_the_total_then_updates_the_same_day() {
        let mut a = read(&draft("1.2e9", "Test Telecom", "Test Forum", "2026-11-23")).unwrap();
        let once = changed(apply("p", BUNDLED, &a).unwrap());
        assert_eq!(apply("p", &once, &a).unwrap(), Applied::AlreadyThere);
        let p = Pledges::from_json("p", &once).unwrap();
        let last = p.milestones.last().unwrap();
        assert_eq!(last.usd.unwrap().value, 83.2e9);
        assert_eq!(p.announcements.last().unwrap().pledger, "Test Telecom");
        a.usd = 0.8e9;
        let twice = changed(apply("p", &once, &a).unwrap());
        let p2 = Pledges::from_json("p", &twice).unwrap();
        assert_eq!(p2.milestones.len(), p.milestones.len());
        assert_eq!(p2.milestones.last().unwrap().usd.unwrap().value, 84e9);
        // Whole amounts are written as the file has them, without a decimal point.
        assert!(
            twice.contains("\"usd\": 84000000000,\n") && twice.contains("\"usd\": 800000000,\n"),
            "{twice}"
        );
        let mut cents = a.clone();
        cents.usd = 1_500_000.5;
        assert!(changed(apply("p", &twice, &cents).unwrap()).contains("\"usd\": 1500000.5,"));
    }

    #[test]
    fn figures_and_sources_go_on_the_days_milestone() {
        let mut d = draft("2e9", "P", "Forum", "2026-11-23");
        (d.pledges, d.entities, d.sources) = ("1,100".into(), "500".into(), vec!["S97".into()]);
        let a = read(&d).unwrap();
        let out = changed(apply("p", BUNDLED, &a).unwrap());
        let p = Pledges::from_json("p", &out).unwrap();
        let m = p.milestones.last().unwrap();
        assert_eq!((m.date, m.event.as_str()), (a.date, "Forum"));
        assert_eq!(m.pledges.map(|f| (f.value, f.qualifier)), Some((1100.0, Default::default())));
        assert_eq!(m.entities.map(|f| f.value), Some(500.0));
        assert_eq!(m.countries, None, "a figure not given is not carried over");
        assert_eq!(m.sources, ["S97"]);
        assert_eq!(p.announcements.last().unwrap().sources, ["S97"]);
        // A second announcement that day: the milestone's figure is replaced, sources joined,
        // keys kept in the schema's order.
        let mut d2 = draft("1e9", "Q", "Forum", "2026-11-23");
        (d2.countries, d2.pledges, d2.sources) =
            ("151".into(), "1200".into(), vec!["S98".into(), "S97".into()]);
        let out2 = changed(apply("p", &out, &read(&d2).unwrap()).unwrap());
        let p2 = Pledges::from_json("p", &out2).unwrap();
        let m2 = p2.milestones.last().unwrap();
        assert_eq!(p2.milestones.len(), p.milestones.len());
        assert_eq!((m2.pledges.unwrap().value, m2.countries.unwrap().value), (1200.0, 151.0));
        assert_eq!(m2.sources, ["S97", "S98"]);
        let doc: Value = serde_json::from_str(&out2).unwrap();
        let keys: Vec<&String> =
            doc["milestones"].as_array().unwrap().last().unwrap().as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["date", "event", "usd", "usd_qualifier", "pledges", "entities", "countries", "sources"]
        );
    }

    #[test]
    fn an_unknown_source_or_a_refused_result_leaves_the_file() {
        let mut d = draft("1e9", "P", "E", "2026-11-23");
        d.sources = vec!["S97".into(), "S9999".into()];
        let err = apply("p", BUNDLED, &read(&d).unwrap()).unwrap_err();
        assert!(matches!(&err, AnnounceError::UnknownSource { id, .. } if id == "S9999"), "{err:?}");
        assert!(
            err.to_string().starts_with("source \"S9999\" is not in the file's sources (S68, S69,"),
            "{err}"
        );
        let early = read(&draft("1e9", "P", "E", "2020-01-01")).unwrap();
        let err = apply("p.json", BUNDLED, &early).unwrap_err();
        assert!(err.to_string().contains("comes before the previous entry"), "{err}");
        assert_eq!(apply("p", "[1]", &early), Err(AnnounceError::NoMilestones));
        assert!(matches!(apply("p", "{", &early), Err(AnnounceError::NotJson(_))));
    }
}
