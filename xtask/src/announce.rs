//! `cargo xtask announce --usd 1.2e9 --pledger "…" --event "…"`: records a pledge announced on
//! stage and raises the running total, atomically, so every open widget picks it up.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use wsis_sdg_widgets::model::announce::{
    self, AnnounceError, Announcement, Applied, Draft, Field, FieldError,
};

use lexopt::ValueExt;

use crate::{root, Error, IoContext, Result};

/// What the operator typed: the announcement (read by the crate's `model::announce`, the rule the
/// data desk runs too) and the file it goes into.
#[derive(Debug, PartialEq)]
pub struct Args {
    pub announcement: Announcement,
    pub file: PathBuf,
}

const USAGE: &str =
    "usage: cargo xtask announce --usd AMOUNT --pledger NAME --event NAME [--date YYYY-MM-DD] \
     [--pledges N] [--entities N] [--countries N] [--source ID]... [--file PATH]";

pub fn parse_args(args: &[String]) -> Result<Args> {
    let mut draft = Draft::default();
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
            // A bad amount is said at once, before anything missing.
            "usd" => {
                let text = value()?;
                announce::parse_usd(&text).map_err(|e| usage(Field::Usd, &e))?;
                draft.usd = text;
            }
            "pledger" => draft.pledger = value()?,
            "event" => draft.event = value()?,
            "date" => date = Some(value()?),
            "pledges" => draft.pledges = value()?,
            "entities" => draft.entities = value()?,
            "countries" => draft.countries = value()?,
            "source" => draft.sources.push(value()?),
            "file" => file = PathBuf::from(value()?),
            other => return Err(Error::usage(format!("unknown option --{other}; {USAGE}"))),
        }
    }
    draft.date = date.unwrap_or_else(today);
    match announce::read(&draft) {
        Ok(announcement) => Ok(Args { announcement, file }),
        Err(faults) => {
            let (field, fault) = faults.first().cloned().unwrap_or((Field::Usd, FieldError::Missing));
            Err(usage(field, &fault))
        }
    }
}

/// `--usd is missing; usage: …`, `--date "2026-02-30" is not a date (YYYY-MM-DD)`.
fn usage(field: Field, fault: &FieldError) -> Error {
    let flag = field.flag();
    match fault {
        FieldError::Missing => Error::usage(format!("--{flag} is missing; {USAGE}")),
        _ => Error::usage(format!("--{flag} {fault}")),
    }
}

fn today() -> String {
    let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (year, month, day) = crate::serve::civil_from_days((secs / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The file's new text (the crate's `model::announce::apply`), its faults naming the file.
pub fn apply(text: &str, args: &Args) -> Result<Applied> {
    let name = args.file.display().to_string();
    announce::apply(&name, text, &args.announcement).map_err(|e| match e {
        AnnounceError::Refused(errors) => Error::from(errors),
        AnnounceError::NotJson(message) => Error::parse(&name, message),
        other => Error::check(format!("{name}: {other}")),
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
    let args = parse_args(args)?;
    let canonical = std::fs::canonicalize(&args.file).at(&args.file)?;
    let _lock = Lock::take(&canonical)?;
    let text = std::fs::read_to_string(&canonical).at(&canonical)?;
    let a = &args.announcement;
    let what = format!("USD {} by {} at {} ({})", a.usd, a.pledger, a.event, a.date);
    match apply(&text, &args)? {
        Applied::Changed(out) => {
            write_atomically(&canonical, &out)?;
            println!("announced {what} in {}", args.file.display());
        }
        Applied::AlreadyThere => {
            println!("already announced: {what}; {} is unchanged", args.file.display())
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wsis_sdg_widgets::model::pledges::Pledges;

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
        a.announcement.usd = 0.8e9;
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
        let usd = |text: &str| {
            parse_args(&args(&["--usd", text, "--pledger", "A", "--event", "E"])).map(|a| a.announcement.usd)
        };
        for (text, value) in
            [("1.2e9", 1.2e9), ("1200000000", 1.2e9), ("1,200,000,000", 1.2e9), ("1_500_000.5", 1_500_000.5)]
        {
            assert_eq!(usd(text).unwrap(), value, "{text}");
        }
        for bad in ["1,5e9", "1,5", "12,00,000", "1,2345", "0x10", "inf", "NaN", "1e9 ", ",100", "1.5,000"] {
            assert!(usd(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn figures_and_sources_land_and_an_unknown_source_is_refused() {
        let dir = std::env::temp_dir().join(format!("wsis-announce-figures-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("p2c-pledges.json");
        std::fs::copy(root().join("data/p2c-pledges.json"), &file).unwrap();
        let before = std::fs::read_to_string(&file).unwrap();
        let run = |extra: &[&str]| {
            let mut list = vec!["--usd", "1e9", "--pledger", "P", "--event", "E", "--date", "2026-11-30"];
            list.extend(extra);
            list.extend(["--file", file.to_str().unwrap()]);
            command(&args(&list))
        };
        let err = run(&["--source", "S97", "--source", "S4242"]).unwrap_err();
        assert!(err.to_string().contains("source \"S4242\" is not in the file's sources (S68,"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
        let err = run(&["--pledges", "1,5"]).unwrap_err();
        assert!(err.to_string().starts_with("--pledges \"1,5\" is not a whole number"), "{err}");
        run(&["--pledges", "1,100", "--entities", "520", "--countries", "150", "--source", "S97"]).unwrap();
        let p = Pledges::from_json("p", &std::fs::read_to_string(&file).unwrap()).unwrap();
        let m = p.milestones.last().unwrap();
        let figures = [m.pledges, m.entities, m.countries].map(|f| f.map(|f| f.value));
        assert_eq!(figures, [Some(1100.0), Some(520.0), Some(150.0)]);
        assert_eq!(
            (m.sources.as_slice(), p.announcements.last().unwrap().sources.as_slice()),
            (&["S97".to_owned()][..], &["S97".to_owned()][..])
        );
        let _ = std::fs::remove_dir_all(&dir);
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
