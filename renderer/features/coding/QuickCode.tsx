import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CodeOption } from './types';

interface Props {
  codes: readonly CodeOption[];
  snippet: string;
  onApply: (codeId: string) => void;
  onClose: () => void;
  /** Extra actions for the selection (in-vivo code, uncode). */
  actions?: ReactNode;
}

const MAX_OPTIONS = 50;

/** Type to filter the codebook, ↓/↑ to choose, Enter to apply to the selection. */
export function QuickCode({ codes, snippet, onApply, onClose, actions }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('en-GB');
    const hits = q ? codes.filter((c) => c.path.toLocaleLowerCase('en-GB').includes(q)) : codes;
    // Names that start with the query come first.
    return [...hits]
      .sort((a, b) => Number(!a.name.toLocaleLowerCase('en-GB').startsWith(q)) - Number(!b.name.toLocaleLowerCase('en-GB').startsWith(q)))
      .slice(0, MAX_OPTIONS);
  }, [codes, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  return (
    <div className="quick-code" role="group" aria-label="Quick code">
      <label htmlFor="quick-code-input">
        Apply a code to “<span className="quick-code__snippet">{snippet}</span>”
      </label>
      <input
        ref={inputRef}
        id="quick-code-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-code-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? `quick-code-${current.id}` : undefined}
        autoComplete="off"
        placeholder="Type to filter codes, Enter to apply (Alt+1–9: numbered codes)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          // Plain digits type into the filter (code names such as "101 waiting times" start with
          // one); Alt+1–9 applies a numbered code from here. In the text itself plain 1–9 apply.
          const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
          const numbered = digit && e.altKey && !e.ctrlKey && !e.metaKey ? codes.find((c) => c.shortcut === Number(digit)) : undefined;
          if (numbered) {
            e.preventDefault();
            onApply(numbered.id);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (current) onApply(current.id);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <ul id="quick-code-list" role="listbox" aria-label="Matching codes">
        {matches.map((c) => (
          <li
            key={c.id}
            id={`quick-code-${c.id}`}
            role="option"
            aria-selected={c === current}
            className={c === current ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onApply(c.id)}
          >
            <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
            {c.path}
            {c.shortcut !== undefined && <kbd className="quick-code__key">{c.shortcut}</kbd>}
          </li>
        ))}
        {matches.length === 0 && <li className="empty">No code matches “{query}”.</li>}
      </ul>
      <div className="quick-code__actions">
        {actions}
        <button type="button" className="link-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
