import type { ProjectBundle } from '../model';

export interface ProjectCounts {
  sources: number;
  documents: number;
  participants: number;
  codes: number;
  codings: number;
  coders: number;
  memos: number;
}

export function projectCounts(bundle: ProjectBundle): ProjectCounts {
  return {
    sources: bundle.sources.length,
    documents: bundle.documents.length,
    participants: bundle.participants.length,
    codes: bundle.codes.length,
    codings: bundle.codings.length,
    coders: bundle.coders.length,
    memos: bundle.memos.length,
  };
}
