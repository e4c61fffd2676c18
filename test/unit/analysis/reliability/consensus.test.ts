import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignedDocuments,
  computeAgreement,
  CONSENSUS_CODER,
  consensusCodings,
  decisionFor,
  listDisagreements,
  withConsensus,
} from '../../../../shared/analysis/reliability';
import type { ConsensusDecision, ProjectBundle } from '../../../../shared/model';
import { makeBundle } from './bundle';

const AT = (n: number) => `2025-02-0${n}T00:00:00Z`;

function decide(bundle: ProjectBundle, decision: 'apply' | 'remove', unit: 'character' | 'sentence' = 'character'): ConsensusDecision[] {
  return listDisagreements(bundle, { unit, coderIds: bundle.coders.map((c) => c.id) }).map((d, i) => ({
    id: `d${i}`, projectId: bundle.project.id, documentId: d.documentId, codeId: d.codeId, start: d.start, end: d.end, decision, decidedBy: bundle.coders[0]!.id, at: AT(1),
  }));
}

/** Per (document, code), the set of characters covered by `codings`. */
function covered(codings: { documentId: string; codeId: string; start: number; end: number }[]): Set<string> {
  const out = new Set<string>();
  for (const c of codings) for (let i = c.start; i < c.end; i++) out.add(`${c.documentId}:${c.codeId}:${i}`);
  return out;
}

const spec = fc
  .array(fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1), fc.nat(29), fc.integer({ min: 1, max: 10 })), { maxLength: 10 })
  .map((cs) => ({
    coders: ['A', 'B'],
    codes: ['c', 'd'],
    docs: [{ text: 'One two. Three four. Five six.' }, { text: 'Seven eight. Nine ten. Eleven.' }],
    codings: cs.map(([j, k, d, s, n]): [number, number, number, number, number] => [j, k, d, s, Math.min(30, s + n)]),
  }));

describe('consensus', () => {
  it('without decisions is what both coders applied; deciding every disagreement "apply" gives the union, "remove" the intersection (property)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const bundle = makeBundle(s);
        const all = { coderIds: bundle.coders.map((c) => c.id) };
        const both = covered(consensusCodings(bundle, all));
        const a = covered(bundle.codings.filter((c) => c.coderId === bundle.coders[0]!.id));
        const b = covered(bundle.codings.filter((c) => c.coderId === bundle.coders[1]!.id));
        expect([...both].sort()).toEqual([...a].filter((x) => b.has(x)).sort());
        const union = covered(consensusCodings({ ...bundle, decisions: decide(bundle, 'apply') }, all));
        expect([...union].sort()).toEqual([...new Set([...a, ...b])].sort());
        const inter = covered(consensusCodings({ ...bundle, decisions: decide(bundle, 'remove') }, all));
        expect([...inter].sort()).toEqual([...both].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('never changes the coders’ own agreement, and is compared as a separate pseudo-coder', () => {
    const bundle = makeBundle({ coders: ['A', 'B'], codes: ['c'], docs: [{ text: 'x'.repeat(20) }], codings: [[0, 0, 0, 0, 10], [1, 0, 0, 5, 15]] });
    const decided = { ...bundle, decisions: decide(bundle, 'apply') };
    expect(computeAgreement(decided, { unit: 'character' })).toEqual(computeAgreement(bundle, { unit: 'character' }));
    const withC = withConsensus(decided, {});
    expect(withC.coders.at(-1)!.name).toBe('Consensus');
    expect(withC.codings.filter((c) => c.coderId === CONSENSUS_CODER.id).map((c) => [c.start, c.end])).toEqual([[0, 15]]);
    expect(withC.codings.filter((c) => c.coderId !== CONSENSUS_CODER.id)).toEqual(bundle.codings);
    // A against the consensus: A 0–10, consensus 0–15 → 15 of 20 characters agree
    const r = computeAgreement(withC, { unit: 'character', coderIds: [bundle.coders[0]!.id, CONSENSUS_CODER.id] });
    expect(r.overall.percentAgreement).toBeCloseTo(75, 9);
  });

  it('a later decision on the same span overrides an earlier one', () => {
    const bundle = makeBundle({ coders: ['A', 'B'], codes: ['c'], docs: [{ text: 'x'.repeat(20) }], codings: [[0, 0, 0, 0, 10], [1, 0, 0, 0, 5]] });
    const [apply] = decide(bundle, 'apply');
    const later: ConsensusDecision = { ...apply!, id: 'later', decision: 'remove', at: AT(2) };
    const decisions = [later, apply!];
    expect(decisionFor(apply!, decisions)?.id).toBe('later');
    expect(consensusCodings({ ...bundle, decisions }, {}).map((c) => [c.start, c.end])).toEqual([[0, 5]]);
  });
});

describe('assignedDocuments', () => {
  it('resolves source assignments to their documents and adds single documents, once each', () => {
    const documents = [
      { id: 'd1', sourceId: 's1' },
      { id: 'd2', sourceId: 's1' },
      { id: 'd3', sourceId: 's2' },
    ];
    const r = assignedDocuments(documents, [
      { coderId: 'A', scope: 'source', targetId: 's1' },
      { coderId: 'A', scope: 'document', targetId: 'd1' },
      { coderId: 'B', scope: 'document', targetId: 'd3' },
    ]);
    expect(r).toEqual({ A: ['d1', 'd2'], B: ['d3'] });
  });
});
