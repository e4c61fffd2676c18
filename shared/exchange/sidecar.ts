/**
 * `chorus.json`, the side file inside a Chorus .qdpx: everything Chorus keeps that REFI-QDA
 * cannot hold, keyed by the ids used in project.qde. Other tools ignore it; Chorus validates it.
 *
 * Versioned: each version's schema is frozen once released, and `UPGRADES` holds one pure step
 * per version (v1 → v2 → …), so a side file of any earlier version opens; a side file newer than
 * this Chorus is refused with one line naming the version it needs.
 */
import { z } from 'zod';
import {
  Action,
  AttributeValue,
  CoderAssignment,
  ConsensusDecision,
  DocumentKind,
  Finding,
  Guid,
  IsoDate,
  MemoTarget,
  Project,
  Recommendation,
  Quote,
  RedactionLog,
  Source,
  SpeakerTurn,
  StoredPackTemplate,
  VariableLevel,
  VariableType,
} from '../model';
import { ExchangeError } from './errors';

export const SIDECAR_NAME = 'chorus.json';

/** Version 1 (frozen). */
export const SidecarV1 = z.object({
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
      /** Response-level attribute values (REFI-QDA holds variable values on cases only). */
      attributes: z.record(z.string(), AttributeValue).optional(),
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
  variables: z.record(z.string(), z.object({ type: VariableType, level: VariableLevel.optional() })),
  participants: z.record(z.string(), z.object({ sourceId: Guid })),
  memos: z.record(z.string(), z.object({ target: MemoTarget })),
  findings: z.array(Finding),
  actions: z.array(Action),
});
export type SidecarV1 = z.infer<typeof SidecarV1>;

/**
 * Version 2: coder assignments (a source or document each coder is to code), consensus decisions
 * (each with the coder who decided it), the redaction log (counts only), and each document set's
 * exact membership (REFI <Set> lists documents only; a Chorus set may also name whole sources).
 */
export const SidecarV2 = SidecarV1.extend({
  version: z.literal(2),
  assignments: z.array(CoderAssignment),
  decisions: z.array(ConsensusDecision),
  redactions: z.array(RedactionLog),
  sets: z.record(z.string(), z.object({ documentIds: z.array(Guid), sourceIds: z.array(Guid) })),
  /** Recommendations under findings (added without a version bump: optional, absent in older files). */
  recommendations: z.array(Recommendation).optional(),
  /** Candidate quotes (issue 11): optional, so version-2 files written before them still read. */
  quotes: z.array(Quote).optional(),
  /** Edited audience pack templates (issue 11): optional, absent in older files and when every audience uses its preset. */
  packTemplates: z.array(StoredPackTemplate).optional(),
});
export type SidecarV2 = z.infer<typeof SidecarV2>;

/** The version this Chorus writes. */
export const SIDECAR_VERSION = 2;
export const Sidecar = SidecarV2;
export type Sidecar = SidecarV2;

/** Schemas by version, oldest first: SCHEMAS[v - 1] validates version v. */
const SCHEMAS = [SidecarV1, SidecarV2] as const;

/** v1 → v2: no assignments, consensus decisions, redaction log or whole-source set members yet. */
export function upgradeV1(s: SidecarV1): SidecarV2 {
  return { ...s, version: 2, assignments: [], decisions: [], redactions: [], sets: {} };
}

/** UPGRADES[v - 1] turns a valid version-v side file into a valid version v+1 one. */
const UPGRADES: readonly ((s: never) => unknown)[] = [upgradeV1];

/**
 * Validate a parsed chorus.json of any version up to SIDECAR_VERSION and bring it to the current
 * version. Throws ExchangeError (one line) for a newer version or an invalid file.
 */
export function readSidecar(json: unknown): Sidecar {
  const head = z.object({ format: z.literal('chorus-sidecar'), version: z.number().int().min(1) }).safeParse(json);
  if (!head.success) throw invalid(head.error);
  const version = head.data.version;
  if (version > SIDECAR_VERSION) {
    throw new ExchangeError(
      `${SIDECAR_NAME} is version ${version}: it needs a Chorus that reads side-file version ${version} (this one reads up to version ${SIDECAR_VERSION})`,
    );
  }
  const parsed = SCHEMAS[version - 1]!.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error, version);
  let value: unknown = parsed.data;
  for (let v = version; v < SIDECAR_VERSION; v++) value = UPGRADES[v - 1]!(value as never);
  return Sidecar.parse(value);
}

function invalid(error: z.ZodError, version?: number): ExchangeError {
  const issue = error.issues[0];
  const v = version === undefined ? '' : ` version ${version}`;
  return new ExchangeError(`${SIDECAR_NAME} is not a valid Chorus side file${v} (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
}
