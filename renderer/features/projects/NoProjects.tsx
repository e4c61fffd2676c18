import { useState } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { ensureDemoProject, type ChorusDb } from '../../db/api';
import { getPlatform } from '../../platform';
import { NewProjectDialog } from './NewProjectDialog';
import { pickAndOpenProject } from './projectFiles';

interface Props {
  db: ChorusDb;
  onCreate: (name: string, passphrase?: string) => Promise<void>;
  onOpened: (projectId: string) => void;
}

/** What the app shows when the store holds no project (e.g. after the last one was deleted). */
export function NoProjects({ db, onCreate, onOpened }: Props) {
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState('');
  const run = (work: () => Promise<string | null>) =>
    void work().then(
      (id) => id && onOpened(id),
      (e: unknown) => setStatus(`Nothing was opened: ${errorMessage(e)}`),
    );
  return (
    <main className="no-projects" id="document-area">
      <h2>No projects yet</h2>
      <p>Start a new project and import your survey exports and transcripts, or open a project file (.qdpx) from Chorus or another qualitative analysis tool.</p>
      <div className="no-projects__actions">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New project…
        </button>
        <button type="button" onClick={() => run(async () => (await pickAndOpenProject(db, getPlatform()))?.project.id ?? null)}>
          Open a project file…
        </button>
        <button type="button" onClick={() => run(async () => (await ensureDemoProject(db)).id)}>
          Add the fictional demo project
        </button>
      </div>
      <p role="status">{status}</p>
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreate={async (name, passphrase) => {
            await onCreate(name, passphrase);
            setCreating(false);
          }}
        />
      )}
    </main>
  );
}
