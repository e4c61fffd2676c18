/**
 * Agreement commands: a consensus decision on a disagreement between coders, and assigning a
 * source or document to a coder. Neither changes any coder's codings, so reliability stays
 * measurable; each is one undoable step, audited with ids only.
 */
import type { CoderAssignment, ConsensusDecision } from '../model';
import { del, put } from './codebook';
import type { Handler, RowOp } from './types';

export type AgreementCommand =
  /**
   * Record the team's decision on one disputed span (apply the code there, or remove it) by
   * `decidedBy` — the coder resolving it — replacing any earlier decision on exactly this span.
   */
  | { type: 'resolveDisagreement'; documentId: string; codeId: string; start: number; end: number; decision: ConsensusDecision['decision']; decidedBy: string }
  /** Ask a coder to code a source or a document (`assigned`), or withdraw that; idempotent. */
  | { type: 'setAssignment'; coderId: string; scope: CoderAssignment['scope']; targetId: string; assigned: boolean };

type Of<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>;

const resolveDisagreement: Handler<Of<'resolveDisagreement'>, ConsensusDecision> = {
  writes: ['decisions'],
  reads: (cmd) => ({ coders: true, codes: true, documentIds: [cmd.documentId], decisionsAt: [{ documentId: cmd.documentId, codeId: cmd.codeId }] }),
  plan(state, cmd, ctx) {
    const { documentId, codeId, start, end } = cmd;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) throw new Error(`A decision needs 0 ≤ start < end (got ${start}–${end})`);
    if (!state.coders.some((c) => c.id === cmd.decidedBy)) throw new Error('No such coder in this project');
    const code = state.codes.find((c) => c.id === codeId);
    if (!code) throw new Error('No such code in this project');
    const doc = state.documents.find((d) => d.id === documentId);
    if (!doc || doc.projectId !== ctx.projectId) throw new Error('No such document in this project');
    if (end > doc.length) throw new Error(`The span ${start}–${end} runs past the end of “${doc.title}” (${doc.length})`);
    const earlier = state.decisions.filter((d) => d.start === start && d.end === end && d.projectId === ctx.projectId);
    const row: ConsensusDecision = { id: ctx.newId(), projectId: ctx.projectId, documentId, codeId, start, end, decision: cmd.decision, decidedBy: cmd.decidedBy, at: ctx.now };
    return {
      ops: [...earlier.map((d) => del('decisions', d.id)), put('decisions', row)],
      step: { label: `Consensus: ${cmd.decision === 'apply' ? 'apply' : 'remove'} “${code.name}”` },
      audit: { action: 'consensus.decide', ids: [row.id, documentId, codeId, cmd.decidedBy] },
      result: row,
    };
  },
};

const setAssignment: Handler<Of<'setAssignment'>, number> = {
  writes: ['assignments'],
  reads: (cmd) => ({ coders: true, sources: cmd.scope === 'source', documentIds: cmd.scope === 'document' ? [cmd.targetId] : [], assignments: true }),
  plan(state, cmd, ctx) {
    const { coderId, scope, targetId } = cmd;
    if (!state.coders.some((c) => c.id === coderId)) throw new Error('No such coder in this project');
    const target = scope === 'source' ? state.sources.find((s) => s.id === targetId) : state.documents.find((d) => d.id === targetId);
    if (!target || target.projectId !== ctx.projectId) throw new Error(`No such ${scope} in this project`);
    const existing = state.assignments.filter((a) => a.coderId === coderId && a.scope === scope && a.targetId === targetId);
    let ops: RowOp[] = [];
    if (cmd.assigned && existing.length === 0) ops = [put('assignments', { id: ctx.newId(), projectId: ctx.projectId, coderId, scope, targetId } satisfies CoderAssignment)];
    if (!cmd.assigned) ops = existing.map((a) => del('assignments', a.id));
    return {
      ops,
      step: { label: `${cmd.assigned ? 'Assign' : 'Unassign'} ${scope}` },
      audit: { action: cmd.assigned ? 'assignment.add' : 'assignment.remove', ids: [coderId, targetId] },
      result: ops.length,
    };
  },
};

export const agreementHandlers = { resolveDisagreement, setAssignment };
