// examples/yew-app: the widgets as Yew components in a Rust app's own document — no custom
// elements, no shadow roots. The matrix loads from its URL, the pledge widget shows a file the
// app fetched and validated itself, the app adopts the widgets' stylesheet under a strict CSP,
// and a cell the reader opens reaches the app's own markup through `on_event`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, countOf, countText, unexpectedProblems, MATRIX, ROOT } from './helpers.mjs';

const PLEDGES = JSON.parse(readFileSync(join(ROOT, 'data/p2c-pledges.json'), 'utf8'));

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await open(browser, '/examples/yew-app.html');
});
after(async () => browser.close());

/** The matrix: the widget root that holds the grid. */
const matrix = () => page.locator('[part="root"]').filter({ has: page.getByRole('grid') });
const pledges = () => page.getByRole('region', { name: 'Total pledged' });
/** The app's own line that the matrix's events fill in. */
const opened = () => page.getByRole('status', { name: 'Opened cell' });

describe('yew-app: the widgets as components in a Rust app', () => {
  it('draws the matrix from its URL in the document, with no custom element or shadow root', async () => {
    await countOf(matrix()).filter({ hasText: countText(MATRIX.links.length) }).waitFor({ timeout: 30000 });
    assert.equal(await matrix().getByRole('row').filter({ has: page.getByRole('rowheader') }).count() >= 18, true);
    const hosts = await page.evaluate(() => ({
      shadowRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length,
      elements: ['wsis-sdg-matrix', 'p2c-pledges'].filter((name) => customElements.get(name)).length,
    }));
    assert.deepEqual(hosts, { shadowRoots: 0, elements: 0 });
    // The ready event reached the app.
    await page.getByText(`The matrix has ${MATRIX.links.length} links.`).waitFor();
  });

  it('draws the pledge total from the file the app loaded itself', async () => {
    await pledges().waitFor({ timeout: 30000 });
    const last = PLEDGES.milestones.at(-1);
    assert.equal(last.usd, 82e9, 'the test expects the bundled file’s latest total');
    assert.match((await pledges().textContent()).replace(/\s/g, ' '), /more than USD 82,000,000,000/);
    await pledges().getByRole('progressbar', { name: /^82% of the USD 100 billion goal/ }).waitFor();
  });

  it('styles the widgets with the stylesheet the app adopted, under a strict CSP', async () => {
    const styled = await page.evaluate(() => {
      const help = document.getElementById('wsis-grid-help');
      const root = document.querySelector('[part="root"]');
      return {
        sheets: document.adoptedStyleSheets.length,
        // Visually hidden by the sheet's .sr-only; a plain paragraph without it.
        helpWidth: help ? help.getBoundingClientRect().width : -1,
        rootPadding: root ? getComputedStyle(root).paddingTop : '',
      };
    });
    assert.equal(styled.sheets, 1);
    assert.ok(styled.helpWidth >= 0 && styled.helpWidth <= 1, `sr-only text is ${styled.helpWidth} px wide`);
    assert.equal(styled.rootPadding, '12px');
    assert.deepEqual(unexpectedProblems(page), []);
  });

  it('gives each widget’s language menu its own label in the one document', async () => {
    assert.equal(await page.getByRole('combobox', { name: 'Language', exact: true }).count(), 2);
  });

  it('moves between cells with the arrow keys in the document, as in a shadow root', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? null);
    await matrix().locator('[data-testid="cell-C1-sdg-1"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'cell-C1-sdg-2', null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await focused(), 'cell-C1-sdg-2');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'cell-C2-sdg-2', null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await focused(), 'cell-C2-sdg-2');
  });

  it('shows the cell a reader opens in the app’s own markup, through on_event', async () => {
    assert.equal(await opened().textContent(), 'No cell opened yet.');
    const link = MATRIX.links.find((l) => l.action_line === 'C3') ?? MATRIX.links[0];
    await matrix().locator(`[data-testid="cell-${link.action_line}-sdg-${link.sdg}"]`).click();
    await matrix().getByRole('complementary').waitFor();
    await page.waitForFunction((want) => document.querySelector('[aria-label="Opened cell"]')?.textContent === want,
      `The reader opened ${link.action_line} × SDG ${link.sdg}.`, { timeout: 5000 });
    assert.equal(await opened().textContent(), `The reader opened ${link.action_line} × SDG ${link.sdg}.`);
  });
});
