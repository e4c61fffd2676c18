import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { docxToText } from '../../../shared/import/docx';
import { parseTranscript } from '../../../shared/import/transcript';
import { buildDocx } from '../../fixtures/docx';

describe('docxToText', () => {
  it('extracts paragraphs from a minimal DOCX given as a Uint8Array', async () => {
    const text = await docxToText(buildDocx(['Interviewer: How did the officer respond?', 'P1: Slowly & without <any> update.', 'Interviewer: Thank you.']));
    expect(text).toBe('Interviewer: How did the officer respond?\n\nP1: Slowly & without <any> update.\n\nInterviewer: Thank you.\n');
    const t = parseTranscript(text);
    expect(t.speakers).toEqual(['Interviewer', 'P1']);
    expect(t.turns.map((x) => text.slice(x.start, x.end))).toEqual(['Interviewer: How did the officer respond?', 'P1: Slowly & without <any> update.', 'Interviewer: Thank you.']);
  });

  it('refuses bytes that are not a ZIP, and a ZIP that is not a DOCX, with clear messages', async () => {
    await expect(docxToText(strToU8('plain text'))).rejects.toThrow(/not a DOCX file/);
    await expect(docxToText(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(/cannot be read as a DOCX document/);
  });
});
