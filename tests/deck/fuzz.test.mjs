// @ts-check
// Bounded fuzzing of the deck reader: decks mutated as JSON values (fields dropped, retyped,
// set to odd values) and as text (bytes cut, spliced) are read or refused with a DeckError
// that names the file, never another exception; and what is read holds only known slides.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deckFromText, validateDeck, readSettings, parseSlides, SLIDE_TYPES, DeckError } from '#present/deck.js';

let seed = 0x2545f491;
/** @param {number} n */
const below = (n) => {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % Math.max(1, n);
};
const ODD = [null, true, 0, -1, 1e309, 2.5, '', ' ', '*', 'C7', 'al:*', 'forum:1999', '<b>x</b>', 'javascript:alert(1)',
  '\u0000', '\u202e', [], {}, [{}], { type: 'matrix' }, 'x'.repeat(10000)];
const odd = () => ODD[below(ODD.length)];

const GOOD = {
  title: 'WSIS Forum', lang: 'fr', theme: 'dark', data: '../data/', refresh: 15,
  slides: [{ type: 'matrix' }, { type: 'action-line', id: 'C5' }, { type: 'action-line', id: '*' },
    { type: 'forum', year: 2025 }, { type: 'forum' }, { type: 'pledges' }],
};

/**
 * A copy of `value` with one random place changed.
 * @param {any} value
 * @returns {any}
 */
function mutate(value) {
  if (Array.isArray(value)) {
    const copy = [...value];
    const i = below(copy.length + 1);
    if (below(3) === 0 || copy.length === 0) copy.splice(i, 0, odd());
    else if (below(2) === 0) copy.splice(i % copy.length, 1);
    else copy[i % copy.length] = mutate(copy[i % copy.length]);
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy = { ...value };
    const keys = Object.keys(copy);
    const key = below(4) === 0 ? ['type', 'id', 'year', 'slides', 'lang', 'extra'][below(6)] : keys[below(keys.length)];
    if (below(4) === 0) delete copy[key];
    else copy[key] = below(2) === 0 ? odd() : mutate(copy[key]);
    return copy;
  }
  return odd();
}

const quiet = () => {};

describe('deck reader under fuzzing', () => {
  it('reads or refuses 5,000 mutated decks, with a DeckError naming the file', () => {
    let read = 0;
    for (let n = 0; n < 5000; n += 1) {
      let deck = GOOD;
      for (let k = 0; k <= below(3); k += 1) deck = mutate(deck);
      try {
        const out = validateDeck('talk.json', deck, quiet);
        assert.ok(Array.isArray(out.slides) && out.slides.length > 0);
        assert.ok(out.slides.every((s) => SLIDE_TYPES.includes(s.type)), JSON.stringify(out.slides));
        read += 1;
      } catch (error) {
        assert.ok(error instanceof DeckError, `${JSON.stringify(deck).slice(0, 200)}: ${error}`);
        assert.ok(error.message.startsWith('talk.json'), error.message);
      }
    }
    assert.ok(read > 100, `only ${read} read`);
  });

  it('refuses mutated deck texts with a DeckError, and reads odd parameters as warnings', () => {
    const text = JSON.stringify(GOOD);
    for (let n = 0; n < 3000; n += 1) {
      const at = below(text.length);
      const cut = text.slice(0, at) + (below(2) ? String(odd()) : '') + text.slice(at + below(20));
      try {
        deckFromText('talk.json', cut, quiet);
      } catch (error) {
        assert.ok(error instanceof DeckError, `${cut.slice(0, 120)}: ${error}`);
      }
    }
    for (let n = 0; n < 3000; n += 1) {
      const params = new URLSearchParams();
      for (let k = 0; k < below(5); k += 1) {
        params.append(['slides', 'lang', 'theme', 'data', 'refresh', 'deck', 'x'][below(7)], String(odd()).slice(0, 50));
      }
      readSettings(params, { warn: quiet });
      parseSlides(String(odd()), quiet);
    }
  });
});
