/**
 * The Findings workspace on a project imported through the UI (a survey CSV with repeated
 * categories and mixed dates, and a transcript with named speakers): code it with two coders,
 * write a finding linked to a code and a starred quote, add a recommendation and two actions (one
 * not actioned, which is refused until it has a reason), check every strength figure and the
 * method statement against the shared/ pure functions on the project as the store holds it, undo
 * and redo, reload, read "You said, we did"; screenshots; axe finds nothing serious.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { realisticSurvey, realisticTranscript } from '../fixtures/realistic/generate';
import * as step from './journey/steps';
import { evidenceStrength } from '../../shared/findings/strength';
import { methodStatement, projectFigures } from '../../shared/findings/method';
import type { ProjectBundle } from '../../shared/model';

const reason = skipReason();
const PROJECT = 'Findings from imported feedback';
const HOOK = '/__test__/findings-store.js';
const CODES = ['Waiting for updates', 'Treated with respect'];
const QUOTE = 'Were you kept updated?';
const STATEMENT = 'People were not kept up to date about their case';

async function hook(): Promise<Record<string, string>> {
  const out = await build({ entryPoints: [path.join(REPO_ROOT, 'test/e2e/findings/store-hook.ts')], bundle: true, format: 'esm', write: false, platform: 'browser', target: 'chrome120', logLevel: 'error' });
  return { [HOOK]: out.outputFiles[0]!.text };
}

async function store<T>(page: Page, method: 'bundle' | 'starQuote', ...args: string[]): Promise<T> {
  if (!(await page.evaluate(() => '__findingsStore' in window))) {
    await page.addScriptTag({ url: new URL(HOOK, page.url()).href, type: 'module' });
    await page.waitForFunction(() => '__findingsStore' in window);
  }
  return page.evaluate(({ method, args }) => (window as unknown as { __findingsStore: Record<string, (...a: string[]) => Promise<unknown>> }).__findingsStore[method]!(...args), { method, args }) as Promise<T>;
}

const openFindings = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Findings', exact: true }).click();
const view = (page: Page, name: string) => page.getByRole('navigation', { name: 'Findings views' }).getByRole('button', { name }).click();
const SECOND = 'Officers treated people with respect';
const finding = (page: Page, title = STATEMENT) => page.getByRole('article', { name: new RegExp(title) });
const settled = (page: Page) => page.waitForFunction(() => document.querySelector('main.findings')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });

/** The strength figures and rating the screen shows for the finding. */
async function shownStrength(page: Page, title = STATEMENT) {
  const panel = finding(page, title).getByRole('region', { name: 'Strength of evidence' });
  await panel.locator('[data-rating]').waitFor({ timeout: 60_000 });
  const fig = (k: string) => panel.locator(`[data-figure="${k}"]`).textContent();
  return {
    rating: await panel.locator('[data-rating]').getAttribute('data-rating'),
    participants: await fig('participants'),
    documents: await fig('documents'),
    kinds: await fig('kinds'),
    kappa: await fig('kappa'),
    reasons: await panel.locator('.strength__reasons li').allTextContents(),
  };
}

function expectedStrength(bundle: ProjectBundle, title = STATEMENT) {
  const f = bundle.findings.find((x) => x.title === title)!;
  const s = evidenceStrength(bundle, f);
  return {
    rating: s.rating,
    participants: s.participants.toLocaleString('en-GB'),
    documents: s.documents.toLocaleString('en-GB'),
    kinds: s.sourceKinds.length ? `${s.sourceKinds.length} (${s.sourceKinds.join(', ')})` : '0',
    kappa: s.agreement ? (s.agreement.kappa === null ? 'not defined' : s.agreement.kappa.toFixed(2)) : 'one coder',
    reasons: s.reasons,
  };
}

async function addAction(page: Page, fields: { what: string; owner: string; due?: string; status: string; reason?: string; outcome?: string }) {
  const card = finding(page);
  const details = card.locator('details.rec__add').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const form = details.getByRole('form', { name: 'Add action' });
  await form.getByLabel('What will be done').fill(fields.what);
  await form.getByLabel('Owner').fill(fields.owner);
  if (fields.due) await form.getByLabel('Due').fill(fields.due);
  await form.getByLabel('Status').selectOption(fields.status);
  if (fields.reason !== undefined) await form.getByLabel(/Why it could not be done/).fill(fields.reason);
  if (fields.outcome) await form.getByLabel(/What we did/).fill(fields.outcome);
  await form.getByRole('button', { name: 'Add action' }).click();
}

describe.skipIf(reason !== null)('Findings workspace on imported data (Chromium)', () => {
  const app = useApp(hook);

  it('finding → recommendation → actions, strength equal to the pure function, undo/redo, reload, you said we did', async () => {
    const s = await app.open();
    const { page } = s;
    const survey = realisticSurvey(40);
    const transcript = realisticTranscript();

    // 1. import through the UI and code with two coders (grid answers and the transcript)
    await step.importSurveyAndTranscript(page, PROJECT, survey, transcript);
    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    for (const c of CODES) await step.addCode(page, c);
    await step.openWorkspace(page, 'Survey grid');
    await step.codeGridRows(page, 7, 1);
    await step.codeGridRows(page, 3, 2, 7);
    await step.openWorkspace(page, 'Code');
    await step.openDocument(page, 'interview-nield');
    await step.codeWords(page, QUOTE, CODES[0]!);
    await step.addCoder(page, 'Second Coder');
    await step.codeWords(page, QUOTE, CODES[0]!);
    await store(page, 'starQuote', PROJECT, 'interview-nield', QUOTE);

    // 2. a finding linked to a code, then a quote
    await openFindings(page);
    await page.getByRole('heading', { name: 'Findings', level: 2 }).waitFor();
    const form = page.getByRole('form', { name: 'New finding' });
    await form.getByLabel('New finding (a short statement)').fill(STATEMENT);
    await form.getByRole('group', { name: 'Linked codes' }).getByLabel(CODES[0]!).check();
    await form.getByRole('button', { name: 'Add finding' }).click();
    await finding(page).waitFor();
    await finding(page).getByLabel('Add a starred quote').selectOption({ label: QUOTE });
    await finding(page).getByRole('button', { name: 'Add quote' }).click();
    await expect.poll(() => finding(page).locator('blockquote').allTextContents()).toEqual([QUOTE]);

    // a second finding, moved above the first
    await form.getByLabel('New finding (a short statement)').fill(SECOND);
    await form.getByRole('group', { name: 'Linked codes' }).getByLabel(CODES[1]!).check();
    await form.getByRole('button', { name: 'Add finding' }).click();
    await finding(page, SECOND).waitFor();
    await page.getByRole('button', { name: 'Move finding 2 up' }).click();
    const order = () => page.locator('.findings__list article h3').allTextContents();
    await expect.poll(order).toEqual([`1. ${SECOND}`, `2. ${STATEMENT}`]);

    // 3. a recommendation and two actions; "not actioned" is refused without a reason
    await finding(page).getByLabel('New recommendation').fill('Update every victim at least every 28 days');
    await finding(page).getByRole('button', { name: 'Add recommendation' }).click();
    await finding(page).getByText('Update every victim at least every 28 days').waitFor();
    await addAction(page, { what: 'Automatic update letters from the crime system', owner: 'Victim Care Unit', due: '2027-03-31', status: 'in progress' });
    await finding(page).getByRole('cell', { name: 'Automatic update letters from the crime system', exact: true }).waitFor();
    await addAction(page, { what: 'Text message updates', owner: 'Digital team', status: 'not actioned', reason: '' });
    await expect.poll(() => page.locator('.findings__status').textContent()).toMatch(/“not actioned” needs a reason/);
    await addAction(page, { what: 'Text message updates', owner: 'Digital team', status: 'not actioned', reason: 'The force’s text service is not approved for victims’ details yet' });
    await finding(page).getByRole('cell', { name: /text service is not approved/ }).waitFor();
    expect(await finding(page).locator('tbody tr').count()).toBe(2);

    // 4. strength of evidence on screen = evidenceStrength on the project as stored
    await settled(page);
    const bundle = await store<ProjectBundle>(page, 'bundle', PROJECT);
    expect(new Set(bundle.codings.map((c) => c.coderId)).size).toBe(2);
    const expected = expectedStrength(bundle);
    expect(await shownStrength(page)).toEqual(expected);
    expect(await shownStrength(page, SECOND)).toEqual(expectedStrength(bundle, SECOND));
    expect(Number(expected.participants)).toBeGreaterThan(1);
    expect(expected.kinds).toMatch(/^2 \(survey, interview\)/);
    await screenshot(page, 'findings-1-actions');
    await page.locator('main.findings').evaluate((m) => m.scrollTo(0, 0));
    await screenshot(page, 'findings-1-finding');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);

    // 5. undo removes the last action, redo brings it back
    const history = page.getByRole('group', { name: 'History' });
    await history.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => finding(page).locator('tbody tr').count()).toBe(1);
    await history.getByRole('button', { name: /^Redo/ }).click();
    await expect.poll(() => finding(page).locator('tbody tr').count()).toBe(2);

    // 6. reload: all still there, the same figures
    await page.reload();
    await page.locator('.app-header').waitFor();
    await page.getByRole('heading', { name: 'Findings', level: 2 }).waitFor({ timeout: 60_000 });
    await finding(page).waitFor();
    await expect.poll(() => finding(page).locator('tbody tr').count()).toBe(2);
    await expect.poll(order).toEqual([`1. ${SECOND}`, `2. ${STATEMENT}`]);
    await settled(page);
    expect(await shownStrength(page)).toEqual(expected);

    // 7. you said, we did
    await view(page, 'You said, we did');
    const said = page.getByRole('region', { name: 'You said, we did' });
    await said.getByText(`You said: ${STATEMENT}`).waitFor();
    expect(await said.locator('[data-kind="we are doing"]').textContent()).toBe('We are doing: Automatic update letters from the crime system (by 2027-03-31)');
    expect(await said.locator('[data-kind="we could not"]').textContent()).toBe('We could not: Text message updates. Why not: The force’s text service is not approved for victims’ details yet');
    await screenshot(page, 'findings-2-you-said-we-did');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);

    // 8. the method path: the statement is methodStatement of the project's figures; a check ticks and persists
    await view(page, 'Method');
    await settled(page);
    const statement = page.getByTestId('method-statement');
    const after = await store<ProjectBundle>(page, 'bundle', PROJECT);
    await expect.poll(() => statement.textContent()).toBe(methodStatement(projectFigures(after)));
    const check = page.getByLabel('Every source has been read through at least once');
    await check.click(); // a controlled checkbox: it shows the stored state once the command has run
    await expect.poll(() => check.isChecked()).toBe(true);
    await expect.poll(async () => (await store<ProjectBundle>(page, 'bundle', PROJECT)).project.settings.methodChecks).toEqual(['familiarise.read']);
    await screenshot(page, 'findings-3-method');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 400_000);
});
