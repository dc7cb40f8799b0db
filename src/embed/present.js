// wsis-sdg-present: <wsis-presenter>, a full-screen deck of the widgets for a talk on stage.
//
// Load with <script type="module" src=".../wsis-sdg-present.js"></script> next to
// wsis-sdg-widgets.js (which registers the widget elements), and put one <wsis-presenter> on the
// page. The deck comes from the page URL:
//
//   ?slides=matrix,al:C5,al:*,forum:2025,pledges   the slides, in order
//   ?deck=talks/wsis-forum-2026.json               or a deck file (see validateDeck)
//   &lang=fr &theme=dark &data=../data/ &refresh=15
//   #3                                              the slide shown (1-based), kept in history
//
// Unknown or malformed URL parameters are skipped with a console warning. A bad deck file is shown
// as a visible error naming the file and the JSON path. Nothing here writes markup from data:
// every element is created with createElement and every text set with textContent.

import './wsis-sdg-widgets.js';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const THEMES = ['auto', 'light', 'dark'];
const ACTION_LINES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'e-gov', 'e-bus', 'e-lea', 'e-hea', 'e-emp',
  'e-env', 'e-agr', 'e-sci', 'C8', 'C9', 'C10', 'C11'];
const SLIDE_TYPES = ['matrix', 'action-line', 'forum', 'pledges'];
const PARAMS = ['deck', 'slides', 'lang', 'theme', 'data', 'refresh'];
const DEFAULTS = { lang: 'en', theme: 'auto', data: '../data/', refresh: 15 };
const DEFAULT_SLIDES = 'matrix,al:*,forum,pledges';
/** A horizontal move longer than this (CSS px), and longer than the vertical one, is a swipe. */
const SWIPE_PX = 50;
/** Digits typed within this many ms of each other, then Enter, jump to that slide (as in PowerPoint). */
const JUMP_MS = 2000;

// The shell's few strings. Written by the project; they need review by UN language staff.
const STRINGS = {
  en: { previous: 'Previous', next: 'Next', fullscreen: 'Full screen', exitFullscreen: 'Exit full screen',
    slideOf: 'Slide {i} of {n}', deck: 'Presentation', blank: 'Screen blanked; press any key to continue' },
  fr: { previous: 'Précédente', next: 'Suivante', fullscreen: 'Plein écran', exitFullscreen: 'Quitter le plein écran',
    slideOf: 'Diapositive {i} sur {n}', deck: 'Présentation', blank: 'Écran masqué ; appuyez sur une touche pour continuer' },
  es: { previous: 'Anterior', next: 'Siguiente', fullscreen: 'Pantalla completa', exitFullscreen: 'Salir de pantalla completa',
    slideOf: 'Diapositiva {i} de {n}', deck: 'Presentación', blank: 'Pantalla oculta; pulse una tecla para continuar' },
  ru: { previous: 'Назад', next: 'Далее', fullscreen: 'Во весь экран', exitFullscreen: 'Выйти из полноэкранного режима',
    slideOf: 'Слайд {i} из {n}', deck: 'Презентация', blank: 'Экран скрыт; нажмите любую клавишу, чтобы продолжить' },
  zh: { previous: '上一张', next: '下一张', fullscreen: '全屏', exitFullscreen: '退出全屏',
    slideOf: '第 {i} 张，共 {n} 张', deck: '演示文稿', blank: '屏幕已隐藏；按任意键继续' },
  ar: { previous: 'السابق', next: 'التالي', fullscreen: 'ملء الشاشة', exitFullscreen: 'الخروج من ملء الشاشة',
    slideOf: 'الشريحة {i} من {n}', deck: 'عرض تقديمي', blank: 'الشاشة مخفية؛ اضغط أي مفتاح للمتابعة' },
};

const STYLES = `
:host { position: fixed; inset: 0; display: block; z-index: 0; contain: strict;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
  --p-bg: #ffffff; --p-fg: #1b1f24; --p-muted: #57606a; --p-border: #c9d1d9; --p-surface: #f3f5f7;
  --p-accent: #005a9c; --p-alert-bg: #fff1f0; --p-alert-fg: #8a1c13; }
:host([data-theme="dark"]) { --p-bg: #0d1117; --p-fg: #e6edf3; --p-muted: #9da7b3; --p-border: #3d444d;
  --p-surface: #161b22; --p-accent: #79c0ff; --p-alert-bg: #2d0f0e; --p-alert-fg: #ffb3ad; }
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) { --p-bg: #0d1117; --p-fg: #e6edf3; --p-muted: #9da7b3; --p-border: #3d444d;
    --p-surface: #161b22; --p-accent: #79c0ff; --p-alert-bg: #2d0f0e; --p-alert-fg: #ffb3ad; }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.deck { position: absolute; inset: 0; display: flex; flex-direction: column; overflow: hidden;
  background: var(--p-bg); color: var(--p-fg); }
.slides { position: relative; flex: 1 1 auto; min-height: 0; overflow: hidden; touch-action: pan-y pinch-zoom; }
.slide { position: absolute; inset: 0; overflow: hidden; }
/* The widgets reset their root with all: initial (visibility too), so slides out of view are also
   kept from rendering with content-visibility. */
.slide:not(.current) { visibility: hidden; content-visibility: hidden; }
.slide > * { display: block; width: 100%; height: 100%; overflow: hidden; margin: 0; }
.bar { flex: none; display: flex; align-items: center; gap: 0.5em; padding: 0.15em 0.5em;
  font-size: max(20px, min(1.05vw, 1.9vh)); line-height: 1.2;
  border-block-start: 1px solid var(--p-border); background: var(--p-bg); color: var(--p-fg); }
.bar .spacer { flex: 1 1 auto; }
button { font: inherit; color: var(--p-fg); background: var(--p-surface); border: 1px solid var(--p-border);
  border-radius: 6px; min-width: 44px; min-height: 44px; padding: 0.1em 0.7em; cursor: pointer;
  display: inline-flex; align-items: center; gap: 0.35em; touch-action: manipulation; }
button:disabled { color: var(--p-muted); cursor: default; }
button:focus-visible { outline: 3px solid var(--p-accent); outline-offset: 2px; }
.counter { margin: 0; min-width: 5em; text-align: center; font-variant-numeric: tabular-nums; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.blank { position: absolute; inset: 0; z-index: 10; background: #000; color: #000; cursor: none; }
.blank.white { background: #fff; color: #fff; }
.deck.blanked .slides { visibility: hidden; content-visibility: hidden; }
.error { margin: auto; max-width: 80vw; padding: 1em 1.25em; font-size: max(20px, min(1.6vw, 2.8vh));
  border: 2px solid currentColor; border-radius: 8px; background: var(--p-alert-bg); color: var(--p-alert-fg);
  overflow-wrap: anywhere; white-space: pre-line; }
.deck.failed { align-items: center; justify-content: center; }
`;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

function warn(message) {
  console.warn('wsis-presenter: ' + message);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}

/** `en-GB` → `en`; an unsupported language → null. */
function normalizeLang(value) {
  const code = String(value || '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(code) ? code : null;
}

/** A deck error with the file and the JSON path, as the widgets word theirs. */
class DeckError extends Error {
  constructor(file, path, message) {
    super(`${file}: ${path ? path + ': ' : ''}${message}`);
  }
}

/** One `slides=` token → slides; a bad token warns and yields none. */
function parseToken(token) {
  const t = token.trim();
  if (!t) return [];
  if (t === 'matrix') return [{ type: 'matrix' }];
  if (t === 'pledges') return [{ type: 'pledges' }];
  if (t === 'forum') return [{ type: 'forum' }];
  const [kind, arg, ...extra] = t.split(':');
  if (extra.length === 0 && kind === 'al') {
    if (arg === '*') return ACTION_LINES.map((id) => ({ type: 'action-line', id }));
    const id = ACTION_LINES.find((a) => a.toLowerCase() === String(arg).toLowerCase());
    if (id) return [{ type: 'action-line', id }];
    warn(`slides: "${t}" skipped: "${arg}" is not an Action Line (${ACTION_LINES.join(' ')})`);
    return [];
  }
  if (extra.length === 0 && kind === 'forum') {
    if (/^\d{4}$/.test(arg)) return [{ type: 'forum', year: Number(arg) }];
    warn(`slides: "${t}" skipped: "${arg}" is not a year`);
    return [];
  }
  warn(`slides: unknown slide "${t}" skipped (matrix, al:C5, al:*, forum:2025, pledges)`);
  return [];
}

export function parseSlides(list) {
  return String(list).split(',').flatMap(parseToken);
}

/**
 * Checks a deck file's content: { lang?, theme?, data?, refresh?, title?, slides: [{ type, id?, year? }] }.
 * Throws a DeckError naming `file` and the JSON path of the first problem. Unknown keys warn.
 */
export function validateDeck(file, deck) {
  const fail = (path, message) => { throw new DeckError(file, path, message); };
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(deck)) fail('', 'a deck file must be a JSON object with "slides"');
  const out = {};
  for (const key of Object.keys(deck)) {
    if (!['$schema', 'title', 'lang', 'theme', 'data', 'refresh', 'slides'].includes(key)) {
      warn(`${file}: ${key}: unknown key ignored`);
    }
  }
  if (deck.title !== undefined) {
    if (typeof deck.title !== 'string') fail('title', 'expected a string');
    out.title = deck.title;
  }
  if (deck.lang !== undefined) {
    const lang = typeof deck.lang === 'string' ? normalizeLang(deck.lang) : null;
    if (!lang) fail('lang', `${JSON.stringify(deck.lang)} is not one of ${LANGS.join(', ')}`);
    out.lang = lang;
  }
  if (deck.theme !== undefined) {
    if (!THEMES.includes(deck.theme)) fail('theme', `${JSON.stringify(deck.theme)} is not one of ${THEMES.join(', ')}`);
    out.theme = deck.theme;
  }
  if (deck.data !== undefined) {
    if (typeof deck.data !== 'string' || !deck.data) fail('data', 'expected the URL of the data folder');
    out.data = deck.data;
  }
  if (deck.refresh !== undefined) {
    if (typeof deck.refresh !== 'number' || !(deck.refresh >= 1)) fail('refresh', `${JSON.stringify(deck.refresh)} is not a number of seconds (≥ 1)`);
    out.refresh = deck.refresh;
  }
  if (!Array.isArray(deck.slides)) fail('slides', 'expected an array of slides');
  if (deck.slides.length === 0) fail('slides', 'a deck needs at least one slide');
  out.slides = [];
  deck.slides.forEach((slide, i) => {
    const at = `slides[${i}]`;
    if (!isObject(slide)) fail(at, 'expected an object such as {"type": "matrix"}');
    if (typeof slide.type !== 'string') fail(`${at}.type`, 'missing; expected one of ' + SLIDE_TYPES.join(', '));
    if (!SLIDE_TYPES.includes(slide.type)) fail(`${at}.type`, `unknown slide type ${JSON.stringify(slide.type)}`);
    for (const key of Object.keys(slide)) {
      if (!['type', 'id', 'year'].includes(key)) warn(`${file}: ${at}.${key}: unknown key ignored`);
    }
    if (slide.type === 'action-line') {
      if (slide.id === '*') {
        out.slides.push(...ACTION_LINES.map((id) => ({ type: 'action-line', id })));
        return;
      }
      const id = typeof slide.id === 'string' ? ACTION_LINES.find((a) => a.toLowerCase() === slide.id.toLowerCase()) : null;
      if (!id) fail(`${at}.id`, `${JSON.stringify(slide.id)} is not an Action Line (${ACTION_LINES.join(' ')}, or "*" for all)`);
      out.slides.push({ type: 'action-line', id });
    } else if (slide.type === 'forum') {
      if (slide.year !== undefined && !(Number.isInteger(slide.year) && slide.year >= 1000 && slide.year <= 9999)) {
        fail(`${at}.year`, `${JSON.stringify(slide.year)} is not a year`);
      }
      out.slides.push(slide.year === undefined ? { type: 'forum' } : { type: 'forum', year: slide.year });
    } else {
      out.slides.push({ type: slide.type });
    }
  });
  return out;
}

/**
 * Settings from URL parameters (or the element's attributes, as URLSearchParams); bad ones warn
 * and are left out, so defaults apply.
 */
function readSettings(params, { checkUnknown = true } = {}) {
  const out = {};
  if (checkUnknown) {
    for (const key of new Set(params.keys())) {
      if (!PARAMS.includes(key)) warn(`unknown URL parameter "${key}" ignored (${PARAMS.join(', ')})`);
    }
  }
  const get = (key) => {
    const all = params.getAll(key);
    if (all.length > 1) warn(`URL parameter "${key}" given ${all.length} times; the last one is used`);
    return all.length ? all[all.length - 1] : null;
  };
  const lang = get('lang');
  if (lang !== null) {
    if (normalizeLang(lang)) out.lang = normalizeLang(lang);
    else warn(`lang="${lang}" ignored: not one of ${LANGS.join(', ')}`);
  }
  const theme = get('theme');
  if (theme !== null) {
    if (THEMES.includes(theme)) out.theme = theme;
    else warn(`theme="${theme}" ignored: not one of ${THEMES.join(', ')}`);
  }
  const data = get('data');
  if (data !== null) {
    if (data) out.data = data;
    else warn('data= is empty; ignored');
  }
  const refresh = get('refresh');
  if (refresh !== null) {
    const n = Number(refresh);
    if (refresh.trim() !== '' && Number.isFinite(n) && n >= 1) out.refresh = n;
    else warn(`refresh="${refresh}" ignored: not a number of seconds (≥ 1)`);
  }
  const deck = get('deck');
  if (deck !== null) {
    if (deck) out.deck = deck;
    else warn('deck= is empty; ignored');
  }
  const slides = get('slides');
  if (slides !== null) {
    if (out.deck) warn('slides= ignored: deck= gives the slides');
    else {
      out.slides = parseSlides(slides);
      if (out.slides.length === 0) {
        warn(`slides="${slides}" has no usable slide; showing the default deck`);
        delete out.slides;
      }
    }
  }
  return out;
}

async function loadDeck(file) {
  let response;
  try {
    response = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
  } catch (error) {
    throw new DeckError(file, '', `could not be loaded (${error && error.message ? error.message : error})`);
  }
  if (!response.ok) {
    throw new DeckError(file, '', `the server answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DeckError(file, '', `not valid JSON (${error.message})`);
  }
  return validateDeck(file, json);
}

/** 1-based slide number from a location hash, or null. */
function hashIndex(hash) {
  const m = /^#(\d{1,6})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** True when a key press belongs to a form field or a control that handles it itself. */
function isEditable(node) {
  if (!node || node.nodeType !== 1) return false;
  const name = node.localName;
  return name === 'input' || name === 'select' || name === 'textarea' || node.isContentEditable;
}
function isActivatable(node) {
  if (!node || node.nodeType !== 1) return false;
  return ['button', 'a', 'summary', 'input', 'select', 'textarea', 'option'].includes(node.localName)
    || node.getAttribute('role') === 'button';
}

class Presenter extends HTMLElement {
  constructor() {
    super();
    this.index = 0;
    this.slides = [];
    this.boxes = [];
    this.blank = null; // null | 'black' | 'white'
    this.settings = null;
    this.onKey = this.onKey.bind(this);
    this.onPop = this.onPop.bind(this);
    this.onFullscreen = this.onFullscreen.bind(this);
  }

  connectedCallback() {
    if (this.shadowRoot) {
      // Moved in the document: the deck is built; listen again.
      if (this.settings) this.listen(true);
      return;
    }
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.deck = document.createElement('div');
    this.deck.className = 'deck';
    this.deck.setAttribute('data-testid', 'deck');
    root.append(this.deck);
    this.start().catch((error) => this.showError(error && error.message ? error.message : String(error)));
  }

  disconnectedCallback() {
    this.listen(false);
  }

  listen(on) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('keydown', this.onKey);
    window[method]('popstate', this.onPop);
    window[method]('hashchange', this.onPop);
    document[method]('fullscreenchange', this.onFullscreen);
  }

  /** Element attributes (same names as the URL parameters) give defaults; the URL wins. */
  async start() {
    const attributes = new URLSearchParams();
    for (const key of ['lang', 'theme', 'data', 'refresh', 'slides']) {
      if (this.hasAttribute(key)) attributes.set(key, this.getAttribute(key));
    }
    const fromElement = readSettings(attributes, { checkUnknown: false });
    const url = readSettings(new URLSearchParams(location.search));
    let fromDeck = {};
    this.applyLook({ ...DEFAULTS, ...fromElement, ...url });
    if (url.deck) {
      try {
        fromDeck = await loadDeck(url.deck);
      } catch (error) {
        this.showError(error.message);
        return;
      }
    }
    const settings = { ...DEFAULTS, ...fromElement, ...fromDeck, ...url };
    settings.lang = normalizeLang(settings.lang) || DEFAULTS.lang;
    if (!THEMES.includes(settings.theme)) settings.theme = DEFAULTS.theme;
    settings.slides = url.slides || fromDeck.slides || fromElement.slides || parseSlides(DEFAULT_SLIDES);
    this.settings = settings;
    if (fromDeck.title) document.title = fromDeck.title;
    this.applyLook(settings);
    this.build();
    let n = hashIndex(location.hash);
    if (location.hash && (n === null || n < 1 || n > this.slides.length)) {
      warn(`slide "${location.hash}" ignored: expected #1 … #${this.slides.length}`);
      n = null;
    }
    this.go((n || 1) - 1, 'replace');
    if (this.isConnected) this.listen(true);
  }

  applyLook({ lang, theme }) {
    const code = normalizeLang(lang) || DEFAULTS.lang;
    this.strings = STRINGS[code];
    this.setAttribute('lang', code);
    this.setAttribute('dir', code === 'ar' ? 'rtl' : 'ltr');
    this.dataset.theme = THEMES.includes(theme) ? theme : DEFAULTS.theme;
    this.deck.setAttribute('lang', code);
    this.deck.setAttribute('dir', code === 'ar' ? 'rtl' : 'ltr');
  }

  showError(message) {
    const box = document.createElement('p');
    box.className = 'error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'deck-error');
    box.textContent = message;
    this.deck.classList.add('failed');
    this.deck.replaceChildren(box);
    console.error('wsis-presenter: ' + message);
  }

  build() {
    const s = this.strings;
    this.slides = this.settings.slides;
    const area = document.createElement('div');
    area.className = 'slides';
    area.setAttribute('role', 'region');
    area.setAttribute('aria-roledescription', 'carousel');
    area.setAttribute('aria-label', s.deck);
    this.boxes = this.slides.map((slide, i) => {
      const box = document.createElement('section');
      box.className = 'slide';
      box.dataset.index = String(i + 1);
      box.dataset.type = slide.type;
      box.setAttribute('aria-roledescription', 'slide');
      box.setAttribute('aria-label', fill(s.slideOf, { i: i + 1, n: this.slides.length }));
      area.append(box);
      return box;
    });
    this.area = area;
    this.addSwipe(area);

    const bar = document.createElement('nav');
    bar.className = 'bar';
    bar.setAttribute('aria-label', s.deck);
    const arrows = this.getAttribute('dir') === 'rtl' ? ['→', '←'] : ['←', '→'];
    this.prevButton = this.button('prev', s.previous, arrows[0], true, () => this.step(-1));
    this.nextButton = this.button('next', s.next, arrows[1], false, () => this.step(1));
    this.counter = document.createElement('p');
    this.counter.className = 'counter';
    this.counter.setAttribute('data-testid', 'counter');
    this.counter.setAttribute('aria-live', 'polite');
    this.counter.setAttribute('aria-atomic', 'true');
    this.counterText = document.createElement('span');
    this.counterText.setAttribute('aria-hidden', 'true');
    this.counterText.setAttribute('data-testid', 'counter-text');
    this.counterSpoken = document.createElement('span');
    this.counterSpoken.className = 'sr-only';
    this.counter.append(this.counterText, this.counterSpoken);
    const spacer = document.createElement('span');
    spacer.className = 'spacer';
    this.fullButton = this.button('fullscreen', s.fullscreen, '⛶', true, () => this.toggleFullscreen());
    this.fullButton.setAttribute('aria-pressed', 'false');
    bar.append(this.prevButton, this.counter, this.nextButton, spacer, this.fullButton);

    this.blankBox = document.createElement('div');
    this.blankBox.className = 'blank';
    this.blankBox.setAttribute('data-testid', 'blank');
    this.blankBox.setAttribute('role', 'status');
    this.blankBox.hidden = true;
    const blankText = document.createElement('span');
    blankText.className = 'sr-only';
    blankText.textContent = s.blank;
    this.blankBox.append(blankText);
    this.blankBox.addEventListener('click', () => this.setBlank(null));

    this.deck.replaceChildren(area, bar, this.blankBox);
  }

  button(testid, label, icon, iconFirst, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('data-testid', testid);
    const glyph = document.createElement('span');
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = icon;
    const text = document.createElement('span');
    text.className = 'label';
    text.textContent = label;
    if (iconFirst) b.append(glyph, text);
    else b.append(text, glyph);
    b.addEventListener('click', action);
    return b;
  }

  /** The widget element for one slide, built from attributes only. */
  widgetFor(slide) {
    const { data, lang, theme, refresh } = this.settings;
    const base = new URL(data.endsWith('/') ? data : data + '/', document.baseURI);
    const file = (name) => new URL(name, base).href;
    let el;
    if (slide.type === 'matrix' || slide.type === 'action-line') {
      el = document.createElement('wsis-sdg-matrix');
      el.setAttribute('src', file('matrix.json'));
      if (slide.type === 'action-line') el.setAttribute('action-line', slide.id);
    } else if (slide.type === 'forum') {
      el = document.createElement('wsis-forum-outcomes');
      el.setAttribute('src', file('forum-outcomes.json'));
      if (slide.year) el.setAttribute('year', String(slide.year));
    } else {
      el = document.createElement('p2c-pledges');
      el.setAttribute('src', file('p2c-pledges.json'));
      el.setAttribute('refresh', String(refresh));
    }
    el.setAttribute('presenter', '');
    el.setAttribute('unlinked', '');
    el.setAttribute('lang', lang);
    el.setAttribute('theme', theme);
    const mark = (state) => (event) => {
      if (event.target !== el) return;
      const box = el.parentElement;
      if (box) box.dataset.state = state;
    };
    el.addEventListener('wsis-ready', mark('ready'));
    el.addEventListener('p2c-ready', mark('ready'));
    el.addEventListener('wsis-error', mark('error'));
    return el;
  }

  /** Mounts the current slide and its neighbours; unmounts the rest, except a started pledge slide. */
  mountAround() {
    this.boxes.forEach((box, i) => {
      const near = Math.abs(i - this.index) <= 1;
      const widget = box.firstElementChild;
      if (near && !widget) {
        box.dataset.state = 'loading';
        box.append(this.widgetFor(this.slides[i]));
      } else if (!near && widget && this.slides[i].type !== 'pledges') {
        widget.remove();
        delete box.dataset.state;
      }
    });
  }

  /** Shows slide `i` (0-based, clamped). `history`: 'push', 'replace' or 'none'. */
  go(i, history = 'push') {
    if (!this.slides.length) return;
    const next = Math.max(0, Math.min(this.slides.length - 1, i));
    const changed = next !== this.index;
    this.index = next;
    this.boxes.forEach((box, k) => {
      const current = k === next;
      box.classList.toggle('current', current);
      if (current) box.setAttribute('data-testid', 'slide');
      else box.removeAttribute('data-testid');
      box.setAttribute('aria-hidden', current ? 'false' : 'true');
      box.inert = !current;
    });
    this.mountAround();
    const n = this.slides.length;
    const fmt = new Intl.NumberFormat(this.getAttribute('lang') || 'en');
    this.counterText.textContent = `${fmt.format(next + 1)} / ${fmt.format(n)}`;
    this.counterSpoken.textContent = fill(this.strings.slideOf, { i: fmt.format(next + 1), n: fmt.format(n) });
    this.counter.dataset.index = String(next + 1);
    this.counter.dataset.total = String(n);
    this.prevButton.disabled = next === 0;
    this.nextButton.disabled = next === n - 1;
    const hash = '#' + (next + 1);
    if (history === 'replace') window.history.replaceState(window.history.state, '', hash);
    else if (history === 'push' && (changed || location.hash !== hash)) window.history.pushState(null, '', hash);
    this.dispatchEvent(new CustomEvent('wsis-slide', {
      bubbles: true, composed: true, detail: { index: next + 1, total: n, slide: { ...this.slides[next] } },
    }));
  }

  step(delta) {
    if (this.blank) {
      this.setBlank(null);
      return;
    }
    this.go(this.index + delta);
  }

  setBlank(kind) {
    this.blank = kind;
    this.blankBox.hidden = !kind;
    this.blankBox.classList.toggle('white', kind === 'white');
    this.deck.classList.toggle('blanked', Boolean(kind));
    this.blankBox.dataset.kind = kind || '';
  }

  requestFullscreen() {
    const el = document.documentElement;
    if (!el.requestFullscreen) {
      warn('full screen is not available in this browser');
      return;
    }
    try {
      const p = el.requestFullscreen();
      if (p && p.catch) p.catch((error) => warn('full screen was refused: ' + (error && error.message ? error.message : error)));
    } catch (error) {
      warn('full screen was refused: ' + error.message);
    }
  }

  toggleFullscreen() {
    if (document.fullscreenElement) {
      const p = document.exitFullscreen && document.exitFullscreen();
      if (p && p.catch) p.catch((error) => warn('could not leave full screen: ' + error.message));
    } else {
      this.requestFullscreen();
    }
  }

  onFullscreen() {
    const on = Boolean(document.fullscreenElement);
    this.fullButton.setAttribute('aria-pressed', String(on));
    this.fullButton.querySelector('.label').textContent = on ? this.strings.exitFullscreen : this.strings.fullscreen;
  }

  onPop() {
    const n = hashIndex(location.hash);
    if (n === null || n < 1 || n > this.slides.length) {
      if (location.hash) warn(`slide "${location.hash}" ignored: expected #1 … #${this.slides.length}`);
      return;
    }
    if (n - 1 !== this.index) this.go(n - 1, 'none');
  }

  onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (isEditable(target)) return;
    const key = event.key;
    // A slide number typed, then Enter: go there.
    const now = event.timeStamp;
    if (/^[0-9]$/.test(key)) {
      const recent = this.typed && now - this.typed.at < JUMP_MS ? this.typed.digits : '';
      this.typed = { digits: (recent + key).slice(-4), at: now };
      event.preventDefault();
      return;
    }
    const typed = this.typed && now - this.typed.at < JUMP_MS ? this.typed.digits : '';
    this.typed = null;
    if (key === 'Enter' && typed && !isActivatable(target)) {
      const n = Number(typed);
      if (n >= 1 && n <= this.slides.length) {
        this.setBlank(null);
        this.go(n - 1);
      } else {
        warn(`no slide ${typed}: expected 1 … ${this.slides.length}`);
      }
      event.preventDefault();
      return;
    }
    // Right to left, the deck runs leftwards: the left arrow goes on, as the flipped buttons show.
    const rtl = this.getAttribute('dir') === 'rtl';
    const [onward, back] = rtl ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    let handled = true;
    switch (key) {
      case 'PageDown': case onward: case 'ArrowDown': case 'n': case 'N':
        this.step(1); break;
      case ' ': case 'Spacebar': case 'Enter':
        if (isActivatable(target)) return;
        if (event.shiftKey && key !== 'Enter') this.step(-1);
        else this.step(1);
        break;
      case 'PageUp': case back: case 'ArrowUp': case 'Backspace': case 'p': case 'P':
        this.step(-1); break;
      case 'Home':
        this.setBlank(null); this.go(0); break;
      case 'End':
        this.setBlank(null); this.go(this.slides.length - 1); break;
      case 'b': case 'B': case '.':
        this.setBlank(this.blank === 'black' ? null : 'black'); break;
      case 'w': case 'W': case ',':
        this.setBlank(this.blank === 'white' ? null : 'white'); break;
      case 'f': case 'F':
        this.toggleFullscreen(); break;
      case 'F5':
        // A clicker's "start show": from the top, or from here with Shift.
        this.setBlank(null);
        if (!event.shiftKey) this.go(0);
        if (!document.fullscreenElement) this.requestFullscreen();
        break;
      case 'Escape': case 'Esc':
        // The browser leaves full screen by itself; here Escape only lifts a blank screen.
        if (this.blank) this.setBlank(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  /** Touch and pen swipes: towards the start of the line = next (left, or right in Arabic). */
  addSwipe(area) {
    let start = null;
    let last = null;
    area.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'mouse' || !event.isPrimary) return;
      start = { x: event.clientX, y: event.clientY, id: event.pointerId };
      last = { x: event.clientX, y: event.clientY };
    });
    area.addEventListener('pointermove', (event) => {
      if (start && event.pointerId === start.id) last = { x: event.clientX, y: event.clientY };
    });
    const end = (at) => {
      const dx = at.x - start.x;
      const dy = at.y - start.y;
      start = null;
      const onward = this.getAttribute('dir') === 'rtl' ? dx > 0 : dx < 0;
      if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) this.step(onward ? 1 : -1);
    };
    area.addEventListener('pointerup', (event) => {
      if (start && event.pointerId === start.id) end({ x: event.clientX, y: event.clientY });
    });
    // The browser took the gesture over (a vertical pan or a pinch): judge it by the last move,
    // since a cancelled pointer reports no position.
    area.addEventListener('pointercancel', (event) => {
      if (start && event.pointerId === start.id) end(last);
    });
  }
}

if (!customElements.get('wsis-presenter')) customElements.define('wsis-presenter', Presenter);
