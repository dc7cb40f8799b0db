// @ts-check
// wsis-sdg-widgets: custom elements and mount() for host pages.
//
// Load with <script type="module" src=".../wsis-sdg-widgets.js"></script> (every widget), or
// the one-widget script of the element the page uses (wsis-sdg-matrix.js,
// wsis-forum-outcomes.js, p2c-pledges.js): `cargo xtask build` writes this file once per
// bundle, changing only the module it imports. The WebAssembly file is found next to this
// script (import.meta.url); data URLs are relative to the page. Nothing here writes markup
// from data: errors are set with textContent.
//
// An element may arrive pre-rendered (a Declarative Shadow DOM template from `cargo xtask
// prerender`): its content stays until the live widget has drawn, then the two swap in one
// frame, keeping focus, search text and scroll. If the module cannot start, the pre-rendered
// content stays with a short note.

// The build rewrites this name per bundle; wsis_sdg_widgets.d.ts types it for tsc.
import init, * as glue from './wsis_sdg_widgets.js';

/**
 * Options for a mount function, as optionsFromAttributes builds them (see `mount` below).
 * @typedef {{ src: string, sdgSrc: string, lang: string, theme: string, view: string,
 *   refresh: string, matrixSrc: string, year: string, actionLine: string, sdg: string,
 *   presenter: string, maxBytes: string, urlState?: string, state?: [string, string][], stateVersion?: number }} Options
 * @typedef {import('./wsis_sdg_widgets.js').MountWidget} MountWidget
 * @typedef {import('./wsis_sdg_widgets.js').WidgetHandle} WidgetHandle
 */

/** @type {Promise<unknown> | null} */
let ready = null;

/**
 * This bundle's wasm file (the build rewrites its name); after a restart with `?restart=N`, so a
 * trap's stack tells the live instance from a dead one whose timers still fire.
 */
let wasmUrl = new URL('./wsis_sdg_widgets_bg.wasm', import.meta.url);

/**
 * The widgets' stylesheet, next to this script: the file pre-rendered pages link, so a page
 * that has one downloads it once. Kept out of the wasm, which would carry a second copy.
 */
const SHEET_URL = new URL('./wsis-sdg-widgets.css', import.meta.url);

/**
 * One constructed sheet for every shadow root (not subject to a page's `style-src`).
 * @type {CSSStyleSheet | null}
 */
let sheet = null;

/** Fetches the stylesheet once; a failure names the file, as a data file's would. */
async function loadSheet() {
  if (sheet) return;
  let response;
  try {
    response = await fetch(SHEET_URL);
  } catch (error) {
    throw new Error(`could not load the stylesheet ${SHEET_URL.href} (${messageOf(error)})`);
  }
  if (!response.ok) throw new Error(`could not load the stylesheet ${SHEET_URL.href} (HTTP ${response.status})`);
  const constructed = new CSSStyleSheet();
  constructed.replaceSync(await response.text());
  sheet = constructed;
}

/** Loads and instantiates the wasm module, and loads the stylesheet, once for the whole page. */
function boot() {
  if (!ready) ready = Promise.all([init({ module_or_path: wasmUrl }), loadSheet()]);
  return ready;
}

/** The loaded stylesheet; `boot()` has resolved whenever a widget mounts. */
function loadedSheet() {
  if (!sheet) throw new Error('the stylesheet is not loaded');
  return sheet;
}

/**
 * One instance serves every widget of this script, and with `panic = "abort"` a trap (a bug,
 * out of memory) leaves it dead for all of them. Then every widget says so and offers to start
 * again, which loads a fresh instance and mounts them all anew.
 */
let dead = false;
/** Restarts so far: each imports the glue afresh (a new module, so a new instance). */
let restarts = 0;
/** @type {Promise<void> | null} */
let restarting = null;
/**
 * Every widget this script mounted, with how to mount it again after a restart.
 * @type {Map<Element, () => void>}
 */
const mounted = new Map();
/**
 * The handles of the widgets mounted into the current instance, to tear them down when it traps.
 * @type {Set<WidgetHandle>}
 */
const handles = new Set();

/**
 * Mounts a widget into the current instance and remembers its handle.
 * @param {() => WidgetHandle} call
 * @returns {WidgetHandle | null}
 */
function mountGuarded(call) {
  const handle = guarded(call);
  if (handle) handles.add(handle);
  return handle;
}

/**
 * Destroys a widget (its app, and with it its timers, listeners and polling).
 * @param {WidgetHandle} handle
 */
function destroyGuarded(handle) {
  handles.delete(handle);
  guarded(() => { handle.destroy(); handle.free(); });
}

/**
 * Whether `error` is a trap of this script's instance: another bundle's module on the page
 * traps alone, and its frames name its own wasm file.
 * @param {unknown} error
 */
function isOurTrap(error) {
  if (typeof WebAssembly !== 'object' || !(error instanceof WebAssembly.RuntimeError)) return false;
  const stack = String(error.stack || '');
  return !/\.wasm\b/.test(stack) || stack.includes(`${wasmUrl.href}:`);
}

/**
 * Calls into the module; a trap there stops every widget rather than escaping to the page.
 * @template T
 * @param {() => T} call
 * @returns {T | null}
 */
function guarded(call) {
  if (dead) return null;
  try {
    return call();
  } catch (error) {
    if (!isOurTrap(error)) throw error;
    stopAll(error);
    return null;
  }
}

/** @param {unknown} error */
function stopAll(error) {
  if (dead) return;
  dead = true;
  ready = null;
  console.error(`wsis-sdg-widgets: the widgets stopped after an internal error (${messageOf(error)})`);
  // The dead instance's timers (polling, animations, Yew's scheduler) would keep calling into
  // it, and a restart would run them next to the new instance's: destroy every app while its
  // instance still answers, ignoring whatever it throws now. Only this script's handles; the
  // host page's timers are never touched.
  const dying = [...handles.values()];
  handles.clear();
  try {
    // First the poll loops, which end by themselves even if the destroys cannot run (a trap
    // inside Yew's scheduler leaves it stuck).
    instance.stopInstance();
  } catch (_) {
    // Nothing more to stop.
  }
  for (const handle of dying) {
    try {
      handle.destroy();
      handle.free();
    } catch (_) {
      // The instance is dead: nothing more to release.
    }
  }
  for (const host of mounted.keys()) showStopped(host, error);
}

/**
 * In place of a dead widget: what happened, and a button that starts the module again.
 * @param {Element} host
 * @param {unknown} error
 */
function showStopped(host, error) {
  Reflect.set(host, '_handle', null);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'alert';
  const text = document.createElement('p');
  text.textContent = 'The widgets on this page stopped after an internal error.';
  const again = document.createElement('button');
  again.type = 'button';
  again.textContent = 'Start again';
  again.addEventListener('click', () => { restart(); });
  box.append(text, again);
  (host.shadowRoot || host).replaceChildren(box);
  host.dispatchEvent(new CustomEvent('wsis-error', {
    bubbles: true, composed: true, detail: { message: `${text.textContent} (${messageOf(error)})` },
  }));
}

/** A fresh instance of the module, then every widget mounted again into it. */
function restart() {
  if (restarting) return restarting;
  restarting = (async () => {
    restarts += 1;
    // The build rewrites this name per bundle, as the static import's.
    const url = new URL('./wsis_sdg_widgets.js', import.meta.url);
    url.searchParams.set('restart', String(restarts));
    const fresh = await import(url.href);
    const wasm = new URL(wasmUrl);
    wasm.searchParams.set('restart', String(restarts));
    await fresh.default({ module_or_path: wasm });
    wasmUrl = wasm;
    mounters = mountersOf(fresh);
    instance = fresh;
    ready = Promise.resolve();
    dead = false;
    for (const [host, mountAgain] of [...mounted]) {
      if (host.shadowRoot) host.shadowRoot.replaceChildren();
      mountAgain();
    }
  })().catch((error) => {
    for (const host of mounted.keys()) showBootError(host, error);
  }).finally(() => { restarting = null; });
  return restarting;
}

window.addEventListener('error', (event) => { if (isOurTrap(event.error)) stopAll(event.error); });
window.addEventListener('unhandledrejection', (event) => { if (isOurTrap(event.reason)) stopAll(event.reason); });

/**
 * The language for an element: its own lang attribute, else the nearest ancestor's.
 * @param {Element} element
 * @returns {string}
 */
function languageOf(element) {
  const own = element.getAttribute('lang');
  if (own) return own;
  const holder = element.parentElement && element.parentElement.closest('[lang]');
  return (holder && holder.getAttribute('lang')) || '';
}

/**
 * Shows a failure to start (e.g. a CSP without 'wasm-unsafe-eval') as text in the widget.
 * @param {Element} host
 * @param {unknown} error
 */
function showBootError(host, error) {
  const root = host.shadowRoot || (host.attachShadow ? host.attachShadow({ mode: 'open' }) : null);
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = 'The widget could not start: ' + messageOf(error);
  (root || host).replaceChildren(box);
  host.dispatchEvent(new CustomEvent('wsis-error', {
    bubbles: true, composed: true, detail: { message: box.textContent },
  }));
}

/**
 * An error's message; anything with a `message` counts (not only Error: a thrown DOMException
 * or an object from another realm).
 * @param {unknown} error
 */
function messageOf(error) {
  const message = error && typeof error === 'object' && 'message' in error ? error.message : '';
  return message ? String(message) : String(error);
}

/**
 * The widgets a glue module holds (a one-widget bundle exports one mount function).
 * @param {{ mountMatrix?: MountWidget, mountForum?: MountWidget, mountPledges?: MountWidget }} module
 * @returns {Partial<Record<string, MountWidget>>}
 */
function mountersOf(module) {
  /** @type {Partial<Record<string, MountWidget>>} */
  const found = {};
  for (const [name, mountWidget] of /** @type {const} */ ([
    ['wsis-sdg-matrix', module.mountMatrix],
    ['wsis-forum-outcomes', module.mountForum],
    ['p2c-pledges', module.mountPledges],
  ])) {
    if (typeof mountWidget === 'function') found[name] = mountWidget;
  }
  return found;
}

let mounters = mountersOf(glue);
/** The glue module of the current instance (a fresh import after each restart). */
let instance = glue;

/** Marks elements of every copy of this script, so widgets of two bundles still link up. */
const WIDGET = Symbol.for('wsis-sdg-widgets.element');

/**
 * The kind of widget an element is (`wsis-sdg-matrix`, `wsis-forum-outcomes`, `p2c-pledges`:
 * the element's default name), whatever name the page registered it under (see `define`).
 * Mounters, URL prefixes and ready events go by the kind, never by the element's name.
 * @param {Element} element
 * @returns {string}
 */
function kindOf(element) {
  const kind = Reflect.get(element.constructor, 'kind');
  return typeof kind === 'string' && kind ? kind : element.localName;
}

/**
 * What a live widget fires once it shows its data, per element.
 * @type {Readonly<Record<string, string>>}
 */
const READY_EVENT = { 'wsis-sdg-matrix': 'wsis-ready', 'wsis-forum-outcomes': 'wsis-ready', 'p2c-pledges': 'p2c-ready' };

/**
 * The pre-rendered content in an element's shadow root, if it came with any.
 * @param {Element} host
 */
function prerenderedContent(host) {
  const root = host.shadowRoot;
  return root ? [...root.children].find((el) => el.hasAttribute('data-prerendered')) || null : null;
}

/**
 * The module could not start, or the live widget failed to load its data: the pre-rendered
 * content stays, with its calm note ("filters could not start") instead of an alarm.
 * @param {Element} content
 * @param {string} message
 */
function keepPrerendered(content, message) {
  const root = content.querySelector('.root');
  if (root) root.classList.add('boot-failed');
  console.warn('wsis-sdg-widgets: showing the pre-rendered content: ' + message);
}

/**
 * The element in `live` that plays the part `element` played in `content`: found by what the
 * widget itself keys it with (an `id`, a grid cell's `data-pos`, a heat-grid button's row and
 * SDG, a session's `data-session`), else by its place among the elements of its tag. No test id
 * is involved: the mapping must hold in production.
 * @param {Element} content
 * @param {Element} live
 * @param {Element} element
 * @returns {Element | null}
 */
function counterpart(content, live, element) {
  const esc = (/** @type {string | null} */ v) => CSS.escape(v || '');
  const keyed = element.id ? `#${esc(element.id)}`
    : element.matches('[data-row][data-sdg]')
      ? `[data-row="${esc(element.getAttribute('data-row'))}"][data-sdg="${esc(element.getAttribute('data-sdg'))}"]`
      : null;
  if (keyed) return live.querySelector(keyed);
  for (const name of ['data-pos', 'data-session']) {
    const holder = element.closest(`[${name}]`);
    if (holder && content.contains(holder)) return live.querySelector(`[${name}="${esc(holder.getAttribute(name))}"]`);
  }
  // Controls before the grid (toolbar, actions) come in the same order in both.
  const index = [...content.querySelectorAll(element.localName)].indexOf(element);
  return index < 0 ? null : live.querySelectorAll(element.localName)[index] || null;
}

/** Scroll boxes whose position a reader may have moved before the takeover. */
const SCROLLERS = '.grid-wrap, .heat-wrap, .timeline-wrap';

/**
 * Replaces the pre-rendered content with the live widget in one go.
 * @param {Element} host
 * @param {Element} content
 * @param {Element} live
 */
function swap(host, content, live) {
  const active = host.shadowRoot && host.shadowRoot.activeElement;
  const focused = active && content.contains(active) ? active : null;
  const target = focused ? counterpart(content, live, focused) : null;
  const scrolls = [...content.querySelectorAll(SCROLLERS)].map((el) => [el.scrollLeft, el.scrollTop]);
  content.remove();
  live.removeAttribute('data-pending');
  live.querySelectorAll(SCROLLERS).forEach((el, i) => {
    const at = scrolls[i];
    if (at && (at[0] || at[1])) { el.scrollLeft = at[0]; el.scrollTop = at[1]; }
  });
  if (!target) return;
  if (focused instanceof HTMLInputElement && target instanceof HTMLInputElement) {
    // Typed before the module started: the live search box gets the text and answers it.
    target.value = focused.value;
    target.focus({ preventScroll: true });
    if (focused.value) target.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  const focusable = target.matches('[tabindex], button, a[href], input, select, summary')
    ? target : target.querySelector('[tabindex], button, a[href], input, select, summary');
  if (focusable instanceof HTMLElement || focusable instanceof SVGElement) focusable.focus({ preventScroll: true });
}

/** The crate's `Lang::ALL`, written in by `cargo xtask build` (one list, in Rust). */
const LANGS = /** @type {readonly string[]} */ (/* Lang::ALL */ []);
/** @type {Readonly<Record<string, string>>} */
const URL_PREFIX = { 'wsis-sdg-matrix': 'matrix', 'wsis-forum-outcomes': 'forum', 'p2c-pledges': 'pledges' };

/**
 * The prefix of this element's parameters in the page URL, or null when it keeps no URL
 * state. `url-state` alone uses the widget's name; `url-state="m2"` lets two widgets of the
 * same kind share a page without fighting over the URL.
 */
/**
 * @param {Element} element
 * @returns {string | null}
 */
function urlPrefix(element) {
  if (!element.hasAttribute('url-state')) return null;
  return element.getAttribute('url-state') || URL_PREFIX[kindOf(element)];
}

/**
 * Whether the URL parameter `key` belongs to `prefix`: `prefix.name`, with no further dot in
 * `name`, so the prefixes `m` and `m.x` never take each other's keys.
 * @param {string} prefix
 * @param {string} key
 */
function ownKey(prefix, key) {
  return key.startsWith(prefix + '.') && !key.slice(prefix.length + 1).includes('.');
}

/**
 * One reader action, one history entry. The first URL write of a task pushes an entry and the
 * others of that task replace it (`inTask`). A selection (`wsis-select`) opens a burst that
 * linked widgets answer in later tasks (each renders when it can): the first write of the
 * burst pushes and the rest replace it, until the reader's next key, pointer or input event (or
 * back/forward) ends it. Shared by every copy of this script on the page.
 * @type {{ inTask: boolean, burst: boolean, pushed: boolean }}
 */
const historyBurst = (() => {
  const key = Symbol.for('wsis-sdg-widgets.history');
  const shared = Reflect.get(window, key);
  if (shared && typeof shared === 'object') return shared;
  const fresh = { inTask: false, burst: false, pushed: false };
  Reflect.set(window, key, fresh);
  document.addEventListener('wsis-select', () => { fresh.burst = true; fresh.pushed = false; }, true);
  const end = () => { fresh.burst = false; fresh.pushed = false; };
  for (const type of ['keydown', 'pointerdown', 'input', 'change', 'popstate']) {
    window.addEventListener(type, end, true);
  }
  return fresh;
})();

/**
 * This widget's `[key, value]` pairs in the page URL (`prefix.key=value`).
 * @param {string} prefix
 */
function urlPairs(prefix) {
  /** @type {[string, string][]} */
  const out = [];
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (ownKey(prefix, key)) out.push([key.slice(prefix.length + 1), value]);
  }
  return out;
}

/**
 * Replaces this widget's parameters in the URL; other parameters stay as they are.
 * @param {string} prefix
 * @param {[string, string][]} pairs
 * @param {boolean} replace
 */
function writeUrlPairs(prefix, pairs, replace) {
  const url = new URL(location.href);
  const next = new URLSearchParams([...url.searchParams].filter(([key]) => !ownKey(prefix, key)));
  for (const [key, value] of pairs) next.append(prefix + '.' + key, value);
  if (next.toString() === url.searchParams.toString()) return;
  url.search = next.toString();
  if (replace || historyBurst.inTask || (historyBurst.burst && historyBurst.pushed)) {
    history.replaceState(history.state, '', url);
    return;
  }
  history.pushState(history.state, '', url);
  historyBurst.pushed = true;
  historyBurst.inTask = true;
  setTimeout(() => { historyBurst.inTask = false; }, 0);
}

/**
 * @param {WidgetElement} element
 * @returns {Options}
 */
function optionsFromAttributes(element) {
  /** @type {Options} */
  const options = {
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
    maxBytes: element.getAttribute('max-bytes') || '',
  };
  const prefix = urlPrefix(element);
  if (prefix) {
    const pairs = urlPairs(prefix);
    for (const [key, value] of pairs) {
      if (key !== 'lang') continue;
      if (LANGS.includes(value)) options.lang = value;
      else console.warn(`wsis-sdg-widgets: ignored URL parameter ${prefix}.lang=${JSON.stringify(value)}`);
    }
    options.urlState = 'true';
    options.state = pairs.filter(([key]) => key !== 'lang');
    options.stateVersion = element._stateVersion || 0;
  }
  return options;
}

class WidgetElement extends HTMLElement {
  /** Every element's attributes, written in by `cargo xtask build` from xtask/src/api.rs. */
  static observedAttributes = /** @type {readonly string[]} */ (/* api::observed_attributes */ []);

  /** The kind of widget (its default element name); `define` sets it per registered class. */
  static kind = '';

  /** @type {WidgetHandle | null} */
  _handle = null;
  /** Counts connects and disconnects, so a mount that resolves late knows it is stale. */
  _generation = 0;
  /** Bumped on back/forward, so the widget re-reads its URL state. */
  _stateVersion = 0;
  /** @type {((event: Event) => void) | null} */
  _onSelect = null;
  /** @type {AbortController | null} */
  _takeover = null;
  /** @type {[EventTarget, string, (event: Event) => void][] | null} */
  _urlListeners = null;

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    // Linked views: follow the selection (Action Line × SDG) made in another widget on the page,
    // unless this element says `unlinked`. Removed again on disconnect.
    if (!this._onSelect) {
      this._onSelect = (event) => {
        if (!(event instanceof CustomEvent)) return;
        if (event.target === this || this.hasAttribute('unlinked') || !event.detail) return;
        const { actionLine, sdg } = event.detail;
        if (!event.target || Reflect.get(event.target, WIDGET) !== true) return;
        if (actionLine) this.setAttribute('action-line', actionLine);
        if (sdg) this.setAttribute('sdg', String(sdg));
      };
    }
    document.addEventListener('wsis-select', this._onSelect);
    this._listenToUrl();
    const generation = (this._generation = (this._generation || 0) + 1);
    // Moved by the page (taken out and put back in one go): the live widget is still there.
    if (this._handle) return;
    const content = prerenderedContent(this);
    boot().then(() => {
      // Removed again (or re-inserted) while the module loaded: that later call mounts.
      if (!this.isConnected || generation !== this._generation || this._handle) return;
      this._mountNow();
      if (this._handle && content && content.isConnected) this._takeOver(content);
    }).catch((error) => {
      if (content && content.isConnected) keepPrerendered(content, messageOf(error));
      else showBootError(this, error);
    });
  }

  /** Mounts the live widget, or says the module has stopped. */
  _mountNow() {
    const mount = mounters[kindOf(this)];
    if (!mount) return;
    mounted.set(this, () => this._mountNow());
    if (dead) {
      showStopped(this, 'the module had stopped before this widget was added');
      return;
    }
    this._handle = mountGuarded(() => mount(this, optionsFromAttributes(this), loadedSheet()));
  }

  /**
   * The live widget draws out of sight (same width, out of the flow) until it has its data,
   * then replaces the pre-rendered content. A data error keeps the pre-rendered content.
   * @param {Element} content
   */
  _takeOver(content) {
    if (!this.shadowRoot) return;
    const live = [...this.shadowRoot.children].filter(
      (el) => el.classList.contains('wsis-mount') && !el.hasAttribute('data-prerendered')).pop();
    if (!live) return;
    live.setAttribute('data-pending', '');
    if (this._takeover) this._takeover.abort();
    const takeover = (this._takeover = new AbortController());
    /** @param {Event} event */
    const finish = (event) => {
      takeover.abort();
      if (!content.isConnected) return;
      if (event.type === 'wsis-error') {
        const detail = event instanceof CustomEvent ? event.detail : null;
        keepPrerendered(content, detail && detail.message);
        return;
      }
      swap(this, content, live);
    };
    const options = { signal: takeover.signal };
    this.addEventListener(READY_EVENT[kindOf(this)], finish, options);
    this.addEventListener('wsis-error', finish, options);
  }

  disconnectedCallback() {
    const generation = (this._generation = (this._generation || 0) + 1);
    if (this._onSelect) document.removeEventListener('wsis-select', this._onSelect);
    this._stopUrl();
    // A page that moves the element (a framework re-rendering around it) takes it out and puts
    // it back in the same task: the widget, and the reader's view, stay. Removed for good, it
    // is destroyed once the current script is done.
    queueMicrotask(() => {
      if (this.isConnected || generation !== this._generation) return;
      if (this._takeover) { this._takeover.abort(); this._takeover = null; }
      mounted.delete(this);
      const handle = this._handle;
      this._handle = null;
      if (handle) destroyGuarded(handle);
    });
  }

  _stopUrl() {
    if (!this._urlListeners) return;
    for (const [target, type, listener] of this._urlListeners) target.removeEventListener(type, listener);
    this._urlListeners = null;
  }

  /**
   * With `url-state`: the widget's state goes into the page URL as it changes (typing in
   * the search box replaces one history entry instead of adding one per key), and
   * back/forward restore it.
   */
  _listenToUrl() {
    const prefix = urlPrefix(this);
    if (!prefix || this._urlListeners) return;
    let typing = false;
    let first = true;
    /** @param {Event} event */
    const onState = (event) => {
      if (!(event instanceof CustomEvent)) return;
      if (event.target !== this || !event.detail || !Array.isArray(event.detail.state)) return;
      const before = urlPairs(prefix);
      const lang = before.filter(([key]) => key === 'lang');
      /** @type {[string, string][]} */
      const after = [...event.detail.state, ...lang];
      const b = new Map(before);
      const a = new Map(after);
      const changed = [...new Set([...b.keys(), ...a.keys()])].filter((key) => b.get(key) !== a.get(key));
      // The first report after mounting only drops what the widget could not use.
      const replace = first;
      first = false;
      if (changed.length === 0) return;
      const searchOnly = changed.length === 1 && changed[0] === 'q';
      writeUrlPairs(prefix, after, replace || (searchOnly && typing));
      typing = searchOnly;
    };
    /** @param {Event} event */
    const onLanguage = (event) => {
      if (!(event instanceof CustomEvent)) return;
      if (event.target !== this || !event.detail) return;
      const pairs = urlPairs(prefix).filter(([key]) => key !== 'lang');
      writeUrlPairs(prefix, [...pairs, ['lang', event.detail.lang]], false);
      typing = false;
    };
    const onPopState = () => {
      this._stateVersion = (this._stateVersion || 0) + 1;
      typing = false;
      const handle = this._handle;
      if (handle) guarded(() => handle.update(optionsFromAttributes(this)));
    };
    this._urlListeners = [
      [this, 'wsis-state', onState],
      [this, 'wsis-language-change', onLanguage],
      [window, 'popstate', onPopState],
    ];
    for (const [target, type, listener] of this._urlListeners) target.addEventListener(type, listener);
  }

  /** The selection as properties too, for hosts that drive widgets from script. */
  get actionLine() { return this.getAttribute('action-line'); }
  set actionLine(value) {
    if (value) this.setAttribute('action-line', String(value)); else this.removeAttribute('action-line');
  }
  get sdg() { const n = Number(this.getAttribute('sdg')); return n >= 1 && n <= 17 ? n : null; }
  set sdg(value) {
    if (value) this.setAttribute('sdg', String(value)); else this.removeAttribute('sdg');
  }

  /**
   * @param {string} name
   * @param {string | null} before
   * @param {string | null} after
   */
  attributeChangedCallback(name, before, after) {
    // Read when another widget selects something.
    if (name === 'unlinked') return;
    if (name === 'url-state') {
      if (before === after) return;
      // Added, removed or renamed after mount: listen under the new prefix from now on; the
      // widget reports its current view, which goes into the URL.
      this._stopUrl();
      if (this.isConnected) this._listenToUrl();
    }
    const handle = this._handle;
    if (handle) guarded(() => handle.update(optionsFromAttributes(this)));
  }
}

Object.defineProperty(WidgetElement.prototype, WIDGET, { value: true });

/**
 * Registers this script's elements. Without arguments (as the script does when it loads) each
 * under its own name; `define({ 'wsis-sdg-matrix': 'itu-sdg-matrix' })` registers the matrix
 * as `<itu-sdg-matrix>` too, for a page that already uses the name for something else. A name
 * already taken by another copy of this script is left as it is; one taken by something else
 * gets a console warning that says how to use another name. Returns the names now ours, by kind.
 * @param {Record<string, string>} [names] element name by kind (the default element name)
 * @returns {Record<string, string>}
 */
export function define(names = {}) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const kind of Object.keys(mounters)) {
    const name = Object.prototype.hasOwnProperty.call(names, kind) ? String(names[kind]).toLowerCase() : kind;
    const existing = customElements.get(name);
    if (existing) {
      if (Reflect.get(existing.prototype, WIDGET) === true) out[kind] = name;
      else {
        console.warn(`wsis-sdg-widgets: <${name}> is already defined on this page by another script, so the ${kind} widget is not registered under that name. `
          + `Register it under another name: import { define } from '${import.meta.url}'; define({ '${kind}': 'my-${kind}' }); and write <my-${kind}> in the page.`);
      }
      continue;
    }
    try {
      customElements.define(name, class extends WidgetElement { static kind = kind; });
      out[kind] = name;
    } catch (error) {
      console.warn(`wsis-sdg-widgets: could not register the ${kind} widget as <${name}>: ${messageOf(error)}`);
    }
  }
  return out;
}

define();

/**
 * Mounts a widget into any element, for hosts that cannot use custom elements.
 * `options`: { widget: 'wsis-sdg-matrix' | 'wsis-forum-outcomes' | 'p2c-pledges', src, sdgSrc, matrixSrc,
 * lang, theme, view, refresh, year, actionLine, sdg, presenter, state }. `state` is an array of
 * [key, value] pairs as the element's `wsis-state` events report them, to restore a view.
 * Resolves to a handle with update(options) and destroy().
 * @param {HTMLElement} element
 * @param {Partial<Options> & { widget?: string }} [options]
 * @returns {Promise<{ update(next: Partial<Options>): void, destroy(): void }>}
 */
export async function mount(element, options = {}) {
  const widget = options.widget || 'wsis-sdg-matrix';
  const mountWidget = mounters[widget];
  if (!mountWidget) {
    throw new Error(`this bundle has no ${widget}: load wsis-sdg-widgets.js (every widget) or ${widget}.js`);
  }
  try {
    await boot();
  } catch (error) {
    showBootError(element, error);
    throw error;
  }
  let opts = { ...options, lang: options.lang || languageOf(element) };
  /** @type {WidgetHandle | null} */
  let handle = null;
  const mountNow = () => {
    const again = mounters[widget];
    handle = again ? mountGuarded(() => again(element, opts, loadedSheet())) : null;
  };
  mounted.set(element, mountNow);
  if (dead) showStopped(element, 'the module had stopped before this widget was added');
  else mountNow();
  return {
    update(next) {
      opts = { ...opts, ...next };
      const h = handle;
      if (h) guarded(() => h.update(opts));
    },
    // Safe to call twice: the second call (and update() after it) does nothing.
    destroy() {
      mounted.delete(element);
      const h = handle;
      handle = null;
      if (h) destroyGuarded(h);
    },
  };
}
