/**
 * In-page half of test/bench/scale.bench.ts (bundled by esbuild, served from the bench's own
 * server on the app's origin, loaded into a blank page so the app is not running while it
 * writes; never part of the app build). Adds codings to a project imported through the UI: about
 * `total` of them spread over its survey answers, nine codes, one coder, each coding its own time
 * (as codings made by hand over months: the digest then holds as many dates as codings; profiles
 * seeded before 2026-12-05 gave every coding one time, which left the dates out of the measure),
 * in chunked bulkAdds with the app's own schema class.
 */
import { listDatasets, openChorusDb } from '../../renderer/db';
import { projectCodings } from '../../renderer/db/coding-journal';
import { datasetDocumentId } from '../../shared/import/dataset';
import type { Code, Coding } from '../../shared/model';

const NOW = '2026-01-01T00:00:00.000Z';
/** The time of the n-th coding made: a second apart from 1 January 2026. */
const madeAt = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
const COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#332288', '#117733'];

async function seedCodings(projectName: string, total: number, onProgress?: (done: number, digestMs?: number) => void): Promise<{ codings: number; answers: number; textChars: number }> {
  const db = await openChorusDb();
  try {
    const project = (await db.projects.toArray()).find((p) => p.name === projectName);
    if (!project) throw new Error(`no project named ${projectName}`);
    const coder = (await db.coders.where('projectId').equals(project.id).toArray())[0];
    if (!coder) throw new Error('the project has no coder');
    const codes: Code[] = COLOURS.map((colour, i) => ({ id: crypto.randomUUID(), projectId: project.id, parentId: null, name: `Theme ${i + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour, order: i, keywords: [], createdAt: NOW }));
    await db.codes.bulkAdd(codes);
    const [ds] = await listDatasets(db, project.id);
    if (!ds) throw new Error('the project has no survey dataset');
    const F = ds.fields.length;
    const answers: { row: number; slot: number; length: number }[] = [];
    let textChars = 0;
    for (let r = 0; r < ds.recordIds.length; r++)
      for (let s = 0; s < F; s++) {
        const length = ds.lengths[r * F + s]!;
        if (length > 0) {
          answers.push({ row: r, slot: s, length });
          textChars += length;
        }
      }
    const per = total / answers.length;
    const CHUNK = 20_000;
    let batch: Coding[] = [];
    let made = 0;
    let owed = 0;
    for (const [i, a] of answers.entries()) {
      owed += per;
      const documentId = datasetDocumentId(ds.id, a.row, a.slot);
      for (let k = 0; owed >= 1 && made < total; k++, owed--, made++) {
        const start = Math.floor(((k * 7919 + i) % 97) / 97 * Math.max(1, a.length - 10));
        const end = Math.min(a.length, start + 5 + ((k * 31 + i) % 60));
        batch.push({ id: crypto.randomUUID(), projectId: project.id, documentId, codeId: codes[(i + k) % codes.length]!.id, start, end, coderId: coder.id, createdAt: madeAt(made) });
      }
      if (batch.length >= CHUNK) {
        await db.codings.bulkAdd(batch);
        batch = [];
        onProgress?.(made);
      }
    }
    // (the share per answer is a fraction: what rounding left over goes on the last answer)
    const last = answers.at(-1)!;
    for (; made < total; made++) batch.push({ id: crypto.randomUUID(), projectId: project.id, documentId: datasetDocumentId(ds.id, last.row, last.slot), codeId: codes[made % codes.length]!.id, start: 0, end: Math.min(last.length, 10), coderId: coder.id, createdAt: madeAt(made) });
    if (batch.length) await db.codings.bulkAdd(batch);
    // the project's coding digest, as a project whose codings were made over time keeps it current
    // (renderer/db/coding-journal.ts); a store that never had one reads every coding record once, here
    const t = performance.now();
    await projectCodings(db, project.id);
    onProgress?.(made, performance.now() - t);
    return { codings: made, answers: answers.length, textChars };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __chorusScaleSeed: unknown }).__chorusScaleSeed = { seedCodings };
