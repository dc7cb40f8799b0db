// <p2c-pledges>: the headline, timeline and breakdowns, and the live path end to end:
// the operator's announce command changes the served file and open pages follow.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, definitionOf, until, ROOT, BASE } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const P = 'p2c-pledges';
// Test ids remain where no role and name fit: the animated total (hidden from screen readers,
// which read its full form), plain-text lines (the full total, "as of", the newest announcement,
// the screen-reader live line), the breakdown sections, and the shapes inside the timeline
// picture (one image to assistive technology).
const tid = (id) => `${P} [data-testid="${id}"]`;
/** Role and name locators inside the pledge widget `host` on `page`. */
const p = (page, host = P) => {
  const el = page.locator(host);
  return {
    el,
    headline: el.getByRole('region', { name: 'Total pledged' }),
    stale: el.getByRole('status').filter({ hasText: /^Not updated since/ }),
  };
};
const DATA = JSON.parse(readFileSync(join(ROOT, 'data/p2c-pledges.json'), 'utf8'));
const LIVE_DIR = join(ROOT, 'tests/browser/live');
const LIVE_FILE = join(LIVE_DIR, 'p2c-pledges.json');
const LIVE_URL = '/tests/live/p2c-pledges.json';

async function ready(page) {
  await p(page).headline.or(p(page).el.getByRole('alert')).first().waitFor({ timeout: 20000 });
}

function announce(...args) {
  const bin = process.env.XTASK_BIN;
  const cmd = bin ? [bin, ['announce', ...args]] : ['cargo', ['run', '-q', '-p', 'xtask', '--', 'announce', ...args]];
  return execFileSync(cmd[0], cmd[1], { cwd: ROOT, encoding: 'utf8' });
}

const fault = (mode) => fetch(`${BASE}/tests/fault?path=${LIVE_URL}&mode=${mode}`);
/** Text with Intl's no-break and narrow spaces as plain spaces. */
const text = async (locator) => (await locator.textContent()).replace(/\s/g, ' ');
const totalValue = (page) => page.locator(tid('total')).getAttribute('data-value').then(Number);

describe('pledges: figures', () => {
  after(() => closeContexts(browser));

  it('shows the total, progress to the goal, counts with dates, and the newest announcement', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    const last = DATA.milestones.at(-1);
    assert.equal(await totalValue(page), last.usd);
    assert.equal(await page.locator(tid('total')).textContent(), 'more than USD 82 billion');
    assert.equal(await text(page.locator(tid('total-full'))), 'more than USD 82,000,000,000');
    // The progress bar is named by its text.
    const progress = p(page).headline.getByRole('progressbar', { name: /^82% of the USD 100 billion goal/ });
    assert.equal(Number(await progress.getAttribute('value')), last.usd / DATA.goal.usd);
    assert.match(await page.locator(tid('as-of')).textContent(), /as of March 3, 2026/);
    assert.match(await definitionOf(p(page).headline, 'Entities').textContent(), /408\s*as of December 6, 2023/);
    assert.match(await page.locator(tid('newest')).textContent(), /\+ USD 500 million — Ooredoo, Mobile World Congress 2026/);
    assert.deepEqual(page.problems, []);
  });

  it('plots every dated total with the goal line, and offers the same as a table', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    const dated = DATA.milestones.filter((m) => m.usd !== undefined);
    assert.equal(await page.locator(tid('timeline-point')).count(), dated.length);
    assert.equal(await page.locator(tid('goal-line')).count(), 1);
    assert.equal(await page.locator(`${P} polyline, ${P} path`).count(), 0, 'no invented lines between points');
    await p(page).el.getByText('Show as a table', { exact: true }).click();
    const table = p(page).el.getByRole('group').filter({ hasText: /^Show as a table/ }).getByRole('table');
    assert.equal(await table.locator('tbody').getByRole('row').count(), dated.length);
  });

  it('has a value axis with round labelled ticks, and horizontal labels that fit and never overlap, at 390 to 1920 px', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    const timeline = p(page).el;
    const ticks = (await timeline.locator('[data-testid="tick-label"]').allTextContents()).map((t) => t.replace(/\s/g, ' '));
    assert.deepEqual(ticks, ['0', '20B', '40B', '60B', '80B', 'USD 100B']);
    assert.deepEqual(await timeline.locator('[data-testid="year-label"]').allTextContents(), ['2022', '2023', '2024', '2025', '2026']);
    for (const width of [390, 768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => document.querySelector('p2c-pledges').getBoundingClientRect().width <= w, width);
      const facts = await page.locator(P).evaluate((host) => {
        const root = host.shadowRoot.querySelector('[part="root"]');
        const section = host.shadowRoot.querySelector('[part="timeline"]');
        const svg = section.querySelector('svg.plot');
        const r = (el) => { const b = el.getBoundingClientRect(); return { l: b.left, t: b.top, r: b.right, b: b.bottom }; };
        const style = getComputedStyle(root);
        const content = root.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const labels = [...svg.querySelectorAll('text'), ...section.querySelectorAll('.milestone > span:not(.sr-only), .milestone > strong')]
          .map((el) => ({ text: el.textContent, box: r(el), transform: el.getAttribute('transform') }));
        return { host: r(host), svg: r(svg), content, labels };
      });
      assert.ok(facts.svg.r - facts.svg.l >= 0.9 * facts.content, `${width} px: the chart uses the width: ${facts.svg.r - facts.svg.l} of ${facts.content}`);
      for (const { text: t, box, transform } of facts.labels) {
        assert.ok(!t.includes('…'), `${width} px: "${t}" is not cut`);
        assert.equal(transform, null, `${width} px: "${t}" is horizontal`);
        assert.ok(box.l >= facts.host.l - 0.5 && box.r <= facts.host.r + 0.5 && box.t >= facts.host.t - 0.5 && box.b <= facts.host.b + 0.5,
          `${width} px: "${t}" inside the widget: ${JSON.stringify(box)} in ${JSON.stringify(facts.host)}`);
      }
      for (let i = 0; i < facts.labels.length; i += 1) {
        for (let j = i + 1; j < facts.labels.length; j += 1) {
          const [a, b] = [facts.labels[i].box, facts.labels[j].box];
          const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
          assert.ok(!overlap, `${width} px: "${facts.labels[i].text}" and "${facts.labels[j].text}" overlap`);
        }
      }
      assert.ok(facts.labels.length >= 15, `${width} px: ${facts.labels.length} labels`);
      // The milestone told in words: the latest one, its full event name, date and amount.
      const milestone = (await text(page.locator(tid('milestone')))).replace(/\s+/g, ' ');
      assert.equal(milestone, 'Mobile World Congress 2026, March 3, 2026, more than USD 82 billion');
    }
  });

  it('steps through the milestones with the keyboard or a click, each told in words', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    const timeline = p(page).el;
    const earlier = timeline.getByRole('button', { name: 'Earlier milestone' });
    const later = timeline.getByRole('button', { name: 'Later milestone' });
    const said = async () => (await text(page.locator(tid('milestone')))).replace(/\s+/g, ' ');
    assert.equal(await later.getAttribute('aria-disabled'), 'true');
    assert.equal(await page.locator(tid('milestone')).getAttribute('aria-live'), 'polite');
    await earlier.focus();
    await page.keyboard.press('Enter');
    await until(said, (t) => t === 'WSIS+20 High-Level Event, P2C High-Level Dialogue, July 7, 2025, USD 75 billion', { what: 'the milestone before' });
    assert.equal(await page.locator(tid('value-label')).textContent(), '75B');
    assert.equal(await later.getAttribute('aria-disabled'), null);
    await page.keyboard.press('Enter');
    await until(said, (t) => t.startsWith('Mobile World Congress 2025,'), { what: 'two back' });
    await page.locator(tid('timeline-point')).nth(2).click();
    await until(said, (t) => t === 'Working-group update, August 2022, about USD 26 billion', { what: 'the clicked one' });
    await earlier.click();
    await earlier.click();
    await until(said, (t) => t === 'WTDC-22 P2C Digital Development Roundtable, Kigali (opening), June 7, 2022, USD 15.8 billion', { what: 'the first one' });
    assert.equal(await earlier.getAttribute('aria-disabled'), 'true');
    // At the first milestone the button stays focusable and does nothing.
    await earlier.focus();
    await page.keyboard.press('Enter');
    assert.equal(await earlier.evaluate((el) => el.getRootNode().activeElement === el), true);
    assert.match(await said(), /^WTDC-22 P2C Digital Development Roundtable, Kigali \(opening\)/);
    assert.deepEqual(page.problems, []);
  });

  it('runs the timeline from the right in Arabic, the value axis on the right', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    await page.evaluate(() => document.querySelector('p2c-pledges').setAttribute('lang', 'ar'));
    await page.waitForFunction(() => document.querySelector('p2c-pledges').shadowRoot
      .querySelector('[part="root"]').getAttribute('dir') === 'rtl');
    const facts = await page.locator(P).evaluate((host) => {
      const svg = host.shadowRoot.querySelector('svg.plot');
      const box = svg.getBoundingClientRect();
      const ticks = [...svg.querySelectorAll('[data-testid="tick-label"]')].map((t) => t.getBoundingClientRect());
      const points = [...svg.querySelectorAll('[data-testid="timeline-point"] .dot')].map((c) => c.getBoundingClientRect().left);
      return { right: box.right, left: box.left, ticks: ticks.map((t) => [t.left, t.right]), points };
    });
    for (const [l, r] of facts.ticks) assert.ok(Math.abs(r - facts.right) < 2 && l > facts.left, `tick at ${l}–${r}, plot ${facts.left}–${facts.right}`);
    assert.ok(facts.points[0] > facts.points.at(-1), 'the first milestone on the right');
    assert.deepEqual(page.problems, []);
  });

  it('shows each breakdown with its date and values as text', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    for (const b of DATA.breakdowns) {
      const section = page.locator(tid(`breakdown-${b.dimension}`));
      assert.equal(await section.locator('li').count(), b.categories.length);
      assert.match(await section.textContent(), /as of December 6, 2023/);
    }
    assert.match(await page.locator(tid('breakdown-stakeholder')).textContent(), /470 pledges · about USD 9\.7 billion/);
  });

  it('fits a 320 px column and mounts without custom elements', async () => {
    const page = await open(browser, '/tests/pages/pledges-narrow.html');
    await p(page, '#narrow').headline.waitFor();
    const fits = await page.locator('#narrow').evaluate((host) => {
      const root = host.shadowRoot.querySelector('[part="root"]');
      return root.scrollWidth <= root.clientWidth + 1 && root.getBoundingClientRect().width <= 321;
    });
    assert.ok(fits, 'no horizontal overflow at 320 px');
    await p(page, '#mounted').headline.waitFor();
    assert.match(await page.locator('#mounted [data-testid="total"]').textContent(), /82/);
    assert.deepEqual(page.problems, []);
  });

  it('speaks French and Arabic', async () => {
    const page = await open(browser, '/examples/pledges.html');
    await ready(page);
    await page.evaluate(() => document.querySelector('p2c-pledges').setAttribute('lang', 'fr'));
    await page.waitForFunction(() => document.querySelector('p2c-pledges').shadowRoot
      .querySelector('[data-testid="total"]').textContent.includes('milliards'));
    assert.equal(await text(page.locator(tid('total'))), 'plus de 82 milliards USD');
    await p(page).el.getByRole('combobox', { name: 'Langue' }).selectOption('ar');
    await page.waitForFunction(() => document.querySelector('p2c-pledges').shadowRoot
      .querySelector('[part="root"]').getAttribute('dir') === 'rtl');
  });
});

describe('pledges: live', () => {
  before(async () => {
    mkdirSync(LIVE_DIR, { recursive: true });
    copyFileSync(join(ROOT, 'data/p2c-pledges.json'), LIVE_FILE);
  });
  after(async () => {
    await fault('off');
    await closeContexts(browser);
  });

  it('an unchanged file costs a 304', async () => {
    // Counted by the server: the browser answers the widget's revalidated polls from its cache.
    const count = async (reset = '') =>
      (await fetch(`${BASE}/tests/downloads?path=${LIVE_URL}${reset}`)).json();
    await count('&reset=1');
    const page = await open(browser, '/tests/pages/live.html');
    await ready(page);
    await page.waitForTimeout(3000);
    const { full, not_modified: notModified } = await count();
    assert.equal(full, 1, 'one full download');
    assert.ok(notModified >= 1, `304s: ${notModified}`);
    await page.context().close();
  });

  it('two open pages follow an announcement within one interval, counting up and telling screen readers', async () => {
    const a = await open(browser, '/tests/pages/live.html');
    const b = await open(browser, '/tests/pages/live.html', { reducedMotion: 'reduce' });
    await ready(a);
    await ready(b);
    const before = await totalValue(a);
    announce('--usd', '1.2e9', '--pledger', 'Test Telecom', '--event', 'Test Forum', '--file', LIVE_FILE);
    const expected = before + 1.2e9;
    const started = Date.now();
    for (const page of [a, b]) {
      await page.waitForFunction((v) => Number(document.querySelector('p2c-pledges').shadowRoot
        .querySelector('[data-testid="total"]').dataset.value) === v, expected, { timeout: 5000 });
    }
    assert.ok(Date.now() - started < 5000);
    assert.match(await a.locator(tid('newest')).textContent(), /\+ USD 1\.2 billion — Test Telecom, Test Forum/);
    assert.match(await a.locator(tid('live-region')).textContent(), /USD 83\.2 billion.*Test Telecom, Test Forum/);
    // The count-up ends on the exact value; under reduced motion there is no count-up at all.
    await a.waitForFunction(() => document.querySelector('p2c-pledges').shadowRoot
      .querySelector('[data-testid="total"]').dataset.animating === 'false');
    assert.equal(await a.locator(tid('total')).textContent(), 'more than USD 83.2 billion');
    assert.equal(await b.locator(tid('total')).getAttribute('data-animating'), 'false');
    const updates = await a.evaluate(() => window.updates);
    assert.deepEqual(updates.at(-1), { totalUsd: expected, previousUsd: before });
    await a.context().close();
    await b.context().close();
  });

  for (const mode of ['500', 'truncated', 'timeout']) {
    it(`keeps the last good total with a stale badge when the server ${mode === '500' ? 'fails' : mode === 'truncated' ? 'sends truncated JSON' : 'times out'}, then recovers`, async () => {
      const page = await open(browser, '/tests/pages/live.html');
      await ready(page);
      const good = await totalValue(page);
      await fault(mode);
      await p(page).stale.waitFor({ timeout: 12000 });
      assert.match(await p(page).stale.textContent(), /^Not updated since \d\d:\d\d/);
      assert.equal(await totalValue(page), good);
      await fault('off');
      await p(page).stale.waitFor({ state: 'detached', timeout: 25000 });
      assert.equal(await totalValue(page), good);
      await page.context().close();
    });
  }

  it('pauses polling while the page is hidden and resumes when shown', async () => {
    const page = await open(browser, '/tests/pages/live.html');
    await ready(page);
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith(LIVE_URL)) requests += 1; });
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(1500);
    requests = 0;
    await page.waitForTimeout(3000);
    assert.equal(requests, 0, 'no requests while hidden');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(400);
    assert.ok(requests >= 1, 'polling resumed at once');
    await page.context().close();
  });

  it('stops polling when the element is removed', async () => {
    const page = await open(browser, '/tests/pages/live.html');
    await ready(page);
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith(LIVE_URL)) requests += 1; });
    await page.evaluate(() => document.querySelector('p2c-pledges').remove());
    await page.waitForTimeout(300);
    requests = 0;
    await page.waitForTimeout(3000);
    assert.equal(requests, 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
