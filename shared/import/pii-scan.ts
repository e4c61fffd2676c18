/**
 * The anonymisation gate's scan of one import batch, shared by the app's import worker (which
 * streams a table chunk by chunk) and the CLI (whole batches). Besides running detectPii on
 * every text, it knows where a text sits, and groups what is one thing to decide:
 *
 * - Speaker labels are personal data: each distinct label of a transcript is scanned; a name in
 *   it is one finding to review, and every mention of that name in the transcript's text follows
 *   that finding's decision and gets the same pseudonym (see shared/privacy/speakers.ts).
 * - Repeated values are categories: an attribute value is scanned once and reported once, at
 *   its first participant, every other participant with the same value following it. A free-text
 *   answer repeated word for word in a column is grouped the same way. In a category column (few
 *   distinct values: see isCategoryColumn) or a value repeated in REPEATED or more rows, a name
 *   needs strong evidence (a title, or a known first name: confidence STRONG_NAME or more); names
 *   found only from their surroundings are dropped ("PTS - Patient Transport" is a category).
 *   Structured identifiers (emails, phones…) in a repeated value still count, once per value.
 */
import type { AttributeValue, SpeakerTurn } from '../model';
import { detectPii, type PiiFinding } from '../privacy/detect';
import { nameIdentity, nameMentions, speakerLabelNames } from '../privacy/speakers';
import { fileNameAsWords, fileNameFindings } from '../privacy/file-names';
import { detach } from './detach';

/**
 * Where a finding is: a document's text, a participant's attribute value, a response-level
 * attribute value (of a table row when streamed, of a document in a whole batch), or a
 * transcript's speaker label. Indexes into the batch.
 */
export type FindingPlace =
  | { kind: 'document'; doc: number }
  | { kind: 'attribute'; participant: number; variableId: string }
  | { kind: 'row-attribute'; row: number; variableId: string }
  | { kind: 'document-attribute'; doc: number; variableId: string }
  | { kind: 'speaker'; doc: number; speaker: string }
  /** A document's title made from its file name (transcripts). */
  | { kind: 'title'; doc: number };

export interface BatchFinding extends PiiFinding {
  /** Stable across re-scans of the same batch: batch, place, offsets and type. */
  id: string;
  batch: number;
  place: FindingPlace;
  /** The finding whose decision this one takes (another row with the same value, a mention of a speaker's name). */
  follows?: string;
  /** For a person: who it is, so that every mention gets the same pseudonym (default: the matched text). */
  key?: string;
}

/** A value in this many rows of a column is a category, not free text. */
export const REPEATED = 5;
/** A name in a category value needs this much confidence: a title (0.9) or a known first name (0.8 alone, 0.92 with more). */
export const STRONG_NAME = 0.8;
/** Answers longer than this are never grouped as repeated (nobody writes the same paragraph twice). */
export const MAX_GROUPED_LENGTH = 160;
/** Distinct answers remembered per batch for grouping (bounded memory on a 200,000-row survey). */
const MAX_REMEMBERED = 50_000;

/**
 * A column is a category column when it has few distinct values for its rows: at least 10
 * non-empty values and at most min(50, a third of them) distinct ones.
 */
export function isCategoryColumn(distinct: number, nonEmpty: number): boolean {
  return nonEmpty >= 10 && distinct <= Math.min(50, nonEmpty / 3);
}

export function placeKey(p: FindingPlace): string {
  switch (p.kind) {
    case 'document':
      return `d${p.doc}`;
    case 'attribute':
      return `a${p.participant}:${p.variableId}`;
    case 'row-attribute':
      return `r${p.row}:${p.variableId}`;
    case 'document-attribute':
      return `da${p.doc}:${p.variableId}`;
    case 'speaker':
      return `s${p.doc}:${p.speaker}`;
    case 'title':
      return `t${p.doc}`;
  }
}

/** Sorted by start, longest first at a tie, and without overlaps (the earlier/longer one wins). */
export function deOverlap<T extends { start: number; end: number }>(findings: readonly T[]): T[] {
  let prevEnd = 0;
  return [...findings].sort((a, b) => a.start - b.start || b.end - a.end).filter((f) => f.start >= prevEnd && ((prevEnd = f.end), true));
}

const withPlace = (batch: number, place: FindingPlace, found: readonly PiiFinding[]): BatchFinding[] =>
  // (most answers have no finding: no copies, sorts or key for them)
  found.length === 0 ? [] : deOverlap(found).map((f) => ({ ...f, batch, place, id: `${batch}:${placeKey(place)}:${f.start}-${f.end}:${f.type}` }));

/** The findings in one text (at one place of a batch), without overlaps, with their stable ids. */
export function scanPlace(batch: number, place: FindingPlace, text: string, allowList?: string[]): BatchFinding[] {
  return withPlace(batch, place, detectPii(text, { allowList }));
}

/** The findings in attribute values (text ones), each placed by `place`. */
export function scanValues(batch: number, place: (variableId: string) => FindingPlace, attributes: Readonly<Record<string, AttributeValue>>, allowList?: string[]): BatchFinding[] {
  const out: BatchFinding[] = [];
  for (const [variableId, v] of Object.entries(attributes)) {
    if (typeof v === 'string' && v.trim() !== '') out.push(...scanPlace(batch, place(variableId), v, allowList));
  }
  return out;
}

/**
 * Detection of many texts at once, possibly elsewhere (a pool of workers): each text's
 * detectPii(text, { allowList }) in order. An import's answers are sent in chunks so the
 * scan runs on other cores while the rows are still being read.
 */
export type PiiDetector = (texts: readonly string[], allowList?: string[]) => Promise<PiiFinding[][]>;

/** Each text's findings (the body of a detection worker, and the detector used without one). */
export function detectEach(texts: readonly string[], allowList?: string[]): PiiFinding[][] {
  return texts.map((t) => detectPii(t, { allowList }));
}

const isWeak = (f: PiiFinding): boolean => f.type === 'person' && f.confidence < STRONG_NAME;

/** Scans one batch; see the file comment. Findings returned are the ones to review; `all()` adds those that follow them. */
export class BatchScanner {
  readonly #followers: BatchFinding[] = [];
  readonly #dropped = new Set<string>();
  readonly #occurrences = new Map<string, number>();
  /** Per column and answer text: how often seen and the findings of its first occurrence. */
  /** Per column, short answers seen (by text) with their findings (a map per column: no key string made per answer). */
  readonly #answers = new Map<string, Map<string, { count: number; leaders: BatchFinding[] }>>();
  #remembered = 0;

  constructor(
    readonly batch: number,
    readonly allowList?: string[],
  ) {}

  #follow(leader: BatchFinding, place: FindingPlace, start = leader.start, end = leader.end): void {
    this.#followers.push({
      type: leader.type,
      start,
      end,
      confidence: leader.confidence,
      batch: this.batch,
      place,
      id: `${this.batch}:${placeKey(place)}:${start}-${end}:${leader.type}`,
      follows: leader.id,
      ...(leader.key !== undefined ? { key: leader.key } : {}),
    });
    this.#occurrences.set(leader.id, (this.#occurrences.get(leader.id) ?? 1) + 1);
  }

  /**
   * A free-text answer (document `doc`) of table column `column`; a repeated answer's findings are
   * returned once, at its first row. `found`, when given, is detectPii(text, { allowList }) worked
   * out elsewhere (another worker): the same findings, without scanning here.
   */
  answer(doc: number, column: string, text: string, found?: readonly PiiFinding[]): BatchFinding[] {
    const place: FindingPlace = { kind: 'document', doc };
    const scan = () => (found ? withPlace(this.batch, place, found) : scanPlace(this.batch, place, text, this.allowList));
    if (text.length > MAX_GROUPED_LENGTH) return scan();
    let answers = this.#answers.get(column);
    if (!answers) this.#answers.set(column, (answers = new Map()));
    const seen = answers.get(text);
    if (!seen) {
      const leaders = scan();
      if (this.#remembered < MAX_REMEMBERED) {
        answers.set(detach(text), { count: 1, leaders });
        this.#remembered++;
      }
      return leaders;
    }
    if (++seen.count === REPEATED) for (const f of seen.leaders) if (isWeak(f)) this.#dropped.add(f.id);
    for (const f of seen.leaders) if (!this.#dropped.has(f.id)) this.#follow(f, place);
    return [];
  }

  /** Whether answer() would run the detector on this text: false for a repeat of a remembered answer of the column. */
  wouldScan(column: string, text: string): boolean {
    return text.length > MAX_GROUPED_LENGTH || !this.#answers.get(column)?.has(text);
  }

  /**
   * The string attribute values of `count` participants, column by column (`value(p, id)` gives
   * participant p's value of variable id). Each distinct value of a column is scanned once.
   */
  attributes(count: number, variableIds: readonly string[], value: (participant: number, variableId: string) => AttributeValue): BatchFinding[] {
    const out: BatchFinding[] = [];
    for (const variableId of variableIds) {
      const byValue = new Map<string, number[]>();
      let nonEmpty = 0;
      for (let p = 0; p < count; p++) {
        const v = value(p, variableId);
        if (typeof v !== 'string' || v.trim() === '') continue;
        nonEmpty++;
        const list = byValue.get(v);
        if (list) list.push(p);
        else byValue.set(v, [p]);
      }
      const category = isCategoryColumn(byValue.size, nonEmpty);
      for (const [v, participants] of byValue) {
        let leaders = scanPlace(this.batch, { kind: 'attribute', participant: participants[0]!, variableId }, v, this.allowList);
        if (category || participants.length >= REPEATED) leaders = leaders.filter((f) => !isWeak(f));
        for (const f of leaders) for (let i = 1; i < participants.length; i++) this.#follow(f, { kind: 'attribute', participant: participants[i]!, variableId });
        out.push(...leaders);
      }
    }
    return out;
  }

  /**
   * A transcript (document `doc`): its speaker labels and its text. A name in a label is returned
   * once; its mentions in the text follow it (the text's own findings there give way to them).
   */
  transcript(doc: number, text: string, turns: readonly SpeakerTurn[]): BatchFinding[] {
    const labels: BatchFinding[] = [];
    const mentions: { start: number; end: number; leader: BatchFinding }[] = [];
    for (const speaker of new Set(turns.map((t) => t.speaker))) {
      for (const f of withPlace(this.batch, { kind: 'speaker', doc, speaker }, speakerLabelNames(speaker, this.allowList))) {
        if (f.type === 'person') {
          const name = speaker.slice(f.start, f.end);
          f.key = nameIdentity(name);
          for (const m of nameMentions(text, name)) mentions.push({ ...m, leader: f });
        }
        labels.push(f);
      }
    }
    const kept = deOverlap(mentions);
    const overlapsMention = (f: { start: number; end: number }): boolean => kept.some((m) => m.start < f.end && f.start < m.end);
    const own = scanPlace(this.batch, { kind: 'document', doc }, text, this.allowList).filter((f) => !overlapsMention(f));
    for (const m of kept) this.#follow(m.leader, { kind: 'document', doc }, m.start, m.end);
    return [...labels, ...own];
  }

  /** A document title made from a file name (see fileNameFindings); a name in it is one finding with its identity. */
  title(doc: number, title: string): BatchFinding[] {
    const found = withPlace(this.batch, { kind: 'title', doc }, fileNameFindings(title, this.allowList));
    for (const f of found) if (f.type === 'person') f.key = nameIdentity(fileNameAsWords(title).slice(f.start, f.end));
    return found;
  }

  /** Whether a returned finding was dropped later (a weak name in an answer that turned out to be repeated). */
  dropped(id: string): boolean {
    return this.#dropped.has(id);
  }

  /** How many places a returned finding stands for (itself and those that follow it). */
  occurrences(id: string): number {
    return this.#occurrences.get(id) ?? 1;
  }

  /** The findings that follow returned ones (without those of dropped findings). */
  followers(): BatchFinding[] {
    return this.#followers.filter((f) => !this.#dropped.has(f.follows!));
  }
}
