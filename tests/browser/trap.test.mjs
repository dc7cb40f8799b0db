// One WebAssembly instance serves every widget of a script; a trap kills it for all of them.
// Then every widget says so with a button that starts the module again, the host page keeps
// working, and "Start again" brings every widget back (custom elements and mount() alike).
// The dead instance's timers (a live pledge file's polling) stop with it; the page's own run on.
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

  it('stops the dead instance\'s polling, and after Start again only the new one polls; the page\'s timers run on', async () => {
    const page = await open(browser, '/tests/pages/trap-timers.html');
    /** @type {number[]} */
    const polls = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/data/p2c-pledges.json') polls.push(Date.now()); });
    const pollsIn = async (ms) => {
      const from = polls.length;
      await page.waitForTimeout(ms);
      return polls.length - from;
    };
    await ready(page, '#matrix');
    await page.locator('#pledges').getByText('more than USD').first().waitFor();
    // refresh="1": a poll every 0.8–1.2 s (jitter), so one instance makes 5–8 in 6 s.
    const alive = await pollsIn(6000);
    assert.ok(alive >= 4 && alive <= 8, `${alive} polls in 6 s before the trap`);

    await page.evaluate(async () => (await import('/dist/wsis_sdg_widgets.js')).testTrap());
    await page.locator('#pledges').getByRole('alert').waitFor();
    const ticks = await page.evaluate(() => window.hostTicks);
    const problems = page.problems.length;
    assert.equal(await pollsIn(4000), 0, 'the dead instance polled');
    assert.ok(await page.evaluate(() => window.hostTicks) - ticks >= 20, 'the host page\'s interval stopped');
    assert.deepEqual(page.problems.slice(problems), [], 'the dead instance\'s timers threw');

    await page.locator('#pledges').getByRole('button', { name: 'Start again' }).click();
    await page.locator('#pledges').getByText('more than USD').first().waitFor();
    await ready(page, '#matrix');
    // Two instances polling would make 10 or more.
    const after = await pollsIn(6000);
    assert.ok(after >= 4 && after <= 8, `${after} polls in 6 s after Start again (the dead instance still polls?)`);
    assert.deepEqual(unexpectedProblems(page, ['unreachable', 'stopped after an internal error']), []);
  });

  it('stopping the instance ends its polling by itself, as when a trap leaves Yew\'s scheduler unable to destroy', async () => {
    const page = await open(browser, '/tests/pages/trap-timers.html');
    /** @type {number[]} */
    const polls = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/data/p2c-pledges.json') polls.push(Date.now()); });
    await page.locator('#pledges').getByText('more than USD').first().waitFor();
    await page.waitForTimeout(3000);
    assert.ok(polls.length >= 3, `${polls.length} polls in 3 s`);
    // What stopAll calls first, alone: no destroy, so only the liveness flag can end the loop.
    await page.evaluate(async () => (await import('/dist/wsis_sdg_widgets.js')).stopInstance());
    // A poll already on its way may still land.
    await page.waitForTimeout(300);
    const from = polls.length;
    await page.waitForTimeout(4000);
    assert.equal(polls.length - from, 0, 'the stopped instance polled');
    assert.equal(await page.locator('#pledges').getByRole('alert').count(), 0, 'the widget itself stays');
    assert.deepEqual(unexpectedProblems(page, []), []);
  });
});
