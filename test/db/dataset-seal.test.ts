/**
 * A survey dataset record's personal parts stored as JSON pieces through the codec
 * (renderer/db/dataset-seal.ts): a large table opens a piece at a time and gives back exactly the
 * dataset written, with either codec; records written before pieces (clear fields, or one sealed
 * text) still open; and a retraction rewrites an old clear record as pieces.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { confirmRetraction, execute, listDatasets, listParticipants, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { datasetPartsJson, isSealedRecord, openDatasets, openPlainRecord, plainDatasetRecord, sameStoredParts, sealDataset } from '../../renderer/db/dataset-seal';
import type { DatasetRecord } from '../../renderer/db/schema';
import { PIECE_VALUES } from '../../shared/import/dataset-pieces';
import { TableBuilder } from '../../shared/import/mapping';
import type { Dataset } from '../../shared/import/dataset';
import { newGuid } from '../../shared/model';
import { CODECS } from './aes-codec';
import { surveyProject } from './survey-coding';

/** A survey table as an import builds it: `rows` rows, a participant per 3 rows, a participant-level and a response-level attribute. */
function table(rows: number): Dataset {
  const builder = new TableBuilder(
    { columns: ['ID', 'Person', 'Area', 'Channel', 'Q1'], descriptions: [] },
    {
      idColumn: 'ID',
      participantColumn: 'Person',
      textColumns: ['Q1'],
      attributes: [
        { column: 'Area', type: 'category' },
        { column: 'Channel', type: 'category' },
      ],
      dateOrder: 'dmy',
      source: { name: 'Survey', kind: 'survey' },
    },
    { projectId: newGuid(), newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
  );
  const p = (i: number) => Math.floor(i / 3);
  builder.addRows(Array.from({ length: rows }, (_, i) => [`R${i}`, `Person ${p(i)}`, ['North', 'South'][p(i) % 2]!, ['101', 'Online', '999'][i % 3]!, `Answer ${i}`]));
  return builder.dataset();
}

afterEach(() => setCodec(plainCodec));

describe('a survey table’s personal parts in pieces', () => {
  const big = table(45_000);

  it('the table built has the columns the test means to store', () => {
    expect(big.recordIds).toHaveLength(45_000);
    expect(big.participants.pseudonyms).toHaveLength(15_000);
    expect(Object.keys(big.participants.attributes)).toHaveLength(1);
    expect(Object.keys(big.responseAttributes ?? {})).toHaveLength(1);
  });

  it.each(CODECS)('with the %s: stored in pieces of at most PIECE_VALUES values, none of them in the record’s own fields; opened a piece at a time, exactly as written', async (_name, makeCodec) => {
    const codec = await makeCodec();
    const rec = await sealDataset(big, codec);
    expect(rec.recordIds).toEqual([]);
    expect(rec.participants.pseudonyms).toEqual([]);
    expect(rec.participants.attributes).toEqual({});
    expect(rec.responseAttributes).toBeUndefined();
    expect(rec.sealed).toBeUndefined();
    // 45,000 record ids and response values: 3 pieces each; 15,000 pseudonyms and area values: 1 each
    expect(rec.pieces!.map((p) => [p.column.split(':')[0], p.from])).toEqual([
      ['recordIds', 0], ['recordIds', PIECE_VALUES], ['recordIds', 2 * PIECE_VALUES],
      ['pseudonyms', 0], ['attributes', 0],
      ['responseAttributes', 0], ['responseAttributes', PIECE_VALUES], ['responseAttributes', 2 * PIECE_VALUES],
    ]);
    expect(isSealedRecord(rec)).toBe(codec.encrypts === true);
    let pauses = 0;
    const [opened] = await openDatasets([rec], codec, async () => void pauses++);
    expect(pauses).toBe(rec.pieces!.length);
    expect(opened).toEqual(big);
    if (codec.encrypts) expect(() => openPlainRecord(rec)).toThrow(/is encrypted/);
    else expect(openPlainRecord(rec)).toEqual(big);
  });

  it('a plain record made inside a transaction (no codec awaited) is the one the plain codec makes', async () => {
    expect(plainDatasetRecord(big)).toEqual(await sealDataset(big, plainCodec));
  });

  it.each(CODECS)('with the %s: a record written before pieces still opens to the same dataset', async (_name, makeCodec) => {
    const codec = await makeCodec();
    const small = table(30);
    // (before pieces: a plain record was the dataset itself; an encrypted one kept every part as one sealed JSON text)
    const { responseAttributes: _r, ...rest } = small;
    const old: DatasetRecord = codec.encrypts ? { ...rest, recordIds: [], participants: { ...small.participants, pseudonyms: [], attributes: {} }, sealed: await codec.encode(datasetPartsJson(small)) } : { ...small };
    const [opened] = await openDatasets([old], codec);
    expect(opened).toEqual(small);
    // told apart from a new record of the same table, and from itself re-stored
    const fresh = await sealDataset(small, codec);
    expect(sameStoredParts(old, old)).toBe(true);
    expect(sameStoredParts(fresh, fresh)).toBe(true);
    expect(sameStoredParts(old, fresh)).toBe(!codec.encrypts);
  });

  it('clear pieces are compared by content: a blanked value is a change', async () => {
    const small = table(30);
    const a = plainDatasetRecord(small);
    const b = plainDatasetRecord({ ...small, participants: { ...small.participants, pseudonyms: small.participants.pseudonyms.map((p, i) => (i === 4 ? '' : p)) } });
    expect(sameStoredParts(a, plainDatasetRecord(small))).toBe(true);
    expect(sameStoredParts(a, b)).toBe(false);
  });

  it('a retraction in a plain project rewrites a record written before pieces as pieces, the participant blanked', async () => {
    const name = `dataset-seal-legacy-${newGuid()}`;
    const p = await surveyProject(name, 30);
    const db = await openChorusDb(name);
    // the record as a store written before pieces holds it: the clear fields filled, no pieces
    const [ds] = await listDatasets(db, p.projectId);
    await db.datasets.put({ ...ds! });
    db.close();
    const again = await openChorusDb(name);
    expect((await again.datasets.get(p.datasetId))!.pieces).toBeUndefined();
    const people = await listParticipants(again, p.projectId);
    expect(people).toHaveLength(30);
    const target = people.find((x) => x.pseudonym === 'R7')!;
    const { result } = await execute(again, p.projectId, { type: 'retract', target: { kind: 'participant', id: target.id }, reason: 'consent withdrawn', by: 'Alex' });
    await confirmRetraction(again, p.projectId, result.id);
    const stored = (await again.datasets.get(p.datasetId))!;
    expect(stored.pieces!.every((x) => x.stored.v === 0)).toBe(true);
    expect(stored.recordIds).toEqual([]);
    const after = openPlainRecord(stored);
    expect(after.participants.pseudonyms).toHaveLength(30);
    expect(after.participants.pseudonyms).not.toContain('R7');
    expect(after.participants.pseudonyms).toContain('R8');
    expect((await listParticipants(again, p.projectId)).map((x) => x.pseudonym)).not.toContain('R7');
    again.close();
  });
});
