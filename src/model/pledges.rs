//! Partner2Connect pledges: the total over time, breakdowns, and announcements.

use serde::Deserialize;

use super::date::Date;
use super::error::{Error, ErrorKind, Errors};
use super::input::parse_json;
use super::sdg::Sdg;
use super::source::{check_sources, known_ids, DataSource, RawSource};
use super::validate::{Checker, JsonPath, KnownIds};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPledges {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    format: u32,
    goal: RawGoal,
    milestones: Vec<RawMilestone>,
    #[serde(default)]
    breakdowns: Vec<RawBreakdown>,
    sdg_ranking: Option<RawSdgRanking>,
    #[serde(default)]
    announcements: Vec<RawAnnouncement>,
    #[serde(default)]
    sources: Vec<RawSource>,
    provenance: RawProvenance,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    usd: f64,
    by: String,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMilestone {
    date: String,
    event: String,
    usd: Option<f64>,
    usd_qualifier: Option<Qualifier>,
    pledges: Option<f64>,
    pledges_qualifier: Option<Qualifier>,
    entities: Option<f64>,
    entities_qualifier: Option<Qualifier>,
    countries: Option<f64>,
    countries_qualifier: Option<Qualifier>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreakdown {
    dimension: String,
    as_of: String,
    total_pledges: Option<f64>,
    total_usd: Option<f64>,
    categories: Vec<RawCategory>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    label: String,
    pledges: Option<f64>,
    usd: Option<f64>,
    usd_qualifier: Option<Qualifier>,
    #[serde(default)]
    derived: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSdgRanking {
    year: u16,
    as_of: String,
    top: Vec<i64>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnouncement {
    date: String,
    usd: f64,
    usd_qualifier: Option<Qualifier>,
    pledger: String,
    event: String,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvenance {
    compiled: String,
    basis: String,
    #[serde(default)]
    left_out: Vec<String>,
    #[serde(default)]
    notes: Vec<String>,
}

/// How exact a published figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    #[default]
    Exact,
    /// "more than".
    Over,
    /// "about".
    About,
}

/// A published number and how exact it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub qualifier: Qualifier,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub date: Date,
    pub event: String,
    pub usd: Option<Figure>,
    pub pledges: Option<Figure>,
    pub entities: Option<Figure>,
    pub countries: Option<Figure>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub label: String,
    pub pledges: Option<f64>,
    pub usd: Option<Figure>,
    /// Computed by the data's compilers from other published figures.
    pub derived: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// `stakeholder`, `pledge_type`, `pledger_region`, `implementation_region`, `ldc`, …
    pub dimension: String,
    pub as_of: Date,
    pub total_pledges: Option<f64>,
    pub total_usd: Option<f64>,
    pub categories: Vec<Category>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub date: Date,
    pub usd: Figure,
    pub pledger: String,
    pub event: String,
    pub sources: Vec<String>,
}

/// The SDGs most targeted by the pledges of one year, best first: the sources rank them but
/// give no counts or values per SDG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SdgRanking {
    pub year: u16,
    pub as_of: Date,
    pub top: Vec<Sdg>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

impl SdgRanking {
    /// 1 for the most targeted SDG; `None` when the ranking does not name it.
    pub fn rank(&self, sdg: Sdg) -> Option<usize> {
        self.top.iter().position(|s| *s == sdg).map(|i| i + 1)
    }
}

/// A source the pledge file cites.
pub type PledgeSource = DataSource;

#[derive(Clone, Debug, PartialEq)]
pub struct PledgesProvenance {
    pub compiled: String,
    pub basis: String,
    pub left_out: Vec<String>,
    pub notes: Vec<String>,
}

/// A validated `p2c-pledges.json`: milestones in date order, no negative amounts, breakdowns
/// whose parts fit their totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Pledges {
    pub goal_usd: f64,
    pub goal_by: Date,
    pub goal_sources: Vec<String>,
    pub milestones: Vec<Milestone>,
    pub breakdowns: Vec<Breakdown>,
    pub sdg_ranking: Option<SdgRanking>,
    pub announcements: Vec<Announcement>,
    pub sources: Vec<PledgeSource>,
    pub provenance: PledgesProvenance,
}

// Amounts are validated finite (no NaN), so equality is reflexive; `Eq` lets `Rc<Pledges>`
// comparisons stop at pointer equality.
impl Eq for Pledges {}

/// A published figure, when given: an amount, or a count (`whole`).
fn check_figure(
    check: &mut Checker,
    at: &JsonPath,
    value: Option<f64>,
    qualifier: Option<Qualifier>,
    whole: bool,
) -> Option<Figure> {
    let value = value?;
    let sound = if whole { check.count(at, value) } else { check.amount(at, value) };
    sound.then(|| Figure { value, qualifier: qualifier.unwrap_or_default() })
}

impl Pledges {
    /// Parses and validates, reporting the first fault.
    pub fn from_json(file: &str, text: &str) -> Result<Pledges, Error> {
        Pledges::from_json_all_errors(file, text).map_err(Errors::into_first)
    }

    /// Parses and validates, reporting every fault found.
    pub fn from_json_all_errors(file: &str, text: &str) -> Result<Pledges, Errors> {
        let raw: RawPledges = parse_json(file, text)?;
        let mut check = Checker::new(file);
        let root = JsonPath::root();
        check.format(raw.format);
        let sources = check_sources(&mut check, &root.field("sources"), raw.sources);
        let known = known_ids(&sources);
        let goal = root.field("goal");
        let goal_sound = check.amount(&goal.field("usd"), raw.goal.usd);
        let goal_by = check.date(&goal.field("by"), &raw.goal.by);
        check.sources(&goal, &raw.goal.sources, &known);
        let milestones = check_milestones(&mut check, &root.field("milestones"), raw.milestones, &known);
        let breakdowns = (raw.breakdowns.into_iter().enumerate())
            .filter_map(|(i, b)| check_breakdown(&mut check, &root.field("breakdowns").index(i), b, &known))
            .collect();
        let sdg_ranking = raw
            .sdg_ranking
            .and_then(|r| check_sdg_ranking(&mut check, &root.field("sdg_ranking"), r, &known));
        let announcements = (raw.announcements.into_iter().enumerate())
            .filter_map(|(i, a)| {
                check_announcement(&mut check, &root.field("announcements").index(i), a, &known)
            })
            .collect();
        check.text(&root.field("provenance").field("basis"), &raw.provenance.basis);
        let pledges = goal_by.filter(|_| goal_sound).map(|goal_by| Pledges {
            goal_usd: raw.goal.usd,
            goal_by,
            goal_sources: raw.goal.sources,
            milestones,
            breakdowns,
            sdg_ranking,
            announcements,
            sources,
            provenance: PledgesProvenance {
                compiled: raw.provenance.compiled,
                basis: raw.provenance.basis,
                left_out: raw.provenance.left_out,
                notes: raw.provenance.notes,
            },
        });
        check.finish(pledges)
    }

    pub fn source(&self, id: &str) -> Option<&PledgeSource> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// Milestones must come in date order: the timeline and "latest figure" rest on it.
fn check_milestones(
    check: &mut Checker,
    at: &JsonPath,
    raw: Vec<RawMilestone>,
    known: &KnownIds,
) -> Vec<Milestone> {
    let mut milestones: Vec<Milestone> = Vec::with_capacity(raw.len());
    for (i, m) in raw.into_iter().enumerate() {
        let at = at.index(i);
        check.text(&at.field("event"), &m.event);
        check.sources(&at, &m.sources, known);
        let Some(date) = check.date(&at.field("date"), &m.date) else { continue };
        if let Some(previous) = milestones.last().filter(|previous| date < previous.date) {
            let order = ErrorKind::OutOfOrder { this: date.to_string(), previous: previous.date.to_string() };
            check.fail(&at.field("date"), order);
        }
        milestones.push(Milestone {
            date,
            usd: check_figure(check, &at.field("usd"), m.usd, m.usd_qualifier, false),
            pledges: check_figure(check, &at.field("pledges"), m.pledges, m.pledges_qualifier, true),
            entities: check_figure(check, &at.field("entities"), m.entities, m.entities_qualifier, true),
            countries: check_figure(check, &at.field("countries"), m.countries, m.countries_qualifier, true),
            event: m.event,
            sources: m.sources,
        });
    }
    milestones
}

/// A breakdown's categories must not add up to more than its totals.
fn check_breakdown(
    check: &mut Checker,
    at: &JsonPath,
    b: RawBreakdown,
    known: &KnownIds,
) -> Option<Breakdown> {
    check.text(&at.field("dimension"), &b.dimension);
    check.sources(at, &b.sources, known);
    let as_of = check.date(&at.field("as_of"), &b.as_of);
    if let Some(total) = b.total_pledges {
        check.count(&at.field("total_pledges"), total);
    }
    if let Some(total) = b.total_usd {
        check.amount(&at.field("total_usd"), total);
    }
    let mut categories = Vec::with_capacity(b.categories.len());
    let (mut sum_pledges, mut sum_usd) = (0.0, 0.0);
    for (j, cat) in b.categories.into_iter().enumerate() {
        let at = at.field("categories").index(j);
        check.text(&at.field("label"), &cat.label);
        let pledges = cat.pledges.filter(|p| check.count(&at.field("pledges"), *p));
        let usd = check_figure(check, &at.field("usd"), cat.usd, cat.usd_qualifier, false);
        sum_pledges += pledges.unwrap_or(0.0);
        sum_usd += usd.map_or(0.0, |f| f.value);
        categories.push(Category { label: cat.label, pledges, usd, derived: cat.derived });
    }
    let exceeds = |what, parts: f64, total: f64| ErrorKind::PartsExceedTotal {
        what,
        parts: parts.to_string(),
        total: total.to_string(),
    };
    if let Some(total) = b.total_pledges.filter(|t| sum_pledges > *t) {
        check.fail(&at.field("categories"), exceeds("pledges", sum_pledges, total));
    }
    // Published values are rounded ("about 9.7 bn"), so allow rounding of 0.1 %.
    if let Some(total) = b.total_usd.filter(|t| sum_usd > *t * 1.001) {
        check.fail(&at.field("categories"), exceeds("USD", sum_usd, total));
    }
    Some(Breakdown {
        dimension: b.dimension,
        as_of: as_of?,
        total_pledges: b.total_pledges,
        total_usd: b.total_usd,
        categories,
        note: b.note,
        sources: b.sources,
    })
}

/// The ranked SDGs, each once.
fn check_sdg_ranking(
    check: &mut Checker,
    at: &JsonPath,
    r: RawSdgRanking,
    known: &KnownIds,
) -> Option<SdgRanking> {
    check.sources(at, &r.sources, known);
    let as_of = check.date(&at.field("as_of"), &r.as_of);
    let mut top: Vec<Sdg> = Vec::with_capacity(r.top.len());
    for (i, n) in r.top.iter().enumerate() {
        let at = at.field("top").index(i);
        match check.sdg(&at, *n) {
            Some(sdg) if top.contains(&sdg) => check.fail(&at, ErrorKind::DuplicateId(n.to_string())),
            Some(sdg) => top.push(sdg),
            None => {}
        }
    }
    Some(SdgRanking { year: r.year, as_of: as_of?, top, note: r.note, sources: r.sources })
}

fn check_announcement(
    check: &mut Checker,
    at: &JsonPath,
    a: RawAnnouncement,
    known: &KnownIds,
) -> Option<Announcement> {
    check.text(&at.field("pledger"), &a.pledger);
    check.text(&at.field("event"), &a.event);
    check.sources(at, &a.sources, known);
    let date = check.date(&at.field("date"), &a.date);
    let usd = check_figure(check, &at.field("usd"), Some(a.usd), a.usd_qualifier, false);
    Some(Announcement { date: date?, usd: usd?, pledger: a.pledger, event: a.event, sources: a.sources })
}

/// The headline figures, each with the milestone it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct PledgesSummary {
    /// Index of the latest milestone with a USD total.
    pub total: Option<usize>,
    /// Share of the goal reached, 0 to 1 (capped).
    pub progress: f64,
    pub pledges: Option<usize>,
    pub entities: Option<usize>,
    pub countries: Option<usize>,
    /// Index of the newest announcement (latest date; the later entry on a tie).
    pub newest_announcement: Option<usize>,
}

/// Headline figures: the latest known value of each, never a guessed one.
pub fn summarize(p: &Pledges) -> PledgesSummary {
    let latest =
        |pick: fn(&Milestone) -> Option<Figure>| p.milestones.iter().rposition(|m| pick(m).is_some());
    let total = latest(|m| m.usd);
    let progress = total.and_then(|i| p.milestones.get(i)).and_then(|m| m.usd).map_or(0.0, |usd| {
        if p.goal_usd > 0.0 {
            (usd.value / p.goal_usd).min(1.0)
        } else {
            0.0
        }
    });
    let newest_announcement = p
        .announcements
        .iter()
        .enumerate()
        .fold(None, |best: Option<(usize, Date)>, (i, a)| match best {
            Some((_, d)) if d > a.date => best,
            _ => Some((i, a.date)),
        })
        .map(|(i, _)| i);
    PledgesSummary {
        total,
        progress,
        pledges: latest(|m| m.pledges),
        entities: latest(|m| m.entities),
        countries: latest(|m| m.countries),
        newest_announcement,
    }
}

/// A "nice" step for about `target` intervals from 0 to `max`: 1, 2, 2.5 or 5 times a power of
/// ten (0 → 20 → 40 … rather than 0 → 17.3 → 34.6).
pub fn nice_step(max: f64, target: usize) -> f64 {
    if !(max.is_finite() && max > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = max / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw * 0.999)
        .unwrap_or(10.0 * magnitude);
    step
}

/// Ticks from 0 up to the first multiple of the step at or above `max`.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let step = nice_step(max, target);
    let count = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// A calendar year on the time axis, as fractions of the axis (0 at its start, 1 at its end).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearBand {
    pub year: u16,
    pub from: f64,
    pub to: f64,
}

/// A dated total on the chart: `x` from the axis start (0) to its end (1), `y` from the top of
/// the value axis (0) to zero (1), as SVG measures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelinePoint {
    /// Index in [`Pledges::milestones`].
    pub milestone: usize,
    pub x: f64,
    pub y: f64,
}

/// The timeline's geometry, independent of the width it is drawn at: the widget places
/// everything in percentages of its plot (so it fills any width without measuring it, and
/// renders the same on a server), the exported picture in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// Value ticks, from 0 to the top of the axis.
    pub ticks: Vec<f64>,
    /// The points with a USD total, in date order.
    pub points: Vec<TimelinePoint>,
    /// Whole calendar years from the first milestone's to the goal's (or the last milestone's).
    pub years: Vec<YearBand>,
    /// The goal line's `y`.
    pub goal_y: f64,
}

impl TimelineLayout {
    /// The top of the value axis.
    pub fn top(&self) -> f64 {
        self.ticks.last().copied().unwrap_or(1.0)
    }

    /// `y` of a value (0 at the top of the axis, 1 at zero).
    pub fn y(&self, usd: f64) -> f64 {
        1.0 - usd / self.top()
    }
}

/// Lays out the timeline: about five value steps up to the goal or the highest total, and the
/// time axis over whole years.
pub fn timeline_layout(p: &Pledges) -> TimelineLayout {
    let dated: Vec<(usize, &Milestone, f64)> =
        p.milestones.iter().enumerate().filter_map(|(i, m)| m.usd.map(|u| (i, m, u.value))).collect();
    let highest = dated.iter().map(|(_, _, v)| *v).fold(p.goal_usd, f64::max);
    let ticks = nice_ticks(highest.max(1.0), 5);
    let first_year = dated.first().map_or(p.goal_by.year, |(_, m, _)| m.date.year).min(p.goal_by.year);
    let last_year = dated.last().map_or(p.goal_by.year, |(_, m, _)| m.date.year).max(p.goal_by.year);
    let jan1 = |year: u16| Date { year, month: 1, day: Some(1) }.days_since_epoch() as f64;
    let (start, end) = (jan1(first_year), jan1(last_year.saturating_add(1)));
    let span = (end - start).max(1.0);
    let x = |day: f64| ((day - start) / span).clamp(0.0, 1.0);
    let years = (first_year..=last_year)
        .map(|year| YearBand { year, from: x(jan1(year)), to: x(jan1(year.saturating_add(1))) })
        .collect();
    let mut layout = TimelineLayout { ticks, points: Vec::new(), years, goal_y: 0.0 };
    layout.goal_y = layout.y(p.goal_usd);
    layout.points = dated
        .iter()
        .map(|(i, m, v)| TimelinePoint {
            milestone: *i,
            x: x(m.date.days_since_epoch() as f64),
            y: layout.y(*v),
        })
        .collect();
    layout
}

/// The room a label takes, in pixels: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// Rough width of a text in pixels at `size` px (Latin letters average about 0.55 em, wide
/// ones count more): enough to keep labels apart without measuring them in a browser.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' | ' ' | '(' | ')' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.64,
            c if c.is_ascii() => 0.56,
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.6,
        })
        .sum::<f64>()
        * size
}

/// Which labels to draw, in the order given (most wanted first): each one that does not touch
/// a label already kept, nor any of the `taken` boxes. The others are left out (their values
/// are in the table).
pub fn fit_labels(labels: &[LabelBox], taken: &[LabelBox]) -> Vec<bool> {
    let mut kept: Vec<LabelBox> = taken.to_vec();
    labels
        .iter()
        .map(|l| {
            let fits = kept.iter().all(|k| !k.overlaps(l));
            if fits {
                kept.push(*l);
            }
            fits
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(milestones: &str, breakdowns: &str, announcements: &str) -> String {
        format!(
            r#"{{"format":1,"goal":{{"usd":100000000000,"by":"2026-12-31","sources":["S1"]}},
            "milestones":[{milestones}],"breakdowns":[{breakdowns}],"announcements":[{announcements}],
            "sources":[{{"id":"S1","title":"ITU","url":"https://www.itu.int/"}}],
            "provenance":{{"compiled":"2026-11-23","basis":"test"}}}}"#
        )
    }

    const TWO: &str = r#"{"date":"2022-06-09","event":"WTDC-22","usd":18550000000,"pledges":360,"pledges_qualifier":"over","sources":["S1"]},
        {"date":"2026-03","event":"MWC26","usd":82000000000,"usd_qualifier":"over","countries":149}"#;

    #[test]
    fn loads_and_summarizes() {
        let p = Pledges::from_json("p.json", &doc(TWO, "", "")).unwrap();
        let s = summarize(&p);
        assert_eq!(s.total, Some(1));
        assert!((s.progress - 0.82).abs() < 1e-9);
        assert_eq!(s.pledges, Some(0));
        assert_eq!(s.entities, None);
        assert_eq!(p.milestones[1].usd.unwrap().qualifier, Qualifier::Over);
    }

    #[test]
    fn milestones_out_of_order() {
        let ms = r#"{"date":"2024-05-27","event":"a","usd":5},{"date":"2023-12-06","event":"b","usd":6}"#;
        let err = Pledges::from_json("p.json", &doc(ms, "", "")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.json: milestones[1].date: 2023-12-06 comes before the previous entry (2024-05-27)"
        );
    }

    #[test]
    fn negative_amount_and_bad_date() {
        let ms = r#"{"date":"2024-02-30","event":"a","usd":5},{"date":"2024-05-27","event":"b","usd":-1}"#;
        let errors = Pledges::from_json_all_errors("p.json", &doc(ms, "", "")).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            vec![
                "p.json: milestones[0].date: \"2024-02-30\" is not a date (YYYY-MM-DD or YYYY-MM)",
                "p.json: milestones[1].usd: -1 is negative",
            ]
        );
    }

    #[test]
    fn breakdown_parts_must_fit_the_total() {
        let b = r#"{"dimension":"stakeholder","as_of":"2023-12-06","total_pledges":10,
            "categories":[{"label":"a","pledges":6},{"label":"b","pledges":5}]}"#;
        let err = Pledges::from_json("p.json", &doc(TWO, b, "")).unwrap_err();
        assert_eq!(err.path(), "breakdowns[0].categories");
        assert_eq!(
            err.to_string(),
            "p.json: breakdowns[0].categories: the parts add up to 11 pledges, more than the total of 10"
        );
    }

    #[test]
    fn counts_are_whole_and_sources_known() {
        let ms = r#"{"date":"2024-05-27","event":"a","pledges":2.5,"sources":["S9"]}"#;
        let errors = Pledges::from_json_all_errors("p.json", &doc(ms, "", "")).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
        assert_eq!(paths, vec!["milestones[0].sources[0]", "milestones[0].pledges"]);
    }

    #[test]
    fn newest_announcement_prefers_the_later_entry_on_a_tie() {
        let a = r#"{"date":"2026-03-03","usd":1,"pledger":"A","event":"E"},{"date":"2026-03-03","usd":2,"pledger":"B","event":"E"},{"date":"2025-01-01","usd":3,"pledger":"C","event":"E"}"#;
        let p = Pledges::from_json("p.json", &doc(TWO, "", a)).unwrap();
        assert_eq!(summarize(&p).newest_announcement, Some(1));
        let err = Pledges::from_json(
            "p.json",
            &doc(TWO, "", r#"{"date":"2026-03-03","usd":1,"pledger":" ","event":"E"}"#),
        )
        .unwrap_err();
        assert_eq!(err.path(), "announcements[0].pledger");
    }

    #[test]
    fn an_sdg_ranking_names_real_sdgs_once() {
        let with = |top: &str| {
            doc(r#"{"date":"2024-01-01","event":"e","usd":1,"sources":["S1"]}"#, "", "").replace(
                r#""announcements""#,
                &format!(r#""sdg_ranking":{{"year":2023,"as_of":"2023-12-06","top":[{top}],"sources":["S1"]}},"announcements""#),
            )
        };
        let ok = Pledges::from_json("p.json", &with("9,4,10")).map(|p| p.sdg_ranking);
        let ranking = ok.ok().flatten();
        assert_eq!(ranking.as_ref().and_then(|r| Sdg::new(4).and_then(|s| r.rank(s))), Some(2));
        assert_eq!(ranking.and_then(|r| Sdg::new(5).and_then(|s| r.rank(s))), None);
        let err = Pledges::from_json("p.json", &with("9,18")).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("p.json: sdg_ranking.top[1]: 18 is not an SDG (1–17)"));
        let err = Pledges::from_json("p.json", &with("9,9")).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("p.json: sdg_ranking.top[1]: \"9\" appears more than once"));
    }

    #[test]
    fn the_bundled_file_is_valid() {
        let text = include_str!("../../data/p2c-pledges.json");
        let p = Pledges::from_json("p2c-pledges.json", text).unwrap();
        let s = summarize(&p);
        let total = p.milestones[s.total.unwrap()].usd.unwrap();
        assert_eq!(total.value, 82e9);
        assert_eq!(total.qualifier, Qualifier::Over);
    }
    #[test]
    fn nice_steps_are_round() {
        assert_eq!(nice_ticks(100e9, 5), vec![0.0, 20e9, 40e9, 60e9, 80e9, 100e9]);
        assert_eq!(nice_ticks(82e9, 5), vec![0.0, 20e9, 40e9, 60e9, 80e9, 100e9]);
        assert_eq!(nice_step(7.0, 5), 2.0);
        assert_eq!(nice_step(12.0, 5), 2.5);
        assert_eq!(nice_ticks(1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    }

    #[test]
    fn the_timeline_spans_whole_years_and_places_points() {
        let p = Pledges::from_json("p.json", &doc(TWO, "", "")).unwrap();
        let t = timeline_layout(&p);
        assert_eq!(t.years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2022, 2023, 2024, 2025, 2026]);
        assert_eq!(t.years[0].from, 0.0);
        assert_eq!(t.years[4].to, 1.0);
        assert_eq!(t.top(), 100e9);
        assert_eq!(t.goal_y, 0.0);
        assert_eq!(t.points.len(), 2);
        // 9 June 2022 is 159 days into five years (1826 days).
        assert!((t.points[0].x - 159.0 / 1826.0).abs() < 1e-9);
        assert!((t.points[1].y - 0.18).abs() < 1e-9);
    }

    #[test]
    fn fitted_labels_never_share_room() {
        let at = |x: f64, y: f64| LabelBox { x, y, w: 40.0, h: 14.0 };
        let wall = [at(200.0, 0.0)];
        let kept =
            fit_labels(&[at(0.0, 0.0), at(30.0, 5.0), at(30.0, 14.0), at(41.0, 0.0), at(180.0, 10.0)], &wall);
        assert_eq!(kept, vec![true, false, true, true, false]);
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0));
    }
}
