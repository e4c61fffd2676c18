import { useCallback, useEffect, useState } from 'react';

/** The current workspace id from the URL hash (#/analyse), defaulting to the first. */
export function useWorkspaceRoute(ids: readonly string[]): [string, (id: string) => void] {
  const read = useCallback(() => {
    const id = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
    return ids.includes(id) ? id : ids[0]!;
  }, [ids]);
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const onHash = () => setCurrent(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [read]);
  const go = useCallback((id: string) => {
    window.location.hash = `#/${id}`;
    setCurrent(id);
  }, []);
  return [current, go];
}
