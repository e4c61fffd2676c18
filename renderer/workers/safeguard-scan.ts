/**
 * The import pipeline's last stage: after a commit (so after the anonymisation gate), the newly
 * imported documents and survey answers are read back and run through the safeguarding detector,
 * and what it finds becomes open flags on the review list (one `flagDisclosures` command). It runs
 * in the import worker, apart from the commit's transaction, so the import is as fast as before and
 * the UI never waits on it. Texts are read in blocks; nothing is hidden or changed.
 */
import { execute, getDocumentTexts, listDocuments, type ChorusDb } from '../db';
import { detectSafeguarding } from '../../shared/safeguarding/detect';
import { proposalsFor, type FlagProposal } from '../../shared/safeguarding/flags';

export interface SafeguardScanResult {
  scanned: number;
  flagged: number;
}

export async function scanSourcesForSafeguarding(
  db: ChorusDb,
  projectId: string,
  sourceIds: readonly string[],
  opts: { by?: string; block?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SafeguardScanResult> {
  const wanted = new Set(sourceIds);
  const docs = (await listDocuments(db, projectId)).filter((d) => wanted.has(d.sourceId));
  const proposals: FlagProposal[] = [];
  const block = opts.block ?? 2000;
  for (let i = 0; i < docs.length; i += block) {
    const part = docs.slice(i, i + block);
    const texts = await getDocumentTexts(db, part.map((d) => d.id));
    part.forEach((d, k) => proposals.push(...proposalsFor(d.id, detectSafeguarding(texts[k]!), d.turns)));
    opts.onProgress?.(Math.min(i + block, docs.length), docs.length);
  }
  if (proposals.length === 0) return { scanned: docs.length, flagged: 0 };
  const { result } = await execute(db, projectId, { type: 'flagDisclosures', origin: 'import', flags: proposals }, { actor: opts.by });
  return { scanned: docs.length, flagged: result.added.length };
}
