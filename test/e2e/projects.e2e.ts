/**
 * Projects that travel, in Chromium: open REFI-QDA projects made by other tools as new projects,
 * code in them, export them (File › Export, Ctrl+E), open the export again (Ctrl+O), and compare
 * every coding's text with what the tool wrote; rename, duplicate and delete projects; the open
 * project is reopened after a reload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readQdpx } from '../../shared/exchange/qdpx';
import { dragSelect, openApp, REPO_ROOT, screenshot, seriousA11yViolations, serveStatic, skipReason, useApp } from './harness';
import { codedTexts } from '../fixtures/coded-texts';

const reason = skipReason();
if (reason) console.warn(`e2e tests skipped: ${reason}`);
const REFI = path.resolve(REPO_ROOT, '../shared/data/refi-qda');

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
}

const currentProjectName = (page: Page) => page.locator('#project-select option:checked').textContent();

/** Open a .qdpx with Ctrl+O (the browser's File › Open), answering the file chooser. */
async function openWithShortcut(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles([{ name: file.name, mimeType: 'application/zip', buffer: file.buffer }]);
  await page.locator('.app-status', { hasText: /^Opened / }).waitFor({ timeout: 60_000 });
}

/** Export the open project with Ctrl+E; the downloaded bytes. */
async function exportWithShortcut(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+e')]);
  // the export records itself in the audit log after the download starts; wait for it to finish
  await page.locator('.app-status', { hasText: /^Exported / }).waitFor({ timeout: 30_000 });
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Select a plain word in the open document with the mouse and apply the first code in the tree. */
async function codeAWord(page: Page): Promise<{ word: string; code: string }> {
  await page.locator('.turn__text span[data-start]').first().waitFor();
  const w = await page.evaluate(() => {
    for (const s of document.querySelectorAll<HTMLElement>('.turn__text span[data-start]:not(.coded)')) {
      const m = /\p{L}{6,}/u.exec(s.textContent ?? '');
      if (m) return { selector: `.turn__text span[data-start="${s.dataset.start}"]`, from: m.index, to: m.index + m[0].length, word: m[0] };
    }
    throw new Error('no plain word found');
  });
  const before = await page.locator('.coding-list__item').count();
  await dragSelect(page, w.selector, w.from, w.to);
  await page.getByRole('combobox', { name: /Apply a code/ }).waitFor();
  const leaf = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first();
  const code = (await leaf.locator('.code-row__name').first().textContent())!;
  await leaf.locator('.code-row__name').first().click();
  await expect.poll(() => page.locator('.coding-list__item').count()).toBe(before + 1);
  return { word: w.word, code };
}

describe.skipIf(reason !== null)('Projects in the app (Chromium)', () => {
  const app = useApp();

  it('opens the QualCoder and ATLAS.ti projects, codes, exports, reopens: every coding on the same text', async () => {
    const s = await app.open();
    const { page } = s;
    await page.locator('.doc-link').first().waitFor();

    // QualCoder, through the Projects dialog
    const qcBytes = await readFile(path.join(REFI, 'qc1.3.2_demo.qdpx'));
    const fromQualCoder = readQdpx(qcBytes);
    await page.getByRole('button', { name: 'Projects…' }).click();
    await page.getByRole('dialog', { name: 'Projects' }).waitFor();
    await screenshot(page, 'projects-1-dialog');
    await expectAccessible(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open project file…' }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles([{ name: 'qc1.3.2_demo.qdpx', mimeType: 'application/zip', buffer: qcBytes }]);
    await page.getByRole('dialog', { name: 'Projects' }).getByText(/^Opened /).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await currentProjectName(page)).toBe(fromQualCoder.project.name);
    await page.locator('.doc-link').first().waitFor();
    expect(await page.locator('.doc-link').count()).toBe(fromQualCoder.documents.length);

    // code one more word in the first document, then export with Ctrl+E
    await page.locator('.doc-link').first().click();
    const added = await codeAWord(page);
    await screenshot(page, 'projects-2-coded-qualcoder');
    const exported = await exportWithShortcut(page);
    expect(exported.name).toBe(`${fromQualCoder.project.name}.qdpx`);
    const back = readQdpx(new Uint8Array(exported.bytes));
    const expected = [...codedTexts(fromQualCoder)];
    const mine = codedTexts(back).filter((t) => !expected.includes(t));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`|${added.word}|`);
    expect(codedTexts(back).filter((t) => expected.includes(t))).toEqual(expected);
    expect(back.documents.map((d) => d.text).sort()).toEqual(fromQualCoder.documents.map((d) => d.text).sort());

    // the export opened again: already here, so it becomes a copy with every coding on the same text
    await openWithShortcut(page, { name: exported.name, buffer: exported.bytes });
    expect(await page.locator('.app-status').textContent()).toMatch(/as a copy/);
    expect(await currentProjectName(page)).toMatch(/\(opened \d{4}-\d{2}-\d{2}\)$/);
    const again = readQdpx(new Uint8Array((await exportWithShortcut(page)).bytes));
    expect(codedTexts(again)).toEqual(codedTexts(back));

    // ATLAS.ti (its sources are not in the file: opened with notes, codes kept)
    const atlasBytes = await readFile(path.join(REFI, 'atlasti8.4mac_skyloom_TestProject.qdpx'));
    const fromAtlas = readQdpx(atlasBytes);
    await openWithShortcut(page, { name: 'atlasti8.4mac_skyloom_TestProject.qdpx', buffer: atlasBytes });
    expect(await currentProjectName(page)).toBe(fromAtlas.project.name);
    await expect.poll(() => page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').count()).toBe(fromAtlas.codes.filter((c) => c.parentId === null).length);
    const atlasBack = readQdpx(new Uint8Array((await exportWithShortcut(page)).bytes));
    expect(atlasBack.codes.map((c) => c.name).sort()).toEqual(fromAtlas.codes.map((c) => c.name).sort());
    expect(codedTexts(atlasBack)).toEqual(codedTexts(fromAtlas));
    await screenshot(page, 'projects-3-atlas');
    expect(s.errors).toEqual([]);
  }, 240_000);

  it('renames, duplicates and deletes projects (deletion confirmed), and reopens the last project after a reload', async () => {
    const s = await app.open();
    const { page } = s;
    await page.locator('.doc-link').first().waitFor();
    const demoName = (await currentProjectName(page))!.replace(/ \(demo\)$/, '');
    const dialog = page.getByRole('dialog');

    await page.getByRole('button', { name: 'Projects…' }).click();
    await page.getByRole('button', { name: `Duplicate ${demoName} (demo)` }).click();
    await dialog.getByText(`Made “${demoName} (copy)”.`).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: `Rename ${demoName} (copy)` }).click();
    await page.getByLabel('New name').fill('Wave 2 – practice copy');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('row', { name: /Wave 2 – practice copy/ }).waitFor();
    await page.getByRole('button', { name: 'Open Wave 2 – practice copy' }).click();
    expect(await currentProjectName(page)).toBe('Wave 2 – practice copy');
    await page.locator('.doc-link').first().waitFor();
    const docsInCopy = await page.locator('.doc-link').count();
    expect(docsInCopy).toBeGreaterThan(10);
    expect(await page.getByText('all people and places are fictional').count()).toBe(0); // a copy is not the demo

    await page.reload();
    await page.locator('.doc-link').first().waitFor();
    expect(await currentProjectName(page)).toBe('Wave 2 – practice copy');

    await page.getByRole('button', { name: 'Projects…' }).click();
    await page.getByRole('button', { name: 'Delete Wave 2 – practice copy' }).click();
    await page.getByRole('dialog', { name: 'Delete “Wave 2 – practice copy”?' }).waitFor();
    await screenshot(page, 'projects-4-delete-confirm');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('row', { name: /Wave 2 – practice copy/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete Wave 2 – practice copy' }).click();
    await page.getByRole('button', { name: 'Delete project' }).click();
    await dialog.getByText('Deleted “Wave 2 – practice copy”.').waitFor();
    expect(await page.getByRole('row', { name: /Wave 2 – practice copy/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await currentProjectName(page)).toBe(`${demoName} (demo)`);
    expect(s.errors).toEqual([]);
  }, 180_000);
});

describe.skipIf(reason !== null)('Two coders, two machines (Chromium)', () => {
  it('a second coder opens the lead’s export, codes, exports; the lead merges it as one undoable step', async () => {
    const server = await serveStatic();
    const lead = await openApp(server.url);
    const second = await openApp(server.url);
    try {
      // the lead exports the demo project
      await lead.page.locator('.doc-link').first().waitFor();
      const fromLead = await exportWithShortcut(lead.page);
      const original = readQdpx(new Uint8Array(fromLead.bytes));

      // on the second machine: the project arrives with its own ids (their demo copy is deleted first)
      const p2 = second.page;
      await p2.locator('.doc-link').first().waitFor();
      await p2.getByRole('button', { name: 'Projects…' }).click();
      await p2.getByRole('button', { name: /^Delete .* \(demo\)$/ }).click();
      await p2.getByRole('button', { name: 'Delete project' }).click();
      await p2.getByRole('heading', { name: 'No projects yet' }).waitFor();
      await screenshot(p2, 'projects-6-none');
      await expectAccessible(p2);
      const [chooser] = await Promise.all([p2.waitForEvent('filechooser'), p2.getByRole('button', { name: 'Open a project file…' }).click()]);
      await chooser.setFiles([{ name: fromLead.name, mimeType: 'application/zip', buffer: fromLead.bytes }]);
      await p2.locator('.doc-link').first().waitFor({ timeout: 60_000 });
      expect(await currentProjectName(p2)).toBe(original.project.name);
      await p2.locator('section.source-group', { hasText: /interview/i }).first().locator('.doc-link').first().click();
      const added = await codeAWord(p2);
      const fromSecond = await exportWithShortcut(p2);
      const theirs = readQdpx(new Uint8Array(fromSecond.bytes));
      expect(theirs.project.id).toBe(original.project.id);
      expect(theirs.codings).toHaveLength(original.codings.length + 1);

      // the lead merges it: preview first (nothing written), then one step
      const p1 = lead.page;
      await p1.getByRole('button', { name: 'Projects…' }).click();
      await p1.getByRole('button', { name: 'Merge a coder’s project into this one…' }).click();
      const [pick] = await Promise.all([p1.waitForEvent('filechooser'), p1.getByRole('button', { name: 'Choose a project file…' }).click()]);
      await pick.setFiles([{ name: 'coded by the second coder.qdpx', mimeType: 'application/zip', buffer: fromSecond.bytes }]);
      const preview = p1.getByRole('region', { name: /What merging/ });
      await preview.waitFor({ timeout: 60_000 });
      const row = (name: string) => preview.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td');
      expect(await row('Codings').allTextContents()).toEqual([original.codings.length.toLocaleString('en-GB'), '1', '–']);
      expect(await row('Documents').allTextContents()).toEqual([String(original.documents.length), '0', '0']);
      await screenshot(p1, 'projects-5-merge-preview');
      await expectAccessible(p1);
      await p1.getByRole('button', { name: 'Merge', exact: true }).click();
      await p1.getByRole('dialog').getByText(/^Merged “coded by the second coder.qdpx”: 1 coding and 0 documents added/).waitFor();
      await p1.getByRole('button', { name: 'Close' }).click();
      const merged = readQdpx(new Uint8Array((await exportWithShortcut(p1)).bytes));
      expect(codedTexts(merged)).toEqual(codedTexts(theirs));
      expect(codedTexts(merged).some((t) => t.includes(`|${added.word}|`))).toBe(true);

      // one Undo takes the whole merge back
      await p1.getByRole('button', { name: /^Undo/ }).click();
      await expect.poll(async () => codedTexts(readQdpx(new Uint8Array((await exportWithShortcut(p1)).bytes)))).toEqual(codedTexts(original));
      expect(lead.errors).toEqual([]);
      expect(second.errors).toEqual([]);
    } finally {
      await lead.close();
      await second.close();
      await server.close();
    }
  }, 300_000);
});
