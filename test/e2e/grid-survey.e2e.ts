/**
 * The Survey grid on surveys imported through the Import workspace (not the demo project): one
 * row per response, answer text in a column per question, attribute columns in file order, a
 * source filter, cell coding by keys checked in IndexedDB, and the selected row kept in view.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { storedCodingDigests, storedDatasets } from './indexeddb-dump';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const N = 300;
const Q1 = 'How were you treated when you reported?';
const Q2 = 'What could we have done better?';
/** Attribute columns in file order; neither alphabetical nor any id order. */
const ATTRS = ['Zone', 'Age band', 'Contact method'];
const recordId = (i: number) => `VS-2024-${String(i + 1).padStart(6, '0')}`;
const answer1 = (i: number) => `Answer ${i + 1} to the first question: the officer listened and explained what would happen next, and the follow up call came within a week as promised.`;
const answer2 = (i: number) => (i % 10 === 3 ? '' : `Answer ${i + 1} to the second question: keep victims updated more often.`);

function csv(rows: string[][]): Buffer {
  return Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n', 'utf8');
}

const surveyA = () =>
  csv([
    ['Response ID', 'Zone', Q1, 'Age band', Q2, 'Contact method'],
    ...Array.from({ length: N }, (_, i) => [recordId(i), ['North', 'South', 'East'][i % 3]!, answer1(i), ['16–24', '25–34', '35–44', '65+'][i % 4]!, answer2(i), ['Phone', 'Online'][i % 2]!]),
  ]);
const surveyB = () =>
  csv([
    ['ID', 'Force area', 'Anything else you want to tell us?'],
    ...Array.from({ length: 12 }, (_, i) => [`B${i + 1}`, ['East', 'West'][i % 2]!, `Second survey answer ${i + 1} about waiting for updates.`]),
  ]);

async function importSurveys(page: Page): Promise<void> {
  await page.locator('.doc-link').first().waitFor();
  await page.getByRole('link', { name: 'Import', exact: true }).or(page.getByRole('button', { name: 'Import', exact: true })).first().click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([
    { name: 'victim-survey.csv', mimeType: 'text/csv', buffer: surveyA() },
    { name: 'follow-up.csv', mimeType: 'text/csv', buffer: surveyB() },
  ]);
  const a = page.locator('section.import-card', { hasText: 'victim-survey.csv' });
  await a.getByText(`of ${N} rows`).waitFor();
  await a.getByLabel('Name', { exact: true }).fill('Victim survey 2024');
  await a.getByLabel('Record ID column').selectOption('Response ID');
  for (const q of [Q1, Q2]) await a.getByLabel(`Use of column ${q}`).selectOption('text');
  for (const c of ATTRS) await a.getByLabel(`Use of column ${c}`).selectOption('attribute');
  const b = page.locator('section.import-card', { hasText: 'follow-up.csv' });
  await b.getByText('of 12 rows').waitFor();
  await b.getByLabel('Name', { exact: true }).fill('Follow-up survey');
  await b.getByLabel('Use of column Anything else you want to tell us?').selectOption('text');
  await b.getByLabel('Use of column Force area').selectOption('attribute');
  await page.getByRole('button', { name: 'Scan for personal data' }).click();
  const go = page.getByRole('button', { name: /^Import [\d,]+ documents$/ });
  await go.waitFor({ timeout: 90_000 });
  await go.click();
  await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 90_000 });
}

const countText = (page: Page) => page.locator('.grid-count').textContent();
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.survey-grid')?.getAttribute('aria-busy') === 'false' && !document.querySelector('.grid-row[aria-busy="true"]'));
}
const headers = (page: Page) => page.locator('.survey-grid thead th').evaluateAll((ths) => ths.map((th) => th.textContent!.replace(/[▲▼]/g, '').trim()));

/** What IndexedDB holds: the survey's dataset (id, record ids) and every coding, with code names. */
async function stored(page: Page, sourceName: string) {
  return page.evaluate(
    (sourceName) =>
      new Promise<{ datasetId: string; codings: { documentId: string; code: string; start: number; end: number }[] }>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['sources', 'datasets', 'codings', 'codes'], 'readonly');
          const all = (n: string) => new Promise<any[]>((r) => (tx.objectStore(n).getAll().onsuccess = (e) => r((e.target as IDBRequest).result)));
          void Promise.all([all('sources'), all('datasets'), all('codings'), all('codes')]).then(([sources, datasets, codings, codes]) => {
            const source = sources.find((s) => s.name === sourceName);
            const ds = datasets.find((d) => d.sourceId === source.id);
            const name = new Map(codes.map((c) => [c.id, c.name]));
            db.close();
            resolve({ datasetId: ds.id, codings: codings.map((c) => ({ documentId: c.documentId, code: name.get(c.codeId), start: c.start, end: c.end })) });
          });
        };
      }),
    sourceName,
  );
}
const docId = (datasetId: string, row: number, slot: number) => datasetId + row.toString(16).padStart(8, '0') + slot.toString(16).padStart(4, '0');

/** Whether the selected row lies wholly inside the scroll area, below the sticky header. */
const selectedInView = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.grid-scroll')!.getBoundingClientRect();
    const head = document.querySelector('.survey-grid thead th')!.getBoundingClientRect();
    const row = document.querySelector('.grid-row--selected')?.getBoundingClientRect();
    const ok = !!row && row.top >= head.bottom - 1 && row.bottom <= scroller.bottom + 1;
    return ok ? true : JSON.stringify({ head: head.bottom, bottom: scroller.bottom, top: row?.top, rowBottom: row?.bottom, scrollTop: document.querySelector('.grid-scroll')!.scrollTop });
  });

describe.skipIf(reason !== null)('Survey grid on imported surveys (Chromium)', () => {
  const app = useApp();

  it('shows one row per response with answer columns and file-order attributes, filters by survey, and codes the selected answer', async () => {
    const s = await app.open();
    const { page } = s;
    await importSurveys(page);
    await page.getByRole('link', { name: 'Survey grid' }).click();
    await page.locator('.grid-count', { hasText: /Showing [\d,]+ of [\d,]+ responses/ }).waitFor();
    await settled(page);
    // The demo project's 150 responses, plus 300 + 12 imported rows: responses, not answers (300 rows have 570 answers).
    expect(await countText(page)).toBe('Showing 462 of 462 responses');

    // Source filter: only the first survey, with its own columns in file order.
    const filter = page.getByLabel('Survey', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual(expect.arrayContaining(['All surveys', 'Victim survey 2024 (300)', 'Follow-up survey (12)']));
    await filter.selectOption({ label: 'Victim survey 2024 (300)' });
    await page.locator('.grid-count', { hasText: 'Showing 300 of 300 responses' }).waitFor();
    await settled(page);
    expect(await headers(page)).toEqual(['Record ID', Q1, Q2, ...ATTRS, 'Codes']);

    // Rows in file order, each with its answers' text and attributes; record ids shown in full.
    const first = page.locator('.grid-row').first();
    expect(await first.locator('th').textContent()).toBe(recordId(0));
    const cells = first.locator('td.grid-cell--answer');
    expect(await cells.nth(0).textContent()).toContain(answer1(0).slice(0, 60));
    expect(await cells.nth(1).textContent()).toContain(answer2(0));
    expect(await first.locator('td').nth(2).textContent()).toBe('North');
    expect(await first.locator('td').nth(3).textContent()).toBe('16–24');
    const cut = await page.locator('.grid-row th.grid-cell--id').evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth).length);
    expect(cut).toBe(0);
    await screenshot(page, 'grid-survey-imported');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // A fast typist: Down ×5, Right, 3 arrive in one burst (one task, no render in between).
    const third = ((await page.locator('.grid-palette__code').nth(2).locator('.grid-palette__name').textContent()) ?? '').trim();
    await cells.nth(0).click();
    await page.evaluate(() => {
      const grid = document.querySelector('.survey-grid')!;
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', '3']) grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await page.getByRole('status').filter({ hasText: `Coded ${recordId(5)} – ${Q2} as “${third}”.` }).waitFor();
    const selected = page.locator('td.grid-cell--selected');
    expect(await selected.getAttribute('id')).toBe('grid-cell-5-1');
    expect(await page.locator('.grid-row--selected th').textContent()).toBe(recordId(5));
    const db = await stored(page, 'Victim survey 2024');
    expect((await storedDatasets(page)).find((d) => d.id === db.datasetId)?.recordIds).toEqual(Array.from({ length: N }, (_, i) => recordId(i)));
    const mine = db.codings.filter((c) => c.documentId.startsWith(db.datasetId));
    expect(mine).toEqual([{ documentId: docId(db.datasetId, 5, 1), code: third, start: 0, end: answer2(5).length }]);
    // the codings every view reads at once (the project's digest and the journal since) agree with the records
    const digests = await storedCodingDigests(page);
    expect(digests.filter((d) => d.fromDigest.some((c) => c.documentId === docId(db.datasetId, 5, 1)))).toHaveLength(1);
    for (const d of digests) expect(d.fromDigest).toEqual(d.records);
    // The cell shows its code; the detail pane shows the answer with its question.
    await selected.locator('.grid-answer__codes').waitFor();
    const detail = page.getByRole('complementary', { name: 'Selected answer' });
    await detail.getByText(Q2).waitFor();
    await detail.locator('.grid-detail__codings li', { hasText: third }).filter({ hasText: 'whole answer' }).waitFor();

    // An unanswered question cannot be coded (row 4 skipped the second question).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('3');
    await page.getByRole('status').filter({ hasText: `${recordId(3)} has no answer to “${Q2}”` }).waitFor();

    // The selection stays in view however it moves.
    await page.locator('.survey-grid').focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.grid-row--selected th').textContent()).toBe(recordId(43));
    await expect.poll(() => selectedInView(page)).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.grid-row--selected th').textContent()).toBe(recordId(N - 1));
    await expect.poll(() => selectedInView(page)).toBe(true);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect.poll(() => selectedInView(page)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.grid-row--selected th').textContent()).toBe(recordId(0));
    await expect.poll(() => selectedInView(page)).toBe(true);
    await screenshot(page, 'grid-survey-coded');

    // The other survey has its own columns.
    await filter.selectOption({ label: 'Follow-up survey (12)' });
    await page.locator('.grid-count', { hasText: 'Showing 12 of 12 responses' }).waitFor();
    await settled(page);
    expect(await headers(page)).toEqual(['Record ID', 'Anything else you want to tell us?', 'Force area', 'Codes']);
    expect(s.errors).toEqual([]);
  }, 240_000);
});
