/** The suggestions worker's requests and replies, and the handler that answers them. */
import type { ChorusDb } from '../db';
import type { Corpus } from './search-core';
import { runSuggest, type SuggestOptions, type SuggestReport } from './suggest-core';
import { errorMessage } from '../../shared/error-message';

export interface SuggestRequest {
  dbName: string;
  projectId: string;
  options: SuggestOptions;
}

export type SuggestReply = { ok: true; report: SuggestReport } | { ok: false; message: string };

export function suggestHandler(openDb: (name: string) => Promise<ChorusDb>, load: (db: ChorusDb, projectId: string) => Promise<Corpus>) {
  return async (req: SuggestRequest): Promise<SuggestReply> => {
    try {
      const corpus = await load(await openDb(req.dbName), req.projectId);
      return { ok: true, report: runSuggest(corpus, req.options) };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
  };
}
