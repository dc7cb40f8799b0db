// Screenshots of every widget's first view and its most used state, at a phone's, a tablet's, a
// laptop's and a projector's width, in the light and the dark theme, saved under
// docs/screenshots/ as `<widget>-<state>-<width>-<theme>.png` (the README shows some of them).
// Each one also checks what a reader would see wrong at once: errors on the page, a widget
// wider than the window, a widget empty, invisible or not in the theme asked for.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ready as matrixReady, live, countOf, until, BASE, ROOT } from './helpers.mjs';

const DIR = join(ROOT, 'docs/screenshots');
const WIDTHS = [[390, 844], [768, 1024], [1366, 768], [1920, 1080]];
const THEMES = ['light', 'dark'];
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(13, 17, 23)' };
/** Screenshots stop this far down a tall widget (the first screens are what they are for). */
const MAX_HEIGHT = 2400;

let browser;
let context;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  browser = await launch();
  context = await browser.newContext();
});
after(async () => browser.close());

/** Opens `path` at `width` in the one context (the wasm stays in its cache between pages). */
async function visit(path, [width, height]) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push('pageerror: ' + err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push('console: ' + msg.text()); });
  await page.setViewportSize({ width, height });
  await page.goto(BASE + path);
  return page;
}

/** Sets the widget's theme and waits until its root wears it. */
async function theme(page, host, name) {
  await page.locator(host).evaluate((el, t) => el.setAttribute('theme', t), name);
  await page.waitForFunction(([h, bg]) => {
    const root = document.querySelector(h).shadowRoot.querySelector('[part="root"]');
    return getComputedStyle(root).backgroundColor === bg;
  }, [host, BACKGROUND[name]]);
}

/** The checks, then the picture. */
async function shoot(page, host, name) {
  const width = page.viewportSize().width;
  const facts = await page.locator(host).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const root = el.shadowRoot.querySelector('[part="root"]');
    return {
      left: box.left, right: box.right, height: box.height,
      text: root.textContent.trim().length,
      visible: root.checkVisibility(),
      pageWidth: document.documentElement.scrollWidth,
    };
  });
  assert.deepEqual(page.problems, [], `${name}: page errors`);
  assert.ok(facts.visible && facts.height > 100 && facts.text > 50, `${name}: visible, not empty: ${JSON.stringify(facts)}`);
  assert.ok(facts.left >= -1 && facts.right <= width + 1, `${name}: inside the window: ${JSON.stringify(facts)}`);
  assert.ok(facts.pageWidth <= width + 1, `${name}: no horizontal scroll of the page: ${facts.pageWidth} > ${width}`);
  const box = await page.locator(host).boundingBox();
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  await page.screenshot({
    path: join(DIR, `${name}.png`),
    fullPage: true,
    clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: box.width, height: Math.min(box.height, MAX_HEIGHT) },
  });
}

/** Shoots the first view and then `state` (entered by `enter`) in both themes at every width. */
function widget({ name, host, path, ready, state, enter }) {
  describe(name, () => {
    for (const size of WIDTHS) {
      it(`${size[0]} px: first view and ${state}, light and dark`, async () => {
        const page = await visit(path, size);
        await ready(page);
        for (const t of THEMES) {
          await theme(page, host, t);
          await shoot(page, host, `${name}-first-${size[0]}-${t}`);
        }
        await enter(page, size[0]);
        for (const t of THEMES) {
          await theme(page, host, t);
          await shoot(page, host, `${name}-${state}-${size[0]}-${t}`);
        }
        await page.close();
      });
    }
  });
}

const M = 'wsis-sdg-matrix';
const F = 'wsis-forum-outcomes';
const P = 'p2c-pledges';

widget({
  name: 'matrix',
  host: M,
  path: '/examples/plain.html',
  ready: (page) => matrixReady(page, M),
  state: 'cell-open',
  enter: async (page) => {
    const widget = page.locator(M);
    const grid = widget.getByRole('grid');
    if (await grid.isVisible()) {
      await widget.locator('[data-testid="cell-C5-sdg-9"]').click();
    } else {
      // The list form: an Action Line's entry, then its first linked goal.
      const entry = widget.getByRole('listitem').filter({ hasText: /^C5(?![0-9])/ });
      await entry.locator('summary').click();
      await entry.getByRole('button').first().click();
    }
    await widget.getByRole('complementary').waitFor();
  },
});

widget({
  name: 'forum',
  host: F,
  path: '/examples/forum.html',
  ready: (page) => matrixReady(page, F),
  state: 'year',
  enter: async (page) => {
    const widget = page.locator(F);
    const year = widget.getByRole('combobox', { name: 'Forum year', exact: true });
    // On a phone the filters may sit behind one "Filters" button.
    if (!(await year.isVisible())) await widget.getByRole('button', { name: /^Filters/ }).click();
    const before = await countOf(widget).textContent();
    await year.selectOption('2025');
    await until(() => countOf(widget).textContent(), (t) => t !== before, { what: 'the count for 2025' });
  },
});

widget({
  name: 'pledges',
  host: P,
  path: '/examples/pledges.html',
  ready: async (page) => {
    await page.locator(P).getByRole('region', { name: 'Total pledged' }).waitFor({ timeout: 20000 });
    await live(page);
  },
  state: 'milestone',
  enter: async (page) => {
    const timeline = page.locator(P);
    await timeline.getByRole('button', { name: 'Earlier milestone' }).click();
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot
      .querySelector('[data-testid="milestone"]').textContent.includes('WSIS+20 High-Level Event, P2C'), P);
  },
});
