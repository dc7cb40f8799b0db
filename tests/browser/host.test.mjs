// Host pages as they are in the wild: the script twice, an element name the page already uses,
// URL-state prefixes that nest, linked widgets sharing one URL, attributes added after mount,
// destroy() twice, a framework that moves the element, a 280 px column, 200 % zoom, a right-to-
// left page, a deck among the page's own inputs, and deck or data URLs from other origins.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, ready, BASE, MATRIX, countText, unexpectedProblems } from './helpers.mjs';

// Another origin: the same server under another host name.
const OTHER = BASE.replace('127.0.0.1', 'localhost');
const params = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const historyLength = (page) => page.evaluate(() => history.length);
/** The matrix's "N of M links" status inside `scope`. */
const count = (scope) => scope.getByRole('status').filter({ hasText: /\d+ of \d+ links?/ }).first();
/** Console warnings, collected from the start. */
function warnings(page) {
  const out = [];
  page.on('console', (m) => { if (m.type() === 'warning') out.push(m.text()); });
  return out;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

describe('host pages: scripts and element names', () => {
  it('the script loaded twice (same URL, another copy, another bundle) defines nothing twice and still works', async () => {
    const page = await open(browser, '/tests/pages/host-twice.html');
    const seen = warnings(page);
    await page.reload();
    await ready(page, '#a');
    await ready(page, '#b');
    await ready(page, '#c');
    // Linked across the copies: a cell opened in one is followed by the other.
    await page.locator('#a').getByRole('gridcell', { name: 'linked' }).first().click();
    await page.waitForFunction(() => document.getElementById('b').getAttribute('sdg') !== null);
    // The copy's mount() works and its handle can be destroyed.
    await page.evaluate(() => window.copyHandle.destroy());
    await page.waitForFunction(() => !document.querySelector('#c [role="grid"]') && !document.getElementById('c').shadowRoot?.querySelector('[role="grid"]'));
    await count(page.locator('#a')).waitFor();
    // The copies found the names taken by one of their own: nothing to warn about.
    assert.deepEqual(seen.filter((w) => w.includes('already defined')), []);
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('an element name the host already defined: a console warning naming it and define(), and ours under another name', async () => {
    const page = await open(browser, '/tests/pages/host-defined.html');
    const seen = warnings(page);
    await page.reload();
    await ready(page, '#ours');
    assert.equal(await page.locator('#host-own').textContent(), 'The host page\u2019s own element');
    await page.waitForFunction(() => document.getElementById('ready-event').textContent === 'wsis-ready from itu-sdg-matrix');
    assert.ok(seen.some((w) => w.includes('<wsis-sdg-matrix>') && w.includes('define(')), JSON.stringify(seen));
    // The renamed element keeps the matrix's URL prefix, not one made from its name.
    await page.locator('#ours').getByRole('combobox', { name: 'SDG' }).selectOption('4');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('matrix.sdg') === '4');
    await count(page.locator('#ours')).filter({ hasText: 'of 123' }).waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
  });
});

describe('host pages: URL state', () => {
  it('url-state prefixes "m" and "m.x" keep apart', async () => {
    const page = await open(browser, '/tests/pages/host-prefixes.html?m.x.sdg=13&m.sdg=5');
    const seen = warnings(page);
    await page.reload();
    await ready(page, '#m');
    await ready(page, '#mx');
    const outer = page.getByRole('region', { name: 'Outer' });
    const inner = page.getByRole('region', { name: 'Inner' });
    assert.equal(await outer.getByRole('combobox', { name: 'SDG' }).inputValue(), '5');
    assert.equal(await inner.getByRole('combobox', { name: 'SDG' }).inputValue(), '13');
    await outer.getByRole('combobox', { name: 'SDG' }).selectOption('2');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('m.sdg') === '2');
    await inner.getByRole('combobox', { name: 'SDG' }).selectOption('7');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('m.x.sdg') === '7');
    assert.deepEqual(params(page), { 'm.sdg': '2', 'm.x.sdg': '7' });
    assert.ok(!seen.some((w) => w.includes('x.sdg')), JSON.stringify(seen));
  });

  it('two linked widgets with url-state: one history entry per reader action', async () => {
    const page = await open(browser, '/tests/pages/host-linked.html');
    await ready(page, '#a');
    await ready(page, '#b');
    const first = page.getByRole('region', { name: 'First' });
    const second = page.getByRole('region', { name: 'Second' });
    const start = await historyLength(page);
    await first.getByRole('gridcell', { name: 'linked' }).first().click();
    // Both widgets have written their state: the first its open cell, the second what it follows.
    await page.waitForFunction(() => {
      const p = new URL(location.href).searchParams;
      return p.has('a.cell') && [...p.keys()].some((k) => k.startsWith('b.'));
    });
    const cell = params(page)['a.cell'];
    // Settle: any late write would show up as another entry.
    await count(second).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await historyLength(page), start + 1, JSON.stringify(params(page)));
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).search === '');
    await page.goForward();
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('a.cell') === c, cell);
  });

  it('url-state and unlinked added after mount are followed', async () => {
    const page = await open(browser, '/tests/pages/host-late-attributes.html');
    await ready(page, '#a');
    await ready(page, '#b');
    const first = page.getByRole('region', { name: 'First' });
    const second = page.getByRole('region', { name: 'Second' });
    await first.getByRole('combobox', { name: 'SDG' }).selectOption('4');
    await count(first).filter({ hasText: /^\d+ of 123/ }).waitFor();
    assert.equal(new URL(page.url()).search, '');
    // url-state added: the current view goes into the URL, and changes follow.
    await page.evaluate(() => document.getElementById('a').setAttribute('url-state', ''));
    await page.waitForFunction(() => new URL(location.href).searchParams.get('matrix.sdg') === '4');
    await first.getByRole('combobox', { name: 'SDG' }).selectOption('5');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('matrix.sdg') === '5');
    await first.getByRole('button', { name: /copy link/i }).waitFor();
    // unlinked added: the second no longer follows the first; removed again, it does.
    await page.evaluate(() => document.getElementById('b').setAttribute('unlinked', ''));
    await first.getByRole('gridcell', { name: 'linked' }).first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('matrix.cell'));
    await page.waitForTimeout(200);
    assert.equal(await page.locator('#b').getAttribute('sdg'), null);
    await page.evaluate(() => document.getElementById('b').removeAttribute('unlinked'));
    await first.getByRole('gridcell', { name: 'linked' }).nth(1).click();
    await page.waitForFunction(() => document.getElementById('b').getAttribute('sdg') !== null);
    assert.notEqual(await second.getByRole('combobox', { name: 'SDG' }).count(), 0);
    assert.deepEqual(unexpectedProblems(page), []);
  });
});

describe('host pages: lifecycle', () => {
  it('destroy() called twice, and update() after destroy(), do nothing and throw nothing', async () => {
    const page = await open(browser, '/examples/mount.html');
    await ready(page, '#target');
    const result = await page.evaluate(() => {
      try {
        window.matrixHandle.destroy();
        window.matrixHandle.destroy();
        window.matrixHandle.update({ lang: 'fr' });
        return 'ok';
      } catch (error) {
        return String(error);
      }
    });
    assert.equal(result, 'ok');
    assert.equal(await page.locator('#target').getByRole('grid').count(), 0);
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('a host that moves or re-inserts the element: one live widget, the reader\'s view kept', async () => {
    const page = await open(browser, '/tests/pages/host-framework.html');
    await ready(page, '#w');
    const widget = page.locator('#w');
    await widget.getByRole('combobox', { name: 'SDG' }).selectOption('4');
    const filtered = await count(widget).filter({ hasText: /^\d+ of 123/ }).textContent();
    assert.notEqual(filtered, countText(MATRIX.links.length));
    await page.getByRole('button', { name: 'Move' }).click();
    await count(widget).waitFor();
    assert.equal(await widget.getByRole('combobox', { name: 'SDG' }).inputValue(), '4');
    assert.equal(await count(widget).textContent(), filtered);
    await page.getByRole('button', { name: 'Re-insert' }).click();
    await page.waitForFunction(() => document.getElementById('w').isConnected);
    await count(widget).waitFor();
    assert.equal(await widget.getByRole('grid').count(), 1);
    assert.equal(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelectorAll('.wsis-mount').length), 1);
    // Still live: a filter works after both.
    await widget.getByRole('combobox', { name: 'SDG' }).selectOption('9');
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('select[id="wsis-sdg"]').value === '9');
    assert.deepEqual(unexpectedProblems(page), []);
  });
});

/**
 * Visible controls and text of each widget that stick out of its box (outside a scroll box of
 * its own), and whether the page scrolls sideways.
 */
async function overflow(page) {
  return page.evaluate(() => {
    const out = [];
    const hosts = [...document.querySelectorAll('wsis-sdg-matrix, wsis-forum-outcomes, p2c-pledges')];
    for (const host of hosts) {
      const box = host.getBoundingClientRect();
      if (box.width === 0) out.push(`${host.localName}: no width`);
      for (const el of host.shadowRoot.querySelectorAll('button, select, input, h2, h3, p, [role="status"], [role="alert"]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        let scrolled = false;
        for (let up = el.parentElement; up; up = up.parentElement) {
          if (/(auto|scroll|hidden)/.test(getComputedStyle(up).overflowX)) { scrolled = true; break; }
        }
        if (scrolled) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1) {
          out.push(`${host.localName} ${el.localName}.${el.className}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      }
    }
    const doc = document.scrollingElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    return out;
  });
}

async function allReady(page) {
  await ready(page, 'wsis-sdg-matrix');
  await page.locator('wsis-forum-outcomes').getByRole('status').filter({ hasText: /session/ }).first().waitFor();
  await page.locator('p2c-pledges').getByRole('heading', { level: 2 }).waitFor();
}

describe('host pages: layout', () => {
  it('every widget fits a 280 px container', async () => {
    const page = await open(browser, '/tests/pages/host-narrow.html', { viewport: { width: 1000, height: 900 } });
    await allReady(page);
    assert.deepEqual(await overflow(page), []);
    for (const name of ['wsis-sdg-matrix', 'wsis-forum-outcomes', 'p2c-pledges']) {
      const box = await page.locator(name).boundingBox();
      assert.ok(box.width <= 280.5, `${name} is ${box.width} px wide`);
    }
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('at 200 % zoom (a 1280 × 800 window: 640 × 400 CSS px at twice the pixels) nothing sticks out', async () => {
    const page = await open(browser, '/tests/pages/host-wide.html', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await allReady(page);
    assert.equal(await page.evaluate(() => devicePixelRatio), 2);
    assert.deepEqual(await overflow(page), []);
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('a right-to-left host page: an English widget stays left to right, an unmarked one follows the page', async () => {
    const page = await open(browser, '/tests/pages/host-rtl.html');
    await ready(page, '#en');
    await ready(page, '#ar');
    const dir = (id) => page.evaluate((i) => getComputedStyle(document.getElementById(i).shadowRoot.querySelector('[part="root"]')).direction, id);
    assert.equal(await dir('en'), 'ltr');
    assert.equal(await dir('ar'), 'rtl');
    const english = page.getByRole('region', { name: 'English' });
    await english.getByRole('combobox', { name: 'SDG' }).waitFor();
    // The English toolbar starts at the left edge of its widget.
    const host = await page.locator('#en').boundingBox();
    const search = await english.getByLabel('Search', { exact: true }).boundingBox();
    assert.ok(search.x - host.x < host.x + host.width - (search.x + search.width), JSON.stringify({ host, search }));
    await page.locator('p2c-pledges').getByRole('heading', { level: 2 }).waitFor();
    assert.deepEqual(await overflow(page), []);
    assert.deepEqual(unexpectedProblems(page), []);
  });
});

describe('host pages: the presenter deck', () => {
  const slide = (page, i, n = 3) => page.getByRole('region', { name: `Slide ${i} of ${n}` });

  it('leaves the keys of the page\'s own inputs, textarea, select, contenteditable and shadow fields alone', async () => {
    const page = await open(browser, '/tests/pages/host-present.html');
    await slide(page, 1).waitFor();
    const fields = [
      page.getByLabel('Host search'),
      page.getByLabel('Host notes'),
      page.getByRole('textbox', { name: 'Host editor' }),
      page.getByLabel('Host shadow field'),
    ];
    for (const field of fields) {
      // The deck covers the viewport (position: fixed); the keyboard reaches the fields.
      await field.focus();
      for (const key of ['n', 'p', 'b', 'ArrowRight', 'ArrowDown', 'Space', '2', 'Enter', 'End', 'Home', 'Backspace']) {
        await page.keyboard.press(key);
      }
      await page.keyboard.type('w3');
    }
    await page.getByLabel('Host choice').focus();
    for (const key of ['ArrowDown', 'n', 'End', 'PageDown']) await page.keyboard.press(key);
    // Keys for the deck still work once the focus is on the page itself.
    await page.evaluate(() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); });
    await page.keyboard.press('n');
    await slide(page, 2).waitFor();
    assert.equal(await slide(page, 3).count(), 0);
    assert.match(await page.getByLabel('Host search').inputValue(), /w3/);
    assert.match(await page.getByLabel('Host notes').inputValue(), /w3/);
    assert.match(await page.getByRole('textbox', { name: 'Host editor' }).textContent(), /w3/);
    assert.match(await page.getByLabel('Host shadow field').inputValue(), /w3/);
    assert.equal(await page.evaluate(() => document.querySelector('wsis-presenter').shadowRoot.querySelector('.blank').hidden), true);
  });

  it('the deck\'s element name already defined by the host: a console warning, and the deck under another name', async () => {
    const page = await open(browser, '/tests/pages/host-present-taken.html');
    const seen = warnings(page);
    await page.reload();
    await slide(page, 1, 2).waitFor();
    assert.equal(await page.locator('#host-own').textContent(), 'The host page\u2019s own presenter');
    assert.ok(seen.some((w) => w.includes('<wsis-presenter>') && w.includes('definePresenter(')), JSON.stringify(seen));
    await page.keyboard.press('n');
    await slide(page, 2, 2).waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
  });

  for (const [param, path] of [['deck', '/cors-simple/talks/wsis-forum-2026.json'], ['data', '/cors-simple/data/']]) {
    it(`?${param}= from another origin is refused visibly; the page can allow that origin`, async () => {
      const url = `${OTHER}${path}`;
      const refused = await open(browser, `/tests/pages/host-present.html?${param}=${encodeURIComponent(url)}`);
      const alert = refused.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), new RegExp(`${new URL(OTHER).host}.*allowed-origins`));
      assert.equal(await slide(refused, 1).count(), 0);
      const allowed = await open(browser, `/tests/pages/host-present.html?${param}=${encodeURIComponent(url)}&allow`);
      await allowed.getByRole('region', { name: /^Slide 1 of \d+$/ }).waitFor();
      assert.equal(await allowed.getByRole('alert').filter({ hasText: 'origin' }).count(), 0);
      if (param === 'data') {
        // The slide's widget loads its data from the allowed origin.
        await allowed.waitForFunction(() => {
          const current = document.querySelector('wsis-presenter').shadowRoot.querySelector('.slide.current');
          return current && current.dataset.state === 'ready';
        });
      }
    });
  }
});
