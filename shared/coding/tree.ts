/** Codebook tree operations over a flat list of codes (parentId links). Pure. */
import type { Code } from '../model';

export interface CodeNode {
  code: Code;
  children: CodeNode[];
  depth: number;
}

/** Build the ordered tree. Codes whose parent is missing, or that sit in a cycle, become roots. */
export function buildCodeTree(codes: readonly Code[]): CodeNode[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const kids = new Map<string | null, Code[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && byId.has(c.parentId) && !inCycle(c, byId) ? c.parentId : null;
    let list = kids.get(parent);
    if (!list) kids.set(parent, (list = []));
    list.push(c);
  }
  const sortCodes = (a: Code, b: Code) => a.order - b.order || a.name.localeCompare(b.name, 'en-GB');
  const build = (parent: string | null, depth: number): CodeNode[] =>
    (kids.get(parent) ?? []).sort(sortCodes).map((code) => ({ code, depth, children: build(code.id, depth + 1) }));
  return build(null, 0);
}

function inCycle(c: Code, byId: Map<string, Code>): boolean {
  const seen = new Set<string>([c.id]);
  let p = c.parentId;
  while (p !== null) {
    if (seen.has(p)) return true;
    seen.add(p);
    p = byId.get(p)?.parentId ?? null;
  }
  return false;
}

/** Ids of `id` and every code below it. */
export function descendantIds(codes: readonly Code[], id: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) (kids.get(c.parentId) ?? kids.set(c.parentId, []).get(c.parentId)!).push(c.id);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const x = stack.pop()!;
    if (out.has(x)) continue;
    out.add(x);
    stack.push(...(kids.get(x) ?? []));
  }
  return out;
}

/** Ids of the ancestors of `id`, nearest first. */
export function ancestorIds(codes: readonly Code[], id: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out: string[] = [];
  let p = byId.get(id)?.parentId ?? null;
  while (p !== null && !out.includes(p)) {
    out.push(p);
    p = byId.get(p)?.parentId ?? null;
  }
  return out;
}

/** Whether `parentId` is a legal new parent for `id` (not itself nor one of its descendants). */
export function canMoveUnder(codes: readonly Code[], id: string, parentId: string | null): boolean {
  return parentId === null || !descendantIds(codes, id).has(parentId);
}

/** Flatten a tree depth-first (the order a tree view shows it). */
export function flattenTree(nodes: readonly CodeNode[]): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (ns: readonly CodeNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
