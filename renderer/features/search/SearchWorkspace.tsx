import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listDocumentView } from '../../db/api';
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

/** The lists this workspace reads whole (not a survey's documents: 875,000 of them at 500,000 responses). */
const LISTS = ['sources', 'participants', 'variables', 'codes'] as const;
const NONE: never[] = [];

/** The "Search & autocode" workspace: corpus search with "code all hits", and autocoding. */
export function SearchWorkspace({ project, service: given }: WorkspaceProps & { service?: SearchService }) {
  const db = useDb();
  const data = useProjectData(db, project.id, LISTS);
  // (the speakers' documents: those stored one by one, not a survey's answers, which have none)
  const documents = useLiveQuery(() => listDocumentView(db, project.id), [db, project.id]);
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
        documents={documents?.stored ?? NONE}
        variables={data.variables}
        participants={data.participants}
        choices={choices}
      />
    </main>
  );
}
