// Browser half of `cargo xtask bench`: prints one JSON object on stdout.
import { chromium } from 'playwright-core';
import { FLAGS as flags, stats } from './common.mjs';

const BASE = process.env.BASE_URL;
const LOADS = Number(process.env.BENCH_LOADS || 20);
const KEYS = Number(process.env.BENCH_KEYS || 50);


const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
const version = browser.version();
const dataToPaint = [];
const scriptToPaint = [];
for (let i = 0; i < LOADS; i += 1) {
  // A fresh context each time: no HTTP cache, no compiled-module cache.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/bench/pages/matrix.html`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.benchResult);
  dataToPaint.push(r.dataReadyToPainted);
  scriptToPaint.push(r.scriptStartToPainted);
  await context.close();
}

const keystrokes = {};
for (const rate of [1, 4]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${BASE}/bench/pages/matrix.html`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 30000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // Typing that changes what is shown at every step (a keystroke that changes nothing on
  // screen leaves no DOM mutation to time, so it is not counted).
  const words = ['gender', 'health', 'climate', 'water', 'energy', 'media', 'poverty', 'trade', 'youth', 'cities'];
  const queries = [];
  for (const w of words) for (let n = 1; n <= 4; n += 1) queries.push(w.slice(0, n));
  const times = [];
  for (let i = 0; times.length < KEYS && i < 10 * KEYS; i += 1) {
    const t = await page.evaluate((q) => window.benchKeystroke(q), queries[i % queries.length]);
    if (t > 0) times.push(t);
  }
  keystrokes[`x${rate}`] = stats(times);
  if (process.env.BENCH_DEBUG) console.error(rate, JSON.stringify(times));
  await context.close();
}
await browser.close();

console.log(JSON.stringify({
  chromium: version,
  loads: LOADS,
  dataReadyToPainted: stats(dataToPaint),
  scriptStartToPainted: stats(scriptToPaint),
  searchKeystroke: keystrokes,
}));
