// Memory with all three widgets on one page: `benchMount()` adds the three elements and resolves
// when each has shown its data; `benchUnmount()` removes them (which destroys their apps).
import { wasmMemory } from './wasm-memory.js';

const holder = document.getElementById('widgets');
const WIDGETS = [
  ['wsis-sdg-matrix', 'wsis-ready', { src: '/data/matrix.json' }],
  ['wsis-forum-outcomes', 'wsis-ready', { src: '/data/forum-outcomes.json', 'matrix-src': '/data/matrix.json' }],
  ['p2c-pledges', 'p2c-ready', { src: '/data/p2c-pledges.json' }],
];

window.benchMount = () => Promise.all(WIDGETS.map(([name, ready, attrs]) => new Promise((resolve, reject) => {
  const el = document.createElement(name);
  for (const [k, v] of Object.entries({ lang: 'en', theme: 'light', ...attrs })) el.setAttribute(k, v);
  el.addEventListener(ready, resolve, { once: true });
  el.addEventListener('wsis-error', (e) => reject(new Error(`${name}: ${e.detail.message}`)), { once: true });
  holder.append(el);
})));
window.benchUnmount = () => holder.replaceChildren();
window.benchWasmMemory = wasmMemory;

await import('/dist/wsis-sdg-widgets.js');
window.benchResult = {};
