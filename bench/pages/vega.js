// The same 123 links as a Vega-Lite rect heatmap (Action Line × SDG, coloured by SDG) through
// vega-embed: what a page would get from a general charting stack instead of our widget.
// Timed to the rendered SVG being in the DOM and painted. SVG rather than canvas so the result
// is DOM, as ours is (and so it can be checked: one rect per link).
import { afterPaint, loadTimes } from './keystroke.js';

const fetchJson = async (url) => (await fetch(url)).json();
const [matrix, catalog] = await Promise.all([fetchJson('/data/matrix.json'), fetchJson('/data/sdg/sdg-en.json')]);
const ids = matrix.action_lines.map((al) => al.id);
const titles = new Map(matrix.action_lines.map((al) => [al.id, al.title.en]));
const goals = catalog.goals;
const values = matrix.links.map((link) => ({
  actionLine: link.action_line,
  title: titles.get(link.action_line),
  sdg: link.sdg,
  goal: goals[link.sdg - 1].short,
  targets: link.targets.join(', '),
}));

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'WSIS Action Lines and the Sustainable Development Goals',
  data: { values },
  mark: { type: 'rect', tooltip: true },
  width: { step: 28 },
  height: { step: 22 },
  encoding: {
    x: { field: 'sdg', type: 'ordinal', title: 'SDG', scale: { domain: goals.map((g) => g.sdg) } },
    y: { field: 'actionLine', type: 'ordinal', title: 'Action Line', scale: { domain: ids } },
    color: {
      field: 'sdg', type: 'nominal', legend: null,
      scale: { domain: goals.map((g) => g.sdg), range: goals.map((g) => g.colour) },
    },
    tooltip: [
      { field: 'actionLine', title: 'Action Line' }, { field: 'title' },
      { field: 'sdg', title: 'SDG' }, { field: 'goal' }, { field: 'targets' },
    ],
  },
};

const host = document.getElementById('matrix');
await window.vegaEmbed(host, spec, { renderer: 'svg', actions: false });
await afterPaint();
window.benchResult = {
  ...loadTimes('/vega.min.js'),
  cells: host.querySelectorAll('svg .mark-rect path').length,
};
