//! The one stylesheet every widget adopts into its shadow root (`adoptedStyleSheets`), so no
//! `<style>` element or `style=` attribute is needed and a strict `style-src` CSP is fine.
//!
//! Hosts theme the widgets only through the `--wsis-*` custom properties and `::part()`.

use crate::model::palette::{Palette, DARK, LIGHT, SDG_COLOURS};
use crate::model::scene::ink_on;

/// The stylesheet text: the palette's custom properties, the rules, the SDG colour classes.
pub fn stylesheet() -> String {
    let mut css = String::new();
    css.push_str(&format!(".root{{{}}}", theme_defaults(&LIGHT)));
    css.push_str(&format!(".theme-dark{{{}}}", theme_defaults(&DARK)));
    css.push_str(&format!("@media (prefers-color-scheme: dark){{.theme-auto{{{}}}}}", theme_defaults(&DARK)));
    css.push_str(BASE);
    for (i, colour) in SDG_COLOURS.iter().enumerate() {
        css.push_str(&format!(".sdg-{n}{{--sdg:{colour};--sdg-ink:{ink}}}", n = i + 1, ink = ink_on(colour)));
    }
    css
}

/// The `--wsis-*-default` properties of a theme (hosts override the `--wsis-*` ones).
fn theme_defaults(p: &Palette) -> String {
    [
        ("fg", p.fg),
        ("bg", p.bg),
        ("muted", p.muted),
        ("border", p.border),
        ("accent", p.accent),
        ("surface", p.surface),
        ("mark", p.mark),
        ("alert", p.alert_border),
    ]
    .iter()
    .map(|(name, colour)| format!("--wsis-{name}-default:{colour};"))
    .collect()
}

const BASE: &str = r#"
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  container: wsis / inline-size;
  box-sizing: border-box;
  font-family: var(--wsis-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif);
  font-size: var(--wsis-font-size, 16px);
  line-height: 1.45;
  color: var(--wsis-fg);
  background: var(--wsis-bg);
  text-align: start;
  --wsis-fg: var(--wsis-color, var(--wsis-fg-default));
  --wsis-bg: var(--wsis-background, var(--wsis-bg-default));
  --wsis-muted: var(--wsis-muted-color, var(--wsis-muted-default));
  --wsis-border: var(--wsis-border-color, var(--wsis-border-default));
  --wsis-accent: var(--wsis-accent-color, var(--wsis-accent-default));
  --wsis-surface: var(--wsis-surface-color, var(--wsis-surface-default));
  --wsis-mark: var(--wsis-mark-color, var(--wsis-mark-default));
  padding: var(--wsis-padding, 0.75em);
  border-radius: var(--wsis-radius, 6px);
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.root h2, .root h3, .root h4, .root p, .root ul, .root ol, .root dl, .root dd, .root figure { margin: 0; padding: 0; }
.root h2 { font-size: 1.25em; font-weight: 700; margin-block-end: 0.5em; }
.root h3 { font-size: 1.1em; font-weight: 700; }
.root h4 { font-size: 1em; font-weight: 700; margin-block: 0.75em 0.25em; }
.root ul { list-style: none; }
.root a { color: var(--wsis-accent); text-decoration: underline; }
.root mark { background: var(--wsis-mark); color: inherit; border-radius: 2px; }
.root button, .root select, .root input {
  font: inherit; color: var(--wsis-fg); background: var(--wsis-bg);
  border: 1px solid var(--wsis-border); border-radius: 4px; padding: 0.35em 0.6em;
  min-height: 2.5em; margin: 0;
}
.root button { cursor: pointer; background: var(--wsis-surface); }
.root button[aria-pressed="true"] { background: var(--wsis-accent); color: var(--wsis-bg); border-color: var(--wsis-accent); }
.root :focus-visible { outline: 3px solid var(--wsis-accent); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.muted { color: var(--wsis-muted); }
/* English fallback text inside a right-to-left widget keeps its own direction. */
.root[dir="rtl"] [lang="en"] { direction: ltr; unicode-bidi: isolate; }

.toolbar { display: flex; flex-wrap: wrap; gap: 0.5em 0.75em; align-items: flex-end; margin-block-end: 0.5em; }
.field { display: flex; flex-direction: column; gap: 0.15em; min-width: 9em; flex: 1 1 10em; max-width: 18em; }
.field.view-switch, .field.reset { flex: 0 0 auto; max-width: none; min-width: 0; }
.field label { font-size: 0.85em; color: var(--wsis-muted); }
.field.search { flex: 2 1 14em; max-width: 26em; }
.segmented { display: inline-flex; }
.segmented button { white-space: nowrap; }
.field .label { font-size: 0.85em; color: var(--wsis-muted); }
.segmented button { border-radius: 0; }
.segmented button:first-child { border-start-start-radius: 4px; border-end-start-radius: 4px; }
.segmented button:last-child { border-start-end-radius: 4px; border-end-end-radius: 4px; }
.status { margin-block: 0.25em 0.5em; font-weight: 600; }
/* The Filters disclosure: wide, its menus are items of the toolbar's row and its button is not
   shown; narrow (the container query below), the button shows and hides them. */
.filters { display: contents; }
.root .filters-toggle { display: none; }
.filters-toggle::after { content: ""; display: inline-block; width: 0.45em; height: 0.45em; margin-inline-start: 0.6em; border-right: 2px solid; border-bottom: 2px solid; transform: translateY(-0.15em) rotate(45deg); }
.filters-toggle[aria-expanded="true"]::after { transform: translateY(0.1em) rotate(-135deg); }

/* A cell's details go below the grid, so the grid stays whole while they are read; beside it
   only where both fit (the container query below). */
.body { display: flex; flex-direction: column; gap: 1em; }
.main { min-width: 0; }
.grid-wrap { overflow: auto; max-width: 100%; border: 1px solid var(--wsis-border); border-radius: 4px; }
table.grid { border-collapse: collapse; font-size: 0.875em; min-width: 100%; }
.grid th, .grid td { border: 1px solid var(--wsis-border); padding: 0.25em; text-align: center; vertical-align: middle; }
.grid thead th { vertical-align: top; font-weight: 600; min-width: 3.2em; max-width: 6.5em; }
.grid th.corner { text-align: start; min-width: 9em; vertical-align: bottom; }
.grid th[scope="row"] { text-align: start; font-weight: 400; min-width: 9em; max-width: 22em; }
.code { font-weight: 700; margin-inline-end: 0.35em; unicode-bidi: isolate; }
.col-head { display: flex; flex-direction: column; align-items: center; gap: 0.15em; }
.col-head .num { font-size: 1.2em; font-weight: 700; }
.col-head .short { font-size: 0.8em; font-weight: 400; line-height: 1.2; hyphens: auto; overflow-wrap: break-word; }
/* Russian goal titles have words too long for 17 columns below ~1650 px: they may break. */
.col-head .short:lang(ru) { overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 100%; min-width: 1.2em; height: 0.45em; border-radius: 2px; background: var(--sdg, var(--wsis-muted)); }
.swatch.dot { width: 0.8em; min-width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: baseline; }
.grid td.cell { cursor: default; min-width: 2.4em; height: 2.4em; }
.grid td.cell.linked { cursor: pointer; }
.grid td.cell:focus { outline: 3px solid var(--wsis-accent); outline-offset: -3px; }
.mark-link { font-size: 1.35em; line-height: 1; color: var(--sdg, var(--wsis-fg)); -webkit-text-stroke: 0.5px var(--wsis-fg); }
.cell.dim .mark-link { color: var(--wsis-muted); -webkit-text-stroke: 0; opacity: 0.7; }
.cell.hit { background: var(--wsis-surface); box-shadow: inset 0 0 0 2px var(--wsis-accent); }
.cell.open { background: var(--wsis-accent); }
.cell.open .mark-link { color: var(--wsis-bg); -webkit-text-stroke: 0; }
.grid .total { font-weight: 700; background: var(--wsis-surface); }
/* Rows and columns a filter leaves out stay in the table, hidden (cheaper than rebuilding them). */
.grid [hidden] { display: none !important; }

.cards { display: none; }
.cards > li { border: 1px solid var(--wsis-border); border-radius: 4px; margin-block-end: 0.5em; }
.cards summary { cursor: pointer; padding: 0.6em; list-style-position: inside; font-weight: 600; }
.cards summary .count { font-weight: 400; color: var(--wsis-muted); }
.cards .links { padding: 0 0.6em 0.6em; display: flex; flex-direction: column; gap: 0.35em; }
.cards .links button { text-align: start; display: flex; gap: 0.5em; align-items: center; width: 100%; }

.detail { border: 1px solid var(--wsis-border); border-radius: 4px; padding: 0.75em; background: var(--wsis-bg); }
/* Below a wide grid the panel is wide: its lines stay readable. */
.detail > :not(.detail-head) { max-width: 60em; }
.detail-head { display: flex; justify-content: space-between; gap: 0.5em; align-items: flex-start; }
.detail-head h3:focus { outline: none; }
.detail .targets li { margin-block: 0.35em; }
.detail .target-id { font-weight: 700; margin-inline-end: 0.35em; }
.detail .note { border-inline-start: 4px solid var(--wsis-accent); padding-inline-start: 0.5em; margin-block: 0.5em; }
.detail dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.6em; }
.detail dt { color: var(--wsis-muted); }
.detail .sources, .provenance a { overflow-wrap: anywhere; }

.alert { border: 2px solid var(--wsis-alert-default); border-radius: 4px; padding: 0.75em; background: var(--wsis-surface); }
.alert .message { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; margin-block: 0.5em; }
.provenance { margin-block-start: 0.75em; font-size: 0.9em; }
.provenance summary { cursor: pointer; font-weight: 600; }
.provenance > div { padding-block: 0.5em; display: flex; flex-direction: column; gap: 0.5em; }
.provenance li { margin-block: 0.2em; }

/* WSIS Forum outcomes */
.heat-cell { min-width: 2.4em; height: 2.2em; }
.heat-1 { background: color-mix(in srgb, var(--wsis-accent) 12%, var(--wsis-bg)); }
.heat-2 { background: color-mix(in srgb, var(--wsis-accent) 25%, var(--wsis-bg)); }
/* Levels 4 and 5 carry the background colour as text: 80 % accent is the least that keeps it
   at 4.5:1 in both themes (light: white on 80 % #005a9c; dark: #0d1117 on 80 % #79c0ff). */
.heat-3 { background: color-mix(in srgb, var(--wsis-accent) 45%, var(--wsis-bg)); }
.heat-4 { background: color-mix(in srgb, var(--wsis-accent) 80%, var(--wsis-bg)); }
.heat-5 { background: var(--wsis-accent); }
.root .heat-button { background: transparent; border: 0; border-radius: 0; min-height: 0; color: inherit; cursor: pointer; font-weight: 700; display: block; width: 100%; text-align: center; padding: 0.3em 0; }
.root .heat-4 .heat-button, .root .heat-5 .heat-button { color: var(--wsis-bg); }
.root .heat-button:focus-visible { outline: 3px solid var(--wsis-fg); outline-offset: -3px; }
.root .recorded-mark { margin-inline-start: 0.25em; white-space: nowrap; }
.root .heat .legend { font-size: 0.875em; color: var(--wsis-muted); margin: 0.5em 0 0; max-width: 60em; }
.heat-cell.open { box-shadow: inset 0 0 0 3px var(--wsis-fg); }
.session-list > li { border-block-end: 1px solid var(--wsis-border); padding-block: 0.35em; }
.session-list summary { cursor: pointer; }
.session-detail { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.75em; margin: 0.5em 0 0.25em 1.2em; }
.session-detail dt { color: var(--wsis-muted); }
.session-detail dd { margin: 0; overflow-wrap: anywhere; }
.sdg-tag { display: inline-block; border-inline-start: 0.5em solid var(--sdg); padding: 0 0.4em; margin-inline-end: 0.4em; background: var(--wsis-surface); border-radius: 2px; font-weight: 700; }
.sdg-tag.via { font-weight: 400; border-inline-start-style: dashed; }
.year-summary { margin-block: 0.75em; }
.compare { margin-block: 1em; }
.compare summary { cursor: pointer; font-weight: 600; }
@media (forced-colors: active) { .heat-cell.open { outline: 3px solid Highlight; } .sdg-tag { forced-color-adjust: none; border: 1px solid CanvasText; } }

/* Partner2Connect pledges */
.pledges-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-end; gap: 0.5em 1em; }
.pledges-head .field { flex: 0 1 12em; }
.headline { margin-block: 0.75em; }
.headline .label { color: var(--wsis-muted); font-weight: 600; }
.headline .total { font-size: 2.6em; font-weight: 800; line-height: 1.15; font-variant-numeric: tabular-nums; }
.headline .full { font-variant-numeric: tabular-nums; }
.progress { margin-block: 0.5em; }
.progress progress { width: 100%; height: 1.1em; accent-color: var(--wsis-accent); }
.counts { display: flex; flex-wrap: wrap; gap: 0.5em 2em; margin-block: 0.5em; }
.counts dt { color: var(--wsis-muted); font-size: 0.9em; }
.counts dd { margin: 0; }
.counts strong { font-size: 1.3em; }
.newest { margin-block: 0.5em; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0.1em 0.7em; font-weight: 600; }
.badge.stale { color: #7a4a00; background: #fff4d6; }
.theme-dark .badge.stale { color: #ffd27a; background: #3a2a00; }
@media (prefers-color-scheme: dark) { .theme-auto .badge.stale { color: #ffd27a; background: #3a2a00; } }
.timeline, .breakdowns { margin-block: 1em; }
.timeline figure { margin: 0; }
/* The plot's texts overflow its box into this padding (the top value, the years). */
.timeline .plot-wrap { padding-block: 1.5em 2em; }
.timeline svg.plot { display: block; width: 100%; height: clamp(11em, 30cqi, 20em); overflow: visible; }
.timeline .axis { stroke: var(--wsis-muted); stroke-width: 1; }
.timeline .grid, .timeline .year-line { stroke: var(--wsis-border); stroke-width: 1; }
.timeline .year-line { stroke-dasharray: 2 3; }
.timeline .goal-line { stroke: var(--wsis-accent); stroke-width: 2; stroke-dasharray: 6 4; }
.timeline .focus-line { stroke: var(--wsis-muted); stroke-width: 1; stroke-dasharray: 3 3; }
.timeline .point { cursor: pointer; }
.timeline .point .dot { fill: var(--wsis-accent); stroke: var(--wsis-bg); stroke-width: 1.5; }
.timeline .point.selected .dot { stroke: var(--wsis-fg); stroke-width: 2; }
.timeline .point .hit { fill: transparent; stroke: none; }
.timeline text { fill: var(--wsis-fg); font-size: 12px; }
.timeline .tick-label, .timeline .year-label { fill: var(--wsis-muted); }
.timeline .goal-label, .timeline .value-label { font-weight: 700; }
/* A halo keeps the picked value readable over the neighbouring dots and grid lines. */
.timeline .value-label { paint-order: stroke; stroke: var(--wsis-bg); stroke-width: 4px; stroke-linejoin: round; }
.timeline .goal-label { fill: var(--wsis-accent); }
.milestone-nav { display: flex; align-items: center; gap: 0.5em; margin-block-end: 0.5em; }
.milestone-nav .milestone { flex: 1 1 auto; min-width: 0; display: flex; flex-wrap: wrap; gap: 0 0.75em; align-items: baseline; overflow-wrap: anywhere; }
.milestone .event { font-weight: 600; }
.milestone .when { color: var(--wsis-muted); }
.milestone-nav .step { flex: 0 0 auto; min-width: 2.75em; font-size: 1.1em; }
.milestone-nav .step[aria-disabled="true"] { opacity: 0.45; cursor: default; }
.data-table { border-collapse: collapse; margin-block: 0.5em; }
.data-table th, .data-table td { border: 1px solid var(--wsis-border); padding: 0.25em 0.5em; text-align: start; }
.breakdown { margin-block: 0.75em; }
.bars { display: grid; grid-template-columns: minmax(8em, 16em) minmax(4em, 1fr) auto; gap: 0.35em 0.75em; align-items: center; }
.bars li { display: contents; }
svg.bar { width: 100%; height: 0.9em; background: var(--wsis-surface); }
svg.bar rect { fill: var(--wsis-accent); }
.bar-value { font-variant-numeric: tabular-nums; }
@media (forced-colors: active) {
  .timeline .point .dot, svg.bar rect { fill: CanvasText; }
  .timeline .goal-line { stroke: CanvasText; }
  .timeline .goal-label { fill: CanvasText; }
}

@container wsis (max-width: 760px) {
  .bars { grid-template-columns: 1fr; }
  .headline .total { font-size: 2em; }
  .main .grid-wrap { display: none; }
  .main .cards { display: block; }
  .field, .field.view-switch { max-width: none; flex: 1 1 100%; }
  .segmented { display: flex; }
  .segmented button { white-space: normal; flex: 1 1 0; }
  /* Search on its own row, then the Filters button beside the language menu. */
  .root .filters-toggle { display: block; flex: 1 1 auto; text-align: start; }
  .filters { display: none; }
  .filters.open { display: flex; flex-wrap: wrap; gap: 0.5em 0.75em; align-items: flex-end; flex: 1 1 100%; min-width: 0; }
  .toolbar > .field:not(.search, .reset) { flex: 1 1 9em; }
}
/* All 17 columns in a 1024 px window too: narrower floors (a short title breaks inside a word
   only when its column has no more room). */
@container wsis (min-width: 761px) and (max-width: 1100px) {
  .grid thead th { min-width: 2.9em; }
  .col-head .short { overflow-wrap: anywhere; }
}
@container wsis (min-width: 1600px) {
  .body { flex-direction: row; align-items: flex-start; }
  .main { flex: 1 1 auto; }
  .detail { flex: 0 0 24em; max-width: 24em; position: sticky; top: 0.5em; max-height: 90vh; overflow: auto; }
}
@media (forced-colors: active) {
  .mark-link { -webkit-text-stroke: 0; }
  .cell.hit { outline: 2px solid Highlight; }
  .cell.open { background: Highlight; }
  .cell.open .mark-link { color: HighlightText; }
  .swatch { forced-color-adjust: none; border: 1px solid CanvasText; }
  .root mark { background: Mark; color: MarkText; }
}
/* Pre-rendered content (Declarative Shadow DOM) until, or instead of, the live widget. It is
   `hidden` until this sheet has loaded and all that takes room is parsed (the marker after it
   exists), so it never shows unstyled or half drawn. */
.wsis-mount[data-prerendered][hidden]:has([data-complete]) { display: block; }
.wsis-mount[data-pending] { position: absolute; inset-inline: 0; top: 0; visibility: hidden; pointer-events: none; }
.static-note { border-inline-start: 4px solid var(--wsis-accent); padding: 0.35em 0.6em; margin-block: 0.5em; background: var(--wsis-surface); }
.static-note, .static-note > span { display: none; }
/* Pre-rendered sessions past "Show more": shown only where no script will run. */
.session-list > li.beyond { display: none; }
.boot-failed .session-list > li.beyond { display: list-item; }
@media (scripting: none) {
  .session-list > li.beyond { display: list-item; }
  .static-note, .static-note > .when-no-script { display: block; }
  .root .toolbar, .root .actions, .root .show-more, .root .pledges-head .field { display: none; }
}
.boot-failed .static-note, .boot-failed .static-note > .when-failed { display: block; }
.root.boot-failed :is(.toolbar, .actions, .show-more, .pledges-head .field) { display: none; }
.grid .cell-open { all: unset; cursor: pointer; }
.grid .cell-open:focus-visible { outline: 3px solid var(--wsis-accent); outline-offset: -3px; }
.detail-popover { padding: 0; border: 0; background: transparent; color: inherit; width: min(36em, 92vw); max-height: 86vh; overflow: auto; }
.detail-popover::backdrop { background: rgb(0 0 0 / 0.35); }
.detail-popover .detail { position: static; max-width: none; max-height: none; }
.sdg-ranking { margin-block: 1em; }
.ranking { display: flex; flex-wrap: wrap; gap: 0.5em 1.25em; margin-block: 0.4em; }
.ranking li { display: flex; align-items: center; gap: 0.4em; }
.ranking li.selected { font-weight: 700; outline: 2px solid var(--wsis-accent); outline-offset: 2px; border-radius: 4px; }
.ranking .tile { display: inline-grid; place-items: center; min-width: 1.7em; height: 1.7em; border-radius: 4px; }
.sdg-ranking .note { border-inline-start: 4px solid var(--wsis-accent); padding-inline-start: 0.5em; margin-block: 0.5em; }

/* Copy link, export, print */
.actions { display: flex; flex-wrap: wrap; gap: 0.35em; align-items: center; margin-block: 0.25em 0.5em; }
.actions .label { color: var(--wsis-muted); font-size: 0.85em; margin-inline-start: 0.4em; }
.root .actions button { min-height: 2.2em; padding: 0.2em 0.6em; }
.actions .status-text { color: var(--wsis-muted); overflow-wrap: anywhere; }
.actions .status-text:empty { display: none; }
.presenter .actions { display: none; }

/* Print: the current view on A4 or Letter, without the controls. */
@media print {
  .root { color: #000; background: #fff; padding: 0; --wsis-fg-default: #000; --wsis-bg-default: #fff; --wsis-muted-default: #333; --wsis-surface-default: #f3f3f3; --wsis-border-default: #999; }
  .toolbar, .actions, .pledges-head .field, .show-more, .root .retry { display: none !important; }
  .main .grid-wrap { display: block !important; overflow: visible; border: 0; }
  .body { display: block; }
  table.grid { font-size: 7.5pt; min-width: 0; width: 100%; }
  .grid thead th, .grid th.corner, .grid th[scope="row"] { min-width: 0; }
  .grid td.cell, .heat-cell { min-width: 0; height: auto; }
  .col-head .short { display: none; }
  .detail { position: static; max-height: none; overflow: visible; max-width: none; margin-block-start: 1em; }
  .root mark { background: none; text-decoration: underline; }
  tr, .cards > li, .session-list > li, .slide-link { break-inside: avoid; }
  .root.presenter { height: auto; overflow: visible; font-size: 12pt; }
}

/* Presenter: projector slides that fill their box, never scroll, no text under 20 px. */
:host([presenter]), :host([presenter]) .wsis-mount { height: 100%; }
.root.presenter {
  height: 100%; overflow: hidden; display: flex; flex-direction: column; border-radius: 0;
  font-size: max(20px, min(1.46vw, 2.6vh)); line-height: 1.25; padding: 1.5vh 2vw;
}
.root.presenter * { font-size: max(20px, 1em); }
.root.presenter h2 { font-size: 1.45em; margin: 0; }
.presenter .slide { display: flex; flex-direction: column; gap: 0.45em; flex: 1 1 auto; min-height: 0; }
.presenter .slide-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0 1em; }
.presenter .slide-head .code { margin-inline-end: 0.5em; }
.presenter .slide-meta, .presenter .slide-targets { color: var(--wsis-muted); }
.presenter .slide-grid { flex: 1 1 0; min-height: 0; width: 100%; height: 100%; border-collapse: collapse; table-layout: fixed; line-height: 1.1; }
.presenter .slide-grid th, .presenter .slide-grid td { border: 1px solid var(--wsis-border); text-align: center; vertical-align: middle; padding: 0 0.15em; }
.presenter .slide-grid th[scope="row"], .presenter .slide-grid .corner { width: 4.4em; text-align: start; white-space: nowrap; font-weight: 700; }
.tile { background: var(--sdg); color: var(--sdg-ink); font-weight: 800; }
.presenter .dot { display: inline-block; width: 0.85em; height: 0.85em; border-radius: 50%; background: var(--sdg); box-shadow: 0 0 0 2px var(--wsis-fg); vertical-align: middle; }
.root.presenter .heat-4, .root.presenter .heat-5 { color: var(--wsis-bg); font-weight: 800; }
.presenter .slide-links { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; gap: 0.4em; }
.presenter .slide-links.two { display: block; columns: 2; column-gap: 1.5em; }
.presenter .slide-link { display: flex; gap: 0.6em; align-items: flex-start; break-inside: avoid; margin-block-end: 0.4em; }
.presenter .slide-link .tile { flex: 0 0 1.9em; height: 1.9em; display: grid; place-items: center; border-radius: 4px; }
.presenter .slide-figures { display: flex; flex-wrap: wrap; gap: 0.2em 2em; }
.presenter .slide-figures > div { display: flex; gap: 0.4em; align-items: baseline; }
.root.presenter .slide-grid td, .root.presenter .slide-grid th { height: auto; min-width: 0; }
.presenter .slide-figures dt { color: var(--wsis-muted); }
.presenter .slide-figures dd { margin: 0; font-weight: 800; font-size: 1.3em; }
.presenter .headline { margin: 0; display: flex; flex-direction: column; gap: 0.5em; }
.presenter .pledges-slide { justify-content: space-evenly; }
.root.presenter .counts strong { font-size: 1.4em; }
.root.presenter .headline .total { font-size: 4.5em; }
.presenter .progress progress { height: 1.3em; }
.presenter .counts { gap: 0.3em 2.5em; }
@media (forced-colors: active) { .tile, .presenter .dot { forced-color-adjust: none; border: 1px solid CanvasText; } }

@media (prefers-reduced-motion: no-preference) {
  .root button, .grid td.cell { transition: background-color 120ms ease; }
}
"#;
