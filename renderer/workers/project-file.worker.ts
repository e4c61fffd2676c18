/** Module worker for opening and exporting whole-project files (see ./project-file-handler). */
import { storeOpener } from './corpus';
import { projectFileHandler, type ProjectFileReply, type ProjectFileRequest } from './project-file-handler';
import { serveRequests } from './rpc';

serveRequests<ProjectFileRequest, ProjectFileReply>(projectFileHandler(storeOpener()));
