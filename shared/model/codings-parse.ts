/**
 * Many codings checked against the Coding schema at once, fast: a project's stored codings are
 * checked when it is read back whole (exportBundle), and zod takes about 6 µs a coding, six
 * seconds at a million. The fast path accepts exactly what the schema accepts unchanged (the eight
 * fields and nothing else, of the right forms); anything it does not accept goes to the schema
 * itself, which strips, or reports what is wrong in its own words. So the schema stays the one
 * definition, and this never accepts what it refuses (property-tested).
 */
import { z } from 'zod';
import { Coding, GUID_PATTERN, ISO_DATE_PATTERN } from './entities';

const FIELDS = 8;
/** Distinct values remembered as checked (documents, codes, coders and dates repeat); reset past this size. */
const REMEMBER = 1_000_000;

function checker(pattern: RegExp) {
  let seen = new Set<string>();
  return (v: unknown): boolean => {
    if (typeof v !== 'string') return false;
    if (seen.has(v)) return true;
    if (!pattern.test(v)) return false;
    if (seen.size >= REMEMBER) seen = new Set();
    seen.add(v);
    return true;
  };
}

const offset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** These rows as codings; throws the schema's error (at `codings.<index>`) for any that is not one. */
export function parseCodings(rows: readonly unknown[]): Coding[] {
  const guid = checker(GUID_PATTERN);
  const date = checker(ISO_DATE_PATTERN);
  for (const row of rows) {
    const c = row as Record<string, unknown>;
    const ok =
      typeof row === 'object' &&
      row !== null &&
      Object.getPrototypeOf(row) === Object.prototype &&
      Object.keys(c).length === FIELDS &&
      typeof c.id === 'string' &&
      GUID_PATTERN.test(c.id) &&
      guid(c.projectId) &&
      guid(c.documentId) &&
      guid(c.codeId) &&
      guid(c.coderId) &&
      date(c.createdAt) &&
      offset(c.start) &&
      offset(c.end) &&
      c.end > c.start;
    if (!ok) return z.object({ codings: z.array(Coding) }).parse({ codings: rows }).codings;
  }
  return rows as Coding[];
}
