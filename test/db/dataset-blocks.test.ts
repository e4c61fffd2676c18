/**
 * Survey answers in blocks of 1,000 rows (schema v7, issue 13): packing rows into blocks keeps
 * every answer findable by its row, and a purge that reaches rows in several blocks rewrites them
 * inside their blocks, deletes a block left with no answer, and leaves nothing of the retracted
 * participant in any table (planted-value scan), with the plain and the AES-GCM codec.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, confirmRetraction, createProject, deleteForRetention, execute, getDocumentTexts, listDocuments, listParticipants, openChorusDb, plainCodec, setCodec, type StorageCodec, type StoredText } from '../../renderer/db';
import { BlockPacker, blockAnswer, blockRow, blockRows, PlainBlockPacker, rewriteBlockRows } from '../../renderer/db/dataset-blocks';
import { blockKeyOfRowKey, DATASET_BLOCK_ROWS, datasetBlockKey, datasetIdFrom, datasetParticipantId, datasetRowKey } from '../../shared/import/dataset';
import { TableBuilder } from '../../shared/import/mapping';
import { newGuid } from '../../shared/model';
import { freshAesCodec } from './aes-codec';
import { scanStore } from './residue';

afterEach(() => setCodec(plainCodec));

const st = (text: string): StoredText => ({ v: 0, text });

describe('packing rows into blocks', () => {
  it('keeps every row that has an answer findable in its block, in key order, with no block that holds no answer', () => {
    const rowSets = fc.uniqueArray(fc.nat({ max: 5 * DATASET_BLOCK_ROWS }), { maxLength: 300 }).map((rows) => rows.sort((a, b) => a - b));
    const answer = fc.option(fc.string({ maxLength: 4 }), { nil: null });
    fc.assert(
      fc.property(rowSets, fc.array(fc.array(answer, { minLength: 1, maxLength: 3 }), { minLength: 300, maxLength: 300 }), (rows, texts) => {
        const ds = datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100');
        const packer = new BlockPacker();
        const blocks = rows.flatMap((row, i) => packer.add(ds, row, texts[i]!.map((t) => (t === null ? null : st(t)))));
        blocks.push(...packer.finish());
        const byKey = new Map(blocks.map((b) => [b.key, b]));
        expect(byKey.size).toBe(blocks.length);
        expect(blocks.map((b) => b.key)).toEqual([...blocks.map((b) => b.key)].sort());
        for (const b of blocks) {
          expect(b.key).toBe(datasetBlockKey(ds, b.first / DATASET_BLOCK_ROWS));
          expect(b.rows!.length).toBeLessThanOrEqual(DATASET_BLOCK_ROWS);
          expect(b.rows!.some((r) => r !== null)).toBe(true);
        }
        rows.forEach((row, i) => {
          const want = texts[i]!.some((t) => t !== null) ? texts[i]!.map((t) => (t === null ? null : st(t))) : undefined;
          expect(blockRow(byKey.get(blockKeyOfRowKey(datasetRowKey(ds, row))), row)).toEqual(want);
        });
      }),
    );
  });

  it('packs a plain project\'s rows into blocks that read back exactly as rows of stored texts, rewrites included (property)', () => {
    const rowSets = fc.uniqueArray(fc.nat({ max: 3 * DATASET_BLOCK_ROWS }), { maxLength: 200 }).map((rows) => rows.sort((a, b) => a - b));
    // answers of any text (empty, lone surrogates, astral characters) or none
    const answer = fc.option(fc.string({ unit: 'binary', maxLength: 6 }), { nil: null });
    fc.assert(
      fc.property(rowSets, fc.integer({ min: 1, max: 3 }), fc.array(fc.array(answer, { minLength: 3, maxLength: 3 }), { minLength: 200, maxLength: 200 }), fc.array(fc.nat({ max: 2 })), fc.integer({ min: 1, max: 40 }), (rows, slots, texts, blank, pieceChars) => {
        const ds = datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100');
        const asRows = new BlockPacker();
        // (small pieces: an answer longer than a piece, pieces closed early, many pieces a block)
        const packed = new PlainBlockPacker(pieceChars);
        const rowsOf = (i: number) => texts[i]!.slice(0, slots);
        const a = rows.flatMap((row, i) => asRows.add(ds, row, rowsOf(i).map((t) => (t === null ? null : st(t)))));
        a.push(...asRows.finish());
        const b = rows.flatMap((row, i) => packed.add(ds, row, rowsOf(i)));
        b.push(...packed.finish());
        expect(b.map((x) => [x.key, x.first])).toEqual(a.map((x) => [x.key, x.first]));
        expect(b.every((x) => x.packed !== undefined && x.rows === undefined)).toBe(true);
        // no piece is longer than the limit unless it is one answer
        for (const x of b) {
          for (const t of x.packed!.texts) expect(t.length <= pieceChars || x.packed!.lengths.includes(t.length)).toBe(true);
          // each piece's answers counted (a reader follows the counts, whatever piece size the writer chose)
          expect(x.packed!.counts).toHaveLength(x.packed!.texts.length);
          expect(x.packed!.counts.reduce((n, c) => n + c, 0)).toBe(x.packed!.lengths.filter((n) => n >= 0).length);
        }
        b.forEach((x, k) => {
          expect(blockRows(x)).toEqual(blockRows(a[k]!));
          // every row given, and the edges of the block
          for (const row of [x.first - 1, x.first, x.first + 1, x.first + DATASET_BLOCK_ROWS - 1, x.first + DATASET_BLOCK_ROWS, ...rows]) {
            if (row < x.first - 1 || row > x.first + DATASET_BLOCK_ROWS) continue;
            expect(blockRow(x, row)).toEqual(blockRow(a[k]!, row));
            for (let slot = -1; slot <= slots; slot++) expect(blockAnswer(x, row, slot)).toEqual(blockAnswer(a[k]!, row, slot));
          }
          // a rewrite (blank some slots of some rows) gives the same rows, and a packed block stays packed
          const which = rows.filter((r) => r >= x.first && r < x.first + DATASET_BLOCK_ROWS).filter((_, j) => j % 2 === 0);
          const blankSlot = (t: (StoredText | null)[]) => t.map((v, slot) => (blank.includes(slot) ? null : v));
          const ra = rewriteBlockRows(a[k]!, which, blankSlot);
          const rb = rewriteBlockRows(x, which, blankSlot);
          expect(rb.rewritten).toBe(ra.rewritten);
          expect(rb.block === null).toBe(ra.block === null);
          if (rb.block && ra.block) {
            expect(rb.block.packed).toBeDefined();
            expect(blockRows(rb.block)).toEqual(blockRows(ra.block));
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses rows out of order (a block would be written twice)', () => {
    const ds = datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100');
    const packer = new BlockPacker();
    packer.add(ds, 5, [st('a')]);
    expect(() => packer.add(ds, 3, [st('b')])).toThrow(/out of order/);
    packer.add(ds, 2500, [st('c')]);
    expect(() => packer.add(ds, 1200, [st('d')])).toThrow(/out of order/);
  });

  it('rewrites rows inside a block, and says so when none is left with an answer', () => {
    const block = { key: 'k', first: 2000, rows: [[st('a'), st('b')], null, [st('c'), null]] };
    const blankFirst = (t: (StoredText | null)[]) => [null, ...t.slice(1)];
    const some = rewriteBlockRows(block, [2000, 2001, 2002], blankFirst);
    expect(some).toEqual({ block: { key: 'k', first: 2000, rows: [[null, st('b')], null, null] }, rewritten: 2 });
    expect(block.rows[0]).toEqual([st('a'), st('b')]); // (the block read is not changed)
    expect(rewriteBlockRows(some.block!, [2000], () => [null, null])).toEqual({ block: null, rewritten: 1 });
  });
});

const GONE = 'zqxblockgone';
const KEEP = 'zqxblockkeep';
const ROWS = 2100;

/**
 * A 2,100-row survey committed in chunks of 700 (so blocks fill across chunks): participant P-X
 * answered row 3 and every row from 2,000 (the whole third block); everyone else one row each.
 */
async function seed(codec: StorageCodec) {
  setCodec(codec);
  const db = await openChorusDb(`blocks-${newGuid()}`);
  const pid = (await createProject(db, 'Blocks')).id;
  const builder = new TableBuilder(
    { columns: ['ID', 'Person', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', participantColumn: 'Person', textColumns: ['Q1', 'Q2'], attributes: [], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: pid, newId: newGuid, now: '2026-06-01T10:00:00.000Z', fileName: 's.csv' },
  );
  const isX = (r: number) => r === 3 || r >= 2000;
  const answers = builder.addRows(Array.from({ length: ROWS }, (_, r) => [`R${r}`, isX(r) ? 'P-X' : `P-${r}`, isX(r) ? `I said ${GONE} here` : `Row ${r} ${KEEP}`, r % 3 === 0 ? '' : `Second ${r}`]));
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  const all = [...byRow].map(([row, texts]) => ({ row, texts }));
  const chunks = Array.from({ length: Math.ceil(all.length / 700) }, (_, i) => all.slice(i * 700, (i + 1) * 700));
  const participants = new Set(Array.from({ length: ROWS }, (_, r) => (isX(r) ? 'P-X' : r))).size;
  await commitImport(
    db,
    pid,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: chunks[Symbol.iterator](), documents: answers.length, participants, rowCount: ROWS, dataset: () => builder.dataset() } },
    { fileNames: ['s.csv'], checksum: 'c1', by: 'Alex', redactions: {} },
  );
  return { db, pid, datasetId: builder.datasetId };
}

describe('a purge over survey blocks', () => {
  for (const [name, make] of [
    ['plain', async () => plainCodec],
    ['AES-GCM', freshAesCodec],
  ] as const) {
    it(`(${name}) blanks the participant's rows inside their blocks, deletes the block left empty, and leaves 0 occurrences`, async () => {
      const codec = await make();
      const { db, pid, datasetId } = await seed(codec);
      expect((await db.datasetBlocks.toArray()).map((b) => [b.first, blockRows(b).length])).toEqual([
        [0, 1000],
        [1000, 1000],
        [2000, 100],
      ]);
      const before = await scanStore(db, [GONE, KEEP], codec);
      const inBlocks = (hits: typeof before.hits, token: string) => hits.filter((h) => h.token === token && h.where === 'datasetBlocks decoded text').length;
      expect(inBlocks(before.hits, GONE)).toBe(101);

      const px = (await listParticipants(db, pid)).find((p) => p.id === datasetParticipantId(datasetId, 3))!;
      const { result } = await execute(db, pid, { type: 'retract', target: { kind: 'participant', id: px.id }, reason: 'consent withdrawn', by: 'Alex' });
      const confirmed = await confirmRetraction(db, pid, result.id, { now: '2026-06-02T09:00:00.000Z' });
      expect(confirmed.counts.datasetRows).toBe(101);

      const blocks = await db.datasetBlocks.toArray();
      expect(blocks.map((b) => b.key)).toEqual([datasetBlockKey(datasetId, 0), datasetBlockKey(datasetId, 1)]);
      // (a plain project's blocks stay packed when rewritten; an encrypted one's are rows)
      expect(blocks.every((b) => (name === 'plain' ? b.packed !== undefined : b.rows !== undefined))).toBe(true);
      expect(blockRows(blocks[0]!)[3]).toBeNull();
      expect(blockRows(blocks[0]!).filter((r) => r !== null)).toHaveLength(999);
      expect(blockRows(blocks[1]!).filter((r) => r !== null)).toHaveLength(1000);

      const after = await scanStore(db, [GONE, KEEP], codec);
      expect(after.hits.filter((h) => h.token === GONE)).toEqual([]);
      expect(inBlocks(after.hits, KEEP)).toBe(ROWS - 101);

      // every remaining answer still reads by its (unchanged) document id
      const docs = await listDocuments(db, pid);
      const texts = await getDocumentTexts(db, docs.map((d) => d.id));
      expect(texts.filter((t) => t.includes(KEEP))).toHaveLength(ROWS - 101);
      const row1999 = docs.find((d) => d.recordId === 'R1999' && d.field === 'Q1')!;
      expect(row1999.id.slice(24, 32)).toBe((1999).toString(16).padStart(8, '0'));
      expect(texts[docs.indexOf(row1999)]).toBe(`Row 1999 ${KEEP}`);
      db.close();
    }, 60_000); // (2,100 rows through AES-GCM and two store scans: slow on a loaded machine)
  }

  it('deletes every block of a source whose retention ended, counting the rows with answers', async () => {
    const { db, pid, datasetId } = await seed(plainCodec);
    const ds = await db.datasets.get(datasetId);
    await db.datasetBlocks.put({ key: datasetBlockKey(datasetIdFrom('2f0e0d0c-0b0a-4908-8706-050403020100'), 0), first: 0, rows: [[st(`other ${KEEP}`)]] });
    const record = await deleteForRetention(db, pid, ds!.sourceId, 'Alex', { now: '2026-06-02T09:00:00.000Z' });
    expect(record.counts.datasetRows).toBe(ROWS);
    // another dataset's block (same table, neighbouring key range) is untouched
    expect((await db.datasetBlocks.toArray()).map((b) => b.key.slice(0, 24))).toEqual([datasetIdFrom('2f0e0d0c-0b0a-4908-8706-050403020100')]);
    expect((await scanStore(db, [GONE], plainCodec)).hits).toEqual([]);
    db.close();
  }, 60_000);
});
