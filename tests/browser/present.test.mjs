// <wsis-presenter> (www/present.html): a deck of widget slides driven by a presentation clicker.
// Keys, blank screen, full screen, touch swipes, deep links and history, deck files and their
// errors, the live pledge slide, and legibility at 1280×720, 1920×1080 and 3840×2160 (element
// bounds and font sizes measured, not only looked at).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, closeContexts, ROOT, BASE } from './helpers.mjs';

// One browser for the whole file; each describe closes the contexts it opened.
let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const SLIDES = 'matrix,al:C5,forum:2025,pledges';
const DECK = `/present.html?slides=${SLIDES}`;
const NAMES = ['matrix', 'action-line', 'forum', 'pledges'];
const SHOTS = process.env.SCREENSHOT_DIR || join(tmpdir(), 'wsis-present-screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PLEDGES = JSON.parse(readFileSync(join(ROOT, 'data/p2c-pledges.json'), 'utf8'));

// Test ids remain where no role and name fit: the deck's container (for its dir), the slide
// counter (a polite live line; its visible text is hidden from screen readers) and the pledge
// slide's animated total (hidden from screen readers, which read its full form).
const tid = (id) => `[data-testid="${id}"]`;
const presenter = (page) => page.locator('wsis-presenter');
/** The slide shown: the carousel's one slide region not hidden (the others are aria-hidden). */
const current = (page) => presenter(page).getByRole('region').first().getByRole('region').first();
const button = (page, name) => presenter(page).getByRole('button', { name, exact: true });
/** The full-screen button, named "Full screen" or "Exit full screen". */
const fullButton = (page) => presenter(page).getByRole('button', { name: /full screen$/i });

/**
 * Opens `path` in a fresh context. `page.problems` collects page errors and console errors,
 * `page.warnings` the console warnings.
 */
async function openDeck(browser, path, { viewport = { width: 1280, height: 720 }, init, route, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.warnings = [];
  page.on('pageerror', (err) => page.problems.push('pageerror: ' + err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push('console: ' + msg.text());
    if (msg.type() === 'warning') page.warnings.push(msg.text());
  });
  if (init) await page.addInitScript(init);
  if (route) await route(page);
  await page.goto(BASE + path);
  return page;
}

/** Waits until the current slide is `n` (1-based) and its widget has loaded. */
async function onSlide(page, n) {
  try {
    await current(page).and(page.locator(`[data-index="${n}"][data-state="ready"]`)).waitFor({ timeout: 20000 });
  } catch (err) {
    const state = await page.evaluate(() => {
      const deck = document.querySelector('wsis-presenter')?.shadowRoot;
      return deck ? [...deck.querySelectorAll('.slide')].map((s) => `${s.dataset.index}:${s.className}:${s.dataset.state}`) : 'no deck';
    });
    throw new Error(`slide ${n} not shown and ready on ${page.url()}: ${err.message}\nslides: ${JSON.stringify(state)}\nproblems: ${JSON.stringify(page.problems)}`);
  }
}

const counter = (page) => page.locator(tid('counter-text')).textContent();
const hash = (page) => page.evaluate(() => location.hash);
/** Which slides have a widget element in the DOM (1-based). */
const mounted = (page) => page.evaluate(() => [...document.querySelector('wsis-presenter').shadowRoot.querySelectorAll('.slide')]
  .filter((s) => s.firstElementChild).map((s) => Number(s.dataset.index)));

async function expectSlide(page, n, total = 4) {
  await onSlide(page, n);
  assert.equal(await counter(page), `${n} / ${total}`);
  assert.equal(await hash(page), `#${n}`);
}

describe('presenter: clicker, keys and controls', () => {
  after(() => closeContexts(browser));

  it('builds one slide per token, each widget with presenter, unlinked, lang and theme, mounted lazily', async () => {
    const page = await openDeck(browser, DECK + '&theme=dark&refresh=20');
    await expectSlide(page, 1);
    assert.match(await page.locator(tid('counter')).textContent(), /Slide 1 of 4/);
    assert.equal(await page.locator(tid('counter')).getAttribute('aria-live'), 'polite');
    const widgets = await page.evaluate(() => [...document.querySelector('wsis-presenter').shadowRoot.querySelectorAll('.slide')]
      .map((s) => s.firstElementChild).filter(Boolean)
      .map((w) => [w.localName, ...['presenter', 'unlinked', 'lang', 'theme', 'action-line'].map((a) => w.getAttribute(a))]));
    assert.deepEqual(widgets, [
      ['wsis-sdg-matrix', '', '', 'en', 'dark', null],
      ['wsis-sdg-matrix', '', '', 'en', 'dark', 'C5'],
    ], 'slide 1 and its neighbour only');
    assert.equal(await current(page).locator('wsis-sdg-matrix [part="root"]').count(), 1);
    await page.keyboard.press('End');
    await expectSlide(page, 4);
    assert.deepEqual(await mounted(page), [3, 4]);
    const pledges = page.locator('p2c-pledges');
    assert.equal(await pledges.getAttribute('refresh'), '20');
    assert.equal(await page.locator(`wsis-forum-outcomes`).getAttribute('year'), '2025');
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    assert.deepEqual(await mounted(page), [1, 2, 4], 'the pledge slide stays mounted so it keeps polling');
    assert.deepEqual(page.problems, []);
  });

  it('moves with every clicker key, and stops at both ends', async () => {
    const page = await openDeck(browser, DECK);
    await expectSlide(page, 1);
    const steps = [
      ['PageDown', 2], ['ArrowRight', 3], ['Space', 4], ['PageDown', 4],
      ['PageUp', 3], ['ArrowLeft', 2], ['ArrowUp', 1], ['PageUp', 1],
      ['ArrowDown', 2], ['n', 3], ['p', 2], ['Backspace', 1], ['Enter', 2],
      ['End', 4], ['Home', 1],
    ];
    for (const [key, n] of steps) {
      await page.keyboard.press(key);
      await onSlide(page, n);
      assert.equal(await counter(page), `${n} / 4`, `after ${key}`);
    }
    assert.deepEqual(page.problems, []);
  });

  it('jumps to a slide number typed before Enter, and warns about one that does not exist', async () => {
    const page = await openDeck(browser, DECK);
    await expectSlide(page, 1);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await onSlide(page, 3);
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    assert.equal(await counter(page), '3 / 4', 'slide 9 does not exist: stays');
    assert.ok(page.warnings.some((w) => w.includes('no slide 9')), JSON.stringify(page.warnings));
    await page.keyboard.press('1');
    await page.waitForTimeout(2100); // typed too long ago: Enter is "next" again
    await page.keyboard.press('Enter');
    await onSlide(page, 4);
    assert.deepEqual(page.problems, []);
  });

  it('runs right to left in Arabic: the left arrow and a swipe to the right go on', async () => {
    const page = await openDeck(browser, DECK.replace('?', '?lang=ar&'), { hasTouch: true, isMobile: false });
    await expectSlide(page, 1);
    await page.keyboard.press('ArrowLeft');
    await onSlide(page, 2);
    await page.keyboard.press('ArrowRight');
    await onSlide(page, 1);
    const cdp = await page.context().newCDPSession(page);
    const point = ([x, y]) => ({ x, y });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point([400, 300])] });
    for (const x of [500, 600, 700, 800]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point([x, 300])] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expectSlide(page, 2);
    assert.deepEqual(page.problems, []);
  });

  it('has visible previous, next and full-screen buttons, large enough for touch', async () => {
    const page = await openDeck(browser, DECK);
    await expectSlide(page, 1);
    assert.equal(await button(page, 'Previous').isDisabled(), true);
    await button(page, 'Next').click();
    await expectSlide(page, 2);
    await button(page, 'Next').click();
    await expectSlide(page, 3);
    await button(page, 'Previous').click();
    await expectSlide(page, 2);
    // Space on a focused button presses it once; the deck does not step a second time.
    await button(page, 'Next').focus();
    await page.keyboard.press('Space');
    await expectSlide(page, 3);
    for (const [id, control] of [['prev', button(page, 'Previous')], ['next', button(page, 'Next')], ['fullscreen', fullButton(page)]]) {
      const button = control;
      assert.ok(await button.isVisible(), `${id} visible without hovering`);
      const box = await button.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `${id} is ${box.width}×${box.height}`);
      const size = await button.evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
      assert.ok(size >= 20, `${id} font ${size}px`);
    }
  });

  it('blanks the screen black on b and ".", white on w and ",", and any step or Escape brings it back', async () => {
    const page = await openDeck(browser, DECK);
    await expectSlide(page, 1);
    const blank = presenter(page).getByRole('status', { includeHidden: true }).filter({ hasText: 'Screen blanked' });
    // Found by name with hidden elements included: the blank screen hides the slide.
    const slideHidden = () => presenter(page).getByRole('region', { name: 'Slide 1 of 4', includeHidden: true }).evaluate((s) => !s.checkVisibility({ visibilityProperty: true }));
    assert.equal(await blank.isVisible(), false);
    for (const key of ['b', '.']) {
      await page.keyboard.press(key);
      assert.equal(await blank.isVisible(), true, key);
      assert.equal(await blank.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 0, 0)');
      assert.equal(await slideHidden(), true, 'the slide is hidden under the blank screen');
      const box = await blank.boundingBox();
      assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1280, 720], 'the whole screen, counter too');
      await page.keyboard.press(key);
      assert.equal(await blank.isVisible(), false, key + ' again');
      assert.equal(await slideHidden(), false);
    }
    await page.keyboard.press('w');
    assert.equal(await blank.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 255, 255)');
    await page.keyboard.press(',');
    assert.equal(await blank.isVisible(), false);
    // A step while blank only lifts the blank screen: the audience sees where the talk was.
    await page.keyboard.press('b');
    await page.keyboard.press('PageDown');
    assert.equal(await blank.isVisible(), false);
    await expectSlide(page, 1);
    await page.keyboard.press('.');
    await page.keyboard.press('Escape');
    assert.equal(await blank.isVisible(), false);
    assert.deepEqual(page.problems, []);
  });

  it('toggles full screen on f and with the button', async () => {
    const page = await openDeck(browser, DECK, {
      init: () => {
        window.__fullscreenCalls = 0;
        const request = Element.prototype.requestFullscreen;
        Element.prototype.requestFullscreen = function (...args) {
          window.__fullscreenCalls += 1;
          return request.apply(this, args);
        };
      },
    });
    await expectSlide(page, 1);
    const full = () => page.evaluate(() => document.fullscreenElement && document.fullscreenElement.localName);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    assert.equal(await full(), 'html');
    assert.equal(await page.evaluate(() => window.__fullscreenCalls), 1);
    assert.equal(await fullButton(page).getAttribute('aria-pressed'), 'true');
    assert.match(await fullButton(page).textContent(), /Exit full screen/);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await fullButton(page).click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await fullButton(page).click();
    await page.waitForFunction(() => document.fullscreenElement === null);
    assert.deepEqual(page.problems, []);
  });

  it('F5 starts the show from slide 1 in full screen without reloading; Shift+F5 from the current slide', async () => {
    const page = await openDeck(browser, DECK + '#3');
    await expectSlide(page, 3);
    await page.evaluate(() => { window.__stillHere = 'yes'; });
    await page.keyboard.press('Shift+F5');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await expectSlide(page, 3);
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('F5');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await expectSlide(page, 1);
    assert.equal(await page.evaluate(() => window.__stillHere), 'yes', 'the page was not reloaded');
    assert.deepEqual(page.problems, []);
  });

  it('a refused full-screen request only warns', async () => {
    const page = await openDeck(browser, DECK, {
      init: () => {
        Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
      },
    });
    await expectSlide(page, 1);
    await page.keyboard.press('f');
    await page.waitForTimeout(200);
    assert.ok(page.warnings.some((w) => /full screen was refused/.test(w)), JSON.stringify(page.warnings));
    assert.deepEqual(page.problems, []);
  });

  it('swipes on a touch screen: left for next, right for previous; short or vertical moves do nothing', async () => {
    const page = await openDeck(browser, DECK, { hasTouch: true, isMobile: false });
    await expectSlide(page, 1);
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (from, to) => {
      const point = ([x, y]) => ({ x, y });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(from)] });
      for (let k = 1; k <= 4; k++) {
        const at = [from[0] + ((to[0] - from[0]) * k) / 4, from[1] + ((to[1] - from[1]) * k) / 4];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(at)] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe([900, 300], [500, 320]);
    await expectSlide(page, 2);
    await swipe([900, 300], [500, 300]);
    await expectSlide(page, 3);
    await swipe([400, 300], [800, 290]);
    await expectSlide(page, 2);
    await swipe([600, 300], [580, 300]);
    await swipe([600, 150], [560, 500]);
    await page.waitForTimeout(200);
    await expectSlide(page, 2);
    assert.deepEqual(page.problems, []);
  });
});

describe('presenter: links, history and deck files', () => {
  after(() => closeContexts(browser));

  it('opens the slide named in the hash', async () => {
    const page = await openDeck(browser, DECK + '#3');
    await expectSlide(page, 3);
    assert.equal(await current(page).locator('wsis-forum-outcomes [part="root"]').count(), 1);
  });

  it('steps back and forward through the browser history', async () => {
    const page = await openDeck(browser, DECK);
    await expectSlide(page, 1);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 2);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 3);
    await page.goBack();
    await expectSlide(page, 2);
    await page.goBack();
    await expectSlide(page, 1);
    await page.goForward();
    await expectSlide(page, 2);
    assert.deepEqual(page.problems, []);
  });

  it('ignores a bad hash with a warning and starts at slide 1', async () => {
    for (const bad of ['#abc', '#999', '#0']) {
      const page = await openDeck(browser, DECK + bad);
      await expectSlide(page, 1);
      assert.ok(page.warnings.some((w) => w.includes(`"${bad}" ignored`)), `${bad}: ${JSON.stringify(page.warnings)}`);
      assert.deepEqual(page.problems, []);
    }
  });

  it('skips unknown slides and parameters with a console warning, never a failure', async () => {
    const page = await openDeck(browser, '/present.html?slides=matrix,foo,al:C99,forum:twenty,pledges&bogus=1&lang=xx&theme=blue&refresh=-3');
    await expectSlide(page, 1, 2);
    const warnings = page.warnings.join('\n');
    for (const w of ['"foo"', 'al:C99', 'forum:twenty', '"bogus"', 'lang="xx"', 'theme="blue"', 'refresh="-3"']) {
      assert.ok(warnings.includes(w), `a warning names ${w}:\n${warnings}`);
    }
    assert.equal(await page.locator('wsis-sdg-matrix').first().getAttribute('lang'), 'en');
    await page.keyboard.press('PageDown');
    await onSlide(page, 2);
    assert.equal(await current(page).locator('p2c-pledges').count(), 1);
    assert.deepEqual(page.problems, []);
  });

  it('shows the default deck when nothing is given: overview, all 18 Action Lines, the latest forum, pledges', async () => {
    const page = await openDeck(browser, '/present.html');
    await expectSlide(page, 1, 21);
    await page.keyboard.press('ArrowRight');
    await onSlide(page, 2);
    assert.equal(await current(page).locator('wsis-sdg-matrix').getAttribute('action-line'), 'C1');
    await page.keyboard.press('End');
    await onSlide(page, 21);
    await page.keyboard.press('ArrowLeft');
    await onSlide(page, 20);
    assert.equal(await current(page).locator('wsis-forum-outcomes').getAttribute('year'), null, 'the latest year');
  });

  it('reads a talk from a deck file; URL parameters override it', async () => {
    const deck = JSON.parse(readFileSync(join(ROOT, 'www/talks/wsis-forum-2026.json'), 'utf8'));
    const page = await openDeck(browser, '/present.html?deck=talks/wsis-forum-2026.json&lang=fr#2');
    await expectSlide(page, 2, deck.slides.length);
    assert.equal(await page.title(), deck.title);
    const widget = current(page).locator('wsis-sdg-matrix');
    assert.equal(await widget.getAttribute('action-line'), deck.slides[1].id);
    assert.equal(await widget.getAttribute('lang'), 'fr');
    assert.equal(await widget.getAttribute('theme'), deck.theme);
    assert.equal(await button(page, 'Suivante').count(), 1, 'the next button reads Suivante');
    assert.match(await page.locator(tid('counter')).textContent(), /Diapositive 2 sur 6/);
    assert.deepEqual(page.problems, []);
  });

  it('lays the deck out right to left in Arabic', async () => {
    const page = await openDeck(browser, DECK + '&lang=ar');
    await onSlide(page, 1);
    assert.equal(await page.locator(tid('deck')).getAttribute('dir'), 'rtl');
    assert.equal(await button(page, 'التالي').count(), 1, 'the next button reads التالي');
    assert.equal(await page.locator('wsis-sdg-matrix').first().getAttribute('lang'), 'ar');
    const prev = await button(page, 'السابق').boundingBox();
    const next = await button(page, 'التالي').boundingBox();
    assert.ok(prev.x > next.x, 'previous is on the right in a right-to-left deck');
  });

  const badDecks = [
    ['talks/bad-type.json', { status: 200, body: JSON.stringify({ slides: [{ type: 'matrix' }, { type: 'pledges' }, { type: 'foo' }] }) },
      'talks/bad-type.json: slides[2].type: unknown slide type "foo"'],
    ['talks/bad-line.json', { status: 200, body: JSON.stringify({ slides: [{ type: 'action-line', id: 'C7' }] }) },
      'talks/bad-line.json: slides[0].id: "C7" is not an Action Line'],
    ['talks/bad-lang.json', { status: 200, body: JSON.stringify({ lang: 'de', slides: [{ type: 'matrix' }] }) },
      'talks/bad-lang.json: lang: "de" is not one of'],
    ['talks/not-json.json', { status: 200, body: '{"slides": [' }, 'talks/not-json.json: not valid JSON'],
    ['talks/missing.json', { status: 404, body: 'not here' }, 'talks/missing.json: the server answered HTTP 404'],
    ['talks/markup.json', { status: 200, body: JSON.stringify({ slides: [{ type: '<img src=x onerror=alert(1)>' }] }) },
      'talks/markup.json: slides[0].type: unknown slide type "<img src=x onerror=alert(1)>"'],
  ];
  for (const [file, response, message] of badDecks) {
    it(`shows a bad deck file as an error naming the file and the JSON path: ${file}`, async () => {
      const page = await openDeck(browser, `/present.html?deck=${file}`, {
        route: (p) => p.route(`**/${file}`, (r) => r.fulfill({ ...response, contentType: 'application/json' })),
      });
      const error = presenter(page).getByRole('alert');
      await error.waitFor({ timeout: 10000 });
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.ok((await error.textContent()).startsWith(message), await error.textContent());
      assert.equal(await page.locator('wsis-presenter img').count(), 0, 'text, never markup');
      assert.ok(await error.isVisible());
      const size = await error.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(size >= 20);
    });
  }
});

describe('presenter: the live pledge slide', () => {
  after(() => closeContexts(browser));

  it('keeps polling while other slides are shown, and counts up when an announcement lands', async () => {
    const last = PLEDGES.milestones.at(-1);
    const raised = last.usd + 2_000_000_000;
    const next = structuredClone(PLEDGES);
    next.milestones.at(-1).usd = raised;
    let requests = 0;
    let body = JSON.stringify(PLEDGES);
    const page = await openDeck(browser, '/present.html?slides=pledges,matrix,al:C1,al:C2&refresh=1', {
      route: (p) => p.route('**/data/p2c-pledges.json', (r) => {
        requests += 1;
        return r.fulfill({ status: 200, contentType: 'application/json', body, headers: { 'cache-control': 'no-store' } });
      }),
    });
    await expectSlide(page, 1);
    const total = page.locator(`p2c-pledges ${tid('total')}`);
    assert.equal(Number(await total.getAttribute('data-value')), last.usd);
    await page.keyboard.press('End');
    await expectSlide(page, 4);
    assert.deepEqual(await mounted(page), [1, 3, 4]);
    const before = requests;
    await page.waitForTimeout(3500);
    assert.ok(requests >= before + 2, `polled ${requests - before} times in 3.5 s while on slide 4`);
    const update = page.evaluate(() => new Promise((resolve) => {
      document.querySelector('wsis-presenter').shadowRoot.querySelector('p2c-pledges')
        .addEventListener('p2c-update', (e) => resolve(e.detail), { once: true });
    }));
    body = JSON.stringify(next);
    const detail = await update;
    assert.equal(detail.totalUsd, raised);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    await page.waitForFunction((v) => document.querySelector('wsis-presenter').shadowRoot.querySelector('p2c-pledges')
      .shadowRoot.querySelector('[data-testid="total"]').getAttribute('data-value') === String(v), raised, { timeout: 10000 });
    assert.deepEqual(page.problems, []);
  });
});

// Everything the audience sees must fit: no scroll bars, every visible element inside the slide,
// no text under 20 px, and the widget's body text at least 28 px on a 1920×1080 projector.
async function audit(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.scrollingElement;
    if (doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight) {
      problems.push(`page scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${doc.clientWidth}×${doc.clientHeight}`);
    }
    const deck = document.querySelector('wsis-presenter').shadowRoot;
    const slide = deck.querySelector('.slide.current');
    const box = slide.getBoundingClientRect();
    const widget = slide.firstElementChild;
    for (const el of [slide, widget]) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(`<${el.localName}> content is ${el.scrollWidth}×${el.scrollHeight} in a ${el.clientWidth}×${el.clientHeight} box`);
      }
    }
    const root = widget.shadowRoot.querySelector('[part="root"]');
    const bodySize = parseFloat(getComputedStyle(root).fontSize);
    const name = (el) => `<${el.localName}${el.dataset && el.dataset.testid ? ` data-testid="${el.dataset.testid}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;
    const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const elements = [];
    const walk = (node) => {
      for (const el of node.children) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(slide);
    let checked = 0;
    for (const el of elements) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      const srOnly = r.width <= 1 && r.height <= 1;
      if (!srOnly && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)) {
        problems.push(`${name(el)} "${el.textContent.trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} is outside the slide ${Math.round(box.right)}×${Math.round(box.bottom)}`);
      }
      if (!ownText(el) || srOnly) continue;
      checked += 1;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGElement && el.getScreenCTM) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < 19.99) problems.push(`${name(el)} "${el.textContent.trim().slice(0, 40)}" is ${size.toFixed(1)} px`);
      if (!(el instanceof SVGElement) && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} "${el.textContent.trim().slice(0, 40)}" is cut off (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
      }
    }
    return { problems, bodySize, checked };
  });
}

for (const [width, height] of [[1280, 720], [1920, 1080], [3840, 2160]]) {
  describe(`presenter: legible at ${width}×${height}`, () => {
    let page;
    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      page = await openDeck(browser, DECK + '&theme=light', { viewport: { width, height } });
      await onSlide(page, 1);
    });
    after(() => closeContexts(browser));

    NAMES.forEach((slideName, i) => {
      it(`${slideName}: no scroll bars, nothing outside the slide, no text under 20 px`, async () => {
        await page.evaluate((n) => { location.hash = '#' + n; }, i + 1);
        await onSlide(page, i + 1);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, `present-${slideName}-${width}x${height}.png`) });
        if (slideName === 'action-line' && width === 1920) {
          await page.screenshot({ path: join(ROOT, 'docs/screenshots/present-action-line.png') });
        }
        const { problems, bodySize, checked } = await audit(page);
        assert.ok(checked > 3, `only ${checked} text elements found`);
        if (width === 1920) assert.ok(bodySize >= 28, `body text ${bodySize} px at 1920×1080`);
        assert.ok(bodySize >= 20, `body text ${bodySize} px`);
        assert.deepEqual(problems, [], `${problems.length} problems (screenshot in ${SHOTS})`);
      });
    });

    if (width === 1280) {
      it('the audit is a working instrument: it sees small text and an element outside the slide', async () => {
        await page.evaluate(() => { location.hash = '#1'; });
        await onSlide(page, 1);
        await page.evaluate(() => {
          const root = document.querySelector('wsis-presenter').shadowRoot
            .querySelector('.slide.current wsis-sdg-matrix').shadowRoot.querySelector('[part="root"]');
          const small = document.createElement('span');
          small.textContent = 'planted small text';
          small.style.fontSize = '12px';
          const wide = document.createElement('p');
          wide.textContent = 'planted wide text';
          wide.style.width = '5000px';
          root.append(small, wide);
        });
        const { problems } = await audit(page);
        assert.ok(problems.some((p) => p.includes('"planted small text" is 12.0 px')), problems.join('\n'));
        assert.ok(problems.some((p) => p.includes('"planted wide text"') && p.includes('outside the slide')), problems.join('\n'));
        await page.reload();
        await onSlide(page, 1);
      });
    }

    it('the counter bar is legible too', async () => {
      const sizes = await page.evaluate(() => [...document.querySelector('wsis-presenter').shadowRoot.querySelectorAll('.bar button, .bar .counter')]
        .map((el) => parseFloat(getComputedStyle(el).fontSize)));
      assert.ok(sizes.every((s) => s >= 20), JSON.stringify(sizes));
    });
  });
}

describe('presenter: contrast and accessibility', () => {
  after(() => closeContexts(browser));

  for (const theme of ['light', 'dark']) {
    it(`no serious or critical axe violations, ${theme} theme, on every slide`, async () => {
      const page = await openDeck(browser, DECK + `&theme=${theme}`, { bypassCSP: true });
      await onSlide(page, 1);
      await page.addScriptTag({ content: AXE });
      for (let n = 1; n <= NAMES.length; n++) {
        await page.evaluate((k) => { location.hash = '#' + k; }, n);
        await onSlide(page, n);
        const found = await page.evaluate(async () => {
          const deck = document.querySelector('wsis-presenter').shadowRoot;
          const result = await window.axe.run(document, {
            resultTypes: ['violations'],
            exclude: [...deck.querySelectorAll('.slide:not(.current)')].map((s) => [['wsis-presenter', `.slide[data-index="${s.dataset.index}"]`]]),
          });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary}`);
        });
        assert.deepEqual(found, [], `slide ${n}`);
      }
    });
  }
});
