// Automated accessibility checks (axe-core walks open shadow roots) in both themes and in Arabic.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, ready, wholePage, ROOT } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function violations(page, host = 'wsis-sdg-matrix') {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (host) => {
    // A theme switch fades button backgrounds (120 ms): judge the colours after, not halfway.
    const root = document.querySelector(host).shadowRoot;
    if (root) await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run(document.querySelector(host), {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
  }, host);
}

describe('accessibility (axe-core)', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => browser.close());

  it('is a working instrument: it sees a fault planted in the shadow root', async () => {
    const page = await open(browser, '/examples/plain.html');
    await ready(page);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('wsis-sdg-matrix').shadowRoot.querySelector('[part="root"]').append(img);
    });
    const found = await violations(page);
    assert.ok(found.some((v) => v.startsWith('image-alt')), JSON.stringify(found));
  });

  for (const theme of ['light', 'dark']) {
    it(`pledges: no serious or critical violations, ${theme} theme`, async () => {
      const page = await open(browser, '/examples/pledges.html');
      await page.locator('p2c-pledges').getByRole('region', { name: 'Total pledged' }).waitFor();
      await page.evaluate((t) => document.querySelector('p2c-pledges').setAttribute('theme', t), theme);
      await page.evaluate(() => {
        for (const d of document.querySelector('p2c-pledges').shadowRoot.querySelectorAll('details')) d.open = true;
      });
      assert.deepEqual(await violations(page, 'p2c-pledges'), []);
    });
  }

  for (const [name, path, setup] of [
    ['light theme', '/examples/plain.html', null],
    ['dark theme with a cell open', '/examples/plain.html', async (page) => {
      await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('theme', 'dark'));
      // A grid cell keeps its test id: its name is its state ("linked"); its headers say which it is.
      await page.locator('wsis-sdg-matrix [data-testid="cell-C5-sdg-9"]').click();
    }],
    ['Arabic, right to left', '/examples/arabic.html', null],
    ['narrow list form', '/examples/phone.html', null],
  ]) {
    it(`has no serious or critical violations: ${name}`, async () => {
      const page = await open(browser, path);
      await ready(page);
      if (setup) await setup(page);
      await page.evaluate(() => {
        const d = document.querySelector('wsis-sdg-matrix').shadowRoot.querySelector('details');
        if (d) d.open = true;
      });
      assert.deepEqual(await violations(page), []);
    });
  }

  // Example pages are what editors copy: the whole page (landmarks, headings, every widget in
  // it) with axe's best-practice rules too, every impact counted. The hostile-CSS page is left
  // out: its own styles are bad on purpose.
  for (const path of ['/', '/builder.html', ...readdirSync(join(ROOT, 'www/examples'))
    .filter((f) => f.endsWith('.html') && f !== 'aggressive-css.html').map((f) => `/examples/${f}`)]) {
    it(`the whole page, best practices included: ${path}`, async () => {
      // axe goes in as an inline script, which the demo pages' CSP would refuse.
      const page = await open(browser, path, { bypassCSP: true });
      // The CMS page inserts its widget on a click.
      if (path.endsWith('late-insert.html')) await page.getByRole('button', { name: /insert/i }).click();
      // Every shadow root on the page (custom elements, and mount()'s host) holds its live
      // widget, taken over: no pre-rendered copy and no pending live one beside it (during
      // the takeover both are in the tree, and axe would count their landmarks twice); the Yew
      // app's widgets have none and draw into the document.
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot);
        const live = (root) => root.querySelector('[part="root"]:not([data-prerendered] *)')
          && !root.querySelector('.wsis-mount[data-prerendered], .wsis-mount[data-pending]');
        return hosts.length > 0 ? hosts.every((el) => live(el.shadowRoot)) : live(document);
      }, null, { timeout: 20000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await wholePage(page), []);
    });
  }

  // The data desk (www/desk.html) with its work on show: a forum file, a spreadsheet with bad
  // rows (problems listed, in Arabic translated, cells marked invalid), a pledge file and the
  // preview's widget with its menu; in Arabic too.
  for (const lang of ['en', 'ar']) {
    it(`the data desk, files open and problems listed, best practices included: ${lang}`, async () => {
      const page = await open(browser, '/desk.html', { bypassCSP: true });
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (lang === 'ar') await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
      const csv = 'year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n'
        + '2027,D1,Good,ITU,,2027-07-06,C1,3,,H\n2027,D2,,ITU,,2026-01-01,C99,18,,Q\n';
      await page.locator('#desk-open').setInputFiles([
        { name: 'forum-outcomes.json', mimeType: 'application/json', buffer: readFileSync(join(ROOT, 'data/forum-outcomes.json')) },
        { name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
        // A second widget to preview: the preview's menu is on show too.
        { name: 'p2c-pledges.json', mimeType: 'application/json', buffer: readFileSync(join(ROOT, 'data/p2c-pledges.json')) },
      ]);
      await page.locator('.desk-sheet table').waitFor();
      await page.waitForFunction(() => document.querySelector('wsis-forum-outcomes')?.shadowRoot
        ?.querySelector('[part="root"]'), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
      });
      assert.deepEqual(found, []);
    });
  }
});

