// The live pledge file from another origin that allows only simple GETs (no preflight), with
// and without exposed headers: polls revalidate through the browser's cache, so an unchanged
// file is downloaded once, and a changed one once more.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, ROOT, BASE, unexpectedProblems } from './helpers.mjs';

const LIVE_DIR = join(ROOT, 'tests/browser/live');
const FILE = join(LIVE_DIR, 'cors-pledges.json');
// Another origin: the same server under another host name.
const OTHER = BASE.replace('127.0.0.1', 'localhost');

/** Full downloads (200s) of `path` the server counted. */
const downloads = async (path, reset = false) =>
  (await (await fetch(`${BASE}/tests/downloads?path=${path}${reset ? '&reset=1' : ''}`)).json()).full;

let browser;
before(async () => {
  mkdirSync(LIVE_DIR, { recursive: true });
  browser = await launch();
});
after(async () => browser.close());

describe('live data across origins', () => {
  for (const mode of ['cors-simple', 'cors-exposed']) {
    it(`${mode}: no preflight, one full download while unchanged, one more after a change`, async () => {
      assert.notEqual(new URL(OTHER).origin, new URL(BASE).origin);
      copyFileSync(join(ROOT, 'data/p2c-pledges.json'), FILE);
      const path = `/${mode}/tests/live/cors-pledges.json`;
      await downloads(path, true);
      const page = await open(browser, `/tests/pages/cors.html?src=${encodeURIComponent(OTHER + path)}`);
      const polls = [];
      page.on('request', (r) => { if (r.url().endsWith('cors-pledges.json')) polls.push(r.method()); });
      const widget = page.locator('p2c-pledges');
      await widget.getByText('more than USD 82 billion').first().waitFor({ timeout: 20000 });
      // Several polls at refresh="1".
      await new Promise((done) => setTimeout(done, 3500));
      assert.ok(polls.length >= 2, `only ${polls.length} polls`);
      assert.ok(polls.every((m) => m === 'GET'), `not only GETs: ${polls}`);
      assert.equal(await downloads(path), 1, 'an unchanged file is downloaded once');

      const data = JSON.parse(readFileSync(FILE, 'utf8'));
      data.milestones.at(-1).usd += 1e9;
      writeFileSync(FILE, JSON.stringify(data, null, 2));
      await widget.getByText('more than USD 83 billion').first().waitFor({ timeout: 10000 });
      await new Promise((done) => setTimeout(done, 2000));
      assert.equal(await downloads(path), 2, 'a changed file is downloaded once more');
      assert.equal(await widget.getByRole('alert').count(), 0);
      assert.deepEqual(unexpectedProblems(page, []), []);
    });
  }
});

describe('fetches and polls follow the page', () => {
  it('a widget removed while its file loads aborts the download', async () => {
    const paths = ['/tests/live/hang-pledges.json', '/tests/live/hang-matrix.json'];
    for (const path of paths) await fetch(`${BASE}/tests/fault?path=${path}&mode=timeout`);
    try {
      const page = await open(browser, '/tests/pages/removal.html');
      const aborted = [];
      page.on('requestfailed', (r) => { if (r.url().includes('/hang-')) aborted.push([new URL(r.url()).pathname, r.failure()?.errorText]); });
      await page.waitForRequest((r) => r.url().includes('/hang-matrix.json'));
      await page.waitForRequest((r) => r.url().includes('/hang-pledges.json'));
      await page.evaluate(() => { document.getElementById('pledges').remove(); document.getElementById('matrix').remove(); });
      const started = Date.now();
      while (new Set(aborted.map(([p]) => p)).size < 2 && Date.now() - started < 5000) {
        await new Promise((done) => setTimeout(done, 50));
      }
      assert.deepEqual([...new Set(aborted.map(([p]) => p))].sort(), [...paths].sort());
      assert.ok(aborted.every(([, why]) => /ABORTED/.test(why || '')), JSON.stringify(aborted));
    } finally {
      for (const path of paths) await fetch(`${BASE}/tests/fault?path=${path}&mode=off`);
    }
  });

  it('pledges without refresh wait as long as every other file (30 s), then offer Retry', async () => {
    const path = '/tests/live/slow-pledges.json';
    // The server holds the request 12 s, then answers 504.
    await fetch(`${BASE}/tests/fault?path=${path}&mode=timeout`);
    try {
      const page = await open(browser, '/tests/pages/pledges-once.html');
      const widget = page.locator('p2c-pledges');
      await widget.getByRole('status').first().waitFor();
      await new Promise((done) => setTimeout(done, 7000));
      assert.equal(await widget.getByRole('alert').count(), 0, 'gave up before 7 s');
      const alert = widget.getByRole('alert');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.textContent(), /HTTP 504/);
      assert.equal(await alert.getByRole('button', { name: 'Retry' }).count(), 1);
    } finally {
      await fetch(`${BASE}/tests/fault?path=${path}&mode=off`);
    }
  });

  it('a tab coming back from hidden polls once, however often it flips', async () => {
    const page = await open(browser, '/tests/pages/visibility.html');
    const polls = [];
    page.on('request', (r) => { if (r.url().endsWith('/data/p2c-pledges.json')) polls.push(Date.now()); });
    await page.locator('p2c-pledges').getByText('more than USD').first().waitFor();
    await page.evaluate(() => window.setHidden(true));
    // Past one interval (1 s ± 20 %): the loop now waits for the page to come back.
    await new Promise((done) => setTimeout(done, 2500));
    const before = polls.length;
    await new Promise((done) => setTimeout(done, 1500));
    assert.equal(polls.length, before, 'no polls while hidden');
    await page.evaluate(() => {
      for (let i = 0; i < 5; i += 1) { window.setHidden(false); window.setHidden(true); }
      window.setHidden(false);
    });
    await new Promise((done) => setTimeout(done, 400));
    assert.equal(polls.length, before + 1, `polls after coming back: ${polls.length - before}`);
  });
});

