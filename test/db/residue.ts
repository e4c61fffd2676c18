/**
 * The planted-value technique (issue 12): count where unique tokens survive — in every object
 * store and every index of a Dexie database (rows JSON-stringified, and every stored text decoded
 * through the codec), and in exported bytes (zip entries unpacked).
 */
import { unzipSync } from 'fflate';
import type Dexie from 'dexie';
import type { StorageCodec, StoredText } from '../../renderer/db';

export interface Hit {
  token: string;
  where: string;
}

const count = (hay: string, token: string) => hay.toLowerCase().split(token.toLowerCase()).length - 1;

function storedTexts(value: unknown, out: StoredText[] = []): StoredText[] {
  if (value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) return out;
  const v = value as Record<string, unknown>;
  if ((v.v === 0 && typeof v.text === 'string') || (v.v === 1 && v.iv instanceof Uint8Array && v.data instanceof Uint8Array)) {
    out.push(value as StoredText);
    return out;
  }
  // a plain project's packed block of survey answers (renderer/db/dataset-blocks.ts): its text is the answers joined
  const packed = v.packed as { texts?: unknown } | undefined;
  if (packed && Array.isArray(packed.texts)) {
    for (const text of packed.texts) if (typeof text === 'string') out.push({ v: 0, text });
    return out;
  }
  for (const x of Array.isArray(value) ? value : Object.values(v)) storedTexts(x, out);
  return out;
}

const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof Uint8Array) ? Array.from(v as Int32Array) : v));

/** Every occurrence of every token in the store: rows (as JSON and decoded), primary keys and index keys. */
export async function scanStore(db: Dexie, tokens: readonly string[], codec: StorageCodec): Promise<{ hits: Hit[]; rows: number; texts: number; indexes: number }> {
  const hits: Hit[] = [];
  let rows = 0;
  let texts = 0;
  let indexes = 0;
  const look = (hay: string, where: string) => {
    for (const t of tokens) for (let i = count(hay, t); i > 0; i--) hits.push({ token: t, where });
  };
  for (const table of db.tables) {
    const all = await table.toArray();
    rows += all.length;
    for (const row of all) {
      look(json(row), `${table.name} row`);
      const stored = storedTexts(row);
      texts += stored.length;
      for (const s of stored) look(await codec.decode(s), `${table.name} decoded text`);
    }
    look(json(await table.toCollection().primaryKeys()), `${table.name} primary keys`);
    for (const idx of table.schema.indexes) {
      indexes++;
      look(json(await table.orderBy(idx.name).keys()), `${table.name} index ${idx.name}`);
    }
  }
  return { hits, rows, texts, indexes };
}

/** Occurrences of every token in exported bytes: the bytes as UTF-8, and each zip entry unpacked. */
export function scanBytes(bytes: Uint8Array, tokens: readonly string[], name: string): Hit[] {
  const hits: Hit[] = [];
  const look = (hay: string, where: string) => {
    for (const t of tokens) for (let i = count(hay, t); i > 0; i--) hits.push({ token: t, where });
  };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) look(new TextDecoder().decode(bytes), name);
  else for (const [entry, data] of Object.entries(unzipSync(bytes))) look(new TextDecoder().decode(data), `${name}:${entry}`);
  return hits;
}
