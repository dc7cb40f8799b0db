// wsis-sdg-widgets: custom elements and mount() for host pages.
//
// Load with <script type="module" src=".../wsis-sdg-widgets.js"></script>. The WebAssembly
// file is found next to this script (import.meta.url); data URLs are relative to the page.
// Nothing here writes markup from data: errors are set with textContent.

import init, { mountForum, mountMatrix, mountPledges } from './wsis_sdg_widgets.js';

let ready = null;

/** Loads and instantiates the wasm module once for the whole page. */
function boot() {
  if (!ready) {
    const wasm = new URL('./wsis_sdg_widgets_bg.wasm', import.meta.url);
    ready = init({ module_or_path: wasm });
  }
  return ready;
}

/** The language for an element: its own lang attribute, else the nearest ancestor's. */
function languageOf(element) {
  const own = element.getAttribute('lang');
  if (own) return own;
  const holder = element.parentElement && element.parentElement.closest('[lang]');
  return holder ? holder.getAttribute('lang') : '';
}

/** Shows a failure to start (e.g. a CSP without 'wasm-unsafe-eval') as text in the widget. */
function showBootError(host, error) {
  const root = host.shadowRoot || (host.attachShadow ? host.attachShadow({ mode: 'open' }) : null);
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'boot-error');
  box.textContent = 'The widget could not start: ' + (error && error.message ? error.message : String(error));
  (root || host).replaceChildren(box);
  host.dispatchEvent(new CustomEvent('wsis-error', {
    bubbles: true, composed: true, detail: { message: box.textContent },
  }));
}

const mounters = {
  'wsis-sdg-matrix': mountMatrix,
  'wsis-forum-outcomes': mountForum,
  'p2c-pledges': mountPledges,
};

function optionsFromAttributes(element) {
  return {
    src: element.getAttribute('src') || '',
    sdgSrc: element.getAttribute('sdg-src') || '',
    lang: languageOf(element),
    theme: element.getAttribute('theme') || '',
    view: element.getAttribute('view') || '',
    refresh: element.getAttribute('refresh') || '',
    matrixSrc: element.getAttribute('matrix-src') || '',
    year: element.getAttribute('year') || '',
    actionLine: element.getAttribute('action-line') || '',
    sdg: element.getAttribute('sdg') || '',
    presenter: element.hasAttribute('presenter') ? 'true' : '',
  };
}

class WidgetElement extends HTMLElement {
  static observedAttributes = ['src', 'sdg-src', 'matrix-src', 'lang', 'theme', 'view', 'refresh', 'year', 'action-line', 'sdg', 'presenter'];

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    // Linked views: follow the selection (Action Line × SDG) made in another widget on the page,
    // unless this element says `unlinked`. Removed again on disconnect.
    if (!this._onSelect) {
      this._onSelect = (event) => {
        if (event.target === this || this.hasAttribute('unlinked') || !event.detail) return;
        const { actionLine, sdg } = event.detail;
        if (!(event.target instanceof WidgetElement)) return;
        if (actionLine) this.setAttribute('action-line', actionLine);
        if (sdg) this.setAttribute('sdg', String(sdg));
      };
    }
    document.addEventListener('wsis-select', this._onSelect);
    const generation = (this._generation = (this._generation || 0) + 1);
    boot().then(() => {
      // Removed again (or re-inserted) while the module loaded: that later call mounts.
      if (!this.isConnected || generation !== this._generation || this._handle) return;
      const mount = mounters[this.localName];
      this._handle = mount(this, optionsFromAttributes(this));
    }).catch((error) => showBootError(this, error));
  }

  disconnectedCallback() {
    this._generation = (this._generation || 0) + 1;
    if (this._onSelect) document.removeEventListener('wsis-select', this._onSelect);
    if (this._handle) {
      this._handle.destroy();
      this._handle.free();
      this._handle = null;
    }
  }

  attributeChangedCallback() {
    if (this._handle) this._handle.update(optionsFromAttributes(this));
  }
}

for (const name of Object.keys(mounters)) {
  if (!customElements.get(name)) {
    customElements.define(name, class extends WidgetElement {});
  }
}

/**
 * Mounts a widget into any element, for hosts that cannot use custom elements.
 * `options`: { widget: 'wsis-sdg-matrix' | 'wsis-forum-outcomes' | 'p2c-pledges', src, sdgSrc, matrixSrc,
 * lang, theme, view, refresh, year, actionLine, sdg }.
 * Resolves to a handle with update(options) and destroy().
 */
export async function mount(element, options = {}) {
  const widget = options.widget || 'wsis-sdg-matrix';
  const mountWidget = mounters[widget];
  if (!mountWidget) throw new Error('unknown widget: ' + widget);
  try {
    await boot();
  } catch (error) {
    showBootError(element, error);
    throw error;
  }
  const opts = { ...options, lang: options.lang || languageOf(element) };
  const handle = mountWidget(element, opts);
  return {
    update(next) { handle.update({ ...opts, ...next }); },
    destroy() { handle.destroy(); handle.free(); },
  };
}
