//! `cargo xtask announce --usd 1.2e9 --pledger "…" --event "…"`: records a pledge announced on
//! stage and raises the running total, atomically, so every open widget picks it up.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::{json, Map, Value};
use wsis_sdg_widgets::model::pledges::Pledges;

use lexopt::ValueExt;

use crate::{root, Error, IoContext, Result};

/// What the operator typed.
#[derive(Debug, PartialEq)]
pub struct Announcement {
    pub usd: f64,
    pub pledger: String,
    pub event: String,
    pub date: String,
    pub file: PathBuf,
}

const USAGE: &str =
    "usage: cargo xtask announce --usd AMOUNT --pledger NAME --event NAME [--date YYYY-MM-DD] [--file PATH]";

pub fn parse_args(args: &[String]) -> Result<Announcement> {
    let mut usd = None;
    let mut pledger = None;
    let mut event = None;
    let mut date = None;
    let mut file = root().join("data/p2c-pledges.json");
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        let flag = match arg {
            lexopt::Arg::Long(flag) => flag.to_owned(),
            other => return Err(Error::usage(format!("{}; {USAGE}", other.unexpected()))),
        };
        let mut value = || -> Result<String> { Ok(parser.value()?.string()?) };
        match flag.as_str() {
            "usd" => {
                let text = value()?;
                let amount: f64 = text.replace(['_', ','], "").parse().map_err(|_| {
                    Error::usage(format!("--usd {text:?} is not a number (write e.g. 1.2e9 or 1200000000)"))
                })?;
                if !amount.is_finite() || amount <= 0.0 {
                    return Err(Error::usage(format!(
                        "--usd must be a positive amount in US dollars, not {text}"
                    )));
                }
                usd = Some(amount);
            }
            "pledger" => pledger = Some(value()?),
            "event" => event = Some(value()?),
            "date" => date = Some(value()?),
            "file" => file = PathBuf::from(value()?),
            other => return Err(Error::usage(format!("unknown option --{other}; {USAGE}"))),
        }
    }
    let usd = usd.ok_or_else(|| Error::usage(format!("--usd is missing; {USAGE}")))?;
    let pledger = pledger
        .filter(|p| !p.trim().is_empty())
        .ok_or_else(|| Error::usage(format!("--pledger is missing; {USAGE}")))?;
    let event = event
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| Error::usage(format!("--event is missing; {USAGE}")))?;
    let date = date.unwrap_or_else(today);
    if wsis_sdg_widgets::model::date::Date::parse(&date).is_none() {
        return Err(Error::usage(format!("--date {date:?} is not a date (YYYY-MM-DD)")));
    }
    Ok(Announcement { usd, pledger: pledger.trim().to_owned(), event: event.trim().to_owned(), date, file })
}

fn today() -> String {
    let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (year, month, day) = crate::serve::civil_from_days((secs / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The file's new text: the announcement appended, and a milestone for the day with the total
/// raised by the amount (an existing milestone of the same day and event is updated instead).
pub fn apply(text: &str, a: &Announcement) -> Result<String> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| Error::parse(a.file.display(), e))?;
    let milestones = doc
        .get_mut("milestones")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| Error::check(format!("{}: no milestones list", a.file.display())))?;
    let last = milestones
        .iter()
        .rev()
        .find(|m| m.get("usd").and_then(Value::as_f64).is_some())
        .cloned()
        .ok_or_else(|| {
            Error::check(format!("{}: no milestone with a USD total to add to", a.file.display()))
        })?;
    let previous = last.get("usd").and_then(Value::as_f64).unwrap_or(0.0);
    let total = (previous + a.usd).round();
    let same = milestones.last_mut().filter(|m| {
        m.get("date").and_then(Value::as_str) == Some(a.date.as_str())
            && m.get("event").and_then(Value::as_str) == Some(a.event.as_str())
    });
    match same {
        Some(m) => {
            m["usd"] = json!(total);
        }
        None => {
            let mut m = Map::new();
            m.insert("date".into(), json!(a.date));
            m.insert("event".into(), json!(a.event));
            m.insert("usd".into(), json!(total));
            if let Some(q) = last.get("usd_qualifier") {
                m.insert("usd_qualifier".into(), q.clone());
            }
            milestones.push(Value::Object(m));
        }
    }
    let announcements = doc
        .as_object_mut()
        .ok_or_else(|| Error::check("not a JSON object"))?
        .entry("announcements")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| Error::parse(a.file.display(), "announcements is not a list"))?;
    announcements.push(json!({ "date": a.date, "usd": a.usd, "pledger": a.pledger, "event": a.event }));
    let out = serde_json::to_string_pretty(&doc).map_err(|e| Error::parse(a.file.display(), e))? + "\n";
    // Never write a file the widgets would refuse.
    Pledges::from_json(&a.file.display().to_string(), &out)?;
    Ok(out)
}

/// Writes next to the target and renames over it: a reader sees the old file or the new one.
pub fn write_atomically(path: &Path, text: &str) -> Result {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data.json");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, text).at(&temp)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(path, e)
    })
}

pub fn command(args: &[String]) -> Result {
    let a = parse_args(args)?;
    let text = std::fs::read_to_string(&a.file).at(&a.file)?;
    let out = apply(&text, &a)?;
    write_atomically(&a.file, &out)?;
    println!("announced USD {} by {} at {} ({}) in {}", a.usd, a.pledger, a.event, a.date, a.file.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn refuses_bad_input() {
        for (bad, message) in [
            (vec!["--usd", "-5", "--pledger", "A", "--event", "E"], "positive"),
            (vec!["--usd", "lots", "--pledger", "A", "--event", "E"], "not a number"),
            (vec!["--usd", "1e9", "--event", "E"], "--pledger is missing"),
            (vec!["--usd", "1e9", "--pledger", " ", "--event", "E"], "--pledger is missing"),
            (vec!["--pledger", "A", "--event", "E"], "--usd is missing"),
            (vec!["--usd", "1e9", "--pledger", "A", "--event", "E", "--date", "2026-02-30"], "not a date"),
        ] {
            let err = parse_args(&args(&bad)).unwrap_err();
            assert!(err.to_string().contains(message), "{bad:?}: {err}");
        }
    }

    #[test]
    fn appends_and_raises_the_total_then_updates_the_same_day() {
        let text = std::fs::read_to_string(root().join("data/p2c-pledges.json")).unwrap();
        let mut a = parse_args(&args(&[
            "--usd",
            "1.2e9",
            "--pledger",
            "Test Telecom",
            "--event",
            "Test Forum",
            "--date",
            "2026-11-23",
        ]))
        .unwrap();
        let once = apply(&text, &a).unwrap();
        let p = Pledges::from_json("p", &once).unwrap();
        let last = p.milestones.last().unwrap();
        assert_eq!(last.usd.unwrap().value, 83.2e9);
        assert_eq!(p.announcements.last().unwrap().pledger, "Test Telecom");
        a.usd = 0.8e9;
        let twice = apply(&once, &a).unwrap();
        let p2 = Pledges::from_json("p", &twice).unwrap();
        assert_eq!(p2.milestones.len(), p.milestones.len());
        assert_eq!(p2.milestones.last().unwrap().usd.unwrap().value, 84e9);
    }

    #[test]
    fn refuses_a_date_before_the_last_milestone_and_leaves_the_file() {
        let dir = std::env::temp_dir().join(format!("wsis-announce-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("p2c-pledges.json");
        std::fs::copy(root().join("data/p2c-pledges.json"), &file).unwrap();
        let before = std::fs::read_to_string(&file).unwrap();
        let err = command(&args(&[
            "--usd",
            "1e9",
            "--pledger",
            "A",
            "--event",
            "E",
            "--date",
            "2020-01-01",
            "--file",
            file.to_str().unwrap(),
        ]))
        .unwrap_err();
        assert!(err.to_string().contains("comes before the previous entry"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
        command(&args(&["--usd", "1e9", "--pledger", "A", "--event", "E", "--file", file.to_str().unwrap()]))
            .unwrap();
        assert_ne!(std::fs::read_to_string(&file).unwrap(), before);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temp file left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
