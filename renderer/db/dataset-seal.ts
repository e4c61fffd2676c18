/**
 * A survey dataset record's personal parts — the record ids, the participants' pseudonyms and
 * attribute values, and the response-level attribute values — are stored as JSON text in pieces
 * (shared/import/dataset-pieces.ts), each piece a StoredText through the project's codec: clear
 * text in a plain project, AES-GCM ciphertext in an encrypted one. The clear fields are stored
 * empty. What stays in clear: ids, field names (column headings), answer lengths and
 * row→participant indexes.
 *
 * Records written before pieces are still read: a plain one with its parts in the clear fields, an
 * encrypted one with all its parts as ONE StoredText (`sealed`).
 *
 * Encoding and opening an encrypted record await the codec (WebCrypto), so they run before or
 * after a Dexie transaction, never inside one (an import's streamed table uses Dexie.waitFor, like
 * its chunks). A plain record opens synchronously (`openPlainRecord`), inside a transaction too.
 */
import { PartsAssembler, partsToPieces, type DatasetParts, type PieceText } from '../../shared/import/dataset-pieces';
import type { Dataset } from '../../shared/import/dataset';
import type { StorageCodec, StoredText } from './codec';
import type { DatasetPiece, DatasetRecord } from './schema';

const partsOf = (ds: Dataset): DatasetParts => ({
  recordIds: ds.recordIds,
  pseudonyms: ds.participants.pseudonyms,
  attributes: ds.participants.attributes,
  ...(ds.responseAttributes ? { responseAttributes: ds.responseAttributes } : {}),
});

/** The personal parts of an opened dataset as one JSON text (to compare two datasets' parts). */
export function datasetPartsJson(ds: Dataset): string {
  return JSON.stringify(partsOf(ds));
}

/** The record's fields without personal parts (they go in `pieces` or, for old records, `sealed`). */
function stripped(ds: Dataset): DatasetRecord {
  const { responseAttributes: _r, sealed: _s, pieces: _p, ...rest } = ds as DatasetRecord;
  return { ...rest, recordIds: [], participants: { ...ds.participants, pseudonyms: [], attributes: {} } };
}

/** A clear dataset (no `sealed` or `pieces` key). */
function clear(rec: DatasetRecord): Dataset {
  const { sealed: _s, pieces: _p, ...rest } = rec;
  return rest;
}

const withPieces = (ds: Dataset, texts: readonly PieceText[], stored: readonly StoredText[]): DatasetRecord => ({
  ...stripped(ds),
  pieces: texts.map((t, i) => ({ column: t.column, from: t.from, stored: stored[i]! })),
});

/** The record to store, its personal parts in pieces through the codec. */
export async function sealDataset(ds: Dataset, codec: StorageCodec): Promise<DatasetRecord> {
  return (await sealDatasets([ds], codec))[0]!;
}

/** Many at once (one promise). */
export async function sealDatasets(list: readonly Dataset[], codec: StorageCodec): Promise<DatasetRecord[]> {
  const texts = list.map((ds) => partsToPieces(partsOf(ds)));
  const stored = await codec.encodeMany(texts.flat().map((t) => t.text));
  let at = 0;
  return list.map((ds, i) => withPieces(ds, texts[i]!, stored.slice(at, (at += texts[i]!.length))));
}

/** The record to store in a plain project, at once (inside a transaction: no codec is awaited). */
export function plainDatasetRecord(ds: Dataset): DatasetRecord {
  const texts = partsToPieces(partsOf(ds));
  return withPieces(ds, texts, texts.map((t) => ({ v: 0, text: t.text })));
}

/** Whether the record's personal parts are encrypted (it needs the project's key to open). */
export function isSealedRecord(rec: DatasetRecord): boolean {
  return rec.sealed !== undefined || (rec.pieces?.some((p) => p.stored.v !== 0) ?? false);
}

/** What tells one stored version of an encrypted record from another: its ciphertexts' random IVs (undefined for a plain record). */
export function ivsOf(rec: DatasetRecord): Uint8Array[] | undefined {
  if (!isSealedRecord(rec)) return undefined;
  return (rec.sealed ? [rec.sealed] : rec.pieces!.map((p) => p.stored)).map((s) => (s.v === 1 ? s.iv : new Uint8Array(0)));
}

/** Put decoded parts back into a stored record. */
function withParts(rec: DatasetRecord, parts: DatasetParts): Dataset {
  const ds: Dataset = { ...clear(rec), recordIds: parts.recordIds, participants: { ...rec.participants, pseudonyms: parts.pseudonyms, attributes: parts.attributes } };
  if (parts.responseAttributes) ds.responseAttributes = parts.responseAttributes;
  return ds;
}

const where = (rec: DatasetRecord) => `Survey table ${rec.id}`;
const encrypted = (rec: DatasetRecord) => new Error(`${where(rec)} is encrypted: open it through the project's codec`);

/** A plain record's pieces' texts (throws for an encrypted piece). */
function plainTexts(rec: DatasetRecord, pieces: readonly DatasetPiece[]): string[] {
  return pieces.map((p) => {
    if (p.stored.v !== 0) throw encrypted(rec);
    return p.stored.text;
  });
}

/** The record put together from its pieces' texts, pausing (yielding) before each piece. */
function* assembling(rec: DatasetRecord, pieces: readonly DatasetPiece[], texts: readonly string[]): Generator<void, Dataset> {
  const a = new PartsAssembler(where(rec));
  for (let i = 0; i < pieces.length; i++) {
    yield;
    a.add({ column: pieces[i]!.column, from: pieces[i]!.from, text: texts[i]! });
  }
  return withParts(rec, a.parts());
}

/** A plain record opened at once (old clear layout, or clear pieces); throws for an encrypted one. */
export function openPlainRecord(rec: DatasetRecord): Dataset {
  if (!rec.pieces) {
    if (rec.sealed) throw encrypted(rec);
    return clear(rec);
  }
  const work = assembling(rec, rec.pieces, plainTexts(rec, rec.pieces));
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * The clear datasets of stored records (decoding their parts, if encrypted). With `pause`, awaited
 * between pieces, a large record is put together a piece at a time (the window's main thread
 * yields between them).
 */
export async function openDatasets(records: readonly DatasetRecord[], codec: StorageCodec, pause?: () => Promise<void>): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for (const rec of records) {
    if (rec.sealed) {
      out.push(withParts(rec, JSON.parse(await codec.decode(rec.sealed)) as DatasetParts));
      continue;
    }
    if (!rec.pieces) {
      out.push(clear(rec));
      continue;
    }
    const texts = isSealedRecord(rec) ? await Promise.all(rec.pieces.map((p) => codec.decode(p.stored))) : plainTexts(rec, rec.pieces);
    const work = assembling(rec, rec.pieces, texts);
    for (;;) {
      const r = work.next();
      if (r.done) {
        out.push(r.value);
        break;
      }
      if (pause) await pause();
    }
  }
  return out;
}

const samePieces = (a: readonly DatasetPiece[], b: readonly DatasetPiece[]) => a.length === b.length && a.every((p, i) => p.column === b[i]!.column && p.from === b[i]!.from && sameSealed(p.stored, b[i]!.stored));

/** The same personal parts stored (an encrypted record's by their random IVs, a clear one's by content). */
export function sameStoredParts(a: DatasetRecord, b: DatasetRecord): boolean {
  if (a.sealed || b.sealed) return sameSealed(a.sealed, b.sealed);
  if (a.pieces && b.pieces) return samePieces(a.pieces, b.pieces);
  if (isSealedRecord(a) || isSealedRecord(b)) return false;
  return datasetPartsJson(openPlainRecord(a)) === datasetPartsJson(openPlainRecord(b));
}

/** Same stored version? (ciphertext is identified by its random IV, clear text by itself) */
export function sameSealed(a: StoredText | undefined, b: StoredText | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.v === 0 || b.v === 0) return a.v === b.v && (a as { text: string }).text === (b as { text: string }).text;
  if (a.iv.length !== b.iv.length) return false;
  for (let i = 0; i < a.iv.length; i++) if (a.iv[i] !== b.iv[i]) return false;
  return true;
}
