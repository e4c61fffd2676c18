/** Exporting a pack as PDF: where the platform can print (Electron), the HTML pack itself is printed; where it cannot (a browser), pdfmake draws it. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../renderer/platform';

const platform = vi.hoisted(() => ({ current: null as Partial<Platform> | null }));
vi.mock('../../../renderer/platform', () => ({ getPlatform: () => platform.current }));

const { packBytes } = await import('../../../renderer/features/packs/exportPack');
const { makePack } = await import('../../../shared/packs/make');
const { buildDemoProject } = await import('../../../shared/demo');

const doc = makePack(buildDemoProject(), 'executive', { now: new Date('2026-12-03T00:00:00Z') });

beforeEach(() => {
  platform.current = null;
});

describe('the PDF route', () => {
  it('Electron: printToPdf gets the pack’s self-contained HTML (the same as Export HTML) and its bytes are the file', async () => {
    const printed = new TextEncoder().encode('%PDF-1.7 printed by Chromium');
    const printToPdf = vi.fn(async (_html: string) => printed);
    platform.current = { kind: 'electron', printToPdf };
    const bytes = await packBytes(doc, 'pdf');
    expect(bytes).toBe(printed);
    expect(printToPdf).toHaveBeenCalledTimes(1);
    const html = printToPdf.mock.calls[0]![0];
    platform.current = { kind: 'electron', printToPdf };
    expect(html).toBe(new TextDecoder().decode(await packBytes(doc, 'html')));
    expect(html).toContain('<main class="one-page">');
  });

  it('a browser (no printToPdf): pdfmake draws the pack', async () => {
    platform.current = { kind: 'browser' };
    const text = new TextDecoder('latin1').decode(await packBytes(doc, 'pdf'));
    expect(text.slice(0, 5)).toBe('%PDF-');
    expect(text).toMatch(/Roboto/);
  }, 120_000);
});
