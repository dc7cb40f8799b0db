// Layout facts of the first view (issue 16): the matrix grid stays whole with a cell open,
// its header bars line up, and on a phone the filters sit behind one "Filters" button so the
// first screen shows content. Boxes are measured (getBoundingClientRect), not guessed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, closeContexts, open, ready, countOf, rootOf, until, MATRIX, sdgFile, countText, ROOT } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const FORUM = JSON.parse(readFileSync(join(ROOT, 'data/forum-outcomes.json'), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const M = 'wsis-sdg-matrix';
const F = '#forum';
// Grid cells keep test ids: a cell's accessible name is its state ("linked"), its headers say
// which cell it is, and a role locator cannot combine them.
const tid = (id) => `${M} [data-testid="${id}"]`;

/** Whether box `inner` lies inside box `outer` (half a pixel of rounding allowed). */
const inside = (inner, outer) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
  && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every axe violation inside `host`, best practices included, any impact. */
async function axe(page, host) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (h) => {
    const root = document.querySelector(h).shadowRoot;
    if (root) await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run(document.querySelector(h), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    // The rules about a whole page (one main landmark, an h1) do not apply to one widget.
    return result.violations.filter((v) => !['region', 'page-has-heading-one', 'landmark-one-main'].includes(v.id))
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
  }, host);
}

describe('matrix: the grid stays whole with a cell open', () => {
  after(() => closeContexts(browser));
  // A cell in the last column, the one a panel beside the grid used to push out of view.
  const last = MATRIX.links.find((l) => l.sdg === 17);
  const cellId = `cell-${last.action_line}-sdg-17`;

  for (const width of [1024, 1366, 1920]) {
    it(`${width} px: all 17 SDG columns, the open cell and its panel are inside the widget, the grid does not scroll sideways`, async () => {
      const page = await open(browser, '/examples/plain.html', { viewport: { width, height: 900 } });
      await ready(page);
      const host = page.locator(M);
      await page.locator(tid(cellId)).click();
      const detail = host.getByRole('complementary');
      await detail.waitFor();
      const box = await rootOf(host).boundingBox();
      const heads = host.locator('thead th[role="columnheader"]');
      const boxes = [];
      for (const head of await heads.all()) if (await head.isVisible()) boxes.push([await head.textContent(), await head.boundingBox()]);
      assert.equal(boxes.length, 17);
      for (const [text, b] of boxes) assert.ok(inside(b, box), `${text.trim().slice(0, 20)} at ${JSON.stringify(b)} outside ${JSON.stringify(box)}`);
      const cell = await page.locator(tid(cellId)).boundingBox();
      assert.ok(inside(cell, box), 'the open cell is inside the widget');
      assert.equal(await page.locator(tid(cellId)).getAttribute('aria-selected'), 'true');
      const panel = await detail.boundingBox();
      assert.ok(inside(panel, box), 'the panel is inside the widget');
      assert.ok(!overlaps(panel, cell), 'the panel does not cover the open cell');
      const scroll = await host.evaluate((el) => {
        const wrap = el.shadowRoot.querySelector('.grid-wrap');
        return [wrap.scrollWidth, wrap.clientWidth];
      });
      assert.ok(scroll[0] <= scroll[1] + 1, `grid scrolls sideways: ${scroll}`);
      // The keyboard path is unchanged: the panel has the focus, Escape gives it back to the cell.
      const active = () => page.evaluate(() => {
        const el = document.querySelector('wsis-sdg-matrix').shadowRoot.activeElement;
        return el && (el.dataset.testid || el.localName);
      });
      assert.equal(await until(active, (v) => v === 'h3', { timeout: 5000 }).catch(() => active()), 'h3');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached', timeout: 5000 });
      assert.equal(await until(active, (v) => v === cellId, { timeout: 5000 }).catch(() => active()), cellId);
      assert.deepEqual(page.problems, []);
    });
  }
});

describe('matrix: the SDG colour bars and numbers of the header line up', () => {
  after(() => closeContexts(browser));
  for (const width of [1366, 1920]) {
    for (const lang of ['en', 'fr', 'ar']) {
      it(`${width} px, ${lang}: every bar and every number has the same top`, async () => {
        const page = await open(browser, '/examples/plain.html', { viewport: { width, height: 900 } });
        await ready(page);
        if (lang !== 'en') {
          await page.evaluate((l) => document.querySelector('wsis-sdg-matrix').setAttribute('lang', l), lang);
          await page.waitForFunction((short) => document.querySelector('wsis-sdg-matrix').shadowRoot
            .querySelector('thead').textContent.includes(short), sdgFile(lang).goals[16].short);
        }
        const tops = await page.locator(M).evaluate((el) => {
          const heads = [...el.shadowRoot.querySelectorAll('thead th[role="columnheader"]')].filter((th) => th.checkVisibility());
          const top = (sel) => heads.map((th) => th.querySelector(sel).getBoundingClientRect().top);
          // How many lines each short title takes: the point is that they differ.
          const lines = heads.map((th) => {
            const s = th.querySelector('.short');
            return Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight));
          });
          return { bars: top('.swatch'), numbers: top('.num'), lines };
        });
        assert.equal(tops.bars.length, 17);
        // The case the alignment is for: titles of one, two or three lines side by side.
        assert.ok(new Set(tops.lines).size > 1, `title lines ${tops.lines}`);
        const spread = (xs) => Math.max(...xs) - Math.min(...xs);
        assert.ok(spread(tops.bars) <= 1, `bars: ${tops.bars.map(Math.round)} (title lines ${tops.lines})`);
        assert.ok(spread(tops.numbers) <= 1, `numbers: ${tops.numbers.map(Math.round)} (title lines ${tops.lines})`);
      });
    }
  }
});

/** The Filters disclosure of the widget `host`, and the controls it shows and hides. */
const disclosure = (page, host) => {
  const el = page.locator(host);
  return {
    el,
    button: el.getByRole('button', { name: /^Filters/ }),
    search: el.getByRole('searchbox', { name: 'Search' }),
    select: (name) => el.getByRole('combobox', { name, exact: true }),
    count: countOf(el),
  };
};
/** The visible controls of `host` that stick out of its root box sideways, as text. */
const outside = (page, host) => page.evaluate((h) => {
  const root = document.querySelector(h).shadowRoot.querySelector('[part="root"]');
  const box = root.getBoundingClientRect();
  return [...root.querySelectorAll('.toolbar select, .toolbar input, .toolbar button')]
    .filter((el) => el.checkVisibility())
    .map((el) => [el.id || el.textContent, el.getBoundingClientRect()])
    .filter(([, b]) => b.left < box.left - 0.5 || b.right > box.right + 0.5)
    .map(([name, b]) => `${name} ${Math.round(b.left)}–${Math.round(b.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
}, host);
const focusedName = (page, host) => page.evaluate((h) => {
  const el = document.querySelector(h).shadowRoot.activeElement;
  return el ? `${el.localName}${el.id ? '#' + el.id : ''}${el.className ? '.' + el.className : ''}` : null;
}, host);

describe('phone, 390 × 844: the filters behind one button, content on the first screen', () => {
  after(() => closeContexts(browser));
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

  it('matrix: the first screen shows cards; Filters opens and closes by pointer and keyboard and counts', async () => {
    const page = await open(browser, '/examples/plain.html', phone);
    await ready(page);
    const d = disclosure(page, M);
    const cards = d.el.getByRole('list', { name: 'WSIS Action Lines and the Sustainable Development Goals' });
    const first = await cards.getByRole('listitem').first().boundingBox();
    assert.ok(first.y + 40 < 844, `first card at ${first.y}`);
    // Collapsed: the button says so and names its panel; the menus are hidden; search is there.
    assert.equal(await d.button.textContent(), 'Filters');
    assert.equal(await d.button.getAttribute('aria-expanded'), 'false');
    const controls = await d.button.getAttribute('aria-controls');
    assert.equal(await d.el.evaluate((el, id) => !!el.shadowRoot.getElementById(id), controls), true);
    assert.equal(await d.select('Action Line').isVisible(), false);
    assert.equal(await d.select('Target').isVisible(), false);
    assert.equal(await d.search.isVisible(), true);
    assert.equal(await d.select('Language').isVisible(), true);

    // Pointer: open, set two filters, and the count follows.
    await d.button.click();
    assert.equal(await d.button.getAttribute('aria-expanded'), 'true');
    await d.select('Action Line').selectOption('C5');
    await until(() => d.button.textContent(), (t) => t === 'Filters (1 active)', { what: 'one filter counted' });
    await d.select('SDG').selectOption('9');
    await until(() => d.button.textContent(), (t) => t === 'Filters (2 active)', { what: 'two filters counted' });
    assert.deepEqual(await outside(page, M), [], 'the open panel fits the phone');
    const expected = MATRIX.links.filter((l) => l.action_line === 'C5' && l.sdg === 9).length;
    assert.equal(await d.count.textContent(), countText(expected));
    await d.button.click();
    assert.equal(await d.button.getAttribute('aria-expanded'), 'false');
    assert.equal(await d.select('SDG').isVisible(), false);
    assert.equal(await d.button.textContent(), 'Filters (2 active)', 'the count stays on the closed button');

    // Keyboard: Enter and Space toggle; Escape in the panel closes it and returns to the button.
    await d.button.focus();
    await page.keyboard.press('Enter');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'true', { what: 'opened by Enter' });
    await page.keyboard.press('Tab');
    assert.match(await focusedName(page, M), /^select#wsis-al/);
    await page.keyboard.press('Escape');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'false', { what: 'closed by Escape' });
    assert.match(await focusedName(page, M), /^button.*filters-toggle/);
    await page.keyboard.press(' ');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'true', { what: 'opened by Space' });
    await page.keyboard.press(' ');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'false', { what: 'closed by Space' });

    // Search stays usable with the panel closed; Reset clears the filters and the count.
    await d.el.getByRole('button', { name: 'Reset filters' }).click();
    await until(() => d.button.textContent(), (t) => t === 'Filters', { what: 'count cleared' });
    await d.search.fill('water');
    await until(() => d.count.textContent(), (t) => t !== countText(MATRIX.links.length), { what: 'search answered' });
    assert.deepEqual(page.problems, []);
  });

  it('matrix: the open panel passes axe (best practices) in both themes, and the label follows the language', async () => {
    const page = await open(browser, '/examples/plain.html', phone);
    await ready(page);
    const d = disclosure(page, M);
    await d.button.click();
    await d.select('Facilitator').selectOption('FAO');
    assert.deepEqual(await axe(page, M), []);
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => getComputedStyle(document.querySelector('wsis-sdg-matrix').shadowRoot
      .querySelector('[part="root"]')).backgroundColor === 'rgb(13, 17, 23)');
    assert.deepEqual(await axe(page, M), [], 'dark theme');
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('lang', 'fr'));
    await d.el.getByRole('button', { name: 'Filtres (1 actif)' }).waitFor();
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('lang', 'ru'));
    await d.el.getByRole('button', { name: 'Фильтры (1 активный)' }).waitFor();
  });

  it('forum: the first screen shows the heat grid and its counts; Filters opens, closes and counts', async () => {
    const page = await open(browser, '/examples/forum.html', phone);
    const d = disclosure(page, F);
    await d.el.getByRole('heading', { name: 'Sessions', exact: true }).waitFor({ timeout: 20000 });
    // The page has the matrix above the forum: the forum's first screen starts at its top.
    await d.el.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const grid = await d.el.getByRole('table', { name: 'Sessions per Action Line and SDG' }).boundingBox();
    assert.ok(grid.y + 100 < 844, `heat grid at ${grid.y}`);
    // Not only the grid's head: its first rows of counts are on the first screen.
    const rows = d.el.getByRole('table', { name: 'Sessions per Action Line and SDG' }).locator('tbody tr');
    const third = await rows.nth(2).boundingBox();
    assert.ok(third.y + third.height < 844, `third row of counts at ${third.y}`);
    assert.equal(await d.button.getAttribute('aria-expanded'), 'false');
    assert.equal(await d.select('Forum year').isVisible(), false);
    assert.equal(await d.select('Organiser').isVisible(), false);
    assert.equal(await d.search.isVisible(), true);
    const controls = await d.button.getAttribute('aria-controls');
    assert.equal(await d.el.evaluate((el, id) => !!el.shadowRoot.getElementById(id), controls), true);
    const before = await d.button.textContent();
    assert.match(before, /^Filters( \(\d active\))?$/);
    const active = before === 'Filters' ? 0 : Number(before.match(/\d/)[0]);

    await d.button.click();
    assert.equal(await d.button.getAttribute('aria-expanded'), 'true');
    assert.equal(await d.select('Organiser').isVisible(), true);
    await d.select('Organiser').selectOption('ITU');
    await until(() => d.button.textContent(), (t) => t === `Filters (${active + 1} active)`, { what: 'organiser counted' });
    assert.deepEqual(await outside(page, F), [], 'the open panel fits the phone');
    const itu = FORUM.sessions.filter((s) => s.organisers.includes('ITU')).length;
    assert.ok(await d.el.getByRole('list').getByRole('listitem').count() <= itu);
    await d.select('Organiser').focus();
    await page.keyboard.press('Escape');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'false', { what: 'closed by Escape' });
    assert.match(await focusedName(page, F), /^button.*filters-toggle/);
    await page.keyboard.press('Enter');
    await until(() => d.button.getAttribute('aria-expanded'), (v) => v === 'true', { what: 'opened by Enter' });
    assert.deepEqual(await axe(page, F), []);
    await d.button.click();
    assert.equal(await d.select('Organiser').isVisible(), false);

    await d.search.fill('e-health');
    await until(() => d.count.textContent(), (t) => /^\d+ of/.test(t), { what: 'search answered' });
    assert.deepEqual(page.problems, []);
  });
});

describe('phone without JavaScript: the pre-rendered content, and no Filters button that could not work', () => {
  after(() => closeContexts(browser));
  it('390 × 844, scripting off', async () => {
    const page = await open(browser, '/', { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    for (const host of [M, 'wsis-forum-outcomes']) {
      const el = page.locator(host);
      await el.getByRole('note').waitFor();
      assert.equal(await el.getByRole('button', { name: /^Filters/, includeHidden: true }).isVisible(), false, host);
      assert.equal(await el.getByRole('searchbox', { includeHidden: true }).isVisible(), false, host);
    }
    const cards = page.locator(M).getByRole('list', { name: 'WSIS Action Lines and the Sustainable Development Goals' });
    assert.ok(await cards.getByRole('listitem').first().isVisible(), 'the list form is readable');
  });
});

describe('wide: the toolbar as it was, no Filters button', () => {
  after(() => closeContexts(browser));
  for (const [path, host, menu] of [['/examples/plain.html', M, 'Target'], ['/examples/forum.html', F, 'Organiser']]) {
    it(`${host} at 1366 px`, async () => {
      const page = await open(browser, path, { viewport: { width: 1366, height: 900 } });
      const d = disclosure(page, host);
      await d.search.waitFor({ timeout: 20000 });
      await page.locator(host).getByRole('combobox', { name: menu, exact: true }).waitFor();
      assert.equal(await d.button.isVisible(), false);
      assert.equal(await d.select(menu).isVisible(), true);
      // The menus share the search box's row.
      const search = await d.search.boundingBox();
      const lang = await d.select('Language').boundingBox();
      assert.ok(lang.y < search.y + search.height + 80, 'one or two rows of controls');
    });
  }
});
