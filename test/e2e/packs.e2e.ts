/**
 * Packs on data imported through the UI (a survey CSV and an interview transcript, through the
 * anonymisation gate, coded in the grid) and on the demo: each preset is built in the Packs
 * workspace, its preview matches the shared builder's document for the same project (read back
 * with the app's own store reader), and HTML and DOCX are exported. The exported HTML is opened in
 * Chromium (no request leaves the file), screenshotted and run through axe (0 serious); the DOCX
 * is unzipped for headings and alt text; the public pack has no table, no count under the
 * threshold and no unconfirmed quote.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, REPO_ROOT, screenshot, SCREENSHOTS, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import { makePack } from '../../shared/packs/make';
import { safeFileName } from '../../shared/export/file-name';
import { AUDIENCE_LABELS, PACK_AUDIENCES, type PackAudience, type PackDocument } from '../../shared/packs/model';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const require = createRequire(import.meta.url);
const PROJECT = 'Packs on imported feedback';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

async function chooseAudience(page: Page, a: PackAudience): Promise<void> {
  await page.getByRole('radio', { name: AUDIENCE_LABELS[a] }).check();
  await page.locator('.pack-preview').waitFor({ timeout: 120_000 });
  await expect.poll(async () => (await page.locator('.pack-preview .pack-h1').first().textContent()) ?? '', { timeout: 120_000 }).not.toBe('');
}

async function exportAs(page: Page, format: 'HTML' | 'DOCX'): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: `Export ${format}` }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Headings of a pack document, as the preview shows them (one level down). */
const headingsOf = (d: PackDocument) => d.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

/** Open exported HTML in a separate Chromium (CSP bypassed only to inject axe), screenshot it, return axe's serious violations and any network request. */
async function inspectHtml(file: string, shot: string): Promise<{ violations: unknown[]; requests: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`), fullPage: false });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string }> }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    });
    return { violations, requests };
  } finally {
    await browser.close();
  }
}

function checkDocx(bytes: Buffer, what: string): void {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml, what).toContain('<w:pStyle w:val="Heading1"/>');
  expect(xml, what).toContain('<w:pStyle w:val="Heading2"/>');
  for (const d of xml.matchAll(/<wp:docPr [^>]*>/g)) expect(d[0], what).toMatch(/descr="[^"]{20,}"/);
}

/** Every "<n> people/participants/documents" in the text with 0 < n < threshold. */
function smallCounts(text: string, threshold: number): string[] {
  return [...text.matchAll(/(\d[\d,]*)\s+(?:of\s+\d[\d,]*\s+)?(people|person|participants?|documents?)\b/g)].map((m) => m[0]).filter((m) => {
    const v = Number(m.split(/\s/)[0]!.replace(/,/g, ''));
    return v > 0 && v < threshold;
  });
}

describe.skipIf(reason !== null)('Packs (Chromium)', () => {
  const app = useApp(hook);

  it('builds every preset on a project imported through the UI, exports HTML and DOCX, and the public pack is safe to publish', async () => {
    const { page, errors } = await app.open();
    const survey = realisticSurvey(400);
    const transcript = realisticTranscript();
    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    for (const c of ['Waiting for updates', 'Treated with respect']) await step.addCode(page, c);
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 14, 1);
    await step.codeGridRows(page, 4, 2, 14);

    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Packs', exact: true }).click();
    await page.getByRole('heading', { name: 'Packs', level: 1 }).waitFor();
    const bundle = await step.readBundle(page, PROJECT);
    const N = bundle.project.settings.disclosureThreshold;

    for (const a of PACK_AUDIENCES) {
      await chooseAudience(page, a);
      const expected = makePack(bundle, a);
      const shown = await page.locator('.pack-preview').locator('h2, h3, h4').allTextContents();
      expect(shown, a).toEqual(headingsOf(expected));
      await screenshot(page, `packs-${a}-preview`);
      const violations = await seriousA11yViolations(page, 'main');
      expect(violations, `${a}: ${JSON.stringify(violations)}`).toEqual([]);

      const html = await exportAs(page, 'HTML');
      expect(html.name).toBe(`${safeFileName(expected.title)}.html`);
      const file = path.join(SCREENSHOTS, `packs-${a}.html`);
      await (await import('node:fs/promises')).writeFile(file, html.bytes);
      const seen = await inspectHtml(file, `packs-${a}-exported`);
      expect(seen.requests, a).toEqual([]);
      expect(seen.violations, a).toEqual([]);
      checkDocx((await exportAs(page, 'DOCX')).bytes, a);

      if (a === 'public') {
        const text = html.bytes.toString('utf8');
        expect(text).not.toMatch(/<table/);
        expect(smallCounts(text.replace(/<[^>]+>/g, ' '), N)).toEqual([]);
        expect(await page.getByTestId('readability').textContent()).toMatch(/reading age about \d+/);
        const confirmed = new Set((bundle.quotes ?? []).filter((q) => q.confirmedBy).map((q) => q.id));
        for (const q of bundle.quotes ?? []) if (!confirmed.has(q.id)) {
          const d = bundle.documents.find((x) => x.id === q.documentId)!;
          expect(text).not.toContain(d.text.slice(q.start, q.end).trim());
        }
        expect(await page.locator('.pack-preview table').count()).toBe(0);
      }
    }
    expect(errors).toEqual([]);
  }, 900_000);

  it('builds the four packs from the demo project', async () => {
    const { page } = await app.open();
    await page.locator('.doc-link').first().waitFor({ timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Packs', exact: true }).click();
    for (const a of PACK_AUDIENCES) {
      await chooseAudience(page, a);
      const charts = await page.locator('.pack-preview [data-testid="chart"] svg').count();
      if (a === 'executive') {
        expect(charts).toBeGreaterThanOrEqual(3);
        expect(charts).toBeLessThanOrEqual(5);
      }
      if (a === 'public') expect(await page.locator('.pack-preview table').count()).toBe(0);
      if (a === 'partners') expect(await page.locator('.pack-preview table').count()).toBeGreaterThan(2);
      await screenshot(page, `packs-demo-${a}`);
    }
  }, 600_000);
});
