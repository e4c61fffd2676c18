import { useLiveQuery } from 'dexie-react-hooks';
import { countCodingsUnder, execute } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import type { Code } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import { plural } from '../../../shared/plural';


/** Confirm deleting a code: says how many codes (with subcodes) and codings go. */
export function DeleteCodeDialog({ code, onClose, onDone }: { code: Code; onClose: () => void; onDone: (message: string) => void }) {
  const db = useDb();
  const what = useLiveQuery(() => countCodingsUnder(db, code.id), [db, code.id]);
  const subcodes = what ? what.codes - 1 : 0;
  return (
    <Modal title={<>Delete “<bdi>{code.name}</bdi>”?</>} onClose={onClose}>
      {what === undefined ? (
        <p>Counting what would be deleted…</p>
      ) : (
        <p className="confirm-what">
          This deletes {plural(what.codes, 'code', 'codes')} (“<bdi>{code.name}</bdi>”{subcodes > 0 ? ` and ${plural(subcodes, 'subcode', 'subcodes')}` : ''}) and{' '}
          {plural(what.codings, 'coding', 'codings')}. The coded text itself is not changed. You can undo this with Undo.
        </p>
      )}
      <div className="modal__actions">
        <button
          type="button"
          className="danger"
          disabled={what === undefined}
          onClick={() =>
            void execute(db, code.projectId, { type: 'deleteCode', codeId: code.id }).then(
              ({ result: r }) => onDone(`Deleted ${plural(r.codes, 'code', 'codes')} and ${plural(r.codings, 'coding', 'codings')}.`),
              (e: unknown) => onDone(`Nothing was deleted: ${errorMessage(e)}`),
            )
          }
        >
          Delete
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
