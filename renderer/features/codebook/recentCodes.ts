import type { Coding } from '../../../shared/model';

/** The coder's codings that overlap `span` (or, for a caret, contain it): what "uncode" removes. */
export function codingsUnder<T extends { start: number; end: number; coderId: string }>(codings: readonly T[], span: { start: number; end: number }, coderId: string | null): T[] {
  return codings.filter((c) => c.coderId === coderId && (span.start === span.end ? c.start <= span.start && span.start < c.end : c.start < span.end && span.start < c.end));
}
