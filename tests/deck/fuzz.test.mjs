// @ts-check
// Fuzzing of the deck reader, seeded with the bad deck files of the corpus (tests/data/bad/deck-*.json)
// and a deck with every slide type: decks mutated as JSON values (fields dropped, retyped, set to
// odd values) and as text (bytes cut, spliced, repeated) are read or refused with a DeckError that
// names the file, never another exception; what is read holds only known slides and reads back
// the same (validating a read deck again, or its JSON text, gives the same deck); odd URL
// settings are warnings. `DECK_FUZZ_CASES=N` sets the cases in all (11,000 by default, as every
// test run makes); `cargo xtask fuzz --runs N` runs it with N.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckFromText, validateDeck, readSettings, parseSlides, SLIDE_TYPES, DeckError } from '#present/deck.js';

const CASES = Math.max(11, Number(process.env.DECK_FUZZ_CASES) || 11000);
const VALUE_CASES = Math.round(CASES * 5 / 11);
const TEXT_CASES = Math.round(CASES * 3 / 11);
const SETTING_CASES = CASES - VALUE_CASES - TEXT_CASES;

let seed = 0x2545f491;
/** @param {number} n */
const below = (n) => {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % Math.max(1, n);
};
const ODD = [null, true, 0, -1, 1e309, 2.5, 1999, '', ' ', '*', 'C7', 'c5', 'e-hea', 'al:*', 'forum:1999', 'FR', 'dark',
  '<b>x</b>', 'javascript:alert(1)', '\u0000', '\u202e', '\ufffe', '__proto__', [], {}, [{}], { type: 'matrix' },
  { type: 'action-line', id: '*' }, 'x'.repeat(10000)];
const odd = () => ODD[below(ODD.length)];

const GOOD = {
  title: 'WSIS Forum', lang: 'fr', theme: 'dark', data: '../data/', refresh: 15,
  slides: [{ type: 'matrix' }, { type: 'action-line', id: 'C5' }, { type: 'action-line', id: '*' },
    { type: 'forum', year: 2025 }, { type: 'forum' }, { type: 'pledges' }],
};

const BAD = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'bad');
/** The corpus's deck files as texts, and those that are JSON as values: the seeds. */
const TEXTS = [JSON.stringify(GOOD), ...readdirSync(BAD)
  .filter((n) => n.startsWith('deck-') && n.endsWith('.json') && n !== 'deck-expected.json').sort()
  .map((n) => readFileSync(join(BAD, n), 'utf8'))];
/** @type {unknown[]} */
const VALUES = TEXTS.flatMap((text) => { try { return [JSON.parse(text)]; } catch { return []; } });

/**
 * A copy of `value` with one random place changed.
 * @param {any} value
 * @returns {any}
 */
function mutate(value) {
  if (Array.isArray(value)) {
    const copy = [...value];
    const i = below(copy.length + 1);
    if (below(3) === 0 || copy.length === 0) copy.splice(i, 0, below(2) ? odd() : mutate(VALUES[below(VALUES.length)]));
    else if (below(2) === 0) copy.splice(i % copy.length, 1);
    else copy[i % copy.length] = mutate(copy[i % copy.length]);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy = { ...value };
    const keys = Object.keys(copy);
    const key = below(4) === 0 ? ['type', 'id', 'year', 'slides', 'lang', 'theme', 'refresh', 'title', 'extra'][below(9)] : keys[below(keys.length)];
    if (below(4) === 0) delete copy[key];
    else copy[key] = below(2) === 0 ? odd() : mutate(copy[key]);
    return copy;
  }
  return below(4) === 0 ? structuredClone(VALUES[below(VALUES.length)]) : odd();
}

/**
 * `text` cut, spliced or repeated at a few places.
 * @param {string} text
 */
function mutateText(text) {
  let out = text;
  for (let k = 0; k <= below(3); k += 1) {
    const at = below(out.length + 1);
    const end = Math.min(out.length, at + below(20));
    switch (below(4)) {
      case 0: out = out.slice(0, at) + out.slice(end); break;
      case 1: out = out.slice(0, at) + JSON.stringify(odd()).slice(0, 60) + out.slice(at); break;
      case 2: out = out.slice(0, at) + out.slice(at, at + below(80)) + out.slice(at); break;
      default: out = out.slice(0, at) + String.fromCharCode(below(0x3000)) + out.slice(at + 1);
    }
  }
  return out;
}

const quiet = () => {};

/**
 * A deck read: only known slides, and it reads back the same.
 * @param {{ slides: { type: string }[] }} out
 */
function checkRead(out) {
  assert.ok(Array.isArray(out.slides) && out.slides.length > 0);
  assert.ok(out.slides.every((s) => SLIDE_TYPES.includes(s.type)), JSON.stringify(out.slides));
  assert.deepEqual(validateDeck('again.json', out, quiet), out, 'a read deck validated again changed');
  assert.deepEqual(deckFromText('again.json', JSON.stringify(out), quiet), out, 'a read deck as text changed');
}

/**
 * A refusal: a DeckError naming the file.
 * @param {unknown} error
 * @param {string} what
 */
function checkRefused(error, what) {
  assert.ok(error instanceof DeckError, `${what.slice(0, 200)}: ${error}`);
  assert.ok(error.message.startsWith('talk.json: '), error.message);
}

describe('deck reader under fuzzing', () => {
  it(`reads or refuses ${VALUE_CASES} mutated decks, with a DeckError naming the file`, (t) => {
    let read = 0;
    for (let n = 0; n < VALUE_CASES; n += 1) {
      let deck = below(3) === 0 ? VALUES[below(VALUES.length)] : GOOD;
      for (let k = 0; k <= below(3); k += 1) deck = mutate(deck);
      let out;
      try {
        out = validateDeck('talk.json', deck, quiet);
      } catch (error) {
        checkRefused(error, JSON.stringify(deck));
        continue;
      }
      checkRead(out);
      read += 1;
    }
    t.diagnostic(`${VALUE_CASES} mutated decks, ${read} read`);
    assert.ok(read > VALUE_CASES / 50, `only ${read} read`);
  });

  it(`reads or refuses ${TEXT_CASES} mutated deck texts, with a DeckError naming the file`, (t) => {
    let read = 0;
    for (let n = 0; n < TEXT_CASES; n += 1) {
      const text = mutateText(TEXTS[below(TEXTS.length)]);
      let out;
      try {
        out = deckFromText('talk.json', text, quiet);
      } catch (error) {
        checkRefused(error, text);
        continue;
      }
      checkRead(out);
      read += 1;
    }
    t.diagnostic(`${TEXT_CASES} mutated deck texts, ${read} read`);
    assert.ok(read > 0, 'no mutated text was read');
  });

  it(`reads ${SETTING_CASES} sets of odd URL settings and slide lists as warnings`, () => {
    for (let n = 0; n < SETTING_CASES; n += 1) {
      const params = new URLSearchParams();
      for (let k = 0; k < below(5); k += 1) {
        params.append(['slides', 'lang', 'theme', 'data', 'refresh', 'deck', 'x'][below(7)], String(odd()).slice(0, 50));
      }
      readSettings(params, { warn: quiet });
      const slides = parseSlides(String(odd()), quiet);
      assert.ok(slides.every((s) => SLIDE_TYPES.includes(s.type)), JSON.stringify(slides));
    }
  });
});
