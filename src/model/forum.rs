//! WSIS Forum outcome mappings: forum years, their sessions, and each session's Action Lines
//! and SDGs — recorded, or derived through the matrix.

use serde::Deserialize;

use super::action_line::ActionLineId;
use super::date::Date;
use super::error::{Error, ErrorKind, Errors};
use super::input::parse_json;
use super::matrix::{Matrix, ACTION_LINE_IDS};
use super::pledges::{Figure, Qualifier};
use super::sdg::Sdg;
use super::source::{check_sources, known_ids, DataSource, RawSource};
use super::text::{fold_text, Needle};
use super::validate::KnownIds;
use super::validate::{repeated, Checker, JsonPath};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForum {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    format: u32,
    #[serde(default)]
    synthetic: bool,
    years: Vec<RawYear>,
    sessions: Vec<RawSession>,
    #[serde(default)]
    sources: Vec<RawSource>,
    provenance: RawProvenance,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i64,
    theme: Option<String>,
    dates: Option<String>,
    format: Option<String>,
    #[serde(default)]
    figures: Vec<RawFigure>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    name: String,
    value: f64,
    qualifier: Option<Qualifier>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSession {
    year: i64,
    id: Option<String>,
    title: String,
    #[serde(rename = "type")]
    session_type: Option<String>,
    #[serde(default)]
    organisers: Vec<String>,
    date: Option<String>,
    #[serde(default)]
    action_lines: Vec<String>,
    #[serde(default)]
    sdgs: Vec<i64>,
    url: Option<String>,
    source: Option<String>,
    confidence: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvenance {
    compiled: String,
    basis: String,
    #[serde(default)]
    notes: Vec<String>,
}

/// One forum year and its headline figures (only those a source gives).
#[derive(Clone, Debug, PartialEq)]
pub struct ForumYear {
    pub year: u16,
    pub theme: Option<String>,
    pub dates: Option<String>,
    pub format: Option<String>,
    pub figures: Vec<YearFigure>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearFigure {
    /// `sessions`, `participants`, `countries`, …
    pub name: String,
    pub figure: Figure,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// A forum session with the Action Lines (matrix rows) and SDGs its record names.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub year: u16,
    pub id: Option<String>,
    pub title: String,
    pub session_type: Option<String>,
    pub organisers: Vec<String>,
    pub date: Option<Date>,
    /// Indices into the matrix rows ([`ACTION_LINE_IDS`]).
    pub action_lines: Vec<usize>,
    pub sdgs: Vec<Sdg>,
    /// Always http(s): checked on load.
    pub url: Option<String>,
    pub source: Option<String>,
    /// `H` (an ITU session page) or `M` (a secondary report), as the compilers graded it.
    pub confidence: Option<String>,
    /// Title and organisers folded for search, computed once on load.
    pub search_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Forum {
    /// Made by `cargo xtask gen-forum`, for tests and benchmarks only.
    pub synthetic: bool,
    pub years: Vec<ForumYear>,
    pub sessions: Vec<Session>,
    pub sources: Vec<DataSource>,
    pub basis: String,
    pub compiled: String,
    pub notes: Vec<String>,
}

// Values are validated finite (no NaN), so equality is reflexive. `Eq` also lets
// `Rc<Forum>` comparisons (props, memo dependencies) stop at pointer equality instead of
// walking thousands of sessions.
impl Eq for Forum {}

impl Forum {
    pub fn from_json(file: &str, text: &str) -> Result<Forum, Error> {
        Forum::from_json_all_errors(file, text).map_err(Errors::into_first)
    }

    /// Parses and validates, reporting every fault found.
    pub fn from_json_all_errors(file: &str, text: &str) -> Result<Forum, Errors> {
        let raw: RawForum = parse_json(file, text)?;
        let mut check = Checker::new(file);
        let root = JsonPath::root();
        check.format(raw.format);
        let sources = check_sources(&mut check, &root.field("sources"), raw.sources);
        let known = known_ids(&sources);
        let years = check_years(&mut check, &root.field("years"), raw.years, &known);
        let sessions = check_sessions(&mut check, &root.field("sessions"), raw.sessions, &known);
        check.finish(Some(Forum {
            synthetic: raw.synthetic,
            years,
            sessions,
            sources,
            basis: raw.provenance.basis,
            compiled: raw.provenance.compiled,
            notes: raw.provenance.notes,
        }))
    }
}

fn forum_year(check: &mut Checker, at: &JsonPath, year: i64) -> Option<u16> {
    let valid = u16::try_from(year).ok().filter(|y| (2003..=2100).contains(y));
    if valid.is_none() {
        check.fail(at, ErrorKind::NotAForumYear(year));
    }
    valid
}

/// The years, each once, in order.
fn check_years(check: &mut Checker, at: &JsonPath, raw: Vec<RawYear>, known: &KnownIds) -> Vec<ForumYear> {
    let keys: Vec<String> = raw.iter().map(|y| y.year.to_string()).collect();
    let repeated = repeated(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    let mut years = Vec::with_capacity(raw.len());
    for ((i, y), again) in raw.into_iter().enumerate().zip(repeated) {
        let at = at.index(i);
        let Some(year) = forum_year(check, &at.field("year"), y.year) else { continue };
        if again {
            check.fail(&at.field("year"), ErrorKind::DuplicateId(year.to_string()));
            continue;
        }
        check.sources(&at, &y.sources, known);
        let mut figures = Vec::with_capacity(y.figures.len());
        for (j, f) in y.figures.into_iter().enumerate() {
            let at = at.field("figures").index(j);
            check.sources(&at, &f.sources, known);
            if check.amount(&at.field("value"), f.value) {
                figures.push(YearFigure {
                    name: f.name,
                    figure: Figure { value: f.value, qualifier: f.qualifier.unwrap_or_default() },
                    note: f.note,
                    sources: f.sources,
                });
            }
        }
        years.push(ForumYear {
            year,
            theme: y.theme,
            dates: y.dates,
            format: y.format,
            figures,
            sources: y.sources,
        });
    }
    years.sort_by_key(|y| y.year);
    years
}

/// The sound sessions; of a session given twice (same year and id: ids restart each year),
/// the first sound one is kept.
fn check_sessions(
    check: &mut Checker,
    at: &JsonPath,
    raw: Vec<RawSession>,
    known: &KnownIds,
) -> Vec<Session> {
    let sound: Vec<(usize, Session)> = (raw.into_iter().enumerate())
        .filter_map(|(i, s)| check_session(check, &at.index(i), s, known).map(|s| (i, s)))
        .collect();
    let keys: Vec<String> = sound
        .iter()
        .map(|(_, s)| s.id.as_ref().map(|id| format!("{}/{id}", s.year)).unwrap_or_default())
        .collect();
    let repeated = repeated(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    let mut sessions = Vec::with_capacity(sound.len());
    for (((i, session), again), key) in sound.into_iter().zip(repeated).zip(keys) {
        if again && session.id.is_some() {
            check.fail(&at.index(i).field("id"), ErrorKind::DuplicateId(key));
        } else {
            sessions.push(session);
        }
    }
    sessions
}

fn check_session(check: &mut Checker, at: &JsonPath, s: RawSession, known: &KnownIds) -> Option<Session> {
    let mark = check.mark();
    let year = forum_year(check, &at.field("year"), s.year);
    check.text(&at.field("title"), &s.title);
    let action_lines: Vec<usize> = (s.action_lines.iter().enumerate())
        .filter_map(|(j, id)| check.action_line(&at.field("action_lines").index(j), id))
        .map(ActionLineId::row)
        .collect();
    let sdgs: Vec<Sdg> =
        s.sdgs.iter().enumerate().filter_map(|(j, n)| check.sdg(&at.field("sdgs").index(j), *n)).collect();
    let date = s.date.as_deref().and_then(|text| check.date(&at.field("date"), text));
    if let (Some(date), Some(year)) = (date, year) {
        if date.year != year {
            check.fail(&at.field("date"), ErrorKind::DateOutsideYear { date: date.to_string(), year });
        }
    }
    if let Some(url) = &s.url {
        check.http_url(&at.field("url"), url);
    }
    if let Some(source) = &s.source {
        check.source(&at.field("source"), source, known);
    }
    let year = year.filter(|_| check.clean_since(mark))?;
    Some(Session {
        search_text: fold_text(&format!("{}\n{}", s.title, s.organisers.join("\n"))),
        year,
        id: s.id,
        title: s.title,
        session_type: s.session_type.filter(|t| !t.trim().is_empty()),
        organisers: s.organisers.into_iter().filter(|o| !o.trim().is_empty()).collect(),
        date,
        action_lines,
        sdgs,
        url: s.url,
        source: s.source,
        confidence: s.confidence,
    })
}

/// Whether SDGs count only when a session's record names them, or also through the matrix
/// (a session on C5 relates to the SDGs the matrix links to C5).
///
/// Through the matrix is the default: the public records tag SDGs for very few sessions, so
/// counting recorded tags only gives a nearly empty grid; the widget marks which counts are
/// recorded ([`ForumView::recorded`]), and "recorded only" is one click away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SdgBasis {
    Recorded,
    #[default]
    RecordedAndViaMatrix,
}

/// How a session relates to an SDG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SdgLink {
    Recorded,
    /// Derived: one of the session's Action Lines is linked to the SDG in the matrix.
    ViaMatrix,
}

/// The SDGs of a session, recorded ones first, each saying how it is known. Derived data:
/// computed from the two files, never stored.
pub fn session_sdgs(session: &Session, matrix: &Matrix, basis: SdgBasis) -> Vec<(Sdg, SdgLink)> {
    let mut out: Vec<(Sdg, SdgLink)> = session.sdgs.iter().map(|s| (*s, SdgLink::Recorded)).collect();
    if basis == SdgBasis::RecordedAndViaMatrix {
        for sdg in Sdg::all() {
            let linked = session.action_lines.iter().any(|row| matrix.link_at(*row, sdg).is_some());
            if linked && !out.iter().any(|(s, _)| *s == sdg) {
                out.push((sdg, SdgLink::ViaMatrix));
            }
        }
    }
    out
}

/// What the reader narrowed the sessions to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ForumQuery {
    /// `None`: all years.
    pub year: Option<u16>,
    pub action_line: Option<usize>,
    pub sdg: Option<Sdg>,
    pub session_type: Option<String>,
    pub organiser: Option<String>,
    pub search: String,
    pub basis: SdgBasis,
}

impl ForumQuery {
    /// How many of the menus (year, Action Line, SDG, type, organiser) narrow the sessions: the
    /// count the Filters button of a narrow widget shows. The search box stays in view and the
    /// SDG basis is a way of counting, so neither counts.
    pub fn active_filters(&self) -> usize {
        [
            self.year.is_some(),
            self.action_line.is_some(),
            self.sdg.is_some(),
            self.session_type.is_some(),
            self.organiser.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }
}

/// The sessions that match, and the Action Line × SDG counts over them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForumView {
    pub sessions: Vec<usize>,
    /// `counts[row * 17 + sdg.index()]`: matching sessions on that cell.
    pub counts: Vec<u32>,
    /// The same cells, counting only the sessions whose own record names the SDG (equal to
    /// `counts` on [`SdgBasis::Recorded`]).
    pub recorded: Vec<u32>,
    pub row_totals: Vec<u32>,
    pub sdg_totals: Vec<u32>,
}

impl ForumView {
    pub fn count(&self, row: usize, sdg: Sdg) -> u32 {
        self.counts.get(row * Sdg::COUNT + sdg.index()).copied().unwrap_or(0)
    }

    /// How many of [`ForumView::count`]'s sessions record the SDG themselves.
    pub fn recorded_count(&self, row: usize, sdg: Sdg) -> u32 {
        self.recorded.get(row * Sdg::COUNT + sdg.index()).copied().unwrap_or(0)
    }
}

/// The order the session list can be sorted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Title,
}

/// What a keystroke would otherwise work out again for every session: each session's SDGs as
/// bit sets (bit `sdg.index()`), and the sessions in each sort order. Built once per (forum,
/// matrix), so filtering is one pass without allocation and sorting the matches is a walk of a
/// ready order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForumIndex {
    /// Per session: (recorded SDGs, SDGs only via the matrix).
    sdg_bits: Vec<(u32, u32)>,
    by_date: Vec<usize>,
    by_title: Vec<usize>,
}

impl ForumIndex {
    pub fn new(forum: &Forum, matrix: &Matrix) -> ForumIndex {
        let sdg_bits = forum
            .sessions
            .iter()
            .map(|s| {
                let recorded = s.sdgs.iter().fold(0u32, |bits, sdg| bits | 1 << sdg.index());
                let linked = Sdg::all()
                    .filter(|sdg| s.action_lines.iter().any(|row| matrix.link_at(*row, *sdg).is_some()))
                    .fold(0u32, |bits, sdg| bits | 1 << sdg.index());
                (recorded, linked & !recorded)
            })
            .collect();
        let mut by_date: Vec<usize> = (0..forum.sessions.len()).collect();
        by_date.sort_by_key(|i| forum.sessions.get(*i).map(|s| (s.year, s.date)));
        let mut by_title: Vec<usize> = (0..forum.sessions.len()).collect();
        by_title.sort_by_cached_key(|i| {
            forum.sessions.get(*i).map(|s| s.title.to_lowercase()).unwrap_or_default()
        });
        ForumIndex { sdg_bits, by_date, by_title }
    }

    /// The SDGs of session `i` on `basis`, as a bit set.
    fn sdgs(&self, i: usize, basis: SdgBasis) -> u32 {
        let (recorded, via) = self.sdg_bits.get(i).copied().unwrap_or((0, 0));
        match basis {
            SdgBasis::Recorded => recorded,
            SdgBasis::RecordedAndViaMatrix => recorded | via,
        }
    }

    /// The matching sessions of `view` in list order (also the order of exported rows).
    pub fn sorted(&self, view: &ForumView, sort: SortBy) -> Vec<usize> {
        let mut matching = vec![false; self.sdg_bits.len()];
        for i in &view.sessions {
            if let Some(m) = matching.get_mut(*i) {
                *m = true;
            }
        }
        let order = match sort {
            SortBy::Date => &self.by_date,
            SortBy::Title => &self.by_title,
        };
        order.iter().copied().filter(|i| matching.get(*i).copied().unwrap_or(false)).collect()
    }
}

/// The sessions matching `query` and their counts; builds the index (use
/// [`compute_forum_view_indexed`] with a kept [`ForumIndex`] where the query changes often).
pub fn compute_forum_view(forum: &Forum, matrix: &Matrix, query: &ForumQuery) -> ForumView {
    compute_forum_view_indexed(forum, &ForumIndex::new(forum, matrix), query)
}

pub fn compute_forum_view_indexed(forum: &Forum, index: &ForumIndex, query: &ForumQuery) -> ForumView {
    let needle = Needle::new(&query.search);
    let rows = ACTION_LINE_IDS.len();
    let mut counts = vec![0u32; rows * Sdg::COUNT];
    let mut recorded = vec![0u32; rows * Sdg::COUNT];
    let mut row_totals = vec![0u32; rows];
    let mut sdg_totals = vec![0u32; Sdg::COUNT];
    let mut matching = Vec::new();
    let wanted_bit = query.sdg.map(|sdg| 1u32 << sdg.index());
    for (i, s) in forum.sessions.iter().enumerate() {
        if query.year.is_some_and(|y| y != s.year)
            || query.action_line.is_some_and(|row| !s.action_lines.contains(&row))
            || query.session_type.as_deref().is_some_and(|t| s.session_type.as_deref() != Some(t))
            || query.organiser.as_deref().is_some_and(|o| !s.organisers.iter().any(|x| x == o))
        {
            continue;
        }
        let sdgs = index.sdgs(i, query.basis);
        if wanted_bit.is_some_and(|bit| sdgs & bit == 0) {
            continue;
        }
        if needle.as_ref().is_some_and(|n| !n.is_in_folded(&s.search_text)) {
            continue;
        }
        matching.push(i);
        for row in &s.action_lines {
            if let Some(t) = row_totals.get_mut(*row) {
                *t += 1;
            }
            if let Some(cells) = counts.get_mut(row * Sdg::COUNT..(row + 1) * Sdg::COUNT) {
                add_bits(cells, sdgs);
            }
            if let Some(cells) = recorded.get_mut(row * Sdg::COUNT..(row + 1) * Sdg::COUNT) {
                add_bits(cells, index.sdgs(i, SdgBasis::Recorded));
            }
        }
        add_bits(&mut sdg_totals, sdgs);
    }
    ForumView { sessions: matching, counts, recorded, row_totals, sdg_totals }
}

/// Adds one to `counts[k]` for every bit k set in `bits`.
fn add_bits(counts: &mut [u32], bits: u32) {
    for (k, c) in counts.iter_mut().enumerate() {
        *c += (bits >> k) & 1;
    }
}

/// Share of a year's sessions that name each Action Line (for comparing years).
pub fn action_line_shares(forum: &Forum, year: u16) -> Vec<f64> {
    let in_year: Vec<&Session> = forum.sessions.iter().filter(|s| s.year == year).collect();
    let total = in_year.len().max(1) as f64;
    (0..ACTION_LINE_IDS.len())
        .map(|row| in_year.iter().filter(|s| s.action_lines.contains(&row)).count() as f64 / total)
        .collect()
}

/// Share of a year's sessions related to each SDG (recorded, or also via the matrix).
pub fn sdg_shares(forum: &Forum, matrix: &Matrix, year: u16, basis: SdgBasis) -> Vec<f64> {
    let in_year: Vec<&Session> = forum.sessions.iter().filter(|s| s.year == year).collect();
    let total = in_year.len().max(1) as f64;
    let mut counts = vec![0usize; Sdg::COUNT];
    for s in &in_year {
        for (sdg, _) in session_sdgs(s, matrix, basis) {
            if let Some(c) = counts.get_mut(sdg.index()) {
                *c += 1;
            }
        }
    }
    counts.into_iter().map(|c| c as f64 / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::matrix::tests::fixture as matrix_fixture;

    #[test]
    fn active_filters_count_the_menus_not_the_search_or_basis() {
        assert_eq!(ForumQuery::default().active_filters(), 0);
        let q = ForumQuery {
            search: "ai".into(),
            basis: SdgBasis::Recorded,
            year: Some(2024),
            organiser: Some("ITU".into()),
            ..Default::default()
        };
        assert_eq!(q.active_filters(), 2);
    }

    fn forum(sessions: &str) -> Result<Forum, Errors> {
        Forum::from_json_all_errors(
            "forum.json",
            &format!(
                r#"{{"format":1,"years":[{{"year":2024,"theme":"WSIS+20","figures":[{{"name":"sessions","value":200,"qualifier":"about"}}]}}],
                "sessions":[{sessions}],"provenance":{{"compiled":"2026-11-23","basis":"test"}}}}"#
            ),
        )
    }

    fn matrix() -> Matrix {
        let links = r#"{"action_line":"C5","sdg":9,"agreement":"all"},{"action_line":"C5","sdg":16,"agreement":"all"},{"action_line":"C1","sdg":5,"agreement":"all"}"#;
        Matrix::from_json("m.json", &matrix_fixture(links)).unwrap()
    }

    const TWO: &str = r#"{"year":2024,"id":"1","title":"Building trust","organisers":["ITU"],"date":"2024-05-28","action_lines":["C5"],"sdgs":[]},
        {"year":2024,"id":"2","title":"Women online","organisers":["UN Women","ITU"],"action_lines":["C1"],"sdgs":[5,10]}"#;

    #[test]
    fn index_sorts_the_matches_by_date_or_title() {
        let f = forum(
            r#"{"year":2024,"id":"1","title":"b late","date":"2024-05-30","action_lines":["C5"]},
               {"year":2024,"id":"2","title":"A early","date":"2024-05-27","action_lines":["C1"]},
               {"year":2024,"id":"3","title":"c middle","date":"2024-05-28","action_lines":["C1"]}"#,
        )
        .unwrap();
        let m = matrix();
        let index = ForumIndex::new(&f, &m);
        let all = compute_forum_view_indexed(&f, &index, &ForumQuery::default());
        assert_eq!(index.sorted(&all, SortBy::Date), vec![1, 2, 0]);
        assert_eq!(index.sorted(&all, SortBy::Title), vec![1, 0, 2], "case does not decide the order");
        let c1 = compute_forum_view_indexed(
            &f,
            &index,
            &ForumQuery { action_line: Some(0), ..Default::default() },
        );
        assert_eq!(index.sorted(&c1, SortBy::Date), vec![1, 2]);
    }

    #[test]
    fn counts_a_recorded_sdg_once_when_the_matrix_also_links_it() {
        let f = forum(r#"{"year":2024,"id":"1","title":"t","action_lines":["C1"],"sdgs":[5]}"#).unwrap();
        let view = compute_forum_view(
            &f,
            &matrix(),
            &ForumQuery { basis: SdgBasis::RecordedAndViaMatrix, ..Default::default() },
        );
        assert_eq!(view.count(0, Sdg::new(5).unwrap()), 1);
        assert_eq!(view.sdg_totals.iter().sum::<u32>(), 1);
    }

    #[test]
    fn loads_and_filters() {
        let f = forum(TWO).unwrap();
        let m = matrix();
        let all = compute_forum_view(&f, &m, &ForumQuery { basis: SdgBasis::Recorded, ..Default::default() });
        assert_eq!(all.sessions, vec![0, 1]);
        assert_eq!(all.count(0, Sdg::new(5).unwrap()), 1, "recorded SDG 5 on C1");
        assert_eq!(all.count(4, Sdg::new(9).unwrap()), 0, "C5 has no recorded SDG");
        assert_eq!(all.recorded, all.counts);
        // The default counts through the matrix too, and keeps the recorded counts apart.
        let via = compute_forum_view(&f, &m, &ForumQuery::default());
        assert_eq!(via.count(4, Sdg::new(9).unwrap()), 1, "C5 × SDG 9 through the matrix");
        assert_eq!(via.recorded_count(4, Sdg::new(9).unwrap()), 0, "not recorded");
        assert_eq!(via.recorded_count(0, Sdg::new(5).unwrap()), 1, "recorded SDG 5 on C1");
        let women = compute_forum_view(
            &f,
            &m,
            &ForumQuery { organiser: Some("UN Women".into()), ..Default::default() },
        );
        assert_eq!(women.sessions, vec![1]);
        let text = compute_forum_view(&f, &m, &ForumQuery { search: "TRUST".into(), ..Default::default() });
        assert_eq!(text.sessions, vec![0]);
        let sdg9 = compute_forum_view(
            &f,
            &m,
            &ForumQuery { sdg: Sdg::new(9), basis: SdgBasis::RecordedAndViaMatrix, ..Default::default() },
        );
        assert_eq!(sdg9.sessions, vec![0]);
        assert_eq!(action_line_shares(&f, 2024)[4], 0.5);
        assert_eq!(sdg_shares(&f, &m, 2024, SdgBasis::Recorded)[4], 0.5);
        assert_eq!(sdg_shares(&f, &m, 2024, SdgBasis::Recorded)[8], 0.0);
        assert_eq!(sdg_shares(&f, &m, 2024, SdgBasis::RecordedAndViaMatrix)[8], 0.5);
    }

    #[test]
    fn via_matrix_is_marked_apart_from_recorded() {
        let f = forum(TWO).unwrap();
        let sdgs = session_sdgs(&f.sessions[1], &matrix(), SdgBasis::RecordedAndViaMatrix);
        assert_eq!(
            sdgs,
            vec![(Sdg::new(5).unwrap(), SdgLink::Recorded), (Sdg::new(10).unwrap(), SdgLink::Recorded)]
        );
        let sdgs = session_sdgs(&f.sessions[0], &matrix(), SdgBasis::RecordedAndViaMatrix);
        assert!(sdgs.iter().all(|(_, how)| *how == SdgLink::ViaMatrix));
    }

    #[test]
    fn bad_sessions_name_file_and_path() {
        let bad = r#"{"year":2024,"id":"1","title":"a","action_lines":["C12"],"sdgs":[18],"date":"2023-05-01"},
            {"year":2024,"id":"1","title":"b"},{"year":2024,"id":"1","title":"c"}"#;
        let errors = forum(bad).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines[0], "forum.json: sessions[0].action_lines[0]: \"C12\" is not a WSIS Action Line id");
        assert_eq!(lines[1], "forum.json: sessions[0].sdgs[0]: 18 is not an SDG (1–17)");
        assert_eq!(lines[2], "forum.json: sessions[0].date: 2023-05-01 is not in the session's year 2024");
        assert_eq!(lines[3], "forum.json: sessions[2].id: \"2024/1\" appears more than once");
        assert_eq!(lines.len(), 4);
    }
}
