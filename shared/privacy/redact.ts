/**
 * Redaction and pseudonymisation of detected personal data. Original values live only in
 * memory for the length of a batch (inside a Pseudonymiser) and are never returned, logged
 * or put in an error message.
 */
import { PII_TYPES, type PiiType } from '../model';
import type { PiiFinding } from './detect';

export const PLACEHOLDERS: Record<PiiType, string> = {
  person: '[PERSON]',
  email: '[EMAIL]',
  phone: '[PHONE]',
  postcode: '[POSTCODE]',
  address: '[ADDRESS]',
  nino: '[NINO]',
  nhs: '[NHS NUMBER]',
  dob: '[DATE OF BIRTH]',
  vehicle: '[VEHICLE]',
  reference: '[REFERENCE]',
  handle: '[HANDLE]',
  url: '[URL]',
};

/**
 * Gives each distinct person the same "[PERSON n]" across a batch. Names are compared after
 * case folding and whitespace collapsing. Keeps the originals privately; there is no getter.
 */
export class Pseudonymiser {
  readonly #ids = new Map<string, number>();

  /** The label for this original string, allocating the next number for a new person. */
  label(original: string): string {
    const key = original.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
    let n = this.#ids.get(key);
    if (n === undefined) {
      n = this.#ids.size + 1;
      this.#ids.set(key, n);
    }
    return `[PERSON ${n}]`;
  }

  /** How many distinct people have been labelled so far. */
  get size(): number {
    return this.#ids.size;
  }

  /** Forget every original (end of batch). */
  clear(): void {
    this.#ids.clear();
  }

  /** Never reveal originals through serialisation or inspection. */
  toJSON(): { people: number } {
    return { people: this.#ids.size };
  }
}

function checkFindings(text: string, findings: readonly PiiFinding[]): void {
  let prevEnd = 0;
  findings.forEach((f, i) => {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.end > text.length || f.end < f.start)
      throw new RangeError(`redaction finding ${i + 1} (${f.type}) has offsets ${f.start}..${f.end} outside a text of length ${text.length}`);
    if (f.start < prevEnd)
      throw new RangeError(`redaction finding ${i + 1} (${f.type}) at ${f.start} overlaps or precedes the previous one (ends ${prevEnd}); sort and de-overlap first`);
    prevEnd = f.end;
  });
}

export interface RedactionResult {
  text: string;
  /** Map an offset in the original text to the redacted text. An offset inside a redacted
   * span maps to the end of its placeholder (its start maps to the placeholder start). */
  mapOffset(offset: number): number;
}

/** Replace findings with typed placeholders, or "[PERSON n]" for people when a Pseudonymiser is given. */
export function redactWithOffsetMap(text: string, findings: readonly PiiFinding[], pseudonyms?: Pseudonymiser): RedactionResult {
  checkFindings(text, findings);
  const parts: string[] = [];
  // For each finding: original start/end and redacted start/end.
  const oStart: number[] = [];
  const oEnd: number[] = [];
  const nStart: number[] = [];
  const nEnd: number[] = [];
  let last = 0;
  let outLen = 0;
  for (const f of findings) {
    parts.push(text.slice(last, f.start));
    outLen += f.start - last;
    const rep = f.type === 'person' && pseudonyms ? pseudonyms.label(text.slice(f.start, f.end)) : PLACEHOLDERS[f.type];
    oStart.push(f.start);
    oEnd.push(f.end);
    nStart.push(outLen);
    parts.push(rep);
    outLen += rep.length;
    nEnd.push(outLen);
    last = f.end;
  }
  parts.push(text.slice(last));
  const out = parts.join('');
  const mapOffset = (o: number): number => {
    if (!Number.isFinite(o) || o < 0 || o > text.length) throw new RangeError(`offset ${o} is outside a text of length ${text.length}`);
    // Last finding starting at or before o (binary search).
    let lo = 0;
    let hi = oStart.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (oStart[mid]! <= o) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return o;
    if (o === oStart[k]) return nStart[k]!;
    if (o < oEnd[k]!) return nEnd[k]!;
    return nEnd[k]! + (o - oEnd[k]!);
  };
  return { text: out, mapOffset };
}

export function redactText(text: string, findings: readonly PiiFinding[], pseudonyms?: Pseudonymiser): string {
  return redactWithOffsetMap(text, findings, pseudonyms).text;
}

/** Per-type counts of findings, every type present (zeros included), for a RedactionLog. */
export function redactionCounts(findings: readonly PiiFinding[]): Record<PiiType, number> {
  const counts = Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as Record<PiiType, number>;
  for (const f of findings) counts[f.type]++;
  return counts;
}
