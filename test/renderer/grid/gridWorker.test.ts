import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentMeta, Participant, Variable } from '../../../shared/model';
import { buildRows, filterRows, indexCodings, sortRows, viewOrder, type GridCoding, type GridFilters, type SortState } from '../../../shared/coding/grid-model';
import { gridHandler, type GridReply, type GridRequest, type GridStore } from '../../../renderer/workers/grid-core';

const P = '00000000-0000-4000-8000-000000000000';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AREA: Variable = { id: id(901), projectId: P, name: 'Area', type: 'category', description: '' };
const AGE: Variable = { id: id(902), projectId: P, name: 'Age', type: 'number', description: '' };
const CODE_A = id(701);
const CODE_B = id(702);
const CODER = id(600);

function fixture(n: number) {
  const areas = ['North', 'South', 'East'];
  const participants: Participant[] = Array.from({ length: n }, (_, i) => ({
    id: id(5000 + i),
    projectId: P,
    sourceId: id(800),
    pseudonym: `P${i}`,
    attributes: i % 7 === 0 ? {} : { [AREA.id]: areas[i % 3]!, [AGE.id]: (i * 37) % 90 },
  }));
  const documents: DocumentMeta[] = participants.map((p, i) => ({
    id: id(10_000 + i), projectId: P, sourceId: id(800), participantId: p.id, title: `Response ${i}`, kind: 'response', length: 20, turns: [], recordId: `R${i}`, createdAt: '2026-01-01',
  }));
  const codings: GridCoding[] = documents.flatMap((d, i) => (i % 4 === 0 ? [{ id: id(20_000 + i), documentId: d.id, codeId: i % 8 === 0 ? CODE_A : CODE_B, coderId: CODER, start: 0, end: 20 }] : []));
  return { participants, documents, codings };
}

/** A handler over in-memory arrays that counts how often it reads each part. */
function setup(n = 30) {
  const data = fixture(n);
  const reads = { people: 0, coding: 0 };
  const store: GridStore = {
    people: async () => {
      reads.people++;
      return { documents: data.documents, participants: data.participants };
    },
    coding: async () => {
      reads.coding++;
      return { variables: [AREA, AGE], codings: data.codings };
    },
  };
  const handle = gridHandler(async () => store);
  const view = (sort: SortState, filters: GridFilters, extra: Partial<Extract<GridRequest, { kind: 'view' }>> = {}) =>
    handle({ kind: 'view', dbName: 'chorus', projectId: P, sizeKey: '1', stepKey: '1', sort, filters, ...extra }).then((r) => {
      if (!r.ok || r.kind !== 'view') throw new Error(`expected a view, got ${JSON.stringify(r)}`);
      return r;
    });
  return { data, reads, handle, view };
}

const titles = (order: Int32Array, rows: { recordId: string }[]) => [...order].map((i) => rows[i]!.recordId);

describe('survey grid worker', () => {
  it('answers with the same order as filtering and sorting the rows on the main thread did', async () => {
    const { data, view } = setup();
    const rows = buildRows(data.documents, data.participants);
    const index = indexCodings(data.codings);
    const sort: SortState = { key: `var:${AGE.id}`, dir: 'desc' };
    const filters: GridFilters = { attribute: { variableId: AREA.id, value: 'North' }, code: { codeId: CODE_B, has: false } };
    const reply = await view(sort, filters, { window: { from: 0, to: 5 } });
    const expected = sortRows(filterRows(rows, filters, index), sort, index, [AREA, AGE]).map((r) => r.recordId);
    expect(titles(reply.view.order, rows)).toEqual(expected);
    expect(reply.view.total).toBe(30);
    expect(reply.rows.rows.map((r) => r.data.recordId)).toEqual(expected.slice(0, 5));
    // Counts are over all responses: every fourth has one code.
    expect(new Map(reply.view.counts)).toEqual(new Map([[CODE_A, 4], [CODE_B, 4]]));
  });

  it('re-reads responses only when the size key changes and codings only when the step key changes', async () => {
    const { reads, view } = setup();
    const sort: SortState = { key: 'title', dir: 'asc' };
    const a = await view(sort, {});
    await view({ key: 'participant', dir: 'asc' }, {});
    expect(reads).toEqual({ people: 1, coding: 1 });
    const b = await view(sort, {}, { stepKey: '2' });
    expect(reads).toEqual({ people: 1, coding: 2 });
    // The re-read found the same codings: nothing the UI holds is stale.
    expect(b.view.codingsVersion).toBe(a.view.codingsVersion);
    expect(b.view.orderKey).toBe(a.view.orderKey);
    const c = await view(sort, {}, { sizeKey: '2', stepKey: '2' });
    expect(reads).toEqual({ people: 2, coding: 2 });
    expect(c.view.rowsVersion).not.toBe(a.view.rowsVersion);
  });

  it('applies a saved coding at once: counts, code filters and the row’s codes follow', async () => {
    const { data, handle, view } = setup();
    const notA: GridFilters = { code: { codeId: CODE_A, has: false } };
    const sort: SortState = { key: 'title', dir: 'asc' };
    const before = await view(sort, notA);
    const target = data.documents[1]!;
    const row = 1;
    expect([...before.view.order]).toContain(row);
    const add: GridCoding = { id: id(99_999), documentId: target.id, codeId: CODE_A, coderId: CODER, start: 0, end: 20 };
    const after = await view(sort, notA, { patch: { add } });
    expect([...after.view.order]).not.toContain(row);
    expect(after.view.order.length).toBe(before.view.order.length - 1);
    expect(new Map(after.view.counts).get(CODE_A)).toBe(5);
    const page = await handle({ kind: 'rows', rowsVersion: after.view.rowsVersion, rows: [row] });
    expect(page.ok && page.kind === 'rows' && page.rows.rows[0]!.data).toMatchObject({ codeIds: [CODE_A], whole: [`${CODE_A} ${CODER}`] });
    // Patching the same coding twice changes nothing; removing it restores the view.
    const again = await view(sort, notA, { patch: { add } });
    expect(again.view.codingsVersion).toBe(after.view.codingsVersion);
    const removed = await view(sort, notA, { patch: { removeId: add.id } });
    expect([...removed.view.order]).toEqual([...before.view.order]);
  });

  it('refuses row requests from an older rows version with a stale reply', async () => {
    const { handle, view } = setup();
    const a = await view({ key: 'title', dir: 'asc' }, {});
    const b = await view({ key: 'title', dir: 'asc' }, {}, { sizeKey: '2' });
    const reply: GridReply = await handle({ kind: 'rows', rowsVersion: a.view.rowsVersion, rows: [0] });
    expect(reply).toMatchObject({ ok: false, stale: true });
    const values = await handle({ kind: 'values', rowsVersion: b.view.rowsVersion, variableId: AREA.id });
    expect(values).toEqual({ ok: true, kind: 'values', values: ['East', 'North', 'South'], truncated: false });
  });

  it('reports a store failure as a readable message, and keeps answering', async () => {
    let fail = true;
    const handle = gridHandler(async () => ({
      people: async () => {
        if (fail) throw new Error('The store is unavailable');
        return { documents: [], participants: [] };
      },
      coding: async () => ({ variables: [], codings: [] }),
    }));
    const req: GridRequest = { kind: 'view', dbName: 'chorus', projectId: P, sizeKey: '1', stepKey: '1', sort: { key: 'title', dir: 'asc' }, filters: {} };
    expect(await handle(req)).toEqual({ ok: false, stale: false, message: 'The store is unavailable' });
    fail = false;
    expect(await handle(req)).toMatchObject({ ok: true, kind: 'view', view: { total: 0 } });
  });

  it('viewOrder keeps exactly the matching rows, ordered as a plain comparator sort would (property)', () => {
    const { data } = setup(60);
    const rows = buildRows(data.documents, data.participants);
    const index = indexCodings(data.codings);
    const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
    const keyOf = (key: string, i: number): string | number | null => {
      const r = rows[i]!;
      if (key === 'title') return r.recordId;
      if (key === 'codes') return new Set(data.codings.filter((c) => c.documentId === r.id).map((c) => c.codeId)).size;
      const v = r.attributes[key.slice(4)];
      return v === undefined ? null : (v as string | number);
    };
    fc.assert(
      fc.property(
        fc.constantFrom('title', 'codes', `var:${AREA.id}`, `var:${AGE.id}`),
        fc.boolean(),
        fc.option(fc.constantFrom('North', 'South', 'East', ''), { nil: undefined }),
        fc.option(fc.record({ codeId: fc.constantFrom(CODE_A, CODE_B), has: fc.boolean() }), { nil: undefined }),
        (key, asc, area, code) => {
          const filters: GridFilters = { ...(area !== undefined ? { attribute: { variableId: AREA.id, value: area } } : {}), ...(code ? { code } : {}) };
          const keep = rows.flatMap((r, i) => {
            if (area !== undefined && String(r.attributes[AREA.id] ?? '') !== area) return [];
            if (code && data.codings.some((c) => c.documentId === r.id && c.codeId === code.codeId) !== code.has) return [];
            return [i];
          });
          const sign = asc ? 1 : -1;
          const expected = [...keep].sort((a, b) => {
            const ka = keyOf(key, a);
            const kb = keyOf(key, b);
            if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
            const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
            return c !== 0 ? sign * c : a - b;
          });
          expect([...viewOrder(rows, filters, { key, dir: asc ? 'asc' : 'desc' }, index, [AREA, AGE])]).toEqual(expected);
        },
      ),
    );
  });
});
