// The matrix against its baselines, in one browser: first render of ours, the vanilla-JS page
// and the Vega-Lite heatmap; search keystroke and SDG filter of ours and the vanilla page at CPU
// ×1 and ×4. Prints one JSON object on stdout.
import { KEYS, LOADS, QUERIES, SDG_TOGGLES, interactions, launch, openPage, profileInteractions, stats } from './common.mjs';

const PAGES = {
  ours: { path: '/bench/pages/matrix.html', cells: 306 },
  vanilla: { path: '/bench/pages/vanilla.html', cells: 306 },
  vega: { path: '/bench/pages/vega.html', cells: 123 },
};

const browser = await launch();
const out = { chromium: browser.version(), loads: LOADS, render: {}, interaction: {} };

// First render. The three pages take turns, so a burst of load on the machine (it has two
// cores) hits all of them alike rather than one.
const samples = Object.fromEntries(Object.keys(PAGES).map((k) => [k, { data: [], script: [] }]));
for (let i = 0; i < LOADS; i += 1) {
  for (const [name, { path, cells }] of Object.entries(PAGES)) {
    const { context, result } = await openPage(browser, path);
    if (result.cells !== cells) throw new Error(`${name}: ${result.cells} cells drawn, expected ${cells}`);
    samples[name].data.push(result.dataReadyToPainted);
    samples[name].script.push(result.scriptStartToPainted);
    await context.close();
  }
}
for (const [name, s] of Object.entries(samples)) {
  out.render[name] = { dataReadyToPainted: stats(s.data), scriptStartToPainted: stats(s.script) };
}

// The vanilla page is only a fair baseline if its grid is ours, element for element.
const gridShape = () => {
  const host = document.querySelector('wsis-sdg-matrix') || document.getElementById('matrix');
  return [...host.shadowRoot.querySelectorAll('table.grid, table.grid *')].map((el) => [el.localName,
    el.getAttribute('class') || '', el.dataset.testid || '', el.getAttribute('role') || ''].join('|'));
};
{
  const a = await openPage(browser, PAGES.ours.path);
  const b = await openPage(browser, PAGES.vanilla.path);
  const [ours, vanilla] = [await a.page.evaluate(gridShape), await b.page.evaluate(gridShape)];
  const first = ours.findIndex((x, i) => x !== vanilla[i]);
  out.sameGridDom = first < 0 && ours.length === vanilla.length;
  out.gridElements = ours.length;
  if (!out.sameGridDom) console.error(`grid DOM differs at element ${first}: ours ${ours[first]} vanilla ${vanilla[first]}`);
  await a.context.close();
  await b.context.close();
}

// Interactions: one page per variant and CPU rate; a few untimed rounds first so both are
// measured warm (JIT and Yew's first diff alike).
for (const name of ['ours', 'vanilla']) {
  out.interaction[name] = {};
  for (const rate of [1, 4]) {
    const { context, page } = await openPage(browser, PAGES[name].path);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await interactions(page, 'benchKeystroke', QUERIES.slice(0, 8), 8);
    await interactions(page, 'benchKeystroke', [''], 1);
    const search = await interactions(page, 'benchKeystroke', QUERIES, KEYS);
    await interactions(page, 'benchKeystroke', [''], 1);
    const filter = await interactions(page, 'benchFilter', SDG_TOGGLES, KEYS);
    out.interaction[name][`x${rate}`] = { search: stats(search), filter: stats(filter) };
    if (process.env.BENCH_DEBUG) console.error(name, rate, JSON.stringify({ search, filter }));
    await context.close();
  }
}

// Where the time goes, at ×4: CPU profiles over KEYS search keystrokes and KEYS SDG filter
// changes on ours, with the wasm function names kept (a build made for this under
// bench/pages/generated/dist/).
if (process.env.BENCH_PROFILE) {
  out.profile = await profileInteractions(browser, '/bench/pages/profile.html', 'benchKeystroke', QUERIES,
    process.env.BENCH_PROFILE);
  out.profileFilter = await profileInteractions(browser, '/bench/pages/profile.html', 'benchFilter', SDG_TOGGLES,
    process.env.BENCH_PROFILE.replace('keystroke', 'sdg-filter'));
}
await browser.close();
console.log(JSON.stringify(out));
