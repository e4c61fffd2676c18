/** Module worker for corpus search, "code all hits" and autocode previews (see ./search-handler). */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { corpusLoader, storeOpener } from './corpus';
import { serveRequests } from './rpc';
import { searchHandler, type SearchReply, type SearchRequest } from './search-handler';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

serveRequests<SearchRequest, SearchReply>(searchHandler(storeOpener(), corpusLoader()));
