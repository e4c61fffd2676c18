/**
 * Merging projects: bring other coders' exports into one project (pure; the CLI `merge` and the
 * app call it, then write the result in one go). The first bundle is the base ("the open project");
 * each further bundle is merged into the result in turn.
 *
 * - Documents (REFI-QDA sources) match by the checksum of their normalised text: same id with the
 *   same text, else an unclaimed document with the same text (same title first). Same id with other
 *   text is a conflict.
 * - Codes match by GUID, then by path (names from the root). Same GUID with another name or parent
 *   is a conflict.
 * - Coders are kept apart: matched by id only, never by name.
 * - Codings are identified by document, code, coder, start and end: each appears once in the result.
 *
 * - Candidate quotes unite by id, then by segment (a project has one quote per document span):
 *   a quote for a span the result already has is the same quote (its confirmation for publication
 *   is kept if either file had one: it was a person's check of that same text). A quote whose
 *   document, or the coding it was starred from, is not in its file is dropped and counted.
 * - Edited pack templates: one per audience. The open project's (the first file's) edit is kept;
 *   an audience only another file edited takes that file's edit (earlier files first). A lead's own
 *   wording is never replaced by a merge.
 *
 * Conflicts are listed before anything is decided. Without `prefer` a merge with conflicts is
 * unresolved (the caller must not write the bundle); `prefer: 'first'` keeps the earlier file's
 * code names and parents, `'last'` the later file's. A source conflict is resolved either way by
 * keeping both texts (the later one as a new document), since choosing one text would strand the
 * other's codings.
 */
import { strToU8 } from 'fflate';
import { checksum } from '../import/checksum';
import {
  normaliseText,
  type Code,
  type DocumentSet,
  type DocumentWithText,
  type MemoTarget,
  type ProjectBundle,
  type Source,
} from '../model';
import { CodingTable, IdTable } from './coding-table';
import { deriveGuid } from './ids';

export type MergePrefer = 'first' | 'last';

export interface MergeOptions {
  /** How to resolve conflicts; undefined leaves them unresolved. */
  prefer?: MergePrefer;
  /** Names for the inputs in conflict messages (default "input 1", "input 2", …). */
  names?: readonly string[];
}

export interface MergeConflict {
  kind: 'code' | 'source';
  /** The id both files use. */
  id: string;
  /** One line naming the thing, both versions and the files. */
  message: string;
}

export interface MergeSummary {
  sources: { matched: number; added: number };
  codes: { matched: number; added: number; conflicts: number };
  codings: { added: number; duplicates: number };
  /** Candidate quotes: new ones added, ones the result already had, ones dropped (their document or coding is missing). */
  quotes: { added: number; matched: number; dropped: number };
  /** Edited pack templates: added for an audience the result had none for; kept = the result's own kept instead. */
  packTemplates: { added: number; kept: number };
}

export interface MergeResult {
  bundle: ProjectBundle;
  summary: MergeSummary;
  conflicts: MergeConflict[];
  /** True when there are conflicts and no `prefer` to resolve them: the bundle must not be written. */
  unresolved: boolean;
}

/** The checksum of a text after normalisation (NFC, LF line ends): how documents are matched. */
export function textChecksum(text: string): string {
  return checksum(strToU8(normaliseText(text).text));
}

export function mergeProjects(bundles: readonly ProjectBundle[], options: MergeOptions = {}): MergeResult {
  if (bundles.length === 0) throw new Error('mergeProjects needs at least one project');
  const m = new Merger(bundles[0]!, options);
  for (let i = 1; i < bundles.length; i++) m.add(bundles[i]!, i);
  return m.result();
}

const SEP = '\u0000';

class Merger {
  readonly projectId: string;
  readonly b: Required<Pick<ProjectBundle, 'documentSets' | 'assignments' | 'decisions' | 'redactions' | 'recommendations' | 'quotes' | 'packTemplates'>> & ProjectBundle;
  readonly summary: MergeSummary = {
    sources: { matched: 0, added: 0 },
    codes: { matched: 0, added: 0, conflicts: 0 },
    codings: { added: 0, duplicates: 0 },
    quotes: { added: 0, matched: 0, dropped: 0 },
    packTemplates: { added: 0, kept: 0 },
  };
  readonly conflicts: MergeConflict[] = [];
  readonly names: readonly string[];

  // indexes into the result
  readonly docIndex = new Map<string, number>();
  /** Checksums of the result's documents' texts, computed when first needed (a matching id with equal text needs none). */
  private docsBySum: Map<string, number[]> | undefined;
  private readonly docSums: (string | undefined)[] = [];
  readonly codeIndex = new Map<string, number>();
  readonly codeByPath = new Map<string, string>();
  readonly coderIndex = new Map<string, number>();
  readonly codingTable: CodingTable;
  /** Coding ids in table-entry order (entry k of the table is the coding with id codingIdAt[k]). */
  readonly codingIdAt: string[] = [];
  readonly codingIds: IdTable;
  /** Numbers for coders and codes not (yet) in the result, so a corrupt reference still has an identity. */
  private readonly strays = new Map<string, number>();
  readonly ids = new Set<string>(); // every id in the result, to keep added ones unique

  constructor(
    base: ProjectBundle,
    readonly options: MergeOptions,
  ) {
    this.projectId = base.project.id;
    this.names = options.names ?? [];
    this.b = {
      ...base,
      coders: [...base.coders],
      sources: [...base.sources],
      variables: [...base.variables],
      participants: [...base.participants],
      documents: [...base.documents],
      codes: base.codes.map((c) => ({ ...c })),
      codings: [],
      memos: [...base.memos],
      findings: [...base.findings],
      actions: [...base.actions],
      recommendations: [...(base.recommendations ?? [])],
      documentSets: (base.documentSets ?? []).map((s) => ({ ...s, documentIds: [...s.documentIds], sourceIds: [...s.sourceIds] })),
      assignments: [...(base.assignments ?? [])],
      decisions: [...(base.decisions ?? [])],
      redactions: [...(base.redactions ?? [])],
      quotes: (base.quotes ?? []).map((q) => ({ ...q })),
      packTemplates: [...(base.packTemplates ?? [])],
    };
    for (const list of [base.coders, base.sources, base.variables, base.participants, base.documents, base.codes, base.memos, base.findings, base.actions]) {
      for (const x of list) this.ids.add(x.id);
    }
    this.b.documents.forEach((d, i) => this.docIndex.set(d.id, i));
    this.b.codes.forEach((c, i) => this.codeIndex.set(c.id, i));
    for (const c of this.b.codes) this.codeByPath.set(this.pathOf(c.id), c.id);
    this.b.coders.forEach((c, i) => this.coderIndex.set(c.id, i));
    const codings = this.b.codings;
    this.codingTable = new CodingTable(base.codings.length * 2);
    this.codingIds = new IdTable(base.codings.length * 2);
    for (const c of base.codings) {
      if (this.codingEntry(c.documentId, c.codeId, c.coderId, c.start, c.end) >= 0) {
        this.summary.codings.duplicates++;
        continue;
      }
      this.codingIdAt.push(c.id);
      if (!this.codingIds.has(c.id)) this.codingIds.add(c.id);
      codings.push(c);
    }
  }

  private name(i: number): string {
    return this.names[i] ?? `input ${i + 1}`;
  }

  private sumOf(i: number): string {
    return (this.docSums[i] ??= textChecksum(this.b.documents[i]!.text));
  }

  /** Result documents by text checksum (built on first need, then kept up to date). */
  private bySum(): Map<string, number[]> {
    if (!this.docsBySum) {
      this.docsBySum = new Map();
      for (let i = 0; i < this.b.documents.length; i++) this.listSum(i);
    }
    return this.docsBySum;
  }

  private listSum(i: number): void {
    const sum = this.sumOf(i);
    const list = this.docsBySum!.get(sum);
    if (list) list.push(i);
    else this.docsBySum!.set(sum, [i]);
  }

  private stray(id: string): number {
    let n = this.strays.get(id);
    if (n === undefined) this.strays.set(id, (n = -1 - this.strays.size));
    return n;
  }

  /** The table entry of a coding identity already in the result, or -1 after adding it. */
  private codingEntry(documentId: string, codeId: string, coderId: string, start: number, end: number): number {
    return this.codingTable.addOrFind(
      this.docIndex.get(documentId) ?? this.stray(documentId),
      this.codeIndex.get(codeId) ?? this.stray(codeId),
      this.coderIndex.get(coderId) ?? this.stray(coderId),
      start,
      end,
    );
  }

  private pathOf(codeId: string): string {
    const parts: string[] = [];
    const seen = new Set<string>();
    let id: string | null = codeId;
    while (id !== null && !seen.has(id)) {
      seen.add(id);
      const i = this.codeIndex.get(id);
      if (i === undefined) break;
      const c: Code = this.b.codes[i]!;
      parts.unshift(c.name);
      id = c.parentId;
    }
    return parts.join(SEP);
  }

  /** A fresh id for something added whose own id is taken (deterministic: derived from the input and old id). */
  private freshId(kind: string, input: number, id: string, taken: { has(id: string): boolean } = this.ids): string {
    let n = 0;
    let fresh = deriveGuid(`chorus-merge:${kind}:${input}:${id}`);
    while (taken.has(fresh)) fresh = deriveGuid(`chorus-merge:${kind}:${input}:${id}:${++n}`);
    return fresh;
  }

  add(other: ProjectBundle, input: number): void {
    const projectId = this.projectId;
    const prefer = this.options.prefer;

    // coders: by id only
    for (const c of other.coders) {
      if (this.coderIndex.has(c.id)) continue;
      this.coderIndex.set(c.id, this.b.coders.length);
      this.b.coders.push({ ...c, projectId });
      this.ids.add(c.id);
    }

    // Chorus sources (groups of documents): by id, then by name and kind
    const sourceMap = new Map<string, string>();
    const sourceByName = new Map(this.b.sources.map((s) => [`${s.kind}${SEP}${s.name}`, s.id]));
    const sourceIds = new Set(this.b.sources.map((s) => s.id));
    const otherSources = new Map(other.sources.map((s) => [s.id, s]));
    const sourceOf = (id: string) => otherSources.get(id) ?? fallbackSource(id, projectId);
    const addSource = (s: Source): string => {
      const known = sourceMap.get(s.id);
      if (known) return known;
      const id = sourceIds.has(s.id) ? s.id : (sourceByName.get(`${s.kind}${SEP}${s.name}`) ?? s.id);
      if (!sourceIds.has(id)) {
        this.b.sources.push({ ...s, projectId });
        sourceIds.add(id);
        this.ids.add(id);
      }
      sourceMap.set(s.id, id);
      return id;
    };
    for (const s of other.sources) addSource(s);

    // variables: by id, then by name and type
    const varMap = new Map<string, string>();
    const varIds = new Set(this.b.variables.map((v) => v.id));
    const varByName = new Map(this.b.variables.map((v) => [`${v.type}${SEP}${v.name}`, v.id]));
    for (const v of other.variables) {
      const id = varIds.has(v.id) ? v.id : varByName.get(`${v.type}${SEP}${v.name}`);
      if (id) {
        varMap.set(v.id, id);
        continue;
      }
      const fresh = this.ids.has(v.id) ? this.freshId('variable', input, v.id) : v.id;
      this.b.variables.push({ ...v, id: fresh, projectId });
      varIds.add(fresh);
      this.ids.add(fresh);
      varMap.set(v.id, fresh);
    }

    // participants: by id
    const partMap = new Map<string, string>();
    const partIndex = new Map(this.b.participants.map((p, i) => [p.id, i]));
    for (const p of other.participants) {
      const attributes = Object.fromEntries(Object.entries(p.attributes).map(([k, v]) => [varMap.get(k) ?? k, v]));
      const i = partIndex.get(p.id);
      if (i !== undefined) {
        const have = this.b.participants[i]!;
        this.b.participants[i] = { ...have, attributes: { ...attributes, ...have.attributes } };
        partMap.set(p.id, p.id);
        continue;
      }
      const fresh = this.ids.has(p.id) ? this.freshId('participant', input, p.id) : p.id;
      this.b.participants.push({ ...p, id: fresh, projectId, sourceId: addSource(sourceOf(p.sourceId)), attributes });
      partIndex.set(fresh, this.b.participants.length - 1);
      this.ids.add(fresh);
      partMap.set(p.id, fresh);
    }

    // documents: same id and text, else same text unclaimed (same title first), else added
    const docMap = new Map<string, string>();
    const claimed = new Set<number>();
    // The first unclaimed document with this text, of this title if there is one. Each text's
    // documents (a survey's "No" or "N/A" answers: thousands alike) are looked through once, from
    // where the last look stopped, not filtered again for every document of the file.
    const free = new Map<string, { at: number; titled: Map<string, { list: number[]; at: number }> }>();
    const unclaimed = (sum: string, title: string): number | undefined => {
      const list = this.bySum().get(sum);
      if (!list) return undefined;
      let f = free.get(sum);
      if (!f) {
        // (documents added later in this file are claimed as they are added: never candidates)
        const titled = new Map<string, { list: number[]; at: number }>();
        for (const i of list) {
          const t = this.b.documents[i]!.title;
          const e = titled.get(t);
          if (e) e.list.push(i);
          else titled.set(t, { list: [i], at: 0 });
        }
        free.set(sum, (f = { at: 0, titled }));
      }
      const t = f.titled.get(title);
      if (t) {
        while (t.at < t.list.length && claimed.has(t.list[t.at]!)) t.at++;
        if (t.at < t.list.length) return t.list[t.at];
      }
      while (f.at < list.length && claimed.has(list[f.at]!)) f.at++;
      return f.at < list.length ? list[f.at] : undefined;
    };
    for (const d of other.documents) {
      const same = this.docIndex.get(d.id);
      if (same !== undefined && !claimed.has(same)) {
        if (this.b.documents[same]!.text === d.text || this.sumOf(same) === textChecksum(d.text)) {
          claimed.add(same);
          docMap.set(d.id, d.id);
          this.summary.sources.matched++;
          continue;
        }
        const have = this.b.documents[same]!;
        this.conflicts.push({
          kind: 'source',
          id: d.id,
          message: `source "${have.title}" (${d.id}) has other text in ${this.name(input)} (${d.text.length} characters) than in ${this.name(0)}${input > 1 ? ' or an earlier file' : ''} (${have.text.length} characters)`,
        });
      } else {
        const pick = unclaimed(textChecksum(d.text), d.title);
        if (pick !== undefined) {
          claimed.add(pick);
          docMap.set(d.id, this.b.documents[pick]!.id);
          this.summary.sources.matched++;
          continue;
        }
      }
      const id = this.ids.has(d.id) ? this.freshId('document', input, d.id) : d.id;
      const doc: DocumentWithText = {
        ...d,
        id,
        projectId,
        sourceId: addSource(sourceOf(d.sourceId)),
        participantId: d.participantId === null ? null : (partMap.get(d.participantId) ?? null),
      };
      this.b.documents.push(doc);
      this.docIndex.set(doc.id, this.b.documents.length - 1);
      if (this.docsBySum) this.listSum(this.b.documents.length - 1);
      claimed.add(this.b.documents.length - 1);
      this.ids.add(id);
      docMap.set(d.id, id);
      this.summary.sources.added++;
    }

    // codes: parents first; by GUID, then by path
    const codeMap = new Map<string, string>();
    const kids = new Map<string | null, Code[]>();
    const otherIds = new Set(other.codes.map((c) => c.id));
    for (const c of other.codes) {
      const parent = c.parentId !== null && otherIds.has(c.parentId) ? c.parentId : null;
      const list = kids.get(parent) ?? [];
      list.push(c);
      kids.set(parent, list);
    }
    const otherPath = new Map<string, string>();
    const visit = (c: Code, parentPath: string) => {
      if (codeMap.has(c.id)) return; // a cycle in a corrupt bundle
      const path = parentPath ? `${parentPath}${SEP}${c.name}` : c.name;
      otherPath.set(c.id, path);
      const parentId = c.parentId === null ? null : (codeMap.get(c.parentId) ?? null);
      const i = this.codeIndex.get(c.id);
      if (i !== undefined) {
        codeMap.set(c.id, c.id);
        this.summary.codes.matched++;
        const have = this.b.codes[i]!;
        if (have.name !== c.name || have.parentId !== parentId) {
          this.summary.codes.conflicts++;
          const where = (p: string | null) => (p === null ? 'at the top' : `under "${this.pathOf(p).split(SEP).join(' / ')}"`);
          this.conflicts.push({
            kind: 'code',
            id: c.id,
            message: `code ${c.id} is "${have.name}" ${where(have.parentId)} in ${this.name(0)}${input > 1 ? ' (or an earlier file)' : ''} but "${c.name}" ${where(parentId)} in ${this.name(input)}`,
          });
          if (prefer === 'last' && !this.isDescendant(parentId, c.id)) {
            this.b.codes[i] = { ...have, name: c.name, parentId, definition: c.definition || have.definition };
            this.reindexPaths();
          }
        }
      } else {
        const byPath = this.codeByPath.get(path);
        if (byPath !== undefined) {
          codeMap.set(c.id, byPath);
          this.summary.codes.matched++;
        } else {
          const id = this.ids.has(c.id) ? this.freshId('code', input, c.id) : c.id;
          this.codeIndex.set(id, this.b.codes.length);
          this.b.codes.push({ ...c, id, projectId, parentId });
          this.codeByPath.set(this.pathOf(id), id);
          this.ids.add(id);
          codeMap.set(c.id, id);
          this.summary.codes.added++;
        }
      }
      for (const k of kids.get(c.id) ?? []) visit(k, path);
    };
    for (const c of kids.get(null) ?? []) visit(c, '');
    for (const c of other.codes) if (!codeMap.has(c.id)) visit(c, ''); // codes only reachable through a cycle

    // codings: one per identity. Documents and codes are looked up once each, as result indexes;
    // old → new coding ids are kept only for what refers to codings (memos, findings).
    const referenced = new Set<string>();
    for (const x of other.memos) if (x.target.kind === 'coding') referenced.add(x.target.id);
    for (const f of other.findings) for (const id of f.evidenceCodingIds) referenced.add(id);
    for (const q of other.quotes ?? []) if (q.codingId) referenced.add(q.codingId);
    const codingMap = new Map<string, string>();
    const docAt = new Map<string, number>();
    for (const [from, to] of docMap) docAt.set(from, this.docIndex.get(to)!);
    const codeAt = new Map<string, number>();
    for (const [from, to] of codeMap) codeAt.set(from, this.codeIndex.get(to)!);
    const docs = this.b.documents;
    const codes = this.b.codes;
    const out = this.b.codings;
    const list = other.codings;
    for (let n = 0; n < list.length; n++) {
      const c = list[n]!;
      const di = docAt.get(c.documentId);
      const ci = codeAt.get(c.codeId);
      const entry = this.codingTable.addOrFind(
        di ?? this.stray(c.documentId),
        ci ?? this.stray(c.codeId),
        this.coderIndex.get(c.coderId) ?? this.stray(c.coderId),
        c.start,
        c.end,
      );
      if (entry >= 0) {
        if (referenced.has(c.id)) codingMap.set(c.id, this.codingIdAt[entry]!);
        this.summary.codings.duplicates++;
        continue;
      }
      let id = c.id;
      if (this.codingIds.has(id)) id = this.freshId('coding', input, id, this.codingIds);
      this.codingIdAt.push(id);
      this.codingIds.add(id);
      if (referenced.has(c.id)) codingMap.set(c.id, id);
      const documentId = di === undefined ? c.documentId : docs[di]!.id;
      const codeId = ci === undefined ? c.codeId : codes[ci]!.id;
      out.push({ id, projectId, documentId, codeId, start: c.start, end: c.end, coderId: c.coderId, createdAt: c.createdAt });
      this.summary.codings.added++;
    }

    // memos, findings, actions: by id; references follow the maps
    const target = (t: MemoTarget): MemoTarget => {
      const map = { project: undefined, source: sourceMap, document: docMap, code: codeMap, coding: codingMap, participant: partMap }[t.kind];
      return t.kind === 'project' ? { kind: 'project', id: projectId } : { kind: t.kind, id: map?.get(t.id) ?? t.id };
    };
    const memoIds = new Set(this.b.memos.map((x) => x.id));
    for (const x of other.memos) if (!memoIds.has(x.id)) this.b.memos.push({ ...x, projectId, target: target(x.target) });
    const quoteMap = this.addQuotes(other, input, docMap, codingMap);
    const findingIds = new Set(this.b.findings.map((x) => x.id));
    for (const f of other.findings) {
      if (findingIds.has(f.id)) continue;
      this.b.findings.push({
        ...f,
        projectId,
        codeIds: f.codeIds.map((id) => codeMap.get(id) ?? id),
        quoteIds: [...new Set(f.quoteIds.flatMap((id) => quoteMap.get(id) ?? []))],
        evidenceCodingIds: f.evidenceCodingIds.map((id) => codingMap.get(id) ?? id),
      });
    }
    const actionIds = new Set(this.b.actions.map((x) => x.id));
    for (const a of other.actions) if (!actionIds.has(a.id)) this.b.actions.push({ ...a, projectId });
    const recommendationIds = new Set(this.b.recommendations.map((x) => x.id));
    for (const r of other.recommendations ?? []) if (!recommendationIds.has(r.id)) this.b.recommendations.push({ ...r, projectId });

    // document sets: by id, then by name; members unite
    const setIndex = new Map(this.b.documentSets.map((s, i) => [s.id, i]));
    const setByName = new Map(this.b.documentSets.map((s, i) => [s.name, i]));
    for (const s of other.documentSets ?? []) {
      const documentIds = s.documentIds.map((id) => docMap.get(id) ?? id);
      const srcIds = s.sourceIds.map((id) => sourceMap.get(id) ?? id);
      const i = setIndex.get(s.id) ?? setByName.get(s.name);
      if (i !== undefined) {
        const have: DocumentSet = this.b.documentSets[i]!;
        have.documentIds = [...new Set([...have.documentIds, ...documentIds])];
        have.sourceIds = [...new Set([...have.sourceIds, ...srcIds])];
        continue;
      }
      this.b.documentSets.push({ ...s, projectId, documentIds, sourceIds: srcIds });
      setIndex.set(s.id, this.b.documentSets.length - 1);
    }

    // coder assignments unite (one per coder, scope and target); consensus decisions and the redaction log by id
    const assigned = new Set(this.b.assignments.map((a) => `${a.coderId}${SEP}${a.scope}${SEP}${a.targetId}`));
    for (const a of other.assignments ?? []) {
      const targetId = (a.scope === 'source' ? sourceMap : docMap).get(a.targetId) ?? a.targetId;
      const key = `${a.coderId}${SEP}${a.scope}${SEP}${targetId}`;
      if (assigned.has(key)) continue;
      assigned.add(key);
      this.b.assignments.push({ ...a, projectId, targetId });
    }
    const decisionIds = new Set(this.b.decisions.map((x) => x.id));
    for (const d of other.decisions ?? []) {
      if (!decisionIds.has(d.id)) this.b.decisions.push({ ...d, projectId, documentId: docMap.get(d.documentId) ?? d.documentId, codeId: codeMap.get(d.codeId) ?? d.codeId });
    }
    const logIds = new Set(this.b.redactions.map((x) => x.id));
    for (const r of other.redactions ?? []) if (!logIds.has(r.id)) this.b.redactions.push({ ...r, projectId });

    // edited pack templates: the result's own per audience, else the first file that edited it
    const templated = new Set(this.b.packTemplates.map((t) => t.audience));
    const templateIds = new Set(this.b.packTemplates.map((t) => t.id));
    for (const t of other.packTemplates ?? []) {
      if (templated.has(t.audience)) {
        this.summary.packTemplates.kept++;
        continue;
      }
      const id = templateIds.has(t.id) ? this.freshId('packTemplate', input, t.id, templateIds) : t.id;
      this.b.packTemplates.push({ ...t, id, projectId });
      templated.add(t.audience);
      templateIds.add(id);
      this.summary.packTemplates.added++;
    }
  }

  /**
   * Another file's candidate quotes, following its documents and codings into the result: by id,
   * then by span. Returns the other file's quote id → the result's (absent: dropped).
   */
  private addQuotes(other: ProjectBundle, input: number, docMap: ReadonlyMap<string, string>, codingMap: ReadonlyMap<string, string>): Map<string, string> {
    const quoteMap = new Map<string, string>();
    const quotes = this.b.quotes;
    const byId = new Map(quotes.map((q, i) => [q.id, i]));
    const bySpan = new Map(quotes.map((q, i) => [bySpanOf(q), i]));
    const otherCodings = new Set(other.codings.map((c) => c.id));
    for (const q of other.quotes ?? []) {
      const documentId = docMap.get(q.documentId);
      const codingId = q.codingId === undefined ? undefined : otherCodings.has(q.codingId) ? codingMap.get(q.codingId) : undefined;
      if (documentId === undefined || (q.codingId !== undefined && codingId === undefined)) {
        this.summary.quotes.dropped++;
        continue;
      }
      const span = bySpanOf({ documentId, start: q.start, end: q.end });
      const sameId = byId.get(q.id);
      const i = sameId !== undefined && bySpanOf(quotes[sameId]!) === span ? sameId : bySpan.get(span);
      if (i !== undefined) {
        const have = quotes[i]!;
        if (!have.confirmedBy && q.confirmedBy) quotes[i] = { ...have, confirmedBy: q.confirmedBy, ...(q.confirmedAt ? { confirmedAt: q.confirmedAt } : {}) };
        quoteMap.set(q.id, have.id);
        this.summary.quotes.matched++;
        continue;
      }
      const id = byId.has(q.id) ? this.freshId('quote', input, q.id, byId) : q.id;
      const { codingId: _c, ...rest } = q;
      quotes.push({ ...rest, id, projectId: this.projectId, documentId, ...(codingId ? { codingId } : {}) });
      byId.set(id, quotes.length - 1);
      bySpan.set(span, quotes.length - 1);
      quoteMap.set(q.id, id);
      this.summary.quotes.added++;
    }
    return quoteMap;
  }

  private isDescendant(maybe: string | null, of: string): boolean {
    let id = maybe;
    const seen = new Set<string>();
    while (id !== null && !seen.has(id)) {
      if (id === of) return true;
      seen.add(id);
      const i = this.codeIndex.get(id);
      id = i === undefined ? null : this.b.codes[i]!.parentId;
    }
    return false;
  }

  private reindexPaths(): void {
    this.codeByPath.clear();
    for (const c of this.b.codes) this.codeByPath.set(this.pathOf(c.id), c.id);
  }

  result(): MergeResult {
    const { documentSets, assignments, decisions, redactions, recommendations, quotes, packTemplates, ...rest } = this.b;
    const bundle: ProjectBundle = {
      ...rest,
      ...(quotes.length > 0 ? { quotes } : {}),
      ...(packTemplates.length > 0 ? { packTemplates } : {}),
      ...(recommendations.length > 0 ? { recommendations } : {}),
      ...(documentSets.length > 0 ? { documentSets } : {}),
      ...(assignments.length > 0 ? { assignments } : {}),
      ...(decisions.length > 0 ? { decisions } : {}),
      ...(redactions.length > 0 ? { redactions } : {}),
    };
    return { bundle, summary: this.summary, conflicts: this.conflicts, unresolved: this.conflicts.length > 0 && this.options.prefer === undefined };
  }
}

const bySpanOf = (q: { documentId: string; start: number; end: number }) => `${q.documentId}${SEP}${q.start}${SEP}${q.end}`;

/** A stand-in for a source a corrupt bundle refers to but does not list. */
function fallbackSource(id: string, projectId: string): Source {
  return { id, projectId, name: 'Merged documents', kind: 'other', description: '', createdAt: '2000-01-01T00:00:00Z' };
}
