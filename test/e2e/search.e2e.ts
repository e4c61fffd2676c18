import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { autocodeBySpeaker } from '../../shared/coding/autocode';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

/** Codings in the store, read straight from IndexedDB. */
function countCodings(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('codings').objectStore('codings').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The value of the option of `select` whose text ends with `name`. */
async function optionValue(page: Page, select: string, name: string): Promise<string> {
  return page.locator(`${select} option`).evaluateAll((els, name) => {
    const o = (els as HTMLOptionElement[]).find((e) => (e.textContent ?? '').trim() === name);
    if (!o) throw new Error(`no option ${name}`);
    return o.value;
  }, name);
}

const previewCount = async (page: Page) => {
  const text = (await page.locator('.preview-box__count').first().textContent()) ?? '';
  const m = /Will code ([\d,]+) segments? in ([\d,]+) documents?/.exec(text);
  if (!m) throw new Error(`no count in “${text}”`);
  return { segments: Number(m[1]!.replace(/,/g, '')), documents: Number(m[2]!.replace(/,/g, '')) };
};

/** Go to a workspace once the demo project has opened (the first start builds it, which can be slow on a busy machine). */
async function goTo(page: Page, label: string) {
  await page.getByText('all people and places are fictional').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: label }).click();
}

async function openSearch(page: Page) {
  await goTo(page, 'Search & autocode');
  await page.getByRole('searchbox', { name: 'Search for' }).waitFor();
}

describe.skipIf(reason !== null)('Search, autocode and suggestions (Chromium)', () => {
  const app = useApp();

  it('searches by word form with keyword-in-context lines, explains a bad regex, and codes all hits as sentences', async () => {
    const s = await app.open();
    const { page } = s;
    await openSearch(page);
    const box = page.getByRole('searchbox', { name: 'Search for' });
    await box.fill('believe');
    await page.locator('.kwic-row').first().waitFor();
    await expect.poll(() => page.locator('.search-summary').textContent()).toMatch(/^[\d,]+ hits? in [\d,]+ documents?\./);
    const matches = await page.locator('.kwic-row__match').allTextContents();
    expect(matches.length).toBeGreaterThan(3);
    for (const m of matches) expect(m.toLowerCase()).toMatch(/^believ/);
    // "believed" is found by the stem of "believe"
    expect(matches.some((m) => m.toLowerCase() !== 'believe')).toBe(true);
    expect(await page.locator('.kwic-row__meta').first().textContent()).toMatch(/ · /);
    await screenshot(page, 'search-stemmed');
    let violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    await page.getByRole('combobox', { name: 'Match', exact: true }).selectOption('regex');
    await box.fill('(unclosed');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not a valid regular expression/);
    expect(await page.locator('.kwic-row').count()).toBe(0);
    await screenshot(page, 'search-bad-regex');

    // Code all hits of a whole-word search as their sentences.
    await page.getByRole('combobox', { name: 'Match', exact: true }).selectOption('word');
    await box.fill('phone');
    await page.locator('.kwic-row').first().waitFor();
    const codeId = await optionValue(page, '#code-hits-code', 'Chasing for news');
    const codeAll = page.getByRole('region', { name: 'Code all hits' });
    await codeAll.getByRole('combobox', { name: 'Code', exact: true }).selectOption(codeId);
    await codeAll.getByRole('combobox', { name: 'What to code' }).selectOption('sentence');
    await codeAll.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.preview-box__count').waitFor();
    const { segments } = await previewCount(page);
    expect(segments).toBeGreaterThan(0);
    await screenshot(page, 'search-code-all-preview');
    const before = await countCodings(page);
    await page.getByRole('button', { name: 'Apply as one step' }).click();
    await expect.poll(() => countCodings(page)).toBe(before + segments);
    await expect.poll(() => page.locator('.search-panel .apply-status').textContent()).toMatch(/^Coded [\d,]+ segments? as .*Chasing for news/);

    // Clicking a result goes to the Code workspace with the target stored for it.
    await page.locator('.kwic-row').first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/code');
    expect(s.errors).toEqual([]);
    violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 150_000);

  it('autocodes from a code’s keywords with a preview, as one step', async () => {
    const s = await app.open();
    const { page } = s;
    await openSearch(page);
    const keywords = page.getByRole('textbox', { name: /^Keywords for .*Safety and safeguarding$/ });
    await keywords.fill('frightened, scared');
    await keywords.press('Enter');
    const use = page.getByRole('checkbox', { name: /^Autocode .*Safety and safeguarding$/ });
    await expect.poll(() => use.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Preview autocoding' }).click();
    await page.locator('.autocode-panel .preview-box__count').waitFor();
    const text = (await page.locator('.autocode-panel .preview-box__count').textContent()) ?? '';
    const segments = Number(/Will code ([\d,]+) segment/.exec(text)![1]!.replace(/,/g, ''));
    expect(segments).toBeGreaterThan(0);
    const samples = await page.locator('.autocode-panel .preview-box__samples li').allTextContents();
    expect(samples.length).toBeGreaterThan(0);
    for (const t of samples) expect(t.toLowerCase()).toMatch(/frighten|scare/);
    await screenshot(page, 'autocode-preview');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    const before = await countCodings(page);
    await page.locator('.autocode-panel').getByRole('button', { name: 'Apply as one step' }).click();
    await expect.poll(() => countCodings(page)).toBe(before + segments);
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('autocodes a speaker’s turns: the speakers are the stored transcripts’, and the preview counts that speaker’s turns', async () => {
    const s = await app.open();
    const { page } = s;
    // a code nothing is coded with yet, so the preview is every turn of the speaker
    await page.getByText('all people and places are fictional').waitFor({ timeout: 60_000 });
    await page.getByRole('toolbar', { name: 'Codebook actions' }).getByRole('button', { name: 'New code' }).click();
    const rename = page.getByRole('textbox', { name: 'Code name' });
    await rename.fill('Speaker check');
    await rename.press('Enter');
    await page.getByRole('treeitem', { name: /Speaker check/ }).waitFor();
    await openSearch(page);
    await page.locator('.autocode-panel').getByRole('radio', { name: 'Speaker' }).check();
    // the transcripts as the store has them: their speakers, and the pure function's segments for one
    const docs = await page.evaluate(
      () =>
        new Promise<{ id: string; text: string; participantId: null; turns: { speaker: string; start: number; end: number }[] }[]>((resolve, reject) => {
          const open = indexedDB.open('chorus');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('documents').objectStore('documents').getAll();
            req.onsuccess = () => {
              open.result.close();
              resolve((req.result as { id: string; turns?: { speaker: string; start: number; end: number }[] }[]).map((d) => ({ id: d.id, text: '', participantId: null, turns: d.turns ?? [] })));
            };
            req.onerror = () => reject(req.error);
          };
        }),
    );
    const turns: Record<string, number> = {};
    for (const d of docs) for (const t of d.turns) turns[t.speaker] = (turns[t.speaker] ?? 0) + 1;
    const listed = (await page.locator('#autocode-speaker option').allTextContents()).slice(1);
    expect([...listed].sort()).toEqual(Object.keys(turns).sort());
    expect(listed.length).toBeGreaterThan(1);
    const who = listed[0]!;
    await page.locator('#autocode-speaker').selectOption(who);
    await page.locator('#autocode-speaker-code').selectOption(await optionValue(page, '#autocode-speaker-code', 'Speaker check'));
    await page.getByRole('button', { name: 'Preview autocoding' }).click();
    await page.locator('.autocode-panel .preview-box__count').waitFor();
    const text = (await page.locator('.autocode-panel .preview-box__count').textContent()) ?? '';
    expect(Number(/Will code ([\d,]+) segment/.exec(text)![1]!.replace(/,/g, ''))).toBe(autocodeBySpeaker(docs, who, 'code').length);
    expect(turns[who]).toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('shows cross-validated quality, and accepting a suggestion with the keyboard adds a coding that can be undone', async () => {
    const s = await app.open();
    const { page } = s;
    await goTo(page, 'Suggestions');
    const table = page.getByRole('table', { name: /How well the suggestions matched/ });
    await table.waitFor({ timeout: 30_000 });
    expect(await table.getByRole('row').count()).toBeGreaterThan(3);
    const header = await table.getByRole('columnheader').allTextContents();
    expect(header).toEqual(expect.arrayContaining(['Precision', 'Recall']));
    expect(await table.locator('td').filter({ hasText: /^\d+%$/ }).count()).toBeGreaterThan(0);
    // Every demo response is coded already: ask for codes they may be missing.
    await page.getByRole('combobox', { name: 'For', exact: true }).selectOption('all');
    await page.getByRole('combobox', { name: 'At least' }).selectOption('0.5');
    const list = page.getByRole('listbox', { name: /Suggestions/ });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    expect(await list.getByRole('option').first().textContent()).toMatch(/\d+% confident/);
    await screenshot(page, 'suggestions');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    const options = await list.getByRole('option').count();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    const chosen = (await list.locator('[aria-selected="true"]').textContent())!;
    const before = await countCodings(page);
    await page.keyboard.press('a');
    await expect.poll(() => countCodings(page)).toBe(before + 1);
    // the accepted suggestion leaves the list
    await expect.poll(() => list.getByRole('option').count()).toBe(options - 1);
    expect(await list.getByRole('option').allTextContents()).not.toContain(chosen);
    await screenshot(page, 'suggestion-accepted');

    // Reject the next one: it stays hidden after a reload-free retrain.
    const next = (await list.locator('[aria-selected="true"]').textContent())!;
    await page.keyboard.press('r');
    await expect.poll(() => list.getByRole('option').count()).toBe(options - 2);
    expect(await list.getByRole('option').allTextContents()).not.toContain(next);

    // Undo the accepted coding: Ctrl+Z if the app handles it globally, else this screen's Undo.
    await list.focus();
    await page.keyboard.press('Control+z');
    const undone = await expect
      .poll(() => countCodings(page), { timeout: 1500 })
      .toBe(before)
      .then(
        () => true,
        () => false,
      );
    if (!undone) {
      console.warn('Ctrl+Z is not wired to undo yet; using the Undo button on the Suggestions screen');
      await page.locator('.suggest-list .apply-status').getByRole('button', { name: 'Undo the last coding step' }).click();
      await expect.poll(() => countCodings(page)).toBe(before);
    }
    expect(s.errors).toEqual([]);
  }, 150_000);
});
