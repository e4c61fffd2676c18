/**
 * Merge speed: mergeProjects on two coders' projects of 100,000 responses and 300 codes with
 * 1,000,000 codings each (one in ten of the second coder's codings duplicates one of the first's),
 * against one pass over both codings arrays.
 * Plain script: `npx tsx test/bench/merge.bench.ts`; `npm run bench -- merge`.
 * Target: ratio ≤ 3. Times are CPU time (best of 3) because the machine is shared.
 * Baselines: the plain pass (`plainPass` in util.ts, as the analysis benches use) over both arrays,
 * and a copy pass over both arrays (each coding's document, code and coder looked up in a Map and a
 * copy pushed into one array with the merged project's id: the least any merge must do). The target
 * is set against the copy pass; the plain pass is printed for context.
 */
import { mergeProjects } from '../../shared/exchange/merge';
import type { Coding, ProjectBundle } from '../../shared/model';
import { seededGuids, seededRandom } from '../../shared/model';
import { bestCpu as best, feedbackText, plainPass, report } from './util';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const CODES = 300;
const CODINGS = Number(process.env.BENCH_CODINGS ?? 1_000_000);
const AT = '2025-01-01T00:00:00Z';

function generate(): [ProjectBundle, ProjectBundle] {
  const rand = seededRandom(21);
  const guid = seededGuids(22);
  const projectIds = [guid(), guid()];
  const sourceId = guid();
  const coders = ['Ann', 'Bob'].map((name) => ({ id: guid(), name, initials: name.slice(0, 2), colour: '#336699' }));
  const codes = Array.from({ length: CODES }, (_, i) => ({
    id: guid(), parentId: null, name: `Code ${i + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#996633', order: i, keywords: [], createdAt: AT,
  }));
  const documents = Array.from({ length: RESPONSES }, (_, i) => {
    const text = feedbackText(i + 1, 30);
    return { id: guid(), sourceId, participantId: null, title: `R${i + 1}`, kind: 'response' as const, length: text.length, turns: [], createdAt: AT, text };
  });
  const per = CODINGS / RESPONSES;
  const codingsOf = (coder: number, previous?: Coding[]): Coding[] => {
    const out: Coding[] = new Array(CODINGS);
    for (let i = 0; i < CODINGS; i++) {
      if (previous && i % 10 === 0) {
        out[i] = { ...previous[i]!, id: guid(), projectId: projectIds[coder]!, coderId: coders[0]!.id };
        continue;
      }
      const d = documents[Math.floor(i / per)]!;
      const s = Math.floor(rand() * (d.length - 20));
      const e = s + 5 + Math.floor(rand() * Math.min(100, d.length - s - 5));
      out[i] = { id: guid(), projectId: projectIds[coder]!, documentId: d.id, codeId: codes[Math.floor(rand() * CODES)]!.id, coderId: coders[coder]!.id, start: s, end: e, createdAt: AT };
    }
    return out;
  };
  const a = codingsOf(0);
  const b = codingsOf(1, a);
  const bundle = (k: number, codings: Coding[]): ProjectBundle => {
    const projectId = projectIds[k]!;
    return {
      project: { id: projectId, name: `Coder ${k + 1}`, description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: AT, updatedAt: AT },
      coders: coders.map((c) => ({ ...c, projectId })),
      sources: [{ id: sourceId, projectId, name: 'Survey', kind: 'survey', description: '', createdAt: AT }],
      variables: [], participants: [],
      documents: documents.map((d) => ({ ...d, projectId })),
      codes: codes.map((c) => ({ ...c, projectId })),
      codings, memos: [], findings: [], actions: [],
    };
  };
  return [bundle(0, a), bundle(1, b)];
}

const t0 = performance.now();
const [a, b] = generate();
console.log(`generated 2 projects of ${RESPONSES} responses, ${CODES} codes, ${CODINGS} codings each in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const codeIds = a.codes.map((c) => c.id);
const plain = best(() => plainPass(a.codings, codeIds) + plainPass(b.codings, codeIds));

const copy = best(() => {
  const docs = new Map(a.documents.map((d) => [d.id, d.id]));
  const codes = new Map(a.codes.map((c) => [c.id, c.id]));
  const coders = new Map(a.coders.map((c) => [c.id, c.id]));
  const projectId = a.project.id;
  const out: Coding[] = [];
  for (const list of [a.codings, b.codings]) {
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      out.push({ id: c.id, projectId, documentId: docs.get(c.documentId) ?? c.documentId, codeId: codes.get(c.codeId) ?? c.codeId, start: c.start, end: c.end, coderId: coders.get(c.coderId) ?? c.coderId, createdAt: c.createdAt });
    }
  }
  return out.length;
});
report('plain pass over both (util.ts, context)', plain.ms, copy.ms, null);
report('copy pass over both (the baseline)', copy.ms, copy.ms, null);

if (process.env.BENCH_PARTS) report("mergeProjects([a]) (base only)", best(() => mergeProjects([a])).ms, copy.ms, null);
const merged = best(() => mergeProjects([a, b]));
report('mergeProjects (2 × 1,000,000 codings)', merged.ms, copy.ms, 3);
report('mergeProjects against the plain pass', merged.ms, plain.ms, null);
const s = merged.result.summary;
console.log(`  (sources ${s.sources.matched} matched, ${s.sources.added} added; codes ${s.codes.matched} matched; codings ${s.codings.added} added, ${s.codings.duplicates} duplicates)`);
