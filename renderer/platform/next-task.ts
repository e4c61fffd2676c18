/**
 * A task of its own, soon: a message to this window (or worker), not a zero-delay timer — timers
 * set from timers wait at least 4 ms, so long work cut into many small tasks by them waited longer
 * than it worked. Input and frames still come between two such tasks. One message channel serves
 * every caller, first asked first run; `cancel` drops a task not yet run.
 */
const queue: { run: () => void; live: boolean }[] = [];
let channel: MessageChannel | undefined;

function post(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const task = queue.shift();
      if (task?.live) task.run();
    };
    // (in Node — tests — an open port would keep the process alive; a browser has no unref)
    (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
  }
  channel.port2.postMessage(null);
}

export function nextTask(run: () => void): () => void {
  const task = { run, live: true };
  queue.push(task);
  post();
  return () => {
    task.live = false;
  };
}

/** The next task of its own, as a promise (to await between slices of long work). */
export const nextTaskTurn = (): Promise<void> => new Promise((resolve) => void nextTask(resolve));
