import { useEffect, useMemo } from 'react';
import { createSuggestService, type SuggestService } from '../../workers/suggest-client';

/** The given service (tests) or one backed by the suggestions worker, closed on unmount. */
export function useSuggestService(given?: SuggestService): SuggestService {
  const service = useMemo(() => given ?? createSuggestService(), [given]);
  useEffect(() => () => service.dispose(), [service]);
  return service;
}
