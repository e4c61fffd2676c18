/**
 * Encryption at rest for survey datasets: a dataset record's personal parts — the record ids,
 * the participants' pseudonyms and attribute values, and the response-level attribute values —
 * are kept as ONE StoredText holding their JSON (`sealed`) when the project's codec encrypts; the
 * clear fields are then stored empty. A plain project keeps the clear layout unchanged. What stays
 * in clear: ids, field names (column headings), answer lengths and row→participant indexes.
 *
 * Sealing and opening await the codec (WebCrypto), so they run before or after a Dexie
 * transaction, never inside one (an import's streamed table uses Dexie.waitFor, like its chunks).
 */
import type { AttributeValue } from '../../shared/model';
import type { Dataset } from '../../shared/import/dataset';
import type { StorageCodec, StoredText } from './codec';
import type { DatasetRecord } from './schema';

interface SealedParts {
  recordIds: string[];
  pseudonyms: string[];
  attributes: Record<string, AttributeValue[]>;
  responseAttributes?: Record<string, AttributeValue[]>;
}

/** The personal parts of a dataset as the JSON that is sealed. */
export function datasetPartsJson(ds: Dataset): string {
  const parts: SealedParts = { recordIds: ds.recordIds, pseudonyms: ds.participants.pseudonyms, attributes: ds.participants.attributes };
  if (ds.responseAttributes) parts.responseAttributes = ds.responseAttributes;
  return JSON.stringify(parts);
}

/** The record without its personal parts (they go in `sealed`). */
function stripped(ds: Dataset, sealed: StoredText): DatasetRecord {
  const { responseAttributes: _r, ...rest } = ds as DatasetRecord;
  return { ...rest, recordIds: [], participants: { ...ds.participants, pseudonyms: [], attributes: {} }, sealed };
}

/** A clear dataset (no `sealed` key). */
function clear(ds: DatasetRecord): Dataset {
  const { sealed: _s, ...rest } = ds;
  return rest;
}

/** The record to store: sealed when the codec encrypts, the clear dataset otherwise. */
export async function sealDataset(ds: Dataset, codec: StorageCodec): Promise<DatasetRecord> {
  const plain = clear(ds);
  if (!codec.encrypts) return plain;
  return stripped(plain, await codec.encode(datasetPartsJson(plain)));
}

/** Many at once (one promise). */
export async function sealDatasets(list: readonly Dataset[], codec: StorageCodec): Promise<DatasetRecord[]> {
  if (!codec.encrypts) return list.map(clear);
  const enc = await codec.encodeMany(list.map((ds) => datasetPartsJson(clear(ds))));
  return list.map((ds, i) => stripped(clear(ds), enc[i]!));
}

/** Put decoded parts back into a stored record. */
export function withParts(rec: DatasetRecord, json: string): Dataset {
  const parts = JSON.parse(json) as SealedParts;
  const ds: Dataset = { ...clear(rec), recordIds: parts.recordIds, participants: { ...rec.participants, pseudonyms: parts.pseudonyms, attributes: parts.attributes } };
  if (parts.responseAttributes) ds.responseAttributes = parts.responseAttributes;
  return ds;
}

/** The clear dataset of a stored record (decoding its sealed parts, if any). */
export async function openDatasets(records: readonly DatasetRecord[], codec: StorageCodec): Promise<Dataset[]> {
  const sealed = records.filter((r) => r.sealed);
  const opened = await Promise.all(sealed.map((r) => codec.decode(r.sealed!)));
  const byId = new Map(sealed.map((r, i) => [r.id, opened[i]!]));
  return records.map((r) => (r.sealed ? withParts(r, byId.get(r.id)!) : clear(r)));
}

/** Same stored version? (a sealed record's parts are identified by their random IV) */
export function sameSealed(a: StoredText | undefined, b: StoredText | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.v === 0 || b.v === 0) return a.v === b.v && (a as { text: string }).text === (b as { text: string }).text;
  if (a.iv.length !== b.iv.length) return false;
  for (let i = 0; i < a.iv.length; i++) if (a.iv[i] !== b.iv[i]) return false;
  return true;
}
