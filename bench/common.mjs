// Shared by the browser benchmarks: Debian's Chromium with a quiet network, and summary stats.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const BASE = process.env.BASE_URL;
export const LOADS = Number(process.env.BENCH_LOADS || 20);
export const KEYS = Number(process.env.BENCH_KEYS || 50);

/**
 * A new browser: Playwright starts Chromium with a new temporary profile, and every
 * `newContext()` inside it has its own empty HTTP and code caches, so nothing is warm.
 */
export const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

/** Opens `path` in a fresh context; resolves once the page has set `window.benchResult`. */
export async function openPage(browser, path, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${path}: ${e.message}`));
  await page.goto(`${BASE}${path}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 120000 });
  return { context, page, result: await page.evaluate(() => window.benchResult) };
}

/** JS heap in use after a full garbage collection (DevTools protocol), in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
}

/**
 * Calls `window[fn](arg)` with each of `args` in turn (cycling) until `count` calls changed the
 * DOM; a call that changed nothing on screen (0) has nothing to time and is not counted.
 */
export async function interactions(page, fn, args, count) {
  return page.evaluate(async ({ fn, args, count }) => {
    const times = [];
    for (let i = 0; times.length < count && i < 10 * count; i += 1) {
      const t = await window[fn](args[i % args.length]);
      if (t > 0) times.push(t);
    }
    return times;
  }, { fn, args, count });
}

// Typing that changes what is shown at every step: each word typed letter by letter.
const WORDS = ['gender', 'health', 'climate', 'water', 'energy', 'media', 'poverty', 'trade', 'youth', 'cities'];
export const QUERIES = WORDS.flatMap((w) => [1, 2, 3, 4].map((n) => w.slice(0, n)));
// An SDG picked, then all SDGs again: every change redraws the grid's columns.
export const SDG_TOGGLES = ['9', '', '3', '', '17', '', '4', '', '5', '', '11', '', '1', '', '16', ''];

/**
 * A CPU profile (DevTools `Profiler`) of KEYS calls of `window[fn](arg)` (`benchKeystroke`,
 * `benchFilter`) at CPU ×4 on the page at `path`, after eight untimed ones; saved to `file`.
 * Returns the interaction times and the functions with the most self time.
 */
export async function profileInteractions(browser, path, fn, args, file) {
  const { context, page } = await openPage(browser, path);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await interactions(page, fn, args.slice(0, 8), 8);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const times = await interactions(page, fn, args, KEYS);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  await context.close();
  return { times: stats(times), top: selfTimes(profile).slice(0, 25), saved: file };
}

/** Self time per function (ms as measured, i.e. throttled), largest first; idle time and
 * "(program)" (the browser's own work outside JS) are left out of the list and of the shares. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const file = f.url.split('/').pop();
    const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) || 0) + ms);
    if (!['(idle)', '(program)'].includes(f.functionName)) busy += ms;
  });
  return [...self.entries()].filter(([fn]) => !/^\((idle|program)\) /.test(fn)).sort((a, b) => b[1] - a[1])
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10, share: Math.round((1000 * ms) / busy) / 10 }));
}
