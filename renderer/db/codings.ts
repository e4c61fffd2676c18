import { newGuid, type Coding } from '../../shared/model';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';
import { getDocuments } from './reads';

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
  const [coding] = await addCodings(db, [input], 'Apply code');
  return coding!;
}

/**
 * Apply many codings as ONE undoable step (autocode, "code all hits", accepting suggestions).
 * Every span is checked first; nothing is written if any is invalid.
 */
export async function addCodings(db: ChorusDb, inputs: NewCoding[], label: string): Promise<Coding[]> {
  if (inputs.length === 0) return [];
  const projectId = inputs[0]!.projectId;
  for (const { start, end } of inputs) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      throw new Error(`A coding needs 0 ≤ start < end (got ${start}–${end})`);
    }
  }
  return recorded(db, projectId, label, [db.codings, db.documents, db.datasets, db.codes, db.audit], async (rec) => {
    const out: Coding[] = [];
    const docs = new Map((await getDocuments(db, [...new Set(inputs.map((i) => i.documentId))])).filter((d) => d).map((d) => [d!.id, d!]));
    const codes = new Map((await db.codes.bulkGet([...new Set(inputs.map((i) => i.codeId))])).filter((c) => c).map((c) => [c!.id, c!]));
    const now = new Date().toISOString();
    for (const input of inputs) {
      const doc = docs.get(input.documentId);
      if (!doc || doc.projectId !== projectId || input.projectId !== projectId) throw new Error('No such document in this project');
      if (input.end > doc.length) throw new Error(`The span ${input.start}–${input.end} runs past the end of “${doc.title}” (${doc.length})`);
      const code = codes.get(input.codeId);
      if (!code || code.projectId !== projectId) throw new Error('No such code in this project');
      const same = await db.codings
        .where('[documentId+codeId]')
        .equals([input.documentId, input.codeId])
        .filter((c) => c.start === input.start && c.end === input.end && c.coderId === input.coderId)
        .first();
      if (same) {
        out.push(same);
        continue;
      }
      const coding: Coding = { id: newGuid(), ...input, createdAt: now };
      await rec.put(db.codings, coding);
      out.push(coding);
    }
    await recordAudit(db, projectId, inputs.length === 1 ? 'coding.add' : 'coding.add-many', out.slice(0, 50).map((c) => c.id));
    return out;
  });
}

export async function removeCoding(db: ChorusDb, id: string): Promise<void> {
  const c = await db.codings.get(id);
  if (!c) return;
  await recorded(db, c.projectId, 'Remove coding', [db.codings, db.audit], async (rec) => {
    await rec.delete(db.codings, id);
    await recordAudit(db, c.projectId, 'coding.remove', [id, c.documentId, c.codeId]);
  });
}
