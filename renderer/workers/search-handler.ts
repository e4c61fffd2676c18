/** The search worker's requests and replies, and the handler that answers them. */
import { SearchError, type HitScope, type SearchQuery } from '../../shared/coding/search';
import type { ChorusDb } from '../db';
import type { Corpus } from './search-core';
import { previewAutocode, previewCodeHits, runSearch, type AutocodeMethod, type CodingPreview, type SearchFilter, type SearchResult } from './search-core';
import { errorMessage } from '../../shared/error-message';

export type SearchRequest = { dbName: string; projectId: string } & (
  | { kind: 'search'; query: SearchQuery; filter: SearchFilter; limit: number }
  | { kind: 'code-hits'; query: SearchQuery; filter: SearchFilter; scope: HitScope; codeId: string; coderId: string }
  | { kind: 'autocode'; method: AutocodeMethod; coderId: string }
);

export type SearchReply =
  | { ok: true; kind: 'search'; result: SearchResult }
  | { ok: true; kind: 'preview'; preview: CodingPreview }
  /** `query` = the user must fix the query (shown inline); otherwise something went wrong. */
  | { ok: false; query: boolean; message: string };

export function searchHandler(openDb: (name: string) => Promise<ChorusDb>, load: (db: ChorusDb, projectId: string) => Promise<Corpus>) {
  return async (req: SearchRequest): Promise<SearchReply> => {
    try {
      const corpus = await load(await openDb(req.dbName), req.projectId);
      if (req.kind === 'search') return { ok: true, kind: 'search', result: runSearch(corpus, req.query, req.filter, req.limit) };
      if (req.kind === 'code-hits') return { ok: true, kind: 'preview', preview: previewCodeHits(corpus, req.query, req.filter, req.scope, req.codeId, req.coderId) };
      return { ok: true, kind: 'preview', preview: previewAutocode(corpus, req.method, req.coderId) };
    } catch (e) {
      return { ok: false, query: e instanceof SearchError, message: errorMessage(e) };
    }
  };
}
