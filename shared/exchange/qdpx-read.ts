/** REFI-QDA .qdpx → ProjectBundle, accepting the variants real tools write (see DESIGN.md §4). */
import { isZip, safeUnzip, type Unzipped } from './safe-zip';
import {
  newGuid,
  ProjectBundle,
  ProjectSettings,
  type Code,
  type Coder,
  type CoderAssignment,
  type ConsensusDecision,
  type DocumentSet,
  type RedactionLog,
  type Coding,
  type DocumentWithText,
  type MemoTarget,
  type MemoWithText,
  type Participant,
  type Source,
  type Variable,
} from '../model';
import { normaliseColour, paletteColour } from './colours';
import { fromXsdDate } from './dates';
import { ExchangeError } from './errors';
import { cleanGuid, deriveGuid } from './ids';
import { readSidecar, SIDECAR_NAME, type Sidecar } from './sidecar';
import { describeOffsetMode, selectionMapper, type SelectionMapper } from './text-offsets';
import { attr, child, children, childText, parseXml, rootOf, type XmlNode } from './xml';
import { errorMessage } from '../error-message';

export interface ReadOptions {
  /** Id source for entities the file gives no GUID (default: crypto-random). */
  newId?: () => string;
  /** Timestamp for dates the file lacks (default: now). */
  now?: string;
}

export interface ReadResult {
  bundle: ProjectBundle;
  /** One line each: what was skipped or guessed, naming the source or element. */
  warnings: string[];
  /** One line each: how something ambiguous was read and on what evidence (e.g. a source's offset convention). */
  notes: string[];
}

const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'TextSource', 'PDFSource', 'PictureSource',
  'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Representation', 'CodeRef',
  'Set', 'MemberSource', 'MemberCode', 'MemberNote',
]);
const SOURCE_ELEMENTS = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'] as const;

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
/** A name as written (clipped), or undefined when absent or blank. */
const named = (s: string | undefined, n: number) => (s !== undefined && s.trim() ? clip(s, n) : undefined);
const basename = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? '';

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const s = new TextDecoder('utf-8').decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function unzip(bytes: Uint8Array): Unzipped {
  if (!isZip(bytes)) throw new ExchangeError('not a REFI-QDA project (not a zip archive)');
  try {
    return safeUnzip(bytes, { filter: (f) => !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/') });
  } catch (e) {
    throw new ExchangeError(`not a REFI-QDA project (${errorMessage(e)})`);
  }
}

/** The .qde entry and the folder it sits in (entries are looked up relative to it). */
function findQde(files: Unzipped): { name: string; root: string } {
  const names = Object.keys(files).filter((n) => /\.qde$/i.test(n));
  const atRoot = names.filter((n) => !n.includes('/'));
  const pick = (list: string[]) => list.find((n) => basename(n).toLowerCase() === 'project.qde') ?? (list.length === 1 ? list[0] : undefined);
  const candidates = atRoot.length > 0 ? atRoot : names;
  if (candidates.length === 0) throw new ExchangeError('not a REFI-QDA project (the zip has no .qde project file)');
  const name = pick(candidates);
  if (!name) throw new ExchangeError(`not a REFI-QDA project (the zip has several .qde files: ${candidates.join(', ')})`);
  return { name, root: name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '' };
}

/** Read a .qdpx, returning the bundle and warnings about what could not be imported. */
export function readQdpxWithWarnings(bytes: Uint8Array, fileName?: string, options: ReadOptions = {}): ReadResult {
  const files = unzip(bytes);
  const qde = findQde(files);
  const lookup = new Map<string, string>();
  for (const n of Object.keys(files)) if (n.startsWith(qde.root)) lookup.set(n.slice(qde.root.length).toLowerCase(), n);
  const fileAt = (p: string): Uint8Array | undefined => {
    const n = lookup.get(p.toLowerCase());
    return n === undefined ? undefined : files[n];
  };

  const doc = parseXml(decodeText(files[qde.name]!), ARRAYS, basename(qde.name));
  const root = rootOf(doc, basename(qde.name));
  if (root.name !== 'Project') throw new ExchangeError(`not a REFI-QDA project (root element ${root.name})`);
  const P = root.node;

  let sidecar: Sidecar | undefined;
  const sideBytes = fileAt(SIDECAR_NAME);
  if (sideBytes) {
    let json: unknown;
    try {
      json = JSON.parse(decodeText(sideBytes));
    } catch {
      throw new ExchangeError(`${SIDECAR_NAME} is not valid JSON`);
    }
    sidecar = readSidecar(json);
  }

  return new Importer(P, fileAt, sidecar, fileName, options).run();
}

export function readQdpx(bytes: Uint8Array, fileName?: string, options?: ReadOptions): ProjectBundle {
  return readQdpxWithWarnings(bytes, fileName, options).bundle;
}

class Importer {
  readonly warnings: string[] = [];
  readonly notes: string[] = [];
  readonly now: string;
  readonly newId: () => string;
  readonly projectId: string;
  readonly coders: Coder[] = [];
  readonly coderIds = new Map<string, string>(); // lower-case GUID → coder id
  readonly codes: Code[] = [];
  readonly codeIds = new Map<string, string>();
  readonly variables: Variable[] = [];
  readonly variableIds = new Map<string, string>();
  readonly sources: Source[] = [];
  readonly documents: DocumentWithText[] = [];
  /** Documents by lower-case id, the first of each (a case's SourceRef finds its document here, not by a search of every document). */
  readonly documentAt = new Map<string, DocumentWithText>();
  readonly docIds = new Map<string, string>();
  /** REFI source GUID (lower case) → Chorus Source id, for every REFI source element. */
  readonly sourceOfRefi = new Map<string, string>();
  readonly participants: Participant[] = [];
  readonly codings: Coding[] = [];
  readonly usedIds = new Set<string>();
  readonly noteTargets = new Map<string, MemoTarget>();
  readonly origin: string;

  constructor(
    readonly P: XmlNode,
    readonly fileAt: (p: string) => Uint8Array | undefined,
    readonly sidecar: Sidecar | undefined,
    readonly fileName: string | undefined,
    options: ReadOptions,
  ) {
    this.now = options.now ?? new Date().toISOString();
    this.newId = options.newId ?? newGuid;
    this.projectId = sidecar?.project.id ?? this.newId();
    this.origin = attr(P, 'origin') ?? '';
  }

  /** A unique id for `table`: the file's GUID when usable and unused, else a derived one. */
  private id(raw: string | undefined, table: string, what: string): string {
    let id = cleanGuid(raw);
    if (id === undefined) {
      if (raw !== undefined) this.warnings.push(`${what} has an invalid GUID "${clip(raw, 60)}": a new one was assigned`);
      id = this.newId();
    }
    const key = `${table}:${id.toLowerCase()}`;
    if (this.usedIds.has(key)) {
      const fresh = deriveGuid(`${key}:${this.usedIds.size}`);
      this.warnings.push(`${what} repeats GUID ${id}: a new one was assigned`);
      id = fresh;
    }
    this.usedIds.add(`${table}:${id.toLowerCase()}`);
    return id;
  }

  private date(raw: string | undefined, fallback = this.now): string {
    return fromXsdDate(raw, fallback);
  }

  run(): ReadResult {
    const P = this.P;
    const created = this.date(attr(P, 'creationDateTime'));
    const side = this.sidecar;
    const name = named(attr(P, 'name'), 200) ?? named(basename(this.fileName ?? '').replace(/\.qdpx$/i, ''), 200) ?? 'Imported project';
    const description = childText(P, 'Description') ?? '';
    const project = side
      ? { ...side.project, name, description }
      : {
          id: this.projectId,
          name,
          description,
          isDemo: false,
          settings: ProjectSettings.parse({}),
          createdAt: created,
          updatedAt: this.date(attr(P, 'modifiedDateTime'), created),
        };

    this.readUsers();
    for (const c of children(child(child(P, 'CodeBook'), 'Codes'), 'Code')) this.readCode(c, null, 0);
    this.recolourCodes();
    this.readVariables();
    this.readSources();
    this.readCases();
    const memos = this.readNotes();
    for (const n of children(P, 'NoteRef')) this.target(attr(n, 'targetGUID'), { kind: 'project', id: this.projectId });

    const codeSet = new Set(this.codes.map((c) => c.id));
    const codingSet = new Set(this.codings.map((c) => c.id));
    const findings = (side?.findings ?? []).map((f) => ({
      ...f,
      projectId: this.projectId,
      codeIds: f.codeIds.filter((id) => codeSet.has(id)),
      evidenceCodingIds: f.evidenceCodingIds.filter((id) => codingSet.has(id)),
    }));
    const findingSet = new Set(findings.map((f) => f.id));
    const recommendations = (side?.recommendations ?? []).filter((r) => findingSet.has(r.findingId)).map((r) => ({ ...r, projectId: this.projectId }));
    const recommendationSet = new Set(recommendations.map((r) => r.id));
    // An action whose recommendation did not survive stays under its finding (as in files written before recommendations).
    const actions = (side?.actions ?? [])
      .filter((a) => findingSet.has(a.findingId))
      .map(({ recommendationId, ...a }) => ({ ...a, projectId: this.projectId, ...(recommendationId !== undefined && recommendationSet.has(recommendationId) ? { recommendationId } : {}) }));
    // Assignments and consensus decisions survive only where their coder, document, source and code do.
    const coderSet = new Set(this.coders.map((c) => c.id));
    const docSet = new Set(this.documents.map((d) => d.id));
    const sourceSet = new Set(this.sources.map((s) => s.id));
    const assignments = (side?.assignments ?? [])
      .filter((a) => coderSet.has(a.coderId) && (a.scope === 'source' ? sourceSet : docSet).has(a.targetId))
      .map((a) => ({ ...a, projectId: this.projectId }));
    const decisions = (side?.decisions ?? [])
      .filter((d) => coderSet.has(d.decidedBy) && docSet.has(d.documentId) && codeSet.has(d.codeId))
      .map((d) => ({ ...d, projectId: this.projectId }));

    // Candidate quotes survive where their document does (and keep their coding where it survives).
    const quotes = (side?.quotes ?? [])
      .filter((q) => docSet.has(q.documentId))
      .map(({ codingId, ...q }) => ({ ...q, projectId: this.projectId, ...(codingId && codingSet.has(codingId) ? { codingId } : {}) }));

    // Edited pack templates belong to the project (checked again by templateFor when a pack is made).
    const packTemplates = (side?.packTemplates ?? []).map((t) => ({ ...t, projectId: this.projectId }));

    const documentSets = this.readSets();
    const redactions = (side?.redactions ?? []).map((r) => ({ ...r, projectId: this.projectId }));

    const result = ProjectBundle.safeParse({
      project,
      coders: this.coders,
      sources: this.sources,
      variables: this.variables,
      participants: this.participants,
      documents: this.documents,
      codes: this.codes,
      codings: this.codings,
      memos,
      findings,
      actions,
      // absent when empty, so bundles without them round-trip unchanged
      ...(recommendations.length > 0 ? { recommendations } : {}),
      ...(assignments.length > 0 ? { assignments } : {}),
      ...(decisions.length > 0 ? { decisions } : {}),
      ...(quotes.length > 0 ? { quotes } : {}),
      ...(packTemplates.length > 0 ? { packTemplates } : {}),
      ...(documentSets.length > 0 ? { documentSets } : {}),
      ...(redactions.length > 0 ? { redactions } : {}),
    });
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ExchangeError(`the imported project is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
    }
    return { bundle: result.data, warnings: this.warnings, notes: this.notes };
  }

  /**
   * REFI <Sets> → document sets (MAXQDA document sets, ATLAS.ti document groups). Members that are
   * text sources become documents, other sources whole sources; code and note members cannot be
   * held (Chorus has no code groups) and are reported. A Chorus file's side file gives the exact membership.
   */
  private readSets(): DocumentSet[] {
    const sets: DocumentSet[] = [];
    for (const node of children(child(this.P, 'Sets'), 'Set')) {
      const name = named(attr(node, 'name'), 200) ?? `Set ${sets.length + 1}`;
      const members = children(node, 'MemberSource').map((m) => cleanGuid(attr(m, 'targetGUID'))?.toLowerCase());
      const codes = children(node, 'MemberCode').length;
      const notes = children(node, 'MemberNote').length;
      if (members.length === 0 && codes + notes > 0) {
        this.warnings.push(`set "${name}" groups ${codes > 0 ? `${codes} code(s)` : `${notes} note(s)`}, not documents: it was not imported (Chorus has no code or note groups)`);
        continue;
      }
      const id = this.id(attr(node, 'guid'), 'set', `set "${name}"`);
      let documentIds: string[] = [];
      let sourceIds: string[] = [];
      let unknown = 0;
      for (const g of members) {
        const doc = g ? this.docIds.get(g) : undefined;
        const src = g ? this.sourceOfRefi.get(g) : undefined;
        if (doc) documentIds.push(doc);
        else if (src) sourceIds.push(src);
        else unknown++;
      }
      const extra = this.sidecar?.sets[id];
      if (extra) {
        const known = new Set(this.sources.map((s) => s.id));
        // (assigned, not spread into splice: a set of 100,000 documents is more arguments than a call takes)
        sourceIds = extra.sourceIds.filter((s) => known.has(s));
        documentIds = extra.documentIds.filter((d) => this.docIds.has(d.toLowerCase()));
      }
      if (unknown > 0) this.warnings.push(`set "${name}": ${unknown} member(s) name no source in the project and were dropped`);
      if (codes + notes > 0) this.warnings.push(`set "${name}": its ${codes + notes} code or note member(s) were not imported (Chorus sets hold documents)`);
      sets.push({
        id,
        projectId: this.projectId,
        name,
        description: childText(node, 'Description') ?? '',
        documentIds: [...new Set(documentIds)],
        sourceIds: [...new Set(sourceIds)],
      });
    }
    return sets;
  }

  private readUsers(): void {
    for (const u of children(child(this.P, 'Users'), 'User')) {
      const id = this.id(attr(u, 'guid'), 'coder', `user "${attr(u, 'name') ?? ''}"`);
      const name = named(attr(u, 'name'), 120) ?? named(attr(u, 'id'), 120) ?? `User ${this.coders.length + 1}`;
      this.addCoder(id, name, attr(u, 'guid'));
    }
  }

  private addCoder(id: string, name: string, raw: string | undefined): string {
    const extra = this.sidecar?.coders[id];
    const initials =
      extra?.initials ??
      (clip(
        name
          .split(/\s+/)
          .filter((w) => /^\p{L}/u.test(w))
          .map((w) => String.fromCodePoint(w.codePointAt(0)!).toUpperCase())
          .join(''),
        3,
      ) || '?');
    this.coders.push({ id, projectId: this.projectId, name, initials, colour: extra?.colour ?? paletteColour(this.coders.length) });
    this.coderIds.set(id.toLowerCase(), id);
    const clean = cleanGuid(raw);
    if (clean) this.coderIds.set(clean.toLowerCase(), id);
    return id;
  }

  /** The coder for a creatingUser attribute; unknown or missing users become "Unknown coder". */
  private coder(raw: string | undefined): string {
    const g = cleanGuid(raw);
    const known = g && this.coderIds.get(g.toLowerCase());
    if (known) return known;
    const key = g ? g.toLowerCase() : 'missing';
    const id = g ?? deriveGuid(`chorus-unknown-coder:${this.projectId}`);
    const have = this.coderIds.get(key);
    if (have) return have;
    const n = this.coders.filter((c) => c.name.startsWith('Unknown coder')).length;
    this.addCoder(id, n === 0 ? 'Unknown coder' : `Unknown coder ${n + 1}`, raw);
    this.coderIds.set(key, id);
    return id;
  }

  private readCode(node: XmlNode, parentId: string | null, order: number): void {
    const id = this.id(attr(node, 'guid'), 'code', `code "${attr(node, 'name') ?? ''}"`);
    const extra = this.sidecar?.codes[id];
    const colour = normaliseColour(attr(node, 'color'));
    this.codes.push({
      id,
      projectId: this.projectId,
      parentId,
      name: named(attr(node, 'name'), 200) ?? 'Unnamed code',
      definition: childText(node, 'Description') ?? '',
      inclusion: extra?.inclusion ?? '',
      exclusion: extra?.exclusion ?? '',
      example: extra?.example ?? '',
      colour: colour ?? '', // filled by recolourCodes
      order: extra?.order ?? order,
      keywords: extra?.keywords ?? [],
      createdAt: extra?.createdAt ?? this.date(undefined),
    });
    const clean = cleanGuid(attr(node, 'guid'));
    this.codeIds.set(id.toLowerCase(), id);
    if (clean) this.codeIds.set(clean.toLowerCase(), id);
    for (const n of children(node, 'NoteRef')) this.target(attr(n, 'targetGUID'), { kind: 'code', id });
    children(node, 'Code').forEach((c, i) => this.readCode(c, id, i));
  }

  private recolourCodes(): void {
    let i = 0;
    for (const c of this.codes) if (!c.colour) c.colour = paletteColour(i++);
  }

  private readVariables(): void {
    for (const v of children(child(this.P, 'Variables'), 'Variable')) {
      const id = this.id(attr(v, 'guid'), 'variable', `variable "${attr(v, 'name') ?? ''}"`);
      const refi = attr(v, 'typeOfVariable') ?? 'Text';
      const type = this.sidecar?.variables[id]?.type ?? (refi === 'Boolean' ? 'boolean' : refi === 'Integer' || refi === 'Float' ? 'number' : refi === 'Date' || refi === 'DateTime' ? 'date' : 'text');
      const level = this.sidecar?.variables[id]?.level;
      this.variables.push({ id, projectId: this.projectId, name: named(attr(v, 'name'), 200) ?? 'Unnamed variable', type, description: childText(v, 'Description') ?? '', ...(level ? { level } : {}) });
      this.variableIds.set(id.toLowerCase(), id);
      const clean = cleanGuid(attr(v, 'guid'));
      if (clean) this.variableIds.set(clean.toLowerCase(), id);
    }
  }

  /** Remember which Chorus entity a NoteRef points from (first reference wins). */
  private target(noteGuid: string | undefined, t: MemoTarget): void {
    const g = cleanGuid(noteGuid)?.toLowerCase();
    if (g && !this.noteTargets.has(g)) this.noteTargets.set(g, t);
  }

  private textAt(path: string): string | undefined {
    const p = path.replace(/\\/g, '/');
    const rest = p.replace(/^(internal|relative|file):\/+/i, '');
    const base = basename(rest);
    for (const c of [rest, `sources/${rest}`, `sources/${base}`, base]) {
      const bytes = this.fileAt(c);
      if (bytes) return decodeText(bytes);
    }
    return undefined;
  }

  private chorusSourceFor(docId: string | undefined, refiGuid: string, name: string, node: XmlNode): string {
    const wanted = docId ? this.sidecar?.documents[docId]?.sourceId : undefined;
    if (wanted) {
      if (!this.sources.some((s) => s.id === wanted)) {
        const s = this.sidecar?.sources.find((x) => x.id === wanted);
        if (s) this.sources.push({ ...s, projectId: this.projectId });
      }
      if (this.sources.some((s) => s.id === wanted)) return wanted;
    }
    const id = deriveGuid(`chorus-source:${refiGuid.toLowerCase()}`);
    this.sources.push({
      id,
      projectId: this.projectId,
      name: clip(name, 200),
      kind: 'other',
      description: childText(node, 'Description') ?? '',
      createdAt: this.date(attr(node, 'creationDateTime')),
    });
    return id;
  }

  private readSources(): void {
    const S = child(this.P, 'Sources');
    // sources listed in the side file come first, in its order, even those without documents
    for (const s of this.sidecar?.sources ?? []) this.sources.push({ ...s, projectId: this.projectId });
    for (const kind of SOURCE_ELEMENTS) {
      for (const node of children(S, kind)) this.readSource(kind, node);
    }
  }

  private readSource(kind: (typeof SOURCE_ELEMENTS)[number], node: XmlNode): void {
    const raw = attr(node, 'guid');
    const path = attr(node, 'plainTextPath') ?? attr(node, 'path') ?? attr(node, 'currentPath') ?? '';
    const name = named(attr(node, 'name'), 300) ?? named(basename(path).replace(/\.[^.]*$/, ''), 300) ?? `Source ${this.sourceOfRefi.size + 1}`;
    const clean = cleanGuid(raw);
    const docId = clean && this.sidecar?.documents[clean] ? clean : undefined;
    const sourceId = this.chorusSourceFor(docId, clean ?? name, name, node);
    if (clean) this.sourceOfRefi.set(clean.toLowerCase(), sourceId);

    // the text and its selections: a TextSource itself, or a PDF's text Representation
    const textNode = kind === 'TextSource' ? node : kind === 'PDFSource' ? child(node, 'Representation') : undefined;
    if (!textNode) {
      this.warnings.push(`source "${name}": ${kind} is not a text source; it was imported without a document`);
      return;
    }
    const selections = children(textNode, 'PlainTextSelection');
    const tPath = attr(textNode, 'plainTextPath');
    const inline = childText(textNode, 'PlainTextContent');
    const raw_ = tPath ? this.textAt(tPath) : inline;
    if (raw_ === undefined) {
      this.warnings.push(
        `source "${name}": its text ${tPath ? `(${tPath}) is not in the zip` : 'is missing'}; ${selections.length} selection(s) were skipped`,
      );
      return;
    }
    const id = this.id(raw, 'document', `source "${name}"`);
    if (clean) this.docIds.set(clean.toLowerCase(), id);
    this.docIds.set(id.toLowerCase(), id);

    const positions = selections.map((s) => [Number(attr(s, 'startPosition')), Number(attr(s, 'endPosition'))] as const);
    // a Chorus file (with its side file) always counts code points; anything else is judged on evidence
    const mapper = selectionMapper(raw_, this.sidecar ? [] : positions.filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e)), /nvivo/i.test(this.origin));
    this.reportOffsets(name, mapper);
    const extra = this.sidecar?.documents[id];
    const created = this.date(attr(node, 'creationDateTime'));
    const document: DocumentWithText = {
      id,
      projectId: this.projectId,
      sourceId,
      participantId: null,
      title: name,
      kind: extra?.kind ?? 'document',
      length: mapper.text.length,
      turns: (extra?.turns ?? []).filter((t) => t.end <= mapper.text.length),
      ...(extra?.recordId !== undefined ? { recordId: extra.recordId } : {}),
      ...(extra?.field !== undefined ? { field: extra.field } : {}),
      ...(extra?.attributes !== undefined ? { attributes: extra.attributes } : {}),
      createdAt: created,
      text: mapper.text,
    };
    this.documents.push(document);
    if (!this.documentAt.has(id.toLowerCase())) this.documentAt.set(id.toLowerCase(), document);

    let skipped = 0;
    selections.forEach((sel, i) => {
      const [s, e] = positions[i]!;
      const span = Number.isFinite(s) && Number.isFinite(e) ? mapper.map(s, e) : null;
      const codings = children(sel, 'Coding');
      if (!span) {
        skipped++;
        return;
      }
      const ids = codings.map((c) => this.addCoding(c, id, span, sel, created));
      const first = ids[0];
      for (const n of children(sel, 'NoteRef')) this.target(attr(n, 'targetGUID'), first ? { kind: 'coding', id: first } : { kind: 'document', id });
    });
    if (skipped > 0) this.warnings.push(`source "${name}": ${skipped} selection(s) outside the text were skipped`);
    // codings of the whole source
    for (const c of children(textNode, 'Coding')) if (mapper.text.length > 0) this.addCoding(c, id, [0, mapper.text.length], node, created);
    for (const n of [...children(node, 'NoteRef'), ...(textNode === node ? [] : children(textNode, 'NoteRef'))]) {
      this.target(attr(n, 'targetGUID'), { kind: 'document', id });
    }
  }

  /** Say which offset convention a source was read with, and on what evidence, when it mattered. */
  private reportOffsets(name: string, mapper: SelectionMapper): void {
    const [chosen, ...others] = mapper.evidence;
    const standard = mapper.mode === 'normalised code points';
    if (!chosen) {
      if (!standard) this.warnings.push(`source "${name}": selection positions read as ${describeOffsetMode(mapper.mode)}`);
      return;
    }
    const line =
      `source "${name}": selection positions read as ${describeOffsetMode(mapper.mode)}: ${chosen.aligned} of ${chosen.inRange} selections start and end on word boundaries` +
      `, against ${others.map((o) => `${o.aligned}${o.inRange < chosen.inRange ? ` (${chosen.inRange - o.inRange} outside the text)` : ''} as ${describeOffsetMode(o.mode)}`).join(', ')}` +
      // (a tie on boundaries is broken by the selections with no white space at either end)
      (others.some((o) => o.inRange === chosen.inRange && o.aligned === chosen.aligned)
        ? `; of those, ${chosen.tight} neither begin nor end with white space, against ${others.map((o) => `${o.tight} as ${describeOffsetMode(o.mode)}`).join(', ')}`
        : '');
    (standard ? this.notes : this.warnings).push(line);
  }

  private addCoding(c: XmlNode, documentId: string, [start, end]: [number, number], sel: XmlNode, fallbackDate: string): string {
    const ref = attr(child(c, 'CodeRef'), 'targetGUID');
    const codeId = this.codeIds.get(cleanGuid(ref)?.toLowerCase() ?? '');
    if (!codeId) throw new ExchangeError(`a selection refers to unknown code GUID ${ref ?? '(none)'}`);
    const id = this.id(attr(c, 'guid'), 'coding', 'a coding');
    this.codings.push({
      id,
      projectId: this.projectId,
      documentId,
      codeId,
      start,
      end,
      coderId: this.coder(attr(c, 'creatingUser') ?? attr(sel, 'creatingUser')),
      createdAt: this.date(attr(c, 'creationDateTime') ?? attr(sel, 'creationDateTime'), fallbackDate),
    });
    for (const n of children(c, 'NoteRef')) this.target(attr(n, 'targetGUID'), { kind: 'coding', id });
    return id;
  }

  private readCases(): void {
    let orphanSource: string | undefined;
    for (const c of children(child(this.P, 'Cases'), 'Case')) {
      const pseudonym = named(attr(c, 'name'), 120) ?? `Case ${this.participants.length + 1}`;
      const id = this.id(attr(c, 'guid'), 'participant', `case "${pseudonym}"`);
      const attributes: Participant['attributes'] = {};
      for (const vv of children(c, 'VariableValue')) {
        const varId = this.variableIds.get(cleanGuid(attr(child(vv, 'VariableRef'), 'targetGUID'))?.toLowerCase() ?? '');
        if (!varId) continue;
        const text = (k: string) => childText(vv, k);
        let value: string | number | boolean | null = null;
        if (text('TextValue') !== undefined) value = text('TextValue')!;
        else if (text('BooleanValue') !== undefined) value = /^\s*(true|1)\s*$/i.test(text('BooleanValue')!);
        else if (text('IntegerValue') !== undefined || text('FloatValue') !== undefined) {
          const n = Number((text('IntegerValue') ?? text('FloatValue')!).trim());
          value = Number.isFinite(n) ? n : null;
        } else if (text('DateValue') !== undefined) value = text('DateValue')!.trim();
        else if (text('DateTimeValue') !== undefined) value = text('DateTimeValue')!.trim();
        attributes[varId] = value;
      }
      let sourceId: string | undefined;
      for (const r of children(c, 'SourceRef')) {
        const g = cleanGuid(attr(r, 'targetGUID'))?.toLowerCase() ?? '';
        sourceId ??= this.sourceOfRefi.get(g);
        const doc = this.documentAt.get(g);
        if (doc && doc.participantId === null) doc.participantId = id;
      }
      const wanted = this.sidecar?.participants[id]?.sourceId;
      if (wanted && this.sources.some((s) => s.id === wanted)) sourceId = wanted;
      if (!sourceId) {
        if (!orphanSource) {
          orphanSource = deriveGuid(`chorus-orphan-cases:${this.projectId}`);
          this.sources.push({ id: orphanSource, projectId: this.projectId, name: 'Cases without sources', kind: 'other', description: '', createdAt: this.now });
          this.warnings.push('cases without any source were put under a new source "Cases without sources"');
        }
        sourceId = orphanSource;
      }
      this.participants.push({ id, projectId: this.projectId, sourceId, pseudonym, attributes });
    }
  }

  private readNotes(): MemoWithText[] {
    const memos: MemoWithText[] = [];
    for (const n of children(child(this.P, 'Notes'), 'Note')) {
      const title = clip(attr(n, 'name') ?? '', 300);
      const id = this.id(attr(n, 'guid'), 'memo', `note "${title}"`);
      const path = attr(n, 'plainTextPath');
      let text = childText(n, 'PlainTextContent');
      if (text === undefined && path) {
        text = this.textAt(path);
        if (text === undefined) this.warnings.push(`note "${title}": its text (${path}) is not in the zip; imported empty`);
      }
      const created = this.date(attr(n, 'creationDateTime'));
      const creator = attr(n, 'creatingUser');
      memos.push({
        id,
        projectId: this.projectId,
        target: this.sidecar?.memos[id]?.target ?? this.noteTargets.get(id.toLowerCase()) ?? { kind: 'project', id: this.projectId },
        title,
        coderId: creator ? this.coder(creator) : null,
        createdAt: created,
        updatedAt: this.date(attr(n, 'modifiedDateTime'), created),
        text: text ?? '',
      });
    }
    return memos;
  }
}
