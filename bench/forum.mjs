// Forum widget at several sizes: first paint, search keystroke and SDG filter. Prints JSON.
import { KEYS, LOADS, QUERIES, SDG_TOGGLES, interactions, launch, openPage, profileInteractions, stats } from './common.mjs';

const SIZES = (process.env.BENCH_FORUM_SIZES || '500,5000,20000').split(',').map(Number);
// Fewer loads than the matrix by default: at 20,000 sessions one load takes seconds.
const FORUM_LOADS = Number(process.env.BENCH_FORUM_LOADS || Math.ceil(LOADS / 2));
const FORUM_QUERIES = ['s', 'sy', 'syn', 'session 1', 'session 12', 'C5', 'e-gov', 'x', ...QUERIES];

const browser = await launch();
const out = { loads: FORUM_LOADS };
for (const n of SIZES) {
  const paint = [];
  let search = [];
  let filter = [];
  for (let i = 0; i < FORUM_LOADS; i += 1) {
    const { context, page, result } = await openPage(browser, `/bench/pages/forum.html?n=${n}`);
    paint.push(result.dataReadyToPainted);
    if (i === 0) {
      search = await interactions(page, 'benchKeystroke', FORUM_QUERIES, KEYS);
      await interactions(page, 'benchKeystroke', [''], 1);
      filter = await interactions(page, 'benchFilter', SDG_TOGGLES, KEYS);
    }
    await context.close();
  }
  out[n] = { firstPaint: stats(paint), keystroke: stats(search), filter: stats(filter) };
}
// Where a keystroke's time goes at 5,000 sessions, ×4 (names-kept build, as for the matrix).
if (process.env.BENCH_PROFILE_FORUM) {
  out.profile = await profileInteractions(browser, '/bench/pages/forum.html?n=5000&profile', 'benchKeystroke',
    FORUM_QUERIES, process.env.BENCH_PROFILE_FORUM);
}
await browser.close();
console.log(JSON.stringify(out));
