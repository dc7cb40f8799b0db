// A host page's script, type-checked against the declarations the build writes next to each
// element script (`cargo xtask test` runs `tsc -p tests/types`). Each `@ts-expect-error` is a
// misuse the declarations must refuse: if one compiles, tsc fails on the unused directive.
import { mount, define, type MountOptions, type WidgetHandle } from '../../dist/wsis-sdg-widgets.js';
import { mount as mountMatrixOnly } from '../../dist/wsis-sdg-matrix.js';

const matrix = document.querySelector('wsis-sdg-matrix');
if (matrix) {
  matrix.actionLine = 'C5';
  matrix.sdg = 9;
  matrix.addEventListener('wsis-ready', (event) => console.log(event.detail.links.toFixed(0)));
  matrix.addEventListener('wsis-select', (event) => console.log(event.detail.actionLine.toUpperCase(), event.detail.sdg + 1));
  matrix.addEventListener('wsis-state', (event) => new URLSearchParams(event.detail.state));
  // @ts-expect-error the matrix's ready event counts links, not sessions
  matrix.addEventListener('wsis-ready', (event) => event.detail.sessions);
  // @ts-expect-error sdg is a number
  matrix.sdg = 'nine';
}

const forum = document.createElement('wsis-forum-outcomes');
forum.addEventListener('wsis-ready', (event) => event.detail.sessions.toFixed(0));

const pledges = document.querySelector('p2c-pledges');
pledges?.addEventListener('p2c-update', (event) => event.detail.totalUsd - event.detail.previousUsd);
// @ts-expect-error the pledge widget has no Action Line property
pledges?.actionLine;

// Events bubble: a listener on the document hears every widget's, with the union of details.
document.addEventListener('wsis-error', (event) => console.warn(event.detail.message));
document.addEventListener('wsis-ready', (event) => ('links' in event.detail ? event.detail.links : event.detail.sessions));

const options: MountOptions = { widget: 'p2c-pledges', src: '/data/p2c-pledges.json', refresh: '15', lang: 'fr' };
// @ts-expect-error not a widget
const wrong: MountOptions = { widget: 'wsis-sdg-map' };
const host = document.getElementById('matrix');
if (host) {
  const handle: WidgetHandle = await mount(host, options);
  handle.update({ lang: 'ar' });
  handle.destroy();
  await mountMatrixOnly(host, { src: '/data/matrix.json', state: [['al', 'C5']] });
  // @ts-expect-error update takes options, not a string
  handle.update('fr');
}
const names: Partial<Record<'wsis-sdg-matrix' | 'wsis-forum-outcomes' | 'p2c-pledges', string>> = define({ 'wsis-sdg-matrix': 'itu-sdg-matrix' });
console.log(names, wrong);
