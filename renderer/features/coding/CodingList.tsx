import type { ShownCoding } from './types';
import { snippet } from './snippet';

interface Props {
  text: string;
  codings: readonly ShownCoding[];
  onRemove: (id: string) => void;
}

/** "Codings in this document": code, quoted snippet, coder, remove. */
export function CodingList({ text, codings, onRemove }: Props) {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <section className="coding-list" aria-labelledby="coding-list-title">
      <h2 id="coding-list-title" className="pane-title">
        Codings in this document <span className="count">({codings.length})</span>
      </h2>
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
