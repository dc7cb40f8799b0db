// Forum widget on a synthetic file of N sessions (?n=N): data ready → painted, and search
// keystroke → DOM settled.
const n = new URLSearchParams(location.search).get('n') || '500';
import { afterPaint, keystroke } from './keystroke.js';
document.addEventListener('wsis-ready', async () => {
  await afterPaint();
  const painted = performance.now();
  const data = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.json'));
  window.benchResult = { dataReadyToPainted: painted - Math.max(...data.map((e) => e.responseEnd)) };
}, { once: true });
const el = document.createElement('wsis-forum-outcomes');
el.setAttribute('src', `/synthetic/forum-${n}.json`);
el.setAttribute('matrix-src', '/data/matrix.json');
el.setAttribute('sdg-src', '/data/sdg/');
el.setAttribute('lang', 'en');
document.body.append(el);
await import('/dist/wsis-sdg-widgets.js');

window.benchKeystroke = (text) => keystroke(el, text);
