// The data desk with every kind of data file (issue 17): pledges, matrix and SDG texts open
// beside the forum file, each checked by its own validator, previewed by its own widget and
// downloaded unchanged; problems said in the reader's language.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, until, ROOT, unexpectedProblems } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const read = (path) => readFileSync(join(ROOT, path));
const PLEDGES = read('data/p2c-pledges.json');
const MATRIX = read('data/matrix.json');
const SDG_FR = read('data/sdg/sdg-fr.json');
const FORUM = read('data/forum-outcomes.json');
const HEADER = 'year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n';
const CSV = HEADER + '2027,D2,Bad line,ITU,,2027-07-07,C99,3,,H\n';

const file = (name, bytes) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(bytes) });

async function openDesk() {
  const page = await open(browser, '/desk.html', { acceptDownloads: true });
  await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
  return page;
}

const picker = (page, label = 'Open files (data .json or sessions .csv)') => page.getByLabel(label);
const problems = (page) => page.getByRole('region', { name: /^(Problems|Problèmes)/ });

describe('data desk: every kind of file', () => {
  after(() => closeContexts(browser));

  it('opens pledge, matrix and SDG texts files by content, previews each widget, downloads them unchanged', async () => {
    const page = await openDesk();
    // Names that say nothing: the kind comes from the content, as `xtask validate` tells it.
    await picker(page).setInputFiles([file('export (1).json', PLEDGES), file('export (2).json', MATRIX),
      file('export (3).json', SDG_FR)]);
    const files = page.locator('.desk-files');
    await until(() => files.textContent(), (t) => t.includes('export (3).json'), { what: 'three files listed' });
    const listed = await files.locator('dt, dd').allTextContents();
    const after = (term) => listed[listed.indexOf(term) + 1];
    assert.equal(after('Pledge file'), 'export (1).json');
    assert.equal(after('Matrix file'), 'export (2).json');
    assert.equal(after('SDG texts file'), 'export (3).json');
    await problems(page).getByText('No problems found.').waitFor();
    // One widget at a time, the one picked.
    const menu = page.getByRole('combobox', { name: 'Widget' });
    assert.deepEqual(await menu.locator('option').allTextContents(), ['Matrix file', 'Pledge file']);
    await page.locator('wsis-sdg-matrix[src^="blob:"]').waitFor();
    await menu.selectOption({ label: 'Pledge file' });
    const pledges = page.locator('p2c-pledges[src^="blob:"]');
    await pledges.waitFor();
    assert.equal(await page.locator('wsis-sdg-matrix').count(), 0);
    await until(() => pledges.evaluate((el) => el.shadowRoot?.textContent ?? ''), (t) => /billion|\bbn\b|USD/.test(t),
      { what: 'the pledge widget drawn from the opened file', timeout: 20000 });
    for (const [label, bytes] of [['Download export (1).json', PLEDGES], ['Download export (2).json', MATRIX],
      ['Download export (3).json', SDG_FR]]) {
      const [download] = await Promise.all([page.waitForEvent('download'),
        page.getByRole('button', { name: label, exact: true }).click()]);
      assert.ok(readFileSync(await download.path()).equals(bytes), `${label} changed the bytes`);
    }
    // The matrix widget, taken off the page, aborts its read of the blob: nothing else fails.
    assert.deepEqual(unexpectedProblems(page, ['requestfailed: blob:']), []);
    await page.context().close();
  });

  it('an opened matrix feeds the forum preview too', async () => {
    const page = await openDesk();
    await picker(page).setInputFiles([file('forum-outcomes.json', FORUM), file('matrix.json', MATRIX)]);
    const forum = page.locator('wsis-forum-outcomes[src^="blob:"]');
    await forum.waitFor();
    assert.match(await forum.getAttribute('matrix-src'), /^blob:/);
    await page.context().close();
  });

  it('lists a bad pledge file\'s problem at its JSON path and refuses to download it', async () => {
    const page = await openDesk();
    const bad = PLEDGES.toString('utf8').replace('"usd": 15800000000', '"usd": -1');
    await picker(page).setInputFiles([file('p2c-pledges.json', bad)]);
    const button = problems(page).getByRole('button');
    await until(() => button.allTextContents(), (t) => t.length === 1, { what: 'one problem' });
    assert.equal(await button.textContent(), 'p2c-pledges.json: milestones[0].usd: -1 is negative');
    assert.equal(await page.getByRole('button', { name: 'Download p2c-pledges.json', exact: true }).isDisabled(), true);
    // Selecting it goes to the pledge file (not the forum file's entry).
    await button.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'desk-pledges');
    await page.context().close();
  });

  it('lists every fault of a file, in the words and places `xtask validate` gives for it', async () => {
    const matrix = JSON.parse(MATRIX.toString('utf8'));
    matrix.links[0].sdg = 18;
    matrix.links[1].targets = ['99.z'];
    matrix.action_lines[3].title.en = '';
    matrix.action_lines[2].sources.push('S999');
    const dir = join(ROOT, 'tests/browser/live/desk-validate');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'matrix.json');
    writeFileSync(path, JSON.stringify(matrix, null, 2) + '\n');
    const bin = process.env.XTASK_BIN;
    const run = bin ? spawnSync(bin, ['validate', path], { cwd: ROOT, encoding: 'utf8' })
      : spawnSync('cargo', ['run', '-q', '-p', 'xtask', '--', 'validate', path], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    const expected = run.stdout.split('\n').filter((l) => l.startsWith('error ')).map((l) => l.slice(`error ${path}: `.length));
    assert.equal(expected.length, 4, run.stdout);
    const page = await openDesk();
    await picker(page).setInputFiles([file('matrix.json', readFileSync(path))]);
    const buttons = problems(page).getByRole('button');
    const texts = await until(() => buttons.allTextContents(), (t) => t.length === 4, { what: 'four problems' });
    assert.deepEqual(texts, expected.map((e) => `matrix.json: ${e}`));
    await page.context().close();
  });

  it('says problems in the reader\'s language, and marks what only English has', async () => {
    const page = await openDesk();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Bureau des données' }).waitFor();
    await picker(page, 'Ouvrir des fichiers (données .json ou sessions .csv)').setInputFiles([
      file('forum-outcomes.json', FORUM), file('sessions.csv', CSV), file('broken.json', '{"sessions": [')]);
    const buttons = problems(page).getByRole('button');
    await until(() => buttons.count(), (n) => n === 2, { what: 'two problems' });
    const texts = await buttons.allTextContents();
    assert.equal(texts[1], 'sessions.csv: action_lines, ligne 2: « C99 » n’est pas une grande orientation du SMSI (C1–C11, ou C7 e-… pour une sous-orientation)');
    // The JSON reader's own words have no translation: shown in English, marked as such.
    const english = buttons.filter({ hasText: 'broken.json' }).locator('[lang="en"]');
    assert.equal(await buttons.filter({ hasText: 'sessions.csv' }).locator('[lang="en"]').count(), 0);
    assert.equal(await english.count(), 1);
    assert.match(await english.textContent(), /\S/);
    await page.context().close();
  });
});
