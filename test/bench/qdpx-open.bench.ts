/**
 * Opening a 100,000-response .qdpx (50,000 participants, two responses each) in Node through
 * shared/exchange (readQdpx), against the raw cost of the same file: unzip it and parse
 * project.qde's XML (the least any reader must do).
 * Plain script: `npx tsx test/bench/qdpx-open.bench.ts`; `npm run bench -- qdpx-open`.
 * Target: ratio ≤ 2. CPU time, best of 3.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readQdpx, writeQdpx } from '../../shared/exchange/qdpx';
import { parseXml } from '../../shared/exchange/xml';
import type { Coding, ProjectBundle } from '../../shared/model';
import { seededGuids, seededRandom } from '../../shared/model';
import { bestCpu as best, feedbackText, report } from './util';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const CODES = 100;
const AT = '2025-01-01T00:00:00Z';

function generate(): ProjectBundle {
  const rand = seededRandom(31);
  const guid = seededGuids(32);
  const projectId = guid();
  const sourceId = guid();
  const coder = { id: guid(), projectId, name: 'Ann', initials: 'AN', colour: '#336699' };
  const codes = Array.from({ length: CODES }, (_, i) => ({
    id: guid(), projectId, parentId: null, name: `Code ${i + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#996633', order: i, keywords: [], createdAt: AT,
  }));
  // two responses a participant, as a survey with two free-text questions imports
  const participants = Array.from({ length: Math.ceil(RESPONSES / 2) }, (_, i) => ({ id: guid(), projectId, sourceId, pseudonym: `P${i + 1}`, attributes: {} }));
  const documents = Array.from({ length: RESPONSES }, (_, i) => {
    const text = feedbackText(i + 1, 40);
    return { id: guid(), projectId, sourceId, participantId: participants[i >> 1]!.id, title: `R${i + 1}: experience`, kind: 'response' as const, length: text.length, turns: [], recordId: String(i + 1), field: 'experience', createdAt: AT, text };
  });
  const codings: Coding[] = [];
  for (const d of documents) {
    const s = Math.floor(rand() * (d.length - 30));
    codings.push({ id: guid(), projectId, documentId: d.id, codeId: codes[Math.floor(rand() * CODES)]!.id, coderId: coder.id, start: s, end: s + 20, createdAt: AT });
  }
  return {
    project: { id: projectId, name: 'Bench', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: AT, updatedAt: AT },
    coders: [coder], sources: [{ id: sourceId, projectId, name: 'Survey', kind: 'survey', description: '', createdAt: AT }],
    variables: [], participants, documents, codes, codings, memos: [], findings: [], actions: [],
  };
}

const t0 = performance.now();
const bytes = writeQdpx(generate());
console.log(`wrote a .qdpx of ${RESPONSES} responses (${(bytes.length / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const ARRAYS = new Set(['TextSource', 'PlainTextSelection', 'Coding', 'Code', 'User', 'Case', 'SourceRef']);
const raw = best(() => {
  const files = unzipSync(bytes);
  return parseXml(strFromU8(files['project.qde']!), ARRAYS, 'project.qde');
});
report('unzip + XML parse (the baseline)', raw.ms, raw.ms, null);
const open = best(() => readQdpx(bytes, 'bench.qdpx'));
report(`readQdpx (${RESPONSES} responses)`, open.ms, raw.ms, 2);
const linked = open.result.documents.filter((d) => d.participantId !== null).length;
console.log(`  (${open.result.documents.length} documents, ${open.result.participants.length} participants, ${linked} documents linked to theirs, ${open.result.codings.length} codings)`);
if (linked !== RESPONSES) throw new Error(`${linked} of ${RESPONSES} documents came back linked to their participant`);
