/**
 * Hostile names and tokens on screen, on data imported through the UI: a 3,000-character token
 * in the word-frequency table wraps inside a capped column (it made the table 1.5 million px
 * wide), and a name with a right-to-left override is shown isolated in <bdi>.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const TOKEN = 'z'.repeat(3000);
const RLO_NAME = 'Feedback \u202Efdp.exe';

function csv(): Buffer {
  const rows = ['Response ID,Comment'];
  for (let i = 1; i <= 12; i++) rows.push(`R${i},"${TOKEN} ${TOKEN} the officer ${TOKEN} rang back"`);
  return Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
}

async function importCsv(page: Page): Promise<void> {
  await page.locator('.doc-link').first().waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).or(page.getByRole('link', { name: 'Import', exact: true })).first().click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([{ name: `${RLO_NAME}.csv`, mimeType: 'text/csv', buffer: csv() }]);
  const card = page.locator('section.import-card').first();
  await card.getByText(/First \d+ of 12 rows/).waitFor();
  expect(await card.locator('h3 bdi').textContent()).toBe(`${RLO_NAME}.csv`);
  await page.getByRole('button', { name: 'Scan for personal data' }).click();
  await page.getByRole('button', { name: /^Import \d+ documents$/ }).click();
  await page.getByRole('heading', { name: 'Import complete' }).waitFor();
}

describe.skipIf(reason !== null)('hostile names and tokens on screen (Chromium)', () => {
  const app = useApp();

  it('a 3,000-character token wraps in a capped column; a right-to-left override stays isolated', async () => {
    const s = await app.open();
    const { page } = s;
    await importCsv(page);
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Analyse', exact: true }).click();
    await page.getByRole('navigation', { name: 'Analyses' }).getByRole('button', { name: /^Word frequencies/ }).click();
    const row = page.locator('.result-table tbody tr', { hasText: TOKEN.slice(0, 100) }).first();
    await row.waitFor({ timeout: 30_000 });
    const box = await page.evaluate(() => {
      const region = document.querySelector('.result-table')!;
      const table = region.querySelector('table')!;
      const widest = Math.max(...[...region.querySelectorAll('tbody th, tbody td')].map((c) => c.getBoundingClientRect().width));
      return { table: table.getBoundingClientRect().width, region: region.clientWidth, widest, fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize) };
    });
    // capped at 28rem of content plus padding: the table fits its region instead of growing with the token
    expect(box.widest).toBeLessThanOrEqual(28 * box.fontSize + 24);
    expect(box.table).toBeLessThanOrEqual(box.region + 1);
    expect(await row.locator('bdi').first().textContent()).toContain(TOKEN);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'hostile-long-token');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 120_000);
});
