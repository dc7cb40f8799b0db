// The data desk's pre-rendered snippets (issue 17): for each open file with a widget, the
// desk downloads the snippet `cargo xtask prerender` writes for the same file, language, theme
// and links — byte for byte (the same renderer, Yew's SSR, in the desk bundle; numbers and
// dates through the browser's Intl here, Node's there) — and one made from an edited file
// shows the edit in a page that pastes it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, closeContexts, open, BASE, ROOT, unexpectedProblems, wholePage } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const VERSION = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const RELEASE = `/wsis-sdg-widgets-${VERSION}/`;
const data = (name) => readFileSync(join(ROOT, 'data', name));
const file = (name, buffer) => ({ name, mimeType: 'application/json', buffer });
const DOWNLOAD = 'Download pre-rendered snippet';

/** What `xtask prerender` writes for `args` (its file, not its stdout: no trailing newline). */
function xtaskPrerender(element, args) {
  const out = join(mkdtempSync(join(tmpdir(), 'desk-snippet-')), 'snippet.html');
  const all = ['prerender', element, ...args, '--out', out];
  const bin = process.env.XTASK_BIN;
  if (bin) execFileSync(bin, all, { cwd: ROOT, stdio: 'pipe' });
  else execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', ...all], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(out);
}

async function openDesk(files, lang, options = {}) {
  const page = await open(browser, '/desk.html', { acceptDownloads: true, ...options });
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (lang) await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
  await page.locator('#desk-open').setInputFiles(files);
  return page;
}

/** The snippet form's group of one open file, by its legend ("Pledge file · p2c-pledges.json"). */
const group = (page, legend) => page.getByRole('group', { name: legend, exact: true });

async function snippetOf(page, legend, button = DOWNLOAD) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    group(page, legend).getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The first differing place of two snippets, for a readable failure. */
function firstDifference(a, b) {
  const [x, y] = [a.toString('utf8'), b.toString('utf8')];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i += 1;
  return `at ${i}: desk ${JSON.stringify(x.slice(Math.max(0, i - 60), i + 60))}\n  xtask ${JSON.stringify(y.slice(Math.max(0, i - 60), i + 60))}`;
}

function assertSame(desk, xtask, what) {
  assert.ok(desk.equals(xtask), `${what}: the desk's snippet differs from xtask prerender's ${firstDifference(desk, xtask)}`);
}

describe('data desk: pre-rendered snippets', () => {
  after(() => closeContexts(browser));

  it('downloads what xtask prerender writes for the bundled pledge file, links under the release', async () => {
    const page = await openDesk([file('p2c-pledges.json', data('p2c-pledges.json'))]);
    // The renderer (Yew's SSR and the widgets) is a module of its own, fetched on first use.
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('desk_snippet')) fetched.push(r.url()); });
    await group(page, 'Pledge file · p2c-pledges.json').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched, [], 'the snippet module loads before any download');
    const { name, bytes } = await snippetOf(page, 'Pledge file · p2c-pledges.json');
    assert.equal(name, 'p2c-pledges.en.html');
    assert.equal(fetched.filter((u) => u.endsWith('_bg.wasm')).length, 1, 'the snippet module, once');
    const expected = xtaskPrerender('p2c-pledges', ['--data', 'data/p2c-pledges.json', '--lang', 'en',
      '--theme', 'light', '--src', `${RELEASE}data/p2c-pledges.json`, '--stylesheet', `${RELEASE}wsis-sdg-widgets.css`]);
    assertSame(bytes, expected, 'pledges en');
    await page.getByRole('status').filter({ hasText: 'p2c-pledges.en.html downloaded.' }).waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('in French and dark, with typed links: the forum (with the open matrix) and the matrix', async () => {
    const page = await openDesk([file('forum-outcomes.json', data('forum-outcomes.json')),
      file('matrix.json', data('matrix.json'))], 'fr');
    await page.getByRole('combobox', { name: 'Thème de l’aperçu' }).selectOption('dark');
    await page.getByRole('textbox', { name: 'URL de base de la version publiée' }).fill('https://cdn.example.org/w');
    await page.getByRole('textbox', { name: 'URL de la feuille de style' }).fill('/css/widgets.css');
    const forumGroup = 'Fichier du Forum · forum-outcomes.json';
    await group(page, forumGroup).getByRole('textbox', { name: 'URL des données' }).fill('/forum/outcomes.json');
    const button = 'Télécharger l’extrait pré-rendu';
    const forum = await snippetOf(page, forumGroup, button);
    assert.equal(forum.name, 'wsis-forum-outcomes.fr.html');
    assertSame(forum.bytes, xtaskPrerender('wsis-forum-outcomes', ['--data', 'data/forum-outcomes.json',
      '--lang', 'fr', '--theme', 'dark', '--src', '/forum/outcomes.json', '--stylesheet', '/css/widgets.css']), 'forum fr');
    const matrix = await snippetOf(page, 'Fichier de la matrice · matrix.json', button);
    assertSame(matrix.bytes, xtaskPrerender('wsis-sdg-matrix', ['--data', 'data/matrix.json', '--lang', 'fr',
      '--theme', 'dark', '--src', 'https://cdn.example.org/w/data/matrix.json', '--stylesheet', '/css/widgets.css']), 'matrix fr');
    // The preview's forum waits for the open matrix's blob: URL (src/desk/preview.rs): it never
    // starts on the published matrix, so no request is dropped.
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('in Arabic: the pledge figures through Intl read as Node writes them', async () => {
    const page = await openDesk([file('p2c-pledges.json', data('p2c-pledges.json'))], 'ar');
    const { name, bytes } = await snippetOf(page, 'ملف التعهدات · p2c-pledges.json', 'تنزيل المقتطف المعروض مسبقًا');
    assert.equal(name, 'p2c-pledges.ar.html');
    assertSame(bytes, xtaskPrerender('p2c-pledges', ['--data', 'data/p2c-pledges.json', '--lang', 'ar',
      '--theme', 'light', '--src', `${RELEASE}data/p2c-pledges.json`, '--stylesheet', `${RELEASE}wsis-sdg-widgets.css`]), 'pledges ar');
    await page.context().close();
  });

  it('a snippet of an edited pledge file shows the edit in a page that pastes it, without JavaScript', async () => {
    const pledges = JSON.parse(data('p2c-pledges.json').toString('utf8'));
    // The headline total is the latest milestone's: USD 82 billion in the bundled file.
    pledges.milestones.at(-1).usd = 91_000_000_000;
    const page = await openDesk([file('p2c-pledges.json', Buffer.from(JSON.stringify(pledges, null, 2)))]);
    await page.getByRole('textbox', { name: 'Stylesheet URL' }).fill('/dist/wsis-sdg-widgets.css');
    await group(page, 'Pledge file · p2c-pledges.json').getByRole('textbox', { name: 'Data URL' }).fill('/data/p2c-pledges.json');
    const { bytes } = await snippetOf(page, 'Pledge file · p2c-pledges.json');
    await page.context().close();

    const host = await open(browser, '/', { javaScriptEnabled: false });
    await host.route(`${BASE}/snippet-host.html`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main>${bytes}</main></body></html>`,
    }));
    await host.goto(`${BASE}/snippet-host.html`);
    const widget = host.locator('p2c-pledges');
    await widget.getByText(/91\s*billion/).first().waitFor({ timeout: 10000 });
    assert.equal(await widget.getByText(/82\s*billion/).count(), 0, 'the edited total replaces the bundled one');
    // Styled: the stylesheet the snippet links to has loaded and shown the content.
    assert.equal(await widget.locator('[data-prerendered]').evaluate((el) => getComputedStyle(el).display === 'none'), false);
    await host.context().close();
  });

  it('says why when a published file it reads cannot be fetched', async () => {
    const page = await openDesk([file('matrix.json', data('matrix.json'))]);
    await page.route('**/data/sdg/sdg-en.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await group(page, 'Matrix file · matrix.json').getByRole('button', { name: DOWNLOAD }).click();
    await page.getByRole('status').filter({ hasText: /^The snippet could not be made: .*sdg-en\.json/ }).waitFor();
    await page.context().close();
  });

  it('is off while the file has a problem, and says which link is unusable', async () => {
    const page = await openDesk([file('p2c-pledges.json', Buffer.from('{"schema": 1, "total": "lots"}'))], null, { bypassCSP: true });
    const button = group(page, 'Pledge file · p2c-pledges.json').getByRole('button', { name: DOWNLOAD });
    await button.waitFor();
    assert.equal(await button.isDisabled(), true);
    await page.locator('#desk-open').setInputFiles([file('p2c-pledges.json', data('p2c-pledges.json'))]);
    await page.waitForFunction(() => ![...document.querySelectorAll('button')].find((b) => b.textContent === 'Download pre-rendered snippet')?.disabled);
    await page.getByRole('textbox', { name: 'Stylesheet URL' }).fill('javascript:alert(1)');
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Stylesheet URL: not a usable URL' }).waitFor();
    assert.deepEqual(await wholePage(page), []);
    await page.context().close();
  });
});
