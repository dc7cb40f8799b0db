// The data desk's announce form (issue 17: "pledges: announce a new milestone (date, event, USD,
// pledges, entities, countries, sources)"): the bundled pledge file opened, a pledge announced
// with the day's figures and a source, the preview's headline following, and the download byte
// for byte what `cargo xtask announce` writes for the same input.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, closeContexts, open, until, ROOT, unexpectedProblems, wholePage } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => browser.close());

const PLEDGES_PATH = join(ROOT, 'data/p2c-pledges.json');
const PLEDGES = readFileSync(PLEDGES_PATH);
const DATA = JSON.parse(PLEDGES.toString('utf8'));
// One announcement, as the form and the command take it.
const INPUT = {
  date: '2026-11-23', event: 'WSIS Forum 2027', pledger: 'Example Telecom', usd: '1,200,000,000',
  pledges: '1,100', countries: '150', source: 'S97',
};
/** Text with every kind of space (the numbers' no-break ones) as a plain space. */
const spaces = (t) => t.replace(/\s/g, ' ');
const BEFORE = 'more than USD 82,000,000,000';
const AFTER = 'more than USD 83,200,000,000';

/** Runs the xtask binary (or cargo) with `args`; its exit status and output. */
function xtask(args) {
  const bin = process.env.XTASK_BIN;
  const [cmd, full] = bin ? [bin, args] : ['cargo', ['run', '-q', '-p', 'xtask', '--', ...args]];
  return spawnSync(cmd, full, { cwd: ROOT, encoding: 'utf8' });
}

/** `cargo xtask announce` of INPUT on a temporary copy of the bundled file: the bytes it writes. */
function xtaskAnnounce() {
  const dir = join(ROOT, 'tests/browser/live/desk-pledges');
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, 'p2c-pledges.json');
  copyFileSync(PLEDGES_PATH, copy);
  const run = xtask(['announce', '--usd', INPUT.usd, '--pledger', INPUT.pledger, '--event', INPUT.event,
    '--date', INPUT.date, '--pledges', INPUT.pledges, '--countries', INPUT.countries, '--source', INPUT.source,
    '--file', copy]);
  assert.equal(run.status, 0, run.stderr);
  return readFileSync(copy);
}

const d = (page) => {
  const form = page.getByRole('region', { name: 'Announce a pledge' });
  return {
    picker: page.getByLabel('Open files (data .json or sessions .csv)'),
    form,
    field: (name) => form.getByRole('textbox', { name, exact: true }),
    date: form.getByLabel('Date', { exact: true }),
    announce: form.getByRole('button', { name: 'Announce', exact: true }),
    status: form.getByRole('status'),
    button: (name) => page.getByRole('button', { name, exact: true }),
    total: page.locator('p2c-pledges [data-testid="total-full"]'),
  };
};

async function openPledges(options) {
  const page = await open(browser, '/desk.html', { acceptDownloads: true, ...options });
  await page.getByRole('heading', { level: 1, name: 'Data desk' }).waitFor();
  await d(page).picker.setInputFiles([{ name: 'p2c-pledges.json', mimeType: 'application/json', buffer: PLEDGES }]);
  await d(page).form.waitFor();
  await previewTotal(page, BEFORE);
  return page;
}

/** Waits until the preview's headline says `total` in full. */
async function previewTotal(page, total) {
  await until(async () => ((await d(page).total.count()) ? (await d(page).total.textContent()).replace(/\s/g, ' ') : ''),
    (t) => t === total, { what: `preview total ${total}`, timeout: 20000 });
}

/** Fills the form with `input` (only the fields it has) and presses Announce. */
async function announce(page, input) {
  const f = d(page);
  if (input.date) await f.date.fill(input.date);
  const fields = [['event', 'Event'], ['pledger', 'Pledger'], ['usd', 'Amount (USD)'],
    ['pledges', 'Pledges'], ['entities', 'Entities'], ['countries', 'Countries']];
  for (const [key, name] of fields) {
    if (input[key] !== undefined) await f.field(name).fill(input[key]);
  }
  if (input.source) await f.form.getByRole('checkbox', { name: new RegExp(`^${input.source} `) }).check();
  await f.announce.click();
}

async function downloadBytes(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), d(page).button(name).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('data desk: announcing a pledge', () => {
  after(() => closeContexts(browser));

  it('shows the total and the last milestone, announces with figures and a source, and downloads what xtask announce writes', async () => {
    const page = await openPledges();
    const f = d(page);
    const last = DATA.milestones.at(-1);
    const dd = (id) => page.locator(`#${id}`).textContent().then((t) => t.replace(/\s/g, ' '));
    assert.match(await dd('desk-pledges-total'), new RegExp(`^${BEFORE} · .* · ${last.event}$`));
    assert.match(await dd('desk-pledges-last'), /Mobile World Congress 2026 · more than USD 82,000,000,000 · .*Countries: 149/);
    // The date defaults to today.
    assert.match(await f.date.inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await announce(page, INPUT);
    await until(() => f.status.textContent().then(spaces), (t) => t.startsWith('Announced: USD 1,200,000,000 by Example Telecom at WSIS Forum 2027'),
      { what: 'announced status' });
    await previewTotal(page, AFTER);
    assert.match(await dd('desk-pledges-last'), /WSIS Forum 2027 · more than USD 83,200,000,000 · Pledges: 1,100 · Countries: 150/);
    const file = await downloadBytes(page, 'Download p2c-pledges.json');
    assert.equal(file.name, 'p2c-pledges.json');
    const expected = xtaskAnnounce();
    assert.ok(file.bytes.equals(expected), 'the desk\'s file differs from xtask announce\'s');
    const written = JSON.parse(file.bytes.toString('utf8'));
    assert.deepEqual(written.announcements.at(-1).sources, ['S97']);
    assert.equal(written.milestones.at(-1).pledges, 1100);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('refuses a bad amount at its field with the command\'s message, and changes nothing', async () => {
    const page = await openPledges();
    const f = d(page);
    await announce(page, { ...INPUT, usd: '1,5e9' });
    const usd = f.field('Amount (USD)');
    await until(() => usd.getAttribute('aria-invalid'), (v) => v === 'true', { what: 'amount marked invalid' });
    // The same words as `cargo xtask announce --usd 1,5e9` (the one parse_usd).
    const run = xtask(['announce', '--usd', '1,5e9', '--pledger', 'P', '--event', 'E', '--file', '/nonexistent.json']);
    assert.notEqual(run.status, 0);
    const message = run.stderr.trim().split('\n').find((l) => l.includes('is not an amount')).replace(/^.*--usd /, '');
    const described = await usd.getAttribute('aria-describedby');
    const error = page.locator(`#${described.split(' ').at(-1)}`);
    assert.equal(await error.textContent(), message);
    assert.ok(await usd.evaluate((el) => el === document.activeElement), 'the amount field has the focus');
    assert.equal(await f.status.textContent(), '');
    await page.waitForTimeout(300);
    await previewTotal(page, BEFORE);
    const file = await downloadBytes(page, 'Download p2c-pledges.json');
    assert.ok(file.bytes.equals(PLEDGES), 'a refused amount changed the file');
    // A date before the last milestone: the pledge file's own validator refuses the result.
    await f.field('Amount (USD)').fill('1.2e9');
    await f.date.fill('2020-01-01');
    await f.announce.click();
    const alert = f.form.getByRole('alert');
    await until(() => alert.count().then((n) => (n ? alert.textContent() : '')),
      (t) => t.startsWith('Not announced: ') && t.includes('comes before the previous entry'), { what: 'date refused' });
    assert.equal(await usd.getAttribute('aria-invalid'), null);
    // Fixed, it goes through and the messages go.
    await f.date.fill(INPUT.date);
    await f.announce.click();
    await previewTotal(page, AFTER);
    assert.equal(await alert.count(), 0);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('says so when the same pledge is announced twice; undo and redo step through it', async () => {
    const page = await openPledges();
    const f = d(page);
    await announce(page, INPUT);
    await previewTotal(page, AFTER);
    // The form keeps date, event and sources for the next pledger; the same one again:
    await announce(page, { pledger: INPUT.pledger, usd: INPUT.usd });
    await until(() => f.status.textContent().then(spaces), (t) => t.startsWith('Already announced: USD 1,200,000,000 by Example Telecom')
      && t.endsWith('The file is unchanged.'), { what: 'already announced' });
    await page.waitForTimeout(300);
    await previewTotal(page, AFTER);
    await f.button('Undo').click();
    await previewTotal(page, BEFORE);
    // Undone, the status no longer says it is announced.
    await until(() => f.status.textContent(), (t) => t === '', { what: 'status cleared by Undo' });
    await f.button('Redo').click();
    await previewTotal(page, AFTER);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('keeps the announced file over a reload', async () => {
    const page = await openPledges();
    await announce(page, INPUT);
    await previewTotal(page, AFTER);
    await page.reload();
    const offer = page.getByRole('alert').filter({ hasText: 'Unsaved work' });
    await offer.getByRole('button', { name: 'Restore it' }).click();
    await previewTotal(page, AFTER);
    const file = await downloadBytes(page, 'Download p2c-pledges.json');
    assert.ok(file.bytes.equals(xtaskAnnounce()), 'the restored file differs from xtask announce\'s');
    await page.context().close();
  });

  it('cites a source added from the form, in the same file', async () => {
    const page = await openPledges();
    const f = d(page);
    const next = `S${Math.max(...DATA.sources.map((s) => Number(s.id.slice(1)))) + 1}`;
    await f.form.getByLabel('Source title', { exact: true }).fill('Example Telecom press release');
    await f.form.getByLabel('Source address (http or https, optional)').fill('https://example.org/pledge');
    await f.form.getByRole('button', { name: 'Add and cite' }).click();
    const box = f.form.getByRole('checkbox', { name: `${next} Example Telecom press release` });
    await until(() => box.count().then((n) => n && box.isChecked()), (v) => v === true, { what: 'new source ticked' });
    await announce(page, { ...INPUT, source: undefined });
    await previewTotal(page, AFTER);
    const written = JSON.parse((await downloadBytes(page, 'Download p2c-pledges.json')).bytes.toString('utf8'));
    assert.deepEqual(written.sources.at(-1), { id: next, title: 'Example Telecom press release', url: 'https://example.org/pledge' });
    assert.deepEqual(written.announcements.at(-1).sources, [next]);
    assert.deepEqual(written.milestones.at(-1).sources, [next]);
    assert.deepEqual(unexpectedProblems(page), []);
    await page.context().close();
  });

  it('is axe-clean with the form shown and a field message on show', async () => {
    const page = await openPledges({ bypassCSP: true });
    await announce(page, { usd: '1,5e9', event: '' });
    await until(() => d(page).field('Amount (USD)').getAttribute('aria-invalid'), (v) => v === 'true', { what: 'invalid amount' });
    assert.deepEqual(await wholePage(page, 'p2c-pledges'), []);
    await page.context().close();
  });

  it('is axe-clean in Arabic, right to left', async () => {
    const page = await openPledges({ bypassCSP: true });
    // The desk's own menu (the preview's widget has one too).
    await page.locator('#desk-lang').selectOption('ar');
    await page.getByRole('region', { name: 'إعلان تعهد' }).waitFor();
    assert.equal(await page.locator('.desk').getAttribute('dir'), 'rtl');
    await page.waitForTimeout(300);
    assert.deepEqual(await wholePage(page, 'p2c-pledges'), []);
    await page.context().close();
  });
});
