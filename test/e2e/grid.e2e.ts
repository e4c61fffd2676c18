import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dragSelect, screenshot, seriousA11yViolations, skipReason, useApp } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const grid = (page: Page) => page.getByRole('grid', { name: 'Survey responses' });
const countText = (page: Page) => page.locator('.grid-count').textContent();
const paletteButton = (page: Page, n: number) => page.locator('.grid-palette__code').nth(n - 1);
const paletteCount = async (page: Page, n: number) => Number(((await paletteButton(page, n).locator('.grid-palette__count').textContent()) ?? '').replace(/\D/g, ''));

/** Wait until the worker has answered the latest sort or filter and the visible rows are fetched. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.survey-grid')?.getAttribute('aria-busy') === 'false' && !document.querySelector('.grid-row[aria-busy="true"]'));
}

async function openGrid(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Survey grid' }).click();
  await page.locator('.grid-count', { hasText: /Showing \d+ of \d+ responses/ }).waitFor();
  await page.locator('.grid-row').first().waitFor();
  await settled(page);
}

/** The text of each visible cell in the column with this header. */
async function columnValues(page: Page, header: string): Promise<string[]> {
  return page.evaluate((header) => {
    const ths = [...document.querySelectorAll('.survey-grid thead th')];
    const col = ths.findIndex((th) => th.textContent?.replace(/[▲▼]/g, '').trim() === header);
    if (col < 0) throw new Error(`no column ${header}`);
    return [...document.querySelectorAll('.survey-grid tbody tr.grid-row')].map((tr) => tr.children[col]?.textContent ?? '');
  }, header);
}

describe.skipIf(reason !== null)('Survey grid (Chromium)', () => {
  const app = useApp();

  it('shows the 150 demo responses with attributes; sorts and filters by attribute and code, accessibly', async () => {
    const s = await app.open();
    const { page } = s;
    await openGrid(page);
    expect(await countText(page)).toBe('Showing 150 of 150 responses');
    for (const h of ['Record ID', 'Participant', 'Age band', 'Area', 'Offence type', 'Codes']) {
      expect(await page.getByRole('columnheader', { name: h, exact: true }).count()).toBe(1);
    }
    // Virtualised: fewer rows in the DOM than responses, but every one reachable by aria-rowindex.
    const rendered = await page.locator('.grid-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(150);
    expect((await columnValues(page, 'Area')).every((v) => v.length > 0)).toBe(true);
    await screenshot(page, 'grid-main');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // Sort by Area, descending on the second click.
    await page.getByRole('button', { name: 'Area', exact: true }).click();
    await settled(page);
    expect(await page.getByRole('columnheader', { name: 'Area', exact: true }).getAttribute('aria-sort')).toBe('ascending');
    const asc = await columnValues(page, 'Area');
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'en-GB')));
    await page.getByRole('button', { name: 'Area', exact: true }).click();
    await settled(page);
    const desc = await columnValues(page, 'Area');
    expect(desc).toEqual([...desc].sort((a, b) => b.localeCompare(a, 'en-GB')));
    expect(desc[0]).not.toBe(asc[0]);

    // Filter by an attribute value.
    await page.getByLabel('Attribute').selectOption({ label: 'Area' });
    const value = asc[0]!;
    await page.getByLabel('is', { exact: true }).selectOption({ label: value });
    await settled(page);
    const filtered = Number(/Showing (\d+)/.exec((await countText(page)) ?? '')![1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(150);
    expect((await columnValues(page, 'Area')).every((v) => v === value)).toBe(true);

    // Filter by code: has / has not partition the filtered rows.
    await page.getByLabel('Code', { exact: true }).selectOption('has');
    await settled(page);
    const has = Number(/Showing (\d+)/.exec((await countText(page)) ?? '')![1]);
    await page.getByLabel('Code', { exact: true }).selectOption('not');
    await settled(page);
    const hasNot = Number(/Showing (\d+)/.exec((await countText(page)) ?? '')![1]);
    expect(has + hasNot).toBe(filtered);
    await screenshot(page, 'grid-filtered');
    expect(s.errors).toEqual([]);
  });

  it('codes a whole answer with a number key, codes part of one in the detail pane, and keeps both after a reload', async () => {
    const s = await app.open();
    const { page } = s;
    await openGrid(page);
    // Show only responses without palette code 1, so coding one makes it leave the view.
    const codeName = ((await paletteButton(page, 1).locator('.grid-palette__name').textContent()) ?? '').trim();
    await page.getByLabel('Code', { exact: true }).selectOption('not');
    await page.getByLabel('Which code').selectOption({ label: codeName });
    await settled(page);
    const before = await paletteCount(page, 1);
    const remaining = Number(/Showing (\d+)/.exec((await countText(page)) ?? '')![1]);
    await page.locator('.grid-row').first().click();
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    const target = ((await page.locator('.grid-row--selected th').first().textContent()) ?? '').trim();
    await page.keyboard.press('1');
    await expect.poll(() => paletteCount(page, 1)).toBe(before + 1);
    await expect.poll(() => countText(page)).toBe(`Showing ${remaining - 1} of 150 responses`);
    await page.getByRole('status').filter({ hasText: `Coded ${target}` }).waitFor();

    // Back to all rows: the coded response shows the code; pressing 1 again removes it, 1 once more restores it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await settled(page);
    await page.locator('.grid-row', { hasText: target }).first().click();
    expect(await paletteButton(page, 1).getAttribute('aria-pressed')).toBe('true');
    await grid(page).focus();
    await page.keyboard.press('1');
    await expect.poll(() => paletteCount(page, 1)).toBe(before);
    await page.keyboard.press('1');
    await expect.poll(() => paletteCount(page, 1)).toBe(before + 1);
    const detail = page.getByRole('complementary', { name: 'Selected answer' });
    await detail.locator('.grid-detail__codings li', { hasText: codeName }).filter({ hasText: 'whole answer' }).first().waitFor();

    // Enter opens the quick-code picker for the whole response.
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: /Apply a code/ }).waitFor();
    await page.keyboard.press('Escape');

    // Code part of the response in the detail pane.
    await detail.locator('.turn__text span[data-start]').first().waitFor();
    const codingsBefore = await detail.locator('.grid-detail__codings li').count();
    const word = await page.evaluate(() => {
      const span = [...document.querySelectorAll<HTMLElement>('.grid-detail .turn__text span[data-start]')].find((s) => /\p{L}{5,}/u.test(s.textContent ?? ''))!;
      const m = /\p{L}{5,}/u.exec(span.textContent!)!;
      return { selector: `.grid-detail .turn__text span[data-start="${span.dataset.start}"]`, from: m.index, to: m.index + m[0].length, word: m[0] };
    });
    await dragSelect(page, word.selector, word.from, word.to);
    const picker = page.getByRole('combobox', { name: /Apply a code/ });
    await picker.waitFor();
    const second = ((await paletteButton(page, 2).locator('.grid-palette__name').textContent()) ?? '').trim();
    await picker.fill(second);
    await page.keyboard.press('Enter');
    await expect.poll(() => detail.locator('.grid-detail__codings li').count()).toBe(codingsBefore + 1);
    expect(await detail.locator('.grid-detail__codings li', { hasText: word.word }).count()).toBeGreaterThan(0);
    await screenshot(page, 'grid-detail-coded');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // Reload: both codings are still there.
    await page.reload();
    await openGrid(page);
    await expect.poll(() => paletteCount(page, 1)).toBe(before + 1);
    await page.locator('.grid-row', { hasText: target }).first().click();
    expect(await paletteButton(page, 1).getAttribute('aria-pressed')).toBe('true');
    await detail.locator('.grid-detail__codings li', { hasText: word.word }).first().waitFor();
    expect(s.errors).toEqual([]);
  });
});
