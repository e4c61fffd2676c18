import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, executeSetPassphrase, getSetting, listProjects, setSetting, type ChorusDb } from '../db/api';
import { newGuid } from '../../shared/model';
import type { Project } from '../../shared/model';

export interface CurrentProject {
  /** Undefined until the store has answered. */
  loaded: boolean;
  projects: Project[];
  project: Project | undefined;
  switchTo: (id: string) => void;
  /** Create a project (encrypted at rest when a passphrase is given) and open it. */
  create: (name: string, passphrase?: string) => Promise<void>;
}

/** The open project, remembered in the 'currentProjectId' setting; the demo when none is saved. */
export function useCurrentProject(db: ChorusDb): CurrentProject {
  const projects = useLiveQuery(() => listProjects(db), [db]);
  const [currentId, setCurrentId] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void getSetting<string>(db, 'currentProjectId').then((id) => {
      if (!cancelled) setCurrentId(id ?? '');
    });
    return () => {
      cancelled = true;
    };
  }, [db]);

  const switchTo = useCallback(
    (id: string) => {
      setCurrentId(id);
      void setSetting(db, 'currentProjectId', id);
    },
    [db],
  );

  const create = useCallback(
    async (name: string, passphrase?: string) => {
      const { result: p } = await execute(db, newGuid(), { type: 'createProject', name });
      // (a new project has no texts yet: this derives the key and writes the lock record)
      if (passphrase) await executeSetPassphrase(db, p.id, passphrase);
      switchTo(p.id);
    },
    [db, switchTo],
  );

  const list = projects ?? [];
  const project =
    currentId === null ? undefined : (list.find((p) => p.id === currentId) ?? list.find((p) => p.isDemo) ?? list[0]);
  return { loaded: projects !== undefined && currentId !== null, projects: list, project, switchTo, create };
}
