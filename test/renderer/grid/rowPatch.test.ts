import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withCodingAdded } from '../../../renderer/features/grid/rowPatch';
import type { GridRowData } from '../../../renderer/workers/grid-core';
import { codesOf, indexCodings, rowCodes, type GridCoding } from '../../../shared/grid/rows';

const answers = [
  { id: 'a0', length: 40 },
  { id: 'a1', length: 12 },
];

/** The row as the grid worker shows it for these codings (the same fields, from the shared helpers). */
function shown(codings: readonly GridCoding[]): GridRowData {
  const index = indexCodings(codings);
  return {
    key: 'r',
    sourceId: 's',
    recordId: 'R1',
    pseudonym: 'P1',
    values: ['North'],
    cells: [
      ...answers.map((a) => ({
        id: a.id,
        length: a.length,
        text: 'text',
        codeIds: codesOf(index, a.id),
        whole: (index.get(a.id) ?? []).filter((c) => c.start === 0 && c.end === a.length).map((c) => `${c.codeId} ${c.coderId}`),
      })),
      null,
    ],
    codeIds: rowCodes({ answers: [...answers.map((a) => ({ ...a })), null] } as unknown as Parameters<typeof rowCodes>[0], index),
  };
}

const coding = fc.record({
  answer: fc.constantFrom(0, 1),
  codeId: fc.constantFrom('c1', 'c2', 'c3'),
  coderId: fc.constantFrom('you', 'them'),
  whole: fc.boolean(),
});
const toCoding = (c: { answer: number; codeId: string; coderId: string; whole: boolean }, i: number): GridCoding => ({
  id: `k${i}`,
  documentId: answers[c.answer]!.id,
  codeId: c.codeId,
  coderId: c.coderId,
  start: c.whole ? 0 : 2,
  end: c.whole ? answers[c.answer]!.length : 6,
});

describe('a coding added to a shown grid row', () => {
  it('gives the row the worker would show after it (or null where it shows the same)', () => {
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 8 }), coding, (before, added) => {
        const existing = before.map(toCoding);
        const add = toCoding(added, 99);
        // (the command never writes a second coding of the same place, code and coder: it returns the first)
        fc.pre(!existing.some((c) => c.documentId === add.documentId && c.codeId === add.codeId && c.coderId === add.coderId && c.start === add.start && c.end === add.end));
        const patched = withCodingAdded(shown(existing), add);
        const want = shown([...existing, add]);
        expect(patched ?? shown(existing)).toEqual(want);
      }),
    );
  });

  it('leaves a row alone when the coding is on another row’s answer', () => {
    expect(withCodingAdded(shown([]), { id: 'x', documentId: 'elsewhere', codeId: 'c1', coderId: 'you', start: 0, end: 5 })).toBeNull();
  });

  it('paints the whole-answer mark a number key toggles', () => {
    const row = withCodingAdded(shown([]), { id: 'x', documentId: 'a1', codeId: 'c2', coderId: 'you', start: 0, end: 12 })!;
    expect(row.cells[1]).toMatchObject({ codeIds: ['c2'], whole: ['c2 you'] });
    expect(row.cells[0]).toMatchObject({ codeIds: [], whole: [] });
    expect(row.codeIds).toEqual(['c2']);
  });
});
