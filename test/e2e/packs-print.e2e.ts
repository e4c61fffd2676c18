/**
 * On a project imported through the UI (a survey CSV and an interview transcript, coded in the
 * grid): a finding's audiences are ticked and its recommendations reordered from the keyboard (the
 * store then holds what the screen shows); the chief officers' pack leaves out a finding meant for
 * partners only, and its exported HTML prints on ONE A4 page in Chromium (page.pdf, as Electron's
 * printToPDF does) — looked at in a screenshot with print media — as does the PDF the browser
 * exports with pdfmake; an unsaved template edit survives switching audience and back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, REPO_ROOT, screenshot, SCREENSHOTS, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import { makePack } from '../../shared/packs/make';
import { AUDIENCE_LABELS } from '../../shared/packs/model';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const PROJECT = 'One-page pack on imported feedback';
const CODES = ['Waiting for updates', 'Treated with respect'] as const;
const F1 = 'Victims waited too long for updates';
const F2 = 'Partners saw respect vary between teams';
const RECS = ['Name a contact for every victim', 'Send an update every 28 days', 'Audit update letters each quarter'];

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

/** Page objects in a PDF ("/Type /Page", not "/Pages"). */
const pdfPages = (pdf: Buffer | Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

const card = (page: Page, title: string) => page.getByRole('article', { name: new RegExp(title) });

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let v = await read();
  for (const end = Date.now() + 60_000; !ok(v); v = await read()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return v;
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: button }).click()]);
  return readFile((await d.path())!);
}

/** Print an HTML file in a separate Chromium as A4 (what printToPDF does), screenshot it with print media at the A4 content width; returns the page count. */
async function printHtml(file: string, shot: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // 182 mm (A4 less the pack's 14 mm margins) at 96 dpi
    const page = await browser.newPage({ viewport: { width: 688, height: 1032 } });
    const requests: string[] = [];
    page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
    await page.goto(`file://${file}`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(path.join(SCREENSHOTS, `${shot}.pdf`), pdf);
    expect(requests).toEqual([]);
    return pdfPages(pdf);
  } finally {
    await browser.close();
  }
}

describe.skipIf(reason !== null)('One-page pack, finding audiences and order (Chromium)', () => {
  const app = useApp(hook);

  it('imported data: audiences and recommendation order from the keyboard; the chief officers’ pack prints on one A4 page; template drafts survive an audience switch', async () => {
    const { page, errors } = await app.open();
    await step.importSurveyAndTranscript(page, PROJECT, realisticSurvey(400), realisticTranscript());
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    for (const c of CODES) await step.addCode(page, c);
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 14, 1);
    await step.codeGridRows(page, 4, 2, 14);

    // findings: two, the first with three recommendations
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Findings', exact: true }).click();
    const form = page.getByRole('form', { name: 'New finding' });
    for (const [title, code] of [[F1, CODES[0]], [F2, CODES[1]]] as const) {
      await form.getByLabel('New finding (a short statement)').fill(title);
      await form.getByRole('group', { name: 'Linked codes' }).getByLabel(code).check();
      await form.getByRole('button', { name: 'Add finding' }).click();
      await card(page, title).waitFor({ timeout: 60_000 });
    }
    for (const r of RECS) {
      await card(page, F1).getByLabel('New recommendation').fill(r);
      await card(page, F1).getByRole('button', { name: 'Add recommendation' }).click();
      await card(page, F1).getByText(r).waitFor();
    }
    const recsInStore = async () => {
      const b = await step.readBundle(page, PROJECT);
      const f = b.findings.find((x) => x.title === F1)!;
      return (b.recommendations ?? []).filter((r) => r.findingId === f.id).sort((x, y) => x.order - y.order).map((r) => r.text);
    };
    expect(await recsInStore()).toEqual(RECS);

    // keyboard: the third recommendation up one place, then (focus kept on it) up again
    await card(page, F1).getByRole('button', { name: 'Move recommendation 3 up' }).focus();
    await page.keyboard.press('Enter');
    await until(recsInStore, (v) => v[1] === RECS[2], 'the move');
    expect(await recsInStore()).toEqual([RECS[0], RECS[2], RECS[1]]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 30_000 }).toBe('Move recommendation 2 up');
    await page.keyboard.press('Enter');
    await until(recsInStore, (v) => v[0] === RECS[2], 'the second move');
    expect(await recsInStore()).toEqual([RECS[2], RECS[0], RECS[1]]);
    // at the top, the focus moves to its Down button (Up is disabled)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 30_000 }).toBe('Move recommendation 1 down');
    const shown = await card(page, F1).locator('.rec__text bdi').allTextContents();
    expect(shown).toEqual([RECS[2], RECS[0], RECS[1]]);

    // keyboard: the second finding goes to partners only
    const partners = card(page, F2).getByRole('group', { name: 'Packs that carry finding 2' }).getByRole('checkbox', { name: 'Partners and analysts' });
    await partners.focus();
    await page.keyboard.press('Space');
    const audiences = await until(async () => (await step.readBundle(page, PROJECT)).findings.find((f) => f.title === F2)!.audiences, (a) => a.length > 0, 'the audience');
    expect(audiences).toEqual(['partners']);
    expect(await partners.isChecked()).toBe(true);
    await screenshot(page, 'findings-audiences-order');
    const violations = await seriousA11yViolations(page, 'main');
    expect(violations, JSON.stringify(violations)).toEqual([]);

    // the chief officers' pack: F1 in, F2 (partners only) out, figures as the shared builder has them
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Packs', exact: true }).click();
    await page.getByRole('heading', { name: 'Packs', level: 1 }).waitFor();
    await page.getByRole('radio', { name: AUDIENCE_LABELS.executive }).check();
    await page.locator('.pack-preview').waitFor({ timeout: 120_000 });
    const bundle = await step.readBundle(page, PROJECT);
    const expected = makePack(bundle, 'executive');
    const list = (d: typeof expected, heading: string) => {
      const i = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
      const b = d.blocks.slice(i + 1).find((x) => x.kind === 'list' || x.kind === 'heading');
      return b?.kind === 'list' ? b.items : [];
    };
    const headlines = list(expected, 'Headline findings');
    expect(headlines.some((h) => h.startsWith(F1))).toBe(true);
    expect(headlines.some((h) => h.startsWith(F2))).toBe(false);
    const preview = page.locator('.pack-preview');
    await expect.poll(() => preview.textContent(), { timeout: 60_000 }).toContain(headlines[0]!);
    expect(await preview.textContent()).not.toContain(F2);
    // decisions asked for: the recommendations in their new order
    expect(list(expected, 'Decisions asked for')).toEqual([RECS[2], RECS[0], RECS[1]]);

    const html = await download(page, 'Export HTML');
    const file = path.join(SCREENSHOTS, 'packs-executive-print.html');
    await writeFile(file, html);
    expect(html.toString('utf8')).toContain('<main class="one-page">');
    expect(await printHtml(file, 'packs-executive-printed')).toBe(1);
    // the browser's PDF (pdfmake; the Electron app prints the HTML instead) is one page too
    const pdf = await download(page, 'Export PDF');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);

    // an unsaved template edit is kept while another audience is looked at
    await page.getByRole('button', { name: 'Edit the template' }).click();
    await page.getByLabel('Pack title').fill('Briefing: draft title kept');
    await page.getByRole('radio', { name: AUDIENCE_LABELS.practitioners }).check();
    await expect.poll(() => page.getByLabel('Pack title').inputValue(), { timeout: 30_000 }).not.toBe('Briefing: draft title kept');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'unsaved changes' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('radio', { name: /Chief officers \(unsaved changes\)/ }).count()).toBe(1);
    const packViolations = await seriousA11yViolations(page, 'main');
    expect(packViolations, JSON.stringify(packViolations)).toEqual([]);
    await page.getByRole('radio', { name: /Chief officers/ }).check();
    await expect.poll(() => page.getByLabel('Pack title').inputValue(), { timeout: 30_000 }).toBe('Briefing: draft title kept');
    await expect.poll(() => page.locator('.pack-preview .pack-h1').first().textContent(), { timeout: 30_000 }).toBe('Briefing: draft title kept');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.getByLabel('Pack title').inputValue(), { timeout: 30_000 }).toBe(expected.title);
    expect(await page.getByRole('radio', { name: /unsaved changes/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'were discarded' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'packs-template-draft');
    expect(errors).toEqual([]);
  }, 900_000);
});
