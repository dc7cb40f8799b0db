import { mount } from '/dist/wsis-sdg-widgets.js';

const handle = await mount(document.getElementById('target'), {
  widget: 'wsis-sdg-matrix',
  src: '/data/matrix.json',
  lang: 'es',
  theme: 'light',
});
window.matrixHandle = handle;
document.getElementById('unmount').addEventListener('click', () => handle.destroy());
