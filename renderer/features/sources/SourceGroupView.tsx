import { memo } from 'react';
import type { SourceGroup } from './groupDocuments';

/** Fixed row heights (px), kept equal to the CSS in sources.css so the virtual list needs no measuring. */
export const HEADER_HEIGHT = 48;
export const ROW_HEIGHT = 44;

const count = (n: number) => n.toLocaleString('en-GB');

/** What a source's header says: its name, kind and how many documents are shown. */
function HeaderText({ group, expanded }: { group: SourceGroup; expanded: boolean }) {
  const { source, documents, total } = group;
  const shown = documents.length === total ? `${count(total)} ${total === 1 ? 'document' : 'documents'}` : `${count(documents.length)} of ${count(total)}`;
  return (
    <>
      <span className="source-group__chevron" aria-hidden="true">
        {expanded ? '▾' : '▸'}
      </span>
      <span className="source-group__text">
        <bdi className="source-group__name">{source.name}</bdi>
        <span className="source-group__meta">
          {source.kind} · {shown}
        </span>
      </span>
    </>
  );
}

interface HeaderProps {
  group: SourceGroup;
  index: number;
  expanded: boolean;
  /** The list's one tab stop. */
  tabbable: boolean;
  onToggle: (sourceId: string) => void;
}

/** A source's header row: a button that collapses or expands its documents. */
export const SourceHeader = memo(function SourceHeader({ group, index, expanded, tabbable, onToggle }: HeaderProps) {
  return (
    <h3 className="source-group__title">
      <button
        type="button"
        className="source-group__toggle"
        data-index={index}
        aria-expanded={expanded}
        tabIndex={tabbable ? 0 : -1}
        title={group.source.name}
        onClick={() => onToggle(group.source.id)}
      >
        <HeaderText group={group} expanded={expanded} />
      </button>
    </h3>
  );
});

/**
 * The header of the source the view is inside, pinned to the top of the list while its own
 * header is scrolled away. For the mouse only (the real header is a keyboard stop), so it is
 * hidden from assistive technology.
 */
export function PinnedHeader({ group, onCollapse }: { group: SourceGroup; onCollapse: (sourceId: string) => void }) {
  return (
    <div className="source-group__pinned" aria-hidden="true">
      <button type="button" className="source-group__pin-button" tabIndex={-1} title={`${group.source.name}: collapse`} onClick={() => onCollapse(group.source.id)}>
        <HeaderText group={group} expanded />
      </button>
    </div>
  );
}

interface RowProps {
  /** The document's id and title (not the document: a survey answer's is made afresh for each render, which would defeat the memo). */
  id: string;
  title: string;
  index: number;
  position: number;
  setSize: number;
  current: boolean;
  tabbable: boolean;
  onOpen: (id: string) => void;
}

/** A document row: a button that opens the document. */
export const DocumentRow = memo(function DocumentRow({ id, title, index, position, setSize, current, tabbable, onOpen }: RowProps) {
  return (
    <li aria-setsize={setSize} aria-posinset={position + 1}>
      <button
        type="button"
        className="doc-link"
        data-index={index}
        aria-current={current ? 'page' : undefined}
        tabIndex={tabbable ? 0 : -1}
        title={title}
        onClick={() => onOpen(id)}
      >
        <bdi>{title}</bdi>
      </button>
    </li>
  );
});
