/**
 * A generated project for property tests and the benchmark: survey responses (one participant each),
 * a two-level codebook, random codings. Deterministic for a seed; ids are counter GUIDs (fast, valid).
 */
import { seededRandom, SOURCE_KINDS, type Coding, type ProjectBundle } from '../../../shared/model';

const WORDS = (
  'police officer called kept informed never back waited weeks kind helpful rude ignored safe scared court ' +
  'victim support update case report statement evidence listened believed understood angry upset thank great ' +
  'terrible slow quick phone email visit home family children worried afraid help needed better again ' +
  'the and was were not they me my i to of a in it that for on with but at this had no'
).split(' ');

export interface GenerateOptions {
  seed: number;
  responses: number;
  themes: number;
  childrenPerTheme: number;
  codingsPerResponse: number;
  wordsPerResponse: number;
}

export function generateProject(o: GenerateOptions): ProjectBundle {
  const rnd = seededRandom(o.seed);
  let counter = 0;
  const id = () => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const projectId = id();
  const at = '2024-01-01T00:00:00Z';
  const sources = ['Wave 1', 'Wave 2', 'Interviews', 'Complaints'].map((name, i) => ({
    id: id(), projectId, name, kind: (i < 2 ? 'survey' : i === 2 ? 'interview' : 'complaint') as (typeof SOURCE_KINDS)[number], description: '', createdAt: at,
  }));
  const AGE = id();
  const DATE = id();
  const variables = [
    { id: AGE, projectId, name: 'Age group', type: 'category' as const, description: '' },
    { id: DATE, projectId, name: 'Contact date', type: 'date' as const, description: '' },
  ];
  const coders = [0, 1, 2, 3].map((i) => ({ id: id(), projectId, name: `Coder ${i + 1}`, initials: `C${i + 1}`, colour: '#000000' }));
  const codes = [];
  for (let t = 0; t < o.themes; t++) {
    const theme = id();
    codes.push({ id: theme, projectId, parentId: null, name: `Theme ${t + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#336699', order: t, keywords: [], createdAt: at });
    for (let c = 0; c < o.childrenPerTheme; c++)
      codes.push({ id: id(), projectId, parentId: theme, name: `Theme ${t + 1}.${c + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#336699', order: c, keywords: [], createdAt: at });
  }
  const ages = ['16-24', '25-34', '35-49', '50-64', '65+'];
  const participants = [];
  const documents = [];
  const codings: Coding[] = [];
  for (let r = 0; r < o.responses; r++) {
    const source = pick(sources);
    const pid = id();
    const month = 1 + Math.floor(rnd() * 12);
    participants.push({
      id: pid, projectId, sourceId: source.id, pseudonym: `R${r + 1}`,
      attributes: { [AGE]: rnd() < 0.05 ? null : pick(ages), [DATE]: `${rnd() < 0.5 ? 2023 : 2024}-${String(month).padStart(2, '0')}-15` },
    });
    const words: string[] = [];
    for (let w = 0; w < o.wordsPerResponse; w++) words.push(w % 12 === 11 ? `${pick(WORDS)}.` : pick(WORDS));
    const text = words.join(' ');
    const docId = id();
    documents.push({ id: docId, projectId, sourceId: source.id, participantId: pid, title: `Response ${r + 1}`, kind: 'response' as const, length: text.length, turns: [], createdAt: at, text });
    for (let k = 0; k < o.codingsPerResponse; k++) {
      const start = Math.floor(rnd() * Math.max(1, text.length - 20));
      const end = Math.min(text.length, start + 10 + Math.floor(rnd() * 80));
      const day = 1 + Math.floor(rnd() * 28);
      codings.push({
        id: id(), projectId, documentId: docId, codeId: pick(codes).id, start, end, coderId: pick(coders).id,
        createdAt: `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00Z`,
      });
    }
  }
  return {
    project: { id: projectId, name: 'Generated', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: at, updatedAt: at },
    coders, sources, variables, participants, documents, codes, codings, memos: [], findings: [], actions: [], assignments: [], decisions: [],
  };
}
