import { useEffect, useRef } from 'react';

interface Props {
  initial: string;
  /** The new name, and the name the field started from (so the rename can be refused if it changed elsewhere meanwhile). */
  onCommit: (name: string, from: string) => void;
  onCancel: () => void;
}

/** Inline name editor: Enter or leaving the field saves, Escape cancels. */
export function RenameField({ initial, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const from = useRef(initial);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    const name = ref.current?.value.trim() ?? '';
    if (name && name !== from.current) onCommit(name, from.current);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="rename-field"
      aria-label="Code name"
      defaultValue={initial}
      maxLength={200}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={commit}
    />
  );
}
