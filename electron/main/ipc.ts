/**
 * The IPC trust boundary. `makeHandler` wraps a handler so that it answers only frames served
 * from app://chorus/, validates the payload with the channel's zod schema, and always resolves
 * to an IpcResult (never throws across IPC). It needs no Electron, so it is unit-tested directly.
 */
import { z } from 'zod';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/channels';
import { ipcContract, type IpcContract, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract';
import { isTrustedSender } from './guards';
import { errorMessage } from '../../shared/error-message';

/** The part of Electron's IpcMainInvokeEvent the wrapper reads. */
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

/** Throw from a handler to answer with a specific code instead of 'io-error'. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export function makeHandler<S extends z.ZodType, T, E extends IpcEventLike = IpcEventLike>(
  schemaIn: S,
  fn: (input: z.output<S>, event: E) => Promise<T> | T,
): (event: E, payload?: unknown) => Promise<IpcResult<T>> {
  return async (event, payload) => {
    const frameUrl = event.senderFrame?.url;
    if (!isTrustedSender(frameUrl)) {
      return { ok: false, code: 'untrusted-sender', message: `refused a call from ${frameUrl ?? 'a destroyed frame'}` };
    }
    const parsed = schemaIn.safeParse(payload);
    if (!parsed.success) return { ok: false, code: 'bad-request', message: z.prettifyError(parsed.error) };
    try {
      return { ok: true, value: await fn(parsed.data, event) };
    } catch (e) {
      if (e instanceof IpcFailure) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: 'io-error', message: errorMessage(e) };
    }
  };
}

/** The part of Electron's ipcMain used to register handlers. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** Register one channel of the contract, typed by it. */
export function handleChannel<C extends keyof IpcContract, E extends IpcEventLike>(
  ipcMain: IpcMainLike<E>,
  channel: C,
  fn: (input: IpcRequest<C>, event: E) => Promise<IpcResponse<C>> | IpcResponse<C>,
): void {
  const schema = ipcContract[channel].request as unknown as z.ZodType<IpcRequest<C>>;
  const handler = makeHandler<z.ZodType<IpcRequest<C>>, IpcResponse<C>, E>(schema, fn);
  ipcMain.handle(channel, (event, payload) => handler(event, payload));
}
