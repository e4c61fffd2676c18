import type { ChorusDb } from './schema';
import { getCodec, type StoredText } from './codec';
import { readDatasetStoredText } from './datasets';

/**
 * A document's or memo's text as stored (not decoded): on its own, or (survey answers) in its
 * dataset row. Dexie reads only, so it is safe inside a transaction; decode after it.
 */
export async function readStoredText(db: ChorusDb, id: string): Promise<StoredText | undefined> {
  const row = await db.texts.get(id);
  return row ? row.stored : readDatasetStoredText(db, id);
}

/** A document's or memo's text, decoded. Not for use inside a transaction (use readStoredText there). */
export async function getText(db: ChorusDb, id: string): Promise<string | undefined> {
  const stored = await readStoredText(db, id);
  return stored ? getCodec().decode(stored) : undefined;
}
