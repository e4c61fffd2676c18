import { useState } from 'react';
import { Modal } from '../../app/Modal';
import type { Project } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import { deleteProject, type ChorusDb } from '../../db/api';
import { getPlatform } from '../../platform';
import { MergeProjectDialog } from './MergeProjectDialog';
import { OpenSealedDialog, SealProjectDialog } from './SealedDialogs';
import { duplicateProject, exportProjectFile, openedMessage, pickAndOpenProject, renameProject } from './projectFiles';

interface Props {
  db: ChorusDb;
  projects: readonly Project[];
  currentId: string;
  onSwitch: (id: string) => void;
  onClose: () => void;
}

type Mode =
  | { kind: 'list' }
  | { kind: 'rename'; project: Project }
  | { kind: 'delete'; project: Project }
  | { kind: 'merge'; project: Project }
  | { kind: 'seal'; project: Project }
  | { kind: 'open-sealed' };

/** How a project is named in lists: the demo says so. */
export const projectLabel = (p: Project) => (p.isDemo ? `${p.name} (demo)` : p.name);

/** Every project on this computer: open, rename, duplicate, export (.qdpx) or delete one; open a project file. */
export function ProjectsDialog({ db, projects, currentId, onSwitch, onClose }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const current = projects.find((p) => p.id === currentId);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (what: string, work: () => Promise<string | null>) => {
    setBusy(true);
    setStatus(`${what}…`);
    try {
      const done = await work();
      setStatus(done ?? '');
    } catch (e) {
      setStatus(`${what} failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (mode.kind === 'rename') return <RenameProject db={db} project={mode.project} onDone={(m) => (setStatus(m), setMode({ kind: 'list' }))} />;
  if (mode.kind === 'merge') {
    return <MergeProjectDialog db={db} project={mode.project} onClose={() => setMode({ kind: 'list' })} onDone={(m) => (setStatus(m), setMode({ kind: 'list' }))} />;
  }
  if (mode.kind === 'seal') return <SealProjectDialog db={db} project={mode.project} onDone={(m) => (setStatus(m), setMode({ kind: 'list' }))} />;
  if (mode.kind === 'open-sealed') return <OpenSealedDialog db={db} onOpened={onSwitch} onDone={(m) => (setStatus(m), setMode({ kind: 'list' }))} />;
  if (mode.kind === 'delete') {
    const p = mode.project;
    const fallback = projects.find((q) => q.id !== p.id);
    return (
      <Modal title={<>Delete “<bdi>{p.name}</bdi>”?</>} onClose={() => setMode({ kind: 'list' })}>
        <p className="confirm-what">
          This deletes the project from this computer: its sources, documents, codes, codings, memos and findings. It cannot be undone.
          Export it first if you may need it again.
        </p>
        <div className="modal__actions">
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run('Deleting', async () => {
                if (p.id === currentId && fallback) onSwitch(fallback.id);
                await deleteProject(db, p.id);
                setMode({ kind: 'list' });
                return `Deleted “${p.name}”.`;
              })
            }
          >
            Delete project
          </button>
          <button type="button" onClick={() => setMode({ kind: 'list' })}>
            Cancel
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Projects" onClose={onClose}>
      <div className="projects-dialog__top">
        <button
          type="button"
          disabled={busy}
          aria-keyshortcuts="Control+O"
          onClick={() =>
            void run('Opening', async () => {
              const opened = await pickAndOpenProject(db, getPlatform());
              if (!opened) return null;
              onSwitch(opened.project.id);
              return openedMessage(opened);
            })
          }
        >
          Open project file…
        </button>
        <button type="button" disabled={busy} onClick={() => setMode({ kind: 'open-sealed' })}>
          Open sealed (.chorus)…
        </button>
        {current && (
          <button type="button" disabled={busy} onClick={() => setMode({ kind: 'merge', project: current })}>
            Merge a coder’s project into this one…
          </button>
        )}
        {current && (
          <button type="button" disabled={busy} onClick={() => setMode({ kind: 'seal', project: current })}>
            Export sealed (.chorus)…
          </button>
        )}
      </div>
      <table className="projects-table">
        <caption className="visually-hidden">Projects on this computer</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Changed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} aria-current={p.id === currentId ? 'true' : undefined}>
              <th scope="row">
                {projectLabel(p)}
                {p.id === currentId && <span className="projects-table__open"> (open)</span>}
              </th>
              <td>{p.updatedAt.slice(0, 10)}</td>
              <td className="projects-table__actions">
                <button type="button" disabled={busy || p.id === currentId} onClick={() => (onSwitch(p.id), onClose())} aria-label={`Open ${projectLabel(p)}`}>
                  Open
                </button>
                <button type="button" disabled={busy} onClick={() => setMode({ kind: 'rename', project: p })} aria-label={`Rename ${projectLabel(p)}`}>
                  Rename…
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Duplicate ${projectLabel(p)}`}
                  onClick={() =>
                    void run('Duplicating', async () => {
                      const copy = await duplicateProject(db, p, projects.map((q) => q.name));
                      return `Made “${copy.name}”.`;
                    })
                  }
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Export ${projectLabel(p)} as a .qdpx file`}
                  onClick={() =>
                    void run('Exporting', async () => ((await exportProjectFile(db, getPlatform(), p)) ? `Exported “${p.name}” as a .qdpx file.` : null))
                  }
                >
                  Export…
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => setMode({ kind: 'delete', project: p })} aria-label={`Delete ${projectLabel(p)}`}>
                  Delete…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="projects-dialog__status">
        {status}
      </p>
      <div className="modal__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function RenameProject({ db, project, onDone }: { db: ChorusDb; project: Project; onDone: (message: string) => void }) {
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={<>Rename “<bdi>{project.name}</bdi>”</>} onClose={() => onDone('')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          renameProject(db, project.id, name).then(
            () => onDone(`Renamed to “${name.trim()}”.`),
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <label htmlFor="rename-project-name">New name</label>
        <input
          id="rename-project-name"
          value={name}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'rename-project-error' : undefined}
          onChange={(e) => (setName(e.target.value), setError(null))}
        />
        {error && (
          <p id="rename-project-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={() => onDone('')}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Rename
          </button>
        </div>
      </form>
    </Modal>
  );
}
