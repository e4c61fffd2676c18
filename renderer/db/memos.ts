import { newGuid, type MemoTarget, type MemoWithText } from '../../shared/model';
import type { ChorusDb } from './schema';
import { getText } from './texts';
import { getCodec } from './codec';
import { recorded } from './history';

/** The memo attached to a target (project, document, code, coding…), if any. */
export async function getMemo(db: ChorusDb, target: MemoTarget): Promise<MemoWithText | undefined> {
  const meta = await db.memos.where('target.id').equals(target.id).filter((m) => m.target.kind === target.kind).first();
  if (!meta) return undefined;
  return { ...meta, text: (await getText(db, meta.id)) ?? '' };
}

/** Create or replace the memo on a target (one undoable step); its text goes through the storage codec. */
export async function saveMemo(
  db: ChorusDb,
  input: { projectId: string; target: MemoTarget; text: string; title?: string; coderId?: string | null },
): Promise<MemoWithText> {
  const label = `Edit memo on the ${input.target.kind}`;
  // Encode before the transaction: a real cipher's await would let IndexedDB commit early.
  const stored = await getCodec().encode(input.text);
  return recorded(db, input.projectId, label, [db.memos, db.texts], async (rec) => {
    const now = new Date().toISOString();
    const existing = await db.memos.where('target.id').equals(input.target.id).filter((m) => m.target.kind === input.target.kind).first();
    const meta = existing
      ? { ...existing, title: input.title ?? existing.title, updatedAt: now }
      : { id: newGuid(), projectId: input.projectId, target: input.target, title: input.title ?? '', coderId: input.coderId ?? null, createdAt: now, updatedAt: now };
    await rec.put(db.memos, meta);
    await rec.put(db.texts, { id: meta.id, projectId: input.projectId, stored });
    return { ...meta, text: input.text };
  });
}
