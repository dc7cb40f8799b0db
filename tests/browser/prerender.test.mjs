// Pre-rendered widgets (Declarative Shadow DOM from `cargo xtask prerender`): readable without
// JavaScript and without WebAssembly, taken over by the live widget without a jump, and one
// bundle per widget.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, countOf, rootOf, MATRIX, ROOT, BASE, unexpectedProblems } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const FORUM = JSON.parse(readFileSync(join(ROOT, 'data/forum-outcomes.json'), 'utf8'));
const ELEMENTS = ['wsis-sdg-matrix', 'wsis-forum-outcomes', 'p2c-pledges'];

/**
 * Every axe violation (any impact, best practices included) inside `host`, as text. axe needs
 * timers, so it runs on pages with scripts; the pages without JavaScript have the same DOM as
 * the no-WebAssembly page checked here (only the note's wording differs).
 */
async function axeViolations(page, host) {
  // Through CDP (Runtime.evaluate): a page CSP that forbids inline scripts does not apply.
  const session = await page.context().newCDPSession(page);
  await session.send('Runtime.evaluate', { expression: AXE });
  await session.detach();
  return page.evaluate(async (h) => {
    const result = await window.axe.run(document.querySelector(h), { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. `
      + `${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
  }, host);
}

/** Layout shifts (CLS entries) from the start of the page, recorded by an init script. */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until `host`'s live widget has replaced its pre-rendered content. */
async function takenOver(page, host) {
  await page.waitForFunction((h) => {
    const root = document.querySelector(h)?.shadowRoot;
    return root && ![...root.children].some((el) => el.hasAttribute('data-prerendered'))
      && [...root.children].some((el) => el.classList.contains('wsis-mount') && !el.hasAttribute('data-pending'));
  }, host, { timeout: 20000 });
}


/**
 * `path` (the demo page) in a fresh context, with its module (`wasm`) held back until
 * `release()`: the reader meets the pre-rendered widgets first. `before(page)` runs before the
 * page loads.
 */
async function openHeld(browser, viewport, { path = '/', wasm = 'wsis_sdg_widgets_bg.wasm', before } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (before) await before(page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${wasm}`, async (route) => { await held; await route.continue(); });
  await page.goto(BASE + path);
  return { context, page, release };
}

describe('pre-rendered widgets', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => browser.close());

  it('without JavaScript: every widget shows its content, and details open with plain HTML', async () => {
    const page = await open(browser, '/', { javaScriptEnabled: false });
    const matrix = page.locator('wsis-sdg-matrix');
    assert.equal(await matrix.locator('[data-linked="true"]').count(), MATRIX.links.length);
    assert.equal(await matrix.locator('table [role="rowheader"]').count(), 18);
    assert.equal(await countOf(matrix).textContent(), `${MATRIX.links.length} of ${MATRIX.links.length} links`);
    // The calm note, and no controls that could not work.
    for (const host of ELEMENTS) {
      const note = page.locator(host).getByRole('note');
      assert.ok(await note.isVisible(), `${host}: note shown`);
      assert.match(await note.innerText(), /need JavaScript/);
    }
    assert.equal(await matrix.getByRole('searchbox', { includeHidden: true }).isVisible(), false);
    assert.equal(await page.locator('p2c-pledges').getByRole('combobox', { name: 'Language', includeHidden: true }).isVisible(), false);

    // A cell opens its details with plain HTML (popover): targets, rationale, facilitators, sources.
    const link = MATRIX.links.find((l) => l.action_line === 'C5' && l.sdg === 9);
    // Grid cells keep test ids: a cell's name is its state ("linked"); its row and column
    // headers say which it is, which a role locator cannot combine.
    await matrix.locator('[data-testid="cell-C5-sdg-9"] button').click();
    const panel = matrix.locator('.detail-popover:popover-open');
    await panel.waitFor();
    assert.match(await panel.getByRole('heading', { level: 3 }).innerText(), /C5 × SDG 9/);
    for (const target of link.targets) assert.ok((await panel.getByRole('list').first().innerText()).includes(target));
    assert.ok((await panel.getByRole('heading', { name: 'Rationale' }).locator('xpath=following-sibling::p[1]').innerText()).length > 10);
    assert.match(await panel.innerText(), /Lead facilitator/);
    assert.ok(await panel.locator('.sources a[href^="http"]').count() > 0);
    await panel.getByRole('button', { name: 'Close' }).click();
    assert.equal(await matrix.locator('.detail-popover:popover-open').count(), 0);

    // Forum: the year's sessions are listed and open to their details (<details>).
    const forum = page.locator('wsis-forum-outcomes');
    const sessions = forum.getByRole('list').getByRole('listitem');
    assert.ok(await sessions.count() > 0);
    await sessions.first().locator('summary').click();
    assert.ok(await sessions.first().getByRole('term').first().isVisible());

    // Pledges: total, progress and timeline.
    const pledges = page.locator('p2c-pledges');
    // Test ids: the total shown is hidden from screen readers (they read its full form), and
    // the timeline's points are shapes inside one picture (role img): no role or name fits.
    assert.match(await pledges.getByTestId('total').innerText(), /USD \d/);
    assert.ok(await pledges.getByRole('progressbar').isVisible());
    assert.ok(await pledges.getByTestId('timeline-point').count() > 3);
    await page.context().close();
  });

  it('without JavaScript, in Arabic: right to left; the forum lists every session (all years by default)', async () => {
    const page = await open(browser, '/tests/pages/bundle-pledges.html', { javaScriptEnabled: false });
    const root = rootOf(page.locator('p2c-pledges'));
    assert.equal(await root.getAttribute('dir'), 'rtl');
    assert.equal(await root.getAttribute('lang'), 'ar');
    const forumPage = await open(browser, '/tests/pages/bundle-forum.html', { javaScriptEnabled: false });
    assert.equal(await forumPage.locator('wsis-forum-outcomes').getByRole('list').getByRole('listitem').count(),
      FORUM.sessions.length);
    await page.context().close();
    await forumPage.context().close();
  });

  it('under a CSP without wasm-unsafe-eval: the content stays, with a calm note', async () => {
    const page = await open(browser, '/tests/pages/no-wasm.html');
    for (const host of ELEMENTS) {
      const note = page.locator(host).getByRole('note');
      await note.waitFor({ state: 'visible' });
      assert.match(await note.innerText(), /could not start/);
      // No alarm: neither the boot error nor an error box (both are alerts).
      assert.equal(await page.locator(`${host} [role="alert"]`).count(), 0, 'no alarm');
    }
    assert.equal(await page.locator('wsis-sdg-matrix [data-linked="true"]').count(), MATRIX.links.length);
    assert.equal(await page.getByRole('searchbox').count(), 0, 'controls that cannot work are hidden');
    for (const host of ELEMENTS) assert.deepEqual(await axeViolations(page, host), [], host);
    await page.context().close();
  });

  it('when the module fails to download: the content stays, with the same calm note', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.route('**/wsis_sdg_matrix_bg.wasm', (route) => route.abort('connectionfailed'));
    await page.goto(BASE + '/examples/prerendered.html');
    const note = page.locator('wsis-sdg-matrix').getByRole('note');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.innerText(), /could not start/);
    assert.equal(await page.locator('wsis-sdg-matrix [data-linked="true"]').count(), MATRIX.links.length);
    assert.equal(await page.locator('wsis-sdg-matrix [role="alert"]').count(), 0);
    await context.close();
  });

  it('the takeover keeps focus and the typed search, and moves nothing', async () => {
    // The module is held back so the reader can act on the pre-rendered content first.
    const { context, page, release } = await openHeld(browser, { width: 1400, height: 1000 },
      { path: '/examples/prerendered.html', wasm: 'wsis_sdg_matrix_bg.wasm', before: recordShifts });
    const matrix = page.locator('wsis-sdg-matrix');
    const search = matrix.getByRole('searchbox', { name: 'Search' });
    await search.click();
    await page.keyboard.type('water');
    const before = await matrix.getByRole('grid').boundingBox();
    release();
    await takenOver(page, 'wsis-sdg-matrix');
    // The live search box has the focus and the text, and answers it.
    assert.equal(await page.evaluate(() => {
      const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
      return root.activeElement && root.activeElement.getAttribute('type');
    }), 'search');
    assert.equal(await search.inputValue(), 'water');
    await page.waitForFunction(() => !/^123 of 123/.test(
      document.querySelector('wsis-sdg-matrix').shadowRoot.querySelector('p[role="status"]').textContent));
    const after = await matrix.getByRole('grid').boundingBox();
    assert.deepEqual([after.x, after.y, after.width], [before.x, before.y, before.width]);
    const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    assert.ok(shifts <= 0.01, `layout shift ${shifts}`);
    await context.close();
  });

  it('the takeover moves focus from a pre-rendered cell to the same live cell, without a shift', async () => {
    const { context, page, release } = await openHeld(browser, { width: 1400, height: 1000 }, { before: recordShifts });
    await page.locator('wsis-sdg-matrix [data-testid="cell-C3-sdg-4"] button').focus();
    release();
    for (const host of ELEMENTS) await takenOver(page, host);
    assert.equal(await page.evaluate(() => {
      const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
      return root.activeElement && root.activeElement.getAttribute('data-testid');
    }), 'cell-C3-sdg-4');
    // Enter opens the live cell: the widget is interactive where the reader was.
    await page.keyboard.press('Enter');
    await page.locator('wsis-sdg-matrix').getByRole('complementary').waitFor();
    const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    assert.ok(shifts <= 0.01, `layout shift ${shifts}`);
    await context.close();
  });

  it('the takeover carries focus on a forum heat-grid button and on a toolbar button', async () => {
    for (const [host, selector, find] of [
      ['wsis-forum-outcomes', 'heat-grid button', (el) => el.getByRole('table', { name: 'Sessions per Action Line and SDG' }).getByRole('button')],
      ['wsis-sdg-matrix', 'view-sdg-al', (el) => el.getByRole('button', { name: 'SDGs × Action Lines' })],
    ]) {
      const { context, page, release } = await openHeld(browser, { width: 1400, height: 1000 });
      const before = find(page.locator(host)).first();
      const label = await before.textContent();
      await before.focus();
      release();
      for (const h of ELEMENTS) await takenOver(page, h);
      const focused = await page.evaluate((h) => {
        const el = document.querySelector(h).shadowRoot.activeElement;
        return el ? [el.localName, el.textContent, el.closest('[data-prerendered]') === null] : null;
      }, host);
      assert.deepEqual(focused, ['button', label, true], `${host} ${selector}`);
      await context.close();
    }
  });

  /**
   * Box and text of every visible landmark of `host`'s shown content: each part, element with
   * a role or a name, heading, section, table row and cell, list and item, figure, term and
   * definition, control, paragraph, the count-up total and the shapes of the timeline. (Not the cell buttons that open popovers without JavaScript: the
   * live grid opens its cells itself.)
   */
  const LANDMARKS = ['[part]', '[role]', '[aria-label]', 'h2', 'h3', 'h4', 'section', 'details', 'summary', 'table',
    'tr', 'th', 'td', 'ul', 'li', 'dl > div', 'dt', 'dd', 'p', 'select', 'input', 'progress', 'button:not(.cell-open)',
    '[data-value]', 'svg g', 'svg line', 'svg text'].join(', ');
  async function snapshot(page, host) {
    return page.evaluate(([h, landmarks]) => {
      const root = document.querySelector(h).shadowRoot;
      const shown = [...root.children].find((el) => el.classList.contains('wsis-mount') && !el.hasAttribute('data-pending'));
      const out = [];
      for (const el of shown.querySelectorAll(landmarks)) {
        if (!el.checkVisibility()) continue;
        const b = el.getBoundingClientRect();
        const name = `${el.localName}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`;
        out.push(`${name} ${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.width)},${Math.round(b.height)} ${(el.innerText ?? el.textContent).trim().slice(0, 60)}`);
      }
      return out;
    }, [host, LANDMARKS]);
  }

  for (const [path, host, wasm] of [
    ['/examples/prerendered.html', 'wsis-sdg-matrix', 'wsis_sdg_matrix_bg.wasm'],
    ['/tests/pages/bundle-forum.html', 'wsis-forum-outcomes', 'wsis_forum_outcomes_bg.wasm'],
    ['/tests/pages/bundle-pledges.html', 'p2c-pledges', 'p2c_pledges_bg.wasm'],
  ]) {
    for (const width of [390, 1366]) {
      it(`${host} at ${width} px: the live widget draws every box and figure where the pre-rendered one was`, async () => {
        const { context, page, release } = await openHeld(browser, { width, height: 900 }, { path, wasm });
        await page.locator(host).getByRole('heading', { level: 2 }).first().waitFor();
        const before = await snapshot(page, host);
        release();
        await takenOver(page, host);
        // Numbers and dates included: the snippets were formatted with the same Intl options.
        assert.deepEqual(await snapshot(page, host), before);
        await context.close();
      });
    }
  }

  it('the takeover keeps the page where the reader scrolled it', async () => {
    const { context, page, release } = await openHeld(browser, { width: 1024, height: 700 });
    // Down to the forum, past the matrix: everything above must keep its height.
    await page.locator('wsis-forum-outcomes').getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => [window.scrollY,
      Math.round(document.querySelector('#pledges-heading').getBoundingClientRect().top)]);
    assert.ok(before[0] > 500, `scrolled: ${before[0]}`);
    release();
    for (const host of ELEMENTS) await takenOver(page, host);
    const after = await page.evaluate(() => [window.scrollY,
      Math.round(document.querySelector('#pledges-heading').getBoundingClientRect().top)]);
    assert.deepEqual(after, before);
    await context.close();
  });

  it('a one-widget page downloads only that widget\'s bundle', async () => {
    const page = await open(browser, '/examples/prerendered.html');
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.reload();
    await takenOver(page, 'wsis-sdg-matrix');
    const dist = requested.filter((p) => p.startsWith('/dist/'));
    assert.deepEqual(dist.filter((p) => p.endsWith('.wasm')), ['/dist/wsis_sdg_matrix_bg.wasm']);
    assert.ok(!dist.some((p) => /wsis_sdg_widgets|forum|pledges/.test(p)), JSON.stringify(dist));
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('a page with all three widgets starts one module, and each goes live', async () => {
    const page = await open(browser, '/');
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
    await page.reload();
    for (const host of ELEMENTS) await takenOver(page, host);
    assert.deepEqual(wasm, ['/dist/wsis_sdg_widgets_bg.wasm']);
    // Live: the search filters the matrix.
    await page.locator('wsis-sdg-matrix').getByRole('searchbox', { name: 'Search' }).fill('water');
    await page.waitForFunction(() => !/^123 of 123/.test(
      document.querySelector('wsis-sdg-matrix').shadowRoot.querySelector('p[role="status"]').textContent));
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('the forum-only and pledges-only bundles run their widget', async () => {
    const forum = await open(browser, '/tests/pages/bundle-forum.html');
    await takenOver(forum, 'wsis-forum-outcomes');
    await forum.locator('wsis-forum-outcomes').getByRole('list').getByRole('listitem').first().locator('summary').click();
    await forum.locator('wsis-forum-outcomes').getByRole('list').getByRole('term').first().waitFor();
    assert.deepEqual(unexpectedProblems(forum), []);
    await forum.context().close();

    const pledges = await open(browser, '/tests/pages/bundle-pledges.html');
    await takenOver(pledges, 'p2c-pledges');
    assert.equal(await pledges.locator('p2c-pledges').getByRole('note', { includeHidden: true }).count(), 0);
    assert.ok(await pledges.locator('p2c-pledges').getByRole('combobox', { name: 'اللغة' }).isVisible(), 'the language menu (Arabic page)');
    assert.deepEqual(unexpectedProblems(pledges), []);
    await pledges.context().close();
  });

  it('a one-widget bundle defines only its element, and mount() names the script that has another', async () => {
    const page = await open(browser, '/tests/pages/bundle-matrix-plain.html');
    await countOf(page.locator('wsis-sdg-matrix')).waitFor();
    assert.equal(await page.evaluate(() => customElements.get('p2c-pledges') === undefined), true);
    const message = await page.evaluate(async () => {
      const { mount } = await import('/dist/wsis-sdg-matrix.js');
      try { await mount(document.createElement('div'), { widget: 'p2c-pledges', src: '/data/p2c-pledges.json' }); return 'mounted'; } catch (e) { return e.message; }
    });
    assert.match(message, /p2c-pledges\.js/);
    await page.context().close();
  });
});
