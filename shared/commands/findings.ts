/**
 * Findings → recommendations → actions (Stage 5 findings, Stage 6 agreeing, recording and
 * monitoring actions, and feedback that cannot be actioned). Every command is one undo step;
 * the audit names ids and counts, never a statement, recommendation, owner or reason.
 */
import { ACTION_STATUSES, Action, AUDIENCES, Finding, IsoDate, Recommendation, type ActionStatus, type Audience } from '../model';
import { del, put } from './codebook';
import { METHOD_CHECK_IDS } from '../findings/method';
import type { Project } from '../model';
import type { Handler, RowOp, Snapshot } from './types';

export type FindingPatch = Partial<{ title: string; summary: string; audiences: Audience[] }>;
export type ActionPatch = Partial<{ recommendation: string; owner: string; due: string | null; outcome: string; status: ActionStatus; notActionedReason: string }>;

export type FindingCommand =
  | { type: 'createFinding'; title: string; summary?: string; codeIds?: string[]; audiences?: Audience[] }
  | { type: 'updateFinding'; findingId: string; patch: FindingPatch }
  /** Deletes the finding with its recommendations and their actions, as one step. */
  | { type: 'deleteFinding'; findingId: string }
  /** The project's findings in their new order (every finding, each once). */
  | { type: 'reorderFindings'; findingIds: string[] }
  | { type: 'linkFindingCodes'; findingId: string; codeIds: string[] }
  | { type: 'unlinkFindingCodes'; findingId: string; codeIds: string[] }
  | { type: 'linkFindingQuotes'; findingId: string; quoteIds: string[] }
  | { type: 'unlinkFindingQuotes'; findingId: string; quoteIds: string[] }
  | { type: 'createRecommendation'; findingId: string; text: string }
  | { type: 'updateRecommendation'; recommendationId: string; text: string }
  /** Deletes the recommendation with its actions, as one step. */
  | { type: 'deleteRecommendation'; recommendationId: string }
  /** A finding's recommendations in their new order (every one of them, each once). */
  | { type: 'reorderRecommendations'; findingId: string; recommendationIds: string[] }
  | {
      type: 'createAction';
      recommendationId: string;
      /** What will be done. */
      recommendation: string;
      owner?: string;
      due?: string;
      status?: ActionStatus;
      notActionedReason?: string;
      outcome?: string;
    }
  | { type: 'updateAction'; actionId: string; patch: ActionPatch }
  | { type: 'deleteAction'; actionId: string }
  /** "Not actioned" needs a reason the public can read. */
  | { type: 'setActionStatus'; actionId: string; status: ActionStatus; reason?: string }
  /** Tick or untick an item of the thematic-analysis checklist (kept in the project's settings). */
  | { type: 'setMethodCheck'; checkId: string; done: boolean };

type Of<T extends FindingCommand['type']> = Extract<FindingCommand, { type: T }>;

/** The message every path that would store "not actioned" without a reason gives. */
export const NOT_ACTIONED_NEEDS_REASON = 'An action marked “not actioned” needs a reason, in words the public can read (say why it could not be done)';

const READ_ALL = { findings: true, recommendations: true, actions: true } as const;
const WRITES = ['findings', 'recommendations', 'actions'] as const;

function findingOf(state: Snapshot, id: string): Finding {
  const f = state.findings.find((x) => x.id === id);
  if (!f) throw new Error('No such finding in this project');
  return f;
}
function recommendationOf(state: Snapshot, id: string): Recommendation {
  const r = state.recommendations.find((x) => x.id === id);
  if (!r) throw new Error('No such recommendation in this project');
  return r;
}
function actionOf(state: Snapshot, id: string): Action {
  const a = state.actions.find((x) => x.id === id);
  if (!a) throw new Error('No such action in this project');
  return a;
}

function statement(title: string): string {
  const t = title.trim();
  if (!t) throw new Error('A finding needs a statement (what the evidence shows)');
  if (t.length > 300) throw new Error('A finding’s statement can be at most 300 characters; put the detail in its summary');
  return t;
}

function audiencesOf(list: readonly string[] | undefined): Audience[] {
  const out: Audience[] = [];
  for (const a of list ?? []) {
    if (!(AUDIENCES as readonly string[]).includes(a)) throw new Error(`“${a}” is not an audience (${AUDIENCES.join(', ')})`);
    if (!out.includes(a as Audience)) out.push(a as Audience);
  }
  return out;
}

function recommendationText(text: string): string {
  const t = text.trim();
  if (!t) throw new Error('A recommendation needs some text');
  if (t.length > 2000) throw new Error('A recommendation can be at most 2,000 characters');
  return t;
}

/** Validate an action as it would be stored: what, status, reason, due date. */
function checkedAction(a: Action): Action {
  const what = a.recommendation.trim();
  if (!what) throw new Error('An action needs to say what will be done');
  if (!(ACTION_STATUSES as readonly string[]).includes(a.status)) throw new Error(`“${a.status}” is not an action status (${ACTION_STATUSES.join(', ')})`);
  const reason = a.notActionedReason?.trim() ?? '';
  if (a.status === 'not actioned' && !reason) throw new Error(NOT_ACTIONED_NEEDS_REASON);
  if (a.due !== undefined && !IsoDate.safeParse(a.due).success) throw new Error(`The due date “${a.due}” is not a date (use YYYY-MM-DD)`);
  const out: Action = { ...a, recommendation: what, owner: a.owner.trim(), outcome: a.outcome.trim() };
  // the reason belongs to "not actioned": kept only while the action is (Undo brings an earlier one back)
  if (reason && a.status === 'not actioned') out.notActionedReason = reason;
  else delete out.notActionedReason;
  return Action.parse(out);
}

/** Only ids of this project's codes, each once, in the order given. */
function knownCodes(state: Snapshot, ids: readonly string[]): string[] {
  const have = new Set(state.codes.map((c) => c.id));
  for (const id of ids) if (!have.has(id)) throw new Error('One of the codes is not in this project');
  return [...new Set(ids)];
}

const nextOrder = (xs: readonly { order: number }[]) => xs.reduce((m, x) => Math.max(m, x.order), -1) + 1;
const shortLabel = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

const createFinding: Handler<Of<'createFinding'>, Finding> = {
  writes: WRITES,
  reads: () => ({ ...READ_ALL, codes: true }),
  plan(state, cmd, ctx) {
    const finding = Finding.parse({
      id: ctx.newId(),
      projectId: ctx.projectId,
      title: statement(cmd.title),
      summary: (cmd.summary ?? '').trim(),
      codeIds: knownCodes(state, cmd.codeIds ?? []),
      quoteIds: [],
      evidenceCodingIds: [],
      audiences: audiencesOf(cmd.audiences),
      order: nextOrder(state.findings),
      createdAt: ctx.now,
    });
    return { ops: [put('findings', finding, true)], step: { label: `Add finding “${shortLabel(finding.title)}”` }, audit: { action: 'finding.create', ids: [finding.id], counts: { codes: finding.codeIds.length } }, result: finding };
  },
};

const updateFinding: Handler<Of<'updateFinding'>, Finding> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { findingId, patch }) {
    const before = findingOf(state, findingId);
    const after: Finding = {
      ...before,
      ...(patch.title !== undefined ? { title: statement(patch.title) } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary.trim() } : {}),
      ...(patch.audiences !== undefined ? { audiences: audiencesOf(patch.audiences) } : {}),
    };
    return { ops: [put('findings', after)], step: { label: `Edit finding “${shortLabel(before.title)}”` }, audit: { action: 'finding.update', ids: [findingId] }, result: after };
  },
};

const deleteFinding: Handler<Of<'deleteFinding'>, { recommendations: number; actions: number }> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { findingId }) {
    const f = findingOf(state, findingId);
    const recs = state.recommendations.filter((r) => r.findingId === findingId);
    const recIds = new Set(recs.map((r) => r.id));
    const acts = state.actions.filter((a) => a.findingId === findingId || (a.recommendationId !== undefined && recIds.has(a.recommendationId)));
    const ops: RowOp[] = [...acts.map((a) => del('actions', a.id)), ...recs.map((r) => del('recommendations', r.id)), del('findings', findingId)];
    const counts = { recommendations: recs.length, actions: acts.length };
    return { ops, step: { label: `Delete finding “${shortLabel(f.title)}”` }, audit: { action: 'finding.delete', ids: [findingId], counts }, result: counts };
  },
};

const reorderFindings: Handler<Of<'reorderFindings'>, string[]> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { findingIds }) {
    const have = new Set(state.findings.map((f) => f.id));
    const given = new Set(findingIds);
    if (given.size !== findingIds.length || given.size !== have.size || findingIds.some((id) => !have.has(id))) {
      throw new Error('The new order must list every finding of the project exactly once');
    }
    const ops: RowOp[] = [];
    findingIds.forEach((id, order) => {
      const f = findingOf(state, id);
      if (f.order !== order) ops.push(put('findings', { ...f, order }));
    });
    return { ops, step: { label: 'Reorder findings' }, audit: { action: 'finding.reorder', ids: findingIds, counts: { findings: findingIds.length } }, result: findingIds };
  },
};

function linkPlan(kind: 'codes' | 'quotes', link: boolean) {
  return (state: Snapshot, cmd: { findingId: string; codeIds?: string[]; quoteIds?: string[] }) => {
    const f = findingOf(state, cmd.findingId);
    const ids = (kind === 'codes' ? cmd.codeIds : cmd.quoteIds) ?? [];
    if (!ids.length) throw new Error(kind === 'codes' ? 'Choose at least one code' : 'Choose at least one quote');
    const field = kind === 'codes' ? 'codeIds' : 'quoteIds';
    if (link) {
      if (kind === 'codes') knownCodes(state, ids);
      else {
        const quotes = new Set(state.quotes.filter((q) => q.projectId === f.projectId).map((q) => q.id));
        if (ids.some((id) => !quotes.has(id))) throw new Error('One of the quotes is not in this project (star it in the Code view first)');
      }
    }
    const current = f[field];
    const next = link ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id));
    const after: Finding = { ...f, [field]: next };
    const changed = next.length !== current.length;
    const what = kind === 'codes' ? 'code' : 'quote';
    const label = `${link ? 'Link' : 'Unlink'} ${ids.length === 1 ? what : `${ids.length} ${what}s`} ${link ? 'to' : 'from'} “${shortLabel(f.title)}”`;
    return {
      ops: changed ? [put('findings', after)] : [],
      step: { label },
      audit: { action: `finding.${link ? 'link' : 'unlink'}-${kind}`, ids: [f.id, ...ids], counts: { [kind]: Math.abs(next.length - current.length) } },
      result: after,
    };
  };
}

const linkFindingCodes: Handler<Of<'linkFindingCodes'>, Finding> = { writes: WRITES, reads: () => ({ ...READ_ALL, codes: true }), plan: linkPlan('codes', true) };
const unlinkFindingCodes: Handler<Of<'unlinkFindingCodes'>, Finding> = { writes: WRITES, reads: () => READ_ALL, plan: linkPlan('codes', false) };
const linkFindingQuotes: Handler<Of<'linkFindingQuotes'>, Finding> = { writes: WRITES, reads: (cmd) => ({ ...READ_ALL, quoteIds: cmd.quoteIds }), plan: linkPlan('quotes', true) };
const unlinkFindingQuotes: Handler<Of<'unlinkFindingQuotes'>, Finding> = { writes: WRITES, reads: () => READ_ALL, plan: linkPlan('quotes', false) };

const createRecommendation: Handler<Of<'createRecommendation'>, Recommendation> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, cmd, ctx) {
    const f = findingOf(state, cmd.findingId);
    const rec = Recommendation.parse({
      id: ctx.newId(),
      projectId: ctx.projectId,
      findingId: f.id,
      text: recommendationText(cmd.text),
      order: nextOrder(state.recommendations.filter((r) => r.findingId === f.id)),
      createdAt: ctx.now,
    });
    return { ops: [put('recommendations', rec, true)], step: { label: `Add recommendation to “${shortLabel(f.title)}”` }, audit: { action: 'recommendation.create', ids: [rec.id, f.id] }, result: rec };
  },
};

const updateRecommendation: Handler<Of<'updateRecommendation'>, Recommendation> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, cmd) {
    const before = recommendationOf(state, cmd.recommendationId);
    const after = { ...before, text: recommendationText(cmd.text) };
    return { ops: [put('recommendations', after)], step: { label: 'Edit recommendation' }, audit: { action: 'recommendation.update', ids: [after.id] }, result: after };
  },
};

const deleteRecommendation: Handler<Of<'deleteRecommendation'>, { actions: number }> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, cmd) {
    const rec = recommendationOf(state, cmd.recommendationId);
    const acts = state.actions.filter((a) => a.recommendationId === rec.id);
    const ops = [...acts.map((a) => del('actions', a.id)), del('recommendations', rec.id)];
    return { ops, step: { label: 'Delete recommendation' }, audit: { action: 'recommendation.delete', ids: [rec.id], counts: { actions: acts.length } }, result: { actions: acts.length } };
  },
};

const reorderRecommendations: Handler<Of<'reorderRecommendations'>, string[]> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { findingId, recommendationIds }) {
    const f = findingOf(state, findingId);
    const mine = state.recommendations.filter((r) => r.findingId === f.id);
    const have = new Set(mine.map((r) => r.id));
    const given = new Set(recommendationIds);
    if (given.size !== recommendationIds.length || given.size !== have.size || recommendationIds.some((id) => !have.has(id))) {
      throw new Error('The new order must list every recommendation of the finding exactly once');
    }
    const ops: RowOp[] = [];
    recommendationIds.forEach((id, order) => {
      const r = mine.find((x) => x.id === id)!;
      if (r.order !== order) ops.push(put('recommendations', { ...r, order }));
    });
    return {
      ops,
      step: { label: `Reorder recommendations of “${shortLabel(f.title)}”` },
      audit: { action: 'recommendation.reorder', ids: [f.id, ...recommendationIds], counts: { recommendations: recommendationIds.length } },
      result: recommendationIds,
    };
  },
};

const createAction: Handler<Of<'createAction'>, Action> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, cmd, ctx) {
    const rec = recommendationOf(state, cmd.recommendationId);
    const action = checkedAction({
      id: ctx.newId(),
      projectId: ctx.projectId,
      findingId: rec.findingId,
      recommendationId: rec.id,
      recommendation: cmd.recommendation,
      owner: cmd.owner ?? '',
      status: cmd.status ?? 'proposed',
      ...(cmd.notActionedReason !== undefined ? { notActionedReason: cmd.notActionedReason } : {}),
      outcome: cmd.outcome ?? '',
      ...(cmd.due ? { due: cmd.due } : {}),
      createdAt: ctx.now,
    });
    return { ops: [put('actions', action, true)], step: { label: 'Add action' }, audit: { action: 'action.create', ids: [action.id, rec.id] }, result: action };
  },
};

const updateAction: Handler<Of<'updateAction'>, Action> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { actionId, patch }) {
    const before = actionOf(state, actionId);
    const { due, ...rest } = patch;
    const merged: Action = { ...before, ...rest };
    if (due === null || due === '') delete merged.due;
    else if (due !== undefined) merged.due = due;
    const after = checkedAction(merged);
    return { ops: [put('actions', after)], step: { label: 'Edit action' }, audit: { action: 'action.update', ids: [actionId] }, result: after };
  },
};

const deleteAction: Handler<Of<'deleteAction'>, null> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { actionId }) {
    actionOf(state, actionId);
    return { ops: [del('actions', actionId)], step: { label: 'Delete action' }, audit: { action: 'action.delete', ids: [actionId] }, result: null };
  },
};

const setActionStatus: Handler<Of<'setActionStatus'>, Action> = {
  writes: WRITES,
  reads: () => READ_ALL,
  plan(state, { actionId, status, reason }) {
    const before = actionOf(state, actionId);
    const next: Action = { ...before, status };
    if (reason !== undefined) next.notActionedReason = reason;
    const after = checkedAction(next);
    return { ops: [put('actions', after)], step: { label: `Mark action “${status}”` }, audit: { action: 'action.status', ids: [actionId] }, result: after };
  },
};

const setMethodCheck: Handler<Of<'setMethodCheck'>, string[]> = {
  writes: ['projects'],
  reads: () => ({ project: true }),
  plan(state, { checkId, done }, ctx) {
    if (!state.project) throw new Error(`No project with id ${ctx.projectId}`);
    if (!METHOD_CHECK_IDS.has(checkId)) throw new Error(`“${checkId}” is not an item of the method checklist`);
    const before = state.project.settings.methodChecks ?? [];
    const after = done ? [...new Set([...before, checkId])] : before.filter((id) => id !== checkId);
    const changed = after.length !== before.length;
    const project: Project = { ...state.project, settings: { ...state.project.settings, methodChecks: after } };
    return { ops: changed ? [put('projects', project)] : [], step: { label: `${done ? 'Tick' : 'Untick'} a method check` }, audit: { action: 'method.check', ids: [checkId], counts: { ticked: after.length } }, result: after };
  },
};

export const findingHandlers = {
  setMethodCheck,
  createFinding,
  updateFinding,
  deleteFinding,
  reorderFindings,
  linkFindingCodes,
  unlinkFindingCodes,
  linkFindingQuotes,
  unlinkFindingQuotes,
  createRecommendation,
  updateRecommendation,
  deleteRecommendation,
  reorderRecommendations,
  createAction,
  updateAction,
  deleteAction,
  setActionStatus,
};
