// Every reader action on <wsis-sdg-matrix>, in headless Chromium against the built bundle.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, closeContexts, open, ready, countOf, rootOf, until, MATRIX, sdgFile, countText, ROOT } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const M = 'wsis-sdg-matrix';
// Grid cells keep test ids: a cell's accessible name is its state ("linked", "no link") and its
// row and column headers say which cell it is, which a role locator cannot combine.
const tid = (id) => `${M} [data-testid="${id}"]`;
/** Role and name locators inside the matrix on `page`. */
const m = (page) => {
  const host = page.locator(M);
  const detail = host.getByRole('complementary');
  const grid = host.getByRole('grid');
  return {
    host, detail, grid,
    count: countOf(host),
    reset: host.getByRole('button', { name: 'Reset filters' }),
    search: host.getByRole('searchbox', { name: 'Search' }),
    select: (name) => host.getByRole('combobox', { name, exact: true }),
    button: (name) => host.getByRole('button', { name, exact: true }),
    row: (id) => grid.getByRole('row', { name: new RegExp(`^${id}(?![0-9])`) }),
    // <details> with the summary "About this data" (a group Chromium leaves unnamed).
    about: host.getByRole('group').filter({ hasText: /^About this data/ }),
    totals: grid.getByRole('row', { name: /^Total/ }).getByRole('gridcell'),
  };
};
const links = MATRIX.links;
const linksWhere = (pred) => links.filter(pred).length;

describe('matrix: grid, filters, search', () => {
  let page;
  before(async () => {
    page = await open(browser, '/examples/plain.html');
    await ready(page);
  });
  after(() => closeContexts(browser));

  it('shows 18 Action Line rows against 17 SDG columns with all links', async () => {
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 18);
    assert.equal(await page.locator(`${M} thead th[role="columnheader"]:visible`).count(), 17);
    assert.equal(await page.locator(`${M} td[data-linked="true"]:visible`).count(), links.length);
    assert.equal(await m(page).count.textContent(), countText(links.length));
    const rowIds = await m(page).grid.locator('tbody').getByRole('rowheader')
      .evaluateAll((heads) => heads.map((h) => `row-${h.querySelector('.code').textContent}`));
    assert.deepEqual(rowIds, ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'e-gov', 'e-bus', 'e-lea', 'e-hea', 'e-emp',
      'e-env', 'e-agr', 'e-sci', 'C8', 'C9', 'C10', 'C11'].map((id) => `row-${id}`));
  });

  it('puts SDG colour, number and short title in each column header', async () => {
    const en = sdgFile('en');
    const head = page.locator(`${M} thead th[role="columnheader"]:visible`).first();
    assert.match(await head.textContent(), new RegExp(`1\\s*${en.goals[0].short}`));
    const colour = await head.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(colour, 'rgb(229, 36, 59)');
  });

  it('shows row and column totals', async () => {
    const c3 = m(page).row('C3').getByRole('gridcell').last();
    assert.equal(await c3.textContent(), String(linksWhere((l) => l.action_line === 'C3')));
    const sdg17 = m(page).totals.nth(16);
    assert.equal(await sdg17.textContent(), String(linksWhere((l) => l.sdg === 17)));
    assert.equal(await m(page).totals.last().textContent(), String(links.length));
  });

  it('filters by one Action Line, by the C7 group, and resets', async () => {
    await m(page).select('Action Line').selectOption('C5');
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 1);
    assert.equal(await m(page).count.textContent(), countText(linksWhere((l) => l.action_line === 'C5')));
    await m(page).select('Action Line').selectOption('group:C7');
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 8);
    const c7 = MATRIX.action_lines.filter((a) => a.group === 'C7').map((a) => a.id);
    assert.equal(await m(page).count.textContent(), countText(linksWhere((l) => c7.includes(l.action_line))));
    await m(page).reset.click();
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 18);
    assert.equal(await m(page).count.textContent(), countText(links.length));
    assert.equal(await m(page).reset.isDisabled(), true);
  });

  it('filters by SDG', async () => {
    await m(page).select('SDG').selectOption('9');
    assert.equal(await page.locator(`${M} thead th[role="columnheader"]:visible`).count(), 1);
    assert.equal(await m(page).count.textContent(), countText(linksWhere((l) => l.sdg === 9)));
    await m(page).reset.click();
  });

  it('filters by facilitating agency', async () => {
    await m(page).select('Facilitator').selectOption('FAO');
    const rows = MATRIX.action_lines.filter((a) => [...a.lead, ...a.co].includes('FAO')).map((a) => a.id);
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), rows.length);
    assert.equal(await m(page).count.textContent(), countText(linksWhere((l) => rows.includes(l.action_line))));
    await m(page).reset.click();
  });

  it('filters to cells citing a target and dims the others', async () => {
    await m(page).select('Target').selectOption('9.c');
    const citing = linksWhere((l) => l.targets.includes('9.c'));
    assert.ok(citing >= 3);
    assert.equal(await m(page).count.textContent(), countText(citing));
    assert.equal(await page.locator(`${M} td[data-match="true"]:visible`).count(), citing);
    assert.equal(await page.locator(`${M} td[data-match="false"]:visible`).count(), links.length - citing);
    await m(page).reset.click();
  });

  it('searches as you type, highlights matches and counts them', async () => {
    const search = m(page).search;
    await search.fill('');
    await search.pressSequentially('broadband');
    const count = await m(page).count.textContent();
    const shown = Number(count.split(' ')[0]);
    assert.ok(shown > 0 && shown < links.length, count);
    assert.equal(await page.locator(`${M} td[data-match="true"]:visible`).count(), shown);
    await page.locator(`${M} td[data-match="true"]:visible`).first().click();
    assert.ok(await m(page).detail.locator('mark').count() > 0);
    await search.fill('no such words anywhere');
    assert.equal(await m(page).count.textContent(), countText(0));
    assert.equal(await m(page).host.getByText('No links match these filters.').isVisible(), true);
    await m(page).reset.click();
    assert.equal(await search.inputValue(), '');
  });

  it('searches SDG titles and highlights them in the headers', async () => {
    await m(page).search.fill('gender');
    const sdg5 = links.filter((l) => l.sdg === 5);
    for (const l of sdg5) {
      assert.equal(await page.locator(tid(`cell-${l.action_line}-sdg-5`)).getAttribute('data-match'), 'true');
    }
    assert.ok(await page.locator(`${M} thead mark`).count() >= 1);
    await m(page).reset.click();
  });

  it('switches to SDGs × Action Lines and back', async () => {
    await m(page).button('SDGs × Action Lines').click();
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 17);
    assert.equal(await page.locator(`${M} thead th[role="columnheader"]:visible`).count(), 18);
    assert.equal(await page.locator(`${M} [data-testid="cell-sdg-1-C1"]`).getAttribute('data-linked'), 'true');
    assert.equal(await m(page).button('SDGs × Action Lines').getAttribute('aria-pressed'), 'true');
    await m(page).button('Action Lines × SDGs').click();
    assert.equal(await page.locator(`${M} tbody tr:visible`).count(), 18);
  });

  it('opens a cell to its details and closes it', async () => {
    const link = links.find((l) => l.action_line === 'e-agr' && l.sdg === 1);
    await page.locator(tid('cell-e-agr-sdg-1')).click();
    const detail = m(page).detail;
    await detail.waitFor();
    assert.match(await m(page).detail.getByRole('heading', { level: 3 }).textContent(), /e-agr × SDG 1/);
    const targets = await m(page).detail.getByRole('list').first().getByRole('listitem').count();
    assert.equal(targets, link.targets.length);
    const en = sdgFile('en');
    assert.match(await detail.textContent(), new RegExp(en.targets['2.4'].slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(await detail.textContent(), /FAO/);
    await m(page).detail.getByRole('button', { name: 'Close' }).click();
    assert.equal(await detail.count(), 0);
  });

  it('notes cells the sources do not agree on', async () => {
    const disputed = links.find((l) => l.agreement === 'majority');
    await page.locator(tid(`cell-${disputed.action_line}-sdg-${disputed.sdg}`)).click();
    assert.match(await m(page).detail.getByText(/^Not unanimous/).textContent(), /2 of the 3/);
    await page.keyboard.press('Escape');
    // Yew redraws in a task after the key: wait for the panel to go before counting.
    await m(page).detail.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    assert.equal(await m(page).detail.count(), 0);
  });

  it('shows provenance with the cells left out', async () => {
    await m(page).host.getByText('About this data').click();
    const leftOut = await m(page).about.getByRole('list').first().getByRole('listitem').count();
    assert.equal(leftOut, MATRIX.provenance.left_out.length);
    const hrefs = await m(page).about.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.match(href, /^https?:\/\//);
  });

  it('reports no page errors', async () => {
    assert.deepEqual(page.problems, []);
  });
});

describe('matrix: keyboard and screen reader', () => {
  let page;
  before(async () => {
    page = await open(browser, '/examples/plain.html');
    await ready(page);
  });
  after(() => closeContexts(browser));

  /** Waits for the focus a key moved (Yew redraws a task later), then asserts it. */
  const focusIs = async (expected) => assert.equal(
    await until(focused, (v) => v === expected, { timeout: 5000, what: `focus on ${expected}` }).catch(() => focused()),
    expected);
  const focused = () => page.evaluate(() => {
    const host = document.querySelector('wsis-sdg-matrix');
    const el = host.shadowRoot.activeElement;
    if (!el) return null;
    const id = el.dataset.testid;
    return id && id.startsWith('cell-') ? id : `${el.closest('aside') ? 'detail ' : ''}${el.localName}`;
  });

  it('has one tab stop in the grid and moves with arrows, Home and End', async () => {
    assert.equal(await page.locator(`${M} td[tabindex="0"]`).count(), 1);
    await page.locator(tid('cell-C1-sdg-1')).focus();
    await page.keyboard.press('ArrowRight');
    await focusIs('cell-C1-sdg-2');
    await page.keyboard.press('ArrowDown');
    await focusIs('cell-C2-sdg-2');
    await page.keyboard.press('End');
    await focusIs('cell-C2-sdg-17');
    await page.keyboard.press('Home');
    await focusIs('cell-C2-sdg-1');
    await page.keyboard.press('Control+End');
    await focusIs('cell-C11-sdg-17');
    await page.keyboard.press('Control+Home');
    await focusIs('cell-C1-sdg-1');
    assert.equal(await page.locator(`${M} td[tabindex="0"]`).count(), 1);
  });

  it('opens with Enter, focuses the panel, and Escape returns to the cell', async () => {
    await page.locator(tid('cell-C1-sdg-1')).focus();
    await page.keyboard.press('Enter');
    await m(page).detail.waitFor();
    await focusIs('detail h3');
    await page.keyboard.press('Escape');
    // Yew redraws in a task after the key: wait for it (a cold CI run once read the old panel).
    await m(page).detail.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    assert.equal(await m(page).detail.count(), 0);
    await focusIs('cell-C1-sdg-1');
  });

  it('Tab leaves the grid after one stop', async () => {
    await page.locator(tid('cell-C1-sdg-1')).focus();
    await page.keyboard.press('Tab');
    const after = await focused();
    assert.ok(!String(after).startsWith('cell-'), `focus stayed in grid: ${after}`);
  });

  it('gives the grid a name and cells text for screen readers', async () => {
    const grid = m(page).grid;
    assert.equal(await grid.getAttribute('role'), 'grid');
    assert.ok((await grid.getAttribute('aria-label')).length > 10);
    assert.equal(await page.locator(`${M} [data-testid="cell-C1-sdg-1"] .sr-only`).textContent(), 'linked');
    assert.equal(await page.locator(`${M} [data-testid="cell-C1-sdg-2"] .sr-only`).textContent(), 'no link');
    const count = m(page).count;
    assert.equal(await count.getAttribute('aria-live'), 'polite');
  });
});

describe('matrix: languages', () => {
  after(() => closeContexts(browser));

  it('switches language from the menu, including Arabic right to left', async () => {
    const page = await open(browser, '/examples/plain.html');
    await ready(page);
    const root = rootOf(m(page).host);
    assert.equal(await root.getAttribute('dir'), 'ltr');
    await m(page).select('Language').selectOption('ar');
    await page.waitForFunction(() => document.querySelector('wsis-sdg-matrix').shadowRoot
      .querySelector('[part="root"]').getAttribute('lang') === 'ar');
    assert.equal(await root.getAttribute('dir'), 'rtl');
    const ar = sdgFile('ar');
    await page.waitForFunction((short) => document.querySelector('wsis-sdg-matrix').shadowRoot
      .querySelector('thead').textContent.includes(short), ar.goals[0].short);
    // Mirrored layout: the row headers are on the right.
    const box = await root.boundingBox();
    const rowHead = await m(page).row('C1').getByRole('rowheader').boundingBox();
    assert.ok(rowHead.x > box.x + box.width / 2, 'row headers should be on the right in Arabic');
    // Titles with no Arabic source stay English and say so.
    assert.ok(await m(page).row('C4').getByRole('rowheader').locator('[lang="en"]').count() === 1);
    // Arrow keys follow the visual direction.
    await page.locator(tid('cell-C1-sdg-2')).focus();
    await page.keyboard.press('ArrowLeft');
    const active = () => page.evaluate(() => document.querySelector('wsis-sdg-matrix').shadowRoot.activeElement?.dataset.testid);
    // The focus moves with the redraw a task after the key: poll for it.
    assert.equal(await until(active, (v) => v === 'cell-C1-sdg-3', { timeout: 5000 }).catch(() => active()), 'cell-C1-sdg-3');
    assert.deepEqual(page.problems, []);
  });

  it('takes the language from the lang attribute or the page', async () => {
    const page = await open(browser, '/examples/arabic.html');
    await ready(page);
    assert.equal(await rootOf(m(page).host).getAttribute('dir'), 'rtl');
    await page.evaluate(() => document.querySelector('wsis-sdg-matrix').setAttribute('lang', 'fr'));
    await m(page).count.filter({ hasText: 'liens' }).waitFor();
    const fr = sdgFile('fr');
    await page.waitForFunction((short) => document.querySelector('wsis-sdg-matrix').shadowRoot
      .querySelector('thead').textContent.includes(short), fr.goals[16].short);
    const c1 = MATRIX.action_lines.find((a) => a.id === 'C1');
    assert.match(await m(page).row('C1').getByRole('rowheader').textContent(), new RegExp(c1.title.fr.slice(0, 20)));
  });

  it('counts with the plural form of the language (Intl.PluralRules): Russian and Arabic', async () => {
    const page = await open(browser, '/examples/plain.html');
    await ready(page);
    const count = m(page).count;
    const total = MATRIX.links.length;
    const set = (l) => page.evaluate((lang) => document.querySelector('wsis-sdg-matrix').setAttribute('lang', lang), l);
    await set('ru');
    // 123 takes the genitive plural after "из"; 121 would take "связи".
    await m(page).count.filter({ hasText: ' из ' }).waitFor();
    const expected = (lang) => page.evaluate(([l, n]) => new Intl.PluralRules(l).select(n), [lang, total]);
    const ruForm = await expected('ru');
    assert.equal((await count.textContent()).endsWith(ruForm === 'one' || ruForm === 'other' ? 'связи' : 'связей'), true,
      await count.textContent());
    await set('ar');
    await m(page).count.filter({ hasText: 'من أصل' }).waitFor();
    const arEnding = { zero: 'ارتباط', one: 'ارتباط', two: 'ارتباطين', few: 'ارتباطات', many: 'ارتباطًا', other: 'ارتباط' };
    assert.ok((await count.textContent()).endsWith(arEnding[await expected('ar')]), await count.textContent());
    assert.doesNotMatch(await count.textContent(), /:/);
  });

  for (const lang of ['zh', 'ru', 'es']) {
    it(`renders in ${lang} with that language's SDG titles`, async () => {
      const page = await open(browser, '/examples/plain.html');
      await ready(page);
      await page.evaluate((l) => document.querySelector('wsis-sdg-matrix').setAttribute('lang', l), lang);
      const data = sdgFile(lang);
      await page.waitForFunction((short) => document.querySelector('wsis-sdg-matrix').shadowRoot
        .querySelector('thead').textContent.includes(short), data.goals[3].short);
      assert.equal(await rootOf(m(page).host).getAttribute('lang'), lang);
      assert.deepEqual(page.problems, []);
    });
  }
});
