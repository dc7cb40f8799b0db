// The shell every widget shares: the same behaviour in the same situation, whichever widget.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live, open, BASE } from './helpers.mjs';

const events = (page, name) => page.evaluate((n) => window.wsisEvents.filter((e) => e.name === n), name);

describe('widget shell', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => browser.close());

  it('every widget without src shows the same error and fires wsis-error', async () => {
    const page = await open(browser, '/tests/pages/no-src.html');
    for (const [id, element] of [['m', 'wsis-sdg-matrix'], ['f', 'wsis-forum-outcomes'], ['p', 'p2c-pledges']]) {
      const alert = page.locator(`#${id}`).getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.getByRole('paragraph').textContent(),
        `<${element}>: no data URL: set the src attribute`);
      // Loading again cannot help a missing attribute.
      assert.equal(await alert.getByRole('button').count(), 0);
    }
    await page.waitForFunction(() => window.wsisEvents.filter((e) => e.name === 'wsis-error').length >= 3);
    const errors = await events(page, 'wsis-error');
    assert.deepEqual(errors.map((e) => e.id).sort(), ['f', 'm', 'p']);
    assert.ok(errors.every((e) => /no data URL/.test(e.detail.message)));
  });

  it('a pledge file that fails its first load offers Retry, which loads it', async () => {
    const path = '/tests/pages/retry/p2c-pledges.json';
    await fetch(`${BASE}/tests/fault?path=${path}&mode=500`);
    try {
      const page = await open(browser, '/tests/pages/pledges-retry.html');
      const alert = page.locator('p2c-pledges').getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /the server answered HTTP 500/);
      await fetch(`${BASE}/tests/fault?path=${path}&mode=off`);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.locator('p2c-pledges').getByRole('region', { name: 'Total pledged' }).waitFor();
      assert.equal(await page.locator('p2c-pledges').getByRole('alert').count(), 0);
      assert.equal((await events(page, 'p2c-ready')).length, 1);
    } finally {
      await fetch(`${BASE}/tests/fault?path=${path}&mode=off`);
    }
  });

  it('Reset is offered only when there is something to reset, in the forum as in the matrix', async () => {
    const page = await open(browser, '/examples/forum.html');
    const forum = page.locator('wsis-forum-outcomes');
    const reset = forum.getByRole('button', { name: 'Reset' });
    // Taken over first: until then the page holds the pre-rendered and the live forum.
    await live(page);
    await reset.waitFor();
    // The example page sets no year or filter: nothing to reset yet.
    assert.equal(await reset.isDisabled(), true);
    await forum.getByRole('searchbox').fill('youth');
    assert.equal(await reset.isEnabled(), true);
    await reset.click();
    assert.equal(await reset.isDisabled(), true);
    assert.equal(await forum.getByRole('searchbox').inputValue(), '');
  });
});
