//! The pledge file's edits in the desk: an announcement, by the rule `cargo xtask announce` runs
//! ([`crate::model::announce`]), so the file the desk downloads is the one the command writes.

use super::Snapshot;
use crate::model::announce::{self, AnnounceError, Announcement, Applied};
use crate::model::pledges::{summarize, Milestone, Pledges};

/// A change to the open pledge file.
#[derive(Clone, Debug, PartialEq)]
pub enum PledgesEdit {
    /// A pledge announced: appended, the day's milestone raised (and given its figures).
    Announce(Announcement),
}

/// Why the desk cannot announce.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// No pledge file is open.
    NoFile,
    Announce(AnnounceError),
}

/// What announcing `a` would do to the open pledge file: the new text, or
/// [`Applied::AlreadyThere`] (the desk says so: nothing changes, so no undo step is made).
pub fn announce(snapshot: &Snapshot, a: &Announcement) -> Result<Applied, Refusal> {
    let file = snapshot.pledges.as_ref().ok_or(Refusal::NoFile)?;
    announce::apply(&file.name, &file.text, a).map_err(Refusal::Announce)
}

/// Applies `edit` to `next`; `None` when it changes nothing or cannot be applied.
pub(super) fn apply(next: &mut Snapshot, edit: &PledgesEdit) -> Option<()> {
    match edit {
        PledgesEdit::Announce(a) => {
            let Ok(Applied::Changed(text)) = announce(next, a) else { return None };
            next.pledges.as_mut()?.text = text;
        }
    }
    Some(())
}

/// What the form shows above it: the running total's milestone (the widget's headline figure,
/// by [`summarize`]) and the file's last milestone.
pub fn standing(p: &Pledges) -> (Option<&Milestone>, Option<&Milestone>) {
    let total = summarize(p).total.and_then(|i| p.milestones.get(i));
    (total, p.milestones.last())
}

#[cfg(test)]
mod tests {
    use super::super::{apply as apply_edit, Edit, History, OpenFile};
    use super::*;
    use crate::model::announce::{read, Draft};

    const BUNDLED: &str = include_str!("../../../data/p2c-pledges.json");

    fn opened() -> Snapshot {
        Snapshot {
            pledges: Some(OpenFile { name: "p2c-pledges.json".into(), text: BUNDLED.into() }),
            ..Snapshot::default()
        }
    }

    fn announcement() -> Announcement {
        read(&Draft {
            date: "2026-11-23".into(),
            event: "WSIS Forum 2027".into(),
            pledger: "Example Telecom".into(),
            usd: "1,200,000,000".into(),
            countries: "150".into(),
            sources: vec!["S97".into()],
            ..Draft::default()
        })
        .unwrap()
    }

    #[test]
    fn announcing_is_one_undo_step_with_the_commands_text() {
        let a = announcement();
        let h = History::new(opened()).edit(&Edit::Pledges(PledgesEdit::Announce(a.clone())));
        let text = &h.now().pledges.as_ref().unwrap().text;
        let expected = announce::apply("p2c-pledges.json", BUNDLED, &a).unwrap();
        assert_eq!(Applied::Changed(text.clone()), expected);
        let p = Pledges::from_json("p", text).unwrap();
        let (total, last) = standing(&p);
        assert_eq!(total.and_then(|m| m.usd).map(|f| f.value), Some(83.2e9));
        assert_eq!(last.map(|m| m.event.as_str()), Some("WSIS Forum 2027"));
        assert!(h.can_undo());
        assert_eq!(h.undo().now().pledges.as_ref().unwrap().text, BUNDLED);
        // The same again changes nothing (no undo step), and the desk is told why.
        assert_eq!(announce(h.now(), &a), Ok(Applied::AlreadyThere));
        assert!(apply_edit(h.now(), &Edit::Pledges(PledgesEdit::Announce(a.clone()))).is_none());
        assert_eq!(announce(&Snapshot::default(), &a), Err(Refusal::NoFile));
        let mut unknown = a;
        unknown.sources = vec!["S1".into()];
        assert!(matches!(
            announce(&opened(), &unknown),
            Err(Refusal::Announce(AnnounceError::UnknownSource { .. }))
        ));
    }
}
