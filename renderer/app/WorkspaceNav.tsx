import type { Workspace } from './workspaces';

/** Tabs between workspaces (a nav of links, so each is reachable and bookmarkable). */
export function WorkspaceNav({ workspaces, current, onGo, projectId }: { workspaces: readonly Workspace[]; current: string; onGo: (id: string) => void; projectId?: string }) {
  return (
    <nav className="workspace-nav" aria-label="Workspaces">
      <ul>
        {workspaces.map((w) => (
          <li key={w.id}>
            <a
              href={`#/${w.id}`}
              aria-current={w.id === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onGo(w.id);
              }}
            >
              {w.label}
              {w.Badge && projectId && <w.Badge projectId={projectId} />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
