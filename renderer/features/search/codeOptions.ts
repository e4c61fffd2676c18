import type { Code } from '../../../shared/model';

export interface CodeChoice {
  id: string;
  /** "Theme › Subcode". */
  path: string;
  depth: number;
}

/** Codes in codebook order (depth first, by `order`), each with its path, for pickers and tables. */
export function codeChoices(codes: readonly Code[]): CodeChoice[] {
  const children = new Map<string | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(c);
  }
  const out: CodeChoice[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, prefix: string, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const path = prefix ? `${prefix} › ${c.name}` : c.name;
      out.push({ id: c.id, path, depth });
      walk(c.id, path, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}
