/** Module worker for the survey grid: opens the store itself and answers ./grid-core requests. */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { getDocumentTexts, listSurveyParts } from '../db';
import { readCodingChangesSince, readCodingColumns } from '../db/coding-journal';
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
      // codings as columns, then only the journal's changes since (issue 13: millions of codings)
      codings: (projectId) => readCodingColumns(db, projectId),
      codingChanges: (since) => readCodingChangesSince(db, since),
      texts: (ids) => getDocumentTexts(db, ids),
    };
  }),
);
