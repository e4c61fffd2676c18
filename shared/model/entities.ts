/**
 * The Chorus data model (DESIGN.md §3) as zod schemas; TypeScript types are inferred from them.
 * Schemas are applied at trust boundaries: files read from disk, IPC payloads, imported projects.
 *
 * Offsets: every `start`/`end` in this model counts UTF-16 code units into the document's
 * normalised text (see ./offsets.ts), `end` exclusive. REFI-QDA's code-point offsets are
 * converted at the exchange boundary.
 */
import { z } from 'zod';

/** REFI-QDA GUID form: 8-4-4-4-12 hexadecimal digits. */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const Guid = z.string().regex(GUID_PATTERN, 'not a GUID');
export type Guid = z.infer<typeof Guid>;

/** ISO 8601 timestamp or date string. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDate = z.string().regex(ISO_DATE_PATTERN, 'not an ISO date');

export const SOURCE_KINDS = [
  'survey',
  'interview',
  'focus group',
  'complaint',
  'case review',
  'partner',
  'other',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const ProjectSettings = z.object({
  /** Counts below this are suppressed in anything meant for publication. */
  disclosureThreshold: z.number().int().min(0).max(1000).default(10),
  locale: z.string().default('en-GB'),
  /** Ticked items of the thematic-analysis checklist (shared/findings/method.ts), by id. */
  methodChecks: z.array(z.string()).optional(),
});
export type ProjectSettings = z.infer<typeof ProjectSettings>;

export const Project = z.object({
  id: Guid,
  name: z.string().min(1).max(200),
  description: z.string().default(''),
  /** True for the embedded fictional demonstration project. */
  isDemo: z.boolean().default(false),
  settings: ProjectSettings,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Project = z.infer<typeof Project>;

export const Coder = z.object({
  id: Guid,
  projectId: Guid,
  name: z.string().min(1).max(120),
  initials: z.string().min(1).max(4),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Coder = z.infer<typeof Coder>;

export const Source = z.object({
  id: Guid,
  projectId: Guid,
  name: z.string().min(1).max(200),
  kind: SourceKind,
  description: z.string().default(''),
  collectedFrom: IsoDate.optional(),
  collectedTo: IsoDate.optional(),
  collectedBy: z.string().optional(),
  /** Date after which the source's data should be securely deleted. */
  retainUntil: IsoDate.optional(),
  createdAt: IsoDate,
});
export type Source = z.infer<typeof Source>;

export const VARIABLE_TYPES = ['category', 'text', 'number', 'date', 'boolean'] as const;
export const VariableType = z.enum(VARIABLE_TYPES);
export type VariableType = z.infer<typeof VariableType>;

export const VARIABLE_LEVELS = ['participant', 'response'] as const;
/**
 * Where an attribute's values live: on the participant (the default: one value per person), or on
 * each response (a value that differs between one participant's rows, such as the date of each
 * response): DocumentMeta.attributes.
 */
export const VariableLevel = z.enum(VARIABLE_LEVELS);
export type VariableLevel = z.infer<typeof VariableLevel>;

/** An attribute definition (REFI-QDA Variable); values live on participants, or on responses when `level` is 'response'. */
export const Variable = z.object({
  id: Guid,
  projectId: Guid,
  name: z.string().min(1).max(200),
  type: VariableType,
  description: z.string().default(''),
  level: VariableLevel.optional(),
});
export type Variable = z.infer<typeof Variable>;

export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** A person who gave feedback (REFI-QDA Case). Attributes are keyed by Variable id. */
export const Participant = z.object({
  id: Guid,
  projectId: Guid,
  sourceId: Guid,
  pseudonym: z.string().min(1).max(120),
  attributes: z.record(z.string(), AttributeValue),
});
export type Participant = z.infer<typeof Participant>;

export const SpeakerTurn = z
  .object({
    speaker: z.string().min(1).max(120),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((t) => t.end >= t.start, 'turn ends before it starts');
export type SpeakerTurn = z.infer<typeof SpeakerTurn>;

export const DOCUMENT_KINDS = ['response', 'transcript', 'document'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Document metadata (REFI-QDA TextSource). Its text is stored apart, through the storage codec. */
export const DocumentMeta = z.object({
  id: Guid,
  projectId: Guid,
  sourceId: Guid,
  participantId: Guid.nullable().default(null),
  title: z.string().min(1).max(300),
  kind: DocumentKind,
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().min(0),
  turns: z.array(SpeakerTurn).default([]),
  /** For survey responses: the record id in the original file and the question/column. */
  recordId: z.string().optional(),
  field: z.string().optional(),
  /** For survey responses: the question text from later header rows, if the file had them. */
  fieldDescription: z.string().optional(),
  /** For survey responses: the values of response-level attributes (Variable.level 'response'), keyed by Variable id. */
  attributes: z.record(z.string(), AttributeValue).optional(),
  createdAt: IsoDate,
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A document with its text, as it crosses boundaries (exchange, demo, import). */
export const DocumentWithText = DocumentMeta.extend({ text: z.string() });
export type DocumentWithText = z.infer<typeof DocumentWithText>;

export const Code = z.object({
  id: Guid,
  projectId: Guid,
  parentId: Guid.nullable(),
  name: z.string().min(1).max(200),
  definition: z.string().default(''),
  inclusion: z.string().default(''),
  exclusion: z.string().default(''),
  example: z.string().default(''),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Position among siblings. */
  order: z.number(),
  /** Keywords for autocoding. */
  keywords: z.array(z.string()).default([]),
  createdAt: IsoDate,
});
export type Code = z.infer<typeof Code>;

/** One coded span (REFI-QDA PlainTextSelection + Coding). */
export const Coding = z
  .object({
    id: Guid,
    projectId: Guid,
    documentId: Guid,
    codeId: Guid,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    coderId: Guid,
    createdAt: IsoDate,
  })
  .refine((c) => c.end > c.start, 'a coding must cover at least one character');
export type Coding = z.infer<typeof Coding>;

export const MEMO_TARGETS = ['project', 'source', 'document', 'code', 'coding', 'participant'] as const;
export const MemoTarget = z.object({ kind: z.enum(MEMO_TARGETS), id: Guid });
export type MemoTarget = z.infer<typeof MemoTarget>;

/** Memo metadata (REFI-QDA Note). Its text goes through the storage codec. */
export const MemoMeta = z.object({
  id: Guid,
  projectId: Guid,
  target: MemoTarget,
  title: z.string().max(300).default(''),
  coderId: Guid.nullable().default(null),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type MemoMeta = z.infer<typeof MemoMeta>;
export const MemoWithText = MemoMeta.extend({ text: z.string() });
export type MemoWithText = z.infer<typeof MemoWithText>;

export const AUDIENCES = ['chief officers', 'practitioners', 'victim/survivors and public', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * A segment starred as a candidate quote (Code view, issue 11). The text is never copied: it is
 * read from the document (start/end in UTF-16 units), so retraction and redaction reach it.
 * A quote goes into a public pack only once a person has confirmed it (`confirmedBy`), after the
 * personal-data re-scan and the rare-attribute-combination check.
 */
export const Quote = z.object({
  id: Guid,
  projectId: Guid,
  documentId: Guid,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The coding it was starred from, when there was one. */
  codingId: Guid.optional(),
  /** Coder id of who starred it. */
  starredBy: z.string(),
  at: IsoDate,
  note: z.string().default(''),
  /** Coder id of who confirmed it safe to publish, and when; absent = not confirmed. */
  confirmedBy: z.string().optional(),
  confirmedAt: IsoDate.optional(),
});
export type Quote = z.infer<typeof Quote>;

/** A finding: a short statement linked to the codes and chosen quotes that evidence it (Stage 5). */
export const Finding = z.object({
  id: Guid,
  projectId: Guid,
  /** The statement itself, e.g. "Victims were not told what happened next". */
  title: z.string().min(1).max(300),
  summary: z.string().default(''),
  codeIds: z.array(Guid).default([]),
  /** Chosen quotes (Quote ids), in display order. */
  quoteIds: z.array(Guid).default([]),
  /** Older link to individual codings (kept for files written before quotes existed). */
  evidenceCodingIds: z.array(Guid).default([]),
  audiences: z.array(z.enum(AUDIENCES)).default([]),
  order: z.number().default(0),
  createdAt: IsoDate,
});
export type Finding = z.infer<typeof Finding>;

/** A recommendation under a finding (Stage 6). */
export const Recommendation = z.object({
  id: Guid,
  projectId: Guid,
  findingId: Guid,
  text: z.string().min(1).max(2000),
  order: z.number().default(0),
  createdAt: IsoDate,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** Action statuses (Stage 6: agreeing, recording and monitoring actions; feedback that cannot be actioned). */
export const ACTION_STATUSES = ['proposed', 'agreed', 'in progress', 'done', 'not actioned'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Status names of files written before recommendations existed, mapped on read. */
export const LEGACY_ACTION_STATUS: Record<string, ActionStatus> = { open: 'proposed', 'in progress': 'in progress', done: 'done', dropped: 'not actioned' };

/** An action under a recommendation: who does what by when, and what became of it. */
export const Action = z.object({
  id: Guid,
  projectId: Guid,
  findingId: Guid,
  /** Absent only in files written before recommendations existed. */
  recommendationId: Guid.optional(),
  /** What will be done. (Named for the older "you said, we did" text, kept for compatibility.) */
  recommendation: z.string().min(1),
  owner: z.string().default(''),
  status: z.preprocess((v) => (typeof v === 'string' && v in LEGACY_ACTION_STATUS ? LEGACY_ACTION_STATUS[v] : v), z.enum(ACTION_STATUSES)).default('proposed'),
  /** Required when status is "not actioned": why, in words the public can read. */
  notActionedReason: z.string().optional(),
  /** "We did": what changed, in plain language, for the public pack. */
  outcome: z.string().default(''),
  due: IsoDate.optional(),
  createdAt: IsoDate,
});
export type Action = z.infer<typeof Action>;

export const RETRACTION_REASONS = ['participant request', 'consent withdrawn', 'safeguarding', 'data error', 'retention period ended', 'other'] as const;
export type RetractionReason = (typeof RETRACTION_REASONS)[number];
/** What can be retracted: one participant (all their responses), one document, or a whole source. */
export const RETRACTION_TARGETS = ['participant', 'document', 'source'] as const;
export const RetractionTarget = z.object({ kind: z.enum(RETRACTION_TARGETS), id: Guid });
export type RetractionTarget = z.infer<typeof RetractionTarget>;
/**
 * A content-free record of a retraction: when, who (the coder's name), the reason category (never
 * free text, which could hold content), what kind of thing and its id, and counts of what was
 * removed. `status` 'pending': marked (hidden everywhere, undoable); 'confirmed': purged (absent =
 * confirmed, for records written before the two steps existed).
 */
export const RetractionRecord = z.object({
  id: Guid,
  projectId: Guid,
  at: IsoDate,
  by: z.string(),
  reason: z.enum(RETRACTION_REASONS),
  counts: z.object({ documents: z.number().int(), codings: z.number().int(), memos: z.number().int() }).catchall(z.number().int()),
  target: RetractionTarget.optional(),
  status: z.enum(['pending', 'confirmed']).optional(),
  confirmedAt: IsoDate.optional(),
});
export type RetractionRecord = z.infer<typeof RetractionRecord>;

export const PII_TYPES = [
  'person',
  'email',
  'phone',
  'postcode',
  'address',
  'nino',
  'nhs',
  'dob',
  'vehicle',
  'reference',
  'handle',
  'url',
] as const;
export const PiiType = z.enum(PII_TYPES);
export type PiiType = z.infer<typeof PiiType>;

export const REDACTION_DECISIONS = ['redacted', 'pseudonymised', 'kept'] as const;
export type RedactionDecision = (typeof REDACTION_DECISIONS)[number];

/** Who redacted how much of what, when; never the original values. */
export const RedactionLog = z.object({
  id: Guid,
  projectId: Guid,
  at: IsoDate,
  by: z.string(),
  batch: z.string(),
  counts: z.partialRecord(PiiType, z.number().int().min(0)),
  /** The same findings split by what was done with them (absent in logs written before this existed). */
  decisions: z.partialRecord(z.enum(REDACTION_DECISIONS), z.partialRecord(PiiType, z.number().int().min(0))).optional(),
});
export type RedactionLog = z.infer<typeof RedactionLog>;

/**
 * A named group of documents (REFI-QDA <Set>: MAXQDA document sets, ATLAS.ti document groups).
 * Members are documents; `sourceIds` lets a set name whole sources (every document of a source).
 */
export const DocumentSet = z.object({
  id: Guid,
  projectId: Guid,
  name: z.string().min(1).max(200),
  description: z.string().default(''),
  documentIds: z.array(Guid).default([]),
  sourceIds: z.array(Guid).default([]),
});
export type DocumentSet = z.infer<typeof DocumentSet>;


/** Audit trail entry: who did what, when, naming ids only. */
export const AuditEvent = z.object({
  id: Guid,
  projectId: Guid,
  at: IsoDate,
  actor: z.string(),
  action: z.string().min(1),
  ids: z.array(z.string()).default([]),
  /** How many rows of each kind the action touched (ids are capped; counts are not). */
  counts: z.record(z.string(), z.number()).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/**
 * Which documents a coder was asked to code, for reliability: a whole source or one document.
 * In an assigned document a coder's silence means "code absent"; elsewhere (when agreement is
 * computed from assignments) it means "not looked at" (missing).
 */
export const ASSIGNMENT_SCOPES = ['source', 'document'] as const;
export const CoderAssignment = z.object({
  id: Guid,
  projectId: Guid,
  coderId: Guid,
  scope: z.enum(ASSIGNMENT_SCOPES),
  /** A source id (scope 'source') or a document id (scope 'document'). */
  targetId: Guid,
});
export type CoderAssignment = z.infer<typeof CoderAssignment>;

/**
 * How a disagreement between coders was resolved: the code is applied to (or removed from) the
 * span in the agreed version, decided by `decidedBy` (the coder who resolved it) at `at`.
 * Decisions never change any coder's own codings, so reliability stays measurable.
 */
export const CONSENSUS_DECISIONS = ['apply', 'remove'] as const;
export const ConsensusDecision = z.object({
  id: Guid,
  projectId: Guid,
  documentId: Guid,
  codeId: Guid,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  decision: z.enum(CONSENSUS_DECISIONS),
  decidedBy: Guid,
  at: IsoDate,
});
export type ConsensusDecision = z.infer<typeof ConsensusDecision>;

/**
 * An edited audience pack template, one per project and audience (issue 11). The shape of
 * `sections` is checked by shared/packs/templates.ts validateTemplate when used.
 */
export const StoredPackTemplate = z.object({
  id: Guid,
  projectId: Guid,
  audience: z.enum(['executive', 'practitioners', 'public', 'partners']),
  title: z.string().min(1).max(200),
  sections: z.array(z.object({ id: z.string().min(1).max(60), kind: z.string(), heading: z.string().min(1).max(200), intro: z.string().max(5000).default('') })).max(40),
  updatedAt: IsoDate,
});
export type StoredPackTemplate = z.infer<typeof StoredPackTemplate>;

/**
 * A whole project in memory: the unit exchanged with REFI-QDA files, the demo generator,
 * the CLI and the store's import/export. Arrays, so it serialises as plain JSON.
 */
export const ProjectBundle = z.object({
  project: Project,
  coders: z.array(Coder),
  sources: z.array(Source),
  variables: z.array(Variable),
  participants: z.array(Participant),
  documents: z.array(DocumentWithText),
  codes: z.array(Code),
  codings: z.array(Coding),
  memos: z.array(MemoWithText),
  findings: z.array(Finding).default([]),
  actions: z.array(Action).default([]),
  recommendations: z.array(Recommendation).optional(),
  quotes: z.array(Quote).optional(),
  /* Optional so that every existing bundle builder stays valid; absent means none. */
  documentSets: z.array(DocumentSet).optional(),
  redactions: z.array(RedactionLog).optional(),
  assignments: z.array(CoderAssignment).optional(),
  decisions: z.array(ConsensusDecision).optional(),
  /** Audience pack templates the project has edited (shared/packs/templates.ts); absent = presets. */
  packTemplates: z.array(StoredPackTemplate).optional(),
});
export type ProjectBundle = z.infer<typeof ProjectBundle>;
