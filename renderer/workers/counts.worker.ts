/** Module worker for the codebook's counts (./counts-core.ts); started for a count and stopped once idle (./counts-client.ts). */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { projectCodeCounts } from '../db';
import { storeOpener } from './corpus';
import { countsHandler, type CountsReply, type CountsRequest } from './counts-core';
import { serveRequests } from './rpc';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

const openStore = storeOpener();

serveRequests<CountsRequest, CountsReply>(countsHandler(async (dbName, projectId) => projectCodeCounts(await openStore(dbName), projectId)));
