// The JSON Schemas and the Rust types agree on every file's shape: for each field of the bundled
// files (the first entry of each list), the schema requires it exactly when the validator does,
// and the schema refuses an unknown field exactly where the validator does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
// Objects keyed by language or target id: their keys are data, not fields.
const MAPS = new Set(['title', 'title_sources', 'targets']);
const UNKNOWN = 'zz_not_a_field';

/** Every record object (path, object) of `doc`, following the first entry of each list. */
function records(value, path = []) {
  if (Array.isArray(value)) return value.length ? records(value[0], [...path, 0]) : [];
  if (value === null || typeof value !== 'object') return [];
  const inner = Object.entries(value).flatMap(([k, v]) => (MAPS.has(k) ? [] : records(v, [...path, k])));
  return [[path, value], ...inner];
}

const at = (doc, path) => path.reduce((v, k) => v[k], doc);
const label = (path) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '') || '(root)';

/** Runs `cargo xtask validate` once over many files; returns each file's output lines. */
function validateAll(files) {
  const bin = process.env.XTASK_BIN;
  const [cmd, args] = bin ? [bin, ['validate', ...files]] : ['cargo', ['run', '-q', '-p', 'xtask', '--', 'validate', ...files]];
  let out;
  try {
    out = execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    out = err.stdout;
  }
  const byFile = new Map(files.map((f) => [f, []]));
  for (const line of out.split('\n')) {
    const file = files.find((f) => line.includes(f));
    if (file) byFile.get(file).push(line);
  }
  return byFile;
}

const KINDS = [
  ['data/matrix.json', 'data/schema/matrix.schema.json', 'matrix.json'],
  ['data/forum-outcomes.json', 'data/schema/forum-outcomes.schema.json', 'forum-outcomes.json'],
  ['data/p2c-pledges.json', 'data/schema/p2c-pledges.schema.json', 'p2c-pledges.json'],
  ['data/sdg/sdg-en.json', 'data/schema/sdg.schema.json', 'sdg-en.json'],
];

describe('schemas and validator agree on the shape of each file', () => {
  let dir;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'wsis-shape-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [dataPath, schemaPath, name] of KINDS) {
    it(name, () => {
      const schema = ajv.compile(read(schemaPath));
      const cases = [];
      for (const [path, object] of records(read(dataPath))) {
        for (const key of Object.keys(object)) cases.push({ path, key, remove: true });
        cases.push({ path, key: UNKNOWN, remove: false });
      }
      const files = cases.map((c, i) => {
        const doc = read(dataPath);
        const target = at(doc, c.path);
        if (c.remove) delete target[c.key]; else target[c.key] = 1;
        c.schemaRefuses = !schema(doc) && schema.errors.some((e) => (c.remove
          ? e.keyword === 'required' && e.params.missingProperty === c.key
          : (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties')
            && (e.params.additionalProperty ?? e.params.unevaluatedProperty) === c.key));
        // xtask picks the file kind from the content, else the name: keep it, in a folder per case.
        const file = join(dir, `${name.replace('.json', '')}-${i}`, name);
        execFileSync('mkdir', ['-p', dirname(file)]);
        writeFileSync(file, JSON.stringify(doc));
        return file;
      });
      const results = validateAll(files);
      const disagreements = [];
      cases.forEach((c, i) => {
        const lines = results.get(files[i]).join('\n');
        const rustRefuses = c.remove ? lines.includes(`the field "${c.key}" is missing`) : lines.includes(`"${c.key}" is not a field here`);
        if (rustRefuses !== c.schemaRefuses) {
          disagreements.push(`${label([...c.path, c.key])} ${c.remove ? 'removed' : 'added'}: schema ${c.schemaRefuses ? 'refuses' : 'accepts'}, validator ${rustRefuses ? 'refuses' : 'accepts'} (${lines.trim().slice(0, 160)})`);
        }
      });
      assert.ok(cases.length > 10, `only ${cases.length} cases`);
      assert.deepEqual(disagreements, []);
    });
  }
});
