import type { ProjectBundle } from '../../shared/model';
import { seededGuids } from '../../shared/model';

/** A small, valid bundle: 1 source, 1 participant, 2 documents, 3 codes (1 nested), 3 codings, 1 memo. */
export function smallBundle(seed = 1): ProjectBundle {
  const id = seededGuids(seed);
  const t = '2026-01-02T03:04:05.000Z';
  const pid = id();
  const coder = id();
  const source = id();
  const participant = id();
  const d1 = id();
  const d2 = id();
  const theme = id();
  const sub = id();
  const other = id();
  const v = id();
  const text1 = 'Interviewer: How were you kept updated?\nP1: Nobody called me back for three weeks.';
  const text2 = 'The officer believed me straight away 😊 and that mattered.';
  return {
    project: { id: pid, name: `Test project ${seed}`, description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: t, updatedAt: t },
    coders: [{ id: coder, projectId: pid, name: 'Alex', initials: 'AM', colour: '#0072B2' }],
    sources: [{ id: source, projectId: pid, name: 'Interviews', kind: 'interview', description: '', createdAt: t }],
    variables: [{ id: v, projectId: pid, name: 'age band', type: 'category', description: '' }],
    participants: [{ id: participant, projectId: pid, sourceId: source, pseudonym: 'P1', attributes: { [v]: '25–34' } }],
    documents: [
      { id: d1, projectId: pid, sourceId: source, participantId: participant, title: 'Interview 1', kind: 'transcript', length: text1.length, text: text1, turns: [{ speaker: 'Interviewer', start: 0, end: 40 }, { speaker: 'P1', start: 41, end: text1.length }], createdAt: t },
      { id: d2, projectId: pid, sourceId: source, participantId: null, title: 'Note', kind: 'document', length: text2.length, text: text2, turns: [], createdAt: t },
    ],
    codes: [
      { id: theme, projectId: pid, parentId: null, name: 'Updates and communication', definition: 'Being kept informed', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order: 0, keywords: ['update'], createdAt: t },
      { id: sub, projectId: pid, parentId: theme, name: 'Chasing for news', definition: '', inclusion: '', exclusion: '', example: '', colour: '#56B4E9', order: 0, keywords: [], createdAt: t },
      { id: other, projectId: pid, parentId: null, name: 'Being believed', definition: '', inclusion: '', exclusion: '', example: '', colour: '#009E73', order: 1, keywords: [], createdAt: t },
    ],
    codings: [
      { id: id(), projectId: pid, documentId: d1, codeId: sub, start: 45, end: 83, coderId: coder, createdAt: t },
      { id: id(), projectId: pid, documentId: d1, codeId: theme, start: 41, end: 83, coderId: coder, createdAt: t },
      { id: id(), projectId: pid, documentId: d2, codeId: other, start: 0, end: 37, coderId: coder, createdAt: t },
    ],
    memos: [{ id: id(), projectId: pid, target: { kind: 'code', id: theme }, title: 'Note', coderId: coder, createdAt: t, updatedAt: t, text: 'Watch for 101 waits.' }],
    findings: [],
    actions: [],
    assignments: [],
    decisions: [],
  };
}
