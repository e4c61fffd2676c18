import { useEffect, useMemo } from 'react';
import { createSearchService, type SearchService } from '../../workers/search-client';

/** The given service (tests) or one backed by the search worker, closed on unmount. */
export function useSearchService(given?: SearchService): SearchService {
  const service = useMemo(() => given ?? createSearchService(), [given]);
  useEffect(() => () => service.dispose(), [service]);
  return service;
}
