/**
 * An audience pack as a pure document model: headings, paragraphs, lists, quotes, charts (as specs),
 * tables (as published text) — rendered by the format writers (./writers) and previewed in the app
 * as React text. Nothing here is HTML: every string is plain text and is escaped by the writer.
 */
import type { ChartSpec } from '../report/chart-spec';
import type { Readability } from './readability';

export const PACK_AUDIENCES = ['executive', 'practitioners', 'public', 'partners'] as const;
export type PackAudience = (typeof PACK_AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<PackAudience, string> = {
  executive: 'Chief officers',
  practitioners: 'Practitioners',
  public: 'Victims, survivors and the public',
  partners: 'Partners and analysts',
};

/** A table as it is published: every cell is text ("fewer than 10", "withheld" for suppressed ones). */
export interface PackTable {
  title: string;
  columns: string[];
  /** Per column: right-align (numbers). */
  numeric: boolean[];
  rows: string[][];
  notes: string[];
}

export type PackBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'lead' | 'note' }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'quote'; text: string; attribution: string }
  | { kind: 'chart'; spec: ChartSpec; alt: string }
  | { kind: 'table'; table: PackTable };

export interface PackDocument {
  audience: PackAudience;
  title: string;
  subtitle: string;
  /** ISO timestamp the pack was built. */
  generatedAt: string;
  disclosureThreshold: number;
  /** 'one-page': laid out to print on one A4 page (the chief officers' pack): charts in a grid, compact type. */
  layout?: 'one-page';
  blocks: PackBlock[];
  /** Scored over the pack's prose (always computed; shown in the public pack). */
  readability: Readability;
  /** Quotes kept out of this pack and why (for the app's refusal list; never rendered). */
  refusedQuotes: Array<{ quoteId: string; text: string; reasons: string[] }>;
}
