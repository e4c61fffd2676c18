import type { ShownCoding } from './types';
import { snippet } from './snippet';

interface Props {
  text: string;
  codings: readonly ShownCoding[];
  onRemove: (id: string) => void;
  /** Open the memo on a coding. */
  onMemo?: (coding: ShownCoding) => void;
  /** Ids of codings that have a memo. */
  memos?: ReadonlySet<string>;
  /** Blind mode is on: only the current coder's codings are listed. */
  blind?: boolean;
}

const NO_MEMOS: ReadonlySet<string> = new Set();

/** "Codings in this document": code, quoted snippet, coder, remove. */
export function CodingList({ text, codings, onRemove, onMemo, memos = NO_MEMOS, blind = false }: Props) {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <section className="coding-list" aria-labelledby="coding-list-title">
      <h2 id="coding-list-title" className="pane-title">
        Codings in this document <span className="count">({codings.length})</span>
      </h2>
      {blind && <p className="hint">Blind mode: only your own codings are shown.</p>}
      {sorted.length === 0 ? (
        <p className="empty">No codings yet. Select some text, then choose a code.</p>
      ) : (
        <ul>
          {sorted.map((c) => {
            const quote = snippet(text.slice(c.start, c.end), 70);
            return (
              <li key={c.id} className="coding-list__item">
                <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
                <div className="coding-list__body">
                  <span className="coding-list__code">{c.codeName}</span>
                  <q className="coding-list__quote">{quote}</q>
                </div>
                <abbr className="coding-list__coder" title={`Coded by ${c.coderName}`}>
                  {c.coderInitials}
                </abbr>
                {onMemo && (
                <button
                  type="button"
                  className={memos.has(c.id) ? 'memo-button memo-button--has' : 'memo-button'}
                  aria-label={`${memos.has(c.id) ? 'Edit the memo' : 'Add a memo'} on coding “${c.codeName}” of “${quote}”`}
                  title={memos.has(c.id) ? 'This coding has a memo: open it' : 'Add a memo to this coding'}
                  onClick={() => onMemo(c)}
                >
                  {memos.has(c.id) ? '✎' : '+✎'}
                </button>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove coding “${c.codeName}” from “${quote}”`}
                  title="Remove this coding"
                  onClick={() => onRemove(c.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
