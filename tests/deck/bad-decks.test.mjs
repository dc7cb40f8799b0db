// @ts-check
// The deck files of the bad-file corpus (tests/data/bad/deck-*.json, made by its make.py): each is
// read or refused with the message deck-expected.json holds for it, word for word.
// `BLESS=1 node --test tests/deck/bad-decks.test.mjs` rewrites deck-expected.json.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckFromText, DeckError } from '#present/deck.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'bad');
const EXPECTED = join(DIR, 'deck-expected.json');

/** @param {string} name */
function verdict(name) {
  const text = readFileSync(join(DIR, name), 'utf8');
  try {
    const deck = deckFromText(name, text, () => {});
    return `ok: ${deck.slides.length} slides`;
  } catch (error) {
    assert.ok(error instanceof DeckError, `${name}: ${error}`);
    return error.message;
  }
}

describe('bad deck files', () => {
  it('each gets its message', () => {
    const names = readdirSync(DIR).filter((n) => n.startsWith('deck-') && n.endsWith('.json') && n !== 'deck-expected.json').sort();
    /** @type {Record<string, string>} */
    const found = {};
    for (const name of names) found[name] = verdict(name);
    if (process.env.BLESS) writeFileSync(EXPECTED, JSON.stringify(found, null, 2) + '\n');
    assert.ok(names.length >= 12, `only ${names.length} deck files`);
    assert.deepEqual(found, JSON.parse(readFileSync(EXPECTED, 'utf8')));
  });
});
