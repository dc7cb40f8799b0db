// Deep links, copy link, export and print: a link reopens the exact view, back/forward step
// through changes, exported files hold what is shown, print hides the controls.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, closeContexts, open, ready, live, countOf, rootOf, BASE, MATRIX, ROOT, sdgFile, unexpectedProblems } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const M = 'wsis-sdg-matrix';
const F = 'wsis-forum-outcomes';
const P = 'p2c-pledges';
/**
 * Role and name locators inside the widget `host` on `page`. Grid cells keep test ids: their
 * names are their states or counts, their row and column headers say which cell they are.
 */
const w = (page, host) => {
  const el = page.locator(host);
  return {
    el,
    select: (name) => el.getByRole('combobox', { name, exact: true }),
    search: el.getByRole('searchbox', { name: 'Search' }),
    button: (name) => el.getByRole('button', { name, exact: true }),
    count: countOf(el),
    actionStatus: el.getByRole('group', { name: 'Share and export' }).getByRole('status'),
  };
};
const FORUM = JSON.parse(readFileSync(join(ROOT, 'data/forum-outcomes.json'), 'utf8'));
const PLEDGES = JSON.parse(readFileSync(join(ROOT, 'data/p2c-pledges.json'), 'utf8'));
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), independent of the exporter. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i += 1;
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
/** URL updates follow the render, so wait for them. */
const urlHas = (page, key, value) => page.waitForFunction(
  ([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value]);

describe('deep links', () => {
  after(() => closeContexts(browser));

  it('a link restores the exact matrix view, ignoring unknown parameters with a warning', async () => {
    const page = await open(browser, '/examples/plain.html');
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${BASE}/?matrix.al=C5&matrix.sdg=9&matrix.q=secur&matrix.view=sdg-al&matrix.cell=C5.9&matrix.lang=fr&matrix.zoom=3&matrix.target=99.z`);
    await ready(page, '#matrix');
    // The link opens the French interface: the controls carry French names.
    const m = w(page, M);
    assert.equal(await m.select('Grande orientation').inputValue(), 'C5');
    assert.equal(await m.select('ODD').inputValue(), '9');
    assert.equal(await m.el.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), 'secur');
    assert.equal(await m.button('ODD × grandes orientations').getAttribute('aria-pressed'), 'true');
    assert.match(await w(page, M).count.textContent(), /^1 liens? sur 123$/);
    assert.match(await w(page, M).el.getByRole('complementary').textContent(), /C5/);
    assert.equal(await rootOf(w(page, M).el).getAttribute('lang'), 'fr');
    assert.ok(warnings.some((w) => w.includes('zoom')), JSON.stringify(warnings));
    assert.ok(warnings.some((w) => w.includes('99.z')), JSON.stringify(warnings));
    // The widget dropped what it could not use from the URL, without a new history entry.
    assert.equal(params(page)['matrix.zoom'], undefined);
    assert.equal(params(page)['matrix.cell'], 'C5.9');
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('changes go into the URL, typing adds one entry, and back/forward step through them', async () => {
    const page = await open(browser, '/');
    await ready(page, '#matrix');
    const start = await page.evaluate(() => history.length);
    await w(page, M).select('SDG').selectOption('4');
    await urlHas(page, 'matrix.sdg', '4');
    await w(page, M).search.pressSequentially('edu', { delay: 30 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('matrix.q') === 'edu');
    await w(page, M).button('SDGs × Action Lines').click();
    await urlHas(page, 'matrix.view', 'sdg-al');
    assert.equal(await page.evaluate(() => history.length), start + 3, 'one entry per change, one for the typing');

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('matrix.view'));
    await w(page, M).button('Action Lines × SDGs').and(page.locator('[aria-pressed="true"]')).waitFor();
    assert.equal(await w(page, M).search.inputValue(), 'edu');
    await page.goBack();
    await page.waitForFunction(() => {
      const m = document.querySelector('#matrix').shadowRoot.querySelector('input[type="search"]');
      return m && m.value === '';
    });
    assert.equal(await w(page, M).select('SDG').inputValue(), '4');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#matrix').shadowRoot.getElementById('wsis-sdg').value === '');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#matrix').shadowRoot.getElementById('wsis-sdg').value === '4');
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('the language menu writes the URL and a link in Arabic opens right to left', async () => {
    const page = await open(browser, '/');
    await ready(page, '#matrix');
    await w(page, M).select('Language').selectOption('ar');
    await urlHas(page, 'matrix.lang', 'ar');
    const again = await open(browser, new URL(page.url()).pathname + new URL(page.url()).search);
    await ready(again, '#matrix');
    assert.equal(await rootOf(again.locator(M)).getAttribute('dir'), 'rtl');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#matrix').shadowRoot.querySelector('[part="root"]').getAttribute('lang') === 'en');
  });

  it('two widgets with their own prefixes keep apart in one URL', async () => {
    const page = await open(browser, '/tests/pages/two-url-states.html?b.sdg=13');
    await ready(page, '#a');
    await ready(page, '#b');
    assert.equal(await w(page, '#a').select('SDG').inputValue(), '');
    assert.equal(await w(page, '#b').select('SDG').inputValue(), '13');
    await w(page, '#a').select('SDG').selectOption('2');
    await urlHas(page, 'a.sdg', '2');
    assert.deepEqual(params(page), { 'b.sdg': '13', 'a.sdg': '2' });
  });

  it('a forum link restores year, Action Line, search basis and an open session', async () => {
    const withId = FORUM.sessions.find((s) => s.id && (s.action_lines || []).length);
    const key = `${withId.year}/${withId.id}`;
    const page = await open(browser, `/?forum.year=${withId.year}&forum.basis=via&forum.open=${encodeURIComponent(key)}&forum.year=bad`);
    // Taken over first: until then the page holds the pre-rendered and the live forum.
    await live(page);
    await w(page, F).count.waitFor();
    assert.equal(await w(page, F).select('Forum year').inputValue(), String(withId.year));
    assert.equal(await page.locator(`${F} details[open]`).count(), 1);
    assert.match(await page.locator(`${F} details[open]`).textContent(), new RegExp(withId.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(params(page)['forum.open'], key);
  });

  it('copy link puts the page address, state included, on the clipboard', async () => {
    const page = await open(browser, '/?matrix.sdg=7', { permissions: ['clipboard-read', 'clipboard-write'] });
    await ready(page, '#matrix');
    await w(page, M).button('Copy link').click();
    await w(page, M).actionStatus.filter({ hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.match(copied, /matrix\.sdg=7/);
  });

  it('widgets without url-state leave the URL alone and offer no copy link', async () => {
    const page = await open(browser, '/examples/plain.html');
    await ready(page);
    await w(page, M).select('SDG').selectOption('4');
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await w(page, M).button('Copy link').count(), 0);
  });
});

describe('export and print', () => {
  after(() => closeContexts(browser));

  it('matrix CSV parses and equals the filtered links; JSON too', async () => {
    const page = await open(browser, '/?matrix.sdg=9&matrix.lang=fr', { acceptDownloads: true });
    await ready(page, '#matrix');
    const csv = await download(page, w(page, M).button('CSV'));
    assert.equal(csv.name, `wsis-sdg-matrix_SDG9_fr_${today()}.csv`);
    const text = csv.bytes.toString('utf8');
    assert.equal(text.charCodeAt(0), 0xfeff, 'byte-order mark');
    const rows = parseCsv(text.slice(1));
    const [head, ...body] = rows;
    assert.deepEqual(head.slice(0, 4), ['action_line', 'action_line_title', 'sdg', 'sdg_title']);
    const expected = MATRIX.links.filter((l) => l.sdg === 9);
    assert.deepEqual(body.map((r) => r[0]), expected.map((l) => l.action_line));
    assert.ok(body.every((r) => r[2] === '9'));
    const fr = sdgFile('fr');
    assert.equal(body[0][3], fr.goals.find((g) => g.sdg === 9).short);
    assert.deepEqual(body.map((r) => r[4]), expected.map((l) => l.targets.join('; ')));

    const json = await download(page, w(page, M).button('JSON'));
    assert.equal(json.name, `wsis-sdg-matrix_SDG9_fr_${today()}.json`);
    const data = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(data.widget, 'wsis-sdg-matrix');
    assert.deepEqual(data.filters, { sdg: '9' });
    assert.equal(data.rows.length, expected.length);
    assert.deepEqual(data.rows[0].targets, expected[0].targets);
  });

  it('matrix SVG and PNG are valid pictures of the shown grid', async () => {
    const page = await open(browser, '/?matrix.al=C3', { acceptDownloads: true });
    await ready(page, '#matrix');
    const svg = await download(page, w(page, M).button('SVG'));
    assert.equal(svg.name, `wsis-sdg-matrix_C3_en_${today()}.svg`);
    const shape = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror') !== null, tag: root.localName,
        width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')),
        dots: doc.querySelectorAll('circle').length, scripts: doc.querySelectorAll('script').length,
      };
    }, svg.bytes.toString('utf8'));
    assert.equal(shape.error, false);
    assert.equal(shape.tag, 'svg');
    assert.equal(shape.scripts, 0);
    assert.equal(shape.dots, MATRIX.links.filter((l) => l.action_line === 'C3').length);
    const png = await download(page, w(page, M).button('PNG'));
    assert.equal(png.name, `wsis-sdg-matrix_C3_en_${today()}.png`);
    const size = pngSize(png.bytes);
    assert.equal(size.width, Math.ceil(shape.width * 2));
    assert.equal(size.height, Math.ceil(shape.height * 2));
    assert.ok(png.bytes.length > 2000, `a PNG with content (${png.bytes.length} bytes)`);
  });

  it('forum CSV holds the listed sessions and defuses spreadsheet formulas from data', async () => {
    const data = structuredClone(FORUM);
    data.sessions[0].title = '=HYPERLINK("http://example.com","click")';
    data.sessions[0].organisers = ['+SUM(A1)', '@cmd'];
    mkdirSync(join(ROOT, 'tests/browser/live'), { recursive: true });
    writeFileSync(join(ROOT, 'tests/browser/live/forum-formula.json'), JSON.stringify(data));
    const page = await open(browser, '/tests/pages/forum-formula.html', { acceptDownloads: true });
    await w(page, F).count.waitFor();
    const csv = await download(page, w(page, F).button('CSV'));
    assert.equal(csv.name, `wsis-forum-outcomes_en_${today()}.csv`);
    const [head, ...body] = parseCsv(csv.bytes.toString('utf8').slice(1));
    assert.deepEqual(head.slice(0, 4), ['year', 'id', 'date', 'title']);
    assert.equal(body.length, data.sessions.length);
    const formula = body.find((r) => r[3].includes('HYPERLINK'));
    assert.equal(formula[3], '\'=HYPERLINK("http://example.com","click")');
    assert.equal(formula[5], "'+SUM(A1); @cmd");
    // Narrowed to one year, the export follows.
    await w(page, F).select('Forum year').selectOption('2025');
    const year = await download(page, w(page, F).button('JSON'));
    assert.equal(year.name, `wsis-forum-outcomes_2025_en_${today()}.json`);
    const rows = JSON.parse(year.bytes.toString('utf8')).rows;
    assert.equal(rows.length, data.sessions.filter((s) => s.year === 2025).length);
    assert.ok(rows.every((r) => r.year === 2025));
    const svg = await download(page, w(page, F).button('SVG'));
    assert.match(svg.bytes.toString('utf8'), /^<\?xml[^>]*>\s*<svg /);
  });

  it('pledge CSV holds the dated totals, and the PNG is a picture of the timeline', async () => {
    const page = await open(browser, '/examples/pledges.html', { acceptDownloads: true });
    await w(page, P).el.getByRole('region', { name: 'Total pledged' }).waitFor();
    const csv = await download(page, w(page, P).button('CSV'));
    const [head, ...body] = parseCsv(csv.bytes.toString('utf8').slice(1));
    assert.deepEqual(head.slice(0, 3), ['date', 'event', 'usd']);
    assert.equal(body.length, PLEDGES.milestones.length);
    assert.deepEqual(body.map((r) => r[0]), PLEDGES.milestones.map((m) => m.date));
    const png = await download(page, w(page, P).button('PNG'));
    assert.deepEqual(pngSize(png.bytes), { width: 1800, height: 920 });
  });

  it('print shows the current view without the controls, and the grid fits A4', async () => {
    const page = await open(browser, '/?matrix.sdg=4');
    await ready(page, '#matrix');
    await page.emulateMedia({ media: 'print' });
    const m = w(page, M);
    for (const [id, control] of [['search', m.search], ['export-csv', m.button('CSV')], ['copy-link', m.button('Copy link')]]) {
      assert.equal(await control.isVisible(), false, `${id} hidden in print`);
    }
    assert.equal(await w(page, M).el.getByRole('grid').isVisible(), true, 'the grid prints');
    assert.equal(await w(page, F).search.isVisible(), false);
    assert.equal(await w(page, P).button('PNG').isVisible(), false);
    // An A4 page is about 700 CSS pixels wide inside its margins: the full grid must fit.
    // Hidden in print, so found with hidden elements included.
    await w(page, M).el.getByRole('button', { name: 'Reset filters', includeHidden: true }).evaluate((button) => button.click());
    const width = await page.locator('#matrix').evaluate((host) => {
      const wrap = host.shadowRoot.querySelector('.grid-wrap');
      wrap.style.width = '700px';
      return host.shadowRoot.querySelector('table.grid').getBoundingClientRect().width;
    });
    assert.ok(width <= 700, `grid is ${width}px wide`);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await w(page, M).button('CSV').isVisible(), true);
  });
});

describe('linked selection', () => {
  after(() => closeContexts(browser));

  it('a matrix cell selects the SDG in the pledge widget, which says where the SDG ranks', async () => {
    const page = await open(browser, '/');
    await ready(page, '#matrix');
    await w(page, P).el.getByRole('region', { name: 'Total pledged' }).waitFor();
    const detail = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('wsis-select', (e) => resolve(e.detail), { once: true });
    }));
    await page.locator(`${M} [data-testid="cell-C5-sdg-9"]`).click();
    assert.deepEqual(await detail, { actionLine: 'C5', sdg: 9 });
    await w(page, P).el.getByRole('status').filter({ hasText: 'SDG 9 is number 1 among the SDGs most targeted by the pledges of 2023.' }).waitFor();
    assert.equal(await page.locator('#pledges').evaluate((el) => el.sdg), 9);
    // A host page drives the widgets through the same properties.
    await page.locator('#pledges').evaluate((el) => { el.sdg = 5; });
    await w(page, P).el.getByRole('status').filter({ hasText: 'publish no pledge figures for SDG 5' }).waitFor();
    await page.locator('#forum').evaluate((el) => { el.actionLine = 'C5'; el.sdg = 9; });
    await page.locator(`${F} [data-testid="heat-C5-9"].open`).waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
  });
});
