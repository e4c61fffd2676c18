import type { GridCoding } from '../../../shared/grid/rows';
import type { GridRowData } from '../../workers/grid-core';

/**
 * A shown row with a just-written coding added, as the grid worker will compute it (the code
 * appended to the answer's codes and in the row's, answer by answer; a whole-answer coding to the answer's `whole`):
 * the stripe is painted as soon as the command has committed, without waiting for the worker's
 * round trip. null when the coding is on none of the row's answers or the row already shows it.
 */
export function withCodingAdded(data: GridRowData, add: GridCoding): GridRowData | null {
  const at = data.cells.findIndex((c) => c?.id === add.documentId);
  if (at < 0) return null;
  const cell = data.cells[at]!;
  const wholeKey = `${add.codeId} ${add.coderId}`;
  const isWhole = add.start === 0 && add.end === cell.length;
  const hasCode = cell.codeIds.includes(add.codeId);
  if (hasCode && (!isWhole || cell.whole.includes(wholeKey))) return null;
  const cells = data.cells.slice();
  cells[at] = { ...cell, codeIds: hasCode ? cell.codeIds : [...cell.codeIds, add.codeId], whole: isWhole && !cell.whole.includes(wholeKey) ? [...cell.whole, wholeKey] : cell.whole };
  // (the row's codes answer by answer, as the worker lists them)
  return { ...data, cells, codeIds: [...new Set(cells.flatMap((c) => c?.codeIds ?? []))] };
}
