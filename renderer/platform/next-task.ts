/**
 * A task of its own, soon: a message to this window (or worker), not a zero-delay timer — timers
 * set from timers wait at least 4 ms, so long work cut into many small tasks by them waited longer
 * than it worked. Input and frames still come between two such tasks. `cancel` drops it.
 */
export function nextTask(run: () => void): () => void {
  let live = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) run();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    channel.port1.close();
  };
}

/** The next task of its own, as a promise (to await between slices of long work). */
export const nextTaskTurn = (): Promise<void> => new Promise((resolve) => void nextTask(resolve));
