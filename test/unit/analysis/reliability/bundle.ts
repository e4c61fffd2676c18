/** Minimal ProjectBundles for agreement tests: documents, codes, coders and codings only. */
import type { Coding, DocumentKind, ProjectBundle } from '../../../../shared/model';
import { seededGuids } from '../../../../shared/model';

const AT = '2025-01-01T00:00:00Z';

export interface Spec {
  coders: string[];
  codes: string[];
  docs: { text: string; kind?: DocumentKind }[];
  /** [coder index, code index, doc index, start, end] */
  codings: [number, number, number, number, number][];
}

export function makeBundle(spec: Spec, seed = 1): ProjectBundle {
  const guid = seededGuids(seed);
  const projectId = guid();
  const sourceId = guid();
  const coders = spec.coders.map((name) => ({ id: guid(), projectId, name, initials: name.slice(0, 2) || 'X', colour: '#123456' }));
  const codes = spec.codes.map((name, i) => ({
    id: guid(), projectId, parentId: null, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#654321', order: i, keywords: [], createdAt: AT,
  }));
  const documents = spec.docs.map((d, i) => ({
    id: guid(), projectId, sourceId, participantId: null, title: `Doc ${i + 1}`, kind: d.kind ?? ('response' as const), length: d.text.length, turns: [], createdAt: AT, text: d.text,
  }));
  const codings: Coding[] = spec.codings.map(([j, k, d, start, end]) => ({
    id: guid(), projectId, documentId: documents[d]!.id, codeId: codes[k]!.id, coderId: coders[j]!.id, start, end, createdAt: AT,
  }));
  return {
    project: { id: projectId, name: 'Agreement test', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: AT, updatedAt: AT },
    coders, sources: [{ id: sourceId, projectId, name: 'Survey', kind: 'survey', description: '', createdAt: AT }],
    variables: [], participants: [], documents, codes, codings, memos: [], findings: [], actions: [], assignments: [], decisions: [],
  };
}
