import { createContext, useContext } from 'react';
import type { ChorusDb } from '../db/api';

export const DbContext = createContext<ChorusDb | null>(null);

/** The open Chorus store; only valid below <DbContext.Provider>. */
export function useDb(): ChorusDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() used outside <DbContext.Provider>');
  return db;
}
