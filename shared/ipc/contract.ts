/**
 * The IPC contract: for each channel, the zod schema of the request the renderer sends and of
 * the value the main process answers with (wrapped in IpcResult). Both ends validate against it:
 * the main process every request (the renderer is untrusted), the renderer every answer.
 */
import { z } from 'zod';
import { IPC_CHANNELS, IPC_ERROR_CODES, type IpcErrorCode, type IpcResult } from './channels';

/** True for a Uint8Array (or Node Buffer) from any realm; structured clone keeps the type. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export const BytesSchema = z.custom<Uint8Array>(isUint8Array, { message: 'expected a Uint8Array' });

/** A file name with no folder part: what a save dialog may suggest. */
export const PlainFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[/\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s), { message: 'must be a plain file name (no slashes, control or bidi characters)' })
  .refine((s) => s !== '.' && s !== '..', { message: 'must be a plain file name, not . or ..' });

/** A dialog filter: extensions without the dot ('csv'), or '*' for all files. */
export const FileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, { message: 'an extension is letters and digits without the dot, or *' }))
    .min(1)
    .max(32),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

export const FileSaveRequestSchema = z.strictObject({
  suggestedName: PlainFileNameSchema,
  bytes: BytesSchema,
  filters: z.array(FileFilterSchema).max(16),
});
/** A cancelled dialog answers `{saved: false}`. */
export const FileSaveResponseSchema = z.strictObject({ saved: z.boolean(), path: z.string().optional() });

export const AppInfoRequestSchema = z.undefined();
export const AppInfoResponseSchema = z.strictObject({ version: z.string(), platform: z.string(), electron: z.string() });

/** Main → renderer commands (File menu, or a .qdpx opened from the OS). Validated by the renderer. */
export const AppCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open-project') }),
  z.strictObject({ type: z.literal('export-project') }),
  z.strictObject({ type: z.literal('open-file'), name: PlainFileNameSchema, bytes: BytesSchema }),
]);
export type AppCommand = z.infer<typeof AppCommandSchema>;

/** A project id (GUID) and, to hold, its 32-byte AES key. */
const ProjectIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'expected a project id' });
export const SessionKeyHoldRequestSchema = z.strictObject({ projectId: ProjectIdSchema, key: BytesSchema.refine((b) => b.length === 32, { message: 'a key is 32 bytes' }) });
export const SessionKeyTakeRequestSchema = z.strictObject({ projectId: ProjectIdSchema });
export const SessionKeyTakeResponseSchema = z.strictObject({ key: BytesSchema.nullable() });
/** Forget one project's key, or every key (projectId null). */
export const SessionKeyForgetRequestSchema = z.strictObject({ projectId: ProjectIdSchema.nullable() });

/** A pack's HTML (shared/packs/writers/html.ts: self-contained, no script) to print as A4 PDF; at most 64 MB of text. */
export const PackPrintPdfRequestSchema = z.strictObject({ html: z.string().min(1).max(64 * 1024 * 1024) });
export const PackPrintPdfResponseSchema = z.strictObject({ pdf: BytesSchema });

export const ipcContract = {
  [IPC_CHANNELS.fileSave]: { request: FileSaveRequestSchema, response: FileSaveResponseSchema },
  [IPC_CHANNELS.appInfo]: { request: AppInfoRequestSchema, response: AppInfoResponseSchema },
  [IPC_CHANNELS.sessionKeyHold]: { request: SessionKeyHoldRequestSchema, response: z.strictObject({ held: z.literal(true) }) },
  [IPC_CHANNELS.sessionKeyTake]: { request: SessionKeyTakeRequestSchema, response: SessionKeyTakeResponseSchema },
  [IPC_CHANNELS.sessionKeyForget]: { request: SessionKeyForgetRequestSchema, response: z.strictObject({ forgotten: z.number().int() }) },
  [IPC_CHANNELS.packPrintPdf]: { request: PackPrintPdfRequestSchema, response: PackPrintPdfResponseSchema },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcRequest<C extends keyof IpcContract> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends keyof IpcContract> = z.infer<IpcContract[C]['response']>;

export type FileSaveRequest = IpcRequest<'file:save'>;
export type FileSaveResponse = IpcResponse<'file:save'>;
export type AppInfo = IpcResponse<'app:info'>;

const ErrorEnvelopeSchema = z.strictObject({
  ok: z.literal(false),
  code: z.enum(IPC_ERROR_CODES as [IpcErrorCode, ...IpcErrorCode[]]),
  message: z.string().optional(),
});

/** Check an answer from the main process against the channel's response schema. */
export function parseIpcResult<C extends keyof IpcContract>(channel: C, raw: unknown): IpcResult<IpcResponse<C>> {
  const failure = ErrorEnvelopeSchema.safeParse(raw);
  if (failure.success) return failure.data;
  const success = z.strictObject({ ok: z.literal(true), value: ipcContract[channel].response }).safeParse(raw);
  if (success.success) return success.data as IpcResult<IpcResponse<C>>;
  return { ok: false, code: 'io-error', message: `malformed answer on ${channel}: ${z.prettifyError(success.error)}` };
}

/**
 * The closed API the preload exposes as `window.chorus`. Each call resolves to an IpcResult; it
 * never rejects for a handled failure. There is deliberately no "open file" call: the renderer
 * opens files with a file input (the OS dialog), so file contents never cross IPC.
 */
export interface ChorusBridge {
  saveFile(request: FileSaveRequest): Promise<IpcResult<FileSaveResponse>>;
  appInfo(): Promise<IpcResult<AppInfo>>;
  /** Hold an unlocked project key, encrypted with safeStorage, in the main process's memory until the app quits. */
  holdSessionKey(request: IpcRequest<'session-key:hold'>): Promise<IpcResult<IpcResponse<'session-key:hold'>>>;
  takeSessionKey(request: IpcRequest<'session-key:take'>): Promise<IpcResult<IpcResponse<'session-key:take'>>>;
  forgetSessionKey(request: IpcRequest<'session-key:forget'>): Promise<IpcResult<IpcResponse<'session-key:forget'>>>;
  /** Print a pack's HTML to PDF (A4) in a hidden, sandboxed window that can fetch nothing. */
  printToPdf(request: IpcRequest<'pack:print-pdf'>): Promise<IpcResult<IpcResponse<'pack:print-pdf'>>>;
  /** Listen for File-menu commands and OS open-file requests; returns a function that stops listening. */
  onAppCommand(listener: (command: unknown) => void): () => void;
}
