import { useState } from 'react';
import { Modal } from '../../app/Modal';
import type { MergePrefer } from '../../../shared/exchange/merge';
import type { Project } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import type { ChorusDb } from '../../db/api';
import { getPlatform, type PickedFile } from '../../platform';
import type { MergePreview } from '../../workers/project-file-client';
import { applyProjectMerge, previewProjectMerge, PROJECT_FILE_TYPES } from './projectFiles';

interface Props {
  db: ChorusDb;
  project: Project;
  onClose: () => void;
  onDone: (message: string) => void;
}

const n = (x: number, one: string, many = `${one}s`) => `${x.toLocaleString('en-GB')} ${x === 1 ? one : many}`;

/**
 * Bring another coder's .qdpx into the open project: what it would add and its conflicts are shown
 * first (nothing is written), the user decides any conflicts, then it is written as one Undo step.
 */
export function MergeProjectDialog({ db, project, onClose, onDone }: Props) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [prefer, setPrefer] = useState<MergePrefer | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const look = async (f: PickedFile, p: MergePrefer | undefined) => {
    setBusy(true);
    setStatus(`Reading “${f.name}”…`);
    try {
      setPreview(await previewProjectMerge(db, project, f, p));
      setStatus('');
    } catch (e) {
      setPreview(null);
      setStatus(`Nothing was merged: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const choose = async () => {
    const [f] = await getPlatform().openFiles({ title: 'Merge a coder’s project (.qdpx)', accept: PROJECT_FILE_TYPES, multiple: false });
    if (!f) return;
    setFile(f);
    setPrefer(undefined);
    await look(f, undefined);
  };
  const merge = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      await applyProjectMerge(db, project, file.name, preview);
      const s = preview.summary;
      onDone(`Merged “${file.name}”: ${n(s.codings.added, 'coding')} and ${n(s.sources.added, 'document')} added. Undo reverts the whole merge.`);
    } catch (e) {
      setStatus(`Nothing was merged: ${errorMessage(e)}`);
      setBusy(false);
    }
  };

  const s = preview?.summary;
  return (
    <Modal title={<>Merge a coder’s project into “<bdi>{project.name}</bdi>”</>} onClose={onClose}>
      <p>
        Choose a .qdpx exported by another coder (from Chorus or another REFI-QDA tool). Documents are matched by their text, codes by id and
        then by name and place in the codebook; each coder’s codings stay under their own name. Nothing is written until you confirm.
      </p>
      <button type="button" onClick={() => void choose()} disabled={busy}>
        {file ? 'Choose another file…' : 'Choose a project file…'}
      </button>
      {file && s && preview && (
        <section aria-labelledby="merge-preview-title" className="merge-preview">
          <h3 id="merge-preview-title">What merging “<bdi>{file.name}</bdi>” would do</h3>
          <table className="projects-table">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Already here</th>
                <th scope="col">Added</th>
                <th scope="col">Conflicts</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Documents</th>
                <td>{s.sources.matched.toLocaleString('en-GB')}</td>
                <td>{s.sources.added.toLocaleString('en-GB')}</td>
                <td>{preview.conflicts.filter((c) => c.kind === 'source').length}</td>
              </tr>
              <tr>
                <th scope="row">Codes</th>
                <td>{s.codes.matched.toLocaleString('en-GB')}</td>
                <td>{s.codes.added.toLocaleString('en-GB')}</td>
                <td>{s.codes.conflicts}</td>
              </tr>
              <tr>
                <th scope="row">Codings</th>
                <td>{s.codings.duplicates.toLocaleString('en-GB')}</td>
                <td>{s.codings.added.toLocaleString('en-GB')}</td>
                <td>–</td>
              </tr>
              <tr>
                <th scope="row">Candidate quotes</th>
                <td>{s.quotes.matched.toLocaleString('en-GB')}</td>
                <td>{s.quotes.added.toLocaleString('en-GB')}</td>
                <td>–</td>
              </tr>
              <tr>
                <th scope="row">Edited pack templates</th>
                <td>{s.packTemplates.kept.toLocaleString('en-GB')}</td>
                <td>{s.packTemplates.added.toLocaleString('en-GB')}</td>
                <td>–</td>
              </tr>
            </tbody>
          </table>
          {s.quotes.dropped > 0 && (
            <p className="merge-preview__notes">
              {n(s.quotes.dropped, 'candidate quote')} will not come across: the document or coded segment it was taken from is not in the file.
            </p>
          )}
          {s.packTemplates.kept > 0 && <p className="merge-preview__notes">Where both projects edited the same audience’s pack template, this project’s wording is kept.</p>}
          {preview.warnings.length > 0 && <p className="merge-preview__notes">Notes on reading the file: {preview.warnings.slice(0, 3).join(' ')}</p>}
          {preview.conflicts.length > 0 && (
            <fieldset className="merge-preview__conflicts">
              <legend>{n(preview.conflicts.length, 'conflict')} to decide</legend>
              <ul>
                {preview.conflicts.slice(0, 20).map((c) => (
                  <li key={`${c.kind}:${c.id}`}>{c.message}</li>
                ))}
                {preview.conflicts.length > 20 && <li>…and {preview.conflicts.length - 20} more.</li>}
              </ul>
              <label>
                <input type="radio" name="merge-prefer" checked={prefer === 'first'} disabled={busy} onChange={() => (setPrefer('first'), void look(file, 'first'))} /> Keep
                this project’s code names and places
              </label>
              <label>
                <input type="radio" name="merge-prefer" checked={prefer === 'last'} disabled={busy} onChange={() => (setPrefer('last'), void look(file, 'last'))} /> Take the
                names and places from “<bdi>{file.name}</bdi>”
              </label>
              <p>A document whose text differs is kept in both versions, so no coding is lost.</p>
            </fieldset>
          )}
        </section>
      )}
      <p role="status" className="projects-dialog__status">
        {status}
      </p>
      <div className="modal__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || !preview || preview.unresolved} onClick={() => void merge()}>
          Merge
        </button>
      </div>
    </Modal>
  );
}
