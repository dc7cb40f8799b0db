// The data desk (www/desk.html, issue 17): a maintainer opens the forum file, imports a
// sessions spreadsheet, sees every bad row, fixes them, sees the forum widget with them, and
// downloads the file — byte for byte what `cargo xtask import-forum` writes for the same input.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, countOf, until, ROOT, unexpectedProblems } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const FORUM_PATH = join(ROOT, 'data/forum-outcomes.json');
const FORUM = readFileSync(FORUM_PATH);
const SESSIONS = JSON.parse(FORUM.toString('utf8')).sessions.length;
const HEADER = 'year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n';
// This year's sessions: rows 2 and 5 are good, rows 3 and 4 have problems.
const CSV = HEADER
  + '2027,D1,Opening of the desk,ITU,High-Level Policy Session,2027-07-06,C1;C7 e-health,3;9,https://www.itu.int/x,H\n'
  + '2027,D2,Bad date and line,ITU; UNESCO,,2026-07-07,C99,18,,Q\n'
  + '2027,D3,,FAO,,,C7 e-agriculture,2,javascript:alert(1),\n'
  + '2027,D4,"Trust, ""safety"" and you",UN Women,Thematic Workshop,2027-07-08,C5,5;16,,M\n';

const file = (name, text) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });

/** Role and name locators of the desk. */
const d = (page) => {
  const problems = page.getByRole('region', { name: /^Problems/ });
  return {
    picker: page.getByLabel('Open files (data .json or sessions .csv)'),
    problems,
    problemButtons: problems.getByRole('button'),
    cell: (column, row) => page.getByRole('textbox', { name: `${column}, row ${row}`, exact: true }),
    button: (name) => page.getByRole('button', { name, exact: true }),
    preview: page.locator('wsis-forum-outcomes'),
  };
};

async function openDesk(options) {
  const page = await open(browser, '/desk.html', { acceptDownloads: true, ...options });
  await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
  return page;
}

/** The preview's count line ("… of N sessions") once it shows `n` sessions. */
async function previewShows(page, n) {
  const count = countOf(d(page).preview).filter({ hasText: 'sessions' });
  await until(async () => (await count.count()) ? count.first().textContent() : '',
    (t) => new RegExp(`\\b${n}\\b`).test(t.replace(/[,\u202f\u00a0]/g, '')), { what: `preview with ${n} sessions`, timeout: 20000 });
}

async function downloadBytes(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), d(page).button(name).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Opens the bundled forum file and the spreadsheet with its two bad rows. */
async function openBoth(page) {
  await d(page).picker.setInputFiles([file('forum-outcomes.json', FORUM), file('sessions-2027.csv', CSV)]);
  await page.getByRole('table', { name: 'Sessions to import' }).waitFor();
}

/** Ticks `choice` in the chooser of a list cell (Action Lines, SDGs): chosen, not typed. */
async function choose(page, column, row, choice) {
  const name = `Choose ${column}, row ${row}`;
  // <summary> has no role to find it by; its accessible name is its aria-label.
  await page.locator(`summary[aria-label="${name}"]`).click();
  // A choice is named by its code, then its title (an Action Line's).
  const named = new RegExp(`^${choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
  await page.getByRole('group', { name }).getByRole('checkbox', { name: named }).check();
}

async function fixRows(page) {
  const fix = [['date', 3, '2027-07-07'], ['confidence', 3, 'L'],
    ['title', 4, 'Farming data'], ['source_url', 4, 'https://www.fao.org/']];
  for (const [column, row, value] of fix) {
    await d(page).cell(column, row).fill(value);
    await d(page).cell(column, row).press('Tab');
  }
  // "C99" and "18" are replaced by choices from the model's lists.
  await choose(page, 'action_lines', 3, 'C4');
  await until(() => d(page).cell('action_lines', 3).inputValue(), (v) => v === 'C4', { what: 'action_lines C4' });
  await choose(page, 'sdgs', 3, '4');
  await until(() => d(page).cell('sdgs', 3).inputValue(), (v) => v === '4', { what: 'sdgs 4' });
  await d(page).problems.getByText('No problems found.').waitFor();
}

function xtaskImport(csvBytes) {
  const dir = join(ROOT, 'tests/browser/live/desk');
  mkdirSync(dir, { recursive: true });
  const forum = join(dir, 'forum-outcomes.json');
  const csv = join(dir, 'sessions.csv');
  copyFileSync(FORUM_PATH, forum);
  writeFileSync(csv, csvBytes);
  const bin = process.env.XTASK_BIN;
  const args = ['import-forum', csv, '--file', forum];
  if (bin) execFileSync(bin, args, { cwd: ROOT, stdio: 'pipe' });
  else execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', ...args], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(forum);
}

describe('data desk', () => {
  after(() => closeContexts(browser));

  it('is its own bundle: the demo page downloads none of its code', async () => {
    const page = await open(browser, '/');
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.reload();
    await page.waitForLoadState('networkidle');
    assert.ok(urls.some((u) => u.includes('wsis_sdg_widgets_bg')), 'the demo loads the reader bundle');
    assert.deepEqual(urls.filter((u) => /desk/.test(u)), []);
    await page.context().close();
  });

  it('opens a forum file by picker: its sessions and the live preview of the real widget', async () => {
    const page = await openDesk();
    await d(page).picker.setInputFiles([file('forum-outcomes.json', FORUM)]);
    await page.getByText(`forum-outcomes.json · ${SESSIONS} sessions`).waitFor();
    await d(page).problems.getByText('No problems found.').waitFor();
    await previewShows(page, SESSIONS);
    // Either theme readers may see.
    assert.equal(await d(page).preview.getAttribute('theme'), 'light');
    await page.getByRole('combobox', { name: 'Preview theme' }).selectOption('dark');
    await until(() => d(page).preview.getAttribute('theme'), (t) => t === 'dark', { what: 'dark preview' });
    await previewShows(page, SESSIONS);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('opens a spreadsheet by drag and drop, and lists every bad row with its column', async () => {
    const page = await openDesk();
    await d(page).picker.setInputFiles([file('forum-outcomes.json', FORUM)]);
    await page.getByText(`forum-outcomes.json · ${SESSIONS} sessions`).waitFor();
    await page.evaluate((csv) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'sessions-2027.csv', { type: 'text/csv' }));
      document.querySelector('.desk').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, CSV);
    await page.getByRole('table', { name: 'Sessions to import' }).waitFor();
    const texts = await until(() => d(page).problemButtons.allTextContents(), (t) => t.length === 6, { what: '6 problems' });
    assert.deepEqual(texts, [
      'sessions-2027.csv: date, row 3: 2026-07-07 is not in 2027',
      'sessions-2027.csv: action_lines, row 3: "C99" is not a WSIS Action Line (C1–C11, or C7 e-… for a sub-line)',
      'sessions-2027.csv: sdgs, row 3: "18" is not an SDG (1–17)',
      'sessions-2027.csv: confidence, row 3: "Q" is not H, M or L',
      'sessions-2027.csv: title, row 4: is empty',
      'sessions-2027.csv: source_url, row 4: "javascript:alert(1)" is not an http(s) URL',
    ]);
    assert.equal(await d(page).problems.getByRole('heading').textContent(), 'Problems · 6 problems');
    // Nothing is imported while a problem is left.
    assert.equal(await d(page).button('Import into the forum file').isDisabled(), true);
    assert.equal(await d(page).cell('sdgs', 3).getAttribute('aria-invalid'), 'true');
    // Selecting a problem takes the maintainer to the field.
    await d(page).problemButtons.filter({ hasText: 'title, row 4' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'title, row 4');
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('fixing the rows clears the problems, the preview follows, the import, undo and redo', async () => {
    const page = await openDesk();
    await openBoth(page);
    await previewShows(page, SESSIONS);
    await fixRows(page);
    // Problem-free: the preview already shows the spreadsheet's sessions merged in.
    await previewShows(page, SESSIONS + 4);
    await d(page).button('Import into the forum file').click();
    await page.getByText(`forum-outcomes.json · ${SESSIONS + 4} sessions`).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Sessions to import' }).count(), 0);
    await d(page).button('Undo').click();
    await page.getByRole('table', { name: 'Sessions to import' }).waitFor();
    await page.getByText(`forum-outcomes.json · ${SESSIONS} sessions`).waitFor();
    assert.equal(await d(page).cell('sdgs', 3).inputValue(), '4');
    await d(page).button('Undo').click();
    await until(() => d(page).cell('sdgs', 3).inputValue(), (v) => v === '18', { what: 'sdgs choice undone' });
    await d(page).button('Redo').click();
    await d(page).button('Redo').click();
    await page.getByText(`forum-outcomes.json · ${SESSIONS + 4} sessions`).waitFor();
    // Rows are added and removed too.
    await d(page).button('Undo').click();
    await d(page).button('Add a row').click();
    await d(page).cell('title', 6).waitFor();
    await d(page).button('Remove row 6').click();
    await until(() => d(page).cell('title', 6).count(), (n) => n === 0, { what: 'row 6 removed' });
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('keeps unsaved work over a reload and offers it back', async () => {
    const page = await openDesk();
    await openBoth(page);
    await d(page).cell('title', 4).fill('Kept over a reload');
    await d(page).cell('title', 4).press('Tab');
    await page.reload();
    const offer = page.getByRole('alert').filter({ hasText: 'Unsaved work' });
    await offer.waitFor();
    assert.match(await offer.textContent(), /forum-outcomes\.json, sessions-2027\.csv/);
    await offer.getByRole('button', { name: 'Restore it' }).click();
    assert.equal(await d(page).cell('title', 4).inputValue(), 'Kept over a reload');
    await page.getByText(`forum-outcomes.json · ${SESSIONS} sessions`).waitFor();
    // Discarded, it is gone for good.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'Unsaved work' }).getByRole('button', { name: 'Discard it' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'Unsaved work' }).count(), 0);
    await page.context().close();
  });

  it('downloads the file import-forum writes for the same input, and the round trip keeps its bytes', async () => {
    const page = await openDesk();
    await openBoth(page);
    await fixRows(page);
    const csv = await downloadBytes(page, 'Download the spreadsheet (CSV)');
    assert.equal(csv.name, 'sessions-2027.csv');
    await d(page).button('Import into the forum file').click();
    await page.getByText(`forum-outcomes.json · ${SESSIONS + 4} sessions`).waitFor();
    const forum = await downloadBytes(page, 'Download the forum file');
    assert.equal(forum.name, 'forum-outcomes.json');
    const expected = xtaskImport(csv.bytes);
    assert.ok(forum.bytes.equals(expected), 'the desk\'s file differs from import-forum\'s');
    // Round trip: the downloaded file opened again downloads the same bytes.
    await d(page).picker.setInputFiles([file('forum-outcomes.json', forum.bytes)]);
    const again = await downloadBytes(page, 'Download the forum file');
    assert.ok(again.bytes.equals(forum.bytes), 'download → open → download changed the bytes');
    // The bundled file itself goes through unchanged.
    await d(page).picker.setInputFiles([file('forum-outcomes.json', FORUM)]);
    await page.getByText(`forum-outcomes.json · ${SESSIONS} sessions`).waitFor();
    const same = await downloadBytes(page, 'Download the forum file');
    assert.ok(same.bytes.equals(FORUM), 'opening and downloading the bundled file changed it');
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('speaks the six UN languages; Arabic right to left', async () => {
    const page = await openDesk();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'مكتب البيانات' }).waitFor();
    assert.equal(await page.locator('.desk').getAttribute('dir'), 'rtl');
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Bureau des données' }).waitFor();
    assert.equal(await page.locator('.desk').getAttribute('dir'), 'ltr');
    await page.context().close();
  });
});
