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
                usd = Some(parse_usd(&value()?)?);
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

/// An amount in US dollars, read strictly: `1.2e9`, `1200000000`, or with `,` or `_` between
/// groups of three digits (`1,200,000,000`). Anything else is refused, never guessed: `1,5e9`
/// (a decimal comma) is not 15e9.
pub fn parse_usd(text: &str) -> Result<f64> {
    let not_a_number = || {
        Error::usage(format!(
            "--usd {text:?} is not an amount: write 1.2e9, 1200000000 or 1,200,000,000 \
             (a comma or _ only between groups of three digits, a point for decimals)"
        ))
    };
    let plain = if text.contains([',', '_']) {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let mut groups = whole.split([',', '_']);
        let first = groups.next().unwrap_or("");
        let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
        let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !first_ok || !rest_ok || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_number());
        }
        text.replace([',', '_'], "")
    } else {
        text.to_owned()
    };
    let valid_chars =
        plain.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    let amount: f64 = plain.parse().ok().filter(|_| valid_chars).ok_or_else(not_a_number)?;
    if !amount.is_finite() || amount <= 0.0 {
        return Err(Error::usage(format!("--usd must be a positive amount in US dollars, not {text}")));
    }
    Ok(amount)
}

fn today() -> String {
    let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (year, month, day) = crate::serve::civil_from_days((secs / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The file's new text: the announcement appended, and a milestone for the day with the total
/// raised by the amount (an existing milestone of the same day and event is updated instead).
pub fn apply(text: &str, a: &Announcement) -> Result<Applied> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| Error::parse(a.file.display(), e))?;
    if already_announced(&doc, a) {
        return Ok(Applied::AlreadyThere);
    }
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
    let out = wsis_sdg_widgets::model::write::write_json(&doc);
    // Never write a file the widgets would refuse.
    Pledges::from_json(&a.file.display().to_string(), &out)?;
    Ok(Applied::Changed(out))
}

/// What an announcement does to the file.
#[derive(Debug, PartialEq)]
pub enum Applied {
    /// The file's new text.
    Changed(String),
    /// The same announcement (date, pledger, event, amount) is already recorded: run twice by
    /// mistake, or retried after a failure that had in fact written it.
    AlreadyThere,
}

fn already_announced(doc: &Value, a: &Announcement) -> bool {
    let list = doc.get("announcements").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    list.iter().any(|m| {
        m.get("date").and_then(Value::as_str) == Some(a.date.as_str())
            && m.get("pledger").and_then(Value::as_str) == Some(a.pledger.as_str())
            && m.get("event").and_then(Value::as_str) == Some(a.event.as_str())
            && m.get("usd").and_then(Value::as_f64) == Some(a.usd)
    })
}

/// Writes next to the target and renames over it: a reader sees the old file or the new one,
/// also after a power cut (the file and its folder are synced before and after the rename). A
/// symlink is followed (its target is replaced, the link stays) and the file keeps its mode.
pub fn write_atomically(path: &Path, text: &str) -> Result {
    use std::io::Write;
    let path = &std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data.json");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(path, e)
    })
}

/// Makes a rename in `dir` durable (a no-op where folders cannot be opened, as on Windows).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::File::open(dir) {
        Ok(folder) => folder.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

/// Holds `<file>.lock` while it lives, so two announcements at once both land (each reads the
/// file the other wrote). A lock older than a minute is left over from a crash and is taken.
struct Lock(PathBuf);

impl Lock {
    fn take(file: &Path) -> Result<Lock> {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("data.json");
        let lock = file.with_file_name(format!(".{name}.lock"));
        let deadline = SystemTime::now() + std::time::Duration::from_secs(30);
        loop {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(_) => return Ok(Lock(lock)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = std::fs::metadata(&lock)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|age| age.as_secs() > 60) {
                        let _ = std::fs::remove_file(&lock);
                    } else if SystemTime::now() > deadline {
                        return Err(Error::check(format!(
                            "{} is held by another announcement for over 30 s; if none is running, delete it",
                            lock.display()
                        )));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(Error::io(&lock, e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

pub fn command(args: &[String]) -> Result {
    let a = parse_args(args)?;
    let canonical = std::fs::canonicalize(&a.file).at(&a.file)?;
    let _lock = Lock::take(&canonical)?;
    let text = std::fs::read_to_string(&canonical).at(&canonical)?;
    match apply(&text, &a)? {
        Applied::Changed(out) => {
            write_atomically(&canonical, &out)?;
            println!(
                "announced USD {} by {} at {} ({}) in {}",
                a.usd,
                a.pledger,
                a.event,
                a.date,
                a.file.display()
            );
        }
        Applied::AlreadyThere => println!(
            "already announced: USD {} by {} at {} ({}); {} is unchanged",
            a.usd,
            a.pledger,
            a.event,
            a.date,
            a.file.display()
        ),
    }
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
            (vec!["--usd", "lots", "--pledger", "A", "--event", "E"], "is not an amount"),
            (vec!["--usd", "1,5e9", "--pledger", "A", "--event", "E"], "is not an amount"),
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
        let Applied::Changed(once) = apply(&text, &a).unwrap() else { panic!("not applied") };
        assert_eq!(apply(&once, &a).unwrap(), Applied::AlreadyThere);
        let p = Pledges::from_json("p", &once).unwrap();
        let last = p.milestones.last().unwrap();
        assert_eq!(last.usd.unwrap().value, 83.2e9);
        assert_eq!(p.announcements.last().unwrap().pledger, "Test Telecom");
        a.usd = 0.8e9;
        let Applied::Changed(twice) = apply(&once, &a).unwrap() else { panic!("not applied") };
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
    }

    #[test]
    fn two_announcements_at_once_both_land_and_a_symlink_and_mode_stay() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("wsis-announce-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let real = dir.join("real.json");
        std::fs::copy(root().join("data/p2c-pledges.json"), &real).unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("p2c-pledges.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let before = Pledges::from_json("p", &std::fs::read_to_string(&real).unwrap()).unwrap();
        let runs: Vec<_> = (0..2)
            .map(|i| {
                let link = link.clone();
                std::thread::spawn(move || {
                    command(&args(&[
                        "--usd",
                        "1e9",
                        "--pledger",
                        &format!("P{i}"),
                        "--event",
                        "E",
                        "--file",
                        link.to_str().unwrap(),
                    ]))
                })
            })
            .collect();
        for run in runs {
            run.join().unwrap().unwrap();
        }
        let after = Pledges::from_json("p", &std::fs::read_to_string(&real).unwrap()).unwrap();
        assert_eq!(after.announcements.len(), before.announcements.len() + 2);
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_file_keeps_its_key_order() {
        let text = std::fs::read_to_string(root().join("data/p2c-pledges.json")).unwrap();
        let a =
            parse_args(&args(&["--usd", "1e9", "--pledger", "P", "--event", "E", "--date", "2026-11-30"]))
                .unwrap();
        let Applied::Changed(out) = apply(&text, &a).unwrap() else { panic!("not applied") };
        // Top-level keys as the text has them (the file's order is not alphabetical).
        let order = |t: &str| -> Vec<usize> {
            ["\"$schema\"", "\"format\"", "\"goal\"", "\"milestones\"", "\"announcements\"", "\"provenance\""]
                .iter()
                .map(|k| t.find(&format!("\n  {k}:")).unwrap_or_else(|| panic!("{k} not at the top level")))
                .collect()
        };
        let before = order(&text);
        assert!(before.windows(2).all(|w| w[0] < w[1]), "the fixture's order changed: {before:?}");
        let after = order(&out);
        assert!(after.windows(2).all(|w| w[0] < w[1]), "keys reordered: {after:?}");
        assert!(out.find("\"date\"").unwrap() < out.find("\"event\"").unwrap(), "milestone keys reordered");
    }
}
