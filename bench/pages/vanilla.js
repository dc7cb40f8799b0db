// The practical lower bound for <wsis-sdg-matrix>: hand-written JS that builds the same grid DOM
// (same cells, classes, attributes, test ids, stylesheet, inside an open shadow root) from the
// same two files, with the same search and SDG filter, so the benchmark can compare like with
// like. Left out on purpose: everything that is not the grid (the other three filter menus, the
// view switch, language menu, the narrow-screen card list, detail panel and provenance), keyboard
// navigation and cell opening — a lower bound for the grid, not a second widget.
//
// Written as someone tuning by hand would: search texts folded once on load, and a keystroke
// touches only the cells, totals and headers whose content changes.
import css from './generated/widget-css.js';
import { afterPaint, keystroke, loadTimes, pick } from './keystroke.js';

// The English interface strings of src/ui/i18n.rs that the grid shows.
const S = {
  title: 'WSIS Action Lines and the Sustainable Development Goals',
  search: 'Search',
  placeholder: 'Titles, targets, rationales…',
  actionLine: 'Action Line',
  sdg: 'SDG',
  allSdgs: 'All SDGs',
  total: 'Total',
  linked: 'linked',
  notLinked: 'no link',
  filteredOut: 'linked, outside the current filters',
  noResults: 'No links match these filters.',
  gridHelp: 'Use the arrow keys to move, Enter to open a cell, Escape to close it.',
};
const numberFormat = new Intl.NumberFormat('en');
const int = (n) => numberFormat.format(n);

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};

/** `text` as nodes, every (case-insensitive) match of `needle` in a <mark>. */
function highlighted(text, needle) {
  if (!needle) return [text];
  const folded = text.toLowerCase();
  const out = [];
  let at = 0;
  for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
    if (i > at) out.push(text.slice(at, i));
    out.push(h('mark', {}, text.slice(i, i + needle.length)));
    at = i + needle.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const fetchJson = async (url) => (await fetch(url)).json();
const [matrix, catalog] = await Promise.all([fetchJson('/data/matrix.json'), fetchJson('/data/sdg/sdg-en.json')]);

const lines = matrix.action_lines;
const goals = catalog.goals;
const rowOf = new Map(lines.map((al, i) => [al.id, i]));
/** Link index per (row, SDG), like `Matrix::link_index_at`. */
const cellLink = new Int16Array(lines.length * 17).fill(-1);
matrix.links.forEach((link, i) => { cellLink[rowOf.get(link.action_line) * 17 + link.sdg - 1] = i; });
const targetText = (id) => catalog.targets[id] ?? goals[Number(id) - 1]?.title ?? '';
// The texts a query is matched against (as `link_matches` in src/model/matrix_view.rs), folded
// once; NUL between fields so a query never matches across two of them.
const haystacks = matrix.links.map((link) => {
  const al = lines[rowOf.get(link.action_line)];
  const goal = goals[link.sdg - 1];
  return [al.title.en, al.id, goal.short, goal.title, link.rationale ?? '',
    ...link.targets, ...link.targets.map(targetText)].join('\0').toLowerCase();
});

const state = { needle: '', sdg: 0 };
const host = document.getElementById('matrix');
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
root.adoptedStyleSheets = [sheet];

// --- The parts around the grid that its updates touch.
const search = h('input', {
  id: 'wsis-search', type: 'search', autocomplete: 'off', placeholder: S.placeholder,
});
const sdgSelect = h('select', { id: 'wsis-sdg' },
  h('option', { value: '' }, S.allSdgs),
  ...goals.map((g) => h('option', { value: String(g.sdg) }, `${int(g.sdg)} — ${g.short}`)));
const count = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
const noResults = h('p', { class: 'muted' }, S.noResults);
const gridWrap = h('div', { class: 'grid-wrap' });
const main = h('div', { class: 'main' }, gridWrap);
root.append(h('div', { class: 'root theme-light', part: 'root', lang: 'en', dir: 'ltr' },
  h('h2', {}, S.title),
  h('div', { class: 'toolbar', part: 'toolbar', role: 'search' },
    h('div', { class: 'field search' }, h('label', { for: 'wsis-search' }, S.search), search),
    h('div', { class: 'field' }, h('label', { for: 'wsis-sdg' }, S.sdg), sdgSelect)),
  count,
  h('div', { class: 'body' }, main)));

// --- The grid. `grid` keeps the nodes a keystroke updates.
let grid = null;

function matchesOf(needle) {
  return needle ? haystacks.map((text) => text.includes(needle)) : haystacks.map(() => true);
}

/** Builds the table for the current SDG filter (a filter change rebuilds it: the columns change). */
function build() {
  const sdgs = state.sdg ? [state.sdg] : goals.map((g) => g.sdg);
  const cells = [];
  const rowHeads = [];
  const colHeads = [];
  const rowTotals = [];
  const colTotals = [];
  const headRow = h('tr', {}, h('th', { class: 'corner', scope: 'col' }, `${S.actionLine} \\ ${S.sdg}`));
  sdgs.forEach((n) => {
    const short = h('span', { class: 'short', lang: 'en' });
    colHeads.push({ el: short, lead: [], text: goals[n - 1].short, key: '' });
    headRow.append(h('th', { scope: 'col', role: 'columnheader' }, h('span', { class: 'col-head' },
      h('span', { class: `swatch sdg-${n}`, 'aria-hidden': 'true' }), h('span', { class: 'num' }, int(n)), short)));
  });
  headRow.append(h('th', { scope: 'col', class: 'total' }, S.total));
  const body = h('tbody');
  lines.forEach((al, r) => {
    const th = h('th', { scope: 'row', role: 'rowheader' });
    rowHeads.push({ el: th, lead: [h('span', { class: 'code' }, al.id)], text: al.title.en, key: '' });
    const tr = h('tr', {}, th);
    sdgs.forEach((n, c) => {
      const link = cellLink[r * 17 + n - 1];
      const pos = `${r}-${c}`;
      const attrs = { role: 'gridcell', tabindex: r === 0 && c === 0 ? '0' : '-1', 'data-pos': pos,
        'data-testid': `cell-${al.id}-sdg-${n}` };
      if (link < 0) {
        tr.append(h('td', { class: 'cell', ...attrs }, h('span', { class: 'sr-only' }, S.notLinked)));
        return;
      }
      const glyph = h('span', { class: 'mark-link', 'aria-hidden': 'true' }, '●');
      const label = h('span', { class: 'sr-only' }, S.linked);
      const td = h('td', { class: `cell linked sdg-${n}`, ...attrs, 'data-linked': 'true', 'data-match': 'true',
        'aria-selected': 'false' }, glyph, label);
      cells.push({ td, glyph, label, link, r, c, className: td.className, match: true });
      tr.append(td);
    });
    const total = h('td', { class: 'total' });
    rowTotals.push(total);
    tr.append(total);
    body.append(tr);
  });
  const foot = h('tr', {}, h('th', { scope: 'row' }, S.total));
  sdgs.forEach((n, c) => {
    const total = h('td', { class: 'total' });
    colTotals.push(total);
    foot.append(total);
  });
  const grand = h('td', { class: 'total' });
  foot.append(grand);
  const table = h('table', { class: 'grid', role: 'grid', part: 'grid', 'aria-label': S.title,
    'aria-describedby': 'wsis-grid-help',
    'aria-rowcount': String(lines.length + 2), 'aria-colcount': String(sdgs.length + 2) },
  h('thead', {}, headRow), body, h('tfoot', {}, foot));
  grid = { cells, rowHeads, colHeads, rowTotals, colTotals, grand, rows: lines.length, cols: sdgs.length };
  gridWrap.replaceChildren(h('p', { id: 'wsis-grid-help', class: 'sr-only' }, S.gridHelp), table);
  update();
}

/** Brings cells, totals, headers and the count in line with the search; touches only what changes. */
function update() {
  const needle = state.needle;
  const matches = matchesOf(needle);
  const rowTotals = new Array(grid.rows).fill(0);
  const colTotals = new Array(grid.cols).fill(0);
  let shown = 0;
  for (const cell of grid.cells) {
    if (matches[cell.link]) {
      shown += 1;
      rowTotals[cell.r] += 1;
      colTotals[cell.c] += 1;
    }
  }
  const hitAll = needle !== '' || shown < matrix.links.length;
  for (const cell of grid.cells) {
    const match = matches[cell.link];
    const sdg = matrix.links[cell.link].sdg;
    const className = `cell linked sdg-${sdg}${match ? (hitAll ? ' hit' : '') : ' dim'}`;
    if (className !== cell.className) {
      cell.td.className = className;
      cell.className = className;
    }
    if (match !== cell.match) {
      cell.match = match;
      cell.td.dataset.match = String(match);
      cell.glyph.textContent = match ? '●' : '○';
      cell.label.textContent = match ? S.linked : S.filteredOut;
    }
  }
  const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };
  grid.rowTotals.forEach((el, r) => setText(el, int(rowTotals[r])));
  grid.colTotals.forEach((el, c) => setText(el, int(colTotals[c])));
  setText(grid.grand, int(shown));
  // A header is redrawn only when the places it highlights change.
  for (const head of [...grid.rowHeads, ...grid.colHeads]) {
    const folded = head.text.toLowerCase();
    const key = needle && folded.includes(needle) ? needle : '';
    if (key !== head.key || !head.el.firstChild) {
      head.key = key;
      head.el.replaceChildren(...head.lead, ...highlighted(head.text, key));
    }
  }
  setText(count, `${int(shown)} of ${int(matrix.links.length)} links`);
  if (shown === 0 && !noResults.isConnected) count.after(noResults);
  if (shown > 0 && noResults.isConnected) noResults.remove();
}

search.addEventListener('input', () => {
  state.needle = search.value.trim().toLowerCase();
  update();
});
sdgSelect.addEventListener('change', () => {
  state.sdg = Number(sdgSelect.value) || 0;
  build();
});

build();
await afterPaint();
window.benchResult = { ...loadTimes('/vanilla.js'), cells: root.querySelectorAll('td.cell').length };
window.benchKeystroke = (text) => keystroke(host, text);
window.benchFilter = (sdg) => pick(host, 'wsis-sdg', sdg);
