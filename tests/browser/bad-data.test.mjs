// The bad-file corpus (tests/data/bad/) in the browser: each bad file's widget shows the
// message the native test holds for it, the good widget next to them works, and markup in a
// data file stays text.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, ready, ROOT, BASE, MATRIX, countText, unexpectedProblems } from './helpers.mjs';

const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'tests/data/bad/expected.json'), 'utf8'));
const MARKUP = '<img src=x onerror=alert(1)>';

/** The native message for `name`, with the file named as the page wrote its URL. */
const expectedFor = (name) => `/bad-data/${name}${EXPECTED[name].slice(name.length)}`;

const SAMPLE = [
  ['m-html', 'matrix-html.json'], ['m-utf16', 'matrix-utf16.json'], ['m-comma', 'matrix-trailing-comma.json'],
  ['m-text', 'matrix-sdg-as-text.json'], ['m-refs', 'matrix-duplicate-source-ref.json'],
  ['m-js', 'matrix-javascript-url.json'], ['f-nan', 'forum-nan.json'], ['f-utf16', 'forum-utf16.json'],
  ['f-data', 'forum-data-url.json'], ['p-latin1', 'pledges-latin1.json'], ['p-1e30', 'pledges-usd-1e30.json'],
  ['p-cut', 'pledges-truncated.json'],
];

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

describe('bad data files', () => {
  it('each shows its plain message in its own widget; the good widget and the page keep working', async () => {
    // Sent without Content-Length: the limit is found while the body streams in.
    await fetch(`${BASE}/tests/fault?path=/bad-data/matrix-good.json&mode=unsized`);
    const page = await open(browser, '/tests/pages/bad-data.html');
    await ready(page, '#good');
    for (const [id, name] of SAMPLE) {
      const alert = page.locator(`#${id}`).getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.locator('p').textContent(), expectedFor(name), id);
    }
    // A file with a byte-order mark is accepted.
    await ready(page, '#m-bom');
    assert.equal(await page.locator('#m-bom').getByRole('alert').count(), 0);
    // Over max-bytes: refused from its Content-Length, before it is read.
    const big = page.locator('#m-big').getByRole('alert');
    await big.waitFor();
    assert.match(await big.locator('p').textContent(),
      /^\/data\/matrix\.json: the file is \d+(\.\d)? kB, over the limit of 2 kB \(the element's max-bytes attribute sets the limit\)$/);
    const streamed = page.locator('#m-stream').getByRole('alert');
    await streamed.waitFor();
    assert.equal(await streamed.locator('p').textContent(),
      "/bad-data/matrix-good.json: the file is over the limit of 2 kB (the element's max-bytes attribute sets the limit)");
    await fetch(`${BASE}/tests/fault?path=/bad-data/matrix-good.json&mode=off`);
    // Only a failed load offers Retry; broken content stays broken.
    assert.equal(await page.locator('#m-text').getByRole('button', { name: 'Retry' }).count(), 0);
    const good = page.locator('#good');
    assert.equal(await good.getByRole('status').filter({ hasText: 'links' }).first().textContent(), countText(MATRIX.links.length));
    await good.getByRole('searchbox').fill('health');
    await page.locator('#host-input').fill('the host page still types');
    assert.equal(await page.locator('#host-input').inputValue(), 'the host page still types');
    // The widget over max-bytes cancels its download on purpose: the browser may log it failed.
    assert.deepEqual(unexpectedProblems(page, ['requestfailed: ' + BASE + '/bad-data/matrix-good.json']), []);
  });

  it('markup, bidi controls and NUL in data files are shown as text; the SVG export stays XML', async () => {
    const page = await open(browser, '/tests/pages/markup-data.html', { acceptDownloads: true });
    await ready(page, '#matrix');
    const counts = await page.evaluate(() => [...document.querySelectorAll('wsis-sdg-matrix, wsis-forum-outcomes, p2c-pledges')]
      .map((el) => el.shadowRoot.querySelectorAll('img, b, script').length));
    assert.deepEqual(counts, [0, 0, 0]);
    const matrix = page.locator('#matrix');
    // Each widget shows the markup as its characters, outside form controls too.
    await page.waitForFunction((markup) => ['#matrix', '#forum', '#pledges'].every((id) => {
      const root = document.querySelector(id).shadowRoot;
      const shown = [...root.querySelectorAll('*')].filter((el) => !el.closest('select, option, style'));
      return shown.some((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.includes(markup)));
    }), MARKUP, { timeout: 20000 });
    for (const id of ['#matrix', '#forum', '#pledges']) assert.equal(await page.locator(id).getByRole('alert').count(), 0, id);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      matrix.getByRole('button', { name: /SVG/ }).click(),
    ]);
    const svg = readFileSync(await file.path(), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, images: doc.querySelectorAll('img, script').length };
    }, svg);
    assert.deepEqual(parsed, { error: null, images: 0 });
    assert.deepEqual(unexpectedProblems(page, []), []);
  });
});
