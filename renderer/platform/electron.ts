/**
 * Platform over the preload bridge (window.chorus). Every answer is checked against the IPC
 * contract and unwrapped: a value, or a PlatformError carrying the contract's error code.
 * Opening files needs no bridge: in the sandboxed renderer a file input shows the OS's own
 * dialog and yields disk-backed Files holding only what the user picked (read in slices by the
 * import worker, never copied whole across IPC).
 */
import type { IpcResult } from '../../shared/ipc/channels';
import { AppCommandSchema, parseIpcResult, type ChorusBridge, type IpcContract, type IpcResponse } from '../../shared/ipc/contract';
import { openFilesWithInput } from './browser';
import { cryptoRandomBytes, PlatformError, type Platform } from './platform';
import { errorMessage } from '../../shared/error-message';
import { plainFileName } from '../../shared/control-chars';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by electron/preload). */
    chorus?: ChorusBridge;
  }
}

async function call<C extends keyof IpcContract>(channel: C, pending: Promise<IpcResult<IpcResponse<C>>>): Promise<IpcResult<IpcResponse<C>>> {
  let raw: unknown;
  try {
    raw = await pending;
  } catch (e) {
    throw new PlatformError('io-error', `${channel} failed: ${errorMessage(e)}`);
  }
  return parseIpcResult(channel, raw);
}

function fail(channel: string, result: { code: PlatformError['code']; message?: string }): never {
  throw new PlatformError(result.code, result.message ?? `${channel} failed (${result.code})`);
}

function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,16})$/.exec(name);
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function createElectronPlatform(bridge: ChorusBridge, doc: Document = document): Platform {
  return {
    kind: 'electron',
    openFiles: (opts) => openFilesWithInput(opts, doc),
    async saveFile(name, bytes, _mime) {
      const ext = extensionOf(name);
      const filters = ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }] : [];
      const result = await call('file:save', bridge.saveFile({ suggestedName: plainFileName(name), bytes, filters }));
      if (result.ok) return result.value.saved;
      if (result.code === 'cancelled') return false;
      return fail('file:save', result);
    },
    async appInfo() {
      const result = await call('app:info', bridge.appInfo());
      if (!result.ok) return fail('app:info', result);
      return { version: result.value.version, platform: result.value.platform };
    },
    randomBytes: (n) => cryptoRandomBytes(n),
    async printToPdf(html) {
      const result = await call('pack:print-pdf', bridge.printToPdf({ html }));
      return result.ok ? result.value.pdf : fail('pack:print-pdf', result);
    },
    sessionKeys: {
      async hold(projectId, key) {
        const result = await call('session-key:hold', bridge.holdSessionKey({ projectId, key }));
        if (!result.ok) fail('session-key:hold', result);
      },
      async take(projectId) {
        const result = await call('session-key:take', bridge.takeSessionKey({ projectId }));
        return result.ok ? result.value.key : fail('session-key:take', result);
      },
      async forget(projectId) {
        const result = await call('session-key:forget', bridge.forgetSessionKey({ projectId }));
        if (!result.ok) fail('session-key:forget', result);
      },
    },
    onAppCommand: (handler) =>
      bridge.onAppCommand((raw) => {
        const command = AppCommandSchema.safeParse(raw);
        if (command.success) handler(command.data);
      }),
  };
}
