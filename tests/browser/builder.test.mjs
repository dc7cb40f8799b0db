// The embed builder (www/builder.html): each option, each snippet form, copying, the six
// languages, the keyboard, axe.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, closeContexts, open, ROOT, BASE, unexpectedProblems, until } from './helpers.mjs';
import { STRINGS } from '../../www/builder-strings.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'dist/custom-elements.json'), 'utf8'));
const en = STRINGS.en;

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

/** The builder, loaded and drawn. Outside a release it has no manifest.json: that 404 is expected. */
async function builder(query = '', options = {}) {
  const page = await open(browser, '/builder.html' + query, options);
  await page.getByRole('radio', { name: en.widgets['wsis-sdg-matrix'] }).or(page.getByRole('radio').first()).first().waitFor();
  await page.locator('wsis-sdg-matrix, wsis-forum-outcomes, p2c-pledges').first().waitFor({ state: 'attached' });
  return page;
}
const snippet = (page) => page.getByRole('textbox', { name: en.snippet, exact: true }).inputValue();
const problems = (page) => unexpectedProblems(page, ['/dist/manifest.json', 'status of 404']);
/** Waits until the snippet satisfies `check`. */
const snippetWhere = (page, check) => until(() => snippet(page), check);

describe('embed builder', () => {
  after(() => closeContexts(browser));

  it('starts with the matrix: its snippet, its live preview, no problems', async () => {
    const page = await builder();
    assert.equal(await snippet(page),
      `<script type="module" src="${BASE}/dist/wsis-sdg-matrix.js"></script>\n<wsis-sdg-matrix src="/data/matrix.json"></wsis-sdg-matrix>`);
    const preview = page.getByRole('region', { name: en.preview });
    await preview.locator('wsis-sdg-matrix').getByRole('grid').waitFor();
    assert.match(await page.locator('#snippet-notes').innerText(), /not a release build/);
    assert.deepEqual(problems(page), []);
  });

  it('offers each widget the attributes the manifest lists for it, and previews it', async () => {
    const page = await builder();
    for (const module of MANIFEST.modules.filter((m) => m.path !== 'wsis-sdg-widgets.js')) {
      const element = module.declarations[0];
      await page.getByRole('radio', { name: en.widgets[element.tagName] }).check();
      for (const attribute of element.attributes) {
        const name = en.attributes[attribute.name];
        assert.ok(name, `a label for ${attribute.name}`);
        assert.equal(await page.getByLabel(name, { exact: true }).count(), 1, `${element.tagName}: ${attribute.name}`);
      }
      const others = new Set(MANIFEST.modules.flatMap((m) => m.declarations.flatMap((d) => (d.attributes || []).map((a) => a.name))));
      for (const a of element.attributes) others.delete(a.name);
      for (const name of others) assert.equal(await page.getByLabel(en.attributes[name], { exact: true }).count(), 0, `${element.tagName} has no ${name}`);
      await snippetWhere(page, (s) => s.includes(`<${element.tagName} src="/data/`) && s.includes(`/dist/${module.path}"`));
      await page.getByRole('region', { name: en.preview }).locator(element.tagName).waitFor({ state: 'attached' });
    }
  });

  it('writes each option into the snippet and the preview; defaults stay out', async () => {
    const page = await builder();
    const preview = page.getByRole('region', { name: en.preview }).locator('wsis-sdg-matrix');
    await page.getByLabel(en.attributes.src, { exact: true }).fill('https://data.example.org/matrix.json');
    await page.getByLabel(en.attributes['sdg-src'], { exact: true }).fill('https://data.example.org/sdg/');
    await page.getByLabel(en.attributes.lang, { exact: true }).selectOption('fr');
    await page.getByLabel(en.attributes.theme, { exact: true }).selectOption('dark');
    await page.getByLabel(en.attributes.view, { exact: true }).selectOption('sdg-al');
    await page.getByLabel(en.attributes['action-line'], { exact: true }).fill('C5');
    await page.getByLabel(en.attributes.sdg, { exact: true }).selectOption('9');
    await page.getByLabel(en.attributes.unlinked, { exact: true }).check();
    await page.getByLabel(en.attributes.presenter, { exact: true }).check();
    await page.getByLabel(en.attributes['max-bytes'], { exact: true }).fill('2000000');
    await page.getByLabel(en.attributes['url-state'], { exact: true }).check();
    await page.getByLabel(en.prefix).fill('m2');
    await snippetWhere(page, (s) => s.endsWith(
      '<wsis-sdg-matrix src="https://data.example.org/matrix.json" sdg-src="https://data.example.org/sdg/" lang="fr" theme="dark" view="sdg-al"'
      + ' action-line="C5" sdg="9" unlinked url-state="m2" presenter max-bytes="2000000"></wsis-sdg-matrix>'));
    assert.deepEqual(await preview.evaluate((el) => Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]))), {
      src: 'https://data.example.org/matrix.json', 'sdg-src': 'https://data.example.org/sdg/', lang: 'fr', theme: 'dark', view: 'sdg-al',
      'action-line': 'C5', sdg: '9', unlinked: '', presenter: '', 'max-bytes': '2000000',
    }, 'the preview keeps no deep links (they would move the builder page URL)');
    // Back to the defaults: they are not written.
    await page.getByLabel(en.attributes.theme, { exact: true }).selectOption('auto');
    await page.getByLabel(en.attributes.view, { exact: true }).selectOption('al-sdg');
    await page.getByLabel(en.attributes.presenter, { exact: true }).uncheck();
    await snippetWhere(page, (s) => !/theme=|view=|presenter/.test(s));
  });

  it('the forum takes a year and the pledges a refresh, and the preview follows', async () => {
    const page = await builder();
    await page.getByRole('radio', { name: en.widgets['wsis-forum-outcomes'] }).check();
    await page.getByLabel(en.attributes.year, { exact: true }).fill('2024');
    await page.getByLabel(en.attributes['matrix-src'], { exact: true }).fill('/data/matrix.json');
    await snippetWhere(page, (s) => s.endsWith('<wsis-forum-outcomes src="/data/forum-outcomes.json" matrix-src="/data/matrix.json" year="2024"></wsis-forum-outcomes>'));
    const region = page.getByRole('region', { name: en.preview });
    await until(() => region.locator('wsis-forum-outcomes').getAttribute('year'), (y) => y === '2024');
    await page.getByRole('radio', { name: en.widgets['p2c-pledges'] }).check();
    await page.getByLabel(en.attributes.refresh, { exact: true }).fill('15');
    await snippetWhere(page, (s) => s.endsWith('<p2c-pledges src="/data/p2c-pledges.json" refresh="15"></p2c-pledges>'));
    await region.locator('p2c-pledges').getByRole('heading').first().waitFor();
  });

  it('mount(): the same options as camelCase, the element-only ones named as left out', async () => {
    const page = await builder();
    await page.getByLabel(en.attributes['sdg-src'], { exact: true }).fill('/data/sdg/');
    await page.getByLabel(en.attributes['url-state'], { exact: true }).check();
    await page.getByRole('radio', { name: en.forms.mount }).check();
    await snippetWhere(page, (s) => s.includes(`import { mount } from "${BASE}/dist/wsis-sdg-matrix.js";`)
      && s.includes(`mount(document.getElementById('wsis-widget'), { widget: "wsis-sdg-matrix", src: "/data/matrix.json", sdgSrc: "/data/sdg/" });`));
    const notes = await page.locator('#snippet-notes').innerText();
    assert.match(notes, /Left out \(elements only\): url-state\./);
    assert.match(notes, /Content-Security-Policy/);
  });

  it('pre-rendered: the shipped snippet when it fits, the prerender command when not', async () => {
    const page = await builder();
    await page.getByLabel(en.attributes.lang, { exact: true }).selectOption('fr');
    await page.getByLabel(en.hostedAt).fill('https://cdn.example.org/widgets');
    await page.getByRole('radio', { name: en.forms.prerendered }).check();
    const shipped = await snippetWhere(page, (s) => s.includes('<template shadowrootmode="open">'));
    assert.ok(shipped.startsWith('<link rel="modulepreload" href="https://cdn.example.org/widgets/wsis_sdg_matrix.js">\n'
      + '<link rel="preload" href="https://cdn.example.org/widgets/wsis_sdg_matrix_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n'
      + '<script type="module" src="https://cdn.example.org/widgets/wsis-sdg-matrix.js"></script>\n<wsis-sdg-matrix src="/data/matrix.json" lang="fr">'), shipped.slice(0, 400));
    assert.match(await page.locator('#snippet-notes').innerText(), new RegExp(en.preloadNote.slice(0, 30)));
    assert.ok(shipped.includes('<link rel="stylesheet" href="https://cdn.example.org/widgets/wsis-sdg-widgets.css">'));
    assert.ok(shipped.includes('lang="fr"') && shipped.includes('Grandes orientations'), 'the French snippet');
    assert.match(await page.locator('#snippet-notes').innerText(), new RegExp(en.prerenderedShipped.slice(0, 30)));
    await page.getByLabel(en.attributes.theme, { exact: true }).selectOption('dark');
    await snippetWhere(page, (s) => !s.includes('<template'));
    const command = page.locator('#command');
    assert.equal(await command.innerText(), 'cargo xtask prerender wsis-sdg-matrix \\\n  --data data/matrix.json \\\n  --lang fr \\\n'
      + '  --src "/data/matrix.json" \\\n  --theme "dark" \\\n  --stylesheet "https://cdn.example.org/widgets/wsis-sdg-widgets.css"');
    assert.ok(await command.isVisible());
  });

  it('pre-rendered: the preload hints name each widget\'s own glue and wasm, which the server has', async () => {
    const page = await builder();
    await page.getByRole('radio', { name: en.forms.prerendered }).check();
    for (const tag of ['wsis-sdg-matrix', 'wsis-forum-outcomes', 'p2c-pledges']) {
      await page.getByRole('radio', { name: en.widgets[tag] }).check();
      const s = await snippetWhere(page, (v) => v.includes(`<${tag}`) && v.includes('<template'));
      const glue = s.match(/<link rel="modulepreload" href="([^"]+)">/)?.[1];
      const wasm = s.match(/<link rel="preload" href="([^"]+)" as="fetch" type="application\/wasm" crossorigin>/)?.[1];
      assert.ok(glue && wasm, s.slice(0, 300));
      const script = s.match(/<script type="module" src="([^"]+)"/)?.[1];
      // The loader imports this glue, and the glue fetches this wasm: the hints are for the same files.
      const loader = await (await fetch(script)).text();
      assert.ok(loader.includes(glue.split('/').pop()), `${script} imports ${glue}`);
      assert.ok(loader.includes(wasm.split('/').pop()), `${script} loads ${wasm}`);
      const wasmResponse = await fetch(wasm);
      assert.equal(wasmResponse.status, 200, wasm);
      assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
    }
  });

  it('copies the snippet and says so', async () => {
    const page = await builder('', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: en.copy }).click();
    await page.getByRole('status').filter({ hasText: en.copied }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet(page));
  });

  it('typed text stays text: markup in a field is escaped in the snippet and never reaches the page', async () => {
    const page = await builder();
    await page.getByLabel(en.attributes.src, { exact: true }).fill('x.json"><img src=x onerror="window.hit=1">');
    const s = await snippetWhere(page, (v) => v.includes('x.json'));
    assert.ok(s.includes('src="x.json&quot;>&lt;img src=x onerror=&quot;window.hit=1&quot;>"'), s);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length + (window.hit ? 1 : 0)), 0);
  });

  it('a release manifest puts its version and integrity values into the snippet', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/dist/manifest.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ version: '9.9.9', files: { 'wsis-sdg-matrix.0123456789abcdef.js': { source: 'wsis-sdg-matrix.js', integrity: 'sha384-TEST' } } }),
    }));
    await page.goto(BASE + '/builder.html');
    const s = await snippetWhere(page, (v) => v.includes('integrity'));
    assert.ok(s.startsWith(`<script type="module" src="${BASE}/dist/wsis-sdg-matrix.0123456789abcdef.js" integrity="sha384-TEST" crossorigin="anonymous"></script>`), s);
    assert.match(await page.locator('#snippet-notes').innerText(), /pins version 9\.9\.9/);
    await context.close();
  });

  it('works from the keyboard: arrow keys pick the widget, Tab reaches Copy', async () => {
    const page = await builder();
    await page.getByRole('radio', { name: en.widgets['wsis-sdg-matrix'] }).focus();
    await page.keyboard.press('ArrowRight');
    await snippetWhere(page, (s) => s.includes('<wsis-forum-outcomes'));
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'copy');
    }
    assert.ok(reached, 'Tab reaches the Copy button');
  });

  it('speaks the six languages (Arabic right to left), each with every string', async () => {
    const page = await builder();
    const langs = await page.getByLabel(en.uiLang).locator('option').evaluateAll((os) => os.map((o) => o.value));
    const fromManifest = MANIFEST.modules[0].declarations[0].attributes.find((a) => a.name === 'lang').type.text
      .split('|').map((v) => v.trim().replace(/'/g, ''));
    assert.deepEqual(langs, fromManifest);
    const keys = (o) => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? Object.keys(v).map((x) => `${k}.${x}`) : [k])).sort();
    for (const lang of langs) {
      assert.deepEqual(keys(STRINGS[lang]), keys(en), `${lang} has every string`);
      const s = STRINGS[lang];
      await page.locator('#ui-lang').selectOption(lang);
      await until(() => page.getByRole('heading', { level: 1 }).innerText(), (t) => t === s.title);
      assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.getByLabel(s.attributes.theme, { exact: true }).count(), 1, lang);
      await page.getByRole('button', { name: s.copy }).waitFor();
    }
  });

  it('reads well to axe, in English and in Arabic', async () => {
    for (const query of ['', '?lang=ar']) {
      // axe is injected as an inline script, which the page's CSP would refuse.
      const page = await builder(query, { bypassCSP: true });
      await page.getByRole('region', { name: query ? STRINGS.ar.preview : en.preview }).locator('wsis-sdg-matrix').getByRole('grid').waitFor();
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')}`);
      });
      assert.deepEqual(found, [], query || 'en');
    }
  });
});
