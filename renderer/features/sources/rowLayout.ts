import type { DocumentMeta } from '../../../shared/model';
import type { SourceGroup } from './groupDocuments';

/** One row of the flat (virtualised) list: a source's header, or one of its documents. */
export type ListRow =
  | { kind: 'source'; index: number; group: SourceGroup; expanded: boolean }
  | { kind: 'document'; index: number; group: SourceGroup; doc: DocumentMeta; /** 0-based place in the group's documents. */ position: number };

/**
 * The rows of all groups in one flat list (each header followed by its documents unless the
 * source is collapsed), addressed by index without building an array of rows: O(sources) to
 * build, O(log sources) per row.
 */
export interface RowLayout {
  readonly count: number;
  /** The source headers' rows, ascending (one per source listed). */
  readonly headers: readonly number[];
  rowAt(index: number): ListRow;
  /** Whether row `index` is a source header (cheaper than rowAt). */
  isHeader(index: number): boolean;
  /** The row of a document, or -1 when it is filtered out, unknown, or its source is collapsed. */
  indexOfDocument(id: string): number;
  /** The header row of a source, or -1 when the source is not listed. */
  indexOfSource(id: string): number;
}

export function layoutRows(groups: readonly SourceGroup[], collapsed: ReadonlySet<string>): RowLayout {
  const starts: number[] = [];
  const expanded: boolean[] = [];
  let count = 0;
  for (const g of groups) {
    const open = !collapsed.has(g.source.id);
    starts.push(count);
    expanded.push(open);
    count += 1 + (open ? g.documents.length : 0);
  }
  /** The group whose rows include `index` (the last start ≤ index). */
  const groupAt = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const check = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`Row ${index} is outside the list of ${count} rows`);
  };
  return {
    count,
    headers: starts,
    rowAt(index) {
      check(index);
      const gi = groupAt(index);
      const group = groups[gi]!;
      const offset = index - starts[gi]!;
      if (offset === 0) return { kind: 'source', index, group, expanded: expanded[gi]! };
      return { kind: 'document', index, group, doc: group.documents.at(offset - 1), position: offset - 1 };
    },
    isHeader(index) {
      check(index);
      return starts[groupAt(index)] === index;
    },
    indexOfDocument(id) {
      for (let gi = 0; gi < groups.length; gi++) {
        if (!expanded[gi]) continue;
        const at = groups[gi]!.documents.indexOf(id);
        if (at >= 0) return starts[gi]! + 1 + at;
      }
      return -1;
    },
    indexOfSource(id) {
      const gi = groups.findIndex((g) => g.source.id === id);
      return gi < 0 ? -1 : starts[gi]!;
    },
  };
}
