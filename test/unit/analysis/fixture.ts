/**
 * A small hand-checked project for the analysis tests (expected values are derived by hand in the tests).
 * Codebook: Contact (T1) › Kindness (C1), Kept informed (C2); Delay (T2) › Waiting (C3).
 */
import { seededGuids, type Coding, type ProjectBundle } from '../../../shared/model';

export function smallProject(seed = 7) {
  const id = seededGuids(seed);
  const projectId = id();
  const at = '2024-03-01T08:00:00Z';
  const S1 = id();
  const S2 = id();
  const AGE = id();
  const DATE = id();
  const K1 = id();
  const K2 = id();
  const [P1, P2, P3, P4] = [id(), id(), id(), id()];
  const [T1, C1, C2, T2, C3] = [id(), id(), id(), id(), id()];
  const code = (cid: string, parentId: string | null, name: string, order: number) => ({
    id: cid, projectId, parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#336699', order, keywords: [], createdAt: at,
  });
  const texts = {
    D1: 'The officer was kind and helpful. I felt safe.',
    D2: 'Nobody called me back. The wait was fine, great even.',
    D3: 'Kind officer. Nobody kept me informed.',
    D4: 'Q: How was it?\nA: The officer was helpful but the wait was terrible.',
    D5: 'Terrible wait.',
  };
  const docIds = { D1: id(), D2: id(), D3: id(), D4: id(), D5: id() };
  const doc = (key: keyof typeof texts, participantId: string | null, sourceId: string, turns: Array<{ speaker: string; start: number; end: number }> = []) => ({
    id: docIds[key], projectId, sourceId, participantId, title: key, kind: (turns.length ? 'transcript' : 'response') as 'transcript' | 'response',
    length: texts[key].length, turns, createdAt: at, text: texts[key],
  });
  const codings: Coding[] = [];
  const coding = (key: keyof typeof texts, codeId: string, phrase: string, coderId: string, createdAt: string) => {
    const start = texts[key].indexOf(phrase);
    if (start < 0) throw new Error(`fixture: "${phrase}" not in ${key}`);
    codings.push({ id: id(), projectId, documentId: docIds[key], codeId, start, end: start + phrase.length, coderId, createdAt });
  };
  coding('D1', C1, 'kind and helpful', K1, '2024-03-01T10:00:00Z');
  coding('D1', T1, 'I felt safe', K1, '2024-03-01T10:01:00Z');
  coding('D2', C2, 'Nobody called me back', K1, '2024-03-01T09:00:00Z');
  coding('D2', C3, 'The wait was fine, great even', K1, '2024-03-01T09:01:00Z');
  coding('D3', C1, 'Kind officer', K1, '2024-03-02T10:00:00Z');
  coding('D3', C2, 'Nobody kept me informed', K1, '2024-03-02T10:01:00Z');
  coding('D3', T1, 'Nobody kept me', K1, '2024-03-02T10:02:00Z');
  coding('D4', C2, 'How was it?', K2, '2024-03-03T10:00:00Z');
  coding('D4', C1, 'The officer was helpful', K2, '2024-03-03T10:01:00Z');
  coding('D4', C3, 'the wait was terrible', K2, '2024-03-03T10:02:00Z');
  coding('D5', C3, 'Terrible wait', K2, '2024-03-04T10:00:00Z');
  const participant = (pid: string, sourceId: string, age: string, date: string, pseudonym: string) => ({
    id: pid, projectId, sourceId, pseudonym, attributes: { [AGE]: age, [DATE]: date },
  });
  const bundle: ProjectBundle = {
    project: { id: projectId, name: 'Analysis fixture', description: '', isDemo: false, settings: { disclosureThreshold: 3, locale: 'en-GB' }, createdAt: at, updatedAt: at },
    coders: [
      { id: K1, projectId, name: 'Coder one', initials: 'CO', colour: '#000000' },
      { id: K2, projectId, name: 'Coder two', initials: 'CT', colour: '#111111' },
    ],
    sources: [
      { id: S1, projectId, name: 'Survey 2024', kind: 'survey', description: '', createdAt: at },
      { id: S2, projectId, name: 'Interviews', kind: 'interview', description: '', createdAt: at },
    ],
    variables: [
      { id: AGE, projectId, name: 'Age group', type: 'category', description: '' },
      { id: DATE, projectId, name: 'Contact date', type: 'date', description: '' },
    ],
    participants: [
      participant(P1, S1, '18-24', '2024-01-10', 'P1'),
      participant(P2, S1, '25-34', '2024-02-03', 'P2'),
      participant(P3, S1, '18-24', '2024-04-20', 'P3'),
      participant(P4, S2, '25-34', '15/02/2024', 'P4'),
    ],
    documents: [
      doc('D1', P1, S1),
      doc('D2', P2, S1),
      doc('D3', P3, S1),
      doc('D4', P4, S2, [
        { speaker: 'Interviewer', start: 0, end: 14 },
        { speaker: 'P4', start: 15, end: texts.D4.length },
      ]),
      doc('D5', null, S2),
    ],
    codes: [code(T1, null, 'Contact', 0), code(C1, T1, 'Kindness', 0), code(C2, T1, 'Kept informed', 1), code(T2, null, 'Delay', 1), code(C3, T2, 'Waiting', 0)],
    codings,
    memos: [],
    findings: [],
    actions: [],
    assignments: [],
    decisions: [],
  };
  return { bundle, ids: { S1, S2, AGE, DATE, K1, K2, P1, P2, P3, P4, T1, C1, C2, T2, C3, ...docIds } };
}

/** Rows keyed by a column, for readable assertions. */
export function byKey<T extends Record<string, unknown>>(rows: T[], key: string): Record<string, T> {
  return Object.fromEntries(rows.map((r) => [String(r[key]), r]));
}
