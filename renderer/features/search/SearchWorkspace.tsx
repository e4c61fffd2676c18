import { useMemo } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { useProjectData } from '../../app/useProjectData';
import type { SearchService } from '../../workers/search-client';
import { AutocodePanel } from './AutocodePanel';
import { codeChoices } from './codeOptions';
import { SearchPanel } from './SearchPanel';
import { useSearchService } from './useSearchService';
import './search.css';

/** The "Search & autocode" workspace: corpus search with "code all hits", and autocoding. */
export function SearchWorkspace({ project, service: given }: WorkspaceProps & { service?: SearchService }) {
  const db = useDb();
  const data = useProjectData(db, project.id);
  const { coder } = useCoder(db, project.id);
  const service = useSearchService(given);
  const choices = useMemo(() => codeChoices(data.codes), [data.codes]);
  return (
    <main className="search-workspace" id="document-area" tabIndex={-1}>
      <SearchPanel
        db={db}
        projectId={project.id}
        coderId={coder?.id}
        service={service}
        sources={data.sources}
        variables={data.variables}
        participants={data.participants}
        choices={choices}
      />
      <AutocodePanel
        db={db}
        projectId={project.id}
        coderId={coder?.id}
        service={service}
        codes={data.codes}
        documents={data.documents}
        variables={data.variables}
        participants={data.participants}
        choices={choices}
      />
    </main>
  );
}
