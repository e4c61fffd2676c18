/**
 * A survey table as it is stored: a dataset. One record holds everything but the free text
 * (record ids, participants with their attributes, answer lengths — in columns), and one record
 * per block of DATASET_BLOCK_ROWS table rows holds those rows' answers. Response documents and
 * participants are derived from the dataset, so importing a 100,000-row survey writes about a
 * hundred records (not a participant, two document records and two text records per row, as
 * separate entities would).
 *
 * Ids are GUIDs whose last 12 hex digits say where the thing lives: the first 24 characters are
 * the dataset's id, then 8 hex digits of row index and 4 of answer slot (column), so a document's
 * text is found from its id alone (one keyed block read), and every id is still a valid v4 GUID.
 */
import type { AttributeValue, DocumentMeta, Participant } from '../model';
import { held } from '../held';

/** Length of a dataset id: the first 24 characters of a v4 GUID ("xxxxxxxx-xxxx-4xxx-yxxx-"). */
export const DATASET_ID_LENGTH = 24;
const MAX_ROWS = 0xffffffff;
/** The slot value that marks a participant id (answer slots are 0 … 0xfffe). */
const PARTICIPANT_SLOT = 0xffff;
const MAX_TITLE = 300;

export interface DatasetField {
  /** Column name: the document title's second half and DocumentMeta.field. */
  name: string;
  /** The question text from later header rows ('' if none). */
  description: string;
}

/**
 * A dataset's participants, in columns (an object per participant, with every variable id as a key,
 * would make the record several times larger to store and to read back).
 */
export interface DatasetParticipants {
  /** Per participant: the index of the first row naming it (its id derives from it). */
  rows: Int32Array;
  pseudonyms: string[];
  /** Per variable id: one value per participant. */
  attributes: Record<string, AttributeValue[]>;
}

/** The stored record of one imported table (everything but the answers' text). */
export interface Dataset {
  id: string;
  projectId: string;
  sourceId: string;
  createdAt: string;
  /** The free-text columns; an answer's slot is its index here. */
  fields: DatasetField[];
  /** Per row: the record id (ID column value, or "row n"). */
  recordIds: string[];
  /** Per row: index into the participants. */
  participantOf: Int32Array;
  /** Per row × field (row-major): the answer's length in UTF-16 code units, or -1 for an empty answer (no document). */
  lengths: Int32Array;
  participants: DatasetParticipants;
  /**
   * Response-level attributes (Variable.level 'response': values that differ between one
   * participant's rows): per variable id, one value per row. Every answer of a row carries them.
   */
  responseAttributes?: Record<string, AttributeValue[]>;
}

/** One row's answers as stored: per slot the text, or null where the answer was empty. */
export interface DatasetRowTexts {
  row: number;
  texts: (string | null)[];
}

/**
 * Rows per stored block of answers. IndexedDB costs per record, not per byte (93 MB of row text in
 * Chromium: 7.7 s as 100,000 records, 0.5 s as 100 records of 1,000 rows), so a dataset's answers
 * are stored 1,000 rows to a record; a document's text is one keyed read plus an index.
 */
export const DATASET_BLOCK_ROWS = 1000;

/** Key of the block holding rows [block × DATASET_BLOCK_ROWS, …): the dataset id and the block index (sorts in row order). */
export function datasetBlockKey(datasetId: string, block: number): string {
  if (!Number.isInteger(block) || block < 0 || block > Math.floor(MAX_ROWS / DATASET_BLOCK_ROWS)) throw new RangeError(`block index ${block} is out of range`);
  return datasetId + hex(block, 8);
}

/** The block of a row and the row's index inside it. */
export function blockOfRow(row: number): { block: number; index: number } {
  checkRow(row);
  return { block: Math.floor(row / DATASET_BLOCK_ROWS), index: row % DATASET_BLOCK_ROWS };
}

/** The row index a row key names (the key's last 8 hex digits). */
export function rowOfKey(rowKey: string): number {
  const row = Number.parseInt(rowKey.slice(DATASET_ID_LENGTH, DATASET_ID_LENGTH + 8), 16);
  if (rowKey.length !== DATASET_ID_LENGTH + 8 || !Number.isFinite(row)) throw new RangeError(`not a dataset row key: ${rowKey}`);
  return row;
}

/** The key of the block holding the row with this key. */
export function blockKeyOfRowKey(rowKey: string): string {
  return datasetBlockKey(rowKey.slice(0, DATASET_ID_LENGTH), blockOfRow(rowOfKey(rowKey)).block);
}

/** A new dataset id from a fresh v4 GUID. */
export function datasetIdFrom(guid: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(guid)) throw new Error(`not a GUID: ${guid}`);
  return guid.slice(0, DATASET_ID_LENGTH).toLowerCase();
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * Strings joined into one flat string. `a + b` makes a rope (a pair pointing at both parts) past
 * 12 characters, which costs more memory than the text until something flattens it: an id or a
 * title kept per document (a survey can make a million) is built flat instead.
 */
const flat = (...parts: string[]): string => parts.join('');

/** Two hex digits of every byte, so a row's 8 digits are four table reads (no number-to-string and padding strings made per row). */
const HEX2 = Array.from({ length: 256 }, (_, i) => hex(i, 2));

/** `datasetId`, then `row` as 8 hex digits, then `tail`, as one flat string (the strings a derived id is made of, made once). */
const rowId = (datasetId: string, row: number, tail: string): string => flat(datasetId, HEX2[row >>> 24]!, HEX2[(row >>> 16) & 255]!, HEX2[(row >>> 8) & 255]!, HEX2[row & 255]!, tail);

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROWS) throw new RangeError(`row index ${row} is out of range`);
}

/** Key of a row's answers record: the dataset id and the row index (sorts in row order). */
export function datasetRowKey(datasetId: string, row: number): string {
  checkRow(row);
  return rowId(datasetId, row, '');
}

export function datasetDocumentId(datasetId: string, row: number, slot: number): string {
  checkRow(row);
  return rowId(datasetId, row, slotHex(slot));
}

function slotHex(slot: number): string {
  if (!Number.isInteger(slot) || slot < 0 || slot >= PARTICIPANT_SLOT) throw new RangeError(`answer slot ${slot} is out of range`);
  return hex(slot, 4);
}

/** The document id of answer `slot` of the row with this key. */
export function rowAnswerId(rowKey: string, slot: number): string {
  return flat(rowKey, slotHex(slot));
}

const PARTICIPANT_HEX = hex(PARTICIPANT_SLOT, 4);

export function datasetParticipantId(datasetId: string, row: number): string {
  checkRow(row);
  return rowId(datasetId, row, PARTICIPANT_HEX);
}

/**
 * Each participant's id, made when first asked for and kept with its (immutable) dataset, so the
 * document list and the participant list of a survey share one string per participant rather than
 * making one each (500,000 of them in a large survey).
 */
const participantIds = held<Dataset, (string | undefined)[]>('participant ids');

/** The id of the dataset's participant with index `p` (the same string every time). */
export function participantIdOf(ds: Dataset, p: number): string {
  let ids = participantIds.get(ds);
  if (!ids) participantIds.set(ds, (ids = new Array<string | undefined>(ds.participants.rows.length)));
  return (ids[p] ??= datasetParticipantId(ds.id, ds.participants.rows[p]!));
}

/** Where a dataset document lives, from its id; undefined for ids that are not a dataset answer's. */
export function parseDatasetDocumentId(id: string): { datasetId: string; row: number; slot: number; rowKey: string } | undefined {
  if (id.length !== 36 || id[23] !== '-') return undefined;
  const row = Number.parseInt(id.slice(24, 32), 16);
  const slot = Number.parseInt(id.slice(32), 16);
  if (!Number.isFinite(row) || !Number.isFinite(slot) || slot === PARTICIPANT_SLOT) return undefined;
  const datasetId = id.slice(0, DATASET_ID_LENGTH);
  return { datasetId, row, slot, rowKey: id.slice(0, 32) };
}

/** The value of hex digit code `c` (0–9, a–f, A–F), or -1. */
function hexDigit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
}

/** The number the `n` hex digits of `id` from `at` spell, or -1 when one is not a hex digit. */
function hexAt(id: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = hexDigit(id.charCodeAt(i));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Answer slots a place packs below its row (datasetAnswerPlace). */
export const PLACE_SLOTS = 0x10000;

/**
 * Where an answer of dataset `datasetId` is, from its document id, packed as row × PLACE_SLOTS +
 * slot; -1 when the id is not an answer of that dataset. Reads the id's characters and makes
 * nothing (parseDatasetDocumentId makes its parts as strings): the survey grid places a million
 * coded answers this way.
 */
export function datasetAnswerPlace(id: string, datasetId: string): number {
  if (id.length !== 36 || id.charCodeAt(23) !== 45 || !id.startsWith(datasetId) || datasetId.length !== DATASET_ID_LENGTH) return -1;
  const row = hexAt(id, 24, 8);
  const slot = hexAt(id, 32, 4);
  return row < 0 || slot < 0 || slot === PARTICIPANT_SLOT ? -1 : row * PLACE_SLOTS + slot;
}

/** The dataset and row of a survey participant, from its id; undefined for ids that are not a dataset participant's. */
export function parseDatasetParticipantId(id: string): { datasetId: string; row: number } | undefined {
  if (id.length !== 36 || id[23] !== '-' || id.slice(32) !== PARTICIPANT_HEX) return undefined;
  const row = Number.parseInt(id.slice(24, 32), 16);
  return Number.isFinite(row) ? { datasetId: id.slice(0, DATASET_ID_LENGTH), row } : undefined;
}

/** Where an answer is and what it belongs to: everything its response document is made of. */
export interface AnswerPlace {
  datasetId: string;
  projectId: string;
  sourceId: string;
  createdAt: string;
  row: number;
  slot: number;
  recordId: string;
  field: DatasetField;
  /** Row index the answer's participant id derives from. */
  participantRow: number;
  length: number;
  /** The row's response-level attribute values, if the table has any. */
  attributes?: Record<string, AttributeValue>;
}

/**
 * A response document's speaker turns: none (an answer is one block of text). One frozen array
 * shared by every response document, as a survey can make a million of them.
 */
const NO_TURNS: DocumentMeta['turns'] = Object.freeze([]) as unknown as DocumentMeta['turns'];

/** What every response document of one table has in common. */
interface TableOfAnswers {
  projectId: string;
  sourceId: string;
  createdAt: string;
}

/**
 * The response document of an answer: the one way its title and fields are made, from its id and
 * participant id. Every property is set in the one object literal (no property added after it,
 * which would give the object a second store for its properties), and nothing else is made per
 * answer but its title (a survey's document list makes a million of these).
 */
function answerDocument(t: TableOfAnswers, id: string, participantId: string, recordId: string, field: DatasetField, length: number, attributes: Record<string, AttributeValue> | undefined, withText = false): DocumentMeta {
  const title = answerTitle(recordId, field);
  const { projectId, sourceId, createdAt } = t;
  const name = field.name;
  // (with an empty text to fill in: a property set later that the object was made with, so no second store)
  const doc: DocumentMeta = attributes
    ? withText
      ? ({ id, projectId, sourceId, participantId, title, kind: 'response', length, turns: NO_TURNS, recordId, field: name, createdAt, attributes, text: '' } as DocumentMeta)
      : { id, projectId, sourceId, participantId, title, kind: 'response', length, turns: NO_TURNS, recordId, field: name, createdAt, attributes }
    : withText
      ? ({ id, projectId, sourceId, participantId, title, kind: 'response', length, turns: NO_TURNS, recordId, field: name, createdAt, text: '' } as DocumentMeta)
      : { id, projectId, sourceId, participantId, title, kind: 'response', length, turns: NO_TURNS, recordId, field: name, createdAt };
  // (rare: a question with a description)
  if (field.description) doc.fieldDescription = field.description;
  return doc;
}

/** An answer's title: its record id, then its question. */
const answerTitle = (recordId: string, field: DatasetField): string => flat(recordId, ' – ', field.name).slice(0, MAX_TITLE);

/**
 * What a list's filter matches an answer's title against: the title lower-cased. Made from the
 * record id lower-cased and the question's part of the title lower-cased (`suffixes`, per slot, kept
 * by the caller), without making the title first: a filter over a million answers does this for
 * each. (A title cut at MAX_TITLE is lower-cased whole.)
 */
export function datasetAnswerTitleKey(ds: Dataset, row: number, slot: number, suffixes: (string | undefined)[]): string {
  const recordId = ds.recordIds[row]!;
  const field = ds.fields[slot]!;
  if (recordId.length + 3 + field.name.length > MAX_TITLE) return answerTitle(recordId, field).toLowerCase();
  return flat(recordId.toLowerCase(), (suffixes[slot] ??= flat(' – ', field.name).toLowerCase()));
}

/** The title of answer `slot` of row `row` (its document's, without making the document). */
export function datasetAnswerTitle(ds: Dataset, row: number, slot: number): string {
  return answerTitle(ds.recordIds[row]!, ds.fields[slot]!);
}

/** The response document of an answer, from where it is (its id and participant id derived from its place). */
export function responseDocument(a: AnswerPlace): DocumentMeta {
  return answerDocument(a, datasetDocumentId(a.datasetId, a.row, a.slot), datasetParticipantId(a.datasetId, a.participantRow), a.recordId, a.field, a.length, a.attributes);
}

/** The response document of one answer, or undefined if that answer was empty or out of range. */
export function datasetDocument(ds: Dataset, row: number, slot: number): DocumentMeta | undefined {
  const length = answerLength(ds, row, slot);
  if (length < 0) return undefined;
  const attributes = ds.responseAttributes ? rowAttributes(ds.responseAttributes, row) : undefined;
  return answerDocument(ds, datasetDocumentId(ds.id, row, slot), participantIdOf(ds, ds.participantOf[row]!), ds.recordIds[row]!, ds.fields[slot]!, length, attributes);
}

/**
 * The participant id of answer `slot` of row `row` (the string its document carries), or undefined
 * if that answer was empty or out of range: what the codebook's counts need of a coded answer,
 * without making its document.
 */
export function datasetAnswerParticipantId(ds: Dataset, row: number, slot: number): string | undefined {
  return answerLength(ds, row, slot) < 0 ? undefined : participantIdOf(ds, ds.participantOf[row]!);
}

/** The length of answer `slot` of row `row`, or -1 if it was empty or is out of range. */
function answerLength(ds: Dataset, row: number, slot: number): number {
  const F = ds.fields.length;
  if (!Number.isInteger(row) || !Number.isInteger(slot) || row < 0 || row >= ds.recordIds.length || slot < 0 || slot >= F) return -1;
  return ds.lengths[row * F + slot]!;
}

/** Row `row`'s values of response-level attributes (a fresh object per call: documents are handed out separately). */
export function rowAttributes(columns: Record<string, readonly AttributeValue[]>, row: number): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const id in columns) out[id] = columns[id]![row] ?? null;
  return out;
}

const fieldCollator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** A dataset's answer slots in the order a row's answers are listed: by question name. */
export const slotsByName = (ds: Dataset): number[] => ds.fields.map((_, i) => i).sort((a, b) => fieldCollator.compare(ds.fields[a]!.name, ds.fields[b]!.name));

/**
 * The response documents of rows [from, to), row by row and in each row its questions by name: in
 * title order (record id, then question) when the record ids ascend down the file, as they usually
 * do, so a document list sorts them in one pass. (A long list is made a slice of rows at a time.)
 * `withText`: each made with an empty `text` for the caller to fill in (a bundle's documents).
 */
export function datasetDocumentsIn(ds: Dataset, from: number, to: number, withText = false): DocumentMeta[] {
  const slots = slotsByName(ds);
  const slotHexes = ds.fields.map((_, i) => slotHex(i));
  const F = ds.fields.length;
  const out: DocumentMeta[] = [];
  const { id: datasetId, responseAttributes } = ds;
  const end = Math.min(to, ds.recordIds.length);
  for (let r = Math.max(0, from); r < end; r++) {
    // a row's answers share its participant id and attribute values (the same string and object)
    let participantId: string | undefined;
    let attributes: Record<string, AttributeValue> | undefined;
    for (const slot of slots) {
      const length = ds.lengths[r * F + slot]!;
      if (length < 0) continue;
      participantId ??= participantIdOf(ds, ds.participantOf[r]!);
      if (responseAttributes) attributes ??= rowAttributes(responseAttributes, r);
      out.push(answerDocument(ds, rowId(datasetId, r, slotHexes[slot]!), participantId, ds.recordIds[r]!, ds.fields[slot]!, length, attributes, withText));
    }
  }
  return out;
}

/** Every response document of a dataset (see datasetDocumentsIn for the order). */
export function datasetDocuments(ds: Dataset): DocumentMeta[] {
  return datasetDocumentsIn(ds, 0, ds.recordIds.length);
}

export function datasetDocumentCount(ds: Dataset): number {
  let n = 0;
  for (const l of ds.lengths) if (l >= 0) n++;
  return n;
}

export function datasetParticipants(ds: Dataset): Participant[] {
  return datasetParticipantsIn(ds, 0, ds.participants.pseudonyms.length);
}

/**
 * Participants with the same attribute values share one object of them, per dataset: a survey's
 * attributes are mostly categories, so 500,000 participants have a few hundred combinations (an
 * object each instead of 500,000 of them, which the window's collector would mark on every pass).
 * At most SHARED_ATTRIBUTE_SETS combinations are kept (a column of distinct values would make as
 * many as there are participants): past that, a participant with an unseen combination gets an
 * object of its own. Like every list entry, the object is read-only to its users.
 */
const SHARED_ATTRIBUTE_SETS = 4096;
type AttributeTrie = Map<AttributeValue, AttributeTrie | Record<string, AttributeValue>>;
const attributeSets = held<Dataset, { root: AttributeTrie; count: number }>('attribute sets');

type Columns = readonly [string, readonly AttributeValue[]][];

/** Participant `i`'s attribute values, in an object of their own. */
function attributeValues(columns: Columns, i: number): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const [variableId, column] of columns) values[variableId] = column[i] ?? null;
  return values;
}

/** Participant `i`'s attribute values, shared with every participant of the dataset with the same values (up to SHARED_ATTRIBUTE_SETS combinations). */
function participantAttributes(ds: Dataset, columns: Columns, i: number): Record<string, AttributeValue> {
  if (columns.length === 0) return attributeValues(columns, i);
  let sets = attributeSets.get(ds);
  if (!sets) attributeSets.set(ds, (sets = { root: new Map(), count: 0 }));
  let node = sets.root;
  for (let c = 0; ; c++) {
    const v = columns[c]![1][i] ?? null;
    const last = c === columns.length - 1;
    let next = node.get(v);
    if (next === undefined) {
      if (sets.count >= SHARED_ATTRIBUTE_SETS) return attributeValues(columns, i);
      next = last ? attributeValues(columns, i) : new Map();
      node.set(v, next);
      sets.count++;
    }
    if (last) return next as Record<string, AttributeValue>;
    node = next as AttributeTrie;
  }
}

/** The participants with indexes [from, to) (a long list built a slice at a time). */
export function datasetParticipantsIn(ds: Dataset, from: number, to: number): Participant[] {
  const { pseudonyms, attributes } = ds.participants;
  const columns = Object.entries(attributes);
  const out: Participant[] = [];
  for (let i = from; i < Math.min(to, pseudonyms.length); i++) {
    out.push({ id: participantIdOf(ds, i), projectId: ds.projectId, sourceId: ds.sourceId, pseudonym: pseudonyms[i]!, attributes: participantAttributes(ds, columns, i) });
  }
  return out;
}

/** Every participant's attribute values, by participant index: the objects datasetParticipants gives them (shared between equal ones), without the participants. */
export function datasetAttributeSets(ds: Dataset): Readonly<Record<string, AttributeValue>>[] {
  const columns = Object.entries(ds.participants.attributes);
  const n = ds.participants.pseudonyms.length;
  const out = new Array<Readonly<Record<string, AttributeValue>>>(n);
  for (let i = 0; i < n; i++) out[i] = participantAttributes(ds, columns, i);
  return out;
}

/** A dataset's answers in id order (by row, then slot): each one's row and slot. */
export interface AnswerPlaces {
  ds: Dataset;
  rows: Int32Array;
  slots: Uint16Array;
}

/** A dataset's answers in id order, less those `hidden(row, slot)` says to leave out. */
export function answerPlaces(ds: Dataset, hidden?: (row: number, slot: number) => boolean): AnswerPlaces {
  const F = ds.fields.length;
  const n = ds.recordIds.length;
  let count = 0;
  for (let k = 0; k < n * F; k++) if (ds.lengths[k]! >= 0 && !hidden?.(Math.floor(k / F), k % F)) count++;
  const rows = new Int32Array(count);
  const slots = new Uint16Array(count);
  let i = 0;
  for (let r = 0; r < n; r++) {
    for (let s = 0; s < F; s++) {
      if (ds.lengths[r * F + s]! < 0 || hidden?.(r, s)) continue;
      rows[i] = r;
      slots[i] = s;
      i++;
    }
  }
  return { ds, rows, slots };
}

/** Whether an answer id's row and slot digits are lower case, as the ids made for answers are (an id in capitals is another id). */
function lowerHex(id: string): boolean {
  for (let i = DATASET_ID_LENGTH; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 65 && c <= 70) return false;
  }
  return true;
}

/** datasetAnswerPlace, for an id that is exactly the id made for that answer (one with capitals in its digits is another id, as a list's lookup by id has it); else -1. */
export function exactAnswerPlace(id: string, datasetId: string): number {
  const place = datasetAnswerPlace(id, datasetId);
  return place >= 0 && lowerHex(id) ? place : -1;
}

/** The index of `x` in the ascending `xs` (a binary search), or -1. */
export function sortedIndexOf(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = xs[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The index of the dataset's participant with this id, or -1: found from the row its id names (each
 * participant's first row; participants are numbered as first met, so these ascend and a binary
 * search finds it, with a scan in case a table's do not) and checked against the id made for it.
 */
export function datasetParticipantIndex(ds: Dataset, id: string): number {
  const where = parseDatasetParticipantId(id);
  if (where?.datasetId !== ds.id) return -1;
  const rows = ds.participants.rows;
  let p = sortedIndexOf(rows, where.row);
  if (p < 0) p = rows.indexOf(where.row);
  return p >= 0 && participantIdOf(ds, p) === id ? p : -1;
}

/** Index of (row, slot) among a table's answers (binary search), or -1. */
export function answerIndex(t: AnswerPlaces, row: number, slot: number): number {
  let lo = 0;
  let hi = t.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = t.rows[mid]!;
    const s = t.slots[mid]!;
    if (r === row && s === slot) return mid;
    if (r < row || (r === row && s < slot)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The index of the answer with this document id among a table's answers, or -1 if it is not one of them. */
export function answerIndexOf(t: AnswerPlaces, id: string): number {
  const place = exactAnswerPlace(id, t.ds.id);
  return place < 0 ? -1 : answerIndex(t, Math.floor(place / PLACE_SLOTS), place % PLACE_SLOTS);
}
