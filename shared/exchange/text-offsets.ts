/**
 * Mapping REFI-QDA selection positions onto a document's normalised text. The standard counts
 * code points; real exports disagree about which text they count in (the file as stored, with
 * CRLF, or the text with LF) and some (NVivo for Windows) count UTF-16 units with CRLF as two.
 * One mode is chosen per document from the largest end position, and applied to all its selections.
 */
import { codePointLength, makeOffsetConverter, normaliseText } from '../model';

export type OffsetMode = 'normalised code points' | 'raw code points' | 'raw UTF-16 units';

export interface SelectionMapper {
  /** The normalised text that offsets now point into. */
  text: string;
  mode: OffsetMode;
  /** UTF-16 [start, end) in `text`, or null when the span is outside the text or empty. */
  map(start: number, end: number): [number, number] | null;
}

export function selectionMapper(raw: string, maxEnd: number, preferUtf16 = false): SelectionMapper {
  const norm = normaliseText(raw);
  const normConv = makeOffsetConverter(norm.text);
  const rawConv = makeOffsetConverter(raw);
  const normCp = codePointLength(norm.text);
  const rawCp = codePointLength(raw);
  let mode: OffsetMode;
  if (preferUtf16 && maxEnd <= raw.length && raw !== norm.text) mode = 'raw UTF-16 units';
  else if (maxEnd <= normCp) mode = 'normalised code points';
  else if (maxEnd <= rawCp) mode = 'raw code points';
  else if (maxEnd <= raw.length) mode = 'raw UTF-16 units';
  else mode = 'normalised code points'; // out-of-range spans are then dropped one by one
  const toUtf16 = (o: number): number | null => {
    if (!Number.isInteger(o) || o < 0) return null;
    if (mode === 'normalised code points') return o <= normCp ? normConv.toUtf16(o) : null;
    if (mode === 'raw code points') return o <= rawCp ? norm.mapOffset(rawConv.toUtf16(o)) : null;
    return o <= raw.length ? norm.mapOffset(o) : null;
  };
  return {
    text: norm.text,
    mode,
    map(start, end) {
      const s = toUtf16(Math.min(start, end));
      const e = toUtf16(Math.max(start, end));
      return s === null || e === null || e <= s ? null : [s, e];
    },
  };
}
