//! The hand-coded fact tables, each naming the § of `data-facts.md` it was copied from.

use wsis_sdg_widgets::model::action_line::{ActionLineId, ACTION_LINE_IDS};
use wsis_sdg_widgets::model::Lang;

/// Each matrix row's name in the links CSV and in `action-lines-i18n.json`, in the crate's row
/// order (`ACTION_LINE_IDS`: §1.2 titles, 18 rows; §1.1/S3 abbreviations e-gov … e-sci).
pub(super) const CSV_NAMES: [&str; ActionLineId::COUNT] = [
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7 e-government",
    "C7 e-business",
    "C7 e-learning",
    "C7 e-health",
    "C7 e-employment",
    "C7 e-environment",
    "C7 e-agriculture",
    "C7 e-science",
    "C8",
    "C9",
    "C10",
    "C11",
];

/// (matrix id, CSV name) of every row, in order. The ids are the crate's: one list.
pub(super) fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    ACTION_LINE_IDS.into_iter().zip(CSV_NAMES)
}

/// The six languages' codes, from the crate.
pub(super) fn langs() -> [&'static str; 6] {
    Lang::ALL.map(Lang::code)
}

/// One row of the facilitator table (§1.3).
pub(super) struct Facilitator {
    pub(super) id: &'static str,
    pub(super) lead: &'static [&'static str],
    /// Co-facilitators / partners the table shows as seen (not "proposed", "attended", "not confirmed").
    pub(super) co: &'static [&'static str],
    /// Confidence when not H, and anything the table marks as unconfirmed or historical.
    pub(super) note: &'static str,
    /// Evidence tags of the row.
    pub(super) sources: &'static [&'static str],
}

/// §1.3 "Facilitators (lead / co-facilitators)", row by row; ITU's self-description is S9.
pub(super) const FACILITATORS: [Facilitator; 18] = [
    // §1.3 C1: S10, S11, S12, S13; ITU co-fac S9. Conf. H.
    Facilitator { id: "C1", lead: &["UN DESA"], co: &["ITU"], note: "", sources: &["S9", "S10", "S11", "S12", "S13"] },
    // §1.3 C2: S9, S13, S14 (APC), S15. Conf. H.
    Facilitator {
        id: "C2",
        lead: &["ITU"],
        co: &[],
        note: "APC was proposed as co-facilitator in 2006 (S14); not confirmed as co-facilitator.",
        sources: &["S9", "S13", "S14", "S15"],
    },
    // §1.3 C3: S14, S13, S9. Conf. H.
    Facilitator { id: "C3", lead: &["UNESCO"], co: &["ITU"], note: "", sources: &["S9", "S13", "S14"] },
    // §1.3 C4: S13 ("C4 – ITU"), S9. Conf. M.
    Facilitator {
        id: "C4",
        lead: &["ITU"],
        co: &[],
        note: "Confidence: medium. ITU is listed as facilitator in the 2017 WSIS report (S13) and earlier described itself as co-facilitator (S9); a UNESCO/UNDP role is not confirmed.",
        sources: &["S9", "S13"],
    },
    // §1.3 C5: S9, S16. Conf. H.
    Facilitator { id: "C5", lead: &["ITU"], co: &[], note: "", sources: &["S9", "S16"] },
    // §1.3 C6: S17, S9. Conf. H.
    Facilitator {
        id: "C6",
        lead: &["ITU"],
        co: &[],
        note: "UNDP was lead facilitator until May 2008, when ITU officially took over (S17).",
        sources: &["S9", "S17"],
    },
    // §1.3 C7 e-government: S10, S18. Conf. H.
    Facilitator { id: "e-gov", lead: &["UN DESA"], co: &["ITU"], note: "", sources: &["S10", "S18"] },
    // §1.3 C7 e-business: S18, S19. Conf. H (lead) / L (co).
    Facilitator {
        id: "e-bus",
        lead: &["UNCTAD"],
        co: &["UPU", "ITC"],
        note: "Confidence: high for the lead, low for UPU and ITC (postal e-commerce reported at the 2025 facilitators' meeting; listed among forum partner agencies).",
        sources: &["S18", "S19"],
    },
    // §1.3 C7 e-learning: S14. Conf. H.
    Facilitator { id: "e-lea", lead: &["UNESCO"], co: &["ITU"], note: "", sources: &["S14"] },
    // §1.3 C7 e-health: S20, S21, S18. Conf. H.
    Facilitator { id: "e-hea", lead: &["WHO"], co: &["ITU"], note: "", sources: &["S18", "S20", "S21"] },
    // §1.3 C7 e-employment: S22; ITU "per ITU co-fac of C7" = S9. Conf. H.
    Facilitator {
        id: "e-emp",
        lead: &["ILO"],
        co: &["ITU"],
        note: "ITU is listed because it describes itself as co-facilitator of C7 (S9).",
        sources: &["S9", "S22"],
    },
    // §1.3 C7 e-environment: S23. Conf. H.
    Facilitator {
        id: "e-env",
        lead: &["ITU", "WMO", "UNEP"],
        co: &[],
        note: "UNEP through the UNEP-Basel Convention Secretariat (S23).",
        sources: &["S23"],
    },
    // §1.3 C7 e-agriculture: S24, S25, S18. Conf. H.
    Facilitator { id: "e-agr", lead: &["FAO"], co: &["ITU"], note: "", sources: &["S18", "S24", "S25"] },
    // §1.3 C7 e-science: S26, S27. Conf. M.
    Facilitator {
        id: "e-sci",
        lead: &["UNESCO"],
        co: &[],
        note: "Confidence: medium. UNESCO as interim focal point; UNCTAD attended the first consultation (Beijing, 22 Oct 2006) but is not listed as co-facilitator.",
        sources: &["S26", "S27"],
    },
    // §1.3 C8: S28, S9. Conf. M–H.
    Facilitator {
        id: "C8",
        lead: &["UNESCO"],
        co: &["ITU"],
        note: "Confidence: medium to high. ITU is a partner for C8 (S9).",
        sources: &["S9", "S28"],
    },
    // §1.3 C9: S14, S9. Conf. H.
    Facilitator {
        id: "C9",
        lead: &["UNESCO"],
        co: &["ITU"],
        note: "ITU is a partner for C9 (S9).",
        sources: &["S9", "S14"],
    },
    // §1.3 C10: S14. Conf. H.
    Facilitator { id: "C10", lead: &["UNESCO"], co: &[], note: "", sources: &["S14"] },
    // §1.3 C11: S10, S11, S12, S9. Conf. H.
    Facilitator {
        id: "C11",
        lead: &["UN DESA"],
        co: &["ITU"],
        note: "UN Regional Commissions are active regionally.",
        sources: &["S9", "S10", "S11", "S12"],
    },
];

/// The repository of S4 (§4 row S4: GitHub `uwidcit/WSIS-SDG-Matrix`); S31 is a file in it.
pub(super) const S4_URL: &str = "https://github.com/uwidcit/WSIS-SDG-Matrix";

/// Source list (§4): tag, "Type column: what it is", first http(s) URL of the row.
/// Only the tags this file refers to are written out.
pub(super) const SOURCES: [(&str, &str, &str); 33] = [
    ("S1", "ITU page: WSIS–SDG Matrix home page", "https://www.itu.int/net4/wsis/sdg/"),
    ("S2", "ITU page: WSIS Action Lines coordination", "https://www.itu.int/en/itu-wsis/Pages/ActionLines.aspx"),
    (
        "S3",
        "ITU doc (copy): transcript of the ITU PDF “WSIS-SDG Matrix: Linking WSIS Action Lines with Sustainable Development Goals”",
        "https://docplayer.net/10864647-wsis-sdg-matrix-linking-wsis-action-lines-with-sustainable-development-goals.html",
    ),
    (
        "S4",
        "ITU-cooperated app data: ICT4SDG app by UWI AgriNeTT in cooperation with the WSIS Secretariat (GitHub uwidcit/WSIS-SDG-Matrix)",
        S4_URL,
    ),
    (
        "S5",
        "ITU session pages: WSIS Forum 2024 session 116; WSIS Forum 2025 session 398",
        "https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/116",
    ),
    (
        "S6",
        "ITU / national / ITU doc copy: WSIS Forum 2019 session 231; wsis.ae Action Lines page; studylib copy",
        "https://itu.int/net4/wsis/forum/2019/Agenda/ViewSession/231",
    ),
    (
        "S7",
        "ITU page (2006): WSIS implementation consultation, 24 February 2006",
        "http://www.itu.int/net/wsis/implementation/consultation24feb.html",
    ),
    ("S8", "ITU doc copy: ITU document ALC2/2/02-E, 8 May 2006", "https://paperzz.com/doc/7185368/english"),
    (
        "S9",
        "ITU publication abstract: ITU contribution to the implementation of the WSIS outcomes (ITU iLibrary)",
        "https://itu-ilibrary.org/science-and-technology/itu-contribution-to-the-implementation-of-the-wsis-outcomes_pub/805043d0-en",
    ),
    (
        "S10",
        "UNDESA report copy (2006): WSIS implementation consultation meeting on Action Line C1",
        "https://studylib.net/doc/12935981/wsis-implementation-consultation-meeting-on-action-line-c1",
    ),
    ("S11", "ITU session page: WSIS Forum 2016, session 229", "https://www.itu.int/net4/wsis/forum/2016/Agenda/Session/229"),
    ("S12", "ITU session page: WSIS Forum 2025, session 400", "https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/400"),
    (
        "S13",
        "ITU doc copy (Draft 1.1, 2017): 2017 WSIS Action Lines report",
        "https://vdocuments.site/wsis-action-lines-supporting-transformation-towards-sustainable-and-resilient-2017.html",
    ),
    ("S14", "NGO news (2006): EDRi-gram 4.20 on UNESCO and the WSIS Action Lines", "https://edri.org/our-work/edrigramnumber4-20unesco/"),
    (
        "S15",
        "ITU page: WSIS Action Line C2 facilitation consultation (Doha, 9 March 2006)",
        "http://www.itu.int/ITU-D/cyb/newslog/WSIS+Action+Line+Facilitation+Consultation+On+Information+And+Communication+Infrastructure+C2.aspx",
    ),
    ("S16", "ITU session page: WSIS Forum 2025, session 398", "https://www.itu.int/net4/wsis/forum/2025/en/Agenda/Session/398"),
    (
        "S17",
        "ITU page (mirror): WSIS Forum 2009, Action Line C6",
        "https://www.itu.int/net/wsis/implementation/2009/forum/geneva/al_c6.html",
    ),
    (
        "S18",
        "session report: WSIS Action Line facilitators meeting (WSIS Forum 2016, session 236)",
        "https://dig.watch/sessions/wsis-action-line-facilitators-meeting",
    ),
    (
        "S19",
        "session report (AI-generated summary): WSIS Action Lines facilitators meeting, WSIS+20 High-Level Event 2025",
        "https://dig.watch/event/wsis20-high-level-event-2025/wsis-action-lines-facilitators-meeting",
    ),
    (
        "S20",
        "ITU page: WSIS Forum 2010, Action Line meeting organised by WHO",
        "http://www.itu.int/net/wsis/implementation/2010/forum/geneva/ifm/ifm_12.html",
    ),
    ("S21", "ITU session page: WSIS Forum 2024, session 389", "https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/389"),
    ("S22", "ITU session page: WSIS Forum 2022, session 181", "https://www.itu.int/net4/wsis/forum/2022/Agenda/Session/181"),
    ("S23", "ITU session page: WSIS Forum 2017, session 228", "https://www.itu.int/net4/wsis/forum/2017/Agenda/Session/228"),
    ("S24", "FAO page: e-agriculture and the WSIS follow-up", "http://www.fao.org/e-agriculture/wsis-follow"),
    (
        "S25",
        "FAO report copy / blog: e-agriculture in the implementation of the WSIS",
        "https://text-id.123dok.com/document/qok5rpmy-e-agriculture-implementation-of-the-worl.html",
    ),
    (
        "S26",
        "UNESCO page: 1st consultation meeting on WSIS Action Line C7 e-science",
        "http://www.unesco.org/new/en/communication-and-information/flagship-project-activities/unesco-and-wsis/implementation-and-follow-up/unesco-and-wsis-action-lines/c7-e-science/1st-consultation-meeting-on-wsis-action-line-c7/",
    ),
    (
        "S27",
        "meeting report copy: official final report of the e-science meeting, October 2006",
        "https://muguet.com/www.wsis-si.org/UNESCO/Official-Final-Report-E-Science-Meeting-Oct06-corr3.html",
    ),
    ("S28", "secondary: bulletin of 24 February 2006, article 2173", "http://www.diversite-culturelle.qc.ca/"),
    (
        "S29",
        "session report: implementation of the WSIS Action Lines and the SDGs",
        "https://dig.watch/events/13th-internet-governance-forum/implementation-wsis-action-lines-sdgs-wsis-forum-2019/",
    ),
    ("S30", "ITU page: WSIS Forum 2017", "http://www.itu.int/net4/wsis/forum/2017/"),
    ("S31", "app text: WSIS_FORUM_INFO string in src/assets/i18n/en.json of the S4 app", S4_URL),
    (
        "S32",
        "UN doc copy: UN DGC “Guidelines for the use of the SDG logo…”, May 2020",
        "https://info.5y1.org/sustainable-development-goal_1_57c131.html",
    ),
    ("S33", "R package source: SDGsR SDGs_cols() palette", "https://rdrr.io/github/DrMattG/SDGsR/src/R/SDGs_colours.R"),
];

/// Date the reference was compiled (action-lines-i18n-notes.md, `_meta.retrieved`).
pub(super) const COMPILED: &str = "2026-11-23";

pub(super) const BASIS: &str = "Links follow the majority rule over the three encodings of the WSIS–SDG matrix in the ICT4SDG app data, made by The University of the West Indies in cooperation with the WSIS Secretariat (S4): the final Action Line → SDG file with targets and rationale (A), the final SDG → Action Line index (S) and an early Action Line → SDG list (E). A cell is a link when at least two of the three have it: 123 of the 128 cells, 118 of them in all three. Targets are kept exactly as the source gives them, including whole goals and targets of other goals. The cell pattern was not byte-checked against the grid of ITU's PDF (S3), whose ticks are graphics, and reflects the matrix of 2016–2017; ITU calls the matrix a living document (S1).";

pub(super) const RATIONALE_NOTE: &str = "Rationales are short English paraphrases (gists) of the rationale texts in the source data (S4), not ITU's wording. Some cells have targets but no rationale text in the source; those carry a note instead.";

pub(super) const NOTES: [&str; 6] = [
    "SDG colours: S33 palette, not read from the UN PDF page itself (S32); confidence M–H.",
    "Facilitator table built from ITU/UN session pages and reports (S9–S28); the Tunis Agenda annex list (S7, S8) was not found, so facilitators are not checked against it. Lead facilitators are well sourced; less certain co-facilitators carry a note.",
    "Some cells bundle targets of other goals (e.g. e-science × SDG 1 and C9 × SDG 5 carry one rationale for several SDGs; e-environment's SDG 14 targets are cited inside its SDG 15 cell); they are kept as given.",
    "C8 × SDG 9 has a target and rationale in the final Action Line file (A) but is in no other encoding, so the majority rule leaves it out.",
    "The English C1 title is the WSIS+10-era wording (“public governance authorities”); the French C1 title is the 2003 Plan of Action wording (“gouvernements”).",
    "Titles in French and Russian were read on the pages named in title_sources; recent multilingual WSIS Forum pages are machine translations and were not used.",
];

pub(super) const LICENCE: &str = "MIT (c) 2019 Open SDG; see LICENSE-open-sdg-translations.txt";
pub(super) const COLOUR_SOURCE: &str = "S33 palette as listed in data-facts §1.4";

// ---------------------------------------------------------------------------------------------
// Output shapes (field order = order in the files).
