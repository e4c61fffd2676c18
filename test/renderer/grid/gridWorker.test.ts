import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Participant, Variable } from '../../../shared/model';
import { buildGrid, indexCodings, viewOrder, type GridCoding, type GridFilters, type GridInput, type SortState, gridRows } from '../../../shared/grid/rows';
import fc from 'fast-check';
import { CELL_TEXT, gridHandler, type GridReply, type GridRequest, type GridStore } from '../../../renderer/workers/grid-core';
import { CodingIndex, codingColumns } from '../../../shared/coding/coding-index';
import type { CodingChange } from '../../../shared/coding/coding-digest';
import type { Coding } from '../../../shared/model';

const P = '00000000-0000-4000-8000-000000000000';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AREA: Variable = { id: id(901), projectId: P, name: 'Area', type: 'category', description: '' };
const AGE: Variable = { id: id(902), projectId: P, name: 'Age', type: 'number', description: '' };
const CODE_A = id(701);
const CODE_B = id(702);
const CODER = id(600);
const SOURCE = id(800);

/** `n` responses stored one by one, each answering two questions (the second only on even rows). */
function fixture(n: number) {
  const areas = ['North', 'South', 'East'];
  const participants: Participant[] = Array.from({ length: n }, (_, i) => ({
    id: id(5000 + i), projectId: P, sourceId: SOURCE, pseudonym: `P${i}`,
    attributes: i % 7 === 0 ? {} : { [AREA.id]: areas[i % 3]!, [AGE.id]: (i * 37) % 90 },
  }));
  const doc = (n: number, i: number, field: string, length: number): DocumentMeta => ({
    id: id(n), projectId: P, sourceId: SOURCE, participantId: participants[i]!.id, title: `R${i} – ${field}`, kind: 'response', length, turns: [], recordId: `R${i}`, field, createdAt: '2026-01-01',
  });
  const documents = participants.flatMap((_, i) => [doc(10_000 + i, i, 'Q1', 20), ...(i % 2 === 0 ? [doc(30_000 + i, i, 'Q2', 1000)] : [])]);
  const texts = new Map(documents.map((d) => [d.id, `${d.title} `.padEnd(d.length, 'x')]));
  const codings: GridCoding[] = documents.flatMap((d, i) => (i % 4 === 0 ? [{ id: id(20_000 + i), documentId: d.id, codeId: i % 8 === 0 ? CODE_A : CODE_B, coderId: CODER, start: 0, end: d.length }] : []));
  const input: GridInput = { sources: [{ id: SOURCE, name: 'Survey' }], variables: [AREA, AGE], datasets: [], documents, participants };
  return { input, texts, codings };
}

/**
 * A handler over in-memory arrays that counts how often it reads each part. `journal` plays the
 * store's journal: entries after the codings' columns (seq = its length); `pruned` makes a read of
 * the changes since say they are not all kept.
 */
function setup(n = 30) {
  const data = fixture(n);
  const reads = { survey: 0, codings: 0, changes: 0, texts: 0 };
  const journal: CodingChange[] = [];
  const kept = { pruned: false };
  const store: GridStore = {
    survey: async () => {
      reads.survey++;
      return data.input;
    },
    codings: async () => {
      reads.codings++;
      return { digest: codingColumns(data.codings), changes: [...journal], seq: journal.length };
    },
    codingChanges: async (since) => {
      reads.changes++;
      return kept.pruned ? null : { changes: journal.slice(since), seq: journal.length };
    },
    texts: async (ids) => {
      reads.texts++;
      return ids.map((x) => data.texts.get(x)!);
    },
  };
  const handle = gridHandler(async () => store);
  const view = (sort: SortState, filters: GridFilters, extra: Partial<Extract<GridRequest, { kind: 'view' }>> = {}) =>
    handle({ kind: 'view', dbName: 'chorus', projectId: P, sizeKey: '1', stepKey: '1', sort, filters, ...extra }).then((r) => {
      if (!r.ok || r.kind !== 'view') throw new Error(`expected a view, got ${JSON.stringify(r)}`);
      return r;
    });
  return { data, reads, handle, view, journal, kept };
}

describe('survey grid worker', () => {
  it('answers with the order the pure model gives, and pages of rows with their answers’ text and codes', async () => {
    const { data, view, reads } = setup();
    const model = buildGrid(data.input);
    const index = indexCodings(data.codings);
    const sort: SortState = { key: 'attr:Age', dir: 'desc' };
    const filters: GridFilters = { attribute: { column: 'attr:Area', value: 'North' }, code: { codeId: CODE_B, has: false } };
    const reply = await view(sort, filters, { window: { from: 0, to: 3 } });
    expect([...reply.view.order]).toEqual([...viewOrder(model, filters, sort, index)]);
    expect(reply.view.total).toBe(30);
    expect(reply.view.columns.questions.map((q) => q.name)).toEqual(['Q1', 'Q2']);
    expect(reply.view.columns.attributes.map((a) => a.name)).toEqual(['Area', 'Age']);
    const rows = reply.rows.rows;
    expect(rows.map((r) => r.row)).toEqual([...reply.view.order.subarray(0, 3)]);
    for (const { row, data: r } of rows) {
      const m = gridRows(model)[row]!;
      expect(r.recordId).toBe(m.recordId);
      expect(r.cells.map((c) => c?.id ?? null)).toEqual(model.questions.map((_, q) => m.answers[q]?.id ?? null));
      for (const c of r.cells) if (c) expect(c.text).toBe(data.texts.get(c.id)!.slice(0, CELL_TEXT));
      expect(r.values[0]).toBe('North');
    }
    expect(reads.texts).toBe(1);
    // Responses with each code on any answer, over all responses.
    const counts = new Map(reply.view.counts);
    const withCode = (code: string) => gridRows(model).filter((r) => r.answers.some((a) => a && data.codings.some((c) => c.documentId === a.id && c.codeId === code))).length;
    expect(counts).toEqual(new Map([[CODE_A, withCode(CODE_A)], [CODE_B, withCode(CODE_B)]]));
  });

  it('re-reads responses only when the size key changes, codings only when the step key changes, and texts once per answer', async () => {
    const { reads, view, handle } = setup();
    const sort: SortState = { key: 'row', dir: 'asc' };
    const a = await view(sort, {}, { window: { from: 0, to: 5 } });
    await view({ key: 'participant', dir: 'asc' }, {});
    await handle({ kind: 'rows', rowsVersion: a.view.rowsVersion, rows: [0, 1, 2] });
    expect(reads).toEqual({ survey: 1, codings: 1, changes: 0, texts: 1 });
    // a new step key: only the changes since are read (none here, so nothing moves)
    const b = await view(sort, {}, { stepKey: '2' });
    expect(reads).toMatchObject({ survey: 1, codings: 1, changes: 1 });
    expect(b.view.codingsVersion).toBe(a.view.codingsVersion);
    expect(b.view.orderKey).toBe(a.view.orderKey);
    const c = await view(sort, {}, { sizeKey: '2', stepKey: '2' });
    expect(reads).toMatchObject({ survey: 2, codings: 1, changes: 1 });
    expect(c.view.rowsVersion).not.toBe(a.view.rowsVersion);
  });

  it('applies a saved coding at once: counts, code filters and the answer’s codes follow', async () => {
    const { data, handle, view } = setup();
    const notA: GridFilters = { code: { codeId: CODE_A, has: false } };
    const sort: SortState = { key: 'row', dir: 'asc' };
    const before = await view(sort, notA);
    const row = 1;
    expect([...before.view.order]).toContain(row);
    const target = data.input.documents.find((d) => d.recordId === 'R1')!;
    const add: GridCoding = { id: id(99_999), documentId: target.id, codeId: CODE_A, coderId: CODER, start: 0, end: target.length };
    const after = await view(sort, notA, { patch: { add } });
    expect([...after.view.order]).not.toContain(row);
    expect(new Map(after.view.counts).get(CODE_A)).toBe((new Map(before.view.counts).get(CODE_A) ?? 0) + 1);
    const page = await handle({ kind: 'rows', rowsVersion: after.view.rowsVersion, rows: [row] });
    expect(page.ok && page.kind === 'rows' && page.rows.rows[0]!.data.cells[0]).toMatchObject({ id: target.id, codeIds: [CODE_A], whole: [`${CODE_A} ${CODER}`] });
    const again = await view(sort, notA, { patch: { add } });
    expect(again.view.codingsVersion).toBe(after.view.codingsVersion);
    const removed = await view(sort, notA, { patch: { removeId: add.id } });
    expect([...removed.view.order]).toEqual([...before.view.order]);
  });

  it('refuses row requests from an older rows version with a stale reply', async () => {
    const { handle, view } = setup();
    const a = await view({ key: 'row', dir: 'asc' }, {});
    const b = await view({ key: 'row', dir: 'asc' }, {}, { sizeKey: '2' });
    const reply: GridReply = await handle({ kind: 'rows', rowsVersion: a.view.rowsVersion, rows: [0] });
    expect(reply).toMatchObject({ ok: false, stale: true });
    const values = await handle({ kind: 'values', rowsVersion: b.view.rowsVersion, column: 'attr:Area' });
    expect(values).toEqual({ ok: true, kind: 'values', values: ['East', 'North', 'South'], truncated: false });
  });

  it('reports a store failure as a readable message, and keeps answering', async () => {
    let fail = true;
    const handle = gridHandler(async () => ({
      survey: async () => {
        if (fail) throw new Error('The store is unavailable');
        return { sources: [], variables: [], datasets: [], documents: [], participants: [] };
      },
      codings: async () => ({ digest: codingColumns([]), changes: [], seq: 0 }),
      codingChanges: async () => null,
      texts: async () => [],
    }));
    const req: GridRequest = { kind: 'view', dbName: 'chorus', projectId: P, sizeKey: '1', stepKey: '1', sort: { key: 'row', dir: 'asc' }, filters: {} };
    expect(await handle(req)).toEqual({ ok: false, stale: false, message: 'The store is unavailable' });
    fail = false;
    expect(await handle(req)).toMatchObject({ ok: true, kind: 'view', view: { total: 0 } });
  });

  it('follows the journal: the changes since are applied, and the codings read whole when they are not all kept', async () => {
    const { data, view, reads, journal, kept } = setup();
    const sort: SortState = { key: 'row', dir: 'asc' };
    const a = await view(sort, {});
    const target = data.input.documents.find((d) => d.recordId === 'R1')!;
    const coding: Coding = { id: id(88_888), projectId: P, documentId: target.id, codeId: CODE_A, coderId: CODER, start: 0, end: target.length, createdAt: '2026-01-02' };
    const before = new Map(a.view.counts).get(CODE_A) ?? 0;
    // written by someone else (another window): only the journal says so
    journal.push({ written: [coding], deleted: [] });
    const b = await view(sort, {}, { stepKey: '2' });
    expect(reads).toMatchObject({ codings: 1, changes: 1 });
    expect(new Map(b.view.counts).get(CODE_A)).toBe(before + 1);
    // another project's change in the journal moves nothing
    journal.push({ written: [{ ...coding, id: id(88_889), projectId: id(1) }], deleted: [] });
    const c = await view(sort, {}, { stepKey: '3' });
    expect(c.view.codingsVersion).toBe(b.view.codingsVersion);
    // the journal pruned past what the grid read: every coding is read again, and the deletion found
    journal.push({ written: [], deleted: [coding.id] });
    kept.pruned = true;
    const d = await view(sort, {}, { stepKey: '4' });
    expect(reads).toMatchObject({ codings: 2, changes: 3 });
    expect(new Map(d.view.counts).get(CODE_A) ?? 0).toBe(before);
    // a big change (more than 10,000 codings) is read whole too, not held apart answer by answer
    kept.pruned = false;
    journal.push({ written: [], deleted: Array.from({ length: 10_001 }, (_, i) => id(900_000 + i)) });
    await view(sort, {}, { stepKey: '5' });
    expect(reads).toMatchObject({ codings: 3, changes: 4 });
  });

  it('property: the index after any changes (saved codings, journal entries, other projects) is the codings as a map of ids says', () => {
    const docs = [0, 1, 2, 3].map((k) => id(10_000 + k));
    const codes = [CODE_A, CODE_B];
    const coding = fc.record({ n: fc.nat(40), doc: fc.constantFrom(...docs), code: fc.constantFrom(...codes), start: fc.nat(5), other: fc.boolean() });
    type Arb = { n: number; doc: string; code: string; start: number; other: boolean };
    const toCoding = (x: Arb): Coding => ({ id: id(x.n), projectId: x.other ? id(1) : P, documentId: x.doc, codeId: x.code, coderId: CODER, start: x.start, end: x.start + 3, createdAt: '2026-01-01' });
    const change = fc.record({ written: fc.array(coding, { maxLength: 3 }), deleted: fc.array(fc.nat(40), { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 30 }), fc.array(change, { maxLength: 8 }), (first, changes) => {
        const start = first.filter((x) => !x.other).map(toCoding);
        const model = new Map(start.map((c) => [c.id, c]));
        const index = new CodingIndex(codingColumns(start));
        for (const ch of changes) {
          const written = ch.written.map(toCoding);
          const deleted = ch.deleted.map((n) => id(n));
          const was = JSON.stringify([...model.values()].map(({ projectId: _p, createdAt: _c, ...g }) => g).sort((a, b) => (a.id < b.id ? -1 : 1)));
          for (const c of written) c.projectId === P ? model.set(c.id, c) : model.delete(c.id);
          for (const x of deleted) model.delete(x);
          const now = JSON.stringify([...model.values()].map(({ projectId: _p, createdAt: _c, ...g }) => g).sort((a, b) => (a.id < b.id ? -1 : 1)));
          // (true whenever the codings changed; a write undone within the same change may also say true)
          const moved = index.apply(P, [{ written, deleted }]);
          if (was !== now) expect(moved).toBe(true);
        }
        const want = [...model.values()].map(({ projectId: _p, createdAt: _c, ...g }) => g).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(index.all()).toEqual(want);
        for (const d of docs) {
          const mine = want.filter((c) => c.documentId === d);
          expect(index.get(d) ?? []).toEqual(mine);
          const seen: string[] = [];
          index.eachCode(d, (c) => void seen.push(c));
          expect(seen).toEqual(mine.map((c) => c.codeId));
        }
        expect(index.size).toBe(new Set(want.map((c) => c.documentId)).size);
        // every coding visited once (answer by answer), and the answers with codings
        const visited: string[] = [];
        index.forEachCoding((d, c, by) => void visited.push(`${d} ${c} ${by}`));
        // (answer by answer: each answer's codings come together, as the codebook's counts need)
        const answers = visited.map((v) => v.split(' ')[0]!);
        expect(answers.filter((d, i) => i === 0 || d !== answers[i - 1]).length).toBe(new Set(answers).size);
        expect(visited.sort()).toEqual(want.map((c) => `${c.documentId} ${c.codeId} ${c.coderId}`).sort());
        expect(index.documentIds().sort()).toEqual([...new Set(want.map((c) => c.documentId))].sort());
      }),
    );
  });
});
