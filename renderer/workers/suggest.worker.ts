/** Module worker that trains the offline suggester and cross-validates it (see ./suggest-handler). */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { corpusLoader, storeOpener } from './corpus';
import { serveRequests } from './rpc';
import { suggestHandler, type SuggestReply, type SuggestRequest } from './suggest-handler';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

serveRequests<SuggestRequest, SuggestReply>(suggestHandler(storeOpener(), corpusLoader()));
