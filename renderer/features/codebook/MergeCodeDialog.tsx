import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { execute, listCodings } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import { planMerge } from '../../../shared/coding/codebook-ops';
import { buildCodeTree, descendantIds, flattenTree } from '../../../shared/coding/tree';
import type { Code } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import { plural } from '../../../shared/plural';


/** Merge the code into another: choose the target, see what will happen, confirm. */
export function MergeCodeDialog({ code, codes, onClose, onDone }: { code: Code; codes: readonly Code[]; onClose: () => void; onDone: (message: string) => void }) {
  const db = useDb();
  const [targetId, setTargetId] = useState('');
  const options = useMemo(() => {
    const below = descendantIds(codes, code.id);
    return flattenTree(buildCodeTree(codes)).filter((n) => !below.has(n.code.id));
  }, [codes, code.id]);
  const target = codes.find((c) => c.id === targetId);
  // (only the two codes' codings: what the merge moves or joins)
  const codings = useLiveQuery(() => listCodings(db, { projectId: code.projectId, codeIds: target ? [code.id, target.id] : [code.id] }), [db, code.projectId, code.id, target?.id]);
  const preview = useMemo(() => {
    if (!target || !codings) return null;
    const plan = planMerge(codes, codings, code.id, target.id, () => 'preview', new Date().toISOString());
    const moving = codings.filter((c) => c.codeId === code.id).length;
    const involved = codings.filter((c) => c.codeId === code.id || c.codeId === target.id).length;
    const after = involved - plan.remove.length + plan.add.length;
    return { moving, joined: involved - after, subcodes: plan.updateCodes.length };
  }, [target, codings, codes, code.id]);
  return (
    <Modal title={<>Merge “<bdi>{code.name}</bdi>” into another code</>} onClose={onClose}>
      <label htmlFor="merge-target">Merge into</label>
      <select id="merge-target" value={targetId} onChange={(e) => setTargetId(e.target.value)}>
        <option value="">Choose a code…</option>
        {options.map((n) => (
          <option key={n.code.id} value={n.code.id}>
            {'\u00a0\u00a0'.repeat(n.depth) + n.code.name}
          </option>
        ))}
      </select>
      {target && preview && (
        <p className="confirm-what" aria-live="polite">
          {plural(preview.moving, 'coding', 'codings')} of “<bdi>{code.name}</bdi>” will move to “<bdi>{target.name}</bdi>”.{' '}
          {preview.joined > 0
            ? `${plural(preview.joined, 'coding overlaps', 'codings overlap')} text the same coder already coded, so they will be joined (no text is lost or coded twice). `
            : 'None overlap codings already in the target. '}
          {preview.subcodes > 0 ? `${plural(preview.subcodes, 'subcode moves', 'subcodes move')} under “${target.name}”. ` : ''}“<bdi>{code.name}</bdi>” is then removed. You can undo
          this with Undo.
        </p>
      )}
      <div className="modal__actions">
        <button
          type="button"
          className="primary"
          disabled={!target}
          onClick={() =>
            target &&
            void execute(db, code.projectId, { type: 'mergeCodes', sourceId: code.id, targetId: target.id }).then(
              ({ result: r }) => onDone(`Merged “${code.name}” into “${target.name}”: ${plural(r.moved, 'coding', 'codings')} moved${r.joined ? `, ${r.joined} joined` : ''}.`),
              (e: unknown) => onDone(`Nothing was merged: ${errorMessage(e)}`),
            )
          }
        >
          Merge
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
