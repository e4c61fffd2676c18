/**
 * Retraction and retention (issue 12, framework Stage 4): what a retraction reaches, how a survey
 * dataset is rewritten so no trace of a retracted participant or answer remains, how the undo
 * history is scrubbed, which targets are hidden while a retraction awaits confirmation, and the
 * "reasons over time" report. Pure: the store (renderer/db/purge.ts) reads and writes.
 */
import type { AttributeValue, DocumentMeta, RetractionReason, RetractionRecord, RetractionTarget, Source } from '../model';
import { RETRACTION_REASONS } from '../model';
import { parseDatasetDocumentId, datasetParticipantId, datasetParticipantIndex, type Dataset } from '../import/dataset';
import { fewerThan, suppressSmallCounts } from '../privacy/suppress';

/** What a retraction removes, by id. Derived (survey) documents are listed as documents too. */
export interface RetractionScope {
  documentIds: string[];
  participantIds: string[];
  sourceIds: string[];
  /** Survey answers to blank, per dataset: row → slots (all the row's slots when the participant goes). */
  datasetAnswers: Map<string, Map<number, Set<number>>>;
  /** Participants (by index in the dataset's participant columns) whose pseudonym and attributes go. */
  datasetParticipants: Map<string, Set<number>>;
  /** Datasets removed whole (a retracted source). */
  datasetIds: string[];
}

/** The label shown for a row or participant whose data has been removed. */
export const RETRACTED_LABEL = 'retracted';

/**
 * The ids a target reaches. `documents`: every document of the project, stored or derived;
 * `datasets`: the project's survey datasets.
 */
export function retractionScope(target: RetractionTarget, documents: readonly DocumentMeta[], datasets: readonly Dataset[]): RetractionScope {
  const scope: RetractionScope = { documentIds: [], participantIds: [], sourceIds: [], datasetAnswers: new Map(), datasetParticipants: new Map(), datasetIds: [] };
  const answer = (dsId: string, row: number, slot: number) => {
    let rows = scope.datasetAnswers.get(dsId);
    if (!rows) scope.datasetAnswers.set(dsId, (rows = new Map()));
    let slots = rows.get(row);
    if (!slots) rows.set(row, (slots = new Set()));
    slots.add(slot);
  };
  const docs = documents.filter((d) =>
    target.kind === 'source' ? d.sourceId === target.id : target.kind === 'participant' ? d.participantId === target.id : d.id === target.id,
  );
  scope.documentIds = docs.map((d) => d.id);
  if (target.kind === 'source') {
    scope.sourceIds = [target.id];
    scope.datasetIds = datasets.filter((ds) => ds.sourceId === target.id).map((ds) => ds.id);
    for (const ds of datasets) if (ds.sourceId === target.id) for (let i = 0; i < ds.participants.pseudonyms.length; i++) scope.participantIds.push(datasetParticipantId(ds.id, ds.participants.rows[i]!));
    return scope;
  }
  if (target.kind === 'participant') {
    scope.participantIds = [target.id];
    for (const ds of datasets) {
      const idx = datasetParticipantIndex(ds, target.id);
      if (idx < 0) continue;
      scope.datasetParticipants.set(ds.id, new Set([idx]));
      const F = ds.fields.length;
      // every row of the participant, every slot (empty answers too: the row as a whole goes)
      for (let r = 0; r < ds.recordIds.length; r++) if (ds.participantOf[r] === idx) for (let s = 0; s < F; s++) answer(ds.id, r, s);
    }
    return scope;
  }
  const where = parseDatasetDocumentId(target.id);
  if (where && datasets.some((ds) => ds.id === where.datasetId)) answer(where.datasetId, where.row, where.slot);
  return scope;
}

/**
 * A copy of the dataset with these answers gone (length -1: no document) and, for whole rows, the
 * record id and response-level attributes blanked; these participants' pseudonyms and attribute
 * values blanked. Used for the stored rewrite on confirmation and for the hidden view meanwhile.
 */
export function blankDataset(ds: Dataset, answers: ReadonlyMap<number, ReadonlySet<number>> | undefined, participants: ReadonlySet<number> | undefined): Dataset {
  const F = ds.fields.length;
  const lengths = new Int32Array(ds.lengths);
  const recordIds = [...ds.recordIds];
  const responseAttributes = ds.responseAttributes ? Object.fromEntries(Object.entries(ds.responseAttributes).map(([k, v]) => [k, [...v]])) : undefined;
  for (const [row, slots] of answers ?? []) {
    for (const s of slots) if (s >= 0 && s < F) lengths[row * F + s] = -1;
    if (slots.size >= F) {
      recordIds[row] = RETRACTED_LABEL;
      if (responseAttributes) for (const col of Object.values(responseAttributes)) col[row] = null;
    }
  }
  const pseudonyms = [...ds.participants.pseudonyms];
  const attributes: Record<string, AttributeValue[]> = Object.fromEntries(Object.entries(ds.participants.attributes).map(([k, v]) => [k, [...v]]));
  for (const i of participants ?? []) {
    pseudonyms[i] = RETRACTED_LABEL;
    for (const col of Object.values(attributes)) col[i] = null;
  }
  return { ...ds, lengths, recordIds, participants: { ...ds.participants, pseudonyms, attributes }, ...(responseAttributes ? { responseAttributes } : {}) };
}

/** A row's answers after blanking: the retracted slots null. Whole rows are deleted instead (see purge). */
export function blankRowTexts<T>(texts: readonly (T | null)[], slots: ReadonlySet<number>): (T | null)[] {
  return texts.map((t, i) => (slots.has(i) ? null : t));
}

/** One history entry's changes with every change to a purged row removed; null if nothing is left. */
export function scrubChanges<C extends { table: string; key: string }>(changes: readonly C[], purged: ReadonlySet<string>): { changes: C[]; removed: number } {
  const kept = changes.filter((c) => !purged.has(`${c.table}\u0000${c.key}`));
  return { changes: kept, removed: changes.length - kept.length };
}

/** The targets hidden by pending and confirmed retractions (a confirmed one's rows are gone; its derived participant is labelled). */
export function hiddenTargets(records: readonly RetractionRecord[]): { participants: Set<string>; documents: Set<string>; sources: Set<string> } {
  const out = { participants: new Set<string>(), documents: new Set<string>(), sources: new Set<string>() };
  for (const r of records) {
    if (!r.target) continue;
    (r.target.kind === 'participant' ? out.participants : r.target.kind === 'document' ? out.documents : out.sources).add(r.target.id);
  }
  return out;
}

export type Hidden = ReturnType<typeof hiddenTargets>;

export const isHiddenDocument = (d: Pick<DocumentMeta, 'id' | 'sourceId' | 'participantId'>, h: Hidden): boolean =>
  h.documents.has(d.id) || h.sources.has(d.sourceId) || (d.participantId !== null && h.participants.has(d.participantId));

/** Pending retractions of survey targets as a view of each dataset (nothing stored changes until confirmation). */
export function hideInDatasets(datasets: readonly Dataset[], pending: readonly RetractionTarget[]): Dataset[] {
  if (pending.length === 0) return [...datasets];
  const kept = datasets.filter((ds) => !pending.some((t) => t.kind === 'source' && t.id === ds.sourceId));
  return kept.map((ds) => {
    const answers = new Map<number, Set<number>>();
    const participants = new Set<number>();
    for (const t of pending) {
      if (t.kind === 'source') continue;
      const s = retractionScope(t, [], [ds]);
      for (const [row, slots] of s.datasetAnswers.get(ds.id) ?? []) {
        const to = answers.get(row) ?? answers.set(row, new Set()).get(row)!;
        for (const x of slots) to.add(x);
      }
      for (const i of s.datasetParticipants.get(ds.id) ?? []) participants.add(i);
    }
    return answers.size || participants.size ? blankDataset(ds, answers, participants) : ds;
  });
}

/** "Reasons over time": retractions per calendar month (UTC) and reason. */
export interface ReasonsReport {
  months: string[];
  reasons: readonly RetractionReason[];
  /** counts[month][reason]; null where suppressed (fewer than the threshold, above zero). */
  counts: (number | null)[][];
  suppressed: number;
}

/**
 * Confirmed retractions per month × reason. With `threshold` (for publication), counts from 1 to
 * threshold-1 are suppressed (null), as everywhere else in Chorus.
 */
export function reasonsOverTime(records: readonly RetractionRecord[], threshold = 0): ReasonsReport {
  const confirmed = records.filter((r) => r.status !== 'pending');
  const months = [...new Set(confirmed.map((r) => (r.confirmedAt ?? r.at).slice(0, 7)))].sort();
  const reasons = RETRACTION_REASONS;
  const raw = months.map((m) => reasons.map((why) => confirmed.filter((r) => (r.confirmedAt ?? r.at).slice(0, 7) === m && r.reason === why).length));
  let suppressed = 0;
  const counts = raw.map((row) =>
    row.map((n) => {
      const v = suppressSmallCounts(n, threshold);
      if (v === null) suppressed++;
      return v;
    }),
  );
  return { months, reasons, counts, suppressed };
}

/** A source's retention state on `today` (YYYY-MM-DD): overdue, due within `withinDays`, or neither. */
export type RetentionState = 'overdue' | 'due soon' | 'kept';

const DAY = 86_400_000;
export function retentionState(source: Pick<Source, 'retainUntil'>, today: string, withinDays = 30): RetentionState {
  if (!source.retainUntil) return 'kept';
  const until = Date.parse(source.retainUntil.slice(0, 10) + 'T00:00:00Z');
  const now = Date.parse(today.slice(0, 10) + 'T00:00:00Z');
  if (!Number.isFinite(until) || !Number.isFinite(now)) return 'kept';
  if (until < now) return 'overdue';
  return until - now <= withinDays * DAY ? 'due soon' : 'kept';
}

/** Sources past or near their retention date, most overdue first. */
export function dueForDeletion<S extends Pick<Source, 'id' | 'retainUntil'>>(sources: readonly S[], today: string, withinDays = 30): (S & { state: Exclude<RetentionState, 'kept'> })[] {
  return sources
    .map((s) => ({ ...s, state: retentionState(s, today, withinDays) }))
    .filter((s): s is S & { state: Exclude<RetentionState, 'kept'> } => s.state !== 'kept')
    .sort((a, b) => (a.retainUntil! < b.retainUntil! ? -1 : a.retainUntil! > b.retainUntil! ? 1 : a.id < b.id ? -1 : 1));
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The report as CSV (RFC 4180): a month column, one column per reason; suppressed cells say "fewer than N", as in every export. */
export function reasonsCsv(report: ReasonsReport, threshold: number): string {
  const lines = [['Month', ...report.reasons].map(csvCell).join(',')];
  report.months.forEach((m, i) => lines.push([m, ...report.counts[i]!.map((n) => (n === null ? fewerThan(threshold) : String(n)))].map(csvCell).join(',')));
  return lines.join('\r\n') + '\r\n';
}
