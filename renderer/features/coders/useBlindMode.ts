import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting, type ChorusDb } from '../../db/api';

export const BLIND_MODE_SETTING = 'blindMode';

/** Blind mode (for reliability coding): each coder sees only their own codings. Kept in settings. */
export function useBlindMode(db: ChorusDb): [boolean, (on: boolean) => Promise<void>] {
  const on = useLiveQuery(async () => (await getSetting<boolean>(db, BLIND_MODE_SETTING)) === true, [db]) ?? false;
  return [on, (v) => setSetting(db, BLIND_MODE_SETTING, v)];
}
