// Pledge widget: time from a new file to the repainted total, and memory (JS heap after garbage
// collection, wasm linear memory) before and after many updates. Prints one JSON object.
import { heapAfterGc, launch, openPage, stats } from './common.mjs';

const UPDATES = Number(process.env.BENCH_UPDATES || 10000);

const browser = await launch();
// Reduced motion: the new total is drawn at once, without the count-up animation.
const { context, page } = await openPage(browser, '/bench/pages/pledges.html', { reducedMotion: 'reduce' });
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
await page.waitForFunction(() => document.querySelector('p2c-pledges')?.shadowRoot?.querySelector('[data-testid="total"]'));
await page.evaluate(() => window.benchUpdate(1));
const wasm = () => page.evaluate(() => window.benchWasmMemory());
const before = await heapAfterGc(cdp);
const wasmBefore = await wasm();
const times = await page.evaluate(async (count) => {
  const out = [];
  for (let n = 2; n < count + 2; n += 1) out.push(await window.benchUpdate(n));
  return out;
}, UPDATES);
const after = await heapAfterGc(cdp);
const wasmAfter = await wasm();
await browser.close();
console.log(JSON.stringify({
  updates: UPDATES, repaint: stats(times), heapBefore: before, heapAfter: after, wasmBefore, wasmAfter,
}));
