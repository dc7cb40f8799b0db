// @ts-check
// The deck shell's stylesheet. Its colours are the crate's palette (model::palette, written
// into constants.js by `cargo xtask build`), as custom properties `--p-<field>`.

import { PALETTE } from './constants.js';

/**
 * `{ alert_bg: '#fff1f0', … }` → `--p-alert-bg: #fff1f0; …`.
 * @param {Readonly<Record<string, string>>} palette
 */
export function customProperties(palette) {
  return Object.entries(palette).map(([key, value]) => `--p-${key.replace(/_/g, '-')}: ${value};`).join(' ');
}

export const STYLES = `
:host { position: fixed; inset: 0; display: block; z-index: 0; contain: strict;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
  ${customProperties(PALETTE.light)} }
:host([data-theme="dark"]) { ${customProperties(PALETTE.dark)} }
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) { ${customProperties(PALETTE.dark)} }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.deck { position: absolute; inset: 0; display: flex; flex-direction: column; overflow: hidden;
  background: var(--p-bg); color: var(--p-fg); }
.slides { position: relative; flex: 1 1 auto; min-height: 0; overflow: hidden; touch-action: pan-y pinch-zoom; }
.slide { position: absolute; inset: 0; overflow: hidden; }
/* The widgets reset their root with all: initial (visibility too), so slides out of view are also
   kept from rendering with content-visibility. */
.slide:not(.current) { visibility: hidden; content-visibility: hidden; }
.slide > * { display: block; width: 100%; height: 100%; overflow: hidden; margin: 0; }
.bar { flex: none; display: flex; align-items: center; gap: 0.5em; padding: 0.15em 0.5em;
  font-size: max(20px, min(1.05vw, 1.9vh)); line-height: 1.2;
  border-block-start: 1px solid var(--p-border); background: var(--p-bg); color: var(--p-fg); }
.bar .spacer { flex: 1 1 auto; }
button { font: inherit; color: var(--p-fg); background: var(--p-surface); border: 1px solid var(--p-border);
  border-radius: 6px; min-width: 44px; min-height: 44px; padding: 0.1em 0.7em; cursor: pointer;
  display: inline-flex; align-items: center; gap: 0.35em; touch-action: manipulation; }
button:disabled { color: var(--p-muted); cursor: default; }
button:focus-visible { outline: 3px solid var(--p-accent); outline-offset: 2px; }
.counter { margin: 0; min-width: 5em; text-align: center; font-variant-numeric: tabular-nums; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.blank { position: absolute; inset: 0; z-index: 10; background: #000; color: #000; cursor: none; }
.blank.white { background: #fff; color: #fff; }
.deck.blanked .slides { visibility: hidden; content-visibility: hidden; }
.error { margin: auto; max-width: 80vw; padding: 1em 1.25em; font-size: max(20px, min(1.6vw, 2.8vh));
  border: 2px solid currentColor; border-radius: 8px; background: var(--p-alert-bg); color: var(--p-alert-fg);
  overflow-wrap: anywhere; white-space: pre-line; }
.deck.failed { align-items: center; justify-content: center; }
`;
