/**
 * The prepared index every analysis reads (built once per bundle): codings as typed arrays grouped
 * by document and code, document → person → attributes, code → ancestors. Analyses never scan
 * the bundle's tables themselves.
 */
import type { AttributeValue, Code, ProjectBundle, Source } from '../model';
import { indexDocuments, type IndexDocuments } from './index-documents';
import { indexParticipants, type IndexParticipants } from './index-participants';
import { listRows, type CodingRows } from '../coding/coding-rows';

export interface AnalysisIndex {
  bundle: ProjectBundle;
  /** Codes in codebook order (parents before children, siblings by `order`, then name, then id). */
  codes: Code[];
  codeIndex: Map<string, number>;
  /** For each code: itself then its ancestors up to the top-level theme. */
  selfAndAncestors: Int32Array[];
  /** Top-level ancestor (theme) of each code. */
  themeOf: Int32Array;
  /** Depth in the tree (0 = theme). */
  depth: Int32Array;
  /** Documents sorted by id, so results never depend on the bundle's order (a survey's answers read from its table: see index-documents.ts). */
  documents: IndexDocuments;
  sources: Source[];
  sourceIndex: Map<string, number>;
  docSource: Int32Array;
  /**
   * The person each document belongs to: a participant (0..participants-1) or, for a document
   * not linked to a participant, a person of its own (participants + document index). A response
   * with response-level attribute values (a survey date that differs between one participant's
   * rows) belongs to its participant *on those values*: a person of its own (participants + the
   * index of the first such document) with the participant's attributes and the response's, shared
   * by the participant's other responses with the same values. So analyses by attribute read it
   * like any other, and a participant who answered on two dates counts once under each date.
   */
  docPerson: Int32Array;
  personCount: number;
  /** Documents of person p are personDocs[personStart[p] .. personStart[p+1]-1]. */
  personStart: Int32Array;
  personDocs: Int32Array;
  /** Source of each person (the participant's source, or the unlinked document's). */
  personSource: Int32Array;
  /** Participant attributes by person (empty for unlinked documents). */
  personAttributes: Array<Readonly<Record<string, AttributeValue>>>;
  /** Participants sorted by id (persons 0 … participants.length − 1; a survey's read from its table). */
  participants: IndexParticipants;
  coderIndex: Map<string, number>;
  /**
   * Codings as parallel arrays (sorted by document, then start, then id). A coding's id and time are
   * read from the codings as given (`id(k)`, `createdAt(k)`): a million of them are not made into
   * strings of their own for the few analyses that read them.
   */
  codings: {
    count: number;
    id(k: number): string;
    doc: Int32Array;
    code: Int32Array;
    coder: Int32Array;
    start: Int32Array;
    end: Int32Array;
    createdAt(k: number): string;
  };
  /** Codings of document d are positions docStart[d] .. docStart[d+1]-1. */
  docStart: Int32Array;
  /** Positions of codings per code (direct codings only). */
  byCode: Int32Array[];
  /** Codings (positions) that are not resolvable are dropped; their ids are listed here. */
  skippedCodings: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Codes in tree order: depth-first, siblings by order, name, id. Cycles and orphans become themes. */
function orderCodes(codes: Code[]): Code[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const parent = c.parentId && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const cmp = (a: Code, b: Code) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b));
  for (const list of children.values()) list.sort(cmp);
  const out: Code[] = [];
  const seen = new Set<string>();
  const visit = (c: Code) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    out.push(c);
    for (const k of children.get(c.id) ?? []) visit(k);
  };
  for (const c of children.get(null) ?? []) visit(c);
  // Codes caught in a parent cycle are unreachable from the roots: treat them as themes.
  for (const c of [...codes].sort(cmp)) if (!seen.has(c.id)) visit(c);
  return out;
}

/**
 * `codings`: the bundle's codings read field by field (default: its list). The analysis worker
 * passes the project's coding digest with the journal's changes (shared/coding/coding-rows.ts), so
 * a project's millions of codings are never made into objects for the index.
 */
export function prepareIndex(
  bundle: ProjectBundle,
  codings: CodingRows = listRows(bundle.codings),
  { documents = indexDocuments(bundle.documents), participants = indexParticipants(bundle.participants) }: { documents?: IndexDocuments; participants?: IndexParticipants } = {},
): AnalysisIndex {
  const codes = orderCodes(bundle.codes);
  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));
  const parentOf = new Int32Array(codes.length).fill(-1);
  codes.forEach((c, i) => {
    const p = c.parentId ? codeIndex.get(c.parentId) : undefined;
    if (p !== undefined && p !== i) parentOf[i] = p;
  });
  const selfAndAncestors: Int32Array[] = [];
  const themeOf = new Int32Array(codes.length);
  const depth = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const chain: number[] = [i];
    const seen = new Set<number>([i]);
    let p = parentOf[i]!;
    while (p >= 0 && !seen.has(p)) {
      chain.push(p);
      seen.add(p);
      p = parentOf[p]!;
    }
    selfAndAncestors.push(Int32Array.from(chain));
    themeOf[i] = chain[chain.length - 1]!;
    depth[i] = chain.length - 1;
  }

  const sources = [...bundle.sources].sort(byId);
  const sourceIndex = new Map(sources.map((s, i) => [s.id, i]));
  const nP = participants.length;
  const personCount = nP + documents.length;
  const personSource = new Int32Array(personCount).fill(-1);
  const personAttributes: Array<Readonly<Record<string, AttributeValue>>> = new Array(personCount);
  for (let i = 0; i < nP; i++) {
    personSource[i] = sourceIndex.get(participants.sourceId(i)) ?? -1;
    personAttributes[i] = participants.attributes(i);
  }
  const empty: Record<string, AttributeValue> = Object.freeze({}) as Record<string, AttributeValue>;
  const docSource = new Int32Array(documents.length);
  const docPerson = new Int32Array(documents.length);
  /** Participant and response-level values → the person (participants + first document index). */
  const occasions = new Map<string, number>();
  // (a survey row's answers share one attributes object and sit together in id order: its key is made once)
  let last: { p: number; own: Readonly<Record<string, AttributeValue>>; key: string } | undefined;
  for (let i = 0; i < documents.length; i++) {
    docSource[i] = sourceIndex.get(documents.sourceId(i)) ?? -1;
    const participantId = documents.participantId(i);
    const p = participantId ? participants.indexOf(participantId) : undefined;
    const attributes = documents.attributes(i);
    const own = attributes && Object.keys(attributes).length > 0 ? attributes : undefined;
    if (p !== undefined && own) {
      if (last?.p !== p || last.own !== own) last = { p, own, key: `${p}\u0000${JSON.stringify(Object.entries(own).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}` };
      const key = last.key;
      let person = occasions.get(key);
      if (person === undefined) {
        person = nP + i;
        occasions.set(key, person);
        personSource[person] = personSource[p]!;
        personAttributes[person] = { ...participants.attributes(p), ...own };
      }
      docPerson[i] = person;
    } else if (p !== undefined) docPerson[i] = p;
    else {
      docPerson[i] = nP + i;
      personSource[nP + i] = docSource[i]!;
      personAttributes[nP + i] = empty;
    }
  }
  for (let i = 0; i < personCount; i++) personAttributes[i] ??= empty;
  const personStart = new Int32Array(personCount + 1);
  for (let d = 0; d < documents.length; d++) personStart[docPerson[d]! + 1]!++;
  for (let p = 0; p < personCount; p++) personStart[p + 1]! += personStart[p]!;
  const personDocs = new Int32Array(documents.length);
  const personFill = personStart.slice(0, personCount);
  for (let d = 0; d < documents.length; d++) personDocs[personFill[docPerson[d]!]!++] = d;

  const coderIndex = new Map([...bundle.coders].sort(byId).map((c, i) => [c.id, i]));

  const { codings: indexed, docStart, perCode, skippedCodings } = indexCodings(codings, documents, codeIndex, coderIndex, documents.length, codes.length);
  const byCode = Array.from(perCode, (n) => new Int32Array(n));
  const pos = new Int32Array(codes.length);
  for (let k = 0; k < indexed.count; k++) {
    const code = indexed.code[k]!;
    byCode[code]![pos[code]!++] = k;
  }

  return {
    bundle,
    codes,
    codeIndex,
    selfAndAncestors,
    themeOf,
    depth,
    documents,
    sources,
    sourceIndex,
    docSource,
    docPerson,
    personCount,
    personStart,
    personDocs,
    personSource,
    personAttributes,
    participants,
    coderIndex,
    codings: indexed,
    docStart,
    byCode,
    skippedCodings,
  };
}

type Codings = AnalysisIndex['codings'];

/**
 * Resolve each coding's string ids to dense integers ONCE (the only Map lookups per coding),
 * then group by document with a counting sort and order each document's few codings by
 * start, end, id with an insertion sort over typed arrays (ids compared only on ties).
 * Consecutive codings usually share a document (and often a coder), so the last id is cached.
 */
function indexCodings(
  raw: CodingRows,
  documents: IndexDocuments,
  codeIndex: ReadonlyMap<string, number>,
  coderIndex: ReadonlyMap<string, number>,
  nDocs: number,
  nCodes: number,
): { codings: Codings; docStart: Int32Array; perCode: Int32Array; skippedCodings: string[] } {
  const n = raw.length;
  const rawDoc = new Int32Array(n);
  const rawCode = new Int32Array(n);
  const rawCoder = new Int32Array(n);
  const rawStart = new Int32Array(n);
  const rawEnd = new Int32Array(n);
  const skippedCodings: string[] = [];
  const docStart = new Int32Array(nDocs + 1);
  let lastDocId: string | null = null;
  let lastDoc: number | undefined;
  let lastCoderId: string | null = null;
  let lastCoder = -1;
  for (let i = 0; i < n; i++) {
    const documentId = raw.documentId(i);
    if (documentId !== lastDocId) {
      lastDocId = documentId;
      lastDoc = documents.indexOf(lastDocId);
    }
    const code = codeIndex.get(raw.codeId(i));
    if (lastDoc === undefined || code === undefined) {
      rawDoc[i] = -1;
      skippedCodings.push(raw.id(i));
      continue;
    }
    const coderId = raw.coderId(i);
    if (coderId !== lastCoderId) {
      lastCoderId = coderId;
      lastCoder = coderIndex.get(lastCoderId) ?? -1;
    }
    rawDoc[i] = lastDoc;
    rawCode[i] = code;
    rawCoder[i] = lastCoder;
    rawStart[i] = raw.start(i);
    rawEnd[i] = raw.end(i);
    docStart[lastDoc + 1]!++;
  }
  for (let d = 0; d < nDocs; d++) docStart[d + 1]! += docStart[d]!;
  const count = docStart[nDocs]!;
  const fill = docStart.slice(0, nDocs);
  const order = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const d = rawDoc[i]!;
    if (d >= 0) order[fill[d]!++] = i;
  }
  const before = (x: number, y: number): boolean => {
    const ds = rawStart[x]! - rawStart[y]!;
    if (ds !== 0) return ds < 0;
    const de = rawEnd[x]! - rawEnd[y]!;
    if (de !== 0) return de < 0;
    return raw.id(x) < raw.id(y);
  };
  for (let d = 0; d < nDocs; d++) sortRun(order, docStart[d]!, docStart[d + 1]!, before);

  const codings: Codings = {
    count,
    ...byPosition(raw, order),
    doc: new Int32Array(count),
    code: new Int32Array(count),
    coder: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
  };
  const perCode = new Int32Array(nCodes);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    codings.doc[k] = rawDoc[i]!;
    const code = rawCode[i]!;
    codings.code[k] = code;
    perCode[code]!++;
    codings.coder[k] = rawCoder[i]!;
    codings.start[k] = rawStart[i]!;
    codings.end[k] = rawEnd[i]!;
  }
  return { codings, docStart, perCode, skippedCodings };
}

/**
 * A coding's id and time by its position in the index (`order`: position → row), made in a scope of
 * their own: a function keeps the variables of the scope it was made in, and indexCodings' hold
 * every row's fields as read (its sort's comparator reads them), which the index must not keep.
 */
function byPosition(raw: CodingRows, order: Int32Array): Pick<Codings, 'id' | 'createdAt'> {
  const { id, createdAt } = raw;
  return { id: (k) => id(order[k]!), createdAt: (k) => createdAt(order[k]!) };
}

/**
 * Stable sort of order[lo..hi) by `before`: insertion sort for the usual handful of codings per
 * document (no allocation), the engine's sort for long runs (a transcript with many codings).
 */
function sortRun(order: Int32Array, lo: number, hi: number, before: (x: number, y: number) => boolean): void {
  if (hi - lo < 2) return;
  if (hi - lo > 48) {
    const part = Array.from(order.subarray(lo, hi)).sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
    order.set(part, lo);
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i]!;
    let j = i - 1;
    while (j >= lo && before(v, order[j]!)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = v;
  }
}

/** The text of a coding (position k in the index). */
export function codingText(index: AnalysisIndex, k: number): string {
  return index.documents.text(index.codings.doc[k]!).slice(index.codings.start[k]!, index.codings.end[k]!);
}
