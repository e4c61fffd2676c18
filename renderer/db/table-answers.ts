/**
 * A project's survey tables' answers as the analysis index reads them (shared/analysis/
 * index-documents.ts): each answer's place and stored text, read inside a transaction with Dexie
 * reads only, and decoded after it (`decodeTableAnswers`). No document object, id or title is made
 * per answer.
 */
import { tableAnswers, type TableAnswers } from '../../shared/analysis/index-documents';
import { tableParticipants, type TableParticipants } from '../../shared/analysis/index-participants';
import { answerIndexOf, answerPlaces, DATASET_BLOCK_ROWS, datasetBlockKey, datasetParticipantIndex, exactAnswerPlace, PLACE_SLOTS, type AnswerPlaces, type Dataset } from '../../shared/import/dataset';
import type { Hidden } from '../../shared/governance/retraction';
import { decodeAll, getCodec, type StoredText } from './codec';
import { blockAnswer, blockPlainAnswer } from './dataset-blocks';
import type { ChorusDb, DatasetBlockRecord } from './schema';

/** Blocks of answers read at a time (25,000 rows). */
const BLOCKS_A_READ = 25;

/** Tables' answers read: the plain texts in place, the encrypted ones still stored (by table: where each goes, and it). */
export interface StoredTableAnswers {
  tables: TableAnswers[];
  sealed: { at: number[]; stored: StoredText[] }[];
}

/**
 * Which answers of a dataset a retraction hides, as isHiddenDocument decides for its documents: a
 * hidden answer's id, or its participant's. (A hidden source hides the whole table: not read.)
 */
export function hiddenAnswers(ds: Dataset, hidden: Hidden): ((row: number, slot: number) => boolean) | undefined {
  const places = new Set<number>();
  for (const id of hidden.documents) {
    // (the id exactly, as isHiddenDocument matches it)
    const place = exactAnswerPlace(id, ds.id);
    if (place >= 0) places.add(place);
  }
  const people = hiddenPeople(ds, hidden);
  if (places.size === 0 && people.size === 0) return undefined;
  return (row, slot) => places.has(row * PLACE_SLOTS + slot) || people.has(ds.participantOf[row]!);
}

/** The participants a retraction hides, by index in the dataset. */
function hiddenPeople(ds: Dataset, hidden: Hidden): Set<number> {
  const people = new Set<number>();
  for (const id of hidden.participants) {
    const p = datasetParticipantIndex(ds, id);
    if (p >= 0) people.add(p);
  }
  return people;
}

/** The visible participants of these (opened) datasets, as the index reads them (no store read). */
export function readTableParticipants(datasets: readonly Dataset[], hidden: Hidden | undefined): TableParticipants[] {
  return datasets
    .filter((ds) => !hidden?.sources.has(ds.sourceId))
    .map((ds) => {
      const people = hidden && hiddenPeople(ds, hidden);
      return tableParticipants(ds, people?.size ? (p) => people.has(p) : undefined);
    });
}

/** The visible answers of these (opened) datasets, as `place` makes them: a hidden source's none, a hidden answer or participant's left out. */
function visibleAnswers<P>(datasets: readonly Dataset[], hidden: Hidden | undefined, place: (ds: Dataset, hide?: (row: number, slot: number) => boolean) => P): P[] {
  return datasets.filter((ds) => !hidden?.sources.has(ds.sourceId)).map((ds) => place(ds, hidden && hiddenAnswers(ds, hidden)));
}

/** The visible answers' places (the Code workspace's list). */
export const answerPlacesOf = (datasets: readonly Dataset[], hidden: Hidden | undefined): AnswerPlaces[] => visibleAnswers(datasets, hidden, answerPlaces);

/** The visible answers of these datasets: their places, with no texts yet (readAnswerTexts fills them). */
export const tableAnswersOf = (datasets: readonly Dataset[], hidden: Hidden | undefined): TableAnswers[] => visibleAnswers(datasets, hidden, tableAnswers);

/** These tables' stored texts, the plain ones put in place: Dexie reads only, so safe inside a transaction (decode after it). */
export async function readTableAnswers(db: ChorusDb, tables: readonly TableAnswers[], blocksARead = BLOCKS_A_READ): Promise<StoredTableAnswers> {
  const sealed: StoredTableAnswers['sealed'] = [];
  for (const t of tables) {
    const { ds } = t;
    const locked: StoredTableAnswers['sealed'][number] = { at: [], stored: [] };
    // a few blocks a read: the values of a whole table at once (132 MB at 500,000 responses) arrive
    // as one message, held beside the texts made from it
    const blocks = Math.ceil(ds.recordIds.length / DATASET_BLOCK_ROWS);
    let i = 0;
    for (let from = 0; from < blocks; from += blocksARead) {
      const read = new Map<number, DatasetBlockRecord>();
      const to = Math.min(blocks, from + blocksARead);
      for (const b of await db.datasetBlocks.where(':id').between(datasetBlockKey(ds.id, from), datasetBlockKey(ds.id, to), true, false).toArray()) read.set(b.first / DATASET_BLOCK_ROWS, b);
      for (; i < t.rows.length && t.rows[i]! < to * DATASET_BLOCK_ROWS; i++) {
        const row = t.rows[i]!;
        const block = read.get(Math.floor(row / DATASET_BLOCK_ROWS));
        // (a plain text as it is: no stored-text object or promise per answer)
        const plain = blockPlainAnswer(block, row, t.slots[i]!);
        if (plain !== undefined) {
          t.texts[i] = plain;
          continue;
        }
        const text = blockAnswer(block, row, t.slots[i]!);
        if (!text) throw new Error(`Survey table ${ds.id} has no stored text for row ${row + 1}, column ${ds.fields[t.slots[i]!]?.name ?? t.slots[i]}`);
        locked.at.push(i);
        locked.stored.push(text);
      }
    }
    sealed.push(locked);
  }
  return { tables: [...tables], sealed };
}

/**
 * These tables' texts read (one read transaction) and decoded into them, for the analyses that read
 * text: the counts, matrices and timelines of a survey never hold its 132 MB of answers.
 */
export async function readAnswerTexts(db: ChorusDb, tables: readonly TableAnswers[]): Promise<TableAnswers[]> {
  if (tables.length === 0) return [];
  return decodeTableAnswers(await db.transaction('r', [db.datasetBlocks], () => readTableAnswers(db, tables)));
}

/** The tables' texts decoded into them (never inside a transaction). */
export async function decodeTableAnswers({ tables, sealed }: StoredTableAnswers): Promise<TableAnswers[]> {
  const codec = getCodec();
  for (let k = 0; k < tables.length; k++) {
    const { at, stored } = sealed[k]!;
    const texts = await decodeAll(codec, stored);
    const into = tables[k]!.texts;
    for (let j = 0; j < at.length; j++) into[at[j]!] = texts[j]!;
  }
  return tables;
}

/** Whether a document id is one of these tables' answers. */
export function isTableAnswer(tables: readonly TableAnswers[], id: string): boolean {
  for (const t of tables) if (id.startsWith(t.ds.id) && answerIndexOf(t, id) >= 0) return true;
  return false;
}
