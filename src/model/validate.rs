//! The one checker every data file is validated with: it knows the file, builds JSON paths,
//! collects every fault, and holds the checks the file kinds share (text, SDG, Action Line,
//! target, URL, date, amounts, source references, uniqueness).
//!
//! Each file's validator walks its raw serde structs with a [`Checker`] and ends with
//! [`Checker::finish`], so a file with faults always reports at least one, and a validator
//! cannot forget to look at what it collected.

use std::fmt;

use super::action_line::ActionLineId;
use super::date::Date;
use super::error::{Error, ErrorKind, Errors};
use super::sdg::{is_target_or_goal, Sdg};
use super::text::is_http_url;

/// A JSON path (`links[17].sdg`), built field by field; the root is the empty path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(String);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(String::new())
    }

    /// `self.name`, or `name` at the root.
    pub fn field(&self, name: &str) -> JsonPath {
        if self.0.is_empty() {
            JsonPath(name.to_owned())
        } else {
            JsonPath(format!("{}.{name}", self.0))
        }
    }

    /// `self[index]`.
    pub fn index(&self, index: usize) -> JsonPath {
        JsonPath(format!("{}[{index}]", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A position in the checker's list of faults, to ask whether one item added any.
#[derive(Clone, Copy)]
pub struct Mark(usize);

/// No real amount or count comes near it (world output is about USD 10^14 a year): a larger
/// one is a typo, such as digits pasted twice.
pub const LARGEST_FIGURE: f64 = 1e15;

/// Collects the faults of one file.
pub struct Checker<'f> {
    file: &'f str,
    errors: Vec<Error>,
}

impl<'f> Checker<'f> {
    pub fn new(file: &'f str) -> Checker<'f> {
        Checker { file, errors: Vec::new() }
    }

    pub fn fail(&mut self, at: &JsonPath, kind: ErrorKind) {
        self.errors.push(Error::new(self.file, at.as_str(), kind));
    }

    pub fn mark(&self) -> Mark {
        Mark(self.errors.len())
    }

    /// Whether no fault was found since `mark`: the item checked in between is sound.
    pub fn clean_since(&self, mark: Mark) -> bool {
        self.errors.len() == mark.0
    }

    /// The value when no fault was found at all, else every fault.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Errors> {
        match (Errors::from_vec(self.errors), value) {
            (Some(errors), _) => Err(errors),
            (None, Some(value)) => Ok(value),
            // A validator that builds no value reports why; this keeps the promise if one forgot.
            (None, None) => Err(Errors::one(Error::new(self.file, "", ErrorKind::Incomplete))),
        }
    }

    /// Only format 1 exists; a later one is refused rather than half read.
    pub fn format(&mut self, version: u32) -> bool {
        self.check(version == 1, &JsonPath::root().field("format"), || ErrorKind::UnsupportedFormat(version))
    }

    /// Text that must say something (not empty, not only spaces).
    pub fn text(&mut self, at: &JsonPath, text: &str) -> bool {
        self.check(!text.trim().is_empty(), at, || ErrorKind::EmptyText)
    }

    /// Each entry of a list of texts.
    pub fn texts(&mut self, at: &JsonPath, texts: &[String]) {
        for (i, text) in texts.iter().enumerate() {
            self.text(&at.index(i), text);
        }
    }

    pub fn sdg(&mut self, at: &JsonPath, number: i64) -> Option<Sdg> {
        let sdg = Sdg::new(number);
        self.check(sdg.is_some(), at, || ErrorKind::SdgOutOfRange(number));
        sdg
    }

    pub fn action_line(&mut self, at: &JsonPath, id: &str) -> Option<ActionLineId> {
        let action_line = ActionLineId::parse(id);
        self.check(action_line.is_some(), at, || ErrorKind::UnknownActionLine(id.to_owned()));
        action_line
    }

    /// An SDG target (`"9.c"`) or a goal number (`"9"`), of any goal.
    pub fn target(&mut self, at: &JsonPath, id: &str) -> bool {
        self.check(is_target_or_goal(id), at, || ErrorKind::UnknownTarget(id.to_owned()))
    }

    /// Links are only ever http(s): no `javascript:`, `data:` or relative tricks.
    pub fn http_url(&mut self, at: &JsonPath, url: &str) -> bool {
        self.check(is_http_url(url), at, || ErrorKind::NotHttpUrl(url.to_owned()))
    }

    pub fn date(&mut self, at: &JsonPath, text: &str) -> Option<Date> {
        let date = Date::parse(text);
        self.check(date.is_some(), at, || ErrorKind::BadDate(text.to_owned()));
        date
    }

    /// An amount of money or a figure: finite and not negative.
    pub fn amount(&mut self, at: &JsonPath, value: f64) -> bool {
        self.check(value.is_finite() && value >= 0.0, at, || ErrorKind::Negative(value.to_string()))
            && self.check(value <= LARGEST_FIGURE, at, || ErrorKind::Implausible(value.to_string()))
    }

    /// A count: an amount that is also a whole number.
    pub fn count(&mut self, at: &JsonPath, value: f64) -> bool {
        self.amount(at, value)
            && self.check(value.fract() == 0.0, at, || ErrorKind::NotWhole(value.to_string()))
    }

    /// A `sources` list: each id in the file's sources, and each once (ids are list keys).
    pub fn sources(&mut self, at: &JsonPath, ids: &[String], known: &KnownIds) {
        let at = at.field("sources");
        let again = repeated(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        for ((i, id), again) in ids.iter().enumerate().zip(again) {
            if self.source(&at.index(i), id, known) && again {
                self.fail(&at.index(i), ErrorKind::DuplicateId(id.clone()));
            }
        }
    }

    /// One source reference: an id in the file's sources list.
    pub fn source(&mut self, at: &JsonPath, id: &str, known: &KnownIds) -> bool {
        self.check(known.contains(id), at, || ErrorKind::UnknownSource(id.to_owned()))
    }

    fn check(&mut self, ok: bool, at: &JsonPath, kind: impl FnOnce() -> ErrorKind) -> bool {
        if !ok {
            self.fail(at, kind());
        }
        ok
    }
}

/// For each key, whether an earlier key is equal: `O(n log n)`, where comparing each entry
/// with those before it would be quadratic (a forum file may hold a million sessions).
pub fn repeated(keys: &[&str]) -> Vec<bool> {
    let order = sorted_order(keys);
    let mut repeated = vec![false; keys.len()];
    for pair in order.windows(2) {
        if let [earlier, later] = pair {
            if keys.get(*earlier) == keys.get(*later) {
                if let Some(flag) = repeated.get_mut(*later) {
                    *flag = true;
                }
            }
        }
    }
    repeated
}

/// Positions of `keys` in sorted order, equal keys in file order (so the first of a repeated
/// id is the one kept).
fn sorted_order(keys: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let before = |a: usize, b: usize| (keys.get(a), a) < (keys.get(b), b);
    heap_sort(&mut order, &before);
    order
}

/// In place, `O(n log n)` worst case. Written out (25 lines) because the standard library's
/// sort adds 3.7 kB to a wasm bundle that otherwise needs none (measured with twiggy).
fn heap_sort(items: &mut [usize], before: &dyn Fn(usize, usize) -> bool) {
    for start in (0..items.len() / 2).rev() {
        sift_down(items, start, items.len(), before);
    }
    for end in (1..items.len()).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, before);
    }
}

/// Moves `items[root]` down the heap `items[..end]` until both children come before it.
fn sift_down(items: &mut [usize], mut root: usize, end: usize, before: &dyn Fn(usize, usize) -> bool) {
    let at = |items: &[usize], i: usize| items.get(i).copied().unwrap_or_default();
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(at(items, child), at(items, child + 1)) {
            child += 1;
        }
        if !before(at(items, root), at(items, child)) {
            return;
        }
        items.swap(root, child);
        root = child;
    }
}

/// A set of ids to look references up in (`O(log n)` each).
#[derive(Clone, Debug, Default)]
pub struct KnownIds {
    sorted: Vec<String>,
}

impl KnownIds {
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>) -> KnownIds {
        let ids: Vec<&str> = ids.collect();
        let sorted =
            sorted_order(&ids).into_iter().filter_map(|i| ids.get(i)).map(|id| (*id).to_owned()).collect();
        KnownIds { sorted }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.sorted.binary_search_by(|probe| probe.as_str().cmp(id)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_built_field_by_field() {
        let at = JsonPath::root().field("links").index(17).field("sdg");
        assert_eq!(at.to_string(), "links[17].sdg");
        assert_eq!(JsonPath::root().to_string(), "");
    }

    #[test]
    fn repeated_marks_later_copies_only() {
        assert_eq!(repeated(&["b", "a", "b", "c", "a", "b"]), vec![false, false, true, false, true, true]);
        assert_eq!(repeated(&[]), Vec::<bool>::new());
    }

    #[test]
    fn sorted_order_agrees_with_the_standard_sort() {
        // A fixed pseudo-random sequence of short keys, many of them repeated.
        let mut seed = 7u32;
        let words: Vec<String> = (0..500)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                format!("k{}", (seed >> 16) % 97)
            })
            .collect();
        for n in [0, 1, 2, 3, 10, 500] {
            let keys: Vec<&str> = words.iter().take(n).map(String::as_str).collect();
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|i| (keys[*i], *i));
            assert_eq!(sorted_order(&keys), expected, "n = {n}");
        }
    }

    #[test]
    fn known_ids_are_looked_up() {
        let known = KnownIds::new(["S9", "S1", "S4"].into_iter());
        assert!(known.contains("S4") && known.contains("S1"));
        assert!(!known.contains("S2"));
    }

    #[test]
    fn a_checker_reports_every_fault_in_order() {
        let mut check = Checker::new("f.json");
        let at = JsonPath::root().field("x");
        assert!(!check.text(&at, " "));
        assert_eq!(check.sdg(&at.index(0), 18), None);
        assert!(!check.count(&at.index(1), 2.5));
        assert!(!check.http_url(&at.index(2), "javascript:alert(1)"));
        let errors = check.finish(Some(())).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(Error::path).collect();
        assert_eq!(paths, vec!["x", "x[0]", "x[1]", "x[2]"]);
    }

    #[test]
    fn a_checker_without_faults_or_value_still_fails() {
        let err = Checker::new("f.json").finish::<()>(None).unwrap_err();
        assert_eq!(err.first().kind(), &ErrorKind::Incomplete);
    }
}
