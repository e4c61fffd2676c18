import { useState } from 'react';
import type { Project } from '../../../shared/model';
import { useDb } from '../../app/dbContext';
import { NewProjectDialog } from './NewProjectDialog';
import { ProjectsDialog, projectLabel } from './ProjectsDialog';
import { AuditLogDialog } from '../audit/AuditLogDialog';

interface Props {
  projects: readonly Project[];
  currentId: string;
  onSwitch: (id: string) => void;
  onCreate: (name: string, passphrase?: string) => Promise<void>;
}

export function ProjectSwitcher({ projects, currentId, onSwitch, onCreate }: Props) {
  const db = useDb();
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState(false);
  const [auditing, setAuditing] = useState(false);
  const current = projects.find((p) => p.id === currentId);
  return (
    <div className="project-switcher">
      <label htmlFor="project-select">Project</label>
      <div className="project-switcher__row">
        <select id="project-select" value={currentId} onChange={(e) => onSwitch(e.target.value)}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {projectLabel(p)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setCreating(true)}>
          New project
        </button>
        <button type="button" onClick={() => setManaging(true)}>
          Projects…
        </button>
        <button type="button" onClick={() => setAuditing(true)} disabled={!current}>
          Audit log…
        </button>
      </div>
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreate={async (name, passphrase) => {
            await onCreate(name, passphrase);
            setCreating(false);
          }}
        />
      )}
      {auditing && current && <AuditLogDialog projectId={current.id} projectName={current.name} onClose={() => setAuditing(false)} />}
      {managing && <ProjectsDialog db={db} projects={projects} currentId={currentId} onSwitch={onSwitch} onClose={() => setManaging(false)} />}
    </div>
  );
}
