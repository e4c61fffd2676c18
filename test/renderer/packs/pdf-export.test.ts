/** The app's PDF path: the pack's pdfmake definition rendered by pdfmake's browser build (loaded on demand) with Roboto embedded. */
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/demo';
import { makePack } from '../../../shared/packs/make';
import { APP_PACK_FORMATS, packBytes } from '../../../renderer/features/packs/exportPack';

describe('exporting a pack as PDF in the app', () => {
  it('is one of the app’s formats and gives a PDF with Roboto embedded and the pack’s title', async () => {
    expect(APP_PACK_FORMATS).toContain('pdf');
    const doc = makePack(buildDemoProject(), 'executive', { now: new Date('2026-12-03T00:00:00Z') });
    const bytes = await packBytes(doc, 'pdf');
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.slice(0, 5)).toBe('%PDF-');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    // the document information carries the title (pdfkit writes it as a hex or literal string)
    expect(text).toMatch(/\/Title/);
    expect(bytes.length).toBeGreaterThan(5_000);
  }, 120_000);
});
