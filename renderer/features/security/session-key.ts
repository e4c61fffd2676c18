/** Electron only: the unlocked key held for the app session (platform.sessionKeys), and forgetting it. */
import { lockAll } from '../../db/api';
import { getPlatform } from '../../platform';

/** Drop the key here and in the main process's session store (Lock now, inactivity). */
export function lockAndForget(): void {
  lockAll();
  void getPlatform().sessionKeys?.forget(null).catch(() => undefined);
}

export const canHoldSessionKey = (): boolean => getPlatform().sessionKeys !== undefined;
