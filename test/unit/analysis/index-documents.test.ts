/**
 * The analysis index's documents read from a survey table (places and texts) against the same
 * documents as a list: every field of every document, every lookup by id, and every analysis the
 * worker runs give the same answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexDocuments, indexParticipants, listDocumentsOf, listParticipantsOf, prepareIndex, tableAnswers, tableParticipants, type AnalysisIndex, type IndexDocuments } from '../../../shared/analysis';
import { readsText, runAnalysis, type AnalysisRequest } from '../../../shared/analysis/run-request';
import { listRows } from '../../../shared/coding/coding-rows';
import { listSegments, quoteLookup, segmentRow } from '../../../shared/evidence/view';
import { datasetDocumentId, datasetParticipantId, parseDatasetDocumentId } from '../../../shared/import/dataset';
import { TableBuilder, type TableMapping } from '../../../shared/import/mapping';
import type { ParsedTable } from '../../../shared/import/types';
import { seededGuids, type Coding, type DocumentWithText, type ProjectBundle } from '../../../shared/model';
import { smallProject } from './fixture';

const mapping: TableMapping = {
  idColumn: 'ID',
  participantColumn: 'Who',
  textColumns: ['Q2', 'Q1'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Age', type: 'number' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
};

const answer = fc.oneof(fc.constant(''), fc.constantFrom('The officer was kind.', 'Nobody called me back. The wait was long.', 'Kind, and kept me informed! Wait… what?', 'Café wait'), fc.string({ maxLength: 20 }));
const tableArb = fc.array(fc.tuple(fc.constantFrom('P1', 'P2', 'P3', ''), fc.constantFrom('North', 'South', ''), fc.constantFrom('', '34', '51'), answer, answer), { maxLength: 30 }).map(
  (rows): ParsedTable => ({ columns: ['ID', 'Area', 'Age', 'Q1', 'Q2', 'Who'], descriptions: ['', '', '', 'First question', '', ''], rows: rows.map(([who, area, age, q1, q2], i) => [`R${i}`, area, age, q1, q2, who]), warnings: [] }),
);

/** The fixture's project with a survey table added: its documents as the builder makes them, and the table's answers with `hidden` ones left out. */
function withSurvey(table: ParsedTable, hide: (k: number) => boolean, codingPicks: readonly [number, number, number, number][], hidePerson: (p: number) => boolean = () => false) {
  const { bundle } = smallProject();
  const projectId = bundle.project.id;
  const b = new TableBuilder(table, mapping, { projectId, newId: seededGuids(11), now: '2026-12-05T00:00:00.000Z', fileName: 'survey.csv' });
  const answers = b.addRows(table.rows);
  b.settleLevels();
  const ds = b.dataset();
  const hiddenIds = new Set(answers.filter((_, k) => hide(k)).map((a) => datasetDocumentId(ds.id, a.row, a.slot)));
  const surveyDocs = answers.map((a) => b.document(a) as DocumentWithText).filter((d) => !hiddenIds.has(d.id));
  const t = tableAnswers(ds, (row, slot) => hiddenIds.has(datasetDocumentId(ds.id, row, slot)));
  const textOf = new Map(surveyDocs.map((d) => [d.id, d.text]));
  for (let i = 0; i < t.rows.length; i++) t.texts[i] = textOf.get(datasetDocumentId(ds.id, t.rows[i]!, t.slots[i]!))!;
  const all = [...bundle.documents, ...surveyDocs];
  const codings: Coding[] = [...bundle.codings];
  const id = seededGuids(23);
  for (const [d, c, s, e] of codingPicks) {
    const doc = all[d % all.length]!;
    const start = s % (doc.text.length + 1);
    const end = Math.min(doc.text.length, start + (e % 12));
    codings.push({ id: id(), projectId, documentId: doc.id, codeId: bundle.codes[c % bundle.codes.length]!.id, start, end, coderId: bundle.coders[c % 2]!.id, createdAt: '2026-12-05T10:00:00Z' });
  }
  // (a coding of a hidden answer, as the store leaves it out only by `keep`: skipped by both)
  const people = tableParticipants(ds, hidePerson);
  const surveyPeople = b.participants().filter((_, p) => !hidePerson(p));
  const full: ProjectBundle = { ...bundle, sources: [...bundle.sources, b.source], variables: [...bundle.variables, ...b.variables], participants: [...bundle.participants, ...surveyPeople], documents: all, codings };
  return { full, stored: bundle.documents, storedPeople: bundle.participants, table: t, people, surveyDocs, surveyPeople, hiddenIds };
}

function sameDocuments(a: IndexDocuments, b: IndexDocuments, ids: readonly string[]) {
  expect(b.length).toBe(a.length);
  for (let d = 0; d < a.length; d++) {
    expect(b.id(d)).toBe(a.id(d));
    expect(b.text(d)).toBe(a.text(d));
    expect(b.title(d)).toBe(a.title(d));
    expect(b.title(d)).toBe(a.at(d).title);
    expect(b.turns(d)).toEqual(a.turns(d));
    expect(b.sourceId(d)).toBe(a.sourceId(d));
    expect(b.participantId(d)).toBe(a.participantId(d));
    expect(b.attributes(d)).toEqual(a.attributes(d));
    expect(b.at(d)).toEqual(a.at(d));
  }
  for (const id of ids) {
    expect(b.indexOf(id)).toBe(a.indexOf(id));
    expect(b.indexOf(id.toUpperCase())).toBe(a.indexOf(id.toUpperCase()));
  }
}

const requests: AnalysisRequest[] = [
  { analysis: 'frequencies', filter: {} },
  { analysis: 'matrix', attribute: 'Area', filter: {} },
  { analysis: 'cooccurrence', unit: 'sentence', filter: {} },
  { analysis: 'cooccurrence', unit: 'response', filter: {} },
  { analysis: 'triangulation', filter: {} },
  { analysis: 'words', mode: 'frequencies', n: 1, stem: false, stopWords: true, by: '', keyword: '' },
  { analysis: 'words', mode: 'frequencies', n: 2, stem: true, stopWords: false, by: '', keyword: '' },
  { analysis: 'words', mode: 'kwic', n: 1, stem: false, stopWords: true, by: '', keyword: 'wait' },
  { analysis: 'saturation', filter: {} },
  { analysis: 'sentiment', attribute: 'Area', filter: {} },
].map((r) => ({ filter: {}, ...r }) as AnalysisRequest);

/** Change by wave over the project's first two sources (the fixture's and the survey's). */
const waves = (p: ProjectBundle): AnalysisRequest => ({ analysis: 'time', mode: 'wave', waves: p.sources.slice(0, 2).map((s) => s.id), filter: {} });

const indexArrays = (x: AnalysisIndex) => ({
  docSource: x.docSource,
  docPerson: x.docPerson,
  personCount: x.personCount,
  personStart: x.personStart,
  personDocs: x.personDocs,
  personSource: x.personSource,
  personAttributes: x.personAttributes,
  codings: { ...x.codings, id: Array.from({ length: x.codings.count }, (_, k) => x.codings.id(k)), createdAt: undefined },
  docStart: x.docStart,
  byCode: x.byCode,
  skippedCodings: x.skippedCodings,
});

describe('an analysis index’s documents from a survey table', () => {
  it('are the documents the list gives, field by field and by id, with hidden answers left out', () => {
    fc.assert(
      fc.property(tableArb, fc.func(fc.boolean()), (table, hide) => {
        const { stored, table: t, surveyDocs, hiddenIds } = withSurvey(table, (k) => hide(k), []);
        const fromList = indexDocuments([...stored, ...surveyDocs]);
        const fromTable = indexDocuments(stored, [t]);
        // (an answer's id with its row in capitals is another id, as it is to a list)
        const strangers = ['00000000-0000-4000-8000-000000000000', 'not an id', ...hiddenIds, ...[...hiddenIds].map((id) => id.slice(0, 24) + 'ffffffff0000'), ...surveyDocs.map((d) => d.id.slice(0, 24) + d.id.slice(24).toUpperCase())];
        sameDocuments(fromList, fromTable, [...stored, ...surveyDocs].map((d) => d.id).concat(strangers));
        for (const id of hiddenIds) expect(fromTable.indexOf(id)).toBeUndefined();
        // every document made, in the order the store lists them: the stored ones, then the table row by row, each row's questions by name
        const listed = listDocumentsOf(stored, [t]);
        expect([...listed].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...stored, ...surveyDocs].sort((a, b) => (a.id < b.id ? -1 : 1)));
        const places = listed.slice(stored.length).map((d) => parseDatasetDocumentId(d.id)!);
        for (let i = 1; i < places.length; i++) expect(places[i]!.row).toBeGreaterThanOrEqual(places[i - 1]!.row);
        for (let i = 1; i < places.length; i++) if (places[i]!.row === places[i - 1]!.row) expect(listed[stored.length + i]!.field! > listed[stored.length + i - 1]!.field!).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('give every analysis and every coded segment the list’s answers', () => {
    fc.assert(
      fc.property(tableArb, fc.func(fc.boolean()), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 }), fc.func(fc.boolean()), (table, hide, picks, hidePerson) => {
        const { full, stored, storedPeople, table: t, people } = withSurvey(table, (k) => hide(k), picks, (p) => hidePerson(p));
        const fromList = prepareIndex(full);
        const fromTable = prepareIndex({ ...full, documents: [...stored], participants: [...storedPeople] }, listRows(full.codings), { documents: indexDocuments(stored, [t]), participants: indexParticipants(storedPeople, [people]) });
        expect(indexArrays(fromTable)).toEqual(indexArrays(fromList));
        for (const r of [...requests, waves(full)]) expect(runAnalysis(fromTable, r)).toEqual(runAnalysis(fromList, r));
        const quoteOf = quoteLookup([]);
        const rows = (x: AnalysisIndex) => Array.from(listSegments(x, {}), (k) => segmentRow(x, k, quoteOf));
        expect(rows(fromTable)).toEqual(rows(fromList));
      }),
      { numRuns: 40 },
    );
  });

  it('give the counting analyses the same answers before the table’s texts are read, and refuse to read a text not yet read', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 }), (table, picks) => {
        const { full, stored, storedPeople, table: t, people } = withSurvey(table, () => false, picks);
        const unread = { ...t, texts: new Array<string>(t.rows.length) };
        const index = (x: typeof t) => prepareIndex({ ...full, documents: [...stored], participants: [...storedPeople] }, listRows(full.codings), { documents: indexDocuments(stored, [x]), participants: indexParticipants(storedPeople, [people]) });
        const withTexts = index(t);
        const withoutTexts = index(unread);
        expect(indexArrays(withoutTexts)).toEqual(indexArrays(withTexts));
        const counting = [...requests, waves(full)].filter((r) => !readsText(r));
        expect(counting.map((r) => r.analysis)).toEqual(['frequencies', 'matrix', 'saturation', 'time']);
        for (const r of counting) expect(runAnalysis(withoutTexts, r)).toEqual(runAnalysis(withTexts, r));
        // (a stored document's text as before; a survey answer's is an error until read, never an empty answer)
        for (let d = 0; d < withoutTexts.documents.length; d++) {
          if (withTexts.documents.sourceId(d) !== t.ds.sourceId) expect(withoutTexts.documents.text(d)).toBe(withTexts.documents.text(d));
          else expect(() => withoutTexts.documents.text(d)).toThrow(/not read yet/);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('and its participants are the list’s, field by field and by id, with hidden ones left out', () => {
    fc.assert(
      fc.property(tableArb, fc.func(fc.boolean()), (table, hidePerson) => {
        const { storedPeople, people, surveyPeople } = withSurvey(table, () => false, [], (p) => hidePerson(p));
        const fromList = indexParticipants([...storedPeople, ...surveyPeople]);
        const fromTable = indexParticipants(storedPeople, [people]);
        expect(fromTable.length).toBe(fromList.length);
        for (let i = 0; i < fromList.length; i++) {
          expect(fromTable.id(i)).toBe(fromList.id(i));
          expect(fromTable.sourceId(i)).toBe(fromList.sourceId(i));
          expect(fromTable.pseudonym(i)).toBe(fromList.pseudonym(i));
          expect(fromTable.attributes(i)).toEqual(fromList.attributes(i));
        }
        const hiddenIds = Array.from(people.ds.participants.rows).filter((_, p) => hidePerson(p)).map((row) => datasetParticipantId(people.ds.id, row));
        for (const id of [...storedPeople, ...surveyPeople].map((x) => x.id).concat(hiddenIds, hiddenIds.map((id) => id.slice(0, 24) + id.slice(24).toUpperCase()), [datasetParticipantId(people.ds.id, 999)])) {
          expect(fromTable.indexOf(id)).toBe(fromList.indexOf(id));
        }
        for (const id of hiddenIds) expect(fromTable.indexOf(id)).toBeUndefined();
        expect(listParticipantsOf(storedPeople, [people])).toEqual([...storedPeople, ...surveyPeople]);
      }),
      { numRuns: 60 },
    );
  });

  it('keep a stored document whose id falls among a table’s answers in id order, and take an id with capitals in its row for no one’s', () => {
    const table: ParsedTable = { columns: ['ID', 'Area', 'Age', 'Q1', 'Q2', 'Who'], descriptions: [], rows: Array.from({ length: 12 }, (_, i) => [`R${i}`, 'North', '34', `First ${i}`, `Second ${i}`, `P${i}`]), warnings: [] };
    const { stored, table: t, surveyDocs } = withSurvey(table, () => false, []);
    // a copy of row 1's first answer stored one by one under an id between rows 1 and 2
    const between = { ...surveyDocs[2]!, id: datasetDocumentId(t.ds.id, 1, 7), text: 'stored copy' };
    const fromTable = indexDocuments([...stored, between], [t]);
    const fromList = indexDocuments([...stored, between, ...surveyDocs]);
    sameDocuments(fromList, fromTable, [...stored, between, ...surveyDocs].map((d) => d.id));
    // the same before the table's texts are read (the analysis worker reads them later): the table
    // is made into documents without reading a text, and they read the texts once filled in
    const unread = { ...t, texts: new Array<string>(t.rows.length) };
    const early = indexDocuments([...stored, between], [unread]);
    const answerAt = early.indexOf(surveyDocs[0]!.id)!;
    expect(() => early.text(answerAt)).toThrow(/not read yet/);
    unread.texts.splice(0, t.texts.length, ...t.texts);
    sameDocuments(fromList, early, [...stored, between, ...surveyDocs].map((d) => d.id));
    // rows 10 and 11 have hex letters in their ids: in capitals they are other ids
    const upper = surveyDocs.filter((d) => /[a-f]/.test(d.id.slice(24))).map((d) => d.id.slice(0, 24) + d.id.slice(24).toUpperCase());
    expect(upper).toHaveLength(4);
    for (const id of upper) expect(indexDocuments(stored, [t]).indexOf(id)).toBeUndefined();
    const { storedPeople, people } = withSurvey(table, () => false, []);
    const upperPeople = [10, 11].map((p) => datasetParticipantId(people.ds.id, people.ds.participants.rows[p]!)).map((id) => id.slice(0, 24) + id.slice(24, 32).toUpperCase() + id.slice(32));
    expect(upperPeople.every((id) => /[A-F]/.test(id.slice(24, 32)))).toBe(true);
    for (const id of upperPeople) expect(indexParticipants(storedPeople, [people]).indexOf(id)).toBeUndefined();
  });
});
