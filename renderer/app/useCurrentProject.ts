import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, getSetting, listProjects, setSetting, type ChorusDb } from '../db/api';
import { newGuid } from '../../shared/model';
import type { Project } from '../../shared/model';

export interface CurrentProject {
  /** Undefined until the store has answered. */
  loaded: boolean;
  projects: Project[];
  project: Project | undefined;
  switchTo: (id: string) => void;
  create: (name: string) => Promise<void>;
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
    async (name: string) => {
      const { result: p } = await execute(db, newGuid(), { type: 'createProject', name });
      switchTo(p.id);
    },
    [db, switchTo],
  );

  const list = projects ?? [];
  const project =
    currentId === null ? undefined : (list.find((p) => p.id === currentId) ?? list.find((p) => p.isDemo) ?? list[0]);
  return { loaded: projects !== undefined && currentId !== null, projects: list, project, switchTo, create };
}
