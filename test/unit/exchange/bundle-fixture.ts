/** A small realistic Chorus bundle for exchange tests (fictional content). */
import { ProjectBundle, seededGuids } from '../../../shared/model';

export function realisticBundle(): ProjectBundle {
  const g = seededGuids(42);
  const projectId = g();
  const at = '2024-05-01T09:30:00Z';
  const coderA = g();
  const coderB = g();
  const survey = g();
  const interviews = g();
  const varAge = g();
  const varContact = g();
  const p1 = g();
  const p2 = g();
  const d1 = g();
  const d2 = g();
  const d3 = g();
  const cTrust = g();
  const cTrustUp = g();
  const cTrustDown = g();
  const cComms = g();
  const t1 = 'The officer listened to me and explained what would happen next. 👍 I felt believed.';
  const t2 = 'Interviewer: How was the first contact?\nParticipant: Slow. Nobody called back for two weeks 😞.\nParticipant: Then it improved.';
  const t3 = 'Naïve question, but why was the case closed? Café <meeting> & "updates" were promised.';
  const coding = (documentId: string, text: string, phrase: string, codeId: string, coderId: string) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`);
    return { id: g(), projectId, documentId, codeId, start, end: start + phrase.length, coderId, createdAt: at };
  };
  const codings = [
    coding(d1, t1, 'listened to me', cTrustUp, coderA),
    coding(d1, t1, '👍 I felt believed', cTrustUp, coderB),
    coding(d2, t2, 'Nobody called back for two weeks 😞', cComms, coderA),
    coding(d2, t2, 'Nobody called back', cTrustDown, coderA),
    coding(d3, t3, 'why was the case closed?', cComms, coderB),
  ];
  return ProjectBundle.parse({
    project: {
      id: projectId,
      name: 'Victim feedback 2024 & "wave 2"',
      description: 'Fictional data for tests.',
      isDemo: true,
      settings: { disclosureThreshold: 10, locale: 'en-GB' },
      createdAt: at,
      updatedAt: '2024-06-01T10:00:00.000Z',
    },
    coders: [
      { id: coderA, projectId, name: 'Alex Analyst', initials: 'AA', colour: '#0072B2' },
      { id: coderB, projectId, name: 'Sam Second', initials: 'SS', colour: '#D55E00' },
    ],
    sources: [
      { id: survey, projectId, name: 'Victim survey Q1', kind: 'survey', description: 'Online survey', collectedFrom: '2024-01-01', collectedTo: '2024-03-31', retainUntil: '2027-03-31', createdAt: at },
      { id: interviews, projectId, name: 'Interviews', kind: 'interview', description: '', collectedBy: 'ISVA service', createdAt: at },
    ],
    variables: [
      { id: varAge, projectId, name: 'Age band', type: 'category', description: 'Self-reported' },
      { id: varContact, projectId, name: 'Contacts', type: 'number', description: '' },
    ],
    participants: [
      { id: p1, projectId, sourceId: survey, pseudonym: 'R-001', attributes: { [varAge]: '25-34', [varContact]: 3 } },
      { id: p2, projectId, sourceId: interviews, pseudonym: 'Participant B', attributes: { [varAge]: '45-54' } },
    ],
    documents: [
      { id: d1, projectId, sourceId: survey, participantId: p1, title: 'R-001: experience', kind: 'response', length: t1.length, turns: [], recordId: '001', field: 'experience', createdAt: at, text: t1 },
      { id: d2, projectId, sourceId: interviews, participantId: p2, title: 'Interview B', kind: 'transcript', length: t2.length, turns: [{ speaker: 'Interviewer', start: 0, end: 39 }, { speaker: 'Participant', start: 40, end: t2.length }], createdAt: at, text: t2 },
      { id: d3, projectId, sourceId: survey, participantId: null, title: 'Anonymous response', kind: 'response', length: t3.length, turns: [], createdAt: at, text: t3 },
    ],
    codes: [
      { id: cTrust, projectId, parentId: null, name: 'Trust', definition: 'Confidence in the police', inclusion: 'Explicit statements', exclusion: 'Trust in other agencies', example: '"I trusted them"', colour: '#009E73', order: 0, keywords: ['trust', 'believe'], createdAt: at },
      { id: cTrustUp, projectId, parentId: cTrust, name: 'Trust gained', definition: '', colour: '#56B4E9', order: 0, createdAt: at },
      { id: cTrustDown, projectId, parentId: cTrust, name: 'Trust lost', definition: 'Loss of confidence', colour: '#E69F00', order: 1, createdAt: at },
      { id: cComms, projectId, parentId: null, name: 'Communication', definition: 'Updates <and> contact', colour: '#CC79A7', order: 1, createdAt: at },
    ],
    codings,
    memos: [
      { id: g(), projectId, target: { kind: 'project', id: projectId }, title: 'Plan', coderId: coderA, createdAt: at, updatedAt: at, text: 'Analysis plan\nline two' },
      { id: g(), projectId, target: { kind: 'code', id: cComms }, title: 'On communication', coderId: coderB, createdAt: at, updatedAt: at, text: 'Check against complaints data.' },
      { id: g(), projectId, target: { kind: 'document', id: d2 }, title: '', coderId: null, createdAt: at, updatedAt: at, text: 'Long silences.' },
      { id: g(), projectId, target: { kind: 'coding', id: codings[2]!.id }, title: 'Delay', coderId: coderA, createdAt: at, updatedAt: at, text: 'Two weeks!' },
      { id: g(), projectId, target: { kind: 'source', id: survey }, title: 'Survey caveat', coderId: coderA, createdAt: at, updatedAt: at, text: 'Low response rate.' },
    ],
    findings: [{ id: g(), projectId, title: 'Call-backs are slow', summary: 'Several mention delays.', codeIds: [cComms], evidenceCodingIds: [codings[2]!.id], audiences: ['practitioners'], createdAt: at }],
    actions: [],
  });
}

/** The realistic bundle with document sets, coder assignments, consensus decisions and a redaction log. */
export function bundleWithExtras(): ProjectBundle {
  const b = realisticBundle();
  const g = seededGuids(7);
  const projectId = b.project.id;
  const [survey, interviews] = b.sources;
  const [d1, d2, d3] = b.documents;
  const [coderA, coderB] = b.coders;
  const at = '2024-06-01T10:00:00Z';
  return ProjectBundle.parse({
    ...b,
    documentSets: [
      { id: g(), projectId, name: 'Women, 25–34', description: 'From the survey & interviews', documentIds: [d1!.id, d2!.id], sourceIds: [] },
      { id: g(), projectId, name: 'All the survey', documentIds: [d3!.id], sourceIds: [survey!.id] },
      { id: g(), projectId, name: 'Empty for now', documentIds: [], sourceIds: [] },
    ],
    assignments: [
      { id: g(), projectId, coderId: coderA!.id, scope: 'document', targetId: d2!.id },
      { id: g(), projectId, coderId: coderA!.id, scope: 'source', targetId: survey!.id },
      { id: g(), projectId, coderId: coderB!.id, scope: 'document', targetId: d1!.id },
      { id: g(), projectId, coderId: coderB!.id, scope: 'document', targetId: d2!.id },
    ],
    decisions: [
      { id: g(), projectId, documentId: d2!.id, codeId: b.codes[3]!.id, start: 53, end: 80, decision: 'apply', decidedBy: coderA!.id, at },
      { id: g(), projectId, documentId: d1!.id, codeId: b.codes[1]!.id, start: 0, end: 11, decision: 'remove', decidedBy: coderB!.id, at },
    ],
    redactions: [
      { id: g(), projectId, at, by: 'Pat Analyst', batch: 'survey.csv', counts: { phone: 2, person: 3 }, decisions: { redacted: { phone: 2, person: 1 }, pseudonymised: { person: 2 } } },
    ],
    sources: [...b.sources.filter((s) => s !== interviews), interviews!],
  });
}
