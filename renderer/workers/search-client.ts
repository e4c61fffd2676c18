/** Start the search worker. */
import { workerService, type Service } from './rpc';
import type { SearchReply, SearchRequest } from './search-handler';
import { withKey } from './worker-key';

export type SearchService = Service<SearchRequest, SearchReply>;

export function createSearchService(): SearchService {
  return workerService(() => withKey(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })));
}
