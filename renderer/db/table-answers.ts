/**
 * A project's survey tables' answers as the analysis index reads them (shared/analysis/
 * index-documents.ts): each answer's place and stored text, read inside a transaction with Dexie
 * reads only, and decoded after it (`decodeTableAnswers`). No document object, id or title is made
 * per answer.
 */
import { answerIndexOf, tableAnswers, type TableAnswers } from '../../shared/analysis/index-documents';
import { tableParticipants, type TableParticipants } from '../../shared/analysis/index-participants';
import { DATASET_BLOCK_ROWS, datasetAnswerPlace, datasetBlockKey, datasetParticipantId, parseDatasetParticipantId, PLACE_SLOTS, type Dataset } from '../../shared/import/dataset';
import type { Hidden } from '../../shared/governance/retraction';
import { decodeAll, getCodec, type StoredText } from './codec';
import { blockAnswer } from './dataset-blocks';
import type { ChorusDb, DatasetBlockRecord } from './schema';

/** Blocks of answers read at a time (25,000 rows). */
const BLOCKS_A_READ = 25;

/** Tables' answers read, their texts still stored (encrypted or not). */
export interface StoredTableAnswers {
  tables: TableAnswers[];
  stored: StoredText[][];
}

/**
 * Which answers of a dataset a retraction hides, as isHiddenDocument decides for its documents: a
 * hidden answer's id, or its participant's. (A hidden source hides the whole table: not read.)
 */
function hiddenAnswers(ds: Dataset, hidden: Hidden): ((row: number, slot: number) => boolean) | undefined {
  const places = new Set<number>();
  for (const id of hidden.documents) {
    const place = datasetAnswerPlace(id, ds.id);
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
    const where = parseDatasetParticipantId(id);
    if (where?.datasetId !== ds.id || datasetParticipantId(ds.id, where.row) !== id) continue;
    const p = ds.participants.rows.indexOf(where.row);
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

/** The visible answers of these (opened) datasets, with their stored texts: Dexie reads only, so safe inside a transaction. */
export async function readTableAnswers(db: ChorusDb, datasets: readonly Dataset[], hidden: Hidden | undefined, blocksARead = BLOCKS_A_READ): Promise<StoredTableAnswers> {
  const tables: TableAnswers[] = [];
  const stored: StoredText[][] = [];
  for (const ds of datasets) {
    if (hidden?.sources.has(ds.sourceId)) continue;
    const t = tableAnswers(ds, hidden && hiddenAnswers(ds, hidden));
    const texts = new Array<StoredText>(t.rows.length);
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
        const text = blockAnswer(read.get(Math.floor(row / DATASET_BLOCK_ROWS)), row, t.slots[i]!);
        if (!text) throw new Error(`Survey table ${ds.id} has no stored text for row ${row + 1}, column ${ds.fields[t.slots[i]!]?.name ?? t.slots[i]}`);
        texts[i] = text;
      }
    }
    tables.push(t);
    stored.push(texts);
  }
  return { tables, stored };
}

/** The tables' texts decoded into them (never inside a transaction). */
export async function decodeTableAnswers({ tables, stored }: StoredTableAnswers): Promise<TableAnswers[]> {
  const codec = getCodec();
  for (let k = 0; k < tables.length; k++) {
    const texts = await decodeAll(codec, stored[k]!);
    const into = tables[k]!.texts;
    for (let i = 0; i < texts.length; i++) into[i] = texts[i]!;
  }
  return tables;
}

/** Whether a document id is one of these tables' answers. */
export function isTableAnswer(tables: readonly TableAnswers[], id: string): boolean {
  for (const t of tables) if (id.startsWith(t.ds.id) && answerIndexOf(t, id) >= 0) return true;
  return false;
}
