/**
 * The analysis worker's read of a project (exportBundleColumns): a survey table's answers as places
 * and texts, not documents. What it gives is what exportBundle gives — every document with its text
 * in the store's order once made, and the same analysis index — before and after retractions, plain
 * and encrypted.
 */
import { describe, expect, it } from 'vitest';
import { execute, exportBundle, exportBundleColumns, getDocumentTexts, listDatasets, listDocuments, listParticipants, openChorusDb, readAnswerTexts, saveMemo } from '../../renderer/db';
import { decodeTableAnswers, readTableAnswers, tableAnswersOf } from '../../renderer/db/table-answers';
import { datasetDocumentId } from '../../shared/import/dataset';
import { listDocumentsOf, listParticipantsOf, prepareIndex, type AnalysisIndex } from '../../shared/analysis';
import { runAnalysis } from '../../shared/analysis/run-request';
import { listRows } from '../../shared/coding/coding-rows';
import { applyCodingChanges, digestToCodings } from '../../shared/coding/coding-digest';
import { eachCodec } from './aes-codec';
import { codeAnswers, surveyProject } from './survey-coding';

const arrays = (x: AnalysisIndex) => ({
  ids: Array.from({ length: x.documents.length }, (_, d) => x.documents.at(d)),
  docPerson: x.docPerson,
  personAttributes: x.personAttributes,
  doc: x.codings.doc,
  start: x.codings.start,
  skipped: x.skippedCodings,
});

describe('exportBundleColumns reads survey answers as the index reads them', () => {
  eachCodec(() => {
    it('gives exportBundle’s documents and index, before and after retractions', async () => {
      const name = `table-answers-${Date.now()}-${Math.random()}`;
      const p = await surveyProject(name, 25);
      const db = await openChorusDb(name);
      const docs = await listDocuments(db, p.projectId);
      await codeAnswers(db, p, docs.filter((_, i) => i % 3 === 0).slice(0, 9), 3);
      await saveMemo(db, { projectId: p.projectId, target: { kind: 'document', id: docs[6]!.id }, title: 'On an answer', coderId: p.coderId, text: 'A note on a survey answer.' });
      const same = async () => {
        const whole = await exportBundle(db, p.projectId);
        const cols = await exportBundleColumns(db, p.projectId);
        // the answers' places without their texts, until they are read
        const surveyAnswers = cols.tables.reduce((n, t) => n + t.rows.length, 0);
        expect(surveyAnswers).toBeGreaterThan(0);
        expect(cols.tables.every((t) => t.texts.every((x) => x === undefined))).toBe(true);
        expect(() => listDocumentsOf(cols.bundle.documents, cols.tables)).toThrow(/not read yet/);
        await readAnswerTexts(db, cols.tables);
        // only the documents stored one by one are made (a survey-only project has none)
        expect(cols.bundle.documents).toEqual([]);
        expect(listDocumentsOf(cols.bundle.documents, cols.tables)).toEqual(whole.documents);
        expect(cols.bundle.participants).toEqual([]);
        expect(listParticipantsOf(cols.bundle.participants, cols.people)).toEqual(whole.participants);
        const codings = applyCodingChanges(digestToCodings(cols.codings.digest), p.projectId, cols.codings.changes).filter((c) => !cols.keep || cols.keep(c.documentId));
        expect(codings).toEqual(whole.codings);
        // everything else as exportBundle gives it (a memo on a survey answer too, with a retraction pending)
        const { documents: _d, participants: _p, codings: _c, ...rest } = whole;
        expect({ ...cols.bundle, documents: [], participants: [], codings: [] }).toEqual({ ...rest, documents: [], participants: [], codings: [] });
        expect(whole.memos.map((m) => m.title)).toContain('On an answer');
        const fromList = prepareIndex(whole);
        const fromTables = prepareIndex({ ...cols.bundle, codings }, listRows(codings), { documents: cols.documents, participants: cols.participants });
        expect(arrays(fromTables)).toEqual(arrays(fromList));
        for (const analysis of ['frequencies', 'saturation'] as const) expect(runAnalysis(fromTables, { analysis, filter: {} })).toEqual(runAnalysis(fromList, { analysis, filter: {} }));
        return whole;
      };
      const before = await same();
      expect(before.documents.length).toBe(38);
      expect(before.codings.length).toBe(9);
      const participant = (await listParticipants(db, p.projectId))[3]!;
      await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
      await execute(db, p.projectId, { type: 'retract', target: { kind: 'document', id: docs[0]!.id }, reason: 'consent withdrawn', by: 'Alex' });
      const after = await same();
      expect(after.documents.length).toBeLessThan(before.documents.length - 1);
      expect(after.codings.length).toBeLessThan(before.codings.length);
      db.close();
    });

    it('reads a table a few blocks at a time, every answer from its own block', async () => {
      const name = `table-answers-blocks-${Date.now()}-${Math.random()}`;
      const p = await surveyProject(name, 2_600);
      const db = await openChorusDb(name);
      const datasets = await listDatasets(db, p.projectId);
      const listed = await listDocuments(db, p.projectId);
      const want = await getDocumentTexts(db, listed.map((d) => d.id));
      const textOf = new Map(listed.map((d, i) => [d.id, want[i]!]));
      for (const blocksARead of [1, 2, 25]) {
        const [t] = await decodeTableAnswers(await db.transaction('r', [db.datasetBlocks], () => readTableAnswers(db, tableAnswersOf(datasets, undefined), blocksARead)));
        expect(t!.rows.length).toBe(3_900);
        expect(t!.texts.every((text, i) => text === textOf.get(datasetDocumentId(t!.ds.id, t!.rows[i]!, t!.slots[i]!)))).toBe(true);
      }
      db.close();
    });
  });
});
