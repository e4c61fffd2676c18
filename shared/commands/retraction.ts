/**
 * Retraction, step 1 (issue 12): mark a participant, a document or a whole source as retracted.
 * The mark is a content-free RetractionRecord with status 'pending': every read hides the target
 * from then on (lists, grid, search, analyses, agreement, exports), and it is an ordinary undo
 * step, so "Undo" brings everything back. Step 2, "Confirm retraction", purges the data for good
 * (renderer/db/purge.ts, one transaction) and is not undoable.
 */
import { IsoDate, RETRACTION_REASONS, type RetractionReason, type RetractionRecord, type RetractionTarget, type Source } from '../model';
import { put } from './codebook';
import type { Handler } from './types';

export type RetractionCommand =
  | { type: 'retract'; target: RetractionTarget; reason: RetractionReason; by: string }
  /** Set (or clear, with null) the date after which a source's data is due for secure deletion. */
  | { type: 'setRetention'; sourceId: string; retainUntil: string | null };

const NOUN: Record<RetractionTarget['kind'], string> = { participant: 'participant', document: 'document', source: 'source' };

const retract: Handler<Extract<RetractionCommand, { type: 'retract' }>, RetractionRecord> = {
  writes: ['retractions'],
  reads: (cmd) => ({ retractions: true, sources: cmd.target.kind === 'source', ...(cmd.target.kind === 'document' ? { documentIds: [cmd.target.id] } : {}) }),
  plan(state, cmd, ctx) {
    if (!(RETRACTION_REASONS as readonly string[]).includes(cmd.reason)) throw new Error(`“${String(cmd.reason)}” is not a reason for retraction (choose one of: ${RETRACTION_REASONS.join(', ')})`);
    if (cmd.target.kind === 'source' && !state.sources.some((s) => s.id === cmd.target.id)) throw new Error('That source is not in this project');
    if (cmd.target.kind === 'document' && !state.documents.some((d) => d.id === cmd.target.id && d.projectId === ctx.projectId)) throw new Error('That document is not in this project');
    if (state.retractions.some((r) => r.target?.kind === cmd.target.kind && r.target.id === cmd.target.id))
      throw new Error(`This ${NOUN[cmd.target.kind]} is already retracted`);
    const record: RetractionRecord = {
      id: ctx.newId(),
      projectId: ctx.projectId,
      at: ctx.now,
      by: cmd.by,
      reason: cmd.reason,
      counts: { documents: 0, codings: 0, memos: 0 },
      target: cmd.target,
      status: 'pending',
    };
    return {
      ops: [put('retractions', record, true)],
      step: { label: `Retract ${NOUN[cmd.target.kind]}` },
      audit: { action: 'retraction.mark', ids: [record.id, cmd.target.id] },
      result: record,
    };
  },
};

const setRetention: Handler<Extract<RetractionCommand, { type: 'setRetention' }>, Source> = {
  writes: ['sources'],
  reads: () => ({ sources: true }),
  plan(state, cmd) {
    const source = state.sources.find((s) => s.id === cmd.sourceId);
    if (!source) throw new Error('That source is not in this project');
    if (cmd.retainUntil !== null && !IsoDate.safeParse(cmd.retainUntil).success) throw new Error(`“${cmd.retainUntil}” is not a date (use YYYY-MM-DD)`);
    const { retainUntil: _old, ...rest } = source;
    const next: Source = cmd.retainUntil === null ? rest : { ...rest, retainUntil: cmd.retainUntil };
    return {
      ops: [put('sources', next)],
      step: { label: cmd.retainUntil === null ? 'Clear retention date' : 'Set retention date' },
      audit: { action: 'retention.set', ids: [source.id] },
      result: next,
    };
  },
};

export const retractionHandlers = { retract, setRetention };
