/** Module worker for opening, exporting, copying and merging whole-project files (see ./project-file-handler). */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { storeOpener } from './corpus';
import { projectFileHandler, type ProjectFileReply, type ProjectFileRequest } from './project-file-handler';
import { serveRequests } from './rpc';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

serveRequests<ProjectFileRequest, ProjectFileReply>(projectFileHandler(storeOpener()));
