/** Coding commands: apply codes to spans (one or many, one step), remove codings, in-vivo coding. */
import type { Code, Coding } from '../model';
import { paletteColour } from '../coding/palette';
import { del, put } from './codebook';
import type { Handler, PlanContext, RowOp, Snapshot } from './types';

/** A span to code, in the command's project. */
export interface SpanToCode {
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string;
}

export type CodingCommand =
  /** Apply codes to spans as ONE step (one span, autocode, "code all hits", accepting suggestions). */
  | { type: 'applyCodings'; spans: readonly SpanToCode[]; label?: string }
  /** Remove codings as ONE step; missing ids are ignored. */
  | { type: 'removeCodings'; codingIds: readonly string[]; label?: string }
  /** Create a code named from the selected text and apply it to the selection: ONE step. */
  | { type: 'inVivo'; name: string; documentId: string; start: number; end: number; coderId: string };

type Of<T extends CodingCommand['type']> = Extract<CodingCommand, { type: T }>;

function checkBounds({ start, end }: { start: number; end: number }) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new Error(`A coding needs 0 ≤ start < end (got ${start}–${end})`);
  }
}

/**
 * The codings for `spans`: every span is checked against its document and code first (nothing is
 * written if any is invalid); a span already coded identically (same place, code and coder) is
 * not duplicated — the existing coding is returned in its place.
 */
export function planCodings(state: Snapshot, spans: readonly SpanToCode[], ctx: PlanContext, extraCodes: readonly Code[] = []): { ops: RowOp[]; codings: Coding[] } {
  for (const s of spans) checkBounds(s);
  const docs = new Map(state.documents.map((d) => [d.id, d]));
  const codes = new Map([...state.codes, ...extraCodes].map((c) => [c.id, c]));
  const existing = new Map<string, Coding>();
  const placeKey = (c: { documentId: string; codeId: string; start: number; end: number; coderId: string }) => `${c.documentId}:${c.codeId}:${c.start}:${c.end}:${c.coderId}`;
  for (const c of state.codings) existing.set(placeKey(c), c);
  const ops: RowOp[] = [];
  const codings: Coding[] = [];
  for (const s of spans) {
    const doc = docs.get(s.documentId);
    if (!doc || doc.projectId !== ctx.projectId) throw new Error('No such document in this project');
    if (s.end > doc.length) throw new Error(`The span ${s.start}–${s.end} runs past the end of “${doc.title}” (${doc.length})`);
    const code = codes.get(s.codeId);
    if (!code || code.projectId !== ctx.projectId) throw new Error('No such code in this project');
    const same = existing.get(placeKey(s));
    if (same) {
      codings.push(same);
      continue;
    }
    const coding: Coding = { id: ctx.newId(), projectId: ctx.projectId, documentId: s.documentId, codeId: s.codeId, start: s.start, end: s.end, coderId: s.coderId, createdAt: ctx.now };
    existing.set(placeKey(coding), coding);
    ops.push(put('codings', coding, true));
    codings.push(coding);
  }
  return { ops, codings };
}

const placesOf = (spans: readonly SpanToCode[]) => [...new Map(spans.map((s) => [`${s.documentId}:${s.codeId}`, { documentId: s.documentId, codeId: s.codeId }])).values()];

const applyCodings: Handler<Of<'applyCodings'>, Coding[]> = {
  writes: ['codings'],
  reads: (cmd) => ({ codes: true, documentIds: [...new Set(cmd.spans.map((s) => s.documentId))], codingsAt: placesOf(cmd.spans) }),
  plan(state, cmd, ctx) {
    const { ops, codings } = planCodings(state, cmd.spans, ctx);
    const added = ops.length;
    return {
      ops,
      step: { label: cmd.label ?? (cmd.spans.length === 1 ? 'Apply code' : `Apply ${cmd.spans.length} codings`) },
      audit: { action: cmd.spans.length === 1 ? 'coding.add' : 'coding.add-many', ids: codings.map((c) => c.id), counts: { added, existing: codings.length - added } },
      result: codings,
    };
  },
};

const removeCodings: Handler<Of<'removeCodings'>, number> = {
  writes: ['codings'],
  reads: (cmd) => ({ codingIds: cmd.codingIds }),
  plan(state, cmd, ctx) {
    const wanted = new Set(cmd.codingIds);
    const rows = state.codings.filter((c) => wanted.has(c.id));
    for (const c of rows) if (c.projectId !== ctx.projectId) throw new Error('A coding to remove belongs to another project');
    return {
      ops: rows.map((c) => del('codings', c.id)),
      step: { label: cmd.label ?? (rows.length === 1 ? 'Remove coding' : `Remove ${rows.length} codings`) },
      audit: { action: rows.length === 1 ? 'coding.remove' : 'coding.remove-many', ids: rows.map((c) => c.id), counts: { removed: rows.length } },
      result: rows.length,
    };
  },
};

const inVivo: Handler<Of<'inVivo'>, { code: Code; coding: Coding }> = {
  writes: ['codes', 'codings'],
  reads: (cmd) => ({ codes: true, documentIds: [cmd.documentId] }),
  plan(state, cmd, ctx) {
    const name = cmd.name.replace(/\s+/g, ' ').trim();
    if (!name) throw new Error('Select some text to name the in-vivo code');
    const top = state.codes.filter((c) => c.parentId === null);
    const code: Code = {
      id: ctx.newId(),
      projectId: ctx.projectId,
      parentId: null,
      name: name.slice(0, 200),
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
      colour: paletteColour(state.codes.length),
      order: top.reduce((m, c) => Math.max(m, c.order), -1) + 1,
      keywords: [],
      createdAt: ctx.now,
    };
    const { ops, codings } = planCodings(state, [{ documentId: cmd.documentId, codeId: code.id, start: cmd.start, end: cmd.end, coderId: cmd.coderId }], ctx, [code]);
    return {
      ops: [put('codes', code, true), ...ops],
      step: { label: `In-vivo code “${code.name}”` },
      audit: { action: 'code.in-vivo', ids: [code.id, codings[0]!.id] },
      result: { code, coding: codings[0]! },
    };
  },
};

export const codingHandlers = { applyCodings, removeCodings, inVivo };
