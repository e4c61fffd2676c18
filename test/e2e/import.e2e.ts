import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, skipReason, useApp } from './harness';
import { dumpIndexedDb } from './indexeddb-dump';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);

const PHONE = '07700 900123';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function buildDocx(paragraphs: string[]): Buffer {
  const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map(para).join('')}</w:body></w:document>`),
    }),
  );
}

function surveyCsv(): Buffer {
  const rows = [
    ['Response ID', 'Area', 'Contact date', 'How were you treated?', 'What could be better?'],
    ['R1', 'North', '03/04/2024', `PC Smith was kind and rang me back on ${PHONE} the next day.`, 'Nothing really, it was all handled well by the team.'],
    ['R2', 'South', '15/04/2024', 'The officer listened to me and explained what would happen next.', ''],
    ['R3', 'North', '20/04/2024', 'I waited three weeks before anyone called me about my case.', 'Please keep victims updated, PC Smith promised to call and did not.'],
  ];
  return Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n', 'utf8');
}

function workbook(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ['ID', 'Force area', 'Feedback'],
    ['W1', 'East', 'Officer Jones was very supportive during the whole investigation.'],
    ['W2', 'West', 'I could not get through to anyone on the phone for a week.'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Responses');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

const transcript = () =>
  buildDocx(['Interviewer: How did the police respond when you first called?', 'P1: They came quickly. [inaudible 00:05:15] The officer gave me a crime number.', 'Interviewer: Was anything unclear?', 'P1: Only what happens at court.']);

async function counts(page: Page): Promise<Record<string, number>> {
  const all = JSON.parse(await dumpIndexedDb(page)) as Record<string, unknown[]>;
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length]));
}

async function openImport(page: Page): Promise<void> {
  await page.locator('.doc-link').first().waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).or(page.getByRole('link', { name: 'Import', exact: true })).first().click();
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
}

async function chooseFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  // the browser platform's openFiles adds a hidden <input type=file multiple> and clicks it
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
}

const CSV = { name: 'survey.csv', mimeType: 'text/csv', buffer: surveyCsv() };

const SERVICES = ['PTS - Patient Transport', 'Outpatients - Maple Ward', 'Community Nursing', 'Phlebotomy - Ward 7'];
const COMMENTS = [
  'The driver was on time and helped me to the door.',
  'Nurse Priya was lovely and explained everything.',
  'Waited 40 minutes in the Discharge Lounge with no update.',
  'The Maple Ward team were kind but the parking is awful.',
  'Kwabena the driver went out of his way for my mum.',
  'Booked onto the Moving and Handling course by the Ward Manager, very useful.',
];
/** A real-looking patient-experience export: a category column, a named-staff column, free text. */
function serviceSurveyCsv(): { buffer: Buffer; okaforRows: number } {
  const rows = [['Response ID', 'Service', 'Named staff', 'Comment']];
  let okaforRows = 0;
  for (let i = 0; i < 60; i++) {
    const staff = i % 3 === 0 ? 'Dr Okafor' : i % 3 === 1 ? 'Sister Achterberg' : '';
    if (staff === 'Dr Okafor') okaforRows++;
    rows.push([`S${i + 1}`, SERVICES[i % SERVICES.length]!, staff, COMMENTS[i % COMMENTS.length]!]);
  }
  return { buffer: Buffer.from(rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n', 'utf8'), okaforRows };
}

describe.skipIf(reason !== null)('Import workspace (Chromium)', () => {
  const app = useApp();

  it('imports a CSV, a DOCX transcript and an XLSX with reviewed anonymisation, then warns on a re-import', async () => {
    const s = await app.open();
    const { page } = s;
    await openImport(page);
    await screenshot(page, 'import-1-empty');
    await chooseFiles(page, [CSV, { name: 'interview-1.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: transcript() }, { name: 'feedback.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook() }]);
    const csvCard = page.locator('section.import-card', { hasText: 'survey.csv' });
    await csvCard.getByText('First 3 of 3 rows').waitFor();
    await expect.poll(() => csvCard.getByLabel('Encoding').inputValue()).toBe('');
    expect(await csvCard.getByLabel('Encoding').locator('option').first().textContent()).toMatch(/Detected: utf-8/);
    expect(await csvCard.getByLabel('Delimiter').locator('option').first().textContent()).toMatch(/comma/);
    expect(await csvCard.getByLabel('Use of column How were you treated?').inputValue()).toBe('text');
    expect(await csvCard.getByLabel('Record ID column').inputValue()).toBe('Response ID');
    // the contact dates read as dates; check the date-order control is offered
    await csvCard.getByLabel('Use of column Contact date').selectOption('attribute');
    await csvCard.getByLabel('Type of column Contact date').selectOption('date');
    await csvCard.getByText('Day/Month/Year (31/12/2024)').waitFor();
    await csvCard.getByText('Month/Day/Year (12/31/2024)').click();
    await csvCard.getByText(/value\(s\) in “Contact date” cannot be Month\/Day\/Year/).waitFor();
    await csvCard.getByText('Day/Month/Year (31/12/2024)').click();
    const docxCard = page.locator('section.import-card', { hasText: 'interview-1.docx' });
    await docxCard.getByText('Speakers found').waitFor();
    expect(await docxCard.locator('.import-speakers li').allTextContents()).toEqual(['Interviewer 2 turns', 'P1 2 turns']);
    const xlsxCard = page.locator('section.import-card', { hasText: 'feedback.xlsx' });
    await xlsxCard.getByLabel('Sheet').waitFor();
    expect(await xlsxCard.getByLabel('Use of column Feedback').inputValue()).toBe('text');
    await screenshot(page, 'import-2-files');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor();
    const phones = page.locator('section#review-phone');
    await phones.locator('mark', { hasText: PHONE }).waitFor();
    expect(await page.locator('section#review-person mark', { hasText: 'Smith' }).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'import-3-review');
    await expectAccessible(page);
    await phones.getByRole('button', { name: /^Redact all 1 phone number$/ }).click();
    await page.locator('section#review-person').getByRole('button', { name: /^Pseudonymise all/ }).click();
    await page.getByRole('button', { name: /^Import \d+ documents$/ }).click();

    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    const summary = await page.locator('.import-summary dl').textContent();
    expect(summary).toMatch(/Documents\s*8/); // 5 CSV answers, 1 transcript, 2 workbook answers
    expect(summary).toMatch(/Empty answers skipped\s*1/);
    expect(summary).toMatch(/1 phone number/);
    await screenshot(page, 'import-4-summary');
    await expectAccessible(page);

    const dump = await dumpIndexedDb(page);
    expect(dump).not.toContain(PHONE);
    expect(dump).not.toContain('900123');
    expect(dump).toContain('[PHONE]');
    expect(dump).toMatch(/PC \[PERSON \d+\]/);
    expect(dump).toContain('[inaudible 00:05:15]');
    expect(dump).toContain('"phone":1'); // the redaction log holds counts only

    await page.getByRole('button', { name: 'Open the Code workspace' }).click();
    await page.locator('.doc-link', { hasText: 'R1 – How were you treated?' }).click();
    await page.getByText(/rang me back on \[PHONE\]/).first().waitFor();
    const shown = await page.locator('main').textContent();
    expect(shown).toMatch(/PC \[PERSON \d+\] was kind/);
    await page.locator('.doc-link', { hasText: 'interview-1' }).click();
    await page.getByText('[inaudible 00:05:15]', { exact: false }).first().waitFor();
    await screenshot(page, 'import-5-code');

    // the same CSV again: detected and needs confirmation
    await openImport(page);
    await chooseFiles(page, [CSV]);
    const again = page.locator('.import-reimport');
    await again.getByText(/already imported into this project/).waitFor();
    const scanButton = page.getByRole('button', { name: 'Scan for personal data' });
    expect(await scanButton.isDisabled()).toBe(true);
    await screenshot(page, 'import-6-reimport');
    await expectAccessible(page);
    await again.getByLabel('Import it again anyway').check();
    expect(await scanButton.isDisabled()).toBe(false);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('a service survey: categories are not names, and a whole column of names is kept in one step', async () => {
    const s = await app.open();
    const { page } = s;
    await openImport(page);
    const survey = serviceSurveyCsv();
    await chooseFiles(page, [{ name: 'service-survey.csv', mimeType: 'text/csv', buffer: survey.buffer }]);
    const card = page.locator('section.import-card', { hasText: 'service-survey.csv' });
    await card.getByText('First 8 of 60 rows').waitFor();
    for (const column of ['Service', 'Named staff']) {
      await card.getByLabel(`Use of column ${column}`).selectOption('attribute');
      await card.getByLabel(`Type of column ${column}`).selectOption('category');
    }
    await card.getByLabel('Use of column Comment').selectOption('text');
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor();
    const people = page.locator('section#review-person');
    // "PTS - Patient Transport" in 15 rows is a category, not a name; wards, courses and job titles neither
    expect(await page.locator('mark', { hasText: 'Transport' }).count()).toBe(0);
    expect(await page.locator('mark', { hasText: /Maple|Discharge|Moving|Manager/ }).count()).toBe(0);
    // a named-staff value is reported once, standing for every row that has it
    const okafor = people.locator('li', { has: page.locator('mark', { hasText: 'Okafor' }) });
    expect(await okafor.count()).toBe(1);
    expect(await okafor.locator('.import-finding__where').textContent()).toContain(`applies to ${survey.okaforRows} places`);
    await people.locator('mark', { hasText: 'Kwabena' }).first().waitFor();
    const keepColumn = people.getByRole('button', { name: /^Keep all in “Named staff”/ });
    expect(await keepColumn.textContent()).toBe(`Keep all in “Named staff” (${survey.okaforRows * 2})`);
    await screenshot(page, 'import-9-review-survey');
    await expectAccessible(page);
    await keepColumn.click();
    const staffRadios = people.locator('li', { hasText: 'Named staff' }).getByLabel('Keep');
    for (let i = 0; i < (await staffRadios.count()); i++) expect(await staffRadios.nth(i).isChecked()).toBe(true);
    await screenshot(page, 'import-10-review-survey-kept');
    await page.getByRole('button', { name: /^Import 60 documents$/ }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    const dump = await dumpIndexedDb(page);
    expect(dump).toContain('Dr Okafor');
    expect(dump).toContain('Sister Achterberg');
    expect(dump).toContain('PTS - Patient Transport');
    expect(dump).not.toContain('Patient [PERSON');
    expect(dump).not.toContain('Kwabena');
    expect(dump).not.toContain('Priya');
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('cancels a long import mid-way and stores nothing', async () => {
    const s = await app.open();
    const { page } = s;
    await openImport(page);
    const lines = ['ID,Group,Comment'];
    for (let i = 1; i <= 40_000; i++) lines.push(`X${i},${i % 7},"The response number ${i} says the call handler was polite and the wait was long."`);
    const big = { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
    const before = await counts(page);
    await chooseFiles(page, [big]);
    await page.getByText('First 8 of 40,000 rows').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Scan for personal data' }).click();
    await page.getByRole('heading', { name: 'Review personal data before importing' }).waitFor({ timeout: 90_000 });
    // Rows are stored a block of 1,000 at a time, so 40,000 commit in about a second: faster than a
    // round trip from the test. The page itself presses Cancel the moment the first rows are stored.
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        const status = document.querySelector('.import-progress [role=status]')?.textContent ?? '';
        if (!/^[1-9][\d,]* of 40,000 rows/.test(status)) return;
        const cancel = [...document.querySelectorAll<HTMLButtonElement>('.import-progress button')].find((b) => b.textContent?.trim() === 'Cancel');
        if (!cancel) return;
        seen.disconnect();
        (window as unknown as { cancelledAt: string }).cancelledAt = status;
        cancel.click();
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: /^Import 40,000 documents$/ }).click();
    await page.getByText('The import was cancelled; nothing was stored.', { exact: false }).waitFor({ timeout: 120_000 });
    const cancelledAt = await page.evaluate(() => (window as unknown as { cancelledAt?: string }).cancelledAt ?? '');
    expect(cancelledAt).toMatch(/^[1-9][\d,]* of 40,000 rows/);
    expect(cancelledAt).not.toMatch(/^40,000 of/);
    await expectAccessible(page);
    await screenshot(page, 'import-8-cancelled');
    expect(await counts(page)).toEqual(before);
    expect(s.errors).toEqual([]);
  }, 240_000);
});
