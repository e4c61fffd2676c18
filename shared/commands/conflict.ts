/**
 * Refusals that two windows on one project can cause. Each is its own error type so a screen can
 * tell them from other refusals: a `ChangedElsewhereError` offers "reload theirs / overwrite"; an
 * `UndoConflictError` explains why this window's Undo or Redo was refused.
 */

/** The row an editor started from was changed since (in another tab or window). Nothing was written. */
export class ChangedElsewhereError extends Error {
  override name = 'ChangedElsewhereError';
  constructor(
    readonly what: 'memo' | 'code',
    readonly id: string,
  ) {
    super(
      what === 'memo'
        ? 'This memo was changed elsewhere (another tab or window) after you started editing it. Reload their version or overwrite it with yours.'
        : 'This code was changed elsewhere (another tab or window) after you started editing it. Reload its details or overwrite them with yours.',
    );
  }
}

/** Undo or Redo in this window would revert (or overwrite) a later change made in another window. Nothing was written. */
export class UndoConflictError extends Error {
  override name = 'UndoConflictError';
  constructor(
    readonly which: 'undo' | 'redo',
    readonly label: string,
  ) {
    super(
      which === 'undo'
        ? `Not undone: ${label}. A later change made in another tab or window touched the same data, and undoing this here would revert that change.`
        : `Not redone: ${label}. A change made in another tab or window since touched the same data, and redoing this here would overwrite that change.`,
    );
  }
}

/** Whether `e` is a ChangedElsewhereError (also across realms, by name). */
export const isChangedElsewhere = (e: unknown): e is ChangedElsewhereError => e instanceof ChangedElsewhereError || (e as Error | null)?.name === 'ChangedElsewhereError';
export const isUndoConflict = (e: unknown): e is UndoConflictError => e instanceof UndoConflictError || (e as Error | null)?.name === 'UndoConflictError';
