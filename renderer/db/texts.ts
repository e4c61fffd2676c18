import type { ChorusDb } from './schema';
import { getCodec } from './codec';
import { getDatasetText } from './datasets';

/** A document's or memo's text: stored on its own, or (survey answers) in its dataset row. */
export async function getText(db: ChorusDb, id: string): Promise<string | undefined> {
  const row = await db.texts.get(id);
  return row ? getCodec().decode(row.stored) : getDatasetText(db, id);
}
