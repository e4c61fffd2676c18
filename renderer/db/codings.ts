import { newGuid, type Coding } from '../../shared/model';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';

export interface NewCoding {
  projectId: string;
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string;
}

/** Apply a code to a span. Bounds are checked against the document; an identical coding is not duplicated. */
export async function addCoding(db: ChorusDb, input: NewCoding): Promise<Coding> {
  const { start, end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new Error(`A coding needs 0 ≤ start < end (got ${start}–${end})`);
  }
  return db.transaction('rw', [db.codings, db.documents, db.codes, db.audit], async () => {
    const doc = await db.documents.get(input.documentId);
    if (!doc || doc.projectId !== input.projectId) throw new Error('No such document in this project');
    if (end > doc.length) throw new Error(`The span ${start}–${end} runs past the end of the document (${doc.length})`);
    const code = await db.codes.get(input.codeId);
    if (!code || code.projectId !== input.projectId) throw new Error('No such code in this project');
    const same = await db.codings
      .where('[documentId+codeId]')
      .equals([input.documentId, input.codeId])
      .filter((c) => c.start === start && c.end === end && c.coderId === input.coderId)
      .first();
    if (same) return same;
    const coding: Coding = { id: newGuid(), ...input, createdAt: new Date().toISOString() };
    await db.codings.add(coding);
    await recordAudit(db, input.projectId, 'coding.add', [coding.id, input.documentId, input.codeId]);
    return coding;
  });
}

export async function removeCoding(db: ChorusDb, id: string): Promise<void> {
  await db.transaction('rw', [db.codings, db.audit], async () => {
    const c = await db.codings.get(id);
    if (!c) return;
    await db.codings.delete(id);
    await recordAudit(db, c.projectId, 'coding.remove', [id, c.documentId, c.codeId]);
  });
}
