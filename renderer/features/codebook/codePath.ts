/** A code's path from its theme ("Contact › Kept informed"), for titles. */
import type { Code } from '../../../shared/model';

export function codePathText(codes: readonly Code[], id: string): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
    seen.add(c.id);
    names.unshift(c.name);
  }
  return names.join(' › ');
}
