// axe with best practices over the whole example page in the states a reader spends most time
// in (and the screenshots show), at a phone's and a laptop's width, in both themes. Its own file:
// node's per-file test timeout would not hold it beside a11y.test.mjs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, wholePage } from './helpers.mjs';

describe('accessibility (axe-core) in the most used states', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => browser.close());

  const states = [
    ['matrix, first view', '/examples/plain.html', 'wsis-sdg-matrix', null],
    ['matrix, a cell open', '/examples/plain.html', 'wsis-sdg-matrix', async (page, width) => {
      const host = page.locator('wsis-sdg-matrix');
      // Wide: the grid's cell; narrow: the card list's first linked card.
      if (width > 600) await host.locator('[data-testid="cell-C5-sdg-9"]').click();
      else {
        const card = host.locator('ul.cards details').first();
        await card.locator('summary').click();
        await card.getByRole('button').first().click();
        await card.locator('[aria-pressed="true"]').first().waitFor();
      }
    }],
    ['forum, a year picked and a session open', '/examples/forum.html', 'wsis-forum-outcomes', async (page) => {
      const host = page.locator('wsis-forum-outcomes');
      // Narrow: the year menu is behind the toolbar's Filters disclosure.
      const filters = host.getByRole('button', { name: /^Filters/ });
      if (await filters.isVisible()) await filters.click();
      await host.getByRole('combobox', { name: 'Forum year', exact: true }).selectOption('2025');
      await host.locator('details').first().evaluate((d) => { d.open = true; });
    }],
    ['pledges, details open', '/examples/pledges.html', 'p2c-pledges', async (page) => {
      await page.evaluate(() => {
        for (const d of document.querySelector('p2c-pledges').shadowRoot.querySelectorAll('details')) d.open = true;
      });
    }],
  ];
  for (const [name, path, host, setup] of states) {
    for (const width of [390, 1366]) {
      for (const theme of ['light', 'dark']) {
        it(`the whole page, best practices included: ${name}, ${width} px, ${theme}`, async () => {
          const page = await open(browser, path, { bypassCSP: true, viewport: { width, height: 900 } });
          await page.waitForFunction((h) => document.querySelector(h)?.shadowRoot
            ?.querySelector('[part="root"]:not([data-prerendered] *)'), host, { timeout: 20000 });
          await page.evaluate(([h, t]) => document.querySelector(h).setAttribute('theme', t), [host, theme]);
          if (setup) await setup(page, width);
          const found = await wholePage(page, host);
          assert.deepEqual(found, [], `${found.length} violations`);
          assert.deepEqual(page.problems, []);
        });
      }
    }
  }

});
