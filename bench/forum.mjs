// Forum widget at several sizes: first paint and search keystroke. Prints one JSON object.
import { chromium } from 'playwright-core';
import { FLAGS as flags, stats } from './common.mjs';

const BASE = process.env.BASE_URL;
const SIZES = (process.env.BENCH_FORUM_SIZES || '500,5000,20000').split(',').map(Number);
const LOADS = Number(process.env.BENCH_FORUM_LOADS || 5);
const KEYS = Number(process.env.BENCH_FORUM_KEYS || 20);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
const out = {};
for (const n of SIZES) {
  const paint = [];
  const keys = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/bench/pages/forum.html?n=${n}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 120000 });
    paint.push((await page.evaluate(() => window.benchResult)).dataReadyToPainted);
    if (i === 0) {
      const queries = ['s', 'sy', 'syn', 'session 1', 'session 12', 'C5', 'e-gov', 'x'];
      for (let k = 0; keys.length < KEYS && k < KEYS * 5; k += 1) {
        const t = await page.evaluate((q) => window.benchKeystroke(q), queries[k % queries.length]);
        if (t > 0) keys.push(t);
      }
    }
    await context.close();
  }
  out[n] = { firstPaint: stats(paint), keystroke: stats(keys) };
}
await browser.close();
console.log(JSON.stringify(out));
