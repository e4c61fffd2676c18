import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dragSelect, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

/** Open the first interview transcript in the demo project. */
async function openInterview(page: Page): Promise<string> {
  const group = page.locator('section.source-group', { hasText: /interview/i }).first();
  const link = group.locator('.doc-link').first();
  const title = (await link.textContent()) ?? '';
  await link.click();
  await page.locator('.doc-header__title', { hasText: title }).waitFor();
  await page.locator('.turn__text span[data-start]').first().waitFor();
  return title;
}

/** A plain (uncoded) text segment with a word of at least 5 letters: its selector and the word's place. */
async function findWord(page: Page, skip = 0): Promise<{ selector: string; from: number; to: number; word: string }> {
  return page.evaluate((skip) => {
    const spans = [...document.querySelectorAll<HTMLElement>('.turn__text span[data-start]:not(.coded)')];
    let seen = 0;
    for (const s of spans) {
      const m = /\p{L}{5,}/u.exec(s.textContent ?? '');
      if (m && seen++ >= skip) {
        return { selector: `.turn__text span[data-start="${s.dataset.start}"]`, from: m.index, to: m.index + m[0].length, word: m[0] };
      }
    }
    throw new Error('no plain word found');
  }, skip);
}

const codingItems = (page: Page) => page.locator('.coding-list__item');

describe.skipIf(reason !== null)('Chorus workbench (Chromium)', () => {
  const app = useApp();

  it('opens the fictional demo project with its documents and codebook, accessibly', async () => {
    const s = await app.open();
    const { page } = s;
    await page.getByText('all people and places are fictional').waitFor();
    await page.locator('.doc-link').first().waitFor();
    expect(await page.locator('.doc-link').count()).toBeGreaterThan(10);
    expect(await page.locator('section.source-group').count()).toBeGreaterThan(1);
    expect(await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').count()).toBeGreaterThan(5);
    await openInterview(page);
    expect(await page.locator('.turn__speaker').count()).toBeGreaterThan(2);
    await screenshot(page, 'demo-main');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('codes a span selected with the mouse, and keeps it after a reload', async () => {
    const s = await app.open();
    const { page } = s;
    const title = await openInterview(page);
    const before = await codingItems(page).count();
    const w = await findWord(page);
    await dragSelect(page, w.selector, w.from + 1, w.to - 1); // inside the word: snapping widens it
    await page.getByRole('combobox', { name: /Apply a code/ }).waitFor();
    const leaf = page.getByRole('tree').getByRole('treeitem').nth(1);
    const codeName = (await leaf.locator('.code-row__name').first().textContent())!;
    await leaf.locator('.code-row__name').first().click();
    await expect.poll(() => codingItems(page).count()).toBe(before + 1);
    const item = codingItems(page).filter({ hasText: w.word }).filter({ hasText: codeName });
    expect(await item.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.turn__text span.coded', { hasText: w.word }).count()).toBeGreaterThan(0);
    await screenshot(page, 'mouse-coded');

    await page.reload();
    await page.locator('.doc-link', { hasText: title }).first().click();
    await page.locator('.turn__text span[data-start]').first().waitFor();
    await expect.poll(() => codingItems(page).count()).toBe(before + 1);
    expect(await codingItems(page).filter({ hasText: w.word }).filter({ hasText: codeName }).count()).toBeGreaterThanOrEqual(1);
    expect(s.errors).toEqual([]);
  });

  it('codes a span with the keyboard only', async () => {
    const s = await app.open();
    const { page } = s;
    const link = page.locator('section.source-group', { hasText: /interview/i }).first().locator('.doc-link').first();
    await link.focus();
    await page.keyboard.press('Enter');
    const pane = page.getByRole('region', { name: 'Document text' });
    await page.locator('.turn__text span[data-start]').first().waitFor();
    const before = await codingItems(page).count();
    await pane.focus();
    await page.keyboard.press('ArrowDown'); // first word
    await page.keyboard.press('ArrowDown'); // first word of the second turn
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.locator('.turn__text span.selected').allTextContents();
    const selectedText = selected.join('');
    expect(selectedText.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    const box = page.getByRole('combobox', { name: /Apply a code/ });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const target = (await page.getByRole('tree').locator('.code-row__name').nth(2).textContent())!;
    await page.keyboard.type(target);
    await screenshot(page, 'keyboard-quick-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => codingItems(page).count()).toBe(before + 1);
    const words = selectedText.trim().split(/\s+/);
    expect(await codingItems(page).filter({ hasText: target }).filter({ hasText: words[0]! }).count()).toBeGreaterThanOrEqual(1);
    // Focus returns to the text, ready for the next selection.
    expect(await pane.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'keyboard-coded');
  });

  it('creates, renames and nests codes, and keeps the tree after a reload', async () => {
    const s = await app.open();
    const { page } = s;
    const tree = page.getByRole('tree', { name: 'Codebook' });
    await tree.getByRole('treeitem').first().waitFor();
    await page.getByRole('button', { name: 'New code', exact: true }).click();
    let field = page.getByRole('textbox', { name: 'Code name' });
    await field.fill('Waiting times');
    await field.press('Enter');
    const waiting = tree.getByRole('treeitem', { name: /^Waiting times \d/ });
    await waiting.waitFor();

    // Rename with F2.
    await waiting.click();
    await page.keyboard.press('F2');
    field = page.getByRole('textbox', { name: 'Code name' });
    await field.fill('Waiting too long');
    await field.press('Enter');
    const renamed = tree.getByRole('treeitem', { name: /^Waiting too long \d/ });
    await renamed.waitFor();
    const parentId = (await renamed.getAttribute('data-code-id'))!;

    // A second code, nested under the first with the keyboard-accessible "Move to…".
    await page.getByRole('button', { name: 'New code', exact: true }).click();
    field = page.getByRole('textbox', { name: 'Code name' });
    await field.fill('Phone calls unanswered');
    await field.press('Enter');
    const child = tree.getByRole('treeitem', { name: /^Phone calls unanswered \d/ });
    await child.click();
    await page.getByRole('combobox', { name: 'Move to…' }).selectOption(parentId);
    await expect.poll(() => child.getAttribute('aria-level')).toBe('2');
    expect(await renamed.getAttribute('aria-expanded')).toBe('true');
    // A code cannot move under its own subcode.
    await renamed.click();
    const childId = (await child.getAttribute('data-code-id'))!;
    expect(await page.locator(`#move-to-select option[value="${childId}"]`).isDisabled()).toBe(true);
    await screenshot(page, 'codebook-edited');

    await page.reload();
    const again = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Waiting too long \d/ });
    await again.waitFor();
    const rows = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem');
    const names = await rows.evaluateAll((els) => els.map((e) => [e.querySelector('.code-row__name')?.textContent, e.getAttribute('aria-level')]));
    const at = names.findIndex(([n]) => n === 'Waiting too long');
    expect(names[at]![1]).toBe('1');
    expect(names[at + 1]).toEqual(['Phone calls unanswered', '2']);
  });

  it('creates a new empty project and switches back to the demo', async () => {
    const s = await app.open();
    const { page } = s;
    await page.locator('.doc-link').first().waitFor();
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByRole('textbox', { name: 'Project name' }).fill('Wave 2 survey');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('This project has no documents yet.').first().waitFor();
    expect(await page.getByRole('combobox', { name: 'Project' }).locator('option:checked').textContent()).toBe('Wave 2 survey');
    expect(await page.locator('.demo-banner').count()).toBe(0);
    expect(await page.locator('.doc-link').count()).toBe(0);
    expect(await page.getByRole('tree').count()).toBe(0);
    await screenshot(page, 'new-project');

    // The choice survives a reload.
    await page.reload();
    await page.getByText('This project has no documents yet.').first().waitFor();

    const select = page.getByRole('combobox', { name: 'Project' });
    const demoValue = await select.locator('option', { hasText: '(demo)' }).getAttribute('value');
    await select.selectOption(demoValue!);
    await page.locator('.demo-banner').waitFor();
    await page.locator('.doc-link').first().waitFor();
    expect(await page.locator('.doc-link').count()).toBeGreaterThan(10);
  });

  it('removes a coding, and it stays removed after a reload', async () => {
    const s = await app.open();
    const { page } = s;
    const title = await openInterview(page);
    const before = await codingItems(page).count();
    const w = await findWord(page, 3);
    await dragSelect(page, w.selector, w.from, w.to);
    const box = page.getByRole('combobox', { name: /Apply a code/ });
    await box.waitFor();
    await box.press('Enter'); // first code in the list
    await expect.poll(() => codingItems(page).count()).toBe(before + 1);
    const mine = codingItems(page).filter({ hasText: w.word }).first();
    await mine.getByRole('button', { name: /^Remove coding/ }).click();
    await expect.poll(() => codingItems(page).count()).toBe(before);
    await page.reload();
    await page.locator('.doc-link', { hasText: title }).first().click();
    await page.locator('.turn__text span[data-start]').first().waitFor();
    await expect.poll(() => codingItems(page).count()).toBe(before);
    await screenshot(page, 'coding-removed');
  });
});
