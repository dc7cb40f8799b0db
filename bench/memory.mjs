// Memory with all three widgets mounted, and after mounting and unmounting them 100 times: JS
// heap after garbage collection (DevTools protocol) and the wasm linear memory. Prints JSON.
import { heapAfterGc, launch, openPage } from './common.mjs';

const CYCLES = Number(process.env.BENCH_CYCLES || 100);
const browser = await launch();
const { context, page } = await openPage(browser, '/bench/pages/all.html');
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const snapshot = async () => ({ heap: await heapAfterGc(cdp), wasm: await page.evaluate(() => window.benchWasmMemory()) });

await page.evaluate(() => window.benchMount());
const mounted = await snapshot();
const cycleMs = await page.evaluate(async (cycles) => {
  const start = performance.now();
  for (let i = 0; i < cycles; i += 1) {
    window.benchUnmount();
    await window.benchMount();
  }
  return (performance.now() - start) / cycles;
}, CYCLES);
await page.evaluate(() => window.benchUnmount());
const unmounted = await snapshot();
await page.evaluate(() => window.benchMount());
const remounted = await snapshot();
await browser.close();
console.log(JSON.stringify({ cycles: CYCLES, cycleMs, mounted, unmounted, remounted }));
