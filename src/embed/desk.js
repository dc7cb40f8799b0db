// @ts-check
// The data desk's entry: `cargo xtask build` copies it to dist/wsis-sdg-desk.js, its module
// names rewritten to the desk bundle's (wsis_sdg_desk.js, wsis_sdg_desk_bg.wasm), which reader
// pages never load. It mounts the desk into the page's [data-wsis-desk] element; the options
// come from that element's data attributes (data-matrix-src, data-sdg-src, data-lang).

// The build rewrites this name; wsis_sdg_widgets.d.ts types it for tsc.
import init, * as glue from './wsis_sdg_widgets.js';

/** @type {Promise<typeof import('./wsis_sdg_desk_snippet.js')> | undefined} */
let snippetModule;
/**
 * A pre-rendered snippet (the request as JSON), by the snippet module: Yew's SSR and the
 * widgets, most of its size, fetched on the first download only, never with the desk.
 * @param {string} request
 */
async function renderSnippet(request) {
  snippetModule ??= import('./wsis_sdg_desk_snippet.js').then(async (module) => {
    await module.default({ module_or_path: new URL('./wsis_sdg_desk_snippet_bg.wasm', import.meta.url) });
    return module;
  });
  // A failed download is tried again on the next click.
  snippetModule.catch(() => { snippetModule = undefined; });
  return (await snippetModule).renderSnippet(request);
}

const host = document.querySelector('[data-wsis-desk]');
if (host instanceof HTMLElement && glue.mountDesk) {
  await init({ module_or_path: new URL('./wsis_sdg_widgets_bg.wasm', import.meta.url) });
  const { matrixSrc, sdgSrc, lang, storageKey } = host.dataset;
  // The release hashes the stylesheet's name and rewrites this literal: pre-rendered snippets
  // made at the desk link to the file the release ships.
  const stylesheetFile = new URL('./wsis-sdg-widgets.css', import.meta.url).pathname.split('/').pop();
  glue.mountDesk(host, {
    matrixSrc, sdgSrc, lang: lang ?? document.documentElement.lang, storageKey, stylesheetFile, renderSnippet,
  });
  host.removeAttribute('aria-busy');
}
