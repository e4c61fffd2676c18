/**
 * Request/reply over a long-lived module worker, and the same interface in-process (tests).
 * Each request carries an id; replies may arrive in any order. A worker that fails to start or
 * crashes rejects every pending request with a readable message.
 */
export interface Service<Req, Res> {
  call(req: Req): Promise<Res>;
  /** Start the worker now (loading its code) rather than at the first call. */
  start(): void;
  /**
   * Give the worker's memory back: stop it once the requests in flight are answered (none is
   * refused). A later call starts a fresh worker, which reads what it needs again.
   */
  release(): void;
  dispose(): void;
}

interface Envelope<T> {
  id: number;
  body: T;
}

export function workerService<Req, Res>(start: () => Worker): Service<Req, Res> {
  let worker: Worker | null = null;
  let next = 1;
  /** Stop the worker when the last request in flight is answered (release). */
  let releasing = false;
  const pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  const stop = () => {
    releasing = false;
    worker?.terminate();
    worker = null;
  };
  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    stop();
  };
  const ensure = () => {
    releasing = false;
    if (worker) return worker;
    const w = start();
    w.onmessage = (e: MessageEvent<Envelope<Res>>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (releasing && pending.size === 0) stop();
      p?.resolve(e.data.body);
    };
    w.onerror = (e) => failAll(`The background worker stopped: ${e.message || 'unknown error'}`);
    worker = w;
    return w;
  };
  return {
    call(req) {
      const id = next++;
      return new Promise<Res>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ensure().postMessage({ id, body: req } satisfies Envelope<Req>);
      });
    },
    start() {
      ensure();
    },
    release() {
      if (!worker) return;
      if (pending.size === 0) stop();
      else releasing = true;
    },
    dispose() {
      failAll('The background worker was closed');
    },
  };
}

/** The same interface, running the handler on this thread (tests, or where workers are unavailable). */
export function localService<Req, Res>(handle: (req: Req) => Promise<Res>): Service<Req, Res> {
  return { call: (req) => handle(req), start: () => undefined, release: () => undefined, dispose: () => undefined };
}

/** Inside a worker: answer each request with `handle`. */
export function serveRequests<Req, Res>(handle: (req: Req) => Promise<Res>): void {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope<Req>>) => void) | null; postMessage(m: Envelope<Res>): void };
  scope.onmessage = (e) => {
    const { id, body } = e.data;
    void handle(body).then((reply) => scope.postMessage({ id, body: reply }));
  };
}
