// One WebAssembly instance serves every widget of a script; a trap kills it for all of them.
// Then every widget says so with a button that starts the module again, the host page keeps
// working, and "Start again" brings every widget back (custom elements and mount() alike).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, ready, MATRIX, countText, unexpectedProblems } from './helpers.mjs';

const HOSTS = ['#matrix', '#forum', '#pledges', '#mounted'];

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

describe('a trap in the module', () => {
  it('stops every widget visibly; Start again brings them all back', async () => {
    const page = await open(browser, '/tests/pages/trap.html');
    await ready(page, '#matrix');
    await page.locator('#pledges').getByText('more than USD').first().waitFor();
    await page.locator('#mounted').getByText('more than USD').first().waitFor();
    await page.evaluate(() => {
      window.stopped = [];
      document.addEventListener('wsis-error', (e) => window.stopped.push(e.target.id));
    });
    // The test-only export traps the live instance on its next microtask.
    await page.evaluate(async () => (await import('/dist/wsis_sdg_widgets.js')).testTrap());
    for (const id of HOSTS) {
      const alert = page.locator(id).getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /stopped after an internal error/, id);
      assert.equal(await page.locator(id).getByRole('button', { name: 'Start again' }).count(), 1, id);
    }
    assert.deepEqual((await page.evaluate(() => window.stopped)).sort(), ['forum', 'matrix', 'mounted', 'pledges']);
    await page.locator('#host-input').fill('still typing');
    assert.equal(await page.locator('#host-input').inputValue(), 'still typing');

    await page.locator('#forum').getByRole('button', { name: 'Start again' }).click();
    await page.locator('#matrix').getByRole('status').filter({ hasText: 'links' }).first().waitFor();
    assert.equal(await page.locator('#matrix').getByRole('status').filter({ hasText: 'links' }).first().textContent(),
      countText(MATRIX.links.length));
    await page.locator('#pledges').getByText('more than USD').first().waitFor();
    await page.locator('#mounted').getByText('more than USD').first().waitFor();
    await page.locator('#forum').getByRole('searchbox').waitFor();
    for (const id of HOSTS) assert.equal(await page.locator(id).getByRole('alert').count(), 0, id);
    // The restarted widgets work: a search in the matrix answers.
    await page.locator('#matrix').getByRole('searchbox').fill('health');
    await page.waitForFunction(() => !/^(\d+) of \1 links/.test(
      document.querySelector('#matrix').shadowRoot.textContent.match(/\d+ of \d+ links/)?.[0] || ''));
    // The trap itself is reported by the browser; nothing else went wrong.
    assert.deepEqual(unexpectedProblems(page, ['unreachable', 'stopped after an internal error']), []);
  });
});
