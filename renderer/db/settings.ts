import type { ChorusDb } from './schema';

export async function getSetting<T>(db: ChorusDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: ChorusDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
