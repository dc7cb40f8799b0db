// Forum widget on a synthetic file of N sessions (?n=N): data ready → painted, search
// keystroke and SDG filter → DOM settled.
import { afterPaint, keystroke, loadTimes, pick } from './keystroke.js';

const params = new URLSearchParams(location.search);
const n = params.get('n') || '500';
document.addEventListener('wsis-ready', async () => {
  await afterPaint();
  window.benchResult = loadTimes('/wsis-sdg-widgets.js');
}, { once: true });
const el = document.createElement('wsis-forum-outcomes');
el.setAttribute('src', `/synthetic/forum-${n}.json`);
el.setAttribute('matrix-src', '/data/matrix.json');
el.setAttribute('sdg-src', '/data/sdg/');
el.setAttribute('lang', 'en');
document.body.append(el);
// ?profile: the build that keeps wasm function names (made by `BENCH_PROFILE=1 cargo xtask bench`).
await import(params.has('profile') ? '/bench/pages/generated/dist/wsis-sdg-widgets.js' : '/dist/wsis-sdg-widgets.js');

window.benchKeystroke = (text) => keystroke(el, text);
window.benchFilter = (sdg) => pick(el, 'forum-sdg', sdg);
