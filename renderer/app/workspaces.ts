import { lazy, type ComponentType } from 'react';
import type { Project } from '../../shared/model';
import { ProjectWorkbench } from './ProjectWorkbench';
import { SafeguardBadge } from '../features/safeguarding/SafeguardBadge';

/**
 * A workspace whose code loads when it is first opened (its own chunk): the app's start evaluates
 * only the Code workspace and the shell, not every workspace and the libraries only they use
 * (spreadsheets, DOCX, REFI-QDA, sentiment lexicons). Measured on a 2-core machine with a cold
 * code cache: the main module's evaluation was a 167 ms task.
 */
function onDemand<K extends string>(load: () => Promise<Record<K, ComponentType<WorkspaceProps>>>, name: K): ComponentType<WorkspaceProps> {
  return lazy<ComponentType<WorkspaceProps>>(() => load().then((m) => ({ default: m[name] })));
}
export interface WorkspaceProps {
  project: Project;
}

export interface Workspace {
  /** Used in the URL hash (#/code), so a reload returns to the same place. */
  id: string;
  label: string;
  Component: ComponentType<WorkspaceProps>;
  /** Works on imported text: in a project with none, the Import empty state is shown instead. */
  needsDocuments?: boolean;
  /** A count beside the tab (e.g. flags waiting for review). */
  Badge?: ComponentType<{ projectId: string }>;
}

/** The workspaces in the order the navigation shows them. Add one line per workspace. */
export const WORKSPACES: Workspace[] = [
  { id: 'code', label: 'Code', Component: ProjectWorkbench },
  { id: 'import', label: 'Import', Component: onDemand(() => import('../features/import/ImportWorkspace'), 'ImportWorkspace') },
  { id: 'grid', label: 'Survey grid', Component: onDemand(() => import('../features/grid/SurveyGrid'), 'SurveyGrid') },
  { id: 'search', label: 'Search & autocode', Component: onDemand(() => import('../features/search/SearchWorkspace'), 'SearchWorkspace'), needsDocuments: true },
  { id: 'suggest', label: 'Suggestions', Component: onDemand(() => import('../features/suggest/SuggestWorkspace'), 'SuggestWorkspace'), needsDocuments: true },
  { id: 'analyse', label: 'Analyse', Component: onDemand(() => import('../features/analysis/AnalyseWorkspace'), 'AnalyseWorkspace'), needsDocuments: true },
  { id: 'agreement', label: 'Agreement', Component: onDemand(() => import('../features/agreement/AgreementWorkspace'), 'AgreementWorkspace'), needsDocuments: true },
  { id: 'findings', label: 'Findings', Component: onDemand(() => import('../features/findings/FindingsWorkspace'), 'FindingsWorkspace') },
  { id: 'packs', label: 'Packs', Component: onDemand(() => import('../features/packs/PacksWorkspace'), 'PacksWorkspace') },
  { id: 'safeguarding', label: 'Safeguarding', Component: onDemand(() => import('../features/safeguarding/SafeguardingWorkspace'), 'SafeguardingWorkspace'), Badge: SafeguardBadge },
  { id: 'governance', label: 'Data governance', Component: onDemand(() => import('../features/governance/GovernanceWorkspace'), 'GovernanceWorkspace') },
];
