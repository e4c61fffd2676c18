/**
 * Reliability data: coder assignments and consensus decisions. Two mutations, each one undoable
 * transaction (to be ported to the command layer): setAssignment and resolveDisagreement.
 */
import { newGuid, type CoderAssignment, type ConsensusDecision } from '../../shared/model';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';
import { getDocuments } from './reads';

export const listAssignments = (db: ChorusDb, projectId: string) => db.assignments.where('projectId').equals(projectId).toArray();
export const listDecisions = (db: ChorusDb, projectId: string) => db.decisions.where('projectId').equals(projectId).toArray();

export interface AssignmentInput {
  projectId: string;
  coderId: string;
  scope: CoderAssignment['scope'];
  targetId: string;
  /** true: the coder is asked to code the target; false: the assignment is withdrawn. */
  assigned: boolean;
}

async function checkCoder(db: ChorusDb, projectId: string, coderId: string): Promise<string> {
  const coder = await db.coders.get(coderId);
  if (!coder || coder.projectId !== projectId) throw new Error('No such coder in this project');
  return coder.name;
}

/** Assign a source or document to a coder, or withdraw the assignment (undoable; idempotent). */
export async function setAssignment(db: ChorusDb, input: AssignmentInput): Promise<void> {
  const { projectId, coderId, scope, targetId } = input;
  const tables = [db.assignments, db.coders, db.sources, db.documents, db.datasets, db.audit];
  const label = `${input.assigned ? 'Assign' : 'Unassign'} ${scope}`;
  await recorded(db, projectId, label, tables, async (rec) => {
    await checkCoder(db, projectId, coderId);
    const target = scope === 'source' ? await db.sources.get(targetId) : (await getDocuments(db, [targetId]))[0];
    if (!target || target.projectId !== projectId) throw new Error(`No such ${scope} in this project`);
    const existing = await db.assignments.where('targetId').equals(targetId).filter((a) => a.coderId === coderId && a.scope === scope).toArray();
    if (input.assigned) {
      if (existing.length > 0) return;
      const row: CoderAssignment = { id: newGuid(), projectId, coderId, scope, targetId };
      await rec.put(db.assignments, row);
      await recordAudit(db, projectId, 'assignment.add', [row.id, coderId, targetId]);
    } else {
      for (const a of existing) await rec.delete(db.assignments, a.id);
      if (existing.length) await recordAudit(db, projectId, 'assignment.remove', [coderId, targetId]);
    }
  });
}

export interface ResolveInput {
  projectId: string;
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  decision: ConsensusDecision['decision'];
  /** The coder resolving it (the current coder), recorded as the decision's author. */
  decidedBy: string;
}

/**
 * Resolve a disagreement: record a consensus decision (apply or remove the code on this span) by
 * `decidedBy`, replacing any earlier decision on exactly this span. No coder's codings change.
 */
export async function resolveDisagreement(db: ChorusDb, input: ResolveInput): Promise<ConsensusDecision> {
  const { projectId, documentId, codeId, start, end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) throw new Error(`A decision needs 0 ≤ start < end (got ${start}–${end})`);
  const tables = [db.decisions, db.coders, db.codes, db.documents, db.datasets, db.audit];
  return recorded(db, projectId, `Consensus: ${input.decision === 'apply' ? 'apply' : 'remove'} code`, tables, async (rec) => {
    await checkCoder(db, projectId, input.decidedBy);
    const code = await db.codes.get(codeId);
    if (!code || code.projectId !== projectId) throw new Error('No such code in this project');
    const [doc] = await getDocuments(db, [documentId]);
    if (!doc || doc.projectId !== projectId) throw new Error('No such document in this project');
    if (end > doc.length) throw new Error(`The span ${start}–${end} runs past the end of “${doc.title}” (${doc.length})`);
    const earlier = await db.decisions.where('[documentId+codeId]').equals([documentId, codeId]).filter((d) => d.start === start && d.end === end).toArray();
    for (const d of earlier) await rec.delete(db.decisions, d.id);
    const row: ConsensusDecision = { id: newGuid(), projectId, documentId, codeId, start, end, decision: input.decision, decidedBy: input.decidedBy, at: new Date().toISOString() };
    await rec.put(db.decisions, row);
    await recordAudit(db, projectId, 'consensus.decide', [row.id, documentId, codeId, input.decidedBy]);
    return row;
  });
}
