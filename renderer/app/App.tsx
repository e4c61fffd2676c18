import type { ChorusDb } from '../db/api';
import { DbContext } from './dbContext';
import { StoreErrorPage } from './StoreErrorPage';
import { useChorusDb } from './useChorusDb';
import { Workbench } from './Workbench';

export function App({ open }: { open?: () => Promise<ChorusDb> }) {
  const state = useChorusDb(open);
  if (state.status === 'loading') {
    return (
      <main className="loading" aria-busy="true">
        <p>Opening your projects…</p>
      </main>
    );
  }
  if (state.status === 'error') return <StoreErrorPage error={state.error} />;
  return (
    <DbContext.Provider value={state.db}>
      <Workbench />
    </DbContext.Provider>
  );
}
