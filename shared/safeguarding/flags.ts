/**
 * A safeguarding flag: a pointer to a passage that may disclose current risk, for a person to
 * review. It holds ids and offsets only — never a copy of the text — and never changes or hides
 * the text it points at. Flags change only through commands (shared/commands/safeguarding.ts).
 */
import { z } from 'zod';
import { Guid, IsoDate } from '../model';
import { SAFEGUARD_CATEGORIES } from './lexicon';

export const FLAG_STATUSES = ['open', 'reviewed-no-action', 'reviewed-referred'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  open: 'Open',
  'reviewed-no-action': 'Reviewed – no action',
  'reviewed-referred': 'Reviewed – referred',
};

/** Where a flag was raised: by the import pipeline (after the anonymisation gate) or when the text was viewed or coded. */
export const FLAG_ORIGINS = ['import', 'coding'] as const;

export const SafeguardFlag = z
  .object({
    id: Guid,
    projectId: Guid,
    documentId: Guid,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    category: z.enum(SAFEGUARD_CATEGORIES),
    /** The detector cue's name (./lexicon.ts), never the matched words. */
    cue: z.string().regex(/^[a-z-]{1,60}$/, 'a cue name'),
    origin: z.enum(FLAG_ORIGINS),
    status: z.enum(FLAG_STATUSES),
    createdAt: IsoDate,
    /** The coder who reviewed it (their name), and when. */
    reviewedBy: z.string().min(1).max(120).nullable(),
    reviewedAt: IsoDate.nullable(),
  })
  .refine((f) => f.end > f.start, 'a flag must cover at least one character');
export type SafeguardFlag = z.infer<typeof SafeguardFlag>;

/** What a detector run proposes for a document (ids and offsets only). */
export interface FlagProposal {
  documentId: string;
  start: number;
  end: number;
  category: SafeguardFlag['category'];
  cue: string;
}

/** Two flags are the same passage when document, offsets and category agree. */
export const flagKey = (f: Pick<FlagProposal, 'documentId' | 'start' | 'end' | 'category'>) => `${f.documentId}:${f.start}:${f.end}:${f.category}`;

/**
 * Detector findings of one document as flag proposals. In a transcript a finding is kept within
 * the speaker turn that holds its cue (a line's speaker label is not part of the passage).
 */
export function proposalsFor(
  documentId: string,
  findings: readonly { start: number; end: number; cueStart: number; category: FlagProposal['category']; cue: string }[],
  turns: readonly { start: number; end: number }[] = [],
): FlagProposal[] {
  return findings.map((f) => {
    const turn = turns.find((t) => f.cueStart >= t.start && f.cueStart < t.end);
    const start = turn ? Math.max(f.start, turn.start) : f.start;
    const end = turn ? Math.min(f.end, turn.end) : f.end;
    return { documentId, start, end, category: f.category, cue: f.cue };
  });
}
