/**
 * This tab's or window's session id: each has its own Undo and Redo (history entries carry the
 * session that made them). Kept in sessionStorage where there is one, so reloading a tab keeps its
 * steps; a fresh id per JavaScript realm otherwise (a worker, a test).
 */
import { newGuid } from '../../shared/model';

const KEY = 'chorus.windowSession';
let cached: string | undefined;

export function windowSession(): string {
  if (cached) return cached;
  try {
    const store = typeof sessionStorage !== 'undefined' ? sessionStorage : undefined;
    const saved = store?.getItem(KEY);
    cached = saved || newGuid();
    if (!saved) store?.setItem(KEY, cached);
  } catch {
    cached = newGuid();
  }
  return cached;
}
