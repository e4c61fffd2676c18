/**
 * Two tabs on one project (issue 12, items 5 and 7), on a survey and a transcript imported through
 * the UI: a memo edited in both never loses an edit silently (the second save gets the "changed
 * elsewhere" prompt), Undo in one tab never undoes the other's step, and the audit log viewer shows
 * and exports exactly what the store holds (checked against shared/audit's pure CSV).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import * as step from './journey/steps';
import { dumpIndexedDb } from './indexeddb-dump';
import { realisticSurvey, realisticTranscript, SURVEY_COLUMNS } from '../fixtures/realistic/generate';
import { auditCsv, filterAudit } from '../../shared/audit/log';
import type { AuditEvent } from '../../shared/model';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PROJECT = 'Two windows (imported)';
const CODE = 'Kept informed';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/journey/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [step.STORE_HOOK_PATH]: out.outputFiles[0]!.text };
}

/** Focus the code in the codebook and open its memo. */
async function openCodeMemo(page: Page) {
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${CODE}`) }).click();
  await page.getByRole('button', { name: 'Memo…' }).click();
  const dialog = page.getByRole('dialog', { name: `Memo: Code “${CODE}”` });
  await dialog.getByRole('textbox', { name: 'Memo text' }).waitFor();
  await expect.poll(() => dialog.getByRole('textbox', { name: 'Memo text' }).getAttribute('aria-busy')).toBe('false');
  return dialog;
}

const undoButton = (page: Page) => page.getByRole('group', { name: 'History' }).getByRole('button', { name: /^Undo/ });

describe.skipIf(reason !== null)('Two tabs on one project (Chromium)', () => {
  const app = useApp(hook);

  it('a memo saved in both tabs prompts instead of overwriting; Undo in one tab leaves the other tab’s step; the audit log shows and exports what happened', async () => {
    const { page: tab1, context } = await app.open();
    const survey = realisticSurvey(60);
    const transcript = realisticTranscript();
    await step.createProject(tab1, PROJECT);
    await step.openWorkspace(tab1, 'Import');
    await step.chooseFiles(tab1, [
      { name: 'feedback.csv', mimeType: 'text/csv', buffer: Buffer.from(survey.csv, 'utf8') },
      { name: transcript.name, mimeType: 'text/plain', buffer: Buffer.from(transcript.text, 'utf8') },
    ]);
    await step.setRecordIdColumn(tab1, 'feedback.csv', SURVEY_COLUMNS.id);
    await step.mapDateColumn(tab1, 'feedback.csv', SURVEY_COLUMNS.date);
    await step.passGateAndImport(tab1);
    await tab1.getByRole('button', { name: 'Open the Code workspace' }).click();
    await step.addCode(tab1, CODE);

    // the second tab opens the same project (same browser profile)
    const tab2 = await context.newPage();
    await tab2.goto(tab1.url());
    await tab2.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${CODE}`) }).waitFor({ timeout: 60_000 });
    // tab 2 has made no step: its Undo offers nothing of tab 1's
    await expect.poll(() => undoButton(tab2).isDisabled()).toBe(true);
    await expect.poll(async () => (await undoButton(tab1).textContent()) ?? '').toMatch(/^Undo /);

    // both tabs open the memo, tab 1 saves first
    const memo1 = await openCodeMemo(tab1);
    const memo2 = await openCodeMemo(tab2);
    await memo1.getByRole('textbox', { name: 'Memo text' }).fill('Written in tab one.');
    await memo1.getByRole('button', { name: 'Save memo' }).click();
    await memo1.getByText('Memo saved.').waitFor();
    // tab 2's open editor sees the remote save (live query across tabs) before it saves
    await memo2.getByRole('heading', { name: 'This memo was changed elsewhere' }).waitFor({ timeout: 30_000 });
    await memo2.getByRole('textbox', { name: 'Memo text' }).fill('Written in tab two.');
    await memo2.getByRole('button', { name: 'Save memo' }).click();
    const prompt = memo2.getByRole('alert');
    await prompt.getByRole('heading', { name: 'Not saved: this memo was changed elsewhere' }).waitFor();
    expect(await memo2.getByRole('textbox', { name: 'Their version' }).inputValue()).toBe('Written in tab one.');
    expect(await memo2.getByRole('textbox', { name: 'Memo text' }).inputValue()).toBe('Written in tab two.');
    // nothing was overwritten: the store holds tab one's text
    const stored = async () => (await step.readBundle(tab2, PROJECT)).memos.find((m) => m.target.kind === 'code')?.text;
    expect(await stored()).toBe('Written in tab one.');
    await screenshot(tab2, 'two-windows-memo-conflict');
    expect(await seriousA11yViolations(tab2)).toEqual([]);

    // overwriting is an explicit second choice
    await prompt.getByRole('button', { name: 'Overwrite with mine' }).click();
    await memo2.getByText('Memo saved.').waitFor();
    expect(await stored()).toBe('Written in tab two.');
    await memo2.getByRole('button', { name: 'Close' }).click();
    await memo1.getByRole('button', { name: 'Close' }).click();

    // tab 1 makes another step; tab 2's Undo offers only its own (the memo overwrite) and undoes only that
    await step.addCode(tab1, 'Tab one only');
    await expect.poll(async () => (await undoButton(tab2).textContent()) ?? '').toBe('Undo Edit memo on the code');
    await undoButton(tab2).click();
    await expect.poll(stored).toBe('Written in tab one.');
    await expect.poll(() => undoButton(tab2).isDisabled()).toBe(true);
    const codes = (await step.readBundle(tab2, PROJECT)).codes.map((c) => c.name);
    expect(codes).toEqual(expect.arrayContaining([CODE, 'Tab one only']));
    await expect.poll(async () => (await undoButton(tab1).textContent()) ?? '').toBe('Undo Rename “New code”');

    // tab 2 renames tab 1's new code: tab 1's Undo of its rename would revert tab 2's edit, so it is refused, visibly
    await tab2.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Tab one only/ }).click();
    await tab2.getByRole('button', { name: 'Rename', exact: true }).click();
    await tab2.getByRole('textbox', { name: 'Code name' }).fill('Renamed in tab two');
    await tab2.getByRole('textbox', { name: 'Code name' }).press('Enter');
    await tab1.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Renamed in tab two/ }).waitFor({ timeout: 30_000 });
    await undoButton(tab1).click();
    await expect.poll(async () => (await tab1.getByRole('group', { name: 'History' }).getByRole('alert').textContent()) ?? '').toBe('Not undone: Rename “New code”. A later change made in another tab or window touched the same data, and undoing this here would revert that change.Dismiss');
    expect((await step.readBundle(tab1, PROJECT)).codes.map((c) => c.name)).toContain('Renamed in tab two');
    await screenshot(tab1, 'two-windows-undo-refused');

    // the audit log viewer (project menu), filtered, exported, against the store and the pure CSV
    await tab1.getByRole('button', { name: 'Audit log…' }).click();
    const viewer = tab1.getByRole('dialog', { name: 'Audit log' });
    const table = viewer.getByRole('region', { name: 'Audit entries' });
    await table.getByRole('row').nth(1).waitFor();
    const coder = (await tab1.getByLabel('Coding as').locator('option:checked').textContent())!.replace(/\s*\(.*\)$/, '');
    const pid = (await step.readBundle(tab1, PROJECT)).project.id;
    const log = (JSON.parse(await dumpIndexedDb(tab1)) as { audit: AuditEvent[] }).audit.filter((a) => a.projectId === pid).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    expect(log.filter((a) => a.action === 'import.commit')).toHaveLength(2);
    expect(log.filter((a) => a.actor !== coder).map((a) => a.action)).toEqual([]);
    expect(JSON.stringify(log.map(({ actor: _a, ...r }) => r))).not.toContain('Written in tab');
    await expect.poll(async () => (await viewer.getByText(/entries, newest first/).textContent()) ?? '').toBe(`${log.length} of ${log.length} entries, newest first.`);
    await screenshot(tab1, 'two-windows-audit-log');
    expect(await seriousA11yViolations(tab1)).toEqual([]);

    await viewer.getByLabel('Action').selectOption('import');
    await expect.poll(async () => (await viewer.getByText(/entries, newest first/).textContent()) ?? '').toBe(`2 of ${log.length} entries, newest first.`);
    const [download] = await Promise.all([tab1.waitForEvent('download'), viewer.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toBe(auditCsv(filterAudit(log, { groups: ['import'] })));
    expect(download.suggestedFilename()).toBe(`${PROJECT} audit log.csv`);
    // the export itself is now on the record (the viewer is live)
    await viewer.getByLabel('Action').selectOption('export');
    await expect.poll(async () => (await table.getByRole('row').nth(1).textContent()) ?? '').toContain('Export: audit (CSV)');
  }, 600_000);
});
