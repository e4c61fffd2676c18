/**
 * The documents an analysis index reads, by position in id order: a list's (documents made one by
 * one: transcripts, REFI imports, tests), or a survey table's answers read from its dataset, where
 * each answer is a row and a slot and its text, and its id, title and fields are made only when
 * asked for. A survey of 500,000 responses has 875,000 answers: as document objects with their ids
 * and titles they held about 190 MB of the analysis worker's heap beside their texts; as places
 * they hold six bytes each.
 *
 * Both forms give the same answers for the same documents (a property test compares them), so an
 * analysis never knows which it reads.
 */
import type { AttributeValue, DocumentWithText, SpeakerTurn } from '../model';
import { mergeById } from './by-id';
import { answerIndexOf, answerPlaces, datasetAnswerParticipantId, datasetAnswerTitle, datasetDocument, datasetDocumentId, datasetDocumentsIn, DATASET_ID_LENGTH, rowAttributes, type AnswerPlaces, type Dataset } from '../import/dataset';

export interface IndexDocuments {
  readonly length: number;
  id(d: number): string;
  text(d: number): string;
  title(d: number): string;
  turns(d: number): readonly SpeakerTurn[];
  sourceId(d: number): string;
  participantId(d: number): string | null;
  /** Response-level attribute values (the same object for the answers of one row, read in order). */
  attributes(d: number): Readonly<Record<string, AttributeValue>> | undefined;
  /** The document itself, made afresh for a survey answer (for the few a view shows). */
  at(d: number): DocumentWithText;
  /** The position of a document by id, or undefined if it is not one of these. */
  indexOf(id: string): number | undefined;
}

/**
 * A survey table's answers, in id order (by row, then slot), with their texts: what the index reads
 * of a dataset. `texts` are filled after the places are known, and only for what reads text (a
 * survey's counts never need its answers' texts); reading a text not filled in is an error, never
 * an empty answer.
 */
export interface TableAnswers extends AnswerPlaces {
  texts: string[];
}

const NO_TURNS: readonly SpeakerTurn[] = Object.freeze([]);

/** A dataset's answers in id order, less those `hidden(row, slot)` says to leave out: their places, with no texts yet. */
export function tableAnswers(ds: Dataset, hidden?: (row: number, slot: number) => boolean): TableAnswers {
  const places = answerPlaces(ds, hidden);
  return { ...places, texts: new Array<string>(places.rows.length) };
}

/** The text of answer `i` of a table (an error if the table's texts are not read yet). */
function answerText(t: TableAnswers, i: number): string {
  const text = t.texts[i];
  if (text === undefined) throw new Error(`The texts of survey table ${t.ds.id} are not read yet`);
  return text;
}

/** The document of answer `i` of a table, with its text. */
function answerDocument(t: TableAnswers, i: number): DocumentWithText {
  const doc = datasetDocument(t.ds, t.rows[i]!, t.slots[i]!);
  if (!doc) throw new Error(`answer ${i} of survey table ${t.ds.id} has no document`);
  return Object.assign(doc, { text: answerText(t, i) }) as DocumentWithText;
}


/**
 * The document of answer `i` of a table made into documents (mergeById), its text read from the
 * table when asked for: the table may be made before its texts are read.
 */
function madeDocument(t: TableAnswers, i: number): DocumentWithText {
  const doc = datasetDocument(t.ds, t.rows[i]!, t.slots[i]!);
  if (!doc) throw new Error(`answer ${i} of survey table ${t.ds.id} has no document`);
  return Object.defineProperty(doc, 'text', { get: () => answerText(t, i), enumerable: true, configurable: true }) as DocumentWithText;
}

/**
 * Documents (stored one by one) and survey tables' answers as one list in id order. A table whose
 * id range holds a stored document's id (only a stored copy of one of its answers could) is made
 * into documents, so the order stays exact.
 */
export function indexDocuments(listed: readonly DocumentWithText[], tables: readonly TableAnswers[] = []): IndexDocuments {
  const runOf = (t: TableAnswers) => {
    const n = t.rows.length;
    return { key: t.ds.id, count: n, first: n ? datasetDocumentId(t.ds.id, t.rows[0]!, t.slots[0]!) : '', last: n ? datasetDocumentId(t.ds.id, t.rows[n - 1]!, t.slots[n - 1]!) : '' };
  };
  const made = (t: TableAnswers) => Array.from({ length: t.rows.length }, (_, i) => madeDocument(t, i));
  const all = mergeById(listed, tables, runOf, made, DATASET_ID_LENGTH);
  /** Each table's response attributes of the row made last (a row's answers share one object). */
  const lastRow = new Map<TableAnswers, { row: number; values: Record<string, AttributeValue> }>();
  return {
    length: all.length,
    id(pos) {
      const p = all.partOf(pos);
      const i = pos - p.start;
      return p.table ? datasetDocumentId(p.table.ds.id, p.table.rows[i]!, p.table.slots[i]!) : p.list[i]!.id;
    },
    text(pos) {
      const p = all.partOf(pos);
      return p.table ? answerText(p.table, pos - p.start) : p.list[pos - p.start]!.text;
    },
    title(pos) {
      const p = all.partOf(pos);
      const i = pos - p.start;
      return p.table ? datasetAnswerTitle(p.table.ds, p.table.rows[i]!, p.table.slots[i]!) : p.list[i]!.title;
    },
    turns(pos) {
      const p = all.partOf(pos);
      return p.table ? NO_TURNS : p.list[pos - p.start]!.turns;
    },
    sourceId(pos) {
      const p = all.partOf(pos);
      return p.table ? p.table.ds.sourceId : p.list[pos - p.start]!.sourceId;
    },
    participantId(pos) {
      const p = all.partOf(pos);
      const i = pos - p.start;
      return p.table ? (datasetAnswerParticipantId(p.table.ds, p.table.rows[i]!, p.table.slots[i]!) ?? null) : p.list[i]!.participantId;
    },
    attributes(pos) {
      const p = all.partOf(pos);
      const i = pos - p.start;
      if (!p.table) return p.list[i]!.attributes;
      const columns = p.table.ds.responseAttributes;
      if (!columns) return undefined;
      const row = p.table.rows[i]!;
      let made = lastRow.get(p.table);
      if (made?.row !== row) lastRow.set(p.table, (made = { row, values: rowAttributes(columns, row) }));
      return made.values;
    },
    at(pos) {
      const p = all.partOf(pos);
      return p.table ? answerDocument(p.table, pos - p.start) : p.list[pos - p.start]!;
    },
    indexOf: (id) => all.indexOf(id, answerIndexOf),
  };
}

/** Every document in id order, made (tests; a list in the store's order is listDocumentsOf). */
export function documentList(docs: IndexDocuments): DocumentWithText[] {
  return Array.from({ length: docs.length }, (_, d) => docs.at(d));
}

/**
 * Documents stored one by one, then each table's answers as documents, in the order the store lists
 * them (datasetDocumentsIn: row by row, each row's questions by name): the list an export gives,
 * for the readers that need every document made (agreement, findings).
 */
export function listDocumentsOf(listed: readonly DocumentWithText[], tables: readonly TableAnswers[]): DocumentWithText[] {
  const out = [...listed];
  for (const t of tables) {
    for (const doc of datasetDocumentsIn(t.ds, 0, t.ds.recordIds.length, true) as DocumentWithText[]) {
      const i = answerIndexOf(t, doc.id);
      if (i < 0) continue; // (hidden by a retraction)
      doc.text = answerText(t, i);
      out.push(doc);
    }
  }
  return out;
}
