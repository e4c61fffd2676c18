import type { ComponentType } from 'react';
import type { Project } from '../../shared/model';
import { ProjectWorkbench } from './ProjectWorkbench';

export interface WorkspaceProps {
  project: Project;
}

export interface Workspace {
  /** Used in the URL hash (#/code), so a reload returns to the same place. */
  id: string;
  label: string;
  Component: ComponentType<WorkspaceProps>;
}

/** The workspaces in the order the navigation shows them. Add one line per workspace. */
export const WORKSPACES: Workspace[] = [
  { id: 'code', label: 'Code', Component: ProjectWorkbench },
];
