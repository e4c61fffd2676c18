/**
 * Quotes confirmed for publication, end to end, on a project imported through the UI: code survey
 * answers, star two segments in the Code view, link both to a finding, confirm one through the
 * Code view's "Confirm for publication" (the safety check shown first), then build the packs. The
 * public pack has exactly the confirmed quote (the other is listed as refused, with its reason) and
 * no count under the threshold; the executive pack's strength of evidence is evidenceStrength's
 * for the same stored project, at the threshold. Screenshots of the confirm step and the public
 * pack preview, axe 0 serious.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import { evidenceStrength } from '../../shared/findings/strength';
import { makePack } from '../../shared/packs/make';
import { AUDIENCE_LABELS, type PackAudience } from '../../shared/packs/model';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const PROJECT = 'Quotes for publication';
const CODE = 'Waiting for updates';
const STATEMENT = 'Victims waited too long for updates';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

const codeView = (page: Page) => page.getByRole('dialog', { name: /^Retrieved segments/ });

async function chooseAudience(page: Page, a: PackAudience): Promise<void> {
  await page.getByRole('radio', { name: AUDIENCE_LABELS[a] }).check();
  await page.locator('.pack-preview').waitFor({ timeout: 120_000 });
  await expect.poll(async () => (await page.locator('.pack-preview .pack-h1').first().textContent()) ?? '', { timeout: 120_000 }).not.toBe('');
}

/** Every "<n> people/participants/documents/coded segments" with 0 < n < threshold. */
function smallCounts(text: string, threshold: number): string[] {
  return [...text.matchAll(/(?<!(?:least|than) )\b(\d[\d,]*)\s+(?:of\s+\d[\d,]*\s+)?(people|person|participants?|documents?|coded segments?)\b/g)]
    .filter((m) => {
      const v = Number(m[1]!.replace(/,/g, ''));
      return v > 0 && v < threshold;
    })
    .map((m) => m[0]);
}

describe.skipIf(reason !== null)('Quotes confirmed for publication reach the public pack (Chromium)', () => {
  const app = useApp(hook);

  it('stars two segments, confirms one after its safety check, and the public pack carries exactly that one', async () => {
    const { page, errors } = await app.open();
    // the quote check's detector (its lists of names and words, about 240 KB) is not part of the app's first load: it comes with the dialog or the import
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/assets\/(detect|sentiment)-[^/]*\.js$/.test(e.name)).length)).toBe(0);
    const survey = realisticSurvey(400);
    const transcript = realisticTranscript();
    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    await step.addCode(page, CODE);
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 14, 1);

    // the Code view of the code: star the first two segments
    await step.openWorkspace(page, 'Code');
    const item = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${CODE}`) });
    await item.click();
    await item.press('Enter');
    await expect.poll(async () => (await page.getByTestId('segment-count').textContent()) ?? '', { timeout: 120_000 }).toMatch(/^\d+ segments/);
    const segment = (i: number) => codeView(page).locator('.segment__body').nth(i);
    for (const i of [0, 1]) {
      const star = segment(i).getByRole('button', { name: 'Candidate quote' });
      await star.click();
      await expect.poll(() => star.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    }
    const firstText = ((await segment(0).locator('mark').textContent()) ?? '').trim();
    const secondText = ((await segment(1).locator('mark').textContent()) ?? '').trim();
    expect(firstText).not.toBe('');
    expect(secondText).not.toBe(firstText);

    // confirm the first: the safety check shows first, then the confirmation
    await segment(0).getByRole('button', { name: 'Confirm for publication…' }).click();
    const confirm = page.getByTestId('confirm-quote');
    await confirm.locator('[data-check="personal-data"]').waitFor({ timeout: 60_000 });
    expect(await confirm.locator('blockquote').textContent()).toBe(firstText);
    expect(await confirm.locator('[data-check="personal-data"]').getAttribute('data-ok')).toBe('true');
    expect(await confirm.locator('[data-check="rare-combination"]').textContent()).toMatch(/rare combination|not rare/);
    let bundle = await step.readBundle(page, PROJECT);
    expect((bundle.quotes ?? []).filter((q) => q.confirmedBy)).toEqual([]);
    await screenshot(page, 'packs-quotes-confirm');
    expect(await seriousA11yViolations(page, '[data-testid="confirm-quote"]')).toEqual([]);
    await confirm.getByRole('button', { name: 'Confirm for publication' }).click();
    await segment(0).getByTestId('confirmed-marker').waitFor({ timeout: 30_000 });
    expect(await segment(1).getByTestId('confirmed-marker').count()).toBe(0);
    bundle = await step.readBundle(page, PROJECT);
    const confirmed = (bundle.quotes ?? []).filter((q) => q.confirmedBy);
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]!.confirmedBy).toBe(bundle.coders[0]!.id);
    await codeView(page).getByRole('button', { name: 'Close' }).click();

    // a finding linked to the code and to both quotes; the confirmed one shows its marker there too
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Findings', exact: true }).click();
    const form = page.getByRole('form', { name: 'New finding' });
    await form.getByLabel('New finding (a short statement)').fill(STATEMENT);
    await form.getByRole('group', { name: 'Linked codes' }).getByLabel(CODE).check();
    await form.getByRole('button', { name: 'Add finding' }).click();
    const finding = page.getByRole('article', { name: new RegExp(STATEMENT) });
    await finding.waitFor();
    for (let k = 0; k < 2; k++) {
      await finding.getByLabel('Add a starred quote').selectOption({ index: 1 });
      await finding.getByRole('button', { name: 'Add quote' }).click();
      await expect.poll(() => finding.locator('.finding__quotes blockquote').count(), { timeout: 30_000 }).toBe(k + 1);
    }
    await expect.poll(() => finding.getByTestId('confirmed-marker').count(), { timeout: 30_000 }).toBe(1);
    expect(await finding.getByRole('button', { name: 'Confirm for publication…' }).count()).toBe(1);

    // the packs
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Packs', exact: true }).click();
    await page.getByRole('heading', { name: 'Packs', level: 1 }).waitFor();
    bundle = await step.readBundle(page, PROJECT);
    const N = bundle.project.settings.disclosureThreshold;
    const f = bundle.findings.find((x) => x.title === STATEMENT)!;
    expect(f.quoteIds).toHaveLength(2);

    await chooseAudience(page, 'public');
    const shownQuotes = (await page.locator('.pack-preview blockquote').allTextContents()).map((t) => t.trim());
    expect(shownQuotes).toEqual([firstText]);
    expect(makePack(bundle, 'public').blocks.flatMap((b) => (b.kind === 'quote' ? [b.text] : []))).toEqual([firstText]);
    const refused = await page.getByTestId('refused-quotes').textContent();
    expect(refused).toContain('no one has confirmed it is safe to publish');
    expect(refused).toContain(secondText.slice(0, 60));
    const previewText = (await page.locator('.pack-preview').textContent()) ?? '';
    expect(previewText).not.toContain(secondText);
    expect(smallCounts(previewText, N)).toEqual([]);
    await page.locator('.pack-preview blockquote').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'packs-quotes-public-preview');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);

    await chooseAudience(page, 'executive');
    // the one-page chief officers' pack gives each finding its rating sentence (the last reason)
    const expectedStrength = `${STATEMENT} — ${evidenceStrength(bundle, f, { threshold: N }).reasons.at(-1)}`;
    expect(makePack(bundle, 'executive').blocks.flatMap((b) => (b.kind === 'list' ? b.items : []))).toContain(expectedStrength);
    const items = (await page.locator('.pack-preview li').allTextContents()).map((t) => t.trim());
    expect(items).toContain(expectedStrength);
    expect(smallCounts((await page.locator('.pack-preview').textContent()) ?? '', N)).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);
});
