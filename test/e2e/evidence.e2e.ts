/**
 * Evidence on imported data: a survey CSV (repeated categories, mixed dates) and a transcript with
 * named speakers are imported through the UI; codes (a theme with a subcategory) are applied in the
 * grid and the transcript; the Code view (Enter on a code) lists exactly the segments
 * shared/evidence selects, filters by an attribute, stars a candidate quote, and exports the same
 * table as the pure function; a matrix cell in Analyse opens exactly the segments behind its count,
 * and so do the same cell in the heatmap and a bar of the code frequencies chart (click and Enter).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { realisticSurvey, realisticTranscript, SURVEY_COLUMNS } from '../fixtures/realistic/generate';
import * as step from './journey/steps';
import { personValues, prepareIndex } from '../../shared/analysis';
import { runAnalysis, type AnalysisRequest } from '../../shared/analysis/run-request';
import { cellEvidence } from '../../shared/evidence/cells';
import { countSelection, selectSegments } from '../../shared/evidence/segments';
import { listSegments, segmentTable } from '../../shared/evidence/view';
import { toCsv } from '../../shared/export/table';
import { withMeasure, type MatrixMeasure } from '../../shared/analysis/measure';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PROJECT = 'Evidence check (imported)';
const THEME = 'Communication';
const SUB = 'Waiting for updates';
const OTHER = 'Treated with respect';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

const dialog = (page: Page) => page.getByRole('dialog', { name: /^Retrieved segments/ });
const countText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'segment' : 'segments'}`;

/** Wait for the Code view to show `n` segments (the count's first words) with its rows drawn. */
async function shows(page: Page, n: number): Promise<void> {
  await expect.poll(async () => ((await dialog(page).getByTestId('segment-count').textContent()) ?? '').split(' (')[0], { timeout: 60_000 }).toBe(countText(n));
  if (n > 0) await dialog(page).locator('.segment__body').first().waitFor({ timeout: 30_000 });
}

/** The coding ids of the rows drawn (the first screenful of the virtualised list). */
const drawnIds = (page: Page) => dialog(page).locator('.segment__body').evaluateAll((els) => els.map((e) => e.getAttribute('data-coding-id')));

async function exportDialogCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), dialog(page).getByRole('button', { name: 'Export CSV' }).click()]);
  return readFile(await download.path(), 'utf8');
}

describe.skipIf(reason !== null)('Evidence: the Code view and the segments behind a count (Chromium)', () => {
  const app = useApp(hook);

  it('lists, filters, stars and exports exactly the pure function’s segments, and opens a matrix cell’s segments', async () => {
    const survey = realisticSurvey(300);
    const transcript = realisticTranscript();
    const { page } = await app.open();

    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);

    // a theme with a subcategory, and another code; keys 1–3 in codebook order
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    await step.addCode(page, THEME);
    await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${THEME}`) }).click();
    await page.getByRole('button', { name: 'New subcode' }).click();
    const field = page.getByRole('textbox', { name: 'Code name' });
    await field.fill(SUB);
    await field.press('Enter');
    await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${SUB}`) }).waitFor();
    await step.addCode(page, OTHER);
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 6, 2); // the subcategory
    await step.codeGridRows(page, 4, 1, 6); // the theme itself
    await step.codeGridRows(page, 5, 3, 3); // the other code, overlapping both
    await step.openWorkspace(page, 'Code');
    await step.openDocument(page, 'interview-nield');
    await step.codeWords(page, 'Were you kept updated?', THEME);

    let bundle = await step.readBundle(page, PROJECT);
    let index = prepareIndex(bundle);
    const theme = bundle.codes.find((c) => c.name === THEME)!;
    const query = { codeIds: [theme.id] };
    const expected = [...listSegments(index, query)];
    expect(expected.length).toBeGreaterThan(10);

    // Enter on the theme (no text selected) opens the Code view: its segments and its subcategory's
    const item = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${THEME}`) });
    await item.click();
    await item.press('Enter');
    await shows(page, expected.length);
    const drawn = await drawnIds(page);
    expect(drawn.length).toBeGreaterThan(2);
    expect(drawn).toEqual(expected.slice(0, drawn.length).map((k) => index.codings.id(k)));

    // without subcategories: only the theme's own codings
    await dialog(page).getByRole('checkbox', { name: 'Include subcategories' }).uncheck();
    await shows(page, listSegments(index, { ...query, subcodes: false }).length);
    await dialog(page).getByRole('checkbox', { name: 'Include subcategories' }).check();
    await shows(page, expected.length);

    // filter by an attribute value
    const area = bundle.variables.find((v) => v.name === SURVEY_COLUMNS.area)!;
    await dialog(page).getByLabel('Attribute').selectOption(area.name);
    const firstValue = (await dialog(page).getByLabel('Value').locator('option').nth(1).getAttribute('value'))!;
    await dialog(page).getByLabel('Value').selectOption(firstValue);
    const filtered = listSegments(index, query, { attribute: { name: area.name, value: firstValue } });
    expect(filtered.length).toBeGreaterThan(0);
    await shows(page, filtered.length);
    expect(await drawnIds(page)).toEqual([...filtered].slice(0, (await drawnIds(page)).length).map((k) => index.codings.id(k)));
    await dialog(page).getByLabel('Attribute').selectOption('');
    await shows(page, expected.length);

    // star the first segment: a candidate quote in the store, and the "Candidate quotes" filter finds it
    const firstStar = dialog(page).locator('.segment__body').first().getByRole('button', { name: 'Candidate quote' });
    await firstStar.click();
    await expect.poll(() => firstStar.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    bundle = await step.readBundle(page, PROJECT);
    index = prepareIndex(bundle);
    expect(bundle.quotes?.map((q) => q.codingId)).toEqual([index.codings.id(expected[0]!)]);
    await dialog(page).getByRole('checkbox', { name: 'Candidate quotes only' }).check();
    await shows(page, 1);
    await dialog(page).getByRole('checkbox', { name: 'Candidate quotes only' }).uncheck();
    await shows(page, expected.length);
    // the context around a segment opens in place (a whole survey answer coded has none around it; the row still opens)
    const second = dialog(page).locator('.segment__body').nth(1);
    await second.getByRole('button', { name: 'Show context' }).click();
    await expect.poll(() => second.getByRole('button', { name: 'Hide context' }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'evidence-code-view');
    const violations = await seriousA11yViolations(page, '[role="dialog"]');
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // the export is the pure table, formula-neutralised, star included
    const csv = await exportDialogCsv(page);
    expect(csv).toBe(toCsv(segmentTable(index, listSegments(index, query), bundle.quotes ?? [], ''), { bom: true }));
    await dialog(page).getByRole('button', { name: 'Close' }).click();

    // Analyse: a matrix cell opens exactly the segments behind its count
    await step.openWorkspace(page, 'Analyse');
    await step.chooseAnalysis(page, 'Subcategory matrix');
    await step.newResult(page, null);
    await step.setOption(page, 'Compare groups by', SURVEY_COLUMNS.area);
    const request: AnalysisRequest = { analysis: 'matrix', attribute: await step.optionValue(page, 'Compare groups by'), filter: {} };
    const table = runAnalysis(index, request);
    const themeRow = table.rows.findIndex((r) => r.codeId === theme.id);
    const col = table.columns.find((c) => c.key.startsWith('n:') && (table.rows[themeRow]![c.key] as number) > 0)!;
    const ev = cellEvidence(request, table, table.rows[themeRow]!, col.key)!;
    const behind = selectSegments(index, ev.query);
    expect(countSelection(index, behind, ev.measure)).toBe(table.rows[themeRow]![col.key]);
    // the cell's button is named for what it stands for (code × attribute = value)
    const button = page.locator('.result-table').getByRole('button', { name: `${String(table.rows[themeRow]![col.key])} — open the segments: ${ev.label}`, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await shows(page, behind.positions.length);
    const cellCsv = await exportDialogCsv(page);
    expect(cellCsv).toBe(toCsv(segmentTable(index, behind.positions, bundle.quotes ?? [], ''), { bom: true }));
    await screenshot(page, 'evidence-matrix-cell');
    expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Close' }).click();

    // the heatmap: the same cell, clicked in the chart, opens the same segments
    const heatCell = page.locator(`.analyse__chart [data-row="${themeRow}"][data-key="${col.key}"]`);
    expect(await heatCell.getAttribute('role')).toBe('button');
    expect(await heatCell.getAttribute('aria-label')).toContain(THEME);
    await heatCell.click();
    await shows(page, behind.positions.length);
    expect(await exportDialogCsv(page)).toBe(cellCsv);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    // a suppressed cell is not a button (the table for publication hides counts under the threshold)
    await page.getByRole('switch', { name: /For publication/ }).check();
    await expect.poll(() => page.locator('.analyse__chart .mark[aria-label*="(suppressed)"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('.analyse__chart .mark[aria-label*="(suppressed)"][data-row]').count()).toBe(0);
    await page.getByRole('switch', { name: /For publication/ }).uncheck();

    // the filter's values of an attribute are the worker's (no participant listed in the window):
    // those personValues gives for the same data, and the table filtered by one is the pure function's
    await page.locator('summary').filter({ hasText: /^Filters/ }).click();
    const areaVar = bundle.variables.find((v) => v.name === SURVEY_COLUMNS.area)!;
    const filterBox = page.locator('fieldset.filters');
    await filterBox.getByLabel('Only participants with').selectOption(areaVar.name);
    const wantValues = personValues(index, { type: 'participant', variableId: areaVar.id, name: areaVar.name }).values;
    expect(wantValues.length).toBeGreaterThan(1);
    const valueSelect = filterBox.getByLabel('equal to');
    await expect.poll(async () => (await valueSelect.locator('option').allTextContents()).slice(1), { timeout: 30_000 }).toEqual(wantValues);
    const matrixCaption = (await page.locator('.result-table caption').textContent()) ?? '';
    const signature = () => page.evaluate(() => document.querySelector('.result-table tbody')?.textContent ?? '');
    const unfiltered = await signature();
    await valueSelect.selectOption(wantValues[1]!);
    await expect.poll(async () => (await page.locator('main[aria-busy="true"]').count()) === 0 && (await signature()) !== unfiltered, { timeout: 60_000 }).toBe(true);
    const filteredMatrix = runAnalysis(index, { ...request, filter: { where: { attribute: areaVar.name, values: [wantValues[1]!] } } });
    const measure = (await step.optionValue(page, 'Show')) as MatrixMeasure;
    expect((await step.exportCsv(page)).text).toBe(toCsv(withMeasure(filteredMatrix, measure), { bom: true }));
    expect(matrixCaption).toBeTruthy();
    await screenshot(page, 'evidence-analyse-filter');
    expect(await seriousA11yViolations(page, 'fieldset.filters')).toEqual([]);
    await valueSelect.selectOption('');
    await filterBox.getByLabel('Only participants with').selectOption('');

    // Code frequencies: the theme's bar (participants) opens the segments behind it, by keyboard too
    await step.chooseAnalysis(page, 'Code frequencies');
    const caption = await step.newResult(page, null);
    expect(caption).toBeTruthy();
    const freqRequest: AnalysisRequest = { analysis: 'frequencies', filter: {} };
    const freq = runAnalysis(index, freqRequest);
    const barRow = freq.rows.findIndex((r) => r.codeId === theme.id);
    const barEv = cellEvidence(freqRequest, freq, freq.rows[barRow]!, 'participants')!;
    const barBehind = selectSegments(index, barEv.query);
    expect(countSelection(index, barBehind, barEv.measure)).toBe(freq.rows[barRow]!.participants);
    const bar = page.locator(`.analyse__chart [data-row="${barRow}"][data-key="participants"]`);
    await bar.click();
    await shows(page, barBehind.positions.length);
    expect(await exportDialogCsv(page)).toBe(toCsv(segmentTable(index, barBehind.positions, bundle.quotes ?? [], ''), { bom: true }));
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await bar.focus();
    await page.keyboard.press('Enter');
    await shows(page, barBehind.positions.length);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'evidence-chart-marks');
    const chartViolations = await seriousA11yViolations(page, '.chart-figure');
    expect(chartViolations, JSON.stringify(chartViolations, null, 1)).toEqual([]);
  }, 600_000);
});
