/** Module worker for the survey grid: opens the store itself and answers ./grid-core requests. */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { listCodings, listDocuments, listParticipants, listVariables } from '../db';
import { storeOpener } from './corpus';
import { gridHandler, type GridReply, type GridRequest } from './grid-core';
import { serveRequests } from './rpc';

const openStore = storeOpener();

serveRequests<GridRequest, GridReply>(
  gridHandler(async (name) => {
    const db = await openStore(name);
    return {
      people: async (projectId) => {
        const [documents, participants] = await Promise.all([listDocuments(db, projectId), listParticipants(db, projectId)]);
        return { documents, participants };
      },
      coding: async (projectId) => {
        const [variables, codings] = await Promise.all([listVariables(db, projectId), listCodings(db, { projectId })]);
        return { variables, codings };
      },
    };
  }),
);
