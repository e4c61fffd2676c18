/**
 * Runs commands one at a time, in the order they were asked for: a second Ctrl+O pressed while an
 * export is still recording itself waits for it instead of being dropped. A failing run does not
 * stop the ones after it; after dispose() nothing further starts.
 */
export interface SerialRunner<T> {
  /** Queue a command; resolves when it has run (or was skipped because the runner was disposed). */
  push(command: T): Promise<void>;
  dispose(): void;
}

export function serialRunner<T>(run: (command: T) => Promise<void>): SerialRunner<T> {
  let tail: Promise<void> = Promise.resolve();
  let disposed = false;
  return {
    push(command) {
      tail = tail.then(() => (disposed ? undefined : run(command))).catch(() => undefined);
      return tail;
    },
    dispose() {
      disposed = true;
    },
  };
}
