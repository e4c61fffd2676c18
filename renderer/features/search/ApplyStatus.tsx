/** The outcome of the last apply, announced politely, with an Undo button for that step. */
export function ApplyStatus({ message, canUndo, onUndo }: { message: string; canUndo: boolean; onUndo: () => void }) {
  return (
    <p className="apply-status" role="status" aria-live="polite">
      {message}
      {canUndo && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onUndo}>
            Undo the last coding step
          </button>
        </>
      )}
    </p>
  );
}
