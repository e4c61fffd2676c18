import type { ComponentType } from 'react';
import type { Project } from '../../shared/model';
import { ProjectWorkbench } from './ProjectWorkbench';
import { AnalyseWorkspace } from '../features/analysis/AnalyseWorkspace';
import { AgreementWorkspace } from '../features/agreement/AgreementWorkspace';
import { ImportWorkspace } from '../features/import/ImportWorkspace';
import { SurveyGrid } from '../features/grid/SurveyGrid';
import { SearchWorkspace } from '../features/search/SearchWorkspace';
import { SuggestWorkspace } from '../features/suggest/SuggestWorkspace';
import { FindingsWorkspace } from '../features/findings/FindingsWorkspace';
import { PacksWorkspace } from '../features/packs/PacksWorkspace';
import { GovernanceWorkspace } from '../features/governance/GovernanceWorkspace';
import { SafeguardingWorkspace } from '../features/safeguarding/SafeguardingWorkspace';
import { SafeguardBadge } from '../features/safeguarding/SafeguardBadge';

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
  { id: 'import', label: 'Import', Component: ImportWorkspace },
  { id: 'grid', label: 'Survey grid', Component: SurveyGrid },
  { id: 'search', label: 'Search & autocode', Component: SearchWorkspace, needsDocuments: true },
  { id: 'suggest', label: 'Suggestions', Component: SuggestWorkspace, needsDocuments: true },
  { id: 'analyse', label: 'Analyse', Component: AnalyseWorkspace, needsDocuments: true },
  { id: 'agreement', label: 'Agreement', Component: AgreementWorkspace, needsDocuments: true },
  { id: 'findings', label: 'Findings', Component: FindingsWorkspace },
  { id: 'packs', label: 'Packs', Component: PacksWorkspace },
  { id: 'safeguarding', label: 'Safeguarding', Component: SafeguardingWorkspace, Badge: SafeguardBadge },
  { id: 'governance', label: 'Data governance', Component: GovernanceWorkspace },
];
