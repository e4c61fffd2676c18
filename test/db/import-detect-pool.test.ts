/**
 * The import's personal-data scan spread over a pool of detectors (renderer/workers/detect-pool.ts):
 * a session whose answers are scanned by pool members that reply late and out of order must give
 * exactly the review and the stored texts of a session that scans every answer itself, whatever
 * the chunk size; a member's failure fails the scan with its reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProject, getDocumentText, listDocuments, openChorusDb, type ChorusDb } from '../../renderer/db';
import { ImportSession } from '../../renderer/workers/import-session';
import { createDetectPool } from '../../renderer/workers/detect-pool';
import { answerDetect, type DetectReply, type DetectRequest } from '../../renderer/workers/detect-protocol';
import { localService, type Service } from '../../renderer/workers/rpc';
import type { TableMapping } from '../../shared/import/mapping';
import type { PiiDetector } from '../../shared/import/pii-scan';

/** Answers with personal data, repeated answers (grouped by the scanner) and blank cells. */
function surveyCsv(rows: number): string {
  const lines = ['ID,Area,Experience,Improvements'];
  const said = [
    'My ex Dave Smith turned up at 14 Acacia Avenue again.',
    'Call me on 07700 900123 please.',
    'No',
    'PC Sarah Jones was kind and email jo@example.co.uk worked.',
    'Nothing to add.',
    'I rang Aoife at the station and she never rang back.',
  ];
  for (let i = 1; i <= rows; i++) {
    const a = said[i % said.length]!;
    const b = i % 4 === 0 ? '' : said[(i * 7) % said.length]!;
    lines.push(`R${i},${['North', 'South'][i % 2]},"${a} (${i % 3 === 0 ? 'again' : 'once'})","${b}"`);
  }
  return lines.join('\r\n');
}

const mapping: TableMapping = {
  idColumn: 'ID',
  textColumns: ['Experience', 'Improvements'],
  attributes: [{ column: 'Area', type: 'category' }],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
};

let n = 0;
async function importWith(bytes: Uint8Array, chunkRows: number, detect?: () => PiiDetector) {
  const db: ChorusDb = await openChorusDb(`import-detect-pool-${++n}`);
  const pid = (await createProject(db, 'Survey')).id;
  const s = new ImportSession(async () => db, () => new Date('2026-12-03T10:00:00Z'), { chunkBytes: 64, chunkRows, ...(detect ? { detect } : {}) });
  await s.handle({ type: 'add-file', projectId: pid, fileId: 'f', name: 'survey.csv', data: bytes });
  await s.handle({ type: 'parse-table', fileId: 'f', settings: {} });
  const prepared = await s.handle({ type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'I', kind: 'interview' }, allowList: [] });
  if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
  const committed = await s.handle({ type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' });
  if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
  const texts = await Promise.all((await listDocuments(db, pid)).map(async (d) => `${d.title}\u0000${await getDocumentText(db, d.id)}`));
  return { review: prepared.review, texts, redactions: committed.summary.redactions };
}

/** A pool member that answers after `delays[i]` ms on its i-th call (so replies overtake each other), counting texts. */
function lateService(delays: readonly number[], seen: { texts: number; calls: number }): Service<DetectRequest, DetectReply> {
  let call = 0;
  return localService(async (req) => {
    seen.texts += req.texts.length;
    seen.calls++;
    const wait = delays[call++ % delays.length] ?? 0;
    await new Promise((r) => setTimeout(r, wait));
    return answerDetect(req);
  });
}

describe('the import scan spread over a pool of detectors', () => {
  it('gives the same review and stored texts as scanning in the session, with replies out of order, at any chunk size', async () => {
    const bytes = new TextEncoder().encode(surveyCsv(60));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 25 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }), async (chunkRows, delays) => {
        const plain = await importWith(bytes, chunkRows);
        const seen = { texts: 0, calls: 0 };
        const pool = createDetectPool([localService(answerDetect), lateService(delays, seen)]);
        const pooled = await importWith(bytes, chunkRows, () => pool.detect);
        expect(pooled.review).toEqual(plain.review);
        expect(pooled.texts).toEqual(plain.texts);
        expect(pooled.redactions).toEqual(plain.redactions);
        // the late member did part of the scan, and repeats were not sent to be scanned again
        expect(seen.calls).toBeGreaterThan(0);
        expect(seen.texts).toBeLessThan(plain.review.documents);
      }),
      { numRuns: 8, seed: 20261203 },
    );
    // and the review is not empty: the property compares real findings
    const { review } = await importWith(bytes, 7);
    expect(new Set(review.findings.map((f) => f.type))).toEqual(new Set(['person', 'phone', 'email', 'address']));
  });

  it('lets the detection workers go as a commit starts, before anything is stored, and starts them again for the next scan', async () => {
    const db: ChorusDb = await openChorusDb(`import-detect-pool-${++n}`);
    const pid = (await createProject(db, 'Survey')).id;
    const log: string[] = [];
    let pool: ReturnType<typeof createDetectPool> | undefined;
    const member = (): Service<DetectRequest, DetectReply> => ({ ...localService(answerDetect), dispose: () => log.push('disposed') });
    const s = new ImportSession(async () => db, () => new Date('2026-12-03T10:00:00Z'), {
      chunkRows: 7,
      detect: () => (pool ??= (log.push('started'), createDetectPool([member()]))).detect,
      releaseDetect: () => {
        pool?.dispose();
        pool = undefined;
      },
    });
    db.datasetBlocks.hook('creating', () => void log.push('stored'));
    const scan = async (fileId: string, rows: number) => {
      await s.handle({ type: 'add-file', projectId: pid, fileId, name: `${fileId}.csv`, data: new TextEncoder().encode(surveyCsv(rows)) });
      await s.handle({ type: 'parse-table', fileId, settings: {} });
      const prepared = await s.handle({ type: 'prepare', projectId: pid, tables: [{ fileId, mapping }], transcripts: [], transcriptSource: { name: 'I', kind: 'interview' }, allowList: [] });
      expect(prepared.type).toBe('review');
    };
    await scan('a', 30);
    // a rescan (another allow-list) uses the same workers
    expect((await s.handle({ type: 'rescan', allowList: ['Dave Smith'] })).type).toBe('review');
    expect(log).toEqual(['started']);
    expect((await s.handle({ type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' })).type).toBe('committed');
    expect(log.slice(0, 3)).toEqual(['started', 'disposed', 'stored']);
    await scan('b', 20);
    expect(log.filter((x) => x !== 'stored')).toEqual(['started', 'disposed', 'started']);
  });

  it('spreads calls by texts outstanding and reports a member that fails', async () => {
    const sizes: number[][] = [[], []];
    const recording = (k: number): Service<DetectRequest, DetectReply> =>
      localService(async (req) => {
        sizes[k]!.push(req.texts.length);
        await new Promise((r) => setTimeout(r, 5));
        return answerDetect(req);
      });
    const pool = createDetectPool([recording(0), recording(1)]);
    const found = await Promise.all([pool.detect(['Email jo@example.co.uk']), pool.detect(['a', 'b', 'c']), pool.detect(['Call 07700 900123'])]);
    expect(found[0]![0]!.map((f) => f.type)).toEqual(['email']);
    expect(found[2]![0]!.map((f) => f.type)).toEqual(['phone']);
    // the second call went to the idle member; the third to the one with fewer texts waiting
    expect(sizes).toEqual([[1, 1], [3]]);
    expect(await pool.detect([])).toEqual([]);

    const failing = createDetectPool([localService(async (): Promise<DetectReply> => ({ error: 'out of memory' }))]);
    await expect(failing.detect(['x'])).rejects.toThrow('The personal-data scan failed: out of memory');
    const short = createDetectPool([localService(async (): Promise<DetectReply> => ({ found: [] }))]);
    await expect(short.detect(['x', 'y'])).rejects.toThrow('returned 0 results for 2 texts');
  });
});
