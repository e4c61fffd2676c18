/** How a result cell reads on screen: numbers in en-GB, flags as yes/no, suppressed counts as "fewer than N" (as in every export). */
import type { Cell, Column } from '../../../shared/analysis';
import { fewerThan } from '../../../shared/privacy/suppress';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/**
 * The text of a cell. `original` is the value before publication control: a value that was there
 * and is now null (or an emptied list) was suppressed, so it reads "fewer than N".
 */
export function cellText(col: Column, value: Cell | undefined, original: Cell | undefined, threshold: number | null, mark?: 'fewer' | 'withheld'): string {
  // secondary suppression (forPublication): the cell is not under the threshold, it is withheld so a smaller one cannot be worked out
  if (threshold !== null && mark === 'withheld' && value === null) return 'withheld';
  const suppressed =
    threshold !== null &&
    ((value === null && original !== null && original !== undefined) ||
      (Array.isArray(value) && value.length === 0 && Array.isArray(original) && original.length > 0));
  if (suppressed) return col.type === 'list' ? `(hidden: ${fewerThan(threshold)})` : fewerThan(threshold);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    return col.type === 'percent' ? `${number.format(value)}%` : number.format(value);
  }
  if (typeof value === 'string') return value;
  return value.join('; ');
}

/** True when a cell's text (from cellText) is a suppressed count's words: styled apart on screen. */
export function isSuppressedText(text: string, threshold: number | null): boolean {
  return threshold !== null && (text === fewerThan(threshold) || text === 'withheld');
}

/** Sort key: numbers before text, missing last. */
export function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const rank = (v: Cell | undefined) => (v === null || v === undefined ? 2 : typeof v === 'number' || typeof v === 'boolean' ? 0 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1) return String(Array.isArray(a) ? a.join(' ') : a).localeCompare(String(Array.isArray(b) ? b.join(' ') : b), 'en-GB', { numeric: true });
  return 0;
}
