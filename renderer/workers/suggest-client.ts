/** Start the suggestions worker. */
import { workerService, type Service } from './rpc';
import type { SuggestReply, SuggestRequest } from './suggest-handler';
import { withKey } from './worker-key';

export type SuggestService = Service<SuggestRequest, SuggestReply>;

export function createSuggestService(): SuggestService {
  return workerService(() => withKey(new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' })));
}
