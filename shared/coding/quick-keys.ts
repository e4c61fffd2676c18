/**
 * The one rule for the number keys 1–9, used by the Code workspace and the Survey grid alike:
 * keys 1–9 hold the first nine codes in codebook order (depth first, as the codebook lists them,
 * children right after their parent). Keys change only when the codebook itself changes (a code
 * is added, moved, reordered or deleted), never because a code was used, so a key pressed from
 * memory applies the code it showed a moment ago. Pure.
 */
import type { Code } from '../model';
import { buildCodeTree, type CodeNode } from './tree';

export const QUICK_KEY_COUNT = 9;

/** The codes on keys 1–9, in key order (index + 1 is the key). */
export function quickKeyCodes<C extends Code>(codes: readonly C[]): C[] {
  const out: C[] = [];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const walk = (nodes: readonly CodeNode[]) => {
    for (const n of nodes) {
      if (out.length === QUICK_KEY_COUNT) return;
      out.push(byId.get(n.code.id)!);
      walk(n.children);
    }
  };
  walk(buildCodeTree(codes));
  return out;
}

/** Code id → its key (1–9), for the badges shown next to codes. */
export function quickKeyMap(codes: readonly Code[]): Map<string, number> {
  return new Map(quickKeyCodes(codes).map((c, i) => [c.id, i + 1]));
}

/** What the keys do, in words (one sentence for hints and help). */
export const QUICK_KEY_RULE = 'Keys 1–9 apply the first nine codes in codebook order (shown as a number beside each code).';
