import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeCounts } from '../../../shared/coding/counts';
import { indexCodings } from '../../../shared/coding/coding-index';
import type { Code, Coding } from '../../../shared/model';

const code = (id: string, parentId: string | null = null) => ({ id, parentId }) as unknown as Code;
const coding = (documentId: string, codeId: string) => ({ documentId, codeId }) as unknown as Coding;

describe('codeCounts', () => {
  it('counts codings, documents and participants, own and rolled up to parents', () => {
    const codes = [code('theme'), code('sub', 'theme'), code('other')];
    const documents = [
      { id: 'd1', participantId: 'p1' },
      { id: 'd2', participantId: 'p1' },
      { id: 'd3', participantId: 'p2' },
      { id: 'd4', participantId: null },
    ];
    const { own, rolled } = codeCounts(codes, [coding('d1', 'sub'), coding('d2', 'sub'), coding('d3', 'theme'), coding('d4', 'theme'), coding('d1', 'sub')], documents);
    expect(own.get('sub')).toEqual({ codings: 3, documents: 2, participants: 1 });
    expect(own.get('theme')).toEqual({ codings: 2, documents: 2, participants: 1 });
    expect(rolled.get('theme')).toEqual({ codings: 5, documents: 4, participants: 2 });
    expect(rolled.get('other')).toEqual({ codings: 0, documents: 0, participants: 0 });
  });

  it('counts a coding on a document not listed (hidden by a retraction) without a participant', () => {
    const { own } = codeCounts([code('c')], [coding('gone', 'c'), coding('d1', 'c')], [{ id: 'd1', participantId: 'p1' }]);
    expect(own.get('c')).toEqual({ codings: 2, documents: 2, participants: 1 });
  });

  it('property: equals a count made coding by coding over the whole document list', () => {
    const arb = fc.record({
      parents: fc.array(fc.option(fc.nat(5), { nil: null }), { minLength: 1, maxLength: 6 }),
      docs: fc.array(fc.option(fc.nat(4), { nil: null }), { maxLength: 12 }),
      codings: fc.array(fc.tuple(fc.nat(14), fc.nat(6)), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ parents, docs, codings }) => {
        // a parent only among the codes before it: a tree
        const codes = parents.map((p, i) => code(`c${i}`, p !== null && p < i ? `c${p}` : null));
        const documents = docs.map((p, i) => ({ id: `d${i}`, participantId: p === null ? null : `p${p}` }));
        const cs = codings.map(([d, c]) => coding(`d${d}`, `c${c}`));
        const { own, rolled } = codeCounts(codes, cs, documents);
        const partOf = (id: string) => documents.find((d) => d.id === id)?.participantId;
        const under = (c: string, top: string): boolean => c === top || (codes.find((x) => x.id === c)?.parentId ? under(codes.find((x) => x.id === c)!.parentId!, top) : false);
        for (const k of codes) {
          const mine = cs.filter((x) => x.codeId === k.id);
          const all = cs.filter((x) => codes.some((c) => c.id === x.codeId) && under(x.codeId, k.id));
          const sum = (xs: Coding[]) => ({ codings: xs.length, documents: new Set(xs.map((x) => x.documentId)).size, participants: new Set(xs.map((x) => partOf(x.documentId)).filter(Boolean)).size });
          expect(own.get(k.id)).toEqual(sum(mine));
          expect(rolled.get(k.id)).toEqual(sum(all));
        }
        // the same counts from the codings' columns (how the app counts them: no object per coding)
        const columns = indexCodings(cs.map((x, i) => ({ ...x, id: `k${String(i).padStart(3, '0')}`, coderId: 'me', start: 0, end: 1 })));
        expect(codeCounts(codes, columns, documents)).toEqual({ own, rolled });
        // and with the participants as a lookup (the worker's: a survey answer's read from its table), however the codings come
        expect(codeCounts(codes, cs, partOf)).toEqual({ own, rolled });
        expect(codeCounts(codes, columns, partOf)).toEqual({ own, rolled });
        // and from columns with changes applied since (answers changed since are counted from the changes)
        const ided = cs.map((x, i) => ({ ...x, id: `k${String(i).padStart(3, '0')}`, coderId: 'me', start: 0, end: 1 }));
        const half = Math.floor(ided.length / 2);
        const changed = indexCodings(ided.slice(0, half).concat(ided.slice(half).map((c) => ({ ...c, documentId: 'd99' }))));
        changed.apply('p', [{ written: ided.slice(half), deleted: [] }]);
        expect(codeCounts(codes, changed, partOf)).toEqual({ own, rolled });
      }),
    );
  });
});
