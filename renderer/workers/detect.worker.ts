/**
 * A personal-data detection worker: one member of the pool (./detect-pool.ts) an import spreads
 * its scan over, so the scan uses every core while the import worker reads and builds the rows.
 * It sees only the texts it is given and returns their findings; it never opens the store.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { answerDetect, type DetectReply, type DetectRequest } from './detect-protocol';
import { serveRequests } from './rpc';

serveRequests<DetectRequest, DetectReply>(answerDetect);
