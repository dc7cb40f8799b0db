// The web editor's side: embedding, errors, hostile pages, CSP, layouts, themes, events.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, closeContexts, open, ready, countOf, rootOf, MATRIX, countText, BASE } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const M = 'wsis-sdg-matrix';
// Grid cells keep test ids: a cell's accessible name is its state ("linked", "no link"), its
// row and column headers say which it is, and a role locator cannot combine them.
/** The list form of the matrix (shown in narrow containers), named like the grid. */
const cards = (page) => page.locator(M)
  .getByRole('list', { name: 'WSIS Action Lines and the Sustainable Development Goals', includeHidden: true });
/** One Action Line's entry in the list form. */
const card = (page, id) => cards(page).getByRole('listitem').filter({ hasText: new RegExp(`^${id}(?![0-9])`) });

describe('embedding', () => {
  after(() => closeContexts(browser));

  it('renders under a strict CSP with its styles (adoptedStyleSheets, no <style>)', async () => {
    const page = await open(browser, '/');
    await ready(page);
    const collapse = await page.locator(`${M} table`).evaluate((t) => getComputedStyle(t).borderCollapse);
    assert.equal(collapse, 'collapse');
    const styleTags = await page.evaluate(() => document.querySelector('wsis-sdg-matrix').shadowRoot.querySelectorAll('style, [style]').length);
    assert.equal(styleTags, 0);
    assert.deepEqual(page.problems.filter((p) => /Content Security Policy|Refused/.test(p)), []);
  });

  it('a stylesheet that cannot be loaded is a visible error naming the file; the page keeps working', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/dist/wsis-sdg-widgets.css', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(BASE + '/examples/two-widgets.html');
    for (const id of ['#broken', '#good']) {
      const alert = page.locator(id).getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(),
        /^The widget could not start: could not load the stylesheet http:\/\/[^ ]+\/dist\/wsis-sdg-widgets\.css \(HTTP 404\)$/);
    }
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-output').textContent(), 'host page still works');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fetches the stylesheet once for all its widgets and adopts one sheet in each', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sheets = [];
    page.on('request', (r) => { if (r.url().endsWith('/wsis-sdg-widgets.css')) sheets.push(r.resourceType()); });
    await page.goto(BASE + '/examples/two-widgets.html');
    await ready(page, '#good');
    await ready(page, '#broken');
    assert.deepEqual(sheets, ['fetch']);
    const adopted = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('wsis-sdg-matrix')].map((el) => el.shadowRoot);
      return { counts: roots.map((r) => r.adoptedStyleSheets.length), same: roots[0].adoptedStyleSheets[0] === roots[1].adoptedStyleSheets[0] };
    });
    assert.deepEqual(adopted, { counts: [1, 1], same: true });
    await context.close();
  });

  it('reports a bad data file visibly with file and JSON path; the other widget and the page keep working', async () => {
    const page = await open(browser, '/examples/two-widgets.html');
    await ready(page, '#broken');
    await ready(page, '#good');
    const alert = page.locator('#broken [role="alert"]');
    assert.match(await alert.textContent(), /broken-matrix\.json: links\[17\]\.sdg: 18 is not an SDG \(1–17\)/);
    assert.equal(await countOf(page.locator('#good')).textContent(), countText(MATRIX.links.length));
    await page.locator('#good [data-testid="cell-C1-sdg-1"]').click();
    await page.locator('#good').getByRole('complementary').waitFor();
    await page.locator('#host-button').click();
    assert.equal(await page.locator('#host-output').textContent(), 'host page still works');
    assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), []);
  });

  it('says which URL failed and offers a retry that fetches again', async () => {
    const page = await open(browser, '/tests/pages/missing.html');
    await ready(page, '#missing');
    await ready(page, '#no-src');
    assert.equal(await page.locator('#no-src').getByRole('alert').getByRole('paragraph').textContent(),
      '<wsis-sdg-matrix>: no data URL: set the src attribute');
    const message = await page.locator('#missing').getByRole('alert').getByRole('paragraph').textContent();
    assert.match(message, /no-such-file\.json: the server answered HTTP 404/);
    let requests = 0;
    page.on('request', (r) => { if (r.url().includes('no-such-file.json')) requests += 1; });
    await page.locator('#missing').getByRole('button', { name: 'Retry' }).click();
    await page.waitForTimeout(300);
    assert.equal(requests, 1);
    assert.equal(await page.locator('#missing [role="alert"]').count(), 1);
  });

  it('reports a network failure and a non-JSON response', async () => {
    const page = await open(browser, '/tests/pages/unreachable.html');
    await ready(page, '#offline');
    await ready(page, '#html');
    assert.match(await page.locator('#offline').getByRole('alert').getByRole('paragraph').textContent(), /127\.0\.0\.1:9\/matrix\.json: could not be loaded/);
    assert.match(await page.locator('#html').getByRole('alert').getByRole('paragraph').textContent(), /not-json\.html: this is a web page \(HTML\), not JSON/);
  });

  it('looks the same on a page with aggressive global CSS', async () => {
    const measure = async (path) => {
      const page = await open(browser, path);
      await ready(page);
      return page.evaluate(() => {
        const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
        const pick = (sel) => {
          const el = root.querySelector(sel);
          const cs = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return { font: cs.font, display: cs.display, color: cs.color, letterSpacing: cs.letterSpacing,
            textTransform: cs.textTransform, boxSizing: cs.boxSizing, w: Math.round(r.width), h: Math.round(r.height) };
        };
        return ['[part="root"]', 'table', 'td.cell', 'thead th', 'select', 'h2', 'p[role="status"]'].map(pick);
      });
    };
    const plain = await measure('/examples/plain.html');
    const hostile = await measure('/examples/aggressive-css.html');
    // The host element's own box differs (the page may size it); everything inside is equal.
    assert.deepEqual(hostile.slice(1), plain.slice(1));
    assert.equal(hostile[0].font, plain[0].font);
    assert.equal(hostile[0].color, plain[0].color);
  });

  it('mounts when a CMS inserts the element later, unmounts cleanly, and mounts again', async () => {
    const page = await open(browser, '/examples/late-insert.html');
    await page.locator('#insert').click();
    await ready(page);
    await page.locator('#remove').click();
    assert.equal(await page.locator(M).count(), 0);
    await page.locator('#insert').click();
    await ready(page);
    assert.equal(await countOf(page.locator(M)).textContent(), countText(MATRIX.links.length));
    // Removed while still loading: nothing mounts into a detached element, nothing throws.
    await page.evaluate(() => {
      const el = document.createElement('wsis-sdg-matrix');
      el.setAttribute('src', '/data/matrix.json');
      document.body.append(el);
      el.remove();
    });
    await page.waitForTimeout(300);
    assert.deepEqual(page.problems, []);
  });

  it('destroys the app on removal: no mounted container, no listeners reacting', async () => {
    const page = await open(browser, '/examples/late-insert.html');
    await page.locator('#insert').click();
    await ready(page);
    const leftovers = await page.evaluate(async () => {
      const el = document.querySelector('wsis-sdg-matrix');
      const root = el.shadowRoot;
      el.remove();
      await new Promise((r) => setTimeout(r, 50));
      return root.querySelectorAll('.wsis-mount').length;
    });
    assert.equal(leftovers, 0);
    assert.deepEqual(page.problems, []);
  });

  it('offers mount(element, options) for hosts without custom elements', async () => {
    const page = await open(browser, '/examples/mount.html');
    await ready(page, '#target');
    assert.equal(await rootOf(page.locator('#target')).getAttribute('lang'), 'es');
    assert.match(await countOf(page.locator('#target')).textContent(), /vínculos/);
    await page.locator('#unmount').click();
    assert.equal(await rootOf(page.locator('#target')).count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it('emits composed wsis-ready and wsis-select events the host can listen to', async () => {
    const page = await open(browser, '/');
    await ready(page);
    await page.locator(`${M} [data-testid="cell-C5-sdg-9"]`).click();
    await page.waitForFunction(() => document.getElementById('last-event').textContent.startsWith('wsis-select'));
    const detail = JSON.parse((await page.locator('#last-event').textContent()).replace('wsis-select ', ''));
    assert.deepEqual(detail, { actionLine: 'C5', sdg: 9 });
  });

  it('fetches the SDG texts of the reader\'s language only, and each language once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => { if (/sdg-[a-z]{2}\.json$/.test(r.url())) fetched.push(r.url().split('/').pop()); });
    await page.goto(`${BASE}/examples/plain.html`);
    await ready(page);
    assert.deepEqual(fetched, ['sdg-en.json']);
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('lang', 'fr'));
    await countOf(page.locator(M)).filter({ hasText: 'liens' }).waitFor();
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('lang', 'en'));
    await countOf(page.locator(M)).filter({ hasText: 'links' }).waitFor();
    assert.deepEqual(fetched, ['sdg-en.json', 'sdg-fr.json']);
    await context.close();
  });

  it('loads the wasm next to the script, wherever the page is', async () => {
    const page = await open(browser, '/tests/pages/nested/deep/page.html');
    await ready(page);
    assert.equal(await countOf(page.locator(M)).textContent(), countText(MATRIX.links.length));
  });
});

describe('layout and themes', () => {
  after(() => closeContexts(browser));

  it('uses a list form in a 320 px container, even on a wide window', async () => {
    const page = await open(browser, '/examples/phone.html');
    await ready(page);
    assert.equal(await page.locator(M).getByRole('grid', { includeHidden: true }).isVisible(), false);
    assert.equal(await cards(page).isVisible(), true);
    await card(page, 'C2').locator('summary').click();
    await card(page, 'C2').getByRole('button').first().click();
    await page.locator(M).getByRole('complementary').waitFor();
    const width = await rootOf(page.locator(M)).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    assert.ok(width, 'no horizontal overflow at 320 px');
  });

  it('uses the grid at 1920 px', async () => {
    const page = await open(browser, '/examples/plain.html', { viewport: { width: 1920, height: 1200 } });
    await ready(page);
    assert.equal(await page.locator(M).getByRole('grid', { includeHidden: true }).isVisible(), true);
    assert.equal(await cards(page).isVisible(), false);
    await page.locator(`${M} [data-testid="cell-C5-sdg-9"]`).click();
  });

  it('follows theme="dark" and prefers-color-scheme with theme="auto"', async () => {
    const bg = (page) => rootOf(page.locator(M)).evaluate((el) => getComputedStyle(el).backgroundColor);
    const page = await open(browser, '/examples/plain.html');
    await ready(page);
    assert.equal(await bg(page), 'rgb(255, 255, 255)');
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => getComputedStyle(document.querySelector('wsis-sdg-matrix').shadowRoot.querySelector('[part="root"]')).backgroundColor === 'rgb(13, 17, 23)');
    const auto = await open(browser, '/', { colorScheme: 'dark' });
    await ready(auto);
    assert.equal(await bg(auto), 'rgb(13, 17, 23)');
  });

  it('keeps marks visible in forced colors and stops motion when reduced', async () => {
    const page = await open(browser, '/examples/plain.html', { forcedColors: 'active', reducedMotion: 'reduce' });
    await ready(page);
    const glyph = await page.locator(`${M} [data-testid="cell-C1-sdg-1"] .mark-link`).evaluate((el) => ({
      text: el.textContent, visible: el.getBoundingClientRect().width > 0,
    }));
    assert.deepEqual(glyph, { text: '●', visible: true });
    const transition = await page.locator(M).getByRole('button', { name: 'Reset filters' }).evaluate((el) => getComputedStyle(el).transitionDuration);
    assert.equal(transition, '0s');
  });
});
