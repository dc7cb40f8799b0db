// Records when the grid is in the DOM and painted, relative to data arrival and script start.
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

document.addEventListener('wsis-ready', async () => {
  await afterPaint();
  const painted = performance.now();
  const resources = performance.getEntriesByType('resource');
  const data = resources.filter((e) => e.name.endsWith('.json'));
  const script = resources.find((e) => e.name.endsWith('/wsis-sdg-widgets.js'));
  window.benchResult = {
    dataReadyToPainted: painted - Math.max(...data.map((e) => e.responseEnd)),
    scriptStartToPainted: painted - (script ? script.startTime : 0),
    cells: document.querySelector('wsis-sdg-matrix').shadowRoot.querySelectorAll('td.cell').length,
  };
}, { once: true });

/**
 * Puts `text` in the search box as typing does; resolves with ms from the input event to the
 * last DOM mutation it caused (0 when nothing on screen changed).
 */
window.benchKeystroke = async (text) => {
  const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
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
