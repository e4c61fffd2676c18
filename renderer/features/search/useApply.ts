import { useState } from 'react';
import { execute, type ChorusDb } from '../../db/api';
import type { AutocodeProposal } from '../../../shared/coding/autocode';
import { errorMessage } from '../../../shared/error-message';

export interface ApplyState {
  busy: boolean;
  message: string;
  /** True after a step this screen applied, until it is undone. */
  canUndo: boolean;
}

/**
 * Apply proposals as ONE undoable step, with a message and an Undo for exactly that step (a later
 * edit elsewhere, such as a keyword change, is never what this Undo reverts).
 */
export function useApply(db: ChorusDb, projectId: string) {
  const [state, setState] = useState<ApplyState & { step: number | null }>({ busy: false, message: '', canUndo: false, step: null });
  const apply = async (proposals: readonly AutocodeProposal[], coderId: string, label: string, done: (n: number) => string) => {
    setState({ busy: true, message: 'Applying…', canUndo: false, step: null });
    try {
      const spans = proposals.map((p) => ({ documentId: p.documentId, codeId: p.codeId, start: p.start, end: p.end, coderId }));
      const { result, step } = await execute(db, projectId, { type: 'applyCodings', spans, label });
      setState({ busy: false, message: done(result.length), canUndo: step !== null, step });
      return true;
    } catch (e) {
      setState({ busy: false, message: `Nothing was coded: ${errorMessage(e)}`, canUndo: false, step: null });
      return false;
    }
  };
  const undoLast = async () => {
    if (state.step === null) return;
    try {
      const { result: label } = await execute(db, projectId, { type: 'undo', step: state.step });
      setState({ busy: false, message: label ? `Undone: ${label}.` : 'There was nothing to undo.', canUndo: false, step: null });
    } catch (e) {
      setState((s) => ({ ...s, message: errorMessage(e) }));
    }
  };
  return { busy: state.busy, message: state.message, canUndo: state.canUndo, apply, undoLast, say: (message: string) => setState((s) => ({ ...s, message })) };
}
