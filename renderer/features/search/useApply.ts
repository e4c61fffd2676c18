import { useState } from 'react';
import { addCodings, undo, type ChorusDb } from '../../db';
import type { AutocodeProposal } from '../../../shared/coding/autocode';
import { errorMessage } from '../../../shared/error-message';

export interface ApplyState {
  busy: boolean;
  message: string;
  /** True after a step this screen applied, until it is undone. */
  canUndo: boolean;
}

/** Apply proposals as ONE undoable step, with a message and an Undo for that step. */
export function useApply(db: ChorusDb, projectId: string) {
  const [state, setState] = useState<ApplyState>({ busy: false, message: '', canUndo: false });
  const apply = async (proposals: readonly AutocodeProposal[], coderId: string, label: string, done: (n: number) => string) => {
    setState({ busy: true, message: 'Applying…', canUndo: false });
    try {
      const out = await addCodings(
        db,
        proposals.map((p) => ({ projectId, documentId: p.documentId, codeId: p.codeId, start: p.start, end: p.end, coderId })),
        label,
      );
      setState({ busy: false, message: done(out.length), canUndo: out.length > 0 });
      return true;
    } catch (e) {
      setState({ busy: false, message: `Nothing was coded: ${errorMessage(e)}`, canUndo: false });
      return false;
    }
  };
  const undoLast = async () => {
    const label = await undo(db, projectId);
    setState({ busy: false, message: label ? `Undone: ${label}.` : 'There was nothing to undo.', canUndo: false });
  };
  return { ...state, apply, undoLast, say: (message: string) => setState((s) => ({ ...s, message })) };
}
