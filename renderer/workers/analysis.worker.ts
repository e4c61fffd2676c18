/**
 * Module Web Worker for the Analyse and Agreement workspaces: opens the store itself, reads the
 * project once per data revision (bundle, prepared index, cached term counts) and answers jobs.
 * Started by ./analysis-client.ts.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { listDocumentsOf, listParticipantsOf, personValues, prepareIndex, termCounts, type AnalysisIndex, type IndexDocuments, type IndexParticipants, type TableAnswers, type TableParticipants } from '../../shared/analysis';
import { toCsv, toXlsx } from '../../shared/export/table';
import type { ProjectBundle } from '../../shared/model';
import { ensureTermCounts, exportBundleColumns, openChorusDb, readAnswerTexts, type ChorusDb } from '../db';
import type { CodingColumnsRead } from '../db/coding-journal';
import { digestRows } from '../../shared/coding/coding-rows';
import { applyCodingChanges, digestToCodings } from '../../shared/coding/coding-digest';
import { readsText, runAnalysis } from '../../shared/analysis/run-request';
import { runAgreement } from '../../shared/analysis/reliability/run-agreement';
import { findingsEvidence } from '../../shared/findings/evidence';
import type { AnalysisJob, AnalysisReply } from './analysis-protocol';
import { errorMessage } from '../../shared/error-message';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

import { listSegments, quoteLookup, segmentFacets, segmentRow, segmentTable } from '../../shared/evidence/view';
import { selectSegments } from '../../shared/evidence/segments';

/** The latest Code view list (one at a time: a new list replaces it). */
let segmentList: { listId: number; index: AnalysisIndex; bundle: ProjectBundle; positions: Int32Array } | null = null;
let nextList = 1;

function currentList(listId: number) {
  if (segmentList?.listId !== listId) throw new Error('The list of segments has changed; it is being read again.');
  return segmentList;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<AnalysisJob>) => void) | null;
  postMessage(message: AnalysisReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let dbPromise: Promise<ChorusDb> | null = null;
/**
 * The project at one revision. Its codings are held as read (the digest and the journal's changes
 * after it): the index reads them field by field; `bundle.codings` is made from them only for the
 * jobs that read the list (findings, agreement), once. Likewise its documents: a survey table's
 * answers are held as places and texts (`documents`), and `bundle.documents` holds only the
 * documents stored one by one until a job needs every document as a list. The answers' texts are
 * read only when a job reads text (`textsRead`): a survey's counts never hold them.
 */
interface Cached {
  key: string;
  projectId: string;
  bundle: ProjectBundle;
  codings: CodingColumnsRead;
  documents: IndexDocuments;
  tables: TableAnswers[];
  participants: IndexParticipants;
  people: TableParticipants[];
  keep: ((documentId: string) => boolean) | undefined;
  textsRead: Promise<unknown> | null;
  listed: boolean;
  index: AnalysisIndex | null;
  terms: Map<string, Map<string, number>> | null;
}
/** The project read at one revision, or being read (jobs that arrive together for one revision share one read). */
let cached: { key: string; project: Promise<Cached> } | null = null;

function project(projectId: string, revision: string): Promise<Cached> {
  const key = `${projectId}@${revision}`;
  if (cached?.key !== key) {
    cached = null; // (the last revision's project goes before the next is read)
    const read = (async (): Promise<Cached> => {
      dbPromise ??= openChorusDb();
      const { bundle, codings, documents, tables, participants, people, keep } = await exportBundleColumns(await dbPromise, projectId);
      return { key, projectId, bundle, codings, documents, tables, participants, people, keep, textsRead: null, listed: false, index: null, terms: null };
    })();
    const entry = { key, project: read };
    cached = entry;
    // (a failed read is tried again by the next job)
    read.catch(() => {
      if (cached === entry) cached = null;
    });
  }
  return cached.project;
}

/** The project with its survey answers' texts read (once, however many jobs ask at once; a failed read is tried again by the next job). */
async function withTexts(p: Cached): Promise<Cached> {
  if (!p.textsRead) {
    const db = await dbPromise!;
    p.textsRead ??= readAnswerTexts(db, p.tables).catch((e: unknown) => {
      p.textsRead = null;
      throw e;
    });
  }
  await p.textsRead;
  return p;
}

const indexOf = (p: Cached) => (p.index ??= prepareIndex(p.bundle, digestRows(p.codings.digest, p.projectId, p.codings.changes, p.keep), { documents: p.documents, participants: p.participants }));

/** The project's bundle with its codings as a list (as exportBundle gives them), made once. */
function listed(p: Cached): ProjectBundle {
  if (!p.listed) {
    const all = applyCodingChanges(digestToCodings(p.codings.digest), p.projectId, p.codings.changes);
    p.bundle.codings = p.keep ? all.filter((c) => p.keep!(c.documentId)) : all;
    p.bundle.documents = listDocumentsOf(p.bundle.documents, p.tables);
    p.bundle.participants = listParticipantsOf(p.bundle.participants, p.people);
    p.listed = true;
  }
  return p.bundle;
}

async function handle(job: AnalysisJob): Promise<AnalysisReply> {
  switch (job.type) {
    case 'analysis': {
      const read = await project(job.projectId, job.revision);
      const p = readsText(job.request) ? await withTexts(read) : read;
      const index = indexOf(p);
      if (job.request.analysis === 'words') p.terms ??= await ensureTermCounts(await dbPromise!, job.projectId);
      const terms = p.terms;
      const table = runAnalysis(index, job.request, terms ? (id, text) => terms.get(id) ?? termCounts(text) : undefined);
      return { id: job.id, ok: true, type: 'analysis', table };
    }
    case 'agreement': {
      const p = await withTexts(await project(job.projectId, job.revision));
      return { id: job.id, ok: true, type: 'agreement', result: runAgreement(listed(p), job.request) };
    }
    case 'findings': {
      const p = await withTexts(await project(job.projectId, job.revision));
      return { id: job.id, ok: true, type: 'findings', evidence: findingsEvidence(listed(p), indexOf(p)) };
    }
    case 'attributeValues': {
      const p = await project(job.projectId, job.revision);
      return { id: job.id, ok: true, type: 'attributeValues', values: personValues(indexOf(p), { type: 'participant', variableId: job.variableId, name: '' }).values };
    }
    case 'export': {
      const bytes = job.format === 'csv' ? new TextEncoder().encode(toCsv(job.table, { bom: true })) : toXlsx(job.table);
      return { id: job.id, ok: true, type: 'export', bytes };
    }
    case 'segments': {
      const p = await withTexts(await project(job.projectId, job.revision));
      const index = indexOf(p);
      const selected = selectSegments(index, job.query).positions;
      const positions = listSegments(index, job.query, job.view, p.bundle.quotes ?? []);
      segmentList = { listId: nextList++, index, bundle: p.bundle, positions };
      return { id: job.id, ok: true, type: 'segments', info: { listId: segmentList.listId, total: positions.length, selected: selected.length, facets: segmentFacets(index, selected) } };
    }
    case 'segmentRows': {
      const list = currentList(job.listId);
      const quoteOf = quoteLookup(list.bundle.quotes ?? []);
      const rows = [];
      for (let i = Math.max(0, job.from); i < Math.min(job.to, list.positions.length); i++) rows.push(segmentRow(list.index, list.positions[i]!, quoteOf));
      return { id: job.id, ok: true, type: 'segmentRows', rows };
    }
    case 'segmentExport': {
      const list = currentList(job.listId);
      const table = segmentTable(list.index, list.positions, list.bundle.quotes ?? [], job.title);
      const bytes = job.format === 'csv' ? new TextEncoder().encode(toCsv(table, { bom: true })) : toXlsx(table);
      return { id: job.id, ok: true, type: 'export', bytes };
    }
  }
}

scope.onmessage = (e) => {
  const job = e.data;
  handle(job).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ id: job.id, ok: false, message: errorMessage(err) }),
  );
};

