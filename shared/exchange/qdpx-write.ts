/** ProjectBundle → REFI-QDA 1.5 project (.qdpx: project.qde + sources/<guid>.txt + chorus.json). */
import { zipSync, strToU8 } from 'fflate';
import { makeOffsetConverter, type Code, type Coding, type ProjectBundle, type Variable } from '../model';
import { toDecimal, toXsdDateTime, XSD_DATE, isXsdDateTime } from './dates';
import { deriveGuid } from './ids';
import { SIDECAR_NAME, SIDECAR_VERSION, type Sidecar } from './sidecar';
import { XmlWriter } from './xml';
import { MAX_ZIP_ENTRIES } from './safe-zip';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

const REFI_TYPE: Record<Variable['type'], string> = {
  category: 'Text',
  text: 'Text',
  number: 'Float',
  date: 'Date',
  boolean: 'Boolean',
};

/** The PlainTextSelection GUID around a Chorus coding (stable, so exports are reproducible). */
export function selectionGuid(codingId: string): string {
  return deriveGuid(`chorus-selection:${codingId}`);
}

function byOrder(a: Code, b: Code): number {
  return a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** The project.qde XML for a bundle. Exposed for schema validation tests. */
export function writeProjectXml(bundle: ProjectBundle, options: { inlineTexts?: boolean } = {}): string {
  const inline = options.inlineTexts === true;
  const { project } = bundle;
  const w = new XmlWriter();
  const notesOn = new Map<string, string[]>(); // target id → memo ids
  const projectNotes: string[] = [];
  for (const m of bundle.memos) {
    if (m.target.kind === 'project') projectNotes.push(m.id);
    else if (m.target.kind === 'document' || m.target.kind === 'code' || m.target.kind === 'coding') {
      const list = notesOn.get(m.target.id) ?? [];
      list.push(m.id);
      notesOn.set(m.target.id, list);
    }
  }
  const noteRefs = (id: string) => {
    for (const n of notesOn.get(id) ?? []) w.empty('NoteRef', { targetGUID: n });
  };

  w.open('Project', {
    xmlns: PROJECT_NS,
    name: project.name,
    origin: 'Chorus',
    creatingUserGUID: bundle.coders[0]?.id,
    creationDateTime: toXsdDateTime(project.createdAt),
    modifiedDateTime: toXsdDateTime(project.updatedAt),
  });

  if (bundle.coders.length > 0) {
    w.open('Users');
    for (const c of bundle.coders) w.empty('User', { guid: c.id, name: c.name });
    w.close('Users');
  }

  if (bundle.codes.length > 0) {
    const kids = new Map<string | null, Code[]>();
    const ids = new Set(bundle.codes.map((c) => c.id));
    for (const c of bundle.codes) {
      const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
      const list = kids.get(parent) ?? [];
      list.push(c);
      kids.set(parent, list);
    }
    const visited = new Set<string>();
    const writeCode = (c: Code) => {
      if (visited.has(c.id)) return; // a cycle in a corrupt bundle: write each code once
      visited.add(c.id);
      const sub = (kids.get(c.id) ?? []).sort(byOrder);
      const attrs = { guid: c.id, name: c.name, isCodable: 'true', color: c.colour };
      if (!c.definition && !notesOn.has(c.id) && sub.length === 0) {
        w.empty('Code', attrs);
        return;
      }
      w.open('Code', attrs);
      if (c.definition) w.text('Description', c.definition);
      noteRefs(c.id);
      for (const s of sub) writeCode(s);
      w.close('Code');
    };
    w.open('CodeBook').open('Codes');
    for (const c of (kids.get(null) ?? []).sort(byOrder)) writeCode(c);
    w.close('Codes').close('CodeBook');
  }

  const varById = new Map(bundle.variables.map((v) => [v.id, v]));
  if (bundle.variables.length > 0) {
    w.open('Variables');
    for (const v of bundle.variables) {
      const attrs = { guid: v.id, name: v.name, typeOfVariable: REFI_TYPE[v.type] };
      if (v.description) w.open('Variable', attrs).text('Description', v.description).close('Variable');
      else w.empty('Variable', attrs);
    }
    w.close('Variables');
  }

  if (bundle.participants.length > 0) {
    const docsOf = new Map<string, string[]>();
    for (const d of bundle.documents) {
      if (d.participantId === null) continue;
      const list = docsOf.get(d.participantId) ?? [];
      list.push(d.id);
      docsOf.set(d.participantId, list);
    }
    w.open('Cases');
    for (const p of bundle.participants) {
      w.open('Case', { guid: p.id, name: p.pseudonym });
      for (const [varId, value] of Object.entries(p.attributes)) {
        if (value === null || !varById.has(varId)) continue;
        w.open('VariableValue').empty('VariableRef', { targetGUID: varId });
        if (typeof value === 'boolean') w.text('BooleanValue', String(value));
        else if (typeof value === 'number') {
          if (Number.isFinite(value)) w.text('FloatValue', toDecimal(value));
          else w.text('TextValue', String(value));
        } else if (varById.get(varId)?.type === 'date' && XSD_DATE.test(value)) w.text('DateValue', value);
        else if (varById.get(varId)?.type === 'date' && isXsdDateTime(value)) w.text('DateTimeValue', value);
        else w.text('TextValue', value);
        w.close('VariableValue');
      }
      for (const d of docsOf.get(p.id) ?? []) w.empty('SourceRef', { targetGUID: d });
      w.close('Case');
    }
    w.close('Cases');
  }

  if (bundle.documents.length > 0) {
    const codingsOf = new Map<string, Coding[]>();
    for (const c of bundle.codings) {
      const list = codingsOf.get(c.documentId) ?? [];
      list.push(c);
      codingsOf.set(c.documentId, list);
    }
    w.open('Sources');
    for (const d of bundle.documents) {
      const attrs = {
        guid: d.id,
        name: d.title,
        plainTextPath: inline ? undefined : `internal://${d.id}.txt`,
        creationDateTime: toXsdDateTime(d.createdAt),
      };
      const codings = (codingsOf.get(d.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
      if (codings.length === 0 && !notesOn.has(d.id) && !inline) {
        w.empty('TextSource', attrs);
        continue;
      }
      w.open('TextSource', attrs);
      if (inline) w.text('PlainTextContent', d.text);
      const conv = makeOffsetConverter(d.text);
      for (const c of codings) {
        const start = conv.toCodePoint(Math.min(c.start, d.text.length));
        const end = conv.toCodePoint(Math.min(c.end, d.text.length));
        w.open('PlainTextSelection', {
          guid: selectionGuid(c.id),
          startPosition: start,
          endPosition: end,
          creatingUser: c.coderId,
          creationDateTime: toXsdDateTime(c.createdAt),
        });
        w.open('Coding', { guid: c.id, creatingUser: c.coderId, creationDateTime: toXsdDateTime(c.createdAt) })
          .empty('CodeRef', { targetGUID: c.codeId })
          .close('Coding');
        noteRefs(c.id);
        w.close('PlainTextSelection');
      }
      noteRefs(d.id);
      w.close('TextSource');
    }
    w.close('Sources');
  }

  if (bundle.memos.length > 0) {
    w.open('Notes');
    for (const m of bundle.memos) {
      w.open('Note', {
        guid: m.id,
        name: m.title || undefined,
        creatingUser: m.coderId ?? undefined,
        creationDateTime: toXsdDateTime(m.createdAt),
        modifiedDateTime: toXsdDateTime(m.updatedAt),
      });
      w.text('PlainTextContent', m.text);
      w.close('Note');
    }
    w.close('Notes');
  }

  const sets = bundle.documentSets ?? [];
  if (sets.length > 0) {
    const docsOfSource = new Map<string, string[]>();
    for (const d of bundle.documents) {
      const list = docsOfSource.get(d.sourceId);
      if (list) list.push(d.id);
      else docsOfSource.set(d.sourceId, [d.id]);
    }
    const written = new Set(bundle.documents.map((d) => d.id));
    w.open('Sets');
    for (const s of sets) {
      // REFI members are sources (Chorus documents): a whole Chorus source is listed document by document
      const members = [...new Set([...s.documentIds, ...s.sourceIds.flatMap((id) => docsOfSource.get(id) ?? [])])].filter((id) => written.has(id));
      if (!s.description && members.length === 0) {
        w.empty('Set', { guid: s.id, name: s.name });
        continue;
      }
      w.open('Set', { guid: s.id, name: s.name });
      if (s.description) w.text('Description', s.description);
      for (const m of members) w.empty('MemberSource', { targetGUID: m });
      w.close('Set');
    }
    w.close('Sets');
  }

  if (project.description) w.text('Description', project.description);
  for (const n of projectNotes) w.empty('NoteRef', { targetGUID: n });
  w.close('Project');
  return w.toString();
}

/** The side file's content for a bundle. */
export function buildSidecar(bundle: ProjectBundle): Sidecar {
  return {
    format: 'chorus-sidecar',
    version: SIDECAR_VERSION,
    project: bundle.project,
    coders: Object.fromEntries(bundle.coders.map((c) => [c.id, { initials: c.initials, colour: c.colour }])),
    sources: bundle.sources,
    documents: Object.fromEntries(
      bundle.documents.map((d) => [d.id, { sourceId: d.sourceId, kind: d.kind, turns: d.turns, recordId: d.recordId, field: d.field, ...(d.attributes ? { attributes: d.attributes } : {}) }]),
    ),
    codes: Object.fromEntries(
      bundle.codes.map((c) => [
        c.id,
        { inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, order: c.order, keywords: c.keywords, createdAt: c.createdAt },
      ]),
    ),
    variables: Object.fromEntries(bundle.variables.map((v) => [v.id, { type: v.type, ...(v.level ? { level: v.level } : {}) }])),
    participants: Object.fromEntries(bundle.participants.map((p) => [p.id, { sourceId: p.sourceId }])),
    memos: Object.fromEntries(bundle.memos.map((m) => [m.id, { target: m.target }])),
    findings: bundle.findings,
    actions: bundle.actions,
    ...(bundle.recommendations?.length ? { recommendations: bundle.recommendations } : {}),
    assignments: bundle.assignments ?? [],
    decisions: bundle.decisions ?? [],
    ...(bundle.quotes?.length ? { quotes: bundle.quotes } : {}),
    ...(bundle.packTemplates?.length ? { packTemplates: bundle.packTemplates } : {}),
    redactions: bundle.redactions ?? [],
    sets: Object.fromEntries((bundle.documentSets ?? []).map((s) => [s.id, { documentIds: s.documentIds, sourceIds: s.sourceIds }])),
  };
}

/**
 * A whole project as .qdpx bytes. Deterministic: the same bundle gives the same bytes. Projects
 * with more documents than a zip without ZIP64 holds entries (MAX_ZIP_ENTRIES, with project.qde
 * and the side file) carry their texts inside project.qde (REFI-QDA <PlainTextContent>) instead
 * of one sources/<guid>.txt each.
 */
export function writeQdpx(bundle: ProjectBundle, options: { maxZipEntries?: number } = {}): Uint8Array {
  const inlineTexts = bundle.documents.length + 2 > (options.maxZipEntries ?? MAX_ZIP_ENTRIES);
  const files: Record<string, Uint8Array> = {};
  files['project.qde'] = strToU8(writeProjectXml(bundle, { inlineTexts }));
  if (!inlineTexts) for (const d of bundle.documents) files[`sources/${d.id}.txt`] = strToU8(d.text);
  files[SIDECAR_NAME] = strToU8(JSON.stringify(buildSidecar(bundle)));
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
