import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemoProject } from '../../../shared/demo';
import type { ProjectBundle } from '../../../shared/model';
import { agreementTable, alphaBand, kappaBand, runAgreement, type AgreementRequest, type ShownDisagreement } from '../../../shared/analysis/reliability/run-agreement';
import { toCsv } from '../../../shared/export/table';
import { binaryProject, WIKIPEDIA_COHEN } from '../../fixtures/agreement/published';

const demo = buildDemoProject();
const coderIds = demo.coders.map((c) => c.id);

/** The bundle with a consensus decision on disagreement `d`, made by the project's first coder. */
function decideIn(bundle: ProjectBundle, d: ShownDisagreement, decision: 'apply' | 'remove', n = 0): ProjectBundle {
  const row = { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, projectId: bundle.project.id, documentId: d.documentId, codeId: d.codeId, start: d.start, end: d.end, decision, decidedBy: bundle.coders[0]!.id, at: '2026-01-01T00:00:00.000Z' };
  return { ...bundle, decisions: [...(bundle.decisions ?? []), row] };
}

describe('runAgreement on the demo project', () => {
  for (const unit of ['character', 'sentence'] as const) {
    it(`gives kappa and alpha and lists disagreements with their text (${unit})`, () => {
      const r = runAgreement(demo, { coderIds, sourceIds: null, codeIds: null, unit });
      expect(r.report.overall.kappa).not.toBeNull();
      expect(r.report.overall.alpha).not.toBeNull();
      expect(r.totalDisagreements).toBeGreaterThan(0);
      const doc = new Map(demo.documents.map((d) => [d.id, d]));
      for (const d of r.disagreements) {
        expect(d.appliedBy.length).toBeGreaterThan(0);
        expect(d.notAppliedBy.length).toBeGreaterThan(0);
        expect(d.document).toBe(doc.get(d.documentId)!.title);
        expect(d.decision).toBeNull();
      }
    });
  }

  it('resolving a disagreement records a decision on it and never moves the coders’ own figures', () => {
    const req: AgreementRequest = { coderIds, sourceIds: null, codeIds: null, unit: 'sentence' };
    const first = runAgreement(demo, req);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: first.disagreements.length - 1 }), fc.boolean(), (i, apply) => {
        const d = first.disagreements[i]!;
        const after = runAgreement(decideIn(demo, d, apply ? 'apply' : 'remove'), req);
        expect(after.report).toEqual(first.report);
        expect(after.resolved).toBe(1);
        const shown = after.disagreements.find((x) => x.key === d.key)!;
        expect(shown.decision).toMatchObject({ decision: apply ? 'apply' : 'remove', decidedBy: demo.coders[0]!.id });
      }),
      { numRuns: 12 },
    );
  });

  it('with every disagreement decided, all are marked resolved and the consensus joins the comparison as a pseudo-coder', () => {
    const req: AgreementRequest = { coderIds, sourceIds: [demo.sources[1]!.id], codeIds: null, unit: 'character', consensus: true };
    let b = demo;
    runAgreement(b, req, Infinity).disagreements.forEach((d, i) => (b = decideIn(b, d, 'apply', i)));
    const r = runAgreement(b, req);
    expect(r.resolved).toBe(r.totalDisagreements);
    expect(r.report.coders.map((c) => c.name).at(-1)).toBe('Consensus');
    // the coders' own figures are those without the consensus
    const plain = runAgreement(b, { ...req, consensus: false });
    expect(r.report.coders).toHaveLength(plain.report.coders.length + 1);
  });

  it('refuses fewer than two coders, or sources without documents, with plain messages', () => {
    expect(() => runAgreement(demo, { coderIds: [coderIds[0]!], sourceIds: null, codeIds: null, unit: 'character' })).toThrow(/at least two coders/);
    expect(() => runAgreement(demo, { coderIds, sourceIds: ['nope'], codeIds: null, unit: 'character' })).toThrow(/no documents/);
  });

  it('exports as a table with an overall row and one row per code', () => {
    const r = runAgreement(demo, { coderIds, sourceIds: null, codeIds: null, unit: 'character' });
    const t = agreementTable(r.report);
    expect(t.rows.length).toBe(r.report.codes.length + 1);
    expect(toCsv(t).split('\r\n')[0]).toBe("Code,Agreement %,Cohen's kappa,Cohen's kappa: reading (Landis & Koch),Krippendorff's alpha,Alpha: reading (Krippendorff),Characters compared");
  });
});

describe('runAgreement on Wikipedia’s Cohen’s kappa example (default request)', () => {
  it('gives p_o 70% and κ 0.40, with each coder’s untouched documents', () => {
    const wiki = binaryProject(WIKIPEDIA_COHEN.a, WIKIPEDIA_COHEN.b);
    const r = runAgreement(wiki, { coderIds: wiki.coders.map((c) => c.id), sourceIds: null, codeIds: null, unit: 'response' });
    expect(r.report.overall.percentAgreement).toBeCloseTo(70, 9);
    expect(r.report.overall.kappa).toBeCloseTo(0.4, 9);
    expect(Object.values(r.report.untouched)).toEqual([25, 20]);
    expect(r.totalDisagreements).toBe(15);
    const missing = runAgreement(wiki, { coderIds: wiki.coders.map((c) => c.id), sourceIds: null, codeIds: null, unit: 'response', absent: 'missing' });
    expect(missing.report.overall.percentAgreement).toBe(100);
    expect(() => runAgreement(wiki, { coderIds: wiki.coders.map((c) => c.id), sourceIds: null, codeIds: null, unit: 'response', assigned: true })).toThrow(/No documents are assigned/);
  });
});

describe('interpretation bands', () => {
  it('follow Landis & Koch for kappa and Krippendorff for alpha, and are monotone', () => {
    expect(kappaBand(0.3)!.label).toBe('fair');
    expect(kappaBand(0.5)!.label).toBe('moderate');
    expect(kappaBand(0.7)!.label).toBe('substantial');
    expect(kappaBand(0.85)!.label).toBe('almost perfect');
    expect(alphaBand(0.7)!.label).toMatch(/tentative/);
    expect(alphaBand(0.6)!.label).toMatch(/unreliable/);
    expect(alphaBand(0.8)!.label).toMatch(/reliable/);
    expect(kappaBand(null)).toBeNull();
    const order = ['poor', 'slight', 'fair', 'moderate', 'substantial', 'almost perfect'];
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(kappaBand(lo)!.label)).toBeLessThanOrEqual(order.indexOf(kappaBand(hi)!.label));
      }),
    );
  });
});
