import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Combobox } from '../../app/Combobox';
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

/** Type to filter the codebook, ↓/↑ to choose, Enter to apply to the selection (the first match unless ↓/↑ moved). */
export function QuickCode({ codes, snippet, onApply, onClose, actions }: Props) {
  const [query, setQuery] = useState('');
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

  return (
    <div className="quick-code" role="group" aria-label="Quick code">
      <label htmlFor="quick-code-input">
        Apply a code to “<span className="quick-code__snippet">{snippet}</span>”
      </label>
      <Combobox
        id="quick-code-input"
        inputRef={inputRef}
        autoSelect
        placeholder="Type to filter codes, Enter to apply (Alt+1–9: numbered codes)"
        value={query}
        onInput={setQuery}
        options={matches}
        optionKey={(c) => c.id}
        renderOption={(c) => (
          <>
            <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
            {c.path}
            {c.shortcut !== undefined && <kbd className="quick-code__key">{c.shortcut}</kbd>}
          </>
        )}
        onChoose={(c) => onApply(c.id)}
        listLabel="Matching codes"
        empty={<>No code matches “{query}”.</>}
        onEscape={onClose}
        onKeyDown={(e) => {
          // Plain digits type into the filter (code names such as "101 waiting times" start with
          // one); Alt+1–9 applies a numbered code from here. In the text itself plain 1–9 apply.
          const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
          const numbered = digit && e.altKey && !e.ctrlKey && !e.metaKey ? codes.find((c) => c.shortcut === Number(digit)) : undefined;
          if (!numbered) return false;
          e.preventDefault();
          onApply(numbered.id);
          return true;
        }}
      />
      <div className="quick-code__actions">
        {actions}
        <button type="button" className="link-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
