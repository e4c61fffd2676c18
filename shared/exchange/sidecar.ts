/**
 * `chorus.json`, the side file inside a Chorus .qdpx: everything Chorus keeps that REFI-QDA
 * cannot hold, keyed by the ids used in project.qde. Other tools ignore it; Chorus validates it.
 */
import { z } from 'zod';
import { Action, CoderAssignment, ConsensusDecision, DocumentKind, Finding, Guid, IsoDate, MemoTarget, Project, Source, SpeakerTurn, VariableType } from '../model';

export const SIDECAR_NAME = 'chorus.json';

export const Sidecar = z.object({
  format: z.literal('chorus-sidecar'),
  version: z.literal(1),
  project: Project,
  coders: z.record(z.string(), z.object({ initials: z.string().min(1).max(4), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) })),
  sources: z.array(Source),
  documents: z.record(
    z.string(),
    z.object({
      sourceId: Guid,
      kind: DocumentKind,
      turns: z.array(SpeakerTurn),
      recordId: z.string().optional(),
      field: z.string().optional(),
    }),
  ),
  codes: z.record(
    z.string(),
    z.object({
      inclusion: z.string(),
      exclusion: z.string(),
      example: z.string(),
      order: z.number(),
      keywords: z.array(z.string()),
      createdAt: IsoDate,
    }),
  ),
  variables: z.record(z.string(), z.object({ type: VariableType })),
  participants: z.record(z.string(), z.object({ sourceId: Guid })),
  memos: z.record(z.string(), z.object({ target: MemoTarget })),
  findings: z.array(Finding),
  actions: z.array(Action),
  /** Which sources/documents each coder was asked to code (for reliability). */
  assignments: z.array(CoderAssignment).default([]),
  /** Consensus decisions resolving disagreements, each with the coder who decided it. */
  decisions: z.array(ConsensusDecision).default([]),
});
export type Sidecar = z.infer<typeof Sidecar>;
