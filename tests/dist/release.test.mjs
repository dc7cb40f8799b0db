// The release `cargo xtask dist --no-build` makes from the built dist/: reproducible archives,
// a manifest whose hashes and SRI values are the files', references between the hashed bundle
// files that resolve inside the release, and an npm package of the expected files.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { makeRelease, FOLDER, VERSION, ROOT } from './make-release.mjs';

const LOADERS = ['wsis-sdg-widgets.js', 'wsis-sdg-matrix.js', 'wsis-forum-outcomes.js', 'p2c-pledges.js'];
const GLUES = ['wsis_sdg_widgets', 'wsis_sdg_matrix', 'wsis_forum_outcomes', 'p2c_pledges'];

/** Every file under `dir`, as `/`-separated paths inside it, sorted. */
function walk(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** The entries of a tar file: name, mode, uid, gid, owner names, mtime, type, size. */
function tarEntries(tar) {
  const entries = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const str = (from, len) => h.subarray(from, from + len).toString('latin1').replace(/\0.*$/s, '');
    const num = (from, len) => parseInt(str(from, len).trim() || '0', 8);
    const prefix = str(345, 155);
    const size = num(124, 12);
    entries.push({
      name: (prefix ? `${prefix}/` : '') + str(0, 100), mode: num(100, 8), uid: num(108, 8), gid: num(116, 8),
      uname: str(265, 32), gname: str(297, 32), mtime: num(136, 12), type: str(156, 1), size,
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** The central directory entries of a zip file: name, DOS time and date, Unix mode. */
function zipEntries(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLen).toString('utf8'),
      time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14),
      mode: zip.readUInt32LE(at + 38) >>> 16, extra: extraLen,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const sha = (algo, bytes) => createHash(algo).update(bytes);
const TEXT_OR_WASM = /\.(js|mjs|wasm|css|json|html|svg|txt|md)$/;
/** Files with .br and .gz twins: text and wasm, but not the data files, which change in place. */
const twinned = (f) => TEXT_OR_WASM.test(f) && !f.startsWith('data/');

describe('release: cargo xtask dist --no-build', () => {
  const temp = mkdtempSync(join(tmpdir(), 'wsis-release-'));
  let a;
  let b;
  before(() => {
    a = makeRelease(join(temp, 'a'));
    // Another umask and time zone: neither may reach the archives.
    b = makeRelease(join(temp, 'b'), { umask: '077', tz: 'Pacific/Kiritimati' });
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('gives byte-identical .tar.gz and .zip from two runs', () => {
    for (const ext of ['tar.gz', 'zip']) {
      const one = readFileSync(join(temp, 'a', `${FOLDER}.${ext}`));
      const two = readFileSync(join(temp, 'b', `${FOLDER}.${ext}`));
      assert.ok(one.length > 1_000_000, `${ext}: ${one.length} bytes`);
      assert.ok(one.equals(two), `${ext}: the two runs differ`);
    }
  });

  it('archives the folder with fixed times, owners and modes, in sorted order', () => {
    const files = walk(a);
    const tgz = readFileSync(join(temp, 'a', `${FOLDER}.tar.gz`));
    // gzip: deflate, no flags (no file name), time 0.
    assert.deepEqual([...tgz.subarray(0, 8)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    const tar = tarEntries(gunzipSync(tgz));
    const tarFiles = tar.filter((e) => e.type === '0').map((e) => e.name);
    assert.deepEqual(tarFiles, files.map((f) => `${FOLDER}/${f}`));
    assert.deepEqual([...tarFiles].sort(), tarFiles, 'sorted');
    for (const e of tar) {
      assert.equal(e.mtime, 315532800, `${e.name} mtime`);
      assert.deepEqual([e.uid, e.gid, e.uname, e.gname], [0, 0, '', ''], `${e.name} owner`);
      assert.equal(e.mode, e.type === '5' ? 0o755 : 0o644, `${e.name} mode`);
    }
    for (const [i, f] of files.entries()) {
      const entry = tar.find((e) => e.name === `${FOLDER}/${f}`);
      assert.equal(entry?.size, statSync(join(a, f)).size, f);
      if (i > 20) break;
    }
    const zip = zipEntries(readFileSync(join(temp, 'a', `${FOLDER}.zip`)));
    assert.deepEqual(zip.filter((e) => !e.name.endsWith('/')).map((e) => e.name), files.map((f) => `${FOLDER}/${f}`));
    for (const e of zip) {
      // 1980-01-01 00:00:00 in MS-DOS form, no extra fields (no extended timestamps).
      assert.deepEqual([e.date, e.time, e.extra], [0x21, 0, 0], e.name);
      assert.equal(e.mode, e.name.endsWith('/') ? 0o40755 : 0o100644, e.name);
    }
  });

  it('lists every file in manifest.json with its size, SHA-256 and SRI value', () => {
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, VERSION);
    const listed = Object.keys(manifest.files);
    const expected = walk(a).filter((f) => !/\.(br|gz)$/.test(f) && f !== 'manifest.json');
    assert.deepEqual(listed, expected);
    for (const [name, entry] of Object.entries(manifest.files)) {
      const bytes = readFileSync(join(a, name));
      assert.equal(entry.size, bytes.length, name);
      assert.equal(entry.sha256, sha('sha256', bytes).digest('hex'), name);
      assert.equal(entry.integrity, `sha384-${sha('sha384', bytes).digest('base64')}`, name);
    }
    for (const logical of [...LOADERS, 'wsis-sdg-widgets.css', ...GLUES.flatMap((g) => [`${g}.js`, `${g}_bg.wasm`])]) {
      const name = manifest.entries[logical];
      const [stem, ext] = [logical.slice(0, logical.lastIndexOf('.')), logical.slice(logical.lastIndexOf('.'))];
      assert.match(name ?? '', new RegExp(`^${stem.replace(/[.]/g, '\\.')}\\.[0-9a-f]{10}\\${ext}$`), logical);
      // The hash in the name is the file's own.
      assert.equal(name.split('.').at(-2), manifest.files[name].sha256.slice(0, 10), logical);
      // And the file names the plain name it was made from (what the embed builder looks up).
      assert.equal(manifest.files[name].source, logical);
    }
  });

  it('has .br and .gz beside every text and wasm file but the data, each the same bytes', () => {
    const files = walk(a);
    const sources = files.filter(twinned);
    assert.ok(sources.length > 50, `${sources.length} files`);
    for (const f of sources) {
      const bytes = readFileSync(join(a, f));
      assert.ok(brotliDecompressSync(readFileSync(join(a, `${f}.br`))).equals(bytes), `${f}.br`);
      assert.ok(gunzipSync(readFileSync(join(a, `${f}.gz`))).equals(bytes), `${f}.gz`);
    }
    assert.deepEqual(files.filter((f) => /\.(br|gz)$/.test(f)).length, sources.length * 2);
    // `cargo xtask announce` renames a new data file over the old one: twins would go stale.
    assert.deepEqual(files.filter((f) => f.startsWith('data/') && /\.(br|gz)$/.test(f)), []);
    assert.ok(files.includes('data/p2c-pledges.json'));
  });

  it('ships the data desk\'s bundle, hashed, loaded by demo/desk.html and no reader page, and no package export', () => {
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    for (const logical of ['wsis-sdg-desk.js', 'wsis_sdg_desk.js', 'wsis_sdg_desk_bg.wasm']) {
      assert.ok(manifest.entries[logical] && existsSync(join(a, manifest.entries[logical])), `${logical} in the release`);
    }
    const desk = readFileSync(join(a, 'demo/desk.html'), 'utf8');
    assert.ok(desk.includes(`../${manifest.entries['wsis-sdg-desk.js']}`), 'demo/desk.html loads the hashed desk');
    for (const page of walk(join(a, 'demo')).filter((f) => f.endsWith('.html') && f !== 'desk.html')) {
      assert.ok(!readFileSync(join(a, 'demo', page), 'utf8').includes('sdg-desk'), `demo/${page} loads the desk`);
    }
    const pkg = JSON.parse(readFileSync(join(a, 'package.json'), 'utf8'));
    assert.equal(pkg.exports['./wsis-sdg-desk.js'], undefined);
  });

  it('rewrites every reference between the bundle files to a file of the release', () => {
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    const scripts = walk(a).filter((f) => f.endsWith('.js') && !f.startsWith('demo/'));
    let resolved = 0;
    for (const file of scripts) {
      const text = readFileSync(join(a, file), 'utf8');
      const urls = [
        // './x', "../x", `./x` as whole strings, but not an object key (wasm-bindgen's import module name).
        ...[...text.matchAll(/(["'`])(\.\.?\/[^"'`\s$]+)\1(?!\s*:)/g)].map((m) => m[2]),
        // new URL("x_bg.wasm", import.meta.url): wasm-bindgen's default, without ./
        ...[...text.matchAll(/new URL\((["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\)/g)].map((m) => m[2]),
      ];
      for (const url of urls) {
        const target = posix.normalize(posix.join(posix.dirname(file), url));
        assert.ok(existsSync(join(a, target)) && !target.startsWith('..'), `${file}: ${url} → ${target} is not in the release`);
        resolved++;
      }
      // No plain (unhashed) name of a bundle file is left as a string.
      for (const logical of Object.keys(manifest.entries)) {
        for (const q of ['"', "'", '`']) {
          for (const p of ['./', '']) {
            assert.ok(!text.includes(`${q}${p}${logical}${q}`), `${file} still names ${p}${logical}`);
          }
        }
      }
    }
    for (const loader of LOADERS) {
      const text = readFileSync(join(a, manifest.entries[loader]), 'utf8');
      const glue = manifest.entries[`${GLUES[LOADERS.indexOf(loader)]}.js`];
      const wasm = manifest.entries[`${GLUES[LOADERS.indexOf(loader)]}_bg.wasm`];
      // The static import and the fresh import on "Start again" (in any quotes).
      const named = (t, name) => (t.match(new RegExp(`(["'\`])(\\./)?${name.replace(/\./g, '\\.')}\\1`, 'g')) ?? []).length;
      assert.equal(named(text, glue), 2, `${loader} imports ${glue} twice`);
      assert.ok(named(text, wasm) >= 1, `${loader} names ${wasm}`);
      assert.ok(named(readFileSync(join(a, glue), 'utf8'), wasm) >= 1, `${glue} names ${wasm}`);
    }
    assert.ok(resolved >= 4 * 4, `${resolved} references`);
    const present = readFileSync(join(a, 'wsis-sdg-present.js'), 'utf8');
    assert.match(present, new RegExp(`["']\\./${manifest.entries['wsis-sdg-widgets.js'].replace(/\./g, '\\.')}["']`),
      'the deck imports the hashed all-in-one');

    // The pre-rendered snippets link the hashed stylesheet and the bundled data under the base URL.
    const base = manifest.base_url;
    assert.equal(base, `/${FOLDER}/`);
    for (const file of walk(join(a, 'prerendered')).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(join(a, 'prerendered', file), 'utf8');
      const head = text.slice(0, text.indexOf('<template'));
      const link = /<link rel="stylesheet" href="([^"]+)">/.exec(text)?.[1];
      assert.equal(link, `${base}${manifest.entries['wsis-sdg-widgets.css']}`, file);
      for (const [, url] of head.matchAll(/="(\/[^"]*)"/g)) {
        assert.ok(url.startsWith(base) && existsSync(join(a, url.slice(base.length))), `${file}: ${url}`);
      }
    }
    // Every local src and href of the demo pages resolves inside the release.
    for (const file of walk(join(a, 'demo')).filter((f) => /\.(html|js)$/.test(f))) {
      const text = readFileSync(join(a, 'demo', file), 'utf8');
      const urls = [
        ...text.matchAll(/\b(?:src|href|sdg-src|data)="([^"#:]+)"/g),
        ...text.matchAll(/\bfrom '([^']+)'/g),
        ...text.matchAll(/\bsrc: '([^']+)'/g),
      // Paths only (the builder's string tables hold `src: 'Data file (URL)'`).
      ].map((m) => m[1].split('?')[0]).filter((u) => /^[\w./-]+$/.test(u));
      for (const url of urls) {
        assert.ok(!url.startsWith('/'), `demo/${file}: ${url} is not relative`);
        const target = posix.normalize(posix.join('demo', posix.dirname(file), url));
        assert.ok(existsSync(join(a, target)), `demo/${file}: ${url} → ${target} is not in the release`);
      }
    }
  });

  it('is an npm package of the bundles, stylesheet, deck, data and snippets, without .br, .gz or demo/', () => {
    const pkg = JSON.parse(readFileSync(join(a, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'wsis-sdg-widgets');
    assert.equal(pkg.version, VERSION);
    assert.equal(pkg.type, 'module');
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    // With the build's declarations (dist/<script>.d.ts), each script's export names its types.
    const typed = LOADERS.every((l) => existsSync(join(ROOT, 'dist', l.replace('.js', '.d.ts'))));
    const target = (n) => (typed && n.endsWith('.js')
      ? { types: `./${n.replace('.js', '.d.ts')}`, default: `./${manifest.entries[n]}` }
      : `./${manifest.entries[n]}`);
    assert.deepEqual(pkg.exports, {
      '.': target('wsis-sdg-widgets.js'),
      ...Object.fromEntries(['wsis-sdg-matrix.js', 'wsis-forum-outcomes.js', 'p2c-pledges.js', 'wsis-sdg-widgets.js',
        'wsis-sdg-widgets.css'].map((n) => [`./${n}`, target(n)])),
    });
    assert.equal(pkg.types, typed ? './wsis-sdg-widgets.d.ts' : undefined);
    // The Custom Elements Manifest when the build made one, and no field pointing at a missing one.
    const cem = existsSync(join(ROOT, 'dist/custom-elements.json'));
    assert.equal(pkg.customElements, cem ? 'custom-elements.json' : undefined);
    assert.equal(existsSync(join(a, 'custom-elements.json')), cem);
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: a, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    });
    const packed = JSON.parse(out)[0].files.map((f) => f.path).sort();
    const expected = walk(a).filter((f) => !/\.(br|gz)$/.test(f) && !f.startsWith('demo/')).sort();
    assert.deepEqual(packed, expected);
    for (const must of ['package.json', 'data/matrix.json', 'data/schema/matrix.schema.json',
      'data/sdg/LICENSE-open-sdg-translations.txt', 'prerendered/wsis-sdg-matrix.en.html', 'present/element.js',
      'SNIPPETS.md', 'manifest.json',
      ...Object.values(pkg.exports).flatMap((p) => (typeof p === 'string' ? [p] : [p.types, p.default])).map((p) => p.slice(2)),
      ...(pkg.customElements ? [pkg.customElements] : [])]) {
      assert.ok(packed.includes(must), `npm pack leaves out ${must}`);
    }
  });
});
