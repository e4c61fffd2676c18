import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { execute, getDocuments, getDocumentText, getDocumentTexts, listCodings } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import type { Code } from '../../../shared/model';
import { snippet } from '../../../shared/coding/snippet';
import { errorMessage } from '../../../shared/error-message';

/** Split a code: name the new code and tick the codings that move to it. */
export function SplitCodeDialog({ code, onClose, onDone }: { code: Code; onClose: () => void; onDone: (message: string) => void }) {
  const db = useDb();
  const [name, setName] = useState(`${code.name} (2)`);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const rows = useLiveQuery(async () => {
    const codings = (await listCodings(db, { projectId: code.projectId, codeIds: [code.id] })).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
    // only the coded documents, read by id (not the project's list: a survey's is 875,000 long)
    const ids = [...new Set(codings.map((c) => c.documentId))];
    const docs = new Map((await getDocuments(db, ids)).flatMap((d) => (d ? [[d.id, d.title] as const] : [])));
    const texts = new Map<string, string>();
    const read = await getDocumentTexts(db, ids).catch(() => null);
    if (read) ids.forEach((id, i) => texts.set(id, read[i] ?? ''));
    else for (const id of ids) texts.set(id, await getDocumentText(db, id).catch(() => ''));
    return codings.map((c) => ({ id: c.id, doc: docs.get(c.documentId) ?? 'Unknown document', quote: snippet((texts.get(c.documentId) ?? '').slice(c.start, c.end), 90) }));
  }, [db, code.id, code.projectId]);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const split = async () => {
    try {
      const { result: fresh } = await execute(db, code.projectId, { type: 'splitCode', codeId: code.id, name, codingIds: [...chosen] });
      onDone(`Split “${code.name}”: ${chosen.size} ${chosen.size === 1 ? 'coding' : 'codings'} moved to “${fresh.name}”.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title={<>Split “<bdi>{code.name}</bdi>”</>} onClose={onClose}>
      <label htmlFor="split-name">Name of the new code</label>
      <input id="split-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <fieldset className="split-list">
        <legend>Codings that move to the new code</legend>
        {rows === undefined && <p>Loading codings…</p>}
        {rows?.length === 0 && <p className="empty">“<bdi>{code.name}</bdi>” has no codings; the new code will start empty.</p>}
        {rows?.map((r) => (
          <label key={r.id} className="split-list__item">
            <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
            <span>
              <q>{r.quote}</q> <span className="hint">— {r.doc}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {chosen.size} of {rows?.length ?? 0} chosen. The new code sits beside “<bdi>{code.name}</bdi>” with the same definition; edit it afterwards.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="primary" disabled={!name.trim()} onClick={() => void split()}>
          Split
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
