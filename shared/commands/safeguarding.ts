/**
 * Safeguarding commands: flags raised by the detector (on import and when text is viewed or coded)
 * and their review. Flagging is not undoable (a flag is never hidden, and Undo must not hide one);
 * a review is one undoable step. Flags hold ids and offsets only; the audit names ids and counts.
 */
import { flagKey, SafeguardFlag, type FlagProposal, type FlagStatus } from '../safeguarding/flags';
import { put } from './codebook';
import type { Handler } from './types';

export type SafeguardingCommand =
  | { type: 'flagDisclosures'; origin: SafeguardFlag['origin']; flags: FlagProposal[] }
  | { type: 'reviewSafeguardFlag'; flagId: string; outcome: Exclude<FlagStatus, 'open'>; reviewedBy: string };

type Of<T extends SafeguardingCommand['type']> = Extract<SafeguardingCommand, { type: T }>;

const documentIdsOf = (flags: readonly FlagProposal[]) => [...new Set(flags.map((f) => f.documentId))].sort();

/** Add the proposed flags that are not flagged already (same document, offsets and category). */
const flagDisclosures: Handler<Of<'flagDisclosures'>, { added: SafeguardFlag[] }> = {
  writes: ['safeguardFlags'],
  reads: (cmd) => ({ documentIds: documentIdsOf(cmd.flags), safeguardFlagsOf: documentIdsOf(cmd.flags) }),
  plan(state, cmd, ctx) {
    const docs = new Map(state.documents.map((d) => [d.id, d]));
    const seen = new Set((state.safeguardFlags ?? []).map(flagKey));
    const added: SafeguardFlag[] = [];
    for (const p of cmd.flags) {
      const doc = docs.get(p.documentId);
      if (!doc || doc.projectId !== ctx.projectId) throw new Error('A safeguarding flag points at a document that is not in this project');
      if (p.end > doc.length) throw new Error(`A safeguarding flag runs past the end of “${doc.title}”`);
      if (seen.has(flagKey(p))) continue;
      seen.add(flagKey(p));
      const r = SafeguardFlag.safeParse({ ...p, id: ctx.newId(), projectId: ctx.projectId, origin: cmd.origin, status: 'open', createdAt: ctx.now, reviewedBy: null, reviewedAt: null });
      if (!r.success) throw new Error(`This safeguarding flag is not valid (${r.error.issues[0]?.message ?? 'invalid'})`);
      added.push(r.data);
    }
    return {
      ops: added.map((f) => put('safeguardFlags', f, true)),
      step: null,
      audit: { action: 'safeguard.flag', ids: [...new Set(added.map((f) => f.documentId))], counts: { flags: added.length } },
      result: { added },
    };
  },
};

/** Record a review's outcome and who made it (undoable). */
const reviewSafeguardFlag: Handler<Of<'reviewSafeguardFlag'>, SafeguardFlag> = {
  writes: ['safeguardFlags'],
  reads: (cmd) => ({ safeguardFlagIds: [cmd.flagId] }),
  plan(state, cmd, ctx) {
    const flag = (state.safeguardFlags ?? []).find((f) => f.id === cmd.flagId);
    if (!flag || flag.projectId !== ctx.projectId) throw new Error('No such safeguarding flag');
    const reviewedBy = cmd.reviewedBy.trim();
    if (!reviewedBy) throw new Error('A review needs the reviewer’s name');
    if (cmd.outcome !== 'reviewed-no-action' && cmd.outcome !== 'reviewed-referred') throw new Error('A review’s outcome is “no action” or “referred”');
    const after = SafeguardFlag.parse({ ...flag, status: cmd.outcome, reviewedBy, reviewedAt: ctx.now });
    return {
      ops: [put('safeguardFlags', after)],
      step: { label: cmd.outcome === 'reviewed-referred' ? 'Mark flag reviewed – referred' : 'Mark flag reviewed – no action' },
      audit: { action: 'safeguard.review', ids: [flag.id, flag.documentId], counts: { [cmd.outcome]: 1 } },
      result: after,
    };
  },
};

export const safeguardingHandlers = { flagDisclosures, reviewSafeguardFlag };
