/**
 * The mapping screen on a survey like the real NHS feedback file: a repeating respondent id before
 * a unique response_id, dates mixing day/month and month/day, participants who answered more than
 * once — imported through the UI into a new, empty project.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDateEitherOrder } from '../../shared/import/values';
import { SCREENSHOTS, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { storedDatasets } from './indexeddb-dump';

const reason = skipReason();

const ROWS = 60;
const PEOPLE = 25;
const pad = (n: number) => String(n).padStart(2, '0');

/** Row i: who, its response id, a visit date written day/month or month/day, an area and two answers. */
function row(i: number): string[] {
  const day = ((i * 7) % 28) + 1;
  const month = (i % 12) + 1;
  const date = i % 3 === 0 ? `${pad(month)}/${pad(day)}/2024` : `${pad(day)}/${pad(month)}/2024`;
  return [`P${i % PEOPLE}`, `R-${1000 + i}`, date, (i % PEOPLE) % 2 ? 'North' : 'South', `The call handler was patient with me on call ${i}.`, `Answer the phone sooner than ${i} minutes please.`];
}

function feedbackCsv(): Buffer {
  const lines = [['respondent_id', 'response_id', 'Visit date', 'Area', 'What went well?', 'What could be better?'], ...Array.from({ length: ROWS }, (_, i) => row(i))];
  return Buffer.from(lines.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n', 'utf8');
}

/** Rows (as the file numbers them: header is row 1) whose date reads as two different dates. */
const ambiguousRows = Array.from({ length: ROWS }, (_, i) => i).filter((i) => {
  const r = parseDateEitherOrder(row(i)[2]!);
  return !r.ok && 'ambiguous' in r;
});

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
}

const datasets = storedDatasets;

describe.skipIf(reason !== null)('Import mapping on survey-shaped data (Chromium)', () => {
  const app = useApp();

  it('guesses the unique response_id with its reason, reads the unambiguous dates, keeps the date per response, and imports rows × text columns', async () => {
    expect(ambiguousRows.length).toBeGreaterThan(5);
    const s = await app.open();
    const { page } = s;
    await page.locator('.doc-link').first().waitFor();

    // a new project is empty: the Code workspace leads to Import
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Project name' }).fill('Practice feedback');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    const empty = page.locator('.placeholder .import-first');
    await empty.getByText('This project has no documents yet.').waitFor();
    await screenshot(page, 'import-mapping-1-empty-project');
    await expectAccessible(page);
    // every workspace that works on imported text leads to Import too
    for (const name of ['Search & autocode', 'Suggestions', 'Analyse', 'Agreement']) {
      await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { name, exact: true }).waitFor();
      await empty.getByRole('button', { name: 'Import files…' }).waitFor();
    }
    await expectAccessible(page);
    await empty.getByRole('button', { name: 'Import files…' }).click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([{ name: 'practice-feedback.csv', mimeType: 'text/csv', buffer: feedbackCsv() }]);
    const card = page.locator('section.import-card', { hasText: 'practice-feedback.csv' });
    await card.getByText(`First 8 of ${ROWS} rows`).waitFor();

    // the record id: the unique column, not the repeating one before it, and why
    expect(await card.getByLabel('Record ID column').inputValue()).toBe('response_id');
    await card.getByText(`response_id: every value is unique (${ROWS} rows) and its name is a record id’s`).waitFor();
    await card.getByText(`Not proposed as the record id: respondent_id: fewer than half of its ${ROWS} values are distinct.`).waitFor();
    expect(await card.getByLabel('Use of column What went well?').inputValue()).toBe('text');
    expect(await card.getByLabel('Use of column What could be better?').inputValue()).toBe('text');
    await card.getByLabel('Participant column').selectOption('respondent_id');
    // where each attribute will live, counted over every row: the date differs within participants
    const varying = new Set(Array.from({ length: ROWS }, (_, i) => i).filter((i) => i >= PEOPLE && row(i)[2] !== row(i % PEOPLE)[2]).map((i) => i % PEOPLE)).size;
    const levelOf = (c: string) => card.locator('table.import-columns tr', { has: page.getByRole('rowheader', { name: c, exact: true }) }).locator('td.import-level');
    await expect.poll(() => levelOf('Visit date').textContent()).toBe(`each response (differs within ${varying} participants)`);
    expect(await levelOf('Area').textContent()).toBe('each participant');

    // a disabled Scan button looks disabled (no accent colour)
    const scan = page.getByRole('button', { name: 'Scan for personal data' });
    await card.getByLabel('Use of column What went well?').selectOption('ignore');
    await card.getByLabel('Use of column What could be better?').selectOption('ignore');
    expect(await scan.isDisabled()).toBe(true);
    const look = await scan.evaluate((b) => {
      const cs = getComputedStyle(b);
      return { background: cs.backgroundColor, border: cs.borderStyle, cursor: cs.cursor };
    });
    expect(look).toEqual({ background: 'rgb(236, 238, 241)', border: 'dashed', cursor: 'not-allowed' });
    await scan.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-mapping-2-disabled-scan');
    await card.getByLabel('Use of column What went well?').selectOption('text');
    await card.getByLabel('Use of column What could be better?').selectOption('text');
    expect(await scan.isDisabled()).toBe(false);

    // the dates mix both orders: the three ways to read them are offered; read the unambiguous ones
    expect(await card.getByLabel('Type of column Visit date').inputValue()).toBe('date');
    const dates = card.locator('fieldset.import-datechoice', { hasText: 'Dates in “Visit date”' });
    await dates.getByText(/value\(s\) in “Visit date” cannot be Day\/Month\/Year/).waitFor();
    await dates.getByLabel(new RegExp(`Read the unambiguous dates; leave the ${ambiguousRows.length} that could be either`)).check();
    await mkdir(SCREENSHOTS, { recursive: true });
    await card.locator('fieldset.import-mapping').screenshot({ path: path.join(SCREENSHOTS, 'import-mapping-3-card.png') });
    await expectAccessible(page);

    await scan.click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor();
    // every ambiguous date is listed with its row, column and value; the rest were read
    const blanked = page.locator('section.import-issues', { hasText: 'Dates left blank' });
    await blanked.getByRole('heading', { name: `Dates left blank (each could be day/month or month/day) (${ambiguousRows.length})` }).waitFor();
    const listed = await blanked.locator('tbody tr').allTextContents();
    expect(listed).toHaveLength(ambiguousRows.length);
    ambiguousRows.forEach((i, k) => {
      expect(listed[k]).toContain(String(i + 2));
      expect(listed[k]).toContain('Visit date');
      expect(listed[k]).toContain(`"${row(i)[2]}" could be`);
    });
    // the date varies within participants, so it is kept per response, and the review says so
    await page.locator('section.import-issues', { hasText: 'Warnings' }).getByText(/differs between rows of the same participant \(\d+ participants, first at this row\), so it is kept for each response/).waitFor();
    await screenshot(page, 'import-mapping-4-review');
    await expectAccessible(page);

    // documents: rows × text columns (the id column is not text)
    await page.getByRole('button', { name: `Import ${ROWS * 2} documents` }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    const summary = (await page.locator('.import-summary dl').textContent()) ?? '';
    expect(summary).toMatch(new RegExp(`Documents\\s*${ROWS * 2}`));
    expect(summary).toMatch(new RegExp(`Participants\\s*${PEOPLE}`));
    const [ds] = await datasets(page);
    const perRow = Object.values(ds!.responseAttributes ?? {});
    expect(perRow).toHaveLength(1);
    const read = perRow[0]!;
    for (let i = 0; i < ROWS; i++) {
      const r = parseDateEitherOrder(row(i)[2]!);
      expect(read[i], row(i)[2]).toBe(r.ok ? r.value : null);
    }
    expect(Object.keys(ds!.participants.attributes)).toHaveLength(1); // Area stays the participant's
    expect(s.errors).toEqual([]);
  }, 180_000);
});
