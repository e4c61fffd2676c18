/**
 * Charts on a project imported through the UI (a survey CSV and a transcript), not the demo: the
 * SVG the app saves is byte for byte what renderChartSvg draws in Node (jsdom) for the same
 * analysis of the same data (read back with the app's own store reader); each chart's data table
 * on screen is chartDataTable's answer; the PNG is the SVG at 2×; every new kind (ranked bars,
 * codebook treemap, icon array, co-occurrence network) is screenshotted and passes axe.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { forPublication, prepareIndex, type AnalysisIndex } from '../../shared/analysis';
import { runAnalysis } from '../../shared/analysis/run-request';
import { chartDataTable, type ChartSpec } from '../../shared/report';
import { renderChartSvg } from '../../renderer/charts/svg';
import { chartFor, type ChartChoice } from '../../renderer/features/analysis/chartFor';
import { chartFileName } from '../../renderer/features/charts/saveChart';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PROJECT = 'Charts check (imported)';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** The chart's data table as shown (opening it with "Show the data"). */
async function shownDataTable(page: Page): Promise<{ caption: string; headers: string[]; rows: string[][] }> {
  const toggle = page.getByRole('button', { name: 'Show the data' });
  if (await toggle.count()) await toggle.click();
  await page.locator('.chart-data table').waitFor();
  return page.evaluate(() => {
    const t = document.querySelector('.chart-data table')!;
    const text = (e: Element) => e.textContent ?? '';
    return { caption: text(t.querySelector('caption')!), headers: [...t.querySelectorAll('thead th')].map(text), rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)) };
  });
}

async function chooseView(page: Page, label: string): Promise<void> {
  const before = await page.locator('[data-testid="chart"] svg > desc').textContent();
  await page.getByRole('combobox', { name: 'Chart', exact: true }).selectOption({ label });
  await expect.poll(() => page.locator('[data-testid="chart"] svg > desc').textContent(), { timeout: 30_000 }).not.toBe(before);
}

/** PNG width and height from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(reason !== null)('Charts on imported data (Chromium)', () => {
  const app = useApp(hook);

  it('saves SVG and PNG equal to the Node renderer, shows data tables equal to chartDataTable, draws every new kind accessibly', async () => {
    const survey = realisticSurvey(300);
    const transcript = realisticTranscript();
    const { page } = await app.open();

    // 1. import a survey CSV and a transcript through the UI
    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);

    // 2. a codebook with themes and subcodes, coded in the grid and the transcript
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    await step.addCode(page, 'Communication');
    await page.getByRole('button', { name: 'New subcode' }).click();
    const field = page.getByRole('textbox', { name: 'Code name' });
    await field.fill('Waiting for updates');
    await field.press('Enter');
    await page.getByRole('treeitem', { name: /^Waiting for updates/ }).waitFor();
    await step.addCode(page, 'Treated with respect');
    await step.addCode(page, 'Named contact');
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 12, 2);
    await step.codeGridRows(page, 8, 3, 4);
    await step.codeGridRows(page, 5, 4, 2);
    await step.codeGridRows(page, 4, 1, 8);
    await step.openWorkspace(page, 'Code');
    await step.openDocument(page, 'interview-nield');
    await step.codeWords(page, 'What would you change?', 'Named contact');

    // 3. the expected answers: the pure functions on the project as the store holds it
    const bundle = await step.readBundle(page, PROJECT);
    const index: AnalysisIndex = prepareIndex(bundle);
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const expectedSpec = (request: Parameters<typeof runAnalysis>[1], choice: ChartChoice = {}): ChartSpec => chartFor(runAnalysis(index, request), 'n', choice)!;

    await step.openWorkspace(page, 'Analyse');
    await step.chooseAnalysis(page, 'Code frequencies');
    await step.newResult(page, null);
    const frequencies = { analysis: 'frequencies', filter: {} } as const;

    // 4. codebook-order bars: Save as SVG equals renderChartSvg in Node; Save as PNG is it at 2×
    const bars = expectedSpec(frequencies);
    const svg = await download(page, 'Save as SVG');
    expect(svg.name).toBe(chartFileName(bars, 'svg'));
    const nodeSvg = renderChartSvg(bars, window.document, { width: 800 });
    expect(svg.bytes.toString('utf8')).toBe(nodeSvg);
    const png = await download(page, 'Save as PNG');
    expect(png.name).toBe(chartFileName(bars, 'png'));
    const svgRoot = new window.DOMParser().parseFromString(nodeSvg, 'image/svg+xml').documentElement;
    expect(pngSize(png.bytes)).toEqual({ width: 2 * Number(svgRoot.getAttribute('width')), height: 2 * Number(svgRoot.getAttribute('height')) });
    expect(await shownDataTable(page)).toEqual(chartDataTable(bars));

    // 5. each new kind: data table equals the pure answer, saved SVG equals Node's, screenshot, axe
    const kinds: Array<{ analysis?: string; view: string; choice: ChartChoice; request: Parameters<typeof runAnalysis>[1]; shot: string }> = [
      { view: 'Bars, highest first', choice: { view: 'ranked' }, request: frequencies, shot: 'charts-1-ranked-bars' },
      { view: 'Codebook hierarchy (treemap)', choice: { view: 'hierarchy' }, request: frequencies, shot: 'charts-2-codebook-treemap' },
      { view: 'One code in plain language (icons)', choice: { view: 'icons' }, request: frequencies, shot: 'charts-3-icon-array' },
      {
        analysis: 'Code co-occurrence',
        view: 'Network',
        choice: { view: 'network' },
        request: { analysis: 'cooccurrence', unit: 'response', filter: {} },
        shot: 'charts-4-cooccurrence-network',
      },
    ];
    for (const k of kinds) {
      if (k.analysis) {
        const before = await page.locator('.result-table caption').first().textContent();
        await step.chooseAnalysis(page, k.analysis);
        await step.newResult(page, before);
        if (k.request.analysis === 'cooccurrence') k.request = { ...k.request, unit: (await step.optionValue(page, 'Count codes together within')) as 'response' };
      }
      await chooseView(page, k.view);
      const spec = expectedSpec(k.request, k.choice);
      expect(await page.locator('[data-testid="chart"] svg').getAttribute('data-chart-kind'), k.view).toBe(spec.kind);
      expect(await page.locator('[data-testid="chart"] svg > title').textContent(), k.view).toBe(spec.title);
      expect(await shownDataTable(page), k.view).toEqual(chartDataTable(spec));
      const saved = await download(page, 'Save as SVG');
      expect(saved.bytes.toString('utf8'), k.view).toBe(renderChartSvg(spec, window.document, { width: 800 }));
      await page.locator('[data-testid="chart"]').scrollIntoViewIfNeeded();
      await screenshot(page, k.shot);
      const violations = await seriousA11yViolations(page, 'main');
      expect(violations, `${k.view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }

    // 6. for publication: the treemap's small counts are hatched and read "fewer than 10", as the pure answer says
    const before = await page.locator('.result-table caption').first().textContent();
    await step.chooseAnalysis(page, 'Code frequencies');
    await step.newResult(page, before);
    await page.getByRole('switch', { name: /For publication/ }).check();
    await expect.poll(() => page.locator('.result-table caption').first().textContent(), { timeout: 30_000 }).toMatch(/for publication/);
    await chooseView(page, 'Codebook hierarchy (treemap)');
    const published = chartFor(forPublication(runAnalysis(index, frequencies), 10), 'n', { view: 'hierarchy' })!;
    const table = await shownDataTable(page);
    expect(table).toEqual(chartDataTable(published));
    expect(table.rows.some((r) => r[1] === 'fewer than 10')).toBe(true);
    for (const r of table.rows) expect(r[1]).not.toMatch(/^[1-9]$/);
    expect(await page.locator('[data-testid="chart"] svg .mark rect[fill^="url(#"]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="chart"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-5-treemap-for-publication');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);
  }, 600_000);
});
