// Browser half of `cargo xtask bench`: prints one JSON object on stdout.
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL;
const LOADS = Number(process.env.BENCH_LOADS || 20);
const KEYS = Number(process.env.BENCH_KEYS || 50);
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};

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
  const word = 'broadband';
  const times = [];
  for (let i = 0; times.length < KEYS; i += 1) {
    const prefix = word.slice(0, (i % (word.length + 1)));
    times.push(await page.evaluate((t) => window.benchKeystroke(t), prefix));
  }
  keystrokes[`x${rate}`] = stats(times);
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
