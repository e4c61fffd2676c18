/**
 * The scan ahead (shared/import/pre-scan.ts): a session whose long answers' findings come from a
 * scan ahead, its results arriving late, in any slices, or failing part-way, must give exactly
 * the review and stored texts of a session that scans every answer itself; and where it has
 * reached a long answer, that answer is taken from it, not scanned again.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createProject, getDocumentText, listDocuments, openChorusDb, type ChorusDb } from '../../renderer/db';
import { ImportSession, type PreScan } from '../../renderer/workers/import-session';
import { blobSource } from '../../renderer/workers/blob-source';
import { createDetectPool } from '../../renderer/workers/detect-pool';
import { answerDetect } from '../../renderer/workers/detect-protocol';
import { localService } from '../../renderer/workers/rpc';
import type { TableMapping } from '../../shared/import/mapping';
import { MAX_GROUPED_LENGTH, type PiiDetector } from '../../shared/import/pii-scan';
import { preScanParts, PreScanResults, type PreScanMessage } from '../../shared/import/pre-scan';
import type { TableLayout } from '../../shared/import/csv-stream';
import { forgetPickedFiles, pickedFile } from '../picked-file';

const LONG = [
  'My ex Dave Smith turned up at 14 Acacia Avenue again, and when I rang the station to say so nobody called me back for three days, which made me feel that nobody was listening.',
  'The officer was kind. Call me on 07700 900123 please, or email jo@example.co.uk, because I would like to know what happened with the case and whether he was ever spoken to.',
  // CRLF inside a quoted cell and a decomposed é: the answer is normalised (LF, NFC) before it is scanned
  'Cafe\u0301 owner Aoife Byrne saw it all.\r\nShe told PC Sarah Jones the next morning, but her statement was never taken and she has since moved away from the area entirely.',
];
const SHORT = ['No', 'Nothing to add.', 'Call 07700 900123'];

/** Long answers with personal data, short repeated ones (grouped by the scanner), blank cells and blank rows. */
function surveyCsv(rows: number, latin1Tail: boolean): Uint8Array {
  const lines = ['ID,Area,Experience,Improvements'];
  for (let i = 1; i <= rows; i++) {
    const a = i % 3 === 0 ? SHORT[i % SHORT.length]! : `${LONG[i % LONG.length]!} (${i})`;
    const b = i % 4 === 0 ? '' : i % 5 === 0 ? `${LONG[(i * 7) % LONG.length]!} Row ${i}.` : SHORT[(i * 7) % SHORT.length]!;
    lines.push(`R${i},${['North', 'South'][i % 2]},"${a.replace(/"/g, '""')}","${b}"`);
    if (i % 9 === 0) lines.push('');
  }
  const text = lines.join('\r\n');
  if (!latin1Tail) return new TextEncoder().encode(text);
  // not UTF-8 after all: a windows-1252 é near the end makes the strict read start again
  return Uint8Array.from(`${text}\r\nR${rows + 1},North,"Caf\u00e9 ${LONG[0]}",`, (ch) => ch.charCodeAt(0) & 0xff);
}

/** Past the 200 rows read before the header is settled, so the scan ahead posts several slices. */
const ROWS = 260;

const mapping: TableMapping = {
  idColumn: 'ID',
  textColumns: ['Experience', 'Improvements'],
  attributes: [{ column: 'Area', type: 'category' }],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
};

afterEach(forgetPickedFiles);

/** Answers the session asked a scan ahead for: found there, or not (and so scanned again). */
interface Asked {
  hits: number;
  misses: number;
}

/** Each scan ahead's deliveries, to wait for as a user mapping the columns would. */
const thinking: Promise<void>[] = [];

/** A scan ahead run here, its messages handed over after `delays` (ms, in turn); from message `failAt` on, an error instead. */
function scanAhead(delays: readonly number[], failAt: number | undefined, started: PreScanResults[], asked: Asked = { hits: 0, misses: 0 }): (file: Blob, layout: TableLayout) => PreScan {
  return (file, layout) => {
    const results = new PreScanResults();
    const get = results.get.bind(results);
    results.get = (record, column, length) => {
      const found = get(record, column, length);
      if (found) asked.hits++;
      else asked.misses++;
      return found;
    };
    started.push(results);
    const messages: PreScanMessage[] = [];
    for (const part of preScanParts(blobSource(file, 1000), layout, 97)) messages.push({ type: 'part', part });
    messages.push({ type: 'done' });
    if (failAt !== undefined) messages.splice(failAt, messages.length, { type: 'error', message: 'the worker stopped' });
    let stopped = false;
    const delivered = (async () => {
      for (let i = 0; i < messages.length && !stopped; i++) {
        await new Promise((r) => setTimeout(r, delays[i % delays.length] ?? 0));
        if (!stopped) results.accept(messages[i]!);
      }
    })();
    thinking.push(delivered);
    return {
      results,
      stop: (keep = false) => {
        stopped = true;
        results.accept(keep ? { type: 'done' } : { type: 'error', message: 'stopped' });
      },
    };
  };
}

let n = 0;
/** `think`: ms the user spends on the mapping before the scan, or 'done' to wait for the scan ahead to finish. */
async function importWith(bytes: Uint8Array, chunkRows: number, opts: { preScan?: (file: Blob, layout: TableLayout) => PreScan; detect?: () => PiiDetector; think?: number | 'done' } = {}) {
  const db: ChorusDb = await openChorusDb(`import-pre-scan-${++n}`);
  const pid = (await createProject(db, 'Survey')).id;
  const { think: _think, ...session } = opts;
  const s = new ImportSession(async () => db, () => new Date('2026-12-03T10:00:00Z'), { chunkBytes: 128, chunkRows, ...session });
  const ask = async (req: Parameters<ImportSession['handle']>[0]) => s.handle(req);
  await ask({ type: 'add-file', projectId: pid, fileId: 'f', name: 'survey.csv', data: pickedFile(bytes).file });
  const table = await ask({ type: 'parse-table', fileId: 'f', settings: {} });
  if (table.type !== 'table') throw new Error(JSON.stringify(table));
  if (opts.think === 'done') await Promise.all(thinking.splice(0));
  else if (opts.think) await new Promise((r) => setTimeout(r, opts.think as number));
  const prepared = await ask({ type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'I', kind: 'interview' }, allowList: [] });
  if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
  const committed = await ask({ type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' });
  if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
  const texts = await Promise.all((await listDocuments(db, pid)).map(async (d) => `${d.title}\u0000${await getDocumentText(db, d.id)}`));
  return { review: prepared.review, texts, redactions: committed.summary.redactions };
}

describe('the scan ahead', () => {
  it('gives the review and stored texts of a scan without it, its results late, in any slices, or failing part-way (property)', async () => {
    const plain = new Map<string, Awaited<ReturnType<typeof importWith>>>();
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom<number | 'done'>(0, 3, 15, 'done'),
        async (latin1, chunkRows, delays, failAt, pooled, think) => {
          const bytes = surveyCsv(ROWS, latin1);
          const key = `${latin1}:${chunkRows}`;
          if (!plain.has(key)) plain.set(key, await importWith(bytes, chunkRows));
          const expected = plain.get(key)!;
          const started: PreScanResults[] = [];
          const asked = { hits: 0, misses: 0 };
          const pool = createDetectPool([localService(answerDetect)]);
          const ahead = await importWith(bytes, chunkRows, { preScan: scanAhead(delays, failAt, started, asked), think, ...(pooled ? { detect: () => pool.detect } : {}) });
          expect(started).toHaveLength(1);
          // a scan ahead that ended well before the scan answers for every long answer it is asked for
          if (failAt === undefined && think === 'done') expect([asked.hits > 0, asked.misses]).toEqual([true, 0]);
          expect(ahead.review).toEqual(expected.review);
          expect(ahead.texts).toEqual(expected.texts);
          expect(ahead.redactions).toEqual(expected.redactions);
        },
      ),
      { numRuns: 16, seed: 20261203 },
    );
    // the review is not empty: the property compares real findings, in both encodings
    for (const latin1 of [false, true]) {
      const { review } = await importWith(surveyCsv(ROWS, latin1), 7);
      expect(new Set(review.findings.map((f) => f.type))).toEqual(new Set(['person', 'phone', 'email', 'address']));
    }
  }, 120_000);

  it('takes every long answer from a scan ahead that finished during the mapping: none is sent to be scanned', async () => {
    const sent: string[] = [];
    const pool = createDetectPool([
      localService(async (req) => {
        sent.push(...req.texts);
        return answerDetect(req);
      }),
    ]);
    const started: PreScanResults[] = [];
    const asked = { hits: 0, misses: 0 };
    const ahead = await importWith(surveyCsv(ROWS, false), 11, { preScan: scanAhead([1, 0, 3], undefined, started, asked), detect: () => pool.detect, think: 'done' });
    // every long answer was taken from it: rows not a multiple of 3 in the first column, multiples
    // of 5 but not of 4 in the second
    let long = 0;
    for (let i = 1; i <= ROWS; i++) long += (i % 3 !== 0 ? 1 : 0) + (i % 4 !== 0 && i % 5 === 0 ? 1 : 0);
    expect(asked).toEqual({ hits: long, misses: 0 });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((t) => t.length <= MAX_GROUPED_LENGTH)).toBe(true);
    expect(ahead.review.findings.some((f) => f.type === 'email')).toBe(true);
    // stopped part-way by the scan, it answers for the records it reached and the rest are sent
    sent.length = 0;
    const part = { hits: 0, misses: 0 };
    const partway = await importWith(surveyCsv(ROWS, false), 11, { preScan: scanAhead([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2_000], undefined, [], part), detect: () => pool.detect, think: 200 });
    expect(part.hits).toBeGreaterThan(0);
    expect(part.misses).toBe(0);
    expect(sent.filter((t) => t.length > MAX_GROUPED_LENGTH).length).toBeGreaterThan(0);
    expect(partway.review).toEqual(ahead.review);
    // without the scan ahead, the long answers are sent
    sent.length = 0;
    await importWith(surveyCsv(ROWS, false), 11, { detect: () => pool.detect });
    expect(sent.some((t) => t.length > MAX_GROUPED_LENGTH)).toBe(true);
  });

  it('answers only for cells it read, at their length, and for none once failed', () => {
    const r = new PreScanResults();
    r.accept({ type: 'part', part: { through: 5, cells: [3, 2, 200, 5, 1, 180], found: [[1, [{ type: 'email', start: 0, end: 5, confidence: 0.9 }]]] } });
    expect(r.get(3, 2, 200)).toEqual([]);
    expect(r.get(5, 1, 180)?.map((f) => f.type)).toEqual(['email']);
    expect(r.get(5, 1, 181)).toBeUndefined();
    expect(r.get(4, 2, 200)).toBeUndefined();
    expect(r.get(3, -1, 200)).toBeUndefined();
    r.accept({ type: 'error', message: 'x' });
    expect(r.usable).toBe(false);
    expect(r.get(3, 2, 200)).toBeUndefined();
  });
});
