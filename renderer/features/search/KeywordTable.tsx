import { useState } from 'react';
import type { Code } from '../../../shared/model';
import type { CodeChoice } from './codeOptions';

/** Split "a, b; c" into trimmed keywords. */
export function parseKeywords(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((k) => k.trim()).filter(Boolean))];
}

interface Props {
  choices: readonly CodeChoice[];
  codes: ReadonlyMap<string, Code>;
  chosen: ReadonlySet<string>;
  onToggle: (codeId: string, on: boolean) => void;
  onSaveKeywords: (codeId: string, keywords: string[]) => void;
}

/** Each code with its keywords (editable) and whether keyword autocoding includes it. */
export function KeywordTable({ choices, codes, chosen, onToggle, onSaveKeywords }: Props) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <div className="keyword-table__wrap">
      <table className="keyword-table">
        <caption className="visually-hidden">Codes and their autocoding keywords</caption>
        <thead>
          <tr>
            <th scope="col">Use</th>
            <th scope="col">Code</th>
            <th scope="col">Keywords (separate with commas)</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((c) => {
            const code = codes.get(c.id);
            const saved = code?.keywords.join(', ') ?? '';
            const name = c.path.split(' › ').pop();
            return (
              <tr key={c.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Autocode ${c.path}`}
                    checked={chosen.has(c.id)}
                    disabled={!code || code.keywords.length === 0}
                    onChange={(e) => onToggle(c.id, e.target.checked)}
                  />
                </td>
                <th scope="row" style={{ paddingLeft: `${0.3 + c.depth}rem` }}>
                  {name}
                </th>
                <td>
                  <input
                    type="text"
                    aria-label={`Keywords for ${c.path}`}
                    value={drafts[c.id] ?? saved}
                    onChange={(e) => setDrafts({ ...drafts, [c.id]: e.target.value })}
                    onBlur={() => {
                      const draft = drafts[c.id];
                      if (draft !== undefined && parseKeywords(draft).join(', ') !== saved) onSaveKeywords(c.id, parseKeywords(draft));
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') e.currentTarget.blur();
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
