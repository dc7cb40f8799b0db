// Issue 15's end-to-end path, run by `cargo xtask test` (xtask/src/nginx.rs, `end_to_end`) once
// real nginx serves the unpacked release archive with deploy/nginx.conf at RELEASE_URL: an
// editor opens the release's embed builder, copies a snippet, pastes it into a page on another
// origin with a strict CSP, and a reader sees the widget, pre-rendered and then live.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../browser/helpers.mjs';

const RELEASE = process.env.RELEASE_URL;
const MATRIX = JSON.parse(readFileSync(join(ROOT, 'data/matrix.json'), 'utf8'));
const { STRINGS } = await import('../../www/builder-strings.js');
const en = STRINGS.en;

let browser;
let host;
/** The page the host serves next: the editor's page with the pasted snippet. */
let hostPage = '';
let hostOrigin = '';

before(async () => {
  assert.ok(RELEASE, 'RELEASE_URL: where nginx serves the release (cargo xtask test sets it)');
  browser = await launch();
  host = createServer((req, res) => {
    // The browser asks for a favicon; an editor's page has one.
    if (req.url === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    res.writeHead(req.url === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? hostPage : 'not here');
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
});
after(async () => {
  await browser.close();
  await new Promise((resolve) => host.close(resolve));
});

/** The editor's page: a strict CSP that allows the widgets' origin, as deploy/nginx.conf's example says. */
function editorsPage(snippet) {
  const widgets = new URL(RELEASE).origin;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${widgets} 'wasm-unsafe-eval'; connect-src 'self' ${widgets}; style-src 'self' ${widgets}; img-src 'self' data:">
<title>An ITU page</title></head>
<body><main><h1>An ITU page</h1>
${snippet}
</main></body></html>`;
}

/** The snippet the release's builder writes for the matrix, in `form`. */
async function snippetFromBuilder(form) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${RELEASE}demo/builder.html`);
  await page.getByRole('radio', { name: en.widgets['wsis-sdg-matrix'] }).check();
  await page.getByLabel(en.attributes.src, { exact: true }).fill(`${RELEASE}data/matrix.json`);
  await page.getByLabel(en.hostedAt).fill(RELEASE);
  await page.getByRole('radio', { name: en.forms[form] }).check();
  const notes = page.locator('#snippet-notes');
  await notes.getByText(/pins version/).waitFor();
  const textarea = page.getByRole('textbox', { name: en.snippet, exact: true });
  let snippet = '';
  for (let i = 0; i < 100 && !(snippet.includes('<wsis-sdg-matrix') && (form !== 'prerendered' || snippet.includes('<template'))); i += 1) {
    snippet = await textarea.inputValue();
    await page.waitForTimeout(50);
  }
  // The live preview works from the release too.
  await page.getByRole('region', { name: en.preview }).locator('wsis-sdg-matrix').getByRole('grid').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
  return snippet;
}

describe('a release on nginx, a snippet from its builder, a page on another origin', () => {
  it('the custom-element snippet pins a hashed script with its integrity, and the widget draws', async () => {
    const snippet = await snippetFromBuilder('element');
    assert.match(snippet, new RegExp(`^<script type="module" src="${RELEASE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}wsis-sdg-matrix\\.[0-9a-f]{8,}\\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"></script>\n`));
    hostPage = editorsPage(snippet);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(hostOrigin + '/');
    const widget = page.locator('wsis-sdg-matrix');
    await widget.getByRole('status').filter({ hasText: `${MATRIX.links.length} of ${MATRIX.links.length} links` }).waitFor({ timeout: 30000 });
    await widget.getByRole('grid').getByRole('gridcell').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the pre-rendered snippet is readable without JavaScript and goes live with it', async () => {
    const snippet = await snippetFromBuilder('prerendered');
    hostPage = editorsPage(snippet);
    const off = await browser.newContext({ javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(hostOrigin + '/');
    const grid = still.locator('wsis-sdg-matrix table');
    await grid.waitFor();
    assert.equal(await still.locator('wsis-sdg-matrix [data-linked="true"]').count(), MATRIX.links.length);
    // Its stylesheet came from nginx: the grid is laid out as a table with collapsed borders.
    assert.equal(await grid.evaluate((t) => getComputedStyle(t).borderCollapse), 'collapse');
    await off.close();
    // The builder's preload hints start the glue and the wasm with the page; the module then
    // uses those responses (a mismatched hint would show as a second request and a warning).
    assert.match(snippet, /^<link rel="modulepreload" href="[^"]+wsis_sdg_matrix\.[0-9a-f]{8,}\.js">\n<link rel="preload" href="[^"]+wsis_sdg_matrix_bg\.[0-9a-f]{8,}\.wasm" as="fetch" type="application\/wasm" crossorigin>\n<script /);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    const wasmRequests = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (/preload/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`); });
    page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasmRequests.push(r.url()); });
    await page.goto(hostOrigin + '/');
    await page.waitForFunction(() => {
      const root = document.querySelector('wsis-sdg-matrix').shadowRoot;
      return root && ![...root.children].some((c) => c.hasAttribute('data-prerendered')) && root.querySelector('[role="grid"]');
    }, null, { timeout: 30000 });
    assert.equal(wasmRequests.length, 1, JSON.stringify(wasmRequests));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
