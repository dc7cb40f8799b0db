// @ts-check
// The presenter deck's logic without a browser: the built dist/present/deck.js (with the
// constants.js `cargo xtask build` generates from the crate), run in node. What the deck does on
// a page is tests/browser/present.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULTS, DeckError, JUMP_MS, deckFromText, direction, mergeSettings, normalizeLang, parseSlides,
  parseOrigins, pendingDigits, readSettings, refusedOrigin, slideFromHash, slideWidget, typeDigit,
  typedSlide, validateDeck,
} from '#present/deck.js';
import { ACTION_LINES, LANGS, PALETTE } from '#present/constants.js';
import { STRINGS, fill } from '#present/strings.js';
import { STYLES } from '#present/styles.js';

/** A `warn` that records what it is told. */
function recorder() {
  /** @type {string[]} */
  const messages = [];
  /** @param {string} message */
  const warn = (message) => { messages.push(message); };
  return { warn, messages };
}

/** @param {import('#present/deck.js').Slide[]} slides */
const names = (slides) => slides.map((s) => ('id' in s ? `${s.type}:${s.id}` : 'year' in s ? `${s.type}:${s.year}` : s.type));

describe('constants from the crate', () => {
  it('has the 18 Action Lines in matrix order and the six UN languages', () => {
    assert.equal(ACTION_LINES.length, 18);
    assert.deepEqual([ACTION_LINES[0], ACTION_LINES[6], ACTION_LINES[13], ACTION_LINES[17]], ['C1', 'e-gov', 'e-sci', 'C11']);
    assert.deepEqual([...LANGS], ['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('gives the stylesheet its colours as custom properties, light and dark', () => {
    assert.ok(STYLES.includes(`--p-bg: ${PALETTE.light.bg};`), 'light background');
    assert.ok(STYLES.includes(`--p-alert-fg: ${PALETTE.light.alert_fg};`), 'light alert text');
    assert.ok(STYLES.includes(`--p-fg: ${PALETTE.dark.fg};`), 'dark text');
    assert.ok(STYLES.includes(`--p-accent: ${PALETTE.dark.accent};`), 'dark accent');
    // Every colour in the sheet is the palette's, or the blank screen's black and white.
    const allowed = new Set([...Object.values(PALETTE.light), ...Object.values(PALETTE.dark), '#000', '#fff']);
    const used = STYLES.match(/#[0-9a-fA-F]{3,8}\b/g) || [];
    assert.deepEqual(used.filter((c) => !allowed.has(c)), []);
  });
});

describe('slides= parameter', () => {
  it('reads matrix,al:C5,al:*,forum:2025,pledges in order, al:* as every Action Line', () => {
    const { warn, messages } = recorder();
    const slides = parseSlides('matrix,al:C5,al:*,forum:2025,pledges', warn);
    assert.deepEqual(names(slides), [
      'matrix', 'action-line:C5', ...ACTION_LINES.map((id) => `action-line:${id}`), 'forum:2025', 'pledges',
    ]);
    assert.deepEqual(messages, []);
  });

  it('takes Action Line ids in any letter case and a plain forum slide', () => {
    const { warn } = recorder();
    assert.deepEqual(names(parseSlides(' al:e-GOV , forum ,al:c11', warn)), ['action-line:e-gov', 'forum', 'action-line:C11']);
  });

  it('skips unknown entries, one warning each, and keeps the rest', () => {
    const { warn, messages } = recorder();
    const slides = parseSlides('matrix,bogus,al:C12,forum:25,al:C5:x,,pledges', warn);
    assert.deepEqual(names(slides), ['matrix', 'pledges']);
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.match(messages[0], /unknown slide "bogus" skipped/);
    assert.match(messages[1], /"al:C12" skipped: "C12" is not an Action Line/);
    assert.match(messages[2], /"forum:25" skipped: "25" is not a year/);
    assert.match(messages[3], /unknown slide "al:C5:x" skipped/);
  });
});

describe('deck files', () => {
  /**
   * The message validateDeck throws for `deck`.
   * @param {unknown} deck
   */
  function failure(deck) {
    const { warn } = recorder();
    try {
      validateDeck('talk.json', deck, warn);
    } catch (error) {
      assert.ok(error instanceof DeckError, String(error));
      return error.message;
    }
    assert.fail(`no error for ${JSON.stringify(deck)}`);
  }

  it('names the file and the JSON path of the fault', () => {
    const cases = [
      [[], 'talk.json: a deck file must be a JSON object with "slides"'],
      [{}, 'talk.json: slides: expected an array of slides'],
      [{ slides: [] }, 'talk.json: slides: a deck needs at least one slide'],
      [{ slides: ['matrix'] }, 'talk.json: slides[0]: expected an object such as {"type": "matrix"}'],
      [{ slides: [{ type: 'matrix' }, {}] }, 'talk.json: slides[1].type: missing; expected one of matrix, action-line, forum, pledges'],
      [{ slides: [{ type: 'matrix' }, { type: 'al' }] }, 'talk.json: slides[1].type: unknown slide type "al"'],
      [{ slides: [{ type: 'action-line', id: 'C12' }] }, /^talk\.json: slides\[0\]\.id: "C12" is not an Action Line \(C1 C2 .* C11, or "\*" for all\)$/],
      [{ slides: [{ type: 'forum', year: 25 }] }, 'talk.json: slides[0].year: 25 is not a year'],
      [{ slides: [{ type: 'forum', year: '2025' }] }, 'talk.json: slides[0].year: "2025" is not a year'],
      [{ lang: 'de', slides: [{ type: 'matrix' }] }, 'talk.json: lang: "de" is not one of ar, zh, en, fr, ru, es'],
      [{ theme: 'blue', slides: [{ type: 'matrix' }] }, 'talk.json: theme: "blue" is not one of auto, light, dark'],
      [{ refresh: 0, slides: [{ type: 'matrix' }] }, 'talk.json: refresh: 0 is not a number of seconds (≥ 1)'],
      [{ data: '', slides: [{ type: 'matrix' }] }, 'talk.json: data: expected the URL of the data folder'],
      [{ title: 3, slides: [{ type: 'matrix' }] }, 'talk.json: title: expected a string'],
    ];
    for (const [deck, expected] of cases) {
      const message = failure(deck);
      if (expected instanceof RegExp) assert.match(message, expected);
      else assert.equal(message, expected);
    }
  });

  it('keeps the path apart on the error, for callers that show it', () => {
    assert.throws(() => validateDeck('a.json', { slides: [{ type: 'pledges' }, { type: 'forum', year: 1.5 }] }, () => {}),
      (error) => error instanceof DeckError && error.file === 'a.json' && error.path === 'slides[1].year');
  });

  it('reads a good deck: languages normalised, al "*" expanded, unknown keys warned', () => {
    const { warn, messages } = recorder();
    const deck = validateDeck('talk.json', {
      $schema: '../deck.schema.json', title: 'WSIS Forum', lang: 'fr-CA', theme: 'dark', refresh: 30, notes: 'x',
      slides: [{ type: 'matrix', colour: 'red' }, { type: 'action-line', id: '*' }, { type: 'forum', year: 2025 }, { type: 'pledges' }],
    }, warn);
    assert.equal(deck.lang, 'fr');
    assert.equal(deck.theme, 'dark');
    assert.equal(deck.refresh, 30);
    assert.equal(deck.title, 'WSIS Forum');
    assert.equal(deck.slides.length, 1 + 18 + 1 + 1);
    assert.deepEqual(names(deck.slides).slice(-2), ['forum:2025', 'pledges']);
    assert.deepEqual(messages, ['talk.json: notes: unknown key ignored', 'talk.json: slides[0].colour: unknown key ignored']);
  });

  it('says when the file is not JSON', () => {
    assert.throws(() => deckFromText('talk.json', '{"slides": [', () => {}), /^DeckError: talk\.json: not valid JSON \(/);
  });
});

describe('URL parameters', () => {
  it('reads each setting and warns about unknown, repeated and bad ones', () => {
    const { warn, messages } = recorder();
    const params = new URLSearchParams('lang=ZH-hans&theme=dark&theme=light&refresh=abc&data=../d/&colour=red&slides=matrix,nope');
    const settings = readSettings(params, { warn });
    assert.deepEqual(settings, { lang: 'zh', theme: 'light', data: '../d/', slides: [{ type: 'matrix' }] });
    assert.deepEqual(messages, [
      'unknown URL parameter "colour" ignored (deck, slides, lang, theme, data, refresh)',
      'URL parameter "theme" given 2 times; the last one is used',
      'refresh="abc" ignored: not a number of seconds (≥ 1)',
      'slides: unknown slide "nope" skipped (matrix, al:C5, al:*, forum:2025, pledges)',
    ]);
  });

  it('lets deck= win over slides=, and drops a slides= with nothing usable', () => {
    const a = recorder();
    assert.deepEqual(readSettings(new URLSearchParams('deck=talk.json&slides=matrix'), { warn: a.warn }), { deck: 'talk.json' });
    assert.deepEqual(a.messages, ['slides= ignored: deck= gives the slides']);
    const b = recorder();
    assert.deepEqual(readSettings(new URLSearchParams('slides=x,y&lang=de'), { warn: b.warn }), {});
    assert.equal(b.messages.length, 4, b.messages.join('\n'));
    assert.match(b.messages[3], /has no usable slide; showing the default deck/);
  });

  it('does not warn about other parameters when reading element attributes', () => {
    const { warn, messages } = recorder();
    readSettings(new URLSearchParams('utm_source=x&refresh=20'), { checkUnknown: false, warn });
    assert.deepEqual(messages, []);
  });

  it('merges: URL over deck file over element over defaults', () => {
    const settings = mergeSettings(
      { lang: 'ar', theme: 'light', refresh: 20, slides: [{ type: 'pledges' }] },
      { theme: 'dark', data: 'deck-data/' },
      { theme: 'auto' },
    );
    assert.deepEqual(settings, { lang: 'ar', theme: 'auto', data: 'deck-data/', refresh: 20, slides: [{ type: 'pledges' }] });
    // The slides too: the first of URL, deck file, element that gives any.
    const matrix = [{ type: /** @type {const} */ ('matrix') }];
    const forum = [{ type: /** @type {const} */ ('forum') }];
    const pledges = [{ type: /** @type {const} */ ('pledges') }];
    assert.deepEqual(mergeSettings({ slides: pledges }, { slides: forum }, { slides: matrix }).slides, matrix);
    assert.deepEqual(mergeSettings({ slides: pledges }, { slides: forum }, {}).slides, forum);
    const plain = mergeSettings({}, {}, {});
    assert.equal(plain.lang, DEFAULTS.lang);
    assert.deepEqual(names(plain.slides), ['matrix', ...ACTION_LINES.map((id) => `action-line:${id}`), 'forum', 'pledges']);
  });
});

describe('slide numbers', () => {
  it('reads #n from the location hash, warning when it names no slide', () => {
    const { warn, messages } = recorder();
    assert.equal(slideFromHash('#3', 5, warn), 3);
    assert.equal(slideFromHash('#5', 5, warn), 5);
    assert.equal(slideFromHash('', 5, warn), null);
    assert.deepEqual(messages, []);
    for (const hash of ['#0', '#6', '#x', '#3a']) assert.equal(slideFromHash(hash, 5, warn), null, hash);
    assert.deepEqual(messages, ['#0', '#6', '#x', '#3a'].map((h) => `slide "${h}" ignored: expected #1 … #5`));
  });

  it('jumps to typed digits within JUMP_MS of each other, the last four kept', () => {
    let typed = typeDigit(null, '1', 1000);
    typed = typeDigit(typed, '2', 1000 + JUMP_MS - 1);
    assert.equal(pendingDigits(typed, 1000 + JUMP_MS), '12');
    assert.equal(pendingDigits(typed, 1000 + 2 * JUMP_MS), '', 'too late');
    assert.equal(typeDigit(typed, '3', 1000 + 3 * JUMP_MS).digits, '3', 'a late digit starts afresh');
    let long = null;
    for (const d of '123456') long = typeDigit(long, d, 0);
    assert.equal(long && long.digits, '3456');
    const { warn, messages } = recorder();
    assert.equal(typedSlide('12', 22, warn), 11);
    assert.equal(typedSlide('23', 22, warn), null);
    assert.equal(typedSlide('0', 22, warn), null);
    assert.deepEqual(messages, ['no slide 23: expected 1 … 22', 'no slide 0: expected 1 … 22']);
  });
});

describe('languages', () => {
  it('has every shell string in each of the six languages', () => {
    assert.deepEqual(Object.keys(STRINGS).sort(), [...LANGS].sort());
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of LANGS) {
      assert.deepEqual(Object.keys(STRINGS[lang]).sort(), keys, lang);
      for (const [key, text] of Object.entries(STRINGS[lang])) assert.ok(text.trim(), `${lang}.${key} is empty`);
      assert.match(STRINGS[lang].slideOf, /\{i\}.*\{n\}/, `${lang}.slideOf`);
    }
    assert.equal(fill(STRINGS.fr.slideOf, { i: 2, n: 5 }), 'Diapositive 2 sur 5');
  });

  it('normalises language tags and knows Arabic runs right to left', () => {
    assert.equal(normalizeLang('zh-Hans'), 'zh');
    assert.equal(normalizeLang('ES_419'), 'es');
    assert.equal(normalizeLang('de'), null);
    assert.equal(normalizeLang(''), null);
    assert.equal(direction('ar'), 'rtl');
    assert.deepEqual(LANGS.filter((l) => l !== 'ar').map(direction), ['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });
});

describe('slide widgets', () => {
  const settings = { lang: 'fr', theme: 'dark', data: 'data', refresh: 20, slides: [] };
  const base = 'https://example.org/talk/index.html';

  it('points each widget at its data file in the data folder', () => {
    const al = slideWidget({ type: 'action-line', id: 'C5' }, settings, base);
    assert.equal(al.tag, 'wsis-sdg-matrix');
    assert.deepEqual(Object.fromEntries(al.attributes), {
      src: 'https://example.org/talk/data/matrix.json', 'action-line': 'C5', presenter: '', unlinked: '', lang: 'fr', theme: 'dark',
    });
    const forum = slideWidget({ type: 'forum', year: 2025 }, settings, base);
    assert.equal(forum.tag, 'wsis-forum-outcomes');
    assert.equal(Object.fromEntries(forum.attributes).year, '2025');
    assert.equal(Object.fromEntries(slideWidget({ type: 'forum' }, settings, base).attributes).year, undefined);
    const pledges = Object.fromEntries(slideWidget({ type: 'pledges' }, { ...settings, data: '/d/' }, base).attributes);
    assert.equal(pledges.src, 'https://example.org/d/p2c-pledges.json');
    assert.equal(pledges.refresh, '20');
  });
});

describe('origins of deck= and data=', () => {
  const page = 'https://wsis.example/talks/present.html';
  const origin = 'https://wsis.example';

  it('allows the page\'s own origin, relative or absolute', () => {
    assert.equal(refusedOrigin('deck', 'talk.json', page, origin, []), null);
    assert.equal(refusedOrigin('data', '/data/', page, origin, []), null);
    assert.equal(refusedOrigin('data', 'https://wsis.example/other/', page, origin, []), null);
  });

  it('refuses another origin, a scheme-relative URL and data: or javascript: URLs, naming the attribute', () => {
    for (const value of ['https://evil.example/talk.json', '//evil.example/talk.json', 'http://wsis.example/talk.json',
      'data:application/json,{}', 'javascript:alert(1)']) {
      const message = refusedOrigin('deck', value, page, origin, []);
      assert.ok(message, value);
      assert.match(message, /another origin/);
      assert.match(message, /allowed-origins/);
    }
    assert.match(String(refusedOrigin('data', 'https://cdn.example/d/', page, origin, [])), /\(https:\/\/cdn\.example\)/);
  });

  it('allows exactly the origins the page lists', () => {
    const allowed = parseOrigins('https://cdn.example  http://localhost:8080/,https://x.example/path');
    assert.deepEqual(allowed, ['https://cdn.example', 'http://localhost:8080', 'https://x.example']);
    assert.equal(refusedOrigin('data', 'https://cdn.example/d/', page, origin, allowed), null);
    assert.ok(refusedOrigin('data', 'https://cdn.example:444/d/', page, origin, allowed));
    assert.ok(refusedOrigin('data', 'http://cdn.example/d/', page, origin, allowed));
  });

  it('skips what is not an http(s) origin with a warning', () => {
    const { warn, messages } = recorder();
    assert.deepEqual(parseOrigins('cdn.example * ftp://files.example', warn), []);
    assert.equal(messages.length, 3);
    assert.deepEqual(parseOrigins(null, warn), []);
  });
});
