/** Agreement commands: resolving a disagreement between coders, assigning documents to coders. */
import { del } from './codebook';
import { planCodings, type SpanToCode } from './coding';
import type { Handler } from './types';

export type AgreementCommand =
  /**
   * Resolve one disagreement as ONE step: `accept` copies the code to the coders who had not
   * applied it (`add`), `reject` removes it from those who had (`remove`). `code` names the code
   * for the step's label. (h10-agree may extend this with a stored consensus decision.)
   */
  | { type: 'resolveDisagreement'; decision: 'accept' | 'reject'; code: string; add: readonly SpanToCode[]; remove: readonly string[] }
  /**
   * Assign documents to a coder (or take them away). The assignment store and this handler are
   * h10-agree's work: the type is fixed here so the UI and CLI can be written against it.
   */
  | { type: 'setAssignment'; coderId: string; documentIds: readonly string[]; assigned: boolean };

type Of<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>;

const resolveDisagreement: Handler<Of<'resolveDisagreement'>, { added: number; removed: number }> = {
  writes: ['codings'],
  reads: (cmd) => ({
    codes: true,
    documentIds: [...new Set(cmd.add.map((s) => s.documentId))],
    codingsAt: cmd.add.map((s) => ({ documentId: s.documentId, codeId: s.codeId })),
    codingIds: cmd.remove,
  }),
  plan(state, cmd, ctx) {
    const gone = new Set(cmd.remove);
    const removing = state.codings.filter((c) => gone.has(c.id));
    for (const c of removing) if (c.projectId !== ctx.projectId) throw new Error('A coding to remove belongs to another project');
    const { ops } = planCodings({ ...state, codings: state.codings.filter((c) => !gone.has(c.id)) }, cmd.add, ctx);
    const added = ops.length;
    return {
      ops: [...removing.map((c) => del('codings', c.id)), ...ops],
      step: { label: cmd.decision === 'accept' ? `Accept “${cmd.code}” for all coders` : `Reject “${cmd.code}”` },
      audit: { action: `agreement.${cmd.decision}`, ids: [...ops.map((o) => o.key), ...removing.map((c) => c.id)], counts: { added, removed: removing.length } },
      result: { added, removed: removing.length },
    };
  },
};

const setAssignment: Handler<Of<'setAssignment'>, never> = {
  writes: [],
  reads: () => ({}),
  plan() {
    throw new Error('Assigning documents to coders is not available yet');
  },
};

export const agreementHandlers = { resolveDisagreement, setAssignment };
