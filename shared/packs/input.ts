/**
 * What a pack is built from. The app and the CLI fill it from a project (./gather.ts) so both make
 * the same pack; the builder (./build.ts) only reads it. Tables arrive raw: the builder publishes
 * them (disclosure control) itself, so no caller can hand it an unprotected table.
 */
import type { AnalysisTable } from '../analysis/types';
import type { ActionStatus, AttributeValue, Audience, SourceKind } from '../model/entities';
import type { StrengthRating } from '../findings/strength';
import type { WeDid } from '../findings/you-said-we-did';

/** shared/findings/strength.ts evidenceStrength's rating and reasons, at the project's disclosure threshold. */
export interface PackStrength {
  rating: StrengthRating;
  /** Plain sentences; any count in them already honours the disclosure threshold. */
  reasons: string[];
}

export interface PackQuoteInput {
  id: string;
  text: string;
  /** A person confirmed it safe to publish (Quote.confirmedBy). */
  confirmed: boolean;
  sourceKind: SourceKind;
  /** The speaker's published attributes (quote-safety publishedAttributes: the kind of source) — for the rare-combination check. */
  attributes: Record<string, AttributeValue>;
}

export interface PackActionInput {
  what: string;
  owner: string;
  status: ActionStatus;
  due?: string;
  outcome: string;
  notActionedReason?: string;
}

export interface PackFindingInput {
  id: string;
  title: string;
  summary: string;
  /** Empty: every audience. */
  audiences: Audience[];
  codeNames: string[];
  /** Distinct participants behind the finding. */
  participants: number;
  strength: PackStrength;
  quotes: PackQuoteInput[];
  recommendations: Array<{ text: string; actions: PackActionInput[] }>;
  /** "You said, we did" for this finding (shared/findings/you-said-we-did.ts), done → doing → considering → could not. */
  weDid: WeDid[];
  /** True when no findings were recorded and this one was drafted from the most-raised themes. */
  draft?: boolean;
}

export interface PackAnalysis {
  table: AnalysisTable;
  /** How to chart it, or null for a table only. */
  chart: 'frequency' | 'matrix' | 'triangulation' | null;
}

export interface PackInput {
  project: { name: string; disclosureThreshold: number };
  generatedAt: string;
  /** The method statement every pack quotes (shared/findings/method.ts, at the disclosure threshold). */
  method: string;
  /** The same statement in its first two sentences (what was analysed and how; who coded it), for the one-page pack. */
  methodBrief: string;
  /** Coders who coded anything (the public pack says whether a second person checked the coding). */
  coders: number;
  sources: Array<{ name: string; kind: SourceKind; documents: number; participants: number }>;
  /** Earliest and latest document dates (ISO), when known. */
  dates: { from: string | null; to: string | null };
  totalParticipants: number;
  limitations: string[];
  findings: PackFindingInput[];
  themes: Array<{ name: string; participants: number; children: Array<{ name: string; participants: number }> }>;
  codebook: Array<{ path: string; description: string }>;
  reliability: { statement: string; table: AnalysisTable | null } | null;
  analyses: PackAnalysis[];
  /** Everyone a quote could be from, by published attributes (quote-safety speakerPopulation), for the rare-combination check. */
  population: Array<Record<string, AttributeValue>>;
}
