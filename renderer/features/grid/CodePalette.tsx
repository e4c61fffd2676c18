import { memo } from 'react';
import type { Code } from '../../../shared/model';

interface Props {
  /** The codes on keys 1–9 (shared/coding/quick-keys.ts), in key order. */
  codes: readonly Code[];
  /** Responses with each code, over all responses. */
  counts: ReadonlyMap<string, number>;
  /** Codes the current coder has applied to the whole selected answer. */
  applied: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (codeId: string) => void;
}

/** The codes under the number keys 1–9, each with its key badge and how many responses have it. */
export const CodePalette = memo(function CodePalette({ codes, counts, applied, disabled, onToggle }: Props) {
  return (
    <section className="grid-palette" aria-labelledby="grid-palette-title">
      <h2 id="grid-palette-title" className="visually-hidden">
        Numbered codes
      </h2>
      <ol>
        {codes.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className="grid-palette__code"
              aria-pressed={applied.has(c.id)}
              aria-keyshortcuts={String(i + 1)}
              disabled={disabled}
              title={`Press ${i + 1} to apply or remove “${c.name}” on the whole selected answer`}
              onClick={() => onToggle(c.id)}
            >
              <kbd>{i + 1}</kbd>
              <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
              <bdi className="grid-palette__name">{c.name}</bdi>
              <span className="grid-palette__count">
                {counts.get(c.id) ?? 0}
                <span className="visually-hidden"> responses</span>
              </span>
              {applied.has(c.id) && <span className="grid-palette__tick" aria-hidden="true">✓</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
});
