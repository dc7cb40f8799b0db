// Shared setup for the browser tests: Debian's Chromium, driven by playwright-core.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';

/** The bundled matrix, read from disk so expectations follow the data. */
export const MATRIX = JSON.parse(readFileSync(join(ROOT, 'data/matrix.json'), 'utf8'));
export const sdgFile = (lang) => JSON.parse(readFileSync(join(ROOT, `data/sdg/sdg-${lang}.json`), 'utf8'));

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens `path` in a fresh context. Page errors and console errors are collected in
 * `page.problems` so tests can assert there were none.
 */
export async function open(browser, path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push('pageerror: ' + err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push('console: ' + msg.text());
  });
  page.pending = new Set();
  page.on('request', (r) => page.pending.add(r.url()));
  page.on('requestfinished', (r) => page.pending.delete(r.url()));
  page.on('requestfailed', (r) => { page.pending.delete(r.url()); page.problems.push('requestfailed: ' + r.url()); });
  await page.goto(BASE + path);
  return page;
}

/** Waits until the matrix (inside `host`) shows its grid or its error. */
export async function ready(page, host = 'wsis-sdg-matrix') {
  try {
    const widget = page.locator(host);
    await countOf(widget).or(widget.getByRole('alert')).first().waitFor({ timeout: 20000 });
    await live(page);
  } catch (err) {
    // Say what the page was doing, so a timeout is diagnosable from CI output.
    const state = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) =>
      (el.shadowRoot ? el.shadowRoot.textContent : el.textContent).slice(0, 300)), host).catch((e) => String(e));
    throw new Error(`${host} not ready on ${page.url()}: ${err.message}\nwidget text: ${JSON.stringify(state)}`
      + `\npending requests: ${JSON.stringify([...page.pending])}\nproblems: ${JSON.stringify(page.problems)}`);
  }
}

/**
 * Waits until every widget on the page that arrived pre-rendered has been taken over by its
 * live widget (or kept its pre-rendered content because the module could not start): until
 * then the page holds both, and a test would act on the pre-rendered one.
 */
export async function live(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('wsis-sdg-matrix, wsis-forum-outcomes, p2c-pledges')]
    .every((el) => {
      const kept = el.shadowRoot && [...el.shadowRoot.children].find((c) => c.hasAttribute('data-prerendered'));
      return !kept || kept.querySelector('.boot-failed');
    }), null, { timeout: 20000 });
}

/**
 * A widget's count line ("123 of 123 links", "99 of 99 sessions"): its status line with a
 * number in it (the share buttons' status line says "Link copied" and holds none).
 */
export const countOf = (scope) => scope.getByRole('status').filter({ hasText: /\p{Nd}/u });

/**
 * A widget's root container, by its public `::part(root)` name: a container holds the
 * widget's `lang`, `dir` and theme and has no role of its own.
 */
export const rootOf = (scope) => scope.locator('[part="root"]');

export function countText(shown, total = MATRIX.links.length) {
  return `${shown} of ${total} links`;
}

/** Problems other than expected failed requests (tests of errors expect those). */
export function unexpectedProblems(page, allow = []) {
  return page.problems.filter((p) => !allow.some((a) => p.includes(a)));
}

/** Closes every context of `browser` (what a describe opened), keeping the browser for the next. */
export async function closeContexts(browser) {
  await Promise.all(browser.contexts().map((c) => c.close()));
}

/**
 * The definition (`<dd>`) that follows the term (`<dt>`) named `term` inside `scope`: a
 * figure or a detail of a description list, found by what it is called.
 */
export const definitionOf = (scope, term) => scope.getByRole('term')
  .filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
  .locator('xpath=following-sibling::dd[1]');

/**
 * Polls `read()` until `check(value)` holds, as Playwright's `expect` does (a redraw comes a
 * task after the event that caused it); throws with the last value read.
 */
export async function until(read, check, { timeout = 10000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`${what} not met within ${timeout} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe over the whole document, WCAG 2.1 A/AA and best practices, every impact counted. */
export async function wholePage(page, host) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (host) => {
    // A theme switch fades colours (120 ms): judge them after, not halfway.
    const root = host && document.querySelector(host).shadowRoot;
    if (root) await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
  }, host);
}
