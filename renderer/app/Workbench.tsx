import { Suspense, useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasDocuments } from '../db/api';
import { ImportFirst } from './ImportFirst';
import { ProjectSwitcher } from '../features/projects/ProjectSwitcher';
import { useDb } from './dbContext';
import { DemoBanner } from './DemoBanner';
import { ShortcutsHelp } from './ShortcutsHelp';
import { UndoRedo } from './UndoRedo';
import { CoderSwitcher } from '../features/coders/CoderSwitcher';
import { useCurrentProject } from './useCurrentProject';
import { useGlobalShortcut } from './useGlobalShortcut';
import { WORKSPACES } from './workspaces';
import { WorkspaceNav } from './WorkspaceNav';
import { useWorkspaceRoute } from './useWorkspaceRoute';
import { OpenSurveyTables } from './useSurveyTablesOpened';
import { useProjectCommands } from '../features/projects/useProjectCommands';
import { NoProjects } from '../features/projects/NoProjects';
import { RetentionBanner } from '../features/governance/RetentionBanner';
import { BreakReminderBanner } from '../features/safeguarding/BreakReminderBanner';
import { ProjectLockGate } from '../features/security/ProjectLockGate';
import { SecurityControls } from '../features/security/SecurityControls';

const WORKSPACE_IDS = WORKSPACES.map((w) => w.id);

/** The application frame: header (project, workspaces, help), demo banner, and the current workspace. */
export function Workbench() {
  const db = useDb();
  const { loaded, projects, project, switchTo, create } = useCurrentProject(db);
  const [help, setHelp] = useState(false);
  const [workspaceId, go] = useWorkspaceRoute(WORKSPACE_IDS);
  const workspace = WORKSPACES.find((w) => w.id === workspaceId)!;
  const fileStatus = useProjectCommands(db, project, switchTo);
  const empty = useLiveQuery(async () => (project ? !(await hasDocuments(db, project.id)) : false), [db, project?.id]) ?? false;
  const [securityStatus, setSecurityStatus] = useState('');
  useGlobalShortcut(
    '?',
    useCallback(() => setHelp(true), []),
  );
  return (
    <div className="app">
      <a className="skip-link" href="#document-area">
        Skip to the document
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <h1 className="app-title">Chorus</h1>
          {project && <ProjectSwitcher projects={projects} currentId={project.id} onSwitch={switchTo} onCreate={create} />}
          <div className="app-header__spacer" />
          {project && <CoderSwitcher key={`coder:${project.id}`} projectId={project.id} />}
          {project && <UndoRedo key={`undo:${project.id}`} projectId={project.id} />}
          {project && <SecurityControls key={`lock:${project.id}`} db={db} projectId={project.id} projectName={project.name} onStatus={setSecurityStatus} />}
          <button type="button" className="link-button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Shortcuts
          </button>
        </div>
        <WorkspaceNav workspaces={WORKSPACES} current={workspaceId} onGo={go} projectId={project?.id} />
      </header>
      {(fileStatus || securityStatus) && (
        <p className="app-status" role="status">
          {fileStatus || securityStatus}
        </p>
      )}
      <BreakReminderBanner db={db} />
      {project?.isDemo && <DemoBanner />}
      {project && <RetentionBanner key={`retention:${project.id}`} db={db} projectId={project.id} onReview={() => go('governance')} />}
      {project && workspace.needsDocuments && empty ? (
        <main className="placeholder" id="document-area" tabIndex={-1}>
          <h2>{workspace.label}</h2>
          <ImportFirst />
        </main>
      ) : project ? (
        <ProjectLockGate key={project.id} db={db} projectId={project.id} projectName={project.name}>
          <Suspense
            fallback={
              <main className="loading" aria-busy="true">
                <p>Opening {workspace.label}…</p>
              </main>
            }
          >
            <workspace.Component key={`${project.id}:${workspace.id}`} project={project} />
          </Suspense>
          <OpenSurveyTables db={db} projectId={project.id} />
        </ProjectLockGate>
      ) : loaded && projects.length === 0 ? (
        <NoProjects db={db} onCreate={create} onOpened={switchTo} />
      ) : (
        <main className="loading" aria-busy="true">
          <p>Opening the project…</p>
        </main>
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
