/**
 * The embedded demonstration project: a fictional force ("Northshire Police") with survey
 * responses, interview and focus-group transcripts, partner feedback, the starter codebook,
 * two coders' work and a few memos. Deterministic: the same bundle on every call, so tests,
 * screenshots and training notes can rely on it.
 */
import { CODEBOOK_TEMPLATES, instantiateTemplate } from '../coding/templates';
import { seededGuids, seededRandom, type Code, type Coding, type DocumentWithText, type MemoWithText, type Participant, type ProjectBundle, type Source, type Variable } from '../model';
import { secondCoder, firstCoder, type SpanCode } from './coders';
import { CONTACT_LABELS, OFFENCE_LABELS } from './fragments';
import { buildPartnerDocuments } from './partner';
import { AGE_BANDS, AREAS, buildSurveyResponses, DISABILITY, GENDERS, SURVEY_QUESTION } from './survey';
import { type Rng, type Segment } from './text';
import { buildFocusGroup, buildInterview, type Persona } from './transcripts';

export const DEMO_PROJECT_NAME = 'Demo: Northshire Police victim feedback (fictional)';
export const DEMO_SURVEY_RESPONSES = 150;
const SEED = 20260401;

const CREATED = '2026-04-01T09:00:00.000Z';
const at = (base: string, seconds: number) => new Date(Date.parse(base) + seconds * 1000).toISOString();

interface Persona2 extends Persona {
  pseudonym: string;
  ageBand: string;
  gender: string;
  disability: string;
  area: string;
  date: string;
}

const INTERVIEWS: Persona2[] = [
  {
    pseudonym: 'Interviewee A', speaker: 'P1', offence: 'rasso', contact: 'person', ageBand: '25–34', gender: 'Female', disability: 'No', area: 'Riverside', date: '2026-01-20',
    moods: [['Being believed', 'mixed'], ['Updates and communication', 'neg'], ['Investigation and outcome', 'neg'], ['Support and referral', 'pos'], ['Adjustments and accessibility', 'pos'], ['Safety and safeguarding', 'mixed'], ['Fairness and respect', 'pos'], ['Trust and confidence', 'mixed']],
  },
  {
    pseudonym: 'Interviewee B', speaker: 'P1', offence: 'da', contact: '999', ageBand: '35–44', gender: 'Female', disability: 'Prefer not to say', area: 'Eastmoor', date: '2026-02-03',
    moods: [['Safety and safeguarding', 'neg'], ['Being believed', 'pos'], ['Updates and communication', 'neg'], ['Support and referral', 'pos'], ['Investigation and outcome', 'mixed'], ['Adjustments and accessibility', 'mixed'], ['Fairness and respect', 'mixed'], ['Trust and confidence', 'neg']],
  },
  {
    pseudonym: 'Interviewee C', speaker: 'P1', offence: 'hate', contact: '101', ageBand: '45–54', gender: 'Male', disability: 'Yes', area: 'Northshire North', date: '2026-02-17', needs: ['disability'],
    moods: [['Fairness and respect', 'neg'], ['Being believed', 'neg'], ['Adjustments and accessibility', 'neg'], ['Investigation and outcome', 'neg'], ['Updates and communication', 'mixed'], ['Safety and safeguarding', 'neg'], ['Support and referral', 'mixed'], ['Trust and confidence', 'neg']],
  },
];

const FG_DATE = '2026-03-10';
const FOCUS_GROUP: Persona2[] = [
  { pseudonym: 'Focus group P1', speaker: 'P1', offence: 'da', contact: '999', ageBand: '35–44', gender: 'Female', disability: 'No', area: 'Coastal', date: FG_DATE, moods: [['Updates and communication', 'neg'], ['Support and referral', 'pos'], ['Safety and safeguarding', 'neg'], ['Being believed', 'pos']] },
  { pseudonym: 'Focus group P2', speaker: 'P2', offence: 'stalk', contact: '101', ageBand: '25–34', gender: 'Female', disability: 'Yes', area: 'Riverside', date: FG_DATE, needs: ['disability', 'interpreter'], moods: [['Updates and communication', 'neg'], ['Safety and safeguarding', 'neg'], ['Being believed', 'neg'], ['Trust and confidence', 'neg']] },
  { pseudonym: 'Focus group P3', speaker: 'P3', offence: 'rasso', contact: 'third', ageBand: '16–24', gender: 'Female', disability: 'No', area: 'Northshire South', date: FG_DATE, moods: [['Support and referral', 'pos'], ['Investigation and outcome', 'neg'], ['Being believed', 'mixed']] },
  { pseudonym: 'Focus group P4', speaker: 'P4', offence: 'burg', contact: 'online', ageBand: '65+', gender: 'Male', disability: 'Yes', area: 'Eastmoor', date: FG_DATE, needs: ['disability'], moods: [['Investigation and outcome', 'neg'], ['Updates and communication', 'mixed'], ['Trust and confidence', 'mixed'], ['Fairness and respect', 'pos']] },
  { pseudonym: 'Focus group P5', speaker: 'P5', offence: 'hate', contact: 'person', ageBand: '25–34', gender: 'Non-binary', disability: 'Prefer not to say', area: 'Northshire North', date: FG_DATE, moods: [['Fairness and respect', 'neg'], ['Being believed', 'neg'], ['Trust and confidence', 'neg']] },
];
const FG_THEMES = ['Updates and communication', 'Being believed', 'Safety and safeguarding', 'Support and referral', 'Investigation and outcome', 'Fairness and respect', 'Trust and confidence'];

/** Build the demo project. Pure and deterministic; takes a few milliseconds. */
export function buildDemoProject(): ProjectBundle {
  const id = seededGuids(SEED);
  const rnd: Rng = seededRandom(SEED + 1);
  const agreeRnd: Rng = seededRandom(SEED + 2);
  const projectId = id();

  const project: ProjectBundle['project'] = {
    id: projectId,
    name: DEMO_PROJECT_NAME,
    description:
      'A fictional demonstration project. Northshire Police, its areas, and every person, response, interview and partner note in it are invented for training and testing; any resemblance to real people, places or cases is coincidental. Use it to try coding, analysis and reports without touching real data.',
    isDemo: true,
    settings: { disclosureThreshold: 10, locale: 'en-GB' },
    createdAt: CREATED,
    updatedAt: CREATED,
  };

  const coders = [
    { id: id(), projectId, name: 'Alex Morgan (analyst)', initials: 'AM', colour: '#0072B2' },
    { id: id(), projectId, name: 'Sam Patel (research partner)', initials: 'SP', colour: '#D55E00' },
  ];
  const [am, sp] = [coders[0]!, coders[1]!];

  const source = (name: string, kind: Source['kind'], description: string, from: string, to: string, by: string, retainUntil: string): Source => ({
    id: id(), projectId, name, kind, description, collectedFrom: from, collectedTo: to, collectedBy: by, retainUntil, createdAt: CREATED,
  });
  const survey = source('Victim satisfaction survey 2026 Q1', 'survey', `Free-text answers to "${SURVEY_QUESTION}" from the rolling victim satisfaction survey. This extract covers October 2025 to March 2026 so the two quarters can be compared.`, '2025-10-01', '2026-03-31', 'Force insight team', '2027-03-31');
  const interviews = source('Survivor interviews', 'interview', 'One-to-one interviews with victim/survivors who agreed to be contacted, transcribed and anonymised.', '2026-01-15', '2026-02-28', 'Force insight team with the university partner', '2028-03-31');
  const focus = source('Survivor focus group', 'focus group', 'A facilitated focus group with five victim/survivors, held with a partner charity.', FG_DATE, FG_DATE, 'University partner', '2028-03-31');
  const partner = source('ISVA service partner feedback', 'partner', 'Written feedback from the independent sexual violence advisory (ISVA) service about its clients\' experiences.', '2025-10-01', '2026-03-31', 'ISVA service manager', '2027-09-30');
  const sources = [survey, interviews, focus, partner];

  const variable = (name: string, type: Variable['type'], description: string): Variable => ({ id: id(), projectId, name, type, description });
  const vAge = variable('Age band', 'category', `Categories: ${AGE_BANDS.join(', ')}.`);
  const vGender = variable('Gender', 'category', `Categories: ${GENDERS.join(', ')}.`);
  const vDisability = variable('Disability', 'category', `Does the person consider themselves disabled? ${DISABILITY.join(', ')}.`);
  const vOffence = variable('Offence type', 'category', `Categories: ${Object.values(OFFENCE_LABELS).join(', ')}.`);
  const vContact = variable('Contact method', 'category', `How the crime was first reported: ${Object.values(CONTACT_LABELS).join(', ')}.`);
  const vArea = variable('Area', 'category', `Policing area (invented): ${AREAS.join(', ')}.`);
  const vDate = variable('Response date', 'date', 'Date of the survey response, interview or focus group (yyyy-mm-dd).');
  const variables = [vAge, vGender, vDisability, vOffence, vContact, vArea, vDate];

  const codes: Code[] = instantiateTemplate(CODEBOOK_TEMPLATES[0]!, projectId, id, CREATED);
  const codeId = new Map(codes.map((c) => [c.name, c.id]));

  const participants: Participant[] = [];
  const documents: DocumentWithText[] = [];
  const codings: Coding[] = [];
  let amCount = 0;
  let spCount = 0;
  const addCodings = (documentId: string, spans: SpanCode[], coderId: string) => {
    const seen = new Set<string>();
    for (const s of spans) {
      const key = `${s.start}:${s.end}:${s.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cid = codeId.get(s.code);
      if (!cid) throw new Error(`demo coding refers to unknown code "${s.code}"`);
      const createdAt = coderId === am.id ? at('2026-04-02T09:00:00Z', 40 * amCount++) : at('2026-04-09T09:00:00Z', 45 * spCount++);
      codings.push({ id: id(), projectId, documentId, codeId: cid, start: s.start, end: s.end, coderId, createdAt });
    }
  };
  const addDocument = (doc: Omit<DocumentWithText, 'id' | 'projectId' | 'length' | 'createdAt' | 'turns'> & { turns?: DocumentWithText['turns'] }, segments: Segment[], doubleCode: boolean): DocumentWithText => {
    const d: DocumentWithText = { id: id(), projectId, length: doc.text.length, createdAt: CREATED, turns: [], ...doc };
    documents.push(d);
    addCodings(d.id, firstCoder(segments), am.id);
    if (doubleCode) addCodings(d.id, secondCoder(d.text, segments, agreeRnd), sp.id);
    return d;
  };
  const person = (sourceId: string, pseudonym: string, a: { ageBand: string; gender: string; disability: string; offence: string; contact: string; area: string; date: string }): Participant => {
    const p: Participant = {
      id: id(), projectId, sourceId, pseudonym,
      attributes: { [vAge.id]: a.ageBand, [vGender.id]: a.gender, [vDisability.id]: a.disability, [vOffence.id]: a.offence, [vContact.id]: a.contact, [vArea.id]: a.area, [vDate.id]: a.date },
    };
    participants.push(p);
    return p;
  };

  // Survey: about 40% double-coded, chosen by a seeded shuffle
  const responses = buildSurveyResponses(DEMO_SURVEY_RESPONSES, rnd);
  const order = responses.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const doubled = new Set(order.slice(0, Math.round(responses.length * 0.4)));
  responses.forEach((r, i) => {
    const p = person(survey.id, `Respondent ${r.recordId}`, { ...r, offence: OFFENCE_LABELS[r.offence], contact: CONTACT_LABELS[r.contact] });
    addDocument({ sourceId: survey.id, participantId: p.id, title: `Response ${r.recordId} – ${SURVEY_QUESTION}`, kind: 'response', recordId: r.recordId, field: SURVEY_QUESTION, text: r.text }, r.segments, doubled.has(i));
  });

  // Interviews: the first is double-coded
  const interviewDocs = INTERVIEWS.map((pp, i) => {
    const p = person(interviews.id, pp.pseudonym, { ...pp, offence: OFFENCE_LABELS[pp.offence], contact: CONTACT_LABELS[pp.contact] });
    const t = buildInterview(pp, 1700, rnd);
    return addDocument({ sourceId: interviews.id, participantId: p.id, title: `Interview ${String.fromCharCode(65 + i)} – ${pp.pseudonym}`, kind: 'transcript', text: t.text, turns: t.turns }, t.segments, i === 0);
  });

  // Focus group: one transcript, five participants, double-coded
  for (const pp of FOCUS_GROUP) person(focus.id, pp.pseudonym, { ...pp, offence: OFFENCE_LABELS[pp.offence], contact: CONTACT_LABELS[pp.contact] });
  const fg = buildFocusGroup(FOCUS_GROUP, FG_THEMES, 2000, rnd);
  const fgDoc = addDocument({ sourceId: focus.id, participantId: null, title: 'Focus group – survivor voices, March 2026', kind: 'transcript', text: fg.text, turns: fg.turns }, fg.segments, true);

  // Partner feedback
  for (const d of buildPartnerDocuments(rnd)) addDocument({ sourceId: partner.id, participantId: null, title: d.title, kind: 'document', text: d.text }, d.segments, false);

  const memo = (target: MemoWithText['target'], title: string, text: string, when: string): MemoWithText => ({
    id: id(), projectId, target, title, coderId: am.id, createdAt: when, updatedAt: when, text,
  });
  const codeRef = (name: string) => codeId.get(name)!;
  const memos: MemoWithText[] = [
    memo({ kind: 'project', id: projectId }, 'About this demo project',
      'Everything in this project is invented: the force, its areas, the respondents, interviewees, focus-group members and the partner service. It exists so you can try Chorus safely.\n\n' +
      'What is here: 150 free-text survey responses from two quarters (October to December 2025 and January to March 2026), three interviews, one focus group and five notes from an ISVA service. The starter codebook has been applied by the analyst (AM); the research partner (SP) has double-coded about 40% of the survey and two transcripts, so you can try inter-coder agreement.\n\n' +
      'Things to look for: updates and communication come up in every kind of source; first contact appears only in the survey; support is praised by survivors but described as under strain by the partner service; proactive updates improve in the second quarter.',
      CREATED),
    memo({ kind: 'code', id: codeRef('Chasing for news') }, 'Chasing for news – coding note',
      'Code here when the person had to ask, ring or email to get information. If an ISVA or IDVA did the chasing for them, code ISVA and IDVA support as well. If they only mention not hearing anything, use Proactive updates (negative) instead.',
      '2026-04-03T10:15:00.000Z'),
    memo({ kind: 'code', id: codeRef('ISVA and IDVA support') }, 'ISVA and IDVA support – survivors and partners disagree',
      'Survivors who had an adviser are almost all positive about them. The ISVA service itself describes late referrals and high caseloads. Both can be true: worth showing side by side in the triangulation view rather than averaging them.',
      '2026-04-10T14:30:00.000Z'),
    memo({ kind: 'document', id: interviewDocs[1]!.id }, 'Interview B – context',
      'Interviewee B asked for the interview to be paused twice; the transcript runs on without marking the breaks. Her account of bail breaches matches several survey responses from the same quarter.',
      '2026-04-04T11:00:00.000Z'),
    memo({ kind: 'document', id: fgDoc.id }, 'Focus group – facilitation note',
      'Run with a partner charity. Participants chose their own seats and the order of speaking; the facilitator did not prompt individuals by name.',
      '2026-04-04T11:30:00.000Z'),
  ];

  return { project, coders, sources, variables, participants, documents, codes, codings, memos, findings: [], actions: [], assignments: [], decisions: [] };
}
