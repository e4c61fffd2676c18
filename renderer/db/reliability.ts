/**
 * Reliability data: coder assignments and consensus decisions. Reads here; the two changes are
 * the `setAssignment` and `resolveDisagreement` commands (shared/commands/agreement.ts), with
 * one-line shorthands for tests and scripts.
 */
import type { CoderAssignment, ConsensusDecision } from '../../shared/model';
import { execute } from './execute';
import type { ChorusDb } from './schema';

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

export async function setAssignment(db: ChorusDb, { projectId, ...input }: AssignmentInput): Promise<void> {
  await execute(db, projectId, { type: 'setAssignment', ...input });
}

export async function resolveDisagreement(db: ChorusDb, { projectId, ...input }: ResolveInput): Promise<ConsensusDecision> {
  return (await execute(db, projectId, { type: 'resolveDisagreement', ...input })).result;
}
