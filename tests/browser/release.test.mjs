// The release as a host page uses it: the release folder (cargo xtask dist --no-build) on a
// plain static server, and a page made of SNIPPETS.md's matrix snippet, SRI and all.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { launch, countOf, countText, MATRIX } from './helpers.mjs';
import { makeRelease, FOLDER } from '../dist/make-release.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.md': 'text/plain; charset=utf-8',
};

/** A static server of `dir` at `/` (what a host's web server or CDN does), plus `pages` by path. */
function serve(dir, pages) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (pages[path]) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(pages[path]);
      return;
    }
    const file = normalize(join(dir, path));
    let body;
    try {
      if (!file.startsWith(dir + sep) || !statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The code of the snippet marked `<!-- snippet: NAME -->` in SNIPPETS.md. */
function snippet(md, name) {
  const code = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\`\`\``).exec(md)?.[1];
  assert.ok(code, `SNIPPETS.md has no ${name} snippet`);
  return code;
}

/** The preload hints SNIPPETS.md gives with the matrix's pre-rendered snippet. */
function preloadHints(md) {
  const hints = /Content before code[\s\S]*?```html\n([\s\S]*?)```/.exec(md)?.[1];
  assert.ok(hints && hints.includes('rel="modulepreload"') && hints.includes('rel="preload"'), 'SNIPPETS.md has preload hints');
  return hints;
}

const page = (body) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Host page</title></head>\n`
  + `<body><main><h1>A host page</h1>\n${body}</main></body>\n</html>\n`;

describe('release: the matrix snippet of SNIPPETS.md on a static server', () => {
  const temp = mkdtempSync(join(tmpdir(), 'wsis-release-page-'));
  let browser;
  let server;
  let base;
  let code;
  before(async () => {
    const folder = makeRelease(temp);
    const md = readFileSync(join(folder, 'SNIPPETS.md'), 'utf8');
    code = snippet(md, 'wsis-sdg-matrix');
    const integrities = [...code.matchAll(/"(sha384-[^"]+)"/g)].map((m) => m[1]);
    assert.equal(integrities.length, 2, `the import map's and the script tag's integrity: ${code}`);
    const [glue, loader] = integrities;
    const wrong = 'sha384-' + Buffer.alloc(48, 7).toString('base64');
    server = await serve(temp, {
      '/host/matrix.html': page(code),
      '/host/mount.html': page(snippet(md, 'mount')),
      '/host/wrong-glue.html': page(code.replace(glue, wrong)),
      '/host/wrong-loader.html': page(code.replace(loader, wrong)),
      // Content before code, as SNIPPETS.md says: the preload hints, the two scripts, and the
      // release's pre-rendered snippet in place of the empty element.
      '/host/prerendered.html': page(preloadHints(md) + code.replace(/<wsis-sdg-matrix[\s\S]*<\/wsis-sdg-matrix>\n?/,
        readFileSync(join(folder, 'prerendered/wsis-sdg-matrix.en.html'), 'utf8'))),
    });
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  /** Opens a host page, collecting console errors and the URLs requested. */
  async function open(path) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const tab = await context.newPage();
    tab.problems = [];
    tab.requested = [];
    tab.on('pageerror', (err) => tab.problems.push('pageerror: ' + err.message));
    tab.on('console', (msg) => { if (msg.type() === 'error') tab.problems.push('console: ' + msg.text()); });
    tab.on('request', (r) => tab.requested.push(new URL(r.url()).pathname));
    await tab.goto(base + path);
    return tab;
  }

  it('draws the matrix from the bundled data, every file from the release by its hashed name', async () => {
    const tab = await open('/host/matrix.html');
    const matrix = tab.locator('wsis-sdg-matrix');
    await countOf(matrix).first().waitFor({ timeout: 30000 });
    assert.equal(await countOf(matrix).first().textContent(), countText(MATRIX.links.length));
    const grid = matrix.getByRole('grid');
    assert.equal(await grid.getByRole('row', { name: /^C5(?![0-9])/ }).count(), 1);
    assert.equal(await matrix.getByRole('searchbox', { name: 'Search' }).count(), 1);
    assert.deepEqual(tab.problems, []);
    assert.equal(await tab.evaluate(() => customElements.get('wsis-sdg-matrix') !== undefined), true);
    const requested = tab.requested.filter((p) => !p.startsWith('/host/'));
    for (const p of requested) assert.ok(p.startsWith(`/${FOLDER}/`), p);
    for (const name of ['wsis-sdg-matrix', 'wsis_sdg_matrix', 'wsis_sdg_matrix_bg']) {
      assert.ok(requested.some((p) => new RegExp(`/${name}\\.[0-9a-f]{10}\\.(js|wasm)$`).test(p)), `${name}: ${requested}`);
    }
    assert.ok(requested.includes(`/${FOLDER}/data/matrix.json`), `${requested}`);
    assert.ok(requested.includes(`/${FOLDER}/data/sdg/sdg-en.json`), `${requested}`);
  });

  it('pre-rendered with the preload hints: the content, then the live widget from one download of each file', async () => {
    const tab = await open('/host/prerendered.html');
    const matrix = tab.locator('wsis-sdg-matrix');
    await tab.waitForFunction(() => {
      const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
      return root && ![...root.children].some((c) => c.hasAttribute('data-prerendered')) && root.querySelector('[role="grid"]');
    }, null, { timeout: 30000 });
    assert.equal(await countOf(matrix).first().textContent(), countText(MATRIX.links.length));
    const wasm = tab.requested.filter((p) => p.endsWith('.wasm'));
    const glue = tab.requested.filter((p) => /\/wsis_sdg_matrix\.[0-9a-f]+\.js$/.test(p));
    assert.equal(wasm.length, 1, JSON.stringify(tab.requested));
    assert.equal(glue.length, 1, JSON.stringify(tab.requested));
    assert.deepEqual(tab.problems, []);
  });

  it("mount()s the matrix with the all-in-one's snippet, the import map covering the loader too", async () => {
    const tab = await open('/host/mount.html');
    const matrix = tab.locator('#matrix');
    await countOf(matrix).first().waitFor({ timeout: 30000 });
    assert.equal(await countOf(matrix).first().textContent(), countText(MATRIX.links.length));
    assert.deepEqual(tab.problems, []);
    assert.ok(tab.requested.some((p) => /\/wsis_sdg_widgets_bg\.[0-9a-f]{10}\.wasm$/.test(p)), `${tab.requested}`);
  });

  it('runs the demo page of demo/ from the folder, its three widgets and their pre-rendered content', async () => {
    const html = await (await fetch(`${base}/${FOLDER}/demo/index.html`)).text();
    // Pre-rendered in the file (the dev server's includes inlined), with the hashed stylesheet.
    assert.equal(html.match(/<template shadowrootmode="open"><link rel="stylesheet" href="\.\.\/wsis-sdg-widgets\.[0-9a-f]{10}\.css">/g)?.length, 3);
    assert.ok(!html.includes('<!--#prerendered'));
    const tab = await open(`/${FOLDER}/demo/index.html`);
    for (const host of ['wsis-sdg-matrix', 'wsis-forum-outcomes']) {
      await countOf(tab.locator(host)).first().waitFor({ timeout: 30000 });
    }
    await tab.waitForFunction(() => [...document.querySelectorAll('wsis-sdg-matrix, wsis-forum-outcomes, p2c-pledges')]
      .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[data-prerendered]')), null, { timeout: 30000 });
    assert.equal(await countOf(tab.locator('wsis-sdg-matrix')).first().textContent(), countText(MATRIX.links.length));
    assert.deepEqual(tab.problems, []);
    assert.ok(tab.requested.every((p) => p.startsWith(`/${FOLDER}/`)), `${tab.requested}`);
  });

  // The two checks that the integrity values are enforced, not just present.
  for (const [path, what] of [['/host/wrong-glue.html', "the import map's value for the glue"],
    ['/host/wrong-loader.html', "the script tag's value for the loader"]]) {
    it(`starts no widget when ${what} is wrong`, async () => {
      const tab = await open(path);
      await tab.waitForLoadState('networkidle');
      // A boolean: a class does not cross from the page (it would read as undefined either way).
      assert.equal(await tab.evaluate(() => customElements.get('wsis-sdg-matrix') !== undefined), false);
      assert.ok(tab.problems.some((p) => /integrity/i.test(p)), `no integrity error: ${tab.problems}`);
      assert.ok(!tab.requested.some((p) => p.endsWith('.wasm')), 'the wasm was not fetched');
    });
  }
});
