import type { KeyboardEvent } from 'react';
import type { KwicRow } from '../../workers/search-core';

/** Keyword-in-context lines; each opens its document at the hit. Arrow keys move between lines. */
export function KwicList({ rows, onOpen }: { rows: readonly KwicRow[]; onOpen: (row: KwicRow) => void }) {
  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.kwic-row')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
    buttons[next]?.focus();
    e.preventDefault();
  };
  return (
    <ol className="kwic" aria-label="Search results" onKeyDown={move}>
      {rows.map((r) => (
        <li key={`${r.documentId}:${r.start}`}>
          <button type="button" className="kwic-row" onClick={() => onOpen(r)} title={`Open ${r.title} at this hit`}>
            <span className="kwic-row__line">
              <span className="kwic-row__left">
                <span dir="ltr">{r.left}</span>
              </span>
              <strong className="kwic-row__match">{r.match}</strong>
              <span className="kwic-row__right">{r.right}</span>
            </span>
            <span className="kwic-row__meta">
              {r.title}
              {r.sourceName && <> · {r.sourceName}</>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
