/** Module worker for the survey grid: opens the store itself and answers ./grid-core requests. */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { getDocumentTexts, listCodings, listSurveyParts } from '../db';
import { storeOpener } from './corpus';
import { gridHandler, type GridReply, type GridRequest } from './grid-core';
import { serveRequests } from './rpc';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

const openStore = storeOpener();

serveRequests<GridRequest, GridReply>(
  gridHandler(async (name) => {
    const db = await openStore(name);
    return {
      survey: (projectId) => listSurveyParts(db, projectId),
      codings: (projectId) => listCodings(db, { projectId }),
      texts: (ids) => getDocumentTexts(db, ids),
    };
  }),
);
