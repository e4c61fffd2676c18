import { useState } from 'react';
import type { Project } from '../../../shared/model';
import { NewProjectDialog } from './NewProjectDialog';

interface Props {
  projects: readonly Project[];
  currentId: string;
  onSwitch: (id: string) => void;
  onCreate: (name: string) => Promise<void>;
}

export function ProjectSwitcher({ projects, currentId, onSwitch, onCreate }: Props) {
  const [creating, setCreating] = useState(false);
  return (
    <div className="project-switcher">
      <label htmlFor="project-select">Project</label>
      <div className="project-switcher__row">
        <select id="project-select" value={currentId} onChange={(e) => onSwitch(e.target.value)}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.isDemo ? `${p.name} (demo)` : p.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setCreating(true)}>
          New project
        </button>
      </div>
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreate={async (name) => {
            await onCreate(name);
            setCreating(false);
          }}
        />
      )}
    </div>
  );
}
