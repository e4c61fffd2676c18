import { useState } from 'react';
import type { SourceGroup } from './groupDocuments';

const PAGE = 200;

interface Props {
  group: SourceGroup;
  currentId: string | null;
  onOpen: (id: string) => void;
}

export function SourceGroupView({ group, currentId, onOpen }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const { source, documents, total } = group;
  const headingId = `source-${source.id}`;
  const shown = documents.slice(0, limit);
  return (
    <section className="source-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="source-group__title">
        <span className="source-group__name">{source.name}</span>
        <span className="source-group__meta">
          {source.kind} · {documents.length === total ? total : `${documents.length} of ${total}`}
        </span>
      </h3>
      <ul className="source-group__docs">
        {shown.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="doc-link"
              aria-current={d.id === currentId ? 'page' : undefined}
              onClick={() => onOpen(d.id)}
            >
              {d.title}
            </button>
          </li>
        ))}
      </ul>
      {documents.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, documents.length - limit)} more
        </button>
      )}
    </section>
  );
}
