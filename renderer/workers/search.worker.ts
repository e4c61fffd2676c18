/** Module worker for corpus search, "code all hits" and autocode previews (see ./search-handler). */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { corpusLoader, storeOpener } from './corpus';
import { serveRequests } from './rpc';
import { searchHandler, type SearchReply, type SearchRequest } from './search-handler';

serveRequests<SearchRequest, SearchReply>(searchHandler(storeOpener(), corpusLoader()));
