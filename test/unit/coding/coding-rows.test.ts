import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCodingChanges, digestCodings, type CodingChange } from '../../../shared/coding/coding-digest';
import { digestRows, listRows, type CodingRows } from '../../../shared/coding/coding-rows';
import { prepareIndex } from '../../../shared/analysis/prepare';
import { buildDemoProject } from '../../../shared/demo';
import type { Coding } from '../../../shared/model';

const P = 'p';
const byId = (a: Coding, b: Coding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const DOCS = ['d1', 'd2', 'ds-0001:0000002a:1', 'ds-0001:0000002a:2'];

const arbCoding = (projectId: fc.Arbitrary<string> = fc.constant(P)) =>
  fc.record({
    id: fc.oneof(fc.stringMatching(/^[0-9a-f]{1,6}$/), fc.string({ unit: 'grapheme', maxLength: 4 })),
    projectId,
    documentId: fc.constantFrom(...DOCS),
    codeId: fc.constantFrom('c1', 'c2', 'c3'),
    start: fc.oneof(fc.nat(2000), fc.constant(2 ** 32 + 5)),
    end: fc.nat(2 ** 33),
    coderId: fc.constantFrom('k1', 'k2'),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-03', '2026-12-04T23:10:14Z'),
  });
const change = fc.record({
  written: fc.array(arbCoding(fc.constantFrom(P, P, 'other')), { maxLength: 6 }),
  deleted: fc.array(fc.oneof(fc.stringMatching(/^[0-9a-f]{1,6}$/), fc.string({ maxLength: 3 })), { maxLength: 4 }),
});

/** Every row as a coding object (the test's way of reading them whole). */
const objects = (rows: CodingRows, projectId: string): Coding[] =>
  Array.from({ length: rows.length }, (_, i) => ({ id: rows.id(i), projectId, documentId: rows.documentId(i), codeId: rows.codeId(i), start: rows.start(i), end: rows.end(i), coderId: rows.coderId(i), createdAt: rows.createdAt(i) }));

describe('coding rows (codings read field by field)', () => {
  it('property: a digest with journal changes reads as the list the changes make, less the documents not kept', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbCoding(), { selector: (c) => c.id, maxLength: 50 }), fc.array(change, { maxLength: 6 }), fc.subarray(DOCS), (codings, changes: CodingChange[], hidden) => {
        const keep = (d: string) => !hidden.includes(d);
        const want = applyCodingChanges([...codings].sort(byId), P, changes).filter((c) => keep(c.documentId));
        const rows = digestRows(digestCodings(P, 1, codings), P, changes, keep);
        expect(objects(rows, P).sort(byId)).toEqual(want);
        expect(objects(listRows(want), P)).toEqual(want);
      }),
    );
  });

  it('the analysis index from a digest and its changes equals the index from the list (the demo project, changed)', () => {
    const bundle = buildDemoProject();
    const pid = bundle.project.id;
    const [a, b, c] = bundle.codings;
    const changes: CodingChange[] = [
      { written: [{ ...a!, end: a!.end + 1 }, { ...b!, id: '00000000-0000-4000-8000-00000000abcd' }], deleted: [] },
      { written: [], deleted: [c!.id] },
      // a coding on a document that is not in the bundle: left out, and named
      { written: [{ ...b!, id: '00000000-0000-4000-8000-00000000abce', documentId: '00000000-0000-4000-8000-0000000dead0' }], deleted: [] },
    ];
    const list = applyCodingChanges([...bundle.codings].sort(byId), pid, changes);
    const fromList = prepareIndex({ ...bundle, codings: list });
    const fromDigest = prepareIndex({ ...bundle, codings: [] }, digestRows(digestCodings(pid, 1, bundle.codings), pid, changes));
    // (ids and times are read by position: compared as the lists they read as)
    const plain = (c: typeof fromList.codings) => ({ ...c, id: Array.from({ length: c.count }, (_, k) => c.id(k)), createdAt: Array.from({ length: c.count }, (_, k) => c.createdAt(k)) });
    expect(plain(fromDigest.codings)).toEqual(plain(fromList.codings));
    expect(plain(fromList.codings).id).toEqual([...list].filter((x) => x.documentId !== '00000000-0000-4000-8000-0000000dead0').sort((x, y) => fromList.documents.indexOf(x.documentId)! - fromList.documents.indexOf(y.documentId)! || x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1)).map((x) => x.id));
    expect(fromDigest.docStart).toEqual(fromList.docStart);
    expect(fromDigest.byCode).toEqual(fromList.byCode);
    expect(fromDigest.skippedCodings).toEqual(['00000000-0000-4000-8000-00000000abce']);
    expect(fromList.skippedCodings).toEqual(fromDigest.skippedCodings);
    expect(fromList.codings.count).toBe(bundle.codings.length); // one changed, one added, one deleted
  });
});
