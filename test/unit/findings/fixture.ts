/** A hand-built project for the strength-of-evidence and method tests: every figure is countable by eye. */
import type { Coding, DocumentWithText, Participant, ProjectBundle, SourceKind } from '../../../shared/model';

export const T0 = '2026-01-01T00:00:00.000Z';
const guid = (prefix: string, n: number) => `${prefix}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const PID = guid('aa', 0);
export const CODER_A = guid('c1', 1);
export const CODER_B = guid('c2', 2);
export const THEME = guid('d1', 1);
export const SUB = guid('d2', 2);
export const OTHER = guid('d3', 3);
export const SOURCE: Record<'survey' | 'interview' | 'partner', string> = { survey: guid('e1', 1), interview: guid('e2', 2), partner: guid('e3', 3) };

export const TEXT = 'Nobody called me back for three weeks and I gave up.'; // 52 characters

export interface Voice {
  kind: 'survey' | 'interview' | 'partner';
  /** false: a document linked to no participant (a partner report). */
  participant?: boolean;
}

/** One document per voice; `codings` refer to documents by index. */
export function bundleOf(voices: Voice[], codings: { doc: number; code: string; coder?: string; start?: number; end?: number; at?: string }[]): ProjectBundle {
  const participants: Participant[] = [];
  const documents: DocumentWithText[] = voices.map((v, i) => {
    let participantId: string | null = null;
    if (v.participant !== false) {
      participantId = guid('f0', i);
      participants.push({ id: participantId, projectId: PID, sourceId: SOURCE[v.kind], pseudonym: `P${i + 1}`, attributes: {} });
    }
    return { id: guid('b0', i), projectId: PID, sourceId: SOURCE[v.kind], participantId, title: `Doc ${i + 1}`, kind: 'document', length: TEXT.length, turns: [], text: TEXT, createdAt: T0 };
  });
  const rows: Coding[] = codings.map((c, i) => ({
    id: guid('99', i),
    projectId: PID,
    documentId: documents[c.doc]!.id,
    codeId: c.code,
    start: c.start ?? 0,
    end: c.end ?? 10,
    coderId: c.coder ?? CODER_A,
    createdAt: c.at ?? T0,
  }));
  const code = (id: string, name: string, parentId: string | null, order: number) => ({ id, projectId: PID, parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#0072B2', order, keywords: [], createdAt: T0 });
  const source = (kind: SourceKind, id: string) => ({ id, projectId: PID, name: kind, kind, description: '', createdAt: T0 });
  return {
    project: { id: PID, name: 'Hand-built', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: T0, updatedAt: T0 },
    coders: [
      { id: CODER_A, projectId: PID, name: 'Alex', initials: 'A', colour: '#0072B2' },
      { id: CODER_B, projectId: PID, name: 'Sam', initials: 'S', colour: '#E69F00' },
    ],
    sources: [source('survey', SOURCE.survey), source('interview', SOURCE.interview), source('partner', SOURCE.partner)],
    variables: [],
    participants,
    documents,
    codes: [code(THEME, 'Being kept informed', null, 0), code(SUB, 'Not called back', THEME, 0), code(OTHER, 'Being believed', null, 1)],
    codings: rows,
    memos: [],
    findings: [],
    actions: [],
  };
}
