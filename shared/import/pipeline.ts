/**
 * Glue shared by the headless CLI and the app's import worker: which importer a file needs,
 * reading a transcript file, confirming speakers, the anonymisation gate (scan every text and
 * attribute value of a batch, then apply the user's per-finding decisions) and date-order checks.
 *
 * Original values of redacted data live only in the batch in memory until the decisions are
 * applied; nothing here logs them or puts them in an error message.
 */
import { PII_TYPES, type DocumentWithText, type Participant, type PiiType, type SpeakerTurn } from '../model';
import type { PiiFinding } from '../privacy/detect';
import { PLACEHOLDERS, Pseudonymiser, redactWithOffsetMap } from '../privacy/redact';
import { decodeText } from './encoding';
import { detach } from './detach';
import { BatchScanner, deOverlap, placeKey, scanPlace, scanValues, type BatchFinding, type FindingPlace } from './pii-scan';
import { docxToText } from './docx';
import type { ImportBatch } from './mapping';
import { isWorkbookName } from './table';
import { ImportError } from './types';
import { parseDate, parseDateEitherOrder, type DateOrder } from './values';

export type ImportFileKind = 'table' | 'workbook' | 'transcript';

const TABLE_EXT = ['csv', 'tsv', 'tab', 'psv'];
const TRANSCRIPT_EXT = ['txt', 'md', 'markdown', 'rst', 'docx'];
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.tab', '.psv', '.xlsx', '.xlsm', '.xls', '.ods', '.txt', '.md', '.markdown', '.rst', '.docx'];

/** Which importer a file needs, from its name; undefined for an unsupported type. */
export function importFileKind(fileName: string): ImportFileKind | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (isWorkbookName(fileName)) return 'workbook';
  if (TABLE_EXT.includes(ext)) return 'table';
  if (TRANSCRIPT_EXT.includes(ext)) return 'transcript';
  return undefined;
}

/** A TXT/MD/RST/DOCX transcript's text. Throws ImportError (the message does not repeat the file name). */
export async function readTranscriptText(fileName: string, bytes: Uint8Array, encoding?: string): Promise<string> {
  if (fileName.toLowerCase().endsWith('.docx')) return docxToText(bytes);
  const d = decodeText(bytes, encoding);
  if (d.text.includes('\u0000')) throw new ImportError(`contains a NUL byte: it is a binary file or its encoding is wrong (decoded as ${d.encoding})`);
  return d.text;
}

/** Speakers with their number of turns, in order of first appearance. */
export function speakerCounts(turns: readonly SpeakerTurn[]): { speaker: string; turns: number }[] {
  const counts = new Map<string, number>();
  for (const t of turns) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  return [...counts].map(([speaker, n]) => ({ speaker, turns: n }));
}

/**
 * Drop turns whose label the user says is not a speaker: each dropped turn's text joins the
 * turn before it (text before the first kept turn belongs to no turn). Offsets are unchanged.
 */
export function dropSpeakers(turns: readonly SpeakerTurn[], notSpeakers: ReadonlySet<string>): SpeakerTurn[] {
  const out: SpeakerTurn[] = [];
  for (const t of turns) {
    if (!notSpeakers.has(t.speaker)) out.push({ ...t });
    else if (out.length > 0) out[out.length - 1]!.end = Math.max(out[out.length - 1]!.end, t.end);
  }
  return out;
}

/**
 * Values that cannot be read in the chosen date order but can in another (a sign the order is
 * wrong), and values that read in both day/month and month/day order as different dates.
 */
export function dateOrderConflicts(values: readonly string[], order: DateOrder): { contradicting: number; ambiguous: number; example?: string } {
  let contradicting = 0;
  let ambiguous = 0;
  let example: string | undefined;
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    if (parseDate(v, order).ok) {
      const r = parseDateEitherOrder(v);
      if (!r.ok && 'ambiguous' in r) ambiguous++;
      continue;
    }
    const other = (['dmy', 'mdy'] as const).filter((o) => o !== order);
    if (other.some((o) => parseDate(v, o).ok)) {
      contradicting++;
      example ??= v;
    }
  }
  return { contradicting, ambiguous, ...(example !== undefined ? { example } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The anonymisation gate

export { BatchScanner, deOverlap, scanPlace, scanValues, type BatchFinding, type FindingPlace } from './pii-scan';

export type FindingDecision = 'redact' | 'pseudonymise' | 'ignore';

/**
 * Scan every document text, speaker label and text attribute value of the batches for personal
 * data (see BatchScanner for what is grouped). Returns the findings to review followed by those
 * that follow them (`follows`). `onProgress(done, total)` is called after each document (total =
 * documents + participants).
 */
export function scanBatches(batches: readonly ImportBatch[], opts: { allowList?: string[]; onProgress?: (done: number, total: number) => void } = {}): BatchFinding[] {
  const out: BatchFinding[] = [];
  const followers: BatchFinding[] = [];
  const total = batches.reduce((n, b) => n + b.documents.length + b.participants.length, 0);
  let done = 0;
  batches.forEach((b, bi) => {
    const scanner = new BatchScanner(bi, opts.allowList);
    const found: BatchFinding[] = [];
    b.documents.forEach((d, di) => {
      const list =
        d.kind === 'transcript'
          ? scanner.transcript(di, d.text, d.turns)
          : d.kind === 'response'
            ? scanner.answer(di, d.field ?? '', d.text)
            : scanPlace(bi, { kind: 'document', doc: di }, d.text, opts.allowList);
      for (const f of list) found.push(f);
      if (d.kind === 'transcript') for (const f of scanner.title(di, d.title)) found.push(f);
      if (d.attributes) for (const f of scanValues(bi, (variableId) => ({ kind: 'document-attribute', doc: di, variableId }), d.attributes, opts.allowList)) found.push(f);
      opts.onProgress?.(++done, total);
    });
    for (const f of scanner.attributes(b.participants.length, b.variables.map((v) => v.id), (p, v) => b.participants[p]!.attributes[v] ?? null)) found.push(f);
    done += b.participants.length;
    for (const f of found) if (!scanner.dropped(f.id)) out.push(f);
    for (const f of scanner.followers()) followers.push(f);
    opts.onProgress?.(done, total);
  });
  return [...out, ...followers];
}

/** A short window of text around a finding, for the review screen (kept in memory only). */
export function findingContext(text: string, f: Pick<PiiFinding, 'start' | 'end'>, width = 40): { before: string; match: string; after: string } {
  let from = Math.max(0, f.start - width);
  let to = Math.min(text.length, f.end + width);
  // do not cut a surrogate pair in half
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from] ?? '')) from--;
  if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1] ?? '')) to++;
  // copies, not views into the text: a review keeps thousands of these while the texts are streamed past
  return { before: detach((from > 0 ? '…' : '') + text.slice(from, f.start)), match: detach(text.slice(f.start, f.end)), after: detach(text.slice(f.end, to) + (to < text.length ? '…' : '')) };
}

/**
 * The labels of one text's person findings, in order: the identity to pseudonymise (the finding's
 * key, or the matched text), or null for "[PERSON]" (the user chose to redact that one).
 */
class MixedPersonLabels extends Pseudonymiser {
  queue: (string | null)[] = [];
  readonly #shared: Pseudonymiser;
  constructor(shared: Pseudonymiser) {
    super();
    this.#shared = shared;
  }
  override label(original: string): string {
    const key = this.queue.shift();
    return key === null || key === undefined ? PLACEHOLDERS.person : this.#shared.label(key === '' ? original : key);
  }
}

function emptyCounts(): Record<PiiType, number> {
  return Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as Record<PiiType, number>;
}

/**
 * Applies the user's decisions IN PLACE, batch by batch and (for streamed tables) chunk by
 * chunk: redacted findings become typed placeholders, pseudonymised people "[PERSON n]" (the same
 * person the same n across everything one applier sees), ignored ones stay. A finding that
 * follows another (a repeated value, a mention of a speaker's name) takes that one's decision.
 * Speaker labels are changed like the text, and speaker turns are remapped through the
 * redaction. Findings without a decision are redacted. `counts` holds, per batch, the findings
 * redacted or pseudonymised by type (never the values).
 */
export class DecisionApplier {
  readonly counts: Record<PiiType, number>[] = [];
  readonly #byPlace = new Map<string, BatchFinding[]>();
  /** Per batch, the documents with something to apply (most answers of a survey have nothing: no key is made for them). */
  readonly #documents = new Map<number, Set<number>>();
  readonly #decisions = new Map<string, FindingDecision>();
  readonly #labels: MixedPersonLabels;

  constructor(findings: readonly BatchFinding[], decide: (f: BatchFinding) => FindingDecision, pseudonyms: Pseudonymiser = new Pseudonymiser()) {
    this.#labels = new MixedPersonLabels(pseudonyms);
    const byId = new Map<string, BatchFinding>();
    for (const f of findings) if (f.follows === undefined) byId.set(f.id, f);
    for (const f of findings) {
      const leader = f.follows !== undefined ? byId.get(f.follows) : f;
      // a follower whose leader is not among the findings is decided on its own
      const d = decide(leader ?? f);
      if (d === 'ignore') continue;
      this.#decisions.set(f.id, d);
      const key = `${f.batch}|${placeKey(f.place)}`;
      if (f.place.kind === 'document') {
        let docs = this.#documents.get(f.batch);
        if (!docs) this.#documents.set(f.batch, (docs = new Set()));
        docs.add(f.place.doc);
      }
      const list = this.#byPlace.get(key);
      if (list) list.push(f);
      else this.#byPlace.set(key, [f]);
    }
  }

  #redact(batch: number, place: FindingPlace, text: string): ReturnType<typeof redactWithOffsetMap> | undefined {
    const list = this.#byPlace.get(`${batch}|${placeKey(place)}`);
    if (!list) return undefined;
    const chosen = deOverlap(list);
    this.#labels.queue = chosen.filter((f) => f.type === 'person').map((f) => (this.#decisions.get(f.id) === 'pseudonymise' ? (f.key ?? '') : null));
    const counts = (this.counts[batch] ??= emptyCounts());
    for (const f of chosen) counts[f.type]++;
    return redactWithOffsetMap(text, chosen, this.#labels);
  }

  /** Document `doc` of batch `batch` with the decisions applied, or undefined when nothing applies to it. */
  documentText(batch: number, doc: number, text: string): ReturnType<typeof redactWithOffsetMap> | undefined {
    this.counts[batch] ??= emptyCounts();
    if (!this.#documents.get(batch)?.has(doc)) return undefined;
    return this.#redact(batch, { kind: 'document', doc }, text);
  }

  /** A speaker label of document `doc` with the decisions applied (the label itself when nothing applies). */
  speaker(batch: number, doc: number, speaker: string): string {
    this.counts[batch] ??= emptyCounts();
    return (this.#redact(batch, { kind: 'speaker', doc, speaker }, speaker)?.text ?? speaker).slice(0, 120);
  }

  /** The documents of batch `batch` (all of them, in order), changed in place: text, length, turns and their speakers, and their response-level attribute values. */
  documents(batch: number, docs: DocumentWithText[], participants: Participant[] = []): void {
    docs.forEach((d, i) => {
      const title = this.#redact(batch, { kind: 'title', doc: i }, d.title)?.text;
      if (title !== undefined) {
        // a transcript's participant is named from the same file name
        for (const p of participants) if (p.id === d.participantId && p.pseudonym === d.title.slice(0, p.pseudonym.length)) p.pseudonym = title.slice(0, 120);
        d.title = title.slice(0, 300);
      }
      if (d.attributes) {
        for (const [variableId, v] of Object.entries(d.attributes)) {
          if (typeof v === 'string') d.attributes[variableId] = this.#redact(batch, { kind: 'document-attribute', doc: i, variableId }, v)?.text ?? v;
        }
      }
      const r = this.documentText(batch, i, d.text);
      const speakers = new Map<string, string>();
      for (const t of d.turns) if (!speakers.has(t.speaker)) speakers.set(t.speaker, this.speaker(batch, i, t.speaker));
      d.turns = d.turns.map((t) => ({ speaker: speakers.get(t.speaker)!, start: r ? r.mapOffset(t.start) : t.start, end: r ? r.mapOffset(t.end) : t.end }));
      if (!r) return;
      d.text = r.text;
      d.length = r.text.length;
    });
  }

  /** The attribute values of batch `batch` that have findings to apply (so a streamed table need not visit every value). */
  attributePlaces(batch: number): { participant: number; variableId: string }[] {
    const out: { participant: number; variableId: string }[] = [];
    for (const list of this.#byPlace.values()) {
      const place = list[0]!.place;
      if (list[0]!.batch === batch && place.kind === 'attribute') out.push({ participant: place.participant, variableId: place.variableId });
    }
    return out.sort((a, b) => a.participant - b.participant);
  }

  /** The response-level attribute values of a streamed table's rows that have findings to apply. */
  rowAttributePlaces(batch: number): { row: number; variableId: string }[] {
    const out: { row: number; variableId: string }[] = [];
    for (const list of this.#byPlace.values()) {
      const place = list[0]!.place;
      if (list[0]!.batch === batch && place.kind === 'row-attribute') out.push({ row: place.row, variableId: place.variableId });
    }
    return out.sort((a, b) => a.row - b.row);
  }

  /** One row's response-level value with the decisions applied (the value itself when nothing applies). */
  rowAttribute(batch: number, row: number, variableId: string, value: string): string {
    this.counts[batch] ??= emptyCounts();
    return this.#redact(batch, { kind: 'row-attribute', row, variableId }, value)?.text ?? value;
  }

  /** One attribute value with the decisions applied (the value itself when nothing applies). */
  attribute(batch: number, participant: number, variableId: string, value: string): string {
    this.counts[batch] ??= emptyCounts();
    return this.#redact(batch, { kind: 'attribute', participant, variableId }, value)?.text ?? value;
  }

  /** The participants (their text attribute values) of batch `batch`, all of them, in batch order. */
  participants(batch: number, participants: Participant[]): void {
    participants.forEach((p, i) => {
      for (const [variableId, v] of Object.entries(p.attributes)) if (typeof v === 'string') p.attributes[variableId] = this.attribute(batch, i, variableId, v);
    });
    this.counts[batch] ??= emptyCounts();
  }
}

/** Apply the user's decisions to whole batches in place (see DecisionApplier); returns per-batch counts by type. */
export function applyDecisions(
  batches: ImportBatch[],
  findings: readonly BatchFinding[],
  decide: (f: BatchFinding) => FindingDecision,
  pseudonyms: Pseudonymiser = new Pseudonymiser(),
): Record<PiiType, number>[] {
  const applier = new DecisionApplier(findings, decide, pseudonyms);
  batches.forEach((b, i) => {
    applier.documents(i, b.documents, b.participants);
    applier.participants(i, b.participants);
  });
  return batches.map((_, i) => applier.counts[i] ?? emptyCounts());
}

/** Add up per-batch counts, keeping only the types that occurred. */
export function totalCounts(counts: readonly Partial<Record<PiiType, number>>[]): Partial<Record<PiiType, number>> {
  const out: Partial<Record<PiiType, number>> = {};
  for (const c of counts) for (const [t, n] of Object.entries(c) as [PiiType, number][]) if (n > 0) out[t] = (out[t] ?? 0) + n;
  return out;
}

/** Redact every finding in every batch (the CLI's --redact); returns counts per type (non-zero only). */
export function redactBatches(batches: ImportBatch[]): Partial<Record<PiiType, number>> {
  return totalCounts(applyDecisions(batches, scanBatches(batches), () => 'redact'));
}
