// The data desk's session editor (issue 17): the forum file's own sessions added, edited and
// removed in a form; problems at a session's JSON path open its field; Action Line titles in
// the choosers; undo and redo from the keyboard; editing beside the preview on wide screens.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, countOf, until, ROOT, MATRIX, unexpectedProblems, wholePage } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const FORUM_PATH = join(ROOT, 'data/forum-outcomes.json');
const FORUM = readFileSync(FORUM_PATH);
const DOC = JSON.parse(FORUM.toString('utf8'));
const SESSIONS = DOC.sessions.length;
const HEADER = 'year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n';

const file = (name, text) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Role and name locators of the desk and its session editor. */
const d = (page) => {
  const problems = page.getByRole('region', { name: /^Problems/ });
  const form = page.getByRole('form', { name: /^(New session|Edit the session)$/ });
  return {
    picker: page.getByLabel('Open files (data .json or sessions .csv)'),
    problems,
    problemButtons: problems.getByRole('button'),
    button: (name) => page.getByRole('button', { name, exact: true }),
    preview: page.locator('wsis-forum-outcomes'),
    sessions: page.getByRole('table', { name: 'Sessions in the forum file' }),
    form,
    field: (name) => form.getByRole('textbox', { name, exact: true }),
  };
};

async function openDesk(options) {
  const page = await open(browser, '/desk.html', { acceptDownloads: true, ...options });
  await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
  return page;
}

async function openForum(page, bytes = FORUM) {
  await d(page).picker.setInputFiles([file('forum-outcomes.json', bytes)]);
  await d(page).sessions.waitFor();
}

const summary = (page, n) => page.getByText(`forum-outcomes.json · ${n} sessions`);

async function previewShows(page, n) {
  const count = countOf(d(page).preview).filter({ hasText: 'sessions' });
  await until(async () => (await count.count()) ? count.first().textContent() : '',
    (t) => new RegExp(`\\b${n}\\b`).test(t.replace(/[,\u202f\u00a0]/g, '')), { what: `preview with ${n} sessions`, timeout: 20000 });
}

async function downloadBytes(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), d(page).button(name).click()]);
  return readFileSync(await download.path());
}

/** Ticks `code` (a checkbox named by its code and title) in the chooser named `name`. */
async function choose(page, name, code) {
  const summary = page.locator(`summary[aria-label="${name}"]`);
  if (!await summary.evaluate((s) => s.parentElement.open)) await summary.click();
  await page.getByRole('group', { name }).getByRole('checkbox', { name: new RegExp(`^${escape(code)}( |$)`) }).check();
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id);

function xtaskImport(csv) {
  const dir = join(ROOT, 'tests/browser/live/desk-forum');
  mkdirSync(dir, { recursive: true });
  const forum = join(dir, 'forum-outcomes.json');
  const sheet = join(dir, 'sessions.csv');
  copyFileSync(FORUM_PATH, forum);
  writeFileSync(sheet, csv);
  const bin = process.env.XTASK_BIN;
  const args = ['import-forum', sheet, '--file', forum];
  if (bin) execFileSync(bin, args, { cwd: ROOT, stdio: 'pipe' });
  else execFileSync('cargo', ['run', '-q', '-p', 'xtask', '--', ...args], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(forum);
}

describe('data desk: the forum file\'s sessions', () => {
  after(() => closeContexts(browser));

  it('adds a session in the form: the preview counts it and the download is import-forum\'s file', async () => {
    const page = await openDesk();
    await openForum(page);
    await d(page).button('Add a session').click();
    await d(page).form.waitFor();
    assert.equal(await d(page).form.getByRole('heading').textContent(), 'New session');
    assert.equal(await activeId(page), 'desk-session-title', 'the title is focused');
    // The year starts as the file's latest; a bad one is said at its field, and nothing saves.
    assert.equal(await d(page).field('Year').inputValue(), '2026');
    assert.equal(await d(page).button('Add the session').isDisabled(), true, 'no title yet');
    await d(page).field('Title').fill('Made at the desk');
    await d(page).field('Date (YYYY-MM-DD)').fill('2025-07-08');
    await d(page).form.getByText('2025-07-08 is not in 2026').waitFor();
    assert.equal(await d(page).field('Date (YYYY-MM-DD)').getAttribute('aria-invalid'), 'true');
    await d(page).field('Date (YYYY-MM-DD)').fill('2026-07-08');
    await d(page).field('Organisers (separated by ;)').fill('ITU; UNESCO');
    await choose(page, 'Choose Action Lines', 'C7 e-health');
    await choose(page, 'Choose Action Lines', 'C3');
    await choose(page, 'Choose SDGs', '3');
    await d(page).form.getByText('C3; C7 e-health').waitFor();
    await d(page).form.getByRole('combobox', { name: 'Confidence' }).selectOption('H');
    await d(page).button('Add the session').click();
    await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
    await summary(page, SESSIONS + 1).waitFor();
    assert.equal(await d(page).form.count(), 0, 'the form closes');
    await d(page).sessions.getByRole('rowheader', { name: 'Made at the desk' }).waitFor();
    await previewShows(page, SESSIONS + 1);
    const bytes = await downloadBytes(page, 'Download the forum file');
    const added = JSON.parse(bytes.toString('utf8')).sessions.filter((s) => s.title === 'Made at the desk');
    assert.deepEqual(added, [{ year: 2026, title: 'Made at the desk', organisers: ['ITU', 'UNESCO'],
      date: '2026-07-08', action_lines: ['C3', 'e-hea'], sdgs: [3], confidence: 'H' }]);
    // The same session as a spreadsheet row, through the command: the same bytes.
    const expected = xtaskImport(HEADER + '2026,,Made at the desk,ITU; UNESCO,,2026-07-08,C3;C7 e-health,3,,H\n');
    assert.ok(bytes.equals(expected), 'the desk\'s file differs from import-forum\'s');
    // The file already has it now: adding it again is refused, saying so.
    await d(page).button('Add a session').click();
    await d(page).field('Title').fill('made at the desk');
    await d(page).form.getByText('The file already has this session: “Made at the desk” (2026).').waitFor();
    assert.equal(await d(page).button('Add the session').isDisabled(), true);
    await d(page).button('Cancel').click();
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('edits a session\'s title and removes one; undo and redo by keyboard, not while typing', async () => {
    const page = await openDesk();
    await openForum(page);
    const first = DOC.sessions[0];
    // The table narrows to a year and to a search.
    await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2016');
    const rows = d(page).sessions.getByRole('row');
    await until(() => rows.count(), (n) => n === 1 + DOC.sessions.filter((s) => s.year === 2016).length, { what: '2016 rows' });
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('scientific knowledge');
    await until(() => rows.count(), (n) => n === 2, { what: 'one match' });
    await d(page).button(`Edit: ${first.title}`).click();
    assert.equal(await d(page).form.getByRole('heading').textContent(), 'Edit the session');
    assert.equal(await d(page).field('Session ID (optional)').inputValue(), first.id);
    await d(page).field('Title').fill('Renamed at the desk');
    await d(page).button('Save the session').click();
    await page.getByRole('status').filter({ hasText: 'Session saved.' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    await d(page).sessions.getByRole('rowheader', { name: 'Renamed at the desk' }).waitFor();
    await summary(page, SESSIONS).waitFor();
    const undo = d(page).button('Undo');
    assert.equal(await undo.getAttribute('aria-keyshortcuts'), 'Control+Z Meta+Z');
    assert.match(await d(page).button('Redo').getAttribute('aria-keyshortcuts'), /Control\+Shift\+Z.*Control\+Y/);
    await page.getByText('Keyboard: Ctrl+Z undoes').waitFor();
    // In a text field, Ctrl+Z is the field's own: the desk's edit stays (nothing to redo).
    const search = page.getByRole('searchbox', { name: 'Search sessions' });
    await search.focus();
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    assert.equal(await d(page).button('Redo').isDisabled(), true, 'the desk did not undo');
    await search.fill('');
    // Anywhere else it is the desk's undo; Ctrl+Shift+Z and Ctrl+Y redo.
    await page.getByRole('heading', { name: /^Sessions of the forum file/ }).focus();
    await page.keyboard.press('Control+z');
    await d(page).sessions.getByRole('rowheader', { name: first.title, exact: true }).waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await d(page).sessions.getByRole('rowheader', { name: 'Renamed at the desk' }).waitFor();
    await page.keyboard.press('Control+z');
    await d(page).sessions.getByRole('rowheader', { name: first.title, exact: true }).waitFor();
    await page.keyboard.press('Control+y');
    await d(page).sessions.getByRole('rowheader', { name: 'Renamed at the desk' }).waitFor();
    // Removed: one session fewer, in the file and the preview.
    await d(page).button('Remove: Renamed at the desk').click();
    await page.getByRole('status').filter({ hasText: 'Session removed.' }).waitFor();
    await summary(page, SESSIONS - 1).waitFor();
    await previewShows(page, SESSIONS - 1);
    const bytes = await downloadBytes(page, 'Download the forum file');
    const left = JSON.parse(bytes.toString('utf8')).sessions;
    assert.equal(left.length, SESSIONS - 1);
    assert.deepEqual(left, DOC.sessions.slice(1));
    await undo.click();
    await summary(page, SESSIONS).waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('a problem at a session\'s JSON path opens that session with its field focused', async () => {
    const page = await openDesk();
    const bad = structuredClone(DOC);
    bad.sessions[3].title = '';
    bad.sessions[5].sdgs = [18];
    await openForum(page, JSON.stringify(bad, null, 2) + '\n');
    const titleProblem = d(page).problemButtons.filter({ hasText: 'sessions[3].title' });
    await titleProblem.waitFor();
    await titleProblem.click();
    await d(page).form.waitFor();
    assert.equal(await activeId(page), 'desk-session-title');
    assert.equal(await d(page).field('Year').inputValue(), String(DOC.sessions[3].year));
    assert.equal(await d(page).field('Title').getAttribute('aria-invalid'), 'true');
    await d(page).form.getByText('is empty').waitFor();
    // A list's problem focuses its chooser.
    await d(page).problemButtons.filter({ hasText: 'sessions[5].sdgs[0]' }).click();
    await until(() => activeId(page), (id) => id === 'desk-session-sdgs-summary', { what: 'the SDG chooser focused' });
    assert.equal(await d(page).field('Title').inputValue(), DOC.sessions[5].title);
    await choose(page, 'Choose SDGs', '9');
    await d(page).button('Save the session').click();
    await d(page).problemButtons.filter({ hasText: 'sessions[5]' }).waitFor({ state: 'detached' });
    await titleProblem.click();
    await d(page).field('Title').fill(DOC.sessions[3].title);
    await d(page).button('Save the session').click();
    await d(page).problems.getByText('No problems found.').waitFor();
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('names the Action Lines by code and title in the desk\'s language, in the spreadsheet too', async () => {
    const page = await openDesk();
    await d(page).picker.setInputFiles([file('s.csv', HEADER + '2027,1,A,ITU,,,C1,,,\n')]);
    await page.getByRole('table', { name: 'Sessions to import' }).waitFor();
    const name = 'Choose action_lines, row 2';
    await page.locator(`summary[aria-label="${name}"]`).click();
    const group = page.getByRole('group', { name });
    const c3 = MATRIX.action_lines.find((a) => a.id === 'C3');
    await group.getByRole('checkbox', { name: `C3 ${c3.title.en}`, exact: true }).waitFor();
    await group.getByRole('checkbox', { name: 'C7 e-government E-government', exact: true }).waitFor();
    await page.locator('.desk-head').getByRole('combobox', { name: 'Language' }).selectOption('fr');
    const fr = page.getByRole('group', { name: 'Choisir action_lines, ligne 2' });
    await fr.getByRole('checkbox', { name: `C3 ${c3.title.fr}`, exact: true }).waitFor();
    // No French title: the English one, marked as English.
    const c4 = MATRIX.action_lines.find((a) => a.id === 'C4');
    assert.equal(c4.title.fr, undefined);
    assert.equal(await fr.locator('[lang="en"]').filter({ hasText: c4.title.en }).count(), 1);
    // An open matrix file names them as it is edited.
    const edited = structuredClone(MATRIX);
    edited.action_lines.find((a) => a.id === 'C3').title.fr = 'Titre de la matrice ouverte';
    await page.locator('#desk-open').setInputFiles([file('matrix.json', JSON.stringify(edited, null, 2) + '\n')]);
    await fr.getByRole('checkbox', { name: 'C3 Titre de la matrice ouverte', exact: true }).waitFor();
    await page.context().close();
  });

  it('sets editing and preview side by side at 1366 px, stacked at 390 px', async () => {
    for (const [width, beside] of [[1366, true], [390, false]]) {
      const page = await openDesk({ viewport: { width, height: 900 } });
      await openForum(page);
      await d(page).preview.waitFor();
      const edit = await page.locator('.desk-edit').boundingBox();
      const preview = await page.getByRole('region', { name: 'Preview' }).boundingBox();
      if (beside) {
        assert.ok(preview.x >= edit.x + edit.width - 1, `${width}: preview beside the editing column`);
        assert.ok(Math.abs(preview.y - edit.y) < 40, `${width}: same top (${preview.y} vs ${edit.y})`);
        // It stays in view while the editing column scrolls.
        assert.equal(await page.locator('.desk-preview').evaluate((e) => getComputedStyle(e).position), 'sticky');
      } else {
        assert.ok(preview.y >= edit.y + edit.height - 1, `${width}: preview below`);
        assert.ok(preview.width > 300 && edit.width > 300, `${width}: both full width`);
      }
      await page.context().close();
    }
  });

  for (const lang of ['en', 'ar']) {
    it(`passes axe with the session form open, problems marked: ${lang}`, async () => {
      const page = await openDesk({ bypassCSP: true });
      if (lang === 'ar') {
        await page.locator('.desk-head').getByRole('combobox', { name: 'Language' }).selectOption('ar');
        await page.getByRole('heading', { level: 1, name: 'مكتب البيانات' }).waitFor();
      }
      const bad = structuredClone(DOC);
      bad.sessions[3].title = '';
      await page.locator('#desk-open').setInputFiles([file('forum-outcomes.json', JSON.stringify(bad, null, 2) + '\n')]);
      await page.locator('.desk-problem').filter({ hasText: 'sessions[3].title' }).click();
      await page.locator('.desk-session-form').waitFor();
      await page.locator('#desk-session-action_lines-summary').click();
      await page.waitForFunction(() => document.querySelector('wsis-forum-outcomes')?.shadowRoot
        ?.querySelector('[part="root"]'), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await wholePage(page, 'wsis-forum-outcomes'), []);
      await page.context().close();
    });
  }
});
