import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dataset, blockKeyOfRowKey, blockOfRow, DATASET_BLOCK_ROWS, datasetBlockKey, datasetDocument, datasetDocumentId, datasetDocuments, datasetDocumentsIn, datasetIdFrom, datasetParticipantId, datasetParticipantIndex, datasetParticipants, datasetParticipantsIn, datasetRowKey, parseDatasetDocumentId, parseDatasetParticipantId, rowAnswerId, rowOfKey } from '../../../shared/import/dataset';
import { TableBuilder, buildBatchFromTable, type TableMapping } from '../../../shared/import/mapping';
import { DocumentMeta, Guid, Participant, seededGuids, type AttributeValue } from '../../../shared/model';
import type { ParsedTable } from '../../../shared/import/types';

const guid = fc.uuid({ version: 4 });

describe('blocks of rows', () => {
  it('a row is in exactly one block, found from its key; block keys sort in row order within a dataset', () => {
    fc.assert(
      fc.property(guid, fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (g, a, b) => {
        const ds = datasetIdFrom(g);
        const { block, index } = blockOfRow(a);
        expect(block * DATASET_BLOCK_ROWS + index).toBe(a);
        expect(index).toBeLessThan(DATASET_BLOCK_ROWS);
        expect(rowOfKey(datasetRowKey(ds, a))).toBe(a);
        expect(blockKeyOfRowKey(datasetRowKey(ds, a))).toBe(datasetBlockKey(ds, block));
        const kb = datasetBlockKey(ds, blockOfRow(b).block);
        const ka = datasetBlockKey(ds, block);
        expect(Math.sign(ka.localeCompare(kb))).toBe(Math.sign(block - blockOfRow(b).block));
        expect(ka.startsWith(ds)).toBe(true);
      }),
    );
  });

  it('refuses what is not a row key or a block index', () => {
    expect(() => rowOfKey('not a key')).toThrow(/not a dataset row key/);
    expect(() => datasetBlockKey(datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100'), -1)).toThrow(RangeError);
    expect(() => blockOfRow(1.5)).toThrow(RangeError);
  });
});

describe('dataset ids', () => {
  it('are valid GUIDs that say where the answer lives', () => {
    fc.assert(
      fc.property(guid, fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xfffe }), (g, row, slot) => {
        const ds = datasetIdFrom(g);
        const id = datasetDocumentId(ds, row, slot);
        expect(Guid.safeParse(id).success).toBe(true);
        expect(parseDatasetDocumentId(id)).toMatchObject({ datasetId: ds, row, slot });
        // the same id as from the row's key (how a block's reader names its answers)
        expect(id).toBe(rowAnswerId(datasetRowKey(ds, row), slot));
        // a participant id is a GUID too, and never mistaken for an answer
        const pid = datasetParticipantId(ds, row);
        expect(Guid.safeParse(pid).success).toBe(true);
        expect(parseDatasetDocumentId(pid)).toBeUndefined();
        // and says where it lives, while an answer's id is never mistaken for a participant's
        expect(parseDatasetParticipantId(pid)).toEqual({ datasetId: ds, row });
        expect(parseDatasetParticipantId(id)).toBeUndefined();
      }),
    );
  });

  it('rows sort in order within a dataset', () => {
    const ds = datasetIdFrom('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    const ids = [0, 1, 15, 16, 255, 4096, 65536].map((r) => datasetDocumentId(ds, r, 0));
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses what it cannot encode', () => {
    expect(() => datasetIdFrom('not a guid')).toThrow(/not a GUID/);
    const ds = datasetIdFrom('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    expect(() => datasetDocumentId(ds, -1, 0)).toThrow(/row index/);
    expect(() => datasetDocumentId(ds, 0, 0xffff)).toThrow(/slot/);
  });
});

const mapping = (participantColumn?: string): TableMapping => ({
  idColumn: 'ID',
  ...(participantColumn ? { participantColumn } : {}),
  textColumns: ['Q1', 'Q2'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Age', type: 'number' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
});

const cell = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 12 }), fc.constantFrom('North', 'South', 'Café', 'x\r\ny'));
const tableArb = fc.array(fc.tuple(fc.constantFrom('P1', 'P2', 'P3', ''), cell, fc.constantFrom('', '34', '5x'), cell, cell), { maxLength: 25 }).map(
  (rows): ParsedTable => ({
    columns: ['ID', 'Who', 'Area', 'Age', 'Q1', 'Q2'].filter((c) => c !== 'Who').concat('Who'),
    descriptions: ['', '', '', 'First question', '', ''],
    rows: rows.map(([who, area, age, q1, q2], i) => [`R${i % 7}`, area, age, q1, q2, who]),
    warnings: [],
  }),
);

describe('TableBuilder', () => {
  it('builds the same entities whatever the chunking, and its dataset derives exactly them', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.nat({ max: 6 }), { maxLength: 10 }), fc.boolean(), (table, cuts, byWho) => {
        const ctx = () => ({ projectId: 'a0000000-0000-4000-8000-000000000001', newId: seededGuids(7), now: '2026-11-27T00:00:00.000Z', fileName: 'survey.csv' });
        const whole = buildBatchFromTable(table, mapping(byWho ? 'Who' : undefined), ctx());
        const b = new TableBuilder(table, mapping(byWho ? 'Who' : undefined), ctx());
        const answers = [];
        let i = 0;
        for (const c of [...cuts, table.rows.length]) {
          const end = Math.min(table.rows.length, i + c);
          answers.push(...b.addRows(table.rows.slice(i, end)));
          i = end;
        }
        // levels (participant or response) are known once every row is in
        b.settleLevels();
        const docs = answers.map((a) => b.document(a));
        expect(docs).toEqual(whole.documents);
        expect(b.participants()).toEqual(whole.participants);
        expect(b.warnings).toEqual(whole.warnings);
        const ds = b.dataset();
        expect(datasetDocuments(ds)).toEqual(whole.documents.map(({ text: _t, ...meta }) => DocumentMeta.parse(meta)));
        expect(datasetParticipants(ds)).toEqual(whole.participants.map((p) => Participant.parse(p)));
        // the list (made row by row) and one document looked up by its place are the same
        for (const d of datasetDocuments(ds)) {
          const at = parseDatasetDocumentId(d.id)!;
          expect(datasetDocument(ds, at.row, at.slot)).toEqual(d);
        }
      }),
    );
  });

  it('lets a row’s answers share their participant id and attribute values, and every answer one frozen empty list of turns', () => {
    const table: ParsedTable = { columns: ['ID', 'Q1', 'Q2', 'Area', 'Age'], descriptions: [], rows: [['R1', 'First', 'Second', 'North', '3'], ['R2', 'Third', 'Fourth', 'South', '4'], ['R3', 'Fifth', '', 'North', '5']], warnings: [] };
    const b = new TableBuilder(table, { ...mapping(), participantColumn: 'Area' }, { projectId: 'a0000000-0000-4000-8000-000000000001', newId: seededGuids(3), now: '2026-11-27T00:00:00.000Z', fileName: 's.csv' });
    b.addRows(table.rows);
    b.settleLevels();
    const docs = datasetDocuments(b.dataset());
    expect(docs.map((d) => [d.title, d.attributes])).toEqual([
      ['R1 – Q1', { [b.variables[1]!.id]: 3 }],
      ['R1 – Q2', { [b.variables[1]!.id]: 3 }],
      ['R2 – Q1', { [b.variables[1]!.id]: 4 }],
      ['R2 – Q2', { [b.variables[1]!.id]: 4 }],
      ['R3 – Q1', { [b.variables[1]!.id]: 5 }],
    ]);
    expect(docs[0]!.attributes).toBe(docs[1]!.attributes);
    expect(docs[1]!.attributes).not.toBe(docs[2]!.attributes);
    expect(docs[0]!.participantId).toBe(docs[4]!.participantId); // (both North: one participant)
    expect(docs.every((d) => d.turns === docs[0]!.turns && d.turns.length === 0)).toBe(true);
    expect(Object.isFrozen(docs[0]!.turns)).toBe(true);
    // a range past the rows, and a table with no rows, give no documents
    expect(datasetDocumentsIn(b.dataset(), 3, 10)).toEqual([]);
    expect(datasetDocumentsIn({ ...b.dataset(), recordIds: [], participantOf: new Int32Array(0), lengths: new Int32Array(0) }, 0, 10)).toEqual([]);
  });

  it('keeps a redacted answer’s new length in the dataset', () => {
    const table: ParsedTable = { columns: ['ID', 'Q1', 'Q2', 'Area', 'Age'], descriptions: [], rows: [['R1', 'Call 07700 900123', '', 'North', '3']], warnings: [] };
    const b = new TableBuilder(table, mapping(), { projectId: 'a0000000-0000-4000-8000-000000000001', newId: seededGuids(1), now: '2026-11-27T00:00:00.000Z', fileName: 's.csv' });
    const [answer] = b.addRows(table.rows);
    b.setLength(answer!, 'Call [PHONE]'.length);
    expect(datasetDocuments(b.dataset()).map((d) => d.length)).toEqual([12]);
    expect(() => b.setLength({ row: 1, slot: 0 }, 3)).toThrow(/no answer/);
  });
});

describe('a survey’s participant list', () => {
  /** A dataset of `n` participants (a row each) with two attribute columns. */
  const withAttributes = (n: number, area: (i: number) => AttributeValue, age: (i: number) => AttributeValue): Dataset => ({
    id: datasetIdFrom('1b4e28ba-2fa1-41d2-883f-0016d3cca427'),
    projectId: 'a0000000-0000-4000-8000-000000000001',
    sourceId: 'a0000000-0000-4000-8000-000000000002',
    createdAt: '2026-12-04T00:00:00.000Z',
    fields: [{ name: 'Q1', description: '' }],
    recordIds: Array.from({ length: n }, (_, i) => `R${i}`),
    participantOf: Int32Array.from({ length: n }, (_, i) => i),
    lengths: new Int32Array(n).fill(5),
    participants: { rows: Int32Array.from({ length: n }, (_, i) => i), pseudonyms: Array.from({ length: n }, (_, i) => `P${i}`), attributes: { area: Array.from({ length: n }, (_, i) => area(i)), age: Array.from({ length: n }, (_, i) => age(i)) } },
  });

  it('finds a participant’s index from its id, by its first row, and no one for another id', () => {
    const ds = withAttributes(40, () => 'North', () => 1);
    // (rows spread out, so the ids' row digits have letters)
    ds.participants.rows = Int32Array.from({ length: 40 }, (_, i) => i * 7);
    const ids = datasetParticipants(ds).map((p) => p.id);
    ids.forEach((id, i) => expect(datasetParticipantIndex(ds, id)).toBe(i));
    const capitals = ids.filter((id) => /[a-f]/.test(id.slice(24, 32))).map((id) => id.slice(0, 24) + id.slice(24, 32).toUpperCase() + id.slice(32));
    expect(capitals.length).toBeGreaterThan(0);
    for (const id of capitals) expect(datasetParticipantIndex(ds, id)).toBe(-1);
    expect(datasetParticipantIndex(ds, datasetParticipantId(ds.id, 8))).toBe(-1); // a row that is no one's first
    expect(datasetParticipantIndex(ds, datasetParticipantId(datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100'), 7))).toBe(-1);
    expect(datasetParticipantIndex(ds, datasetDocumentId(ds.id, 7, 0))).toBe(-1);
    // first rows out of order (no table is made so, but the lookup does not rely on it)
    const shuffled = { ...ds, participants: { ...ds.participants, rows: Int32Array.from(ds.participants.rows).reverse() } };
    datasetParticipants(shuffled).forEach((p, i) => expect(datasetParticipantIndex(shuffled, p.id)).toBe(i));
  });

  it('gives participants with the same attribute values one shared object of them, and each its own values', () => {
    const ds = withAttributes(300, (i) => ['North', 'South', null][i % 3]!, (i) => (i % 2 ? 34 : '34'));
    const list = datasetParticipants(ds);
    list.forEach((p, i) => expect(p.attributes).toEqual({ area: ds.participants.attributes.area![i] ?? null, age: ds.participants.attributes.age![i] ?? null }));
    // six combinations (the number 34 and the text "34" are not the same value): six objects
    expect(new Set(list.map((p) => p.attributes)).size).toBe(6);
    expect(list[0]!.attributes).toBe(list[6]!.attributes);
    expect(list[0]!.attributes).not.toBe(list[3]!.attributes);
    // made a slice at a time, the same objects
    expect(datasetParticipantsIn(ds, 6, 7)[0]!.attributes).toBe(list[0]!.attributes);
    // each participant's documents name that participant
    const docs = datasetDocuments(ds);
    expect(docs.map((d) => d.participantId)).toEqual(list.map((p) => p.id));
  });

  it('keeps every participant’s own values when nearly every combination is new', () => {
    const ds = withAttributes(9000, (i) => `Area ${i}`, (i) => i % 7);
    const list = datasetParticipants(ds);
    list.forEach((p, i) => expect(p.attributes).toEqual({ area: `Area ${i}`, age: i % 7 }));
    expect(new Set(list.map((p) => p.attributes)).size).toBe(9000);
  });
});

