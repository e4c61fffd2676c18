/**
 * The survey grid's selection: one cell, a response (row position in the shown order) × a question
 * column (index among the shown question columns). Keys move it; a number key codes the answer in
 * it. Pure, so a burst of keys is applied one after another to the cursor each key left behind.
 */
export interface Cursor {
  position: number;
  question: number;
}

export interface CursorBounds {
  rows: number;
  questions: number;
  /** Rows per page (PageUp/PageDown). */
  page: number;
}

const ROW_MOVES: Record<string, (page: number) => number> = {
  ArrowDown: () => 1,
  ArrowUp: () => -1,
  PageDown: (p) => p,
  PageUp: (p) => -p,
};

/** Whether `key` moves the cursor (so the grid handles it and keeps it from scrolling the page). */
export const isCursorKey = (key: string) => key in ROW_MOVES || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';

/** The cursor after a key (null when there is nothing to select). Home/End go to the first/last response. */
export function moveCursor(c: Cursor | null, key: string, bounds: CursorBounds): Cursor | null {
  if (bounds.rows <= 0) return null;
  const clampRow = (p: number) => Math.max(0, Math.min(bounds.rows - 1, p));
  const clampQ = (q: number) => Math.max(0, Math.min(Math.max(0, bounds.questions - 1), q));
  const at = c ? { position: clampRow(c.position), question: clampQ(c.question) } : null;
  if (!at) return isCursorKey(key) ? { position: 0, question: 0 } : null;
  const rowMove = ROW_MOVES[key];
  if (rowMove) return { ...at, position: clampRow(at.position + rowMove(Math.max(1, bounds.page))) };
  if (key === 'ArrowLeft') return { ...at, question: clampQ(at.question - 1) };
  if (key === 'ArrowRight') return { ...at, question: clampQ(at.question + 1) };
  if (key === 'Home') return { ...at, position: 0 };
  if (key === 'End') return { ...at, position: bounds.rows - 1 };
  return at;
}
