import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { docxToText } from '../../../shared/import/docx';
import { parseTranscript } from '../../../shared/import/transcript';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;

/** The smallest DOCX mammoth accepts: content types, the package relationship and the main document part. */
function buildDocx(paragraphs: string[]): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map(para).join('')}</w:body></w:document>`),
  });
}

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
