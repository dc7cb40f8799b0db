// @ts-check
// The embed builder: pick a widget and its options, see it live, copy the snippet.
//
// Everything it offers comes from the release it is served with: the elements, their
// attributes and values from `custom-elements.json` (written by `cargo xtask build` from
// xtask/src/api.rs), the version and the integrity values from the release's `manifest.json`
// when there is one, the pre-rendered snippets from `prerendered/`. Nothing typed into the form
// becomes markup on this page: the preview's attributes are set with setAttribute, and the
// snippet is shown as text.

import { STRINGS, fill } from './builder-strings.js';

/**
 * @typedef {{ name: string, type?: { text: string }, default?: string, description?: string }} CemAttribute
 * @typedef {{ kind: string, name: string, tagName?: string, attributes?: CemAttribute[],
 *   parameters?: { name: string, type?: { text: string } }[] }} CemDeclaration
 * @typedef {{ path: string, declarations: CemDeclaration[] }} CemModule
 * @typedef {{ modules: CemModule[] }} Cem
 * @typedef {{ version?: string, files?: Record<string, { integrity?: string, name?: string, source?: string }> }} ReleaseManifest
 * @typedef {{ tag: string, script: string, attributes: CemAttribute[] }} Widget
 */

/** Where the widget files are, as this page is served (the release folder, or dist/). */
const WIDGETS = new URL(document.querySelector('meta[name="wsis-widgets"]')?.getAttribute('content') || '/dist/', location.href);
/** Where the bundled data files are. */
const DATA = new URL(document.querySelector('meta[name="wsis-data"]')?.getAttribute('content') || '/data/', location.href);
/** The bundled data file of each widget, the `src` a snippet starts with. */
const DATA_FILE = /** @type {Readonly<Record<string, string>>} */ ({
  'wsis-sdg-matrix': 'matrix.json', 'wsis-forum-outcomes': 'forum-outcomes.json', 'p2c-pledges': 'p2c-pledges.json',
});
const ALL_IN_ONE = 'wsis-sdg-widgets.js';

/**
 * @param {URL} url
 * @returns {Promise<any>}
 */
async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/**
 * The string literals of a TypeScript union such as `'auto' | 'light' | 'dark'`, or null.
 * @param {string | undefined} text
 * @returns {string[] | null}
 */
export function literals(text) {
  if (!text) return null;
  const parts = text.split('|').map((p) => p.trim());
  if (!parts.every((p) => /^'[^']*'$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

/**
 * `sdg-src` → `sdgSrc`.
 * @param {string} name
 */
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * An HTML attribute value, escaped for a snippet.
 * @param {string} value
 */
const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A string in a JavaScript snippet.
 * @param {string} value
 */
const jsString = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The builder's state: the widget, each attribute's value ('' = not set), the snippet form. */
const state = {
  tag: 'wsis-sdg-matrix',
  /** @type {Record<string, string>} */
  values: {},
  form: 'element',
  hostedAt: '',
  ui: 'en',
};

/** @type {Widget[]} */
let widgets = [];
/** @type {string[]} */
let languages = [];
/** @type {string[]} */
let mountOptions = [];
/** @type {ReleaseManifest | null} */
let release = null;
/** @type {Map<string, string | null>} */
const shippedSnippets = new Map();

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

function t() {
  return STRINGS[state.ui] || STRINGS.en;
}

/**
 * The released file for a logical name (`wsis-sdg-matrix.js`): its hashed name and integrity
 * value when the release manifest lists it, else the name as it is.
 * @param {string} logical
 * @returns {{ name: string, integrity: string | null }}
 */
function releasedFile(logical) {
  const files = release && release.files;
  if (files) {
    for (const [name, info] of Object.entries(files)) {
      if (info && (info.source === logical || info.name === logical || name === logical)) {
        return { name, integrity: info.integrity || null };
      }
    }
  }
  return { name: logical, integrity: null };
}

/** @param {string} tag */
function widgetOf(tag) {
  return widgets.find((w) => w.tag === tag) || widgets[0];
}

/** The attributes set to something other than their default, in the manifest's order. */
function setAttributes() {
  const widget = widgetOf(state.tag);
  /** @type {[string, string][]} */
  const out = [];
  for (const attribute of widget.attributes) {
    const value = state.values[attribute.name] ?? '';
    if (value === '') continue;
    if (attribute.type?.text === 'boolean') {
      if (value === 'true') out.push([attribute.name, '']);
      continue;
    }
    if (attribute.type?.text === 'boolean | string') {
      if (value === 'true') out.push([attribute.name, state.values[`${attribute.name}:prefix`] || '']);
      continue;
    }
    out.push([attribute.name, value]);
  }
  return out;
}

function hostedAt() {
  const given = state.hostedAt.trim();
  if (!given) return WIDGETS.href;
  return given.endsWith('/') ? given : given + '/';
}

function scriptTag() {
  const widget = widgetOf(state.tag);
  const file = releasedFile(widget.script);
  const integrity = file.integrity ? ` integrity="${escapeAttribute(file.integrity)}" crossorigin="anonymous"` : '';
  return `<script type="module" src="${escapeAttribute(hostedAt() + file.name)}"${integrity}></script>`;
}

/**
 * Preload hints for the widget's module (its glue and wasm), so they download while the
 * pre-rendered content is parsed instead of after it (BENCHMARKS.md, issue 12: first keystroke
 * answered 0.9–1.2 s sooner on a slow network). Each bundle's module is named after its script
 * (`wsis-sdg-matrix.js` → `wsis_sdg_matrix.js`, `wsis_sdg_matrix_bg.wasm`), as `cargo xtask
 * build` names them; `crossorigin` matches the glue's own `fetch()` of the wasm, so the
 * preloaded response is the one used.
 */
function preloadTags() {
  const module = widgetOf(state.tag).script.replace(/\.js$/, '').replaceAll('-', '_');
  const glue = releasedFile(`${module}.js`).name;
  const wasm = releasedFile(`${module}_bg.wasm`).name;
  return `<link rel="modulepreload" href="${escapeAttribute(hostedAt() + glue)}">\n`
    + `<link rel="preload" href="${escapeAttribute(hostedAt() + wasm)}" as="fetch" type="application/wasm" crossorigin>`;
}

function elementSnippet() {
  const attributes = setAttributes().map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  return `${scriptTag()}\n<${state.tag}${attributes}></${state.tag}>`;
}

function mountSnippet() {
  const widget = widgetOf(state.tag);
  const file = releasedFile(widget.script);
  /** @type {string[]} */
  const options = [`widget: ${jsString(state.tag)}`];
  /** @type {string[]} */
  const leftOut = [];
  for (const [name, value] of setAttributes()) {
    const option = camel(name);
    if (!mountOptions.includes(option)) { leftOut.push(name); continue; }
    options.push(`${option}: ${jsString(value === '' ? 'true' : value)}`);
  }
  const code = `<div id="wsis-widget"></div>\n<script type="module">\n  import { mount } from ${jsString(hostedAt() + file.name)};\n`
    + `  mount(document.getElementById('wsis-widget'), { ${options.join(', ')} });\n</script>`;
  return { code, leftOut };
}

/** Whether the shipped pre-rendered snippet shows what these options would. */
function shippedFits() {
  const defaultSrc = new URL(DATA_FILE[state.tag] || '', DATA).href;
  for (const [name, value] of setAttributes()) {
    if (name === 'lang' || name === 'url-state' || name === 'unlinked' || name === 'max-bytes' || name === 'refresh') continue;
    if (name === 'src' && new URL(value, location.href).href === defaultSrc) continue;
    if (name === 'theme' && value === 'auto') continue;
    return false;
  }
  return true;
}

function prerenderCommand() {
  const lang = state.values.lang || 'en';
  const args = [`cargo xtask prerender ${state.tag}`, `--data ${DATA_FILE[state.tag] ? 'data/' + DATA_FILE[state.tag] : 'FILE'}`, `--lang ${lang}`];
  for (const [name, value] of setAttributes()) {
    if (name === 'theme' || name === 'view' || name === 'year' || name === 'src' || name === 'matrix-src' || name === 'sdg-src') {
      args.push(`--${name} ${JSON.stringify(value)}`);
    }
  }
  args.push(`--stylesheet ${JSON.stringify(hostedAt() + releasedFile('wsis-sdg-widgets.css').name)}`);
  return args.join(' \\\n  ');
}

/** @param {string} tag @param {string} lang */
async function shippedSnippet(tag, lang) {
  const key = `${tag}.${lang}`;
  if (!shippedSnippets.has(key)) {
    const name = releasedFile(`prerendered/${key}.html`).name;
    try {
      const response = await fetch(new URL(name, WIDGETS));
      shippedSnippets.set(key, response.ok ? await response.text() : null);
    } catch {
      shippedSnippets.set(key, null);
    }
  }
  return shippedSnippets.get(key) ?? null;
}

/**
 * The shipped snippet with this builder's element attributes and stylesheet URL.
 * @param {string} snippet
 */
function adaptShipped(snippet) {
  const open = new RegExp(`^<${state.tag}\\b[^>]*>`);
  const attributes = setAttributes();
  if (!attributes.some(([name]) => name === 'lang')) attributes.push(['lang', 'en']);
  const tag = `<${state.tag}${attributes.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttribute(v)}"`)).join('')}>`;
  const css = escapeAttribute(hostedAt() + releasedFile('wsis-sdg-widgets.css').name);
  return snippet.trim().replace(open, tag).replace(/<link rel="stylesheet" href="[^"]*">/, `<link rel="stylesheet" href="${css}">`);
}

let renderToken = 0;

/** Writes the snippet and its notes for the current state. */
async function renderSnippet() {
  const token = ++renderToken;
  const s = t();
  /** @type {string[]} */
  const notes = [release && release.version ? fill(s.integrity, { version: release.version }) : s.noRelease];
  let code = '';
  if (state.form === 'element') {
    code = elementSnippet();
  } else if (state.form === 'mount') {
    const mount = mountSnippet();
    code = mount.code;
    notes.push(s.mountNote);
    if (mount.leftOut.length) notes.push(fill(s.mountLeftOut, { names: mount.leftOut.join(', ') }));
  } else {
    const shipped = shippedFits() ? await shippedSnippet(state.tag, state.values.lang || 'en') : null;
    if (token !== renderToken) return;
    if (shipped) {
      code = `${preloadTags()}\n${scriptTag()}\n${adaptShipped(shipped)}`;
      notes.push(s.prerenderedShipped);
    } else {
      code = `${preloadTags()}\n${scriptTag()}\n`;
      notes.push(s.prerenderedCommand);
    }
    notes.push(s.preloadNote);
    $('command').textContent = shipped ? '' : prerenderCommand();
    $('command-box').hidden = Boolean(shipped);
  }
  if (state.form !== 'prerendered') $('command-box').hidden = true;
  /** @type {HTMLTextAreaElement} */ ($('snippet')).value = code;
  $('snippet-notes').replaceChildren(...notes.map((n) => Object.assign(document.createElement('p'), { textContent: n })));
}

/** @type {HTMLElement | null} */
let preview = null;

/** The live widget: made anew for another widget, its attributes updated otherwise. */
function renderPreview() {
  const holder = $('preview');
  if (!preview || preview.localName !== state.tag) {
    preview = document.createElement(state.tag);
    holder.replaceChildren(preview);
  }
  const wanted = new Map(setAttributes());
  // The preview keeps no deep links: they would move this page's own URL.
  wanted.delete('url-state');
  for (const name of [...preview.getAttributeNames()]) {
    if (!wanted.has(name)) preview.removeAttribute(name);
  }
  for (const [name, value] of wanted) {
    if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
}

function update() {
  renderPreview();
  void renderSnippet();
}

/**
 * A form control for one attribute.
 * @param {CemAttribute} attribute
 * @returns {HTMLElement}
 */
function control(attribute) {
  const s = t();
  const id = `opt-${attribute.name}`;
  const field = document.createElement('div');
  field.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = s.attributes[attribute.name] || attribute.description || attribute.name;
  const code = document.createElement('code');
  code.textContent = attribute.name;
  code.className = 'attr';
  const type = attribute.type?.text || 'string';
  const value = state.values[attribute.name] ?? '';
  if (type === 'boolean' || type === 'boolean | string') {
    field.classList.add('check');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = value === 'true';
    box.addEventListener('change', () => { state.values[attribute.name] = box.checked ? 'true' : ''; rebuildForm(); update(); });
    field.append(box, label, code);
    if (type === 'boolean | string' && box.checked) {
      const prefixId = `${id}-prefix`;
      const prefixLabel = document.createElement('label');
      prefixLabel.htmlFor = prefixId;
      prefixLabel.textContent = s.prefix;
      const prefix = document.createElement('input');
      prefix.id = prefixId;
      prefix.value = state.values[`${attribute.name}:prefix`] || '';
      prefix.addEventListener('input', () => { state.values[`${attribute.name}:prefix`] = prefix.value.trim(); update(); });
      const sub = document.createElement('div');
      sub.className = 'field sub';
      sub.append(prefixLabel, prefix);
      field.append(sub);
    }
    return field;
  }
  const options = attribute.name === 'lang' ? languages : literals(type);
  if (options || attribute.name === 'sdg') {
    const select = document.createElement('select');
    select.id = id;
    // A union of values (theme, view) offers them all, the default selected; the language and
    // the SDG may also be left unset.
    const unset = !options || attribute.name === 'lang';
    if (unset) {
      const first = document.createElement('option');
      first.value = '';
      first.textContent = attribute.name === 'lang' ? s.pageLang : s.none;
      select.append(first);
    }
    for (const v of options || Array.from({ length: 17 }, (_, i) => String(i + 1))) {
      const option = document.createElement('option');
      option.value = v;
      option.textContent = attribute.name === 'lang' ? `${languageName(v)} (${v})` : valueLabel(attribute.name, v);
      select.append(option);
    }
    select.value = value || (unset ? '' : attribute.default || '');
    select.addEventListener('change', () => {
      state.values[attribute.name] = !unset && select.value === attribute.default ? '' : select.value;
      update();
    });
    field.append(label, code, select);
    return field;
  }
  const input = document.createElement('input');
  input.id = id;
  input.value = value;
  if (attribute.name === 'year' || attribute.name === 'refresh' || attribute.name === 'max-bytes') {
    input.type = 'number';
    input.min = attribute.name === 'year' ? '2003' : '1';
    input.inputMode = 'numeric';
  } else if (attribute.name.endsWith('src')) {
    input.type = 'url';
    input.spellcheck = false;
  }
  // URLs, numbers and ids read left to right in an Arabic page too.
  input.dir = 'ltr';
  input.addEventListener('input', () => { state.values[attribute.name] = input.value.trim(); update(); });
  field.append(label, code, input);
  return field;
}

/**
 * @param {string} attribute
 * @param {string} value
 */
function valueLabel(attribute, value) {
  return t().values[`${attribute}=${value}`] || value;
}

/** @param {string} code */
function languageName(code) {
  try {
    return new Intl.DisplayNames([state.ui], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

/** Draws the options for the current widget (focus stays on the control that had it). */
function rebuildForm() {
  const s = t();
  const focused = document.activeElement && document.activeElement.id;
  const widget = widgetOf(state.tag);
  const fields = $('fields');
  fields.replaceChildren(...widget.attributes.map(control));
  if (focused) document.getElementById(focused)?.focus();
  const legend = $('widget-legend');
  legend.textContent = s.widget;
  for (const w of widgets) {
    const label = document.querySelector(`label[for="widget-${w.tag}"]`);
    if (label) label.textContent = s.widgets[w.tag] || w.tag;
  }
}

/** Every fixed text of the page in the builder's language. */
function applyLanguage() {
  const s = t();
  document.documentElement.lang = state.ui;
  document.documentElement.dir = state.ui === 'ar' ? 'rtl' : 'ltr';
  document.title = `${s.title} — wsis-sdg-widgets`;
  for (const [id, key] of /** @type {const} */ ([
    ['title', 'title'], ['intro', 'intro'], ['ui-lang-label', 'uiLang'], ['options-heading', 'options'],
    ['preview-heading', 'preview'], ['snippet-heading', 'snippet'], ['snippet-label', 'snippet'],
    ['form-legend', 'form'], ['copy', 'copy'], ['hosted-label', 'hostedAt'], ['hosted-hint', 'hostedAtHint'],
  ])) {
    $(id).textContent = s[key];
  }
  for (const form of ['element', 'mount', 'prerendered']) {
    const label = document.querySelector(`label[for="form-${form}"]`);
    if (label) label.textContent = s.forms[form];
  }
  const menu = /** @type {HTMLSelectElement} */ ($('ui-lang'));
  for (const option of menu.options) option.textContent = `${languageName(option.value)} (${option.value})`;
  rebuildForm();
}

/** Reads the manifest, draws the page and wires it. */
async function start() {
  const status = $('load-status');
  /** @type {Cem} */
  let cem;
  try {
    cem = await json(new URL('custom-elements.json', WIDGETS));
  } catch (error) {
    status.textContent = fill(STRINGS.en.loadFailed, { file: new URL('custom-elements.json', WIDGETS).href, reason: String(error instanceof Error ? error.message : error) });
    return;
  }
  try {
    release = await json(new URL('manifest.json', WIDGETS));
  } catch {
    release = null;
  }
  const all = cem.modules.find((m) => m.path === ALL_IN_ONE);
  widgets = cem.modules.flatMap((m) => (m.path === ALL_IN_ONE ? [] : m.declarations
    .filter((d) => d.kind === 'class' && d.tagName)
    .map((d) => ({ tag: d.tagName || '', script: m.path, attributes: d.attributes || [] }))));
  languages = literals(widgets[0]?.attributes.find((a) => a.name === 'lang')?.type?.text) || ['en'];
  const mount = all?.declarations.find((d) => d.kind === 'function' && d.name === 'mount');
  mountOptions = [...(mount?.parameters?.find((p) => p.name === 'options')?.type?.text || '').matchAll(/(\w+)\?:/g)].map((m) => m[1]);

  const params = new URLSearchParams(location.search);
  const asked = params.get('lang') || navigator.language.split('-')[0];
  state.ui = languages.includes(asked) && STRINGS[asked] ? asked : 'en';
  const menu = /** @type {HTMLSelectElement} */ ($('ui-lang'));
  menu.replaceChildren(...languages.map((code) => Object.assign(document.createElement('option'), { value: code })));
  menu.value = state.ui;
  menu.addEventListener('change', () => { state.ui = menu.value; applyLanguage(); void renderSnippet(); });

  const choices = $('widget-choices');
  choices.replaceChildren(...widgets.map((w) => {
    const wrap = document.createElement('div');
    wrap.className = 'choice';
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'widget';
    radio.id = `widget-${w.tag}`;
    radio.value = w.tag;
    radio.checked = w.tag === state.tag;
    radio.addEventListener('change', () => {
      state.tag = w.tag;
      state.values = { src: new URL(DATA_FILE[w.tag] || '', DATA).pathname };
      rebuildForm();
      update();
    });
    const label = document.createElement('label');
    label.htmlFor = radio.id;
    wrap.append(radio, label);
    return wrap;
  }));
  state.values = { src: new URL(DATA_FILE[state.tag] || '', DATA).pathname };

  for (const radio of document.querySelectorAll('input[name="form"]')) {
    radio.addEventListener('change', () => { state.form = /** @type {HTMLInputElement} */ (radio).value; void renderSnippet(); });
  }
  const hosted = /** @type {HTMLInputElement} */ ($('hosted'));
  hosted.placeholder = WIDGETS.href;
  hosted.addEventListener('input', () => { state.hostedAt = hosted.value; void renderSnippet(); });
  $('copy').addEventListener('click', () => { void copy(); });
  // Enter in a field would submit the form and reload the page.
  $('options').addEventListener('submit', (event) => event.preventDefault());

  applyLanguage();
  status.textContent = '';
  // The live preview needs the widgets: the all-in-one script of this release.
  await import(new URL(releasedFile(ALL_IN_ONE).name, WIDGETS).href);
  update();
}

async function copy() {
  const s = t();
  const text = /** @type {HTMLTextAreaElement} */ ($('snippet')).value;
  const said = $('copied');
  try {
    await navigator.clipboard.writeText(text);
    said.textContent = s.copied;
  } catch {
    said.textContent = s.copyFailed;
  }
}

void start();
