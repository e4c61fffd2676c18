/**
 * Retraction and retention with zero residue (issue 12), proved by the planted-value technique:
 * unique tokens are planted in a participant's survey answers, attribute values, record id,
 * memos and a transcript; after "retract" + "confirm" every object store and index (rows as JSON
 * and every stored text decoded, with the plain and the real AES-GCM codec) and every export made
 * afterwards (.qdpx, CSV and XLSX of every analysis) hold 0 of them — while control tokens planted
 * in data that was NOT retracted are still found, so the scan is known to see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCodings,
  churnStorage,
  commitImport,
  confirmRetraction,
  createProject,
  deleteForRetention,
  ensureTermCounts,
  execute,
  exportBundle,
  getDocumentTexts,
  listCodings,
  listDocuments,
  listParticipants,
  listRetractions,
  listSurveyParts,
  openChorusDb,
  plainCodec,
  projectChangeStamp,
  saveMemo,
  setCodec,
  type ChorusDb,
  type StorageCodec,
} from '../../renderer/db';
import { TableBuilder } from '../../shared/import/mapping';
import { buildGrid, gridRows } from '../../shared/grid/rows';
import { newGuid, type DocumentWithText, type Participant, type Source } from '../../shared/model';
import { writeQdpx } from '../../shared/exchange/qdpx-write';
import { prepareIndex } from '../../shared/analysis';
import { runAnalysis, type AnalysisRequest } from '../../shared/analysis/run-request';
import { toCsv, toXlsx } from '../../shared/export/table';
import { defaultOptions, EMPTY_FILTER, toRequest } from '../../renderer/features/analysis/options';
import { ANALYSIS_MENU } from '../../renderer/features/analysis/menu';
import { dueForDeletion, reasonsOverTime } from '../../shared/governance/retraction';
import { RANDOM_KEY_CODECS } from './aes-codec';
import { snapshot } from './test-store';
import { scanBytes, scanStore, type Hit } from './residue';

afterEach(() => setCodec(plainCodec));

/** Tokens no tokeniser, stemmer or stop list changes (letters only, no common suffix). */
const T = {
  answer: 'zqxvormek',
  answer2: 'zqxbrandolf',
  attribute: 'zqxquilmot',
  recordId: 'zqxrecidu',
  memoAnswer: 'zqxmemodrak',
  memoParticipant: 'zqxpartimov',
  transcript: 'zqxtranskelv',
  memoTranscript: 'zqxmemtrox',
  quoteNote: 'zqxquonet',
  storedAttr: 'zqxstorattu',
  fileName: 'zqxfilenom',
};
const GONE = Object.values(T);
/** Planted in data that is not retracted: the scan must find these. */
const KEEP = { answer: 'zqxkeepanswo', transcript: 'zqxkeeptrank' };

const NOW = '2026-06-01T10:00:00.000Z';

interface Planted {
  db: ChorusDb;
  projectId: string;
  datasetId: string;
  surveyParticipant: string;
  transcriptId: string;
  keptTranscriptId: string;
  interviewSource: string;
  storedParticipant: string;
}

/** A survey (3 rows, 2 participants, one of them on 2 rows) and two transcripts, coded, with memos, a quote and a finding. */
async function plant(codec: StorageCodec): Promise<Planted> {
  setCodec(codec);
  const db = await openChorusDb(`retraction-${newGuid()}`);
  const project = await createProject(db, 'Retraction');
  const pid = project.id;
  const rows = [
    [T.recordId, 'P-A', T.attribute, `I was not told ${T.answer} anything`, `Second ${T.answer2} answer`],
    ['R2', 'P-A', T.attribute, `Follow up ${T.answer} again`, ''],
    ['R3', 'P-B', 'North', `The officer ${KEEP.answer} listened`, 'Fine'],
  ];
  const builder = new TableBuilder(
    { columns: ['ID', 'Person', 'Area', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', participantColumn: 'Person', textColumns: ['Q1', 'Q2'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: pid, newId: newGuid, now: NOW, fileName: 's.csv' },
  );
  const answers = builder.addRows(rows);
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  await commitImport(
    db,
    pid,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 1, dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: 2, rowCount: 3, dataset: () => builder.dataset() } },
    { fileNames: ['s.csv'], checksum: 'c1', by: 'Alex', redactions: {} },
  );
  // Transcripts: one retracted by document, one kept; a stored participant with a planted attribute value.
  const source: Source = { id: newGuid(), projectId: pid, name: 'Interviews', kind: 'interview', description: '', retainUntil: '2026-05-01', createdAt: NOW };
  const variable = builder.variables[0]!;
  const person: Participant = { id: newGuid(), projectId: pid, sourceId: source.id, pseudonym: 'Interviewee 1', attributes: { [variable.id]: T.storedAttr } };
  const text = `Interviewer: What happened?\nP1: They said ${T.transcript} and left.`;
  const kept = `Interviewer: And then?\nP2: It was ${KEEP.transcript} in the end.`;
  const doc = (id: string, body: string, participantId: string | null, title: string): DocumentWithText => ({ id, projectId: pid, sourceId: source.id, participantId, title, kind: 'transcript', length: body.length, turns: [], createdAt: NOW, text: body });
  const transcriptId = newGuid();
  const keptTranscriptId = newGuid();
  await commitImport(db, pid, { sources: [source], variables: [], participants: [person], documents: [doc(transcriptId, text, person.id, `interview ${T.fileName}`), doc(keptTranscriptId, kept, null, 'kept interview')], skippedEmpty: 0 }, { fileNames: [`interview ${T.fileName}.txt`, 'kept interview.txt'], checksum: 'c2', by: 'Alex', redactions: {} });

  const coder = (await execute(db, pid, { type: 'createCoder', name: 'Alex' })).result;
  const code = (await execute(db, pid, { type: 'createCode', name: 'Not updated' })).result;
  const docs = await listDocuments(db, pid);
  const surveyDocs = docs.filter((d) => d.kind === 'response');
  const pA = surveyDocs.find((d) => d.recordId === T.recordId)!.participantId!;
  const codings = await addCodings(
    db,
    [...docs].map((d) => ({ projectId: pid, documentId: d.id, codeId: code.id, coderId: coder.id, start: 0, end: Math.min(5, d.length) })),
    'Code all',
  );
  const answerA = surveyDocs.find((d) => d.participantId === pA)!;
  await saveMemo(db, { projectId: pid, target: { kind: 'document', id: answerA.id }, text: `memo ${T.memoAnswer}` });
  await saveMemo(db, { projectId: pid, target: { kind: 'participant', id: pA }, text: `about ${T.memoParticipant}` });
  await saveMemo(db, { projectId: pid, target: { kind: 'document', id: transcriptId }, text: `memo ${T.memoTranscript}` });
  await saveMemo(db, { projectId: pid, target: { kind: 'coding', id: codings.find((c) => c.documentId === transcriptId)!.id }, text: `coding memo ${T.memoTranscript}` });
  // Quotes and findings have no commands in this branch yet: seeded as the issue-11 screens will store them.
  const quoteA = { id: newGuid(), projectId: pid, documentId: answerA.id, start: 0, end: 5, starredBy: coder.id, at: NOW, note: `note ${T.quoteNote}` };
  const quoteKept = { id: newGuid(), projectId: pid, documentId: keptTranscriptId, start: 0, end: 5, starredBy: coder.id, at: NOW, note: 'kept quote' };
  await db.quotes.bulkAdd([quoteA, quoteKept]);
  await db.findings.add({ id: newGuid(), projectId: pid, title: 'Victims were not updated', summary: '', codeIds: [code.id], quoteIds: [quoteA.id, quoteKept.id], evidenceCodingIds: codings.map((c) => c.id), audiences: [], order: 0, createdAt: NOW });
  await ensureTermCounts(db, pid);
  return { db, projectId: pid, datasetId: builder.datasetId, surveyParticipant: pA, transcriptId, keptTranscriptId, interviewSource: source.id, storedParticipant: person.id };
}

/** Every export made from the project now: .qdpx, and CSV + XLSX of every analysis in the menu. */
async function exportsOf(db: ChorusDb, projectId: string, tokens: readonly string[]): Promise<{ hits: Hit[]; files: number }> {
  const bundle = await exportBundle(db, projectId);
  const hits = scanBytes(writeQdpx(bundle), tokens, 'project.qdpx');
  let files = 1;
  const index = prepareIndex(bundle);
  const opts = defaultOptions(bundle.variables, bundle.sources.map((s) => s.id));
  for (const item of ANALYSIS_MENU) {
    const req = toRequest(item.id, opts, EMPTY_FILTER);
    if (typeof req !== 'object') continue;
    const table = runAnalysis(index, req as AnalysisRequest);
    hits.push(...scanBytes(new TextEncoder().encode(toCsv(table)), tokens, `${item.id}.csv`), ...scanBytes(toXlsx(table), tokens, `${item.id}.xlsx`));
    files += 2;
  }
  // keyword in context for each token: no rows may come back
  for (const t of tokens) {
    const table = runAnalysis(index, { analysis: 'words', mode: 'kwic', n: 1, stem: false, stopWords: true, by: '', keyword: t, filter: {} } as AnalysisRequest);
    hits.push(...scanBytes(new TextEncoder().encode(toCsv(table)), tokens, `kwic-${t}.csv`));
    files++;
  }
  return { hits, files };
}

describe.each(RANDOM_KEY_CODECS)('retraction with zero residue (%s)', (_name, makeCodec) => {
  it('a retracted participant and document are hidden, undoable until confirmed, then leave no trace in any store, index or export', async () => {
    const codec = await makeCodec();
    const p = await plant(codec);
    const { db, projectId: pid } = p;
    const before = await scanStore(db, [...GONE, ...Object.values(KEEP)], codec);
    // every planted token is really there before (in rows, decoded texts, indexes or history)
    for (const t of [...GONE, ...Object.values(KEEP)]) expect(before.hits.some((h) => h.token === t), t).toBe(true);
    expect(before.hits.some((h) => h.where.startsWith('history'))).toBe(true);

    // Step 1: mark. Hidden from lists, the grid, codings and exports; undoable.
    const docsBefore = await listDocuments(db, pid);
    const marked = await execute(db, pid, { type: 'retract', target: { kind: 'participant', id: p.surveyParticipant }, reason: 'consent withdrawn', by: 'Alex' });
    expect(marked.step).not.toBeNull();
    const hiddenDocs = docsBefore.filter((d) => d.participantId === p.surveyParticipant).map((d) => d.id);
    expect(hiddenDocs).toHaveLength(3);
    const visible = await listDocuments(db, pid);
    expect(visible.map((d) => d.id).sort()).toEqual(docsBefore.filter((d) => !hiddenDocs.includes(d.id)).map((d) => d.id).sort());
    expect((await listParticipants(db, pid)).some((x) => x.id === p.surveyParticipant)).toBe(false);
    expect((await listCodings(db, { projectId: pid })).some((c) => hiddenDocs.includes(c.documentId))).toBe(false);
    const grid = buildGrid(await listSurveyParts(db, pid));
    expect(gridRows(grid).map((r) => r.recordId)).toEqual(['R3']);
    const pendingExports = await exportsOf(db, pid, [T.answer, T.answer2, T.attribute, T.recordId, T.memoAnswer, T.memoParticipant]);
    expect(pendingExports.hits).toEqual([]);
    await expect(execute(db, pid, { type: 'retract', target: { kind: 'participant', id: p.surveyParticipant }, reason: 'other', by: 'Alex' })).rejects.toThrow('already retracted');
    // Undo brings everything back.
    await execute(db, pid, { type: 'undo' });
    expect((await listDocuments(db, pid)).length).toBe(docsBefore.length);
    expect(gridRows(buildGrid(await listSurveyParts(db, pid)))).toHaveLength(3);

    // Mark again, and the transcript document too; confirm both.
    const r1 = (await execute(db, pid, { type: 'retract', target: { kind: 'participant', id: p.surveyParticipant }, reason: 'consent withdrawn', by: 'Alex' })).result;
    const r2 = (await execute(db, pid, { type: 'retract', target: { kind: 'document', id: p.transcriptId }, reason: 'participant request', by: 'Sam' })).result;
    const stampBefore = await projectChangeStamp(db, pid);
    const c1 = await confirmRetraction(db, pid, r1.id, { now: '2026-06-02T09:00:00.000Z' });
    // the workers (grid, search, suggestions, analyses) re-read when the stamp moves
    expect(await projectChangeStamp(db, pid)).not.toEqual(stampBefore);
    expect(c1.counts).toMatchObject({ documents: 3, codings: 3, memos: 2, quotes: 1, findingLinks: 1, participants: 1 });
    expect(c1.counts.historyChanges).toBeGreaterThan(0);
    await expect(confirmRetraction(db, pid, r1.id)).rejects.toThrow('already been confirmed');
    const c2 = await confirmRetraction(db, pid, r2.id, { now: '2026-07-02T09:00:00.000Z' });
    expect(c2.counts).toMatchObject({ documents: 1, codings: 1, memos: 2 });

    const after = await scanStore(db, [...GONE, ...Object.values(KEEP)], codec);
    const residue = after.hits.filter((h) => GONE.includes(h.token) && h.token !== T.storedAttr);
    expect(residue).toEqual([]);
    // the controls are still found: the scan sees
    for (const t of Object.values(KEEP)) expect(after.hits.some((h) => h.token === t), t).toBe(true);
    expect(after.indexes).toBeGreaterThan(30);
    const exported = await exportsOf(db, pid, GONE.filter((t) => t !== T.storedAttr));
    expect(exported.hits).toEqual([]);
    expect(exported.files).toBeGreaterThan(10);
    // ...and kept data is still exported
    expect(scanBytes(writeQdpx(await exportBundle(db, pid)), Object.values(KEEP), 'qdpx').length).toBeGreaterThan(0);

    // Nothing can be restored: undo has nothing of the retracted rows left to put back.
    for (let i = 0; i < 20; i++) await execute(db, pid, { type: 'undo' }).catch(() => undefined);
    const undone = await scanStore(db, GONE.filter((t) => t !== T.storedAttr), codec);
    expect(undone.hits).toEqual([]);
    expect(await getDocumentTexts(db, [p.keptTranscriptId])).toEqual([expect.stringContaining(KEEP.transcript)]);

    // Content-free records and audit entries.
    const records = await listRetractions(db, pid);
    expect(records.map((r) => [r.status, r.reason, r.by])).toEqual([
      ['confirmed', 'consent withdrawn', 'Alex'],
      ['confirmed', 'participant request', 'Sam'],
    ]);
    const audit = await db.audit.where('projectId').equals(pid).toArray();
    expect(audit.filter((a) => a.action === 'retraction.confirm')).toHaveLength(2);
    const report = reasonsOverTime(records);
    expect(report.months).toEqual(['2026-06', '2026-07']);
    db.close();
  });

  it('deletes a source past its retention date with the same purge: its stored participant, transcripts, memos and history go', async () => {
    const codec = await makeCodec();
    const p = await plant(codec);
    const { db, projectId: pid } = p;
    const due = dueForDeletion(await db.sources.where('projectId').equals(pid).toArray(), '2026-06-01');
    expect(due.map((s) => [s.id, s.state])).toEqual([[p.interviewSource, 'overdue']]);
    const record = await deleteForRetention(db, pid, p.interviewSource, 'Alex', { now: NOW });
    expect(record).toMatchObject({ reason: 'retention period ended', status: 'confirmed', target: { kind: 'source', id: p.interviewSource } });
    expect(record.counts).toMatchObject({ documents: 2, participants: 1 });
    const tokens = [T.transcript, T.memoTranscript, T.storedAttr, T.fileName, KEEP.transcript];
    const after = await scanStore(db, tokens, codec);
    expect(after.hits).toEqual([]);
    // the survey (another source) is untouched
    const survey = await scanStore(db, [KEEP.answer, T.answer], codec);
    expect(new Set(survey.hits.map((h) => h.token))).toEqual(new Set([KEEP.answer, T.answer]));
    expect((await exportsOf(db, pid, tokens)).hits).toEqual([]);
    expect((await db.audit.where('projectId').equals(pid).toArray()).filter((a) => a.action === 'retention.delete').map((a) => a.ids)).toEqual([[record.id, p.interviewSource]]);
    db.close();
  });
});

describe('churning the storage engine after a purge', () => {
  it('writes and deletes filler only in the scratch table: every other table is as it was, and scratch ends empty', async () => {
    const p = await plant(plainCodec);
    const before = await snapshot(p.db, ['scratch']);
    await churnStorage(p.db, 2 * 1024 * 1024);
    expect(await p.db.scratch.count()).toBe(0);
    expect(await snapshot(p.db, ['scratch'])).toEqual(before);
    p.db.close();
  });
});
