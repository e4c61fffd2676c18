/**
 * Retraction with zero residue, in Chromium, on data imported through the UI (issue 12): a survey
 * CSV (repeated categories, mixed dates) and two transcripts with named speakers are imported;
 * unique tokens are planted in one respondent's answers and attribute value and in one
 * transcript; they are coded; the respondent (participant) and the transcript (document) are
 * retracted and confirmed in the Data governance workspace. Then:
 *   - IndexedDB read through the API (every object store, raw) and every export made afterwards
 *     (.qdpx written from the app's own reader, CSV of analyses exported through the UI) must hold 0;
 *   - the raw LevelDB files of the profile's IndexedDB directory are read after the browser has
 *     closed (and again after a second start and close), and the counts are reported as measured.
 * Controls planted in data that is kept must be found everywhere, so a 0 means something.
 * The target is chosen in the searchable picker as a user would (typing part of the pseudonym or
 * title, clicking the option); the open picker, the retraction dialog and the retention view are
 * screenshotted and checked with axe.
 */
import path from 'node:path';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, DIST, REPO_ROOT, screenshot, seriousA11yViolations, serveStatic, skipReason, type StaticServer } from './harness';
import * as step from './journey/steps';
import { dumpIndexedDb } from './indexeddb-dump';
import { writeQdpx } from '../../shared/exchange/qdpx-write';
import { unzipSync } from 'fflate';

const reason = skipReason();

/** Random letter tokens (no 4-letter run shared between two tokens, so LevelDB's snappy blocks keep each one literal). */
function token(): string {
  const a = 'bcdfghjklmnpqrstvwxz';
  let s = 'q';
  for (let i = 0; i < 11; i++) s += a[Math.floor(Math.random() * a.length)];
  return s;
}
const GONE = { answer: token(), area: token(), transcript: token() };
const KEEP = { answer: token(), transcript: token() };
const PROJECT = 'Retraction check';

function surveyCsv(): Buffer {
  const rows = [
    ['Response ID', 'Area', 'Contact date', 'How were you treated?', 'What could be better?'],
    ['R1', GONE.area, '03/04/2024', `Nobody told me ${GONE.answer} about the case for weeks.`, `Call back ${GONE.answer} when you say you will.`],
    ['R2', 'North', '2024-04-15', 'The officer listened to me and explained what would happen next.', ''],
    ['R3', 'North', '20/04/2024', `I waited ${KEEP.answer} three weeks before anyone called.`, 'Keep victims updated.'],
    ['R4', 'South', '2024-05-02', 'Treated with respect from start to finish.', 'Nothing.'],
  ];
  return Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n', 'utf8');
}
const transcript = (who: string, planted: string) =>
  Buffer.from(`Interviewer: How did the police respond?\n${who}: They said ${planted} and then nothing happened for a month.\nInterviewer: Anything else?\n${who}: Only the court date.\n`, 'utf8');

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

async function launch(profile: string, url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, errors };
}

/** Occurrences of `t` in `bytes` as one-byte (Latin-1/UTF-8) text and as UTF-16LE (V8 two-byte strings). */
function occurrences(bytes: Buffer, t: string): number {
  let n = 0;
  for (const needle of [Buffer.from(t, 'latin1'), Buffer.from(t, 'utf16le')]) for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) n++;
  return n;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/** Per token: occurrences in every file of the profile's IndexedDB directory (LevelDB .log/.ldb, blobs), with the files. */
async function scanDisk(profile: string, tokens: Record<string, string>): Promise<{ counts: Record<string, number>; where: string[]; files: number; bytes: number }> {
  const root = path.join(profile, 'Default', 'IndexedDB');
  const files = await filesUnder(root);
  const counts: Record<string, number> = Object.fromEntries(Object.keys(tokens).map((k) => [k, 0]));
  const where: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const data = await readFile(f);
    bytes += data.length;
    for (const [k, t] of Object.entries(tokens)) {
      const n = occurrences(data, t);
      if (n) {
        counts[k]! += n;
        where.push(`${k}:${path.relative(root, f)}×${n}`);
      }
    }
  }
  return { counts, where, files: files.length, bytes };
}

const textCount = (text: string, t: string) => text.split(t).length - 1;

/**
 * The retraction picker is open with `total` matches: it lists at most 50 of them and its status
 * line counts them all ("50 of 1,234 match — type more to narrow" past 50).
 */
async function expectPicker(page: Page, picker: Locator, total: number): Promise<void> {
  const shown = Math.min(50, total);
  const line = total > 50 ? `${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} match — type more to narrow` : `${total} ${total === 1 ? 'match' : 'matches'}`;
  expect(await picker.getAttribute('aria-expanded')).toBe('true');
  const list = page.locator(`#${await picker.getAttribute('aria-controls')}`);
  expect(await list.getAttribute('role')).toBe('listbox');
  await expect.poll(() => page.locator('.combobox__status').textContent()).toBe(line);
  await expect.poll(() => list.getByRole('option').count()).toBe(shown);
}

describe.skipIf(reason !== null)('retraction in Chromium', () => {
  it('retracts a participant and a document through the UI and leaves no trace in IndexedDB or exports; measures the LevelDB files', async () => {
    let server: StaticServer | undefined;
    const profile = await mkdtemp(path.join(tmpdir(), 'chorus-retract-'));
    let session: Awaited<ReturnType<typeof launch>> | undefined;
    try {
      server = await serveStatic(DIST, await hook());
      session = await launch(profile, server.url);
      const { page } = session;

      // 1. import through the UI
      await step.createProject(page, PROJECT);
      await step.openWorkspace(page, 'Import');
      await step.chooseFiles(page, [
        { name: 'survey.csv', mimeType: 'text/csv', buffer: surveyCsv() },
        { name: 'interview-retract.txt', mimeType: 'text/plain', buffer: transcript('Morgan', GONE.transcript) },
        { name: 'interview-keep.txt', mimeType: 'text/plain', buffer: transcript('Riley', KEEP.transcript) },
      ]);
      await step.setRecordIdColumn(page, 'survey.csv', 'Response ID');
      await step.mapDateColumn(page, 'survey.csv', 'Contact date');
      await screenshot(page, 'retraction-import-mapping');
      await step.passGateAndImport(page).catch(async (e: unknown) => {
        await screenshot(page, 'retraction-import-failed');
        throw e;
      });

      // 2. code some of it: the transcript span with the planted token, and the first two survey rows
      await page.getByRole('button', { name: 'Open the Code workspace' }).click();
      await step.addCode(page, 'Not updated');
      await step.openDocument(page, 'interview-retract');
      await step.codeWords(page, `They said ${GONE.transcript}`, 'Not updated');
      await step.openWorkspace(page, 'Survey grid');
      await step.codeGridRows(page, 2, 1);

      const before = await step.readBundle(page, PROJECT);
      const answer = before.documents.find((d) => d.text.includes(GONE.answer))!;
      const doc = before.documents.find((d) => d.text.includes(GONE.transcript))!;
      expect(answer.participantId).toBeTruthy();
      expect(before.codings.filter((c) => c.documentId === doc.id).length).toBe(1);
      const dumpBefore = await dumpIndexedDb(page);
      for (const t of [...Object.values(GONE), ...Object.values(KEEP)]) expect(textCount(dumpBefore, t), t).toBeGreaterThan(0);

      // 3. retract the participant in Data governance: pending (hidden, undoable), then confirmed
      await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Data governance', exact: true }).click();
      await page.getByRole('heading', { name: 'Retract data' }).waitFor();
      await page.getByLabel('What to retract', { exact: true }).selectOption('participant');
      // the searchable picker: nothing is chosen until the user chooses
      const retractButton = page.getByRole('button', { name: 'Retract', exact: true });
      expect(await retractButton.isDisabled()).toBe(true);
      const sourceName = new Map(before.sources.map((s) => [s.id, s.name]));
      const participantLabels = before.participants.map((p) => `${p.pseudonym} (${sourceName.get(p.sourceId)})`);
      const person = before.participants.find((p) => p.id === answer.participantId)!;
      const personLabel = `${person.pseudonym} (${sourceName.get(person.sourceId)})`;
      const participantPicker = page.getByLabel('Participant', { exact: true });
      expect(await participantPicker.getAttribute('role')).toBe('combobox');
      // opened empty: the first entries, at most 50, and how many there are in all
      await participantPicker.click();
      await expectPicker(page, participantPicker, participantLabels.length);
      // part of the pseudonym, in the other case, a character at a time: every participant whose name holds it
      const holding = (typed: string) => participantLabels.filter((l) => l.toLowerCase().includes(typed.toLowerCase())).length;
      const typed = person.pseudonym.toLowerCase() === person.pseudonym ? person.pseudonym.toUpperCase() : person.pseudonym.toLowerCase();
      await participantPicker.pressSequentially(typed.slice(0, 1));
      expect(holding(typed.slice(0, 1))).toBeGreaterThan(1);
      await expectPicker(page, participantPicker, holding(typed.slice(0, 1)));
      await screenshot(page, 'retraction-picker');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await participantPicker.pressSequentially(typed.slice(1));
      await expectPicker(page, participantPicker, holding(typed));
      await page.getByRole('option', { name: personLabel, exact: true }).click();
      expect(await participantPicker.inputValue()).toBe(personLabel);
      expect(await participantPicker.getAttribute('aria-expanded')).toBe('false');
      await page.getByLabel('Reason', { exact: true }).selectOption('consent withdrawn');
      await retractButton.click();
      await page.getByRole('button', { name: 'Confirm retraction…' }).waitFor();
      // the table of pending retractions names it
      await page.getByRole('cell', { name: `participant “${personLabel}”`, exact: true }).waitFor();
      const pending = await step.readBundle(page, PROJECT);
      expect(pending.documents.some((d) => d.participantId === answer.participantId)).toBe(false);
      await page.getByRole('button', { name: 'Confirm retraction…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm retraction' });
      await dialog.waitFor();
      await screenshot(page, 'retraction-dialog');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Remove for good' }).click();
      await page.getByRole('status').filter({ hasText: /^Removed for good/ }).waitFor({ timeout: 60_000 });

      // ...and the transcript as a document
      await page.getByLabel('What to retract', { exact: true }).selectOption('document');
      const documentPicker = page.getByLabel('Document', { exact: true });
      expect(await documentPicker.inputValue()).toBe('');
      expect(await retractButton.isDisabled()).toBe(true);
      const titles = (await step.readBundle(page, PROJECT)).documents.map((d) => d.title);
      const titlePart = doc.title.slice(Math.floor(doc.title.length / 3));
      await documentPicker.click();
      await documentPicker.pressSequentially(titlePart);
      await expectPicker(page, documentPicker, titles.filter((t) => t.toLowerCase().includes(titlePart.toLowerCase())).length);
      await page.getByRole('option', { name: doc.title, exact: true }).click();
      expect(await documentPicker.inputValue()).toBe(doc.title);
      await page.getByLabel('Reason', { exact: true }).selectOption('participant request');
      await retractButton.click();
      await page.getByRole('cell', { name: `document “${doc.title}”`, exact: true }).waitFor();
      await page.getByRole('button', { name: 'Confirm retraction…' }).click();
      await page.getByRole('dialog', { name: 'Confirm retraction' }).getByRole('button', { name: 'Remove for good' }).click();
      await page.getByRole('status').filter({ hasText: /^Removed for good: 1 document, 1 coding/ }).waitFor({ timeout: 60_000 });
      // the reasons-over-time table: this month, one "consent withdrawn" and one "participant request"
      const month = new Date().toISOString().slice(0, 7);
      const reasons = page.locator('section[aria-labelledby="reasons-title"] tbody tr');
      await expect.poll(() => reasons.count()).toBe(1);
      expect((await reasons.first().locator('th, td').allTextContents()).map((x) => x.trim())).toEqual([month, '1', '1', '0', '0', '0', '0']);

      // 4. retention: a past date on the survey source puts it in "Due for deletion"; the banner warns
      const survey = before.sources.find((s) => s.kind === 'survey')!;
      const date = page.getByLabel(`Keep “${survey.name}” until`);
      await date.fill('2020-01-31');
      await date.blur();
      await page.getByRole('list', { name: 'Due for deletion' }).getByText(survey.name).waitFor();
      await page.getByRole('alert').filter({ hasText: 'Data past its retention date' }).waitFor();
      await page.getByRole('heading', { name: 'Retention', exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, 'retention-view');
      expect(await seriousA11yViolations(page)).toEqual([]);

      // 5. IndexedDB through the API and every export made afterwards
      const dump = await dumpIndexedDb(page);
      const apiResidue = Object.values(GONE).reduce((n, t) => n + textCount(dump, t), 0);
      const after = await step.readBundle(page, PROJECT);
      const qdpx = unzipSync(writeQdpx(after));
      const qdpxText = Object.values(qdpx).map((b) => new TextDecoder().decode(b)).join('\n');
      await step.openWorkspace(page, 'Analyse');
      await step.chooseAnalysis(page, 'Word frequencies');
      await step.newResult(page, null, 'Word frequencies');
      const words = await step.exportCsv(page);
      await step.chooseAnalysis(page, 'Code frequencies');
      await step.newResult(page, null, 'Code frequencies');
      const freq = await step.exportCsv(page);
      const exported = [qdpxText, words.text, freq.text].join('\n');
      const exportResidue = Object.values(GONE).reduce((n, t) => n + textCount(exported, t), 0);
      console.info(`retraction e2e: IndexedDB via API ${dump.length.toLocaleString('en-GB')} chars, residue ${apiResidue}; exports (.qdpx ${Object.keys(qdpx).length} entries, 2 CSV) residue ${exportResidue}`);
      expect(apiResidue).toBe(0);
      expect(exportResidue).toBe(0);
      // controls: kept data is still stored and exported (the kept transcript, the kept answer)
      expect(textCount(dump, KEEP.answer)).toBeGreaterThan(0);
      expect(textCount(dump, KEEP.transcript)).toBeGreaterThan(0);
      expect(textCount(qdpxText, KEEP.transcript)).toBeGreaterThan(0);
      expect(session.errors).toEqual([]);

      // 6. the files on disk: close every connection, let Chromium's pre-close tasks run, close the browser
      await page.goto('about:blank');
      await new Promise((r) => setTimeout(r, 8_000));
      await session.context.close();
      session = undefined;
      const all = { ...GONE, keepAnswer: KEEP.answer, keepTranscript: KEEP.transcript };
      const disk1 = await scanDisk(profile, all);
      // a second start and close (LevelDB replays its log into a table file on open)
      session = await launch(profile, server.url);
      await session.page.getByRole('navigation', { name: 'Workspaces' }).waitFor({ timeout: 60_000 });
      await session.page.goto('about:blank');
      await new Promise((r) => setTimeout(r, 8_000));
      await session.context.close();
      session = undefined;
      const disk2 = await scanDisk(profile, all);
      const gone = (d: typeof disk1) => d.counts.answer! + d.counts.area! + d.counts.transcript!;
      console.info(
        `retraction e2e, LevelDB files: after close ${disk1.files} files ${disk1.bytes.toLocaleString('en-GB')} B, retracted-token occurrences ${gone(disk1)} [${disk1.where.join(', ')}]; ` +
          `after a second start and close ${disk2.files} files, ${gone(disk2)} [${disk2.where.join(', ')}]`,
      );
      // the scan must see kept data on disk for its zero to mean anything
      expect(disk2.counts.keepAnswer! + disk2.counts.keepTranscript!).toBeGreaterThan(0);
      expect(gone(disk2)).toBe(0);
    } finally {
      await session?.context.close();
      await server?.close();
      if ((await stat(profile).catch(() => null)) !== null) await rm(profile, { recursive: true, force: true });
    }
  }, 600_000);
});
