import { useCallback, useEffect, useRef, useState } from 'react';

export interface TreeState {
  focusedId: string | null;
  setFocusedId: (id: string | null) => void;
  /** Make `id` the focused item and move DOM focus to it. */
  focusItem: (id: string) => void;
  collapsed: ReadonlySet<string>;
  toggle: (id: string, open?: boolean) => void;
  renamingId: string | null;
  setRenamingId: (id: string | null) => void;
}

/** Focus, expansion and rename state of the codebook tree (roving tabindex). */
export function useTreeState(): TreeState {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null || renamingId !== null) return;
    pendingFocus.current = null;
    document.getElementById(`code-${id}`)?.focus();
  });

  const focusItem = useCallback((id: string) => {
    pendingFocus.current = id;
    setFocusedId(id);
  }, []);

  const toggle = useCallback((id: string, open?: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      const shouldOpen = open ?? next.has(id);
      if (shouldOpen) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  return { focusedId, setFocusedId, focusItem, collapsed, toggle, renamingId, setRenamingId };
}
