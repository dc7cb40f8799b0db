// Records when the grid is in the DOM and painted, relative to data arrival and script start.
import { afterPaint, keystroke } from './keystroke.js';

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

window.benchKeystroke = (text) => keystroke(document.querySelector('wsis-sdg-matrix'), text);
