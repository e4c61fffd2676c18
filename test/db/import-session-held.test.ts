/**
 * The import session holds a CSV's answers from the scan to the commit (HeldAnswers, up to a byte
 * budget), so a commit does not read the file again: it stores exactly what the re-read path
 * stores (every answer read again from the file), whether everything, nothing or only the first
 * rows are held — same blocks, same dataset record, same redaction counts — with the plain and a
 * real AES-GCM codec, over several blocks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, getCodec, listDatasets, openChorusDb, plainCodec, type ChorusDb } from '../../renderer/db';
import { blockRows } from '../../renderer/db/dataset-blocks';
import { ImportSession } from '../../renderer/workers/import-session';
import type { ImportReply, ImportRequest } from '../../renderer/workers/import-protocol';
import type { TableMapping } from '../../shared/import/mapping';
import type { FindingDecision } from '../../shared/import/pipeline';
import { DATASET_ID_LENGTH } from '../../shared/import/dataset';
import { eachCodec } from './aes-codec';
import { forgetPickedFiles, pickedFile } from '../picked-file';

const NAMES = ['Sarah Jones', 'Dave Smith', 'Amira Khan'];

/** A survey of `rows` rows: personal data in answers and attributes, non-Latin-1 text, CRLF inside cells, blank answers and blank rows of answers. */
function surveyCsv(rows: number): string {
  const lines = ['ID,Person,Area,Officer,Contact,Experience,Improvements'];
  for (let i = 1; i <= rows; i++) {
    const p = i % 700;
    let a = `Answer ${i}: the officer’s call came after ${i % 9} days — é ✓.`;
    let b = i % 11 === 0 ? '' : `Keep people updated (${i}).`;
    if (i % 13 === 0) a += ` Email me at victim${i}@example.co.uk.`;
    if (i % 17 === 0) b += ` Call 07700 900${String(i % 1000).padStart(3, '0')} please.`;
    if (i % 19 === 0) a += ` PC ${NAMES[i % 3]} was kind.\r\nSecond line 😀.`;
    if (i % 23 === 0) a = '';
    if (i % 46 === 0) b = '';
    const contact = i % 29 === 0 ? `Ring 0161 496 0${String(i % 1000).padStart(3, '0')}` : '';
    lines.push(`R${i},P${p},${['North', 'South', 'East', 'West', 'Central'][i % 5]},PC ${NAMES[p % 3]},${contact},"${a}","${b}"`);
  }
  return lines.join('\n') + '\n';
}

const mapping: TableMapping = {
  idColumn: 'ID',
  participantColumn: 'Person',
  textColumns: ['Experience', 'Improvements'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Officer', type: 'text' },
    { column: 'Contact', type: 'text' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
};

const decide = (type: string, i: number): FindingDecision => (type === 'person' ? 'pseudonymise' : type === 'address' || i % 7 === 0 ? 'ignore' : 'redact');

afterEach(forgetPickedFiles);

let n = 0;

/**
 * Import the survey with these hold budgets (answers from the scan to the commit; rows from
 * parse-table to the scan); what was stored, in a form that does not depend on the random ids,
 * and the file reads by the scan and by the commit.
 */
async function importWith(bytes: Uint8Array, holdBytes: number | undefined, holdRowsBytes?: number) {
  const db = await openChorusDb(`import-held-${++n}`);
  const pid = (await createProject(db, 'Survey')).id;
  const budgets = { ...(holdBytes !== undefined ? { holdBytes } : {}), ...(holdRowsBytes !== undefined ? { holdRowsBytes } : {}) };
  const s = new ImportSession(async () => db, () => new Date('2026-12-03T10:00:00Z'), { chunkBytes: 4096, chunkRows: 64, ...budgets });
  const { file, reads } = pickedFile(bytes);
  const ask = async (req: ImportRequest): Promise<ImportReply> => s.handle(req);
  expect((await ask({ type: 'add-file', projectId: pid, fileId: 'f', name: 'survey.csv', data: file })).type).toBe('file');
  expect((await ask({ type: 'parse-table', fileId: 'f', settings: {} })).type).toBe('table');
  const parsed = reads.length;
  const prepared = await ask({ type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] });
  if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
  const before = reads.length;
  const decisions = Object.fromEntries(prepared.review.findings.map((f, i) => [f.id, decide(f.type, i)]));
  const committed = await ask({ type: 'commit', projectId: pid, decisions, by: 'Analyst' });
  if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
  return { stored: await storedSurvey(db, pid), scanReads: before - parsed, commitReads: reads.length - before, findings: prepared.review.findings, summary: committed.summary };
}

/** The stored survey with its random ids (dataset, source, variables) replaced by their order; texts decoded through the codec. */
async function storedSurvey(db: ChorusDb, pid: string) {
  const datasets = await listDatasets(db, pid);
  expect(datasets.length).toBe(1);
  const ds = datasets[0]!;
  const variables = (await db.variables.toArray()).sort((a, b) => a.name.localeCompare(b.name));
  const codec = getCodec();
  const blocks = [];
  for (const b of await db.datasetBlocks.orderBy('key').toArray()) {
    expect(b.key.startsWith(ds.id)).toBe(true);
    const rows = await Promise.all(blockRows(b).map((r) => (r ? Promise.all(r.map((t) => (t ? codec.decode(t) : null))) : null)));
    // with the plain codec the records themselves are compared (byte for byte what was written)
    blocks.push({ block: b.key.slice(DATASET_ID_LENGTH), first: b.first, rows, ...(codec === plainCodec ? { raw: b.packed ?? b.rows } : {}) });
  }
  const logs = (await db.redactionLogs.toArray()).map((l) => l.counts);
  const imports = (await db.imports.toArray()).map((r) => ({ fileNames: r.fileNames, checksum: r.checksum, counts: r.counts }));
  let json = JSON.stringify({ ds, variables, blocks, logs, imports }, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
  [pid, ds.id, ds.sourceId, ...variables.map((v) => v.id)].forEach((id, k) => (json = json.replaceAll(id, `#${k}`)));
  return JSON.parse(json) as { ds: { lengths: number[]; recordIds: string[] }; blocks: { rows: ((string | null)[] | null)[] }[] };
}

eachCodec(() => {
  describe('a commit from the answers held since the scan', () => {
    let bytes: Uint8Array;
    beforeEach(() => {
      bytes = new TextEncoder().encode(surveyCsv(2300));
    });

    it('reads nothing from the file and stores what reading every row again stores (whole, none or part held)', async () => {
      const held = await importWith(bytes, undefined);
      const reread = await importWith(bytes, 0);
      const part = await importWith(bytes, Math.floor(bytes.length / 3));
      expect(held.commitReads).toBe(0);
      expect(reread.commitReads).toBeGreaterThan(0);
      expect(part.commitReads).toBeGreaterThan(0);
      // the case is not trivial: several blocks, redactions and pseudonyms in answers and attributes, blank answers
      expect(held.stored.blocks.length).toBe(3);
      expect(held.findings.length).toBeGreaterThan(300);
      const texts = JSON.stringify(held.stored.blocks);
      for (const placeholder of ['[PERSON 1]', '[EMAIL]', '[PHONE]']) expect(texts).toContain(placeholder);
      expect(JSON.stringify(held.stored.ds)).toContain('[PHONE]');
      expect(held.stored.ds.lengths).toContain(-1);
      expect(JSON.stringify(held.stored.blocks)).toContain('😀');
      // (a finding's id names its variable, whose id is random)
      const guidless = (fs: typeof held.findings) => JSON.stringify(fs).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'guid');
      expect(guidless(reread.findings)).toBe(guidless(held.findings));
      expect(reread.stored).toEqual(held.stored);
      expect(part.stored).toEqual(held.stored);
      expect(reread.summary.redactions).toEqual(held.summary.redactions);
      expect(part.summary.documents).toBe(held.summary.documents);
    }, 60_000);

    it('the scan reads nothing from the file when parse-table held its rows, and stores what it stores reading them again', async () => {
      const held = await importWith(bytes, undefined);
      const reread = await importWith(bytes, undefined, 0);
      expect(held.scanReads).toBe(0);
      expect(reread.scanReads).toBeGreaterThan(0);
      const guidless = (fs: typeof held.findings) => JSON.stringify(fs).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'guid');
      expect(guidless(reread.findings)).toBe(guidless(held.findings));
      expect(reread.stored).toEqual(held.stored);
      expect(reread.summary.redactions).toEqual(held.summary.redactions);
      // a budget the file passes: its rows are read again, with the same result
      const over = await importWith(bytes, undefined, bytes.length);
      expect(over.scanReads).toBeGreaterThan(0);
      expect(over.stored).toEqual(held.stored);
    }, 60_000);

    it('a stored answer’s length is its stored text’s length, after redaction', async () => {
      const { stored } = await importWith(bytes, undefined);
      const F = 2;
      let checked = 0;
      for (const b of stored.blocks) {
        b.rows.forEach((r, i) => {
          for (let slot = 0; slot < F; slot++) {
            const row = (b as unknown as { first: number }).first + i;
            const length = stored.ds.lengths[row * F + slot]!;
            const text = r?.[slot] ?? null;
            expect(length).toBe(text === null ? -1 : text.length);
            checked++;
          }
        });
      }
      expect(checked).toBeGreaterThan(4000);
    }, 30_000);
  });
});

describe('the file changing after the scan', () => {
  it('does not matter when every answer is held: what was scanned and reviewed is stored', async () => {
    const bytes = new TextEncoder().encode(surveyCsv(300));
    const db = await openChorusDb(`import-held-${++n}`);
    const pid = (await createProject(db, 'Survey')).id;
    const s = new ImportSession(async () => db, () => new Date('2026-12-03T10:00:00Z'), { chunkBytes: 4096, chunkRows: 64 });
    await s.handle({ type: 'add-file', projectId: pid, fileId: 'f', name: 'survey.csv', data: bytes });
    await s.handle({ type: 'parse-table', fileId: 'f', settings: {} });
    const prepared = await s.handle({ type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] });
    if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
    bytes.fill(0x20, 200);
    const r = await s.handle({ type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' });
    expect(r.type).toBe('committed');
    const stored = await storedSurvey(db, pid);
    expect(stored.ds.recordIds.length).toBe(300);
    expect(stored.blocks[0]!.rows[299]![0]).toMatch(/^Answer 300: /);
  });
});
