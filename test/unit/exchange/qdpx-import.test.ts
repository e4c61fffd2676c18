import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { projectCounts } from '../../../shared/exchange/counts';
import { ExchangeError, readQdpx, readQdpxWithWarnings } from '../../../shared/exchange/qdpx';
import { CODE_PALETTE } from '../../../shared/coding/palette';

const DATA = path.resolve(__dirname, '../../../../shared/data/refi-qda');
const C1 = 'AAAAAAAA-1111-4111-8111-AAAAAAAAAAAA';
const C2 = 'BBBBBBBB-2222-4222-8222-BBBBBBBBBBBB';
const S1 = 'CCCCCCCC-3333-4333-8333-CCCCCCCCCCCC';
const U1 = 'DDDDDDDD-4444-4444-8444-DDDDDDDDDDDD';
const CASE = 'EEEEEEEE-5555-4555-8555-EEEEEEEEEEEE';
const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function qde(body: string, attrs = 'name="Foreign" origin="Tool"', ns = 'urn:QDA-XML:project:1.0'): string {
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?><Project xmlns="${ns}" ${attrs}>${body}</Project>`;
}
const codebook = `<CodeBook><Codes><Code guid="${C1}" name="Delay" isCodable="true"><Code guid="${C2}" name="Call-back" isCodable="true" color="#0A0"/></Code></Codes></CodeBook>`;
function source(path: string, sels: string, extra = ''): string {
  return `<Sources><TextSource guid="${S1}" name="Interview 1" plainTextPath="${path}" ${extra}>${sels}</TextSource></Sources>`;
}
function sel(id: number, start: number, end: number, codes: string[], user = U1): string {
  return `<PlainTextSelection guid="${g(id)}" startPosition="${start}" endPosition="${end}" creatingUser="${user}">${codes
    .map((c, i) => `<Coding guid="${g(id * 10 + i)}" creatingUser="${user}"><CodeRef targetGUID="${c}"/></Coding>`)
    .join('')}</PlainTextSelection>`;
}
const zip = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
const spans = (text: string, b: ReturnType<typeof readQdpx>) => b.codings.map((c) => text.slice(c.start, c.end));

describe('foreign REFI-QDA variants', () => {
  const users = `<Users><User guid="${U1}" name="Pat Coder"/></Users>`;

  it('Project.qde with capital P, Sources/ folder, upper-case GUIDs, several codings per selection, colourless codes', () => {
    const text = 'Nobody called back. Then 😀 it improved.';
    const b = readQdpx(zip({ 'Project.qde': qde(users + codebook + source(`internal://${S1}.txt`, sel(1, 0, 18, [C1, C2]) + sel(2, 25, 26, [C2]))), [`Sources/${S1}.txt`]: text }));
    expect(projectCounts(b)).toEqual({ sources: 1, documents: 1, participants: 0, codes: 2, codings: 3, coders: 1, memos: 0 });
    const doc = b.documents[0]!;
    expect(doc.id).toBe(S1);
    expect(spans(doc.text, b)).toEqual(['Nobody called back', 'Nobody called back', '😀']);
    expect(b.codings.map((c) => c.codeId)).toEqual([C1, C2, C2]);
    expect(b.codes.find((c) => c.id === C1)!.colour).toBe(CODE_PALETTE[0]);
    expect(b.codes.find((c) => c.id === C2)!.colour).toBe('#00AA00');
    expect(b.codes.find((c) => c.id === C2)!.parentId).toBe(C1);
    expect(b.sources[0]).toMatchObject({ name: 'Interview 1', kind: 'other' });
    expect(doc.sourceId).toBe(b.sources[0]!.id);
  });

  it('relative://, absolute and bare paths resolve to sources/ by basename; a BOM is dropped', () => {
    for (const p of [`relative:///${S1}.txt`, `C:\\Users\\x\\Documents\\${S1}.txt`, `/home/x/${S1}.txt`, `${S1}.txt`]) {
      const b = readQdpx(zip({ 'project.qde': qde(users + codebook + source(p, sel(1, 0, 5, [C1]))), [`sources/${S1}.txt`]: '\uFEFFHello world' }));
      expect(b.documents[0]!.text, p).toBe('Hello world');
      expect(spans(b.documents[0]!.text, b)).toEqual(['Hello']);
    }
  });

  it('CRLF text: code points of the normalised text are the default', () => {
    const raw = 'Line one\r\nLine two\r\nLine three';
    const b = readQdpx(zip({ 'project.qde': qde(users + codebook + source('internal://a.txt', sel(1, 9, 17, [C1]))), 'sources/a.txt': raw }));
    expect(b.documents[0]!.text).toBe('Line one\nLine two\nLine three');
    expect(spans(b.documents[0]!.text, b)).toEqual(['Line two']);
  });

  it('CRLF text: offsets that overrun the normalised text but fit the raw text count CRLF as two', () => {
    const raw = 'Line one\r\nLine two\r\nLine three';
    const r = readQdpxWithWarnings(zip({ 'project.qde': qde(users + codebook + source('internal://a.txt', sel(1, 10, 18, [C1]) + sel(2, 20, 30, [C2]))), 'sources/a.txt': raw }));
    expect(spans(r.bundle.documents[0]!.text, r.bundle)).toEqual(['Line two', 'Line three']);
    expect(r.warnings.join(' ')).toMatch(/read as code points with CRLF counted as two: 2 of 2 selections start and end on word boundaries/);
  });

  it('NVivo origin: UTF-16 units with CRLF as two, even with astral characters', () => {
    const raw = '😀 hi\r\nthere';
    // UTF-16 of raw: 😀=0..2, ' hi'=2..5, CRLF 5..7, 'there' 7..12
    const b = readQdpx(zip({ 'project.qde': qde(users + codebook + source('internal://a.txt', sel(1, 7, 12, [C1])), 'name="N" origin="NVivo 14"'), 'sources/a.txt': raw }));
    expect(spans(b.documents[0]!.text, b)).toEqual(['there']);
  });

  it('missing users become "Unknown coder"; a missing text file skips its selections with a warning naming the source', () => {
    const xml = qde(codebook + source('internal://missing.txt', sel(1, 0, 3, [C1], 'FFFFFFFF-0000-4000-8000-000000000000')));
    const r = readQdpxWithWarnings(zip({ 'project.qde': xml }));
    expect(r.bundle.documents).toHaveLength(0);
    expect(r.bundle.sources).toHaveLength(1);
    expect(r.warnings).toEqual([expect.stringMatching(/^source "Interview 1": its text \(internal:\/\/missing\.txt\) is not in the zip; 1 selection\(s\) were skipped$/)]);
    const ok = readQdpx(zip({ 'project.qde': qde(codebook + source('internal://a.txt', sel(1, 0, 3, [C1], 'FFFFFFFF-0000-4000-8000-000000000000'))), 'sources/a.txt': 'abcdef' }));
    expect(ok.coders.map((c) => c.name)).toEqual(['Unknown coder']);
    expect(ok.codings[0]!.coderId).toBe(ok.coders[0]!.id);
  });

  it('cases become participants with attributes and their first source; notes link through NoteRef', () => {
    const V = g(900);
    const N1 = g(901);
    const N2 = g(902);
    const N3 = g(903);
    const xml = qde(
      users +
        `<CodeBook><Codes><Code guid="${C1}" name="Delay" isCodable="true"><NoteRef targetGUID="${N1}"/></Code></Codes></CodeBook>` +
        `<Variables><Variable guid="${V}" name="Age" typeOfVariable="Integer"/></Variables>` +
        `<Cases><Case guid="${CASE}" name="P1"><VariableValue><VariableRef targetGUID="${V}"/><IntegerValue>42</IntegerValue></VariableValue><SourceRef targetGUID="${S1.toLowerCase()}"/></Case></Cases>` +
        source('internal://a.txt', `<PlainTextSelection guid="${g(5)}" startPosition="0" endPosition="3"><Coding guid="${g(6)}"><CodeRef targetGUID="${C1.toLowerCase()}"/></Coding><NoteRef targetGUID="${N2}"/></PlainTextSelection><NoteRef targetGUID="${N3}"/>`) +
        `<Notes><Note guid="${N1}" name="code memo" creatingUser="${U1}"><PlainTextContent>on code</PlainTextContent></Note><Note guid="${N2}"><PlainTextContent>on coding</PlainTextContent></Note><Note guid="${N3}"><PlainTextContent>on doc &amp; more</PlainTextContent></Note><Note guid="${g(904)}" name="loose"><PlainTextContent>x</PlainTextContent></Note></Notes>`,
    );
    const b = readQdpx(zip({ 'project.qde': xml, 'sources/a.txt': 'abcdef' }));
    expect(b.participants).toEqual([expect.objectContaining({ id: CASE, pseudonym: 'P1', sourceId: b.documents[0]!.sourceId, attributes: { [V]: 42 } })]);
    expect(b.documents[0]!.participantId).toBe(CASE);
    expect(b.variables[0]!.type).toBe('number');
    expect(b.codings[0]!.codeId).toBe(C1);
    const target = (id: string) => b.memos.find((m) => m.id === id)!.target;
    expect(target(N1)).toEqual({ kind: 'code', id: C1 });
    expect(target(N2)).toEqual({ kind: 'coding', id: g(6) });
    expect(target(N3)).toEqual({ kind: 'document', id: S1 });
    expect(target(g(904))).toEqual({ kind: 'project', id: b.project.id });
    expect(b.memos.find((m) => m.id === N3)!.text).toBe('on doc & more');
  });

  it('accepts a namespace prefix variant', () => {
    const xml = `<?xml version="1.0"?><qda:Project xmlns:qda="urn:QDA-XML:project:1:0" name="P"><qda:CodeBook><qda:Codes><qda:Code guid="${C1}" name="A" isCodable="true"/></qda:Codes></qda:CodeBook></qda:Project>`;
    expect(readQdpx(zip({ 'project.qde': xml })).codes.map((c) => c.name)).toEqual(['A']);
  });
});

describe('corrupt input fails with one-line ExchangeError messages', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['not a zip', strToU8('hello, world'), /^not a REFI-QDA project \(not a zip archive\)$/],
    ['zip without .qde', zip({ 'readme.txt': 'x' }), /^not a REFI-QDA project \(the zip has no \.qde project file\)$/],
    ['malformed XML', zip({ 'project.qde': '<Project name="x">\n<Users>\n</Project>' }), /^project\.qde: XML malformed at line \d+: /],
    ['wrong root', zip({ 'project.qde': '<CodeBook><Codes/></CodeBook>' }), /^not a REFI-QDA project \(root element CodeBook\)$/],
    ['unknown code', zip({ 'project.qde': qde(codebook + source('internal://a.txt', sel(1, 0, 2, [g(77)]))), 'sources/a.txt': 'abc' }), /^a selection refers to unknown code GUID 00000000-0000-4000-8000-000000000077$/],
    ['entity declarations', zip({ 'project.qde': '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "boom">]><Project name="&x;"/>' }), /entities .* refused/],
    ['truncated zip', zip({ 'project.qde': qde(codebook) }).slice(0, 60), /^not a REFI-QDA project \(corrupt zip archive/],
    ['bad side file', zip({ 'project.qde': qde(''), 'chorus.json': '{"format":"chorus-sidecar","version":2}' }), /^chorus\.json is not a valid Chorus side file/],
  ];
  it.each(cases)('%s', (_name, bytes, pattern) => {
    let err: unknown;
    try {
      readQdpx(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExchangeError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe.skipIf(!existsSync(DATA))('real files from ../shared/data/refi-qda (skipped when absent)', () => {
  it('QualCoder 1.3.2 demo: 205 codings on two transcripts', () => {
    const r = readQdpxWithWarnings(new Uint8Array(readFileSync(path.join(DATA, 'qc1.3.2_demo.qdpx'))));
    expect(projectCounts(r.bundle)).toEqual({ sources: 2, documents: 2, participants: 0, codes: 262, codings: 205, coders: 1, memos: 0 });
    expect(r.warnings).toEqual([]);
    for (const c of r.bundle.codings) {
      const d = r.bundle.documents.find((x) => x.id === c.documentId)!;
      expect(c.end).toBeLessThanOrEqual(d.text.length);
    }
    // selections are line-based in QualCoder: spans start at a word
    const d0 = r.bundle.documents.find((d) => d.title === 'board_2017')!;
    const first = r.bundle.codings.filter((c) => c.documentId === d0.id).sort((a, b) => a.start - b.start)[0]!;
    expect(d0.text.slice(first.start, first.end)).toMatch(/^This district goal/);
  });

  it('ATLAS.ti 8.4 test project with missing sources imports with warnings, no crash', () => {
    const r = readQdpxWithWarnings(new Uint8Array(readFileSync(path.join(DATA, 'atlasti8.4mac_skyloom_TestProject.qdpx'))));
    expect(projectCounts(r.bundle)).toMatchObject({ sources: 12, codes: 14, coders: 3, memos: 2 });
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.warnings.some((w) => w.startsWith('source "Mabel.txt": its text'))).toBe(true);
    expect(r.bundle.codes.find((c) => c.name === 'Coke')!.definition).toBe('the breakfast of champions');
  });
});
