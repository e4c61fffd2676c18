import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemoProject } from '../../../shared/demo';
import type { ProjectBundle } from '../../../shared/model';
import { agreementTable, alphaBand, kappaBand, runAgreement, type AgreementRequest, type ShownDisagreement } from '../../../shared/analysis/reliability/run-agreement';
import { toCsv } from '../../../shared/export/table';

const demo = buildDemoProject();
const coderIds = demo.coders.map((c) => c.id);

function acceptIn(bundle: ProjectBundle, d: ShownDisagreement): ProjectBundle {
  const added = d.notAppliedBy.flatMap((coderId, i) =>
    d.acceptSpans.map((s, j) => ({ id: `00000000-0000-4000-8000-${String(i * 1000 + j).padStart(12, '0')}`, projectId: bundle.project.id, documentId: d.documentId, codeId: d.codeId, start: s.start, end: s.end, coderId, createdAt: '2026-01-01T00:00:00.000Z' })),
  );
  return { ...bundle, codings: [...bundle.codings, ...added] };
}
function rejectIn(bundle: ProjectBundle, d: ShownDisagreement): ProjectBundle {
  const gone = new Set(d.rejectIds);
  return { ...bundle, codings: bundle.codings.filter((c) => !gone.has(c.id)) };
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
        expect(d.rejectIds.length).toBeGreaterThan(0);
        for (const id of d.rejectIds) {
          const c = demo.codings.find((x) => x.id === id)!;
          expect(d.appliedBy).toContain(c.coderId);
          expect(c.codeId).toBe(d.codeId);
          expect(c.start < d.end && c.end > d.start).toBe(true);
        }
      }
    });
  }

  it('resolving a disagreement (accept or reject) makes it disappear, and accepting never adds others', () => {
    const req: AgreementRequest = { coderIds, sourceIds: null, codeIds: null, unit: 'sentence' };
    const first = runAgreement(demo, req);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: first.disagreements.length - 1 }), fc.boolean(), (i, accept) => {
        const d = first.disagreements[i]!;
        const after = runAgreement(accept ? acceptIn(demo, d) : rejectIn(demo, d), req, Infinity);
        expect(after.disagreements.map((x) => x.key)).not.toContain(d.key);
        // Accepting only adds coverage, so it never creates a disagreement; rejecting removes whole
        // codings, which may reopen units the coders agreed on elsewhere in those codings.
        if (accept) expect(after.totalDisagreements).toBeLessThan(first.totalDisagreements);
      }),
      { numRuns: 12 },
    );
  });

  it('accepting everywhere at character level leaves no disagreements and perfect agreement', () => {
    const req: AgreementRequest = { coderIds, sourceIds: [demo.sources[1]!.id], codeIds: null, unit: 'character' };
    let b = demo;
    for (const d of runAgreement(b, req, Infinity).disagreements) b = acceptIn(b, d);
    const r = runAgreement(b, req);
    expect(r.totalDisagreements).toBe(0);
    expect(r.report.overall.percentAgreement).toBe(100);
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
