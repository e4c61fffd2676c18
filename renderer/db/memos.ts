import type { MemoTarget, MemoWithText } from '../../shared/model';
import type { ChorusDb } from './schema';
import { getText } from './texts';

/** The memo attached to a target (project, document, code, coding…), if any. */
export async function getMemo(db: ChorusDb, target: MemoTarget): Promise<MemoWithText | undefined> {
  const meta = await db.memos.where('target.id').equals(target.id).filter((m) => m.target.kind === target.kind).first();
  if (!meta) return undefined;
  return { ...meta, text: (await getText(db, meta.id)) ?? '' };
}
