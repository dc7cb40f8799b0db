// <wsis-forum-outcomes>: filters, heat grid (recorded / via the matrix), sessions, years,
// and the linked selection with the matrix.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, countOf, definitionOf, until, ROOT, unexpectedProblems } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const F = '#forum';
// Heat-grid cells keep test ids: a cell's button is named by its count ("3") and its row and
// column headers say which cell it is, which a role locator cannot combine.
const tid = (id) => `${F} [data-testid="${id}"]`;
/** Role and name locators inside the forum widget `host` on `page`. */
const f = (page, host = F) => {
  const el = page.locator(host);
  const compare = el.getByRole('group').filter({ hasText: /^Share of sessions per Action Line, by year/ });
  return {
    el, compare,
    count: countOf(el),
    // The session list: the widget's one list.
    sessions: el.getByRole('list').getByRole('listitem'),
    reset: el.getByRole('button', { name: 'Reset filters' }),
    search: el.getByRole('searchbox', { name: 'Search' }),
    select: (name) => el.getByRole('combobox', { name, exact: true }),
    button: (name) => el.getByRole('button', { name, exact: true }),
    compareSdg: compare.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'SDG', exact: true }) }),
  };
};
const FORUM = JSON.parse(readFileSync(join(ROOT, 'data/forum-outcomes.json'), 'utf8'));
const MATRIX = JSON.parse(readFileSync(join(ROOT, 'data/matrix.json'), 'utf8'));

async function ready(page, host = F) {
  const el = page.locator(host);
  await el.getByRole('heading', { name: 'Sessions', exact: true }).or(el.getByRole('alert')).first().waitFor({ timeout: 20000 });
}

describe('forum outcomes', () => {
  let page;
  before(async () => {
    page = await open(browser, '/examples/forum.html');
    await ready(page);
    await countOf(page.locator('#matrix')).waitFor();
  });
  after(() => closeContexts(browser));

  it('lists every session; the first view counts SDGs via the matrix, recorded tags marked apart', async () => {
    const total = FORUM.sessions.length;
    assert.equal(await f(page).count.textContent(), `${total} of ${total} sessions`);
    // 50 at a time: "Show more" lists the next 50.
    assert.equal(await f(page).sessions.count(), Math.min(total, 50));
    if (total > 50) {
      await f(page).el.getByRole('button', { name: /^Show more/ }).click();
      assert.equal(await f(page).sessions.count(), Math.min(total, 100));
    }
    // The records tag SDGs for very few sessions, so the first view counts them through the
    // matrix too: a grid full of counts, not an empty one.
    assert.equal(await f(page).button('Recorded and via the matrix').getAttribute('aria-pressed'), 'true');
    const heat = f(page).el.getByRole('table', { name: 'Sessions per Action Line and SDG' });
    assert.ok(await heat.getByRole('button').count() > 100, 'most cells hold a count');
    const c5 = FORUM.sessions.filter((s) => s.action_lines.includes('C5')).length;
    assert.ok(MATRIX.links.some((l) => l.action_line === 'C5' && l.sdg === 9));
    assert.match((await page.locator(tid('heat-C5-9')).textContent()).trim(), new RegExp(`^${c5}(●\\d+, \\d+ recorded)?$`));
    // A cell's sessions that record the SDG themselves are marked, in words for screen readers.
    const recorded = (al, sdg) => FORUM.sessions.filter((s) => s.action_lines.includes(al) && s.sdgs.includes(sdg)).length;
    // A session relates to the SDGs the matrix links to any of its Action Lines.
    const on = (al, sdg) => FORUM.sessions.filter((s) => s.action_lines.includes(al)
      && (s.sdgs.includes(sdg) || MATRIX.links.some((l) => s.action_lines.includes(l.action_line) && l.sdg === sdg))).length;
    assert.ok(recorded('C2', 4) > 0, 'the 2025 session 232 records C2 and SDG 4');
    const c24 = page.locator(`${tid('heat-C2-4')} button`);
    assert.equal(await c24.textContent(), `${on('C2', 4)}●${recorded('C2', 4)}, ${recorded('C2', 4)} recorded`);
    // Heard as "12, 1 recorded": the ● mark is for the eye only.
    assert.equal(await heat.getByRole('button', { name: new RegExp(`^${on('C2', 4)}\\s*, ${recorded('C2', 4)} recorded$`) }).count(), 1);
    assert.match(await heat.locator('xpath=ancestor::section[1]').getByText(/^Counts include the sessions/).textContent(), /● and its number/);
    await f(page).select('Action Line').selectOption('4');
    const first = f(page).sessions.first();
    await first.locator('summary').click();
    assert.match(await definitionOf(first, 'SDG').textContent(), /via matrix/);
    await f(page).reset.click();
  });

  it('counts recorded tags only, one click away', async () => {
    await f(page).button('Recorded only').click();
    // Counts are text (not colour only), from the recorded tags; an empty cell shows nothing.
    const recorded = (al, sdg) => FORUM.sessions.filter((s) => s.action_lines.includes(al) && s.sdgs.includes(sdg)).length;
    assert.equal((await page.locator(tid('heat-C2-4')).textContent()).trim(), String(recorded('C2', 4)));
    assert.equal((await page.locator(tid('heat-C5-9')).textContent()).trim(), recorded('C5', 9) ? String(recorded('C5', 9)) : '');
    assert.equal(await f(page).el.getByText('Counts only the SDGs that the sessions’ own records name.').count(), 1);
  });

  it('filters by year and shows that year\'s sourced figures', async () => {
    await f(page).select('Forum year').selectOption('2025');
    const n = FORUM.sessions.filter((s) => s.year === 2025).length;
    assert.equal(await f(page).count.textContent(), `${n} of ${FORUM.sessions.length} sessions`);
    await f(page).select('Forum year').selectOption('2024');
    assert.match(await definitionOf(f(page).el, 'Participants').textContent(), /more than 4,000/);
    await f(page).reset.click();
  });

  it('filters by session type and opens a session to its ITU page', async () => {
    const type = 'Interactive Action Line Facilitation Meeting';
    await f(page).select('Session type').selectOption(type);
    const n = FORUM.sessions.filter((s) => s.type === type).length;
    assert.equal(await f(page).sessions.count(), n);
    const first = f(page).sessions.first();
    await first.locator('summary').click();
    const href = await first.locator('a').getAttribute('href');
    assert.match(href, /^https:\/\/www\.itu\.int\//);
    await f(page).reset.click();
  });

  it('keeps the heat grid (scrolling) in a 320 px column', async () => {
    const p2 = await open(browser, '/tests/pages/forum-narrow.html');
    await ready(p2);
    assert.equal(await p2.locator(F).getByRole('table', { name: 'Sessions per Action Line and SDG' }).isVisible(), true);
    const fits = await p2.locator(F).evaluate((host) => {
      const root = host.shadowRoot.querySelector('[part="root"]');
      return root.scrollWidth <= root.clientWidth + 1;
    });
    assert.ok(fits, 'only the grid scrolls, not the widget');
    await p2.context().close();
  });

  it('filters by organiser and text, and sorts by title', async () => {
    await f(page).select('Organiser').selectOption('ITU');
    const itu = FORUM.sessions.filter((s) => s.organisers.includes('ITU')).length;
    assert.equal(await f(page).sessions.count(), itu);
    await f(page).reset.click();
    await f(page).search.fill('e-health');
    const hits = FORUM.sessions.filter((s) => /e-health/i.test(s.title) || s.organisers.some((o) => /e-health/i.test(o))).length;
    assert.equal(await f(page).sessions.count(), hits);
    assert.ok(await f(page).sessions.locator('mark').count() >= 1);
    await f(page).reset.click();
    await f(page).button('Sort by title').click();
    const titles = await f(page).sessions.locator('summary [lang="en"]').allTextContents();
    const sorted = [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    assert.deepEqual(titles.map((t) => t[0].toLowerCase()), sorted.map((t) => t[0].toLowerCase()));
  });

  it('follows a matrix cell, and the matrix follows a heat-grid cell', async () => {
    await page.locator('#matrix [data-testid="cell-C2-sdg-1"]').click();
    await page.waitForFunction(() => document.getElementById('forum').getAttribute('action-line') === 'C2');
    const c2 = FORUM.sessions.filter((s) => s.action_lines.includes('C2')).length;
    await until(() => f(page).sessions.count(), (n) => n <= c2, { what: 'sessions of C2 only' });
    await f(page).reset.click();
    await f(page).button('Recorded only').click();
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
      .querySelector('[part="root"]').getAttribute('dir') === 'rtl');
    await p2.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const found = await p2.evaluate(async () => (await window.axe.run(document.getElementById('forum'), { resultTypes: ['violations'] }))
      .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes[0].target.join(' ')));
    assert.deepEqual(found, []);
    await p2.context().close();
  });

  it('shares per Action Line by year', async () => {
    await f(page).compare.getByText('Share of sessions per Action Line, by year').click();
    // Drawn once opened (the `toggle` event comes a task later).
    await f(page).compare.getByRole('table').first().waitFor();
    const years = new Set(FORUM.sessions.map((s) => s.year));
    assert.equal(await f(page).compare.getByRole('table').first().locator('thead th').count(), years.size + 1);
    assert.equal(await f(page).compareSdg.locator('tbody').getByRole('row').count(), 17);
    // 2025: one session (232) records SDG 4 out of the year's sessions.
    const n2025 = FORUM.sessions.filter((s) => s.year === 2025).length;
    const col = [...years].sort().indexOf(2025) + 2;
    const cell = await f(page).compareSdg.locator('tbody').getByRole('row').nth(3).getByRole('cell').nth(col - 2).textContent();
    assert.equal(cell, `${Math.round((1 / n2025) * 1000) / 10}%`);
    await f(page).reset.click();
    await f(page).button('Recorded and via the matrix').click();
    await f(page).compare.getByText('Share of sessions per Action Line, by year').click();
  });
});

describe('forum outcomes: a broken forum file next to a working matrix', () => {
  it('shows the error with file and path, the matrix still works', async () => {
    const page = await open(browser, '/tests/pages/forum-broken.html');
    await ready(page);
    assert.match(await f(page).el.getByRole('alert').getByRole('paragraph').textContent(), /forum-broken\.json: sessions\[0\]\.sdgs\[0\]: 18 is not an SDG/);
    await page.locator('#matrix [data-testid="cell-C1-sdg-1"]').click();
    await page.locator('#matrix').getByRole('complementary').waitFor();
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
    await f(page).count.waitFor();
    assert.match(await f(page).el.getByRole('note').textContent(), /synthetic/i);
    assert.equal(await f(page).sessions.count(), 50);
    await f(page).el.getByRole('button', { name: /^Show more/ }).click();
    await until(() => f(page).sessions.count(), (n) => n === 100, { what: '100 sessions' });
    // Narrowing the list starts again from the first page.
    await f(page).search.fill('1');
    const shown = await f(page).sessions.count();
    assert.ok(shown <= 50, `${shown} shown after a new search`);
    assert.deepEqual(unexpectedProblems(page), []);
  });
});
