/**
 * Workers read and write project texts through their own copy of the storage codec, so the
 * unlocked key (a CryptoKey: structured-cloneable, still non-extractable) is handed to each
 * worker this window starts — first, before any job, and again whenever it is unlocked or
 * dropped. Messages on one port arrive in order, so no job runs with a stale key.
 */
import { activateKey, heldProjectKey, lockAll, subscribeKeyring } from '../db';
import type { AesKey } from '../../shared/crypto';

interface KeyMessage {
  type: 'chorus-key';
  held: { projectId: string; key: AesKey } | null;
}

/** Main thread: give `w` the key now and on every change; stop when it is terminated. */
export function withKey(w: Worker): Worker {
  const send = () => w.postMessage({ type: 'chorus-key', held: heldProjectKey() } satisfies KeyMessage);
  send();
  const off = subscribeKeyring(send);
  const terminate = w.terminate.bind(w);
  w.terminate = () => {
    off();
    terminate();
  };
  return w;
}

/** Inside a worker (call at the top, before its onmessage is set): take key messages, pass the rest on. */
export function receiveKey(): void {
  self.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as KeyMessage | undefined;
    if (m?.type !== 'chorus-key') return;
    e.stopImmediatePropagation();
    if (m.held) activateKey(m.held.projectId, m.held.key);
    else lockAll();
  });
}
