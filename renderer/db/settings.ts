import type { ChorusDb } from './schema';

export async function getSetting<T>(db: ChorusDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: ChorusDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Read-modify-write one setting in one transaction (so two quick updates cannot lose each other). */
export async function updateSetting<T>(db: ChorusDb, key: string, update: (old: T | undefined) => T): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key, value: update((await db.settings.get(key))?.value as T | undefined) });
  });
}
