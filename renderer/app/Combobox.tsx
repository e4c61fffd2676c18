import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface ComboboxProps<T> {
  /** The input's id (for its <label htmlFor>); the listbox's and the options' ids are made from it. */
  id: string;
  /** The input's text: what was typed, or the chosen option's label. */
  value: string;
  onInput: (value: string) => void;
  /**
   * The options to show now (already filtered; a few dozen at most). Keep the same array while
   * they are the same: a new one makes the active option the first (autoSelect) or none again.
   */
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  /** The listbox's accessible name ("Matching codes"). */
  listLabel: string;
  /** Shown instead of the list when there is no option (plain text beside the listbox, not in it). */
  empty?: ReactNode;
  /** A line above the options (how many match): a polite live region. */
  status?: ReactNode;
  /**
   * undefined: the list is always shown (inline, as in the quick-code box). Otherwise the list is
   * a popup, shown while `open`: typing, ↓, ↑ or a click opens it; Escape, a choice or leaving
   * the input closes it (through onOpenChange).
   */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The first option is active whenever the options change, so Enter takes it (list autocomplete
   * with automatic selection). Otherwise nothing is active until ↓ or ↑ moves to an option, and
   * Enter takes only that (manual selection: for choices that matter).
   */
  autoSelect?: boolean;
  /** Escape when there is no popup to close. */
  onEscape?: () => void;
  /** Keys the owner handles before the combobox's own; return true when handled. */
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => boolean;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
}

/**
 * A text input that filters a list to choose from: the WAI-ARIA 1.2 combobox pattern with a
 * listbox (focus stays in the input; the active option is aria-activedescendant). ↓/↑ move,
 * Enter chooses, Escape closes; a click chooses. Options are plain React text (never HTML).
 */
export function Combobox<T>({
  id,
  value,
  onInput,
  options,
  optionKey,
  renderOption,
  onChoose,
  listLabel,
  empty,
  status,
  open,
  onOpenChange,
  autoSelect = false,
  onEscape,
  onKeyDown,
  inputRef,
  placeholder,
  disabled,
  className,
}: ComboboxProps<T>) {
  const popup = open !== undefined;
  const shown = !popup || open;
  const none = autoSelect ? 0 : -1;
  const [active, setActive] = useState(none);
  // A new list of options: back to the first option (autoSelect) or none.
  const [optionsSeen, setOptionsSeen] = useState(options);
  if (optionsSeen !== options) {
    setOptionsSeen(options);
    setActive(none);
  }
  const index = active < 0 || options.length === 0 ? -1 : Math.min(active, options.length - 1);
  const current = index < 0 ? undefined : options[index];
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  // The option moved to with ↓/↑ is scrolled into the list's view (only then: nothing else scrolls).
  const listRef = useRef<HTMLUListElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    // (jsdom has no scrollIntoView)
    if (index >= 0) listRef.current?.children[index]?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  const setOpen = (o: boolean) => {
    if (popup && o !== open) onOpenChange?.(o);
  };
  const choose = (o: T) => {
    onChoose(o);
    setOpen(false);
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (onKeyDown?.(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) return setOpen(true);
      if (e.key === 'ArrowUp' && e.altKey) return setOpen(false);
      if (e.altKey || options.length === 0) return;
      const last = options.length - 1;
      moved.current = true;
      setActive(e.key === 'ArrowDown' ? (index < 0 ? 0 : Math.min(index + 1, last)) : index < 0 ? last : Math.max(index - 1, 0));
    } else if (e.key === 'Enter') {
      if (!shown) return;
      e.preventDefault();
      if (current !== undefined) choose(current);
    } else if (e.key === 'Escape') {
      if (popup && open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else if (onEscape) {
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }
    }
  };

  return (
    <div className={['combobox', popup ? 'combobox--popup' : '', className ?? ''].filter(Boolean).join(' ')}>
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && index >= 0 ? optionId(index) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        disabled={disabled}
        value={value}
        onChange={(e) => {
          onInput(e.target.value);
          setActive(none);
          setOpen(true);
        }}
        onKeyDown={keyDown}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {/* (mouse down anywhere in the popup keeps the focus in the input: a click chooses, the scroll bar scrolls) */}
      <div className="combobox__popup" hidden={!shown} onMouseDown={(e) => e.preventDefault()}>
        {status !== undefined && (
          <p className="combobox__status" aria-live="polite">
            {shown ? status : null}
          </p>
        )}
        <ul ref={listRef} id={listId} role="listbox" aria-label={listLabel} className="combobox__list">
          {shown &&
            options.map((o, i) => (
              <li
                key={optionKey(o)}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                className={i === index ? 'combobox__option active' : 'combobox__option'}
                onClick={() => choose(o)}
              >
                {renderOption(o)}
              </li>
            ))}
        </ul>
        {shown && options.length === 0 && empty !== undefined && <p className="combobox__empty">{empty}</p>}
      </div>
    </div>
  );
}
