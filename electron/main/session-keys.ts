/**
 * Unlocked project keys held for this app session only: each key is encrypted with Electron's
 * safeStorage (the OS keychain / DPAPI / libsecret) and kept in this process's memory — never on
 * disk, gone when Chorus quits. Lets a reloaded window reopen an unlocked project without the
 * passphrase; "Lock now" and the inactivity lock forget it. Needs no Electron to be unit-tested.
 */
import { IpcFailure } from './ipc';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createSessionKeys(safe: SafeStorageLike) {
  const held = new Map<string, Buffer>();
  return {
    hold({ projectId, key }: { projectId: string; key: Uint8Array }): { held: true } {
      if (!safe.isEncryptionAvailable()) throw new IpcFailure('io-error', 'this system offers no safe storage, so the key is not held (type the passphrase after a reload)');
      held.set(projectId, safe.encryptString(Buffer.from(key).toString('base64')));
      return { held: true };
    },
    take({ projectId }: { projectId: string }): { key: Uint8Array | null } {
      const sealed = held.get(projectId);
      return { key: sealed ? new Uint8Array(Buffer.from(safe.decryptString(sealed), 'base64')) : null };
    },
    forget({ projectId }: { projectId: string | null }): { forgotten: number } {
      if (projectId === null) {
        const n = held.size;
        held.clear();
        return { forgotten: n };
      }
      return { forgotten: held.delete(projectId) ? 1 : 0 };
    },
  };
}
