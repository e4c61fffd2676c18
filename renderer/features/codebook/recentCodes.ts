import type { Coding } from '../../../shared/model';

/**
 * The codes a coder used most recently (latest coding first, each code once), at most `n`;
 * only codes in `existing`. Their position + 1 is the number key that applies them.
 */
export function recentCodeIds(codings: readonly Pick<Coding, 'codeId' | 'coderId' | 'createdAt'>[], coderId: string | null, existing: ReadonlySet<string>, n = 9): string[] {
  const out: string[] = [];
  const mine = codings.filter((c) => c.coderId === coderId && existing.has(c.codeId)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  for (const c of mine) {
    if (!out.includes(c.codeId)) out.push(c.codeId);
    if (out.length === n) break;
  }
  return out;
}

/** The coder's codings that overlap `span` (or, for a caret, contain it): what "uncode" removes. */
export function codingsUnder<T extends { start: number; end: number; coderId: string }>(codings: readonly T[], span: { start: number; end: number }, coderId: string | null): T[] {
  return codings.filter((c) => c.coderId === coderId && (span.start === span.end ? c.start <= span.start && span.start < c.end : c.start < span.end && span.start < c.end));
}
