/** Ids in a new order: `id` moved one place up (−1) or down (+1); unchanged at either end or when absent. Pure. */
export function movedIds(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
