/**
 * Agreement you can publish: a survey imported through the UI is coded by two coders in the
 * Survey grid as Krippendorff's (2011) binary example (a "no" is simply not coding the response);
 * the Agreement workspace must show the same figures as the shared function (60%, κ 0.091,
 * α 0.095) with the default settings, and resolving a disagreement records a decision by the
 * current coder, never a coding under the other coder's name.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeAgreement } from '../../shared/analysis/reliability';
import { binaryProject, KRIPPENDORFF_BINARY } from '../fixtures/agreement/published';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const { a: A, b: B } = KRIPPENDORFF_BINARY;
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ANSWERS = A.map((_, i) => `In case ${NUMBERS[i]} the officer explained the next steps.`);
const rid = (i: number) => `S${String(i + 1).padStart(2, '0')}`;

function surveyCsv(): Buffer {
  const rows = [['ID', 'Comment'], ...ANSWERS.map((t, i) => [rid(i), t])];
  return Buffer.from(rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n', 'utf8');
}

async function store(page: Page): Promise<Record<string, Record<string, unknown>[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, Record<string, unknown>[]>>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['codings', 'decisions', 'coders', 'assignments'];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, Record<string, unknown>[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result as Record<string, unknown>[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function accessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name, exact: true }).click();

async function newCoder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New coder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New coder' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Add coder' }).click();
  await expect.poll(() => page.locator('#coder-select option:checked').textContent()).toMatch(new RegExp(`^${name} `));
}

/** In the Survey grid, code response i with palette code 1 where pattern[i] is 1 (whole response, key "1"). */
async function codeResponses(page: Page, pattern: readonly number[]): Promise<void> {
  await nav(page, 'Survey grid');
  await page.locator('.grid-count', { hasText: `Showing ${pattern.length} of ${pattern.length} responses` }).waitFor();
  await page.waitForFunction(() => document.querySelector('.survey-grid')?.getAttribute('aria-busy') === 'false');
  await page.locator('.grid-row', { hasText: rid(0) }).click();
  const grid = page.getByRole('grid', { name: 'Survey responses' });
  for (let i = 0; i < pattern.length; i++) {
    await expect.poll(() => page.locator('.grid-row--selected').textContent()).toContain(rid(i));
    if (pattern[i]) {
      await grid.focus();
      await page.keyboard.press('1');
      await page.getByRole('status').filter({ hasText: 'Coded' }).filter({ hasText: rid(i) }).waitFor();
    }
    await grid.focus();
    await page.keyboard.press('ArrowDown');
  }
}

describe.skipIf(reason !== null)('Agreement on a survey imported through the UI (Chromium)', () => {
  const app = useApp();

  it('shows the published figures with the default settings and records consensus decisions by the current coder', async () => {
    const s = await app.open();
    const { page } = s;
    await page.locator('.doc-link').first().waitFor();
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Project name' }).fill('Reliability check');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('This project has no documents yet.').first().waitFor();

    // a code to apply
    await page.getByRole('toolbar', { name: 'Codebook actions' }).getByRole('button', { name: 'New code' }).click();
    const rename = page.getByRole('textbox', { name: 'Code name' });
    await rename.fill('Next steps explained');
    await rename.press('Enter');
    await page.getByRole('treeitem', { name: /Next steps explained/ }).waitFor();

    // import the survey through the Import workspace's file input
    await nav(page, 'Import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([{ name: 'reliability.csv', mimeType: 'text/csv', buffer: surveyCsv() }]);
    await page.locator('section.import-card', { hasText: 'reliability.csv' }).getByText(`First 8 of ${ANSWERS.length} rows`).waitFor();
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('button', { name: `Import ${ANSWERS.length} documents` }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();

    // two coders code the responses independently
    await newCoder(page, 'Ann');
    await codeResponses(page, A);
    await newCoder(page, 'Ben');
    await codeResponses(page, B);
    const coded = await store(page);
    const ids = Object.fromEntries(coded.coders!.map((c) => [c.name as string, c.id as string]));
    const byCoder = (rows: Record<string, unknown>[], id: string) => rows.filter((c) => c.coderId === id).length;
    expect(byCoder(coded.codings!, ids.Ann!)).toBe(A.filter(Boolean).length);
    expect(byCoder(coded.codings!, ids.Ben!)).toBe(B.filter(Boolean).length);

    // the Agreement workspace, default settings: Ann and Ben, by response
    await nav(page, 'Agreement');
    await page.getByRole('group', { name: 'Coders to compare (two or more)' }).waitFor();
    await page.getByLabel('You', { exact: true }).uncheck();
    await page.getByLabel('Unit of comparison').selectOption('response');
    const expected = computeAgreement(binaryProject(A, B), { unit: 'response' }).overall;
    const stat = (k: string) => page.locator(`[data-stat="${k}"] .stat__value`).textContent();
    await expect.poll(() => stat('kappa'), { timeout: 20_000 }).toBe(expected.kappa!.toFixed(3));
    expect(expected.kappa!.toFixed(3)).toBe('0.091');
    expect(await stat('alpha')).toBe(expected.alpha!.toFixed(3));
    expect(expected.alpha!.toFixed(3)).toBe('0.095');
    expect(await page.locator('.headline .stat__value').first().textContent()).toBe(`${expected.percentAgreement!.toFixed(1)}%`);
    expect(expected.percentAgreement).toBe(60);
    const untouched = page.getByTestId('untouched');
    const note = (await untouched.textContent()) ?? '';
    expect(note).toMatch(/silence means “not coded”\. Documents with no codings at all, of 10: (Ann 8, Ben 6|Ben 6, Ann 8)\./);
    const heading = page.getByRole('heading', { name: /^Disagreements/ });
    expect(await heading.textContent()).toMatch(/^Disagreements \(4, 0 resolved\)/);
    await screenshot(page, 'agreement-published');
    await accessible(page);

    // leaving out documents a coder never touched: only response 2 was coded by both
    await untouched.getByRole('button', { name: 'Leave them out' }).click();
    await expect.poll(() => page.locator('.headline .stat__value').first().textContent(), { timeout: 20_000 }).toBe('100.0%');
    await page.getByLabel('A coder’s silence in a whole document').selectOption('uncoded');
    await expect.poll(() => stat('kappa'), { timeout: 20_000 }).toBe('0.091');

    // Ben (the current coder) resolves the first disagreement: a decision by Ben, no coding for Ann
    const first = page.locator('.disagreement').first();
    expect(await first.textContent()).toMatch(/Applied by: Ben\. Not applied by: Ann\./); // response 1: Ben only
    await first.getByRole('button', { name: /^Apply code .*decided by Ben$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Consensus recorded' }).waitFor();
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toMatch(/^Disagreements \(4, 1 resolved\)/);
    await first.getByText(/Consensus: apply the code — decided by Ben/).waitFor();
    const after = await store(page);
    expect(after.decisions).toHaveLength(1);
    expect(after.decisions![0]).toMatchObject({ decision: 'apply', decidedBy: ids.Ben });
    expect(byCoder(after.codings!, ids.Ann!)).toBe(A.filter(Boolean).length);
    expect(after.codings).toHaveLength(coded.codings!.length);
    // the coders' own figures do not move; the consensus joins the comparison on request
    expect(await stat('kappa')).toBe('0.091');
    await page.getByLabel('Compare with the consensus').check();
    await expect.poll(() => page.locator('[data-stat="kappa"] .stat__label').textContent(), { timeout: 20_000 }).toBe("Fleiss' kappa");
    await page.getByLabel('Compare with the consensus').uncheck();
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-published-resolved');
    await accessible(page);

    // assignments in the Coders panel: both coders asked to code the survey → the same figures
    await page.getByRole('button', { name: 'Coders…' }).click();
    const panel = page.getByRole('dialog', { name: 'Coders and what each was asked to code' });
    for (const name of ['Ann', 'Ben']) {
      // the box follows the store (a live query), so it turns on once the assignment is saved
      const box = panel.getByRole('group', { name: `${name}: asked to code` }).getByRole('checkbox', { name: /^reliability/ });
      await box.click();
      await panel.getByRole('status').filter({ hasText: `${name} is now asked to code reliability` }).waitFor();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await screenshot(page, 'coders-panel');
    await accessible(page);
    await panel.getByRole('button', { name: 'Done' }).click();
    expect((await store(page)).assignments).toHaveLength(2);
    await page.getByLabel('A coder’s silence in a whole document').selectOption('assigned');
    await expect.poll(() => untouched.textContent(), { timeout: 20_000 }).toMatch(/^Silence means “code absent” in documents assigned/);
    expect(await stat('kappa')).toBe('0.091');
    expect(await stat('alpha')).toBe('0.095');
    expect(s.errors).toEqual([]);
  }, 240_000);
});
