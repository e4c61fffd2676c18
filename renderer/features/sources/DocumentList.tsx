import { useMemo, useState } from 'react';
import type { DocumentMeta, Source } from '../../../shared/model';
import { groupDocuments } from './groupDocuments';
import { SourceGroupView } from './SourceGroupView';

interface Props {
  sources: readonly Source[];
  documents: readonly DocumentMeta[];
  currentId: string | null;
  onOpen: (id: string) => void;
}

/** Sources → documents, with a title filter. */
export function DocumentList({ sources, documents, currentId, onOpen }: Props) {
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => groupDocuments(sources, documents, filter), [sources, documents, filter]);
  return (
    <nav className="document-list" aria-label="Sources and documents">
      <h2 className="pane-title">Sources</h2>
      <label className="visually-hidden" htmlFor="document-filter">
        Filter documents by title
      </label>
      <input
        id="document-filter"
        type="search"
        placeholder="Filter documents…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {groups.length === 0 && (
        <p className="empty">{documents.length === 0 ? 'This project has no documents yet.' : 'No documents match.'}</p>
      )}
      {groups.map((g) => (
        <SourceGroupView key={g.source.id} group={g} currentId={currentId} onOpen={onOpen} />
      ))}
    </nav>
  );
}
