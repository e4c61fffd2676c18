/**
 * The analyst journey's UI steps, each a small function that drives the app by accessible names
 * and roles (so they can be adapted in one place when a screen changes).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProjectBundle } from '../../../shared/model';
import { dragSelect } from '../harness';
import { SURVEY_COLUMNS } from '../../fixtures/realistic/generate';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export async function createProject(page: Page, name: string): Promise<void> {
  await page.locator('.doc-link').first().waitFor({ timeout: 60_000 }); // the demo has loaded
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('textbox', { name: 'Project name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await page.getByText('This project has no documents yet.').first().waitFor();
}

export async function openWorkspace(page: Page, name: 'Code' | 'Import' | 'Survey grid' | 'Analyse' | 'Agreement'): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name, exact: true }).click();
}

export async function chooseFiles(page: Page, files: UploadFile[]): Promise<void> {
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(files);
}

/** On a table's card: make `column` a date attribute read day/month/year (other formats are read in any order). */
export async function mapDateColumn(page: Page, fileName: string, column: string): Promise<void> {
  const card = page.locator('section.import-card', { hasText: fileName });
  await card.getByLabel(`Use of column ${column}`).waitFor({ timeout: 60_000 });
  await card.getByLabel(`Use of column ${column}`).selectOption('attribute');
  await card.getByLabel(`Type of column ${column}`).selectOption('date');
  await card.getByText('Day/Month/Year (31/12/2024)').click();
}

/** On a table's card: take record ids from `column` (it is then not imported as an attribute or text). */
export async function setRecordIdColumn(page: Page, fileName: string, column: string): Promise<void> {
  const card = page.locator('section.import-card', { hasText: fileName });
  await card.getByLabel('Record ID column').waitFor({ timeout: 60_000 });
  await card.getByLabel('Record ID column').selectOption(column);
  await expect.poll(() => card.getByLabel(`Use of column ${column}`).inputValue()).toBe('ignore');
}

/** The use the import screen guessed for a column ('text', 'attribute', …). */
export async function columnUse(page: Page, fileName: string, column: string): Promise<string> {
  return page.locator('section.import-card', { hasText: fileName }).getByLabel(`Use of column ${column}`).inputValue();
}

/**
 * Scan, then pass the anonymisation gate: pseudonymise every person and redact every other kind
 * of finding, then import. Returns the summary's text.
 */
export async function passGateAndImport(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Scan for personal data' }).click();
  await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor({ timeout: 120_000 });
  const groups = page.locator('section.import-review__group');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const pseudo = group.getByRole('button', { name: /^Pseudonymise all/ });
    if ((await group.getAttribute('id')) === 'review-person' && (await pseudo.count())) await pseudo.click();
    else await group.getByRole('button', { name: /^Redact all/ }).click();
  }
  await page.getByRole('button', { name: /^Import [\d,]+ documents$/ }).click();
  await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 120_000 });
  return (await page.locator('.import-summary').textContent()) ?? '';
}

/** Add a code in the Code workspace's codebook. */
/**
 * A new project with the realistic survey (as feedback.csv: record id and mixed-date columns mapped)
 * and a transcript imported through the Import workspace and the gate. Returns the import summary.
 */
export async function importSurveyAndTranscript(page: Page, project: string, survey: { csv: string }, transcript: { name: string; text: string }): Promise<string> {
  await createProject(page, project);
  await openWorkspace(page, 'Import');
  await chooseFiles(page, [
    { name: 'feedback.csv', mimeType: 'text/csv', buffer: Buffer.from(survey.csv, 'utf8') },
    { name: transcript.name, mimeType: 'text/plain', buffer: Buffer.from(transcript.text, 'utf8') },
  ]);
  await setRecordIdColumn(page, 'feedback.csv', SURVEY_COLUMNS.id);
  await mapDateColumn(page, 'feedback.csv', SURVEY_COLUMNS.date);
  return passGateAndImport(page);
}

export async function addCode(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New code', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Code name' });
  await field.fill(name);
  await field.press('Enter');
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: new RegExp(`^${name}`) }).waitFor();
}

/** Add a coder; the new coder becomes the one coding. */
export async function addCoder(page: Page, name: string): Promise<void> {
  await page.getByRole('group', { name: 'Coder' }).getByRole('button', { name: 'New coder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New coder' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Add coder' }).click();
  await expect.poll(async () => (await page.getByLabel('Coding as').locator('option:checked').textContent()) ?? '').toContain(name);
}

export async function switchCoder(page: Page, name: string): Promise<void> {
  const select = page.getByLabel('Coding as');
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value!);
  await expect.poll(async () => (await select.locator('option:checked').textContent()) ?? '').toContain(name);
}

/** Open a document by its title in the Code workspace's document list (filtering the list first). */
export async function openDocument(page: Page, title: string): Promise<void> {
  const filter = page.getByRole('searchbox', { name: /Filter documents/ });
  if (await filter.count()) await filter.fill(title);
  await page.locator('.doc-link', { hasText: title }).first().click();
  await page.locator('.doc-header__title', { hasText: title }).waitFor();
  await page.locator('.turn__text span[data-start]').first().waitFor();
  if (await filter.count()) await filter.fill('');
}

/** Select the first occurrence of `words` in the open document with the mouse and apply `code`. */
export async function codeWords(page: Page, words: string, code: string): Promise<void> {
  const where = await page.evaluate((words) => {
    for (const span of document.querySelectorAll<HTMLElement>('.document-pane .turn__text span[data-start], .turn__text span[data-start]')) {
      const i = span.textContent?.indexOf(words) ?? -1;
      if (i >= 0) return { selector: `.turn__text span[data-start="${span.dataset.start}"]`, from: i, to: i + words.length };
    }
    return null;
  }, words);
  if (!where) throw new Error(`“${words}” is not in the open document`);
  const codings = page.locator('.coding-list__item');
  const before = await codings.count();
  await dragSelect(page, where.selector, where.from, where.to);
  const picker = page.getByRole('combobox', { name: /Apply a code/ });
  await picker.waitFor();
  await picker.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code}`) }).first().waitFor();
  await picker.press('Enter');
  await expect.poll(() => codings.count()).toBe(before + 1);
}

/** Wait until the survey grid has answered its latest request. */
export async function gridSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.survey-grid')?.getAttribute('aria-busy') === 'false' && !document.querySelector('.grid-row[aria-busy="true"]'));
}

/** In the survey grid: code whole responses of the first `rows` visible rows with palette key `key` (1–9). */
export async function codeGridRows(page: Page, rows: number, key: number, skip = 0): Promise<void> {
  await page.locator('.grid-row').first().waitFor({ timeout: 60_000 });
  await gridSettled(page);
  // the selection is a cell (response × question): start on the first answer of row `skip`
  await page.locator('.grid-row').nth(skip).locator('td.grid-cell--answer').first().click();
  const coded = page.getByRole('status').filter({ hasText: /^Coded / });
  const lastCoded = async () => ((await coded.count()) ? await coded.last().textContent() : null);
  for (let i = 0; i < rows; i++) {
    const selected = page.locator('.grid-row--selected');
    const before = await selected.getAttribute('aria-rowindex');
    const said = await lastCoded();
    await page.keyboard.press(String(key));
    // the status names the row, so a new one means this row's coding is stored (not the last row's)
    await expect.poll(lastCoded, { timeout: 30_000 }).not.toBe(said);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selected.getAttribute('aria-rowindex')).not.toBe(before);
  }
}

export const STORE_HOOK_PATH = '/__test__/store.js';

async function installHook(page: Page): Promise<void> {
  if (await page.evaluate(() => '__chorusStore' in window)) return;
  await page.addScriptTag({ url: new URL(STORE_HOOK_PATH, page.url()).href, type: 'module' });
  await page.waitForFunction(() => '__chorusStore' in window);
}

/** The project as the app's own reader returns it (through the test hook). */
export async function readBundle(page: Page, projectName: string): Promise<ProjectBundle> {
  await installHook(page);
  return page.evaluate((name) => (window as unknown as { __chorusStore: { bundle: (n: string) => Promise<ProjectBundle> } }).__chorusStore.bundle(name), projectName);
}

const caption = (page: Page) => page.locator('.result-table caption').first();

/**
 * Wait until the result shown differs from `before` (by caption), begins with `title` when given,
 * and nothing is running; returns its caption. (Just after another analysis is chosen, the last
 * result is still shown for a moment and not yet marked busy: `before` or `title` tells them apart.)
 */
export async function newResult(page: Page, before: string | null, title?: string): Promise<string> {
  let shown: string | null = null;
  await expect
    .poll(async () => {
      const busy = await page.locator('main[aria-busy="true"]').count();
      const c = (await caption(page).count()) ? await caption(page).textContent() : null;
      const alert = (await page.locator('main [role=alert]').count()) ? await page.locator('main [role=alert]').first().textContent() : null;
      if (alert) throw new Error(`the analysis failed: ${alert}`);
      shown = busy === 0 && c !== null && c !== before && (title === undefined || c.startsWith(title)) ? c : null;
      return shown;
    }, { timeout: 60_000 })
    .not.toBeNull();
  return shown!;
}

/** Choose an analysis in the Analyse workspace's menu (by the start of its title). */
export async function chooseAnalysis(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('button', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).click();
}

/** An option control by its label (a select's name also holds its chosen option's text, so only the label's start is matched). */
const option = (page: Page, label: string) => page.locator('.options').getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

/** A labelled option control's current value. */
export async function optionValue(page: Page, label: string): Promise<string> {
  return option(page, label).inputValue();
}

/** Choose an option's value and wait for the result to be redrawn for it (nothing to wait for if it was already chosen). */
export async function setOption(page: Page, label: string, value: string): Promise<void> {
  if ((await option(page, label).inputValue()) === value) return;
  const signature = () => page.evaluate(() => document.querySelector('.result-table thead')?.textContent + '|' + document.querySelector('.result-table caption')?.textContent);
  const before = await signature();
  await option(page, label).selectOption(value);
  await expect.poll(async () => (await page.locator('main[aria-busy="true"]').count()) === 0 && (await signature()) !== before, { timeout: 60_000 }).toBe(true);
}

export async function isChecked(page: Page, label: string): Promise<boolean> {
  return option(page, label).isChecked();
}

/** Export the table on screen as CSV; returns the offered file name and the file's text (BOM kept). */
export async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}
