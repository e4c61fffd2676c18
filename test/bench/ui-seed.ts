/**
 * Seeds the browser's IndexedDB for test/bench/ui.bench.ts. This module is bundled by esbuild at
 * bench time and served from the bench's own server (same origin as the app, so the app's CSP
 * allows it); it is never part of the app build, so production has no test hook. It writes rows
 * with the app's own schema class (renderer/db ChorusDb) and storage codec, in chunked bulkAdds.
 */
import { ChorusDb, commitImport, getCodec } from '../../renderer/db';
import type { DatasetRowTexts } from '../../shared/import/dataset';
import { TableBuilder, type TableMapping } from '../../shared/import/mapping';
import type { Code, Coder, Coding, DocumentMeta, Participant, Project, Source, Variable } from '../../shared/model';
import { seededGuids, seededRandom } from '../../shared/model';
import { feedbackText } from './util';

const NOW = '2026-01-01T00:00:00.000Z';

function projectRows(name: string, seed: number) {
  const guid = seededGuids(seed);
  const project: Project = { id: guid(), name, description: 'Benchmark data', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: NOW, updatedAt: NOW };
  const coder: Coder = { id: guid(), projectId: project.id, name: 'Bench coder', initials: 'BC', colour: '#0072B2' };
  const source: Source = { id: guid(), projectId: project.id, name: `${name} source`, kind: 'survey', description: '', createdAt: NOW };
  const colours = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#332288', '#117733'];
  const codes: Code[] = colours.map((colour, i) => ({
    id: guid(), projectId: project.id, parentId: null, name: i === 0 ? 'Bench target' : `Theme ${i}`, definition: '', inclusion: '', exclusion: '', example: '', colour, order: i, keywords: [], createdAt: NOW,
  }));
  return { guid, project, coder, source, codes };
}

async function write(db: ChorusDb, rows: { project: Project; coder: Coder; source: Source; codes: Code[] }, rest: {
  variables?: Variable[]; participants?: Participant[]; documents: (DocumentMeta & { text: string })[]; codings?: Coding[];
}) {
  const pid = rows.project.id;
  await db.transaction('rw', [db.projects, db.coders, db.sources, db.codes, db.variables], async () => {
    await db.projects.add(rows.project);
    await db.coders.add(rows.coder);
    await db.sources.add(rows.source);
    await db.codes.bulkAdd(rows.codes);
    await db.variables.bulkAdd(rest.variables ?? []);
  });
  const CHUNK = 5000;
  const parts = rest.participants ?? [];
  for (let i = 0; i < parts.length; i += CHUNK) await db.participants.bulkAdd(parts.slice(i, i + CHUNK));
  for (let i = 0; i < rest.documents.length; i += CHUNK) {
    const slice = rest.documents.slice(i, i + CHUNK);
    const texts = await Promise.all(slice.map(async (d) => ({ id: d.id, projectId: pid, stored: await getCodec().encode(d.text) })));
    await db.transaction('rw', [db.documents, db.texts], async () => {
      await db.documents.bulkAdd(slice.map(({ text: _t, ...meta }) => meta));
      await db.texts.bulkAdd(texts);
    });
  }
  const codings = rest.codings ?? [];
  for (let i = 0; i < codings.length; i += CHUNK) await db.codings.bulkAdd(codings.slice(i, i + CHUNK));
  await db.settings.put({ key: 'currentProjectId', value: pid });
  return pid;
}

/**
 * `n` survey responses, each its own participant with four attributes and two answers (~150
 * words; ~30 words, left blank by every third), stored the way an import stores a survey (a
 * dataset: TableBuilder → commitImport, one record per row); every fifth response has one code.
 */
async function seedSurvey(n: number, questions: 1 | 2 = 2, everyRowCoded = false): Promise<string> {
  const db = new ChorusDb('chorus');
  const base = projectRows(`Bench survey ${n}`, 11);
  const { guid, project, coder, codes } = base;
  const rnd = seededRandom(5);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const names = ['Area', 'Age band', 'Offence type', 'Contact method'];
  const values = [['North', 'South', 'East', 'West', 'Central'], ['16–24', '25–34', '35–44', '45–54', '55–64', '65+'], ['Burglary', 'Assault', 'Stalking', 'Fraud', 'Hate crime'], ['999', '101', 'Online', 'In person']];
  const question = 'What could we have done better?';
  const second = 'Is there anything else you want to tell us?';
  const mapping: TableMapping = { idColumn: 'ID', textColumns: questions === 2 ? [question, second] : [question], attributes: names.map((column) => ({ column, type: 'category' })), dateOrder: 'dmy', source: { name: `Bench survey ${n} source`, kind: 'survey' } };
  const builder = new TableBuilder({ columns: ['ID', ...names, question, second], descriptions: [] }, mapping, { projectId: project.id, newId: guid, now: NOW, fileName: 'bench.csv' });
  const codings: Coding[] = [];
  const CHUNK = 5000;
  function* rows(): Generator<DatasetRowTexts[]> {
    for (let i = 0; i < n; i += CHUNK) {
      const cells: string[][] = [];
      // Every third response leaves the second question blank.
      for (let j = i; j < Math.min(n, i + CHUNK); j++) cells.push([String(j + 1).padStart(6, '0'), ...values.map(pick), feedbackText(j + 1, 150), questions === 2 && j % 3 !== 2 ? feedbackText(n + j + 1, 30) : '']);
      const answers = builder.addRows(cells);
      const byRow = new Map<number, (string | null)[]>();
      for (const a of answers) {
        if (a.slot === 0 && (everyRowCoded || a.row % 5 === 0)) codings.push({ id: guid(), projectId: project.id, documentId: builder.document(a).id, codeId: codes[everyRowCoded ? 1 : 1 + (a.row % 8)]!.id, start: 0, end: a.text.length, coderId: coder.id, createdAt: NOW });
        (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
      }
      yield [...byRow].map(([row, texts]) => ({ row, texts }));
    }
  }
  await db.transaction('rw', [db.projects, db.coders, db.codes], async () => {
    await db.projects.add(project);
    await db.coders.add(coder);
    await db.codes.bulkAdd(codes);
  });
  await commitImport(
    db,
    project.id,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: rows(), documents: questions === 2 ? 2 * n - Math.floor(n / 3) : n, participants: n, rowCount: n, dataset: () => builder.dataset() } },
    { fileNames: ['bench.csv'], checksum: 'bench', by: 'Bench coder', redactions: {} },
  );
  for (let i = 0; i < codings.length; i += CHUNK) await db.codings.bulkAdd(codings.slice(i, i + CHUNK));
  await db.settings.put({ key: 'currentProjectId', value: project.id });
  return project.id;
}

/** One 500,000-word document in a single paragraph, and two 30,000-word documents: one with 5,000 codings, one without. */
async function seedLong(): Promise<string> {
  const db = new ChorusDb('chorus');
  const base = projectRows('Bench long documents', 23);
  const { guid, project, coder, source, codes } = base;
  const doc = (title: string, text: string) => ({ id: guid(), projectId: project.id, sourceId: source.id, participantId: null, title, kind: 'document' as const, length: text.length, turns: [], createdAt: NOW, text });
  const huge = doc('Huge 500,000 words', feedbackText(1, 500_000));
  const mid = feedbackText(2, 30_000);
  const dense = doc('Dense 5,000 codings', mid);
  const empty = doc('Empty no codings', mid);
  const rnd = seededRandom(9);
  const codings: Coding[] = [];
  for (let k = 0; k < 5000; k++) {
    const start = 2000 + Math.floor(rnd() * (mid.length - 2200));
    const end = Math.min(mid.length, start + 5 + Math.floor(rnd() * 200));
    codings.push({ id: guid(), projectId: project.id, documentId: dense.id, codeId: codes[1 + (k % 8)]!.id, start, end, coderId: coder.id, createdAt: NOW });
  }
  return write(db, base, { documents: [huge, dense, empty], codings });
}

(globalThis as unknown as { __chorusBenchSeed: unknown }).__chorusBenchSeed = { seedSurvey, seedLong, seedCodedSurvey: (n: number) => seedSurvey(n, 2, true) };
