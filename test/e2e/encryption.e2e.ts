/**
 * Encryption at rest through the UI: a project created with a passphrase, a small survey CSV
 * imported through the import screen; after a reload the project shows the unlock screen (the key
 * was in memory only), a wrong passphrase is refused with a clear message, the right one opens it
 * with the same figures (documents and responses, as the CSV says they should be), and no planted
 * answer text is anywhere in IndexedDB.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { dumpIndexedDb } from './indexeddb-dump';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PROJECT = 'Encrypted survey 2026';
const PASS = 'heron teapot lantern';
const PLANT = 'Quokkaveldt';
const AREAS = ['North', 'South', 'East', 'North', 'West', 'South', 'North', 'East', 'South', 'North', 'West', 'North'];
const ROWS = AREAS.map((area, i) => ({
  id: `R${i + 1}`,
  area,
  experience: `The ${PLANT} officer called me back after ${i + 2} days.`,
  improve: i % 3 === 0 ? '' : `Tell me sooner; ${PLANT}${i} said they would.`,
}));
const csv = ['Response ID,Area,Experience,What could improve', ...ROWS.map((r) => `${r.id},${r.area},"${r.experience}","${r.improve}"`)].join('\r\n');
/** What the CSV should become: one document per non-empty answer, one response per row. */
const EXPECTED_DOCUMENTS = ROWS.reduce((n, r) => n + (r.experience ? 1 : 0) + (r.improve ? 1 : 0), 0);

describe.skipIf(reason !== null)('Encryption at rest (Chromium)', () => {
  const app = useApp();

  it('creates an encrypted project, imports a CSV, locks on reload, refuses a wrong passphrase and stores no plain text', async () => {
    const { page, errors } = await app.open();
    await page.locator('.doc-link').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Project name' }).fill(PROJECT);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await dialog.getByLabel('Passphrase again').fill(`${PASS}!`);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The two passphrases differ.' }).waitFor();
    await screenshot(page, 'encryption-new-project');
    expect(await seriousA11yViolations(page, '.modal')).toEqual([]);
    await dialog.getByLabel('Passphrase again').fill(PASS);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('This project has no documents yet.').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Lock now' }).waitFor();

    await step.openWorkspace(page, 'Import');
    await step.chooseFiles(page, [{ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    const card = page.locator('section.import-card', { hasText: 'survey.csv' });
    await card.getByText(`of ${ROWS.length} rows`, { exact: false }).waitFor({ timeout: 60_000 });
    await step.setRecordIdColumn(page, 'survey.csv', 'Response ID');
    expect(await step.columnUse(page, 'survey.csv', 'Experience')).toBe('text');
    expect(await step.columnUse(page, 'survey.csv', 'What could improve')).toBe('text');
    const summary = await step.passGateAndImport(page);
    expect(summary).toMatch(new RegExp(`Documents\\s*${EXPECTED_DOCUMENTS}`));

    await step.openWorkspace(page, 'Code');
    const count = page.locator('.document-list__count');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`${EXPECTED_DOCUMENTS} documents`);
    await step.openWorkspace(page, 'Survey grid');
    const shown = page.getByText(/^Showing [\d,]+ of [\d,]+ responses$/);
    await shown.waitFor({ timeout: 60_000 });
    const gridFigure = await shown.textContent();
    expect(gridFigure).toBe(`Showing ${ROWS.length} of ${ROWS.length} responses`);
    await page.getByText(PLANT, { exact: false }).first().waitFor({ timeout: 60_000 });

    // the key was in memory only: a reload shows the unlock screen
    await page.reload();
    await page.getByRole('form', { name: `“${PROJECT}” is locked` }).waitFor({ timeout: 60_000 });
    const stored = await dumpIndexedDb(page);
    expect(stored).toContain(PROJECT); // (the dump is real: the project's name is stored in clear)
    expect(stored).not.toContain(PLANT);
    expect(stored.match(/Quokka/g)).toBeNull();

    await page.getByLabel('Passphrase', { exact: true }).fill('heron teapot lanterns');
    await page.getByRole('button', { name: 'Unlock' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/^The passphrase is not the one this project was locked with\. Nothing was changed/);
    expect(await dumpIndexedDb(page)).toBe(stored);
    await screenshot(page, 'encryption-unlock');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await shown.waitFor({ timeout: 60_000 });
    expect(await shown.textContent()).toBe(gridFigure);
    await page.getByText(PLANT, { exact: false }).first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Lock now' }).waitFor();
    await screenshot(page, 'encryption-unlocked-header');
    expect(await seriousA11yViolations(page, '.app-header')).toEqual([]);
    await step.openWorkspace(page, 'Code');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`${EXPECTED_DOCUMENTS} documents`);

    // sealed hand-over through the Projects dialog: export, then open it again as a new encrypted project
    await page.getByRole('button', { name: 'Projects…' }).click();
    await page.getByRole('button', { name: 'Export sealed (.chorus)…' }).click();
    const seal = page.getByRole('dialog', { name: `Export “${PROJECT}” sealed` });
    await seal.getByLabel('Passphrase', { exact: true }).fill('bundle for the partner');
    await seal.getByLabel('Passphrase again').fill('bundle for the partner');
    await screenshot(page, 'encryption-export-sealed');
    expect(await seriousA11yViolations(page, '.modal')).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), seal.getByRole('button', { name: 'Export sealed' }).click()]);
    expect(download.suggestedFilename()).toBe(`${PROJECT}.chorus`);
    const sealed = await readFile((await download.path())!);
    expect(sealed.subarray(0, 14).toString('latin1')).toBe('CHORUS-SEALED\n');
    expect(sealed.includes(Buffer.from(PLANT))).toBe(false);
    const projectsDialog = page.getByRole('dialog', { name: 'Projects' });
    await projectsDialog.getByText(/Exported .* sealed/).waitFor({ timeout: 60_000 });
    await projectsDialog.getByRole('button', { name: 'Open sealed (.chorus)…' }).click();
    const openSealedDialog = page.getByRole('dialog', { name: 'Open a sealed project (.chorus)' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), openSealedDialog.getByRole('button', { name: 'Choose a .chorus file…' }).click()]);
    await chooser.setFiles([{ name: 'handed-over.chorus', mimeType: 'application/octet-stream', buffer: sealed }]);
    await openSealedDialog.getByLabel('Passphrase').fill(PASS);
    await openSealedDialog.getByRole('button', { name: 'Open' }).click();
    expect(await openSealedDialog.getByRole('alert').textContent({ timeout: 60_000 })).toMatch(/not the one this bundle was locked with/);
    await openSealedDialog.getByLabel('Passphrase').fill('bundle for the partner');
    await openSealedDialog.getByRole('button', { name: 'Open' }).click();
    await projectsDialog.getByText(/as a copy .* stored encrypted with the bundle’s passphrase/).waitFor({ timeout: 120_000 });
    await projectsDialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`${EXPECTED_DOCUMENTS} documents`);
    expect(await dumpIndexedDb(page)).not.toContain(PLANT);

    // Lock now drops the key: back to the unlock screen
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    expect(await page.getByText(PLANT, { exact: false }).count()).toBe(0);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 300_000);
});
