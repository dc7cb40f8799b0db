//! Text helpers: case-insensitive search with match ranges, and URL safety.

use std::ops::Range;

/// Lower-cases `text` char by char, remembering for each folded byte the byte offset of
/// the original char, so match ranges in the folded text map back to the original.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (offset, ch) in text.char_indices() {
        for lower in ch.to_lowercase() {
            let before = folded.len();
            folded.push(lower);
            origin.extend(std::iter::repeat_n(offset, folded.len() - before));
        }
    }
    origin.push(text.len());
    (folded, origin)
}

/// `text` folded the way search queries are (lower case), for [`Needle::is_in_folded`].
pub fn fold_text(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// A search query, folded once and matched against many texts.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Needle {
    folded: String,
}

impl Needle {
    /// `None` for a blank query (which matches everything and highlights nothing).
    pub fn new(query: &str) -> Option<Needle> {
        let trimmed = query.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(Needle { folded: fold(trimmed).0 })
    }

    pub fn is_in(&self, haystack: &str) -> bool {
        fold_text(haystack).contains(&self.folded)
    }

    /// Like [`Needle::is_in`] for a haystack already passed through [`fold_text`] (folding once
    /// per text instead of once per keystroke).
    pub fn is_in_folded(&self, folded_haystack: &str) -> bool {
        folded_haystack.contains(&self.folded)
    }

    /// Byte ranges of every non-overlapping match in `haystack`, on char boundaries.
    pub fn ranges_in(&self, haystack: &str) -> Vec<Range<usize>> {
        let (folded, origin) = fold(haystack);
        let mut ranges = Vec::new();
        let mut from = 0;
        while let Some(found) = folded.get(from..).and_then(|rest| rest.find(&self.folded)) {
            let start = from + found;
            let end = start + self.folded.len();
            if let (Some(&a), Some(&b)) = (origin.get(start), origin.get(end)) {
                // `end` may fall inside a char whose lower case is longer; extend to its end.
                let b = if b < haystack.len() && origin.get(end.saturating_sub(1)) == Some(&b) {
                    haystack.get(b..).and_then(|s| s.chars().next()).map_or(b, |c| b + c.len_utf8())
                } else {
                    b
                };
                if a < b {
                    ranges.push(a..b);
                }
            }
            from = end.max(start + 1);
            while from < folded.len() && !folded.is_char_boundary(from) {
                from += 1;
            }
        }
        ranges
    }
}

/// Splits `text` into `(piece, is_match)` runs for highlighting.
pub fn split_matches<'t>(text: &'t str, needle: Option<&Needle>) -> Vec<(&'t str, bool)> {
    let Some(needle) = needle else {
        return vec![(text, false)];
    };
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in needle.ranges_in(text) {
        if let Some(before) = text.get(at..range.start).filter(|s| !s.is_empty()) {
            pieces.push((before, false));
        }
        if let Some(hit) = text.get(range.clone()) {
            pieces.push((hit, true));
        }
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|s| !s.is_empty()) {
        pieces.push((rest, false));
    }
    pieces
}

/// Only http and https links are ever rendered from data.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        url.trim_start().get(8..)
    } else if lower.starts_with("http://") {
        url.trim_start().get(7..)
    } else {
        None
    };
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_ranges() {
        let needle = Needle::new("ict").unwrap();
        assert_eq!(needle.ranges_in("ICT and ict"), vec![0..3, 8..11]);
        assert!(needle.is_in("Promotion of ICTs"));
    }

    #[test]
    fn non_ascii_ranges_stay_on_char_boundaries() {
        let needle = Needle::new("ÉDU").unwrap();
        let text = "Qualité de l'éducation";
        let ranges = needle.ranges_in(text);
        assert_eq!(ranges.len(), 1);
        assert_eq!(text.get(ranges[0].clone()), Some("édu"));
        let needle = Needle::new("связ").unwrap();
        assert!(needle.is_in("СВЯЗЬ"));
        let needle = Needle::new("İ").unwrap();
        let text = "xİy";
        for r in needle.ranges_in(text) {
            assert!(text.get(r).is_some());
        }
    }

    #[test]
    fn blank_query_matches_nothing_to_highlight() {
        assert!(Needle::new("  ").is_none());
        assert_eq!(split_matches("abc", None), vec![("abc", false)]);
    }

    #[test]
    fn split_into_runs() {
        let needle = Needle::new("a").unwrap();
        assert_eq!(
            split_matches("banana", Some(&needle)),
            vec![("b", false), ("a", true), ("n", false), ("a", true), ("n", false), ("a", true)]
        );
    }

    #[test]
    fn only_http_urls() {
        assert!(is_http_url("https://www.itu.int/net4/wsis/sdg/"));
        assert!(is_http_url("HTTP://example.org"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("data:text/html,x"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("//example.org"));
        assert!(!is_http_url("https:///x"));
    }
}

/// `relative` resolved against the folder of `base` by plain string rules, so it works
/// without a browser: `sibling_url("data/matrix.json?v=2", "sdg/")` → `"data/sdg/"`.
pub fn sibling_url(base: &str, relative: &str) -> String {
    let without_query = base.split(['?', '#']).next().unwrap_or("");
    match without_query.rfind('/') {
        Some(slash) => format!("{}{relative}", without_query.get(..=slash).unwrap_or("")),
        None => relative.to_owned(),
    }
}

/// Joins a folder URL and a file name, adding the `/` between them when missing.
pub fn join_url(folder: &str, file: &str) -> String {
    if folder.is_empty() || folder.ends_with('/') {
        format!("{folder}{file}")
    } else {
        format!("{folder}/{file}")
    }
}

#[cfg(test)]
mod url_tests {
    use super::*;

    #[test]
    fn sibling_and_join() {
        assert_eq!(sibling_url("data/matrix.json?v=2", "sdg/"), "data/sdg/");
        assert_eq!(sibling_url("matrix.json", "sdg/"), "sdg/");
        assert_eq!(sibling_url("https://x.org/a/m.json#f", "sdg/"), "https://x.org/a/sdg/");
        assert_eq!(join_url("data/sdg", "sdg-fr.json"), "data/sdg/sdg-fr.json");
        assert_eq!(join_url("data/sdg/", "sdg-fr.json"), "data/sdg/sdg-fr.json");
    }
}
