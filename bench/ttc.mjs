// Time to content on a slow network (issue 12): the matrix pre-rendered, our page without
// pre-render, the vanilla-JS page and the Vega-Lite page, side by side in one browser, each load
// in a fresh context with Chromium's network emulation (150 ms latency, 1.6 Mbit/s down,
// 750 kbit/s up, the "Fast 3G" figures), the HTTP cache disabled and the CPU throttled ×4.
//
// Per load, all times from navigation start (`performance.now()` of the page's own document):
// - contentVisible: all 123 linked cells of the grid are in the DOM, laid out and visible
//   (`checkVisibility()`, non-empty box), every stylesheet `<link>` in the widget's root has loaded,
//   and then a frame and a task went by (the frame that paints them; "painted" as in matrix.mjs).
//   The same probe, polled once per animation frame, for every page — the pre-rendered page too,
//   whose cells are in the HTML: there it is the first painted frame with the cells in the DOM
//   and the stylesheet applied. `cellsPainted` is the same without the stylesheet condition and
//   `fcp` the browser's first-contentful-paint, both for reference.
// - interactive: once content is visible and (for our widget) the live widget has said
//   `wsis-ready`, one letter is typed into the search box (value set, `input` event, as
//   bench/pages/keystroke.js) — the box and the count shown (`checkVisibility()`), as during a
//   takeover the root can hold the pre-rendered copy and the live one at once; the time is when
//   the count (`p[role=status][aria-live]`) shows fewer than all links and a frame and a task have gone
//   by. No answer within RETRY_MS: the box is looked up again and the next letter typed (30 tries;
//   a load never answered is listed under `unanswered` with what the widget showed). Vega-Lite
//   has no search: no interactive figure.
// - layout shift: the `layout-shift` entries (document-wide, so shifts inside shadow roots count)
//   from navigation to 1 s after the last figure, leaving out, as the browser does after real
//   input, those in the 500 ms after the synthetic keystroke (a script-dispatched event does not
//   set `hadRecentInput`); `clsBeforeKeystroke` is the part before typing, i.e. the load and the
//   takeover.
// - bytes: the sum of `Network.loadingFinished` `encodedDataLength` (what came over the wire,
//   headers included), and which URLs were requested, with their `Content-Encoding`.
//
// Standalone: `BASE_URL=http://127.0.0.1:8099 node bench/ttc.mjs` against
// `cargo xtask serve --with-tests --no-build --port 8099` (the vanilla page needs
// bench/pages/generated/widget-css.js, written by `cargo xtask bench`). BENCH_TTC_LOADS loads per
// page (default 15); BENCH_TTC_PAGES=prerendered,plain,vanilla,vega a subset; BENCH_DEBUG=1 each
// load's figures on stderr. Prints one JSON object on stdout and a summary on stderr.
import { launch, stats } from './common.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8099';
const LOADS = Number(process.env.BENCH_TTC_LOADS || 15);
/** The matrix-only bundle the one-widget pages load (`cargo xtask build` always makes it). */
const MATRIX_BUNDLE = '/dist/wsis-sdg-matrix.js';
/** Chromium DevTools protocol figures: ms, bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 };
const CPU_RATE = 4;
const LINKS = 123;
/** Letters that each leave fewer than all 123 links (q: 51, j: 18, x: 26, z: 48 of them). */
const LETTERS = ['q', 'j', 'x', 'z'];
const RETRY_MS = 1000;
const LOAD_TIMEOUT_MS = 120000;

const ours = {
  host: 'wsis-sdg-matrix', shadow: true, cell: '[data-linked="true"]',
  search: 'input[type="search"]', count: 'p[role="status"][aria-live]', waitReady: true,
};
const PAGES = {
  prerendered: { path: '/bench/pages/ttc-prerendered.html', ...ours },
  preloaded: { path: '/bench/pages/ttc-preloaded.html', ...ours },
  plain: { path: '/bench/pages/ttc-plain.html', ...ours },
  vanilla: { ...ours, path: '/bench/pages/vanilla.html', host: '#matrix', waitReady: false },
  vega: { path: '/bench/pages/vega.html', host: '#matrix', shadow: false, cell: 'svg .mark-rect path', search: null },
};

/** Runs in the page before any of its scripts (an init script), in every frame. */
function probe(cfg) {
  if (window.top !== window) return;
  const out = {
    cellsPainted: null, contentVisible: null, fcp: null, ready: null,
    keystroke: null, answered: null, interactive: null, attempts: 0, end: null, shifts: [],
  };
  window.__ttc = out;
  const now = () => performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) out.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && out.fcp === null) out.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  window.addEventListener('wsis-ready', () => {
    if (out.ready === null) out.ready = now();
    readyResolve();
  }, true);

  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const rootOf = () => {
    const host = document.querySelector(cfg.host);
    return host && (cfg.shadow ? host.shadowRoot : host);
  };
  const shown = (el) => {
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  /** At least `min` of the cells are in the DOM and visible (any of them: a takeover may hold a
   * hidden copy next to the shown one). */
  const cellsShown = (root, min) => {
    const cells = root.querySelectorAll(cfg.cell);
    if (cells.length < min) return false;
    let n = 0;
    for (const cell of cells) if (shown(cell) && (n += 1) >= min) return true;
    return false;
  };
  const styled = (root) => [...root.querySelectorAll('link[rel~="stylesheet"]')].every((l) => l.sheet);
  /** The first shown match of `selector` (a takeover may hold a hidden copy), else the first. */
  const pick = (root, selector) => {
    const all = root ? [...root.querySelectorAll(selector)] : [];
    return all.find((el) => !el.checkVisibility || el.checkVisibility()) || all[0] || null;
  };
  const countShowsFewer = (root) => {
    const el = pick(root, cfg.count);
    const first = el && /\d[\d,.\s]*/.exec(el.textContent);
    return !!first && Number(first[0].replace(/\D/g, '')) !== cfg.links;
  };

  async function finish() {
    if (cfg.search && out.answered === null) {
      // Not answered: what the widget showed, for the report.
      const root = rootOf();
      out.unanswered = root && {
        inputs: [...root.querySelectorAll(cfg.search)].map((el) => [el.value, el.checkVisibility()]),
        counts: [...root.querySelectorAll(cfg.count)].map((el) => [el.textContent, el.checkVisibility()]),
        children: [...root.children].map((el) => `${el.localName}.${el.className}`),
      };
    }
    await sleep(1000);
    out.end = now();
    console.debug('__ttc_done');
  }

  async function interact() {
    // The live widget must be mounted; a minute without wsis-ready and it is tried anyway.
    if (cfg.waitReady) await Promise.race([ready, sleep(60000)]);
    for (let attempt = 0; attempt < 30 && out.answered === null; attempt += 1) {
      const root = rootOf();
      const input = pick(root, cfg.search);
      if (!input || !pick(root, cfg.count)) {
        await sleep(50);
        continue;
      }
      const letter = cfg.letters[out.attempts % cfg.letters.length];
      out.attempts += 1;
      if (out.keystroke === null) out.keystroke = now();
      const observer = new MutationObserver(() => {
        if (out.answered === null && countShowsFewer(rootOf())) out.answered = now();
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      input.value = letter;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: letter }));
      const start = now();
      while (out.answered === null && now() - start < cfg.retryMs) {
        // The count may be swapped in with a new root (takeover): look at the current one too.
        if (countShowsFewer(rootOf())) out.answered = now();
        else await frame();
      }
      observer.disconnect();
    }
    if (out.answered !== null) {
      await afterPaint();
      out.interactive = now();
    }
    finish();
  }

  (async () => {
    for (;;) {
      await frame();
      const root = rootOf();
      if (!root || !cellsShown(root, cfg.minCells)) continue;
      const isStyled = styled(root);
      // The frame about to be drawn holds the cells: one more task and it has been painted.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (out.cellsPainted === null) out.cellsPainted = now();
      if (isStyled) break;
    }
    out.contentVisible = now();
    if (cfg.search) interact();
    else finish();
  })();
}

const median = (xs) => (xs.length ? stats(xs).median : null);
/** stats() of common.mjs plus p10 and p90; null when nothing was measured. */
function spread(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { ...stats(v), p10: q(0.1), p90: q(0.9) };
}

/** One load of `path` in a new context, throttled; resolves with the page's figures. */
async function load(browser, name, path, cfg) {
  const context = await browser.newContext();
  await context.addInitScript(probe, { ...cfg, minCells: cfg.minCells ?? LINKS, links: LINKS, letters: LETTERS, retryMs: RETRY_MS });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
  if (process.env.BENCH_DEBUG) {
    page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) console.error(`${name} console: ${m.text()}`); });
  }
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, bytes: 0, status: null, encoding: '', done: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] || '';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { failed: e.errorText, done: true });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  let timer;
  const done = new Promise((resolve, reject) => {
    page.on('console', (m) => { if (m.text() === '__ttc_done') resolve(); });
    timer = setTimeout(() => reject(new Error(`${name}: no result within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
  });
  let error = null;
  try {
    await page.goto(`${BASE}${path}`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await done;
  } catch (e) {
    error = e.message;
    console.error(error);
  }
  clearTimeout(timer);
  const r = await page.evaluate(() => window.__ttc).catch(() => null);
  await context.close();
  if (!r) return { error: error || 'no figures' };
  const inInputWindow = ([t]) => r.keystroke !== null && t >= r.keystroke && t < r.keystroke + 500;
  const sum = (xs) => xs.reduce((a, [, v]) => a + v, 0);
  const all = [...requests.values()];
  return {
    ...r,
    error,
    cls: sum(r.shifts.filter((s) => !inInputWindow(s))),
    clsBeforeKeystroke: sum(r.shifts.filter(([t]) => r.keystroke === null || t < r.keystroke)),
    bytes: all.reduce((a, q) => a + q.bytes, 0),
    requests: all.map((q) => ({ path: new URL(q.url).pathname, bytes: q.bytes, status: q.status, encoding: q.encoding, failed: q.failed })),
  };
}

// The pre-rendered pages only if the server fills their include in.
const notes = [];
const prerenderedHtml = await (await fetch(`${BASE}${PAGES.prerendered.path}`)).text();
const prerenderThere = /shadowrootmode/.test(prerenderedHtml) && !prerenderedHtml.includes('<!--#prerendered');
if (!prerenderThere) notes.push('the server does not fill in <!--#prerendered …-->: the pre-rendered page is skipped');
// BENCH_TTC_PAGES=plain,vanilla narrows the run while developing.
const only = (process.env.BENCH_TTC_PAGES || '').split(',').filter(Boolean);
const pages = Object.fromEntries(Object.entries(PAGES)
  .filter(([name]) => !['prerendered', 'preloaded'].includes(name) || prerenderThere)
  .filter(([name]) => !only.length || only.includes(name)));

const browser = await launch();
const out = {
  chromium: browser.version(), loads: LOADS, network: NETWORK, cpuRate: CPU_RATE,
  bundle: MATRIX_BUNDLE, notes, pages: {},
};

// The pages take turns load by load, so a burst of load on the (two-core) machine hits all alike.
const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
for (let i = 0; i < LOADS; i += 1) {
  for (const [name, cfg] of Object.entries(pages)) {
    const r = await load(browser, name, cfg.path, cfg);
    samples[name].push(r);
    if (process.env.BENCH_DEBUG) console.error(name, i, JSON.stringify({ ...r, requests: undefined }));
  }
}
await browser.close();

const FIGURES = ['contentVisible', 'cellsPainted', 'fcp', 'ready', 'keystroke', 'interactive', 'cls', 'clsBeforeKeystroke', 'bytes'];
for (const [name, runs] of Object.entries(samples)) {
  const ok = runs.filter((r) => !r.error);
  const page = { path: pages[name].path, failures: runs.length - ok.length, errors: [...new Set(runs.map((r) => r.error).filter(Boolean))] };
  for (const f of FIGURES) page[f] = spread(ok.map((r) => r[f]));
  page.attemptsMax = Math.max(0, ...ok.map((r) => r.attempts || 0));
  page.unanswered = ok.filter((r) => r.unanswered).map((r) => r.unanswered);
  // Requested URLs, in the order of the first load, with the median bytes over all loads.
  const byPath = new Map();
  for (const r of ok) for (const q of r.requests) {
    if (!byPath.has(q.path)) byPath.set(q.path, { path: q.path, status: q.status, encoding: q.encoding, sizes: [] });
    byPath.get(q.path).sizes.push(q.bytes);
  }
  page.requests = [...byPath.values()].map(({ sizes, ...q }) => ({ ...q, bytes: median(sizes), loads: sizes.length }));
  page.dist = page.requests.map((q) => q.path).filter((p) => p.startsWith('/dist/'));
  out.pages[name] = page;
}

const m = (name, f) => out.pages[name]?.[f]?.median ?? null;
const ratio = (a, b) => (a !== null && b ? a / b : null);
out.ratios = {
  contentPrerenderedVsVanilla: ratio(m('prerendered', 'contentVisible'), m('vanilla', 'contentVisible')),
  contentPrerenderedVsVega: ratio(m('prerendered', 'contentVisible'), m('vega', 'contentVisible')),
  contentPlainVsVanilla: ratio(m('plain', 'contentVisible'), m('vanilla', 'contentVisible')),
  contentPlainVsVega: ratio(m('plain', 'contentVisible'), m('vega', 'contentVisible')),
  interactivePrerenderedVsVanillaContent: ratio(m('prerendered', 'interactive'), m('vanilla', 'contentVisible')),
  interactivePlainVsVanillaContent: ratio(m('plain', 'interactive'), m('vanilla', 'contentVisible')),
};

// A summary for a person running this alone.
const ms = (s) => (s ? `${s.median.toFixed(0)} ms (p10–p90 ${s.p10.toFixed(0)}–${s.p90.toFixed(0)}, n=${s.n})` : '—');
console.error(`time to content, ${LOADS} loads per page, ${NETWORK.latency} ms, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s, CPU ×${CPU_RATE}; ${notes.join('; ')}`);
for (const [name, p] of Object.entries(out.pages)) {
  console.error(`${name.padEnd(12)} content ${ms(p.contentVisible)}; interactive ${ms(p.interactive)}; `
    + `CLS ${p.cls ? p.cls.median.toFixed(4) : '—'} (max ${p.cls ? p.cls.max.toFixed(4) : '—'}); `
    + `${p.bytes ? (p.bytes.median / 1024).toFixed(1) : '—'} kB; ${p.failures} failed, ${p.unanswered.length} unanswered; dist: ${p.dist.join(' ') || '—'}`);
}
console.error(`ratios: ${Object.entries(out.ratios).map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(2)}`).join(', ')}`);
console.log(JSON.stringify(out));
