import { useEffect, useRef } from 'react';

interface Props {
  initial: string;
  onCommit: (name: string) => void;
  onCancel: () => void;
}

/** Inline name editor: Enter or leaving the field saves, Escape cancels. */
export function RenameField({ initial, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    const name = ref.current?.value.trim() ?? '';
    if (name && name !== initial) onCommit(name);
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
