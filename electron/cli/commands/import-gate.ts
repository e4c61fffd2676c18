/**
 * The anonymisation gate of `chorus import`: every imported text and attribute value is scanned
 * before anything is written. Personal data stops the import unless the user chose `--redact`
 * (replace each finding) or `--keep-pii` (keep it, knowingly). The refusal names counts per type
 * and where (row numbers of tables, line numbers of transcripts), never the values. Either choice
 * is logged (counts per type and decision, no values) and travels in the .qdpx side file.
 */
import { CliError } from '../command';
import { applyDecisions, scanBatches, totalCounts, type BatchFinding } from '../../../shared/import/pipeline';
import type { ImportBatch } from '../../../shared/import/mapping';
import { newGuid, type PiiType, type RedactionLog } from '../../../shared/model';

/** Where a batch's documents came from, for the refusal: each document's row in its table, or none for transcripts. */
export interface BatchPlaces {
  file: string;
  /** Row number of document i (tables), or undefined (transcripts: a line number is given instead). */
  rowOfDocument(i: number): number | undefined;
}

const MAX_PLACES = 12;

interface Place {
  file: string;
  unit: 'row' | 'line' | '';
  n: number;
}

/** Each participant's first document in a batch (made once per batch: a flagged attribute column gives a finding per participant). */
const firstDocuments = new WeakMap<ImportBatch, Map<string, number>>();
function firstDocumentOf(batch: ImportBatch, participantId: string | undefined): number {
  let first = firstDocuments.get(batch);
  if (!first) {
    first = new Map();
    batch.documents.forEach((d, i) => d.participantId && !first!.has(d.participantId) && first!.set(d.participantId, i));
    firstDocuments.set(batch, first);
  }
  return participantId === undefined ? -1 : (first.get(participantId) ?? -1);
}

/** Where a finding is: a table row, a transcript line, or (an attribute of an unplaced participant) just the file. */
function placeOf(f: BatchFinding, batch: ImportBatch, places: BatchPlaces): Place {
  if (f.place.kind === 'document') {
    const row = places.rowOfDocument(f.place.doc);
    if (row !== undefined) return { file: places.file, unit: 'row', n: row };
    const doc = batch.documents[f.place.doc]!;
    return { file: doc.title, unit: 'line', n: doc.text.slice(0, f.start).split('\n').length };
  }
  if (f.place.kind === 'row-attribute') return { file: places.file, unit: 'row', n: f.place.row + 1 };
  const doc =
    f.place.kind === 'attribute'
      ? firstDocumentOf(batch, batch.participants[(f.place as { participant: number }).participant]?.id)
      : f.place.doc;
  const row = doc >= 0 ? places.rowOfDocument(doc) : undefined;
  return row !== undefined ? { file: places.file, unit: 'row', n: row } : { file: places.file, unit: '', n: 0 };
}

/** "feedback.csv rows 3, 7; call line 12", at most MAX_PLACES numbers in all. */
function describePlaces(list: readonly Place[]): string {
  const byFile = new Map<string, { unit: Place['unit']; ns: Set<number> }>();
  for (const p of list) {
    const key = `${p.file}\u0000${p.unit}`;
    const e = byFile.get(key) ?? { unit: p.unit, ns: new Set<number>() };
    if (p.unit) e.ns.add(p.n);
    byFile.set(key, e);
  }
  let budget = MAX_PLACES;
  let hidden = 0;
  const parts = [...byFile].map(([key, { unit, ns }]) => {
    const file = key.slice(0, key.indexOf('\u0000'));
    if (!unit) return file;
    const sorted = [...ns].sort((a, b) => a - b);
    const shown = sorted.slice(0, Math.max(1, budget));
    budget -= shown.length;
    hidden += sorted.length - shown.length;
    return `${file} ${unit}${sorted.length > 1 ? 's' : ''} ${shown.join(', ')}`;
  });
  return parts.join('; ') + (hidden > 0 ? ` and ${hidden} more` : '');
}

/** The refusal: counts per type, then where, never a value. One line. */
export function refusal(findings: readonly BatchFinding[], batches: readonly ImportBatch[], places: readonly BatchPlaces[]): string {
  const byType = new Map<PiiType, Place[]>();
  for (const f of findings) {
    const list = byType.get(f.type) ?? [];
    list.push(placeOf(f, batches[f.batch]!, places[f.batch]!));
    byType.set(f.type, list);
  }
  const parts = [...byType]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([type, list]) => `${type} ${list.length} (${describePlaces(list)})`);
  return `personal data found, nothing written: ${parts.join('; ')}. Re-run with --redact to replace it, or --keep-pii to keep it`;
}

export interface GateResult {
  /** One log per batch with findings (counts only), for the side file. */
  logs: RedactionLog[];
  /** A line for the user, or '' when nothing was found. */
  note: string;
}

/**
 * Scan, then refuse (throws CliError, exit 3) or apply the user's choice in place. `projectId`
 * and `now` stamp the logs.
 */
export function piiGate(
  batches: ImportBatch[],
  places: readonly BatchPlaces[],
  choice: { redact: boolean; keep: boolean },
  ctx: { projectId: string; now: string },
): GateResult {
  if (choice.redact && choice.keep) throw new CliError('choose one of --redact and --keep-pii, not both', 2);
  const findings = scanBatches(batches);
  if (findings.length === 0) return { logs: [], note: '' };
  if (!choice.redact && !choice.keep) throw new CliError(refusal(findings, batches, places), 3);
  const perBatch = choice.redact
    ? applyDecisions(batches, findings, () => 'redact')
    : batches.map((_, i) => totalCounts([countTypes(findings.filter((f) => f.batch === i))]) as Record<PiiType, number>);
  const decision = choice.redact ? 'redacted' : 'kept';
  const logs: RedactionLog[] = [];
  perBatch.forEach((c, i) => {
    const counts = totalCounts([c]);
    if (Object.keys(counts).length === 0) return;
    logs.push({ id: newGuid(), projectId: ctx.projectId, at: ctx.now, by: 'chorus import (command line)', batch: places[i]!.file, counts, decisions: { [decision]: counts } });
  });
  const total = totalCounts(perBatch);
  const n = Object.values(total).reduce((a, b) => a + b, 0);
  const list = Object.entries(total).map(([k, v]) => `${k} ${v}`).join(', ');
  return { logs, note: choice.redact ? `Redacted ${n} item(s): ${list}` : `Kept ${n} item(s) of personal data (--keep-pii): ${list}` };
}

function countTypes(findings: readonly BatchFinding[]): Partial<Record<PiiType, number>> {
  const out: Partial<Record<PiiType, number>> = {};
  for (const f of findings) out[f.type] = (out[f.type] ?? 0) + 1;
  return out;
}
