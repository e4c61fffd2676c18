import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const QDC_DIR = path.resolve(REPO_ROOT, '../shared/data/refi-qda');
const ATLAS_QDC = path.join(QDC_DIR, 'atlasti23.4win_requal_codebook_valid.qdc');
const TRUNCATED_QDC = path.join(QDC_DIR, 'atlasti23.4win_requal_codebook_TRUNCATED_invalid.qdc');
const haveQdc = existsSync(ATLAS_QDC) && existsSync(TRUNCATED_QDC);
if (!haveQdc) console.warn(`.qdc import checks skipped: ${QDC_DIR} is absent`);

const tree = (page: Page) => page.getByRole('tree', { name: 'Codebook' });
const treeItem = (page: Page, name: string) => tree(page).locator('[role="treeitem"]', { has: page.locator('.code-row__name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
const codingItems = (page: Page) => page.locator('.coding-list__item');
/**
 * How many codings the list holds: its heading's count. A long list renders only the items near
 * the view (CodingList virtualises), so counting `.coding-list__item` elements would undercount.
 */
const codingCount = (page: Page) => page.evaluate(() => Number(/\((\d+)\)/.exec(document.querySelector('#coding-list-title .count')?.textContent ?? '')?.[1] ?? NaN));
const countIs = (page: Page, n: number) =>
  page.waitForFunction((n) => document.querySelector('#coding-list-title .count')?.textContent === `(${n})`, n);

/** The coder initials of every item in the list, by position: scrolls a virtualised list through. */
async function allCoders(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('.coding-list')!;
    const byPos = new Map<number, string>();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    list.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 1000; guard++) {
      for (const li of list.querySelectorAll<HTMLElement>('.coding-list__item')) byPos.set(Number(li.getAttribute('aria-posinset')), li.querySelector('.coding-list__coder')?.textContent ?? '');
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
      list.scrollTop += Math.max(50, list.clientHeight - 40);
      await frame();
    }
    list.scrollTop = 0;
    await frame();
    return [...byPos].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  });
}
const status = (page: Page) => page.locator('p.status');
const undoButton = (page: Page) => page.locator('.undo-redo button').nth(0);
const redoButton = (page: Page) => page.locator('.undo-redo button').nth(1);

async function waitForDemo(page: Page) {
  await page.getByText('all people and places are fictional').waitFor();
  await tree(page).locator('[role="treeitem"]').first().waitFor();
}

/** Open documents until one shows codings by both demo coders; returns its title. */
async function openDocWithBothCoders(page: Page): Promise<string> {
  const links = page.locator('.doc-link');
  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const title = (await links.nth(i).textContent()) ?? '';
    await links.nth(i).click();
    // the header changes in the same render that drops the last document's list, and the list
    // comes back once this document's text and codings are read: the list then is this document's
    await page.locator('.doc-header__title').filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
    await page.locator('.coding-list').waitFor();
    const coders = new Set(await page.locator('.coding-list__coder').allTextContents());
    if (coders.has('AM') && coders.has('SP')) return (await page.locator('.doc-header__title').textContent()) ?? '';
  }
  throw new Error('no demo document has codings by both coders');
}

/** Select the first word with the keyboard (focus the text, → ), optionally a few words further on. */
async function selectWord(page: Page, steps = 1) {
  await page.getByRole('region', { name: 'Document text' }).focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

async function focusCode(page: Page, name: string) {
  await treeItem(page, name).first().locator('.code-row__name').click();
}

describe.skipIf(reason !== null)('Codebook, coders, memos and history (Chromium)', () => {
  const app = useApp();

  it('blind mode, switching coder, quick code, keys 1–9, in-vivo, undo/redo across a reload, memos', async () => {
    const s = await app.open();
    const { page } = s;
    await waitForDemo(page);
    const title = await openDocWithBothCoders(page);
    const coderSelect = page.getByRole('combobox', { name: 'Coding as' });
    expect(await coderSelect.locator('option:checked').textContent()).toContain('(AM)');

    // Blind mode hides the other coder's codings, in the list and in the text.
    const everyone = await allCoders(page);
    expect(everyone).toHaveLength(await codingCount(page));
    const amCount = everyone.filter((c) => c === 'AM').length;
    expect(amCount).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Blind mode/ }).click();
    await page.getByText('Blind mode: only your own codings are shown.').waitFor();
    await countIs(page, amCount);
    expect(new Set(await allCoders(page))).toEqual(new Set(['AM']));
    expect(await codingItems(page).first().getAttribute('aria-setsize')).toBe(String(amCount));
    await screenshot(page, 'codebook-blind-mode');

    // Switch to Sam: only Sam's codings.
    await coderSelect.selectOption({ label: 'Sam Patel (research partner) (SP)' });
    await page.waitForFunction(() => [...document.querySelectorAll('.coding-list__coder')].every((e) => e.textContent === 'SP'));
    const samBefore = await codingCount(page);
    expect(samBefore).toBeGreaterThan(0);

    // Code as Sam with the quick-code box.
    await selectWord(page);
    await page.keyboard.press('Enter');
    const quick = page.getByRole('combobox', { name: /Apply a code to/ });
    await quick.fill('Being believed');
    await page.keyboard.press('Enter');
    await status(page).getByText(/^Coded “.+” as Being believed\.$/).waitFor();
    await countIs(page, samBefore + 1);
    expect(await allCoders(page)).not.toContain('AM');

    // Keys 1–9 hold the first nine codes in codebook order, whatever was used last: Being believed
    // keeps the key its badge showed before it was used; press it on another word.
    const keyOf = async (name: string) => ((await treeItem(page, name).first().locator('kbd').textContent()) ?? '').replace(/\D/g, '');
    const key = await keyOf('Being believed');
    expect(key).toMatch(/^[1-9]$/);
    await selectWord(page, 3);
    await page.keyboard.press(key);
    await countIs(page, samBefore + 2);
    expect(await keyOf('Being believed')).toBe(key);

    // In-vivo code from a selected word.
    await selectWord(page, 6);
    await page.keyboard.press('Enter');
    const word = (await page.locator('.quick-code__snippet').textContent())!.trim();
    await page.getByRole('button', { name: 'In-vivo code' }).click();
    await status(page).getByText(`Created the in-vivo code “${word}” and applied it.`).waitFor();
    await treeItem(page, word).first().waitFor();
    await countIs(page, samBefore + 3);
    await screenshot(page, 'codebook-coded');

    // Undo with the keyboard (outside text fields), across a reload: the in-vivo code and its
    // coding are ONE step, so one undo takes both away.
    await page.getByRole('region', { name: 'Document text' }).focus();
    await expect.poll(() => undoButton(page).textContent()).toBe(`Undo In-vivo code “${word}”`);
    await page.keyboard.press('Control+z');
    await countIs(page, samBefore + 2);
    await expect.poll(() => treeItem(page, word).count()).toBe(0);
    await expect.poll(() => redoButton(page).textContent()).toBe(`Redo In-vivo code “${word}”`);
    await expect.poll(() => undoButton(page).textContent()).toBe('Undo Apply code');
    await page.reload();
    await waitForDemo(page);
    await expect.poll(() => redoButton(page).textContent()).toBe(`Redo In-vivo code “${word}”`);
    await expect.poll(() => undoButton(page).textContent()).toBe('Undo Apply code');
    await page.locator('.doc-link', { hasText: title }).first().click();
    await page.locator('.coding-list').waitFor();
    await countIs(page, samBefore + 2);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+Shift+z');
    await countIs(page, samBefore + 3);
    await treeItem(page, word).first().waitFor();
    await page.keyboard.press('Control+y'); // nothing more to redo: no change
    expect(await codingCount(page)).toBe(samBefore + 3);

    // A memo on a coding, and a document memo, kept after a reload.
    await codingItems(page).first().getByRole('button', { name: /Add a memo on coding/ }).click();
    await page.getByRole('dialog').getByLabel('Memo text').fill('Check this with the partner organisation.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save memo' }).click();
    await page.getByRole('dialog').getByText('Memo saved.').waitFor();
    await screenshot(page, 'codebook-memo');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /document memo/i }).click();
    await page.getByRole('dialog').getByLabel('Memo text').fill('Long transcript; second half is about court.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save memo' }).click();
    await page.getByRole('dialog').getByText('Memo saved.').waitFor();
    await page.keyboard.press('Escape');
    await page.reload();
    await waitForDemo(page);
    await page.locator('.doc-link', { hasText: title }).first().click();
    await page.getByRole('button', { name: '✎ Document memo' }).click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('Memo text').inputValue()).toBe('Long transcript; second half is about court.');
    await page.keyboard.press('Escape');
    await codingItems(page).first().getByRole('button', { name: /Edit the memo on coding/ }).click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('Memo text').inputValue()).toBe('Check this with the partner organisation.');
    await page.keyboard.press('Escape');
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('edits definitions, merges and deletes with confirmation, exports and imports .qdc', async () => {
    const s = await app.open();
    const { page } = s;
    await waitForDemo(page);
    const codesBefore = await tree(page).locator('[role="treeitem"]').count();
    const [first, second] = (await tree(page).locator('[aria-level="1"] .code-row__name').allTextContents()) as [string, string];

    // Definitions in the details dialog.
    await focusCode(page, second);
    await page.getByRole('button', { name: 'Details…' }).click();
    const details = page.getByRole('dialog');
    await details.getByLabel('Definition').fill('Edited definition for the e2e test.');
    await details.getByLabel('Exclusion criteria').fill('Not for general thanks.');
    await details.getByRole('radio', { name: 'teal' }).check();
    await screenshot(page, 'codebook-details');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await details.getByRole('button', { name: 'Save' }).click();
    await status(page).getByText(`Saved the details of “${second}”.`).waitFor();
    await page.getByRole('button', { name: 'Details…' }).click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('Definition').inputValue()).toBe('Edited definition for the e2e test.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // Merge the second theme into the first, after a confirmation saying what happens.
    await page.getByRole('button', { name: 'Merge…' }).click();
    const merge = page.getByRole('dialog');
    await merge.getByLabel('Merge into').selectOption({ label: first });
    await merge.locator('.confirm-what').getByText(new RegExp(`will move to “${first}”`)).waitFor();
    await screenshot(page, 'codebook-merge');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await merge.getByRole('button', { name: 'Merge' }).click();
    await status(page).getByText(new RegExp(`^Merged “${second}” into “${first}”`)).waitFor();
    expect(await treeItem(page, second).count()).toBe(0);
    await expect.poll(() => undoButton(page).textContent()).toBe(`Undo Merge “${second}” into “${first}”`);

    // Delete with a confirmation that counts what goes.
    await focusCode(page, first);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const del = page.getByRole('dialog', { name: `Delete “${first}”?` });
    await del.getByText(/This deletes \d+ codes \(.+subcodes?\) and \d+ codings?/).waitFor();
    await screenshot(page, 'codebook-delete');
    await del.getByRole('button', { name: 'Delete' }).click();
    await status(page).getByText(/^Deleted \d+ codes and \d+ codings?\.$/).waitFor();
    expect(await treeItem(page, first).count()).toBe(0);
    // Undo twice brings both back.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await treeItem(page, first).first().waitFor();
    await page.keyboard.press('Control+z');
    await treeItem(page, second).first().waitFor();
    expect(await tree(page).locator('[role="treeitem"]').count()).toBe(codesBefore);

    // Export as .qdc (a download of valid-looking REFI-QDA XML).
    await page.locator('summary', { hasText: 'Import and export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as REFI-QDA (.qdc)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/codebook\.qdc$/);
    const xml = await readFile((await download.path())!, 'utf8');
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml).toContain(`name="${second.replace(/&/g, '&amp;')}"`);

    if (haveQdc) {
      // A truncated file fails with a clear message and imports nothing.
      await page.locator('summary', { hasText: 'Import and export' }).click();
      let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /Import codebook/ }).click()]);
      await chooser.setFiles(TRUNCATED_QDC);
      await status(page).getByText(/could not be read: .+Nothing was imported\.$/).waitFor();
      expect(await tree(page).locator('[role="treeitem"]').count()).toBe(codesBefore);
      // The ATLAS.ti codebook imports.
      await page.locator('summary', { hasText: 'Import and export' }).click();
      [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /Import codebook/ }).click()]);
      await chooser.setFiles(ATLAS_QDC);
      await status(page).getByText(/^Imported “atlasti23\.4win_requal_codebook_valid\.qdc”: 1 new code\.$/).waitFor();
      await treeItem(page, 'code1').first().waitFor();
    }

    // Filter while coding.
    await page.getByRole('searchbox', { name: 'Filter codes' }).fill(second.slice(0, 5));
    expect(await treeItem(page, second).count()).toBe(1);
    await screenshot(page, 'codebook-filter');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
