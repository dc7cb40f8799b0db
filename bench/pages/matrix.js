// Our matrix: records when the grid is in the DOM and painted, relative to data arrival and
// script start; exposes the two timed interactions.
import { afterPaint, keystroke, loadTimes, pick } from './keystroke.js';

const host = document.querySelector('wsis-sdg-matrix');
document.addEventListener('wsis-ready', async () => {
  await afterPaint();
  window.benchResult = {
    ...loadTimes('/wsis-sdg-widgets.js'),
    cells: host.shadowRoot.querySelectorAll('td.cell').length,
  };
}, { once: true });

window.benchKeystroke = (text) => keystroke(host, text);
window.benchFilter = (sdg) => pick(host, 'wsis-sdg', sdg);
