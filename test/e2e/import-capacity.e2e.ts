/**
 * The import's pre-flight check in Chromium: with the browser's storage estimate made small
 * (navigator.storage.estimate overridden before the app loads), a survey imported through the UI
 * is stopped before anything is stored, with a message naming the file, the estimate and the free
 * space — the figures the pure check (shared/import/capacity.ts) gives for the same file; with a
 * little more room it warns and the user can go on and import.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { dumpIndexedDb } from './indexeddb-dump';
import { realisticSurvey, SURVEY_COLUMNS } from '../fixtures/realistic/generate';
import { checkCapacity, checkProjectFile, formatSize, projectFileSize } from '../../shared/import/capacity';
import { writeQdpx } from '../../shared/exchange/qdpx';
import { listZip } from '../../shared/exchange/safe-zip';
import { realisticBundle } from '../unit/exchange/bundle-fixture';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

/** Before the app's scripts: storage.estimate and deviceMemory answer with the figures in localStorage (the real ones until set). */
const FAKE_ESTIMATE = `(() => {
  const real = navigator.storage.estimate.bind(navigator.storage);
  navigator.storage.estimate = async () => {
    const fake = localStorage.getItem('test-estimate');
    return fake ? JSON.parse(fake) : real();
  };
  const device = navigator.deviceMemory;
  Object.defineProperty(navigator, 'deviceMemory', { get: () => Number(localStorage.getItem('test-device-memory')) || device });
})();`;

const setEstimate = (page: Page, e: { quota: number; usage: number }) => page.evaluate((x) => localStorage.setItem('test-estimate', JSON.stringify(x)), e);

describe.skipIf(reason !== null)('Import: will it fit? (Chromium)', () => {
  const app = useApp();

  it('stops an import that will not fit before anything is stored, and warns (then imports) when space is tight', async () => {
    const { page, errors } = await app.open();
    await page.addInitScript(FAKE_ESTIMATE);
    await page.reload();
    const survey = realisticSurvey(400);
    const bytes = Buffer.from(survey.csv, 'utf8');
    await step.createProject(page, 'Capacity');
    await step.openWorkspace(page, 'Import');
    await step.chooseFiles(page, [{ name: 'feedback.csv', mimeType: 'text/csv', buffer: bytes }]);
    await step.setRecordIdColumn(page, 'feedback.csv', SURVEY_COLUMNS.id);
    await step.mapDateColumn(page, 'feedback.csv', SURVEY_COLUMNS.date);

    // what the pure check makes of this file as mapped on screen
    const card = page.locator('section.import-card', { hasText: 'feedback.csv' });
    const textColumns = await card.locator('select[aria-label^="Use of column"]').evaluateAll((els) => els.filter((e) => (e as HTMLSelectElement).value === 'text').length);
    expect(textColumns).toBeGreaterThan(0);
    const file = { name: 'feedback.csv', bytes: bytes.length, kind: 'table' as const, rows: survey.rows, textColumns };

    // 1. far too little room: the message, and not one byte written
    const small = { quota: 5_000_000_000, usage: 5_000_000_000 - 40_000 };
    const blocked = checkCapacity([file], small);
    expect(blocked.verdict).toBe('will-not-fit');
    await setEstimate(page, small);
    const before = await dumpIndexedDb(page);
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'will not fit' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toBe(blocked.message);
    expect(blocked.message).toContain(`“feedback.csv” will not fit: importing it needs about ${formatSize(blocked.estimate.storage)} of storage and only 40 KB is free`);
    await expect.poll(() => dumpIndexedDb(page)).toBe(before);
    // still on the files, nothing scanned
    expect(await page.getByRole('heading', { name: 'Review personal data before importing' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Scan for personal data' }).waitFor();
    await screenshot(page, 'import-will-not-fit');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 2. just enough room: a warning on the review screen, and the import goes on
    const tightCtx = { quota: 5_000_000_000, usage: 5_000_000_000 - Math.ceil(blocked.estimate.storage * 1.1) };
    const tight = checkCapacity([file], tightCtx);
    expect(tight.verdict).toBe('tight');
    await setEstimate(page, tightCtx);
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'will not fit' }).count()).toBe(0);
    const warning = page.getByRole('status').filter({ hasText: 'Space is tight' });
    expect(await warning.textContent()).toBe(tight.message);
    await screenshot(page, 'import-space-tight');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const groups = page.locator('section.import-review__group');
    for (let i = 0, n = await groups.count(); i < n; i++) await groups.nth(i).getByRole('button', { name: /^(Redact|Pseudonymise) all/ }).first().click();
    const importButton = page.getByRole('button', { name: /^Import [\d,]+ documents$/ });
    const projectDocuments = Number((await importButton.textContent())!.replace(/\D/g, ''));
    await importButton.click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 120_000 });
    expect(await dumpIndexedDb(page)).not.toBe(before);

    // 3. a second survey into the same project, on a computer with little memory (0.25 GiB): the
    // project's documents so far count towards what it needs once open, and the user is warned
    await page.evaluate(() => localStorage.removeItem('test-estimate'));
    await page.evaluate(() => localStorage.setItem('test-device-memory', '0.25'));
    expect(projectDocuments).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Import more files' }).click();
    const second = realisticSurvey(150, 7);
    const secondBytes = Buffer.from(second.csv, 'utf8');
    await step.chooseFiles(page, [{ name: 'feedback-2.csv', mimeType: 'text/csv', buffer: secondBytes }]);
    await step.setRecordIdColumn(page, 'feedback-2.csv', SURVEY_COLUMNS.id);
    await step.mapDateColumn(page, 'feedback-2.csv', SURVEY_COLUMNS.date);
    const card2 = page.locator('section.import-card', { hasText: 'feedback-2.csv' });
    const textColumns2 = await card2.locator('select[aria-label^="Use of column"]').evaluateAll((els) => els.filter((e) => (e as HTMLSelectElement).value === 'text').length);
    const file2 = { name: 'feedback-2.csv', bytes: secondBytes.length, kind: 'table' as const, rows: second.rows, textColumns: textColumns2 };
    const heapLimit = await page.evaluate(() => (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit);
    const { quota, usage } = await page.evaluate(() => navigator.storage.estimate());
    const lowMemory = checkCapacity([file2], { quota, usage, deviceMemoryGiB: 0.25, projectDocuments, ...(heapLimit ? { heapLimit } : {}) });
    expect(lowMemory.verdict).toBe('tight');
    expect(lowMemory.message).toContain('of memory once imported, to open and analyse the project, on a computer with 268 MB');
    // without the project's documents the figure would be lower: they are counted
    expect(checkCapacity([file2], { quota, usage, deviceMemoryGiB: 0.25 }).message).not.toBe(lowMemory.message);
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor({ timeout: 120_000 });
    const memoryWarning = page.getByRole('status').filter({ hasText: 'Space is tight' });
    expect(await memoryWarning.textContent()).toBe(lowMemory.message);
    await screenshot(page, 'import-memory-tight');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('stops a project file that will not fit before it is read, and opens one with a warning when space is tight', async () => {
    const { page, errors } = await app.open();
    await page.addInitScript(FAKE_ESTIMATE);
    await page.reload();
    await page.locator('.doc-link').first().waitFor();
    const name = 'coded elsewhere.qdpx';
    const bytes = writeQdpx(realisticBundle());
    const size = projectFileSize(name, listZip(bytes));
    expect(size.documents).toBe(realisticBundle().documents.length);

    // 1. far too little room: the message, and not one byte written
    const small = { quota: 5_000_000_000, usage: 5_000_000_000 - 10_000 };
    const blocked = checkProjectFile(size, small);
    expect(blocked.verdict).toBe('will-not-fit');
    await setEstimate(page, small);
    const before = await dumpIndexedDb(page);
    const open = async () => {
      await page.getByRole('button', { name: 'Projects…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Projects' });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Open project file…' }).click()]);
      await chooser.setFiles([{ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) }]);
      const status = dialog.getByRole('status').filter({ hasText: /^(Opened|Opening failed)/ });
      await status.waitFor({ timeout: 60_000 });
      return (await status.textContent()) ?? '';
    };
    expect(await open()).toBe(`Opening failed: ${blocked.message}`);
    expect(blocked.message).toContain(`“${name}” will not fit: opening it needs about ${formatSize(blocked.estimate.storage)} of storage and only 10 KB is free`);
    await screenshot(page, 'project-file-will-not-fit');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dumpIndexedDb(page)).toBe(before);

    // 2. just enough room: opened, with the warning among the notes on reading it
    const tightCtx = { quota: 5_000_000_000, usage: 5_000_000_000 - Math.ceil(blocked.estimate.storage * 1.1) };
    const tight = checkProjectFile(size, tightCtx);
    expect(tight.verdict).toBe('tight');
    await setEstimate(page, tightCtx);
    const opened = await open();
    expect(opened).toMatch(/^Opened “.+”/);
    expect(opened).toContain(tight.message);
    expect(await dumpIndexedDb(page)).not.toBe(before);
    expect(errors).toEqual([]);
  }, 120_000);
});
