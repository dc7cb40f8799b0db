// The data desk's matrix links (www/desk.html, issue 17): a maintainer opens the matrix file,
// edits a link's targets, rationale, agreement and sources, adds and removes links, adds a
// source once and cites it from two links, follows a problem to its field, and downloads the
// file; the preview's widget shows the edits and an unedited file keeps its bytes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, closeContexts, open, until, ROOT, unexpectedProblems, wholePage, sdgFile } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const MATRIX_BYTES = readFileSync(join(ROOT, 'data/matrix.json'));
const EN = sdgFile('en');
const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
// Below the desk's two-column width: the preview gets the full width, where the matrix widget
// draws its grid (whose cells the tests open) rather than its cards.
const VIEWPORT = { width: 1150, height: 1000 };

/** Role and name locators of the desk's matrix panel. */
const d = (page) => {
  const panel = page.getByRole('region', { name: /^Matrix links/ });
  const form = page.getByRole('region', { name: /^Link / });
  const problems = page.getByRole('region', { name: /^Problems/ });
  return {
    panel,
    form,
    problems,
    table: panel.getByRole('table', { name: 'Links of the matrix file' }),
    rows: panel.getByRole('table', { name: 'Links of the matrix file' }).getByRole('rowgroup').last().getByRole('row'),
    button: (name) => page.getByRole('button', { name, exact: true }),
    combo: (name) => panel.getByRole('combobox', { name, exact: true }),
    preview: page.locator('wsis-sdg-matrix'),
  };
};

async function openMatrix(text = MATRIX_BYTES, name = 'matrix.json') {
  const page = await open(browser, '/desk.html', { acceptDownloads: true, viewport: VIEWPORT });
  await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
  await page.getByLabel('Open files (data .json or sessions .csv)').setInputFiles([file(name, text)]);
  await d(page).table.waitFor();
  return page;
}

async function download(page, name = 'matrix.json') {
  const [got] = await Promise.all([page.waitForEvent('download'), d(page).button(`Download ${name}`).click()]);
  assert.equal(got.suggestedFilename(), name);
  return readFileSync(await got.path());
}

const json = (bytes) => JSON.parse(bytes.toString('utf8'));
const link = (doc, line, sdg) => doc.links.find((l) => l.action_line === line && l.sdg === sdg);

/** The preview's cell detail of `line` × `sdg` (the matrix widget's own). */
async function cellDetail(page, line, sdg) {
  const cell = d(page).preview.locator(`[data-testid="cell-${line}-sdg-${sdg}"]`);
  await cell.waitFor({ timeout: 20000 });
  await cell.click();
  const detail = d(page).preview.getByRole('complementary');
  await detail.waitFor();
  return detail;
}

describe('data desk: matrix links', () => {
  after(() => closeContexts(browser));

  it('lists the links as a table, filtered by Action Line', async () => {
    const page = await openMatrix();
    await until(() => d(page).rows.count(), (n) => n === 123, { what: '123 rows' });
    await d(page).combo('Show the links of').selectOption('C3');
    await until(() => d(page).rows.count(), (n) => n === 17, { what: 'C3 has 17 links' });
    assert.equal(await d(page).button('Edit C3 × SDG 4').count(), 1);
    assert.equal(await d(page).button('Edit C1 × SDG 3').count(), 0);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it("edits a link's targets, rationale and agreement: the preview and the download show them; undo and redo", async () => {
    const page = await openMatrix();
    await d(page).button('Edit C1 × SDG 3').click();
    await d(page).form.getByRole('heading', { name: 'Link C1 × SDG 3' }).waitFor();
    // A target chosen from the list (labelled with the published SDG texts), one removed.
    const option = d(page).combo('Add a target').locator('option[value="9.c"]');
    await until(() => option.textContent(), (t) => t.startsWith('9.c — ') && t.includes(EN.targets['9.c'].slice(0, 40)),
      { what: 'target menu labelled with its texts' });
    await d(page).combo('Add a target').selectOption('9.c');
    await d(page).button('Remove target 9.c').waitFor();
    await d(page).button('Remove target 3.d').click();
    await until(() => d(page).button('Remove target 3.d').count(), (n) => n === 0, { what: '3.d removed' });
    const rationale = page.getByRole('textbox', { name: 'Rationale (its gist, in English)' });
    await rationale.fill('Telehealth over broadband, edited on the desk');
    await rationale.press('Tab');
    await d(page).combo('Agreement').selectOption('majority');
    const row = d(page).rows.filter({ has: page.getByRole('rowheader', { name: 'C1', exact: true }) })
      .filter({ hasText: 'Telehealth' });
    await until(() => row.textContent(), (t) => /3\.8, 9\.c/.test(t) && /majority/.test(t), { what: 'the row shows the edit' });
    // The real widget's cell detail.
    const detail = await cellDetail(page, 'C1', 3);
    await until(() => detail.textContent(), (t) => t.includes('Telehealth over broadband')
      && t.includes(EN.targets['9.c'].slice(0, 40)) && !t.includes(EN.targets['3.d'].slice(0, 40)) && /Not unanimous/.test(t),
    { what: 'preview detail with the edits', timeout: 20000 });
    const edited = link(json(await download(page)), 'C1', 3);
    assert.deepEqual(edited.targets, ['3.8', '9.c']);
    assert.equal(edited.rationale, 'Telehealth over broadband, edited on the desk');
    assert.equal(edited.agreement, 'majority');
    // Undo steps back through the four edits; redo comes back.
    for (let i = 0; i < 4; i++) await d(page).button('Undo').click();
    assert.ok((await download(page)).equals(MATRIX_BYTES), 'edit then undo gives the bytes back');
    await d(page).button('Redo').click();
    await d(page).button('Remove target 9.c').waitFor();
    assert.deepEqual(link(json(await download(page)), 'C1', 3).targets, ['3.8', '3.d', '9.c']);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('adds a link where the file orders it, refuses a second one of the same cell, and removes one', async () => {
    const page = await openMatrix();
    await d(page).combo('Action Line').selectOption('C2');
    await d(page).combo('SDG').selectOption('2');
    await d(page).button('Add link').click();
    await d(page).form.getByRole('heading', { name: 'Link C2 × SDG 2' }).waitFor();
    await until(() => d(page).rows.count(), (n) => n === 124, { what: '124 rows' });
    // Focus went to the new link's targets.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'desk-link-targets');
    await d(page).combo('Add a target').selectOption('2.3');
    await d(page).button('Remove target 2.3').waitFor();
    await d(page).button('Add link').click();
    await page.getByRole('alert').filter({ hasText: 'C2 × SDG 2 is linked already.' }).waitFor();
    await d(page).button('Remove C1 × SDG 1').click();
    await until(() => d(page).rows.count(), (n) => n === 123, { what: 'one removed' });
    // The form stayed on its link (whose index moved down).
    await d(page).form.getByRole('heading', { name: 'Link C2 × SDG 2' }).waitFor();
    const doc = json(await download(page));
    assert.equal(link(doc, 'C1', 1), undefined);
    const at = doc.links.findIndex((l) => l.action_line === 'C2' && l.sdg === 2);
    assert.equal(at, 6, 'after C1 × 17 and C2 × 1');
    assert.deepEqual(doc.links[at], { action_line: 'C2', sdg: 2, targets: ['2.3'], agreement: 'all' });
    await d(page).problems.getByText('No problems found.').waitFor();
    // The preview has the new cell.
    const detail = await cellDetail(page, 'C2', 2);
    await until(() => detail.textContent(), (t) => t.includes(EN.targets['2.3'].slice(0, 40)), { what: 'new cell in preview', timeout: 20000 });
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('adds a source once and cites it from two links', async () => {
    const page = await openMatrix();
    await d(page).button('Edit C1 × SDG 1').click();
    const title = page.getByRole('textbox', { name: 'Source title' });
    const url = page.getByRole('textbox', { name: 'Source address (http or https)' });
    // Refused by the model's rules first: no title, a non-http address, no address.
    await d(page).button('Add and cite').click();
    await page.getByRole('alert').filter({ hasText: 'A source needs a title.' }).waitFor();
    await title.fill('Desk test source');
    await url.fill('javascript:alert(1)');
    await d(page).button('Add and cite').click();
    await page.getByRole('alert').filter({ hasText: 'The address must start with http:// or https://.' }).waitFor();
    assert.equal(await url.getAttribute('aria-invalid'), 'true');
    await url.fill('');
    await d(page).button('Add and cite').click();
    await page.getByRole('alert').filter({ hasText: "This file's sources need an address." }).waitFor();
    await url.fill('https://www.itu.int/desk-test');
    await d(page).button('Add and cite').click();
    const cited = page.getByRole('checkbox', { name: 'S34 Desk test source' });
    await until(() => cited.isChecked().catch(() => false), (v) => v, { what: 'new source cited' });
    assert.equal(await title.inputValue(), '');
    // The second link cites the same source from the list.
    await d(page).button('Edit C1 × SDG 3').click();
    await d(page).form.getByRole('heading', { name: 'Link C1 × SDG 3' }).waitFor();
    assert.equal(await cited.isChecked(), false);
    await cited.check();
    await until(() => cited.isChecked(), (v) => v, { what: 'second citation' });
    const doc = json(await download(page));
    assert.deepEqual(doc.sources.filter((s) => s.title === 'Desk test source'),
      [{ id: 'S34', title: 'Desk test source', url: 'https://www.itu.int/desk-test' }]);
    assert.deepEqual(link(doc, 'C1', 1).sources, ['S34']);
    assert.deepEqual(link(doc, 'C1', 3).sources, ['S34']);
    // The reader's widget lists the cell's own source first.
    const detail = await cellDetail(page, 'C1', 3);
    const first = detail.getByRole('listitem').filter({ hasText: /^S\d+: / }).first();
    await until(() => first.textContent(), (t) => t === 'S34: Desk test source', { what: 'cited source in the preview', timeout: 20000 });
    assert.equal(await detail.getByRole('link', { name: 'Desk test source' }).getAttribute('href'), 'https://www.itu.int/desk-test');
    // One undo step each: citing, then adding-and-citing.
    await d(page).button('Undo').click();
    await d(page).button('Undo').click();
    assert.ok((await download(page)).equals(MATRIX_BYTES));
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it("a problem at a link's JSON path opens the link and focuses its field", async () => {
    const doc = json(MATRIX_BYTES);
    doc.links[1].targets[1] = '3.z';
    doc.links[4].rationale = '   ';
    const page = await openMatrix(JSON.stringify(doc, null, 2) + '\n', 'matrix-bad.json');
    const problems = d(page).problems.getByRole('button');
    await until(() => problems.count(), (n) => n === 2, { what: '2 problems' });
    assert.equal(await d(page).button('Download matrix-bad.json').isDisabled(), true);
    await problems.filter({ hasText: 'links[1].targets[1]' }).click();
    await d(page).form.getByRole('heading', { name: 'Link C1 × SDG 3' }).waitFor();
    await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      (v) => v === 'Remove target 3.z', { what: 'focus on the bad target' });
    await page.keyboard.press('Enter');
    await until(() => problems.count(), (n) => n === 1, { what: 'target fixed' });
    await problems.filter({ hasText: 'links[4].rationale' }).click();
    await until(() => page.evaluate(() => document.activeElement?.id), (v) => v === 'desk-link-rationale', { what: 'focus on the rationale' });
    await page.keyboard.type('Fixed on the desk');
    await page.keyboard.press('Tab');
    await d(page).problems.getByText('No problems found.').waitFor();
    const fixed = json(await download(page, 'matrix-bad.json'));
    assert.deepEqual(fixed.links[1].targets, ['3.8']);
    assert.equal(fixed.links[4].rationale, 'Fixed on the desk');
    await page.context().close();
  });

  it('round trips: no edit, and edit → download → open → download, keep the bytes', async () => {
    const page = await openMatrix();
    assert.ok((await download(page)).equals(MATRIX_BYTES), 'opening and downloading changed the bundled file');
    await d(page).button('Edit e-agr × SDG 1').click();
    await d(page).combo('Add a target').selectOption('17');
    await d(page).button('Remove target 17').waitFor();
    const once = await download(page);
    assert.ok(!once.equals(MATRIX_BYTES));
    await page.getByLabel('Open files (data .json or sessions .csv)').setInputFiles([file('matrix.json', once)]);
    await until(async () => json(await download(page)).links.length, (n) => n === 123, { what: 'reopened' });
    assert.ok((await download(page)).equals(once), 'download → open → download changed the bytes');
    await page.context().close();
  });

  for (const lang of ['en', 'ar']) {
    it(`passes axe with a link's form open and a source refused: ${lang}`, async () => {
      const page = await open(browser, '/desk.html', { bypassCSP: true, viewport: VIEWPORT });
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByLabel('Open files (data .json or sessions .csv)').setInputFiles([file('matrix.json', MATRIX_BYTES)]);
      await d(page).table.waitFor();
      await d(page).button('Edit C1 × SDG 3').click();
      await d(page).button('Add and cite').click();
      await page.getByRole('alert').first().waitFor();
      if (lang === 'ar') {
        await page.locator('#desk-lang').selectOption('ar');
        await page.getByRole('heading', { name: /^روابط المصفوفة/ }).waitFor();
      }
      await d(page).preview.locator('[data-testid="cell-C1-sdg-1"]').waitFor({ timeout: 20000 });
      assert.deepEqual(await wholePage(page), []);
      await page.context().close();
    });
  }
});
