/**
 * Editing a pack template on a project imported through the UI (a survey CSV with repeated
 * categories and mixed dates, an interview transcript, coded in the grid): the practitioners
 * template gets a section moved, one removed and a heading reworded — by keyboard-reachable,
 * labelled controls — and is saved. After a reload the preview's headings are the pure builder's
 * (buildPack over the stored template and the app's own bundle); the pack exports as HTML with the
 * edited headings and as PDF (pdfmake in the browser); Reset to preset brings the preset back.
 * The editor is screenshotted and run through axe (0 serious).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import { buildPack } from '../../shared/packs/build';
import { gatherPackInput } from '../../shared/packs/gather';
import { templateFor } from '../../shared/packs/make';
import { AUDIENCE_LABELS, type PackDocument } from '../../shared/packs/model';
import { editTemplate, presetTemplate } from '../../shared/packs/templates';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const PROJECT = 'Templates on imported feedback';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

const headingsOf = (d: PackDocument) => d.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const preview = (page: Page) => page.locator('.pack-preview').locator('h2, h3, h4').allTextContents();

async function choosePractitioners(page: Page): Promise<void> {
  await page.getByRole('radio', { name: AUDIENCE_LABELS.practitioners }).check();
  await page.locator('.pack-preview').waitFor({ timeout: 120_000 });
  await expect.poll(async () => (await page.locator('.pack-preview .pack-h1').first().textContent()) ?? '', { timeout: 120_000 }).toMatch(/practitioners/i);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: button }).click()]);
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

/** The edit the test makes, as the pure template functions make it. */
const EDITED = (() => {
  let t = presetTemplate('practitioners');
  t = editTemplate(t, { op: 'move', id: 'quotes', to: 1 });
  t = editTemplate(t, { op: 'drop', id: 'training' });
  return editTemplate(t, { op: 'reword', id: 'differently', heading: 'Change this on Monday' });
})();

describe.skipIf(reason !== null)('Pack templates (Chromium)', () => {
  const app = useApp(hook);

  it('edits, saves, reloads, exports HTML and PDF, and resets the practitioners template on an imported project', async () => {
    const { page, errors } = await app.open();
    const survey = realisticSurvey(150);
    const transcript = realisticTranscript();
    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    await step.addCode(page, 'Waiting for updates');
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 12, 1);

    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Packs', exact: true }).click();
    await page.getByRole('heading', { name: 'Packs', level: 1 }).waitFor();
    await choosePractitioners(page);
    await page.getByRole('button', { name: 'Edit the template' }).click();
    const editor = page.getByRole('region', { name: /Template for practitioners/ });
    await editor.waitFor();
    await expect.poll(() => editor.getByTestId('template-state').textContent()).toBe('The preset template.');

    // move "In their words" up one place, by keyboard: the focus stays on the section that moved
    await editor.getByRole('button', { name: 'Move up: “In their words”' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.locator('legend').nth(1).textContent()).toBe('Section 2 of 8: Quotes');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move up: “In their words”');
    // remove a section, reword a heading
    await editor.getByRole('button', { name: 'Remove: “Training implications”' }).click();
    const heading = editor.locator('[data-section="differently"]').getByRole('textbox', { name: 'Heading', exact: true });
    await heading.fill('Change this on Monday');
    await expect.poll(() => editor.getByTestId('template-state').textContent()).toBe('The preset template. You have changes that are not saved.');
    // the preview already follows the draft
    await expect.poll(() => preview(page)).toContain('Change this on Monday');
    await screenshot(page, 'pack-templates-editor');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);

    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.locator('.packs-workspace .status').textContent(), { timeout: 60_000 }).toBe('Saved the practitioners template.');

    // reload: the stored template is the edit, and the preview is the pure builder's answer for it
    await page.reload();
    await page.getByRole('heading', { name: 'Packs', level: 1 }).waitFor({ timeout: 120_000 });
    await choosePractitioners(page);
    const bundle = await step.readBundle(page, PROJECT);
    expect(bundle.packTemplates?.map((t) => t.audience)).toEqual(['practitioners']);
    const stored = templateFor(bundle, 'practitioners');
    expect(stored).toEqual(EDITED);
    const expected = buildPack(stored, gatherPackInput(bundle));
    await expect.poll(() => preview(page), { timeout: 120_000 }).toEqual(headingsOf(expected));
    const shown = await preview(page);
    expect(shown.indexOf('In their words')).toBeLessThan(shown.indexOf('What we found'));
    expect(shown).not.toContain('Training implications');

    // export: HTML with the edited headings, and PDF made in the browser
    const html = await download(page, 'Export HTML');
    const h2 = [...html.bytes.toString('utf8').matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(expected.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;')] : [])));
    const pdf = await download(page, 'Export PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(5_000);

    // reset to the preset: one command, the preview is the preset's pack again
    await page.getByRole('button', { name: 'Edit the template' }).click();
    await expect.poll(() => editor.getByTestId('template-state').textContent()).toBe('This project’s own template.');
    await editor.getByRole('button', { name: 'Reset to preset' }).click();
    await expect.poll(() => editor.getByTestId('template-state').textContent(), { timeout: 60_000 }).toBe('The preset template.');
    const after = await step.readBundle(page, PROJECT);
    expect(after.packTemplates).toBeUndefined();
    await expect.poll(() => preview(page), { timeout: 120_000 }).toEqual(headingsOf(buildPack(presetTemplate('practitioners'), gatherPackInput(after))));
    expect(errors).toEqual([]);
  }, 900_000);
});
