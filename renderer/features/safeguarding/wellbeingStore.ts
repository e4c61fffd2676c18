/**
 * The analyst's wellbeing settings (content notes, break reminder): UI settings of this user on
 * this computer (the store's `settings` table), never project data. Kept in a small external store
 * as well, so a grid cell can read "content notes on?" without a query of its own; and which folded
 * passages the analyst has opened this session.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting, type ChorusDb } from '../../db/api';
import { validBreakSettings, type BreakSettings } from '../../../shared/safeguarding/break-reminder';

export const CONTENT_NOTES_SETTING = 'wellbeing.contentNotes';
export const BREAK_SETTING = 'wellbeing.breakReminder';

export interface Wellbeing {
  contentNotes: boolean;
  breaks: BreakSettings;
}

let current: Wellbeing = { contentNotes: false, breaks: validBreakSettings(undefined) };
const opened = new Set<string>();
/** Documents with at least one passage opened (a grid cell's preview unfolds with them). */
const openedDocuments = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;
const emit = () => {
  version++;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Keep the external store in step with the stored settings (mount once, in the app frame). */
export function useWellbeingSync(db: ChorusDb): Wellbeing {
  const stored = useLiveQuery(async () => ({ contentNotes: (await getSetting<boolean>(db, CONTENT_NOTES_SETTING)) === true, breaks: validBreakSettings(await getSetting<Partial<BreakSettings>>(db, BREAK_SETTING)) }), [db]);
  useEffect(() => {
    if (stored && (stored.contentNotes !== current.contentNotes || JSON.stringify(stored.breaks) !== JSON.stringify(current.breaks))) {
      current = stored;
      emit();
    }
  }, [stored]);
  return stored ?? current;
}

/** The current settings (for components that are not the app frame). */
export function useWellbeing(): Wellbeing {
  useSyncExternalStore(subscribe, () => version);
  return current;
}

export const saveContentNotes = (db: ChorusDb, on: boolean) => setSetting(db, CONTENT_NOTES_SETTING, on);
export const saveBreakSettings = (db: ChorusDb, s: BreakSettings) => setSetting(db, BREAK_SETTING, validBreakSettings(s));

/** Whether the analyst opened this folded passage (by its fold key) this session. */
export function useOpenedPassages(): { isOpen: (key: string) => boolean; isOpenIn: (documentId: string) => boolean; open: (key: string) => void } {
  useSyncExternalStore(subscribe, () => version);
  return {
    isOpen: (key) => opened.has(key),
    isOpenIn: (documentId) => openedDocuments.has(documentId),
    open: (key) => {
      opened.add(key);
      openedDocuments.add(key.split(':')[0]!);
      emit();
    },
  };
}
