// Live-update benchmark: `fetch` of /bench/live.json?n=N is answered in the page with the real
// pledge file whose last total is raised by N million, so each update costs parse + render only.
const base = await (await fetch('/data/p2c-pledges.json')).json();
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const match = url.match(/\/bench\/live\.json\?n=(\d+)/);
  if (!match) return realFetch(input, init);
  const doc = structuredClone(base);
  const last = doc.milestones[doc.milestones.length - 1];
  last.usd += Number(match[1]) * 1e6;
  return Promise.resolve(new Response(JSON.stringify(doc), { status: 200, headers: { 'Content-Type': 'application/json' } }));
};
window.benchBaseTotal = base.milestones[base.milestones.length - 1].usd;
await import('/dist/wsis-sdg-widgets.js');
window.benchWasmMemory = (await import('./wasm-memory.js')).wasmMemory;
window.benchResult = {};

/** Sets update `n`; resolves with ms until the headline shows the new total (observed by a
 * MutationObserver, so timer clamping does not pad the figure). */
window.benchUpdate = (n) => new Promise((resolve) => {
  const host = document.querySelector('p2c-pledges');
  const expected = String(window.benchBaseTotal + n * 1e6);
  const start = performance.now();
  const done = () => {
    const total = host.shadowRoot.querySelector('[data-testid="total"]');
    return total && total.dataset.value === expected;
  };
  const observer = new MutationObserver(() => {
    if (done()) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(host.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
  host.setAttribute('src', `/bench/live.json?n=${n}`);
});
