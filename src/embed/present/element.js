// @ts-check
// <wsis-presenter>: the deck on the page — slides, the control bar, keys, swipes, history and
// full screen. What needs no page (settings, deck files, slide numbers) is in deck.js. Nothing
// here writes markup from data: every element is created with createElement and every text
// set with textContent.

import {
  ATTRIBUTES, DEFAULTS, DeckError, THEMES, clampIndex, consoleWarn as warn, deckFromText, direction,
  mergeSettings, normalizeLang, parseOrigins, pendingDigits, readSettings, refusedOrigin, slideFromHash,
  slideWidget, typeDigit, typedSlide,
} from './deck.js';
import { STRINGS, fill } from './strings.js';
import { STYLES } from './styles.js';

/** @typedef {import('./deck.js').Slide} Slide */
/** @typedef {import('./deck.js').Settings} Settings */
/** @typedef {import('./deck.js').Typed} Typed */
/** @typedef {import('./strings.js').Strings} Strings */
/**
 * The deck's parts, once built.
 * @typedef {{ boxes: HTMLElement[], prev: HTMLButtonElement, next: HTMLButtonElement,
 *   counter: HTMLElement, counterText: HTMLElement, counterSpoken: HTMLElement,
 *   full: HTMLButtonElement, blank: HTMLElement }} Parts
 */

/** A horizontal move longer than this (CSS px), and longer than the vertical one, is a swipe. */
const SWIPE_PX = 50;

/** @type {CSSStyleSheet | null} */
let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
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
 * Fetches and checks a deck file (relative to the page).
 * @param {string} file
 */
async function loadDeck(file) {
  let response;
  try {
    response = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
  } catch (error) {
    throw new DeckError(file, '', `could not be loaded (${messageOf(error)})`);
  }
  if (!response.ok) {
    throw new DeckError(file, '', `the server answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  return deckFromText(file, await response.text());
}

/**
 * True when a key press belongs to a form field or a control that handles it itself.
 * @param {EventTarget | undefined} node
 */
function isEditable(node) {
  if (!(node instanceof Element)) return false;
  const name = node.localName;
  return name === 'input' || name === 'select' || name === 'textarea'
    || (node instanceof HTMLElement && node.isContentEditable);
}
/** @param {EventTarget | undefined} node */
function isActivatable(node) {
  if (!(node instanceof Element)) return false;
  return ['button', 'a', 'summary', 'input', 'select', 'textarea', 'option'].includes(node.localName)
    || node.getAttribute('role') === 'button';
}

class Presenter extends HTMLElement {
  constructor() {
    super();
    this.index = 0;
    /** @type {Slide[]} */
    this.slides = [];
    /** @type {null | 'black' | 'white'} */
    this.blank = null;
    /** @type {Settings | null} */
    this.settings = null;
    /** @type {Strings} */
    this.strings = STRINGS[DEFAULTS.lang];
    /** @type {Parts | null} */
    this.parts = null;
    /** @type {Typed | null} */
    this.typed = null;
    this.deck = document.createElement('div');
    this.deck.className = 'deck';
    this.deck.setAttribute('data-testid', 'deck');
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
    root.append(this.deck);
    this.start().catch((error) => this.showError(messageOf(error)));
  }

  disconnectedCallback() {
    this.listen(false);
  }

  /** @param {boolean} on */
  listen(on) {
    if (on) {
      document.addEventListener('keydown', this.onKey);
      window.addEventListener('popstate', this.onPop);
      window.addEventListener('hashchange', this.onPop);
      document.addEventListener('fullscreenchange', this.onFullscreen);
    } else {
      document.removeEventListener('keydown', this.onKey);
      window.removeEventListener('popstate', this.onPop);
      window.removeEventListener('hashchange', this.onPop);
      document.removeEventListener('fullscreenchange', this.onFullscreen);
    }
  }

  /** Element attributes (same names as the URL parameters) give defaults; the URL wins. */
  async start() {
    const attributes = new URLSearchParams();
    for (const key of ATTRIBUTES) {
      const value = this.getAttribute(key);
      if (value !== null) attributes.set(key, value);
    }
    const fromElement = readSettings(attributes, { checkUnknown: false });
    const url = readSettings(new URLSearchParams(location.search));
    /** @type {import('./deck.js').PartialSettings} */
    let fromDeck = {};
    this.applyLook({ ...DEFAULTS, ...fromElement, ...url });
    // A link chooses the deck file and the data folder, but only on this page's origin, or on
    // one the page lists; the element's own attributes are the page's choice.
    const allowed = parseOrigins(this.getAttribute('allowed-origins'));
    /** @param {string} name @param {string | undefined} value */
    const refused = (name, value) => (value ? refusedOrigin(name, value, document.baseURI, location.origin, allowed) : null);
    const deckRefused = refused('deck', url.deck);
    if (deckRefused) {
      this.showError(deckRefused);
      return;
    }
    if (url.deck) {
      try {
        fromDeck = await loadDeck(url.deck);
      } catch (error) {
        this.showError(messageOf(error));
        return;
      }
    }
    const dataRefused = refused('data', url.data || fromDeck.data);
    if (dataRefused) {
      this.showError(dataRefused);
      return;
    }
    const settings = mergeSettings(fromElement, fromDeck, url);
    this.settings = settings;
    if (fromDeck.title) document.title = fromDeck.title;
    this.applyLook(settings);
    this.build(settings);
    const n = slideFromHash(location.hash, this.slides.length);
    this.go((n || 1) - 1, 'replace');
    if (this.isConnected) this.listen(true);
  }

  /** @param {{ lang?: string, theme?: string }} look */
  applyLook({ lang, theme }) {
    const code = normalizeLang(lang) || DEFAULTS.lang;
    const dir = direction(code);
    this.strings = STRINGS[code];
    this.setAttribute('lang', code);
    this.setAttribute('dir', dir);
    this.dataset.theme = theme && THEMES.includes(theme) ? theme : DEFAULTS.theme;
    this.deck.setAttribute('lang', code);
    this.deck.setAttribute('dir', dir);
  }

  /** @param {string} message */
  showError(message) {
    const box = document.createElement('p');
    box.className = 'error';
    box.setAttribute('role', 'alert');
    box.textContent = message;
    this.deck.classList.add('failed');
    this.deck.replaceChildren(box);
    console.error('wsis-presenter: ' + message);
  }

  /** @param {Settings} settings */
  build(settings) {
    const s = this.strings;
    this.slides = settings.slides;
    const area = document.createElement('div');
    area.className = 'slides';
    area.setAttribute('role', 'region');
    area.setAttribute('aria-roledescription', 'carousel');
    area.setAttribute('aria-label', s.deck);
    const boxes = this.slides.map((slide, i) => {
      const box = document.createElement('section');
      box.className = 'slide';
      box.dataset.index = String(i + 1);
      box.dataset.type = slide.type;
      box.setAttribute('aria-roledescription', 'slide');
      box.setAttribute('aria-label', fill(s.slideOf, { i: i + 1, n: this.slides.length }));
      area.append(box);
      return box;
    });
    this.addSwipe(area);

    const bar = document.createElement('nav');
    bar.className = 'bar';
    bar.setAttribute('aria-label', s.deck);
    const arrows = this.getAttribute('dir') === 'rtl' ? ['→', '←'] : ['←', '→'];
    const prev = this.button(s.previous, arrows[0], true, () => this.step(-1));
    const next = this.button(s.next, arrows[1], false, () => this.step(1));
    const counter = document.createElement('p');
    counter.className = 'counter';
    counter.setAttribute('data-testid', 'counter');
    counter.setAttribute('aria-live', 'polite');
    counter.setAttribute('aria-atomic', 'true');
    const counterText = document.createElement('span');
    counterText.setAttribute('aria-hidden', 'true');
    counterText.setAttribute('data-testid', 'counter-text');
    const counterSpoken = document.createElement('span');
    counterSpoken.className = 'sr-only';
    counter.append(counterText, counterSpoken);
    const spacer = document.createElement('span');
    spacer.className = 'spacer';
    const full = this.button(s.fullscreen, '⛶', true, () => this.toggleFullscreen());
    full.setAttribute('aria-pressed', 'false');
    bar.append(prev, counter, next, spacer, full);

    const blank = document.createElement('div');
    blank.className = 'blank';
    blank.setAttribute('role', 'status');
    blank.hidden = true;
    const blankText = document.createElement('span');
    blankText.className = 'sr-only';
    blankText.textContent = s.blank;
    blank.append(blankText);
    blank.addEventListener('click', () => this.setBlank(null));

    this.parts = { boxes, prev, next, counter, counterText, counterSpoken, full, blank };
    this.deck.replaceChildren(area, bar, blank);
  }

  /**
   * @param {string} label
   * @param {string} icon
   * @param {boolean} iconFirst
   * @param {() => void} action
   */
  button(label, icon, iconFirst, action) {
    const b = document.createElement('button');
    b.type = 'button';
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

  /**
   * The widget element for one slide, built from attributes only.
   * @param {Slide} slide
   * @param {Settings} settings
   */
  widgetFor(slide, settings) {
    const { tag, attributes } = slideWidget(slide, settings, document.baseURI);
    const el = document.createElement(tag);
    for (const [name, value] of attributes) el.setAttribute(name, value);
    /** @param {string} state */
    const mark = (state) => (/** @type {Event} */ event) => {
      if (event.target !== el) return;
      const box = el.parentElement;
      if (box) box.dataset.state = state;
    };
    el.addEventListener('wsis-ready', mark('ready'));
    el.addEventListener('p2c-ready', mark('ready'));
    el.addEventListener('wsis-error', mark('error'));
    return el;
  }

  /**
   * Mounts the current slide and its neighbours; unmounts the rest, except a started pledge slide.
   * @param {HTMLElement[]} boxes
   * @param {Settings} settings
   */
  mountAround(boxes, settings) {
    boxes.forEach((box, i) => {
      const near = Math.abs(i - this.index) <= 1;
      const widget = box.firstElementChild;
      if (near && !widget) {
        box.dataset.state = 'loading';
        box.append(this.widgetFor(this.slides[i], settings));
      } else if (!near && widget && this.slides[i].type !== 'pledges') {
        widget.remove();
        delete box.dataset.state;
      }
    });
  }

  /**
   * Shows slide `i` (0-based, clamped).
   * @param {number} i
   * @param {'push' | 'replace' | 'none'} [history]
   */
  go(i, history = 'push') {
    const { parts, settings } = this;
    if (!this.slides.length || !parts || !settings) return;
    const n = this.slides.length;
    const next = clampIndex(i, n);
    const changed = next !== this.index;
    this.index = next;
    parts.boxes.forEach((box, k) => {
      const current = k === next;
      box.classList.toggle('current', current);
      box.setAttribute('aria-hidden', current ? 'false' : 'true');
      box.inert = !current;
    });
    this.mountAround(parts.boxes, settings);
    const fmt = new Intl.NumberFormat(this.getAttribute('lang') || 'en');
    parts.counterText.textContent = `${fmt.format(next + 1)} / ${fmt.format(n)}`;
    parts.counterSpoken.textContent = fill(this.strings.slideOf, { i: fmt.format(next + 1), n: fmt.format(n) });
    parts.counter.dataset.index = String(next + 1);
    parts.counter.dataset.total = String(n);
    parts.prev.disabled = next === 0;
    parts.next.disabled = next === n - 1;
    const hash = '#' + (next + 1);
    if (history === 'replace') window.history.replaceState(window.history.state, '', hash);
    else if (history === 'push' && (changed || location.hash !== hash)) window.history.pushState(null, '', hash);
    this.dispatchEvent(new CustomEvent('wsis-slide', {
      bubbles: true, composed: true, detail: { index: next + 1, total: n, slide: { ...this.slides[next] } },
    }));
  }

  /** @param {number} delta */
  step(delta) {
    if (this.blank) {
      this.setBlank(null);
      return;
    }
    this.go(this.index + delta);
  }

  /** @param {null | 'black' | 'white'} kind */
  setBlank(kind) {
    this.blank = kind;
    const box = this.parts && this.parts.blank;
    if (!box) return;
    box.hidden = !kind;
    box.classList.toggle('white', kind === 'white');
    this.deck.classList.toggle('blanked', Boolean(kind));
    box.dataset.kind = kind || '';
  }

  /** Not named requestFullscreen: that is the element's own method, which this must not hide. */
  enterFullscreen() {
    const el = document.documentElement;
    if (!el.requestFullscreen) {
      warn('full screen is not available in this browser');
      return;
    }
    try {
      // Checked, not assumed: a page (or a test) may replace requestFullscreen with one that
      // returns nothing.
      const p = el.requestFullscreen();
      if (p && p.catch) p.catch((error) => warn('full screen was refused: ' + messageOf(error)));
    } catch (error) {
      warn('full screen was refused: ' + messageOf(error));
    }
  }

  toggleFullscreen() {
    if (document.fullscreenElement) {
      const p = document.exitFullscreen && document.exitFullscreen();
      if (p && p.catch) p.catch((error) => warn('could not leave full screen: ' + messageOf(error)));
    } else {
      this.enterFullscreen();
    }
  }

  onFullscreen() {
    const on = Boolean(document.fullscreenElement);
    const full = this.parts && this.parts.full;
    if (!full) return;
    full.setAttribute('aria-pressed', String(on));
    const label = full.querySelector('.label');
    if (label) label.textContent = on ? this.strings.exitFullscreen : this.strings.fullscreen;
  }

  onPop() {
    const n = slideFromHash(location.hash, this.slides.length);
    if (n !== null && n - 1 !== this.index) this.go(n - 1, 'none');
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (isEditable(target)) return;
    const key = event.key;
    // A slide number typed, then Enter: go there.
    const now = event.timeStamp;
    if (/^[0-9]$/.test(key)) {
      this.typed = typeDigit(this.typed, key, now);
      event.preventDefault();
      return;
    }
    const typed = pendingDigits(this.typed, now);
    this.typed = null;
    if (key === 'Enter' && typed && !isActivatable(target)) {
      const i = typedSlide(typed, this.slides.length);
      if (i !== null) {
        this.setBlank(null);
        this.go(i);
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
        if (!document.fullscreenElement) this.enterFullscreen();
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

  /**
   * Touch and pen swipes: towards the start of the line = next (left, or right in Arabic).
   * @param {HTMLElement} area
   */
  addSwipe(area) {
    /** @type {{ x: number, y: number, id: number } | null} */
    let start = null;
    /** @type {{ x: number, y: number }} */
    let last = { x: 0, y: 0 };
    /**
     * @param {{ x: number, y: number }} from
     * @param {{ x: number, y: number }} at
     */
    const end = (from, at) => {
      const dx = at.x - from.x;
      const dy = at.y - from.y;
      start = null;
      const onward = this.getAttribute('dir') === 'rtl' ? dx > 0 : dx < 0;
      if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) this.step(onward ? 1 : -1);
    };
    area.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'mouse' || !event.isPrimary) return;
      start = { x: event.clientX, y: event.clientY, id: event.pointerId };
      last = { x: event.clientX, y: event.clientY };
    });
    area.addEventListener('pointermove', (event) => {
      if (start && event.pointerId === start.id) last = { x: event.clientX, y: event.clientY };
    });
    area.addEventListener('pointerup', (event) => {
      if (start && event.pointerId === start.id) end(start, { x: event.clientX, y: event.clientY });
    });
    // The browser took the gesture over (a vertical pan or a pinch): judge it by the last move,
    // since a cancelled pointer reports no position.
    area.addEventListener('pointercancel', (event) => {
      if (start && event.pointerId === start.id) end(start, last);
    });
  }
}

/** Marks the deck's element classes of every copy of this script. */
const PRESENTER = Symbol.for('wsis-sdg-widgets.presenter');
Object.defineProperty(Presenter.prototype, PRESENTER, { value: true });

/**
 * Registers the deck as `<name>` (the script registers `<wsis-presenter>` when it loads). A name
 * already the deck's is left alone; one the page uses for something else gets a console warning
 * that says how to register the deck under another name. Returns whether `<name>` is the deck.
 * @param {string} [name]
 */
export function definePresenter(name = 'wsis-presenter') {
  const existing = customElements.get(name);
  if (existing) {
    if (Reflect.get(existing.prototype, PRESENTER) === true) return true;
    warn(`<${name}> is already defined on this page by another script, so the deck is not registered under that name. `
      + `Register it under another name: import { definePresenter } from '${new URL('../wsis-sdg-present.js', import.meta.url).href}'; definePresenter('my-presenter'); and write <my-presenter> in the page.`);
    return false;
  }
  try {
    customElements.define(name, class extends Presenter {});
    return true;
  } catch (error) {
    warn(`could not register the deck as <${name}>: ${messageOf(error)}`);
    return false;
  }
}

definePresenter();
