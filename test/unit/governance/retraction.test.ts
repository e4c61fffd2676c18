import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blankDataset,
  dueForDeletion,
  hideInDatasets,
  reasonsCsv,
  reasonsOverTime,
  retentionState,
  retractionScope,
  RETRACTED_LABEL,
  scrubChanges,
} from '../../../shared/governance/retraction';
import { datasetDocuments, datasetParticipantId, datasetParticipants, type Dataset } from '../../../shared/import/dataset';
import { RETRACTION_REASONS, type RetractionRecord } from '../../../shared/model';
import { planCommand, type Snapshot } from '../../../shared/commands';

const DS_ID = '0a1b2c3d-4e5f-4a0b-8c0d-';

/** A dataset of `people.length` rows; row r belongs to participant people[r]; answers all non-empty. */
function dataset(people: number[], fields = 2): Dataset {
  const n = Math.max(0, ...people) + 1;
  const firstRow = Array.from({ length: n }, (_, p) => people.indexOf(p));
  const present = firstRow.map((r, p) => [r, p] as const).filter(([r]) => r >= 0);
  const index = new Map(present.map(([, p], i) => [p, i]));
  return {
    id: DS_ID,
    projectId: '11111111-1111-4111-8111-111111111111',
    sourceId: '22222222-2222-4222-8222-222222222222',
    createdAt: '2026-01-01',
    fields: Array.from({ length: fields }, (_, i) => ({ name: `Q${i}`, description: '' })),
    recordIds: people.map((_, r) => `R${r}`),
    participantOf: Int32Array.from(people.map((p) => index.get(p)!)),
    lengths: Int32Array.from(people.flatMap(() => Array.from({ length: fields }, () => 4))),
    participants: { rows: Int32Array.from(present.map(([r]) => r)), pseudonyms: present.map(([, p]) => `person ${p}`), attributes: { v: present.map(([, p]) => `value ${p}`) } },
    responseAttributes: { w: people.map((_, r) => `row value ${r}`) },
  };
}

describe('retraction scope and dataset blanking', () => {
  it('a retracted participant loses every row: no derived document, no record id, pseudonym or attribute value left; others keep theirs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }), fc.nat(), (people, pick) => {
        const ds = dataset(people);
        const participants = datasetParticipants(ds);
        const target = participants[pick % participants.length]!;
        const scope = retractionScope({ kind: 'participant', id: target.id }, datasetDocuments(ds), [ds]);
        const out = blankDataset(ds, scope.datasetAnswers.get(ds.id), scope.datasetParticipants.get(ds.id));
        const docs = datasetDocuments(out);
        expect(docs.some((d) => d.participantId === target.id)).toBe(false);
        expect(docs.length).toBe(datasetDocuments(ds).filter((d) => d.participantId !== target.id).length);
        const text = JSON.stringify({ ...out, lengths: [...out.lengths] });
        const mine = people.map((p, r) => [p, r] as const).filter(([, r]) => datasetParticipantId(ds.id, ds.participants.rows[ds.participantOf[r]!]!) === target.id);
        for (const [, r] of mine) {
          expect(out.recordIds[r]).toBe(RETRACTED_LABEL);
          expect(text).not.toContain(`"row value ${r}"`);
        }
        expect(text).not.toContain(`"${target.pseudonym}"`);
        expect(text).not.toContain(`"${String(target.attributes.v)}"`);
        // everyone else is untouched
        for (const other of datasetParticipants(out)) if (other.id !== target.id) expect(participants.find((p) => p.id === other.id)).toEqual(other);
        // the input is not changed
        expect(datasetDocuments(ds).length).toBe(people.length * 2);
      }),
    );
  });

  it('a retracted survey answer (document) loses only that answer; the row and participant stay', () => {
    const ds = dataset([0, 0, 1]);
    const doc = datasetDocuments(ds)[1]!;
    const scope = retractionScope({ kind: 'document', id: doc.id }, datasetDocuments(ds), [ds]);
    const out = blankDataset(ds, scope.datasetAnswers.get(ds.id), scope.datasetParticipants.get(ds.id));
    expect(datasetDocuments(out).map((d) => d.id)).toEqual(datasetDocuments(ds).map((d) => d.id).filter((id) => id !== doc.id));
    expect(out.recordIds).toEqual(ds.recordIds);
    expect(datasetParticipants(out)).toEqual(datasetParticipants(ds));
  });

  it('a retracted source takes its datasets whole; hideInDatasets drops them from the view', () => {
    const ds = dataset([0, 1]);
    const scope = retractionScope({ kind: 'source', id: ds.sourceId }, datasetDocuments(ds), [ds]);
    expect(scope.datasetIds).toEqual([ds.id]);
    expect(scope.documentIds).toHaveLength(4);
    expect(scope.participantIds).toHaveLength(2);
    expect(hideInDatasets([ds], [{ kind: 'source', id: ds.sourceId }])).toEqual([]);
  });

  it('scrubChanges removes exactly the changes to purged rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ table: fc.constantFrom('texts', 'codings', 'codes'), key: fc.constantFrom('a', 'b', 'c') })), fc.subarray(['texts\u0000a', 'codings\u0000b', 'codes\u0000c']), (changes, purged) => {
        const set = new Set(purged);
        const { changes: kept, removed } = scrubChanges(changes, set);
        expect(kept.length + removed).toBe(changes.length);
        expect(kept.every((c) => !set.has(`${c.table}\u0000${c.key}`))).toBe(true);
        expect(kept).toEqual(changes.filter((c) => !set.has(`${c.table}\u0000${c.key}`)));
      }),
    );
  });
});

describe('reasons over time', () => {
  const rec = (at: string, reason: (typeof RETRACTION_REASONS)[number], status?: 'pending' | 'confirmed'): RetractionRecord => ({
    id: '33333333-3333-4333-8333-333333333333',
    projectId: '11111111-1111-4111-8111-111111111111',
    at,
    by: 'Alex',
    reason,
    counts: { documents: 1, codings: 0, memos: 0 },
    ...(status ? { status } : {}),
  });

  it('counts confirmed retractions per month and reason, and the cells add up to the records (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), reason: fc.constantFrom(...RETRACTION_REASONS), pending: fc.boolean() })), (xs) => {
        const records = xs.map((x) => rec(`2026-${String(x.month).padStart(2, '0')}-15T10:00:00Z`, x.reason, x.pending ? 'pending' : 'confirmed'));
        const r = reasonsOverTime(records);
        const total = r.counts.flat().reduce<number>((n, c) => n + (c ?? 0), 0);
        expect(total).toBe(xs.filter((x) => !x.pending).length);
        expect(r.months).toEqual([...r.months].sort());
      }),
    );
  });

  it('for publication, counts from 1 to threshold-1 are suppressed; zero is shown', () => {
    const records = [...Array.from({ length: 12 }, () => rec('2026-03-01', 'consent withdrawn')), rec('2026-03-02', 'safeguarding'), rec('2026-04-01', 'other')];
    const r = reasonsOverTime(records, 10);
    const i = RETRACTION_REASONS.indexOf('consent withdrawn');
    expect(r.counts[0]![i]).toBe(12);
    expect(r.counts[0]![RETRACTION_REASONS.indexOf('safeguarding')]).toBeNull();
    expect(r.counts[0]![RETRACTION_REASONS.indexOf('data error')]).toBe(0);
    expect(r.suppressed).toBe(2);
    // the export reads "fewer than N" for a suppressed cell (as every export does), never "<N" or an empty cell
    const march = reasonsCsv(r, 10).split(/\r?\n/).find((l) => l.startsWith('2026-03'))!;
    expect(march.split(',')[1 + RETRACTION_REASONS.indexOf('safeguarding')]).toBe('fewer than 10');
    expect(march.split(',')[1 + i]).toBe('12');
    expect(reasonsCsv(r, 10)).not.toContain('<');
  });
});

describe('retention', () => {
  it('is overdue after the date, due soon within the window, kept otherwise or without a date', () => {
    expect(retentionState({ retainUntil: '2026-05-31' }, '2026-06-01')).toBe('overdue');
    expect(retentionState({ retainUntil: '2026-06-01' }, '2026-06-01')).toBe('due soon');
    expect(retentionState({ retainUntil: '2026-07-01' }, '2026-06-01')).toBe('due soon');
    expect(retentionState({ retainUntil: '2026-07-02' }, '2026-06-01')).toBe('kept');
    expect(retentionState({}, '2026-06-01')).toBe('kept');
    const due = dueForDeletion([{ id: 'b', retainUntil: '2026-06-10' }, { id: 'a', retainUntil: '2026-01-01' }, { id: 'c' }], '2026-06-01');
    expect(due.map((s) => [s.id, s.state])).toEqual([
      ['a', 'overdue'],
      ['b', 'due soon'],
    ]);
  });
});

describe('the retract and setRetention commands', () => {
  const empty: Snapshot = { project: undefined, codes: [], coders: [], codings: [], documents: [], memos: [], sources: [], assignments: [], decisions: [], findings: [], recommendations: [], actions: [], quotes: [], retractions: [], step: undefined };
  const ctx = { projectId: '11111111-1111-4111-8111-111111111111', now: '2026-06-01T00:00:00Z', newId: () => '44444444-4444-4444-8444-444444444444', actor: 'Alex', encoded: [], session: 'test' };
  const source = { id: '22222222-2222-4222-8222-222222222222', projectId: ctx.projectId, name: 'S', kind: 'survey' as const, description: '', createdAt: '2026-01-01' };

  it('retract writes a content-free pending record as an undo step; a second mark of the same target is refused', () => {
    const plan = planCommand({ ...empty, sources: [source] }, { type: 'retract', target: { kind: 'source', id: source.id }, reason: 'data error', by: 'Alex' }, ctx);
    expect(plan.step).toEqual({ label: 'Retract source' });
    expect(plan.ops).toHaveLength(1);
    expect(plan.result).toMatchObject({ status: 'pending', reason: 'data error', target: { kind: 'source', id: source.id } });
    expect(() => planCommand({ ...empty, sources: [source], retractions: [plan.result] }, { type: 'retract', target: { kind: 'source', id: source.id }, reason: 'other', by: 'A' }, ctx)).toThrow('already retracted');
    expect(() => planCommand(empty, { type: 'retract', target: { kind: 'source', id: source.id }, reason: 'other', by: 'A' }, ctx)).toThrow('not in this project');
    expect(() => planCommand({ ...empty, sources: [source] }, { type: 'retract', target: { kind: 'source', id: source.id }, reason: 'because' as never, by: 'A' }, ctx)).toThrow('not a reason');
  });

  it('setRetention sets and clears a date, refusing a non-date', () => {
    const set = planCommand({ ...empty, sources: [source] }, { type: 'setRetention', sourceId: source.id, retainUntil: '2027-01-31' }, ctx);
    expect(set.result.retainUntil).toBe('2027-01-31');
    const cleared = planCommand({ ...empty, sources: [set.result] }, { type: 'setRetention', sourceId: source.id, retainUntil: null }, ctx);
    expect('retainUntil' in cleared.result).toBe(false);
    expect(() => planCommand({ ...empty, sources: [source] }, { type: 'setRetention', sourceId: source.id, retainUntil: 'soon' }, ctx)).toThrow('not a date');
  });
});
