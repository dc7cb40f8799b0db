// Forum widget on a synthetic file of N sessions (?n=N): data ready → painted, and search
// keystroke → DOM settled.
const n = new URLSearchParams(location.search).get('n') || '500';
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
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

window.benchKeystroke = async (text) => {
  const root = el.shadowRoot;
  const input = root.querySelector('[data-testid="search"]');
  let last = 0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await afterPaint();
  await afterPaint();
  observer.disconnect();
  return last ? last - start : 0;
};
