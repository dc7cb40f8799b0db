// <wsis-forum-outcomes>: filters, heat grid (recorded / via the matrix), sessions, years,
// and the linked selection with the matrix.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, ROOT, unexpectedProblems } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const F = '#forum';
const tid = (id) => `${F} [data-testid="${id}"]`;
const FORUM = JSON.parse(readFileSync(join(ROOT, 'data/forum-outcomes.json'), 'utf8'));
const MATRIX = JSON.parse(readFileSync(join(ROOT, 'data/matrix.json'), 'utf8'));

async function ready(page, host = F) {
  await page.locator(`${host} [data-testid="sessions"], ${host} [data-testid="error"]`).first().waitFor({ timeout: 20000 });
}

describe('forum outcomes', () => {
  let page;
  before(async () => {
    page = await open(browser, '/examples/forum.html');
    await ready(page);
    await page.locator('#matrix [data-testid="count"]').waitFor();
  });
  after(() => closeContexts(browser));

  it('lists every session and counts recorded tags in the heat grid', async () => {
    const total = FORUM.sessions.length;
    assert.equal(await page.locator(tid('session-count')).textContent(), `${total} of ${total} sessions`);
    // 50 at a time: "Show more" lists the next 50.
    assert.equal(await page.locator(tid('session')).count(), Math.min(total, 50));
    if (total > 50) {
      await page.locator(tid('show-more')).click();
      assert.equal(await page.locator(tid('session')).count(), Math.min(total, 100));
    }
    // Counts are text (not colour only), from the recorded tags; an empty cell shows nothing.
    const recorded = (al, sdg) => FORUM.sessions.filter((s) => s.action_lines.includes(al) && s.sdgs.includes(sdg)).length;
    assert.ok(recorded('C2', 4) > 0, 'the 2025 session 232 records C2 and SDG 4');
    assert.equal((await page.locator(tid('heat-C2-4')).textContent()).trim(), String(recorded('C2', 4)));
    assert.equal((await page.locator(tid('heat-C5-9')).textContent()).trim(), recorded('C5', 9) ? String(recorded('C5', 9)) : '');
  });

  it('adds SDGs through the matrix when asked, marked apart from recorded ones', async () => {
    await page.locator(tid('basis-via')).click();
    const c5 = FORUM.sessions.filter((s) => s.action_lines.includes('C5')).length;
    assert.ok(MATRIX.links.some((l) => l.action_line === 'C5' && l.sdg === 9));
    assert.equal((await page.locator(tid('heat-C5-9')).textContent()).trim(), String(c5));
    await page.locator(tid('filter-action-line')).selectOption('4');
    const first = page.locator(tid('session')).first();
    await first.locator('summary').click();
    assert.match(await first.locator('[data-testid="session-sdgs"]').textContent(), /via matrix/);
    await page.locator(tid('reset')).click();
    await page.locator(tid('basis-recorded')).click();
  });

  it('filters by year and shows that year\'s sourced figures', async () => {
    await page.locator(tid('filter-year')).selectOption('2025');
    const n = FORUM.sessions.filter((s) => s.year === 2025).length;
    assert.equal(await page.locator(tid('session-count')).textContent(), `${n} of ${FORUM.sessions.length} sessions`);
    await page.locator(tid('filter-year')).selectOption('2024');
    assert.match(await page.locator(tid('figure-participants')).textContent(), /more than 4,000/);
    await page.locator(tid('reset')).click();
  });

  it('filters by session type and opens a session to its ITU page', async () => {
    const type = 'Interactive Action Line Facilitation Meeting';
    await page.locator(tid('filter-type')).selectOption(type);
    const n = FORUM.sessions.filter((s) => s.type === type).length;
    assert.equal(await page.locator(tid('session')).count(), n);
    const first = page.locator(tid('session')).first();
    await first.locator('summary').click();
    const href = await first.locator('a').getAttribute('href');
    assert.match(href, /^https:\/\/www\.itu\.int\//);
    await page.locator(tid('reset')).click();
  });

  it('keeps the heat grid (scrolling) in a 320 px column', async () => {
    const p2 = await open(browser, '/tests/pages/forum-narrow.html');
    await ready(p2);
    assert.equal(await p2.locator(tid('heat-grid')).isVisible(), true);
    const fits = await p2.locator(F).evaluate((host) => {
      const root = host.shadowRoot.querySelector('[data-testid="forum"]');
      return root.scrollWidth <= root.clientWidth + 1;
    });
    assert.ok(fits, 'only the grid scrolls, not the widget');
    await p2.context().close();
  });

  it('filters by organiser and text, and sorts by title', async () => {
    await page.locator(tid('filter-organiser')).selectOption('ITU');
    const itu = FORUM.sessions.filter((s) => s.organisers.includes('ITU')).length;
    assert.equal(await page.locator(tid('session')).count(), itu);
    await page.locator(tid('reset')).click();
    await page.locator(tid('search')).fill('e-health');
    const hits = FORUM.sessions.filter((s) => /e-health/i.test(s.title) || s.organisers.some((o) => /e-health/i.test(o))).length;
    assert.equal(await page.locator(tid('session')).count(), hits);
    assert.ok(await page.locator(`${tid('session')} mark`).count() >= 1);
    await page.locator(tid('reset')).click();
    await page.locator(tid('sort-title')).click();
    const titles = await page.locator(`${tid('session')} summary [lang="en"]`).allTextContents();
    const sorted = [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    assert.deepEqual(titles.map((t) => t[0].toLowerCase()), sorted.map((t) => t[0].toLowerCase()));
  });

  it('follows a matrix cell, and the matrix follows a heat-grid cell', async () => {
    await page.locator('#matrix [data-testid="cell-C2-sdg-1"]').click();
    await page.waitForFunction(() => document.getElementById('forum').getAttribute('action-line') === 'C2');
    const c2 = FORUM.sessions.filter((s) => s.action_lines.includes('C2')).length;
    await page.waitForFunction((n) => document.getElementById('forum').shadowRoot
      .querySelectorAll('[data-testid="session"]').length <= n, c2);
    await page.locator(tid('reset')).click();
    await page.locator(tid('basis-recorded')).click();
    await page.locator(`${tid('heat-C2-4')} button`).click();
    await page.waitForFunction(() => document.getElementById('matrix').getAttribute('sdg') === '4');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), 1);
    assert.deepEqual(page.problems, []);
  });

  it('works in Arabic, right to left, and reads well to axe', async () => {
    const p2 = await open(browser, '/examples/forum.html');
    await ready(p2);
    await p2.evaluate(() => document.getElementById('forum').setAttribute('lang', 'ar'));
    await p2.waitForFunction(() => document.getElementById('forum').shadowRoot
      .querySelector('[data-testid="forum"]').getAttribute('dir') === 'rtl');
    await p2.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const found = await p2.evaluate(async () => (await window.axe.run(document.getElementById('forum'), { resultTypes: ['violations'] }))
      .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes[0].target.join(' ')));
    assert.deepEqual(found, []);
    await p2.context().close();
  });

  it('shares per Action Line by year', async () => {
    await page.locator(`${tid('compare')} summary`).click();
    // Drawn once opened (the `toggle` event comes a task later).
    await page.locator(`${tid('compare')} table`).first().waitFor();
    const years = new Set(FORUM.sessions.map((s) => s.year));
    assert.equal(await page.locator(`${tid('compare')} table`).first().locator('thead th').count(), years.size + 1);
    assert.equal(await page.locator(`${tid('compare-sdg')} tbody tr`).count(), 17);
    // 2025: one session (232) records SDG 4 out of the year's sessions.
    const n2025 = FORUM.sessions.filter((s) => s.year === 2025).length;
    const col = [...years].sort().indexOf(2025) + 2;
    const cell = await page.locator(`${tid('compare-sdg')} tbody tr:nth-child(4) td:nth-child(${col})`).textContent();
    assert.equal(cell, `${Math.round((1 / n2025) * 1000) / 10}%`);
    await page.locator(tid('reset')).click();
    await page.locator(tid('basis-via')).click();
    await page.locator(`${tid('compare')} summary`).click();
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.locator(F).screenshot({ path: join(ROOT, 'docs/screenshots/forum.png') });
  });
});

describe('forum outcomes: a broken forum file next to a working matrix', () => {
  it('shows the error with file and path, the matrix still works', async () => {
    const page = await open(browser, '/tests/pages/forum-broken.html');
    await ready(page);
    assert.match(await page.locator(`${F} [data-testid="error-message"]`).textContent(), /forum-broken\.json: sessions\[0\]\.sdgs\[0\]: 18 is not an SDG/);
    await page.locator('#matrix [data-testid="cell-C1-sdg-1"]').click();
    await page.locator('#matrix [data-testid="detail"]').waitFor();
    await page.context().close();
  });
});

describe('forum: a full year of records', () => {
  after(() => closeContexts(browser));

  it('a synthetic file is marked as such, and the list grows by "show more", 50 at a time', async () => {
    const out = join(ROOT, 'tests/browser/live/forum-synthetic.json');
    const bin = process.env.XTASK_BIN;
    const args = ['gen-forum', '--sessions', '420', '--years', '2', '--out', out];
    if (bin) execFileSync(bin, args, { cwd: ROOT });
    else execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', ...args], { cwd: ROOT });
    const page = await open(browser, '/tests/pages/forum-synthetic.html');
    await page.locator(tid('session-count')).waitFor();
    assert.match(await page.locator(tid('synthetic')).textContent(), /synthetic/i);
    assert.equal(await page.locator(tid('session')).count(), 50);
    await page.locator(tid('show-more')).click();
    await page.waitForFunction(() => document.querySelector('wsis-forum-outcomes').shadowRoot
      .querySelectorAll('[data-testid="session"]').length === 100);
    // Narrowing the list starts again from the first page.
    await page.locator(tid('search')).fill('1');
    const shown = await page.locator(tid('session')).count();
    assert.ok(shown <= 50, `${shown} shown after a new search`);
    assert.deepEqual(unexpectedProblems(page), []);
  });
});
