// @ts-check
// The presenter deck's logic, without a page: URL parameters, the `slides=` list, deck files,
// slide numbers and which widget each slide shows. No DOM, no window, no document, so node
// tests it directly (tests/deck). Problems a reader can survive are reported through `warn`
// and skipped; a bad deck file throws a DeckError naming the file and the JSON path.

import { ACTION_LINES, LANGS, RTL } from './constants.js';

export const THEMES = ['auto', 'light', 'dark'];
export const SLIDE_TYPES = ['matrix', 'action-line', 'forum', 'pledges'];
export const PARAMS = ['deck', 'slides', 'lang', 'theme', 'data', 'refresh'];
/** The element attributes that give defaults (the URL parameters, less `deck`). */
export const ATTRIBUTES = ['lang', 'theme', 'data', 'refresh', 'slides'];
export const DEFAULTS = Object.freeze({ lang: 'en', theme: 'auto', data: '../data/', refresh: 15 });
export const DEFAULT_SLIDES = 'matrix,al:*,forum,pledges';
/** Digits typed within this many ms of each other, then Enter, jump to that slide (as in PowerPoint). */
export const JUMP_MS = 2000;

/**
 * @typedef {{ type: 'matrix' } | { type: 'pledges' } | { type: 'action-line', id: string }
 *   | { type: 'forum', year?: number }} Slide
 * @typedef {{ title?: string, lang?: string, theme?: string, data?: string, refresh?: number,
 *   deck?: string, slides?: Slide[] }} PartialSettings
 * @typedef {{ lang: string, theme: string, data: string, refresh: number, slides: Slide[] }} Settings
 * @typedef {(message: string) => void} Warn
 * @typedef {{ digits: string, at: number }} Typed
 */

/** @type {Warn} */
export function consoleWarn(message) {
  console.warn('wsis-presenter: ' + message);
}

/**
 * `en-GB` → `en`; an unsupported language → null.
 * @param {unknown} value
 * @returns {string | null}
 */
export function normalizeLang(value) {
  const code = String(value || '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(code) ? code : null;
}

/** @param {string} lang */
export function direction(lang) {
  return RTL.includes(lang) ? 'rtl' : 'ltr';
}

/** A deck error with the file and the JSON path, as the widgets word theirs. */
export class DeckError extends Error {
  /**
   * @param {string} file
   * @param {string} path empty for the file as a whole
   * @param {string} message
   */
  constructor(file, path, message) {
    super(`${file}: ${path ? path + ': ' : ''}${message}`);
    this.name = 'DeckError';
    this.file = file;
    this.path = path;
  }
}

/**
 * The Action Line id for `value` in any letter case, or undefined.
 * @param {unknown} value
 */
function actionLine(value) {
  return typeof value === 'string' ? ACTION_LINES.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
}

/** @returns {Slide[]} */
function allActionLines() {
  return ACTION_LINES.map((id) => ({ type: 'action-line', id }));
}

/**
 * One `slides=` token → slides; a bad token warns and yields none.
 * @param {string} token
 * @param {Warn} warn
 * @returns {Slide[]}
 */
function parseToken(token, warn) {
  const t = token.trim();
  if (!t) return [];
  if (t === 'matrix') return [{ type: 'matrix' }];
  if (t === 'pledges') return [{ type: 'pledges' }];
  if (t === 'forum') return [{ type: 'forum' }];
  const [kind, arg, ...extra] = t.split(':');
  if (extra.length === 0 && kind === 'al') {
    if (arg === '*') return allActionLines();
    const id = actionLine(arg);
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

/**
 * `matrix,al:C5,al:*,forum:2025,pledges` → slides, in order; bad entries warn and are skipped.
 * @param {string} list
 * @param {Warn} [warn]
 * @returns {Slide[]}
 */
export function parseSlides(list, warn = consoleWarn) {
  return String(list).split(',').flatMap((token) => parseToken(token, warn));
}

/**
 * @param {unknown} v
 * @returns {v is Record<string, unknown>}
 */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks a deck file's content: { lang?, theme?, data?, refresh?, title?, slides: [{ type, id?, year? }] }.
 * Throws a DeckError naming `file` and the JSON path of the first problem. Unknown keys warn.
 * @param {string} file
 * @param {unknown} deck
 * @param {Warn} [warn]
 * @returns {PartialSettings & { slides: Slide[] }}
 */
export function validateDeck(file, deck, warn = consoleWarn) {
  /**
   * @param {string} path
   * @param {string} message
   * @returns {never}
   */
  function fail(path, message) {
    throw new DeckError(file, path, message);
  }
  if (!isObject(deck)) fail('', 'a deck file must be a JSON object with "slides"');
  /** @type {PartialSettings} */
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
    if (typeof deck.theme !== 'string' || !THEMES.includes(deck.theme)) {
      fail('theme', `${JSON.stringify(deck.theme)} is not one of ${THEMES.join(', ')}`);
    }
    out.theme = deck.theme;
  }
  if (deck.data !== undefined) {
    if (typeof deck.data !== 'string' || !deck.data) fail('data', 'expected the URL of the data folder');
    out.data = deck.data;
  }
  if (deck.refresh !== undefined) {
    // JSON.parse reads 1e309 as Infinity, which JSON.stringify would show as null.
    if (typeof deck.refresh !== 'number' || !Number.isFinite(deck.refresh) || !(deck.refresh >= 1)) {
      const shown = typeof deck.refresh === 'number' ? String(deck.refresh) : JSON.stringify(deck.refresh);
      fail('refresh', `${shown} is not a number of seconds (≥ 1)`);
    }
    out.refresh = deck.refresh;
  }
  const slides = deck.slides;
  if (!Array.isArray(slides)) fail('slides', 'expected an array of slides');
  if (slides.length === 0) fail('slides', 'a deck needs at least one slide');
  /** @type {Slide[]} */
  const list = [];
  slides.forEach((/** @type {unknown} */ slide, i) => {
    const at = `slides[${i}]`;
    if (!isObject(slide)) fail(at, 'expected an object such as {"type": "matrix"}');
    const type = slide.type;
    if (typeof type !== 'string') fail(`${at}.type`, 'missing; expected one of ' + SLIDE_TYPES.join(', '));
    if (!SLIDE_TYPES.includes(type)) fail(`${at}.type`, `unknown slide type ${JSON.stringify(type)}`);
    for (const key of Object.keys(slide)) {
      if (!['type', 'id', 'year'].includes(key)) warn(`${file}: ${at}.${key}: unknown key ignored`);
    }
    if (type === 'action-line') {
      if (slide.id === '*') {
        list.push(...allActionLines());
        return;
      }
      const id = actionLine(slide.id);
      if (!id) fail(`${at}.id`, `${JSON.stringify(slide.id)} is not an Action Line (${ACTION_LINES.join(' ')}, or "*" for all)`);
      list.push({ type: 'action-line', id });
    } else if (type === 'forum') {
      const year = slide.year;
      if (year === undefined) {
        list.push({ type: 'forum' });
        return;
      }
      if (typeof year !== 'number' || !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
        fail(`${at}.year`, `${JSON.stringify(year)} is not a year`);
      }
      list.push({ type: 'forum', year });
    } else {
      list.push({ type: type === 'matrix' ? 'matrix' : 'pledges' });
    }
  });
  return { ...out, slides: list };
}

/**
 * A deck file's text → its settings; not JSON, or not a deck, throws a DeckError.
 * @param {string} file
 * @param {string} text
 * @param {Warn} [warn]
 */
export function deckFromText(file, text, warn = consoleWarn) {
  // The same plain words as the widgets' data files (model::input).
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) throw new DeckError(file, '', 'the file is empty');
  if (start.startsWith('<')) {
    throw new DeckError(file, '', 'this is a web page (HTML), not JSON: the server sent a page, often an error or login page, where the deck file belongs; check the address');
  }
  let json;
  try {
    json = JSON.parse(start);
  } catch (error) {
    throw new DeckError(file, '', `not valid JSON (${error instanceof Error ? error.message : error})`);
  }
  return validateDeck(file, json, warn);
}

/**
 * Settings from URL parameters (or the element's attributes, as URLSearchParams); bad ones warn
 * and are left out, so defaults apply.
 * @param {URLSearchParams} params
 * @param {{ checkUnknown?: boolean, warn?: Warn }} [options]
 * @returns {PartialSettings}
 */
export function readSettings(params, { checkUnknown = true, warn = consoleWarn } = {}) {
  /** @type {PartialSettings} */
  const out = {};
  if (checkUnknown) {
    for (const key of new Set(params.keys())) {
      if (!PARAMS.includes(key)) warn(`unknown URL parameter "${key}" ignored (${PARAMS.join(', ')})`);
    }
  }
  /** @param {string} key */
  const get = (key) => {
    const all = params.getAll(key);
    if (all.length > 1) warn(`URL parameter "${key}" given ${all.length} times; the last one is used`);
    return all.length ? all[all.length - 1] : null;
  };
  const lang = get('lang');
  if (lang !== null) {
    const code = normalizeLang(lang);
    if (code) out.lang = code;
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
      const list = parseSlides(slides, warn);
      if (list.length) out.slides = list;
      else warn(`slides="${slides}" has no usable slide; showing the default deck`);
    }
  }
  return out;
}

/**
 * The deck's settings: the URL over the deck file over the element's attributes over the
 * defaults; the slides from the first of those that gives any.
 * @param {PartialSettings} fromElement
 * @param {PartialSettings} fromDeck
 * @param {PartialSettings} fromUrl
 * @returns {Settings}
 */
export function mergeSettings(fromElement, fromDeck, fromUrl) {
  const merged = { ...DEFAULTS, ...fromElement, ...fromDeck, ...fromUrl };
  return {
    lang: normalizeLang(merged.lang) || DEFAULTS.lang,
    theme: THEMES.includes(merged.theme) ? merged.theme : DEFAULTS.theme,
    data: merged.data,
    refresh: merged.refresh,
    slides: fromUrl.slides || fromDeck.slides || fromElement.slides || parseSlides(DEFAULT_SLIDES),
  };
}

/**
 * The origins an `allowed-origins` attribute lists (separated by spaces or commas), each as
 * `scheme://host[:port]`; anything that is not an http(s) origin is skipped with a warning.
 * @param {string | null} text
 * @param {Warn} [warn]
 * @returns {string[]}
 */
export function parseOrigins(text, warn = consoleWarn) {
  /** @type {string[]} */
  const out = [];
  for (const item of String(text || '').split(/[\s,]+/)) {
    if (!item) continue;
    let origin = '';
    try {
      const url = new URL(item);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      origin = '';
    }
    if (origin) out.push(origin);
    else warn(`allowed-origins: "${item}" ignored: not an origin such as https://example.org`);
  }
  return out;
}

/**
 * Why a URL from the address (`deck=`, `data=`) must not be used, or null when it may: it is
 * on another origin than the page, and the page's `allowed-origins` does not list that origin.
 * A link can then never make the deck show files from a site the page did not choose.
 * @param {string} name the parameter (`deck`, `data`)
 * @param {string} value its value, relative to `baseURI`
 * @param {string} baseURI what relative URLs resolve against
 * @param {string} pageOrigin the page's own origin
 * @param {readonly string[]} allowed origins the page allows besides its own
 * @returns {string | null}
 */
export function refusedOrigin(name, value, baseURI, pageOrigin, allowed) {
  let url;
  try {
    url = new URL(value, baseURI);
  } catch {
    return `${name}=${value} is not a URL`;
  }
  if (url.origin === pageOrigin || allowed.includes(url.origin)) return null;
  const origin = url.origin === 'null' ? url.protocol : url.origin;
  return `${name}=${value} was not loaded: it is on another origin (${origin}) than this page. `
    + `A page that means to show files from there lists the origin in the allowed-origins attribute of its <wsis-presenter>.`;
}

/**
 * The 1-based slide a location hash (`#3`) names, or null; a hash that names no slide of
 * `total` warns.
 * @param {string} hash
 * @param {number} total
 * @param {Warn} [warn]
 */
export function slideFromHash(hash, total, warn = consoleWarn) {
  if (!hash) return null;
  const m = /^#(\d{1,6})$/.exec(hash);
  const n = m ? Number(m[1]) : 0;
  if (n >= 1 && n <= total) return n;
  warn(`slide "${hash}" ignored: expected #1 … #${total}`);
  return null;
}

/**
 * `i` (0-based) kept within a deck of `total` slides.
 * @param {number} i
 * @param {number} total
 */
export function clampIndex(i, total) {
  return Math.max(0, Math.min(total - 1, i));
}

/**
 * The digits typed so far, if the last came within JUMP_MS of `now`.
 * @param {Typed | null} typed
 * @param {number} now
 */
export function pendingDigits(typed, now) {
  return typed && now - typed.at < JUMP_MS ? typed.digits : '';
}

/**
 * After typing `digit` at `now`: the last four digits of the run.
 * @param {Typed | null} typed
 * @param {string} digit
 * @param {number} now
 * @returns {Typed}
 */
export function typeDigit(typed, digit, now) {
  return { digits: (pendingDigits(typed, now) + digit).slice(-4), at: now };
}

/**
 * The 0-based slide typed digits name in a deck of `total`, or null (with a warning).
 * @param {string} digits
 * @param {number} total
 * @param {Warn} [warn]
 */
export function typedSlide(digits, total, warn = consoleWarn) {
  const n = Number(digits);
  if (n >= 1 && n <= total) return n - 1;
  warn(`no slide ${digits}: expected 1 … ${total}`);
  return null;
}

/**
 * The widget element one slide shows: its tag and attributes, data URLs resolved against the
 * data folder (itself resolved against `baseURI`, the page's).
 * @param {Slide} slide
 * @param {Settings} settings
 * @param {string} baseURI
 * @returns {{ tag: string, attributes: [string, string][] }}
 */
export function slideWidget(slide, { data, lang, theme, refresh }, baseURI) {
  const base = new URL(data.endsWith('/') ? data : data + '/', baseURI);
  /** @param {string} name */
  const file = (name) => new URL(name, base).href;
  /** @type {{ tag: string, attributes: [string, string][] }} */
  let out;
  if (slide.type === 'matrix' || slide.type === 'action-line') {
    out = { tag: 'wsis-sdg-matrix', attributes: [['src', file('matrix.json')]] };
    if (slide.type === 'action-line') out.attributes.push(['action-line', slide.id]);
  } else if (slide.type === 'forum') {
    out = { tag: 'wsis-forum-outcomes', attributes: [['src', file('forum-outcomes.json')]] };
    if (slide.year) out.attributes.push(['year', String(slide.year)]);
  } else {
    out = { tag: 'p2c-pledges', attributes: [['src', file('p2c-pledges.json')], ['refresh', String(refresh)]] };
  }
  out.attributes.push(['presenter', ''], ['unlinked', ''], ['lang', lang], ['theme', theme]);
  return out;
}
