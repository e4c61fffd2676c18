/**
 * "You said, we did": each finding as what participants told us, and each of its actions as what
 * we did, are doing, are considering, or could not do and why — in plain language for the public
 * pack and the Findings workspace. Pure.
 */
import type { Action, ActionStatus, Finding, Recommendation } from '../model';

export type WeDidKind = 'we did' | 'we are doing' | 'we are considering' | 'we could not';

export interface WeDid {
  actionId: string;
  kind: WeDidKind;
  /** What was (or will be) done: the outcome once done, otherwise the action. */
  text: string;
  /** For "we could not": why. */
  reason?: string;
  /** For "we are doing" with a due date: by when (YYYY-MM-DD). */
  due?: string;
}

export interface YouSaid {
  findingId: string;
  /** What participants told us: the finding's statement. */
  said: string;
  did: WeDid[];
}

const KIND: Record<ActionStatus, WeDidKind> = { done: 'we did', 'in progress': 'we are doing', agreed: 'we are doing', proposed: 'we are considering', 'not actioned': 'we could not' };
const ORDER: WeDidKind[] = ['we did', 'we are doing', 'we are considering', 'we could not'];

/** Findings in their order, each with its actions grouped done → doing → considering → could not. Findings without actions are left out. */
export function youSaidWeDid(findings: readonly Finding[], recommendations: readonly Recommendation[], actions: readonly Action[]): YouSaid[] {
  const recOrder = new Map(recommendations.map((r) => [r.id, r.order]));
  return [...findings]
    .sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt))
    .map((f) => {
      const mine = actions
        .filter((a) => a.findingId === f.id)
        .sort((a, b) => ORDER.indexOf(KIND[a.status]) - ORDER.indexOf(KIND[b.status]) || (recOrder.get(a.recommendationId ?? '') ?? 0) - (recOrder.get(b.recommendationId ?? '') ?? 0) || a.createdAt.localeCompare(b.createdAt));
      const did = mine.map((a): WeDid => {
        const kind = KIND[a.status];
        const text = kind === 'we did' && a.outcome.trim() ? a.outcome.trim() : a.recommendation.trim();
        return { actionId: a.id, kind, text, ...(kind === 'we could not' ? { reason: a.notActionedReason?.trim() ?? '' } : {}), ...(kind === 'we are doing' && a.due ? { due: a.due.slice(0, 10) } : {}) };
      });
      return { findingId: f.id, said: f.title, did };
    })
    .filter((x) => x.did.length > 0);
}

export const WE_DID_HEADING: Record<WeDidKind, string> = { 'we did': 'We did', 'we are doing': 'We are doing', 'we are considering': 'We are considering', 'we could not': 'We could not' };

/**
 * One "we did" line as plain text, word for word as the Findings workspace shows it (and the public
 * pack prints it): "We did: …", "We are doing: … (by 2026-03-31)", "We could not: …. Why not: …".
 * `date` formats the due date (the workspace shows it as YYYY-MM-DD).
 */
export function weDidLine(d: WeDid, date: (iso: string) => string = (iso) => iso): string {
  const due = d.due ? ` (by ${date(d.due)})` : '';
  const why = d.kind === 'we could not' ? `. Why not: ${d.reason ?? ''}` : '';
  return `${WE_DID_HEADING[d.kind]}: ${d.text}${due}${why}`;
}
