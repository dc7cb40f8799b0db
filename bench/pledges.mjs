// Pledge widget: time from a new file to the repainted total, and JS heap before and after
// many updates (after forced garbage collection). Prints one JSON object.
import { chromium } from 'playwright-core';
import { FLAGS as flags, stats } from './common.mjs';

const BASE = process.env.BASE_URL;
const UPDATES = Number(process.env.BENCH_UPDATES || 10000);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
const context = await browser.newContext({ reducedMotion: 'reduce' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(`${BASE}/bench/pages/pledges.html`);
await page.waitForFunction(() => document.querySelector('p2c-pledges')?.shadowRoot?.querySelector('[data-testid="total"]'));
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
};
await page.evaluate(() => window.benchUpdate(1));
const before = await heap();
const times = await page.evaluate(async (count) => {
  const out = [];
  for (let n = 2; n < count + 2; n += 1) out.push(await window.benchUpdate(n));
  return out;
}, UPDATES);
const after = await heap();
await browser.close();
console.log(JSON.stringify({ updates: UPDATES, repaint: stats(times), heapBefore: before, heapAfter: after }));
