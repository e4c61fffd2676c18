import type { CodeCountMaps, CodeCounts } from '../../../shared/coding/counts';
import { plural } from '../../../shared/plural';

export type { CodeCountMaps };

const ZERO: CodeCounts = { codings: 0, documents: 0, participants: 0 };
const describe = (c: CodeCounts) =>
  `${plural(c.codings, 'coding', 'codings')} in ${plural(c.documents, 'document', 'documents')}, from ${plural(c.participants, 'participant', 'participants')}`;

/** What the count beside a code shows, and the tooltip that explains it. */
export function countsText(counts: CodeCountMaps, id: string, hasChildren: boolean, collapsed: boolean): { shown: number; rolled: boolean; tip: string } {
  const own = counts.own.get(id) ?? ZERO;
  const rolled = counts.rolled.get(id) ?? ZERO;
  const useRolled = hasChildren && collapsed;
  const tip = hasChildren
    ? `This code: ${describe(own)}. With its subcodes: ${describe(rolled)}.${useRolled ? ' The number shown includes the subcodes (Σ).' : ''}`
    : `${describe(own)}.`;
  return { shown: useRolled ? rolled.codings : own.codings, rolled: useRolled, tip };
}
