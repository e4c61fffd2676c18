/**
 * Safeguarding through the UI on imported data: a transcript with named speakers and a survey CSV
 * (repeated categories, mixed date formats) holding a few current-risk disclosures among past
 * events and police-process talk. The review list must equal the detector's answer on the stored
 * (anonymised) text; one flag is marked reviewed under the coder's name; content notes fold a
 * passage until "Show passage". Screenshots of the review view and a folded passage; axe 0 serious.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { dumpIndexedDb } from './indexeddb-dump';
import { detectSafeguarding } from '../../shared/safeguarding/detect';
import { proposalsFor } from '../../shared/safeguarding/flags';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PROJECT = 'Safeguarding check';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

const TRANSCRIPT = [
  'Interviewer: Thank you for talking to us. How did the police respond when you first called?',
  'Jordan Hayes: They came quickly and the officer was kind. He used to hit me, but that case is closed now.',
  'Interviewer: And how are things at the moment?',
  'Jordan Hayes: He is still coming to my house at night and I am scared he will kill me.',
  'Interviewer: Did the officer ask about your safety?',
  'Jordan Hayes: She asked whether I felt at risk and filled in the form, which was fine.',
].join('\n');

function surveyCsv(): Buffer {
  const rows = [
    ['Response ID', 'Area', 'Contact date', 'How were you treated?'],
    ['S1', 'North', '03/04/2024', 'The officer listened and explained what would happen next.'],
    ['S2', 'South', '2024-04-15', 'Honestly I want to die. Nobody has called me back since the trial.'],
    ['S3', 'North', '20/04/2024', 'Years ago he threatened to kill me. This time the call handler was brilliant.'],
    ['S4', 'North', 'April 2024', 'My ex keeps turning up outside my work even though there is an order.'],
    ['S5', 'South', '05/05/2024', 'I waited three weeks for an update, which was not good enough.'],
    ['S6', 'South', '2024-05-09', 'The kids are not safe with him and social services say it is a police matter.'],
  ];
  return Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n', 'utf8');
}

interface StoredFlag {
  id: string;
  projectId: string;
  documentId: string;
  start: number;
  end: number;
  category: string;
  status: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

async function storedFlags(page: Page, projectId: string): Promise<StoredFlag[]> {
  const all = JSON.parse(await dumpIndexedDb(page)) as { safeguardFlags?: StoredFlag[] };
  return (all.safeguardFlags ?? []).filter((f) => f.projectId === projectId);
}

const key = (f: { documentId: string; start: number; end: number; category: string }) => `${f.documentId}:${f.start}:${f.end}:${f.category}`;

describe.skipIf(reason !== null)('Safeguarding review and content notes (Chromium)', () => {
  const app = useApp(hook);

  it('flags imported disclosures exactly as the detector does, records a review, and folds a passage', async () => {
    const { page, errors } = await app.open();
    await step.createProject(page, PROJECT);
    await step.openWorkspace(page, 'Import');
    await step.chooseFiles(page, [
      { name: 'interview-jordan.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') },
      { name: 'survey.csv', mimeType: 'text/csv', buffer: surveyCsv() },
    ]);
    await step.setRecordIdColumn(page, 'survey.csv', 'Response ID');
    const summary = await step.passGateAndImport(page);
    expect(summary).toContain('Import complete');
    const safeguardLine = page.locator('.import-safeguard');
    await expect.poll(async () => (await safeguardLine.textContent()) ?? '', { timeout: 120_000 }).toMatch(/flagged for safeguarding review|No possible disclosures/);

    // the detector's answer on the stored (anonymised) text of every document
    const bundle = await step.readBundle(page, PROJECT);
    // (in a transcript a passage is kept within its speaker turn: proposalsFor, as the import does)
    const expected = bundle.documents.flatMap((d) => proposalsFor(d.id, detectSafeguarding(d.text), d.turns));
    expect(new Set(expected.map((f) => f.category))).toEqual(new Set(['ongoing-abuse', 'threat-to-life', 'self-harm', 'child-at-risk']));
    // the past account, the process talk and the closed case are not among them
    const passages = expected.map((f) => bundle.documents.find((d) => d.id === f.documentId)!.text.slice(f.start, f.end));
    expect(passages.some((p) => p.includes('Years ago') || p.includes('used to hit') || p.includes('felt at risk'))).toBe(false);
    const flags = await storedFlags(page, bundle.project.id);
    expect(flags.map(key).sort()).toEqual(expected.map(key).sort());
    expect(await safeguardLine.textContent()).toContain(`${expected.length} passages flagged`);
    await screenshot(page, 'safeguarding-import-summary');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the review list shows the same passages, as text; the badge counts them
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: /^Safeguarding/ }).click();
    const list = page.getByRole('list', { name: 'Safeguarding flags' });
    await list.waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(expected.length);
    const shown = (await list.locator('blockquote').allTextContents()).sort();
    expect(shown).toEqual([...passages].sort());
    expect(await page.getByTestId('safeguarding-badge').textContent()).toContain(String(expected.length));
    await screenshot(page, 'safeguarding-review');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // mark the first reviewed – referred: it leaves the open list, under the coder's name
    const first = list.getByRole('listitem').first();
    const firstTitle = await first.getByRole('heading').textContent();
    await first.getByRole('button', { name: 'Reviewed – referred' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(expected.length - 1);
    await expect.poll(async () => (await page.getByTestId('safeguarding-badge').textContent()) ?? '').toContain(String(expected.length - 1));
    const reviewed = (await storedFlags(page, bundle.project.id)).filter((f) => f.status !== 'open');
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]!.status).toBe('reviewed-referred');
    expect(reviewed[0]!.reviewedBy).toBe(bundle.coders[0]!.name);
    expect(reviewed[0]!.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.getByRole('radio', { name: /^Reviewed/ }).check();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByRole('heading').first().textContent()).toBe(firstTitle);
    expect(await list.textContent()).toContain(`Reviewed – referred by ${bundle.coders[0]!.name}`);

    // content notes on: the transcript's disclosure is folded in the Code workspace until opened
    await page.getByRole('checkbox', { name: /^Content notes/ }).check();
    await step.openWorkspace(page, 'Code');
    const transcriptDoc = bundle.documents.find((d) => d.kind === 'transcript')!;
    await page.getByRole('searchbox', { name: /Filter documents/ }).fill(transcriptDoc.title);
    await page.locator('.doc-link', { hasText: transcriptDoc.title }).first().click();
    await page.locator('.doc-header__title', { hasText: transcriptDoc.title }).waitFor();
    const note = page.locator('.content-note', { hasText: 'possible disclosure' }).first();
    await note.waitFor({ timeout: 30_000 });
    expect(await page.locator('.viewer').textContent()).not.toContain('coming to my house');
    // a past account of violence is folded too (distressing), though it is not a flag
    expect(await page.locator('.content-note', { hasText: 'distressing content' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.viewer').textContent()).not.toContain('used to hit me');
    await screenshot(page, 'safeguarding-folded-passage');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await note.getByRole('button', { name: 'Show passage' }).click();
    await expect.poll(async () => (await page.locator('.viewer').textContent()) ?? '').toContain('He is still coming to my house at night');

    // and in the Survey grid: the disclosing answer's cell shows a content note, an ordinary one its text
    await step.openWorkspace(page, 'Survey grid');
    await page.locator('.grid-row').first().waitFor({ timeout: 60_000 });
    await step.gridSettled(page);
    const row = (id: string) => page.locator('.grid-row', { has: page.locator('th', { hasText: new RegExp(`^${id}$`) }) });
    await expect.poll(async () => (await row('S2').textContent()) ?? '').toContain('Content note');
    expect(await row('S2').textContent()).not.toContain('want to die');
    expect(await row('S1').textContent()).toContain('The officer listened');
    await screenshot(page, 'safeguarding-grid-folded');
    expect(errors).toEqual([]);
  }, 300_000);
});
