import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SuggestionRow } from '../../workers/suggest-core';

interface Props {
  rows: readonly SuggestionRow[];
  names: ReadonlyMap<string, string>;
  active: number;
  onActive: (i: number) => void;
  onAccept: (row: SuggestionRow) => void;
  onReject: (row: SuggestionRow) => void;
  onOpen: (row: SuggestionRow) => void;
}

const optionId = (i: number) => `suggestion-${i}`;

/**
 * Suggestions as a listbox: arrows move, A accepts, R rejects, Enter opens the response.
 * The active row is also the target of the Accept/Reject buttons above the list.
 */
export function SuggestionList({ rows, names, active, onActive, onAccept, onReject, onOpen }: Props) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const current = rows[active];
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (e.key === 'ArrowDown') onActive(Math.min(rows.length - 1, active + 1));
    else if (e.key === 'ArrowUp') onActive(Math.max(0, active - 1));
    else if (e.key === 'Home') onActive(0);
    else if (e.key === 'End') onActive(rows.length - 1);
    else if (k === 'a' && current) onAccept(current);
    else if (k === 'r' && current) onReject(current);
    else if (e.key === 'Enter' && current) onOpen(current);
    else return;
    e.preventDefault();
  };
  return (
    <ul
      ref={ref}
      className="suggestions"
      role="listbox"
      aria-label="Suggestions (A accept, R reject, Enter open)"
      tabIndex={0}
      aria-activedescendant={current ? optionId(active) : undefined}
      onKeyDown={onKey}
    >
      {rows.map((r, i) => {
        const pct = Math.round(r.confidence * 100);
        return (
          <li
            key={`${r.documentId}|${r.codeId}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="suggestion"
            onClick={() => onActive(i)}
            onDoubleClick={() => onOpen(r)}
          >
            <span className="suggestion__head">
              <span className="suggestion__code">{names.get(r.codeId) ?? 'Deleted code'}</span>
              <span className="suggestion__confidence">
                <span className="suggestion__bar" aria-hidden="true">
                  <span style={{ width: `${pct}%` }} />
                </span>
                {pct}% confident
              </span>
            </span>
            <span className="suggestion__title">{r.title}</span>
            <span className="suggestion__snippet">{r.snippet}</span>
          </li>
        );
      })}
    </ul>
  );
}
