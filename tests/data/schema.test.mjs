// Every bundled data file satisfies its JSON Schema (draft 2020-12, checked with Ajv), and the
// schemas do reject broken files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const matrixSchema = ajv.compile(read('data/schema/matrix.schema.json'));
const sdgSchema = ajv.compile(read('data/schema/sdg.schema.json'));
const pledgesSchema = ajv.compile(read('data/schema/p2c-pledges.schema.json'));
const forumSchema = ajv.compile(read('data/schema/forum-outcomes.schema.json'));
const explain = (validate) => JSON.stringify(validate.errors, null, 1);

describe('data files against their schemas', () => {
  it('matrix.json', () => {
    const ok = matrixSchema(read('data/matrix.json'));
    assert.ok(ok, explain(matrixSchema));
  });

  for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
    it(`sdg/sdg-${lang}.json`, () => {
      const ok = sdgSchema(read(`data/sdg/sdg-${lang}.json`));
      assert.ok(ok, explain(sdgSchema));
    });
  }

  it('the matrix schema rejects an SDG out of range, an unknown row id and a non-http URL', () => {
    for (const breakIt of [
      (m) => { m.links[17].sdg = 18; },
      (m) => { m.action_lines[0].id = 'C12'; },
      (m) => { m.sources[0].url = 'javascript:alert(1)'; },
      (m) => { m.links[0].targets = ['9.z']; },
    ]) {
      const m = read('data/matrix.json');
      breakIt(m);
      assert.equal(matrixSchema(m), false);
    }
  });

  it('p2c-pledges.json', () => {
    const ok = pledgesSchema(read('data/p2c-pledges.json'));
    assert.ok(ok, explain(pledgesSchema));
  });

  it('the pledges schema rejects a negative amount, a bad date and an amount given as text', () => {
    for (const breakIt of [
      (p) => { p.milestones[0].usd = -1; },
      (p) => { p.milestones[0].date = '03/03/2026'; },
      (p) => { p.announcements[0].usd = '1.2e9'; },
      (p) => { p.announcements[0].pledger = ''; },
    ]) {
      const p = read('data/p2c-pledges.json');
      breakIt(p);
      assert.equal(pledgesSchema(p), false);
    }
  });

  it('forum-outcomes.json', () => {
    const ok = forumSchema(read('data/forum-outcomes.json'));
    assert.ok(ok, explain(forumSchema));
  });

  it('the forum schema rejects an unknown Action Line, an SDG out of range and a non-http URL', () => {
    for (const breakIt of [
      (f) => { f.sessions[0].action_lines = ['C7']; },
      (f) => { f.sessions[0].sdgs = [18]; },
      (f) => { f.sessions[0].url = 'javascript:alert(1)'; },
    ]) {
      const f = read('data/forum-outcomes.json');
      breakIt(f);
      assert.equal(forumSchema(f), false);
    }
  });

  it('the SDG schema rejects a bad colour and a missing goal', () => {
    const a = read('data/sdg/sdg-en.json');
    a.goals[0].colour = 'red';
    assert.equal(sdgSchema(a), false);
    const b = read('data/sdg/sdg-en.json');
    b.goals.pop();
    assert.equal(sdgSchema(b), false);
  });
});
